"""The matcher: finds the official tables' cells in a document, whatever its layout.

Why it works this way: published reports bring layouts nobody has seen (merged labels repeated on every row,
placeholder headers, labels wrapped over many lines or pages, value rows apart from their labels, digits run
together). Searching label strings in a flattened text breaks on each of them. Instead, three stages hand
plain data to each other:

1. **Row view** (:func:`row_view`). Every block becomes candidate rows (:class:`Line`): a label and the
   values after it. A table row gives its text cells as label and the cells after the last text cell as
   values (merged cells resolved by the document model; a row continued on the next page joins the row it
   continues). Paragraphs go through a segmenter: label words collect until values come, values collect until
   a label word comes, so one-cell-per-line, space-separated and hard-wrapped text all give the same rows.
2. **Alignment** (:func:`align`). The official rows of the three tables, from the schema's cell map and
   aliases, are aligned to the candidate rows by label similarity and order (a monotone sequence alignment,
   so repeated merged labels, dropped numbering, split labels and garbled headers do no harm). Between two
   rows matched by label, unlabelled value rows are taken by position only when their count is exactly the
   count of official rows missing there (noted ``positional``). Table 四's one row of fifteen values sits
   under its column headers.
3. **Values** (:func:`read_values`). Each cell's text is read (numbers, blanks, units, remarks). Reading follows
   the print, checking comes after: digits run together whose split the print determines (as many digits as
   cells) are read as printed, whatever they sum to. Only among the splits the print leaves open do the accounting
   identities the rule engine compiles from the schema (:meth:`gaischema.engine.Engine.identities`) choose: a
   split is taken only when exactly one satisfies them. Where none does, the row stays blank and a
   ``no_consistent_reading`` note names the identity's rule, which the validator reports as that rule's error;
   rows that each have one split of their own but no assignment together are read by their own splits and the
   validator names the identity they break. A report whose arithmetic is wrong is thus read, not blanked.

Nothing is guessed: a cell is the source's value, or blank with a note saying why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from gaischema.extract.document import Cell, Document, Paragraph, Spot, Table
from gaischema.engine import Identity
from gaischema.model import Model, OfficialRow
from gaischema.extract.readers.common import fold_radicals, is_page_number
from gaischema.extract.readers.ocr import MIN_CONFIDENCE as OCR_MIN_CONFIDENCE

BLANK_MARKS = {"", "—", "——", "-", "--", "－", "/", "／", "无", "\\", "空", "–", "―", "/ ", "——/"}
_VALUE = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+))(\.\d+)?\s*(万元|元|件|个|项|条|宗|次|%)?$")
_REMARK = re.compile(r"^(.*?\S)\s*[（(]([^（）()]*)[）)]$")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、])")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
MIN_SIMILARITY = 0.7
PAIRED_MIN_ROWS = 8
MAX_SPLIT_DIGITS = 40
SPLIT_BUDGET = 200_000  # candidate splits generated per row, and search steps across rows, at most


# ------------------------------------------------------------------------------------------------ notes
@dataclass
class Note:
    """Something the extractor could not read, or read other than from a clearly labelled cell."""

    kind: str
    path: str
    message: str
    raw: str | None = None
    candidates: list[str] | None = None
    confidence: float | None = None  # OCR's, for a value read from a picture
    rule: str | None = None  # the rule no reading of the printed digits satisfies (no_consistent_reading)
    readings: int | None = None  # how many readings satisfy the rules (ambiguous), all of them counted

    def as_dict(self) -> dict:
        d = {"note_kind": self.kind, "note_path": self.path, "note_message": self.message}
        if self.raw is not None:
            d["note_raw"] = self.raw
        if self.candidates:
            d["note_candidates"] = self.candidates
        if self.confidence is not None:
            d["note_confidence"] = self.confidence
        if self.rule is not None:
            d["note_rule"] = self.rule
        if self.readings is not None:
            d["note_readings"] = self.readings
        return d


# ------------------------------------------------------------------------------------------------ text forms
def norm(text: str) -> str:
    """The form labels are compared in: radicals and full-width forms folded (NFKC), no white space or
    quotes, 转结 read as 结转. Labels (short, and repeated from report to report) are cached; a whole text is
    not, so that a corpus run does not keep every report's text."""
    return _norm_label(text) if len(text) <= 200 else _normalize(text)


def _normalize(text: str) -> str:
    s = fold_radicals(text)
    if len(s) > 200:  # NFKC only where it can change something (see _STABLE): a report's text is mostly
        s = nfkc_text(s)  # ideographs and ASCII, and NFKC over all of it cost a sixth of an extraction
    else:
        s = unicodedata.normalize("NFKC", s)
    s = "".join(s.split())  # white space: str.split's is the regular expression's \s
    for quote in _QUOTES:
        if quote in s:
            s = s.replace(quote, "")
    return s.replace("转结", "结转")


# characters NFKC leaves as they are and never composes with what stands before them (ASCII, the general
# punctuation and CJK punctuation that is its own NFKC form and no combining mark, the CJK Unified
# Ideographs): NFKC of a text is NFKC of its other runs, each with the one character before it (a base a
# combining mark may compose with), the rest unchanged
_STABLE_PUNCTUATION = "".join(c for c in map(chr, [*range(0x2010, 0x2028), *range(0x3001, 0x3040)])
                              if unicodedata.normalize("NFKC", c) == c and not unicodedata.combining(c))
_STABLE = "\x00-\x7f\u4e00-\u9fff" + re.escape(_STABLE_PUNCTUATION)
_UNSTABLE_RUN = re.compile("[^" + _STABLE + "]+")
# the full-width punctuation of nearly every line of a report, each NFKC's one ASCII character: replaced
# first (a character whose NFKD is ASCII may be replaced by it before NFKC without changing NFKC's result),
# so that the runs left are few
_FULL_WIDTH = tuple((c, unicodedata.normalize("NFKC", c)) for c in "，（）：；．？！")


def nfkc_text(s: str) -> str:
    """``unicodedata.normalize("NFKC", s)`` of a long text, computed on the runs of characters it can change
    (each with the character before it) only."""
    for a, b in _FULL_WIDTH:
        if a in s:
            s = s.replace(a, b)
    if unicodedata.is_normalized("NFKC", s):  # most texts, once their punctuation is replaced: a quick check
        return s
    out: list[str] = []
    pos = 0
    for m in _UNSTABLE_RUN.finditer(s):
        start = m.start()
        if start > pos:  # the stable character before the run goes with it
            out.append(s[pos:start - 1])
            start -= 1
        out.append(_nfkc_run(s[start:m.end()]))
        pos = m.end()
    if not out:
        return s
    out.append(s[pos:])
    return "".join(out)


@lru_cache(maxsize=4096)
def _nfkc_run(run: str) -> str:  # the same few runs (“”, ①) stand in every report
    return unicodedata.normalize("NFKC", run)


_QUOTES = "\"'“”‘’「」"
_norm_label = lru_cache(maxsize=16384)(_normalize)


def core(label: str) -> str:
    """A label without its numbering (一、 （三） 1.)."""
    s = norm(label)
    return _NUMBERING.sub("", s, count=1)


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s}


class Parsed(NamedTuple):
    """A cell's text as read: its value (None: blank), its unit, a remark in brackets, a mark after the number
    (¹, ①, *), or the problem that leaves a number-like cell blank (a mark inside it, two numbers)."""

    value: Any
    unit: str | None = None
    remark: str | None = None
    mark: str | None = None
    problem: str | None = None


_MARKS = "*＊†‡※§#＃"  # footnote marks
_NUMBER_LIKE = re.compile(r"[\d\s,.，．+-]+")


def _is_decoration(ch: str) -> bool:
    """Superscript, subscript, circled, parenthesised and dotted digits (which NFKC would turn into plain
    digits and join to the number: 524¹ as 5241), and footnote marks."""
    return (ch.isdigit() and not ch.isdecimal()) or ch in _MARKS


