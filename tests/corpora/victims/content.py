"""What the service writes: letters and message bodies about one client, shared by incidents, twins and
everyday mail."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from . import render, world
from .registry import Client, Registry, spaced
from .render import Letter


@dataclass
class Item:
    category: str
    ext: str
    data: bytes
    expect: str = "allow"
    rules: list[str] = field(default_factory=list)
    suppressed: bool = False
    note: str = ""
    letters: list[dict] | None = None
    id: str = ""
    twin: str = ""
    twin_of: Item | None = None


class Builder:
    """Collects items; hands out message ids, dates and staff in a reproducible order."""

    def __init__(self, rng: random.Random, reg: Registry):
        self.rng = rng
        self.reg = reg
        self.items: list[Item] = []
        self._n = 0

    def msgid(self) -> str:
        self._n += 1
        return f"vsns.{self._n:05d}"

    def when(self) -> datetime:
        return render.FIXED + timedelta(days=self.rng.randint(-60, 30), minutes=self.rng.randint(0, 600))

    def date_text(self) -> str:
        d = self.when()
        return world.long_date(d.year, d.month, d.day)

    def staff(self) -> tuple[str, str, str]:
        return self.rng.choice(world.STAFF)

    def sender(self, staff: tuple[str, str, str] | None = None) -> str:
        g, f, _ = staff or self.staff()
        return f"{g} {f} <{world.staff_email(g, f)}>"

    def add(self, category: str, ext: str, data: bytes, **kw) -> Item:
        item = Item(category, ext, data, **kw)
        self.items.append(item)
        return item

    def block(self, category: str, ext: str, data: bytes, rules: list[str], note: str, suppressed=False) -> Item:
        return self.add(category, ext, data, expect="block", rules=rules, note=note, suppressed=suppressed)

    def pair(self, incident: Item, twin: Item) -> None:
        incident.twin_of, twin.twin_of = twin, incident

    def hearing(self) -> tuple[str, str, str]:
        court, addr = self.rng.choice(world.COURTS_LIST)
        d = self.when() + timedelta(days=21)
        return court, addr, world.long_date(d.year, d.month, d.day)

    def future_date(self) -> str:
        d = self.when() + timedelta(days=self.rng.randint(14, 90))
        return world.long_date(d.year, d.month, d.day)


def addr_block(c: Client, style: int = 0, titled: bool = True) -> list[str]:
    return [c.titled if titled else c.name.upper(), *c.address.block(style)]


def signoff(staff: tuple[str, str, str]) -> list[str]:
    return ["Yours sincerely", "", f"{staff[0]} {staff[1]}", staff[2]]


def email_sig(staff: tuple[str, str, str]) -> str:
    return f"\n\nKind regards,\n{staff[0]} {staff[1]}\n{staff[2]}\n{world.ORG}\nPhone {world.ORG_PHONE}\n"


RELEASE_EVENTS = [
    ("released on parole", "The Prisoners Review Board has granted parole with conditions"),
    ("transferred to a minimum-security facility", "The transfer is part of the offender's sentence management"),
    ("released at the end of sentence", "The offender's sentence expires and no further conditions apply"),
    ("granted re-entry release", "The offender will be supervised by Community Corrections"),
]


def release_letter(b: Builder, about: Client, to_lines: list[str], staff, ref_style: int = 0, dob=False) -> Letter:
    event, detail = b.rng.choice(RELEASE_EVENTS)
    when = b.future_date()
    paras = [
        f"As a registered victim on the Victims Register (register number {spaced(about.register_no, ref_style)}), "
        f"you asked to be told about changes to the custody of {about.offender}.",
        f"We are writing to let you know that {about.offender} is to be {event} on {when}. {detail}.",
        "Conditions include that the offender must not contact you directly or indirectly and must not enter the "
        "exclusion zone set by the Board. If any condition is breached, please call the police on 000 or the "
        f"Victims Register on {world.ORG_REGISTER_PHONE}.",
        "You can ask for a support worker to help you plan for your safety. This letter has been sent only to you.",
    ]
    if dob:
        paras.insert(0, f"Registered victim: {about.name}, date of birth {about.dob_text(1)}.")
    return Letter(
        to_lines=to_lines,
        date=b.date_text(),
        subject=f"Notification of change in custody - {about.offender}",
        salutation=f"Dear {about.title} {about.family}",
        paragraphs=paras,
        refs=[("Register number", spaced(about.register_no, ref_style))],
        signoff=signoff(staff),
    )


def claim_table(b: Builder, c: Client) -> list[tuple[str, str]]:
    rng = b.rng
    rows = [
        ("Counselling (up to 20 sessions)", f"${rng.randint(18, 40) * 100:,}.00"),
        ("Medical and dental expenses", f"${rng.randint(200, 4800):,}.{rng.randint(0, 99):02d}"),
        ("Loss of earnings", f"${rng.randint(0, 12000):,}.00"),
        ("Recognition payment", f"${rng.choice([1000, 1500, 2500, 5000]):,}.00"),
    ]
    return rows


def determination_letter(b: Builder, about: Client, to_lines: list[str], staff, ref_style=0, dob=True) -> Letter:
    claim = spaced(about.claim_no, ref_style)
    paras = [
        f"Your application for financial assistance under the Victims of Crime Assistance Act (application "
        f"{claim}) has been decided by an assessor.",
        "The assessor was satisfied that you are a victim of an act of violence and has approved the amounts below. "
        "Payments for counselling and medical expenses are made directly to your providers on receipt of invoices.",
        "If you disagree with this decision you may ask for an internal review within 28 days.",
    ]
    if dob:
        paras.insert(0, f"Applicant: {about.name} (born {about.dob_text(0)})")
    return Letter(
        to_lines=to_lines,
        date=b.date_text(),
        subject="Financial Assistance Scheme - notice of determination",
        salutation=f"Dear {about.title} {about.family}",
        paragraphs=paras,
        refs=[("Application", claim)],
        table=claim_table(b, about),
        signoff=["Yours sincerely", "", "Rashid Karimi", "Senior Assessor, Financial Assistance"],
    )


def reasons_page(about: Client) -> list[str]:
    return [
        f"STATEMENT OF REASONS - application {about.claim_no}",
        f"Applicant: {about.name}, date of birth {about.dob_text(0)}",
        f"1. The applicant reported the act of violence to police. The offender, {about.offender}, was charged.",
        "2. Medical reports and the counsellor's report support the injury claimed.",
        "3. The amounts approved are within the scheme's limits for the category of act.",
    ]


def court_letter(b: Builder, about: Client, to_lines: list[str], staff) -> Letter:
    court, addr, when = b.hearing()
    ref = about.court_no or about.register_no or about.claim_no
    return Letter(
        to_lines=to_lines,
        date=b.date_text(),
        subject=f"Court support - hearing on {when}",
        salutation=f"Dear {about.given}",
        paragraphs=[
            f"Your court support worker will meet you at the {court} ({addr}) at 9.00am on {when}, before the "
            f"hearing in the matter of {about.offender}.",
            "A safe waiting room is available so that you do not have to wait near the accused or their family.",
            f"If you need an interpreter or transport, please call Court Support on {world.ORG_PHONE}.",
        ],
        refs=[("Our reference", ref)],
        signoff=signoff(staff),
    )


def victim_email_body(b: Builder, about: Client, staff, extra: str = "") -> str:
    ref = about.claim_no or about.register_no
    return (
        f"Dear {about.given},\n\nThank you for your call this morning. I have noted on your file ({ref}) that you "
        "would like updates by email, and that you would prefer we do not leave voicemail messages.\n\n"
        f"{extra}"
        f"If anything changes, you can reach me on {world.ORG_PHONE} between 8.30am and 4.30pm." + email_sig(staff)
    )
