"""Office Open XML and OpenDocument: DOCX (docx2python), XLSX (openpyxl), ODT. Recognised by their ZIP members."""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Limits, register
from dlp.model import Part

ZIP_MAGIC = b"PK\x03\x04"


def _members(data: bytes) -> set[str]:
    if not data.startswith(ZIP_MAGIC):
        return set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return set()


def _check_ratio(data: bytes, limits: Limits) -> None:
    """An Office file is a ZIP too: the same bomb limits apply before any library expands it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if (
                info.compress_size
                and info.file_size / info.compress_size > limits.max_archive_ratio
                and (info.file_size > 1024 * 1024)
            ):
                raise ExtractionError("document expands far beyond its size (archive bomb)")
        if total > limits.max_archive_total_bytes:
            raise ExtractionError("document expands beyond the archive size limit")


class DocxExtractor(Extractor):
    media_types = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)
    extensions = (".docx", ".docm", ".dotx")

    def sniff(self, data: bytes) -> bool:
        return "word/document.xml" in _members(data)

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        from docx2python import docx2python

        _check_ratio(data, limits)
        # docx2python reads the body with its tables and text boxes, headers, footers, footnotes and endnotes.
        with docx2python(io.BytesIO(data)) as content:
            text = content.text
        return [Part(name, _clean(text), self.media_types[0])]


class XlsxExtractor(Extractor):
    media_types = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",)
    extensions = (".xlsx", ".xlsm")

    def sniff(self, data: bytes) -> bool:
        return "xl/workbook.xml" in _members(data)

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        from openpyxl import load_workbook

        _check_ratio(data, limits)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        parts = []
        try:
            for sheet in book.worksheets:
                rows = (
                    ",".join("" if cell is None else str(cell) for cell in row)
                    for row in sheet.iter_rows(values_only=True)
                )
                parts.append(Part(f"{name}, sheet {sheet.title}", "\n".join(rows), self.media_types[0]))
        finally:
            book.close()
        return parts


class OdtExtractor(Extractor):
    media_types = ("application/vnd.oasis.opendocument.text",)
    extensions = (".odt",)

    def sniff(self, data: bytes) -> bool:
        return data.startswith(ZIP_MAGIC) and b"application/vnd.oasis.opendocument.text" in data[:200]

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        _check_ratio(data, limits)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("content.xml").decode("utf-8", errors="replace")
        xml = re.sub(r"</text:(?:p|h)>|<text:line-break/>|<text:tab/>", "\n", xml)
        return [Part(name, unescape(re.sub(r"<[^>]+>", "", xml)), self.media_types[0])]


def _clean(text: str) -> str:
    # docx2python marks footnote references and images with placeholders; they are not content.
    return re.sub(r"----(?:media/[^-]+|footnote\d+|endnote\d+)----", " ", text)


register(DocxExtractor())
register(XlsxExtractor())
register(OdtExtractor())