# the blocks of nearly every character of a report (ASCII, CJK punctuation, ideographs, full-width forms)
# hold no decoration but the footnote marks (* # ＊ ＃): the other characters are looked at one by one
_MAY_DECORATE = re.compile("[^\x00-\x7f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _has_decoration(text: str) -> bool:
    """Whether any character of the text is a decoration (:func:`_is_decoration`)."""
    return any(m in text for m in _MARKS) or any(_is_decoration(m.group()) for m in _MAY_DECORATE.finditer(text))


@lru_cache(maxsize=16384)
def parse_value(text: str) -> Parsed | None:
    """A cell's text as :class:`Parsed` (value None for a blank mark, or for a number-like cell that cannot be
    read as one number, with its problem); None if the text is no value (a label)."""
    if text.isascii() and text.isdigit() and len(text) <= 15:
        return Parsed(int(text))
    if _has_decoration(text):
        return _decorated(text)
    s = (unicodedata.normalize("NFKC", text) if len(text) <= 200 else nfkc_text(text)).strip()
    s = " ".join(s.split())
    if s in BLANK_MARKS or all(ch in "—-－–―/／ " for ch in s):
        return Parsed(None)
    remark = None
    # the remark's and the spaces' patterns are tried only where they can match (a closing bracket at the
    # end, a space): on a long word the remark's pattern tries every bracket against every start
    m = _REMARK.match(s) if s.endswith((")", "）")) else None
    if m and _VALUE.match(m.group(1).replace(" ", "")):
        s, remark = m.group(1), m.group(2)
    if " " in s:
        s = _SPACE_BEFORE_UNIT.sub("", s)
        if _TWO_NUMBERS.search(s):
            joined = s.replace(" ", "")
            if _VALUE.match(joined) and len(joined) <= 17:
                return Parsed(None, problem="two")  # 524 13: never joined into one number
            return None
    m = _VALUE.match(s)
    if not m:
        return None
    whole, frac, unit = m.group(1).replace(",", ""), m.group(2), m.group(3)
    if len(whole.lstrip("+-")) > 15:
        return None  # not a count of anything
    value: Any = float(whole + frac) if frac else int(whole)
    return Parsed(value, unit, remark)


_SPACE_BEFORE_UNIT = re.compile(r"(?<=\d) +(?=\D)")
_TWO_NUMBERS = re.compile(r"\d[\d,.]* +[\d,.]*\d")


def _decorated(text: str) -> Parsed | None:
    """A number with a mark: the number before a trailing mark (524¹, 524①, 524*), noted; a mark inside the
    number (5²4) leaves the cell blank, noted. Text that is no number with its marks taken out is a label."""
    body = "".join(ch for ch in text if not _is_decoration(ch))
    plain = parse_value(body) if body.strip() else None
    if plain is None or plain.value is None or plain.problem:
        if plain is not None and plain.problem:
            return plain
        return None
    stripped = text.rstrip()
    end = len(stripped)
    while end and (_is_decoration(stripped[end - 1]) or stripped[end - 1].isspace()):
        end -= 1
    head, mark = stripped[:end], stripped[end:].strip()
    if not any(_is_decoration(ch) for ch in head):
        return plain._replace(mark=mark)
    return Parsed(None, problem="mark")


_DIGIT = re.compile(r"\d")
_NUMBERED_LABEL = re.compile(r"\d[.、．]\D+$")  # 1.属于国家秘密: numbering, not a value
_FOOTER_MARK = re.compile(r"[-—–－/页]")
_GLUED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\D+")  # 59,490,886.67 is one number
_MONEY_AFTER = re.compile(r"^(万元|元)")  # an amount's unit glued to it (1973601627.4元): part of the cell
# the first digit found without backtracking (the same matches as [（(][^（）()]*\d[^（）()]*[）)], which went to the
# next bracket and back again for every bracket of a long text)
_REMARK_IN_TEXT = re.compile(r"[（(][^（）()\d]*\d[^（）()]*[）)]")
_NUMBERING_AFTER = re.compile(r"[.、．](?:\D|$)")  # 2.其他, and a bare 1. before its row's values
# digits glued to what follows them that are no cell: dates, numbering, and quantities in sentences
# (文件393件, 51.85%, 共3次); a cell's own unit stands apart from the next label (54件 is a word of its own)
_NOT_A_VALUE_AFTER = re.compile(r"^(?:[年月日号时分秒岁届期次件个条人篇家名份批户起场张位余多万亿%％]|:\d|-\d|/\d|[.、．]\D)")


@lru_cache(maxsize=1)
def _signed_labels() -> tuple[str, ...]:
    """The labels of the rows that have a signed cell (2019 table 二's 本年增/减), normalised."""
    model = Model.load()
    rows = {c["row"].split(" / ")[-1] for v in model.versions for c in model.cells(v) if c["type"] == "signed_count"}
    return tuple(sorted(core(r) for r in rows))


def _signed_row(label: str) -> bool:
    return bool(label) and norm(label).endswith(_signed_labels())


@lru_cache(maxsize=1)
def _signed_cells() -> frozenset[str]:
    model = Model.load()
    return frozenset(c["path"] for v in model.versions for c in model.cells(v) if c["type"] == "signed_count")


def signed_splits(text: str, signed: tuple[bool, ...]) -> list[tuple[int, ...]]:
    """Every reading of a run-together row with signs (0+11, 88-720) as len(signed) cells: a sign begins a cell,
    and only a signed column's cell (``signed``) may have one; the digits between are cut as :func:`_splits`
    cuts them. Bounded as the other splits."""
    segments = re.findall(r"[+-]?\d+", text)
    n = len(signed)
    out: list[tuple[int, ...]] = []
    budget = [SPLIT_BUDGET]

    def go(i: int, pos: int, acc: tuple) -> None:
        if budget[0] <= 0:
            return
        if i == len(segments):
            if pos == n:
                out.append(acc)
            return
        seg = segments[i]
        sign = -1 if seg[0] == "-" else 1
        digits = seg.lstrip("+-")
        if seg[0] in "+-" and not signed[pos]:
            return
        left = len(segments) - i - 1
        for k in range(1, n - pos - left + 1):
            for split in _splits(digits, k, budget):
                go(i + 1, pos + k, acc + (sign * split[0], *split[1:]))

    if segments and len(segments) <= n:
        go(0, 0, ())
    return out


def tokens(text: str):
    """A paragraph as ("label", text) and ("value", text) tokens. Words separated by white space are
    tokens; digits glued to words (text copies that lost every separator: 规章000行政规范性文件77132470) are
    cut out of them, except where they are numbering (2.其他), dates, or numbers in a title (〔2021〕)."""
    # a remark in brackets after a number ("22（其中修订16件）") belongs to that number: dropped here
    if "（" in text or "(" in text:
        text = _REMARK_IN_TEXT.sub(" ", text)
    for word in text.split():
        if parse_value(word) is not None:
            yield "value", word
            continue
        pieces = _GLUED.findall(word)
        # (kind, the parts of its text): a label's parts are joined once at the end (a narrative of thousands of
        # characters without a space grew its label by copying it at every number in it)
        out: list[tuple[str, list[str]]] = []
        for n, piece in enumerate(pieces):
            if not piece:
                continue
            if not piece[0].isdigit():
                _add_label(out, piece)
                continue
            after = pieces[n + 1] if n + 1 < len(pieces) else ""
            end = out[-1][1][-1][-1:] if out else ""  # the last character before (parts are never empty)
            money = _MONEY_AFTER.match(after)
            if after in ("+", "-", "＋", "－") and n + 2 < len(pieces) and pieces[n + 2][:1].isdigit() \
                    and "." not in piece and _signed_row("".join(out[-1][1]) if out else ""):
                run, j = piece, n  # 0+11, 88-720: a 本年增/减 cell's sign inside a run-together row
                while j + 2 < len(pieces) and pieces[j + 1] in ("+", "-", "＋", "－") and pieces[j + 2].isdigit():
                    run += unicodedata.normalize("NFKC", pieces[j + 1]) + pieces[j + 2]
                    pieces[j + 1] = pieces[j + 2] = ""  # taken: skipped below
                    j += 2
                out.append(("value", [run]))
            elif money and end not in _NOT_AFTER_MARKS:
                out.append(("value", [piece + money.group(1)]))  # the unit goes with its number, never lost
                pieces[n + 1] = after[money.end():]
            elif _NUMBERING_AFTER.match(after) and "." not in piece:
                digits, numbering = piece[:-1], piece[-1]  # 00000002.其他: the 2 numbers the next row
                if digits:
                    out.append(("value", [digits]))
                out.append(("label", [numbering]))
            elif _NOT_A_VALUE_AFTER.match(after) or end in _NOT_AFTER_MARKS:
                _add_label(out, piece)
            else:
                out.append(("value", [piece]))
        for kind, parts in out:
            text = "".join(parts)
            if kind == "value" or text.strip():
                yield kind, text


_NOT_AFTER_MARKS = ("第", "〔", "[", "【", "共")  # digits after these are a number's (第3条, 〔2021〕, 共3次), no cell


def _add_label(out: list[tuple[str, list[str]]], piece: str) -> None:
    """``piece`` joins the label :func:`tokens` has open, or opens one."""
    if out and out[-1][0] == "label":
        out[-1][1].append(piece)
    else:
        out.append(("label", [piece]))


# ------------------------------------------------------------------------------------------------ row view
@dataclass
class Line:
    """A candidate row: a label and the cell texts after it (a grid's empty cells included)."""

    label: str
    values: list[str]
    grid: bool
    where: str
    spanned: set[int] = field(default_factory=set)  # values whose cell is merged down from the row above
    confidences: list[float | None] | None = None  # OCR's per value (a grid read from a picture), else None
    paired: bool = False  # its label and values stood in separate blocks, paired by order
    columns: bool = False  # its values stand at their columns (column-aligned text; "" for a blank cell)
    spots: list[Spot | None] | None = None  # where each value stands in the document (None: not known)


def row_view(doc: Document, forms: frozenset[str] = frozenset()) -> list[Line]:
    """The candidate rows of a document in reading order. ``forms``: the official row labels (normalised);
    a row whose label began on the line of its values and does not yet end in one of them goes on in the
    label lines that follow (a narrow label column wrapped past its values, as PDF text layers give it)."""
    lines: list[Line] = []
    label: list[str] = []
    values: list[str] = []
    seg_start = 0
    mixed = False  # the open row's label began on the line of its first value

    spots: list[Spot | None] = []  # where each of the open row's values stands
    value_blocks: list[int] = []  # the block each of them stands in
    label_blocks: list[tuple[int, str]] = []  # the open row's label words on their lines, with their blocks

    columns = False  # the open row's values came from column-aligned lines

    def flush():
        nonlocal mixed, columns
        if label or values:
            paired = _paired(value_blocks, values, spots, label_blocks, forms) \
                if len(values) >= PAIRED_MIN_ROWS else None
            lines.extend(paired or [Line(" ".join(label), list(values), False, f"text {seg_start + 1}",
                                         columns=columns, spots=list(spots))])
        label.clear()
        values.clear()
        spots.clear()
        value_blocks.clear()
        label_blocks.clear()
        mixed = False
        columns = False

    def complete() -> bool:
        return label_complete(" ".join(label), forms)

    prev_table: Table | None = None
    scanned = _OcrRows(lines, forms, doc.blocks)  # the words OCR read outside a ruled grid, by their places
    for k, block in enumerate(doc.blocks):
        if type(block) is Paragraph and read_by_ocr(block):
            flush()
            prev_table = None
            scanned.add(block, k)
            continue
        scanned.close()
        aligned = None
        if type(block) is Table and block.text_line:  # a line of column-aligned text: its label, its columns
            aligned = [(c.text if c is not None else "") for c in block.grid[0][1:]]
            aligned_spots = [Spot(k, c) if c is not None else None for c in block.grid[0][1:]]
            block = Paragraph(block.grid[0][0].text if block.grid[0][0] is not None else "")
        if type(block) is Paragraph:
            pieces, where, labels_only, sentence, cut, page_number = paragraph_pieces(block.text)
            if page_number:
                continue
            prev_table = None
            if not label and not values:
                seg_start = k
            if aligned is None and values and mixed and forms and pieces and labels_only \
                    and not complete() and not sentence:
                label.extend(t for _, t in pieces)  # the open row's label goes on
                continue
            label_here = False
            for (kind, token), span, rest in zip(pieces, where, cut):
                if kind == "value":
                    if not values:
                        mixed = label_here
                    values.append(token)
                    spot = _tuple_new(Spot, (k, None, *span)) if span is not None else None
                    spots.append(spot)
                    value_blocks.append(k)
                    continue
                if values:
                    flush()
                    seg_start = k
                if rest is not None:  # a sentence ended: what came before is narrative
                    label.clear()
                    label_blocks.clear()
                    token = rest
                if token:
                    label.append(token)
                    label_blocks.append((k, token))
                    label_here = True
            if aligned is not None:
                if values and not columns:
                    flush()
                    seg_start = k
                if not values:
                    mixed = label_here
                columns = True
                values.extend(aligned)
                spots.extend(aligned_spots)
                value_blocks.extend([k] * len(aligned))
            continue
        flush()
        continuation = prev_table is not None and block.page is not None and prev_table.page is not None \
            and block.page > prev_table.page
        for r in range(block.nrows):
            line = _grid_line(block, r, f"table {k + 1} row {r + 1}", k)
            if line is None:
                continue
            if continuation and r == 0 and lines and lines[-1].grid and line.label and \
                    not any(v.strip() for v in line.values):
                lines[-1].label += line.label  # a row broken across pages: its label goes on here
                continue
            lines.append(line)
        prev_table = block
    flush()
    scanned.close()
    if forms:
        _values_before_labels(lines, forms)
    return lines


_tuple_new = tuple.__new__  # a Spot made without its keyword-handling constructor (one per value read)


class Pieces(NamedTuple):
    """A paragraph's text as the row view reads it (:func:`paragraph_pieces`)."""

    pieces: tuple[tuple[str, str], ...]  # ("label" | "value", text), in order
    spans: tuple[tuple[int, int] | None, ...]  # where each value piece stands in the text (None: a label)
    labels_only: bool  # no value among them
    sentence: bool  # a piece holds a sentence's end
    cut: tuple[str | None, ...]  # for a label piece that holds a sentence's end, what follows the last one
    page_number: bool  # the paragraph is a page's footer (— 3 —, 3/7): no row's


def _paragraph_pieces(text: str) -> Pieces:
    page_number = len(text) < 25 and _FOOTER_MARK.search(text) is not None and is_page_number(text)
    if "（" in text or "(" in text:  # blanked where it stands, so that offsets stay the text's
        text = _REMARK_IN_TEXT.sub(_blank, text)
    pieces: list[tuple[str, str]] = []
    for word in text.split():
        if parse_value(word) is not None:
            pieces.append(("value", word))
            continue
        glued = _DIGIT.search(word) and not _NUMBERED_LABEL.match(word)
        pieces.extend(tokens(word) if glued else (("label", word),))
    ends = [_SENTENCE_END.search(t) is not None for _, t in pieces]
    cut = tuple(_SENTENCE_END.split(t)[-1] if end and kind != "value" else None
                for (kind, t), end in zip(pieces, ends))
    return Pieces(tuple(pieces), tuple(_spans(text, pieces)), all(kind == "label" for kind, _ in pieces), any(ends),
                  cut, page_number)


_short_pieces = lru_cache(maxsize=16384)(_paragraph_pieces)


def paragraph_pieces(text: str) -> Pieces:
    """A paragraph's words as label and value pieces (:func:`tokens` for words with digits glued to them),
    with the values' places in the text. The same work for the same text: a short paragraph's (a label, a
    value, a row of a text copy: repeated from report to report) is kept, a long one's (narrative) is not."""
    return _short_pieces(text) if len(text) <= 200 else _paragraph_pieces(text)


def _spans(text: str, pieces: list[tuple[str, str]]) -> list[tuple[int, int] | None]:
    """Where each value piece of a paragraph stands in its text (the pieces are its words, or parts of them,
    in order); None for labels, and for a piece not found."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for kind, piece in pieces:
        i = text.find(piece, pos)
        if i < 0:
            out.append(None)
            continue
        pos = i + len(piece)
        out.append((i, pos) if kind == "value" else None)
    return out


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


_BLOCK_HEADING = re.compile(r"^(?:第[一二三四五六七八九十\d]+条|[一二三四五六七八九十]+、\S{0,24}情况$)")


def _values_before_labels(lines: list[Line], forms: frozenset[str]) -> None:
    """Text that prints each row's values before its label (pdftotext without -layout of some PDFs: 0 0 0 /
    规章 / 77 132 470 / 行政规范性文件 / 第二十条第（五）项 …) would give every row the next row's values.
    Its sign: a block whose first values follow its column headers, not a row label, and whose last row
    label stands alone before the next heading. Such a block's values are not read (its rows are reported
    missing); a row is never given another row's values."""
    start = None  # the line that opened the current block (its heading in its label)
    for n, line in enumerate(lines):
        if line.grid:
            start = None
            continue
        if "第" not in line.label and "、" not in line.label:
            continue  # no heading in the label (each begins with 第 or holds 、): most rows
        words = line.label.split()
        at = next((t for t, w in enumerate(words) if _BLOCK_HEADING.match(w)), None)
        if at is None:
            continue
        if at > 0 and start is not None and label_complete(" ".join(words[:at]), forms):
            opening = lines[start]
            head = opening.label.split()
            h = next(t for t, w in enumerate(head) if _BLOCK_HEADING.match(w))
            if opening.values and not label_complete(" ".join(head[h:]), forms):
                for m in range(start, n + 1):
                    lines[m].values = []
                    lines[m].spots = []
        start = n


