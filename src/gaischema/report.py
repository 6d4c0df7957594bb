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
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import urllib.parse
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from gaischema import loading
from gaischema import output as out
from gaischema.cache import Cache, CacheError, file_digest
from gaischema.corpus import CrossChecker, Summary, internal_result, pool_map, validate_source
from gaischema.model import Model, get
from gaischema.render import render_html, templates
from gaischema.validate import FileResult, fatal_result, warm

__all__ = ["CacheError", "ChartsUnavailable", "Corpus", "Options", "SchedulerUnavailable", "build_page", "collect", "display_name", "file_records",
           "input_suffixes"]

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
OUTCOMES = [("granted", "予以公开", "granted"), ("partially_granted", "部分公开", "granted in part"),
            ("denied", "不予公开", "refused"), ("unable", "无法提供", "unable to provide"),
            ("not_processed", "不予处理", "not processed"), ("other", "其他处理", "handled otherwise")]
HEATMAP_ORGANS = 40
LABEL_CHARS = 40  # a chart label from a report is cut to this many characters
TEXT_CHARS = 300  # an organ or note in the report table is cut to this many
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC"]
# the kinds of original a copy keeps its suffix for (the browser opens it by its suffix); anything else is .bin
ORIGINAL_SUFFIXES = {".txt", ".html", ".htm", ".docx", ".md", ".markdown", ".xlsx", ".pdf", ".csv", ".tsv",
                     ".jsonl", ".json", ".yaml", ".yml"}


class ChartsUnavailable(Exception):
    """matplotlib is not installed (the optional extra ``gaischema[report]``)."""


class SchedulerUnavailable(Exception):
    """--scheduler names no Dask scheduler that answers (or distributed is not installed)."""


# ------------------------------------------------------------------------------------------------ names
def display_name(path: str) -> str:
    """A file name as people read it, always valid Unicode: names that are not UTF-8 (a Windows zip of Chinese
    reports unpacks GBK names) are decoded as GB18030 where they read so, else shown with \\x escapes."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def path_id(path: str) -> str:
    """The name of everything written for one input inside ``<page>_files/``: a hash of its absolute path,
    so that no input name (``..``, ``#``, a newline, 255 bytes) ever becomes part of a link or a file name."""
    return hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:20]


def input_suffixes() -> tuple[str, ...]:
    """The suffixes ``report`` reads: instances, and every published kind the extractor reads."""
    from gaischema.extract import PUBLISHED_SUFFIXES  # late: the extractor's modules are slow to import

    return tuple(dict.fromkeys(loading.REPORT_SUFFIXES + tuple(PUBLISHED_SUFFIXES)))


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# ------------------------------------------------------------------------------------------------ one report
def facts(instance: dict) -> dict:
    """The numbers of one report the page aggregates, read along the compiled model's rows (a blank cell is
    None, never 0; a value of the wrong type counts as blank: the validator reports it)."""
    model = Model.load()
    version = instance.get("format_version")
    if not isinstance(version, str) or version not in model.versions:
        return {}
    rows = model.rows(version, "三")

    def total(path):
        v = get(instance, f"{path}.total")
        return v if type(v) is int else None

    def group(prefix):
        values = [total(r.path) for r in rows if r.path.startswith(prefix)]
        return sum(values) if values and None not in values else None

    out: dict[str, Any] = {
        "organ": instance.get("organ") if isinstance(instance.get("organ"), str) else None,
        "received": total("applications.new_applications"),
        "carried_over": total("applications.carried_over"),
        "granted": total("applications.results.granted"),
        "partially_granted": total("applications.results.partially_granted"),
        "denied": group("applications.results.denied."),
        "unable": group("applications.results.unable."),
        "not_processed": group("applications.results.not_processed."),
        "other": group("applications.results.other_handling"),
        "answered": total("applications.results.results_total"),
        "reasons": {r.label: total(r.path) for r in rows if r.path.startswith("applications.results.denied.")},
    }
    cases = {}
    for r in model.rows(version, "四"):
        cases[r.path.rsplit(".", 1)[1]] = {k: get(instance, f"{r.path}.{k}") for k in ("upheld", "corrected", "other_result", "pending", "total")}
    out["cases"] = cases
    extraction = instance.get("extraction")
    if isinstance(extraction, dict):
        notes = extraction.get("notes")
        # the extractor writes note_kind (the schema's slot name)
        kinds = Counter(str(n.get("note_kind")) for n in notes if isinstance(n, dict) and n.get("note_kind")) \
            if isinstance(notes, list) else Counter()
        fmt = extraction.get("source_format")
        out["provenance"] = {"format": fmt if isinstance(fmt, str) else "?", "notes": dict(kinds),
                             "cell_count": len(model.cells(version))}
    return out


