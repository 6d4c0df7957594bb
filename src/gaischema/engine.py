"""The rule engine: evaluates the rules declared in the schema against an instance (a plain dict).

Rules come from ``generated/gaischema.model.json`` (compiled from the schema's class rules by
``gaischema.build``); nothing here names a table cell or a rule. Kinds of rule:

``check``
    A boolean ``expression`` over slot paths relative to the instance of the rule's class, optionally
    guarded by ``when`` and expanded ``for_each`` permissible value of an enumeration (``{c}`` in the
    expression). Paths may use ``*`` for "every slot of this row group". Arithmetic: ``+ - sum()``;
    comparison: ``== != < <= > >=``; ``and or not``; functions ``date(y, m, d)``,
    ``format_version_for(year)`` and ``deadline_for(organ_kind, year)`` read their data from enumerations.
    If a path is blank (absent or null) the rule is not evaluated: the blank is the finding of a ``complete``
    rule. Slots of the other format version are left out of the expression.
``complete``
    Every cell of the tables named in ``scope`` is filled, for the instance's format version. A table of the
    version is not reported missing when a table of the other version in the same ``scope`` stands in its place
    (that one is the ``version_structure`` finding): one finding, not two.
``version_structure``
    No table or row of the other format version is present.
``reading_ambiguous``
    A row the extractor left blank because more than one reading of its printed digits satisfies the rules (an
    ``ambiguous`` extraction note): one finding for the row, not the ``complete`` findings of its cells.
``reading_not_found``
    A row the extractor did not find in the source (a ``missing`` extraction note): one finding for the row, not
    the ``complete`` findings of its cells. The organ did not leave it blank; the reading did not find it. A table
    blank as a whole because none of its rows was read is split into its rows: the rows not found are this
    rule's, the others (printed blank) stay ``complete`` findings.
``reading_unreliable``
    A cell OCR read below the confidence bound and the extractor left blank (a ``low_confidence`` extraction
    note): one finding for the cell, with the text OCR read, not the ``complete`` finding of the cell. The organ
    printed something there; the reading could not trust it.
``invisible_characters``
    The slot named in ``scope`` (the organ name) holds characters of ``characters`` (code points ``U+200B`` and
    ranges ``U+0600..U+0605``): one finding naming them. The same characters are left out of the organ key that
    matches reports across years (gaischema.corpus asks :meth:`Engine.invisible_pattern`): one list, one place.
``tables_present``
    The report holds its tables: when none of the tables named in ``scope`` is present (a report published
    without its tables), one finding for the report, and the ``complete`` rules do not report those tables.
``jsonschema``
    Maps JSON Schema error keywords (``validators``) to a rule id; applied by :mod:`gaischema.validate`.
``narrative_fact``, ``narrative_percent``, ``narrative_claim``, ``narrative_required``, ``section_order``
    The report's text against its tables: a ``pattern`` (regular expression) finds a statement in the
    narrative ``sections``; its ``readings`` (sums in this language, separated by ``;``; a path with ``*``
    outside ``sum()`` is one reading per slot) or its ``expression`` say which cells it speaks of. Compiled
    here into linear forms, evaluated by :mod:`gaischema.narrative` (where blank cells become intervals).
``near_duplicate``
    A narrative section nearly the same as another report's (corpus runs; sketches from :meth:`Engine.projection`).

Speed: every class of the schema sits at fixed paths (the schema has no lists of tables or rows), so each
rule is expanded once per process into straight-line Python over those paths, one function per format
version, compiled with ``compile()``. Checking a report is then one call of that function.
"""

from __future__ import annotations

import ast
import datetime as _dt
import hashlib
import itertools
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from gaischema.narrative import (
    Linear,
    TextRule,
    TextRules,
    check_text,
    sketch,
    sketch_bands,
    sketch_text,
)

SEVERITIES = ("error", "warning")
NO_CONSISTENT_READING = "no_consistent_reading"  # the extraction note kind the validator reports as its rule's error
AMBIGUOUS = "ambiguous"  # the extraction note kind of a row several readings fit: a reading_ambiguous finding
NOT_FOUND = "missing"  # the extraction note kind of a row the reader did not find: a reading_not_found finding
UNRELIABLE = "low_confidence"  # the note kind of a cell OCR read unreliably, left blank: a reading_unreliable finding


class RuleSyntaxError(ValueError):
    """A rule in the schema cannot be compiled."""


class _Blank(Exception):
    """Raised while evaluating: a path is blank or of the wrong type, so the rule does not apply."""


@dataclass
class Finding:
    """One problem found in one report."""

    rule: str
    severity: str
    path: str
    cell: str
    message: str
    message_en: str
    reported: Any = None
    expected: Any = None
    cell_en: str = ""
    source: str = ""
    quote: str = ""  # the sentence of the report's text a narrative finding is about
    previous: str = ""  # a cross-report finding: the other report's file (the previous year's, or the similar one)

    def as_dict(self) -> dict:
        out = {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "cell": self.cell,
            "cell_en": self.cell_en,
            "message": self.message,
            "message_en": self.message_en,
            "reported": self.reported,
            "expected": self.expected,
        }
        if self.quote:
            out["quote"] = self.quote
        if self.previous:
            out["previous"] = self.previous
        return out


def _same_value(a: Any, b: Any) -> bool:
    """Two cells of copies agree: both blank, or equal values (1 and 1.0 alike, never True and 1)."""
    if a is None or b is None:
        return a is None and b is None
    return a == b and isinstance(a, str) == isinstance(b, str)


def make_finding(rule: dict, path: tuple[str, ...] | str, cell: tuple[str, str], reported: Any = None,
                 expected: Any = None, detail: tuple[str, str] | None = None, quote: str = "") -> Finding:
    """The one place a finding is made: the data first (rule, path, official cell, reported and expected
    value, the quoted sentence), then the message text composed from the rule's templates (``{reported}``,
    ``{expected}``, ``{cell}``, ``{quote}``) and, for a JSON Schema error, the detail of what is wrong."""
    fmt = {"reported": _fmt(reported), "expected": _fmt(expected), "cell": cell[0], "quote": quote}
    message, message_en = rule["message_zh"].format(**fmt), rule["message_en"].format(**fmt)
    if detail:
        message, message_en = f"{message}：{detail[0]}", f"{message_en}: {detail[1]}"
    return Finding(
        rule=rule["id"],
        severity=rule["severity"],
        path=path if isinstance(path, str) else ".".join(path),
        cell=cell[0],
        cell_en=cell[1],
        message=message,
        message_en=message_en,
        reported=_show(reported),
        expected=_show(expected),
        source=rule.get("source", ""),
        quote=quote,
    )


