"""Validate report instances: the generated JSON Schema, then the rules declared in the schema.

Python API::

    from gaischema import validate, validate_file
    findings = validate({"organ": "...", ...})        # a dict, a gen-python dataclass or a pydantic model
    report = validate_file("report.yaml")              # FileReport(file, valid, findings)

Nothing here loads the LinkML schema: the JSON Schema and the compiled rules are read from ``generated/``
once per process.
"""

from __future__ import annotations

import dataclasses

import datetime as _dt
import enum
import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Iterable

from gaischema import loading, resources
from gaischema.engine import Engine, Finding, make_finding


@dataclass
class FileResult:
    """The result for one file (or one report), whoever validates it: the API, the corpus runner, the command
    line. ``valid`` is decided here only."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    fatal: bool = False  # the file could not be read as a report at all
    key: list | None = None  # the organ key of the cross-report rules (行政区划代码, normalised organ name)
    year: int | None = None
    projection: dict | None = None  # what the cross-report rules read of this report
    previous: str | None = None  # for a cross-report result: the previous year's file

    @property
    def valid(self) -> bool:
        return not self.fatal and not any(f.severity == "error" for f in self.findings)

    def as_dict(self) -> dict:
        """The object of ``gaischema validate --format json``."""
        d = {"file": self.file, "valid": self.valid, "findings": [f.as_dict() for f in self.findings]}
        if self.previous is not None:
            d.update(cross_report=True, previous=self.previous)
        return d

    @classmethod
    def from_record(cls, d: dict) -> "FileResult":
        """The FileResult of a record made by to_record (a worker's result, cheap to send between processes)."""
        return cls(d["file"], [Finding(**f) for f in d["findings"]], d["fatal"], d["key"], d["year"],
                   d["projection"])

    def to_record(self) -> dict:
        """Everything, as a plain JSON-able dict (for a distributed engine's map step)."""
        return {"file": self.file, "valid": self.valid, "fatal": self.fatal,
                "findings": [f.as_dict() for f in self.findings], "key": self.key, "year": self.year,
                "projection": self.projection}


FileReport = FileResult  # the name of versions up to 0.1.0


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine(resources.model())


@lru_cache(maxsize=1)
def _fast_validator():
    """jsonschema-rs, when installed: a yes/no answer in microseconds, and an import 4 times cheaper than
    jsonschema's. Only an instance it rejects (or cannot read) goes to the reference validator below."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without its wheel
        return None
    return jsonschema_rs.validator_for(resources.json_schema(), validate_formats=True)


@lru_cache(maxsize=1)
def _schema_validator():
    import jsonschema

    schema = resources.json_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def to_instance(obj: Any) -> Any:
    """A plain dict from a dict, a gen-python dataclass (linkml YAMLRoot) or a pydantic model."""
    if isinstance(obj, dict):
        return obj
    if hasattr(obj, "model_dump"):  # pydantic v2; its JSON mode would turn decimals into strings
        return _plain(obj.model_dump(mode="python", exclude_none=True))
    if hasattr(obj, "_as_json_obj") or type(obj).__module__.endswith("datamodel"):
        from linkml_runtime.dumpers import json_dumper

        data = json_dumper.to_dict(obj)
        data.pop("@type", None)
        return data
    return obj


def _plain(v: Any) -> Any:
    """Python values of a pydantic dump as their JSON counterparts (decimal -> number, date -> string)."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, enum.Enum):
        return v.value
    return v


def _schema_findings(instance: Any, eng: Engine) -> Iterable[Finding]:
    """The JSON Schema findings. jsonschema-rs decides valid instances; the findings of an invalid one come
    from the Python jsonschema package (the validator linkml-validate uses), so their paths and messages
    are the reference's. Tests assert that the two agree on every example and mutation."""
    fast = _fast_validator()
    if fast is not None:
        try:
            if fast.is_valid(instance):
                return []
        except (ValueError, TypeError, OverflowError):  # a value JSON has no type for (a YAML date)
            pass
    return _capped(_reference_findings(instance, eng))


MAX_SCHEMA_HITS = 500  # JSON Schema findings of one rule in one report (every cell of a report fits); the rest counted


def _capped(findings: Iterable[Finding]) -> list[Finding]:
    """At most MAX_SCHEMA_HITS findings of one rule, the last of them saying how many more there were (a
    hand-made instance with 5,000 broken notes is 500 findings, not 5,000: output and memory stay bounded)."""
    out: list[Finding] = []
    kept: dict[str, int] = {}
    more: dict[str, int] = {}
    for f in findings:
        n = kept.get(f.rule, 0)
        if n < MAX_SCHEMA_HITS:
            kept[f.rule] = n + 1
            out.append(f)
        else:
            more[f.rule] = more.get(f.rule, 0) + 1
    for rule, n in more.items():
        i = max(i for i, f in enumerate(out) if f.rule == rule)
        out[i] = dataclasses.replace(out[i], message=f"{out[i].message}（另有 {n} 处同类问题未列出）",
                                     message_en=f"{out[i].message_en} ({n} more such findings are not listed)")
    return out


def _reference_findings(instance: Any, eng: Engine) -> Iterable[Finding]:
    version = instance.get("format_version") if isinstance(instance, dict) else None
    version = version if isinstance(version, str) else None  # a list or mapping there is itself a finding
    for error in _schema_validator().iter_errors(instance):
        for err in _leaves(error):
            path = tuple(str(p) for p in err.absolute_path)
            if _blank_cell(err, path, eng):
                continue  # the schema requires every cell; a blank one is the T*-BLANK finding of its table
            rule = eng.jsonschema.get(err.validator) or eng.jsonschema["*"]
            if err.validator == "additionalProperties":
                extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
                path = path + (extra[0],) if extra else path
            cell = eng.labels.cell(path, version) if path else ("（整份报告）", "(whole report)")
            reported = err.instance if isinstance(err.instance, (str, int, float, bool)) else None
            if isinstance(err.instance, (_dt.date, _dt.datetime)):
                reported = err.instance.isoformat()
            yield make_finding(rule, path, cell, reported, _expected(err), _details(err))


_TYPE_ZH = {"integer": "整数", "number": "数字", "string": "文本", "object": "映射（若干栏目）", "boolean": "是/否",
            "array": "列表", "null": "空"}


def _shown(v: Any) -> str:
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, (dict, list)):
        return "{…}" if isinstance(v, dict) else "[…]"
    return repr(v) if isinstance(v, str) else str(v)


