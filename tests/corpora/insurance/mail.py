"""Outgoing messages as mail clients and claims systems build them: plain, HTML, related images, attachments,
invitations (text/calendar), vCards, forwarded messages, S/MIME and PGP signed or encrypted.

Boundaries and Message-IDs are fixed so every run writes the same bytes.
"""

from __future__ import annotations

import base64
import random
import struct
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime, formataddr

AEST = timezone(timedelta(hours=10))
AEDT = timezone(timedelta(hours=11))


@dataclass
class Attachment:
    filename: str
    data: bytes
    ctype: str = "application/octet-stream"
    inline_cid: str = ""  # for images shown in an HTML body


@dataclass
class Mail:
    sender: tuple[str, str]
    to: list[tuple[str, str]]
    subject: str
    when: datetime
    text: str = ""
    html: str = ""
    cc: list[tuple[str, str]] = field(default_factory=list)
    reply_to: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    calendar: str = ""  # an invitation shown as an alternative and attached as invite.ics
    forwarded: bytes = b""  # a whole message attached as message/rfc822
    mailer: str = "Microsoft Outlook 16.0"
    in_reply_to: str = ""
    signed: str = ""  # "smime" | "pgp"
    encrypted: str = ""  # "smime" | "pgp"
    text_cte: str = "quoted-printable"
    headers: dict[str, str] = field(default_factory=dict)


