"""Untrusted work in worker processes with limits of their own: a supervised pool.

Why: the parsers under the extractor (pdfium, openpyxl, the XML and HTML parsers, our own readers) and even
YAML were not written to be hostile-proof, and mending attacks one by one leaves the next one to find another.
As Apache Tika's ForkParser and browsers' sandboxed decoders do, every item runs in a forked worker whose
address space (``RLIMIT_AS``) and CPU time (``RLIMIT_CPU``) are limited in the worker itself, before it reads
anything, and whose wall time the parent watches. A worker that hits a limit is ended and replaced; its item
gets the caller's ``failed`` result naming the limit (``INPUT-TOO-COMPLEX``), and the run goes on. Results come
in completion order, so one slow file never holds back the others (``ordered=True``: in item order, for
outputs that must be reproducible, with the work still spread).

Cost: workers are forked once (they share the parent's compiled engine, copy on write) and kept; items go out
in small batches over a socket, one result back per item; the per-item CPU limit is one ``setrlimit`` call.
An item queued behind one that runs long is handed to an idle worker (and skipped by the first), so a batch
never holds files hostage. Where ``os.fork`` does not exist (Windows) the items run in this process, unlimited.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import functools
import importlib
import json
import math
import mmap
import os
import signal
import stat
import struct
import sys
import tempfile
import threading
import time
import weakref
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe, wait
from typing import Any, Callable, Iterable, Iterator, NoReturn

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

__all__ = ["Limits", "LimitExceeded", "Pool", "WorkerError", "allow", "close_kept", "default_limits", "here", "kept",
           "set_default_limits"]

MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Per item: ``memory`` bytes of address space a worker may add to what it holds when it starts (the
    parent's compiled engine, shared), ``cpu`` seconds of CPU time and ``wall`` seconds of wall time (more
    than the CPU time: on a busy machine a worker waits for its turn). The defaults keep a hostile file
    within the README's promise: an end within 30 s and 1 GiB."""

    memory: int = 1024 * MIB
    cpu: float = 12.0
    wall: float = 24.0

    @classmethod
    def of(cls, memory_mib: int | None = None, seconds: float | None = None) -> Limits:
        """The limits of the command line's --max-memory MiB and --max-seconds S (CPU S, wall 2 S)."""
        base = cls()
        return cls(memory=base.memory if memory_mib is None else memory_mib * MIB,
                   cpu=base.cpu if seconds is None else seconds,
                   wall=base.wall if seconds is None else 2 * seconds)


_DEFAULT = [Limits()]


def default_limits() -> Limits:
    """The limits pools use when none are given (the command line sets them from --max-memory/--max-seconds)."""
    return _DEFAULT[0]


def set_default_limits(limits: Limits) -> None:
    _DEFAULT[0] = limits


class LimitExceeded(Exception):
    """An item's worker hit a limit: ``limit`` is memory, cpu, wall or crash (the worker ended otherwise,
    ``detail`` says how)."""

    def __init__(self, limit: str, limits: Limits, detail: str = ""):
        super().__init__(f"{limit} {detail}".strip())
        self.limit, self.limits, self.detail = limit, limits, detail


class WorkerError(RuntimeError):
    """The work function raised in a worker (a bug: work functions return their errors as results)."""


_OUT_OF_MEMORY = 75  # a worker's exit status: a MemoryError it could not answer (an exit status 1 said "crash")
_SLOT = struct.Struct("qd")  # a worker's shared slot: the item it works on (-1: none) and since when (monotonic)
_IN_WORKER: dict = {}  # in a worker: its slot and the limits of the item it is on (see allow)


