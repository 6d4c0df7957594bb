"""gaischema extract: the samples, every input kind and encoding, label variants, cell values, digit
splitting (unique, ambiguous, impossible) and bad input."""

from __future__ import annotations

import copy
import json

import pytest
import yaml

import layout
from conftest import EXAMPLES, SAMPLES, gaischema, load
from gaischema import validate
from gaischema.export import tidy_rows
from gaischema.extract import extract
from gaischema.loading import InputError

pytestmark = pytest.mark.skipif(not (SAMPLES / "expected.json").exists(), reason="shared samples not beside the checkout")
ROWS_T3 = ["new", "carry_in", "open", "partial", *[f"deny_{i}" for i in range(1, 9)],
           *[f"unable_{i}" for i in range(1, 4)], *[f"noproc_{i}" for i in range(1, 6)]]
COLS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org", "total"]


def cells(inst: dict) -> dict:
    return {r["path"]: r["value"] for r in tidy_rows(inst)}


def notes(result, kind=None):
    return [n for n in result.notes if kind is None or n.kind == kind]


@pytest.fixture(scope="module")
def expected():
    return json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


def _expected_t3(exp: dict) -> dict:
    """expected.json table 三 as {path: value}."""
    t3 = exp["t3"]
    order = ROWS_T3 + (["other"] if "other" in t3 else ["other_1", "other_2", "other_3"]) + ["total", "carry_out"]
    paths = [c["path"] for c in layout.resources.model()["cells"]["v2019" if "other" in t3 else "v2021"]
             if c["table"] == "三"]
    values = [v for key in order for v in t3[key]]
    return dict(zip(paths, values))


# ------------------------------------------------------------------------------------------------ samples
def test_beilun_equals_the_hand_written_example():
    got = extract(str(SAMPLES / "000_56695964816e1b37.txt"))
    hand = load(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")
    assert cells(got.instance) == cells(hand)
    for key in ("organ", "report_year", "format_version", "publication_date", "statistical_period",
                "overview", "problems_and_improvements", "other_matters"):
        assert got.instance[key] == hand[key], key
    assert got.notes == [] and got.complete
    assert validate(got.instance) == []


def test_pingtan_run_together_digits(expected):
    got = extract(str(SAMPLES / "pingtan-2023.txt"))
    exp = expected["pingtan-2023.txt"]
    c = cells(got.instance)
    assert {p: v for p, v in c.items() if p.startswith("applications.")} == _expected_t3(exp)
    t4 = [v for g in ("review", "lit_direct", "lit_after_review") for v in exp["t4"][g]]
    assert [v for p, v in c.items() if p.startswith("reviews_and_litigation.")] == t4
    assert c["proactive_disclosure.fees.fee_amount"] == 5949.088667
    assert c["proactive_disclosure.licensing.decisions"] == 2629
    # 77132470 (行政规范性文件: 本年制发, 废止, 现行有效) splits 21 ways and no rule constrains it: left blank
    amb = notes(got, "ambiguous")
    assert [n.path for n in amb] == ["proactive_disclosure.normative_documents"]
    assert "77,132,470" in amb[0].candidates and len(amb[0].candidates) == 21
    assert c["proactive_disclosure.normative_documents.issued"] is None
    inferred = {n.path for n in notes(got, "inferred")}
    assert "applications.results.granted" in inferred  # 220000022 is also 2,20,0,0,0,0,22 by its row total alone
    assert got.instance["organ"] == "平潭综合实验区管委会办公室"
    assert got.instance["publication_date"] == "2024-03-08"
    assert got.instance["source_url"].startswith("https://www.pingtan.gov.cn/")
    assert not got.complete
    # the validator finds no arithmetic problem (known_issues lists none), only the blank the ambiguity left
    assert {f.rule for f in validate(got.instance)} == {"T2-BLANK"}


def test_shanghai_2019_html(expected):
    got = extract(str(SAMPLES / "shanghai-gov-office-2019.html"))
    exp = expected["shanghai-gov-office-2019.html"]
    inst = got.instance
    assert (inst["organ"], inst["report_year"], inst["format_version"], inst["publication_date"]) == (
        "上海市人民政府办公厅", 2019, "v2019", "2020-01-31")
    c = cells(inst)
    blank = {n.path for n in notes(got, "blank")}
    for path, want in _expected_t3(exp).items():
        # every number equals expected.json; a cell that is empty in the published table stays blank
        # (expected.json reads most of those as 0: see the closing note of the extract issue)
        assert c[path] == want or (c[path] is None and path in blank and want in (0, None)), path
    nulls = [p for p, v in _expected_t3(exp).items() if v is None]
    assert len(nulls) == 12 and all(c[p] is None for p in nulls)
    assert c["proactive_disclosure_2019.procurement.procurement_amount"] == 251000
    assert [n.raw for n in notes(got, "unit")] == ["251000元"]
    assert c["proactive_disclosure_2019.regulations.total_published"] == 524
    # no arithmetic rule fails; the blanks are reported as blanks
    rules = {f.rule for f in validate(inst)}
    assert rules <= {"T3-BLANK", "T4-BLANK"} and "T3-BLANK" in rules


def test_shanghai_2025_markdown_is_read_honestly():
    """The garbled PDF text layer: what can be read is read; nothing is guessed."""
    got = extract(str(SAMPLES / "shanghai-gov-office-2025.md"))
    c = cells(got.instance)
    assert c["applications.new_applications.total"] == 1295
    assert c["applications.results.results_total.total"] == 1191
    assert not got.complete
    exp = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))["shanghai-gov-office-2025.md"]
    want = _expected_t3(exp)
    for path, value in c.items():
        if value is not None and path in want:
            assert value == want[path], path  # whatever was read is right


