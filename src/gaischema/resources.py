"""Where the schema and the generated artifacts live, in a checkout and in an installed package.

In a wheel they are the subpackages ``gaischema.schema`` and ``gaischema.generated`` (mapped from the
top-level ``schema/`` and ``generated/`` folders by pyproject.toml); in a checkout or an editable install
they are those folders themselves.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _folder(name: str) -> Path:
    installed = _PKG / name
    if installed.is_dir():
        return installed
    checkout = _PKG.parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"gaischema: cannot find its {name}/ folder (looked in {installed} and {checkout})")


def generated_dir() -> Path:
    """The folder of generated artifacts (JSON Schema, models, compiled rules, docs)."""
    return _folder("generated")


def schema_dir() -> Path:
    """The folder of the LinkML schema."""
    return _folder("schema")


def schema_path() -> Path:
    """The LinkML schema YAML."""
    return schema_dir() / "gaischema.yaml"


def json_schema_path() -> Path:
    """The generated JSON Schema."""
    return generated_dir() / "gaischema.schema.json"


@lru_cache(maxsize=1)
def model() -> dict:
    """The compiled model (classes, labels, enums, rules, cell map), read once per process."""
    with open(generated_dir() / "gaischema.model.json", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def json_schema() -> dict:
    """The generated JSON Schema, read once per process."""
    with open(json_schema_path(), encoding="utf-8") as fh:
        return json.load(fh)
