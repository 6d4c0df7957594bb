"""Evidence an evaluator can trust (issue #29): where each cell came from, the finding beside the print, and
corrections that stay.

The places are checked against the sources themselves, never against the extractor's own numbers: a PDF's
text inside a cell's box read back through pypdfium2 (its own text API, not gaischema's reader), a workbook's
cell read by openpyxl, a text file's characters sliced. Expected values come from the instance that was laid
out (the independent source) or from the samples' expected.json.
"""

from __future__ import annotations

import io
import json
import re

import pytest
import yaml

import layout
from conftest import EXAMPLES, SAMPLES, gaischema as _gaischema, load, needs_samples, print_pdf_once
from gaischema.extract import extract
from gaischema.extract.readers.pdf import ROW_SCALE, render_rows
from gaischema.model import Model, get
from gaischema.workbook import build as build_workbook

pdfium = pytest.importorskip("pypdfium2")
EXAMPLE = EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml"


class Run:
    def __init__(self, proc):
        self.code, self.stdout = proc.returncode, proc.stdout.decode("utf-8", "replace")
        self.stderr = proc.stderr.decode("utf-8", "replace")


def gaischema(*args: str, code: int | None = 0) -> Run:
    """The real command line; ``code``: the exit code it must end with (None: any but a bug's)."""
    r = Run(_gaischema(*args))
    assert (r.code == code) if code is not None else r.code in (0, 1), (args, r.code, r.stderr[-2000:])
    return r


def pdf_text_in(pdf_path, page: int, box) -> str:
    """The PDF's own text inside a box (points, top-left origin), through PDFium's bounded text API."""
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        p = doc[page - 1]
        height = p.get_height()
        text = p.get_textpage().get_text_bounded(left=box[0] + 0.5, bottom=height - box[3] + 0.5,
                                                 right=box[2] - 0.5, top=height - box[1] - 0.5)
        return " ".join(text.split())
    finally:
        doc.close()


def sources(inst: dict) -> dict[str, dict]:
    return {s["cell_path"]: s for s in inst["extraction"]["cell_sources"]}


def check_boxes(pdf_path, inst: dict, want: dict) -> int:
    """Every box holds the printed number of its cell (a blank cell: no digit). Returns how many were checked."""
    n = 0
    for path, s in sources(inst).items():
        assert s["place_kind"] == "box"
        text = pdf_text_in(pdf_path, s["place_page"], s["place_bbox"])
        value = want.get(path)
        if value is None:
            assert not re.search(r"\d", text), (path, text)
        else:
            assert str(value) in text.replace(",", ""), (path, value, text)
        n += 1
    return n


# ------------------------------------------------------------------------------------------------ places
@pytest.fixture(scope="module")
def browser_pdf(tmp_path_factory):
    from gaischema.render import render_html

    folder = tmp_path_factory.mktemp("evidence-pdf")
    page = folder / "pingtan.html"
    page.write_text(render_html(load(EXAMPLE)), encoding="utf-8")
    return print_pdf_once(tmp_path_factory, page, folder / "pingtan.pdf")  # the same print as test_extract's


def cell_values(inst: dict) -> dict:
    model = Model.load()
    return {c["path"]: get(inst, c["path"]) for c in model.cells(inst["format_version"])}


def test_chromium_print_boxes_hold_the_printed_digits(browser_pdf):
    inst = extract(str(browser_pdf)).instance
    want = cell_values(load(EXAMPLE))
    assert check_boxes(browser_pdf, inst, want) == len(want)


@needs_samples
@pytest.mark.parametrize("name", ["pingtan-2023-word.pdf", "shanghai-gov-office-2019.pdf"])
def test_sample_pdf_boxes_hold_the_printed_digits(name):
    from test_extract import expected_cells

    exp = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))[name]
    inst = extract(str(SAMPLES / name)).instance
    want = expected_cells(exp, inst["format_version"])
    assert check_boxes(SAMPLES / name, inst, want) >= 190


@needs_samples
def test_row_pictures_show_the_whole_printed_row():
    """A crop's band holds, in the PDF's own text, every number of the row its cell stands in (table 三's
    新收 row: the print reads 821 35 … 859), and the picture is that band at ROW_SCALE."""
    from PIL import Image

    from test_extract import expected_cells

    name = "shanghai-gov-office-2019.pdf"
    exp = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))[name]
    inst = extract(str(SAMPLES / name)).instance
    want = expected_cells(exp, inst["format_version"])
    src = sources(inst)
    rows = ["applications.new_applications", "applications.results.granted", "reviews_and_litigation.litigation_direct"]
    paths = [f"{r}.total" for r in rows]
    pictures = render_rows((SAMPLES / name).read_bytes(), [(src[p]["place_page"], src[p]["place_bbox"]) for p in paths])
    for row, path, (png, band) in zip(rows, paths, pictures):
        text = pdf_text_in(SAMPLES / name, src[path]["place_page"], band)
        printed = [str(v) for p, v in want.items() if p.startswith(row + ".") and v is not None]
        assert printed and all(re.search(rf"(?<!\d){v}(?!\d)", text) for v in printed), (row, printed, text)
        image = Image.open(io.BytesIO(png))
        assert abs(image.width - band[2] * ROW_SCALE) <= 2 and abs(image.height - (band[3] - band[1]) * ROW_SCALE) <= 2