def allow(memory: int, cpu: float) -> None:
    """Widen this item's limits for work known to be heavy and declared by its reader — OCR loads its
    models (over 1 GiB of address space) and reads pages for seconds each: the item may use ``memory`` bytes
    of address space more than the worker held when it started, and ``cpu`` more seconds of CPU and of wall
    time. A budget per item, not a widening per call: called again for the same item (a picture after a
    picture), the item's allowance becomes the larger of the two, never their sum — so a file cannot widen its
    limits without end by asking once per page. Within the hard limits the worker inherited; the user's
    --max-memory/--max-seconds still bound every other item. Outside a limited worker it does nothing."""
    slot = _IN_WORKER.get("slot")
    if slot is None or resource is None:
        return
    n, since = _SLOT.unpack_from(slot, 0)
    if n < 0:
        return
    item, had_memory, had_cpu = _IN_WORKER.get("allowed") or (-1, 0, 0.0)
    if item != n or not _IN_WORKER.get("widened"):
        had_memory, had_cpu = 0, 0.0
    memory, cpu = max(memory, had_memory), max(cpu, had_cpu)
    more_cpu = cpu - had_cpu
    _IN_WORKER["allowed"] = (n, memory, cpu)
    _IN_WORKER["widened"] = True
    if hasattr(resource, "RLIMIT_AS"):
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = _IN_WORKER["base"] + memory
        if soft != resource.RLIM_INFINITY and want > soft:
            resource.setrlimit(resource.RLIMIT_AS, (want if hard == resource.RLIM_INFINITY else min(want, hard), hard))
    if more_cpu <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if soft != resource.RLIM_INFINITY:
        want = math.ceil(soft + more_cpu)
        resource.setrlimit(resource.RLIMIT_CPU, (want if hard == resource.RLIM_INFINITY else min(want, hard), hard))
        _IN_WORKER["cpu_set"][0] = -1  # the next item's limit is set anew
    _SLOT.pack_into(slot, 0, n, since + more_cpu)  # the parent's wall clock for this item starts later by as much


class _Stopped(BaseException):
    """Raised by the signal handlers of :func:`here` (a BaseException: no ``except Exception`` in the work
    swallows it); turned into LimitExceeded when the block ends."""

    def __init__(self, limit: str):
        super().__init__(limit)
        self.limit = limit


@contextlib.contextmanager
def here(limits: Limits | None = None) -> Iterator[None]:
    """The pool's limits for one item run in this process (a small file, where a fork would cost more than the
    work): CPU time by RLIMIT_CPU's SIGXCPU, wall time by a timer, memory by RLIMIT_AS, each turned into
    LimitExceeded; every limit and handler put back afterwards. Only in the main thread and where the
    resource module exists; elsewhere it limits nothing (callers send such items to a worker instead)."""
    limits = limits or default_limits()
    if resource is None or not hasattr(signal, "SIGXCPU") or not _main_thread():
        yield
        return

    def stop(limit: str):
        def handler(signum, frame):
            raise _Stopped(limit)
        return handler

    old_cpu = resource.getrlimit(resource.RLIMIT_CPU)
    old_as = resource.getrlimit(resource.RLIMIT_AS) if hasattr(resource, "RLIMIT_AS") else None
    handlers = {sig: signal.signal(sig, stop(name)) for sig, name in ((signal.SIGXCPU, "cpu"), (signal.SIGALRM, "wall"))}
    try:
        cpu = math.ceil(sum(os.times()[:2]) + limits.cpu)
        if old_cpu[1] == resource.RLIM_INFINITY or cpu < old_cpu[1]:
            resource.setrlimit(resource.RLIMIT_CPU, (cpu if old_cpu[0] == resource.RLIM_INFINITY else min(cpu, old_cpu[0]),
                                                     old_cpu[1]))
        if old_as is not None:
            try:
                with open("/proc/self/statm", encoding="ascii") as fh:
                    held = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
                want = held + limits.memory
                if old_as[0] == resource.RLIM_INFINITY or want < old_as[0]:
                    resource.setrlimit(resource.RLIMIT_AS, (want, old_as[1]))
            except (OSError, ValueError):
                pass
        signal.setitimer(signal.ITIMER_REAL, limits.wall)
        try:
            yield
        except _Stopped as exc:
            raise LimitExceeded(exc.limit, limits) from None
        except MemoryError:
            raise LimitExceeded("memory", limits) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        resource.setrlimit(resource.RLIMIT_CPU, old_cpu)
        if old_as is not None:
            resource.setrlimit(resource.RLIMIT_AS, old_as)
        for sig, old in handlers.items():
            signal.signal(sig, old)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@dataclass
class _Worker:
    pid: int
    conn: Connection
    slot: mmap.mmap  # shared with the worker: which item it is on, since when (no message per item)
    queue: deque = field(default_factory=deque)  # item numbers sent and not yet answered, in the worker's order
    killed: str = ""  # the limit the parent ended it for
    reported: bool = False  # it said itself which limit it hit (memory)

    def current(self) -> tuple[int, float]:
        return _SLOT.unpack_from(self.slot, 0)


