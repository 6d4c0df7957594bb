"""Extract an AnnualReport instance from a published report (text, HTML, Word, workbook, Markdown, PDF).

The pipeline, each stage handing plain data to the next:

1. :func:`gaischema.extract.readers.read_document` turns the file into a :class:`~gaischema.extract.document.Document`:
   paragraphs and tables (grids of positioned cells, merged cells resolved) in reading order.
2. :mod:`gaischema.extract.matcher` aligns the official rows of tables 二, 三 and 四 (from the schema's cell map) to
   the document's rows and reads the values; run-together digits are split with the identities the rule
   engine compiles from the schema.
3. Here: the format version (from the labels only one version has), the metadata (organ, year, dates: each
   with its source noted) and sections 一, 五 and 六 from the text; the instance in the schema's slot order,
   with its provenance and every note in ``extraction``.

Nothing is guessed: what could not be read stays out of the instance and is said in a note.
"""

from __future__ import annotations

import json
import os
import re
import traceback
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

import yaml

from gaischema import __version__, cellmap
from gaischema.corpus import internal_result, pool_map, validate_source
from gaischema.extract.document import Document, cell_sources, unicode_document
from gaischema.extract.matcher import Note, align, cell_spots, core, label_forms, norm, official_rows, read_values, row_view
from gaischema.extract.metadata import detect_versions, fold, sheet_metadata, text_metadata
from gaischema.extract.readers import NotAReport, read_document, read_html, read_html_meta, read_text
from gaischema.extract.readers.dump import DUMP_SUFFIXES, DumpRow, read_dump
from gaischema.loading import InputError, read_bytes
from gaischema.model import Model, put_all
from gaischema.output import shown_name
from gaischema.validate import FileResult, engine, fatal_result

_SURROGATE = re.compile("[\ud800-\udfff]")

__all__ = ["DRAFT_SUFFIXES", "NARRATIVE", "PUBLISHED_SUFFIXES", "TABLES_MISSING_PATH", "TABLE_SLOTS", "Extraction", "Note", "NotAReport", "Summary", "dumps",
           "extract", "extract_document", "extract_file_record", "extract_file_records", "extract_record",
           "extract_row", "iter_extract", "iter_validate_drafts", "validate_draft"]

TABLE_SLOTS = ("proactive_disclosure", "applications", "reviews_and_litigation")
PUBLISHED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".md", ".markdown", ".xlsx", ".pdf", ".rtf", ".doc", ".csv",
                      ".tsv", ".jsonl", ".ndjson")  # .json is left to instances; a JSON array dump is read when named
NARRATIVE = ("overview", "problems_and_improvements", "other_matters")
TABLES_MISSING_PATH = ""  # the path of the one note of a report published without its tables: the report
INCOMPLETE = ("unreadable", "ambiguous", "impossible", "no_consistent_reading", "missing", "group_row", "low_confidence")
_CN_NUM = "一二三四五六七八九十"


