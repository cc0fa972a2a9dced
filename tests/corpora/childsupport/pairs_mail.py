"""Incident/twin pairs in messages: headers and links, loose suppressed details, attachments, threads, HTML."""

from __future__ import annotations

import random

from . import letters as L
from .corpus import Corpus
from .render_docs import render
from .render_mail import Mail, signature, to_eml
from .world import DOMAIN, NZ, World, fmt_ref

MR = ["mismatched_recipient"]
SUP = ["suppressed_detail_exposed"]
STAFF = ["Dana Kowalski", "Sione Taufa", "Priya Gill", "Marco Rossi", "Leila Karimi", "Jack Murphy"]


def _n(base: int, scale: float) -> int:
    return max(1, round(base * scale))


def _case_mail(case, c, r: random.Random, to: list[str], extra: str = "", link_ref: str | None = None) -> Mail:
    ref = fmt_ref(c.crn, r.randrange(3))
    link = f"\n\nView it online: https://my.{DOMAIN}/statements?crn={link_ref or c.crn}&case={case.number}\n"
    text = (
        f"Dear {c.given},\n\nYour {r.choice(['payment statement', 'assessment notice', 'balance summary'])} for "
        f"case {fmt_ref(case.number, r.randrange(3))} (customer reference {ref}) is ready.{extra}"
        f"{link if link_ref is not None else ''}" + signature(r.choice(STAFF), "Customer Service")
    )
    return Mail(f"{r.choice(STAFF)} <customer.service@{DOMAIN}>", to, f"Your child support case {case.number}", text)


def headers_links(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    plain = w.plain()
    for _ in range(_n(3, scale)):
        a, b = rng.sample(plain, 2)
        key = rng.random()

        def make(ident: str, inc: bool, a=a, b=b, key=key):
            r = random.Random(key)
            to = f"{a.payer.name} <{(b.payer if inc else a.payer).email}>"
            return to_eml(_case_mail(a, a.payer, r, [to]), ident, c.when()), "eml"

        c.pair("headers-links/autocomplete", make, MR, note=f"mail about {a.payer.cid} to the address of {b.payer.cid}")
    for case in [k for k in w.victims() if "email" in k.victim.suppressed][7 : 7 + _n(3, scale)]:
        v, o = case.victim, case.other(case.victim)
        key = rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key):
            r = random.Random(key)
            mail = _case_mail(case, v, r, [v.email])
            if inc:
                mail.cc = [o.email]
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "headers-links/cc-other-parent",
            make,
            SUP + MR,
            suppressed=True,
            note=f"mail to {v.cid} at suppressed email copied to other parent {o.cid}",
        )
    for _ in range(_n(3, scale)):
        a, b = rng.sample(plain, 2)
        key = rng.random()

        def make(ident: str, inc: bool, a=a, b=b, key=key):
            r = random.Random(key)
            mail = _case_mail(a, a.payee, r, [a.payee.email], link_ref=(b.payee if inc else a.payee).crn)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "headers-links/link-reference",
            make,
            MR + ["mixed_client_documents"],
            note=f"link in mail to {a.payee.cid} carries reference of {b.payee.cid}",
        )
    for case in [k for k in w.cases if k.overseas][: _n(2, scale)] or w.cases[:1]:
        key = rng.random()

        def make(ident: str, inc: bool, case=case, key=key):
            r = random.Random(key)
            dom = "ird-childsupport-nz.example" if inc else NZ
            text = (
                f"Kia ora,\n\nPlease register the assessment for {case.payer.name} (customer {case.payer.crn}, "
                f"born {case.payer.dob}) for collection in New Zealand. Case {case.number}."
                + signature(r.choice(STAFF), "International Cases")
            )
            mail = Mail(
                f"International Cases <international@{DOMAIN}>", [f"liaison@{dom}"], "Registration request", text
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "headers-links/lookalike-domain",
            make,
            MR,
            note=f"details of {case.payer.cid} to a look-alike of the approved overseas agency",
        )


