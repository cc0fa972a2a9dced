"""The extractor registry: each format is a small class registered by media type and file signature.

An attachment is dispatched by what its bytes are (signature) before what it claims to be (declared media
type), and only then by its file name. A part no extractor can read becomes an unreadable Part, which the
policy reports as unscannable_content: nothing is ever passed unread.
"""

from __future__ import annotations

import mimetypes
from abc import ABC, abstractmethod

from dlp.config import LimitsConfig as Limits
from dlp.errors import ExtractionError
from dlp.model import Part


class Extractor(ABC):
    """Turns the bytes of one file or MIME part into readable Parts."""

    media_types: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    # A container format others are built on (a DOCX is a ZIP): sniffed only after every specific format.
    generic: bool = False

    def sniff(self, data: bytes) -> bool:
        """True if the bytes are certainly this format (a magic number); False if unsure."""
        return False

    @abstractmethod
    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        """Readable parts; raise ExtractionError with a PII-free reason when the data cannot be read.

        `depth` counts the archives this data sits inside, for the archive depth limit."""


_EXTRACTORS: list[Extractor] = []


def register(extractor: Extractor) -> Extractor:
    _EXTRACTORS.append(extractor)
    _EXTRACTORS.sort(key=lambda e: e.generic)  # stable: registration order within each group
    return extractor


def find_extractor(data: bytes, media_type: str | None, filename: str | None) -> Extractor | None:
    for extractor in _EXTRACTORS:
        if extractor.sniff(data):
            return extractor
    if media_type and media_type != "application/octet-stream":
        for extractor in _EXTRACTORS:
            if media_type in extractor.media_types:
                return extractor
    if filename:
        lower = filename.lower()
        for extractor in _EXTRACTORS:
            if lower.endswith(extractor.extensions):
                return extractor
        guessed = mimetypes.guess_type(lower)[0]
        if guessed:
            for extractor in _EXTRACTORS:
                if guessed in extractor.media_types:
                    return extractor
    return None


def extract_part(
    data: bytes,
    name: str,
    media_type: str | None = None,
    filename: str | None = None,
    limits: Limits | None = None,
    charset: str | None = None,
    depth: int = 0,
) -> list[Part]:
    """Readable parts of one piece of data, or a single unreadable Part saying why."""
    limits = limits or Limits()
    if len(data) > limits.max_part_bytes:
        return [unreadable(name, media_type, f"over the size limit of {limits.max_part_bytes} bytes")]
    extractor = find_extractor(data, media_type, filename)
    if extractor is None:
        return [unreadable(name, media_type, f"no extractor for {media_type or 'this file type'}")]
    try:
        parts = extractor.extract(data, name, limits, charset, depth)
    except ExtractionError as exc:
        return [unreadable(name, media_type, str(exc))]
    except Exception as exc:  # a corrupt file must fail closed, never crash the scan
        return [unreadable(name, media_type, f"corrupt or unreadable ({exc.__class__.__name__})")]
    return [
        unreadable(p.name, p.media_type, f"text over the limit of {limits.max_text_chars} characters")
        if len(p.text) > limits.max_text_chars
        else p
        for p in parts
    ]


def unreadable(name: str, media_type: str | None, reason: str) -> Part:
    return Part(name=name, text="", media_type=media_type or "application/octet-stream", error=reason)