# ----------------------------------------------------------------------------------------------- labels
class Labels:
    """Official labels of paths, from the model's class tree and cell map."""

    def __init__(self, model: dict):
        self.model = model
        self.classes = model["classes"]
        self.cells = {v: {c["path"]: c for c in cells} for v, cells in model["cells"].items()}
        self._any_cells = {}
        for cells in model["cells"].values():
            for c in cells:
                self._any_cells.setdefault(c["path"], c)

    def is_cell(self, path: str) -> bool:
        """Whether a dotted path is an official table cell (of either format version)."""
        return path in self._any_cells

    def slot_chain(self, path: tuple[str, ...]) -> list[dict] | None:
        """The slot definitions along a path from the root, or None if the path leaves the schema."""
        cname = self.model["root"]
        chain = []
        for step in path:
            cls = self.classes.get(cname)
            if cls is None:
                return None
            slot = next((s for s in cls["slots"] if s["name"] == step), None)
            if slot is None:
                return None
            chain.append(slot)
            cname = slot["range"]
        return chain

    def cell(self, path: tuple[str, ...], version: str | None) -> tuple[str, str]:
        """(Chinese, English) label of a path: ``表三 row / row × column`` for a cell, titles otherwise."""
        key = ".".join(path)
        c = (self.cells.get(version) or {}).get(key) or self._any_cells.get(key)
        if c:
            return f"表{c['table']} {c['row']} × {c['column']}", f"table {c['table']} {c['row_en']} × {c['column_en']}"
        chain = self.slot_chain(path) or []
        if not chain:
            return key, key
        table = next((s["table"] for s in chain if "table" in s), None)
        if table:
            rows = chain[1:]
            if not rows:
                return f"表{table}（整表）", f"table {table} (whole table)"
            return (f"表{table} " + " / ".join(_flat_titles(rows)),
                    f"table {table} " + " / ".join(s["name"] for s in rows))
        return " / ".join(s["title"] for s in chain), ".".join(s["name"] for s in chain)


def _flat_titles(slots: list[dict]) -> list[str]:
    out = []
    for s in slots:
        if "group_label" in s:
            out.append(s["group_label"])
        out.append(s["title"])
    return out


# ----------------------------------------------------------------------------------------------- compiler
_CMP = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_STAR = "__star__"
_FUNCTIONS = {"date": "_date", "format_version_for": "_fvf", "deadline_for": "_deadline"}


@dataclass
class CheckSpec:
    """One rule at one place, for one format version and one for_each value."""

    rule: dict
    version: str
    node: tuple[str, ...]  # where the instance of the rule's class sits
    left: str  # Python source of the two sides and the guard, over variables v0, v1, ...
    right: str
    op: str
    guard: str | None
    variables: list[tuple[str, ...]]  # full paths of v0, v1, ...
    left_paths: list[tuple[str, ...]]  # full paths read by the left side (they name the finding's cell)


def class_locations(model: dict, version: str) -> dict[str, list[tuple[str, ...]]]:
    """Where each class sits in an instance of a format version (slots of the other version left out)."""
    key = (id(model), version)
    if key not in _LOCATIONS:
        _LOCATIONS[key] = (model, _class_locations(model, version))  # the model is kept so its id stays its own
    return _LOCATIONS[key][1]


_LOCATIONS: dict[tuple[int, str], tuple[dict, dict]] = {}


def _class_locations(model: dict, version: str) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}

    def walk(cname, path):
        out.setdefault(cname, []).append(path)
        for slot in model["classes"][cname]["slots"]:
            if slot["is_class"] and version in slot["versions"]:
                walk(slot["range"], path + (slot["name"],))

    walk(model["root"], ())
    return out