def _paired(value_blocks: list[int], values: list[str], spots: list[Spot | None],
            label_blocks: list[tuple[int, str]], forms: frozenset[str]) -> list[Line]:
    """A block of row labels, one a line, followed by a block of value lines, one row a line (text that
    lists a table's labels and its values apart): paired by order when the numbers agree, else nothing.
    The open row's values with the block each stands in, and its label words with theirs."""
    value_lines: dict[int, list[str]] = {}
    value_spots: dict[int, list[Spot | None]] = {}
    for k, value, spot in zip(value_blocks, values, spots):
        value_lines.setdefault(k, []).append(value)
        value_spots.setdefault(k, []).append(spot)
    # a whole block (eight rows at least): two neighbouring rows whose lines were lost look alike otherwise
    if len(value_lines) < PAIRED_MIN_ROWS or len({len(v) for v in value_lines.values()}) != 1 \
            or len(next(iter(value_lines.values()))) < 2:
        return []
    label_lines: dict[int, list[str]] = {}
    for k, word in label_blocks:
        label_lines.setdefault(k, []).append(word)
    if set(label_lines) & set(value_lines):
        return []  # labels and values share a line: not two blocks
    labels = [" ".join(t) for t in label_lines.values() if label_complete(" ".join(t), forms)]
    if len(labels) != len(value_lines):
        return []
    return [Line(lab, vals, False, f"text {k + 1}", paired=True, spots=value_spots[k])
            for lab, (k, vals) in zip(labels, value_lines.items())]


# ------------------------------------------------------------------------------------------------ OCR rows
# Words OCR read outside a ruled grid (a table printed without rules, or with each cell its own box, that the
# table finder found no grid in) are no text layer: each is a crop the recogniser read, with its confidence,
# at its place on the page. The text segmenter's habits, right for text layers, wrote wrong values here: words
# of several rows were taken for one row (the values of three rows under the next row's label: a label wrapped
# past its values goes on, in text), and their digits for digits run together, split over the row's cells
# (seven cells of （六）其他处理, printed blank, written from the rows above). So OCR's rows are made here, by
# the words' places: a row's values are the number words on its label's line of the page, each word one cell
# with its own confidence; a label goes on only in the line right under it and in its own column; a line of
# values takes the label of the line right above it only when that label stands left of the values. Values
# with no label on or next to their line are no row's (never placed by position). A word that is no number
# and holds no Chinese character (a rule's remnant read as [, L or ]) is no label either; one with digits in
# it is a value OCR could not read (confidence 0: blank with a note). Where the table's header names its
# columns (each heading a word, or words stacked in its cell, that spell an official column name), a row's
# words are read in the column each stands under, and a column without a word is a cell OCR could not read
# (never taken for blank: the detector can miss a lone 0 altogether).
def read_by_ocr(block: Paragraph) -> bool:
    """Whether a paragraph is words OCR read from a picture (they carry its confidences)."""
    boxes = block.boxes
    return bool(boxes) and getattr(boxes[0][1], "confidence", None) is not None


def ocr_words_line(line: Line) -> bool:
    """Whether a candidate row is made of OCR's words outside a ruled grid (:class:`_OcrRows`)."""
    return not line.grid and line.confidences is not None and not line.columns


def _has_ideograph(text: str) -> bool:
    return any(unicodedata.category(ch) == "Lo" for ch in text)


def _ocr_word_kind(text: str) -> str | None:
    """"value", "unread" (digits in a word that is no number: a value OCR misread), "label", or None (a mark
    that is neither: a rule's remnant)."""
    if parse_value(text) is not None:
        return "value"
    if _has_ideograph(text):
        return "label"
    return "unread" if _DIGIT.search(text) else None


class _OcrWord(NamedTuple):
    text: str
    kind: str
    at: int  # offset in its paragraph's text
    box: Any  # the OCR word (x0, top, x1, bottom, confidence)
    block: int


