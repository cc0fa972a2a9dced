"""Ordinary legitimate mail of all kinds (all "allow")."""

from __future__ import annotations

import csv
import io

from .corpus import (
    CONTRACTORS,
    LETTERS,
    NCAT,
    ORG_DOMAIN,
    SA_DOMAIN,
    SAFETY_STAFF,
    VCAT,
    Corpus,
    block,
    dob_text,
    name_line,
    rent_statement,
    sal,
    staff,
)
from .formats import Letter, pdf_bytes, pdf_table, render

FMTS = ["pdf-window", "pdf-right", "docx-para", "docx-table", "docx-textbox", "rtf", "html-grid", "html-table", "txt"]


def everyday(cx: Corpus) -> None:
    reg, rng = cx.reg, cx.rng
    makers = [
        _own_letter,
        _own_letter,
        _joint_letter,
        _work_order,
        _centrepay,
        _tribunal,
        _referral,
        _newsletter,
        _meeting,
        _internal,
        _vacancies,
        _victim_own,
        _victim_email,
        _own_letter,
        _family_contact,
        _invoice,
        _household,
        _own_email,
        _contractor_letter,
        _safety_internal,
    ]
    total = max(len(makers), round(88 * cx.scale))
    for k in range(total):
        cat, ext, data, note = makers[k % len(makers)](cx, k)
        cx.add("everyday/" + cat, ext, data, "allow", note=note)
    del reg, rng


def _own_letter(cx: Corpus, k: int):
    pools = [
        cx.reg.tenants(),
        cx.reg.rooming,
        [c for c in cx.reg.clients if c.postal.po],
        [c for c in cx.reg.clients if c.postal.co],
    ]
    c = cx.rng.choice(pools[k % 4])
    make = LETTERS[k % len(LETTERS)]
    fmt = FMTS[k % len(FMTS)]
    ext, data = render(make(cx.rng, c, c, k), fmt)
    return f"{make.__name__.replace('_', '-')}", ext, data, f"{c.cid} own letter ({fmt})"


def _joint_letter(cx: Corpus, k: int):
    x, y = cx.reg.joint_pairs[k % len(cx.reg.joint_pairs)]
    name = (
        f"{x.title} {x.given[0]} & {y.title} {y.given[0]} {x.family}"
        if x.family == y.family
        else f"{x.name} & {y.name}"
    )
    letter = LETTERS[k % 4](cx.rng, x, x, k)
    letter.to_lines = block(x, k, name=name)
    letter.paras[0] = f"Dear {x.given} and {y.given},"
    ext, data = render(letter, FMTS[k % len(FMTS)])
    return "joint-tenants", ext, data, f"letter to joint tenants {x.cid} and {y.cid}"


def _work_order(cx: Corpus, k: int):
    c = cx.rng.choice(cx.reg.tenants())
    dom = list(CONTRACTORS)[k % len(CONTRACTORS)]
    wo = f"WO-2026-{70000 + k * 17}"
    letter = Letter(
        to_lines=[CONTRACTORS[dom], "Accounts and Scheduling"],
        subject=f"Work order {wo}",
        refs=[f"Property: PROP-{31000 + k}", f"Quote ref: Q-{5500 + k}"],
        paras=[
            f"Address: {c.prop.inline(1)}",
            f"Tenant: {c.name}, access phone {c.phones[0]}",
            "Job: "
            + [
                "leaking kitchen tap",
                "replace smoke alarm battery",
                "rekey front door, issue 3 keys",
                "switchboard tripping",
                "blocked toilet",
            ][k % 5],
            "Attend within 5 business days. Invoice quoting the work order number.",
        ],
    )
    text = f"Hi team,\n\nWork order {wo} attached.\n\nBluegum Maintenance"
    data = cx.eml(
        f"maintenance@{ORG_DOMAIN}",
        [f"jobs@{dom}"],
        f"Work order {wo}",
        text,
        attachments=[(f"{wo}.pdf", pdf_bytes(letter))],
    )
    return "work-order", "eml", data, f"work order naming {c.cid} to approved contractor"


def _centrepay(cx: Corpus, k: int):
    c = cx.rng.choice([x for x in cx.reg.tenants() if x.crn and x.dob])
    text = (
        f"Centrepay deduction variation\n\nCustomer: {c.name}\nDOB: {dob_text(c, k)}\nCRN: "
        f"{c.crn}\nNew amount: $172.00 per fortnight\n"
        f"Reference: {c.racct}\nBSB 633-000 Account 1847 2291 05\n\nBluegum Rent Services"
    )
    data = cx.eml(f"rent.services@{ORG_DOMAIN}", [f"centrepay.business@{SA_DOMAIN}"], "Centrepay variation", text)
    return "centrepay", "eml", data, f"Centrepay variation for {c.cid} to Services Australia"


