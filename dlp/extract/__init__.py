"""Turn files on disk into Communications: `.eml` messages and letters, via the extractor registry."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from dlp.errors import InputError
from dlp.extract import archive as _archive  # noqa: F401
from dlp.extract import email as _email  # noqa: F401
from dlp.extract import image as _image  # noqa: F401
from dlp.extract import metafile as _metafile  # noqa: F401
from dlp.extract import office as _office  # noqa: F401
from dlp.extract import ole as _ole  # noqa: F401

# Importing each format's module registers its extractor; signature checks run in this order.
from dlp.extract import pdf as _pdf  # noqa: F401, I001
from dlp.extract import rtf as _rtf  # noqa: F401
from dlp.extract import text as _text  # noqa: F401
from dlp.extract.base import Extractor, Limits, Reading, extract_part, find_extractor, register, unreadable
from dlp.extract.clean import clean_parts
from dlp.extract.email import message_parts, parse_headers, parse_message, recipient_problems, recipients_of, sender_of
from dlp.extract.layout import PageLayouts
from dlp.extract.letter import locate_address_block, starts_letter
from dlp.model import FILE_NAME, AddressBlock, Communication, Part

__all__ = [
    "Extractor",
    "Limits",
    "extract_part",
    "find_extractor",
    "register",
    "load_item",
    "communication_from_message",
    "communication_from_letter",
]

_HEADER_START = (
    b"received:",
    b"return-path:",
    b"from:",
    b"to:",
    b"subject:",
    b"message-id:",
    b"date:",
    b"mime-version:",
    b"delivered-to:",
    b"x-",
    b"cc:",
    b"reply-to:",
    b"content-type:",
)


def looks_like_message(data: bytes, path: Path) -> bool:
    if path.suffix.lower() in (".eml", ".msg822"):
        return True
    head = data[:2048].lstrip().lower()
    first = head.split(b"\n", 1)[0]
    return first.startswith(_HEADER_START) and b":" in first and b"\n\n" in data[:65536].replace(b"\r\n", b"\n")


def load_items(path: str | Path, limits: Limits | None = None) -> list[Communication]:
    """Read one file from disk: a message (by content or `.eml`), or one or more letters."""
    path = Path(path)
    limits = limits or Limits()
    try:
        data = _read(path, limits.max_part_bytes)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data:
        reason = "the file is empty" if data is not None else f"over the size limit of {limits.max_part_bytes} bytes"
        part = unreadable("letter", None, reason)
        return [Communication(kind="letter", source=str(path), parts=(part, Part("file name", path.name, FILE_NAME)))]
    if looks_like_message(data, path):
        return [communication_from_message(data, str(path), limits)]
    return letters_from_file(data, str(path), limits)


def _read(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None if it holds more than `limit` (not read into memory)."""
    fifo = stat.S_ISFIFO(os.stat(path).st_mode)
    # A FIFO that nobody writes to would hold a plain open for ever: it is opened without waiting (and then reads
    # as empty). Only a FIFO: a file under a lease (Samba's oplocks) opened so fails at once instead of waiting.
    with open(path, "rb", opener=_without_waiting if fifo else None) as handle:
        if fifo:
            os.set_blocking(handle.fileno(), True)  # a pipe from a command (`dlp scan <(...)`) is read to its end
        elif os.fstat(handle.fileno()).st_size > limit:
            return None
        # In pieces, never past the limit: a pipe has no size to check first, and read(n) reserves n bytes.
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = handle.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks) if total <= limit else None


_CHUNK = 1 << 20


def _without_waiting(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK)


def load_item(path: str | Path, limits: Limits | None = None) -> Communication:
    """The first item of a file (a message, or the first letter of a merged file)."""
    return load_items(path, limits)[0]


def communication_from_message(
    data: bytes, source: str, limits: Limits | None = None, envelope_recipients: list[str] | None = None
) -> Communication:
    """A message, whatever its bytes: what cannot be read becomes an unreadable part, never an exception."""
    reading = Reading.of(limits)
    max_header = reading.limits.max_header_bytes
    problems: list[Part] = []
    try:
        msg = parse_message(data, max_header)
        parts = message_parts(msg, reading)
    except RecursionError:
        # The parser cannot follow the nesting: the recipients are still taken from the top-level headers.
        msg = parse_headers(data, max_header)
        parts = [unreadable("message structure", "message/rfc822", "MIME parts nested too deeply to read")]
    if envelope_recipients is not None:
        limit = reading.limits.max_recipients
        recipients = list(dict.fromkeys(envelope_recipients))[: limit + 1]
        problems += recipient_problems(len(recipients), False, limit)
    else:
        recipients, problems = recipients_of(msg, reading)
    return Communication(
        kind="email",
        source=source,
        sender=sender_of(msg),
        recipients=tuple(recipients),
        parts=tuple(finish(problems + parts)),
        digest=hashlib.sha256(data).hexdigest(),
    )


