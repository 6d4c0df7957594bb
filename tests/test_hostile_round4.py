"""Hostile input, round 4 (issue #28): nothing of the user's is ever replaced, outputs never become inputs, the
cache is only a cache, text is Unicode always, and every new surface is bounded. One focused test per attack;
each asserts the rule or exit code and that what the user had is still there."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import sys

import pytest

from conftest import EXAMPLES, FIXTURES, gaischema, small_tmpfs

BEILUN = EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml"
TEXT = FIXTURES / "text" / "pingtan-2023-pdftotext-layout.txt"
ROOT_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root (mknod)")


def _one_line(proc, codes=(2,)) -> str:
    err = proc.stderr.decode(errors="replace").strip()
    assert proc.returncode in codes, (proc.returncode, err[-2000:])
    assert "Traceback" not in err, err[-2000:]
    return err


# ------------------------------------------------------------------------------------- outputs: devices and links
@ROOT_ONLY
@pytest.mark.parametrize("command", ["extract", "render", "validate-export"])
def test_a_device_as_output_is_written_to_never_replaced(tmp_path, command):
    dev = tmp_path / "null"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    args = {"extract": ("extract", str(TEXT)), "render": ("render", str(BEILUN)),
            "validate-export": ("export", str(BEILUN), "--format", "json")}[command]
    proc = gaischema(*args, "-o", str(dev), "--force")
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")[-2000:]
    assert stat.S_ISCHR(os.lstat(dev).st_mode) and os.lstat(dev).st_rdev == os.makedev(1, 3)
    assert os.listdir(tmp_path) == ["null"]  # no temporary file beside the device


@ROOT_ONLY
def test_a_full_device_is_one_line_and_stays_a_device(tmp_path):
    dev = tmp_path / "full"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # a private /dev/full
    err = _one_line(gaischema("render", str(BEILUN), "-o", str(dev), "--force"))
    assert "OUTPUT-WRITE" in err and stat.S_ISCHR(os.lstat(dev).st_mode)


def test_a_pipe_nobody_reads_is_refused_at_once_not_waited_for(tmp_path):
    fifo = tmp_path / "out.html"
    os.mkfifo(fifo)
    err = _one_line(gaischema("render", str(BEILUN), "-o", str(fifo), "--force"))
    assert "OUTPUT-WRITE" in err and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dev_stdout_is_standard_output(tmp_path):
    proc = gaischema("render", str(BEILUN), "-o", "/dev/stdout", "--force", "--format", "md")
    assert proc.returncode == 0 and proc.stdout.startswith(b"#"), proc.stderr.decode(errors="replace")
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.lstat("/dev/stdout").st_mode)


def test_a_link_as_output_is_refused_without_force_and_replaced_never_followed_with_it(tmp_path):
    victim = tmp_path / "victim.md"
    victim.write_text("mine", encoding="utf-8")
    link = tmp_path / "out.md"
    link.symlink_to(victim)
    err = _one_line(gaischema("render", str(BEILUN), "-o", str(link), "--format", "md"))
    assert "exists" in err and link.is_symlink()
    proc = gaischema("render", str(BEILUN), "-o", str(link), "--format", "md", "--force")
    assert proc.returncode == 0 and not link.is_symlink() and link.read_text(encoding="utf-8").startswith("#")
    assert victim.read_text(encoding="utf-8") == "mine"


def test_a_link_in_the_folder_part_of_an_output_is_refused_without_force(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").symlink_to(elsewhere)
    err = _one_line(gaischema("render", str(BEILUN), "-o", str(tmp_path / "out" / "x.md"), "--format", "md"))
    assert "OUTPUT-LINK" in err and os.listdir(elsewhere) == []
    proc = gaischema("report", str(BEILUN), "-o", str(tmp_path / "out" / "page.html"))
    assert "OUTPUT-LINK" in _one_line(proc) and os.listdir(elsewhere) == []


# ------------------------------------------------------------------------------------- outputs never become inputs
def _rows(page) -> int:
    from test_report import _data

    return len(_data(page))


def test_report_run_again_in_its_input_folder_reads_only_the_inputs(tmp_path):
    shutil.copy(BEILUN, tmp_path / "a.yaml")
    shutil.copy(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml", tmp_path / "b.yaml")
    for _ in range(3):
        proc = gaischema("report", ".", "-o", "report.html", "--force", "--save-instances", "saved", cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")[-2000:]
        assert _rows(tmp_path / "report.html") == 2


def test_save_instances_in_an_input_folder_is_refused_and_never_writes_over_an_input(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(TEXT, src / "a.txt")
    (src / "a.yaml").write_bytes(BEILUN.read_bytes())
    err = _one_line(gaischema("report", str(src), "-o", str(tmp_path / "p.html"), "--save-instances", str(src),
                              "--force", "--no-cache"))
    assert "OUTPUT-IS-INPUT" in err and (src / "a.yaml").read_bytes() == BEILUN.read_bytes()
    # the files named one by one: the input's name is reserved, the instance gets another
    proc = gaischema("report", str(src / "a.txt"), str(src / "a.yaml"), "-o", str(tmp_path / "p.html"),
                     "--save-instances", str(src), "--force", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")[-2000:]
    assert (src / "a.yaml").read_bytes() == BEILUN.read_bytes()
    assert sorted(os.listdir(src)) == ["a-2.yaml", "a-3.yaml", "a.txt", "a.yaml"]


def test_save_instances_never_writes_over_a_link(tmp_path):
    victim = tmp_path / "victim.yaml"
    victim.write_text("mine", encoding="utf-8")
    saved = tmp_path / "s"
    saved.mkdir()
    (saved / "a.yaml").symlink_to(victim)
    shutil.copy(TEXT, tmp_path / "a.txt")
    proc = gaischema("report", str(tmp_path / "a.txt"), "-o", str(tmp_path / "p.html"), "--save-instances", str(saved),
                     "--no-cache")
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 1 and "exists" in err, err[-2000:]
    assert (saved / "a.yaml").is_symlink() and victim.read_text(encoding="utf-8") == "mine"


# ------------------------------------------------------------------------------------- the cache is a cache
def _report(tmp_path, *extra, inputs=None):
    inputs = inputs or [str(BEILUN), str(EXAMPLES / "invalid" / "AnnualReport-meta-fee-amount.yaml")]
    return gaischema("report", *inputs, "-o", str(tmp_path / "page.html"), "--force", "-j", "1", *extra)


def _cache_file(tmp_path):
    return tmp_path / "page_files" / "cache" / "cache.sqlite"


@pytest.mark.parametrize("kind", ["other-program", "trigger", "garbage"])
def test_a_cache_that_is_not_ours_is_set_aside_with_one_line_and_left_as_it_is(tmp_path, kind):
    path = _cache_file(tmp_path)
    path.parent.mkdir(parents=True)
    if kind == "garbage":
        path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    else:
        db = sqlite3.connect(path)
        if kind == "other-program":
            db.execute("CREATE TABLE notes (id INTEGER, body TEXT)")
            db.execute("INSERT INTO notes VALUES (1, 'mine')")
        else:
            db.execute("CREATE TABLE result (key TEXT PRIMARY KEY, value BLOB)")
            db.execute("CREATE TABLE log (x)")
            db.execute("CREATE TRIGGER t AFTER INSERT ON result BEGIN INSERT INTO log VALUES (new.key); END")
        db.commit()
        db.close()
    before = path.read_bytes()
    proc = _report(tmp_path)
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 1 and (tmp_path / "page.html").is_file(), err[-2000:]
    assert sum("cache" in line and "cannot be used" in line for line in err.splitlines()) == 1, err
    assert path.read_bytes() == before


def _put_row(path, value) -> None:
    import json
    import zlib

    db = sqlite3.connect(path)
    keys = [k for (k,) in db.execute("SELECT key FROM result")]
    for k in keys:
        db.execute("UPDATE result SET value = ? WHERE key = ?", (zlib.compress(json.dumps(value).encode()), k))
    db.commit()
    db.close()


def test_a_cache_row_of_the_wrong_shape_is_a_miss(tmp_path):
    assert _report(tmp_path).returncode == 1
    _put_row(_cache_file(tmp_path), {"name": "x", "reports": [{"result": {"file": 1}}]})
    proc = _report(tmp_path)
    assert proc.returncode == 1 and "from the cache" not in proc.stderr.decode(), proc.stderr.decode()[-2000:]


def test_a_cached_rendering_with_a_script_is_made_again(tmp_path):
    import json
    import zlib

    invalid = str(EXAMPLES / "invalid" / "AnnualReport-meta-fee-amount.yaml")
    assert _report(tmp_path, inputs=[invalid]).returncode == 1
    db = sqlite3.connect(_cache_file(tmp_path))
    (key, blob), = db.execute("SELECT key, value FROM result").fetchall()
    value = json.loads(zlib.decompress(blob))
    value["reports"][0]["rendering"] = value["reports"][0]["rendering"].replace(
        "</body>", "<script>window.__pwned = 1</script></body>")
    db.execute("UPDATE result SET value = ? WHERE key = ?", (zlib.compress(json.dumps(value).encode()), key))
    db.commit()
    db.close()
    proc = _report(tmp_path, inputs=[invalid])
    assert proc.returncode == 1 and "from the cache" not in proc.stderr.decode()
    for page in (tmp_path / "page_files" / "r").iterdir():
        assert "__pwned" not in page.read_text(encoding="utf-8")


def test_a_locked_cache_is_waited_for_then_set_aside_and_the_run_finishes(tmp_path):
    assert _report(tmp_path).returncode == 1
    db = sqlite3.connect(_cache_file(tmp_path), isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")  # another run that holds the cache
    try:
        proc = _report(tmp_path)
    finally:
        db.execute("ROLLBACK")
        db.close()
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 1 and sum("cannot be used" in line for line in err.splitlines()) == 1, err[-2000:]


def test_two_runs_on_one_cache_both_finish(tmp_path):
    import subprocess

    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        text = BEILUN.read_text(encoding="utf-8").replace("organ: ", f"organ: 机关{i}", 1)
        (src / f"r{i}.yaml").write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    procs = [subprocess.Popen([sys.executable, "-m", "gaischema.cli", "report", str(src), "-o",
                               str(tmp_path / f"p{n}.html"), "--cache", str(cache), "-j", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode in (0, 1) and b"Traceback" not in err, err.decode(errors="replace")[-2000:]
    assert (tmp_path / "p0.html").is_file() and (tmp_path / "p1.html").is_file()


def test_a_full_disk_under_the_cache_is_one_line_and_the_page_is_written(tmp_path):
    import subprocess

    with small_tmpfs(tmp_path / "small", "12k") as mnt:
        proc = _report(tmp_path, "--cache", str(mnt))
        err = proc.stderr.decode(errors="replace")
        assert proc.returncode == 1 and (tmp_path / "page.html").is_file(), err[-2000:]
        assert sum("cannot be used" in line for line in err.splitlines()) <= 1
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        proc = _report(tmp_path, "--cache", str(mnt))
        assert proc.returncode == 1 and (tmp_path / "page.html").is_file(), proc.stderr.decode()[-2000:]


def test_a_file_changed_while_it_is_read_is_not_remembered(tmp_path, monkeypatch):
    import hashlib

    from gaischema.report import collection

    p = tmp_path / "a.yaml"
    p.write_bytes(BEILUN.read_bytes())
    task = {"path": str(p), "name": "a.yaml", "digest": True}
    assert collection.file_records(task)["digest"] == hashlib.sha256(BEILUN.read_bytes()).hexdigest()
    real = collection._instance_file

    def changed_meanwhile(path, *args):
        record = real(path, *args)
        with open(path, "ab") as fh:
            fh.write(b"# written while the worker read it\n")
        return record

    monkeypatch.setattr(collection, "_instance_file", changed_meanwhile)
    assert "digest" not in collection.file_records(task)


# ------------------------------------------------------------------------------------- text is Unicode, always
def _rtf(text: str, prefix: str = "") -> str:
    """RTF as Word writes it: every non-ASCII character a \\uN? (signed 16-bit), outside the BMP a surrogate pair."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\par\n")
        elif ord(ch) < 128:
            out.append("\\" + ch if ch in "{}\\" else ch)
        else:
            units = ch.encode("utf-16-le")
            for i in range(0, len(units), 2):
                u = int.from_bytes(units[i:i + 2], "little")
                out.append(f"\\u{u - 65536 if u >= 32768 else u}?")
    return "{\\rtf1\\ansi\\ansicpg936\\uc1 " + prefix + "".join(out) + "}"