def _addr(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(formataddr(p) if p[0] else p[1] for p in pairs)


def tiny_png(rgb: tuple[int, int, int] = (22, 74, 48), w: int = 8, h: int = 4) -> bytes:
    """A small solid-colour PNG (the letterhead logo), built with zlib alone."""
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _blob(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def _b64_lines(data: bytes) -> str:
    s = base64.b64encode(data).decode()
    return "\n".join(s[i : i + 64] for i in range(0, len(s), 64))


def _body(m: Mail) -> MIMEPart:
    parts: list[MIMEPart] = []
    if m.text:
        p = MIMEPart(policy=policy.SMTP)
        p.set_content(m.text, subtype="plain", charset="utf-8", cte=m.text_cte)
        parts.append(p)
    if m.html:
        h = MIMEPart(policy=policy.SMTP)
        h.set_content(m.html, subtype="html", charset="utf-8", cte="quoted-printable")
        inline = [a for a in m.attachments if a.inline_cid]
        if inline:
            rel = MIMEPart(policy=policy.SMTP)
            rel.make_related()
            rel.attach(h)
            for a in inline:
                img = MIMEPart(policy=policy.SMTP)
                maintype, subtype = a.ctype.split("/")
                img.set_content(
                    a.data,
                    maintype=maintype,
                    subtype=subtype,
                    disposition="inline",
                    filename=a.filename,
                    cid=f"<{a.inline_cid}>",
                )
                rel.attach(img)
            h = rel
        parts.append(h)
    if m.calendar:
        c = MIMEPart(policy=policy.SMTP)
        c.set_content(m.calendar, subtype="calendar", charset="utf-8", cte="8bit", params={"method": "REQUEST"})
        parts.append(c)
    if len(parts) == 1:
        return parts[0]
    alt = MIMEPart(policy=policy.SMTP)
    alt.make_alternative()
    for p in parts:
        alt.attach(p)
    return alt


def _with_attachments(m: Mail, body: MIMEPart) -> MIMEPart:
    files = [a for a in m.attachments if not a.inline_cid]
    if not files and not m.forwarded and not m.calendar:
        return body
    mixed = MIMEPart(policy=policy.SMTP)
    mixed.make_mixed()
    mixed.attach(body)
    for a in files:
        p = MIMEPart(policy=policy.SMTP)
        maintype, subtype = a.ctype.split("/")
        if maintype == "text":
            p.set_content(
                a.data.decode("utf-8"),
                subtype=subtype,
                charset="utf-8",
                disposition="attachment",
                filename=a.filename,
                cte="quoted-printable",
            )
        else:
            p.set_content(a.data, maintype=maintype, subtype=subtype, disposition="attachment", filename=a.filename)
        mixed.attach(p)
    if m.calendar:
        p = MIMEPart(policy=policy.SMTP)
        p.set_content(
            m.calendar.encode("utf-8"),
            maintype="application",
            subtype="ics",
            disposition="attachment",
            filename="invite.ics",
        )
        mixed.attach(p)
    if m.forwarded:
        fw = MIMEPart(policy=policy.SMTP)
        fw["Content-Type"] = "message/rfc822"
        fw["Content-Disposition"] = "attachment"
        fw.set_payload(m.forwarded.decode("utf-8"))
        mixed.attach(fw)
    return mixed


def _sign(m: Mail, inner: MIMEPart, rng: random.Random) -> MIMEPart:
    outer = MIMEPart(policy=policy.SMTP)
    sig = MIMEPart(policy=policy.SMTP)
    if m.signed == "smime":
        outer["Content-Type"] = 'multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256'
        der = b"\x30\x82\x06\x1f\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02\xa0\x82\x06\x10" + _blob(rng, 1540)
        sig.set_content(
            der, maintype="application", subtype="pkcs7-signature", disposition="attachment", filename="smime.p7s"
        )
    else:
        outer["Content-Type"] = 'multipart/signed; protocol="application/pgp-signature"; micalg=pgp-sha256'
        armour = (
            "-----BEGIN PGP SIGNATURE-----\n\n"
            + _b64_lines(b"\x88\x75\x04\x01\x16\x08" + _blob(rng, 110))
            + "\n="
            + base64.b64encode(_blob(rng, 3)).decode()
            + "\n-----END PGP SIGNATURE-----\n"
        )
        sig.set_content(armour, subtype="pgp-signature", disposition="attachment", filename="signature.asc")
        del sig["Content-Type"]
        sig["Content-Type"] = 'application/pgp-signature; name="signature.asc"'
    outer.attach(inner)
    outer.attach(sig)
    return outer


def _encrypt(m: Mail, rng: random.Random) -> MIMEPart:
    outer = MIMEPart(policy=policy.SMTP)
    if m.encrypted == "smime":
        der = b"\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x03\xa0\x80\x30\x80" + _blob(rng, 2400)
        outer.set_content(
            der,
            maintype="application",
            subtype="pkcs7-mime",
            disposition="attachment",
            filename="smime.p7m",
            params={"smime-type": "enveloped-data", "name": "smime.p7m"},
        )
        return outer
    outer["Content-Type"] = 'multipart/encrypted; protocol="application/pgp-encrypted"'
    ver = MIMEPart(policy=policy.SMTP)
    ver["Content-Type"] = "application/pgp-encrypted"
    ver["Content-Description"] = "PGP/MIME version identification"
    ver.set_payload("Version: 1\n")
    data = MIMEPart(policy=policy.SMTP)
    data["Content-Type"] = 'application/octet-stream; name="encrypted.asc"'
    data["Content-Disposition"] = 'inline; filename="encrypted.asc"'
    data.set_payload(
        "-----BEGIN PGP MESSAGE-----\n\n"
        + _b64_lines(b"\x84\x5e\x03" + _blob(rng, 1800))
        + "\n="
        + base64.b64encode(_blob(rng, 3)).decode()
        + "\n-----END PGP MESSAGE-----\n"
    )
    outer.attach(ver)
    outer.attach(data)
    return outer


def build(m: Mail, msgid: str, seed: int = 0) -> bytes:
    rng = random.Random(seed)
    content = _encrypt(m, rng) if m.encrypted else _with_attachments(m, _body(m))
    if m.signed and not m.encrypted:
        content = _sign(m, content, rng)
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = _addr([m.sender])
    msg["To"] = _addr(m.to)
    if m.cc:
        msg["Cc"] = _addr(m.cc)
    if m.reply_to:
        msg["Reply-To"] = _addr(m.reply_to)
    msg["Subject"] = m.subject
    msg["Date"] = format_datetime(m.when)
    msg["Message-ID"] = f"<{msgid}>"
    if m.in_reply_to:
        msg["In-Reply-To"] = f"<{m.in_reply_to}>"
        msg["References"] = f"<{m.in_reply_to}>"
    msg["MIME-Version"] = "1.0"
    msg["X-Mailer"] = m.mailer
    for k, v in m.headers.items():
        msg[k] = v
    for k, v in content.items():
        msg[k] = v
    if content.is_multipart():
        for sub in content.get_payload():  # type: ignore[union-attr]
            msg.attach(sub)
    else:
        msg.set_payload(content.get_payload())
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"_{i:03d}_BW{seed:08x}_{msgid[:12].replace('@', '_')}")
    return msg.as_bytes()


# -- invitations and cards -----------------------------------------------------------------------------------
def _fold(line: str) -> str:
    out, cur = [], ""
    for ch in line:
        if len((cur + ch).encode("utf-8")) > 74:
            out.append(cur)
            cur = " "
        cur += ch
    out.append(cur)
    return "\r\n".join(out)


def _ics_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics(
    uid: str,
    organizer: tuple[str, str],
    attendees: list[tuple[str, str]],
    start: datetime,
    minutes: int,
    summary: str,
    location: str,
    description: str,
) -> str:
    fmt = "%Y%m%dT%H%M%S"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VTIMEZONE",
        "TZID:AUS Eastern Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010401T030000",
        "TZOFFSETFROM:+1100",
        "TZOFFSETTO:+1000",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        f"ORGANIZER;CN={organizer[0]}:mailto:{organizer[1]}",
    ]
    lines += [f'ATTENDEE;CN="{n}";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{a}' for n, a in attendees]
    lines += [
        f"DESCRIPTION;LANGUAGE=en-AU:{_ics_escape(description)}",
        f"UID:{uid}",
        f"SUMMARY;LANGUAGE=en-AU:{_ics_escape(summary)}",
        f"DTSTART;TZID=AUS Eastern Standard Time:{start.strftime(fmt)}",
        f"DTEND;TZID=AUS Eastern Standard Time:{(start + timedelta(minutes=minutes)).strftime(fmt)}",
        "DTSTAMP:20250303T000000Z",
        f"LOCATION;LANGUAGE=en-AU:{_ics_escape(location)}",
        "SEQUENCE:0",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "BEGIN:VALARM",
        "TRIGGER:-PT60M",
        "ACTION:DISPLAY",
        "DESCRIPTION:Reminder",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(x) for x in lines) + "\r\n"


