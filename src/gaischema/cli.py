"""The ``gaischema`` command line.

Exit codes (every command):

- 0  no error (warnings do not fail)
- 1  a report has an error (a broken rule, a wrong type), or a cell could not be exported
- 2  usage error, or input that is not a readable report (missing file, broken YAML, not UTF-8, too large,
     a folder with no reports)
- 3  an internal error in gaischema (a bug: please report it)
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import sys
import time
from typing import Iterable, Iterator

import click

from gaischema import corpus, docx, loading, organs, resources, sandbox, workbook
from gaischema import corrections as corr
from gaischema import export as ex
from gaischema import output as out
from gaischema import report as rp
from gaischema.cache import file_digest
from gaischema.model import Model
from gaischema.render import render_html, render_markdown
from gaischema.validate import FileResult, fatal_result

EPILOG_VALIDATE = """\b
Examples:
  gaischema validate examples/valid/AnnualReport-beilun-2023.yaml
  gaischema validate examples/ --format json > findings.json
  gaischema extract report.html -o - | gaischema validate -
"""

def _out_text(text: str) -> None:
    click.echo(text)


def _guard(output: str | None, force: bool) -> None:
    """Refuse, before any work, an output that may not be written (exists without --force, a folder, a
    dangling link, a missing folder): exit 2."""
    if output and output != "-":
        try:
            out.check_target(output, force)
        except out.OutputError as e:
            raise click.UsageError(f"{e.rule} {e}") from None


def _emit(output: str | None, data: str | bytes, force: bool) -> None:
    """Write a command's whole output: standard output for -, else the file, safely (gaischema.output)."""
    if output in (None, "-"):
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                raise click.UsageError("the output is binary: give -o FILE")
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    out.write(output, data, force)  # an OutputError is main's one line, exit 2


def _emit_parts(output: str | None, parts: Iterable[str], force: bool) -> int:
    """Write a command's output given in pieces, as :func:`_emit` does the whole of it (the file appears only
    once every piece is written); the bytes written."""
    size = 0
    if output in (None, "-"):
        for part in parts:
            sys.stdout.write(part)
            size += len(part.encode("utf-8"))
        return size
    with out.atomic_binary(output, force) as fh:  # an OutputError is main's one line, exit 2
        for part in parts:
            data = part.encode("utf-8")
            fh.write(data)
            size += len(data)
    return size


def _limit_options(fn):
    """--max-memory and --max-seconds: the limits of the worker each file is read in (gaischema.sandbox)."""
    fn = click.option("--max-seconds", type=click.FloatRange(min=0.1), default=None,
                      help=f"CPU seconds a file may take (its wall time: twice that) before it is stopped as "
                           f"INPUT-TOO-COMPLEX; default {sandbox.Limits().cpu:g}.")(fn)
    fn = click.option("--max-memory", type=click.IntRange(min=64), default=None, metavar="MIB",
                      help=f"Memory (MiB of address space) the worker reading a file may add; default "
                           f"{sandbox.Limits().memory // sandbox.MIB}.")(fn)
    return fn


def _set_limits(max_memory: int | None, max_seconds: float | None) -> sandbox.Limits:
    limits = sandbox.Limits.of(max_memory, max_seconds)
    sandbox.set_default_limits(limits)
    return limits


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(package_name="gaischema")
def cli() -> None:
    """gaischema - validate, export and inspect 政府信息公开工作年度报告 instances.

    \b
    Quick examples:
      gaischema validate examples/valid/AnnualReport-beilun-2023.yaml
      gaischema validate examples/invalid --format json
      gaischema export examples/valid --format csv -o cells.csv
      gaischema extract report.html -o - | gaischema validate -
      gaischema rules
    """


# ------------------------------------------------------------------------------------------------- validate
CSV_FINDING_COLUMNS = ["file", "valid", "rule", "severity", "path", "cell", "message", "message_en", "reported",
                       "expected", "previous"]


@cli.command(epilog=EPILOG_VALIDATE)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True,
              help="text for people; json: a list with one object per file (file, valid, findings; a "
                   "cross-report finding names the other report in previous); csv: one row per finding.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to validate with; 0 for the number of CPUs.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: print only files with findings.")
@click.option("--cross/--no-cross", default=True, show_default=True,
              help="Check reports of the same organ against the previous year's (XR-* rules).")
@click.option("--organs", "roster_file", help="The roster of organs that must publish (CSV or YAML): exact organ "
              "identities for the cross-report rules, and XR-NOT-PUBLISHED for each organ and year without a report.")
