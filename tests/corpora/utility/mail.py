"""Outgoing email as the organisation's mail system writes it (Python's email package): plain, HTML with both
alternatives, attachments, calendar invitations, vCards, S/MIME and PGP signatures, S/MIME encryption."""

from __future__ import annotations

import base64
import random
import zlib
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.message import EmailMessage, Message
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, getaddresses

from . import org

AEST = timezone(timedelta(hours=10))
Attachment = tuple[str, str, bytes]  # filename, MIME type, content


def when(rng: random.Random) -> datetime:
    base = datetime(2025, 3, 3, 8, 30, tzinfo=AEST)
    return base + timedelta(days=rng.randint(0, 150), minutes=rng.randint(0, 600))


def _compat(msg: Message, key: str, value: str) -> str:
    """Legacy (compat32) messages need non-ASCII display names and subjects RFC 2047-encoded by hand."""
    if isinstance(msg, EmailMessage) or value.isascii():
        return value
    if key == "Subject":
        return Header(value, "utf-8").encode()
    return ", ".join(formataddr(pair, charset="utf-8") for pair in getaddresses([value]))


def _headers(
    msg: Message,
    rng: random.Random,
    sender: str,
    to: list[str],
    cc: list[str],
    subject: str,
    reply_to: str | None,
    extra: dict[str, str] | None,
) -> None:
    msg["From"] = _compat(msg, "From", sender)
    if to:
        msg["To"] = _compat(msg, "To", ", ".join(to))
    if cc:
        msg["Cc"] = _compat(msg, "Cc", ", ".join(cc))
    if reply_to:
        msg["Reply-To"] = _compat(msg, "Reply-To", reply_to)
    msg["Subject"] = _compat(msg, "Subject", subject)
    msg["Date"] = format_datetime(when(rng))
    msg["Message-ID"] = f"<{rng.getrandbits(64):016x}.{rng.randint(1000, 9999)}@{org.DOMAIN}>"
    for k, v in (extra or {}).items():
        msg[k] = v


def email(
    rng: random.Random,
    *,
    sender: str,
    to: list[str],
    subject: str,
    text: str | None = None,
    html: str | None = None,
    cc: list[str] | None = None,
    reply_to: str | None = None,
    attachments: list[Attachment] | None = None,
    extra: dict[str, str] | None = None,
    calendar: str | None = None,
) -> bytes:
    msg = EmailMessage()
    _headers(msg, rng, sender, to, cc or [], subject, reply_to, {"X-Mailer": "Microsoft Outlook 16.0", **(extra or {})})
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    if calendar is not None:
        if not msg.is_multipart():
            msg.make_alternative()
        msg.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"})
    for name, mime, data in attachments or []:
        maintype, subtype = mime.split("/", 1)
        if maintype == "text":
            msg.add_attachment(data.decode("utf-8"), subtype=subtype, filename=name)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return finish(msg)


def finish(msg: Message) -> bytes:
    """Deterministic MIME boundaries, CRLF line ends as on the wire."""
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            tag = zlib.crc32(str(msg["Message-ID"] or "").encode()) % 99991
            part.set_boundary(f"----=_Part_{i}_{tag:05d}.tw")
    from email import policy

    return msg.as_bytes(policy=policy.SMTP)


def _der_blob(rng: random.Random, n: int) -> bytes:
    body = bytes(rng.getrandbits(8) for _ in range(n))
    return b"\x30\x82" + n.to_bytes(2, "big") + b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07" + body


def smime_signed(
    rng: random.Random,
    *,
    sender: str,
    to: list[str],
    subject: str,
    text: str,
    html: str | None = None,
    cc: list[str] | None = None,
) -> bytes:
    inner: Message
    if html is None:
        inner = MIMEText(text, "plain", "utf-8")
    else:
        inner = MIMEMultipart("alternative")
        inner.attach(MIMEText(text, "plain", "utf-8"))
        inner.attach(MIMEText(html, "html", "utf-8"))
    outer = MIMEMultipart("signed", protocol="application/pkcs7-signature", micalg="sha-256")
    _headers(outer, rng, sender, to, cc or [], subject, None, None)
    outer.attach(inner)
    sig = MIMEApplication(_der_blob(rng, 1400), "pkcs7-signature", name="smime.p7s")
    sig.add_header("Content-Disposition", "attachment", filename="smime.p7s")
    sig.add_header("Content-Description", "S/MIME Cryptographic Signature")
    outer.attach(sig)
    return finish(outer)


def pgp_signed(rng: random.Random, *, sender: str, to: list[str], subject: str, text: str) -> bytes:
    outer = MIMEMultipart("signed", protocol="application/pgp-signature", micalg="pgp-sha256")
    _headers(outer, rng, sender, to, [], subject, None, None)
    outer.attach(MIMEText(text, "plain", "utf-8"))
    raw = base64.encodebytes(bytes(rng.getrandbits(8) for _ in range(566))).decode("ascii").replace("\n", "")
    lines = [raw[i : i + 64] for i in range(0, len(raw), 64)]
    armour = "-----BEGIN PGP SIGNATURE-----\n\n" + "\n".join(lines) + f"\n={raw[:4]}\n-----END PGP SIGNATURE-----\n"
    sig = MIMENonMultipart("application", "pgp-signature", name="signature.asc")
    sig.set_payload(armour)
    sig.add_header("Content-Description", "OpenPGP digital signature")
    sig.add_header("Content-Disposition", "attachment", filename="signature.asc")
    outer.attach(sig)
    return finish(outer)


