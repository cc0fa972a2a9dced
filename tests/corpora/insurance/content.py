"""The words of the insurer's documents: renewals, premium changes, claim letters, schedules, final responses.

Each builder takes the addressee lines and greeting separately from the client whose data the document
carries, so an incident is the same document with someone else's data in it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import fmt, org
from .letters import Letter, sign_for
from .people import Client, Population

PRODUCT = {
    "home": "Home Building",
    "contents": "Home Contents",
    "motor": "Comprehensive Motor",
    "landlord": "Landlord",
    "home_claim": "Home",
    "motor_claim": "Motor",
}
CARS = [
    "Toyota Corolla Ascent Sport",
    "Mazda CX-5 Maxx",
    "Hyundai i30 Active",
    "Ford Ranger XLT",
    "Kia Sportage SX",
    "Subaru Forester 2.5i",
    "Mitsubishi Triton GLX",
    "Volkswagen Golf 110TSI",
    "Tesla Model 3",
    "Isuzu D-Max SX",
    "Toyota HiLux SR5",
    "Honda Jazz VTi",
    "Nissan X-Trail ST",
    "MG ZS Excite",
    "BYD Atto 3 Extended",
]
PERILS = [
    "storm damage to the roof and ceilings",
    "escape of liquid from a burst flexi hose",
    "burglary",
    "accidental damage to the kitchen benchtop",
    "fallen tree damage to the carport",
    "hail damage",
    "fire in the laundry",
    "malicious damage to the front fence",
]
COLLISIONS = [
    "a rear-end collision at traffic lights",
    "a collision with a kangaroo",
    "hail damage while parked",
    "a car park collision",
    "a single-vehicle collision with a power pole",
    "theft of the vehicle",
]


@dataclass
class Ctx:
    rng: random.Random
    pop: Population
    scale: float
    _clock: datetime = datetime(2025, 2, 3, 8, 40)
    _seq: int = 0

    def n(self, base: int) -> int:
        return max(1, round(base * self.scale))

    def when(self) -> datetime:
        from .mail import AEDT

        self._clock += timedelta(minutes=self.rng.randint(7, 190))
        if self._clock.hour > 17:
            self._clock = self._clock.replace(hour=8, minute=self.rng.randint(0, 50)) + timedelta(days=1)
        while self._clock.weekday() >= 5:  # claims staff send on business days
            self._clock += timedelta(days=1)
        return self._clock.replace(tzinfo=AEDT)

    def msgid(self) -> str:
        self._seq += 1
        return f"BW{self._seq:05d}.{self.rng.getrandbits(40):010x}@{org.DOMAIN}"

    def day(self) -> str:
        return fmt.letter_date(self.when().date())

    def staff(self) -> org.Staff:
        return self.rng.choice(org.STAFF)


def rego(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return f"{rng.randint(1, 9)}{''.join(rng.choice(letters) for _ in range(3))}{rng.randint(100, 999)}"


def car(rng: random.Random) -> str:
    return f"{rng.randint(2012, 2024)} {rng.choice(CARS)}, registration {rego(rng)}"


def policy_kind(c: Client) -> str:
    for k in ("home", "motor", "contents", "landlord"):
        if c.has(k):
            return k
    raise KeyError(c.cid)


def claim_kind(c: Client) -> str | None:
    for k in ("home_claim", "motor_claim"):
        if c.has(k):
            return k
    return None


def ensure_claim(ctx: Ctx, c: Client) -> str:
    """The client's claim number, lodging one on their policy first if they have none."""
    ck = claim_kind(c)
    if ck is None:
        ck = "motor_claim" if policy_kind(c) == "motor" else "home_claim"
        c.refs.append((ck, ctx.pop.new_ref(ck)))
    return c.ref(ck)


def to_block(c: Client, rng: random.Random, name_style: str = "title", **kw: object) -> list[str]:
    return [fmt.formal(c, name_style)] + fmt.address_lines(c.address, rng, **kw)  # type: ignore[arg-type]


