"""The standard is implementable without this package: js/src/index.mjs (the npm package's core module), a small JavaScript validator that
reads only the published files (the JSON Schema, through Ajv in strict mode, and generated/gaischema.rules.json),
passes the whole conformance suite. CI installs Node.js when the machine has none (.ci/run)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT
from test_conformance import CASES

from gaischema.conformance import compare

NODE, NPM = shutil.which("node"), shutil.which("npm")


@pytest.mark.skipif(NODE is None or NPM is None, reason="needs Node.js and npm (.ci/run installs them)")
def test_javascript_implementation_passes_the_conformance_suite(tmp_path):
    (tmp_path / "src").mkdir()
    shutil.copy(ROOT / "js" / "src" / "index.mjs", tmp_path / "src" / "index.mjs")
    shutil.copy(ROOT / "js" / "package.json", tmp_path / "package.json")
    proc = subprocess.run([NPM, "install", "--silent", "--no-audit", "--no-fund"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600, check=False)
    assert proc.returncode == 0, f"npm install failed: {proc.stderr[-1000:]}"
    run = subprocess.run([NODE, "src/index.mjs", str(ROOT / "generated" / "gaischema.schema.json"),
                          str(ROOT / "generated" / "gaischema.rules.json"), *map(str, CASES)],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout)
    assert len(found) == len(CASES)
    wrong = []
    for path in CASES:
        case = json.loads(path.read_text(encoding="utf-8"))
        if not compare(found[case["id"]], case):
            wrong.append(case["id"])
    assert wrong == [], f"the JavaScript implementation disagrees on {wrong}"
