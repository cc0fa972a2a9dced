"""Which characters a text's bytes stand for: the declared charset where the bytes bear it out, UTF-16 and UTF-32
by their byte-order mark or their zero bytes, then UTF-8, then Latin-1 (which never fails)."""

from __future__ import annotations

import codecs
import re


def decode(data: bytes, charset: str | None) -> str:
    """Decode bytes as the sender declared; an unknown or lying charset falls back to UTF-8, then Latin-1.

    UTF-16 and UTF-32 are believed only where the bytes are so written (`wide_codec`): declared on one-byte
    text, they would turn every word into unrelated characters and the text would be read as saying nothing."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    wide = wide_codec(data)
    if wide:
        return wide_text(data, wide)
    for candidate in (charset, "utf-8"):
        if not candidate or _is_wide(candidate):
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _is_wide(charset: str) -> bool:
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32"))


_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_codec(data: bytes) -> str | None:
    """The codec of text written two or four bytes a character (Windows "Unicode" text, SQL Server and
    PowerShell exports), known by its byte-order mark or, without one, by the zero byte beside every letter of
    Latin text; None for any other bytes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    head = data[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def narrowed(data: bytes) -> bytes:
    """Text written in UTF-16 or UTF-32 as UTF-8, so that what reads bytes (the checks for binary data, hidden
    uuencoded files) sees its words; any other bytes unchanged."""
    wide = wide_codec(data)
    return wide_text(data, wide).encode("utf-8") if wide else data


# Two bytes of one-byte text read as one UTF-16 character fall here (U+2020-U+7E7E: CJK and symbols); as UTF-32,
# they are no character at all (U+FFFD).
_PAIRED = re.compile("[\u2020-\u7e7e\ufffd]")


def wide_text(data: bytes, codec: str) -> str:
    """Text written wide, and, where some of it reads as CJK or nothing, the same bytes read one to a character
    as well: one-byte text after a wide head (a plain file appended to a PowerShell export), or declared as
    UTF-8, is what a mail client would show, and must be read too. Latin text written wide reads the same both
    ways, so reading it twice changes nothing found."""
    text = data.decode(codec, errors="replace")
    if _PAIRED.search(text):
        narrow = data.replace(b"\x00", b"")
        try:
            text += "\n" + narrow.decode("utf-8")
        except UnicodeDecodeError:
            text += "\n" + narrow.decode("cp1252", errors="replace")
    return text
