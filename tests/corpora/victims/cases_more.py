"""More incident/twin pairs: identifiers and dates, MIME parts, merged letters, threads, HTML mail, bulk data,
unmerged fields and unscannable content."""

# ruff: noqa: B023, E731 -- closures and small lambdas are called within the iteration that defines them.
from __future__ import annotations

import csv
import io

from . import render, world
from .cases import MISMATCH, MIXED, SUPP, _adult, _open, reps
from .content import (
    Builder,
    addr_block,
    court_letter,
    determination_letter,
    email_sig,
    reasons_page,
    release_letter,
    victim_email_body,
)
from .registry import Client
from .render import Attachment


def identifiers_dates(b: Builder, scale: float) -> None:
    reg = b.reg
    for i in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.claim_no))
        staff = b.staff()
        employer = ["payroll@goldfieldsfreight.example", "hr@harbourcitycouncil.example"][i % 2]
        head = (
            f"Dear Payroll Officer,\n\nYour employee {a.name} has applied for assistance with lost earnings. "
            "Please confirm the dates she was on unpaid leave between March and May."
        )
        tfn = world.tfn(b.rng)
        cat = "identifiers-dates/tfn-to-employer"
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            [employer],
            "Leave verification",
            head + f" For your records her tax file number is {tfn}." + email_sig(staff),
        )
        inc = b.block(cat, "eml", wrong, ["sensitive_identifier"], f"tax file number of {a.client_id} to an employer")
        right = render.eml(b.msgid(), b.sender(staff), [employer], "Leave verification", head + email_sig(staff))
        b.pair(inc, b.add(cat, "eml", right, note=f"leave verification for {a.client_id}, name only"))

    with_provider = [c for c in reg.clients if c.provider and c.claim_no and _adult(c)]
    for i in range(reps(b, 2, scale)):
        a = with_provider[i % len(with_provider)]
        wrongp = next(p for p in world.PROVIDERS if f"accounts@{p[1]}" != a.provider[1])
        staff = b.staff()
        mc = world.medicare(b.rng)
        cat = "identifiers-dates/medicare-to-other-provider"
        body = (
            f"Dear {a.provider[2]},\n\nWe approve payment of your invoice for {a.name} (application {a.claim_no}). "
            f"Medicare card {mc}. Please bill the gap only." + email_sig(staff)
        )
        wrong = render.eml(
            b.msgid(), b.sender(staff), [f"accounts@{wrongp[1]}"], f"Invoice approved - {a.claim_no}", body
        )
        inc = b.block(
            cat,
            "eml",
            wrong,
            ["sensitive_identifier", "mismatched_recipient"],
            f"Medicare number and claim of {a.client_id} to a provider not theirs",
        )
        body2 = body.replace(f"Medicare card {mc}. ", "")
        right = render.eml(b.msgid(), b.sender(staff), [a.provider[1]], f"Invoice approved - {a.claim_no}", body2)
        b.pair(inc, b.add(cat, "eml", right, note=f"invoice approval for {a.client_id} to their own provider"))

    for i in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.register_no))
        staff = b.staff()
        firm, dom = world.DEFENCE_FIRMS[(i + 1) % len(world.DEFENCE_FIRMS)]
        court, _, when = b.hearing()
        head = (
            f"Dear Sir/Madam,\n\nWe confirm that the victim in the matter of {a.offender} ({court}, listed {when}) "
            f"is {a.name}"
        )
        tail = ". She will attend with a court support worker and will use the remote witness room." + email_sig(staff)
        cat = "identifiers-dates/dob-to-defence"
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"reception@{dom}"],
            "Attendance at hearing",
            head + f", born {a.dob_text(i % 3)}" + tail,
        )
        inc = b.block(
            cat,
            "eml",
            wrong,
            ["mismatched_recipient"],
            f"name and date of birth of {a.client_id} to the accused's lawyers",
        )
        right = render.eml(b.msgid(), b.sender(staff), [f"reception@{dom}"], "Attendance at hearing", head + tail)
        b.pair(inc, b.add(cat, "eml", right, note="victim's attendance to the defence, name only"))

    for i in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.register_no))
        other = reg.pick(lambda c: _adult(c) and _open(c, "postal_address"), exclude=(a,))
        staff = b.staff()
        ltr = release_letter(b, a, addr_block(other), staff, dob=True)
        ltr.refs = []
        ltr.paragraphs = [p.replace(f" (register number {a.register_no})", "") for p in ltr.paragraphs]
        right = release_letter(b, a, addr_block(a), staff, dob=True)
        right.refs, right.paragraphs, right.date = [], ltr.paragraphs, ltr.date
        fmt = ["pdf-plain", "txt"][i % 2]
        cat = "identifiers-dates/name-and-birth-date-only"
        ext, data = render.render_letter(ltr, fmt)
        inc = b.block(
            cat, ext, data, MISMATCH, f"name and date of birth of {a.client_id} in a letter to {other.client_id}"
        )
        ext, data = render.render_letter(right, fmt)
        b.pair(inc, b.add(cat, ext, data, note=f"letter identifying {a.client_id} by name and birth date, to them"))


