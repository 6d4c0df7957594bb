"""Reading report files safely: size limit, strict UTF-8, YAML without aliases, JSON; never a traceback.

Every problem becomes an :class:`InputError` with a rule id (``INPUT-*``) and a one-line message in Chinese
and English. Limits: a file may be at most ``MAX_BYTES`` (10 MiB; real reports are about 16 KB) and nested at
most ``MAX_DEPTH`` levels.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import yaml

from gaischema import resources

try:  # a Rust YAML parser, ~10 times faster than libyaml through PyYAML; used only where both read alike
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without its wheel
    yaml_rs = None

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32
MAX_ITEMS = 5000  # items of one list (a real extraction has a few hundred notes): more is no report, and bounds the work
REPORT_SUFFIXES = (".yaml", ".yml", ".json")
CORRECTIONS_FILE = "corrections.yaml"  # an evaluator's corrections beside the reports: no report (gaischema.corrections)

try:  # PyYAML's C loader is ~10 times faster; the pure-Python one reads the same documents
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


# yaml-rs reads YAML 1.2, PyYAML YAML 1.1: they read some plain scalars apart (yes/no/on/off, 010, 1e3,
# 1:20, unquoted dates), and tags, anchors, merge keys, directives and some errors. PyYAML stays the
# reference (linkml-validate reads with it); a document goes to yaml-rs only when it has none of those,
# which four checks establish: plain text tests, a regex on the numbers that follow a colon, a regex on
# block scalar headers, and a look at the parsed keys and strings (and, when the document has lists, a
# regex on list items). tests/test_loading.py checks both parsers agree on every document let through.
# (and the line breaks YAML 1.1 knows beside \n and \r — NEL, LS, PS — which the two parsers split apart)
_RISKY_TEXT = ("\t", "<<", "&", "*", "!", "\n%", "\n---", "\n...", "\x85", "\u2028", "\u2029", "\r")
# a plain scalar after a colon that starts like a number or date but is not a plain decimal
_RISKY_NUMBER = re.compile(r":(?:[ ]+(?:[-+]?0[0-9box_]|[-+]?\.|\+|[0-9]{4}-|[-+]?[0-9][0-9_]*(?:\.(?![0-9])|"
                           r"[0-9_.]*[eE_:]))|[ ]*(?:\#[^\n]*)?\n(?:[ ]*(?:\#[^\n]*)?\n)*[ ]*[-+.0-9!&*{}\[\]@`?%|>])")
# a flow collection or other indicator right after a colon
_RISKY_INDICATOR = re.compile(r":[ ]+[!&*{}\[\]@`?%]")
# a block scalar with no content line right under its header (empty, or starting with a blank line)
_RISKY_BLOCK = re.compile(r"[|>][-+0-9]*[ ]*(?:\#[^\n]*)?\n(?![ ]+\S)")
_SCALAR = r"""(?:
      [!&*{}\[\]@`?%|>]
    | [-+]?0[0-9box_]
    | [-+]?\.
    | \+
    | [-+]?[0-9][0-9_]*\.(?![0-9])
    | [-+]?[0-9][0-9_.]*[eE_:]
    | [0-9]{4}-
    | (?:y|n|yes|no|on|off|=|[-+]?inf|[-+]?nan)[ ]*(?:\#|:|$)
)"""
_RISKY_ITEM = re.compile(r"^[ ]*(?:-[ ]+)+" + _SCALAR.replace("|>]", "]"), re.X | re.M | re.I)
_RISKY_WORDS = {"y", "n", "yes", "no", "on", "off", "=", "<<"}
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")


def load_yaml(text: str):
    """Parse YAML as PyYAML's safe loader does: with yaml-rs when nothing in the document reads apart."""
    data, _ = _load_yaml(text)
    return data


class _StrictLoader(_BaseLoader):
    """PyYAML's safe loader, refusing what the README refuses: aliases (a node used twice, scalars too),
    merge keys, duplicate keys, keys that are not strings, and NaN/Infinity."""

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            raise InputError("INPUT-YAML", "不允许使用 YAML 锚点/别名（&/*）", "YAML anchors and aliases (&/*) are not allowed")
        return super().construct_object(node, deep)

    def flatten_mapping(self, node):
        if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
            raise InputError("INPUT-YAML", "不允许使用 YAML 合并键（<<）", "YAML merge keys (<<) are not allowed")
        super().flatten_mapping(node)  # also reads the '=' key as text, as PyYAML does

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep)
        _check_keys(mapping.keys(), len(node.value))
        return mapping

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise _not_finite()
        return value


_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_yaml_float)


def _check_keys(keys, count: int) -> None:
    keys = list(keys)
    if len(keys) != count:
        raise InputError("INPUT-DUPLICATE-KEY", "同一映射中有重复的键", "a mapping has the same key twice")
    bad = [k for k in keys if type(k) is not str]
    if bad:
        raise InputError("INPUT-KEY", f"键须为文本，此处为 {bad[0]!r}", f"keys must be text, not {bad[0]!r}")


def _not_finite() -> InputError:
    return InputError("INPUT-NUMBER", "数值不能是 NaN 或无穷大", "a number cannot be NaN or Infinity")


def _json_pairs(pairs: list) -> dict:
    data = dict(pairs)
    _check_keys(data.keys(), len(pairs))
    return data


def _json_constant(name: str):
    raise _not_finite()


# a run of digits so long that the checks below would backtrack over it: such a document goes to PyYAML
_LONG_DIGITS = re.compile(r"[0-9_.]{200}")


def _load_yaml(text: str) -> tuple[object, bool]:
    """(data, checked): checked is True when the tree was already checked (yaml-rs path: no aliases are
    possible and the key walk measured the depth)."""
    if (yaml_rs is not None and text.endswith("\n") and not text.startswith(("%", "---", "..."))
            and not any(t in text for t in _RISKY_TEXT) and not _LONG_DIGITS.search(text)
            and not _RISKY_NUMBER.search(text)
            and not _RISKY_INDICATOR.search(text) and not _RISKY_BLOCK.search(text)):
        try:
            data = yaml_rs.loads(text, parse_datetime=False,
                                 duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
        except Exception:  # noqa: BLE001 - PyYAML then gives the error its usual message
            data = None
        else:
            plain, has_list = _plain_keys(data)
            if plain and not (has_list and _RISKY_ITEM.search(text)):
                return data, True
    return yaml.load(text, Loader=_StrictLoader), False  # noqa: S506 - a safe loader


_SAFE_KEYS: set[str] = set()


def _risky_string(value: str) -> bool:
    """A string that PyYAML may have read as something else, had it been a plain scalar."""
    return value.lower() in _RISKY_WORDS or (value[:1].isdigit() and ":" in value
                                             and _SEXAGESIMAL.match(value) is not None)


def _plain_keys(data) -> tuple[bool, bool]:
    """(every key and string both parsers read alike, the document has a list); raises INPUT-TOO-DEEP."""
    has_list = False
    stack = [(data, 0)]
    safe = _SAFE_KEYS
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep()
        if (type(node) is dict or type(node) is list) and len(node) > MAX_ITEMS:
            raise _too_many(len(node))
        if type(node) is dict:
            for key, value in node.items():
                if key not in safe:
                    if type(key) is not str or key.lower() in _RISKY_WORDS or key[:1].isdigit() or key[:1] in "-+.~":
                        return False, has_list
                    if len(safe) < 10000:
                        safe.add(key)
                if type(value) is dict or type(value) is list:
                    stack.append((value, depth + 1))
                elif type(value) is str and len(value) < 12 and _risky_string(value):
                    return False, has_list
        elif type(node) is list:
            has_list = True
            for v in node:
                if type(v) is dict or type(v) is list:
                    stack.append((v, depth + 1))
                elif type(v) is str and len(v) < 12 and _risky_string(v):
                    return False, has_list
    return True, has_list


@dataclass
class InputError(Exception):
    rule: str
    message: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.message} / {self.message_en}"


def read_bytes(source: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``; at most MAX_BYTES. Only a regular file is read:
    a folder, a FIFO, a socket or a device is refused before it is opened (opening a FIFO waits for a writer,
    and a device may never end), and the file is opened non-blocking in case it was swapped meanwhile."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            st = os.stat(source)
            if stat.S_ISDIR(st.st_mode):
                raise InputError("INPUT-UNREADABLE", "是目录而不是文件", "is a directory, not a file")
            if not stat.S_ISREG(st.st_mode):
                raise _not_regular(st.st_mode)
            if st.st_size > MAX_BYTES:
                raise _too_large(st.st_size)
            fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
            with open(fd, "rb", closefd=True) as fh:
                if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the stat and the open
                    raise _not_regular(os.fstat(fd).st_mode)
                data = fh.read(MAX_BYTES + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("INPUT-UNREADABLE", "文件不存在", "no such file") from None
    except PermissionError:
        raise InputError("INPUT-UNREADABLE", "无权读取该文件", "permission denied") from None
    except OSError as exc:
        raise InputError("INPUT-UNREADABLE", "无法读取文件", f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    return data


def _not_regular(mode: int) -> InputError:
    kind, kind_en = (("命名管道（FIFO）", "a named pipe (FIFO)") if stat.S_ISFIFO(mode) else
                     ("套接字", "a socket") if stat.S_ISSOCK(mode) else
                     ("设备文件", "a device") if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else ("特殊文件", "a special file"))
    return InputError("INPUT-UNREADABLE", f"是{kind}而不是普通文件，不予读取",
                      f"is {kind_en}, not a regular file; not read")


LIMIT_NAMES = {"memory": ("内存", "memory"), "cpu": ("CPU 时间", "CPU time"), "wall": ("运行时间", "wall time")}


def too_complex(limit: str, amount: str, detail: str = "") -> InputError:
    """INPUT-TOO-COMPLEX: reading the file hit a limit of the worker that read it (gaischema.sandbox):
    ``limit`` is memory, cpu or wall (``amount`` the limit, e.g. "1024 MiB", "20 s"), or crash (the reader
    ended otherwise; ``detail`` says how)."""
    if limit in LIMIT_NAMES:
        zh, en = LIMIT_NAMES[limit]
        return InputError("INPUT-TOO-COMPLEX", f"文件过于复杂：读取时超出{zh}上限（{amount}），已中止",
                          f"too complex: reading it hit the {en} limit ({amount}); stopped")
    return InputError("INPUT-TOO-COMPLEX", f"文件过于复杂：读取程序异常终止（{detail}）",
                      f"too complex: the reader ended abnormally ({detail})")


def _too_large(size: int) -> InputError:
    return InputError("INPUT-TOO-LARGE", f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节）",
                      f"file too large ({size} bytes; the limit is {MAX_BYTES})")


def decode(data: bytes) -> str:
    """Strict UTF-8 (a BOM is allowed); anything else is an INPUT-ENCODING error."""
    if b"\x00" in data[:8192]:
        raise InputError("INPUT-ENCODING", "不是文本文件（含二进制数据）", "not a text file (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "INPUT-ENCODING",
            f"不是 UTF-8 编码（第 {exc.start} 字节）；请先转换为 UTF-8",
            f"not UTF-8 (byte {exc.start}); convert the file to UTF-8 first",
        ) from None


def parse(text: str, name: str = "") -> object:
    """Parse a report: YAML (or JSON, for a .json name) as :func:`parse_document` reads it, whose top level
    is a mapping with at least one field of the report class (else INPUT-NOT-REPORT)."""
    data = parse_document(text, name)
    if not isinstance(data, dict):
        raise InputError("INPUT-NOT-REPORT", f"不是年度报告：顶层应为映射（键值对），实为 {type(data).__name__}",
                         f"not a report: the top level must be a mapping, not a {type(data).__name__}")
    if not report_keys().intersection(data):
        raise _no_report_key(data)
    return data


def parse_document(text: str, name: str = "") -> object:
    """Parse YAML (or JSON, for a .json name) within the reading limits, whatever it holds (a report, a
    corrections file); reject aliases, several documents and deep nesting."""
    if not text.strip():
        raise InputError("INPUT-EMPTY", "文件为空", "the file is empty")
    try:
        if name.endswith(".json"):
            data, checked = json.loads(text, object_pairs_hook=_json_pairs, parse_constant=_json_constant), False
        else:
            data, checked = _load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        where_en = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError("INPUT-YAML", f"YAML 语法错误（{where}）：{exc.problem}",
                         f"broken YAML at {where_en}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise InputError("INPUT-YAML", "YAML 语法错误", f"broken YAML: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError("INPUT-JSON", f"JSON 语法错误（第 {exc.lineno} 行第 {exc.colno} 列）",
                         f"broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise _too_deep() from None
    except ValueError:  # an integer of more digits than Python converts (4,300)
        raise InputError("INPUT-NUMBER", "数字位数过多", "a number with too many digits") from None
    if not checked:
        _check_tree(data)
    if data is None:
        raise InputError("INPUT-EMPTY", "文件为空", "the file is empty")
    return data


@lru_cache(maxsize=1)
def report_keys() -> frozenset[str]:
    """The slots of the schema's report class (the JSON Schema's top-level properties): a mapping with none of
    them at its top level holds no report (a package.json, a list of expected values), whatever else it holds."""
    return frozenset(resources.json_schema()["properties"])


def _no_report_key(data: dict) -> InputError:
    if not data:
        return InputError("INPUT-NOT-REPORT", "不是年度报告：顶层为空映射", "not a report: the top level is an empty mapping")
    keys = [k[:40] for k in list(data)[:3]]
    more = "…" if len(data) > 3 else ""
    return InputError("INPUT-NOT-REPORT",
                      f"不是年度报告：顶层没有年度报告的任何字段（如 organ、report_year），只有 {'、'.join(keys)}{more}",
                      f"not a report: no field of a report (organ, report_year, ...) at the top level, only "
                      f"{', '.join(keys)}{more}")


def _too_many(n: int) -> InputError:
    return InputError("INPUT-TOO-LARGE", f"列表或映射的项数过多（{n}，上限 {MAX_ITEMS}）",
                      f"a list or mapping of too many items ({n}; the limit is {MAX_ITEMS})")


def _too_deep() -> InputError:
    return InputError("INPUT-TOO-DEEP", f"嵌套层次过深（上限 {MAX_DEPTH} 层）",
                      f"nested too deeply (the limit is {MAX_DEPTH} levels)")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_tree(data: object) -> None:
    """Reject YAML aliases (a shared node: the 'billion laughs' bomb), nesting deeper than MAX_DEPTH, keys
    that are not text, NaN and Infinity, and lone surrogates (text no UTF-8 output can hold)."""
    seen: set[int] = set()
    stack = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if type(node) is str:
            if _SURROGATE.search(node):
                raise InputError("INPUT-ENCODING", "文本中有孤立的代理码位（如 \\ud800）",
                                 "the text holds a lone surrogate (such as \\ud800)")
            continue
        if type(node) is float and not math.isfinite(node):
            raise _not_finite()
        if isinstance(node, dict):
            _check_keys(node.keys(), len(node))
            stack.extend((k, depth + 1) for k in node.keys())
        if isinstance(node, (dict, list)):
            if depth > MAX_DEPTH:
                raise _too_deep()
            if len(node) > MAX_ITEMS:
                raise _too_many(len(node))
            if id(node) in seen:
                raise InputError("INPUT-YAML", "不允许使用 YAML 锚点/别名（&/*）", "YAML anchors and aliases (&/*) are not allowed")
            seen.add(id(node))
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)


def load(source: str) -> dict:
    """Read, decode and parse one report file (``-`` for standard input). Raises InputError."""
    return parse(decode(read_bytes(source)), source)


def walk(paths: list[str], suffixes: tuple[str, ...] = REPORT_SUFFIXES,
         skip: Iterable[str] = ()) -> Iterator[tuple[str, InputError | None]]:
    """Files with one of ``suffixes`` under the given files and folders, lazily, sorted within each folder.
    What cannot be read is yielded with its error, never skipped in silence: a folder with no such file
    (INPUT-NO-REPORTS), an unreadable folder, a dangling link, a link that loops back (INPUT-UNREADABLE).
    Links to folders are followed once. ``skip``: files and folders (by real path) found inside a folder that
    are the command's own outputs (report's page, its ``_files``, its cache): never read back as inputs."""
    skipped = {os.path.realpath(x) for x in skip}
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p, None
            continue
        found = False
        problems: list[tuple[str, InputError]] = []
        seen = {os.path.realpath(p)}

        def unreadable(exc: OSError) -> None:
            problems.append((exc.filename or p, InputError("INPUT-UNREADABLE", "无法读取该目录",
                                                           f"cannot read this folder: {exc.strerror or exc}")))

        for root, dirs, names in os.walk(p, onerror=unreadable, followlinks=True):
            dirs.sort()
            for d in list(dirs):
                real = os.path.realpath(os.path.join(root, d))
                if real in skipped:  # an output of this command inside an input folder
                    dirs.remove(d)
                elif real in seen:  # a link back to a folder already walked
                    dirs.remove(d)
                    problems.append((os.path.join(root, d), InputError(
                        "INPUT-UNREADABLE", "符号链接指向已遍历的目录（循环），跳过", "a link loops back to a folder "
                        "already walked; skipped")))
                else:
                    seen.add(real)
            for name in sorted(names):
                full = os.path.join(root, name)
                if os.path.islink(full) and not os.path.exists(full):
                    if name.lower().endswith(suffixes):
                        problems.append((full, InputError("INPUT-UNREADABLE", "失效的符号链接", "a dangling link")))
                    continue
                if name == CORRECTIONS_FILE:
                    continue  # an evaluator's corrections of the reports beside it (gaischema.corrections)
                if name.lower().endswith(suffixes) and os.path.isfile(full):
                    if skipped and os.path.realpath(full) in skipped:
                        continue
                    found = True
                    yield full, None
        yield from problems
        if not found and not problems:
            kinds = "、".join(f"*{x}" for x in suffixes)
            yield p, InputError("INPUT-NO-REPORTS", f"目录中没有报告文件（{kinds}）",
                                f"no report files ({', '.join('*' + x for x in suffixes)}) in this folder")


def iter_sources(paths: list[str]) -> tuple[list[str], list[tuple[str, InputError]]]:
    """Expand files and folders into report files; a folder with no report is an error."""
    files: list[str] = []
    problems: list[tuple[str, InputError]] = []
    for p, err in walk(paths):
        if err is None:
            files.append(p)
        else:
            problems.append((p, err))
    return files, problems
