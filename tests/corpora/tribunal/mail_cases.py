"""Email incidents and their twins: headers, attachments, invitations, threads, HTML notifications, bulk lists."""

from __future__ import annotations

import csv
import io
import random
from html import escape

from . import content as t
from .corpus import Corpus
from .docs import to_docx, to_pdf
from .letter_cases import count
from .mail import Attachment, Mail, build, ics, quote_gmail, quote_outlook
from .world import DOMAIN, FV_STAFF, INTERPRETERS, Client, Matter, World

LISTINGS = f"MCAT Listings <listings@{DOMAIN}>"


def addr(c: Client) -> str:
    return f"{c.name} <{c.emails[0]}>"


def ids(m: Matter) -> str:
    return "/".join(p.cid for p in m.parties.values())


def headers(c: Corpus, w: World, scale: float) -> None:
    """The right message to the wrong address: autocomplete picked another matter's party."""
    for i in range(count(scale, 6)):
        m, other = w.tenancy[25 + i], w.tenancy[60 - i]
        to, stranger = m.parties["Tenant"], other.parties["Tenant"]
        text = t.notice_email(m, to)
        subj = f"Notice of hearing - {m.number}"
        c.pair(
            "headers-links/wrong-to",
            "eml",
            lambda mid, to=to, text=text, subj=subj: build(Mail(LISTINGS, [addr(to)], subj, text, sig=i), mid),
            lambda mid, s=stranger, text=text, subj=subj: build(Mail(LISTINGS, [addr(s)], subj, text, sig=i), mid),
            ["mismatched_recipient"],
            f"notice of {ids(m)} to {to.cid}",
            f"notice of {ids(m)} to {stranger.cid}",
        )
    for i in range(count(scale, 4)):
        m, other = w.tenancy[31 + i], w.tenancy[12 + i]
        tenant, landlord, stranger = m.parties["Tenant"], m.parties["Landlord"], other.parties["Landlord"]
        text = t.notice_email(m, tenant) + "\n\nA copy of this notice has been sent to the other party."
        subj = f"RE: {m.number} hearing confirmation"
        c.pair(
            "headers-links/cc-other-party",
            "eml",
            lambda mid, text=text, subj=subj, cc=landlord: build(
                Mail(LISTINGS, [addr(tenant)], subj, text, cc=[addr(cc)]), mid
            ),
            lambda mid, text=text, subj=subj, cc=stranger: build(
                Mail(LISTINGS, [addr(tenant)], subj, text, cc=[addr(cc)]), mid
            ),
            ["mismatched_recipient"],
            f"cc to co-party {landlord.cid}",
            f"cc to {stranger.cid} of another matter",
        )


def attachments(c: Corpus, w: World, scale: float) -> None:
    """The covering email is right; the attached order is another matter's."""
    for i in range(count(scale, 7)):
        m, other = w.tenancy[2 + i], w.tenancy[45 + i]
        to = m.parties["Tenant"]
        docx = i % 3 == 2
        good, wrong = t.order(m, to, i), t.order(other, other.parties["Tenant"], i)

        def msg(mid: str, letter=good, to=to, m=m, docx=docx) -> bytes:  # type: ignore[no-untyped-def]
            if docx:
                att = Attachment(
                    f"Order_{m.number.replace('/', '_')}.docx",
                    to_docx(letter),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                )
            else:
                att = Attachment(f"Order {m.number.replace('/', '-')}.pdf", to_pdf([letter]), "application/pdf")
            text = f"Dear {to.formal},\n\nPlease find attached the Tribunal's order and reasons in {m.number}."
            return build(
                Mail(
                    f"Registry <registry@{DOMAIN}>", [addr(to)], f"Order - {m.number}", text, attachments=[att], sig=1
                ),
                mid,
            )

        c.pair(
            "mime-parts/wrong-attachment",
            "eml",
            msg,
            lambda mid, wrong=wrong, msg=msg: msg(mid, letter=wrong),
            ["mismatched_recipient", "mixed_client_documents"],
            f"order of {ids(m)} to {to.cid}",
            f"email to {to.cid} attaches order of {ids(other)}",
        )
    for i in range(count(scale, 4)):
        m = w.fv[i]
        p = m.protected
        assert p is not None
        people = [(x.name, x.emails[0]) for r, x in m.party_list() if x is not p]
        safe = "The applicant will join by telephone through the Tribunal's safe line."
        leak = f"The applicant will join by telephone on {p.phones[0]}."

        def invite(mid: str, line: str, m=m, people=people) -> bytes:  # type: ignore[no-untyped-def]
            cal = ics(mid, f"MCAT online hearing {m.number}", m.hearing, people, f"Matter {m.number}.\n{line}")
            text = f"You are invited to the online hearing of {m.number} on {t.when(m)}.\n{line}"
            return build(
                Mail(
                    LISTINGS,
                    [f"{n} <{e}>" for n, e in people],
                    f"Invitation: hearing {m.number}",
                    text,
                    attachments=[Attachment("invite.ics", cal, "text/calendar")],
                ),
                mid,
            )

        c.pair(
            "mime-parts/calendar-invitation",
            "eml",
            lambda mid, f=invite, s=safe: f(mid, s),
            lambda mid, f=invite, s=leak: f(mid, s),
            ["suppressed_detail_exposed"],
            f"invitation of {ids(m)} without {p.cid}'s phone",
            f"invitation shows suppressed phone of {p.cid}",
            suppressed=True,
        )


