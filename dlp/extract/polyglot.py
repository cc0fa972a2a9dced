"""Polyglots: one file that is also another. A signature scan finds files a reader of another format would open.

Each format reports the bytes it reads (`Extractor.extent`); the rest (a prefix, or data appended after the
end) is searched for file signatures. A ZIP is found by its end record, as ZIP readers find it, wherever its
first bytes are. A hidden file is read like any nested file; a signature that opens nothing is not a file.
"""

from __future__ import annotations

from dlp.extract.base import Extractor, Reading, extract_part, sniff
from dlp.model import Part

ZIP_END = b"PK\x05\x06"
# Signatures that open a file wherever a reader finds them in another (readers of these scan for them).
SIGNATURES = (b"%PDF-", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04")
MAX_HIDDEN = 8  # hidden files looked at per file: each is a nested read with its own budget
CONTAINERS = frozenset({"ZIP", "DOCX", "XLSX", "ODT", "PPTX"})


def hidden_files(data: bytes, name: str, primary: Extractor | None, reading: Reading) -> list[Part]:
    if primary is None or len(data) < 32 or reading.depth >= reading.limits.max_archive_depth:
        return []
    try:
        start, end = primary.extent(data)
    except Exception:  # an extent that cannot be worked out: the whole file was the primary's
        start, end = 0, len(data)
    found: list[tuple[int, bytes]] = []
    if primary.label not in CONTAINERS:
        tail = data.rfind(ZIP_END, max(0, len(data) - 65_557))
        if tail != -1:
            found.append((0, data))  # a ZIP reader opens it from its end record
    for offset in _offsets(data, start, end):
        found.append((offset, data[offset:]))
    parts: list[Part] = []
    for number, (offset, payload) in enumerate(found[:MAX_HIDDEN], 1):
        extractor = sniff(payload)
        if extractor is None or (extractor is primary and offset == 0):
            continue
        read = extract_part(payload, f"{name}, hidden file {number}", reading=reading.inside(), typed=True)
        if all(p.error and p.error.startswith("corrupt") for p in read):
            continue  # the signature opened nothing: not a hidden file
        parts += read
    return parts


def _offsets(data: bytes, start: int, end: int) -> list[int]:
    """Where a signature starts outside the primary format's own bytes."""
    out = []
    for signature in SIGNATURES:
        for lo, hi in ((0, start), (end, len(data))):
            at = data.find(signature, lo, hi)
            if at != -1 and (at != 0 or start > 0):  # offset 0 is the primary's own start, unless it has a prefix
                out.append(at)
    return sorted(set(out))
