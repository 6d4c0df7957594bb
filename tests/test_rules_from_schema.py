"""Rules live in the schema: one more rule of an existing kind needs only a schema edit; a malformed rule
fails the build with the rule's id."""

from __future__ import annotations

import copy

import pytest
import yaml

from conftest import ROOT
from gaischema.build import SchemaError, compile_model
from gaischema.engine import Engine

SCHEMA_TEXT = (ROOT / "schema" / "gaischema.yaml").read_text(encoding="utf-8")


def _model_with_rule(tmp_path, class_name: str, rule: dict) -> dict:
    schema = yaml.safe_load(SCHEMA_TEXT)
    schema["classes"][class_name].setdefault("rules", []).append(rule)
    p = tmp_path / "gaischema.yaml"
    p.write_text(yaml.safe_dump(schema, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return compile_model(p)


NEW_RULE = {
    "title": "T3-GRANTED-NOT-ABOVE-RECEIVED",
    "description": "Test rule: no more applications granted than received and carried over.",
    "annotations": {
        "kind": "check",
        "for_each": "ApplicantColumnEnum",
        "expression": "results.granted.{c} <= new_applications.{c} + carried_over.{c}",
        "severity": "warning",
        "source": "test",
        "message_zh": "予以公开数多于收到的申请：{reported} > {expected}",
        "message_en": "More granted than received: {reported} > {expected}",
    },
}


def test_a_new_rule_needs_only_a_schema_edit(tmp_path, beilun):
    model = _model_with_rule(tmp_path, "ApplicationStatistics", NEW_RULE)
    engine = Engine(model)
    assert list(engine.check(beilun)) == []
    bad = copy.deepcopy(beilun)
    bad["applications"]["results"]["granted"]["natural_person"] = 5
    findings = [f for f in engine.check(bad) if f.rule == NEW_RULE["title"]]
    assert [(f.path, f.severity, f.reported, f.expected) for f in findings] == [
        ("applications.results.granted.natural_person", "warning", 5, 2)]
    assert findings[0].message == "予以公开数多于收到的申请：5 > 2"


@pytest.mark.parametrize("change, error", [
    ({"expression": "results.granted.{c} <= new_aplications.{c}"}, "no slot 'new_aplications'"),
    ({"expression": "results.granted.{c} <="}, "cannot parse"),
    ({"kind": "magic"}, "unknown kind"),
    ({"severity": "fatal"}, "severity"),
    ({"for_each": "NoSuchEnum"}, "for_each"),
    ({"expression": "open(results)"}, "one comparison"),
])
def test_a_malformed_rule_fails_the_build(tmp_path, change, error):
    rule = copy.deepcopy(NEW_RULE)
    rule["annotations"].update(change)
    with pytest.raises(SchemaError, match=f"rule T3-GRANTED-NOT-ABOVE-RECEIVED.*{error}"):
        _model_with_rule(tmp_path, "ApplicationStatistics", rule)
