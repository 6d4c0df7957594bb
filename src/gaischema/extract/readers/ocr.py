"""Pictures of pages and tables read by OCR (the optional ``ocr`` extra: rapidocr-onnxruntime, with OpenCV).

Why it works this way: many offices print, stamp and scan their report, so the PDF holds only pictures; Word
files sometimes hold a table as a picture. Such a page is turned into what a text-layer page gives the table
finder — positioned words and the ruling lines — and from there on it is read like any other page (the same
table finder, the same matcher). The steps, each on plain data:

1. **Deskew.** The long horizontal rules (or, on a page without rules, nothing: angle 0) give the page's tilt;
   the picture is turned back by it, so rows are rows and columns are columns. Where the table's outer rules
   are still not parallel (a photo taken at a slight angle), the picture is warped so that they are.
2. **Rules.** OpenCV morphology keeps the long thin horizontal and vertical strokes of the binarised picture
   (strokes longer than any glyph): those are the table's ruling lines, as segments in page coordinates.
   A table drawn box by box (a web page's ``border="1"``, as Chromium prints it) gives its cells' frames:
   each hollow thin piece of ink a cell's size gives its four sides (a one-line cell's sides are shorter
   than any rule kernel).
3. **Cells, without detection.** A report is mostly its tables, and the rules already say where each cell
   is: the table finder's own stages make the cells of the rules, and each line of ink in a cell is cropped
   and read by RapidOCR's recognition model directly (PP-OCRv4 models inside the wheel; nothing is
   downloaded), batched by width, each crop only as wide as it needs. Text detection, the costly model, runs
   only on the ink left outside the grids (title, narrative, signature), at the scale it works best at.
   Pages whose characters are smaller than the models need (scans under ~200 dpi) are scaled up first.
   A scanner's faint specks and the rules' pixels are kept out of the cells' crops: at low resolutions a
   speck beside a digit was read as a character (0 as 0.), and the row lost its values to its label.
   Ink that stays unread is kept as a word with confidence 0, so that the cell is not taken for blank.
   A cell's crop lies inside the rules that bound that cell (not the line its column's rules were snapped
   to: a word processor sets them a few points apart from row to row), and a number whose crop still cut
   off some of its ink is read again whole; where the two readings differ, it is not read (a 6 without its
   left stroke is a 5).

Nothing is guessed here: every word keeps the recogniser's confidence, and the matcher decides what a low
confidence means (blank with a note, or the one value the schema's identities allow). The heavy packages
(numpy, OpenCV, onnxruntime) are imported only when a picture is read; without the extra,
:func:`needs_ocr` is the error a scan gets (exit 2, naming the extra).
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import importlib.util
import io
import logging
from functools import lru_cache

from gaischema import sandbox
from gaischema.extract.readers.common import PDFIUM_LOCK
from gaischema.extract.tablefinder import (MAX_EDGES, Edge, PageContent, Word, cells_from_intersections, intersections,
                                          merge_edges, tables_from_cells)
from gaischema.loading import InputError

OCR_EXTRA = "pip install 'gaischema[ocr]'"
MAX_RENDER_SCALE = 200 / 72  # a page is rendered at its pictures' own resolution, at most 200 dpi
MAX_SIDE = 2400  # pixels: a larger picture is scaled down first (the detector sees 2000 at most anyway)
MIN_RENDER_SCALE = 1.0  # never fewer pixels than points
MAX_PIXELS = 40_000_000  # a picture or a rendered page larger than this is scaled down (or, a picture, not read)
MIN_CONFIDENCE = 0.8  # a reading below this is not taken as a cell's value (the matcher decides)
GLYPH = 28  # pixels: a character's height the models read best (10.5 pt at 200 dpi); smaller ones are scaled up
DET_GLYPH = 17  # pixels: a character's height the detector is run at (it finds lines as well at this size)
FAINT = 70  # grey levels: ink fainter than this against its paper is noise, not print
REC_COLUMNS = 256  # pixel columns recognised at once (measured on CPU: larger batches cost more a column)
MAX_SKEW = 5.0  # degrees; a page tilted more is read as it is
# what OCR declares to the worker limits (gaischema.sandbox.allow) when it starts on a file: its models and
# onnxruntime's arenas take over 1 GiB of address space, and a page ~1.5 s of CPU here (more on a loaded
# machine, and for pages scaled up); a scan of up to 40 pages
# is read under the default limits, and the user's --max-memory/--max-seconds bound every other file
OCR_MEMORY = 3 << 30
OCR_SECONDS_PER_PAGE = 15.0
OCR_SECONDS_START = 10.0  # loading the models


def available() -> bool:
    """Whether the ``ocr`` extra is installed."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None and importlib.util.find_spec("cv2") is not None


def needs_ocr() -> InputError:
    """The error for a scan when the ``ocr`` extra is missing (exit 2)."""
    return InputError("INPUT-NO-TEXT", f"PDF 没有文字层（扫描件？），需要文字识别（OCR）：{OCR_EXTRA}",
                      f"the PDF has no text layer (a scan?); reading it needs OCR: {OCR_EXTRA}")


@lru_cache(maxsize=1)
def _engine():
    """One RapidOCR per process (loading its three models takes about a second); no angle classifier: the
    pages are upright. One thread: a folder is spread over processes (``-j``), and onnxruntime's own threads
    only spin against each other there (measured: 5.0 s of CPU a page with one thread, 7.6 s with two)."""
    from rapidocr_onnxruntime import RapidOCR
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    # the detector at the scale it is given (read_picture chooses it), not stretched to 736 pixels
    return RapidOCR(use_cls=False, print_verbose=False, intra_op_num_threads=1, inter_op_num_threads=1,
                    det_limit_type="max", det_limit_side_len=100_000)


def _detector():
    return _engine().text_det


