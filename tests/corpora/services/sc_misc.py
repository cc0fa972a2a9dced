"""Bulk extracts, unmerged fields, unscannable parts, and everyday legitimate mail."""

from __future__ import annotations

import copy
import csv
import io
import zipfile

from . import idents, mail, org
from . import lettertools as lt
from .corpus import Corpus
from .docs import render_docx, stable_zip
from .letters import FIXED_DATE
from .mail import Attachment, Mail
from .mailtools import eml, first, pdf_att, sig, staff_contact, who
from .population import Client

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _extract_rows(clients: list[Client], cx: Corpus) -> list[list[str]]:
    rows = [["CRN", "Given names", "Family name", "Address", "Phone", "Arrears"]]
    for c in clients:
        # The reporting system already masks suppressed details, as it should.
        addr = "SUPPRESSED" if "postal_address" in c.suppressed else c.address.one_line()
        phone = "SUPPRESSED" if "phone" in c.suppressed else idents.phone_variants(c.phones[0])[0]
        rows.append([c.crn, c.given, c.family, addr, phone, idents.money(cx.rng, 0, 3000)])
    return rows


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Extract"
    for r in rows:
        ws.append(r)
    wb.properties.created = wb.properties.modified = FIXED_DATE.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    return stable_zip(buf.getvalue())


def bulk(cx: Corpus) -> None:
    rng = cx.rng
    everyone = cx.pop.clients
    for i in range(cx.n(5)):
        s = cx.staff()
        people = rng.sample(everyone, min(len(everyone), rng.randint(40, 140)))
        rows = _extract_rows(people, cx)
        kind = ["csv", "xlsx", "body", "pdf", "csv"][i % 5]
        text = "Hi,\n\nExtract attached as discussed." + sig(s)
        attachments: list[Attachment] = []
        if kind == "csv":
            attachments = [Attachment("arrears_extract.csv", "text/csv", _csv(rows))]
        elif kind == "xlsx":
            attachments = [Attachment("arrears_extract.xlsx", XLSX, _xlsx(rows))]
        elif kind == "pdf":
            from .letters import LetterDoc

            doc = LetterDoc(
                block=[],
                heading="Arrears report - all tenancies over 14 days",
                date=lt.letter_date(rng),
                table=rows,
                unit_name="Rent Assessment",
            )
            attachments = [pdf_att("arrears_report", lt.render(doc, "pdf", "plain"))]
        else:
            text = "Hi,\n\nList below.\n\n" + "\n".join(" | ".join(r) for r in rows) + sig(s)
        good = Mail(
            staff_contact(s),
            [("Reporting", f"reporting@cases.{org.DOMAIN}")],
            "Arrears extract",
            text,
            attachments=attachments,
            minutes=cx.tick(),
        )
        bad = copy.deepcopy(good)
        bad.to = [("", org.OUTSIDERS[i % len(org.OUTSIDERS)])]
        cx.pair(
            f"bulk/{kind}-extract",
            eml(bad, rng),
            eml(good, rng),
            ["bulk_client_data", "mismatched_recipient"],
            note=f"records of {len(people)} clients sent to an outside address",
            twin_note=f"the same extract of {len(people)} clients to the internal reporting team",
        )
    provider = org.APPROVED[2]
    for _ in range(cx.n(2)):
        s = cx.staff()
        many = rng.sample(everyone, min(len(everyone), rng.randint(60, 120)))
        few = rng.sample(cx.pop.singles, 2)
        base = Mail(
            staff_contact(s),
            [(provider.contact, provider.email)],
            "Tenancies transferring to Yarrun",
            "Hi,\n\nAttached is the list of tenancies for the handover meeting." + sig(s),
            minutes=cx.tick(),
        )
        bad, good = copy.deepcopy(base), copy.deepcopy(base)
        bad.attachments = [Attachment("handover.xlsx", XLSX, _xlsx(_extract_rows(many, cx)))]
        good.attachments = [Attachment("handover.xlsx", XLSX, _xlsx(_extract_rows(few, cx)))]
        cx.pair(
            "bulk/approved-third-party",
            eml(bad, rng),
            eml(good, rng),
            ["bulk_client_data"],
            note=f"records of {len(many)} clients to an approved provider (still subject to the bulk rule)",
            twin_note="two transferring tenancies to the approved provider: " + ", ".join(c.cid for c in few),
        )


UNMERGED = [
    ("«FirstName»", "pdf", "window"),
    ("{{ tenancy_no }}", "docx", "table"),
    ("<<Title>> <<Surname>>", "eml", ""),
    ("[Surname]", "rtf", ""),
    ("{ MERGEFIELD CRN }", "txt", ""),
    ("«Suburb» «Postcode»", "pdf", "govt"),
]


