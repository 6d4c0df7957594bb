"""The npm package (js/), tested as a user gets it: ``npm pack`` in js/, the tarball installed into an empty
folder with ``npm install ./gaischema-X.Y.Z.tgz`` (its dependencies from the npm registry), then the installed
command ``npx gaischema-js``: it passes the conformance suite, and on every bundled example its findings are
those of ``gaischema validate --format json`` (rule, severity, path, cell, reported, expected, messages). One
pack and install per session (a module fixture); skipped only where Node.js or npm is missing (.ci/run installs
them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from collections import Counter
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from conftest import EXAMPLES, ROOT, gaischema_json, mini_suite

from gaischema.extract.pipeline import extract
from gaischema.workbook import build

NODE, NPM, NPX = shutil.which("node"), shutil.which("npm"), shutil.which("npx")
pytestmark = pytest.mark.skipif(NODE is None or NPM is None or NPX is None,
                                reason="needs Node.js and npm (.ci/run installs them)")
EXAMPLE_DIRS = ["examples/valid", "examples/invalid", "examples/warning", "examples/cross"]


def _run(cmd: list, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False)


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> dict:
    """The packed tarball, installed into an empty folder."""
    work = tmp_path_factory.mktemp("npm")
    # js/ as committed, beside the repository's generated/ and licence (what its build reads): the checkout is
    # not written to, and the committed package.json is what is packed
    source = work / "src"
    (source / "js").mkdir(parents=True)
    for name in ("src", "scripts"):
        shutil.copytree(ROOT / "js" / name, source / "js" / name)
    for name in ("package.json", "package-lock.json", "README.md"):
        shutil.copy(ROOT / "js" / name, source / "js" / name)
    for name in ("generated", "LICENSE", "LICENSES"):
        os.symlink(ROOT / name, source / name)
    for name in ("types",):
        shutil.copytree(ROOT / "js" / name, source / "js" / name)
    # the package's data (generated/'s files, the suite, the declarations) is built before packing, as the README
    # says (`npm run build`): no install or pack script runs it, so the packed manifest names no unshipped script
    proc = _run([NPM, "run", "--silent", "build"], source / "js")
    assert proc.returncode == 0, proc.stderr[-2000:]
    proc = _run([NPM, "pack", "--json", "--pack-destination", work], source / "js")
    assert proc.returncode == 0, proc.stderr[-2000:]
    packed = json.loads(proc.stdout)[0]
    tarball = work / packed["filename"]
    folder = work / "app"
    folder.mkdir()
    (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    # exceljs: the optional peer dependency of gaischema/workbook, installed as its users install it
    proc = _run([NPM, "install", "--no-audit", "--no-fund", "--loglevel=error", f"../{tarball.name}", "exceljs@^4.4.0",
                 "typescript@^5.4"], folder)  # typescript: a TypeScript user's check of the package's types
    assert proc.returncode == 0, f"npm install failed: {proc.stderr[-2000:]}"
    return {"tarball": tarball, "folder": folder, "files": [f["path"] for f in packed["files"]]}


def npx(app: dict, *args, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The installed command through npx, run from the repository (file names as gaischema's CLI gets them)."""
    return _run([NPX, "--no-install", "--prefix", app["folder"], "gaischema-js", *args], cwd, timeout=300)