def communication_from_letter(data: bytes, source: str, limits: Limits | None = None) -> Communication:
    """A file holding one letter (its address block taken from the first page)."""
    layouts = _Layouts(data)
    try:
        pages, names = _letter_parts(data, source, limits)
        return _letter(pages, names, source, hashlib.sha256(data).hexdigest(), layouts=layouts)
    finally:
        layouts.close()


def letters_from_file(data: bytes, source: str, limits: Limits | None = None) -> list[Communication]:
    """Every letter in a file: a merged print file is split where a page starts a new letter."""
    digest = hashlib.sha256(data).hexdigest()
    layouts = _Layouts(data)
    try:
        pages, names = _letter_parts(data, source, limits)
        groups = split_letters(pages, layouts)
        if len(groups) == 1:
            return [_letter(groups[0], names, source, digest, layouts=layouts)]
        return [
            _letter(group, names, source, digest, locator=_locate(i, group), layouts=layouts)
            for i, group in enumerate(groups, 1)
        ]
    finally:
        layouts.close()


def extract_letter_parts(data: bytes, source: str, limits: Limits | None = None) -> list[Part]:
    pages, names = _letter_parts(data, source, limits)
    return names + pages


def _letter_parts(data: bytes, source: str, limits: Limits | None) -> tuple[list[Part], list[Part]]:
    """The letter's pages (and what belongs to them), and the parts holding its file name."""
    parts = extract_part(data, "letter", filename=Path(source).name, limits=limits)
    # A letter's parts are its pages: "page 2" says more than "letter, page 2".
    parts = finish([replace(p, name=p.name.removeprefix("letter, ")) for p in parts])
    names = [p for p in parts if p.media_type == FILE_NAME and p.name == "file name"]
    pages = [p for p in parts if not (p.media_type == FILE_NAME and p.name == "file name")]
    if not any(p.text.strip() or p.error for p in pages if _is_page(p)):
        # Nothing was read: a letter with no words at all cannot be checked (a PDF of blank or drawn pages).
        pages.append(unreadable("letter", None, "no text could be read from the letter"))
    return pages, names


class _Layouts:
    """Positional page texts of a PDF letter, opened only if a page asks for one."""

    def __init__(self, data: bytes) -> None:
        self._pdf = PageLayouts(data) if data[:1024].find(b"%PDF-") != -1 else None

    def of(self, page: Part) -> str | None:
        if self._pdf is None or page.media_type != "application/pdf":
            return None
        number = _PAGE_NUMBER.search(page.name)
        return self._pdf.text(int(number.group(1)) - 1) if number else None

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


_PAGE_NUMBER = re.compile(r"\bpage (\d+)$")


def split_letters(pages: list[Part], layouts: _Layouts | None = None) -> list[list[Part]]:
    """Group pages into letters: a page with an address block and a salutation starts a new one. What belongs
    to the file rather than a page (its properties: a title set from the first letter) goes with the first."""
    groups: list[list[Part]] = []
    whole_file: list[Part] = []
    for page in pages:
        if groups and not page.name.startswith("page "):
            whole_file.append(page)
        elif not groups or (page.error is None and _is_page(page) and _starts_letter(page, layouts)):
            groups.append([page])
        else:
            groups[-1].append(page)
    if groups:
        groups[0] += whole_file
    return groups


def _starts_letter(page: Part, layouts: _Layouts | None) -> bool:
    if starts_letter(page.text):
        return True
    positional = layouts.of(page) if layouts else None
    return bool(positional) and starts_letter("", positional)


def finish(parts: list[Part]) -> list[Part]:
    """The one place every part of every item passes before matching: text normalised (dlp.extract.clean),
    and an item of which nothing at all was read held as unreadable."""
    if not parts:
        return [unreadable("item", None, "nothing in the item could be read")]
    return clean_parts(parts)


def _is_page(part: Part) -> bool:
    return part.name.startswith("page ") and "," not in part.name or part.name == "letter"


def _letter(
    parts: list[Part],
    names: list[Part],
    source: str,
    digest: str,
    locator: str | None = None,
    layouts: _Layouts | None = None,
) -> Communication:
    readable = [p for p in parts if p.error is None and _is_page(p)] or [p for p in parts if p.error is None]
    block: AddressBlock | None = None
    problem: str | None = "the letter has no readable page"
    if readable:
        first = readable[0]
        block, problem = locate_address_block(first.text, layouts.of(first) if layouts else None)
    return Communication(
        kind="letter",
        source=source,
        address_block=block,
        parts=tuple(parts + names),
        digest=digest,
        locator=locator,
        address_problem=problem,
    )


def _locate(number: int, parts: list[Part]) -> str:
    names = [p.name.removeprefix("page ") for p in parts if p.name.startswith("page ") and "," not in p.name]
    names = names or [p.name for p in parts[:1]]
    span = names[0] if len(names) == 1 else f"{names[0]}-{names[-1]}"
    return f"letter {number}, page{'s' if len(names) > 1 else ''} {span}"
