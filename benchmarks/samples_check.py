#!/usr/bin/env python3
"""Figures of issue #23's checking half on the real samples: the organ read right (n/m), and the narrative
warnings (NARR-*) on samples whose text agrees with their tables (false alarms) and on those whose text does not
(the 上海 2019 report's known text/table mismatches: expected).

    .venv/bin/python benchmarks/samples_check.py [SAMPLES]     # default ../shared/samples

The organ each sample's report names comes from the samples' README (an independent source); a long and a short
form of one name (管理委员会 / 管委会) count as the same organ. The scanned PDF is skipped (it needs OCR).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# from the samples' README: the organ each report is by
ORGANS = {
    "000_56695964816e1b37.txt": "北仑区统计局",
    "pingtan-2023.txt": "平潭综合实验区管委会办公室",
    "pingtan-2023-word.pdf": "平潭综合实验区管委会办公室",
    "pingtan-2023-ocr.md": "平潭综合实验区管委会办公室",
    "shanghai-gov-office-2019.html": "上海市人民政府办公厅",
    "shanghai-gov-office-2019.pdf": "上海市人民政府办公厅",
    "shanghai-gov-office-2025.md": "上海市人民政府办公厅",
}
# the samples whose narrative contradicts their tables (expected.json's known_issues: TEXT/TABLE mismatch)
TEXT_DISAGREES = {"shanghai-gov-office-2019.html", "shanghai-gov-office-2019.pdf"}


def same(a: str | None, b: str) -> bool:
    return a is not None and a.replace("管理委员会", "管委会") == b.replace("管理委员会", "管委会")


def main() -> int:
    from gaischema import validate
    from gaischema.extract import extract

    samples = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "samples"
    right, false_alarms, expected = 0, Counter(), Counter()
    for name, organ in ORGANS.items():
        inst = extract(str(samples / name)).instance
        ok = same(inst.get("organ"), organ)
        right += ok
        narr = [f.rule for f in validate(inst) if f.rule.startswith("NARR")]
        (expected if name in TEXT_DISAGREES else false_alarms)[name] += len(narr)
        print(f"{name:34} organ {'ok ' if ok else 'NO '} {inst.get('organ')!s:28} NARR {len(narr)} {sorted(set(narr))}")
    print(f"organ right: {right}/{len(ORGANS)}")
    print(f"NARR warnings on samples whose text agrees (false alarms): {sum(false_alarms.values())}")
    print(f"NARR warnings on samples whose text contradicts the tables (expected): {sum(expected.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
