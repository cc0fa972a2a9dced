"""Bulk lists, unscannable parts and merged PDFs given to scan: incidents and their twins."""

from __future__ import annotations

import io
import random
import secrets
import zipfile
from unittest import mock

from pypdf import PdfReader, PdfWriter

from .cases_letters import PLAIN
from .cases_mail import signature, staff
from .corpus import Corpus
from .letters import block, dear, letter
from .mail import Mail, hash_text
from .registry import VENDORS
from .render import docx_lines, fixed_zip, pdf_bytes, text_pdf
from .world import World


def _class_rows(w: World, i: int, n: int) -> list[list[str]]:
    fams = w.families[(i * 7) % 60 :][:n]
    return [
        [f.students[0].given + " " + f.students[0].family, f.students[0].sid, f.main.name, f.main.phone, f.main.email]
        for f in fams
        if f.kind != "protected"
    ]


def bulk_vendor(c: Corpus, w: World, i: int) -> None:
    s = w.schools[i % len(w.schools)]
    rows = _class_rows(w, i, 32)
    head = ["Student", "Student ID", "Parent/carer", "Mobile", "Email"]
    kind = i % 3
    if kind == 0:
        name, data = "class_list.csv", ("\n".join(",".join(r) for r in [head, *rows]) + "\n").encode()
    elif kind == 1:
        name, data = "class_list.pdf", text_pdf([" | ".join(r) for r in [head, *rows]], "Class list")
    else:
        name, data = "class_list.docx", docx_lines(["Class list 2025"], [head, *rows])
    vendor = [VENDORS["photo"], VENDORS["bus"], VENDORS["camp"]][i % 3]

    def m(to: str) -> Mail:
        return Mail(
            staff(s),
            [to],
            "Class list for photo day / bookings",
            "Hi,\n\nAttached is the list as requested." + signature(s, s.wellbeing),
            attachments=[(name, data)],
        )

    c.pair(
        "eml",
        m(f"Office <{s.email}>"),
        m(f"bookings@{vendor}"),
        "bulk/class-list-to-vendor",
        ["bulk_client_data", "mismatched_recipient"],
        f"class list of {len(rows)} families to the school office",
        f"class list of {len(rows)} families to an outside vendor",
    )


def bulk_arrears(c: Corpus, w: World, i: int) -> None:
    s = w.schools[(i + 1) % len(w.schools)]
    fams = [f for f in w.families if f.kind in PLAIN][i * 3 :][:28]
    rows = [[f.fee_account, f.main.name, f.main.address.one_line(), f"${120 + 13 * n}.00"] for n, f in enumerate(fams)]
    data = docx_lines(
        ["Outstanding family accounts at 28 February 2025"], [["Account", "Payer", "Address", "Owing"], *rows]
    )

    def m(to: str) -> Mail:
        return Mail(
            staff(s, "principal"),
            [to],
            "Outstanding accounts",
            "Please see the attached list of overdue accounts." + signature(s, s.principal),
            attachments=[("arrears.docx", data)],
        )

    c.pair(
        "eml",
        m("Business Manager <business.manager@lmschools.example>"),
        m(f"accounts@{VENDORS['collect']}"),
        "bulk/arrears-list",
        ["bulk_client_data", "mismatched_recipient"],
        f"arrears of {len(rows)} families to the business manager",
        f"arrears of {len(rows)} families to an unapproved collection agency",
    )