def _details(err) -> tuple[str, str]:
    """(Chinese, English) detail of a JSON Schema error, for people."""
    v, value = err.validator, err.instance
    if v == "type":
        want = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        want = [w for w in want if w != "null"]
        if isinstance(value, (_dt.date, _dt.datetime)):
            iso = value.isoformat()
            return (f"{iso} 被 YAML 读作日期；请写成带引号的文本 '{iso}'",
                    f"{iso} is a YAML date; write it as a quoted string: '{iso}'")
        return (f"应为{'或'.join(_TYPE_ZH.get(w, w) for w in want)}，填报为 {_shown(value)}",
                f"expected {' or '.join(want)}, got {_shown(value)}")
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        word = {"minimum": "不得小于", "exclusiveMinimum": "须大于", "maximum": "不得大于", "exclusiveMaximum": "须小于"}[v]
        return f"{word} {err.validator_value}，填报为 {_shown(value)}", err.message
    if v == "required":
        missing = [k for k in err.validator_value if isinstance(value, dict) and k not in value]
        return f"缺少 {'、'.join(missing)}", err.message
    if v == "additionalProperties":
        extra = [k for k in value if k not in err.schema.get("properties", {})] if isinstance(value, dict) else []
        return f"未定义的字段 {'、'.join(map(str, extra))}", err.message
    if v == "enum":
        allowed = [x for x in err.validator_value if x is not None]
        return f"取值须为 {'、'.join(map(str, allowed))} 之一，填报为 {_shown(value)}", err.message
    if v in ("minItems", "maxItems"):
        n, least = (len(value) if isinstance(value, list) else 0), v == "minItems"
        return (f"须有{'至少' if least else '至多'} {err.validator_value} 项，填报 {n} 项",
                f"must have {'at least' if least else 'at most'} {err.validator_value} items, got {n}")
    if v == "pattern":
        return f"须符合格式 {err.validator_value}，填报为 {_shown(value)}", err.message
    if v == "format":
        example = {"date": "（如 2024-01-05）", "uri": "（如 https://…）"}.get(err.validator_value, "")
        return f"须为 {err.validator_value} 格式{example}，填报为 {_shown(value)}", err.message
    return err.message, err.message