def _tribunal(cx: Corpus, k: int):
    c = cx.rng.choice(cx.reg.tenants())
    nsw = c.prop.state == "NSW"
    letter = Letter(
        to_lines=["Registry", "NSW Civil and Administrative Tribunal" if nsw else "VCAT Residential Tenancies List"],
        subject="Application for possession - rent arrears",
        refs=[f"Landlord ref: {c.tref}"],
        paras=[
            f"Tenant: {c.name}",
            f"Premises: {c.prop.inline(0)}",
            f"Arrears: ${cx.rng.randint(1500, 5200)}.00 at 27 February 2026",
            "Notice to vacate served 3 February 2026.",
        ],
    )
    data = cx.eml(
        f"legal@{ORG_DOMAIN}",
        [f"registry@{NCAT if nsw else VCAT}"],
        "Application for possession",
        "Application attached.",
        attachments=[("application.pdf", pdf_bytes(letter))],
    )
    return "tribunal-application", "eml", data, f"tribunal application about {c.cid}"


def _referral(cx: Corpus, k: int):
    c = cx.rng.choice([x for x in cx.reg.clients if any("@" in a for a in x.auth)])
    worker = [a for a in c.auth if "@" in a][0]
    text = (
        f"Hi,\n\nAs agreed with {c.given}, here is an update on the tenancy ({c.tref}). Rent is up to date and the "
        f"repair at {c.prop.inline(1)} is finished. Her mobile is still {c.phones[0]}.\n\nRegards\n{staff(k)}"
    )
    if c.kind == "victim":
        text = f"Hi,\n\n{c.given}'s tenancy ({c.tref}) is going well. The rent is up to date. Speak soon.\n\n{staff(k)}"
    data = cx.eml(staff(k), [worker], "Tenancy update", text)
    return "support-worker", "eml", data, f"update on {c.cid} to authorised support worker"


def _newsletter(cx: Corpus, k: int):
    c = cx.rng.choice([x for x in cx.reg.tenants() if x.emails])
    html = (
        "<html><body><h1>Bluegum News</h1><p>Hi " + c.given + ",</p><p>Rent increases take effect from 4 May. "
        "Our Shepparton office closes at 3 pm on Fridays in April. Tenant photo competition: send entries to "
        f"news@{ORG_DOMAIN}.</p><p>Emergency repairs after hours: 1800 258 911.</p></body></html>"
    )
    data = cx.eml(f"news@{ORG_DOMAIN}", [c.emails[0]], "Bluegum News", "Bluegum News - see HTML version", html=html)
    return "newsletter", "eml", data, f"newsletter to {c.cid}"


def _meeting(cx: Corpus, k: int):
    c = cx.rng.choice([x for x in cx.reg.tenants() if x.emails])
    ics = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Bluegum Housing//Meetings//EN",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            f"UID:tag-{k}@bluegumhousing.example",
            "DTSTAMP:20260302T090000Z",
            "DTSTART:20260319T080000Z",
            "DTEND:20260319T093000Z",
            "SUMMARY:Tenant Advisory Group",
            "LOCATION:Wodonga Community Hall",
            f"ORGANIZER:mailto:{staff(k)}",
            f"ATTENDEE;CN={c.name}:mailto:{c.emails[0]}",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    data = cx.eml(
        staff(k),
        [c.emails[0]],
        "Invitation: Tenant Advisory Group",
        "Invitation attached.",
        attachments=[("invite.ics", ics.encode())],
    )
    return "meeting-invitation", "eml", data, f"meeting invitation to {c.cid}"


def _internal(cx: Corpus, k: int):
    a, b = cx.rng.sample(cx.reg.tenants(), 2)
    text = (
        f"Hi,\n\nCan you check the arrears on {a.racct} ({a.name}) and {b.racct} ({b.name}) before the case meeting? "
        f"{a.given}'s phone is {a.phones[0]}.\n\nThanks"
    )
    data = cx.eml(staff(k), [staff(k + 1)], "Arrears check", text)
    return "internal", "eml", data, f"internal email about {a.cid} and {b.cid}"


def _vacancies(cx: Corpus, k: int):
    rows = [
        [
            f"PROP-{32000 + i * 3}",
            cx.rng.choice(["1 bed unit", "2 bed unit", "3 bed house", "rooming house room"]),
            cx.rng.choice(["Shepparton", "Wodonga", "Albury", "Bendigo", "Wagga Wagga"]),
            f"${cx.rng.randint(140, 320)}/wk",
        ]
        for i in range(18)
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["Property id", "Type", "Town", "Rent"])
    w.writerows(rows)
    data = cx.eml(
        f"allocations@{ORG_DOMAIN}",
        ["intake@gvtenancysupport.example"],
        "Vacancies this week",
        "Current vacancies attached (no tenant details).",
        attachments=[("vacancies.csv", buf.getvalue().encode())],
    )
    return "vacancy-list", "eml", data, "vacancy list with property ids only"


