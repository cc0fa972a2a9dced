"""RFC 5322 messages: recipients from the headers, every leaf part through the extractor registry."""

from __future__ import annotations

from email import errors as email_errors
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses

from dlp.extract.base import Limits, extract_part, unreadable
from dlp.model import Part

# Defects after which some of the message may not have been seen as the receiving client will see it.
_FATAL_DEFECTS = (
    email_errors.StartBoundaryNotFoundDefect,
    email_errors.MultipartInvariantViolationDefect,
    email_errors.InvalidBase64CharactersDefect,
    email_errors.InvalidBase64LengthDefect,
    email_errors.MissingHeaderBodySeparatorDefect,
)
RECIPIENT_HEADERS = ("to", "cc", "bcc", "resent-to", "resent-cc")
# Headers every recipient sees, display names and all: a suppressed email address shown in one is exposed.
VISIBLE_HEADERS = ("from", "sender", "reply-to", "to", "cc", "resent-to", "resent-cc")


def parse_message(data: bytes) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


def _header(msg: Message, name: str) -> list[str]:
    values = []
    for value in msg.get_all(name, []) or []:
        try:
            values.append(str(value))
        except Exception:  # an undecodable header still counts: keep its raw form
            values.append(value.encode("ascii", "replace").decode() if isinstance(value, str) else "")
    return values


def addresses(msg: Message, names: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for _, addr in getaddresses([v for name in names for v in _header(msg, name)]):
        addr = _decoded(addr.strip())
        if addr and "@" in addr and addr.lower() not in (a.lower() for a in found):
            found.append(addr)
    return found


def _decoded(address: str) -> str:
    """An address some mailer wrote with an encoded word in it ("=?utf-8?q?s=C3=B8ren?=@..."), as meant."""
    if "=?" not in address:
        return address
    try:
        return str(make_header(decode_header(address))).replace(" ", "")
    except (ValueError, LookupError, UnicodeDecodeError):
        return address


def message_parts(msg: Message, limits: Limits, prefix: str = "") -> list[Part]:
    """Every readable leaf of the message, named as findings will name it."""
    parts: list[Part] = []
    subject = " ".join(_header(msg, "subject"))
    if subject:
        parts.append(Part(name=f"{prefix}subject", text=subject))
    headers = "\n".join(f"{name.title()}: {value}" for name in VISIBLE_HEADERS for value in _header(msg, name))
    if headers:
        parts.append(Part(name=f"{prefix}headers", text=headers))
    if any(isinstance(d, _FATAL_DEFECTS) for d in msg.defects):
        parts.append(unreadable(f"{prefix}message structure", "message/rfc822", "malformed MIME structure"))
    body_count = 0
    for leaf in _leaves(msg):
        content_type = leaf.get_content_type()
        if content_type == "message/rfc822":
            inner = leaf.get_payload()
            inner_msg = inner[0] if isinstance(inner, list) and inner else None
            if isinstance(inner_msg, Message):
                parts.extend(message_parts(inner_msg, limits, prefix=f"{prefix}attached message, "))
            continue
        filename = leaf.get_filename()
        if filename:
            name = f"{prefix}attachment {filename}"
        else:
            body_count += 1
            name = f"{prefix}body" + ("" if body_count == 1 else f" {body_count}")
        if any(isinstance(d, _FATAL_DEFECTS) for d in leaf.defects):
            parts.append(unreadable(name, content_type, "malformed MIME part"))
            continue
        raw = leaf.get_payload(decode=True)
        data = raw if isinstance(raw, bytes) else b""
        parts.extend(
            extract_part(
                data,
                name,
                media_type=content_type,
                filename=filename,
                limits=limits,
                charset=leaf.get_content_charset(),
            )
        )
    return parts


def _leaves(msg: Message) -> list[Message]:
    if msg.get_content_type() == "message/rfc822":
        return [msg]
    if msg.is_multipart():
        payload = msg.get_payload()
        out: list[Message] = []
        for sub in payload if isinstance(payload, list) else []:
            if not isinstance(sub, Message):
                continue
            out.extend(_leaves(sub) if sub.is_multipart() or sub.get_content_type() == "message/rfc822" else [sub])
        return out
    return [msg]