def _checked(instance: object, name: str, fmt: str, render: bool, saved: str | None) -> dict:
    """Validate one report, read its numbers, render it annotated: one report's record."""
    result = validate_source(instance, name) if isinstance(instance, dict) else validate_source(
        json.dumps(instance), name)
    record = {"result": result.to_record(), "facts": None, "rendering": None, "instance": None, "format": fmt,
              "notes": {}, "problem": None}
    if not isinstance(instance, dict) or result.fatal:
        return record
    record["instance"] = saved
    f = facts(instance)
    record["facts"] = f
    record["notes"] = (f.get("provenance") or {}).get("notes", {})
    if render or result.findings:
        try:
            record["rendering"] = render_html(instance, annotate=True, findings=result.findings)
        except ValueError:
            record["problem"] = "无法排版：没有有效的 format_version / no layout: no valid format_version"
    return record


def _unreadable(result: FileResult, fmt: str) -> dict:
    return {"result": result.to_record(), "facts": None, "rendering": None, "instance": None, "format": fmt,
            "notes": {}, "problem": None}


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def file_records(task: dict) -> dict:
    """One input file, the whole way (the map step of ``report``, for the local pool and for Dask alike): read
    it, extract it when it is a published report, validate each report it holds, read the numbers the page
    shows and render each report annotated. Never raises; a bug is an INTERNAL-ERROR row of that file.

    ``task``: ``{"path", "name" (as shown), "save" (return the instance's text)}``. Returns ``{"name",
    "reports": [record, ...]}``, each record ``{"result" (FileResult record), "facts", "rendering" (HTML or
    None), "instance" (text or None), "format", "notes" ({kind: n}), "problem"}``."""
    path, name, save = task["path"], task["name"], task.get("save", False)
    try:
        if _suffix(path) in loading.REPORT_SUFFIXES:
            reports = [_instance_file(path, name, save)]
        else:
            reports = _published_file(path, name, save)
    except MemoryError:  # the worker's memory limit: INPUT-TOO-COMPLEX (gaischema.sandbox), not a bug
        raise
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not cost the others their rows
        reports = [_unreadable(internal_result(name, exc), _suffix(path).lstrip(".") or "?")]
    return {"name": name, "reports": reports}


def _instance_file(path: str, name: str, save: bool) -> dict:
    fmt = "json" if _suffix(path) == ".json" else "yaml"
    try:
        data = loading.read_bytes(path)
        text = loading.decode(data)
        instance = loading.parse(text, name)
    except loading.InputError as err:
        return _unreadable(fatal_result(name, err), fmt)
    record = _checked(instance, name, fmt, False, text if save else None)
    extraction = instance.get("extraction") if isinstance(instance, dict) else None
    if isinstance(extraction, dict) and isinstance(extraction.get("source_format"), str):
        record["format"] = f"{fmt} ← {extraction['source_format']}"
    return record


def _published_file(path: str, name: str, save: bool) -> list[dict]:
    from gaischema.extract import dumps, extract_file_records  # late: the extractor's modules are slow to import

    records = extract_file_records(path)
    out = []
    for i, rec in enumerate(records, 1):
        # a crawler's dump: one record a row, PATH#row=N
        rname = name + rec["file"][len(path):] if rec["file"].startswith(path) and rec["file"] != path else \
            name if len(records) == 1 else f"{name}#{i}"
        fmt = _suffix(path).lstrip(".") or "?"
        if rec["error"]:
            e = rec["error"]
            err = loading.InputError(e["rule"], e["message"], e["message_en"])
            out.append(_unreadable(fatal_result(rname, err), fmt))
            continue
        instance = rec["instance"]
        extraction = instance.get("extraction") or {}
        fmt = extraction.get("source_format") or fmt
        out.append(_checked(instance, rname, fmt, True, dumps(instance) if save else None))
    if not out:
        err = loading.InputError("INPUT-NOT-REPORT", "文件中没有年度报告", "the file holds no report")
        out.append(_unreadable(fatal_result(name, err), _suffix(path).lstrip(".") or "?"))
    return out


