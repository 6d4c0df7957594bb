"""Metadata of a report: the format version (from the labels only one version has, else the report year), the
organ, the year, the dates and the URL, each with a ``source`` note saying where it was read."""

from __future__ import annotations

import datetime
import os
import re
from functools import lru_cache
from typing import Any

from gaischema.extract.matcher import Note, core, norm
from gaischema.model import Model

__all__ = ["DATE_SOURCES", "ORGAN_SOURCES", "YEAR_SOURCES", "cn_dates", "detect_version", "detect_versions", "fold", "is_organ",
           "names_area", "parse_title",
           "sheet_metadata", "strip_invisible", "text_metadata"]


@lru_cache(maxsize=1)
def _version_markers() -> dict[str, dict[str, list[str]]]:
    """Per version and table: the labels only that version has (and that no label of another version contains)."""
    model = Model.load()
    labels = {v: {(c["table"], p) for c in model.cells(v) for p in (c["column"], c["row"].split(" / ")[-1])}
              for v in model.versions}
    out: dict[str, dict[str, list[str]]] = {}
    for v, mine in labels.items():
        others = {lab for w, theirs in labels.items() if w != v for _, lab in theirs}
        for table, lab in sorted(mine):
            if lab not in others and not any(core(lab) in core(o) or core(o) in core(lab) for o in others):
                out.setdefault(v, {}).setdefault(table, []).append(core(lab))
    return out


def _by_markers(found: dict[str, int]) -> str | None:
    ranked = sorted(found.items(), key=lambda kv: kv[1], reverse=True)
    if ranked and ranked[0][1] > (ranked[1][1] if len(ranked) > 1 else 0):
        return ranked[0][0]
    return None


def detect_versions(text: str, year: int | None) -> tuple[str | None, str, str | None]:
    """(the format version, where it was read, the version of table 二 where it differs). Table 三's rows come
    first (the 2021 format's three （六）其他处理 items), then table 二's headers (the labels only one version
    has), then the report year. A 2021 table 三 under a 2019-style table 二 is a mixed report: its version is
    table 三's, and table 二 is read in its own version's layout (the third value)."""
    compact = norm(text)
    markers = _version_markers()
    found = {t: {v: sum(1 for m in by_table.get(t, ()) if m in compact) for v, by_table in markers.items()}
             for t in ("二", "三", "四")}
    three = _by_markers({v: found["三"][v] + found["四"][v] for v in markers})
    two = _by_markers(found["二"])
    if three:
        return three, "table 三's rows", (two if two and two != three else None)
    if two:
        return two, "table headers", None
    if year:
        version = Model.load().format_version_for_year(year)
        if version:
            return version, "report year", None
    return None, "", None


def detect_version(text: str, year: int | None) -> tuple[str | None, str]:
    """The format version (table 三's rows, then table 二's headers, then the report year) and where it was read."""
    version, why, _ = detect_versions(text, year)
    return version, why


# ------------------------------------------------------------------------------------------------ metadata
_FOLD = list(zip("０１２３４５６７８９．，－：", "0123456789.,-:"))


def fold(text: str) -> str:
    """Full-width digits and a few marks as ASCII (each replacement keeps the length)."""
    for a, b in _FOLD:
        if a in text:
            text = text.replace(a, b)
    return text
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
_TITLE = "政府信息公开(?:工作)?年度报告"
_TITLE_RE = re.compile(_TITLE)
_SENTENCE = re.compile("[，。；！？]")
_TITLE_SEPARATORS = re.compile(r"[_|｜>›»—–]+|-{1,2}(?!\d)")
_NAME = r"[^\s\d，。、：:（）()《》“”]{2,40}?"
_HEAD_LINES = 60
_TITLE_FIELD = re.compile(r"^(?:标题|题目)[:：]?")
_YEAR_TITLE = re.compile(rf"(\d{{4}})年度?({_NAME})?{_TITLE}")
_TITLE_YEAR = re.compile(rf"{_TITLE}[（(](\d{{4}})年度?[）)]")
_NAME_BEFORE = re.compile(rf"^({_NAME})(?:\d{{4}}年度?|{_TITLE})")
_NOTICE = re.compile(r"关于|印发|通知")
_NOT_IN_NAME = re.compile(r"[\s，。、；;：:！？!?“”《》\d]")
_YEAR_ALONE = re.compile(r"[（(]?\s*\d{4}\s*年度?\s*[）)]?")
_FOUR_DIGITS = re.compile(r"\d{4}")