def mime_parts(b: Builder, scale: float) -> None:
    reg = b.reg
    for i in range(reps(b, 5, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and bool(c.emails))
        other = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and _open(c, "postal_address"), exclude=(a,))
        staff = b.staff()
        use_docx = i % 2 == 1
        fmt = "docx" if use_docx else "pdf-window"

        def att(c: Client):
            ltr = determination_letter(b, c, addr_block(c), staff)
            ext, data = render.render_letter(ltr, fmt)
            return [Attachment(f"Notice_of_determination.{ext}", data)]

        body = victim_email_body(b, a, staff, "Your notice of determination is attached. ")
        cat = "mime-parts/wrong-attachment-" + ("docx" if use_docx else "pdf")
        wrong = render.eml(
            b.msgid(), b.sender(staff), [a.email], "Notice of determination", body, attachments=att(other)
        )
        inc = b.block(
            cat, "eml", wrong, MIXED, f"email to {a.client_id} attaches the determination of {other.client_id}"
        )
        right = render.eml(b.msgid(), b.sender(staff), [a.email], "Notice of determination", body, attachments=att(a))
        b.pair(inc, b.add(cat, "eml", right, note=f"email to {a.client_id} with their own determination"))

    for _ in range(reps(b, 1, scale)):
        a = reg.pick(lambda c: _adult(c) and c.lawyer is not None and bool(c.claim_no) and not c.suppressed)
        other = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and _open(c, "postal_address"), exclude=(a,))
        staff = b.staff()

        def pack(second: Client):
            d1 = render.pdf_letter(determination_letter(b, a, addr_block(a), staff))
            d2 = render.pdf_text("Statement of reasons", reasons_page(second))
            return [
                Attachment(
                    f"{a.claim_no}_documents.zip", render.zip_of([("determination.pdf", d1), ("reasons.pdf", d2)])
                )
            ]

        body = "Dear Counsel,\n\nThe determination and reasons for your client are attached as a zip file." + email_sig(
            staff
        )
        cat = "mime-parts/zip-with-other-claimant"
        wrong = render.eml(b.msgid(), b.sender(staff), [a.lawyer[1]], "Documents", body, attachments=pack(other))
        inc = b.block(cat, "eml", wrong, MIXED, f"zip for {a.client_id}'s lawyer holds reasons of {other.client_id}")
        right = render.eml(b.msgid(), b.sender(staff), [a.lawyer[1]], "Documents", body, attachments=pack(a))
        b.pair(inc, b.add(cat, "eml", right, note=f"zip of {a.client_id}'s own documents to their lawyer"))

    for i in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.claim_no))
        other = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and not c.joint_with, exclude=(a,))
        staff = b.staff()
        ltr = determination_letter(b, a, addr_block(a, i % 2), staff)
        ltr.extra_pages = [reasons_page(other)]
        right = determination_letter(b, a, addr_block(a, i % 2), staff)
        right.date, right.table, right.extra_pages = ltr.date, ltr.table, [reasons_page(a)]
        fmt = ["pdf-sidepanel", "docx"][i % 2]
        cat = "mime-parts/two-claimants-merged"
        ext, data = render.render_letter(ltr, fmt)
        inc = b.block(cat, ext, data, MIXED, f"determination of {a.client_id} with reasons page of {other.client_id}")
        ext, data = render.render_letter(right, fmt)
        b.pair(inc, b.add(cat, ext, data, note=f"determination of {a.client_id} with their own reasons"))

    supp = [c for c in reg.clients if "postal_address" in c.suppressed and _adult(c)]
    for i in range(reps(b, 2, scale)):
        a = supp[(i + 13) % len(supp)]
        staff = ("Huong", "Pham", "Court Support Coordinator")
        court, caddr, when = b.hearing()
        vol = f"volunteers@{world.COURTS}"
        mk = lambda loc, desc: render.ics(  # noqa: E731
            f"cs-{a.client_id}-{i}@{world.INTERNAL}",
            f"Court support - {a.given} {a.family[0]}.",
            "20250407T083000",
            "20250407T123000",
            loc,
            desc,
            world.staff_email("huong", "pham"),
            [("Court volunteers", vol)],
        )
        desc = f"Collect {a.given} for the hearing of {a.offender}. Register {a.ref}."
        cat = "mime-parts/calendar-pickup-address"
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            [vol],
            "Invitation: court support",
            "Please accept.",
            attachments=[Attachment("invite.ics", mk(a.address.one_line(), desc))],
        )
        inc = b.block(cat, "eml", wrong, SUPP, f"suppressed address of {a.client_id} as a calendar location", True)
        right = render.eml(
            b.msgid(),
            b.sender(staff),
            [vol],
            "Invitation: court support",
            "Please accept.",
            attachments=[
                Attachment("invite.ics", mk(f"{court}, {caddr} - safe room", desc.replace("Collect", "Meet")))
            ],
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"court support invitation for {a.client_id} at the court"))

    for _ in range(reps(b, 1, scale)):
        people = [
            reg.pick(lambda c: _adult(c) and bool(c.register_no) and _open(c, "postal_address")) for _ in range(4)
        ]
        staff = b.staff()
        good = [release_letter(b, p, addr_block(p), staff) for p in people]
        bad = [release_letter(b, p, addr_block(p), staff) for p in people]
        for g, x in zip(good, bad, strict=True):
            x.date = g.date
        bad[2] = release_letter(b, people[3], addr_block(people[2]), staff)
        cat = "mime-parts/merged-letters-pdf"
        letters = [{"expect": "allow"}] * 4
        inc = b.block(
            cat,
            "pdf",
            render.pdf_letters(bad),
            MISMATCH,
            "third letter addressed to one victim carries another's notification",
        )
        inc.expect, inc.rules = "block", MISMATCH
        inc.letters = [
            {"expect": "allow"},
            {"expect": "allow"},
            {"expect": "block", "rules": MISMATCH},
            {"expect": "allow"},
        ]
        b.pair(
            inc,
            b.add(
                cat,
                "pdf",
                render.pdf_letters(good),
                note="four notification letters, each to its victim",
                letters=letters,
            ),
        )