def suppressed_loose(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    vs = w.victims()
    for i, case in enumerate(vs[: _n(4, scale)]):
        v, o = case.victim, case.other(case.victim)
        what = v.suppressed[i % len(v.suppressed)]
        key = rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, what=what, key=key):
            r = random.Random(key)
            detail = L.suppressed_line(v, r, what) if inc else "[withheld - protected]"
            text = (
                f"Hi {o.given},\n\nThanks for your call today. I have checked the file: the other parent's "
                f"{'address' if what == 'postal_address' else what} on record is {detail}. Any documents for "
                f"her will be sent by us.\n\nCase {fmt_ref(case.number, 0)}."
                + signature(r.choice(STAFF), "Customer Service")
            )
            mail = Mail(f"Customer Service <customer.service@{DOMAIN}>", [o.email], "Re: your call", text)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "suppressed-loose/staff-reply",
            make,
            SUP,
            suppressed=True,
            note=f"reply to {o.cid} gives suppressed {what} of {v.cid}",
        )
    for i, case in enumerate(vs[4 : 4 + _n(4, scale)]):
        v, o = case.victim, case.other(case.victim)
        what = v.suppressed[-1]
        fmt, key = ["pdf", "docx", "rtf", "txt"][i % 4], rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, what=what, fmt=fmt, key=key):
            r = random.Random(key)
            detail = L.suppressed_line(v, r, what)
            extra = [
                f"If the children's care changes, the other parent can be reached on {detail}."
                if inc
                else "If the children's care changes, tell us and we will contact the other parent."
            ]
            return render(L.change_ack(case, o, r, extra=extra), fmt), fmt

        c.pair(
            "suppressed-loose/letter-sentence",
            make,
            SUP,
            suppressed=True,
            note=f"letter to {o.cid} carries suppressed {what} of {v.cid}",
        )
    for case in vs[8 : 8 + _n(3, scale)]:
        v = case.victim
        key = rng.random()

        def make(ident: str, inc: bool, case=case, v=v, key=key):
            r = random.Random(key)
            to = (
                f"{r.choice(['collections.team', 'k.walker', 'objections'])}@{DOMAIN}"
                if inc
                else r.choice(["fv.safety@sccsa.example", "privacy.officer@sccsa.example"])
            )
            text = (
                f"FYI - {v.name} ({fmt_ref(v.crn, 1)}) moved. New address "
                f"{L.suppressed_line(v, r, 'postal_address')}, mobile {L.suppressed_line(v, r, 'phone')}. "
                "Safety flag stays on." + signature(r.choice(STAFF), "Customer Service")
            )
            mail = Mail(
                f"{r.choice(STAFF)} <{r.choice(['d.kowalski', 's.taufa', 'p.gill'])}@{DOMAIN}>",
                [to],
                "Address change - protected customer",
                text,
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "suppressed-loose/internal-not-cleared",
            make,
            SUP,
            suppressed=True,
            note=f"suppressed details of {v.cid} to internal staff not cleared for them",
        )


