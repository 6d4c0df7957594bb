"""A PDF's document information (its own Title), for the metadata stage.

Why a module apart from :mod:`gaischema.extract.readers.pdf`: the Title is metadata, not text, and it is read
with the cheapest call the installed PDF library offers (pdfminer parses the trailer and the Info dictionary
only, no page). Hook: when the PDF reader moves to pypdfium2, this becomes
``pypdfium2.PdfDocument(data).get_metadata_dict().get("Title")`` (and the reader can hand the Title over
itself, as ``Document.meta["pdf_title"]``).
"""

from __future__ import annotations

import io


def pdf_title(data: bytes) -> str | None:
    """The Title of the PDF's document information, or None (no Title, no PDF library, a damaged file)."""
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1
        from pdfminer.utils import decode_text
    except ImportError:
        return None
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        for info in doc.info:
            title = resolve1(info.get("Title"))
            if isinstance(title, bytes):
                title = decode_text(title)
            if isinstance(title, str) and title.strip():
                return " ".join(title.split())[:500]
    except Exception:  # noqa: BLE001 - a damaged or encrypted file: the reader itself says what is wrong
        return None
    return None
