"""A PDF's document information (its own Title), for the metadata stage.

Why a module apart from :mod:`gaischema.extract.readers.pdf`: the Title is metadata, not text; it is read
from the document information dictionary only (PDFium's ``FPDF_GetMetaText``, no page is loaded), after the
reader has read the pages within its bounds.
"""

from __future__ import annotations

from gaischema.extract.readers.common import PDFIUM_LOCK


def pdf_title(data: bytes) -> str | None:
    """:func:`_pdf_title` under the PDFium lock (PDFium is not thread-safe)."""
    with PDFIUM_LOCK:
        return _pdf_title(data)


def _pdf_title(data: bytes) -> str | None:
    """The Title of the PDF's document information, or None (no Title, no PDF library, a damaged file)."""
    try:
        import pypdfium2
    except ImportError:
        return None
    try:
        doc = pypdfium2.PdfDocument(data)
        try:
            title = doc.get_metadata_dict(skip_empty=True).get("Title")
        finally:
            doc.close()
    except Exception:  # noqa: BLE001 - a damaged or encrypted file: the reader itself says what is wrong
        return None
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())[:500]
    return None
