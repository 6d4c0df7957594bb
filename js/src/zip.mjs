// Zip packages (workbooks .xlsx, Word files .docx) unpacked by what their parts actually hold, never by what they
// declare: the JavaScript side of gaischema.extract.readers.package.
//
// Why: a zip declares each part's size twice (the central directory, the local header) and a hostile file
// declares what it likes. JSZip (under ExcelJS) inflates a part whole before it compares the result with the
// declared size, so a check of the declared sizes let a 300 KB workbook whose 300 MiB part declares 1,000
// bytes take the page's memory. Here every part is inflated once, a few kilobytes of compressed data at a time
// (fflate), counting the bytes that actually come out and stopping at MAX_UNPACKED (and at a part's declared
// size: a part that holds more is a lie). Only stored and deflated parts (the only methods of OOXML and ODF
// packages), each ending exactly at its declared size with its declared CRC, its local header (and data
// descriptor) agreeing with the central directory, no two parts of one name, no part's data inside another's,
// at most MAX_PARTS parts: the same package gaischema's Python readers accept. ExcelJS then reads the parts
// unpacked here, packed again without compression (storedZip), so it cannot unpack anything not counted here.

import {Inflate} from "fflate";
import {InputError} from "./index.mjs";

export const MAX_UNPACKED = 80 * 1024 * 1024;  // gaischema's readers: 8 × the 10 MiB input limit
export const MAX_PARTS = 10000;
const STEP = 4096;  // compressed bytes inflated at a time: about 4 MiB at most comes out of one step
const MAX32 = 0xFFFFFFFF;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes, crc = 0) {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
  return ~c >>> 0;
}

const u64 = (dv, at) => dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 2 ** 32;

/** The parts of a zip package, Map name → {data: Uint8Array, crc}, each unpacked here by what it actually holds.
 *  InputError INPUT-TOO-LARGE beyond MAX_UNPACKED bytes or MAX_PARTS parts, INPUT-NOT-REPORT for a damaged
 *  package or one whose declarations disagree (naming what is wrong). what: [Chinese, English] name of the file. */