@dataclass
class Extraction:
    instance: dict
    notes: list[Note]
    # each read cell's source row as text and the cell's characters in it (text, start, end): what a page
    # shows beside a finding where there is no printed page to crop; not part of the instance
    rows: dict[str, tuple[str, int, int]] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Every cell was read (a blank cell counts as read: it is the validator's finding)."""
        return not any(n.kind in INCOMPLETE and (n.path.startswith(TABLE_SLOTS) or n.path == TABLES_MISSING_PATH)
                       for n in self.notes)


# ------------------------------------------------------------------------------------------------ the report
def extract(path: str, data: bytes | None = None) -> Extraction:
    """Extract one report from a file (or its bytes). Raises InputError (exit 2) for what is not a report."""
    return extract_document(read_document(path, data), path)


def extract_document(doc: Document, name: str) -> Extraction:
    """Extract one report from a document already read."""
    model = Model.load()
    text = "\n".join(doc.lines())
    notes: list[Note] = []
    if _SURROGATE.search(text) or any(isinstance(v, str) and _SURROGATE.search(v) for v in doc.meta.values()):
        replaced = unicode_document(doc)  # pairs joined; a lone surrogate no output could hold: U+FFFD, noted
        text = "\n".join(doc.lines())
        if replaced:
            notes.append(Note("unreadable", "extraction", f"文本中有 {replaced} 个孤立的代理码位，已替换为 U+FFFD / the text "
                              f"holds {replaced} lone surrogate(s), replaced with U+FFFD"))
    if doc.sniffed:  # read by its content, not by its name
        notes.append(Note("source", "extraction.source_format", doc.sniffed, doc.fmt))
    if doc.fields is not None:
        meta = sheet_metadata(doc.fields, notes, ("Word 文档", "Word file") if doc.fmt == "docx" else ("工作簿", "workbook"))
    else:
        meta = text_metadata(text, notes, doc.meta, name)
    version, why, table2 = detect_versions(text, meta.get("report_year"))
    if meta.get("format_version") in model.versions:
        version, why, table2 = meta["format_version"], "workbook", None
    if doc.cells is not None:  # a gaischema draft: every cell by the cell map, read as cellmap specifies
        version, why, table2 = doc.version, "workbook", None
        matches = []
    else:
        matches = align(model, version, row_view(doc, label_forms(model, version, table2)), notes, table2) \
            if version else []
    values: dict = {}
    spots = cell_spots(matches)
    if doc.cells is not None:
        values = draft_values(doc.cells, notes)
    elif not any(m.row.table == "三" for m in matches) and not any(m.row.table == "二" for m in matches):
        # no table: a report published without its tables (its headings and narrative are there), or no report
        version = model.format_version_for_year(meta["report_year"]) if meta.get("report_year") else None
        table2 = None
        if (doc.fields is not None or version is None or not _is_report_text(_headings_text(text))
                or _table_labels_in(model, version, text) >= 4):  # tables there, but not readable: no claim
            raise _no_tables()
        why = "report year"
        notes[:] = [n for n in notes if not n.path.startswith(TABLE_SLOTS)]
        spots = {}
        notes.append(Note("missing", TABLES_MISSING_PATH, "报告未附统计表格（表二、表三、表四），各单元格均空白 / the report "
                          "was published without its tables (二, 三, 四): every cell is blank"))
    else:
        found = {p for m in matches for p in (m.paths or m.row.cells)}
        for row in official_rows(model, version, table2):
            if not found.issuperset(row.cells) and not any(n.path == row.path for n in notes):
                notes.append(Note("missing", row.path, f"未找到“{row.label}” / row not found: {row.label}"))
        values = read_values(matches, _identities(model, version, table2), notes)
        _settle_by_text(model, version, table2, values, notes, text)
        if table2:
            notes.insert(0, Note("source", "format_version", f"表三的行为{_year_of(version)}年版格式（（六）其他处理分三项），"
                                 f"表二为{_year_of(table2)}年版格式：格式混用，表二按其本身的格式读取 / table 三's rows are "
                                 f"in the {_year_of(version)} format (（六）其他处理 in three items) and table 二 in the "
                                 f"{_year_of(table2)} format: a mixed report; table 二 is read in its own format",
                                 version))

    inst: dict[str, Any] = {k: meta[k] for k in ("organ", "report_year") if k in meta}
    inst["format_version"] = version
    for k in ("organ_kind", "division_code", "publication_date", "source_url", "statistical_period",
              "processing_fee_charged", "processing_fee_amount"):
        if k in meta:
            inst[k] = meta[k]
    put_all(inst, values)
    headings = None
    if doc.fields is not None:  # a workbook's 报告信息 sheet holds the narrative
        inst.update({k: meta[k] for k in NARRATIVE if k in meta})
    else:
        folded = _headings_text(text)
        inst.update(_narratives(text, folded, notes))
        headings = _section_order(folded)
    for k in [k for k in NARRATIVE if inst.get(k) == ""]:
        del inst[k]
    if why == "report year":
        notes.insert(0, Note("inferred", "format_version", "表头不能判断格式版本，依据报告年度判断 / the table "
                             "headers do not tell the format version; it follows from the report year"))
    order = _note_order(model, version, table2)
    notes.sort(key=lambda n: order.get(n.path, order.get(n.path.rsplit(".", 1)[0], -1)))
    placed, rows = cell_sources(doc, spots, _in_order(spots, order))
    sources = _draft_sources(doc, version) + placed
    inst["extraction"] = {
        "source_file": name,
        "source_format": doc.fmt,
        **({"source_encoding": doc.encoding} if doc.encoding else {}),
        "extractor": f"gaischema {__version__}",
        **({"section_headings": headings} if headings is not None else {}),
        "notes": [n.as_dict() for n in notes],
        "cell_sources": sources,
    }
    for key in ("notes", "cell_sources"):
        if not inst["extraction"][key]:
            del inst["extraction"][key]
    return Extraction(model.order(inst), notes, rows)


def _draft_sources(doc: Document, version: str) -> list[dict]:
    """The cell places of a gaischema workbook draft: each cell's sheet and A1 name, from the cell map it was
    read by (a Word draft's cells are placed by their bookmarks, which name the cell path itself)."""
    if doc.cells is None or doc.fmt != "xlsx":
        return []
    places = cellmap.sheet_places(version)
    return [{"cell_path": p, "place_kind": "table", "place_sheet": places[p][0], "place_cell": places[p][1]}
            for p in doc.cells if p in places]


def draft_readings(cells: dict[str, Any]) -> dict[str, cellmap.Reading]:
    """Each cell of a draft read as gaischema.cellmap specifies (the page reads it the same way)."""
    return {p: cellmap.read_cell(raw) for p, raw in cells.items()}


def draft_values(cells: dict[str, Any], notes: list[Note]) -> dict[str, Any]:
    """The values of a draft's cells, with a note for each that was not plainly read (its finding's words)."""
    values = {}
    for path, r in draft_readings(cells).items():
        values[path] = r.value
        if r.value is None and r.rule is None:
            notes.append(Note("blank", path, "单元格空白 / blank cell"))
        if r.rule:
            rule = cellmap.RULES[r.rule]
            shown = {"reported": r.shown, "expected": r.value}
            kind = "unit" if r.rule == "CELL-UNIT" else "unreadable"
            notes.append(Note(kind, path, f"{rule['message_zh'].format(**shown)} / {rule['message_en'].format(**shown)}",
                              r.shown or None))
    return values


@lru_cache(maxsize=None)
def _note_order(model: Model, version: str, table2: str | None = None) -> dict[str, int]:
    """Notes in the order of the report: metadata first, then rows and cells in official order."""
    order: dict[str, int] = {}
    for row in official_rows(model, version, table2):
        order.setdefault(row.path, len(order))
        order.setdefault(row.path.rsplit(".", 1)[0], len(order))
        for p in row.cells:
            order.setdefault(p, len(order))
    return order


def _in_order(paths: dict, order: dict[str, int]) -> list[str]:
    """The keys of ``paths`` in the order of :func:`_note_order` (whose keys stand in it), any other after
    them as it comes: a walk over the order instead of a sort with a key function per path."""
    ordered = [p for p in order if p in paths]
    if len(ordered) < len(paths):
        ordered += [p for p in paths if p not in order]
    return ordered


def _year_of(version: str) -> str:
    return version.lstrip("v")


@lru_cache(maxsize=None)
def _identities(model: Model, version: str, table2: str | None):
    """The identities that choose among run-together splits: the version's, and in a mixed report those of
    table 二's own version over table 二's cells."""
    own = engine().identities(version)
    if not table2:
        return own
    cells = {c["path"] for c in model.cells(table2, "二")}
    return own + [i for i in engine().identities(table2) if all(p in cells for p, _ in i.terms)]


# what a sentence says of a table 二 column: the words before the number (本年度制发规范性文件9件，废止7件，现行有效253件)
_COLUMN_WORDS = {"issued": "制发|出台|印发|制定", "newly_made": "新制作|制发|出台|印发|制定", "repealed": "废止",
                 "in_force": "现行有效", "newly_published": "新公开", "total_published": "对外公开总"}
_CLAUSES = re.compile(r"[，,；;：:]")
_SENTENCES = re.compile(r"[。！？!?\n]")


def _stated(text: str, label: str) -> dict[str, tuple[int, str]]:
    """What the text states of a table 二 row (规章, 规范性文件): {column slot: (number, the sentence)}. A clause
    counts when it names the column's action and a number of documents (9件); the row is the one the sentence
    named last (later clauses go on with it). A column stated twice with different numbers is not stated."""
    out: dict[str, tuple[int, str]] = {}
    clash: set[str] = set()
    for sentence in _SENTENCES.split(text):
        if label not in sentence or len(sentence) > 400:
            continue
        current = False
        for clause in _CLAUSES.split(sentence):
            if label in clause:
                current = True
            elif any(other in clause for other in ("规章", "规范性文件") if other != label and other not in label):
                current = False
            if not current:
                continue
            for slot, words in _COLUMN_WORDS.items():
                m = re.search(rf"(?:{words})[^\d，。；]{{0,12}}?(\d+)\s*(?:件|部|个|份)", clause)
                if m:
                    n = int(m.group(1))
                    if slot in out and out[slot][0] != n:
                        clash.add(slot)
                    out.setdefault(slot, (n, sentence.strip()))
    return {k: v for k, v in out.items() if k not in clash}


def _settle_by_text(model: Model, version: str, table2: str | None, values: dict, notes: list[Note],
                    text: str) -> None:
    """Run-together digits of a table 二 row that the print leaves open (77132470: 本年制发, 废止, 现行有效; no
    identity ties them) are settled by the report's own statement of those numbers, where its text states them
    and exactly one reading agrees (an ``inferred`` note names the sentence). A stated number that no reading
    has (the text contradicting the table) settles nothing."""
    rows = {r.path: r for r in model.rows(table2 or version, "二")}
    for k, note in enumerate(notes):
        row = rows.get(note.path)
        if note.kind != "ambiguous" or row is None or not note.candidates or len(note.candidates) >= 50:
            continue
        label = core(row.label).removeprefix("行政")  # 行政规范性文件: often 规范性文件 in the text
        stated = _stated(text, label)
        columns = [p.rsplit(".", 1)[1] for p in row.cells]
        readings = [tuple(int(x) for x in c.split(",")) for c in note.candidates]
        facts = {columns.index(s): v for s, v in stated.items() if s in columns}
        facts = {i: v for i, v in facts.items() if any(r[i] == v[0] for r in readings)}
        agree = [r for r in readings if all(r[i] == v[0] for i, v in facts.items())]
        if not facts or len(agree) != 1:
            continue
        values.update(zip(row.cells, agree[0]))
        said = "；".join(dict.fromkeys(v[1] for v in facts.values()))
        notes[k] = Note("inferred", note.path, f"数字连写，有 {len(readings)} 种拆分，按报告正文的陈述唯一确定：“{said}” / "
                        f"digits run together with {len(readings)} possible splits; the one the report's own text "
                        f"states was taken: “{said}”", note.raw, [",".join(map(str, agree[0]))])


def _no_tables() -> NotAReport:
    return NotAReport("INPUT-NOT-REPORT", "找不到年度报告的表格（第二十条第（一）项……），不是年度报告",
                      "no table of the annual report format found (第二十条第（一）项 ...): not a report")


def extract_record(source: bytes, name: str) -> dict:
    """Extract one report for a map step (a process pool, Dask, Spark): never raises for bad input.

    Returns ``{"file", "instance" (or None), "notes" (note dicts), "complete", "error" (None or
    {"rule", "message", "message_en"})}`` - a plain, picklable dict."""
    try:
        result = extract(name, source)
    except InputError as err:
        return {"file": name, "instance": None, "notes": [], "complete": False,
                "error": {"rule": err.rule, "message": err.message, "message_en": err.message_en}}
    return {"file": name, "instance": result.instance, "notes": [n.as_dict() for n in result.notes],
            "complete": result.complete, "error": None, "rows": result.rows}


def extract_file_record(path: str) -> dict:
    """extract_record on a file. A bug in gaischema on one file is that file's record (rule INTERNAL-ERROR),
    so that a corpus run never loses the other files' results."""
    return _guarded(path, lambda: extract_record(read_bytes(path), path))


def extract_file_records(path: str, columns: dict[str, str] | None = None) -> list[dict]:
    """Every report a file holds, as records of :func:`extract_record`'s shape: one, but one per row for a
    crawler's dump (:mod:`gaischema.extract.readers.dump`; ``file`` is then ``PATH#row=N``, and a row that is
    no report is that row's error record). ``columns`` names the dump's content and title columns where the
    known names do not find them (``{"content": "page_html", "title": "headline"}``). Never raises for input;
    the map step of ``report`` and ``extract``."""
    try:
        data = read_bytes(path)
        rows = read_dump(path, data, columns) if _may_be_dump(path, data, columns) else None
    except InputError as err:
        return [_error_record(path, err.rule, err.message, err.message_en)]
    except MemoryError:  # the worker's memory limit: INPUT-TOO-COMPLEX (gaischema.sandbox), not a bug
        raise
    except Exception as exc:  # noqa: BLE001 - a bug: that file's record, as in extract_file_record
        return [_internal_error(path, exc)]
    if rows is None:
        return [_guarded(path, lambda: extract_record(data, path))]
    if not rows:
        return [_error_record(path, "INPUT-EMPTY", "数据文件没有数据行", "the dump has no rows")]
    return [_guarded(f"{path}#row={row.row}", lambda row=row: extract_row(row, f"{path}#row={row.row}"))
            for row in rows]


def extract_row(row: DumpRow, name: str) -> dict:
    """One row of a crawler dump as a record: its content read as HTML or text, the crawler's fields as the
    document's metadata."""
    try:
        if row.broken:
            raise InputError("INPUT-NOT-REPORT", "该行不是 JSON 对象（JSON 格式错误）", "the line is no JSON object (bad JSON)")
        if not row.content or not row.content.strip():
            raise InputError("INPUT-EMPTY", "该行没有内容（正文列为空）", "the row has no content (its content column is empty)")
        if row.content_format == "html":
            doc = Document(read_html(row.content), "html", None, meta={**read_html_meta(row.content), **row.meta()})
        else:
            doc = Document(read_text(row.content), "txt", None, meta=row.meta())
        result = extract_document(doc, name)
    except InputError as err:
        return _error_record(name, err.rule, err.message, err.message_en)
    return {"file": name, "instance": result.instance, "notes": [n.as_dict() for n in result.notes],
            "complete": result.complete, "error": None}


def _may_be_dump(path: str, data: bytes, columns) -> bool:
    """Worth asking the dump reader: a dump's suffix, named columns, a workbook, or JSON or a delimited
    header at the start (a report is never any of these; the reader decides on the header)."""
    if columns or path.lower().endswith(DUMP_SUFFIXES):
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"PK\x03\x04"):
        return path.lower().endswith((".xlsx", ".xlsm")) or b"xl/workbook.xml" in data[:200_000]
    first = head.split(b"\n", 1)[0]
    return head[:1] in (b"[", b"{") or first.count(b",") + first.count(b"\t") >= 1 and b"<" not in first


