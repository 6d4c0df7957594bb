// The validator page of the documentation site (docs/validator/index.md), bundled by `node scripts/build.mjs
// --page` into docs/validator/gaischema-validator.js. It uses the npm package's own modules: the core
// (validate, crossCheck, parseReport) and gaischema/workbook. Files are read in the browser with the File API;
// nothing is sent anywhere (the page makes no request of its own).

import {InputError, crossCheck, parseReport, validate, version} from "../src/index.mjs";
import {cellPlaces, readWorkbook} from "../src/workbook.mjs";

const $ = sel => document.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-")) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
};
const shown = v => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

async function readFile(file) {  // {name, report} or {name, error}
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    if (/\.xlsx$/i.test(file.name)) return {name: file.name, report: await readWorkbook(bytes), workbook: true};
    if (bytes.length > 10 * 1024 * 1024) throw new InputError("INPUT-TOO-LARGE", "文件过大", "file too large");
    let text;
    try {
      text = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    } catch {
      throw new InputError("INPUT-ENCODING", "不是 UTF-8 编码；请先转换为 UTF-8", "not UTF-8; convert the file to UTF-8 first");
    }
    return {name: file.name, report: parseReport(text, file.name)};
  } catch (e) {
    if (e instanceof InputError) return {name: file.name, error: e};
    throw e;
  }
}

function findingsTable(findings, places) {
  const head = el("tr", {}, ...["", "规则 rule", "单元格 cell", "填报 reported", "应为 expected", "说明 message"].map(t => el("th", {}, t)));
  const rows = findings.map(f => {
    const place = places && places[f.path] ? `${places[f.path][0]}!${places[f.path][1]}` : null;
    return el("tr", {"class": `finding ${f.severity}`, "data-rule": f.rule, "data-path": f.path, "data-severity": f.severity,
                     "data-place": place || ""},
      el("td", {"class": "severity"}, f.severity === "error" ? "错误 error" : f.severity === "warning" ? "警告 warning" : "无法读取 fatal"),
      el("td", {"class": "rule"}, el("code", {}, f.rule)),
      el("td", {"class": "cell"}, el("div", {"class": "cell-zh"}, f.cell || "（整份报告）"), el("div", {"class": "cell-en"}, f.cell_en || ""),
         place ? el("div", {"class": "place"}, `工作簿 workbook: ${place}`) : null,
         f.path ? el("div", {"class": "path"}, el("code", {}, f.path)) : null),
      el("td", {"class": "reported"}, shown(f.reported)),
      el("td", {"class": "expected"}, shown(f.expected)),
      el("td", {"class": "message"}, el("div", {"class": "message-zh"}, f.message), el("div", {"class": "message-en"}, f.message_en)));
  });
  return el("table", {"class": "gaischema-findings"}, el("thead", {}, head), el("tbody", {}, ...rows));
}

function summary(findings) {
  const errors = findings.filter(f => f.severity !== "warning").length, warnings = findings.length - errors;
  if (!findings.length) return "有效，无问题 / valid, no findings";
  return `${errors ? "无效 / invalid" : "有效 / valid"} — ${errors} 个错误 error(s), ${warnings} 个警告 warning(s)`;
}

async function check(files) {
  const out = $("#gaischema-results"), status = $("#gaischema-status");
  status.dataset.state = "working";
  status.textContent = "正在校验… / checking…";
  out.replaceChildren();
  try {
    const read = [];
    for (const file of files) read.push(await readFile(file));
    const good = read.filter(r => r.report);
    const cross = good.length > 1 ? crossCheck(good.map(r => r.report), {names: good.map(r => r.name)}) : [];
    for (const r of read) {
      const findings = r.error ? [r.error.finding()] : validate(r.report);
      const places = r.workbook ? cellPlaces(r.report.format_version) : null;
      const section = el("section", {"class": "gaischema-file", "data-file": r.name},
        el("h3", {}, r.name), el("p", {"class": "summary"}, r.error ? `无法读取 / unreadable — ${r.error.message_zh} / ${r.error.message_en}` : summary(findings)));
      if (findings.length) section.append(findingsTable(findings, places));
      const mine = cross.filter(f => good[f.report] === r);
      if (mine.length) section.append(el("h4", {}, "跨年度核对 cross-report"), findingsTable(mine, places));
      out.append(section);
    }
    status.textContent = `已校验 ${read.length} 个文件 / checked ${read.length} file(s) — gaischema ${version}`;
    status.dataset.state = "done";
  } catch (e) {
    status.textContent = `内部错误（程序缺陷）/ internal error (a bug): ${e && e.message}`;
    status.dataset.state = "failed";
    throw e;
  }
}

function start() {
  const input = $("#gaischema-file"), drop = $("#gaischema-drop");
  if (!input) return;
  $("#gaischema-version").textContent = version;
  input.addEventListener("change", () => input.files.length && check([...input.files]));
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", e => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files.length) check([...e.dataTransfer.files]);
  });
  $("#gaischema-status").dataset.state = "ready";
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
