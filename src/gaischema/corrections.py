"""Corrections that stay: an evaluator's corrected readings and reviewed findings, kept beside the reports.

Why a file of its own: ``extract`` and ``report`` read every published report afresh on each run, so an edit
to a saved instance is forgotten by the next run. A correction is recorded once, in ``corrections.yaml`` in
the folder of the published reports (``gaischema correct``, or by hand: docs/corrections.md), and every later
run applies it to the freshly extracted instance, with a ``corrected`` note (a kind the schema declares)
carrying the value read and the reason. A correction is tied to the file's content by its SHA-256 digest:
when the file changes (a new edition of the report), the correction is *stale* — reported, never applied,
for a correction made against one print says nothing about another.

The same file holds the review of findings: a finding marked ``confirmed`` is the organ's own error (what an
evaluation publishes), ``misread`` says the extractor read the cell wrong (a correction is then due). The
report page counts them and exports the confirmed ones.

Nothing here guesses: an entry names its file, digest, cell path and value; an entry that is malformed makes
the whole file an input error (exit 2), so that no correction is dropped in silence.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: corrections files are not locked there
    fcntl = None

from gaischema import loading
from gaischema import output as out
from gaischema.model import Model, get, put

__all__ = ["CORRECTIONS_FILE", "REVIEW_STATES", "Book", "Entry", "apply", "digest_of", "file_name", "for_file", "load",
           "parse_value", "record_correction", "record_review", "text"]

CORRECTIONS_FILE = loading.CORRECTIONS_FILE  # beside the published reports
REVIEW_STATES = ("confirmed", "misread")
_HEADER = ("# gaischema: corrections and reviews of the reports in this folder (docs/corrections.md).\n"
           "# Each entry is tied to its file's SHA-256: when the file changes, the entry is stale and not applied.\n")


@dataclass(frozen=True)
class Entry:
    """One entry of the file: a correction (``value``; None blanks the cell) or a review (``state``, and the
    ``rule`` of the finding)."""

    file: str
    sha256: str
    path: str
    reason: str
    who: str = ""
    when: str = ""
    value: Any = None
    state: str | None = None  # a review's: confirmed or misread; None for a correction
    rule: str = ""

    def as_dict(self) -> dict:
        d = {"file": self.file, "sha256": self.sha256, "path": self.path}
        if self.state is None:
            d["value"] = self.value
        else:
            d["rule"] = self.rule
            d["state"] = self.state
        d.update({"reason": self.reason, "who": self.who, "when": self.when})
        return d


@dataclass
class Book:
    """A corrections file as read: its corrections and reviews, in file order."""

    path: str
    corrections: list[Entry] = field(default_factory=list)
    reviews: list[Entry] = field(default_factory=list)
    _index: tuple = field(default=(None, {}), repr=False, compare=False)

    def entries_of(self, name: str) -> list[Entry]:
        """The entries made for one file name, in file order: indexed once (a folder of 100,000 reports and a
        file of 10,000 entries is not a billion comparisons)."""
        size = (len(self.corrections), len(self.reviews))
        if self._index[0] != size:
            by: dict[str, list[Entry]] = {}
            for e in self.corrections + self.reviews:
                by.setdefault(e.file, []).append(e)
            self._index = (size, by)
        return self._index[1].get(name, [])

    def dump(self) -> str:
        data = {"corrections": [e.as_dict() for e in self.corrections],
                "reviews": [e.as_dict() for e in self.reviews]}
        return _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _bad(message: str, message_en: str) -> loading.InputError:
    return loading.InputError("INPUT-CORRECTIONS", f"更正文件有误：{message}", f"the corrections file is wrong: {message_en}")


def _cell_paths() -> frozenset[str]:
    model = Model.load()
    return frozenset(c["path"] for v in model.versions for c in model.cells(v))


def load(path: str) -> Book:
    """A corrections file; an empty Book where there is none. Raises InputError (INPUT-CORRECTIONS, or the
    loader's INPUT-* rules) for a file that is not a valid one, its message naming the file (the command was
    given a report: the line must say that the corrections file beside it is what cannot be read)."""
    try:
        return _load(path)
    except loading.InputError as e:
        where = out.shown_name(path)
        raise loading.InputError(e.rule, f"{where}：{e.message}", f"{where}: {e.message_en}") from None


def _load(path: str) -> Book:
    if not os.path.lexists(path):
        return Book(path)
    data = loading.parse_document(loading.decode(loading.read_bytes(path)), path)
    if data is None:
        return Book(path)
    if not isinstance(data, dict) or set(data) - {"corrections", "reviews"}:
        raise _bad("顶层应为 corrections 与 reviews 两个列表", "the top level holds the lists corrections and reviews")
    cells = _cell_paths()
    book = Book(path)
    for key, target in (("corrections", book.corrections), ("reviews", book.reviews)):
        items = data.get(key) or []
        if not isinstance(items, list):
            raise _bad(f"{key} 应为列表", f"{key} is not a list")
        for n, item in enumerate(items, 1):
            target.append(_entry(item, key, n, cells))
    return book


def _entry(item: Any, key: str, n: int, cells: frozenset[str]) -> Entry:
    where = f"{key} 第 {n} 项 / {key} entry {n}"
    if not isinstance(item, dict):
        raise _bad(f"{where} 不是映射", f"{where} is not a mapping")
    for k in ("file", "sha256", "path"):
        if not isinstance(item.get(k), str) or not item[k]:
            raise _bad(f"{where} 缺少 {k}", f"{where} lacks {k}")
    if key == "corrections" and item["path"] not in cells:
        raise _bad(f"{where} 的路径 {item['path']} 不是表格单元格", f"{where}: {item['path']} is no table cell")
    text = {k: str(item.get(k) or "") for k in ("reason", "who", "when", "rule")}
    if key == "corrections":
        value = item.get("value")
        if not (value is None or (type(value) is int and 0 <= value <= MAX_COUNT)):
            raise _bad(f"{where} 的值应为非负整数或空", f"{where}: the value is a count (an integer of 0 or more) or null")
        return Entry(item["file"], item["sha256"], item["path"], text["reason"], text["who"], text["when"], value)
    if item.get("state") not in REVIEW_STATES:
        raise _bad(f"{where} 的 state 应为 confirmed 或 misread", f"{where}: state is confirmed or misread")
    return Entry(item["file"], item["sha256"], item["path"], text["reason"], text["who"], text["when"],
                 state=item["state"], rule=text["rule"])


def book_path(report_file: str) -> str:
    """The corrections file that holds a published report's entries: corrections.yaml in its folder."""
    return os.path.join(os.path.dirname(os.path.abspath(report_file)), CORRECTIONS_FILE)