class _Gen:
    """Turns a rule expression (a Python expression over slot paths) into Python source."""

    def __init__(self, model: dict, version: str, class_name: str, node: tuple[str, ...], cross: bool = False):
        self.root = model["root"]
        self.cross = cross  # a cross-report rule may read the previous year's report as prev.<path>
        self.classes = model["classes"]
        self.version = version
        self.class_name = class_name
        self.node = node
        self.variables: list[tuple[str, ...]] = []

    def var(self, rel: tuple[str, ...]) -> str:
        full = self.node + rel
        if full not in self.variables:
            self.variables.append(full)
        return f"v{self.variables.index(full)}"

    def expand(self, steps: list[str], start: str | None = None) -> list[tuple[str, ...]]:
        results = []

        def go(cname, i, prefix):
            if i == len(steps):
                results.append(tuple(prefix))
                return
            cls = self.classes.get(cname)
            if cls is None:
                raise RuleSyntaxError(f"path {'.'.join(steps)} goes below a value in {self.class_name}")
            names = [s["name"] for s in cls["slots"]] if steps[i] == _STAR else [steps[i]]
            for name in names:
                slot = next((s for s in cls["slots"] if s["name"] == name), None)
                if slot is None:
                    raise RuleSyntaxError(f"{cname} has no slot {name!r} (in {'.'.join(steps)})")
                if self.version not in slot["versions"]:
                    continue  # the other format version's slot: left out
                if steps[i] == _STAR and not slot["is_class"] and "key" not in slot:
                    continue
                go(slot["range"], i + 1, prefix + [name])

        go(start or self.class_name, 0, [])
        return results

    def paths(self, steps: list[str]) -> list[tuple[str, ...]]:
        if steps[0] == "prev":
            if not self.cross:
                raise RuleSyntaxError("prev. is only for cross_report rules")
            return [("prev", *p) for p in self.expand(steps[1:], self.root)]
        return self.expand(steps)

    def src(self, node: ast.AST) -> str | None:
        """Python source for an expression node; None when it names only slots of the other version."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
            return repr(node.value)
        if isinstance(node, (ast.Name, ast.Attribute)):
            steps = _steps(node)
            if _STAR in steps:
                raise RuleSyntaxError("a path with * is only allowed inside sum()")
            paths = self.paths(steps)
            return self.var(paths[0]) if paths else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            a, b = self.src(node.left), self.src(node.right)
            if a is None or b is None:
                return a if b is None else (b if a is None else None)
            return f"({a} {'+' if isinstance(node.op, ast.Add) else '-'} {b})"
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
            a = self.src(node.operand)
            return None if a is None else f"({'-' if isinstance(node.op, ast.USub) else 'not '}{a})"
        if isinstance(node, ast.BoolOp):
            parts = [self.src(v) for v in node.values]
            return "(" + (" and " if isinstance(node.op, ast.And) else " or ").join(p for p in parts if p) + ")"
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMP:
            a, b = self.src(node.left), self.src(node.comparators[0])
            return None if a is None or b is None else f"(_cv({a}) {_CMP[type(node.ops[0])]} _cv({b}))"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "sum":
                terms = [self.var(p) for arg in node.args for p in self.paths(_steps(arg))]
                return "(" + " + ".join(terms) + ")" if terms else "0"
            if node.func.id not in _FUNCTIONS:
                raise RuleSyntaxError(f"unknown function {node.func.id}()")
            args = [self.src(a) for a in node.args]
            return None if None in args else f"{_FUNCTIONS[node.func.id]}({', '.join(args)})"
        raise RuleSyntaxError(f"unsupported expression: {ast.dump(node)[:80]}")


def _steps(node: ast.AST) -> list[str]:
    steps = []
    while isinstance(node, ast.Attribute):
        steps.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        raise RuleSyntaxError("expected a slot path")
    steps.append(node.id)
    return steps[::-1]


def _parse(text: str) -> ast.AST:
    try:
        return ast.parse(text.replace(".*", "." + _STAR), mode="eval").body
    except SyntaxError as exc:
        raise RuleSyntaxError(f"cannot parse {text!r}: {exc.msg}") from exc


def code_point_ranges(text: str) -> list[tuple[int, int]]:
    """The code points of an ``invisible_characters`` rule's ``characters``: ``U+200B`` (one) and ``U+0600..U+0605``
    (a range, both ends included), separated by whitespace; raises RuleSyntaxError."""
    out = []
    for item in text.split():
        m = re.fullmatch(r"U\+([0-9A-F]{4,6})(?:\.\.U\+([0-9A-F]{4,6}))?", item)
        lo, hi = (int(m[1], 16), int(m[2] or m[1], 16)) if m else (1, 0)
        if not m or lo > hi or hi > 0x10FFFF or 0xD800 <= hi and lo <= 0xDFFF:
            raise RuleSyntaxError(f"characters: {item!r} is no code point U+XXXX nor range U+XXXX..U+XXXX")
        out.append((lo, hi))
    if not out:
        raise RuleSyntaxError("an invisible_characters rule lists its characters")
    return out


def _char_class(ranges: list[tuple[int, int]]) -> re.Pattern:
    """One character of the code point ranges (a pattern that matches nothing when there are none)."""
    if not ranges:
        return re.compile("(?!)")
    return re.compile("[" + "".join(re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "")
                                    for lo, hi in sorted(set(ranges))) + "]")


def compile_rule(rule: dict, model: dict) -> list[CheckSpec]:
    """Check a rule and expand a ``check`` rule into its concrete checks (raises RuleSyntaxError)."""
    kind = rule.get("kind")
    if kind not in {"check", "cross_report", "complete", "version_structure", "tables_present", "reading_ambiguous",
                    "reading_not_found", "reading_unreliable", "invisible_characters", "jsonschema",
                    "near_duplicate", "copies", "roster", *TEXT_KINDS}:
        raise RuleSyntaxError(f"unknown kind {kind!r}")
    if rule.get("severity") not in SEVERITIES:
        raise RuleSyntaxError(f"severity must be one of {SEVERITIES}")
    for key in ("message_zh", "message_en", "source"):
        if not rule.get(key):
            raise RuleSyntaxError(f"missing annotation {key}")
    if kind in ("complete", "tables_present", "copies"):
        root = {s["name"] for s in model["classes"][model["root"]]["slots"]}
        for name in rule.get("scope", "").split() or [""]:
            if name not in root:
                raise RuleSyntaxError(f"scope names no slot of the root class: {name!r}")
    if kind in TEXT_KINDS:
        for version in model["versions"]:
            compile_text_rule(rule, model, version, 0)
    if kind == "invisible_characters":
        if rule.get("scope", "").split() != [rule.get("scope")] or rule["scope"] not in {
                s["name"] for s in model["classes"][model["root"]]["slots"]}:
            raise RuleSyntaxError("an invisible_characters rule's scope names one slot of the root class")
        code_point_ranges(rule.get("characters", ""))
    if kind == "near_duplicate":
        if rule.get("for_each") not in model["enums"]:
            raise RuleSyntaxError("a near_duplicate rule names its sections' enumeration in for_each")
        try:
            float(rule["threshold"]), int(rule["min_length"]), int(rule["candidates"])
        except (KeyError, ValueError) as exc:
            raise RuleSyntaxError("a near_duplicate rule needs a number threshold, min_length and candidates") from exc
    if kind not in ("check", "cross_report"):
        return []
    if kind == "cross_report" and rule["class"] != model["root"]:
        raise RuleSyntaxError(f"a cross_report rule belongs to the root class {model['root']}")
    columns: list[str | None] = [None]
    if rule.get("for_each"):
        enum = model["enums"].get(rule["for_each"])
        if enum is None:
            raise RuleSyntaxError(f"for_each names no enumeration: {rule['for_each']}")
        columns = list(enum["values"])
    trees = []
    for col in columns:  # parse once per column; the same tree serves every version and place
        tree = _parse(rule["expression"] if col is None else rule["expression"].replace("{c}", col))
        if not (isinstance(tree, ast.Compare) and len(tree.ops) == 1 and type(tree.ops[0]) in _CMP):
            raise RuleSyntaxError("a check expression is one comparison: LEFT op RIGHT")
        trees.append(tree)
    gtree = _parse(rule["when"]) if rule.get("when") else None
    if gtree is not None and not isinstance(gtree, ast.Compare):
        raise RuleSyntaxError("when must be one comparison")
    specs = []
    for version in model["versions"]:
        for node in class_locations(model, version).get(rule["class"], []):
            for tree in trees:
                gen = _Gen(model, version, rule["class"], node, cross=kind == "cross_report")
                left = gen.src(tree.left)
                left_paths = list(gen.variables)
                right = gen.src(tree.comparators[0])
                guard = gen.src(gtree) if gtree is not None else None
                if left is None or right is None:
                    continue  # this column or side does not exist in this version
                specs.append(CheckSpec(rule, version, node, left, right, _CMP[type(tree.ops[0])], guard,
                                       list(gen.variables), left_paths))
    return specs


TEXT_KINDS = ("narrative_fact", "narrative_percent", "narrative_claim", "narrative_required", "section_order")
_GROUPS = {"narrative_fact": 1, "narrative_percent": 2}


# The portable pattern dialect (docs/rule-language.md, "Patterns"): what Python's re, ECMAScript with the u flag
# and RE2 read alike. A pattern is checked token by token; anything not listed here is refused.
_META = set("\\^$.|?*+()[]{}")
_ESCAPABLE = set("\\^$.|?*+()[]{}/-")
_QUANTIFIER = re.compile(r"[*+?]\??|\{[0-9]{1,3}(?:,[0-9]{0,3})?\}\??")


def portable_problem(pattern: str) -> str | None:
    """Why a pattern is not in the portable dialect (None when it is): no look-around, no back-references, no
    named groups or flags, no class escapes (\\d \\w \\s \\b: write [0-9]), no ``.``, no nested classes; escapes
    only of syntax characters; quantifiers ``* + ? {m} {m,} {m,n}`` (m, n ≤ 999), lazy with ``?``."""
    i, n, depth, atom = 0, len(pattern), 0, False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            if i + 1 >= n or pattern[i + 1] not in _ESCAPABLE - {"-"}:
                return f"escape {pattern[i:i + 2]!r} at {i} (only syntax characters are escaped; digits are [0-9])"
            i, atom = i + 2, True
        elif ch == "[":
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            if pattern[j:j + 1] == "]":
                return f"an empty or ]-first class at {i}"
            while j < n and pattern[j] != "]":
                if pattern[j] == "[":
                    return f"'[' inside a class at {j} (escape it)"
                if pattern[j] == "\\":
                    if j + 1 >= n or pattern[j + 1] not in _ESCAPABLE:
                        return f"escape {pattern[j:j + 2]!r} in a class at {j}"
                    j += 1
                j += 1
            if j >= n:
                return f"an unclosed class at {i}"
            i, atom = j + 1, True
        elif ch == "(":
            if pattern.startswith("(?", i) and not pattern.startswith("(?:", i):
                return f"{pattern[i:i + 4]!r} at {i}: no look-around, named groups or flags (use exclude)"
            depth += 1
            i, atom = i + (3 if pattern.startswith("(?:", i) else 1), False
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return f"an unbalanced ')' at {i}"
            i, atom = i + 1, True
        elif ch in "*+?{":
            m = _QUANTIFIER.match(pattern, i)
            if not atom or m is None:
                return f"a quantifier without an atom, or malformed, at {i}"
            i, atom = m.end(), False
        elif ch == ".":
            return f"'.' at {i} (write a class: what '.' matches differs between engines)"
        elif ch in "]}":
            return f"an unescaped {ch!r} at {i}"
        else:  # a literal, | ^ $
            i, atom = i + 1, ch not in "|^$"
    return "an unclosed group" if depth else None


def compile_pattern(text: str, what: str = "pattern") -> re.Pattern:
    """A rule's pattern, checked to be in the portable dialect, compiled for Python."""
    problem = portable_problem(text)
    if problem:
        raise RuleSyntaxError(f"{what} is not in the portable dialect: {problem}")
    try:
        return re.compile(text)
    except re.error as exc:
        raise RuleSyntaxError(f"{what} does not compile: {exc}") from exc