def threads(b: Builder, scale: float) -> None:
    reg = b.reg
    supp = [c for c in reg.clients if "postal_address" in c.suppressed and _adult(c) and c.register_no and c.emails]
    for i in range(reps(b, 3, scale)):
        a = supp[(i + 17) % len(supp)]
        staff = b.staff()
        where = a.address.one_line() if i % 3 != 2 else f"{a.address.suburb} now"
        her = (
            f"Hi {staff[0]},\n\nJust letting you know I've moved, I'm at {where}. Please don't tell anyone. "
            f"Is there any news on the parole hearing?\n\n{a.given}"
        )
        trimmed = (
            f"Hi {staff[0]},\n\nJust letting you know I've moved. Is there any news on the parole hearing?\n\n{a.given}"
        )
        reply = (
            "Thanks, I have passed this on. Adding the Board so they can confirm the hearing date for the "
            f"registered victim ({a.register_no})." + email_sig(staff)
        )
        when = "On Tue, 11 Mar 2025 at 19:42, " + f"{a.name} <{a.email}> wrote:\n"
        to = [a.email, f"hearings@{world.PAROLE}"]
        cat = "threads/reply-all-new-address"
        wrong = render.eml(b.msgid(), b.sender(staff), to, "Re: parole hearing", f"{reply}\n{when}{render.quote(her)}")
        what = "address" if i % 3 != 2 else "new suburb"
        note = f"reply-all to the parole board quotes the suppressed {what} of {a.client_id}"
        inc = b.block(cat, "eml", wrong, SUPP, note, True)
        right = render.eml(
            b.msgid(), b.sender(staff), to, "Re: parole hearing", f"{reply}\n{when}{render.quote(trimmed)}"
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"reply-all about {a.client_id}, quote without the move"))

    with_provider = [c for c in reg.clients if c.provider and c.claim_no and _adult(c)]
    for i in range(reps(b, 2, scale)):
        a = with_provider[(i + 3) % len(with_provider)]
        wrongp = next(p for p in reversed(world.PROVIDERS) if f"accounts@{p[1]}" != a.provider[1])
        staff = b.staff()
        orig = (
            f"-----Original Message-----\nFrom: {a.provider[2]} <{a.provider[1]}>\n"
            "Sent: Monday, 10 March 2025 3:12 PM\n"
            f"To: Payments <payments@{world.INTERNAL}>\nSubject: Invoice 4471 - {a.name}\n\n"
            f"Please find our invoice for sessions 4 to 8 for {a.name}, DOB {a.dob_text(0)}, claim {a.claim_no}.\n"
        )
        body = f"Hello,\n\nPayment of invoice 4471 was made today by EFT.{email_sig(staff)}\n{orig}"
        cat = "threads/outlook-forward-other-provider"
        wrong = render.eml(b.msgid(), b.sender(staff), [f"accounts@{wrongp[1]}"], "RE: Invoice 4471", body)
        inc = b.block(
            cat, "eml", wrong, ["mismatched_recipient"], f"remittance for {a.client_id} to a provider not theirs"
        )
        right = render.eml(b.msgid(), b.sender(staff), [a.provider[1]], "RE: Invoice 4471", body)
        b.pair(inc, b.add(cat, "eml", right, note=f"remittance for {a.client_id} to their provider"))

    mothers = [c for c in reg.clients if c.role == "family" and "phone" in c.suppressed and c.phones and c.emails]
    for i in range(reps(b, 2, scale)):
        if not mothers:
            break
        m = mothers[i % len(mothers)]
        f = reg.by_id[m.joint_with[0]]
        if not f.emails:
            continue
        staff = b.staff()
        hers = f"Thanks {staff[0]}. Best to call me on {m.phone} after 3pm.\n\n{m.given}"
        hers_t = f"Thanks {staff[0]}.\n\n{m.given}"
        top = (
            f"Dear {f.given},\n\nBoth applicants on the joint application ({f.claim_no}) have now signed the "
            "funeral expenses form; payment will be made next week." + email_sig(staff)
        )
        when = f"On Wed, 12 Mar 2025 at 08:15, {m.name} <{m.email}> wrote:\n"
        cat = "threads/forward-to-co-claimant"
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            [f.email],
            f"Fwd: joint application {f.claim_no}",
            f"{top}\n{when}{render.quote(hers)}",
        )
        inc = b.block(
            cat,
            "eml",
            wrong,
            SUPP,
            f"forward to joint claimant {f.client_id} quotes suppressed phone of {m.client_id}",
            True,
        )
        right = render.eml(
            b.msgid(),
            b.sender(staff),
            [f.email],
            f"Fwd: joint application {f.claim_no}",
            f"{top}\n{when}{render.quote(hers_t)}",
        )
        b.pair(
            inc, b.add(cat, "eml", right, note=f"joint application update to {f.client_id}, quote without the phone")
        )


