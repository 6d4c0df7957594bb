"""Release files: one version everywhere, the licences declared and shipped."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

import gaischema

tomllib = pytest.importorskip("tomllib")  # Python 3.11+


def test_one_version_everywhere():
    schema = yaml.safe_load((ROOT / "schema" / "gaischema.yaml").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    versions = {"schema": schema["version"], "pyproject": project["version"], "package": gaischema.__version__,
                "CITATION.cff": str(citation["version"])}
    assert len(set(versions.values())) == 1, versions
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## (\d+\.\d+\.\d+)\b", changelog, flags=re.M)
    assert released and released[0] == schema["version"], "the newest release in CHANGELOG.md is the version"


def test_licences_are_declared_and_shipped():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC0-1.0"
    assert "LICENSE" in project["license-files"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text and "CC0 1.0" in text
    assert "CC0 1.0 Universal" in (ROOT / "LICENSES" / "CC0-1.0.txt").read_text(encoding="utf-8")
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["license"] == project["license"]