def _victim_own(cx: Corpus, k: int):
    v = cx.reg.victims[k % len(cx.reg.victims)]
    ext, data = render(LETTERS[k % 4](cx.rng, v, v, k), FMTS[k % len(FMTS)])
    return "own-suppressed-address", ext, data, f"{v.cid}'s own letter to her suppressed address"


def _victim_email(cx: Corpus, k: int):
    v = cx.reg.victims[(k + 3) % len(cx.reg.victims)]
    text = (
        f"Dear {v.given},\n\nWelcome to your new home at {v.postal.inline(1)}. Your new "
        f"tenancy is {v.tref}. We have your "
        f"mobile as {v.phones[0]}; these details are restricted on our system.\n\nTenancy Safety team"
    )
    data = cx.eml(SAFETY_STAFF[0], [v.emails[0]], "Welcome to your new home", text)
    return "own-suppressed-details", "eml", data, f"email to {v.cid} at her own suppressed email"


def _family_contact(cx: Corpus, k: int):
    c = cx.rng.choice([x for x in cx.reg.clients if any(a.startswith("C") and cx.reg.by_id[a].emails for a in x.auth)])
    rel = cx.reg.by_id[[a for a in c.auth if a.startswith("C")][0]]
    text = (
        f"Dear {rel.given},\n\nAs {c.given}'s authorised contact: the rent for {c.tref} is up "
        "to date and the inspection is on 20 March.\n\nBluegum"
    )
    data = cx.eml(staff(k), [rel.emails[0]], f"{c.given}'s tenancy", text)
    return "authorised-family", "eml", data, f"update on {c.cid} to authorised client {rel.cid}"


def _invoice(cx: Corpus, k: int):
    dom = list(CONTRACTORS)[k % 4]
    text = (
        f"Hi,\n\nInvoice INV-{90100 + k} for work order WO-2026-{71000 + k} (property "
        f"PROP-{33000 + k}, key K-{1400 + k}) "
        "was paid on 27 February, remittance 448812.\n\nBluegum Accounts"
    )
    data = cx.eml(f"accounts@{ORG_DOMAIN}", [f"accounts@{dom}"], f"Remittance INV-{90100 + k}", text)
    return "contractor-invoice", "eml", data, "remittance with invoice, work order, property and key numbers only"


def _household(cx: Corpus, k: int):
    head, m = cx.reg.households[k % len(cx.reg.households)]
    letter = Letter(
        to_lines=block(head, k),
        subject="Your lease",
        refs=[f"Tenancy ref: {head.tref}"],
        paras=[
            f"Dear {sal(head)},",
            f"{m.name} (born {dob_text(m, k)}) has been added to your lease as a household member.",
            "Household income now counts both incomes for rent assessment.",
        ],
    )
    ext, data = render(letter, FMTS[(k + 2) % len(FMTS)])
    return "household-member", ext, data, f"letter to {head.cid} naming own household member {m.cid}"


def _own_email(cx: Corpus, k: int):
    c = cx.rng.choice([x for x in cx.reg.tenants() if x.emails])
    ext, att = render(rent_statement(cx.rng, c, c, k), ["pdf-window", "docx-para"][k % 2])
    text = (
        f"Dear {c.given},\n\nYour statement for account {c.racct} is attached. Phone us on "
        "1300 258 486 with any questions."
    )
    data = cx.eml(
        f"rent.services@{ORG_DOMAIN}",
        [c.emails[0]],
        "Rent statement",
        text,
        attachments=[(f"statement.{ext}", att)],
        cte="quoted-printable" if k % 2 else None,
    )
    return "own-email", "eml", data, f"email to {c.cid} with own statement"


def _contractor_letter(cx: Corpus, k: int):
    rows = [
        [f"PROP-{34000 + i}", c.prop.inline(1), c.name, f"WO-2026-{72000 + i}"]
        for i, c in enumerate(cx.rng.sample(cx.reg.blocks[k % 6], 4))
    ]
    data = pdf_table("Gutter cleaning - block round", ["Property", "Address", "Tenant", "Work order"], rows)
    eml = cx.eml(
        f"maintenance@{ORG_DOMAIN}",
        [f"jobs@{list(CONTRACTORS)[k % 4]}"],
        "Block round",
        "Four jobs attached.",
        attachments=[("round.pdf", data)],
    )
    return "contractor-job-sheet", "eml", eml, "job sheet of 4 units in one block to approved contractor"


def _safety_internal(cx: Corpus, k: int):
    v = cx.reg.victims[(k + 5) % len(cx.reg.victims)]
    text = (
        f"{v.given} {v.family} ({v.tref}) - new phone {v.phones[0]}, address "
        f"{v.postal.inline(2)}. Please update the restricted file."
    )
    data = cx.eml(staff(k), [SAFETY_STAFF[k % len(SAFETY_STAFF)]], "Restricted file update", text)
    return "safety-team", "eml", data, f"suppressed details of {v.cid} to safety staff"


_ = name_line
