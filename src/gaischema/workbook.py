"""The official tables as an Excel workbook: a fill-in template (numbers only, 总计 as formulas) or a
rendered instance, and the way back (``gaischema extract FILE.xlsx`` reads values, not formulas).

Sheets: 报告信息 (metadata and narrative: slot name, official label, value), 表二, 表三, 表四 (the official
layout from the cell map, with merged header cells).
"""

from __future__ import annotations

import io

from gaischema.model import Model, get
from gaischema.output import xml_text
from gaischema.cellmap import META_SHEET, SHEETS, placed
from gaischema.validate import engine

META = ["organ", "organ_kind", "division_code", "report_year", "format_version", "publication_date", "source_url",
        "statistical_period.start_date", "statistical_period.end_date", "overview", "problems_and_improvements",
        "other_matters", "processing_fee_charged", "processing_fee_amount"]


def build(instance: dict | None, version: str) -> bytes:
    """A workbook: the template of a format version (instance None) or an instance's values."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    model = Model.load()
    types = {c["path"]: c["type"] for c in model.cells(version)}
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    meta = wb.active
    meta.title = META_SHEET
    meta.append(["字段 slot", "名称 label", "值 value"])
    for path in META:
        value = get(instance, path) if instance else None
        if path == "format_version" and instance is None:
            value = version
        meta.append([path, model.title(path), _clean(value)])
    for row in meta.iter_rows(min_row=2):
        _text(row[2])
    meta.column_dimensions["A"].width = 30
    meta.column_dimensions["B"].width = 30
    meta.column_dimensions["C"].width = 80
    for row in meta.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    lists = {"format_version": model.enum_values("FormatVersionEnum"),
             "organ_kind": model.enum_values("OrganKindEnum"),
             "processing_fee_charged": ["TRUE", "FALSE"]}
    for i, path in enumerate(META, start=2):
        if path in lists:
            dv = DataValidation(type="list", formula1='"' + ",".join(lists[path]) + '"', allow_blank=True)
            meta.add_data_validation(dv)
            dv.add(f"C{i}")
    checks = {  # the data validation of each kind of number cell
        "count": dict(type="whole", operator="greaterThanOrEqual", formula1="0",
                      error="件数须为非负整数 / a count is a non-negative whole number"),
        "amount": dict(type="decimal", operator="greaterThanOrEqual", formula1="0",
                       error="金额须为非负数 / an amount is a non-negative number"),
        "signed": dict(type="whole", operator="between", formula1="-1000000000", formula2="1000000000",
                       error="须为整数 / a whole number"),
    }
    for table, slot in model.table_slots(version).items():
        ws = wb.create_sheet(SHEETS[table])
        validations: dict[str, DataValidation] = {}
        ws.cell(row=1, column=1, value=slot["title"]).font = Font(bold=True, size=13)
        where: dict[str, str] = {}
        for r, col, cell in placed(version, table):
            target = ws.cell(row=r, column=col)
            if cell.path is None:
                target.value = cell.text
                target.alignment = Alignment(wrap_text=True, horizontal="left" if cell.label else "center",
                                             vertical="center")
            else:
                value = get(instance, cell.path) if instance else None
                target.value = value if isinstance(value, (int, float)) and not isinstance(value, bool) else (
                    _clean(str(value)) if value is not None else None)
                _text(target)
                target.alignment = Alignment(horizontal="center", vertical="center")
                target.fill = PatternFill("solid", fgColor="FFF8E1")
                where[cell.path] = target.coordinate
                kind = {"amount": "amount", "signed_count": "signed"}.get(types.get(cell.path), "count")
                if kind not in validations:
                    validations[kind] = DataValidation(allow_blank=True, showErrorMessage=True, **checks[kind])
                    ws.add_data_validation(validations[kind])
                validations[kind].add(target.coordinate)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    ws.cell(row=r + dr, column=col + dc).border = box
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=r, start_column=col, end_row=r + cell.rowspan - 1,
                               end_column=col + cell.colspan - 1)
        if instance is None:
            _formulas(ws, where, version)
        for c in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(c)].width = 14 if table != "三" or c > 3 else 18
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _clean(value):
    """Report text without the characters a workbook cannot hold (controls, U+FFFE: shown as U+FFFD)."""
    return xml_text(value) if isinstance(value, str) else value


def _text(cell) -> None:
    """A cell that holds report text stays text: never a formula (a report's '=HYPERLINK(…)')."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


def _formulas(ws, where: dict[str, str], version: str) -> None:
    """The 总计 cells of a template as formulas, from the rules: every identity of the form ``total = a + b + …``
    (row totals and （七）总计 of table 三, the totals of table 四) that the engine compiles from the schema.
    A cell that two identities total (（七）总计 × 总计) takes the first."""
    done: set[str] = set()
    for idt in engine().identities(version):
        plus = [p for p, k in idt.terms if k == 1]
        minus = [p for p, k in idt.terms if k == -1]
        if len(plus) != 1 or len(plus) + len(minus) != len(idt.terms) or idt.constant or plus[0] in done:
            continue
        if plus[0] in where and all(p in where for p in minus):
            ws[where[plus[0]]] = "=" + "+".join(where[p] for p in minus)
            done.add(plus[0])
