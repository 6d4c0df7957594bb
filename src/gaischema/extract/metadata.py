"""Metadata of a report: the format version (from the labels only one version has, else the report year), the
organ, the year, the dates and the URL, each with a ``source`` note saying where it was read."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

from gaischema.extract.matcher import Note, core, norm
from gaischema.model import Model

__all__ = ["detect_version", "fold", "sheet_metadata", "text_metadata"]


@lru_cache(maxsize=1)
def _version_markers() -> dict[str, list[str]]:
    """Labels that only one format version has (and that no label of another version contains)."""
    model = Model.load()
    labels = {v: {p for c in model.cells(v) for p in (c["column"], c["row"].split(" / ")[-1])}
              for v in model.versions}
    out = {}
    for v, mine in labels.items():
        others = {lab for w, theirs in labels.items() if w != v for lab in theirs}
        out[v] = sorted(core(lab) for lab in mine - others
                        if not any(core(lab) in core(o) or core(o) in core(lab) for o in others))
    return out


def detect_version(text: str, year: int | None) -> tuple[str | None, str]:
    """The format version from the labels only one version has; the report year when they do not tell."""
    compact = norm(text)
    found = {v: sum(1 for m in markers if m in compact) for v, markers in _version_markers().items()}
    ranked = sorted(found.items(), key=lambda kv: kv[1], reverse=True)
    if ranked and ranked[0][1] > (ranked[1][1] if len(ranked) > 1 else 0):
        return ranked[0][0], "table headers"
    if year:
        version = Model.load().format_version_for_year(year)
        if version:
            return version, "report year"
    return None, ""


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
_NAME = r"[^\s\d，。、：:（）()《》“”]{2,40}?"


def _iso(y, m, d) -> str | None:
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def text_metadata(text: str, notes: list[Note]) -> dict:
    """Organ, year, dates and URL from the text; each with where it was found."""
    t = fold(text)
    lines = [" ".join(line.split()) for line in t.split("\n")]
    head = "\n".join(lines[:60])
    meta: dict[str, Any] = {}
    found: dict[str, tuple[str, str]] = {}  # field -> where it was read (zh, en)

    m = re.search(r"发布(?:机构|机关|单位)[ \t]*[:：][ \t]*(\S[^\n]{1,40}?)[ \t]*(?=$|[ \t]+\S{2,6}[:：])", head, re.M)
    if m and m.group(1).strip():
        meta["organ"], found["organ"] = m.group(1).strip(), ("发布机构", "发布机构 line")
    year = None
    for i, line in enumerate(lines[:60]):
        if not re.search(_TITLE, line):
            if i + 1 < len(lines) and re.search(_TITLE, line + lines[i + 1]) and not re.search(_TITLE, lines[i + 1]):
                line = line + lines[i + 1]  # a title wrapped over two lines
            else:
                continue
        m = (re.search(rf"(\d{{4}})\s*年度?\s*({_NAME})?\s*{_TITLE}", line)
             or re.search(rf"{_TITLE}\s*[（(]\s*(\d{{4}})\s*年度?\s*[）)]", line))
        if m:
            year = int(m.group(1))
            found["report_year"] = ("标题", "title")
            organ = m.group(2) if m.re.groups > 1 and m.group(2) else None
            if not organ:  # XX2024年度…年度报告 or XX…年度报告（2024年）: the organ stands before
                before = re.match(rf"^\s*({_NAME})\s*(?:{m.group(1)}|{_TITLE})", line)
                organ = before.group(1) if before else None
            if organ:
                organ = re.sub(r"^(?:标题|题目)\s*", "", organ)
            if organ and "organ" not in meta and not re.search(r"关于|印发|通知", organ):
                meta["organ"], found["organ"] = organ, ("标题", "title")
        else:  # the year may stand apart from its title line (PDF text layers)
            near = [x for x in lines[max(0, i - 2):i + 3] if re.fullmatch(r"[（(]?\d{4}\s*年度?[）)]?", x)]
            if near:
                year = int(re.search(r"\d{4}", near[0]).group(0))
                found["report_year"] = ("标题", "title")
            organ = re.match(rf"^\s*({_NAME})\s*{_TITLE}", line)
            if organ and "organ" not in meta:
                meta["organ"], found["organ"] = organ.group(1), ("标题", "title")
        break
    signature = None
    tail = [x for x in lines if x.strip()][-4:]
    for a, b in zip(tail, tail[1:]):
        if re.fullmatch(r"[^\s\d，。、]{2,40}", a) and _DATE.fullmatch(b.strip()):
            signature = (a, b)
    if "organ" not in meta and signature:
        meta["organ"], found["organ"] = signature[0], ("落款", "signature")
    period = re.search(r"统计期限?[^\n。]{0,6}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^\n。]{0,6}?"
                       r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日", t)
    if period:
        y1, m1, d1, y2, m2, d2 = period.groups()
        start, end = _iso(y1, m1, d1), _iso(y2 or y1, m2, d2)
        if start and end:
            meta["statistical_period"] = {"start_date": start, "end_date": end}
        if year is None:
            year, found["report_year"] = int(y1), ("统计期限", "statistical period")
    if year is None:
        m = re.search(r"(\d{4})\s*年度?(?:政府信息公开|本机关|本单位|，)", head)
        if m and 1990 < int(m.group(1)) < 2100:
            year, found["report_year"] = int(m.group(1)), ("正文", "text")
    if year:
        meta["report_year"] = year
    else:
        notes.append(Note("missing", "report_year", "未找到报告年度 / the report year was not found"))
    if "organ" not in meta:
        notes.append(Note("missing", "organ", "未找到发布机关 / the publishing organ was not found"))
    m = re.search(r"(?:发布日期|发布时间|成文日期)[ \t]*[:：][ \t]*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})", head)
    date = None
    if m:
        dm = _DATE.search(m.group(1) + "日")
        date = _iso(*dm.groups()) if dm else None
        found["publication_date"] = ("发布日期", "发布日期 line")
    if not date and signature:
        dm = _DATE.search(signature[1])
        date = _iso(*dm.groups()) if dm else None
        found["publication_date"] = ("落款", "signature")
    if date:
        meta["publication_date"] = date
    else:
        found.pop("publication_date", None)
        notes.append(Note("missing", "publication_date", "文中没有发布日期 / no publication date in the text"))
    m = re.search(r"(?:原文链接|来源|网址|URL)[ \t]*[:：][ \t]*(https?://\S+)", head)
    if m:
        meta["source_url"] = m.group(1)
    for key, where in found.items():
        if key in meta:
            notes.append(Note("source", key, f"取自{where[0]} / from the {where[1]}", str(meta[key])))
    return meta


def sheet_metadata(sheet: dict, notes: list[Note]) -> dict:
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
            notes.append(Note("missing", key, f"工作簿中没有“{key}” / the workbook has no {key}"))
    return meta


