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
3. **Words.** RapidOCR (PP-OCRv4 models inside the wheel; nothing is downloaded) finds text boxes and reads
   them, each with its confidence. A box that runs over a vertical rule is two cells' text: it is cut at the
   rule and each part read again. Ink that no box covers (a thin ``1`` the detector overlooks) is read on its
   own; what stays unread there is kept as a word with confidence 0, so that the cell is not taken for blank.

Nothing is guessed here: every word keeps the recogniser's confidence, and the matcher decides what a low
confidence means (blank with a note, or the one value the schema's identities allow). The heavy packages
(numpy, OpenCV, onnxruntime) are imported only when a picture is read; without the extra,
:func:`needs_ocr` is the error a scan gets (exit 2, naming the extra).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import io
import logging
from functools import lru_cache

from gaischema import sandbox
from gaischema.extract.readers.common import PDFIUM_LOCK
from gaischema.extract.tablefinder import Edge, PageContent, Word
from gaischema.loading import InputError

OCR_EXTRA = "pip install 'gaischema[ocr]'"
MAX_RENDER_SCALE = 200 / 72  # a page is rendered at its pictures' own resolution, at most 200 dpi
MAX_SIDE = 2400  # pixels: a larger picture is scaled down first (the detector sees 2000 at most anyway)
MIN_RENDER_SCALE = 1.0  # never fewer pixels than points
MAX_PIXELS = 40_000_000  # a picture or a rendered page larger than this is scaled down (or, a picture, not read)
MIN_CONFIDENCE = 0.8  # a reading below this is not taken as a cell's value (the matcher decides)
MAX_SKEW = 5.0  # degrees; a page tilted more is read as it is
# what OCR declares to the worker limits (gaischema.sandbox.allow) when it starts on a file: its models and
# onnxruntime's arenas take over 1 GiB of address space, and a page ~5 s of CPU here; a scan of up to 40 pages
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
    return RapidOCR(use_cls=False, print_verbose=False, intra_op_num_threads=1, inter_op_num_threads=1)


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
    binary = _binary(grey)
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

    corners = np.float32([cross(top, left), cross(top, right), cross(bottom, right), cross(bottom, left)])
    x0, x1 = (corners[0][0] + corners[3][0]) / 2, (corners[1][0] + corners[2][0]) / 2
    y0, y1 = (corners[0][1] + corners[1][1]) / 2, (corners[2][1] + corners[3][1]) / 2
    target = np.float32([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    if np.abs(corners - target).max() < 1.0 or np.abs(corners - target).max() > 0.1 * max(grey.shape):
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


def _read_crops(crops) -> list[tuple[str, float]]:
    if not crops:
        return []
    results, _ = _run(_engine().text_rec, crops)
    return [(text.strip(), float(conf)) for text, conf in results]


def read_picture(grey, px_per_pt: float = 1.0, number: int = 0) -> PageContent:
    """Read a greyscale picture of a page or a table: deskew, rules, words (see the module docstring).
    ``px_per_pt``: the picture's pixels per page point, so that boxes come out in points."""
    import cv2
    import numpy as np
    if grey.ndim == 3:
        grey = cv2.cvtColor(grey, cv2.COLOR_BGR2GRAY)
    if max(grey.shape) > MAX_SIDE:
        factor = MAX_SIDE / max(grey.shape)
        grey = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        px_per_pt *= factor
    angle = skew_angle(grey)
    grey = rectify(_rotate(grey, angle))
    h, w = grey.shape
    engine = _engine()
    result, _ = _run(engine, cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR), use_cls=False)
    boxes = [(*_box(points), str(text).strip(), float(conf)) for points, text, conf in (result or [])]
    heights = sorted(b[3] - b[1] for b in boxes if b[4])
    glyph = float(heights[len(heights) // 2]) * 0.8 if heights else 12 * px_per_pt
    binary = _binary(grey)
    horizontal, vertical = find_rules(binary, glyph)

    # a box over a vertical rule is the text of two cells: cut at the rule, read each part again
    words: list[tuple[float, float, float, float, str, float]] = []
    parts, part_boxes = [], []
    for x0, y0, x1, y1, text, conf in boxes:
        cy = (y0 + y1) / 2
        cuts = sorted([vx + vw / 2 for vx, vy, vw, vh in vertical
                       if x0 + glyph / 3 < vx + vw / 2 < x1 - glyph / 3 and vy <= cy <= vy + vh]
                      + _gaps(binary, x0, y0, x1, y1, 0.9 * glyph))
        if not cuts:
            words.append((x0, y0, x1, y1, text, conf))
            continue
        edges = [x0, *cuts, x1]
        for a, b in zip(edges, edges[1:]):
            crop = _crop(grey, a + 3, y0, b - 3, y1, 0)
            if crop is not None:
                parts.append(crop)
                part_boxes.append((a + 3, y0, b - 3, y1))
    for (x0, y0, x1, y1), (text, conf) in zip(part_boxes, _read_crops(parts)):
        if text:
            words.append((x0, y0, x1, y1, text, conf))

    # ink no box covers: a glyph the detector overlooked (a thin 1); read it on its own
    ink = binary.copy()
    for x, y, bw, bh in horizontal + vertical:
        ink[max(0, y - 2):y + bh + 2, max(0, x - 2):x + bw + 2] = 0
    for x0, y0, x1, y1, _, _ in words:
        ink[max(0, int(y0) - 2):int(y1) + 2, max(0, int(x0) - 2):int(x1) + 2] = 0
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))  # scanner specks
    grown = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(glyph / 2)), max(3, int(glyph / 4)))))
    n, _, stats, _ = cv2.connectedComponentsWithStats(grown, 8)
    lost, lost_boxes = [], []
    for i in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if bh < 0.6 * glyph or bh > 3 * glyph:
            continue  # a speck, or a picture (a stamp, a signature): not a glyph
        crop = _crop(grey, x, y, x + bw, y + bh, max(4, int(glyph / 4)))
        if crop is not None:
            lost.append(crop)
            lost_boxes.append((x, y, x + bw, y + bh))
    for (x0, y0, x1, y1), (text, conf) in zip(lost_boxes, _read_crops(lost)):
        words.append((x0, y0, x1, y1, text or "?", conf if text else 0.0))

    # a low-confidence reading is read again from a tight crop (the detector's box has a wide margin, which
    # costs the recogniser confidence on a lone digit); the more confident of the two readings stands
    low = [(n, _crop(grey, *word[:4], max(2, int(glyph / 6)))) for n, word in enumerate(words)
           if word[5] < MIN_CONFIDENCE]
    low = [(n, crop) for n, crop in low if crop is not None]
    for (n, _), (text, conf) in zip(low, _read_crops([crop for _, crop in low])):
        if text and conf > words[n][5]:
            words[n] = (*words[n][:4], text, conf)

    s = px_per_pt or 1.0
    words_pt = [Word(x0 / s, y0 / s, x1 / s, y1 / s, text, round(conf, 4)) for x0, y0, x1, y1, text, conf in words]
    edges = [Edge(x / s, (y + bh / 2) / s, (x + bw) / s, (y + bh / 2) / s, "h") for x, y, bw, bh in horizontal]
    edges += [Edge((x + bw / 2) / s, y / s, (x + bw / 2) / s, (y + bh) / s, "v") for x, y, bw, bh in vertical]
    logging.getLogger(__name__).debug("page %d: skew %.2f°, %d words, %d edges", number, angle, len(words), len(edges))
    return PageContent(number, w / s, h / s, words_pt, edges)
