"""The per-file results of ``gaischema report``, remembered between runs, so that a rerun costs only what changed.

Why a cache keyed by content: an evaluator reruns the job after adding a few reports or fixing one; reading a
PDF and checking it again costs about a second, looking its result up costs microseconds. A result is kept
under the SHA-256 of the file's bytes, its name (the result names the file), the options that change the
result, and a digest of the gaischema code and compiled model that made it (a release's version alone does
not change while the code is being worked on). A changed file, a new gaischema or another option simply
misses; nothing is ever invalidated by hand.

One SQLite file (the standard library's, one writer per run: the parent process; values zlib-compressed JSON,
written in short transactions so that two runs on one cache both finish). A cache that cannot be opened, read,
written or trusted (another program's file, one with a trigger, a damaged, read-only, full or locked one) is set
aside with one warning line, never deleted, and the run goes on without it; a row is checked by its reader
before it is used (a wrong shape is a miss). The file and its journal are never opened through a symbolic link
(SQLite would follow it and write elsewhere).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import urllib.parse
import zlib
from functools import lru_cache
from pathlib import Path

from gaischema import resources

__all__ = ["Cache", "CacheError", "code_digest", "file_digest"]

FILE_NAME = "cache.sqlite"
_BATCH = 200
_BUSY_SECONDS = 5.0  # how long a run waits for another run's write to the same cache


class CacheError(Exception):
    """The cache folder may not be used (it is, or holds, a symbolic link; it is not a folder)."""


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the gaischema package's code and generated files: results made by other code miss."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for folder in (root, resources.generated_dir()):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".json", ".j2", ".yaml") and path.is_file():
                h.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape"))
                h.update(path.read_bytes())
    return h.hexdigest()[:32]


def file_digest(path: str, max_bytes: int = 10 * 1024 * 1024) -> str | None:
    """SHA-256 of a file's bytes; None when it cannot be read (it is then redone, and fails, each run)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
            return None  # a FIFO would block, a huge file is refused by the reader anyway
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read(max_bytes + 1)).hexdigest()
    except OSError:
        return None


_TABLE = "CREATE TABLE result (key TEXT PRIMARY KEY, value BLOB)"
_SCHEMA = [("index", "sqlite_autoindex_result_1", None), ("table", "result", _TABLE)]


class Cache:
    """Results by key, in ``folder/cache.sqlite``. A cache is only ever a help: one that cannot be opened, read,
    written or trusted (another program's SQLite, a trigger or a view in it, a damaged file, a read-only or full
    disk, a lock another run holds too long) is set aside — left as it is — with one line to ``warn``, and the
    run goes on without it (``usable`` false). The file itself is never deleted or written over."""

    def __init__(self, folder: str, warn=lambda line: None):
        if os.path.islink(folder) or (os.path.exists(folder) and not os.path.isdir(folder)):
            raise CacheError(f"缓存目录不是目录或是符号链接：{folder} / the cache folder is a link or not a folder: {folder}")
        self.path = os.path.join(folder, FILE_NAME)
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.islink(self.path + suffix):
                raise CacheError(f"缓存文件是符号链接，不予写入：{self.path}{suffix} / the cache file is a link; "
                                 f"not written: {self.path}{suffix}")
        self.warn = warn
        self.hits = self.misses = 0
        self.pending: list[tuple[str, bytes]] = []
        self.db: sqlite3.Connection | None = None
        self.writable = True
        try:
            os.makedirs(folder, exist_ok=True)
            self.db = self._open()
        except (sqlite3.Error, OSError, _Untrusted) as exc:
            self._set_aside(exc)

    @property
    def usable(self) -> bool:
        return self.db is not None

    def _open(self) -> sqlite3.Connection:
        exists = os.path.exists(self.path) and os.path.getsize(self.path) > 0
        if exists and not os.access(self.path, os.W_OK) or not os.access(os.path.dirname(self.path), os.W_OK):
            self.writable = False
        if not exists and not self.writable:
            raise _Untrusted("缓存目录不可写 / the cache folder is read-only")
        uri = "file:" + urllib.parse.quote(os.path.abspath(self.path)) + ("?mode=ro" if not self.writable else "")
        db = sqlite3.connect(uri, uri=True, timeout=_BUSY_SECONDS, isolation_level=None)
        try:
            db.execute("PRAGMA trusted_schema = OFF")  # nothing in the file runs SQL of its own (triggers, views)
            if not self.writable:
                db.execute("PRAGMA query_only = ON")
            schema = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
            if not schema and self.writable:
                db.execute("PRAGMA journal_mode = MEMORY")  # no journal file beside it (one less name to guard)
                db.execute(_TABLE)
            elif [tuple(r) for r in schema] != _SCHEMA:
                raise _Untrusted("不是 gaischema 的缓存（另一程序的数据库，或含触发器、视图）/ not a gaischema cache "
                                 "(another program's database, or one with a trigger or a view)")
            else:
                db.execute("PRAGMA journal_mode = MEMORY")
            db.execute("SELECT count(*) FROM result").fetchone()
        except BaseException:
            db.close()
            raise
        if not self.writable:
            self.warn(f"gaischema: 缓存只读，本次结果不予保存 / the cache is read-only; this run's results are not "
                      f"remembered: {self.path}")
        return db

    def _set_aside(self, exc: BaseException) -> None:
        """Stop using the cache for the rest of the run, with one line (the first problem only)."""
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
        self.db = None
        self.pending.clear()
        self.warn(f"gaischema: 缓存不可用，本次不使用缓存（文件保持原样）/ the cache cannot be used; this run goes on "
                  f"without it (the file is left as it is): {self.path}: {exc}")

    @staticmethod
    def key(digest: str, name: str, options: dict) -> str:
        """The key of one file's result: its content, its name, the options and the code that make it."""
        raw = json.dumps([digest, name, options, code_digest()], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str, valid=lambda value: True) -> dict | None:
        """The value under ``key``, or None: not there, unreadable, or refused by ``valid`` (a row of the wrong
        shape, a rendering that is not what gaischema writes) — a miss, never an error."""
        value = None
        if self.db is not None:
            try:
                row = self.db.execute("SELECT value FROM result WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                self._set_aside(exc)
                row = None
            try:
                value = json.loads(zlib.decompress(row[0])) if row and isinstance(row[0], bytes) else None
                if value is not None and not valid(value):
                    value = None
            except (zlib.error, ValueError, TypeError, RecursionError, MemoryError):
                value = None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str, value: dict) -> None:
        if self.db is None or not self.writable:
            return
        blob = zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"), 6)
        self.pending.append((key, blob))
        if len(self.pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        """The pending rows in one short transaction (another run on the same cache waits for it at most
        _BUSY_SECONDS, and so does this one for that run's)."""
        if self.db is None or not self.pending:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT OR REPLACE INTO result VALUES (?, ?)", self.pending)
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            self._set_aside(exc)
        self.pending.clear()

    def close(self) -> None:
        self._flush()
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None


class _Untrusted(Exception):
    """The cache file is not one of ours, or may not be used."""