def renewal(
    ctx: Ctx,
    to_lines: list[str],
    dear: str | None,
    data: Client,
    kind: str | None = None,
    ref_style: str = "as-is",
    period_start: date | None = None,
) -> Letter:
    r = ctx.rng
    kind = kind or policy_kind(data)
    start = period_start or date(2025, r.randint(3, 6), r.randint(1, 28))
    premium = fmt.money(r, 480, 3900)
    ref = fmt.ref_as(data.ref(kind), ref_style)
    what = (
        car(r)
        if kind == "motor"
        else f"the property at {fmt.inline_address(data.address)}"
        if not data.address.is_box
        else "your insured property"
    )
    body = [
        f"Thank you for insuring with us. Your {PRODUCT[kind]} policy is due for renewal on "
        f"{fmt.letter_date(start)}. We have enclosed your renewal schedule for {what}.",
        f"Your premium for the next 12 months is {premium} (including GST and government charges). If you pay "
        "by direct debit you do not need to do anything: we will continue to deduct your instalments.",
        "Please check your schedule carefully and tell us if anything has changed, such as renovations, a new "
        "driver, business use or a change of address. If you do not tell us, we may not pay a claim.",
        f"Questions? Call us on {org.SALES_PHONE} (Monday to Friday, 8am to 8pm AEST) or reply to {org.RENEWALS}.",
    ]
    tbl = [["Instalment", "Due date", "Amount"]] + [
        [str(i + 1), fmt.letter_date(start + timedelta(days=30 * i)), fmt.money(r, 40, 330)] for i in range(3)
    ]
    period = f"{start:%d/%m/%Y} to {start.replace(year=2026):%d/%m/%Y}"
    return Letter(
        to_lines,
        ctx.day(),
        [("Policy number", ref), ("Customer number", data.ref("customer")), ("Period of insurance", period)],
        heading=f"Your {PRODUCT[kind]} insurance renewal",
        dear=dear,
        body=body,
        table=tbl if r.random() < 0.5 else None,
        sign=sign_for("Renewals Team", "", "Kind regards"),
    )


def premium_change(ctx: Ctx, to_lines: list[str], dear: str | None, data: Client, kind: str | None = None) -> Letter:
    r = ctx.rng
    kind = kind or policy_kind(data)
    old, new = r.randint(600, 2600), 0
    new = old + r.randint(35, 420)
    body = [
        f"We are writing to let you know that the premium for your {PRODUCT[kind]} policy will change at your "
        f"next renewal, from ${old:,}.00 to ${new:,}.00 a year.",
        "The change reflects higher costs of building materials and repairs, reinsurance, and the number of "
        "severe weather claims across Australia. Your cover has not changed.",
        f"You can compare your options or change your excess online at {org.WEB}/myaccount, or call {org.SALES_PHONE}.",
    ]
    return Letter(
        to_lines,
        ctx.day(),
        [("Policy number", data.ref(kind)), ("Customer number", data.ref("customer"))],
        heading="Important: your premium is changing",
        dear=dear,
        body=body,
        sign=sign_for("Tobias Lindqvist", "Head of Pricing Communications", "Yours faithfully"),
    )


def claim_ack(ctx: Ctx, to_lines: list[str], dear: str | None, data: Client, claim: str | None = None) -> Letter:
    r = ctx.rng
    ck = claim or claim_kind(data) or "home_claim"
    motor = ck == "motor_claim"
    pol = data.ref("motor") if motor and data.has("motor") else data.ref(policy_kind(data))
    sent = ctx.when().date()
    loss = sent - timedelta(days=r.randint(3, 40))
    st = ctx.staff()
    what = r.choice(COLLISIONS) if motor else r.choice(PERILS)
    helper = r.choice(org.REPAIRERS if motor else org.ASSESSORS)
    body = [
        f"Thank you for lodging your claim for {what} on {fmt.letter_date(loss)}. We have accepted your "
        "claim for assessment.",
        f"We have asked {helper.firm} to contact you within two business days. You can reach them on {helper.phone}.",
        f"Your excess of ${r.choice([500, 750, 1000, 1500])} will be payable when the claim is settled. "
        "Please keep "
        "any damaged items and take photographs before anything is thrown away.",
        f"Your claims consultant is {st.name}, on {st.direct} or {st.email}.",
    ]
    details = [
        ("Claim number", data.ref(ck) if data.has(ck) else ""),
        ("Policy number", pol),
        ("Date of loss", f"{loss:%d/%m/%Y}"),
    ]
    return Letter(
        to_lines,
        fmt.letter_date(sent),
        details,
        heading="We have received your claim",
        dear=dear,
        body=body,
        sign=sign_for(st.name, st.role),
        box_title="Claim details",
    )


