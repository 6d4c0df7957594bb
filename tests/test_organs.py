"""One identity per organ (gaischema.organs), the roster of who must publish, and the copies of one report.

The fixtures are the bundled 平潭 2023 instance under other names and years, and one report published in three
forms by the real producers (gaischema's HTML rendering, Chromium's PDF of it, poppler's text of that PDF), one
copy changed. Expected values come from the documents: which spellings name one organ is what the names say
(管委会 is 管理委员会), the XR-IN-FORCE value is arithmetic by hand (400 + 77 − 132 = 345), the changed cell is
the one changed."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import CHROMIUM, EXAMPLES, ROOT, SAMPLES, gaischema, gaischema_json, load, needs_samples, print_pdf

from gaischema import organs

PINGTAN = EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml"
IN_FORCE = "proactive_disclosure.normative_documents.in_force"  # 470 in 2023; issued 77, repealed 132


def _report(organ: str, year: int, in_force: int | None = None, **extra) -> dict:
    inst = copy.deepcopy(load(PINGTAN))
    inst.update(organ=organ, report_year=year, publication_date=f"{year + 1}-03-08",
                statistical_period={"start_date": f"{year}-01-01", "end_date": f"{year}-12-31"}, **extra)
    if in_force is not None:
        inst["proactive_disclosure"]["normative_documents"]["in_force"] = in_force
    return inst


def _write(folder, reports: dict[str, dict]) -> None:
    folder.mkdir(exist_ok=True)
    for name, inst in reports.items():
        (folder / name).write_text(yaml.safe_dump(inst, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _cross(results: list) -> list[tuple[str, str, str | None]]:
    """(file name, rule, previous file name) of every cross-report finding."""
    short = lambda p: p.rsplit("/", 1)[-1] if p else p
    return sorted((short(r["file"]), f["rule"], short(f.get("previous"))) for r in results for f in r["findings"]
                  if f["rule"].startswith("XR-"))


FIVE = {  # one organ under five spellings over three years (2022 and 2023 each published twice)
    "a-2021.yaml": ("平潭综合实验区管理委员会", 2021, None),
    "b-2022.yaml": ("平潭综合实验区管委会", 2022, 400),
    "c-2022.yaml": ("平潭综合实验区　管 委 会", 2022, 400),  # full-width and half-width spaces
    "d-2023.yaml": ("平潭综合实验区", 2023, None),
    "e-2023.yaml": ("平潭综合实验区管委会\u200b", 2023, None),  # an invisible character
}


def test_five_spellings_of_one_organ_are_one_identity_and_its_years_are_compared(tmp_path):
    _write(tmp_path, {n: _report(o, y, f) for n, (o, y, f) in FIVE.items()})
    before = {organs.normal(o) for o, _, _ in FIVE.values()}
    assert len(before) == 3  # the old key: spaces and the invisible character aside, three names
    res = organs.resolve([("", organs.normal(o), y) for o, y, _ in FIVE.values()])
    assert {i.canonical for i in res.identities.values()} == {"平潭综合实验区管理委员会"}  # the spelling written out
    notes = {u[1]: i.note for u, i in res.identities.items()}
    assert "管委会→管理委员会" in notes["平潭综合实验区管委会"] and notes["平潭综合实验区管理委员会"] == ""
    assert "别称 alias of 平潭综合实验区管理委员会" in notes["平潭综合实验区"]
    _, results = gaischema_json("validate", str(tmp_path))
    # each year against the year before across spellings (the first copy of each year): 2022's 400 against
    # 2021's 470 + 77 - 132 = 415, 2023's 470 against 400 + 77 - 132 = 345; the copies agree (no
    # XR-COPIES-DISAGREE); the narrative, the same every year, is XR-NARRATIVE-REPEAT across spellings too
    in_force = sorted((r["file"].rsplit("/", 1)[-1], f["previous"].rsplit("/", 1)[-1], f["path"], f["reported"],
                       f["expected"]) for r in results for f in r["findings"] if f["rule"] == "XR-IN-FORCE")
    assert in_force == [("b-2022.yaml", "a-2021.yaml", IN_FORCE, 400, 415), ("d-2023.yaml", "b-2022.yaml", IN_FORCE, 470, 345)]
    rules = {(f, rule) for f, rule, _ in _cross(results)}
    assert {f for f, rule in rules if rule == "XR-NARRATIVE-REPEAT"} == {"b-2022.yaml", "d-2023.yaml"}
    assert not {rule for _, rule in rules} - {"XR-IN-FORCE", "XR-NARRATIVE-REPEAT"}
    proc = gaischema("organs", str(tmp_path))
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert proc.returncode == 0 and len(rows) == 1
    assert rows[0]["canonical_organ"] == "平潭综合实验区管理委员会" and rows[0]["roster_kind"] == "片区"
    assert set(rows[0]["organ_aliases"].split(";")) == {"平潭综合实验区管委会", "平潭综合实验区"}


def test_a_rename_is_followed_through_the_roster(tmp_path):
    _write(tmp_path / "r", {"old-2022.yaml": _report("甲县财政局", 2022, 400),
                            "new-2023.yaml": _report("县财政金融局", 2023)})  # printed without its place
    roster = tmp_path / "organs.yaml"
    roster.write_text(yaml.safe_dump({"organs": [
        {"canonical_organ": "甲县", "roster_kind": "人民政府", "organ_level": "县", "division_code": "990001"},
        {"canonical_organ": "甲县财政局", "parent_organ": "甲县", "last_year": 2022, "successor_organ": "甲县财政金融局"},
        {"canonical_organ": "甲县财政金融局", "parent_organ": "甲县", "first_year": 2023},
    ]}, allow_unicode=True), encoding="utf-8")
    _, results = gaischema_json("validate", str(tmp_path / "r"))
    assert _cross(results) == []  # without the roster: two organs, nothing compared
    code, results = gaischema_json("validate", str(tmp_path / "r"), "--organs", str(roster))
    found = _cross(results)
    assert ("new-2023.yaml", "XR-IN-FORCE", "old-2022.yaml") in found  # 470 against 400 + 77 - 132
    # neither organ is missing in a year it did not exist; only 甲县 (the government) published nothing
    missing = sorted(f["message_en"] for r in results if r["file"] == "organs.yaml" for f in r["findings"])
    assert missing == ["The roster's organ 甲县 has no annual report for 2022",
                       "The roster's organ 甲县 has no annual report for 2023"]


def test_a_roster_names_the_organs_that_did_not_publish(tmp_path):
    _write(tmp_path / "r", {"x.yaml": _report("乙县统计局", 2022), "y.yaml": _report("乙县统计局", 2023),
                            "z.yaml": _report("乙县气象局", 2023)})
    roster = tmp_path / "organs.csv"
    roster.write_text("canonical_organ,organ_aliases,division_code,organ_level,roster_kind,parent_organ,first_year,"
                      "last_year,successor_organ\n乙县统计局,,,县,部门,,,,\n乙县教育局,县教育局,,县,部门,,,,\n"
                      "乙县卫生健康局,,,县,部门,,2023,,\n", encoding="utf-8")
    code, results = gaischema_json("validate", str(tmp_path / "r"), "--organs", str(roster))
    assert code == 1  # XR-NOT-PUBLISHED is an error
    missing = sorted((f["reported"], f["expected"]) for r in results if r["file"] == "organs.csv"
                     for f in r["findings"] if f["rule"] == "XR-NOT-PUBLISHED")
    assert missing == [("乙县卫生健康局", 2023), ("乙县教育局", 2022), ("乙县教育局", 2023)]
    res = organs.resolve([("", "乙县统计局", 2022), ("", "乙县气象局", 2023)], organs.load_roster(str(roster)))
    assert res.unlisted == ["乙县气象局"]  # a report whose organ is on no record
    # the page's roster × year grid: the roster's organs, then the one not on it
    page = tmp_path / "page.html"
    proc = gaischema("report", str(tmp_path / "r"), "-o", str(page), "--organs", str(roster), "--no-cache")
    assert proc.returncode == 1, proc.stderr.decode()[-2000:]
    html = page.read_text(encoding="utf-8")
    grid = html[html.index('id="table-roster"'):html.index("</table>", html.index('id="table-roster"'))]
    cells = [re.findall(r'<td class="grid-([a-z]+)">', row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", grid)[1:]]
    organs_shown = re.findall(r"<tr[^>]*><td>([^<（]+)", grid)
    assert dict(zip(organs_shown, cells)) == {"乙县统计局": ["published", "published"], "乙县教育局": ["missing", "missing"],
                                              "乙县卫生健康局": ["na", "missing"], "乙县气象局 ": ["none", "published"]}


@pytest.mark.parametrize("text, problem", [
    ("canonical_organ,colour\n甲县,red\n", "colour"),
    ("canonical_organ,first_year\n甲县,twenty\n", "first_year"),
    ("canonical_organ,successor_organ\n甲县,乙县\n", "successor"),
    ("canonical_organ\n甲县\n甲县\n", "twice"),
])
def test_a_roster_that_makes_no_sense_is_one_line_and_exit_2(tmp_path, text, problem):
    roster = tmp_path / "organs.csv"
    roster.write_text(text, encoding="utf-8")
    proc = gaischema("validate", str(PINGTAN), "--organs", str(roster))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and problem in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_prefix_forms_resolve_only_where_one_organ_has_them():
    one = organs.resolve([("", "平潭综合实验区财政金融局", 2022), ("", "区财政金融局", 2023)])
    assert len({i.entry for i in one.identities.values()}) == 1
    two = organs.resolve([("", "甲区财政局", 2022), ("", "乙区财政局", 2022), ("", "区财政局", 2023)])
    ident = two.identities[("", "区财政局", 2023)]
    assert ident.entry == "区财政局" and "ambiguous" in ident.note


def _forms(tmp_path):
    """One report in three forms, each made by its real producer: gaischema's HTML rendering (of the report
    with 行政许可 changed from 2629 to 2692: the web page was edited), Chromium's PDF of the original rendering,
    poppler's text of that PDF."""
    if CHROMIUM is None or shutil.which("pdftotext") is None:
        pytest.skip("needs Chromium and poppler-utils")
    folder = tmp_path / "forms"
    folder.mkdir()
    changed = load(PINGTAN)
    changed["proactive_disclosure"]["licensing"]["decisions"] = 2692
    changed_yaml = tmp_path / "changed.yaml"
    changed_yaml.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
    page = tmp_path / "original.html"
    assert gaischema("render", str(PINGTAN), "-o", str(page)).returncode == 0
    assert gaischema("render", str(changed_yaml), "-o", str(folder / "pingtan-web.html")).returncode == 0
    print_pdf(page, folder / "pingtan.pdf", tmp_path / "profile")
    subprocess.run(["pdftotext", "-layout", str(folder / "pingtan.pdf"), str(folder / "pingtan.txt")], check=True)
    return folder


