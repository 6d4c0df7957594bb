"""Validating a corpus: many files in parallel, findings streamed, reports of the same organ cross-checked.

The unit of work is :func:`validate_record`: one report in (bytes, text or an already parsed dict), one
plain, picklable dict out. ``gaischema validate`` maps it over files with a process pool; a distributed
engine (Spark, Dask, Ray) can map the same function over its partitions (see docs/distributed.md).

Memory stays flat: a result is written as soon as it arrives and only the small cross-report projection of
each report (the few values the cross-report rules read, long texts as digests) is kept until the end.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter
from typing import Any, Callable, Iterable, Iterator

from gaischema import loading, sandbox
from gaischema.engine import Finding
from gaischema.output import shown_name
from gaischema.narrative import similarity, sketch_values
from gaischema.validate import (
    FileResult,
    engine,
    fatal_result,
    to_instance,
    validate_rejecting,
    warm,
)


def organ_key(instance: dict) -> tuple[str, str] | None:
    """The key that matches reports of the same organ: (行政区划代码 or '', the organ name as people read it:
    NFKC, invisible and formatting characters removed, spaces and punctuation removed). The name is the
    instance's canonical_organ when it has one (a resolved identity, gaischema.organs), else its organ. The
    invisible characters are the schema's (the invisible_characters rule INPUT-INVISIBLE, which notes them)."""
    organ = instance.get("canonical_organ")
    if not isinstance(organ, str) or not organ.strip():
        organ = instance.get("organ")
    if not isinstance(organ, str) or not organ.strip():
        return None
    name = engine().invisible_pattern.sub("", unicodedata.normalize("NFKC", organ))
    name = re.sub(r"[\s\u3000·•.,，。、（）()《》“”\"'’‘-]", "", name)
    code = instance.get("division_code")
    return (code if isinstance(code, str) else "", name)


def validate_record(source: bytes | str | dict, name: str = "") -> dict:
    """Validate one report and return a plain dict (picklable, JSON-able): the map step of a distributed
    engine (see docs/distributed.md). Never raises for input: unreadable input is a fatal result.

    ``{"file", "valid", "fatal", "findings": [finding dicts], "key": [code, organ] | None, "year",
    "projection": {...}}``. ``source`` is the file's bytes, its text, or a parsed instance.
    """
    return validate_source(source, name).to_record()


def validate_source(source: bytes | str | dict, name: str = "") -> FileResult:
    """Validate one report given as bytes, text or a parsed instance; the FileResult of validate_record."""
    try:
        if isinstance(source, dict):
            instance = source
        else:
            text = loading.decode(source) if isinstance(source, bytes) else source
            instance = loading.parse(text, name)
    except loading.InputError as err:
        return fatal_result(name, err)
    try:
        findings, rejected = validate_rejecting(instance)
        key = organ_key(instance)
        year = instance.get("report_year")
        # a year the cross-report rules can place (and SQLite can store)
        year = year if type(year) is int and 1000 <= year <= 9999 else None
        projection = engine().projection(instance, rejected) if key and year is not None else None
    except MemoryError:  # the worker's memory limit: INPUT-TOO-COMPLEX, not a bug (gaischema.sandbox)
        raise
    except SystemError as exc:
        if out_of_memory(exc):
            raise MemoryError(str(exc)) from exc
        return internal_result(name, exc)
    except Exception as exc:  # noqa: BLE001 - a bug on one report must not cost the others their results
        return internal_result(name, exc)
    return FileResult(name, findings, key=list(key) if key else None, year=year, projection=projection)


def out_of_memory(exc: BaseException) -> bool:
    """A C extension that failed to allocate under the worker's memory limit and returned an error without
    setting one (CPython reports SystemError "error return without exception set"): the memory limit, not a bug."""
    return isinstance(exc, SystemError) and "without exception set" in str(exc)


def internal_result(name: str, exc: BaseException) -> FileResult:
    """The result for a report on which gaischema itself failed (a bug): one INTERNAL-ERROR finding, fatal;
    the command line exits 3 once the other files are done."""
    err = loading.InputError("INTERNAL-ERROR", f"gaischema 内部错误（请报告）：{type(exc).__name__}: {exc}",
                             f"internal error in gaischema (please report it): {type(exc).__name__}: {exc}")
    return fatal_result(name, err)