class Pool:
    """``fn`` over items in ``jobs`` limited workers (see the module docstring). Use as a context manager, or
    call :meth:`close`; :meth:`imap` may be called more than once."""

    def __init__(self, fn: Callable[[Any], Any], jobs: int = 1, limits: Limits | None = None, batch: int = 1,
                 steal_after: float = 1.0, fresh: bool = False):
        self.fn, self.jobs, self.batch, self.steal_after = fn, max(1, jobs), max(1, batch), steal_after
        self.limits = limits or default_limits()
        self.workers: list[_Worker] = []
        self.in_use = threading.Lock()  # held by a kept pool's thread while it maps (see kept, close_kept)
        self.fresh = fresh  # workers are fresh interpreters, not forks of this process (see kept)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------ workers
    def _spawn(self) -> _Worker:
        if self.fresh:
            return self._start_fresh()
        parent, child = Pipe()
        slot = _new_slot(mmap.mmap(-1, _SLOT.size))  # anonymous and shared: the worker writes, the parent reads
        others = [w.conn for w in self.workers]
        die_with_thread = _death_signal()
        me = os.getpid()
        held = _hold_interrupts()
        pid = os.fork()
        if pid == 0:  # the worker: never returns

            def work() -> None:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle (see _serve)
                _release_interrupts(held)
                parent.close()
                for c in others:  # so that a worker sees EOF when the parent is gone
                    c.close()
                _detach(child.fileno(), die_with_thread, me)
                _serve(child, slot, self.fn, self.limits, self.batch)

            _worker_main(work)
        try:
            child.close()
            w = _Worker(pid, parent, slot)
            self.workers.append(w)
        finally:  # a Ctrl-C that came during the fork is raised now, with the worker the pool's to end
            _release_interrupts(held)
        return w

    def _start_fresh(self) -> _Worker:
        """A worker that is a new interpreter (posix_spawn of this Python), not a fork: it holds nothing of this
        process — no free heap to reuse without adding address space, no descriptor, no thread's arena — so its
        memory limit means what it says however large this process has grown (see kept). It is handed its
        connection and its slot as descriptors, this process's ``sys.path``, the work function by name, and the
        limits; glibc's malloc tuning in the environment (a Dask worker's) is left out of its environment."""
        parent, child = Pipe()
        with _shared_file() as fh:  # the slot: a file both map, as the fork's anonymous map is shared
            fh.truncate(_SLOT.size)
            slot = _new_slot(mmap.mmap(fh.fileno(), _SLOT.size))
            conn_fd = max(child.fileno(), fh.fileno()) + 1  # above both: a dup2 onto itself would keep CLOEXEC
            path = [os.fspath(p) for p in sys.path if isinstance(p, (str, os.PathLike))]  # a Path some tool put there
            args = {"fn": [self.fn.__module__, self.fn.__qualname__], "path": path, "parent": os.getpid(),
                    "conn": conn_fd, "slot": conn_fd + 1, "batch": self.batch,
                    "limits": [self.limits.memory, self.limits.cpu, self.limits.wall]}
            env = {k: v for k, v in os.environ.items() if k not in _MALLOC_ENVIRON}
            try:
                pid = os.posix_spawn(sys.executable, [sys.executable, "-c", _FRESH_MAIN, json.dumps(args)], env,
                                     file_actions=[(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                                                   (os.POSIX_SPAWN_DUP2, child.fileno(), conn_fd),
                                                   (os.POSIX_SPAWN_DUP2, fh.fileno(), conn_fd + 1)],
                                     setsigmask={signal.SIGINT})  # Ctrl-C is the parent's: held until ignored
            finally:
                child.close()
        w = _Worker(pid, parent, slot)
        self.workers.append(w)
        return w

    def _end(self, w: _Worker) -> str:
        """Reap a worker that is gone (or end it); the reason it ended, for its current item."""
        with contextlib.suppress(OSError):
            w.conn.close()
        if w.killed:
            _kill(w.pid)
        _, status = _waitpid(w.pid)
        self.workers.remove(w)
        if w.killed:
            return w.killed
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _OUT_OF_MEMORY:
            return "memory"
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == getattr(signal, "SIGXCPU", None):
                return "cpu"
            return "crash:" + _signal_name(sig)
        return "crash:exit status %d" % os.WEXITSTATUS(status) if os.WIFEXITED(status) else "crash:"

    def close(self) -> None:
        """End every worker at once (also on Ctrl-C, and when the caller stops reading)."""
        _end_workers(self.workers)

    # ------------------------------------------------------------------------------------------ the map
    def imap(self, items: Iterable, failed: Callable[[Any, LimitExceeded], Any], ordered: bool = False) -> Iterator:
        """fn(item) for every item, once each, in completion order (or item order); an item whose worker hit a
        limit yields ``failed(item, LimitExceeded)``. ``items`` may be lazy: they are taken as workers need them."""
        source = iter(items)
        exhausted = False
        pending: deque = deque()  # (number, item) not yet sent, requeued ones first
        open_items: dict[int, Any] = {}  # number -> item, until its result is in
        count = 0
        ready_out: dict[int, Any] = {}  # ordered: results waiting for their turn
        next_out = 0
        window = 64 * self.jobs * self.batch
        out: list = []
        limits = self.limits

        def take() -> tuple[int, Any] | None:
            nonlocal exhausted, count
            while pending:
                job = pending.popleft()
                if job[0] in open_items:
                    return job
            if exhausted or (ordered and count - next_out >= window):
                return None
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                return None
            count += 1
            open_items[count - 1] = item
            return count - 1, item

        def emit(n: int, value: Any) -> None:
            del open_items[n]
            if ordered:
                ready_out[n] = value
            else:
                out.append(value)

        def send(w: _Worker, batch: list) -> None:
            w.queue.extend(n for n, _ in batch)
            with contextlib.suppress(OSError):  # a worker gone meanwhile: its EOF requeues the batch
                w.conn.send(("run", batch))

        def waiting(w: _Worker, n: int) -> list[int]:
            """The items sent to a worker that it has not begun: those after the one it is on."""
            q = list(w.queue)
            return q[q.index(n) + 1:] if n in w.queue else q

        def steal(now: float) -> None:
            """Take back the items queued behind one that runs long (its worker skips them): another worker
            gets them."""
            for v in self.workers:
                n, since = v.current()
                if n >= 0 and now - since > self.steal_after and (moved := waiting(v, n)):
                    for m in moved:
                        v.queue.remove(m)
                    with contextlib.suppress(OSError):
                        v.conn.send(("skip", moved))
                    pending.extendleft((m, open_items[m]) for m in reversed(moved) if m in open_items)

        def gone(w: _Worker) -> None:
            n, _ = w.current()
            reason = self._end(w)
            if n >= 0 and n in w.queue and not w.reported:
                w.queue.remove(n)
                if n in open_items:
                    limit, _, detail = reason.partition(":")
                    emit(n, failed(open_items[n], LimitExceeded(limit, limits, detail)))
            for m in reversed(w.queue):  # the rest (and results it had not sent yet) go to another worker
                if m in open_items:
                    pending.appendleft((m, open_items[m]))
            w.slot.close()

        while True:
            now = time.monotonic()
            steal(now)
            # feed: a worker holds its current batch and the next (so it never waits for the parent), but no
            # more behind an item that runs long
            for w in list(self.workers) + [None] * (self.jobs - len(self.workers)):
                if w is not None:
                    n, since = w.current()
                    if len(w.queue) > self.batch or (n >= 0 and now - since > self.steal_after):
                        continue
                batch = []
                while len(batch) < self.batch and (job := take()) is not None:
                    batch.append(job)
                if not batch:
                    break
                send(w or self._spawn(), batch)
            if ordered:
                while next_out in ready_out:
                    out.append(ready_out.pop(next_out))
                    next_out += 1
            if out:
                yield from out
                out.clear()
            if exhausted and not pending and not open_items:
                return
            now = time.monotonic()
            wake = []
            for w in self.workers:
                n, since = w.current()
                if n >= 0:
                    wake.append(since + (self.steal_after if waiting(w, n) else limits.wall))
            timeout = min(max(0.0, min(wake, default=now + 1.0) - now), 1.0)
            for conn in wait([w.conn for w in self.workers], timeout):
                w = next(x for x in self.workers if x.conn is conn)
                try:
                    answers = conn.recv()
                except (EOFError, OSError):
                    gone(w)
                    continue
                for n, status, value in answers:
                    if n in w.queue:
                        w.queue.remove(n)
                    if status == "error":
                        raise WorkerError(value)
                    if status == "memory":
                        w.reported = True
                        if n in open_items:
                            emit(n, failed(open_items[n], LimitExceeded("memory", limits)))
                    elif n in open_items:
                        emit(n, value)
            now = time.monotonic()
            for w in list(self.workers):
                n, since = w.current()
                if n >= 0 and now - since > limits.wall:
                    w.killed = "wall"
                    gone(w)


def _hold_interrupts() -> set | None:
    """Block Ctrl-C (SIGINT) in this thread for the length of a fork; the signals blocked before, or None
    where there is no signal mask. CPython runs the at-fork hooks (logging's lock release) in the parent right
    after ``os.fork``, and a KeyboardInterrupt raised inside one is printed as "Exception ignored" and lost: a
    Ctrl-C landing there let ``export -j 2`` run to its end. Held, it stays pending and is raised on release."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _release_interrupts(held: set | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@functools.lru_cache(maxsize=1)
def _death_signal() -> Callable[[], None] | None:
    """Linux's PR_SET_PDEATHSIG as a call for a forked worker: SIGKILL when the thread that forked it ends (the
    process, or a Dask worker's thread that kept it). Loaded in the parent, once, before the fork; None
    elsewhere."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if hasattr(libc, "prctl") and os.uname().sysname == "Linux":
            return lambda: libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError, ImportError):  # pragma: no cover - not Linux
        pass
    return None


