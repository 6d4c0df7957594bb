"""jsonschema-rs (the fast yes/no) and jsonschema (the reference, as in linkml-validate) agree on validity."""

from __future__ import annotations

import copy


from conftest import examples, load
from gaischema import resources
from gaischema.validate import _fast_validator, _schema_validator

CELLS = resources.model()["cells"]["v2021"]


def _variants(beilun):
    yield beilun
    for p in examples("valid") + examples("invalid") + examples("warning"):
        yield load(p)
    bad_values = [-1, 1.5, "3", "3件", None, True, [], {}, 10**30]
    for i, c in enumerate(CELLS):
        inst = copy.deepcopy(beilun)
        *parents, last = c["path"].split(".")
        obj = inst
        for step in parents:
            obj = obj[step]
        obj[last] = bad_values[i % len(bad_values)]
        yield inst
    for key, value in [("format_version", "2021"), ("division_code", "3302061"), ("division_code", "330206"),
                       ("source_url", "not a uri"), ("source_url", "https://example.org/a?b=c"),
                       ("publication_date", "2024-02-30"), ("publication_date", "2024-1-5"),
                       ("report_year", "2023"), ("organ", ""), ("processing_fee_amount", -0.5),
                       ("unknown_slot", 1), ("organ_kind", "ministry")]:
        inst = copy.deepcopy(beilun)
        inst[key] = value
        yield inst


def test_fast_and_reference_validators_agree(beilun):
    fast, ref = _fast_validator(), _schema_validator()
    assert fast is not None, "jsonschema-rs is a dependency; it should be installed"
    checked = 0
    for inst in _variants(beilun):
        try:
            fast_ok = fast.is_valid(inst)
        except ValueError:
            continue  # YAML dates: the reference path handles those (see test_examples)
        assert fast_ok == (not any(True for _ in ref.iter_errors(inst))), inst
        checked += 1
    assert checked > 200
