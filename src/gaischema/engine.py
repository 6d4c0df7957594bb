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
    Every cell of the tables named in ``scope`` is filled, for the instance's format version.
``version_structure``
    No table or row of the other format version is present.
``jsonschema``
    Maps JSON Schema error keywords (``validators``) to a rule id; applied by :mod:`gaischema.validate`.
"""

from __future__ import annotations

import ast
import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Iterator

SEVERITIES = ("error", "warning")


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

    def as_dict(self) -> dict:
        return {
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
_CMP_FN: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
_STAR = "__star__"


@dataclass
class _Check:
    rule: dict
    class_name: str
    version: str
    guard: Callable | None
    left: Callable
    right: Callable
    op: str
    left_paths: list[tuple[str, ...]]
    paths: list[tuple[str, ...]]
    column: str | None = None


@dataclass
class CompiledRules:
    """All rules of the model, compiled per format version."""

    checks: dict[str, dict[str, list[_Check]]] = field(default_factory=dict)  # version -> class -> checks
    complete: list[dict] = field(default_factory=list)
    structure: list[dict] = field(default_factory=list)
    jsonschema: dict[str, dict] = field(default_factory=dict)  # JSON Schema keyword -> rule


def _functions(model: dict) -> dict[str, Callable]:
    versions = model["enums"]["FormatVersionEnum"]["values"]
    kinds = model["enums"]["OrganKindEnum"]["values"]

    def date(y, m, d):
        try:
            return _dt.date(int(y), int(m), int(d))
        except (TypeError, ValueError, OverflowError) as exc:
            raise _Blank from exc

    def format_version_for(year):
        for name, pv in versions.items():
            if int(pv["first_year"]) <= year <= int(pv["last_year"]):
                return name
        raise _Blank

    def deadline_for(kind, year):
        pv = kinds.get(kind)
        if pv is None:
            raise _Blank
        month, day = pv["deadline"].split("-")
        return date(year + 1, month, day)

    return {"date": date, "format_version_for": format_version_for, "deadline_for": deadline_for}


class _Compiler:
    def __init__(self, model: dict, version: str, class_name: str):
        self.model = model
        self.classes = model["classes"]
        self.version = version
        self.class_name = class_name
        self.functions = _functions(model)
        self.paths: list[tuple[str, ...]] = []

    # path resolution: returns the concrete paths a (possibly starred) path stands for in this version
    def expand(self, steps: list[str]) -> list[tuple[str, ...]]:
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
                    continue
                if steps[i] == _STAR and not slot["is_class"] and "key" not in slot:
                    continue
                go(slot["range"], i + 1, prefix + [name])

        go(self.class_name, 0, [])
        return results

    def compile(self, node: ast.AST) -> Callable:
        if isinstance(node, ast.Expression):
            return self.compile(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
            value = node.value
            return lambda obj, _v=value: _v
        if isinstance(node, (ast.Name, ast.Attribute)):
            steps = _steps(node)
            paths = self.expand(steps)
            if _STAR in steps:
                raise RuleSyntaxError("a path with * is only allowed inside sum()")
            if len(paths) != 1:
                return None  # not in this version
            self.paths.append(paths[0])
            return _getter(paths[0])
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            a, b = self.compile(node.left), self.compile(node.right)
            if a is None or b is None:
                return a if b is None else (b if a is None else None)
            if isinstance(node.op, ast.Add):
                return lambda obj: _num(a(obj)) + _num(b(obj))
            return lambda obj: _num(a(obj)) - _num(b(obj))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            a = self.compile(node.operand)
            return lambda obj: -_num(a(obj))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            a = self.compile(node.operand)
            return lambda obj: not a(obj)
        if isinstance(node, ast.BoolOp):
            parts = [self.compile(v) for v in node.values]
            if isinstance(node.op, ast.And):
                return lambda obj: all(p(obj) for p in parts)
            return lambda obj: any(p(obj) for p in parts)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            fname = node.func.id
            if fname == "sum":
                getters = []
                for arg in node.args:
                    for p in self.expand(_steps(arg)):
                        self.paths.append(p)
                        getters.append(_getter(p))
                return lambda obj: sum(_num(g(obj)) for g in getters)
            if fname not in self.functions:
                raise RuleSyntaxError(f"unknown function {fname}()")
            fn = self.functions[fname]
            args = [self.compile(a) for a in node.args]
            return lambda obj: fn(*[a(obj) for a in args])
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


def _getter(path: tuple[str, ...]) -> Callable:
    def get(obj):
        for step in path:
            if not isinstance(obj, dict):
                raise _Blank
            obj = obj.get(step)
            if obj is None:
                raise _Blank
        return obj

    return get


def _num(v):
    if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)):
        raise _Blank
    return v


def _parse(text: str) -> ast.Expression:
    try:
        return ast.parse(text.replace(".*", "." + _STAR), mode="eval")
    except SyntaxError as exc:
        raise RuleSyntaxError(f"cannot parse {text!r}: {exc.msg}") from exc


def compile_rule(rule: dict, model: dict) -> list[_Check]:
    """Compile one rule for every format version (raises RuleSyntaxError on a malformed rule)."""
    kind = rule.get("kind")
    if kind not in {"check", "complete", "version_structure", "jsonschema"}:
        raise RuleSyntaxError(f"unknown kind {kind!r}")
    if rule.get("severity") not in SEVERITIES:
        raise RuleSyntaxError(f"severity must be one of {SEVERITIES}")
    for key in ("message_zh", "message_en", "source"):
        if not rule.get(key):
            raise RuleSyntaxError(f"missing annotation {key}")
    if kind != "check":
        return []
    columns = [None]
    if rule.get("for_each"):
        enum = model["enums"].get(rule["for_each"])
        if enum is None:
            raise RuleSyntaxError(f"for_each names no enumeration: {rule['for_each']}")
        columns = list(enum["values"])
    compiled = []
    for version in model["versions"]:
        for col in columns:
            text = rule["expression"] if col is None else rule["expression"].replace("{c}", col)
            tree = _parse(text).body
            if not (isinstance(tree, ast.Compare) and len(tree.ops) == 1 and type(tree.ops[0]) in _CMP):
                raise RuleSyntaxError("a check expression is one comparison: LEFT op RIGHT")
            comp = _Compiler(model, version, rule["class"])
            left = comp.compile(tree.left)
            left_paths = list(comp.paths)
            right = comp.compile(tree.comparators[0])
            if left is None or right is None:
                continue  # this column/side does not exist in this version
            guard = None
            if rule.get("when"):
                gtree = _parse(rule["when"]).body
                gcomp = _Compiler(model, version, rule["class"])
                g_left = gcomp.compile(gtree.left) if isinstance(gtree, ast.Compare) else None
                if g_left is None or len(gtree.ops) != 1:
                    raise RuleSyntaxError("when must be one comparison")
                g_right = gcomp.compile(gtree.comparators[0])
                g_op = _CMP_FN[_CMP[type(gtree.ops[0])]]
                guard = lambda obj, a=g_left, b=g_right, f=g_op: f(a(obj), b(obj))  # noqa: E731
            compiled.append(_Check(rule, rule["class"], version, guard, left, right, _CMP[type(tree.ops[0])],
                                   left_paths, list(comp.paths), col))
    return compiled


def compile_all(model: dict) -> CompiledRules:
    out = CompiledRules()
    for version in model["versions"]:
        out.checks[version] = {}
    for rule in model["rules"]:
        kind = rule["kind"]
        if kind == "check":
            for chk in compile_rule(rule, model):
                out.checks[chk.version].setdefault(chk.class_name, []).append(chk)
        elif kind == "complete":
            compile_rule(rule, model)
            out.complete.append(rule)
        elif kind == "version_structure":
            compile_rule(rule, model)
            out.structure.append(rule)
        elif kind == "jsonschema":
            compile_rule(rule, model)
            for kw in rule["validators"].split():
                out.jsonschema[kw] = rule
    return out


# ----------------------------------------------------------------------------------------------- evaluation
def _date_value(v):
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):
        try:
            return _dt.date.fromisoformat(v)
        except ValueError:
            raise _Blank from None
    return v


def _show(v):
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    return v


class Engine:
    """Evaluates the compiled rules of a model against instances."""

    def __init__(self, model: dict):
        self.model = model
        self.labels = Labels(model)
        self.rules = compile_all(model)
        self.classes = model["classes"]
        self.versions = set(model["versions"])

    def _finding(self, rule, path, version, reported=None, expected=None) -> Finding:
        cell, cell_en = self.labels.cell(path, version)
        fmt = {"reported": _fmt(reported), "expected": _fmt(expected), "cell": cell}
        return Finding(
            rule=rule["id"],
            severity=rule["severity"],
            path=".".join(path),
            cell=cell,
            cell_en=cell_en,
            message=rule["message_zh"].format(**fmt),
            message_en=rule["message_en"].format(**fmt),
            reported=_show(reported),
            expected=_show(expected),
            source=rule.get("source", ""),
        )

    def check(self, instance: dict, rejected: set[str] = frozenset()) -> Iterator[Finding]:
        """All rule findings for one instance (a mapping). ``rejected``: dotted paths whose values the
        JSON Schema rejected; a check that reads such a value (or a value below it) is not evaluated."""
        version = instance.get("format_version")
        if not isinstance(version, str) or version not in self.versions:
            return  # the JSON Schema reports it; without a version no table rule can apply
        yield from self._structure(instance, version)
        yield from self._complete(instance, version)
        yield from self._checks(instance, version, rejected)

    def _nodes(self, obj: dict, cname: str, path: tuple[str, ...], version: str) -> Iterator[tuple]:
        yield cname, obj, path
        for slot in self.classes[cname]["slots"]:
            if slot["is_class"] and version in slot["versions"]:
                child = obj.get(slot["name"])
                if isinstance(child, dict):
                    yield from self._nodes(child, slot["range"], path + (slot["name"],), version)

    def _checks(self, instance, version, rejected):
        by_class = self.rules.checks[version]
        for cname, obj, path in self._nodes(instance, self.model["root"], (), version):
            for chk in by_class.get(cname, ()):
                if rejected and _touches(path, chk.paths, rejected):
                    continue
                try:
                    if chk.guard is not None and not chk.guard(obj):
                        continue
                    left, right = chk.left(obj), chk.right(obj)
                    if isinstance(right, _dt.date):
                        left = _date_value(left)
                    if _CMP_FN[chk.op](left, right):
                        continue
                except (_Blank, TypeError):
                    continue
                first = path + chk.left_paths[0] if chk.left_paths else path
                f = self._finding(chk.rule, first, version, left, right)
                if len(chk.left_paths) > 1:
                    f.cell, f.cell_en = self._joined_cell([path + p for p in chk.left_paths], version)
                yield f

    def _joined_cell(self, paths, version):
        cells = [self.labels.cells[version].get(".".join(p)) for p in paths]
        if all(cells) and len({c["column"] for c in cells}) == 1:
            c0 = cells[0]
            return (f"表{c0['table']} " + " + ".join(c["row"] for c in cells) + f" × {c0['column']}",
                    f"table {c0['table']} " + " + ".join(c["row_en"] for c in cells) + f" × {c0['column_en']}")
        return self.labels.cell(paths[0], version)

    def _complete(self, instance, version):
        root = self.classes[self.model["root"]]
        for rule in self.rules.complete:
            for name in rule["scope"].split():
                slot = next(s for s in root["slots"] if s["name"] == name)
                if version not in slot["versions"]:
                    continue
                yield from self._blanks(rule, instance, slot, (), version)

    def _blanks(self, rule, obj, slot, path, version):
        value = obj.get(slot["name"])
        p = path + (slot["name"],)
        if value is None:
            yield self._finding(rule, p, version)
            return
        if slot["is_class"] and isinstance(value, dict):
            for child in self.classes[slot["range"]]["slots"]:
                if version in child["versions"] and (child["is_class"] or child["cell"]):
                    yield from self._blanks(rule, value, child, p, version)

    def _structure(self, instance, version):
        for rule in self.rules.structure:
            for cname, obj, path in self._nodes_all(instance, self.model["root"], ()):
                for slot in self.classes[cname]["slots"]:
                    if version not in slot["versions"] and obj.get(slot["name"]) is not None:
                        yield self._finding(rule, path + (slot["name"],), None)

    def _nodes_all(self, obj, cname, path):
        yield cname, obj, path
        for slot in self.classes[cname]["slots"]:
            child = obj.get(slot["name"])
            if slot["is_class"] and isinstance(child, dict):
                yield from self._nodes_all(child, slot["range"], path + (slot["name"],))


def _touches(prefix: tuple[str, ...], paths, rejected: set[str]) -> bool:
    for p in paths:
        full = prefix + p
        for i in range(1, len(full) + 1):
            if ".".join(full[:i]) in rejected:
                return True
    return False


def _fmt(v) -> str:
    if v is None:
        return "—"
    return str(_show(v))
