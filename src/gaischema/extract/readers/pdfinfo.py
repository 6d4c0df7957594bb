"""A PDF's document information (its own Title), for the metadata stage.

Why a module apart from :mod:`gaischema.extract.readers.pdf`: the Title is metadata, not text, and it is read
with the cheapest call PDFium offers (opening a document parses its trailer and cross-reference table only;
the Info dictionary is read on request, no page is loaded). It is asked only after the reader has read the
file, so the reader's bounds have been checked before.
"""

from __future__ import annotations


def pdf_title(data: bytes) -> str | None:
    """The Title of the PDF's document information, or None (no Title, no PDF library, a damaged file)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return None
    try:
        doc = pdfium.PdfDocument(data)
        try:
            title = doc.get_metadata_value("Title")
        finally:
            doc.close()
    except Exception:  # noqa: BLE001 - a damaged or encrypted file: the reader itself says what is wrong
        return None
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())[:500]
    return None
