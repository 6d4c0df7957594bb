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
import shutil
import time
import zipfile
import zlib

import pytest

import layout
from conftest import EXAMPLES, FIXTURES, gaischema, gaischema_json, load, small_tmpfs
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

    monkeypatch.setattr(corpus, "validate_rejecting", boom)
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
    # interrupted once rows are being written (its temporary file beside the target has data: the workers run),
    # not after a fixed second: on a busy machine the interpreter was still importing at 1 s and died of the
    # signal before main could catch it
    deadline = time.monotonic() + 60

    def writing() -> bool:
        return any(p.stat().st_size > 0 for p in tmp_path.glob(".gaischema-*"))

    while not writing() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the export ended before it could be interrupted"
    assert writing(), "the export wrote no row within 60 s"
    proc.send_signal(signal.SIGINT)
    t0 = time.monotonic()
    assert proc.wait(timeout=30) == 130, proc.stderr.read().decode()[-500:]
    assert time.monotonic() - t0 < 10
    assert not target.exists() and not list(tmp_path.glob(".gaischema-*"))


_INTERRUPTED_AT_FORK = """
import os, signal
from gaischema import sandbox
os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))  # Ctrl-C lands mid-fork
try:
    with sandbox.Pool(abs, 1) as pool:
        print(list(pool.imap([-1], failed=lambda item, e: None)))
except KeyboardInterrupt:
    print("interrupted")
"""


