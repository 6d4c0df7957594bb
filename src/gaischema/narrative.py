"""The narrative against the tables: what a report's text says, checked against what its tables say.

Evaluators find most defects of published reports here rather than in the arithmetic: the text gives one
number and the table another, a claim in the text ("均获维持") contradicts the table, section 六 is silent on the
processing fee, a section is copied from another organ. Yet many reports that look inconsistent are not: "收到
申请N件" often counts 本年新收 plus 上年结转, "不予公开" may be quoted for one reason only. A check that cannot tell
these apart is worse than none, so each statement has several *readings*, and a finding is made only when no
reading agrees.

What a statement means is declared in the schema, beside the other rules (kinds ``narrative_fact``,
``narrative_percent``, ``narrative_claim``, ``narrative_required``, ``section_order``, ``near_duplicate``): a
regular expression that finds the statement, and the cells it speaks of as sums in the rule language. The
engine compiles those sums into :class:`Linear` forms over cell paths; this module, which knows nothing of
the schema, evaluates them. It returns plain :class:`Hit` records; the engine turns them into findings.

Blank cells. A table with blank cells still bounds what it can mean: counts are non-negative and the
accounting identities the schema declares (a total is the sum of its parts) hold for every way of filling the
blanks. So a reading is an interval, not a number: 上海 2019's 予以公开 总计 is blank, but its filled columns
add up to 272, so a text that says 258 disagrees with every completion of that table. Nothing is guessed:
a statement is flagged only when its number lies outside every reading's interval.

Rounding. A share ("占 4.35%") agrees when it is the count over a base, rounded half up or half to even to
the decimals printed (the two ways people round); a truncated share (4.34% for 35/805) does not.

Near duplicates. A section's sketch is a densified one-permutation MinHash of its set of sentences (text
between 。；！？, spaces removed): 32 small integers, computed in one pass, comparable across
processes (CRC-32, not Python's salted ``hash``), and banded for a locality-sensitive index, so a corpus is
compared in about linear time instead of all pairs.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cached_property
from typing import Any

__all__ = ["Hit", "Linear", "TextRule", "TextRules", "check_text", "matches", "normalize", "sentence", "share_agrees", "similarity",
           "sketch", "sketch_bands", "sketch_text", "sketch_values"]

INF = math.inf
_THOUSANDS = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_SENTENCE_END = "。；！？;!?\n"
_DIGIT = re.compile(r"[0-9]")  # ASCII digits only: \d is any Unicode digit in Python
_FULLWIDTH_CHAR = re.compile("[０-９％．]")


def _sentences(text: str) -> list[str]:
    """A normalised text cut at 。；！？ (the statements of the narrative rules and the parts of a sketch)."""
    for mark in "；！？;!?":
        if mark in text:
            text = text.replace(mark, "。")
    return text.split("。")


# ------------------------------------------------------------------------------------------------ data
@dataclass(frozen=True)
class Linear:
    """A sum over cells, ``sum(coeff * cell) + constant``: the compiled form of a reading."""

    terms: tuple[tuple[tuple[str, ...], int], ...]
    constant: int = 0

    @property
    def paths(self) -> list[tuple[str, ...]]:
        return [p for p, _ in self.terms]


@dataclass(frozen=True)
class TextRule:
    """One narrative rule of one format version, compiled by the engine."""

    key: int  # the engine's index of the rule
    kind: str
    pattern: re.Pattern | None
    sections: tuple[str, ...]
    readings: tuple[Linear, ...] = ()  # fact: the cells; percent: the bases; claim: (left, right)
    op: str = "=="  # claim: the comparison that must hold
    order: tuple[str, ...] = ()  # section_order: the official order
    exclude: re.Pattern | None = None  # a match of the pattern that shares a character with one of these is no statement

    @property
    def numbered(self) -> bool:
        """A statement of a number: it lies in a sentence with a digit, and only those sentences are read."""
        return self.kind in ("narrative_fact", "narrative_percent")

    @cached_property
    def needs(self) -> tuple[frozenset[str], ...]:
        """What a text must contain for the pattern to match: a set of literals per branch."""
        return () if self.pattern is None else tuple(map(frozenset, required_literals(self.pattern.pattern)))

    def may_match(self, present: set[str]) -> bool:
        """A cheap test that rules out most texts before the regular expression runs: ``present`` holds
        the literals (of all rules' :attr:`needs`) that the text contains."""
        needs = self.needs
        if not needs:
            return True
        for branch in needs:
            if branch <= present:
                return True
        return False


class TextRules:
    """The narrative rules of one format version, with what checking them needs derived once, when the engine
    compiles them: the rules grouped by the text they read ((section, numbered sentences only) -> rules, in rule
    order; section_order rules under (None, False)), the literals every fact's pattern needs (件, as the
    schema's patterns are written: a sentence without them is not read), and the literal finders of the two
    kinds of text."""

    def __init__(self, rules: list[TextRule]):
        self.rules = rules
        groups: dict[tuple[str | None, bool], list[TextRule]] = {}
        for rule in rules:
            for section in (None,) if rule.kind == "section_order" else rule.sections:
                groups.setdefault((section, rule.numbered), []).append(rule)
        self.plan = list(groups.items())
        branches = [b for r in rules if r.numbered for b in r.needs or [frozenset()]]
        self.common = tuple(sorted(frozenset.intersection(*branches))) if branches else ()
        self.literals = {numbered: Literals(lit for r in rules if r.numbered == numbered
                                            for branch in r.needs for lit in branch) for numbered in (False, True)}

    def __iter__(self):
        return iter(self.rules)

    def numbered(self, text: str) -> str:
        """The sentences of a normalised text that a fact can be in: with a digit and the common literals."""
        return "。".join(s for s in _sentences(text) if all(lit in s for lit in self.common) and _DIGIT.search(s))


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """The literal runs every match must contain, per top-level branch of a regular expression: the runs of
    plain characters outside groups, classes and escapes that no quantifier makes optional. An empty
    tuple for a branch with none (then the pattern always runs)."""
    branches: list[tuple[str, ...]] = []
    runs: list[str] = []
    run = ""
    depth = 0
    i = 0
    while i <= len(pattern):
        ch = pattern[i] if i < len(pattern) else "|"
        if depth == 0 and ch not in "()[]\\|.^$*+?{":
            nxt = pattern[i + 1] if i + 1 < len(pattern) else ""
            if nxt and nxt in "*?{":
                runs.append(run)  # this character is optional (or repeated from zero): it ends the run
                run = ""
            else:
                run += ch
            i += 1
            continue
        runs.append(run)
        run = ""
        if ch == "\\":
            i += 2
        elif ch == "[":
            j = i + 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
        elif ch == "{":  # a quantifier {m,n}
            i = pattern.find("}", i) + 1 or len(pattern) + 1
        elif ch == "(":
            depth += 1
            i += 1
        elif ch == ")":
            depth -= 1
            i += 1
        elif ch == "|" and depth == 0:
            branches.append(tuple(r for r in runs if r))
            runs = []
            i += 1
        else:
            i += 1
    if any(not b for b in branches):
        return ()
    return tuple(branches)


@dataclass
class Hit:
    """A statement that no reading supports: what the engine needs to make a finding."""

    rule: TextRule
    path: str  # the section (or field) where the statement is
    quote: str
    reported: Any
    expected: Any
    cells: list[tuple[str, ...]]  # the cells the statement speaks of
    more: int = 0  # statements of the same rule in the report past MAX_HITS, not listed


# ------------------------------------------------------------------------------------------------ text
def normalize(text: str) -> str:
    """The text patterns are matched against: spaces and line breaks removed (hard-wrapped PDF text and
    "1295 件" read alike), full-width digits folded, thousands separators dropped."""
    if _FULLWIDTH_CHAR.search(text):
        text = text.translate(_FULLWIDTH)
    text = "".join(text.split())
    return _THOUSANDS.sub("", text) if "," in text else text


def sentence(text: str, start: int, end: int, limit: int = 160) -> str:
    """The sentence around text[start:end] (from after the previous 。；！？ to before the next), for quoting.
    Sentence ends are looked for only within ``limit`` characters of the statement (beyond, the quote is cut
    anyway): a text of many statements and few sentence ends costs linear time, not quadratic."""
    lo = max(0, start - limit - 1)
    i = max(text.rfind(ch, lo, start) for ch in _SENTENCE_END) + 1
    if i == 0:
        i = lo  # no end within reach: the quote is cut at the front (lo < start - limit // 2)
    hi = min(len(text), end + limit + 1)
    ends = [j for j in (text.find(ch, end, hi) for ch in _SENTENCE_END) if j >= 0]
    j = min(ends) if ends else hi
    quote = text[i:j]
    if len(quote) > limit:  # a run-on "sentence": keep the statement and what stands near it
        a, b = max(i, start - limit // 2), min(j, end + limit // 2)
        quote = ("…" if a > i else "") + text[a:b] + ("…" if b < j else "")
    return quote


def share_agrees(count: int, base: int, printed: str) -> bool:
    """A printed percentage is count/base rounded half up or half to even to its decimals."""
    return printed in shares(count, base, printed)


def shares(count: int, base: int, printed: str) -> list[str]:
    """count/base in percent, rounded half up and half to even to the decimals of ``printed``."""
    decimals = len(printed.split(".", 1)[1]) if "." in printed else 0
    q = Decimal(1).scaleb(-decimals)
    try:
        exact = Decimal(count) * 100 / Decimal(base)
        return [str(exact.quantize(q, rounding=ROUND_HALF_UP)), str(exact.quantize(q, rounding=ROUND_HALF_EVEN))]
    except (InvalidOperation, ZeroDivisionError):
        return []


# ------------------------------------------------------------------------------------------------ bounds
def _value(instance: dict, path: tuple[str, ...]):
    obj: Any = instance
    for step in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(step)
    return obj


class Bounds:
    """Intervals of cells of one report: a filled count is itself; a blank one lies in [0, ∞), narrowed by
    the declared identities (each ``sum(coeff * cell) + constant == 0``) until nothing changes."""

    def __init__(self, instance: dict, identities: list[tuple[tuple[tuple[str, ...], int], ...]],
                 in_identities: frozenset = frozenset()):
        self.instance = instance
        self.identities = identities
        self.in_identities = in_identities  # the cells the identities name: only they can be narrowed
        self._bounds: dict[tuple[str, ...], tuple[float, float]] | None = None

    def cell(self, path: tuple[str, ...]) -> tuple[float, float]:
        v = _number(_value(self.instance, path))
        if v is not None:
            return (v, v)
        if path not in self.in_identities:
            return (0, INF)
        if self._bounds is None:
            self._bounds = self._propagate()
        return self._bounds.get(path, (0, INF))

    def _propagate(self) -> dict[tuple[str, ...], tuple[float, float]]:
        bounds: dict[tuple[str, ...], tuple[float, float]] = {}

        def get(p):
            if p not in bounds:
                v = _number(_value(self.instance, p))
                bounds[p] = (v, v) if v is not None else (0, INF)
            return bounds[p]

        for _ in range(4):  # a few passes settle every table of the format
            changed = False
            for terms, const in self.identities:
                # k_j * x_j = -const - sum over i != j of k_i * x_i: the sums once, each term taken out
                parts = [(k, get(p)) for p, k in terms]
                lows = [min(k * a, k * b) for k, (a, b) in parts]
                highs = [max(k * a, k * b) for k, (a, b) in parts]
                finite_lo = sum(x for x in lows if x != -INF)
                finite_hi = sum(x for x in highs if x != INF)
                n_lo, n_hi = lows.count(-INF), highs.count(INF)
                for j, (pj, kj) in enumerate(terms):
                    rest_hi = INF if n_hi - (highs[j] == INF) else finite_hi - (highs[j] if highs[j] != INF else 0)
                    rest_lo = -INF if n_lo - (lows[j] == -INF) else finite_lo - (lows[j] if lows[j] != -INF else 0)
                    lo, hi = -const - rest_hi, -const - rest_lo
                    if kj < 0:
                        lo, hi = -hi, -lo
                    cur = bounds[pj]
                    new = (max(cur[0], lo / abs(kj)), min(cur[1], hi / abs(kj)))
                    if new != cur and new[0] <= new[1]:
                        bounds[pj] = new
                        changed = True
            if not changed:
                break
        return bounds

    def linear(self, form: Linear) -> tuple[float, float]:
        lo = hi = form.constant
        for path, k in form.terms:
            a, b = self.cell(path)
            lo, hi = lo + min(k * a, k * b), hi + max(k * a, k * b)
        return (lo, hi)


def _number(v):
    """A value a reading can use: a number, not a flag (True is no count)."""
    if type(v) in (int, float) or isinstance(v, Decimal):
        return v if math.isfinite(v) else None
    return None


def _show(interval: tuple[float, float]):
    lo, hi = interval
    if lo == hi:
        return lo if isinstance(lo, Decimal) else int(lo)
    if hi == INF:
        return f"≥{int(lo)}"
    return f"{int(lo)}–{int(hi)}"


def _false(op: str, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """The comparison is false for every value in the two intervals."""
    if op == "==":
        return a[0] > b[1] or a[1] < b[0]
    if op == "!=":
        return a[0] == a[1] == b[0] == b[1]
    if op == "<":
        return a[0] >= b[1]
    if op == "<=":
        return a[0] > b[1]
    if op == ">":
        return a[1] <= b[0]
    return a[1] < b[0]  # >=


# ------------------------------------------------------------------------------------------------ checks
MAX_HITS = 20  # findings of one rule in one report; the rest are counted in the last one's ``more``
MAX_DIGITS = 18  # a number of more digits is no count: its statement is not read (and int() is bounded)


def check_text(instance: dict, rules: TextRules, identities, in_identities: frozenset = frozenset()) -> list[Hit]:
    """Every statement of the report's narrative that no reading of its tables supports: at most MAX_HITS
    per rule, the last of them saying (``more``) how many more there were."""
    bounds = Bounds(instance, identities, in_identities)
    hits: list[Hit] = []
    kept: dict[int, int] = {}  # rule key -> index in hits of its last hit
    counts: dict[int, int] = {}  # rule key -> hits of it
    more: dict[int, int] = {}

    def full(key: int) -> bool:
        if counts.get(key, 0) < MAX_HITS:
            return False
        more[key] = more.get(key, 0) + 1
        return True

    def add(hit: Hit) -> None:
        key = hit.rule.key
        if not full(key):
            kept[key], counts[key] = len(hits), counts.get(key, 0) + 1
            hits.append(hit)

    normalized: dict[str, str] = {}
    for (section, numbered), group in rules.plan:
        if section is None:  # section_order rules read the extraction record
            for rule in group:
                found = _value(instance, ("extraction", "section_headings"))
                if isinstance(found, list) and found != list(rule.order):
                    hits.append(Hit(rule, "extraction.section_headings", "", "、".join(map(str, found)),
                                    "、".join(rule.order), []))
            continue
        raw = instance.get(section)
        if not isinstance(raw, str):
            continue
        text = normalized.get(section)
        if text is None:
            text = normalized[section] = normalize(raw)
        if not text:
            continue
        if numbered:  # a statement of a number lies in a sentence with a digit: facts look at those only
            text = rules.numbered(text)
        present = rules.literals[numbered].present(text)
        for rule in group:
            if rule.kind == "narrative_required":
                if not (rule.may_match(present) and next(matches(rule, text), None)):
                    add(Hit(rule, section, sentence(text, 0, 0), None, None, []))
                continue
            if not rule.may_match(present):
                continue
            for m in matches(rule, text):
                hit = _statement(rule, m, bounds)
                if hit is not None:
                    reported, expected, cells = hit
                    if full(rule.key):
                        continue  # counted, not quoted: no sentence is looked for
                    add(Hit(rule, section, sentence(text, m.start(), m.end()), reported, expected, cells))
    for key, n in more.items():
        hits[kept[key]] = dataclasses.replace(hits[kept[key]], more=n)
    return hits


def matches(rule: TextRule, text: str):
    """The statements a rule's pattern finds in a text, left to right (docs/rule-language.md, "Patterns"): each
    match is the leftmost from where the search stands; one that shares a character with a match of the rule's
    ``exclude`` pattern (its leftmost non-overlapping matches in the text) is dropped, and the search goes on
    from the character after that match's start; a kept match moves the search to its end."""
    if rule.exclude is None:
        yield from rule.pattern.finditer(text)
        return
    spans = [m.span() for m in rule.exclude.finditer(text)]
    if not spans:
        yield from rule.pattern.finditer(text)
        return
    ends = [b for _, b in spans]
    pos = 0
    while (m := rule.pattern.search(text, pos)) is not None:
        s, e = m.span()
        k = bisect.bisect_right(ends, s)  # the first excluded span that ends after s
        if k < len(spans) and spans[k][0] < e:
            pos = s + 1
            continue
        yield m
        pos = e if e > s else e + 1


class Literals:
    """Which of a set of literals a text contains, in one pass of the regular expression engine: the
    literals as one alternation, longest first; a literal found also stands for those it contains. A match
    can hide only a literal that begins with the end of another (全部 hides 部分公开 in 全部分公开): those few
    are looked for on their own, so the answer is exact."""

    def __init__(self, literals):
        lits = sorted(set(literals), key=len, reverse=True)
        self.hidable = {b for a in lits for b in lits if a != b
                        and any(a[-k:] == b[:k] for k in range(1, min(len(a), len(b)) + 1))}
        self.within = {a: {b for b in lits if b in a} for a in lits}
        self.rx = re.compile("|".join(map(re.escape, lits))) if lits else None

    def present(self, text: str) -> set[str]:
        out = {lit for lit in self.hidable if lit in text}
        for found in set(self.rx.findall(text)) if self.rx is not None else ():
            out |= self.within[found]
        return out


def _statement(rule: TextRule, m: re.Match, bounds: Bounds):
    """(reported, expected, cells) when no reading supports the statement, else None."""
    if any(len(g) > MAX_DIGITS for g in m.groups() if g):
        return None  # a run of digits no count has (a 4,301-digit number is past what int() reads)
    if rule.kind == "narrative_fact":
        n = int(m.group(1))
        values = [bounds.linear(r) for r in rule.readings]
        if any(lo <= n <= hi for lo, hi in values):
            return None
        return n, _show(values[0]), rule.readings[0].paths
    if rule.kind == "narrative_percent":
        n, printed = int(m.group(1)), m.group(2)
        exact = [int(lo) for lo, hi in map(bounds.linear, rule.readings) if lo == hi and lo > 0]
        if not exact or any(share_agrees(n, base, printed) for base in exact):
            return None  # no base the table fixes: nothing to compare with
        return printed, shares(n, exact[0], printed)[0], rule.readings[0].paths
    left, right = (bounds.linear(r) for r in rule.readings)  # narrative_claim
    if not _false(rule.op, left, right):
        return None
    return _show(left), _show(right), rule.readings[0].paths


# ------------------------------------------------------------------------------------------------ near duplicates
SKETCH_SIZE = 32
BAND = 4
_MASK = (1 << 32) - 1


def clauses(text: str) -> set[str]:
    """The sentences of a text: spaces removed, split at 。；！？, the short ones (≤ 3 characters) left out.
    Plain string operations: a sketch costs a few tens of microseconds."""
    return {c for c in _sentences("".join(text.split())) if len(c) > 3}


def sketch(text: str) -> list[int] | None:
    """A densified one-permutation MinHash of the text's clauses (None when it has none)."""
    hashes = sorted(map(zlib.crc32, map(str.encode, clauses(text))), reverse=True)
    if not hashes:
        return None
    bins = {h % SKETCH_SIZE: h // SKETCH_SIZE for h in hashes}  # the last, smallest hash of each bin stays
    out = []
    for i in range(SKETCH_SIZE):  # an empty bin borrows from the next filled one, shifted by the distance
        j = 0
        while (i + j) % SKETCH_SIZE not in bins:
            j += 1
        out.append((bins[(i + j) % SKETCH_SIZE] + j * 0x9E3779B1) & _MASK)
    return out


def sketch_bands(sig: list[int]) -> list[int]:
    """One key per band of the sketch: two sketches that share a band key may be compared. A band takes bins
    far apart (b, b + 8, b + 16, b + 24), not neighbours, which a densified empty bin may have copied; its key
    is the CRC-32 of those four values as little-endian 32-bit words, plus b × 2³² (portable: the rule
    language specifies it, docs/rule-language.md)."""
    n = len(sig) // BAND
    return [zlib.crc32(struct.pack("<4I", *sig[b::n])) | (b << 32) for b in range(n)]


def sketch_text(sig: list[int]) -> str:
    """A sketch as a compact string (8 hex digits a value, little-endian), for a projection."""
    arr = array("I", sig)
    if sys.byteorder == "big":
        arr.byteswap()
    return arr.tobytes().hex()


def sketch_values(text: str) -> list[int]:
    arr = array("I", bytes.fromhex(text))
    if sys.byteorder == "big":
        arr.byteswap()
    return arr.tolist()


def similarity(a: list[int], b: list[int]) -> float:
    """The estimated Jaccard index of two texts' clause sets, from their sketches."""
    return sum(x == y for x, y in zip(a, b)) / len(a)
