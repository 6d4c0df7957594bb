"""What every reader shares: the bounds, the exception for what is not a report, paragraphs from text, and the
page furniture and radical folding that PDF text layers and the matcher both need."""

from __future__ import annotations

import re
import threading
import unicodedata

from gaischema.extract.document import Block, Paragraph
from gaischema.loading import MAX_BYTES, InputError

MAX_UNPACKED = 8 * MAX_BYTES
MAX_DEPTH = 200
MAX_TABLE_CELLS = 20_000
MAX_PAGES = 200
# PDFium is not thread-safe: one PDFium call at a time in a process (the readers run in threads under Dask's
# threaded workers; in gaischema's own pool each worker is a process and the lock is never contended)
PDFIUM_LOCK = threading.RLock()
META_SHEET = "报告信息"  # the sheet of a gaischema workbook that holds the metadata and narrative


class NotAReport(InputError):
    """The input is readable but is not an annual report."""


def not_report(zh: str, en: str) -> NotAReport:
    return NotAReport("INPUT-NOT-REPORT", zh, en)


def too_large(zh: str, en: str) -> InputError:
    return InputError("INPUT-TOO-LARGE", zh, en)


def paragraphs(text: str, page: int | None = None) -> list[Block]:
    return [Paragraph(s, page) for line in text.split("\n") if (s := line.strip())]


_KANGXI = {cp: unicodedata.normalize("NFKC", chr(cp)) for r in ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))
           for cp in range(r[0], r[1] + 1) if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)}
# radicals that Unicode gives no decomposition, as the ordinary (simplified) characters they stand for
_KANGXI.update({ord(r): c for r, c in zip("⺠⻅⻆⻈⻉⻋⻐⻓⻔⻙⻚⻛⻜⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⺟⺩⻄⻘",
                                          "民见角讠贝车钅长门韦页风飞饣马鱼鸟卤麦黄黾齐齿龙龟母王西青")})
_RADICAL = re.compile("[" + "".join(sorted(map(chr, _KANGXI))) + "]")
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
                          r"|\d{1,4}\s*/\s*\d{1,4})$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")


def fold_radicals(text: str) -> str:
    """Kangxi and CJK radical code points (which PDF text layers often give for ordinary characters: ⼈
    for 人) as the ordinary characters."""
    return text.translate(_KANGXI) if _RADICAL.search(text) else text  # most texts have none: a search is cheaper


def is_page_number(line: str, at_edge: bool = False) -> bool:
    """A page footer such as '— 3 —', '- 3 -', '3/7', '第 3 页 共 7 页'; a bare '3' only at a page's edge."""
    line = line.strip()
    if len(line) > 24 or not line or line[0] not in "-—–－第0123456789":
        return False
    return bool(_PAGE_NUMBER.match(line) or (at_edge and _BARE_NUMBER.match(line)))
