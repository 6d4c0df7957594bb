"""One report's numbers, as the page aggregates them (:func:`facts`, read along the compiled model's rows), and
the :class:`Corpus` that sums them by year, organ, reason and source format as the results come in. A blank
cell is None here and never counts as 0."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from gaischema.corpus import Summary
from gaischema.model import Model, get
from gaischema.organs import Resolution
from gaischema.validate import FileResult

OUTCOMES = [("granted", "予以公开", "granted"), ("partially_granted", "部分公开", "granted in part"),
            ("denied", "不予公开", "refused"), ("unable", "无法提供", "unable to provide"),
            ("not_processed", "不予处理", "not processed"), ("other", "其他处理", "handled otherwise")]
TEXT_CHARS = 300  # an organ or note in the report table is cut to this many


class Packed(str):
    """A part of a row kept as its compact JSON text, not as Python objects: a report's numbers and its findings
    are 3 KB a row as dicts and lists, a few hundred bytes as text (100,000 rows: 300 MB against 50 MB). The page
    writes it into its data block as it is (:func:`gaischema.report.page.json_for_script`)."""

    @classmethod
    def of(cls, value: object) -> "Packed":
        return cls(json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def value(self) -> object:
        return json.loads(self)


def cut(text: str, n: int) -> str:
    """``text`` cut to ``n`` characters, with an ellipsis where it was cut."""
    return text if len(text) <= n else text[: n - 1] + "…"


def facts(instance: dict) -> dict:
    """The numbers of one report the page aggregates, read along the compiled model's rows (a blank cell is
    None, never 0; a value of the wrong type counts as blank: the validator reports it)."""
    model = Model.load()
    version = instance.get("format_version")
    if not isinstance(version, str) or version not in model.versions:
        return {}
    rows = model.rows(version, "三")

    def total(path):
        v = get(instance, f"{path}.total")
        return v if type(v) is int else None

    def group(prefix):
        values = [total(r.path) for r in rows if r.path.startswith(prefix)]
        return sum(values) if values and None not in values else None

    out: dict[str, Any] = {
        "organ": instance.get("organ") if isinstance(instance.get("organ"), str) else None,
        "received": total("applications.new_applications"),
        "carried_over": total("applications.carried_over"),
        "granted": total("applications.results.granted"),
        "partially_granted": total("applications.results.partially_granted"),
        "denied": group("applications.results.denied."),
        "unable": group("applications.results.unable."),
        "not_processed": group("applications.results.not_processed."),
        "other": group("applications.results.other_handling"),
        "answered": total("applications.results.results_total"),
        "reasons": {r.label: total(r.path) for r in rows if r.path.startswith("applications.results.denied.")},
    }
    cases = {}
    for r in model.rows(version, "四"):
        cases[r.path.rsplit(".", 1)[1]] = {k: get(instance, f"{r.path}.{k}") for k in ("upheld", "corrected", "other_result", "pending", "total")}
    out["cases"] = cases
    extraction = instance.get("extraction")
    if isinstance(extraction, dict):
        notes = extraction.get("notes")
        # the extractor writes note_kind (the schema's slot name)
        kinds = Counter(str(n.get("note_kind")) for n in notes if isinstance(n, dict) and n.get("note_kind")) \
            if isinstance(notes, list) else Counter()
        fmt = extraction.get("source_format")
        out["provenance"] = {"format": fmt if isinstance(fmt, str) else "?", "notes": dict(kinds),
                             "cell_count": len(model.cells(version))}
    return out


@dataclass
class Corpus:
    """What the page shows, aggregated as the results come in."""

    summary: Summary = field(default_factory=Summary)
    rows: list[dict] = field(default_factory=list)
    heat: Counter = field(default_factory=Counter)  # (organ, rule) -> findings
    by_year: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> numbers
    reasons: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> reason -> count
    cases: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> "group.result" -> count
    organs: dict = field(default_factory=lambda: defaultdict(Counter))  # (organ, year) -> numbers
    provenance: dict = field(default_factory=lambda: defaultdict(Counter))  # source format -> counts
    index: dict = field(default_factory=dict)  # file -> its row
    clusters: list = field(default_factory=list)  # near-duplicate clusters (CrossChecker.clusters), if known
    cached: int = 0  # files whose result came from the cache
    cpu: Counter = field(default_factory=Counter)  # CPU seconds per stage of the files done in this run
    write_errors: list = field(default_factory=list)  # outputs that could not be written (one line each)
    resolution: Resolution | None = None  # the organs resolved (gaischema.organs), once the run is done
    missing: list = field(default_factory=list)  # XR-NOT-PUBLISHED findings (roster organ, year)
    proposed_link: str | None = None  # the proposed roster written beside the page
    # the evaluator's review (gaischema.corrections): findings unreviewed, confirmed, misread; cells corrected
    review: Counter = field(default_factory=Counter)
    stale: list = field(default_factory=list)  # corrections and reviews whose file has changed: not applied
    confirmed_csv: str | None = None  # the link to the confirmed findings' CSV, when written

    def add(self, record: dict, extra: dict | None = None) -> FileResult:
        """One report's record (see :func:`file_records`); ``extra``: what the parent wrote for it (links)."""
        result = FileResult.from_record(record["result"])
        self.summary.add(result)
        f = record.get("facts") or {}
        organ = cut(f.get("organ") or "?", TEXT_CHARS)  # everywhere on the page: a 200,000-character organ is cut
        errors = sum(x.severity == "error" for x in result.findings)
        notes = record.get("notes") or {}
        reason = ""
        if result.fatal and result.findings:
            reason = f"{result.findings[0].rule} {result.findings[0].message} / {result.findings[0].message_en}"
        elif record.get("problem"):
            reason = record["problem"]
        row = {"seq": [len(self.rows), 0], "file": result.file, "format": record.get("format") or "?",
               "organ": organ, "year": result.year,
               "status": "unreadable" if result.fatal else "errors" if not result.valid
               else "warnings" if result.findings else "valid",
               "errors": errors, "warnings": len(result.findings) - errors,
               "rules": sorted({x.rule for x in result.findings}),
               "notes": cut(", ".join(f"{k} ×{n}" for k, n in sorted(notes.items())) or reason, TEXT_CHARS),
               "received": f.get("received"), "granted_share": share(f), "link": None, "source": None,
               "canonical": None, "copies": None, "key": result.key, **(extra or {})}
        if isinstance(row.get("findings"), list):
            row["findings"] = Packed.of(row["findings"])
        self.rows.append(row)
        self.index[result.file] = row
        for x in result.findings:
            self.heat[(organ, x.rule)] += 1
        # a year the schema rejects (1000, 1999: its report_year finding) is no axis of the charts
        if f and result.year is not None and not any(x.path == "report_year" for x in result.findings):
            numbers = {k: v for k, v in f.items() if k != "provenance"}
            row["facts"] = Packed.of(numbers)  # re-counted once copies are known
            self._aggregate(numbers, result.year, organ)
        if f.get("provenance"):
            p = f["provenance"]
            prov = self.provenance[p["format"]]
            prov["reports"] += 1
            prov["cell_count"] += p["cell_count"]
            for kind, n in p["notes"].items():
                prov[kind] += n
        return result

    def _aggregate(self, f: dict, year: int, organ: str) -> None:
        """One report's numbers into the totals by year, reason, case and organ (a blank figure is counted as
        missing, never added as 0: :func:`tally`)."""
        totals = self.by_year[year]
        totals["reports"] += 1
        for key in ("received", "carried_over", "answered", *(o for o, _, _ in OUTCOMES)):
            tally(totals, key, f.get(key))
        tally_share(totals, f)
        organ_year = self.organs[(organ, year)]
        organ_year["reports"] += 1
        for key in ("received", "answered", "granted", "partially_granted"):
            tally(organ_year, key, f.get(key))
        tally_share(organ_year, f)
        for reason_label, n in (f.get("reasons") or {}).items():
            if n is not None:
                self.reasons[year][reason_label] += n
        for grp, results in (f.get("cases") or {}).items():
            for k, n in results.items():
                if type(n) is int:
                    self.cases[year][f"{grp}.{k}"] += n

    def add_cross(self, result: FileResult) -> None:
        """A cross-report result: its findings count for the report it is about."""
        self.summary.add_cross(result)
        row = self.index[result.file]
        for x in result.findings:
            self.heat[(row.get("canonical") or row["organ"], x.rule)] += 1  # by canonical organ, as set_identity keys the rest
        row["rules"] = sorted(set(row["rules"]) | {x.rule for x in result.findings})
        row["copy_disagreements"] = row.get("copy_disagreements", 0) + sum(x.rule == "XR-COPIES-DISAGREE" for x in result.findings)
        row["warnings"] += sum(x.severity != "error" for x in result.findings)
        row["errors"] += sum(x.severity == "error" for x in result.findings)
        if row["status"] in ("valid", "warnings"):
            row["status"] = "errors" if any(x.severity == "error" for x in result.findings) else "warnings"

    def add_missing(self, result: FileResult) -> None:
        """The XR-NOT-PUBLISHED findings of a roster (they belong to no input's row)."""
        self.summary.add_cross(result)
        self.missing.extend(result.findings)

    def set_identity(self, res: Resolution) -> None:
        """Each row's canonical organ and, for the copies of one report (one organ and year), their number."""
        self.resolution = res
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for row in self.rows:
            key = row.get("key")
            ident = res.identities.get((key[0], key[1], row["year"])) if key and row["year"] is not None else None
            if ident is None:
                continue
            row["canonical"] = cut(ident.canonical, TEXT_CHARS)
            row["entry"] = ident.entry
            if ident.note:
                row["notes"] = cut("; ".join(x for x in (row["notes"], ident.note) if x), TEXT_CHARS)
            groups[(ident.entry, row["year"])].append(row)
        for rows in groups.values():
            for row in rows:
                row["copies"] = len(rows)
        # the numbers again, by canonical organ, each report once (its first copy read), not once a copy
        canonical = {row["organ"]: row["canonical"] for row in self.rows if row.get("canonical")}
        heat = Counter()
        for (organ, rule), n in self.heat.items():
            heat[(canonical.get(organ, organ), rule)] += n
        self.heat = heat
        self.by_year, self.reasons = defaultdict(Counter), defaultdict(Counter)
        self.cases, self.organs = defaultdict(Counter), defaultdict(Counter)
        seen = set()
        for row in sorted(self.rows, key=lambda r: r["seq"]):
            if row.get("facts") is None:
                continue
            group = (row.get("entry"), row["year"])
            if row.get("entry") is not None and group in seen:
                continue
            seen.add(group)
            self._aggregate(row["facts"].value(), row["year"], row.get("canonical") or row["organ"])

    def copies(self) -> list[dict]:
        """The reports published in several forms: organ, year, each copy (file, format, status) in order, and
        the cells in which the copies disagree (XR-COPIES-DISAGREE findings)."""
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for row in sorted(self.rows, key=lambda r: r["seq"]):
            if (row.get("copies") or 0) > 1:
                groups[(row["entry"], row["year"])].append(row)
        return [{"organ": rows[0]["canonical"], "year": year, "copies": rows,
                 "disagree": sum(r.get("copy_disagreements", 0) for r in rows)}
                for (_, year), rows in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1]))]

    def grid(self) -> dict | None:
        """The roster (or the proposed one) × year grid: for each organ and year of the run, ``published`` (a
        report without errors), ``errors``, ``unreadable``, ``missing`` (a roster organ that existed and has no
        report), ``none`` (no report; no roster to say it was due) or ``""`` (the organ did not exist)."""
        res = self.resolution
        if res is None or not res.identities:
            return None
        years = res.run_years()
        status: dict[tuple[str, int], str] = {}
        rank = {"unreadable": 1, "published": 2, "errors": 3}
        for row in self.rows:
            if row.get("entry") is None:
                continue
            st = {"valid": "published", "warnings": "published"}.get(row["status"], row["status"])
            k = (row["entry"], row["year"])
            if rank.get(st, 0) > rank.get(status.get(k, ""), 0):
                status[k] = st
        records = res.roster.records if res.roster else []
        organs = [(r.canonical_organ, r) for r in records] + [(e, None) for e in sorted(res.members)
                                                              if not res.roster or e not in res.roster.by_name]
        rows = []
        for organ, rec in organs:
            cells = []
            for y in years:
                if (organ, y) in status:
                    cells.append(status[(organ, y)])
                elif rec is not None:
                    cells.append("missing" if rec.existed(y) else "")
                else:
                    cells.append("none")
            rows.append({"organ": cut(organ, TEXT_CHARS), "on_roster": rec is not None if res.roster else None,
                         "cells": cells, "aliases": cut("、".join(m for m in res.members.get(organ, {}) if m != organ), TEXT_CHARS)})
        unknown = sum(1 for row in self.rows if row.get("entry") is None and row["status"] == "unreadable")
        return {"years": years, "rows": rows, "roster": res.roster.name if res.roster else None,
                "unlisted": res.unlisted, "unknown": unknown}

    def stages(self) -> str:
        """The CPU seconds of each stage of the work done in this run (not of results from the cache)."""
        if not self.cpu:
            return ""
        return "各阶段 CPU stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in self.cpu.items() if v >= 0.05)

    @property
    def failed(self) -> bool:
        """Some report has an error (its own or a cross-report one) or could not be read."""
        s = self.summary
        return bool(s.errors or s.fatal or s.cross_errors)


