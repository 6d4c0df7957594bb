"""The standard is implementable without this package: js/ (the npm package `gaischema`; its core module
js/src/index.mjs), a JavaScript validator that reads only the published files (the JSON Schema, through Ajv in
strict mode, generated/gaischema.rules.json and the labels of generated/gaischema.model.json), passes the whole
conformance suite (every group, the optional narrative and input ones too), judged here by gaischema's own comparison (gaischema.conformance.compare). This runs the
working tree's source; tests/test_npm.py runs the packed tarball. CI installs Node.js when the machine has
none (.ci/run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT
from test_conformance import ALL

from gaischema.conformance import compare

NODE, NPM = shutil.which("node"), shutil.which("npm")
RUN_ALL = """
import fs from "node:fs";
import {runCase} from "./src/index.mjs";
const out = {};
for (const p of process.argv.slice(1)) { const c = JSON.parse(fs.readFileSync(p, "utf8")); out[c.id] = runCase(c); }
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(NODE is None or NPM is None, reason="needs Node.js and npm (.ci/run installs them)")
def test_javascript_implementation_passes_the_conformance_suite(tmp_path):
    # the package folder as it is in the tree, beside the repository's generated/ and licence (what its build reads)
    js = tmp_path / "js"
    js.mkdir()
    for name in ("src", "scripts"):
        shutil.copytree(ROOT / "js" / name, js / name)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / "js" / name, js / name)
    for name in ("generated", "LICENSE", "LICENSES"):
        os.symlink(ROOT / name, tmp_path / name)
    proc = subprocess.run([NPM, "ci", "--omit=dev", "--omit=peer", "--silent", "--no-audit", "--no-fund"], cwd=js,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, f"npm ci failed: {proc.stderr[-1000:]}"
    proc = subprocess.run([NODE, "scripts/build.mjs"], cwd=js, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    run = subprocess.run([NODE, "--input-type=module", "-e", RUN_ALL, *map(str, ALL)],
                         cwd=js, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout)
    assert len(found) == len(ALL)
    wrong = []
    for path in ALL:
        case = json.loads(path.read_text(encoding="utf-8"))
        if not compare(found[case["id"]], case):
            wrong.append(case["id"])
    assert wrong == [], f"the JavaScript implementation disagrees on {wrong}"
