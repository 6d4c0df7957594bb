"""Plain text copies: decoded (UTF-8, UTF-16 or UTF-32 by their byte order marks, else GB18030), one
paragraph a line, and the lines of a table that align in columns as one-line tables.

Why columns: ``pdftotext -layout`` and fixed-width exports print a table's cells at character offsets, so a
blank cell is only white space. Read as words, "258 12        1   1" is four values in a row of seven, and
which cells are blank is lost. The offsets of the value words of one table (on one page) line up: spans that
overlap are one column. Where that tells more than the words (a blank cell, a row's values split over two
lines because its cells' text sits at different heights), the reader hands the matcher each value line as a
:class:`Table` row with its values at their columns; elsewhere plain paragraphs, as before.
"""

from __future__ import annotations

import re

from gaischema.extract.document import Block, Cell, Paragraph, Table
from gaischema.loading import InputError


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def text_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark declares, or that the pattern of zero bytes shows (UTF-16 without a
    BOM: every other byte zero in ASCII text); None for what has no such mark (UTF-8, GB18030 or binary)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    head = data[:4096]
    if len(head) >= 8:
        even, odd = head[0::2], head[1::2]
        # UTF-8 and GB18030 text has no zero byte at all; binary data has them anywhere; a CJK character
        # whose code ends in 00 (一 is U+4E00) puts the odd zero on the other side
        z_even, z_odd = even.count(0), odd.count(0)
        if z_odd >= max(4, 0.05 * len(odd)) and z_even * 8 <= z_odd:
            return "utf-16-le"
        if z_even >= max(4, 0.05 * len(even)) and z_odd * 8 <= z_even:
            return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-16 or UTF-32 with a BOM (Notepad's "Unicode") or UTF-16 without one, UTF-8 with
    or without BOM, else GB18030 (a superset of GBK)."""
    wide = text_encoding(data)
    for enc in ((wide,) if wide and wide != "utf-8-sig" else ("utf-8-sig", "gb18030")):
        try:
            # UTF-8 with or without its BOM, by the plain codec (what utf-8-sig does, without its wrapper)
            text = (data[3:] if data.startswith(b"\xef\xbb\xbf") else data).decode("utf-8") \
                if enc == "utf-8-sig" else data.decode(enc)
        except UnicodeDecodeError:
            continue
        name = "utf-8" if enc == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf") else enc
        return (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text), name
    raise InputError("INPUT-ENCODING", "无法识别的文字编码（支持 UTF-8、UTF-16、GB18030/GBK）",
                     "unknown text encoding (UTF-8, UTF-16 and GB18030/GBK are read)")


def read_text(text: str) -> list[Block]:
    """A text copy: one paragraph a line (the matcher's segmenter makes rows of them), except where the lines
    of a table align in columns (``pdftotext -layout``, fixed-width exports) and some of their cells are
    blank or a row's values are split over two lines: there each value line is a one-line :class:`Table`
    whose values stand at their columns (character offsets, consistent over the run of lines), so that a
    blank cell is blank in its own column.

    A page where no word stands two spaces or more after another (nor a line's first two spaces in), as in
    a one-cell-a-line or a flowed copy, has no columns to tell: its lines are paragraphs straight away. On
    the other pages only the lines that end in a value are split into words first (most lines of a report
    are prose or a label): the other lines become paragraphs straight from their text, or are split where a
    run of aligned lines takes them in."""
    blocks: list[Block] = []
    number = 1  # the source line the page starts on
    ends = _VALUE_ENDS
    for page in text.split("\f"):
        raw = page.split("\n")
        if not (_SPACED.search(page) and _TWO_VALUES.search(page)):  # no run's columns can tell more
            blocks.extend([Paragraph(s, None, number + n, len(line) - len(line.lstrip()))
                           for n, line in enumerate(raw) if (s := line.strip())])
            number += len(raw) - 1
            continue
        # a line that may end in a value, split; None for the others (no value at its end: no spans)
        lines = [_split_line(line, number + n) if (e := line.rstrip()[-1:]) and (e.isdecimal() or e in ends)
                 else None for n, line in enumerate(raw)]
        done = 0
        for start, end in _aligned_runs(lines, raw):
            blocks.extend(_plain_raw(raw, lines, done, start, number))
            # whether the run's columns tell more than its words depends on its value lines only: the label
            # lines between them are split only when they do
            centres = _telling_columns([line for line in lines[start:end] if line is not None and line.values])
            if centres is None:
                blocks.extend(_plain_raw(raw, lines, start, end, number))
            else:
                blocks.extend(_aligned_rows([lines[i] or _split_line(raw[i], number + i) for i in range(start, end)],
                                            centres))
            done = end
        blocks.extend(_plain_raw(raw, lines, done, len(raw), number))
        number += len(raw) - 1
    return blocks


def _plain_raw(raw: list[str], lines: list["_Line | None"], start: int, end: int, number: int) -> list[Block]:
    """Lines ``start`` to ``end`` of a page as paragraphs (the line's text stripped, its source line and the
    column its text starts at), without splitting the lines not split."""
    out: list[Block] = []
    for i in range(start, end):
        line = lines[i]
        if line is not None:
            if line.text:
                out.append(Paragraph(line.text, None, line.number, line.column))
            continue
        r = raw[i]
        stripped = r.strip()
        if stripped:
            out.append(Paragraph(stripped, None, number + i, len(r) - len(r.lstrip())))
    return out


# a value a column-aligned line ends in: a count, an amount (with its unit), a percentage, a blank mark
_VALUE_TOKEN = re.compile(r"^(?:[+-]?\d{1,3}(?:,\d{3})+|[+-]?\d+)(?:\.\d+)?(?:万元|元|%)?$|^[—\-－/／–―]{1,2}$")
_VALUE_END_MARKS = "元%—-－/／–―"  # the last characters _VALUE_TOKEN allows, but digits (any \\d)
_VALUE_ENDS = frozenset(_VALUE_END_MARKS)
_BREAK = re.compile(r"^(?:第.{1,8}[条项]|[一二三四五六七八九十]+、\S*情况)")  # a heading: a table ends
MAX_GAP = 6  # label lines between two value lines of one table, at most
_WORD = re.compile(r"\S+")
# a run's columns tell more than its words only where a line of two values or more has a value that stands
# apart (_columns): two white space characters or more before it (see _Line.free). A page without two white
# space characters in a row, or without a line that ends in two words that end as values do, has none. Both
# searches start at a character class, which the regular expression engine skips to
_SPACED = re.compile(r"[^\S\n]{2}")
_VALUE_END = r"[\d" + re.escape(_VALUE_END_MARKS) + "]"
_TWO_VALUES = re.compile(_VALUE_END + r"[^\S\n]+\S*" + _VALUE_END + r"[^\S\n]*$", re.M)


class _Line:
    __slots__ = ("text", "label", "values", "free", "spaced", "number", "column")

    def __init__(self, text, label, values, free, number=None, column=0):
        self.text, self.label, self.values = text, label, values
        self.number, self.column = number, column  # the source line (from 1) and where its text starts on it
        # whether each value stands apart (two spaces or more before it): at its column's offset. A value one
        # space after the label or another value may have been pushed right by it, and tells only its order
        self.free = free
        self.spaced = any(free)  # laid out, not flowed


def _split_line(line: str, number: int | None = None) -> _Line:
    """A line as its label (the words before its values) and its values with their character spans: the
    words at its end that are values, the first of them apart from the label by white space. ``number``: the
    source line's (from 1)."""
    column = len(line) - len(line.lstrip())
    stripped = line.strip()
    end = stripped[-1:]
    if not (end.isdecimal() or end in _VALUE_ENDS):  # most lines (prose, labels) end in no value: no spans
        return _Line(stripped, " ".join(line.split()), [], [], number, column)
    last = line.rsplit(None, 1)[-1:]
    if not last or not _VALUE_TOKEN.match(last[0]):
        return _Line(stripped, " ".join(line.split()), [], [], number, column)
    if len(last[0]) == len(stripped):  # one word, a value (a cell a line): its span, apart when indented
        start = line.index(stripped)
        return _Line(stripped, "", [(start, start + len(stripped), stripped)], [start >= 2], number, column)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(line)]
    n = len(words)
    while n and _VALUE_TOKEN.match(words[n - 1][2]):
        n -= 1
    values = words[n:]
    label = " ".join(w for _, _, w in words[:n])
    before = [words[n - 1][1] if n else 0] + [e for _, e, _ in values[:-1]]
    return _Line(line.strip(), label, values, [s - b >= 2 for b, (s, _, _) in zip(before, values)], number, column)


def _aligned_runs(lines: list[_Line | None], raw: list[str]):
    """(start, end) of each run of lines of one table: value lines with at most MAX_GAP label lines between
    them, no heading among them (``lines``: the lines split, None for a line that ends in no value; ``raw``:
    every line's text)."""
    start = last = None
    for i, line in enumerate(lines):
        if line is not None and line.values:
            if start is None:
                start = i
            elif i - last - 1 > MAX_GAP:
                yield start, last + 1
                start = i
            last = i
        elif start is not None and _BREAK.match(line.label if line is not None else " ".join(raw[i].split())):
            yield start, last + 1
            start = None
    if start is not None:
        yield start, last + 1


def _paragraph(line: _Line) -> Paragraph:
    return Paragraph(line.text, line=line.number, column=line.column)


def _cells(line: _Line, at: dict[int, str]) -> list[Cell]:
    """A value line's cells at their columns, each with its span on the source line (``at`` holds the
    line's values in order, by column)."""
    return [Cell(0, 1 + c, w, span=(line.number, s, e) if line.number is not None else None)
            for (c, w), (s, e, _) in zip(sorted(at.items()), line.values)]


def _columns(lines: list[_Line]) -> list[tuple[float, float] | None] | None:
    """The value columns of a run: for each, the range of the centres of the values that stand apart in its
    fullest lines (those with the most values), or None for a column whose values there were all pushed.
    None where fewer than two lines have values, or the ranges do not follow one another."""
    most = max(len(line.values) for line in lines)
    full = [line for line in lines if len(line.values) == most and line.spaced]
    if most < 2 or len(lines) < 2 or not full:
        return None  # text that flows (one space between words) has no columns
    ranges: list[tuple[float, float] | None] = []
    for j in range(most):
        mids = [(line.values[j][0] + line.values[j][1]) / 2 for line in full if line.free[j]]
        ranges.append((min(mids) - 1.5, max(mids) + 1.5) if mids else None)
    known = [r for r in ranges if r is not None]
    if any(a[1] >= b[0] for a, b in zip(known, known[1:])):
        return None
    return ranges


def _unknown_between(ranges, mid: float) -> list[int]:
    """The columns of unknown range that a value may be in: those between the known columns around it."""
    lo = max((j for j, r in enumerate(ranges) if r is not None and r[1] < mid), default=-1)
    hi = min((j for j, r in enumerate(ranges) if r is not None and r[0] > mid), default=len(ranges))
    return [j for j in range(lo + 1, hi) if ranges[j] is None]


def _learn(ranges, lines: list[_Line]) -> list:
    """The ranges widened by the values that stand apart in the lines placed with them (so a column that
    the fullest lines gave only pushed values gets its range from the others), in one pass."""
    seen: dict[int, list[float]] = {}
    for line in lines:
        at = _place(ranges, line)
        if not at:
            continue
        cols = sorted(at)
        for j, (s, e, _), free in zip(cols, line.values, line.free):
            if free:
                seen.setdefault(j, []).append((s + e) / 2)
    out = list(ranges)
    for j, mids in seen.items():
        lo, hi = min(mids) - 1.5, max(mids) + 1.5
        out[j] = (min(lo, out[j][0]), max(hi, out[j][1])) if out[j] is not None else (lo, hi)
    known = [r for r in out if r is not None]
    if any(a[1] >= b[0] for a, b in zip(known, known[1:])):
        return ranges  # what was learnt makes two columns overlap: keep what the fullest lines said
    return out


def _place(ranges: list[tuple[float, float] | None], line: _Line) -> dict[int, str] | None:
    """A line's values by column, where its offsets tell them for sure: each value that stands apart in the
    one column whose range holds its centre; the values pushed against it (one space before them) in the
    columns just before the next such anchor, which they must fill exactly. None otherwise."""
    if not line.spaced:
        return None
    at: dict[int, str] = {}
    chain: list[str] = []  # pushed values waiting for the next anchor
    after = -1  # the column of the last anchor

    def settle(upto: int) -> bool:
        # values pushed against the label could stand in any column before the anchor: they must fill them;
        # values pushed against a value stand in the columns right after it
        if len(chain) > upto - after - 1 or (after < 0 and chain and len(chain) != upto):
            return False
        for n, w in enumerate(chain):
            at[after + 1 + n] = w
        chain.clear()
        return True

    for (s, e, word), free in zip(line.values, line.free):
        if not free:
            chain.append(word)
            continue
        mid = (s + e) / 2
        cols = [j for j, r in enumerate(ranges) if r is not None and r[0] <= mid <= r[1]] or \
            [j for j in _unknown_between(ranges, mid)]
        if len(cols) != 1 or cols[0] <= after + len(chain) or not settle(cols[0]):
            return None
        at[cols[0]] = word
        after = cols[0]
    if chain and not (after >= 0 and settle(len(ranges))):
        return None  # pushed values after the last anchor fill the columns after it; before any, unknown
    return at


_NUMBERED = re.compile(r"^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)")


def _telling_columns(value_lines: list[_Line]) -> list | None:
    """The value columns of a run's value lines where they tell more than the words do (a blank cell
    somewhere, or a row's values on two lines); None where the run is read as paragraphs."""
    centres = _columns(value_lines)
    if centres is not None:
        centres = _learn(centres, value_lines)
    if centres is None or all(len(line.values) == len(centres) for line in value_lines):
        return None
    return centres


def _aligned_rows(lines: list[_Line], centres: list) -> list[Block]:
    """A run of lines whose value columns tell more than its words (:func:`_telling_columns`) as paragraphs
    (label lines) and one-line tables (value lines). A line whose values do not fall clearly into the columns
    stays a paragraph."""
    rows: list[list[Cell] | Paragraph] = []
    open_row: tuple[list[Cell], set[int]] | None = None  # the last value line's cells and columns
    for n, line in enumerate(lines):
        at = _place(centres, line) if line.values else None
        if at is None and line.values and not any(line.free) and n + 1 < len(lines) and lines[n + 1].values:
            # only values pushed against the label, and the row's other values a line lower: they fill the
            # columns before that line's first
            below = _place(centres, lines[n + 1])
            if below and min(below) == len(line.values):
                at = {j: w for j, (_, _, w) in enumerate(line.values)}
        if not at:
            open_row = None
            if line.text:
                rows.append(_paragraph(line))
            continue
        if open_row is not None and min(at) > max(open_row[1]) and not _NUMBERED.match(line.label):
            # the rest of the last row's values, a line lower (cells whose text sits lower): the same row
            open_row[0].extend(_cells(line, at))
            open_row[1].update(at)
            open_row = None
            if line.label:
                rows.append(Paragraph(line.label))
            continue
        cells = [Cell(0, 0, line.label)] + _cells(line, at)
        rows.append(cells)
        open_row = (cells, set(at))
    return [r if isinstance(r, Paragraph) else Table(r, 1, 1 + len(centres), text_line=True) for r in rows]
