"""The provider's documents: fee statements, home-care invoices, care-plan letters and summaries, medication
charts, transfer summaries, estate letters, incident notices. Each builder takes the client the document is
ABOUT and, separately, who it is addressed to, so a case can address it to the wrong person."""

from __future__ import annotations

import datetime as dt
import random

from . import world as w
from .registry import World
from .render import Letter
from .world import Client, Rep

MONTH = dt.date(2025, 4, 1)
MONTH_END = dt.date(2025, 4, 30)


# --------------------------------------------------------------------------- address blocks


def payer_block(c: Client, abbreviate: bool = False) -> tuple[list[str], str]:
    """Addressed to the representative who pays (their own address)."""
    r = c.payer()
    assert r and r.address, c.client_id
    return [f"{r.title} {r.given} {r.family}".strip()] + r.address.block(abbreviate), f"Dear {r.salutation}"


def careof_block(c: Client, rep: Rep | None = None, abbreviate: bool = False) -> tuple[list[str], str]:
    """Addressed to the resident, care of the representative."""
    r = rep or c.payer()
    assert r and r.address
    return [c.formal, f"c/- {r.title} {r.name}".replace("  ", " ")] + r.address.block(
        abbreviate
    ), f"Dear {r.salutation}"


def self_block(c: Client, abbreviate: bool = False) -> tuple[list[str], str]:
    lines = [c.formal] + c.address.block(abbreviate)
    if c.kind == "resident" and c.home:
        lines = [c.formal, f"Room {c.room}", c.home.name] + c.address.block(abbreviate)[1:]
    return lines, f"Dear {c.salutation}"


def estate_block(c: Client) -> tuple[list[str], str]:
    r = c.reps[0]
    assert r.address
    return [f"Estate of the late {c.formal}", f"c/- {r.title} {r.name}"] + r.address.block(), f"Dear {r.salutation}"


def rep_block(r: Rep) -> tuple[list[str], str]:
    assert r.address
    return [f"{r.title} {r.name}".strip()] + r.address.block(), f"Dear {r.salutation}"


def block_for(c: Client, style: str) -> tuple[list[str], str]:
    if style == "careof" and c.payer():
        return careof_block(c)
    if c.kind == "homecare" or not c.payer():
        return self_block(c)
    return payer_block(c)


# --------------------------------------------------------------------------- fee statements and invoices


def _rng(c: Client, salt: str = "") -> random.Random:
    return random.Random(f"{c.client_id}-{salt}")


def statement_rows(c: Client) -> tuple[list[str], list[list[str]], float]:
    r = _rng(c, "statement")
    opening = round(r.choice([0.0, 0.0, c.fee_daily * 30, 212.40]), 2)
    basic = round(c.fee_daily * 30, 2)
    means = round(r.choice([0.0, 0.0, 14.33 * 30, 27.90 * 30]), 2)
    extra = round(r.choice([0.0, 45.0, 82.5]), 2)
    paid = round(opening, 2)
    rows = [
        ["01/04/2025", "Opening balance", w.money(opening)],
        ["01/04/2025", "Basic daily fee 30 days", w.money(basic)],
    ]
    if means:
        rows.append(["01/04/2025", "Means-tested care fee 30 days", w.money(means)])
    if extra:
        rows.append(["15/04/2025", "Additional services (hairdresser, newspaper)", w.money(extra)])
    if paid:
        rows.append(["03/04/2025", "Payment received - thank you", "-" + w.money(paid)])
    closing = round(opening + basic + means + extra - paid, 2)
    rows.append(["30/04/2025", "Amount due by 15 May 2025", w.money(closing)])
    return ["Date", "Description", "Amount"], rows, closing


def statement_letter(c: Client, to: tuple[list[str], str], layout: str = "window", about_line: bool = True) -> Letter:
    headers, rows, closing = statement_rows(c)
    assert c.home
    paras = [
        f"Please find below the fee statement for {c.formal} at {c.home.name} for April 2025.",
        "Payment can be made by direct debit, BPAY (biller code 230615) or by cheque. If you would like to discuss "
        "a payment arrangement or a hardship application, please call our billing team.",
    ]
    if not about_line:
        paras = paras[1:]
    return Letter(
        to_lines=to[0],
        salutation=to[1],
        subject=f"Monthly fee statement - April 2025 - {c.formal}",
        paras=paras,
        home=c.home,
        refs=[("Resident no.", c.number), ("Statement", "April 2025"), ("Amount due", w.money(closing))],
        table=(headers, rows),
        table_title="Statement of account",
        layout=layout,
        footer="Fees are set under the Aged Care Act. Services Australia advises us of means-tested fee changes.",
    )


