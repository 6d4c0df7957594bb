"""Hostile input, round 5: the surfaces added after round 4 (issue #28) — corrections.yaml and `gaischema
correct`/`review`, the `--organs` roster, Word drafts read by their bookmarks, `render --format docx/xlsx`, the
evidence pictures of `report` and its cache, the conformance runners. Every attack is a generated input, run
through the real command line under the README's bounds (exit 0/1/2 and no traceback, 30 s, 1 GiB for the
command and every worker it starts); each asserts the rule or exit code and that what the user had is still there.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT
from test_hostile_round4 import BEILUN, TEXT, _one_line

PDF = FIXTURES / "pdf" / "pingtan-2023-office.pdf"
CELL = "applications.new_applications.total"
SECONDS, MIB = 30.0, 1024
# run a command and say the peak resident memory of it and of every process it waited for (its workers)
_WRAP = ("import resource, subprocess, sys\n"
         "p = subprocess.run(sys.argv[1:])\n"
         "sys.stderr.write('\\nMAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
         "sys.exit(p.returncode)\n")


def bounded(*args, cwd: Path = ROOT, codes=(0, 1, 2), seconds: float = SECONDS,
            program: tuple = ("-m", "gaischema.cli")) -> subprocess.CompletedProcess:
    """The real command line, under the README's bounds for hostile input: an exit code of ``codes`` (never 3,
    never a traceback), within ``seconds`` of wall time (killed a little after) and 1 GiB of peak memory."""
    t = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _WRAP, sys.executable, *program, *args], cwd=cwd,
                          capture_output=True, timeout=seconds + 30)
    wall = time.monotonic() - t
    err, _, rss = proc.stderr.decode(errors="replace").rpartition("\nMAXRSS ")
    proc.stderr = err.encode()
    assert proc.returncode in codes and "Traceback" not in err and "internal error" not in err, (proc.returncode,
                                                                                                 err[-2000:])
    assert wall < seconds, f"{wall:.1f} s"
    assert int(rss) < MIB * 1024, f"{int(rss) // 1024} MiB"
    return proc


# ------------------------------------------------------------------------------------------------ gaischema correct
@pytest.fixture()
def report_dir(tmp_path):
    shutil.copy(TEXT, tmp_path / "r.txt")
    return tmp_path


@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000, str(2**53)])
def test_a_value_that_is_no_count_is_one_line_and_nothing_is_written(report_dir, value):
    proc = bounded("correct", "r.txt", CELL, value, "--reason", "x", cwd=report_dir, codes=(2,))
    assert "VALUE" in proc.stderr.decode() and not (report_dir / "corrections.yaml").exists()


def test_a_reason_of_bytes_that_are_not_utf8_never_makes_the_file_unreadable(report_dir):
    for args in (["correct", "r.txt", CELL, "5", "--reason", b"\xff\xfe", "--who", b"\xed\xa0\x80"],
                 ["review", "r.txt", b"\xff", "confirmed", "--reason", "ok", "--rule", b"\xff"]):
        bounded(*args, cwd=report_dir, codes=(0,))
    proc = bounded("extract", "r.txt", "-o", "out.yaml", cwd=report_dir, codes=(0, 1))
    notes = yaml.safe_load((report_dir / "out.yaml").read_text(encoding="utf-8"))["extraction"]["notes"]
    assert [n["note_path"] for n in notes if n["note_kind"] == "corrected"] == [CELL], proc.stderr.decode()[-2000:]
    book = yaml.safe_load((report_dir / "corrections.yaml").read_text(encoding="utf-8"))
    assert book["corrections"][0]["reason"] == "\ufffd\ufffd" and book["reviews"][0]["rule"] == "\ufffd"


def test_corrections_made_at_once_are_all_kept(report_dir):
    from gaischema.model import Model

    paths = [c["path"] for c in Model.load().cells("v2021")][:8]
    procs = [subprocess.Popen([sys.executable, "-m", "gaischema.cli", "correct", "r.txt", p, str(i), "--reason", "c"],
                              cwd=report_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i, p in enumerate(paths)]
    for p in procs:
        assert p.wait(timeout=60) == 0, p.stderr.read().decode()[-2000:]
    book = yaml.safe_load((report_dir / "corrections.yaml").read_text(encoding="utf-8"))
    assert sorted((e["path"], e["value"]) for e in book["corrections"]) == sorted((p, i) for i, p in enumerate(paths))


def test_a_link_as_the_corrections_file_is_refused_and_left_as_it_is(report_dir):
    shared = report_dir / "shared.yaml"
    shared.write_text("corrections: []\n", encoding="utf-8")
    (report_dir / "corrections.yaml").symlink_to(shared)
    err = _one_line(bounded("correct", "r.txt", CELL, "7", "--reason", "x", cwd=report_dir, codes=(2,)))
    assert "OUTPUT-LINK" in err and (report_dir / "corrections.yaml").is_symlink()
    assert shared.read_text(encoding="utf-8") == "corrections: []\n"


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["folder", "nan", "alias", "deep", "many", "binary", "huge-value", "beyond-2^53"])
def test_a_broken_corrections_file_is_one_line_that_names_it(report_dir, kind):
    entry = f"{{file: r.txt, sha256: {_sha(report_dir / 'r.txt')}, path: {CELL}, value: %s}}"
    target = report_dir / "corrections.yaml"
    if kind == "folder":
        target.mkdir()
    else:
        target.write_bytes({
            "nan": f"corrections: [{entry % '.nan'}]".encode(),
            "alias": b"a: &x [1, 2]\nb: [*x, *x, *x]\n",
            "deep": b"corrections: " + b"[" * 40 + b"]" * 40,
            "many": ("corrections:\n" + "".join(f"- {entry % i}\n" for i in range(6000))).encode(),
            "binary": b"\xff\xfe\x00corrections",
            "huge-value": f"corrections: [{entry % ('9' * 4000)}]".encode(),
            "beyond-2^53": f"corrections: [{entry % (2**53)}]".encode(),
        }[kind])
    commands = [("extract", "r.txt", "-o", "out.yaml")]
    if kind in ("folder", "nan"):  # report reads it through the same loader: two kinds are enough there
        commands.append(("report", "r.txt", "-o", "p.html", "--no-cache"))
    for args in commands:
        err = _one_line(bounded(*args, cwd=report_dir, codes=(2,)))
        assert "corrections.yaml" in err.splitlines()[-1] and not (report_dir / args[3]).exists(), err[-2000:]


# ------------------------------------------------------------------------------------------------ evidence pictures
def _corrected_pdf(folder: Path, pdf: bytes, cells: list[str]) -> Path:
    """A published PDF with corrections that break its rules (a finding on each corrected cell: evidence)."""
    path = folder / "p.pdf"
    path.write_bytes(pdf)
    for cell in cells:
        bounded("correct", "p.pdf", cell, "777", "--reason", "x", cwd=folder, codes=(0,))
    return path


def _rows(page: Path) -> list[dict]:
    from test_report import _data

    return _data(page)


def test_a_cached_evidence_picture_named_as_a_path_is_never_written_there(tmp_path):
    import sqlite3
    import zlib

    _corrected_pdf(tmp_path, PDF.read_bytes(), ["applications.results.denied.state_secret.natural_person"])
    bounded("report", "p.pdf", "-o", "page.html", cwd=tmp_path, codes=(1,))
    victims = [tmp_path / "victim.txt", tmp_path / "abs-victim.txt"]
    for v in victims:
        v.write_text("mine", encoding="utf-8")
    db = sqlite3.connect(tmp_path / "page_files" / "cache" / "cache.sqlite")
    (key, blob), = db.execute("SELECT key, value FROM result").fetchall()
    value = json.loads(zlib.decompress(blob))
    pictures = list(value["reports"][0]["evidence"].values())
    assert pictures and all("png" in ev for ev in pictures)
    for ev, name in zip(pictures, ["../../victim.txt", str(victims[1])] * len(pictures)):
        ev["file"] = name  # a shared cache (--cache DIR) written by someone else
    db.execute("UPDATE result SET value = ? WHERE key = ?", (zlib.compress(json.dumps(value).encode()), key))
    db.commit()
    db.close()
    proc = bounded("report", "p.pdf", "-o", "page.html", "--force", cwd=tmp_path, codes=(1,))
    assert "from the cache" not in proc.stderr.decode()
    assert all(v.read_text(encoding="utf-8") == "mine" for v in victims)
    assert _rows(tmp_path / "page.html")[0]["status"] == "errors"


def test_a_page_five_million_points_tall_keeps_its_report_and_its_pictures_small(tmp_path):
    pdf = PDF.read_bytes().replace(b"/MediaBox[0 0 612 792]", b"/MediaBox[0 -4999208 612 792]")  # PDFium repairs
    cells = [f"applications.results.denied.{r}.natural_person" for r in (  # six rows of one page: the whole page
        "state_secret", "prohibited_by_law", "security_stability", "third_party_rights", "internal_affairs",
        "process_information")]
    _corrected_pdf(tmp_path, pdf, cells)
    bounded("report", "p.pdf", "-o", "page.html", "--no-cache", cwd=tmp_path, codes=(1,))
    row, = _rows(tmp_path / "page.html")
    assert row["status"] == "errors" and any("ev" in f for f in row["findings"]), row["notes"]
    for picture in (tmp_path / "page_files" / "e").iterdir():
        assert picture.stat().st_size < 1 << 20


def test_row_pictures_of_a_huge_page_are_rendered_band_by_band(monkeypatch):
    from gaischema.extract.readers import pdf as reader

    pdf = PDF.read_bytes().replace(b"/MediaBox[0 0 612 792]", b"/MediaBox[0 -4999208 612 792]")
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    boxes = [(2, [100.0, 4999000.0 + 40 * k, 200.0, 4999020.0 + 40 * k]) for k in range(6)] + \
            [(2, [100.0, 100.0, 200.0, 4000000.0])]  # a "row" 4,000,000 points tall: no picture
    got = reader.render_rows(pdf, boxes)
    assert all(g is not None for g in got[:6]) and got[6] is None
    assert resource.getrlimit(resource.RLIMIT_AS) == (soft, hard)


# ------------------------------------------------------------------------------------------------ the roster
def _roster(tmp_path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_roster_of_20000_successors_in_a_chain_is_read_at_once(tmp_path):
    n = 20000
    rows = "".join(f"机关{i}局,{f'机关{i + 1}局' if i < n - 1 else ''}\n" for i in range(n))
    roster = _roster(tmp_path, "chain.csv", "canonical_organ,successor_organ\n" + rows)
    bounded("report", str(BEILUN), "-o", str(tmp_path / "p.html"), "--no-cache", "--organs", str(roster), codes=(1,))


@pytest.mark.parametrize("kind,rule", [("many", "INPUT-TOO-LARGE"), ("big-field", "INPUT-ROSTER"),
                                       ("loop", "INPUT-ROSTER"), ("unclosed-quote", "INPUT-ROSTER")])
def test_a_roster_that_cannot_be_used_is_one_line(tmp_path, kind, rule):
    text = {"many": "canonical_organ\n" + "".join(f"机关{i}局\n" for i in range(400_000)),
            "big-field": "canonical_organ,organ_aliases\nx局,\"" + "a" * 200_000 + "\"\n",
            "loop": "canonical_organ,successor_organ\na局,b局\nb局,c局\nc局,a局\n",
            "unclosed-quote": "canonical_organ\n\"x局\n" + "y" * 140_000 + "\n"}[kind]
    roster = _roster(tmp_path, "r.csv", text)
    for args in (("report", str(BEILUN), "-o", str(tmp_path / "p.html"), "--no-cache"), ("organs", str(BEILUN))):
        err = _one_line(bounded(*args, "--organs", str(roster), codes=(2,)))
        assert rule in err and len(err.splitlines()) == 1, err[-2000:]


# ------------------------------------------------------------------------------------------------ Word drafts
def _draft(tmp_path, body: str) -> Path:
    import layout

    p = tmp_path / "draft.docx"
    p.write_bytes(layout.docx_package('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                      f'2006/main"><w:body>{body}</w:body></w:document>'))
    return p


def _draft_body(shape: str) -> str:
    from gaischema import cellmap

    marks = list(cellmap.bookmarks("v2021"))
    if shape == "one-cell":  # every bookmark in one table cell that holds 450,000 elements
        bms = "".join(f'<w:bookmarkStart w:id="{i}" w:name="{n}"/>' for i, n in enumerate(marks))
        return f"<w:tbl><w:tr><w:tc><w:p>{bms}{'<w:r/>' * 450_000}<w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    if shape == "nested":  # each in a cell of its own, nested 200 deep around 400,000 elements
        return "".join(f'<w:tbl><w:tr><w:tc><w:p><w:bookmarkStart w:id="{i}" w:name="{n}"/></w:p>'
                       for i, n in enumerate(marks)) + "<w:p>" + "<w:r/>" * 400_000 + "</w:p>" \
            + "</w:tc></w:tr></w:tbl>" * len(marks)
    # deep: one bookmark under 60,000 nested tables
    return "<w:tbl><w:tr><w:tc>" * 60_000 + f'<w:p><w:bookmarkStart w:id="1" w:name="{marks[0]}"/></w:p>' \
        + "</w:tc></w:tr></w:tbl>" * 60_000


@pytest.mark.parametrize("shape", ["one-cell", "nested"])
def test_200_bookmarks_over_a_big_cell_are_read_in_linear_time(tmp_path, shape):
    body = _draft_body(shape)
    proc = bounded("validate", str(_draft(tmp_path, body)), "--format", "json", seconds=20, codes=(1,))
    rules = {f["rule"] for f in json.loads(proc.stdout)[0]["findings"]}
    assert "INPUT-TOO-COMPLEX" not in rules and "CELL-TEXT" in rules, rules


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_control_characters_in_report_text_never_break_a_rendered_file(tmp_path, fmt):
    inst = yaml.safe_load(BEILUN.read_text(encoding="utf-8"))
    inst["overview"] = "甲\x01乙\x0b丙\ufffe丁\uffff"
    inst["organ"] = "宁波市\x00北仑区人民政府"
    src = tmp_path / "r.json"
    src.write_text(json.dumps(inst, ensure_ascii=False), encoding="utf-8")
    bounded("render", str(src), "--format", fmt, "-o", str(tmp_path / f"r.{fmt}"), codes=(0,))
    bounded("extract", str(tmp_path / f"r.{fmt}"), "-o", str(tmp_path / "back.yaml"), codes=(0, 1))
    back = yaml.safe_load((tmp_path / "back.yaml").read_text(encoding="utf-8"))
    assert back["organ"] == "宁波市\ufffd北仑区人民政府" and back["overview"] == "甲\ufffd乙\ufffd丙\ufffd丁\ufffd"


# ------------------------------------------------------------------------------------------------ conformance runners
@pytest.fixture()
def one_case_suite(tmp_path):
    """A suite folder of one input case (the shipped index, its first input case only)."""
    suite = ROOT / "generated" / "conformance"
    index = json.loads((suite / "index.json").read_text(encoding="utf-8"))
    case = next(c for c in index["cases"] if c["group"] == "input")
    folder = tmp_path / "suite"
    (folder / Path(case["file"]).parent).mkdir(parents=True)
    shutil.copy(suite / case["file"], folder / case["file"])
    (folder / "index.json").write_text(json.dumps({**index, "cases": [case]}), encoding="utf-8")
    return folder, folder / case["file"]


def _conformance(*args, **kw):
    return bounded(*args, program=("-m", "gaischema.conformance"), **kw)


def test_an_empty_command_is_refused_not_run_as_this_installation():
    err = _one_line(_conformance("--command", "", codes=(2,))).splitlines()[-1]
    assert "--command is empty" in err


@pytest.mark.parametrize("command", ["yes", "sh -c 'sleep 60 & echo []'", "sleep 60"])
def test_a_command_that_prints_without_end_or_leaves_a_child_is_stopped(one_case_suite, command):
    proc = _conformance("--suite", str(one_case_suite[0]), "--command", command, "--timeout", "3", "--report", "-",
                        codes=(1,), seconds=15)
    results = json.loads(proc.stdout)["results"]
    assert len(results) == 1 and results[0]["status"] in ("errored", "failed"), results


def _escaping_names(victim: Path) -> list[str]:
    """Input names of a case that would reach ``victim`` from the runner's temporary folder (made in the system's
    temporary folder, as both runners make it): absolute, and relative through ``..``."""
    import tempfile

    return [str(victim), "../" + os.path.relpath(victim, tempfile.gettempdir())]


def _python_runner_errs(suite: Path) -> None:
    proc = _conformance("--suite", str(suite), "--command", "true", "--report", "-", codes=(1,))
    assert json.loads(proc.stdout)["results"][0]["status"] == "errored"


def _js_runner_errs(js, suite: Path) -> None:
    proc = js("conformance", str(suite), "--command", "true")
    assert proc.returncode == 1 and b"ERRORED" in proc.stderr, proc.stderr[-2000:]


@pytest.mark.parametrize("runner", ["python", "js"])
def test_a_suite_case_naming_a_path_writes_nothing_outside_its_folder(runner, one_case_suite, tmp_path, request):
    """Both conformance runners (gaischema's, and the npm package's through the ``js`` fixture): the case errs."""
    js = request.getfixturevalue("js") if runner == "js" else None
    suite, case_file = one_case_suite
    case = json.loads(case_file.read_text(encoding="utf-8"))
    victim = tmp_path / "victim.yaml"
    victim.write_text("mine", encoding="utf-8")
    for name in _escaping_names(victim):
        case["input"]["name"] = name
        case_file.write_text(json.dumps(case), encoding="utf-8")
        _js_runner_errs(js, suite) if js else _python_runner_errs(suite)
        assert victim.read_text(encoding="utf-8") == "mine"


def test_a_report_into_a_missing_folder_is_refused_before_the_suite_runs(tmp_path):
    t = time.monotonic()
    err = _one_line(_conformance("--command", "sleep 60", "--report", str(tmp_path / "no" / "r.json"), codes=(2,)))
    assert "OUTPUT-NO-FOLDER" in err and time.monotonic() - t < 10


@pytest.mark.parametrize("shape", ["one-cell", "nested", "deep"])
def test_js_a_draft_of_a_big_or_deep_cell_is_read_within_the_bounds(js, tmp_path, shape):
    p = _draft(tmp_path, _draft_body(shape))
    t = time.monotonic()
    proc = js("validate", str(p), "--format", "json")
    out = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode in (1, 2) and "internal error" not in out and time.monotonic() - t < SECONDS, out[-2000:]


# ------------------------------------------------------------------------------------------------ scale
def test_a_corrections_file_of_10000_entries_over_100000_reports_is_matched_in_linear_time():
    from gaischema import corrections as corr

    sha = "0" * 64
    book = corr.Book("corrections.yaml",
                     [corr.Entry(f"f{i}.pdf", sha, CELL, "r") for i in range(5000)],
                     [corr.Entry(f"f{i}.pdf", sha, CELL, "r", state="confirmed") for i in range(5000)])
    t = time.monotonic()
    found = [corr.for_file(book, f"/reports/f{i}.pdf", sha) for i in range(100_000)]
    assert time.monotonic() - t < 5  # was 1.2 s per 2,000 reports: a minute for 100,000
    assert [len(x) for x in found[4999]] == [1, 1, 0] and found[5000] == ([], [], [])
    assert corr.for_file(book, "/elsewhere/f7.pdf", "1" * 64) == ([], [], [book.corrections[7], book.reviews[7]])


@pytest.mark.parametrize("command", ["yes", "sh -c 'sleep 60 & echo []'"])
def test_js_a_command_that_prints_without_end_or_leaves_a_child_is_stopped(js, one_case_suite, command):
    t = time.monotonic()
    proc = js("conformance", str(one_case_suite[0]), "--command", command, "--report", "-", timeout=90)
    results = json.loads(proc.stdout)["results"]
    assert len(results) == 1 and time.monotonic() - t < SECONDS, (results, time.monotonic() - t)
