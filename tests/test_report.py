"""gaischema report: the page shows exactly what the validator found (checked against a synthetic corpus's
recorded injected errors), and works in headless Chromium with the network off: no console error, every chart
drawn (marks counted), the report table sorts and filters, the links open the annotated renderings."""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import gaischema
from test_browser import CHROMIUM, FLAGS

from gaischema import synthetic

pytest.importorskip("matplotlib")
# the browser flags of test_browser.py, and the network off: no name resolves, the proxy is a closed port
OFFLINE = [*FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"]

# runs first in <head>: records every error; after load, reads the page, clicks and types as a person would
PROBE = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message)));
const origError = console.error; console.error = (...a) => { window.__errors.push(a.join(' ')); origError(...a); };
window.addEventListener('load', () => {
  const count = p => document.querySelectorAll(`[id^="mark-${p}-"]`).length;
  const rowsOf = id => document.querySelectorAll(`#${id} tbody tr`).length;
  const table = document.getElementById('report-table');
  const col = key => [...table.tHead.rows[0].cells].findIndex(h => h.dataset.key === key);
  const column = key => [...table.tBodies[0].rows].map(r => r.cells[col(key)].textContent);
  const head = key => table.tHead.rows[0].cells[col(key)];
  const out = {errors: window.__errors, marks: {rules: count('rules'), heatmap: count('heatmap'),
               outcomes: count('outcomes'), share: count('share'), reasons: count('reasons'), cases: count('cases')},
               tables: {rules: rowsOf('table-rules'), heatmap: rowsOf('table-heatmap'), outcomes: rowsOf('table-outcomes'),
                        reasons: rowsOf('table-reasons'), cases: rowsOf('table-cases')},
               reports: table.tBodies[0].rows.length, chinese: document.querySelector('#chart-rules svg text') !== null};
  head('errors').click(); out.errorsAsc = column('errors');
  head('errors').click(); out.errorsDesc = column('errors');
  const filter = document.getElementById('filter');
  filter.value = 'T4-TOTAL'; filter.dispatchEvent(new Event('input'));
  out.filtered = column('rules');
  filter.value = ''; filter.dispatchEvent(new Event('input'));
  out.links = [...table.querySelectorAll('a.rendering')].map(a => a.getAttribute('href'));
  out.originals = [...table.querySelectorAll('a.original')].map(a => a.getAttribute('href'));
  out.hrefs = [...document.querySelectorAll('a')].map(a => a.href);
  out.external = [...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') || e.getAttribute('href'))
                 .filter(u => /^(https?:)?\\/\\//.test(u));
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A synthetic corpus (organs over several years, recorded injected errors) and its page."""
    folder = tmp_path_factory.mktemp("report")
    corpus = folder / "corpus"
    injected = synthetic.generate(80, corpus, error_share=0.3, seed=11, narrative=600)
    page = folder / "report.html"
    proc = gaischema("report", str(corpus), "-o", str(page), "-j", "2")
    assert proc.returncode == 1, proc.stderr  # some reports have errors: exit 1, as validate.decode(errors="replace")[-2000:]
    return folder, corpus, injected, page


def _data(page: Path) -> list[dict]:
    text = page.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', text, re.S)
                      .group(1).replace("<\\/", "</"))


def _table(page: Path, name: str) -> list[list[str]]:
    text = page.read_text(encoding="utf-8")
    body = re.search(rf'<table class="data" id="table-{name}">.*?<tbody>(.*?)</tbody>', text, re.S).group(1)
    return [[html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row)] for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_table_and_heatmap_show_exactly_the_injected_errors(built):
    _, corpus, injected, page = built
    assert len(injected) >= 10
    rows = {Path(r["file"]).name: r for r in _data(page)}
    assert len(rows) == 80
    for name, row in rows.items():
        assert row["rules"] == sorted({rule for rule, _ in injected.get(name, [])}), name
        rules = {rule for rule, _ in injected.get(name, [])}
        assert row["status"] == ("valid" if not rules else "warnings" if rules == {"META-DEADLINE"} else "errors")
    organ_of = {p.name: yaml.safe_load(p.read_text(encoding="utf-8"))["organ"] for p in corpus.glob("*.yaml")}
    want = Counter()
    for name, found in injected.items():
        for rule, _ in found:
            want[(organ_of[name], rule)] += 1
    got = {(o, r): int(n) for o, r, n in _table(page, "heatmap")}
    assert got == dict(want)
    rules = {r: int(n) for r, n in _table(page, "rules")}
    assert rules == dict(Counter(rule for found in injected.values() for rule, _ in found))


def test_every_report_with_a_finding_links_to_its_annotated_rendering(built):
    folder, _, injected, page = built
    rows = _data(page)
    linked = [r for r in rows if r["link"]]
    assert {Path(r["file"]).name for r in linked} == set(injected)
    for r in linked:
        target = folder / r["link"]
        assert target.exists() and "三、收到和处理政府信息公开申请情况" in target.read_text(encoding="utf-8")


def test_numbers_across_years_come_from_the_reports(built):
    _, corpus, _, page = built
    received = Counter()
    for p in corpus.glob("*.yaml"):
        inst = yaml.safe_load(p.read_text(encoding="utf-8"))
        received[inst["report_year"]] += inst["applications"]["new_applications"]["total"]
    table = {int(r[0]): int(r[2]) for r in _table(page, "outcomes")}
    assert table == dict(received)


def test_page_is_not_written_over_without_force(built):
    folder, corpus, _, page = built
    proc = gaischema("report", str(corpus), "-o", str(page))
    assert proc.returncode == 2 and b"--force" in proc.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_page_in_headless_chromium_with_the_network_off(built, tmp_path):
    folder, _, injected, page = built
    probed = folder / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head>" + PROBE, 1), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, *OFFLINE, f"--user-data-dir={tmp_path / 'p1'}", "--dump-dom", probed.as_uri()],
                         capture_output=True, timeout=120).stdout.decode("utf-8", errors="replace")
    probe = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1)))
    assert probe["errors"] == [] and probe["external"] == []
    rules = _table(page, "rules")
    assert probe["marks"]["rules"] == probe["tables"]["rules"] == len(rules)  # one bar per rule
    assert probe["marks"]["heatmap"] == probe["tables"]["heatmap"] == len(_table(page, "heatmap"))
    years = probe["tables"]["outcomes"]
    assert probe["marks"]["outcomes"] == 6 * years and probe["marks"]["share"] == years
    assert probe["marks"]["reasons"] == 8 and probe["marks"]["cases"] == 4 * years
    assert probe["chinese"] and probe["reports"] == 80
    numbers = [int(x) for x in probe["errorsAsc"]]
    assert numbers == sorted(numbers) and numbers != sorted(numbers, reverse=True)
    assert [int(x) for x in probe["errorsDesc"]] == sorted(numbers, reverse=True)
    t4 = [n for n, found in injected.items() if any(rule == "T4-TOTAL" for rule, _ in found)]
    assert len(probe["filtered"]) == len(t4) and all("T4-TOTAL" in r for r in probe["filtered"])
    assert len(probe["links"]) == len(injected)
    assert len(probe["originals"]) == 80  # every input links to its copy beside the page
    assert all(h.startswith((folder / "report_files").as_uri() + "/") for h in probe["hrefs"])
    target = (folder / probe["links"][0]).as_uri()
    linked = subprocess.run([CHROMIUM, *OFFLINE, f"--user-data-dir={tmp_path / 'p2'}", "--dump-dom", target],
                            capture_output=True, timeout=120).stdout.decode("utf-8", errors="replace")
    assert "三、收到和处理政府信息公开申请情况" in linked
    for name, size in (("report", "1200,2400"), ("rendering", "1000,1600")):
        shot = tmp_path / f"{name}.png"
        subprocess.run([CHROMIUM, *OFFLINE, f"--user-data-dir={tmp_path / ('s' + name)}", f"--window-size={size}",
                        f"--screenshot={shot}", page.as_uri() if name == "report" else target],
                       capture_output=True, timeout=120)
        assert shot.stat().st_size > 10000
        print(f"screenshot: {shot}")


def test_provenance_of_extracted_instances(tmp_path):
    """Cells and extraction notes per source format, for instances made by gaischema extract."""
    from conftest import EXAMPLES, load

    from gaischema import report

    for i, fmt in enumerate(["pdf", "pdf", "html"]):
        inst = load(EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml")
        inst["organ"] = f"机关{i}"
        inst["extraction"] = {"source_file": f"r{i}.{fmt}", "source_format": fmt, "extractor": "gaischema",
                              "notes": [{"kind": "positional", "path": "applications.carried_over"} for _ in range(i + 1)]}
        (tmp_path / f"r{i}.yaml").write_text(yaml.safe_dump(inst, allow_unicode=True), encoding="utf-8")
    corpus = report.collect(sorted(str(p) for p in tmp_path.glob("*.yaml")), None, jobs=1)
    page = tmp_path / "page.html"
    page.write_text(report.build_page(corpus), encoding="utf-8")
    assert _table(page, "provenance") == [["html", "1", "200", "3"], ["pdf", "2", "400", "3"]]
