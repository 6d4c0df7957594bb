"""The Dask path's limited subprocesses (#28): each Dask worker thread keeps one from file to file, as the local
pool keeps its workers, with the local pool's limits — and none outlives its run, its thread or its worker,
nor holds another program's pipe open (the suite once hung at its end beside such a kept subprocess, which held
the browser driver's standard input: the driver never saw end-of-file and the session's teardown waited)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, gaischema

distributed = pytest.importorskip("distributed", reason="the dask extra (pip install 'gaischema[dask]')")
psutil = pytest.importorskip("psutil")

BEILUN = EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml"
LIMITS = {"memory": 1 << 30, "cpu": 20.0, "wall": 40.0}


def _children() -> set[int]:
    return {p.pid for p in psutil.Process().children() if p.status() != psutil.STATUS_ZOMBIE}


def _gone(pids: set[int], seconds: float = 10.0) -> set[int]:
    """Those of ``pids`` still alive (and not yet reaped) after up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while (left := pids & _children()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _cluster(threads: int = 1):
    """A Dask cluster in this process (its worker threads fork their subprocesses from here), on TCP so that
    the command line can reach it."""
    return distributed.LocalCluster(n_workers=1, threads_per_worker=threads, processes=False, protocol="tcp",
                                    host="127.0.0.1", dashboard_address=None)


def test_files_on_one_dask_worker_thread_share_one_limited_subprocess_that_ends_with_the_cluster():
    """Two files on one worker thread: one limited subprocess, kept between them (a subprocess forked afresh
    per file paid the imports and the OCR models per file: 2.6 times the local pool's CPU); it is neither the
    Dask worker itself nor left behind when the cluster closes, though nothing here unregisters anything."""
    from gaischema.report.collection import limited_file_records

    before = _children()
    task = {"path": str(BEILUN), "name": "b.yaml", "limits": LIMITS}
    with _cluster() as cluster, distributed.Client(cluster) as client:
        first = client.submit(limited_file_records, task, pure=False).result()
        after_first = _children() - before
        second = client.submit(limited_file_records, {**task, "name": "c.yaml"}, pure=False).result()
        after_second = _children() - before
    assert first["reports"][0]["result"]["valid"] and second["reports"][0]["result"]["valid"]
    assert len(after_first) == 1 and after_second == after_first  # the same subprocess for both files
    assert not _gone(after_first), "a kept subprocess outlived its Dask cluster"


def _wide(folder: Path) -> None:
    """A real hostile file (ten tables of 20,000 cells, five times: just under the 10 MiB size limit, it needs
    about 400 MiB to read) beside a valid report."""
    import layout
    from test_hostile import HTML_ATTACKS

    from conftest import load

    folder.mkdir()
    (folder / "wide.html").write_text("<html>" + HTML_ATTACKS["wide-rows.html"][0] * 5 + "</html>", encoding="utf-8")
    (folder / "b.html").write_text(layout.as_html(load(BEILUN)), encoding="utf-8")


def _rows(page: Path) -> list[dict]:
    text = page.read_text(encoding="utf-8")
    rows = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', text, re.S)
                      .group(1).replace("<\\/", "</"))
    return sorted(({k: v for k, v in r.items() if k not in ("link", "source")} for r in rows), key=lambda r: r["file"])


def test_a_file_over_the_limits_on_dask_is_too_complex_as_locally_and_no_subprocess_stays(tmp_path):
    """--max-memory 64: the wide file's reader needs more; both pages show it as an INPUT-TOO-COMPLEX row (one
    place turns a limit into it), the valid file beside it read alike by the replaced subprocess, and when the
    run ends its kept subprocesses end too (the run's WorkerPlugin), the cluster still up. On both the memory
    limit stops it (a subprocess forked from the Dask worker, this process, reused its free heap and read for
    60 CPU s). A program whose standard input this process writes sees end-of-file when this process closes
    it, kept subprocesses or not (the hang)."""
    _wide(tmp_path / "in")
    local = gaischema("report", str(tmp_path / "in"), "-o", str(tmp_path / "local.html"), "--no-cache",
                      "--max-memory", "64", "--max-seconds", "20")
    assert local.returncode == 1, local.stderr.decode(errors="replace")[-2000:]
    before = _children()
    reader = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.buffer.read()"], stdin=subprocess.PIPE)
    try:
        with _cluster(threads=2) as cluster:
            proc = gaischema("report", str(tmp_path / "in"), "-o", str(tmp_path / "dask.html"), "--no-cache",
                             "--max-memory", "64", "--max-seconds", "20", "--scheduler", cluster.scheduler_address)
            left = _gone(_children() - before - {reader.pid}, 5.0)
            reader.stdin.close()  # as the browser fixture's teardown closes its driver's input
            reader.wait(timeout=10)
    finally:
        reader.kill()
    assert proc.returncode == 1, proc.stderr.decode(errors="replace")[-2000:]
    rows, local_rows = _rows(tmp_path / "dask.html"), _rows(tmp_path / "local.html")
    assert rows[0] == local_rows[0]  # the valid file
    assert [r["status"] for r in rows] == [r["status"] for r in local_rows] == ["valid", "unreadable"]
    assert rows[1]["rules"] == local_rows[1]["rules"] == ["INPUT-TOO-COMPLEX"]
    assert "memory limit (64 MiB)" in local_rows[1]["notes"] and "memory limit (64 MiB)" in rows[1]["notes"]
    assert not left, "the run's kept subprocesses outlived it"


