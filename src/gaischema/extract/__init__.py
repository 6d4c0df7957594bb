"""Extract an AnnualReport instance from a published report (text, HTML, Word, workbook, Markdown, PDF).

Why a subpackage: extraction is the one part of gaischema that reads the world's files rather than the
standard's own instances. It has its own optional dependencies (PDF, OCR), its own bounds against hostile
input, and changes as new layouts turn up; kept together it can be seen and changed as a unit, and the
validator below it never depends on it.

The stages, each handing plain data to the next:

- :mod:`~gaischema.extract.readers` — one module per input kind, each turning a file into a
  :class:`~gaischema.extract.document.Document` (paragraphs and tables of positioned cells);
- :mod:`~gaischema.extract.matcher` — aligns the official rows (from the schema's cell map) to the document's
  rows and reads the values;
- :mod:`~gaischema.extract.metadata` — format version, organ, year, dates, each with its source;
- :mod:`~gaischema.extract.pipeline` — the instance in the schema's slot order, with its provenance and notes.
"""

from __future__ import annotations

from gaischema.extract.pipeline import (DRAFT_SUFFIXES, NARRATIVE, PUBLISHED_SUFFIXES, TABLE_SLOTS, Extraction, Note, NotAReport, Summary,
                                        dumps, extract, extract_document, extract_file_record, extract_file_records,
                                        extract_record,
                                        iter_extract, iter_validate_drafts, validate_draft)
from gaischema.extract.readers.pdf import render_rows

__all__ = ["DRAFT_SUFFIXES", "NARRATIVE", "PUBLISHED_SUFFIXES", "TABLE_SLOTS", "Extraction", "Note", "NotAReport", "Summary", "dumps",
           "extract", "extract_document", "extract_file_record", "extract_file_records", "extract_record",
           "iter_extract", "iter_validate_drafts", "render_rows", "validate_draft"]
