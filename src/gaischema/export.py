"""The tidy export: one row per official cell, from the schema's cell map."""

from __future__ import annotations

from typing import Iterator

from gaischema import resources

COLUMNS = ["file", "organ", "year", "format_version", "table", "row", "column", "path", "value"]


def _get(instance: dict, path: str):
    obj = instance
    for step in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(step)
    return obj


def tidy_rows(instance: dict, file: str = "") -> Iterator[dict]:
    """One dict per official cell of the instance's format version; a blank cell has value None."""
    cells = resources.model()["cells"].get(instance.get("format_version"))
    if not isinstance(instance.get("format_version"), str) or cells is None:
        return
    for c in cells:
        value = _get(instance, c["path"])
        yield {
            "file": file,
            "organ": instance.get("organ"),
            "year": instance.get("report_year"),
            "format_version": instance.get("format_version"),
            "table": c["table"],
            "row": c["row"],
            "column": c["column"],
            "path": c["path"],
            "value": value if isinstance(value, (int, float, str)) or value is None else str(value),
        }
