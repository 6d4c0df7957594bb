"""RTF (what Word writes for "Rich Text", and what many ``.doc`` files on government sites really are): its
text as paragraphs, its tables (``\\trowd … \\cell … \\row``) as Tables with their merged cells.

Why a reader of its own: an RTF file is text with control words, so reading it as plain text gives the
control words, and a converter to plain text loses the table rows and cells the matcher needs. One pass over
the tokens (linear; groups at most ``MAX_DEPTH`` deep, tables at most ``MAX_TABLE_CELLS`` positions):
destinations that hold no body text (font and colour tables, styles, pictures, headers and footers, ``{\\*…}``)
are skipped; ``\\'hh`` bytes are decoded in the code page the document declares (``\\ansicpg936`` is GBK), and
``\\uN`` characters with their ``\\ucN`` fallback skipped.
"""

from __future__ import annotations

import codecs
import re

from gaischema.extract.document import Block, Cell, Paragraph, Table
from gaischema.extract.readers.common import MAX_DEPTH, MAX_TABLE_CELLS, not_report, too_large

_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.S)
_SKIP = frozenset("fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer footerl "
                  "footerr footerf listtable listoverridetable rsidtbl xmlnstbl themedata colorschememapping "
                  "datastore latentstyles generator mmathPr fldinst filetbl revtbl pgdsctbl userprops "
                  "footnote annotation bkmkstart bkmkend".split())


def read_rtf(text: str) -> list[Block]:
    """An RTF document as paragraphs and tables in reading order."""
    if not text.lstrip().startswith("{\\rtf"):
        raise not_report("不是 RTF 文件", "not an RTF file")
    blocks: list[Block] = []
    stack: list[tuple[bool, int]] = []  # (skipping, uc) of the enclosing groups
    skipping, uc = False, 1
    encoding = "cp1252"
    pending = bytearray()  # \'hh bytes of one character run, decoded together (GBK characters are two)
    para: list[str] = []
    row: list[tuple[str, str]] = []  # (text, merge flag) of the row's cells so far
    flags: list[str] = []  # merge flags of the row's cell definitions (\clvmgf, \clvmrg, \clmgf, \clmrg)
    rows: list[list[tuple[str, str]]] = []
    in_table = False
    to_skip = 0  # fallback characters of a \uN still to skip
    count = 0
    new_group = False

    def flush_bytes():
        if pending:
            para.append(pending.decode(encoding, errors="replace"))
            pending.clear()

    def put(s: str):
        nonlocal to_skip
        if to_skip:
            n = min(to_skip, len(s))
            to_skip -= n
            s = s[n:]
        if s:
            flush_bytes()
            para.append(s)

    def end_paragraph():
        flush_bytes()
        s = "".join(para).strip()
        para.clear()
        if not in_table:
            if rows:
                end_table()  # a paragraph after a table's last row: the table ended
            if s:
                blocks.append(Paragraph(s))
        elif s:
            para.append(s + "\n")  # a paragraph inside a cell: the cell goes on

    def end_table():
        nonlocal count
        if rows:
            blocks.append(_table(rows))
            rows.clear()
        count = 0

    for m in _TOKEN.finditer(text):
        word, arg, hexbyte, symbol, brace, chunk = m.groups()
        if brace == "{":
            if len(stack) >= MAX_DEPTH:
                raise too_large("RTF 嵌套过深", "RTF groups nested too deep")
            stack.append((skipping, uc))
            new_group = True
            continue
        if brace == "}":
            flush_bytes()
            skipping, uc = stack.pop() if stack else (skipping, uc)
            new_group = False
            continue
        first, new_group = new_group, False
        if symbol == "*" and first:
            skipping = True
            continue
        if skipping:
            continue
        if word is not None:
            if word in _SKIP:
                skipping = True
                continue
            if word == "ansicpg" and arg:
                try:
                    encoding = codecs.lookup(f"cp{arg}").name
                except LookupError:
                    pass
            elif word == "uc" and arg:
                uc = max(0, min(int(arg), 10))
            elif word == "u" and arg:
                flush_bytes()
                code = int(arg)
                para.append(chr(code + 65536 if code < 0 else code) if -65536 < code < 0x110000 else "")
                to_skip = uc
            elif word in ("par", "line", "sect", "page"):
                end_paragraph()
            elif word == "tab":
                put(" ")
            elif word == "trowd":
                in_table = True
                flags.clear()
            elif word in ("clvmgf", "clvmrg", "clmgf", "clmrg"):
                flags.append(word)
            elif word == "cellx":
                flags.append("cellx")
            elif word == "cell":
                flush_bytes()
                defs = _cell_flags(flags)
                row.append(("".join(para).strip(), defs[len(row)] if len(row) < len(defs) else ""))
                para.clear()
                count += 1
                if count > MAX_TABLE_CELLS:
                    raise too_large("表格过大", "a table is too large")
            elif word == "row":
                rows.append(list(row))
                row.clear()
                para.clear()
                in_table = False
            elif word == "intbl":
                in_table = True
            continue
        if hexbyte is not None:
            if to_skip:
                to_skip -= 1
                continue
            pending.append(int(hexbyte, 16))
            continue
        if symbol is not None:
            if symbol in "\\{}":
                put(symbol)
            elif symbol == "~":
                put("\u00a0")
            elif symbol in "\r\n":
                end_paragraph()
            continue
        if chunk is not None:
            put(chunk)
    end_paragraph()
    if row:
        rows.append(list(row))
    end_table()
    return blocks


def _cell_flags(flags: list[str]) -> list[str]:
    """The merge flag of each cell definition of a row (the flags before each \\cellx)."""
    out, current = [], ""
    for f in flags:
        if f == "cellx":
            out.append(current)
            current = ""
        else:
            current = f
    return out


def _table(rows: list[list[tuple[str, str]]]) -> Table:
    """Rows of (text, merge flag) as a Table, each cell placed where it stands (one pass): a cell merged into
    the one above (\\clvmrg) or before it (\\clmrg) widens that cell instead of standing on its own."""
    cells: list[Cell] = []
    origin_above: dict[int, Cell] = {}  # column -> the cell a vertical merge there continues
    ncols = 0
    for r, row in enumerate(rows):
        col = 0
        last: Cell | None = None
        for text, flag in row:
            if flag == "clvmrg" and col in origin_above:
                above = origin_above[col]
                above.rowspan = r - above.row + 1
                col += above.colspan
                continue
            if flag == "clmrg" and last is not None:
                last.colspan += 1
                col += 1
                continue
            last = Cell(r, col, text)
            cells.append(last)
            if flag == "clvmgf":
                origin_above[col] = last
            else:
                origin_above.pop(col, None)
            col += 1
        ncols = max(ncols, col)
    if ncols * len(rows) > MAX_TABLE_CELLS:
        raise too_large("表格过大", "a table is too large")
    return Table(cells, len(rows), ncols)