def compile_text_rule(rule: dict, model: dict, version: str, key: int) -> TextRule | None:
    """A narrative rule for one format version (None when it does not apply to it, e.g. its cells are all
    of the other version). Raises RuleSyntaxError for a pattern or reading that does not compile."""
    kind = rule["kind"]
    if rule.get("versions") and version not in rule["versions"].split():
        return None
    if kind == "section_order":
        return TextRule(key, kind, None, (), order=tuple(rule.get("order", "").split()))
    pattern = compile_pattern(rule.get("pattern", ""), "pattern")
    if not rule.get("pattern") or pattern.groups != _GROUPS.get(kind, pattern.groups):
        raise RuleSyntaxError(f"a {kind} rule needs a pattern with {_GROUPS.get(kind, 'any number of')} group(s)")
    exclude = compile_pattern(rule["exclude"], "exclude") if rule.get("exclude") else None
    if exclude is not None and (exclude.groups or exclude.fullmatch("")):
        raise RuleSyntaxError("an exclude pattern has no groups and matches no empty text")
    sections = tuple(rule.get("sections", "").split()) or tuple(model["enums"]["NarrativeSectionEnum"]["values"])
    root = {s["name"] for s in model["classes"][model["root"]]["slots"]}
    if not set(sections) <= root:
        raise RuleSyntaxError(f"sections names no slot of the root class: {rule.get('sections')!r}")
    if kind == "narrative_required":
        return TextRule(key, kind, pattern, sections, exclude=exclude)
    if kind == "narrative_claim":
        tree = _parse(rule.get("expression", ""))
        if not (isinstance(tree, ast.Compare) and len(tree.ops) == 1 and type(tree.ops[0]) in _CMP):
            raise RuleSyntaxError("a claim's expression is one comparison: LEFT op RIGHT")
        sides = [_linear_form(model, version, side) for side in (tree.left, tree.comparators[0])]
        if None in sides:
            return None
        return TextRule(key, kind, pattern, sections, tuple(sides), _CMP[type(tree.ops[0])], exclude=exclude)
    readings: list[Linear] = []
    for text in rule.get("readings", "").split(";"):
        tree = _parse(text.strip())
        if isinstance(tree, (ast.Name, ast.Attribute)) and _STAR in _steps(tree):  # one reading per slot
            gen = _Gen(model, version, model["root"], ())
            readings.extend(Linear(((p, 1),)) for p in gen.paths(_steps(tree)))
        else:
            form = _linear_form(model, version, tree)
            if form is not None:
                readings.append(form)
    return TextRule(key, kind, pattern, sections, tuple(readings), exclude=exclude) if readings else None


def _linear_form(model: dict, version: str, tree: ast.AST) -> Linear | None:
    gen = _Gen(model, version, model["root"], ())
    src = gen.src(tree)
    if src is None:
        return None
    form = _linear(src, gen.variables)
    if form is None:
        raise RuleSyntaxError("a reading is a sum of cells (+, -, sum(), integers)")
    return Linear(tuple((tuple(p.split(".")), k) for p, k in form[0].items() if k), form[1])


# ----------------------------------------------------------------------------------------------- code generation
def _subscript(path: tuple[str, ...]) -> str:
    return "r" + "".join(f"[{p!r}]" for p in path)


def _gen_checks(specs: list[CheckSpec], lines: list[str]) -> None:
    for k, spec in enumerate(specs):
        n = len(spec.variables)
        lines.append("    try:")
        for i, path in enumerate(spec.variables):
            lines.append(f"        v{i} = {_subscript(path)}")
        lines.append("        if " + " or ".join(f"v{i} is None" for i in range(n)) + ":")
        lines.append("            raise _Skip")
        if spec.guard:
            lines.append(f"        if not {spec.guard}:")
            lines.append("            raise _Skip")
        lines.append(f"        L = _cv({spec.left})")
        lines.append(f"        R = _cv({spec.right})")
        lines.append(f"        if not (L {spec.op} R):")
        lines.append(f"            emit({k}, L, R)")
        lines.append("    except _SKIPS:")
        lines.append("        pass")


def _gen_complete(model: dict, version: str, rules: list[dict], lines: list[str]) -> list[tuple]:
    """Nested lookups that report the highest blank (absent or null) node of each table."""
    blanks: list[tuple] = []  # index -> (rule, path)
    classes = model["classes"]
    counter = itertools.count()

    def one(rule, slot, var, path, indent):
        """Lookups for one slot: a blank is reported on it; a row or table goes on into its slots."""
        p = path + (slot["name"],)
        blanks.append((rule, p))
        k = len(blanks) - 1
        pad = " " * indent
        if not slot["is_class"]:
            lines.append(f"{pad}if {var}.get({slot['name']!r}) is None:")
            lines.append(f"{pad}    blank({k})")
            return
        child = f"n{next(counter)}"
        lines.append(f"{pad}{child} = {var}.get({slot['name']!r})")
        lines.append(f"{pad}if {child} is None:")
        lines.append(f"{pad}    blank({k})")
        lines.append(f"{pad}elif type({child}) is dict:")
        before = len(lines)
        for sub in classes[slot["range"]]["slots"]:
            if version in sub["versions"] and (sub["is_class"] or sub["cell"]):
                one(rule, sub, child, p, indent + 4)
        if len(lines) == before:
            lines.append(f"{pad}    pass")

    root = model["root"]
    for rule in rules:
        for name in rule["scope"].split():
            slot = next(s for s in classes[root]["slots"] if s["name"] == name)
            if version in slot["versions"]:
                one(rule, slot, "r", (), 4)
    return blanks


def _children(blanks: list[tuple]) -> list[list[int]]:
    """For each node of ``_gen_complete``'s list, the indices of the nodes one level below it."""
    index = {path: k for k, (_, path) in enumerate(blanks)}
    out: list[list[int]] = [[] for _ in blanks]
    for k, (_, path) in enumerate(blanks):
        if len(path) > 1 and path[:-1] in index:
            out[index[path[:-1]]].append(k)
    return out


def _other_version_slots(model: dict, version: str) -> list[tuple[tuple[str, ...], str]]:
    """(parent path, slot) of every slot of another version whose parent exists in this version."""
    out = []
    for cname, locations in class_locations(model, version).items():
        for slot in model["classes"][cname]["slots"]:
            if version not in slot["versions"]:
                out.extend((loc, slot["name"]) for loc in locations)
    return out


def _cv(v):
    """Comparison value: an ISO date string becomes a date; other values are used as they are."""
    if type(v) is str and len(v) == 10 and v[4] == "-":
        try:
            return _dt.date.fromisoformat(v)
        except ValueError:
            raise _Blank from None
    return v


def format_version_for_year(model: dict, year: int) -> str | None:
    """The format version that applies to a report year (FormatVersionEnum's first_year/last_year)."""
    for name, pv in model["enums"]["FormatVersionEnum"]["values"].items():
        if int(pv["first_year"]) <= year <= int(pv["last_year"]):
            return name
    return None


def _functions(model: dict) -> dict[str, Callable]:
    kinds = model["enums"]["OrganKindEnum"]["values"]

    def date(y, m, d):
        try:
            return _dt.date(int(y), int(m), int(d))
        except (TypeError, ValueError, OverflowError) as exc:
            raise _Blank from exc

    def format_version_for(year):
        version = format_version_for_year(model, year)
        if version is None:
            raise _Blank
        return version

    def deadline_for(kind, year):
        pv = kinds.get(kind) if isinstance(kind, str) else None
        if pv is None:
            raise _Blank
        month, day = pv["deadline"].split("-")
        return date(year + 1, month, day)

    return {"_date": date, "_fvf": format_version_for, "_deadline": deadline_for}