@_limit_options
def validate(paths: tuple[str, ...], fmt: str, jobs: int, quiet: bool, cross: bool, roster_file: str | None,
             max_memory: int | None, max_seconds: float | None) -> None:
    """Validate report instances (YAML or JSON files, folders, or - for standard input), and drafts: a filled
    fill-in workbook (.xlsx) or a Word report written in the template (.docx), read cell by cell as the
    validator page reads them (a number with its unit, an error value such as #VALUE!, a formula without a
    saved result: CELL-* findings on that cell); any other .xlsx/.docx is extracted, then validated.

    Each finding names its rule id, severity, the official cell, the JSON path, the reported and the expected
    value, in Chinese and English. Folders are walked and validated in parallel; results are written as they
    come, a progress bar shows on a terminal, and a summary ends the run (on standard error for json/csv).
    Reports of the same organ (行政区划代码 and organ name, its spellings resolved by gaischema.organs or the
    roster of --organs) in consecutive years are checked against each other, and copies of one report (one
    organ, one year) cell by cell (XR-COPIES-DISAGREE).
    Results are written in the order files finish (a file that takes long holds back no other); each file is
    read in a worker with limits of its own (--max-memory, --max-seconds; a file over 1 MiB even when run
    alone), and one that hits them is one INPUT-TOO-COMPLEX result.
    Exit 0: no error; 1: some file has an error; 2: unreadable input.
    """
    limits = _set_limits(max_memory, max_seconds)
    roster = _roster(roster_file)
    summary = corpus.Summary()
    checker = corpus.CrossChecker() if cross else None
    writer = _Writer(fmt, quiet)
    problems: list[tuple[str, loading.InputError]] = []

    order: dict[str, int] = {}  # file -> its place in the input: the first of several copies is the first given

    def emit(result: FileResult) -> None:
        summary.add(result)
        # one the cross-report rules read waits for their findings (one result per file); the first of several
        # copies is the first given
        if not (checker and checker.hold(result, f"{order.get(result.file, -1) + 1:012d}")):
            writer.result(result)

    if "-" in paths:  # standard input is read here, not in a worker
        emit(corpus.validate_path("-", limits))
    names = [p for p in paths if p != "-"]
    drafts = [p for p in names if p.lower().endswith((".xlsx", ".docx")) and not os.path.isdir(p)]
    for p in drafts:  # in the order given, as the files of folders below: the first of several copies is first
        order.setdefault(out.shown_name(p), len(order))
    if drafts:  # a workbook or Word draft: extracted (by the cell map when it is gaischema's) in limited workers
        from gaischema.extract import iter_validate_drafts

        names = [p for p in names if p not in drafts]
        for result in iter_validate_drafts(drafts, jobs, limits):
            emit(result)

    def files() -> Iterator[str]:  # lazily: the pool starts before the folders are walked
        for path, err in loading.walk(names):
            if err is None:
                order.setdefault(out.shown_name(path), len(order))
                yield path
            else:
                problems.append((path, err))

    single = all(not os.path.isdir(p) for p in names)
    total = len(names) if single else (sum(1 for _ in loading.walk(names)) if sys.stderr.isatty() else 0)
    progress = corpus.progress_printer(total, sys.stderr)
    for i, result in enumerate(corpus.iter_results(list(files()) if single else files(), jobs, limits) if names else (), 1):
        emit(result)
        progress(i, f"errors {summary.errors} unreadable {summary.fatal}")
    for path, err in problems:
        emit(fatal_result(out.shown_name(path), err))
    cross_errors = False
    if checker:  # the held results, each once, with the cross-report findings about it
        resolution = organs.apply(checker, roster)  # spellings of one organ, copies of one report (gaischema.organs)
        for result, found in checker.merged():
            summary.add_merged(result, found)
            cross_errors |= any(f.severity == "error" for f in found)
            writer.result(result)
        for result in organs.not_published(resolution):  # the roster's findings: about no input file
            summary.add_cross(result)
            cross_errors |= not result.valid
            writer.result(result)
        checker.close()
    writer.close(summary)
    if summary.internal:
        sys.exit(3)
    if summary.fatal:
        sys.exit(2)
    sys.exit(1 if summary.errors or cross_errors else 0)


class _Writer:
    """Streams results in the chosen format; keeps nothing but the format's state."""

    def __init__(self, fmt: str, quiet: bool):
        self.fmt, self.quiet, self.count = fmt, quiet, 0
        if fmt == "csv":
            self.csv = csv.DictWriter(sys.stdout, fieldnames=CSV_FINDING_COLUMNS, lineterminator="\n")
            self.csv.writeheader()
        elif fmt == "json":
            self.array = out.JsonArray(sys.stdout)

    def result(self, r: FileResult) -> None:
        self.count += 1
        if self.fmt == "json":
            self.array.add(r.as_dict())
        elif self.fmt == "csv":
            base = {"file": out.spreadsheet_text(r.file), "valid": r.valid}
            if not r.findings:
                self.csv.writerow(base)
            for f in r.findings:
                d = f.as_dict()
                self.csv.writerow({**base, **{k: _csv_value(d.get(k)) for k in CSV_FINDING_COLUMNS[2:]}})
        elif not (self.quiet and not r.findings):
            click.echo(out.printable(_text_report(r)))

    def close(self, summary) -> None:
        if self.fmt == "json":
            self.array.close()
        if self.fmt == "text":
            if summary.files > 1:
                click.echo(summary.text())
        elif summary.files > 1:
            click.echo(summary.text(), err=True)


def _csv_value(v):
    return out.spreadsheet_text(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)