MISSING = "missing:"  # in a total's Counter: MISSING + key counts the reports whose figure is blank
COMPLETE = "complete:"  # in a total's Counter: the figures of the share, of the reports that give all of them


def tally(counter: Counter, key: str, value: int | None) -> None:
    """Add one report's figure to a total; a blank figure (a table or cell that could not be read) is counted
    as missing, never added as 0."""
    if value is None:
        counter[MISSING + key] += 1
    else:
        counter[key] += value


def missing(counter: Counter, key: str) -> int:
    """How many reports added to ``counter`` had no figure for ``key``."""
    return counter[MISSING + key]


def shown(counter: Counter, key: str) -> int | str | None:
    """A total as the page shows it: the sum when every report gave its figure; else the sum of those that did,
    saying how many reports' figures are blank (None when none gave one: nothing was read, nothing is 0)."""
    n = missing(counter, key)
    if not n:
        return counter[key]
    if key not in counter:
        return f"空白 blank ×{n}" if n > 1 else "空白 blank"
    return f"{counter[key]}（另 {n} 份空白 / +{n} blank）"


def tally_share(counter: Counter, f: dict) -> None:
    """Add one report to a total's share granted, only when the report gives all three figures it needs."""
    if all(type(f.get(k)) is int for k in ("answered", "granted", "partially_granted")):
        counter[COMPLETE + "answered"] += f["answered"]
        counter[COMPLETE + "granted"] += f["granted"] + f["partially_granted"]


def share(f: dict) -> float | None:
    """予以公开 and 部分公开 as a share of 办结: of one report's facts; or of a total (a Counter), over the reports
    that give all three figures. None when there is nothing to divide by."""
    if isinstance(f, Counter):
        answered = f[COMPLETE + "answered"]
        return round(100 * f[COMPLETE + "granted"] / answered, 1) if answered else None
    if not f or not f.get("answered") or f.get("granted") is None or f.get("partially_granted") is None:
        return None
    return round(100 * (f["granted"] + f["partially_granted"]) / f["answered"], 1)
