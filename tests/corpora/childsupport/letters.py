"""What the agency writes: assessment notices, statements, collection and employer letters, and the rest."""

from __future__ import annotations

import random

from .render_docs import Letter
from .world import AGENCY, Case, Client, Employer, fmt_dob, fmt_ref

DATES = [
    "3 March 2025",
    "10 February 2025",
    "24 February 2025",
    "17 March 2025",
    "4 March 2025",
    "28 February 2025",
    "12 March 2025",
    "6 February 2025",
]
BRANCHES = [
    "GPO Box 9910, Melbourne VIC 3001",
    "Locked Bag 40, Parramatta NSW 2124",
    "PO Box 7702, Hobart TAS 7001",
    "Reply Paid 8813, Brisbane QLD 4001",
]


def block(c: Client, rng: random.Random, addr_of: Client | None = None) -> list[str]:
    """The window-envelope address block of client c (optionally at another client's address)."""
    a = (addr_of or c).address
    name = rng.choice([c.formal(), f"{c.title} {c.given} {c.family}", f"{c.given} {c.family}".upper(), c.name])
    return [name, *a.lines(short=rng.random() < 0.7, caps=rng.random() < 0.8, unit_style=rng.randrange(2))]


def care_block(c: Client, firm: tuple[str, str], rng: random.Random) -> list[str]:
    """Addressed to a client care of her lawyer: the firm's address, not hers."""
    return [
        c.formal(),
        f"c/- {firm[0]}",
        f"PO Box {rng.randint(100, 999)}",
        rng.choice(["SYDNEY NSW 2001", "MELBOURNE VIC 3001", "BRISBANE QLD 4001"]),
    ]


def refs(case: Case, c: Client, rng: random.Random) -> list[tuple[str, str]]:
    style = rng.randrange(3)
    crn_label = rng.choice(["Customer reference", "Your reference", "CRN", "Customer ref no."])
    out = [
        (crn_label, fmt_ref(c.crn, style)),
        (rng.choice(["Case number", "Case no.", "Case"]), fmt_ref(case.number, style)),
    ]
    return out if rng.random() < 0.8 else out[::-1]


def kids_table(case: Case, rng: random.Random) -> list[list[str]]:
    style = rng.randrange(3)
    rows = [["Child", "Date of birth", "Care"]]
    for name, dob in case.children:
        rows.append([name, fmt_dob(dob, style), rng.choice(["Shared care", "Primary care", "Regular care"])])
    return rows


def base(
    case: Case,
    c: Client,
    rng: random.Random,
    title: str,
    body: list,
    to: list[str] | None = None,
    style: str | None = None,
) -> Letter:
    return Letter(
        to or block(c, rng),
        rng.choice(DATES),
        refs(case, c, rng),
        title,
        rng.choice([f"Dear {c.formal()}", f"Dear {c.given}", f"Dear {c.title} {c.family}"]),
        body,
        style=style or rng.choice(["window", "window", "twocol"]),
        branch=rng.choice(BRANCHES),
    )


def assessment(case: Case, c: Client, rng: random.Random, extra: list[str] | None = None, **kw) -> Letter:
    other = case.other(c)
    role = "payer" if c is case.payer else "payee"
    body: list = [
        f"We have assessed child support for the children below. You are the {role} in this case. "
        f"The other parent is {other.name}.",
        kids_table(case, rng),
        [
            ["", "You", "Other parent"],
            [
                "Adjusted taxable income",
                f"${(case.payer_income if role == 'payer' else case.payee_income):,}",
                f"${(case.payee_income if role == 'payer' else case.payer_income):,}",
            ],
            ["Annual rate", f"${case.annual:,}", ""],
        ],
        f"The annual rate of child support is ${case.annual:,} (${case.annual / 26:,.2f} a fortnight), "
        f"effective from 1 April 2025.",
        *(extra or []),
        "If you disagree with this decision you can object within 28 days. Call us on 1300 555 014.",
    ]
    return base(case, c, rng, "Notice of child support assessment", body, **kw)


def statement(case: Case, c: Client, rng: random.Random, extra: list[str] | None = None, **kw) -> Letter:
    rows = [["Date", "Description", "Amount", "Balance"]]
    bal = 0
    for i in range(rng.randint(3, 6)):
        amt = round(case.annual / 26, 2)
        bal += amt if i % 2 == 0 else -amt
        rows.append(
            [
                f"{rng.randint(1, 28):02d}/0{1 + i % 2}/2025",
                rng.choice(["Liability raised", "Payment received", "Employer deduction"]),
                f"${amt:,.2f}",
                f"${bal:,.2f}",
            ]
        )
    body: list = [
        "Here is your child support payment statement for the period 1 January to 28 February 2025.",
        rows,
        *(extra or []),
        "Keep this statement for your records.",
    ]
    return base(case, c, rng, "Payment statement", body, **kw)


def collection(case: Case, c: Client, rng: random.Random, extra: list[str] | None = None, **kw) -> Letter:
    debt = rng.randrange(400, 18000, 7)
    letter = base(
        case,
        c,
        rng,
        "Child support debt - action required",
        [
            f"Our records show you owe ${debt:,}.00 in child support. Please pay the full amount by 31 March 2025 or "
            "call us to arrange a payment plan.",
            *(extra or []),
            "If you do not pay we may collect the debt from your employer, your tax refund or your bank account.",
        ],
        **kw,
    )
    letter.slip = [
        ("Customer reference", fmt_ref(c.crn, 0)),
        ("Amount due", f"${debt:,}.00"),
        ("BPAY Biller code", "775511"),
        ("BPAY Ref", c.crn[:9]),
    ]
    return letter