def _guarded(name: str, work) -> dict:
    try:
        return work()
    except InputError as err:
        return _error_record(name, err.rule, err.message, err.message_en)
    except MemoryError:  # the worker's memory limit: INPUT-TOO-COMPLEX (gaischema.sandbox), not a bug
        raise
    except Exception as exc:  # noqa: BLE001 - reported as the file's result, with the trace for a bug report
        return _internal_error(name, exc)


def _internal_error(name: str, exc: Exception) -> dict:
    return _error_record(name, "INTERNAL-ERROR", f"gaischema 内部错误：{type(exc).__name__}: {exc}",
                         "internal error in gaischema (please report it): "
                         + traceback.format_exc(limit=-3).strip().splitlines()[-1])


def _error_record(name: str, rule: str, message: str, message_en: str) -> dict:
    return {"file": name, "instance": None, "notes": [], "complete": False,
            "error": {"rule": rule, "message": message, "message_en": message_en}}


def iter_extract(files, jobs: int = 0, columns: dict[str, str] | None = None):
    """Extract files in ``jobs`` limited workers (0: every CPU; gaischema.sandbox), records as the files
    complete, a dump's rows in row order (see extract_file_records)."""
    Model.load()
    engine()  # compiled before the pool forks, so that workers share it
    n = jobs or os.cpu_count() or 1
    work = partial(extract_file_records, columns=columns) if columns else extract_file_records
    for records in pool_map(work, files, jobs, serial_below=2 * n, chunksize=1,
                            failed=lambda path, err: [_error_record(path, err.rule, err.message, err.message_en)]):
        yield from records


