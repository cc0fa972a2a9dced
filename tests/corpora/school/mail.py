"""Deterministic .eml messages (plain, HTML alternative, attachments) and .ics invitations."""

from __future__ import annotations

import datetime as dt
import email.policy
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

BASE = dt.datetime(2025, 3, 3, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=11)))
MIME = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "csv": ("text", "csv"),
    "zip": ("application", "zip"),
    "rtf": ("application", "rtf"),
    "txt": ("text", "plain"),
}


@dataclass
class Mail:
    """An outgoing message as staff or a system would send it."""

    sender: str
    to: list[str]
    subject: str
    text: str
    cc: list[str] = field(default_factory=list)
    bcc: list[str] = field(default_factory=list)
    html: str = ""
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    ics: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def eml_bytes(m: Mail, n: int) -> bytes:
    """The message with a fixed date, Message-ID and MIME boundaries derived from n."""
    msg = EmailMessage()
    msg["From"] = m.sender
    msg["To"] = ", ".join(m.to)
    if m.cc:
        msg["Cc"] = ", ".join(m.cc)
    if m.bcc:
        msg["Bcc"] = ", ".join(m.bcc)
    msg["Subject"] = m.subject
    msg["Date"] = format_datetime(BASE + dt.timedelta(minutes=37 * n))
    msg["Message-ID"] = f"<{n:05d}.{abs(hash_text(m.subject)) % 10**8:08d}@mail.lmschools.example>"
    for k, v in m.headers.items():
        msg[k] = v
    msg.set_content(m.text)
    if m.html:
        msg.add_alternative(m.html, subtype="html")
    if m.ics:
        msg.add_attachment(
            m.ics.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            filename="invite.ics",
            params={"method": "REQUEST"},
        )
    for name, data in m.attachments:
        maintype, subtype = MIME.get(name.rsplit(".", 1)[-1].lower(), ("application", "octet-stream"))
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_lmsr_{n:05d}_{i}")
    return msg.as_bytes(policy=email.policy.SMTP)


def hash_text(s: str) -> int:
    """A stable hash (Python's hash() is salted per process)."""
    h = 2166136261
    for ch in s.encode("utf-8"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h


def ics_text(
    uid: str,
    start: dt.datetime,
    minutes: int,
    summary: str,
    organizer: str,
    attendees: list[str],
    description: str,
    location: str,
) -> str:
    """A VCALENDAR REQUEST with one event."""
    fmt = "%Y%m%dT%H%M%S"
    end = start + dt.timedelta(minutes=minutes)
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//LMSR//Interviews//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20250303T083000Z",
        f"DTSTART;TZID=Australia/Melbourne:{start.strftime(fmt)}",
        f"DTEND;TZID=Australia/Melbourne:{end.strftime(fmt)}",
        f"SUMMARY:{summary}",
        f"LOCATION:{location}",
        f"ORGANIZER:mailto:{organizer}",
        *[f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{a}" for a in attendees],
        "DESCRIPTION:" + description.replace("\n", "\\n"),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def quote(text: str, who: str, when: str) -> str:
    """A Gmail-style quoted reply."""
    return f"On {when}, {who} wrote:\n" + "\n".join("> " + ln for ln in text.splitlines())


def outlook_quote(text: str, sender: str, to: str, when: str, subject: str) -> str:
    """An Outlook-style quoted original."""
    return f"-----Original Message-----\nFrom: {sender}\nSent: {when}\nTo: {to}\nSubject: {subject}\n\n{text}"
