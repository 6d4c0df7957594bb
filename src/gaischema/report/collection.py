"""The run of ``gaischema report``: each input file the whole way in one worker task (:func:`file_records`: read,
extract, validate, facts, rendering; a path in, a plain picklable dict out), mapped by the local process pool
(:func:`gaischema.corpus.pool_map`, whose per-worker limits contain hostile files) or by a Dask cluster; the
cache consulted before and filled after; and everything the parent writes (renderings, copies of the
originals, saved instances) named by hashes, through a temporary name and a rename, never through a link."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import csv
import dataclasses
import hashlib
import io
import json
import os
import re
import socket
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable, Iterator

from gaischema import corrections as corr
from gaischema import loading, organs, sandbox
from gaischema import output as out
from gaischema.cache import Cache, file_digest
from gaischema.corpus import (CrossChecker, internal_result, limit_handler, out_of_memory, pool_map,
                              validate_source)
from gaischema.render import CSP, CSS, LINKED_CSP, render_html
from gaischema.report.facts import Corpus, facts
from gaischema.validate import FileResult, fatal_result, warm

# the kinds of original a copy keeps its suffix for (the browser opens it by its suffix); anything else is .bin
ORIGINAL_SUFFIXES = {".txt", ".html", ".htm", ".docx", ".md", ".markdown", ".xlsx", ".pdf", ".csv", ".tsv",
                     ".jsonl", ".json", ".yaml", ".yml"}


class SchedulerUnavailable(Exception):
    """--scheduler names no Dask scheduler that answers (or distributed is not installed)."""


# ------------------------------------------------------------------------------------------------ names
def display_name(path: str) -> str:
    """A file name as people read it, always valid Unicode: names that are not UTF-8 (a Windows zip of Chinese
    reports unpacks GBK names) are decoded as GB18030 where they read so, else shown with \\x escapes."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def path_id(path: str) -> str:
    """The name of everything written for one input inside ``<page>_files/``: a hash of its absolute path,
    so that no input name (``..``, ``#``, a newline, 255 bytes) ever becomes part of a link or a file name."""
    return hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:20]


def input_suffixes() -> tuple[str, ...]:
    """The suffixes ``report`` reads: instances, and every published kind the extractor reads."""
    from gaischema.extract import PUBLISHED_SUFFIXES  # late: the extractor's modules are slow to import

    return tuple(dict.fromkeys(loading.REPORT_SUFFIXES + tuple(PUBLISHED_SUFFIXES)))


RENDERINGS = ("errors", "all", "none")  # which reports get an annotated rendering (--renderings)
# the renderings' one stylesheet, <page>_files/rendering.css (each rendering links ../rendering.css): the CSS
# once, not in each of 100,000 renderings
STYLESHEET = "rendering.css"


def _wanted(mode: str, findings: list) -> bool:
    """``errors`` (the default): a report with a finding (an error or a warning), the ones people open;
    ``all``: every report; ``none``: none (a run of 100,000 files writes no 100,000 pages)."""
    return mode == "all" or (mode == "errors" and bool(findings))


def _checked(instance: object, name: str, fmt: str, render: str, saved: str | None, cpu: Counter,
             evidence_for: Callable[[list], dict] | None = None) -> dict:
    """Validate one report, read its numbers, render it annotated (as ``render``, see :func:`_wanted`): one
    report's record. ``evidence_for``: the findings' evidence (see :func:`_evidence`), shown beside them in the
    rendering and kept in the record."""
    t = time.thread_time()
    result = validate_source(instance, name) if isinstance(instance, dict) else validate_source(
        json.dumps(instance), name)
    record = {"result": result.to_record(), "facts": None, "rendering": None, "instance": None, "format": fmt,
              "notes": {}, "problem": None}
    cpu["validate"] += time.thread_time() - t
    if not isinstance(instance, dict) or result.fatal:
        return record
    t = time.thread_time()
    record["instance"] = saved
    f = facts(instance)
    record["facts"] = f
    record["notes"] = (f.get("provenance") or {}).get("notes", {})
    evidence = evidence_for(result.findings) if evidence_for and result.findings else {}
    if evidence:
        record["evidence"] = {str(i): ev for i, ev in evidence.items()}
    if _wanted(render, result.findings):
        try:
            record["rendering"] = render_html(instance, annotate=True, findings=result.findings,
                                              evidence={i: _shown(ev, "../e/") for i, ev in evidence.items()},
                                              stylesheet="../" + STYLESHEET)
        except ValueError:
            record["problem"] = "无法排版：没有有效的 format_version / no layout: no valid format_version"
    cpu["render"] += time.thread_time() - t
    return record


