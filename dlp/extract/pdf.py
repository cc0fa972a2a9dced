"""PDF: everything a reader can show. The text layer page by page (pypdf); pages without one rendered
(pypdfium2) and OCR'd; pictures on pages that do have text OCR'd too; annotations, form fields, document
properties, bookmarks and scripts; embedded files and file attachments, read as the files they are."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from typing import Any

from dlp.errors import Corrupt, ExtractionError
from dlp.extract.base import Extractor, Reading, extract_part, register, unreadable
from dlp.extract.ocr import MIN_SIDE, ocr_image
from dlp.model import Part

MIN_TEXT_CHARS = 25  # a page with less text than this is treated as a scan
# A text layer that is not words: glyph names with no character behind them ("/g17/g37/g38", a Type 3 font
# without ToUnicode, as print-stream converters write), control characters or private-use code points (a font
# whose ToUnicode map is missing). The page is read by OCR as well: what it shows is not in its text.
GLYPH_NAMES = re.compile(r"(?:/[A-Za-z][A-Za-z0-9._]*){4,}")
GARBLED_CHARS = 8
OCR_DPI = 300
ANNOTATION_KEYS = ("/Contents", "/T", "/Subj", "/RC", "/CA", "/TU", "/V")


class PdfExtractor(Extractor):
    label = "PDF"
    media_types = ("application/pdf", "application/x-pdf")
    extensions = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        # Readers accept the header anywhere in the first kilobyte; a ZIP or OLE file that merely holds a PDF
        # near its start is that container (its PDF is read as a member), never taken for the PDF.
        if data.startswith(b"%PDF-"):
            return True
        return b"%PDF-" in data[:1024] and not data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))

    def extent(self, data: bytes) -> tuple[int, int]:
        start = max(data.find(b"%PDF-"), 0)
        end = data.rfind(b"%%EOF")
        return start, (end + 5 if end != -1 else len(data))

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ExtractionError("encrypted PDF (password-protected)")
            pages = list(reader.pages)
        except PdfReadError as exc:
            raise Corrupt(f"corrupt PDF ({exc.__class__.__name__})") from None
        with _Renderer(data) as renderer:
            count = max(len(pages), renderer.count)
            reading.budget.take("pages", count)
            parts: list[Part] = []
            for index in range(count):
                parts += _page(pages[index] if index < len(pages) else None, index, renderer, name, reading)
        if not count:
            parts.append(unreadable(name, self.media_types[0], "PDF has no pages"))
        return parts + _document(reader, name, reading)


def _page(page: Any, index: int, renderer: _Renderer, name: str, reading: Reading) -> list[Part]:
    label = f"{name}, page {index + 1}"
    try:
        text = (page.extract_text() or "") if page is not None else renderer.text(index)
    except Exception as exc:  # a broken content stream on one page fails that page only
        return [Part(label, "", "application/pdf", f"page unreadable ({exc.__class__.__name__})")]
    parts = []
    try:
        if len(text.strip()) < MIN_TEXT_CHARS or _garbled(text):
            # A scan: the whole page is read by OCR. A page with nothing on it costs nothing.
            if renderer.has_objects(index):
                text = (text + "\n" + ocr_image(renderer.render(index, reading), reading)).strip()
            parts.append(Part(label, text, "application/pdf"))
        else:
            parts.append(Part(label, text, "application/pdf"))
            pictures = [t for t in renderer.picture_texts(index, reading) if t.strip()]
            if pictures:
                parts.append(Part(f"{label}, pictures", "\n".join(pictures), "application/pdf"))
    except ExtractionError as exc:
        parts = [Part(label, text, "application/pdf"), Part(f"{label}, pictures", "", "application/pdf", str(exc))]
        if len(text.strip()) < MIN_TEXT_CHARS:
            parts = [Part(label, "", "application/pdf", str(exc))]
    if page is not None:
        parts += _annotations(page, label, reading)
    return parts


def _garbled(text: str) -> bool:
    odd = sum(1 for ch in text if (ch < " " and ch not in "\n\r\t") or ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff")
    return odd >= GARBLED_CHARS or GLYPH_NAMES.search(text) is not None


def _annotations(page: Any, label: str, reading: Reading) -> list[Part]:
    words: list[str] = []
    files: list[Part] = []
    for annotation in _resolve(page.get("/Annots")) or []:
        annotation = _resolve(annotation)
        if not hasattr(annotation, "get"):
            continue
        words += [str(_resolve(annotation.get(key))) for key in ANNOTATION_KEYS if annotation.get(key) is not None]
        action = _resolve(annotation.get("/A"))
        if hasattr(action, "get") and action.get("/URI") is not None:
            words.append(_unquote(str(_resolve(action.get("/URI")))))
        spec = _resolve(annotation.get("/FS"))
        if hasattr(spec, "get"):
            files += _file_spec(spec, f"{label}, attached file {len(files) + 1}", reading)
    text = "\n".join(w for w in words if w.strip())
    return ([Part(f"{label}, annotations", text, "application/pdf")] if text else []) + files


def _document(reader: Any, name: str, reading: Reading) -> list[Part]:
    """What belongs to the document rather than a page: properties, bookmarks, form fields, scripts, files."""
    words: list[str] = []
    metadata = reader.metadata or {}
    words += [str(value) for value in metadata.values() if value]
    xmp = reader.root_object.get("/Metadata")
    if xmp is not None:
        from dlp.extract.package import xml_text

        try:
            words.append(xml_text(_resolve(xmp).get_data()))
        except Exception:  # unreadable XMP leaves the rest of the document readable
            words.append("")
    words += list(_outline_titles(reader.outline))
    for field in (reader.get_fields() or {}).values():
        words += [str(field.get(key)) for key in ("/V", "/TU", "/DV") if field.get(key) is not None]
    xfa = reader.xfa
    if xfa:
        from dlp.extract.package import xml_text

        words += [xml_text(packet) for packet in xfa.values() if isinstance(packet, bytes) and packet.strip()]
    words += list(_scripts(reader))
    parts: list[Part] = []
    text = "\n".join(w for w in words if w and w.strip())
    if text:
        parts.append(Part(f"{name}, properties, bookmarks and form fields", text, "application/pdf"))
    if reader.attachments:
        reading.check_depth()
    for filename, contents in reader.attachments.items():
        for content in contents:
            parts += extract_part(
                content,
                f"{name}, embedded file {len(parts) + 1}",
                filename=filename,
                reading=reading.inside(),
                typed=True,
            )
    return parts


def _file_spec(spec: Any, label: str, reading: Reading) -> list[Part]:
    embedded = _resolve(spec.get("/EF"))
    stream = None
    if hasattr(embedded, "get"):
        stream = _resolve(embedded.get("/F") or embedded.get("/UF"))
    filename = str(_resolve(spec.get("/UF") or spec.get("/F") or "")) or None
    if stream is None or not hasattr(stream, "get_data"):
        return [Part(f"{label}, file name", filename, "text/x-file-name")] if filename else []
    reading.check_depth()
    return extract_part(stream.get_data(), label, filename=filename, reading=reading.inside(), typed=True)


def _outline_titles(outline: Any) -> Iterator[str]:
    for entry in outline or []:
        if isinstance(entry, list):
            yield from _outline_titles(entry)
        elif hasattr(entry, "title") and entry.title:
            yield str(entry.title)


def _scripts(reader: Any) -> Iterator[str]:
    names = _resolve(reader.root_object.get("/Names"))
    scripts: Any = _resolve(names.get("/JavaScript")) if hasattr(names, "get") else None
    entries: Any = _resolve(scripts.get("/Names")) if hasattr(scripts, "get") else None
    for item in (entries or [])[1::2]:
        action = _resolve(item)
        script = _resolve(action.get("/JS")) if hasattr(action, "get") else None
        if script is not None:
            yield script.get_data().decode("latin-1") if hasattr(script, "get_data") else str(script)


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _unquote(value: str) -> str:
    from urllib.parse import unquote

    return unquote(value)


class _Renderer:
    """pypdfium2 over the same bytes, opened once: page rendering for OCR, picture objects, blank checks."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        try:
            self.document: Any = pypdfium2.PdfDocument(data)
            self.count = len(self.document)
        except pypdfium2.PdfiumError:  # pypdf read it; pages pdfium cannot open are read by pypdf alone
            self.document, self.count = None, 0

    def __enter__(self) -> _Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.document is not None:
            self.document.close()

    def text(self, index: int) -> str:
        if self.document is None:
            return ""
        page = self.document[index]
        try:
            return str(page.get_textpage().get_text_range())
        finally:
            page.close()

    def has_objects(self, index: int) -> bool:
        if self.document is None or index >= self.count:
            return False
        page = self.document[index]
        try:
            return next(iter(page.get_objects(max_depth=1)), None) is not None
        finally:
            page.close()

    def render(self, index: int, reading: Reading) -> Any:
        if self.document is None or index >= self.count:
            raise ExtractionError("page cannot be rendered for OCR")
        page = self.document[index]
        try:
            width, height = page.get_size()
            # 300 dpi, or less for a page so large that it would go over the pixel limit.
            scale = min(OCR_DPI / 72, math.sqrt(reading.limits.max_image_pixels / max(width * height, 1)))
            return page.render(scale=scale).to_pil()
        finally:
            page.close()

    def picture_texts(self, index: int, reading: Reading) -> list[str]:
        """OCR of every picture on a page that also has a text layer: a scanned form pasted into a letter."""
        import pypdfium2.raw as pdfium_c

        if self.document is None or index >= self.count:
            return []
        page = self.document[index]
        texts = []
        try:
            for picture in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
                width, height = picture.get_px_size()
                if min(width, height) < MIN_SIDE:
                    continue
                if width * height > reading.limits.max_image_pixels:
                    raise ExtractionError(f"picture over the limit of {reading.limits.max_image_pixels} pixels")
                try:
                    image = picture.get_bitmap(render=False).to_pil()
                except Exception:  # a format pdfium only renders in place: render it with its page's matrix
                    image = picture.get_bitmap(render=True).to_pil()
                texts.append(ocr_image(image, reading, what="picture"))
        finally:
            page.close()
        return texts


register(PdfExtractor())
