// Reading a filled fill-in workbook (.xlsx) as a report, in Node and in browsers (ExcelJS, an optional peer
// dependency: only this module needs it).
//
// What it reads is what `gaischema extract FILE.xlsx` reads of a workbook that `gaischema template` or
// `gaischema render --format xlsx` made: the 报告信息 sheet (column A the slot, column C the value) for the
// metadata and the narrative, and the official cells of 表二, 表三, 表四 — their values, not their formulas.
// The cells are found by the template's layout (workbook-map.mjs, generated from gaischema's own workbooks);
// the reader first checks that every heading and label of that layout is where the template has it, and
// refuses any other workbook (InputError INPUT-NOT-REPORT) rather than read wrong cells. Nothing is guessed: a
// blank cell stays blank (the validator reports it), text in a number cell stays text (and is reported).
//
//   import {readWorkbook} from "gaischema/workbook";
//   const report = await readWorkbook(arrayBuffer);

import ExcelJS from "exceljs";
import {InputError, cellLabel} from "./index.mjs";
import MAP from "./workbook-map.mjs";
import {storedZip, unzip} from "./zip.mjs";

const MAX_BYTES = 10 * 1024 * 1024;
const notReport = (zh, en) => new InputError("INPUT-NOT-REPORT", zh, en);

function cellValue(cell) {  // the text of a label cell (rich text as text)
  const v = cellRaw(cell);
  return v === NO_RESULT || (v && typeof v === "object" && "error" in v) ? null : v;
}

/** A formula without a saved result (a workbook written by a program and never opened in a spreadsheet). */
export const NO_RESULT = Object.freeze({noResult: true});

// What a spreadsheet shows in a cell, as gaischema.cellmap reads it (openpyxl's data_only value in Python): a
// formula's saved result (ExcelJS leaves a result of 0 out of cell.value; cell.result has it), rich text as text,
// an error value as {error}.
function cellRaw(cell) {
  let v = cell.value;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    if ("formula" in v || "sharedFormula" in v || "result" in v) {
      v = cell.result;
      if (v === undefined) return NO_RESULT;
    } else if (Array.isArray(v.richText)) v = v.richText.map(r => r.text).join("");
    else if ("text" in v) v = v.text;
  }
  if (v && typeof v === "object" && !(v instanceof Date))
    return "error" in v ? {error: String(v.error)} : null;
  return v === undefined ? null : v;
}

const SPEC = MAP.reading;
const NUMBER = new RegExp(SPEC.number, "u");
const TITLE = new RegExp(SPEC.title, "u");

/** One cell of a draft read as gaischema.cellmap.read_cell reads it: {value, rule, shown} (rule: a CELL-* finding). */
export function readCell(raw) {
  if (raw === null || raw === undefined) return {value: null, rule: null, shown: null};
  if (raw === NO_RESULT) return {value: null, rule: "CELL-NO-RESULT", shown: null};
  if (typeof raw === "object" && !(raw instanceof Date) && "error" in raw) return {value: null, rule: "CELL-ERROR", shown: raw.error};
  if (typeof raw === "number") return {value: raw, rule: null, shown: null};
  const text = typeof raw === "boolean" ? (raw ? "TRUE" : "FALSE") : raw instanceof Date ? isoDay(raw) : String(raw);
  const s = text.normalize("NFKC").split(/\s+/u).filter(Boolean).join(" ");
  if (s === "" || SPEC.blank_words.includes(s) || [...s].every(ch => SPEC.blank_marks.includes(ch)))
    return {value: null, rule: null, shown: null};
  if (SPEC.error_values.includes(s)) return {value: null, rule: "CELL-ERROR", shown: s};
  const m = NUMBER.exec(s);
  if (!m || m[1].replace(/^[+-]/, "").replace(/,/g, "").length > 15) return {value: null, rule: "CELL-TEXT", shown: s};
  const value = Number(m[1].replace(/,/g, "") + (m[2] || ""));
  return m[3] ? {value, rule: "CELL-UNIT", shown: s} : {value, rule: null, shown: null};
}

const showValue = v => (v === null || v === undefined ? "—" : String(v));

/** The findings of reading a draft's cells ({path: reading}), worded as `gaischema validate` words them. */
export function readingFindings(readings, version) {
  const out = [];
  for (const [path, r] of Object.entries(readings)) {
    if (!r.rule) continue;
    const rule = SPEC.rules[r.rule];
    const [cell, cellEn] = cellLabel(path, version);
    const fill = t => t.replace(/\{(reported|expected)\}/g, (m, k) => showValue(k === "reported" ? r.shown : r.value));
    out.push({rule: r.rule, severity: rule.severity, path, cell, cell_en: cellEn, message: fill(rule.message_zh),
              message_en: fill(rule.message_en), reported: r.shown, expected: r.value});
  }
  return out;
}

/** A draft's findings: reading first, then the validator's without the T*-BLANK finding of a cell not read, nor
 * that of a row whose every cell of the draft (readings: {path: reading}) was not read (gaischema.cellmap.merge). */
