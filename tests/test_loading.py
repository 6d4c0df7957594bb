"""The YAML fast path (yaml-rs) reads every document exactly as PyYAML's safe loader (the reference)."""

from __future__ import annotations

import random

import pytest
import yaml

from conftest import EXAMPLES
from gaischema import loading

VALUES = ["0", "-0", "+0", "00", "010", "0o17", "0x1f", "0b101", "1_000", "1.", "1.0", "-1.5", ".5", "-.5", "+.5",
          "1e3", "1.0e3", "1E3", "1e+3", ".inf", "-.inf", ".nan", "NaN", "inf", "yes", "Yes", "no", "NO", "on", "Off",
          "y", "n", "Y", "N", "true", "True", "TRUE", "false", "null", "Null", "NULL", "~", "", "=", "1:20",
          "190:20:30", "2024-01-05", "2024-1-5", "2024-01-05T10:00:00", "abc", "中文", "a b", "a: b", "a #c", "#c",
          "-", "- a", "12345678901234567890", "3.14159265358979323846", "0.1", "1,000", "+1", "-1", "1e", "e3", "0.",
          "00.5", "1__0", "5949.088667", "251000", "2023", "'q'", '"q"', "a'b", "'a''b'", '"a\\"b"',
          '"\\u4e2d\\x41\\t"', "'2024-01-05'", '"2024-01-05"', "'010'", "\\n", "x\\ty", "@x", "`x`", "%x", "!x",
          "&a", "*a", "[1]", "{a: 1}", "? x", "a  b", "0:10", "-1:20", "1.5:2", "v2021", "https://x.org/a?b=c#d",
          "a:b", "a,b", "中文：冒号", "1.5.3", "--", "1-2", "12-", "0.0", "-0.0", "100.00", "|\n  a\n  b",
          "|-\n  中文：冒号，a: b\n  # not a comment\n  - not a list", ">\n  a\n  b\n\n  c", "|+\n  a\n",
          "!!str 010", "!!python/object/apply:os.system ['x']", "&a 1", "*a"]
TEMPLATES = ["k: {}\n", "k:\n  - {}\n", "k:\n  x: {}\n  y: 1\n", "{}: 1\n", "a:\n  b:\n    c: {}\n", "k:\n  {}\n",
             "- {}\n", "k: 1\nk: {}\n", "--- \nk: {}\n", "k: {}\n...\n", "%YAML 1.1\n---\nk: {}\n", "k:\t{}\n",
             "k: {} # c\n", "k:\n\n  {}\n", "- - {}\n", "k:\n- {}\n", "k: # c\n  # d\n\n  {}\n",
             "k:\n  a\n  {}\n"]