class _OcrRows:
    """The candidate rows of OCR's words outside a grid (see the comment above), made line by line of the page
    and appended to ``lines`` in reading order."""

    def __init__(self, lines: list[Line], forms: frozenset[str], blocks: list | None = None):
        self.lines, self.forms, self.blocks = lines, forms, blocks or []
        self._pages: dict[int | None, list[_OcrWord]] | None = None  # every OCR word outside grids, by page
        self.pending: list[_OcrWord] = []  # label words of the lines above not yet given to a row
        self.last: tuple | None = None  # the last row made: (its line, its label's words, its value words)
        self.header: list[_OcrWord] = []  # label words of the lines since the last row of values
        self.columns: list[tuple[float, float]] | None = None  # the table's value columns, from its header

    def add(self, block: Paragraph, k: int) -> None:
        for words in _page_lines(block, k):
            self._line(words)

    def close(self) -> None:
        self._emit_pending()
        self.last = None
        self.header, self.columns = [], None

    def _emit_pending(self) -> None:
        if self.pending:
            self.lines.append(Line(" ".join(w.text for w in self.pending), [], False,
                                   f"text {self.pending[0].block + 1}", confidences=[]))
            self.pending = []

    def _line(self, words: list[_OcrWord]) -> None:
        # (label words, value words), in order; a mark that is neither (kind None) goes with the values after
        # the label, where a table's columns may show it stands in a cell
        groups: list[tuple[list[_OcrWord], list[_OcrWord]]] = []
        for w in words:
            if w.kind is None:
                if groups:
                    groups[-1][1].append(w)
                continue
            if w.kind == "label":
                if _SENTENCE_END.search(w.text) or _BLOCK_HEADING.match(w.text):  # narrative, a new table
                    self._emit_pending()
                    self.last = None
                    if _BLOCK_HEADING.match(w.text):  # (a cell's text may end in 。: the columns stay)
                        self.header, self.columns = [], None
                    groups = []
                    if not _SENTENCE_END.search(w.text):
                        groups.append(([w], []))
                    continue
                if not groups or any(v.kind for v in groups[-1][1]):
                    groups.append(([], []))
                groups[-1][0].append(w)
            else:
                if not groups:
                    groups.append(([], []))
                groups[-1][1].append(w)
        for labels, marked in groups:
            values = [w for w in marked if w.kind is not None]
            if labels and not values:
                self.header.extend(labels)
                if self._continues_last(labels):
                    line, own, _ = self.last
                    line.label += "".join(w.text for w in labels)
                    own.extend(labels)
                    continue
                if self.pending and not _under(self.pending, labels):
                    self._emit_pending()
                self.pending.extend(labels)
                self.last = None
                continue
            head: list[_OcrWord] = []
            if self.pending and not label_complete(" ".join(w.text for w in self.pending), self.forms) and \
                    (_under(self.pending, labels) if labels else _beside(self.pending, values)):
                head = self.pending
            else:
                self._emit_pending()
            self.pending = []
            own = head + labels
            if not any(w.kind == "value" for w in values):  # nothing read: a header's words, not a row's
                self.header.extend(labels)
            elif self.header:  # a new header replaces the columns (none where it names fewer than two)
                named = _header_columns(self.header, 1)
                if named:
                    self.columns = named if len(named) >= 2 else None
                self.header = []
            if not own:  # values with no label on their line or right by it: no row's
                self.last = None
                continue
            slots = _laid_out(labels or own, marked, self.columns) if self.columns else None
            if slots is not None:
                slots = self._filled(slots, labels + marked)
            if slots is not None:
                # each value in its column. A column without a word is not taken for blank: OCR's detector
                # can miss a lone 0 of a table without rules altogether (no word, no ink kept), so it stays
                # blank as a cell OCR could not read (confidence 0: a low_confidence note)
                line = Line(" ".join(w.text for w in own), [w.text if w else "" for w in slots], False,
                            f"text {values[0].block + 1}",
                            confidences=[0.0 if w is None else w.box.confidence if w.kind == "value" else 0.0
                                         for w in slots],
                            spots=[None if w is None else Spot(w.block, None, w.at, w.at + len(w.text)) for w in slots])
            else:
                line = Line(" ".join(w.text for w in own), [w.text for w in values], False,
                            f"text {values[0].block + 1}",
                            confidences=[w.box.confidence if w.kind == "value" else 0.0 for w in values],
                            spots=[Spot(w.block, None, w.at, w.at + len(w.text)) for w in values])
            self.lines.append(line)
            self.last = (line, own, values)

    def _filled(self, slots: list, row: list[_OcrWord]) -> list:
        """A laid-out row's empty columns looked for in the words of the whole page: a word the page's line
        grouping put on a line of its own (a lone 0 a little higher than its row) that stands in the row's
        band and under the column is the column's word; several are one word read as nothing. Only a column
        with no word at all in the row's band is blank (OCR keeps every piece of ink it could not read as a
        word, so no ink is there)."""
        if all(w is not None for w in slots):
            return slots
        if self._pages is None:
            self._pages = {}
            for k, block in enumerate(self.blocks):
                if type(block) is Paragraph and read_by_ocr(block):
                    self._pages.setdefault(block.page, []).extend(w for ln in _page_lines(block, k) for w in ln)
        page = self.blocks[row[0].block].page if row[0].block < len(self.blocks) else None
        top, bottom = min(w.box.top for w in row), max(w.box.bottom for w in row)
        mine = {(w.block, w.at) for w in row}
        out = list(slots)
        for i, (a, b) in enumerate(self.columns or ()):
            if out[i] is not None:
                continue
            found = [w for w in self._pages.get(page, ()) if (w.block, w.at) not in mine
                     and top <= (w.box.top + w.box.bottom) / 2 <= bottom and w.box.x0 < b and w.box.x1 > a]
            if len(found) == 1:
                out[i] = found[0] if found[0].kind in ("value", "unread") else found[0]._replace(kind="unread")
            elif found:
                out[i] = found[0]._replace(kind="unread", text=" ".join(w.text for w in found))
        return out

    def _continues_last(self, labels: list[_OcrWord]) -> bool:
        """Whether label words go on the last row's label: the line right under it, in its label's column (left
        of its values), while that label is not yet an official row's whole label."""
        if self.last is None:
            return False
        line, own, values = self.last
        return not label_complete(line.label, self.forms) and _under(own, labels) \
            and max(w.box.x1 for w in labels) <= min(v.box.x0 for v in values)


@lru_cache(maxsize=1)
def _column_names() -> tuple[str, ...]:
    """The official tables' column names (normalised), longest first."""
    model = Model.load()
    return tuple(sorted({norm(c["column"]) for v in model.versions for c in model.cells(v)}, key=len, reverse=True))


def _header_columns(words: list[_OcrWord], least: int) -> list[tuple[float, float]] | None:
    """The columns a table's header names, as the x-ranges of their headings, left to right: each heading a
    word that spells a column's name, or a stack of words under each other that does (a heading wrapped in its
    cell: 自然 / 人). None where fewer than ``least`` are found, or two overlap across (no clear columns)."""
    names = _column_names()
    words = sorted(words, key=lambda w: w.box.top)
    found: list[tuple[float, float, str]] = []
    for n, w in enumerate(words):
        first = norm(w.text)
        for name in names:
            if not first or not name.startswith(first):
                continue
            chain, text = [w], first
            while text != name and len(chain) < 4:
                last = chain[-1].box
                h = max(1.0, last.bottom - last.top)
                below = [v for v in words[n + 1:] if v not in chain and 0.3 * h < v.box.top - last.top < 2.0 * h
                         and v.box.x0 < last.x1 and v.box.x1 > last.x0 and name.startswith(text + norm(v.text))]
                if len(below) != 1:
                    break
                chain.append(below[0])
                text += norm(below[0].text)
            if text == name:
                found.append((min(v.box.x0 for v in chain), max(v.box.x1 for v in chain), name))
                break
    found.sort()
    if len(found) < least or any(a[1] > b[0] for a, b in zip(found, found[1:])):
        return None
    return _one_heading_lost(found)


@lru_cache(maxsize=1)
def _column_lists() -> tuple[tuple[str, ...], ...]:
    """Each official table's column names in order (normalised), wide tables first."""
    model = Model.load()
    lists = {tuple(dict.fromkeys(norm(c["column"]) for c in model.cells(v, "三"))) for v in model.versions}
    return tuple(sorted(lists, key=len, reverse=True))


def _one_heading_lost(found: list[tuple[float, float, str]]) -> list[tuple[float, float]]:
    """The columns of a header, one heading of table 三's that OCR did not read (its seven headings found but
    one) put back where it stands: between its neighbours' headings (or a column's pitch before the first, after
    the last); its values must then stand clear of both. Otherwise the headings found."""
    names = [name for _, _, name in found]
    spans = [(a, b) for a, b, _ in found]
    for order in _column_lists():
        if len(names) != len(order) - 1 or len(names) < 3:
            continue
        for gap in range(len(order)):
            if names == [*order[:gap], *order[gap + 1:]]:
                pitch = min(spans[i + 1][0] - spans[i][0] for i in range(len(spans) - 1))
                left = spans[gap - 1][1] if gap else spans[0][0] - pitch
                right = spans[gap][0] if gap < len(spans) else spans[-1][1] + pitch
                if right - left > 0:
                    return [*spans[:gap], (left, right), *spans[gap:]]
    return spans


def _laid_out(own: list[_OcrWord], marked: list[_OcrWord], columns: list[tuple[float, float]]) -> list | None:
    """A row's words in the table's columns: each word under exactly one column's heading (overlapping it
    across), one word a column; a column without one is blank. A mark that is no number (a rule's remnant, ink
    left unread) under a heading is that column's word (read as nothing: blank with a note), elsewhere nothing.
    None where the label reaches into the columns or a value stands under no heading or shares one."""
    if max(w.box.x1 for w in own) > columns[0][0]:
        return None
    slots: list = [None] * len(columns)
    for w in marked:
        hits = [i for i, (a, b) in enumerate(columns) if w.box.x0 < b and w.box.x1 > a]
        if not hits and w.kind is None:
            continue
        if len(hits) != 1 or slots[hits[0]] is not None:
            return None
        slots[hits[0]] = w
    return slots


def _height(words: list[_OcrWord]) -> float:
    return max(1.0, max(w.box.bottom - w.box.top for w in words))


def _under(above: list[_OcrWord], below: list[_OcrWord]) -> bool:
    """Whether words stand right under others (the next line of the page, no more than a line's gap between)
    and overlap them across."""
    h = _height(above)
    bottom = max(w.box.bottom for w in above)
    top = min(w.box.top for w in below)
    left, right = min(w.box.x0 for w in above), max(w.box.x1 for w in above)
    return -0.5 * h <= top - bottom <= 0.8 * h and min(w.box.x0 for w in below) < right \
        and max(w.box.x1 for w in below) > left


def _beside(labels: list[_OcrWord], values: list[_OcrWord]) -> bool:
    """Whether a line of values stands by a label of the line above: left of the values, and its lowest line
    no more than a line above them (values set in the middle of a cell whose label wraps)."""
    h = _height(labels)
    return max(w.box.x1 for w in labels) <= values[0].box.x0 and \
        -0.5 * h <= min(w.box.top for w in values) - max(w.box.bottom for w in labels) <= 0.8 * h


def _page_lines(block: Paragraph, k: int) -> list[list[_OcrWord]]:
    """A paragraph's OCR words as the lines of the page they stand on (a paragraph joins lines that reach the
    right margin): a new line where a word stands left of the one before it, or below it."""
    out: list[list[_OcrWord]] = []
    prev = None
    text = block.text
    for at, box in block.boxes or ():
        word = text[at:at + len(box.text)].strip()
        if not word:
            continue
        if prev is None or box.x0 < prev.x0 or box.top >= prev.bottom:
            out.append([])
        out[-1].append(_OcrWord(word, _ocr_word_kind(word), at, box, k))
        prev = box
    return [_overlapped(line) for line in out]


def _overlapped(words: list[_OcrWord]) -> list[_OcrWord]:
    """A line's words, a number whose box reaches into another word's unread: the two crops share ink (the
    last stroke of a label's 确 read as a 1 before the value 25, at 0.87)."""
    out = []
    for n, w in enumerate(words):
        if w.kind == "value" and any(min(w.box.x1, v.box.x1) - max(w.box.x0, v.box.x0) > 1.0
                                     for m, v in enumerate(words) if m != n):
            w = w._replace(kind="unread")
        out.append(w)
    return out


def label_complete(label: str, forms: frozenset[str]) -> bool:
    """Whether a label ends in one of the official row labels (nothing but punctuation after it)."""
    text = _FILLER_END.sub("", norm(label))
    return text.endswith(_form_ends(forms))