def _leaves(error) -> list:
    """An optional object is ``anyOf: [{$ref}, {type: null}]``: report the errors inside the object's branch."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        inner = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        if inner:
            return [leaf for e in inner for leaf in _leaves(e)]
    return [error]


def _blank_cell(err, path: tuple[str, ...], eng: Engine) -> bool:
    """A JSON Schema error that only says a table cell is blank: absent (``required``) or null (``type``)."""
    if err.validator == "required" and isinstance(err.instance, dict):
        missing = [k for k in err.validator_value if k not in err.instance]
        return bool(missing) and all(eng.labels.is_cell(".".join(path + (k,))) for k in missing)
    return err.validator == "type" and err.instance is None and eng.labels.is_cell(".".join(path))


def _expected(err) -> Any:
    v = err.validator
    if v in ("minimum", "maximum"):
        return f"{'>=' if v == 'minimum' else '<='} {err.validator_value}"
    if v == "type":
        t = err.validator_value
        return " or ".join(x for x in t if x != "null") if isinstance(t, list) else t
    if v == "enum":
        return [x for x in err.validator_value if x is not None]
    if v == "pattern":
        return err.validator_value
    if v == "format":
        return err.validator_value
    if v == "required":
        return None
    return None


def _nonfinite(instance: Any, eng: Engine) -> list[Finding]:
    """NaN and Infinity (an in-memory report can hold them; JSON cannot, and JSON Schema's bounds let them
    pass): a SCHEMA-TYPE finding each, the value reported as text."""
    out = []
    stack = [((), instance)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((path + (str(k),), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((path + (str(i),), v) for i, v in enumerate(node))
        elif isinstance(node, float) and not math.isfinite(node):
            version = instance.get("format_version") if isinstance(instance, dict) else None
            cell = eng.labels.cell(path, version if isinstance(version, str) else None)
            out.append(make_finding(eng.jsonschema["type"], path, cell, str(node), "a finite number",
                                    ("NaN 或无穷大不是有效数字", "NaN or Infinity is not a number")))
    return sorted(out, key=lambda f: f.path)


def _findings(instance: Any) -> tuple[list[Finding], list[Finding]]:
    """(JSON Schema findings, rule findings). A rule that would read a value the JSON Schema rejected is not
    evaluated, so one wrong cell gives one finding, not a cascade."""
    eng = engine()
    bad = _nonfinite(instance, eng)
    schema = bad + [f for f in _schema_findings(instance, eng) if f.path not in {b.path for b in bad}]
    rules = eng.check(instance, {f.path for f in schema}) if isinstance(instance, dict) else []
    return schema, rules


def validate(obj: Any) -> list[Finding]:
    """Validate one in-memory report (dict, dataclass or pydantic model); return every finding,
    the JSON Schema's first, then the rules'."""
    schema, rules = _findings(to_instance(obj))
    return schema + rules


def validate_rejecting(instance: Any) -> tuple[list[Finding], set[str]]:
    """:func:`validate` of an instance, and the paths whose values the JSON Schema rejected: what no rule
    reads, the cross-report rules included (:meth:`gaischema.engine.Engine.projection`)."""
    schema, rules = _findings(instance)
    return schema + rules, {f.path for f in schema}


def rule_findings(instance: dict) -> list[Finding]:
    """Only the rule findings (for the linkml-validate plugin, whose JSON Schema check runs separately)."""
    return _findings(instance)[1]


def is_valid(obj: Any) -> bool:
    """True when the report has no finding of severity error (warnings are allowed)."""
    return not any(f.severity == "error" for f in validate(obj))


def input_finding(err: loading.InputError) -> Finding:
    """The finding for input that is not a readable report (rule INPUT-*, severity fatal)."""
    rule = {"id": err.rule, "severity": "fatal", "message_zh": err.message.replace("{", "{{").replace("}", "}}"),
            "message_en": err.message_en.replace("{", "{{").replace("}", "}}")}
    return make_finding(rule, "", ("", ""))


def fatal_result(name: str, err: loading.InputError) -> FileResult:
    """The result for a file that is not a readable report: one INPUT-* finding."""
    return FileResult(name, [input_finding(err)], fatal=True)


def validate_file(source: str) -> FileResult:
    """Read and validate one file (``-`` for standard input); unreadable input is a fatal finding."""
    try:
        instance = loading.load(source)
    except loading.InputError as err:
        return fatal_result(source, err)
    return FileResult(source, validate(instance))


def warm() -> None:
    """Read the schema artifacts and compile the rules now (before a process pool forks, so that its
    workers share them)."""
    engine()
    _fast_validator()
