"""Narrative facts without false alarms (issue #23): every NARR-* pattern that finds a statement in the real
samples whose text agrees with their tables finds it agreeing (no finding), and the same real sentence with its
number changed — text and table disagreeing — is that rule's finding, reporting the changed number. A sentence
counts only when its verb and object mean the table's quantity: 公开答复1件 is not 办结, 答复…建议 N 件 is no
statement about applications.

Inputs are the extractor's own instances of the real samples (read-only, ../shared/samples)."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from conftest import SAMPLES, needs_samples

from gaischema import validate
from gaischema.narrative import matches
from gaischema.validate import engine

AGREEING = ["000_56695964816e1b37.txt", "pingtan-2023.txt", "shanghai-gov-office-2025.md"]


@lru_cache(maxsize=None)
def _instance(name: str) -> dict:
    from gaischema.extract import extract

    return extract(str(SAMPLES / name)).instance


def _rule_id(rule) -> str:
    return engine().model["rules"][rule.key]["id"]


def _statements(kind: str = "narrative_fact") -> list[tuple[str, str, str, str]]:
    """(sample, rule id, section, the matched text) of every statement of the rules of ``kind`` in the agreeing
    samples about cells the extractor read (a blank bounds nothing: it gives no counter-example)."""
    if not SAMPLES.is_dir():
        return []
    out = []
    for name in AGREEING:
        inst = _instance(name)
        for rule in engine().text[inst["format_version"]]:
            read = any(all(_cell(inst, path) is not None for path in r.paths) for r in rule.readings)
            for section in rule.sections if rule.kind == kind and read else ():
                if isinstance(inst.get(section), str):
                    out.extend((name, _rule_id(rule), section, m.group(0)) for m in matches(rule, inst[section]))
    return out


def _cell(instance: dict, path: tuple[str, ...]):
    node = instance
    for step in path:
        node = node.get(step) if isinstance(node, dict) else None
    return node


def narr(instance: dict, rule: str | None = None) -> list:
    return [f for f in validate(instance) if f.rule.startswith("NARR") and (rule is None or f.rule == rule)]


@needs_samples
def test_the_patterns_read_the_real_wording_of_the_samples():
    """The facts the samples state are read: the patterns are tried on real wording, not only on made-up text."""
    rules = {r for _, r, _, _ in _statements()}
    assert {"NARR-RECEIVED", "NARR-HANDLED", "NARR-GRANTED-AND-PARTIAL", "NARR-DENIED", "NARR-UNABLE",
            "NARR-NOT-PROCESSED", "NARR-OTHER-HANDLING", "NARR-NATURAL-PERSON", "NARR-REVIEW",
            "NARR-LITIGATION"} <= rules, rules
    for name in AGREEING:
        assert narr(_instance(name)) == [], name


@needs_samples
@pytest.mark.parametrize("statement", _statements(), ids=lambda s: f"{s[1]}-{s[0][:8]}")
def test_the_same_real_sentence_with_another_number_is_a_finding(statement):
    """One counter-example per statement: the sample's own sentence, its number raised by 1000 (no reading of
    the table gives it), is the rule's finding with that number reported."""
    import copy

    name, rule, section, text = statement
    number = re.findall(r"[0-9]+", text)[-1]
    changed = text[: text.rindex(number)] + str(int(number) + 1000) + text[text.rindex(number) + len(number):]
    inst = copy.deepcopy(_instance(name))
    inst[section] = inst[section].replace(text, changed, 1)
    found = narr(inst, rule)
    assert [f.reported for f in found] == [int(number) + 1000], (text, changed, found)


@needs_samples
def test_the_samples_state_shares_and_they_agree():
    assert len(_statements("narrative_percent")) >= 5  # 平潭: 51.85%, 6.17%, 38.27%, 1.23%, 2.47% of 81


@needs_samples
@pytest.mark.parametrize("statement", _statements("narrative_percent"), ids=lambda s: s[3][:12])
def test_the_same_real_share_changed_by_ten_points_is_a_finding(statement):
    import copy

    name, _, section, text = statement
    share = re.search(r"([0-9]+(?:\.[0-9]+)?)%", text).group(1)
    whole, _, frac = share.partition(".")
    changed_share = str(int(whole) + 10) + ("." + frac if frac else "")
    inst = copy.deepcopy(_instance(name))
    inst[section] = inst[section].replace(text, text.replace(share + "%", changed_share + "%"), 1)
    assert [f.reported for f in narr(inst, "NARR-PERCENT")] == [changed_share]


@needs_samples
def test_answered_by_disclosing_is_not_the_number_answered():
    """公开答复1件: one answer was a disclosure (an outcome), not the number answered (81 in 平潭's table)."""
    import copy

    inst = copy.deepcopy(_instance("pingtan-2023.txt"))
    inst["overview"] = inst["overview"].replace("办结依申请公开81件", "办结依申请公开81件，其中公开答复1件")
    assert narr(inst) == []


@needs_samples
def test_the_carried_over_applications_answered_are_not_the_number_answered():
    import copy

    inst = copy.deepcopy(_instance("pingtan-2023.txt"))
    inst["overview"] = inst["overview"].replace("办结依申请公开81件", "办结依申请公开81件，办结上年结转申请2件")
    assert narr(inst) == []


@needs_samples
def test_answering_proposals_is_no_statement_about_applications():
    import copy

    inst = copy.deepcopy(_instance("pingtan-2023.txt"))
    inst["overview"] += "全年答复人大建议35件、政协提案12件。"
    assert narr(inst) == []