def _unreadable(result: FileResult, fmt: str) -> dict:
    return {"result": result.to_record(), "facts": None, "rendering": None, "instance": None, "format": fmt,
            "notes": {}, "problem": None}


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def file_records(task: dict) -> dict:
    """One input file, the whole way (the map step of ``report``, for the local pool and for Dask alike): read
    it, extract it when it is a published report, validate each report it holds, read the numbers the page
    shows and render each report annotated. Never raises; a bug is an INTERNAL-ERROR row of that file.

    ``task``: ``{"path", "name" (as shown), "save" (return the instance's text), "corrections" (the entries of
    the corrections file that apply to it, :mod:`gaischema.corrections`)}``. Returns ``{"name",
    "reports": [record, ...]}``, each record ``{"result" (FileResult record), "facts", "rendering" (HTML or
    None), "instance" (text or None), "format", "notes" ({kind: n}), "problem"}``, and ``"cpu"``: the CPU
    seconds of each stage (read, extract, validate, render) for the run's figures."""
    path, name, save = task["path"], task["name"], task.get("save", False)
    render = task.get("renderings", "errors")
    cpu: Counter = Counter()
    before = _identity(path) if task.get("digest") else None
    digest = file_digest(path) if before else None
    try:
        if _suffix(path) in loading.REPORT_SUFFIXES:
            reports = [_instance_file(path, name, save, cpu, render)]
        else:
            reports = _published_file(path, name, save, cpu, render, task.get("corrections") or [])
    except MemoryError:  # the worker's memory limit: INPUT-TOO-COMPLEX (gaischema.sandbox), not a bug
        raise
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not cost the others their rows
        if out_of_memory(exc):
            raise MemoryError(str(exc)) from exc
        reports = [_unreadable(internal_result(name, exc), _suffix(path).lstrip(".") or "?")]
    result = {"name": name, "reports": reports, "cpu": dict(cpu)}
    if digest and _identity(path) == before:  # the file did not change while it was read: its result may be kept
        result["digest"] = digest
    return result