def validate_file_record(path: str) -> dict:
    """validate_record on a file (``-`` for standard input), in this process (the map step: the worker)."""
    name = shown_name(path)
    try:
        data = loading.read_bytes(path)
    except loading.InputError as err:
        return fatal_result(name, err).to_record()
    return validate_source(data, name).to_record()


def validate_path(path: str, limits: sandbox.Limits | None = None) -> FileResult:
    """Validate one file (``-`` for standard input): one over IN_PROCESS_BYTES in a limited worker, as a
    corpus's files are (see pool_map)."""
    name = shown_name(path)
    try:
        data = loading.read_bytes(path)
    except loading.InputError as err:
        return fatal_result(name, err)
    if len(data) <= IN_PROCESS_BYTES or not hasattr(os, "fork"):
        return validate_source(data, name)
    run = functools.partial(validate_record, name=name)
    record = next(pool_map(run, [data], 1, failed=lambda _, err: fatal_result(name, err).to_record(), limits=limits))
    return FileResult.from_record(record)


def pool_map(fn: Callable, items: Iterable, jobs: int = 0, serial_below: int = 0, chunksize: int = 16, *,
             failed: Callable[[Any, loading.InputError], Any] | None = None, ordered: bool = False,
             limits: sandbox.Limits | None = None, in_process: Callable[[Any], bool] | None = None) -> Iterator:
    """fn over items in ``jobs`` worker processes with limits of their own (0: the CPU count; see
    gaischema.sandbox), results in completion order (``ordered``: in item order). An item whose worker hit a
    limit yields ``failed(item, InputError INPUT-TOO-COMPLEX)`` (without ``failed`` the error is raised). One
    worker for a list shorter than ``serial_below``; with one worker, items for which ``in_process`` is true run
    in this process instead (small, cheap ones: no fork), under the same limits (:func:`gaischema.sandbox.here`). ``items`` may be lazy: they are taken as they go."""
    jobs = jobs or os.cpu_count() or 1
    if isinstance(items, (list, tuple)) and len(items) < serial_below:
        jobs = 1
    if not hasattr(os, "fork"):  # pragma: no cover - Windows: no limited workers
        yield from map(fn, items)
        return
    limits = limits or sandbox.default_limits()
    on_limit = limit_handler(failed)
    with sandbox.Pool(fn, jobs, limits, batch=chunksize) as pool:
        if jobs == 1 and in_process is not None:
            for item in items:
                if in_process(item):  # no fork, the same limits (sandbox.here)
                    try:
                        with sandbox.here(limits):
                            value = fn(item)
                    except sandbox.LimitExceeded as exc:
                        value = on_limit(item, exc)
                    yield value
                else:
                    yield from pool.imap([item], on_limit)
        else:
            yield from pool.imap(items, on_limit, ordered)


def limit_handler(failed: Callable[[Any, loading.InputError], Any] | None) -> Callable:
    """What a sandbox pool calls for an item whose worker hit a limit: ``failed(item, InputError
    INPUT-TOO-COMPLEX naming the limit)``, or that error raised without ``failed``."""
    def on_limit(item, exc: sandbox.LimitExceeded):
        amount = {"memory": f"{exc.limits.memory // sandbox.MIB} MiB", "cpu": f"{exc.limits.cpu:g} s",
                  "wall": f"{exc.limits.wall:g} s"}.get(exc.limit, "")
        err = loading.too_complex(exc.limit, amount, exc.detail)
        if failed is None:
            raise err
        return failed(item, err)
    return on_limit


IN_PROCESS_BYTES = 1 << 20


def small_file(path: str) -> bool:
    """A file validate may check in its own process (at most IN_PROCESS_BYTES; real reports are ~16 KB): a
    larger one, and standard input, go to a limited worker."""
    try:
        return path != "-" and os.stat(path).st_size <= IN_PROCESS_BYTES
    except OSError:
        return True  # reading it fails at once, with its own message


