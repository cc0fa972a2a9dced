"""Incident/twin pairs in mail: headers-links, suppressed-loose, mime-parts, threads, html-mail, bulk, unmerged,
unscannable."""

from __future__ import annotations

import csv
import io

from docx import Document
from docx.oxml import parse_xml

from .corpus import CONTRACTORS, NCAT, ORG_DOMAIN, SAFETY_STAFF, VCAT, Corpus, rent_statement, sal, staff
from .formats import Letter, _docx_save, docx_bytes, pdf_bytes, pdf_table, render

MIS = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed"]
TEN = f"tenancy@{ORG_DOMAIN}"
CONTRACTOR_MAIL = [f"jobs@{d}" for d in CONTRACTORS]


def _emailable(cx: Corpus):
    return [c for c in cx.reg.tenants() if c.emails]


def headers(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.reps(2)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b, i=i):
            to = b.emails[0] if bad else a.emails[0]
            text = (
                f"Dear {a.given},\n\nThanks for calling today. Your rent account {a.racct} is now up to date and the "
                f"repair to the hot water service at {a.prop.inline(1)} is booked for Thursday.\n\nKind regards\n"
                f"Tenancy Officer, Bluegum Housing"
            )
            return (
                "eml",
                cx.eml(staff(i), [to], "Your rent account and repair", text),
                (f"email about {a.cid} sent to the email of {b.cid}" if bad else f"email about {a.cid} to own address"),
            )

        cx.pair("headers-links/wrong-to-address", MIS, mk)

    for i in range(cx.reps(1)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b, i=i):
            to = f'"{a.name}" <{(b if bad else a).emails[0]}>'
            text = (
                f"Hello {a.given},\n\nYour lease renewal for tenancy {a.tref} is attached for "
                "signing.\n\nBluegum Housing"
            )
            return (
                "eml",
                cx.eml(staff(i + 2), [to], "Lease renewal", text),
                (f"display name {a.cid} but mailbox of {b.cid}" if bad else f"{a.cid} display name and own mailbox"),
            )

        cx.pair("headers-links/display-name-mismatch", MIS, mk)

    for i in range(cx.reps(2)):
        a, b = cx.neighbours()
        while not (a.emails and b.emails):
            a, b = cx.neighbours()

        def mk(bad, a=a, b=b, i=i):
            cc = [b.emails[0]] if bad else [staff(i + 1)]
            text = (
                f"Dear {sal(a)},\n\nWe have received a complaint about noise from {a.prop.inline(2)} late at night. "
                f"Please contact us to discuss (tenancy {a.tref}).\n\nTenancy Services"
            )
            return (
                "eml",
                cx.eml(staff(i), [a.emails[0]], "Neighbourhood complaint", text, cc=cc),
                (
                    f"complaint to {a.cid} copied to neighbour {b.cid}"
                    if bad
                    else f"complaint to {a.cid} copied to staff"
                ),
            )

        cx.pair("headers-links/cc-neighbour", ["mismatched_recipient"], mk)

    for i in range(cx.reps(1)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b, i=i):
            who = a if bad else b
            link = f"https://portal.bluegumhousing.example/statement?account={who.racct}&tenancy={who.tref}"
            text = f"Hi {b.given},\n\nYour March statement is ready: {link}\n\nBluegum Housing"
            html = f'<p>Hi {b.given},</p><p>Your March statement is ready: <a href="{link}">view statement</a></p>'
            return (
                "eml",
                cx.eml(f"noreply@{ORG_DOMAIN}", [b.emails[0]], "Your statement is ready", text, html=html),
                (f"link to {a.cid}'s statement sent to {b.cid}" if bad else f"{b.cid} own statement link"),
            )

        cx.pair("headers-links/portal-link", ["mismatched_recipient"], mk)