def _text_report(r: FileResult) -> str:
    name = r.file + (f"（与 {r.previous} 比较 / compared with {r.previous}）"  # last year's, or another copy
                     if r.previous is not None else "")
    if r.fatal:
        f = r.findings[0]
        return f"{name}: {f.rule} {f.message} / {f.message_en}"
    errors = sum(f.severity == "error" for f in r.findings)
    warnings = len(r.findings) - errors
    if not r.findings:
        return f"{name}: 有效，无问题 / valid, no findings"
    lines = [f"{name}: {'无效' if errors else '有效'} / {'invalid' if errors else 'valid'} — "
             f"{errors} 个错误 error(s), {warnings} 个警告 warning(s)"]
    for f in r.findings:
        lines.append(f"  {f.severity.upper():7} {f.rule:22} {f.cell}")
        if f.previous:
            lines.append(f"          与 {f.previous} 比较 / compared with {f.previous}")
        detail = f"path: {f.path or '(root)'}"
        if f.reported is not None or f.expected is not None:
            detail += f"   reported: {_show(f.reported)}   expected: {_show(f.expected)}"
        lines.append(f"          {detail}")
        lines.append(f"          {f.message}")
        lines.append(f"          {f.message_en}")
    return "\n".join(lines)


def _show(v) -> str:
    return "—" if v is None else json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v


# ------------------------------------------------------------------------------------------------- export
EPILOG_EXPORT = """\b
Examples:
  gaischema export examples/valid --format csv -o cells.csv
  gaischema export examples/valid --format csv --wide -o reports.csv
  gaischema export corpus/ --format duckdb -o reports.duckdb     # tables cells and reports
  gaischema export corpus/ --format parquet -o out/              # out/cells.parquet, out/reports.parquet
"""


@cli.command(epilog=EPILOG_EXPORT)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "parquet", "duckdb"]), default="csv",
              show_default=True, help="parquet and duckdb need: pip install 'gaischema[analytics]'.")
@click.option("--wide", is_flag=True, help="csv/json: one row per report, one column per cell (parquet and "
              "duckdb always write both tables).")
@click.option("-o", "--output", default="-", show_default=True, help="Output file (a folder for parquet); "
              "- for standard output (csv and json only).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes that read the files; 0 for the number of CPUs.")
@click.option("--force", is_flag=True, help="Overwrite the output if it exists.")
@_limit_options
def export(paths: tuple[str, ...], fmt: str, wide: bool, output: str, jobs: int, force: bool,
           max_memory: int | None, max_seconds: float | None) -> None:
    """Export the cells of reports, from the schema's cell map.

    The tidy table has one line per official cell: file, organ, year, format_version, table (二/三/四), row
    (the official row label path), column (the official column label), path (the JSON path in the instance),
    value (a blank cell stays blank), and the enumeration codes applicant, outcome and reason of table 三.
    The wide table has one row per report and one column per cell, named by its path with __ between slots.
    """
    if fmt == "parquet":  # a folder of files
        if os.path.exists(output) and not force:
            raise click.UsageError(f"{output} exists; use --force to overwrite it")
    else:
        _guard(output, force)
    if fmt in ("parquet", "duckdb") and output == "-":
        raise click.UsageError(f"--format {fmt} needs -o")
    if fmt in ("parquet", "duckdb") and out.target_kind(output) not in ("missing", "file", "link", "folder"):
        raise click.UsageError(f"OUTPUT-NOT-FILE {output}: --format {fmt} writes a file or a folder, not a device")
    _set_limits(max_memory, max_seconds)
    files, problems = loading.iter_sources(list(paths))
    state = {"code": 2 if problems else 0}
    for p, e in problems:
        click.echo(f"{out.shown_name(p)}: {e.rule} {e}", err=True)

    def records() -> Iterator[tuple[str, dict]]:
        for path, instance, err in _load_all(files, jobs):
            file = out.shown_name(path)
            if err is not None:
                click.echo(f"{file}: {err.rule} {err}", err=True)
                state["code"] = 2
            elif not isinstance(instance.get("format_version"), str) or \
                    instance["format_version"] not in Model.load().versions:
                click.echo(f"{file}: EXPORT-NO-VERSION 缺少有效的 format_version，无法确定单元格 / "
                           f"no valid format_version, so its cells are unknown", err=True)
                state["code"] = max(state["code"], 1)
            else:
                yield file, instance

    if fmt in ("parquet", "duckdb"):
        if force and os.path.isfile(output):
            os.remove(output)
        def skipped(file, path, value):
            click.echo(f"{file}: EXPORT-NOT-A-NUMBER {path} = {value!r} 不是数字，未导出 / not a number, "
                       "left out of the typed table", err=True)
            state["code"] = max(state["code"], 1)

        try:
            ex.write_analytics(records(), fmt, output, skipped)
        except RuntimeError as e:
            raise click.UsageError(str(e)) from None
        sys.exit(state["code"])
    with (contextlib.nullcontext(sys.stdout) if output == "-" else out.atomic(output, force, newline="")) as fh:
        if wide:
            rows = (ex.wide_row(inst, f) for f, inst in records())
            columns = ex.wide_columns()
        else:
            rows = (row for f, inst in records() for row in ex.tidy_rows(inst, f))
            columns = ex.COLUMNS
        if fmt == "csv":
            ex.write_csv(rows, columns, fh)
        else:
            array = out.JsonArray(fh)
            for row in rows:
                array.add(row)
            array.close()
    sys.exit(state["code"])


def _load_one(path: str):
    try:
        return path, loading.load(path), None
    except loading.InputError as err:
        return path, None, err