def test_gbk_copy_extracts_the_same_instance(tmp_path):
    src = SAMPLES / "000_56695964816e1b37.txt"
    gbk = tmp_path / "beilun-gbk.txt"
    gbk.write_bytes(src.read_text(encoding="utf-8").encode("gbk"))
    bom = tmp_path / "beilun-bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + src.read_bytes())
    a, b, c = extract(str(src)).instance, extract(str(gbk)).instance, extract(str(bom)).instance
    assert b["extraction"]["source_encoding"] == "gb18030"
    assert c["extraction"]["source_encoding"] == "utf-8-sig"
    for x in (a, b, c):
        x.pop("extraction")
    assert a == b == c


# ------------------------------------------------------------------------------------------------ input kinds
@pytest.fixture(scope="module")
def pingtan():
    return load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml")


@pytest.mark.parametrize("kind", ["lines", "spaces", "run-together", "html", "docx", "htm-gbk"])
def test_every_input_kind_round_trips(tmp_path, pingtan, kind):
    inst = pingtan
    if kind == "lines":
        p = tmp_path / "r.txt"
        p.write_text(layout.as_text(inst, "\n"), encoding="utf-8")
    elif kind == "spaces":
        p = tmp_path / "r.txt"
        p.write_text(layout.as_text(inst, " "), encoding="utf-8")
    elif kind == "run-together":
        p = tmp_path / "r.txt"
        p.write_text(layout.as_text(inst, ""), encoding="utf-8")
    elif kind == "html":
        p = tmp_path / "r.html"
        p.write_text(layout.as_html(inst), encoding="utf-8")
    elif kind == "htm-gbk":
        p = tmp_path / "r.htm"
        p.write_bytes(layout.as_html(inst).encode("gb18030"))
    else:
        p = tmp_path / "r.docx"
        p.write_bytes(layout.as_docx(inst))
    got = extract(str(p))
    want = cells(inst)
    have = cells(got.instance)
    if kind == "run-together":  # 77132470 cannot be split without a separator; the rest can
        amb = {n.path for n in notes(got, "ambiguous")}
        assert amb == {"proactive_disclosure.normative_documents"}
        want = {k: (None if k.startswith("proactive_disclosure.normative_documents.") else v) for k, v in want.items()}
    assert have == want
    assert got.instance["organ"] == inst["organ"] and got.instance["report_year"] == 2023
    assert got.instance["overview"] == inst["overview"]


def test_label_variants(tmp_path, pingtan):
    text = layout.as_text(pingtan, "\n")
    text = (text.replace("上年结转", "上年转结").replace("结转下年度", "转结下年度")
            .replace("1.属于国家秘密", "1、属于\n国家 秘密")          # other numbering, a line break and a space inside
            .replace("4.保护第三方合法权益", "保护第三方合法权益")      # numbering missing
            .replace("（五）不予处理", "(五)不予处理")                  # half-width brackets
            .replace("二、主动公开政府信息情况", "主动公开政府信息情况")   # heading without its number
            .replace("行政复议、行政诉讼情况", "行政法复议、行政诉讼情况")  # a misspelt heading (seen in the wild)
            .replace("危及“三安全一稳定”", "危及三安全一稳定"))           # quotes dropped
    text = text.replace("\n2629\n", "\n２６２９\n")  # full-width digits
    p = tmp_path / "variants.txt"
    p.write_text(text, encoding="utf-8")
    got = extract(str(p))
    assert cells(got.instance) == cells(pingtan)
    assert got.complete


def test_cell_values_blank_marks_units_and_decimals(tmp_path, pingtan):
    inst = copy.deepcopy(pingtan)
    text = layout.as_text(inst, "\n")
    lines = text.split("\n")
    i = lines.index("行政许可")
    lines[i + 1] = "—"
    i = lines.index("行政强制")
    lines[i + 1] = "54件"
    i = lines.index("（一）予以公开")
    lines[i + 3] = "/"
    lines[i + 4] = "无"
    p = tmp_path / "marks.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    got = extract(str(p))
    c = cells(got.instance)
    assert c["proactive_disclosure.licensing.decisions"] is None
    assert c["proactive_disclosure.coercion.decisions"] == 54
    assert c["proactive_disclosure.fees.fee_amount"] == 5949.088667
    assert c["applications.results.granted.research_institution"] is None
    assert c["applications.results.granted.social_welfare_org"] is None
    assert {(n.kind, n.path, n.raw) for n in got.notes if n.path != "publication_date"} == {
        ("blank", "proactive_disclosure.licensing.decisions", "—"),
        ("unit", "proactive_disclosure.coercion.decisions", "54件"),
        ("blank", "applications.results.granted.research_institution", "/"),
        ("blank", "applications.results.granted.social_welfare_org", "无"),
    }
    assert got.complete  # blanks are read (as blanks): the validator reports them
    assert {f.rule for f in validate(got.instance)} == {"T2-BLANK", "T3-BLANK"}