def invoice_rows(c: Client) -> tuple[list[str], list[list[str]], float]:
    r = _rng(c, "invoice")
    visits = []
    total = 0.0
    for day in sorted(r.sample(range(1, 29), 5)):
        svc, rate, hours = r.choice(
            [
                ("Personal care", 68.5, 1.0),
                ("Domestic assistance", 64.0, 1.5),
                ("Nursing visit", 112.0, 0.75),
                ("Transport to appointment", 55.0, 1.0),
                ("Garden maintenance", 70.0, 2.0),
            ]
        )
        amount = round(rate * hours, 2)
        total += amount
        visits.append([f"{day:02d}/04/2025", svc, f"{hours:g} h", w.money(amount)])
    fee = round(c.fee_daily * 30, 2)
    visits.append(["30/04/2025", "Basic daily fee (client contribution) 30 days", "", w.money(fee)])
    return ["Date", "Service", "Hours", "Amount"], visits, round(fee, 2)


def invoice_letter(c: Client, to: tuple[list[str], str], layout: str = "window") -> Letter:
    headers, rows, due = invoice_rows(c)
    return Letter(
        to_lines=to[0],
        salutation=to[1],
        subject=f"Home care package monthly statement - April 2025 - {c.formal}",
        paras=[
            f"This statement lists the services delivered under the home care package of {c.formal} in April "
            "2025 and your contribution. Services are charged to the package; only the basic daily fee is payable "
            "by you.",
        ],
        refs=[("Package no.", c.number), ("Period", "April 2025"), ("Your contribution", w.money(due))],
        table=(headers, rows),
        table_title="Services delivered",
        after_table=["Please pay by 20 May 2025. Questions: call our home care team on " + w.PHONE + "."],
        signer=("Georgina Pappas", "Home Care Coordinator"),
        layout=layout,
    )


# --------------------------------------------------------------------------- care planning


def review_date(c: Client) -> dt.datetime:
    r = _rng(c, "review")
    return dt.datetime(2025, 6, r.randint(2, 27), r.choice([10, 11, 14, 15]), r.choice([0, 30]))


def review_letter(c: Client, to: tuple[list[str], str], layout: str = "plain") -> Letter:
    when = review_date(c)
    place = c.home.name if c.home else "your home"
    return Letter(
        to_lines=to[0],
        salutation=to[1],
        subject=f"Invitation: care plan review for {c.formal}",
        paras=[
            f"We would like to invite you to the six-monthly care plan review for {c.formal} on "
            f"{when.strftime('%A')} {w.date_long(when.date())} at {when.strftime('%I:%M %p').lstrip('0')} at {place}.",
            "The review is an opportunity to talk about what is working well, any changes in health or "
            "preferences, and goals for the coming months. You are welcome to join by phone if you cannot attend.",
            "Please let us know by reply whether you can attend.",
        ],
        home=c.home,
        refs=[("Our reference", c.number)],
        signer=("Priya Raman", "Care Manager"),
        layout=layout,
    )


def careplan_blocks(c: Client, with_address: bool = True, with_medicare: bool = False) -> list[tuple[str, object]]:
    kv = [("Name", c.formal), ("Date of birth", w.date_au(c.dob) if c.dob else ""), ("Reference", c.number)]
    if with_address:
        kv.append(("Address", c.address.one_line()))
    elif c.home:
        kv.append(("Home", "See safeguarding file"))
    if with_medicare:
        kv.append(("Medicare", w.fmt_medicare(c.medicare)))
    goals = _rng(c, "goals").sample(
        [
            ["Mobility", "Walk to dining room daily with frame", "Physio weekly"],
            ["Nutrition", "Maintain weight above 55 kg", "Dietitian review 3-monthly"],
            ["Social", "Attend two group activities a week", "Lifestyle team"],
            ["Skin", "No new pressure areas", "Repositioning chart"],
            ["Continence", "Toileting schedule 2-hourly by day", "Care staff"],
            ["Cognition", "Familiar routine; music in the afternoon", "Family and staff"],
        ],
        3,
    )
    return [
        ("kv", kv),
        ("h", "Care needs"),
        ("p", c.needs.capitalize() + "."),
        ("h", "Goals and actions"),
        ("table", (["Area", "Goal", "Who"], goals)),
    ]