# ------------------------------------------------------------------------------------------------ the corpus
@dataclass
class Corpus:
    """What the page shows, aggregated as the results come in."""

    summary: Summary = field(default_factory=Summary)
    rows: list[dict] = field(default_factory=list)
    heat: Counter = field(default_factory=Counter)  # (organ, rule) -> findings
    by_year: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> numbers
    reasons: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> reason -> count
    cases: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> "group.result" -> count
    organs: dict = field(default_factory=lambda: defaultdict(Counter))  # (organ, year) -> numbers
    provenance: dict = field(default_factory=lambda: defaultdict(Counter))  # source format -> counts
    index: dict = field(default_factory=dict)  # file -> its row
    clusters: list = field(default_factory=list)  # near-duplicate clusters (CrossChecker.clusters), if known
    cached: int = 0  # files whose result came from the cache
    write_errors: list = field(default_factory=list)  # outputs that could not be written (one line each)

    def add(self, record: dict, extra: dict | None = None) -> FileResult:
        """One report's record (see :func:`file_records`); ``extra``: what the parent wrote for it (links)."""
        result = FileResult.from_record(record["result"])
        self.summary.add(result)
        f = record.get("facts") or {}
        organ = _cut(f.get("organ") or "?", TEXT_CHARS)  # everywhere on the page: a 200,000-character organ is cut
        errors = sum(x.severity == "error" for x in result.findings)
        notes = record.get("notes") or {}
        reason = ""
        if result.fatal and result.findings:
            reason = f"{result.findings[0].rule} {result.findings[0].message} / {result.findings[0].message_en}"
        elif record.get("problem"):
            reason = record["problem"]
        row = {"seq": [len(self.rows), 0], "file": result.file, "format": record.get("format") or "?",
               "organ": organ, "year": result.year,
               "status": "unreadable" if result.fatal else "errors" if not result.valid
               else "warnings" if result.findings else "valid",
               "errors": errors, "warnings": len(result.findings) - errors,
               "rules": sorted({x.rule for x in result.findings}),
               "notes": _cut(", ".join(f"{k} ×{n}" for k, n in sorted(notes.items())) or reason, TEXT_CHARS),
               "received": f.get("received"), "granted_share": _share(f), "link": None, "source": None,
               **(extra or {})}
        self.rows.append(row)
        self.index[result.file] = row
        for x in result.findings:
            self.heat[(organ, x.rule)] += 1
        if f and result.year is not None:
            year = self.by_year[result.year]
            year["reports"] += 1
            for key in ("received", "carried_over", "answered", *(o for o, _, _ in OUTCOMES)):
                if f.get(key) is not None:
                    year[key] += f[key]
            organ_year = self.organs[(organ, result.year)]
            for key in ("received", "answered", "granted", "partially_granted"):
                if f.get(key) is not None:
                    organ_year[key] += f[key]
            for reason_label, n in (f.get("reasons") or {}).items():
                if n is not None:
                    self.reasons[result.year][reason_label] += n
            for grp, results in (f.get("cases") or {}).items():
                for k, n in results.items():
                    if type(n) is int:
                        self.cases[result.year][f"{grp}.{k}"] += n
        if f.get("provenance"):
            p = f["provenance"]
            prov = self.provenance[p["format"]]
            prov["reports"] += 1
            prov["cell_count"] += p["cell_count"]
            for kind, n in p["notes"].items():
                prov[kind] += n
        return result

    def add_cross(self, result: FileResult) -> None:
        """A cross-report result: its findings count for the report it is about."""
        self.summary.add_cross(result)
        row = self.index[result.file]
        for x in result.findings:
            self.heat[(row["organ"], x.rule)] += 1
        row["rules"] = sorted(set(row["rules"]) | {x.rule for x in result.findings})
        row["warnings"] += sum(x.severity != "error" for x in result.findings)
        row["errors"] += sum(x.severity == "error" for x in result.findings)
        if row["status"] in ("valid", "warnings"):
            row["status"] = "errors" if any(x.severity == "error" for x in result.findings) else "warnings"

    @property
    def failed(self) -> bool:
        """Some report has an error (its own or a cross-report one) or could not be read."""
        s = self.summary
        return bool(s.errors or s.fatal or s.cross_errors)


