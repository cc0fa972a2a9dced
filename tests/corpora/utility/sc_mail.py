"""Email as staff really send it: reply threads and forwards, HTML notifications and newsletters, signed and
encrypted mail, statements attached, and the wrong-thread / wrong-attachment / wrong-number incidents."""

from __future__ import annotations

import html as H

from . import mail, org
from .compose import render, supply_of
from .corpus import MISMATCH, Corpus
from .docxdoc import render_docx
from .kit import addr, emailable, first, letter, spec_for, style
from .people import Client, ref_as

SUP = ["suppressed_detail_exposed"]
ANSWERS = [
    "the read was an actual read, but I have booked a special read to confirm it",
    "your payment of $240.00 was received on 12 May",
    "the due date now falls on the 15th of each month",
    "a copy of the bill is attached",
]
QUESTIONS = [
    "Why is my bill so much higher than last quarter?",
    "Can I please get a copy of my last bill?",
    "I think the meter read is wrong, we were away for three weeks.",
    "Can I move my due date to the 15th?",
    "I have paid by BPAY, can you confirm it went through?",
    "Please update my email for eBills.",
]


def _client_mail(c: Client, ref: str, q: str) -> str:
    sig = f"{c.name('full')}\n{c.address.one_line(abbrev=True)}" + (f"\nMob: {c.phones[0]}" if c.phones else "")
    return f"Hi,\n\n{q} My account number is {ref_as(ref, 'plain')}.\n\nThanks,\n{sig}"


def statement(cx: Corpus, c: Client, ref: str, password: str | None = None) -> bytes:
    st = style(cx, fmt="pdf-plain")
    return render(letter("bill", spec_for(cx, c, st, ref=ref), cx.rng), st, password)


def attachments(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(10)):
        c = emailable(cx, cx.reg.plain, "att")
        ref = rng.choice(c.refs)
        staff = rng.choice(org.STAFF)
        text = (
            f"Dear {c.title} {c.family},\n\nAs requested, please find attached a copy of your latest bill.\n\n"
            f"Kind regards\n\n{org.signature(staff)}"
        )
        name = f"Bill_{ref}_May2025.pdf" if i % 2 else "Your bill.pdf"
        legit = cx.allow(
            "mime-parts/attachment",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[addr(c)],
                subject="Copy of your bill",
                text=text,
                attachments=[(name, "application/pdf", statement(cx, c, ref))],
            ),
            f"copy of the bill of {c.cid} emailed to {c.cid}",
        )
        if i % 5 > 2:
            continue
        b = cx.others(c)
        bref = b.refs[0]
        bad_name = f"Bill_{bref}_May2025.pdf" if i % 2 else "Your bill.pdf"
        cx.pair(
            legit,
            cx.block(
                "mime-parts/wrong-attachment",
                ".eml",
                mail.email(
                    rng,
                    sender=staff.header,
                    to=[addr(c)],
                    subject="Copy of your bill",
                    text=text,
                    attachments=[(bad_name, "application/pdf", statement(cx, b, bref))],
                ),
                MISMATCH,
                f"email to {c.cid} with the bill of {b.cid} attached",
            ),
        )
    for _ in range(cx.n(4)):
        c = emailable(cx, cx.reg.plain, "att-docx")
        staff = org.STAFF[2]
        st = style(cx, fmt="docx")
        good = render_docx(letter("hardship", spec_for(cx, c, st), rng))
        text = f"Hi {first(c)},\n\nYour payment plan letter is attached.\n\n{org.signature(staff)}"
        legit = cx.allow(
            "mime-parts/attachment",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[addr(c)],
                subject="Your payment plan",
                text=text,
                attachments=[
                    (
                        "Payment plan.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        good,
                    )
                ],
            ),
            f"payment plan letter of {c.cid} (DOCX) emailed to {c.cid}",
        )
        b = cx.others(c)
        bad = render_docx(letter("hardship", spec_for(cx, b, st), rng))
        cx.pair(
            legit,
            cx.block(
                "mime-parts/wrong-attachment",
                ".eml",
                mail.email(
                    rng,
                    sender=staff.header,
                    to=[addr(c)],
                    subject="Your payment plan",
                    text=text,
                    attachments=[
                        (
                            "Payment plan.docx",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            bad,
                        )
                    ],
                ),
                MISMATCH,
                f"email to {c.cid} with the DOCX payment plan letter of {b.cid}",
            ),
        )


