#!/usr/bin/env node
// The command gaischema-js: the package's only module that reads files (the core, index.mjs, reads none).
//
//   gaischema-js validate FILE|FOLDER... [--format text|json] [--no-cross]
//       findings of each report, then the cross-report findings; --format json writes what
//       `gaischema validate --format json` writes. Exit 0: no error; 1: some report has an error; 2: unreadable input.
//   gaischema-js conformance [DIR] [--command CMD] [--report FILE|-] [--skip-optional]
//       runs the conformance suite in DIR (default: the suite this package ships, data/conformance; the cases its
//       index.json lists, else every case file under DIR), all groups unless --skip-optional; by default against
//       this package, with --command against any implementation: CMD is run on each case's files (reports named
//       0, 1, …, or an input case's source under its own name) and prints JSON findings (what `gaischema validate
//       --format json` writes). Prints "N passed, M failed"; --report writes the results report
//       (results.schema.json). Exit 0 only when every case passes.

import {spawnSync} from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {InputError, crossCheck, parseReport, runCase, validate, version} from "./index.mjs";

const MAX_BYTES = 10 * 1024 * 1024;
const SUFFIXES = [".yaml", ".yml", ".json"];
const USAGE = `gaischema-js ${version} — the gaischema standard in JavaScript

usage: gaischema-js validate FILE|FOLDER... [--format text|json] [--no-cross]
       gaischema-js conformance [DIR] [--command CMD] [--report FILE|-] [--skip-optional]
       gaischema-js --version`;

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------- files
function* walk(p) {  // report files under a file or folder, sorted within each folder, as gaischema walks them
  let stat;
  try { stat = fs.statSync(p); } catch { yield p; return; }
  if (!stat.isDirectory()) { yield p; return; }
  let found = false;
  const seen = new Set([fs.realpathSync(p)]);
  const visit = function* (dir) {
    let entries;
    try { entries = fs.readdirSync(dir, {withFileTypes: true}); } catch { return; }
    const names = entries.map(e => e.name).sort(byCodePoint);
    const dirs = [], files = [];
    for (const name of names) {
      const full = path.join(dir, name);
      let s;
      try { s = fs.statSync(full); } catch { continue; }
      if (s.isDirectory()) {
        const real = fs.realpathSync(full);
        if (!seen.has(real)) { seen.add(real); dirs.push(full); }
      } else if (s.isFile() && SUFFIXES.some(x => name.toLowerCase().endsWith(x))) files.push(full);
    }
    for (const f of files) { found = true; yield f; }
    for (const d of dirs) yield* visit(d);
  };
  yield* visit(p);
  if (!found) yield {folder: p};
}
const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function readReport(file) {
  let data;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_BYTES) throw new InputError("INPUT-TOO-LARGE", `文件过大（${size} 字节，上限 ${MAX_BYTES} 字节）`, `file too large (${size} bytes; the limit is ${MAX_BYTES})`);
    data = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e.code === "ENOENT") throw new InputError("INPUT-UNREADABLE", "文件不存在", "no such file");
    if (e.code === "EACCES") throw new InputError("INPUT-UNREADABLE", "无权读取该文件", "permission denied");
    throw new InputError("INPUT-UNREADABLE", "无法读取文件", `cannot read: ${e.message}`);
  }
  if (data.subarray(0, 8192).includes(0)) throw new InputError("INPUT-ENCODING", "不是文本文件（含二进制数据）", "not a text file (binary data)");
  let text;
  try {
    text = new TextDecoder("utf-8", {fatal: true}).decode(data);
  } catch {
    throw new InputError("INPUT-ENCODING", "不是 UTF-8 编码；请先转换为 UTF-8", "not UTF-8; convert the file to UTF-8 first");
  }
  return parseReport(text, file);
}

