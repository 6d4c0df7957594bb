"""PDF files: the text layer and the ruled tables, read through PDFium (pypdfium2, the optional ``pdf`` extra).

Why PDFium: it parses a report's pages at the speed of its text layer (pdfminer, which pdfplumber builds on,
spent a second or more on a report and could be led into loops and gigabytes by a hostile file), and it is
the engine Chromium's own viewer uses, fuzzed continuously. PDFium only parses: it hands over each
character with its box and font, and each path object (the strokes and thin rectangles that draw table
rules) with its segments. What those mean is decided in plain Python on plain data by
:mod:`gaischema.extract.tablefinder` (tables and lines of text), which an OCR reader feeds the same way.

The seam: :func:`pdf_pages` returns each page's :class:`~gaischema.extract.tablefinder.PageContent`
(characters and edges, in points, top-left origin); :func:`blocks_from_pages` turns pages into the document
model (tables, lines joined into hard-wrapped paragraphs, running headers and page numbers dropped, Kangxi
radicals folded). A page with no characters is an image (a scan); where no page has text,
:func:`read_pdf` raises INPUT-NO-TEXT naming the ``ocr`` extra, and an OCR reader can fill those pages'
content instead and call :func:`blocks_from_pages` itself.

Bounds, checked before the work they would cause (hostile files must end within the stated time and
memory whatever PDFium would do with them): before PDFium sees the bytes, :func:`preflight` measures every
compressed stream (inflated bytes at most ``MAX_UNPACKED``; images excepted, which text extraction never
decodes) and the content that form XObjects drawn inside each other would make PDFium parse (each form
counted once per draw, cycles cut, at most ``MAX_DRAWN_CONTENT`` bytes); then pages at most ``MAX_PAGES``,
characters at most ``MAX_PAGE_CHARS`` a page and ``MAX_CHARS`` a document (counted before any is read in a
document of more than ``COUNT_FIRST`` pages), page objects at most
``MAX_OBJECTS`` a document, followed into forms to ``MAX_FORM_DEPTH`` levels, path segments at most
``MAX_PAGE_SEGMENTS`` a page (a page drawn with more keeps its text, not its tables).
"""

from __future__ import annotations

import base64
import binascii
import ctypes
import io
import re
import zlib

from gaischema.extract.document import Block, Paragraph
from gaischema.extract.readers import ocr
from gaischema.extract.readers.common import (PDFIUM_LOCK, MAX_PAGES, MAX_UNPACKED, fold_radicals, is_page_number, not_report,
                                               too_large)
from gaischema.extract.tablefinder import Char, Edge, PageContent, Settings, TextLine, edges_from_rect, layout_page
from gaischema.loading import InputError

MAX_CHARS = 400_000
MAX_PAGE_CHARS = 60_000
MAX_OBJECTS = 400_000
MAX_FORM_DEPTH = 8
MAX_PAGE_SEGMENTS = 40_000
MAX_DRAWN_CONTENT = MAX_UNPACKED
THIN = 2.0  # a path this thin (points) is one rule
COUNT_FIRST = 24  # a document of more pages has its characters and objects counted before any is read

_DAMAGED = ("PDF 文件损坏，无法读取", "a damaged PDF; it cannot be read")
_STREAM = re.compile(rb">>\s{0,64}stream(?:\r\n|\n|\r)")  # a stream's dictionary ends right before it
_NUMBER = re.compile(rb"(\d{1,10})\s+\d{1,5}\s*$")
_CONTENTS = re.compile(rb"/Contents\s*(?:(\d{1,10}\s+\d{1,5}\s+R)|\[([^\]]{0,100000})\])")
_REFS = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+R")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]{0,1000}\]|/[^\s/\[\]<>()]+)")
_NAMES = re.compile(rb"/([^\s/\[\]<>()]+)")
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
_REF = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*(\d{1,10})\s+\d{1,5}\s+R\b")


def _encrypted() -> InputError:
    return InputError("INPUT-ENCRYPTED", "PDF 已加密，需要密码才能读取", "the PDF is encrypted; it needs a password")


