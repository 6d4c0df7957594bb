#!/usr/bin/env python3
"""Benchmark: a province's published reports through the one command, ``gaischema report DIR -o page.html``.

    .venv/bin/python benchmarks/province.py                      # 300 reports (quick)
    .venv/bin/python benchmarks/province.py --n 1000 --n 10000   # the figures of issue #17
    .venv/bin/python benchmarks/province.py --samples            # the real samples in ../shared/samples

A generated province (``gaischema.synthetic.make_series``): a city, its departments, its districts with their
departments, and towns whose narratives copy one template (as 乡镇 reports of one county often do: the page's
near-duplicate clusters), three consecutive years each. Every report is published in one of the kinds an
evaluator meets: an HTML page (``gaischema.render.render_html``), a Word file (a minimal .docx of the rendered
official layout, merged labels repeated), a text copy (the layout's cells one row a line, tab-separated), a
row of a crawler's CSV dump (title, content as HTML, date, url; 100 rows a file), a PDF, and a few instances
(YAML), and one in ten a scan: an image-only PDF of the printed report, its pages rasterised at 120, 150
or 200 dpi, some tilted (up to 0.8°) with scanner noise, as JPEG (read by OCR, the ``ocr`` extra). PDFs are
slow to make: a handful (at most 12, and 4 for the scans) are printed by headless Chromium and copied under the
other PDF reports' names, so those copies carry the printed report's organ and year (the page shows them as
repeats of it); each scan is rasterised afresh (its resolution, tilt and noise its own), so no two scans are
the same file; without Chromium there are no PDFs and no scans.

``--dask``: the same province again on a Dask ``LocalCluster`` of 2 worker processes (one thread each),
through ``gaischema report --scheduler``; the workers' CPU is asked of each worker: its own process's and its
subprocesses' (the limited ones that read the files, ended or still running).

Measured for each size, each a fresh ``gaischema report`` process: the wall time, the CPU time of the whole
process tree (``resource.getrusage(RUSAGE_CHILDREN)`` of a measuring process, user + system), the reports per
second per core (reports / CPU seconds), the peak memory (the largest process of the tree, ``ru_maxrss`` of
RUSAGE_CHILDREN of the small measuring process: not its own, which a fork from this process, holding the whole
generated province, would inflate before its exec), and the same for a rerun on the unchanged folder (every
file from the cache). Say the machine's load with the figures: CPU time is the fairer one on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the layouts the tests publish reports in

import yaml  # noqa: E402

from gaischema import synthetic  # noqa: E402
from gaischema.model import Model, get  # noqa: E402
from gaischema.render import grid, layout, render_html  # noqa: E402
import layout as published  # noqa: E402  (tests/layout.py: the .docx package the tests write)

KINDS = ["html"] * 27 + ["docx"] * 18 + ["text"] * 22 + ["csv"] * 14 + ["pdf"] * 5 + ["yaml"] * 4 + ["scan"] * 10
YEARS = [2022, 2023, 2024]
DEPARTMENTS = ["教育局", "财政局", "统计局", "市场监督管理局", "自然资源局", "卫生健康委员会", "交通运输局", "民政局"]
TEMPLATE = ("本镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，"
            "持续推进政务公开标准化规范化建设，不断完善政府信息公开指南和目录，严格落实保密审查和发布审核制度，"
            "做好政策解读和回应社会关切，规范依申请公开答复，推进基层政务公开，加强政务新媒体管理，"
            "全年共主动公开政府信息{n}条。镇政务公开工作领导小组定期研究部署政务公开工作，明确分管领导和工作人员，"
            "将政务公开工作纳入年度绩效考核，组织开展政务公开业务培训，提升工作人员业务能力，"
            "通过镇政府门户网站、政务新媒体、政务公开专区和村务公开栏等渠道，及时准确公开群众关注的信息。")
PROBLEMS = ("一是政务公开工作人员业务能力有待提高，二是政策解读形式还不够丰富，三是基层政务公开标准化规范化水平有待提升。"
            "下一步，本镇将加强业务培训，丰富政策解读形式，推进基层政务公开标准化规范化建设，"
            "及时回应群众关切，不断提高政务公开工作水平，更好地服务人民群众。加强政府网站和政务新媒体管理，"
            "规范依申请公开办理流程，严格落实保密审查制度，确保政府信息公开工作依法依规开展。"
            "同时，进一步完善政府信息公开指南和目录，做好村务公开和党务公开的衔接，推动政务公开向基层延伸。")
MEASURE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t
c = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": proc.returncode, "wall": wall, "cpu": c.ru_utime + c.ru_stime,
                  "peak_kib": c.ru_maxrss, "stderr": proc.stderr[-3000:]}))
"""


