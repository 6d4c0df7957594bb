"""gaischema report against what a report or a file name can hold (issue #20): organs that matplotlib would read
as math, that would close the page's data block or run a script, enormous organs, a type-broken slot, file
names with .., #, ?, %, tab, newline, GBK bytes and 255 bytes, and links planted in ``<page>_files``. The page
renders every row, runs no script (checked in headless Chromium with the network off), and its links stay
in its folder; nothing is written outside it. Big inputs are generated here, small."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, gaischema, load
from test_browser import CHROMIUM
from test_report import OFFLINE, _data

from gaischema.report import path_id

pytest.importorskip("matplotlib")

ORGANS = {
    "math": "局$\\frac$局",
    "braces": "局" + "{" * 400 + "x" + "}" * 400,
    "dollars": "$x$" * 20000,
    "huge": "机" * 200000,
    "comment": "<!--<script>",
    "close": "</script><script>window.__pwned = 1</script>",
    "img": '<img src=x onerror="window.__pwned = 2">',
    "svg": "</text></svg><svg onload=\"window.__pwned = 3\">",
}
# file names: (bytes of the name, what the page shows)
NAMES = [b"..\\..\\..\\..\\tmp\\evil.yaml", b"a#b.yaml", b"a?b.yaml", b"100%.yaml", b"%2e%2e%2fx.yaml",
         b"tab\there.yaml", b"new\nline.yaml", b"javascript:window.__pwned=4.yaml", b"a" * 250 + b".yaml",
         "报告".encode("gb18030") + b"-gbk.yaml"]

PROBE = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message)));
window.addEventListener('load', () => {
  const table = document.getElementById('report-table');
  const out = {errors: window.__errors, pwned: window.__pwned || null, reports: table.tBodies[0].rows.length,
               organs: [...table.tBodies[0].rows].map(r => r.cells[2].textContent.length),
               hrefs: [...document.querySelectorAll('a')].map(a => a.href),
               scripts: document.querySelectorAll('script').length,
               charts: document.querySelectorAll('figure.chart svg').length};
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def _instance(organ: str, year: int = 2023) -> dict:
    inst = load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml")
    inst["organ"], inst["report_year"] = organ, year
    inst["applications"]["new_applications"]["total"] += 1  # one error: the organ is drawn in the heatmap
    return inst


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    src = folder / "in"
    src.mkdir()
    for key, organ in ORGANS.items():
        (src / f"organ-{key}.yaml").write_text(yaml.safe_dump(_instance(organ), allow_unicode=True), encoding="utf-8")
    for i, raw in enumerate(NAMES):
        inst = _instance(f"机关{i}")
        with open(os.path.join(os.fsencode(src), raw), "wb") as fh:
            fh.write(yaml.safe_dump(inst, allow_unicode=True).encode("utf-8"))
    broken = load(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")
    broken["statistical_period"] = "x"  # a type-broken slot among good files
    (src / "broken-period.yaml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    (src / "good.yaml").write_text((EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    page = folder / "out" / "page.html"
    page.parent.mkdir()
    proc = gaischema("report", str(src), "-o", str(page), "-j", "2", "--save-instances", str(folder / "saved"))
    return folder, src, page, proc


def test_every_hostile_input_is_one_row_and_the_run_is_exit_1(hostile):
    folder, src, page, proc = hostile
    err = proc.stderr.decode("utf-8", errors="replace")
    assert proc.returncode == 1, err[-2000:]  # reports with errors; never 3
    assert "internal error" not in err and "INTERNAL-ERROR" not in page.read_text(encoding="utf-8")
    rows = _data(page)
    assert len(rows) == len(ORGANS) + len(NAMES) + 2
    broken = next(r for r in rows if r["file"].endswith("broken-period.yaml"))
    assert broken["status"] == "errors" and broken["link"]  # validated, reported and still rendered
    shown = {r["file"].rsplit("/", 1)[-1] for r in rows}
    assert "报告-gbk.yaml" in shown  # GBK bytes decoded as people read them
    assert "new\nline.yaml" in shown and "a" * 250 + ".yaml" in shown
    assert max(len(r["organ"]) for r in rows) <= 300  # organs cut in the table


def test_links_and_files_stay_inside_the_output_folder(hostile):
    folder, src, page, _ = hostile
    files = page.parent / "page_files"
    for r in _data(page):
        for key in ("link", "source"):
            if r[key]:
                assert re.fullmatch(r"page_files/(r|src)/[0-9a-f]{20}(-\d+)?\.(html|yaml)", r[key]), r[key]
                assert (page.parent / r[key]).resolve().is_relative_to(files.resolve())
    written = {p.relative_to(folder).parts[0] for p in folder.rglob("*") if p.is_file()}
    assert written <= {"in", "out", "saved"}
    saved = sorted(os.listdir(os.fsencode(folder / "saved")))
    assert len(saved) == len(ORGANS) + len(NAMES) + 2
    assert all(len(n) <= 255 and b"/" not in n and b"\\" not in n and b"\n" not in n for n in saved)
    # a Windows path in a name (..\..\tmp\evil.yaml) is one file name on Linux: kept as one, its separators and
    # leading dots made harmless, so that the same folder unpacked on Windows cannot climb out either
    assert b"_.._.._.._tmp_evil.yaml" in saved and not any(n.startswith(b".") for n in saved)


def test_charts_read_no_math_and_cut_labels(hostile):
    _, _, page, _ = hostile
    text = page.read_text(encoding="utf-8")
    heat = re.search(r'id="chart-heatmap">(.*?)</figure>', text, re.S).group(1)
    assert "局$\\frac$局" in html.unescape(heat)  # drawn as the text it is
    assert "$x$$x$$x$" in html.unescape(heat) and "$x$" * 20 not in html.unescape(heat)  # cut
    assert len(text.encode("utf-8")) < 2_000_000


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_hostile_page_runs_no_script_in_chromium(hostile, tmp_path):
    folder, _, page, _ = hostile
    probed = page.parent / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head>" + PROBE, 1), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, *OFFLINE, f"--user-data-dir={tmp_path / 'p1'}", "--dump-dom", probed.as_uri()],
                         capture_output=True, timeout=120).stdout.decode("utf-8", errors="replace")
    probe = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1)))
    assert probe["errors"] == [] and probe["pwned"] is None
    assert probe["reports"] == len(ORGANS) + len(NAMES) + 2 and probe["scripts"] == 3  # data, page, probe
    assert probe["charts"] >= 2
    base = (page.parent / "page_files").as_uri() + "/"
    assert probe["hrefs"] and all(h.startswith(base) for h in probe["hrefs"]), probe["hrefs"]
    # a rendering of a hostile organ: its text, no script
    row = next(r for r in _data(page) if r["organ"].startswith("</script>"))
    rendering = (page.parent / row["link"]).read_text(encoding="utf-8")
    assert "<script" not in rendering and "&lt;/script&gt;&lt;script&gt;" in rendering


def test_a_link_planted_in_the_page_folder_is_never_written_through(hostile, tmp_path):
    folder, src, page, _ = hostile
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    good = src / "organ-math.yaml"  # it has a finding: a rendering and a copy are written for it
    pid = path_id(str(good))
    planted = [page.parent / "page_files" / "r" / f"{pid}.html", page.parent / "page_files" / "src" / f"{pid}.yaml"]
    for p in planted:
        p.unlink()
        p.symlink_to(victim)
    proc = gaischema("report", str(good), "-o", str(page), "--force", "--no-cache")
    assert proc.returncode == 1, proc.stderr.decode(errors="replace")
    assert victim.read_text(encoding="utf-8") == "mine"
    assert all(p.is_file() and not p.is_symlink() for p in planted)


@pytest.mark.parametrize("where", ["files", "r", "cache"])
def test_a_linked_page_folder_is_refused(tmp_path, where):
    good = tmp_path / "good.yaml"
    good.write_text((EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    outside = tmp_path / "outside"
    page = tmp_path / "page.html"
    if where == "files":
        (tmp_path / "page_files").symlink_to(outside)  # dangling
    else:
        outside.mkdir()
        (tmp_path / "page_files").mkdir()
        (tmp_path / "page_files" / where).symlink_to(outside)
    proc = gaischema("report", str(good), "-o", str(page), "--force")
    err = proc.stderr.decode(errors="replace").strip()
    assert proc.returncode == 2 and len(err.splitlines()) == 1 and "link" in err, err
    assert not page.exists() or where == "cache"
    assert not outside.exists() or list(outside.iterdir()) == []
