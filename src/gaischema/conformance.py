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

import argparse
import contextlib
import json
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from gaischema import output as out
from gaischema.corpus import cross_check, validate_source
from gaischema.resources import generated_dir
from gaischema.validate import validate

__all__ = ["FIELDS", "GROUPS", "RESULTS_FORMAT", "SUITE_VERSION", "case_paths", "compare", "difference", "explain", "key",
           "load_index", "main", "parse_output", "results_report", "run_case", "run_command"]

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
        if any(i["rule"] == rule for i in v.get("identities", [])):
            return (f"the report's extraction note no_consistent_reading names {rule} at {path}: no reading of the "
                    f"printed digits {json.dumps(f.get('reported'), ensure_ascii=False)} satisfies it")
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
    if kind == "reading_unreliable":
        return (f"the report's extraction note low_confidence names {path}: OCR read the cell unreliably "
                f"({json.dumps(f.get('reported'), ensure_ascii=False)}), and the cell is blank (not the organ's blank)")
    if kind == "invisible_characters":
        return (f"the value at {path} holds characters of the rule's list of invisible characters "
                f"({json.dumps(f.get('reported'), ensure_ascii=False)})")
    if kind == "reading_not_found":
        return (f"the report's extraction note missing names {path}: the reader did not find the row in the source, "
                f"and the row is blank (not the organ's blank)")
    if kind == "reading_ambiguous":
        return (f"the report's extraction note ambiguous names {path}: more than one reading of the printed digits "
                f"{json.dumps(f.get('reported'), ensure_ascii=False)} fits, and the row is blank (not the organ's blank)")
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
    if kind == "invisible_characters":
        return f"{path} changed" if path in changed and "to" in changed[path] else None
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


# ------------------------------------------------------------------------------------------------ any implementation
# The runner for any implementation (docs/conformance.md): a command that validates files and prints JSON findings
RESULTS_FORMAT = "gaischema-conformance-results/1"


def suite_cases(suite: Path | None = None) -> list[tuple[Path, dict]]:
    """The cases of a suite folder (its index.json's order), by default the suite this package ships."""
    folder = Path(suite) if suite else generated_dir() / "conformance"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return [(folder / c["file"], json.loads((folder / c["file"]).read_text(encoding="utf-8"))) for c in index["cases"]]


def case_files(case: dict, folder: Path) -> list[str]:
    """A case's input written as files the command reads, in order: each report as JSON in a file named by its
    index (``0``, ``1``, …: the name is what a cross-report finding's ``expected`` names), or an input case's source
    text under its own name (its suffix decides YAML or JSON)."""
    if "input" in case:
        name = case["input"]["name"]
        if not isinstance(name, str) or name in ("", ".", "..") or Path(name).name != name or "\\" in name:
            raise ValueError(f"the case's input name is not a plain file name: {name!r}")  # never ../x or /etc/x
        (folder / name).write_bytes(case["input"]["text"].encode("utf-8"))
        return [name]
    names = []
    for i, report in enumerate(case["reports"]):
        (folder / str(i)).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        names.append(str(i))
    return names


def parse_output(text: str, names: list[str]) -> list[dict]:
    """The command's JSON output as the suite's findings. Either what ``gaischema validate --format json`` and
    ``gaischema-js validate --format json`` write (a list of ``{file, findings}``, one a file: ``report`` is the
    index of ``file`` among the files given; a cross-report finding names the other report in its ``previous``,
    whose index is ``other``; a ``previous`` beside ``findings`` applies to them all), or a list of findings that
    carry ``report`` (and ``other``) themselves."""
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValueError("the output is not a JSON list")
    index = {n: i for i, n in enumerate(names)}

    def which(name):
        name = str(name)
        if name in index:
            return index[name]
        base = Path(name).name
        if base in index:
            return index[base]
        raise ValueError(f"the output names a file that was not given: {name!r}")

    found = []
    for item in data:
        if isinstance(item, dict) and "findings" in item:
            report = which(item["file"])
            shared = item.get("previous")
            for f in item["findings"]:
                other = f.get("previous", shared)
                found.append({**{k: v for k, v in f.items() if k != "previous"}, "report": report,
                              **({"other": which(other)} if other is not None else {})})
        elif isinstance(item, dict) and "rule" in item:
            found.append({"report": 0, **item})
        else:
            raise ValueError("an item of the output is neither a file's result nor a finding")
    return found


