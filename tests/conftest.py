from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

try:
    import fcntl  # shared_once's lock
except ImportError:  # Windows
    fcntl = None

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SAMPLES = Path(os.environ.get("GAISCHEMA_SAMPLES") or ROOT.parent / "shared" / "samples")  # a worktree elsewhere names them
FIXTURES = ROOT / "tests" / "fixtures"

# only a test that reads ../shared/samples is skipped in a checkout without it
SAMPLES_ABSENT = "reads ../shared/samples, which is not beside this checkout"
needs_samples = pytest.mark.skipif(not (SAMPLES / "expected.json").exists(), reason=SAMPLES_ABSENT)
# Under CI (.ci/run installs every tool and extra a test needs) a skip is a failure: a missing tool must not
# turn a test green. Only what CI cannot have is let through: the shared samples in a clone without them,
# an accelerator, a network beyond the package registries.
CI_MAY_SKIP = (SAMPLES_ABSENT, "needs a GPU", "needs the network")


def _no_skip_under_ci(report) -> None:
    if report.skipped and os.environ.get("CI") and not hasattr(report, "wasxfail"):
        reason = str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)
        if not any(allowed in reason for allowed in CI_MAY_SKIP):
            report.outcome = "failed"
            report.longrepr = f"under CI nothing may be skipped (.ci/run installs what tests need): {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    _no_skip_under_ci((yield).get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):  # a whole module skipped (pytest.importorskip at its top)
    _no_skip_under_ci((yield).get_result())


# The test files that take longest, longest first (per-file seconds of the fresh-suite run of 2026-12-07 on 2 busy
# cores: test_report 238, test_hostile 189, test_npm 159, ...): they start first, so the run does not end on one
# of them while the other worker, its queue empty, waits. pytest-xdist's --dist loadfile (dev.py test) would
# otherwise order the files by how many tests they have, which put these few-test, slow files last. Every other
# file follows in collection order; the tests of a file keep their order. A stale list only costs time.
SLOW_FIRST = ("test_report.py", "test_hostile.py", "test_npm.py", "test_hostile_round4.py", "test_ocr.py",
              "test_official.py", "test_linkml_validate.py", "test_properties.py", "test_cli.py", "test_evidence.py",
              "test_hostile_round5.py", "test_extract.py", "test_ocr_province.py", "test_organs.py",
              "test_generated.py", "test_conformance.py", "test_mutations.py", "test_corpus.py",
              "test_extract_identities.py", "test_read_unreliable.py", "test_report_hostile.py", "test_render.py",
              "test_validator_page.py")


def pytest_configure(config):
    if hasattr(config.option, "loadscopereorder"):  # pytest-xdist >= 3.7: keep the order made below
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a file's tests stay together


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(page: Path, pdf: Path, profile: Path) -> Path:
    """An HTML file printed to PDF by headless Chromium, as a browser prints a published report."""
    assert CHROMIUM, "Chromium is needed here: apt-get install chromium"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120)
    assert pdf.exists(), f"Chromium printed no PDF of {page}"
    return pdf


