"""What the fund writes: letter bodies, email signatures, quoted history."""

from __future__ import annotations

import random

from tests.corpora.superfund.formats import Letter
from tests.corpora.superfund.people import Member, date_fmt, member_no_fmt

DISCLAIMERS = [
    "This email and any attachments are confidential and may contain personal information. If you are not the "
    "intended recipient, please notify the sender and delete it. Coastline Trustees Pty Ltd ABN 00 111 222 333.",
    "General advice warning: this information does not take your personal circumstances into account. "
    "Consider the PDS and TMD at coastlinesuper.example before making a decision.",
    "CONFIDENTIALITY: the information in this message is intended for the addressee only. Please consider the "
    "environment before printing.",
]


def signature(rng: random.Random, staff_name: str, team: str | None = None) -> str:
    team = team or rng.choice(["Member Services", "Insurance & Claims", "Benefit Payments", "Employer Services"])
    return (
        f"Kind regards,\n\n{staff_name}\n{team} | Coastline Industry Super\nT 1300 555 014 | coastlinesuper.example\n"
        f"\n{rng.choice(DISCLAIMERS)}\n"
    )


def money(v: int) -> str:
    return f"${v:,}.{(v * 37) % 100:02d}"


def quote(text: str, style: int, who: str, when: str, addr: str, subject: str, to: str = "") -> str:
    """Prior message as a reply quotes it: Gmail-style '>' or an Outlook header block."""
    if style % 2 == 0:
        body = "\n".join("> " + line if line else ">" for line in text.splitlines())
        return f"On {when}, {who} <{addr}> wrote:\n{body}\n"
    hdr = f"From: {who} <{addr}>\nSent: {when}\nTo: {to}\nSubject: {subject}\n"
    return "-----Original Message-----\n" + hdr + "\n" + text + "\n"


def statement_letter(m: Member, addressee: list[str], rng: random.Random, today: str, fy: int = 2026) -> Letter:
    contrib = rng.randint(2000, 24000)
    earn = rng.randint(-3000, 40000)
    opening = max(0, m.balance - contrib - earn)
    s = rng.randrange(6)
    return Letter(
        addressee=addressee,
        date=today,
        ref=member_no_fmt(m.member_no, s),
        subject=f"Your annual member statement for the year ended 30 June {fy}",
        salutation=f"Dear {m.title + ' ' + m.family if m.title else m.given},",
        paras=[
            f"Your account summary for 1 July {fy - 1} to 30 June {fy}: opening balance {money(opening)}, "
            f"contributions {money(contrib)}, net investment return {money(earn)}, closing balance {money(m.balance)}.",
            f"Date of birth on our records: {date_fmt(m.dob, s)}. If this is wrong, please call us.",
            "Your insurance cover (death, TPD and income protection) continues while your account is active.",
        ],
        head=s,
        extra_pages=[
            [
                f"Page 2 - Transactions - {m.title} {m.given} {m.family} - {member_no_fmt(m.member_no, 0)}".replace(
                    "  ", " "
                ),
                "Employer contributions (SG)   " + money(contrib),
                "Insurance premiums            " + money(rng.randint(120, 900)),
                "Administration fees           " + money(rng.randint(60, 300)),
            ]
        ],
    )


def contribution_letter(m: Member, addressee: list[str], rng: random.Random, today: str) -> Letter:
    amt = rng.randint(200, 27500)
    return Letter(
        addressee=addressee,
        date=today,
        ref=member_no_fmt(m.member_no, rng.randrange(6)),
        subject="Confirmation of your personal contribution",
        salutation=f"Dear {m.given},",
        paras=[
            f"We received your personal contribution of {money(amt)} and credited it to your account.",
            "If you intend to claim a tax deduction, send us a Notice of intent to claim form before you lodge "
            "your tax return.",
        ],
        head=rng.randrange(4),
    )


