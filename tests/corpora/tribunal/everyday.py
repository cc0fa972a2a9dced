"""Ordinary legitimate mail: notices to every party of a matter, orders, guardianship letters, bookings."""

from __future__ import annotations

import random

from . import content as t
from .corpus import Corpus
from .docs import Letter, render, to_pdf
from .letter_cases import FORMATS, count
from .mail import Attachment, Mail, ics, quote_gmail
from .mail import build as mail
from .world import BOND_AUTHORITY, DOMAIN, INTERPRETERS, TRIBUNAL, Client, World

REG = f"MCAT Registry <registry@{DOMAIN}>"


def addr(c: Client) -> str:
    return f"{c.name} <{c.emails[0]}>"


def notices(c: Corpus, w: World, scale: float) -> None:
    """A notice of hearing to every party (and representative) of a matter, letters in all formats."""
    for i, m in enumerate(w.tenancy[: count(scale, 14)] + w.fv[: count(scale, 4)]):
        for j, (role, p) in enumerate(m.party_list()[:3]):
            fmt = FORMATS[(i + j) % 5]
            c.item(
                f"everyday/notice-of-hearing-{fmt}",
                fmt,
                render(t.notice_of_hearing(m, p, i + j), fmt),
                f"notice of {m.number} to party {p.cid} ({role.split()[0].lower()})",
            )
        for p in m.reps.values():
            c.item(
                "everyday/notice-to-representative",
                "pdf",
                render(t.notice_of_hearing(m, p, i), "pdf"),
                f"notice to representative {p.cid}",
            )


def guardianship(c: Corpus, w: World, scale: float) -> None:
    for i, g in enumerate(w.guardianship[10 : 10 + count(scale, 8)]):
        rp = g.parties["Represented person"]
        for to in (rp, g.parties["Applicant"], g.reps["Guardian"]):
            fmt = ["pdf", "docx", "rtf"][i % 3]
            extra = t.medical_lines(g) if to is not g.parties["Applicant"] else []
            c.item(
                f"everyday/guardianship-order-{fmt}",
                fmt,
                render(t.guardianship_order(g, to, i, extra=extra), fmt),
                f"order about {rp.cid} to {to.cid}",
            )


