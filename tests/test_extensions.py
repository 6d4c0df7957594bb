"""A local extension (docs/extensions.md): the example in examples/extensions/zj/ is a national report with local
rows under extensions.zj. gaischema validate (the national standard) ignores them; linkml-validate with the
extension's schema checks them, and both keep the national rules untouched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml
from conftest import EXAMPLES, ROOT, gaischema_json

ZJ = EXAMPLES / "extensions" / "zj"
VALID, INVALID = ZJ / "AnnualReport-zj-beilun-2023.yaml", ZJ / "AnnualReport-zj-invalid-local-row.yaml"


def linkml_validate(*files: Path) -> subprocess.CompletedProcess:
    tool = str(Path(sys.executable).parent / "linkml-validate")
    return subprocess.run([tool, "--config", "linkml-validate.yaml", *map(str, files)], cwd=ZJ, capture_output=True,
                          text=True, timeout=300, check=False)


def test_gaischema_ignores_the_extension_and_keeps_the_national_rules(tmp_path):
    code, results = gaischema_json("validate", str(VALID), str(INVALID))
    assert code == 0 and [r["findings"] for r in results] == [[], []]
    schema = json.loads((ROOT / "generated" / "gaischema.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft201909Validator(schema).iter_errors(yaml.safe_load(INVALID.read_text("utf-8")))) == []
    broken = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    broken["reviews_and_litigation"]["administrative_review"]["total"] += 1
    (tmp_path / "r.yaml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    code, results = gaischema_json("validate", str(tmp_path / "r.yaml"))
    assert code == 1 and {f["rule"] for f in results[0]["findings"]} >= {"T4-TOTAL"}
    # outside extensions the national classes stay closed
    broken = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    broken["zj_major_decisions"] = 3
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    code, results = gaischema_json("validate", str(tmp_path / "s.yaml"))
    assert code == 1 and [f["rule"] for f in results[0]["findings"]] == ["SCHEMA-UNKNOWN-FIELD"]


def test_linkml_validate_with_the_extension_checks_its_rows_and_the_national_rules():
    """One run of linkml-validate (its start costs seconds) on three reports: the valid one, the one whose local
    rows break the extension, and the valid one with a national rule broken (T4-TOTAL, from gaischema's plugin)."""
    broken = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    broken["reviews_and_litigation"]["administrative_review"]["total"] += 1
    (ZJ / ".broken.yaml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    try:
        proc = linkml_validate(VALID, INVALID, ZJ / ".broken.yaml")
    finally:
        (ZJ / ".broken.yaml").unlink()
    assert proc.returncode == 1, proc.stdout + proc.stderr[-2000:]
    errors = [line for line in proc.stdout.splitlines() if line.startswith("[ERROR]")]
    by_file = {name: [e for e in errors if f"/{name}/0]" in e] for name in (VALID.name, INVALID.name, ".broken.yaml")}
    assert by_file[VALID.name] == [], errors
    assert len(by_file[INVALID.name]) == 2, errors
    assert "'unknown_row' was unexpected" in by_file[INVALID.name][0] and "/extensions/zj" in by_file[INVALID.name][0]
    assert "-2 is less than the minimum of 0" in by_file[INVALID.name][1]
    assert len(by_file[".broken.yaml"]) == 1 and "[T4-TOTAL]" in by_file[".broken.yaml"][0], errors
