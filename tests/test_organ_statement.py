"""The organ from the most specific statement (issue #23): a crawler's 发布机构 field (in a text copy's header or a
dump's column) often names the site's owner — the area's government — for every page of the site, while the
report's own title names the department that wrote it: the title wins then, and only then. A dump's title column
is read (by its usual name, or the one --title-column gives). A bare 办公室 or 局 is no organ.

Inputs are the renderer's real page of a bundled example, or a text copy laid out by tests/layout.py, with a
crawler's header or as the rows of a CSV a crawler writes."""

from __future__ import annotations

import csv
import io
import re

import layout
from conftest import examples, gaischema, load

from gaischema.extract import extract
from gaischema.render import render_html

VALID = {p.stem.split("-", 1)[1]: p for p in examples("valid")}
DEPARTMENT = "平潭综合实验区财政金融局"
SITE_OWNER = "平潭综合实验区人民政府"


def _text_copy(header: str) -> str:
    body = layout.as_text(load(VALID["pingtan-2023"]), "\n").split("\n", 1)[1]  # without its title line
    return header + "\n" + body


def _extract(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return extract(str(p))


def _source(result) -> str:
    [note] = [n.message for n in result.notes if n.kind == "source" and n.path == "organ"]
    return note


def test_a_title_naming_the_department_beats_the_sites_publisher_field(tmp_path):
    header = (f"标题: {DEPARTMENT}2021年度政府信息公开工作年度报告\n发布时间: 2022-01-20 09:00\n"
              f"发布机构: {SITE_OWNER}\n栏目: 政府信息公开年报")
    got = _extract(tmp_path, "crawl.txt", _text_copy(header))
    assert got.instance["organ"] == DEPARTMENT
    assert _source(got).startswith("取自标题行") and f"发布机构作“{SITE_OWNER}”" in _source(got)


def test_a_first_line_naming_the_department_beats_the_sites_publisher_field(tmp_path):
    header = f"{DEPARTMENT}2021年度政府信息公开工作年度报告\n发布机构：{SITE_OWNER}　发布日期：2022-01-20"
    got = _extract(tmp_path, "crawl.txt", _text_copy(header))
    assert got.instance["organ"] == DEPARTMENT


def test_a_publisher_field_naming_a_department_still_beats_a_title_naming_the_area(tmp_path):
    """The counter-example: the pingtan sample's own header (标题 names the area, 发布机构 the office)."""
    header = "标题: 平潭综合实验区2023年度政府信息公开工作年度报告\n发布机构: 平潭综合实验区管委会办公室"
    got = _extract(tmp_path, "crawl.txt", _text_copy(header))
    assert got.instance["organ"] == "平潭综合实验区管委会办公室"


def test_a_bare_office_is_no_organ(tmp_path):
    header = "标题: 2023年度政府信息公开工作年度报告\n发布机构: 办公室"
    got = _extract(tmp_path, "crawl.txt", _text_copy(header))
    assert got.instance.get("organ") != "办公室"
    assert "办公室" not in [n.raw for n in got.notes if n.path == "organ"]


def _dump(title_column: str) -> str:
    """A crawler's CSV: one row a page, the page's HTML in 正文, the site's owner in 发布机构, the page title in
    its title column; the page itself carries no title line that names the organ."""
    inst = load(VALID["pingtan-2023"])
    html = render_html(inst)
    body = html[html.index("<body>") + 6:html.index("</body>")]
    body = re.sub(r"<h1>.*?</h1>", "<h1>政府信息公开工作年度报告</h1>", body, count=1, flags=re.S)
    body = re.sub(r'<p class="signature">.*?</p>', "", body, flags=re.S).replace(inst["organ"], "本机关")
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow([title_column, "发布机构", "发布时间", "正文"])
    w.writerow([f"{DEPARTMENT}2023年度政府信息公开工作年度报告", SITE_OWNER, "2024-01-30", body])
    return out.getvalue()


def test_a_dumps_title_column_names_the_organ(tmp_path):
    (tmp_path / "crawl.csv").write_text(_dump("标题"), encoding="utf-8")
    r = gaischema("extract", str(tmp_path / "crawl.csv"), "--out-dir", str(tmp_path / "out"))
    assert r.returncode in (0, 1), r.stderr.decode(errors="replace")[-2000:]
    [saved] = list((tmp_path / "out").iterdir())
    assert load(saved)["organ"] == DEPARTMENT and load(saved)["report_year"] == 2023


def test_a_title_column_of_another_name_is_read_with_title_column(tmp_path):
    (tmp_path / "crawl.csv").write_text(_dump("page_heading"), encoding="utf-8")
    r = gaischema("extract", str(tmp_path / "crawl.csv"), "--out-dir", str(tmp_path / "out"),
                  "--title-column", "page_heading")
    assert r.returncode in (0, 1), r.stderr.decode(errors="replace")[-2000:]
    [saved] = list((tmp_path / "out").iterdir())
    assert load(saved)["organ"] == DEPARTMENT