def unmerged(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(6)):
        token, fmt, layout = UNMERGED[i % len(UNMERGED)]
        c = _with_email(cx) if fmt == "eml" else cx.single()
        if fmt == "eml":
            s = cx.staff()
            good = Mail(
                staff_contact(s),
                [who(c, rng)],
                "Your concession renewal",
                f"Dear {c.salutation()[5:]},\n\nYour concession has been renewed to 30 June 2026." + sig(s),
                minutes=cx.tick(),
            )
            bad = copy.deepcopy(good)
            bad.text = good.text.replace(c.salutation()[5:], token, 1)
            cx.pair(
                "unmerged/email",
                eml(bad, rng),
                eml(good, rng),
                ["unmerged_field"],
                note=f"email to {c.cid} with the placeholder {token}",
                twin_note=f"the merged email to {c.cid}",
            )
            continue
        doc = lt.standard_letter(c, rng)
        bad_doc = copy.deepcopy(doc)
        if "Surname" in token or "FirstName" in token:
            bad_doc.salutation = f"Dear {token}"
        elif "Suburb" in token:
            bad_doc.block = bad_doc.block[:2] + [token]
        elif "tenancy" in token:
            bad_doc.pre = [f"Tenancy: {token}"]
            doc.pre = [f"Tenancy: {idents.tenancy_written(c.tenancy, rng)}"] if c.tenancy else ["Tenancy: new"]
        else:
            bad_doc.pre = [f"CRN: {token}"]
            doc.pre = [f"CRN: {idents.crn_written(c.crn, rng)}"]
        cx.pair(
            f"unmerged/{fmt}",
            lt.render(bad_doc, fmt, layout),
            lt.render(doc, fmt, layout),
            ["unmerged_field"],
            note=f"letter to {c.cid} with the placeholder {token}",
            twin_note=f"the merged letter to {c.cid}",
        )
    for _ in range(cx.n(2)):
        c = cx.single()
        doc = lt.standard_letter(c, rng, topic_name="concession")
        doc.form = [("Office use only", "[ ] approved   [ ] declined   [ ] referred"), ("Checked by", "")]
        doc.after = ["Please tick [x] the box that applies and return the form (see over)."]
        fmt, layout = lt.any_format(rng)
        cx.put(
            lt.render(doc, fmt, layout),
            "unmerged/look-alike",
            "allow",
            note=f"letter to {c.cid} with tick boxes in square brackets, no merge field",
        )


def _with_email(cx: Corpus) -> Client:
    for _ in range(50):
        c = cx.single()
        if c.emails:
            return c
    raise RuntimeError("no client with an email")


