"""The standard is implementable without this package: js/ (the npm package `gaischema`; its core module
js/src/index.mjs), a JavaScript validator that reads only the published files (the JSON Schema, through Ajv in
strict mode, generated/gaischema.rules.json and the labels of generated/gaischema.model.json), passes the whole
conformance suite (every group, the optional narrative and input ones too), judged here by gaischema's own comparison (gaischema.conformance.compare). This runs the
working tree's source; tests/test_npm.py runs the packed tarball. CI installs Node.js when the machine has
none (.ci/run)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import js_package
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
    # the package as it is in the tree, with its runtime dependencies only (no dev or peer package helps it)
    js = js_package(tmp_path, npm_ci=("--omit=dev", "--omit=peer"))
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