# ------------------------------------------------------------------------------------------------ digit splitting
def _run_together(inst, tmp_path, edit=lambda t: t):
    p = tmp_path / "rt.txt"
    p.write_text(edit(layout.as_text(inst, "")), encoding="utf-8")
    return extract(str(p))


def test_split_unique_needs_the_column_rules(tmp_path, pingtan):
    got = _run_together(pingtan, tmp_path)
    n = next(n for n in got.notes if n.path == "applications.results.granted")
    assert n.kind == "inferred" and n.raw == "220000022" and n.candidates == ["22,0,0,0,0,0,22"]
    assert cells(got.instance)["applications.results.granted.natural_person"] == 22


def test_split_ambiguous_leaves_blank(tmp_path, pingtan):
    got = _run_together(pingtan, tmp_path)
    n = next(n for n in got.notes if n.path == "proactive_disclosure.normative_documents")
    assert n.kind == "ambiguous" and n.raw == "77132470"
    assert all(cells(got.instance)[f"proactive_disclosure.normative_documents.{k}"] is None
               for k in ("issued", "repealed", "in_force"))


def test_split_impossible_leaves_blank(tmp_path, pingtan):
    # table 四 digits that no split into three groups with their totals can explain
    got = _run_together(pingtan, tmp_path, lambda t: t.replace("110024001510102", "110034001510102"))
    n = next(n for n in got.notes if n.path == "reviews_and_litigation")
    assert n.kind == "impossible"
    assert all(v is None for p, v in cells(got.instance).items() if p.startswith("reviews_and_litigation."))
    assert not got.complete


# ------------------------------------------------------------------------------------------------ bad input
BAD = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\x03" * 100,
    "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "no-tables.html": "<html><body><p>通知</p><p>政府信息公开工作年度报告</p></body></html>".encode(),
    "letter.txt": "关于召开会议的通知\n各单位：定于明日召开会议。\n".encode(),
    "latin1.txt": "caf\xe9 \xff\xfe r\xe9sum\xe9".encode("latin-1") * 3,
    "not-a-docx.docx": b"PK\x03\x04garbage",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_one_line_exit_2(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(BAD[name])
    with pytest.raises(InputError):
        extract(str(p))
    proc = gaischema("extract", str(p))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    assert proc.stdout == b""


def test_huge_file_refused(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    proc = gaischema("extract", str(p))
    assert proc.returncode == 2 and "INPUT-TOO-LARGE" in proc.stderr.decode()


# ------------------------------------------------------------------------------------------------ command line
def test_cli_pipe_into_validate():
    ext = gaischema("extract", str(SAMPLES / "000_56695964816e1b37.txt"), "-o", "-")
    assert ext.returncode == 0
    val = gaischema("validate", "-", stdin=ext.stdout)
    assert val.returncode == 0, val.stdout.decode()


def test_cli_out_dir_formats_notes_and_never_overwrites(tmp_path):
    out = tmp_path / "out"
    proc = gaischema("extract", str(SAMPLES / "pingtan-2023.txt"), str(SAMPLES / "000_56695964816e1b37.txt"),
                     "--out-dir", str(out), "--format", "json")
    assert proc.returncode == 1  # pingtan has an ambiguous row
    err = proc.stderr.decode()
    assert "ambiguous" in err and "proactive_disclosure.normative_documents" in err
    inst = json.loads((out / "pingtan-2023.json").read_text(encoding="utf-8"))
    assert inst["extraction"]["notes"][0]["note_kind"] in ("inferred", "ambiguous")
    assert (out / "000_56695964816e1b37.json").exists()
    before = (out / "pingtan-2023.json").read_bytes()
    again = gaischema("extract", str(SAMPLES / "pingtan-2023.txt"), "--out-dir", str(out), "--format", "json")
    assert again.returncode == 2 and (out / "pingtan-2023.json").read_bytes() == before
    forced = gaischema("extract", str(SAMPLES / "pingtan-2023.txt"), "--out-dir", str(out), "--format", "json", "--force")
    assert forced.returncode == 1


def test_cli_yaml_output_file(tmp_path):
    out = tmp_path / "b.yaml"
    proc = gaischema("extract", str(SAMPLES / "shanghai-gov-office-2019.html"), "-o", str(out))
    assert proc.returncode == 0
    inst = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert inst["format_version"] == "v2019" and inst["extraction"]["source_format"] == "html"
    assert gaischema("validate", str(out)).returncode == 1  # the blank cells


def test_cli_usage():
    assert gaischema("extract").returncode == 2
    assert gaischema("extract", "a.txt", "b.txt").returncode == 2  # several sources need --out-dir