def test_ctrl_c_landing_while_a_worker_is_forked_is_not_lost():
    # CPython runs the at-fork hooks in the parent right after the fork, and a KeyboardInterrupt raised inside
    # one is printed as "Exception ignored" and dropped: the run went on to its end (export -j 2 exited 0)
    run = subprocess.run([sys.executable, "-c", _INTERRUPTED_AT_FORK], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "interrupted", run.stdout + run.stderr[-500:]
    assert "Exception ignored" not in run.stderr


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


# each hostile source and the one rule its one line names (measured; a bomb must be INPUT-TOO-LARGE, not
# merely some exit 2)
HOSTILE_SOURCES = {"blank-lines.txt": "INPUT-EMPTY", "bomb.docx": "INPUT-TOO-LARGE", "cdata.html": "INPUT-NOT-REPORT",
                   "deep.html": "INPUT-NOT-REPORT", "digits.txt": "INPUT-NOT-REPORT",
                   "many-lt.html": "INPUT-NOT-REPORT", "merged.xlsx": "INPUT-TOO-LARGE",
                   "nested.docx": "INPUT-NOT-REPORT"}


def _one_line(proc: subprocess.CompletedProcess, path, rule: str) -> None:
    """Exit 2 with exactly one line, the file's, naming ``rule``."""
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 2, (proc.returncode, err[-500:])
    assert err.count("\n") == 1 and err.startswith(f"{path}: {rule} "), err[-500:]


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


@pytest.mark.parametrize("name", sorted(HOSTILE_SOURCES))
def test_extract_hostile_sources_within_limits(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(_hostile_sources()[name])
    _one_line(_limited("extract", str(p)), p, HOSTILE_SOURCES[name])


def test_a_megabyte_of_digits_validates_within_limits(tmp_path):
    """A megabyte-long organ name: a report with errors (exit 1: its required slots missing), in limits."""
    p = tmp_path / "digits.yaml"
    p.write_text("organ: '" + "1" * 1_000_000 + "'\n", encoding="utf-8")
    proc = _limited("validate", str(p), "--format", "json")
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr[-500:]
    (result,) = json.loads(proc.stdout)
    assert not result["valid"] and {f["rule"] for f in result["findings"]} == {"SCHEMA-REQUIRED"}


# ------------------------------------------------------------------------------------------------ round 3 (#20)
# Each case runs the real command line under the README's limits (_limited: 1 GiB of address space, 30 s).
import os  # noqa: E402
import shutil  # noqa: E402
import stat  # noqa: E402

import yaml  # noqa: E402

from conftest import SAMPLES, needs_samples  # noqa: E402

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _ok(proc: subprocess.CompletedProcess, codes=(0, 1, 2)) -> str:
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode in codes and "Traceback" not in err and "internal error" not in err, \
        (proc.returncode, err[-800:])
    return err


@functools.lru_cache(maxsize=1)
def _workbook() -> dict[str, bytes]:
    """The parts of a real workbook (gaischema's own template, written by openpyxl)."""
    data = build(None, "v2021")
    z = zipfile.ZipFile(io.BytesIO(data))
    return {name: z.read(name) for name in z.namelist()}


def _xlsx(**changes: bytes) -> bytes:
    parts = dict(_workbook())
    parts.update({k.replace("__", "/").replace("_xml", ".xml"): v for k, v in changes.items()})
    return _zip(parts)


MERGE_SPELLINGS = ['ref="a1:xfd1048576"', 'ref="$A$1:$XFD$1048576"', "ref='A1:XFD1048576'", 'ref = "A1:XFD1048576" ',
                   'x="1" ref="A1:XFD1048576"', 'ref="A1 : XFD1048576"']


@pytest.mark.parametrize("spelling", MERGE_SPELLINGS)
def test_xlsx_merged_range_in_any_spelling_is_refused(tmp_path, spelling):
    sheet = _workbook()["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b"</worksheet>", f"<mergeCells><mergeCell {spelling}/></mergeCells></worksheet>".encode())
    p = tmp_path / "merged.xlsx"
    p.write_bytes(_xlsx(xl__worksheets__sheet1_xml=sheet))
    proc = _limited("extract", str(p))
    assert proc.returncode == 2 and "INPUT-TOO-LARGE" in _ok(proc)


def test_xlsx_counts_are_bounded_before_openpyxl_reads(tmp_path):
    runs = b"<si>" + b"<r><t/></r>" * 5_000_000 + b"</si>"
    shared = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + runs + b"</sst>"
    cells = b"".join(b'<c r="A%d"><v>1</v></c>' % i for i in range(1, 19_981))
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
             + cells + b"</row></sheetData></worksheet>")
    cases = {
        "runs.xlsx": _xlsx(xl__sharedStrings_xml=shared),
        "100-sheets.xlsx": _xlsx(**{f"xl__worksheets__s{i}_xml": sheet for i in range(100)}),
        "10000-sheets.xlsx": _xlsx(**{f"xl__worksheets__s{i}_xml": b"<worksheet/>" for i in range(10_000)}),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        t0 = time.monotonic()
        proc = _limited("extract", str(tmp_path / name))
        assert proc.returncode == 2 and "INPUT-TOO-LARGE" in _ok(proc), name
        assert time.monotonic() - t0 < 30


def test_xlsx_with_a_dtd_is_refused_by_the_parser(tmp_path):
    sheet = _workbook()["xl/worksheets/sheet1.xml"]
    dtd = b"<!--" + b"x" * 70_000 + b'--><!DOCTYPE worksheet [<!ENTITY e "x">]>' + sheet
    p = tmp_path / "dtd.xlsx"
    p.write_bytes(_xlsx(xl__worksheets__sheet1_xml=dtd))
    proc = _limited("extract", str(p))
    assert proc.returncode == 2 and "DTD" in _ok(proc)


def _docx(document: bytes) -> bytes:
    import layout

    data = layout.as_docx_merged(load(BEILUN))
    z = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = document
    return _zip(parts)


def _document_xml() -> bytes:
    import layout

    return zipfile.ZipFile(io.BytesIO(layout.as_docx_merged(load(BEILUN)))).read("word/document.xml")


def test_word_xml_in_a_declared_gbk_encoding_is_read(tmp_path):
    _, rest = _document_xml().split(b"?>", 1)
    p = tmp_path / "gbk.docx"
    p.write_bytes(_docx(b'<?xml version="1.0" encoding="GBK" standalone="yes"?>' + rest.decode("utf-8").encode("gbk")))
    proc = _limited("extract", str(p), "--format", "json")
    _ok(proc, (0, 1))
    inst = json.loads(proc.stdout)
    (tmp_path / "utf8.docx").write_bytes(_docx(_document_xml()))
    same = json.loads(_limited("extract", str(tmp_path / "utf8.docx"), "--format", "json").stdout)
    assert inst["organ"] == load(BEILUN)["organ"] and inst["applications"] == same["applications"]


def test_word_dtd_after_a_long_comment_is_refused_not_expanded(tmp_path):
    head, rest = _document_xml().split(b"?>", 1)
    body = rest.replace(b"</w:body>", b"<w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body>", 1)
    p = tmp_path / "dtd.docx"
    p.write_bytes(_docx(head + b"?><!--" + b"x" * 70_000 + b'--><!DOCTYPE w:document [<!ENTITY e "EXPANDED">]>' + body))
    proc = _limited("extract", str(p))
    assert proc.returncode == 2 and "DTD" in _ok(proc) and b"EXPANDED" not in proc.stdout


def test_a_79_mib_word_document_is_bounded(tmp_path):
    para = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    doc = b"<w:document " + W_NS.encode() + b"><w:body>" + para * (79 * 1024 * 1024 // len(para)) + b"</w:body></w:document>"
    p = tmp_path / "big.docx"
    p.write_bytes(_zip({"word/document.xml": doc}))
    proc = _limited("extract", str(p))
    assert proc.returncode == 2 and "INPUT-TOO-LARGE" in _ok(proc)


HTML_ATTACKS = {  # each attack and the rule of its one line (measured)
    "span.html": ('<table><tr><td rowspan="1000" colspan="1000">x</td></tr>' + "<tr><td>x</td></tr>" * 1000
                  + "</table>", "INPUT-TOO-LARGE"),
    "colspans.html": ("<table><tr>" + '<td colspan="1000">x</td>' * 19_999 + "</tr></table>", "INPUT-TOO-LARGE"),
    "wide-rows.html": (("<table><tr>" + "<td>1</td>" * 19_999 + "</tr></table>") * 10, "INPUT-NOT-REPORT"),
    "many-lt.html": ("<table><tr><td>" + "<" * 400_000 + "</td></tr></table>", "INPUT-NOT-REPORT"),
}


@pytest.mark.parametrize("name", sorted(HTML_ATTACKS))
def test_html_spans_and_rows_are_bounded(tmp_path, name):
    html, rule = HTML_ATTACKS[name]
    p = tmp_path / name
    p.write_text("<html><body>" + html + "</body></html>", encoding="utf-8")
    _one_line(_limited("extract", str(p)), p, rule)


def test_table_placement_is_linear_and_matches_html():
    from gaischema.extract.document import Table, TableTooLarge

    t = Table.from_rows([[("a", 2, 1), ("b", 1, 2)], [("c", 1, 1), ("d", 1, 1)], [("e", 1, 3)]])
    assert [(c.text, c.row, c.col) for c in t.cells] == [("a", 0, 0), ("b", 0, 1), ("c", 1, 1), ("d", 1, 2),
                                                          ("e", 2, 0)]
    assert (t.nrows, t.ncols) == (3, 3) and t.grid[1][0].text == "a"
    with pytest.raises(TableTooLarge):
        Table.from_rows([[("x", 1, 1000)] * 30], max_cells=20_000)

    def cost(n: int) -> float:  # the best of three: CPU time of placing one row of n cells and n rows of one
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            Table.from_rows([[("x", 1, 1)] * n])
            Table.from_rows([[("x", 1, 1)]] * n)
            best = min(best, time.process_time() - t0)
        return best

    # linear: four times the cells cost about four times as much (quadratic placement would cost sixteen)
    assert cost(16_000) < 8 * max(cost(4_000), 1e-3)


def test_a_fifo_or_a_device_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for args in (("validate", str(fifo)), ("extract", str(tmp_path / "pipe.yaml")), ("validate", "/dev/zero")):
        proc = _limited(*args)
        out = proc.stdout.decode() + _ok(proc, (2,))
        assert "INPUT-UNREADABLE" in out and ("FIFO" in out or "device" in out)


def test_a_full_disk_is_exit_2_with_one_line(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "gaischema.cli", "validate", str(EXAMPLES / "valid"), "--format",
                               "json"], stdout=full, stderr=subprocess.PIPE, timeout=60)
    err = _ok(proc, (2,))
    assert "OUTPUT-WRITE" in err and len(err.strip().splitlines()) == 1, err


def test_a_full_file_system_leaves_no_partial_file(tmp_path):
    with small_tmpfs(tmp_path / "small", "64k") as mnt:
        proc = _limited("export", str(EXAMPLES), "--format", "json", "-o", str(mnt / "cells.json"))
        err = _ok(proc, (2,))
        assert "OUTPUT-WRITE" in err and os.listdir(mnt) == []


def test_output_files_get_the_users_umask(tmp_path):
    for mask, mode in ((0o022, 0o644), (0o077, 0o600)):
        target = tmp_path / f"out-{mask:o}.html"
        subprocess.run([sys.executable, "-m", "gaischema.cli", "render", str(BEILUN), "-o", str(target)], check=True,
                       preexec_fn=lambda m=mask: os.umask(m), timeout=60)
        assert stat.S_IMODE(target.stat().st_mode) == mode


def _odd_names(folder, source: bytes, suffix: bytes) -> list[bytes]:
    names = ["北仑区报告".encode("gbk") + suffix, b"x" * (255 - len(suffix)) + suffix,
             b"r\nforged" + suffix + ": 有效，无问题 valid".encode() + suffix]
    for n in names:
        with open(os.path.join(os.fsencode(folder), n), "wb") as fh:
            fh.write(source)
    return names


def test_non_utf8_long_and_control_character_names_in_validate_and_export(tmp_path):
    folder = tmp_path / "zip"
    folder.mkdir()
    _odd_names(folder, BEILUN.read_bytes(), b".yaml")
    code, results = gaischema_json("validate", str(folder))
    assert code == 0 and len(results) == 3 and all(r["valid"] for r in results)
    assert any("\\xb1" in r["file"] for r in results) and all("\n" not in r["file"] for r in results)
    text = gaischema("validate", str(folder)).stdout.decode()
    assert len([line for line in text.splitlines() if line.startswith(str(folder))]) == 3, text
    assert not any(line.startswith("forged") for line in text.splitlines())
    proc = gaischema("export", str(folder), "--format", "json")
    _ok(proc, (0,))
    assert {r["file"] for r in json.loads(proc.stdout)} == {r["file"] for r in results}
    pytest.importorskip("duckdb")
    for fmt, target in (("duckdb", tmp_path / "r.duckdb"), ("parquet", tmp_path / "pq")):
        _ok(gaischema("export", str(folder), "--format", fmt, "-o", str(target)), (0,))


@needs_samples
def test_non_utf8_and_long_names_in_extract(tmp_path):
    folder = tmp_path / "zip"
    folder.mkdir()
    names = _odd_names(folder, (SAMPLES / "pingtan-2023.txt").read_bytes(), b".txt")
    out = tmp_path / "out"
    proc = _limited("extract", str(folder), "--out-dir", str(out), "--format", "json")
    _ok(proc, (0, 1))
    written = os.listdir(os.fsencode(out))
    assert len(written) == len(names) and all(len(n) <= 255 and b"\n" not in n for n in written)
    for n in written:
        json.loads((out / os.fsdecode(n)).read_text(encoding="utf-8"))


@needs_samples
def test_colliding_names_in_out_dir_get_distinct_names(tmp_path):
    for d in "abc":
        (tmp_path / "src" / d).mkdir(parents=True)
        shutil.copy(SAMPLES / "pingtan-2023.txt", tmp_path / "src" / d / "r.txt")
    out = tmp_path / "out"
    for force in ((), ("--force",)):
        proc = _limited("extract", str(tmp_path / "src"), "--out-dir", str(out), *force)
        err = _ok(proc, (0, 1))
        assert sorted(os.listdir(out)) == ["r-2.yaml", "r.txt.yaml", "r.yaml"]
        assert "2 个因重名改名 renamed" in err and "0 个未写入 not written" in err, err


def _report_json(tmp_path, name: str, **fields) -> str:
    inst = load(BEILUN)
    inst.update(fields)
    p = tmp_path / name
    p.write_text(json.dumps(inst, ensure_ascii=False), encoding="utf-8")
    return str(p)


def test_narrative_floods_are_bounded_and_findings_capped(tmp_path):
    cases = {
        "digits.json": "本年度收到政府信息公开申请" + "9" * 4301 + "件。",
        "lines.json": "收到申请1件\n" * 550_000,
        "repeated.json": "本年度收到政府信息公开申请12345件。" * 200_000,
    }
    for name, text in cases.items():
        p = _report_json(tmp_path, name, overview=text)
        assert os.path.getsize(p) < 10 * 1024 * 1024
        proc = _limited("validate", p, "--format", "json")
        _ok(proc, (0, 1))
        assert len(proc.stdout) < 200_000, (name, len(proc.stdout))
        findings = json.loads(proc.stdout)[0]["findings"]
        received = [f for f in findings if f["rule"] == "NARR-RECEIVED"]
        if name != "digits.json":
            assert len(received) == 20 and "more such statements are not listed" in received[-1]["message_en"]


@pytest.mark.parametrize("char", ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200d", "\u202e", "\u3164"])
def test_invisible_characters_in_organ_names_are_left_out_of_the_cross_year_key_and_noted(tmp_path, char):
    prev = load(EXAMPLES / "cross" / "AnnualReport-jia-2022.yaml")
    this = load(EXAMPLES / "cross" / "AnnualReport-jia-2023.yaml")
    this["organ"] = this["organ"][:2] + char + this["organ"][2:]
    for name, inst in (("2022.json", prev), ("2023.json", this)):
        (tmp_path / name).write_text(json.dumps(inst, ensure_ascii=False), encoding="utf-8")
    code, results = gaischema_json("validate", str(tmp_path))
    rules = [f["rule"] for r in results for f in r["findings"]]
    assert rules.count("XR-CARRY-OVER") == 2 and rules.count("INPUT-INVISIBLE") == 1, rules


def test_invisible_characters_are_every_format_character():
    import unicodedata

    assert all(corpus.organ_key({"organ": "a" + chr(c) + "b"})[1] == "ab" for c in range(0x110000)
               if unicodedata.category(chr(c)) == "Cf")


# ------------------------------------------------------------------------------------------------ the limited workers
def _work(item: str):
    if item == "sleep":
        time.sleep(60)
    elif item == "spin":
        while True:
            pass
    elif item == "memory":  # address space grows to the limit without touching a page: bytes(n) is calloc'd,
        # so a busy machine's page faults (CI once spent over 2 CPU s faulting 256 MiB in) cannot reach the CPU limit first
        return [bytes(16 << 20) for _ in range(200)]
    elif item == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    return item


def test_a_worker_that_hits_a_limit_is_replaced_and_the_others_go_on():
    from gaischema import sandbox

    items = ["sleep", "a", "spin", "b", "memory", "c", "crash"] + [str(i) for i in range(40)]
    limits = sandbox.Limits(memory=256 << 20, cpu=2, wall=4)
    t0 = time.monotonic()
    results = list(corpus.pool_map(_work, items, 2, chunksize=4, limits=limits,
                                   failed=lambda item, err: (item, err.rule, err.message_en)))
    assert time.monotonic() - t0 < 20
    # each item once: its result, or its failure, never twice and never lost
    assert sorted(r[0] if isinstance(r, tuple) else r for r in results) == sorted(items)
    failed = {r[0]: r[2] for r in results if isinstance(r, tuple)}
    assert set(failed) == {"sleep", "spin", "memory", "crash"}
    assert "wall time" in failed["sleep"] and "memory" in failed["memory"] and "SIGSEGV" in failed["crash"]
    assert "CPU" in failed["spin"] or "wall time" in failed["spin"]  # CPU, unless the machine is very busy
    assert sorted(r for r in results if isinstance(r, str)) == sorted(["a", "b", "c"] + [str(i) for i in range(40)])
    # completion order: the quick items do not wait for the slow ones
    assert results.index("a") < max(results.index(r) for r in results if isinstance(r, tuple))


def _heavy(item: str):
    """400 MiB and 1.5 s of CPU: over these limits unless the item declares the work (as OCR does)."""
    from gaischema import sandbox

    if item.startswith("declared"):
        sandbox.allow(memory=1 << 30, cpu=10)
    if item.endswith("heavy"):
        block = bytearray(400 << 20)
        t = time.process_time()
        while time.process_time() - t < 1.5:
            pass
        return f"{item} {len(block)}"
    return item


def test_declared_heavy_work_gets_wider_limits_for_that_item_only():
    from gaischema import sandbox

    limits = sandbox.Limits(memory=256 << 20, cpu=1, wall=2)
    results = list(corpus.pool_map(_heavy, ["declared heavy", "heavy", "declared heavy", "a"], 1, chunksize=1,
                                   limits=limits, failed=lambda item, err: (item, err.rule, err.message_en)))
    assert results.count(f"declared heavy {400 << 20}") == 2 and "a" in results
    # the same work undeclared, after a widened item in the same worker, is held to the pool's limits
    assert any(r[0] == "heavy" and "memory" in r[2] for r in results if isinstance(r, tuple)), results


def test_a_file_over_the_limits_is_one_too_complex_line_and_the_others_are_written(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "wide.html").write_text("<html>" + HTML_ATTACKS["wide-rows.html"][0] * 3 + "</html>", encoding="utf-8")
    import layout

    for name in ("a", "b", "c"):
        (src / f"{name}.html").write_text(layout.as_html(load(BEILUN)), encoding="utf-8")
    proc = _limited("extract", str(src), "--out-dir", str(tmp_path / "out"), "--max-seconds", "1", "-j", "2")
    err = _ok(proc, (2,))
    assert "wide.html: INPUT-TOO-COMPLEX" in err and err.count("INPUT-TOO-COMPLEX") == 1, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.yaml", "b.yaml", "c.yaml"]
    big = tmp_path / "big.yaml"  # a large file is validated in a worker even alone
    big.write_text("organ: a\nlist:\n" + "  - [1, 2, 3, 4, 5, 6, 7, 8]\n" * 300_000, encoding="utf-8")
    proc = _limited("validate", str(big), "--max-memory", "64")
    assert proc.returncode == 2 and "INPUT-TOO-COMPLEX" in proc.stdout.decode(), proc.stdout.decode()[-500:]


def test_a_folder_of_every_hostile_file_reports_every_other_file(tmp_path):
    folder = tmp_path / "all"
    folder.mkdir()
    for name, (text, _) in HTML_ATTACKS.items():
        (folder / name).write_text("<html>" + text + "</html>", encoding="utf-8")
    for name, data in _hostile_sources().items():
        (folder / name).write_bytes(data)
    sheet = _workbook()["xl/worksheets/sheet1.xml"].replace(
        b"</worksheet>", b"<mergeCells><mergeCell ref='a1:xfd1048576'/></mergeCells></worksheet>")
    (folder / "merged-quoted.xlsx").write_bytes(_xlsx(xl__worksheets__sheet1_xml=sheet))
    os.mkfifo(folder / "pipe.txt")
    import layout

    good = {f"good-{i}.html" for i in range(4)}
    for name in good:
        (folder / name).write_text(layout.as_html(load(BEILUN)), encoding="utf-8")
    proc = _limited("extract", str(folder), "--out-dir", str(tmp_path / "out"), "-j", "2")
    _ok(proc, (2,))
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {n.replace(".html", ".yaml") for n in good}


# ------------------------------------------------------------------------------------------------ PDF (issue #20)
def pdf_file(objects: dict[int, bytes]) -> bytes:
    """A PDF file of the given objects (number -> body), catalog 1, with a correct cross-reference table
    (test_pdf.py makes its PDFs with it too)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def pdf_stream(data: bytes, extra: bytes = b"", flate: bool = False) -> bytes:
    if flate:
        data, extra = zlib.compress(data, 9), extra + b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _pages(contents: list[int], resources: bytes = b"<< /Font << /F1 3 0 R >> >>", extra: dict | None = None) -> bytes:
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    for i, c in enumerate(contents):
        objs[10 + i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
                        % (resources, c))
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (10 + i) for i in range(len(contents))),
                                                           len(contents))
    objs.update(extra or {})
    return pdf_file(objs)


def _form(body: bytes, resources: bytes) -> bytes:
    return pdf_stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + resources)


def _inflating_to(size: int) -> bytes:
    """A Flate stream of ``size`` spaces, made in a moment: one compressed mebibyte repeated (each flushed
    in full, so every copy is the same bytes) and the checksum of the whole."""
    chunk = b" " * (1 << 20)
    co = zlib.compressobj(9)
    first = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    end = co.flush()
    adler = 1
    for _ in range(size >> 20):
        adler = zlib.adler32(chunk, adler)
    return first + again * ((size >> 20) - 1) + end[:-4] + adler.to_bytes(4, "big")


def _hostile_pdfs() -> dict[str, tuple[bytes, str]]:
    """Issue #20's PDF attacks, each small, with the line each must end with."""
    nested = {20: _form(b"BT /F1 12 Tf 10 10 Td (x) Tj ET 0 0 m 50 0 l S", b"<< /Font << /F1 3 0 R >> >>")}
    for k in range(1, 30):  # 30 forms, each drawing the one below twice: 2^30 leaves
        nested[20 + k] = _form(b"/F Do /F Do", b"<< /XObject << /F %d 0 R >> >>" % (19 + k))
    nested[5] = pdf_stream(b"/F Do /F Do")
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00000000> <FFFFFFFF>"
            b" endcodespacerange\n1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\nendcmap end end")
    bomb = _inflating_to(1 << 30)
    twice = zlib.compress(bomb, 9)  # 3 KB
    line = b"(" + b"1" * 100 + b") Tj 0 -1 Td "
    return {
        "self-resources.pdf": (_pages([5], b"4 0 R", {
            4: b"<< /Font << /F1 3 0 R >> /XObject << /X 6 0 R >> /Self 4 0 R /Resources 4 0 R >>",
            5: pdf_stream(b"BT /F1 12 Tf 72 700 Td (self) Tj ET /X Do"),
            6: _form(b"/X Do 0 0 m 100 0 l S", b"4 0 R")}), "INPUT-NOT-REPORT"),
        "cmap-range.pdf": (_pages([5], b"<< /Font << /F1 4 0 R >> >>", {
            4: b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>",
            7: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity)"
               b" /Supplement 0 >> /DW 500 >>",
            5: pdf_stream(b"BT /F1 12 Tf 72 700 Td <00010002FFFFFFFF> Tj ET"),
            6: pdf_stream(cmap)}), "INPUT-NOT-REPORT"),
        "nested-forms.pdf": (_pages([5], b"<< /XObject << /F 49 0 R >> >>", nested), "INPUT-TOO-LARGE"),
        "nested-forms-escaped.pdf": (_pages([5], b"<< /XObject << /#46 49 0 R >> >>", {  # /F#6frm is /Form
            n: body.replace(b"/Subtype /Form", b"/Subtype /F#6frm") for n, body in nested.items()}), "INPUT-TOO-LARGE"),
        "many-chars.pdf": (_pages([5] * 199, extra={5: pdf_stream(b"BT /F1 1 Tf 10 780 Td " + line * 200 + b"ET", flate=True)}),
                           "INPUT-TOO-LARGE"),
        "inflate.pdf": (_pages([5], extra={5: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb
                                           + b"\nendstream"}), "INPUT-TOO-LARGE"),
        "inflate-twice.pdf": (_pages([5], extra={5: b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n"
                                                 % len(twice) + twice + b"\nendstream"}), "INPUT-TOO-LARGE"),
        "inflate-as-image.pdf": (_pages([5], extra={5: b"<< /Length %d /Subtype /Image /Filter /FlateDecode >>\nstream\n"
                                                    % len(bomb) + bomb + b"\nendstream"}), "INPUT-TOO-LARGE"),
        "many-lines.pdf": (_pages([5], extra={5: pdf_stream(b"BT /F1 12 Tf 72 750 Td (lines) Tj ET " + b"".join(
            b"%d 100 m %d 700 l S " % (10 + i % 500, 10 + i % 500) for i in range(200_000)), flate=True)}),
            "INPUT-NOT-REPORT"),
    }


PDF_ATTACKS = ["self-resources.pdf", "cmap-range.pdf", "nested-forms.pdf", "nested-forms-escaped.pdf",
               "many-chars.pdf", "inflate.pdf", "inflate-twice.pdf", "inflate-as-image.pdf", "many-lines.pdf"]


@pytest.fixture(scope="module")
def hostile_pdfs(tmp_path_factory):
    pytest.importorskip("pypdfium2", reason="the pdf extra (pip install 'gaischema[pdf]')")
    folder = tmp_path_factory.mktemp("hostile-pdf")
    made = {}
    for name, (data, code) in _hostile_pdfs().items():
        (folder / name).write_bytes(data)
        made[name] = (folder / name, code)
    return made


@pytest.mark.parametrize("name", PDF_ATTACKS)
def test_hostile_pdf_ends_with_one_line_within_limits(hostile_pdfs, name):
    """Each attack is stopped at its source, by the reader's own bounds (PDFium is never handed the work):
    its own line, exit 2, under 1 GiB and 30 s."""
    path, code = hostile_pdfs[name]
    assert path.stat().st_size < 2 << 20
    proc = _limited("extract", str(path))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and f": {code} " in err, err[-500:]


def test_a_folder_of_hostile_pdfs_reports_every_file(hostile_pdfs, tmp_path):
    """Where one of these once looped for ever and held back every later file."""
    shutil.copy(FIXTURES / "pdf" / "pingtan-2023-office.pdf", tmp_path / "office.pdf")
    for path, _ in hostile_pdfs.values():
        shutil.copy(path, tmp_path / path.name)
    proc = subprocess.run([sys.executable, "-m", "gaischema.cli", "extract", str(tmp_path), "--out-dir",
                           str(tmp_path / "out"), "-j", "2"], capture_output=True, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err, err[-800:]
    for name in PDF_ATTACKS:
        assert f"{name}: {hostile_pdfs[name][1]}" in err, name
    assert [p.stem for p in (tmp_path / "out").iterdir()] == ["office"]  # the report among them, read


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


TEXT_HOSTILE_RULES = {"pipes.md": "INPUT-TOO-LARGE", "rows.md": "INPUT-TOO-LARGE", "deep.rtf": "INPUT-TOO-LARGE",
                      "rows.rtf": "INPUT-TOO-LARGE", "unclosed-tables.md": "INPUT-NOT-REPORT",
                      "many-lt.txt": "INPUT-NOT-REPORT", "many-lt.md": "INPUT-NOT-REPORT",
                      "not-rtf-really.doc": "INPUT-NOT-REPORT", "ole2.doc": "INPUT-NOT-REPORT",
                      "utf16-lt.txt": "INPUT-NOT-REPORT"}


@pytest.mark.parametrize("name", sorted(_text_hostile()))
def test_text_and_markdown_attacks_end_within_limits(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(_text_hostile()[name])
    t0 = time.monotonic()
    _one_line(_limited("extract", str(p)), p, TEXT_HOSTILE_RULES[name])
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
