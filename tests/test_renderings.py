"""The annotated renderings ``report`` writes beside its page are small (issue #28): each links the one
stylesheet beside them (``<page>_files/rendering.css``, allowed by its Content-Security-Policy as 'self') and
marks only the cells a finding or a correction is about. Checked as a person sees it: in headless Chromium, the
report's rendering looks pixel for pixel like the standalone rendering of the same report (``gaischema render
--annotate``, its CSS inline), opened from file:// directly and from the page's link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, gaischema, load
from gaischema.model import Model
from gaischema.render import layout, render_html
from gaischema.report.collection import rendering_ok

INVALID = EXAMPLES / "invalid" / "AnnualReport-t3-row-total.yaml"  # two cells of 表三 break T3-ROW-TOTAL


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("renderings")
    inputs = folder / "in"
    inputs.mkdir()
    (inputs / "t3.yaml").write_bytes(INVALID.read_bytes())
    (inputs / "ok.yaml").write_bytes((EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml").read_bytes())
    page = folder / "page.html"
    proc = gaischema("report", str(inputs), "-o", str(page), "--no-cache", "-j", "1")
    assert proc.returncode == 1, proc.stderr.decode(errors="replace")[-2000:]
    rows = json.loads(re.search(r'id="report-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
    (row,) = [r for r in rows if r.get("link")]  # errors: only the report with a finding has a rendering
    return folder, page, row


def test_a_rendering_is_small_and_links_the_one_stylesheet(run):
    folder, _, row = run
    rendering = folder / row["link"]
    html = rendering.read_text(encoding="utf-8")
    # the same report rendered standalone was 26 KB: 2 KB of CSS and a path on each of its 200 value cells
    assert rendering.stat().st_size < 10_000
    assert '<link rel="stylesheet" href="../rendering.css">' in html and "<style" not in html
    css = folder / "page_files" / "rendering.css"
    assert css.is_file() and "@page { size: A4" in css.read_text(encoding="utf-8")
    # the two cells T3-ROW-TOTAL is about carry their path (and their finding as a title); no other cell does
    marked = re.findall(r'<td class="bad" title="T3-ROW-TOTAL[^"]*" data-path="([^"]+)">', html)
    assert len(marked) == 2 and html.count("data-path=") == 2 + html.count('<details class="finding"')
    assert rendering_ok(html)


def test_a_header_cell_holds_no_digit():
    """The CSS sets digits of every cell but a row label as tabular numbers (td:not(.label)): the value cells,
    which the compact rendering no longer classes. Header cells are the only others; none holds a digit, so the
    rule shows the same as the former td.num."""
    model = Model.load()
    for version in model.versions:
        for table in model.table_slots(version):
            for row in layout(version, table):
                for cell in row:
                    if cell.path is None and not cell.label:
                        assert not re.search(r"[0-9０-９]", cell.text), (version, table, cell.text)


def test_rendering_ok_allows_only_the_templates_own_link_and_policy(run):
    folder, _, row = run
    html = (folder / row["link"]).read_text(encoding="utf-8")
    assert rendering_ok(html) and rendering_ok(render_html(load(INVALID), annotate=True))  # linked; standalone
    own = '<link rel="stylesheet" href="../rendering.css">'
    for other in ('<link rel="stylesheet" href="https://example.com/x.css">', '<link rel="stylesheet" href="../r.css">',
                  '<link rel="prefetch" href="../rendering.css">', own + '<link rel="stylesheet" href="/etc/x.css">'):
        assert not rendering_ok(html.replace(own, other)), other
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">', html).group(0)
    assert not rendering_ok(html.replace(policy, policy.replace("style-src-elem 'self'", "style-src-elem *")))
    assert not rendering_ok(html.replace(policy, policy + policy.replace("default-src 'none'", "default-src *")))
    assert not rendering_ok(html.replace(policy, ""))


@pytest.fixture(scope="module")
def standalone(run):
    """The same report rendered standalone (its CSS inline), beside the report's renderings so that the
    screenshots share the window: the reference the report's rendering must look like."""
    folder, _, row = run
    reference = (folder / row["link"]).with_name("standalone.html")
    reference.write_text(render_html(load(INVALID), annotate=True), encoding="utf-8")
    return reference