def threads(c: Corpus, w: World, scale: float) -> None:
    """Replies that quote more than they should."""
    for i in range(count(scale, 6)):
        m = w.fv[(i + 3) % len(w.fv)]
        p, r = m.protected, m.parties["Respondent (co-tenant)"]
        assert p is not None
        ask = f"Hi, I can't make the morning session for {m.number}, could it be after lunch? Thanks"
        sig_ok, sig_bad = f"{p.given}", f"{p.given} {p.family}\nM {p.phones[0]}\n{p.address.one_line()}"
        reply = f"Dear {r.formal},\n\nThe hearing in {m.number} has been moved to 2:00 PM at the applicant's request."

        def mail(mid: str, sig: str, m=m, reply=reply, ask=ask, r=r, p=p) -> bytes:  # type: ignore[no-untyped-def]
            body = ask + "\n\n" + sig
            if i % 2:
                quoted = quote_outlook(
                    f"{p.name}", f"registry@{DOMAIN}", m.hearing.replace(day=1, hour=8), f"{m.number}", body
                )
            else:
                quoted = quote_gmail(f"{p.name}", m.hearing.replace(day=1, hour=8), body)
            return build(Mail(LISTINGS, [addr(r)], f"RE: {m.number} time change", reply + "\n\n" + quoted, sig=2), mid)

        c.pair(
            "threads/quoted-signature",
            "eml",
            lambda mid, f=mail, s=sig_ok: f(mid, s),
            lambda mid, f=mail, s=sig_bad: f(mid, s),
            ["suppressed_detail_exposed", "mismatched_recipient"],
            f"reply to {r.cid} quotes {p.cid} without signature",
            f"reply to {r.cid} quotes {p.cid}'s suppressed details",
            suppressed=True,
        )
    for i in range(count(scale, 4)):
        m, other = w.tenancy[8 + i], w.tenancy[62 - i]
        landlord = m.parties["Landlord"]
        src_ok, src_bad = m.parties["Tenant"], other.parties["Tenant"]

        def fwd(mid: str, src: Client, mm: Matter, m=m, landlord=landlord) -> bytes:  # type: ignore[no-untyped-def]
            where = mm.prop.one_line() if mm.prop else ""
            inner = f"Hello, my bond for {where} ({mm.number}) is still not repaid.\n\n{src.name}\n{src.phones[0]}"
            q = quote_outlook(addr(src), f"registry@{DOMAIN}", m.hearing.replace(hour=7), f"Bond {mm.number}", inner)
            text = f"Dear {landlord.formal},\n\nPlease see the tenant's message below and respond by Friday.\n\n{q}"
            return build(Mail(f"Registry <registry@{DOMAIN}>", [addr(landlord)], f"FW: Bond {m.number}", text), mid)

        c.pair(
            "threads/forwarded-other-matter",
            "eml",
            lambda mid, f=fwd, s=src_ok, mm=m: f(mid, s, mm),
            lambda mid, f=fwd, s=src_bad, mm=other: f(mid, s, mm),
            ["mismatched_recipient", "mixed_client_documents"],
            f"forward of {src_ok.cid}'s message to co-party {landlord.cid}",
            f"forward of {src_bad.cid}'s message (other matter) to {landlord.cid}",
        )