def _load_all(files: list[str], jobs: int):
    """(file, instance, error) for each file, in file order (an export is reproducible), read in limited
    workers (small files of a short list in this process)."""
    return corpus.pool_map(_load_one, files, jobs, serial_below=50, ordered=True, in_process=corpus.small_file,
                           failed=lambda path, err: (path, None, err))


# ------------------------------------------------------------------------------------------------- extract
EPILOG_EXTRACT = """\b
Examples:
  gaischema extract report.pdf                       # the instance on standard output
  gaischema extract report.txt -o report.yaml
  gaischema extract reports/ --out-dir instances/ -j 2 --format json
  gaischema extract report.html -o - | gaischema validate -
  gaischema extract crawl.csv --out-dir instances/    # a crawler's dump: one instance per row
  gaischema extract crawl.jsonl --out-dir out/ --content-column page_html --title-column headline
"""


@cli.command(epilog=EPILOG_EXTRACT)
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", help="Output file for one source; - for standard output (the default for one source).")
@click.option("--out-dir", type=click.Path(file_okay=False), help="Folder for the instances, one per source, named "
              "after it (NAME.yaml or NAME.json); created if missing.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to extract with; 0 for the number of CPUs.")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@click.option("--content-column", help="Crawler dumps: the column that holds each page's content, when it is not "
              "named 正文/内容/content/text/html.")
@click.option("--title-column", help="Crawler dumps: the column that holds each page's title, when it is not "
              "named 标题/title.")
@_limit_options
def extract(sources: tuple[str, ...], output: str | None, out_dir: str | None, fmt: str, jobs: int,
            force: bool, content_column: str | None, title_column: str | None, max_memory: int | None,
            max_seconds: float | None) -> None:
    """Turn published reports (.pdf, .html/.htm, .docx, .xlsx, .md, .txt; text in UTF-8 or GB18030/GBK) into
    AnnualReport instances. Folders are walked for those kinds of file.

    A crawler's dump (.csv, .tsv, .jsonl, a JSON array of objects, an .xlsx with a header row; told by a
    content column) gives one instance per row, named NAME-rowN in --out-dir; a row that is no report is
    one line on standard error and the run goes on.

    Every cell that is blank, unreadable, read by position, inferred (digits run together, split by the rules)
    or ambiguous is listed in the instance's extraction.notes (and, for one source, on standard error).
    Nothing is guessed: a cell that cannot be read stays blank. PDF needs the pdf extra
    (pip install 'gaischema[pdf]'); a scanned PDF needs OCR first.

    Exit 0: every cell was read (the report may still break rules: run gaischema validate); 1: some cells
    could not be read or were ambiguous; 2: a source is not a readable report, or an output file exists;
    3: an internal error in gaischema. Each source is read in a worker with limits of its own (--max-memory,
    --max-seconds): one that hits them is INPUT-TOO-COMPLEX (exit 2), and the other sources go on.
    """
    _set_limits(max_memory, max_seconds)
    # imported here, not at the top: the extractor's modules would add ~60 ms to every other command's start
    from gaischema.extract import PUBLISHED_SUFFIXES, Summary, dumps, iter_extract

    if output and out_dir:
        raise click.UsageError("use -o or --out-dir, not both")
    many = len(sources) > 1 or any(os.path.isdir(s) for s in sources)
    if many and not out_dir:
        raise click.UsageError("several sources, or a folder, need --out-dir")
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    targets: dict[str, str] = {}
    renamed: list[tuple[str, str]] = []
    taken: set[str] = set()
    for path, err in loading.walk(list(sources), PUBLISHED_SUFFIXES):
        if err is not None:
            problems.append((path, f"{err.rule} {err}"))
            continue
        if out_dir:
            target, first = _target_for(path, out_dir, fmt, taken)
            if target != first:
                renamed.append((path, target))
        else:
            target = output or "-"
        if target != "-":
            try:
                out.check_target(target, force)
            except out.OutputError as e:
                problems.append((path, f"{e.rule} {e}"))
                continue
            taken.add(target)
        files.append(path)
        targets[path] = target
    summary = Summary()
    progress = corpus.progress_printer(len(files), sys.stderr)
    code = 0
    columns = {k: v for k, v in (("content", content_column), ("title", title_column)) if v}
    records = iter_extract(files, jobs, columns or None)
    if not out_dir:  # one source, one output: a dump of several rows needs a folder for its instances
        records = list(records)
        if len(records) > 1:
            click.echo(f"{files[0]}: 该文件是含 {len(records)} 行的数据文件，每行一个实例，请用 --out-dir / the file is a "
                       f"crawler's dump of {len(records)} rows, an instance each: use --out-dir", err=True)
            sys.exit(2)
    done: set[str] = set()
    unwritten = 0
    books: dict[str, corr.Book] = {}
    for record in records:
        src = record["file"]
        shown = out.shown_name(src)
        if src not in targets:  # a row of a dump: NAME-rowN beside the other instances
            path, _, row = src.rpartition("#row=")
            stem, ext = os.path.splitext(path)
            target = _target_for(f"{stem}-row{row}{ext}", out_dir, fmt, taken)[0] \
                if out_dir else targets.get(path, "-")
            if target != "-":
                try:
                    out.check_target(target, force)
                except out.OutputError as e:
                    click.echo(f"{out.shown_name(src)}: {e.rule} {e}", err=True)
                    code = max(code, 2)
                    continue
                taken.add(target)
            targets[src] = target
        path = src.rpartition("#row=")[0] or src
        if path not in done:
            done.add(path)
            progress(len(done), summary.status())
        summary.add(record)
        if record["error"]:
            e = record["error"]
            click.echo(f"{shown}: {e['rule']} {e['message']} / {e['message_en']}", err=True)
            code = max(code, 3 if e["rule"] == "INTERNAL-ERROR" else 2)
            continue
        if not many:
            for n in (n for n in record["notes"] if n["note_kind"] not in ("source", "ocr")):
                raw = f" [{n['note_raw']}]" if n.get("note_raw") else ""
                click.echo(out.printable(f"{shown}: {n['note_kind']:10} {n['note_path']}: {n['note_message']}{raw}"),
                           err=True)
            read = [n["note_confidence"] for n in record["notes"] if n["note_kind"] == "ocr"]
            if read:  # one line for the cells OCR read; each with its confidence is in the instance
                click.echo(f"{shown}: ocr        {len(read)} 个单元格由文字识别读取，最低置信度 {min(read):.2f} / {len(read)} "
                           f"cells read by OCR, lowest confidence {min(read):.2f}", err=True)
        for line in _apply_corrections(src, record["instance"], books):
            click.echo(out.printable(f"{shown}: {line}"), err=True)
        source_file = record["instance"].get("extraction", {})
        if isinstance(source_file.get("source_file"), str):  # the name as results show it: never a surrogate
            source_file["source_file"] = out.shown_name(source_file["source_file"])
        text = dumps(record["instance"], fmt)
        try:
            if targets[src] == "-":
                sys.stdout.write(text)
            else:
                out.write(targets[src], text, force)
        except out.OutputError as e:
            click.echo(f"{shown}: {e.rule} {e}", err=True)
            code = max(code, 2)
            unwritten += 1
            continue
        if not record["complete"]:
            code = max(code, 1)
    for path, message in problems:
        click.echo(f"{out.shown_name(path)}: {message}", err=True)
        code = max(code, 2)
    for path, target in renamed:
        click.echo(f"{out.shown_name(path)}: OUTPUT-RENAMED 与另一来源同名，写入 / same name as another source's, "
                   f"written as {out.shown_name(target)}", err=True)
    if many:
        click.echo(summary.text(), err=True)
        if renamed or unwritten or problems:
            click.echo(f"输出 outputs: {len(renamed)} 个因重名改名 renamed (names collided), {unwritten + len(problems)} "
                       f"个未写入 not written", err=True)
    sys.exit(code)