# ------------------------------------------------------------------------------------------------ pictures
def decode_picture(data: bytes):
    """A picture file's bytes (PNG, JPEG, BMP, TIFF …) as a greyscale array, or None if it is none."""
    import cv2
    import numpy as np
    from PIL import Image
    try:  # its size from the header first: a small file can claim a huge picture
        with Image.open(io.BytesIO(data)) as im:
            if im.width * im.height > MAX_PIXELS:
                return None
        return cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)
    except (cv2.error, OSError, ValueError, Image.DecompressionBombError):
        return None


def render_pdf_pages(data: bytes, numbers: list[int]):
    """:func:`_render_pdf_pages` under the PDFium lock (PDFium is not thread-safe)."""
    with PDFIUM_LOCK:
        return _render_pdf_pages(data, numbers)


def _render_pdf_pages(data: bytes, numbers: list[int]):
    """The pictures of the given pages of a PDF (0-based) as (greyscale array, pixels per point), each page
    rendered at the resolution of the pictures on it (between 72 and 200 dpi); None for a page that holds
    no picture covering half its width (a blank page: nothing to read)."""
    import numpy as np
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    out = []
    pdf = pdfium.PdfDocument(data)
    try:
        for n in numbers:
            page = pdf[n]
            try:
                width, _ = page.get_size()
                scale = None
                for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
                    try:
                        px_w, _ = obj.get_px_size()
                        left, _, right, _ = obj.get_bounds()
                    except Exception:  # noqa: BLE001 - a damaged picture object says nothing
                        continue
                    if right - left > 0.5 * width:
                        scale = max(scale or 0.0, px_w / (right - left))
                if scale is None:
                    out.append(None)
                    continue
                scale = min(max(scale, MIN_RENDER_SCALE), MAX_RENDER_SCALE,
                            (MAX_PIXELS / max(1.0, width * page.get_size()[1])) ** 0.5)
                bitmap = page.render(scale=scale, grayscale=True)
                out.append((np.array(bitmap.to_pil().convert("L")), scale))
            finally:
                page.close()
    finally:
        pdf.close()
    return out


MAX_OCR_PAGES = 40  # pages or distinct pictures one file may have read by OCR (a report's scan is 5-20 pages)


def declare(pages: int) -> None:
    """Tell the worker limits that this file is OCR work of ``pages`` pages (:func:`gaischema.sandbox.allow`),
    at most MAX_OCR_PAGES pages' worth: the file's budget (asking again for the same file never adds to it)."""
    sandbox.allow(OCR_MEMORY, OCR_SECONDS_START + OCR_SECONDS_PER_PAGE * min(pages, MAX_OCR_PAGES))


def check_count(n: int, what_zh: str = "页", what_en: str = "pages") -> None:
    """The budget counted before any work: more than MAX_OCR_PAGES pages (or distinct pictures) to read by OCR
    is INPUT-TOO-LARGE at once, not an hour of recognition stopped at the time limit."""
    if n > MAX_OCR_PAGES:
        raise InputError("INPUT-TOO-LARGE", f"需文字识别的{what_zh}过多（{n}，上限 {MAX_OCR_PAGES}）",
                         f"too many {what_en} to read by OCR ({n}; the limit is {MAX_OCR_PAGES})")


def pdf_page_contents(data: bytes, numbers: list[int]) -> list[PageContent]:
    """The given pages of a PDF (0-based; pages without a text layer) read by OCR, as the table finder's page
    content (words with their confidences, and edges), for :func:`gaischema.extract.readers.pdf.blocks_from_pages`;
    a page without a picture stays empty. Counted and declared before any work; rendered one page at a time
    (memory: one page's pixels); a page whose pixels are those of a page already read is not read again."""
    check_count(len(numbers))
    declare(len(numbers))
    out = []
    read: dict[bytes, PageContent] = {}
    for n in numbers:
        rendered = render_pdf_pages(data, [n])[0]
        if rendered is None:
            out.append(PageContent(n, 0.0, 0.0, [], []))
            continue
        key = hashlib.sha256(rendered[0].tobytes()).digest() + repr((rendered[0].shape, rendered[1])).encode()
        if key not in read:
            read[key] = read_picture(*rendered, number=n)
        out.append(dataclasses.replace(read[key], number=n, chars=list(read[key].chars), edges=list(read[key].edges)))
        del rendered
    return out


def read_picture_file(data: bytes, width_pt: float | None = None) -> PageContent | None:
    """A picture file (a table pasted into a Word file as a picture) read by OCR. ``width_pt``: the width it
    is shown at, in points (for the tolerances); None for bytes that are no picture."""
    grey = decode_picture(data)
    if grey is None or min(grey.shape[:2]) < 16:
        return None
    declare(1)
    return read_picture(grey, grey.shape[1] / width_pt if width_pt else 96 / 72)


def _binary(grey):
    import cv2
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)


def skew_angle(grey) -> float:
    """The page's tilt in degrees, from the slope of its long horizontal strokes (the table's rules); 0 for a
    page without them."""
    import cv2
    import numpy as np
    h, w = grey.shape
    binary = _binary(grey)
    long = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, w // 30), 1)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(long, 8)
    angles, weights = [], []
    for i in range(1, n):
        x, y, cw, ch, _ = stats[i]
        if cw < w / 8:
            continue
        ys, xs = np.nonzero(labels[y:y + ch, x:x + cw] == i)
        slope = np.polyfit(xs, ys, 1)[0]
        angles.append(float(np.degrees(np.arctan(slope))))
        weights.append(cw)
    if not angles:
        return 0.0
    order = np.argsort(angles)
    cum = np.cumsum(np.array(weights)[order])
    angle = float(np.array(angles)[order][np.searchsorted(cum, cum[-1] / 2)])  # the weighted median
    return angle if abs(angle) <= MAX_SKEW else 0.0


