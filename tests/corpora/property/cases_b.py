"""Incidents and twins: relationships (joint tenants, accountants, owners, trades, tribunal), headers and links,
suppressed details written loosely."""

from __future__ import annotations

from tests.corpora.property import content as ct
from tests.corpora.property import render, world
from tests.corpora.property.kit import Kit

MR, MIX, SUP = "mismatched_recipient", "mixed_client_documents", "suppressed_detail_exposed"


def rel_ex_new_tenancy(k: Kit, i: int) -> None:
    v, ex, f = k.fv(i + 3)

    def mail(p: ct.Property) -> render.Mail:
        text = (
            f"{ct.dear([ex])}\n\nThe rent ledger for tenancy {p.tenancy} ({p.address.one_line()}) shows rent paid "
            f"to {k.date(i + 1)}." + ct.signature(k, p.office)
        )
        return render.Mail(k.staff(), [ex.email], "Rent ledger", text, when=i)

    k.pair(
        "relationships/joint-tenant",
        ".eml",
        mail(f.new),
        mail(f.old),
        [SUP, MR],
        f"former joint tenant {ex.cid} sent the ledger of {v.cid}'s new tenancy at her suppressed address",
        f"joint tenant {ex.cid} sent the ledger of the joint tenancy with {v.cid}",
        True,
    )


def rel_accountant(k: Kit, i: int) -> None:
    x, _ = k.owner(authorised=True)
    while "@" not in x.authorised[0]:
        x, _ = k.owner(authorised=True)
    z, _ = k.owner(authorised=False)

    def mail(o: ct.Client) -> render.Mail:
        pdf = render.pdf_text("EOFY statement 2025-26", ct.statement_text(k, o, k.w.by_owner(o.cid), "June"))
        return render.Mail(
            k.staff(4),
            [x.authorised[0]],
            f"EOFY statement - folio {o.refs[0]}",
            f"Hello,\n\nAttached is the end of financial year statement for folio {o.refs[0]} as "
            "requested for the tax return." + ct.signature(k, world.OFFICES[0]),
            attachments=[(f"EOFY_{o.refs[0]}.pdf", "application/pdf", pdf)],
            when=i,
        )

    k.pair(
        "relationships/accountant",
        ".eml",
        mail(z),
        mail(x),
        [MR],
        f"EOFY statement of {z.cid} sent to the accountant authorised by {x.cid} only",
        f"EOFY statement of {x.cid} sent to {x.cid}'s authorised accountant",
    )


def rel_owner_maintenance(k: Kit, i: int) -> None:
    (x, px), (y, _py) = k.owner(), k.owner()
    issue = ct.ISSUES[i % len(ct.ISSUES)]
    k.pair(
        "relationships/owner-approval",
        ".eml",
        render.Mail(
            k.staff(), [y.email], "Maintenance approval required", ct.maintenance_approval(k, x, px, issue, 380)
        ),
        render.Mail(
            k.staff(), [x.email], "Maintenance approval required", ct.maintenance_approval(k, x, px, issue, 380)
        ),
        [MR],
        f"approval request about {x.cid}'s property and tenant sent to owner {y.cid}",
        f"approval request to owner {x.cid} naming their property and its tenant",
    )


def rel_trade(k: Kit, i: int) -> None:
    (a, pa), (b, _pb) = k.tenant(), k.tenant()
    name, dom, box = world.TRADES[["plumbing", "electrical", "locks", "pest"][i % 4]]
    issue = ct.ISSUES[(i + 3) % len(ct.ISSUES)]
    good = ct.work_order(k, pa, a, name, issue, i)
    bad = good[:3] + [f"Tenant: {b.name}", f"Tenant mobile: {b.phone} (call to arrange access)"] + good[5:]

    def mail(lines: list[str]) -> render.Mail:
        return render.Mail(
            k.staff(),
            [f"{box}@{dom}"],
            f"Work order - {pa.address.street_line(1)}",
            "Hi team,\n\nPlease see the attached work order." + ct.signature(k, pa.office),
            attachments=[("work_order.pdf", "application/pdf", render.pdf_text("Work order", lines))],
            when=i,
        )

    k.pair(
        "relationships/trade-work-order",
        ".eml",
        mail(bad),
        mail(good),
        [MIX, MR],
        f"work order for {a.cid}'s property names {b.cid} and mobile (left from a previous job)",
        f"work order to a contracted trade firm naming tenant {a.cid}, mobile and property",
    )