def _encrypted_docx(data: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    src = OOXMLFile(io.BytesIO(data))
    out = io.BytesIO()
    src.encrypt("Tenancy2026!", out)
    return out.getvalue()


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(
            zipfile.ZipInfo("scans/statement_scan.txt", (2026, 3, 2, 9, 0, 0)),
            b"\0" * (48 * 1024 * 1024),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return buf.getvalue()


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 3, 2, 9, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def unscannable(cx: Corpus) -> None:
    rng = cx.rng
    kinds = [
        "encrypted-pdf",
        "encrypted-docx",
        "smime-encrypted",
        "pgp-encrypted",
        "corrupt-pdf",
        "archive-bomb",
        "encrypted-pdf-letter",
    ]
    for i in range(cx.n(len(kinds))):
        kind = kinds[i % len(kinds)]
        c = _with_email(cx)
        s = cx.staff()
        doc = lt.standard_letter(c, rng, topic_name="rent_review")
        plain_pdf = lt.render(doc, "pdf", "window")[1]
        if kind == "encrypted-pdf-letter":
            from .letters import render_pdf

            cx.pair(
                "unscannable/encrypted-pdf-letter",
                ("pdf", render_pdf([doc], "window", encrypt_password="c" + c.crn[-4:])),
                ("pdf", plain_pdf),
                ["unscannable_content"],
                note=f"password-protected letter to {c.cid} in the pre-send folder",
                twin_note=f"the same letter to {c.cid} without a password",
            )
            continue
        text = f"Hi {first(c)},\n\nYour letter is attached." + sig(s)
        base = Mail(staff_contact(s), [who(c, rng)], "Your rent review letter", text, minutes=cx.tick())
        good = copy.deepcopy(base)
        good.attachments = [Attachment("Rent review.pdf", "application/pdf", plain_pdf)]
        bad_bytes: bytes
        if kind == "encrypted-pdf":
            from .letters import render_pdf

            bad = copy.deepcopy(base)
            bad.text = text.replace("attached.", "attached. The password is your date of birth (DDMMYYYY).")
            bad.attachments = [
                Attachment(
                    "Rent review.pdf",
                    "application/pdf",
                    render_pdf([doc], "window", encrypt_password=c.dob.strftime("%d%m%Y")),
                )
            ]
            bad_bytes = mail.build(bad, rng)
        elif kind == "encrypted-docx":
            docx_bytes = render_docx(doc)
            good.attachments = [
                Attachment(
                    "Rent review.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx_bytes,
                )
            ]
            bad = copy.deepcopy(good)
            bad.attachments = [Attachment("Rent review.docx", good.attachments[0].ctype, _encrypted_docx(docx_bytes))]
            bad_bytes = mail.build(bad, rng)
        elif kind == "smime-encrypted":
            tribunal = org.APPROVED[0]
            good = Mail(
                staff_contact(s),
                [(tribunal.contact, tribunal.email)],
                "Application bundle",
                "Application bundle for hearing listing attached." + sig(s),
                minutes=cx.tick(),
                attachments=[Attachment("Application.pdf", "application/pdf", plain_pdf)],
            )
            bad_bytes = mail.build_smime_encrypted(good, rng)
        elif kind == "pgp-encrypted":
            bad_bytes = mail.build_pgp_encrypted(good, rng)
        elif kind == "corrupt-pdf":
            bad = copy.deepcopy(good)
            bad.attachments = [Attachment("Rent review.pdf", "application/pdf", plain_pdf[: len(plain_pdf) // 3])]
            bad_bytes = mail.build(bad, rng)
        else:
            bad = copy.deepcopy(good)
            bad.attachments = [Attachment("scans.zip", "application/zip", _bomb())]
            good.attachments = [Attachment("scans.zip", "application/zip", _zip({"Rent review.pdf": plain_pdf}))]
            bad_bytes = mail.build(bad, rng)
        cx.pair(
            f"unscannable/{kind}",
            ("eml", bad_bytes),
            eml(good, rng),
            ["unscannable_content"],
            note=f"email about {c.cid} with an unreadable part ({kind})",
            twin_note=f"the same email about {c.cid}, readable",
        )


def everyday(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(80)):
        c = cx.single() if i % 3 else cx.take("everyday-hh", cx.pop.households)[0]
        fmt, layout = lt.LETTER_FORMATS[i % len(lt.LETTER_FORMATS)]
        doc = lt.standard_letter(c, rng, topic_name=lt.TOPICS[i % len(lt.TOPICS)])
        cx.put(lt.render(doc, fmt, layout), f"everyday/letter-{fmt}", "allow", note=f"routine letter to {c.cid}")
    for i in range(cx.n(36)):
        c = _with_email(cx)
        s = cx.staff()
        texts = [
            f"Hi {first(c)},\n\nThanks for sending your payslips. We have everything we need and will write to you "
            "with the outcome within 10 business days.",
            f"Dear {first(c)},\n\nJust a reminder of your appointment tomorrow at 10.30 am at our office, "
            f"{org.STREET}, {org.TOWN}. Please bring photo ID.",
            f"Hello {first(c)},\n\nYour repair request {rng.randint(100000, 999999)} has been completed. If anything "
            "is still not working please reply to this email.",
            f"Hi {first(c)},\n\nYour rent statement for February is attached. Your CRN is "
            f"{idents.crn_written(c.crn, rng)}.",
        ]
        m = Mail(
            staff_contact(s),
            [who(c, rng)],
            ["Documents received", "Appointment reminder", "Repair completed", "Your rent statement"][i % 4],
            texts[i % 4] + sig(s),
            minutes=cx.tick(),
        )
        if i % 4 == 3:
            m.attachments = [
                pdf_att("Rent statement", lt.render(lt.standard_letter(c, rng, topic_name="water"), "pdf", "window"))
            ]
        cx.put(eml(m, rng), "everyday/email-to-client", "allow", note=f"routine email to {c.cid}")
    for i in range(cx.n(8)):
        s, s2 = rng.sample(org.STAFF, 2)
        memos = [
            (
                "Roster for March",
                "Hi team,\n\nThe March front-counter roster is attached. Please swap directly and let me know.",
            ),
            (
                "Training: family violence information sharing",
                "Hi all,\n\nReminder that the information "
                "sharing refresher runs Wednesday 2-4 pm in Meeting Room 3. It is mandatory for frontline staff.",
            ),
            ("Printer on level 5", "The level 5 printer is out of toner again - I've logged a job."),
            (
                "Provider meeting",
                f"We meet {org.APPROVED[2].name} on Friday to plan the handover. No client "
                "lists by email please - we'll use the secure portal.",
            ),
        ]
        subj, body = memos[i % len(memos)]
        to = [staff_contact(s2)] if i % 4 != 3 else [(org.APPROVED[2].contact, org.APPROVED[2].email)]
        cx.put(
            eml(Mail(staff_contact(s), to, subj, body + sig(s), minutes=cx.tick()), rng),
            "everyday/no-client-data",
            "allow",
            note="mail with the organisation's details only",
        )