def _page_data(html: str) -> list[dict]:
    return json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(1))


def test_one_report_in_three_forms_is_one_row_and_the_changed_cell_is_named(tmp_path):
    folder = _forms(tmp_path)
    out = tmp_path / "page.html"
    proc = gaischema("report", str(folder), "-o", str(out), "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]
    html = out.read_text(encoding="utf-8")
    rows = _page_data(html)
    assert len(rows) == 3 and {r["copies"] for r in rows} == {3}
    assert len({r["canonical"] for r in rows}) == 1
    copies = html[html.index('id="copies"'):html.index("</section>", html.index('id="copies"'))]
    assert copies.count("<tr>") == 2  # the header and one report
    assert all(name in copies for name in ("pingtan-web.html", "pingtan.pdf", "pingtan.txt"))
    # the HTML copy is the first given (folders are read in name order: .html before .pdf and .txt): the two
    # other copies disagree with it in the one changed cell, and only there
    disagree = [(r["file"].rsplit("/", 1)[-1], r["rules"]) for r in rows if "XR-COPIES-DISAGREE" in r["rules"]]
    assert sorted(d[0] for d in disagree) == ["pingtan.pdf", "pingtan.txt"]
    _, results = gaischema_json("validate", *(str(p) for p in _instances(tmp_path, folder)))
    found = [(r["file"].rsplit("/", 1)[-1], f["path"], f["reported"], f["expected"], f["previous"].rsplit("/", 1)[-1])
             for r in results for f in r["findings"] if f["rule"].startswith("XR-")]
    cell = "proactive_disclosure.licensing.decisions"  # extract's names: pingtan.yaml is the PDF's instance
    assert sorted(found) == [("pingtan.txt.yaml", cell, 2629, 2692, "pingtan-web.yaml"),
                             ("pingtan.yaml", cell, 2629, 2692, "pingtan-web.yaml")]
    assert all("pingtan-web.yaml" in f["message"] for r in results for f in r["findings"] if f["rule"].startswith("XR-"))


def _instances(tmp_path, folder):
    out = tmp_path / "instances"
    proc = gaischema("extract", str(folder), "--out-dir", str(out))
    assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]
    return sorted(out.glob("*.yaml"))  # pingtan-web.yaml, pingtan.txt.yaml, pingtan.yaml: the HTML's first


