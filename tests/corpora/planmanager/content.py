"""Wording shared by the cases: dates and identifiers written many ways, address blocks, the letter types
(plan-spending statements, welcome letters, plan-review reminders), remittance lines, e-mail signatures."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from .formats import Letter
from .people import ORG, Person, Provider, Registry

AEST = timezone(timedelta(hours=11))
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fdate(d: date, style: int = 0) -> str:
    return [
        f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        d.strftime("%d/%m/%Y"),
        f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
        d.strftime("%d.%m.%y"),
        f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
        d.strftime("%d/%m/%y"),
        d.strftime("%d-%b-%Y"),
        d.isoformat(),
    ][style % 8]


def ndis_form(n: str, style: int = 0) -> str:
    return [n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:2]} {n[2:5]} {n[5:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"][style % 4]


def phone_form(ph: str, style: int = 0) -> str:
    d = ph.replace(" ", "").replace("(", "").replace(")", "")
    if d.startswith("04"):
        return [ph, d, f"+61 {d[1:4]} {d[4:7]} {d[7:]}", f"{d[:4]}-{d[4:7]}-{d[7:]}", f"+61{d[1:]}"][style % 5]
    return [ph, d, f"+61 3 {d[2:6]} {d[6:]}", f"{d[:2]} {d[2:6]} {d[6:]}", ph][style % 5]


def medicare(rng: random.Random) -> str:
    digits = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(d * w for d, w in zip(digits, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    s = "".join(map(str, digits)) + str(check) + str(rng.randint(1, 5))
    return f"{s[:4]} {s[4:9]} {s[9]}"


def card_number(rng: random.Random) -> str:
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        d2 = d * 2 if i % 2 == 0 else d
        total += d2 - 9 if d2 > 9 else d2
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


def name_line(p: Person, style: int = 0) -> str:
    return [
        f"{p.title} {p.given} {p.family}",
        f"{p.given} {p.family}",
        f"{p.given[0]} {p.family.upper()}",
        f"{p.title} {p.given[0]}. {p.family}",
        f"{p.given.upper()} {p.family.upper()}",
    ][style % 5]


def address_block(p: Person, style: int = 0, name: str | None = None, addr_of: Person | None = None) -> list[str]:
    a = (addr_of or p).addr
    return [name or name_line(p, style)] + a.lines(style)


def parent_block(child: Person, parent: Person, style: int = 0, addr_of: Person | None = None) -> list[str]:
    return [f"{name_line(parent, style)}", f"Parent/nominee of {child.given} {child.family}"] + (
        addr_of or parent
    ).addr.lines(style)


def money(x: float) -> str:
    return f"${x:,.2f}"


def claims(reg: Registry, p: Person, rng: random.Random, n: int = 6) -> list[list[str]]:
    provs = [pr for pr in reg.providers if p in reg.served[pr.email]] or [reg.providers[2]]
    rows = [["Date of service", "Provider", "Invoice", "Support item", "Amount"]]
    d = date(2025, 2, 1) + timedelta(days=rng.randint(0, 4))
    for _ in range(n):
        pr = rng.choice(provs)
        item, _desc, price = rng.choice(pr.items)
        qty = rng.choice([1, 2, 3, 4, 6]) if price > 2 else rng.randint(40, 260)
        rows.append(
            [
                fdate(d, 1),
                pr.name.replace(" Pty Ltd", "").replace(" Ltd", ""),
                f"INV-{rng.randint(10000, 99999)}",
                item,
                money(qty * price),
            ]
        )
        d += timedelta(days=rng.randint(1, 4))
    return rows


def budget_rows(p: Person, rng: random.Random) -> list[list[str]]:
    pl = p.plan
    rows = [["Budget", "Allocated", "Claimed", "Remaining"]]
    for label, key in (
        ("Core Supports", "core"),
        ("Capacity Building", "cb"),
        ("Support Coordination", "sc"),
        ("Capital Supports", "capital"),
    ):
        tot = pl[key]
        if not tot:
            continue
        used = round(tot * rng.uniform(0.15, 0.8), 2)
        rows.append([label, money(tot), money(used), money(tot - used)])
    return rows


def statement(
    reg: Registry,
    p: Person,
    block: list[str],
    rng: random.Random,
    when: date,
    *,
    ndis_style: int = 1,
    dob_style: int = 0,
    show_dob: bool = True,
    extra_refs=None,
    show_contact: bool = False,
    about: Person | None = None,
    nominee: Person | None = None,
) -> Letter:
    """A monthly statement of plan spending for participant `about` (default `p`), addressed by `block`."""
    a = about or p
    refs = [("Participant", a.name), ("NDIS number", ndis_form(a.ndis, ndis_style)), ("Our reference", a.wpp)]
    if show_dob and a.dob:
        refs.insert(2, ("Date of birth", fdate(a.dob, dob_style)))
    refs += extra_refs or []
    paras = [
        f"Here is your statement of plan spending for {MONTHS[(when.month - 2) % 12]} {when.year}. Your plan runs "
        f"from {fdate(a.plan['start'])} to {fdate(a.plan['end'])}. We paid the invoices below on your behalf "
        "after checking them against your plan and the NDIS Pricing Arrangements.",
    ]
    if show_contact:
        paras.append(
            "Contact details we hold for you: "
            + "; ".join([a.addr.one_line()] + a.phones + a.emails)
            + ". Please tell us if any of these are wrong."
        )
    after = [
        "If you do not recognise a claim, please call us on " + ORG["phone"] + " within 14 days. "
        "You can also check your budget any time in the myplace portal.",
    ]
    sal = f"Dear {nominee.given}," if nominee else f"Dear {a.given},"
    lt = Letter(block, fdate(when), "Statement of plan spending", refs, sal, paras, claims(reg, a, rng), after)
    lt.after = [
        "Budget summary at the end of the month:",
        "  ".join(" / ".join(r) for r in budget_rows(a, rng)[1:]),
    ] + after
    return lt


def welcome(p: Person, block: list[str], when: date, coordinator: str = "Priya Daintree") -> Letter:
    return Letter(
        block,
        fdate(when, 0),
        "Welcome to Wattlebrook Plan Partners",
        [("NDIS number", p.ndis), ("Client reference", p.wpp)],
        f"Dear {p.given},",
        [
            "Thank you for choosing us as your plan manager. From today we will pay your providers' invoices from "
            "your plan-managed funding, keep track of your budget and send you a statement every month.",
            f"Your plan manager is Tessa Verrall and your support coordinator is {coordinator}. You can reach "
            f"either of us on {ORG['phone']} (Monday to Friday, 8.30 am to 5 pm).",
            "Please ask your providers to send invoices to accounts@wattlebrook.example with your name and NDIS "
            "number on each invoice.",
        ],
        None,
        [
            "Enclosed: service agreement (two copies, please sign and return one), privacy statement, "
            "and our easy-read guide to plan management."
        ],
    )


def review_reminder(p: Person, block: list[str], when: date) -> Letter:
    return Letter(
        block,
        fdate(when, 2),
        "Your NDIS plan review is coming up",
        [("Participant", p.name), ("NDIS no.", ndis_form(p.ndis, 1)), ("Ref", p.wpp)],
        f"Dear {p.given},",
        [
            f"Your current plan ends on {fdate(p.plan['end'])}. The NDIA will contact you about a plan "
            "reassessment in the weeks before then.",
            "Your support coordinator can help you prepare: bring your therapy reports, a list of goals for the "
            "next year and any quotes for equipment. We have attached a summary of what you spent this plan year.",
        ],
    )


def remittance_rows(
    reg: Registry, prov: Provider, people: list[Person], rng: random.Random, per: int = 3, start: date | None = None
) -> list[list[str]]:
    rows = [["Invoice", "Participant", "NDIS no.", "Service date", "Support item", "Qty", "Rate", "Paid"]]
    d0 = start or date(2025, 2, 3)
    for p in people:
        for _ in range(rng.randint(1, per)):
            item, _desc, price = rng.choice(prov.items)
            qty = rng.choice([1, 2, 3, 4, 7.5]) if price > 2 else rng.randint(30, 300)
            d = d0 + timedelta(days=rng.randint(0, 20))
            rows.append(
                [
                    f"{prov.name[:2].upper()}{rng.randint(1000, 9999)}",
                    p.name,
                    p.ndis,
                    fdate(d, 1),
                    item,
                    str(qty),
                    money(price),
                    money(qty * price),
                ]
            )
    return rows


def total(rows: list[list[str]]) -> str:
    return money(sum(float(r[-1].replace("$", "").replace(",", "")) for r in rows[1:]))


def signature(staff: tuple[str, str, str]) -> str:
    name, role, email = staff
    return (
        f"\n\nKind regards,\n\n{name}\n{role}\n{ORG['name']}\nP {ORG['phone']} | E {email}\n"
        f"{ORG['postal'][0]}, Bendigo VIC 3552\n\n"
        "Wattlebrook Plan Partners acknowledges the Dja Dja Wurrung people, Traditional Owners of the land on "
        "which we work.\nThis email is confidential. If you received it in error, please tell us and delete it."
    )


def mailbox(p: Person) -> str:
    return f'"{p.name}" <{p.emails[0]}>'


def when(i: int) -> datetime:
    base = datetime(2025, 2, 3, 9, 12, tzinfo=AEST)
    return base + timedelta(hours=(i * 7) % 200, minutes=(i * 13) % 60, days=i // 11)
