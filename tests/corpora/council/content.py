"""What the council writes: address blocks and the letter types (rates, parking, animals, planning, home care)."""

from __future__ import annotations

import random

from .formats import Letter
from .people import ABBR, Addr, Client, Registry

PETS = ["Bella", "Max", "Coco", "Charlie", "Luna", "Ruby", "Ollie", "Milo", "Rosie", "Bailey", "Nala", "Buster"]
BREEDS = ["Kelpie cross", "Border Collie", "Domestic Shorthair", "Labrador", "Staffy", "Jack Russell", "Moggy"]
PROPOSALS = [
    "construction of a double-storey dwelling",
    "two-lot subdivision",
    "construction of a carport and front fence",
    "use of the land for a home-based business (dog grooming)",
    "removal of native vegetation (three river red gums)",
    "construction of a shed within the Flood Overlay",
    "buildings and works for a second dwelling",
]


def name_line(c: Client, style: int, joint: Client | None = None) -> str:
    g0 = c.given[0]
    if joint is not None:
        return [
            f"{g0} & {joint.given[0]} {c.family}" if joint.family == c.family else f"{c.name} & {joint.name}",
            f"{c.given} and {joint.given} {c.family}" if joint.family == c.family else f"{c.name} and {joint.name}",
        ][style % 2]
    return [
        f"{c.title} {c.given} {c.family}",
        f"{c.title} {g0} {c.family}",
        f"{c.given.upper()} {c.family.upper()}",
        f"{c.family.upper()}, {c.given}",
        f"{g0}. {c.family}",
        f"{c.given} {c.family}",
    ][style % 6]


def addr_lines(a: Addr, style: int) -> list[str]:
    s = style % 7
    if s == 0:
        return [a.street_line(), a.locality()]
    if s == 1:
        return [a.street_line(abbr=True, unit_style=1), a.locality()]
    if s == 2:
        return [a.street_line(unit_style=2), a.locality(caps=False, spell_state=True)]
    if s == 3:
        return [a.street_line(abbr=True, unit_style=3).upper(), f"{a.suburb.upper()}  VIC  {a.postcode}"]
    if s == 4:
        return [a.street_line(abbr=True), f"{a.suburb.upper()} VIC", a.postcode]
    if s == 5:
        return [a.street_line(unit_style=0) + ",", f"{a.suburb} VIC {a.postcode}"]
    return [a.street_line(abbr=True), f"{a.suburb} {a.postcode}"]


def block(c: Client, style: int, joint: Client | None = None, prefix: str = "") -> list[str]:
    lines = [prefix] if prefix else []
    lines.append(name_line(c, style, joint))
    return lines + addr_lines(c.addr, style)


def owner_occupier(a: Addr, style: int) -> list[str]:
    return [["The Owner/Occupier", "The Ratepayer", "The Occupier"][style % 3]] + addr_lines(a, style)


def prop(a: Addr, abbr: bool = False) -> str:
    return f"{a.street_line(abbr=abbr)}, {a.suburb}"


def money(r: random.Random, lo: int = 900, hi: int = 3900) -> str:
    return f"${r.randint(lo, hi):,}.{r.choice(['00', '40', '55', '10', '85'])}"


def rates_notice(c: Client, r: random.Random, style: int, joint: Client | None = None, **kw) -> Letter:
    total = money(r)
    return Letter(
        address=block(c, style, joint),
        subject="Rates and Valuation Notice 2025/26 - Instalment 3",
        refs=[("Assessment No", c.ref("rates")), ("Issue date", "2 March 2026")],
        body=[
            f"Property: {prop(c.addr)}. Capital improved value $612,000; site value $240,000.",
            f"Your third instalment of {total} is due on 31 March 2026. Pay by BPAY (biller code 28147, "
            f"reference {c.ref('rates').replace(' ', '')}), at Australia Post, or at the Customer Service Centre.",
            "If you are experiencing financial hardship, please call Revenue Services on (03) 5460 1200.",
        ],
        table=[["Rates and charges", "Amount"], ["General rate", total], ["Waste charge (240L)", "$412.00"]],
        **kw,
    )


