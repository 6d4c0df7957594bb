"""Scans as the province benchmark makes them (``benchmarks/province.py``): a synthetic report rendered by
``gaischema.render.render_html``, printed to PDF by headless Chromium, its pages rasterised in grey, tilted
with grey paper and noise (numpy's generator, seeded), JPEG pages of an image-only PDF. Each synthetic report
is valid and its instance is the truth: no value may be written that is not the printed one, and every row
must be found. Each test reads two pages (table 三's), so that OCR costs a few seconds; each guards one kind of
failure found on the province's scans (benchmarks/province_scans.py scores whole scans).
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess

import pytest
import yaml

from conftest import SAMPLES, print_pdf
from test_extract import CHROMIUM, cells, expected_cells

pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")
cv2 = pytest.importorskip("cv2")
np = pytest.importorskip("numpy")
pdfium = pytest.importorskip("pypdfium2")
Image = pytest.importorskip("PIL.Image")

from gaischema import synthetic  # noqa: E402
from gaischema.extract.matcher import OCR_MIN_CONFIDENCE  # noqa: E402
from gaischema.extract import extract  # noqa: E402
from gaischema.model import Model  # noqa: E402
from gaischema.render import render_html  # noqa: E402


def _report() -> dict:
    """The province benchmark's first report (province.province(n, seed=7): 浙南省人民政府 2022)."""
    return synthetic.make_series(random.Random(7), "浙南省人民政府", "people_government", "330000",
                                 [2022, 2023, 2024], 400)[0]


def _scan_page(pdf: bytes, dpi: int, seed: int, every_page: bool = False):
    """Table 三's two pages (``every_page``: all) of a printed report as the province benchmark scans it
    (province.scan_pdf: every page turned by up to 0.8°, grey paper, noise, drawn in page order from one seeded
    generator)."""
    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf)
    pages, ruled = [], []
    for n in range(len(doc)):
        grey = np.array(doc[n].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
        ruled.append(int(((grey < 128).mean(axis=1) > 0.5).sum()))  # pixel rows dark over half the width
        h, w = grey.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-0.8, 0.8)), 1.0)
        grey = cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255).astype(np.float32)
        pages.append(np.clip(grey * 0.9 + 15 + rng.normal(0, 8, grey.shape), 0, 255).astype(np.uint8))
    doc.close()
    keep = sorted(sorted(range(len(pages)), key=lambda n: -ruled[n])[:2])  # table 三's: the most ruled rows
    keep = range(len(pages)) if every_page else keep
    images = [Image.fromarray(pages[n]) for n in keep]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:], quality=75)
    return out.getvalue()


def _t3(inst: dict) -> dict:
    model = Model.load()
    paths = {c["path"] for c in model.cells(inst["format_version"], "三")}
    return {p: v for p, v in cells(inst).items() if p in paths}


def _read(tmp_path, name: str, html: str, dpi: int, seed: int):
    if not CHROMIUM:
        pytest.skip("needs Chromium")
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf = print_pdf(page, tmp_path / f"{name}.pdf", tmp_path / "profile").read_bytes()
    scan = tmp_path / f"{name}-scan.pdf"
    scan.write_bytes(_scan_page(pdf, dpi, seed))
    got = extract(str(scan))
    # the instance is plain data, as extract -o writes it (a detector's box as numpy's float32 in a cell's
    # source made extract -o exit 3 on such scans)
    yaml.safe_dump(got.instance, allow_unicode=True)
    return got


def test_a_speck_beside_a_digit_adds_no_digit(tmp_path):
    """The province's first report, table 三's page at 120 dpi, tilted with noise (the benchmark's scan 2):
    a speck of noise beside a printed 7 widened its cell's crop and the recogniser read 73 at 0.82, written as
    the value (and 0s read as the letter O lost 7 rows). Now: no value in table 三 that is not printed, and
    every row found."""
    inst = _report()
    got = _read(tmp_path, "r", render_html(inst), 120, 2)
    want, have = _t3(inst), _t3(got.instance)
    assert {p: (v, want[p]) for p, v in have.items() if v is not None and v != want[p]} == {}
    missing = [n.path for n in got.notes if n.kind == "missing" and n.path.startswith("applications")]
    assert missing == []
    assert sum(v is not None for v in have.values()) >= 0.95 * len(want)


def test_a_cell_read_as_no_number_stays_blank_and_its_row_is_found(tmp_path):
    """A mark that is no number (×, as some offices print for none) in a value cell of table 三's row
    （三）1.属于国家秘密, read by OCR as it is (×, x: no number, and no Chinese character, so no label either,
    as a 0 misread as the letter O): the cell stays blank with a note (or is the one value the rules allow,
    noted), never taken for a part of the row's label, which cut the row's values short and lost the whole
    row (on the province's scans, 26 rows of 12 scans, most of them so)."""
    inst = _report()
    path = "applications.results.denied.state_secret.social_welfare_org"
    assert cells(inst)[path] == 0
    inst["applications"]["results"]["denied"]["state_secret"]["social_welfare_org"] = 98765
    html = render_html(inst)
    assert html.count(">98765<") == 1
    got = _read(tmp_path, "o", html.replace(">98765<", ">×<"), 200, 1)
    inst["applications"]["results"]["denied"]["state_secret"]["social_welfare_org"] = 0
    want, have = _t3(inst), _t3(got.instance)
    assert {p: (v, want[p]) for p, v in have.items() if v is not None and v != want[p]} == {}
    assert not [n for n in got.notes if n.kind == "missing" and n.path.startswith("applications")]
    row = "applications.results.denied.state_secret."
    assert all(have[p] == want[p] for p in want if p.startswith(row) and p != path)
    assert have[path] is None or any(n.kind == "inferred" and n.path == path for n in got.notes)
    assert any(n.path == path and n.kind in ("low_confidence", "inferred") for n in got.notes)