# ------------------------------------------------------------------------------------------------ before PDFium
def preflight(data: bytes) -> None:
    """Refuse, before PDFium parses anything, a file whose streams inflate past ``MAX_UNPACKED`` or whose
    forms, drawn inside each other, would have PDFium parse more than ``MAX_DRAWN_CONTENT`` bytes of
    content. A scan of the bytes: every ``N G obj << … >> stream`` (streams are never inside object
    streams), Flate-decoded with a budget; names that refer to forms (``/Fm0 12 0 R``) gathered from the
    whole file and its object streams, so a form drawn by name counts its own content and what it draws."""
    budget = MAX_UNPACKED
    forms: dict[int, bytes] = {}
    contents: list[bytes] = []
    dictionaries = [data]
    images: list[tuple[int, bytes, bytes]] = []
    done = 0
    for m in _STREAM.finditer(data):
        if m.start() < done:
            continue  # inside the previous stream's data
        header = data.rfind(b"obj", max(0, m.start() - 65_536), m.start())
        head = data[header + 3:m.start() + 2] if header >= 0 else b""
        if b"#" in head:
            head = _unescape(head)  # /F#6frm is /Form to PDFium
        body = m.end()
        end = data.find(b"endstream", body)
        done = end if end >= 0 else len(data)
        raw = data[body:done]
        form = b"/Form" in head
        number = None
        if form or b"/Image" in head:
            found = _NUMBER.search(data, max(0, header - 24), header) if header >= 0 else None
            number = int(found.group(1)) if found else -1
            if not form:
                images.append((number, head, raw))  # text extraction never decodes an image
                continue
        budget, text = _decoded(head, raw, budget)
        if text is None:
            continue
        if b"/ObjStm" in head:
            dictionaries.append(text)
        elif form:
            forms[number] = text
        elif b"Do" in text:
            contents.append(text)
    if images:  # a stream a page draws as its content is decoded, whatever its dictionary calls it
        page_contents = {int(n) for chunk in dictionaries for m in _CONTENTS.finditer(chunk)
                         for n in _REFS.findall(m.group(1) or m.group(2))}
        for number, head, raw in images:
            if number in page_contents:
                budget, text = _decoded(head, raw, budget)
                if text and b"Do" in text:
                    contents.append(text)
    if not forms or not contents:
        return
    names: dict[bytes, set[int]] = {}
    for chunk in dictionaries:
        for m in _REF.finditer(chunk):
            if int(m.group(2)) in forms:
                names.setdefault(_unescape(m.group(1)), set()).add(int(m.group(2)))
    drawn: dict[int, int] = {}

    def cost(text: bytes, stack: tuple[int, ...]) -> int:
        total = len(text)
        for m in _DO.finditer(text):
            best = 0
            for n in names.get(_unescape(m.group(1)), ()):
                if n in stack:
                    continue  # a form drawing itself: PDFium cuts the cycle
                if n not in drawn:
                    drawn[n] = cost(forms[n], stack + (n,)) if len(stack) < 64 else len(forms[n])
                best = max(best, drawn[n])
            total += best
            if total > MAX_DRAWN_CONTENT:
                return total
        return total

    total = 0
    for text in contents:
        total += cost(text, ())
        if total > MAX_DRAWN_CONTENT:
            raise too_large("PDF 的表单对象嵌套绘制过多", "the PDF's forms, drawn inside each other, make too much content")


def _unescape(name: bytes) -> bytes:
    """``#xx`` escapes in PDF names decoded, as PDFium reads them."""
    return _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name) if b"#" in name else name


def _inflates_too_much() -> InputError:
    return too_large("PDF 的数据流解压后过大", f"the PDF's streams inflate past {MAX_UNPACKED} bytes")