def _extracted(tmp_path, name: str, data: str):
    import yaml

    src = tmp_path / name
    src.write_text(data, encoding="utf-8")
    proc = gaischema("extract", str(src), "-o", str(tmp_path / "out.yaml"), "--force")
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")[-2000:]
    return yaml.safe_load((tmp_path / "out.yaml").read_text(encoding="utf-8"))


def test_rtf_with_a_cjk_extension_b_organ_as_word_writes_it(tmp_path):
    text = TEXT.read_text(encoding="utf-8")
    organ = _extracted(tmp_path, "plain.rtf", _rtf(text))["organ"]
    assert "平潭" in organ
    inst = _extracted(tmp_path, "extb.rtf", _rtf(text.replace(organ, "𠮷" + organ, 1)))
    assert inst["organ"] == "𠮷" + organ  # \u-10174?\u-8265? is one character, U+20BB7
    assert not any("surrogate" in n["note_message"] for n in inst["extraction"]["notes"])


def test_a_lone_surrogate_in_rtf_is_replaced_and_noted(tmp_path):
    inst = _extracted(tmp_path, "lone.rtf", _rtf(TEXT.read_text(encoding="utf-8"), prefix="\\u55296?"))
    notes = [n for n in inst["extraction"]["notes"] if "surrogate" in n["note_message"]]
    assert len(notes) == 1 and "1 lone surrogate" in notes[0]["note_message"]


