"""Bulk extracts, unreadable attachments, and ordinary everyday mail that carries no one else's data."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, tzinfo

from openpyxl import Workbook

from . import mail, org
from .compose import render, supply_of
from .corpus import Corpus
from .docxdoc import stable_zip
from .kit import addr, emailable, first, letter, render_letter, spec_for, style
from .people import Client, ref_as
from .sc_mail import statement

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rows(clients: list[Client]) -> list[list[str]]:
    return [
        [
            c.cid,
            c.name("full"),
            c.emails[0] if c.emails else "",
            c.phones[0] if c.phones else "",
            c.address.one_line(abbrev=True),
            c.refs[0],
            f"{(i * 37) % 900 + 12}.50",
        ]
        for i, c in enumerate(clients)
    ]


HEAD = ["Client ID", "Name", "Email", "Phone", "Postal address", "Account", "Balance"]


def _csv(clients: list[Client]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(HEAD)
    w.writerows(_rows(clients))
    return out.getvalue().encode("utf-8")


def _xlsx(clients: list[Client]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Arrears"
    ws.append(HEAD)
    for r in _rows(clients):
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return stable_zip(out.getvalue())


class _FixedClock(datetime):
    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _FixedClock:
        return cls(2025, 6, 2, 9, 0, 0)


@contextmanager
def _fixed_random(seed: int) -> Iterator[None]:
    """msoffcrypto salts with ``secrets`` and stamps the clock; pin both so the same seed gives the same bytes."""
    import msoffcrypto.method.container.ecma376_encrypted as container
    import msoffcrypto.method.ecma376_agile as agile

    rng = random.Random(seed)
    original, clock = agile._random_buffer, container.datetime
    agile._random_buffer = lambda n: bytes(rng.getrandbits(8) for _ in range(n))
    container.datetime = _FixedClock
    try:
        yield
    finally:
        agile._random_buffer = original
        container.datetime = clock


def encrypted_xlsx(data: bytes, password: str, seed: int) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with _fixed_random(seed):
        OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def bulk(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(6)):
        clients = [cx.plain() for _ in range(rng.randint(30, 60))]
        kind = "csv" if i % 2 == 0 else "xlsx"
        data = _csv(clients) if kind == "csv" else _xlsx(clients)
        att = [(f"arrears_extract_{i + 1}.{kind}", "text/csv" if kind == "csv" else XLSX, data)]
        staff = org.STAFF[6]
        text = f"Here's the arrears extract for the {rng.choice(['north', 'south', 'west'])} region.\n\n{staff.name}"
        legit = cx.allow(
            "bulk/extract",
            ".eml",
            mail.email(
                rng, sender=staff.header, to=[org.ANALYST.header], subject="Arrears extract", text=text, attachments=att
            ),
            f"{kind.upper()} extract of {len(clients)} clients sent to an internal analyst",
        )
        home = f"{staff.name.split()[0].lower()}{rng.randint(70, 99)}@{rng.choice(org.WEBMAIL)}"
        cx.pair(
            legit,
            cx.block(
                "bulk/extract",
                ".eml",
                mail.email(
                    rng,
                    sender=staff.header,
                    to=[home],
                    subject="Arrears extract - work from home",
                    text=text,
                    attachments=att,
                ),
                ["bulk_client_data", "mismatched_recipient", "mixed_client_documents"],
                f"{kind.upper()} extract of {len(clients)} clients sent to a personal webmail address",
            ),
        )


def unscannable(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(4)):
        c = emailable(cx, cx.reg.plain, "unscan")
        ref = c.refs[0]
        text = (
            f"Dear {c.title} {c.family},\n\nYour statement is attached. "
            + ("It is protected with your date of birth (DDMMYYYY) as the password.\n\n" if i % 2 == 0 else "\n\n")
            + org.signature(org.STAFF[1])
        )
        legit = cx.allow(
            "unscannable/encrypted-attachment",
            ".eml",
            mail.email(
                rng,
                sender=org.STAFF[1].header,
                to=[addr(c)],
                subject="Your statement",
                text=text,
                attachments=[("Statement.pdf", "application/pdf", statement(cx, c, ref))],
            ),
            f"statement of {c.cid} to {c.cid}, readable",
        )
        if i % 2 == 0:
            att = ("Statement.pdf", "application/pdf", statement(cx, c, ref, password=c.dob.strftime("%d%m%Y")))
            note = f"password-protected PDF statement to {c.cid}: cannot be checked, fails closed"
        else:
            att = ("Statement.pdf", "application/pdf", statement(cx, c, ref)[:1500])
            note = f"corrupt (truncated) PDF attachment to {c.cid}: cannot be read, fails closed"
        cx.pair(
            legit,
            cx.block(
                "unscannable/encrypted-attachment",
                ".eml",
                mail.email(
                    rng,
                    sender=org.STAFF[1].header,
                    to=[addr(c)],
                    subject="Your statement",
                    text=text,
                    attachments=[att],
                ),
                ["unscannable_content"],
                note,
            ),
        )
    for i in range(cx.n(2)):
        c = emailable(cx, cx.reg.plain, "unscan-x")
        book = _xlsx([c])
        text = f"Hi {first(c)},\n\nYour usage data is attached as requested.\n\n{org.signature(org.STAFF[0])}"
        legit = cx.allow(
            "unscannable/encrypted-attachment",
            ".eml",
            mail.email(
                rng,
                sender=org.STAFF[0].header,
                to=[addr(c)],
                subject="Usage data",
                text=text,
                attachments=[("usage.xlsx", XLSX, book)],
            ),
            f"one-row workbook of {c.cid}'s own account to {c.cid}",
        )
        cx.pair(
            legit,
            cx.block(
                "unscannable/encrypted-attachment",
                ".eml",
                mail.email(
                    rng,
                    sender=org.STAFF[0].header,
                    to=[addr(c)],
                    subject="Usage data",
                    text=text,
                    attachments=[("usage.xlsx", XLSX, encrypted_xlsx(book, "Tw2025!", i))],
                ),
                ["unscannable_content"],
                f"password-protected workbook to {c.cid}",
            ),
        )
    for i in range(cx.n(2)):
        c = cx.plain()
        st = style(cx, fmt="pdf-window")
        spec = spec_for(cx, c, st)
        legit = cx.allow(
            "unscannable/encrypted-letter", ".pdf", render(letter("bill", spec, rng), st), f"bill to {c.cid}"
        )
        cx.pair(
            legit,
            cx.block(
                "unscannable/encrypted-letter",
                ".pdf",
                render(letter("bill", spec, rng), st, password="print" + str(i)),
                ["unscannable_content"],
                f"password-protected PDF bill to {c.cid} in the pre-send folder",
            ),
        )


def everyday(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(24)):
        c = cx.plain()
        st = style(cx)
        tpl = [
            "bill",
            "reminder",
            "hardship",
            "concession",
            "meter_access",
            "price_change",
            "welcome",
            "direct_debit",
            "complaint_response",
            "final_bill",
            "leak_allowance",
            "joint_notice",
        ][i % 12]
        spec = spec_for(cx, c, st)
        ext, data = render_letter(letter(tpl, spec, rng), st)
        cx.allow("everyday/letter", ext, data, f"{tpl} letter to {c.cid}")
    for _ in range(cx.n(8)):
        c = emailable(cx, cx.reg.clients, "outage-mail")
        street = supply_of(c, c.refs[0])
        text = (
            f"Hello,\n\nPlanned interruption: {street.suburb} {street.state}, {rng.randint(1, 28)} July, 9am-2pm, "
            f"for network upgrades.\n\nFor updates visit https://{org.WEBSITE}/outages or call {org.FAULTS_PHONE}.\n\n"
            f"{org.FOOTER}"
        )
        cx.allow(
            "everyday/outage-email",
            ".eml",
            mail.email(
                rng, sender=org.OUTAGES.header, to=[c.emails[0]], subject="Planned supply interruption", text=text
            ),
            f"suburb-wide outage notice to {c.cid}'s webmail, no account data",
        )
    for i in range(cx.n(10)):
        c = emailable(cx, cx.reg.plain, "pay")
        ref = rng.choice(c.refs)
        text = (
            f"Hi {first(c)},\n\nWe received your payment of ${rng.randint(40, 700)}.{rng.randint(0, 99):02d} "
            "for account "
            f"{ref_as(ref, ['spaces', 'plain', 'dashes'][i % 3])} on {rng.randint(1, 28)} May 2025. Thank you.\n\n"
            f"{org.FOOTER}"
        )
        cx.allow(
            "everyday/payment-confirmation",
            ".eml",
            mail.email(rng, sender=org.BILLING.header, to=[addr(c)], subject="Payment received", text=text),
            f"payment confirmation to {c.cid} for its own account",
        )
    for i in range(cx.n(6)):
        staff, other = org.STAFF[i % 4], org.STAFF[(i + 3) % 8]
        text = rng.choice(
            [
                "Reminder: team meeting moved to 10am Thursday in Docklands room 3.",
                "The billing run for cycle 14 finished overnight; exceptions report is on the share.",
                "Please complete the privacy refresher module by Friday.",
                "Roster for the long weekend attached on the intranet.",
            ]
        )
        cx.allow(
            "everyday/internal",
            ".eml",
            mail.email(rng, sender=staff.header, to=[other.header], subject="FYI", text=text + f"\n\n{staff.name}"),
            "internal email without client data",
        )
    for _ in range(cx.n(6)):
        c = emailable(cx, cx.reg.plain, "enq")
        text = (
            f"Hi {first(c)},\n\nThanks for your enquiry. Our current offers are on {org.WEBSITE}/plans, and you can "
            f"switch online in about five minutes. If you'd like to talk it through, call {org.PHONE}.\n\n"
            f"{org.signature(org.STAFF[5])}"
        )
        cx.allow(
            "everyday/general-enquiry",
            ".eml",
            mail.email(rng, sender=org.STAFF[5].header, to=[addr(c)], subject="RE: Plans and prices", text=text),
            f"answer to a general enquiry from {c.cid}",
        )


def run_all(cx: Corpus) -> None:
    bulk(cx)
    unscannable(cx)
    everyday(cx)