def html_mail(c: Corpus, w: World, scale: float) -> None:
    """CaseLink notifications: upcoming hearings table, and a hidden block copied from a template."""
    for i in range(count(scale, 5)):
        m, other = w.tenancy[14 + i], w.tenancy[55 - i]
        to = m.parties["Landlord"]

        def note(mid: str, rows: list[Matter], to=to) -> bytes:  # type: ignore[no-untyped-def]
            trs = "".join(
                f"<tr><td>{x.number}</td><td>{escape(' v '.join(p.name for p in x.parties.values()))}</td>"
                f"<td>{escape(x.prop.one_line() if x.prop else '')}</td><td>{t.when(x)}</td></tr>"
                for x in rows
            )
            html = (
                f"<html><body style='font-family:Arial'><p>Dear {escape(to.formal)},</p><p>Your upcoming hearings:</p>"
                "<table border='1' cellpadding='4'><tr><th>Matter</th><th>Parties</th><th>Premises</th>"
                "<th>When</th></tr>"
                f"{trs}</table>"
                f"<p><a href='https://portal.{DOMAIN}/login'>Log in to CaseLink</a></p></body></html>"
            )
            text = "Your upcoming hearings:\n" + "\n".join(f"{x.number}  {t.when(x)}" for x in rows)
            return build(
                Mail(
                    f"CaseLink <noreply@{DOMAIN}>",
                    [addr(to)],
                    "CaseLink: upcoming hearings",
                    text,
                    html=html,
                    disclaimer=False,
                ),
                mid,
            )

        c.pair(
            "html-mail/caselink-table",
            "eml",
            lambda mid, f=note, r=[m]: f(mid, r),
            lambda mid, f=note, r=[m, other]: f(mid, r),
            ["mismatched_recipient", "mixed_client_documents"],
            f"hearings of {ids(m)} to {to.cid}",
            f"table adds matter of {ids(other)}",
        )
    for i in range(count(scale, 4)):
        m = w.fv[(i + 7) % len(w.fv)]
        p, r = m.protected, m.parties["Respondent (co-tenant)"]
        assert p is not None
        hidden_ok = f"<div style='display:none'>service: {escape(t.SERVICE)}</div>"
        hidden_bad = (
            f"<div style='display:none'>applicant contact: {escape(p.phones[0])} {escape(p.address.one_line())}</div>"
        )

        def fv_note(mid: str, hidden: str, m=m, r=r) -> bytes:  # type: ignore[no-untyped-def]
            html = (
                f"<html><body><p>Dear {escape(r.formal)},</p><p>Matter <b>{m.number}</b> is listed on {t.when(m)}.</p>"
                f"{hidden}<p>Separate waiting areas are available.</p></body></html>"
            )
            return build(
                Mail(
                    f"CaseLink <noreply@{DOMAIN}>",
                    [addr(r)],
                    f"Hearing listed {m.number}",
                    f"Matter {m.number} is listed on {t.when(m)}.",
                    html=html,
                    disclaimer=False,
                ),
                mid,
            )

        c.pair(
            "html-mail/hidden-template-block",
            "eml",
            lambda mid, f=fv_note, h=hidden_ok: f(mid, h),
            lambda mid, f=fv_note, h=hidden_bad: f(mid, h),
            ["suppressed_detail_exposed"],
            f"notification to {r.cid} without {p.cid}'s details",
            f"hidden block holds suppressed details of {p.cid}",
            suppressed=True,
        )