def test_a_lone_surrogate_in_a_json_lines_dump_is_a_note_not_an_internal_error(tmp_path):
    import json

    from test_report import _data

    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"title": "x\ud800", "content": "\udfff" + TEXT.read_text(encoding="utf-8")}) + "\n",
                    encoding="utf-8")
    proc = gaischema("report", str(dump), "-o", str(tmp_path / "page.html"), "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")[-2000:]
    rows = _data(tmp_path / "page.html")
    assert len(rows) == 1 and "INTERNAL-ERROR" not in json.dumps(rows) and rows[0]["status"] != "unreadable"


# ------------------------------------------------------------------------------------- every input within the limits
def _spin(item: str) -> str:
    try:
        while True:
            pass
    except Exception:  # noqa: BLE001 - work that swallows errors is still stopped
        return "swallowed"


def _grab(item: str) -> str:
    return str(len(bytearray(4 << 30)))


@pytest.mark.parametrize("fn,limit", [(_spin, "cpu"), (_grab, "memory")])
def test_a_small_file_run_in_this_process_is_under_the_same_limits(fn, limit):
    import time

    from gaischema import corpus, sandbox

    t = time.monotonic()
    got = list(corpus.pool_map(fn, ["small.yaml"], 1, in_process=lambda _: True, failed=lambda item, err: err.rule,
                               limits=sandbox.Limits(memory=256 * sandbox.MIB, cpu=1.0, wall=2.0)))
    assert got == ["INPUT-TOO-COMPLEX"] and time.monotonic() - t < 5
    assert sandbox.resource.getrlimit(sandbox.resource.RLIMIT_CPU)[0] == sandbox.resource.RLIM_INFINITY