A = "临青云东西南北金银玉龙凤白石清长安平华新"
B = "江山溪湖河川原林泉峰桥港城岭阳州浦塘田岗"


def _places():
    """Place names as real ones read (two or three characters, no digits: an organ name is a name)."""
    for a in A:
        for b in B:
            yield a + b
    for a in A:
        for b in B:
            for c in B:
                yield a + c + b


def province(n: int, seed: int = 7) -> list[tuple[str, dict]]:
    """n reports of a province: (a file name, instance), three years an organ."""
    rng = random.Random(seed)
    names = _places()
    organs: list[tuple[str, str]] = [("浙南省人民政府", "people_government")]
    organs += [(f"浙南省{d}", "government_department") for d in DEPARTMENTS]
    while len(organs) * 3 < n:
        city = next(names) + "市"
        organs.append((f"{city}人民政府", "people_government"))
        organs += [(f"{city}{d}", "government_department") for d in DEPARTMENTS]
        for _ in range(5):
            district = city + next(names) + "区"
            organs.append((f"{district}人民政府", "people_government"))
            organs += [(f"{district}{d}", "government_department") for d in DEPARTMENTS[:4]]
            organs += [(f"{district}{next(names)}镇人民政府", "people_government") for _ in range(8)]
    out = []
    for i, (organ, kind) in enumerate(organs):
        for inst in synthetic.make_series(rng, organ, kind, f"{330000 + i:06d}", YEARS, 400):
            if organ.endswith("镇人民政府"):  # towns copy the county's template
                inst["overview"] = TEMPLATE.format(n=rng.randint(10, 999))
                inst["problems_and_improvements"] = PROBLEMS
            out.append((f"{i:05d}-{inst['report_year']}", inst))
            if len(out) == n:
                return out
    return out


def _cells_text(inst: dict, version: str, table: str) -> list[list[str]]:
    """A table of the official layout as rows of cell texts (merged labels repeated, merged values once)."""
    rows = []
    for line in grid(layout(version, table)):
        rows.append([(c.text if c.path is None else _fmt(get(inst, c.path)) if first else "") for c, first in line])
    return rows


def _fmt(v) -> str:
    if v is None:
        return ""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _blocks(inst: dict) -> list[tuple[str, object]]:
    """The report in reading order: ('p', text) and ('table', rows)."""
    model = Model.load()
    version = inst["format_version"]
    slots = {s["name"]: s for s in model.root_slots}
    out: list[tuple[str, object]] = [("p", f"{inst['organ']}{inst['report_year']}年政府信息公开工作年度报告"),
                                     ("p", slots["overview"]["title"]), *(("p", x) for x in inst["overview"].split("\n"))]
    for table, slot in model.table_slots(version).items():
        out += [("p", slot["title"]), ("table", _cells_text(inst, version, table))]
    for name in ("problems_and_improvements", "other_matters"):
        out.append(("p", slots[name]["title"]))
        out += [("p", x) for x in (inst.get(name) or "").split("\n") if x]
    out += [("p", inst["organ"]), ("p", inst["publication_date"])]
    return out


def as_text(inst: dict) -> str:
    lines = []
    for kind, value in _blocks(inst):
        lines += [value] if kind == "p" else ["\t".join(r) for r in value]
    return "\n".join(lines) + "\n"


def as_docx(inst: dict) -> bytes:
    def para(text):
        return f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>"

    body = []
    for kind, value in _blocks(inst):
        if kind == "p":
            body.append(para(value))
        else:
            body.append("<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>"
                                            for row in value) + "</w:tbl>")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{"".join(body)}</w:body></w:document>'
    return published.docx_package(document)


def publish(reports: list[tuple[str, dict]], folder: Path) -> dict[str, int]:
    """Write every report in its kind into ``folder``; the count of each kind."""
    folder.mkdir(parents=True)
    rng = random.Random(3)
    counts: dict[str, int] = {}
    dump: list[dict] = []
    pdfs: list[tuple[str, str]] = []  # (name, html)
    scans: list[tuple[str, str]] = []
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    for name, inst in reports:
        kind = rng.choice(KINDS)
        if kind in ("pdf", "scan") and not chromium:
            kind = "html"
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "html":
            (folder / f"{name}.html").write_text(render_html(inst), encoding="utf-8")
        elif kind == "docx":
            (folder / f"{name}.docx").write_bytes(as_docx(inst))
        elif kind == "text":
            (folder / f"{name}.txt").write_text(as_text(inst), encoding="utf-8")
        elif kind == "yaml":
            (folder / f"{name}.yaml").write_text(yaml.safe_dump(inst, allow_unicode=True, sort_keys=False), encoding="utf-8")
        elif kind == "csv":
            page = render_html(inst)
            dump.append({"标题": f"{inst['organ']}{inst['report_year']}年政府信息公开工作年度报告",
                         "内容": page[page.index("<body>") + 6:page.index("</body>")],
                         "发布时间": inst["publication_date"], "链接": f"https://gov.example.cn/{name}.htm"})
            if len(dump) == 100:
                _write_dump(folder, dump)
        elif kind == "scan":
            scans.append((name, render_html(inst)))
        else:
            pdfs.append((name, render_html(inst)))
    if dump:
        _write_dump(folder, dump)
    if pdfs:
        _print_pdfs(pdfs, folder, chromium)
    if scans:
        _scan_pdfs(scans, folder, chromium)
    return counts


