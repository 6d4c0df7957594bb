"""The conformance suite, run against this installation: ``python -m gaischema.conformance``.

The suite (``generated/conformance/``, made by ``gaischema.build``) is a specification of its own, in the manner
of JSON-Schema-Test-Suite: an index (``index.json``: case -> rules -> section of docs/rule-language.md), a JSON
Schema every case file validates against (``case.schema.json``), a suite version, required and optional groups.
Each case states its intent (the rules it breaks, the changes it makes to a base report); :func:`explain` checks
the expected findings against that intent and the compiled rules file alone (which check reads a changed cell,
where a rule puts its finding), so that a finding our validator makes but the specification does not explain
fails the build instead of becoming normative.

This module runs gaischema's own validator over the suite, so a built wheel can be checked where it is installed
(``python3 dev.py release`` does) and the tests share one comparison. What must match is fixed in the suite's
README: report, rule, severity and path of every finding, and for all but the SCHEMA-* rules also reported,
expected, quote and other.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from gaischema.corpus import cross_check, validate_source
from gaischema.resources import generated_dir
from gaischema.validate import validate

__all__ = ["FIELDS", "GROUPS", "SUITE_VERSION", "case_paths", "compare", "explain", "key", "load_index", "run_case"]

# The suite's own version: major when the case format changes, minor when cases are added or an expected result
# changes, patch for wording. The standard version it tests is in index.json (standard_version).
SUITE_VERSION = "1.0.0"

# group -> (optional, what its cases test). An implementation must pass every case of the required groups; it
# may leave out an optional group, and then it also leaves out, in every other case, the findings of that
# group's rules (index.json: optional_rules).
GROUPS = {
    "valid": (False, "complete, consistent reports of each format version: no finding"),
    "structure": (False, "the JSON Schema: types, enumerations, formats, minimum values, required and unknown fields"),
    "tables": (False, "the tables: accounting identities, blank cells, rows of the other format version"),
    "metadata": (False, "dates and the format version against the report year"),
    "cross-report": (False, "a report against the same organ's report of the previous year, one rule a case"),
    "narrative": (True, "the heuristic text checks (warnings): the narrative against the tables, near-duplicate sections"),
    "input": (True, "reading YAML and JSON: what a YAML-only value becomes, input a validator refuses (INPUT-*)"),
}

VALUES = ("reported", "expected", "quote", "other")
FIELDS = ("report", "rule", "severity", "path", *VALUES)  # what a case's finding holds


def case_paths() -> list[Path]:
    """Every case file of the suite (cases/<group>/<id>.json)."""
    return sorted((generated_dir() / "conformance" / "cases").glob("*/*.json"))


def load_index() -> dict:
    return json.loads((generated_dir() / "conformance" / "index.json").read_text(encoding="utf-8"))


def key(finding: dict) -> tuple:
    """What of a finding must match."""
    base = (finding["report"], finding["rule"], finding["severity"], finding["path"])
    if finding["rule"].startswith("SCHEMA-"):
        return base
    return base + tuple(json.dumps(finding.get(k), ensure_ascii=False) for k in VALUES)


def run_case(case: dict) -> list[dict]:
    """gaischema's findings for a case's reports (or, in the input group, its source text), in the suite's form."""
    if "input" in case:
        result = validate_source(case["input"]["text"], case["input"]["name"])
        return [{"report": 0, **f.as_dict()} for f in result.findings]
    reports = case["reports"]
    found = [{"report": i, **f.as_dict()} for i, r in enumerate(reports) for f in validate(r)]
    if len(reports) > 1:
        found += [{"report": i, **f.as_dict(), "other": j} for i, f, j in cross_check(reports)]
    return found


def compare(found: list[dict], case: dict, leave_out: frozenset[str] | set[str] = frozenset()) -> bool:
    """The findings agree with the case's; ``leave_out``: the rules of optional groups an implementation skips."""
    def keys(findings):
        return Counter(key(f) for f in findings if f["rule"] not in leave_out)

    return keys(found) == keys(case["findings"])