@pytest.fixture(scope="module")
def with_notes(tmp_path_factory):
    """``with_notes(n)``: the Beilun example with ``n`` broken extraction notes (each the number 1, no note
    object), as a JSON file; each written once for the module (the Python and the JavaScript tests read them)."""
    import json

    import yaml

    folder, made = tmp_path_factory.mktemp("notes"), {}

    def make(n: int):
        if n not in made:
            inst = yaml.safe_load(BEILUN.read_text(encoding="utf-8"))
            inst["extraction"] = {"source_format": "pdf", "notes": [1] * n}
            made[n] = folder / f"notes-{n}.json"
            made[n].write_text(json.dumps(inst), encoding="utf-8")
        return made[n]

    return make


def test_an_instance_with_500000_notes_ends_at_once_in_validate_and_report(with_notes, tmp_path):
    import time

    p = with_notes(500_000)
    t = time.monotonic()
    proc = gaischema("validate", str(p), "--format", "json")
    assert proc.returncode == 2 and b"INPUT-TOO-LARGE" in proc.stdout and len(proc.stdout) < 2000
    proc = gaischema("report", str(p), "-o", str(tmp_path / "page.html"), "--no-cache")
    assert proc.returncode == 1 and time.monotonic() - t < 30, proc.stderr.decode(errors="replace")[-2000:]


