"""Address blocks and matter wording shared by letters, mail and runs."""

from __future__ import annotations

import datetime as dt
import random

from .registry import TYPES, Client

COURTS = [
    ("Bendigo Law Courts", "9 Mollison Row", "BENDIGO VIC 3550"),
    ("Shepparton Justice Centre", "14 High Street", "SHEPPARTON VIC 3630"),
    ("Ballarat Court Precinct", "100 Camp Street", "BALLARAT VIC 3350"),
    ("Wodonga Justice Centre", "5 Elgin Boulevard", "WODONGA VIC 3690"),
    ("Geelong Law Courts", "30 Railway Terrace", "GEELONG VIC 3220"),
]
ABBR = {full: ab for full, ab in TYPES}


def date_words(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def hearing(rng: random.Random) -> dt.datetime:
    d = dt.datetime(2026, 3, 9, 9, 30) + dt.timedelta(days=rng.randint(0, 60))
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d.replace(hour=rng.choice([9, 10, 14]), minute=rng.choice([0, 30]))


def street_variant(street: str, style: int) -> str:
    s = street
    if style % 3 == 1:
        for full, ab in ABBR.items():
            if s.endswith(" " + full):
                s = s[: -len(full)] + ab
    if style % 4 == 2 and "/" in s and not s.startswith("Unit"):
        u, rest = s.split("/", 1)
        s = f"Unit {u}, {rest}"
    if style % 5 == 3:
        s = s.upper()
    return s


def name_line(c: Client, style: int) -> str:
    if style % 4 == 1:
        return f"{c.title} {c.given[0]}. {c.family}"
    if style % 4 == 2:
        return f"{c.title.upper()} {c.given.upper()} {c.family.upper()}"
    if style % 4 == 3:
        return f"{c.given} {c.family}"
    return f"{c.title} {c.given} {c.family}"


def addr_block(c: Client, style: int = 0, care_of: str | None = None) -> list[str]:
    lines = [name_line(c, style)]
    if care_of:
        lines.append(f"c/- {care_of}")
    lines.append(street_variant(c.street, style))
    loc = f"{c.suburb.upper()} VIC {c.postcode}" if style % 2 == 0 else f"{c.suburb}  VIC  {c.postcode}"
    lines.append(loc)
    return lines


def salutation(c: Client) -> str:
    return f"Dear {c.title} {c.family}"


def matter_text(c: Client, rng: random.Random, hear: dt.datetime | None = None) -> tuple[str, list[str]]:
    h = hear or hearing(rng)
    court = rng.choice(COURTS)
    when = f"{h.strftime('%A')} {date_words(h.date())} at {h.strftime('%I:%M %p').lstrip('0').lower()}"
    m = c.matter
    if m == "fv":
        subj = "Family violence intervention order - next court date"
        paras = [
            f"We confirm that we act for you in the intervention order proceeding. The matter is listed at the "
            f"{court[0]} on {when}.",
            "If you are worried about your safety when attending court, tell us before the hearing and we will "
            "ask the registry for a remote hearing or a separate waiting room.",
            f"Please bring this letter with you. If you need an interpreter, call us on 1300 792 118 and quote "
            f"file {c.ref}.",
        ]
    elif m == "family":
        subj = "Parenting matter - grant of legal assistance"
        paras = [
            f"We are pleased to tell you that a grant of legal assistance has been approved for your parenting "
            f"matter (our file {c.ref}).",
            f"A family dispute resolution conference has been booked for {when}. The conference will be held "
            "by video; a link will be sent to you the day before.",
            "You may be asked to contribute towards the cost of your legal assistance. We will write to you "
            "separately about any contribution.",
        ]
    elif m == "tenancy":
        subj = "Your tenancy - hearing at the tribunal"
        paras = [
            f"Your landlord's application for a possession order will be heard by the tribunal on {when}.",
            "Please gather your rent receipts, bank statements showing rent payments, and any messages with the "
            "agent about repairs.",
            f"Our reference is {c.ref}. Please quote it whenever you contact us.",
        ]
    elif m == "fines":
        subj = "Infringement review - outcome"
        paras = [
            f"We have received the outcome of the internal review of your infringements (our file {c.ref}).",
            f"Three of the five infringements have been withdrawn on special circumstances grounds. The "
            f"remaining two have been placed on a payment plan of ${rng.randint(20, 60)} a fortnight.",
            "If your circumstances change, please let us know before the next instalment is due.",
        ]
    else:
        subj = "Criminal matter - summary hearing"
        paras = [
            f"Your matter is listed for a contest mention at the {court[0]} on {when}.",
            "Please arrive at least 30 minutes early and ask for the duty lawyer at the registry counter.",
            f"Our file number is {c.ref}. If you cannot attend, you must contact us before the hearing date.",
        ]
    return subj, paras
