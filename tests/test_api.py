"""The Python API: validate in-memory reports (dict, gen-python dataclass, pydantic model) without files."""

from __future__ import annotations

import copy

import pytest

from conftest import EXAMPLES, examples, intended_rule, load
from gaischema import FileReport, is_valid, validate, validate_file
from gaischema.datamodel import AnnualReport
from gaischema.pydantic_models import AnnualReport as PydanticReport


def _blank_cell(path) -> bool:
    """An example with a blank cell in a row it prints: a T*-BLANK counter-example, or READ-UNRELIABLE's (a
    cell OCR read unreliably, left out)."""
    return path.parent.name != "valid" and (intended_rule(path).endswith("-BLANK")
                                            or intended_rule(path) == "READ-UNRELIABLE")


def _typed_examples():
    """Examples whose values have the right types and every cell (the models refuse wrong types and blank cells,
    which the schema requires, at construction)."""
    out = list(examples("valid")) + [p for p in examples("warning") if not _blank_cell(p)]
    out += [p for p in examples("invalid") if not intended_rule(p).startswith("SCHEMA-") and not _blank_cell(p)]
    return out


@pytest.mark.parametrize("path", [p for p in examples("invalid") + examples("warning") if _blank_cell(p)],
                         ids=lambda p: p.name)
def test_models_refuse_a_blank_cell_which_the_schema_requires(path):
    import pydantic

    with pytest.raises(pydantic.ValidationError):
        PydanticReport(**load(path))


def test_dict(beilun):
    assert validate(beilun) == [] and is_valid(beilun)
    bad = copy.deepcopy(beilun)
    bad["reviews_and_litigation"]["administrative_review"]["total"] = 1
    del bad["overview"]  # its 未发生……行政复议诉讼 would now contradict table 四 (NARR-CLAIM-NO-CASES)
    (f,) = validate(bad)
    assert (f.rule, f.path, f.reported, f.expected) == ("T4-TOTAL", "reviews_and_litigation.administrative_review.total", 1, 0)
    assert f.cell == "表四 行政复议 × 总计"
    assert not is_valid(bad)


@pytest.mark.parametrize("path", _typed_examples(), ids=lambda p: p.name)
def test_dataclass_and_pydantic_give_the_same_findings_as_the_dict(path):
    data = load(path)
    want = [(f.rule, f.path) for f in validate(data)]
    assert [(f.rule, f.path) for f in validate(PydanticReport(**data))] == want
    got = [(f.rule, f.path) for f in validate(AnnualReport(**data))]
    # linkml's dumper drops an emptied row ({}), so a blank is then reported on the row, not its cell
    assert len(got) == len(want)
    for (rule, p), (want_rule, want_p) in zip(got, want):
        assert rule == want_rule and (want_p + ".").startswith(p + ".")


def test_validate_file_report():
    r = validate_file(str(EXAMPLES / "invalid" / "AnnualReport-t3-balance.yaml"))
    assert isinstance(r, FileReport) and not r.valid and not r.fatal
    d = r.as_dict()
    assert d["valid"] is False and {f["rule"] for f in d["findings"]} == {"T3-BALANCE"}


def test_findings_carry_both_languages(beilun):
    bad = copy.deepcopy(beilun)
    bad["applications"]["carried_over"]["natural_person"] = 1
    bad["applications"]["carried_over"]["total"] = 1
    findings = validate(bad)
    assert {f.rule for f in findings} == {"T3-BALANCE"}
    f = findings[0]
    assert "勾稽关系" in f.message and "balance" in f.message_en
    assert f.cell == "表三 一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 × 自然人"
    assert (f.reported, f.expected) == (3, 2)