def suppressed(cx: Corpus) -> None:
    reg = cx.reg
    vs = reg.victims
    for i in range(cx.reps(2)):
        v = vs[i % len(vs)]

        def mk(bad, v=v, i=i):
            access = (
                f"Tenant: {v.given} {v.family}, access phone {v.phones[0]}"
                if bad
                else (
                    f"Tenant: {v.given} {v.family}, access by arrangement with Bluegum Tenancy Safety "
                    "team, 1300 258 486"
                )
            )
            text = (
                f"Work order WO-2026-{51200 + i}\nProperty: PROP-{40100 + i * 7} (address provided by "
                f"phone)\n{access}\n"
                "Job: replace broken window lock in rear bedroom. Priority: urgent (safety).\nDo not discuss this "
                "job with anyone else.\n\nBluegum Maintenance"
            )
            return (
                "eml",
                cx.eml(f"maintenance@{ORG_DOMAIN}", [CONTRACTOR_MAIL[i % 4]], f"Work order WO-2026-{51200 + i}", text),
                (
                    f"work order for {v.cid} gives suppressed phone to contractor"
                    if bad
                    else f"work order for {v.cid}, office access number"
                ),
            )

        cx.pair("suppressed-loose/work-order-access-phone", SUP, mk, suppressed=True)

    for i in range(cx.reps(2)):
        v = vs[(i + 1) % len(vs)]

        def mk(bad, v=v, i=i):
            where = (
                f"Property: {v.postal.inline(i)}"
                if bad
                else f"Property: PROP-{40300 + i * 5} (address by phone from Tenancy Safety)"
            )
            letter = Letter(
                to_lines=[CONTRACTORS["fixright-maintenance.example"], "12 Industrial Drive", "WODONGA VIC 3690"],
                subject=f"Work order WO-2026-{52000 + i}",
                refs=[f"Invoice to quote: INV-{88100 + i}"],
                paras=[
                    where,
                    "Install security screen door and deadlocks. Tenant requests a female tradesperson if possible.",
                    "Key: collect K-2210 from our Wodonga office.",
                ],
            )
            att = pdf_bytes(letter)
            text = "Please find the attached work order. Contact the Tenancy Safety team before attending."
            return (
                "eml",
                cx.eml(
                    f"maintenance@{ORG_DOMAIN}",
                    ["jobs@fixright-maintenance.example"],
                    f"WO-2026-{52000 + i}",
                    text,
                    attachments=[(f"WO-2026-{52000 + i}.pdf", att)],
                ),
                (
                    f"work order PDF gives suppressed address of {v.cid}"
                    if bad
                    else f"work order for {v.cid} with property id only"
                ),
            )

        cx.pair("suppressed-loose/work-order-address", SUP, mk, suppressed=True)

    for i in range(cx.reps(2)):
        v = vs[(i + 2) % len(vs)]

        def mk(bad, v=v, i=i):
            to = f"maintenance@{ORG_DOMAIN}" if bad else SAFETY_STAFF[i % len(SAFETY_STAFF)]
            text = (
                f"Transfer completed for {v.given} {v.family} ({v.tref}).\nNew address: {v.postal.inline(i + 1)}\n"
                f"New mobile: {v.phones[0]}\nPlease mark the file restricted.\n\n{staff(i)}"
            )
            return (
                "eml",
                cx.eml(staff(i), [to], "FV transfer completed - restricted", text),
                (
                    f"suppressed details of {v.cid} to an internal mailbox not on the safety list"
                    if bad
                    else f"suppressed details of {v.cid} to the safety team"
                ),
            )

        cx.pair("suppressed-loose/internal-transfer", SUP, mk, suppressed=True)

    for i in range(cx.reps(2)):
        v = vs[(i + 3) % len(vs)]
        perp = v.perp
        nsw = perp.postal.state == "NSW"

        def mk(bad, v=v, perp=perp, nsw=nsw, i=i):
            service = (
                v.postal.inline(i) if bad else "c/- Bluegum Community Housing Ltd, PO Box 1180, Shepparton VIC 3632"
            )
            letter = Letter(
                to_lines=[
                    "Registry",
                    "NSW Civil and Administrative Tribunal" if nsw else "VCAT Residential Tenancies List",
                ],
                subject=f"Application for compensation - {perp.postal.inline(1)}",
                refs=[f"Tenancy ref: {v.refs[0]}"],
                paras=[
                    f"Respondent: {perp.name}, {perp.postal.inline(1)}.",
                    f"Former co-tenant (witness): {v.name}. Address for service: {service}.",
                    "The landlord seeks compensation of $3,480.00 for damage to the premises.",
                ],
            )
            to = f"registry@{NCAT if nsw else VCAT}"
            return (
                "eml",
                cx.eml(
                    f"legal@{ORG_DOMAIN}",
                    [to],
                    "Application - compensation",
                    "Application attached.",
                    attachments=[("application.pdf", pdf_bytes(letter))],
                ),
                (
                    f"tribunal application gives suppressed address of {v.cid}"
                    if bad
                    else f"tribunal application, {v.cid} served c/- Bluegum"
                ),
            )

        cx.pair("suppressed-loose/tribunal-address-for-service", SUP, mk, suppressed=True)

    for i in range(cx.reps(2)):
        v = vs[(i + 5) % len(vs)]
        perp = v.perp
        pe = perp.emails[0] if perp.emails else f"{perp.given.lower()}.{perp.family.lower()}@mailbox.example"

        def mk(bad, v=v, perp=perp, pe=pe, i=i):
            ph = v.phones[0].replace(" ", "")
            shown = [f"+61 {ph[1:4]} {ph[4:7]} {ph[7:]}", f"{ph[:4]}-{ph[4:7]}-{ph[7:]}", ph][i % 3]
            line = (
                f"If you need to arrange the return of belongings, {v.given} can be reached on {shown}."
                if bad
                else "If you need to arrange the return of belongings, please contact us and we will pass on a message."
            )
            text = (
                f"Dear {perp.given},\n\nYour bond claim has been lodged (tenancy "
                f"{v.refs[0]}).\n{line}\n\nTenancy Services"
            )
            return (
                "eml",
                cx.eml(staff(i), [pe], "Bond claim lodged", text),
                (
                    f"email to {perp.cid} carries suppressed phone of {v.cid}"
                    if bad
                    else f"email to {perp.cid}, no suppressed detail of {v.cid}"
                ),
            )

        cx.pair("suppressed-loose/phone-written-differently", SUP, mk, suppressed=True)

    for i in range(cx.reps(1)):
        v = vs[(i + 6) % len(vs)]
        perp = v.perp

        def mk(bad, v=v, perp=perp, i=i):
            where = (
                f"has moved to {v.postal.street_line(3)}, {v.postal.town}"
                if bad
                else "has moved to another Bluegum property"
            )
            letter = Letter(
                to_lines=[perp.name, *perp.postal.lines(3)],
                subject="Change to your tenancy",
                refs=[f"Tenancy ref: {perp.tref}"],
                paras=[
                    f"Dear {sal(perp)},",
                    f"{v.given} {where} and has been removed from your lease. You are now the "
                    "sole tenant and responsible for the full rent.",
                ],
            )
            ext, data = render(letter, "txt")
            return (
                ext,
                data,
                (
                    f"letter to {perp.cid} describes suppressed address of {v.cid} loosely"
                    if bad
                    else f"letter to {perp.cid}, {v.cid} removed from lease without address"
                ),
            )

        cx.pair("suppressed-loose/address-in-prose", SUP, mk, suppressed=True)