// ---------------------------------------------------------------------------------------------- validate
function validateCommand(args) {
  let format = "text", cross = true;
  const paths = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--format") format = args[++i];
    else if (a.startsWith("--format=")) format = a.slice(9);
    else if (a === "--no-cross") cross = false;
    else if (a === "--cross") cross = true;
    else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (!["text", "json"].includes(format)) throw new UsageError(`--format must be text or json, not ${format}`);
  if (!paths.length) throw new UsageError("validate needs at least one FILE or FOLDER");
  const results = [], readable = [];
  for (const p of paths) for (const file of walk(p)) {
    if (typeof file !== "string") {
      const kinds = SUFFIXES.map(x => `*${x}`);
      const err = new InputError("INPUT-NO-REPORTS", `目录中没有报告文件（${kinds.join("、")}）`, `no report files (${kinds.join(", ")}) in this folder`);
      results.push({file: file.folder, valid: false, findings: [err.finding()], fatal: true});
      continue;
    }
    try {
      const report = readReport(file);
      const findings = validate(report);
      const result = {file, valid: !findings.some(f => f.severity === "error"), findings};
      results.push(result);
      readable.push({file, report, result});
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      results.push({file, valid: false, findings: [e.finding()], fatal: true});
    }
  }
  if (cross && readable.length > 1) {  // one result per file: its cross-report findings join its own
    for (const f of crossCheck(readable.map(r => r.report), {names: readable.map(r => r.file)})) {
      const {report, other, ...finding} = f;
      const r = readable[report].result;
      r.findings.push({...finding, previous: readable[other].file});
      r.valid = !r.findings.some(x => x.severity === "error");
    }
  }
  if (format === "json") {
    process.stdout.write("[\n" + results.map(({fatal, ...r}) => JSON.stringify(r)).join(",\n") + (results.length ? "\n" : "") + "]\n");
  } else {
    for (const r of results) process.stdout.write(textReport(r) + "\n");
  }
  if (results.some(r => r.fatal)) return 2;
  return results.some(r => !r.valid) ? 1 : 0;
}

