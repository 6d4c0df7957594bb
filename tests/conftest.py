from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SAMPLES = Path(os.environ.get("GAISCHEMA_SAMPLES") or ROOT.parent / "shared" / "samples")  # a worktree elsewhere names them
FIXTURES = ROOT / "tests" / "fixtures"

# only a test that reads ../shared/samples is skipped in a checkout without it
needs_samples = pytest.mark.skipif(not (SAMPLES / "expected.json").exists(),
                                   reason="reads ../shared/samples, which is not beside this checkout")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(page: Path, pdf: Path, profile: Path) -> Path:
    """An HTML file printed to PDF by headless Chromium, as a browser prints a published report."""
    assert CHROMIUM, "Chromium is needed here: apt-get install chromium"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120)
    assert pdf.exists(), f"Chromium printed no PDF of {page}"
    return pdf


def examples(kind: str) -> list[Path]:
    return sorted((EXAMPLES / kind).glob("AnnualReport-*.yaml"))


def intended_rule(path: Path, required: bool = True) -> str | None:
    """The rule a counter-example is made to break, from its first comment line: '# Breaks RULE-ID ...'."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = re.match(r"# Breaks ([A-Z0-9-]+)", first)
    assert m or not required, f"{path.name}: first line must say which rule it breaks"
    return m.group(1) if m else None


def load(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def gaischema(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real command line in a fresh process."""
    return subprocess.run([sys.executable, "-m", "gaischema.cli", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=120)


def gaischema_json(*args: str, **kw) -> tuple[int, list]:
    proc = gaischema(*args, "--format", "json", **kw)
    assert proc.stdout, (proc.returncode, proc.stderr.decode(errors="replace")[-3000:], args)
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture(scope="session")
def beilun() -> dict:
    return load(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")