def test_a_title_is_read_once(tmp_path):
    """The province's second organ's report (浙南省教育局 2022), its first page at 200 dpi, clean (the
    benchmark's scan 7): the detector's box of the title ended inside its last character, and that
    character's edge, read again on its own as 报告, stood as a line above the title: the organ was not
    found. Now the title is one line, and the organ and year are read from it."""
    rng = random.Random(7)
    synthetic.make_series(rng, "浙南省人民政府", "people_government", "330000", [2022, 2023, 2024], 400)
    inst = synthetic.make_series(rng, "浙南省教育局", "government_department", "330001", [2022, 2023, 2024], 400)[0]
    if not CHROMIUM:
        pytest.skip("needs Chromium")
    page = tmp_path / "t.html"
    page.write_text(render_html(inst), encoding="utf-8")
    pdf = pdfium.PdfDocument(print_pdf(page, tmp_path / "t.pdf", tmp_path / "profile").read_bytes())
    grey = np.array(pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L"))
    pdf.close()
    scan = tmp_path / "scan.pdf"
    Image.fromarray(grey).save(scan, "PDF", resolution=200.0, quality=75)
    got = extract(str(scan))
    assert (got.instance.get("organ"), got.instance.get("report_year")) == ("浙南省教育局", 2022)
    assert not [n for n in got.notes if n.kind == "missing" and n.path in ("organ", "report_year")]


def test_a_scan_of_tables_printed_without_rules_is_plain_data(tmp_path):
    """Tables printed without rules (a web page's borderless table), scanned at 150 dpi, tilted with noise: with
    no ruled grid, the cells' places come from the text detector, whose boxes are numpy's float32; they reached
    extraction.cell_sources, and extract -o exited 3 (yaml: cannot represent an object). The instance is plain
    data, and no value in it is one not printed, nor a printed value said to be blank (cells not read stay
    blank with a note)."""
    inst = _report()
    html = render_html(inst).replace("</head>", "<style>table,th,td{border:none!important}</style></head>")
    if not CHROMIUM:
        pytest.skip("needs Chromium")
    (tmp_path / "r.html").write_text(html, encoding="utf-8")
    pdf = print_pdf(tmp_path / "r.html", tmp_path / "r.pdf", tmp_path / "profile").read_bytes()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_scan_page(pdf, 150, 1, every_page=True))
    got = extract(str(scan))
    text = yaml.safe_dump(got.instance, allow_unicode=True)
    assert "cell_sources" in text
    want, have = cells(inst), cells(got.instance)
    assert {p: (v, want.get(p)) for p, v in have.items() if v is not None and v != want.get(p)} == {}
    # nor is a printed value taken for a blank cell (a column laid out from the header without a word under it:
    # the detector had missed a lone 0 altogether)
    said_blank = {n.path for n in got.notes if n.kind == "blank"}
    assert sorted(p for p in said_blank if want.get(p) is not None) == []


@pytest.fixture(scope="module")
def borderless_shanghai(tmp_path_factory):
    """The 上海 2019 sample web page's title, date and three tables (its narrative left out: two pages to read),
    printed by Chromium without rules and scanned as the benchmark scans (every page, 150 dpi, seed 1); its
    extraction, and the cells expected.json gives the sample."""
    if not CHROMIUM:
        pytest.skip("needs Chromium")
    if not (SAMPLES / "expected.json").exists():
        pytest.skip("needs the samples")
    tmp_path = tmp_path_factory.mktemp("borderless")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_scan_page(_shanghai_borderless(tmp_path).read_bytes(), 150, 1, every_page=True))
    return _read_shanghai(scan)


def _shanghai_borderless(tmp_path, css: str = "<style>table,th,td{border:none!important}</style>"):
    """The 上海 2019 sample web page's title, date and three tables, printed by Chromium without rules (or with
    another ``css``)."""
    lines = (SAMPLES / "shanghai-gov-office-2019.html").read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if "二、主动公开政府信息情况" in line)
    end = next(n for n, line in enumerate(lines) if "五、政府信息公开工作存在的主要问题" in line)
    (tmp_path / "t.html").write_text(css + "\n".join(lines[:2] + lines[start:end]), encoding="utf-8")
    return print_pdf(tmp_path / "t.html", tmp_path / "t.pdf", tmp_path / "profile")


