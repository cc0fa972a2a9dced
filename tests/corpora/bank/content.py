"""The bank's documents: statements, arrears and default notices, hardship letters, maturity notices, dishonour
notices, card letters, change-of-address confirmations, branch closure letters, guarantor copies."""

from __future__ import annotations

import random

from tests.corpora.bank import world as W
from tests.corpora.bank.registry import Member
from tests.corpora.bank.render import Letter


def spaced(ref: str) -> str:
    """An account number as statements print it: 31 045 2197 -> '3104 5219 7'."""
    if ref[:2].isalpha():
        return f"{ref[:2]} {ref[2:5]} {ref[5:]}"
    return f"{ref[:4]} {ref[4:]}"


def block(m: Member, style: int = 0, with_name: str | None = None) -> list[str]:
    name = with_name or (m.formal if style % 2 == 0 else f"{m.given} {m.family}".upper())
    if style % 3 == 2:
        return [name, m.line1, f"{m.suburb} QLD {m.postcode}"]
    return [name, m.line1_abbr.upper() if style % 2 else m.line1_abbr, m.locality]


def joint_block(a: Member, b: Member, style: int = 0) -> list[str]:
    """Both holders at their one shared address."""
    names = (
        f"{a.formal} & {b.formal}"
        if style % 2 == 0
        else f"{a.title} {a.given} {a.family} and {b.title} {b.given} {b.family}"
    )
    return [names, a.line1_abbr, a.locality]


def transactions(rng: random.Random, n: int = 8, start: float = 1800.0) -> list[list[str]]:
    rows, bal = [], start
    for i in range(n):
        day = f"{2 + i * 3:02d}/02/2026"
        if rng.random() < 0.3:
            amt = round(rng.uniform(300, 2400), 2)
            bal += amt
            rows.append([day, rng.choice(W.CREDITS), "", f"{amt:,.2f}", f"{bal:,.2f}"])
        else:
            amt = round(rng.uniform(8, 260), 2)
            bal -= amt
            rows.append([day, rng.choice(W.MERCHANTS), f"{amt:,.2f}", "", f"{bal:,.2f}"])
    return rows


COLS = ["Date", "Transaction", "Debit", "Credit", "Balance"]


def statement(
    rng, to: list[str], holders: list[Member], acct: str, *, branch=0, holder_lines=None, product="Everyday Access"
) -> Letter:
    """A quarterly statement. `holder_lines` are what the statement prints under 'Account holders'."""
    names = " and ".join(h.name for h in holders)
    lines = holder_lines if holder_lines is not None else [names]
    return Letter(
        to=to,
        subject=f"{product} account statement, 1 December 2025 to 28 February 2026",
        salutation="Account holders: " + "; ".join(lines),
        paras=[
            f"Statement number 14. Opening balance $1,800.00. This statement covers account {spaced(acct)} "
            "for the period shown. Please check your transactions and tell us promptly about anything you "
            "do not recognise."
        ],
        refs=[("Account", spaced(acct)), ("BSB", "704-311")],
        table=(COLS, transactions(rng, rng.randrange(6, 11))),
        after=[
            f"Questions? Call {W.PHONE} (8am to 6pm weekdays) or visit any branch. Lost or stolen cards: "
            f"{W.PHONE}, 24 hours."
        ],
        closing=[W.ORG],
        branch=branch,
    )


def arrears(m: Member, to: list[str], loan: str, *, joint: Member | None = None, branch=0, days=35) -> Letter:
    who = f"{m.given} {m.family}" + (f" and {joint.given} {joint.family}" if joint else "")
    amt = 1200 + (int(loan[-3:]) % 900)
    return Letter(
        to=to,
        subject=f"Your loan {spaced(loan)} is {days} days in arrears",
        salutation=f"Dear {m.title} {m.family}" + (f" and {joint.title} {joint.family}" if joint else ""),
        paras=[
            f"Our records show that the loan held by {who} is {days} days overdue. The amount in arrears is "
            f"${amt:,}.00 as at the date of this letter.",
            "If you are experiencing financial difficulty, please talk to us. You can ask for a hardship "
            f"arrangement by calling our Financial Hardship team on {W.HARDSHIP_PHONE} or by writing to "
            f"{W.POSTAL}. You may also contact a free financial counsellor on the National Debt Helpline.",
            "If the arrears are not paid or an arrangement agreed within 30 days, we may issue a default "
            "notice. Complaints can be taken to the Australian Financial Complaints Authority (AFCA).",
        ],
        refs=[("Loan account", spaced(loan)), ("Member number", m.member_no)],
        closing=["Yours sincerely", "", "Collections", W.ORG],
        branch=branch,
    )


def default_notice(m: Member, to: list[str], loan: str, *, guarantor: Member | None = None, branch=0) -> Letter:
    paras = [
        f"This is a default notice under section 88 of the National Credit Code for loan {spaced(loan)} "
        f"held by {m.given} {m.family}. To remedy the default you must pay $2,418.60 by 20 April 2026.",
        "If the default is not remedied, we may commence enforcement proceedings. Call our Financial "
        f"Hardship team on {W.HARDSHIP_PHONE} if you cannot pay.",
    ]
    sal = f"Dear {m.title} {m.family}"
    if guarantor:
        paras.insert(
            0,
            f"As guarantor of this loan you are entitled to a copy of the default notice we have issued "
            f"to the borrower, {m.given} {m.family}.",
        )
        sal = f"Dear {guarantor.title} {guarantor.family}"
    return Letter(
        to=to,
        subject="Default notice" + (" - copy for guarantor" if guarantor else ""),
        salutation=sal,
        paras=paras,
        refs=[("Loan account", spaced(loan))],
        branch=branch,
        closing=["Yours faithfully", "", "Collections Manager", W.ORG],
    )