@dataclass(frozen=True)
class Identity:
    """A rule's check that is a linear equation over cells: ``sum(coeff * cell) + constant == 0``.

    The extractor uses these to choose among the ways run-together digits can be split, so that no
    identity is typed a second time outside the schema."""

    rule: str
    terms: tuple[tuple[str, int], ...]  # (dotted cell path, coefficient)
    constant: int = 0


def _linear(src: str, variables: list[tuple[str, ...]]) -> tuple[dict[str, int], int] | None:
    """The linear form of a generated expression over v0, v1, ... (None if it is not linear)."""
    coeffs: dict[str, int] = {}
    const = 0

    def go(node, sign) -> bool:
        nonlocal const
        if isinstance(node, ast.Name) and node.id.startswith("v") and node.id[1:].isdigit():
            key = ".".join(variables[int(node.id[1:])])
            coeffs[key] = coeffs.get(key, 0) + sign
            return True
        if isinstance(node, ast.Constant) and type(node.value) is int:
            const += sign * node.value
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            return go(node.left, sign) and go(node.right, sign if isinstance(node.op, ast.Add) else -sign)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return go(node.operand, -sign)
        return False

    if not go(ast.parse(src, mode="eval").body, 1):
        return None
    return coeffs, const


@dataclass
class _Version:
    run: Callable  # run(r, emit, blank) -> None
    checks: list[CheckSpec]
    blanks: list[tuple]
    other_slots: list[tuple[tuple[str, ...], str]]
    source: str
    children: list[list[int]]  # per blank index: the indices of its parts (a table's rows, a row's cells)


# ----------------------------------------------------------------------------------------------- evaluation
def _show(v):
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)  # NaN and Infinity are no JSON
    return v



def _notes_of(instance: dict, kind: str) -> list[tuple[dict, tuple[str, ...]]]:
    """The extraction notes of one kind that name a cell or row (a non-empty ``note_path``), each with its path
    split: what the reading rules (no_consistent_reading, ambiguous, missing, low_confidence) read. The path
    ``""`` (the report) is not a row."""
    extraction = instance.get("extraction")
    notes = extraction.get("notes") if isinstance(extraction, dict) else None
    if not isinstance(notes, list):
        return []
    return [(note, tuple(note["note_path"].split("."))) for note in notes
            if isinstance(note, dict) and note.get("note_kind") == kind
            and isinstance(note.get("note_path"), str) and note["note_path"]]