def _read_shanghai(scan):
    got = extract(str(scan))
    expected = yaml.safe_load((SAMPLES / "expected.json").read_text(encoding="utf-8"))["shanghai-gov-office-2019.pdf"]
    return got, expected_cells(expected, got.instance["format_version"])


def test_ocr_words_outside_a_grid_are_never_split_as_digits_run_together(borderless_shanghai):
    """The 上海 2019 tables printed without rules and scanned at 150 dpi: no grid, so each row is OCR's words on
    the page. The words of （一）予以公开 (258 12 1 1, four cells of seven printed) were joined and split as a
    text layer's digits run together, one digit a cell (2, 5, 8, 1, 2, 1, 1): six cells written with values
    not printed. Now a row of OCR's words is read only where each word is one cell; none wrong, every value
    read keeps OCR's confidence (an ``ocr`` note), and a cell left blank where a value is printed says why."""
    got, want = borderless_shanghai
    have = cells(got.instance)
    assert {p: (v, want[p]) for p, v in have.items() if v is not None and v != want.get(p)} == {}
    for path, value in have.items():
        notes = [n for n in got.notes if n.path == path or path.startswith(f"{n.path}.")]
        if value is not None:
            assert any(n.kind == "ocr" and n.confidence >= OCR_MIN_CONFIDENCE for n in notes), path
        else:
            assert notes or want.get(path) is None, f"{path} is blank without a note"


def test_rows_without_rules_are_read_at_their_header_columns(borderless_shanghai):
    """The same scan: table 三's rows print only their non-blank cells (821 35 2 1 859 of seven), so their words
    alone cannot say which column each stands in, and every such row was lost. Now the header's headings (自然 / 人,
    商业 / 企业 … 总 / 计, each wrapped in its cell) give the columns, each word is read in the column it stands
    under, and a column without a word is blank: these rows are read in full (none before)."""
    got, want = borderless_shanghai
    have = cells(got.instance)
    for row in ("applications.new_applications.", "applications.carried_over.", "applications.results.granted.",
                "applications.carried_forward."):
        assert {p: have.get(p) for p in want if p.startswith(row)} == {p: v for p, v in want.items()
                                                                        if p.startswith(row)}, row


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("convert")), reason="needs pdftoppm and ImageMagick")
def test_a_number_whose_crop_holds_the_label_s_last_stroke_is_not_read(tmp_path):
    """The 上海 tables printed without rules, rasterised by pdftoppm at 150 dpi and turned 0.6° / -0.4° by
    ImageMagick (JPEG; no noise). The row 3.补正后申请内容仍不明确 ends close to its value 25: OCR's box of the
    value began inside the label's last character, and its stroke was read as a 1: 125 at 0.87, written as the
    row's value. Now a number whose box reaches into another word's is unread: blank with a note, none wrong."""
    if not CHROMIUM or not (SAMPLES / "expected.json").exists():
        pytest.skip("needs Chromium and the samples")
    pdf = _shanghai_borderless(tmp_path)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    pages = []
    for n, page in enumerate(sorted(tmp_path.glob("p-*.pgm"))):
        pages.append(tmp_path / f"s{n}.jpg")
        subprocess.run(["convert", str(page), "-background", "white", "-rotate", ("0.6", "-0.4")[n % 2], "+repage",
                        "-quality", "70", str(pages[-1])], check=True)
    images = [Image.open(p) for p in pages]
    images[0].save(tmp_path / "scan.pdf", "PDF", resolution=150.0, save_all=True, append_images=images[1:])
    got, want = _read_shanghai(tmp_path / "scan.pdf")
    have = cells(got.instance)
    assert {p: (v, want[p]) for p, v in have.items() if v is not None and v != want.get(p)} == {}
    path = "applications.results.unable.still_unclear.natural_person"
    assert have[path] is None and any(n.path == path and n.kind == "low_confidence" for n in got.notes)


def test_a_table_drawn_box_by_box_is_read_as_a_grid(tmp_path):
    """The 上海 tables as the web page prints them (``border="1"``: Chromium draws every cell its own box, a gap
    between), scanned at 150 dpi as the benchmark scans. The empty boxes, each a piece of ink of a character's
    size, made the page's characters 45 pixels high (23 printed): the page was not scaled up, the one-line
    rows' sides were shorter than any rule found, and the table finder saw cells in the rows of two-line
    labels only; the other rows' values were loose words (157 of 198 cells, 41 rows' cells lost). Now each
    box's frame gives its cell: table 三 is read but at most three cells, left blank with a note; none wrong."""
    if not CHROMIUM or not (SAMPLES / "expected.json").exists():
        pytest.skip("needs Chromium and the samples")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_scan_page(_shanghai_borderless(tmp_path, "").read_bytes(), 150, 1, every_page=True))
    got, want = _read_shanghai(scan)
    have = cells(got.instance)
    assert {p: (v, want[p]) for p, v in have.items() if v is not None and v != want.get(p)} == {}
    t3 = {c["path"] for c in Model.load().cells(got.instance["format_version"], "三")}
    lost = sorted(p for p in t3 if have.get(p) != want[p])
    assert len(lost) <= 3, lost
    assert all(any(n.path == p or p.startswith(f"{n.path}.") for n in got.notes) for p in lost)
