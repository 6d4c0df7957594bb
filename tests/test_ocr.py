"""Scans and table pictures read by OCR (the ``ocr`` extra), as a user meets them.

The inputs are made here, the way offices make them: a report rendered by ``gaischema render``, printed to PDF
by headless Chromium, rasterised (pypdfium2) at 150 or 300 dpi, tilted, with scanner noise, saved as JPEG
pages of an image-only PDF (PIL); a colour phone-camera-like photo of a printed page (perspective, uneven
light, blur); a Word file with table 三 pasted as a picture. Every one is read by the real ``extract`` and must
give no wrong cell; the published sample scan must give every cell. OCR costs seconds a page, so the test
reads few pages: the sample's four, one five-page scan (the photo one of its pages), a table picture and the
one page of a report with a wrong total.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

import layout
from conftest import SAMPLES, gaischema, load, needs_samples, print_pdf, print_pdf_once
from test_extract import CHROMIUM, VALID, assert_no_wrong_cell, cells, expected_cells

pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")
cv2 = pytest.importorskip("cv2")
np = pytest.importorskip("numpy")
pdfium = pytest.importorskip("pypdfium2")
Image = pytest.importorskip("PIL.Image")

from gaischema.extract import extract  # noqa: E402
from gaischema.extract.matcher import OCR_MIN_CONFIDENCE  # noqa: E402
from gaischema.render import render_html  # noqa: E402

EXAMPLE = "pingtan-2023"


def _print(html: str, folder, name: str) -> bytes:
    """HTML printed to PDF by headless Chromium."""
    page = folder / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    return print_pdf(page, folder / f"{name}.pdf", folder / "profile").read_bytes()


def _raster(pdf: bytes, dpi: int) -> list:
    """Each page as a greyscale array at ``dpi``."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return [np.array(doc[i].render(scale=dpi / 72).to_pil().convert("L")) for i in range(len(doc))]
    finally:
        doc.close()


def _scanned(grey, angle: float, seed: int):
    """A page as a flatbed scanner gives it: tilted, grey paper, noise, a little blur."""
    rng = np.random.default_rng(seed)
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    img = cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255).astype(np.float32)
    img = img * 0.88 + 18 + rng.normal(0, 9, img.shape)
    img = cv2.GaussianBlur(img, (3, 3), 0.6)
    return np.clip(img, 0, 255).astype(np.uint8)


def _photo(grey, seed: int):
    """A colour phone-camera-like photo of a printed page: a slight perspective, warm light falling off to
    one side, blur and sensor noise."""
    rng = np.random.default_rng(seed)
    h, w = grey.shape
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[w * 0.012, h * 0.006], [w * 0.992, 0], [w, h * 0.995], [0, h * 0.99]])
    warped = cv2.warpPerspective(grey, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=235)
    light = np.linspace(1.0, 0.78, w, dtype=np.float32)[None, :] * np.linspace(1.0, 0.9, h, dtype=np.float32)[:, None]
    base = warped.astype(np.float32) * light
    colour = np.stack([base * 0.86, base * 0.95, base * 1.0], axis=2) + rng.normal(0, 6, (h, w, 3))
    colour = cv2.GaussianBlur(colour, (3, 3), 0.8)
    return np.clip(colour, 0, 255).astype(np.uint8)


def _table_page(pages: list) -> int:
    """The page with the most ruled rows (pixel rows dark over half their width): the page of table 三."""
    return max(range(len(pages)), key=lambda n: int(((pages[n] < 128).mean(axis=1) > 0.5).sum()))