def claim_decision(ctx: Ctx, to_lines: list[str], dear: str | None, data: Client) -> Letter:
    r = ctx.rng
    ck = claim_kind(data) or "home_claim"
    st = ctx.staff()
    total = r.randint(2400, 48000)
    excess = r.choice([500, 750, 1000])
    body = [
        "We have now completed our assessment of your claim and are pleased to confirm that it has been accepted.",
        f"We will pay ${total - excess:,}.00, which is the agreed cost of repairs of ${total:,}.00 less your "
        f"excess of ${excess:,}.00. Payment will be made by electronic funds transfer within five business days.",
        "If you disagree with our decision you can ask for it to be reviewed by our Customer Resolution team on "
        f"{org.RESOLUTION_PHONE} or {org.RESOLUTIONS}.",
        org.ombudsman_paragraph(),
    ]
    return Letter(
        to_lines,
        ctx.day(),
        [("Claim number", data.ref(ck)), ("Customer number", data.ref("customer"))],
        heading=f"Re: Claim {data.ref(ck)} - decision",
        dear=dear,
        body=body,
        table=[
            ["Item", "Amount"],
            ["Agreed repair cost", f"${total:,}.00"],
            ["Less excess", f"-${excess:,}.00"],
            ["Payable", f"${total - excess:,}.00"],
        ],
        sign=sign_for(st.name, st.role),
    )


def final_response(ctx: Ctx, to_lines: list[str], dear: str | None, data: Client) -> Letter:
    r = ctx.rng
    st = org.STAFF[2]
    ck = claim_kind(data) or "home_claim"
    idr = f"IDR-{r.randint(10000, 99999)}"
    body = [
        f"Thank you for your complaint received on {fmt.letter_date(date(2025, 1, r.randint(2, 28)))} about the "
        f"handling of claim {data.ref(ck)}. This letter is our final response.",
        "We have reviewed the claim file, the assessor's report and the photographs you provided. We agree that "
        "our communication fell short and we have credited $250.00 to your policy as an apology.",
        "We maintain our decision on the cause of the damage, which the assessor found to be long-term leaking "
        "rather than a sudden event.",
        org.ombudsman_paragraph(),
    ]
    return Letter(
        to_lines,
        ctx.day(),
        [("Our reference", idr), ("Claim number", data.ref(ck))],
        heading="Re: Your complaint - our final response",
        dear=dear,
        body=body,
        sign=sign_for(st.name, st.role),
        box_title="Customer Resolution",
    )


def schedule_page(data: Client, kind: str, names: str | None = None) -> list[str]:
    r = random.Random(data.cid + kind)
    situation = fmt.inline_address(data.address) if not data.address.is_box else "As advised"
    lines = [
        f"{PRODUCT[kind]} Insurance - Policy Schedule",
        f"Policy number: {data.ref(kind)}",
        f"Insured(s): {names or data.full}",
        f"Postal address: {fmt.inline_address(data.address)}",
        f"Customer number: {data.ref('customer')}",
    ]
    if kind == "motor":
        lines += [f"Vehicle: {car(r)}", f"Agreed value: ${r.randint(9, 70) * 1000:,}", "Basic excess: $800"]
    else:
        lines += [
            f"Situation of risk: {situation}",
            f"Sum insured: ${r.randint(25, 140) * 10000:,}",
            "Basic excess: $750",
        ]
    lines += [
        "Period of insurance: 4:00pm on the start date to 4:00pm on the expiry date.",
        "This schedule must be read with the Product Disclosure Statement dated 1 July 2024.",
    ]
    return lines


def email_body(ctx: Ctx, greeting: str, paras: list[str], st: org.Staff | None = None) -> str:
    st = st or ctx.staff()
    return (
        f"{greeting}\n\n"
        + "\n\n".join(paras)
        + "\n\nKind regards,\n\n"
        + org.signature(st)
        + "\n\nThis email and any attachments are confidential. If you are not the intended recipient, please "
        "delete it and let us know."
    )