def _decoded(head: bytes, raw: bytes, budget: int) -> tuple[int, bytes | None]:
    """A stream's bytes as PDFium will decode them through its filters, and what is left of the budget.
    Flate, ASCIIHex and ASCII85 are decoded here (Flate within the budget); from the first other filter on
    (RunLength, LZW, …) the rest is charged by its worst ratio instead (RunLength 128, Flate 1032, others 4)
    and None returned."""
    found = _FILTER.search(head)
    if found is None:
        return budget, raw
    text = raw
    names = _NAMES.findall(found.group(1))
    for k, name in enumerate(names):
        if name in (b"FlateDecode", b"Fl"):
            budget, text = _inflate(text, budget)
            continue
        try:
            if name in (b"ASCIIHexDecode", b"AHx"):
                digits = _NOT_HEX.sub(b"", text.split(b">", 1)[0])
                text = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
                continue
            if name in (b"ASCII85Decode", b"A85"):
                text = base64.a85decode(b"".join(text.split()).split(b"~>", 1)[0].removeprefix(b"<~"))
                budget -= len(text)
                continue
        except ValueError:
            return budget, b""  # PDFium decides what a broken stream holds
        bound = len(text)
        for rest in names[k:]:
            bound *= 1032 if rest in (b"FlateDecode", b"Fl") else 128 if rest in (b"RunLengthDecode", b"RL") else 4
        budget -= bound
        if budget < 0:
            raise _inflates_too_much()
        return budget, None
    return budget, text


def _inflate(raw: bytes, budget: int) -> tuple[int, bytes]:
    """A Flate stream inflated, the budget charged: at once where even the densest deflate (1032 to 1)
    stays within it, else a megabyte at a time."""
    if 1032 * len(raw) + 1024 <= budget:
        d = zlib.decompressobj()
        try:
            text = d.decompress(raw)
        except zlib.error:
            return budget, b""  # PDFium decides what a broken stream holds
        return budget - len(text), text
    out = []
    d = zlib.decompressobj()
    chunk = raw
    try:
        while not d.eof:
            piece = d.decompress(chunk, 1 << 20)  # what is left of the input waits in unconsumed_tail
            budget -= len(piece)
            if budget < 0:
                raise _inflates_too_much()
            out.append(piece)
            chunk = d.unconsumed_tail
            if not piece and not chunk:
                break  # the input ended before the stream did
    except zlib.error:
        pass  # PDFium decides what a broken stream holds; what inflated so far is counted
    return budget, b"".join(out)


# ------------------------------------------------------------------------------------------------ PDFium
def pdf_pages(data: bytes) -> list[PageContent]:
    """:func:`_pdf_pages` under the PDFium lock (PDFium is not thread-safe)."""
    with PDFIUM_LOCK:
        return _pdf_pages(data)