class Summary:
    """Counts for the end of a folder run: read in full, with notes, unreadable; the frequent note kinds."""

    def __init__(self):
        self.files = self.full = self.with_notes = self.unreadable = self.internal = 0
        self.kinds: Counter = Counter()

    def add(self, record: dict) -> None:
        self.files += 1
        if record["error"]:
            self.unreadable += 1
            self.internal += record["error"]["rule"] == "INTERNAL-ERROR"
            return
        kinds = [n["note_kind"] for n in record["notes"] if n["note_kind"] != "source"]
        self.kinds.update(kinds)
        if kinds:
            self.with_notes += 1
        else:
            self.full += 1

    def status(self) -> str:
        return f"with notes {self.with_notes} unreadable {self.unreadable}"

    def text(self, top: int = 6) -> str:
        line = (f"{self.files} 个文件 files: {self.full} 完整读取 read in full, {self.with_notes} 有说明 with notes, "
                f"{self.unreadable} 无法读取 unreadable")
        if self.kinds:
            line += "\n最常见的说明 most frequent notes: " + ", ".join(f"{k} ×{n}" for k, n in self.kinds.most_common(top))
        return line


# ------------------------------------------------------------------------------------------------ sections
def _spaced(s: str) -> str:
    return r"\s*".join('"?' if ch == '"' else re.escape(ch) for ch in s if not ch.isspace())