@lru_cache(maxsize=64)
def _form_ends(forms: frozenset[str]) -> tuple[str, ...]:
    """The official row labels without their filler end, once per set of labels (label_complete is asked
    for every line of a text)."""
    return tuple(_FILLER_END.sub("", f) for f in forms)


def _grid_line(table: Table, r: int, where: str, block: int = 0) -> Line | None:
    origins = []
    for cell in table.grid[r]:
        if cell is not None and (not origins or origins[-1] is not cell) and all(o is not cell for o in origins):
            origins.append(cell)
    if not any(c.text.strip() for c in origins):
        return None  # an empty row says nothing
    last_text = -1
    for i, cell in enumerate(origins):
        if cell.text.strip() and parse_value(cell.text) is None and not _misread_value(cell):
            last_text = i
    label = "".join(" ".join(c.text.split()) for c in origins[:last_text + 1] if parse_value(c.text) is None)
    vals = origins[last_text + 1:]
    line = Line(label, [c.text if c.row == r else "" for c in vals], True, where, spots=[Spot(block, c) for c in vals])
    line.spanned = {i for i, c in enumerate(vals) if c.row != r}
    if any(c.confidence is not None for c in vals):
        line.confidences = [c.confidence for c in vals]
    return line


def _misread_value(cell: Cell) -> bool:
    """A cell read by OCR whose text is no number and no label either: no Chinese character in it (every
    label of the official tables has some), so a value the recogniser misread (0 as the letter O) or could
    not read (the ``?`` of ink left unread). It stands among the row's values, where it stays blank with a
    ``low_confidence`` note; taken for a label, it cut the row's values short and the whole row was not
    found."""
    return cell.confidence is not None and not _has_ideograph(cell.text)


# ------------------------------------------------------------------------------------------------ alignment
@dataclass
class Match:
    row: OfficialRow
    line: Line
    how: str  # label, positional, header, group
    values: list[str] | None = None  # the texts to read, when not the line's own (table 四's fifteen)
    paths: tuple[str, ...] | None = None  # the cells read, when not the row's own (table 四 run together)
    at: list[tuple[int, ...]] | None = None  # with ``values``: the line's values each of them was made of


def _fit(line: Line, k: int) -> list[str] | None:
    """The line's value texts as exactly k cells, or None. A grid's surplus empty cells at either end are
    dropped; run-together digits are one text, split later."""
    fitted = fit_at(line, k)
    return None if fitted is None else fitted[0]


def fit_at(line: Line, k: int) -> tuple[list[str], list[tuple[int, ...]]] | None:
    """:func:`_fit`'s texts, and for each the positions of the line's values it was made of (several where
    digits ran together), so that each cell's place in the source follows it. Asked of a line by the
    alignment, the values and the cells' places alike: worked out once per line and width (the line's
    values are final once the row view has made it)."""
    fits = line.__dict__.setdefault("_fits", {})
    if k not in fits:
        fits[k] = _fitted(line, k, True)
        if fits[k] is not None and ocr_words_line(line) and len(fits[k][0]) != len(line.values):
            fits[k] = None  # OCR's words are not a text layer's digits run together (see _OcrRows)
    return fits[k]


def _fitted(line: Line, k: int, positions: bool) -> tuple[list[str], list[tuple[int, ...]] | None] | None:
    vals = list(line.values)
    idx = list(range(len(vals))) if positions else None  # the values' positions, kept beside them when asked

    def at(ids):
        return None if idx is None else [(i,) for i in ids]

    if len(vals) == k:
        return vals, at(idx or ())
    if line.columns:  # its columns are not the row's: read its words as any text's
        keep = [i for i, v in enumerate(vals) if v.strip()]
        vals = [vals[i] for i in keep]
        idx = keep if positions else None
        if len(vals) == k:
            return vals, at(idx or ())
    if line.grid and len(vals) > k and len(vals) % k == 0:
        # a merged value cell spread over m positions by a converter: written once (then empty) or repeated
        m = len(vals) // k
        chunks = [vals[i * m:(i + 1) * m] for i in range(k)]
        if all(len(set(c)) == 1 or not any(x.strip() for x in c[1:]) for c in chunks):
            return [c[0] for c in chunks], at(idx[i * m] for i in range(k)) if idx is not None else None
    if line.grid:
        while len(vals) > k and not vals[-1].strip():
            vals.pop()
            if idx is not None:
                idx.pop()
        while len(vals) > k and not vals[0].strip():
            vals.pop(0)
            if idx is not None:
                idx.pop(0)
    if len(vals) == k:
        return vals, at(idx or ())
    digits = [unicodedata.normalize("NFKC", v).strip() for v in vals if v.strip()]
    if k > 1 and digits and all(d.isdigit() or _SIGNED_RUN.fullmatch(d) for d in digits) and sum(map(len, digits)) >= k and \
            (len(digits) == 1 or (not line.grid and len(digits) < k)):
        # digits run together (stray spaces do not tell where cells end)
        return ["".join(digits)], None if idx is None else [tuple(i for i, v in zip(idx, vals) if v.strip())]
    return None


_SIGNED_RUN = re.compile(r"[+-]?\d+(?:[+-]\d+)+|[+-]\d+")  # 88-720: digits with the sign of a 本年增/减 cell
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")
_ARABIC_NUMBERING = re.compile(r"^(\d+)[.、．]")
_NUMBER_BEFORE = re.compile(r"(?<!\d)(\d+)[.、．]$")
_PUNCTUATION = r"[\s:：,，、.。;；()（）\[\]【】*_\-—|]*"  # what may stand around a label and change nothing
_FILLER = re.compile(_PUNCTUATION)
_FILLER_END = re.compile(_PUNCTUATION + "$")


class _Scorer:
    """How well each official row's label names a candidate row.

    A row's own label is the last label before its values: text that runs on from an earlier row (a lost
    value line, a label wrapped past its values) stands in front of it. So a label found in full counts only
    when no other row's label ends after it and nothing but punctuation follows it; otherwise, the part after
    the last label found in full is compared by shared character pairs (labels garbled or cut by a converter)."""

    def __init__(self, rows: list[OfficialRow]):
        self.forms: list[list[tuple[str, set[str]]]] = []
        self.numbers: list[str | None] = []  # each row's own numbering (3 for 3.其他), if any
        for row in rows:
            forms = {core(row.label), *(core(a) for a in row.aliases)}
            forms |= {_TRAILING_PAREN.sub("", f) for f in forms}  # （二）部分公开 without its bracketed rule
            self.forms.append([(f, _bigrams(f)) for f in sorted(forms) if f])
            m = _ARABIC_NUMBERING.match(norm(row.label))
            self.numbers.append(m.group(1) if m else None)
        self.cache: dict[str, list[tuple[int, float]]] = {}

    def hits(self, text: str) -> list[tuple[int, float]]:
        """The rows whose label names the text, with their weights: (row index, weight > 0)."""
        cached = self.cache.get(text)
        if cached is None:
            if len(self.cache) > 20000:
                self.cache.clear()
            cached = self.cache[text] = [(i, w) for i, w in enumerate(self._scores(text)) if w]
        return cached

    def _scores(self, text: str) -> list[float]:
        ends = [max((text.rfind(f) + len(f) if f in text else -1) for f, _ in forms) for forms in self.forms]
        last = max(ends, default=-1)
        tail = text[last:] if last >= 0 else text
        tail_grams = _bigrams(tail) if tail else set()
        out = []
        for forms, end, number in zip(self.forms, ends, self.numbers):
            if end >= 0:
                ok = end == last and not _FILLER.sub("", text[end:])
                if ok and number is not None:
                    # a short label (其他) found under another number (2.其他, the start of a wrapped
                    # 2.其他法律行政法规禁止公开) is not this row
                    form = max((f for f, _ in forms if text.endswith(f, 0, end)), key=len, default="")
                    before = _NUMBER_BEFORE.search(text, 0, end - len(form))
                    ok = before is None or before.group(1) == number
                out.append(2.0 + 0.5 * min(1.0, max(len(f) for f, _ in forms) / max(1, len(text))) if ok else 0.0)
                continue
            best = 0.0
            if tail and not (last >= 0 and not _FILLER.sub("", tail)):
                for form, fg in forms:
                    sim = len(fg & tail_grams) / len(fg)
                    if sim >= MIN_SIMILARITY:
                        best = max(best, 1.0 + sim + 0.5 * min(1.0, len(form) / max(1, len(tail))))
            out.append(best)
        return out


@lru_cache(maxsize=None)
def _scorer(rows: tuple[OfficialRow, ...]) -> _Scorer:
    return _Scorer(list(rows))


@lru_cache(maxsize=None)
def official_rows(model: Model, version: str, table2: str | None = None) -> tuple[OfficialRow, ...]:
    """The official rows of tables 二, 三 and 四 of a version; ``table2``: the version of table 二 where a mixed
    report prints it in another version's layout."""
    return tuple(r for t in ("二", "三", "四") for r in model.rows(table2 if table2 and t == "二" else version, t))


@lru_cache(maxsize=None)
def _version_scorer(model: Model, version: str, table2: str | None = None) -> _Scorer:
    """The scorer of a version's official rows, found without hashing the rows each time."""
    return _scorer(official_rows(model, version, table2))


@lru_cache(maxsize=None)
def label_forms(model: Model, version: str, table2: str | None = None) -> frozenset[str]:
    """The normalised labels of the official rows of a version (with aliases, without bracketed rules)."""
    return frozenset(f for forms in _scorer(official_rows(model, version, table2)).forms for f, _ in forms)


def align(model: Model, version: str, lines: list[Line], notes: list[Note], table2: str | None = None) -> list[Match]:
    """Match the official rows of tables 二, 三 and 四 to the candidate rows (see the module docstring);
    ``table2`` as for :func:`official_rows`."""
    rows = list(official_rows(model, version, table2))
    # the tables begin at the first label of table 二 (第二十条第（一）项); numbers in the narrative before it
    # are not cells
    first = core(rows[0].labels[0]) if rows else ""
    start = next((j for j, line in enumerate(lines) if first and first in norm(line.label)), 0)
    cand = [j for j, line in enumerate(lines) if line.values and j >= start]
    scorer = _version_scorer(model, version, table2)
    # the pairs (official row, line) a label names, where the line's values fit the row
    pairs: list[tuple[int, int, float]] = []
    fits: dict[tuple[int, int], bool] = {}
    for jj, j in enumerate(cand):
        for i, w in scorer.hits(norm(lines[j].label)):
            k = len(rows[i].cells)
            if (j, k) not in fits:
                fits[(j, k)] = _fit(lines[j], k) is not None
            if fits[(j, k)] and (rows[i].table != "四" or k == len(lines[j].values)):
                pairs.append((i, jj, w))
    matched = {i: cand[jj] for i, jj in _heaviest_chain(pairs, len(cand))}
    out = {i: Match(rows[i], lines[j], "label") for i, j in matched.items()}
    _positional(rows, lines, cand, matched, out)
    _group_rows(rows, lines, matched, out, notes)
    extra = _table4(rows, lines, matched, out, _table4_columns_of(model, version))
    return [out[i] for i in sorted(out)] + extra


