"""Metadata of extracted reports from every place real reports put it: titles over several lines, crawler
header fields, the page's <title> and platform meta tags, the PDF's own Title, the 本报告由…编制 and 汇总…情况
sentences, the signature, the file name; the most specific source winning; no organ from what is not one;
and a report published without its tables.

Every input is the renderer's real page of a bundled example (both format versions), changed the way a
published page differs (its title, head, signature or tables), or a text copy laid out by tests/layout.py.
"""

from __future__ import annotations

import re
import shutil

import pytest

import layout
from conftest import examples, gaischema, load, print_pdf
from gaischema import validate
from gaischema.extract import extract
from gaischema.loading import InputError
from gaischema.render import render_html

VALID = {p.stem.split("-", 1)[1]: p for p in examples("valid")}
BEILUN, SHANGHAI, PINGTAN = "beilun-2023", "format2019-shanghai-totals-filled", "pingtan-2023"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def page(example: str, title: str | None = None, signature: bool = True, head: str = "", lead: str = "",
         html_title: str | None = None, date: bool = True, tables: bool = True) -> str:
    """The rendered page of an example, with its <h1> replaced by ``title`` (lines as <p>, "" for none), the
    signature and the 发布日期 line kept or dropped, ``head`` added to <head>, ``lead`` before section 一."""
    html = render_html(load(VALID[example]))
    if title is not None:
        lines = "".join(f"<p>{x}</p>" for x in title.split("\n") if x)
        html = re.sub(r"<h1>.*?</h1>", lines, html, count=1, flags=re.S)
    if not signature:
        html = re.sub(r'<p class="signature">.*?</p>\n?', "", html)
    if not date:
        html = re.sub(r'<p class="date">.*?</p>\n?', "", html)
    if html_title is not None:
        html = re.sub(r"<title>.*?</title>", f"<title>{html_title}</title>" if html_title else "", html, flags=re.S)
    if not tables:
        html = re.sub(r"<table.*?</table>", "", html, flags=re.S)
    html = html.replace("</head>", head + "</head>", 1)
    return html.replace("<h2>一、", lead + "<h2>一、", 1)