export function unzip(data, [whatZh, whatEn] = ["Excel 工作簿", "workbook"]) {
  const b = data instanceof Uint8Array ? data : new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const notZip = () => new InputError("INPUT-NOT-REPORT", `不是${whatZh}文件或文件损坏`, `not a ${whatEn} file, or a damaged one`);
  const damaged = (zh, en) => new InputError("INPUT-NOT-REPORT", `${whatZh}损坏：${zh}`, `a damaged ${whatEn}: ${en}`);
  const over = () => new InputError("INPUT-TOO-LARGE", `${whatZh}解压后过大（上限 ${MAX_UNPACKED} 字节）`,
                                    `the ${whatEn} is too large unpacked (the limit is ${MAX_UNPACKED} bytes)`);
  const tooMany = () => new InputError("INPUT-TOO-LARGE", `${whatZh}部件过多（上限 ${MAX_PARTS} 个）`,
                                       `the ${whatEn} has too many parts (the limit is ${MAX_PARTS})`);
  const u16 = at => dv.getUint16(at, true), u32 = at => dv.getUint32(at, true);
  const sig = (at, s) => at >= 0 && at + 4 <= b.length && u32(at) === s;

  // the end of the central directory: the last one in the file's last 64 KiB (as Python's zipfile finds it)
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xFFFF); i--) if (sig(i, 0x06054b50)) { eocd = i; break; }
  if (eocd < 0) throw notZip();
  let count = u16(eocd + 10), sizeCd = u32(eocd + 12), offsetCd = u32(eocd + 16), end64 = 0;
  if (sig(eocd - 20, 0x07064b50)) {  // ZIP64: the record just before its locator
    const at = eocd - 20 - 56;
    if (!sig(at, 0x06064b50)) throw notZip();
    count = u64(dv, at + 32), sizeCd = u64(dv, at + 40), offsetCd = u64(dv, at + 48), end64 = 76;
  }
  const concat = eocd - end64 - sizeCd - offsetCd;  // bytes before the package (a self-extractor's), as zipfile
  if (concat < 0) throw notZip();
  const start = offsetCd + concat;
  if (count > MAX_PARTS) throw tooMany();

  const entries = [];
  let declared = 0;
  for (let at = start; at < start + sizeCd;) {
    if (!sig(at, 0x02014b50) || at + 46 > b.length) throw notZip();
    if (entries.length >= MAX_PARTS) throw tooMany();
    const e = {flags: u16(at + 8), method: u16(at + 10), crc: u32(at + 16), csize: u32(at + 20), size: u32(at + 24),
               offset: u32(at + 42)};
    const n = u16(at + 28), m = u16(at + 30), k = u16(at + 32);
    if (at + 46 + n + m > b.length) throw notZip();
    e.rawName = b.subarray(at + 46, at + 46 + n);
    e.name = new TextDecoder().decode(e.rawName);
    zip64(dv, at + 46 + n, m, e, notZip);
    e.offset += concat;
    declared += e.size;
    entries.push(e);
    at += 46 + n + m + k;
  }
  if (declared > MAX_UNPACKED) throw over();

  const names = new Set();
  for (const e of entries) {
    const key = e.name.toLowerCase();  // part names are compared ignoring case (OPC, ISO/IEC 29500-2 9.1.1.1)
    if (names.has(key)) throw damaged(`两个部件同名（'${e.name}'）`, `two parts are named '${e.name}'`);
    names.add(key);
    if (e.flags & 1) throw damaged(`部件已加密（'${e.name}'）`, `the part '${e.name}' is encrypted`);
    if (e.method !== 0 && e.method !== 8)
      throw damaged(`部件的压缩方式不是 Office 文件所用的存储或 Deflate（'${e.name}'）`,
                    `the part '${e.name}' is compressed by a method Office files do not use (${e.method}; only stored and deflate)`);
    span(b, dv, e, damaged);
  }
  const spans = [...entries].sort((x, y) => x.offset - y.offset || x.stop - y.stop);
  spans.forEach((e, i) => {
    if (e.stop > (i + 1 < spans.length ? spans[i + 1].offset : start))
      throw damaged(`部件与其他部件或目录重叠（'${e.name}'）`, `the part '${e.name}' overlaps another`);
  });

  const parts = new Map();
  let total = 0;
  for (const e of spans) {
    const packed = b.subarray(e.dataStart, e.dataStart + e.csize);
    let out;
    if (e.method === 0) {
      if (e.csize !== e.size) throw damaged(`存储的部件声明的大小不一（'${e.name}'）`, `the stored part '${e.name}' declares two sizes`);
      total += e.size;
      if (total > MAX_UNPACKED) throw over();
      out = packed;
    } else {
      out = inflate(packed, e, total, damaged, over);
      total += out.length;
    }
    const crc = crc32(out);
    if (crc !== e.crc) throw damaged(`部件的校验值不符（'${e.name}'）`, `the part '${e.name}' fails its CRC`);
    parts.set(e.name, {data: out, crc});
  }
  return parts;
}

function zip64(dv, at, length, e, notZip) {  // sizes and offset given as 0xFFFFFFFF, from the ZIP64 extra field
  if (e.size !== MAX32 && e.csize !== MAX32 && e.offset !== MAX32) return;
  for (let i = at; i + 4 <= at + length;) {
    const kind = dv.getUint16(i, true), n = dv.getUint16(i + 2, true);
    if (kind === 1) {
      let j = i + 4;
      for (const k of ["size", "csize", "offset"]) {
        if (e[k] !== MAX32) continue;
        if (j + 8 > i + 4 + n) throw notZip();
        e[k] = u64(dv, j);
        j += 8;
      }
      return;
    }
    i += 4 + n;
  }
  throw notZip();
}

