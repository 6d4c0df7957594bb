"""Writing output files safely: one guard and one writer for every command.

Why: an output file is often the user's own work (an instance edited by hand, a workbook filled in). A
command never writes over it unless asked (``--force``), never follows a link (a link as the output is replaced
itself, with ``--force``; a link in the folder part is refused without it), never leaves half a file under the
final name (it writes a temporary file in the same folder and renames it), and says clearly when the folder does
not exist. ``--force`` replaces regular files only: a character device or a pipe (``-o /dev/null``, ``/dev/stdout``,
``>(cmd)``) is written to as it is — no temporary file in ``/dev``, and the device is never replaced, even as
root — and a block device or a socket is refused. The guards of ``gaischema report`` (its page, ``<page>_files``,
the instances' folder, and what of these a rerun must not read back as input) live here too.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import stat
import tempfile
from typing import IO, Iterator


class OutputError(Exception):
    """An output file cannot or may not be written. ``rule`` is an OUTPUT-* id."""

    def __init__(self, rule: str, message: str, message_en: str):
        super().__init__(f"{message} / {message_en}")
        self.rule, self.message, self.message_en = rule, message, message_en


def check_target(path: str, force: bool) -> None:
    """Raise OutputError if ``path`` may not be written: it exists (without force), it is a folder, a dangling
    link, a block device or a socket, its folder does not exist, or a link in its folder part was not allowed
    (``--force``). A character device or a pipe (``/dev/null``, ``/dev/stdout``, ``>(cmd)``) is written to as
    it is, never replaced, and needs no ``--force``; a link to a regular file is replaced (never followed) only
    with ``--force``."""
    _check_folder_links(path, force)
    kind = target_kind(path)
    if kind == "stream":
        return
    if kind == "dangling":
        raise OutputError("OUTPUT-EXISTS", f"{path} 是失效的符号链接，不予写入", f"{path} is a dangling link; not written")
    if kind == "folder":
        raise OutputError("OUTPUT-EXISTS", f"{path} 是目录", f"{path} is a folder")
    if kind == "other":
        raise OutputError("OUTPUT-NOT-FILE", f"{path} 不是普通文件（块设备、套接字），不予写入",
                          f"{path} is not a regular file (a block device, a socket); not written")
    if kind != "missing" and not force:
        what = "符号链接" if kind == "link" else ""
        raise OutputError("OUTPUT-EXISTS", f"{path} 已存在{what}，使用 --force 覆盖",
                          f"{path} exists{' (a link)' if kind == 'link' else ''}; use --force to overwrite it")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError("OUTPUT-NO-FOLDER", f"输出目录不存在：{folder}", f"the output folder does not exist: {folder}")


def target_kind(path: str) -> str:
    """What an output name is now: ``missing``, ``file`` (a regular file), ``link`` (a link to a regular file:
    --force replaces the link itself), ``dangling``, ``folder``, ``stream`` (a character device or a pipe,
    itself or behind a link: written to, never replaced) or ``other`` (a block device, a socket: refused)."""
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except OSError:
        return "other"
    if stat.S_ISREG(st.st_mode):
        return "file"
    if stat.S_ISDIR(st.st_mode):
        return "folder"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            return "dangling"
        if stat.S_ISCHR(target.st_mode) or stat.S_ISFIFO(target.st_mode):
            return "stream"  # /dev/stdout, /dev/fd/N: the descriptor the user means
        if stat.S_ISDIR(target.st_mode):
            return "folder"
        return "link" if stat.S_ISREG(target.st_mode) else "other"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return "stream"
    return "other"


def folder_links(path: str) -> list[str]:
    """The symbolic links among the folders of ``path`` as it is written (``a/b`` in ``a/b/page.html``), but
    not those directly in the root folder (``/tmp`` -> ``/private/tmp`` on macOS: the system's own)."""
    parts = os.path.normpath(os.path.dirname(path) or ".").split(os.sep)
    found, current = [], os.sep if os.path.isabs(path) else ""
    for i, part in enumerate(parts):
        if part in ("", ".", ".."):
            current = os.path.join(current, part) if part else current
            continue
        current = os.path.join(current, part)
        if os.path.islink(current) and os.path.dirname(os.path.abspath(current)) != os.sep:
            found.append(current)
    return found


def _check_folder_links(path: str, force: bool) -> None:
    links = folder_links(path)
    if links and not force:
        raise OutputError("OUTPUT-LINK", f"输出路径中有符号链接 {links[0]}，使用 --force 确认",
                          f"the output path goes through a link, {links[0]}; use --force to write through it")


def write(path: str, data: str | bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename. A write that fails
    (the disk is full, a quota) is an OutputError (OUTPUT-WRITE) and leaves nothing behind."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_binary(path, force) as fh:
        fh.write(raw)


@contextlib.contextmanager
def atomic_binary(path: str, force: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to stream into; it appears under ``path`` only when the block ends without an error, with
    the mode a new file of the user's gets (0666 less the umask, not mkstemp's 0600). A character device or a
    pipe is written to directly (no temporary file beside ``/dev/null``, and the device is never replaced)."""
    check_target(path, force)
    if target_kind(path) == "stream":
        with _stream(path) as fh:
            yield fh
        return
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
        kind = target_kind(path)  # again: another writer may have made it meanwhile
        if kind not in ("missing", "file", "link") or (kind != "missing" and not force):
            raise OutputError("OUTPUT-EXISTS", f"{path} 已存在，使用 --force 覆盖",
                              f"{path} exists; use --force to overwrite it")
        try:
            os.replace(tmp, path)  # a link is replaced itself, never followed
        except OSError as exc:
            raise _write_error(path, exc) from None
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


@contextlib.contextmanager
def _stream(path: str) -> Iterator[IO[bytes]]:
    """A character device or a pipe, opened for writing as it is: without O_CREAT or O_TRUNC, and without
    waiting for a pipe that nobody reads (O_NONBLOCK at open: ENXIO, one line)."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as fh:
            yield fh
    except OSError as exc:
        raise _write_error(path, exc) from None


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


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text for an XML part of a Word file or a workbook: the characters XML 1.0 cannot hold (controls, U+FFFE,
    U+FFFF, a lone surrogate) as U+FFFD — one of them makes the whole file unreadable to every office suite."""
    return _NOT_XML.sub("\ufffd", text)


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


# --------------------------------------------------------------------------------------------- a page and its folder
def prepare_folder(folder: str, force: bool, what: str = "") -> None:
    """Make an output folder (``<page>_files``, ``--save-instances``) ready: refused when it, or a folder on its
    way, is a link (without --force, a link in the folder part), or when it is not a folder."""
    _check_folder_links(os.path.join(folder, "x"), force)
    if os.path.islink(folder) or (os.path.lexists(folder) and not os.path.isdir(folder)):
        raise OutputError("OUTPUT-LINK", f"{folder} 是符号链接或不是目录，不予写入",
                          f"{folder} is a link or not a folder; nothing written")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise OutputError("OUTPUT-WRITE", f"{exc.filename or folder}：{exc.strerror}（符号链接或无法创建）",
                          f"{exc.filename or folder}: {exc.strerror} (a link, or cannot be made)") from None
    if os.path.islink(folder.rstrip(os.sep)) or not os.path.isdir(folder):
        raise OutputError("OUTPUT-LINK", f"{folder} 是符号链接，不予写入", f"{folder} is a link; nothing written")


def report_outputs(page: str, force: bool, save_dir: str | None = None, make: bool = True) -> str:
    """The guards of ``gaischema report``, before any work: the page may be written (see check_target), its
    folder ``<page>_files`` (and ``r/``, ``src/`` in it) is no link and is made, the instances' folder is no
    link and is made (``make=False``: only checked, nothing made). Returns ``<page>_files``. Raises
    OutputError (the command's exit 2)."""
    check_target(page, force)
    if target_kind(page) == "stream":
        raise OutputError("OUTPUT-NOT-FILE", f"{page} 不是普通文件：报告页面的链接需要旁边的 _files 目录",
                          f"{page} is not a regular file: the page links to a _files folder beside it")
    files = os.path.splitext(page)[0] + "_files"
    if os.path.islink(files) or (os.path.lexists(files) and not os.path.isdir(files)):
        raise OutputError("OUTPUT-LINK", f"{files} 是符号链接或不是目录，不予写入",
                          f"{files} is a link or not a folder; nothing written")
    if os.path.exists(files) and not force:
        raise OutputError("OUTPUT-EXISTS", f"{files} 已存在，使用 --force 覆盖", f"{files} exists; use --force")
    if save_dir:
        _check_folder_links(os.path.join(save_dir, "x"), force)
        if os.path.islink(save_dir):
            raise OutputError("OUTPUT-LINK", f"{save_dir} 是符号链接，不予写入", f"{save_dir} is a link; nothing written")
    if make:
        for sub in ("", "r", "src"):
            prepare_folder(os.path.join(files, sub) if sub else files, force)
        if save_dir:
            prepare_folder(save_dir, force)
    return files


def report_own_paths(page: str, save_dir: str | None, cache_dir: str | None) -> list[str]:
    """What ``gaischema report`` writes that its inputs must never include (a rerun in the same folder would read
    its own renderings and copies back as reports): the page, ``<page>_files`` (renderings, copies, the default
    cache), the cache folder and the instances' folder."""
    own = [page, os.path.splitext(page)[0] + "_files"]
    return own + [p for p in (save_dir, cache_dir) if p]


def refuse_input_folder(save_dir: str | None, inputs: list[str]) -> None:
    """``--save-instances`` may not be a folder given as an input: the instances would sit among the inputs they
    were made from, and be read back as reports by the next run (a folder inside an input folder is skipped)."""
    if not save_dir:
        return
    real = os.path.realpath(save_dir)
    for p in inputs:
        if os.path.isdir(p) and os.path.realpath(p) == real:
            raise OutputError("OUTPUT-IS-INPUT", f"{save_dir} 是输入目录，实例不能保存在输入之中",
                              f"{save_dir} is an input folder; instances may not be saved among the inputs")
