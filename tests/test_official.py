"""The official's path, with files an office suite saved: the fill-in workbook filled and recalculated by
LibreOffice (formula totals with saved results, 0 among them; a hand-typed ``2件`` that turns the totals adding it
into ``#VALUE!``), and the Word template filled and saved again by LibreOffice. Each goes through
``gaischema validate``/``extract`` and through the validator page in Chromium; both give the same findings, and
the findings are the ones worked out by hand from what was typed (a correct report: none).

The workbook is filled with openpyxl (values typed into the number cells, the template's formulas left as they
are) and then opened, recalculated and saved by ``soffice --headless --convert-to xlsx``; the Word file gets
each value typed into its table cell and is saved again by ``soffice --convert-to docx`` - the files the tests
read are LibreOffice's own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, gaischema, gaischema_json
from test_validator_page import key, shown_findings

from gaischema import cellmap
from gaischema.model import get

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)")
BEILUN = EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml"
GRANTED_FIRM = "applications.results.granted.commercial_enterprise"  # 表三 （一）予以公开 × 商业企业: 0 in 北仑 2023


def _instance() -> dict:
    return yaml.safe_load(BEILUN.read_text(encoding="utf-8"))


def _soffice(sources: list[Path], fmt: str, out: Path) -> list[Path]:
    """The files opened and saved again by LibreOffice (one start for all of them)."""
    out.mkdir(exist_ok=True)
    proc = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{out}/profile", "--convert-to", fmt,
                           "--outdir", str(out), *map(str, sources)], capture_output=True, text=True, timeout=300)
    saved = [out / src.name for src in sources]
    assert proc.returncode == 0 and all(p.exists() for p in saved), proc.stderr
    return saved


def _fill_workbook(template: Path, target: Path, typed: dict[str, object]) -> None:
    from openpyxl import load_workbook

    inst = _instance()
    wb = load_workbook(template)
    for row in wb["报告信息"].iter_rows(min_row=2):
        if (value := get(inst, row[0].value)) is not None:
            row[2].value = value
    for path, (sheet, coord) in cellmap.sheet_places(inst["format_version"]).items():
        cell = wb[sheet][coord]
        if path in typed:
            cell.value = typed[path]
        elif not (isinstance(cell.value, str) and cell.value.startswith("=")):  # the 总计 formulas stay
            cell.value = get(inst, path)
    wb.save(target)


def _fill_word(template: Path, target: Path, typed: dict[str, object]) -> None:
    """Each value typed into its table cell (a run after the cell's bookmark), the title written."""
    inst = _instance()
    with zipfile.ZipFile(template) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    for path, name in cellmap.bookmark_of(inst["format_version"]).items():
        text = str(typed.get(path, get(inst, path)))
        xml, n = re.subn(rf'(<w:bookmarkStart w:id="\d+" w:name="{name}"/>)', rf"\1<w:r><w:t>{text}</w:t></w:r>", xml)
        assert n == 1
    xml = xml.replace("（机关名称）（年度）年", f"{inst['organ']}{inst['report_year']}年")
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


# what was typed, and the findings it must give (worked out by hand from the 北仑 2023 values)
TYPED = {
    "good.xlsx": ({}, set()),
    # 2件 is read as 2 (CELL-UNIT); LibreOffice shows #VALUE! in the three totals that add it up
    "unit.xlsx": ({GRANTED_FIRM: "2件"}, {("CELL-UNIT", GRANTED_FIRM),
                                        ("CELL-ERROR", "applications.results.granted.total"),
                                        ("CELL-ERROR", "applications.results.results_total.commercial_enterprise"),
                                        ("CELL-ERROR", "applications.results.results_total.total")}),
    "good.docx": ({}, set()),
    # 2件 read as 2 makes （一）予以公开 1 + 2 = 3 (总计 says 1) and （七）总计 × 商业企业 2 (it says 0); 新收 × 总计
    # typed 3 where the columns add up to 2 also breaks the balance 一 + 二 = 三 + 四
    "edited.docx": ({GRANTED_FIRM: "2件", "applications.new_applications.total": 3},
                    {("CELL-UNIT", GRANTED_FIRM), ("T3-ROW-TOTAL", "applications.results.granted.total"),
                     ("T3-RESULTS-TOTAL", "applications.results.results_total.commercial_enterprise"),
                     ("T3-ROW-TOTAL", "applications.new_applications.total"),
                     ("T3-BALANCE", "applications.new_applications.total")}),
}


@pytest.fixture(scope="module")
def office_files(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("office")
    for fmt in ("xlsx", "docx"):
        proc = gaischema("template", "--format", fmt, "-o", str(tmp / f"template.{fmt}"))
        assert proc.returncode == 0, proc.stderr
    sources = {}
    for name, (typed, _) in TYPED.items():
        src = sources[name] = tmp / "in" / name
        src.parent.mkdir(exist_ok=True)
        if name.endswith(".xlsx"):
            _fill_workbook(tmp / "template.xlsx", src, typed)
        else:
            _fill_word(tmp / "template.docx", src, typed)
    rendered = tmp / "in" / "rendered.docx"  # an instance rendered in the template, saved again (not in TYPED)
    assert gaischema("render", str(BEILUN), "--format", "docx", "-o", str(rendered)).returncode == 0
    files = {}
    for fmt in ("xlsx", "docx"):
        mine = [p for n, p in sources.items() if n.endswith(fmt)] + ([rendered] if fmt == "docx" else [])
        files.update({p.name: p for p in _soffice(mine, fmt, tmp / "lo")})
    return files


@pytest.fixture(scope="module")
def drafts(office_files) -> dict[str, Path]:
    """The office files a person filled in (the findings of each in TYPED)."""
    return {name: path for name, path in office_files.items() if name in TYPED}


def _cli(path: Path) -> list[dict]:
    code, [result] = gaischema_json("validate", str(path))
    assert code == (1 if TYPED[path.name][1] - {("CELL-UNIT", GRANTED_FIRM)} else 0), result
    return result["findings"]


def _cli_together(paths: list[Path]) -> dict[str, list[dict]]:
    """gaischema validate on the drafts together, as the page checks what it is given: drafts of one organ's
    report are copies of one report (XR-COPIES-DISAGREE where they differ); by file name."""
    top = Path(os.path.commonpath([str(p.parent) for p in paths]))
    _, results = gaischema_json("validate", *(str(p.relative_to(top)) for p in paths), cwd=top)
    return {Path(r["file"]).name: r["findings"] for r in results}


def test_libreoffice_saved_the_totals_as_formulas_with_results(office_files):
    with zipfile.ZipFile(office_files["good.xlsx"]) as z:
        sheet = z.read("xl/worksheets/sheet3.xml").decode()
    assert re.search(r'<c r="J7"[^>]*><f[^>]*>D7\+E7\+F7\+G7\+H7\+I7</f><v>0</v></c>', sheet)  # a formula whose result is 0
    with zipfile.ZipFile(office_files["unit.xlsx"]) as z:
        sheet = z.read("xl/worksheets/sheet3.xml").decode()
    assert re.search(r'<c r="J8"[^>]*t="e"[^>]*><f[^>]*>[^<]+</f><v>#VALUE!</v>', sheet)


@pytest.mark.parametrize("name", list(TYPED))
def test_validate_gives_exactly_the_findings_of_what_was_typed(office_files, name):
    findings = _cli(office_files[name])
    assert {(f["rule"], f["path"]) for f in findings} == TYPED[name][1]
    assert len(findings) == len(TYPED[name][1])


def test_error_values_and_units_are_findings_on_their_cells_and_no_row_is_dropped(office_files):
    findings = {(f["rule"], f["path"]): f for f in _cli(office_files["unit.xlsx"])}
    unit = findings[("CELL-UNIT", GRANTED_FIRM)]
    assert (unit["severity"], unit["reported"], unit["expected"]) == ("warning", "2件", 2)
    error = findings[("CELL-ERROR", "applications.results.granted.total")]
    assert (error["severity"], error["reported"]) == ("error", "#VALUE!")
    assert "#VALUE!" in error["message"] and error["cell"] == "表三 三、本年度办理结果 / （一）予以公开 × 总计"
    proc = gaischema("extract", str(office_files["unit.xlsx"]), "-o", "-")
    inst = yaml.safe_load(proc.stdout)
    beilun = _instance()
    for path in cellmap.sheet_places("v2021"):  # every other cell read as it is in the report
        if path not in {p for _, p in TYPED["unit.xlsx"][1]}:
            assert get(inst, path) == get(beilun, path), path
    assert get(inst, GRANTED_FIRM) == 2 and get(inst, "applications.results.granted.total") is None
    kinds = {(n["note_kind"], n["note_path"], n.get("note_raw")) for n in inst["extraction"]["notes"]}
    assert ("unit", GRANTED_FIRM, "2件") in kinds and ("unreadable", "applications.results.granted.total", "#VALUE!") in kinds


@pytest.mark.parametrize("name", ["good.docx", "good.xlsx"])
def test_a_correct_report_reads_back_exactly(office_files, name):
    inst = yaml.safe_load(gaischema("extract", str(office_files[name]), "-o", "-").stdout)
    beilun = _instance()
    assert (inst["organ"], inst["report_year"], inst["format_version"]) == (beilun["organ"], 2023, "v2021")
    for path in cellmap.sheet_places("v2021"):
        assert get(inst, path) == get(beilun, path), path


def test_render_docx_reads_back_with_its_narrative(office_files):
    inst = yaml.safe_load(gaischema("extract", str(office_files["rendered.docx"]), "-o", "-").stdout)
    beilun = _instance()
    for section in ("overview", "problems_and_improvements", "other_matters"):
        assert inst[section].split() == beilun[section].split(), section
    for path in cellmap.sheet_places("v2021"):
        assert get(inst, path) == get(beilun, path), path
    code, [result] = gaischema_json("validate", str(office_files["rendered.docx"]))
    assert code == 0 and result["findings"] == []


@pytest.mark.parametrize("raw, reading", [
    (0, (0, None)), (3.0, (3, None)), ("2件", (2, "CELL-UNIT")), (" 1,234 ", (1234, None)), ("12.5万元", (12.5, "CELL-UNIT")),
    ("—", (None, None)), ("无", (None, None)), ("", (None, None)), (None, (None, None)), ("#VALUE!", (None, "CELL-ERROR")),
    (cellmap.CellError("#DIV/0!"), (None, "CELL-ERROR")), (cellmap.NO_RESULT, (None, "CELL-NO-RESULT")),
    ("约 20", (None, "CELL-TEXT")), ("22（其中修订16件）", (None, "CELL-TEXT")), ("２", (2, None))])
def test_the_reading_of_one_cell(raw, reading):
    assert cellmap.read_cell(raw)[:2] == reading


# ------------------------------------------------------------------------------------------------ the page
@pytest.fixture(scope="module")
def page_rows(drafts, site, browser):
    return shown_findings(browser, site, list(drafts.values()))




def test_page_and_cli_agree_on_every_office_file(drafts, page_rows):
    rows, info = page_rows
    assert info["blocked"] == [] and info["errors"] == [], info
    together = _cli_together(list(drafts.values()))
    for name, path in drafts.items():
        mine = [r for r in rows if r["file"] == name]
        assert Counter(map(key, mine)) == Counter(map(key, together[name])), name
        # each draft's own findings are those typed into it (the copies' disagreements aside), as it alone gives
        own = [r for r in mine if r["rule"] != "XR-COPIES-DISAGREE"]
        assert {(r["rule"], r["path"]) for r in own} == TYPED[name][1]
        assert Counter(map(key, own)) == Counter(map(key, _cli(path))), name
    places = {(r["file"], r["path"], r["rule"]): r["place"] for r in rows}
    assert places[("unit.xlsx", "applications.results.granted.total", "CELL-ERROR")] == "工作簿 表三!J8"
    assert places[("edited.docx", GRANTED_FIRM, "CELL-UNIT")] == "Word 文档表三第 6 行第 5 列"


def test_the_page_marks_the_wrong_cells_and_exports_the_findings(office_files, site, browser, tmp_path):
    shots = {}
    for label, viewport in (("1280", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=viewport, accept_downloads=True)
        context.set_offline(True)
        page = context.new_page()
        page.goto((site / "validator" / "index.html").as_uri())
        page.wait_for_selector("#gaischema-status[data-state=ready]", timeout=30_000)
        page.set_input_files("#gaischema-file", [str(office_files["edited.docx"]), str(office_files["unit.xlsx"])])
        page.wait_for_selector("#gaischema-status[data-state=done]", timeout=60_000)
        marked = page.eval_on_selector_all("section[data-file='unit.xlsx'] table.official td.bad",
                                           "tds => tds.map(td => [td.dataset.path, td.textContent])")
        # each cell as the file shows it, with the numbers of its findings: the #VALUE! (2, 3, 4) and, the Word
        # draft being a copy of the same report that reads these cells, their disagreement (6, 7, 8)
        assert sorted(marked) == sorted([["applications.results.granted.total", "#VALUE!26"],
                                         ["applications.results.results_total.commercial_enterprise", "#VALUE!37"],
                                         ["applications.results.results_total.total", "#VALUE!48"]])
        assert not page.is_visible(".message-en")  # English behind the switch
        page.check("#gaischema-en")
        assert page.is_visible(".message-en")
        heights = page.eval_on_selector_all("code.rule", "cs => cs.map(c => c.getBoundingClientRect().height)")
        assert max(heights) < 2 * min(heights)  # a rule id is one line, never wrapped mid-id
        with page.expect_download() as download:
            page.click("#gaischema-csv")
        csv_text = Path(download.value.path()).read_text(encoding="utf-8-sig")
        # the header, edited.docx's five findings, unit.xlsx's four and the four cells where the drafts disagree
        assert csv_text.count("\n") == 1 + 5 + 4 + 4 and csv_text.count("XR-COPIES-DISAGREE") == 4
        assert "CELL-ERROR" in csv_text and "工作簿 表三!J8" in csv_text
        page.uncheck("#gaischema-en")
        shots[label] = tmp_path / f"official-{label}.png"
        page.screenshot(path=str(shots[label]), full_page=True)
        context.close()
    print("screenshots:", *shots.values())


def test_every_example_reads_back_from_its_word_file():
    """Render → read back, for every example with a format version (both versions): each cell whose value is a
    number comes back as it was, and the organ, year and narrative (workbooks: tests/test_npm.py, test_render.py)."""
    from gaischema import docx
    from gaischema.extract import extract

    count = 0
    for path in sorted(EXAMPLES.glob("*/*.yaml")):
        inst = yaml.safe_load(path.read_text(encoding="utf-8"))
        version = inst.get("format_version")
        if version not in ("v2019", "v2021"):
            continue
        for suffix, build in ((".docx", docx.build),):
            got = extract(path.stem + suffix, build(inst, version)).instance
            for cell in cellmap.sheet_places(version):
                value = get(inst, cell)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    assert get(got, cell) == value, (path.name, suffix, cell)
            if suffix == ".docx":
                assert (got.get("organ"), got.get("report_year")) == (inst.get("organ"), inst.get("report_year"))
                for section in ("overview", "problems_and_improvements", "other_matters"):
                    if isinstance(inst.get(section), str) and inst[section].strip():
                        assert got[section].split() == inst[section].split(), (path.name, section)
            count += 1
    assert count >= 50


def test_a_word_file_not_made_from_the_template_is_refused_on_the_page(site, browser, tmp_path):
    """The page reads Word files by the template's bookmarks only; any other is one INPUT-NOT-REPORT finding
    (gaischema extract reads it instead), not a guess and not a page error."""
    from layout import as_docx

    plain = tmp_path / "published.docx"
    plain.write_bytes(as_docx(_instance()))
    rows, info = shown_findings(browser, site, [plain])
    assert info["errors"] == [] and info["blocked"] == []
    assert [(r["file"], r["rule"], r["severity"]) for r in rows] == [("published.docx", "INPUT-NOT-REPORT", "fatal")]


def test_a_workbook_no_spreadsheet_has_opened_gives_its_formulas_as_findings_in_both(tmp_path, site, browser):
    """Filled by a program and never opened, the template's 总计 formulas have no saved result: each is one
    CELL-NO-RESULT finding (not a blank), the same on the page and in gaischema validate."""
    from openpyxl import load_workbook

    template = tmp_path / "template.xlsx"
    assert gaischema("template", "-o", str(template)).returncode == 0
    book = tmp_path / "unopened.xlsx"
    _fill_workbook(template, book, {})
    wb = load_workbook(template)  # the formula cells, as the template has them
    places = {where: path for path, where in cellmap.sheet_places("v2021").items()}
    formulas = {places[(ws.title, c.coordinate)] for ws in wb.worksheets[1:] for row in ws.iter_rows() for c in row
                if c.data_type == "f"}
    assert len(formulas) > 20
    code, [result] = gaischema_json("validate", str(book))
    assert code == 1 and {(f["rule"], f["path"]) for f in result["findings"]} == {("CELL-NO-RESULT", p) for p in formulas}
    rows, info = shown_findings(browser, site, [book])
    assert info["errors"] == [] and Counter(map(key, rows)) == Counter(map(key, result["findings"]))