def pgp_encrypted(rng: random.Random, *, sender: str, to: list[str], subject: str) -> bytes:
    outer = MIMEMultipart("encrypted", protocol="application/pgp-encrypted")
    _headers(outer, rng, sender, to, [], subject, None, None)
    control = MIMENonMultipart("application", "pgp-encrypted")
    control.add_header("Content-Description", "PGP/MIME version identification")
    control.set_payload("Version: 1\n")
    outer.attach(control)
    raw = base64.encodebytes(bytes(rng.getrandbits(8) for _ in range(1800))).decode("ascii").replace("\n", "")
    armour = "\n".join(raw[i : i + 64] for i in range(0, len(raw), 64))
    body = MIMENonMultipart("application", "octet-stream", name="encrypted.asc")
    body.add_header("Content-Description", "OpenPGP encrypted message")
    body.add_header("Content-Disposition", "inline", filename="encrypted.asc")
    body.set_payload(f"-----BEGIN PGP MESSAGE-----\n\n{armour}\n={raw[:4]}\n-----END PGP MESSAGE-----\n")
    outer.attach(body)
    return finish(outer)


def smime_encrypted(rng: random.Random, *, sender: str, to: list[str], subject: str) -> bytes:
    msg = MIMEApplication(_der_blob(rng, 3000), "pkcs7-mime", name="smime.p7m")
    msg.set_param("smime-type", "enveloped-data")
    msg.add_header("Content-Disposition", "attachment", filename="smime.p7m")
    msg.add_header("Content-Description", "S/MIME Encrypted Message")
    _headers(msg, rng, sender, to, [], subject, None, None)
    return finish(msg)


def ics(
    rng: random.Random,
    *,
    organizer: org.Person,
    attendees: list[tuple[str, str]],
    summary: str,
    location: str,
    description: str,
) -> str:
    start = datetime(2025, 7, 1, 9, 0) + timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 6))
    fmt = "%Y%m%dT%H%M%S"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f'ORGANIZER;CN="{organizer.name}":mailto:{organizer.email}',
    ]
    for name, addr in attendees:
        lines.append(f'ATTENDEE;CN="{name}";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{addr}')
    desc = description.replace("\n", "\\n").replace(",", "\\,")
    lines += [
        f"DESCRIPTION;LANGUAGE=en-AU:{desc}",
        f"SUMMARY;LANGUAGE=en-AU:{summary}",
        f"DTSTART;TZID=AUS Eastern Standard Time:{start.strftime(fmt)}",
        f"DTEND;TZID=AUS Eastern Standard Time:{(start + timedelta(hours=1)).strftime(fmt)}",
        f"UID:{rng.getrandbits(80):020x}@{org.DOMAIN}",
        "DTSTAMP:20250602T000000Z",
        f"LOCATION;LANGUAGE=en-AU:{location.replace(',', chr(92) + ',')}",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(fold_ics(x) for x in lines) + "\r\n"


def fold_ics(line: str) -> str:
    out, chunk = [], line
    while len(chunk.encode("utf-8")) > 74:
        cut = 74
        while len(chunk[:cut].encode("utf-8")) > 74:
            cut -= 1
        out.append(chunk[:cut])
        chunk = " " + chunk[cut:]
    out.append(chunk)
    return "\r\n".join(out)


def vcard(
    *,
    full: str,
    family: str,
    given: str,
    org_name: str = "",
    title: str = "",
    phones: list[str] | None = None,
    email: str = "",
    address: tuple[str, str, str, str] | None = None,
) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{full}"]
    if org_name:
        lines.append(f"ORG:{org_name}")
    if title:
        lines.append(f"TITLE:{title}")
    for p in phones or []:
        digits = p.replace(" ", "")
        kind = "CELL" if digits.startswith(("04", "+614")) else "WORK"
        lines.append(f"TEL;TYPE={kind},VOICE:{p}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    if address:
        street, suburb, state, postcode = address
        lines.append(f"ADR;TYPE=HOME:;;{street};{suburb};{state};{postcode};Australia")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def outlook_quote(*, sender: str, sent: str, to: str, subject: str, body: str, cc: str = "") -> str:
    head = f"From: {sender}\nSent: {sent}\nTo: {to}\n" + (f"Cc: {cc}\n" if cc else "") + f"Subject: {subject}\n"
    return "\n\n________________________________\n" + head + "\n" + body


def gmail_quote(*, sender: str, sent: str, body: str) -> str:
    quoted = "\n".join("> " + x if x else ">" for x in body.splitlines())
    return f"\n\nOn {sent}, {sender} wrote:\n{quoted}\n"
