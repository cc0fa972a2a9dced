"""Outgoing email as mail clients write it: plain, HTML, attachments, invitations, cards, signed, encrypted."""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email import policy
from email.headerregistry import Address as HAddress
from email.message import EmailMessage
from email.utils import format_datetime

from . import org, smime_fixture

AEDT = timezone(timedelta(hours=11))
BASE_TIME = datetime(2026, 3, 2, 8, 30, tzinfo=AEDT)

Contact = tuple[str, str]  # (display name, address)


@dataclass
class Attachment:
    filename: str
    ctype: str  # "application/pdf"
    data: bytes


@dataclass
class Mail:
    sender: Contact
    to: list[Contact]
    subject: str
    text: str = ""
    html: str = ""
    cc: list[Contact] = field(default_factory=list)
    reply_to: list[Contact] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    calendar: str = ""  # a text/calendar alternative (an invitation)
    in_reply_to: str = ""
    minutes: int = 0  # minutes after the corpus' base time
    headers: dict[str, str] = field(default_factory=dict)


def _addr(contact: Contact) -> HAddress:
    name, email = contact
    local, _, domain = email.partition("@")
    return HAddress(display_name=name, username=local, domain=domain)


WORKDAY = 510  # 8.30 am to 5 pm


def when(minutes: int) -> datetime:
    """`minutes` of office time after the base time, skipping nights and weekends."""
    days, rest = divmod(minutes, WORKDAY)
    day = BASE_TIME
    while days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day + timedelta(minutes=rest)


def _headers(msg: EmailMessage, m: Mail, rng: random.Random) -> None:
    msg["From"] = _addr(m.sender)
    msg["To"] = [_addr(c) for c in m.to]
    if m.cc:
        msg["Cc"] = [_addr(c) for c in m.cc]
    if m.reply_to:
        msg["Reply-To"] = [_addr(c) for c in m.reply_to]
    msg["Subject"] = m.subject
    msg["Date"] = format_datetime(when(m.minutes))
    msg["Message-ID"] = f"<{rng.getrandbits(64):016x}.{m.minutes}@{org.DOMAIN}>"
    if m.in_reply_to:
        msg["In-Reply-To"] = m.in_reply_to
        msg["References"] = m.in_reply_to
    for k, v in m.headers.items():
        msg[k] = v


def _fix_boundaries(msg: EmailMessage, rng: random.Random) -> None:
    for part in msg.walk():
        if part.is_multipart():
            part.set_boundary(f"----=_Part_{rng.getrandbits(48):012x}")


def build(m: Mail, rng: random.Random) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    _headers(msg, m, rng)
    if m.text or not m.html:
        msg.set_content(m.text or "\n")
    if m.html:
        if m.text:
            msg.add_alternative(m.html, subtype="html")
        else:
            msg.set_content(m.html, subtype="html")
    if m.calendar:
        if not msg.is_multipart():
            msg.make_alternative()
        msg.add_alternative(
            m.calendar.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            params={"method": "REQUEST", "charset": "utf-8"},
        )
    for a in m.attachments:
        maintype, subtype = a.ctype.split("/")
        if maintype == "text":
            msg.add_attachment(a.data.decode("utf-8"), subtype=subtype, filename=a.filename)
        elif a.ctype == "message/rfc822":
            from email import message_from_bytes

            msg.add_attachment(message_from_bytes(a.data, policy=policy.SMTP), filename=a.filename)
        else:
            msg.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename)
    _fix_boundaries(msg, rng)
    return msg.as_bytes()


def _outer_headers(m: Mail, rng: random.Random) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    _headers(msg, m, rng)
    msg["MIME-Version"] = "1.0"
    return b"".join(f"{k}: {v}\r\n".encode() for k, v in msg.items())


