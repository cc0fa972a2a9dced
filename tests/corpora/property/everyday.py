"""Ordinary legitimate mail: notices, receipts, statements, newsletters, open homes, trades, the bond authority,
the tribunal, insurers and strata; a few calls a privacy officer might make differently are noted."""

from __future__ import annotations

import datetime as dt

from tests.corpora.property import content as ct
from tests.corpora.property import render, world
from tests.corpora.property.kit import Kit

EXT = [".pdf", ".docx", ".txt", ".rtf", ".html"]


def entry(k: Kit, i: int) -> None:
    t, p = k.tenant()
    ts = ct.tenants(k, p)
    ext = EXT[i % len(EXT)]
    k.item(
        f"everyday/entry-notice{'-joint' if len(ts) > 1 else ''}",
        ext,
        ct.entry_notice(k, p, ts, i, i),
        f"entry notice to tenants {' '.join(x.cid for x in ts)}",
    )


def receipt(k: Kit, i: int) -> None:
    t, p = k.tenant()
    k.item(
        "everyday/rent-receipt",
        ".eml",
        render.Mail(
            k.staff(),
            [t.email],
            f"Rent receipt {p.tenancy}",
            f"Hi {t.given},\n\nWe received ${p.rent * 2}.00 on "
            f"{k.date(i)} for {p.address.one_line(i)}. Rent is now paid to {k.date(i + 14)}."
            + ct.signature(k, p.office),
            when=i,
        ),
        f"rent receipt to {t.cid}",
    )


def statement(k: Kit, i: int) -> None:
    o, _ = k.owner()
    pdf = render.pdf_text("Owner statement", ct.statement_text(k, o, k.w.by_owner(o.cid)))
    to = [o.email] + [k.w.c(j).email for j in o.joint]
    k.item(
        "everyday/owner-statement",
        ".eml",
        render.Mail(
            k.staff(4),
            to,
            "Your monthly statement",
            f"{ct.dear([o])}\n\nYour statement is attached." + ct.signature(k, world.OFFICES[i % 4]),
            attachments=[("statement.pdf", "application/pdf", pdf)],
            when=i,
        ),
        f"owner {o.cid} receives the statement naming their properties and tenants",
    )


def statement_fv_property(k: Kit, i: int) -> None:
    v, _, f = k.fv(i)
    o = k.w.c(f.new.owners[0])
    k.item(
        "everyday/owner-statement-confidential-tenant",
        ".pdf",
        ct.owner_statement(k, o, k.w.by_owner(o.cid), i),
        f"owner {o.cid}'s statement names their property, the suppressed address of tenant {v.cid}, and her name as "
        "tenant; owner is a party to her lease (unsure: some agencies would print 'tenant' without the name)",
    )


def newsletter(k: Kit, i: int) -> None:
    t, _ = k.tenant()
    body = (
        f"<html><body><h1>Harbourline Tenant News - Autumn 2026</h1><p>Hi {t.given},</p><p>Winter is coming: "
        "check your smoke alarms, clean dryer lint filters and report leaks early.</p><p>Our offices: "
        + "; ".join(f"{o.address} ({o.phone})" for o in world.OFFICES)
        + "</p></body></html>"
    )
    k.item(
        "everyday/newsletter",
        ".eml",
        render.Mail(
            f"news@{world.INTERNAL}", [t.email], "Tenant News - Autumn", "Tenant News - Autumn 2026", html=body, when=i
        ),
        f"newsletter to {t.cid} with the agency's office addresses",
    )


def open_home(k: Kit, i: int) -> None:
    _, p = k.tenant()
    first = k.rng.choice(world.GIVEN_F + world.GIVEN_M).lower().replace(" ", "").replace("-", "")
    who = f"{first}.{i}@fastnet.example"
    cal = render.ics(
        f"open-{p.pid}-{i}",
        "Open for inspection",
        p.address.one_line(),
        dt.datetime(2026, 4, 4 + i % 20, 11, 0),
        f"Rent ${p.rent} per week, 2 bedrooms",
        f"leasing@{world.INTERNAL}",
        who,
    )
    k.item(
        "everyday/open-home",
        ".eml",
        render.Mail(
            f"Harbourline Leasing <leasing@{world.INTERNAL}>",
            [who],
            f"Open home: {p.address.street_line(1)}",
            f"Thanks for enquiring. The property at {p.address.one_line()} is open Saturday 11:00-11:15.",
            attachments=[("open_home.ics", "text/calendar", cal)],
            when=i,
        ),
        f"open-home invitation to a prospective tenant; the address is outgoing tenant {p.tenants[0]}'s home",
    )