export function mergeFindings(reading, checked, readings = {}) {
  const unread = new Set(reading.filter(f => f.severity === "error").map(f => f.path));
  const rows = new Map();
  for (const path of Object.keys(readings)) {
    const row = path.slice(0, path.lastIndexOf("."));
    rows.set(row, (rows.has(row) ? rows.get(row) : true) && unread.has(path));
  }
  const said = f => f.rule.endsWith("-BLANK") && (unread.has(f.path) || rows.get(f.path) === true);
  return [...reading, ...checked.filter(f => !said(f))];
}

/** What to do about a CELL-* finding: [Chinese, English], or null for another rule. */
export function todo(rule) {
  const r = SPEC.rules[rule];
  return r ? [r.todo_zh, r.todo_en] : null;
}

/** organ and report_year from a report's title line, as gaischema.cellmap.title reads it. */
export function titleFields(text) {
  const m = TITLE.exec(text.split(/\s+/u).filter(Boolean).join(" "));
  if (!m) return {};
  const organ = (m[1] + m[3]).trim();
  return {...(organ ? {organ} : {}), report_year: Number(m[2])};
}

const isoDay = d => d.toISOString().slice(0, 10);

function sheetFields(ws) {  // the 报告信息 sheet, typed as the schema wants its values (gaischema's sheet_metadata)
  const meta = {};
  ws.eachRow((row, n) => {
    if (n < 2) return;
    const key = cellValue(row.getCell(1));
    let value = cellValue(row.getCell(3));
    if (typeof key !== "string" || value === null || value === "") return;
    if (value instanceof Date) value = isoDay(value);
    if (key === "processing_fee_charged" && typeof value === "string")
      value = {true: true, false: false, 是: true, 否: false}[value.trim().toLowerCase()] ?? value;
    if (typeof value === "string") value = value.replace(/\r\n/g, "\n").trim();
    if (key.startsWith("statistical_period.")) (meta.statistical_period ??= {})[key.split(".").slice(1).join(".")] = value;
    else meta[key] = value;
  });
  return meta;
}

function put(report, path, value) {
  const steps = path.split(".");
  let obj = report;
  for (const s of steps.slice(0, -1)) obj = obj[s] ??= {};
  obj[steps.at(-1)] = value;
}

/** A report from the bytes of a filled gaischema workbook (ArrayBuffer, Uint8Array or Node Buffer). */
export async function readWorkbook(data) {
  return (await readWorkbookDraft(data)).report;
}

/** A filled gaischema workbook as a draft: {report, readings ({path: reading} by readCell), version}. */
export async function readWorkbookDraft(data) {
  if ((data.byteLength ?? data.length) > MAX_BYTES)
    throw new InputError("INPUT-TOO-LARGE", "文件过大", `file too large (the limit is ${MAX_BYTES} bytes)`);
  // every part unpacked here by what it holds, counted and capped, never by what it declares; ExcelJS reads
  // those parts packed again without compression, so it unpacks nothing that was not counted (zip.mjs)
  const parts = unzip(data, ["Excel 工作簿", "workbook"]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(storedZip(parts));
  } catch {
    throw notReport("Excel 文件损坏或不是工作簿", "a damaged workbook, or not one");
  }
  const metaSheet = wb.getWorksheet(MAP.meta_sheet);
  if (!metaSheet) throw notReport(`不是 gaischema 填报工作簿：没有“${MAP.meta_sheet}”工作表`, `not a gaischema workbook: it has no ${MAP.meta_sheet} sheet`);
  const fields = sheetFields(metaSheet);
  const layout = Object.hasOwn(MAP.versions, fields.format_version) ? MAP.versions[fields.format_version] : null;
  if (!layout) {
    const known = Object.keys(MAP.versions).join("、");
    throw notReport(`“${MAP.meta_sheet}”工作表的 format_version 须为 ${known} 之一`, `the ${MAP.meta_sheet} sheet's format_version must be one of ${known}`);
  }
  for (const [sheet, coord, text] of layout.labels) {
    const ws = wb.getWorksheet(sheet);
    const found = ws ? cellValue(ws.getCell(coord)) : null;
    if (typeof found !== "string" || found.trim() !== text.trim())
      throw notReport(`工作簿的版式不是 ${fields.format_version} 填报模板的版式（${sheet}!${coord} 应为“${text}”）；请用 gaischema extract 读取`,
                      `the workbook is not laid out as the ${fields.format_version} template (${sheet}!${coord} should read "${text}"); read it with gaischema extract`);
  }
  const report = {};
  for (const k of ["organ", "report_year"]) if (k in fields) report[k] = fields[k];
  report.format_version = fields.format_version;
  for (const [k, v] of Object.entries(fields)) if (!(k in report)) report[k] = v;
  const readings = {};
  for (const [path, [sheet, coord]] of Object.entries(layout.cells)) {
    const r = readings[path] = readCell(cellRaw(wb.getWorksheet(sheet).getCell(coord)));
    if (r.value !== null) put(report, path, r.value);
  }
  return {report, readings, version: fields.format_version};
}

/** Where each official cell of a format version sits in the workbook: {path: [sheet, cell]}. */
export function cellPlaces(version) {
  return Object.hasOwn(MAP.versions, version) ? MAP.versions[version].cells : {};
}