def test_5000_broken_notes_are_capped_findings(with_notes):
    import json

    from gaischema.corpus import validate_source
    from gaischema.validate import MAX_SCHEMA_HITS

    inst = json.loads(with_notes(5000).read_text(encoding="utf-8"))
    findings = validate_source(inst, "x").findings
    assert len(findings) == MAX_SCHEMA_HITS
    assert findings[-1].message_en.endswith(f"({5000 - MAX_SCHEMA_HITS} more such findings are not listed)")


# ------------------------------------------------------------------------------------- --scheduler bounded
@pytest.fixture()
def servers():
    """An HTTP server, and a server that accepts and never answers, on free local ports."""
    import http.server
    import socket
    import threading

    pytest.importorskip("distributed")
    httpd = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    yield {"http": httpd.server_address[1], "silent": silent.getsockname()[1], "closed": closed_port}
    httpd.shutdown()
    silent.close()


@pytest.mark.parametrize("kind", ["http", "silent", "closed"])
def test_a_scheduler_that_is_no_dask_scheduler_is_one_line_within_seconds(tmp_path, servers, kind):
    import time

    t = time.monotonic()
    proc = gaischema("report", str(BEILUN), "-o", str(tmp_path / "p.html"), "--no-cache",
                     "--scheduler", f"tcp://127.0.0.1:{servers[kind]}")
    err = _one_line(proc)
    assert len(err.splitlines()) == 1 and "Dask" in err and time.monotonic() - t < 25, err


def test_a_dask_task_runs_in_a_limited_subprocess(monkeypatch):
    import time

    from gaischema import sandbox
    from gaischema.report import collection

    task = {"path": str(BEILUN), "name": "b.yaml"}
    try:
        assert collection.limited_file_records(task)["reports"][0]["result"]["valid"]
        monkeypatch.setattr(collection, "file_records", _spin)  # a file whose reading never ends
        t = time.monotonic()
        stopped = collection.limited_file_records({**task, "limits": {"memory": 1 << 30, "cpu": 1.0, "wall": 2.0}})
        assert stopped["reports"][0]["result"]["findings"][0]["rule"] == "INPUT-TOO-COMPLEX"
        assert time.monotonic() - t < 10
    finally:
        sandbox.close_kept()  # this thread's kept subprocess (the test's thread is no Dask worker's)


# ------------------------------------------------------------------------------------- OCR: a budget per file
def _allow_again(item: str):
    from gaischema import sandbox

    got = []
    for cpu in (30.0, 30.0, 10.0, 30.0):  # asked once per picture: the item's budget, never the sum
        sandbox.allow(0, cpu)
        got.append(sandbox.resource.getrlimit(sandbox.resource.RLIMIT_CPU)[0])
    return got


def test_asking_for_the_ocr_allowance_again_never_widens_the_limits_again():
    from gaischema import corpus, sandbox

    for got in corpus.pool_map(_allow_again, ["a", "b"], 1, limits=sandbox.Limits(cpu=5.0, wall=10.0)):
        assert len(set(got)) == 1, got


def _picture_pdf(pages: int, distinct: bool = False) -> bytes:
    import io

    from PIL import Image

    images = [Image.new("L", (400, 300), 255 - (i % 200 if distinct else 0)) for i in range(pages)]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=72.0)
    return buf.getvalue()


def test_200_pages_of_pictures_are_counted_and_refused_before_any_ocr(tmp_path, monkeypatch):
    pytest.importorskip("PIL")
    from gaischema.extract.readers import ocr

    if not ocr.available():
        pytest.skip("the ocr extra is not installed")
    calls = []
    monkeypatch.setattr(ocr, "read_picture", lambda *a, **k: calls.append(1))
    monkeypatch.setattr(ocr, "render_pdf_pages", lambda *a, **k: calls.append(1))
    from gaischema.extract.readers.pdf import read_pdf
    from gaischema.loading import InputError

    with pytest.raises(InputError) as err:
        read_pdf(_picture_pdf(200))
    assert err.value.rule == "INPUT-TOO-LARGE" and calls == []


