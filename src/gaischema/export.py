"""Exports from the schema's cell map: the tidy table (one row per official cell of each report) and the
wide table (one row per report, one column per cell), as CSV, JSON, Parquet or a DuckDB database.

Parquet and DuckDB need the optional extra: ``pip install gaischema[analytics]`` (DuckDB writes both).
"""

from __future__ import annotations

import csv
import os
import tempfile
from functools import lru_cache
from typing import Iterable, Iterator

from gaischema.model import Model, get
from gaischema.output import spreadsheet_text

COLUMNS = ["file", "organ", "year", "format_version", "table", "row", "column", "path", "value",
           "applicant", "outcome", "reason"]
REPORT_COLUMNS = ["file", "organ", "division_code", "organ_kind", "year", "format_version", "publication_date"]
_REASON_ENUMS = ("DenialReasonEnum", "UnableReasonEnum", "NotProcessedReasonEnum", "OtherHandlingReasonEnum")


def _scalar(value):
    return value if isinstance(value, (int, float, str)) or value is None else str(value)


def tidy_rows(instance: dict, file: str = "") -> Iterator[dict]:
    """One dict per official cell of the instance's format version; a blank cell has value None.
    ``applicant``, ``outcome`` and ``reason`` are the enumeration codes of a table-三 cell."""
    version = instance.get("format_version")
    model = Model.load()
    if version not in model.versions:
        return
    for c in model.cells(version):
        keys = c["keys"]
        yield {
            "file": file,
            "organ": instance.get("organ"),
            "year": instance.get("report_year"),
            "format_version": version,
            "table": c["table"],
            "row": c["row"],
            "column": c["column"],
            "path": c["path"],
            "value": _scalar(get(instance, c["path"])),
            "applicant": keys.get("ApplicantColumnEnum"),
            "outcome": keys.get("HandlingOutcomeEnum"),
            "reason": next((keys[e] for e in _REASON_ENUMS if e in keys), None),
        }


@lru_cache(maxsize=1)
def wide_cell_paths() -> list[str]:
    """Every cell path of every format version, in table order (2021 first, then cells only 2019 has)."""
    seen: dict[str, None] = {}
    model = Model.load()
    for version in sorted(model.versions, reverse=True):
        for c in model.cells(version):
            seen.setdefault(c["path"], None)
    return list(seen)


def wide_column(path: str) -> str:
    """The wide table's column name of a cell: its path with '__' between the slot names."""
    return path.replace(".", "__")


def wide_row(instance: dict, file: str = "") -> dict:
    row = {"file": file, "organ": instance.get("organ"), "division_code": instance.get("division_code"),
           "organ_kind": instance.get("organ_kind"), "year": instance.get("report_year"),
           "format_version": instance.get("format_version"), "publication_date": instance.get("publication_date")}
    for path in wide_cell_paths():
        row[wide_column(path)] = _scalar(get(instance, path))
    return {k: _scalar(v) for k, v in row.items()}


def wide_columns() -> list[str]:
    return REPORT_COLUMNS + [wide_column(p) for p in wide_cell_paths()]


def write_csv(rows: Iterable[dict], columns: list[str], fh) -> int:
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: spreadsheet_text(v) for k, v in row.items()})
        n += 1
    return n


def _number(v):
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def write_analytics(records: Iterable[tuple[str, dict]], fmt: str, output: str,
                    on_skipped=lambda file, path, value: None) -> None:
    """Write the tidy table ``cells`` and the wide table ``reports`` to a DuckDB file, or as
    ``cells.parquet`` and ``reports.parquet`` into the folder ``output``. Rows stream through temporary
    CSV files, so memory does not grow with the corpus."""
    try:
        import duckdb
    except ImportError:
        raise RuntimeError("Parquet and DuckDB exports need DuckDB: pip install 'gaischema[analytics]'") from None
    with tempfile.TemporaryDirectory() as tmp:
        cells_csv, reports_csv = os.path.join(tmp, "cells.csv"), os.path.join(tmp, "reports.csv")
        with open(cells_csv, "w", encoding="utf-8", newline="") as fc, \
                open(reports_csv, "w", encoding="utf-8", newline="") as fr:
            tidy = csv.DictWriter(fc, fieldnames=COLUMNS, lineterminator="\n")
            wide = csv.DictWriter(fr, fieldnames=wide_columns(), lineterminator="\n")
            tidy.writeheader()
            wide.writeheader()
            for file, instance in records:  # typed tables: a value that is not a number is left out, and said
                for row in tidy_rows(instance, file):
                    if row["value"] is not None and _number(row["value"]) is None:
                        on_skipped(file, row["path"], row["value"])
                        row["value"] = None
                    row["year"] = _number(row["year"])
                    tidy.writerow(row)
                row = wide_row(instance, file)
                row["year"] = _number(row["year"])
                wide.writerow({k: (v if k in REPORT_COLUMNS else _number(v)) for k, v in row.items()})
        cell_types = {c: "VARCHAR" for c in COLUMNS} | {"year": "INTEGER", "value": "DOUBLE"}
        report_types = {c: "DOUBLE" for c in wide_columns()} | {c: "VARCHAR" for c in REPORT_COLUMNS} | {
            "year": "INTEGER"}
        con = duckdb.connect(output if fmt == "duckdb" else ":memory:")
        try:
            for table, path, types in (("cells", cells_csv, cell_types), ("reports", reports_csv, report_types)):
                con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv(?, header=true, "
                            f"columns={_duck_struct(types)}, quote='\"', escape='\"')", [path])
            if fmt == "parquet":
                os.makedirs(output, exist_ok=True)
                for table in ("cells", "reports"):
                    target = os.path.join(output, f"{table}.parquet").replace("'", "''")
                    con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
        finally:
            con.close()


def _duck_struct(types: dict) -> str:
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in types.items()) + "}"