def _pdf_pages(data: bytes) -> list[PageContent]:
    """Each page's characters (boxes in points, top-left origin; font and size) and ruling edges, as PDFium
    reads them. Raises InputError for an encrypted, damaged or too large file."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:
        raise InputError("INPUT-NOT-REPORT", "读取 PDF 需要 pypdfium2：pip install 'gaischema[pdf]'",
                         "reading PDF needs pypdfium2: pip install 'gaischema[pdf]'") from None
    preflight(data)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise _encrypted() from None
        raise not_report(*_DAMAGED) from None
    try:
        n = len(doc)
        if n > MAX_PAGES:
            raise too_large(f"PDF 页数过多（{n} 页，上限 {MAX_PAGES}）", f"too many pages ({n}; the limit is {MAX_PAGES})")
        if n > COUNT_FIRST:
            _count(raw, doc.raw, n)
        budget = _Budget()
        return [_page(raw, doc.raw, i, budget) for i in range(n)]
    finally:
        doc.close()


def _count(raw, doc, n: int) -> None:
    """The characters and objects of a long document counted before any is read, page by page as PDFium
    loads them, so that a file over the bounds is refused at the cost of loading its pages once."""
    chars = objects = 0
    for i in range(n):
        page = raw.FPDF_LoadPage(doc, i)
        if not page:
            raise not_report(*_DAMAGED)
        try:
            objects += max(raw.FPDFPage_CountObjects(page), 0)
            text = raw.FPDFText_LoadPage(page)
            if text:
                chars += max(raw.FPDFText_CountChars(text), 0)
                raw.FPDFText_ClosePage(text)
        finally:
            raw.FPDF_ClosePage(page)
        if chars > MAX_CHARS:
            raise too_large(f"PDF 字符过多（上限 {MAX_CHARS}）", f"too many characters (the limit is {MAX_CHARS})")
        if objects > MAX_OBJECTS:
            raise too_large(f"PDF 对象过多（上限 {MAX_OBJECTS}）", f"too many page objects (the limit is {MAX_OBJECTS})")


class _Budget:
    def __init__(self):
        self.chars = MAX_CHARS
        self.objects = MAX_OBJECTS


def _page(raw, doc, number: int, budget: _Budget) -> PageContent:
    page = raw.FPDF_LoadPage(doc, number)
    if not page:
        raise not_report(*_DAMAGED)
    try:
        height = raw.FPDF_GetPageHeightF(page)
        width = raw.FPDF_GetPageWidthF(page)
        edges = _edges(raw, page, height, budget)
        text = raw.FPDFText_LoadPage(page)
        if not text:
            return PageContent(number, width, height, [], edges)
        try:
            chars = _chars(raw, text, height, budget)
        finally:
            raw.FPDFText_ClosePage(text)
        return PageContent(number, width, height, chars, edges)
    finally:
        raw.FPDF_ClosePage(page)


def _chars(raw, text, height: float, budget: _Budget) -> list[Char]:
    n = raw.FPDFText_CountChars(text)
    if n > MAX_PAGE_CHARS:
        raise too_large(f"PDF 单页字符过多（{n}，上限 {MAX_PAGE_CHARS}）",
                        f"too many characters on a page ({n}; the limit is {MAX_PAGE_CHARS})")
    budget.chars -= max(n, 0)
    if budget.chars < 0:
        raise too_large(f"PDF 字符过多（上限 {MAX_CHARS}）", f"too many characters (the limit is {MAX_CHARS})")
    if n <= 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    got = raw.FPDFText_GetText(text, 0, n, buf)
    units = bytes(buf)[: 2 * max(got - 1, 0)].decode("utf-16-le", "replace")
    if len(units) != n:  # characters outside the BMP: one by one
        units = "".join(chr(raw.FPDFText_GetUnicode(text, i) or 0xFFFD) for i in range(n))
    api = _Api.get(raw)
    page_text = ctypes.cast(text, ctypes.c_void_p).value
    rect = raw.FS_RECTF()
    at = ctypes.addressof(rect)
    point = (ctypes.c_double * 2)()
    px = ctypes.addressof(point)
    py = px + ctypes.sizeof(ctypes.c_double)
    box, origin, text_object, font_of = api.box, api.origin, api.text_object, api.font
    names: dict[int, str] = {}
    out = []
    append = out.append
    for i, ch in enumerate(units):
        if ch in "\r\n\x00\ufffe\uffff" or (ch.isspace() and raw.FPDFText_IsGenerated(text, i)):
            continue
        if not box(page_text, i, at) or not origin(page_text, i, px, py):
            continue
        obj = text_object(page_text, i)
        font = font_of(obj) if obj else 0
        name = names.get(font)
        if name is None:
            name = names[font] = api.name(font) if font else ""
        if abs(rect.left - point[0]) < 0.01:
            # PDFium's loose box: from the origin, the font's ascent and descent
            append(Char(rect.left, height - rect.top, rect.right, height - rect.bottom, ch, None, name,
                        rect.top - rect.bottom))
            continue
        # a font without them: PDFium gives the glyph's own box, which would put 一 on a line of its own;
        # the box from the baseline and the size on the page instead, as pdfminer makes it
        size = api.size(raw, text, i) or (rect.top - rect.bottom)
        base = height - point[1]
        append(Char(rect.left, base - 0.88 * size, rect.right, base + 0.12 * size, ch, None, name, size))
    return out


class _Api:
    """PDFium calls on plain addresses: text objects and fonts come back as ints (to key a cache by), and
    the per-character calls skip ctypes' pointer type checks."""

    _made = None

    def __init__(self, raw):
        vp, i = ctypes.c_void_p, ctypes.c_int
        # per character: plain addresses in and out, no pointer types to check (twice as fast)
        self.box = ctypes.CFUNCTYPE(i, vp, i, vp)(_address(raw.FPDFText_GetLooseCharBox))
        self.origin = ctypes.CFUNCTYPE(i, vp, i, vp, vp)(_address(raw.FPDFText_GetCharOrigin))
        self.text_object = ctypes.CFUNCTYPE(vp, vp, i)(_address(raw.FPDFText_GetTextObject))
        # per page object and path segment, likewise
        self.page_count = ctypes.CFUNCTYPE(i, vp)(_address(raw.FPDFPage_CountObjects))
        self.page_object = ctypes.CFUNCTYPE(vp, vp, i)(_address(raw.FPDFPage_GetObject))
        self.form_count = ctypes.CFUNCTYPE(i, vp)(_address(raw.FPDFFormObj_CountObjects))
        self.form_object = ctypes.CFUNCTYPE(vp, vp, ctypes.c_ulong)(_address(raw.FPDFFormObj_GetObject))
        self.object_type = ctypes.CFUNCTYPE(i, vp)(_address(raw.FPDFPageObj_GetType))
        self.count_segments = ctypes.CFUNCTYPE(i, vp)(_address(raw.FPDFPath_CountSegments))
        self.bounds = ctypes.CFUNCTYPE(i, vp, vp, vp, vp, vp)(_address(raw.FPDFPageObj_GetBounds))
        self.matrix = ctypes.CFUNCTYPE(i, vp, vp)(_address(raw.FPDFPageObj_GetMatrix))
        self.segment = ctypes.CFUNCTYPE(vp, vp, i)(_address(raw.FPDFPath_GetPathSegment))
        self.point = ctypes.CFUNCTYPE(i, vp, vp, vp)(_address(raw.FPDFPathSegment_GetPoint))
        self.segment_type = ctypes.CFUNCTYPE(i, vp)(_address(raw.FPDFPathSegment_GetType))
        self.closes = ctypes.CFUNCTYPE(i, vp)(_address(raw.FPDFPathSegment_GetClose))
        self.font = ctypes.CFUNCTYPE(vp, vp)(_address(raw.FPDFTextObj_GetFont))
        self.base_font_name = ctypes.CFUNCTYPE(ctypes.c_ulong, vp, ctypes.c_char_p, ctypes.c_ulong)(
            _address(raw.FPDFFont_GetBaseFontName))
        self.buf = ctypes.create_string_buffer(256)
        self.text_matrix = raw.FS_MATRIX()

    @classmethod
    def get(cls, raw) -> "_Api":
        if cls._made is None:
            cls._made = cls(raw)
        return cls._made

    def name(self, font: int) -> str:
        return self.buf.value.decode("latin-1") if self.base_font_name(font, self.buf, 256) else ""

    def size(self, raw, text, i: int) -> float:
        """A character's font size on the page: the font size times the text matrix's vertical scale."""
        scale = 1.0
        if raw.FPDFText_GetMatrix(text, i, self.text_matrix):
            scale = (self.text_matrix.c ** 2 + self.text_matrix.d ** 2) ** 0.5
        return raw.FPDFText_GetFontSize(text, i) * scale