def rates_reminder(c: Client, r: random.Random, style: int, **kw) -> Letter:
    return Letter(
        address=block(c, style),
        subject="Reminder: overdue rates instalment",
        refs=[("Assessment", c.ref("rates"))],
        body=[
            f"Our records show instalment 2 of {money(r, 300, 900)} for {prop(c.addr, True)} remains unpaid.",
            "Interest accrues at 10% per annum under the Local Government Act. If you have already paid, "
            "please disregard this reminder. To arrange a payment plan call (03) 5460 1200.",
        ],
        **kw,
    )


def parking_notice(c: Client, r: random.Random, style: int, **kw) -> Letter:
    rego = f"{r.choice('ABCDEFGHJK')}{r.choice('ABCDEFGHJK')}{r.randint(1, 9)}{r.randint(10, 99)}{r.choice('XYZW')}"
    return Letter(
        address=block(c, style),
        subject="Infringement Notice - Parking",
        refs=[("Infringement No", c.ref("parking")), ("Vehicle", rego)],
        body=[
            f"On 14 February 2026 at 10:42 am vehicle {rego} was parked in a 1P zone in High Street, Wirrabara, "
            "for longer than permitted (Road Safety Road Rules 2017, r 205).",
            "Penalty: $99.00, payable by 16 March 2026. You may request a review in writing within 28 days.",
        ],
        sign="Local Laws Team",
        **kw,
    )


def animal_renewal(c: Client, r: random.Random, style: int, **kw) -> Letter:
    pet = r.choice(PETS)
    return Letter(
        address=block(c, style),
        subject="Animal registration renewal 2026/27",
        refs=[("Registration No", c.ref("animal")), ("Animal", f"{pet} ({r.choice(BREEDS)})")],
        body=[
            f"The registration for {pet} expires on 10 April 2026. The renewal fee is $46.00 (desexed) "
            "or $138.00; pensioner concession applies.",
            "Renew online at wirrabara.vic.gov.example/pets or call (03) 5460 1200.",
        ],
        sign="Local Laws Team",
        **kw,
    )


def planning_notice(recipient: list[str], site: Addr, r: random.Random, applicant: str = "", **kw) -> Letter:
    pa = f"PA{r.randint(2025, 2026)}/{r.randint(10, 480):04d}"
    body = [
        f"An application for a planning permit has been made for {r.choice(PROPOSALS)} at "
        f"{site.street_line()}, {site.suburb} (the land). You are being notified as an owner or occupier of "
        "land near the land.",
        f"The application and plans may be inspected at the Customer Service Centre or online under {pa}. "
        "Any person who may be affected may object in writing before 27 March 2026.",
    ]
    if applicant:
        body.insert(1, applicant)
    return Letter(
        address=recipient,
        subject=f"Notice of an application for planning permit {pa}",
        refs=[("Application", pa)],
        body=body,
        sign="Statutory Planning",
        **kw,
    )


def homecare_letter(c: Client, r: random.Random, style: int, to: list[str] | None = None, **kw) -> Letter:
    day = r.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    return Letter(
        address=to or block(c, style),
        subject="Your Home and Community Care service schedule",
        refs=[("Client No", c.ref("homecare"))],
        body=[
            f"Re: {c.title} {c.given} {c.family}" + (f", born {c.dob}" if c.dob and style % 2 else ""),
            f"From 9 March 2026 domestic assistance will be delivered on {day} mornings and meals on wheels "
            "on Monday, Wednesday and Friday. Your support worker will carry council identification.",
            "To change or cancel a service, please call Aged and Disability Services on (03) 5460 1288.",
        ],
        sign="Aged and Disability Services",
        **kw,
    )


def abbr(stype: str) -> str:
    return ABBR.get(stype, stype)


def pick_fmt(r: random.Random, allowed=("pdf", "docx", "rtf", "txt", "html")) -> str:
    return r.choice(allowed)


__all__ = ["Registry"]
