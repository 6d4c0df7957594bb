"""One report's numbers, as the page aggregates them (:func:`facts`, read along the compiled model's rows), and
the :class:`Corpus` that sums them by year, organ, reason and source format as the results come in. A blank
cell is None here and never counts as 0."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from gaischema.corpus import Summary
from gaischema.model import Model, get
from gaischema.validate import FileResult

OUTCOMES = [("granted", "予以公开", "granted"), ("partially_granted", "部分公开", "granted in part"),
            ("denied", "不予公开", "refused"), ("unable", "无法提供", "unable to provide"),
            ("not_processed", "不予处理", "not processed"), ("other", "其他处理", "handled otherwise")]
TEXT_CHARS = 300  # an organ or note in the report table is cut to this many


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
               **(extra or {})}
        self.rows.append(row)
        self.index[result.file] = row
        for x in result.findings:
            self.heat[(organ, x.rule)] += 1
        if f and result.year is not None:
            year = self.by_year[result.year]
            year["reports"] += 1
            for key in ("received", "carried_over", "answered", *(o for o, _, _ in OUTCOMES)):
                if f.get(key) is not None:
                    year[key] += f[key]
            organ_year = self.organs[(organ, result.year)]
            for key in ("received", "answered", "granted", "partially_granted"):
                if f.get(key) is not None:
                    organ_year[key] += f[key]
            for reason_label, n in (f.get("reasons") or {}).items():
                if n is not None:
                    self.reasons[result.year][reason_label] += n
            for grp, results in (f.get("cases") or {}).items():
                for k, n in results.items():
                    if type(n) is int:
                        self.cases[result.year][f"{grp}.{k}"] += n
        if f.get("provenance"):
            p = f["provenance"]
            prov = self.provenance[p["format"]]
            prov["reports"] += 1
            prov["cell_count"] += p["cell_count"]
            for kind, n in p["notes"].items():
                prov[kind] += n
        return result

    def add_cross(self, result: FileResult) -> None:
        """A cross-report result: its findings count for the report it is about."""
        self.summary.add_cross(result)
        row = self.index[result.file]
        for x in result.findings:
            self.heat[(row["organ"], x.rule)] += 1
        row["rules"] = sorted(set(row["rules"]) | {x.rule for x in result.findings})
        row["warnings"] += sum(x.severity != "error" for x in result.findings)
        row["errors"] += sum(x.severity == "error" for x in result.findings)
        if row["status"] in ("valid", "warnings"):
            row["status"] = "errors" if any(x.severity == "error" for x in result.findings) else "warnings"

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


def share(f: dict) -> float | None:
    if not f or not f.get("answered") or f.get("granted") is None or f.get("partially_granted") is None:
        return None
    return round(100 * (f["granted"] + f["partially_granted"]) / f["answered"], 1)