@lru_cache(maxsize=1)
def _headings() -> dict[str, re.Pattern]:
    """The six section headings, from the titles and aliases of the report's section slots: numbering
    optional (一 excepted: its words also stand in introductions), spaces allowed between characters."""
    out: dict[str, re.Pattern] = {}
    for slot in Model.load().root_slots:
        title = fold(slot.get("title") or "")
        m = re.match(rf"([{_CN_NUM}])[、.]", title)
        if not m or slot["name"].endswith("_2019"):
            continue
        number = m.group(1)
        cores = [fold(t)[m.end():] for t in [title, *slot.get("aliases", [])]]
        alternatives = "|".join(_spaced(c) for c in sorted(cores, key=len, reverse=True))
        numbered = rf"{number}\s*[、.．]\s*(?:{alternatives})"
        # the numbering optional, written as its own alternative before the bare titles (the same matches as
        # an optional group, tried in the same order): every alternative then begins with a character, and
        # the search skips to those characters instead of trying every place of the text
        out[number] = re.compile(numbered if number == "一" else f"{numbered}|{alternatives}")
    return out


@lru_cache(maxsize=12)
def _heading(number: str, t: str, start: int) -> re.Match | None:
    """Section ``number``'s heading in ``t`` from ``start`` on. The narratives and the section order make the
    same searches of a report's text, each over much of it: made once (kept for the last text's only)."""
    return _headings()[number].search(t, start)