def maintenance(k: Kit, i: int) -> None:
    t, p = k.tenant()
    k.item(
        "everyday/maintenance-update",
        ".eml",
        render.Mail(
            k.staff(),
            [t.email],
            "Maintenance request update",
            f"Hi {t.given},\n\n{ct.ISSUES[i % 10]}: the owner has "
            "approved the repair and the contractor will contact you to arrange access." + ct.signature(k, p.office),
            when=i,
        ),
        f"maintenance update to {t.cid}",
    )


def rent_increase(k: Kit, i: int) -> None:
    t, p = k.tenant()
    ts = ct.tenants(k, p)
    le = render.Letter(
        p.office,
        k.date(i),
        ct.block(ts, p, i),
        "Notice of rent increase",
        [
            ct.dear(ts),
            f"The landlord has reviewed the rent for {p.address.one_line()}. From "
            f"{k.date(i + 60)} the rent will be ${p.rent + 25} per week.",
            "This notice is given at least 60 days before the increase.",
        ],
        [("Tenancy", p.tenancy)],
        sign=k.sign(),
    )
    k.item("everyday/rent-increase", [".docx", ".pdf"][i % 2], le, f"rent increase to {' '.join(p.tenants)}")


def inspection_report(k: Kit, i: int) -> None:
    o, p = k.owner()
    ts = ct.tenants(k, p)
    who = f"{ts[0].title} {ts[0].family}" if ts else "the tenant"
    le = render.Letter(
        p.office,
        k.date(i),
        ct.block([o]),
        f"Routine inspection report - {p.address.street_line(1)}",
        [
            ct.dear([o]),
            f"We inspected your property at {p.address.one_line()} on {k.date(i - 2)}. "
            f"The property is well presented by {who}. Minor items: {ct.ISSUES[i % 10].lower()}.",
            "We recommend repainting the eaves within 12 months.",
        ],
        [("Owner folio", o.refs[0])],
        sign=k.sign(),
    )
    k.item("everyday/inspection-report", ".pdf", le, f"inspection report to owner {o.cid} naming property and tenant")


def breach(k: Kit, i: int) -> None:
    t, p = k.tenant()
    le = render.Letter(
        p.office,
        k.date(i),
        ct.block([t], p, i),
        "Notice to remedy breach",
        [
            ct.dear([t]),
            "At the inspection we noted a car parked on the front lawn, contrary to the "
            "agreement. Please remedy this within 14 days.",
        ],
        [("Tenancy", p.tenancy)],
        sign=k.sign(),
    )
    k.item("everyday/breach-notice", [".txt", ".rtf"][i % 2], le, f"breach notice to {t.cid}")


def bond_lodgement(k: Kit, i: int) -> None:
    t, p = k.tenant()
    k.item(
        "everyday/bond-authority",
        ".eml",
        render.Mail(
            k.staff(4),
            [f"lodgements@{world.BONDS}"],
            f"Bond lodgement {p.bond}",
            f"Bond {p.bond}: tenant {t.name}, "
            f"premises {p.address.one_line()}, amount ${p.rent * 4}.00, landlord agent {world.AGENCY}.",
            when=i,
        ),
        f"bond lodgement for {t.cid} to the bond authority (approved)",
    )


def tribunal(k: Kit, i: int) -> None:
    t, p = k.tenant()
    k.item(
        "everyday/tribunal",
        ".eml",
        render.Mail(
            k.staff(0),
            [f"applications@{world.TRIBUNAL}"],
            f"Application - {p.address.street_line(1)}",
            f"Please find our application for termination for non-payment: premises {p.address.one_line()}, tenant "
            f"{t.name}, tenancy {p.tenancy}, arrears ${p.rent * 3}.00.",
            when=i,
        ),
        f"tribunal application about tenant {t.cid} to the tribunal (approved)",
    )


