"""The table finder: positioned text and ruling lines in, tables of the document model and text lines out.

Why a module of its own, and why plain data: a PDF page's text layer (read by PDFium in
:mod:`gaischema.extract.readers.pdf`) and a scanned page read by OCR hand over the same thing — boxes of
text in page coordinates and the line segments that rule the tables — and both need the same answer: which
boxes form which table cells, and which are lines of running text. So this module knows nothing of PDF or
images; it works on :class:`Char`/:class:`Word` boxes and :class:`Edge` segments, with a top-left origin
and points (or any unit, if the tolerances are given in it), and returns :class:`~gaischema.extract.document.Table`
grids and :class:`TextLine` s.

The stages follow pdfplumber's table finder (MIT; after Anssi Nurminen's thesis and Tabula), reimplemented
on these objects and kept linear or n·log n where pdfplumber's are quadratic:

1. :func:`merge_edges` — edges within ``snap`` of one line are moved onto their mean position, collinear
   pieces that touch (within ``join``) become one, short ones (under ``min_length``) go;
2. :func:`intersections` — the points where a horizontal and a vertical edge cross (within ``tolerance``);
3. :func:`cells_from_intersections` — the smallest rectangles whose four corners are crossings joined by
   edges;
4. :func:`tables_from_cells` — cells that share corners, grouped (a table of one cell is no table);
5. :func:`find_tables` — each group as a grid (spans from where its cells' borders lie) filled with the text
   whose centre falls in each cell, a cell's confidence the lowest of its boxes'.

:func:`group_lines` makes lines of text of the boxes (left to right, a space where boxes stand apart), for
cells and for the text around tables; :func:`layout_page` does both for one page. Every stage is bounded:
more edges than ``MAX_EDGES`` or crossings than ``MAX_INTERSECTIONS`` on a page, and the page is read as text
only (its tables are not looked for), so that no drawing can make the finder quadratic in its size.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass
from typing import Iterable, Sequence

from gaischema.extract.document import Cell, Table

MAX_EDGES = 4_000  # ruling segments on a page; a drawing with more is no table
MAX_INTERSECTIONS = 40_000
MAX_TABLE_POSITIONS = 20_000  # rows × columns of one table (the readers' MAX_TABLE_CELLS)


@dataclass(slots=True)
class Word:
    """A box of text in page coordinates (top-left origin): a word, or a single character. ``confidence``
    is OCR's (0–1), None for a text layer."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float | None = None


@dataclass(slots=True)
class Char(Word):
    """One character of a text layer, with its font (name and size, where the reader knows them)."""

    font: str = ""
    size: float = 0.0


@dataclass(frozen=True, slots=True)
class Edge:
    """A ruling segment: ``orientation`` 'h' (top == bottom) or 'v' (x0 == x1)."""

    x0: float
    top: float
    x1: float
    bottom: float
    orientation: str


@dataclass(frozen=True, slots=True)
class TextLine:
    """A line of text: its box, its text, and the lowest confidence of its boxes (None for a text layer)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float | None = None
    # with positions asked for (the lines of text outside tables): the offset in ``text`` of each box it was made
    # of, and the boxes, in text order
    offsets: tuple[int, ...] = ()
    boxes: tuple[Word, ...] = ()


@dataclass
class FoundTable:
    """A table found on a page: its box (x0, top, x1, bottom) and its grid."""

    bbox: tuple[float, float, float, float]
    table: Table


@dataclass
class PageLayout:
    """One page as the finder sees it: its tables, and the lines of text outside them, top to bottom."""

    tables: list[FoundTable]
    lines: list[TextLine]


@dataclass
class PageContent:
    """What a reader found on one page, for the finder: its number (from 0), its size, its text boxes (a
    text layer's characters, or OCR's words) and its ruling edges. A page without boxes is an image."""

    number: int
    width: float
    height: float
    chars: list[Word]
    edges: list[Edge]


@dataclass
class Settings:
    """The tolerances, in page units (points for PDF). pdfplumber's defaults."""

    snap: float = 3.0
    join: float = 3.0
    min_length: float = 3.0
    tolerance: float = 3.0  # of an intersection
    x_tolerance: float = 3.0  # a gap wider than this between two boxes of a line is a space
    y_tolerance: float = 3.0  # boxes whose tops are this close are on one line
    page: int | None = None  # the page number the tables get


