"""Writing output files safely: one guard and one writer for every command.

Why: an output file is often the user's own work (an instance edited by hand, a workbook filled in). A
command never writes over it unless asked (``--force``), never follows a dangling link to create a file
elsewhere, never leaves half a file under the final name (it writes a temporary file in the same folder and
renames it), and says clearly when the folder does not exist.
"""

from __future__ import annotations

import contextlib
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
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    check_target(path, force)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".gaischema-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        if not force and os.path.exists(path):  # created meanwhile by another writer
            raise OutputError("OUTPUT-EXISTS", f"{path} 已存在，使用 --force 覆盖",
                              f"{path} exists; use --force to overwrite it")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic(path: str, force: bool = False, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file to stream into; it appears under ``path`` only when the block ends without an error."""
    check_target(path, force)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".gaischema-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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


def printable(text: str) -> str:
    """Text for a terminal: control characters (escape sequences among them) shown as U+FFFD."""
    return _CONTROL.sub("\ufffd", text)