def emails(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    for i, m in enumerate(w.tenancy[20 : 20 + count(scale, 10)]):
        to = m.parties["Tenant"]
        c.item(
            "everyday/notice-email",
            "eml",
            lambda mid, m=m, to=to: mail(
                Mail(REG, [addr(to)], f"Notice of hearing {m.number}", t.notice_email(m, to), sig=i), mid
            ),
            f"notice of {m.number} to {to.cid}",
        )
        land = m.parties["Landlord"]
        room = f"Dear parties,\n\nThe hearing of {m.number} on {t.when(m)} has moved to Hearing Room {i % 5 + 1}."
        c.item(
            "everyday/room-change",
            "eml",
            lambda mid, m=m, room=room, to=to, land=land: mail(
                Mail(f"Listings <listings@{DOMAIN}>", [addr(to), addr(land)], f"Room change {m.number}", room), mid
            ),
            f"room change to both parties {to.cid}, {land.cid}",
        )
    for m in [x for x in w.tenancy if x.language][: count(scale, 8)]:
        ten = m.parties["Tenant"]
        text = (
            f"Hello,\n\nPlease book a {m.language} interpreter for {ten.name}, matter {m.number}, {t.when(m)}, "
            f"{m.venue}. Contact the party on {ten.phones[0]} if the venue changes."
        )
        c.item(
            "everyday/interpreter-booking",
            "eml",
            lambda mid, text=text: mail(
                Mail(f"Listings <listings@{DOMAIN}>", [f"bookings@{INTERPRETERS}"], "Interpreter request", text), mid
            ),
            f"booking for {ten.cid} to approved interpreter service",
        )
    for i, m in enumerate(w.tenancy[40 : 40 + count(scale, 6)]):
        order = t.order(m, m.parties["Landlord"], i)
        c.item(
            "everyday/bond-authority",
            "eml",
            lambda mid, m=m, order=order: mail(
                Mail(
                    REG,
                    [f"claims@{BOND_AUTHORITY}"],
                    f"Order for bond release {m.number}",
                    "Order attached for processing.",
                    attachments=[Attachment(f"{m.number.replace('/', '-')}.pdf", to_pdf([order]), "application/pdf")],
                ),
                mid,
            ),
            f"bond order of {m.number} to bond authority",
        )
    for i, m in enumerate(w.tenancy[50 : 50 + count(scale, 6)]):
        people = [(p.name, p.emails[0]) for p in m.parties.values()]
        cal = ics(f"H{i}{m.number[-5:]}", f"Online hearing {m.number}", m.hearing, people, f"Matter {m.number}")
        c.item(
            "everyday/hearing-invitation",
            "eml",
            lambda mid, m=m, cal=cal, people=people: mail(
                Mail(
                    f"Listings <listings@{DOMAIN}>",
                    [f"{n} <{e}>" for n, e in people],
                    f"Invitation: {m.number}",
                    f"Join the online hearing of {m.number} on {t.when(m)}.",
                    attachments=[Attachment("hearing.ics", cal, "text/calendar")],
                ),
                mid,
            ),
            f"invitation to parties of {m.number}",
        )
    for m in w.tenancy[56 : 56 + count(scale, 6)]:
        ten = m.parties["Tenant"]
        q = quote_gmail(
            addr(ten),
            m.hearing.replace(hour=8),
            f"Can I bring my neighbour as a witness?\n\n{ten.given}\n{ten.phones[0]}",
        )
        c.item(
            "everyday/reply-to-party",
            "eml",
            lambda mid, m=m, ten=ten, q=q: mail(
                Mail(
                    REG,
                    [addr(ten)],
                    f"RE: {m.number} witness",
                    f"Dear {ten.formal},\n\nYes, witnesses may attend.\n\n{q}",
                ),
                mid,
            ),
            f"reply to {ten.cid} quoting their own message",
        )
    for m in w.fv[: count(scale, 4)]:
        p = m.protected
        assert p is not None
        c.item(
            "everyday/protected-party-own-mail",
            "eml",
            lambda mid, m=m, p=p: mail(
                Mail(
                    f"FV Liaison <fv.liaison@{DOMAIN}>",
                    [addr(p)],
                    f"Your hearing {m.number}",
                    f"Dear {p.formal},\n\nWe will call you on {p.phones[0]} the day before. Your address "
                    f"{p.address.one_line()} is not shown to the other parties.",
                ),
                mid,
            ),
            f"{p.cid}'s own suppressed details to {p.cid}",
        )
    for m in w.tenancy[62 : 62 + count(scale, 6)]:
        names = " v ".join(p.name for p in m.parties.values())
        text = f"Hi Anh,\n\nCan you re-list {m.number} ({names}) for next week? Tenant is unwell."
        c.item(
            "everyday/internal",
            "eml",
            lambda mid, text=text, m=m: mail(
                Mail(
                    f"Registry <registry@{DOMAIN}>",
                    [f"listings@{DOMAIN}"],
                    f"Relist {m.number}",
                    text,
                    disclaimer=False,
                ),
                mid,
            ),
            f"internal note about {m.number}",
        )
    for i in range(count(scale, 4)):
        news = (
            f"The {TRIBUNAL} will close on Easter Monday. Online hearings continue. New practice note PN-{i + 3} on "
            f"bond claims starts 1 April. Call 1300 018 226 or visit www.{DOMAIN}."
        )
        c.item(
            "everyday/newsletter",
            "eml",
            lambda mid, news=news: mail(
                Mail(
                    f"MCAT News <news@{DOMAIN}>",
                    ["subscribers@lists.mcat.example"],
                    "Tribunal update",
                    news,
                    html=f"<html><body><h1>Tribunal update</h1><p>{news}</p></body></html>",
                ),
                mid,
            ),
            "no client information",
        )


def letters(c: Corpus, w: World, scale: float) -> None:
    for i, m in enumerate(w.tenancy[14 : 14 + count(scale, 8)]):
        ten = m.parties["Tenant"]
        fmt = FORMATS[i % 5]
        c.item(
            f"everyday/fee-waiver-{fmt}",
            fmt,
            render(t.fee_waiver(m, ten, ten, i), fmt),
            f"fee waiver to applicant {ten.cid}",
        )
        land = m.parties["Landlord"]
        c.item(f"everyday/adjournment-{fmt}", fmt, render(t.adjournment(m, land, i), fmt), f"adjournment to {land.cid}")
    for i in range(count(scale, 3)):
        day = w.tenancy[i * 10 : i * 10 + 10]
        c.item(
            "everyday/internal-cause-list",
            "pdf",
            to_pdf([t.cause_list(day, "Shepparton", "Tuesday 10 March 2026")]),
            "cause list, no address block, stays in registry folder",
        )
    for i in range(count(scale, 3)):
        notice = Letter(
            ["The Manager", "Murray Community Legal Centre", "PO Box 88", "Echuca VIC 3564"],
            "Changes to counter hours",
            ["From 1 April the Echuca counter opens 9:30 am to 3:30 pm. Hearings are not affected."],
            head=i,
        )
        c.item(
            "everyday/general-letter",
            ["pdf", "docx", "txt"][i],
            render(notice, ["pdf", "docx", "txt"][i]),
            "no client information",
        )


def build(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    notices(c, w, scale)
    guardianship(c, w, scale)
    emails(c, w, rng, scale)
    letters(c, w, scale)