def for_file(book: Book, report_file: str, digest: str | None) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """A report file's entries in the book: (corrections that apply, reviews that apply, stale entries —
    made for the same file name when its content was another)."""
    name = file_name(report_file)
    apply_c, apply_r, stale = [], [], []
    for e in book.entries_of(name):
        if digest is None or e.sha256 != digest:
            stale.append(e)
        elif e.state is None:
            apply_c.append(e)
        else:
            apply_r.append(e)
    return apply_c, apply_r, stale


MAX_COUNT = 2**53 - 1  # the schema's maximum_value of a count: every implementation reads it exactly
_COUNT = re.compile(r"[0-9]{1,16}")
BLANK_WORDS = ("blank", "null", "none", "-")


def parse_value(value: str) -> int | None:
    """A corrected value as a command line gives it: a count (ASCII digits, at most the schema's maximum) or
    ``blank`` (None). Raises InputError (INPUT-CORRECTIONS) for anything else — ``²``, ``٣``, 5,000 digits."""
    v = value.strip()
    if v.lower() in BLANK_WORDS:
        return None
    if _COUNT.fullmatch(v) and int(v) <= MAX_COUNT:
        return int(v)
    shown = text(v[:40]) + ("…" if len(v) > 40 else "")
    raise loading.InputError("INPUT-CORRECTIONS", f"值应为不超过 {MAX_COUNT} 的非负整数或 blank：{shown}",
                             f"VALUE is a count (0 to {MAX_COUNT}) or blank: {shown}")


def file_name(report_file: str) -> str:
    """A report's name as its entries hold it: the base name, bytes that are not UTF-8 written ``\\xb1``
    (output.shown_name: a GBK name from a Windows zip) — YAML holds no lone surrogate."""
    return out.shown_name(os.path.basename(report_file))