def _rotate(grey, angle: float):
    import cv2
    if abs(angle) < 0.02:
        return grey
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _frame_lines(binary, axis: int) -> list:
    """The long, nearly straight lines along ``axis`` (0: horizontal, 1: vertical) as fitted (slope, offset)
    pairs with their extent, found even where a slight perspective makes them stair-step: each line is
    thickened across itself first, then kept where it runs over a third of the picture."""
    import cv2
    import numpy as np
    img = binary if axis == 0 else binary.T
    h, w = img.shape
    band = cv2.dilate(img, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 7)))
    long = cv2.morphologyEx(band, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, w // 4), 1)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(long, 8)
    out = []
    for i in range(1, n):
        x, y, cw, ch, _ = stats[i]
        if cw < w / 3 or ch > h / 10 or y <= 0.01 * h or y + ch >= 0.99 * h:
            continue  # short, or the picture's own edge (a photo's background)
        ys, xs = np.nonzero(labels[y:y + ch, x:x + cw] == i)
        slope, offset = np.polyfit(xs + x, ys + y, 1)
        out.append((float(slope), float(offset), int(x), int(x + cw)))
    return out


def rectify(grey):
    """A photographed page made square again: where the table's outer rules (top and bottom, left and right)
    are not parallel (a camera held at a slight angle), the picture is warped so that they are."""
    import cv2
    import numpy as np
    # the frame is found at half the resolution (a quarter of the work; a line's fit is as good) and its
    # corners scaled back
    half = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    binary = _binary(half)
    rows, cols = _frame_lines(binary, 0), _frame_lines(binary, 1)
    if len(rows) < 2 or len(cols) < 2:
        return grey
    top, bottom = min(rows, key=lambda r: r[1] + r[0] * (r[2] + r[3]) / 2), max(rows, key=lambda r: r[1] + r[0] * (r[2] + r[3]) / 2)
    left, right = min(cols, key=lambda c: c[1] + c[0] * (c[2] + c[3]) / 2), max(cols, key=lambda c: c[1] + c[0] * (c[2] + c[3]) / 2)
    if abs(top[0] - bottom[0]) < 1e-3 and abs(left[0] - right[0]) < 1e-3:
        return grey  # parallel already: nothing to undo

    def cross(row, col):  # y = a x + b (row), x = c y + d (column)
        a, b, c, d = row[0], row[1], col[0], col[1]
        y = (a * d + b) / (1 - a * c)
        return c * y + d, y

    corners = 2 * np.float32([cross(top, left), cross(top, right), cross(bottom, right), cross(bottom, left)])
    x0, x1 = (corners[0][0] + corners[3][0]) / 2, (corners[1][0] + corners[2][0]) / 2
    y0, y1 = (corners[0][1] + corners[1][1]) / 2, (corners[2][1] + corners[3][1]) / 2
    target = np.float32([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    if np.abs(corners - target).max() < 2.0 or np.abs(corners - target).max() > 0.1 * max(grey.shape):
        return grey
    m = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(grey, m, (grey.shape[1], grey.shape[0]), flags=cv2.INTER_LINEAR, borderValue=255)


def find_rules(binary, glyph: float) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int]]]:
    """Horizontal and vertical ruling lines of a binarised picture as pixel boxes (x, y, w, h): strokes longer
    than twice a glyph's height (``glyph``, in pixels) and thinner than a third of it."""
    import cv2
    out = []
    for kernel in ((max(15, int(2.5 * glyph)), 1), (1, max(15, int(1.6 * glyph)))):
        # thickened across first, so that a line a camera saw slightly slanted (a stair of 1-pixel steps)
        # is still one long stroke
        across = (1, 5) if kernel[1] == 1 else (5, 1)
        mask = cv2.dilate(binary, cv2.getStructuringElement(cv2.MORPH_RECT, across))
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        # close the gaps JPEG noise and faint printing leave in a line
        close = (max(3, int(glyph / 3)), 1) if kernel[1] == 1 else (1, max(3, int(glyph / 3)))
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, close))
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, 8)
        found = []
        for i in range(1, n):
            x, y, w, h, _ = (int(v) for v in stats[i])
            thick, length = (h, w) if kernel[1] == 1 else (w, h)
            if length >= kernel[0] + kernel[1] - 1 and thick <= max(3, glyph / 3) + 4:
                found.append((x, y, w, h))
        out.append(found)
    return out[0], out[1]


def box_frames(binary, glyph: float):
    """The boxes a table drawn box by box is made of (a web page's ``border="1"`` table as Chromium prints it:
    every cell its own frame, a gap between), as the rules of their four sides (pixel boxes, horizontal and
    vertical, as :func:`find_rules` gives them), and the mask of their pixels. A frame is a piece of ink that
    leaves the middle of its box empty, a cell's size at least (taller than a character by half, wider than
    one: no 口 or 回) and thin (its ink along its sides only). A one-line cell's sides are shorter than the
    rules' kernel and a narrow cell's top shorter still: without the frames the table finder saw no cell in
    such rows, and their values were read as loose words outside any grid."""
    import cv2
    import numpy as np
    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary, 8)
    horizontal, vertical = [], []
    mask = np.zeros_like(binary)
    t = max(2, int(glyph / 10))
    for i in range(1, n):
        x, y, w, h, a = (int(v) for v in stats[i])
        if h < 1.4 * glyph or w < 1.0 * glyph or a > 2 * (w + h) * max(3.0, glyph / 5):
            continue
        if _inked_middle(labels, i, x, y, w, h):
            continue  # ink in its middle: no frame
        # its sides: the rows and columns of its box that its ink runs along for most of their length
        piece = labels[y:y + h, x:x + w] == i
        if piece[:t + 2].any(axis=0).mean() < 0.9 or piece[-t - 2:].any(axis=0).mean() < 0.9 \
                or piece[:, :t + 2].any(axis=1).mean() < 0.9 or piece[:, -t - 2:].any(axis=1).mean() < 0.9:
            continue
        horizontal += [(x, y, w, t), (x, y + h - t, w, t)]
        vertical += [(x, y, t, h), (x + w - t, y, t, h)]
        # its pixels along its sides only: a digit printed against the frame joins its piece, and stays ink
        side = np.zeros_like(piece)
        side[:t + 2] = side[-t - 2:] = True
        side[:, :t + 2] = side[:, -t - 2:] = True
        mask[y:y + h, x:x + w][piece & side] = 255
    return horizontal, vertical, mask