def bulk(c: Corpus, w: World, scale: float) -> None:
    """A day's list of parties: fine inside the Tribunal, a leak outside it."""
    outsiders = [m.reps["Landlord"] for m in w.tenancy if "Landlord" in m.reps]
    for i in range(count(scale, 5)):
        day = w.tenancy[i * 12 : i * 12 + 12] + w.guardianship[i * 4 : i * 4 + 3]
        listing = t.cause_list(day, "Albury", "Monday 9 March 2026")
        as_csv = i % 2 == 1
        if as_csv:
            buf = io.StringIO()
            wr = csv.writer(buf, lineterminator="\r\n")
            wr.writerow(["Matter", "Party", "Role", "Phone", "Email", "Address"])
            for m in day:
                for role, p in m.party_list():
                    wr.writerow([m.number, p.name, role, p.phones[0], p.emails[0], p.address.one_line()])
            att = Attachment("parties_export.csv", buf.getvalue().encode(), "text/csv")
        else:
            att = Attachment("Daily_list_Albury.pdf", to_pdf([listing]), "application/pdf")
        inside, outside = f"Hearing Room Clerks <clerks@{DOMAIN}>", addr(outsiders[i])

        def send(mid: str, to: str, att=att) -> bytes:  # type: ignore[no-untyped-def]
            return build(
                Mail(
                    f"Listings <listings@{DOMAIN}>",
                    [to],
                    "Monday list",
                    "Attached is Monday's list.",
                    attachments=[att],
                ),
                mid,
            )

        c.pair(
            "bulk/day-list",
            "eml",
            lambda mid, f=send, to=inside: f(mid, to),
            lambda mid, f=send, to=outside: f(mid, to),
            ["bulk_client_data", "mismatched_recipient"],
            f"day list of {len(day)} matters to clerks",
            f"day list of {len(day)} matters to agent {outsiders[i].cid}",
        )
    for i in range(count(scale, 2)):
        day = [m for m in w.tenancy if m.language][i * 8 : i * 8 + 8]
        one = day[0]

        def book(mid: str, rows: list[Matter]) -> bytes:
            lines = "\n".join(
                f"{m.number}  {m.parties['Tenant'].name}  {m.language}  {t.when(m)}  "
                f"{m.parties['Tenant'].phones[0]}  {m.parties['Tenant'].address.one_line()}"
                for m in rows
            )
            return build(
                Mail(
                    LISTINGS,
                    [f"Bookings <bookings@{INTERPRETERS}>"],
                    "Interpreter booking",
                    f"Please book interpreters for:\n\n{lines}",
                ),
                mid,
            )

        c.pair(
            "bulk/interpreter-bookings",
            "eml",
            lambda mid, f=book, r=[one]: f(mid, r),
            lambda mid, f=book, r=day: f(mid, r),
            ["bulk_client_data"],
            f"booking for {one.parties['Tenant'].cid} to approved service",
            f"{len(day)} parties' contact details to approved service",
        )


def internal(c: Corpus, w: World, scale: float) -> None:
    """Inside the Tribunal only the family-violence liaison staff may see a suppressed address."""
    for i in range(count(scale, 3)):
        m = w.fv[(i + 10) % len(w.fv)]
        p = m.protected
        assert p is not None
        text = f"Hi,\n\nFor {m.number}: the applicant's new address is {p.address.one_line()}. Please update her plan."
        c.pair(
            "suppressed-loose/internal-email",
            "eml",
            lambda mid, text=text: build(
                Mail(f"Registry <registry@{DOMAIN}>", [FV_STAFF[i % 2]], f"{m.number}", text), mid
            ),
            lambda mid, text=text: build(
                Mail(f"Registry <registry@{DOMAIN}>", [f"listings@{DOMAIN}"], f"{m.number}", text), mid
            ),
            ["suppressed_detail_exposed"],
            f"{p.cid}'s suppressed address to FV liaison staff",
            f"{p.cid}'s suppressed address to listings staff not allowed to see it",
            suppressed=True,
        )


def build_all(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    headers(c, w, scale)
    attachments(c, w, scale)
    threads(c, w, scale)
    html_mail(c, w, scale)
    bulk(c, w, scale)
    internal(c, w, scale)