def _address(fn) -> int:
    return ctypes.cast(fn, ctypes.c_void_p).value


def _edges(raw, page, height: float, budget: _Budget) -> list[Edge]:
    """The straight horizontal and vertical segments of the page's path objects, forms followed to
    ``MAX_FORM_DEPTH`` levels, in page coordinates."""
    edges: list[Edge] = []
    segments = [MAX_PAGE_SEGMENTS]
    api = _Api.get(raw)
    matrix = raw.FS_MATRIX()
    at_matrix = ctypes.addressof(matrix)
    point = (ctypes.c_float * 2)()
    at_point = (ctypes.addressof(point), ctypes.addressof(point) + ctypes.sizeof(ctypes.c_float))
    bounds = (ctypes.c_float * 4)()
    at_bounds = [ctypes.addressof(bounds) + i * ctypes.sizeof(ctypes.c_float) for i in range(4)]
    get_type, count_segments, get_bounds = api.object_type, api.count_segments, api.bounds
    path_kind, form_kind = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM

    def walk(count: int, get, parent: int, m: tuple | None, depth: int) -> bool:
        """The objects of the page (``m`` None) or of a form drawn with matrix ``m`` (form space to page)."""
        budget.objects -= count
        if budget.objects < 0:
            raise too_large(f"PDF 对象过多（上限 {MAX_OBJECTS}）", f"too many page objects (the limit is {MAX_OBJECTS})")
        for k in range(count):
            obj = get(parent, k)
            if not obj:
                continue
            kind = get_type(obj)
            if kind == path_kind:
                n = count_segments(obj)
                segments[0] -= max(n, 1)
                if segments[0] < 0:
                    return False
                if n <= 5 and get_bounds(obj, *at_bounds):
                    # a rule drawn as a stroked line or a filled thin rectangle: its bounds (in the parent's
                    # space, the stroke's width included) are the edge, whatever its segments
                    x0, y0, x1, y1 = bounds
                    if m is not None:
                        x0, y0, x1, y1 = _transform_box(m, x0, y0, x1, y1)
                    if min(x1 - x0, y1 - y0) <= THIN:
                        edges.extend(edges_from_rect(x0, height - y1, x1, height - y0, THIN))
                        continue
                if not api.matrix(obj, at_matrix):
                    continue
                om = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                _path(api, raw, obj, n, om if m is None else _compose(om, m), height, edges, point, at_point)
            elif kind == form_kind and depth < MAX_FORM_DEPTH and api.matrix(obj, at_matrix):
                om = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                if not walk(api.form_count(obj), api.form_object, obj, om if m is None else _compose(om, m), depth + 1):
                    return False
        return True

    at_page = ctypes.cast(page, ctypes.c_void_p).value
    if not walk(api.page_count(at_page), api.page_object, at_page, None, 0):
        return []  # drawn with more strokes than any table needs: its text only
    return edges


