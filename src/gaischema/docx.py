"""The report as a Word file in the official layout: the template an official writes the report in
(``gaischema template --format docx``), or an instance rendered (``gaischema render --format docx``).

Why Word: officials write and publish the annual report in Word or WPS, not in a workbook. The file is laid
out as the national format prints the report — the title, the six section headings, the three tables with
their merged headers (render.layout, from the schema's cell map) — so it can be published as it is. It also
carries the cell map: every official cell holds a bookmark named for its place (gaischema.cellmap.bookmarks),
the title and the section headings one each, so the file reads back exactly (gaischema extract / validate,
and the validator page), whatever the official typed and whichever suite saved it again (Word, WPS and
LibreOffice keep bookmarks; LibreOffice drops a content control's tag). The package is written here, by hand:
a few XML parts, no dependency.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from gaischema import cellmap
from gaischema.output import xml_text
from gaischema.model import Model, get
from gaischema.render import cell_text, grid, layout

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
WIDTH = 9026  # twips between the margins of an A4 page (2.54 cm margins)


def package(document_xml: str, parts: dict | None = None, types: dict | None = None,
            overrides: dict | None = None) -> bytes:
    """A minimal but complete .docx package (office suites open it) around a document.xml; ``parts``: more
    files by name (styles, a picture, its relationships), ``types``: content types by file extension for them,
    ``overrides``: content types by part name."""
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml",
                **(types or {})}
    over = {"/word/document.xml": f"{_MAIN}.document.main+xml", **(overrides or {})}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types">'
                   + "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
                   + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in over.items())
                   + "</Types>")
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        for name, data in (parts or {}).items():
            z.writestr(name, data)
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"
w:eastAsia="仿宋" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US"
w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>
</w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc
w:val="center"/><w:spacing w:after="240" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts
w:eastAsia="方正小标宋简体"/><w:b/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr>
<w:keepNext/><w:ind w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:pPr><w:ind
w:firstLine="640"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr>
<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz
w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
</w:styles>"""


class _Ids:
    def __init__(self):
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


def _run(text: str) -> str:
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:r><w:br/></w:r>")
        if line:
            out.append(f'<w:r><w:t xml:space="preserve">{escape(xml_text(line))}</w:t></w:r>')
    return "".join(out)


def _para(text: str, style: str = "BodyText", mark: str | None = None, ids: _Ids | None = None,
          align: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{f"<w:jc w:val={chr(34)}{align}{chr(34)}/>" if align else ""}</w:pPr>'
    if mark is None:
        return f"<w:p>{ppr}{_run(text)}</w:p>"
    i = ids()
    return (f'<w:p>{ppr}<w:bookmarkStart w:id="{i}" w:name="{mark}"/>{_run(text)}<w:bookmarkEnd w:id="{i}"/>'
            "</w:p>")


def _table(version: str, table: str, instance: dict | None, ids: _Ids) -> str:
    marks = cellmap.bookmark_of(version)
    full = grid(layout(version, table))
    ncols = max(len(r) for r in full)
    label_cols = 3 if table == "三" else 1
    label_w = 1500 if table == "三" else 1800
    if table == "四":
        label_w = WIDTH // ncols
    rest = (WIDTH - label_w * label_cols) // max(ncols - label_cols, 1) if table != "四" else WIDTH // ncols
    widths = [label_w if c < label_cols and table != "四" else rest for c in range(ncols)]
    border = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    rows = []
    col_of: dict[int, int] = {}  # id of a cell → its first column
    for r, line in enumerate(full):
        tcs = []
        c = 0
        for cell, starts in line:
            if id(cell) not in col_of:
                col_of[id(cell)] = c
            first_col = col_of[id(cell)] == c
            if first_col:
                width = sum(widths[c:c + cell.colspan])
                props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
                if cell.colspan > 1:
                    props += f'<w:gridSpan w:val="{cell.colspan}"/>'
                if cell.rowspan > 1:
                    props += '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
                props += '<w:vAlign w:val="center"/>'
                if cell.path and starts:
                    props += '<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>'
                if not starts:
                    body = '<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>'
                elif cell.path:
                    text = cell_text(get(instance, cell.path)) if instance else ""
                    body = _para(text, "TableText", marks[cell.path], ids)
                else:
                    body = _para(cell.text, "TableText", align="left" if cell.label else None)
                tcs.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
            c += 1
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(tcs)}</w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{WIDTH}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{border}'
            '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right '
            'w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>" + "".join(rows) + "</w:tbl>")


def _narrative(text) -> list[str]:
    lines = [ln.strip() for ln in text.split("\n")] if isinstance(text, str) else []
    return [ln for ln in lines if ln]


def build(instance: dict | None, version: str) -> bytes:
    """The Word file: the template of a format version (instance None) or an instance in it."""
    model = Model.load()
    ids = _Ids()
    if instance:
        title = f"{cell_text(instance.get('organ'))}{cell_text(instance.get('report_year'))}年政府信息公开工作年度报告"
    else:
        title = "（机关名称）（年度）年政府信息公开工作年度报告"
    body = [_para(title, "Title", cellmap.TITLE_BOOKMARK, ids)]

    def section(key: str, heading: str, text) -> None:
        body.append(_para(heading, "Heading1", cellmap.HEADING_BOOKMARKS[key], ids))
        lines = _narrative(text)
        body.extend(_para(ln) for ln in lines) if lines else body.append(_para(""))

    section("overview", model.title("overview"), instance.get("overview") if instance else None)
    for table, slot in model.table_slots(version).items():
        body.append(_para(slot["title"], "Heading1", cellmap.HEADING_BOOKMARKS[table], ids))
        body.append(_table(version, table, instance, ids))
        body.append(_para("", "TableText"))
    for key in ("problems_and_improvements", "other_matters"):
        section(key, model.title(key), instance.get(key) if instance else None)
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1440" w:bottom="1984" '
            'w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>'
                + "".join(body) + sect + "</w:body></w:document>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/styles" Target="styles.xml"/></Relationships>')
    return package(document, {"word/styles.xml": _STYLES, "word/_rels/document.xml.rels": rels},
                   overrides={"/word/styles.xml": f"{_MAIN}.styles+xml"})
