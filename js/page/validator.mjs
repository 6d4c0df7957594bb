// The validator page of the documentation site (docs/validator/index.md), bundled by `node scripts/build.mjs
// --page` into docs/validator/gaischema-validator.js. It uses the npm package's own modules: the core
// (validate, crossCheck, parseReport), gaischema/workbook and the Word reader (src/docx.mjs). Files are read in
// the browser with the File API; nothing is sent anywhere (the page makes no request of its own).
//
// For a person: findings in Chinese (English behind a switch), grouped by table, each with the official cell
// in words, its place in the workbook or the Word file, the reported and the expected value and what to do;
// each table drawn in the official layout with the wrong cells marked; the findings printed or downloaded (CSV).

import {InputError, crossCheck, parseReport, validate, version} from "../src/index.mjs";
import {mergeFindings, readWorkbookDraft, readingFindings, todo} from "../src/workbook.mjs";
import {readDocxDraft} from "../src/docx.mjs";
import MAP from "../src/workbook-map.mjs";

const $ = sel => document.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-")) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
};
const en = (...children) => el("span", {"class": "en", lang: "en"}, ...children);
const TYPE_ZH = {integer: "整数", number: "数字", string: "文本", boolean: "是/否", object: "若干栏目", array: "列表", null: "空"};
const shown = v => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
const shownExpected = (f, v) => (f.rule.startsWith("SCHEMA-") && typeof v === "string" && TYPE_ZH[v] ? `${TYPE_ZH[v]}（${v}）` : shown(v));
const TABLE_NAMES = {"二": "表二", "三": "表三", "四": "表四"};

function advice(f) {  // what to do: [Chinese, English]
  const own = todo(f.rule);
  if (own) return own;
  if (f.rule.endsWith("-BLANK")) return ["填写该单元格：没有发生的填 0", "Fill in the cell: 0 when there is none"];
  // a cell OCR could not read reliably (READ-UNRELIABLE): the source has it, a person reads it there
  if (f.rule === "READ-UNRELIABLE") return ["对照原文读出该单元格的数字填写（文字识别未能可靠读取，并非机关未填）", "Read the cell in the source and fill in its figure (OCR could not read it reliably, not the organ)"];
  // a row the reading left blank (READ-AMBIGUOUS, READ-NOT-FOUND): the source has it, a person reads it there
  if (f.rule.startsWith("READ-")) return ["对照原文找到该行，填写其数字（由读取留空，并非机关未填）", "Find the row in the source and fill in its figures (the reading left it blank, not the organ)"];
  if (f.rule.startsWith("INPUT-")) return ["换用 gaischema 模板生成的文件，或用 gaischema extract 读取", "Use a file made from gaischema's template, or read it with gaischema extract"];
  if (f.rule.startsWith("SCHEMA-")) return ["按“应为”一栏改正该项", "Correct the entry as the expected value says"];
  if (f.severity === "warning") return ["核对是否属实；属实可保留", "Check it; keep it if it is right"];
  if (f.expected !== null && f.expected !== undefined)
    return ["核对该单元格及与之相加的各单元格，改为一致后重新校验", "Check the cell and the cells it adds up; make them agree, then check again"];
  return ["按说明核对并改正", "Check and correct as the message says"];
}

// the official layout of a table as a grid: {path: [row, column]} (1-based), for the Word file's place
function gridPlaces(rows) {
  const out = {}, taken = new Set();
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r},${c}`)) c++;
      if (cell.path) out[cell.path] = [r + 1, c + 1];
      for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${r + dr},${c + dc}`);
      c += cell.colspan;
    }
  });
  return out;
}

function tableOf(path, version) {
  const tables = MAP.versions[version] ? MAP.versions[version].tables : {};
  for (const [t, table] of Object.entries(tables)) if (table.rows.some(row => row.some(c => c.path === path))) return t;
  return null;
}

function place(r, path) {  // [Chinese, English] where the cell is in the file, or null
  if (!path || !r.kind || r.kind === "text") return null;
  const v = r.report.format_version;
  if (r.kind === "xlsx") {
    const where = MAP.versions[v] && MAP.versions[v].cells[path];
    return where ? [`工作簿 ${where[0]}!${where[1]}`, `workbook ${where[0]}!${where[1]}`] : null;
  }
  const t = tableOf(path, v);
  if (!t) return null;
  const [row, col] = gridPlaces(MAP.versions[v].tables[t].rows)[path];
  return [`Word 文档${TABLE_NAMES[t]}第 ${row} 行第 ${col} 列`, `Word file, table ${t}, row ${row}, column ${col}`];
}