def test_identical_pages_are_read_once_and_rendered_one_at_a_time(monkeypatch):
    pytest.importorskip("PIL")
    from gaischema.extract.readers import ocr
    from gaischema.extract.tablefinder import PageContent

    rendered, read = [], []
    real_render = ocr.render_pdf_pages

    def render(data, numbers):
        rendered.append(list(numbers))
        return real_render(data, numbers)

    monkeypatch.setattr(ocr, "render_pdf_pages", render)
    monkeypatch.setattr(ocr, "read_picture", lambda grey, scale, number=0: read.append(number) or
                        PageContent(number, 1.0, 1.0, [], []))
    pages = ocr.pdf_page_contents(_picture_pdf(6), list(range(6)))
    assert [p.number for p in pages] == list(range(6)) and read == [0]
    assert rendered == [[n] for n in range(6)]


def test_a_word_picture_shown_500_times_is_read_once(monkeypatch):
    import io

    import layout
    from PIL import Image

    from gaischema.extract.readers import docx, ocr

    if not ocr.available():
        pytest.skip("the ocr extra is not installed")
    png = io.BytesIO()
    Image.new("L", (64, 64), 255).save(png, "PNG")
    drawing = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="609600" cy="609600"/><a:graphic><a:graphicData>'
               '<pic:pic><pic:blipFill><a:blip r:embed="rIdPic1"/></pic:blipFill></pic:pic></a:graphicData>'
               '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>'
            + drawing * 500 + '</w:body></w:document>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rIdPic1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/image" Target="media/image1.png"/></Relationships>')
    data = layout.docx_package(body, {"word/_rels/document.xml.rels": rels, "word/media/image1.png": png.getvalue()},
                               {"png": "image/png"})
    read = []
    monkeypatch.setattr(ocr, "read_picture_file", lambda *a: read.append(1))
    docx.read_docx(data)
    assert read == [1]


# ------------------------------------------------------------------------------------- zip packages
def _limited(*args: str, cwd=None):
    """The command line under 1 GiB of address space and 30 s, as the README promises for hostile input."""
    import resource
    import subprocess

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "gaischema.cli", *args], capture_output=True, timeout=30,
                          preexec_fn=limit, cwd=cwd)


@pytest.fixture
def zip_folder(tmp_path):
    """A folder of the hostile packages of tests/zip_packages.py (a gibibyte part declaring 1,000 bytes, a
    bzip2 part, a local header or duplicate name or overlapping part that disagrees, 10,001 parts ...) and
    the real workbook as gaischema writes it, plain and with ZIP64 local headers."""
    import zip_packages

    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in zip_packages.files().items():
        (folder / name).write_bytes(data)
    return folder


def test_a_zip_is_read_by_what_it_unpacks_to_in_extract(tmp_path, zip_folder):
    import yaml

    from zip_packages import HOSTILE

    proc = _limited("extract", str(zip_folder), "--out-dir", str(tmp_path / "out"))
    lines = _one_line(proc).splitlines()
    for name, (rule, words) in HOSTILE.items():
        said = [line for line in lines if line.startswith(f"{zip_folder / name}: ")]
        assert len(said) == 1 and said[0].startswith(f"{zip_folder / name}: {rule} ") and words in said[0], (name, said)
    assert sorted(os.listdir(tmp_path / "out")) == ["good.yaml", "zip64.yaml"]
    good, zip64 = (yaml.safe_load((tmp_path / "out" / n).read_text(encoding="utf-8")) for n in ("good.yaml", "zip64.yaml"))
    expected = yaml.safe_load(BEILUN.read_text(encoding="utf-8"))
    for inst in (good, zip64):
        assert inst["applications"] == expected["applications"] and inst["organ"] == expected["organ"]


def test_a_zip_is_read_by_what_it_unpacks_to_in_validate_and_report(tmp_path, zip_folder):
    import json

    from test_report import _data
    from zip_packages import HOSTILE

    names = sorted(os.listdir(zip_folder))
    proc = _limited("validate", *names, "--format", "json", cwd=zip_folder)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr, proc.stderr[-2000:]
    results = {r["file"]: r for r in json.loads(proc.stdout)}
    assert set(results) == set(names)
    for name, (rule, words) in HOSTILE.items():
        (finding,) = results[name]["findings"]
        assert finding["rule"] == rule and words in finding["message_en"], (name, finding)
    assert results["good.xlsx"]["valid"] and results["zip64.xlsx"]["valid"]
    proc = _limited("report", str(zip_folder), "-o", str(tmp_path / "page.html"), "--no-cache")
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr[-2000:]
    rows = {row["file"].rpartition("/")[2]: row for row in _data(tmp_path / "page.html")}
    for name, (rule, words) in HOSTILE.items():
        assert rows[name]["status"] == "unreadable" and rows[name]["rules"] == [rule] and words in rows[name]["notes"]
    assert rows["good.xlsx"]["status"] == rows["zip64.xlsx"]["status"] == "valid"


