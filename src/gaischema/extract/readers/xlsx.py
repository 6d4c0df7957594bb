"""Workbooks .xlsx: every sheet a table (merged ranges resolved; values, not formulas); the 报告信息 sheet of a
gaischema workbook as field values. The package is checked before openpyxl reads it."""

from __future__ import annotations

import io
import re
import xml.sax
import xml.sax.handler
import zipfile
from dataclasses import dataclass
from typing import Any

import defusedxml
import defusedxml.sax

from gaischema import cellmap
from gaischema.extract.document import Block, Cell, Paragraph, Table
from gaischema.extract.readers.common import MAX_TABLE_CELLS, META_SHEET, not_report
from gaischema.extract.readers.package import check_package
from gaischema.loading import InputError
from gaischema.model import Model


def read_xlsx(data: bytes) -> tuple[list[Block], dict]:
    """A workbook's sheets as tables (merged ranges resolved; values, not formulas), and the 报告信息 sheet's
    values by slot path."""
    blocks, fields, _cells = read_xlsx_draft(data)
    return blocks, fields


def read_xlsx_draft(data: bytes) -> tuple[list[Block], dict, dict[str, Any] | None]:
    """read_xlsx, and for a gaischema workbook (its 报告信息 sheet names a format version and every label of
    that version's layout stands where the template has it) each official cell as the spreadsheet shows it, by
    the cell map (gaischema.cellmap.sheet_places): a number, text, a cellmap.CellError (``#VALUE!``), or
    cellmap.NO_RESULT (a formula without a saved result). None for any other workbook."""
    from openpyxl import load_workbook  # a dependency of linkml; slow to import, so only here

    _check_sheets(data)
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise not_report("Excel 文件损坏或不是工作簿", "a damaged workbook, or not one") from None
    blocks: list[Block] = []
    fields: dict = {}
    for ws in wb.worksheets:
        if ws.max_row * ws.max_column > MAX_TABLE_CELLS:
            raise InputError("INPUT-TOO-LARGE", "工作表过大", f"the sheet {ws.title!r} is too large")
        if ws.title == META_SHEET:
            for row in ws.iter_rows(min_row=2, values_only=True):
                if row and isinstance(row[0], str) and len(row) > 2 and row[2] not in (None, ""):
                    fields[row[0]] = row[2]
            continue
        spans = {}
        covered = set()
        for rng in ws.merged_cells.ranges:
            if (rng.max_row - rng.min_row + 1) * (rng.max_col - rng.min_col + 1) > MAX_TABLE_CELLS:
                raise InputError("INPUT-TOO-LARGE", "合并单元格范围过大", "a merged range is too large")
            spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add((r, c))
        heading = ws.cell(row=1, column=1).value
        start = 1
        if isinstance(heading, str) and all(ws.cell(row=1, column=c).value in (None, "")
                                            for c in range(2, ws.max_column + 1)):
            blocks.append(Paragraph(heading.strip()))
            start = 2
        cells = []
        for row in ws.iter_rows(min_row=start):
            for c in row:
                if (c.row, c.column) in covered:
                    continue
                value = c.value
                rs, cs = spans.get((c.row, c.column), (1, 1))
                text = "" if value is None else (repr(value) if isinstance(value, float) else str(value))
                if isinstance(value, float) and value.is_integer():
                    text = str(int(value))
                cells.append(Cell(c.row - start, c.column - 1, text, rs, cs))
        if cells:
            nrows = max(c.row + c.rowspan for c in cells)
            ncols = max(c.col + c.colspan for c in cells)
            blocks.append(Table(cells, nrows, ncols, sheet=ws.title, first_row=start))
    return blocks, fields, _draft_cells(wb, fields, data)


def _draft_cells(wb, fields: dict, data: bytes) -> dict[str, Any] | None:
    version = fields.get("format_version")
    if not isinstance(version, str) or version not in Model.load().versions:
        return None
    sheets = {ws.title: ws for ws in wb.worksheets}
    for sheet, coord, text in cellmap.sheet_labels(version):
        found = sheets[sheet][coord].value if sheet in sheets else None
        if not isinstance(found, str) or found.strip() != text.strip():
            return None
    out: dict[str, Any] = {}
    empty = []
    for path, (sheet, coord) in cellmap.sheet_places(version).items():
        cell = sheets[sheet][coord]
        if cell.data_type == "e":
            out[path] = cellmap.CellError(str(cell.value))
        else:
            out[path] = cell.value
            if cell.value is None:
                empty.append(path)
    if empty:  # blank, or a formula without a saved result: the formulas tell
        from openpyxl import load_workbook

        formulas = load_workbook(io.BytesIO(data), data_only=False, read_only=False)
        for path in empty:
            sheet, coord = cellmap.sheet_places(version)[path]
            if formulas[sheet][coord].data_type == "f":
                out[path] = cellmap.NO_RESULT
    return out