function span(b, dv, e, damaged) {  // where the part's data starts and its bytes end; its local header checked
  const at = e.offset;
  const disagree = () => damaged(`部件的本地文件头与中央目录不符（'${e.name}'）`,
                                 `the local header of '${e.name}' disagrees with the central directory`);
  if (at + 30 > b.length || dv.getUint32(at, true) !== 0x04034b50)
    throw damaged(`部件位置超出文件（'${e.name}'）`, `the part '${e.name}' lies outside the file`);
  const flags = dv.getUint16(at + 6, true), method = dv.getUint16(at + 8, true);
  let crc = dv.getUint32(at + 14, true), csize = dv.getUint32(at + 18, true), size = dv.getUint32(at + 22, true);
  const n = dv.getUint16(at + 26, true), m = dv.getUint16(at + 28, true);
  const name = b.subarray(at + 30, at + 30 + n);
  if (name.length !== e.rawName.length || name.some((x, i) => x !== e.rawName[i])) throw disagree();
  e.dataStart = at + 30 + n + m;
  e.stop = e.dataStart + e.csize;
  const described = flags & 8;
  if (!described && (csize === MAX32 || size === MAX32)) {  // the local ZIP64 extra: original size, then compressed
    const local = {size, csize, offset: 0};
    try { zip64(dv, at + 30 + n, m, local, () => disagree()); } catch { throw disagree(); }
    size = local.size, csize = local.csize;
  }
  if (method !== e.method || (!described && (crc !== e.crc || csize !== e.csize || size !== e.size)))
    throw damaged(`部件的本地文件头与中央目录声明的大小或校验不符（'${e.name}'）`,
                  `the local header of '${e.name}' declares other sizes than the central directory`);
  if (described) {  // the data descriptor after the data, with or without its signature, 32- or 64-bit sizes
    let d = e.stop;
    if (d + 4 <= b.length && dv.getUint32(d, true) === 0x08074b50) d += 4;
    const fits = n8 => d + n8 <= b.length && dv.getUint32(d, true) === e.crc;
    if (fits(12) && dv.getUint32(d + 4, true) === e.csize && dv.getUint32(d + 8, true) === e.size) e.stop = d + 12;
    else if (fits(20) && u64(dv, d + 4) === e.csize && u64(dv, d + 12) === e.size) e.stop = d + 20;
    else throw damaged(`部件的数据描述符与中央目录不符（'${e.name}'）`,
                       `the data descriptor of '${e.name}' disagrees with the central directory`);
  }
}

function inflate(packed, e, total, damaged, over) {  // in steps, counting what comes out
  const chunks = [];
  let size = 0;
  const inflater = new Inflate(chunk => {
    size += chunk.length;
    if (size > e.size)
      throw damaged(`部件解压后多于其声明的 ${e.size} 字节（'${e.name}'）`,
                    `the part '${e.name}' unpacks to more than the ${e.size} bytes it declares`);
    if (total + size > MAX_UNPACKED) throw over();
    if (chunk.length) chunks.push(chunk);
  });
  try {
    if (!packed.length) inflater.push(packed, true);
    for (let i = 0; i < packed.length; i += STEP) inflater.push(packed.subarray(i, i + STEP), i + STEP >= packed.length);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw damaged(`部件的压缩数据损坏（'${e.name}'）`, `the part '${e.name}' has damaged data`);
  }
  if (size !== e.size)
    throw damaged(`部件解压后与其声明的大小或校验不符（'${e.name}'）`,
                  `the part '${e.name}' does not unpack to the size and CRC it declares`);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** A zip package of parts (Map name → {data, crc}, as unzip returns them), stored without compression: what a
 *  reader such as ExcelJS reads, so that it unpacks nothing unzip did not count. */
export function storedZip(parts) {
  const enc = new TextEncoder();
  const items = [...parts].map(([name, p]) => ({name: enc.encode(name), ...p}));
  const size = items.reduce((s, p) => s + 30 + p.name.length + p.data.length + 46 + p.name.length, 22);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let at = 0;
  const header = (p, central) => {  // the fields the local and the central header share, from "version needed" on
    const o = at + (central ? 6 : 4);
    dv.setUint16(o, 20, true); dv.setUint16(o + 2, 0x800, true);  // version 2.0; names in UTF-8
    dv.setUint16(o + 4, 0, true); dv.setUint16(o + 6, 0, true); dv.setUint16(o + 8, 0x21, true);  // stored; 1980-01-01
    dv.setUint32(o + 10, p.crc, true); dv.setUint32(o + 14, p.data.length, true); dv.setUint32(o + 18, p.data.length, true);
    dv.setUint16(o + 22, p.name.length, true);
  };
  for (const p of items) {
    p.offset = at;
    dv.setUint32(at, 0x04034b50, true);
    header(p, false);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const cd = at;
  for (const p of items) {
    dv.setUint32(at, 0x02014b50, true);
    dv.setUint16(at + 4, 20, true);
    header(p, true);
    dv.setUint32(at + 42, p.offset, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  }
  dv.setUint32(at, 0x06054b50, true);
  dv.setUint16(at + 8, items.length, true); dv.setUint16(at + 10, items.length, true);
  dv.setUint32(at + 12, at - cd, true); dv.setUint32(at + 16, cd, true);
  return out;
}
