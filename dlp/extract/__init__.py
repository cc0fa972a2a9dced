"""Turn files on disk into Communications: `.eml` messages and letters, via the extractor registry."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dlp.errors import InputError
from dlp.extract import text as _text  # noqa: F401  (registers the text extractors)
from dlp.extract.base import Extractor, Limits, extract_part, find_extractor, register
from dlp.extract.email import addresses, message_parts, parse_message
from dlp.extract.letter import find_address_block
from dlp.model import Communication

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


def load_item(path: str | Path, limits: Limits | None = None) -> Communication:
    """Read one item from disk: a message (by content or `.eml`) or a letter."""
    path = Path(path)
    limits = limits or Limits()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if looks_like_message(data, path):
        return communication_from_message(data, str(path), limits)
    return communication_from_letter(data, str(path), limits)


def communication_from_message(
    data: bytes, source: str, limits: Limits | None = None, envelope_recipients: list[str] | None = None
) -> Communication:
    limits = limits or Limits()
    msg = parse_message(data)
    recipients = envelope_recipients or addresses(msg, ("to", "cc", "bcc", "resent-to", "resent-cc"))
    senders = addresses(msg, ("from",))
    return Communication(
        kind="email",
        source=source,
        sender=senders[0] if senders else None,
        recipients=tuple(recipients),
        parts=tuple(message_parts(msg, limits)),
        digest=hashlib.sha256(data).hexdigest(),
    )


def communication_from_letter(data: bytes, source: str, limits: Limits | None = None) -> Communication:
    limits = limits or Limits()
    parts = extract_part(data, "letter", filename=Path(source).name, limits=limits)
    readable = [p for p in parts if p.error is None]
    block = find_address_block(readable[0].text) if readable else None
    return Communication(
        kind="letter",
        source=source,
        address_block=block,
        parts=tuple(parts),
        digest=hashlib.sha256(data).hexdigest(),
    )