def run_command(command: list[str], case: dict, timeout: float = 60) -> list[dict]:
    """Run ``command`` (argv; the case's files are appended) on a case, in a temporary folder; its findings.
    Exit codes 0, 1 and 2 (valid, invalid, unreadable input) are results; anything else is an error."""
    with tempfile.TemporaryDirectory(prefix="gaischema-case-") as tmp:
        names = case_files(case, Path(tmp))
        code, stdout, stderr = _run_bounded([*command, *names], tmp, timeout)
    if code not in (0, 1, 2):
        raise RuntimeError(f"exit code {code}: {stderr.decode('utf-8', 'replace')[-500:]}")
    return parse_output(stdout.decode("utf-8"), names)


MAX_OUTPUT = 64 * 1024 * 1024  # bytes of a case's output kept (the JS runner's maxBuffer): a case's findings are KBs


def _run_bounded(argv: list[str], cwd: str, timeout: float) -> tuple[int, bytes, bytes]:
    """Run an implementation's command within ``timeout`` seconds and MAX_OUTPUT bytes of output: in a session
    of its own, so that on either limit the whole group is ended — a child it left behind holding the output
    open (``sh -c 'sleep 1000 & …'``) cannot keep the runner waiting, nor a command that prints without end
    (``yes``) fill its memory. Raises TimeoutError, or RuntimeError for output beyond the limit."""
    proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    got: dict[str, list[bytes]] = {"out": [], "err": []}
    over = threading.Event()

    def drain(stream, key: str) -> None:
        size = 0
        for chunk in iter(lambda: stream.read1(1 << 16), b""):
            size += len(chunk)
            if size > MAX_OUTPUT:
                over.set()
                break
            got[key].append(chunk)

    readers = [threading.Thread(target=drain, args=(proc.stdout, "out"), daemon=True),
               threading.Thread(target=drain, args=(proc.stderr, "err"), daemon=True)]
    for t in readers:
        t.start()
    deadline = time.monotonic() + max(timeout, 0)
    while proc.poll() is None and not over.is_set() and time.monotonic() < deadline:
        over.wait(0.05)
    code = proc.poll()
    with contextlib.suppress(OSError):
        os.killpg(proc.pid, signal.SIGKILL)  # the group: whatever the command left behind goes with it
    proc.wait()
    for t in readers:
        t.join(5)
    for stream in (proc.stdout, proc.stderr):
        stream.close()
    if over.is_set():
        raise RuntimeError(f"the output is over {MAX_OUTPUT // (1024 * 1024)} MiB; stopped")
    if code is None:
        raise TimeoutError(f"no result within {timeout:g} s; stopped")
    return code, b"".join(got["out"]), b"".join(got["err"])


def difference(found: list[dict], case: dict, leave_out: frozenset[str] | set[str] = frozenset()) -> dict:
    """What is missing from the findings and what is unexpected (what must match: :func:`key`)."""
    have = Counter(key(f) for f in found if f["rule"] not in leave_out)
    want = Counter(key(f) for f in case["findings"] if f["rule"] not in leave_out)
    return {"missing": [list(k) for k in (want - have).elements()],
            "unexpected": [list(k) for k in (have - want).elements()]}


