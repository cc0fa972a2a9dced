"""Small helpers shared by the email scenarios."""

from __future__ import annotations

import random

from . import mail, org
from .corpus import Rendered
from .mail import Attachment, Contact, Mail
from .population import Advocate, Client


def who(c: Client, rng: random.Random | None = None, email: str = "") -> Contact:
    name = c.full() if rng is None or rng.random() < 0.7 else c.formal(4)
    return (name, email or c.emails[0])


def staff_contact(s: org.Staff) -> Contact:
    return (s.name, s.email)


def adv_contact(a: Advocate) -> Contact:
    return (f"{a.name} ({a.party.name})", a.email)


def sig(s: org.Staff) -> str:
    return mail.staff_signature(s.name, s.title, s.team, s.phone, s.email)


def eml(m: Mail, rng: random.Random) -> Rendered:
    return ("eml", mail.build(m, rng))


def first(c: Client) -> str:
    return c.given.split()[0] if c.given else c.family


def pdf_att(name: str, data: tuple[str, bytes]) -> Attachment:
    ext, blob = data
    ctype = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "rtf": "application/rtf",
        "txt": "text/plain",
        "html": "text/html",
    }[ext]
    return Attachment(f"{name}.{ext}", ctype, blob)


def html_wrap(body: str, staff: org.Staff, *, banner: bool = True) -> str:
    head = (
        f"<div style='background:#1d4e6b;color:#fff;padding:8px'><img src='https://{org.WEB}/img/logo.png' "
        f"alt='{org.ORG_NAME}' title='{org.ORG_NAME}' width='180'></div>"
        if banner
        else ""
    )
    return (
        f"<html><head><meta charset='utf-8'></head><body style='font-family:Segoe UI,Arial'>{head}{body}"
        f"<p>Kind regards,<br><b>{staff.name}</b><br>{staff.title} | {staff.team}<br>{org.ORG_NAME}<br>"
        f"P <a href='tel:{staff.phone.replace(' ', '')}'>{staff.phone}</a> | "
        f"E <a href='mailto:{staff.email}'>{staff.email}</a></p>"
        f"<p style='font-size:8pt;color:#666'>This email may contain confidential information. If you received "
        f"it in error, tell us at <a href='mailto:{org.TEAM_LISTS['privacy']}'>{org.TEAM_LISTS['privacy']}</a>."
        f"</p></body></html>"
    )