def hardship(m: Member, to: list[str], loan: str, *, joint: Member | None = None, branch=0) -> Letter:
    sal = f"Dear {m.given}" + (f" and {joint.given}" if joint else "")
    return Letter(
        to=to,
        subject=f"Your hardship arrangement for loan {spaced(loan)}",
        salutation=sal,
        paras=[
            "Thank you for talking to us about your circumstances. We have agreed to reduce your repayments to "
            "$210.00 a fortnight for six months from 1 April 2026. Interest will continue to accrue.",
            "We will review the arrangement in September 2026. If anything changes, call our Financial Hardship "
            f"team on {W.HARDSHIP_PHONE}.",
        ],
        refs=[("Loan account", spaced(loan))],
        branch=branch,
        closing=["Yours sincerely", "", W.STAFF[5][0], W.STAFF[5][2]],
    )


def maturity(m: Member, to: list[str], branch=0) -> Letter:
    return Letter(
        to=to,
        subject="Your term deposit is about to mature",
        salutation=f"Dear {m.given}",
        paras=[
            f"Your term deposit {m.term_deposit} matures on 14 April 2026. Unless you tell us otherwise it will "
            "be reinvested for the same term at the rate applying on the maturity date (currently 4.35% p.a. "
            "for 6 months).",
            f"To change your instructions, call {W.PHONE} or visit any branch.",
        ],
        refs=[("Member number", m.member_no), ("Term deposit", m.term_deposit)],
        branch=branch,
    )


def dishonour(m: Member, to: list[str], branch=0) -> Letter:
    return Letter(
        to=to,
        subject="Direct debit dishonoured",
        salutation=f"Dear {m.title} {m.family}",
        paras=[
            f"A direct debit of $186.40 from your account {spaced(m.savings)} to RACQ Insurance on 9 March 2026 "
            "was dishonoured because there were insufficient funds. A dishonour fee of $9.00 has been charged.",
            "Please arrange payment with the biller directly.",
        ],
        refs=[("Member number", m.member_no)],
        branch=branch,
    )


def address_change(m: Member, to: list[str], branch=0) -> Letter:
    return Letter(
        to=to,
        subject="We have updated your mailing address",
        salutation=f"Dear {m.given}",
        paras=[
            f"As you asked, we have changed the mailing address for member {m.member_no} to {m.address}. "
            "If you did not ask for this change, call us straight away on " + W.PHONE + "."
        ],
        refs=[("Member number", m.member_no)],
        branch=branch,
    )


def closure(m: Member, to: list[str]) -> Letter:
    cl = next(b for b in W.BRANCHES if b[0] == W.CLOSING)
    into = next(b for b in W.BRANCHES if b[0] == W.MERGED_INTO)
    return Letter(
        to=to,
        subject=f"Our {cl[0]} branch is closing",
        salutation=f"Dear {m.given}",
        paras=[
            f"After 41 years our {cl[0]} branch at {cl[1]} will close on Friday 29 May 2026. We know many "
            f"members living in and around {m.suburb} have banked there for a long time.",
            f"From 1 June 2026 your accounts will be looked after by our {into[0]} branch, {into[1]}, phone "
            f"{into[2]}. A Bank@Post service remains available at the {cl[0]} post office.",
            "Nothing changes about your account numbers, cards or direct debits.",
        ],
        refs=[("Member number", m.member_no)],
        branch=5,
    )


def card_letter(m: Member, to: list[str], full_card: bool = False, branch=0) -> Letter:
    shown = " ".join(m.card[i : i + 4] for i in range(0, 16, 4)) if full_card else f"ending {m.card[-4:]}"
    return Letter(
        to=to,
        subject="Your replacement Visa debit card",
        salutation=f"Dear {m.given}",
        paras=[
            f"Your replacement card ({shown}) is enclosed. Your old card has been cancelled. Activate the new "
            f"card in the app or by calling {W.PHONE}."
        ],
        refs=[("Member number", m.member_no)],
        branch=branch,
    )


def discharge(m: Member, conveyancer: str) -> Letter:
    return Letter(
        to=[conveyancer, "Settlements Team", W.POSTAL.replace("1840", "2219")],
        subject=f"Discharge of mortgage - {m.name} - loan {spaced(m.home_loan)}",
        salutation="Dear Settlements Team",
        paras=[
            f"We confirm receipt of the discharge authority signed by our member {m.name} for the property at "
            f"{m.address}. The payout figure for loan {spaced(m.home_loan)} as at 27 March 2026 is $186,442.17.",
            "Please book settlement through PEXA at least five business days ahead.",
        ],
        closing=["Yours faithfully", "", "Loan Discharges", W.ORG],
    )