def mime(cx: Corpus) -> None:
    rng = cx.rng
    for i, fmt in enumerate(["pdf-window", "docx-para"] * cx.reps(1)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b, i=i, fmt=fmt):
            ext, att = render(rent_statement(rng, a, b if bad else a, i), fmt)
            text = f"Dear {a.given},\n\nPlease find your rent statement attached.\n\nBluegum Rent Services"
            return (
                "eml",
                cx.eml(
                    f"rent.services@{ORG_DOMAIN}",
                    [a.emails[0]],
                    "Your rent statement",
                    text,
                    attachments=[(f"statement.{ext}", att)],
                    cte="base64" if i % 2 else "quoted-printable",
                ),
                (
                    f"email to {a.cid} with statement of {b.cid} attached"
                    if bad
                    else f"email to {a.cid} with own statement"
                ),
            )

        cx.pair("mime-parts/wrong-attachment", MIS, mk)

    for i in range(cx.reps(1)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b, i=i):
            about = b if bad else a
            inner = cx.eml(
                about.emails[0],
                [TEN],
                "Re: my repair",
                f"Hi, the leak at {about.prop.inline(1)} is back. My tenancy is {about.tref}.\n{about.name}",
            )
            text = f"Dear {a.given},\n\nFor your records, your earlier message is attached.\n\nTenancy Services"
            return (
                "eml",
                cx.eml(staff(i), [a.emails[0]], "Fw: my repair", text, inner=inner),
                (f"forwarded message from {b.cid} sent to {a.cid}" if bad else f"{a.cid}'s own message forwarded back"),
            )

        cx.pair("mime-parts/forwarded-message", MIS, mk)

    for i in range(cx.reps(2)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b, i=i):
            who = b if bad else a
            ics = "\r\n".join(
                [
                    "BEGIN:VCALENDAR",
                    "VERSION:2.0",
                    "PRODID:-//Bluegum Housing//Meetings//EN",
                    "METHOD:REQUEST",
                    "BEGIN:VEVENT",
                    f"UID:meeting-{i}-{a.cid}@bluegumhousing.example",
                    "DTSTAMP:20260302T090000Z",
                    "DTSTART:20260312T230000Z",
                    "DTEND:20260312T233000Z",
                    f"SUMMARY:Tenancy meeting - {who.tref}",
                    f"DESCRIPTION:Payment plan meeting for {who.name}\\, rent account {who.racct}",
                    f"ORGANIZER:mailto:{staff(i)}",
                    f"ATTENDEE;CN={a.name}:mailto:{a.emails[0]}",
                    "LOCATION:Bluegum office\\, 220 Wyndham Street\\, Shepparton",
                    "END:VEVENT",
                    "END:VCALENDAR",
                    "",
                ]
            )
            return (
                "eml",
                cx.eml(
                    staff(i),
                    [a.emails[0]],
                    "Invitation: tenancy meeting",
                    "You are invited to a meeting.",
                    attachments=[("invite.ics", ics.encode())],
                ),
                (
                    f"invitation to {a.cid} describes meeting about {b.cid}"
                    if bad
                    else f"invitation to {a.cid} about own tenancy"
                ),
            )

        cx.pair("mime-parts/calendar-invitation", MIS, mk)

    for _ in range(cx.reps(1)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b):
            who = b if bad else a
            text = f"Dear {a.given},\n\nYour annual rent review is complete. Details are in the HTML version.\n"
            html = (
                "<p>Dear "
                f"{a.given},</p><table><tr><td>Tenancy</td><td>{who.tref}</td></tr><tr><td>Account</td><td>{who.racct}</td></tr></table>"
            )
            return (
                "eml",
                cx.eml(f"rent.services@{ORG_DOMAIN}", [a.emails[0]], "Annual rent review", text, html=html),
                (f"HTML part for {a.cid} holds account of {b.cid}" if bad else f"HTML part with {a.cid}'s own account"),
            )

        cx.pair("mime-parts/html-alternative", MIS, mk)