def html_mail(b: Builder, scale: float) -> None:
    reg = b.reg
    for _ in range(reps(b, 2, scale)):
        a = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and bool(c.emails))
        other = reg.pick(lambda c: _adult(c) and bool(c.emails) and _open(c, "email"), exclude=(a,))
        staff = b.staff()
        bsb, acct = world.bank(b.rng)
        rows = "".join(
            f"<tr><td>{k}</td><td>{v}</td></tr>"
            for k, v in [
                ("Applicant", a.name),
                ("Application", a.claim_no),
                ("Paid to", f"BSB {bsb} Account {acct}"),
                ("Amount", f"${b.rng.randint(300, 4000)}.00"),
            ]
        )
        html_body = (
            f"<html><body><p>Dear {a.given},</p><p>A payment has been made:</p><table border='1'>{rows}</table>"
            f"<p>{world.ORG}</p></body></html>"
        )
        text = f"Dear {a.given},\n\nA payment has been made on application {a.claim_no}.\n"
        cat = "html-mail/payment-advice-other-victim"
        wrong = render.eml(b.msgid(), b.sender(staff), [other.email], "Payment advice", text, html_body=html_body)
        inc = b.block(
            cat, "eml", wrong, ["mismatched_recipient"], f"payment advice of {a.client_id} to {other.client_id}"
        )
        right = render.eml(b.msgid(), b.sender(staff), [a.email], "Payment advice", text, html_body=html_body)
        b.pair(inc, b.add(cat, "eml", right, note=f"payment advice of {a.client_id} to them"))

    supp = [c for c in reg.clients if "postal_address" in c.suppressed and _adult(c) and c.register_no]
    for i in range(reps(b, 2, scale)):
        a = supp[(i + 21) % len(supp)]
        staff = b.staff()
        visible = (
            f"<p>Dear Secretary,</p><p>Registered victim {a.name} ({a.register_no}) will attend the hearing of "
            f"{a.offender} by video link.</p><p>{staff[0]} {staff[1]}<br>{world.ORG}</p>"
        )
        hidden = f"<div style='display:none'>Mail merge source: {a.name}, {a.address.one_line()}</div>"
        text = f"Registered victim {a.name} ({a.register_no}) will attend the hearing of {a.offender} by video link."
        cat = "html-mail/hidden-template-address"
        to = [f"hearings@{world.PAROLE}"]
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            to,
            "Hearing attendance",
            text,
            html_body=f"<html><body>{visible}{hidden}</body></html>",
        )
        inc = b.block(cat, "eml", wrong, SUPP, f"hidden HTML holds the suppressed address of {a.client_id}", True)
        right = render.eml(
            b.msgid(), b.sender(staff), to, "Hearing attendance", text, html_body=f"<html><body>{visible}</body></html>"
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"attendance of {a.client_id} to the board, no address"))


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def bulk(b: Builder, scale: float) -> None:
    reg = b.reg
    claimants = [c for c in reg.clients if c.claim_no and _adult(c) and _open(c, "postal_address", "phone", "email")]
    header = ["Invoice", "Client", "DOB", "Claim No", "Sessions", "Amount"]
    for i in range(reps(b, 2, scale)):
        practice, dom, clinician = world.PROVIDERS[i % len(world.PROVIDERS)]
        own = [
            c for c in reg.clients if c.provider and c.provider[1] == f"accounts@{dom}" and _open(c, "postal_address")
        ][:4]
        many = b.rng.sample(claimants, min(45, len(claimants)))
        row = lambda c, n: [
            f"INV-{5000 + n}",
            c.name,
            c.dob_text(0),
            c.claim_no,
            str(b.rng.randint(1, 6)),
            f"{b.rng.randint(150, 1200)}.00",
        ]  # noqa: E731
        staff = b.staff()
        body = (
            f"Dear {clinician},\n\nAttached is the payment run for March. Please reconcile against your records."
            + email_sig(staff)
        )
        cat = "bulk/payment-run-to-provider"
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"accounts@{dom}"],
            "March payment run",
            body,
            attachments=[Attachment("payment_run_march.csv", _csv(header, [row(c, n) for n, c in enumerate(many)]))],
        )
        inc = b.block(
            cat,
            "eml",
            wrong,
            ["bulk_client_data", "mismatched_recipient"],
            f"whole payment run ({len(many)} clients) to one provider",
        )
        right = render.eml(
            b.msgid(),
            b.sender(staff),
            [f"accounts@{dom}"],
            "March payment run",
            body,
            attachments=[Attachment("payment_run_march.csv", _csv(header, [row(c, n) for n, c in enumerate(own)]))],
        )
        b.pair(inc, b.add(cat, "eml", right, note=f"the provider's own {len(own)} clients"))

    registered = [c for c in reg.clients if c.register_no and _adult(c) and _open(c, "postal_address")]
    for i in range(reps(b, 2, scale)):
        staff = b.staff()
        to = [f"hearings@{world.PAROLE}"] if i % 2 == 0 else ["research@criminology.uni.example"]
        many = b.rng.sample(registered, min(40, len(registered)))
        cols = (
            ["Register No", "Name", "Offender", "Suburb"]
            if i % 2 == 0
            else ["Register No", "Name", "Date of birth", "Offender"]
        )
        cell = lambda c: (
            [c.register_no, c.name, c.offender, c.address.suburb]
            if i % 2 == 0
            else [c.register_no, c.name, c.dob_text(2), c.offender]
        )  # noqa: E731
        cat = "bulk/register-extract"
        body = "Hello,\n\nThe extract you asked for is attached." + email_sig(staff)
        wrong = render.eml(
            b.msgid(),
            b.sender(staff),
            to,
            "Register extract",
            body,
            attachments=[
                Attachment(
                    "register_extract.docx",
                    render.docx_table("Victims Register extract", cols, [cell(c) for c in many]),
                )
            ],
        )
        rules = ["bulk_client_data", "mismatched_recipient"] if i % 2 else ["bulk_client_data"]
        inc = b.block(cat, "eml", wrong, rules, f"register extract of {len(many)} victims to an outside party")
        summary = [["Metropolitan", str(b.rng.randint(300, 900))], ["Regional", str(b.rng.randint(80, 300))]]
        right = render.eml(
            b.msgid(),
            b.sender(staff),
            to,
            "Register extract",
            body,
            attachments=[
                Attachment(
                    "register_extract.docx",
                    render.docx_table("Victims Register - counts by region", ["Region", "Registered victims"], summary),
                )
            ],
        )
        b.pair(inc, b.add(cat, "eml", right, note="counts by region, no client rows"))


