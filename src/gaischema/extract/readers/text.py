"""Plain text copies: decoded (UTF-8 with or without BOM, else GB18030), one paragraph a line."""

from __future__ import annotations

from gaischema.extract.document import Block
from gaischema.extract.readers.common import paragraphs
from gaischema.loading import InputError


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else GB18030 (a superset of GBK)."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        name = "utf-8" if enc == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf") else enc
        return text.replace("\r\n", "\n").replace("\r", "\n"), name
    raise InputError("INPUT-ENCODING", "无法识别的文字编码（支持 UTF-8、GB18030/GBK）",
                     "unknown text encoding (UTF-8 and GB18030/GBK are read)")


def read_text(text: str) -> list[Block]:
    """A text copy: one paragraph a line (the matcher's segmenter makes rows of them)."""
    return paragraphs(text)
