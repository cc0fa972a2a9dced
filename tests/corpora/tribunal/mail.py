"""Deterministic .eml messages: plain or HTML alternative bodies, quoted threads, attachments, calendar invitations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from .world import DOMAIN, TRIBUNAL

SIGNATURES = [
    f"Kind regards\n\nListings Team\n{TRIBUNAL}\nPO Box 4410, Albury NSW 2640 | 1300 018 226\nwww.{DOMAIN}",
    "Regards,\nRegistry Services | MCAT Shepparton\n14 High Street, Shepparton VIC 3630\nPh (03) 5821 4400",
    "Thanks\nGuardianship List Registry\nLevel 3, 55 Hovell Street, Wodonga VIC 3690 | T (02) 6021 7700",
]
DISCLAIMER = (
    "This email and any attachments are confidential and may be subject to legal professional privilege. If you "
    "are not the intended recipient, please notify the Tribunal on 1300 018 226 and delete it. The Tribunal "
    "acknowledges the Traditional Owners of the lands on which we work."
)


@dataclass
class Attachment:
    name: str
    data: bytes
    mime: str = "application/octet-stream"


@dataclass
class Mail:
    """A message as the tribunal's systems or staff would send it."""

    sender: str
    to: list[str]
    subject: str
    text: str
    cc: list[str] = field(default_factory=list)
    html: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    when: datetime = datetime(2026, 3, 2, 10, 15)
    sig: int = 0
    disclaimer: bool = True


def build(mail: Mail, mid: str) -> bytes:
    """Serialise with a fixed Date, Message-ID and MIME boundaries."""
    msg = EmailMessage()
    msg["From"] = mail.sender
    msg["To"] = ", ".join(mail.to)
    if mail.cc:
        msg["Cc"] = ", ".join(mail.cc)
    msg["Subject"] = mail.subject
    msg["Date"] = format_datetime(mail.when.replace(tzinfo=None)).replace("-0000", "+1100")
    msg["Message-ID"] = f"<{mid}@{DOMAIN}>"
    msg["X-Mailer"] = "MCAT CaseLink 4.2" if mail.html else "Microsoft Outlook 16.0"
    text = mail.text.rstrip() + "\n\n" + SIGNATURES[mail.sig % 3]
    if mail.disclaimer:
        text += "\n\n" + DISCLAIMER
    msg.set_content(text + "\n")
    if mail.html:
        msg.add_alternative(mail.html, subtype="html")
    for a in mail.attachments:
        maintype, subtype = a.mime.split("/")
        if maintype == "text":
            msg.add_attachment(a.data.decode("utf-8"), subtype=subtype, filename=a.name)
        else:
            msg.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.name)
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"----=_MCAT_{mid}_{i}")
    return msg.as_bytes(policy=SMTP)


def quote_gmail(author: str, when: datetime, body: str) -> str:
    stamp = when.strftime("%a, %-d %b %Y at %H:%M")
    return f"On {stamp}, {author} wrote:\n" + "\n".join("> " + line if line else ">" for line in body.splitlines())


def quote_outlook(author: str, to: str, when: datetime, subject: str, body: str) -> str:
    stamp = when.strftime("%A, %-d %B %Y %-I:%M %p")
    return f"-----Original Message-----\nFrom: {author}\nSent: {stamp}\nTo: {to}\nSubject: {subject}\n\n{body}"


def ics(uid: str, summary: str, start: datetime, attendees: list[tuple[str, str]], description: str) -> bytes:
    """A calendar invitation to an online hearing; attendees are (name, email)."""
    end = start + timedelta(hours=1)
    fmt = "%Y%m%dT%H%M%S"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//MCAT//CaseLink Hearings//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{DOMAIN}",
        "DTSTAMP:20260302T000000Z",
        f"DTSTART;TZID=Australia/Melbourne:{start.strftime(fmt)}",
        f"DTEND;TZID=Australia/Melbourne:{end.strftime(fmt)}",
        f"SUMMARY:{summary}",
        "DESCRIPTION:" + description.replace("\n", "\\n").replace(",", "\\,"),
        f"LOCATION:https://hearings.{DOMAIN}/join/{uid.lower()}",
        f"ORGANIZER;CN=MCAT Listings:mailto:listings@{DOMAIN}",
    ]
    lines += [f'ATTENDEE;CN="{n}";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{e}' for n, e in attendees]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    folded = []
    for line in lines:
        while len(line) > 74:
            folded.append(line[:74])
            line = " " + line[74:]
        folded.append(line)
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")
