"""A row the reader did not find is not a row the organ left blank (docs/rule-language.md, "Rows the reading did not
find"): `gaischema validate` reports READ-NOT-FOUND (a warning naming the row), not T2-BLANK / T4-BLANK; a cell
printed blank is still the organ's blank (T3-BLANK, T4-BLANK).

The 平潭 2023 report (the bundled example) laid out as HTML and saved as Word by LibreOffice, with the 表二 row 规章
left out of the print, 表四 published as a picture (its heading, then no table: none of its rows found, so the
table is blank as a whole and is opened into its rows), （一）予以公开 × 总计 printed as an empty cell; read by the real `gaischema extract`, checked by the real
`gaischema validate`. The expected findings are stated by hand from what the print leaves out. The published
上海 2025 text (../shared/samples), whose 表二 rows 规章 and 行政规范性文件 the reader does not find, gets the same.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess

import pytest

import layout
from conftest import EXAMPLES, SAMPLES, gaischema, load, needs_samples

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
R4 = "reviews_and_litigation."


def _validate(path) -> list[tuple]:
    checked = gaischema("validate", str(path), "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr.decode(errors="replace")
    found = json.loads(checked.stdout)
    found = found[0]["findings"] if isinstance(found, list) else found["findings"]
    return found


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)")
def test_rows_not_found_are_the_readers_and_a_cell_printed_blank_is_the_organs(tmp_path):
    inst = copy.deepcopy(load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml"))
    inst["applications"]["results"]["granted"]["total"] = None  # printed as an empty cell
    html = layout.as_html(inst)
    rule_row = re.findall(r"<tr><td>规章</td>.*?</tr>", html)
    table4 = re.findall(r"(?s)(?<=行政诉讼情况</p>\n)<table.*?</table>", html)  # under its heading
    assert len(rule_row) == 1 and len(table4) == 1
    # 表四 published as a picture: its heading, then no table the reader can see
    html = html.replace(rule_row[0], "").replace(table4[0], "<p>（见附图）</p>")
    (tmp_path / "pingtan.html").write_text(html, encoding="utf-8")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(tmp_path / "pingtan.html")],
                   capture_output=True, timeout=300, check=True)
    out = tmp_path / "pingtan.yaml"
    extracted = gaischema("extract", str(tmp_path / "pingtan.docx"), "-o", str(out))
    assert extracted.returncode == 1, extracted.stderr.decode(errors="replace")  # rows not found
    found = _validate(out)
    got = sorted((f["rule"], f["severity"], f["path"]) for f in found)
    assert got == sorted([
        ("READ-NOT-FOUND", "warning", "proactive_disclosure.regulations"),
        ("READ-NOT-FOUND", "warning", R4 + "administrative_review"),
        ("READ-NOT-FOUND", "warning", R4 + "litigation_direct"),
        ("READ-NOT-FOUND", "warning", R4 + "litigation_after_review"),
        ("T3-BLANK", "error", "applications.results.granted.total")])  # no T2-BLANK, no T4-BLANK for the table
    regulations = next(f for f in found if f["path"] == "proactive_disclosure.regulations")
    assert regulations["cell"] == "表二 第二十条第（一）项 / 规章" and "规章" in regulations["message"]
    assert "未找到" in regulations["message"] and "not find" in regulations["message_en"]
    assert regulations["reported"] is None and regulations["expected"] is None


@needs_samples
def test_the_published_rows_the_reader_misses_are_not_called_blank(tmp_path):
    out = tmp_path / "shanghai.yaml"
    extracted = gaischema("extract", str(SAMPLES / "shanghai-gov-office-2025.md"), "-o", str(out))
    assert extracted.returncode == 1, extracted.stderr.decode(errors="replace")
    got = sorted((f["rule"], f["severity"], f["path"]) for f in _validate(out))
    # the text prints 规章 22/235 and 行政规范性文件 34/189 as two-cell rows the reader does not match
    assert got == [("READ-NOT-FOUND", "warning", "proactive_disclosure.normative_documents"),
                   ("READ-NOT-FOUND", "warning", "proactive_disclosure.regulations")]