def _detach(keep: int, die_with_thread: Callable[[], None] | None, parent: int) -> None:
    """In a new worker: what ties it to processes other than its parent is let go. It is a copy of its parent,
    every open descriptor included — a pipe to another program's standard input (a browser driver, a
    subprocess), a Dask worker's sockets — and a worker that lives on (a pool kept between tasks) would keep
    those ends open, so that program never sees end-of-file and whoever waits for it waits for ever (the test
    suite hung so, at its end, beside a kept worker holding the browser driver's standard input). Every
    inherited pipe and socket but the worker's own connection and standard input, output and error is pointed
    at /dev/null (not closed: a descriptor number the parent's objects still name is never reused for another
    file). The worker also dies with the thread that started it (PR_SET_PDEATHSIG), and when its connection
    closes; it ends at once where its parent (``parent``, the pid the parent had) is already gone, as nothing
    would signal it any more."""
    if die_with_thread is not None:
        die_with_thread()
        if os.getppid() != parent:
            os._exit(0)
    try:
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    null = None
    try:
        for fd in fds:
            if fd <= 2 or fd == keep or fd == null:
                continue
            try:
                mode = os.fstat(fd).st_mode
            except OSError:
                continue
            if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
                if null is None:
                    null = os.open(os.devnull, os.O_RDWR)
                os.dup2(null, fd, inheritable=False)
    finally:
        if null is not None:
            os.close(null)


