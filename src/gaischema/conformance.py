"""The conformance suite, run against this installation: ``python -m gaischema.conformance``.

The suite (``generated/conformance/``, made by ``gaischema.build`` from the bundled examples) is what another
implementation of the standard must reproduce; this module runs gaischema's own validator over it, so a built
wheel can be checked where it is installed (``python3 dev.py release`` does) and the tests share one comparison.
What must match is fixed in the suite's README: report, rule, severity and path of every finding, and for all but
the SCHEMA-* rules also reported, expected, quote and other.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from gaischema.corpus import cross_check
from gaischema.resources import generated_dir
from gaischema.validate import validate

__all__ = ["FIELDS", "case_paths", "compare", "key", "run_case"]

VALUES = ("reported", "expected", "quote", "other")
FIELDS = ("report", "rule", "severity", "path", *VALUES)  # what a case's finding holds


def case_paths() -> list[Path]:
    return sorted((generated_dir() / "conformance" / "cases").glob("*.json"))


def key(finding: dict) -> tuple:
    """What of a finding must match."""
    base = (finding["report"], finding["rule"], finding["severity"], finding["path"])
    if finding["rule"].startswith("SCHEMA-"):
        return base
    return base + tuple(json.dumps(finding.get(k), ensure_ascii=False) for k in VALUES)


def run_case(case: dict) -> list[dict]:
    """gaischema's findings for a case's reports, in the suite's form."""
    reports = case["reports"]
    found = [{"report": i, **f.as_dict()} for i, r in enumerate(reports) for f in validate(r)]
    if len(reports) > 1:
        found += [{"report": i, **f.as_dict(), "other": j} for i, f, j in cross_check(reports)]
    return found


def compare(found: list[dict], case: dict) -> bool:
    return Counter(map(key, found)) == Counter(map(key, case["findings"]))


def main() -> int:
    paths = case_paths()
    wrong = [p.stem for p in paths if not compare(run_case(c := json.loads(p.read_text(encoding="utf-8"))), c)]
    print(f"conformance: {len(paths) - len(wrong)} of {len(paths)} cases pass" + (f"; failing: {wrong}" if wrong else ""))
    return 1 if wrong or not paths else 0


if __name__ == "__main__":
    sys.exit(main())
