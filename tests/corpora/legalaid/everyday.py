"""Everyday legitimate mail: no client data, or only the recipient's own."""

from __future__ import annotations

import dataclasses
import random

from . import render
from .common import DOMAIN, INTERPRETER_DOMAIN, LAWYERS, ORG_PHONE, Corpus, signature
from .letters import FORMATS, client_letter, emit, pick
from .mail import COURT_MAIL, frm, staff
from .registry import FIRM_ADDR, FIRMS, Registry
from .text import COURTS, date_words, hearing

INTERNAL = [
    "Hi all,\n\nThe Bendigo office lifts will be serviced on Thursday between 7 and 9 am. Please use the "
    "stairs or the Mitchell Street entrance.\n\nFacilities",
    "Team,\n\nReminder: practice meeting Wednesday 4 March, 12.30 pm, boardroom. Agenda: new duty lawyer "
    "roster, CPD points, Easter closure (office closed 3-6 April).\n\nSinéad",
    "Hello,\n\nThe case management system will be unavailable from 6 pm Friday to 8 am Saturday for an "
    "upgrade. Save your work before you leave.\n\nIT Service Desk, ext 4410",
    "Hi,\n\nI'm on leave 9-13 March. Hamish McTaggart is covering my Shepparton duty days.\n\nPriya",
    "All,\n\nThe new family violence practice guide (version 3.2) is on the intranet. Key changes: safety "
    "screening at every first appointment, and confidential address handling.\n\nRosalind",
]
NONCLIENTS = [
    "Magistrate J. Hollingworth",
    "Deputy Registrar Amelia Frost",
    "Dr Nalini Perera",
    "Ms Catriona Vell (counsel)",
    "Mr Oscar Lindqvist (family consultant)",
    "Judge Marguerite Oyelaran",
]