class Engine:
    """Evaluates the rules of a model against instances (plain dicts)."""

    def __init__(self, model: dict):
        self.model = model
        self.labels = Labels(model)
        self.classes = model["classes"]
        self.jsonschema: dict[str, dict] = {}
        self.versions: dict[str, _Version] = {}
        by_kind: dict[str, list[dict]] = {}
        all_specs: list[CheckSpec] = []
        for rule in model["rules"]:
            all_specs.extend(compile_rule(rule, model))
            by_kind.setdefault(rule["kind"], []).append(rule)
            if rule["kind"] == "jsonschema":
                for kw in rule["validators"].split():
                    self.jsonschema[kw] = rule
        self._structure_rules = by_kind.get("version_structure", [])
        self._ambiguous_rules = by_kind.get("reading_ambiguous", [])
        self._not_found_rules = by_kind.get("reading_not_found", [])
        self._unreliable_rules = by_kind.get("reading_unreliable", [])
        # the invisible characters: each rule's (rule, slot, code point ranges); their union is what the organ key
        # leaves out (gaischema.corpus.organ_key asks invisible_pattern)
        self._invisible_rules = [(r, r["scope"], code_point_ranges(r["characters"]))
                                 for r in by_kind.get("invisible_characters", [])]
        self._invisible_patterns = [_char_class(rs) for _, _, rs in self._invisible_rules]
        self.invisible_pattern = _char_class([rng for _, _, rs in self._invisible_rules for rng in rs])
        # per version: the tables of a complete rule's scope that belong to the other version, by the table of this
        # version they stand for (表二 of 2019 for 表二 of 2021): present, they are the FORMAT-VERSION-TABLES finding
        root_slots = self.classes[model["root"]]["slots"]
        self._other_tables = {v: {(n,): [o for o in r["scope"].split() if o != n and any(
            s["name"] == o and v not in s["versions"] for s in root_slots)]
            for r in by_kind.get("complete", []) for n in r["scope"].split()
            if any(s["name"] == n and v in s["versions"] for s in root_slots)} for v in model["versions"]}
        # per version: (rule, the scope's tables of that version) of each tables_present rule
        self._tables_rules = {v: [(r, [n for n in r["scope"].split() if any(
            s["name"] == n and v in s["versions"] for s in self.classes[model["root"]]["slots"])])
            for r in by_kind.get("tables_present", [])] for v in model["versions"]}
        self._identities: dict[str, list[Identity]] = {}
        self._identity_rules: dict[str, dict[str, dict]] = {}
        namespace_base = {"_Skip": _Blank, "_SKIPS": (_Blank, KeyError, TypeError, ValueError, IndexError),
                          "_cv": _cv, **_functions(model)}
        self.cross: dict[str, _Version] = {}
        for version in model["versions"]:
            specs = [s for s in all_specs if s.version == version and s.rule["kind"] == "check"]
            lines = ["def run(r, emit, blank):"]
            blanks = _gen_complete(model, version, by_kind.get("complete", []), lines)
            _gen_checks(specs, lines)
            lines.append("    return None")
            self.versions[version] = _Version(_exec(lines, namespace_base, version), specs, blanks,
                                              _other_version_slots(model, version), "\n".join(lines),
                                              _children(blanks))
            cross = [s for s in all_specs if s.version == version and s.rule["kind"] == "cross_report"]
            lines = ["def run(r, emit, blank):"]
            _gen_checks(cross, lines)
            lines.append("    return None")
            self.cross[version] = _Version(_exec(lines, namespace_base, version + " cross-report"), cross, [], [],
                                           "\n".join(lines), [])
        self.text: dict[str, TextRules] = {}
        for version in model["versions"]:
            rules = [compile_text_rule(r, model, version, k) for k, r in enumerate(model["rules"])
                     if r["kind"] in TEXT_KINDS]
            self.text[version] = TextRules([r for r in rules if r is not None])
        self._text_identities = {v: [(tuple((tuple(p.split(".")), k) for p, k in i.terms), i.constant)
                                     for i in self.identities(v)] for v in model["versions"]}
        self._text_cells = {v: frozenset(p for terms, _ in ids for p, _ in terms) for v, ids in self._text_identities.items()}
        self.near_duplicate = [r for r in model["rules"] if r["kind"] == "near_duplicate"]
        # copies of one report: the cells compared, per version (the official cells under the rule's scope)
        self.copies = [r for r in model["rules"] if r["kind"] == "copies"]
        self.copy_cells = {v: [c["path"] for c in model["cells"][v]
                               if any(c["path"].split(".")[0] == t for r in self.copies for t in r["scope"].split())]
                           for v in model["versions"]}
        self.roster = [r for r in model["rules"] if r["kind"] == "roster"]
        # the values a cross-report rule reads, of this report and of the previous one
        self.cross_paths = sorted({p[1:] if p[0] == "prev" else p for v in self.cross.values()
                                   for spec in v.checks for p in spec.variables})

    def identities(self, version: str) -> list[Identity]:
        """The ``==`` checks of a format version that are linear equations over cells (sums and
        differences, no guard): the accounting identities, as the schema declares them."""
        if version not in self._identities:
            self._identities[version] = self._linear_checks(version)
        return self._identities[version]

    def _linear_checks(self, version: str) -> list[Identity]:
        out = []
        for spec in self.versions[version].checks if version in self.versions else []:
            if spec.op != "==" or spec.guard:
                continue
            left, right = _linear(spec.left, spec.variables), _linear(spec.right, spec.variables)
            if left is None or right is None:
                continue
            terms = dict(left[0])
            for path, k in right[0].items():
                terms[path] = terms.get(path, 0) - k
            out.append(Identity(spec.rule["id"], tuple((p, k) for p, k in terms.items() if k),
                                left[1] - right[1]))
        return out

    def _finding(self, rule, path, version, reported=None, expected=None) -> Finding:
        return make_finding(rule, path, self.labels.cell(path, version), reported, expected)

    def check(self, instance: dict, rejected: set[str] = frozenset()) -> list[Finding]:
        """All rule findings for one instance (a mapping). ``rejected``: dotted paths whose values the
        JSON Schema rejected; a check that reads such a value (or a value below it) is not evaluated."""
        version = instance.get("format_version")
        if not isinstance(version, str) or version not in self.versions:
            return []  # the JSON Schema reports it; without a version no table rule can apply
        v = self.versions[version]
        findings: list[Finding] = []
        for rule in self._structure_rules:
            for parent, name in v.other_slots:
                obj = instance
                for step in parent:
                    obj = obj.get(step) if isinstance(obj, dict) else None
                if isinstance(obj, dict) and obj.get(name) is not None:
                    findings.append(self._finding(rule, parent + (name,), None))
        silenced: set[tuple[str, ...]] = set()  # tables missing as a whole: one finding, not one per table
        for rule, tables in self._tables_rules[version]:
            if tables and all(instance.get(t) is None for t in tables):
                findings.append(make_finding(rule, "", self._tables_cell(tables, version)))
                silenced.update((t,) for t in tables)
        hits: list[tuple] = []
        blanks: list[int] = []
        v.run(instance, lambda k, left, right: hits.append((k, left, right)), blanks.append)
        unread = self._unread(instance, version)
        ambiguous = self._ambiguous(instance)
        not_found = self._not_found(instance)
        unreliable = self._unreliable(instance)
        read_blank: set[int] = set()  # the ambiguous notes whose row has a blank: one finding each, not the blanks
        found_blank: set[int] = set()  # the same for the missing notes (rows the reader did not find)
        ocr_blank: set[int] = set()  # the same for the low_confidence notes (cells OCR read unreliably)
        # the rows the reading names (no reading fits, several fit, not found, read unreliably): a table or row
        # blank as a whole above one of them is opened, its parts placed one by one (docs/rule-language.md)
        reader_rows = [row for _, row, _ in unread] + [row for row, _, _ in ambiguous] + not_found + [
            cell for cell, _, _ in unreliable]
        others = self._other_tables[version]
        stack = blanks[::-1]  # the highest blanks in order; an opened node's parts go before its next sibling
        while stack:
            k = stack.pop()
            rule, path = v.blanks[k]
            if path in silenced or (unread and _under(path, unread)):
                continue
            if path in others and any(instance.get(o) is not None for o in others[path]):
                continue  # the other version's table stands in its place: FORMAT-VERSION-TABLES names it
            hit = [i for i, (row, _, _) in enumerate(ambiguous) if path[:len(row)] == row] if ambiguous else None
            if hit:
                read_blank.update(hit)
                continue
            hit = [i for i, row in enumerate(not_found) if path[:len(row)] == row] if not_found else None
            if hit:
                found_blank.update(hit)
                continue
            hit = [i for i, (c, _, _) in enumerate(unreliable) if path[:len(c)] == c] if unreliable else None
            if hit:
                ocr_blank.update(hit)
                continue
            if reader_rows and any(len(row) > len(path) and row[:len(path)] == path for row in reader_rows):
                stack.extend(reversed(v.children[k]))  # blank above a row the reading names: its parts, each
                continue
            findings.append(self._finding(rule, path, version))
        for k, left, right in hits:
            spec = v.checks[k]
            if rejected and _touches(spec.variables, rejected):
                continue
            f = self._finding(spec.rule, spec.left_paths[0] if spec.left_paths else spec.node, version, left, right)
            if len(spec.left_paths) > 1:
                f.cell, f.cell_en = self._joined_cell(spec.left_paths, version)
            findings.append(f)
        for rule, path, raw in unread:
            findings.append(make_finding(rule, path, self.labels.cell(path, version), raw, None, (
                f"印刷的连写数字“{raw}”无论如何拆分都不满足此规则（抽取说明 no_consistent_reading）",
                f"no reading of the printed digits {raw} satisfies this rule (extraction note no_consistent_reading)")))
        for i in sorted(read_blank):
            row, raw, n = ambiguous[i]
            for rule in self._ambiguous_rules:
                findings.append(make_finding(rule, row, self.labels.cell(row, version), raw, None, (
                    f"印刷的连写数字“{raw}”有 {n} 种读法符合规则（抽取说明 ambiguous）",
                    f"{n} readings of the printed digits {raw} satisfy the rules (extraction note ambiguous)") if n else (
                    f"印刷的连写数字“{raw}”有不止一种读法（抽取说明 ambiguous）",
                    f"the printed digits {raw} have more than one reading (extraction note ambiguous)")))
        for i in sorted(found_blank):
            row = not_found[i]
            cell = self.labels.cell(row, version)
            for rule in self._not_found_rules:
                findings.append(make_finding(rule, row, cell, None, None, (
                    f"未找到“{cell[0]}”（抽取说明 missing）", f"not found: {cell[1]} (extraction note missing)")))
        for i in sorted(ocr_blank):
            path, raw, conf = unreliable[i]
            read = (f"文字识别读作“{raw}”", f"OCR read {raw}") if raw else ("文字识别未读出文字", "OCR read nothing")
            if conf is not None:
                read = (f"{read[0]}，置信度 {conf:.2f}", f"{read[1]} with confidence {conf:.2f}")
            for rule in self._unreliable_rules:
                findings.append(make_finding(rule, path, self.labels.cell(path, version), raw, None, (
                    f"{read[0]}（抽取说明 low_confidence）", f"{read[1]} (extraction note low_confidence)")))
        for hit in check_text(instance, self.text[version], self._text_identities[version], self._text_cells[version]):
            rule = self.model["rules"][hit.rule.key]
            if len(hit.cells) > 1:
                cell = self._joined_cell(hit.cells, version)
            else:
                cell = self.labels.cell(hit.cells[0] if hit.cells else tuple(hit.path.split(".")), version)
            more = (f"另有 {hit.more} 处同类陈述未逐一列出", f"{hit.more} more such statements are not listed") \
                if hit.more else None
            findings.append(make_finding(rule, hit.path, cell, hit.reported, hit.expected, more, quote=hit.quote))
        findings.extend(self.invisible(instance, version, rejected))
        return findings

    def invisible(self, instance: dict, version: str | None = None, rejected: set[str] = frozenset()) -> list[Finding]:
        """The findings of the invisible_characters rules: the slot (the organ name), a string the JSON Schema
        accepted, holds some of the rule's characters; reported: their code points (``U+200B``), sorted, once each,
        joined by ``、``."""
        out = []
        for (rule, slot, _), pattern in zip(self._invisible_rules, self._invisible_patterns):
            value = instance.get(slot)
            if not isinstance(value, str) or slot in rejected:
                continue
            found = sorted({ord(ch) for ch in pattern.findall(value)})
            if found:
                out.append(make_finding(rule, slot, self.labels.cell((slot,), version),
                                        "、".join(f"U+{c:04X}" for c in found)))
        return out

    def _unread(self, instance: dict, version: str) -> list[tuple[dict, tuple[str, ...], str]]:
        """The extractor's ``no_consistent_reading`` notes of an identity of this version: (rule, the row's
        path, the printed digits). A certain arithmetic error of the report, reported as an error of that
        rule; the row's cells, blank because no reading fits, are not the organ's blanks (docs/rule-language.md,
        "Printed digits that no reading fits")."""
        notes = _notes_of(instance, NO_CONSISTENT_READING)
        if not notes:
            return []
        if version not in self._identity_rules:
            ids = {i.rule for i in self.identities(version)}
            self._identity_rules[version] = {r["id"]: r for r in self.model["rules"] if r["id"] in ids}
        rules = self._identity_rules[version]
        out = []
        for note, path in notes:
            rule, raw = note.get("note_rule"), note.get("note_raw")
            if isinstance(rule, str) and rule in rules and isinstance(raw, str):
                out.append((rules[rule], path, raw))
        return out

    def _ambiguous(self, instance: dict) -> list[tuple[tuple[str, ...], str, int | None]]:
        """The extractor's ``ambiguous`` notes: (the row's path, the printed digits, how many readings fit, when
        counted). A row left blank by the reading, not by the organ (docs/rule-language.md, "Printed digits that
        more than one reading fits")."""
        if not self._ambiguous_rules:
            return []
        out = []
        for note, path in _notes_of(instance, AMBIGUOUS):
            raw, n = note.get("note_raw"), note.get("note_readings")
            if isinstance(raw, str):
                n = n if isinstance(n, int) and not isinstance(n, bool) and n >= 2 else None
                out.append((path, raw, n))
        return out

    def _not_found(self, instance: dict) -> list[tuple[str, ...]]:
        """The rows of the extractor's ``missing`` notes: rows the reader did not find in the source, left blank by
        the reading, not by the organ (docs/rule-language.md, "Rows the reading did not find"). The path ``""`` (a
        report published without its tables) is the ``tables_present`` rule's, not a row."""
        if not self._not_found_rules:
            return []
        return [path for _, path in _notes_of(instance, NOT_FOUND)]

    def _unreliable(self, instance: dict) -> list[tuple[tuple[str, ...], str | None, float | None]]:
        """The extractor's ``low_confidence`` notes: (the cell's path, the text OCR read or None, its confidence
        when a number from 0 to 1). A cell left blank by the reading, not by the organ (docs/rule-language.md,
        "Cells OCR read unreliably")."""
        if not self._unreliable_rules:
            return []
        out = []
        for note, path in _notes_of(instance, UNRELIABLE):
            raw, conf = note.get("note_raw"), note.get("note_confidence")
            conf = float(conf) if isinstance(conf, (int, float)) and not isinstance(conf, bool) and 0 <= conf <= 1 \
                else None
            out.append((path, raw if isinstance(raw, str) else None, conf))
        return out

    def cross_check(self, this: dict, prev: dict) -> list[Finding]:
        """The cross-report findings of a report against the same organ's report of the previous year."""
        version = this.get("format_version")
        if version not in self.cross:
            return []
        v = self.cross[version]
        hits: list[tuple] = []
        v.run({**this, "prev": prev}, lambda k, left, right: hits.append((k, left, right)), None)
        out = []
        for k, left, right in hits:
            spec = v.checks[k]
            out.append(self._finding(spec.rule, spec.left_paths[0] if spec.left_paths else spec.node, version,
                                     left, right))
        return out

    def copies_check(self, this: dict, first: dict, first_name: str) -> list[Finding]:
        """XR-COPIES-DISAGREE: the cells in which a copy of a report (its projection) differs from the first
        copy read (``first``, named ``first_name``); a value against a blank differs too. Copies of different
        format versions are compared on the cells of this copy's version that the first copy has."""
        version = this.get("format_version")
        mine, theirs = this.get("cells"), first.get("cells")
        if not self.copies or not isinstance(mine, dict) or not isinstance(theirs, dict):
            return []
        rule, out = self.copies[0], []
        detail = (f"另一副本文件 {first_name}", f"the other copy's file: {first_name}")
        for path in self.copy_cells.get(version, []):
            if path in theirs and not _same_value(mine.get(path), theirs[path]):
                out.append(make_finding(rule, path, self.labels.cell(tuple(path.split(".")), version),
                                        mine.get(path), theirs[path], detail))
        return out

    def not_published_finding(self, organ: str, year: int) -> Finding:
        """XR-NOT-PUBLISHED: an organ of the roster with no report of a year."""
        return make_finding(self.roster[0], "organ", self.labels.cell(("organ",), None), organ, year)

    def projection(self, instance: dict, rejected: set[str] = frozenset()) -> dict:
        """The part of a report that the cross-report rules read (long texts as digests): what a corpus
        run keeps of each report. ``rejected``: the paths whose values the JSON Schema rejected; they are left
        out, as blanks are, so that no cross-report rule reads them (docs/rule-language.md)."""
        version = instance.get("format_version")
        out: dict = {"format_version": version if isinstance(version, str) else None}  # which rules apply
        for path in self.cross_paths:
            obj = instance
            for step in path:
                obj = obj.get(step) if isinstance(obj, dict) else None
            if not isinstance(obj, (str, int, float)) or (isinstance(obj, float) and not math.isfinite(obj)):
                continue  # blank, or no value a rule can read (a list, NaN): a finding of the report itself
            if rejected and _touches([path], rejected):
                continue  # a value the JSON Schema rejected: its report's SCHEMA-* finding, read by no rule
            if isinstance(obj, str) and len(obj) > 64:
                obj = f"sha1:{hashlib.sha1(obj.encode('utf-8')).hexdigest()[:16]} ({len(obj)} chars)"
            target = out
            for step in path[:-1]:
                target = target.setdefault(step, {})
            target[path[-1]] = obj
        if self.copies and isinstance(version, str) and version in self.copy_cells:
            cells = {}
            for path in self.copy_cells[version]:  # every cell, a blank as None: copies are compared cell by cell
                obj = instance
                for step in path.split("."):
                    obj = obj.get(step) if isinstance(obj, dict) else None
                cells[path] = obj if isinstance(obj, (str, int, float)) and not isinstance(obj, bool) else None
            out["cells"] = cells
        for rule in self.near_duplicate:
            for section in self.sections(rule):
                text = instance.get(section)
                if isinstance(text, str) and len(text) >= int(rule["min_length"]):
                    sig = sketch(text)
                    if sig is not None:  # the index keys are computed here, in the worker, not in the parent
                        out.setdefault("sketches", {})[section] = [sketch_text(sig), sketch_bands(sig)]
        return out

    def compiled(self) -> dict:
        """Every rule, compiled for each format version into a language-neutral form (plain JSON): what
        ``generated/gaischema.rules.json`` holds and docs/rule-language.md specifies, so that another
        implementation can enforce the rules without reading Python."""
        out: dict[str, Any] = {"comment": "Compiled from the schema's rules by gaischema.build; see docs/rule-language.md.",
                               "schema_version": self.model.get("version"), "versions": {}}
        for version in self.model["versions"]:
            v, cross = self.versions[version], self.cross[version]
            out["versions"][version] = {
                "checks": [_check_json(spec) for spec in v.checks],
                "cross_report": [_check_json(spec) for spec in cross.checks],
                "complete": [{"rule": rule["id"], "path": ".".join(path), "parent": ".".join(path[:-1]),
                              "cell": not self.labels.slot_chain(path)[-1]["is_class"],
                              **({"other_version": self._other_tables[version][path]}
                                 if self._other_tables[version].get(path) else {})}
                             for rule, path in v.blanks],
                "version_structure": [{"rule": r["id"], "path": ".".join(parent + (name,)), "parent": ".".join(parent)}
                                      for r in self._structure_rules for parent, name in v.other_slots],
                "tables_present": [{"rule": r["id"], "tables": tables} for r, tables in self._tables_rules[version]],
                "reading_ambiguous": [{"rule": r["id"]} for r in self._ambiguous_rules],
                "reading_not_found": [{"rule": r["id"]} for r in self._not_found_rules],
                "reading_unreliable": [{"rule": r["id"]} for r in self._unreliable_rules],
                "identities": [{"rule": i.rule, "terms": [[p, k] for p, k in i.terms], "constant": i.constant}
                               for i in self.identities(version)],
                "narrative": [_text_json(self.model["rules"][t.key], t) for t in self.text[version]],
            }
        out["jsonschema"] = [{"rule": r["id"], "keywords": r["validators"].split()}
                             for r in self.model["rules"] if r["kind"] == "jsonschema"]
        out["near_duplicate"] = [{"rule": r["id"], "sections": self.sections(r), "threshold": float(r["threshold"]),
                                  "min_length": int(r["min_length"]), "candidates": int(r["candidates"])}
                                 for r in self.near_duplicate]
        out["copies"] = [{"rule": r["id"], "cells": {v: self.copy_cells[v] for v in self.model["versions"]}}
                         for r in self.copies]
        out["invisible_characters"] = [{"rule": r["id"], "path": slot, "characters": [[lo, hi] for lo, hi in ranges]}
                                       for r, slot, ranges in self._invisible_rules]
        out["rules"] = {r["id"]: {k: r[k] for k in ("kind", "severity", "message_zh", "message_en", "source")}
                        for r in self.model["rules"]}
        enums = self.model["enums"]
        out["functions"] = {  # the data the functions of the rule language read
            "format_version_for": [{"value": k, "first_year": int(v["first_year"]), "last_year": int(v["last_year"])}
                                   for k, v in enums["FormatVersionEnum"]["values"].items()],
            "deadline_for": {k: v["deadline"] for k, v in enums["OrganKindEnum"]["values"].items()},
        }
        return out

    def sections(self, rule: dict) -> list[str]:
        """The narrative sections a near_duplicate rule compares (the values of its for_each enumeration)."""
        return list(self.model["enums"][rule["for_each"]]["values"])

    def near_duplicate_finding(self, rule: dict, section: str, sim: float, other: str) -> Finding:
        """The finding of a near_duplicate rule: a section nearly the same as another report's (named)."""
        return make_finding(rule, section, self.labels.cell((section,), None), round(sim, 2), other)

    def _tables_cell(self, tables: list[str], version: str) -> tuple[str, str]:
        labels = [self.labels.cell((t,), version) for t in tables]
        return "；".join(zh for zh, _ in labels), "; ".join(en for _, en in labels)

    def _joined_cell(self, paths, version):
        cells = [self.labels.cells[version].get(".".join(p)) for p in paths]
        if all(cells) and len({c["column"] for c in cells}) == 1:
            c0 = cells[0]
            return (f"表{c0['table']} " + " + ".join(c["row"] for c in cells) + f" × {c0['column']}",
                    f"table {c0['table']} " + " + ".join(c["row_en"] for c in cells) + f" × {c0['column_en']}")
        return self.labels.cell(paths[0], version)