def results_report(command: list[str] | None, suite: Path | None = None, skip_optional: bool = False,
                   timeout: float = 60) -> dict:
    """Run the suite against an implementation (``command``; None: this installation's validator) and return the
    results report, in the format of ``results.schema.json`` (docs/conformance.md)."""
    folder = Path(suite) if suite else generated_dir() / "conformance"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    leave_out = frozenset(index["optional_rules"]) if skip_optional else frozenset()
    results = []
    for _, case in suite_cases(folder):
        entry = {"id": case["id"], "group": case["group"], "optional": case["optional"]}
        if skip_optional and case["optional"]:
            results.append({**entry, "status": "skipped"})
            continue
        try:
            found = run_command(command, case, timeout) if command else run_case(case)
        except Exception as exc:  # noqa: BLE001 - the implementation's failure is this case's result
            results.append({**entry, "status": "errored", "error": f"{type(exc).__name__}: {exc}"[:2000]})
            continue
        diff = difference(found, case, leave_out)
        ok = not diff["missing"] and not diff["unexpected"]
        results.append({**entry, "status": "passed" if ok else "failed", **({} if ok else diff)})
    counts = Counter(r["status"] for r in results)
    required = [r for r in results if not r["optional"]]
    return {
        "format": RESULTS_FORMAT,
        "suite": {"suite_version": index["suite_version"], "standard_version": index["standard_version"]},
        "implementation": {"command": shlex.join(command) if command else "gaischema (this installation)"},
        "summary": {"cases": len(results), **{s: counts.get(s, 0) for s in ("passed", "failed", "errored", "skipped")},
                    "conforms": all(r["status"] == "passed" for r in required)
                    and all(r["status"] in ("passed", "skipped") for r in results)},
        "results": results,
    }


# ------------------------------------------------------------------------------------------------ the command
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="gaischema-conformance",
        description="Run the gaischema conformance suite against an implementation (default: this installation).")
    parser.add_argument("--command", help="the implementation: a command that validates the files appended to it "
                        "and prints JSON findings (e.g. 'gaischema validate --format json')")
    parser.add_argument("--suite", type=Path, help="a suite folder (default: the suite this package ships)")
    parser.add_argument("--skip-optional", action="store_true", help="leave out the optional groups and their rules")
    parser.add_argument("--report", type=Path, help="write the results report (JSON) to this file ('-': stdout)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a case may take (default 60)")
    args = parser.parse_args(argv)
    command = None
    if args.command is not None:
        try:
            command = shlex.split(args.command)
        except ValueError as e:  # an unclosed quote
            parser.error(f"--command: {e}")
        if not command:  # an empty variable: never this installation's result under another's name
            parser.error("--command is empty")
    if not args.timeout > 0:
        parser.error("--timeout must be a positive number of seconds")
    if args.suite is not None and not (args.suite / "index.json").is_file():
        parser.error(f"--suite: no index.json in {args.suite}")
    if args.report and str(args.report) != "-":
        try:  # the one guard and writer of every output (links, devices, a missing folder): gaischema.output
            out.check_target(str(args.report), force=True)
        except out.OutputError as e:
            parser.error(f"--report: {e.rule} {e}")  # before the suite runs, not after
    report = results_report(command, args.suite, args.skip_optional, args.timeout)
    if args.report:
        text = json.dumps(report, ensure_ascii=False, indent=1)
        if str(args.report) == "-":
            print(text)
        else:
            try:
                out.write(str(args.report), text + "\n", force=True)
            except out.OutputError as e:
                print(f"gaischema-conformance: {e.rule} {e}", file=sys.stderr)
                return 2
    s = report["summary"]
    for r in report["results"]:
        if r["status"] in ("failed", "errored"):
            print(f"{r['status'].upper()} {r['id']}", file=sys.stderr)
    print(f"conformance: {s['passed']} passed, {s['failed']} failed, {s['errored']} errored, {s['skipped']} skipped "
          f"(suite {report['suite']['suite_version']})", file=sys.stderr if str(args.report) == "-" else sys.stdout)
    return 0 if s["conforms"] and s["cases"] else 1


if __name__ == "__main__":
    sys.exit(main())
