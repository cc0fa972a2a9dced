"""Areas: threads (forwards and replies with quoted history) and html-mail (alternatives, hidden parts)."""

from __future__ import annotations

import html as htmlmod
import random

from . import render
from .common import DOMAIN, Corpus, signature
from .letters import pick, unrelated
from .mail import frm, fv_pair, loose_address, staff
from .registry import Client, Registry
from .text import date_words, hearing


def threads(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    for k in range(cp.n(4)):
        v, r, sol = fv_pair(cp, reg, avoid, "phone" if k % 2 else "postal_address")
        lw = staff(k + 1)
        he = "he" if r.title == "Mr" else "she"
        if k % 2 == 0:
            detail = f"my new place at {loose_address(v, k)}"
            ask, sig = f"Can {he} drop them at {detail}?", f"thanks {v.given}"
            red_from, red_to = detail, "[details removed]"
        else:
            detail = v.phones[0]
            ask, sig = f"Can {he} drop them at the school office?", f"--\n{v.given} {v.family}\nm. {detail}"
            red_from, red_to = f"m. {detail}", "m. [number removed]"
        quoted = (
            f"---------- Forwarded message ---------\nFrom: {v.given} {v.family}\n"
            f"Date: Fri, 27 Feb 2026 at 7:12 pm\nSubject: kids stuff\nTo: {lw[1]}@{DOMAIN}\n\n"
            f"Hi {lw[0].split()[0]}, {he} still has the kids' school bags and Ellie's asthma puffer. {ask} "
            f"Or can your office pass them on\n\n{sig}\n"
        )
        top = (
            f"Dear {reg.reps[sol][0].split()[0]},\n\nPlease see our client's request below about the children's "
            f"belongings. Could your client arrange return this week?\n\nRegards\n{lw[0]}\n\n"
        )
        red = quoted.replace(red_from, red_to)
        subj = "Fwd: kids stuff"
        cp.pair(
            "threads/forward-with-history",
            "eml",
            mailer.mail(frm(lw), [sol], subj, top + quoted),
            mailer.mail(frm(lw), [sol], subj, top + red),
            ["suppressed_detail_exposed"],
            f"forwarded history shows suppressed detail of {v.client_id} to the solicitor of {r.client_id}",
            f"same forward about {v.client_id}, detail redacted",
            suppressed=True,
        )
    for k in range(cp.n(3)):
        a = pick(rng, reg, lambda c: bool(c.emails) and not c.suppressed, avoid)
        b = pick(rng, reg, lambda c, a=a: unrelated(a, c) and not c.suppressed, avoid)
        lw = staff(k + 3)

        def th(c: Client, a: Client = a, lw: tuple = lw) -> str:
            return (
                f"Hi {a.given},\n\nYes, the hearing is still on. See you at court.\n\n{lw[0]}\n\n"
                f"On Mon, 2 Mar 2026 at 8:02 am, {a.given} {a.family} <{a.emails[0]}> wrote:\n"
                f"> Is my hearing still on? I can't find the letter.\n>\n"
                f"> On Tue, 24 Feb 2026, {lw[0]} <{lw[1]}@{DOMAIN}> wrote:\n"
                f"> > Matter: {c.given} {c.family} - file {c.ref}\n"
                f"> > Hearing confirmed for {date_words(hearing(random.Random(c.client_id)).date())}.\n"
            )

        cp.pair(
            "threads/reply-wrong-history",
            "eml",
            mailer.mail(frm(lw), [a.emails[0]], "Re: hearing", th(b), in_reply_to=f"<q{k}.{a.client_id}@mail>"),
            mailer.mail(frm(lw), [a.emails[0]], "Re: hearing", th(a), in_reply_to=f"<q{k}.{a.client_id}@mail>"),
            ["mismatched_recipient", "mixed_client_documents"],
            f"reply to {a.client_id} quotes an earlier message about {b.client_id}",
            f"reply to {a.client_id} quoting their own matter",
        )


def html_mail(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    for k in range(cp.n(4)):
        a = pick(rng, reg, lambda c: bool(c.emails) and not c.suppressed, avoid)
        b = pick(rng, reg, lambda c, a=a: unrelated(a, c) and not c.suppressed, avoid)
        lw = staff(k)
        h = hearing(rng)

        def html_(c: Client, a: Client = a, lw: tuple = lw, h=h) -> str:
            e = htmlmod.escape
            return (
                f"<html><body style='font-family:Calibri'><p>Dear {e(a.given)},</p><p>Your appointment is "
                f"confirmed.</p><table border='1' cellpadding='4'><tr><th>Client</th><td>{e(c.given)} "
                f"{e(c.family)}</td></tr><tr><th>File</th><td>{e(c.ref)}</td></tr><tr><th>When</th><td>"
                f"{h.strftime('%d/%m/%Y %H:%M')}</td></tr><tr><th>Where</th><td>Bendigo office</td></tr></table>"
                f"{signature(lw, html=True)}</body></html>"
            )

        txt = f"Dear {a.given},\n\nYour appointment is confirmed for {h.strftime('%d/%m/%Y %H:%M')}.\n\n{lw[0]}"
        cp.pair(
            "html-mail/table-only-in-html",
            "eml",
            mailer.mail(frm(lw), [a.emails[0]], "Appointment confirmation", txt, html_(b)),
            mailer.mail(frm(lw), [a.emails[0]], "Appointment confirmation", txt, html_(a)),
            ["mismatched_recipient", "mixed_client_documents"],
            f"HTML part of mail to {a.client_id} shows file of {b.client_id}; text part clean",
            f"HTML mail to {a.client_id} with their own file",
        )
    for k in range(cp.n(2)):
        v, r, sol = fv_pair(cp, reg, avoid)
        lw = staff(k + 2)
        hid = f"<div style='display:none'>Client address (do not disclose): {htmlmod.escape(v.address)}</div>"
        base = (
            f"<html><body><p>Dear {htmlmod.escape(reg.reps[sol][0].split()[0])},</p><p>We enclose our client's "
            f"response to your letter of 20 February.</p>{{H}}{signature(lw, html=True)}</body></html>"
        )
        txt = f"Dear {reg.reps[sol][0].split()[0]},\n\nWe enclose our client's response to your letter of 20 February."
        cp.pair(
            "html-mail/hidden-div",
            "eml",
            mailer.mail(frm(lw), [sol], "Response", txt, base.replace("{H}", hid)),
            mailer.mail(frm(lw), [sol], "Response", txt, base.replace("{H}", "")),
            ["suppressed_detail_exposed"],
            f"hidden HTML block shows suppressed address of {v.client_id} to the solicitor of {r.client_id}",
            f"same HTML mail about {v.client_id} without it",
            suppressed=True,
        )
