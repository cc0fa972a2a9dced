"""Text written two or four bytes a character (Windows "Unicode" text, SQL Server and PowerShell exports) is read
for its words, and a wide charset declared on one-byte text does not turn its words into other characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlp.extract import communication_from_message, load_items
from dlp.extract.charset import decode, wide_codec
from tests.synthetic import email

LETTER = "Ms Ana Ruiz\n4 Wattle St\nBENDIGO VIC 3550\n\nDear Ms Ruiz,\nYour account 4900 0007 is in credit.\n"


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (LETTER.encode("utf-16"), "utf-16"),
        (LETTER.encode("utf-32"), "utf-32"),
        (LETTER.encode("utf-16-le"), "utf-16-le"),
        (LETTER.encode("utf-16-be"), "utf-16-be"),
        (LETTER.encode("utf-8"), None),
        (LETTER.encode("cp1252"), None),
        (bytes(range(256)), None),
    ],
)
def test_wide_text_is_known_by_its_mark_or_its_zero_bytes(data: bytes, codec: str | None) -> None:
    assert wide_codec(data) == codec


def test_a_wide_charset_declared_on_one_byte_text_is_not_believed() -> None:
    assert decode(LETTER.encode(), "utf-16") == LETTER
    assert decode(LETTER.encode(), "UTF-16LE") == LETTER
    assert decode(LETTER.encode("utf-16-le"), "utf-16le") == LETTER


def _text(raw: bytes) -> str:
    item = communication_from_message(raw, "m.eml")
    assert not [p.error for p in item.parts if p.error]
    return "\n".join(p.text for p in item.parts)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32"])
def test_a_wide_attachment_is_read_not_held_as_binary(codec: str) -> None:
    raw = email(["b@x.example"], "s", "body", attachments=[("letter.txt", LETTER.encode(codec), "text/plain")])
    assert "Your account 4900 0007 is in credit" in _text(raw)


def test_an_attachment_declared_utf16_but_written_in_ascii_is_read_as_written() -> None:
    """Decoded as UTF-16, the letter would become CJK characters: nothing to find, a silent pass."""
    raw = email(["b@x.example"], "s", "body", attachments=[("letter.txt", LETTER.encode(), "text/plain")])
    raw = raw.replace(b"Content-Type: text/plain", b'Content-Type: text/plain; charset="utf-16"', 2)
    assert b'charset="utf-16"' in raw
    assert "Your account 4900 0007 is in credit" in _text(raw)


@pytest.mark.parametrize("name", ["letter.txt", "letter.html", "LETTER"])
def test_a_wide_letter_on_disk_is_read(tmp_path: Path, name: str) -> None:
    text = f"<html><body><pre>{LETTER}</pre></body></html>" if name.endswith(".html") else LETTER
    (tmp_path / name).write_bytes(text.encode("utf-16"))
    (item,) = load_items(tmp_path / name)
    assert not [p.error for p in item.parts if p.error]
    assert "Dear Ms Ruiz" in "\n".join(p.text for p in item.parts)


def test_one_byte_text_after_a_wide_head_is_read_too() -> None:
    """A plain file appended to a PowerShell export: the head is UTF-16, the tail one byte a character. Read as
    UTF-16 only, the tail became CJK characters and its phone number was never seen."""
    head = ("Notes exported from case system\r\n" * 200).encode("utf-16")
    tail = b"\r\nAroha Tipene mobile 0411 222 333, account 880000001\r\n"
    raw = email(["b@x.example"], "s", "body", attachments=[("notes.txt", head + tail, "text/plain")])
    assert "0411 222 333" in _text(raw)
    assert "0411 222 333" in decode(head + tail, "utf-8")
    assert decode(LETTER.encode("utf-16"), None) == LETTER  # Latin text written wide reads once


def test_a_body_declared_utf8_with_a_wide_head_is_read_as_a_mail_client_shows_it() -> None:
    body = "Dear Mia,\r\n".encode("utf-16-le") * 300 + b"Her new mobile is 0411 222 333.\r\n"
    assert wide_codec(body) == "utf-16-le"
    assert "0411 222 333" in decode(body, "utf-8")
