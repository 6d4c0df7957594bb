"""The report page never counts a blank as 0 (issue #23): a table the extractor could not read — here published
with empty cells, read by the extractor itself — is shown as blank in the totals by year and by organ, which say
how many reports' figures are missing; and a JSON file beside the reports that holds no report (the samples'
expected.json) is one unreadable row (INPUT-NOT-REPORT), not a report with errors."""

from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, gaischema, load

from gaischema.render import render_html

pytest.importorskip("matplotlib")


def _wipe(node: dict) -> None:
    for k, v in node.items():
        if isinstance(v, dict):
            _wipe(v)
        elif isinstance(v, int):
            node[k] = None


def _table(page: Path, name: str) -> list[list[str]]:
    text = page.read_text(encoding="utf-8")
    body = re.search(rf'<table class="data" id="table-{name}">.*?<tbody>(.*?)</tbody>', text, re.S).group(1)
    return [[html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row)] for row in re.findall(r"<tr>(.*?)</tr>", body)]


def _rows(page: Path) -> dict[str, dict]:
    text = page.read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', text, re.S).group(1)
    return {Path(r["file"]).name: r for r in json.loads(data.replace("<\\/", "</"))}


def test_a_blank_table_is_shown_blank_in_every_total(tmp_path):
    pub = tmp_path / "pub"
    pub.mkdir()
    pingtan = load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml")
    beilun = load(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")
    # 平潭: the row 一、本年新收 published with empty cells (the rest of 表三 printed); 北仑: all of 表三 empty
    part = copy.deepcopy(pingtan)
    _wipe(part["applications"]["new_applications"])
    whole = copy.deepcopy(beilun)
    _wipe(whole["applications"])
    (pub / "pingtan.html").write_text(render_html(part), encoding="utf-8")
    (pub / "beilun.html").write_text(render_html(whole), encoding="utf-8")
    # the values a reader checks by hand, as the samples keep them: a mapping of file names, no report
    (pub / "expected.json").write_text(json.dumps({"pingtan.html": {"organ": pingtan["organ"]}}), encoding="utf-8")
    page = tmp_path / "page.html"
    proc = gaischema("report", str(pub), "-o", str(page), "--no-cache")
    assert proc.returncode == 1, proc.stderr.decode(errors="replace")[-2000:]  # blank cells are T3-BLANK errors

    rows = _rows(page)
    assert rows["expected.json"]["status"] == "unreadable" and "INPUT-NOT-REPORT" in rows["expected.json"]["notes"]
    assert rows["pingtan.html"]["received"] is None and rows["beilun.html"]["received"] is None
    assert "T3-BLANK" in rows["beilun.html"]["rules"]

    answered = pingtan["applications"]["results"]["results_total"]["total"]  # 81, printed in 平潭's table
    [year] = _table(page, "outcomes")
    header = ["年度", "报告", "新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]
    by = dict(zip(header, year))
    assert by["年度"] == "2023" and by["报告"] == "2"
    assert by["新收"] == "空白 blank ×2"  # neither report's 新收 was read: not 0
    granted = pingtan["applications"]["results"]["granted"]["total"]
    assert by["予以公开"] == f"{granted}（另 1 份空白 / +1 blank）"  # 平潭's figure; 北仑's is missing, not 0
    organs = {r[0]: r for r in _table(page, "organs")}  # by canonical organ (管委会 written out: gaischema.organs)
    assert rows["pingtan.html"]["canonical"] == "平潭综合实验区管理委员会办公室"
    assert organs[rows["pingtan.html"]["canonical"]][2:4] == ["空白 blank", str(answered)]  # not "received 0, answered 81"
    assert organs[rows["beilun.html"]["canonical"]][2:5] == ["空白 blank", "空白 blank", ""]  # no share of nothing
    # the share of the year is 平潭's alone: the one report with all its figures
    share = round(100 * (granted + pingtan["applications"]["results"]["partially_granted"]["total"]) / answered, 1)
    assert [r[1] for r in _table(page, "share")] == [str(share)]
