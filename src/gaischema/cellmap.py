"""Where gaischema's own drafts hold each official cell, and how one such cell is read.

Why a module of its own: an official fills the fill-in workbook (``gaischema template``) or writes the report in
the Word template (``gaischema template --format docx``), and checks the draft twice — in the browser (the
validator page, js/src/workbook.mjs and js/src/docx.mjs) and with ``gaischema validate``/``extract``. The two
must read the same file the same way, so both follow this one specification, which js/scripts/workbook_map.py
exports to the page as data (js/src/workbook-map.mjs):

- the places: a cell's sheet and coordinate in the workbook (the official layout of render.layout, placed
  from row 3 of its sheet), its bookmark in the Word template (``gs_v2021_t3_r4_c7``: format version, table,
  official row, column; Word, WPS and LibreOffice keep bookmarks when a file is saved again, where LibreOffice
  drops a content control's tag);
- the reading of one cell (:func:`read_cell`): what a spreadsheet shows, not its formula — a formula's saved
  result (0 included); a number; text that is a number, with a unit noted (``2件`` is 2, finding CELL-UNIT);
  a blank or a blank mark (—, /, 无) is blank, which the validator reports (T*-BLANK); anything else is not
  read and is a finding on that cell: an error value such as ``#VALUE!`` (CELL-ERROR), a formula without a
  saved result (CELL-NO-RESULT), text (CELL-TEXT). A cell with such a finding has no T*-BLANK finding too
  (:func:`merge`): one problem, one finding.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from gaischema.engine import Finding, make_finding
from gaischema.model import Model
from gaischema.render import Cell, layout
from gaischema.validate import engine

SHEETS = {"二": "表二", "三": "表三", "四": "表四"}
META_SHEET = "报告信息"  # the workbook's sheet of metadata and narrative (slot, label, value)
TABLE_NUMBER = {"二": 2, "三": 3, "四": 4}
FIRST_ROW = 3  # a table's layout starts at row 3 of its sheet (row 1: its title)
ERROR_VALUES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
                "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "Err:502", "Err:504")
NUMBER = r"^([+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+))(\.[0-9]+)?\s*(万元|元|件|个|项|条|宗|次|%)?$"
BLANK_WORDS = ("无", "空", "\\")
BLANK_MARKS = "—-－–―/／ "  # a cell of only these is blank
TITLE = r"^\s*(.*?)\s*([0-9]{4})\s*年度?\s*(.*?)\s*政府信息公开工作年度报告\s*$"
NARRATIVE = ("overview", "problems_and_improvements", "other_matters")
HEADING_BOOKMARKS = {"overview": "gs_h1", "二": "gs_h2", "三": "gs_h3", "四": "gs_h4",
                     "problems_and_improvements": "gs_h5", "other_matters": "gs_h6"}
TITLE_BOOKMARK = "gs_title"

# the findings of reading a cell: declared here, like the INPUT-* rules of reading a file, not in the schema
RULES = {
    "CELL-UNIT": {"id": "CELL-UNIT", "severity": "warning",
                  "message_zh": "单元格“{reported}”含单位，已读取数字 {expected}",
                  "message_en": "The cell holds a unit ({reported}); the number {expected} was read",
                  "todo_zh": "单元格中只填数字，不写单位", "todo_en": "Write the number only, without its unit"},
    "CELL-TEXT": {"id": "CELL-TEXT", "severity": "error",
                  "message_zh": "单元格“{reported}”不是数字，未读取",
                  "message_en": "The cell holds text, not a number ({reported}); it was not read",
                  "todo_zh": "填写数字（没有则填 0）", "todo_en": "Write a number (0 when there is none)"},
    "CELL-ERROR": {"id": "CELL-ERROR", "severity": "error",
                   "message_zh": "单元格显示错误值 {reported}（公式出错），未读取",
                   "message_en": "The cell shows the error value {reported} (its formula failed); it was not read",
                   "todo_zh": "检查该单元格的公式及其引用的单元格（常因其中填了文字，如“2件”），改正后重新计算并保存",
                   "todo_en": "Check the cell's formula and the cells it adds up (often one holds text such as "
                              "2件); correct it, recalculate and save"},
    "CELL-NO-RESULT": {"id": "CELL-NO-RESULT", "severity": "error",
                       "message_zh": "单元格的公式没有保存计算结果，未读取",
                       "message_en": "The cell's formula has no saved result; it was not read",
                       "todo_zh": "用 Excel、WPS 或 LibreOffice 打开工作簿，重新计算后保存",
                       "todo_en": "Open the workbook in Excel, WPS or LibreOffice, recalculate and save it"},
}


class CellError(str):
    """A cell's error value as the spreadsheet shows it (``#VALUE!``)."""


class NoResult:
    """A formula cell without a saved result (a workbook written by a program and never opened)."""

    def __repr__(self) -> str:
        return "NoResult()"


NO_RESULT = NoResult()


class Reading(NamedTuple):
    """One cell as read: its value (None: blank or not read), the rule of its finding (None: none), and what
    the cell showed (for the finding's reported value)."""

    value: Any
    rule: str | None = None
    shown: str | None = None


