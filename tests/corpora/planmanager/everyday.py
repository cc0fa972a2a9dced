"""Ordinary legitimate mail (all `allow`): remittances, statements, welcome packs, invitations, NDIA and
guardian correspondence, newsletters, out-of-office replies, SMS reminders, internal mail, provider queries."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from .cases_mail import csv_bytes, quote, send, staff
from .content import (
    AEST,
    address_block,
    fdate,
    mailbox,
    money,
    ndis_form,
    parent_block,
    remittance_rows,
    review_reminder,
    statement,
    total,
    welcome,
    when,
)
from .corpus import Corpus, render
from .formats import Att, eml, html_table, ics, pdf_document
from .people import ORG

D = date(2025, 3, 4)


def build(c: Corpus) -> None:
    reg, cast = c.reg, c.reg.cast
    approved = [p for p in reg.providers if p.approved]
    n = max(12, round(86 * c.scale))
    makers = [
        remit_pdf,
        remit_html,
        letter_stmt,
        letter_nominee,
        email_stmt,
        invite,
        ndia,
        newsletter,
        ooo,
        sms,
        internal,
        provider_query,
        welcome_pack,
        sole_remit,
        own_suppressed,
        guardian,
        thread_everyday,
        price_update,
        review_letter,
        sil_house,
    ]
    for i in range(n):
        r = random.Random(c.rng.randrange(2**31))
        fn = makers[i % len(makers)]
        ext, data, note = fn(c, reg, cast, approved, r, i)
        c.add(ext, data, f"everyday/{fn.__name__.replace('_', '-')}", "allow", note)


def remit_pdf(c, reg, cast, approved, r, i):
    prov = approved[i % len(approved)]
    people = r.sample(reg.served[prov.email], min(len(reg.served[prov.email]), r.randint(3, 6)))
    rows = remittance_rows(reg, prov, people, r, 3)
    doc = pdf_document(
        "Remittance advice",
        [
            (
                "p",
                f"To: {prov.name} (ABN {prov.abn})   Payment date: {fdate(D, 1)}   "
                f"EFT ref: WPP{r.randint(10**6, 10**7)}",
            ),
            ("p", "BSB xxx-x42  Account xxxxx871"),
            ("t", rows),
            ("h", f"Total paid: {total(rows)}"),
        ],
        f"rem{i}",
    )
    ext, data = send(
        r,
        [prov.email],
        f"Remittance advice {fdate(D, 1)} - {prov.name}",
        f"Hi {prov.contact} team,\n\nRemittance attached for {len(rows) - 1} invoices.",
        st=staff(r, 1),
        atts=[Att(f"Remittance_{fdate(D, 7)}.pdf", "application/pdf", doc)],
    )
    return ext, data, "remittance to approved provider for its own participants: " + ",".join(p.cid for p in people)


def remit_html(c, reg, cast, approved, r, i):
    prov = approved[(i + 2) % len(approved)]
    people = r.sample(reg.served[prov.email], min(len(reg.served[prov.email]), 4))
    rows = remittance_rows(reg, prov, people, r, 2)
    html = (
        f'<div style="font-family:Arial;font-size:13px"><p>Remittance advice - paid {fdate(D, 4)}</p>'
        f"{html_table(rows)}<p><b>Total: {total(rows)}</b></p></div>"
    )
    ext, data = send(r, [prov.email], "Remittance advice", "Remittance advice - see HTML.", st=staff(r, 1), html=html)
    return ext, data, "HTML remittance to approved provider: " + ",".join(p.cid for p in people)


def letter_stmt(c, reg, cast, approved, r, i):
    p = reg.next_fill()
    fmt = ["pdf-window", "pdf-right", "docx-para", "rtf", "txt"][i % 5]
    ext, data = render(statement(reg, p, address_block(p, i), r, D, ndis_style=i, dob_style=i), fmt, f"ev{i}")
    return ext, data, f"statement of {p.cid} to him/her ({fmt})"


def letter_nominee(c, reg, cast, approved, r, i):
    k = ["k1", "k2", "n1", "n2", "n3"][i % 5]
    p = cast[k]
    nom = cast[k + ("_parent" if k.startswith("k") else "_nom")]
    block = parent_block(p, nom, i) if k.startswith("k") else address_block(nom, i)
    ext, data = render(statement(reg, p, block, r, D, nominee=nom), ["pdf-window", "docx-table"][i % 2], f"nm{i}")
    return ext, data, f"statement of {p.cid} to nominee {nom.cid}"


def email_stmt(c, reg, cast, approved, r, i):
    p = reg.next_fill()
    body = (
        f"Hi {p.given},\n\nYour February summary ({p.wpp}): {money(r.randint(200, 4000))} paid to providers. "
        f"Core Supports remaining: {money(r.randint(4000, 60000))}. NDIS {ndis_form(p.ndis, i)}."
    )
    ext, data = send(r, [mailbox(p)], "Your February summary", body)
    return ext, data, f"summary to {p.cid}'s own e-mail"


def invite(c, reg, cast, approved, r, i):
    k = ["n1", "n2", "n3"][i % 3]
    p, nom = cast[k], cast[k + "_nom"]
    prov = next(x for x in approved if p in reg.served[x.email] or x is approved[0])
    cal = ics(
        f"sc-{p.cid}-{i}",
        f"Support coordination meeting - {p.given}",
        datetime(2025, 3, 10 + i % 10, 10, 0, tzinfo=AEST),
        60,
        "Wattlebrook Plan Partners, Level 2, 61 Mitchell Street, Bendigo VIC 3550",
        f"Agenda: progress against goals, budget check, next plan review. NDIS {p.ndis}.",
        f"p.daintree@{ORG['domain']}",
        [(p.name, p.emails[0]), (nom.name, nom.emails[0])],
    )
    ext, data = send(
        r,
        [mailbox(p), mailbox(nom)],
        f"Invitation: Support coordination meeting - {p.given}",
        "Please accept the invitation below.",
        st=staff(r, 2),
        atts=[Att("invite.ics", "text/calendar", cal.encode(), {"method": "REQUEST"})],
    )
    _ = prov
    return ext, data, f"invitation to {p.cid} and nominee {nom.cid}"


def ndia(c, reg, cast, approved, r, i):
    p = reg.next_fill()
    kind = ["plan reassessment request", "change of circumstances", "unscheduled review", "quote for AT"][i % 4]
    body = (
        f"Hello,\n\nRe: {p.name}   NDIS number: {p.ndis}   DOB: {fdate(p.dob, i)}\n\nWe submit a {kind} for "
        f"the participant, with consent dated {fdate(D - timedelta(days=9))}. Their address is "
        f"{p.addr.one_line()}. Supporting reports are attached to the NDIA portal request."
    )
    ext, data = send(r, ["enquiries@ndia.gov.example"], f"{kind.capitalize()} - {p.ndis}", body, st=staff(r, 3))
    return ext, data, f"{kind} about {p.cid} to the NDIA (approved)"


def newsletter(c, reg, cast, approved, r, i):
    html = (
        f'<table width="600" cellpadding="0" style="font-family:Arial;border:1px solid #ddd">'
        f'<tr><td style="background:#2e6b4f;color:#fff;padding:16px;font-size:18px">Wattlebrook News</td></tr>'
        f'<tr><td style="padding:16px"><h3>Pricing changes from 1 July</h3><p>The NDIA has published new price '
        "limits. Your providers may update their service agreements. Nothing changes in your plan budget.</p>"
        "<h3>Meet our new coordinator</h3><p>Our team has grown in Echuca: drop in on Thursdays.</p>"
        f'<p style="font-size:11px;color:#777">{ORG["name"]} ABN {ORG["abn"]} | {ORG["phone"]}</p></td></tr>'
        "</table>"
    )
    ext, data = send(
        r,
        [f"news@{ORG['domain']}"],
        "Wattlebrook News - Autumn",
        "Wattlebrook News (HTML).",
        html=html,
        bcc=["undisclosed-recipients:;"],
    )
    return ext, data, "newsletter with no client data"


def ooo(c, reg, cast, approved, r, i):
    st = staff(r)
    prov = approved[i % len(approved)]
    body = (
        f"Thank you for your email. I am out of the office until Monday {fdate(D + timedelta(days=6))} with "
        f"limited access to email.\n\nFor urgent invoice matters please contact accounts@{ORG['domain']} or "
        f"call {ORG['phone']}.\n\n{st[0]}"
    )
    data = eml(
        f'"{st[0]}" <{st[2]}>',
        [prov.email],
        "Automatic reply: Invoice query",
        body,
        when(i),
        f"ooo{i}",
        headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
    )
    return "eml", data, "out-of-office reply to a provider"


def sms(c, reg, cast, approved, r, i):
    p = reg.next_fill()
    num = "61" + p.phones[0].replace(" ", "")[1:] if p.phones else "61400000000"
    body = (
        f"Hi {p.given}, reminder: your support coordination catch-up is Thu {10 + i % 12}/3 at 2pm by phone. "
        "Reply C to confirm. Wattlebrook"
    )
    data = eml(
        f"Wattlebrook SMS <sms@{ORG['domain']}>", [f"{num}@sms.smsbroadcast.example"], "SMS", body, when(i), f"sms{i}"
    )
    return "eml", data, f"SMS reminder to {p.cid}'s own number (first name only)"


def internal(c, reg, cast, approved, r, i):
    if i % 2:
        v = cast[["v1", "v2", "v5"][i % 3]]
        body = (
            f"Hi team,\n\nSafety update for {v.name} ({v.wpp}): new address {v.addr.one_line()}. "
            "Record locked; former nominee flagged."
        )
        to = [f"safety@{ORG['domain']}"]
        note = f"suppressed details of {v.cid} to the safety team (suppressed_detail_staff)"
    else:
        p = reg.next_fill()
        body = (
            f"Hi Mason,\n\nCan you check the duplicate invoice for {p.name}, {p.ndis}, DOB {fdate(p.dob, 1)}, "
            f"{p.addr.one_line()}? Kestrel says they were paid twice."
        )
        to = [f"m.okoro@{ORG['domain']}", f"accounts@{ORG['domain']}"]
        note = f"internal message about {p.cid}"
    ext, data = send(r, to, "Internal", body, st=staff(r, 0))
    return ext, data, note


def provider_query(c, reg, cast, approved, r, i):
    prov = approved[i % len(approved)]
    p = reg.served[prov.email][i % len(reg.served[prov.email])]
    body = (
        f"Hello {prov.contact},\n\nInvoice {prov.name[:2].upper()}{r.randint(1000, 9999)} for {p.name} "
        f"(NDIS {p.ndis}) uses support item {prov.items[0][0]} on {fdate(D - timedelta(days=20), 1)}, but the "
        "service agreement covers weekdays only. Could you check and re-issue if needed?"
    )
    ext, data = send(r, [prov.email], f"Invoice query - {p.name}", body, st=staff(r, 1))
    return ext, data, f"invoice query about {p.cid} to her approved provider"


def welcome_pack(c, reg, cast, approved, r, i):
    p = reg.next_fill()
    ext, data = render(welcome(p, address_block(p, i), D), ["docx-table", "docx-para", "html"][i % 3], f"w{i}")
    return ext, data, f"welcome pack letter to {p.cid}"


def sole_remit(c, reg, cast, approved, r, i):
    prov = [reg.provider("jharlowe"), reg.provider("ossies"), reg.provider("calmwaters")][i % 3]
    people = reg.served[prov.email][:2]
    rows = remittance_rows(reg, prov, people, r, 2)
    ext, data = send(
        r,
        [prov.email],
        f"Remittance - {prov.name}",
        f"Hi {prov.contact},\n\nPaid today:\n\n" + "\n".join("  ".join(x) for x in rows) + f"\n\nTotal {total(rows)}",
        st=staff(r, 1),
    )
    return (
        ext,
        data,
        "remittance to a sole trader for the participants who authorised it: " + ",".join(p.cid for p in people),
    )


def own_suppressed(c, reg, cast, approved, r, i):
    v = cast[["v1", "v5", "v2"][i % 3]]
    ext, data = render(
        statement(reg, v, address_block(v, i), r, D, show_contact=(i % 2 == 0)),
        ["pdf-window", "docx-para"][i % 2],
        f"os{i}",
    )
    return ext, data, f"statement to {v.cid} at her own suppressed address"


def guardian(c, reg, cast, approved, r, i):
    g = cast["g2"]
    body = (
        f"Dear Guardianship team,\n\nMonthly update for {g.name} (NDIS {g.ndis}, DOB {fdate(g.dob, 0)}): "
        "SIL supports steady; dental appointment booked; no incidents reported by Banksia."
    )
    ext, data = send(
        r, ["guardianship@publicadvocate.vic.gov.example"], f"Monthly update - {g.wpp}", body, st=staff(r, 3)
    )
    return ext, data, f"monthly update about {g.cid} to the Public Advocate (approved, authorised)"


def thread_everyday(c, reg, cast, approved, r, i):
    prov = approved[(i + 1) % len(approved)]
    p = reg.served[prov.email][(i * 3) % len(reg.served[prov.email])]
    old = f"Hi Wattlebrook,\n\nHas invoice KE{r.randint(1000, 9999)} for {p.name} been paid yet?\n\nThanks, accounts"
    body = (
        f"Hi,\n\nYes, paid on {fdate(D - timedelta(days=3), 0)}.\n\nOn Mon, 3 Mar 2025 at 15:20, "
        f"{prov.name} <{prov.email}> wrote:\n" + quote(old)
    )
    ext, data = send(r, [prov.email], "Re: invoice status", body, st=staff(r, 1))
    return ext, data, f"reply to approved provider quoting its question about {p.cid}"


def price_update(c, reg, cast, approved, r, i):
    to = [x.email for x in approved[:3]]
    ext, data = send(
        r,
        [f"providers@{ORG['domain']}"],
        "Invoicing reminder for providers",
        "Dear providers,\n\nPlease include the participant's NDIS number, the support item number and "
        "the date of service on every invoice, and send invoices within 30 days.",
        st=staff(r, 1),
        bcc=to,
    )
    return ext, data, "reminder to providers, no client data"


def review_letter(c, reg, cast, approved, r, i):
    p = cast[["rmb", "lot", "pobox", "careof", "t1a", "t1b", "t2a", "t2b"][i % 8]]
    ext, data = render(review_reminder(p, address_block(p, i), D), ["pdf-window", "rtf", "docx-table"][i % 3], f"rv{i}")
    return ext, data, f"plan review letter to {p.cid} at his/her own address"


def sil_house(c, reg, cast, approved, r, i):
    p = cast[f"s{1 + i % 4}"]
    if i % 2:
        rows = [["Resident", "NDIS", "SIL hours Feb"]] + [
            [cast[f"s{k}"].name, cast[f"s{k}"].ndis, str(r.randint(200, 600))] for k in range(1, 5)
        ]
        ext, data = send(
            r,
            ["accounts@banksiacare.example"],
            "Kurrajong St house - SIL hours",
            "Hi Banksia,\n\nHours for the house attached.",
            st=staff(r, 1),
            atts=[Att("kurrajong_feb.csv", "text/csv", csv_bytes(rows))],
        )
        return ext, data, "SIL hours for the 4 residents to their SIL provider (approved)"
    ext, data = render(statement(reg, p, address_block(p, i), r, D), "pdf-window", f"sil{i}")
    return ext, data, f"statement to SIL resident {p.cid} at her room"