def everyday(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    # letters to clients about their own matters, every layout
    for k in range(cp.n(8)):
        c = pick(rng, reg, lambda c, k=k: not c.suppressed or k % 3 == 0, avoid)
        ext, data = emit(client_letter(c, random.Random(500 + k), k), FORMATS[k % len(FORMATS)])
        cp.allow("everyday/client-letter", ext, data, f"letter to {c.client_id} about their own matter")
    # appointment reminders by email, own details only
    for k in range(cp.n(6)):
        c = pick(rng, reg, lambda c: bool(c.emails), avoid)
        lw = staff(k)
        h = hearing(rng)
        txt = (
            f"Dear {c.given},\n\nThis is a reminder of your appointment with {lw[0]} on "
            f"{date_words(h.date())} at {h.strftime('%H:%M')} (file {c.ref}). We will call you on {c.phones[0]} "
            f"if it needs to change.\n\nIf you cannot attend, call {ORG_PHONE}.\n\n{signature(lw)}"
        )
        html = None
        if k % 2:
            html = "<html><body>" + "".join(f"<p>{p}</p>" for p in txt.split("\n\n")) + "</body></html>"
        cp.allow(
            "everyday/appointment-reminder",
            "eml",
            mailer.mail(frm(lw), [f"{c.given} {c.family} <{c.emails[0]}>"], "Appointment reminder", txt, html),
            f"reminder to {c.client_id} with their own file and phone",
        )
    # internal notices without client data
    for k, body in enumerate(INTERNAL[: cp.n(5)]):
        cp.allow(
            "everyday/internal-notice",
            "eml",
            mailer.mail(frm(staff(k)), [f"all.staff@{DOMAIN}"], body.split("\n")[2][:40], body),
            "internal notice, no client data",
        )
    # court correspondence: approved domains, client file numbers allowed
    for k in range(cp.n(4)):
        c = pick(rng, reg, lambda c: not c.suppressed, avoid)
        lw = staff(k)
        h = hearing(rng)
        txt = (
            f"Dear Registrar,\n\nWe act for {c.title} {c.given} {c.family} (our file {c.ref}) and ask that the "
            f"matter listed on {date_words(h.date())} be adjourned for four weeks; {NONCLIENTS[k % 6]} has been "
            f"informed.\n\nYours faithfully,\n\n{signature(lw)}"
        )
        cp.allow(
            "everyday/court-email",
            "eml",
            mailer.mail(frm(lw), [COURT_MAIL[k % 4]], "Adjournment request", txt),
            f"file of {c.client_id} to a court (approved domain)",
        )
    # postal letters to courts: court file number and names only
    for k in range(cp.n(4)):
        court = COURTS[k % len(COURTS)]
        lw = staff(k + 2)
        L = render.Letter(
            addr=["The Registrar", court[0], court[1], court[2]],
            subject="Duty lawyer roster - April",
            salutation="Dear Registrar",
            signer=lw,
            paras=[
                f"Please find our duty lawyer roster for April. {lw[0]} will attend on Mondays and "
                "Thursdays; Daniel Okonkwo on Tuesdays.",
                f"Our duty lawyer mobile is 0491 570 156 and the office line is {ORG_PHONE}.",
                "We note the court will be closed on Easter Monday, 6 April 2026.",
            ],
        )
        ext, data = emit(L, FORMATS[(k + 1) % len(FORMATS)])
        cp.allow("everyday/court-letter", ext, data, "roster letter to a court, no client data")
    # to other side's solicitors: names and court file numbers only (no commission references)
    for k in range(cp.n(4)):
        firm, dom = FIRMS[k % len(FIRMS)]
        lw = staff(k + 1)
        L = render.Letter(
            addr=["The Principal", firm, *FIRM_ADDR[dom]],
            subject="Family law pro bono panel",
            salutation="Dear Colleague",
            signer=lw,
            paras=[
                "The Commission is renewing its family law panel for 2026-27. Firms on the panel take "
                "grants of legal assistance at the published scale.",
                "Applications close on 30 April 2026. Information sessions are at our Bendigo office on "
                "17 and 24 March at 5.30 pm.",
                f"Enquiries: {lw[0]}, {ORG_PHONE}.",
            ],
        )
        ext, data = emit(L, FORMATS[k % len(FORMATS)])
        cp.allow("everyday/practitioner-letter", ext, data, "panel letter to a private firm, no client data")
    # interpreter bookings (approved) with first names only
    for k in range(cp.n(3)):
        lw = staff(k + 3)
        h = hearing(rng)
        lang = ["Dinka", "Vietnamese", "Arabic", "Hazaragi", "Tongan"][k % 5]
        txt = (
            f"Hello,\n\nPlease book a {lang} interpreter at the {COURTS[k % 5][0]} on {date_words(h.date())} from "
            f"{h.strftime('%H:%M')} for two hours. Ask for the Legal Aid duty lawyer at the registry.\n\n"
            f"{signature(lw)}"
        )
        cp.allow(
            "everyday/interpreter-booking",
            "eml",
            mailer.mail(frm(lw), [f"bookings@{INTERPRETER_DOMAIN}"], f"{lang} interpreter", txt),
            "booking with no client data",
        )
    # CLE seminar with .ics
    for k in range(cp.n(3)):
        firm, dom = FIRMS[(k + 2) % len(FIRMS)]
        lw = staff(k)
        when = hearing(rng).replace(hour=17, minute=30)
        ev = render.ics(
            "CPD: Family violence and property settlement",
            when,
            "Ironbark Legal Aid, Level 3, 88 Hargreaves Mall, Bendigo",
            "1 CPD point. Light refreshments.",
            f"cpd-{k}",
            [f"info@{dom}"],
        )
        txt = f"Dear colleagues,\n\nYou are invited to our CPD seminar on {date_words(when.date())}.\n\n{signature(lw)}"
        cp.allow(
            "everyday/seminar-invite",
            "eml",
            mailer.mail(
                frm(lw),
                [f"info@{dom}"],
                "CPD seminar invitation",
                txt,
                attachments=[("seminar.ics", "text/calendar", ev)],
            ),
            "seminar invitation, no client data",
        )
    # newsletter / media release HTML
    for k in range(cp.n(3)):
        lw = staff(5)
        html = (
            f"<html><body><h1>Ironbark Legal Aid News - March 2026</h1><p>Our new Wodonga office opens on "
            f"16 March at 22 High Street. Call {ORG_PHONE} or visit <a href='https://www.{DOMAIN}/wodonga'>our "
            f"website</a>.</p><p>{NONCLIENTS[k]} spoke at our annual forum on fines reform.</p>"
            f"<p><a href='https://www.{DOMAIN}/unsubscribe'>Unsubscribe</a></p></body></html>"
        )
        cp.allow(
            "everyday/newsletter",
            "eml",
            mailer.mail(
                f"News <news@{DOMAIN}>",
                [f"subscribers{k}@lists.example"],
                "Ironbark Legal Aid News",
                "See the HTML version.",
                html,
            ),
            "newsletter, no client data",
        )
    # invoices from counsel, replies to job applicants (non-clients)
    for k in range(cp.n(3)):
        lw = staff(k + 2)
        if k % 2 == 0:
            txt = (
                f"Dear Ms Vell,\n\nThank you for your fee memorandum no. {rng.randint(1000, 9999)} of "
                f"${rng.randint(800, 3000)}.00 (incl. GST). It has been approved for payment within 30 days.\n\n"
                f"{signature(lw)}"
            )
            to, subj = "clerk@owenchambers.example", "Fee memorandum approved"
        else:
            txt = (
                f"Dear Mr Lindqvist,\n\nThank you for applying for the role of Lawyer - Tenancy (ref 2026/14). "
                f"Interviews will be held on 19 March; we will call you on the number you gave us.\n\n"
                f"People & Culture\n{ORG_PHONE}"
            )
            to, subj = "o.lindqvist@mail.example", "Your application"
        cp.allow("everyday/admin-mail", "eml", mailer.mail(frm(lw), [to], subj, txt), "admin mail, non-clients only")
    # to a client's own authorised representative
    for k in range(cp.n(3)):
        c = pick(rng, reg, lambda c: any("@" in x for x in c.contacts) and not c.suppressed, avoid)
        rep = next(x for x in c.contacts if "@" in x)
        lw = staff(k)
        txt = (
            f"Dear {reg.reps[rep][0].split()[0]},\n\nAs discussed, the grant for {c.given} {c.family} (our file "
            f"{c.ref}) has been extended to cover the final hearing.\n\n{signature(lw)}"
        )
        cp.allow(
            "everyday/authorised-representative",
            "eml",
            mailer.mail(frm(lw), [rep], "Grant extension", txt),
            f"file of {c.client_id} to their authorised representative",
        )
    # reply to a client quoting their own message
    for k in range(cp.n(3)):
        c = pick(rng, reg, lambda c: bool(c.emails), avoid)
        lw = staff(k + 4)
        txt = (
            f"Hi {c.given},\n\nThanks - I've updated your contact details.\n\n{lw[0]}\n\n> From: {c.given} "
            f"{c.family} <{c.emails[0]}>\n> My new mobile is {c.phones[0]}. File {c.ref}.\n"
        )
        cp.allow(
            "everyday/reply-to-client",
            "eml",
            mailer.mail(frm(lw), [c.emails[0]], "Re: new number", txt, in_reply_to=f"<r{k}@mail.example>"),
            f"reply to {c.client_id} quoting their own details",
        )
    # letter to a client with the commission's vCard
    for k in range(cp.n(2)):
        c = pick(rng, reg, lambda c: bool(c.emails) and not c.suppressed, avoid)
        lw = LAWYERS[k]
        vc = render.vcard(
            lw[0], lw[0].split()[-1], lw[0].split()[0], "Ironbark Legal Aid Commission", ORG_PHONE, f"{lw[1]}@{DOMAIN}"
        )
        cp.allow(
            "everyday/lawyer-vcard",
            "eml",
            mailer.mail(
                frm(lw),
                [c.emails[0]],
                "My contact details",
                f"Hi {c.given},\n\nMy details are attached.\n\n{lw[0]}",
                attachments=[("contact.vcf", "text/vcard", vc)],
            ),
            f"lawyer's vCard to {c.client_id}",
        )
    # PDF letter for a client with two-page length and a suppressed client at her own address
    for k in range(cp.n(2)):
        c = pick(rng, reg, lambda c: "postal_address" in c.suppressed, avoid)
        L = client_letter(c, random.Random(900 + k), k)
        L = dataclasses.replace(L, paras=L.paras * 4, extra=["Enc: safety planning brochure"])
        cp.allow(
            "everyday/client-letter-long",
            "pdf",
            render.pdf_letter(L),
            f"long letter to {c.client_id} at their own suppressed address",
        )