MAX_SHEETS = 50  # a report workbook has a few
MAX_WORKBOOK_CELLS = 5 * MAX_TABLE_CELLS  # cells (c elements) of all sheets together
MAX_RUNS = 100_000  # shared strings and their rich-text runs
MAX_ELEMENTS = 1_000_000  # elements in any one XML part
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?")


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _area(ref: str) -> int | None:
    """The positions a range reference covers, however it is spelled (``a1:xfd1048576``, ``$A$1:$XFD$1048576``,
    spaces); None when it is not a reference."""
    m = _REF.fullmatch(ref.replace("$", "").replace(" ", "").upper())
    if m is None:
        return None
    c1, r1, c2, r2 = m.group(1), int(m.group(2)), m.group(3) or m.group(1), int(m.group(4) or m.group(2))
    return (abs(r2 - r1) + 1) * (abs(_column(c2) - _column(c1)) + 1)


@dataclass
class _Totals:
    cells: int = 0
    merged: int = 0
    sheets: int = 0
    runs: int = 0


class _Census(xml.sax.handler.ContentHandler):
    """Counts, while a real XML parser reads a part (attributes in any order and quoting, any spelling of a
    reference), what openpyxl would make objects of: cells, merged positions, sheets, shared-string runs."""

    def __init__(self, totals: _Totals):
        super().__init__()
        self.totals, self.elements = totals, 0

    def startElement(self, name, attrs):
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise _too_large()
        local = name.rpartition(":")[2]
        t = self.totals
        if local == "c":
            t.cells += 1
            if t.cells > MAX_WORKBOOK_CELLS:
                raise _too_large()
        elif local == "mergeCell":
            area = _area(attrs.get("ref", ""))
            if area is None:
                raise not_report("工作簿中的合并单元格范围无法识别", "a merged range of the workbook is not a reference")
            t.merged += area
            if area > MAX_TABLE_CELLS or t.merged > MAX_WORKBOOK_CELLS:
                raise InputError("INPUT-TOO-LARGE", "合并单元格范围过大", "a merged range is too large")
        elif local == "sheet":
            t.sheets += 1
            if t.sheets > MAX_SHEETS:
                raise InputError("INPUT-TOO-LARGE", f"工作表过多（上限 {MAX_SHEETS} 个）",
                                 f"too many sheets (the limit is {MAX_SHEETS})")
        elif local in ("si", "r"):
            t.runs += 1
            if t.runs > MAX_RUNS:
                raise _too_large()


def _too_large() -> InputError:
    return InputError("INPUT-TOO-LARGE", "工作簿内容过多", "the workbook holds too much")


def _check_sheets(data: bytes) -> None:
    """Before openpyxl reads a workbook (it makes an object for every cell, every position of a merged range,
    every shared-string run, every sheet): the package unpacking to at most MAX_UNPACKED bytes as counted
    while it is unpacked, never as it declares (gaischema.extract.readers.package), and every XML part read
    by a parser that refuses DTDs (defusedxml), counting what openpyxl would build - so that no spelling of a
    range, and no number of sheets, cells or runs, gets past the bounds."""
    check_package(data, "Excel 工作簿", "workbook")
    totals = _Totals()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if sum(i.filename.startswith("xl/worksheets/") for i in infos) > MAX_SHEETS:
                raise InputError("INPUT-TOO-LARGE", f"工作表过多（上限 {MAX_SHEETS} 个）",
                                 f"too many sheets (the limit is {MAX_SHEETS})")
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels")):
                    with z.open(info) as fh:
                        defusedxml.sax.parse(fh, _Census(totals), forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise not_report("工作簿含有 DTD 或实体声明，不予读取", "the workbook has a DTD or entity declarations; not read") from None
    except xml.sax.SAXException:
        raise not_report("Excel 文件损坏或不是工作簿", "a damaged workbook, or not one") from None
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise not_report("Excel 文件损坏或不是工作簿", "a damaged workbook, or not one") from None
