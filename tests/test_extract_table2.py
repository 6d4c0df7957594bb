"""表二 as printed and the format version (issue #23): run-together triples settled by the report's own text
(with a note naming the sentence), the 2019 format's signed 本年增/减 in run-together rows (0+11, 88-720),
amounts with units converted to the column's unit, and a 2021 table 三 under a 2019-style table 二 read as a
mixed report that keeps every cell. Expected values are the printed numbers, worked out by hand.
"""

from __future__ import annotations

import pytest

import layout
from conftest import EXAMPLES, SAMPLES, load, needs_samples
from gaischema import validate
from gaischema.extract import extract

BASE = load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml")
I2019 = load(EXAMPLES / "valid" / "AnnualReport-format2019-shanghai-totals-filled.yaml")
IDENTITIES = ("T3-ROW-TOTAL", "T3-RESULTS-TOTAL", "T3-BALANCE", "T4-TOTAL")
FEES = "proactive_disclosure.fees.fee_amount"


def read(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return extract(str(p))


def notes_at(got, path: str) -> list:
    return [n for n in got.notes if n.path == path]


# ------------------------------------------------------------------------------------------------ amounts and units
@pytest.mark.parametrize("how", ["lines", "together", "html"])
@pytest.mark.parametrize("printed, want, converted", [
    ("547.9659万元", 547.9659, False),
    ("1973601627.4元", 197360.16274, True),   # 1,973,601,627.4 元 ÷ 10,000 = 197,360.16274 万元
    ("59,490,886.67元", 5949.088667, True),   # thousands separators: one number, never 59
    ("251000元", 25.1, True),
])
def test_amounts_with_units_are_converted_to_the_columns_unit(tmp_path, how, printed, want, converted):
    """本年收费金额（单位：万元） printed with a unit: the number in 万元, a unit note saying what was printed; never
    a number of 元 taken for 万元."""
    if how == "html":
        text, name = layout.as_html(BASE), "r.html"
    else:
        text, name = layout.as_text(BASE, "\n" if how == "lines" else ""), "r.txt"
    assert text.count("5949.088667") == 1
    got = read(tmp_path, name, text.replace("5949.088667", printed))
    assert got.instance["proactive_disclosure"]["fees"]["fee_amount"] == want
    [note] = notes_at(got, FEES)
    assert note.kind == "unit" and note.raw == printed
    assert ("converted to 万元" in note.message) == converted


# ------------------------------------------------------------------------------------------------ signed changes
def test_signed_changes_of_the_2019_format_run_together(tmp_path):
    """2019 第二十条第（五）项 rows run together with the sign of 本年增/减: 行政许可 0+11 is 0, +1, 1 (the only
    reading: the sign begins the 本年增/减 cell); 行政强制 5-23 is 5, -2, 3; 行政处罚 88-720 is 88, -7, 20 or
    88, -72, 0 (no rule tells): blank, both readings in the note. Spaced apart (88 -7 20) every cell is read."""
    inst = {**I2019, "proactive_disclosure_2019": {**I2019["proactive_disclosure_2019"],
            "licensing": {"previous_items": 0, "change": 1, "decisions": 1},
            "penalty": {"previous_items": 88, "change": -7, "decisions": 20},
            "coercion": {"previous_items": 5, "change": -2, "decisions": 3}}}
    text = layout.as_text(inst, "")
    assert "行政许可01" in text
    text = text.replace("行政许可011", "行政许可0+11")  # the layout prints +1 as 1
    got = read(tmp_path, "r.txt", text)
    t2 = got.instance["proactive_disclosure_2019"]
    assert t2["licensing"] == {"previous_items": 0, "change": 1, "decisions": 1}
    assert t2["coercion"] == {"previous_items": 5, "change": -2, "decisions": 3}
    assert "penalty" not in t2
    [note] = notes_at(got, "proactive_disclosure_2019.penalty")
    assert note.kind == "ambiguous" and note.raw == "88-720" and sorted(note.candidates) == ["88,-7,20", "88,-72,0"]
    spaced = read(tmp_path, "s.txt", layout.as_text(inst, " "))
    assert spaced.instance["proactive_disclosure_2019"]["penalty"] == {"previous_items": 88, "change": -7, "decisions": 20}


# ------------------------------------------------------------------------------------------------ the text settles
def test_a_run_together_triple_settled_by_the_reports_own_text(tmp_path):
    """97253 for 行政规范性文件 (本年制发, 废止, 现行有效) has six readings and no rule ties them; the overview says
    本年度制发规范性文件9件，废止7件，现行有效253件: 9, 7, 253, with a note quoting the sentence."""
    inst = {**BASE, "proactive_disclosure": {**BASE["proactive_disclosure"],
            "normative_documents": {"issued": 9, "repealed": 7, "in_force": 253}},
            "overview": "本机关坚持依法公开。本年度制发规范性文件9件，废止7件，现行有效253件。"}
    got = read(tmp_path, "r.txt", layout.as_text(inst, ""))
    assert got.instance["proactive_disclosure"]["normative_documents"] == {"issued": 9, "repealed": 7, "in_force": 253}
    [note] = notes_at(got, "proactive_disclosure.normative_documents")
    assert note.kind == "inferred" and note.raw == "97253" and note.candidates == ["9,7,253"]
    assert "本年度制发规范性文件9件，废止7件，现行有效253件" in note.message
    # without the sentence, the row stays blank: nothing is guessed
    quiet = read(tmp_path, "q.txt", layout.as_text({**inst, "overview": "本机关坚持依法公开。"}, ""))
    assert "normative_documents" not in quiet.instance["proactive_disclosure"]
    assert notes_at(quiet, "proactive_disclosure.normative_documents")[0].kind == "ambiguous"


@needs_samples
def test_the_pingtan_text_states_one_number_and_contradicts_another():
    """The 平潭 page: 77132470 has 21 readings; its text says 制发 77 (5 readings keep it) and 现行有效 393 (no
    reading has it: the text contradicts the table, settling nothing): the row stays blank, as before. Where the
    text says 470 (as the original page's table), 77, 132, 470 is the one reading."""
    text = (SAMPLES / "pingtan-2023.txt").read_text(encoding="utf-8")
    got = extract("pingtan-2023.txt", text.encode())
    assert "normative_documents" not in got.instance["proactive_disclosure"]
    fixed = text.replace("现行有效行政规范性文件393件", "现行有效行政规范性文件470件")
    got = extract("pingtan-2023.txt", fixed.encode())
    assert got.instance["proactive_disclosure"]["normative_documents"] == {"issued": 77, "repealed": 132, "in_force": 470}


# ------------------------------------------------------------------------------------------------ format version
@pytest.mark.parametrize("how", ["lines", "together", "html"])
def test_a_2021_table_three_under_a_2019_table_two(tmp_path, how):
    """A mixed report: table 二 in the 2019 layout (the 上海 2019 example's), tables 三 and 四 in the 2021 layout
    (平潭 2023's, with （六）其他处理 in three items). The version is table 三's; a note says the report is mixed;
    every cell is kept (table 二 in its own layout, the （六） cells of 2021)."""
    i19 = I2019
    heading = "三、收到和处理政府信息公开申请情况"
    if how == "html":
        a, b = layout.as_html(i19), layout.as_html(BASE)
        cut_a, cut_b = a.index(f"<p>{heading}"), b.index(f"<p>{heading}")
        name = "mixed.html"
    else:
        sep = "\n" if how == "lines" else ""
        a, b = layout.as_text(i19, sep), layout.as_text(BASE, sep)
        cut_a, cut_b = a.index(heading), b.index(heading)
        name = "mixed.txt"
    (tmp_path / name).write_text(a[:cut_a] + b[cut_b:], encoding="utf-8")
    got = extract(str(tmp_path / name))
    inst = got.instance
    assert inst["format_version"] == "v2021"
    note = next(n for n in got.notes if n.path == "format_version")
    assert note.kind == "source" and "mixed" in note.message and "2019" in note.message
    for slot in ("applications", "reviews_and_litigation"):
        assert inst[slot] == BASE[slot]
    assert inst["applications"]["results"]["other_handling"]["no_correction"]["total"] == 1  # a （六） cell of 2021
    read2 = cells_2019(inst)
    want2 = cells_2019(i19)
    if how == "together":  # 13 13 524 run together: several splits and no rule ties them: blank, never misread
        assert all(read2.get(p) in (None, v) for p, v in want2.items())
    else:
        assert read2 == want2
    assert "proactive_disclosure" not in inst  # the 2021 table 二 was not printed
    assert not [f for f in validate(inst) if f.rule in IDENTITIES]


def cells_2019(inst: dict) -> dict:
    out = {}
    for row, vals in (inst.get("proactive_disclosure_2019") or {}).items():
        for k, v in vals.items():
            if k != "procurement_amount_unit":
                out[f"{row}.{k}"] = v
    return out