def _notice_html(c: Client, ref: str, amount: str, due: str, extra_row: str = "", preheader: str = "") -> str:
    e = H.escape
    return (
        f"<!DOCTYPE html><html><head><style>body{{font-family:Arial;color:#223}} .btn{{background:#0b5d52;"
        f"color:#fff;padding:8px 14px;text-decoration:none}}</style></head><body>"
        f'<div style="display:none">{e(preheader or "Your bill is ready")}</div>'
        f'<img src="https://{org.WEBSITE}/img/logo.png" alt="{e(org.NAME)}" title="{e(org.NAME)}">'
        f"<p>Hi {e(first(c))},</p><p>Your latest bill is ready.</p><table>"
        f"<tr><td>Account</td><td>{e(ref_as(ref, 'spaces'))}</td></tr><tr><td>Amount due</td><td>{amount}</td></tr>"
        f"<tr><td>Due date</td><td>{due}</td></tr>{extra_row}</table>"
        f'<p><a class="btn" href="https://{org.WEBSITE}/myaccount" title="View your bill">View your bill</a></p>'
        f'<p>Questions? Call <a href="tel:132486">{org.PHONE}</a> or email <a href="mailto:{org.HELP_EMAIL}">'
        f'{org.HELP_EMAIL}</a>.</p><p style="font-size:10px">{e(org.FOOTER)}</p></body></html>'
    )


def html_mail(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(12)):
        c = emailable(cx, cx.reg.plain, "ebill")
        ref = rng.choice(c.refs)
        amount, due = f"${rng.randint(60, 900)}.{rng.randint(0, 99):02d}", f"{rng.randint(1, 28)} July 2025"
        text = (
            f"Hi {first(c)},\n\nYour latest bill is ready.\nAccount: {ref_as(ref, 'spaces')}\nAmount due: {amount}\n"
            f"Due date: {due}\n\nView it at https://{org.WEBSITE}/myaccount\n\n{org.FOOTER}"
        )
        legit = cx.allow(
            "html-mail/ebill",
            ".eml",
            mail.email(
                rng,
                sender=org.BILLING.header,
                to=[addr(c)],
                subject="Your bill is ready",
                text=text,
                html=_notice_html(c, ref, amount, due),
            ),
            f"eBill notification to {c.cid} (both alternatives its own)",
        )
        if i % 2:
            continue
        b = cx.others(c)
        if i % 4 == 0:
            bad_html = _notice_html(
                c,
                ref,
                amount,
                due,
                f"<tr><td>Linked account</td><td>{ref_as(b.refs[0], 'plain')} ({H.escape(b.name('full'))})</td></tr>",
            )
            note = f"eBill to {c.cid}; only the HTML part lists the account of {b.cid}"
        else:
            bad_html = _notice_html(
                c, ref, amount, due, preheader=f"Bill for account {ref_as(b.refs[0], 'plain')} is ready"
            )
            note = f"eBill to {c.cid}; the hidden HTML preheader carries the account of {b.cid}"
        cx.pair(
            legit,
            cx.block(
                "html-mail/only-html-part",
                ".eml",
                mail.email(
                    rng, sender=org.BILLING.header, to=[addr(c)], subject="Your bill is ready", text=text, html=bad_html
                ),
                MISMATCH,
                note,
            ),
        )
    for _ in range(cx.n(10)):
        c = emailable(cx, cx.reg.clients, "news")
        html = (
            f"<html><head><style>@media (max-width:600px){{ .col{{ width:100% !important }} }} h1{{color:#0b5d52}}"
            f'</style></head><body><h1>Winter energy saving tips</h1><p class="col">Hi {H.escape(first(c))}, '
            "heating is the biggest part of most winter bills. Set the thermostat to 18-20&deg;C, close doors "
            'to unused rooms and check door seals.</p><p><img src="https://www.tallowwood.example/news/heater.jpg" '
            'alt="A family beside a heater" title="Winter tips"></p><p>Our Helping Hand program is here if you '
            f'are struggling: call {org.HARDSHIP_PHONE}.</p><p><a href="https://{org.WEBSITE}/unsubscribe?u=8812">'
            f'Unsubscribe</a></p><p style="font-size:9px">{H.escape(org.FOOTER)}</p></body></html>'
        )
        cx.allow(
            "html-mail/newsletter",
            ".eml",
            mail.email(
                rng,
                sender=org.NEWS.header,
                to=[addr(c)],
                subject="Winter energy saving tips",
                text=f"Hi {first(c)},\n\nWinter energy saving tips ...\n\n{org.FOOTER}",
                html=html,
                extra={"List-Unsubscribe": f"<https://{org.WEBSITE}/unsubscribe?u=8812>"},
            ),
            f"newsletter to {c.cid}'s personal webmail, no account data",
        )