_NUMBER = re.compile(NUMBER)
_TITLE = re.compile(TITLE)


def read_cell(raw: Any) -> Reading:
    """A cell's value by the specification above. ``raw``: None (empty), a number, text, a CellError, NO_RESULT,
    or another value a workbook holds (a date, TRUE): text."""
    if raw is None:
        return Reading(None)
    if isinstance(raw, NoResult):
        return Reading(None, "CELL-NO-RESULT")
    if isinstance(raw, CellError):
        return Reading(None, "CELL-ERROR", str(raw))
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if isinstance(raw, float) and raw.is_integer():
            return Reading(int(raw))
        return Reading(raw)
    if isinstance(raw, bool):
        text = "TRUE" if raw else "FALSE"
    elif hasattr(raw, "isoformat"):
        text = raw.isoformat()[:10]
    else:
        text = str(raw)
    s = " ".join(unicodedata.normalize("NFKC", text).split())
    if s == "" or s in BLANK_WORDS or all(ch in BLANK_MARKS for ch in s):
        return Reading(None)
    if s in ERROR_VALUES:
        return Reading(None, "CELL-ERROR", s)
    m = _NUMBER.match(s)
    if m is None or len(m.group(1).lstrip("+-").replace(",", "")) > 15:
        return Reading(None, "CELL-TEXT", s)
    whole, frac, unit = m.group(1).replace(",", ""), m.group(2), m.group(3)
    value = float(whole + frac) if frac else int(whole)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return Reading(value, "CELL-UNIT", s) if unit else Reading(value)


def findings(readings: dict[str, Reading], version: str | None) -> list[Finding]:
    """The findings of reading the cells (in the order given: the official order)."""
    labels = engine().labels
    out = []
    for path, r in readings.items():
        if r.rule:
            out.append(make_finding(RULES[r.rule], path, labels.cell(tuple(path.split(".")), version), r.shown,
                                    r.value))
    return out


def merge(reading: list[Finding], checked: list[Finding], cells) -> list[Finding]:
    """The findings of a draft: reading first, then the validator's, without the T*-BLANK finding of a cell that
    has a reading finding (it is blank because it could not be read, which that finding says), nor that of a row
    (its object absent) whose every cell of the draft (``cells``: their paths) has one."""
    unread = {f.path for f in reading if f.severity == "error"}
    rows: dict[str, bool] = {}
    for path in cells:
        row = path.rpartition(".")[0]
        rows[row] = rows.get(row, True) and path in unread

    def said(f: Finding) -> bool:
        return f.rule.endswith("-BLANK") and (f.path in unread or rows.get(f.path, False))

    return reading + [f for f in checked if not said(f)]


def title(text: str) -> dict:
    """organ and report_year from a report's title line (``某某局2023年政府信息公开工作年度报告``)."""
    m = _TITLE.match(" ".join(text.split()))
    if m is None:
        return {}
    organ = (m.group(1) + m.group(3)).strip()
    return {**({"organ": organ} if organ else {}), "report_year": int(m.group(2))}


# ------------------------------------------------------------------------------------------------ places
def placed(version: str, table: str) -> list[tuple[int, int, Cell]]:
    """The cells of a table's layout with their (row, column) in its sheet, 1-based, merged positions skipped."""
    out = []
    occupied: set[tuple[int, int]] = set()
    for r, row in enumerate(layout(version, table), start=FIRST_ROW):
        col = 1
        for cell in row:
            while (r, col) in occupied:
                col += 1
            out.append((r, col, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied.add((r + dr, col + dc))
            col += cell.colspan
    return out


def _coordinate(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


@lru_cache(maxsize=None)
def sheet_places(version: str) -> dict[str, tuple[str, str]]:
    """Each official cell's (sheet, coordinate) in the fill-in workbook, in official order."""
    return {cell.path: (SHEETS[t], _coordinate(r, c)) for t in Model.load().table_slots(version)
            for r, c, cell in placed(version, t) if cell.path}


@lru_cache(maxsize=None)
def sheet_labels(version: str) -> tuple[tuple[str, str, str], ...]:
    """The label cells of the workbook's tables (sheet, coordinate, text): the layout a reader checks first."""
    model = Model.load()
    out = []
    for t, slot in model.table_slots(version).items():
        out.append((SHEETS[t], "A1", slot["title"]))
        out.extend((SHEETS[t], _coordinate(r, c), cell.text) for r, c, cell in placed(version, t)
                   if cell.path is None and cell.text.strip())
    return tuple(out)


@lru_cache(maxsize=None)
def bookmarks(version: str) -> dict[str, str]:
    """Each official cell's bookmark name in the Word template → its path (Word allows 40 characters)."""
    model = Model.load()
    out = {}
    for t in model.table_slots(version):
        for i, row in enumerate(model.rows(version, t), start=1):
            for j, path in enumerate(row.cells, start=1):
                out[f"gs_{version}_t{TABLE_NUMBER[t]}_r{i}_c{j}"] = path
    return out


def bookmark_of(version: str) -> dict[str, str]:
    """path → bookmark name."""
    return {p: b for b, p in bookmarks(version).items()}