def rel_trade_fv(k: Kit, i: int) -> None:
    v, _, f = k.fv(i + 4)
    name, dom, box = world.TRADES["plumbing"]
    good = ct.work_order(k, f.new, v, name, ct.ISSUES[i % 4], i, phone=False) + [
        "Access: collect keys from our office; do not contact the tenant directly."
    ]
    bad = ct.work_order(k, f.new, v, name, ct.ISSUES[i % 4], i, phone=True)

    def mail(lines: list[str]) -> render.Mail:
        return render.Mail(
            k.staff(), [f"{box}@{dom}"], "Work order", "\n".join(lines) + ct.signature(k, f.new.office), when=i
        )

    k.pair(
        "relationships/trade-work-order-confidential",
        ".eml",
        mail(bad),
        mail(good),
        [SUP],
        f"work order gives a contracted plumber {v.cid}'s suppressed mobile",
        f"work order for {v.cid}'s property to a contracted plumber, access through the office (the property is "
        "her suppressed address, which the trade must attend)",
        True,
    )


def rel_tribunal(k: Kit, i: int) -> None:
    v, ex, f = k.fv(i + 5)

    def app(service: str) -> render.Letter:
        return render.Letter(
            f.old.office,
            k.date(i),
            ["NSW Civil and Administrative Tribunal", "Registry", "PO Box K1026", "HAYMARKET NSW 1240"],
            "Application - Residential Tenancies Division",
            [
                "Applicant: the landlord, by its agent " + world.AGENCY + ".",
                f"Premises: {f.old.address.one_line()}",
                f"Respondent 1: {ex.name}, {f.old.address.one_line()}",
                f"Respondent 2: {v.name}, address for service: {service}",
                "Orders sought: termination of the tenancy and payment of rent arrears of $2,480.00.",
            ],
            [("Tenancy", f.old.tenancy), ("Filed by email", f"applications@{world.TRIBUNAL}")],
            sign=k.sign(),
        )

    k.pair(
        "relationships/tribunal-application",
        ".pdf",
        app(f.new.address.one_line()),
        app(f"c/- {world.AGENCY}, {f.old.office.address}"),
        [SUP],
        f"tribunal application gives {v.cid}'s suppressed new address for service (parties see each other)",
        f"tribunal application about {ex.cid} and {v.cid}'s tenancy, service on her through the agency",
        True,
    )


def rel_attorney(k: Kit, i: int) -> None:
    cands = [c for c in k.w.ordinary("owner") if c.authorised and k.w.by_owner(c.cid)]
    x = cands[i % len(cands)]
    y, _ = k.owner(authorised=False)
    to = x.authorised[0] if "@" in x.authorised[0] else k.w.c(x.authorised[0]).email

    def mail(o: ct.Client) -> render.Mail:
        rows = ct.statement_rows(k, o, k.w.by_owner(o.cid), "April")
        return render.Mail(
            k.staff(4),
            [to],
            f"Statement for folio {o.refs[0]}",
            "Hello,\n\nThe April statement:\n\n"
            + "\n".join(" | ".join(r) for r in rows)
            + ct.signature(k, world.OFFICES[1]),
            when=i,
        )

    k.pair(
        "relationships/authorised-contact",
        ".eml",
        mail(y),
        mail(x),
        [MR],
        f"statement of {y.cid} sent to the representative of {x.cid}",
        f"statement of {x.cid} sent to {x.cid}'s authorised representative",
    )


def hl_cc(k: Kit, i: int) -> None:
    x, px = k.owner()
    y, _ = k.owner()
    ok = (
        x.authorised[0]
        if x.authorised and "@" in x.authorised[0]
        else (k.w.c(x.joint[0]).email if x.joint else f"{world.STAFF[4][1]}@{world.INTERNAL}")
    )
    text = ct.maintenance_approval(k, x, px, ct.ISSUES[i % 10], 290)
    k.pair(
        "headers-links/cc",
        ".eml",
        render.Mail(k.staff(), [x.email], "Approval", text, cc=[y.email], when=i),
        render.Mail(k.staff(), [x.email], "Approval", text, cc=[ok], when=i),
        [MR],
        f"approval to {x.cid} also copied to unrelated owner {y.cid}",
        f"approval to {x.cid} copied to their co-owner, accountant or trust accounting",
    )


