"""The retailer's documents: bills, itemised call records, notices and letters, built from registry clients."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import world as w
from .registry import Client, Registry
from .renderers import Letter, Page

STAFF = [
    ("Priya Menon", "priya.menon"),
    ("Daniel Okafor", "daniel.okafor"),
    ("Hannah Liu", "hannah.liu"),
    ("Mick Tupou", "mick.tupou"),
    ("Rosa Bianchi", "rosa.bianchi"),
    ("Ahmed Saleh", "ahmed.saleh"),
    ("Jess Whitfield", "jess.whitfield"),
    ("Cam Nguyen-Walsh", "cam.nguyen-walsh"),
]
PLANS = [
    "Everyday 40GB",
    "Unlimited Plus",
    "Family Share 120GB",
    "Small Business 80GB",
    "NBN 50 Home",
    "NBN 100 Fast",
    "Seniors Talk & Text",
    "Prepaid Flex 25GB",
]


def day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


@dataclass
class Ctx:
    reg: Registry
    rng: random.Random
    scale: float = 1.0
    seq: int = 0
    used: set[str] = field(default_factory=set)

    def n(self, count: int) -> int:
        return max(1, round(count * self.scale))

    def next_id(self) -> str:
        self.seq += 1
        return f"m{self.seq:05d}"

    def pick(self, kind: str | tuple[str, ...], exclude: set[str] | None = None) -> Client:
        kinds = (kind,) if isinstance(kind, str) else kind
        pool = [c for c in self.reg.clients if c.kind in kinds and c.cid not in (exclude or set())]
        fresh = [c for c in pool if c.cid not in self.used] or pool
        c = self.rng.choice(fresh)
        self.used.add(c.cid)
        return c

    def other(self, c: Client, kind: str | tuple[str, ...] = ("individual", "family", "hardship")) -> Client:
        """An unrelated client (not joint, not the partner)."""
        return self.pick(kind, exclude={c.cid, c.partner, *c.joint_with})

    def staff(self) -> tuple[str, str]:
        name, local = self.rng.choice(STAFF)
        return name, f"{local}@{w.DOMAIN}"

    def outside_mobile(self) -> str:
        return self.reg.numbers.mobile()  # never a client's number

    def outside_landline(self) -> str:
        return self.reg.numbers.landline(self.rng.choice(["02", "03", "07", "08"]))

    def date(self, lo: int = 0, hi: int = 40) -> dt.date:
        return dt.date(2026, 2, 1) + dt.timedelta(days=self.rng.randint(lo, hi))

    def money(self, lo: float = 35, hi: float = 260) -> str:
        return f"${self.rng.uniform(lo, hi):,.2f}"


def addressee(c: Client, title: bool = True) -> str:
    return f"{c.title + ' ' if title and c.title else ''}{c.given} {c.family}"


def block(c: Client, style: int = 0, name: str | None = None, address=None) -> list[str]:
    """The address block: name line(s) and the address lines (of `address` if another address is used)."""
    lines = [name or addressee(c)]
    if c.kind == "business" and name is None:
        lines = [c.business, f"Attn: {c.given} {c.family}"]
    return lines + (address or c.address).lines(style)


def calls(ctx: Ctx, services: list[str], n: int = 9, inserted: list[tuple[str, int]] | None = None) -> Page:
    """Itemised calls and texts of the given services; `inserted` places (number, row) among called numbers."""
    rows = []
    start = dt.datetime(2026, 1, 28, 8, 0)
    for i in range(n):
        t = start + dt.timedelta(hours=ctx.rng.randint(3, 40) * (i + 1))
        svc = services[i % len(services)]
        to = ctx.outside_mobile() if ctx.rng.random() < 0.6 else ctx.outside_landline()
        kind = ctx.rng.choice(["Call", "Call", "SMS", "Call"])
        dur = f"{ctx.rng.randint(0, 24)}:{ctx.rng.randint(0, 59):02d}" if kind == "Call" else "-"
        rows.append([t.strftime("%d/%m/%Y"), t.strftime("%H:%M"), svc, kind, to, dur, f"{ctx.rng.uniform(0, 2):.2f}"])
    for number, row in inserted or []:
        rows[row % n][4] = number
        rows[row % n][3] = "Call"
    return Page(
        "Itemised calls and messages",
        ["Date", "Time", "From service", "Type", "Number called", "Mins", "Cost $"],
        rows,
        note="Included calls are shown at $0.00.",
    )


def services_page(c: Client, extra: list[tuple[str, str]] | None = None) -> Page:
    rows = [
        [s.number, s.user, s.kind.upper() if s.kind == "nbn" else "Mobile", "Active"]
        for s in c.services
        if s.kind != "silent"
    ]
    rows += [[num, user, "Mobile", "Active"] for num, user in extra or []]
    return Page("Services on this account", ["Service", "Used by", "Type", "Status"], rows)


def bill(
    ctx: Ctx,
    c: Client,
    *,
    recipient: list[str] | None = None,
    account: str | None = None,
    style: int = 0,
    itemised: bool = True,
    inserted: list[tuple[str, int]] | None = None,
    who: Client | None = None,
) -> Letter:
    """A monthly bill for `c` (content from `who` when a bill of someone else is printed for `c`)."""
    src = who or c
    issued = ctx.date(0, 10)
    due = issued + dt.timedelta(days=14)
    acct = account or src.account
    svcs = [s.number for s in src.services if s.kind == "mobile"] or [src.phone]
    letter = Letter(
        recipient=recipient or block(c, style),
        date=day(issued),
        title=f"Your {issued.strftime('%B')} bill",
        greeting=f"Dear {c.given}," if not c.business else f"Dear {c.given} {c.family},",
        paras=[
            f"Here is your bill for account {acct}. Your plan is {ctx.rng.choice(PLANS)}.",
            f"Please pay by {day(due)}. Pay online at my.{w.DOMAIN}, by BPAY (biller code 48221, reference "
            f"{''.join(ch for ch in acct if ch.isdigit())}) or call {w.ORG_PHONE}.",
            "If you are experiencing financial difficulty, our hardship team can help: ask about a payment plan.",
        ],
        summary=[
            ("Account number", acct),
            ("Bill date", day(issued)),
            ("Amount due", ctx.money()),
            ("Due date", day(due)),
        ],
        table=services_page(src) if src.kind in ("family", "business") else None,
        pages=[calls(ctx, svcs, inserted=inserted)] if itemised else [],
    )
    return letter


def notice(
    ctx: Ctx,
    c: Client,
    kind: str,
    *,
    recipient: list[str] | None = None,
    style: int = 0,
    detail: str = "",
    account: str | None = None,
) -> Letter:
    """Short service letters: SIM delivery, porting, plan change, hardship, overdue, NBN appointment, welcome."""
    acct = account or c.account
    d = ctx.date(5, 35)
    texts = {
        "sim": (
            "Your new SIM is on its way",
            [
                f"We have sent a replacement SIM for service {detail or c.phone} on account {acct}.",
                f"It will arrive by Australia Post within 3-5 business days. Activate it at my.{w.DOMAIN}/activate.",
            ],
        ),
        "device": (
            "Your device delivery",
            [
                f"Your new handset ordered on account {acct} has been dispatched. Delivery to: {detail}.",
                "Someone over 18 will need to sign for the parcel and show photo ID.",
            ],
        ),
        "porting": (
            "Your number transfer is complete",
            [
                f"The number {detail or c.phone} has been transferred to {w.ORG} on account {acct}.",
                "Your previous provider will send a final bill for any charges up to the transfer date.",
            ],
        ),
        "newservice": (
            "Your new mobile service is active",
            [
                f"Your new service {detail} is active on account {acct}. As requested it is a silent number: "
                "it is not listed in the directory and caller ID is blocked.",
                "Keep this letter somewhere safe.",
            ],
        ),
        "plan": (
            "Confirmation of your plan change",
            [
                f"From {day(d)} your plan on account {acct} changes to {ctx.rng.choice(PLANS)}.",
                "Your minimum monthly spend and any device repayments are unchanged.",
            ],
        ),
        "hardship": (
            "Your payment arrangement",
            [
                f"Thank you for speaking with our Financial Hardship team about account {acct}.",
                f"We have agreed that you will pay {ctx.money(20, 60)} each fortnight from {day(d)}. While the "
                "arrangement is kept, no late fees will be charged and your services will not be restricted.",
                "You can talk to a free financial counsellor on the National Debt Helpline 1800 007 007.",
            ],
        ),
        "overdue": (
            "Your account is overdue",
            [
                f"Account {acct} has an overdue balance of {ctx.money(60, 400)}.",
                f"Please pay by {day(d)} or call us on {w.ORG_PHONE} to arrange a payment plan. If we do not hear from"
                " you, the debt may be referred to our collection agency.",
            ],
        ),
        "nbn": (
            "Your NBN appointment",
            [
                f"A technician will attend {detail} on {day(d)} between 8am and 12pm to connect the NBN service "
                f"on account {acct}.",
                "Please make sure someone over 18 is home. To reschedule call 1800 687 626.",
            ],
        ),
        "welcome": (
            "Welcome to Tallowood Telecom",
            [
                f"Your account number is {acct}. Your services are listed below.",
                f"Manage your account at my.{w.DOMAIN} or in the Tallowood app.",
            ],
        ),
    }
    title, paras = texts[kind]
    return Letter(
        recipient=recipient or block(c, style),
        date=day(ctx.date(0, 6)),
        title=title,
        greeting=f"Dear {c.given},",
        paras=paras,
        summary=[("Account number", acct)],
        table=services_page(c) if kind == "welcome" else None,
    )


def sig(name: str, team: str = "Customer Care") -> str:
    return f"Kind regards,\n{name}\n{team} | {w.ORG}\n{w.ORG_PHONE} | {w.DOMAIN}"
