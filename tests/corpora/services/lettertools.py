"""Building letters for clients: address blocks, reference boxes, topics and sign-offs; rendering to a format."""

from __future__ import annotations

import random
from datetime import date, timedelta

from . import docs, idents, org
from .corpus import Rendered
from .letters import LetterDoc, render_pdf
from .places import Address
from .population import Client

LETTER_DATE = date(2026, 3, 2)
TEAM_CODES = {
    "Tenancy Services": "TS",
    "Rent Assessment": "RA",
    "Complex Needs": "CN",
    "Concessions": "CC",
    "Carers": "CS",
    "Assets": "AM",
}


def letter_date(rng: random.Random) -> str:
    return idents.long_date(LETTER_DATE + timedelta(days=rng.randint(0, 24)))


def addr_lines(addr: Address, rng: random.Random, *, style: str = "") -> list[str]:
    style = style or rng.choice(["two", "two", "two", "two", "postcode-own", "state-full", "three"])
    caps = rng.random() < 0.35
    street = addr.street_line(
        abbrev=rng.random() < 0.5, unit_style=rng.choice(["word", "slash", "unit-slash", "flat"]), caps=caps
    )
    if style == "postcode-own":
        return [street, f"{addr.suburb.upper() if caps else addr.suburb} {addr.state}", addr.postcode]
    if style == "state-full":
        return [street, addr.locality(full_state=True, caps=caps)]
    if style == "three":
        return [street, addr.suburb.upper(), f"{addr.state} {addr.postcode}"]
    return [street, addr.locality(caps=caps or rng.random() < 0.5, sep=rng.choice([" ", "  "]))]


def name_line(c: Client, rng: random.Random, caps: bool = False) -> str:
    text = c.formal(rng.choice([0, 0, 1, 2, 4]))
    return text.upper() if caps else text


def block_for(c: Client, rng: random.Random, *, style: str = "") -> list[str]:
    caps = rng.random() < 0.2
    lines = [name_line(c, rng, caps)] + addr_lines(c.address, rng, style=style)
    return [x.upper() for x in lines] if caps else lines


def refs_for(
    c: Client, rng: random.Random, team: str, *, crn: str | None = None, tenancy: str | None = None, your_ref: str = ""
) -> list[tuple[str, str]]:
    rows = [("Our ref", f"{TEAM_CODES.get(team, 'GEN')}/{rng.randint(1000, 98000)}")]
    if your_ref:
        rows.append(("Your ref", your_ref))
    crn_value = c.crn if crn is None else crn
    if crn_value:
        rows.append(("CRN", idents.crn_written(crn_value, rng)))
    ten = c.tenancy if tenancy is None else tenancy
    if ten:
        rows.append(("Tenancy no.", idents.tenancy_written(ten, rng)))
    return rows


def sign_off(rng: random.Random, staff: org.Staff | None = None) -> list[str]:
    s = staff or rng.choice(org.STAFF)
    return [
        rng.choice(["Yours sincerely", "Yours faithfully", "Kind regards", "Regards"]),
        "",
        s.name,
        s.title,
        f"{s.team}, {org.ORG_SHORT}",
        f"Phone {s.phone}",
    ]


TOPICS = [
    "rent_review",
    "inspection",
    "maintenance",
    "concession",
    "carer",
    "arrears",
    "transfer",
    "bond",
    "appointment",
    "documents",
    "renewal",
    "water",
]


