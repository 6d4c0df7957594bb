// Reading a Word report written in gaischema's template (`gaischema template --format docx`, or an instance
// rendered with `gaischema render --format docx`), in the browser: the validator page checks a Word draft
// before it is published.
//
// The template carries the cell map as bookmarks (gaischema.cellmap: one per official cell, named for its
// format version, table, row and column; one on the title and one on each section heading), which Word, WPS
// and LibreOffice keep when they save the file again. A cell is the whole table cell its bookmark stands in,
// read as gaischema.cellmap specifies (readCell: the same reading as `gaischema validate FILE.docx`); the
// title gives the organ and the year, and the paragraphs after each narrative heading its section. A Word file
// without these bookmarks is refused (INPUT-NOT-REPORT): read it with `gaischema extract`.
//
// Needs a DOMParser (browsers have one; in Node pass {DOMParser} from a package such as @xmldom/xmldom).

import {InputError} from "./index.mjs";
import MAP from "./workbook-map.mjs";
import {readCell, titleFields} from "./workbook.mjs";
import {unzip} from "./zip.mjs";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MAX_BYTES = 10 * 1024 * 1024;
const CELL_MARK = /^gs_(v[0-9]{4})_t[0-9]_r[0-9]{1,3}_c[0-9]{1,2}$/;
const NARRATIVE = ["overview", "problems_and_improvements", "other_matters"];
const notReport = (zh, en) => new InputError("INPUT-NOT-REPORT", zh, en);

function wText(el) {  // a paragraph's or a table cell's text, as the Python reader's _w_text makes it
  const parts = [];
  const visit = node => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      if (n.namespaceURI === W) {
        if (n.localName === "t") { parts.push(n.textContent); continue; }
        if (n.localName === "tab") parts.push(" ");
        else if (n.localName === "br" || n.localName === "cr") parts.push("\n");
        else if (n.localName === "p") parts.push("\n");
      }
      visit(n);
    }
  };
  if (el.namespaceURI === W && el.localName === "p") parts.push("\n");
  visit(el);
  return parts.join("").trim();
}

const marksIn = el => [...el.getElementsByTagNameNS(W, "bookmarkStart")].map(b => b.getAttributeNS(W, "name") || "");

/** A Word draft as {report, readings ({path: reading}), version}; InputError when it is not one. */
export async function readDocxDraft(data, {DOMParser: Parser = globalThis.DOMParser} = {}) {
  if ((data.byteLength ?? data.length) > MAX_BYTES)
    throw new InputError("INPUT-TOO-LARGE", "文件过大", `file too large (the limit is ${MAX_BYTES} bytes)`);
  // every part unpacked by what it holds, counted and capped, never by what it declares (zip.mjs)
  const part = unzip(data, ["Word 文档", "Word document"]).get("word/document.xml");
  if (!part) throw notReport("不是 Word 文件或文件损坏", "not a Word file, or a damaged one");
  const xml = new TextDecoder().decode(part.data);
  const doc = new Parser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length || doc.documentElement.localName !== "document")
    throw notReport("Word 文档内容损坏", "the Word document is damaged");
  const counts = {};
  for (const name of marksIn(doc)) {
    const m = CELL_MARK.exec(name);
    if (m && Object.hasOwn(MAP.versions, m[1])) counts[m[1]] = (counts[m[1]] || 0) + 1;
  }
  const version = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  if (!version)
    throw notReport("不是用 gaischema Word 模板写的报告（没有单元格书签）；请用 gaischema extract 读取",
                    "not a report written in gaischema's Word template (it has no cell bookmarks); read it with gaischema extract");
  const marks = MAP.versions[version].bookmarks;
  const found = {};
  for (const bm of doc.getElementsByTagNameNS(W, "bookmarkStart")) {  // the first bookmark of a cell's name counts
    const name = bm.getAttributeNS(W, "name") || "";
    const path = Object.hasOwn(marks, name) ? marks[name] : null;
    if (path === null || path in found) continue;
    let tc = bm.parentNode;
    while (tc && !(tc.namespaceURI === W && tc.localName === "tc")) tc = tc.parentNode;
    if (tc) found[path] = wText(tc);
  }
  const fields = {format_version: version};
  const headings = Object.fromEntries(Object.entries(MAP.reading.headings).map(([k, v]) => [v, k]));
  const texts = Object.fromEntries(NARRATIVE.map(k => [k, []]));
  let section = null;
  const walk = (el, depth) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1 || n.namespaceURI !== W) continue;
      if (n.localName === "p") {
        const names = marksIn(n);
        if (names.includes(MAP.reading.title_bookmark)) { Object.assign(fields, titleFields(wText(n))); continue; }
        const heading = names.find(x => Object.hasOwn(headings, x));
        if (heading) { section = headings[heading]; continue; }
        const text = wText(n);
        if (section in texts && text) texts[section].push(text);
      } else if (["sdt", "sdtContent", "customXml"].includes(n.localName) && depth < 20) walk(n, depth + 1);
    }
  };
  const body = doc.getElementsByTagNameNS(W, "body")[0];
  if (body) walk(body, 0);
  for (const k of NARRATIVE) if (texts[k].length) fields[k] = texts[k].join("\n");
  const report = {};
  for (const k of ["organ", "report_year"]) if (k in fields) report[k] = fields[k];
  report.format_version = version;
  for (const k of NARRATIVE) if (k in fields) report[k] = fields[k];
  const readings = {};
  for (const path of Object.values(marks)) {
    if (!(path in found)) continue;
    const r = readings[path] = readCell(found[path]);
    if (r.value !== null) {
      const steps = path.split(".");
      let obj = report;
      for (const s of steps.slice(0, -1)) obj = obj[s] ??= {};
      obj[steps.at(-1)] = r.value;
    }
  }
  return {report, readings, version};
}
