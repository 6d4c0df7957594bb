"""A cell OCR read unreliably is not a cell the organ left blank (docs/rule-language.md, "Cells OCR read
unreliably"): `gaischema validate` reports READ-UNRELIABLE (a warning at the cell, with the text OCR read), not
T2-BLANK; a cell printed blank is still the organ's blank (T2-BLANK).

The 平潭 2023 report (the bundled example) printed by Chromium with 表二 强制 left empty and the lower 62% of the
digits of 行政规范性文件 × 现行有效件数 (470) not printed, as a worn printer or a fold loses them; the page of 表二
rasterised at 200 dpi into an image-only PDF (a scan); read by the real `gaischema extract` (OCR reads the damaged
cell below the confidence bound: a low_confidence note, measured 0.64), checked by the real `gaischema validate`.
The damaged cell and the empty one are stated by hand from what was printed.
"""

from __future__ import annotations

import copy
import io
import json

import pytest

from conftest import EXAMPLES, gaischema, load, print_pdf
from test_extract import CHROMIUM

pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")
np = pytest.importorskip("numpy")
pdfium = pytest.importorskip("pypdfium2")
Image = pytest.importorskip("PIL.Image")

from gaischema.render import render_html  # noqa: E402

DAMAGED = "proactive_disclosure.normative_documents.in_force"
EMPTY = "proactive_disclosure.coercion"


@pytest.mark.skipif(not CHROMIUM, reason="needs Chromium (.ci/run installs it)")
def test_a_cell_ocr_read_unreliably_is_the_readers_and_a_cell_printed_blank_is_the_organs(tmp_path):
    inst = copy.deepcopy(load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml"))
    inst["proactive_disclosure"]["coercion"]["decisions"] = None  # printed as an empty cell
    html = render_html(inst)
    cell = f'data-path="{DAMAGED}">470<'
    assert html.count(cell) == 1
    html = html.replace(cell, f'data-path="{DAMAGED}"><span class="worn">470</span><').replace(
        "</style>", ".worn { display: inline-block; clip-path: inset(0 0 62% 0); }\n</style>", 1)
    (tmp_path / "r.html").write_text(html, encoding="utf-8")
    doc = pdfium.PdfDocument(print_pdf(tmp_path / "r.html", tmp_path / "r.pdf", tmp_path / "profile").read_bytes())
    try:
        page = next(i for i in range(len(doc)) if "第二十条第（一）项" in doc[i].get_textpage().get_text_range())
        grey = doc[page].render(scale=200 / 72).to_pil().convert("L")
    finally:
        doc.close()
    scan = io.BytesIO()
    Image.fromarray(np.array(grey)).save(scan, "PDF", resolution=200, quality=80)
    (tmp_path / "scan.pdf").write_bytes(scan.getvalue())
    out = tmp_path / "scan.yaml"
    extracted = gaischema("extract", str(tmp_path / "scan.pdf"), "-o", str(out))
    assert extracted.returncode == 1, extracted.stderr.decode(errors="replace")  # one page: the other tables missing
    notes = load(out)["extraction"]["notes"]
    unsure = [n for n in notes if n["note_kind"] == "low_confidence"]
    assert [n["note_path"] for n in unsure] == [DAMAGED]  # the cell damaged in print, and no other
    assert unsure[0]["note_confidence"] < 0.8  # below the bound: left blank
    assert load(out)["proactive_disclosure"]["normative_documents"].get("in_force") is None

    checked = gaischema("validate", str(out), "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr.decode(errors="replace")
    found = json.loads(checked.stdout)
    found = found[0]["findings"] if isinstance(found, list) else found["findings"]
    for n in unsure:  # each cell OCR read unreliably: one READ-UNRELIABLE with what OCR read, no blank-cell error
        at = [f for f in found if f["path"] == n["note_path"] or f["path"].startswith(n["note_path"] + ".")]
        assert [(f["rule"], f["severity"], f["reported"], f["expected"]) for f in at] == [
            ("READ-UNRELIABLE", "warning", n["note_raw"], None)]
        assert f"{n['note_confidence']:.2f}" in at[0]["message"] and "low_confidence" in at[0]["message_en"]
        assert at[0]["cell"] == "表二 第二十条第（一）项 / 行政规范性文件 × 现行有效件数"
    assert [(f["rule"], f["severity"]) for f in found if f["path"].startswith(EMPTY)] == [("T2-BLANK", "error")]
    assert not [f for f in found if f["rule"] == "T2-BLANK" and not f["path"].startswith(EMPTY)]