def test_a_kept_subprocess_ends_with_its_thread_and_holds_no_pipe_of_its_parent():
    """Outside Dask too: a thread's kept subprocess dies with the thread (its pool collected, and
    PR_SET_PDEATHSIG), and every pipe the parent had open when it was forked is /dev/null in it."""
    import threading

    from gaischema import sandbox

    r, w = os.pipe()
    got: dict = {}

    def work():
        with sandbox.kept(_fds) as pool:
            got["fds"] = next(pool.imap([None], lambda item, exc: exc))
        got["pid"] = pool.workers[0].pid

    try:
        t = threading.Thread(target=work)
        t.start()
        t.join()
        assert not _gone({got["pid"]}), "a kept subprocess outlived its thread"
        assert "pipe:" not in " ".join(got["fds"].values()), got["fds"]
    finally:
        os.close(r)
        os.close(w)


def _fds(_item) -> dict[str, str]:
    out = {}
    for n in os.listdir("/proc/self/fd"):
        if int(n) > 2:
            try:
                out[n] = os.readlink(f"/proc/self/fd/{n}")
            except OSError:
                pass
    return out


def _blocks(n: int) -> int:
    """The page faults of n 1 MiB blocks written in full (256 pages each) and freed one by one."""
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(n):
        block = b"x" * (1 << 20)
        del block
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def _in_a_thread(fn, *args):
    """fn(*args) in a thread of its own, as a Dask worker's thread runs a task: its kept pool ends with it."""
    import threading

    got: dict = {}

    def run():
        try:
            got["value"] = fn(*args)
        except Exception as exc:  # noqa: BLE001 - raised again in the caller's thread
            got["error"] = exc

    t = threading.Thread(target=run)
    t.start()
    t.join()
    if "error" in got:
        raise got["error"]
    return got["value"]


def _kept_once(fn, item, limits=None):
    from gaischema import sandbox

    with sandbox.kept(fn, limits) as pool:
        return next(pool.imap([item], lambda item, exc: f"{exc.limit} limit"))


def test_a_kept_worker_allocates_as_usual_under_dasks_malloc_tuning(monkeypatch):
    """A Dask worker runs with MALLOC_TRIM_THRESHOLD_=65536, which also fixes glibc's mmap threshold at 128
    KiB: each 1 MiB block was mapped afresh, 256 page faults each (the reader spent 1.6 times the local pool's
    CPU). The kept worker starts without that tuning: 200 such blocks cost a handful of faults, not 51,200."""
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    faults = _in_a_thread(_kept_once, _blocks, 200)
    assert 0 <= faults < 200 * 256 // 10, faults


def _grow(mib: int) -> str:
    """Up to ``mib`` 1 MiB blocks kept; how many it got before the memory limit."""
    got = []
    try:
        for _ in range(mib):
            got.append(b"x" * (1 << 20))
    except MemoryError:
        return f"stopped at {len(got)} MiB"
    return f"all {len(got)} MiB"


def _with_free_heap(mib: int, fn, *args):
    """fn(*args) in a thread whose process holds ``mib`` MiB of free heap in that thread's malloc arena (a
    long-lived Dask worker's, a test session's): 100 kB blocks allocated and freed, one kept above them so the
    heap is not trimmed."""
    def run():
        blocks = [bytearray(100_000) for _ in range(mib * 10)]
        keep = bytearray(100_000)
        del blocks
        try:
            return fn(*args)
        finally:
            del keep

    return _in_a_thread(run)


def test_a_kept_worker_meets_its_memory_limit_however_much_free_heap_its_process_holds():
    """The kept worker's --max-memory is what the local pool's is: under 64 MiB a reader that wants 400 MiB is
    stopped near 64 MiB, though the Dask worker (here this process) holds 300 MiB of free heap in the thread's
    arena. A forked worker reused that free heap, and its arena's reserved tail, without adding address space:
    it got 126 MiB here, and about 400 MiB in the report run below."""
    from gaischema import sandbox

    got = _with_free_heap(300, _kept_once, _grow, 400, sandbox.Limits(memory=64 << 20, cpu=20, wall=40))
    assert got.startswith("stopped at"), got
    assert 32 <= int(got.split()[2]) <= 72, got




def test_a_work_function_a_fresh_worker_cannot_import_is_the_callers_error_not_the_files(monkeypatch):
    """A function of a module that exists only in this process (made at run time): the fresh worker cannot
    load it, and says so — the caller gets a WorkerError naming it, not an INPUT-TOO-COMPLEX crash charged to
    the file it was given."""
    import types

    from gaischema import sandbox

    module = types.ModuleType("made_at_run_time")
    exec("def work(item):\n    return item\n", module.__dict__)
    monkeypatch.setitem(sys.modules, "made_at_run_time", module)
    with pytest.raises(sandbox.WorkerError, match="made_at_run_time.work"):
        _in_a_thread(_kept_once, module.work, "a file")