def text(value: object) -> str:
    """Text as the file holds it: a lone surrogate (bytes of an argument that are not UTF-8) is U+FFFD, so
    that no entry makes the file unreadable for every later run."""
    return str(value).encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def apply(instance: dict, corrections: list[Entry] | list[dict]) -> list[str]:
    """Apply corrections to an extracted instance: each cell set to its corrected value (None: left blank),
    with a ``corrected`` note carrying the value the extractor read (note_raw) and the reason. Returns the
    paths corrected. Later entries for one path win (the file is in the order they were made)."""
    last: dict[str, Entry] = {}
    for e in corrections:
        e = e if isinstance(e, Entry) else Entry(**e)
        last[e.path] = e
    if not last:
        return []
    extraction = instance.setdefault("extraction", {})
    notes = extraction.setdefault("notes", [])
    for path, e in last.items():
        read = get(instance, path)
        if e.value is None:
            parent, _, leaf = path.rpartition(".")
            holder = get(instance, parent)
            if isinstance(holder, dict):
                holder.pop(leaf, None)
        else:
            put(instance, path, e.value)
        who = f"，{e.who}" if e.who else ""
        who_en = f", {e.who}" if e.who else ""
        note = {"note_kind": "corrected", "note_path": path,
                "note_message": f"人工更正：{e.reason}（{e.when}{who}） / corrected by hand: {e.reason} ({e.when}{who_en})"}
        if read is not None:
            note["note_raw"] = str(read)
        notes.append(note)
    return list(last)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


def _record(report_file: str, entry_for, replace, force: bool = True) -> tuple[str, Entry]:
    data = loading.read_bytes(report_file)
    target = book_path(report_file)
    if os.path.islink(target):  # written through a rename: the link would be replaced, the file behind it unchanged
        raise out.OutputError("OUTPUT-LINK", f"{out.shown_name(target)} 是符号链接，不予改写；请直接编辑它指向的文件",
                              f"{out.shown_name(target)} is a link; not written (edit the file it points to)")
    with _locked(os.path.dirname(target)):  # read, change, write: two commands at once both keep their entry
        book = load(target)
        entry = entry_for(file_name(report_file), digest_of(data))
        replace(book, entry)
        out.write(target, book.dump(), force)
    return target, entry


@contextlib.contextmanager
def _locked(folder: str):
    """An advisory lock on the folder (flock on its descriptor: nothing is created beside the reports), held
    while the corrections file is read and written again; a no-op where there is no flock."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield  # the write that follows says what is wrong with the folder
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def record_correction(report_file: str, path: str, value: int | None, reason: str, who: str = "") -> tuple[str, Entry]:
    """Write (or update: one correction per file, digest and path) a correction into the corrections file
    beside the report. Returns the file written and the entry."""
    if path not in _cell_paths():
        raise _bad(f"路径 {path} 不是表格单元格", f"{path} is no table cell")

    def replace(book: Book, entry: Entry) -> None:
        book.corrections[:] = [e for e in book.corrections
                               if (e.file, e.sha256, e.path) != (entry.file, entry.sha256, entry.path)] + [entry]

    return _record(report_file, lambda name, digest: Entry(name, digest, path, text(reason), text(who), _now(), value),
                   replace)


def record_review(report_file: str, path: str, state: str, reason: str, rule: str = "", who: str = "") -> tuple[str, Entry]:
    """Mark a finding (its cell path and rule) confirmed or misread in the corrections file beside the report."""
    if state not in REVIEW_STATES:
        raise _bad(f"state 应为 {' 或 '.join(REVIEW_STATES)}", f"state is one of {', '.join(REVIEW_STATES)}")

    def replace(book: Book, entry: Entry) -> None:
        key = (entry.file, entry.sha256, entry.path, entry.rule)
        book.reviews[:] = [e for e in book.reviews if (e.file, e.sha256, e.path, e.rule) != key] + [entry]

    return _record(report_file, lambda name, digest: Entry(name, digest, text(path), text(reason), text(who), _now(),
                                                           state=state, rule=text(rule)), replace)