def test_text_places_are_the_characters(tmp_path):
    inst = load(EXAMPLE)
    path = tmp_path / "r.txt"
    path.write_text(layout.as_text(inst, "\n"), encoding="utf-8")
    got = extract(str(path)).instance
    lines = path.read_text(encoding="utf-8").split("\n")
    want = cell_values(inst)
    places = sources(got)
    assert len(places) == len(want)
    for p, s in places.items():
        assert s["place_kind"] == "text"
        assert lines[s["place_line"] - 1][s["place_start"]:s["place_end"]] == str(want[p]), p


def test_workbook_places_are_its_cells(tmp_path):
    import openpyxl

    inst = load(EXAMPLE)
    path = tmp_path / "r.xlsx"
    path.write_bytes(build_workbook(inst, inst["format_version"]))
    got = extract(str(path)).instance
    wb = openpyxl.load_workbook(path, data_only=True)
    want = cell_values(inst)
    places = sources(got)
    assert len(places) == len(want)
    for p, s in places.items():
        assert s["place_kind"] == "table" and s["place_sheet"] in wb.sheetnames
        assert wb[s["place_sheet"]][s["place_cell"]].value == want[p], (p, s)


def test_html_and_word_places_are_table_cells(tmp_path):
    """The grid positions agree across two producers of the same table (HTML and Word), and each row's text
    holds the cell's value where it marks it."""
    from gaischema.extract import extract_record

    inst = load(EXAMPLE)
    want = cell_values(inst)
    html = tmp_path / "r.html"
    html.write_text(layout.as_html(inst), encoding="utf-8")
    docx = tmp_path / "r.docx"
    docx.write_bytes(layout.as_docx(inst))
    got = [extract_record(p.read_bytes(), str(p)) for p in (html, docx)]
    places = [sources(g["instance"]) for g in got]
    assert places[0].keys() == places[1].keys() == want.keys()
    for p in want:
        a, b = places[0][p], places[1][p]
        assert a["place_kind"] == "table" and (a["place_row"], a["place_col"]) == (b["place_row"], b["place_col"])
        for g in got:
            text, start, end = g["rows"][p]
            assert text[start:end] == str(want[p]), p


# ------------------------------------------------------------------------------------------------ the page
def page_rows(page) -> list[dict]:
    text = page.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="report-data">(.*?)</script>', text, re.S).group(1))


