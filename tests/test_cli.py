"""The command line: output formats, exit codes, and bad input (one clear line, never a traceback)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import EXAMPLES, gaischema, gaischema_json

BEILUN = str(EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml")
ROW_TOTAL = str(EXAMPLES / "invalid" / "AnnualReport-t3-row-total.yaml")


def test_valid_file_exit_0_and_says_valid():
    proc = gaischema("validate", BEILUN)
    assert proc.returncode == 0
    assert "valid, no findings" in proc.stdout.decode()


def test_finding_names_rule_cell_path_values_in_both_languages():
    proc = gaischema("validate", ROW_TOTAL)
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "T3-ROW-TOTAL" in out
    assert "表三 三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益 × 总计" in out
    assert "applications.results.denied.third_party_rights.total" in out
    assert "reported: 1   expected: 2" in out
    assert "总计与各类申请人之和不符" in out and "is not the sum of the applicant columns" in out


def test_json_format_fields():
    code, reports = gaischema_json("validate", ROW_TOTAL, BEILUN)
    assert code == 1
    assert [r["valid"] for r in reports] == [False, True]
    f = reports[0]["findings"][1]
    assert set(f) >= {"rule", "severity", "path", "cell", "message", "reported", "expected"}
    assert (f["rule"], f["severity"], f["reported"], f["expected"]) == ("T3-ROW-TOTAL", "error", 1, 2)
    assert f["cell"] == "表三 三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益 × 总计"


def test_warnings_do_not_fail():
    proc = gaischema("validate", str(EXAMPLES / "warning"))
    assert proc.returncode == 0
    assert "META-DEADLINE" in proc.stdout.decode()


def test_standard_input():
    proc = gaischema("validate", "-", stdin=(EXAMPLES / "invalid" / "AnnualReport-t4-total.yaml").read_bytes())
    assert proc.returncode == 1 and "T4-TOTAL" in proc.stdout.decode()


def test_json_input(tmp_path, beilun):
    p = tmp_path / "r.json"
    p.write_text(json.dumps(beilun, ensure_ascii=False), encoding="utf-8")
    assert gaischema("validate", str(p)).returncode == 0


def test_usage_errors_exit_2():
    assert gaischema("validate").returncode == 2
    assert gaischema("validate", BEILUN, "--format", "xml").returncode == 2
    assert gaischema("frobnicate").returncode == 2


BAD_INPUTS = {
    "broken.yaml": (b"organ: [unclosed\nreport_year: 2023\n", "INPUT-YAML"),
    "tabs.yaml": (b"organ: x\n\treport_year: 2023\n", "INPUT-YAML"),
    "gbk.yaml": ("organ: 北仑区统计局\n".encode("gbk"), "INPUT-ENCODING"),
    "empty.yaml": (b"", "INPUT-EMPTY"),
    "blank.yaml": (b"\n\n  \n", "INPUT-EMPTY"),
    "list.yaml": (b"- 1\n- 2\n", "INPUT-NOT-REPORT"),
    "scalar.yaml": (b"just text\n", "INPUT-NOT-REPORT"),
    # a mapping with no field of a report: a package.json, or the samples' expected values (file name -> values)
    "package.json": (b'{"name": "x", "version": "1.0.0", "dependencies": {"yaml": "^2"}}', "INPUT-NOT-REPORT"),
    "expected.json": ('{"beilun.txt": {"organ": "北仑区统计局", "year": 2023}}'.encode(), "INPUT-NOT-REPORT"),
    "empty-mapping.yaml": (b"{}\n", "INPUT-NOT-REPORT"),
    "binary.yaml": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "INPUT-ENCODING"),
    "two-docs.yaml": (b"organ: a\n---\norgan: b\n", "INPUT-YAML"),
    "broken.json": (b'{"organ": "x",', "INPUT-JSON"),
    "deep.json": (b"[" * 100000 + b"]" * 100000, "INPUT-TOO-DEEP"),
    "deep.yaml": (b"a: " + b"[" * 5000 + b"]" * 5000, "INPUT-YAML"),  # libyaml's own nesting limit
    "nested-40.yaml": (b"a: " + b"[" * 40 + b"]" * 40, "INPUT-TOO-DEEP"),
    "python-tag.yaml": (b"organ: !!python/object/apply:os.system ['echo hacked']\n", "INPUT-YAML"),
}
# the 'billion laughs' alias bomb: 9 levels of 9 references
BOMB = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(8))
BAD_INPUTS["alias-bomb.yaml"] = (BOMB, "INPUT-YAML")


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_one_line_exit_2(tmp_path, name):
    data, rule = BAD_INPUTS[name]
    p = tmp_path / name
    p.write_bytes(data)
    proc = gaischema("validate", str(p))
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert proc.returncode == 2, (out, err)
    assert "Traceback" not in out + err
    assert out.count("\n") == 1 and rule in out, out
    code, reports = gaischema_json("validate", str(p))
    assert code == 2 and reports[0]["valid"] is False and reports[0]["findings"][0]["rule"] == rule


def test_too_large_file(tmp_path):
    from gaischema.loading import MAX_BYTES

    p = tmp_path / "huge.yaml"
    with open(p, "wb") as fh:
        fh.write(b"organ: x\n")
        fh.write(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    proc = gaischema("validate", str(p))
    assert proc.returncode == 2 and "INPUT-TOO-LARGE" in proc.stdout.decode()


def test_missing_file_and_folder_without_reports(tmp_path):
    proc = gaischema("validate", str(tmp_path / "nope.yaml"))
    assert proc.returncode == 2 and "INPUT-UNREADABLE" in proc.stdout.decode()
    (tmp_path / "notes.txt").write_text("hello")
    proc = gaischema("validate", str(tmp_path))
    assert proc.returncode == 2 and "INPUT-NO-REPORTS" in proc.stdout.decode()


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"organ: [\n")
    code, reports = gaischema_json("validate", str(bad), BEILUN, ROW_TOTAL)
    assert code == 2
    assert [r["valid"] for r in reports] == [False, True, False]


def test_wrong_types_exit_1_not_2():
    proc = gaischema("validate", str(EXAMPLES / "invalid" / "AnnualReport-schema-type-text-in-count.yaml"))
    assert proc.returncode == 1 and "SCHEMA-TYPE" in proc.stdout.decode()


def test_help_shows_examples():
    out = gaischema("validate", "--help").stdout.decode()
    assert "gaischema validate examples/" in out and "--format" in out


# --------------------------------------------------------------------------------------------- export
def test_export_csv_one_row_per_official_cell(tmp_path):
    out = tmp_path / "cells.csv"
    proc = gaischema("export", BEILUN, str(EXAMPLES / "valid" / "AnnualReport-format2019-shanghai-totals-filled.yaml"),
                     "--format", "csv", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0])[:9] == ["file", "organ", "year", "format_version", "table", "row", "column", "path", "value"]
    assert list(rows[0])[9:] == ["applicant", "outcome", "reason"]
    assert len(rows) == 200 + 198
    cell = next(r for r in rows if r["path"] == "applications.results.unable.not_held.natural_person"
                and r["organ"] == "北仑区统计局")
    assert (cell["table"], cell["row"], cell["column"], cell["value"]) == (
        "三", "三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息", "自然人", "1")
    # never overwrites
    assert gaischema("export", BEILUN, "-o", str(out)).returncode == 2
    assert gaischema("export", BEILUN, "-o", str(out), "--force").returncode == 0


def test_export_blank_stays_blank():
    proc = gaischema("export", str(EXAMPLES / "invalid" / "AnnualReport-t3-blank-shanghai-2019.yaml"),
                     "--format", "json")
    rows = json.loads(proc.stdout)
    blank = [r for r in rows if r["value"] is None]
    assert len(blank) == 12 and all(r["column"] == "总计" for r in blank)
    assert proc.returncode == 0


def test_export_bad_input_exit_2(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_bytes(b"organ: [\n")
    proc = gaischema("export", str(p))
    assert proc.returncode == 2 and "INPUT-YAML" in proc.stderr.decode()


def test_rules_catalogue_lists_every_rule():
    out = gaischema("rules").stdout.decode()
    for rid in ("T3-BALANCE", "T3-ROW-TOTAL", "T3-RESULTS-TOTAL", "T4-TOTAL", "META-DEADLINE", "SCHEMA-TYPE"):
        assert rid in out


def test_runs_from_any_folder(tmp_path):
    proc = gaischema("validate", BEILUN, cwd=tmp_path)
    assert proc.returncode == 0