def iter_results(files: Iterable[str], jobs: int = 0, limits: sandbox.Limits | None = None) -> Iterator[FileResult]:
    """Validate files in limited workers (see pool_map), yielding results as they complete."""
    warm()
    # workers send plain records (cheap to pickle, and the parent, which writes every result, stays light)
    for record in pool_map(validate_file_record, files, jobs, serial_below=2 * (jobs or os.cpu_count() or 1),
                           failed=_failed_record, limits=limits, in_process=small_file):
        yield FileResult.from_record(record)


def _failed_record(path: str, err: loading.InputError) -> dict:
    return fatal_result(path, err).to_record()


class CrossChecker:
    """Collects the projections of reports and cross-checks each organ's consecutive years at the end, and
    finds narrative sections copied from another report (same year, or the same organ's previous year).

    Projections wait in a temporary SQLite file, not in memory, so a corpus of any size fits. Near
    duplicates are found through the bands of each section's sketch (a locality-sensitive index): a report
    is compared only with a bounded number of the reports it shares a band with, never with all of them, so
    a template copied by thousands of reports costs time linear in their number (:meth:`_near`)."""

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="gaischema-cross-")
        self.db = sqlite3.connect(os.path.join(self._dir.name, "cross.sqlite"))
        self.db.execute("PRAGMA cache_size = -256")  # KiB: the page cache stays small whatever the corpus
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("CREATE TABLE p (code TEXT, organ TEXT, year INTEGER, seq INTEGER, file TEXT, proj TEXT, ord TEXT)")
        # {section: [sketch as text, band keys]}, one row a report; the band keys go into their own table at
        # the end, in SQLite (json_each), not row by row from Python
        self.db.execute("CREATE TABLE sk (seq INTEGER PRIMARY KEY, sketches TEXT)")
        # results held until the cross-report findings are known (see hold): one JSON record a row, on disk
        self.db.execute("CREATE TABLE held (seq INTEGER PRIMARY KEY, record TEXT)")
        self.pending: list[tuple] = []
        self.pending_sketches: list[tuple] = []
        self.seq = 0
        self._near_cache: tuple[list, list] | None = None

    def add(self, result: FileResult, order: str | None = None) -> None:
        """Keep a report's projection. Reports are taken in the order of ``order`` (default: the file name),
        not the order they arrive in, so that results do not depend on which worker finished first."""
        if result.projection is None or result.key is None or result.year is None:
            return
        self.seq += 1
        code, organ = result.key
        projection = dict(result.projection)
        sketches = projection.pop("sketches", None)
        self.pending.append((code, organ, result.year, self.seq, str(result.file),
                             json.dumps(projection, ensure_ascii=False), str(result.file) if order is None else order))
        if sketches:
            self.pending_sketches.append((self.seq, json.dumps(sketches)))
        if len(self.pending) >= 200:  # a small batch: memory stays flat, inserts stay batched
            self._flush()

    @staticmethod
    def takes(result: FileResult) -> bool:
        """Whether the cross-report rules read this result (an organ key, a year and a projection)."""
        return result.projection is not None and result.key is not None and result.year is not None

    def hold(self, result: FileResult, order: str | None = None) -> bool:
        """Add a result (see :meth:`add`) and keep it until :meth:`merged`, when the cross-report findings
        about it are known: one result per file. False, and nothing kept, for a result the cross-report
        rules do not read (it can be written at once). Held results are kept in the SQLite file, not in
        memory."""
        if not self.takes(result):
            return False
        self.add(result, order)
        record = result.to_record()
        record["projection"] = None
        self.db.execute("INSERT INTO held VALUES (?, ?)", (self.seq, json.dumps(record, ensure_ascii=False)))
        return True

    def merged(self) -> Iterator[tuple[FileResult, list[Finding]]]:
        """Each held result, in the order held, with the cross-report findings about its file merged into
        its findings (each naming the other report in ``previous``); and those cross-report findings alone,
        for the run's summary."""
        cross: dict[str, list[Finding]] = {}
        for file, finding, prev in itertools.chain(self.findings(), self.near_duplicates()):
            cross.setdefault(file, []).append(dataclasses.replace(finding, previous=prev))
        for (record,) in self.db.execute("SELECT record FROM held ORDER BY seq"):
            result = FileResult.from_record(json.loads(record))
            found = cross.pop(result.file, [])
            result.findings.extend(found)
            yield result, found

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?)", self.pending)
        self.db.executemany("INSERT INTO sk VALUES (?, ?)", self.pending_sketches)
        self.pending, self.pending_sketches = [], []

    def uses(self) -> list[tuple[str, str, int]]:
        """The distinct (division code, organ key, year) of the reports kept: what an organ resolution reads."""
        self._flush()
        # the index serves this query and agreement's look-ups (one a report, never a scan of all reports)
        self.db.execute("CREATE INDEX IF NOT EXISTS p_key ON p (code, organ, year, ord, seq)")
        return [tuple(r) for r in self.db.execute("SELECT DISTINCT code, organ, year FROM p ORDER BY code, organ, year")]

    def agreement(self, a: tuple[str, str, int], b: tuple[str, str, int]) -> float | None:
        """The share of the table cells that the first reports of two uses (code, organ, year) both hold and
        that agree; None when they share fewer than 20 filled cells. The evidence that two inputs are one report."""
        cells = []
        for code, organ, year in (a, b):
            row = self.db.execute("SELECT proj FROM p WHERE code = ? AND organ = ? AND year = ? ORDER BY ord, seq LIMIT 1",
                                  (code, organ, year)).fetchone()
            cells.append((json.loads(row[0]).get("cells") or {}) if row else {})
        both = [k for k, v in cells[0].items() if v is not None and cells[1].get(k) is not None]
        if len(both) < 20:
            return None
        return sum(cells[0][k] == cells[1][k] for k in both) / len(both)

    def set_identity(self, identities: dict[tuple[str, str, int], tuple[str, str]]) -> None:
        """Key the cross-report checks on resolved organs (gaischema.organs): {(code, organ key, year): (entry,
        chain)} — reports of one entry and year are copies of one report; one chain's years are compared, so
        that a renamed organ's years follow on. Reports not named keep their own key."""
        self.db.execute("DROP TABLE IF EXISTS ident")
        self.db.execute("CREATE TABLE ident (code TEXT, organ TEXT, year INTEGER, entry TEXT, chain TEXT, "
                        "PRIMARY KEY (code, organ, year))")
        self.db.executemany("INSERT INTO ident VALUES (?, ?, ?, ?, ?)",
                            [(*use, entry, chain) for use, (entry, chain) in identities.items()])
        self._near_cache = None

    def _identity_sql(self) -> tuple[str, str, str]:
        """(chain, entry) of a row of p: the resolved identity, else the organ key."""
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'ident'").fetchone():
            self.db.execute("CREATE TABLE ident (code TEXT, organ TEXT, year INTEGER, entry TEXT, chain TEXT, "
                            "PRIMARY KEY (code, organ, year))")
        return ("COALESCE(i.chain, p.code || char(0) || p.organ)", "COALESCE(i.entry, p.code || char(0) || p.organ)",
                "LEFT JOIN ident i ON i.code = p.code AND i.organ = p.organ AND i.year = p.year")

    def findings(self) -> Iterator[tuple[str, Finding, str]]:
        """(file, finding, other file) for every broken cross-report rule, organ by organ, year by year: the
        copies of one report (same organ identity and year) against the first copy read (XR-COPIES-DISAGREE),
        and each organ's report against its previous year's (of several copies, the first in order, see
        :meth:`add`). A year in which several organs of one chain published (a merger) is compared with none."""
        self._flush()
        eng = engine()
        chain, entry, join = self._identity_sql()
        rows = self.db.execute(f"SELECT {chain}, {entry}, p.year, p.file, p.proj FROM p {join} "
                               "ORDER BY 1, p.year, p.ord, p.seq")
        prev = None  # (chain, year, entries, file, projection) of the group before
        for (ident, year), group in itertools.groupby(rows, key=lambda r: (r[0], r[2])):
            group = list(group)  # the copies of one organ's year: a handful
            firsts: dict[str, tuple[str, dict]] = {}
            for _, ent, _, file, proj in group:
                if ent not in firsts:
                    firsts[ent] = (file, json.loads(proj))
                    continue
                first_file, first = firsts[ent]
                for f in eng.copies_check(json.loads(proj), first, first_file):
                    yield file, f, first_file
            file, this = firsts[group[0][1]]
            if prev and prev[0] == ident and prev[1] == year - 1 and len(prev[2]) == 1:
                for f in eng.cross_check(this, prev[4]):
                    yield file, f, prev[3]
            prev = (ident, year, set(firsts), file, this)

    def near_duplicates(self) -> Iterator[tuple[str, Finding, str]]:
        """(file, finding, other file): for each report and narrative section nearly the same as another
        report's, one finding naming the earliest report it was linked to (see :meth:`_near`)."""
        for rule, section, seq, other, sim in self._near()[0]:
            this_file = self._info(seq)[3]
            _, organ, year, file = self._info(other)
            yield this_file, engine().near_duplicate_finding(rule, section, sim, f"{file}（{organ} {year}）"), file

    def clusters(self) -> list[dict]:
        """The groups of reports of one year whose section is nearly the same, largest first: plain data
        ``{"rule", "section", "year", "members": [{"file", "organ", "year"}, ...]}``, members in the order read
        (the first is the earliest). Which organs publish the same text."""
        out = []
        for rule, section, year, seqs in self._near()[1]:
            members = [dict(zip(("file", "organ", "year"), (i[3], i[1], i[2]))) for i in map(self._info, seqs)]
            out.append({"rule": rule["id"], "section": section, "year": year, "members": members})
        return sorted(out, key=lambda c: (-len(c["members"]), c["section"], c["year"], c["members"][0]["file"]))

    def _order(self, seq: int) -> tuple:
        return self.db.execute("SELECT ord, seq FROM p WHERE seq = ?", (seq,)).fetchone()

    def _info(self, seq: int) -> tuple:
        return self.db.execute("SELECT code, organ, year, file FROM p WHERE seq = ?", (seq,)).fetchone()

    def _near(self) -> tuple[list[tuple], list[tuple]]:
        """Near-duplicate sections in time linear in the number of reports, computed once.

        Same year, other organs: the sections that share a band key form a bucket; each report is compared
        with the first ``candidates`` reports (in the order read) of every bucket it is in, never with all
        pairs, and a similarity at or above the threshold links the two. Linked reports form clusters
        (union–find): a template copied by a hundred towns is one cluster found with about one comparison a
        town. Same organ, adjacent years: the later report is compared with the one before it. A report gets
        one finding a section: the earliest report of its year it is linked to, else its previous year's."""
        if self._near_cache is not None:
            return self._near_cache
        self._flush()
        eng = engine()
        found: list[tuple] = []
        groups: list[tuple] = []
        if eng.near_duplicate:
            self.db.execute("CREATE INDEX IF NOT EXISTS p_seq ON p (seq)")
            chain, _, join = self._identity_sql()
            self.db.execute("DROP TABLE IF EXISTS band")
            self.db.execute(f"CREATE TABLE band AS SELECT s.key AS section, p.year AS year, b.value AS key, "
                            f"p.ord AS ord, sk.seq AS seq, {chain} AS organ "
                            f"FROM sk JOIN p ON p.seq = sk.seq {join}, json_each(sk.sketches) s, json_each(s.value, '$[1]') b")
            self.db.execute("CREATE INDEX band_order ON band (section, year, key, ord, seq)")
        for rule in eng.near_duplicate:
            threshold, k = float(rule["threshold"]), int(rule["candidates"])
            for section in eng.sections(rule):
                same_year, clusters = self._same_year(section, threshold, k)
                later = self._adjacent_years(section, threshold)
                for seq in sorted(set(same_year) | set(later)):
                    other, sim = same_year.get(seq) or later[seq]
                    found.append((rule, section, seq, other, sim))
                groups.extend((rule, section, year, seqs) for year, seqs in clusters)
        found.sort(key=lambda f: self._order(f[2]))
        self._near_cache = (found, groups)
        return self._near_cache

    def _sketch(self, seq: int, section: str) -> list[int]:
        row = self.db.execute("SELECT sketches FROM sk WHERE seq = ?", (seq,)).fetchone()
        return sketch_values(json.loads(row[0])[section][0])

    def _same_year(self, section: str, threshold: float, k: int) -> tuple[dict, list]:
        """{seq: (earliest linked seq, similarity)} and the clusters [(year, [seq, ...])] of one section.
        Reports are numbered here in their order (``n``; see :meth:`add`), so that "first" and "earliest" do
        not depend on the order the workers finished in."""
        parent: dict[int, int] = {}

        def find(x: int) -> int:
            root = x
            while parent.get(root, root) != root:
                root = parent[root]
            while x != root:  # path compression
                parent[x], x = root, parent[x]
            return root

        number: dict[int, int] = {}  # seq -> its rank in file order
        for n, (seq,) in enumerate(self.db.execute("SELECT DISTINCT seq FROM band WHERE section = ? ORDER BY ord, seq",
                                                   (section,))):
            number[seq] = n
        seq_of = {n: seq for seq, n in number.items()}
        best: dict[int, tuple[int, float]] = {}
        years: dict[int, int] = {}
        compared: dict[int, set[int]] = {}  # a pair shares several buckets: compared once
        bucket, firsts, cache = None, [], {}  # the current bucket's first reports and their sketches
        rows = self.db.execute("SELECT year, key, seq, organ FROM band WHERE section = ? ORDER BY year, key, ord, seq",
                               (section,))
        for year, key, seq, organ in rows:
            if (year, key) != bucket:
                bucket, firsts, cache = (year, key), [], {}
            me, mine = number[seq], None
            for first, first_organ in firsts:
                if first_organ == organ or first in compared.setdefault(me, set()):
                    continue  # the same organ's second report of a year; a pair already compared
                compared[me].add(first)
                if first not in cache:
                    cache[first] = self._sketch(seq_of[first], section)
                if mine is None:
                    mine = self._sketch(seq, section)
                sim = similarity(mine, cache[first])
                if sim >= threshold:
                    parent[find(me)] = find(first)
                    years[me] = years[first] = year
                    for this, other in ((me, first), (first, me)):
                        if this not in best or other < best[this][0]:
                            best[this] = (other, sim)
            if len(firsts) < k:
                firsts.append((me, organ))
        members: dict[int, list[int]] = {}
        for n in sorted(years):
            members.setdefault(find(n), []).append(n)
        links = {seq_of[n]: (seq_of[other], sim) for n, (other, sim) in best.items()}
        return links, [(years[m[0]], [seq_of[n] for n in m]) for m in members.values()]

    def _adjacent_years(self, section: str, threshold: float) -> dict[int, tuple[int, float]]:
        """{seq: (the same organ's previous-year seq, similarity)} for sections nearly (not word for word)
        the same as the previous year's; of several reports of an organ and year, the first one read."""
        out: dict[int, tuple[int, float]] = {}
        prev = None  # (organ, year, seq, sketch text, section value in the projection)
        chain, _, join = self._identity_sql()
        rows = self.db.execute(
            f"SELECT {chain}, p.year, p.seq, json_extract(sk.sketches, '$.\"' || ? || '\"[0]'), "
            f"json_extract(p.proj, '$.\"' || ? || '\"') FROM p {join} LEFT JOIN sk ON sk.seq = p.seq "
            "ORDER BY 1, p.year, p.ord, p.seq", (section, section))
        for organ, year, seq, sk, text in rows:
            if prev and (prev[0], prev[1]) == (organ, year):
                continue
            if prev and prev[0] == organ and prev[1] == year - 1 and sk and prev[3] and text != prev[4]:
                sim = similarity(sketch_values(sk), sketch_values(prev[3]))
                if sim >= threshold:
                    out[seq] = (prev[2], sim)
            prev = (organ, year, seq, sk, text)
        return out

    def results(self) -> Iterator[FileResult]:
        """The cross-report findings as one FileResult per report and previous year's report."""
        by_file: dict[tuple[str, str], list[Finding]] = {}
        for file, finding, prev in itertools.chain(self.findings(), self.near_duplicates()):
            by_file.setdefault((file, prev), []).append(finding)
        for (file, prev), findings in by_file.items():
            yield FileResult(file, [dataclasses.replace(f, previous=prev) for f in findings], previous=prev)

    def close(self) -> None:
        self.db.close()
        self._dir.cleanup()


