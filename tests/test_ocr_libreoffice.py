"""Scans of a page as LibreOffice prints it: the 上海 2019 sample web page's tables (title, date, sections 二 to
四; the narrative left out) opened and printed to PDF by ``soffice --convert-to pdf:writer_web_pdf_Export``, the
page holding table 二 rasterised by ``pdftoppm -gray`` at an office scanner's 120 or 150 dpi and saved as an
image-only PDF (PIL), as issue #27's sweep made its scans. Expected values are the sample's (expected.json).

LibreOffice lays out each row of a table with ``colspan`` cells on its own: the rule between table 二's columns
2 and 3 stands at one place in the rows of （一） and 5 pt to its right in the rows where columns 2 and 3 are one
cell (from （五）'s 行政许可 on), and table 三's header puts a third between them. The OCR's grid snaps rules within
3 pt onto one line, so the three were one line, nearly 3 pt right of the rule of （一）, and the crop of 规范性文件's
本年新公开数量 (60, set close to its rule) began inside its 6: 50 was written where 60 is printed, at confidence
0.99. Each test reads one page (a second or two of OCR).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import SAMPLES, needs_samples
from test_extract import cells, expected_cells

pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")
pytest.importorskip("cv2")
Image = pytest.importorskip("PIL.Image")

from gaischema.extract import extract  # noqa: E402
from gaischema.extract.readers import ocr  # noqa: E402

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PATH = "proactive_disclosure_2019.normative_documents.newly_published"  # 表二 规范性文件 × 本年新公开数量

pytestmark = [needs_samples, pytest.mark.skipif(not (SOFFICE and shutil.which("pdftoppm")),
                                                reason="needs LibreOffice (soffice) and pdftoppm")]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The sample's tables printed by LibreOffice; the number of the page that holds table 二 (1-based)."""
    folder = tmp_path_factory.mktemp("lo")
    lines = (SAMPLES / "shanghai-gov-office-2019.html").read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if "二、主动公开政府信息情况" in line)
    end = next(n for n, line in enumerate(lines) if "五、政府信息公开工作存在的主要问题" in line)
    (folder / "t.html").write_text("\n".join(lines[:2] + lines[start:end]), encoding="utf-8")
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(folder), str(folder / "t.html")],
                   check=True, capture_output=True, timeout=180)
    pdf = folder / "t.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout.decode()
    page = next(n for n, t in enumerate(text.split("\f"), start=1) if "第二十条第（一）项" in t)
    return pdf, page


def _scan(printed, folder, dpi: int):
    pdf, page = printed
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), str(pdf),
                    str(folder / "p")], check=True)
    scan = folder / "scan.pdf"
    Image.open(next(folder.glob("p-*.pgm"))).save(scan, "PDF", resolution=float(dpi))
    got = extract(str(scan))
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))["shanghai-gov-office-2019.html"]
    want = expected_cells(expected, got.instance["format_version"])
    return got, want, cells(got.instance)


@pytest.mark.parametrize("dpi", [120, 150])
def test_a_digit_close_to_a_rule_that_stands_apart_from_its_column_s_is_read(printed, tmp_path, dpi):
    """Each cell's crop is taken inside the rules that bound that cell, not inside the line its column's rules
    were snapped to: 60 is read, no value on the page is one not printed, and table 二 is read whole."""
    got, want, have = _scan(printed, tmp_path, dpi)
    assert {p: (v, want.get(p)) for p, v in have.items() if v is not None and v != want.get(p)} == {}
    assert want[PATH] == 60 and have[PATH] == 60
    t2 = [p for p in want if p.startswith("proactive_disclosure_2019.")]
    assert len(t2) >= 20 and [p for p in t2 if have.get(p) != want[p]] == []


def test_a_number_whose_crop_cut_off_a_stroke_is_refused(printed, tmp_path, monkeypatch):
    """The second guard, on the same page at 150 dpi with the cells' sides left where the grid snapped them
    (as before the first was made): the crop of 60 leaves out the 6's left stroke and reads 50 at 0.99;
    read again over the ink it cut off, it is 60, and a number whose two readings differ is refused. The
    cell is blank with a note, never 50."""
    monkeypatch.setattr(ocr, "_on_their_rules", lambda cells, *_: cells)
    got, want, have = _scan(printed, tmp_path, 150)
    assert {p: (v, want.get(p)) for p, v in have.items() if v is not None and v != want.get(p)} == {}
    assert have[PATH] is None
    assert any(n.path == PATH and n.kind == "low_confidence" for n in got.notes)
