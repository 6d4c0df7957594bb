#!/usr/bin/env python3
"""Readings guard for work on the extractor's speed (issue #27): every reading of a fixed corpus of inputs, saved
as canonical JSON and compared byte for byte, so that a change meant to make extraction faster is shown to read
every input exactly as before.

    .venv/bin/python benchmarks/readings_snapshot.py save SNAPSHOT [--src OTHER_CHECKOUT]
    .venv/bin/python benchmarks/readings_snapshot.py check SNAPSHOT [--src OTHER_CHECKOUT]

Save the snapshot from the untouched code (``--src`` takes another checkout's ``src``: a ``git worktree`` or
``git archive`` of the commit before), then check after every change: "0 differ" or the change is wrong; the
first differences are printed as diffs. Exit status 1 when any differs.

A reading is the whole result: the instance (extraction notes and cell_sources among it), the notes, the
source rows and whether it is complete; an input that is no report gives its rule and message. Corpus (about
1,100 inputs): the text, HTML, Markdown and PDF samples beside the checkout (../shared/samples; the scan is
left out: OCR is slow), pdftotext -layout and raw of the sample PDFs (when poppler is installed), every
bundled example laid out by tests/layout.py as text (one cell a line, spaces, run together, wrapped at 5, 9
and 13), fixed-width columns (wide, narrow, one value in eight blank), HTML, pipe Markdown and Word (plain
and merged), table 三's labels and values in separate blocks; the text samples with CRLF ends, a BOM and
tabs; 180 texts damaged at random (seeded) as the property tests damage them.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = sys.argv[1:]
SRC = Path(ARGS[ARGS.index("--src") + 1]) if "--src" in ARGS else ROOT
sys.path.insert(0, str(SRC / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the layout helper: always this checkout's

import layout
import yaml

from gaischema.extract import extract
from gaischema.loading import InputError
from gaischema.model import Model

SAMPLES = next((p for p in (ROOT.parent / "shared" / "samples", Path("/work/shared/samples")) if p.exists()),
               ROOT.parent / "shared" / "samples")


def fixed_width(inst, width=8, holes=None):
    """A fixed-width export: each row's label, then its values right-aligned in columns (a blank cell only
    white space), as pdftotext -layout prints a table; with ``holes`` (a Random), one value in eight blank."""
    out = []
    for kind, value in layout.rows(inst):
        if kind == "p":
            out.append(value)
        else:
            vals = [("" if holes and holes.random() < 0.125 else v) for v in value[1:]]
            out.append(value[0].ljust(30) + "".join(v.rjust(width) for v in vals))
    return "\n".join(out) + "\n"


def corpus():
    texts = {}
    for f in sorted(SAMPLES.iterdir()):
        if f.suffix == ".json" or f.name == "README.md" or "scan" in f.name:
            continue
        data = f.read_bytes()
        if f.suffix == ".txt":
            texts[f.name] = data
        yield "samples/" + f.name, f.name, data
    for name, data in _pdftotext():
        texts[name] = data
        yield "pdftotext/" + name, name, data
    for f in sorted(ROOT.glob("examples/**/*.yaml")):
        inst = yaml.safe_load(f.read_text("utf-8"))
        if not isinstance(inst, dict) or inst.get("format_version") not in ("v2019", "v2021"):
            continue
        stem = str(f.relative_to(ROOT))
        kinds = (("lines.txt", lambda i: layout.as_text(i, "\n").encode()),
                 ("spaces.txt", lambda i: layout.as_text(i, " ").encode()),
                 ("run.txt", lambda i: layout.as_text(i, "").encode()),
                 ("wrapped5.txt", lambda i: layout.as_wrapped_text(i, 5).encode()),
                 ("wrapped.txt", lambda i: layout.as_wrapped_text(i).encode()),
                 ("wrapped13.txt", lambda i: layout.as_wrapped_text(i, 13).encode()),
                 ("fixed.txt", lambda i: fixed_width(i).encode()),
                 ("fixed-narrow.txt", lambda i: fixed_width(i, 3).encode()),
                 ("fixed-holes.txt", lambda i: fixed_width(i, 8, random.Random(len(str(i)))).encode()),
                 ("html", lambda i: layout.as_html(i).encode()),
                 ("md", lambda i: layout.as_pipe_markdown(i).encode()),
                 ("docx", layout.as_docx),
                 ("merged.docx", layout.as_docx_merged))
        for kind, fn in kinds:
            try:
                data = fn(inst)
            except (KeyError, TypeError, AttributeError):  # an example the layout helper cannot lay out
                continue
            if kind == "spaces.txt":
                texts[stem + ".spaces"] = data
            yield f"{stem}.{kind}", f"x.{kind.rsplit('.', 1)[-1]}", data
    model = None
    for f in sorted(ROOT.glob("examples/**/*.yaml")):  # table 三's labels, then its value rows (test_extract)
        inst = yaml.safe_load(f.read_text("utf-8"))
        if not isinstance(inst, dict) or inst.get("format_version") not in ("v2019", "v2021"):
            continue
        model = model or Model.load()
        try:
            text = layout.as_separate_blocks(inst, model)
        except (KeyError, TypeError, AttributeError):
            continue
        if text is not None:
            yield f"blocks/{f.relative_to(ROOT)}", "blocks.txt", text.encode()
    for name, data in sorted(texts.items()):
        if name.startswith("examples/") and not name.startswith("examples/valid/"):
            continue
        yield f"variant/{name}.crlf", "x.txt", data.replace(b"\n", b"\r\n")
        yield f"variant/{name}.bom", "x.txt", b"\xef\xbb\xbf" + data
        yield f"variant/{name}.tabs", "x.txt", data.replace(b"  ", b"\t").replace(b" ", b"\t")
    rng = random.Random(27)
    alphabet = "0123456789 \n—/无一二三（）.、总计其他规章"
    bases = [(n, texts[n].decode("utf-8")) for n in ("000_56695964816e1b37.txt", "pingtan-2023.txt",
                                                    "examples/valid/AnnualReport-beilun-2023.yaml.spaces")]
    for i in range(180):
        name, text = bases[i % len(bases)]
        for _ in range(rng.randint(1, 6)):
            pos, cut = rng.randint(0, len(text)), rng.randint(0, 40)
            insert = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            text = text[:pos] + insert + text[pos + cut:]
        yield f"damaged/{i:03d}-{name}", "damaged.txt", text.encode("utf-8")


def _pdftotext():
    """pdftotext -layout and raw of the sample PDFs (none where poppler is not installed)."""
    if not shutil.which("pdftotext"):
        return
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in sorted(SAMPLES.glob("*.pdf")):
            if "scan" in pdf.name:
                continue
            for kind, flags in (("layout", ["-layout"]), ("raw", [])):
                out = Path(tmp) / f"{pdf.stem}-{kind}.txt"
                subprocess.run(["pdftotext", *flags, str(pdf), str(out)], check=True, capture_output=True)
                yield out.name, out.read_bytes()


def reading(name, data):
    try:
        r = extract(name, data)
    except InputError as e:
        return {"error": [e.rule, e.message]}
    except Exception as e:  # noqa: BLE001
        return {"exception": repr(e)}
    return {"instance": r.instance, "notes": [n.as_dict() for n in r.notes],
            "rows": {k: list(v) for k, v in r.rows.items()}, "complete": r.complete}


def canonical(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)


def main():
    if len(ARGS) < 2 or ARGS[0] not in ("save", "check"):
        print(__doc__)
        return 2
    mode, path = ARGS[0], Path(ARGS[1])
    cur = {key: canonical(reading(name, data)) for key, name, data in corpus()}
    digest = hashlib.sha256("\n".join(f"{k}\t{v}" for k, v in sorted(cur.items())).encode()).hexdigest()[:16]
    errors = sum(v.startswith(('{"error"', '{"exception"')) for v in cur.values())
    if mode == "save":
        path.write_text(json.dumps(cur, ensure_ascii=False, indent=0, sort_keys=True))
        print(f"{len(cur)} inputs saved ({errors} errors/exceptions), digest {digest}")
        return 0
    old = json.loads(path.read_text())
    bad = sorted(k for k in old.keys() | cur.keys() if old.get(k) != cur.get(k))
    print(f"{len(cur)} inputs compared; {len(bad)} differ; digest {digest}")
    for k in bad[:6]:
        print(" DIFF", k)
        a = json.dumps(json.loads(old[k]) if k in old else None, ensure_ascii=False, indent=1, sort_keys=True)
        b = json.dumps(json.loads(cur[k]) if k in cur else None, ensure_ascii=False, indent=1, sort_keys=True)
        print("\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm=""))[:30]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