def cross_check(instances: Iterable[Any]) -> list[tuple[int, Finding, int]]:
    """Cross-report findings over in-memory reports (dicts, dataclasses or pydantic models):
    a list of (index of the report, finding, index of the previous year's report, or for a near-duplicate
    section, of the other report)."""
    checker = CrossChecker()
    for i, obj in enumerate(instances):
        inst = to_instance(obj)
        key, year = organ_key(inst), inst.get("report_year")
        if key and isinstance(year, int):
            rejected = validate_rejecting(inst)[1] if isinstance(inst, dict) else set()
            checker.add(FileResult(str(i), key=list(key), year=year, projection=engine().projection(inst, rejected)),
                        f"{i:012d}")
    try:
        found = itertools.chain(checker.findings(), checker.near_duplicates())
        return [(int(i), f, int(j)) for i, f, j in found]
    finally:
        checker.close()


class Summary:
    """Counts for the end-of-run summary."""

    def __init__(self):
        self.files = self.valid = self.errors = self.warned = self.fatal = self.internal = 0
        self.cross_errors = self.cross_warnings = 0
        self.rules: Counter = Counter()

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.fatal:
            self.fatal += 1
            self.internal += any(f.rule == "INTERNAL-ERROR" for f in result.findings)
        elif not result.valid:
            self.errors += 1
        else:
            self.valid += 1
            if result.findings:
                self.warned += 1
        self.rules.update(f.rule for f in result.findings)

    def add_cross(self, result: FileResult) -> None:
        for finding in result.findings:
            self.rules[finding.rule] += 1
            if finding.severity == "error":
                self.cross_errors += 1
            else:
                self.cross_warnings += 1

    def add_merged(self, result: FileResult, cross: list[Finding]) -> None:
        """The cross-report findings ``cross`` merged into ``result`` (counted by :meth:`add` before they were
        known): counted as cross-report findings, and the file moved to the status its merged findings give."""
        self.add_cross(FileResult(result.file, cross))
        if not cross or result.fatal:
            return
        own = FileResult(result.file, result.findings[:len(result.findings) - len(cross)])
        if own.valid and not result.valid:
            self.valid -= 1
            self.warned -= bool(own.findings)
            self.errors += 1
        elif own.valid and not own.findings:
            self.warned += 1

    def text(self, top: int = 5) -> str:
        lines = [f"{self.files} 个文件 files: {self.valid} 有效 valid ({self.warned} 有警告 with warnings), "
                 f"{self.errors} 有错误 with errors, {self.fatal} 无法读取 unreadable"]
        if self.cross_errors or self.cross_warnings:
            lines.append(f"跨年度核对 cross-report: {self.cross_errors} 个错误 errors, "
                         f"{self.cross_warnings} 个警告 warnings")
        if self.rules:
            lines.append("最常见的规则 most frequent rules: " + ", ".join(f"{r} ×{n}" for r, n in self.rules.most_common(top)))
        return "\n".join(lines)


def progress_printer(total: int, stream) -> Callable[[int, str], None]:
    """A one-line progress bar on a terminal (done/total and a short status); nothing when the stream is not
    one."""
    if not (hasattr(stream, "isatty") and stream.isatty()) or total < 2:
        return lambda done, status: None
    step = max(1, total // 200)

    def show(done: int, status: str) -> None:
        if done % step and done != total:
            return
        width = 30
        filled = width * done // total
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {status}")
        if done == total:
            stream.write("\r" + " " * (width + 60) + "\r")
        stream.flush()

    return show