def _scan_pdfs(scans: list[tuple[str, str]], folder: Path, chromium: str) -> None:
    """Scans: at most 4 reports printed by Chromium, each scan one of them rasterised at 120, 150 or 200 dpi,
    every other one tilted with noise, JPEG pages of an image-only PDF."""
    printed: list[bytes] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, page in scans[:4]:
            src, target = Path(tmp) / f"{name}.html", Path(tmp) / f"{name}.pdf"
            src.write_text(page, encoding="utf-8")
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}/p",
                            "--no-pdf-header-footer", f"--print-to-pdf={target}", src.as_uri()],
                           capture_output=True, timeout=120)
            if target.exists():
                printed.append(target.read_bytes())
    if not printed:
        return
    for i, (name, _) in enumerate(scans):
        dpi = (120, 150, 200)[i % 3]
        (folder / f"{name}.pdf").write_bytes(scan_pdf(printed[i % len(printed)], dpi, bool(i % 2), i))


def scan_pdf(printed: bytes, dpi: int, tilted: bool, seed: int) -> bytes:
    """A printed PDF as a scan: its pages rasterised in grey at ``dpi`` (pypdfium2), ``tilted``: turned by
    up to 0.8° with grey paper and noise (numpy's generator seeded with ``seed``), JPEG pages (quality 75) of
    an image-only PDF (PIL). benchmarks/province_scans.py scores OCR on these same scans."""
    import cv2
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image
    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(printed)
    images = []
    for n in range(len(doc)):
        grey = np.array(doc[n].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
        if tilted:
            h, w = grey.shape
            m = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-0.8, 0.8)), 1.0)
            grey = cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255).astype(np.float32)
            grey = np.clip(grey * 0.9 + 15 + rng.normal(0, 8, grey.shape), 0, 255).astype(np.uint8)
        images.append(Image.fromarray(grey))
    doc.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:], quality=75)
    return out.getvalue()


def _write_dump(folder: Path, rows: list[dict]) -> None:
    n = len(list(folder.glob("dump-*.csv")))
    with open(folder / f"dump-{n:04d}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    rows.clear()


def _print_pdfs(pdfs: list[tuple[str, str]], folder: Path, chromium: str) -> None:
    """At most 12 PDFs printed by Chromium; the other PDF reports are copies of them (said in the docstring)."""
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, page in pdfs[:12]:
            src = Path(tmp) / f"{name}.html"
            src.write_text(page, encoding="utf-8")
            target = folder / f"{name}.pdf"
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}/p",
                            "--no-pdf-header-footer", f"--print-to-pdf={target}", src.as_uri()],
                           capture_output=True, timeout=120)
            if target.exists():
                made.append(target)
    for i, (name, _) in enumerate(pdfs[12:]):
        if made:
            shutil.copyfile(made[i % len(made)], folder / f"{name}.pdf")


def measure(cmd: list[str]) -> dict:
    proc = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return json.loads(proc.stdout)


def _worker_cpu(client) -> float:
    def cpu() -> float:
        """The worker process's CPU and its subprocesses' (the limited ones that read the files): those ended
        and reaped (RUSAGE_CHILDREN), and those still running (a thread's kept one)."""
        import os
        import resource as r
        u, c = r.getrusage(r.RUSAGE_SELF), r.getrusage(r.RUSAGE_CHILDREN)
        live = 0.0
        try:
            import psutil
            for child in psutil.Process(os.getpid()).children(recursive=True):
                try:
                    t = child.cpu_times()
                    live += t.user + t.system
                except psutil.Error:
                    pass
        except ImportError:
            pass
        return u.ru_utime + u.ru_stime + c.ru_utime + c.ru_stime + live
    return sum(client.run(cpu).values())


def measure_on(cmd: list[str], client) -> dict:
    """:func:`measure`, the Dask workers' CPU added (their own processes and their subprocesses, not this
    one's children)."""
    before = _worker_cpu(client)
    m = measure(cmd)
    m["workers_cpu"] = _worker_cpu(client) - before
    m["cpu"] += m["workers_cpu"]
    return m