def test_a_package_with_data_descriptors_stored_parts_and_zip64_headers_passes_and_its_descriptor_is_checked():
    """Data descriptors (LibreOffice writes them: test_official reads its files), stored parts and ZIP64 local
    headers pass; a descriptor that disagrees with the central directory does not."""
    import io
    import zipfile

    from gaischema.extract.readers.package import check_package

    buf = io.BytesIO()

    class Stream(io.RawIOBase):  # not seekable: zipfile writes data descriptors, as LibreOffice does
        def writable(self):
            return True

        def write(self, b):
            return buf.write(b)

    with zipfile.ZipFile(Stream(), "w") as z:
        z.writestr(zipfile.ZipInfo("stored.xml"), b"<a/>" * 1000)
        z.writestr(zipfile.ZipInfo("deflated.xml"), b"<b/>" * 1000, compress_type=zipfile.ZIP_DEFLATED)
        with z.open("zip64.xml", "w", force_zip64=True) as fh:
            fh.write(b"<c/>" * 1000)
    data = buf.getvalue()
    assert all(i.flag_bits & 0x8 for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
    check_package(data, "工作簿", "workbook")
    at = data.index(b"PK\x07\x08", data.index(b"deflated.xml"))
    wrong = data[:at + 4] + bytes(4) + data[at + 8:]  # its CRC zeroed
    with pytest.raises(Exception, match="data descriptor of 'deflated.xml'"):
        check_package(wrong, "工作簿", "workbook")


# ------------------------------------------------------------------------------------- the JavaScript implementation
@pytest.mark.parametrize("version", ["toString", "__proto__", "constructor", "hasOwnProperty"])
def test_js_a_format_version_named_like_an_inherited_property_is_a_normal_finding(js, tmp_path, version):
    p = tmp_path / "r.yaml"
    p.write_text(f"organ: a\nformat_version: {version}\nreport_year: 2023\n", encoding="utf-8")
    proc = js("validate", str(p))
    out = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode == 1 and "SCHEMA-ENUM" in out and "internal error" not in out, out[-2000:]


def test_a_count_beyond_2_53_is_out_of_range_in_both_implementations(js, tmp_path):
    import json

    import yaml

    inst = yaml.safe_load(BEILUN.read_text(encoding="utf-8"))
    inst["applications"]["new_applications"]["total"] = 2**53 + 1
    p = tmp_path / "big.json"
    p.write_text(json.dumps(inst), encoding="utf-8")
    rules = []
    for proc in (js("validate", str(p), "--format", "json"), gaischema("validate", str(p), "--format", "json")):
        assert proc.returncode == 1, proc.stderr.decode()[-2000:]
        found = json.loads(proc.stdout)[0]["findings"]
        rules.append(sorted((f["rule"], f["path"]) for f in found))
    assert rules[0] == rules[1] == [("SCHEMA-MINIMUM", "applications.new_applications.total")]


def test_js_ends_quietly_when_the_reader_goes_away(js):
    from conftest import ROOT

    examples = ROOT / "examples"
    proc = js(f"'{js.node}' src/cli.mjs validate '{examples}' '{examples}' '{examples}' | head -c 100 >/dev/null",
              shell=True)
    assert b"EPIPE" not in proc.stderr and b"Error" not in proc.stderr, proc.stderr.decode()[-2000:]


def test_js_500000_notes_end_at_once_and_5000_are_capped(js, with_notes):
    import json
    import time

    t = time.monotonic()
    proc = js("validate", str(with_notes(500_000)), "--format", "json")
    assert proc.returncode == 2 and b"INPUT-TOO-LARGE" in proc.stdout and time.monotonic() - t < 20
    findings = json.loads(js("validate", str(with_notes(5000)), "--format", "json").stdout)[0]["findings"]
    assert len(findings) == 500 and findings[-1]["message_en"].endswith("(4500 more such findings are not listed)")


def test_js_a_workbook_with_a_huge_part_is_refused_before_it_is_unpacked(js, tmp_path):
    import zipfile

    from gaischema.workbook import build

    p = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        with zipfile.ZipFile(__import__("io").BytesIO(build(None, "v2021"))) as src:
            for info in src.infolist():
                z.writestr(info, src.read(info))
        with z.open("xl/media/huge.bin", "w", force_zip64=False) as fh:
            chunk = bytes(1 << 20)
            for _ in range(200):  # 200 MiB of zeros, a few hundred KB packed
                fh.write(chunk)
    assert p.stat().st_size < 2 << 20
    script = ("import {readWorkbook} from './src/workbook.mjs'; import fs from 'node:fs';"
              f"try {{ await readWorkbook(fs.readFileSync({json_str(p)})); console.log('read'); }}"
              "catch (e) { console.log(e.rule, Math.round(process.memoryUsage().rss / 2**20)); }")
    import subprocess

    proc = subprocess.run([js.node, "--input-type=module", "-e", script], cwd=js.pkg, capture_output=True, timeout=60)
    rule, rss = proc.stdout.decode().split()
    assert rule == "INPUT-TOO-LARGE" and int(rss) < 300, proc.stdout + proc.stderr


def test_js_a_zip_is_read_by_what_it_unpacks_to(js, zip_folder):
    """The JavaScript readers (the validator page's) end every hostile package of tests/zip_packages.py with the
    rule and words Python's readers give, in little memory: a gibibyte part declaring 1,000 bytes took
    400 MiB for 300 MiB before."""
    import json
    import subprocess

    from zip_packages import HOSTILE

    script = ("import {readWorkbookDraft} from './src/workbook.mjs'; import {readDocxDraft} from './src/docx.mjs';"
              "import fs from 'node:fs'; import path from 'node:path'; const out = {};"
              f"const dir = {json_str(zip_folder)};"
              "for (const name of fs.readdirSync(dir)) {"
              "  const read = name.endsWith('.docx') ? readDocxDraft : readWorkbookDraft;"
              "  try { out[name] = ['read', (await read(fs.readFileSync(path.join(dir, name)))).version]; }"
              "  catch (e) { out[name] = [e.rule ?? String(e), e.message_en]; } }"
              "out.rss = process.memoryUsage().rss; console.log(JSON.stringify(out));")
    proc = subprocess.run([js.node, "--input-type=module", "-e", script], cwd=js.pkg, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    out = json.loads(proc.stdout)
    for name, (rule, words) in HOSTILE.items():
        assert out[name][0] == rule and words in out[name][1], (name, out[name])
    assert out["good.xlsx"] == out["zip64.xlsx"] == ["read", "v2021"]
    assert out["rss"] < 300 << 20, out["rss"]


def json_str(p) -> str:
    import json

    return json.dumps(str(p))


# ------------------------------------------------------------------------------------- scale in the parent
def test_an_impossible_year_is_a_finding_not_a_chart_axis(tmp_path):
    import yaml

    from gaischema.report import Corpus, file_records

    corpus = Corpus()
    for year in (1500, 2023):
        inst = yaml.safe_load(BEILUN.read_text(encoding="utf-8"))
        inst["report_year"] = year
        p = tmp_path / f"{year}.yaml"
        p.write_text(yaml.safe_dump(inst, allow_unicode=True), encoding="utf-8")
        record = file_records({"path": str(p), "name": p.name})["reports"][0]
        if year == 1500:
            assert any(f["path"] == "report_year" for f in record["result"]["findings"])
        corpus.add(record)
    assert sorted(corpus.by_year) == [2023] and len(corpus.rows) == 2


@pytest.mark.parametrize("mode,want", [("errors", 1), ("all", 2), ("none", 0)])
def test_renderings_only_for_reports_with_findings_or_as_asked(tmp_path, mode, want):
    invalid = EXAMPLES / "invalid" / "AnnualReport-meta-fee-amount.yaml"
    proc = gaischema("report", str(BEILUN), str(invalid), "-o", str(tmp_path / "p.html"), "--no-cache",
                     "--renderings", mode)
    assert proc.returncode == 1, proc.stderr.decode(errors="replace")[-2000:]
    assert len(list((tmp_path / "p_files" / "r").iterdir())) == want