def change_ack(case: Case, c: Client, rng: random.Random, extra: list[str] | None = None, **kw) -> Letter:
    what = rng.choice(
        ["your care arrangements", "your income estimate", "your bank details", "your address", "your contact details"]
    )
    return base(
        case,
        c,
        rng,
        "We have updated your details",
        [
            f"Thank you for telling us about a change to {what}. We updated your record on "
            f"{rng.choice(['21', '24', '26'])} February 2025.",
            *(extra or []),
            "If anything else changes, tell us within 14 days.",
        ],
        **kw,
    )


def objection(case: Case, c: Client, rng: random.Random, extra: list[str] | None = None, **kw) -> Letter:
    other = case.other(c)
    outcome = rng.choice(["allowed", "partly allowed", "disallowed"])
    return base(
        case,
        c,
        rng,
        "Objection decision",
        [
            f"We have reviewed the objection lodged by {rng.choice([c.name, other.name])} about the assessment "
            f"for case "
            f"{fmt_ref(case.number, 0)}. The objection is {outcome}.",
            *(extra or []),
            "You can apply to the Administrative Review Tribunal within 28 days if you disagree.",
        ],
        **kw,
    )


def tax_reminder(case: Case, c: Client, rng: random.Random, extra: list[str] | None = None, **kw) -> Letter:
    return base(
        case,
        c,
        rng,
        "Reminder: lodge your 2024 tax return",
        [
            "You must lodge your tax return so we can assess child support with your actual income. If you are not "
            "required to lodge, tell us your income by 30 April 2025.",
            *(extra or []),
        ],
        **kw,
    )


def estimate(case: Case, c: Client, rng: random.Random, extra: list[str] | None = None, **kw) -> Letter:
    est = rng.randrange(20000, 120000, 500)
    return base(
        case,
        c,
        rng,
        "Income estimate accepted",
        [
            f"We have accepted your estimate of ${est:,} for the 2024-25 financial year. We will reconcile it "
            "with your "
            "actual income after the year ends.",
            *(extra or []),
        ],
        **kw,
    )


def employer_notice(
    case: Case, emp: Employer, rng: random.Random, extra: list[str] | None = None, payer: Client | None = None
) -> Letter:
    p = payer or case.payer
    amount = round(case.annual / 26, 2)
    body: list = [
        "Under the child support collection legislation you must deduct child support from the salary or wages of "
        "the employee named below and pay it to us.",
        [
            ["Employee", "Customer reference", "Deduction per pay", "Protected earnings"],
            [p.name, fmt_ref(p.crn, rng.randrange(3)), f"${amount:,.2f}", "$476.53"],
        ],
        *(extra or []),
        "Start deductions from the first pay day after 14 March 2025. Do not tell other staff about this notice.",
    ]
    return Letter(
        ["The Payroll Officer", emp.name, *emp.address.lines()],
        rng.choice(DATES),
        [("Employer reference", f"E{rng.randint(100000, 999999)}")],
        "Notice to deduct child support",
        "Dear Payroll Officer",
        body,
        sign=["Yours faithfully", "", "Employer Services", AGENCY],
        style=rng.choice(["window", "twocol"]),
        branch=rng.choice(BRANCHES),
    )


def lawyer_letter(
    case: Case, client: Client, firm: tuple[str, str], rng: random.Random, extra: list[str] | None = None
) -> Letter:
    other = case.other(client)
    return Letter(
        [
            rng.choice(["The Principal", "Attention: Family Law Team"]),
            firm[0],
            f"PO Box {rng.randint(100, 999)}",
            rng.choice(["SYDNEY NSW 2001", "PARRAMATTA NSW 2124", "MELBOURNE VIC 3001"]),
        ],
        rng.choice(DATES),
        [("Your client", client.name), ("Case", fmt_ref(case.number, rng.randrange(3)))],
        "Child support case - your client",
        "Dear Sir or Madam",
        [
            f"We refer to your letter on behalf of {client.name} about the child support case with {other.name}.",
            *(extra or []),
            "The care percentages in the current assessment are 65% and 35%. A copy of the decision is enclosed.",
        ],
        sign=["Yours faithfully", "", "Objections and Reviews", AGENCY],
        style=rng.choice(["window", "twocol"]),
        branch=rng.choice(BRANCHES),
    )


KINDS = {
    "assessment": assessment,
    "statement": statement,
    "collection": collection,
    "change": change_ack,
    "objection": objection,
    "tax": tax_reminder,
    "estimate": estimate,
}


def any_letter(
    case: Case, c: Client, rng: random.Random, extra: list[str] | None = None, kind: str | None = None, **kw
) -> Letter:
    kind = kind or rng.choice(sorted(KINDS))
    if kind == "collection" and c is not case.payer:
        kind = "statement"
    return KINDS[kind](case, c, rng, extra=extra, **kw)


def suppressed_line(v: Client, rng: random.Random, what: str) -> str:
    """How a suppressed detail ends up in text: loosely written, the way staff type it."""
    a = v.address
    if what == "postal_address":
        st = rng.randrange(3)
        if st == 0:
            return f"{a.street_line(True, 1)}, {a.suburb} {a.state} {a.postcode}"
        if st == 1:
            return f"{a.street_line(False)} {a.suburb.upper()} {a.state} {a.postcode}"
        return f"{a.street_line(True)}, {a.suburb}, {a.state}, {a.postcode}"
    if what == "phone":
        from .world import fmt_phone

        return fmt_phone(v.phone, rng.randrange(3))
    return rng.choice([v.email, v.email.upper(), v.email.capitalize()])


AGENCY_NAME = AGENCY