def insurer(k: Kit, i: int) -> None:
    t, p = k.tenant()
    o = k.w.c(p.owners[0])
    k.item(
        "everyday/landlord-insurer",
        ".eml",
        render.Mail(
            k.staff(0),
            [f"claims@{world.INSURER}"],
            "Rent default claim",
            f"Claim for landlord {o.name} (folio "
            f"{o.refs[0]}): tenant {t.name} vacated {p.address.one_line()} owing ${p.rent * 5}.00.",
            when=i,
        ),
        f"rent default claim naming owner {o.cid} and tenant {t.cid} to the landlord insurer (approved)",
    )


def strata(k: Kit, i: int) -> None:
    o, p = k.owner()
    k.item(
        "everyday/strata",
        ".eml",
        render.Mail(
            k.staff(),
            [f"levies@{world.STRATA}"],
            "Levy notice address",
            f"Please send levy notices for the lot at "
            f"{p.address.one_line()} (owner {o.name}) to our office: {p.office.address}.",
            when=i,
        ),
        f"strata manager (approved) told the agency acts for owner {o.cid}",
    )


def sole_trader(k: Kit, i: int) -> None:
    t, p = k.tenant()
    name, addr = world.SOLE_TRADERS[i % 3]
    k.item(
        "everyday/work-order-sole-trader",
        ".eml",
        render.Mail(
            k.staff(),
            [addr],
            "Work order",
            "\n".join(ct.work_order(k, p, t, name, "Clean gutters and check roof", i)),
            when=i,
        ),
        f"work order naming tenant {t.cid} to a sole trader the agency uses, on a consumer mail domain not in "
        "approved_recipient_domains (unsure: an officer may want trades onboarded first)",
    )


def internal(k: Kit, i: int) -> None:
    t, p = k.tenant()
    k.item(
        "everyday/internal",
        ".eml",
        render.Mail(
            k.staff(),
            [f"{world.STAFF[(i + 2) % 7][1]}@{world.INTERNAL}"],
            "Key handover",
            f"Keys for {p.address.one_line()} ({t.name}, {t.phone}) are in the Penrith key safe.",
            when=i,
        ),
        f"internal note about tenant {t.cid}",
    )


def ex_old_tenancy(k: Kit, i: int) -> None:
    _, ex, f = k.fv(i)
    le = render.Letter(
        world.OFFICES[0],
        k.date(i),
        ct.block([ex], f.old),
        "Water usage charges",
        [ct.dear([ex]), f"Water usage for {f.old.address.one_line()} this quarter is $184.20."],
        [("Tenancy", f.old.tenancy)],
        sign=k.sign(),
    )
    k.item(
        "everyday/letter-to-joint-tenant",
        ".pdf",
        le,
        f"letter to {ex.cid} about the old joint tenancy on the "
        "Parramatta letterhead (the tower also holds a suppressed tenant's unit)",
    )


def owner_marketing(k: Kit, i: int) -> None:
    o, _ = k.owner()
    k.item(
        "everyday/owner-news",
        ".eml",
        render.Mail(
            f"news@{world.INTERNAL}",
            [o.email],
            "Landlord update: minimum standards",
            f"{ct.dear([o])}\n\nFrom 1 July new energy efficiency standards apply to rented homes. Our offices: "
            + "; ".join(o2.address for o2 in world.OFFICES),
            html="<p>Landlord update</p>",
            when=i,
        ),
        f"landlord update to owner {o.cid}",
    )


ITEMS = [
    (entry, 14),
    (receipt, 10),
    (statement, 9),
    (statement_fv_property, 4),
    (newsletter, 6),
    (open_home, 7),
    (maintenance, 8),
    (rent_increase, 6),
    (inspection_report, 7),
    (breach, 4),
    (bond_lodgement, 4),
    (tribunal, 3),
    (insurer, 3),
    (strata, 3),
    (sole_trader, 3),
    (internal, 5),
    (ex_old_tenancy, 4),
    (owner_marketing, 4),
]
