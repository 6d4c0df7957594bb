"""``gaischema report``: a province's published reports in, checked data and one self-contained page out.

Evaluators publish what they find in a province's reports; researchers compare organs and years. This module
does the whole job in one pass per input file: a published report (PDF, web page, Word, workbook, Markdown,
text, a crawler's dump) is extracted, an instance (YAML/JSON) is read, and either is validated exactly as
``validate`` does (:func:`gaischema.corpus.validate_source`, cross-report rules included), its numbers read
through the compiled model, and its annotated rendering made — all in one worker task
(:func:`file_records`: a path in, a plain picklable dict out), mapped by the local process pool
(:func:`gaischema.corpus.pool_map`, whose per-worker limits contain hostile files) or by a Dask cluster. The
parent process alone writes (renderings, copies of the originals, saved instances, the cache, the page), each
file through a temporary name and a rename inside ``<page>_files/``, named by a hash of the input's path, never
after the input's name, never through a link.

Why a cache (:mod:`gaischema.cache`): a rerun after one added report costs that report, not the province.

Why matplotlib, and SVG: the charts are static vector drawings inlined in the page, so there is no charting
runtime to embed (Vega/Vega-Lite with vega-embed is about 1 MB, plotly.min.js about 3.5 MB of a 5 MB page budget)
and nothing to fetch: offline by construction. Text stays text (``svg.fonttype: none``), so Chinese labels are
drawn by the reader's fonts and can be selected; every mark carries an id (``mark-<chart>-<n>``) that a test
counts. Text from reports is never read as mathtext (``text.parse_math`` off) and is cut to a length. The page
is a Jinja template with autoescaping (``templates/report.html.j2``); the one data block is JSON with ``<``,
``>`` and ``&`` escaped, so no organ name can close it. matplotlib is the optional extra ``gaischema[report]``;
colours are the Okabe–Ito palette and the cividis map, both readable with the common colour-vision deficiencies.

The page carries aggregates, not reports: one row per report in the table (file, source format, organ, year,
counts, rules, notes, two numbers, links), totals per year, the organs with the most findings in the heatmap.

The package's parts, each of which the next one uses: :mod:`.facts` (one report's numbers and the
:class:`~.facts.Corpus` that aggregates them), :mod:`.collection` (the run: one worker task per file, the
cache, the files the parent writes), :mod:`.charts` (matplotlib's SVG charts) and :mod:`.page` (the HTML page).
"""

from gaischema.cache import CacheError
from gaischema.report.charts import ChartsUnavailable
from gaischema.report.collection import (Options, SchedulerUnavailable, collect, display_name, file_records,
                                         input_suffixes, instance_target, path_id)
from gaischema.report.facts import Corpus, facts
from gaischema.report.page import build_page, page_parts

__all__ = ["CacheError", "ChartsUnavailable", "Corpus", "Options", "SchedulerUnavailable", "build_page", "collect",
           "display_name", "facts", "file_records", "input_suffixes", "instance_target", "page_parts", "path_id"]