def _image_pdf(pages: list, dpi: int) -> bytes:
    """Pictures as the JPEG pages of an image-only PDF (as scanners and img2pdf write them)."""
    images = [Image.fromarray(p if p.ndim == 2 else cv2.cvtColor(p, cv2.COLOR_BGR2RGB)) for p in pages]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:], quality=80)
    return out.getvalue()


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The example report rendered and printed to PDF by Chromium, and its instance."""
    if not CHROMIUM:
        pytest.skip("needs Chromium (.ci/run installs it)")
    inst = load(VALID[EXAMPLE])
    page = tmp_path_factory.mktemp("ocr") / f"{EXAMPLE}.html"
    page.write_text(render_html(inst), encoding="utf-8")
    return print_pdf_once(tmp_path_factory, page, page.with_suffix(".pdf")).read_bytes(), inst


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return extract(str(path))


def _ocr_notes_hold(got) -> None:
    """Every value OCR read keeps its confidence; every OCR blank says why."""
    notes = {}
    for n in got.notes:
        notes.setdefault(n.path, []).append(n)
    for path, value in cells(got.instance).items():
        kinds = {n.kind: n for n in notes.get(path, [])}
        if value is not None:
            note = kinds.get("ocr") or kinds.get("inferred")
            assert note is not None and note.confidence is not None, path
            assert note.kind == "inferred" or note.confidence >= OCR_MIN_CONFIDENCE
        else:  # a note on the cell, or on its row (a row not found)
            assert kinds or any(path.startswith(f"{n.path}.") for n in got.notes), f"{path} is blank without a note"
    recorded = got.instance["extraction"]["notes"]
    assert all("note_confidence" in n for n in recorded if n["note_kind"] in ("ocr", "low_confidence"))


@needs_samples
def test_published_scan_reads_cell_for_cell(expected):
    """The 平潭 report printed and scanned (200 dpi JPEG pages, tilted 0.4°, noise): every cell but at most
    five, which stay blank with a note; none wrong."""
    got = extract(str(SAMPLES / "pingtan-2023-scan.pdf"))
    want = expected_cells(expected["pingtan-2023-scan.pdf"], got.instance["format_version"])
    have = cells(got.instance)
    assert {p: v for p, v in have.items() if v is not None and v != want[p]} == {}
    assert sum(v is None for v in have.values()) <= 5
    _ocr_notes_hold(got)
    assert got.instance["report_year"] == 2023 and got.instance["organ"] == "平潭综合实验区管理委员会办公室"
    assert got.instance["extraction"]["source_format"] == "pdf"
    # the six section headings as printed (四's 、 was read as the radical 丶: NARR-SECTIONS warned)
    assert got.instance["extraction"]["section_headings"] == list("一二三四五六")


@pytest.fixture(scope="module")
def expected():
    import json
    return json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


def test_scans_at_150_and_300_dpi_and_a_phone_photo(printed, tmp_path):
    """The five printed pages: scanned at 300 dpi and at 150 dpi in turn, each tilted its own way, and the
    page of table 三 a colour phone-camera-like photo instead; one image-only PDF. Nothing wrong; a few cells
    blank, each with its note."""
    pdf, inst = printed
    hi, lo, mid = _raster(pdf, 300), _raster(pdf, 150), _raster(pdf, 200)
    photo = _table_page(mid)
    pages = [_photo(mid[n], 7) if n == photo else _scanned((hi if n % 2 == 0 else lo)[n], (-0.7, 0.5, 1.1, -0.3, 0.8)[n % 5], n)
             for n in range(len(hi))]
    got = _read(tmp_path, "scan.pdf", _image_pdf(pages, 200))
    assert_no_wrong_cell(got.instance, cells(inst))
    blank = [p for p, v in cells(got.instance).items() if v is None]
    assert len(blank) <= 10, blank  # measured: 7, one row of the photo whose label was not seen
    _ocr_notes_hold(got)
    assert (got.instance["organ"], got.instance["report_year"]) == (inst["organ"], inst["report_year"])


def _docx_with_picture(document_xml: str, png: bytes, width_px: int, height_px: int) -> bytes:
    emu = 9525  # per pixel at 96 dpi
    drawing = (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="table"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="1" name="table.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        '<a:blip r:embed="rIdPic1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
        '<a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
    ).format(cx=width_px * emu // 2, cy=height_px * emu // 2)  # shown at 192 dpi
    tables = list(re.finditer(r"<w:tbl>.*?</w:tbl>", document_xml, re.S))
    t3 = tables[1]  # table 三 becomes a picture
    body = document_xml[:t3.start()] + drawing + document_xml[t3.end():]
    body = body.replace("<w:document ", '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
                        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.'
                        'openxmlformats.org/drawingml/2006/picture" ', 1)
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rIdPic1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/image" Target="media/image1.png"/></Relationships>')
    return layout.docx_package(body, {"word/_rels/document.xml.rels": rels, "word/media/image1.png": png},
                               {"png": "image/png"})


def test_table_picture_in_a_word_file(printed, tmp_path):
    """A Word file whose table 三 is a picture (a screenshot pasted in): read in place, every cell."""
    _, inst = printed
    html = render_html(inst)
    table = re.findall(r"<table.*?</table>", html, re.S)[1]
    style = re.search(r"<style>.*?</style>", html, re.S).group(0).replace("size: A4", "size: 240mm 500mm")
    pdf = _print(f"<!DOCTYPE html><html><head><meta charset='utf-8'>{style}</head><body>{table}</body></html>",
                 tmp_path, "table")
    grey = _raster(pdf, 192)[0]
    ys, xs = np.nonzero(grey < 200)
    grey = grey[max(0, ys.min() - 10):ys.max() + 10, max(0, xs.min() - 10):xs.max() + 10]  # the table alone
    png = cv2.imencode(".png", grey)[1].tobytes()
    document_xml = zipfile.ZipFile(io.BytesIO(layout.as_docx_merged(inst))).read("word/document.xml").decode()
    got = _read(tmp_path, "r.docx", _docx_with_picture(document_xml, png, grey.shape[1], grey.shape[0]))
    assert cells(got.instance) == cells(inst)
    assert any(n.kind == "ocr" and n.path.startswith("applications.") for n in got.notes)
    assert not any(n.kind == "ocr" and n.path.startswith("proactive_disclosure.") for n in got.notes)  # Word's own


def test_a_value_that_breaks_an_identity_is_reported_not_overwritten(printed, tmp_path):
    """A scan of a report whose printed total is wrong: OCR reads the wrong total as printed, and the
    validator reports the broken identity; nothing is 'corrected'."""
    pdf, inst = printed
    row = inst["applications"]["results"]["granted"]
    assert row["total"] == sum(v for k, v in row.items() if k != "total") and row["total"] > 0
    bad = {**inst, "applications": {**inst["applications"], "results": {**inst["applications"]["results"],
                                                                        "granted": {**row, "total": row["total"] + 5}}}}
    grey = _raster(_print(render_html(bad), tmp_path, "bad"), 200)
    page = _table_page(grey)
    (tmp_path / "bad.pdf").write_bytes(_image_pdf([_scanned(grey[page], 0.4, 3)], 200))
    path = tmp_path / "bad.yaml"
    # under the default worker limits: OCR declares its work (sandbox.allow), the limits widen for this file
    proc = gaischema("extract", str(tmp_path / "bad.pdf"), "-o", str(path))
    assert proc.returncode in (0, 1), proc.stderr.decode()  # 1: one page of a report, its other tables missing
    assert cells(load(path))["applications.results.granted.total"] == row["total"] + 5  # as printed
    proc = gaischema("validate", "--format", "json", str(path))
    assert proc.returncode == 1 and b"applications.results.granted.total" in proc.stdout


def test_without_the_extra_a_scan_names_it(tmp_path):
    """Without rapidocr a scan is exit 2, one line, and the message says how to install the extra."""
    img = np.full((400, 300), 255, np.uint8)
    cv2.putText(img, "1 2 3", (40, 200), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 3)
    p = tmp_path / "scan.pdf"
    p.write_bytes(_image_pdf([img], 100))
    code = ("import sys; sys.modules['rapidocr_onnxruntime'] = None; from gaischema.cli import main; "
            f"sys.argv = ['gaischema', 'extract', {str(p)!r}]; main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "INPUT-NO-TEXT" in err and "gaischema[ocr]" in err


@needs_samples
@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("convert")), reason="needs pdftoppm and ImageMagick")
@pytest.mark.parametrize(("dpi", "seed"), [(120, 1), (120, 21), (100, 11)])
def test_a_low_resolution_scan_of_the_official_layout(expected, tmp_path, dpi, seed):
    """The Word-made sample (the official table layout) printed and scanned at an office scanner's low
    setting: its pages rasterised at 120 (or 100) dpi by pdftoppm, each tilted its own way and noised by
    ImageMagick, JPEG. Read by the grid-cell OCR (characters scaled up to the models' size first, the noise's
    faint specks and the rules' remnants kept out of the cells' crops): none wrong, and at least 198 of the
    200 cells (issue #27's target: 195). Measured: 200 from every seed tried (1, 11, 21, 31, 41 at 100, 120
    and 150 dpi); before the specks were kept out, 193 from 120 dpi seed 1 (a speck beside a 0 read 0.,
    which took the row's values into its label) and from 100 dpi seed 11; benchmarks/scans.py measures 100,
    120 and 150 dpi, clean and poor."""
    source = SAMPLES / "pingtan-2023-word.pdf"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(source), str(tmp_path / "p")], check=True)
    jpegs = []
    for n, page in enumerate(sorted(tmp_path.glob("p-*.pgm"))):
        jpeg = tmp_path / f"s{n}.jpg"
        # the noise seeded: the same scan every run
        subprocess.run(["convert", str(page), "-seed", str(seed + n), "-background", "white",
                        "-rotate", ("0.6", "-0.4", "0.3", "-0.5")[n % 4],
                        "+repage", "-attenuate", "0.4", "+noise", "Gaussian", "-quality", "70", str(jpeg)], check=True)
        jpegs.append(jpeg)
    images = [Image.open(j) for j in jpegs]
    images[0].save(tmp_path / "scan.pdf", "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    got = extract(str(tmp_path / "scan.pdf"))
    want = expected_cells(expected["pingtan-2023-word.pdf"], got.instance["format_version"])
    have = cells(got.instance)
    assert {p: (v, want[p]) for p, v in have.items() if v is not None and v != want.get(p)} == {}
    read = sum(1 for p, v in want.items() if have.get(p) is not None)
    assert read >= 198, sorted(p for p, v in have.items() if v is None)
    _ocr_notes_hold(got)
