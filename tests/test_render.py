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
    assert got.notes == []


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
    assert "| 第二十条第（九）项 / 政府集中采购 | 采购总金额 | 251000 |" in md
    out = tmp_path / "b.html"
    src = str(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")
    assert gaischema("render", src, "-o", str(out)).returncode == 0
    assert gaischema("render", src, "-o", str(out)).returncode == 2  # never overwrites
    bad = tmp_path / "bad.yaml"
    bad.write_text("organ: x\n", encoding="utf-8")
    proc = gaischema("render", str(bad))
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
