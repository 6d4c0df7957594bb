"""Who published what: one identity per organ, the roster of who must publish, and the copies of one report.

Reports print their organ as their writers do: ``平潭综合实验区管委会办公室`` in a crawler's header, ``平潭综合实验区
管理委员会办公室`` in the Word file, ``平潭综合实验区`` in the title; ``区财政金融局`` beside ``平潭综合实验区财政金融局``.
Keyed on the printed name, one organ becomes several: its years are never compared, the copies of one report
look like different organs, and nobody can say who did not publish. This module resolves every printed name to
one canonical organ:

1. **The name as people read it** — :func:`gaischema.corpus.organ_key`'s normalisation (NFKC: full and half
   width alike; invisible characters, spaces and punctuation removed), reused, not rewritten.
2. **The abbreviations real reports use**, expanded (:data:`ABBREVIATIONS`: ``管委会`` → ``管理委员会``, ``市政府`` →
   ``市人民政府`` …), then the **government words** dropped to a key (``X人民政府`` and ``X区管理委员会`` stand for
   the place X; ``X人民政府办公室`` is ``X办公室``): two names with one key are one organ, and a note says which
   alias was used.
3. **A place's prefix** kept or dropped: ``区财政金融局`` is the ``财政金融局`` of the one ``…区`` that has one
   (in the roster, or else in the corpus); with several such districts it stays unresolved, with a note.
4. **The office that publishes its government's report**: ``X办公室`` with a report of the same year as ``X``
   whose table cells agree (the caller's ``same_report``: at least 90 % of the cells both hold) is a copy of
   ``X``'s report, not a report of its own (the 办公室 is the 发布机构 of the government's report).

With a **roster** (:class:`Roster`, ``--organs FILE``, the schema's ``OrganRoster``) the index is the roster's
names and aliases, so resolution is exact; a report whose organ is on no record is listed; an organ of the roster
with no report in a year of the run is ``XR-NOT-PUBLISHED``; a renamed organ's successor carries its identity
across the years. Without a roster the clusters of the corpus are **proposed** as one (:meth:`Resolution.
proposed_csv`) for the evaluator to correct and pass back.

Why linear: every step is a lookup in a dictionary keyed by a normalised string (a name's key, a prefix's tail,
an office's government) — no name is compared with all the others, so 10,000 reports cost 10,000 lookups
(benchmarks/organs.py).
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from gaischema import loading
from gaischema.corpus import CrossChecker, organ_key
from gaischema.validate import FileResult, engine

# (printed, full): abbreviations of real reports, expanded before keys are compared (in this order)
ABBREVIATIONS = [
    ("管委会", "管理委员会"),
    ("省政府", "省人民政府"), ("市政府", "市人民政府"), ("县政府", "县人民政府"), ("区政府", "区人民政府"),
    ("州政府", "州人民政府"), ("旗政府", "旗人民政府"), ("镇政府", "镇人民政府"), ("乡政府", "乡人民政府"),
    ("街道办$", "街道办事处"),
]
_FULL = {a.rstrip("$"): b for a, b in ABBREVIATIONS}
_ABBREV = re.compile("|".join(a if a.endswith("$") else re.escape(a) for a, _ in ABBREVIATIONS))  # one pass
PLACE_ENDS = "省市县区州旗盟镇乡"  # the last character of a place's name (街道: 街道办事处 is an organ's name)
# the government words dropped from a key: 人民政府 after a place, 管理委员会 after a 区 (实验区, 开发区, 新区)
_GOVERNMENT = re.compile(f"(?<=[{PLACE_ENDS}])人民政府|(?<=区)管理委员会")
OFFICES = ("办公室", "办公厅")
SAME_REPORT_SHARE = 0.9  # the share of cells both copies hold that must agree for an office's report to be a copy


class RosterError(loading.InputError):
    """A roster that cannot be read or makes no sense (exit 2, one line)."""


def normal(name: object) -> str:
    """The organ name as people read it (gaischema.corpus.organ_key's normalisation); '' for no name."""
    key = organ_key({"organ": name}) if isinstance(name, str) else None
    return key[1] if key else ""


def expand(name: str) -> tuple[str, list[str]]:
    """A normalised name with its abbreviations written out, and the abbreviations used."""
    used: list[str] = []

    def full(m: re.Match) -> str:
        used.append(f"{m.group(0)}→{_FULL[m.group(0)]}")
        return _FULL[m.group(0)]

    return _ABBREV.sub(full, name), used


def name_key(name: str) -> tuple[str, list[str]]:
    """The key two spellings of one organ share: normalised, abbreviations expanded, government words dropped
    (``平潭综合实验区管委会`` and ``平潭综合实验区`` → ``平潭综合实验区``), and what was done to get it."""
    full, used = expand(normal(name))
    return _GOVERNMENT.sub("", full), used


def is_place(key: str) -> bool:
    """A key that is a place's name, which stands for its government (``北仑区``, ``平潭综合实验区``)."""
    return len(key) >= 2 and key[-1] in PLACE_ENDS


def _tails(key: str) -> Iterable[str]:
    """The prefix forms of a full name: ``平潭综合实验区财政金融局`` → ``区财政金融局`` (the district's). Bounded by
    the few place characters of one name."""
    for i, ch in enumerate(key[:-1]):
        if ch in "区县市" and i > 0 and not is_place(key[i + 1:]):
            yield key[i:]


# ------------------------------------------------------------------------------------------------ the roster
LEVELS = {"省": "province", "市": "city", "县": "county", "乡": "township"}
KINDS = {"人民政府": "government", "部门": "department", "片区": "zone"}
COLUMNS = ["canonical_organ", "organ_aliases", "division_code", "organ_level", "roster_kind", "parent_organ",
           "first_year", "last_year", "successor_organ"]


@dataclass
class OrganRecord:
    """One organ of a roster (the schema's OrganRecord)."""

    canonical_organ: str
    organ_aliases: list[str] = field(default_factory=list)
    division_code: str | None = None
    organ_level: str | None = None
    roster_kind: str | None = None
    parent_organ: str | None = None
    first_year: int | None = None
    last_year: int | None = None
    successor_organ: str | None = None

    def existed(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (self.last_year is None or year <= self.last_year)

    def row(self) -> list[str]:
        return [self.canonical_organ, ";".join(self.organ_aliases), self.division_code or "",
                {v: k for k, v in LEVELS.items()}.get(self.organ_level or "", ""),
                {v: k for k, v in KINDS.items()}.get(self.roster_kind or "", ""), self.parent_organ or "",
                "" if self.first_year is None else str(self.first_year),
                "" if self.last_year is None else str(self.last_year), self.successor_organ or ""]


class Roster:
    """The organs that must publish, indexed by every key their names and aliases give. Built from records;
    :func:`load_roster` reads one from CSV or YAML."""

    def __init__(self, records: list[OrganRecord], name: str = "roster"):
        self.records = records
        self.name = name
        self.by_name = {}
        for r in records:
            if r.canonical_organ in self.by_name:
                raise RosterError("INPUT-ROSTER", f"名录中机关重复：{r.canonical_organ}",
                                  f"the roster names {r.canonical_organ} twice")
            self.by_name[r.canonical_organ] = r
        self.index: dict[str, OrganRecord] = {}
        derived: dict[str, set[str]] = defaultdict(set)
        for r in records:
            for alias in [r.canonical_organ, *r.organ_aliases]:
                key = name_key(alias)[0]
                other = self.index.get(key)
                if other is not None and other is not r:
                    raise RosterError("INPUT-ROSTER", f"名录中两个机关名称相同：{other.canonical_organ}、{r.canonical_organ}（{alias}）",
                                      f"two organs of the roster share a name: {other.canonical_organ}, "
                                      f"{r.canonical_organ} ({alias})")
                self.index[key] = r
                for tail in _tails(key):
                    derived[tail].add(r.canonical_organ)
            parent = self.by_name.get(r.parent_organ or "")
            own = name_key(r.canonical_organ)[0]
            if parent is not None and own[:1] in "区县市":  # 区财政局 under 平潭综合实验区: kept by the parent's name
                pkey = name_key(parent.canonical_organ)[0]
                if pkey.endswith(own[0]):
                    derived.pop(own, None)
                    self.index.setdefault(pkey + own[1:], r)
        # a prefix form is an alias only where it names one organ (two districts' 区财政局 name none)
        self.tails = {t: self.by_name[next(iter(names))] for t, names in derived.items() if len(names) == 1}
        self.ambiguous_tails = {t: sorted(names) for t, names in derived.items() if len(names) > 1}
        self._last: dict[str, OrganRecord] = {}  # each organ's last successor, found once: linear however long
        for r in records:
            path, seen, head = [], set(), r
            while head.successor_organ and head.canonical_organ not in self._last:
                if head.canonical_organ in seen or head.successor_organ not in self.by_name:
                    raise RosterError("INPUT-ROSTER", f"名录中继任机关无效：{head.canonical_organ} → {head.successor_organ}",
                                      f"the roster's successor of {head.canonical_organ} is not an organ of the "
                                      f"roster, or successors loop: {head.successor_organ}")
                path.append(head.canonical_organ)
                seen.add(head.canonical_organ)
                head = self.by_name[head.successor_organ]
            last = self._last.get(head.canonical_organ, head)
            for name in path:
                self._last[name] = last

    def chain(self, record: OrganRecord) -> OrganRecord:
        """The organ a record's identity continues in: its last successor (a rename, a merger)."""
        return self._last.get(record.canonical_organ, record)


def _year(value: object, what: str, organ: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        year = None
    if year is None or not 1000 <= year <= 9999:
        raise RosterError("INPUT-ROSTER", f"名录中 {organ} 的 {what} 不是年份：{value}",
                          f"the roster's {what} of {organ} is not a year: {value}")
    return year


def _choice(value: object, table: dict[str, str], what: str, organ: str) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if text in table:
        return table[text]
    if text in table.values():
        return text
    raise RosterError("INPUT-ROSTER", f"名录中 {organ} 的 {what} 无效：{text}（可用：{'、'.join(table)}）",
                      f"the roster's {what} of {organ} is not one of {', '.join(table)}: {text}")


def record_from(row: dict) -> OrganRecord:
    """One roster record from a mapping (a CSV row, a YAML mapping) with the OrganRecord slots as keys."""
    unknown = [k for k in row if k not in COLUMNS]
    name = str(row.get("canonical_organ") or "").strip()
    if unknown:
        raise RosterError("INPUT-ROSTER", f"名录中有未定义的列：{'、'.join(map(str, unknown))}（可用：{'、'.join(COLUMNS)}）",
                          f"the roster has columns the schema does not define: {', '.join(map(str, unknown))} "
                          f"(OrganRecord: {', '.join(COLUMNS)})")
    if not name:
        raise RosterError("INPUT-ROSTER", "名录中有一行没有 canonical_organ", "a roster row has no canonical_organ")
    aliases = row.get("organ_aliases") or []
    if isinstance(aliases, str):
        aliases = [a.strip() for a in re.split(r"[;；|]", aliases) if a.strip()]
    code = row.get("division_code")
    code = str(code).strip() if code not in (None, "") else None
    if code is not None and not re.fullmatch(r"[0-9]{6}", code):
        raise RosterError("INPUT-ROSTER", f"名录中 {name} 的行政区划代码不是六位数字：{code}",
                          f"the roster's division_code of {name} is not six digits: {code}")
    return OrganRecord(name, [str(a) for a in aliases], code, _choice(row.get("organ_level"), LEVELS, "organ_level", name),
                       _choice(row.get("roster_kind"), KINDS, "roster_kind", name),
                       str(row.get("parent_organ") or "").strip() or None,
                       _year(row.get("first_year"), "first_year", name), _year(row.get("last_year"), "last_year", name),
                       str(row.get("successor_organ") or "").strip() or None)


MAX_RECORDS = 20_000  # a province's organs are some thousands; each costs a row per year on the page


def load_roster(path: str) -> Roster:
    """A roster from a CSV file (a header row of OrganRecord slots) or a YAML/JSON file (an OrganRoster: a
    mapping with ``organs``, or a list of records). Raises RosterError (an InputError) on what it cannot read."""
    text = loading.decode(loading.read_bytes(path))
    if path.lower().endswith((".csv", ".tsv")):
        try:
            rows = list(itertools.islice(csv.DictReader(io.StringIO(text), delimiter="\t" if path.lower().endswith(
                ".tsv") else ","), MAX_RECORDS + 1))
        except csv.Error as e:  # a field over csv's limit (128 KiB), a broken quote
            raise RosterError("INPUT-ROSTER", f"名录不是可读的 CSV：{e}", f"the roster is no readable CSV: {e}") from None
    else:
        try:
            data = loading.parse(text, path)
        except loading.InputError as err:
            if err.rule != "INPUT-NOT-REPORT":
                raise
            data = loading.load_yaml(text)  # a list of records at the top
        rows = data.get("organs") if isinstance(data, dict) else data
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise RosterError("INPUT-ROSTER", "名录应为机关记录的列表（organs: [...]）",
                              "a roster is a list of organ records (organs: [...])")
    if not rows:
        raise RosterError("INPUT-ROSTER", "名录为空", "the roster is empty")
    if len(rows) > MAX_RECORDS:
        raise RosterError("INPUT-TOO-LARGE", f"名录的机关过多（上限 {MAX_RECORDS} 个）",
                          f"the roster has too many organs (the limit is {MAX_RECORDS})")
    return Roster([record_from(r) for r in rows], os.path.basename(path))


# ------------------------------------------------------------------------------------------------ resolution
@dataclass
class Identity:
    """What one printed organ of one year resolves to. ``entry``: the organ (its canonical name: copies of one
    report share it); ``chain``: the identity across years (the last successor's); ``note``: how it was
    resolved when not word for word (an alias, a prefix, the office of its government)."""

    canonical: str
    entry: str
    chain: str
    division_code: str | None = None
    note: str = ""
    on_roster: bool | None = None  # None: no roster


@dataclass
class Resolution:
    """The identities of a corpus's organ names, and what the page and the roster proposal show."""

    identities: dict[tuple[str, str, int], Identity]
    roster: Roster | None
    members: dict[str, Counter]  # entry -> printed (normalised) names -> reports
    years: dict[str, set[int]]  # entry -> years with a report
    clusters: dict[str, dict] = field(default_factory=dict)  # entry -> {code, kind, level, parent}

    @property
    def unlisted(self) -> list[str]:
        """The organs of reports that are on no record of the roster (empty without a roster)."""
        return sorted({i.entry for i in self.identities.values() if i.on_roster is False})

    def run_years(self) -> list[int]:
        return sorted({y for _, _, y in self.identities})

    def missing(self) -> list[tuple[str, int]]:
        """(organ, year) of every roster organ with no report in a year of the run in which it existed."""
        if self.roster is None:
            return []
        years = self.run_years()
        return [(r.canonical_organ, y) for r in self.roster.records for y in years
                if r.existed(y) and y not in self.years.get(r.canonical_organ, ())]

    def proposed(self) -> list[OrganRecord]:
        """The roster gaischema proposes from the corpus: one record a cluster of spellings, each member listed
        as an alias (with a roster: the roster's records, and one for each organ not on it)."""
        out = list(self.roster.records) if self.roster else []
        for entry in sorted(self.members):
            if self.roster and entry in self.roster.by_name:
                continue
            info = self.clusters.get(entry, {})
            name = info.get("name") or entry
            aliases = [m for m, _ in sorted(self.members[entry].items(), key=lambda kv: (-kv[1], kv[0])) if m != name]
            out.append(OrganRecord(name, aliases, info.get("code") or None, info.get("level"), info.get("kind"),
                                   info.get("parent")))
        return out

    def proposed_csv(self) -> str:
        """The proposed roster as CSV (the OrganRecord slots as columns, aliases joined with ;), to correct and
        pass back with ``--organs``."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in self.proposed():
            w.writerow([_cell(v) for v in r.row()])
        return buf.getvalue()


def _cell(v: str) -> str:
    """A CSV cell that never becomes a live formula in a spreadsheet (as gaischema's exports write them)."""
    return "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v


def _guess(key: str, keys: set[str]) -> dict:
    """What a proposal can say of a cluster from its name: kind, level (a government's), parent (the longest
    place of the corpus its name begins with)."""
    if is_place(key):
        kind = "zone" if key.endswith(("实验区", "开发区", "新区", "园区", "片区")) else "government"
        level = {"省": "province", "市": "city", "州": "city", "盟": "city", "县": "county", "区": "county",
                 "旗": "county", "镇": "township", "乡": "township"}[key[-1]]
        return {"kind": kind, "level": level}
    parent = next((key[: i + 1] for i in range(len(key) - 2, 0, -1) if key[i] in PLACE_ENDS and key[: i + 1] in keys), None)
    return {"kind": "department", "parent": parent}


def resolve(uses: Iterable[tuple[str, str, int]], roster: Roster | None = None,
            same_report: Callable[[tuple[str, str, int], tuple[str, str, int]], float | None] | None = None) -> Resolution:
    """Resolve every (division code, printed organ, year) of a corpus to an :class:`Identity`.

    ``same_report(a, b)``: the share of the table cells both reports of ``a`` and ``b`` hold that agree (None:
    nothing to compare) — the evidence that an office's report is a copy of its government's. Linear: each use
    is a few dictionary lookups."""
    uses = list(dict.fromkeys(uses))
    names = {}  # printed -> (normalised, (key, abbreviations), written out): once a distinct name
    for name in {u[1] for u in uses}:
        n = normal(name)
        names[name] = (n, name_key(name), expand(n)[0])
    keyed = {u: names[u[1]][1] for u in uses}
    # the corpus's own clusters: one a key (with its division code when printed)
    by_key: dict[tuple[str, str], list] = defaultdict(list)
    for u in uses:
        by_key[(u[0], keyed[u][0])].append(u)
    corpus_keys = {k for _, k in by_key}
    corpus_tails: dict[str, set[str]] = defaultdict(set)
    for k in corpus_keys:
        for t in _tails(k):
            corpus_tails[t].add(k)
    year_keys = {(keyed[u][0], u[2]) for u in uses}
    by_code: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> the (code, key) clusters it has
    for code, k in by_key:
        by_code[k].append((code, k))
    by_key_year: dict[tuple[str, int], list] = defaultdict(list)
    for u in uses:
        by_key_year[(keyed[u][0], u[2])].append(u)

    # a cluster's canonical name: its spelling used most, written out (abbreviations expanded), longest on a tie
    spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for u in uses:
        spellings[(u[0], keyed[u][0])][names[u[1]][2]] += 1

    def label(code: str, key: str) -> str:
        names = spellings.get((code, key))
        return min(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0] if names else key

    identities: dict[tuple[str, str, int], Identity] = {}
    for u in uses:
        code, printed, year = u
        key, used = keyed[u]
        notes = [f"简称 abbreviation: {', '.join(used)}"] if used else []
        target = key
        if roster is not None:
            rec = roster.index.get(key)
            if rec is None and key in roster.tails:
                rec = roster.tails[key]
                notes.append(f"简称 short form of {rec.canonical_organ}")
            elif rec is None and key in roster.ambiguous_tails:
                notes.append(f"无法确定 ambiguous: {'、'.join(roster.ambiguous_tails[key])}")
            if rec is None:
                rec = _office_of(u, key, year, by_key_year, same_report, roster.index.get, notes)
            if rec is not None:
                head = roster.chain(rec)
                if names[printed][0] != rec.canonical_organ:
                    notes.insert(0, f"别称 alias of {rec.canonical_organ}")
                identities[u] = Identity(rec.canonical_organ, rec.canonical_organ, head.canonical_organ,
                                         rec.division_code or code or None, "; ".join(notes), True)
                continue
        else:
            if key[:1] in "区县市" and not is_place(key) and key in corpus_tails:
                fulls = corpus_tails[key] - {key}
                if len(fulls) == 1:
                    target = next(iter(fulls))
                    notes.append(f"简称 short form of {target}")
                elif fulls:
                    notes.append(f"无法确定 ambiguous: {'、'.join(sorted(fulls))}")
            office = _office_of(u, key, year, by_key_year, same_report,
                                lambda k, y=year: k if (k, y) in year_keys else None, notes)
            if office is not None:
                target = office
        code_of = code if (code, target) in spellings else next((c for c, k in by_code.get(target, ())), code)
        name = label(code_of, target)
        if names[printed][0] != name:
            notes.insert(0, f"别称 alias of {name}")
        entry = f"{name}（{code_of}）" if code_of else name  # one name in two places (行政区划代码) is two organs
        identities[u] = Identity(name, entry, entry, code_of or None, "; ".join(notes), False if roster else None)
    members: dict[str, Counter] = defaultdict(Counter)
    years: dict[str, set[int]] = defaultdict(set)
    first: dict[str, Identity] = {}
    for u, ident in identities.items():
        members[ident.entry][u[1]] += 1
        years[ident.entry].add(u[2])
        first.setdefault(ident.entry, ident)
    places = {keyed[u][0] for u in uses if is_place(keyed[u][0])}
    clusters = {e: {**_guess(name_key(i.canonical)[0], places), "code": i.division_code, "name": i.canonical}
                for e, i in first.items()}
    return Resolution(identities, roster, dict(members), dict(years), clusters)


def _office_of(use: tuple[str, str, int], key: str, year: int, by_key_year: dict, same_report, lookup: Callable,
               notes: list[str]):
    """The government whose report an office's report (``X办公室`` of year Y) is a copy of: X has a report of
    year Y and the two reports' cells agree (see :data:`SAME_REPORT_SHARE`); else None."""
    if same_report is None or not key.endswith(OFFICES) or not is_place(key[:-3]):
        return None
    target = lookup(key[:-3])
    if target is None:
        return None
    for other in by_key_year.get((key[:-3], year), []):
        share = same_report(use, other)
        if share is not None and share >= SAME_REPORT_SHARE:
            notes.append(f"{key[-3:]}发布的本级政府报告 the office's copy of {key[:-3]}'s report "
                         f"({round(100 * share)}% of the cells agree)")
            return target
    return None


def apply(checker: CrossChecker, roster: Roster | None = None) -> Resolution:
    """Resolve the organs of a :class:`gaischema.corpus.CrossChecker`'s reports and key its cross-report checks
    on the identities (copies of one report by entry and year, years along the chain); the resolution."""
    res = resolve(checker.uses(), roster, checker.agreement)
    checker.set_identity({u: (i.entry, i.chain) for u, i in res.identities.items()})
    return res


def not_published(res: Resolution) -> list[FileResult]:
    """XR-NOT-PUBLISHED findings, one a roster organ and year without a report: a FileResult named after the
    roster (the findings belong to no input file)."""
    missing = res.missing()
    if not missing:
        return []
    eng = engine()
    return [FileResult(res.roster.name if res.roster else "roster",
                       [eng.not_published_finding(organ, year) for organ, year in missing])]