def tfn_not_quoted_letter(m: Member, addressee: list[str], rng: random.Random, today: str) -> Letter:
    return Letter(
        addressee=addressee,
        date=today,
        ref=member_no_fmt(m.member_no, rng.randrange(6)),
        subject="We do not hold your tax file number",
        salutation=f"Dear {m.title} {m.family}".replace("  ", " ") + ",",
        paras=[
            "We have no tax file number (TFN) for your account. Without it, concessional contributions are taxed "
            "at the highest marginal rate and we cannot accept personal contributions.",
            "You can give us your TFN securely by logging in to the member portal or by calling us. Please do "
            "not send your TFN by email.",
        ],
        head=rng.randrange(4),
    )


def claim_letter(m: Member, addressee: list[str], rng: random.Random, today: str, kind: str, to_doctor: bool) -> Letter:
    claim = next((c for c in m.claims if c.startswith(kind[:2])), m.claims[0] if m.claims else m.member_no)
    label = "Total and Permanent Disablement" if kind.startswith("TPD") else "Income Protection"
    if to_doctor:
        sal = "Dear Doctor,"
        paras = [
            f"Re: {m.given} {m.family}, born {date_fmt(m.dob, rng.randrange(7))}, claim {claim}.",
            f"Your patient has lodged a {label} claim and has signed the enclosed medical authority. Please "
            "complete the attending medical practitioner's statement and return it to the Claims Team.",
        ]
    else:
        sal = f"Dear {m.given},"
        paras = [
            f"Thank you for lodging your {label} claim (claim number {claim}).",
            "We have written to your treating doctor. Your case manager will call you within 10 business days.",
        ]
    return Letter(
        addressee=addressee,
        date=today,
        ref=f"Claim {claim} | {member_no_fmt(m.member_no, 0)}",
        subject=f"{label} claim",
        salutation=sal,
        paras=paras,
        signoff=["Yours sincerely", "", "Claims Team"],
        head=2,
    )


def death_letter(d: Member, addressee: list[str], sal: str, rng: random.Random, today: str, role: str) -> Letter:
    claim = next(c for c in d.claims if c.startswith("DB"))
    return Letter(
        addressee=addressee,
        date=today,
        ref=f"Our ref {claim}",
        subject=f"Death benefit - the late {d.given} {d.family}, member {d.member_no}",
        salutation=sal,
        paras=[
            "Please accept our condolences.",
            f"As {role}, you are entitled to information about the death benefit of {money(d.balance)} plus "
            "insured cover. We need a certified copy of the death certificate and, for the estate, the grant of "
            "probate.",
        ],
        signoff=["Yours sincerely", "", "Benefit Payments - Deceased Estates"],
        head=rng.randrange(4),
    )


def family_law_letter(m: Member, addressee: list[str], rng: random.Random, today: str, court_ref: str) -> Letter:
    return Letter(
        addressee=addressee,
        date=today,
        ref=f"{member_no_fmt(m.member_no, 1)} | Family Court file {court_ref}",
        subject="Payment split of your superannuation interest",
        salutation=f"Dear {m.given},",
        paras=[
            "We have received sealed orders under Part VIIIB of the Family Law Act 1975 that apply a payment "
            "split to your account.",
            "We will action the split within 28 days and confirm the amounts to you. We do not disclose your "
            "contact details to the other party.",
        ],
        head=rng.randrange(4),
    )


def compassionate_letter(m: Member, addressee: list[str], rng: random.Random, today: str, approved: bool) -> Letter:
    amt = rng.randint(3000, 22000)
    body = (
        f"The Australian Taxation Office has approved the release of {money(amt)} on compassionate grounds "
        "(medical treatment). We will pay it to your nominated bank account within 5 business days."
        if approved
        else "We need the ATO's determination letter before we can release any amount on compassionate grounds."
    )
    return Letter(
        addressee=addressee,
        date=today,
        ref=member_no_fmt(m.member_no, rng.randrange(6)),
        subject="Early release of super on compassionate grounds",
        salutation=f"Dear {m.given},",
        paras=[body],
        head=rng.randrange(4),
    )