def reference(text):
    try:
        return repr(yaml.load(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return "YAMLError"


def ours(text):
    try:
        return repr(loading.load_yaml(text))
    except yaml.YAMLError:
        return "YAMLError"
    except loading.InputError as err:  # refused on purpose: duplicate or non-text keys, NaN, aliases, merges
        assert err.rule in ("INPUT-KEY", "INPUT-DUPLICATE-KEY", "INPUT-NUMBER", "INPUT-YAML"), err
        return "REFUSED"


def same(text) -> bool:
    """Read as PyYAML reads it, or refused: never read otherwise."""
    got = ours(text)
    return got == reference(text) or got == "REFUSED"


def test_tricky_scalars_read_as_pyyaml_reads_them():
    for v in VALUES:
        for t in TEMPLATES:
            text = t.format(v)
            assert same(text), text


def test_random_documents_read_as_pyyaml_reads_them():
    rnd = random.Random(20261127)
    keys = ["organ", "report_year", "total", "natural_person", "yes", "010", "2024-01-05", "a b", "中文", "x1"]
    for _ in range(3000):
        lines = []
        for _ in range(rnd.randint(1, 6)):
            indent = "  " * rnd.randint(0, 2)
            value = (rnd.choice(VALUES).splitlines() or [""])[0]
            lines.append(f"{indent}{rnd.choice(keys)}:{rnd.choice([' ', '  '])}{value}")
        text = "\n".join(lines) + "\n"
        assert same(text), text


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*/*.yaml")), ids=lambda p: p.name)
def test_examples_read_as_pyyaml_reads_them(path):
    text = path.read_text(encoding="utf-8")
    assert ours(text) == reference(text)


def test_the_fast_path_is_taken_for_a_plain_report(monkeypatch):
    text = (EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml").read_text(encoding="utf-8")

    def refuse(*a, **k):
        raise AssertionError("PyYAML was used")

    monkeypatch.setattr(loading.yaml, "load", refuse)
    assert loading.load_yaml(text)["organ"] == "北仑区统计局"


def test_an_unquoted_date_goes_to_pyyaml():
    import datetime

    assert loading.load_yaml("d: 2024-01-05\n") == {"d": datetime.date(2024, 1, 5)}
    assert loading.load_yaml("d: '2024-01-05'\n") == {"d": "2024-01-05"}


def test_block_scalars_read_as_pyyaml_reads_them():
    import itertools

    heads = ["|", "|-", "|+", ">", ">-", ">+", "|2", "|-2", ">2-", "| # c", "|-  "]
    contents = ["", "  a", "  a\n  b", "  a\n\n  b", "\n  a", "  a\n", "  a\n\n", "  a  ", "    deeper\n  a",
                "  a\n    deeper", "  中文\n   x"]
    tails = ["\nz: 1\n", "\n", "", "\n\n", "\n  \n", "\n# c\n"]
    for h, c, t in itertools.product(heads, contents, tails):
        text = f"k: {h}\n{c}{t}" if c else f"k: {h}{t}"
        assert ours(text) == reference(text), text


@pytest.mark.parametrize("text,rule", [
    ("organ: a\norgan: b\n", "INPUT-DUPLICATE-KEY"),
    ("1: x\norgan: a\n", "INPUT-KEY"),
    ("organ: a\nx: .nan\n", "INPUT-NUMBER"),
    ("organ: a\nx: -.inf\n", "INPUT-NUMBER"),
    ("a: &v v2021\nb: *v\n", "INPUT-YAML"),
    ("a: {x: 1, <<: {y: 2}}\n", "INPUT-YAML"),
    ("organ: " + "9" * 5000 + "\n", "INPUT-NUMBER"),
])
def test_what_the_readme_refuses_is_refused(text, rule):
    with pytest.raises(loading.InputError) as info:
        loading.parse(text, "r.yaml")
    assert info.value.rule == rule


@pytest.mark.parametrize("text,rule", [
    ('{"organ": "a", "organ": "b"}', "INPUT-DUPLICATE-KEY"),
    ('{"organ": "a", "x": NaN}', "INPUT-NUMBER"),
    ('{"organ": "\\ud800"}', "INPUT-ENCODING"),
])
def test_json_refusals(text, rule):
    with pytest.raises(loading.InputError) as info:
        loading.parse(text, "r.json")
    assert info.value.rule == rule


def test_a_long_run_of_digits_is_read_in_linear_time():
    import time

    text = "organ: x\nnote: '" + "1" * 300_000 + "'\n"
    t0 = time.perf_counter()
    assert loading.parse(text, "r.yaml")["organ"] == "x"
    assert time.perf_counter() - t0 < 5  # was minutes: the fast path's number check backtracked


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029", "\r"])
def test_yaml_1_1_line_breaks_read_as_pyyaml_reads_them(brk):
    """NEL, LS and PS are line breaks to PyYAML (YAML 1.1), not to yaml-rs: such a document is PyYAML's."""
    for text in (f"organ: a{brk}b\nreport_year: 2023\n", f"organ: a\nreport_year: 2{brk}7\n",
                 f"organ: a\nnote: x{brk}y: 7\n"):
        assert same(text), repr(text)