def _apply_corrections(src: str, instance: dict, books: dict[str, corr.Book]) -> list[str]:
    """The corrections of corrections.yaml beside a published report applied to its fresh instance; lines
    to show (a stale entry: the file changed since it was made; never applied). Rows of dumps have none."""
    if "#row=" in src or not os.path.isfile(src):
        return []
    where = corr.book_path(src)
    if where not in books:
        books[where] = corr.load(where)
    if not books[where].corrections and not books[where].reviews:
        return []
    fixes, _, stale = corr.for_file(books[where], src, file_digest(src))
    lines = [f"corrected  {p}: 按 {corr.CORRECTIONS_FILE} 更正 / corrected as {corr.CORRECTIONS_FILE} says"
             for p in corr.apply(instance, fixes)]
    lines += [f"STALE-CORRECTION {e.path}: 文件已改变（sha256 不符），该{'复核' if e.state else '更正'}未应用 / the file "
              f"changed (its sha256 differs): the {'review' if e.state else 'correction'} is not applied" for e in stale]
    return lines


NAME_MAX = 255  # bytes in a file name on Linux, macOS and Windows file systems
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")


def _target_for(path: str, out_dir: str, fmt: str, taken: set[str]) -> tuple[str, str]:
    """(the output file for a source, its first choice): NAME.fmt in the output folder; NAME.ext.fmt when
    another source of the run already has that name, then NAME-2.fmt, NAME-3.fmt ... (never two sources to one
    file). Control characters in the name become ``_``; a name cut (at a character) to fit the file system's
    255 bytes."""
    base = _UNSAFE_NAME.sub("_", os.path.basename(path))
    stem = os.path.splitext(base)[0]
    first = os.path.join(out_dir, _fit(stem, f".{fmt}"))
    if first not in taken:
        return first, first
    target = os.path.join(out_dir, _fit(base, f".{fmt}"))
    n = 2
    while target in taken:
        target = os.path.join(out_dir, _fit(stem, f"-{n}.{fmt}"))
        n += 1
    return target, first


def _fit(stem: str, suffix: str) -> str:
    """stem + suffix within NAME_MAX bytes, the stem cut at a character boundary if need be."""
    raw, tail = os.fsencode(stem), os.fsencode(suffix)
    if len(raw) + len(tail) <= NAME_MAX:
        return stem + suffix
    cut = raw[: NAME_MAX - len(tail)]
    while cut and (cut[-1] & 0xC0) == 0x80:  # inside a UTF-8 character: drop its continuation bytes
        cut = cut[:-1]
    if cut and cut[-1] >= 0xC0:  # and its lead byte
        cut = cut[:-1]
    return os.fsdecode(cut) + suffix


