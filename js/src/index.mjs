// gaischema in JavaScript: a second, independent implementation of the standard. It reads only the published
// artifacts — the JSON Schema (validated with Ajv, strict mode), the compiled rules (gaischema.rules.json,
// specified in docs/rule-language.md) and the compiled model's labels and cell map (gaischema.model.json) —
// not a line of gaischema's Python. They are copied into the package when it is built (scripts/build.mjs).
//
// The core module: no file system, no Node built-ins, so it runs in Node 18+ and in browsers alike.
//
//   import {validate, crossCheck, parseReport} from "gaischema";
//   validate(report)          -> findings, as `gaischema validate --format json` writes them
//   crossCheck(reports)       -> cross-report findings, each with report and other (indices)
//   parseReport(text, name)   -> a report from YAML or JSON text (throws InputError)

import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import {sha1} from "@noble/hashes/legacy";
import {bytesToHex, utf8ToBytes} from "@noble/hashes/utils";
import YAML from "yaml";
import STANDARD from "../data/standard.mjs";

export const version = STANDARD.version;
export const schema = STANDARD.schema;
export const rules = STANDARD.rules;
export const model = STANDARD.model;
const R = STANDARD.rules;
let compiledSchema = null;
function checkSchema(report) {  // Ajv compiles the JSON Schema on first use, not on import
  if (!compiledSchema) {
    const ajv = new Ajv2019({strict: true, allErrors: true, verbose: true});
    ajv.addKeyword("version");  // the JSON Schema's top-level version: an annotation (docs/versioning.md)
    addFormats(ajv);
    compiledSchema = ajv.compile(STANDARD.schema);
  }
  const ok = compiledSchema(report);
  checkSchema.errors = compiledSchema.errors;
  return ok;
}
const SKIP = Symbol("skip");
const INF = Infinity;