def threads(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.reps(2)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b, i=i):
            about = b if bad else a
            text = (
                f"Hi {a.given},\n\nYes, the plumber is booked for Monday.\n\nRegards\nTenancy Services\n\n"
                f"On Tue, 24 Feb 2026 at 10:14, {staff(i + 1)} wrote:\n> Can we book a plumber for {about.name} at "
                f"{about.prop.inline(2)}?\n> Tenancy {about.tref}, mobile {about.phones[0]}.\n> Thanks"
            )
            return (
                "eml",
                cx.eml(staff(i), [a.emails[0]], "Re: plumber booking", text),
                (
                    f"reply to {a.cid} quotes internal note about {b.cid}"
                    if bad
                    else f"reply to {a.cid} quotes note about herself"
                ),
            )

        cx.pair("threads/quoted-history", MIS, mk)

    for i in range(cx.reps(2)):
        v = cx.reg.victims[(i + 3) % len(cx.reg.victims)]

        def mk(bad, v=v, i=i):
            ph = v.phones[0] if bad else "[number held by Tenancy Safety]"
            text = (
                "Please attend for the lock change below.\n\n---------- Forwarded message "
                f"---------\nFrom: {SAFETY_STAFF[0]}\n"
                f"Subject: urgent lock change PROP-{40500 + i}\n\nTenant {v.given} {v.family} needs "
                "locks changed today. "
                f"Call her on {ph} 30 minutes before arriving.\n"
            )
            return (
                "eml",
                cx.eml(f"maintenance@{ORG_DOMAIN}", ["jobs@southernlocks.example"], "Fw: urgent lock change", text),
                (
                    f"forward to locksmith quotes suppressed phone of {v.cid}"
                    if bad
                    else f"forward to locksmith, {v.cid}'s phone withheld"
                ),
            )

        cx.pair("threads/forward-to-contractor", SUP, mk, suppressed=True)

    for i in range(cx.reps(1)):
        v = cx.reg.victims[(i + 7) % len(cx.reg.victims)]
        perp = v.perp
        pe = perp.emails[0] if perp.emails else f"{perp.given.lower()}{perp.family.lower()}@inbox.example"

        def mk(bad, v=v, perp=perp, pe=pe, i=i):
            quoted = (
                f"> From: {SAFETY_STAFF[0]}\n> {v.given} has moved to {v.postal.inline(1)}; email "
                f"{v.emails[0]}.\n> Do not disclose.\n"
                if bad
                else ""
            )
            text = (
                f"Hi,\n\nYour request to remove {v.given} from the lease has been processed.\n\nTenancy Services\n\n"
                f"> From: {staff(i)}\n> Can someone reply to the remaining tenant?\n{quoted}"
            )
            return (
                "eml",
                cx.eml(staff(i), [pe], "Re: lease change", text),
                (
                    f"reply to {perp.cid} quotes internal chain with suppressed details of {v.cid}"
                    if bad
                    else f"reply to {perp.cid}, internal chain trimmed"
                ),
            )

        cx.pair("threads/internal-chain-to-former-partner", SUP, mk, suppressed=True)


