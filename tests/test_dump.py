"""Crawler dumps: one file, a row per published page; one instance per row that is a report.

The dumps are made here from the renderer's real pages of the bundled examples (both format versions) and
their text copies (tests/layout.py), with a row that is no report among them, in every dump format.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

import layout
from conftest import examples, gaischema, load
from gaischema.extract import extract_file_records
from gaischema.extract.readers.dump import read_dump
from gaischema.render import render_html

VALID = {p.stem.split("-", 1)[1]: p for p in examples("valid")}
REPORTS = ("beilun-2023", "format2019-shanghai-totals-filled")


def _rows(html: bool = True) -> tuple[list[str], list[list[str]]]:
    """(header, rows): the 北仑 2023 and 上海 2019 reports around a notice that is no report."""
    out = []
    for name in REPORTS:
        inst = load(VALID[name])
        content = render_html(inst) if html else layout.as_text(inst, "\n")
        out.append([f"{inst['organ']}{inst['report_year']}年政府信息公开工作年度报告", inst["publication_date"],
                    content, f"https://example.gov.cn/{name}.htm", inst["organ"]])
    out.insert(1, ["关于召开政务公开工作会议的通知", "2024-02-01", "<p>各单位：定于明日召开会议。</p>",
                   "https://example.gov.cn/notice.htm", "某区人民政府办公室"])
    return ["标题", "发布时间", "正文", "原文链接", "来源"], out


def _csv(header, rows, delimiter=",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def _check(records, path):
    assert [r["file"] for r in records] == [f"{path}#row={n}" for n in (1, 2, 3)]
    assert records[1]["error"]["rule"] == "INPUT-NOT-REPORT" and records[1]["instance"] is None
    for record, name in zip((records[0], records[2]), REPORTS):
        inst, want = record["instance"], load(VALID[name])
        for key in ("organ", "report_year", "format_version", "publication_date"):
            assert inst[key] == want[key], key
        assert inst["source_url"] == f"https://example.gov.cn/{name}.htm"
        assert inst["extraction"]["source_file"] == record["file"]
        organ_note = next(n for n in record["notes"] if n["note_kind"] == "source" and n["note_path"] == "organ")
        assert "来源" in organ_note["note_message"]  # the crawler's source column beats the title's guess


@pytest.mark.parametrize("kind", ["csv", "tsv", "jsonl", "json", "xlsx"])
def test_every_dump_format_gives_one_record_per_row(tmp_path, kind):
    header, rows = _rows(html=kind != "tsv")
    path = tmp_path / f"dump.{kind}"
    if kind in ("csv", "tsv"):
        path.write_text(_csv(header, rows, "\t" if kind == "tsv" else ","), encoding="utf-8")
    elif kind == "jsonl":
        path.write_text("".join(json.dumps(dict(zip(header, r)), ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif kind == "json":
        keys = ["title", "date", "text", "url", "source"]
        path.write_text(json.dumps([dict(zip(keys, r)) for r in rows], ensure_ascii=False), encoding="utf-8")
    else:
        openpyxl = pytest.importorskip("openpyxl")
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(header)
        for r in rows:
            ws.append(r)
        wb.save(path)
    records = extract_file_records(str(path))
    _check(records, str(path))
    formats = [r["instance"]["extraction"]["source_format"] for r in (records[0], records[2])]
    assert formats == (["txt", "txt"] if kind == "tsv" else ["html", "html"])


def test_a_dump_is_told_by_its_content_not_its_name(tmp_path):
    header, rows = _rows()
    path = tmp_path / "export.txt"  # a CSV saved under another name
    path.write_text(_csv(header, rows), encoding="utf-8")
    _check(extract_file_records(str(path)), str(path))


def test_a_csv_without_a_content_column_is_no_dump(tmp_path):
    """A report's table saved as CSV (no column holds a page) is read as one file, as before."""
    path = tmp_path / "table.csv"
    path.write_text("信息内容,本年制发件数,本年废止件数,现行有效件数\n规章,0,0,0\n", encoding="utf-8")
    assert read_dump(str(path), path.read_bytes()) is None
    records = extract_file_records(str(path))
    assert len(records) == 1 and records[0]["file"] == str(path)


