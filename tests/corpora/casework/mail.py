"""Outgoing e-mail as staff mail clients write it: plain and HTML, attachments, threads, signed and encrypted."""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.charset import QP, Charset
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr

from . import org
from .org import Person

AEST = timezone(timedelta(hours=11))
CTYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "zip": "application/zip",
    "ics": "text/calendar",
    "vcf": "text/vcard",
    "png": "image/png",
    "html": "text/html",
    "eml": "message/rfc822",
}
DISCLAIMER = (
    "This email and any attachments are confidential and may contain personal or health information. "
    "If you are not the intended recipient, please tell the sender and delete it. Corella Claims Services "
    "handles personal information under its privacy policy: corellaclaims.example/privacy"
)


@dataclass
class Att:
    filename: str
    data: bytes
    ctype: str = ""
    cid: str = ""  # inline image referenced from the HTML part

    def content_type(self) -> str:
        return self.ctype or CTYPES.get(self.filename.rsplit(".", 1)[-1].lower(), "application/octet-stream")


@dataclass
class Mail:
    frm: tuple[str, str]
    to: list[tuple[str, str]]
    subject: str
    text: str
    cc: list[tuple[str, str]] = field(default_factory=list)
    reply_to: tuple[str, str] | None = None
    html: str | None = None
    atts: list[Att] = field(default_factory=list)
    inline: list[Att] = field(default_factory=list)
    when: datetime | None = None
    in_reply_to: str = ""
    sign: str = ""  # "" | smime | pgp
    encrypt: str = ""  # "" | smime | pgp
    calendar: bytes | None = None  # an invitation as its own text/calendar alternative
    headers: dict[str, str] = field(default_factory=dict)


def who(p: Person) -> tuple[str, str]:
    return (p.name, p.email)


def staff_signature(p: Person, short: bool = False) -> str:
    if short:
        return f"\n{p.name.split(' ')[0]}\n"
    return (
        f"\nKind regards,\n\n{p.name}\n{p.title} | {org.ORG_NAME}\nT {p.phone or org.ORG_PHONE} | {org.ORG_PHONE}\n"
        f"{org.ORG_POSTAL[0]}, {org.ORG_POSTAL[1].title().replace('Nsw', 'NSW')}\n{org.DOMAIN}\n\n{DISCLAIMER}\n"
    )


def _text_part(text: str, subtype: str = "plain") -> MIMEText:
    try:
        text.encode("ascii")
        return MIMEText(text, subtype, "us-ascii")
    except UnicodeEncodeError:
        cs = Charset("utf-8")
        cs.body_encoding = QP
        return MIMEText(text, subtype, cs)  # type: ignore[arg-type]


def _addr(pair: tuple[str, str]) -> str:
    return formataddr(pair, charset="utf-8")


def _att_part(a: Att) -> MIMEBase:
    maintype, subtype = a.content_type().split("/", 1)
    part: MIMEBase
    if maintype == "text":
        part = _text_part(a.data.decode("utf-8"), subtype)
        if subtype == "calendar":
            part.set_param("method", "REQUEST")
    elif a.content_type() == "message/rfc822":
        from email import message_from_bytes

        part = MIMEMessage(message_from_bytes(a.data))
    elif maintype == "image":
        part = MIMEImage(a.data, subtype)
    else:
        part = MIMEApplication(a.data, subtype)
    if a.cid:
        part.add_header("Content-ID", f"<{a.cid}>")
        part.add_header("Content-Disposition", "inline", filename=a.filename)
    else:
        part.add_header("Content-Disposition", "attachment", filename=a.filename)
    return part


def _random_b64(rng: random.Random, n: int, width: int = 76) -> str:
    raw = bytes([0x30, 0x82, (n >> 8) & 0xFF, n & 0xFF]) + bytes(rng.randrange(256) for _ in range(n))
    s = base64.b64encode(raw).decode()
    return "\n".join(s[i : i + width] for i in range(0, len(s), width))