def _shot(page) -> bytes:
    style = page.evaluate("() => [getComputedStyle(document.body).maxWidth, "
                          "getComputedStyle(document.querySelector('td')).borderTopStyle, "
                          "getComputedStyle(document.querySelector('td.bad')).backgroundColor]")
    assert style == ["680.315px", "solid", "rgb(253, 226, 225)"], style  # 180 mm; the cells' frame; a broken cell
    return page.screenshot(full_page=True)


def test_the_rendering_is_styled_and_looks_as_the_standalone_one(run, standalone, browser, tmp_path):
    from PIL import Image, ImageChops

    folder, page_file, row = run
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.on("console", lambda m: errors.append(m.text))
    page.goto(standalone.as_uri())
    reference = _shot(page)
    page.goto((folder / row["link"]).as_uri())  # opened from file:// directly
    direct = _shot(page)
    page.goto(page_file.as_uri())  # from the page: the report's row links it
    with page.expect_navigation():
        page.click("a.rendering")
    assert page.url == (folder / row["link"]).resolve().as_uri()
    clicked = _shot(page)
    page.close()
    assert errors == []  # no policy violation: the stylesheet is allowed, nothing else is asked for
    shots = []
    for name, data in (("reference", reference), ("direct", direct), ("clicked", clicked)):
        (tmp_path / f"{name}.png").write_bytes(data)
        shots.append(Image.open(tmp_path / f"{name}.png").convert("RGB"))
        print(f"screenshot: {tmp_path / name}.png")
    for shot in shots[1:]:
        assert shot.size == shots[0].size and ImageChops.difference(shot, shots[0]).getbbox() is None


def test_the_policy_refuses_a_stylesheet_from_anywhere_else(run, browser):
    """The linked policy is no wider than needed: an inline <style> element and a stylesheet of another origin
    are refused by Chromium (neither is ever written: this checks the policy itself)."""
    folder, _, row = run
    html = (folder / row["link"]).read_text(encoding="utf-8")
    probe = (folder / row["link"]).with_name("probe.html")
    probe.write_text(html.replace("</head>", "<style>body { max-width: 1mm; }</style>"
                                  '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>'), encoding="utf-8")
    errors: list[str] = []
    page = browser.new_page()
    page.on("console", lambda m: errors.append(m.text))
    page.goto(probe.as_uri())
    assert page.evaluate("getComputedStyle(document.body).maxWidth") == "680.315px"
    page.close()
    assert sum("Content Security Policy" in e for e in errors) == 2, errors


# ------------------------------------------------------------------------------------------------ scale
def test_the_pages_rows_are_written_a_row_at_a_time_as_the_json_they_hold():
    """A row's numbers and findings are kept as their JSON text (facts.Packed) and written into the page's data
    block as they are: the block reads back as the rows themselves, and nothing in them can close it."""
    from gaischema.report.facts import Packed
    from gaischema.report.page import row_chunks

    findings = [{"rule": "T3-ROW-TOTAL", "message": "</script><script>alert(1)</script> & \u2028"}]
    rows = [{"seq": [0, 0], "file": "a</script>.yaml", "findings": findings, "facts": {"received": 3}, "year": None},
            {"seq": [1, 0], "file": "b.txt", "notes": "INPUT-NOT-REPORT"}, {"findings": []}]
    kept = [{k: Packed.of(v) if k in ("findings", "facts") else v for k, v in row.items()} for row in rows]
    text = "".join(row_chunks(kept, skip=("seq", "facts")))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == [{k: v for k, v in row.items() if k not in ("seq", "facts")} for row in rows]
    assert kept[0]["facts"].value() == {"received": 3}
