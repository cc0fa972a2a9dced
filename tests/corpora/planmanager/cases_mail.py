"""E-mail incidents and their twins: recipient-own-details, relationships, headers-links, suppressed-loose,
identifiers-dates, mime-parts, threads, html-mail, bulk, unmerged and unscannable attachments."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, datetime, timedelta

from .content import (
    AEST,
    address_block,
    card_number,
    fdate,
    mailbox,
    medicare,
    money,
    ndis_form,
    phone_form,
    remittance_rows,
    signature,
    statement,
    total,
    welcome,
    when,
)
from .corpus import Corpus
from .formats import Att, docx_letter, eml, html_table, ics, pdf_document, pdf_letter
from .people import ORG, STAFF, Person

MR = ["mismatched_recipient", "mixed_client_documents"]
SUP = ["suppressed_detail_exposed", "mismatched_recipient"]
D = date(2025, 3, 4)


def staff(r: random.Random, i: int | None = None) -> tuple[str, str, str]:
    name, role, local = STAFF[r.randrange(len(STAFF)) if i is None else i]
    return name, role, f"{local}@{ORG['domain']}"


def send(r: random.Random, to: list[str], subject: str, body: str, st=None, **kw) -> tuple[str, bytes]:
    st = st or staff(r)
    mid = f"{r.randrange(16**12):012x}"
    t = when(r.randrange(400))
    frm = f'"{st[0]}" <{st[2]}>'
    return "eml", eml(frm, to, subject, body + signature(st), t, mid, **kw)


def csv_bytes(rows: list[list[str]], bom: bool = False, delim: str = ",") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    w.writerows(rows)
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")


def quote(text: str, depth: int = 1) -> str:
    return "\n".join(">" * depth + (" " + line if line else "") for line in text.splitlines())


def build(c: Corpus) -> None:
    reg, cast = c.reg, c.reg.cast
    kest, banks, river = reg.provider("kestrel"), reg.provider("banksia"), reg.provider("riverred")
    jem, ossie, calm = reg.provider("jharlowe"), reg.provider("ossies"), reg.provider("calmwaters")
    v1, v1_ex, v1_adv, v2, v2_ex = cast["v1"], cast["v1_ex"], cast["v1_adv"], cast["v2"], cast["v2_ex"]
    v3, child, v4, v5 = cast["v3"], cast["v3_child"], cast["v4"], cast["v5"]

    # ---- recipient-own-details by e-mail -----------------------------------------------------------------------
    other = reg.next_fill()

    def own_email(bad, r):
        to = [mailbox(other)] if bad else [f'"{v4.name}" <{v4.emails[0]}>']
        body = (
            f"Hi {v4.given},\n\nAs you asked on the phone this morning, we have updated your contact details. "
            f"We will now call you on {v4.phones[0]} and write to {v4.emails[0]}. Your postal address stays "
            f"{v4.addr.one_line()}.\n\nThese details are marked confidential in our system and are not shared "
            "with your providers."
        )
        return send(r, to, "Your contact details have been updated", body)

    c.pair(
        "recipient-own-details/confirm-new-contacts",
        own_email,
        SUP,
        f"{v4.cid}'s suppressed phone and email confirmed to another participant {other.cid} (autocomplete)",
        f"{v4.cid}'s suppressed phone and email confirmed to her own suppressed email",
        suppressed=True,
    )

    n1, n2 = cast["n1"], cast["n2"]

    def own_email2(bad, r):
        to = [mailbox(n2 if bad else n1)]
        body = (
            f"Dear {n1.given},\n\nThank you for confirming your details for the NDIA access review:\n\n"
            f"  Name: {n1.name}\n  Date of birth: {fdate(n1.dob, 0)}\n  NDIS number: {ndis_form(n1.ndis, 1)}\n"
            f"  Address: {n1.addr.one_line()}\n\nWe will send these to the NDIA with your consent form."
        )
        return send(r, to, "Details for your access review", body)

    c.pair(
        "recipient-own-details/confirm-details",
        own_email2,
        MR,
        f"{n1.cid}'s details sent to another participant {n2.cid}",
        f"{n1.cid}'s details sent to him",
    )

    # ---- relationships --------------------------------------------------------------------------------------------
    n1_nom, n2_nom = cast["n1_nom"], cast["n2_nom"]

    def nominee(bad, r):
        lt = statement(reg, n1, address_block(n1, 0), r, D)
        pdf = pdf_letter(lt, "window", "nom")
        to = [mailbox(n2_nom if bad else n1_nom)]
        return send(
            r,
            to,
            f"Statement of plan spending - February 2025 - {n1.wpp}",
            f"Hello,\n\nPlease find attached the February statement for {n1.given}.",
            atts=[Att(f"Statement_{n1.wpp}_Feb2025.pdf", "application/pdf", pdf)],
        )

    c.pair(
        "relationships/nominee-email",
        nominee,
        MR,
        f"statement of {n1.cid} e-mailed to {n2_nom.cid}, nominee of another participant",
        f"statement of {n1.cid} e-mailed to his nominee {n1_nom.cid}",
    )

    def victim_stmt(bad, r):
        lt = statement(reg, v1, address_block(v1, 0), r, D)
        pdf = pdf_letter(lt, "window", "v1stmt")
        to = [mailbox(v1_ex) if bad else f"{v1.given} <{v1.emails[0]}>"]
        return send(
            r,
            to,
            "Your February statement",
            f"Hi {v1.given},\n\nYour statement for February is attached.",
            atts=[Att("Statement_Feb2025.pdf", "application/pdf", pdf)],
        )

    c.pair(
        "relationships/former-nominee",
        victim_stmt,
        SUP,
        f"{v1.cid}'s statement (suppressed address in the window) e-mailed to revoked nominee {v1_ex.cid}",
        f"{v1.cid}'s statement e-mailed to her own (suppressed) address",
        suppressed=True,
    )

    def household(bad, r):
        body = (
            f"Hi {v2_ex.given},\n\nYou asked about the shared cleaning support at your old household record. "
            f"The last invoice under the joint arrangement for you and {v2.given} {v2.family} was paid on "
            "12 February and the arrangement is now closed. Your own plan is not affected."
        )
        if bad:
            body += (
                f"\n\nIf Kestrel need to reach {v2.given} about the final invoice they can call her on "
                f"{phone_form(v2.phones[0], 0)}."
            )
        return send(r, [mailbox(v2_ex)], "Shared household support - closed", body)

    c.pair(
        "relationships/joint-related-client",
        household,
        ["suppressed_detail_exposed"],
        f"note to related client {v2_ex.cid} gives {v2.cid}'s suppressed mobile",
        f"note to related client {v2_ex.cid} naming {v2.cid} without her contact details",
        suppressed=True,
    )

    k1, k1p, k1o = cast["k1"], cast["k1_parent"], cast["k1_other"]

    def kid(bad, r):
        body = (
            f"Hi {(k1o if bad else k1p).given},\n\n{k1.given}'s occupational therapy invoices from Riverred "
            f"for February are paid ({money(387.98)}). {k1.given} ({ndis_form(k1.ndis, 0)}) has "
            f"{money(2140.05)} left in Improved Daily Living until the plan ends on "
            f"{fdate(k1.plan['end'])}."
        )
        return send(r, [mailbox(k1o if bad else k1p)], f"{k1.given}'s therapy budget", body)

    c.pair(
        "relationships/child-parent-email",
        kid,
        ["mismatched_recipient"],
        f"child {k1.cid}'s budget e-mailed to other parent {k1o.cid} (not a nominee)",
        f"child {k1.cid}'s budget e-mailed to nominee parent {k1p.cid}",
    )

    g2 = cast["g2"]

    def guardian(bad, r):
        to = ["guardianship.advocate@netmail.example" if bad else "guardianship@publicadvocate.vic.gov.example"]
        body = (
            f"Dear Guardianship team,\n\nRe: {g2.name}, DOB {fdate(g2.dob, 1)}, NDIS {g2.ndis}\n\n"
            f"{g2.given}'s SIL provider has proposed a change of room at Acacia House. As {g2.given}'s "
            "guardian for accommodation decisions, could you please confirm whether you consent? The "
            "provider's proposal is attached to our case note WPP-CN-2291."
        )
        return send(r, to, f"Consent sought - accommodation - {g2.wpp}", body)

    c.pair(
        "relationships/public-guardian",
        guardian,
        ["mismatched_recipient"],
        f"guardianship request about {g2.cid} sent to a look-alike private address",
        f"guardianship request about {g2.cid} to the Public Advocate (approved, authorised)",
    )

    def tribunal(bad, r):
        addr = v1.addr.one_line() if bad else "withheld (family violence safety - contact Wattlebrook)"
        doc = pdf_document(
            "Report to the Tribunal",
            [
                ("p", f"Participant: {v1.name}   NDIS number: {v1.ndis}   Date of birth: {fdate(v1.dob)}"),
                ("p", f"Residential address: {addr}"),
                ("h", "Support coordination history"),
                (
                    "p",
                    "Support coordination started in July 2024. The participant was supported to move to safe "
                    "housing in January 2025 and to change her plan nominee arrangements.",
                ),
            ],
            "trib",
        )
        return send(
            r,
            ["registry@vcat.vic.gov.example"],
            "VCAT ref G2025/0412 - report of support coordinator",
            "Dear Registrar,\n\nPlease find our report attached for the hearing on 18 March 2025.",
            st=staff(r, 3),
            atts=[Att("Report_G2025-0412.pdf", "application/pdf", doc)],
        )

    c.pair(
        "relationships/tribunal",
        tribunal,
        ["suppressed_detail_exposed"],
        f"report to the tribunal (approved) prints {v1.cid}'s suppressed address",
        f"report to the tribunal about {v1.cid} with her address withheld",
        suppressed=True,
    )

    st1, st2, st3, st4 = cast["st1"], cast["st2"], cast["st3"], cast["st4"]

    def sole(bad, r):
        rows = remittance_rows(reg, jem, [st1, st2, st3] if bad else [st1, st2], r)
        return send(
            r,
            [jem.email],
            f"Remittance advice - {jem.name} - {fdate(D, 1)}",
            f"Hi {jem.contact},\n\nWe paid {len(rows) - 1} invoices today, total {total(rows)}:\n\n"
            + "\n".join("  ".join(x) for x in rows),
            st=staff(r, 1),
        )

    c.pair(
        "relationships/sole-trader-provider",
        sole,
        MR,
        f"remittance to sole trader authorised for {st1.cid},{st2.cid} also lists {st3.cid}",
        f"remittance to sole trader for her two clients {st1.cid},{st2.cid} (consent recorded)",
    )

    n3 = cast["n3"]

    def psych(bad, r):
        who = n3 if bad else st4
        return send(
            r,
            [calm.email],
            f"Invoice CW-2231 - {who.name}",
            f"Hello,\n\nInvoice CW-2231 for {who.name} (NDIS {who.ndis}) lists 15_046_0128_1_3 at $230.00 "
            "an hour, above the price limit of $214.41. Could you please reissue it?",
            st=staff(r, 1),
        )

    c.pair(
        "relationships/non-approved-provider",
        psych,
        ["mismatched_recipient"],
        f"invoice query about {n3.cid} sent to a practice she has not authorised",
        f"invoice query about {st4.cid} to his psychologist (authorised)",
    )

    def ndia(bad, r):
        phone = phone_form(v4.phones[0], 0) if bad else "through Wattlebrook on " + ORG["phone"]
        body = (
            f"Hello,\n\nChange of circumstances: {v4.name}, NDIS {v4.ndis}, DOB {fdate(v4.dob, 0)}.\n\n"
            f"{v4.given} has relocated for safety reasons. Her postal address is {v4.addr.one_line()}. "
            f"Please contact her {phone}. We request an urgent check-in about her core supports."
        )
        return send(r, ["enquiries@ndia.gov.example"], f"Change of circumstances - {v4.ndis}", body, st=staff(r, 3))

    c.pair(
        "relationships/ndia",
        ndia,
        ["suppressed_detail_exposed"],
        f"change of circumstances to the NDIA (approved) gives {v4.cid}'s suppressed mobile",
        f"change of circumstances about {v4.cid} to the NDIA with her unsuppressed PO Box only",
        suppressed=True,
    )

    # ---- headers-links ----------------------------------------------------------------------------------------------
    x = reg.next_fill()

    def cc(bad, r):
        return send(
            r,
            [mailbox(n2_nom)],
            f"Plan review meeting for {n2.given}",
            f"Hi {n2_nom.given},\n\n{n2.given}'s plan review ({ndis_form(n2.ndis, 1)}) is booked for "
            "Tuesday 11 March at 10 am at our Mitchell Street office.",
            cc=[mailbox(x if bad else n2)],
        )

    c.pair(
        "headers-links/cc-wrong-participant",
        cc,
        ["mismatched_recipient"],
        f"message about {n2.cid} to nominee, Cc another participant {x.cid}",
        f"message about {n2.cid} to nominee, Cc the participant",
    )

    def bcc(bad, r):
        return send(
            r,
            [jem.email],
            f"Therapy report for {st1.given} {st1.family}",
            f"Hi Jem,\n\nThanks for {st1.given}'s progress report (NDIS {st1.ndis}). We have filed it and "
            "paid your invoice JH-0418.",
            bcc=[mailbox(st3 if bad else st1)],
        )

    c.pair(
        "headers-links/bcc",
        bcc,
        ["mismatched_recipient"],
        f"message about {st1.cid} Bcc another participant {st3.cid}",
        f"message about {st1.cid} Bcc him",
    )

    y, z = reg.next_fill(), reg.next_fill()

    def display(bad, r):
        return send(
            r,
            [f'"{y.name}" <{(z if bad else y).emails[0]}>'],
            "Your invoice has been paid",
            f"Hi {y.given},\n\nWe paid Goldfields Transport invoice GT-5521 ({money(143.70)}) from your "
            f"plan today. Reference {y.wpp}.",
        )

    c.pair(
        "headers-links/display-name-mismatch",
        display,
        ["mismatched_recipient"],
        f"message about {y.cid} to {y.cid}'s display name but {z.cid}'s address",
        f"message about {y.cid} to {y.cid}",
    )

    w = reg.next_fill()

    def typo(bad, r):
        local, dom = w.emails[0].split("@")
        dom = dom.replace("mail", "mial") if bad and "mail" in dom else (dom.replace("box", "bx") if bad else dom)
        return send(
            r,
            [f"{w.given} {w.family} <{local}@{dom}>"],
            "Statement attached",
            f"Hi {w.given},\n\nYour statement for February: {money(1204.35)} paid to providers, "
            f"{money(18220.40)} left in Core Supports. NDIS number {w.ndis}.",
        )

    c.pair(
        "headers-links/typo-domain",
        typo,
        ["mismatched_recipient"],
        f"message about {w.cid} to a misspelt domain (unknown recipient)",
        f"message about {w.cid} to him",
    )

    def mailto(bad, r):
        link = v1.emails[0] if bad else f"coordination@{ORG['domain']}"
        html = (
            f"<p>Hello,</p><p>{v1.given} has asked to move her Thursday sessions to the afternoon. To confirm "
            f'a new time please email <a href="mailto:{link}?subject=New%20session%20time">{link}</a>.</p>'
            f"<p>{v1.name}, NDIS {v1.ndis}</p>"
        )
        return send(r, [calm.email], "Change of session time", "Please see the HTML version.", html=html)

    c.pair(
        "headers-links/mailto-link",
        mailto,
        ["suppressed_detail_exposed"],
        f"mailto link exposing {v1.cid}'s suppressed email to her (authorised) psychologist",
        f"mailto link to the coordination mailbox in a message about {v1.cid}",
        suppressed=True,
    )

    u, v = reg.next_fill(), reg.next_fill()

    def portal(bad, r):
        who = v if bad else u
        link = f"https://portal.{ORG['domain']}/statement?ndis={who.ndis}&ref={who.wpp}&m=2025-02"
        html = (
            f'<div style="font-family:Arial"><p>Hi {u.given},</p><p>Your February statement is ready.</p>'
            f'<p><a href="{link}" style="background:#2e6b4f;color:#fff;padding:8px 14px;'
            f'text-decoration:none">View statement</a></p></div>'
        )
        return send(r, [mailbox(u)], "Your statement is ready", f"Hi {u.given},\n\nView it here: {link}", html=html)

    c.pair(
        "headers-links/portal-link",
        portal,
        ["mismatched_recipient"],
        f"portal link to {u.cid} carries {v.cid}'s NDIS number and reference",
        f"portal link to {u.cid} with his own identifiers",
    )

    kp = reg.served[kest.email][0]

    def multi(bad, r):
        to = [f"accounts@{ORG['domain']}", kest.email, ossie.email if bad else river.email]
        return send(
            r,
            to,
            f"Duplicate invoice {kp.name}",
            f"All,\n\nKestrel invoice KE7731 for {kp.name} ({kp.ndis}) was submitted twice. We paid it "
            "once on 14 February. Please do not resubmit.",
            st=staff(r, 1),
        )

    c.pair(
        "headers-links/several-recipients",
        multi,
        ["mismatched_recipient"],
        f"message about {kp.cid} also addressed to a sole trader not authorised by her",
        f"message about {kp.cid} to internal, her providers (approved)",
    )

    # ---- suppressed-loose -------------------------------------------------------------------------------------------
    def intl(bad, r):
        ph = phone_form(v1.phones[0], 2) if bad else ORG["phone"]
        return send(
            r,
            [kest.email],
            f"Roster change - {v1.given} {v1.family[0]}.",
            f"Hi team,\n\nFrom next week {v1.given}'s Tuesday shift moves to 1 pm. If the worker is "
            f"running late please call {ph} rather than her old landline.",
            st=staff(r, 2),
        )

    c.pair(
        "suppressed-loose/phone-international",
        intl,
        ["suppressed_detail_exposed"],
        f"{v1.cid}'s suppressed mobile written +61 to an approved provider",
        f"message about {v1.cid} giving the office number",
        suppressed=True,
    )

    def moved(bad, r):
        where = (
            f"has moved to {v1.addr.short_street()}, {v1.addr.locality}"
            if bad
            else "has moved; we will give the address to rostered workers by phone"
        )
        return send(
            r,
            [banks.email],
            "Participant relocation",
            f"Hi Banksia team,\n\n{v1.name} ({v1.ndis}) {where}. Please update your rostering system before Monday.",
            st=staff(r, 2),
        )

    c.pair(
        "suppressed-loose/address-in-sentence",
        moved,
        ["suppressed_detail_exposed"],
        f"{v1.cid}'s suppressed address written in a sentence (abbreviated, no postcode)",
        f"{v1.cid}'s move mentioned without the address",
        suppressed=True,
    )

    def invite(bad, r):
        loc = v5.addr.one_line() if bad else "Wattlebrook Plan Partners, Level 2, 61 Mitchell Street, Bendigo"
        cal = ics(
            f"sc-{v5.cid}-review",
            f"Support coordination review - {v5.given}",
            datetime(2025, 3, 12, 10, 0, tzinfo=AEST),
            60,
            loc,
            f"Review of {v5.given}'s supports before her plan reassessment.",
            f"p.daintree@{ORG['domain']}",
            [(v5.name, v5.emails[0]), ("Riverred", river.email)],
        )
        return send(
            r,
            [mailbox(v5), river.email],
            f"Invitation: Support coordination review - {v5.given}",
            "You are invited to a support coordination review. Details in the invitation.",
            st=staff(r, 2),
            atts=[Att("invite.ics", "text/calendar", cal.encode(), {"method": "REQUEST"})],
        )

    c.pair(
        "suppressed-loose/calendar-location",
        invite,
        ["suppressed_detail_exposed"],
        f"invitation to {v5.cid} and a provider with her suppressed address as LOCATION",
        f"invitation to {v5.cid} and a provider at the office",
        suppressed=True,
    )

    def sig_email(bad, r):
        extra = f"\n\nPS {v4.given} asked that you copy her on reports at {v4.emails[0]}." if bad else ""
        return send(
            r,
            [river.email],
            f"OT report - {v4.name}",
            f"Hi Riverred,\n\nThank you for the OT assessment for {v4.name} (NDIS {v4.ndis}). Please send "
            f"the final report to coordination@{ORG['domain']}." + extra,
            st=staff(r, 2),
        )

    c.pair(
        "suppressed-loose/email-in-postscript",
        sig_email,
        ["suppressed_detail_exposed"],
        f"{v4.cid}'s suppressed email in a PS to an approved provider",
        f"message about {v4.cid} asking for reports to the coordination mailbox",
        suppressed=True,
    )

    def agreement(bad, r):
        lt = welcome(v2, [v2.name] + (v2.addr.lines(1) if bad else ["c/- PO Box 1180", "BENDIGO  VIC  3552"]), D)
        lt.heading = "Service agreement - Kestrel Community Supports"
        data = docx_letter(lt, "table")
        return send(
            r,
            [kest.email],
            f"Service agreement - {v2.name}",
            "Hi,\n\nThe signed service agreement is attached.",
            st=staff(r, 2),
            atts=[
                Att(
                    f"Service agreement {v2.family}.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    data,
                )
            ],
        )

    c.pair(
        "suppressed-loose/docx-attachment",
        agreement,
        ["suppressed_detail_exposed"],
        f"service agreement to an approved provider with {v2.cid}'s suppressed address",
        f"service agreement for {v2.cid} care of the organisation's PO Box",
        suppressed=True,
    )

    def sms(bad, r):
        num = f"614{r.randint(10, 99)}{r.randint(100000, 999999)}"
        where = f"{v1.addr.short_street()} {v1.addr.locality}" if bad else "our Mitchell St office (key pickup)"
        st = staff(r, 2)
        mid = f"{r.randrange(16**12):012x}"
        body = f"Wattlebrook: shift confirmed - {v1.given} Tue 11/3 10am, meet at {where}. Reply Y to confirm."
        return "eml", eml(
            f'"{st[0]}" <{st[2]}>', [f"{num}@sms.kestrelsupports.example"], "SMS", body, when(r.randrange(300)), mid
        )

    c.pair(
        "suppressed-loose/sms-gateway",
        sms,
        ["suppressed_detail_exposed"],
        f"SMS to an approved provider's support worker gives {v1.cid}'s suppressed address",
        f"SMS to the support worker about {v1.cid} with the office as meeting point",
        suppressed=True,
    )

    def internal(bad, r):
        to = [f"accounts@{ORG['domain']}"] if bad else [f"safety@{ORG['domain']}"]
        return send(
            r,
            to,
            "Safety plan update",
            f"Hi,\n\n{v1.name} ({v1.wpp}) now lives at {v1.addr.one_line()}, mobile {v1.phones[0]}. Her "
            "former nominee must not be told. Please lock the record.",
            st=staff(r, 3),
        )

    c.pair(
        "suppressed-loose/internal-mailbox",
        internal,
        ["suppressed_detail_exposed"],
        f"{v1.cid}'s suppressed address and mobile to an internal mailbox not on the safety list",
        f"{v1.cid}'s suppressed details to the safety team (suppressed_detail_staff)",
        suppressed=True,
    )

    def roster(bad, r):
        team = reg.served[kest.email][:5] + [v2]
        rows = [["Participant", "NDIS", "Contact", "Shift"]]
        for i, p in enumerate(team):
            ph = p.phones[0] if p.phones else ORG["phone"]
            if p is v2:
                ph = phone_form(v2.phones[0], 1) if bad else ORG["phone"]
            rows.append([p.name, p.ndis, ph, ["Mon 9-12", "Tue 1-4", "Wed 9-3", "Thu 10-2", "Fri 9-12", "Sat"][i]])
        return send(
            r,
            [kest.email],
            "Week 11 roster contacts",
            "Hi,\n\nContacts for next week's shifts attached.",
            st=staff(r, 2),
            atts=[Att("roster_wk11.csv", "text/csv", csv_bytes(rows))],
        )

    c.pair(
        "suppressed-loose/phone-in-csv",
        roster,
        ["suppressed_detail_exposed"],
        f"roster CSV to an approved provider has {v2.cid}'s suppressed mobile without spaces",
        f"roster CSV with the office number for {v2.cid}",
        suppressed=True,
    )

    def childmum(bad, r):
        extra = f" You can also email {v3.given} directly at {v3.emails[0]}." if bad else ""
        return send(
            r,
            [river.email],
            f"{child.given} {child.family} - speech review",
            f"Hi,\n\n{child.given}'s mother would like the speech review report before the school "
            f"meeting. Please send it to us and we will pass it on.{extra}\n\nNDIS {child.ndis}",
            st=staff(r, 2),
        )

    c.pair(
        "suppressed-loose/nominee-email",
        childmum,
        ["suppressed_detail_exposed"],
        f"nominee {v3.cid}'s suppressed email given to the child's provider",
        f"message about child {child.cid} routing the report through us",
        suppressed=True,
    )

    # ---- identifiers-dates -------------------------------------------------------------------------------------------
    a, b = reg.next_fill(), reg.next_fill()

    def ndis_only(bad, r):
        who = b if bad else a
        return send(
            r,
            [mailbox(a)],
            "Re: claim query",
            f"Hi {a.given},\n\nI checked the claim for participant {ndis_form(who.ndis, 2)}: it was paid on "
            "20 February. Nothing more is needed.",
        )

    c.pair(
        "identifiers-dates/ndis-number-only",
        ndis_only,
        ["mismatched_recipient"],
        f"message to {a.cid} quoting {b.cid}'s NDIS number (spaced 2-3-4)",
        f"message to {a.cid} quoting his own NDIS number",
    )

    m = reg.next_fill()

    def dob_long(bad, r):
        who = m if bad else st4
        return send(
            r,
            [calm.email],
            "New referral",
            f"Hello,\n\nWe would like to refer {who.name}, born on the {fdate(who.dob, 2)}, for counselling "
            "under her plan's Improved Relationships budget.",
        )

    c.pair(
        "identifiers-dates/dob-long-form",
        dob_long,
        ["mismatched_recipient"],
        f"referral naming {m.cid} with a long-form DOB to a practice not authorised by her",
        f"referral naming {st4.cid} with a long-form DOB to his authorised practice",
    )

    def mcare(bad, r):
        mc = medicare(r)
        shown = mc if bad else f"xxxx xxxx{mc[-3:]}"
        return send(
            r,
            [calm.email],
            f"Mental health care plan - {st4.given}",
            f"Hi,\n\n{st4.given}'s GP mental health care plan covers 10 sessions. Medicare card: {shown}. "
            "Please bill the first six to Medicare and the rest to the NDIS plan.",
        )

    c.pair(
        "identifiers-dates/medicare",
        mcare,
        ["sensitive_identifier"],
        f"full Medicare number of {st4.cid} to a non-approved provider",
        f"masked Medicare number of {st4.cid} to his authorised provider",
    )

    def card(bad, r):
        cn = card_number(r)
        shown = cn if bad else f"card ending {cn[-4:]}"
        return send(
            r,
            [ossie.email],
            f"Gap payment - {st3.given}",
            f"Hi Ossie,\n\n{st3.given} will pay the $45 gap for the mulch himself. Please charge {shown}, "
            f"expiry 08/27, as he authorised on the phone.",
            st=staff(r, 1),
        )

    c.pair(
        "identifiers-dates/card-number",
        card,
        ["sensitive_identifier"],
        f"full card number of {st3.cid} to his gardener",
        f"last four card digits of {st3.cid}",
    )

    # ---- mime-parts ----------------------------------------------------------------------------------------------
    p, q = reg.next_fill(), reg.next_fill()

    def att_pdf(bad, r):
        pdf = pdf_letter(statement(reg, p, address_block(p, 0), r, D), "window", "attpdf")
        return send(
            r,
            [mailbox(q if bad else p)],
            "Your statement",
            "Hello,\n\nYour statement is attached.",
            atts=[Att("statement.pdf", "application/pdf", pdf)],
        )

    c.pair(
        "mime-parts/pdf-attachment",
        att_pdf,
        MR,
        f"{p.cid}'s statement PDF attached to a message to {q.cid}",
        f"{p.cid}'s statement to him",
    )

    n3_nom = cast["n3_nom"]

    def att_docx(bad, r):
        who = reg.fill[3] if bad else n3
        data = docx_letter(welcome(who, address_block(who, 0), D), "table")
        return send(
            r,
            [mailbox(n3_nom)],
            f"Welcome pack for {n3.given}",
            f"Hi {n3_nom.given},\n\nThe welcome pack is attached. Please sign the service agreement.",
            atts=[
                Att(
                    "Welcome pack.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", data
                )
            ],
        )

    c.pair(
        "mime-parts/docx-attachment",
        att_docx,
        MR,
        f"welcome pack of {reg.fill[3].cid} attached for {n3.cid}'s nominee",
        f"welcome pack of {n3.cid} to his nominee",
    )

    def fwd(bad, r):
        inner_body = (
            f"Hi Priya,\n\n{v2.given} rang. She's settled in the new unit. "
            + (f"Her new mobile is {v2.phones[0]}. " if bad else "")
            + "She wants Kestrel to keep the same support worker.\n\nLena"
        )
        inner = eml(
            f"Lena Fairweather <l.fairweather@{ORG['domain']}>",
            [f"p.daintree@{ORG['domain']}"],
            f"{v2.given} {v2.family}",
            inner_body,
            when(5),
            "inner" + str(bad),
        )
        return send(
            r,
            [kest.email],
            f"FW: {v2.given} {v2.family}",
            "Hi Kestrel,\n\nSee below from our intake officer - please keep the same worker.",
            st=staff(r, 2),
            atts=[Att("message.eml", "message/rfc822", inner)],
        )

    c.pair(
        "mime-parts/forwarded-attachment",
        fwd,
        ["suppressed_detail_exposed"],
        f"attached message to an approved provider carries {v2.cid}'s suppressed mobile",
        f"attached message about {v2.cid} without contact details",
        suppressed=True,
    )

    def notes(bad, r):
        who = st3 if bad else st2
        txt = (
            f"Case note 27/02/2025\nParticipant: {who.name}\nNDIS: {who.ndis}\nDOB: {fdate(who.dob, 1)}\n"
            "Speech review booked; goals: swallowing safety, AAC device trial.\n"
        ).encode()
        return send(
            r,
            [jem.email],
            "Case notes for review",
            "Hi Jem,\n\nNotes attached for the review.",
            st=staff(r, 2),
            atts=[Att("casenote.txt", "text/plain", txt)],
        )

    c.pair(
        "mime-parts/base64-text-attachment",
        notes,
        MR,
        f"case note of {st3.cid} (not her client) base64-attached to speech pathologist",
        f"case note of her client {st2.cid}",
    )

    def ics_att(bad, r):
        who = st2 if bad else st1
        cal = ics(
            f"sc-{st1.cid}",
            f"Speech review - {st1.given}",
            datetime(2025, 3, 14, 14, 0, tzinfo=AEST),
            45,
            "Wattlebrook office, 61 Mitchell St Bendigo",
            f"Participant {who.name}, NDIS {who.ndis}. Bring AAC device.",
            f"p.daintree@{ORG['domain']}",
            [(st1.name, st1.emails[0]), ("Jem Harlowe", jem.email)],
        )
        return send(
            r,
            [mailbox(st1), jem.email],
            f"Invitation: Speech review - {st1.given}",
            "Invitation attached.",
            st=staff(r, 2),
            atts=[Att("invite.ics", "text/calendar", cal.encode(), {"method": "REQUEST"})],
        )

    c.pair(
        "mime-parts/calendar-attachment",
        ics_att,
        MR,
        f"invitation to {st1.cid} describes {st2.cid} (NDIS number)",
        f"invitation to {st1.cid} about himself",
    )

    e1, e2 = reg.next_fill(), reg.next_fill()

    def html_only(bad, r):
        rows = [
            ["Provider", "Service date", "Amount"],
            ["Kestrel Community Supports", "03/02/2025", "$270.24"],
            ["Goldfields Transport", "06/02/2025", "$88.10"],
        ]
        html = f"<p>Hi {e1.given},</p><p>Claims paid for {e1.name} ({e1.ndis}):</p>{html_table(rows)}"
        return send(
            r, [mailbox(e2 if bad else e1)], "Claims paid this week", "Claims paid this week (HTML only).", html=html
        )

    c.pair(
        "mime-parts/html-alternative-only",
        html_only,
        ["mismatched_recipient"],
        f"{e1.cid}'s identifiers only in the HTML part, sent to {e2.cid}",
        f"{e1.cid}'s claims to him",
    )

    def small_csv(bad, r):
        rows = [["Participant", "NDIS", "Service date", "Item", "Amount"]]
        for who in [st3] + ([st1] if bad else []):
            rows.append([who.name, who.ndis, "10/02/2025", "01_019_0120_1_1", "$170.94"])
        return send(
            r,
            [ossie.email],
            "Paid invoices February",
            "Hi Ossie,\n\nYour paid invoices are attached.",
            st=staff(r, 1),
            atts=[Att("paid_feb.csv", "text/csv", csv_bytes(rows))],
        )

    c.pair(
        "mime-parts/csv-attachment",
        small_csv,
        MR,
        f"CSV to gardener for {st3.cid} also has a row of {st1.cid}",
        f"CSV to gardener for {st3.cid} only",
    )

    f1, f2 = reg.next_fill(), reg.next_fill()

    def qp(bad, r):
        return send(
            r,
            [mailbox(f2 if bad else f1)],
            "Reimbursement paid",
            f"Hi {f1.given},\n\nWe reimbursed {money(62.5)} for {f1.name}'s pharmacy receipt - ref "
            f"{f1.wpp} \u2013 NDIS {f1.ndis}. The payment shows as \u201cWATTLEBROOK PP\u201d.",
            cte="quoted-printable",
        )

    c.pair(
        "mime-parts/quoted-printable",
        qp,
        ["mismatched_recipient"],
        f"quoted-printable body about {f1.cid} to {f2.cid}",
        f"quoted-printable body about {f1.cid} to him",
    )

    # ---- threads ----------------------------------------------------------------------------------------------
    def thread1(bad, r):
        old = f"Hi Priya,\n\nCan you confirm the address for {v1.given}'s first shift?\n\nThanks\nBanksia rostering"
        mine = (
            f"Hi Ash,\n\nYes: {v1.addr.one_line()}. Please keep it off the shared roster."
            if bad
            else "Hi Ash,\n\nI'll ring the team leader with it this afternoon - it is not to go in writing."
        )
        body = (
            "Hi Ash,\n\nJust following up - did the shift go ahead?\n\n"
            "On Mon, 24 Feb 2025 at 10:02, Banksia Rostering <rostering@banksiacare.example> wrote:\n"
            + quote(old)
            + "\n\nOn Mon, 24 Feb 2025 at 11:40, Priya Daintree wrote:\n"
            + quote(mine, 2)
        )
        return send(r, ["rostering@banksiacare.example"], "Re: first shift", body, st=staff(r, 2))

    c.pair(
        "threads/on-wrote-quote",
        thread1,
        ["suppressed_detail_exposed"],
        f"reply quoting an earlier message with {v1.cid}'s suppressed address",
        f"reply about {v1.cid}, no address",
        suppressed=True,
    )

    def thread2(bad, r):
        who = st3 if bad else st2
        body = (
            f"Hi Jem,\n\nYes, that's fine - go ahead with the assessment.\n\n-----Original Message-----\n"
            f"From: Jem Harlowe <{jem.email}>\nSent: Tuesday, 25 February 2025 4:12 PM\n"
            f"To: Priya Daintree <p.daintree@{ORG['domain']}>\nSubject: assessment\n\n"
            f"Hi Priya, could I do a swallowing assessment for {who.name} ({who.ndis}) next week?"
        )
        return send(r, [jem.email], "RE: assessment", body, st=staff(r, 2))

    c.pair(
        "threads/original-message",
        thread2,
        ["mismatched_recipient"],
        f"Outlook reply to a sole trader quoting a message about {st3.cid} (not her client)",
        f"Outlook reply quoting a message about her client {st2.cid}",
    )

    h1, h2 = reg.next_fill(), reg.next_fill()

    def thread3(bad, r):
        fwd = (
            "---------- Forwarded message ---------\nFrom: Riverred Allied Health <billing@riverred.example>\n"
            f"Date: Wed, 26 Feb 2025 at 09:15\nSubject: OT quote\nTo: <accounts@{ORG['domain']}>\n\n"
            f"Quote Q-3381 for {h1.name}, NDIS {h1.ndis}: home modification assessment, $1,163.94."
        )
        to = h2 if bad else h1
        return send(r, [mailbox(to)], "Fwd: OT quote", f"Hi {to.given},\n\nFYI - the quote below.\n\n" + fwd)

    c.pair(
        "threads/forwarded-chain",
        thread3,
        ["mismatched_recipient"],
        f"forwarded quote about {h1.cid} sent to {h2.cid}",
        f"forwarded quote about {h1.cid} to him",
    )

    def thread4(bad, r):
        ph = v4.phones[0] if bad else ORG["phone"]
        deep = f"> > Hi NDIA team, please call {v4.given} on {ph} to arrange the home visit.\n> >\n> > Thanks, Hamish"
        body = (
            "Thanks - noted.\n\n> On 27 Feb 2025, NDIA Enquiries wrote:\n> We will arrange the visit.\n>\n"
            f"> > On 26 Feb 2025, Hamish Cole-Barton wrote:\n{deep}\n\n{v4.name} {v4.ndis}"
        )
        return send(r, ["enquiries@ndia.gov.example"], "RE: RE: home visit", body, st=staff(r, 3))

    c.pair(
        "threads/nested-quote",
        thread4,
        ["suppressed_detail_exposed"],
        f"suppressed mobile of {v4.cid} two levels deep in a thread to the NDIA",
        f"thread about {v4.cid} to the NDIA with the office number",
        suppressed=True,
    )

    def thread5(bad, r):
        cc = [mailbox(v1_ex if bad else v1_adv)]
        body = (
            f"Hi all,\n\nThanks for coming to {v1.given}'s review today. Next steps: Kestrel to start the new "
            f"roster, we lodge the change request with the NDIA ({v1.ndis}).\n\nOn Tue, 25 Feb 2025, "
            f"{v1_adv.name} wrote:\n> See you all at 2."
        )
        return send(r, [kest.email], "Re: review meeting", body, st=staff(r, 2), cc=cc)

    c.pair(
        "threads/reply-all",
        thread5,
        ["mismatched_recipient"],
        f"reply-all about {v1.cid} copies her revoked nominee {v1_ex.cid}",
        f"reply-all about {v1.cid} copies her authorised advocate {v1_adv.cid}",
    )

    def thread6(bad, r):
        note = (
            f"> > > Internal note: {v2.given} is at {v2.addr.one_line()} now - DO NOT DISCLOSE"
            if bad
            else "> > > Internal note: do not discuss the other household member"
        )
        body = (
            f"Hi {v2_ex.given},\n\nYour new cleaning roster starts Monday.\n\n> On 20 Feb, you wrote:\n"
            "> When does my cleaning start?\n> > On 19 Feb, Wattlebrook wrote:\n> > We have closed the shared "
            "record.\n" + note
        )
        return send(r, [mailbox(v2_ex)], "Re: cleaning", body, st=staff(r, 2))

    c.pair(
        "threads/internal-note-quoted",
        thread6,
        ["suppressed_detail_exposed"],
        f"reply to related client {v2_ex.cid} quotes an internal note with {v2.cid}'s suppressed address",
        f"reply to {v2_ex.cid} quotes an internal note without details",
        suppressed=True,
    )

    # ---- html-mail -----------------------------------------------------------------------------------------------
    i1, i2 = reg.next_fill(), reg.next_fill()

    def hm1(bad, r):
        rows = remittance_rows(reg, kest, [i1], r, 4)
        rows = [[x[3], x[4], x[7]] for x in rows]
        html = (
            f'<div style="font-family:Segoe UI,Arial;font-size:14px"><p>Dear {i1.given},</p>'
            f"<p>Claims paid from your plan ({i1.ndis}) in February:</p>{html_table(rows)}"
            "<p style='color:#666'>Questions? Call 1300 927 285.</p></div>"
        )
        return send(r, [mailbox(i2 if bad else i1)], "February claims", "February claims (see HTML).", html=html)

    c.pair(
        "html-mail/table-statement",
        hm1,
        ["mismatched_recipient"],
        f"HTML statement of {i1.cid} sent to {i2.cid}",
        f"HTML statement of {i1.cid} to him",
    )

    def hm2(bad, r):
        hidden = f"Participant mobile {v4.phones[0]}" if bad else f"Internal ref {v4.wpp}"
        html = (
            f"<p>Hi Riverred,</p><p>Please send the OT report for {v4.given} to us.</p>"
            f'<div style="display:none;max-height:0;overflow:hidden">{hidden}</div>'
        )
        return send(r, [river.email], "OT report", "Please send the OT report to us.", html=html, st=staff(r, 2))

    c.pair(
        "html-mail/hidden-div",
        hm2,
        ["suppressed_detail_exposed"],
        f"hidden div carries {v4.cid}'s suppressed mobile",
        f"hidden div carries {v4.cid}'s reference only",
        suppressed=True,
    )

    def hm3(bad, r):
        rows = remittance_rows(reg, kest, reg.served[kest.email][2:6] + [v2], r, 2)
        rows[0].append("Notes")
        for x in rows[1:]:
            x.append(("call " + v2.phones[0]) if (bad and x[1] == v2.name) else "")
        html = (
            f'<p style="font-family:Arial">Remittance advice for {kest.name} - paid {fdate(D, 1)}</p>'
            + html_table(rows)
            + f"<p><b>Total {total([r0[:-1] for r0 in rows])}</b></p>"
        )
        return send(r, [kest.email], "Remittance advice", "Remittance advice (HTML).", html=html, st=staff(r, 1))

    c.pair(
        "html-mail/remittance-notes",
        hm3,
        ["suppressed_detail_exposed"],
        f"HTML remittance notes column has {v2.cid}'s suppressed mobile",
        "HTML remittance, notes empty",
        suppressed=True,
    )

    j1, j2 = reg.next_fill(), reg.next_fill()

    def hm4(bad, r):
        ref = (j2 if bad else j1).wpp
        html = (
            f'<table width="600" style="font-family:Arial"><tr><td style="background:#2e6b4f;color:#fff;'
            f'padding:12px"><b>Wattlebrook News - Autumn 2025</b></td></tr><tr><td><p>Hi {j1.given},</p>'
            "<p>The new NDIS pricing arrangements start on 1 July. Our office closes for Easter on 18 April."
            f'</p><p><a href="https://news.{ORG["domain"]}/autumn?ref={ref}">Read online</a> | '
            f'<a href="https://news.{ORG["domain"]}/unsubscribe?ref={ref}">Unsubscribe</a></p></td></tr></table>'
        )
        return send(r, [mailbox(j1)], "Wattlebrook News - Autumn 2025", "Wattlebrook News - Autumn 2025", html=html)

    c.pair(
        "html-mail/newsletter-link-ref",
        hm4,
        ["mismatched_recipient"],
        f"newsletter to {j1.cid} links carry {j2.cid}'s reference",
        f"newsletter to {j1.cid} with his reference",
    )

    k3 = reg.next_fill()
    k3n = reg.next_fill()

    def hm5(bad, r):
        who = k3n if bad else k3
        html = (
            f'<div style="max-width:620px;font-family:Georgia,serif;border:1px solid #ccc;padding:24px">'
            f'<p style="text-align:right">{fdate(D)}</p><p>{who.name}<br>{"<br>".join(who.addr.lines(2))}</p>'
            f"<h3>Plan review reminder</h3><p>Dear {who.given},</p><p>{k3.name}'s plan "
            f"({ndis_form(k3.ndis, 1)}) ends on {fdate(k3.plan['end'])}.</p></div>"
        )
        return send(r, [mailbox(who)], "Plan review reminder", "Plan review reminder.", html=html)

    c.pair(
        "html-mail/letter-style",
        hm5,
        ["mismatched_recipient"],
        f"letter-style HTML about {k3.cid} to {k3n.cid}",
        f"letter-style HTML about {k3.cid} to him",
    )

    # ---- bulk -------------------------------------------------------------------------------------------------
    def b1(bad, r):
        if bad:
            people = reg.fill[:70]
            rows = [["Provider"] + remittance_rows(reg, kest, [], r)[0]]
            for i, p in enumerate(people):
                pr = [x for x in reg.providers if x.approved][i % 5]
                for row in remittance_rows(reg, pr, [p], r, 2)[1:]:
                    rows.append([pr.name] + row)
        else:
            rows = [["Provider"] + x for x in remittance_rows(reg, kest, reg.served[kest.email][:6], r, 2)]
            rows[0][0] = "Provider"
            for x in rows[1:]:
                x[0] = kest.name
        return send(
            r,
            [kest.email],
            "February paid invoices extract",
            "Hi,\n\nThe extract you asked for.",
            st=staff(r, 1),
            atts=[Att("paid_invoices_feb2025.csv", "text/csv", csv_bytes(rows, bom=True))],
        )

    c.pair(
        "bulk/provider-extract",
        b1,
        ["bulk_client_data"],
        "extract of all providers' paid invoices (70 participants) sent to one provider",
        "extract of one provider's own paid invoices (6 of its participants)",
    )

    def b2(bad, r):
        people = reg.fill[10:65] if bad else reg.fill[10:13]
        rows = [["NDIS number", "Name", "DOB", "Plan start", "Plan end"]] + [
            [p.ndis, p.name, fdate(p.dob, 7), fdate(p.plan["start"], 7), fdate(p.plan["end"], 7)] for p in people
        ]
        return send(
            r,
            ["compliance@ndia.gov.example"],
            "Audit sample - plan-managed participants",
            "Hello,\n\nThe participants for the audit sample:\n\n" + "\n".join("\t".join(x) for x in rows),
            st=staff(r, 0),
        )

    c.pair(
        "bulk/ndia-list",
        b2,
        ["bulk_client_data"],
        "55 participants with DOB listed to the NDIA (approved)",
        "3 participants requested by the NDIA",
    )

    def b3(bad, r):
        if bad:
            rows = [["Client", "NDIS", "WPP ref", "Paid Feb"]] + [
                [p.name, p.ndis, p.wpp, money(r.randint(100, 9000))] for p in reg.fill[:80]
            ]
        else:
            rows = [
                ["Support category", "Invoices", "Paid Feb"],
                ["Core - Daily Activities", "412", "$281,440.12"],
                ["Core - Transport", "95", "$12,003.50"],
                ["Capacity Building", "230", "$101,882.77"],
                ["Capital", "14", "$22,915.00"],
            ]
        return send(
            r,
            ["audit@ledgerline.example"],
            "February trust account figures",
            "Hi,\n\nFebruary figures for the trust account reconciliation attached.",
            st=staff(r, 0),
            atts=[Att("feb_trust.csv", "text/csv", csv_bytes(rows, delim=";"))],
        )

    c.pair(
        "bulk/external-auditor",
        b3,
        ["bulk_client_data", "mismatched_recipient"],
        "per-participant ledger (80 rows) to the external auditor",
        "totals by support category (no participants) to the external auditor",
    )

    def b4(bad, r):
        people = reg.fill[20:72] if bad else [cast[f"s{i}"] for i in range(1, 5)] + [cast[f"g{i}"] for i in (1, 2, 3)]
        rows = [["Resident", "NDIS", "Plan end", "SIL remaining"]] + [
            [p.name, p.ndis, fdate(p.plan["end"], 1), money(r.randint(5000, 90000))] for p in people
        ]
        return send(
            r,
            [banks.email],
            "SIL budgets",
            "SIL budgets below.",
            html="<p>Hi Banksia,</p><p>Remaining SIL budgets:</p>" + html_table(rows),
            st=staff(r, 0),
        )

    c.pair(
        "bulk/inline-html-table",
        b4,
        ["bulk_client_data"],
        "52 participants' budgets pasted into a message to the SIL provider",
        "budgets of the provider's own 7 residents",
    )

    def b5(bad, r):
        gold = reg.provider("goldfields")
        people = reg.fill[5:75] if bad else reg.served[gold.email][:5]
        rows = [["Participant", "NDIS", "Trips Feb", "km", "Paid"]] + [
            [p.name, p.ndis, str(r.randint(2, 20)), str(r.randint(20, 600)), money(r.randint(40, 900))] for p in people
        ]
        return send(
            r,
            [gold.email],
            "Transport report (Excel export)",
            "Hi,\n\nReport exported from Xero.",
            st=staff(r, 1),
            atts=[Att("Transport_Feb.csv", "text/csv", csv_bytes(rows, bom=True))],
        )

    c.pair(
        "bulk/excel-export",
        b5,
        ["bulk_client_data"],
        "70 participants' transport export to the transport provider",
        "the transport provider's own 5 participants",
    )

    # ---- unmerged in e-mail -------------------------------------------------------------------------------------
    l1 = reg.next_fill()

    def um1(bad, r):
        name = "{{participant_name}}" if bad else l1.given
        html = f"<p>Hi {name},</p><p>Our Easter hours: closed 18-21 April. Call {ORG['phone']} for urgent help.</p>"
        return send(r, [mailbox(l1)], "Easter hours", f"Hi {name},\n\nClosed 18-21 April.", html=html)

    c.pair(
        "unmerged/handlebars-html",
        um1,
        ["unmerged_field"],
        f"newsletter to {l1.cid} with {{{{participant_name}}}}",
        f"newsletter to {l1.cid}",
    )

    l2 = reg.next_fill()

    def um2(bad, r):
        name = "[Participant Name]" if bad else l2.name
        return send(
            r,
            [mailbox(l2)],
            "Service agreement renewal",
            f"Dear {l2.given},\n\nYour service agreement for {name} ends on 31 March. We will post a new "
            "one for signing.",
        )

    c.pair(
        "unmerged/square-brackets",
        um2,
        ["unmerged_field"],
        f"message to {l2.cid} with [Participant Name]",
        f"message to {l2.cid}",
    )

    # ---- unscannable attachments --------------------------------------------------------------------------------
    l3 = reg.next_fill()

    def enc(bad, r):
        lt = statement(reg, l3, address_block(l3, 0), r, D)
        pdf = pdf_letter(lt, "window", "enc", password=l3.dob.strftime("%d%m%Y") if bad else "")
        return send(
            r,
            [mailbox(l3)],
            "Your statement (password protected)" if bad else "Your statement",
            "Hello,\n\nYour statement is attached."
            + (" The password is your date of birth (DDMMYYYY)." if bad else ""),
            atts=[Att("statement.pdf", "application/pdf", pdf)],
        )

    c.pair(
        "unscannable/encrypted-pdf",
        enc,
        ["unscannable_content"],
        f"statement of {l3.cid} in a password-protected PDF",
        f"statement of {l3.cid}",
    )

    l4 = reg.next_fill()

    def broken(bad, r):
        pdf = pdf_letter(statement(reg, l4, address_block(l4, 0), r, D), "window", "br")
        data = (b"%PDF-1.7\n" + bytes(r.randrange(256) for _ in range(3000))) if bad else pdf
        return send(
            r, [mailbox(l4)], "Statement", "Statement attached.", atts=[Att("statement.pdf", "application/pdf", data)]
        )

    c.pair(
        "unscannable/corrupt-attachment",
        broken,
        ["unscannable_content"],
        f"corrupt PDF attachment to {l4.cid}",
        f"readable PDF statement of {l4.cid}",
    )
    _ = (timedelta, Person, medicare)