# glibc's malloc tuning a Dask worker is started with (``distributed.nanny.pre-spawn-environ``: a long-lived
# worker gives memory back). MALLOC_TRIM_THRESHOLD_=65536 also fixes the mmap threshold at 128 KiB: every larger
# block (a page's bitmap, an OCR image) is then mapped afresh and the heap trimmed at each free — a reader so
# tuned spent 1.6 times the CPU of the local pool's on the same files. A fresh worker starts without it.
_MALLOC_ENVIRON = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")

_FRESH_MAIN = ("import json, sys; args = json.loads(sys.argv[1]); sys.path[:] = args['path']; "
               "from gaischema.sandbox import _fresh_worker; _fresh_worker(args)")


def _shared_file():
    """An unnamed file for a fresh worker's slot: in memory where Linux has memfd_create (no file in a
    temporary folder that may be read-only or full), else an unlinked temporary file."""
    if hasattr(os, "memfd_create"):
        with contextlib.suppress(OSError):
            return open(os.memfd_create("gaischema-slot"), "w+b", buffering=0)
    return tempfile.TemporaryFile(buffering=0)


def _fresh_worker(args: dict) -> NoReturn:
    """A fresh worker's start (see Pool._start_fresh): Ctrl-C ignored, tied to the thread that started it,
    then :func:`_serve` as a forked worker does. Never returns. A work function it cannot import is an error
    its parent raises (WorkerError), not a crash charged to the first file."""
    def work() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        conn = Connection(args["conn"])
        _detach(args["conn"], _death_signal(), args["parent"])
        slot = mmap.mmap(args["slot"], _SLOT.size)
        os.close(args["slot"])
        module, name = args["fn"]
        try:
            fn = _lookup(importlib.import_module(module), name)
            if not callable(fn):
                raise TypeError("not a function")
        except Exception as exc:  # noqa: BLE001 - said to the parent, which raises it
            conn.send([(-1, "error", f"a fresh worker cannot load {module}.{name}: {type(exc).__name__}: {exc}")])
            return
        memory, cpu, wall = args["limits"]
        _serve(conn, slot, fn, Limits(memory, cpu, wall), args["batch"])

    _worker_main(work)