# ------------------------------------------------------------------------------------------------- report
@cli.command(epilog="""\b
Examples:
  gaischema report reports/ -o report.html                 # published reports and instances, in any mix
  gaischema report 2023/ 2024/ -o province.html -j 4 --force --save-instances instances/
  gaischema report reports/ -o report.html --scheduler tcp://10.0.0.5:8786   # on a Dask cluster
""")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="The page to write (what it links to goes into <page>_files/).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to extract and validate with; 0 for the number of CPUs.")
@click.option("--cross/--no-cross", default=True, show_default=True, help="Include the cross-report rules (XR-*).")
@click.option("--title", default="政府信息公开工作年度报告核查 Report check", show_default=True, help="The page's title.")
@click.option("--save-instances", "save_dir", type=click.Path(file_okay=False),
              help="Keep the instances here, one per input, named after it (created if missing).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Where results are remembered between runs [default: <page>_files/cache].")
@click.option("--no-cache", is_flag=True, help="Do every file again and remember nothing.")
@click.option("--scheduler", help="Run the per-file work on this Dask scheduler (needs gaischema[dask]; the "
              "workers must see the same files).")
@click.option("--renderings", type=click.Choice(["errors", "all", "none"]), default="errors", show_default=True,
              help="Which reports get an annotated rendering beside the page: those with a finding, all, or none.")
@click.option("--force", is_flag=True, help="Overwrite the page, what is beside it, and saved instances.")
@click.option("--organs", "roster_file", help="The roster of organs that must publish (CSV or YAML, the schema's "
              "OrganRoster): exact organ identities, and who did not publish (XR-NOT-PUBLISHED). Without it a "
              "roster is proposed in <page>_files/organs-proposed.csv.")
@_limit_options
def report(paths: tuple[str, ...], output: str, jobs: int, cross: bool, title: str, save_dir: str | None,
           cache_dir: str | None, no_cache: bool, scheduler: str | None, renderings: str, force: bool,
           roster_file: str | None,
           max_memory: int | None, max_seconds: float | None) -> None:
    """One self-contained page (Chinese and English, offline) for a province's reports: published reports
    (.pdf, .html/.htm, .docx, .xlsx, .md, .txt; crawler dumps .csv/.tsv/.jsonl, a report a row) and instances
    (.yaml/.yml/.json) in any mix. Each file is read,
    extracted when needed, and validated in one pass, in parallel; results are remembered (keyed by each
    file's content and the gaischema code), so a rerun does only what changed.

    The page: counts, the rules broken most often, organs × rules, near-duplicate narratives, a sortable and
    filterable table with every input once (its source format, extraction notes, links to a copy of the
    original and to the annotated rendering, or why it could not be read), the numbers across organs and
    years, and how extracted data was obtained. Needs the extra gaischema[report] (matplotlib, tqdm).
    Exit 0: no report has an error; 1: a report has an error or an input could not be read (the page lists
    them); 2: no input, or the page may not be written; 3: an internal error (the page is still written)."""
    _set_limits(max_memory, max_seconds)
    roster = _roster(roster_file)
    try:
        files_dir = out.report_outputs(output, force, save_dir, make=False)
        out.refuse_input_folder(save_dir, list(paths))
    except out.OutputError as e:
        _refuse(f"{e.rule} {e}")
    own = out.report_own_paths(output, save_dir, cache_dir)
    items: list = [p if err is None else (p, err) for p, err in loading.walk(list(paths), rp.input_suffixes(), own)]
    if not items:
        raise click.UsageError("没有报告文件 / no report files found")
    try:
        out.report_outputs(output, force, save_dir)
    except out.OutputError as e:
        _refuse(f"{e.rule} {e}")
    options = rp.Options(files_dir=files_dir, save_dir=save_dir, force=force, jobs=jobs, cross=cross, renderings=renderings,
                         cache_dir=cache_dir, use_cache=not no_cache, scheduler=scheduler, roster=roster,
                         warn=lambda line: click.echo(out.printable(line), err=True))
    try:
        with _progress_bar(len(items)) as progress:
            result = rp.collect(items, progress=progress, options=options)
        started = time.process_time()
        size = _emit_parts(output, rp.page_parts(result, title), force)  # streamed: no page-sized string
        result.cpu["page"] += time.process_time() - started
    except rp.ChartsUnavailable as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    except (rp.CacheError, rp.SchedulerUnavailable) as e:
        _refuse(str(e))
    for line in result.write_errors:
        click.echo(out.printable(line), err=True)
    click.echo(out.printable(result.summary.text()), err=True)
    if result.cpu:
        click.echo(result.stages(), err=True)
    cached = f", {result.cached} 个来自缓存 from the cache" if result.cached else ""
    click.echo(out.printable(f"{output} ({size / 1e6:.1f} MB), {files_dir}/{cached}"), err=True)
    if result.summary.internal:
        sys.exit(3)
    sys.exit(1 if result.failed or result.write_errors else 0)


def _roster(path: str | None):
    """The roster of --organs, or None; one line and exit 2 when it cannot be read."""
    if not path:
        return None
    try:
        return organs.load_roster(path)
    except loading.InputError as e:
        _refuse(f"{e.rule} {out.shown_name(path)}: {e}")