_JSON_CALLS = {"_date": "date", "_fvf": "format_version_for", "_deadline": "deadline_for"}
_JSON_OPS = {ast.Add: "+", ast.Sub: "-", ast.And: "and", ast.Or: "or", ast.USub: "neg", ast.Not: "not"}


def _expr_json(src: str, variables: list[tuple[str, ...]]) -> dict:
    """A generated Python expression as a JSON tree: {"path"}, {"value"}, {"op", "args"}, {"call", "args"}."""

    def go(node):
        if isinstance(node, ast.Name) and node.id.startswith("v") and node.id[1:].isdigit():
            path = variables[int(node.id[1:])]
            if path[0] == "prev":
                return {"path": ".".join(path[1:]), "report": "previous"}
            return {"path": ".".join(path)}
        if isinstance(node, ast.Constant):
            return {"value": node.value}
        if isinstance(node, ast.BinOp):
            return {"op": _JSON_OPS[type(node.op)], "args": [go(node.left), go(node.right)]}
        if isinstance(node, ast.UnaryOp):
            return {"op": _JSON_OPS[type(node.op)], "args": [go(node.operand)]}
        if isinstance(node, ast.BoolOp):
            return {"op": _JSON_OPS[type(node.op)], "args": [go(v) for v in node.values]}
        if isinstance(node, ast.Compare):
            return {"op": _CMP[type(node.ops[0])], "args": [go(node.left), go(node.comparators[0])]}
        if isinstance(node, ast.Call) and node.func.id == "_cv":  # dates compare as dates: part of comparison
            return go(node.args[0])
        if isinstance(node, ast.Call):
            return {"call": _JSON_CALLS[node.func.id], "args": [go(a) for a in node.args]}
        raise RuleSyntaxError(f"cannot express {ast.dump(node)[:60]} in JSON")

    return go(ast.parse(src, mode="eval").body)