def vcard(
    fn: str,
    family: str,
    given: str,
    org_name: str = "",
    title: str = "",
    tels: list[tuple[str, str]] = (),  # type: ignore[assignment]
    emails: list[str] = (),
    adr: tuple[str, str, str, str] | None = None,
    note: str = "",
) -> str:  # type: ignore[assignment]
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{fn}"]
    if org_name:
        lines.append(f"ORG:{org_name}")
    if title:
        lines.append(f"TITLE:{title}")
    lines += [f"TEL;TYPE={kind}:{num}" for kind, num in tels]
    lines += [f"EMAIL;TYPE=INTERNET:{e}" for e in emails]
    if adr:
        street, locality, region, pc = adr
        lines.append(f"ADR;TYPE=HOME:;;{street};{locality};{region};{pc};Australia")
    if note:
        lines.append(f"NOTE:{_ics_escape(note)}")
    lines += ["REV:20250303T000000Z", "END:VCARD"]
    return "\r\n".join(_fold(x) for x in lines) + "\r\n"


# -- quoting -------------------------------------------------------------------------------------------------
def outlook_quote(sender: str, when: datetime, to: str, subject: str, body: str) -> str:
    return (
        "\n\n________________________________\n"
        f"From: {sender}\nSent: {when.strftime('%A, %d %B %Y %I:%M %p')}\nTo: {to}\nSubject: {subject}\n\n" + body
    )


def gmail_quote(sender: str, when: datetime, body: str) -> str:
    head = f"On {when.strftime('%a, %d %b %Y')} at {when.strftime('%H:%M')}, {sender} wrote:"
    return "\n\n" + head + "\n" + "\n".join("> " + ln if ln else ">" for ln in body.split("\n"))


def forward_header(sender: str, when: datetime, to: str, subject: str) -> str:
    return (
        "\n\n---------- Forwarded message ---------\n"
        f"From: {sender}\nDate: {when.strftime('%a, %d %b %Y at %H:%M')}\nSubject: {subject}\nTo: {to}\n\n"
    )