def _share(f: dict) -> float | None:
    if not f or not f.get("answered") or f.get("granted") is None or f.get("partially_granted") is None:
        return None
    return round(100 * (f["granted"] + f["partially_granted"]) / f["answered"], 1)


# ------------------------------------------------------------------------------------------------ the run
@dataclass
class Options:
    """How :func:`collect` runs. ``files_dir``: ``<page>_files`` (renderings, copies of the originals, the
    cache unless ``cache_dir``); ``save_dir``: where instances are kept (``--save-instances``)."""

    files_dir: str | None = None
    save_dir: str | None = None
    force: bool = False
    jobs: int = 0
    cross: bool = True
    cache_dir: str | None = None  # None with use_cache: <files_dir>/cache
    use_cache: bool = True
    scheduler: str | None = None  # a Dask scheduler's address


class _Writer:
    """Everything the parent writes inside ``<page>_files/`` and the instances folder: named by hashes, through
    a temporary file and a rename (never through a link), skipped when an identical file is already there."""

    def __init__(self, opts: Options):
        self.opts = opts
        self.base = urllib.parse.quote(os.path.basename(opts.files_dir)) if opts.files_dir else None
        self.saved: set[str] = set()
        self.errors: list[str] = []

    def _put(self, folder: str, name: str, data: bytes, force: bool = True) -> bool:
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            st = None
        if st is not None:
            if os.path.islink(path):
                os.unlink(path)  # a planted link is removed, never written through
            elif os.path.isfile(path) and st.st_size == len(data) and force:
                return True  # the same file from an earlier run (names are hashes, contents from the cache)
        try:
            out.write(path, data, force)
        except (out.OutputError, OSError) as e:
            self.errors.append(f"{display_name(path)}: {e}")
            return False
        return True

    def report(self, path: str, k: int, record: dict) -> dict:
        """Write one report's rendering; the row's links."""
        links: dict[str, str | None] = {}
        if self.base is None:
            return links
        pid = path_id(path) + (f"-{k}" if k else "")
        if record.get("rendering"):
            if self._put(os.path.join(self.opts.files_dir, "r"), pid + ".html", record["rendering"].encode("utf-8")):
                links["link"] = f"{self.base}/r/{pid}.html"
        return links

    def original(self, path: str) -> str | None:
        """A copy of the input beside the page (so that its link stays inside the output folder)."""
        if self.base is None:
            return None
        suffix = _suffix(path) if _suffix(path) in ORIGINAL_SUFFIXES else ".bin"
        name = path_id(path) + suffix
        try:
            data = loading.read_bytes(path)
        except loading.InputError:
            return None
        if self._put(os.path.join(self.opts.files_dir, "src"), name, data):
            return f"{self.base}/src/{name}"
        return None

    def instance(self, target: str, text: str) -> None:
        folder, name = os.path.split(target)
        self._put(folder, name, text.encode("utf-8"), self.opts.force)


def instance_target(save_dir: str, path: str, taken: set[str]) -> str:
    """Where ``--save-instances`` keeps an input's instance: its name (made safe: no separators, control
    characters or ``..``; at most 200 bytes) with .yaml, or .json for a JSON input; -2, -3… on a clash."""
    base = display_name(os.path.basename(path))
    stem, suffix = os.path.splitext(base)
    ext = ".json" if suffix.lower() == ".json" else ".yaml"
    stem = "".join("_" if ch in "/\\" or ord(ch) < 32 or ord(ch) == 127 else ch for ch in stem).lstrip(".") or "report"
    while len(stem.encode("utf-8")) > 200:
        stem = stem[:-1]
    name, n = stem + ext, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{ext}"
    taken.add(name)
    return os.path.join(save_dir, name)


def _local_map(fn: Callable, tasks: list[dict], jobs: int) -> Iterator[dict]:
    n = jobs or os.cpu_count() or 1
    yield from pool_map(fn, tasks, jobs, serial_below=2 * n, chunksize=1, failed=_too_complex)