# ------------------------------------------------------------------------------------------------ edges
def edges_from_rect(x0: float, top: float, x1: float, bottom: float, thin: float = 2.0) -> list[Edge]:
    """A drawn rectangle's edges: a thin one (a rule drawn as a filled rectangle) is one edge along its
    middle; a larger one gives its four sides."""
    w, h = x1 - x0, bottom - top
    if h <= thin and w > h:
        y = (top + bottom) / 2
        return [Edge(x0, y, x1, y, "h")]
    if w <= thin and h > w:
        x = (x0 + x1) / 2
        return [Edge(x, top, x, bottom, "v")]
    return [Edge(x0, top, x1, top, "h"), Edge(x0, bottom, x1, bottom, "h"),
            Edge(x0, top, x0, bottom, "v"), Edge(x1, top, x1, bottom, "v")]


def edge_from_segment(xa: float, ya: float, xb: float, yb: float, slack: float = 0.5) -> Edge | None:
    """A straight segment as an edge if it is horizontal or vertical (within ``slack``), else None."""
    if abs(ya - yb) <= slack:
        y = (ya + yb) / 2
        return Edge(min(xa, xb), y, max(xa, xb), y, "h")
    if abs(xa - xb) <= slack:
        x = (xa + xb) / 2
        return Edge(x, min(ya, yb), x, max(ya, yb), "v")
    return None


def _snap(values: list[float], tolerance: float) -> dict[float, float]:
    """Each value mapped to the mean of its cluster (values chained within ``tolerance``)."""
    out: dict[float, float] = {}
    group: list[float] = []
    for v in sorted(set(values)):
        if group and v - group[-1] > tolerance:
            mean = sum(group) / len(group)
            out.update((g, mean) for g in group)
            group = []
        group.append(v)
    if group:
        mean = sum(group) / len(group)
        out.update((g, mean) for g in group)
    return out


def merge_edges(edges: Iterable[Edge], snap: float = 3.0, join: float = 3.0, min_length: float = 3.0) -> list[Edge]:
    """Snap parallel edges within ``snap`` onto one line, join collinear pieces within ``join``, drop what
    is shorter than ``min_length``."""
    hs = [e for e in edges if e.orientation == "h"]
    vs = [e for e in edges if e.orientation == "v"]
    out: list[Edge] = []
    if hs:
        ys = _snap([e.top for e in hs], snap)
        lines: dict[float, list[tuple[float, float]]] = {}
        for e in hs:
            lines.setdefault(ys[e.top], []).append((e.x0, e.x1))
        for y, spans in lines.items():
            out.extend(Edge(a, y, b, y, "h") for a, b in _join(spans, join) if b - a >= min_length)
    if vs:
        xs = _snap([e.x0 for e in vs], snap)
        lines = {}
        for e in vs:
            lines.setdefault(xs[e.x0], []).append((e.top, e.bottom))
        for x, spans in lines.items():
            out.extend(Edge(x, a, x, b, "v") for a, b in _join(spans, join) if b - a >= min_length)
    return out


