"""Plain text, CSV and HTML, decoded from their declared charset with safe fallbacks."""

from __future__ import annotations

import codecs
from html.parser import HTMLParser

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Limits, register
from dlp.model import Part


def decode(data: bytes, charset: str | None) -> str:
    """Decode bytes as the sender declared; an unknown or lying charset falls back to UTF-8, then Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _check_text(data: bytes, limits: Limits) -> None:
    if b"\x00" in data[:8192]:
        raise ExtractionError("binary data where text was expected")
    if len(data) > limits.max_text_chars * 4:
        raise ExtractionError("text over the size limit")


class PlainTextExtractor(Extractor):
    media_types = ("text/plain", "text/markdown", "text/x-log")
    extensions = (".txt", ".text", ".md", ".log")

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        _check_text(data, limits)
        return [Part(name=name, text=decode(data, charset), media_type="text/plain")]


class CsvExtractor(Extractor):
    media_types = ("text/csv", "application/csv", "text/comma-separated-values", "text/tab-separated-values")
    extensions = (".csv", ".tsv")

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        _check_text(data, limits)
        # Scanned as text: every field stays on its row, so a row's details stay together.
        return [Part(name=name, text=decode(data, charset), media_type="text/csv")]


class _TextOfHtml(HTMLParser):
    BLOCK = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "td", "th", "section"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


class HtmlExtractor(Extractor):
    media_types = ("text/html", "application/xhtml+xml")
    extensions = (".html", ".htm", ".xhtml")

    def sniff(self, data: bytes) -> bool:
        head = data[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html"))

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        _check_text(data, limits)
        return [Part(name=name, text=html_to_text(decode(data, charset)), media_type="text/html")]


register(HtmlExtractor())
register(CsvExtractor())
register(PlainTextExtractor())