def run(folder: Path, n_reports: int, jobs: int, label: str, client=None) -> None:
    page = folder.parent / f"page-{label}.html"
    cmd = [sys.executable, "-m", "gaischema.cli", "report", str(folder), "-o", str(page), "-j", str(jobs), "--force"]
    if client is not None:
        cmd += ["--scheduler", client.scheduler.address]  # its own page, so its own cache: a cold first run
    first = measure(cmd) if client is None else measure_on(cmd, client)
    rerun = measure(cmd) if client is None else measure_on(cmd, client)
    if first["rc"] not in (0, 1):
        print(first["stderr"], file=sys.stderr)
    rows = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>',
                                page.read_text(encoding="utf-8"), re.S).group(1))
    summary = first["stderr"].strip().splitlines()
    for name, m in (("first run", first), ("rerun (cache)", rerun)):
        print(f"  {name:14} exit {m['rc']}: wall {m['wall']:7.1f} s, CPU {m['cpu']:7.1f} s, "
              f"{n_reports / max(m['cpu'], 1e-9):6.1f} reports/s per core, peak {m['peak_kib'] / 1024:6.0f} MiB"
              + (f" (of the CPU, Dask workers and their subprocesses {m['workers_cpu']:.1f} s)" if "workers_cpu" in m else ""))
    print(f"  rerun / first: wall {rerun['wall'] / first['wall']:.0%}, CPU {rerun['cpu'] / first['cpu']:.0%}; "
          f"rows on the page {len(rows)}; page {page.stat().st_size / 1e6:.1f} MB")
    print("  " + (summary[0] if summary else ""))
    stages = next((line for line in summary if line.startswith("各阶段 CPU stages:")), "")
    for stage, seconds in re.findall(r"(\w+) ([0-9.]+) s", stages):  # CPU seconds of each stage, all workers
        print(f"  stage {stage:9} CPU {float(seconds):7.1f} s: {n_reports / max(float(seconds), 1e-9):8.1f} reports/s per core")
    clusters = re.search(r"（(\d+) 个簇 clusters）", page.read_text(encoding="utf-8"))
    print(f"  near-duplicate clusters on the page: {clusters.group(1) if clusters else 0}")


def samples(jobs: int, folder: Path) -> None:
    """The real samples (each listed once, organ and year as the page shows them, against expected.json)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp) / "samples"
        box.mkdir()
        for name in expected:
            shutil.copyfile(folder / name, box / name)
        page = Path(tmp) / "page.html"
        cmd = [sys.executable, "-m", "gaischema.cli", "report", str(box), "-o", str(page), "-j", str(jobs)]
        m = measure(cmd)
        rows = json.loads(re.search(r'id="report-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
        print(f"samples: {len(expected)} files, exit {m['rc']}, wall {m['wall']:.1f} s, CPU {m['cpu']:.1f} s, "
              f"peak {m['peak_kib'] / 1024:.0f} MiB; {len(rows)} rows")
        for r in rows:
            name = Path(r["file"]).name
            want = expected.get(name, {})
            print(f"  {name:34} {r['status']:10} organ {r['organ']!s:32} year {r['year']!s:5} "
                  f"(expected year {want.get('year')}){'  ' + r['notes'][:60] if r['status'] == 'unreadable' else ''}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="reports in the province (repeat for several sizes)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--samples", action="store_true", help="also run on the real samples in ../shared/samples")
    ap.add_argument("--samples-dir", type=Path, default=ROOT.parent / "shared" / "samples")
    ap.add_argument("--keep", help="keep the generated province in this folder")
    ap.add_argument("--dask", action="store_true", help="also run on a Dask LocalCluster of 2 workers")
    args = ap.parse_args()
    sizes = args.n or [300]
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; -j {args.jobs}")
    for n in sizes:
        tmp = Path(args.keep or tempfile.mkdtemp(prefix="gaischema-province-")) / f"province-{n}"
        t = time.perf_counter()
        reports = province(n)
        counts = publish(reports, tmp / "published")
        gen = time.perf_counter() - t
        files = sum(1 for _ in (tmp / "published").iterdir())
        print(f"{n} reports ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}) in {files} files; "
              f"generated and published in {gen:.1f} s")
        print(f"  local pool, -j {args.jobs}:")
        run(tmp / "published", n, args.jobs, str(n))
        if args.dask:
            from distributed import Client, LocalCluster
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                print("  Dask LocalCluster, 2 workers of 1 thread:")
                run(tmp / "published", n, args.jobs, f"{n}-dask", client)
        if not args.keep:
            shutil.rmtree(tmp.parent, ignore_errors=True)
    if args.samples:
        samples(args.jobs, args.samples_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
