"""The per-file results of ``gaischema report``, remembered between runs, so that a rerun costs only what changed.

Why a cache keyed by content: an evaluator reruns the job after adding a few reports or fixing one; reading a
PDF and checking it again costs about a second, looking its result up costs microseconds. A result is kept
under the SHA-256 of the file's bytes, its name (the result names the file), the options that change the
result, and a digest of the gaischema code and compiled model that made it (a release's version alone does
not change while the code is being worked on). A changed file, a new gaischema or another option simply
misses; nothing is ever invalidated by hand.

One SQLite file (the standard library's, one writer: the parent process; values zlib-compressed JSON). A cache
that cannot be read (another program's file, a truncated one) is started afresh, never trusted. The file and
its journal are never opened through a symbolic link (SQLite would follow it and write elsewhere).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import zlib
from functools import lru_cache
from pathlib import Path

from gaischema import resources

__all__ = ["Cache", "CacheError", "code_digest", "file_digest"]

FILE_NAME = "cache.sqlite"
_BATCH = 200


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


class Cache:
    """Results by key, in ``folder/cache.sqlite``."""

    def __init__(self, folder: str):
        if os.path.islink(folder) or (os.path.exists(folder) and not os.path.isdir(folder)):
            raise CacheError(f"缓存目录不是目录或是符号链接：{folder} / the cache folder is a link or not a folder: {folder}")
        os.makedirs(folder, exist_ok=True)
        self.path = os.path.join(folder, FILE_NAME)
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.islink(self.path + suffix):
                raise CacheError(f"缓存文件是符号链接，不予写入：{self.path}{suffix} / the cache file is a link; "
                                 f"not written: {self.path}{suffix}")
        self.hits = self.misses = 0
        self.pending = 0
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:  # not a cache of ours, or damaged: start afresh
            os.unlink(self.path)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode = MEMORY")  # no journal file beside it (one less name to guard)
        db.execute("CREATE TABLE IF NOT EXISTS result (key TEXT PRIMARY KEY, value BLOB)")
        db.execute("SELECT count(*) FROM result").fetchone()
        return db

    @staticmethod
    def key(digest: str, name: str, options: dict) -> str:
        """The key of one file's result: its content, its name, the options and the code that make it."""
        raw = json.dumps([digest, name, options, code_digest()], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> dict | None:
        try:
            row = self.db.execute("SELECT value FROM result WHERE key = ?", (key,)).fetchone()
            value = json.loads(zlib.decompress(row[0])) if row else None
        except (sqlite3.DatabaseError, zlib.error, ValueError):
            value = None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str, value: dict) -> None:
        blob = zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"), 6)
        self.db.execute("INSERT OR REPLACE INTO result VALUES (?, ?)", (key, blob))
        self.pending += 1
        if self.pending >= _BATCH:
            self.db.commit()
            self.pending = 0

    def close(self) -> None:
        self.db.commit()
        self.db.close()