def test_columns_named_otherwise_and_broken_rows(tmp_path):
    header, rows = _rows()
    lines = [json.dumps({"headline": r[0], "page_html": r[2], "when": r[1]}, ensure_ascii=False) for r in rows]
    lines.insert(2, "{broken json")
    lines.append(json.dumps({"headline": "空白页", "page_html": ""}, ensure_ascii=False))
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plain = extract_file_records(str(path))  # no content column found: one error, not one text of every row
    assert len(plain) == 1 and plain[0]["error"]["rule"] == "INPUT-NOT-REPORT" and "--content-column" in plain[0]["error"]["message_en"]
    records = extract_file_records(str(path), {"content": "page_html", "title": "headline"})
    assert len(records) == 5
    assert [r["error"]["rule"] if r["error"] else r["instance"]["organ"] for r in records] == [
        "北仑区统计局", "INPUT-NOT-REPORT", "INPUT-NOT-REPORT", "上海市人民政府办公厅", "INPUT-EMPTY"]
    assert "bad JSON" in records[2]["error"]["message_en"]
    assert records[0]["instance"]["report_year"] == 2023 and "标题" in json.dumps(records[0]["notes"], ensure_ascii=False)


def test_extract_command_writes_one_instance_per_row(tmp_path):
    header, rows = _rows()
    path = tmp_path / "dump.csv"
    path.write_text(_csv(header, rows), encoding="utf-8")
    out = tmp_path / "out"
    r = gaischema("extract", str(path), "--out-dir", str(out))
    err = r.stderr.decode()
    assert r.returncode == 2  # one row is no report: one line, the other rows are written
    assert sorted(p.name for p in out.iterdir()) == ["dump-row1.yaml", "dump-row3.yaml"]
    assert err.count("INPUT-NOT-REPORT") == 1 and f"{path}#row=2" in err and "Traceback" not in err
    v = gaischema("validate", str(out / "dump-row1.yaml"))
    assert v.returncode == 0, v.stdout
    single = gaischema("extract", str(path))  # several reports and no folder to put them in
    assert single.returncode == 2 and "--out-dir" in single.stderr.decode() and not single.stdout
    lines = [json.dumps({"page": r[2], "headline": r[0]}, ensure_ascii=False) for r in rows]
    (tmp_path / "b.jsonl").write_text("\n".join(lines), encoding="utf-8")
    r = gaischema("extract", str(tmp_path / "b.jsonl"), "--out-dir", str(tmp_path / "o2"), "--content-column", "page",
                  "--title-column", "headline")
    assert r.returncode == 2 and sorted(p.name for p in (tmp_path / "o2").iterdir()) == ["b-row1.yaml", "b-row3.yaml"]


def test_a_page_larger_than_the_csv_modules_default_field_limit(tmp_path):
    header, rows = _rows()
    rows[0][2] = rows[0][2].replace("</body>", "<!--" + "x" * 300_000 + "--></body>")  # a page with a big script
    path = tmp_path / "big.csv"
    path.write_text(_csv(header, rows), encoding="utf-8")
    _check(extract_file_records(str(path)), str(path))


def test_hostile_json_is_a_clear_answer(tmp_path):
    """JSON nested deeper than the parser goes, as a whole file and as one line of JSON Lines: no internal
    error; the deep line is that row's error, the other rows are read."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    records = extract_file_records(str(deep))
    assert len(records) == 1 and records[0]["error"]["rule"] != "INTERNAL-ERROR"
    header, rows = _rows()
    lines = [json.dumps(dict(zip(header, r)), ensure_ascii=False) for r in rows[:1]] + ["{" + '"a":[' * 100_000]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(lines), encoding="utf-8")
    records = extract_file_records(str(mixed))
    assert records[0]["instance"]["organ"] == "北仑区统计局"
    assert records[1]["error"]["rule"] == "INPUT-NOT-REPORT" and "bad JSON" in records[1]["error"]["message_en"]