def _narratives(text: str, t: str, notes: list[Note]) -> dict:
    """Sections 一, 五 and 六 between their headings (六 without the signature); ``t`` is the text the headings
    are looked for in (:func:`_headings_text`)."""
    def first(number, start=0):
        return _heading(number, t, start)

    h1 = first("一")
    h2 = first("二", h1.end() if h1 else 0)
    h3 = first("三", h2.end()) if h2 else None
    h4 = first("四", h3.end()) if h3 else None
    after = (h4 or h3 or h2)
    h5 = first("五", after.end()) if after else None
    h6 = first("六", (h5 or after).end()) if after else None
    out = {}
    if h1 and h2:
        out["overview"] = _narrative(text[h1.end():h2.start()])
    else:
        notes.append(Note("missing", "overview", "未找到“一、总体情况” / section 一 not found"))
    if h5:
        out["problems_and_improvements"] = _narrative(text[h5.end():h6.start() if h6 else len(text)])
    else:
        notes.append(Note("missing", "problems_and_improvements",
                          "未找到“五、存在的主要问题及改进情况” / section 五 not found"))
    if h6:
        six = text[h6.end():]
        sig = re.search(r"\n\s*[^\s\d，。、\n]{2,40}\s*\n\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", six)
        out["other_matters"] = _narrative(six[: sig.start()] if sig else six)
    else:
        notes.append(Note("missing", "other_matters", "未找到“六、其他需要报告的事项” / section 六 not found"))
    return out