# Where a value can come from, most specific first: a field that names the publisher beats a title, a title
# beats a sentence of the text, which beats the signature, the 汇总 sentence and the file name. (key, zh, en)
ORGAN_SOURCES = (
    ("source", "数据行“来源”列", "the dump row's source column"),
    ("发布机构", "发布机构", "发布机构 line"),
    ("ContentSource", "网页 ContentSource 元数据", "the page's ContentSource meta tag"),
    ("title", "数据行“标题”列", "the dump row's title column"),
    ("标题", "标题行", "标题 line"),
    ("ArticleTitle", "网页 ArticleTitle 元数据", "the page's ArticleTitle meta tag"),
    ("text_title", "标题", "title"),
    ("html_title", "网页标题", "the page's <title>"),
    ("pdf_title", "PDF 文档属性“标题”", "the PDF's document Title"),
    ("来源", "来源", "来源 line"),  # often the portal that carries the page: below the titles
    ("compiled_by", "“本报告由…编制”", "the 本报告由…编制 sentence"),
    ("signature", "落款", "signature"),
    ("summarised", "“汇总…情况”", "the 汇总…情况 sentence"),
    ("file_name", "文件名", "file name"),
)
YEAR_SOURCES = ("title", "标题", "ArticleTitle", "text_title", "html_title", "pdf_title", "period", "text", "file_name")
DATE_SOURCES = ("date", "PubDate", "发布日期", "signature")
_WHERE = {k: (zh, en) for k, zh, en in ORGAN_SOURCES} | {
    "period": ("统计期限", "statistical period"), "text": ("正文", "text"),
    "date": ("数据行“时间”列", "the dump row's date column"), "PubDate": ("网页 PubDate 元数据", "the page's PubDate meta tag"),
    "发布日期": ("发布日期", "发布日期 line"), "url": ("数据行“链接”列", "the dump row's url column"),
    "原文链接": ("原文链接", "原文链接 line")}

# invisible and formatting characters (zero-width spaces and joiners, word joiners, BOMs, soft hyphens,
# direction marks): copied with a name from a web page, they make one organ look like two
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
# the ends an organ's name has (a government, an office, a department, a region's committee, a town)
_ORGAN_END = re.compile(r"(?:政府|办公厅|办公室|委员会|管委会|工委|局|厅|委|办|院|署|部|中心|所|站|队|处|会|馆|社|行|海关|"
                        r"街道|镇|乡|区|县|市|州|盟|旗|公司|集团|学校|大学|学院|法院|检察院|监狱|室|组|团)$")
_NOT_ORGAN = re.compile(r"网站|门户|网$|平台|客户端|公众号|微信|微博|专栏|栏目|首页|关于|印发|通知|报告|公开|年度|目录|"
                        r"附件|说明|^本|^我|^各|^全")


_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "О": "0"}


def _cn_number(s: str) -> str:
    """一 … 三十一 as digits (days and months)."""
    if "十" not in s:
        return "".join(_CN_DIGIT[c] for c in s)
    tens, _, ones = s.partition("十")
    return str(int(_CN_DIGIT.get(tens, "1") if tens else "1") * 10 + (int(_CN_DIGIT[ones]) if ones else 0))


def cn_dates(text: str) -> str:
    """Years and dates in Chinese numerals (二〇二三年, 二〇二四年一月五日) as digits; other text unchanged."""
    if "年" not in text:
        return text
    text = _CN_YEAR.sub(lambda m: "".join(_CN_DIGIT[c] for c in m.group(1)), text)
    return _CN_MONTH_DAY.sub(lambda m: f"{_cn_number(m.group(1))}月{_cn_number(m.group(2))}日", text)