def _worker_main(work: Callable[[], None]) -> NoReturn:
    """A worker's whole life, forked or fresh: ``work``, then the exit status its parent reads — 0, or
    _OUT_OF_MEMORY for a MemoryError no answer could be sent for (the parent names the memory limit), or 1.
    Nothing of the parent's code runs after it (no traceback, no atexit hook of the parent's)."""
    code = 0
    try:
        work()
    except MemoryError:
        code = _OUT_OF_MEMORY
    except BaseException:  # noqa: BLE001 - a worker ends with a status, never a traceback
        code = 1
    finally:
        os._exit(code)


def _new_slot(slot: mmap.mmap) -> mmap.mmap:
    """A worker's slot, mapped shared by the caller: on no item yet."""
    _SLOT.pack_into(slot, 0, -1, 0.0)
    return slot


# ------------------------------------------------------------------------------------------ kept pools
class _Kept(threading.local):
    pool: Pool | None = None


_KEPT = _Kept()
_KEPT_ALL: weakref.WeakSet = weakref.WeakSet()
_KEPT_LOCK = threading.Lock()


@contextlib.contextmanager
def kept(fn: Callable[[Any], Any], limits: Limits | None = None) -> Iterator[Pool]:
    """This thread's pool of one limited worker for ``fn``, kept from call to call, as a local pool keeps its
    workers — for a thread that is handed one item at a time (a Dask worker's), where a worker started afresh
    per item would pay the imports and the OCR models per file. Its limits are the pool's: a worker that hits
    one is replaced. It ends with the thread (the pool is collected: its worker killed and reaped; the worker
    also has PR_SET_PDEATHSIG), at :func:`close_kept` and at exit.

    Its worker is a fresh interpreter (Pool._start_fresh), not a fork of this process: a thread's process may
    be large and long-lived (a Dask worker, a test session), and a fork inherits its free heap and its threads'
    malloc arenas, which the fork reuses without adding address space — under --max-memory 64 a forked reader
    used some 400 MiB before the CPU limit stopped it, while the local pool (forked from a small command-line
    process) stopped it at 64 MiB. ``fn`` must be found by name for that (a module's function); one that
    cannot (a script's ``__main__``, a closure) gets forked workers, whose memory limit counts new address
    space only."""
    limits = limits or default_limits()
    pool = _KEPT.pool
    if pool is None or pool.fn is not fn or pool.limits != limits:
        if pool is not None:
            with pool.in_use:
                pool.close()
        pool = Pool(fn, 1, limits, fresh=_by_name(fn))
        weakref.finalize(pool, _end_workers, pool.workers)  # the thread ended (or the interpreter exits)
        with _KEPT_LOCK:
            _KEPT_ALL.add(pool)
        _KEPT.pool = pool
    with pool.in_use:
        yield pool


def _by_name(fn: Callable) -> bool:
    """Whether a fresh interpreter can find ``fn`` by its module and qualified name (and start at all)."""
    module, name = getattr(fn, "__module__", None), getattr(fn, "__qualname__", "")
    return (hasattr(os, "posix_spawn") and bool(sys.executable) and bool(module) and module != "__main__"
            and "<" not in name and sys.modules.get(module) is not None and _lookup(sys.modules[module], name) is fn)


def _lookup(obj: Any, name: str) -> Any:
    for part in name.split("."):
        obj = getattr(obj, part, None)
    return obj


def close_kept() -> int:
    """End the workers of every kept pool of this process that is not in use (one in use keeps its worker
    until its thread ends or the next call); the number of workers ended. A pool closed so starts a new worker
    when next used."""
    with _KEPT_LOCK:
        pools = list(_KEPT_ALL)
    ended = 0
    for pool in pools:
        if pool.in_use.acquire(blocking=False):
            try:
                ended += len(pool.workers)
                pool.close()
            finally:
                pool.in_use.release()
    return ended