UNMERGED = [
    ("\u00abFirstName\u00bb", "guillemets", "pdf-window"),
    ("{{ given_name }}", "double-braces", "eml"),
    ("<<Title>> <<Surname>>", "angle-brackets", "rtf"),
    ("[Surname]", "square-brackets", "txt"),
    ("MERGEFIELD", "docx-mergefield", "docx"),
    ("\u00abRegister_No\u00bb", "guillemets-reference", "pdf-sidepanel"),
]


def unmerged(b: Builder, scale: float) -> None:
    reg = b.reg
    for i in range(reps(b, 6, scale)):
        token, var, fmt = UNMERGED[i % len(UNMERGED)]
        a = reg.pick(lambda c: _adult(c) and bool(c.register_no) and bool(c.emails))
        staff = b.staff()
        cat = f"unmerged/{var}"
        right_l = court_letter(b, a, addr_block(a), staff)
        if fmt == "eml":
            good = victim_email_body(b, a, staff)
            bad = good.replace(f"Dear {a.given},", f"Dear {token},")
            inc = b.block(
                cat,
                "eml",
                render.eml(b.msgid(), b.sender(staff), [a.email], "Your court date", bad),
                ["unmerged_field"],
                f"unfilled greeting to {a.client_id}",
            )
            b.pair(
                inc,
                b.add(
                    cat,
                    "eml",
                    render.eml(b.msgid(), b.sender(staff), [a.email], "Your court date", good),
                    note=f"email to {a.client_id}",
                ),
            )
            continue
        wrong_l = court_letter(b, a, addr_block(a), staff)
        wrong_l.date, wrong_l.subject, wrong_l.paragraphs, wrong_l.refs = (
            right_l.date,
            right_l.subject,
            right_l.paragraphs,
            right_l.refs,
        )
        if var == "docx-mergefield":
            wrong_l.salutation = "Dear \u00abFirstName\u00bb"
            data = render.docx_letter(wrong_l, merge_fields={"Your court support worker": "CaseWorker"})
            ext = "docx"
        else:
            if var == "guillemets-reference":
                wrong_l.refs = [("Our reference", token)]
            else:
                wrong_l.salutation = f"Dear {token}"
            ext, data = render.render_letter(wrong_l, fmt)
        inc = b.block(cat, ext, data, ["unmerged_field"], f"letter to {a.client_id} with an unfilled merge field")
        ext, data = render.render_letter(right_l, fmt)
        b.pair(inc, b.add(cat, ext, data, note=f"court support letter to {a.client_id}"))