def _identity(path: str) -> tuple | None:
    """What changes when a file is written (size, modification and change times, inode): compared before the
    worker hashes a file and after it has read it, so that a result is remembered only under the content it
    was made from."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev


# the elements a rendering never holds, and the one image it holds: its own, a finding's printed row,
# ../e/<hash>-<hash>.png (issue #29). Checked a tag at a time (finditer stops at each "<" only): one
# case-insensitive alternation tried at every character cost 5 ms a rendering, the parent's largest share of a
# run of 100,000 files
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z]+)")
_NEVER = frozenset({"script", "iframe", "frame", "object", "embed", "base", "link", "form", "meta", "svg", "math", "style"})
_OWN_IMG = re.compile(r"\s+src=\"\.\./e/[0-9a-f]+(?:-[0-9a-f]+)*\.png\"\s+alt=\"[^\"<>]*\">")
_HANDLER = re.compile(r"\s(?i:on)[a-zA-Z]+\s*=")


def _body_ok(body: str) -> bool:
    if "javascript:" in body.casefold() or _HANDLER.search(body):
        return False
    for m in _TAG.finditer(body):
        name = m.group(1).lower()
        if name in _NEVER or (name == "img" and not _OWN_IMG.match(body, m.end())):
            return False
    return True


# the one link a rendering's head holds is its own: the stylesheet beside the renderings, ../rendering.css
_UNSAFE_HEAD = re.compile(r"<\s*/?\s*(?:script|iframe|frame|object|embed|base|form|svg|math|img)\b|\son[a-z]+\s*=|"
                          r"<\s*/?\s*link\b(?!\s+rel=\"stylesheet\"\s+href=\"\.\./rendering\.css\">)|"
                          r"javascript:|refresh", re.IGNORECASE)
_POLICY = re.compile(r"Content-Security-Policy", re.IGNORECASE)
_POLICIES = {f'<meta http-equiv="Content-Security-Policy" content="{p}">' for p in (CSP, LINKED_CSP)}


def rendering_ok(html: str) -> bool:
    """A rendering as gaischema writes it: the template's own head (one Content-Security-Policy, the
    template's, and no link but the stylesheet beside the renderings), and in the rest no element that runs or
    loads anything — report text is always escaped, so none can come from a report.
    A cached rendering that fails is a miss (made again); a fresh one that fails is not written."""
    head, sep, body = html.partition("</head>")
    return (bool(sep) and _UNSAFE_HEAD.search(head) is None and _body_ok(body)
            and len(_POLICY.findall(head)) == 1 and any(p in head for p in _POLICIES))


# a row's picture as _evidence names it: the input's path_id, a copy's number, 16 hex digits of the PNG's hash
_PICTURE_NAME = re.compile(r"[0-9a-f]{20}(?:-[0-9]{1,6})?-[0-9a-f]{16}\.png")


def evidence_ok(evidence: object) -> bool:
    """A record's evidence as :func:`_evidence` makes it: a mapping of finding indices to mappings, each
    picture named as gaischema names them (never a path: a cached row whose picture is named ``../x`` or
    ``/etc/x`` would be written there) and its PNG in base64."""
    if evidence is None:
        return True
    if not isinstance(evidence, dict):
        return False
    for ev in evidence.values():
        if not isinstance(ev, dict):
            return False
        if ("file" in ev or "png" in ev) and not (
                isinstance(ev.get("file"), str) and _PICTURE_NAME.fullmatch(ev["file"])
                and isinstance(ev.get("png"), str) and _base64_ok(ev["png"])):
            return False
    return True


def _base64_ok(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except ValueError:  # binascii.Error
        return False
    return True


def cached_result_ok(value: object) -> bool:
    """A cached row of the right shape, whose records a page can be built from (checked on a throwaway Corpus)
    and whose renderings pass :func:`rendering_ok`: anything else is a miss."""
    try:
        if not (isinstance(value, dict) and isinstance(value.get("name"), str) and isinstance(value.get("reports"), list)
                and value["reports"] and isinstance(value.get("cpu", {}), dict)):
            return False
        for r in value["reports"]:
            if not isinstance(r, dict) or not isinstance(r.get("result"), dict):
                return False
            if not all(r.get(k) is None or isinstance(r[k], str) for k in ("rendering", "instance", "problem", "format")):
                return False
            if not all(r.get(k) is None or isinstance(r[k], dict) for k in ("facts", "notes")):
                return False
            if r.get("rendering") and not rendering_ok(r["rendering"]):
                return False
            if not evidence_ok(r.get("evidence")):
                return False
            Corpus().add(r, {"seq": [0, 0]})
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError):
        return False
    return True


def _instance_file(path: str, name: str, save: bool, cpu: Counter, render: str = "errors") -> dict:
    fmt = "json" if _suffix(path) == ".json" else "yaml"
    t = time.thread_time()
    try:
        data = loading.read_bytes(path)
        text = loading.decode(data)
        instance = loading.parse(text, name)
    except loading.InputError as err:
        return _unreadable(fatal_result(name, err), fmt)
    finally:
        cpu["read"] += time.thread_time() - t
    record = _checked(instance, name, fmt, render, text if save else None, cpu)
    extraction = instance.get("extraction") if isinstance(instance, dict) else None
    if isinstance(extraction, dict) and isinstance(extraction.get("source_format"), str):
        record["format"] = f"{fmt} ← {extraction['source_format']}"
    return record


def _published_file(path: str, name: str, save: bool, cpu: Counter, render: str = "errors",
                    corrections: list[dict] = ()) -> list[dict]:
    from gaischema.extract import dumps, extract_file_records  # late: the extractor's modules are slow to import

    t = time.thread_time()
    records = extract_file_records(path)
    cpu["extract"] += time.thread_time() - t
    out = []
    for i, rec in enumerate(records, 1):
        # a crawler's dump: one record a row, PATH#row=N
        rname = name + rec["file"][len(path):] if rec["file"].startswith(path) and rec["file"] != path else \
            name if len(records) == 1 else f"{name}#{i}"
        fmt = _suffix(path).lstrip(".") or "?"
        if rec["error"]:
            e = rec["error"]
            err = loading.InputError(e["rule"], e["message"], e["message_en"])
            out.append(_unreadable(fatal_result(rname, err), fmt))
            continue
        instance = rec["instance"]
        corrected = corr.apply(instance, list(corrections)) if corrections and len(records) == 1 else []
        extraction = instance.get("extraction") or {}
        fmt = extraction.get("source_format") or fmt
        pid = path_id(path) + (f"-{len(out)}" if out else "")
        evidence_for = partial(_evidence, path, pid, extraction, rec.get("rows") or {}, cpu)
        record = _checked(instance, rname, fmt, render, dumps(instance) if save else None, cpu, evidence_for)
        record["corrected"] = corrected
        out.append(record)
    if not out:
        err = loading.InputError("INPUT-NOT-REPORT", "文件中没有年度报告", "the file holds no report")
        out.append(_unreadable(fatal_result(name, err), _suffix(path).lstrip(".") or "?"))
    return out


# ------------------------------------------------------------------------------------------------ evidence
MAX_EVIDENCE = 60  # findings of one report shown with their evidence, at most


def _evidence(path: str, pid: str, extraction: dict, rows: dict, cpu: Counter, findings: list) -> dict[int, dict]:
    """The evidence of each finding on a cell the extractor read: a picture of the printed row (a PDF's or a
    scan's page, rendered by PDFium here, each page once) or the source row's text with the cell's characters.
    ``{finding index: {"png" (base64), "file" (its name under <page>_files/e/), "page", "band" (the box the
    picture shows, points)} or {"text", "start", "end", "where"}}``."""
    t = time.thread_time()
    places = {s.get("cell_path"): s for s in extraction.get("cell_sources") or [] if isinstance(s, dict)}
    first_of_row: dict[str, str] = {}  # a finding on a whole row: the row's first cell stands for it
    for p in places:
        first_of_row.setdefault(p.rpartition(".")[0], p)
    out: dict[int, dict] = {}
    crops: list[tuple[int, int, list[float]]] = []
    cell_of: dict[int, str] = {}
    for i, f in enumerate(findings[:MAX_EVIDENCE]):
        cell = f.path if f.path in places else first_of_row.get(f.path)
        if cell is None:
            continue
        cell_of[i] = cell
        place = places[cell]
        if place.get("place_kind") == "box" and extraction.get("source_format") == "pdf":
            crops.append((i, place["place_page"], place["place_bbox"]))
            continue
        row = rows.get(cell)
        if row:
            text, start, end = row
            out[i] = {"text": text, "start": start, "end": end, "where": _where(place)}
    if crops:
        try:
            from gaischema.extract import render_rows  # late: the extractor is slow to import

            pictures = render_rows(loading.read_bytes(path), [(page, box) for _, page, box in crops])
        except (ImportError, loading.InputError, OSError, ValueError, RuntimeError, MemoryError):
            pictures = [None] * len(crops)  # PDFium's own errors are RuntimeErrors: the rows' text stands in
        for (i, page, box), pic in zip(crops, pictures):
            cell = cell_of[i]
            if pic is None:
                row = rows.get(cell)
                if row:
                    out[i] = {"text": row[0], "start": row[1], "end": row[2], "where": _where(places[cell])}
                continue
            png, band = pic
            name = f"{pid}-{hashlib.sha256(png).hexdigest()[:16]}.png"
            out[i] = {"png": base64.b64encode(png).decode("ascii"), "file": name, "page": page,
                      "band": [round(v, 1) for v in band], "box": box, "frame": _frame(box, band),
                      "where": _where(places[cell])}
    cpu["evidence"] += time.thread_time() - t
    return out


def _frame(box: list[float], band: tuple) -> list[float]:
    """The cell's frame over its row's picture, in percent of the picture: left, top, width, height."""
    w, h = max(band[2] - band[0], 1e-6), max(band[3] - band[1], 1e-6)
    return [round(100 * (box[0] - band[0]) / w, 2), round(100 * (box[1] - band[1]) / h, 2),
            round(100 * (box[2] - box[0]) / w, 2), round(100 * (box[3] - box[1]) / h, 2)]


def _where(place: dict) -> str:
    """A cell's place in the source, said in a few words."""
    kind = place.get("place_kind")
    if kind == "box":
        return f"第 {place.get('place_page')} 页 / page {place.get('place_page')}"
    if kind == "table" and place.get("place_sheet") is not None:
        return f"工作表 {place['place_sheet']} {place.get('place_cell')} / sheet {place['place_sheet']} {place.get('place_cell')}"
    if kind == "table":
        return (f"表格 {place.get('place_table')} 第 {place.get('place_row')} 行第 {place.get('place_col')} 列 / table "
                f"{place.get('place_table')} row {place.get('place_row')} column {place.get('place_col')}")
    if place.get("place_line") is not None:
        return f"第 {place['place_line']} 行 / line {place['place_line']}"
    return f"第 {place.get('place_paragraph')} 段 / paragraph {place.get('place_paragraph')}"


def _shown(ev: dict, prefix: str) -> dict:
    """A finding's evidence as a page shows it: the picture by its link (``prefix`` + its name), or the text."""
    if "file" in ev:
        return {"img": prefix + ev["file"], "where": ev.get("where", ""), "page": ev.get("page"),
                "frame": ev.get("frame")}
    return {k: ev[k] for k in ("text", "start", "end", "where") if k in ev}


# ------------------------------------------------------------------------------------------------ the run
@dataclass
class Options:
    """How :func:`collect` runs. ``files_dir``: ``<page>_files`` (renderings, copies of the originals, the
    cache unless ``cache_dir``); ``save_dir``: where instances are kept (``--save-instances``)."""

    files_dir: str | None = None
    save_dir: str | None = None
    force: bool = False
    jobs: int = 0
    cross: bool = True
    cache_dir: str | None = None  # None with use_cache: <files_dir>/cache
    use_cache: bool = True
    scheduler: str | None = None  # a Dask scheduler's address
    roster: organs.Roster | None = None  # --organs FILE: who must publish; else a roster is proposed
    warn: Callable[[str], None] = lambda line: None  # one line to the user (a cache set aside)
    renderings: str = "errors"  # which reports get an annotated rendering: errors (with a finding), all, none


class _Writer:
    """Everything the parent writes inside ``<page>_files/`` and the instances folder: named by hashes, through
    a temporary file and a rename (never through a link), skipped when an identical file is already there."""

    def __init__(self, opts: Options):
        self.opts = opts
        self.base = urllib.parse.quote(os.path.basename(opts.files_dir)) if opts.files_dir else None
        self.saved: set[str] = set()
        self.pictures: set[str] = set()
        self.errors: list[str] = []
        self.stylesheet = False  # rendering.css written (once a run, with the first rendering)

    def _put(self, folder: str, name: str, data: bytes, force: bool = True, reuse: bool = True) -> bool:
        """``reuse``: a file in ``<page>_files`` (ours: a link planted there is removed); else a saved instance
        (the user's folder: a link there is the user's, refused without --force, replaced itself with it)."""
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            st = None
        if st is not None:
            if os.path.islink(path) and reuse:
                os.unlink(path)  # a planted link is removed, never written through
            elif reuse and os.path.isfile(path) and st.st_size == len(data) and _same(path, data):
                return True  # the same file from an earlier run: not written again
        try:
            out.write(path, data, force)
        except (out.OutputError, OSError) as e:
            self.errors.append(f"{display_name(path)}: {e}")
            return False
        return True

    def report(self, path: str, k: int, record: dict) -> dict:
        """Write one report's rendering; the row's links."""
        links: dict[str, str | None] = {}
        if self.base is None:
            return links
        pid = path_id(path) + (f"-{k}" if k else "")
        evidence = record.get("evidence") or {}
        if not evidence_ok(evidence):  # fresh records are made so; a cached one was checked: never a path here
            self.errors.append(f"{display_name(path)}: 证据图片名称无效，未写入 / an evidence picture's name is not "
                               "gaischema's; not written")
            evidence = {}
        for ev in evidence.values():
            if "png" in ev and ev["file"] not in self.pictures:
                folder = os.path.join(self.opts.files_dir, "e")
                if not os.path.isdir(folder) or os.path.islink(folder):
                    try:
                        if os.path.islink(folder):
                            os.unlink(folder)  # a planted link is removed, never written through
                        os.makedirs(folder, exist_ok=True)
                    except OSError as e:
                        self.errors.append(f"{display_name(folder)}: {e}")
                        continue
                if self._put(folder, ev["file"], base64.b64decode(ev["png"])):
                    self.pictures.add(ev["file"])
        if record.get("rendering") and not rendering_ok(record["rendering"]):
            self.errors.append(f"{display_name(path)}: 排版结果含有不应有的元素，未写入 / the rendering holds an element "
                               "gaischema never writes; not written")
        elif record.get("rendering"):
            if not self.stylesheet:  # the renderings' one stylesheet, beside them; written with the first of them
                self.stylesheet = self._put(self.opts.files_dir, STYLESHEET, CSS.encode("utf-8"))
            if self._put(os.path.join(self.opts.files_dir, "r"), pid + ".html", record["rendering"].encode("utf-8")):
                links["link"] = f"{self.base}/r/{pid}.html"
        return links

    def original(self, path: str) -> str | None:
        """A copy of the input beside the page (so that its link stays inside the output folder)."""
        if self.base is None:
            return None
        suffix = _suffix(path) if _suffix(path) in ORIGINAL_SUFFIXES else ".bin"
        name = path_id(path) + suffix
        try:
            data = loading.read_bytes(path)
        except loading.InputError:
            return None
        if self._put(os.path.join(self.opts.files_dir, "src"), name, data):
            return f"{self.base}/src/{name}"
        return None

    def proposed(self, text: str) -> str | None:
        """The proposed organ roster (CSV) beside the page, to correct and pass back with --organs."""
        if self.base is None:
            return None
        if self._put(self.opts.files_dir, "organs-proposed.csv", text.encode("utf-8")):
            return f"{self.base}/organs-proposed.csv"
        return None

    def confirmed(self, rows: list[list]) -> str | None:
        """The confirmed findings as CSV (UTF-8 with BOM, for spreadsheets) beside the page; its link."""
        if self.base is None:
            return None
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(CONFIRMED_HEADER)
        writer.writerows([[out.spreadsheet_text(v) for v in row] for row in rows])
        if self._put(self.opts.files_dir, "confirmed.csv", ("\ufeff" + buf.getvalue()).encode("utf-8"), reuse=False):
            return f"{self.base}/confirmed.csv"
        return None

    def instance(self, target: str, text: str) -> None:
        folder, name = os.path.split(target)
        self._put(folder, name, text.encode("utf-8"), self.opts.force, reuse=False)


def _same(path: str, data: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(data) + 1) == data
    except OSError:
        return False


def instance_target(save_dir: str, path: str, taken: set[str]) -> str:
    """Where ``--save-instances`` keeps an input's instance: its name (made safe: no separators, control
    characters or ``..``; at most 200 bytes) with .yaml, or .json for a JSON input; -2, -3… on a clash."""
    base = display_name(os.path.basename(path))
    stem, suffix = os.path.splitext(base)
    ext = ".json" if suffix.lower() == ".json" else ".yaml"
    stem = "".join("_" if ch in "/\\" or ord(ch) < 32 or ord(ch) == 127 else ch for ch in stem).lstrip(".") or "report"
    while len(stem.encode("utf-8")) > 200:
        stem = stem[:-1]
    name, n = stem + ext, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{ext}"
    taken.add(name)
    return os.path.join(save_dir, name)


def _names_in(folder: str, paths: list[str]) -> set[str]:
    real = os.path.realpath(folder)
    return {display_name(os.path.basename(p)) for p in paths
            if os.path.realpath(os.path.dirname(os.path.abspath(p))) == real}


def _local_map(fn: Callable, tasks: list[dict], jobs: int) -> Iterator[dict]:
    n = jobs or os.cpu_count() or 1
    items = tasks if len(tasks) < 2 * n else _handed(tasks)  # a short list: one worker (pool_map's serial_below)
    yield from pool_map(fn, items, jobs, serial_below=2 * n, chunksize=1, failed=_too_complex)


def _handed(tasks: list[dict]) -> Iterator[dict]:
    """The tasks, each let go of by the list as it is handed to the pool: a task is held only until its
    result comes back (by :func:`collect`'s ``by_name``), not for the whole run."""
    for i in range(len(tasks)):
        task, tasks[i] = tasks[i], None
        yield task


def _too_complex(task: dict, err: loading.InputError) -> dict:
    """The row of a file whose worker hit a limit (gaischema.sandbox): its INPUT-TOO-COMPLEX result."""
    return {"name": task["name"], "reports": [_unreadable(fatal_result(task["name"], err),
                                                          _suffix(task["path"]).lstrip(".") or "?")]}


def limited_file_records(task: dict) -> dict:
    """:func:`file_records` in a limited subprocess of whichever process runs it (a Dask worker): the same
    per-file limits as the local pool (``task["limits"]``, the parent's), so a cluster run is never less safe
    than a local one — a file that hits a limit is its INPUT-TOO-COMPLEX row (corpus.limit_handler, as
    locally), and the Dask worker lives on. The subprocess is the worker thread's kept one (sandbox.kept), as
    a local pool keeps its workers: started afresh per file, it paid the imports and the OCR models per file
    (2.6 times the local pool's extraction CPU on the province benchmark). It is a fresh interpreter, not a
    fork of the Dask worker, whose free heap a fork would reuse beyond --max-memory (see sandbox.kept). It
    ends with the run (:class:`gaischema.report.daskworker.KeptPools`), with its thread, or with the Dask
    worker."""
    limits = sandbox.Limits(**task["limits"]) if task.get("limits") else sandbox.default_limits()
    with sandbox.kept(file_records, limits) as pool:
        (row,) = pool.imap([task], limit_handler(_too_complex))
    return row


CONNECT_SECONDS = 10.0  # to reach a Dask scheduler and finish its handshake


def _dask_map(fn: Callable, tasks: list[dict], address: str) -> Iterator[dict]:
    """The same map step on an existing Dask cluster: ``client.map`` of :func:`limited_file_records`, results as
    they complete. The scheduler must answer within CONNECT_SECONDS (a closed port, a server that never
    answers, an HTTP server that sends no Dask frames: one line, SchedulerUnavailable)."""
    try:
        from distributed import Client, as_completed  # late: the optional extra gaischema[dask]
    except ImportError:
        raise SchedulerUnavailable("--scheduler 需要 pip install 'gaischema[dask]' / --scheduler needs "
                                   "pip install 'gaischema[dask]'") from None

    def unavailable(why: object) -> SchedulerUnavailable:
        return SchedulerUnavailable(f"无法连接 Dask 调度器 {address} / cannot reach the Dask scheduler {address}: {why}")

    _probe(address, unavailable)
    try:
        client = Client(address, timeout=f"{CONNECT_SECONDS:g}s")
    except (Exception, MemoryError) as e:  # noqa: BLE001 - the probe passed, the client did not: one line
        raise unavailable(f"{type(e).__name__}: {str(e)[:200]}") from None
    limits = dataclasses.asdict(sandbox.default_limits())
    with client:
        from gaischema.report.daskworker import KeptPools

        plugin = f"gaischema-kept-pools-{os.getpid()}-{time.time_ns()}"
        client.register_plugin(KeptPools(), name=plugin)  # its teardown ends the workers' kept subprocesses
        try:
            futures = client.map(limited_file_records, [{**t, "limits": limits} for t in tasks], pure=False)
            for future in as_completed(futures):
                yield future.result()
                del future
        finally:  # the run is over: no kept subprocess of it stays on the cluster
            with contextlib.suppress(Exception):
                client.unregister_worker_plugin(plugin)


def _probe(address: str, unavailable: Callable[[object], Exception]) -> None:
    """A Dask scheduler at ``address``, or SchedulerUnavailable within CONNECT_SECONDS: connect, handshake and
    ask its identity under one deadline (asyncio.wait_for). Dask's own client retries a closed port or a silent
    server for longer, and reads an HTTP server's reply as a frame of exabytes (MemoryError)."""
    from distributed.comm import connect  # late: the optional extra gaischema[dask]

    parsed = urllib.parse.urlsplit(address if "://" in address else "tcp://" + address)
    if parsed.scheme in ("tcp", "tls"):  # a closed port at once (Dask's connect retries it until its timeout)
        try:
            if not parsed.hostname or parsed.port is None:
                raise ValueError("host:port")
            socket.create_connection((parsed.hostname, parsed.port), timeout=CONNECT_SECONDS).close()
        except (OSError, ValueError) as e:
            raise unavailable(e) from None

    async def identity() -> object:
        comm = await connect(address, timeout=CONNECT_SECONDS)
        try:
            await comm.write({"op": "identity", "reply": True})
            return await comm.read()
        finally:
            await comm.close()

    try:
        reply = asyncio.run(asyncio.wait_for(identity(), CONNECT_SECONDS))
    except (Exception, MemoryError) as e:  # noqa: BLE001 - whatever answered is no Dask scheduler
        raise unavailable(f"{type(e).__name__}: {str(e)[:200]}" if str(e) else type(e).__name__) from None
    if not (isinstance(reply, dict) and reply.get("type") == "Scheduler"):
        raise unavailable("不是 Dask 调度器 / no Dask scheduler answered")


def _cache_options(options: dict, task: dict) -> dict:
    """What a file's cached result depends on besides its bytes and name: the run's options and the
    corrections that apply to the file (a new correction is a miss)."""
    return {**options, "corrections": task.get("corrections", [])}


def collect(files: Iterable[str | tuple[str, loading.InputError]], options: Options | None = None,
            progress: Callable[[int, str], None] = lambda done, status: None) -> Corpus:
    """Read, extract, validate and aggregate ``files`` (paths, or (path, error) for inputs already known to be
    unreadable) — each once, in one worker task — and write what the page links to (see :class:`Options`)."""
    opts = options or Options(use_cache=False)
    warm()
    corpus = Corpus()
    writer = _Writer(opts)
    cache = None
    if opts.use_cache and (opts.cache_dir or opts.files_dir):
        cache = Cache(opts.cache_dir or os.path.join(opts.files_dir, "cache"), warn=opts.warn)
    checker = CrossChecker()  # the organs are resolved over it even without the cross-report rules
    taken: set[str] = set()
    if opts.save_dir:  # the names of inputs in the instances' folder are reserved: never written over
        files = list(files)
        taken.update(_names_in(opts.save_dir, [f[0] if isinstance(f, tuple) else f for f in files]))
    names: set[str] = set()
    todo: list[dict] = []
    done = 0
    cache_options = {"save": bool(opts.save_dir), "renderings": opts.renderings}
    books: dict[str, corr.Book] = {}
    confirmed: list[list] = []

    def finish(task: dict, result: dict) -> None:
        nonlocal done
        source = writer.original(task["path"])
        for k, record in enumerate(result["reports"]):
            extra = {"seq": [task["order"], k], "source": source, **writer.report(task["path"], k, record),
                     **_reviewed(record, task.get("reviews") or [], writer.base, corpus, confirmed)}
            if task.get("target") and record.get("instance"):
                # a row of a crawler's dump: NAME-rowN, as gaischema extract names it
                row = record["result"]["file"].rpartition("#row=")[2] if "#row=" in record["result"]["file"] else ""
                stem, ext = os.path.splitext(task["target"])
                writer.instance(f"{stem}-row{row}{ext}" if row else task["target"], record["instance"])
            res = corpus.add(record, extra)
            checker.add(res, f"{task['order']:012d}.{k:06d}")  # in the order of the input, whoever finished first
        done += 1
        progress(done, f"errors {corpus.summary.errors} unreadable {corpus.summary.fatal}")

    try:
        for order, item in enumerate(files):
            path, err = item if isinstance(item, tuple) else (item, None)
            name = display_name(path)
            while name in names:  # two paths shown alike (undecodable bytes): keep rows apart
                name += "\u2032"
            names.add(name)
            if err is not None:
                corpus.add(_unreadable(fatal_result(name, err), _suffix(path).lstrip(".") or "?"), {"seq": [order, 0]})
                done += 1
                continue
            task = {"path": path, "name": name, "save": bool(opts.save_dir), "order": order, "digest": bool(cache),
                    "renderings": opts.renderings}
            if opts.save_dir:
                task["target"] = instance_target(opts.save_dir, path, taken)
            digest = None
            if _suffix(path) not in loading.REPORT_SUFFIXES:  # a published report: the evaluator's corrections
                digest = file_digest(path)
                _corrections(task, digest, books, corpus)
            if cache:
                digest = digest or file_digest(path)
                if digest:
                    hit = cache.get(Cache.key(digest, name, _cache_options(cache_options, task)), cached_result_ok)
                    if hit is not None:
                        corpus.cached += 1
                        finish(task, hit)
                        continue
            todo.append(task)
        mapped = _dask_map(file_records, todo, opts.scheduler) if opts.scheduler else \
            _local_map(file_records, todo, opts.jobs)
        by_name = {t["name"]: t for t in todo}
        for result in mapped:
            task = by_name.pop(result["name"])
            corpus.cpu.update(result.pop("cpu", {}))
            digest = result.pop("digest", None)  # of the bytes the worker read (None: the file changed meanwhile)
            if cache and digest and not any(
                    r["result"]["findings"] and r["result"]["findings"][0]["rule"] in ("INTERNAL-ERROR", "INPUT-TOO-COMPLEX")
                    for r in result["reports"]):
                cache.put(Cache.key(digest, task["name"], _cache_options(cache_options, task)), result)
            finish(task, result)
        resolution = organs.apply(checker, opts.roster)
        corpus.set_identity(resolution)
        corpus.proposed_link = writer.proposed(resolution.proposed_csv())
        if opts.cross:
            for result in checker.results():
                if result.file in corpus.index:
                    corpus.add_cross(result)
            for result in organs.not_published(resolution):
                corpus.add_missing(result)
            corpus.clusters = checker.clusters()
    finally:
        checker.close()
        if cache:
            cache.close()
    corpus.rows.sort(key=lambda r: r["seq"])
    corpus.confirmed_csv = writer.confirmed(confirmed)
    corpus.write_errors = writer.errors
    return corpus


def _corrections(task: dict, digest: str | None, books: dict[str, corr.Book], corpus: Corpus) -> None:
    """The entries of the corrections file beside a published report that apply to it (into the task: the
    corrections go to the worker and into the cache key), and those made for another content of the file
    (stale: kept in the corpus, never applied). A corrections file that cannot be read raises InputError."""
    where = corr.book_path(task["path"])
    if where not in books:
        books[where] = corr.load(where)
    fixes, reviews, stale = corr.for_file(books[where], task["path"], digest)
    if fixes:
        task["corrections"] = [e.as_dict() for e in fixes]
    if reviews:
        task["reviews"] = [e.as_dict() for e in reviews]
    for e in stale:
        corpus.stale.append({"file": task["name"], "path": e.path, "kind": "review" if e.state else "correction",
                             "value": e.state or e.value, "reason": e.reason, "sha256": e.sha256})


CONFIRMED_HEADER = ["file", "organ", "year", "rule", "severity", "cell", "path", "reported", "expected", "message",
                    "message_en", "reason", "who", "when"]


def _reviewed(record: dict, reviews: list[dict], base: str | None, corpus: Corpus, confirmed: list) -> dict:
    """One report's findings as the page lists them (each with its evidence and review state), the review
    counts, and the rows of the confirmed findings' CSV."""
    result = record["result"]
    evidence = record.get("evidence") or {}
    facts_ = record.get("facts") or {}
    items = []
    for i, f in enumerate(result["findings"]):
        state = next((r for r in reversed(reviews) if r["path"] == f["path"] and r.get("rule") in ("", None, f["rule"])),
                     None)
        corpus.review[state["state"] if state else "unreviewed"] += 1
        if state and state["state"] == "confirmed":
            confirmed.append([result["file"], facts_.get("organ") or "", result.get("year") or "", f["rule"],
                              f["severity"], f["cell"], f["path"], f.get("reported"), f.get("expected"),
                              f["message"], f["message_en"], state.get("reason", ""), state.get("who", ""),
                              state.get("when", "")])
        if i >= MAX_EVIDENCE:
            continue
        item = {k: f.get(k) for k in ("rule", "severity", "cell", "path", "message", "message_en", "reported",
                                      "expected")}
        if state:
            item["state"] = state["state"]
        ev = evidence.get(str(i))
        if ev is not None and ("file" not in ev or base is not None):
            item["ev"] = _shown(ev, f"{base}/e/")
        items.append(item)
    corrected = record.get("corrected") or []
    corpus.review["corrected"] += len(corrected)
    return {"findings": items, "corrected": len(corrected)}
