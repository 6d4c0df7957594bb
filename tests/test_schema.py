"""The schema itself: lint-clean, documented, every official cell has one home and says which cell it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from gaischema import resources

SCHEMA = yaml.safe_load((ROOT / "schema" / "gaischema.yaml").read_text(encoding="utf-8"))
MODEL = resources.model()


def test_linkml_lint_reports_no_error():
    lint = Path(sys.executable).parent / "linkml-lint"
    proc = subprocess.run([str(lint), "--ignore-warnings", "schema/gaischema.yaml"], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_has_identity():
    assert SCHEMA["id"].startswith("https://w3id.org/")
    assert SCHEMA["version"] and SCHEMA["license"] and SCHEMA["prefixes"]["gaischema"].startswith("https://w3id.org/")
    assert "version_history" in SCHEMA["annotations"]


@pytest.mark.parametrize("kind", ["slots", "classes", "enums", "types"])
def test_every_element_has_ascii_name_title_and_description(kind):
    for name, el in SCHEMA[kind].items():
        assert name.isascii() and name.replace("_", "").isalnum(), name
        assert el.get("title"), f"{kind}.{name} has no title"
        assert el.get("description"), f"{kind}.{name} has no description"


def test_every_permissible_value_has_title_description_and_meaning():
    for ename, enum in SCHEMA["enums"].items():
        for pv_name, pv in enum["permissible_values"].items():
            assert pv.get("title") and pv.get("description") and pv.get("meaning"), f"{ename}.{pv_name}"


def test_counts_are_non_negative_integers():
    assert SCHEMA["types"]["count"]["typeof"] == "integer" and SCHEMA["types"]["count"]["minimum_value"] == 0
    assert SCHEMA["slots"]["change"]["range"] == "signed_count"  # 2019 本年增/减 may be negative
    assert SCHEMA["slots"]["fee_amount"]["range"] == "amount"  # 万元, a decimal


def test_cell_counts_per_version():
    cells = MODEL["cells"]
    by = {v: {t: sum(c["table"] == t for c in cells[v]) for t in "二三四"} for v in cells}
    assert by["v2021"] == {"二": 10, "三": 25 * 7, "四": 15}
    assert by["v2019"] == {"二": 22, "三": 23 * 7, "四": 15}


def test_every_cell_has_exactly_one_home_and_a_label():
    for version, cells in MODEL["cells"].items():
        paths = [c["path"] for c in cells]
        assert len(paths) == len(set(paths)), version
        labels = [(c["table"], c["row"], c["column"]) for c in cells]
        assert len(labels) == len(set(labels)), version
        for c in cells:
            assert c["row"] and c["column"] and not c["column"].isascii()


def test_table_three_rows_in_official_order():
    rows = []
    for c in MODEL["cells"]["v2021"]:
        if c["table"] == "三" and c["row"] not in rows:
            rows.append(c["row"])
    assert len(rows) == 25
    assert rows[0] == "一、本年新收政府信息公开申请数量"
    assert rows[7] == "三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益"
    assert rows[-2] == "三、本年度办理结果 / （七）总计"
    assert rows[-1] == "四、结转下年度继续办理"
    rows19 = {c["row"] for c in MODEL["cells"]["v2019"] if c["table"] == "三"}
    assert "三、本年度办理结果 / （六）其他处理" in rows19 and len(rows19) == 23


def test_enumerations_key_the_cells():
    """Each table-三 cell carries its applicant column, outcome and reason from the enumerations."""
    c = next(c for c in MODEL["cells"]["v2021"]
             if c["path"] == "applications.results.denied.third_party_rights.legal_service_org")
    assert c["keys"] == {"HandlingOutcomeEnum": "denied", "DenialReasonEnum": "third_party_rights",
                         "ApplicantColumnEnum": "legal_service_org"}
    enums = MODEL["enums"]
    for ename, count in [("DenialReasonEnum", 8), ("UnableReasonEnum", 3), ("NotProcessedReasonEnum", 5),
                         ("OtherHandlingReasonEnum", 3), ("ApplicantColumnEnum", 7)]:
        assert len(enums[ename]["values"]) == count
        used = {cell["keys"].get(ename) for cell in MODEL["cells"]["v2021"]}
        assert set(enums[ename]["values"]) <= used, ename
    # labels of keyed slots are the enumerations' titles
    for cname, cls in MODEL["classes"].items():
        if cls["keyed_by"]:
            values = enums[cls["keyed_by"]]["values"]
            for s in cls["slots"]:
                if "key" in s and s["name"] == s["key"]:
                    assert s["title"] == values[s["key"]]["title"], (cname, s["name"])


def test_rules_are_declared_with_id_severity_messages_and_source():
    ids = [r["id"] for r in MODEL["rules"]]
    assert len(ids) == len(set(ids))
    for r in MODEL["rules"]:
        assert r["severity"] in ("error", "warning")
        assert r["message_zh"] and r["message_en"] and r["source"] and r["description"]
    assert {"T3-BALANCE", "T3-ROW-TOTAL", "T3-RESULTS-TOTAL", "T4-TOTAL", "FORMAT-VERSION-YEAR",
            "META-PERIOD-START", "META-PERIOD-END", "META-PUBLISHED-AFTER-YEAR", "META-DEADLINE"} <= set(ids)


def test_readme_names_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for r in MODEL["rules"]:
        assert f"`{r['id']}`" in readme, r["id"]