# ------------------------------------------------------------------------------------------------ intent
def _related(a: str, b: str) -> bool:
    """One path is the other or lies under it ("" is the root)."""
    return a == b or not a or not b or a.startswith(b + ".") or b.startswith(a + ".")


def _cells(form: dict) -> set[str]:
    return {p for p, _ in form["terms"]}


def explain(case: dict, rules: dict) -> tuple[list[str], list[str]]:
    """(problems, reasons): why each expected finding of a case follows from its intent and the compiled rules
    (``generated/gaischema.rules.json``), and what does not. A finding is explained when its rule is one the
    case breaks and it lies where the rule puts its finding for the change, or when it is a consequence of a
    change: a check or a narrative reading that reads a changed path, the complete rule of a deleted cell, the
    JSON Schema at a changed path. A rule the case breaks must have a finding (at ``intent.at`` when given)."""
    intent, findings = case["intent"], case["findings"]
    breaks, changes = set(intent["breaks"]), intent.get("changes")
    problems, reasons = [], []
    for rule in sorted(breaks):
        mine = [f for f in findings if f["rule"] == rule]
        if not mine:
            problems.append(f"the case breaks {rule}, but no expected finding is of {rule}")
        elif intent.get("at") is not None and not any(f["path"] == intent["at"] for f in mine):
            problems.append(f"the case changes {intent['at']} to break {rule}, but no {rule} finding is at {intent['at']}")
    if not breaks and findings:
        problems.append(f"a case that breaks no rule expects {len(findings)} finding(s)")
    versions = [r.get("format_version") if isinstance(r, dict) else None for r in case.get("reports", [{}])]
    for f in findings:
        why = _why(f, breaks, changes, rules, versions[f["report"]] if f["report"] < len(versions) else None)
        if why is None:
            problems.append(f"nothing in the intent explains {f['rule']} at {f['path']!r} (report {f['report']})")
        else:
            reasons.append(f"{f['rule']} at {f['path'] or '(the report)'}: {why}")
    return problems, reasons


def _expr(node: dict) -> str:
    """A compiled expression tree as text (docs/rule-language.md, "Expressions")."""
    if "path" in node:
        return ("prev." if node.get("report") == "previous" else "") + node["path"]
    if "value" in node:
        return json.dumps(node["value"], ensure_ascii=False)
    if "call" in node:
        return f"{node['call']}({', '.join(map(_expr, node['args']))})"
    if node["op"] in ("neg", "not"):
        return ("-" if node["op"] == "neg" else "not ") + _expr(node["args"][0])
    return f" {node['op']} ".join(map(_expr, node["args"]))


def _says(f: dict, rules: dict, version: str | None) -> str:
    """What the rule that made a finding says, from the compiled rules (how its result follows)."""
    rule, path = f["rule"], f["path"]
    kind = rules["rules"].get(rule, {}).get("kind", "input")
    v = rules["versions"].get(version) or {}
    values = f"reported {json.dumps(f.get('reported'), ensure_ascii=False)}, expected " \
             f"{json.dumps(f.get('expected'), ensure_ascii=False)}"
    if kind in ("check", "cross_report"):
        for c in v.get("checks", []) + v.get("cross_report", []):
            if c["rule"] == rule and c["finding_path"] == path:
                return f"{_expr(c['left'])} {c['op']} {_expr(c['right'])} is false ({values})"
    if kind == "complete":
        return "a blank cell of a table that must be filled"
    if kind == "jsonschema":
        return "a JSON Schema error, mapped to this rule by its keyword"
    if kind == "near_duplicate":
        return f"the section is nearly the same as report {f.get('other')}'s ({values})"
    if kind == "copies":
        return f"the cell differs from the same cell of report {f.get('other')}, a copy of the same report ({values})"
    if kind.startswith("narrative_") or kind == "section_order":
        return f"no reading of the tables agrees with the text ({values})"
    if kind == "version_structure":
        return "a table or row of the other format version"
    if kind == "tables_present":
        return "none of the tables of its scope is in the report: one finding for the report, no blank cells"
    return "the input is refused before any rule runs"