@needs_samples
def test_the_samples_pingtan_2023_is_one_report_in_four_copies(tmp_path):
    if not (SAMPLES / "pingtan-2023-scan.pdf").exists():
        pytest.skip(f"the shared samples are not beside this checkout ({SAMPLES})")
    pytest.importorskip("rapidocr_onnxruntime")
    folder = tmp_path / "samples"
    folder.mkdir()
    for name in ("pingtan-2023.txt", "pingtan-2023-word.pdf", "pingtan-2023-scan.pdf", "pingtan-2023-ocr.md",
                 "000_56695964816e1b37.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    out = tmp_path / "page.html"
    # the scan is read by OCR (~25 s of CPU): more time than the default limits and conftest's 120 s allow
    proc = subprocess.run([sys.executable, "-m", "gaischema.cli", "report", str(folder), "-o", str(out), "--no-cache",
                           "--max-seconds", "300", "-j", "2"], check=False, capture_output=True, timeout=900, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]
    rows = {r["file"].rsplit("/", 1)[-1]: r for r in _page_data(out.read_text(encoding="utf-8"))}
    pingtan = [rows[n] for n in rows if n.startswith("pingtan-2023")]
    assert len(pingtan) == 4 and all(r["status"] != "unreadable" for r in pingtan)
    assert {r["canonical"] for r in pingtan} == {"平潭综合实验区"} and {r["copies"] for r in pingtan} == {4}
    assert rows["000_56695964816e1b37.txt"]["copies"] == 1
    # the organs × rules table names the one organ, not its spellings (the copies' disagreements included)
    heat = re.search(r'<table class="data" id="table-heatmap">.*?<tbody>(.*?)</tbody>', out.read_text(encoding="utf-8"), re.S)
    organs_shown = set(re.findall(r"<tr><td>(.*?)</td>", heat.group(1))) if heat else set()
    assert not {o for o in organs_shown if o.startswith("平潭")} - {"平潭综合实验区"}, organs_shown