_CN_YEAR = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})(?=\s*年)")
_CN_MONTH_DAY = re.compile(r"(?<=\d年)([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def strip_invisible(text: str) -> tuple[str, str]:
    """(text without invisible/formatting characters, the code points removed as ``U+200B`` names)."""
    found = sorted({f"U+{ord(c):04X}" for c in _INVISIBLE.findall(text)})
    return (_INVISIBLE.sub("", text), " ".join(found)) if found else (text, "")


# the generic words an organ's name ends with; a name that is nothing but them (办公室, 局, 人民政府, 管委会办公室)
# names no organ: every town has one
_GENERIC_END = re.compile(r"(?:办公室|办公厅|人民政府|政府|委员会|管委会|管理委员会|党工委|工委|党委|局|厅|委|办|室|中心|部|处)$")
# the name of a whole area's government (or the area itself), as a publishing site's owner is named: a site's
# 发布机构 field often names it for every page of the site, a department's report among them
_AREA_END = re.compile(r"(?:人民政府|政府|管委会|管理委员会|党工委管委会|区|县|市|州|盟|旗|镇|乡|街道)$")


def is_organ(name: str) -> bool:
    """Whether a string can be an organ's name: a short name with an organ's ending, no sentence, no site
    name, no 关于/印发/通知 title, no date, and more than a generic word (办公室, 局)."""
    if not (2 <= len(name) <= 40 and not _NOT_IN_NAME.search(name)
            and _ORGAN_END.search(name) and not _NOT_ORGAN.search(name)):
        return False
    body = name
    while (m := _GENERIC_END.search(body)) and m.start() > 0:
        body = body[:m.start()]
    return len(body) >= 2 and not _GENERIC_END.fullmatch(body)


def names_area(name: str) -> bool:
    """Whether an organ's name is a whole area's government or the area (平潭综合实验区人民政府, 上海市), not one
    of its departments (平潭综合实验区财政金融局)."""
    return bool(_AREA_END.search(name))


def _iso(y, m, d) -> str | None:
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _date_of(text: str) -> str | None:
    m = _DATE.search(fold(text) + "日")
    return _iso(*m.groups()) if m else None


def parse_title(line: str) -> tuple[int | None, str | None]:
    """(year, organ) of a title line (spaces removed first): ``XX2024年度…年度报告``, ``2024年XX…年度报告``,
    ``XX…年度报告（2024年）``. None where the title does not say; no organ from a 关于/印发/通知 title."""
    t = "".join(cn_dates(fold(line)).split())
    t = _TITLE_FIELD.sub("", t)
    if not _TITLE_RE.search(t):
        return None, None
    # a page's <title> or a PDF's Title joins the report's title and the site's name (…年度报告_XX市人民政府门户网站,
    # XX网站-…年度报告): the part with the report's title is the title
    parts = [p for p in _TITLE_SEPARATORS.split(t) if _TITLE_RE.search(p)]
    if len(parts) == 1:
        t = parts[0]
    m = _YEAR_TITLE.search(t) or _TITLE_YEAR.search(t)
    year = int(m.group(1)) if m and 1990 < int(m.group(1)) < 2100 else None
    organ = m.group(2) if m and m.re.groups > 1 and m.group(2) else None
    if not organ:  # XX2024年度…年度报告 or XX…年度报告（2024年）: the organ stands before
        before = _NAME_BEFORE.match(t)
        organ = before.group(1) if before else None
    if organ and (_NOTICE.search(t) or not is_organ(organ)):
        organ = None
    return year, organ


def _title_lines(lines: list[str]) -> tuple[int | None, str | None, str]:
    """(year, organ, invisible characters removed) of the report's title in the first lines (white space
    folded to single spaces): a title line, or a title split over two or three short lines (the organ above,
    the year and 年度报告 below); a year standing alone beside it (PDF text layers). Sentences are no titles."""
    head = lines[:_HEAD_LINES]
    comp = [x.replace(" ", "") for x in head]
    short = [len(x) <= 60 and not _SENTENCE.search(x) for x in comp]
    for i, line in enumerate(head):
        if not short[i] or "报告" not in "".join(comp[i:i + 3]):
            continue  # no title begins here (a title needs 报告 within its three lines at most)
        for n in (1, 2, 3):
            if i + n > len(head) or not short[i + n - 1]:
                break
            compact = "".join(comp[i:i + n])
            if "报告" not in compact or not _TITLE_RE.search(compact):
                continue
            joined = "".join(head[i:i + n])
            year, organ = parse_title(joined)
            if year is None:  # the year may stand apart from its title line
                near = [x for x in head[max(0, i - 2):i + n + 2]
                        if _YEAR_ALONE.fullmatch(cn_dates(x))]
                if near:
                    year = int(_FOUR_DIGITS.search(cn_dates(near[0])).group(0))
            if year or organ:
                return year, organ, ""
            break  # a title that says neither (a column name in a breadcrumb): the real one may follow
    return None, None, ""


# the fields of a page's 信息公开目录 block, which end a field's value where no colon does (a table row of
# 发布机构 | XX局 | 生成日期 | 2024-01-05 reads as one line of cells)
_FIELD_NAMES = ("发布机构|发布机关|发布单位|发文机关|发文机构|发文单位|发布日期|发布时间|生成日期|成文日期|索引号|文号|发文字号|"
                "主题分类|组配分类|体裁分类|来源|标题|题目|栏目|时效|有效性|名称|作者|浏览次数|字号")


def _field(head: str, names: str) -> str | None:
    """The value of a crawler header field (``发布机构: …``), None when absent or empty."""
    m = _field_pattern(names).search(head)
    return m.group(1).strip() if m else None


@lru_cache(maxsize=None)
def _field_pattern(names: str) -> re.Pattern:
    return re.compile(rf"(?:{names})(?:[ \t]*[:：][ \t]*|[ \t]+)(\S[^\n]{{0,60}}?)[ \t]*"
                      rf"(?=$|[ \t]+(?:\S{{2,6}}[:：]|(?:{_FIELD_NAMES})(?:[ \t]|$)))", re.M)


def text_metadata(text: str, notes: list[Note], meta_fields: dict | None = None, name: str | None = None) -> dict:
    """Organ, year, dates and URL, from the text, the document's own metadata (``Document.meta``: page meta
    tags, the PDF Title, a dump row's columns) and the file name; each with a note of where it was read.
    Where sources disagree, the more specific one wins (the order of ORGAN_SOURCES, YEAR_SOURCES and
    DATE_SOURCES) and the note says what the others said."""
    fields = dict(meta_fields or {})
    removed: dict[str, str] = {}  # source -> invisible characters removed from what it said
    t, gone = strip_invisible(fold(text))
    raw = t.split("\n")
    lines = [" ".join(line.split()) for line in raw[:_HEAD_LINES]]  # white space folded where it is read:
    head = "\n".join(lines)  # the head, the title lines among the first with text, the last lines with text
    organs: dict[str, str] = {}
    years: dict[str, int] = {}
    dates: dict[str, str] = {}

    def organ_from(key: str, value: str | None, raw: str | None = None):
        if value and key not in organs:
            clean, inv = strip_invisible(value.strip())
            clean = clean.strip()
            if is_organ(clean):
                organs[key] = clean
                if inv or (raw and strip_invisible(raw)[1]):
                    removed[key] = inv or strip_invisible(raw)[1]

    # fields that name the publisher
    organ_from("source", fields.get("source"))
    organ_from("ContentSource", fields.get("ContentSource"))
    organ_from("发布机构", _field(head, "发布(?:机构|机关|单位)|发文(?:机关|机构|单位)"))
    src = _field(head, "来源")
    if src and not _URL_START.match(src):
        organ_from("来源", src)
    # titles
    for key, title in (("title", fields.get("title")), ("标题", _field(head, "标题|题目")),
                       ("ArticleTitle", fields.get("ArticleTitle")), ("html_title", fields.get("html_title")),
                       ("pdf_title", fields.get("pdf_title"))):
        if title:
            clean, inv = strip_invisible(fold(title))
            year, organ = parse_title(clean)
            if year:
                years[key] = year
            if organ:
                organ_from(key, organ)
                if inv and key in organs:
                    removed[key] = inv
    with_text = [x for x in lines if x]  # the first lines with text: the head's, and the next where it has blanks
    if len(with_text) < _HEAD_LINES:
        with_text += _first_with_text(raw[_HEAD_LINES:], _HEAD_LINES - len(with_text))
    year, organ, _ = _title_lines(with_text)
    if year:
        years["text_title"] = year
    organ_from("text_title", organ)
    # sentences of the text
    m = _COMPILED_BY.search(t)
    if m:
        organ_from("compiled_by", m.group(1))
    signature = None
    tail = []
    for x in reversed(raw):  # the last four lines with text
        if x.strip():
            x = " ".join(x.split())
            # a signature's line is short (a name of 40 characters at most, a date): a longer one's dates,
            # which cn_dates looks for character by character, are never read (a text of one long line)
            tail.insert(0, cn_dates(x) if len(x) <= 120 else x)
            if len(tail) == 4:
                break
    for a, b in zip(tail, tail[1:]):
        if _SIGNATURE_NAME.fullmatch(a) and _DATE.fullmatch(b.strip()):
            signature = (a, b)
    if signature is None and tail:  # organ and date on one line: 宁波市北仑区统计局 2024年1月5日
        one = _SIGNATURE_LINE.fullmatch(tail[-1].strip())
        if one:
            signature = (one.group(1), one.group(2))
    if signature:
        organ_from("signature", signature[0])
    m = _SUMMARISED.search(t)
    if m:
        organ_from("summarised", m.group(1))
    if name:
        stem = os.path.basename(name).partition("#")[0].rsplit(".", 1)[0]
        year, organ = parse_title(stem)
        organ_from("file_name", organ)
        if year:
            years["file_name"] = year
    if gone:  # the text held invisible characters: named on a value read from a line that had them
        marked = [strip_invisible(x) for x in fold(text).split("\n") if _INVISIBLE.search(x)]
        for key, organ in organs.items():
            if key in ("发布机构", "来源", "标题", "text_title", "compiled_by", "signature", "summarised"):
                had = sorted({c for clean, inv in marked if organ in "".join(clean.split()) for c in inv.split()})
                if had:
                    removed.setdefault(key, " ".join(had))

    period = _PERIOD.search(t)
    out: dict[str, Any] = {}
    if period:
        y1, m1, d1, y2, m2, d2 = period.groups()
        start, end = _iso(y1, m1, d1), _iso(y2 or y1, m2, d2)
        if start and end:
            out["statistical_period"] = {"start_date": start, "end_date": end}
        years["period"] = int(y1)
    year = _year_before_words(head)
    if year and 1990 < year < 2100:
        years["text"] = year

    for key, value in (("date", fields.get("date")), ("PubDate", fields.get("PubDate"))):
        if value and (d := _date_of(value)):
            dates[key] = d
    m = _DATE_FIELD.search(head)
    if m and (d := _date_of(m.group(1))):
        dates["发布日期"] = d
    if signature and (d := _date_of(signature[1])):
        dates["signature"] = d

    _choose(out, notes, "organ", organs, _organ_order(organs), removed,
            "未找到发布机关 / the publishing organ was not found")
    _choose(out, notes, "report_year", years, YEAR_SOURCES, {}, "未找到报告年度 / the report year was not found")
    _choose(out, notes, "publication_date", dates, DATE_SOURCES, {},
            "文中没有发布日期 / no publication date in the text")
    url = fields.get("url")
    if url and _URL.match(url.strip()):
        out["source_url"] = url.strip()
        notes.append(Note("source", "source_url", "取自{} / from the {}".format(*_WHERE["url"]), out["source_url"]))
    else:
        m = _URL_FIELD.search(head) if "://" in head else None
        if m:
            out["source_url"] = m.group(1)
    return out


_URL_START = re.compile(r"https?://")
_URL = re.compile(r"https?://\S+$")
_URL_FIELD = re.compile(r"(?:原文链接|来源|网址|URL)[ \t]*[:：][ \t]*(https?://\S+)")
_COMPILED_BY = re.compile(rf"本(?:年度)?报告(?:是)?由\s*({_NAME})\s*(?:根据|依据|按照|依照|负责|会同|组织|汇总|编制|编写|制作|牵头|在)")
_SUMMARISED = re.compile(rf"汇总\s*({_NAME})\s*(?:各有关单位|各有关部门|各部门|各单位|所属各单位|各乡镇|各级)")
_SIGNATURE_NAME = re.compile(r"[^\s\d，。、]{2,40}")
_SIGNATURE_LINE = re.compile(r"([^\s\d，。、]{2,40})\s+(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_PERIOD = re.compile(r"统计期限?[^\n。]{0,6}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^\n。]{0,6}?"
                     r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR_WORDS = re.compile(r"年度?(?:政府信息公开|本机关|本单位|，)")


def _year_before_words(head: str) -> int | None:
    """The year of the head's first ``2023年度政府信息公开`` (本机关, 本单位, ``2023年，``): four digits, white space
    allowed, before those words. The words are found first (their 年 is a character the search skips to), and
    the digits looked for before each, where a search for four digits anywhere tried every character."""
    for m in _YEAR_WORDS.finditer(head):
        end = m.start()
        while end and head[end - 1].isspace():
            end -= 1
        digits = head[max(0, end - 4):end]
        if len(digits) == 4 and digits.isdecimal():  # \d{4}
            return int(digits)
    return None


_DATE_FIELD = re.compile(r"(?:发布日期|发布时间|成文日期|生成日期)(?:[ \t]*[:：][ \t]*|[ \t]+)"
                         r"(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})")


def _first_with_text(raw: list[str], n: int) -> list[str]:
    """The first ``n`` lines with text, white space folded."""
    out: list[str] = []
    for line in raw:
        x = " ".join(line.split())
        if x:
            out.append(x)
            if len(out) == n:
                break
    return out


_PUBLISHER_FIELDS = ("source", "发布机构", "ContentSource")
_TITLES = ("title", "标题", "ArticleTitle", "text_title", "html_title", "pdf_title")


def _organ_order(organs: dict[str, str]) -> list[str]:
    """The order of ORGAN_SOURCES, but for the most specific statement: where the publisher field that would
    win names a whole area's government (a site's owner: 发布机构: 平潭综合实验区人民政府) and a title names one
    of its departments (平潭综合实验区财政金融局2021年度…年度报告), the title comes first."""
    order = [k for k, _, _ in ORGAN_SOURCES]
    publisher = next((k for k in order if k in organs), None)
    if publisher not in _PUBLISHER_FIELDS or not names_area(organs[publisher]):
        return order
    titles = [k for k in _TITLES if k in organs and not names_area(organs[k])]
    return titles + [k for k in order if k not in titles] if titles else order


def _choose(out: dict, notes: list[Note], key: str, found: dict, order, removed: dict, missing: str) -> None:
    """The value of the most specific source, with a ``source`` note naming it and any source that said
    something else; a ``missing`` note when no source said anything."""
    ranked = [k for k in order if k in found]
    if not ranked:
        notes.append(Note("missing", key, missing))
        return
    best = ranked[0]
    value = found[best]
    out[key] = value
    zh, en = _WHERE[best]
    message_zh, message_en = f"取自{zh}", f"from the {en}"
    others = [k for k in ranked[1:] if _key(found[k]) != _key(value)]
    if others:
        message_zh += "（" + "；".join(f"{_WHERE[k][0]}作“{found[k]}”" for k in others) + "；取更具体的来源）"
        message_en += " (" + "; ".join(f"the {_WHERE[k][1]} says {found[k]}" for k in others) + \
            "; the more specific source is taken)"
    if best in removed:
        message_zh += f"（已删除不可见字符 {removed[best]}）"
        message_en += f" (invisible characters removed: {removed[best]})"
    notes.append(Note("source", key, f"{message_zh} / {message_en}", str(value)))


def _key(value) -> str:
    return _NOT_KEY.sub("", str(value)) if isinstance(value, str) else str(value)


_NOT_KEY = re.compile(r"[\s\W_]")


def sheet_metadata(sheet: dict, notes: list[Note], where: tuple[str, str] = ("工作簿", "workbook")) -> dict:
    """The 报告信息 sheet's values, typed as the schema wants them (what a spreadsheet turned into a date or
    a float is turned back); nothing is added that the sheet does not hold."""
    meta: dict[str, Any] = {}
    for key, value in sheet.items():
        if isinstance(value, (datetime.datetime, datetime.date)):
            value = value.strftime("%Y-%m-%d")
        if isinstance(value, float) and value.is_integer() and key in ("report_year",):
            value = int(value)
        if key == "processing_fee_charged" and isinstance(value, str):
            value = {"true": True, "false": False, "是": True, "否": False}.get(value.strip().lower(), value)
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").strip()
        if key.startswith("statistical_period."):
            meta.setdefault("statistical_period", {})[key.split(".", 1)[1]] = value
        else:
            meta[key] = value
    for key in ("organ", "report_year", "publication_date"):
        if key not in meta:
            notes.append(Note("missing", key, f"{where[0]}中没有“{key}” / the {where[1]} has no {key}"))
    return meta