def print_pdf_once(tmp_path_factory, page: Path, pdf: Path) -> Path:
    """print_pdf of a standalone page (one that reads no file beside it: render_html's), made once a test run for
    the same page bytes and copied to ``pdf``: the test files of the readers (tables, text, OCR, evidence boxes)
    print the same rendered examples, a Chromium start of seconds each."""
    key = hashlib.sha256(page.read_bytes()).hexdigest()[:16]

    def make(folder: Path) -> None:
        shutil.copy(page, folder / "page.html")
        print_pdf(folder / "page.html", folder / "page.pdf", folder / "profile")

    shutil.copy(shared_once(tmp_path_factory, f"printed-{key}", make) / "page.pdf", pdf)
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


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str):
    """A file system of ``size`` bytes (mount's spelling: ``64k``) mounted on ``folder`` (made here), unmounted
    after: a disk that fills up. The test is skipped where it cannot be mounted (not root, no tmpfs)."""
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True,
                      check=False).returncode:
        pytest.skip("cannot mount a small tmpfs here (not root, or no tmpfs)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.fixture(scope="session")
def beilun() -> dict:
    return load(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")


# ------------------------------------------------------------------ the validator page, built once a session
def _run(cmd, cwd, timeout=600):
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, f"{cmd[:3]}: {proc.stdout[-1500:]} {proc.stderr[-2500:]}"
    return proc


def js_package(tmp: Path, npm_ci: tuple[str, ...] = (), build: tuple[str, ...] = (), extra: tuple[str, ...] = ()) -> Path:
    """The npm package's source as it is in the tree, copied into ``tmp/js`` beside links to the repository's
    generated/ and licences (what its build reads; the checkout is not written to), ``npm ci`` (with ``npm_ci``'s
    options), then its build (``scripts/build.mjs`` with ``build``'s): the package's folder."""
    pkg = tmp / "js"
    pkg.mkdir()
    for name in ("src", "scripts", *extra):
        shutil.copytree(ROOT / "js" / name, pkg / name)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / "js" / name, pkg / name)
    for name in ("generated", "LICENSE", "LICENSES"):
        os.symlink(ROOT / name, tmp / name)
    _run([shutil.which("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error", *npm_ci], pkg)
    _run([shutil.which("node"), "scripts/build.mjs", *build], pkg)
    return pkg


def shared_once(tmp_path_factory, name: str, make) -> Path:
    """A folder made once a test run by ``make(folder)`` and then only read: the workers of ``pytest -n`` (each a
    session of its own) share it through the run's common temporary folder, the first to ask making it under a
    lock while the others wait (an npm install or a site build costs 10-20 s, and two made side by side on two
    cores cost both). Without the lock (no fcntl: Windows) each session makes its own."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") and fcntl else base
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        if fcntl:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():  # a worker whose make failed leaves no mark: the next one tries again
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def js_tree(tmp_path_factory) -> Path:
    """The npm package's source as it is in the tree, its dependencies installed (dev ones too: exceljs, esbuild)
    and built with the validator page's bundle (``tmp/docs/validator``): once a test run, for every test that runs
    the package's source rather than its packed tarball (tests/test_npm.py) or its runtime dependencies alone
    (tests/test_second_implementation.py). Tests only read it."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("needs Node.js and npm (.ci/run installs them)")
    return shared_once(tmp_path_factory, "js-tree",
                       lambda tmp: js_package(tmp, build=("--page",), extra=("page",))) / "js"


@pytest.fixture(scope="session")
def js(js_tree):
    """The package's command line (``src/cli.mjs``) run in ``js_tree``: ``js(*args)`` or ``js(command,
    shell=True)``; ``js.pkg`` the package's folder, ``js.node`` the node binary."""
    node = shutil.which("node")

    def run(*args, shell=False, timeout=60):
        cmd = args[0] if shell else [node, "src/cli.mjs", *args]
        return subprocess.run(cmd, cwd=js_tree, capture_output=True, timeout=timeout, shell=shell, check=False)

    run.pkg, run.node = js_tree, node
    return run


def _site(tmp: Path, js_tree: Path) -> None:
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=shutil.ignore_patterns("gaischema-validator.js*"))
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    for bundle in (js_tree.parent / "docs" / "validator").glob("gaischema-validator.js*"):  # js_tree's page bundle
        shutil.copy(bundle, tmp / "docs" / "validator" / bundle.name)
    assert (tmp / "docs" / "validator" / "gaischema-validator.js").stat().st_size > 100_000
    _run([Path(sys.executable).parent / "mkdocs", "build", "--strict", "-f", tmp / "mkdocs.yml", "-d", tmp / "site"], tmp)


@pytest.fixture(scope="session")
def site(tmp_path_factory, js_tree) -> Path:
    """The docs site with the validator page (js_tree's bundle), built in a copy of the tree (the checkout is not
    written to); once a test run, for every test that uses the page or the site (test_validator_page,
    test_official, test_site, test_browser)."""
    return shared_once(tmp_path_factory, "validator", lambda tmp: _site(tmp, js_tree)) / "site"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright  # the test extra; a browser of its own is never downloaded

    assert CHROMIUM, "Chromium is needed here: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()
@pytest.fixture(scope="session")
def built_site(site) -> Path:
    """The documentation site, built once a test session (``mkdocs build --strict``, as the README says): the
    same build the validator page's tests use."""
    return site


def mini_suite(folder: Path, ids: list[str]) -> Path:
    """A copy of the conformance suite with some of its cases (its index.json filtered): a runner's test runs a
    few cases, not all (an implementation's command costs a process a case)."""
    source = ROOT / "generated" / "conformance"
    index = json.loads((source / "index.json").read_text(encoding="utf-8"))
    index["cases"] = [c for c in index["cases"] if c["id"] in ids]
    assert len(index["cases"]) == len(ids), ids
    for c in index["cases"]:
        (folder / c["file"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / c["file"], folder / c["file"])
    (folder / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return folder