def _why(f: dict, breaks: set[str], changes: list[dict] | None, rules: dict, version: str | None) -> str | None:
    why = _why_changed(f, breaks, changes, rules, version)
    return None if why is None else f"{why}: {_says(f, rules, version)}"


def _why_changed(f: dict, breaks: set[str], changes: list[dict] | None, rules: dict, version: str | None) -> str | None:
    rule, path = f["rule"], f["path"]
    kind = rules["rules"].get(rule, {}).get("kind", "input")
    if changes is None:  # no structural change stated (a report as published, a pair of reports, a source text)
        return "the rule this case is made to break" if rule in breaks else None
    changed = {c["path"]: c for c in changes if c.get("report", 0) == f["report"]}
    v = rules["versions"].get(version) or {}
    if kind == "jsonschema":
        hit = next((p for p in changed if _related(p, path)), None)
        return None if hit is None else f"the JSON Schema rejects the value at {path or 'the root'} ({hit} changed)"
    if kind == "complete":
        if path in changed and "to" not in changed[path]:
            return f"{path} is blank (deleted), and the table's cells must all be filled"
        return None
    if kind == "version_structure":
        hit = next((p for p in changed if _related(p, path) and "to" in changed[p]), None)
        return None if hit is None else f"{hit} belongs to the other format version"
    if kind in ("check", "cross_report"):
        for c in v.get("checks", []) + v.get("cross_report", []):
            if c["rule"] == rule and c["finding_path"] == path:
                read = next((p for p in changed if any(_related(p, r.removeprefix("prev.")) for r in c["reads"])), None)
                if read is not None:
                    how = "is made to fail" if rule in breaks else "fails as well"
                    return f"the check {rule} at {c['node'] or 'the root'} reads {read} (changed) and {how}"
        return None
    if kind == "copies":
        return f"{path} of this copy changed" if path in changed else None
    if kind == "near_duplicate" or kind == "section_order":
        hit = next((p for p in changed if _related(p, path)), None)
        return None if hit is None else f"{hit} changed"
    narrative = [n for n in v.get("narrative", []) if n["rule"] == rule]
    for n in narrative:
        if path in changed:
            return f"the text of {path} changed, and {rule}'s pattern finds a statement no reading supports"
        cells = set().union(*map(_cells, n.get("readings", [])), *(_cells(n[s]) for s in ("left", "right") if s in n))
        blanks = {p for p, c in changed.items() if "to" not in c}
        tied = [_cells(i) for i in v.get("identities", []) if blanks & _cells(i)]
        grown = True
        while grown:  # a deleted cell widens the interval of every cell an identity ties it to
            grown = False
            for group in tied:
                if cells & group and not group <= cells:
                    cells |= group
                    grown = True
        read = next((p for p in changed if p in cells), None)
        if read is not None:
            return f"{rule}'s reading reads {read} (changed), and no reading agrees with the text any more"
    if kind == "input" and rule in breaks:
        return "the input is refused before any rule runs"
    return None


# ------------------------------------------------------------------------------------------------ the command
def main() -> int:
    paths = case_paths()
    wrong = [p.stem for p in paths if not compare(run_case(c := json.loads(p.read_text(encoding="utf-8"))), c)]
    print(f"conformance: {len(paths) - len(wrong)} passed, {len(wrong)} failed (suite {SUITE_VERSION})"
          + (f"; failing: {wrong}" if wrong else ""))
    return 1 if wrong or not paths else 0


if __name__ == "__main__":
    sys.exit(main())
