// A second, independent implementation of the gaischema standard, in JavaScript: it reads only the published
// artifacts — the JSON Schema (validated with Ajv, strict mode) and the compiled rules
// (generated/gaischema.rules.json, specified in docs/rule-language.md) — not a line of gaischema's Python.
//
//   node gaischema.mjs SCHEMA.json RULES.json CASE.json...   -> prints {case id: [findings]} as JSON
//
// It exists to show that the standard can be implemented from its files alone; tests/test_second_implementation.py
// runs it over the conformance suite (generated/conformance/) in CI.

import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import crypto from "crypto";
import fs from "fs";

const [schemaPath, rulesPath, ...casePaths] = process.argv.slice(2);
const ajv = new Ajv2019({strict: true, allErrors: true});
addFormats(ajv);
const checkSchema = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
const R = JSON.parse(fs.readFileSync(rulesPath, "utf8"));
const SKIP = Symbol("skip");
const INF = Infinity;

// ---------------------------------------------------------------------------------------------- values
const isObj = v => v !== null && typeof v === "object" && !Array.isArray(v);
const isNum = v => typeof v === "number" && Number.isFinite(v);
function at(root, path) {
  if (path === "") return root;
  let v = root;
  for (const step of path.split(".")) {
    if (!isObj(v)) return undefined;
    v = v[step];
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
      if (!compare(c.op, L, Rv)) out.push(finding(c.rule, c.finding_path, show(L), show(Rv)));
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

// ---------------------------------------------------------------------------------------------- JSON Schema
const CELLS = new Set(Object.values(R.versions).flatMap(v => v.complete.filter(c => c.cell).map(c => c.path)));
function schemaFindings(report) {
  if (checkSchema(report)) return [];
  const byKeyword = {};
  for (const r of R.jsonschema) for (const k of r.keywords) byKeyword[k] = r.rule;
  const out = [];
  for (const e of checkSchema.errors) {
    if (e.keyword === "anyOf" || e.keyword === "oneOf") continue;  // the branch's own errors are the findings
    if (e.keyword === "type" && e.params.type === "null") continue;  // the "or null" branch of an optional value
    let path = e.instancePath.split("/").slice(1).map(s => s.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");
    if (e.keyword === "additionalProperties") path = path ? `${path}.${e.params.additionalProperty}` : e.params.additionalProperty;
    // a blank table cell (a required cell absent, or null) is the complete rule's finding, not a SCHEMA-* one
    if (e.keyword === "required" && CELLS.has(path ? `${path}.${e.params.missingProperty}` : e.params.missingProperty)) continue;
    if (e.keyword === "type" && CELLS.has(path) && at(report, path) === null) continue;
    const rule = byKeyword[e.keyword] || byKeyword["*"];
    out.push(finding(rule, path));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- narrative
const FULLWIDTH = {"０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7", "８": "8",
                   "９": "9", "％": "%", "．": "."};
function normalize(text) {
  text = text.replace(/[０-９％．]/g, c => FULLWIDTH[c]).replace(/\s+/gu, "");
  return text.includes(",") ? text.replace(/(?<=\d),(?=\d{3}(?!\d))/g, "") : text;
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
  return text.split("。").filter(s => /\d/.test(s)).join("。");
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
      const rx = new RegExp(rule.pattern, "g");
      if (rule.kind === "narrative_required") {
        if (!rx.test(text)) out.push(finding(rule.rule, section, null, null, sentence(text, 0, 0)));
        continue;
      }
      for (const m of text.matchAll(rx)) {
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
function validate(report) {
  const out = schemaFindings(report);
  const version = report.format_version;
  const v = R.versions[version];
  if (!isObj(report) || !v) return out;
  const rejected = new Set(out.map(f => f.path));
  for (const s of v.version_structure) {
    const parent = at(report, s.parent), leaf = s.path.split(".").pop();
    if (isObj(parent) && !blank(parent[leaf])) out.push(finding(s.rule, s.path));
  }
  for (const c of v.complete) {
    const parent = at(report, c.parent), leaf = c.path.split(".").pop();
    if (isObj(parent) && blank(parent[leaf])) out.push(finding(c.rule, c.path));
  }
  runChecks(v.checks, report, undefined, rejected, out);
  narrative(report, v.narrative, v.identities, out);
  return out;
}

// ---------------------------------------------------------------------------------------------- a corpus
function organKey(report) {
  if (typeof report.organ !== "string" || !report.organ.trim()) return null;
  const name = report.organ.normalize("NFKC").replace(/[\s\u3000·•.,，。、（）()《》“”"'’‘-]/gu, "");
  return `${typeof report.division_code === "string" ? report.division_code : ""}\u0000${name}`;
}
function projection(report, v) {  // what the cross-report rules read; long texts as digests
  const out = {};
  for (const c of v.cross_report) for (const p of c.reads) {
    const path = p.startsWith("prev.") ? p.slice(5) : p;
    let val = at(report, path);
    if (!(typeof val === "string" || isNum(val))) continue;
    if (typeof val === "string" && [...val].length > 64)
      val = `sha1:${crypto.createHash("sha1").update(val, "utf8").digest("hex").slice(0, 16)} (${[...val].length} chars)`;
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
function crc32(str) {
  let c = 0xFFFFFFFF;
  for (const byte of Buffer.from(str, "utf8")) c = CRC_TABLE[(c ^ byte) & 0xFF] ^ (c >>> 8);
  return (c ^ 0xFFFFFFFF) >>> 0;
}
function sketch(text) {  // docs/rule-language.md, "Near duplicates"
  let t = text.replace(/\s+/gu, "");
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
function crossCheck(reports) {
  const out = [];
  const entries = reports.map((r, i) => ({i, r, key: organKey(r), year: Number.isInteger(r.report_year) && r.report_year >= 1000 && r.report_year <= 9999 ? r.report_year : null}))
    .filter(e => e.key !== null && e.year !== null && isObj(e.r));
  // consecutive years of one organ; of several reports of one organ and year, the first one read
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.year - b.year || a.i - b.i));
  let prev = null;
  for (const e of sorted) {
    if (prev && prev.key === e.key && prev.year === e.year) continue;
    const v = R.versions[e.r.format_version];
    if (prev && prev.key === e.key && prev.year === e.year - 1 && v) {
      const found = [];
      const prevProj = projection(prev.r, R.versions[prev.r.format_version] || v);
      runChecks(v.cross_report, projection(e.r, v), prevProj, new Set(), found);
      for (const f of found) out.push({report: e.i, ...f, other: prev.i});
    }
    prev = e;
  }
  for (const nd of R.near_duplicate) {
    const sk = entries.map(e => Object.fromEntries(nd.sections.map(s => [s, typeof e.r[s] === "string" && [...e.r[s]].length >= nd.min_length ? sketch(e.r[s]) : null])));
    for (const section of nd.sections) {
      const best = new Map();
      for (let a = 0; a < entries.length; a++) for (let b = a + 1; b < entries.length; b++) {
        const A = entries[a], B = entries[b], sa = sk[a][section], sb = sk[b][section];
        if (!sa || !sb) continue;
        const same = A.key === B.key;
        if (!((!same && A.year === B.year) || (same && Math.abs(A.year - B.year) === 1))) continue;
        if (same) {
          const va = projection(A.r, R.versions[A.r.format_version])[section], vb = projection(B.r, R.versions[B.r.format_version])[section];
          if (va === vb) continue;  // word for word: XR-NARRATIVE-REPEAT's
        }
        const equal = sa.filter((x, k) => x === sb[k]).length;
        if (equal / 32 < nd.threshold) continue;
        for (const [t, o] of [[A, B], [B, A]]) {
          if (same && t.year < o.year) continue;
          if (!best.has(t.i) || equal > best.get(t.i).equal) best.set(t.i, {equal, o});
        }
      }
      for (const [i, {equal, o}] of [...best.entries()].sort((x, y) => x[0] - y[0])) {
        const organ = o.key.split("\u0000")[1];
        out.push({report: i, ...finding(nd.rule, section, roundHalfEven2(equal, 32), `${o.i}（${organ} ${o.year}）`), other: o.i});
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- the cases
const results = {};
for (const p of casePaths) {
  const c = JSON.parse(fs.readFileSync(p, "utf8"));
  const found = c.reports.flatMap((r, i) => validate(r).map(f => ({report: i, ...f})));
  if (c.reports.length > 1) found.push(...crossCheck(c.reports));
  results[c.id] = found;
}
process.stdout.write(JSON.stringify(results));