def html_mail(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.reps(2)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b, i=i):
            who = b if bad else a
            html = (
                f"<html><body><h1>Bluegum News - Autumn 2026</h1><p>Hi {a.given},</p>"
                '<div style="border:1px solid #3a7"><h3>Your account</h3><p>Tenancy '
                f"{who.tref}<br>Balance $0.00</p></div>"
                "<p>Community garden working bee, Saturday 14 March. Free flu vaccinations at our Wodonga office.</p>"
                "</body></html>"
            )
            return (
                "eml",
                cx.eml(
                    f"news@{ORG_DOMAIN}",
                    [a.emails[0]],
                    "Bluegum News - Autumn 2026",
                    "Bluegum News - Autumn 2026",
                    html=html,
                ),
                (
                    f"newsletter to {a.cid} shows account of {b.cid}"
                    if bad
                    else f"newsletter to {a.cid} with own account"
                ),
            )

        cx.pair("html-mail/newsletter-account-panel", MIS, mk)

    for _ in range(cx.reps(1)):
        a, b = rng.sample(_emailable(cx), 2)

        def mk(bad, a=a, b=b):
            hidden = (
                f'<div style="display:none">merge: {b.name}; {b.postal.inline(0)}; {b.tref}</div>'
                if bad
                else '<div style="display:none">merge: newsletter-autumn</div>'
            )
            html = (
                f"<html><body><p>Hi {a.given},</p>{hidden}<p>Our new Tenant Advisory Group meets "
                "monthly.</p></body></html>"
            )
            return (
                "eml",
                cx.eml(
                    f"news@{ORG_DOMAIN}",
                    [a.emails[0]],
                    "Join our Tenant Advisory Group",
                    "Join our Tenant Advisory Group",
                    html=html,
                ),
                (f"hidden HTML block to {a.cid} carries details of {b.cid}" if bad else f"newsletter to {a.cid}"),
            )

        cx.pair("html-mail/hidden-block", MIS, mk)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode()


