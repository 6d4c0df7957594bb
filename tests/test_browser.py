"""Checked as a person sees it: the rendered 北仑 report and the documentation home page in headless
Chromium (Debian's chromium; .ci/run installs it). The checks run in the page itself; screenshots are saved
for a person to look at."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, load
from gaischema.render import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                                reason="Chromium is not installed (CI installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--virtual-time-budget=3000"]
PROBE = """<script>
window.addEventListener('load', () => {
  const t = document.querySelectorAll('table');
  const t3rows = new Set([...(t[1] ? t[1].querySelectorAll('td[data-path]') : [])]
                         .map(td => td.dataset.path.split('.').slice(0, -1).join('.')));
  const cell = document.querySelector('td[data-path="applications.results.unable.not_held.natural_person"]');
  const out = {tables: t.length, t3rows: t3rows.size, cell: cell ? cell.textContent : null,
               headings: [...document.querySelectorAll('h2')].map(h => h.textContent),
               width: document.querySelector('table').getBoundingClientRect().width};
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def chromium(*args, profile):
    assert CHROMIUM, "Chromium is needed here: apt-get install chromium"
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, timeout=120)
    return proc.stdout.decode("utf-8", errors="replace")


def test_rendered_report_in_chromium(tmp_path):
    page = tmp_path / "beilun.html"
    page.write_text(render_html(load(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")).replace(
        "</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium("--dump-dom", page.as_uri(), profile=tmp_path / "p1")
    probe = json.loads(re.search(r'<pre id="probe">(.*?)</pre>', dom).group(1))
    assert probe["tables"] == 3
    assert probe["t3rows"] == 25
    assert probe["cell"] == "1"
    assert probe["headings"] == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                 "六、其他需要报告的事项"]
    assert probe["width"] > 300  # laid out, not collapsed
    shot = tmp_path / "beilun.png"
    chromium("--window-size=900,2400", f"--screenshot={shot}", page.as_uri(), profile=tmp_path / "p2")
    assert shot.stat().st_size > 10000
    print(f"screenshot: {shot}")


def test_docs_home_page_in_chromium(tmp_path, built_site):
    site = built_site
    dom = chromium("--dump-dom", (site / "index.html").as_uri(), profile=tmp_path / "p3")
    assert "政府信息公开工作年度报告的开放数据标准" in dom
    assert "规则目录 Rules" in dom and "单元格对照 Cell map" in dom
    rules = (site / "rules" / "index.html").read_text(encoding="utf-8")
    assert "T3-BALANCE" in rules and "examples/invalid/AnnualReport-t3-balance.yaml" in rules
    shot = tmp_path / "docs.png"
    chromium("--window-size=1200,900", f"--screenshot={shot}", (site / "index.html").as_uri(), profile=tmp_path / "p4")
    assert shot.stat().st_size > 10000
    print(f"screenshot: {shot}")