def _rule_pixels(binary, glyph: float):
    """The pixels of the ruling lines (runs of ink longer than the rules' kernels of :func:`find_rules`),
    grown by two pixels (a tilted rule's antialiased edge): taken away from the ink, they leave every stroke of the text, even one printed
    against a rule (a box round each rule would take away the top of a character set close under it)."""
    import cv2
    import numpy as np
    h = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(15, int(2.5 * glyph)), 1)))
    v = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(15, int(1.6 * glyph)))))
    return cv2.dilate(cv2.bitwise_or(h, v), np.ones((5, 5), np.uint8))


def _faint_pieces(ink, grey, glyph: float):
    """The pieces of ``ink`` (connected, 8 ways) that are no print: none of their pixels ``FAINT`` grey levels
    darker than the paper round them (the paper: the lightest grey within about a character, so that a
    photo's dim corner is measured against its own paper). A scanner's noise passes the adaptive threshold
    as faint specks; one beside a digit widens the digit's crop, and the recogniser reads the blank
    stretch as something (0 read 0., o., 05). A printed dot (1., 5949.08) is as dark as any stroke."""
    import cv2
    import numpy as np
    n, labels = cv2.connectedComponents(ink, connectivity=8)
    if n <= 1:
        return np.zeros_like(ink)
    q = max(1, int(glyph / 7))  # the paper measured at a quarter of a character's resolution: cheap
    small = cv2.resize(grey, None, fx=1 / q, fy=1 / q, interpolation=cv2.INTER_AREA)
    side = 2 * max(1, int(glyph / q / 2)) + 1
    paper = cv2.resize(cv2.dilate(small, np.ones((side, side), np.uint8)), (grey.shape[1], grey.shape[0]),
                       interpolation=cv2.INTER_NEAREST)
    strong = cv2.subtract(paper, grey) >= FAINT  # saturating: paper lighter than the pixel by FAINT or more
    keep = np.bincount(labels[strong], minlength=n) > 0  # a piece with one such pixel is print
    keep[0] = True
    return (~keep[labels]).view(np.uint8) * 255


def _box(points) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _crop(grey, x0, y0, x1, y1, pad: int):
    import cv2
    h, w = grey.shape
    x0, y0 = max(0, int(x0) - pad), max(0, int(y0) - pad)
    x1, y1 = min(w, int(x1) + pad), min(h, int(y1) + pad)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    return cv2.cvtColor(grey[y0:y1, x0:x1], cv2.COLOR_GRAY2BGR)


def _gaps(binary, x0, y0, x1, y1, wide: float) -> list[float]:
    """The middles of the blank stretches wider than ``wide`` inside a text box: the detector took two
    texts far apart on one line (发布机构：… and 发布日期：…) for one."""
    import numpy as np
    cols = binary[max(0, int(y0)):int(y1) + 1, max(0, int(x0)):int(x1) + 1].sum(axis=0) > 0
    if cols.size < 3 * wide:
        return []
    out, run = [], 0
    for i, ink in enumerate(np.append(cols, True)):
        if not ink:
            run += 1
            continue
        if run > wide and run < i:  # a blank stretch with ink on both sides
            out.append(x0 + i - run / 2)
        run = 0
    return [v for v in out if v < x1 - wide / 2]


def _run(fn, *args, **kw):
    """An onnxruntime call; its out-of-memory (std::bad_alloc under a worker's memory limit) is a MemoryError,
    which the pool reports as the file's INPUT-TOO-COMPLEX, not as a bug."""
    try:
        return fn(*args, **kw)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own RuntimeException
        if "bad_alloc" in str(exc):
            raise MemoryError(str(exc)) from None
        raise


# what the recognition model gives for a mark it cannot tell from another, as the mark a report prints: 丶
# (U+4E36, the radical "dot", a character no report's sentence uses) is the enumeration comma 、 of
# 行政复议、行政诉讼 (section 四's heading was not found on the sample scan for it)
_MISREAD = str.maketrans({"丶": "、"})


def _recognise(crops) -> list[tuple[str, float]]:
    """Crops (BGR arrays) read by the recognition model, batched: each scaled to the model's height (48
    pixels) and only as wide as its own aspect needs (at least one square), padded to the widest of its
    batch, batches of similar widths. RapidOCR's own ``text_rec`` pads every crop to 320 pixels (a lone
    digit costs what a line costs): measured on the sample scan's 107 boxes, 3.1 s of CPU against 0.6 s
    here, the same readings."""
    import cv2
    import numpy as np
    if not crops:
        return []
    rec = _engine().text_rec
    height = rec.rec_image_shape[1]
    widths = [max(height, int(np.ceil(height * c.shape[1] / max(1, c.shape[0])))) for c in crops]
    order = sorted(range(len(crops)), key=widths.__getitem__)
    out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
    batches, start = [], 0
    while start < len(order):  # crops of similar width together, at most REC_COLUMNS columns a batch
        end = start + 1
        while end < len(order) and (end - start + 1) * widths[order[end]] <= REC_COLUMNS:
            end += 1
        batches.append(order[start:end])
        start = end
    for idx in batches:
        width = -(-max(widths[i] for i in idx) // 32) * 32  # few distinct shapes: onnxruntime plans each once
        batch = np.zeros((len(idx), 3, height, width), np.float32)  # 0: the padding PaddleOCR trains with
        for k, i in enumerate(idx):
            img = cv2.resize(crops[i], (widths[i], height), interpolation=cv2.INTER_LINEAR)
            batch[k, :, :, :widths[i]] = img.transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0
        preds = _run(rec.session, batch)[0]
        for i, (text, conf) in zip(idx, rec.postprocess_op(preds)):
            out[i] = (str(text).strip().translate(_MISREAD), float(conf))
    return out


def glyph_height(binary) -> float | None:
    """The height of a character in pixels: the 90th percentile of the heights of the ink's connected
    pieces of a glyph's size (digits and the parts of Chinese characters below it, the whole characters at
    it); None on a page with too little ink to say."""
    import cv2
    import numpy as np
    h, w = binary.shape
    _, labels, stats, _ = cv2.connectedComponentsWithStats(binary, 8)
    hs, ws, area = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_AREA]
    keep = (hs >= 4) & (hs < h / 15) & (ws < w / 15) & (ws <= 4 * hs) & (area >= 8)
    if keep.sum() < 10:
        return None
    keep &= ~_hollow(labels, stats)
    if keep.sum() < 10:
        return None
    return float(np.percentile(hs[keep], 90))


