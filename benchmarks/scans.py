#!/usr/bin/env python3
"""Benchmark: how many cells OCR reads, and how fast, on scans made here from a real report.

    .venv/bin/python benchmarks/scans.py [--dpi 100 120 150] [--seed 1 2 3] [--samples DIR] [--keep DIR]

The scans are made the way an office makes them, with the tools an office's scanner software stands for:
the sample Word-made PDF (``pingtan-2023-word.pdf``, the official table layout) rasterised in grey by
poppler's ``pdftoppm`` at each resolution, then each page saved by ImageMagick's ``convert`` either as it
is (a JPEG, quality 75: "clean") or tilted (a different angle a page, up to 0.8°), with Gaussian noise, a
slight blur and heavier JPEG (quality 60: "poor"); the pages are put back together as an image-only PDF
(PIL, the JPEG data as it is). Each scan is read by the real ``extract``; its cells are compared with
``expected.json`` (the published figures, not this code's output): cells read, cells wrong, cells blank.
CPU seconds are this process's (``time.process_time``): the fair measure on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
SAMPLES = next((p for p in (ROOT.parent / "shared" / "samples", Path("/work/shared/samples")) if p.exists()),
               ROOT.parent / "shared" / "samples")
ANGLES = (0.6, -0.4, 0.8, -0.7)


def make_scans(source: Path, dpi: int, folder: Path, seed: int = 1) -> dict[str, Path]:
    """``clean`` and ``poor`` image-only PDFs of ``source`` at ``dpi`` (see the module docstring); ``seed``:
    ImageMagick's noise, so that a scan can be made again."""
    from PIL import Image
    stem = folder / f"p{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(source), str(stem)], check=True)
    pages = sorted(folder.glob(f"p{dpi}-*.pgm"))
    out = {}
    for kind in ("clean", "poor"):
        jpegs = []
        for n, page in enumerate(pages):
            jpeg = folder / f"{kind}-{dpi}-{n}.jpg"
            if kind == "clean":
                args = ["-quality", "75"]
            else:
                args = ["-seed", str(seed + n), "-background", "white", "-rotate", str(ANGLES[n % len(ANGLES)]), "+repage",
                        "-attenuate", "0.6", "+noise", "Gaussian", "-blur", "0x0.4", "-quality", "60"]
            subprocess.run(["convert", str(page), *args, str(jpeg)], check=True)
            jpegs.append(jpeg)
        images = [Image.open(j) for j in jpegs]
        pdf = folder / f"{kind}-{dpi}.pdf"
        images[0].save(pdf, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
        out[kind] = pdf
    return out


def score(path: Path, want: dict) -> tuple[int, dict, int, float, int]:
    """(cells read right, the cells wrong {path: (read, expected)}, cells blank, CPU seconds, pages) of one
    scan."""
    import pypdfium2 as pdfium
    from gaischema.extract import extract
    from test_extract import cells
    doc = pdfium.PdfDocument(str(path))
    pages = len(doc)
    doc.close()
    t0 = time.process_time()
    got = cells(extract(str(path)).instance)
    cpu = time.process_time() - t0
    right = sum(1 for p, v in want.items() if got.get(p) is not None and got[p] == v)
    wrong = {p: (got[p], v) for p, v in want.items() if got.get(p) is not None and got[p] != v}
    return right, wrong, len(want) - right - len(wrong), cpu, pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dpi", type=int, nargs="+", default=[100, 120, 150])
    ap.add_argument("--samples", type=Path, default=SAMPLES)
    ap.add_argument("--keep", type=Path, help="write the scans to this folder (and keep them)")
    ap.add_argument("--kind", nargs="+", default=["clean", "poor"])
    ap.add_argument("--seed", type=int, nargs="+", default=[1],
                    help="ImageMagick's noise seeds (the first page's): one poor scan each, a clean scan once")
    args = ap.parse_args()
    if not (shutil.which("pdftoppm") and shutil.which("convert")):
        print("needs poppler-utils (pdftoppm) and ImageMagick (convert)", file=sys.stderr)
        return 2
    from gaischema.extract import extract
    from test_extract import expected_cells
    expected = json.loads((args.samples / "expected.json").read_text("utf-8"))
    source = args.samples / "pingtan-2023-word.pdf"
    version = extract(str(source)).instance["format_version"]
    want = expected_cells(expected["pingtan-2023-word.pdf"], version)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="gaischema-scans-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        print(f"{'scan':16} {'pages':>5} {'read':>5} {'wrong':>5} {'blank':>5} {'CPU s':>7} {'CPU s/page':>10}")
        for dpi in args.dpi:
            for k, seed in enumerate(args.seed):
                sub = folder / f"seed{seed}"
                sub.mkdir(exist_ok=True)
                for kind, pdf in make_scans(source, dpi, sub, seed).items():
                    if kind not in args.kind or (kind == "clean" and k):  # a clean scan has no noise to seed
                        continue
                    right, wrong, blank, cpu, pages = score(pdf, want)
                    name = f"{kind}-{dpi}" + (f" s{seed}" if kind == "poor" else "")
                    print(f"{name:16} {pages:5d} {right:5d} {len(wrong):5d} {blank:5d} {cpu:7.1f} {cpu / pages:10.2f}"
                          + (f"  wrong: {wrong}" if wrong else ""), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