@cli.command(name="organs", epilog="""\b
Examples:
  gaischema organs reports/ > organs.csv            # the proposed roster: correct it, then
  gaischema report reports/ -o report.html --organs organs.csv
""")
@click.argument("paths", nargs=-1, required=True)
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to extract and validate with; 0 for the number of CPUs.")
@click.option("--organs", "roster_file", help="A roster to start from (CSV or YAML): its organs, and one record "
              "for each organ of the reports not on it.")
@_limit_options
def organs_command(paths: tuple[str, ...], jobs: int, roster_file: str | None, max_memory: int | None,
           max_seconds: float | None) -> None:
    """Print the organ roster proposed from a folder of reports or instances (CSV, the OrganRecord slots as
    columns): the spellings of one organ clustered into one record (its members as organ_aliases), with the
    kind, level and parent its name tells. Correct it and pass it back with `gaischema report --organs FILE`.
    Exit 0; 2: no input, or a roster that cannot be read."""
    _set_limits(max_memory, max_seconds)
    roster = _roster(roster_file)
    items: list = [p if err is None else (p, err) for p, err in loading.walk(list(paths), rp.input_suffixes())]
    if not items:
        raise click.UsageError("没有报告文件 / no report files found")
    options = rp.Options(jobs=jobs, cross=False, use_cache=False, roster=roster)
    with _progress_bar(len(items)) as progress:
        result = rp.collect(items, progress=progress, options=options)
    click.echo(result.resolution.proposed_csv(), nl=False)
    n = len(result.resolution.members)
    click.echo(f"{len(result.resolution.identities)} 种写法 spellings → {n} 个机关 organs", err=True)


def _refuse(message: str) -> None:
    """Exit 2 with one line on standard error (input or output the command may not use)."""
    click.echo(out.printable(f"gaischema: {message}"), err=True)
    sys.exit(2)


@contextlib.contextmanager
def _progress_bar(total: int):
    """tqdm's bar on a terminal (standard error), nothing otherwise; yields report.collect's progress callback."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda done, status: None
        return
    from tqdm import tqdm  # late: the optional extra gaischema[report]; a terminal only

    with tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, leave=False) as bar:
        def progress(done: int, status: str) -> None:
            bar.update(done - bar.n)
            bar.set_postfix_str(status, refresh=False)

        yield progress


# ------------------------------------------------------------------------------------------------- render
@cli.command(epilog="""\b
Examples:
  gaischema render examples/valid/AnnualReport-beilun-2023.yaml -o beilun.html
  gaischema render examples/invalid/AnnualReport-t3-row-total.yaml --annotate -o check.html
  gaischema render report.yaml --format md
  gaischema render report.yaml --format docx -o 年度报告.docx