def _body(m: Mail) -> MIMEBase:
    text = _text_part(m.text)
    body: MIMEBase = text
    if m.html is not None or m.calendar is not None:
        alt = MIMEMultipart("alternative")
        alt.attach(text)
        if m.html is not None:
            html_part: MIMEBase = _text_part(m.html, "html")
            if m.inline:
                rel = MIMEMultipart("related")
                rel.attach(html_part)
                for a in m.inline:
                    rel.attach(_att_part(a))
                html_part = rel
            alt.attach(html_part)
        if m.calendar is not None:
            cal = _text_part(m.calendar.decode("utf-8"), "calendar")
            cal.set_param("method", "REQUEST")
            alt.attach(cal)
        body = alt
    if m.atts:
        mixed = MIMEMultipart("mixed")
        mixed.attach(body)
        for a in m.atts:
            mixed.attach(_att_part(a))
        body = mixed
    return body


def render(m: Mail, rng: random.Random) -> bytes:
    when = m.when or business_time(rng)
    inner = _body(m)
    msg: MIMEBase
    if m.encrypt == "smime":
        msg = MIMENonMultipart("application", "pkcs7-mime")
        msg.set_param("smime-type", "enveloped-data")
        msg.set_param("name", "smime.p7m")
        msg.add_header("Content-Disposition", "attachment", filename="smime.p7m")
        msg.add_header("Content-Transfer-Encoding", "base64")
        msg.set_payload(_random_b64(rng, 2400 + len(inner.as_bytes()) // 2))
    elif m.encrypt == "pgp":
        msg = MIMEMultipart("encrypted", protocol="application/pgp-encrypted")
        ver = MIMEApplication(b"Version: 1\n", "pgp-encrypted", _encoder=lambda p: None)
        ver.set_payload("Version: 1\n")
        msg.attach(ver)
        armored = (
            "-----BEGIN PGP MESSAGE-----\n\n"
            + _random_b64(rng, 1800, 64)
            + f"\n={base64.b64encode(bytes(rng.randrange(256) for _ in range(3))).decode()}"
            + "\n-----END PGP MESSAGE-----\n"
        )
        data = MIMEApplication(armored.encode(), "octet-stream", _encoder=lambda p: None)
        data.set_payload(armored)
        data.add_header("Content-Disposition", "inline", filename="encrypted.asc")
        msg.attach(data)
    elif m.sign == "smime":
        msg = MIMEMultipart("signed", protocol="application/pkcs7-signature", micalg="sha-256")
        msg.attach(inner)
        sig = MIMENonMultipart("application", "pkcs7-signature", name="smime.p7s")
        sig.add_header("Content-Transfer-Encoding", "base64")
        sig.add_header("Content-Disposition", "attachment", filename="smime.p7s")
        sig.add_header("Content-Description", "S/MIME Cryptographic Signature")
        sig.set_payload(_random_b64(rng, 1400))
        msg.attach(sig)
    elif m.sign == "pgp":
        msg = MIMEMultipart("signed", protocol="application/pgp-signature", micalg="pgp-sha256")
        msg.attach(inner)
        armored = (
            "-----BEGIN PGP SIGNATURE-----\n\n"
            + _random_b64(rng, 280, 64)
            + f"\n={base64.b64encode(bytes(rng.randrange(256) for _ in range(3))).decode()}"
            + "\n-----END PGP SIGNATURE-----\n"
        )
        sig = MIMEApplication(armored.encode(), "pgp-signature", _encoder=lambda p: None)
        sig.set_payload(armored)
        sig.add_header("Content-Description", "OpenPGP digital signature")
        sig.add_header("Content-Disposition", "attachment", filename="signature.asc")
        msg.attach(sig)
    else:
        msg = inner
    content_headers = [(k, v) for k, v in msg.items() if k.lower() != "mime-version"]
    for k in {k for k, _ in msg.items()}:
        del msg[k]
    msg["From"] = _addr(m.frm)
    msg["To"] = ", ".join(_addr(x) for x in m.to)
    if m.cc:
        msg["Cc"] = ", ".join(_addr(x) for x in m.cc)
    if m.reply_to:
        msg["Reply-To"] = _addr(m.reply_to)
    msg["Subject"] = Header(m.subject, "utf-8").encode() if not m.subject.isascii() else m.subject
    msg["Date"] = format_datetime(when)
    domain = m.frm[1].split("@")[-1]
    msg["Message-ID"] = f"<{rng.getrandbits(64):016x}.{rng.getrandbits(32):08x}@{domain}>"
    if m.in_reply_to:
        msg["In-Reply-To"] = m.in_reply_to
        msg["References"] = m.in_reply_to
    msg["X-Mailer"] = rng.choice(["Microsoft Outlook 16.0", "Corella CaseMail 5.3", "Microsoft Outlook 16.0"])
    for k, v in m.headers.items():
        msg[k] = v
    msg["MIME-Version"] = "1.0"
    for k, v in content_headers:
        msg[k] = v
    for part in msg.walk():
        if part is not msg and "MIME-Version" in part:
            del part["MIME-Version"]  # the email classes stamp it on every part; mail clients do not
    for part in msg.walk():  # the library's boundaries are random: make them reproducible
        if part.is_multipart() and part.get_content_type() != "message/rfc822":
            part.set_boundary(f"----=_Part_{rng.getrandbits(40):010x}")
    return msg.as_bytes(policy=policy.SMTP)


def business_time(rng: random.Random, start: datetime | None = None, days: int = 80) -> datetime:
    """A weekday between 8 am and 6 pm (people send mail in office hours)."""
    base = start or datetime(2026, 3, 2, 8, 0, tzinfo=AEST)
    while True:
        day = base + timedelta(days=rng.randrange(0, days))
        if day.weekday() < 5:
            return day.replace(hour=8, minute=0) + timedelta(minutes=rng.randrange(0, 600))


def msg_id(rng: random.Random, domain: str = "mail.example") -> str:
    return f"<{rng.getrandbits(60):015x}@{domain}>"


# --- thread quoting -----------------------------------------------------------------------------------


def when_text(dt: datetime) -> str:
    return dt.strftime("%A, %-d %B %Y %-I:%M %p")


def quote_reply(text: str, sender: tuple[str, str], dt: datetime) -> str:
    head = f"On {dt.strftime('%a, %-d %b %Y')} at {dt.strftime('%-I:%M %p').lower()}, {sender[0]} <{sender[1]}> wrote:"
    return head + "\n" + "\n".join("> " + x if x else ">" for x in text.splitlines())


def quote_outlook(
    text: str, sender: tuple[str, str], to: list[tuple[str, str]], subject: str, dt: datetime, style: str = "original"
) -> str:
    to_s = "; ".join(f"{n} <{e}>" if n else e for n, e in to)
    if style == "original":
        head = [
            "-----Original Message-----",
            f"From: {sender[0]} <{sender[1]}>",
            f"Sent: {when_text(dt)}",
            f"To: {to_s}",
            f"Subject: {subject}",
        ]
    else:
        head = [
            "________________________________",
            f"From: {sender[0]} <{sender[1]}>",
            f"Sent: {when_text(dt)}",
            f"To: {to_s}",
            f"Subject: {subject}",
        ]
    return "\n".join(head) + "\n\n" + text


def forward_block(text: str, sender: tuple[str, str], to: list[tuple[str, str]], subject: str, dt: datetime) -> str:
    to_s = ", ".join(f"{n} <{e}>" for n, e in to)
    return (
        "---------- Forwarded message ---------\n"
        f"From: {sender[0]} <{sender[1]}>\nDate: {dt.strftime('%a, %-d %b %Y at %-I:%M %p')}\n"
        f"Subject: {subject}\nTo: {to_s}\n\n{text}"
    )


def earlier(rng: random.Random, days: int = 8) -> datetime:
    """When the quoted message was sent: a week or so before the reply."""
    return business_time(rng, datetime(2026, 2, 18, 8, 0, tzinfo=AEST), days)


def tiny_png(rgb: tuple[int, int, int] = (196, 64, 40)) -> bytes:
    """A 4x4 single-colour PNG (the logo stand-in in HTML mail)."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + bytes(rgb) * 4 for _ in range(4))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