async function readFile(file) {  // {name, report, kind, readings} or {name, error}
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    if (/\.xlsx$/i.test(file.name)) return {name: file.name, kind: "xlsx", ...(await readWorkbookDraft(bytes))};
    if (/\.docx$/i.test(file.name)) return {name: file.name, kind: "docx", ...(await readDocxDraft(bytes))};
    if (bytes.length > 10 * 1024 * 1024) throw new InputError("INPUT-TOO-LARGE", "文件过大", "file too large");
    let text;
    try {
      text = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    } catch {
      throw new InputError("INPUT-ENCODING", "不是 UTF-8 编码；请先转换为 UTF-8", "not UTF-8; convert the file to UTF-8 first");
    }
    return {name: file.name, kind: "text", report: parseReport(text, file.name)};
  } catch (e) {
    if (e instanceof InputError) return {name: file.name, error: e};
    throw e;
  }
}

const SEVERITY = {error: ["错误", "error"], warning: ["警告", "warning"], fatal: ["无法读取", "unreadable"]};
let counter = 0;

function card(f, r, number) {
  const where = r.report ? place(r, f.path) : null;
  const [doZh, doEn] = advice(f);
  const [sevZh, sevEn] = SEVERITY[f.severity] || [f.severity, f.severity];
  f.id = f.id || `gs-f${++counter}`;
  return el("li", {"class": `finding ${f.severity}`, id: f.id, "data-rule": f.rule, "data-path": f.path || "",
                   "data-severity": f.severity, "data-place": where ? where[0] : ""},
    el("div", {"class": "head"},
      number ? el("span", {"class": "num"}, String(number)) : null,
      el("span", {"class": "severity"}, sevZh, en(" ", sevEn)),
      el("span", {"class": "cell"}, el("span", {"class": "cell-zh"}, f.cell || "（整份报告）"), en(el("span", {"class": "cell-en"}, f.cell_en || "")))),
    where ? el("div", {"class": "place"}, "位置：", where[0], en(" / ", where[1])) : null,
    f.reported !== null && f.reported !== undefined || f.expected !== null && f.expected !== undefined
      ? el("div", {"class": "values"}, "填报 ", el("b", {"class": "reported"}, shown(f.reported)), en(" reported"),
           f.expected !== null && f.expected !== undefined
             ? el("span", {}, "　应为 ", el("b", {"class": "expected"}, shownExpected(f, f.expected)), en(" expected")) : null) : null,
    el("div", {"class": "message"}, el("span", {"class": "message-zh"}, f.message), en(el("span", {"class": "message-en"}, f.message_en))),
    el("div", {"class": "todo"}, "怎么改：", doZh, en(" / What to do: ", doEn)),
    el("div", {"class": "ids"}, el("code", {"class": "rule"}, f.rule), f.path ? el("code", {"class": "path"}, f.path) : null));
}

function drawTable(r, t, marks) {  // the official layout of table t with the wrong cells marked
  const v = r.report.format_version;
  const rows = MAP.versions[v].tables[t].rows;
  const value = path => {
    const reading = r.readings && r.readings[path];
    if (reading && reading.rule) return reading.shown || "（公式无结果）";  // as the file shows it (2件, #VALUE!)
    let obj = r.report;
    for (const s of path.split(".")) obj = obj && typeof obj === "object" ? obj[s] : undefined;
    return obj === undefined || obj === null ? "" : typeof obj === "object" ? JSON.stringify(obj) : String(obj);
  };
  const body = rows.map(row => el("tr", {}, ...row.map(c => {
    const attrs = {rowSpan: c.rowspan, colSpan: c.colspan};
    if (!c.path) return el(c.label ? "th" : "th", {...attrs, "class": c.label ? "label" : "head"}, c.text);
    const mine = marks[c.path] || [];
    const worst = mine.some(m => m.f.severity !== "warning") ? "bad" : mine.length ? "warn" : "";
    return el("td", {...attrs, "class": `num ${worst}`, "data-path": c.path, title: mine.map(m => m.f.message).join("\n")},
      value(c.path), ...mine.map(m => el("a", {"class": "mark", href: `#${m.f.id}`}, String(m.n))));
  })));
  return el("div", {"class": "official-wrap"},
    el("table", {"class": `official t${t}`, "data-table": t}, el("tbody", {}, ...body)));
}

