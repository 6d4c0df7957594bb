"""Release files: one version everywhere, the licences declared and shipped."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

import gaischema

tomllib = pytest.importorskip("tomllib")  # Python 3.11+


def test_licences_are_declared_and_shipped():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC0-1.0"
    assert "LICENSE" in project["license-files"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text and "CC0 1.0" in text
    assert "CC0 1.0 Universal" in (ROOT / "LICENSES" / "CC0-1.0.txt").read_text(encoding="utf-8")
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["license"] == project["license"]


# ------------------------------------------------------------------------------------------------ one version source
def _schema_version() -> str:
    return str(yaml.safe_load((ROOT / "schema" / "gaischema.yaml").read_text(encoding="utf-8"))["version"])


def test_the_schema_version_is_the_one_source_read_everywhere():
    import importlib.metadata
    import json

    import gaischema.generated

    version = _schema_version()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "gaischema.generated.__version__"}
    generated = ROOT / "generated"
    json_schema = json.loads((generated / "gaischema.schema.json").read_text(encoding="utf-8"))
    found = {
        "generated/__init__.py": gaischema.generated.__version__,
        "gaischema.__version__": gaischema.__version__,
        "installed metadata": importlib.metadata.version("gaischema"),
        "JSON Schema $id": json_schema["$id"].removeprefix("https://w3id.org/gaischema/v").split("/")[0],
        "rules file": json.loads((generated / "gaischema.rules.json").read_text(encoding="utf-8"))["schema_version"],
        "model": json.loads((generated / "gaischema.model.json").read_text(encoding="utf-8"))["version"],
        "suite index": json.loads((generated / "conformance" / "index.json").read_text(encoding="utf-8"))[
            "standard_version"],
        "CITATION.cff": str(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"]),
    }
    package_json = ROOT / "js" / "package.json"
    if package_json.exists() and "version" in json.loads(package_json.read_text(encoding="utf-8")):
        found["js/package.json"] = json.loads(package_json.read_text(encoding="utf-8"))["version"]
    assert set(found.values()) == {version}, found
    assert json_schema["$id"] == f"https://w3id.org/gaischema/v{version}/gaischema.schema.json"
    assert f"https://w3id.org/gaischema/vX.Y.Z/gaischema.schema.json" in (ROOT / "docs" / "versioning.md").read_text(
        encoding="utf-8")


def test_the_release_date_and_the_breaking_change_are_in_the_changelog():
    version = _schema_version()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    m = re.search(rf"^## {re.escape(version)} — (\d{{4}}-\d{{2}}-\d{{2}})$", changelog, flags=re.M)
    assert m, f"CHANGELOG.md has no entry for {version}"
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["date-released"]) == m.group(1)
    entry = changelog[m.end():].split("\n## ", 1)[0]
    assert version == "0.2.0"  # the breaking change of df00850 (every table cell required) released as a minor
    assert "**Breaking" in entry and "required" in entry and "**Migration from 0.1.0" in entry
    versioning = (ROOT / "docs" / "versioning.md").read_text(encoding="utf-8")
    assert "Before 1.0.0" in versioning and "0.1.0 → 0.2.0" in versioning


def test_the_build_refuses_a_version_without_a_changelog_entry(tmp_path):
    from gaischema.build import SchemaError, release_date

    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## 0.1.0 — 2026-11-27\n", encoding="utf-8")
    assert release_date("0.1.0", tmp_path / "CHANGELOG.md") == "2026-11-27"
    with pytest.raises(SchemaError, match="no entry"):
        release_date("0.2.0", tmp_path / "CHANGELOG.md")


# ------------------------------------------------------------------------------------------------ language tags
def test_the_owl_file_tags_only_chinese_text():
    rdflib = pytest.importorskip("rdflib")
    graph = rdflib.Graph().parse(ROOT / "generated" / "gaischema.owl.ttl")
    tagged = [o for o in graph.objects() if isinstance(o, rdflib.Literal) and o.language]
    assert tagged, "the Chinese title keeps its tag"
    for literal in tagged:
        han = len(re.findall(r"[\u3400-\u9fff]", str(literal)))
        assert literal.language == "zh" and han > len(re.findall(r"[A-Za-z]", str(literal))), literal
    schema = rdflib.URIRef("https://w3id.org/gaischema")
    licence = graph.value(schema, rdflib.URIRef("http://purl.org/dc/terms/license"))
    assert licence == rdflib.URIRef("https://creativecommons.org/publicdomain/zero/1.0/")
    version = graph.value(schema, rdflib.URIRef("http://purl.org/pav/version"))
    assert str(version) == _schema_version() and version.language is None


def test_the_language_tag_fix_keeps_chinese_and_unmarks_the_rest():
    from gaischema.build import owl_language_tags

    ttl = ('<x> dcterms:license "https://example.org/l/"@zh ;\n\tpav:version "0.2.0"@zh ;\n'
           '\tdcterms:title "政府信息公开年度报告 (gaischema)"@zh ;\n\tskos:definition "An annual report (年度报告)"@zh .\n')
    assert owl_language_tags(ttl) == ('<x> dcterms:license <https://example.org/l/> ;\n\tpav:version "0.2.0" ;\n'
                                      '\tdcterms:title "政府信息公开年度报告 (gaischema)"@zh ;\n'
                                      '\tskos:definition "An annual report (年度报告)" .\n')


# ------------------------------------------------------------------------------------------------ licences, lint
def _gpl_only(meta) -> bool:
    """A distribution whose licence metadata names only the GPL family (not the LGPL, and no other choice)."""
    gpl = re.compile(r"(?<!L)GPL|(?<!Lesser )General Public License")
    texts = [meta.get("License-Expression") or "", (meta.get("License") or "")[:200]]
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if meta.get("License-Expression"):
        return all(gpl.search(alt) for alt in meta["License-Expression"].split(" OR "))
    named = [t for t in texts + classifiers if t.strip() and t.strip() != "UNKNOWN"]
    return bool(named) and any(gpl.search(t) for t in named) and all(gpl.search(c) for c in classifiers)


def _plain_install() -> dict[str, object]:
    """The distributions `pip install gaischema` installs (no extras): the closure of the installed package's
    requirements, markers evaluated, each with the extras asked for, read from the installed metadata."""
    import importlib.metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: dict[str, object] = {}
    asked: dict[str, set[str]] = {}  # the extras each distribution is asked for, by every requirer (a union)
    todo = [("gaischema", frozenset())]
    while todo:
        name, extras = todo.pop()
        key = canonicalize_name(name)
        if key in seen and extras <= asked[key]:
            continue
        asked.setdefault(key, set()).update(extras)
        seen[key] = importlib.metadata.metadata(name)
        for text in importlib.metadata.requires(name) or []:
            req = Requirement(text)
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in (asked[key] | {""})):
                continue
            todo.append((req.name, frozenset(req.extras)))
    return seen


def test_the_only_gpl_package_of_a_plain_install_is_rfc3987_brought_by_linkml():
    """linkml (a core dependency: linkml-validate and the gen-* tools after a plain install) requires
    jsonschema[format], which brings rfc3987 (GPL-3.0-or-later). That is the one GPL-only package of a plain
    install, it comes through linkml and no other way, gaischema's own requirements ask for the non-GPL format
    checkers, and the README's licence section names it."""
    import importlib.metadata

    installed = _plain_install()
    assert {"linkml", "linkml-runtime", "jsonschema", "rfc3986-validator", "openpyxl"} <= set(installed)
    assert [name for name, meta in installed.items() if _gpl_only(meta)] == ["rfc3987"]
    # the detector itself: a permissive package is not GPL-only, rfc3987 is (it is installed: linkml is a dependency)
    assert _gpl_only(importlib.metadata.metadata("rfc3987"))
    assert not _gpl_only(importlib.metadata.metadata("jsonschema"))
    # rfc3987 comes only through linkml: without linkml's requirements the closure has no GPL-only package
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    own = [r for r in project["dependencies"] if not r.startswith("linkml>")]
    assert "linkml>=1.9" in project["dependencies"] and project["optional-dependencies"]["linkml"] == ["linkml>=1.9"]
    assert not any(r.startswith("jsonschema[format]") for r in own)
    assert any(r.startswith("jsonschema[format-nongpl]") for r in own)
    via = _requirers(installed, "rfc3987")
    assert via == {"jsonschema"}, via  # jsonschema[format], which only linkml asks for
    asking = {n for n in installed if any(r.startswith("jsonschema") and "[format]" in r.replace(" ", "")
                                           for r in importlib.metadata.requires(n) or [])}
    assert asking and asking <= {"linkml"}, asking
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    licence = readme[readme.index("## 许可 License"):]
    assert "rfc3987" in licence and "GPL" in licence and "LinkML" in licence


def _requirers(installed: dict, target: str) -> set[str]:
    """The installed distributions whose requirements (markers evaluated for the extras in use) name ``target``."""
    import importlib.metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    out = set()
    for name in installed:
        for text in importlib.metadata.requires(name) or []:
            req = Requirement(text)
            if canonicalize_name(req.name) != target:
                continue
            if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in ("", "format", "format-nongpl")):
                out.add(name)
    return out


def test_linkml_lint_finds_no_problem_in_the_schema():
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    exe = shutil.which("linkml-lint") or str(Path(sys.executable).with_name("linkml-lint"))
    if not Path(exe).exists():
        pytest.skip("linkml-lint comes with linkml (the test extra)")
    proc = subprocess.run([exe, "schema/gaischema.yaml"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "No problems found" in proc.stdout, proc.stdout[-2000:] + proc.stderr[-1000:]
    assert "warning" not in proc.stdout.lower() and "error" not in proc.stdout.lower()
