#!/usr/bin/env python3
"""Benchmark: what the findings' evidence costs ``gaischema report`` (issue #29).

    .venv/bin/python benchmarks/evidence.py                       # Chromium prints of the invalid examples
    .venv/bin/python benchmarks/evidence.py --samples             # and the PDFs of ../shared/samples

Each PDF goes the whole way of one ``report`` worker task (:func:`gaischema.report.collection.file_records`:
read, extract, validate, evidence, render), once with the evidence (each finding's printed row cut from its page,
rendered by PDFium, as PNG) and once without it (the evidence step replaced by one that finds nothing),
``--repeat`` times each, alternating; the median CPU time of each (the process's: on a shared machine wall time
moves with the others' load), the pictures made and their bytes.
The PDFs with findings on cells are the ones that pay: a valid report makes no picture. The province benchmark
(``benchmarks/province.py``) prints valid reports, so it shows no cost; this one prints reports that break rules.
"""

from __future__ import annotations

import argparse
import base64
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import yaml  # noqa: E402

from gaischema.render import render_html  # noqa: E402
from gaischema.report import collection  # noqa: E402


def printed(folder: Path) -> list[Path]:
    """The invalid examples, rendered in the official layout and printed to PDF by headless Chromium."""
    from conftest import print_pdf

    out = []
    for example in sorted((ROOT / "examples" / "invalid").glob("AnnualReport-t3-*.yaml"))[:6]:
        inst = yaml.safe_load(example.read_text(encoding="utf-8"))
        page = folder / (example.stem + ".html")
        try:
            page.write_text(render_html(inst), encoding="utf-8")
        except ValueError:
            continue
        out.append(print_pdf(page, folder / (example.stem + ".pdf"), folder / "profile"))
    return out


def run(path: Path, evidence: bool) -> tuple[float, int, int]:
    saved = collection._evidence
    if not evidence:
        collection._evidence = lambda *args: {}
    try:
        t = time.process_time()  # CPU: the fairer figure on a shared machine (wall time moves with the load)
        result = collection.file_records({"path": str(path), "name": path.name})
        wall = time.process_time() - t
    finally:
        collection._evidence = saved
    pictures = [ev for r in result["reports"] for ev in (r.get("evidence") or {}).values() if "png" in ev]
    distinct = {ev["file"]: ev["png"] for ev in pictures}
    return wall, len(distinct), sum(len(base64.b64decode(p)) for p in distinct.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", action="store_true", help="also the PDFs of ../shared/samples")
    ap.add_argument("--samples-dir", type=Path, default=ROOT.parent / "shared" / "samples")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gaischema-evidence-"))
    try:
        pdfs = printed(folder) if shutil.which("chromium") else []
        if args.samples:  # those with a text layer (a scan's OCR would measure OCR, not the pictures)
            from gaischema.extract.readers.pdf import pdf_pages

            pdfs += [p for p in sorted(args.samples_dir.glob("*.pdf")) if any(pg.chars for pg in pdf_pages(p.read_bytes()))]
        run(pdfs[0], True)  # warm: the model, the engine, PDFium
        total = {True: 0.0, False: 0.0}
        print(f"{'file':44} {'without':>9} {'with':>8} {'+%':>6} {'pictures':>8} {'KB':>6}")
        for pdf in pdfs:
            times = {True: [], False: []}
            for _ in range(args.repeat):
                for on in (False, True):
                    wall, n, size = run(pdf, on)
                    times[on].append(wall)
            med = {on: statistics.median(v) for on, v in times.items()}
            total[True] += med[True]
            total[False] += med[False]
            print(f"{pdf.name[:44]:44} {med[False]:9.3f} {med[True]:8.3f} {100 * (med[True] / med[False] - 1):6.1f} "
                  f"{n:8d} {size / 1024:6.1f}")
        print(f"{'all':44} {total[False]:9.3f} {total[True]:8.3f} {100 * (total[True] / total[False] - 1):6.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