def build_smime_signed(m: Mail, rng: random.Random) -> bytes:
    """multipart/signed with a real detached PKCS#7 signature over the first part."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs7

    inner = EmailMessage(policy=policy.SMTP)
    inner.set_content(m.text)
    if m.html:
        inner.add_alternative(m.html, subtype="html")
    for a in m.attachments:
        maintype, subtype = a.ctype.split("/")
        inner.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename)
    _fix_boundaries(inner, rng)
    body = inner.as_bytes()
    key = serialization.load_pem_private_key(smime_fixture.SIGNING_KEY_PEM, None)
    cert = x509.load_pem_x509_certificate(smime_fixture.SIGNING_CERT_PEM)
    sig = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(body)
        .add_signer(cert, key, hashes.SHA256())  # type: ignore[arg-type]
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.NoAttributes])
    )
    boundary = f"----=_Signed_{rng.getrandbits(48):012x}"
    sig_b64 = base64.encodebytes(sig).replace(b"\n", b"\r\n")
    return (
        _outer_headers(m, rng)
        + f'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; '
        f'boundary="{boundary}"\r\n\r\nThis is an S/MIME signed message\r\n\r\n--{boundary}\r\n'.encode()
        + body
        + f"\r\n--{boundary}\r\n".encode()
        + b'Content-Type: application/pkcs7-signature; name="smime.p7s"\r\nContent-Transfer-Encoding: base64\r\n'
        b'Content-Disposition: attachment; filename="smime.p7s"\r\n\r\n' + sig_b64 + f"\r\n--{boundary}--\r\n".encode()
    )


def _armor(kind: str, rng: random.Random, nbytes: int) -> str:
    blob = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(nbytes))).decode()
    lines = [blob[i : i + 64] for i in range(0, len(blob), 64)]
    crc = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(3))).decode()
    return f"-----BEGIN PGP {kind}-----\r\n\r\n" + "\r\n".join(lines) + f"\r\n={crc}\r\n-----END PGP {kind}-----\r\n"


def build_pgp_signed(m: Mail, rng: random.Random) -> bytes:
    inner = EmailMessage(policy=policy.SMTP)
    inner.set_content(m.text)
    _fix_boundaries(inner, rng)
    boundary = f"----=_PGPSigned_{rng.getrandbits(48):012x}"
    return (
        _outer_headers(m, rng)
        + f'Content-Type: multipart/signed; micalg=pgp-sha256; protocol="application/pgp-signature"; '
        f'boundary="{boundary}"\r\n\r\n--{boundary}\r\n'.encode()
        + inner.as_bytes()
        + f"\r\n--{boundary}\r\n".encode()
        + b'Content-Type: application/pgp-signature; name="signature.asc"\r\n'
        b"Content-Description: OpenPGP digital signature\r\nContent-Disposition: attachment; "
        b'filename="signature.asc"\r\n\r\n'
        + _armor("SIGNATURE", rng, 119).encode()
        + f"\r\n--{boundary}--\r\n".encode()
    )


def build_smime_encrypted(m: Mail, rng: random.Random) -> bytes:
    blob = "".join(smime_fixture.ENVELOPE_B64)
    lines = "\r\n".join(blob[i : i + 76] for i in range(0, len(blob), 76))
    return (
        _outer_headers(m, rng)
        + b'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n'
        b'Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="smime.p7m"\r\n\r\n'
        + lines.encode()
        + b"\r\n"
    )


def build_pgp_encrypted(m: Mail, rng: random.Random) -> bytes:
    boundary = f"----=_PGPEnc_{rng.getrandbits(48):012x}"
    return (
        _outer_headers(m, rng)
        + f'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="{boundary}"'
        f"\r\n\r\nThis is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\r\n--{boundary}\r\n".encode()
        + b"Content-Type: application/pgp-encrypted\r\nContent-Description: PGP/MIME version identification"
        b"\r\n\r\nVersion: 1\r\n\r\n"
        + f"--{boundary}\r\n".encode()
        + b'Content-Type: application/octet-stream; name="encrypted.asc"\r\nContent-Description: OpenPGP '
        b'encrypted message\r\nContent-Disposition: inline; filename="encrypted.asc"\r\n\r\n'
        + _armor("MESSAGE", rng, 700).encode()
        + f"\r\n--{boundary}--\r\n".encode()
    )


def ics(
    uid: str,
    summary: str,
    start: datetime,
    minutes: int,
    location: str,
    organiser: Contact,
    attendees: list[Contact],
    description: str,
) -> str:
    def fold(line: str) -> str:
        out, raw = [], line.encode("utf-8")
        while len(raw) > 74:
            cut = 74
            while (raw[cut] & 0xC0) == 0x80:
                cut -= 1
            out.append(raw[:cut].decode())
            raw = b" " + raw[cut:]
        out.append(raw.decode())
        return "\r\n".join(out)

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")

    fmt = "%Y%m%dT%H%M%S"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{BASE_TIME.astimezone(UTC):{fmt}}Z",
        f"DTSTART;TZID=AUS Eastern Standard Time:{start:{fmt}}",
        f"DTEND;TZID=AUS Eastern Standard Time:{start + timedelta(minutes=minutes):{fmt}}",
        f"SUMMARY:{esc(summary)}",
        f"LOCATION:{esc(location)}",
        f"DESCRIPTION:{esc(description)}",
        f'ORGANIZER;CN="{organiser[0]}":mailto:{organiser[1]}',
    ]
    for name, email in attendees:
        lines.append(f'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="{name}":mailto:{email}')
    lines += ["STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(x) for x in lines) + "\r\n"


def vcard(
    name: str,
    family: str,
    given: str,
    org_name: str,
    title: str,
    phones: list[tuple[str, str]],
    emails: list[str],
    adr: tuple[str, str, str, str] | None = None,
    note: str = "",
) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{name}"]
    if org_name:
        lines.append(f"ORG:{org_name}")
    if title:
        lines.append(f"TITLE:{title}")
    for kind, number in phones:
        lines.append(f"TEL;TYPE={kind}:{number}")
    for e in emails:
        lines.append(f"EMAIL;TYPE=INTERNET:{e}")
    if adr:
        street, town, state, postcode = adr
        lines.append(f"ADR;TYPE=HOME:;;{street};{town};{state};{postcode};Australia")
    if note:
        lines.append(f"NOTE:{note}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def quote_reply(author: Contact, sent: datetime, text: str) -> str:
    head = f"On {sent:%a, %-d %b %Y} at {sent:%H:%M}, {author[0]} <{author[1]}> wrote:"
    return head + "\n" + "\n".join("> " + line if line else ">" for line in text.splitlines())


def quote_forward(
    author: Contact, to: list[Contact], sent: datetime, subject: str, text: str, style: str = "outlook"
) -> str:
    to_text = "; ".join(f"{n} <{e}>" for n, e in to)
    if style == "outlook":
        return (
            f"-----Original Message-----\nFrom: {author[0]} <{author[1]}>\nSent: {sent:%A, %-d %B %Y %-I:%M %p}"
            f"\nTo: {to_text}\nSubject: {subject}\n\n{text}"
        )
    return (
        f"---------- Forwarded message ---------\nFrom: {author[0]} <{author[1]}>\n"
        f"Date: {sent:%a, %-d %b %Y at %H:%M}\nSubject: {subject}\nTo: {to_text}\n\n{text}"
    )


def staff_signature(name: str, title: str, team: str, phone: str, email: str) -> str:
    return (
        f"\n\nKind regards,\n\n{name}\n{title} | {team}\n{org.ORG_NAME}\nP {phone} | E {email}\n"
        f"{org.STREET}, {org.TOWN}\n\nThis email may contain confidential information. If you received it in"
        f" error, please tell us at {org.TEAM_LISTS['privacy']} and delete it."
    )
