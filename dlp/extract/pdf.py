"""PDF: the text layer page by page (pypdf); pages without one are rendered (pypdfium2) and OCR'd."""

from __future__ import annotations

import io
from typing import Any

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Limits, register
from dlp.extract.ocr import ocr_image
from dlp.model import Part

MIN_TEXT_CHARS = 25  # a page with less text than this is treated as a scan
OCR_SCALE = 300 / 72  # render at 300 dpi


class PdfExtractor(Extractor):
    media_types = ("application/pdf", "application/x-pdf")
    extensions = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        return b"%PDF-" in data[:1024]

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ExtractionError("encrypted PDF (password-protected)")
            pages = reader.pages
            count = len(pages)
        except PdfReadError as exc:
            raise ExtractionError(f"corrupt PDF ({exc.__class__.__name__})") from None
        if count > limits.max_pdf_pages:
            raise ExtractionError(f"PDF has {count} pages, over the limit of {limits.max_pdf_pages}")
        parts = []
        for number, page in enumerate(pages, 1):
            label = f"{name}, page {number}"
            try:
                text = page.extract_text() or ""
            except Exception as exc:  # a broken content stream on one page fails that page only
                parts.append(Part(label, "", "application/pdf", f"page unreadable ({exc.__class__.__name__})"))
                continue
            if len(text.strip()) < MIN_TEXT_CHARS:
                try:
                    text = (text + "\n" + ocr_image(_render(data, number - 1), limits)).strip()
                except ExtractionError as exc:
                    parts.append(Part(label, "", "application/pdf", str(exc)))
                    continue
            parts.append(Part(label, text, "application/pdf"))
        return parts


def _render(data: bytes, index: int) -> Any:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return document[index].render(scale=OCR_SCALE).to_pil()
    finally:
        document.close()


register(PdfExtractor())