def _join(spans: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    spans.sort()
    joined = [list(spans[0])]
    for a, b in spans[1:]:
        if a <= joined[-1][1] + tolerance:
            joined[-1][1] = max(joined[-1][1], b)
        else:
            joined.append([a, b])
    return [(a, b) for a, b in joined]


# ------------------------------------------------------------------------------------------------ cells
def intersections(edges: Sequence[Edge], tolerance: float = 3.0) -> dict[tuple[float, float], tuple[set, set]] | None:
    """The crossings of horizontal and vertical edges: {(x, y): (ids of its vertical edges, ids of its
    horizontal ones)}. None when there are more than ``MAX_INTERSECTIONS``."""
    vs = sorted((e.x0, i, e) for i, e in enumerate(edges) if e.orientation == "v")
    vx = [x for x, _, _ in vs]
    points: dict[tuple[float, float], tuple[set, set]] = {}
    for j, h in enumerate(edges):
        if h.orientation != "h":
            continue
        lo, hi = bisect.bisect_left(vx, h.x0 - tolerance), bisect.bisect_right(vx, h.x1 + tolerance)
        for x, i, v in vs[lo:hi]:
            if v.top <= h.top + tolerance and v.bottom >= h.top - tolerance:
                pt = points.get((x, h.top))
                if pt is None:
                    if len(points) >= MAX_INTERSECTIONS:
                        return None
                    pt = points[(x, h.top)] = (set(), set())
                pt[0].add(i)
                pt[1].add(j)
    return points


def cells_from_intersections(points: dict[tuple[float, float], tuple[set, set]]) -> list[tuple[float, float, float, float]]:
    """The smallest rectangles whose corners are crossings joined by common edges, as pdfplumber finds
    them: from each crossing, the nearest crossing below and to the right that close a box."""
    by_x: dict[float, list[float]] = {}
    by_y: dict[float, list[float]] = {}
    for x, y in points:
        by_x.setdefault(x, []).append(y)
        by_y.setdefault(y, []).append(x)
    for v in by_x.values():
        v.sort()
    for v in by_y.values():
        v.sort()
    cells = []
    for (x, y), (pv, ph) in sorted(points.items()):
        col, row = by_x[x], by_y[y]
        below = col[bisect.bisect_right(col, y):]
        right = row[bisect.bisect_right(row, x):]
        found = None
        for by in below:
            if not pv & points[(x, by)][0]:
                continue  # pdfplumber goes on to the next point below; edges may stop and start
            for rx in right:
                if not ph & points[(rx, y)][1]:
                    continue
                corner = points.get((rx, by))
                if corner is not None and corner[0] & points[(rx, y)][0] and corner[1] & points[(x, by)][1]:
                    found = (x, y, rx, by)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def tables_from_cells(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """Cells grouped into tables by shared corners (transitively), top to bottom; single cells dropped."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[find(i)] = find(j)
    groups: dict[int, list] = {}
    for i, c in enumerate(cells):
        groups.setdefault(find(i), []).append(c)
    tables = [g for g in groups.values() if len(g) > 1]
    tables.sort(key=lambda g: min((c[1], c[0]) for c in g))
    return tables


# ------------------------------------------------------------------------------------------------ text
def group_lines(boxes: Iterable[Word], x_tolerance: float = 3.0, y_tolerance: float = 3.0,
                positions: bool = False) -> list[TextLine]:
    """Boxes as lines of text, top to bottom: boxes whose tops lie within ``y_tolerance`` of the previous
    one's make a line (chained, as pdfplumber clusters), read left to right; where two stand more than
    ``x_tolerance`` apart, or a whitespace box stands between them, a space. ``positions``: each line keeps
    its boxes and their offsets in its text (where each value of a line of text stood on the page)."""
    items = sorted(boxes, key=_TOP)
    lines: list[list[Word]] = []
    last_top = None
    for b in items:
        if last_top is None or b.top > last_top + y_tolerance:
            lines.append([])
        lines[-1].append(b)
        last_top = b.top
    return [line for group in lines if (line := _line(group, x_tolerance, positions)) is not None]


def _line(group: list[Word], x_tolerance: float, positions: bool = False) -> TextLine | None:
    group.sort(key=_X0)
    parts: list[str] = []
    kept: list[Word] = []
    at: list[int] = []  # the offset in the line's text of each kept box
    length = 0
    last_x0 = last_x1 = 0.0
    space = False
    for b in group:
        text = b.text
        if not text or text.isspace():
            space = True
            continue
        if kept and (space or b.x0 > last_x1 + x_tolerance or b.x0 < last_x0):
            parts.append(" ")
            length += positions
        space = False
        parts.append(text)
        if positions:
            at.append(length)
            length += len(text)
        kept.append(b)
        last_x0, last_x1 = b.x0, b.x1
    if not kept:
        return None
    confs = [b.confidence for b in kept if b.confidence is not None]
    return TextLine(kept[0].x0, min(b.top for b in kept), max(b.x1 for b in kept), max(b.bottom for b in kept),
                    "".join(parts), min(confs) if confs else None, tuple(at), tuple(kept) if positions else ())


_X0 = operator.attrgetter("x0")
_TOP = operator.attrgetter("top")


def _axis(values: list[float], gap: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > gap:
            out.append(v)
    return out


def _nearest(axis: list[float], v: float) -> int:
    i = bisect.bisect_left(axis, v)
    if i == 0:
        return 0
    if i == len(axis):
        return len(axis) - 1
    return i if axis[i] - v < v - axis[i - 1] else i - 1


def _grid(boxes: list[tuple[float, float, float, float]], page: int | None) -> tuple[Table, list, list] | None:
    """Cells' boxes as a grid of the document model (text still empty): columns and rows where their
    borders lie. Returns the table and its column and row borders."""
    xs = _axis([v for b in boxes for v in (b[0], b[2])])
    ys = _axis([v for b in boxes for v in (b[1], b[3])])
    if (len(xs) - 1) * (len(ys) - 1) > MAX_TABLE_POSITIONS:
        return None
    cells = []
    area = 0
    for b in boxes:
        c0, c1, r0, r1 = _nearest(xs, b[0]), _nearest(xs, b[2]), _nearest(ys, b[1]), _nearest(ys, b[3])
        if c1 > c0 and r1 > r0:
            cells.append(Cell(r0, c0, "", r1 - r0, c1 - c0))
            area += (r1 - r0) * (c1 - c0)
    if area > 4 * MAX_TABLE_POSITIONS:  # overlapping cells, many deep
        return None
    if not cells:
        return None
    return Table(cells, len(ys) - 1, len(xs) - 1, page), xs, ys


def find_tables(boxes: Sequence[Word], edges: Iterable[Edge], settings: Settings | None = None) -> list[FoundTable]:
    """The ruled tables of a page: its edges merged, crossed, made cells and tables; each cell's text from
    the boxes whose centre lies in it (lines joined with a line break), its confidence the lowest of them."""
    s = settings or Settings()
    merged = merge_edges(edges, s.snap, s.join, s.min_length)
    if len(merged) > MAX_EDGES:
        return []
    points = intersections(merged, s.tolerance)
    if not points:
        return []
    out = []
    for group in tables_from_cells(cells_from_intersections(points)):
        made = _grid(group, s.page)
        if made is None:
            continue
        table, xs, ys = made
        bbox = (xs[0], ys[0], xs[-1], ys[-1])
        # cells may overlap (a cell found from a corner whose inner rules stop short): as in pdfplumber, a
        # box belongs to every cell holding its centre
        covering: dict[tuple[int, int], list[Cell]] = {}
        for cell in table.cells:
            cell.box = (xs[cell.col], ys[cell.row], xs[cell.col + cell.colspan], ys[cell.row + cell.rowspan])
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    covering.setdefault((r, c), []).append(cell)
        held: dict[int, tuple[Cell, list[Word]]] = {}
        for b in boxes:
            cx, cy = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
            if not (xs[0] <= cx < xs[-1] and ys[0] <= cy < ys[-1]):
                continue
            for cell in covering.get((bisect.bisect_right(ys, cy) - 1, bisect.bisect_right(xs, cx) - 1), ()):
                held.setdefault(id(cell), (cell, []))[1].append(b)
        for cell, bs in held.values():
            lines = group_lines(bs, s.x_tolerance, s.y_tolerance)
            confs = [ln.confidence for ln in lines if ln.confidence is not None]
            cell.text = "\n".join(ln.text for ln in lines)
            cell.confidence = min(confs) if confs else None
        out.append(FoundTable(bbox, table))
    return out


def layout_page(boxes: Sequence[Word], edges: Iterable[Edge], settings: Settings | None = None) -> PageLayout:
    """A page's tables (:func:`find_tables`) and its lines of text (:func:`group_lines`) whose centre lies
    outside every table."""
    s = settings or Settings()
    tables = find_tables(boxes, edges, s)
    lines = []
    for line in group_lines(boxes, s.x_tolerance, s.y_tolerance, positions=True):
        cy, cx = (line.top + line.bottom) / 2, (line.x0 + line.x1) / 2
        if any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in (t.bbox for t in tables)):
            continue
        lines.append(line)
    return PageLayout(tables, lines)
