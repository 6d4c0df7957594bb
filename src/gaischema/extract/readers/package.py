"""Zip packages (workbooks .xlsx, Word files .docx) checked by what they actually hold, before any reader unpacks
a part.

Why: a zip declares each part's size twice (the central directory, the local header) and a hostile file
declares what it likes. Python's zipfile stops a deflated part at the size the central directory declares,
but decompresses a bzip2 or LZMA part whole before cutting it (a 12 KB workbook took 1 GiB and 22 s until the
worker's limit stopped it), and the JavaScript readers inflate a part whole before comparing it with its
declared size. So no declared size is trusted: :func:`check_package` inflates every part once, in bounded
steps, counting the bytes that actually come out and stopping at ``MAX_UNPACKED`` (and at a part's declared
size: a part that holds more is a lie, found after at most one step). What it lets through is a package
whose every later reading is bounded by that count: only stored and deflated parts (the only methods of the
OOXML and ODF packages), each ending exactly at its declared size with its declared CRC, its local header
agreeing with the central directory (and its data descriptor, when it has one), no two parts of one name, no
part's data inside another's, at most ``MAX_PARTS`` parts. zipfile, openpyxl and the Word reader read the same
central directory afterwards and stop each part at its declared size, so they can unpack no more than was
counted here. The JavaScript package does the same (js/src/zip.mjs).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from gaischema.extract.readers.common import MAX_UNPACKED, not_report, too_large

__all__ = ["MAX_PARTS", "check_package"]

MAX_PARTS = 10_000  # a report workbook or Word file has some tens
STEP = 1 << 20  # bytes inflated at a time: the most a lying part can get past its declared size
_STORED, _DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
_LOCAL = struct.Struct("<4s5H3I2H")  # the local file header: signature ... name and extra lengths
_ZIP64_EXTRA = 0x0001


def check_package(data: bytes, what_zh: str, what_en: str) -> None:
    """Raise InputError unless ``data`` is a zip package every part of which unpacks to exactly what it
    declares, all together at most MAX_UNPACKED bytes (INPUT-TOO-LARGE), in at most MAX_PARTS parts; a package
    that is damaged or whose declarations disagree is INPUT-NOT-REPORT, naming what is wrong."""

    def damaged(zh: str, en: str):
        return not_report(f"{what_zh}损坏：{zh}", f"a damaged {what_en}: {en}")

    def over() -> Exception:
        return too_large(f"{what_zh}解压后过大（上限 {MAX_UNPACKED} 字节）",
                         f"the {what_en} is too large unpacked (the limit is {MAX_UNPACKED} bytes)")

    if data.count(b"PK\x01\x02") > MAX_PARTS:  # every directory entry starts so: counted before zipfile
        raise _too_many(what_zh, what_en)    # makes an object of each (100,000 took 2 s and 120 MB)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos, end = z.infolist(), z.start_dir
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, struct.error):
        raise not_report(f"不是{what_zh}文件或文件损坏", f"not a {what_en} file, or a damaged one") from None
    if len(infos) > MAX_PARTS:
        raise _too_many(what_zh, what_en)
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise over()
    seen: set[str] = set()
    for info in infos:
        key = info.filename.casefold()  # part names are compared ignoring case (OPC, ISO/IEC 29500-2 9.1.1.1)
        if key in seen:
            raise damaged(f"两个部件同名（{info.filename!r}）", f"two parts are named {info.filename!r}")
        seen.add(key)
        if info.flag_bits & 0x1:
            raise damaged(f"部件已加密（{info.filename!r}）", f"the part {info.filename!r} is encrypted")
        if info.compress_type not in (_STORED, _DEFLATED):
            raise damaged(f"部件的压缩方式不是 Office 文件所用的存储或 Deflate（{info.filename!r}）",
                          f"the part {info.filename!r} is compressed by a method Office files do not use "
                          f"({info.compress_type}; only stored and deflate)")
    spans = sorted(((*_span(data, info, damaged), info) for info in infos), key=lambda s: s[:2])
    for (at, stop, _, info), following in zip(spans, [*spans[1:], (end,)]):
        if stop > following[0]:  # into the next part, or into the central directory
            raise damaged(f"部件与其他部件或目录重叠（{info.filename!r}）", f"the part {info.filename!r} overlaps another")
    total = 0
    for _, _, start, info in spans:
        total = _inflate(data, start, info, total, damaged, over)


def _too_many(what_zh: str, what_en: str) -> Exception:
    return too_large(f"{what_zh}部件过多（上限 {MAX_PARTS} 个）", f"the {what_en} has too many parts (the limit is {MAX_PARTS})")


def _span(data: bytes, info: zipfile.ZipInfo, damaged) -> tuple[int, int, int]:
    """The part's bytes, from its local header to the end of its data (and data descriptor), and where its
    compressed data starts; the local header checked against the central directory."""
    at = info.header_offset
    if at < 0 or at + _LOCAL.size > len(data):
        raise damaged(f"部件位置超出文件（{info.filename!r}）", f"the part {info.filename!r} lies outside the file")
    (sig, _version, flags, method, _time, _date, crc, csize, size, nlen, elen) = _LOCAL.unpack_from(data, at)
    name = data[at + _LOCAL.size:at + _LOCAL.size + nlen]
    extra = data[at + _LOCAL.size + nlen:at + _LOCAL.size + nlen + elen]
    if sig != b"PK\x03\x04" or name != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437",
                                                                   "surrogateescape"):
        raise damaged(f"部件的本地文件头与中央目录不符（{info.filename!r}）",
                      f"the local header of {info.filename!r} disagrees with the central directory")
    start = at + _LOCAL.size + nlen + elen
    stop = start + info.compress_size
    described = flags & 0x8
    if not described:
        csize, size = _zip64_sizes(extra, csize, size)
    if (method != info.compress_type
            or not described and (crc, csize, size) != (info.CRC, info.compress_size, info.file_size)):
        raise damaged(f"部件的本地文件头与中央目录声明的大小或校验不符（{info.filename!r}）",
                      f"the local header of {info.filename!r} declares other sizes than the central directory")
    if described:  # the data descriptor after the data, with or without its signature, 32- or 64-bit sizes
        skip = 4 if data[stop:stop + 4] == b"PK\x07\x08" else 0
        tail = data[stop + skip:stop + skip + 20]
        ok = [len(tail) >= n and struct.unpack_from(fmt, tail) == (info.CRC, info.compress_size, info.file_size)
              for fmt, n in (("<3I", 12), ("<I2Q", 20))]
        if not any(ok):
            raise damaged(f"部件的数据描述符与中央目录不符（{info.filename!r}）",
                          f"the data descriptor of {info.filename!r} disagrees with the central directory")
        stop += skip + (12 if ok[0] else 20)
    return at, stop, start


def _zip64_sizes(extra: bytes, csize: int, size: int) -> tuple[int, int]:
    """A local header's sizes, those it gives as 0xFFFFFFFF read from its ZIP64 extra field (original size
    first, then compressed size, each present only when its 32-bit field is 0xFFFFFFFF)."""
    if 0xFFFFFFFF not in (csize, size):
        return csize, size
    i = 0
    while i + 4 <= len(extra):
        kind, n = struct.unpack_from("<2H", extra, i)
        if kind == _ZIP64_EXTRA:
            field, j = extra[i + 4:i + 4 + n], 0
            if size == 0xFFFFFFFF and j + 8 <= len(field):
                size, j = struct.unpack_from("<Q", field, j)[0], j + 8
            if csize == 0xFFFFFFFF and j + 8 <= len(field):
                csize = struct.unpack_from("<Q", field, j)[0]
            break
        i += 4 + n
    return csize, size


def _inflate(data: bytes, start: int, info: zipfile.ZipInfo, total: int, damaged, over) -> int:
    """Unpack one part in steps of at most STEP bytes, counting what comes out: more than its declared size
    or than MAX_UNPACKED altogether stops at once. The package's total so far, with this part."""
    packed = memoryview(data)[start:start + info.compress_size]
    if info.compress_type == _STORED:
        if info.compress_size != info.file_size:
            raise damaged(f"存储的部件声明的大小不一（{info.filename!r}）",
                          f"the stored part {info.filename!r} declares two sizes")
        total += info.file_size
        if total > MAX_UNPACKED:
            raise over()
        if zlib.crc32(packed) != info.CRC:
            raise damaged(f"部件的校验值不符（{info.filename!r}）", f"the part {info.filename!r} fails its CRC")
        return total
    d = zlib.decompressobj(-15)
    size, crc, pending = 0, 0, packed
    try:
        while True:
            out = d.decompress(pending, STEP)
            size += len(out)
            if size > info.file_size:
                raise damaged(f"部件解压后多于其声明的 {info.file_size} 字节（{info.filename!r}）",
                              f"the part {info.filename!r} unpacks to more than the {info.file_size} bytes it declares")
            if total + size > MAX_UNPACKED:
                raise over()
            crc = zlib.crc32(out, crc)
            pending = d.unconsumed_tail
            if d.eof or (not pending and len(out) < STEP):
                break
    except zlib.error:
        raise damaged(f"部件的压缩数据损坏（{info.filename!r}）", f"the part {info.filename!r} has damaged data") from None
    if not d.eof or size != info.file_size or crc != info.CRC:
        raise damaged(f"部件解压后与其声明的大小或校验不符（{info.filename!r}）",
                      f"the part {info.filename!r} does not unpack to the size and CRC it declares")
    return total + size