@lru_cache(maxsize=None)
def _column_labels(model: Model, version: str) -> tuple[str, ...]:
    """The tables' column labels of four characters or more (商业企业, 结果维持, 本年制发件数 …): words a
    narrative seldom uses, and a table's header always."""
    return tuple(sorted({norm(c["column"]) for c in model.cells(version) if len(norm(c["column"])) >= 4}))


def _table_labels_in(model: Model, version: str, text: str) -> int:
    """How many of the tables' column labels the text holds (a table that is there but was not read has
    many; a narrative names one or two)."""
    compact = norm(text)
    return sum(1 for label in _column_labels(model, version) if label in compact)


def _is_report_text(t: str) -> bool:
    """The text of an annual report, tables or not: section 一's heading and 五's or 六's, at least three of
    the six in all (a notice that names the report has none of them)."""
    found = _section_order(t)
    return "一" in found and ("五" in found or "六" in found) and len(found) >= 3


def _headings_text(text: str) -> str:
    """The text the section headings are looked for in: folded, brackets full-width (the same length as
    ``text``, so positions found in it hold in the text)."""
    return fold(text).replace("(", "（").replace(")", "）")


def _section_order(t: str) -> list[str]:
    """The numbers of the six section headings in the order they stand in the source (NARR-SECTIONS):
    each heading is looked for after the one before it, and from the start when it is not there."""
    found: dict[str, int] = {}
    start = 0
    for number in sorted(_headings(), key=_CN_NUM.index):
        m = _heading(number, t, start) or _heading(number, t, 0)
        if m:
            found[number] = m.start()
            start = max(start, m.end())
    return sorted(found, key=found.get)


_PAGE_NUMBER = re.compile(r"^[—–-]\s*\d{1,3}\s*[—–-]$")


def _narrative(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line and not _PAGE_NUMBER.match(line))


# ------------------------------------------------------------------------------------------------ output
class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)


def dumps(instance: dict, fmt: str = "yaml") -> str:
    """The instance as YAML (narrative as literal blocks, dates quoted) or JSON."""
    if fmt == "json":
        return json.dumps(instance, ensure_ascii=False, indent=1) + "\n"
    return yaml.dump(instance, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


# ------------------------------------------------------------------------------------------------ drafts
DRAFT_SUFFIXES = (".xlsx", ".docx")


def validate_draft(path: str, data: bytes | None = None) -> FileResult:
    """``gaischema validate`` of a workbook or Word file: extracted, then validated. For a gaischema draft (the
    fill-in workbook, the Word template) the findings are those the validator page gives on the same file: the
    reading of each cell (gaischema.cellmap: CELL-UNIT, CELL-TEXT, CELL-ERROR, CELL-NO-RESULT) and the rules,
    without the T*-BLANK finding of a cell that could not be read. Never raises for input."""
    name = shown_name(path)
    try:
        data = read_bytes(path) if data is None else data
        doc = read_document(path, data)
        result = extract_document(doc, name)
    except InputError as err:
        return fatal_result(name, err)
    checked = validate_source(result.instance, name)
    if doc.cells is not None and not checked.fatal:
        checked.findings = cellmap.merge(cellmap.findings(draft_readings(doc.cells), doc.version), checked.findings,
                                         doc.cells)
    return checked


def _draft_record(path: str) -> dict:
    try:
        return validate_draft(path).to_record()
    except MemoryError:  # the worker's memory limit: INPUT-TOO-COMPLEX (gaischema.sandbox), not a bug
        raise
    except Exception as exc:  # noqa: BLE001 - a bug on one file: that file's result
        return internal_result(shown_name(path), exc).to_record()


def iter_validate_drafts(paths: list[str], jobs: int = 0, limits=None):
    """validate_draft over files in limited workers (gaischema.sandbox, as every extraction runs), results as
    they complete; a file that hits a limit is one INPUT-TOO-COMPLEX result."""
    Model.load()
    engine()
    for record in pool_map(_draft_record, paths, jobs, chunksize=1, limits=limits,
                           failed=lambda path, err: fatal_result(shown_name(path), err).to_record()):
        yield FileResult.from_record(record)