def _too_complex(task: dict, err: loading.InputError) -> dict:
    """The row of a file whose worker hit a limit (gaischema.sandbox): its INPUT-TOO-COMPLEX result."""
    return {"name": task["name"], "reports": [_unreadable(fatal_result(task["name"], err),
                                                          _suffix(task["path"]).lstrip(".") or "?")]}


def _dask_map(fn: Callable, tasks: list[dict], address: str) -> Iterator[dict]:
    """The same map step on an existing Dask cluster: ``client.map``, results as they complete."""
    try:
        from distributed import Client, as_completed  # late: the optional extra gaischema[dask]
    except ImportError:
        raise SchedulerUnavailable("--scheduler 需要 pip install 'gaischema[dask]' / --scheduler needs "
                                   "pip install 'gaischema[dask]'") from None

    try:
        client = Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as e:
        raise SchedulerUnavailable(f"无法连接 Dask 调度器 {address} / cannot reach the Dask scheduler {address}: {e}") from None
    with client:
        futures = client.map(fn, tasks, pure=False)
        for future in as_completed(futures):
            yield future.result()
            del future


def collect(files: Iterable[str | tuple[str, loading.InputError]], renderings: str | None = None, jobs: int = 0,
            cross: bool = True, progress: Callable[[int, str], None] = lambda done, status: None,
            options: Options | None = None) -> Corpus:
    """Read, extract, validate and aggregate ``files`` (paths, or (path, error) for inputs already known to be
    unreadable) — each once, in one worker task — and write what the page links to (see :class:`Options`)."""
    opts = options or Options(files_dir=renderings, jobs=jobs, cross=cross, use_cache=False)
    warm()
    corpus = Corpus()
    writer = _Writer(opts)
    cache = None
    if opts.use_cache and (opts.cache_dir or opts.files_dir):
        cache = Cache(opts.cache_dir or os.path.join(opts.files_dir, "cache"))
    checker = CrossChecker() if opts.cross else None
    taken: set[str] = set()
    names: set[str] = set()
    todo: list[dict] = []
    keys: dict[str, str] = {}
    done = 0
    cache_options = {"save": bool(opts.save_dir)}

    def finish(task: dict, result: dict) -> None:
        nonlocal done
        source = writer.original(task["path"])
        for k, record in enumerate(result["reports"]):
            extra = {"seq": [task["order"], k], "source": source, **writer.report(task["path"], k, record)}
            if task.get("target") and record.get("instance"):
                # a row of a crawler's dump: NAME-rowN, as gaischema extract names it
                row = record["result"]["file"].rpartition("#row=")[2] if "#row=" in record["result"]["file"] else ""
                stem, ext = os.path.splitext(task["target"])
                writer.instance(f"{stem}-row{row}{ext}" if row else task["target"], record["instance"])
            res = corpus.add(record, extra)
            if checker:  # in the order of the input, whoever finished first
                checker.add(res, f"{task['order']:012d}.{k:06d}")
        done += 1
        progress(done, f"errors {corpus.summary.errors} unreadable {corpus.summary.fatal}")

    try:
        for order, item in enumerate(files):
            path, err = item if isinstance(item, tuple) else (item, None)
            name = display_name(path)
            while name in names:  # two paths shown alike (undecodable bytes): keep rows apart
                name += "\u2032"
            names.add(name)
            if err is not None:
                corpus.add(_unreadable(fatal_result(name, err), _suffix(path).lstrip(".") or "?"), {"seq": [order, 0]})
                done += 1
                continue
            task = {"path": path, "name": name, "save": bool(opts.save_dir), "order": order}
            if opts.save_dir:
                task["target"] = instance_target(opts.save_dir, path, taken)
            if cache:
                digest = file_digest(path)
                if digest:
                    keys[path] = Cache.key(digest, name, cache_options)
                    hit = cache.get(keys[path])
                    if hit is not None:
                        corpus.cached += 1
                        finish(task, hit)
                        continue
            todo.append(task)
        mapped = _dask_map(file_records, todo, opts.scheduler) if opts.scheduler else \
            _local_map(file_records, todo, opts.jobs)
        by_name = {t["name"]: t for t in todo}
        for result in mapped:
            task = by_name.pop(result["name"])
            if cache and task["path"] in keys and not any(
                    r["result"]["findings"] and r["result"]["findings"][0]["rule"] in ("INTERNAL-ERROR", "INPUT-TOO-COMPLEX")
                    for r in result["reports"]):
                cache.put(keys[task["path"]], result)
            finish(task, result)
        if checker:
            for result in checker.results():
                if result.file in corpus.index:
                    corpus.add_cross(result)
            corpus.clusters = checker.clusters()
    finally:
        if checker:
            checker.close()
        if cache:
            cache.close()
    corpus.rows.sort(key=lambda r: r["seq"])
    corpus.write_errors = writer.errors
    return corpus


