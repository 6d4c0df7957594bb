"""Hostile input: one bad file never costs the others, and no live formula or escape sequence leaves gaischema.
One small fixture per kind of attack."""

from __future__ import annotations

import csv
import functools
import io
import json
import resource
import signal
import subprocess
import sys
import time
import zipfile

import pytest

import layout
from conftest import EXAMPLES, gaischema, gaischema_json, load
from gaischema import corpus, synthetic
from gaischema.render import render_markdown
from gaischema.workbook import build

BEILUN = EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml"

HOSTILE = {
    "non-text-key.yaml": "1: x\norgan: a\n",
    "null-key.yaml": "null: x\norgan: a\n",
    "huge-integer.yaml": "organ: a\nformat_version: v2021\nreport_year: " + "9" * 5000 + "\n",
    "huge-year.yaml": "organ: a\nformat_version: v2021\ndivision_code: '330206'\nreport_year: 1" + "0" * 4000 + "\n",
    "version-list.yaml": "organ: a\nformat_version: [v2021]\nreport_year: 2023\n",
    "version-map.yaml": "organ: a\nformat_version: {v: 1}\nreport_year: 2023\n",
    "surrogate.json": '{"organ": "\\ud800", "format_version": "v2021", "report_year": 2023}',
    "nan.yaml": "organ: a\nformat_version: v2021\nreport_year: 2023\nprocessing_fee_amount: .nan\n",
    "duplicate.yaml": "organ: a\norgan: b\nformat_version: v2021\nreport_year: 2023\n",
    "scalar-alias.yaml": "x: &a v2021\norgan: a\nformat_version: *a\nreport_year: 2023\n",
    "digits.yaml": "organ: " + "1" * 120_000 + "\n",
}


@pytest.fixture()
def hostile_folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    for path in sorted((EXAMPLES / "valid").glob("*.yaml")):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_document_is_a_clean_result(tmp_path, name):
    p = tmp_path / name
    p.write_text(HOSTILE[name], encoding="utf-8")
    proc = gaischema("validate", str(p))
    err = proc.stderr.decode() + proc.stdout.decode()
    assert proc.returncode in (1, 2) and "Traceback" not in err and "internal error" not in err, err
    record = corpus.validate_record(p.read_bytes(), name)  # the map step of a distributed engine never raises
    assert record["valid"] is False


def test_a_folder_with_hostile_files_reports_every_file(hostile_folder):
    code, reports = gaischema_json("validate", str(hostile_folder), "-j", "2", "--no-cross")
    files = {r["file"].rsplit("/", 1)[-1]: r for r in reports}
    assert set(files) == set(HOSTILE) | {p.name for p in (EXAMPLES / "valid").glob("*.yaml")}
    assert all(files[p.name]["valid"] for p in (EXAMPLES / "valid").glob("*.yaml"))
    assert code == 2


def test_a_bug_on_one_report_is_that_report_s_result(monkeypatch):
    def boom(instance):
        raise RuntimeError("a bug")

    monkeypatch.setattr(corpus, "validate", boom)
    record = corpus.validate_record(BEILUN.read_bytes(), "beilun.yaml")
    assert record["fatal"] and record["findings"][0]["rule"] == "INTERNAL-ERROR"


# ------------------------------------------------------------------------------------------------ output encoding
def _report_with_text(tmp_path, text: str):
    inst = load(BEILUN)
    inst["organ"] = text
    inst["overview"] = text
    p = tmp_path / "r.json"
    p.write_text(json.dumps(inst, ensure_ascii=False), encoding="utf-8")
    return inst, p


