"""Plain text copies: decoded (UTF-8 with or without BOM, else GB18030), one paragraph a line."""

from __future__ import annotations

from gaischema.extract.document import Block
from gaischema.extract.readers.common import paragraphs
from gaischema.loading import InputError


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def text_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark declares, or that the pattern of zero bytes shows (UTF-16 without a
    BOM: every other byte zero in ASCII text); None for what has no such mark (UTF-8, GB18030 or binary)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    head = data[:4096]
    if len(head) >= 8:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-16 or UTF-32 with a BOM (Notepad's "Unicode") or UTF-16 without one, UTF-8 with
    or without BOM, else GB18030 (a superset of GBK)."""
    wide = text_encoding(data)
    for enc in ((wide,) if wide and wide != "utf-8-sig" else ("utf-8-sig", "gb18030")):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        name = "utf-8" if enc == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf") else enc
        return text.replace("\r\n", "\n").replace("\r", "\n"), name
    raise InputError("INPUT-ENCODING", "无法识别的文字编码（支持 UTF-8、UTF-16、GB18030/GBK）",
                     "unknown text encoding (UTF-8, UTF-16 and GB18030/GBK are read)")


def read_text(text: str) -> list[Block]:
    """A text copy: one paragraph a line (the matcher's segmenter makes rows of them)."""
    return paragraphs(text)
