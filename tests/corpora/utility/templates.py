"""What the retailer writes: bills, reminders, hardship and concession letters, meter access and outage
notices, price changes, complaint responses, change-of-details confirmations and joint-account notices."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import org
from .compose import Style, fmt_date, fmt_ref
from .letters import Block, Letter
from .people import ref_kind
from .places import Address


@dataclass
class Spec:
    """Everything a template prints that is about the client (so an incident changes exactly one thing)."""

    block: list[str]
    salutation: str | None
    st: Style
    ref: str | None = None  # the account reference printed (raw digits); None prints no reference
    supply: Address | None = None
    slip_name: str = ""
    slip_address: str = ""
    issue: date = date(2025, 6, 2)
    staff: org.Person = org.STAFF[0]
    extra: list[Block] = field(default_factory=list)
    extra_meta: list[str] = field(default_factory=list)
    box_extra: list[tuple[str, str]] = field(default_factory=list)
    property_line: bool = True


def _money(rng: random.Random, lo: int, hi: int) -> str:
    return f"${rng.randint(lo, hi)}.{rng.randint(0, 99):02d}"


def _closing(s: Spec, rng: random.Random) -> list[str]:
    sign = rng.choice(["Yours sincerely", "Kind regards", "Yours faithfully", "Regards"])
    return [sign, "", s.staff.name, s.staff.role, org.NAME]


def _box(s: Spec, rng: random.Random, due: date | None = None) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if s.ref:
        rows.append(
            (rng.choice(["Account number", "Account no.", "Customer account", "Your account"]), fmt_ref(s.ref, s.st))
        )
    rows.append(("Date" if rng.random() < 0.5 else "Issue date", fmt_date(s.issue, s.st)))
    if due:
        rows.append(("Due date", fmt_date(due, s.st)))
    rows.append(("Enquiries", org.PHONE))
    rows += s.box_extra
    return rows


def _meta(s: Spec, rng: random.Random, ourref: bool = True) -> list[str]:
    meta: list[str] = []
    if s.supply is not None and s.property_line:
        label = rng.choice(["Property", "Supply address", "Service address", "Property address"])
        meta.append(f"{label}: {s.supply.one_line(abbrev=s.st.abbrev)}")
    if ourref and rng.random() < 0.5:
        meta.append(f"Our ref: TWE/{rng.choice(['CC', 'BL', 'HS', 'CR'])}/{rng.randint(10000, 99999)}")
    return meta + s.extra_meta


def _slip(s: Spec, amount: str, due: date) -> list[tuple[str, str]]:
    rows = [("", s.slip_name)] if s.slip_name else []
    if s.slip_address:
        rows.append(("", s.slip_address))
    if s.ref:
        rows += [("Account number", fmt_ref(s.ref, s.st)), ("BPAY Ref", s.ref)]
    rows += [("Amount due", amount), ("Due date", fmt_date(due, s.st))]
    return rows


def bill(s: Spec, rng: random.Random) -> Letter:
    kind = ref_kind(s.ref) if s.ref else "Electricity"
    due = s.issue + timedelta(days=rng.choice([14, 21, 28]))
    start = s.issue - timedelta(days=rng.choice([90, 91, 92]))
    usage = rng.randint(180, 2400)
    prev, paid, new = _money(rng, 80, 900), _money(rng, 80, 900), _money(rng, 90, 1200)
    meter = (
        f"NMI {rng.randint(6001, 6407)}{rng.randint(100000, 999999)}"
        if kind == "Electricity"
        else f"{'MIRN 53' if kind == 'Gas' else 'Meter no. WM'}{rng.randint(10000000, 99999999)}"
    )
    unit = "kWh" if kind == "Electricity" else "MJ" if kind == "Gas" else "kL"
    body: list[Block] = [
        ("h", f"Your {kind.lower()} account summary"),
        (
            "kv",
            [
                ("Previous bill", prev),
                ("Payments received - thank you", f"-{paid}"),
                ("New charges (incl. GST)", new),
                ("Total amount due", new),
            ],
        ),
        (
            "table",
            ["Meter", "Read period", f"Usage ({unit})", "Type"],
            [
                [
                    meter,
                    f"{fmt_date(start, s.st)} - {fmt_date(s.issue, s.st)}",
                    str(usage),
                    rng.choice(["Actual", "Actual", "Estimated"]),
                ]
            ],
        ),
        (
            "p",
            f"Your average daily use was {usage / 91:.1f} {unit}. Similar households in your area use about "
            f"{usage / 91 * rng.uniform(0.8, 1.3):.1f} {unit} a day.",
        ),
        (
            "p",
            f"Having trouble paying? Call us on {org.HARDSHIP_PHONE} before the due date to talk about a payment "
            "plan, Centrepay or our hardship program. Interpreter service: " + org.INTERPRETER + ".",
        ),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng, due),
        meta=_meta(s, rng, ourref=False),
        date=fmt_date(s.issue, s.st),
        heading=f"Tax invoice - {kind}",
        salutation=s.salutation,
        body=body,
        closing=[],
        slip=_slip(s, new, due),
    )


def reminder(s: Spec, rng: random.Random) -> Letter:
    due = s.issue + timedelta(days=7)
    amount = _money(rng, 120, 1600)
    body: list[Block] = [
        (
            "p",
            f"Our records show that {amount} was due on {fmt_date(s.issue - timedelta(days=14), s.st)} and has not "
            "been paid. If you have paid in the last few days, thank you, and please ignore this reminder.",
        ),
        (
            "p",
            f"Please pay by {fmt_date(due, s.st)}. If you cannot pay the full amount, we can help: call our "
            f"Customer Care team on {org.HARDSHIP_PHONE} (Monday to Friday, 8am to 6pm) to arrange a payment plan.",
        ),
        ("p", "Free and independent financial counselling is available on 1800 007 007."),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng, due),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="Payment reminder",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
        slip=_slip(s, amount, due) if rng.random() < 0.6 else None,
    )


def hardship(s: Spec, rng: random.Random) -> Letter:
    first = s.issue + timedelta(days=7)
    amount = rng.choice([20, 25, 30, 40, 50, 60, 75])
    rows = [
        [fmt_date(first + timedelta(days=14 * i), s.st), f"${amount}.00", "Centrepay" if i % 2 else "BPAY"]
        for i in range(rng.randint(3, 6))
    ]
    body: list[Block] = [
        (
            "p",
            "Thank you for talking with us about your account. We have placed your account on our Helping Hand "
            "program. While you are on the program we will not charge late payment fees or take any action to "
            "disconnect your supply.",
        ),
        ("h", "Your payment plan"),
        ("table", ["Instalment due", "Amount", "Method"], rows),
        (
            "p",
            f"If your circumstances change, please call {s.staff.name} on {org.HARDSHIP_PHONE}. We can review "
            "the plan at any time.",
        ),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="Your Helping Hand payment plan",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def concession(s: Spec, rng: random.Random) -> Letter:
    card = rng.choice(["Pensioner Concession Card", "Health Care Card", "DVA Gold Card"])
    body: list[Block] = [
        (
            "p",
            f"We have applied your {card} concession to your account from {fmt_date(s.issue, s.st)}. You will see "
            "the discount on your next bill.",
        ),
        (
            "kv",
            [
                ("Concession", card),
                ("Card ending", f"{rng.randint(100, 999)}{rng.choice('ABCKL')}"),
                ("Valid until", fmt_date(s.issue + timedelta(days=rng.randint(200, 700)), s.st)),
            ],
        ),
        (
            "p",
            "Please let us know if your card details change. We check concession details with Services Australia "
            "every few months.",
        ),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="Your concession has been applied",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def meter_access(s: Spec, rng: random.Random) -> Letter:
    visit = s.issue + timedelta(days=rng.randint(7, 20))
    body: list[Block] = [
        (
            "p",
            f"Our metering contractor, Meterline Field Services, will visit the property on {fmt_date(visit, s.st)} "
            f"between {rng.choice(['7am and 12pm', '8am and 1pm', '12pm and 5pm'])} to replace the meter with a "
            "new digital meter. The supply will be off for about 30 minutes.",
        ),
        (
            "p",
            "Please make sure the meter box is unlocked and that dogs are secured. If the time does not suit, call "
            f"us on {org.PHONE}. Life support customers will be contacted separately before any interruption.",
        ),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="We need access to your meter",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def price_change(s: Spec, rng: random.Random) -> Letter:
    start = date(2025, 7, 1)
    rows = [
        ["Supply charge (c/day)", f"{rng.uniform(90, 120):.2f}", f"{rng.uniform(95, 130):.2f}"],
        ["Usage (c/kWh)", f"{rng.uniform(25, 32):.2f}", f"{rng.uniform(27, 35):.2f}"],
        ["Controlled load (c/kWh)", f"{rng.uniform(14, 19):.2f}", f"{rng.uniform(15, 21):.2f}"],
    ]
    body: list[Block] = [
        (
            "p",
            f"We are writing to let you know that your prices will change from {fmt_date(start, s.st)}. The table "
            "below shows your current and new rates (including GST).",
        ),
        ("table", ["Charge", "Current", "From 1 July"], rows),
        ("p", f"You can compare offers at any time. To talk about your plan, call us on {org.PHONE}."),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng, ourref=False),
        date=fmt_date(s.issue, s.st),
        heading="Important information about your prices",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def welcome(s: Spec, rng: random.Random) -> Letter:
    body: list[Block] = [
        (
            "p",
            f"Welcome to {org.NAME}. Your account is now set up and your first bill will arrive in about three "
            "months. Keep this letter: it has your account details.",
        ),
        (
            "p",
            f"Pay by BPAY (biller code {org.BILLER_CODE}), Centrepay, direct debit or at any post office. Sign up "
            f"for eBills at {org.WEBSITE}/myaccount.",
        ),
        ("p", f"Faults and emergencies, 24 hours: {org.FAULTS_PHONE}."),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng, ourref=False),
        date=fmt_date(s.issue, s.st),
        heading="Welcome to Tallowwood",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def direct_debit(s: Spec, rng: random.Random) -> Letter:
    body: list[Block] = [
        ("p", "Thank you for setting up direct debit. We will debit the amount due on each bill on its due date."),
        (
            "kv",
            [
                ("Account name", "as per your bank"),
                ("BSB", "***-***"),
                ("Bank account", f"*****{rng.randint(100, 999)}"),
                ("First debit", fmt_date(s.issue + timedelta(days=rng.randint(10, 40)), s.st)),
            ],
        ),
        ("p", "To change or cancel the arrangement, call us at least three business days before a debit."),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="Direct debit confirmation",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def complaint_response(s: Spec, rng: random.Random) -> Letter:
    raised = s.issue - timedelta(days=rng.randint(5, 25))
    body: list[Block] = [
        (
            "p",
            f"Thank you for contacting us on {fmt_date(raised, s.st)} about "
            f"{rng.choice(['a high bill', 'an estimated meter read', 'a late payment fee', 'a disconnection notice'])}"
            ". "
            "I am sorry for the trouble this has caused.",
        ),
        (
            "p",
            "We have reviewed the account and "
            f"{rng.choice(['applied a credit of ' + _money(rng, 20, 180), 'arranged a special meter read'])}. "
            "You will see the adjustment on your next bill.",
        ),
        (
            "p",
            "If you are not satisfied with our response you can contact the Energy and Water Ombudsman, a free and "
            "independent dispute resolution service, on 1800 500 509.",
        ),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="Response to your complaint",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def final_bill(s: Spec, rng: random.Random) -> Letter:
    due = s.issue + timedelta(days=14)
    amount = _money(rng, 40, 600)
    body: list[Block] = [
        (
            "p",
            f"As requested, we closed the account on {fmt_date(s.issue - timedelta(days=3), s.st)} after a final "
            "meter read. This is your final bill.",
        ),
        ("kv", [("Final read", fmt_date(s.issue - timedelta(days=3), s.st)), ("Amount due", amount)]),
        ("p", "If you are owed a refund we will pay it to your nominated bank account within 10 business days."),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng, due),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="Final bill",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
        slip=_slip(s, amount, due),
    )


def leak_allowance(s: Spec, rng: random.Random) -> Letter:
    body: list[Block] = [
        (
            "p",
            "Thank you for sending the plumber's report confirming the concealed leak was repaired. We have "
            f"approved a leak allowance of {_money(rng, 60, 700)}, credited to the account.",
        ),
        ("p", "A leak allowance can be granted once in any three-year period."),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="Leak allowance approved",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def details_confirmation(s: Spec, rng: random.Random, rows: list[tuple[str, str]]) -> Letter:
    body: list[Block] = [
        (
            "p",
            "You recently asked us to update your details. Please check the details below and call us if anything "
            "is not right.",
        ),
        ("form", rows),
        ("p", "For your security we never ask for your password or full bank details by email or SMS."),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="We have updated your details",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def joint_notice(s: Spec, rng: random.Random) -> Letter:
    body: list[Block] = [
        (
            "p",
            "You are named as an account holder on this account. We are writing to all account holders because a "
            f"change was requested on {fmt_date(s.issue - timedelta(days=4), s.st)}: "
            + rng.choice(
                [
                    "the billing cycle moved to monthly",
                    "paper bills were replaced by eBills",
                    "a payment plan was set up",
                    "the concession was removed",
                ]
            )
            + ".",
        ),
        (
            "p",
            "Each account holder is responsible for the whole account balance. If you did not ask for this change, "
            f"please call us on {org.PHONE}.",
        ),
    ] + s.extra
    return Letter(
        block=s.block,
        box=_box(s, rng),
        meta=_meta(s, rng),
        date=fmt_date(s.issue, s.st),
        heading="Change to your joint account",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


def outage(s: Spec, rng: random.Random) -> Letter:
    day = s.issue + timedelta(days=rng.randint(5, 15))
    body: list[Block] = [
        (
            "p",
            "To upgrade the "
            + rng.choice(["water main", "local substation", "low-voltage network", "pressure valve"])
            + f" in your street we need to interrupt supply on {fmt_date(day, s.st)} from "
            + rng.choice(["8am to 2pm", "9am to 3pm", "10am to 1pm"])
            + ".",
        ),
        (
            "p",
            "Please turn off appliances that could be a hazard when supply returns. We are sorry for the "
            f"inconvenience. For updates visit {org.WEBSITE}/outages or call {org.FAULTS_PHONE}.",
        ),
    ] + s.extra
    return Letter(
        block=s.block,
        box=[("Date", fmt_date(s.issue, s.st)), ("Enquiries", org.FAULTS_PHONE)] + s.box_extra,
        meta=_meta(s, rng, ourref=False),
        date=fmt_date(s.issue, s.st),
        heading="Planned supply interruption",
        salutation=s.salutation,
        body=body,
        closing=_closing(s, rng),
    )


TEMPLATES: dict[str, Callable[[Spec, random.Random], Letter]] = {
    "bill": bill,
    "reminder": reminder,
    "hardship": hardship,
    "concession": concession,
    "meter_access": meter_access,
    "price_change": price_change,
    "welcome": welcome,
    "direct_debit": direct_debit,
    "complaint_response": complaint_response,
    "final_bill": final_bill,
    "leak_allowance": leak_allowance,
    "joint_notice": joint_notice,
    "outage": outage,
}
EVERYDAY = [
    "bill",
    "bill",
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
]