# ------------------------------------------------------------------------------------------------ charts
def _pyplot():
    try:
        import matplotlib

        matplotlib.use("svg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ChartsUnavailable("图表需要 matplotlib：pip install 'gaischema[report]' / the charts need matplotlib: "
                                "pip install 'gaischema[report]'") from exc
    from matplotlib import font_manager

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    installed = {f.name for f in font_manager.fontManager.ttflist}
    # text stays text in the SVG: these fonts only size the layout; the reader's browser draws the glyphs
    fonts = [f for f in CJK_FONTS if f in installed] + ["DejaVu Sans"]
    # text from reports is text: never mathtext ($…$ would be parsed, and can recurse or run for ever), never TeX
    plt.rcParams.update({"svg.fonttype": "none", "font.family": fonts, "font.size": 9, "svg.hashsalt": "gaischema",
                         "axes.spines.top": False, "axes.spines.right": False, "text.usetex": False,
                         "text.parse_math": False})
    return plt


def _label(text: object) -> str:
    """A chart label from a report: one line, cut to LABEL_CHARS."""
    return _cut(" ".join(str(text).split()), LABEL_CHARS)


def _svg(fig, plt) -> str:
    buf = io.StringIO()
    with warnings.catch_warnings():  # a glyph missing from the layout fonts: the reader's browser draws it
        warnings.filterwarnings("ignore", "Glyph .* missing from", UserWarning)
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]  # inline: no XML declaration or DOCTYPE


def _bars(plt, name: str, labels: list[str], values: list[int], title: str) -> str:
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(labels) + 0.8))
    bars = ax.barh(range(len(labels)), values, color=OKABE_ITO[4])
    for i, bar in enumerate(bars):
        bar.set_gid(f"mark-{name}-{i}")
    ax.set_yticks(range(len(labels)), [_label(x) for x in labels])
    ax.invert_yaxis()
    ax.set_title(title, loc="left")
    return _svg(fig, plt)


def _stacked(plt, name: str, years: list[int], series: list[tuple[str, list[int]]], title: str) -> str:
    fig, ax = plt.subplots(figsize=(7, 3.2))
    bottom = [0] * len(years)
    k = 0
    for (label, values), colour in zip(series, OKABE_ITO):
        bars = ax.bar([str(y) for y in years], values, bottom=bottom, label=label, color=colour)
        for bar in bars:
            bar.set_gid(f"mark-{name}-{k}")
            k += 1
        bottom = [a + b for a, b in zip(bottom, values)]
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False)
    ax.set_title(title, loc="left")
    return _svg(fig, plt)


def _line(plt, name: str, years: list[int], values: list[float | None], title: str) -> str:
    fig, ax = plt.subplots(figsize=(7, 2.6))
    xs = [str(y) for y, v in zip(years, values) if v is not None]
    ys = [v for v in values if v is not None]
    ax.plot(xs, ys, color=OKABE_ITO[5], marker="o")
    for i, (x, y) in enumerate(zip(xs, ys)):
        point = ax.plot([x], [y], "o", color=OKABE_ITO[5])[0]
        point.set_gid(f"mark-{name}-{i}")
    ax.set_ylim(0, 100)
    ax.set_ylabel("%")
    ax.set_title(title, loc="left")
    return _svg(fig, plt)