def run(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return extract(str(p))


def source(result, key: str) -> str:
    """The message of the source note of a metadata field (exactly one)."""
    found = [n.message for n in result.notes if n.kind == "source" and n.path == key]
    assert len(found) == 1, (key, found)
    return found[0]


def missing(result, key: str) -> bool:
    return any(n.kind == "missing" and n.path == key for n in result.notes)


# ------------------------------------------------------------------------------------------------ titles
@pytest.mark.parametrize("example,title,organ,year", [
    (BEILUN, "宁波市北仑区人民政府\n2023 年政府信息公开工作年度报告", "宁波市北仑区人民政府", 2023),
    (BEILUN, "宁波市北仑区\n人民政府\n2023 年 政府信息公开工作年度报告", "宁波市北仑区人民政府", 2023),
    (SHANGHAI, "上海市人民政府办公厅\n2019年政府信息公开工作\n年度报告", "上海市人民政府办公厅", 2019),
    (SHANGHAI, "上海市 人民政府 办公厅 政府信息公开工作年度报告\n（2019年）", "上海市人民政府办公厅", 2019),
])
def test_title_split_over_lines(tmp_path, example, title, organ, year):
    got = run(tmp_path, "page.html", page(example, title, signature=False, html_title=""))
    assert (got.instance.get("organ"), got.instance["report_year"]) == (organ, year)
    assert source(got, "organ").startswith("取自标题 ")
    assert source(got, "report_year").startswith("取自标题")


def test_no_organ_from_a_notice_title_a_sentence_or_a_site_name(tmp_path):
    """The 北仑 overview says 公布2023年度北仑区统计局政府信息公开年度报告 in a sentence; the title is a 关于…
    通知; 来源 names the portal: none of them is an organ line, so the organ stays blank (noted)."""
    title = "关于印发北仑区统计局2023年政府信息公开工作年度报告的通知"
    html = page(BEILUN, title, signature=False, html_title="")
    html = html.replace("<body>", "<body><p>来源：宁波市北仑区人民政府门户网站</p>", 1)
    got = run(tmp_path, "notice.html", html)
    assert "organ" not in got.instance and missing(got, "organ")
    assert got.instance["report_year"] == 2023


# ------------------------------------------------------------------------------------------------ crawler copies
def _text_copy(example: str, header: str, signature: bool = False) -> str:
    inst = load(VALID[example])
    body = layout.as_text(inst, "\n").split("\n", 1)[1]  # without its title line
    return header + "\n" + body + (f"\n{inst['organ']}\n{inst['publication_date']}\n" if signature else "")


def test_crawler_header_with_an_empty_publisher_falls_through_to_the_title(tmp_path):
    header = ("标题: 宁波市北仑区统计局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-05 10:30\n发布机构: \n"
              "来源: 宁波市北仑区人民政府门户网站\n栏目: 年度报告")
    got = run(tmp_path, "crawl.txt", _text_copy(BEILUN, header))
    assert got.instance["organ"] == "宁波市北仑区统计局" and got.instance["report_year"] == 2023
    assert got.instance["publication_date"] == "2024-01-05"
    assert source(got, "organ").startswith("取自标题行") and source(got, "publication_date").startswith("取自发布日期")


def test_crawler_header_publisher_beats_the_title_and_says_so(tmp_path):
    header = "标题: 上海市2019年度政府信息公开工作年度报告\n发布机构: 上海市人民政府办公厅\n来源: 上海市人民政府办公厅"
    got = run(tmp_path, "crawl.txt", _text_copy(SHANGHAI, header))
    assert (got.instance["organ"], got.instance["report_year"]) == ("上海市人民政府办公厅", 2019)
    note = source(got, "organ")
    assert note.startswith("取自发布机构") and "标题行作“上海市”" in note and "more specific" in note


def test_source_line_names_the_organ(tmp_path):
    got = run(tmp_path, "crawl.txt", _text_copy(PINGTAN, "标题: 2023年政府信息公开工作年度报告\n来源：平潭综合实验区管委会办公室"))
    assert got.instance["organ"] == "平潭综合实验区管委会办公室"
    assert source(got, "organ").startswith("取自来源")


# ------------------------------------------------------------------------------------------------ the page's head
def test_platform_meta_tags(tmp_path):
    head = ('<meta name="SiteName" content="宁波市北仑区人民政府">'
            '<meta name="ArticleTitle" content="2023年政府信息公开工作年度报告">'
            '<meta name="PubDate" content="2024-01-06 09:30">'
            '<meta name="ContentSource" content="北仑区统计局">')
    html = page(BEILUN, "政府信息公开工作年度报告", signature=False, date=False, head=head,
                html_title="政府信息公开工作年度报告_宁波市北仑区人民政府门户网站")
    got = run(tmp_path, "page.html", html)
    assert got.instance["organ"] == "北仑区统计局" and got.instance["publication_date"] == "2024-01-06"
    assert got.instance["report_year"] == 2023
    assert "ContentSource" in source(got, "organ") and "PubDate" in source(got, "publication_date")
    assert "ArticleTitle" in source(got, "report_year")


@pytest.mark.parametrize("example,organ,year,form", [
    (BEILUN, "北仑区统计局", 2023, "{}_宁波市北仑区人民政府门户网站"),
    (BEILUN, "北仑区统计局", 2023, "宁波市北仑区人民政府门户网站 - {}"),
    (SHANGHAI, "上海市人民政府办公厅", 2019, "首页 > 政务公开 > {}"),
])
def test_html_title_when_the_page_has_no_title_line(tmp_path, example, organ, year, form):
    """The <title> of a government site: the report's title joined to the site's name or a breadcrumb."""
    html = page(example, "", signature=False, html_title=form.format(f"{organ}{year}年政府信息公开工作年度报告"))
    got = run(tmp_path, "page.html", html)
    assert (got.instance["organ"], got.instance["report_year"]) == (organ, year)
    assert "<title>" in source(got, "organ")


def test_the_more_specific_source_wins_over_the_title(tmp_path):
    head = '<meta name="ContentSource" content="宁波市北仑区统计局">'
    got = run(tmp_path, "page.html", page(BEILUN, head=head))
    assert got.instance["organ"] == "宁波市北仑区统计局"
    note = source(got, "organ")
    assert "ContentSource" in note and "标题作“北仑区统计局”" in note and "落款作“北仑区统计局”" in note


def test_invisible_characters_are_removed_from_organ_names(tmp_path):
    head = '<meta name="ContentSource" content="北仑区\u200b统计\u2060局\ufeff">'
    got = run(tmp_path, "page.html", page(BEILUN, "", signature=False, head=head, html_title=""))
    assert got.instance["organ"] == "北仑区统计局"
    assert "U+200B" in source(got, "organ") and "U+2060" in source(got, "organ")
    title = "上海市人民政府\u00ad办公厅\u200b2019年政府信息公开工作年度报告"
    got = run(tmp_path, "title.html", page(SHANGHAI, title, signature=False, html_title=""))
    assert got.instance["organ"] == "上海市人民政府办公厅" and "U+00AD" in source(got, "organ")
    got = run(tmp_path, "elsewhere.html", page(SHANGHAI, lead="<p>\u200b本报告依据《条例》编制。</p>"))
    assert got.instance["organ"] == "上海市人民政府办公厅" and "U+" not in source(got, "organ")  # not on the organ


# ------------------------------------------------------------------------------------------------ sentences, signature, file name
@pytest.mark.parametrize("example,sentence,organ,where", [
    (BEILUN, "本报告由宁波市北仑区统计局办公室根据《条例》要求编制。", "宁波市北仑区统计局办公室", "本报告由"),
    (SHANGHAI, "本年度报告由上海市人民政府办公厅会同各部门编制。", "上海市人民政府办公厅", "本报告由"),
    (PINGTAN, "本报告根据《条例》要求编制，汇总平潭综合实验区各有关单位政府信息公开工作情况。", "平潭综合实验区", "汇总"),
])
def test_organ_from_the_compiling_sentence(tmp_path, example, sentence, organ, where):
    year = load(VALID[example])["report_year"]
    got = run(tmp_path, "page.html", page(example, f"{year}年政府信息公开工作年度报告", signature=False,
                                          html_title="", lead=f"<p>{sentence}</p>"))
    assert (got.instance["organ"], got.instance["report_year"]) == (organ, year)
    assert where in source(got, "organ")


@pytest.mark.parametrize("example", [BEILUN, SHANGHAI])
def test_organ_and_date_from_the_signature(tmp_path, example):
    inst = load(VALID[example])
    got = run(tmp_path, "page.html", page(example, "政府信息公开工作年度报告", date=False, html_title=""))
    assert (got.instance["organ"], got.instance["publication_date"]) == (inst["organ"], inst["publication_date"])
    assert source(got, "organ").startswith("取自落款") and source(got, "publication_date").startswith("取自落款")


def test_signature_on_one_line(tmp_path):
    html = page(BEILUN, "政府信息公开工作年度报告", date=False, html_title="")
    assert '<p class="signature">北仑区统计局</p>\n<p class="signature">2024年1月5日</p>' in html
    html = html.replace('<p class="signature">北仑区统计局</p>\n<p class="signature">2024年1月5日</p>',
                        '<p class="signature">北仑区统计局　2024年1月5日</p>')
    got = run(tmp_path, "page.html", html)
    assert (got.instance["organ"], got.instance["publication_date"]) == ("北仑区统计局", "2024-01-05")
    assert source(got, "organ").startswith("取自落款")


def test_organ_from_the_file_name(tmp_path):
    got = run(tmp_path, "宁波市北仑区统计局2023年政府信息公开工作年度报告.html",
              page(BEILUN, "政府信息公开工作年度报告", signature=False, html_title=""))
    assert got.instance["organ"] == "宁波市北仑区统计局" and got.instance["report_year"] == 2023
    assert "文件名" in source(got, "organ")


@pytest.mark.skipif(not CHROMIUM, reason="needs Chromium (.ci/run installs it)")
def test_organ_from_the_pdf_title(tmp_path):
    """A page printed to PDF by a browser: its <title> becomes the PDF's document Title; the page itself has
    no title line and no signature."""
    src = tmp_path / "page.html"
    src.write_text(page(BEILUN, "", signature=False, html_title="宁波市北仑区统计局2023年政府信息公开工作年度报告"),
                   encoding="utf-8")
    pdf = print_pdf(src, tmp_path / "report.pdf", tmp_path / "profile")
    got = extract(str(pdf))
    assert (got.instance["organ"], got.instance["report_year"]) == ("宁波市北仑区统计局", 2023)
    assert "PDF" in source(got, "organ")


# ------------------------------------------------------------------------------------------------ tables missing
@pytest.mark.parametrize("example", [BEILUN, SHANGHAI])
def test_report_published_without_its_tables(tmp_path, example):
    """The headings and the narrative, no table: an instance (version from the year, metadata and narrative
    read, no table, one note), and validate reports one TABLES-MISSING error, no blank-cell findings."""
    inst = load(VALID[example])
    got = run(tmp_path, "no-tables.html", page(example, tables=False))
    for key in ("organ", "report_year", "format_version", "publication_date", "overview"):
        assert got.instance[key] == inst[key], key
    assert not {"proactive_disclosure", "proactive_disclosure_2019", "applications",
                "reviews_and_litigation"} & set(got.instance)
    assert [n.path for n in got.notes if n.kind == "missing"] == [""] and not got.complete
    findings = validate(got.instance)
    assert [(f.rule, f.severity, f.path) for f in findings if f.severity == "error"] == [("TABLES-MISSING", "error", "")]
    assert not any(f.rule.endswith("-BLANK") for f in findings)


def test_tables_missing_on_the_command_line(tmp_path):
    src = tmp_path / "no-tables.html"
    src.write_text(page(PINGTAN, tables=False), encoding="utf-8")
    r = gaischema("extract", str(src), "-o", str(tmp_path / "out.yaml"))
    assert r.returncode == 1, r.stderr  # cells not read: exit 1, not 2
    v = gaischema("validate", str(tmp_path / "out.yaml"), "--format", "json")
    out = v.stdout.decode()
    assert v.returncode == 1 and out.count('"TABLES-MISSING"') == 1 and "BLANK" not in out, out


def test_breadcrumb_chinese_numerals_and_a_catalogue_table(tmp_path):
    """A page with a breadcrumb naming the column, the year and the signature's date in Chinese numerals, and
    the 信息公开目录 block as a table row without colons (发布机构 | 北仑区统计局 | 生成日期 | …)."""
    html = page(BEILUN, "北仑区统计局二〇二三年政府信息公开工作年度报告", date=False, html_title="")
    html = html.replace("2024年1月5日", "二〇二四年一月五日")
    got = run(tmp_path, "page.html", html.replace("<body>", "<body><p>首页 > 政务公开 > 政府信息公开工作年度报告</p>", 1))
    assert (got.instance["organ"], got.instance["report_year"]) == ("北仑区统计局", 2023)
    assert got.instance["publication_date"] == "2024-01-05" and source(got, "publication_date").startswith("取自落款")
    block = ("<table><tr><td>索引号</td><td>11330206/2024-00001</td><td>发布机构</td><td>宁波市北仑区统计局</td>"
             "<td>生成日期</td><td>2024-01-08</td></tr></table>")
    html = page(BEILUN, "", signature=False, date=False, html_title="").replace("<body>", "<body>" + block, 1)
    got = run(tmp_path, "catalogue.html", html)
    assert (got.instance["organ"], got.instance["publication_date"]) == ("宁波市北仑区统计局", "2024-01-08")
    assert source(got, "organ").startswith("取自发布机构")


def test_tables_that_are_there_but_not_read_are_not_called_missing(tmp_path):
    """The tables' headers stand in the page (only their rows are gone): the tables were published, so the
    report is not said to lack them; nothing is read and the file is refused as before."""
    html = re.sub(r"<tr>(?:(?!</tr>).)*class=\"label\".*?</tr>", "", page(BEILUN), flags=re.S)
    p = tmp_path / "headers-only.html"
    p.write_text(html, encoding="utf-8")
    with pytest.raises(InputError) as err:
        extract(str(p))
    assert err.value.rule == "INPUT-NOT-REPORT"


def test_the_year_before_the_report_words_is_the_regular_expressions():
    """The head's year (2023年度政府信息公开, 2023 年，) is found from the words after it (#27: a search for four
    digits tried every character of the head): on 20,000 random heads of digits, white space, 年, 度 and the
    words, the answer is the first match of the pattern it replaced."""
    import random

    from gaischema.extract import metadata

    pattern = re.compile(r"(\d{4})\s*年度?(?:政府信息公开|本机关|本单位|，)")
    parts = ["2023", "1", "20", "２０２３", "٢٠٢٣", " ", "\n", "年", "度", "政府信息公开", "本机关", "本单位", "，", "报告", "x"]
    rnd = random.Random(27)
    found = 0
    for _ in range(20000):
        head = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 12)))
        m = pattern.search(head)
        assert metadata._year_before_words(head) == (int(m.group(1)) if m else None), head
        found += m is not None
    assert found > 300
