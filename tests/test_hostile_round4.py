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

from conftest import EXAMPLES, FIXTURES, gaischema

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