def command(app: dict, *args, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The same installed command, started directly (npx costs a second or two a call)."""
    return _run([app["folder"] / "node_modules" / ".bin" / "gaischema-js", *args], cwd, timeout=300)


def test_the_tarball_carries_the_standard_of_its_version(app):
    with tarfile.open(app["tarball"]) as tar:
        pkg = json.load(tar.extractfile("package/package.json"))
        data = {name: tar.extractfile(f"package/data/{name}").read()
                for name in ("gaischema.schema.json", "gaischema.rules.json", "gaischema.model.json")}
    standard = json.loads((ROOT / "generated" / "gaischema.model.json").read_text(encoding="utf-8"))["version"]
    assert pkg["name"] == "gaischema"
    assert pkg["version"] == standard == installed_version("gaischema")  # one version everywhere
    assert pkg["version"] in app["tarball"].name
    for name, content in data.items():  # copied at pack time, never edited: no drift from generated/
        assert content == (ROOT / "generated" / name).read_bytes(), f"{name} differs from generated/"
    assert pkg["license"] == "MIT AND CC0-1.0"
    assert {"LICENSE", "LICENSES/CC0-1.0.txt", "README.md", "src/index.mjs", "src/cli.mjs",
            "data/standard.mjs"} <= set(app["files"])
    assert not [f for f in app["files"] if f.startswith(("node_modules", "page/", "scripts/"))]
    # the committed package.json names the version the build sets (a stale one fails here, not at release)
    assert json.loads((ROOT / "js" / "package.json").read_text(encoding="utf-8"))["version"] == standard


def test_the_exports_resolve_and_the_core_imports_no_node_module(app):
    script = ("import * as g from 'gaischema'; import s from 'gaischema/schema.json' with {type: 'json'};"
              "import {builtinModules} from 'node:module'; import fs from 'node:fs';"
              "import {createRequire} from 'node:module';"
              "const core = fs.readFileSync(createRequire(import.meta.url).resolve('gaischema'), 'utf8');"
              "const imports = [...core.matchAll(/^import .* from \"([^\"]+)\";$/gm)].map(m => m[1]);"
              "console.log(JSON.stringify({version: g.version, id: s.$id, imports,"
              " builtin: imports.filter(i => i.startsWith('node:') || builtinModules.includes(i)),"
              " names: Object.keys(g).sort()}));")
    proc = _run([NODE, "--input-type=module", "-e", script], app["folder"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    assert out["version"] == installed_version("gaischema")
    assert out["id"].startswith("https://w3id.org/gaischema")
    assert {"ajv/dist/2019.js", "yaml", "@noble/hashes/legacy"} <= set(out["imports"])
    assert out["builtin"] == []  # no fs, crypto or process in the core: it runs in a browser as it is
    assert {"validate", "crossCheck", "parseReport", "InputError", "schema", "rules", "version"} <= set(out["names"])


def test_the_installed_command_passes_the_conformance_suite(app):
    suite = ROOT / "generated" / "conformance"
    cases = json.loads((suite / "index.json").read_text(encoding="utf-8"))["cases"]  # every group, optional too
    proc = npx(app, "conformance", suite)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == f"{len(cases)} passed, 0 failed"
    assert len(cases) >= 70 and {c["group"] for c in cases} >= {"valid", "tables", "narrative", "input"}


def test_a_case_it_fails_is_counted_and_the_exit_code_says_so(app, tmp_path):
    case = json.loads((ROOT / "generated" / "conformance" / "cases" / "tables" / "t3-row-total.json").read_text(
        encoding="utf-8"))
    case["findings"] = case["findings"][1:]  # one finding fewer than the report has
    (tmp_path / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    proc = command(app, "conformance", tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.strip() == "0 passed, 1 failed"
    assert case["id"] in proc.stderr


def _by_result(results: list) -> dict:
    return {r["file"]: (r["valid"], Counter(json.dumps(f, ensure_ascii=False, sort_keys=True)
                                                                   for f in r["findings"])) for r in results}


def test_findings_agree_with_gaischema_validate_on_every_example(app):
    py_code, py = gaischema_json("validate", *EXAMPLE_DIRS)
    proc = npx(app, "validate", "--format", "json", *EXAMPLE_DIRS)
    assert proc.returncode == py_code == 1, proc.stderr[-2000:]
    js = json.loads(proc.stdout)
    files = sum(1 for d in EXAMPLE_DIRS for _ in (ROOT / d).glob("*.yaml"))
    assert len(js) == len({r["file"] for r in js}) == files  # one result per file, cross-report findings in it
    assert any("previous" in f for r in js for f in r["findings"])
    py_results, js_results = _by_result(py), _by_result(js)
    assert py_results.keys() == js_results.keys()
    differ = [k for k in py_results if py_results[k] != js_results[k]]
    assert differ == [], f"the findings differ on {differ[:5]}: {[(py_results[k], js_results[k]) for k in differ[:1]]}"
    assert sum(len(c) for _, c in js_results.values()) > 60


def test_unreadable_input_is_the_same_input_finding_and_exit_2(app, tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("organ: [unclosed\n", encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("  \n", encoding="utf-8")
    key = tmp_path / "key.yaml"
    key.write_text("organ: 甲县统计局\nyes: 1\n", encoding="utf-8")  # YAML 1.1 reads the key yes as true
    package = tmp_path / "package.json"  # a mapping, but none of its keys is a field of a report
    package.write_text('{"name": "gaischema", "version": "0.2.0", "type": "module"}', encoding="utf-8")
    for path, rule in ((bad, "INPUT-YAML"), (empty, "INPUT-EMPTY"), (key, "INPUT-KEY"), (package, "INPUT-NOT-REPORT")):
        proc = command(app, "validate", "--format", "json", path)
        assert proc.returncode == 2, proc.stderr
        [result] = json.loads(proc.stdout)
        py_code, [py_result] = gaischema_json("validate", str(path))
        assert py_code == 2
        assert [f["rule"] for f in result["findings"]] == [f["rule"] for f in py_result["findings"]] == [rule]
        assert result["valid"] is False and result["findings"][0]["severity"] == "fatal"


def test_usage_errors_exit_2_without_a_stack_trace(app):
    for args in ((), ("validate",), ("validate", "--format", "xml", "x.yaml"), ("conformance", "--bogus"),
                 ("conformance", "--command"), ("conformance", "a", "b"), ("frobnicate",)):
        proc = command(app, *args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert "usage: gaischema-js" in proc.stderr and "    at " not in proc.stderr
    proc = command(app, "validate", "examples/valid/AnnualReport-beilun-2023.yaml")
    assert proc.returncode == 0 and "有效，无问题 / valid, no findings" in proc.stdout


READ_BOOKS = """
import fs from "node:fs";
import {readWorkbook} from "gaischema/workbook";
const out = {};
for (const f of process.argv.slice(1)) {
  try { out[f] = await readWorkbook(fs.readFileSync(f)); } catch (e) { out[f] = {error: e.rule}; }
}
process.stdout.write(JSON.stringify(out));
"""


def test_the_workbook_layout_map_is_current():
    proc = _run([sys.executable, ROOT / "js" / "scripts" / "workbook_map.py", "--check"], ROOT)
    assert proc.returncode == 0, "js/src/workbook-map.mjs is stale: run python3 dev.py js"


def test_the_workbook_reader_reads_what_gaischema_extract_reads(app, tmp_path):
    """Every example that has a format version, as the workbook gaischema renders of it: gaischema/workbook gives
    the report gaischema extract gives (less its extraction record): both read a cell as gaischema.cellmap
    specifies ('22件' is 22, with a unit finding in both - tests/test_official.py compares the findings)."""
    books = {}
    for path in sorted(EXAMPLES.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("format_version") not in ("v2019", "v2021"):
            continue
        book = tmp_path / f"{path.stem}.xlsx"
        book.write_bytes(build(data, data["format_version"]))
        books[str(book)] = book
    assert len(books) >= 50
    proc = _run([NODE, "--input-type=module", "-e", READ_BOOKS, *books], app["folder"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    read = json.loads(proc.stdout)
    units = 0
    for name, book in books.items():
        expected = extract(str(book))
        instance = dict(expected.instance)
        instance.pop("extraction", None)
        units += sum(note.kind == "unit" for note in expected.notes)
        assert read[name] == instance, book.name
    assert units == 1  # AnnualReport-schema-type-text-in-count: 22件, read as 22 by both


def test_the_workbook_reader_refuses_a_workbook_of_another_layout(app, tmp_path):
    data = yaml.safe_load((EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml").read_text(encoding="utf-8"))
    good = tmp_path / "good.xlsx"
    good.write_bytes(build(data, data["format_version"]))
    wb = load_workbook(good)
    wb["表三"].insert_rows(5)  # every row of 表三 one lower: its cells are no longer where the template has them
    moved = tmp_path / "moved.xlsx"
    wb.save(moved)
    proc = _run([NODE, "--input-type=module", "-e", READ_BOOKS, good, moved], app["folder"])
    read = json.loads(proc.stdout)
    assert read[str(moved)] == {"error": "INPUT-NOT-REPORT"}
    assert read[str(good)]["organ"] == data["organ"]


def test_the_packed_manifest_is_what_vendors_expect(app):
    """No script the tarball does not ship (npm warned on install: prepare/prepack ran scripts/build.mjs, which is
    not packed), a repository, types; the conformance suite and the declarations in the package."""
    with tarfile.open(app["tarball"]) as tar:
        pkg = json.load(tar.extractfile("package/package.json"))
    shipped = set(app["files"])
    for name, script in pkg.get("scripts", {}).items():
        assert name not in ("prepare", "prepack", "preinstall", "install", "postinstall"), name
    assert pkg["repository"]["url"] and pkg["types"] == "./types/index.d.ts"
    assert pkg["exports"]["."]["types"] == "./types/index.d.ts"
    assert {"types/index.d.ts", "data/gaischema.d.ts", "data/conformance/index.json",
            "data/conformance/results.schema.json", "data/conformance/case.schema.json"} <= shipped
    index = json.loads((ROOT / "generated" / "conformance" / "index.json").read_text(encoding="utf-8"))
    assert {f"data/conformance/{c['file']}" for c in index["cases"]} <= shipped
    assert all(f"scripts/" not in script or name in ("build", "page") for name, script in pkg["scripts"].items())


def test_the_types_compile_for_a_typescript_user(app):
    (app["folder"] / "use.ts").write_text(
        'import {validate, crossCheck, version, type AnnualReport, type Finding, type FormatVersionEnum} from "gaischema";\n'
        'const v: FormatVersionEnum = "v2021";\n'
        'const report: AnnualReport = {organ: "甲县统计局", report_year: 2023, format_version: v};\n'
        'const found: Finding[] = validate(report);\n'
        'const cross = crossCheck([report, report]);\n'
        'const rules: string[] = found.map(f => f.rule).concat(cross.map(f => `${f.report}>${f.other}`));\n'
        'console.log(version, rules.length);\n'
        '// @ts-expect-error: a format version is one of the permissible values\n'
        'const wrong: FormatVersionEnum = "2021";\n', encoding="utf-8")
    tsc = app["folder"] / "node_modules" / ".bin" / "tsc"
    proc = _run([tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target",
                 "es2022", "--lib", "es2022", "use.ts"], app["folder"])  # no DOM lib: exceljs's @types/node has its own
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]
    declared = (ROOT / "generated" / "gaischema.d.ts").read_text(encoding="utf-8")
    assert 'export type FormatVersionEnum = "v2019" | "v2021";' in declared
    assert "    organ: string;" in declared and "    publication_date?: string | null;" in declared


def test_the_bundled_suite_runs_without_a_checkout(app, tmp_path):
    """`npx gaischema-js conformance`, in a folder with no checkout: the suite the package ships, and a results
    report in the documented format."""
    index = json.loads((ROOT / "generated" / "conformance" / "index.json").read_text(encoding="utf-8"))
    proc = npx(app, "conformance", "--report", str(tmp_path / "results.json"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == f"{len(index['cases'])} passed, 0 failed"
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "generated" / "conformance" / "results.schema.json").read_text(encoding="utf-8"))
    import jsonschema

    jsonschema.validate(results, schema)
    assert results["summary"]["conforms"] and results["summary"]["passed"] == len(index["cases"])


def test_the_runner_runs_any_implementation_by_its_command(app, tmp_path):
    """--command: the cases' files given to a command that prints JSON findings; one that leaves out the
    cross-report rules fails the cross-report case, with the missing findings named."""
    suite = mini_suite(tmp_path / "suite", ["t4-total", "xr-carry-over"])
    me = str(app["folder"] / "node_modules" / ".bin" / "gaischema-js")
    good = command(app, "conformance", suite, "--command", f"{me} validate --format json", "--report", "-")
    assert good.returncode == 0, good.stderr[-2000:]
    assert json.loads(good.stdout)["summary"]["passed"] == 2
    bad = command(app, "conformance", suite, "--command", f"{me} validate --format json --no-cross", "--report", "-")
    assert bad.returncode == 1
    failed = [r for r in json.loads(bad.stdout)["results"] if r["status"] == "failed"]
    assert [r["id"] for r in failed] == ["xr-carry-over"] and len(failed[0]["missing"]) == 2

