"""The ``gaischema`` command line.

Exit codes (every command):

- 0  no error (warnings do not fail)
- 1  a report has an error (a broken rule, a wrong type), or a cell could not be exported
- 2  usage error, or input that is not a readable report (missing file, broken YAML, not UTF-8, too large,
     a folder with no reports)
- 3  an internal error in gaischema (a bug: please report it)
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys

import click

EPILOG_VALIDATE = """\b
Examples:
  gaischema validate examples/valid/AnnualReport-beilun-2023.yaml
  gaischema validate examples/ --format json > findings.json
  gaischema extract report.html -o - | gaischema validate -
"""

EPILOG_EXPORT = """\b
Examples:
  gaischema export examples/valid --format csv -o cells.csv
  gaischema export report.yaml --format json
"""


def _out_text(text: str) -> None:
    click.echo(text)


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
@cli.command(epilog=EPILOG_VALIDATE)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people; json: a list with one object per file (file, valid, findings).")
@click.option("-q", "--quiet", is_flag=True, help="Text format: print only files with findings.")
def validate(paths: tuple[str, ...], fmt: str, quiet: bool) -> None:
    """Validate report instances (YAML or JSON files, folders, or - for standard input).

    Each finding names its rule id, severity, the official cell, the JSON path, the reported and the expected
    value, in Chinese and English. Exit 0: no error; 1: some file has an error; 2: unreadable input.
    """
    from gaischema import loading
    from gaischema.validate import FileReport, input_finding, validate_file

    files, problems = loading.iter_sources(list(paths))
    reports = [FileReport(p, [input_finding(e)], fatal=True) for p, e in problems]
    reports += [validate_file(f) for f in files]
    if fmt == "json":
        _out_text(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=1, default=str))
    else:
        for r in reports:
            if quiet and not r.findings:
                continue
            _out_text(_text_report(r))
        if len(reports) > 1:
            _out_text(_summary(reports))
    sys.exit(_exit_code(reports))


def _exit_code(reports) -> int:
    if any(r.fatal for r in reports):
        return 2
    return 1 if any(not r.valid for r in reports) else 0


def _summary(reports) -> str:
    fatal = sum(r.fatal for r in reports)
    invalid = sum((not r.valid) and not r.fatal for r in reports)
    warned = sum(r.valid and bool(r.findings) for r in reports)
    valid = len(reports) - fatal - invalid
    return (f"{len(reports)} 个文件 files: {valid} 有效 valid ({warned} 有警告 with warnings), "
            f"{invalid} 有错误 with errors, {fatal} 无法读取 unreadable")


def _text_report(r) -> str:
    if r.fatal:
        f = r.findings[0]
        return f"{r.file}: {f.rule} {f.message} / {f.message_en}"
    errors = sum(f.severity == "error" for f in r.findings)
    warnings = len(r.findings) - errors
    if not r.findings:
        return f"{r.file}: 有效，无问题 / valid, no findings"
    lines = [f"{r.file}: {'无效' if errors else '有效'} / {'invalid' if errors else 'valid'} — "
             f"{errors} 个错误 error(s), {warnings} 个警告 warning(s)"]
    for f in r.findings:
        lines.append(f"  {f.severity.upper():7} {f.rule:22} {f.cell}")
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
@cli.command(epilog=EPILOG_EXPORT)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="Output file; - for standard output.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def export(paths: tuple[str, ...], fmt: str, output: str, force: bool) -> None:
    """Export the tidy table: one line per official cell of each report.

    Columns: file, organ, year, format_version, table (二/三/四), row (the official row label path), column
    (the official column label), path (the JSON path in the instance), value (a blank cell stays blank).
    The rows come from the schema's cell map, the same one that the rules and messages use.
    """
    from gaischema import loading
    from gaischema.export import COLUMNS, tidy_rows

    if output != "-" and os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists; use --force to overwrite it")
    files, problems = loading.iter_sources(list(paths))
    code = 2 if problems else 0
    for p, e in problems:
        click.echo(f"{p}: {e.rule} {e}", err=True)
    rows = []
    for f in files:
        try:
            instance = loading.load(f)
        except loading.InputError as e:
            click.echo(f"{f}: {e.rule} {e}", err=True)
            code = 2
            continue
        got = list(tidy_rows(instance, f))
        if not got:
            click.echo(f"{f}: EXPORT-NO-VERSION 缺少有效的 format_version，无法确定单元格 / "
                       f"no valid format_version, so its cells are unknown", err=True)
            code = max(code, 1)
        rows.extend(got)
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n"
    else:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        text = buf.getvalue()
    if output == "-":
        sys.stdout.write(text)
    else:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    sys.exit(code)


# ------------------------------------------------------------------------------------------------- extract
EPILOG_EXTRACT = """\b
Examples:
  gaischema extract report.html                      # the instance on standard output
  gaischema extract report.txt -o report.yaml
  gaischema extract reports/*.html --out-dir instances/ --format json
  gaischema extract report.html -o - | gaischema validate -
"""


@cli.command(epilog=EPILOG_EXTRACT)
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", help="Output file for one source; - for standard output (the default for one source).")
@click.option("--out-dir", type=click.Path(file_okay=False), help="Folder for the instances (NAME.yaml or NAME.json).")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
def extract(sources: tuple[str, ...], output: str | None, out_dir: str | None, fmt: str, force: bool) -> None:
    """Turn published reports (.txt, .html/.htm, .docx, .md; UTF-8 or GB18030/GBK) into AnnualReport instances.

    Every cell that is blank, unreadable, inferred (digits run together, split by the rules) or ambiguous is
    listed in the instance's extraction.notes and on standard error. Nothing is guessed: a cell that cannot
    be read stays blank. Files over 10 MiB are refused.

    Exit 0: every cell was read (the report may still break rules: run gaischema validate); 1: some cells
    could not be read or were ambiguous; 2: a source is not a readable report, or an output file exists.
    """
    from pathlib import Path

    from gaischema.extract import dumps
    from gaischema.extract import extract as run_extract
    from gaischema.loading import InputError

    if output and out_dir:
        raise click.UsageError("use -o or --out-dir, not both")
    if len(sources) > 1 and not out_dir:
        raise click.UsageError("several sources need --out-dir")
    code = 0
    targets: set[str] = set()
    for src in sources:
        if out_dir:
            target = str(Path(out_dir) / f"{Path(src).stem}.{fmt}")
        else:
            target = output or "-"
        if target != "-" and ((os.path.exists(target) and not force) or target in targets):
            click.echo(f"{src}: {target} exists; use --force to overwrite it / 输出文件已存在", err=True)
            code = 2
            continue
        try:
            result = run_extract(src)
        except InputError as e:
            click.echo(f"{src}: {e.rule} {e.message} / {e.message_en}", err=True)
            code = 2
            continue
        for n in result.notes:
            click.echo(f"{src}: {n.kind:10} {n.path}: {n.message}" + (f" [{n.raw}]" if n.raw else ""), err=True)
        text = dumps(result.instance, fmt)
        if target == "-":
            sys.stdout.write(text)
        else:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(text)
            targets.add(target)
        if not result.complete:
            code = max(code, 1)
    sys.exit(code)


# ------------------------------------------------------------------------------------------------- rules
@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List the rule catalogue declared in the schema (id, severity, source, messages)."""
    from gaischema import resources

    rs = resources.model()["rules"]
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
    from gaischema import resources

    text = (
        "# linkml-validate config for the installed gaischema package\n"
        f"schema: {json.dumps(str(resources.schema_path()))}\n"
        "target_class: AnnualReport\n"
        "plugins:\n"
        "  JsonschemaValidationPlugin:\n"
        "    closed: true\n"
        "  gaischema.linkml_plugin.RulesValidationPlugin: {}\n"
    )
    if output == "-":
        sys.stdout.write(text)
        return
    if os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists; use --force to overwrite it")
    with open(output, "w", encoding="utf-8") as fh:
        fh.write(text)


def main() -> None:
    try:
        sys.stdout.reconfigure(errors="backslashreplace")
        sys.stderr.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):  # pragma: no cover - replaced streams
        pass
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(2)
    except BrokenPipeError:
        os._exit(0)  # the reader went away (e.g. | head); nothing more to say
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        click.echo(f"gaischema: internal error / 内部错误: {type(exc).__name__}: {exc} "
                   "(please report it)", err=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