def bulk(cx: Corpus) -> None:
    reg, rng = cx.reg, cx.rng
    perps = [v.perp for v in reg.victims]
    everyone = [c for c in reg.clients if c.kind == "tenant" and c not in perps]
    # victims are left out: their property and phone are suppressed, which would make every list an exposure
    for i in range(cx.reps(2)):
        jobs = rng.sample(reg.blocks[i % len(reg.blocks)], 3)
        many = rng.sample(everyone, 64)

        def mk(bad, jobs=jobs, many=many, i=i):
            rows = [
                [c.prop.inline(1), c.name, c.phones[0], f"WO-2026-{60000 + n}"]
                for n, c in enumerate(many if bad else jobs)
            ]
            data = _csv(["Property", "Tenant", "Access phone", "Work order"], rows)
            to = CONTRACTOR_MAIL[i % 4]
            return (
                "eml",
                cx.eml(
                    f"maintenance@{ORG_DOMAIN}",
                    [to],
                    "Smoke alarm round - job list",
                    "Job list attached.",
                    attachments=[("jobs.csv", data)],
                ),
                (
                    f"full tenant list ({len(rows)} clients) to contractor"
                    if bad
                    else "job list of 3 properties to contractor"
                ),
            )

        cx.pair("bulk/contractor-extract", ["bulk_client_data"], mk)

    for i in range(cx.reps(1)):
        many = rng.sample(everyone, 55)

        def mk(bad, many=many, i=i):
            rows = [
                [
                    c.name,
                    c.dob.isoformat() if c.dob else "",
                    c.postal.inline(0),
                    c.tref,
                    "Priority" if n % 4 == 0 else "General",
                ]
                for n, c in enumerate(many)
            ]
            data = _csv(["Applicant", "DOB", "Current address", "Ref", "Category"], rows)
            to = "housing.partners@rivercommunityhomes.example" if bad else f"allocations@{ORG_DOMAIN}"
            return (
                "eml",
                cx.eml(
                    staff(i),
                    [to],
                    "Allocation list - March",
                    "Allocation list attached.",
                    attachments=[("allocations.csv", data)],
                ),
                (
                    "allocation list of 55 clients to an outside housing partner"
                    if bad
                    else "allocation list to internal allocations team"
                ),
            )

        cx.pair("bulk/allocation-list", ["bulk_client_data"], mk)

    for i in range(cx.reps(1)):
        many = rng.sample(everyone, 48)

        def mk(bad, many=many, i=i):
            rows = [[c.name, c.racct, c.prop.inline(1), f"${rng.randint(200, 3000)}"] for c in many]
            data = pdf_table("Arrears report - February 2026", ["Tenant", "Account", "Property", "Arrears"], rows)
            to = "a.penrose.home@mailbox.example" if bad else f"finance@{ORG_DOMAIN}"
            return (
                "eml",
                cx.eml(staff(0), [to], "Arrears report", "Report attached.", attachments=[("arrears.pdf", data)]),
                ("arrears report of 48 clients to a private mailbox" if bad else "arrears report to internal finance"),
            )

        cx.pair("bulk/arrears-report", ["bulk_client_data"], mk)

    for _ in range(cx.reps(1)):
        vic_tenants = [c for c in everyone if c.prop.state == "VIC"]
        few, many = rng.sample(vic_tenants, 4), rng.sample(vic_tenants, 52)

        def mk(bad, few=few, many=many):
            rows = [[c.name, c.tref, c.prop.inline(1), "Possession - rent arrears"] for c in (many if bad else few)]
            data = _csv(["Respondent", "Landlord ref", "Premises", "Application"], rows)
            return (
                "eml",
                cx.eml(
                    f"legal@{ORG_DOMAIN}",
                    [f"registry@{VCAT}"],
                    "Hearing list",
                    "List attached.",
                    attachments=[("hearings.csv", data)],
                ),
                (f"{len(rows)} respondents to the tribunal"),
            )

        cx.pair("bulk/tribunal-list", ["bulk_client_data"], mk)


