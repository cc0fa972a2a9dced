"""The agency's documents: what a property manager writes to tenants, owners, trades, agents and the tribunal."""

from __future__ import annotations

from tests.corpora.property import render, world
from tests.corpora.property.kit import Kit
from tests.corpora.property.registry import Client, Property


def block(cs: list[Client], p: Property | None = None, style: int = 0, use_address: bool = True) -> list[str]:
    """A window-envelope address block: the names, then the street line and LOCALITY STATE POSTCODE."""
    names = " & ".join(f"{c.title} {c.given[0]} {c.family}" for c in cs)
    addr = p.address if p is not None else cs[0].address
    return [names, *addr.block(style)] if use_address else [names]


def dear(cs: list[Client]) -> str:
    return "Dear " + " and ".join(f"{c.title} {c.family}" for c in cs) + ","


def tenants(k: Kit, p: Property) -> list[Client]:
    return [k.w.c(t) for t in p.tenants if k.w.of_tenant(t) is p]


def entry_notice(k: Kit, p: Property, ts: list[Client], i: int, style: int = 0) -> render.Letter:
    return render.Letter(
        p.office,
        k.date(i),
        block(ts, p, style),
        "Notice of entry - routine inspection",
        [
            dear(ts),
            f"In accordance with the Residential Tenancies Act 2010 (NSW) we give you notice that the agent "
            f"will enter the premises at {p.address.one_line(style)} on {k.date(i + 3)} between 10:00 am and 12:00 pm "
            "to carry out a routine inspection.",
            "You do not need to be home. If you have pets, please secure them.",
        ],
        [("Tenancy", p.tenancy)],
        sign=k.sign(),
    )


def arrears(k: Kit, p: Property, ts: list[Client], i: int, days: int = 14) -> render.Letter:
    owed = p.rent // 7 * days
    return render.Letter(
        p.office,
        k.date(i),
        block(ts, p),
        "Rent arrears - reminder",
        [
            dear(ts),
            f"Our records show the rent for {p.address.one_line()} is {days} days in arrears. The amount owing "
            f"is ${owed:,}.00 (rent ${p.rent} per week).",
            "Please pay by direct deposit quoting your tenancy "
            f"reference {p.tenancy}, or contact us to discuss a payment plan.",
            "If the arrears reach 14 days we may issue a termination notice for non-payment of rent.",
        ],
        [("Tenancy", p.tenancy), ("Rent paid to", k.date(i - 5))],
        sign=k.sign(),
    )


def statement_rows(k: Kit, o: Client, props: list[Property], month: str) -> list[list[str]]:
    rows = [["Property", "Tenant", "Rent received", "Mgmt fee", "Net"]]
    for p in props:
        ts = tenants(k, p)
        who = " & ".join(f"{t.given[0]} {t.family}" for t in ts) or "Vacant"
        rent = p.rent * 4
        rows.append([p.address.one_line(1), who, f"${rent:,}.00", f"${rent * 0.066:,.2f}", f"${rent * 0.934:,.2f}"])
    rows.append([f"Paid to BSB {o.bank[0]} account ending {o.bank[1]} on 1 {month} 2026", "", "", "", ""])
    return rows


def owner_statement(k: Kit, o: Client, props: list[Property], i: int, month: str = "March") -> render.Letter:
    os_ = [o] + [k.w.c(j) for j in o.joint]
    return render.Letter(
        props[0].office,
        k.date(i),
        block(os_),
        f"Owner statement - {month} 2026",
        [
            dear(os_),
            "Please find below your statement for the period. Funds have been disbursed to your nominated account.",
        ],
        [("Owner folio", o.refs[0])],
        table=statement_rows(k, o, props, month),
        sign=("Riya Deshmukh", "Trust Accountant"),
    )


def statement_text(k: Kit, o: Client, props: list[Property], month: str = "March") -> list[str]:
    """An owner statement as a report PDF (attachment) rather than a letter."""
    lines = [f"Owner: {o.name}   Folio: {o.refs[0]}", f"Postal: {o.address.one_line()}", f"Period: {month} 2026", ""]
    lines += ["   ".join(r) for r in statement_rows(k, o, props, month)]
    return lines


def work_order(k: Kit, p: Property, t: Client, trade: str, issue: str, i: int, phone: bool = True) -> list[str]:
    lines = [
        f"Work order WO-{p.tenancy[1:]}-{i:02d}   Issued {k.date(i)}",
        f"Trade: {trade}",
        f"Property: {p.address.one_line(1)}",
        f"Tenant: {t.name}",
    ]
    if phone:
        lines.append(f"Tenant mobile: {t.phone} (call to arrange access)")
    lines += [
        f"Job: {issue}",
        "Approved limit: $450.00 incl. GST. Quote first if over limit.",
        f"Invoice to: {world.AGENCY}, {p.office.address}, quoting the work order number.",
    ]
    return lines


ISSUES = [
    "Leaking mixer tap in kitchen",
    "Hot water system not heating",
    "Smoke alarm chirping in hallway",
    "Blocked shower drain",
    "Front door lock sticking",
    "Power point not working in bedroom 2",
    "Toilet cistern running constantly",
    "Cockroaches in kitchen, general pest treatment",
    "Rangehood light not working",
    "Gutters overflowing at rear",
]


def maintenance_approval(k: Kit, o: Client, p: Property, issue: str, amount: int) -> str:
    t = tenants(k, p)
    who = f" Your tenant {t[0].title} {t[0].family} reported it on {k.date(2)}." if t else ""
    return (
        f"{dear([o])}\n\nWe have received a maintenance request for your property at {p.address.one_line()}: "
        f"{issue.lower()}.{who}\n\nThe quote from our contractor is ${amount}.00 incl. GST. Please reply to "
        "approve, or let us know if you would prefer to arrange your own tradesperson.\n\nKind regards,\n"
        f"{k.sign()[0]}\n{world.AGENCY} | {p.office.phone}"
    )


def reference_letter(k: Kit, t: Client, p: Property, agent: str, with_address: bool) -> str:
    where = f" at {p.address.one_line()}" if with_address else ""
    return (
        f"Dear {agent},\n\nThank you for your reference request for {t.title} {t.given} {t.family}.\n\n"
        f"{t.title} {t.family} has been our tenant{where} since {k.date(5)} on a rent of ${p.rent} per week. "
        "The rent has always been paid on time, routine inspections have been very good and we would happily "
        f"rent to {t.title} {t.family} again.\n\nKind regards,\n{k.sign()[0]}\n{world.AGENCY} | {p.office.phone}"
    )


def signature(k: Kit, office: world.Office) -> str:
    name, role = k.sign()
    return f"\n\nKind regards,\n{name}\n{role} | {world.AGENCY}\n{office.address}\n{office.phone} | {world.HEAD_PHONE}"
