"""Writing output files safely: one guard and one writer for every command.

Why: an output file is often the user's own work (an instance edited by hand, a workbook filled in). A
command never writes over it unless asked (``--force``), never follows a dangling link to create a file
elsewhere, never leaves half a file under the final name (it writes a temporary file in the same folder and
renames it), and says clearly when the folder does not exist.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import tempfile
from typing import IO, Iterator


class OutputError(Exception):
    """An output file cannot or may not be written. ``rule`` is an OUTPUT-* id."""

    def __init__(self, rule: str, message: str, message_en: str):
        super().__init__(f"{message} / {message_en}")
        self.rule, self.message, self.message_en = rule, message, message_en


def check_target(path: str, force: bool) -> None:
    """Raise OutputError if ``path`` may not be written: it exists (without force), it is a folder or a
    dangling link, or its folder does not exist."""
    if os.path.islink(path) and not os.path.exists(path):
        raise OutputError("OUTPUT-EXISTS", f"{path} 是失效的符号链接，不予写入", f"{path} is a dangling link; not written")
    if os.path.isdir(path):
        raise OutputError("OUTPUT-EXISTS", f"{path} 是目录", f"{path} is a folder")
    if os.path.exists(path) and not force:
        raise OutputError("OUTPUT-EXISTS", f"{path} 已存在，使用 --force 覆盖",
                          f"{path} exists; use --force to overwrite it")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError("OUTPUT-NO-FOLDER", f"输出目录不存在：{folder}", f"the output folder does not exist: {folder}")


def write(path: str, data: str | bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename. A write that fails
    (the disk is full, a quota) is an OutputError (OUTPUT-WRITE) and leaves nothing behind."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_binary(path, force) as fh:
        fh.write(raw)


@contextlib.contextmanager
def atomic_binary(path: str, force: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to stream into; it appears under ``path`` only when the block ends without an error, with
    the mode a new file of the user's gets (0666 less the umask, not mkstemp's 0600)."""
    check_target(path, force)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".gaischema-", dir=folder)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                yield fh
            os.chmod(tmp, 0o666 & ~_umask())
        except OSError as exc:
            raise _write_error(path, exc) from None
        if not force and os.path.exists(path):  # created meanwhile by another writer
            raise OutputError("OUTPUT-EXISTS", f"{path} 已存在，使用 --force 覆盖",
                              f"{path} exists; use --force to overwrite it")
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _write_error(path, exc) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextlib.contextmanager
def atomic(path: str, force: bool = False, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file to stream into; it appears under ``path`` only when the block ends without an error."""
    with atomic_binary(path, force) as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8", newline=newline)
        try:
            yield fh
            fh.flush()
        except OSError as exc:
            raise _write_error(path, exc) from None
        finally:
            fh.detach()


def _write_error(path: str, exc: OSError) -> OutputError:
    full = exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    zh = "磁盘已满" if full else (exc.strerror or str(exc))
    return OutputError("OUTPUT-WRITE", f"无法写入 {shown_name(path)}：{zh}，未留下部分文件",
                       f"cannot write {shown_name(path)}: {exc.strerror or exc}; no partial file left")


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it; set back at once (commands run single-threaded)
    os.umask(mask)
    return mask


class JsonArray:
    """A JSON array written one element at a time (a corpus's results are never all held)."""

    def __init__(self, fh: IO[str]):
        self.fh, self.count = fh, 0
        fh.write("[")

    def add(self, obj) -> None:
        self.fh.write(("\n" if self.count == 0 else ",\n") + json.dumps(obj, ensure_ascii=False, default=str))
        self.count += 1

    def close(self) -> None:
        self.fh.write("\n]\n")


# --------------------------------------------------------------------------------------------- encoding by destination
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def spreadsheet_text(value):
    """A text cell for CSV or a workbook, never a live formula (OWASP's CSV-injection guidance: a text that
    begins with = + - @, tab or CR is prefixed with an apostrophe). Numbers are returned as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


_NAME_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NAME_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown_name(path: str) -> str:
    """A file name as results show it (text, JSON, CSV, the extraction's source_file): the name's bytes read as
    UTF-8, bytes that are not UTF-8 (a GBK name from a Windows zip) as ``\\xb1``, control characters (a newline
    that would forge a result line) and bidirectional overrides as ``\\n``, ``\\x1b``, ``\\u202e``. Always
    printable, never a lone surrogate; a plain UTF-8 name is unchanged."""
    if _NAME_CONTROL.search(path) is None and not _has_surrogate(path):
        return path
    text = os.fsencode(path).decode("utf-8", "backslashreplace") if _has_surrogate(path) else path
    return _NAME_CONTROL.sub(lambda m: _NAME_ESCAPES.get(m.group(), m.group().encode("unicode_escape").decode("ascii")), text)


def _has_surrogate(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text) if not text.isascii() else False


def printable(text: str) -> str:
    """Text for a terminal: control characters (escape sequences among them) shown as U+FFFD."""
    return _CONTROL.sub("\ufffd", text)