def _heatmap(plt, organs: list[str], rules: list[str], heat: Counter) -> str:
    from matplotlib import colormaps
    from matplotlib.patches import Rectangle

    fig, ax = plt.subplots(figsize=(max(5, 0.45 * len(rules) + 3), 0.28 * len(organs) + 1.5))
    top = max([heat[(o, r)] for o in organs for r in rules] or [1])
    cmap = colormaps["cividis"]
    k = 0
    for i, organ in enumerate(organs):
        for j, rule in enumerate(rules):
            n = heat[(organ, rule)]
            if n:
                rect = Rectangle((j, i), 1, 1, color=cmap(0.15 + 0.85 * n / top))
                rect.set_gid(f"mark-heatmap-{k}")
                ax.add_patch(rect)
                ax.text(j + 0.5, i + 0.5, str(n), ha="center", va="center", fontsize=7,
                        color="white" if n / top < 0.6 else "black")
                k += 1
    ax.set_xlim(0, len(rules))
    ax.set_ylim(len(organs), 0)
    ax.set_xticks([j + 0.5 for j in range(len(rules))], [_label(r) for r in rules], rotation=60, ha="right")
    ax.set_yticks([i + 0.5 for i in range(len(organs))], [_label(o) for o in organs])
    ax.set_title("机关 × 规则 Organs × rules (findings)", loc="left")
    return _svg(fig, plt)


# ------------------------------------------------------------------------------------------------ the page
REPORT_COLUMNS = [("file", "text", "文件 file"), ("format", "text", "格式 format"), ("organ", "text", "机关 organ"),
                  ("year", "number", "年度 year"), ("status", "text", "状态 status"),
                  ("errors", "number", "错误 errors"), ("warnings", "number", "警告 warnings"),
                  ("rules", "text", "规则 rules"), ("notes", "text", "说明 notes / reason"),
                  ("received", "number", "新收 received"), ("granted_share", "number", "公开比例 share %")]