def unmerged(cx: Corpus) -> None:
    rng = cx.rng
    cases = [
        ("«FirstName»", "pdf-window"),
        ("{{tenancy_ref}}", "eml"),
        ("<<Title>>", "docx-para"),
        ("[Surname]", "txt"),
        ("MERGEFIELD", "docx-field"),
        ("«Property_Address»", "pdf-right"),
    ]
    for i, (ph, fmt) in enumerate(cases * cx.reps(1)):
        c = rng.choice(_emailable(cx))

        def mk(bad, c=c, ph=ph, fmt=fmt, i=i):
            letter = rent_statement(rng, c, c, i)
            note = f"unmerged {ph} in letter to {c.cid}" if bad else f"merged letter to {c.cid}"
            if fmt == "eml":
                ref = ph if bad else c.tref
                return (
                    "eml",
                    cx.eml(
                        f"rent.services@{ORG_DOMAIN}",
                        [c.emails[0]],
                        "Your rent statement",
                        f"Dear {c.given},\n\nYour statement for tenancy {ref} is below.\n",
                    ),
                    note,
                )
            if fmt == "docx-field":
                doc = Document()
                for line in letter.to_lines:
                    doc.add_paragraph(line)
                doc.add_paragraph("")
                if bad:
                    p = parse_xml(
                        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                        '<w:r><w:t xml:space="preserve">Dear </w:t></w:r>'
                        '<w:fldSimple w:instr=" MERGEFIELD Surname \\* MERGEFORMAT '
                        '"><w:r><w:t>«Surname»</w:t></w:r></w:fldSimple>'
                        "<w:r><w:t>,</w:t></w:r></w:p>"
                    )
                    doc.element.body.append(p)
                else:
                    doc.add_paragraph(f"Dear {sal(c)},")
                for para in letter.paras[1:]:
                    doc.add_paragraph(para)
                return "docx", _docx_save(doc), note
            if bad:
                if ph.startswith("«P"):
                    letter.subject = f"Rent statement - {ph}"
                elif "First" in ph or "Title" in ph:
                    letter.paras[0] = f"Dear {ph} {c.family}," if "Title" in ph else f"Dear {ph},"
                else:
                    letter.paras[0] = f"Dear {c.title} {ph},"
            ext, data = render(letter, fmt)
            return ext, data, note

        cx.pair(
            "unmerged/"
            + [
                "guillemets",
                "handlebars",
                "angle-brackets",
                "square-brackets",
                "mergefield-code",
                "guillemets-subject",
            ][i % 6],
            ["unmerged_field"],
            mk,
        )


def unscannable(cx: Corpus) -> None:
    rng = cx.rng
    for _ in range(cx.reps(1)):
        c = rng.choice(_emailable(cx))

        def mk(bad, c=c):
            data = pdf_bytes(rent_statement(rng, c, c, 0), encrypt=bad)
            return (
                "eml",
                cx.eml(
                    f"rent.services@{ORG_DOMAIN}",
                    [c.emails[0]],
                    "Your statement",
                    "Statement attached (password: your date of birth).",
                    attachments=[("statement.pdf", data)],
                ),
                (f"password-protected statement to {c.cid}" if bad else f"statement to {c.cid}"),
            )

        cx.pair("unscannable/encrypted-pdf", ["unscannable_content"], mk)

    for _ in range(cx.reps(1)):
        c = rng.choice(_emailable(cx))

        def mk(bad, c=c):
            data = docx_bytes(rent_statement(rng, c, c, 1))
            if bad:
                data = data[: len(data) // 3]
            return (
                "eml",
                cx.eml(
                    f"rent.services@{ORG_DOMAIN}",
                    [c.emails[0]],
                    "Your lease documents",
                    "Lease documents attached.",
                    attachments=[("lease.docx", data)],
                ),
                (f"corrupt DOCX attachment to {c.cid}" if bad else f"lease DOCX to {c.cid}"),
            )

        cx.pair("unscannable/corrupt-docx", ["unscannable_content"], mk)

    for _ in range(cx.reps(1)):
        c = rng.choice(cx.reg.tenants())

        def mk(bad, c=c):
            data = pdf_bytes(rent_statement(rng, c, c, 2))
            if bad:
                data = data[: len(data) // 2]
            return "pdf", data, (f"truncated PDF letter to {c.cid}" if bad else f"PDF letter to {c.cid}")

        cx.pair("unscannable/truncated-pdf", ["unscannable_content"], mk)