@needs_samples
def test_sample_page_shows_each_finding_beside_its_printed_row(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.pdf").write_bytes((SAMPLES / "shanghai-gov-office-2019.pdf").read_bytes())
    (folder / "s.html").write_bytes((SAMPLES / "shanghai-gov-office-2019.html").read_bytes())
    page = tmp_path / "page.html"
    proc = gaischema("report", str(folder), "-o", str(page), "-j", "1", code=1)
    assert "not written" not in proc.stderr, proc.stderr  # the renderings, with their pictures, are written
    rows = {r["format"]: r for r in page_rows(page)}
    # the annotated rendering of the PDF shows each finding's printed row too, by the same picture
    rendering = (tmp_path / rows["pdf"]["link"]).read_text(encoding="utf-8")
    assert rendering.count('<img src="../e/') >= len({f["ev"]["img"] for f in rows["pdf"]["findings"] if "ev" in f
                                                       and "img" in f["ev"]})
    cell_findings = [f for f in rows["pdf"]["findings"] if f["path"].startswith(("applications.", "reviews_and"))]
    assert cell_findings and all("ev" in f for f in cell_findings)
    for f in cell_findings:
        picture = tmp_path / f["ev"]["img"]
        assert picture.is_file() and picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    html_findings = [f for f in rows["html"]["findings"] if f["path"].startswith(("applications.", "reviews_and"))]
    assert html_findings and all("text" in f["ev"] for f in html_findings)
    # a blank cell: its place in the source row is empty
    assert all(f["ev"]["text"][f["ev"]["start"]:f["ev"]["end"]] == "" for f in html_findings if f["rule"].endswith("BLANK"))


# ------------------------------------------------------------------------------------------------ corrections
def saved(folder) -> dict:
    (path,) = folder.glob("*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_correction_stays_across_reruns_and_goes_stale_when_the_file_changes(tmp_path):
    inst = load(EXAMPLE)
    reports = tmp_path / "reports"
    reports.mkdir()
    html = reports / "r.html"
    html.write_text(layout.as_html(inst), encoding="utf-8")
    cell = "applications.new_applications.natural_person"
    read = get(inst, cell)
    gaischema("correct", str(html), cell, str(read + 1), "--reason", "印刷为该数（测试）", "--who", "tester")
    gaischema("review", str(html), "applications.results.granted.total", "confirmed", "--reason", "原文如此")
    book = yaml.safe_load((reports / "corrections.yaml").read_text(encoding="utf-8"))
    assert book["corrections"][0]["value"] == read + 1 and len(book["corrections"][0]["sha256"]) == 64

    page = tmp_path / "page.html"
    for run, extra in enumerate([[], ["--force"], ["--force", "--no-cache"]]):
        keep = tmp_path / f"kept{run}"
        gaischema("report", str(reports), "-o", str(page), "-j", "1", "--save-instances", str(keep), *extra, code=None)
        got = saved(keep)
        assert get(got, cell) == read + 1, run
        (note,) = [n for n in got["extraction"]["notes"] if n["note_kind"] == "corrected"]
        assert note["note_path"] == cell and note["note_raw"] == str(read) and "印刷为该数" in note["note_message"]
        (row,) = page_rows(page)
        assert row["corrected"] == 1
    html_page = page.read_text(encoding="utf-8")
    assert re.search(r'data-review="已更正单元格 cells corrected"><b>1<', html_page)
    # the finding the correction makes (the row total no longer adds up) is listed; the review was read
    assert "T3-ROW-TOTAL" in {f["rule"] for f in row["findings"]}

    # extract applies it too
    out = tmp_path / "x.yaml"
    gaischema("extract", str(html), "-o", str(out), code=None)
    assert get(yaml.safe_load(out.read_text(encoding="utf-8")), cell) == read + 1

    # a new edition of the file: stale, never applied
    html.write_text(layout.as_html(inst) + "\n<!-- revised -->\n", encoding="utf-8")
    keep = tmp_path / "kept-stale"
    gaischema("report", str(reports), "-o", str(page), "-j", "1", "--force", "--save-instances", str(keep), code=None)
    assert get(saved(keep), cell) == read
    assert "Stale corrections" in page.read_text(encoding="utf-8")
    r = gaischema("extract", str(html), "-o", str(tmp_path / "y.yaml"), code=None)
    assert "STALE-CORRECTION" in r.stderr
    assert get(yaml.safe_load((tmp_path / "y.yaml").read_text(encoding="utf-8")), cell) == read


def test_confirmed_findings_export_as_csv(tmp_path):
    inst = load(EXAMPLES / "invalid" / "AnnualReport-t3-row-total.yaml")
    reports = tmp_path / "reports"
    reports.mkdir()
    html = reports / "r.html"
    html.write_text(layout.as_html(inst), encoding="utf-8")
    page = tmp_path / "page.html"
    gaischema("report", str(reports), "-o", str(page), "-j", "1", code=1)
    (row,) = page_rows(page)
    finding = next(f for f in row["findings"] if f["rule"] == "T3-ROW-TOTAL")
    assert finding["ev"]["text"][finding["ev"]["start"]:finding["ev"]["end"]] == str(get(inst, finding["path"]))
    gaischema("review", str(html), finding["path"], "confirmed", "--rule", "T3-ROW-TOTAL", "--reason", "原文如此")
    gaischema("report", str(reports), "-o", str(page), "-j", "1", "--force", code=1)
    text = (tmp_path / "page_files" / "confirmed.csv").read_text(encoding="utf-8-sig")
    lines = text.strip().split("\n")
    assert len(lines) == 2 and ",T3-ROW-TOTAL,error," in lines[1] and finding["path"] in lines[1]
    assert re.search(r'data-review="已确认 confirmed"><b>1<', page.read_text(encoding="utf-8"))


def test_a_broken_corrections_file_stops_the_run(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "r.html").write_text(layout.as_html(load(EXAMPLE)), encoding="utf-8")
    (reports / "corrections.yaml").write_text("corrections:\n- file: r.html\n  sha256: x\n  path: no.such.cell\n",
                                              encoding="utf-8")
    r = gaischema("report", str(reports), "-o", str(tmp_path / "p.html"), code=2)
    assert "INPUT-CORRECTIONS" in r.stderr and "Traceback" not in r.stderr
