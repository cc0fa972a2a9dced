"""The extractor registry: each format is a small class registered by media type and file signature.

An attachment is dispatched by what its bytes are (signature) before what it claims to be (declared media
type), and only then by its file name. Read it or say it was not read: a part no extractor can read becomes an
unreadable Part, which the policy reports as unscannable_content, and a format that read nothing says so.

Part names are PII-free by construction: they are built from positions and formats ("attachment 2 (PDF),
page 1"), never from file names or content; file names are handed back as content parts of their own.
"""

from __future__ import annotations

import logging
import mimetypes
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from typing import ClassVar

from dlp.config import LimitsConfig as Limits
from dlp.errors import ExtractionError, OverBudget
from dlp.extract.charset import narrowed
from dlp.model import Part

log = logging.getLogger("dlp.extract")

# Parsing libraries report what they repair by quoting the file's bytes (a PDF's objects, a message's
# fields): none of it may reach a log. Their loggers are kept quiet; a failure reaches the user as a reason.
for _library in ("pypdf", "olefile", "extract_msg", "rtfobj", "oleobj", "ftguess", "docx2python", "openpyxl"):
    logging.getLogger(_library).addHandler(logging.NullHandler())
    logging.getLogger(_library).propagate = False


@dataclass
class Budget:
    """What one item may cost, shared by every part and every nested file of it: no item reads unbounded."""

    limits: Limits
    spent: dict[str, int] = field(default_factory=dict)
    over: bool = False  # reported once: an item of 100,000 parts past its budget is one unreadable part, not more
    ocr_done: dict[str, str] = field(default_factory=dict)  # image digest -> its text: a repeated logo is OCR'd once

    CAPS: ClassVar[dict[str, tuple[str, str]]] = {
        # what: ([limits] key, words for the reason)
        "ocr": ("max_ocr_images", "images or pages to OCR"),
        "pages": ("max_pdf_pages", "pages"),
        "cells": ("max_spreadsheet_cells", "spreadsheet cells"),
        "parts": ("max_item_parts", "parts and embedded files"),
        "bytes": ("max_item_expanded_bytes", "bytes of expanded content"),
        "chars": ("max_item_text_chars", "characters of text"),
    }

    def take(self, what: str, amount: int = 1) -> None:
        key, words = self.CAPS[what]
        cap = int(getattr(self.limits, key))
        spent = self.spent.get(what, 0) + amount
        self.spent[what] = spent
        if spent > cap:
            raise OverBudget(f"item holds more than {cap} {words} ([limits] {key})")


@dataclass(frozen=True)
class Reading:
    """How one piece of data is being read: the limits, the item's shared budget, and where it sits."""

    limits: Limits
    budget: Budget
    depth: int = 0  # containers (archives, documents, messages) this data sits inside
    charset: str | None = None

    @classmethod
    def of(cls, limits: Limits | None = None) -> Reading:
        limits = limits or Limits()
        return cls(limits, Budget(limits))

    def inside(self) -> Reading:
        """The reading of a file found inside this one."""
        return replace(self, depth=self.depth + 1, charset=None)

    def check_depth(self) -> None:
        if self.depth >= self.limits.max_archive_depth:
            raise ExtractionError(f"files nested deeper than {self.limits.max_archive_depth}")


class Extractor(ABC):
    """Turns the bytes of one file or MIME part into readable Parts."""

    label: ClassVar[str] = "file"  # the format in PII-free part names: "attachment 2 (PDF)"
    media_types: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    # A container format others are built on (a DOCX is a ZIP): sniffed only after every specific format.
    generic: bool = False

    def sniff(self, data: bytes) -> bool:
        """True if the bytes are certainly this format (a magic number); False if unsure."""
        return False

    @abstractmethod
    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        """Readable parts; raise ExtractionError with a PII-free reason when the data cannot be read."""

    def extent(self, data: bytes) -> tuple[int, int]:
        """The bytes this format reads; anything outside is searched for hidden files (polyglots)."""
        return 0, len(data)


_EXTRACTORS: list[Extractor] = []


def register(extractor: Extractor) -> Extractor:
    _EXTRACTORS.append(extractor)
    _EXTRACTORS.sort(key=lambda e: e.generic)  # stable: registration order within each group
    return extractor