def test_csv_cells_from_report_text_are_never_formulas(tmp_path):
    inst, p = _report_with_text(tmp_path, '=HYPERLINK("http://x.example","y")')
    proc = gaischema("export", str(p), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert rows and all(r["organ"].startswith("'=") for r in rows)
    inst["report_year"] = "+1"  # a schema finding whose reported value is report text
    p.write_text(json.dumps(inst, ensure_ascii=False), encoding="utf-8")
    out = gaischema("validate", str(p), "--format", "csv").stdout.decode()
    for row in csv.DictReader(io.StringIO(out)):
        assert not (row["reported"] or "").startswith(("=", "+", "-", "@"))


def test_workbook_cells_from_report_text_are_text(tmp_path):
    from openpyxl import load_workbook

    inst, _ = _report_with_text(tmp_path, '=HYPERLINK("http://x.example","y")\x07')
    book = tmp_path / "r.xlsx"
    book.write_bytes(build(inst, inst["format_version"]))
    ws = load_workbook(book)["报告信息"]
    values = [row[2].value for row in ws.iter_rows(min_row=2)]
    assert any(isinstance(v, str) and v.startswith("=HYPERLINK") for v in values)
    cells = [row[2] for row in ws.iter_rows(min_row=2) if isinstance(row[2].value, str)]
    assert all(c.data_type == "s" for c in cells)  # text, not a formula
    assert not any("\x07" in c.value for c in cells)


def test_markdown_shows_html_in_report_text(tmp_path):
    inst, _ = _report_with_text(tmp_path, "<script>alert(1)</script>")
    md = render_markdown(inst)
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_terminal_escapes_in_report_text_do_not_reach_the_terminal(tmp_path):
    inst, p = _report_with_text(tmp_path, "x")
    inst["extra_\x1b[31mred"] = 1  # an unknown field: its name is printed in the finding
    p.write_text(json.dumps(inst, ensure_ascii=False), encoding="utf-8")
    out = gaischema("validate", str(p)).stdout.decode()
    assert "SCHEMA-UNKNOWN-FIELD" in out and "\x1b" not in out


def test_ctrl_c_stops_workers_leaves_no_partial_file_and_exits_130(tmp_path):
    corpus_dir = tmp_path / "corpus"
    synthetic.main(["2000", str(corpus_dir), "--narrative", "200"])
    target = tmp_path / "cells.csv"
    proc = subprocess.Popen([sys.executable, "-m", "gaischema.cli", "export", str(corpus_dir), "-j", "2", "-o",
                             str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(1.0)
    assert proc.poll() is None, "the export ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    t0 = time.monotonic()
    assert proc.wait(timeout=30) == 130, proc.stderr.read().decode()[-500:]
    assert time.monotonic() - t0 < 10
    assert not target.exists() and not list(tmp_path.glob(".gaischema-*"))


# ------------------------------------------------------------------------------------------------ bounded work
def _limited(*args: str) -> subprocess.CompletedProcess:
    """The command line under 1 GiB of address space and 30 s, as the hostile-input contract states."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "gaischema.cli", *args], capture_output=True, timeout=30,
                          preexec_fn=limit)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


HOSTILE_SOURCES = ["blank-lines.txt", "bomb.docx", "cdata.html", "deep.html", "digits.txt", "many-lt.html",
                   "merged.xlsx", "nested.docx"]


@functools.lru_cache(maxsize=1)
def _hostile_sources() -> dict[str, bytes]:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "x"
    wb.active.merge_cells("A2:B3")
    book = io.BytesIO()
    wb.save(book)
    z = zipfile.ZipFile(io.BytesIO(book.getvalue()))
    merged = {i.filename: z.read(i).replace(b'ref="A2:B3"', b'ref="A2:XFD1048576"') for i in z.infolist()}
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return {
        "bomb.docx": _zip({"word/document.xml": b"<w:document " + w.encode() + b"><w:body>" + b" " * 100_000_000}),  # over MAX_UNPACKED
        "nested.docx": _zip({"word/document.xml": (f"<w:document {w}><w:body>" + "<w:sdt><w:sdtContent>" * 60_000
                                                   + "</w:sdtContent></w:sdt>" * 60_000 + "</w:body></w:document>")
                             .encode()}),
        "merged.xlsx": _zip(merged),
        "many-lt.html": b"<html><table><tr><td>" + b"<" * 300_000 + b"</td></tr></table></html>",
        "deep.html": b"<html><table><tr><td>" + b"<div>" * 100_000 + b"</td></tr></table></html>",
        "cdata.html": b"<html><table><tr><td>" + b"<![CDATA[" * 50_000 + b"</td></tr></table></html>",
        "digits.txt": ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 " + "8" * 40 + "\n").encode() * 50,
        "blank-lines.txt": b"\n" * 100_000 + b" \n" * 100_000,
    }


@pytest.mark.parametrize("name", HOSTILE_SOURCES)
def test_extract_hostile_sources_within_limits(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(_hostile_sources()[name])
    proc = _limited("extract", str(p))
    err = proc.stderr.decode()
    assert proc.returncode in (0, 1, 2) and "Traceback" not in err and "internal error" not in err, err[-500:]


def test_a_megabyte_of_digits_validates_within_limits(tmp_path):
    p = tmp_path / "digits.yaml"
    p.write_text("organ: '" + "1" * 1_000_000 + "'\n", encoding="utf-8")
    proc = _limited("validate", str(p))
    assert proc.returncode in (0, 1, 2) and b"Traceback" not in proc.stderr


# ------------------------------------------------------------------------------------------------ text and Markdown
def _text_hostile() -> dict[str, bytes]:
    """Text, Markdown and RTF attacks (issue #20), made here and small: each must end with one line within the
    limits, its tables bounded before any grid is built and its placement linear."""
    return {
        "pipes.md": b"|" * 100_000 + b"\n",                                   # one row of 100,000 cells
        "rows.md": b"| a | b |\n|---|---|\n" + b"| 1 | 2 |\n" * 40_000,         # a 40,000-row table
        "unclosed-tables.md": b"<table>" * 20_000,                             # each scanned to the end before
        "many-lt.txt": b"<" * 400_000,
        "many-lt.md": b"<" * 400_000,
        "deep.rtf": b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}",
        "rows.rtf": b"{\\rtf1 " + b"\\trowd\\cellx100 a\\cell\\row " * 30_000 + b"}",
        "not-rtf-really.doc": b"{\\rtf1 " + b"\\u-1\\'ff" * 200_000 + b"}",
        "ole2.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096,
        "utf16-lt.txt": "\ufeff".encode("utf-16-le") + ("<" * 200_000).encode("utf-16-le"),
    }


@pytest.mark.parametrize("name", sorted(_text_hostile()))
def test_text_and_markdown_attacks_end_within_limits(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(_text_hostile()[name])
    t0 = time.monotonic()
    proc = _limited("extract", str(p))
    err = proc.stderr.decode()
    assert proc.returncode in (0, 1, 2) and "Traceback" not in err and "internal error" not in err, err[-500:]
    assert proc.returncode != 2 or err.count("\n") == 1, err[-500:]
    assert time.monotonic() - t0 < 30


def test_utf16_text_is_read_not_refused(tmp_path):
    """Notepad's "Unicode" (UTF-16 LE with a BOM) was refused as binary."""
    inst = load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml")
    p = tmp_path / "r.txt"
    p.write_bytes(layout.as_text(inst, "\n").encode("utf-16"))
    proc = _limited("extract", str(p), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()[-500:]
    got = json.loads(proc.stdout)
    assert got["applications"] == inst["applications"] and got["extraction"]["source_encoding"] == "utf-16"


@pytest.mark.parametrize("cell,value", [("524¹", 524), ("524①", 524), ("524 13", None), ("5²4", None)])
def test_decorated_number_cells_are_never_a_wrong_value(tmp_path, cell, value):
    """524¹, 524①, 524 13 and 5²4 were read as 5241, 5241, 52413 and 524 with no note."""
    inst = load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml")
    md = layout.as_pipe_markdown(inst)
    row = next(line for line in md.split("\n") if line.startswith("| 行政许可 |"))
    p = tmp_path / "r.md"
    p.write_text(md.replace(row, row.replace("2629", cell)), encoding="utf-8")
    proc = _limited("extract", str(p), "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr.decode()[-500:]
    got = json.loads(proc.stdout)
    assert got["proactive_disclosure"].get("licensing", {}).get("decisions") == value
    notes = [n for n in got["extraction"]["notes"] if n["note_path"] == "proactive_disclosure.licensing.decisions"]
    assert [n["note_kind"] for n in notes] == ["remark" if value is not None else "unreadable"]
