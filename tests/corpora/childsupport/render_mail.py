"""Outgoing messages as .eml: plain, HTML alternatives, attachments and calendar invitations, with fixed dates,
boundaries and Message-IDs."""

from __future__ import annotations

import email.policy
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from .world import AGENCY, DOMAIN

AEST = timezone(timedelta(hours=10))
DISCLAIMER = (
    f"This email and any attachments are confidential and intended only for the addressee. If you have "
    f"received it in error please tell us and delete it. {AGENCY} - ABN 00 000 000 000."
)


@dataclass
class Mail:
    """One outgoing message."""

    sender: str
    to: list[str]
    subject: str
    text: str
    cc: list[str] = field(default_factory=list)
    html: str | None = None
    attachments: list[tuple[str, bytes, str]] = field(default_factory=list)
    reply_to: str | None = None
    calendar: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)


def signature(name: str, team: str, phone: str = "1300 555 014") -> str:
    return f"\n\nKind regards,\n\n{name}\n{team} | {AGENCY}\nPh {phone} | www.{DOMAIN}\n\n{DISCLAIMER}\n"


def to_eml(mail: Mail, key: str, when: datetime) -> bytes:
    """Serialise with boundaries and ids derived from the item key, so a seed always writes the same bytes."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = mail.sender
    msg["To"] = ", ".join(mail.to)
    if mail.cc:
        msg["Cc"] = ", ".join(mail.cc)
    if mail.reply_to:
        msg["Reply-To"] = mail.reply_to
    msg["Subject"] = mail.subject
    msg["Date"] = format_datetime(when.astimezone(AEST))
    msg["Message-ID"] = f"<{key}.{when:%Y%m%d%H%M}@mail.{DOMAIN}>"
    for k, v in mail.headers:
        msg[k] = v
    msg.set_content(mail.text)
    if mail.html is not None:
        msg.add_alternative(mail.html, subtype="html")
    if mail.calendar is not None:
        msg.add_alternative(mail.calendar, subtype="calendar", params={"method": "REQUEST"})
    for name, data, mime in mail.attachments:
        maintype, subtype = mime.split("/")
        if maintype == "text":
            msg.add_attachment(data.decode("utf-8"), subtype=subtype, filename=name)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for n, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_sccsa_{key}_{n}")
    return msg.as_bytes(policy=email.policy.SMTP)


def ics(
    uid: str,
    summary: str,
    start: datetime,
    minutes: int,
    location: str,
    description: str,
    organizer: str,
    attendees: list[tuple[str, str]],
) -> str:
    """A REQUEST invitation with a fixed DTSTAMP."""

    def t(d: datetime) -> str:
        return d.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    desc = description.replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//SCCSA//Mediation Scheduler 4.2//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{DOMAIN}",
        "DTSTAMP:20250303T000000Z",
        f"DTSTART:{t(start)}",
        f"DTEND:{t(start + timedelta(minutes=minutes))}",
        f"SUMMARY:{summary}",
        f"LOCATION:{location.replace(',', chr(92) + ',')}",
        f"DESCRIPTION:{desc}",
        f"ORGANIZER;CN=SCCSA Mediation:mailto:{organizer}",
    ]
    lines += [f"ATTENDEE;CN={cn};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{addr}" for cn, addr in attendees]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"
