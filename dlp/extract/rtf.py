"""RTF letters (striprtf)."""

from __future__ import annotations

from dlp.extract.base import Extractor, Limits, register
from dlp.extract.text import decode
from dlp.model import Part


class RtfExtractor(Extractor):
    media_types = ("application/rtf", "text/rtf")
    extensions = (".rtf",)

    def sniff(self, data: bytes) -> bool:
        return data.lstrip()[:5] == b"{\\rtf"

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        from striprtf.striprtf import rtf_to_text

        return [Part(name, rtf_to_text(decode(data, charset or "cp1252"), errors="ignore"), "application/rtf")]


register(RtfExtractor())
