"""Corpus validation: parallel, streamed, summarised; cross-report rules; the synthetic corpus's injected
errors are found exactly."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import EXAMPLES, examples, gaischema, gaischema_json, intended_rule, load
from gaischema import corpus, synthetic


@pytest.fixture(scope="module")
def synthetic_corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / "reports"
    injected = synthetic.generate(150, out, error_share=0.3, seed=11, narrative=400)
    return out, injected


def _findings_by_name(reports):
    got = {}
    for r in reports:
        name = r["file"].rsplit("/", 1)[-1]
        got.setdefault(name, []).extend([f["rule"], f["path"]] for f in r["findings"])
    return {k: sorted(v) for k, v in got.items() if v}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_injected_error_is_found_and_nothing_else(synthetic_corpus, jobs):
    out, injected = synthetic_corpus
    assert len(injected) > 20
    code, reports = gaischema_json("validate", str(out), "-j", jobs)
    assert len(reports) == len({r["file"] for r in reports}) == 150  # one result per file
    assert _findings_by_name(reports) == {k: sorted(v) for k, v in injected.items()}
    assert code == 1


def test_series_pass_the_cross_report_rules(synthetic_corpus):
    out, _ = synthetic_corpus
    code, reports = gaischema_json("validate", str(out))
    assert not [f for r in reports for f in r["findings"] if "previous" in f]
    series = {}
    for p in out.glob("*.yaml"):
        series.setdefault(p.name.split("-")[0], []).append(p)
    assert max(len(v) for v in series.values()) >= 3  # organs have consecutive years, so the rules did run


def test_cross_report_examples_break_exactly_their_rule():
    code, reports = gaischema_json("validate", str(EXAMPLES / "cross"))
    assert code == 1  # XR-CARRY-OVER is an error
    by_file = {r["file"]: r for r in reports}
    assert len(by_file) == len(reports) == 10  # one result per file: cross-report findings in the file's own entry
    for p in examples("cross"):
        rule = intended_rule(p, required=False)
        r = by_file[str(p)]
        if rule is None:
            assert r["valid"] and not r["findings"]
            continue
        assert {f["rule"] for f in r["findings"]} == {rule}
        # the previous year's report; for a copy, the first copy of the same report
        other = str(p).replace("2023-2", "2023-1") if "-2023-2" in p.name else str(p).replace("2023", "2022")
        assert all(f["previous"] == other for f in r["findings"])
        assert r["valid"] == (rule != "XR-CARRY-OVER")  # an error of a cross-report rule makes the file invalid
    # the summary counts each file once, by its merged findings: jia-2023's XR-CARRY-OVER error, four warnings
    summary = gaischema("validate", str(EXAMPLES / "cross"), "--format", "json").stderr.decode()
    assert "10 个文件 files: 9 有效 valid (4 有警告 with warnings), 1 有错误 with errors" in summary


def test_cross_check_python_api():
    reports = [load(p) for p in examples("cross")]
    found = corpus.cross_check(reports)
    names = [p.name for p in examples("cross")]
    got = {(names[i], f.rule, names[j]) for i, f, j in found}
    assert got == {("AnnualReport-jia-2023.yaml", "XR-CARRY-OVER", "AnnualReport-jia-2022.yaml"),
                   ("AnnualReport-yi-2023.yaml", "XR-IN-FORCE", "AnnualReport-yi-2022.yaml"),
                   ("AnnualReport-bing-2023.yaml", "XR-NARRATIVE-REPEAT", "AnnualReport-bing-2022.yaml"),
                   ("AnnualReport-ding-2023.yaml", "XR-NARRATIVE-SIMILAR", "AnnualReport-ding-2022.yaml"),
                   ("AnnualReport-wu-2023-2.yaml", "XR-COPIES-DISAGREE", "AnnualReport-wu-2023-1.yaml")}
    assert corpus.cross_check(reports[:1]) == []
    assert not corpus.cross_check([r for r in reports if r["organ"] != "甲县统计局"] + [reports[0]]) == []


def test_no_cross_flag():
    code, reports = gaischema_json("validate", str(EXAMPLES / "cross"), "--no-cross")
    assert code == 0 and not any(r["findings"] for r in reports)


def test_organ_key_normalises_names():
    a = corpus.organ_key({"organ": "北仑区 统计局", "division_code": "330206"})
    b = corpus.organ_key({"organ": "北仑区统计局（", "division_code": "330206"})
    assert a == b == ("330206", "北仑区统计局")
    assert corpus.organ_key({"organ": "北仑区统计局"}) != a
    assert corpus.organ_key({}) is None


def test_csv_format_one_row_per_finding(synthetic_corpus):
    out, injected = synthetic_corpus
    proc = gaischema("validate", str(out), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    with_rule = [r for r in rows if r["rule"]]
    assert len(with_rule) == sum(len(v) for v in injected.values())
    assert len({r["file"] for r in rows}) == 150
    assert "150 个文件 files" in proc.stderr.decode()  # the summary goes to standard error


def test_text_summary_and_no_progress_bar_when_piped(synthetic_corpus):
    out, _ = synthetic_corpus
    proc = gaischema("validate", str(out), "-q")
    text = proc.stdout.decode()
    assert "150 个文件 files" in text and "most frequent rules" in text
    assert "\r" not in proc.stderr.decode()


def test_unreadable_file_is_one_finding_and_the_run_goes_on(tmp_path, synthetic_corpus):
    out, _ = synthetic_corpus
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"organ: [\n")
    code, reports = gaischema_json("validate", str(bad), str(out))
    assert code == 2
    # results come as files complete (#20): the broken file's result is wherever it finished
    assert next(r for r in reports if r["file"] == str(bad))["findings"][0]["rule"] == "INPUT-YAML"
    assert len(reports) == len({r["file"] for r in reports}) == 151


def test_validate_record_is_plain_data(tmp_path):
    data = (EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml").read_bytes()
    r = corpus.validate_record(data, "beilun.yaml")
    json.dumps(r)  # JSON-able, hence picklable for any engine
    assert r["valid"] and r["key"] == ["", "北仑区统计局"] and r["year"] == 2023
    assert corpus.validate_record(b"\xff\xfe", "x.yaml")["fatal"]


# --------------------------------------------------------------------------------------------- exports
def test_wide_csv_one_row_per_report(tmp_path):
    out = tmp_path / "wide.csv"
    proc = gaischema("export", str(EXAMPLES / "valid"), "--format", "csv", "--wide", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == len(examples("valid"))
    beilun = next(r for r in rows if r["organ"] == "北仑区统计局")
    assert beilun["applications__results__unable__not_held__natural_person"] == "1"
    assert beilun["proactive_disclosure_2019__procurement__procurement_amount"] == ""  # a 2019-only cell


@pytest.mark.parametrize("fmt", ["duckdb", "parquet"])
def test_analytics_exports_hold_both_tables(tmp_path, synthetic_corpus, fmt):
    duckdb = pytest.importorskip("duckdb")
    out, _ = synthetic_corpus
    target = tmp_path / ("r.duckdb" if fmt == "duckdb" else "pq")
    proc = gaischema("export", str(out), "--format", fmt, "-o", str(target))
    assert proc.returncode in (0, 1), proc.stderr.decode()  # 1: the injected -1 counts are numbers, still fine
    con = duckdb.connect(str(target)) if fmt == "duckdb" else duckdb.connect()
    cells = "cells" if fmt == "duckdb" else f"read_parquet('{target}/cells.parquet')"
    reports = "reports" if fmt == "duckdb" else f"read_parquet('{target}/reports.parquet')"
    assert con.execute(f"SELECT count(*) FROM {reports}").fetchone()[0] == 150
    n_cells = con.execute(f"SELECT count(*) FROM {cells}").fetchone()[0]
    assert 150 * 198 <= n_cells <= 150 * 200
    # one query from the README: refusals by reason
    rows = con.execute(f"SELECT reason, sum(value) FROM {cells} WHERE outcome = 'denied' AND applicant = 'total' "
                       "GROUP BY reason").fetchall()
    assert {r for r, _ in rows} == {"state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
                                    "internal_affairs", "process_information", "enforcement_files",
                                    "administrative_query"}
    # and the tidy and wide tables agree
    wide_total = con.execute(f"SELECT sum(applications__results__results_total__total) FROM {reports}").fetchone()[0]
    tidy_total = con.execute(f"SELECT sum(value) FROM {cells} WHERE path = 'applications.results.results_total.total'"
                             ).fetchone()[0]
    assert wide_total == tidy_total
    assert gaischema("export", str(out), "--format", fmt, "-o", str(target)).returncode == 2  # never overwrites


def test_progress_bar_on_a_terminal(synthetic_corpus):
    """On a terminal (a pseudo-terminal here) the run draws a progress bar on standard error."""
    import os
    import pty
    import subprocess
    import sys

    out, _ = synthetic_corpus
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "gaischema.cli", "validate", str(out), "-q"],
                            stdout=subprocess.DEVNULL, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(master)
    assert b"\r[" in seen and b"150/150" in seen
