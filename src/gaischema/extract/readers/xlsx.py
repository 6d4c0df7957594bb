"""Workbooks .xlsx: every sheet a table (merged ranges resolved; values, not formulas); the 报告信息 sheet of a
gaischema workbook as field values. The package is checked before openpyxl reads it."""

from __future__ import annotations

import io
import re
import zipfile

from gaischema.extract.document import Block, Cell, Paragraph, Table
from gaischema.extract.readers.common import MAX_TABLE_CELLS, MAX_UNPACKED, META_SHEET, not_report
from gaischema.loading import InputError


def read_xlsx(data: bytes) -> tuple[list[Block], dict]:
    """A workbook's sheets as tables (merged ranges resolved; values, not formulas), and the 报告信息 sheet's
    values by slot path."""
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
            blocks.append(Table(cells, nrows, ncols))
    return blocks, fields


_RANGE = re.compile(rb'<(?:\w+:)?(?:mergeCell|dimension) ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_sheets(data: bytes) -> None:
    """Before openpyxl reads a workbook (it makes a cell object for every position of a merged range): the
    whole package at most MAX_UNPACKED unpacked, no merged range or sheet dimension over MAX_TABLE_CELLS."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED:
                raise InputError("INPUT-TOO-LARGE", "工作簿解压后过大", "the workbook is too large unpacked")
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with z.open(info) as fh:
                        xml = fh.read(MAX_UNPACKED + 1)
                    for m in _RANGE.finditer(xml):
                        c1, r1, c2, r2 = m.group(1), int(m.group(2)), m.group(3) or m.group(1), int(m.group(4) or m.group(2))
                        area = (abs(r2 - r1) + 1) * (abs(_column(c2) - _column(c1)) + 1)
                        if area > MAX_TABLE_CELLS and b"mergeCell" in m.group(0):
                            raise InputError("INPUT-TOO-LARGE", "合并单元格范围过大", "a merged range is too large")
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise not_report("Excel 文件损坏或不是工作簿", "a damaged workbook, or not one") from None