def signed_and_encrypted(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(9)):
        c = emailable(cx, cx.reg.plain, "signed")
        ref = rng.choice(c.refs)
        staff = rng.choice(org.STAFF)
        text = (
            f"Dear {c.title} {c.family},\n\nWe confirm that account {ref_as(ref, 'spaces')} is now paid in full. "
            f"Thank you.\n\n{org.signature(staff)}"
        )
        pgp = i % 3 == 2
        maker = mail.pgp_signed if pgp else mail.smime_signed
        kind = "pgp-signed" if pgp else "smime-signed"
        legit = cx.allow(
            f"mime-parts/{kind}",
            ".eml",
            maker(rng, sender=staff.header, to=[addr(c)], subject="Account paid in full", text=text),
            f"{kind} confirmation to {c.cid}; the signature part is not content",
        )
        if i % 3 == 0:
            b = cx.others(c)
            bad = text.replace(ref_as(ref, "spaces"), ref_as(b.refs[0], "spaces"))
            cx.pair(
                legit,
                cx.block(
                    f"mime-parts/{kind}",
                    ".eml",
                    maker(rng, sender=staff.header, to=[addr(c)], subject="Account paid in full", text=bad),
                    MISMATCH,
                    f"signed email to {c.cid} carries the account of {b.cid}",
                ),
            )
        elif i % 3 == 1:
            cx.pair(
                legit,
                cx.block(
                    "unscannable/smime-encrypted",
                    ".eml",
                    mail.smime_encrypted(rng, sender=staff.header, to=[addr(c)], subject="Account paid in full"),
                    ["unscannable_content"],
                    f"S/MIME enveloped-data email to {c.cid}: cannot be read",
                ),
            )
        else:
            cx.pair(
                legit,
                cx.block(
                    "unscannable/pgp-encrypted",
                    ".eml",
                    mail.pgp_encrypted(rng, sender=staff.header, to=[addr(c)], subject="Account paid in full"),
                    ["unscannable_content"],
                    f"PGP/MIME encrypted email to {c.cid}: cannot be read",
                ),
            )


def calendar_and_cards(cx: Corpus) -> None:
    rng = cx.rng
    for _i in range(cx.n(5)):
        c = emailable(cx, cx.reg.plain, "cal")
        ref = c.refs[0]
        organiser = org.STAFF[4]
        where = supply_of(c, ref).one_line(abbrev=True)
        cal = mail.ics(
            rng,
            organizer=organiser,
            attendees=[(c.name("full"), c.emails[0])],
            summary="Smart meter installation",
            location=where,
            description=f"Meter exchange for account {ref_as(ref, 'spaces')}. Supply off for 30 minutes.",
        )
        cx.allow(
            "mime-parts/calendar",
            ".eml",
            mail.email(
                rng,
                sender=organiser.header,
                to=[addr(c)],
                subject="Appointment: smart meter installation",
                text="Your appointment details are attached.",
                calendar=cal,
            ),
            f"appointment invitation to {c.cid} for its own property and account",
        )
    for _i in range(cx.n(3)):
        c = emailable(cx, cx.reg.plain, "card")
        staff = org.STAFF[2]
        card = mail.vcard(
            full=staff.name,
            family=staff.name.split()[-1],
            given=staff.name.split()[0],
            org_name=org.NAME,
            title=staff.role,
            phones=[org.HARDSHIP_PHONE],
            email=staff.email,
        )
        cx.allow(
            "mime-parts/vcard",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[addr(c)],
                subject="Your case manager",
                text=f"Hi {first(c)},\n\nI'm your case manager; my card is attached.\n\n{org.signature(staff)}",
                attachments=[("Grace Oyelaran.vcf", "text/vcard", card.encode())],
            ),
            f"staff vCard to {c.cid}",
        )


def run_all(cx: Corpus) -> None:
    attachments(cx)
    html_mail(cx)
    signed_and_encrypted(cx)
    calendar_and_cards(cx)