def hl_display_name(k: Kit, i: int) -> None:
    (a, pa), (b, _) = k.tenant(), k.tenant()
    text = (
        f"{ct.dear([a])}\n\nYour lease at {pa.address.one_line()} ({pa.tenancy}) ends on {k.date(i + 8)}. "
        "The owner has offered a 12-month renewal at the same rent." + ct.signature(k, pa.office)
    )
    k.pair(
        "headers-links/display-name",
        ".eml",
        render.Mail(k.staff(), [f'"{a.name}" <{b.email}>'], "Lease renewal offer", text, when=i),
        render.Mail(k.staff(), [f'"{a.name}" <{a.email}>'], "Lease renewal offer", text, when=i),
        [MR],
        f"renewal for {a.cid} sent to {b.cid}'s address under {a.cid}'s display name",
        f"renewal to {a.cid}",
    )


def hl_link(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()

    def mail(p: ct.Property) -> render.Mail:
        url = f"https://portal.{world.INTERNAL}/tenant/ledger?tenancy={p.tenancy}&view=full"
        return render.Mail(
            k.staff(),
            [a.email],
            "Your ledger link",
            f"Hi {a.given},\n\nYou can view and download your ledger here: {url}" + ct.signature(k, pa.office),
            html=f"<p>Hi {a.given},</p><p>You can view your ledger <a href='{url}'>here</a>.</p>",
            when=i,
        )

    k.pair(
        "headers-links/portal-link",
        ".eml",
        mail(pb),
        mail(pa),
        [MR],
        f"portal link for {b.cid}'s tenancy sent to {a.cid}",
        f"portal link for {a.cid}'s own tenancy",
    )


def hl_subject(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()
    text = (
        f"{ct.dear([a])}\n\nYour water usage invoice is attached as a summary below: 84 kL, $212.40, due "
        f"{k.date(i + 6)}." + ct.signature(k, pa.office)
    )
    k.pair(
        "headers-links/subject",
        ".eml",
        render.Mail(k.staff(), [a.email], f"Water usage - {pb.address.street_line(1)} - {pb.tenancy}", text, when=i),
        render.Mail(k.staff(), [a.email], f"Water usage - {pa.address.street_line(1)} - {pa.tenancy}", text, when=i),
        [MR],
        f"subject line of mail to {a.cid} names {b.cid}'s property and tenancy",
        f"water invoice to {a.cid}",
    )


def sl_phone(k: Kit, i: int) -> None:
    v, ex, f = k.fv(i)
    intl = "+61 " + v.phone[1:]
    base = (
        f"{ct.dear([ex])}\n\nRegarding the break-lease costs for {f.old.address.one_line()}: "
        "both tenants remain jointly liable until the tribunal decides."
    )
    k.pair(
        "suppressed-loose/phone-format",
        ".eml",
        render.Mail(
            k.staff(),
            [ex.email],
            "Break lease",
            base + f" Your co-tenant has asked that any questions go to her on {intl}." + ct.signature(k, f.old.office),
            when=i,
        ),
        render.Mail(
            k.staff(),
            [ex.email],
            "Break lease",
            base + " Please direct any questions to our office." + ct.signature(k, f.old.office),
            when=i,
        ),
        [SUP],
        f"{v.cid}'s suppressed mobile in international format sent to former partner {ex.cid}",
        f"break-lease email to {ex.cid} without {v.cid}'s contact details",
        True,
    )


def sl_suburb(k: Kit, i: int) -> None:
    v, ex, f = k.fv(i + 1)
    base = f"{ct.dear([ex])}\n\nThe final inspection for {f.old.address.one_line()} is booked for {k.date(i + 2)}."
    k.pair(
        "suppressed-loose/suburb",
        ".eml",
        render.Mail(
            k.staff(),
            [ex.email],
            "Final inspection",
            base + f" {v.title} {v.family} has moved to "
            f"{f.new.address.suburb} and won't attend." + ct.signature(k, f.old.office),
            when=i,
        ),
        render.Mail(
            k.staff(),
            [ex.email],
            "Final inspection",
            base + f" {v.title} {v.family} has moved out and won't attend." + ct.signature(k, f.old.office),
            when=i,
        ),
        [SUP],
        f"{v.cid}'s suppressed new suburb told to former partner {ex.cid}",
        f"email to {ex.cid} saying {v.cid} moved out, no location",
        True,
    )


def sl_jobsheet(k: Kit, i: int) -> None:
    v, _, f = k.fv(i + 2)
    a, pa = k.tenant()
    name, dom, box = world.TRADES["electrical"]
    good = ct.work_order(k, pa, a, name, ct.ISSUES[5], i)
    bad = good + [
        f"Also while in the area: check safety switch at {f.new.address.street_line(3)} "
        f"{f.new.address.suburb} (tenant {v.title} {v.family})"
    ]

    def mail(lines: list[str]) -> render.Mail:
        return render.Mail(
            k.staff(),
            [f"{box}@{dom}"],
            "Job sheet",
            "Job sheet attached.",
            attachments=[("jobsheet.pdf", "application/pdf", render.pdf_text("Job sheet", lines))],
            when=i,
        )

    k.pair(
        "suppressed-loose/job-sheet",
        ".eml",
        mail(bad),
        mail(good),
        [SUP, MIX],
        f"job sheet for {a.cid}'s property adds {v.cid}'s suppressed address abbreviated",
        f"job sheet for {a.cid}'s property only",
        True,
    )


def sl_reference(k: Kit, i: int) -> None:
    v, _, f = k.fv(i + 3)
    agent = f"leasing@{['coastalrealty', 'pinnaclerentals', 'northshorepm'][i % 3]}.example"
    k.pair(
        "suppressed-loose/agent-reference",
        ".eml",
        render.Mail(
            k.staff(),
            [agent],
            f"Tenant reference - {v.name}",
            ct.reference_letter(k, v, f.new, "Leasing team", True),
            when=i,
        ),
        render.Mail(
            k.staff(),
            [agent],
            f"Tenant reference - {v.name}",
            ct.reference_letter(k, v, f.new, "Leasing team", False),
            when=i,
        ),
        [SUP],
        f"reference for {v.cid} to another agency gives her suppressed current address",
        f"reference for {v.cid} (requested by her) without her address",
        True,
    )


def sl_internal(k: Kit, i: int) -> None:
    v, _, f = k.fv(i + 4)
    text = (
        f"Hi,\n\nFor the file: {v.title} {v.given} {v.family} has moved into {f.new.address.one_line(i)}, new "
        f"mobile {v.phone}. Old tenancy {f.old.tenancy} stays open until the tribunal hearing."
    )
    k.pair(
        "suppressed-loose/internal",
        ".eml",
        render.Mail(k.staff(3), [f"{world.STAFF[1 + i % 3][1]}@{world.INTERNAL}"], "File note", text, when=i),
        render.Mail(k.staff(3), [world.FV_STAFF[0]], "File note", text, when=i),
        [SUP],
        f"{v.cid}'s suppressed address and mobile to a staff member outside the suppressed-detail list",
        f"same file note for {v.cid} to the agency's safety team (listed staff)",
        True,
    )


def sl_owner_tenant_phone(k: Kit, i: int) -> None:
    v, _, f = k.fv(i + 5)
    o = k.w.c(f.new.owners[0])
    base = ct.maintenance_approval(k, o, f.new, ct.ISSUES[(i + 1) % 10], 520)
    k.pair(
        "suppressed-loose/owner-approval",
        ".eml",
        render.Mail(
            k.staff(), [o.email], "Approval required", base + f"\n\nTenant contact for access: {v.phone}", when=i
        ),
        render.Mail(k.staff(), [o.email], "Approval required", base, when=i),
        [SUP],
        f"owner {o.cid} of {v.cid}'s new property is given her suppressed mobile",
        f"approval request to owner {o.cid} naming their own property (which is {v.cid}'s suppressed address)",
        True,
    )


CASES = [
    (rel_ex_new_tenancy, 3),
    (rel_accountant, 3),
    (rel_owner_maintenance, 3),
    (rel_trade, 2),
    (rel_trade_fv, 3),
    (rel_tribunal, 2),
    (rel_attorney, 2),
    (hl_cc, 3),
    (hl_display_name, 3),
    (hl_link, 2),
    (hl_subject, 2),
    (sl_phone, 3),
    (sl_suburb, 2),
    (sl_jobsheet, 2),
    (sl_reference, 2),
    (sl_internal, 2),
    (sl_owner_tenant_phone, 3),
]