def sniff(data: bytes) -> Extractor | None:
    for extractor in _EXTRACTORS:
        if extractor.sniff(data):
            return extractor
    return None


def find_extractor(data: bytes, media_type: str | None, filename: str | None) -> Extractor | None:
    found = sniff(data)
    if found:
        return found
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
    if media_type and (media_type.startswith("text/") or media_type in TEXT_LIKE):
        # Any other text (text/rfc822-headers in a delivery report, text/enriched, XML, JSON) is read as text.
        return next((e for e in _EXTRACTORS if e.label == "text"), None)
    if filename is not None and "." not in filename and _is_text(data):
        # A file named without any extension (a pipe given as `dlp scan <(...)`, /dev/stdin, "LETTER") whose bytes
        # are text is read as text; other bytes stay unreadable.
        return next((e for e in _EXTRACTORS if e.label == "text"), None)
    return None


def _is_text(data: bytes) -> bool:
    """UTF-8 text without control characters other than tabs, line and page breaks (its first 64 KiB)."""
    head = narrowed(data[:65536])
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not merely a character cut in two at the end of the head
            return False
        text = head[: exc.start].decode("utf-8")
    return bool(text.strip()) and not any(ord(c) < 32 and c not in "\t\n\r\f" for c in text)


TEXT_LIKE = frozenset({"application/xml", "application/json", "message/delivery-status"})


def extract_part(
    data: bytes,
    name: str,
    media_type: str | None = None,
    filename: str | None = None,
    limits: Limits | None = None,
    charset: str | None = None,
    reading: Reading | None = None,
    typed: bool = False,
) -> list[Part]:
    """Readable parts of one piece of data, or a single unreadable Part saying why.

    `name` must be PII-free; with `typed` the format found is added to it ("attachment 2" becomes
    "attachment 2 (PDF)"). A file name is never put in a part name: it is content, returned as its own part."""
    from dlp.extract.polyglot import hidden_files  # the signature scan reads nested files through here

    reading = reading or Reading.of(limits)
    if charset:
        reading = replace(reading, charset=charset)
    limits = reading.limits
    out: list[Part] = []
    if filename:
        out.append(Part(f"{name}, file name", filename, "text/x-file-name"))
    extractor = find_extractor(data, media_type, filename)
    if typed:
        name = f"{name} ({extractor.label if extractor else 'unknown type'})"
    try:
        reading.budget.take("parts")
        reading.budget.take("bytes", len(data))
    except OverBudget as exc:
        if reading.budget.over:
            return []
        reading.budget.over = True
        return out + [unreadable(name, media_type, str(exc))]
    if len(data) > limits.max_part_bytes:
        return out + [unreadable(name, media_type, f"over the size limit of {limits.max_part_bytes} bytes")]
    if extractor is None:
        return out + [unreadable(name, media_type, f"no extractor for {_kind(media_type)}")]
    try:
        parts = extractor.extract(data, name, reading)
        if not parts:
            raise ExtractionError(f"nothing could be read from the {extractor.label}")
        for part in parts:
            if len(part.text) > limits.max_text_chars:
                raise ExtractionError(f"text over the limit of {limits.max_text_chars} characters")
            reading.budget.take("chars", len(part.text))
    except ExtractionError as exc:
        parts = [unreadable(name, extractor.media_types[0] if extractor.media_types else media_type, str(exc))]
    except RecursionError:
        parts = [unreadable(name, media_type, "structure nested too deeply to read")]
    except MemoryError:
        parts = [unreadable(name, media_type, "too large to read in memory")]
    except Exception as exc:  # a corrupt file must fail closed, never crash the scan
        # The class and place only: a library's message may quote the content.
        log.info("extractor %s failed: %s", extractor.label, exc.__class__.__name__)
        parts = [unreadable(name, media_type, f"corrupt or unreadable ({exc.__class__.__name__})")]
    return out + parts + hidden_files(data, name, extractor, reading)


def _kind(media_type: str | None) -> str:
    # Only a well-formed media type is repeated in a reason: a hostile header could carry anything.
    if media_type and len(media_type) < 80 and all(c.isalnum() or c in "/.+-" for c in media_type):
        return media_type
    return "this file type"


def unreadable(name: str, media_type: str | None, reason: str) -> Part:
    return Part(name=name, text="", media_type=media_type or "application/octet-stream", error=reason)
