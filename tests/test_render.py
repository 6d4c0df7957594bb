"""gaischema render: the official layout from the cell map; round trips through gaischema extract."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, examples, gaischema, load
from gaischema.export import tidy_rows
from gaischema.extract import extract
from gaischema.render import render_html, render_markdown


def cells(inst):
    return {r["path"]: r["value"] for r in tidy_rows(inst)}


@pytest.mark.parametrize("path", examples("valid"), ids=lambda p: p.name)
def test_rendered_html_extracts_back_to_the_same_instance(tmp_path, path):
    inst = load(path)
    page = tmp_path / "r.html"
    page.write_text(render_html(inst), encoding="utf-8")
    got = extract(str(page))
    assert cells(got.instance) == cells(inst)
    for key in ("organ", "report_year", "format_version", "publication_date", "statistical_period",
                "overview", "problems_and_improvements", "other_matters"):
        assert got.instance.get(key) == inst.get(key), key
    assert [n.kind for n in got.notes] == ["source"] * 3  # where organ, year and date were read


def test_html_layout_has_the_official_merged_headers():
    html = render_html(load(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml"))
    assert html.count("<table") == 3
    assert "<td rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>" in html
    assert '<td rowspan="8">（三）不予公开</td>' in html and '<td colspan="5">法人或其他组织</td>' in html
    assert '<td colspan="10">行政诉讼</td>' in html
    assert "@page { size: A4" in html and "<link" not in html and "<script" not in html  # standalone


def test_annotate_marks_the_broken_cells():
    html = render_html(load(EXAMPLES / "invalid" / "AnnualReport-t3-row-total.yaml"), annotate=True)
    assert html.count('class="num bad"') == 2
    assert 'data-path="applications.results.denied.third_party_rights.total"' in html
    assert '<aside class="findings">' in html and "T3-ROW-TOTAL" in html


def test_markdown_and_cli(tmp_path):
    md = render_markdown(load(EXAMPLES / "valid" / "AnnualReport-format2019-shanghai-totals-filled.yaml"))
    assert "| 政府集中采购 | 6 |  |  | 251000 |  |  |" in md  # the official layout; a merged value written once
    assert "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 |" in md  # merged labels repeated
    out = tmp_path / "b.html"
    src = str(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")
    assert gaischema("render", src, "-o", str(out)).returncode == 0
    assert gaischema("render", src, "-o", str(out)).returncode == 2  # never overwrites
    bad = tmp_path / "bad.yaml"
    bad.write_text("organ: x\n", encoding="utf-8")
    proc = gaischema("render", str(bad))
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr


# --------------------------------------------------------------------------------------------- workbook
@pytest.mark.parametrize("path", examples("valid"), ids=lambda p: p.name)
def test_rendered_workbook_extracts_back(tmp_path, path):
    inst = load(path)
    book = tmp_path / "r.xlsx"
    assert gaischema("render", str(path), "--format", "xlsx", "-o", str(book)).returncode == 0
    got = extract(str(book))
    assert cells(got.instance) == cells(inst)
    for key in ("organ", "report_year", "format_version", "publication_date", "statistical_period", "overview",
                "problems_and_improvements", "other_matters"):
        assert got.instance.get(key) == inst.get(key), key
    assert got.notes == [] and got.instance["extraction"]["source_format"] == "xlsx"


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_template_has_merged_headers_validation_and_formulas(tmp_path, version):
    from openpyxl import load_workbook

    book = tmp_path / "t.xlsx"
    assert gaischema("template", "--version", version, "-o", str(book)).returncode == 0
    assert gaischema("template", "--version", version, "-o", str(book)).returncode == 2  # never overwrites
    wb = load_workbook(book)
    assert wb.sheetnames == ["报告信息", "表二", "表三", "表四"]
    t3 = wb["表三"]
    assert t3.merged_cells.ranges and t3["A1"].value == "三、收到和处理政府信息公开申请情况"
    formulas = [c.value for row in t3.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert len(formulas) == (25 if version == "2021" else 23) + 6  # each row's 总计, and （七）总计 per column
    rules = {dv.type for dv in t3.data_validations.dataValidation}
    assert "whole" in rules
    t2_types = {dv.type for dv in wb["表二"].data_validations.dataValidation if dv.sqref}
    assert "decimal" in t2_types  # 万元 (2021) and 采购总金额 (2019) are decimals
    assert len([c for row in wb["表四"].iter_rows() for c in row if str(c.value).startswith("=")]) == 3


def test_filled_template_is_read_as_written(tmp_path):
    """A person fills the template and overwrites one 总计 by hand: it is read as written and caught."""
    from openpyxl import load_workbook

    from gaischema import validate
    from gaischema.render import layout

    book = tmp_path / "t.xlsx"
    gaischema("template", "-o", str(book))
    wb = load_workbook(book)
    inst = load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml")
    meta = wb["报告信息"]
    for row in meta.iter_rows(min_row=2):
        key = row[0].value
        if key in ("organ", "report_year", "publication_date"):
            row[2].value = inst[key]
    for table, sheet in (("二", "表二"), ("三", "表三"), ("四", "表四")):
        ws = wb[sheet]
        # fill every number cell that is not a formula, in layout order
        numbers = [c for row in ws.iter_rows(min_row=3) for c in row
                   if c.fill.fgColor.rgb in ("00FFF8E1", "FFFFF8E1") and not str(c.value or "").startswith("=")]
        paths = [cell.path for r in layout("v2021", table) for cell in r if cell.path]
        formula_paths = [p for p in paths if p.endswith(".total") or ".results_total." in p] if table != "二" else []
        value_paths = [p for p in paths if p not in formula_paths]
        for c, p in zip(numbers, value_paths):
            obj = inst
            for step in p.split("."):
                obj = obj[step]
            c.value = obj
    # overwrite one 总计 formula with a wrong number, by hand
    ws = wb["表三"]
    granted_row = next(c.row for c in ws["B"] if c.value == "（一）予以公开")
    ws.cell(row=granted_row, column=10).value = 99
    wb.save(book)
    got = extract(str(book))
    c = cells(got.instance)
    assert c["applications.results.granted.total"] == 99  # read as written
    assert c["applications.results.granted.natural_person"] == 22
    # formulas nobody computed (never opened in a spreadsheet program) have no value: not read, and said so
    assert c["applications.results.denied.state_secret.total"] is None
    assert any(n.kind == "unreadable" and n.path == "applications.results.denied.state_secret.total"
               and "公式没有保存计算结果" in n.message for n in got.notes)
    found = {(f.rule, f.path) for f in validate(got.instance)}
    assert ("T3-ROW-TOTAL", "applications.results.granted.total") in found
