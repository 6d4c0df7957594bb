"""On the 北仑 report: raising any single cell of table 三 or 四 by one is caught on that cell or its rule;
any count set to -1 is an error."""

from __future__ import annotations

import copy

import pytest

from gaischema import resources, validate

CELLS = resources.model()["cells"]["v2021"]


def _set(instance: dict, path: str, fn) -> None:
    *parents, last = path.split(".")
    obj = instance
    for step in parents:
        obj = obj[step]
    obj[last] = fn(obj[last])


def test_cell_map_covers_every_cell_of_the_example(beilun):
    for c in CELLS:
        obj = beilun
        for step in c["path"].split("."):
            obj = obj[step]
        assert isinstance(obj, (int, float)), c["path"]


@pytest.mark.parametrize("table", ["三", "四"])
def test_raising_any_cell_by_one_is_an_error_on_it(beilun, table):
    cells = [c for c in CELLS if c["table"] == table]
    assert len(cells) == {"三": 175, "四": 15}[table]
    for c in cells:
        inst = copy.deepcopy(beilun)
        _set(inst, c["path"], lambda v: v + 1)
        findings = [f for f in validate(inst) if f.severity == "error"]
        assert findings, f"raising {c['path']} went unnoticed"
        row = c["path"].rsplit(".", 1)[0]
        col = c["path"].rsplit(".", 1)[1]
        # the finding names the cell itself, or a rule whose identity that cell takes part in
        assert any(f.path == c["path"] or f.path.startswith(row + ".") or f.path.endswith("." + col)
                   for f in findings), (c["path"], [f.path for f in findings])


def test_any_count_set_to_minus_one_is_an_error(beilun):
    for c in CELLS:
        inst = copy.deepcopy(beilun)
        _set(inst, c["path"], lambda v: -1)
        findings = validate(inst)
        hits = [f for f in findings if f.path == c["path"] and f.severity == "error"]
        assert [f.rule for f in hits] == ["SCHEMA-MINIMUM"], c["path"]


def test_the_conformance_suite_catches_every_deliberate_fault():
    """The mutation check (tests/mutation_faults.py): each deliberate fault in the reference implementation —
    digests at 64/65 characters, organ-name normalisation, dates compared as text, >= for >, a sum short of a
    term, rules on an invalid format_version, a blank reported as 0, anyOf, finding paths of required and
    additionalProperties, rounding, a rejected value evaluated — makes at least one conformance case fail."""
    import mutation_faults

    results = mutation_faults.run_all()
    caught = [r["fault"] for r in results if r["caught"]]
    print(f"mutation score: {len(caught)}/{len(results)}")
    assert len(results) == len(mutation_faults.FAULTS) >= 18
    assert [r for r in results if not r["caught"]] == []