// ---------------------------------------------------------------------------------------------- values
const isObj = v => v !== null && typeof v === "object" && !Array.isArray(v);
// a report's own keys only: a format_version of "toString", "__proto__" or "constructor" names nothing inherited
const own = (o, k) => (o !== null && o !== undefined && typeof k === "string" && Object.hasOwn(o, k) ? o[k] : undefined);
const isNum = v => typeof v === "number" && Number.isFinite(v);
function valueAt(root, path) {  // the value a JSON Schema error is about: through mappings and lists alike
  let v = root;
  for (const step of path.split(".")) {
    if (Array.isArray(v) && /^\d+$/.test(step)) v = v[Number(step)];
    else if (isObj(v)) v = own(v, step);
    else return undefined;
  }
  return v;
}
function at(root, path) {
  if (path === "") return root;
  let v = root;
  for (const step of path.split(".")) {
    if (!isObj(v)) return undefined;
    v = own(v, step);
  }
  return v;
}
const blank = v => v === undefined || v === null;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
function validDate(s) {
  const [y, m, d] = s.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
function cv(v) {  // comparison value: an ISO date string is a date (a string that sorts as one)
  if (typeof v === "string" && v.length === 10 && v[4] === "-") {
    if (!ISO.test(v) || !validDate(v)) throw SKIP;
    return {date: v};
  }
  return v;
}
const pad = (n, w) => String(n).padStart(w, "0");
function mkdate(y, m, d) {
  if (![y, m, d].every(Number.isInteger)) throw SKIP;
  const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  if (!validDate(s)) throw SKIP;
  return {date: s};
}
const FUNCTIONS = {
  date: (y, m, d) => mkdate(y, m, d),
  format_version_for: year => {
    if (!Number.isInteger(year)) throw SKIP;
    const v = R.functions.format_version_for.find(f => f.first_year <= year && year <= f.last_year);
    if (!v) throw SKIP;
    return v.value;
  },
  deadline_for: (kind, year) => {
    const dl = typeof kind === "string" ? R.functions.deadline_for[kind] : undefined;
    if (dl === undefined || !Number.isInteger(year)) throw SKIP;
    const [m, d] = dl.split("-").map(Number);
    return mkdate(year + 1, m, d);
  },
};
function compare(op, a, b) {
  const da = isObj(a) && "date" in a, db = isObj(b) && "date" in b;
  if (da || db) {
    if (!(da && db)) { if (op === "==") return false; if (op === "!=") return true; throw SKIP; }
    a = a.date; b = b.date;
  } else if (typeof a !== typeof b || typeof a === "boolean") {
    if (op === "==") return a === b;
    if (op === "!=") return a !== b;
    if (!(isNum(a) && isNum(b))) throw SKIP;
  }
  switch (op) {
    case "==": return a === b; case "!=": return a !== b; case "<": return a < b;
    case "<=": return a <= b; case ">": return a > b; default: return a >= b;
  }
}
function evaluate(node, report, prev) {
  if ("path" in node) return at(node.report === "previous" ? prev : report, node.path);
  if ("value" in node) return node.value;
  if ("call" in node) return FUNCTIONS[node.call](...node.args.map(a => evaluate(a, report, prev)));
  const args = node.args.map(a => evaluate(a, report, prev));
  const num = x => { if (!isNum(x)) throw SKIP; return x; };
  switch (node.op) {
    case "+": return num(args[0]) + num(args[1]);
    case "-": return num(args[0]) - num(args[1]);
    case "neg": return -num(args[0]);
    case "not": return !args[0];
    case "and": return args.every(Boolean);
    case "or": return args.some(Boolean);
    default: return compare(node.op, cv(args[0]), cv(args[1]));
  }
}
const show = v => (isObj(v) && "date" in v ? v.date : v);

function runChecks(checks, report, prev, rejected, out) {
  for (const c of checks) {
    try {
      for (const p of c.reads) {
        const prevRead = p.startsWith("prev.");
        const v = prevRead ? at(prev, p.slice(5)) : at(report, p);
        if (blank(v)) throw SKIP;
        if (!prevRead && rejected.size && touches(p, rejected)) throw SKIP;
      }
      if (c.when && !evaluate(c.when, report, prev)) continue;
      const L = cv(evaluate(c.left, report, prev)), Rv = cv(evaluate(c.right, report, prev));
      if (!compare(c.op, L, Rv)) out.push({...finding(c.rule, c.finding_path, show(L), show(Rv)), cells: leftPaths(c)});
    } catch (e) { if (e !== SKIP) throw e; }
  }
}
function touches(path, rejected) {
  const steps = path.split(".");
  for (let i = 1; i <= steps.length; i++) if (rejected.has(steps.slice(0, i).join("."))) return true;
  return false;
}
function finding(rule, path, reported = null, expected = null, quote = "") {
  const f = {rule, severity: R.rules[rule].severity, path, reported, expected};
  if (quote) f.quote = quote;
  return f;
}
function leftPaths(check) {  // the cells a check's finding names: the paths its left side reads, in order
  const out = [];
  (function walk(n) {
    if ("path" in n) { const p = n.report === "previous" ? `prev.${n.path}` : n.path; if (!out.includes(p)) out.push(p); }
    for (const a of n.args || []) walk(a);
  })(check.left);
  return out;
}

// ---------------------------------------------------------------------------------------------- labels, messages
// A finding for people: the official cell (docs/rule-language.md, "Findings") and the rule's message templates.
const M = STANDARD.model;
const CELL_BY_VERSION = Object.fromEntries(Object.entries(M.cells).map(([v, cells]) => [v, new Map(cells.map(c => [c.path, c]))]));
const ANY_CELL = new Map();
for (const cells of Object.values(M.cells)) for (const c of cells) if (!ANY_CELL.has(c.path)) ANY_CELL.set(c.path, c);
function slotChain(steps) {
  let cname = M.root;
  const chain = [];
  for (const step of steps) {
    const cls = M.classes[cname];
    const slot = cls && cls.slots.find(s => s.name === step);
    if (!slot) return null;
    chain.push(slot);
    cname = slot.range;
  }
  return chain;
}
function cellLabel(path, version) {  // [Chinese, English]
  if (path === "") return ["（整份报告）", "(whole report)"];
  const c = (own(CELL_BY_VERSION, version)?.get(path)) || ANY_CELL.get(path);
  if (c) return [`表${c.table} ${c.row} × ${c.column}`, `table ${c.table} ${c.row_en} × ${c.column_en}`];
  const chain = slotChain(path.split(".")) || [];
  if (!chain.length) return [path, path];
  const table = (chain.find(s => "table" in s) || {}).table;
  if (table) {
    const rows = chain.slice(1);
    if (!rows.length) return [`表${table}（整表）`, `table ${table} (whole table)`];
    const titles = rows.flatMap(s => ("group_label" in s ? [s.group_label, s.title] : [s.title]));
    return [`表${table} ${titles.join(" / ")}`, `table ${table} ${rows.map(s => s.name).join(" / ")}`];
  }
  return [chain.map(s => s.title).join(" / "), chain.map(s => s.name).join(".")];
}
function cellOf(paths, fallback, version) {  // one cell, or several of one column joined: 表三 a + b × 总计
  if (paths.length > 1) {
    const cells = paths.map(p => own(CELL_BY_VERSION, version)?.get(p));
    if (cells.every(Boolean) && new Set(cells.map(c => c.column)).size === 1) {
      const c0 = cells[0];
      return [`表${c0.table} ${cells.map(c => c.row).join(" + ")} × ${c0.column}`,
              `table ${c0.table} ${cells.map(c => c.row_en).join(" + ")} × ${c0.column_en}`];
    }
  }
  return cellLabel(paths.length ? paths[0] : fallback, version);
}
// Values in messages as Python's str() and repr() show them, so that both implementations word findings alike
function pyRepr(v) {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return pyNumber(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (typeof v === "string") {
    const q = v.includes("'") && !v.includes('"') ? '"' : "'";
    let out = "";
    for (const ch of v) {
      const cp = ch.codePointAt(0);
      if (ch === "\\" || ch === q) out += "\\" + ch;
      else if (ch === "\n") out += "\\n"; else if (ch === "\r") out += "\\r"; else if (ch === "\t") out += "\\t";
      else if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
      else out += ch;
    }
    return q + out + q;
  }
  return String(v);
}
function pyNumber(n) {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  const s = String(n);
  return s.replace(/e\+?(-?)(\d)$/, (m, sign, d) => `e${sign || "+"}0${d}`).replace(/e\+?(-?\d\d+)$/, (m, e) => `e${e.startsWith("-") ? e : "+" + e}`);
}
const pyStr = v => (typeof v === "string" ? v : pyRepr(v));
const fmt = v => (v === null || v === undefined ? "—" : pyStr(v));
function dress(raw, version, detail) {  // the finding as `gaischema validate --format json` writes it
  const rule = R.rules[raw.rule];
  const [cell, cellEn] = raw.cellPair || cellOf(raw.cells || [], raw.path, version);
  const values = {reported: fmt(raw.reported), expected: fmt(raw.expected), cell, quote: raw.quote || ""};
  const fill = t => t.replace(/\{(reported|expected|cell|quote)\}/g, (m, k) => values[k]);
  let message = fill(rule.message_zh), messageEn = fill(rule.message_en);
  if (detail) { message += `：${detail[0]}`; messageEn += `: ${detail[1]}`; }
  const f = {rule: raw.rule, severity: raw.severity, path: raw.path, cell, cell_en: cellEn, message, message_en: messageEn,
             reported: raw.reported === undefined ? null : raw.reported, expected: raw.expected === undefined ? null : raw.expected};
  if (raw.quote) f.quote = raw.quote;
  return f;
}

// ---------------------------------------------------------------------------------------------- JSON Schema
// Each error an object: its rule (the jsonschema rules map keywords to ids), path, reported and expected value and
// a detail of what is wrong (worded as gaischema's validator words it, after Python's jsonschema).
const CELLS = new Set(Object.values(R.versions).flatMap(v => v.complete.filter(c => c.cell).map(c => c.path)));
const TYPE_ZH = {integer: "整数", number: "数字", string: "文本", object: "映射（若干栏目）", boolean: "是/否", array: "列表", null: "空"};
const isoDate = d => d.toISOString().slice(0, 10) + (d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? d.toISOString().slice(10, 19) : "");
function shown(v) {
  if (v instanceof Date) return isoDate(v);
  if (Array.isArray(v)) return "[…]";
  if (isObj(v)) return "{…}";
  return pyRepr(v);
}
const BOUND = {minimum: ["不得小于", "is less than the minimum of"], maximum: ["不得大于", "is greater than the maximum of"],
               exclusiveMinimum: ["须大于", "is less than or equal to the minimum of"],
               exclusiveMaximum: ["须小于", "is greater than or equal to the maximum of"]};
function schemaDetail(e, value, extra) {
  const k = e.keyword;
  if (k === "type") {
    const want = (Array.isArray(e.schema) ? e.schema : [e.schema]).filter(w => w !== "null");
    if (value instanceof Date) {
      const iso = isoDate(value);
      return [[`${iso} 被 YAML 读作日期；请写成带引号的文本 '${iso}'`, `${iso} is a YAML date; write it as a quoted string: '${iso}'`], want.join(" or ")];
    }
    return [[`应为${want.map(w => TYPE_ZH[w] || w).join("或")}，填报为 ${shown(value)}`, `expected ${want.join(" or ")}, got ${shown(value)}`], want.join(" or ")];
  }
  if (k in BOUND) {
    const [zh, en] = BOUND[k];
    const expected = k === "minimum" ? `>= ${pyRepr(e.schema)}` : k === "maximum" ? `<= ${pyRepr(e.schema)}` : null;
    return [[`${zh} ${pyRepr(e.schema)}，填报为 ${shown(value)}`, `${shown(value)} ${en} ${pyRepr(e.schema)}`], expected];
  }
  if (k === "required") {
    const missing = e.schema.filter(p => isObj(value) && !Object.hasOwn(value, p));
    return [[`缺少 ${missing.join("、")}`, `${pyRepr(e.params.missingProperty)} is a required property`], null];
  }
  if (k === "additionalProperties")
    return [[`未定义的字段 ${extra.join("、")}`, `Additional properties are not allowed (${extra.map(pyRepr).join(", ")} ${extra.length === 1 ? "was" : "were"} unexpected)`], null];
  if (k === "enum") {
    const allowed = e.schema.filter(x => x !== null);
    return [[`取值须为 ${allowed.map(pyStr).join("、")} 之一，填报为 ${shown(value)}`, `${shown(value)} is not one of ${pyRepr(e.schema)}`], allowed];
  }
  if (k === "minItems" || k === "maxItems") {
    const n = Array.isArray(value) ? value.length : 0, least = k === "minItems";
    return [[`须有${least ? "至少" : "至多"} ${e.schema} 项，填报 ${n} 项`,
             `must have ${least ? "at least" : "at most"} ${e.schema} items, got ${n}`], null];
  }
  if (k === "pattern")
    return [[`须符合格式 ${e.schema}，填报为 ${shown(value)}`, `${shown(value)} does not match ${pyRepr(e.schema)}`], e.schema];
  if (k === "format") {
    const example = {date: "（如 2024-01-05）", uri: "（如 https://…）"}[e.schema] || "";
    return [[`须为 ${e.schema} 格式${example}，填报为 ${shown(value)}`, `${shown(value)} is not a ${pyRepr(e.schema)}`], e.schema];
  }
  return [[e.message, e.message], null];
}
const MAX_SCHEMA_HITS = 500;  // JSON Schema findings of one rule in one report; the rest counted in the last one
function schemaFindings(report, version) {
  if (checkSchema(report)) return [];
  const byKeyword = {};
  for (const r of R.jsonschema) for (const k of r.keywords) byKeyword[k] = r.rule;
  const out = [];
  const unknown = new Map();  // one finding per object with fields the schema does not define, as jsonschema says it
  const kept = new Map(), more = new Map();  // findings of one rule, at most MAX_SCHEMA_HITS (as gaischema.validate)
  const errors = checkSchema.errors;
  const steps = e => e.instancePath.split("/").slice(1).map(s => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  for (const e of errors) {
    if (e.keyword === "anyOf" || e.keyword === "oneOf") continue;  // the branch's own errors are the findings
    if (e.keyword === "type" && e.params.type === "null") continue;  // the "or null" branch of an optional value
    let path = steps(e).join(".");
    const value = e.instancePath === "" ? report : valueAt(report, path);
    if (e.keyword === "additionalProperties") {
      if (unknown.has(path)) { unknown.get(path).push(e.params.additionalProperty); continue; }
      unknown.set(path, [e.params.additionalProperty]);
    }
    // a blank table cell (a required cell absent, or null) is the complete rule's finding, not a SCHEMA-* one
    if (e.keyword === "required" && isObj(value)) {
      const missing = e.schema.filter(p => !Object.hasOwn(value, p));
      if (missing.every(p => CELLS.has(path ? `${path}.${p}` : p))) continue;
    }
    if (e.keyword === "type" && CELLS.has(path) && value === null) continue;
    const rule = byKeyword[e.keyword] || byKeyword["*"];
    const n = kept.get(rule) || 0;
    if (n >= MAX_SCHEMA_HITS) { more.set(rule, (more.get(rule) || 0) + 1); continue; }
    kept.set(rule, n + 1);
    out.push({e, path, value, rule});
  }
  const found = out.map(({e, path, value, rule}) => {
    const extra = e.keyword === "additionalProperties" ? unknown.get(path) : null;
    const [detail, expected] = schemaDetail(e, value, extra);
    if (extra) path = path ? `${path}.${extra[0]}` : extra[0];
    let reported = ["string", "number", "boolean"].includes(typeof value) ? value : null;
    if (value instanceof Date) reported = isoDate(value);
    return dress({...finding(rule, path, reported, expected), cells: [path]}, version, detail);
  });
  for (const [rule, n] of more) {  // the last listed finding of the rule says how many more there were
    const f = found.findLast(x => x.rule === rule);
    f.message += `（另有 ${n} 处同类问题未列出）`;
    f.message_en += ` (${n} more such findings are not listed)`;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------- narrative
const FULLWIDTH = {"０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7", "８": "8",
                   "９": "9", "％": "%", "．": "."};
// whitespace as docs/rule-language.md specifies it (Python's str.split(): Unicode White_Space and U+001C–U+001F)
const WS = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;
const WS1 = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
function normalize(text) {
  text = text.replace(/[０-９％．]/g, c => FULLWIDTH[c]).replace(WS, "");
  return text.includes(",") ? text.replace(/(?<=[0-9]),(?=[0-9]{3}(?![0-9]))/g, "") : text;
}
const ENDS = ["。", "；", "！", "？", ";", "!", "?", "\n"];
function sentence(text, start, end, limit = 160) {
  const i = start === 0 ? 0 : Math.max(...ENDS.map(ch => text.lastIndexOf(ch, start - 1))) + 1;
  const found = ENDS.map(ch => text.indexOf(ch, end)).filter(j => j >= 0);
  const j = found.length ? Math.min(...found) : text.length;
  let quote = text.slice(i, j);
  if ([...quote].length > limit) {
    const a = Math.max(i, start - Math.floor(limit / 2)), b = Math.min(j, end + Math.floor(limit / 2));
    quote = (a > i ? "…" : "") + text.slice(a, b) + (b < j ? "…" : "");
  }
  return quote;
}
function numbered(text) {
  for (const m of ["；", "！", "？", ";", "!", "?"]) text = text.split(m).join("。");
  return text.split("。").filter(s => /[0-9]/.test(s)).join("。");
}
function bounds(report, identities) {
  const b = new Map();
  const get = p => {
    if (!b.has(p)) { const v = at(report, p); b.set(p, isNum(v) ? [v, v] : [0, INF]); }
    return b.get(p);
  };
  const used = new Set(identities.flatMap(i => i.terms.map(t => t[0])));
  let computed = false;
  function propagate() {
    for (let pass = 0; pass < 4; pass++) {
      let changed = false;
      for (const {terms, constant} of identities) {
        const parts = terms.map(([p, k]) => [k, get(p)]);
        const lows = parts.map(([k, [a, c]]) => Math.min(k * a, k * c));
        const highs = parts.map(([k, [a, c]]) => Math.max(k * a, k * c));
        terms.forEach(([pj, kj], j) => {
          let restLo = 0, restHi = 0;
          lows.forEach((x, i) => { if (i !== j) restLo += x; });
          highs.forEach((x, i) => { if (i !== j) restHi += x; });
          let lo = -constant - restHi, hi = -constant - restLo;
          if (kj < 0) [lo, hi] = [-hi, -lo];
          const cur = b.get(pj);
          const nw = [Math.max(cur[0], lo / Math.abs(kj)), Math.min(cur[1], hi / Math.abs(kj))];
          if ((nw[0] !== cur[0] || nw[1] !== cur[1]) && nw[0] <= nw[1]) { b.set(pj, nw); changed = true; }
        });
      }
      if (!changed) break;
    }
  }
  const cell = p => {
    const v = at(report, p);
    if (isNum(v)) return [v, v];
    if (!used.has(p)) return [0, INF];
    if (!computed) { propagate(); computed = true; }
    return b.get(p) || [0, INF];
  };
  return form => {
    let lo = form.constant, hi = form.constant;
    for (const [p, k] of form.terms) {
      const [a, c] = cell(p);
      lo += Math.min(k * a, k * c); hi += Math.max(k * a, k * c);
    }
    return [lo, hi];
  };
}
const showInterval = ([lo, hi]) => lo === hi ? Math.trunc(lo) : hi === INF ? `≥${Math.trunc(lo)}` : `${Math.trunc(lo)}–${Math.trunc(hi)}`;
function rounded(count, base, printed, halfEven) {  // count/base in percent, to the decimals printed
  const d = printed.includes(".") ? printed.split(".")[1].length : 0;
  const num = BigInt(count) * 100n * 10n ** BigInt(d), den = BigInt(base);
  let q = num / den; const r = num % den;
  if (2n * r > den || (2n * r === den && (!halfEven || q % 2n === 1n))) q += 1n;
  const s = q.toString().padStart(d + 1, "0");
  return d ? `${s.slice(0, -d)}.${s.slice(-d)}` : s;
}
function falseFor(op, a, b) {
  if (op === "==") return a[0] > b[1] || a[1] < b[0];
  if (op === "!=") return a[0] === a[1] && a[1] === b[0] && b[0] === b[1];
  if (op === "<") return a[0] >= b[1];
  if (op === "<=") return a[0] > b[1];
  if (op === ">") return a[1] <= b[0];
  return a[1] < b[0];
}
// the statements a pattern finds, left to right; one overlapping a match of the rule's exclude pattern is dropped
// and the search goes on from the character after its start (docs/rule-language.md, "Patterns")
function* matches(rule, text) {
  const rx = new RegExp(rule.pattern, "gu");
  if (!rule.exclude) { yield* text.matchAll(rx); return; }
  const spans = [...text.matchAll(new RegExp(rule.exclude, "gu"))].map(m => [m.index, m.index + m[0].length]);
  let pos = 0, k = 0;
  for (;;) {
    rx.lastIndex = pos;
    const m = rx.exec(text);
    if (!m) return;
    const s = m.index, e = s + m[0].length;
    while (k < spans.length && spans[k][1] <= s) k++;
    if (k < spans.length && spans[k][0] < e) { pos = s + (text.codePointAt(s) > 0xFFFF ? 2 : 1); continue; }
    yield m;
    pos = e > s ? e : e + 1;
  }
}
const MAX_HITS = 20, MAX_DIGITS = 18;  // findings of one rule per report; digits of a number read as a count
function narrative(report, rules, identities, all) {
  const reading = bounds(report, identities);
  for (const rule of rules) {
    let hits = 0;
    const out = {push: f => { if (hits++ < MAX_HITS) all.push(f); }};
    if (rule.kind === "section_order") {
      const found = at(report, "extraction.section_headings");
      if (Array.isArray(found) && JSON.stringify(found) !== JSON.stringify(rule.order))
        out.push(finding(rule.rule, "extraction.section_headings", found.map(String).join("、"), rule.order.join("、")));
      continue;
    }
    for (const section of rule.sections) {
      const raw = report[section];
      if (typeof raw !== "string") continue;
      let text = normalize(raw);
      if (!text) continue;
      if (rule.kind === "narrative_fact" || rule.kind === "narrative_percent") text = numbered(text);
      if (rule.kind === "narrative_required") {
        if (matches(rule, text).next().done) out.push(finding(rule.rule, section, null, null, sentence(text, 0, 0)));
        continue;
      }
      for (const m of matches(rule, text)) {
        const s = m.index, e = m.index + m[0].length;
        if (m.slice(1).some(g => g && g.length > MAX_DIGITS)) continue;
        if (rule.kind === "narrative_fact") {
          const n = parseInt(m[1], 10), values = rule.readings.map(reading);
          if (!values.some(([lo, hi]) => lo <= n && n <= hi))
            out.push(finding(rule.rule, section, n, showInterval(values[0]), sentence(text, s, e)));
        } else if (rule.kind === "narrative_percent") {
          const n = parseInt(m[1], 10), printed = m[2];
          const exact = rule.readings.map(reading).filter(([lo, hi]) => lo === hi && lo > 0).map(([lo]) => Math.trunc(lo));
          if (!exact.length || exact.some(b => printed === rounded(n, b, printed, false) || printed === rounded(n, b, printed, true))) continue;
          out.push(finding(rule.rule, section, printed, rounded(n, exact[0], printed, false), sentence(text, s, e)));
        } else {  // narrative_claim
          const left = reading(rule.left), right = reading(rule.right);
          if (falseFor(rule.op, left, right))
            out.push(finding(rule.rule, section, showInterval(left), showInterval(right), sentence(text, s, e)));
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------- one report
const NARRATIVE_CELLS = Object.fromEntries(Object.entries(R.versions).map(([name, v]) => [name, Object.fromEntries(
  v.narrative.map(r => [r.rule, ((r.kind === "narrative_claim" ? r.left : (r.readings || [])[0]) || {terms: []}).terms.map(t => t[0])]))]));

/** Every finding of one report (a plain object, as YAML or JSON reads): the JSON Schema's first, then the rules'. */
export function validate(report) {
  const version = isObj(report) && typeof report.format_version === "string" ? report.format_version : null;
  const out = schemaFindings(report, version);
  const v = Object.hasOwn(R.versions, version) ? R.versions[version] : null;
  if (!isObj(report) || !v) return out;
  const rejected = new Set(out.map(f => f.path));
  const raw = [];
  for (const s of v.version_structure) {
    const parent = at(report, s.parent), leaf = s.path.split(".").pop();
    if (isObj(parent) && !blank(own(parent, leaf))) out.push(dress(finding(s.rule, s.path), null));
  }
  const silenced = new Set();  // tables missing as a whole: one tables_present finding, no complete finding
  for (const t of v.tables_present ?? []) {
    if (t.tables.length && t.tables.every(name => blank(own(report, name)))) {
      const labels = t.tables.map(name => cellLabel(name, version));  // the tables' cells, joined
      raw.push({...finding(t.rule, ""), cellPair: [labels.map(l => l[0]).join("；"), labels.map(l => l[1]).join("; ")]});
      for (const name of t.tables) silenced.add(name);
    }
  }
  const unread = unreadRows(report, v);
  const under = path => unread.some(u => path === u.path || path.startsWith(u.path + "."));
  const ambiguous = ambiguousRows(report, v), readBlank = new Set();
  const notFound = notFoundRows(report, v), foundBlank = new Set();
  const unreliable = unreliableCells(report, v), ocrBlank = new Set();
  // the rows the reading names (and the cells OCR read unreliably): a table or row blank as a whole above one of
  // them is opened, its parts placed one by one (docs/rule-language.md, Evaluation 2)
  const readerRows = [...unread, ...ambiguous, ...notFound, ...unreliable].map(r => r.path);
  const opened = new Set();
  for (const c of v.complete) {  // in order: a node's parts follow it
    const parent = at(report, c.parent), leaf = c.path.split(".").pop();
    const reached = isObj(parent) ? blank(own(parent, leaf)) : opened.has(c.parent);
    if (!reached || silenced.has(c.path) || under(c.path)) continue;
    // the other version's table stands in its place: FORMAT-VERSION-TABLES names it
    if ((c.other_version ?? []).some(name => !blank(own(report, name)))) continue;
    const hit = ambiguous.filter(a => c.path === a.path || c.path.startsWith(a.path + "."));
    if (hit.length) { for (const a of hit) readBlank.add(a); continue; }
    const gone = notFound.filter(a => c.path === a.path || c.path.startsWith(a.path + "."));
    if (gone.length) { for (const a of gone) foundBlank.add(a); continue; }
    const unsure = unreliable.filter(a => c.path === a.path || c.path.startsWith(a.path + "."));
    if (unsure.length) { for (const a of unsure) ocrBlank.add(a); continue; }
    if (readerRows.some(p => p.startsWith(c.path + "."))) { opened.add(c.path); continue; }
    raw.push(finding(c.rule, c.path));
  }
  runChecks(v.checks, report, undefined, rejected, raw);
  const noReading = [];
  for (const u of unread) noReading.push(dress(finding(u.rule, u.path, u.raw), version, [
    `印刷的连写数字“${u.raw}”无论如何拆分都不满足此规则（抽取说明 no_consistent_reading）`,
    `no reading of the printed digits ${u.raw} satisfies this rule (extraction note no_consistent_reading)`]));
  for (const a of ambiguous) if (readBlank.has(a)) for (const r of v.reading_ambiguous ?? [])
    noReading.push(dress(finding(r.rule, a.path, a.raw), version, a.readings ? [
      `印刷的连写数字“${a.raw}”有 ${a.readings} 种读法符合规则（抽取说明 ambiguous）`,
      `${a.readings} readings of the printed digits ${a.raw} satisfy the rules (extraction note ambiguous)`] : [
      `印刷的连写数字“${a.raw}”有不止一种读法（抽取说明 ambiguous）`,
      `the printed digits ${a.raw} have more than one reading (extraction note ambiguous)`]));
  for (const a of notFound) if (foundBlank.has(a)) for (const r of v.reading_not_found ?? []) {
    const [cell, cellEn] = cellLabel(a.path, version);
    noReading.push(dress(finding(r.rule, a.path), version, [
      `未找到“${cell}”（抽取说明 missing）`, `not found: ${cellEn} (extraction note missing)`]));
  }
  for (const a of unreliable) if (ocrBlank.has(a)) for (const r of v.reading_unreliable ?? []) {
    let read = a.raw ? [`文字识别读作“${a.raw}”`, `OCR read ${a.raw}`] : ["文字识别未读出文字", "OCR read nothing"];
    if (a.confidence !== null) {
      const c = fixed2(a.confidence);
      read = [`${read[0]}，置信度 ${c}`, `${read[1]} with confidence ${c}`];
    }
    noReading.push(dress(finding(r.rule, a.path, a.raw), version, [
      `${read[0]}（抽取说明 low_confidence）`, `${read[1]} (extraction note low_confidence)`]));
  }
  const text = [];
  narrative(report, v.narrative, v.identities, text);
  for (const f of text) f.cells = NARRATIVE_CELLS[version][f.rule];
  return out.concat(raw.map(f => dress(f, version)), noReading, text.map(f => dress(f, version)),
                    invisibleFindings(report, rejected).map(f => dress(f, version)));
}

// the invisible_characters rules (docs/rule-language.md, "Invisible characters"): the slot, a string the JSON Schema
// accepted, holds characters of the rule's list; reported: their code points (U+200B), sorted, once each, joined by 、
const INVISIBLE = (R.invisible_characters ?? []).map(r => ({...r, re: charClass(r.characters)}));
const INVISIBLE_ANY = charClass(INVISIBLE.flatMap(r => r.characters));  // what the organ key leaves out
function charClass(ranges) {  // one character of the code point ranges ([lo, hi], both included), global
  if (!ranges.length) return /(?!)/gu;
  const hex = c => `\\u{${c.toString(16)}}`;
  return new RegExp(`[${ranges.map(([lo, hi]) => hex(lo) + (hi > lo ? "-" + hex(hi) : "")).join("")}]`, "gu");
}
function invisibleFindings(report, rejected) {
  const out = [];
  for (const r of INVISIBLE) {
    const value = own(report, r.path);
    if (typeof value !== "string" || rejected.has(r.path)) continue;
    const found = [...new Set([...value.matchAll(r.re)].map(m => m[0].codePointAt(0)))].sort((a, b) => a - b);
    if (found.length) out.push(finding(r.rule, r.path, found.map(c => "U+" + c.toString(16).toUpperCase().padStart(4, "0")).join("、")));
  }
  return out;
}

// the extractor's notes of one kind that name a cell or row (a non-empty note_path; the path "" is the report's,
// tables_present's, not a row): what the four reading rules below read (the Python engine's _notes_of)
function notesOf(report, kind) {
  const notes = isObj(report.extraction) ? report.extraction.notes : null;
  if (!Array.isArray(notes)) return [];
  return notes.filter(n => isObj(n) && n.note_kind === kind && typeof n.note_path === "string" && n.note_path);
}

// the extractor's no_consistent_reading notes of an identity of the version (docs/rule-language.md, "Printed digits
// that no reading fits"): an error of that rule, the printed digits as reported; the row's cells are not reported blank
function unreadRows(report, v) {
  const notes = notesOf(report, "no_consistent_reading");
  if (!notes.length) return [];
  const rules = new Set(v.identities.map(i => i.rule));
  return notes.filter(n => typeof n.note_rule === "string" && rules.has(n.note_rule) && typeof n.note_raw === "string")
    .map(n => ({rule: n.note_rule, path: n.note_path, raw: n.note_raw}));
}

// the extractor's ambiguous notes (docs/rule-language.md, "Printed digits that more than one reading fits"): a row
// left blank by the reading, one reading_ambiguous finding instead of its blank cells
function ambiguousRows(report, v) {
  if (!(v.reading_ambiguous ?? []).length) return [];
  return notesOf(report, "ambiguous").filter(n => typeof n.note_raw === "string")
    .map(n => ({path: n.note_path, raw: n.note_raw,
      readings: Number.isInteger(n.note_readings) && n.note_readings >= 2 ? n.note_readings : null}));
}

// the extractor's missing notes (docs/rule-language.md, "Rows the reading did not find"): a row the reader did not
// find in the source, one reading_not_found finding instead of its blank cells
function notFoundRows(report, v) {
  if (!(v.reading_not_found ?? []).length) return [];
  return notesOf(report, "missing").map(n => ({path: n.note_path}));
}

// the extractor's low_confidence notes (docs/rule-language.md, "Cells OCR read unreliably"): a cell OCR read below
// the confidence bound, left blank by the reading, one reading_unreliable finding instead of its blank
function unreliableCells(report, v) {
  if (!(v.reading_unreliable ?? []).length) return [];
  return notesOf(report, "low_confidence")
    .map(n => ({path: n.note_path, raw: typeof n.note_raw === "string" ? n.note_raw : null,
      confidence: typeof n.note_confidence === "number" && n.note_confidence >= 0 && n.note_confidence <= 1
        ? n.note_confidence : null}));
}

// a number from 0 to 1 with two decimals as Python's f"{x:.2f}" writes it: the exact binary value rounded, a tie
// (only 0.125, 0.375, 0.625 and 0.875 are exact ties) to the even digit where toFixed takes the larger
function fixed2(x) {
  const ties = {0.125: "0.12", 0.375: "0.38", 0.625: "0.62", 0.875: "0.88"};
  return ties[x] ?? x.toFixed(2);
}

/** True when the report has no finding of severity error (warnings are allowed). */
export function isValid(report) {
  return !validate(report).some(f => f.severity === "error");
}

// ---------------------------------------------------------------------------------------------- a corpus
function organKey(report) {  // the canonical_organ when the report has one (a resolved identity), else the organ
  const organ = typeof report.canonical_organ === "string" && report.canonical_organ.trim() ? report.canonical_organ : report.organ;
  if (typeof organ !== "string" || !organ.trim()) return null;
  const name = organ.normalize("NFKC").replace(INVISIBLE_ANY, "").replace(new RegExp(`[${WS1}·•.,，。、（）()《》“”"'’‘-]`, "gu"), "");
  return `${typeof report.division_code === "string" ? report.division_code : ""}\u0000${name}`;
}
function copyValue(report, path) {  // a cell as copies compare it: a number or a text, else blank (null)
  const v = at(report, path);
  return typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) ? v : null;
}
function projection(report, v, rejected = new Set()) {  // what the cross-report rules read; long texts as digests
  // (a value the JSON Schema rejected is left out as a blank is: no cross-report rule reads it)
  const out = {};
  for (const c of v.cross_report) for (const p of c.reads) {
    const path = p.startsWith("prev.") ? p.slice(5) : p;
    let val = at(report, path);
    if (!(typeof val === "string" || isNum(val))) continue;
    if (rejected.size && touches(path, rejected)) continue;
    if (typeof val === "string" && [...val].length > 64)
      val = `sha1:${bytesToHex(sha1(utf8ToBytes(val))).slice(0, 16)} (${[...val].length} chars)`;
    let target = out;
    const steps = path.split(".");
    for (const s of steps.slice(0, -1)) target = target[s] ??= {};
    target[steps.at(-1)] = val;
  }
  out.format_version = report.format_version;
  return out;
}
const CRC_TABLE = Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32Bytes(bytes) {
  let c = 0xFFFFFFFF;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xFF] ^ (c >>> 8);
  return (c ^ 0xFFFFFFFF) >>> 0;
}
const crc32 = str => crc32Bytes(new TextEncoder().encode(str));
function bandKeys(sig) {  // docs/rule-language.md, "Near duplicates": bins b, b+8, b+16, b+24 as little-endian words
  const keys = [];
  for (let b = 0; b < 8; b++) {
    const view = new DataView(new ArrayBuffer(16));
    for (let w = 0; w < 4; w++) view.setUint32(4 * w, sig[b + 8 * w], true);
    keys.push(`${b}:${crc32Bytes(new Uint8Array(view.buffer))}`);
  }
  return keys;
}
function sketch(text) {  // docs/rule-language.md, "Near duplicates"
  let t = text.replace(WS, "");
  for (const m of ["；", "！", "？", ";", "!", "?"]) t = t.split(m).join("。");
  const parts = new Set(t.split("。").filter(p => [...p].length > 3));
  const hashes = [...parts].map(crc32).sort((a, b) => b - a);
  if (!hashes.length) return null;
  const bins = new Map();
  for (const h of hashes) bins.set(h % 32, Math.floor(h / 32));
  const out = [];
  for (let i = 0; i < 32; i++) {
    let j = 0;
    while (!bins.has((i + j) % 32)) j++;
    out.push(Number((BigInt(bins.get((i + j) % 32)) + BigInt(j) * 0x9E3779B1n) & 0xFFFFFFFFn));
  }
  return out;
}
function roundHalfEven2(k, n) {  // k/n rounded half to even to two decimals, as Python's round() does for these
  const num = BigInt(k) * 100n, den = BigInt(n);
  let q = num / den; const r = num % den;
  if (2n * r > den || (2n * r === den && q % 2n === 1n)) q += 1n;
  return Number(q) / 100;
}
function rejectedPaths(report) {  // the paths whose values the JSON Schema rejects
  return new Set(schemaFindings(report, typeof report.format_version === "string" ? report.format_version : null).map(f => f.path));
}
/** The cross-report findings of several reports (docs/rule-language.md, "Cross-report rules"): each finding
 *  with `report` (the index of the report) and `other` (the index of the previous year's or the copied report).
 *  `names` (optional): what to call the reports in messages (file names); their indices otherwise. */
export function crossCheck(reports, {names} = {}) {
  const nameOf = i => (names ? String(names[i]) : String(i));
  const out = [];
  const entries = reports.map((r, i) => ({i, r, key: organKey(r), year: Number.isInteger(r.report_year) && r.report_year >= 1000 && r.report_year <= 9999 ? r.report_year : null}))
    .filter(e => e.key !== null && e.year !== null && isObj(e.r));
  // consecutive years of one organ; of several reports of one organ and year, the first one read
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.year - b.year || a.i - b.i));
  let prev = null;
  for (const e of sorted) {
    if (prev && prev.key === e.key && prev.year === e.year) continue;
    const v = own(R.versions, e.r.format_version);
    if (prev && prev.key === e.key && prev.year === e.year - 1 && v) {
      const found = [];
      const prevProj = projection(prev.r, own(R.versions, prev.r.format_version) || v, rejectedPaths(prev.r));
      runChecks(v.cross_report, projection(e.r, v, rejectedPaths(e.r)), prevProj, new Set(), found);
      for (const f of found) out.push({report: e.i, ...dress(f, e.r.format_version), other: prev.i});
    }
    prev = e;
  }
  // copies of one report (one key, one year): each later copy's cells against the first copy read
  // (docs/rule-language.md, "Copies of one report")
  for (const cp of R.copies || []) {
    const firsts = new Map();
    for (const e of sorted) {
      const id = `${e.key}\u0001${e.year}`;
      if (!firsts.has(id)) { firsts.set(id, e); continue; }
      const first = firsts.get(id), theirs = new Set(cp.cells[first.r.format_version] || []);
      const detail = [`另一副本文件 ${nameOf(first.i)}`, `the other copy's file: ${nameOf(first.i)}`];
      for (const path of cp.cells[e.r.format_version] || []) {
        if (!theirs.has(path)) continue;
        const a = copyValue(e.r, path), b = copyValue(first.r, path);
        const same = a === null || b === null ? a === b : a === b && (typeof a === "string") === (typeof b === "string");
        if (!same) out.push({report: e.i, ...dress(finding(cp.rule, path, a, b), e.r.format_version, detail), other: first.i});
      }
    }
  }
  for (const nd of R.near_duplicate) {
    const sim = (x, y) => x.filter((v, k) => v === y[k]).length;
    for (const section of nd.sections) {
      const sk = entries.map(e => typeof e.r[section] === "string" && [...e.r[section]].length >= nd.min_length ? sketch(e.r[section]) : null);
      const found = new Map();  // entry index -> {other, equal}: one finding a section
      // same year, other organs: the first `candidates` entries of each band bucket; links; the earliest link named
      const buckets = new Map();
      entries.forEach((e, a) => { if (sk[a]) for (const k of bandKeys(sk[a])) {
        const id = `${e.year}\u0000${k}`;
        if (!buckets.has(id)) buckets.set(id, []);
        buckets.get(id).push(a);
      } });
      const links = new Map();
      const link = (a, b, equal) => { if (!links.has(a) || b < links.get(a).other) links.set(a, {other: b, equal}); };
      const compared = new Set();
      for (const members of buckets.values()) {
        const firsts = members.slice(0, nd.candidates);
        for (const a of members) for (const f of firsts) {
          if (f === a || entries[f].key === entries[a].key) continue;
          const pair = a < f ? `${a},${f}` : `${f},${a}`;
          if (compared.has(pair)) continue;
          compared.add(pair);
          const equal = sim(sk[a], sk[f]);
          if (equal / 32 >= nd.threshold) { link(a, f, equal); link(f, a, equal); }
        }
      }
      for (const [a, l] of links) found.set(a, l);
      // same organ, adjacent years: the later report names the earlier, unless word for word the same
      let prev = null;
      for (const e of [...entries.keys()].sort((x, y) => (entries[x].key < entries[y].key ? -1 : entries[x].key > entries[y].key ? 1 : entries[x].year - entries[y].year || x - y))) {
        const E = entries[e];
        if (prev !== null && entries[prev].key === E.key && entries[prev].year === E.year) continue;
        if (prev !== null && entries[prev].key === E.key && entries[prev].year === E.year - 1 && sk[e] && sk[prev] && !found.has(e)) {
          const P = entries[prev];
          const va = projection(E.r, own(R.versions, E.r.format_version))[section], vb = projection(P.r, own(R.versions, P.r.format_version))[section];
          const equal = sim(sk[e], sk[prev]);
          if (va !== vb && equal / 32 >= nd.threshold) found.set(e, {other: prev, equal});
        }
        prev = e;
      }
      for (const [a, {other, equal}] of [...found.entries()].sort((x, y) => x[0] - y[0])) {
        const o = entries[other];
        out.push({report: entries[a].i, ...dress(finding(nd.rule, section, roundHalfEven2(equal, 32), `${nameOf(o.i)}（${o.key.split("\u0000")[1]} ${o.year}）`), null), other: o.i});
      }
    }
  }
  return out;
}


/** The findings of a conformance case, in the suite's form (each with `report`, the index): of its reports, or
 *  for a case of the input group, of its source text (`input`: {name, text}). */
export function runCase(c) {
  if (c.input) {
    let report;
    try {
      report = parseReport(c.input.text, c.input.name);
    } catch (e) {
      if (e instanceof InputError) return [{report: 0, ...e.finding()}];
      throw e;
    }
    return validate(report).map(f => ({report: 0, ...f}));
  }
  const found = c.reports.flatMap((r, i) => validate(r).map(f => ({report: i, ...f})));
  if (c.reports.length > 1) found.push(...crossCheck(c.reports));
  return found;
}

// ---------------------------------------------------------------------------------------------- input
/** Input that is not a readable report: `rule` is an INPUT-* id (severity fatal), messages in Chinese and English. */
export class InputError extends Error {
  constructor(rule, message, messageEn) {
    super(messageEn);
    this.rule = rule;
    this.message_zh = message;
    this.message_en = messageEn;
  }
  /** The finding `gaischema validate --format json` writes for it. */
  finding() {
    return {rule: this.rule, severity: "fatal", path: "", cell: "", cell_en: "", message: this.message_zh,
            message_en: this.message_en, reported: null, expected: null};
  }
}
export const MAX_DEPTH = 32;
export const MAX_ITEMS = 5000;  // items of one list or mapping, as gaischema.loading.MAX_ITEMS: more is no report

/** A report from YAML text (YAML 1.1, as gaischema reads it: an unquoted date is a date, and so a finding) or,
 *  for a name ending in .json, JSON text. Aliases, merge keys and duplicate keys are refused. Throws InputError. */
export function parseReport(text, name = "") {
  if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
  if (!text.trim()) throw new InputError("INPUT-EMPTY", "文件为空", "the file is empty");
  let data;
  if (name.toLowerCase().endsWith(".json")) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      if (/\b(?:NaN|-?Infinity)\b/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""')))  // JSON has no such number
        throw new InputError("INPUT-NUMBER", "数值不能是 NaN 或无穷大", "a number cannot be NaN or Infinity");
      throw new InputError("INPUT-JSON", "JSON 语法错误", `broken JSON: ${e.message}`);
    }
    if (hasDuplicateJsonKey(text)) throw new InputError("INPUT-DUPLICATE-KEY", "同一映射中有重复的键", "a mapping has the same key twice");
  } else {
    const doc = YAML.parseDocument(text, {version: "1.1", uniqueKeys: true, merge: false, maxAliasCount: -1, prettyErrors: false});
    const err = doc.errors[0];
    if (err) {
      if (err.code === "DUPLICATE_KEY") throw new InputError("INPUT-DUPLICATE-KEY", "同一映射中有重复的键", "a mapping has the same key twice");
      const where = err.linePos ? err.linePos[0] : null;
      throw new InputError("INPUT-YAML", where ? `YAML 语法错误（第 ${where.line} 行第 ${where.col} 列）` : "YAML 语法错误",
                           `broken YAML${where ? ` at line ${where.line}, column ${where.col}` : ""}: ${err.message.split("\n")[0]}`);
    }
    let alias = false, merge = false, badKey;
    YAML.visit(doc, {Alias() { alias = true; return YAML.visit.BREAK; }, Pair(_, pair) {
      if (YAML.isScalar(pair.key) && pair.key.value === "<<" && pair.key.type === "PLAIN") merge = true;
      else if (badKey === undefined && !(YAML.isScalar(pair.key) && typeof pair.key.value === "string"))
        badKey = YAML.isScalar(pair.key) ? pair.key.value : [];  // YAML 1.1: yes, 1, 2024-01-01 are no text
    }});
    if (alias) throw new InputError("INPUT-YAML", "不允许使用 YAML 锚点/别名（&/*）", "YAML anchors and aliases (&/*) are not allowed");
    if (merge) throw new InputError("INPUT-YAML", "不允许使用 YAML 合并键（<<）", "YAML merge keys (<<) are not allowed");
    if (badKey !== undefined) {
      const shown = badKey instanceof Date ? isoDate(badKey) : pyRepr(badKey);
      throw new InputError("INPUT-KEY", `键须为文本，此处为 ${shown}`, `keys must be text, not ${shown}`);
    }
    data = doc.toJS({maxAliasCount: -1});
  }
  checkTree(data);
  if (data === null || data === undefined) throw new InputError("INPUT-EMPTY", "文件为空", "the file is empty");
  if (!isObj(data) || data instanceof Date) {
    const kind = Array.isArray(data) ? "list" : typeof data === "string" ? "str" : typeof data === "boolean" ? "bool" : Number.isInteger(data) ? "int" : typeof data === "number" ? "float" : "date";
    throw new InputError("INPUT-NOT-REPORT", `不是年度报告：顶层应为映射（键值对），实为 ${kind}`, `not a report: the top level must be a mapping, not a ${kind}`);
  }
  // a mapping with none of the report's fields (the JSON Schema's top-level properties) holds no report
  const keys = Object.keys(data);
  if (!keys.some(k => Object.hasOwn(STANDARD.schema.properties, k))) {
    if (!keys.length) throw new InputError("INPUT-NOT-REPORT", "不是年度报告：顶层为空映射", "not a report: the top level is an empty mapping");
    const shown = keys.slice(0, 3).map(k => k.slice(0, 40)), more = keys.length > 3 ? "…" : "";
    throw new InputError("INPUT-NOT-REPORT", `不是年度报告：顶层没有年度报告的任何字段（如 organ、report_year），只有 ${shown.join("、")}${more}`,
                         `not a report: no field of a report (organ, report_year, ...) at the top level, only ${shown.join(", ")}${more}`);
  }
  return data;
}
function hasDuplicateJsonKey(text) {  // JSON.parse keeps the last of two equal keys without a word
  let dup = false;
  const stack = [];
  const rx = /"(?:[^"\\]|\\.)*"|[{}\[\]:,]/g;
  let m, last = null;
  while ((m = rx.exec(text)) && !dup) {
    const t = m[0];
    if (t === "{") stack.push(new Set());
    else if (t === "[") stack.push(null);
    else if (t === "}" || t === "]") stack.pop();
    else if (t === ":" && last && last[0] === '"' && stack.at(-1)) {
      const k = JSON.parse(last);
      if (stack.at(-1).has(k)) dup = true; else stack.at(-1).add(k);
    }
    last = t;
  }
  return dup;
}
function checkTree(data) {
  const stack = [[data, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop();
    if (typeof node === "number" && !Number.isFinite(node)) throw new InputError("INPUT-NUMBER", "数值不能是 NaN 或无穷大", "a number cannot be NaN or Infinity");
    if (node instanceof Map || node instanceof Set) throw new InputError("INPUT-KEY", "键须为文本", "keys must be text");
    if (node !== null && typeof node === "object" && !(node instanceof Date)) {
      if (depth > MAX_DEPTH) throw new InputError("INPUT-TOO-DEEP", `嵌套层次过深（上限 ${MAX_DEPTH} 层）`, `nested too deeply (the limit is ${MAX_DEPTH} levels)`);
      const children = Object.values(node);
      if (children.length > MAX_ITEMS)
        throw new InputError("INPUT-TOO-LARGE", `列表或映射的项数过多（${children.length}，上限 ${MAX_ITEMS}）`,
                             `a list or mapping of too many items (${children.length}; the limit is ${MAX_ITEMS})`);
      for (const child of children) stack.push([child, depth + 1]);
    }
  }
}
export {cellLabel, matches, normalize, numbered};