def _hollow(labels, stats):
    """Which pieces of ink (``stats`` rows after the background's) are frames: no ink of theirs in the middle
    of their box. An empty cell of a table drawn box by box (Chromium's ``border="1"``) is such a piece, of a
    character's size: counted as characters, they made a 150 dpi page's characters 45 pixels high (23 printed),
    so the page was not scaled up and no rule of its one-line rows was long enough to be found."""
    import numpy as np
    out = np.zeros(len(stats) - 1, bool)
    for i, (x, y, w, h, a) in enumerate(stats[1:], start=1):
        if w < 12 or h < 12 or a > 0.5 * w * h:
            continue  # too small to tell, or solid
        if not _inked_middle(labels, i, x, y, w, h):
            out[i - 1] = True
    return out


def _inked_middle(labels, i: int, x: int, y: int, w: int, h: int) -> bool:
    """Whether piece ``i`` of ``labels`` (its box x, y, w, h) has ink in the middle third of its box, across
    and down: a frame (an empty cell's box) has none."""
    return bool((labels[y + h // 3:y + h - h // 3, x + w // 3:x + w - w // 3] == i).any())


def _bands(profile, glyph: float) -> list[tuple[int, int]]:
    """Runs of ink in a projection (rows of a cell): the lines of text, where the strokes of one character
    (三, 二) that stand apart are joined again as long as the line stays within a character's height."""
    import numpy as np
    ink = np.flatnonzero(profile)
    if ink.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(ink) > 1)
    runs = list(zip(ink[np.r_[0, breaks + 1]], ink[np.r_[breaks, ink.size - 1]] + 1))
    out = [list(runs[0])]
    for a, b in runs[1:]:
        if b - out[-1][0] <= 1.3 * glyph and a - out[-1][1] < 0.5 * glyph:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _white_pad(crop, pad: int, square: bool = False):
    """A crop with a white margin; ``square``: at least as wide as it is high (a lone narrow glyph, a
    sans-serif 1, that the recogniser read as nothing in its tight crop is read again so)."""
    import cv2
    h, w = crop.shape[:2]
    side = max(pad, (h + 2 * pad - w + 1) // 2) if square else pad
    return cv2.copyMakeBorder(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR), pad, pad, side, side, cv2.BORDER_CONSTANT,
                              value=(255, 255, 255))


def _pixels(grey, box):
    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    return grey[y0:max(y0 + 1, int(box[3])), x0:max(x0 + 1, int(box[2]))]


def _grid_cells(horizontal, vertical, tolerance: float) -> list[tuple[float, float, float, float]]:
    """The ruled cells (x0, y0, x1, y1 in pixels) that the table finder makes of these rules: the same
    stages (:mod:`gaischema.extract.tablefinder`) that later read the page, on the pixel boxes."""
    edges = [Edge(x, y + bh / 2, x + bw, y + bh / 2, "h") for x, y, bw, bh in horizontal]
    edges += [Edge(x + bw / 2, y, x + bw / 2, y + bh, "v") for x, y, bw, bh in vertical]
    merged = merge_edges(edges, tolerance, tolerance, tolerance)
    if len(merged) > MAX_EDGES:
        return []
    points = intersections(merged, tolerance)
    if not points:
        return []
    return [c for group in tables_from_cells(cells_from_intersections(points)) for c in group]


def _inset(glyph: float) -> int:
    """Pixels inside a cell's rules where its lines of text are looked for (a rule's remnant is no text)."""
    return max(2, int(glyph / 8))


def _on_their_rules(cells, horizontal, vertical, tolerance: float,
                    glyph: float) -> list[tuple[float, float, float, float]]:
    """Each cell's sides moved from the snapped line to the rule that bounds it: the rule (a pixel box of
    :func:`find_rules`) within ``tolerance`` of the side that runs along most of it (more than half); of two
    such (a table drawn box by box: the neighbour's frame, then the cell's own), the one nearer its middle.
    :func:`_grid_cells` snaps rules within ``tolerance`` onto one line, their mean, and a chain of them
    moves it far: on the 上海 2019 page as LibreOffice prints it, the rules between two columns stand at
    three places in its rows and tables (5 pixels apart at 150 dpi), the line between them cut through the 6
    set close to its rule, and the crop without that stroke was read 50 where 60 is printed (0.99). A side
    with no such rule (one made of pieces) stays where it was snapped; so does one within the crops' margin
    (:func:`_inset`) of its rule: the lines are looked for that far inside it and the rule's pixels are taken
    away, and on a table drawn box by box (two frames a few pixels apart, snapped between them) moving its
    sides by two pixels only moved its crops over what is left of the frames, read as a character
    that cost the 上海 sample's scan six cells. ``horizontal``, ``vertical``: the long rules only (no frames)."""
    cols = sorted((x + w / 2, y, y + h) for x, y, w, h in vertical)
    rows = sorted((y + h / 2, x, x + w) for x, y, w, h in horizontal)
    col_at, row_at = [c[0] for c in cols], [r[0] for r in rows]
    inset = _inset(glyph)

    def side(lines, at, pos: float, lo: float, hi: float, inner) -> float:
        runs: dict[int, float] = {}
        for p, a, b in lines[bisect.bisect_left(at, pos - tolerance):bisect.bisect_right(at, pos + tolerance)]:
            run = min(b, hi) - max(a, lo)
            if run > 0:
                runs[round(p)] = runs.get(round(p), 0.0) + run
        new = inner((p for p, run in runs.items() if run > 0.5 * (hi - lo)), default=pos)
        return float(new) if abs(new - pos) > inset else pos

    out = []
    for x0, y0, x1, y1 in cells:
        a0, a1 = side(cols, col_at, x0, y0, y1, max), side(cols, col_at, x1, y0, y1, min)
        b0, b1 = side(rows, row_at, y0, x0, x1, max), side(rows, row_at, y1, x0, x1, min)
        out.append((a0, b0, a1, b1) if a1 > a0 and b1 > b0 else (x0, y0, x1, y1))
    return out


def _cell_lines(ink, grey, cells, glyph: float) -> tuple[list[tuple[int, int, int, int]], dict]:
    """The lines of text inside each ruled cell, as pixel boxes of their ink (a cell's rules left out):
    the rows of ink of the cell, each cut where a blank wider than a character stands between two texts.
    What is no character is left: a speck, faint ink (a scanner's noise: too few pixels ``FAINT`` darker
    than the paper). Smaller cells
    first, and their ink taken away, so that a cell overlapping another is not read twice.

    The lines are looked for a little inside the cell's rules (a rule's remnant is read as a character);
    a line whose ink runs on across that margin (a glyph printed close to its rule, or a cell's side not
    quite on its rule) is cut by it. Returns the boxes, and for each box so cut (by its index) the box
    grown over the ink it cut off, up to the cell's side (:func:`_cut_numbers_read_whole`)."""
    import numpy as np
    out = []
    cut: dict[int, tuple[int, int, int, int]] = {}
    inset = _inset(glyph)
    speck, dark = 0.3 * glyph, 0.5 * glyph
    for cell in sorted(cells, key=lambda c: (c[2] - c[0]) * (c[3] - c[1])):
        x0, y0, x1, y1 = int(cell[0]) + inset, int(cell[1]) + inset, int(cell[2]) - inset, int(cell[3]) - inset
        if x1 - x0 < 3 or y1 - y0 < 3:
            continue
        sub = ink[y0:y1, x0:x1]
        for a, b in _bands(sub.any(axis=1), glyph):
            cols = np.flatnonzero(sub[a:b].any(axis=0))
            gaps = np.flatnonzero(np.diff(cols) > glyph)
            for lo, hi in zip(np.r_[0, gaps + 1], np.r_[gaps, cols.size - 1]):
                left, right = int(cols[lo]), int(cols[hi]) + 1
                if b - a < speck and right - left < speck:
                    continue
                box = grey[y0 + a:y0 + b, x0 + left:x0 + right]
                if int((box < int(box.max()) - FAINT).sum()) < dark:  # against the paper round it (a photo's
                    continue  # paper is grey in its dim corner)
                line = (x0 + left, y0 + a, x0 + right, y0 + b)
                whole = _grown(ink, line, (max(0, int(cell[0])), max(0, int(cell[1])), int(cell[2]), int(cell[3])))
                if whole != line:
                    cut[len(out)] = whole
                out.append(line)
        ink[max(0, int(cell[1])):int(cell[3]) + 1, max(0, int(cell[0])):int(cell[2]) + 1] = 0
    return out, cut


def _grown(ink, box, bounds) -> tuple[int, int, int, int]:
    """``box`` grown, side by side, over the ink that runs on past it (rows or columns of ``ink`` next to the
    box that hold ink within its span), never past ``bounds`` (the cell's sides)."""
    x0, y0, x1, y1 = box
    while x0 > bounds[0] and ink[y0:y1, x0 - 1].any():
        x0 -= 1
    while x1 < bounds[2] and ink[y0:y1, x1].any():
        x1 += 1
    while y0 > bounds[1] and ink[y0 - 1, x0:x1].any():
        y0 -= 1
    while y1 < bounds[3] and ink[y1, x0:x1].any():
        y1 += 1
    return x0, y0, x1, y1


def _without_specks(ink, glyph: float):
    """The ink without the scanner's specks: pieces of a few pixels (under a hundredth of a character's
    square; a full stop is larger). A speck beside a number widened its crop to blank paper, where the
    recogniser read a digit that is not printed (7 read as 73 at 0.82 on a noisy 200 dpi scan)."""
    import cv2
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, 4)
    small = stats[:, cv2.CC_STAT_AREA] <= max(3, int(glyph * glyph / 100))
    small[0] = False
    if not small.any():
        return ink
    out = ink.copy()
    out[small[labels]] = 0
    return out


def _ink_groups(ink, box, glyph: float) -> int:
    """The glyphs side by side in a box of ink: runs of pixel columns under pieces of ink at least a third
    of a character high (a speck, a stray dot of noise, is no glyph), split by blank columns."""
    import cv2
    import numpy as np
    x0, y0, x1, y1 = (int(v) for v in box)
    sub = ink[max(0, y0):max(y0 + 1, y1), max(0, x0):max(x0 + 1, x1)]
    n, _, stats, _ = cv2.connectedComponentsWithStats(sub, 8)
    cols = np.zeros(sub.shape[1] + 1, np.int8)
    for x, _, w, h, _ in stats[1:]:
        if h >= glyph / 3:
            cols[x:x + w] = 1
    return int(np.count_nonzero(np.diff(np.r_[0, cols]) == 1))


def _checked_numbers(words: list, ink, glyph: float) -> list:
    """Readings in the ruled cells checked against their crops: a number read with more digits than the
    crop holds glyphs side by side (each digit printed apart from the next) holds a digit that is not
    printed, whatever the recogniser's confidence (73 read at 0.82 where only a 7 stood, a speck beside
    it); its confidence becomes 0, so the cell stays blank with a note. Fewer digits than glyphs is no
    proof (a digit broken in two by a faint scan), and digits that touch only lower the count: a reading
    is never raised, only refused."""
    out = []
    for x0, y0, x1, y1, text, conf in words:
        if conf and text.isascii() and text.isdigit():
            glyphs = _ink_groups(ink, (x0, y0, x1, y1), glyph)
            if len(text) > glyphs:
                logging.getLogger(__name__).debug("%r refused: %d glyphs in its crop", text, glyphs)
                conf = 0.0
        out.append((x0, y0, x1, y1, text, conf))
    return out


def _cut_numbers_read_whole(words: list, cut: dict, clean, pad: int) -> list:
    """Numbers read in the ruled cells from a crop that cut off some of their ink (``cut``: the index of such
    a word, and its box grown over that ink; :func:`_cell_lines`) read again from the whole box: a number
    the two readings do not agree on gets confidence 0 (blank with a note). A 6 whose left stroke the crop
    left out is a 5: 60 was read 50 at 0.99 on a LibreOffice print of the 上海 2019 page, its cell's side
    not on its rule. A reading is never raised, only refused."""
    at = [n for n in cut if words[n][5] and words[n][4].isascii() and words[n][4].isdigit()]
    return _refused_unless_read_alike(words, {n: _white_pad(_pixels(clean, cut[n]), pad) for n in at},
                                      "from its whole ink")


def _numbers_read_twice(words: list, clean, pad: int) -> list:
    """Numbers read outside the ruled cells (a table printed without rules: the detector's boxes on the page
    as scanned) read again from the page without its specks and faint noise, as the cells' crops are: a
    number the two readings do not agree on gets confidence 0 (blank with a note). A lone 1 of a noisy 150
    dpi scan was read 0 at 0.95 in the detector's box, and written so once the row was laid out in its
    columns. A reading is never raised, only refused."""
    at = [n for n, w in enumerate(words) if w[5] and w[4].isascii() and w[4].isdigit()]
    return _refused_unless_read_alike(words, {n: _white_pad(_pixels(clean, words[n][:4]), pad, square=True)
                                              for n in at}, "from the cleaned page")


def _refused_unless_read_alike(words: list, crops: dict, where: str) -> list:
    """``words`` with each word that has a second crop in ``crops`` (by index) read again from it: where
    the two readings differ, confidence 0 (blank with a note). A reading is never raised, only refused."""
    if not crops:
        return words
    again = _recognise(list(crops.values()))
    out = list(words)
    for n, (text, _) in zip(crops, again):
        if text != words[n][4]:
            logging.getLogger(__name__).debug("%r refused: read %r %s", words[n][4], text, where)
            out[n] = (*words[n][:5], 0.0)
    return out


def _read_already(box, found) -> bool:
    """Whether most of a box of ink left over lies inside a text box the detector found: the last glyph's
    edge that its box cut off (the detector's box of a title ended inside its last character, 告; the rest,
    grown to a glyph's size, was read again as 报告, a line of its own above the title, and the title's
    organ was not found)."""
    x0, y0, x1, y1 = box
    area = max(1, (x1 - x0) * (y1 - y0))
    for a0, b0, a1, b1 in found:
        w, h = min(x1, a1) - max(x0, a0), min(y1, b1) - max(y0, b0)
        if w > 0 and h > 0 and w * h > area / 2:
            return True
    return False


def _regions(ink, glyph: float) -> list[tuple[int, int, int, int]]:
    """The blocks of text outside the ruled cells (a title, a paragraph, a signature), as pixel boxes: rows
    of ink closer than two lines make one block."""
    import numpy as np
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(rows) > 2 * glyph)
    out = []
    for lo, hi in zip(np.r_[0, breaks + 1], np.r_[breaks, rows.size - 1]):
        a, b = int(rows[lo]), int(rows[hi]) + 1
        if b - a < 0.4 * glyph:
            continue
        cols = np.flatnonzero(ink[a:b].any(axis=0))
        out.append((int(cols[0]), a, int(cols[-1]) + 1, b))
    return out