@lru_cache(maxsize=None)
def _table4_columns_of(model: Model, version: str) -> tuple[str, ...]:
    """Table 四's five result column labels (结果维持 … 总计), from its first group's cells."""
    return tuple(c["column"] for c in model.cells(version, "四"))[:5]


def _heaviest_chain(pairs: list[tuple[int, int, float]], width: int) -> list[tuple[int, int]]:
    """The monotone alignment of greatest total weight: a chain of pairs (official row, line, weight > 0)
    increasing in both the official row and the line (each row and line used once at most). Where the
    pairs already form one chain (each row's label names one line, in order: most reports), that chain is
    the heaviest and no search is made; otherwise :func:`_chain_search`."""
    ordered = sorted(pairs)
    if all(a[0] < b[0] and a[1] < b[1] for a, b in zip(ordered, ordered[1:])):
        return [(i, j) for i, j, _ in ordered]
    return _chain_search(pairs, width)


def _chain_search(pairs: list[tuple[int, int, float]], width: int) -> list[tuple[int, int]]:
    """:func:`_heaviest_chain` by a longest-increasing-subsequence search with a Fenwick tree of prefix
    maxima over lines: O(P log M) for P pairs."""
    tree = [(0.0, -1)] * (width + 1)  # (best total of a chain ending at or before this line, its last pair)

    def query(pos: int) -> tuple[float, int]:
        best = (0.0, -1)
        while pos > 0:
            if tree[pos][0] > best[0]:
                best = tree[pos]
            pos -= pos & -pos
        return best

    def update(pos: int, value: tuple[float, int]) -> None:
        pos += 1
        while pos <= width:
            if value[0] > tree[pos][0]:
                tree[pos] = value
            pos += pos & -pos

    order = sorted(range(len(pairs)), key=lambda n: (pairs[n][0], -pairs[n][1]))
    total = [0.0] * len(pairs)
    back = [-1] * len(pairs)
    start = 0
    while start < len(order):  # pairs of one row are scored against earlier rows only, then entered
        end = start
        while end < len(order) and pairs[order[end]][0] == pairs[order[start]][0]:
            end += 1
        for n in order[start:end]:
            prev_total, prev = query(pairs[n][1])
            total[n], back[n] = prev_total + pairs[n][2], prev
        for n in order[start:end]:
            update(pairs[n][1], (total[n], n))
        start = end
    best = max(range(len(pairs)), key=lambda n: total[n], default=-1)
    chain = []
    while best >= 0:
        chain.append((pairs[best][0], pairs[best][1]))
        best = back[best]
    return chain[::-1]


def _positional(rows, lines, cand, matched, out) -> None:
    """Between two rows matched by label, unmatched value rows fill the missing official rows by position,
    when (and only when) there are exactly as many and each fits."""
    anchors = sorted(matched.items())
    for (ia, ja), (ib, jb) in zip(anchors, anchors[1:]):
        missing = list(range(ia + 1, ib))
        if not missing:
            continue
        between = [j for j in cand if ja < j < jb]
        if len(between) != len(missing) or any(ocr_words_line(lines[j]) for j in between):
            continue  # OCR's words outside a grid: a row is read where its label stands, never by position
        if all(_fit(lines[j], len(rows[i].cells)) is not None for i, j in zip(missing, between)):
            for i, j in zip(missing, between):
                out[i] = Match(rows[i], lines[j], "positional")


def _group_rows(rows, lines, matched, out, notes) -> None:
    """A group printed as one row (a 2021 report with the 2019 （六）其他处理 row): where the row is all
    zeros each sub-row is 0; otherwise the sub-rows stay blank. A total is never spread over its parts."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, row in enumerate(rows):
        if len(row.labels) >= 2 and row.table == "三":  # only table 三's groups are counted in one total
            groups.setdefault(row.labels[:-1], []).append(i)
    for prefix, members in groups.items():
        if len(members) < 2 or any(i in out for i in members):
            continue
        before = max((j for i, j in matched.items() if i < members[0]), default=-1)
        after = min((j for i, j in matched.items() if i > members[-1]), default=len(lines))
        want = core(prefix[-1])
        k = len(rows[members[0]].cells)
        for j in range(before + 1, after):
            line = lines[j]
            if line.values and want and want in norm(line.label) and _fit(line, k) is not None:
                parsed = [parse_value(v) for v in _fit(line, k)]
                zeros = len(parsed) == k and all(p is not None and p[0] == 0 for p in parsed)
                for i in members:
                    if zeros:
                        out[i] = Match(rows[i], line, "group")
                    else:
                        notes.append(Note("group_row", rows[i].path,
                                          f"“{prefix[-1]}”只有一行合计，不拆分到各项，留空 / “{prefix[-1]}” is "
                                          "printed as one row; its total is not spread over the sub-rows; left blank",
                                          " ".join(line.values)))
                break


def _table4(rows, lines, matched, out, columns: list[str]) -> list[Match]:
    """Table 四 as printed: one row of fifteen values under its column headers; or in pieces: a table of five
    under each group's heading (行政复议 / 未经复议直接起诉 / 复议后起诉), or five rows of three (one a
    result column, the groups across). ``columns``: the five result column labels. Returns the matches that
    read cells across rows (five rows of three); the others go into ``out``."""
    t4 = [i for i, r in enumerate(rows) if r.table == "四"]
    if not t4 or all(i in out for i in t4):
        return []
    start = max((j for i, j in matched.items() if rows[i].table != "四"), default=-1)
    if not any(i in out for i in t4):
        if _table4_row(rows, lines, t4, start, out):
            return []
        extra = _table4_columns(rows, lines, t4, start, columns)
        if extra:
            return extra
    _table4_pieces(rows, lines, t4, start, out)
    return []


def _table4_row(rows, lines, t4, start, out) -> bool:
    width = sum(len(rows[i].cells) for i in t4)
    header = ""
    for j in range(start + 1, len(lines)):
        line = lines[j]
        header += norm(line.label)
        if not line.values:
            continue
        fit = fit_at(line, width)
        if fit is None:
            continue
        fitted, at = fit
        how = "header" if "行政复议" in header and "行政诉讼" in header else "positional"
        if len(fitted) == 1:  # run together: split later over all fifteen cells at once
            out[t4[0]] = Match(rows[t4[0]], line, how, fitted, tuple(p for i in t4 for p in rows[i].cells), at)
            return True
        pos = 0
        for i in t4:
            k = len(rows[i].cells)
            out[i] = Match(rows[i], line, how, fitted[pos:pos + k], at=at[pos:pos + k])
            pos += k
        return True
    return False


def _group_named(text: str, rows, t4) -> int | None:
    """The one table 四 group whose label the text names, else None."""
    named = [i for i in t4 if core(rows[i].label) in text]
    return named[0] if len(named) == 1 else None


def _table4_pieces(rows, lines, t4, start, out) -> None:
    """A row of five under each group's own heading (the text since the previous value row names it)."""
    header = ""
    for j in range(start + 1, len(lines)):
        line = lines[j]
        header += norm(line.label)
        if not line.values:
            continue
        i = _group_named(header, rows, t4)
        header = ""
        if i is None or i in out:
            continue
        fit = fit_at(line, len(rows[i].cells))
        if fit is not None:
            out[i] = Match(rows[i], line, "header", fit[0], at=fit[1])


def _table4_columns(rows, lines, t4, start, columns: list[str]) -> list[Match]:
    """Table 四 transposed: five rows (结果维持 … 总计) of three values, the groups across in the order its
    header names them. Only when all five rows are found, each once."""
    if len(columns) != 5 or any(len(rows[i].cells) != 5 for i in t4):
        return []
    header = ""
    found: dict[int, tuple[Line, list[str]]] = {}
    for j in range(start + 1, len(lines)):
        line = lines[j]
        label = norm(line.label)
        if not found:
            header += label  # the first row's label may hold the header before it (text that flows)
        if not line.values:
            continue
        col = [c for c, name in enumerate(columns) if _FILLER_END.sub("", label).endswith(name)]
        fitted = fit_at(line, len(t4))
        if len(col) != 1 or fitted is None or col[0] in found:
            if found:
                break
            continue
        found[col[0]] = (line, fitted)
    where = {i: header.find(core(rows[i].label)) for i in t4}
    if len(found) != 5 or any(w < 0 for w in where.values()):
        return []
    order = sorted(t4, key=lambda i: where[i])
    return [Match(rows[order[0]], line, "header", fitted, tuple(rows[i].cells[c] for i in order), at)
            for c, (line, (fitted, at)) in sorted(found.items())]


# ------------------------------------------------------------------------------------------------ values
def read_values(matches: list[Match], identities: list[Identity], notes: list[Note]) -> dict[str, Any]:
    """The value of every matched cell (None: blank or unknown), notes for what was not plainly read."""
    values: dict[str, Any] = {}
    open_rows: list[tuple[list[str], str, str]] = []  # (cell paths, digits, row path) to split
    unsure: list[tuple[str, str, float]] = []  # (cell path, text, confidence) of OCR readings not taken
    for m in matches:
        paths = list(m.paths or m.row.cells)
        texts = m.values if m.values is not None else _fit(m.line, len(paths))
        if texts is None:
            continue
        if m.how == "group":
            for p in paths:
                values[p] = 0
            group = m.row.path.rsplit(".", 1)[0]
            if not any(n.kind == "group_row" and n.path == group for n in notes):
                notes.append(Note("group_row", group, "该组只印了一行且全为 0，各项按 0 读取 / the group is printed "
                                  "as one row of zeros; each sub-row is 0 (counts are never negative)",
                                  " ".join(m.line.values)))
            continue
        if m.line.paired and m.how == "label":
            notes.append(Note("positional", m.row.path, "标签与数值分列两处，按顺序配对 / the labels and the values "
                              "stand in separate blocks; paired by order", m.line.label or None))
        if m.how == "positional":
            notes.append(Note("positional", m.row.path, f"该行标签缺失或不可辨，按位置读取（{m.line.where}） / the row's "
                              f"label is missing or unreadable; read by position ({m.line.where})", m.line.label or None))
        confs = ocr_confidences(m.line, texts)
        if len(texts) == 1 and len(paths) > 1:
            if confs[0] is not None and confs[0] < OCR_MIN_CONFIDENCE:
                unsure.extend((p, texts[0], confs[0]) for p in paths)
                continue
            open_rows.append((paths, unicodedata.normalize("NFKC", texts[0]).strip(),
                              m.row.path if m.paths is None else m.row.path.rsplit(".", 1)[0]))
            continue
        for idx, (p, t) in enumerate(zip(paths, texts)):
            if idx in m.line.spanned and m.values is None:
                values[p] = None
                notes.append(Note("merged", p, "单元格与上一行合并，不重复读取，留空 / the cell is merged with the row "
                                  "above; not read twice; left blank", t or None))
                continue
            if confs[idx] is not None:
                values[p] = _ocr_cell(p, t, confs[idx], notes, unsure)
                continue
            values[p] = _cell(p, t, notes)
    if open_rows:
        _split(open_rows, values, identities, notes)
    if unsure:
        _ocr_fill(unsure, values, identities, notes)
    return values


