#!/usr/bin/env python3
"""Developer entry point; needs only Python 3 (3.10 or newer).

    python3 dev.py quickstart   set up .venv (gaischema + test tools) and validate the bundled examples
    python3 dev.py test         set up .venv if needed, then run the whole test suite (what CI runs)
    python3 dev.py generate     regenerate generated/ from schema/gaischema.yaml
    python3 dev.py js           the npm package (js/): its workbook layout map, its dependencies, and the
                                validator page of the docs site (docs/validator/gaischema-validator.js)
    python3 dev.py setup        only set up .venv
    python3 dev.py release      build sdist and wheel into dist/, check them (twine), install the wheel in a
                                clean venv and run the conformance suite there

Extra arguments after ``test`` go to pytest (e.g. ``python3 dev.py test -k cli``); without them the suite runs
on every core (pytest-xdist, a test file a worker).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".gaischema-setup"


def run(*cmd, **kw) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=kw.pop("cwd", ROOT), **kw)


def release() -> int:
    """sdist and wheel into dist/, `twine check`, then the wheel installed in a clean venv (not the checkout)
    runs the conformance suite and validates the bundled examples from another folder."""
    import shutil
    import tempfile

    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    steps = [[PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "build", "twine"],
             [PY, "-m", "build", "--sdist", "--wheel", "--outdir", dist]]
    for step in steps:
        if run(*step):
            return 1
    files = sorted(dist.iterdir())
    if run(PY, "-m", "twine", "check", "--strict", *files):
        return 1
    wheel = next(f for f in files if f.suffix == ".whl")
    with tempfile.TemporaryDirectory(prefix="gaischema-release-") as tmp:
        env_dir = Path(tmp) / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        py = env_dir / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")
        if run(py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel):
            return 1
        checks = [[py, "-m", "gaischema.conformance"],
                  [py, "-m", "gaischema.cli", "validate", "--quiet", ROOT / "examples" / "valid"]]
        for check in checks:
            print("+", " ".join(map(str, check)), flush=True)
            if subprocess.call([str(c) for c in check], cwd=tmp):
                return 1
    print(f"release files: {', '.join(f.name for f in files)}")
    return 0


def setup() -> None:
    """Create .venv and install gaischema (editable) with its test extra; skipped when up to date."""
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text() == want:
        return
    if sys.version_info < (3, 10):
        sys.exit(f"gaischema needs Python 3.10 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"+ creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".[test]") != 0:
        sys.exit("setup failed: pip could not install gaischema (see above)")
    STAMP.write_text(want)


def main(argv: list[str]) -> int:
    cmd, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if cmd == "setup":
        setup()
        return 0
    if cmd == "quickstart":
        setup()
        gs = BIN / "gaischema"
        code = run(gs, "validate", "examples/valid/AnnualReport-beilun-2023.yaml")
        print("\n# a counter-example, to show what a finding looks like (exit code 1 is expected):", flush=True)
        run(gs, "validate", "examples/invalid/AnnualReport-t3-row-total.yaml")
        # the counter-examples are variants of one report (one organ, one year): each is checked on its own,
        # not as copies of one another (--no-cross), or every variant would disagree with the others
        print("\n# every bundled example, each on its own:", flush=True)
        run(gs, "validate", "--quiet", "--no-cross", "examples/valid", "examples/warning")
        return code
    if cmd == "test":
        setup()
        # the whole suite on every core, one test file to a worker (its module fixtures built once); a run of
        # chosen tests (extra arguments) in this process
        spread = [] if rest else ["-n", "auto", "--dist", "loadfile"]
        return run(PY, "-m", "pytest", *spread, *rest)
    if cmd == "generate":
        setup()
        return run(PY, "-m", "gaischema.build", *rest)
    if cmd == "js":
        setup()
        js = ROOT / "js"
        return (run(PY, js / "scripts" / "workbook_map.py") or run("npm", "ci", "--no-audit", "--no-fund", cwd=js)
                or run("node", "scripts/build.mjs", "--page", cwd=js))
    if cmd == "release":
        setup()
        return release()
    print(__doc__)
    return 0 if cmd in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
