"""The text patterns are portable (docs/rule-language.md, "Patterns"): every pattern and exclude pattern of the
rules file is in the dialect, compiles in RE2 (google-re2, the `test` extra), and Python, RE2 and the JavaScript
implementation find the same statements in the narratives of every bundled example; digits are ASCII, with
full-width digits folded before matching."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
import yaml
from conftest import EXAMPLES, ROOT

from gaischema import engine as engine_module
from gaischema.narrative import TextRule, matches, normalize
from gaischema.validate import engine

re2 = pytest.importorskip("re2")  # google-re2 (the test extra)

RULES = json.loads((ROOT / "generated" / "gaischema.rules.json").read_text(encoding="utf-8"))
NARRATIVE = [r for v in RULES["versions"].values() for r in v["narrative"] if r.get("pattern")]
PATTERNS = sorted({(r["rule"], what, r[what]) for r in NARRATIVE for what in ("pattern", "exclude") if r.get(what)})
NODE, NPM = shutil.which("node"), shutil.which("npm")


def test_no_pattern_uses_look_around_or_unicode_digits():
    assert len(PATTERNS) >= 25
    for rule, what, pattern in PATTERNS:
        assert engine_module.portable_problem(pattern) is None, (rule, what, pattern)
        for construct in ("(?=", "(?!", "(?<=", "(?<!", "\\d", "\\w", "\\s", "\\b"):
            assert construct not in pattern, (rule, what, construct)
    assert any(what == "exclude" for _, what, _ in PATTERNS)


@pytest.mark.parametrize("rule,what,pattern", PATTERNS, ids=[f"{r}-{w}" for r, w, _ in PATTERNS])
def test_every_pattern_compiles_in_re2(rule, what, pattern):
    assert re2.compile(pattern).groups == re.compile(pattern).groups


@pytest.mark.parametrize("pattern,problem", [
    ("诉讼(?<!复议后诉讼)([0-9]+)件", "look-around"),
    ("予以公开(?!及)([0-9]+)件", "look-around"),
    ("申请(\\d+)件", "digits are [0-9]"),
    ("申请(?P<n>[0-9]+)件", "named groups"),
    ("申请.([0-9]+)件", "'.'"),
    ("(a)\\1", "syntax characters"),
    ("申请[[0-9]]件", "inside a class"),
    ("申请[0-9]{,3}件", "malformed"),
])
def test_the_engine_refuses_a_pattern_outside_the_dialect(pattern, problem):
    assert problem in (engine_module.portable_problem(pattern) or "")
    with pytest.raises(engine_module.RuleSyntaxError, match="portable dialect"):
        engine_module.compile_pattern(pattern)


def _rule(rule_id: str) -> TextRule:
    return next(t for t in engine().text["v2021"] if engine().model["rules"][t.key]["id"] == rule_id)


def test_digits_are_ascii_and_full_width_digits_are_folded():
    received = _rule("NARR-RECEIVED")
    assert [m.group(1) for m in matches(received, normalize("共收到政府信息公开申请３５件"))] == ["35"]
    assert [m.group(1) for m in matches(received, normalize("共收到政府信息公开申请1,295件"))] == ["1295"]
    # Arabic-Indic and other Unicode digits are no digits of the dialect (Python's \d took 申请٣件 for 3)
    assert list(matches(received, normalize("共收到政府信息公开申请٣件"))) == []
    assert list(matches(received, normalize("共收到政府信息公开申请𝟑件"))) == []


@pytest.mark.parametrize("rule,text,found", [
    ("NARR-PARTIAL", "予以公开及部分公开5件，部分公开2件", ["部分公开2件"]),
    ("NARR-GRANTED", "予以公开及部分公开5件，予以公开3件", ["予以公开3件"]),
    ("NARR-GRANTED", "予以公开和依申请予以公开5件", ["予以公开5件"]),
    ("NARR-DENIED", "无不予公开情况，不予公开3件", ["不予公开3件"]),
    ("NARR-DENIED", "未不予公开1件", []),
    ("NARR-LITIGATION", "复议后行政诉讼1件，行政诉讼案件2件", ["诉讼案件2件"]),
    ("NARR-LITIGATION", "复议后诉讼4件", []),
    ("NARR-REGULATIONS", "主动公开现行有效规章5件，制发规章2件", ["制发规章2件"]),
    ("NARR-NORMATIVE-DOCUMENTS", "印发废止规范性文件3件", []),
])
def test_exclude_drops_only_the_statements_it_overlaps(rule, text, found):
    assert [m.group(0) for m in matches(_rule(rule), normalize(text))] == found


def _narratives() -> list[tuple[str, str, str, dict]]:
    """(example, version, section, rule) with the normalised text each rule reads, from every bundled example."""
    out = []
    for path in sorted(EXAMPLES.glob("*/AnnualReport-*.yaml")):
        report = yaml.safe_load(path.read_text(encoding="utf-8"))
        version = report.get("format_version") if isinstance(report, dict) else None
        if version not in RULES["versions"]:
            continue
        for rule in RULES["versions"][version]["narrative"]:
            for section in rule.get("sections", []):
                if isinstance(report.get(section), str):
                    out.append((path.stem, version, section, rule, report[section]))
    return out


def _python_matches() -> dict[str, list[list[str]]]:
    eng = engine()
    found = {}
    for name, version, section, rule, raw in _narratives():
        text_rules = eng.text[version]
        compiled = next(t for t in text_rules if eng.model["rules"][t.key]["id"] == rule["rule"])
        text = normalize(raw)
        if compiled.numbered:
            text = text_rules.numbered(text)
        found[f"{name}|{section}|{rule['rule']}"] = [[m.group(0), *m.groups()] for m in matches(compiled, text)]
    return found


def _re2_matches(rule: dict, text: str) -> list[list[str]]:
    """The iteration of docs/rule-language.md, "Patterns", with RE2 as the engine."""
    rx = re2.compile(rule["pattern"])
    spans = [m.span() for m in re2.compile(rule["exclude"]).finditer(text)] if rule.get("exclude") else []
    out, pos = [], 0
    while (m := rx.search(text, pos)) is not None:
        s, e = m.span()
        if any(a < e and s < b for a, b in spans):
            pos = s + 1
            continue
        out.append([m.group(0), *m.groups()])
        pos = e
    return out


def test_python_and_re2_find_the_same_statements_in_every_example():
    python = _python_matches()
    assert sum(map(len, python.values())) >= 40  # the examples do state numbers
    for name, version, section, rule, raw in _narratives():
        text = normalize(raw)
        if rule["kind"] in ("narrative_fact", "narrative_percent"):
            text = "。".join(s for s in text.replace("；", "。").replace("！", "。").replace("？", "。")
                            .replace(";", "。").replace("!", "。").replace("?", "。").split("。")
                            if any(c in "0123456789" for c in s))
        assert _re2_matches(rule, text) == python[f"{name}|{section}|{rule['rule']}"], (name, section, rule["rule"])


JS = """
import fs from "fs";
const [schema, rules, texts, out] = process.argv.slice(2);
process.argv = [process.argv[0], process.argv[1], schema, rules];  // the module reads no case
const {matches, normalize, numbered} = await import(process.env.GAISCHEMA_JS);
const found = {};
for (const [key, rule, raw] of JSON.parse(fs.readFileSync(texts, "utf8"))) {
  let text = normalize(raw);
  if (rule.kind === "narrative_fact" || rule.kind === "narrative_percent") text = numbered(text);
  found[key] = [...matches(rule, text)].map(m => [...m]);
}
fs.writeFileSync(out, JSON.stringify(found));
"""


@pytest.mark.skipif(NODE is None or NPM is None, reason="needs Node.js and npm (.ci/run installs them)")
def test_python_and_the_javascript_implementation_find_the_same_statements(tmp_path, js_tree):
    # js_tree: the package's source as it is in the tree, installed and built once a test run (tests/conftest.py)
    texts = [[f"{name}|{section}|{rule['rule']}", rule, raw] for name, _, section, rule, raw in _narratives()]
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "matches.mjs").write_text(JS, encoding="utf-8")
    run = subprocess.run([NODE, "matches.mjs", str(ROOT / "generated" / "gaischema.schema.json"),
                          str(ROOT / "generated" / "gaischema.rules.json"), str(tmp_path / "texts.json"),
                          str(tmp_path / "found.json")], cwd=tmp_path, capture_output=True, text=True,
                         timeout=300, check=False,
                         env={**os.environ, "GAISCHEMA_JS": (js_tree / "src" / "index.mjs").as_uri()})
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads((tmp_path / "found.json").read_text(encoding="utf-8"))
    python = _python_matches()
    # unmatched groups: None in Python, undefined (null in JSON) in JavaScript
    assert found == python