def mime_parts(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    plain = w.plain()
    for i in range(_n(3, scale)):
        case = plain[40 + i] if len(plain) > 40 + i else rng.choice(plain)
        fmt, key = ["pdf", "docx", "pdf"][i % 3], rng.random()

        def make(ident: str, inc: bool, case=case, fmt=fmt, key=key):
            r = random.Random(key)
            who = case.payee if inc else case.payer
            doc = render(L.assessment(case, who, random.Random(key)), fmt)
            mime = (
                "application/pdf"
                if fmt == "pdf"
                else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            )
            mail = Mail(
                f"Assessments <assessments@{DOMAIN}>",
                [case.payer.email],
                "Your assessment notice",
                f"Dear {case.payer.given},\n\nYour assessment notice is attached."
                + signature(r.choice(STAFF), "Assessments"),
                attachments=[(f"assessment-notice.{fmt}", doc, mime)],
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "mime-parts/other-parents-copy", make, MR, note=f"{case.payer.cid} sent the payee {case.payee.cid}'s copy"
        )
    for _i, case in enumerate([k for k in w.victims() if k.victim is k.payee][3 : 3 + _n(3, scale)]):
        v, o = case.victim, case.payer
        key = rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key):
            r = random.Random(key)
            mine = render(L.statement(case, o, random.Random(key)), "pdf")
            attach = [("statement.pdf", mine, "application/pdf")]
            if inc:
                attach.append(
                    (
                        "statement (1).pdf",
                        render(L.statement(case, v, random.Random(key + 1)), "pdf"),
                        "application/pdf",
                    )
                )
            mail = Mail(
                f"Payments <payments@{DOMAIN}>",
                [o.email],
                "Statements",
                f"Hi {o.given},\n\nAs requested, your statement is attached." + signature(r.choice(STAFF), "Payments"),
                attachments=attach,
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "mime-parts/second-attachment",
            make,
            SUP + MR,
            suppressed=True,
            note=f"second attachment is {v.cid}'s statement with suppressed address, sent to {o.cid}",
        )
    for _i in range(_n(2, scale)):
        a, b = rng.sample(plain, 2)
        key = rng.random()

        def make(ident: str, inc: bool, a=a, b=b, key=key):
            r = random.Random(key)
            src = b if inc else a
            doc = render(L.collection(src, src.payer, random.Random(key)), "rtf")
            mail = Mail(
                f"Collections <collections@{DOMAIN}>",
                [a.payer.email],
                "Your letter",
                f"Dear {a.payer.given},\n\nA copy of our letter is attached as you asked."
                + signature(r.choice(STAFF), "Collections"),
                attachments=[("letter.rtf", doc, "application/rtf")],
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "mime-parts/wrong-case-attachment",
            make,
            MR + ["mixed_client_documents"],
            note=f"mail to {a.payer.cid} attaches letter of {b.payer.cid}",
        )


def threads(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    vs = w.victims()
    for case in vs[11 : 11 + _n(3, scale)]:
        v, o = case.victim, case.other(case.victim)
        key = rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key):
            r = random.Random(key)
            quoted = [
                f"On Mon, 24 Feb 2025 at 9:14 am, {o.name} <{o.email}> wrote:",
                "> Can you tell me when the new assessment starts? I haven't got a letter.",
                ">",
            ]
            if inc:
                quoted += [
                    f"> On Fri, 21 Feb 2025 at 4:02 pm, {r.choice(STAFF)} <case.notes@{DOMAIN}> wrote:",
                    f">> Payee moved to {L.suppressed_line(v, r, 'postal_address')} - protected, do not disclose.",
                    ">>",
                ]
            text = (
                f"Hi {o.given},\n\nThe new assessment starts on 1 April 2025; the notice is in the post.\n"
                + signature(r.choice(STAFF), "Customer Service")
                + "\n"
                + "\n".join(quoted)
                + "\n"
            )
            mail = Mail(f"Customer Service <customer.service@{DOMAIN}>", [o.email], "Re: new assessment", text)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "threads/quoted-internal-note",
            make,
            SUP,
            suppressed=True,
            note=f"reply to {o.cid} quotes a note with suppressed address of {v.cid}",
        )
    phoned = [k for k in vs if "phone" in k.victim.suppressed]
    lawyered = [k for k in phoned if k.payer_lawyer and k.victim is k.payee]
    lawyered += [k for k in phoned if k not in lawyered and k.victim is k.payee]
    for case in lawyered[: _n(3, scale)]:
        v, o = case.victim, case.payer
        key = rng.random()
        to = o.contacts[-1] if case.payer_lawyer else o.email

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key, to=to):
            r = random.Random(key)
            orig = [
                "-----Original Message-----",
                f"From: {r.choice(STAFF)}",
                "Sent: Thursday, 20 February 2025 3:41 PM",
                f"To: Objections <objections@{DOMAIN}>",
                f"Subject: Case {case.number}",
                "",
                "Objection received from the payer. Payee contact only through the safety team"
                + (f" (her mobile {L.suppressed_line(v, r, 'phone')})." if inc else "."),
                "",
            ]
            text = (
                "Dear Colleague,\n\nWe confirm your client's objection was received and is being considered. "
                "See below.\n" + signature(r.choice(STAFF), "Objections") + "\n" + "\n".join(orig)
            )
            mail = Mail(f"Objections <objections@{DOMAIN}>", [to], f"FW: Case {case.number}", text)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "threads/outlook-forward",
            make,
            SUP,
            suppressed=True,
            note=f"forward to {o.cid}'s side carries suppressed phone of {v.cid}",
        )
    plain = w.plain()
    for _ in range(_n(2, scale)):
        a, b = rng.sample(plain, 2)
        key = rng.random()

        def make(ident: str, inc: bool, a=a, b=b, key=key):
            r = random.Random(key)
            q = b.payee if inc else a.payee
            quoted = (
                f"On Tue, 18 Feb 2025 at 11:20 am, {q.name} <{q.email}> wrote:\n> My customer number is "
                f"{fmt_ref(q.crn, 0)}. Has my payment come through?\n"
            )
            text = (
                f"Hi {a.payee.given},\n\nYes, the payment was received on 17 February.\n"
                + signature(r.choice(STAFF), "Payments")
                + "\n"
                + quoted
            )
            mail = Mail(f"Payments <payments@{DOMAIN}>", [a.payee.email], "Re: payment", text)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "threads/wrong-thread",
            make,
            MR + ["mixed_client_documents"],
            note=f"reply to {a.payee.cid} quotes a message of {b.payee.cid}",
        )


