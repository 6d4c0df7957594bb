"""The validator page of the documentation site, as a person uses it: the page is built the way the site is
(the npm package's modules bundled by esbuild with js/scripts/build.mjs --page, then ``mkdocs build``), opened
from the built site in headless Chromium (Debian's, driven by Playwright; never ``playwright install``) with
the network off — every request that is not a file of the site is refused and recorded — and given an invalid
example through its file input, as YAML and as the filled workbook ``gaischema render --format xlsx`` makes of
it. The findings it shows (rule, JSON path, official cell) are those of ``gaischema validate``; no page error,
no request leaves the page."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES, gaischema, gaischema_json

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NODE, NPM = shutil.which("node"), shutil.which("npm")
pytestmark = [
    pytest.mark.skipif(NODE is None or NPM is None, reason="needs Node.js and npm (.ci/run installs them)"),
    pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it)"),
]
INVALID = [EXAMPLES / "invalid" / "AnnualReport-t3-row-total.yaml", EXAMPLES / "invalid" / "AnnualReport-t4-total.yaml"]


def guarded_context(browser):
    """A browser context in which every request that is not a file of the site is refused and recorded: (the
    context, the list of refused addresses)."""
    context = browser.new_context()
    blocked = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return context, blocked


def shown_findings(browser, site: Path, files: list[Path]) -> tuple[list[dict], dict]:
    """Open the page offline, give it the files, return the findings it shows and what else happened."""
    context, blocked = guarded_context(browser)
    errors = []
    context.set_offline(True)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((site / "validator" / "index.html").as_uri())
    page.wait_for_selector("#gaischema-status[data-state=ready]", timeout=30_000)
    page.set_input_files("#gaischema-file", [str(f) for f in files])
    page.wait_for_selector("#gaischema-status[data-state=done]", timeout=60_000)
    rows = page.eval_on_selector_all(".finding", """rows => rows.map(r => ({
        file: r.closest('section').dataset.file, rule: r.dataset.rule, path: r.dataset.path,
        severity: r.dataset.severity, place: r.dataset.place, cell: r.querySelector('.cell-zh').textContent,
        cell_en: r.querySelector('.cell-en').textContent, message: r.querySelector('.message-zh').textContent,
        message_en: r.querySelector('.message-en').textContent}))""")
    info = {"blocked": blocked, "errors": errors, "status": page.text_content("#gaischema-status"),
            "summaries": page.eval_on_selector_all(".summary", "els => els.map(e => e.textContent)")}
    context.close()
    return rows, info


def python_findings(files: list[Path]) -> dict[str, list[dict]]:
    """gaischema validate on the same files together, as the page checks what it is given (two variants of one
    organ's 2023 report are copies of one report: XR-COPIES-DISAGREE on the second); by file name."""
    code, results = gaischema_json("validate", *(p.name for p in files), cwd=files[0].parent)
    assert code == 1
    return {r["file"]: r["findings"] for r in results}


def key(f: dict) -> tuple:
    return f["rule"], f["severity"], f["path"], f["cell"], f["cell_en"], f["message"], f["message_en"]


def test_the_page_shows_the_findings_of_invalid_reports_given_as_yaml(browser, site):
    rows, info = shown_findings(browser, site, INVALID)
    assert info["blocked"] == [] and info["errors"] == [], info
    expected = python_findings(INVALID)
    for path in INVALID:
        mine = [r for r in rows if r["file"] == path.name]
        assert Counter(map(key, mine)) == Counter(map(key, expected[path.name]))
        assert all(r["place"] == "" for r in mine)  # no workbook, no workbook place
    assert {r["rule"] for r in rows} == {"T3-ROW-TOTAL", "T4-TOTAL", "XR-COPIES-DISAGREE"}
    assert all(s.startswith("无效") and "invalid" in s for s in info["summaries"])


def test_the_page_reads_a_filled_workbook_and_names_the_cells(browser, site, tmp_path):
    books = []
    for path in INVALID:
        book = tmp_path / (path.stem + ".xlsx")
        proc = gaischema("render", str(path), "--format", "xlsx", "-o", str(book))
        assert proc.returncode == 0, proc.stderr
        books.append(book)
    rows, info = shown_findings(browser, site, books)
    assert info["blocked"] == [] and info["errors"] == [], info
    expected = python_findings(books)  # the workbooks themselves, read as drafts by gaischema validate
    for book in books:
        mine = [r for r in rows if r["file"] == book.name]
        assert Counter(map(key, mine)) == Counter(map(key, expected[book.name]))
    places = {r["path"]: r["place"] for r in rows}
    # the workbook places of the cells, as gaischema's workbook lays them out (a row total of 表三 is its last column)
    assert places["applications.results.granted.total"].startswith("工作簿 表三!")
    assert all(p.startswith(("工作簿 表三!", "工作簿 表四!")) for p in places.values())


def test_a_file_that_is_no_report_is_an_input_finding_not_a_page_error(browser, site, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("organ: [unclosed\n", encoding="utf-8")
    not_a_book = tmp_path / "fake.xlsx"
    not_a_book.write_bytes(b"PK\x03\x04 not really a workbook")
    rows, info = shown_findings(browser, site, [broken, not_a_book])
    assert info["blocked"] == [] and info["errors"] == [], info
    assert [(r["file"], r["rule"], r["severity"]) for r in rows] == [
        ("broken.yaml", "INPUT-YAML", "fatal"), ("fake.xlsx", "INPUT-NOT-REPORT", "fatal")]
    assert "已校验 2 个文件" in info["status"]


def test_the_network_guard_sees_a_request_that_leaves_the_page(browser, site):
    """The guard the tests above rely on: a request to the network is refused and recorded."""
    context, blocked = guarded_context(browser)
    page = context.new_page()
    page.goto((site / "validator" / "index.html").as_uri())
    failed = page.evaluate("fetch('https://example.org/x.json').then(() => false, () => true)")
    context.close()
    assert failed and blocked == ["https://example.org/x.json"]