def _end_workers(workers: list) -> None:
    for w in list(workers):
        _kill(w.pid)
        with contextlib.suppress(OSError):
            w.conn.close()
        _waitpid(w.pid)
    workers.clear()


def _serve(conn: Connection, slot: mmap.mmap, fn: Callable, limits: Limits, batch: int) -> None:
    """A worker's loop: limits first, then items until the parent closes the connection. Results go back in
    groups (up to ``batch``, and at least every 50 ms, and whenever the worker is about to wait); which item it
    is on is in the shared slot, so a worker ended mid-item is charged for the right one."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the workers
    faulthandler.disable()  # a reader that crashes is its file's one line, not a dump on standard error
    for sig in ("SIGTERM", "SIGPIPE", "SIGXCPU"):
        if hasattr(signal, sig):
            signal.signal(getattr(signal, sig), signal.SIG_DFL)
    base = _limit_memory(limits.memory)
    queue: deque = deque()
    skip: set = set()
    answers: list = []
    flushed = time.monotonic()
    cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)[1] if resource is not None else None
    cpu_set = [-1]
    _IN_WORKER.update(slot=slot, base=base, cpu_set=cpu_set)
    while True:
        if answers and (not queue or len(answers) >= batch or time.monotonic() - flushed > 0.05):
            try:
                conn.send(answers)
            except MemoryError:  # a result too large to send: those items hit the memory limit
                conn.send([(m, "memory", None) for m, _, _ in answers])
                return
            answers, flushed = [], time.monotonic()
        while not queue or conn.poll():
            try:
                kind, payload = conn.recv()
            except (EOFError, OSError):
                return
            if kind == "run":
                queue.extend(payload)
            else:
                skip.update(payload)
        n, item = queue.popleft()
        if n in skip:
            skip.discard(n)
            continue
        if _IN_WORKER.get("widened"):  # the item before widened its limits (allow): back to the pool's
            _limit_memory(limits.memory, base)
            _IN_WORKER["widened"] = False
        _limit_cpu(limits.cpu, cpu_hard, cpu_set)
        _SLOT.pack_into(slot, 0, n, time.monotonic())
        out_of_memory = False
        try:
            answers.append((n, "ok", fn(item)))
        except MemoryError:  # answered below, once the traceback and the frames holding the memory are let go
            out_of_memory = True
        except Exception as exc:  # noqa: BLE001 - the parent raises it: a bug in the work function
            answers.append((n, "error", f"{type(exc).__name__}: {exc}"))
        if out_of_memory:
            answers.append((n, "memory", None))
            conn.send(answers)
            return  # a worker that ran out of memory is replaced
        _SLOT.pack_into(slot, 0, -1, time.monotonic())


def _limit_memory(extra: int, base: int | None = None) -> int:
    """The worker's address space limited to what it holds now (or ``base``) plus ``extra``; returns the base."""
    if resource is None or not hasattr(resource, "RLIMIT_AS"):
        return 0
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a worker ended at a limit leaves no core file
    if base is None:
        try:
            with open("/proc/self/statm", encoding="ascii") as fh:
                base = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            base = 0
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = base + extra
    for inherited in (_IN_WORKER.get("inherited", soft), hard):  # never raise a limit the user (or a test) set
        if inherited != resource.RLIM_INFINITY:
            limit = min(limit, inherited)
    _IN_WORKER.setdefault("inherited", soft)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return base


def _limit_cpu(seconds: float, hard, current: list[int]) -> None:
    """The CPU time this worker may use on its next item (RLIMIT_CPU counts the process's whole life, in
    whole seconds): the soft limit moved to now + ``seconds``, with a system call only when that moves it
    (``current`` holds the limit set last; a call per item would cost ~10 % on a corpus of small files)."""
    if hard is None:
        return
    limit = math.ceil(sum(os.times()[:2]) + seconds)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if limit != current[0]:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, hard))
        current[0] = limit


def _kill(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)


def _waitpid(pid: int) -> tuple[int, int]:
    while True:
        try:
            return os.waitpid(pid, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            return pid, 0


def _signal_name(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"signal {sig}"