def unscannable(b: Builder, scale: float) -> None:
    reg = b.reg
    kinds = [
        "encrypted-pdf-attachment",
        "encrypted-pdf-letter",
        "corrupt-pdf-attachment",
        "corrupt-docx-letter",
        "corrupt-zip-attachment",
        "encrypted-pdf-attachment",
    ]
    for i in range(reps(b, 6, scale)):
        kind = kinds[i % len(kinds)]
        a = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and bool(c.emails))
        staff = b.staff()
        ltr = determination_letter(b, a, addr_block(a), staff)
        cat = f"unscannable/{kind}"
        note = f"determination of {a.client_id} that cannot be read"
        if kind.endswith("letter"):
            if "pdf" in kind:
                bad_ext, bad, good_ext, good = "pdf", render.pdf_encrypted(ltr), "pdf", render.pdf_letter(ltr)
            else:
                good = render.docx_letter(ltr)
                bad_ext, bad, good_ext = "docx", good[: len(good) // 2], "docx"
            inc = b.block(cat, bad_ext, bad, ["unscannable_content"], note)
            b.pair(inc, b.add(cat, good_ext, good, note=f"determination of {a.client_id}, readable"))
            continue
        pdf = render.pdf_letter(ltr)
        if kind.startswith("encrypted"):
            bad_att, good_att = (
                Attachment("Determination.pdf", render.pdf_encrypted(ltr)),
                Attachment("Determination.pdf", pdf),
            )
        elif kind.startswith("corrupt-pdf"):
            bad_att, good_att = (
                Attachment("Determination.pdf", render.corrupt_pdf(ltr)),
                Attachment("Determination.pdf", pdf),
            )
        else:
            z = render.zip_of([("Determination.pdf", pdf)])
            bad_att, good_att = Attachment("Documents.zip", z[: len(z) // 2]), Attachment("Documents.zip", z)
        body = victim_email_body(b, a, staff, "Your notice of determination is attached. ")
        inc = b.block(
            cat,
            "eml",
            render.eml(b.msgid(), b.sender(staff), [a.email], "Determination", body, attachments=[bad_att]),
            ["unscannable_content"],
            note,
        )
        right = render.eml(b.msgid(), b.sender(staff), [a.email], "Determination", body, attachments=[good_att])
        b.pair(inc, b.add(cat, "eml", right, note=f"determination of {a.client_id} to them, readable"))


def merged_run_pdf(b: Builder, scale: float) -> None:
    """A print room's merged PDF given to `dlp scan`: six notification letters, the reference column shifted."""
    reg = b.reg
    people = []
    while len(people) < 6:
        p = reg.pick(lambda c: _adult(c) and bool(c.register_no) and _open(c, "postal_address"))
        if p not in people:
            people.append(p)
    staff = b.staff()
    good = [release_letter(b, p, addr_block(p, 0), staff) for p in people]
    bad = []
    for n, p in enumerate(people):
        ltr = release_letter(b, p, addr_block(p, 0), staff)
        ltr.date, ltr.paragraphs, ltr.subject = good[n].date, list(good[n].paragraphs), good[n].subject
        if n >= 3:
            nxt = people[3 + (n - 2) % 3]
            ltr.refs = [("Register number", nxt.register_no)]
            ltr.paragraphs[0] = ltr.paragraphs[0].replace(p.register_no, nxt.register_no)
        bad.append(ltr)
    cat = "mail-merge/merged-pdf-reference-shift"
    inc = b.add(
        cat,
        "pdf",
        render.pdf_letters(bad, "window"),
        expect="block",
        note="letters 4-6 carry the next row's register number",
    )
    inc.letters = [{"expect": "allow"}] * 3 + [{"expect": "block", "rules": MIXED}] * 3
    b.pair(
        inc,
        b.add(
            cat,
            "pdf",
            render.pdf_letters(good, "window"),
            note="six notification letters",
            letters=[{"expect": "allow"}] * 6,
        ),
    )
