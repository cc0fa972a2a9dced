"""Incidents and twins: address blocks, the recipient's own details, relationships, headers and links."""

from __future__ import annotations

from tests.corpora.property import content as ct
from tests.corpora.property import render, world
from tests.corpora.property.kit import Kit

MR, MIX, SUP = "mismatched_recipient", "mixed_client_documents", "suppressed_detail_exposed"


def ab_window(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()
    good = ct.arrears(k, pa, ct.tenants(k, pa), i)
    bad = ct.arrears(k, pb, ct.tenants(k, pb), i)
    bad.block = ct.block(ct.tenants(k, pa), pa, i)
    k.pair(
        "address-block/window-envelope",
        ".pdf",
        bad,
        good,
        [MR, MIX],
        f"arrears letter addressed to {a.cid} carries tenancy and property of {b.cid}",
        f"arrears letter to {a.cid} about their own tenancy",
    )


def ab_owner_statement(k: Kit, i: int) -> None:
    (x, _), (y, _) = k.owner(), k.owner()
    good = ct.owner_statement(k, x, k.w.by_owner(x.cid), i)
    bad = ct.owner_statement(k, y, k.w.by_owner(y.cid), i)
    bad.block, bad.paras[0] = good.block, good.paras[0]
    k.pair(
        "address-block/owner-statement",
        ".pdf",
        bad,
        good,
        [MR, MIX],
        f"statement of owner {y.cid} posted to owner {x.cid}",
        f"owner {x.cid}'s statement naming their own rentals and tenants",
    )


def ab_termination(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()
    ts = ct.tenants(k, pa)

    def notice(p_named: ct.Property) -> render.Letter:
        return render.Letter(
            pa.office,
            k.date(i),
            ct.block(ts, pa),
            "Termination notice - end of fixed term",
            [
                ct.dear(ts),
                f"We give you notice that the landlord terminates the agreement for the "
                f"premises at {p_named.address.one_line()}. You must vacate by {k.date(i + 9)}.",
                "Please contact us to book your final inspection and return all keys.",
            ],
            [("Tenancy", pa.tenancy)],
            sign=k.sign(),
        )

    k.pair(
        "address-block/termination-notice",
        ".docx",
        notice(pb),
        notice(pa),
        [MR, MIX],
        f"termination notice to {a.cid} names the premises of {b.cid}",
        f"termination notice to {a.cid}",
    )


def ab_suppressed_delivery(k: Kit, i: int) -> None:
    v, ex, f = k.fv(i)
    body = [
        f"Re: bond for the former tenancy {f.old.tenancy}. The bond claim has been lodged with NSW Fair Trading "
        "and each tenant's share will be paid to the account each nominates.",
        "Please contact our office if you have any questions.",
    ]
    bad = render.Letter(
        f.new.office,
        k.date(i),
        [f"{ex.title} {ex.given[0]} {ex.family} & {v.title} {v.given[0]} {v.family}", *f.new.address.block(i)],
        "Bond refund",
        body,
        [("Bond", f.old.bond)],
        sign=k.sign(),
    )
    good = render.Letter(
        f.new.office, k.date(i), ct.block([v], f.new, i), "Bond refund", body, [("Bond", f.old.bond)], sign=k.sign()
    )
    k.pair(
        "address-block/suppressed-delivery",
        ".pdf",
        bad,
        good,
        [SUP],
        f"letter to former joint tenants {ex.cid} and {v.cid} addressed to {v.cid}'s suppressed new address",
        f"bond letter to {v.cid} alone at her own (suppressed) address",
        suppressed=True,
    )


def ab_namesake(k: Kit, i: int) -> None:
    a_id, b_id = k.w.namesakes[i % len(k.w.namesakes)]
    a, b = k.w.c(a_id), k.w.c(b_id)
    pa, pb = k.w.of_tenant(a_id), k.w.of_tenant(b_id)
    good = ct.entry_notice(k, pa, [a], i)
    bad = ct.entry_notice(k, pa, [a], i)
    bad.refs = [("Tenancy", pb.tenancy), ("Bond", pb.bond)]
    good.refs = [("Tenancy", pa.tenancy), ("Bond", pa.bond)]
    k.pair(
        "address-block/namesake",
        ".txt",
        bad,
        good,
        [MR, MIX],
        f"entry notice to {a.cid} quotes tenancy and bond of namesake {b.cid}",
        f"entry notice to {a.cid}",
    )


def ab_tower(k: Kit, i: int) -> None:
    tower = [
        p
        for p in k.w.properties
        if p.address.street == "Marsden" and p.tenants and not any(k.w.c(t).suppressed for t in p.tenants)
    ]
    pt = tower[i % len(tower)]
    t = k.w.c(pt.tenants[0])
    b, pb = k.tenant()
    txt = (
        f"The smoke alarm service at {pt.address.street_line(1)} is booked for {k.date(i + 4)}. "
        "The technician will let themselves in with the office key."
    )
    good = render.Letter(
        world.OFFICES[0],
        k.date(i),
        ct.block([t], pt, 0),
        "Smoke alarm service",
        [ct.dear([t]), txt],
        [("Tenancy", pt.tenancy)],
        sign=k.sign(),
    )
    bad = render.Letter(
        world.OFFICES[0],
        k.date(i),
        ct.block([b], pb, 0),
        "Smoke alarm service",
        [ct.dear([b]), txt],
        [("Tenancy", pt.tenancy)],
        sign=k.sign(),
    )
    k.pair(
        "address-block/same-building",
        ".rtf",
        bad,
        good,
        [MR, MIX],
        f"letter to {b.cid} names the tower unit and tenancy of {t.cid}",
        f"letter to {t.cid}, who rents a unit in the building of the agency's Parramatta office",
    )


def ab_cc_line(k: Kit, i: int) -> None:
    v, ex, f = k.fv(i + 1)
    paras = [
        ct.dear([ex]),
        f"We confirm the lease for {f.old.address.one_line()} continues in your name and your "
        "former co-tenant's name until the tribunal decides the application to remove a co-tenant.",
        "Rent remains payable in full each fortnight.",
    ]
    good = render.Letter(
        f.old.office,
        k.date(i),
        ct.block([ex], f.old),
        "Your tenancy",
        paras + [f"cc: {v.title} {v.given[0]} {v.family} (by email)"],
        [("Tenancy", f.old.tenancy)],
        sign=k.sign(),
    )
    bad = render.Letter(
        f.old.office,
        k.date(i),
        ct.block([ex], f.old),
        "Your tenancy",
        paras + [f"cc: {v.title} {v.given[0]} {v.family}, {f.new.address.one_line(i)}"],
        [("Tenancy", f.old.tenancy)],
        sign=k.sign(),
    )
    k.pair(
        "address-block/cc-line",
        ".pdf",
        bad,
        good,
        [SUP],
        f"letter to {ex.cid} copies {v.cid} at her suppressed new address",
        f"letter to {ex.cid} about the joint tenancy with {v.cid}, no address of hers",
        True,
    )


def rod_ledger(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()

    def mail(p: ct.Property) -> render.Mail:
        text = (
            f"{ct.dear([a])}\n\nAs requested, your rent ledger for tenancy {p.tenancy} at "
            f"{p.address.one_line()}: rent ${p.rent} per week, paid to {k.date(i + 2)}, no arrears.\n"
            f"We have your mobile as {a.phone}; please let us know if it changes." + ct.signature(k, pa.office)
        )
        return render.Mail(k.staff(), [a.email], "Your rent ledger", text, when=i)

    k.pair(
        "recipient-own-details/rent-ledger",
        ".eml",
        mail(pb),
        mail(pa),
        [MR, MIX],
        f"{a.cid} is sent the ledger of {b.cid}'s tenancy",
        f"{a.cid} is sent their own ledger and mobile",
    )


def rod_eofy(k: Kit, i: int) -> None:
    (x, _), (y, _) = k.owner(), k.owner()
    props = k.w.by_owner(x.cid)

    def letter(folio: str) -> render.Letter:
        le = ct.owner_statement(k, x, props, i, "June")
        le.heading = "End of financial year summary 2025-26"
        le.refs = [("Owner folio", folio), ("Disbursements to", f"BSB {x.bank[0]} account ending {x.bank[1]}")]
        return le

    k.pair(
        "recipient-own-details/eofy-summary",
        ".pdf",
        letter(y.refs[0]),
        letter(x.refs[0]),
        [MR, MIX],
        f"EOFY summary to {x.cid} under folio of {y.cid}",
        f"EOFY summary to {x.cid} with their own bank details",
    )


def rod_suppressed_own(k: Kit, i: int) -> None:
    v, ex, f = k.fv(i + 2)
    text = (
        f"Dear {v.title} {v.family},\n\nWelcome to your new home at {f.new.address.one_line()}. We have noted "
        f"your mobile {v.phone} as your only contact number and flagged your file as confidential: we will not "
        "give your address or number to anyone, including for the former tenancy." + ct.signature(k, f.new.office)
    )
    k.pair(
        "recipient-own-details/suppressed-own",
        ".eml",
        render.Mail(k.staff(0), [ex.email], "Your new tenancy", text, when=i),
        render.Mail(k.staff(0), [v.email], "Your new tenancy", text, when=i),
        [SUP, MR],
        f"welcome letter with {v.cid}'s suppressed address and mobile sent to former partner {ex.cid}",
        f"welcome letter to {v.cid} with her own suppressed details",
        True,
    )


def rod_sms(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()
    gw = "61" + a.phone.replace(" ", "")[1:] + "@sms.example"
    k.pair(
        "recipient-own-details/sms-gateway",
        ".eml",
        render.Mail(
            k.staff(),
            [gw],
            f"Rent reminder {pb.tenancy}",
            f"Hi {a.given}, rent for {pb.address.street_line(1)} ({pb.tenancy}) is now 3 days overdue. Harbourline PM",
            when=i,
        ),
        render.Mail(
            k.staff(),
            [gw],
            f"Rent reminder {pa.tenancy}",
            f"Hi {a.given}, rent for {pa.address.street_line(1)} ({pa.tenancy}) is now 3 days overdue. Harbourline PM",
            when=i,
        ),
        [MR],
        f"SMS to {a.cid}'s mobile about {b.cid}'s tenancy",
        f"SMS reminder to {a.cid}'s own mobile",
    )


CASES = [
    (ab_window, 3),
    (ab_owner_statement, 3),
    (ab_termination, 2),
    (ab_suppressed_delivery, 3),
    (ab_namesake, 3),
    (ab_tower, 2),
    (ab_cc_line, 3),
    (rod_ledger, 3),
    (rod_eofy, 3),
    (rod_suppressed_own, 3),
    (rod_sms, 2),
]