def cell_spots(matches: list[Match]) -> dict[str, list[Spot]]:
    """Where each matched cell's text stands in the document: the spots of the line's values it was read
    from (all of them for digits run together, split over the row's cells). Cells whose place is not known
    (a row read from text without positions) are left out."""
    out: dict[str, list[Spot]] = {}
    for m in matches:
        spots = m.line.spots
        if not spots or len(spots) != len(m.line.values):
            continue
        paths = list(m.paths or m.row.cells)
        if m.values is not None:
            at = m.at
        else:
            fit = fit_at(m.line, len(paths))
            at = fit[1] if fit is not None else None
        if not at:
            continue
        if m.how == "group":  # a group printed as one row: every sub-row's cells from that row
            at = at if len(at) == len(paths) else None
        if len(at) == 1 and len(paths) > 1:  # run together: every cell from the whole run
            at = at * len(paths)
        if at is None or len(at) != len(paths):
            continue
        for p, positions in zip(paths, at):
            if len(positions) == 1:  # most cells: one value of the line
                spot = spots[positions[0]]
                if spot is not None:
                    out[p] = [spot]
                continue
            found = [spots[i] for i in positions if spots[i] is not None]
            if found:
                out[p] = found
    return out


# ------------------------------------------------------------------------------------------------ OCR
def ocr_confidences(line: Line, texts: list[str]) -> list[float | None]:
    """OCR's confidence for each of the texts :func:`_fit` made of a line's values (None: not read by OCR).
    The texts are the line's values, a run of them (surplus empty cells dropped), every m-th of them (a
    merged cell spread), or all of them joined (digits run together: the lowest confidence)."""
    confs = line.confidences
    if not confs:
        return [None] * len(texts)
    vals, k = line.values, len(texts)
    for start in range(len(vals) - k + 1):
        if vals[start:start + k] == texts:
            return confs[start:start + k]
    if k and len(vals) % k == 0 and vals[::len(vals) // k] == texts:
        m = len(vals) // k
        return [min((c for c in confs[i * m:(i + 1) * m] if c is not None), default=None) for i in range(k)]
    low = min((c for c in confs if c is not None), default=None)
    return [low] * k


def _ocr_cell(path: str, text: str, confidence: float, notes: list[Note], unsure: list):
    """A cell read by OCR: its value when read with at least OCR_MIN_CONFIDENCE as a number (an ``ocr``
    note keeps the confidence); otherwise blank for now, left to :func:`_ocr_fill`."""
    parsed = parse_value(text)
    if confidence >= OCR_MIN_CONFIDENCE and parsed is not None:
        value = _cell(path, text, notes)
        if value is not None:
            notes.append(Note("ocr", path, "由文字识别读取 / read by OCR", " ".join(text.split()), confidence=confidence))
        return value
    unsure.append((path, text, confidence))
    return None


def _ocr_fill(unsure: list[tuple[str, str, float]], values: dict, identities: list[Identity],
              notes: list[Note]) -> None:
    """OCR readings not taken: a cell the identities determine (one unknown term in an identity whose other
    cells are known, and that value satisfies every identity the search checks) is filled with an
    ``inferred`` note; the others stay blank with a ``low_confidence`` note. The same search as for
    run-together digits (:func:`_search`), with each cell's candidates the values its identities allow."""
    pending = {p for p, _, _ in unsure}
    rows = []
    for p, text, conf in unsure:
        cands: set[int] = set()
        for idt in identities:
            k = dict(idt.terms).get(p)
            others = [(q, c) for q, c in idt.terms if q != p]
            if not k or any(q in pending or values.get(q) is None for q, _ in others):
                continue
            rest = sum(c * values[q] for q, c in others) + idt.constant
            if rest % k == 0 and -rest // k >= 0:
                cands.add(-rest // k)
        if cands:
            rows.append(([p], text, p, sorted((v,) for v in cands), False))
    found: list[Note] = []
    if rows:
        mine = {r[0][0] for r in rows}
        _search(rows, values, [idt for idt in identities if any(q in mine for q, _ in idt.terms)], found)
    taken = {n.path for n in found if n.kind == "inferred"}
    for p, text, conf in unsure:
        raw = " ".join(text.split()) or None
        if p in taken:
            notes.append(Note("inferred", p, f"文字识别不可靠（置信度 {conf:.2f}），按勾稽关系唯一确定 / OCR read the cell "
                              f"unreliably (confidence {conf:.2f}); the only value the rules allow was taken", raw,
                              [str(values[p])], confidence=conf))
        else:
            notes.append(Note("low_confidence", p, f"文字识别不可靠（置信度 {conf:.2f}），留空 / OCR read the cell "
                              f"unreliably (confidence {conf:.2f}); left blank", raw, confidence=conf))


def _cell(path: str, text: str, notes: list[Note]):
    parsed = parse_value(text)
    if parsed is not None and parsed.value is not None and parsed.unit is None and parsed.remark is None \
            and parsed.mark is None and parsed.problem is None:
        return parsed.value  # a plain number (most cells): nothing to note
    raw = " ".join(text.split())
    if parsed is None:
        notes.append(Note("unreadable", path, "不是数字，未读取 / not a number; left blank", raw))
        return None
    value, unit, remark, mark, problem = parsed
    if problem == "two":
        notes.append(Note("unreadable", path, "单元格含两个数字，不合并读取，留空 / the cell holds two numbers; "
                          "they are not joined into one; left blank", raw))
        return None
    if problem:
        notes.append(Note("unreadable", path, "数字中夹有角标或注记号，留空 / a superscript, circled number or "
                          "footnote mark stands inside the number; left blank", raw))
        return None
    if value is None:
        notes.append(Note("blank", path, f"单元格空白 / blank cell{f' ({raw})' if raw else ''}", raw or None))
        return None
    slot_unit = slot_units().get(path)
    if unit and slot_unit and unit != slot_unit and (unit, slot_unit) in _UNIT_FACTORS:
        converted = Decimal(str(value)) * _UNIT_FACTORS[(unit, slot_unit)]  # exact: 1973601627.4元 = 197360.16274万元
        value = int(converted) if converted == converted.to_integral_value() else float(converted)
        notes.append(Note("unit", path, f"单元格以“{unit}”为单位，已换算为{slot_unit}（{raw} = {converted.normalize():f}"
                          f"{slot_unit}） / the cell is in {unit}; converted to {slot_unit}, the unit of the column "
                          f"({raw} = {converted.normalize():f} {slot_unit})", raw))
    elif unit:
        notes.append(Note("unit", path, f"单元格含单位“{unit}”，已读取数字 / the cell has a unit ({unit}); the "
                          "number was read", raw))
    if remark:
        notes.append(Note("remark", path, f"单元格含附注“{remark}”，已读取数字 / the cell has a remark ({remark}); "
                          "the number was read", raw))
    if mark:
        notes.append(Note("remark", path, f"数字后有角标或注记号“{mark}”，读取其前的数字 / the number is followed by a "
                          f"mark ({mark}); the number before it was read", raw))
    return value


_UNIT_FACTORS = {("元", "万元"): Decimal("0.0001"), ("万元", "元"): Decimal(10000)}
_COLUMN_UNIT = re.compile(r"单位[:：]\s*(万元|元)")


@lru_cache(maxsize=1)
def slot_units() -> dict[str, str]:
    """The unit each cell's column names (本年收费金额（单位：万元）), by cell path: an amount printed in another
    unit is converted to it."""
    model = Model.load()
    out = {}
    for version in model.versions:
        for c in model.cells(version):
            m = _COLUMN_UNIT.search(unicodedata.normalize("NFKC", c["column"]))
            if m:
                out[c["path"]] = m.group(1)
    return out


def _splits(digits: str, n: int, budget: list[int]):
    """Every way to cut a digit string into n non-negative integers without leading zeros (bounded)."""
    if budget[0] <= 0:
        return
    budget[0] -= 1
    if n == 1:
        if digits and (digits == "0" or digits[0] != "0") and len(digits) <= 9:
            yield (int(digits),)
        return
    for i in range(1, min(len(digits) - n + 1, 9) + 1):
        head = digits[:i]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in _splits(digits[i:], n - 1, budget):
            yield (int(head), *rest)


@lru_cache(maxsize=4096)
def _row_candidates(digits: str, n: int, local: tuple) -> tuple[tuple, bool]:
    """(the splits of a row that satisfy the identities within it, whether the budget ran out). ``local``:
    the identities as ((position, coefficient), ...), constant pairs. Rows repeat ("0000000"): cached."""
    budget = [SPLIT_BUDGET]
    cands = tuple(split for split in _splits(digits, n, budget)
                  if all(sum(k * split[i] for i, k in terms) + const == 0 for terms, const in local))
    return cands, budget[0] <= 0


@lru_cache(maxsize=4096)
def printed_split(digits: str, n: int) -> tuple[int, ...] | None:
    """The split the print itself determines, whatever it sums to: the one way to cut the digits into n
    cells without leading zeros (as many digits as cells: one digit a cell), else None."""
    if len(digits) == n:
        return tuple(int(d) for d in digits)
    budget = [SPLIT_BUDGET]
    first = None
    for split in _splits(digits, n, budget):
        if first is not None:
            return None
        first = split
    return first if budget[0] > 0 else None


_LOCAL: dict[tuple, tuple] = {}


def _local_identities(paths: tuple[str, ...], identities: list[Identity]) -> tuple[tuple, tuple[str, ...]]:
    """The identities within one row (a row total, table 四's group totals), over positions in its split,
    and the rule of each."""
    key = (paths, id(identities))
    if key not in _LOCAL:
        index = {p: n for n, p in enumerate(paths)}
        inside = [idt for idt in identities if all(p in index for p, _ in idt.terms)]
        _LOCAL[key] = (identities, tuple((tuple((index[p], k) for p, k in idt.terms), idt.constant) for idt in inside),
                       tuple(idt.rule for idt in inside))
    return _LOCAL[key][1], _LOCAL[key][2]  # the list is kept with its entry, so that its id stays its own


def _no_reading(rule: str, path: str, digits: str, notes: list[Note], across: bool = False) -> None:
    """The note of a certain arithmetic error: no reading of the printed digits satisfies ``rule`` (the
    validator reports it as an error of that rule); ``across``: with the other rows' readings."""
    zh, en = ("（连同其他各行的读法）", " together with the other rows' readings") if across else ("", "")
    notes.append(Note("no_consistent_reading", path, f"数字连写，任何拆分都不满足规则 {rule}{zh}，留空 / digits run "
                      f"together; no reading of the printed digits satisfies {rule}{en}; left blank", digits,
                      rule=rule))


def _split(open_rows, values: dict, identities: list[Identity], notes: list[Note]) -> None:
    """Read run-together rows: the print first (a row whose split the digits alone determine is read as
    printed, whatever it sums to); the identities only choose among the splits the print leaves open."""
    rows = []
    for paths, digits, row_path in open_rows:
        for p in paths:
            values[p] = None
        if len(digits) > MAX_SPLIT_DIGITS:
            notes.append(Note("unreadable", row_path, "数字过长，无法拆分 / too many digits to split", digits))
            continue
        if digits.isdigit():
            printed = printed_split(digits, len(paths))
        else:  # a signed run: the sign begins the 本年增/减 cell
            readings = signed_splits(digits, tuple(p in _signed_cells() for p in paths))
            printed = readings[0] if len(readings) == 1 else None
        if printed is not None:
            values.update(zip(paths, printed))
            continue
        local, rules = _local_identities(tuple(paths), identities)

        def candidates(local):
            if digits.isdigit():
                return _row_candidates(digits, len(paths), local)
            return tuple(c for c in readings if all(sum(k * c[i] for i, k in terms) + const == 0
                                                    for terms, const in local)), False

        cands, exhausted = candidates(local)
        if not cands and not exhausted:
            broken = [r for r in dict.fromkeys(rules)
                      if not candidates(tuple(x for x, q in zip(local, rules) if q == r))[0]]
            for rule in broken:
                _no_reading(rule, row_path, digits, notes)
            if not broken:
                notes.append(Note("impossible", row_path, "数字连写，没有符合规则的拆分，留空 / digits run together; no "
                                  "split satisfies the rules; left blank", digits))
            continue
        rows.append((paths, digits, row_path, list(cands), exhausted))
    _joint(rows, values, identities, notes)


def _joint(rows, values: dict, identities: list[Identity], notes: list[Note]) -> None:
    """Report rows that cannot be split; search the others in groups tied together by identities."""
    live = [r for r in rows if r[3] and not r[4]]
    for paths, digits, row_path, cands, exhausted in rows:
        if exhausted:
            notes.append(Note("ambiguous", row_path, "数字连写，可能的拆分过多，留空 / digits run together; too many "
                              "possible splits; left blank", digits))
    # rows tied by an identity are searched together; independent groups one by one
    group = list(range(len(live)))

    def find(a):
        while group[a] != a:
            group[a] = group[group[a]]
            a = group[a]
        return a

    where = {p: n for n, r in enumerate(live) for p in r[0]}
    for idt in identities:
        ns = {where[p] for p, _ in idt.terms if p in where}
        first = ns.pop() if ns else None
        for n in ns:
            group[find(n)] = find(first)
    parts: dict[int, list] = {}
    for n, r in enumerate(live):
        parts.setdefault(find(n), []).append(r)
    for part in parts.values():
        if len(part) == 1 and len(part[0][3]) == 1 and not _touching(part, identities, values):
            paths, digits, row_path, cands, _ = part[0]  # one row, one split, nothing else to check
            _take(paths, digits, row_path, cands[0], values, notes)
            continue
        mine = {p for r in part for p in r[0]}
        _search(part, values, [idt for idt in identities if any(p in mine for p, _ in idt.terms)], notes, across=True)


def _touching(part, identities: list[Identity], values: dict) -> bool:
    """Whether an identity ties this row to a known cell outside it (then the search must check it)."""
    mine = set(part[0][0])
    if mine.isdisjoint(_identity_paths(identities)):
        return False
    return any(any(p in mine for p, _ in idt.terms) and not all(p in mine for p, _ in idt.terms)
               and all(p in mine or values.get(p) is not None for p, _ in idt.terms) for idt in identities)


_PATHS: dict[int, tuple[list, frozenset]] = {}


def _identity_paths(identities: list[Identity]) -> frozenset:
    if id(identities) not in _PATHS:
        _PATHS[id(identities)] = (identities, frozenset(p for idt in identities for p, _ in idt.terms))
    return _PATHS[id(identities)][1]


def _take(paths, digits, row_path, split, values: dict, notes: list[Note], alone: bool = False) -> None:
    values.update(zip(paths, split))
    if alone:
        message = ("数字连写，按本行的勾稽关系唯一拆分；各行之间的勾稽关系无论如何拆分都不成立，交由校验报告 / digits run "
                   "together; the only split that satisfies the row's own rules was taken; no reading satisfies the "
                   "rules across rows, which validation reports")
    else:
        message = "数字连写，按勾稽关系唯一拆分 / digits run together; the only split that satisfies the rules was taken"
    notes.append(Note("inferred", row_path, message, digits, [",".join(map(str, split))]))


def _assignments(live, values: dict, identities: list[Identity]) -> tuple[list[set], bool]:
    """Every row's splits that are part of an assignment of all rows satisfying the identities, and whether
    the search was complete (within the budget)."""
    live.sort(key=lambda r: len(r[3]))
    owner = {}
    for n, r in enumerate(live):
        for p in r[0]:
            owner[p] = n
    # identities that read an open row's cells; their other cells must be known (not blank)
    checks_at: dict[int, list[Identity]] = {}
    for idt in identities:
        rows_in = {owner[p] for p, _ in idt.terms if p in owner}
        if not rows_in:
            continue
        if any(p not in owner and values.get(p) is None for p, _ in idt.terms):
            continue  # a blank or unread cell: the identity cannot decide anything
        checks_at.setdefault(max(rows_in), []).append(idt)
    options: list[set] = [set() for _ in live]
    # the cells' values, an open row's cells as assigned on the search's path: the identities checked at row
    # n read the open rows up to n only (all assigned then) and known cells
    known = dict(values)
    checks = [[(idt.terms, idt.constant) for idt in checks_at.get(n, ())] for n in range(len(live))]
    steps = [SPLIT_BUDGET]
    complete = True

    def go(n: int) -> None:
        nonlocal complete
        if steps[0] <= 0:
            complete = False
            return
        if n == len(live):
            for m, r in enumerate(live):
                options[m].add(tuple(known[p] for p in r[0]))
            return
        paths = live[n][0]
        mine = checks[n]
        for cand in live[n][3]:
            steps[0] -= 1
            known.update(zip(paths, cand))
            if all(sum(k * known[p] for p, k in terms) + constant == 0 for terms, constant in mine):
                go(n + 1)
            if steps[0] <= 0:
                complete = False
                break

    go(0)
    return options, complete


def _search(live, values: dict, identities: list[Identity], notes: list[Note], across: bool = False,
            alone: bool = False) -> None:
    """Take the rows the identities determine. ``across``: run-together rows of the digit splitter, whose
    search, where no assignment satisfies the identities, falls back to each row's own unique split and
    names the rules no reading satisfies (:func:`_fallback`)."""
    options, complete = _assignments(live, values, identities)
    if across and complete and not any(options):
        _fallback(live, values, identities, notes)
        return
    for m, (paths, digits, row_path, cands, _) in enumerate(live):
        opts = sorted(options[m])
        if complete and len(opts) == 1:
            _take(paths, digits, row_path, opts[0], values, notes, alone)
        elif not complete:
            notes.append(Note("ambiguous", row_path, "数字连写，拆分搜索超出限度，留空 / digits run together; the search "
                              "for a split ran out of budget; left blank", digits,
                              [",".join(map(str, c)) for c in cands[:50]]))
        elif opts:
            notes.append(Note("ambiguous", row_path, f"数字连写，有 {len(opts)} 种拆分均符合规则，留空 / digits run "
                              f"together; {len(opts)} splits satisfy the rules; left blank", digits,
                              [",".join(map(str, o)) for o in opts[:50]], readings=len(opts)))
        else:
            notes.append(Note("impossible", row_path, "数字连写，没有符合规则的拆分，留空 / digits run together; no "
                              "split satisfies the rules; left blank", digits))


def _fallback(live, values: dict, identities: list[Identity], notes: list[Note]) -> None:
    """No assignment of the rows satisfies the identities across them: the print is not consistent. Each row
    whose own rules leave one split is read so (validation then names the broken identity); the others are
    searched again among themselves, and where still nothing fits, every rule that no reading satisfies on its
    own is named (``no_consistent_reading``) and the rows stay blank."""
    rest = []
    for r in live:
        if len(r[3]) == 1:
            _take(r[0], r[1], r[2], r[3][0], values, notes, alone=True)
        else:
            rest.append(r)
    if not rest:
        return
    mine = {p for r in rest for p in r[0]}
    idts = [idt for idt in identities if any(p in mine for p, _ in idt.terms)]
    options, complete = _assignments(rest, values, idts)
    if not complete or any(options):
        _search(rest, values, idts, notes, alone=True)
        return
    broken = []
    for rule in dict.fromkeys(idt.rule for idt in idts):
        opts, done = _assignments(rest, values, [idt for idt in idts if idt.rule == rule])
        if done and not any(opts):
            broken.append(rule)
    for paths, digits, row_path, cands, _ in rest:
        mine_broken = [rule for rule in broken
                       if any(p in paths for idt in idts if idt.rule == rule for p, _ in idt.terms)]
        for rule in mine_broken:
            _no_reading(rule, row_path, digits, notes, across=True)
        if not mine_broken:
            notes.append(Note("impossible", row_path, "数字连写，没有符合规则的拆分，留空 / digits run together; no "
                              "split satisfies the rules; left blank", digits, [",".join(map(str, c)) for c in cands[:50]]))