def _transform_box(m: tuple, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    a, b, c, d, e, f = m
    xs, ys = [], []
    for px, py in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(a * px + c * py + e)
        ys.append(b * px + d * py + f)
    return min(xs), min(ys), max(xs), max(ys)


def _compose(inner: tuple, outer: tuple) -> tuple:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path(api, raw, obj: int, n: int, m: tuple, height: float, edges: list[Edge], point, at_point) -> None:
    a, b, c, d, e, f = m
    start = last = None
    for s in range(n):
        seg = api.segment(obj, s)
        if not seg or not api.point(seg, *at_point):
            continue
        px, py = point
        pt = (a * px + c * py + e, height - (b * px + d * py + f))
        kind = api.segment_type(seg)
        if kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            _segment(last, pt, edges)
        if kind == raw.FPDF_SEGMENT_MOVETO or start is None:
            start = pt
        last = pt
        if api.closes(seg) and start is not None:
            _segment(last, start, edges)
            last = start


def _segment(p: tuple, q: tuple, edges: list[Edge], slack: float = 0.5) -> None:
    if abs(p[1] - q[1]) <= slack and p[0] != q[0]:
        yy = (p[1] + q[1]) / 2
        edges.append(Edge(min(p[0], q[0]), yy, max(p[0], q[0]), yy, "h"))
    elif abs(p[0] - q[0]) <= slack and p[1] != q[1]:
        xx = (p[0] + q[0]) / 2
        edges.append(Edge(xx, min(p[1], q[1]), xx, max(p[1], q[1]), "v"))


# ------------------------------------------------------------------------------------------------ the model
def read_pdf(data: bytes) -> list[Block]:
    pages = pdf_pages(data)
    pictures = [p.number for p in pages if not p.chars]
    if pictures and ocr.available():  # pages without a text layer: read by OCR (the ocr extra)
        for content in ocr.pdf_page_contents(data, pictures):
            pages[content.number] = content
    if not any(p.chars for p in pages):
        if not ocr.available():
            raise ocr.needs_ocr()
        raise InputError("INPUT-NO-TEXT", "PDF 没有文字层，文字识别（OCR）也未读到文字",
                         "the PDF has no text layer, and OCR read no text in it")
    return blocks_from_pages(pages)


def blocks_from_pages(pages: list[PageContent]) -> list[Block]:
    """Pages' characters (or OCR's words) and edges as blocks in reading order: each page's tables and
    paragraphs top to bottom, running headers and page numbers left out."""
    return _drop_running_lines([_page_blocks(p) for p in pages])


def _page_blocks(page: PageContent) -> list[tuple[float, Block]]:
    if not page.chars:
        return []
    found = layout_page(page.chars, page.edges, Settings(page=page.number))
    placed: list[tuple[float, Block]] = []
    boxes = []
    for t in found.tables:
        for cell in t.table.cells:
            cell.text = fold_radicals(cell.text)
        placed.append((t.bbox[1], t.table))
        boxes.append(t.bbox)
    lines = [(ln, text) for ln in found.lines if (text := fold_radicals(ln.text).strip())]
    # a line that reaches the right margin goes on in the next one (hard-wrapped paragraphs), unless the
    # next line is indented (a new paragraph) or a table stands between them
    right = max((ln.x1 for ln, _ in lines), default=0)
    merged: list[tuple[TextLine, str, list]] = []  # the line, its text, the lines it was made of (and where)
    for line, text in lines:
        if merged:
            prev, prev_text, parts = merged[-1]
            height = max(1.0, prev.bottom - prev.top)
            between = any(prev.bottom <= top <= line.top for _, top, _, _ in boxes)
            if (right - prev.x1 <= 1.5 * height and line.x0 <= prev.x0 + 0.5 * height
                    and 0 <= line.top - prev.bottom <= height and not between
                    and not is_page_number(text, True)):
                sep = " " if prev_text[-1:].isascii() and text[:1].isascii() else ""
                parts.append((len(prev_text) + len(sep), line))
                merged[-1] = (TextLine(prev.x0, prev.top, line.x1, line.bottom, prev_text + sep + text,
                                       prev.confidence), prev_text + sep + text, parts)
                continue
        merged.append((line, text, [(0, line)]))
    placed.extend((line.top, Paragraph(text, page.number, boxes=[(shift + at, b) for shift, part in parts
                                                                 for at, b in zip(part.offsets, part.boxes)]))
                  for line, text, parts in merged)
    placed.sort(key=lambda tb: tb[0])
    return [(top / float(page.height or 1), b) for top, b in placed]


def _drop_running_lines(pages: list[list[tuple[float, Block]]]) -> list[Block]:
    """Page numbers, and lines repeated at the top or bottom of several pages (running headers), are page
    furniture, not report text."""
    edge_lines: dict[str, int] = {}
    for placed in pages:
        for rel, b in placed:
            if isinstance(b, Paragraph) and (rel < 0.1 or rel > 0.9):
                edge_lines[b.text] = edge_lines.get(b.text, 0) + 1
    running = {t for t, n in edge_lines.items() if n >= 2 and len(pages) >= 3}
    out: list[Block] = []
    for placed in pages:
        for rel, b in placed:
            edge = rel < 0.1 or rel > 0.9
            if isinstance(b, Paragraph) and (is_page_number(b.text, edge) or (b.text in running and edge)):
                continue
            out.append(b)
    return out


# ------------------------------------------------------------------------------------------------ evidence
ROW_SCALE = 2.0  # pixels a point in a row's picture: print-sharp, a row of an A4 page some 20 KB
ROW_PAD = 3.0  # points above and below a row's box
ROW_MAX_PX = 1800  # a row's picture at most this wide (a scan's page of 1,300 points is drawn smaller)
_GREY_LEVELS = [v * 16 // 256 for v in range(256)]  # 256 greys to 16
_PALETTE = [c for k in range(16) for c in (k * 17,) * 3]


def row_band(page_width: float, bbox: list[float] | tuple[float, ...]) -> tuple[float, float, float, float]:
    """The printed row a cell's box stands in, as the box a picture shows: the page's width, the cell's
    height and a little more."""
    return 0.0, max(0.0, bbox[1] - ROW_PAD), page_width, bbox[3] + ROW_PAD


def render_rows(data: bytes, wanted: list[tuple[int, list[float]]]) -> list[tuple[bytes, tuple] | None]:
    """Pictures (PNG, 16 greys) of the printed rows that hold the boxes ``wanted`` (page from 1, a cell's box
    in points, top-left origin): the row's band across the page (:func:`row_band`), one picture a band (the
    cells of one row share it; a page frames each cell over it, from its box), at ``ROW_SCALE`` pixels a
    point (less for a page wider than ``ROW_MAX_PX`` would allow). Rendered by PDFium once per report and
    page: the whole page when it gives more than ``BAND_RENDERS`` rows, else only its rows' bands (each once:
    a band costs a fifth of the page). A box outside its page gives None. Returns, for each box, (the PNG,
    the band shown) or None. A band taller than ``ROW_MAX_PX`` gives None, and a page bigger than
    ``PAGE_MAX_PIXELS`` is rendered band by band: a page's declared size never sets the memory taken."""
    import pypdfium2 as pdfium  # the pdf extra; Pillow comes with the report extra (matplotlib)

    out: list[tuple[bytes, tuple] | None] = [None] * len(wanted)
    by_page: dict[int, list[int]] = {}
    for n, (page, _) in enumerate(wanted):
        by_page.setdefault(page, []).append(n)
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(data)
        try:
            for page_no, ns in sorted(by_page.items()):
                if not 1 <= page_no <= len(doc):
                    continue
                page = doc[page_no - 1]
                try:
                    width, height = page.get_size()
                    scale = min(ROW_SCALE, ROW_MAX_PX / max(width, 1.0))
                    bands: dict[tuple, list[int]] = {}
                    for n in ns:
                        band = row_band(width, wanted[n][1])
                        band = (band[0], band[1], band[2], min(band[3], height))
                        if band[3] > band[1]:
                            bands.setdefault(band, []).append(n)
                    # the whole page only when it is of a page's size: a page 5,000,000 points tall is bands
                    small = width * height * scale * scale <= PAGE_MAX_PIXELS
                    whole = page.render(scale=scale, grayscale=True).to_pil() \
                        if len(bands) > BAND_RENDERS and small else None
                    for band, cells in bands.items():
                        top, bottom = band[1], band[3]
                        if (bottom - top) * scale > ROW_MAX_PX:
                            continue  # no printed row is this tall (a glyph's box as big as a page): no picture
                        if whole is not None:
                            picture = whole.crop((0, int(top * scale), whole.width,
                                                  min(whole.height, int(bottom * scale + 0.999))))
                        else:  # crop: points cut off the left, bottom, right and top of the page
                            picture = page.render(scale=scale, grayscale=True,
                                                  crop=(0, height - bottom, 0, top)).to_pil()
                        png = _png(picture)  # one picture a row: a page frames each cell over it
                        for n in cells:
                            out[n] = (png, band)
                finally:
                    page.close()
        finally:
            doc.close()
    return out


BAND_RENDERS = 4
PAGE_MAX_PIXELS = 8_000_000  # a whole page rendered for its rows at most this big (A4 at ROW_SCALE: 2 million)


def _png(picture) -> bytes:
    """A row's picture as PNG of 16 greys (a palette picture: small, without a costly quantizer)."""
    from PIL import Image

    levels = Image.frombytes("P", picture.size, picture.convert("L").point(_GREY_LEVELS).tobytes())
    levels.putpalette(_PALETTE)
    buf = io.BytesIO()
    levels.save(buf, "PNG", bits=4, compress_level=6)
    return buf.getvalue()
