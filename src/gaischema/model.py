"""A typed view of the compiled model (``generated/gaischema.model.json``).

Why: the compiled model is the one place the schema's knowledge reaches the runtime (classes, labels, the
cell map, enumerations, rules). Every module that needs it asks this class - the cells of a table, the
official rows, the format version of a year, a value by path - instead of indexing the JSON with string
keys of its own. The rule engine (:mod:`gaischema.engine`) stays below this module and reads the plain dict,
so that it imports nothing of the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gaischema import resources
from gaischema.engine import format_version_for_year


@dataclass(frozen=True)
class OfficialRow:
    """One row of an official table, as the matcher aligns it: where it sits, its labels and its cells."""

    table: str  # 二, 三, 四
    path: str  # the row's path, e.g. applications.results.denied.state_secret
    labels: tuple[str, ...]  # the row label path, group labels first
    aliases: tuple[str, ...]  # other labels of the leaf (the schema's aliases)
    cells: tuple[str, ...]  # the cell paths, in column order
    columns: tuple[str, ...]  # the column labels, in the same order

    @property
    def label(self) -> str:
        return self.labels[-1]


def get(instance: Any, path: str) -> Any:
    """The value at a dotted path, or None where the path is absent or passes through a non-mapping."""
    obj = instance
    for step in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(step)
    return obj


def put(instance: dict, path: str, value: Any) -> None:
    """Set the value at a dotted path, making the mappings on the way."""
    *parents, last = path.split(".")
    obj = instance
    for step in parents:
        obj = obj.setdefault(step, {})
    obj[last] = value


def put_all(instance: dict, values: dict[str, Any]) -> None:
    """put() for many paths, skipping None; the mapping of a row is looked up once for all its cells."""
    parents: dict[str, dict] = {}
    for path, value in values.items():
        if value is None:
            continue
        parent_path, _, last = path.rpartition(".")
        parent = parents.get(parent_path)
        if parent is None:
            parent = instance
            for step in parent_path.split(".") if parent_path else ():
                parent = parent.setdefault(step, {})
            parents[parent_path] = parent
        parent[last] = value


class Model:
    """The compiled model, with the questions the runtime asks of it."""

    def __init__(self, raw: dict):
        self.raw = raw
        self.root: str = raw["root"]
        self.versions: list[str] = list(raw["versions"])
        self.classes: dict = raw["classes"]
        self.enums: dict = raw["enums"]
        self.rules: list[dict] = raw["rules"]
        self._cells: dict[str, list[dict]] = raw["cells"]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Model":
        """The installed compiled model, read once per process."""
        return cls(resources.model())

    # ------------------------------------------------------------------------------------------- slots
    @property
    def root_slots(self) -> list[dict]:
        return self.classes[self.root]["slots"]

    def slot_names(self) -> list[str]:
        """The root slots' names in schema order (the order an instance's keys are written in)."""
        return [s["name"] for s in self.root_slots]

    def slot_chain(self, path: str) -> list[dict] | None:
        """The slot definitions along a dotted path from the root, or None if the path leaves the schema."""
        cname, chain = self.root, []
        for step in path.split("."):
            cls = self.classes.get(cname)
            slot = next((s for s in cls["slots"] if s["name"] == step), None) if cls else None
            if slot is None:
                return None
            chain.append(slot)
            cname = slot["range"]
        return chain

    def title(self, path: str) -> str:
        """The official titles along a path, ``/``-separated."""
        return " / ".join(s["title"] for s in self.slot_chain(path) or [])

    def table_slots(self, version: str) -> dict[str, dict]:
        """The root slots holding the tables of a format version, by table (二, 三, 四)."""
        return {s["table"]: s for s in self.root_slots if "table" in s and version in s["versions"]}

    # ------------------------------------------------------------------------------------------- cells
    def cells(self, version: str, table: str | None = None) -> list[dict]:
        """The official cells of a version (of one table), in official order."""
        cells = self._cells[version]
        return cells if table is None else [c for c in cells if c["table"] == table]

    @lru_cache(maxsize=None)
    def rows(self, version: str, table: str) -> tuple[OfficialRow, ...]:
        """The official rows of a table in order. Table 四 has one row per case group (five cells each)."""
        out: list[OfficialRow] = []
        group: list[dict] = []

        def flush():
            if not group:
                return
            row_path = group[0]["path"].rsplit(".", 1)[0]
            labels = tuple(group[0]["row"].split(" / "))
            chain = self.slot_chain(row_path) or []
            aliases = tuple(chain[-1].get("aliases", [])) if chain else ()
            out.append(OfficialRow(table, row_path, labels, aliases, tuple(c["path"] for c in group),
                                   tuple(c["column"] for c in group)))
            group.clear()

        for c in self.cells(version, table):
            if group and group[0]["row"] != c["row"]:
                flush()
            group.append(c)
        flush()
        return tuple(out)

    # ------------------------------------------------------------------------------------------- versions
    def format_version_for_year(self, year: int) -> str | None:
        """The format version that applies to a report year (FormatVersionEnum's first_year/last_year)."""
        return format_version_for_year(self.raw, year)

    def version_labels(self) -> list[str]:
        """The format versions as users name them (``2021``, ``2019``), newest first."""
        return sorted((v.lstrip("v") for v in self.versions), reverse=True)

    def enum_values(self, name: str) -> list[str]:
        return list(self.enums[name]["values"])

    def order(self, instance: dict) -> dict:
        """An instance's top-level keys in the schema's slot order (keys the schema lacks last)."""
        names = self.slot_names()
        out = {k: instance[k] for k in names if k in instance}
        out.update({k: v for k, v in instance.items() if k not in out})
        return out


