"""Areas: mime-parts, identifiers-dates (mail), bulk, unmerged, unscannable."""

from __future__ import annotations

import csv
import dataclasses
import io
import random

from . import render
from .common import DOMAIN, INTERPRETER_DOMAIN, LAWYERS, Corpus, make_bad_tfn, make_medicare, make_tfn, signature
from .letters import client_letter, emit, pick, unrelated
from .mail import COURT_MAIL, frm, fv_pair, staff
from .registry import Client, Registry
from .text import COURTS, date_words, hearing


def mime_parts(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    for k in range(cp.n(6)):
        a = pick(rng, reg, lambda c: bool(c.emails) and not c.suppressed, avoid)
        b = pick(rng, reg, lambda c, a=a: unrelated(a, c) and not c.suppressed, avoid)
        lw = staff(k)
        fmt = ["pdf", "docx"][k % 2]
        seed = rng.random()
        la = client_letter(a, random.Random(seed), k)
        lb = client_letter(b, random.Random(seed), k)
        ext, ga = emit(la, fmt)
        _, gb = emit(lb, fmt)
        ctype = (
            "application/pdf"
            if fmt == "pdf"
            else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        txt = f"Dear {a.given},\n\nPlease find your letter attached.\n\nKind regards,\n\n{signature(lw)}"
        fname = f"Letter_{a.family.replace(' ', '_')}.{ext}"
        cp.pair(
            f"mime-parts/wrong-attachment-{fmt}",
            "eml",
            mailer.mail(
                frm(lw), [a.emails[0]], "Your letter from Ironbark Legal Aid", txt, attachments=[(fname, ctype, gb)]
            ),
            mailer.mail(
                frm(lw), [a.emails[0]], "Your letter from Ironbark Legal Aid", txt, attachments=[(fname, ctype, ga)]
            ),
            ["mismatched_recipient"],
            f"mail to {a.client_id} attaches the letter of {b.client_id}",
            f"mail to {a.client_id} attaches their own letter",
        )
    # CSV attachment of a client's fines
    for _k in range(cp.n(2)):
        a = pick(rng, reg, lambda c: bool(c.emails) and not c.suppressed, avoid)
        b = pick(rng, reg, lambda c, a=a: unrelated(a, c) and not c.suppressed, avoid)
        lw = LAWYERS[4]

        def fines(c: Client) -> bytes:
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(["Client", "File", "Obligation", "Issued", "Amount", "Status"])
            r = random.Random(c.client_id)
            for _i in range(4):
                w.writerow(
                    [
                        f"{c.given} {c.family}",
                        c.ref,
                        f"OB{r.randint(1000000, 9999999)}",
                        f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/2025",
                        f"{r.randint(90, 900)}.00",
                        r.choice(["Withdrawn", "Payment plan", "Under review"]),
                    ]
                )
            return buf.getvalue().encode()

        txt = f"Hi {a.given},\n\nAttached is the list of your fines and where each is up to.\n\n{lw[0]}"
        cp.pair(
            "mime-parts/csv-attachment",
            "eml",
            mailer.mail(frm(lw), [a.emails[0]], "Your fines", txt, attachments=[("fines.csv", "text/csv", fines(b))]),
            mailer.mail(frm(lw), [a.emails[0]], "Your fines", txt, attachments=[("fines.csv", "text/csv", fines(a))]),
            ["mismatched_recipient"],
            f"fines list of {b.client_id} sent to {a.client_id}",
            f"fines list of {a.client_id} sent to them",
        )
    # calendar invitation for a court date
    for k in range(cp.n(3)):
        v, r, sol = fv_pair(cp, reg, avoid)
        if not v.emails:
            continue
        lw = staff(k + 1)
        h = hearing(rng)
        court = COURTS[k % len(COURTS)]

        def ev(to: str, v: Client = v, h=h, court=court, lw=lw, k=k) -> bytes:
            return render.ics(
                f"Court: FVIO {v.family} - file {v.ref}",
                h,
                f"{court[0]}, {court[1]}, {court[2]}",
                f"Meet {lw[0]} at the registry counter 30 minutes before. Safe room booked.",
                f"fvio-{v.client_id}-{k}",
                [to],
            )

        txt = f"Court date for file {v.ref}: {h.strftime('%d/%m/%Y %H:%M')} at the {court[0]}.\n\n{lw[0]}"
        cp.pair(
            "mime-parts/calendar-invite",
            "eml",
            mailer.mail(
                frm(lw),
                [sol],
                f"Invitation: Court - {v.family}",
                txt,
                attachments=[("invite.ics", "text/calendar", ev(sol))],
            ),
            mailer.mail(
                frm(lw),
                [v.emails[0]],
                f"Invitation: Court - {v.family}",
                txt,
                attachments=[("invite.ics", "text/calendar", ev(v.emails[0]))],
            ),
            ["mismatched_recipient"],
            f"court invitation with the file of {v.client_id} sent to the solicitor of {r.client_id}",
            f"court invitation sent to {v.client_id} themself",
        )
    # vCard of the victim forwarded to the interpreter service
    for k in range(cp.n(2)):
        v = pick(rng, reg, lambda c: "phone" in c.suppressed, avoid)
        lw = staff(k + 6)
        vc_bad = render.vcard(
            f"{v.given} {v.family}",
            v.family,
            v.given,
            "",
            v.phones[0],
            v.emails[0] if v.emails else f"noemail.{v.client_id.lower()}@{DOMAIN}",
        )
        vc_good = render.vcard(
            lw[0],
            lw[0].split()[-1],
            lw[0].split()[0],
            "Ironbark Legal Aid Commission",
            "1300 792 118",
            f"{lw[1]}@{DOMAIN}",
        )
        txt = (
            "Hello,\n\nFor Thursday's telephone interpreting session, the contact card is attached. Please call "
            "at 11 am.\n\n" + lw[0]
        )
        cp.pair(
            "mime-parts/vcard",
            "eml",
            mailer.mail(
                frm(lw),
                [f"bookings@{INTERPRETER_DOMAIN}"],
                "Phone interpreting - contact",
                txt,
                attachments=[("contact.vcf", "text/vcard", vc_bad)],
            ),
            mailer.mail(
                frm(lw),
                [f"bookings@{INTERPRETER_DOMAIN}"],
                "Phone interpreting - contact",
                txt,
                attachments=[("contact.vcf", "text/vcard", vc_good)],
            ),
            ["suppressed_detail_exposed"],
            f"vCard with the suppressed phone of {v.client_id} to the interpreter service",
            "vCard of the commission's lawyer to the interpreter service",
            suppressed=True,
        )


def identifiers_mail(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    for k in range(cp.n(3)):
        a = pick(rng, reg, lambda c: c.matter == "family" and not c.suppressed, avoid)
        lw = staff(k + 1)
        tfn = make_tfn(rng)
        stmt = render.pdf_text(
            "Child support - income details",
            [
                f"Parent: {a.given} {a.family}",
                f"Tax file number: {tfn}",
                f"Taxable income 2024-25: ${rng.randint(28, 95)},{rng.randint(100, 999)}",
                "Source: notice of assessment provided by the client.",
            ],
        )
        txt = "Hi,\n\nIncome details for the child support assessment are attached.\n\n" + lw[0]
        ext_to = "kmarsh@marshlegal.example" if k % 2 == 0 else "ballarat.counselling@clinicmail.example"
        cp.pair(
            "identifiers-dates/tfn-attachment",
            "eml",
            mailer.mail(
                frm(lw),
                [ext_to],
                "Child support income details",
                txt,
                attachments=[("income.pdf", "application/pdf", stmt)],
            ),
            mailer.mail(
                frm(lw),
                [f"family.finance@{DOMAIN}"],
                "Child support income details",
                txt,
                attachments=[("income.pdf", "application/pdf", stmt)],
            ),
            ["sensitive_identifier", "mismatched_recipient"],
            f"valid TFN of {a.client_id} in an attachment to an external address",
            f"same TFN of {a.client_id} to the internal finance team",
        )
    for k in range(cp.n(2)):
        a = pick(rng, reg, lambda c: not c.suppressed, avoid)
        lw = staff(k + 3)
        med = make_medicare(rng)
        body = (
            f"Dear Dr Abeysekera,\n\nThank you for agreeing to prepare a report about our client "
            f"{a.given} {a.family}.{{M}}\n\nThe report is needed by {date_words(hearing(rng).date())}.\n\n"
            + signature(lw)
        )
        cp.pair(
            "identifiers-dates/medicare-in-body",
            "eml",
            mailer.mail(
                frm(lw),
                ["reception@abeysekera-psych.example"],
                "Report request",
                body.replace("{M}", f" The Medicare number is {med} if you need to bill directly."),
            ),
            mailer.mail(
                frm(lw),
                ["reception@abeysekera-psych.example"],
                "Report request",
                body.replace("{M}", " Our client will bring a Medicare card to the appointment."),
            ),
            ["sensitive_identifier"],
            f"valid Medicare number of {a.client_id} to an external practitioner",
            f"same request about {a.client_id} without the number",
        )
    # look-alikes: numbers that fail the checksums, the commission's own numbers, hearing dates
    for k in range(cp.n(3)):
        lw = staff(k)
        bad_tfn = make_bad_tfn(rng)
        bad_med = make_medicare(rng, valid=False)
        txt = (
            f"Hi,\n\nPayment of invoice {bad_tfn.replace(' ', '')} (disbursement voucher {bad_med}) was "
            f"processed on {date_words(hearing(rng).date())}. Remittance to follow from accounts on "
            f"1300 792 118.\n\n{signature(lw)}"
        )
        cp.allow(
            "identifiers-dates/checksum-lookalike",
            "eml",
            mailer.mail(frm(lw), ["accounts@chamberscounsel.example"], "Remittance advice", txt),
            "9- and 10-digit numbers failing TFN/Medicare checksums, no client",
        )


def bulk(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    pool = [c for c in reg.clients if not c.suppressed]
    targets = [
        ("csv", "barrister.clerk@ownerschambers.example", "external barristers' clerk"),
        ("pdf", COURT_MAIL[1], "court registry (approved domain, still bulk)"),
        ("docx", "rosa.achterberg.home@gmail.example", "a staff member's personal mailbox"),
        ("csv", "data@ironbark-research.example", "an external researcher"),
    ]
    for k in range(cp.n(4)):
        kind, to, who = targets[k % len(targets)]
        rows = rng.sample(pool, 28 + k)
        lw = staff(k)
        header = ["Client", "DOB", "File", "Mobile", "Next date", "Court"]
        data = [
            [
                f"{c.given} {c.family}",
                c.dob.strftime("%d/%m/%Y"),
                c.ref,
                c.phones[0],
                hearing(random.Random(c.client_id)).strftime("%d/%m/%Y"),
                rng.choice(COURTS)[0],
            ]
            for c in rows
        ]
        if kind == "csv":
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(header)
            w.writerows(data)
            att = ("duty_list.csv", "text/csv", buf.getvalue().encode())
        elif kind == "pdf":
            att = (
                "duty_list.pdf",
                "application/pdf",
                render.pdf_text("Duty lawyer list", [" | ".join(header)] + [" | ".join(r) for r in data]),
            )
        else:
            import docx

            d = docx.Document()
            d.add_paragraph("Duty lawyer list")
            t = d.add_table(rows=1, cols=len(header))
            for i, h in enumerate(header):
                t.rows[0].cells[i].text = h
            for r in data:
                cells = t.add_row().cells
                for i, v in enumerate(r):
                    cells[i].text = v
            att = (
                "duty_list.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                render.docx_bytes(d),
            )
        txt = f"Hi,\n\nThe list for next week is attached ({len(rows)} clients).\n\n{lw[0]}"
        cp.pair(
            f"bulk/client-list-{kind}",
            "eml",
            mailer.mail(frm(lw), [to], "Duty list", txt, attachments=[att]),
            mailer.mail(frm(lw), [f"duty.lawyers@{DOMAIN}"], "Duty list", txt, attachments=[att]),
            ["bulk_client_data"],
            f"{len(rows)} client records to {who}",
            f"same {len(rows)} client records to an internal list",
        )


def printed_together(cp: Corpus, reg: Registry, avoid: set[str]) -> None:
    """Seed 003: pages of two clients printed together; a print job of several letters in one PDF."""
    rng = cp.rng
    for k in range(cp.n(3)):
        a = pick(rng, reg, lambda c: not c.suppressed, avoid)
        b = pick(rng, reg, lambda c, a=a: unrelated(a, c) and not c.suppressed, avoid)
        L = client_letter(a, random.Random(k), k + 1)
        L = dataclasses.replace(L, extra=["Enclosure: statement of contributions"])

        def stmt(c: Client) -> list[str]:
            r = random.Random(c.client_id)
            return (
                [f"Client: {c.title} {c.given} {c.family}", f"File: {c.ref}", f"Address: {c.address}", ""]
                + [
                    f"{r.randint(1, 28):02d}/{m:02d}/2025   Instalment received   ${r.randint(2, 9) * 10}.00"
                    for m in range(7, 13)
                ]
                + ["", "Balance outstanding: $" + f"{r.randint(50, 900)}.00"]
            )

        cp.pair(
            "mime-parts/pages-two-clients",
            "pdf",
            render.pdf_letter_enclosure(L, "Statement of contributions", stmt(b)),
            render.pdf_letter_enclosure(L, "Statement of contributions", stmt(a)),
            ["mixed_client_documents", "mismatched_recipient"],
            f"letter to {a.client_id} with page 2 (statement) of {b.client_id}",
            f"letter to {a.client_id} with their own statement",
        )
    for _k in range(cp.n(1)):
        cs = [pick(rng, reg, lambda c: not c.suppressed, avoid) for _ in range(4)]
        out = pick(rng, reg, lambda c, cs=cs: not c.suppressed and all(unrelated(x, c) for x in cs), avoid)
        good = [client_letter(c, random.Random(50 + i), i) for i, c in enumerate(cs)]
        bad = list(good)
        bad[2] = client_letter(cs[2], random.Random(52), 2, content=out)
        bad[2] = dataclasses.replace(bad[2], subject=bad[2].subject.rsplit(" - ", 1)[0])
        lb = [
            {"expect": "allow"},
            {"expect": "allow"},
            {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]},
            {"expect": "allow"},
        ]
        b_id = cp.write(
            "pdf",
            render.pdf_letters(bad),
            {
                "category": "mime-parts/merged-print-job",
                "letters": lb,
                "note": f"print job of 4 letters; letter 3 to {cs[2].client_id} carries the file of {out.client_id}",
            },
        )
        g_id = cp.write(
            "pdf",
            render.pdf_letters(good),
            {
                "category": "mime-parts/merged-print-job",
                "letters": [{"expect": "allow"}] * 4,
                "note": "print job of 4 letters, each to its own client",
            },
        )
        cp.by_id(b_id)["twin"] = g_id
        cp.by_id(g_id)["twin"] = b_id
