#!/usr/bin/env node
// The command gaischema-js: the package's only module that reads files (the core, index.mjs, reads none).
//
//   gaischema-js validate FILE|FOLDER... [--format text|json] [--no-cross]
//       findings of each report, then the cross-report findings; --format json writes what
//       `gaischema validate --format json` writes. Exit 0: no error; 1: some report has an error; 2: unreadable input.
//   gaischema-js conformance DIR
//       runs the conformance suite in DIR (the cases its index.json lists, else every case file under DIR), all
//       groups, the optional ones too; prints "N passed, M failed";
//       exit 0 only when every case passes.

import fs from "node:fs";
import path from "node:path";
import {InputError, crossCheck, parseReport, runCase, validate, version} from "./index.mjs";

const MAX_BYTES = 10 * 1024 * 1024;
const SUFFIXES = [".yaml", ".yml", ".json"];
const USAGE = `gaischema-js ${version} — the gaischema standard in JavaScript

usage: gaischema-js validate FILE|FOLDER... [--format text|json] [--no-cross]
       gaischema-js conformance DIR
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
      results.push({file, valid: !findings.some(f => f.severity === "error"), findings});
      readable.push({file, report});
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      results.push({file, valid: false, findings: [e.finding()], fatal: true});
    }
  }
  if (cross && readable.length > 1) {
    const groups = new Map();
    for (const f of crossCheck(readable.map(r => r.report), {names: readable.map(r => r.file)})) {
      const key = `${f.report}\u0000${f.other}`;
      if (!groups.has(key)) groups.set(key, {file: readable[f.report].file, previous: readable[f.other].file, findings: []});
      const {report, other, ...finding} = f;
      groups.get(key).findings.push(finding);
    }
    for (const g of groups.values())
      results.push({file: g.file, valid: !g.findings.some(f => f.severity === "error"), findings: g.findings, cross_report: true, previous: g.previous});
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
  const name = r.file + (r.previous ? `（与上一年度 ${r.previous} 比较 / against the previous year's ${r.previous}）` : "");
  if (r.fatal) return `${name}: ${r.findings[0].rule} ${r.findings[0].message} / ${r.findings[0].message_en}`;
  if (!r.findings.length) return `${name}: 有效，无问题 / valid, no findings`;
  const errors = r.findings.filter(f => f.severity === "error").length, warnings = r.findings.length - errors;
  const lines = [`${name}: ${errors ? "无效 / invalid" : "有效 / valid"} — ${errors} 个错误 error(s), ${warnings} 个警告 warning(s)`];
  const show = v => (v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  for (const f of r.findings) {
    lines.push(`  ${f.severity.toUpperCase().padEnd(7)} ${f.rule.padEnd(22)} ${f.cell}`);
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
function conformanceCommand(args) {
  if (args.length !== 1) throw new UsageError("conformance needs one DIR");
  if (!fs.existsSync(args[0]) || !fs.statSync(args[0]).isDirectory()) throw new UsageError(`not a folder: ${args[0]}`);
  const cases = caseFiles(args[0]);
  const failed = [];
  for (const [file, c] of cases) if (!sameFindings(runCase(c), c.findings)) failed.push(c.id || file);
  for (const id of failed) process.stderr.write(`FAILED ${id}\n`);
  process.stdout.write(`${cases.length - failed.length} passed, ${failed.length} failed\n`);
  return failed.length === 0 && cases.length > 0 ? 0 : 1;
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