function fileSection(r, findings) {
  const errors = findings.filter(f => f.severity !== "warning").length, warnings = findings.length - errors;
  const summary = r.error ? el("p", {"class": "summary bad"}, `无法读取：${r.error.message_zh}`, en(` / unreadable — ${r.error.message_en}`))
    : !findings.length ? el("p", {"class": "summary ok"}, "有效，未发现问题", en(" / valid, no findings"))
    : el("p", {"class": `summary ${errors ? "bad" : "ok"}`}, `${errors ? "无效" : "有效"}：${errors} 个错误，${warnings} 个警告`,
         en(` / ${errors ? "invalid" : "valid"} — ${errors} error(s), ${warnings} warning(s)`));
  const section = el("section", {"class": "gaischema-file", "data-file": r.name}, el("h3", {}, r.name), summary);
  const v = r.report && r.report.format_version;
  const tables = v && MAP.versions[v] ? MAP.versions[v].tables : {};
  const groups = new Map();
  for (const f of findings) {
    const t = v && f.path ? tableOf(f.path, v) || Object.keys(tables).find(k => f.path.startsWith(tableSlot(tables[k]))) : null;
    const key = t || "other";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const order = [...Object.keys(tables), "other"];
  for (const key of order.filter(k => groups.has(k))) {
    const list = groups.get(key);
    const title = key === "other" ? ["报告信息与叙述部分", "metadata and narrative"] : [tables[key].title, `table ${key}`];
    const group = el("div", {"class": "group", "data-group": key},
      el("h4", {}, title[0], el("span", {"class": "count"}, ` ${list.length} 项`), en(` / ${title[1]}`)));
    const marks = {};
    list.forEach((f, i) => { (marks[f.path] ??= []).push({f, n: i + 1}); });
    const cards = el("ol", {"class": "gaischema-findings"}, ...list.map((f, i) => card(f, r, key === "other" ? null : i + 1)));
    if (key !== "other") group.append(drawTable(r, key, marks));
    group.append(cards);
    section.append(group);
  }
  return section;
}

const tableSlot = table => table.rows.flat().find(c => c.path).path.split(".")[0];

let lastRows = [];
const CSV_COLUMNS = [["file", "文件"], ["table", "表"], ["severity", "严重程度"], ["cell", "单元格"], ["place", "位置"],
  ["reported", "填报"], ["expected", "应为"], ["message", "说明"], ["todo", "怎么改"], ["rule", "规则"], ["path", "JSON 路径"],
  ["cell_en", "cell"], ["message_en", "message"], ["todo_en", "what to do"]];
function csvCell(v) {
  let s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // never a live formula in a spreadsheet
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csvText() {
  const lines = [CSV_COLUMNS.map(([k, zh]) => `${zh} ${k}`).join(",")];
  for (const row of lastRows) lines.push(CSV_COLUMNS.map(([k]) => csvCell(row[k])).join(","));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

async function check(files) {
  const out = $("#gaischema-results"), status = $("#gaischema-status");
  status.dataset.state = "working";
  status.textContent = "正在校验… / checking…";
  out.replaceChildren();
  lastRows = [];
  try {
    const read = [];
    for (const file of files) read.push(await readFile(file));
    const good = read.filter(r => r.report);
    const cross = good.length > 1 ? crossCheck(good.map(r => r.report), {names: good.map(r => r.name)}) : [];
    for (const r of read) {
      let findings = r.error ? [r.error.finding()] : validate(r.report);
      if (r.readings) findings = mergeFindings(readingFindings(r.readings, r.version), findings, r.readings);
      findings = findings.concat(cross.filter(f => good[f.report] === r).map(f => ({...f, cross: true})));
      out.append(fileSection(r, findings));
      for (const f of findings) {
        const where = r.report ? place(r, f.path) : null;
        const [doZh, doEn] = advice(f);
        const t = r.report && f.path ? tableOf(f.path, r.report.format_version) : null;
        lastRows.push({file: r.name, table: t ? TABLE_NAMES[t] : "", severity: f.severity, cell: f.cell, place: where ? where[0] : "",
                       reported: f.reported, expected: f.expected, message: f.message, todo: doZh, rule: f.rule, path: f.path,
                       cell_en: f.cell_en, message_en: f.message_en, todo_en: doEn});
      }
    }
    $("#gaischema-tools").hidden = false;
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
  const english = $("#gaischema-en");
  const root = $("#gaischema-app");
  english.addEventListener("change", () => root.classList.toggle("show-en", english.checked));
  $("#gaischema-print").addEventListener("click", () => window.print());
  $("#gaischema-csv").addEventListener("click", () => {
    const a = el("a", {href: URL.createObjectURL(new Blob([csvText()], {type: "text/csv;charset=utf-8"})), download: "gaischema-findings.csv"});
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  });
  $("#gaischema-status").dataset.state = "ready";
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