def topic(name: str, rng: random.Random, *, amount: str = "", when: str = "") -> tuple[str, list[str]]:
    """(heading, paragraphs) for a common letter; carries no identifying detail of anyone."""
    amount = amount or idents.money(rng, 80, 460)
    when = when or idents.long_date(LETTER_DATE + timedelta(days=rng.randint(10, 40)))
    tell = (
        f"If you have questions, please call us on {org.PHONE} between 8.30 am and 5 pm, Monday to Friday. "
        f"If you need an interpreter, call {org.INTERPRETER} and ask them to call us."
    )
    bank = {
        "rent_review": (
            "Rent review outcome",
            [
                f"We have reviewed your household income. From {when} your rent will be {amount} per fortnight.",
                "Your rent is set at no more than 25 per cent of assessable household income, plus any Commonwealth "
                "Rent Assistance you receive.",
                tell,
            ],
        ),
        "inspection": (
            "Notice of routine property inspection",
            [
                f"An officer will visit the property on {when} between 9 am and 1 pm for a routine inspection.",
                "You do not need to be home, but we encourage you to be there. The officer will carry identification.",
                tell,
            ],
        ),
        "maintenance": (
            "Repair appointment confirmed",
            [
                f"Our maintenance contractor will attend on {when} to repair the hot water service you reported.",
                "Please make sure someone aged 18 or over is home and that pets are secured.",
                tell,
            ],
        ),
        "concession": (
            "Your concession entitlement review",
            [
                "Your energy and water concessions are due for their annual review. Please confirm that your "
                "circumstances have not changed by returning the enclosed form.",
                f"If we do not hear from you by {when}, your concessions may stop.",
                tell,
            ],
        ),
        "carer": (
            "Carer support payment",
            [
                f"We have approved a carer support payment of {amount}. It will be paid into your nominated account "
                f"on or about {when}.",
                "You do not need to do anything. Please keep this letter for your records.",
                tell,
            ],
        ),
        "arrears": (
            "Your rent account is behind",
            [
                f"Our records show your rent account is {amount} in arrears. We know things can be hard, "
                "and we want to help you keep your home.",
                f"Please contact us before {when} to talk about a repayment plan that suits you.",
                tell,
            ],
        ),
        "transfer": (
            "Transfer application received",
            [
                "Thank you for your application for a transfer. We have placed it on the housing register.",
                "We will write to you again once an assessment officer has reviewed your supporting documents.",
                tell,
            ],
        ),
        "bond": (
            "Bond loan statement",
            [
                f"The outstanding balance of your bond loan is {amount}.",
                f"Your next instalment is due on {when}. You can pay by Centrepay, BPAY or at any branch.",
                tell,
            ],
        ),
        "appointment": (
            "Appointment with your case manager",
            [
                f"We have booked an appointment for you on {when} at 10.30 am at our {org.TOWN.split(' VIC')[0]} "
                f"office, {org.STREET}.",
                "Please bring this letter and any recent income statements.",
                tell,
            ],
        ),
        "documents": (
            "We need more information",
            [
                "To finish assessing your application we need copies of your last two income statements and proof of "
                "any other income.",
                f"Please send them by {when}. You can upload them online or post them to {org.POSTAL}.",
                tell,
            ],
        ),
        "renewal": (
            "Your fixed-term tenancy agreement",
            [
                f"Your fixed-term tenancy agreement ends on {when}. We are pleased to offer you a new agreement.",
                "Please sign both copies of the enclosed agreement and return one to us in the reply-paid envelope.",
                tell,
            ],
        ),
        "water": (
            "Water usage charges",
            [
                f"Water usage charges of {amount} for the last quarter have been added to your rent account.",
                "You can pay these over the next three months with your rent.",
                tell,
            ],
        ),
    }
    return bank[name]


def standard_letter(
    c: Client,
    rng: random.Random,
    *,
    topic_name: str = "",
    team: str = "",
    block: list[str] | None = None,
    crn: str | None = None,
    tenancy: str | None = None,
    salutation: str | None = "",
    pre: list[str] | None = None,
) -> LetterDoc:
    topic_name = topic_name or rng.choice(TOPICS)
    team = team or rng.choice(list(TEAM_CODES))
    heading, paras = topic(topic_name, rng)
    sal = c.salutation() if salutation == "" else salutation
    return LetterDoc(
        block=block if block is not None else block_for(c, rng),
        refs=refs_for(c, rng, team, crn=crn, tenancy=tenancy),
        date=letter_date(rng),
        pre=pre or [],
        salutation=sal,
        heading=heading,
        paras=paras,
        sign=sign_off(rng),
        unit_name=team,
    )


def render(doc: LetterDoc | list[LetterDoc], fmt: str, layout: str = "window") -> Rendered:
    """fmt: pdf, docx, rtf, txt, html."""
    docs_list = doc if isinstance(doc, list) else [doc]
    if fmt == "pdf":
        return ("pdf", render_pdf(docs_list, layout))
    one = docs_list[0]
    if fmt == "docx":
        return ("docx", docs.render_docx(one, header_letterhead=layout != "plain", block_table=layout != "plain"))
    if fmt == "rtf":
        return ("rtf", docs.render_rtf(one))
    if fmt == "txt":
        return ("txt", docs.render_txt(one))
    return ("html", docs.render_html(one))


LETTER_FORMATS = [
    ("pdf", "window"),
    ("pdf", "govt"),
    ("pdf", "plain"),
    ("docx", "table"),
    ("docx", "plain"),
    ("rtf", ""),
    ("txt", ""),
    ("pdf", "window"),
    ("pdf", "govt"),
    ("html", ""),
]


def any_format(rng: random.Random) -> tuple[str, str]:
    return rng.choice(LETTER_FORMATS)