def _check_json(spec: CheckSpec) -> dict:
    return {"rule": spec.rule["id"], "node": ".".join(spec.node),
            "when": _expr_json(spec.guard, spec.variables) if spec.guard else None,
            "left": _expr_json(spec.left, spec.variables), "op": spec.op,
            "right": _expr_json(spec.right, spec.variables),
            "finding_path": ".".join(spec.left_paths[0] if spec.left_paths else spec.node),
            "reads": [".".join(p) for p in spec.variables]}


def _text_json(rule: dict, t: TextRule) -> dict:
    def linear(form: Linear) -> dict:
        return {"terms": [[".".join(p), k] for p, k in form.terms], "constant": form.constant}

    out: dict[str, Any] = {"rule": rule["id"], "kind": t.kind, "sections": list(t.sections)}
    if t.pattern is not None:
        out["pattern"] = t.pattern.pattern
    if t.exclude is not None:
        out["exclude"] = t.exclude.pattern
    if t.numbered:
        out["readings"] = [linear(r) for r in t.readings]
    if t.kind == "narrative_claim":
        out["left"], out["op"], out["right"] = linear(t.readings[0]), t.op, linear(t.readings[1])
    if t.kind == "section_order":
        out["order"] = list(t.order)
    return out


def _exec(lines: list[str], namespace_base: dict, name: str) -> Callable:
    namespace = dict(namespace_base)
    exec(compile("\n".join(lines), f"<gaischema rules {name}>", "exec"), namespace)  # noqa: S102 - our own code
    return namespace["run"]


def _under(path: tuple[str, ...], unread: list) -> bool:
    """Whether a path is a row a no_consistent_reading note names, or a cell of it."""
    return any(path[:len(row)] == row for _, row, _ in unread)


def _touches(paths, rejected: set[str]) -> bool:
    for full in paths:
        for i in range(1, len(full) + 1):
            if ".".join(full[:i]) in rejected:
                return True
    return False


def _fmt(v) -> str:
    if v is None:
        return "—"
    return str(_show(v))