function textReport(r) {
  const name = r.file;
  if (r.fatal) return `${name}: ${r.findings[0].rule} ${r.findings[0].message} / ${r.findings[0].message_en}`;
  if (!r.findings.length) return `${name}: 有效，无问题 / valid, no findings`;
  const errors = r.findings.filter(f => f.severity === "error").length, warnings = r.findings.length - errors;
  const lines = [`${name}: ${errors ? "无效 / invalid" : "有效 / valid"} — ${errors} 个错误 error(s), ${warnings} 个警告 warning(s)`];
  const show = v => (v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  for (const f of r.findings) {
    lines.push(`  ${f.severity.toUpperCase().padEnd(7)} ${f.rule.padEnd(22)} ${f.cell}`);
    if (f.previous) lines.push(`          与 ${f.previous} 比较 / compared with ${f.previous}`);
    let detail = `path: ${f.path || "(root)"}`;
    if (f.reported !== null || f.expected !== null) detail += `   reported: ${show(f.reported)}   expected: ${show(f.expected)}`;
    lines.push(`          ${detail}`, `          ${f.message}`, `          ${f.message_en}`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------- conformance
const VALUES = ["reported", "expected", "quote", "other"];
function key(f) {  // what of a finding must match (the suite's README)
  const base = [f.report, f.rule, f.severity, f.path];
  if (f.rule.startsWith("SCHEMA-")) return JSON.stringify(base);
  return JSON.stringify([...base, ...VALUES.map(k => (f[k] === undefined ? null : f[k]))]);
}
function sameFindings(found, expected) {
  const count = new Map();
  for (const f of found) count.set(key(f), (count.get(key(f)) || 0) + 1);
  for (const f of expected) count.set(key(f), (count.get(key(f)) || 0) - 1);
  return [...count.values()].every(n => n === 0);
}
function caseFiles(dir) {
  // the suite's index (index.json: cases with their files) when it has one; else every case file under DIR
  const index = path.join(dir, "index.json");
  if (fs.existsSync(index)) {
    const cases = JSON.parse(fs.readFileSync(index, "utf8")).cases;
    return cases.map(c => [path.join(dir, c.file), JSON.parse(fs.readFileSync(path.join(dir, c.file), "utf8"))]);
  }
  const out = [];
  const visit = d => {
    for (const e of fs.readdirSync(d, {withFileTypes: true}).sort((a, b) => byCodePoint(a.name, b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.name.endsWith(".json")) {
        const c = JSON.parse(fs.readFileSync(full, "utf8"));
        if (c && (Array.isArray(c.reports) || c.input) && Array.isArray(c.findings)) out.push([full, c]);
      }
    }
  };
  visit(dir);
  return out;
}
// the suite this package ships (data/conformance/, copied from generated/conformance by scripts/build.mjs)
const BUNDLED_SUITE = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), "data", "conformance");
const RESULTS_FORMAT = "gaischema-conformance-results/1";

function caseInputFiles(c, dir) {  // as gaischema.conformance.case_files: reports named 0, 1, …; input under its name
  if (c.input) {
    const name = c.input.name;  // a plain file name, never ../x or /etc/x: a suite folder is someone else's data
    if (typeof name !== "string" || name === "" || name === "." || name === ".." || path.basename(name) !== name || /[\\/]/.test(name))
      throw new Error(`the case's input name is not a plain file name: ${JSON.stringify(name)}`);
    fs.writeFileSync(path.join(dir, name), c.input.text);
    return [name];
  }
  return c.reports.map((r, i) => { fs.writeFileSync(path.join(dir, String(i)), JSON.stringify(r)); return String(i); });
}
function parseOutput(text, names) {  // as gaischema.conformance.parse_output
  const data = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error("the output is not a JSON list");
  const which = name => {
    let i = names.indexOf(String(name));
    if (i < 0) i = names.indexOf(path.basename(String(name)));
    if (i < 0) throw new Error(`the output names a file that was not given: ${name}`);
    return i;
  };
  const found = [];
  for (const item of data) {
    if (item && Array.isArray(item.findings)) {
      const report = which(item.file);
      for (const {previous, ...f} of item.findings) {  // a cross-report finding names the other report
        const other = previous != null ? previous : item.previous;
        found.push({...f, report, ...(other != null ? {other: which(other)} : {})});
      }
    } else if (item && typeof item.rule === "string") found.push({report: 0, ...item});
    else throw new Error("an item of the output is neither a file's result nor a finding");
  }
  return found;
}
// The implementation's command in a process group of its own, ended with it: a child it leaves behind holding
// its output open (sh -c 'sleep 1000 & …') would keep spawnSync waiting for the end of the output until the
// timeout, and live on. On spawnSync's timeout (SIGTERM to this runner) the group is ended too.
const GROUP_RUNNER = `const {spawn} = require("node:child_process");
const [cmd, ...args] = process.argv.slice(1);
const c = spawn(cmd, args, {stdio: "inherit", detached: true});
const end = () => { try { process.kill(-c.pid, "SIGKILL"); } catch {} };
c.on("error", e => { process.stderr.write(String(e.message)); process.exit(127); });
c.on("exit", code => { end(); process.exit(code ?? 128); });
process.on("SIGTERM", () => { end(); process.exit(143); });`;
function runCommandOn(argv, c, timeoutMs) {  // an implementation's findings of a case, by its command
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gaischema-case-"));
  try {
    const names = caseInputFiles(c, dir);
    const proc = spawnSync(process.execPath, ["-e", GROUP_RUNNER, "--", ...argv, ...names],
                           {cwd: dir, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024});
    if (proc.error) throw proc.error;
    if (![0, 1, 2].includes(proc.status)) throw new Error(`exit code ${proc.status}: ${(proc.stderr || "").slice(-500)}`);
    return parseOutput(proc.stdout, names);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}
function splitCommand(text) {  // a command line as argv: words, "…" and '…' quoted (no shell)
  const out = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2] ?? m[3]);
  if (!out.length) throw new UsageError("--command needs a command");
  return out;
}
function difference(found, expected, leaveOut) {
  const count = new Map();
  for (const f of found) if (!leaveOut.has(f.rule)) count.set(key(f), (count.get(key(f)) || 0) + 1);
  for (const f of expected) if (!leaveOut.has(f.rule)) count.set(key(f), (count.get(key(f)) || 0) - 1);
  const missing = [], unexpected = [];
  for (const [k, n] of count) for (let i = 0; i < Math.abs(n); i++) (n < 0 ? missing : unexpected).push(JSON.parse(k));
  return {missing, unexpected};
}
function conformanceCommand(args) {
  let dir = null, command = null, report = null, skipOptional = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--command" || a === "--report") {
      if (i + 1 >= args.length) throw new UsageError(`${a} needs a value`);
      if (a === "--command") command = splitCommand(args[++i]); else report = args[++i];
    } else if (a === "--skip-optional") skipOptional = true;
    else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
    else if (dir === null) dir = a;
    else throw new UsageError("conformance takes one DIR");
  }
  dir = dir ?? BUNDLED_SUITE;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`not a folder: ${dir}`);
  const cases = caseFiles(dir);
  const indexFile = path.join(dir, "index.json");
  const index = fs.existsSync(indexFile) ? JSON.parse(fs.readFileSync(indexFile, "utf8")) : {};
  const leaveOut = new Set(skipOptional ? index.optional_rules || [] : []);
  const results = [];
  for (const [file, c] of cases) {
    const entry = {id: c.id || file, group: c.group, optional: Boolean(c.optional)};
    if (skipOptional && c.optional) { results.push({...entry, status: "skipped"}); continue; }
    let found;
    try {
      found = command ? runCommandOn(command, c, 60000) : runCase(c);
    } catch (e) {
      results.push({...entry, status: "errored", error: String(e && e.message || e).slice(0, 2000)});
      continue;
    }
    const diff = difference(found, c.findings, leaveOut);
    const ok = !diff.missing.length && !diff.unexpected.length;
    results.push({...entry, status: ok ? "passed" : "failed", ...(ok ? {} : diff)});
  }
  const n = s => results.filter(r => r.status === s).length;
  const summary = {cases: results.length, passed: n("passed"), failed: n("failed"), errored: n("errored"),
                   skipped: n("skipped"), conforms: results.every(r => r.status === "passed" || (r.status === "skipped" && r.optional))};
  if (report) {
    const out = {format: RESULTS_FORMAT, suite: {suite_version: index.suite_version ?? null, standard_version: index.standard_version ?? version},
                 implementation: {command: command ? command.join(" ") : `gaischema-js ${version}`}, summary, results};
    const text = JSON.stringify(out, null, 1) + "\n";
    if (report === "-") process.stdout.write(text); else fs.writeFileSync(report, text);
  }
  for (const r of results) if (r.status === "failed" || r.status === "errored") process.stderr.write(`${r.status.toUpperCase()} ${r.id}\n`);
  const line = `${summary.passed} passed, ${summary.failed + summary.errored} failed` + (summary.skipped ? `, ${summary.skipped} skipped` : "") + "\n";
  (report === "-" ? process.stderr : process.stdout).write(line);
  return summary.conforms && results.length > 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------- main
function main(argv) {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === "validate") return validateCommand(rest);
    if (cmd === "conformance") return conformanceCommand(rest);
    if (cmd === "--version") { process.stdout.write(`${version}\n`); return 0; }
    if (cmd === "-h" || cmd === "--help" || cmd === "help") { process.stdout.write(USAGE + "\n"); return 0; }
    throw new UsageError(cmd ? `unknown command ${cmd}` : "a command is needed");
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`${USAGE}\n\nerror: ${e.message}\n`); return 2; }
    process.stderr.write(`gaischema-js: internal error (a bug; please report it): ${e.stack || e}\n`);
    return 3;
  }
}

// the reader went away (| head): end quietly, as gaischema does, not with an unhandled 'error' event's stack
for (const stream of [process.stdout, process.stderr])
  stream.on("error", e => { if (e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });
process.exitCode = main(process.argv.slice(2));