def json_for_script(data: object) -> str:
    """JSON to embed in a ``<script>`` block: ``<``, ``>`` and ``&`` (so ``</script>``, ``<!--`` and ``<script``)
    and the two JavaScript line separators escaped; the block can never end early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _figure(name: str, heading: str, svg: str, header: list[str], rows: list[list]) -> dict:
    return {"name": name, "heading": heading, "svg": svg, "header": header, "rows": rows}


def _clusters_figure(plt, clusters: list) -> dict:
    """The near-duplicate clusters (CrossChecker.clusters(): per section and year, the reports whose text is
    nearly the same, the earliest first): which organs publish the same text. The 200 largest in the table,
    the 30 largest drawn."""
    rows = []
    for n, cluster in enumerate(clusters[:200], 1):
        members = cluster["members"]
        organs = list(dict.fromkeys(str(m["organ"] or "?") for m in members))
        rows.append([n, cluster["section"], cluster["year"], len(members), len(organs),
                     _cut("、".join(organs), TEXT_CHARS), str(members[0]["file"]),
                     _cut("、".join(str(m["file"]) for m in members[:20]) + ("…" if len(members) > 20 else ""),
                          TEXT_CHARS)])
    drawn = clusters[:30]
    labels = [f"{c['section']} {c['year']} {c['members'][0]['organ'] or '?'}" for c in drawn]
    svg = _bars(plt, "clusters", labels, [len(c["members"]) for c in drawn], "相同文字的报告数 Reports per cluster")
    return _figure("clusters", f"相同文字的报告 Near-duplicate narratives: which organs publish the same text "
                               f"（{len(clusters)} 个簇 clusters）", svg,
                   ["簇 cluster", "部分 section", "年度 year", "报告 reports", "机关 organs", "机关名 organ names",
                    "最早 earliest", "文件 files"], rows)


def build_page(corpus: Corpus, title: str = "政府信息公开工作年度报告核查 Report check") -> str:
    """The whole page, as one string of HTML."""
    plt = _pyplot()
    s = corpus.summary
    cards = [("报告 reports", s.files), ("有效 valid", s.valid), ("有错误 with errors", s.errors),
             ("有警告 with warnings", s.warned), ("无法读取 unreadable", s.fatal)]
    top: list[dict] = []
    figures: list[dict] = []
    rules = s.rules.most_common()
    if rules:
        chart = _bars(plt, "rules", [r for r, _ in rules], [n for _, n in rules], "规则 Rules broken (findings)")
        top.append(_figure("rules", "最常违反的规则 Rules broken most often", chart,
                           ["规则 rule", "发现 findings"], [[r, n] for r, n in rules]))
        # heatmap: the organs with most findings
        organ_total: Counter = Counter()
        for (organ, _), n in corpus.heat.items():
            organ_total[organ] += n
        organs = [o for o, _ in organ_total.most_common(HEATMAP_ORGANS)]
        rule_names = [r for r, _ in rules]
        heat_rows = [[o, r, corpus.heat[(o, r)]] for o in organs for r in rule_names if corpus.heat[(o, r)]]
        note = (f"（发现最多的 {len(organs)} 个机关 / the {len(organs)} organs with most findings, of "
                f"{len(organ_total)}）")
        top.append(_figure("heatmap", "机关 × 规则 Organs × rules " + note, _heatmap(plt, organs, rule_names, corpus.heat),
                           ["机关 organ", "规则 rule", "发现 findings"], heat_rows))
    if corpus.clusters:
        top.append(_clusters_figure(plt, corpus.clusters))
    years = sorted(corpus.by_year)
    organ_table = None
    if years:
        series = [(f"{zh} {en}", [corpus.by_year[y][key] for y in years]) for key, zh, en in OUTCOMES]
        rows = [[y, corpus.by_year[y]["reports"], corpus.by_year[y]["received"], corpus.by_year[y]["carried_over"],
                 *(corpus.by_year[y][k] for k, _, _ in OUTCOMES)] for y in years]
        figures.append(_figure("outcomes", "办理结果 Handling outcomes, all reports, by year",
                               _stacked(plt, "outcomes", years, series, "办理结果 Outcomes"),
                               ["年度 year", "报告 reports", "新收 received", "上年结转 carried over",
                                *(f"{zh} {en}" for _, zh, en in OUTCOMES)], rows))
        shares = [_share(corpus.by_year[y]) for y in years]
        figures.append(_figure("share", "予以公开及部分公开占办结的比例 Share granted (in full or in part) of answered",
                               _line(plt, "share", years, shares, "予以公开比例 Share granted (%)"),
                               ["年度 year", "比例 share %"], [[y, v] for y, v in zip(years, shares)]))
        reasons = sorted({r for y in years for r in corpus.reasons[y]})
        if reasons:
            totals = [sum(corpus.reasons[y][r] for y in years) for r in reasons]
            figures.append(_figure("reasons", "不予公开的理由 Refusal reasons (all years)",
                                   _bars(plt, "reasons", reasons, totals, "不予公开 Refusals by reason"),
                                   ["理由 reason", *map(str, years)], [[r, *(corpus.reasons[y][r] for y in years)] for r in reasons]))
        keys = [("administrative_review", "行政复议 review"), ("litigation_direct", "直接起诉 lawsuits"),
                ("litigation_after_review", "复议后起诉 lawsuits after review")]
        results = [("upheld", "维持 upheld"), ("corrected", "纠正 corrected"), ("other_result", "其他 other"),
                   ("pending", "尚未审结 pending")]
        case_series = [(zh, [sum(corpus.cases[y][f"{g}.{k}"] for g, _ in keys) for y in years]) for k, zh in results]
        case_rows = [[y, zg, *(corpus.cases[y][f"{g}.{k}"] for k, _ in results)] for y in years for g, zg in keys]
        figures.append(_figure("cases", "行政复议、行政诉讼结果 Reviews and lawsuits, by result and year",
                               _stacked(plt, "cases", years, case_series, "复议、诉讼 Reviews and lawsuits"),
                               ["年度 year", "类别 kind", *(zh for _, zh in results)], case_rows))
        organ_rows = sorted(([o, y, c["received"], c["answered"], _share(c)] for (o, y), c in corpus.organs.items()),
                            key=lambda r: (-r[2], r[0], r[1]))[:200]
        organ_table = {"header": ["机关 organ", "年度 year", "新收 received", "办结 answered", "予以公开比例 share %"],
                       "rows": organ_rows}
    provenance = None
    if corpus.provenance:
        kinds = sorted({k for p in corpus.provenance.values() for k in p if k not in ("reports", "cell_count")})
        provenance = {"header": ["格式 format", "报告 reports", "单元格 cells", *kinds],
                      "rows": [[fmt, p["reports"], p["cell_count"], *(p[k] for k in kinds)]
                               for fmt, p in sorted(corpus.provenance.items())]}
    rows = [{k: v for k, v in r.items() if k != "seq"} for r in corpus.rows]
    return templates().get_template("report.html.j2").render(
        title=title, cards=cards, figures_top=top, figures=figures, organs=organ_table, provenance=provenance,
        columns=REPORT_COLUMNS,
        data=json_for_script(rows))
