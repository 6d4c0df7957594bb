#!/usr/bin/env python3
"""Benchmark: OCR scored cell for cell on the province benchmark's own scans (Chromium-printed reports).

    .venv/bin/python benchmarks/province_scans.py [--reports 2] [--dpi 120 150 200] [--kind clean tilted]
                                                 [--keep DIR] [--seed 7]

``benchmarks/province.py`` publishes one report in ten as a scan: the synthetic report rendered by
``gaischema.render.render_html``, printed to PDF by headless Chromium, its pages rasterised at 120, 150 or
200 dpi, every other one tilted (up to 0.8°) with noise, JPEG pages (``province.scan_pdf``). Every synthetic
report is valid, so every value the extractor writes can be checked against the instance it was made from
(not against this code's output): here a few reports of the same generated province (``province.province``,
seeded), each printed once and scanned at each resolution, clean and tilted (the seed of the noise is the
scan's number: the same scans every run), each read by the real ``extract``.

Printed per scan and in total: cells read right, cells WRONG (a value written that is not the printed one:
the one figure that must stay 0), cells blank (the rest), rows not found (``missing`` notes), cells left blank
as unreliable (``low_confidence`` notes), and the CPU seconds a page (``time.process_time`` of this process:
the fair measure on a shared machine; the models' loading is paid by the first scan).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import province  # noqa: E402  (benchmarks/province.py: the province and its scans)


def reports(n: int, seed: int) -> list[tuple[str, dict]]:
    """n reports of the generated province, of different organs (every third report: a new organ)."""
    return province.province(3 * n, seed)[::3][:n]


def printed_pdfs(chosen: list[tuple[str, dict]], folder: Path) -> dict[str, bytes]:
    """Each report rendered and printed by Chromium (as the province benchmark prints them); kept in
    ``folder`` and printed again only when missing."""
    from gaischema.render import render_html
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    todo = [(name, render_html(inst)) for name, inst in chosen if not (folder / f"{name}.pdf").exists()]
    if todo:
        if not chromium:
            raise SystemExit("needs Chromium")
        province._print_pdfs(todo, folder, chromium)
    return {name: (folder / f"{name}.pdf").read_bytes() for name, _ in chosen}


def score(path: Path, truth: dict) -> dict:
    """One scan read by ``extract`` and compared with the instance it was made from."""
    import pypdfium2 as pdfium
    from gaischema.export import tidy_rows
    from gaischema.extract import extract
    doc = pdfium.PdfDocument(str(path))
    pages = len(doc)
    doc.close()
    t0 = time.process_time()
    result = extract(str(path))
    cpu = time.process_time() - t0
    want = {r["path"]: r["value"] for r in tidy_rows(truth)}
    got = {r["path"]: r["value"] for r in tidy_rows(result.instance)}
    right = sum(1 for p, v in want.items() if got.get(p) is not None and got[p] == v)
    wrong = {p: (got[p], want.get(p)) for p in got if got[p] is not None and got[p] != want.get(p)}
    kinds: dict[str, int] = {}
    for n in result.notes:
        kinds[n.kind] = kinds.get(n.kind, 0) + 1
    missing = [n.path for n in result.notes if n.kind == "missing"]
    return {"pages": pages, "cpu": cpu, "cells": len(want), "right": right, "wrong": wrong,
            "blank": len(want) - right - sum(1 for p in wrong if p in want), "missing": missing,
            "low": kinds.get("low_confidence", 0), "inferred": kinds.get("inferred", 0)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=2, help="reports of the province, each printed once")
    ap.add_argument("--dpi", type=int, nargs="+", default=[120, 150, 200])
    ap.add_argument("--kind", nargs="+", default=["clean", "tilted"], choices=["clean", "tilted"])
    ap.add_argument("--seed", type=int, default=7, help="the province's seed (province.province)")
    ap.add_argument("--keep", type=Path, help="keep the printed PDFs and the scans in this folder")
    ap.add_argument("--verbose", action="store_true", help="name the rows not found")
    args = ap.parse_args()
    from gaischema.extract.readers import ocr
    if not ocr.available():
        print("the ocr extra is not installed: pip install 'gaischema[ocr]'", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="gaischema-province-scans-"))
    folder.mkdir(parents=True, exist_ok=True)
    chosen = reports(args.reports, args.seed)
    try:
        printed = printed_pdfs(chosen, folder)
        print(f"{'scan':28} {'pages':>5} {'read':>5} {'WRONG':>5} {'blank':>5} {'rows?':>5} {'low':>4} "
              f"{'CPU s/page':>10}")
        total = {"pages": 0, "cpu": 0.0, "cells": 0, "right": 0, "wrong": 0, "blank": 0, "missing": 0, "low": 0}
        number = 0
        for name, inst in chosen:
            for dpi in args.dpi:
                for kind in args.kind:
                    number += 1
                    scan = folder / f"{name}-{dpi}-{kind}.pdf"
                    if not scan.exists():
                        scan.write_bytes(province.scan_pdf(printed[name], dpi, kind == "tilted", number))
                    s = score(scan, inst)
                    print(f"{scan.stem:28} {s['pages']:5d} {s['right']:5d} {len(s['wrong']):5d} {s['blank']:5d} "
                          f"{len(s['missing']):5d} {s['low']:4d} {s['cpu'] / s['pages']:10.2f}"
                          + (f"  WRONG {s['wrong']}" if s["wrong"] else "")
                          + (f"  not found {s['missing']}" if args.verbose and s["missing"] else ""), flush=True)
                    for k in ("pages", "cpu", "cells", "right", "blank", "low"):
                        total[k] += s[k]
                    total["wrong"] += len(s["wrong"])
                    total["missing"] += len(s["missing"])
        print(f"{'total':28} {total['pages']:5d} {total['right']:5d} {total['wrong']:5d} {total['blank']:5d} "
              f"{total['missing']:5d} {total['low']:4d} {total['cpu'] / max(1, total['pages']):10.2f}")
        print(f"{total['right']} of {total['cells']} cells read ({total['right'] / max(1, total['cells']):.1%}), "
              f"{total['wrong']} wrong, {total['missing']} rows not found; "
              f"{total['cpu']:.0f} s CPU for {total['pages']} pages")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