def html_mail(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    from html import escape

    plain = w.plain()
    for _ in range(_n(3, scale)):
        a, b = rng.sample(plain, 2)
        key = rng.random()

        def make(ident: str, inc: bool, a=a, b=b, key=key):
            random.Random(key)
            p = a.payer
            ref = (b.payer if inc else p).crn
            text = f"Dear {p.given},\nYour statement is ready. Log in at https://my.{DOMAIN} to view it."
            html = (
                f"<html><body style='font-family:Arial'><table width='600'><tr><td><img alt='SCCSA' "
                f"src='https://cdn.{DOMAIN}/logo.png'></td></tr><tr><td><p>Dear {escape(p.given)},</p>"
                f"<p>Your statement is ready.</p><table><tr><th>Customer reference</th><td>{fmt_ref(ref, 0)}</td>"
                f"</tr><tr><th>Case</th><td>{a.number}</td></tr></table><p><a href='https://my.{DOMAIN}/s?c="
                f"{ref}'>View statement</a></p><p style='font-size:10px'>Call 1300 555 014</p></td></tr>"
                "</table></body></html>"
            )
            mail = Mail(
                f"SCCSA Notifications <no-reply@{DOMAIN}>", [p.email], "Your statement is ready", text, html=html
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "html-mail/html-only-reference",
            make,
            MR + ["mixed_client_documents"],
            note=f"HTML part of mail to {a.payer.cid} carries reference of {b.payer.cid}",
        )
    for case in [k for k in w.victims()][14 : 14 + _n(3, scale)]:
        v, o = case.victim, case.other(case.victim)
        key = rng.random()

        def make(ident: str, inc: bool, case=case, v=v, o=o, key=key):
            r = random.Random(key)
            pre = escape(L.suppressed_line(v, r, "postal_address")) if inc else "Your case update"
            text = f"Dear {o.given},\nThere is an update to case {case.number}. Log in to read it."
            html = (
                f"<html><body><div style='display:none;max-height:0;overflow:hidden'>{pre}</div>"
                f"<p>Dear {escape(o.given)},</p><p>There is an update to case {case.number}.</p>"
                f"<p><a href='https://my.{DOMAIN}/'>Log in</a></p></body></html>"
            )
            mail = Mail(f"SCCSA Notifications <no-reply@{DOMAIN}>", [o.email], "Case update", text, html=html)
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "html-mail/hidden-preheader",
            make,
            SUP,
            suppressed=True,
            note=f"hidden preheader of mail to {o.cid} carries suppressed address of {v.cid}",
        )