""")
@click.argument("instance")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "xlsx", "docx"]), default="html", show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="Output file; - for standard output.")
@click.option("--annotate", is_flag=True, help="HTML: mark each cell that breaks a rule and list the findings.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def render(instance: str, fmt: str, output: str, annotate: bool, force: bool) -> None:
    """Render an instance in the official layout of its format version (HTML: one standalone page with A4
    print CSS; Markdown; an Excel workbook with merged header cells; a Word file in the official layout that
    reads back exactly, as the template's). Exit 2 when the instance cannot be read
    or has no valid format_version."""
    _guard(output, force)
    try:
        data = loading.load(instance)
    except loading.InputError as e:
        click.echo(f"{instance}: {e.rule} {e}", err=True)
        sys.exit(2)
    try:
        if fmt in ("xlsx", "docx"):
            if data.get("format_version") not in Model.load().versions:
                raise ValueError("the instance has no valid format_version")
            build = workbook.build if fmt == "xlsx" else docx.build
            result: str | bytes = build(data, data["format_version"])
        else:
            result = render_html(data, annotate) if fmt == "html" else render_markdown(data)
    except ValueError as e:
        click.echo(f"{instance}: {e}", err=True)
        sys.exit(2)
    _emit(output, result, force)


@cli.command(epilog="""\b
Examples:
  gaischema template -o 年度报告填报表.xlsx
  gaischema template --version 2019 -o template-2019.xlsx
  gaischema template --format docx -o 年度报告.docx
""")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "docx"]), default="xlsx", show_default=True,
              help="xlsx: the fill-in workbook; docx: the report in Word, in the official layout.")
@click.option("--version", "version", type=click.Choice(Model.load().version_labels()),
              default=Model.load().version_labels()[0], show_default=True,
              help="The version of the national format.")
@click.option("-o", "--output", required=True, help="The workbook to write.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def template(fmt: str, version: str, output: str, force: bool) -> None:
    """An empty fill-in workbook of the official tables: number cells only (validated: non-negative whole
    numbers, decimals for 万元), the 总计 cells as formulas, and a sheet for the metadata and narrative.
    Read it back with gaischema extract FILE.xlsx (values, not formulas: a 总计 overwritten by hand is read
    as written, so the validator can catch it).

    With --format docx: the report in Word as officials publish it - the title, the section headings, the
    three tables with the national format's merged headers - to write the report in; each official cell
    carries a bookmark (the cell map), so gaischema validate/extract and the validator page read it back
    exactly."""
    _guard(output, force)
    build = workbook.build if fmt == "xlsx" else docx.build
    _emit(output, build(None, f"v{version}"), force)


# ------------------------------------------------------------------------------------------------- rules
@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List the rule catalogue declared in the schema (id, severity, source, messages)."""
    rs = Model.load().rules
    if fmt == "json":
        _out_text(json.dumps(rs, ensure_ascii=False, indent=1))
        return
    for r in rs:
        _out_text(f"{r['id']:26} {r['severity']:8} {r['class']}: {r['description']}\n"
                  f"{'':36}{r['message_zh']}\n{'':36}source: {r['source']}")


@cli.command("linkml-config")
@click.option("-o", "--output", default="-", show_default=True, help="Where to write the config.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def linkml_config(output: str, force: bool) -> None:
    """Write a linkml-validate config that uses the installed schema, its JSON Schema check and the rules.

    \b
    Example:
      gaischema linkml-config -o gaischema-validate.yaml
      linkml-validate --config gaischema-validate.yaml report.yaml
    """
    text = (
        "# linkml-validate config for the installed gaischema package\n"
        f"schema: {json.dumps(str(resources.schema_path()))}\n"
        "target_class: AnnualReport\n"
        "plugins:\n"
        "  JsonschemaValidationPlugin:\n"
        "    closed: true\n"
        "  gaischema.linkml_plugin.RulesValidationPlugin: {}\n"
    )
    _guard(output, force)
    _emit(output, text, force)


# ------------------------------------------------------------------------------------------------- correct
@cli.command(epilog="""\b
Examples:
  gaischema correct reports/pingtan-2023.pdf applications.new_applications.total 12 --reason "第 3 页印为 12"
  gaischema correct reports/x.pdf applications.results.granted.total blank --reason "原文空白" --who 李四
""")
@click.argument("file")
@click.argument("path")
@click.argument("value")
@click.option("--reason", required=True, help="Why: what the print shows.")
@click.option("--who", default="", help="Who made the correction [default: $USER].")
def correct(file: str, path: str, value: str, reason: str, who: str) -> None:
    """Record a corrected reading of one cell of a published report, in corrections.yaml beside it (tied to
    the file's SHA-256). Every later extract and report applies it, with a corrected note carrying the value
    read and the reason; once the file changes, the correction is reported as stale and not applied.
    VALUE: a count (0 or more), or blank. Exit 0: recorded; 2: no such file, not a cell, a bad value."""
    try:
        number = corr.parse_value(value)
    except loading.InputError as e:
        raise click.UsageError(str(e)) from None
    target, entry = corr.record_correction(file, path, number, reason, who or os.environ.get("USER", ""))
    click.echo(out.printable(f"{target}: {entry.file} {path} = {'blank' if number is None else number}"), err=True)


@cli.command(epilog="""\b
Examples:
  gaischema review reports/x.pdf applications.results.results_total confirmed --rule T3-RESULTS-TOTAL --reason "原文如此"
  gaischema review reports/x.pdf applications.new_applications.total misread --reason "印为 12，读作 17"
""")
@click.argument("file")
@click.argument("path")
@click.argument("state", type=click.Choice(corr.REVIEW_STATES))
@click.option("--rule", default="", help="The finding's rule (empty: every finding on the cell).")
@click.option("--reason", required=True, help="Why: what the print shows.")
@click.option("--who", default="", help="Who reviewed [default: $USER].")
def review(file: str, path: str, state: str, rule: str, reason: str, who: str) -> None:
    """Mark a finding on a published report's cell confirmed (the organ's own error: exported by report's
    confirmed.csv) or misread (the extractor read it wrong: correct it with gaischema correct), in
    corrections.yaml beside the report. Exit 0: recorded; 2: no such file."""
    target, entry = corr.record_review(file, path, state, reason, rule, who or os.environ.get("USER", ""))
    click.echo(out.printable(f"{target}: {entry.file} {path} {rule} {state}"), err=True)


def main() -> None:
    try:
        sys.stdout.reconfigure(errors="backslashreplace")
        sys.stderr.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):  # pragma: no cover - replaced streams
        pass
    try:
        try:
            cli.main(standalone_mode=False)
        finally:  # here, so that a full disk is this command's one-line error, not the interpreter's at exit
            sys.stdout.flush()
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:  # Ctrl-C (click turns KeyboardInterrupt into Abort)
        click.echo("interrupted / 已中断", err=True)
        sys.exit(130)
    except out.OutputError as exc:  # an output file that could not be written (a full disk): nothing left of it
        click.echo(f"gaischema: {exc.rule} {exc}", err=True)
        sys.exit(2)
    except loading.InputError as exc:  # a corrections file that cannot be read: nothing is applied in silence
        click.echo(out.printable(f"gaischema: {exc.rule} {exc}"), err=True)
        sys.exit(2)
    except BrokenPipeError:
        os._exit(0)  # the reader went away (e.g. | head); nothing more to say
    except OSError as exc:  # standard output cannot be written: the disk is full, a quota
        with contextlib.suppress(OSError):
            click.echo(f"gaischema: OUTPUT-WRITE 无法写入输出 / cannot write the output: {exc.strerror or exc}",
                       err=True)
        os._exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        click.echo(f"gaischema: internal error / 内部错误: {type(exc).__name__}: {exc} "
                   "(please report it)", err=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