def _detect(grey, region, glyph: float) -> list[tuple[float, float, float, float]]:
    """Text boxes in one region of the page, by the detection model run at the scale where a character is
    ``DET_GLYPH`` pixels high (the size the detector is trained on; a 200 dpi page needs no more)."""
    import cv2
    pad = int(glyph)
    h, w = grey.shape
    x0, y0 = max(0, region[0] - pad), max(0, region[1] - pad)
    x1, y1 = min(w, region[2] + pad), min(h, region[3] + pad)
    scale = min(1.0, DET_GLYPH / glyph)
    crop = cv2.resize(grey[y0:y1, x0:x1], None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ch, cw = crop.shape
    side = 32  # the detector's stride: pad to it rather than let it stretch the picture
    crop = cv2.copyMakeBorder(crop, 0, -ch % side + side, 0, -cw % side + side, cv2.BORDER_CONSTANT, value=255)
    boxes, _ = _run(_detector(), cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
    if boxes is None or len(boxes) == 0:
        return []
    return [(x0 + bx0 / scale, y0 + by0 / scale, x0 + bx1 / scale, y0 + by1 / scale)
            for bx0, by0, bx1, by1 in (_box(points) for points in boxes)]


def _upscale(grey):
    """A picture whose characters are smaller than the models need (a scan under about 200 dpi) scaled up
    (cubic) until they are ``GLYPH`` pixels high, at most three times; returns the picture, the factor and
    the characters' height after it (None if the page has too little ink to say)."""
    import cv2
    glyph = glyph_height(_binary(grey))
    if glyph is None or glyph >= 0.8 * GLYPH:
        return grey, 1.0, glyph
    factor = min(3.0, GLYPH / glyph, (MAX_PIXELS / grey.size) ** 0.5)
    if factor < 1.05:
        return grey, 1.0, glyph
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), factor, glyph * factor


def read_picture(grey, px_per_pt: float = 1.0, number: int = 0) -> PageContent:
    """Read a greyscale picture of a page or a table (see the module docstring). ``px_per_pt``: the
    picture's pixels per page point, so that boxes come out in points."""
    import cv2
    import numpy as np
    if grey.ndim == 3:
        grey = cv2.cvtColor(grey, cv2.COLOR_BGR2GRAY)
    if max(grey.shape) > MAX_SIDE:
        factor = MAX_SIDE / max(grey.shape)
        grey = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        px_per_pt *= factor
    grey, factor, glyph = _upscale(grey)
    px_per_pt *= factor
    angle = skew_angle(grey)
    grey = rectify(_rotate(grey, angle))
    h, w = grey.shape
    binary = _binary(grey)
    glyph = glyph or 12 * px_per_pt
    ruled = find_rules(binary, glyph)
    frame_h, frame_v, frames = box_frames(binary, glyph)
    horizontal, vertical = ruled[0] + frame_h, ruled[1] + frame_v

    # the ink that is text: the rules taken away, and the scanner's specks
    rules = cv2.bitwise_or(_rule_pixels(binary, glyph), cv2.dilate(frames, np.ones((3, 3), np.uint8)))
    ink = cv2.bitwise_and(binary, cv2.bitwise_not(rules))
    faint = _faint_pieces(ink, grey, glyph)
    ink = cv2.bitwise_and(ink, cv2.bitwise_not(faint))
    # the cells' crops are taken from the page without its rules and its faint specks: a rule's remnant
    # along a crop's edge, or a speck beside a digit, is read as a character
    clean = grey.copy()
    clean[(rules > 0) | (faint > 0)] = 255
    # 1. the ruled cells: each line of text in a cell is read as it is, no detection; its extent from all
    # its ink (the thin top stroke of 章, 自 or 申 is a line of pixels that an opening would take away)
    cells = _on_their_rules(_grid_cells(horizontal, vertical, 3 * px_per_pt), *ruled, 3 * px_per_pt, glyph)
    ink = _without_specks(ink, glyph)
    cell_ink = ink.copy()  # the cells' ink, for the check of what was read in them
    boxes, cut = _cell_lines(ink, grey, cells, glyph)  # takes the cells' ink away
    n_cells = len(boxes)
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    # 2. what is left (outside the grids): detection, at its own scale, then recognition
    outside = grey.copy()
    for x0, y0, x1, y1 in cells:
        outside[int(y0):int(y1) + 1, int(x0):int(x1) + 1] = 255
    found = [b for region in _regions(ink, glyph) for b in _detect(outside, region, glyph)]
    for x0, y0, x1, y1 in found:
        cuts = _gaps(binary, x0, y0, x1, y1, 0.9 * glyph)
        edges = [x0, *cuts, x1]
        boxes.extend((a + (3 if cuts and a != x0 else 0), y0, b - (3 if cuts and b != x1 else 0), y1)
                     for a, b in zip(edges, edges[1:]))
        ink[max(0, int(y0) - 2):int(y1) + 2, max(0, int(x0) - 2):int(x1) + 2] = 0
    # ink no box covers outside the cells: a glyph the detector overlooked (a thin 1); read on its own
    grown = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(glyph / 2)), max(3, int(glyph / 4)))))
    n, _, stats, _ = cv2.connectedComponentsWithStats(grown, 8)
    lost = set()
    for i in range(1, n):
        x, y, bw, bh, _ = (int(v) for v in stats[i])
        if 0.6 * glyph <= bh <= 3 * glyph and not _read_already((x, y, x + bw, y + bh), found):
            # not a speck, nor a picture (a stamp, a signature), nor the edge of a line the detector read
            lost.add(len(boxes))
            boxes.append((x, y, x + bw, y + bh))

    pad = max(2, int(glyph / 4))
    crops = [_white_pad(_pixels(clean if n < n_cells else grey, box), pad) for n, box in enumerate(boxes)]
    readings = _recognise(crops)
    # ink in a cell read as nothing: read again in a square crop; what stays unread is kept as a word of
    # confidence 0, so that the cell is not taken for blank. So too a piece of a detector's box the size of a
    # few glyphs (a lone 0 of a table printed without rules, cut from its row's box at the blanks round it):
    # dropped, its column was taken for blank
    small = {n for n in range(n_cells, len(boxes))
             if boxes[n][3] - boxes[n][1] <= 1.5 * glyph and boxes[n][2] - boxes[n][0] <= 3 * glyph}
    empty = [n for n in range(len(boxes)) if not readings[n][0] and (n < n_cells or n in small)]
    again = [_white_pad(_pixels(clean if n < n_cells else grey, boxes[n]), pad, square=True) for n in empty]
    for n, reading in zip(empty, _recognise(again)):
        readings[n] = reading
    words = []
    for n, ((x0, y0, x1, y1), (text, conf)) in enumerate(zip(boxes, readings)):
        if text or n in lost or n < n_cells or n in small:
            words.append((x0, y0, x1, y1, text or "?", conf if text else 0.0))

    # a low-confidence reading is read again with the page's own margin round it; the more confident of
    # the two readings stands
    low = [(n, _crop(clean if n < n_cells else grey, *word[:4], max(2, int(glyph / 6)))) for n, word in enumerate(words)
           if word[5] < MIN_CONFIDENCE]
    low = [(n, crop) for n, crop in low if crop is not None]
    for (n, _), (text, conf) in zip(low, _recognise([crop for _, crop in low])):
        if text and conf > words[n][5]:
            words[n] = (*words[n][:4], text, conf)

    words[:n_cells] = _cut_numbers_read_whole(_checked_numbers(words[:n_cells], cell_ink, glyph), cut, clean, pad)
    words[n_cells:] = _numbers_read_twice(words[n_cells:], clean, pad)
    s = px_per_pt or 1.0
    # plain Python numbers (a detector's box is numpy's float32, which no YAML or JSON writer takes)
    words_pt = [Word(float(x0) / s, float(y0) / s, float(x1) / s, float(y1) / s, text, round(float(conf), 4))
                for x0, y0, x1, y1, text, conf in words]
    edges = [Edge(x / s, (y + bh / 2) / s, (x + bw) / s, (y + bh / 2) / s, "h") for x, y, bw, bh in horizontal]
    edges += [Edge((x + bw / 2) / s, y / s, (x + bw / 2) / s, (y + bh) / s, "v") for x, y, bw, bh in vertical]
    logging.getLogger(__name__).debug("page %d: skew %.2f°, %d cells, %d words, %d edges", number, angle,
                                      len(cells), len(words), len(edges))
    return PageContent(number, w / s, h / s, words_pt, edges)
