"""Test helper: hostile zip packages, made from the real workbook and Word file gaischema writes (workbook.build,
docx.build) with Python's zipfile, then headers patched as a hostile file would have them. Each is small on
disk (a gibibyte of zeros is a megabyte of deflate: one mebibyte's block, flushed to a byte boundary, repeated).

HOSTILE: file name → (the rule, words of the one line that names what is wrong). Python's readers and the
JavaScript package must both end each so (tests/test_hostile_round4.py)."""

from __future__ import annotations

import functools
import io
import struct
import warnings
import zipfile
import zlib

import yaml

from conftest import EXAMPLES

_CENTRAL = {"flags": (8, "<H"), "method": (10, "<H"), "crc": (16, "<I"), "csize": (20, "<I"), "size": (24, "<I")}
_LOCAL = {"flags": (6, "<H"), "method": (8, "<H"), "crc": (14, "<I"), "csize": (18, "<I"), "size": (22, "<I")}
GIB = 1 << 30

HOSTILE = {
    "lying.xlsx": ("INPUT-NOT-REPORT", "unpacks to more than the 1000 bytes it declares"),
    "lying-word.docx": ("INPUT-NOT-REPORT", "unpacks to more than the 1000 bytes it declares"),
    "lying-sheet.xlsx": ("INPUT-NOT-REPORT", "unpacks to more than the"),
    "bzip2.xlsx": ("INPUT-NOT-REPORT", "compressed by a method Office files do not use"),
    "local-header.xlsx": ("INPUT-NOT-REPORT", "local header of 'xl/worksheets/sheet1.xml' declares other sizes"),
    "duplicate.xlsx": ("INPUT-NOT-REPORT", "two parts are named 'xl/workbook.xml'"),
    "overlap.xlsx": ("INPUT-NOT-REPORT", "overlaps another"),
    "encrypted.docx": ("INPUT-NOT-REPORT", "is encrypted"),
    "many-parts.xlsx": ("INPUT-TOO-LARGE", "too many parts (the limit is 10000)"),
}
GOOD = ("good.xlsx", "zip64.xlsx")  # read as before: the real workbook, and it with ZIP64 local headers


def _instance() -> dict:
    return yaml.safe_load((EXAMPLES / "valid" / "AnnualReport-beilun-2023.yaml").read_text(encoding="utf-8"))


def _repack(base: bytes, extra: dict | None = None, *, replace: bool = True, zip64: bool = False) -> bytes:
    """The package's parts written again by zipfile (with ZIP64 local headers when asked), ``extra``'s parts
    in place of those of the same name (beside them when not ``replace``) or after them: bytes stored as
    given, a ZipInfo's method over 1000 bytes of text."""
    extra = dict(extra or {})
    buf = io.BytesIO()

    def put(z, name, data):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: that is the point
            if isinstance(data, zipfile.ZipInfo):
                z.writestr(data, b"x" * 1000)
            else:
                z.writestr(zipfile.ZipInfo(name), data)  # stored: the bytes as given

    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z, zipfile.ZipFile(io.BytesIO(base)) as src:
        for info in src.infolist():
            if replace and info.filename in extra:
                put(z, info.filename, extra.pop(info.filename))
            elif zip64:
                with z.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(src.read(info))
            else:
                z.writestr(info.filename, src.read(info))
        for name, data in extra.items():
            put(z, name, data)
    return buf.getvalue()


def patch(data: bytes, name: str, where: tuple[str, ...] = ("central", "local"), **fields: int) -> bytes:
    """The package with header fields of the part ``name`` set (flags, method, crc, csize, size) in its
    central directory entry and/or its local header."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info, at = z.getinfo(name), z.start_dir
    while out[at:at + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<3H", out, at + 28)
        if "central" in where and out[at + 46:at + 46 + n] == name.encode():
            for f, v in fields.items():
                struct.pack_into(_CENTRAL[f][1], out, at + _CENTRAL[f][0], v)
        at += 46 + n + m + k
    if "local" in where:
        for f, v in fields.items():
            struct.pack_into(_LOCAL[f][1], out, info.header_offset + _LOCAL[f][0], v)
    return bytes(out)


@functools.lru_cache(maxsize=1)
def _zeros_stream(mib: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``mib`` MiB of zeros, and their CRC."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_SYNC_FLUSH)  # byte-aligned, no reference before it
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(bytes(1 << 20), crc)
    return block * mib + b"\x03\x00", crc  # and an empty final block


def lying(base: bytes, name: str, mib: int = GIB >> 20, declared: int = 1000) -> bytes:
    """The package with a part ``name`` of ``mib`` MiB of zeros that declares ``declared`` bytes, in the
    central directory and its local header alike (and the CRC of the whole)."""
    stream, crc = _zeros_stream(mib)
    data = _repack(base, {name: stream})
    return patch(data, name, method=zipfile.ZIP_DEFLATED, size=declared, crc=crc)


def _overlap(base: bytes) -> bytes:
    """The first part's data declared long enough to take in the next part's local header (the kernel of the
    overlapping-entries zip bomb)."""
    data = _repack(base, {"xl/media/a.bin": b"a" * 100, "xl/media/b.bin": b"b" * 100})
    reach = 100 + 30 + len("xl/media/b.bin") + 100
    return patch(data, "xl/media/a.bin", csize=reach, size=reach)


@functools.lru_cache(maxsize=1)
def files() -> dict[str, bytes]:
    """Every hostile package of HOSTILE and the good ones of GOOD, by file name."""
    from gaischema import docx, workbook

    book, word = workbook.build(_instance(), "v2021"), docx.build(_instance(), "v2021")
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        sheet = z.getinfo("xl/worksheets/sheet1.xml")
    bz = zipfile.ZipInfo("xl/media/image1.png")
    bz.compress_type = zipfile.ZIP_BZIP2
    many = {f"xl/media/{i}.bin": b"" for i in range(10_001)}
    out = {
        "good.xlsx": book,
        "zip64.xlsx": _repack(book, zip64=True),
        "lying.xlsx": lying(book, "xl/media/image1.png"),
        "lying-word.docx": lying(word, "word/media/image1.png"),
        # a worksheet that declares its own size and holds a gibibyte of zeros
        "lying-sheet.xlsx": lying(book, "xl/worksheets/sheet1.xml", declared=sheet.file_size),
        "bzip2.xlsx": _repack(book, {"xl/media/image1.png": bz}),
        "local-header.xlsx": patch(_repack(book), "xl/worksheets/sheet1.xml", ("local",), size=1000),
        "duplicate.xlsx": _repack(book, {"xl/workbook.xml": b"<workbook/>"}, replace=False),
        "overlap.xlsx": _overlap(book),
        "encrypted.docx": patch(word, "word/document.xml", flags=1),
        "many-parts.xlsx": _repack(book, many),
    }
    assert set(out) == set(HOSTILE) | set(GOOD)
    assert all(len(v) < 3 << 20 for v in out.values()), {k: len(v) for k, v in out.items()}
    return out