def _encrypt(data: bytes, seed: str) -> bytes:
    """A password-protected copy of a PDF, reproducible (pypdf's random ids are fixed from seed)."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    for p in reader.pages:
        writer.add_page(p)
    counter = [hash_text(seed)]

    def token(n: int = 16) -> bytes:
        counter[0] += 1
        return (str(counter[0]) * n).encode()[:n]

    with mock.patch.object(secrets, "token_bytes", token):
        writer.encrypt(user_password="Bendigo2025", owner_password="owner", algorithm="RC4-128")
        buf = io.BytesIO()
        writer.write(buf)
    return buf.getvalue()


def unscannable(c: Corpus, w: World, i: int) -> None:
    fam = w.pick(*PLAIN)
    st, s = fam.students[0], fam.students[0].school
    lt = letter(["report", "naplan", "invoice"][i % 3], st, block(fam.main), dear(fam.main), w.rng, fee=fam.fee_account)
    good_pdf = pdf_bytes([lt])
    kind = ["encrypted-pdf", "corrupt-pdf", "corrupt-docx", "encrypted-zip"][i % 4]
    rules = ["unscannable_content"]
    note = f"{kind} for {fam.main.client_id}"
    if kind == "corrupt-pdf":
        c.pair(
            "pdf",
            good_pdf,
            good_pdf[: len(good_pdf) // 3],
            "unscannable/corrupt-pdf",
            rules,
            f"intact letter to {fam.main.client_id}",
            note,
        )
        return
    if kind == "corrupt-docx":
        from .render import docx_bytes

        d = docx_bytes(lt)
        c.pair(
            "docx",
            d,
            d[:200] + b"\x00" * 64 + d[-400:],
            "unscannable/corrupt-docx",
            rules,
            f"intact letter to {fam.main.client_id}",
            note,
        )
        return
    if kind == "encrypted-pdf":
        att_good, att_bad, name = good_pdf, _encrypt(good_pdf, st.sid), "report.pdf"
    else:
        att_good, att_bad, name = _zip(good_pdf, False), _zip(good_pdf, True), "documents.zip"

    def m(att: bytes) -> Mail:
        return Mail(
            staff(s),
            [f"{fam.main.given} {fam.main.family} <{fam.main.email}>"],
            "Documents",
            f"{dear(fam.main)}\n\nPlease find the document attached." + signature(s, s.wellbeing),
            attachments=[(name, att)],
        )

    c.pair(
        "eml",
        m(att_good),
        m(att_bad),
        f"unscannable/{kind}",
        rules,
        f"readable attachment for {fam.main.client_id}",
        note,
    )


def _zip(data: bytes, encrypted: bool) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr(zipfile.ZipInfo("letter.pdf", date_time=(2025, 3, 3, 9, 0, 0)), data)
    raw = bytearray(fixed_zip(buf.getvalue()) if not encrypted else buf.getvalue())
    if encrypted:  # set the "encrypted" flag in local and central headers; the payload is no longer plain
        for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = raw.find(sig)
            raw[at + off] |= 1
        raw[40:2000] = bytes((b ^ 0x5A) for b in raw[40:2000])
    return bytes(raw)


def merged_pdf(c: Corpus, w: World, i: int) -> None:
    fams = [f for f in w.families if f.kind in PLAIN][10 + i * 4 :][:4]
    shift_at = 2

    def run(ok: bool) -> bytes:
        rng = random.Random(900 + i)
        out = []
        for n, f in enumerate(fams):
            src = f if ok or n != shift_at else fams[(n + 1) % 4]
            out.append(
                letter(
                    "invoice", src.students[0], block(f.main), dear(f.main), rng, fee=src.fee_account, style="window"
                )
            )
        return pdf_bytes(out, "Invoices")

    good = c.item(
        "pdf",
        run(True),
        "mail-merge/merged-pdf",
        "four invoices, each to its own family",
        letters=[{"expect": "allow"}] * 4,
    )
    bad_letters: list[dict] = [{"expect": "allow"}] * 4
    bad_letters = [
        *bad_letters[:shift_at],
        {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]},
        bad_letters[3],
    ]
    bad = c.item(
        "pdf",
        run(False),
        "mail-merge/merged-pdf",
        f"letter 3 to {fams[2].main.client_id} carries {fams[3].main.client_id}'s account",
        letters=bad_letters,
    )
    good["twin"], bad["twin"] = bad["id"], good["id"]