def medchart_blocks(c: Client) -> list[tuple[str, object]]:
    kv = [
        ("Resident", c.formal),
        ("Date of birth", w.date_au(c.dob) if c.dob else ""),
        ("Resident no.", c.number),
        ("Medicare", w.fmt_medicare(c.medicare)),
    ]
    if c.home:
        kv.append(("Home / room", f"{c.home.name}, room {c.room}"))
    return [
        ("kv", kv),
        ("h", "Regular medicines"),
        ("table", (["Medicine", "Directions", "Prescriber"], [[m, d, "GP"] for m, d in c.meds])),
        ("p", "Allergies: " + _rng(c, "allergy").choice(["nil known", "penicillin (rash)", "sulfur drugs"]) + "."),
    ]


def transfer_blocks(c: Client, hospital: str) -> list[tuple[str, object]]:
    kv = [
        ("Patient", c.formal),
        ("Date of birth", w.date_long(c.dob) if c.dob else ""),
        ("Medicare", w.fmt_medicare(c.medicare, 0)),
        ("Resident no.", c.number),
    ]
    if c.dva:
        kv.append(("DVA file no.", c.dva))
    nok = c.authorised_reps()[0] if c.authorised_reps() else None
    if nok:
        kv.append(("Next of kin / representative", f"{nok.name} ({nok.relation}) {nok.phone}"))
    return [
        ("kv", kv),
        ("h", f"Transfer to {hospital}"),
        (
            "p",
            "Reason for transfer: "
            + _rng(c, "tx").choice(
                [
                    "unwitnessed fall with suspected hip fracture",
                    "shortness of breath, SpO2 88% on room air",
                    "acute confusion, suspected urinary tract infection",
                    "chest pain unrelieved by GTN",
                ]
            )
            + ".",
        ),
        ("p", f"Care needs: {c.needs}."),
        ("table", (["Medicine", "Directions"], [[m, d] for m, d in c.meds])),
    ]


def incident_text(c: Client, to_name: str) -> tuple[str, str]:
    r = _rng(c, "incident")
    what = r.choice(
        [
            "was found on the floor beside the bed at about 2:40 am. Nursing staff checked for injuries and found "
            "a small skin tear on the left forearm, which was dressed",
            "had a fall in the dining room at lunchtime. The GP reviewed and there are no signs of fracture",
            "received the evening medication round about 90 minutes late because of a pharmacy delivery delay. "
            "The GP was informed and there has been no effect",
            "developed a red area on the right heel. The wound nurse has reviewed it and started a care plan",
        ]
    )
    subject = f"Incident notification - {c.formal}"
    body = (
        f"Dear {to_name},\n\n"
        f"I am writing to let you know that {c.formal} ({c.number}) {what}.\n\n"
        "We have reviewed the care plan and will monitor closely over the next 72 hours. "
        "Please call me if you would like to talk about what happened or the steps we are taking.\n"
    )
    return subject, body


def estate_letter(c: Client, to: tuple[list[str], str], layout: str = "window") -> Letter:
    headers, rows, closing = statement_rows(c)
    assert c.deceased
    return Letter(
        to_lines=to[0],
        salutation=to[1],
        subject=f"Final account and refundable accommodation deposit - the late {c.formal}",
        paras=[
            f"Please accept our sincere condolences on the passing of {c.formal} on {w.date_long(c.deceased)}.",
            "The refundable accommodation deposit will be repaid to the estate within 14 days of receiving a "
            "grant of probate or letters of administration. The final account to the date of passing is below.",
        ],
        home=c.home,
        refs=[("Resident no.", c.number), ("Date of death", w.date_au(c.deceased))],
        table=(headers, rows),
        table_title="Final account",
        signer=("Wei Chen", "Finance Officer"),
        layout=layout,
    )


def details_letter(c: Client, about: Client, to: tuple[list[str], str]) -> Letter:
    """Confirmation of contact details on file. `about` is whose record was actually printed."""
    phone = about.phones[0] if about.phones else ""
    email = about.emails[0] if about.emails else "(none recorded)"
    return Letter(
        to_lines=to[0],
        salutation=to[1],
        subject="Please check your contact details",
        paras=[
            "We are updating our records before your package review. Please check the details we hold for you and "
            "let us know if anything has changed.",
        ],
        refs=[("Package no.", c.number)],
        table=(["Detail", "On file"], [["Home address", about.address.one_line()], ["Phone", phone], ["Email", email]]),
        signer=("Georgina Pappas", "Home Care Coordinator"),
        layout="sidepanel",
    )


def world_payers(world: World) -> list[Client]:
    return [c for c in world.clients if c.kind == "payer"]
