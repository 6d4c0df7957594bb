"""The conformance suite (generated/conformance/): gaischema's own validator passes every case; the JSON Schema
compiles in Ajv's strict mode; the pydantic models reject what the JSON Schema rejects; the compiled rules file
is complete."""

from __future__ import annotations

import glob
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT, intended_rule

from gaischema.conformance import case_paths, compare, run_case

CASES = case_paths()


def test_the_suite_covers_every_rule_in_both_versions():
    assert len(CASES) >= 60
    rules = Counter()
    versions = set()
    for path in CASES:
        case = json.loads(path.read_text(encoding="utf-8"))
        versions |= {r.get("format_version") for r in case["reports"]}
        rules.update({f["rule"] for f in case["findings"]})
    declared = set(json.loads((ROOT / "generated" / "gaischema.rules.json").read_text(encoding="utf-8"))["rules"])
    # SCHEMA-OTHER: no input reaches it; the unquoted YAML date has no JSON form
    assert declared - set(rules) == {"SCHEMA-OTHER"}
    assert {"v2019", "v2021"} <= versions
    assert any(not json.loads(p.read_text(encoding="utf-8"))["findings"] for p in CASES)  # positive cases too


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_gaischema_passes_the_case(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    assert compare(run_case(case), case)


def test_json_schema_has_no_keywords_strict_validators_refuse():
    schema = json.loads((ROOT / "generated" / "gaischema.schema.json").read_text(encoding="utf-8"))
    assert "metamodel_version" not in schema and "version" not in schema
    text = json.dumps(schema)
    assert '"allOf": []' not in text and "{}" not in text.replace('"default": {}', "")


AJV = """
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import fs from "fs";
const ajv = new Ajv2019({strict: true, allErrors: true});
addFormats(ajv);
ajv.compile(JSON.parse(fs.readFileSync(process.argv[2], "utf8")));
console.log("strict ok");
"""


@pytest.mark.skipif(shutil.which("npm") is None or shutil.which("node") is None, reason="needs node and npm")
def test_json_schema_compiles_in_ajv_strict_mode(tmp_path):
    proc = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "ajv@8", "ajv-formats@3"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    if proc.returncode:
        pytest.skip(f"npm could not install ajv: {proc.stderr[-300:]}")
    (tmp_path / "check.mjs").write_text(AJV, encoding="utf-8")
    run = subprocess.run(["node", "check.mjs", str(ROOT / "generated" / "gaischema.schema.json")], cwd=tmp_path,
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
    assert checked == 9


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

    from gaischema.build import strict_json_schema

    tool = str(Path(sys.executable).parent / command[0])
    proc = subprocess.run([tool, *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-1000:]
    text = strict_json_schema(proc.stdout) if name.endswith(".json") else proc.stdout
    assert text.rstrip("\n") == (ROOT / "generated" / name).read_text(encoding="utf-8").rstrip("\n")


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
