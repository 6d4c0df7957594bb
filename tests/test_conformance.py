"""The conformance suite (generated/conformance/) as a specification: an index and a case schema every case
validates against, a suite version, every rule broken by a case, each cross-report rule in a case of its own,
the heuristic and input-level cases in optional groups, every case's expected findings explained by its intent
(the check is the build's, and it catches a finding the intent does not explain); gaischema's own validator
passes every case. Also: the JSON Schema compiles in Ajv's strict mode; the pydantic models reject what the JSON
Schema rejects; the compiled rules file is complete."""

from __future__ import annotations

import copy
import glob
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, ROOT, intended_rule

from gaischema.conformance import GROUPS, SUITE_VERSION, case_paths, compare, explain, load_index, run_case

ALL = case_paths()
CASES = [p for p in ALL if "reports" in json.loads(p.read_text(encoding="utf-8"))]  # JSON reports (no input text)
SUITE = ROOT / "generated" / "conformance"
RULES = json.loads((ROOT / "generated" / "gaischema.rules.json").read_text(encoding="utf-8"))


def _case(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_suite_breaks_every_rule_in_both_versions():
    assert len(ALL) >= 70
    broken: dict[str, list[str]] = {}
    versions = set()
    for path in ALL:
        case = _case(path)
        versions |= {r.get("format_version") for r in case.get("reports", [])}
        for rule in case["intent"]["breaks"]:
            assert any(f["rule"] == rule for f in case["findings"]), (case["id"], rule)
            broken.setdefault(rule, []).append(case["id"])
    declared = set(RULES["rules"])
    unreachable = set(load_index()["unreachable"])
    assert declared - set(broken) == unreachable == {"SCHEMA-OTHER", "XR-NOT-PUBLISHED"}
    assert {r for r in broken if r.startswith("INPUT-")} >= {"INPUT-DUPLICATE-KEY", "INPUT-YAML", "INPUT-NUMBER"}
    assert {"v2019", "v2021"} <= versions
    for rule in ("T2-BLANK", "T3-BLANK", "T4-BLANK", "T3-ROW-TOTAL", "T3-RESULTS-TOTAL", "T3-BALANCE", "T4-TOTAL",
                 "FORMAT-VERSION-YEAR"):  # each table rule broken in each format version by a generated change
        assert {f"v2019-{rule.lower()}", f"v2021-{rule.lower()}"} <= set(broken[rule]), rule
    assert any(not _case(p)["findings"] for p in ALL)  # positive cases too


def test_schema_other_is_unreachable_every_assertion_keyword_has_its_rule():
    schema = json.loads((ROOT / "generated" / "gaischema.schema.json").read_text(encoding="utf-8"))
    used = set()

    def walk(node):
        if isinstance(node, dict):
            used.update(node)
            for k, v in node.items():
                if k in ("properties", "$defs"):
                    for sub in v.values():
                        walk(sub)
                elif k not in ("enum", "const", "default", "examples"):
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    annotations = {"$schema", "$id", "$ref", "$defs", "title", "description", "properties", "items", "anyOf", "version",
                   "default", "examples"}  # no error of their own (anyOf: the branch's errors are the findings)
    mapped = {k for r in RULES["jsonschema"] if r["rule"] != "SCHEMA-OTHER" for k in r["keywords"]}
    assert used - annotations <= mapped, "a keyword only SCHEMA-OTHER catches: add a case breaking it"
    assert next(r for r in RULES["jsonschema"] if r["rule"] == "SCHEMA-OTHER")["keywords"] == ["*"]


def test_each_cross_report_rule_has_a_case_of_its_own():
    for rule in (r for r, v in RULES["rules"].items() if v["kind"] in ("cross_report", "near_duplicate")):
        own = [c for c in map(_case, ALL) if c["intent"]["breaks"] == [rule]]
        assert own, rule
        assert all(len(c["reports"]) == 2 and {f["rule"] for f in c["findings"]} == {rule} for c in own), rule


def test_heuristic_and_input_cases_are_optional():
    index = load_index()
    optional = set(index["optional_rules"])
    assert {r for r in RULES["rules"] if r.startswith("NARR-")} | {"XR-NARRATIVE-SIMILAR"} <= optional
    assert not optional & {"T3-BALANCE", "SCHEMA-TYPE", "XR-CARRY-OVER", "META-DEADLINE"}
    for case in map(_case, ALL):
        assert case["optional"] == GROUPS[case["group"]][0]
        # a case made to break only optional rules is optional; a required case may also expect findings of
        # optional rules, which an implementation without them leaves out (compare's leave_out)
        if (case["intent"]["breaks"] and set(case["intent"]["breaks"]) <= optional) or "input" in case:
            assert case["optional"], case["id"]
    assert {g["id"] for g in index["groups"] if g["optional"]} == {"narrative", "input"}


def test_every_case_validates_against_the_case_schema_and_is_in_the_index():
    schema = json.loads((SUITE / "case.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft201909Validator.check_schema(schema)
    validator = jsonschema.Draft201909Validator(schema)
    index = load_index()
    assert index["suite_version"] == SUITE_VERSION and re.fullmatch(r"\d+\.\d+\.\d+", SUITE_VERSION)
    assert index["standard_version"] == RULES["schema_version"]
    listed = {c["file"]: c for c in index["cases"]}
    assert sorted(listed) == sorted(str(p.relative_to(SUITE)) for p in ALL)
    for path in ALL:
        case = _case(path)
        errors = [e.message for e in validator.iter_errors(case)]
        assert errors == [], (path.name, errors[:3])
        entry = listed[str(path.relative_to(SUITE))]
        assert (entry["id"], entry["group"], entry["rules"]) == (case["id"], case["group"], case["rules"])
        assert path.parent.name == case["group"]
    broken = [copy.deepcopy(_case(ALL[0]))]
    broken[0]["findings"].append({"report": 0, "rule": "T3-BALANCE", "severity": "bad", "path": "x"})
    assert list(validator.iter_errors(broken[0]))  # the schema can fail


def test_every_specification_reference_is_a_section_of_the_rule_language_page():
    page = (ROOT / "docs" / "rule-language.md").read_text(encoding="utf-8")
    anchors = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
               for h in re.findall(r"^#{2,3} (.+)$", page, flags=re.M)}
    used = {ref.split("#")[1] for c in map(_case, ALL) for ref in c["specification"]}
    assert used and used <= anchors, used - anchors


def test_every_case_is_explained_by_its_intent():
    for path in ALL:
        case = _case(path)
        problems, reasons = explain(case, RULES)
        assert problems == [], (case["id"], problems)
        assert len(reasons) == len(case["findings"])
        assert case["rationale"] and case["description"]


def test_the_intent_check_refuses_findings_the_intent_does_not_explain():
    case = _case(SUITE / "cases" / "tables" / "v2021-t3-row-total.json")
    assert explain(case, RULES)[0] == []
    extra = copy.deepcopy(case)  # a bug of ours made normative: a finding no change explains
    extra["findings"].append({"report": 0, "rule": "T4-TOTAL", "severity": "error",
                              "path": "reviews_and_litigation.administrative_review.total", "reported": 1, "expected": 0})
    assert any("T4-TOTAL" in p for p in explain(extra, RULES)[0])
    missing = copy.deepcopy(case)  # the broken rule's finding lost
    missing["findings"] = [f for f in missing["findings"] if f["rule"] != "T3-ROW-TOTAL"]
    assert any("no expected finding is of T3-ROW-TOTAL" in p for p in explain(missing, RULES)[0])
    moved = copy.deepcopy(case)  # the broken rule's finding elsewhere than the changed cell
    for f in moved["findings"]:
        if f["rule"] == "T3-ROW-TOTAL":
            f["path"] = "applications.results.partially_granted.total"
    assert any("no T3-ROW-TOTAL finding is at" in p for p in explain(moved, RULES)[0])
    valid = copy.deepcopy(_case(SUITE / "cases" / "valid" / "beilun-2023.json"))
    valid["findings"] = case["findings"]
    assert explain(valid, RULES)[0]


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gaischema_passes_the_case(path):
    case = _case(path)
    assert compare(run_case(case), case)


def test_an_implementation_without_the_optional_groups_passes_the_required_cases():
    optional = set(load_index()["optional_rules"])
    for path in CASES:
        case = _case(path)
        if case["optional"]:
            continue
        found = [f for f in run_case(case) if f["rule"] not in optional]  # an implementation with no NARR-* rules
        assert compare(found, case, leave_out=optional), case["id"]
        assert not compare(found, case) or not any(f["rule"] in optional for f in case["findings"])


def test_json_schema_has_no_keywords_strict_validators_refuse():
    schema = json.loads((ROOT / "generated" / "gaischema.schema.json").read_text(encoding="utf-8"))
    assert "metamodel_version" not in schema
    # versioned: the $id is the w3id address of this version's JSON Schema; LinkML's `version` (no JSON Schema
    # keyword, refused by Ajv's strict mode) is not kept
    assert "version" not in schema
    assert schema["$id"] == f"https://w3id.org/gaischema/v{RULES['schema_version']}/gaischema.schema.json"
    text = json.dumps(schema)
    assert '"allOf": []' not in text and "{}" not in text.replace('"default": {}', "")


AJV = """
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import fs from "fs";
const ajv = new Ajv2019({strict: true, allErrors: true});
addFormats(ajv);
for (const p of process.argv.slice(2)) ajv.compile(JSON.parse(fs.readFileSync(p, "utf8")));
console.log("strict ok");
"""


@pytest.mark.skipif(shutil.which("npm") is None or shutil.which("node") is None, reason="needs node and npm")
def test_json_schema_compiles_in_ajv_strict_mode(tmp_path, js_tree):
    # Ajv 8 and ajv-formats 3 as the npm package's lockfile has them (js_tree: installed once a test run), found
    # by the script through a node_modules beside it
    os.symlink(js_tree / "node_modules", tmp_path / "node_modules")
    versions = {n: json.loads((js_tree / "node_modules" / n / "package.json").read_text())["version"]
                for n in ("ajv", "ajv-formats")}
    assert versions["ajv"].startswith("8.") and versions["ajv-formats"].startswith("3."), versions
    assert "addKeyword" not in AJV and "strict: true" in AJV  # the file as shipped, no keyword declared
    (tmp_path / "check.mjs").write_text(AJV, encoding="utf-8")
    run = subprocess.run(["node", "check.mjs", str(ROOT / "generated" / "gaischema.schema.json"),
                          str(SUITE / "case.schema.json")], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0 and "strict ok" in run.stdout, run.stderr[-2000:]


def test_pydantic_models_reject_every_structurally_invalid_example():
    import pydantic

    from gaischema.pydantic_models import AnnualReport

    checked = 0
    for path in sorted(glob.glob(str(EXAMPLES / "invalid" / "AnnualReport-schema-*.yaml"))):
        if "unquoted-date" in path:
            continue  # a YAML date object is a fine date in Python; only the JSON data model lacks dates
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        with pytest.raises(pydantic.ValidationError):
            AnnualReport(**data)
        checked += 1
        assert intended_rule(Path(path)).startswith("SCHEMA-")
    assert checked == 10


def test_compiled_rules_name_every_rule_and_version():
    compiled = json.loads((ROOT / "generated" / "gaischema.rules.json").read_text(encoding="utf-8"))
    assert set(compiled["versions"]) == {"v2019", "v2021"}
    for version, v in compiled["versions"].items():
        assert {c["rule"] for c in v["checks"]} >= {"T3-ROW-TOTAL", "T3-BALANCE", "T3-RESULTS-TOTAL", "T4-TOTAL"}
        assert {c["rule"] for c in v["complete"]} == {"T2-BLANK", "T3-BLANK", "T4-BLANK"}
        assert [c["rule"] for c in v["version_structure"]] and v["identities"] and v["narrative"]


STOCK = [  # (file in generated/, the stock command) - documented in docs/contributing.md
    ("pydantic_models.py", ["gen-pydantic", "schema/gaischema.yaml"]),
    ("datamodel.py", ["gen-python", "schema/gaischema.yaml"]),
    ("gaischema.context.jsonld", ["gen-jsonld-context", "--no-metadata", "schema/gaischema.yaml"]),
    ("gaischema.shacl.ttl", ["gen-shacl", "schema/gaischema.yaml"]),
    ("gaischema.schema.json", ["gen-json-schema", "--title-from", "title", "schema/gaischema.yaml"]),
]


@pytest.mark.parametrize("name,command", STOCK, ids=[s[0] for s in STOCK])
def test_stock_linkml_generators_reproduce_generated(name, command):
    import sys

    tool = str(Path(sys.executable).parent / command[0])
    proc = subprocess.run([tool, *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-1000:]
    text = proc.stdout
    if name.endswith(".json"):  # the documented post-step, as docs/contributing.md writes it, run by jq
        assert shutil.which("jq"), "jq runs the documented post-step (.ci/run installs it)"
        post = subprocess.run(["jq", "--indent", "4", _documented_jq_program()], input=text, capture_output=True,
                              text=True, timeout=60, check=False)
        assert post.returncode == 0, post.stderr
        text = post.stdout
    assert text.rstrip("\n") == (ROOT / "generated" / name).read_text(encoding="utf-8").rstrip("\n")


def _documented_jq_program() -> str:
    """The jq program of the gen-json-schema line in docs/contributing.md (between its single quotes)."""
    page = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    m = re.search(r"gen-json-schema --title-from title schema/gaischema\.yaml \| jq --indent 4 '([^']*)'", page)
    assert m, "docs/contributing.md documents the JSON Schema's post-step"
    return m.group(1)


def test_the_python_post_step_is_the_documented_one():
    from gaischema.build import strict_json_schema

    raw = {"$id": "https://w3id.org/gaischema", "metamodel_version": "1.7.0", "version": "9.8.7", "title": "标准",
           "$defs": {"A": {"allOf": [{}, {"if": {}}], "properties": {"x": {"allOf": [{}]}}}}}
    post = subprocess.run(["jq", "--indent", "4", _documented_jq_program()], input=json.dumps(raw),
                          capture_output=True, text=True, timeout=60, check=True)
    assert strict_json_schema(json.dumps(raw)) == post.stdout.rstrip("\n")
    assert json.loads(post.stdout) == {"$id": "https://w3id.org/gaischema/v9.8.7/gaischema.schema.json", "title": "标准",
                                       "$defs": {"A": {"allOf": [{"if": {}}], "properties": {"x": {}}}}}


# what LinkML itself (no gaischema plugin) enforces: the JSON Schema's types, ranges, enumerations, patterns,
# minimum values and required cells. The rest is beyond LinkML's rule syntax (docs/rule-language.md).
NATIVE = {"SCHEMA-ENUM", "SCHEMA-FORMAT", "SCHEMA-MINIMUM", "SCHEMA-REQUIRED", "SCHEMA-TYPE", "SCHEMA-UNKNOWN-FIELD",
          "T2-BLANK", "T3-BLANK", "T4-BLANK"}


def test_stock_linkml_validator_catches_every_rule_linkml_can_express():
    from linkml.validator import Validator
    from linkml.validator.plugins import JsonschemaValidationPlugin

    stock = Validator(str(ROOT / "schema" / "gaischema.yaml"), validation_plugins=[JsonschemaValidationPlugin(closed=True)])
    caught, passed = set(), set()
    for path in sorted((EXAMPLES / "invalid").glob("*.yaml")):
        report = stock.validate(yaml.safe_load(path.read_text(encoding="utf-8")), "AnnualReport")
        (caught if report.results else passed).add(intended_rule(path))
    assert caught == NATIVE
    assert passed == {"FORMAT-VERSION-TABLES", "META-FEE-AMOUNT", "META-PERIOD-END", "META-PERIOD-START",
                      "META-PUBLISHED-AFTER-YEAR", "T3-BALANCE", "T3-RESULTS-TOTAL", "T3-ROW-TOTAL", "T4-TOTAL",
                      "TABLES-MISSING"}


# ------------------------------------------------------------------------------------------------ stated by hand
def test_every_case_states_its_findings_in_its_source():
    """The expected findings come from the case's source, written by hand (an example's `# Expect:` lines, an
    entry of build.MUTATIONS/CROSS_PAIRS), never from running the implementation: an example that breaks a rule
    states at least one finding of that rule, and a valid one states none."""
    from gaischema.build import expected_in

    for path in sorted(EXAMPLES.glob("*/AnnualReport-*.yaml")):
        stated = expected_in(path)
        rule = intended_rule(path, required=False)
        if path.parent.name == "valid" or path.parent.name == "cross" and rule is None:
            assert stated == [], path.name
        elif path.parent.name != "cross":
            assert rule in {e["rule"] for e in stated}, path.name


def test_the_build_fails_when_gaischema_disagrees_with_a_stated_finding():
    from gaischema.build import SuiteError, disagreement, expected_in, stated_findings

    path = EXAMPLES / "invalid" / "AnnualReport-t4-total.yaml"
    rules = {r["id"]: r for r in json.loads((ROOT / "generated" / "gaischema.model.json").read_text(
        encoding="utf-8"))["rules"]}
    stated = stated_findings(expected_in(path), rules)
    assert stated == [{"report": 0, "rule": "T4-TOTAL", "severity": "error",
                       "path": "reviews_and_litigation.administrative_review.total", "reported": 3, "expected": 2}]
    found = run_case({"reports": [yaml.safe_load(path.read_text(encoding="utf-8"))]})
    assert disagreement(found, stated) == []
    wrong = [dict(stated[0], expected=3)]  # a wrong hand-stated value is a disagreement, not a new snapshot
    assert disagreement(found, wrong) and any("stated but not found" in w for w in disagreement(found, wrong))
    with pytest.raises(SuiteError):
        stated_findings([{"rule": "T4-TOTAL"}], rules)  # a finding must state its path


# ------------------------------------------------------------------------------------------------ the runner
def test_the_runner_runs_an_implementation_by_its_command_and_reports_in_the_documented_format(tmp_path):
    """gaischema-conformance --command: each case's files (reports named 0, 1, …; an input case's text under its
    name) given to a command that prints JSON findings. gaischema's own command line passes; the same command
    without the cross-report rules fails the cross-report case with its two findings missing."""
    import sys

    from conftest import mini_suite

    from gaischema.conformance import main

    suite = mini_suite(tmp_path / "suite", ["t4-total", "xr-narrative-similar", "input-duplicate-key"])
    me = Path(sys.executable).parent / "gaischema"
    schema = json.loads((SUITE / "results.schema.json").read_text(encoding="utf-8"))
    assert main(["--suite", str(suite), "--command", f"{me} validate --format json", "--report",
                 str(tmp_path / "good.json")]) == 0
    good = json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))
    jsonschema.validate(good, schema)
    assert good["summary"] == {"cases": 3, "passed": 3, "failed": 0, "errored": 0, "skipped": 0, "conforms": True}
    assert main(["--suite", str(suite), "--command", f"{me} validate --format json --no-cross", "--report",
                 str(tmp_path / "bad.json")]) == 1
    bad = json.loads((tmp_path / "bad.json").read_text(encoding="utf-8"))
    jsonschema.validate(bad, schema)
    failed = [r for r in bad["results"] if r["status"] != "passed"]
    assert [r["id"] for r in failed] == ["xr-narrative-similar"]
    assert failed[0]["missing"][0][:4] == [1, "XR-NARRATIVE-SIMILAR", "warning", "problems_and_improvements"]
    assert main(["--suite", str(suite), "--command", "false", "--report", str(tmp_path / "err.json")]) == 1
    assert {r["status"] for r in json.loads((tmp_path / "err.json").read_text(encoding="utf-8"))["results"]} == {"errored"}


def test_the_suite_and_its_runner_are_in_the_wheel():
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'gaischema-conformance = "gaischema.conformance:main"' in project
    assert '"conformance/*.json"' in project and '"conformance/cases/*/*.json"' in project
    assert (SUITE / "results.schema.json").exists()
