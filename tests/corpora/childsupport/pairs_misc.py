"""Incident/twin pairs of bulk extracts, unmerged fields and unreadable parts."""

from __future__ import annotations

import io
import random
import zipfile

from . import letters as L
from .corpus import Corpus
from .render_docs import Letter, fixed_zip, letter_docx, letter_pdf, render
from .render_mail import Mail, signature, to_eml
from .world import DOMAIN, NZ, World, fmt_ref

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _n(base: int, scale: float) -> int:
    return max(1, round(base * scale))


def _arrears_csv(cases, r: random.Random) -> bytes:
    lines = ["CaseNo,CustomerRef,PayerName,Arrears,LastPayment"]
    for k in cases:
        lines.append(
            f"{k.number},{k.payer.crn},{k.payer.name},{r.randrange(300, 30000)}.00,2025-01-{r.randint(1, 28):02d}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def bulk(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    for _i in range(_n(2, scale)):
        key = rng.random()
        many = rng.sample(w.cases, min(35, len(w.cases)))

        def make(ident: str, inc: bool, many=many, key=key):
            r = random.Random(key)
            to = "recoveries@austdebtpartners.example" if inc else f"collections.team@{DOMAIN}"
            mail = Mail(
                f"Collections Reporting <collections.reporting@{DOMAIN}>",
                [to],
                "Arrears list February",
                "Attached is this month's arrears list." + signature("Reporting", "Collections Reporting"),
                attachments=[("arrears_feb2025.csv", _arrears_csv(many, r), "text/csv")],
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "bulk/arrears-extract",
            make,
            ["bulk_client_data", "mixed_client_documents"],
            note=f"{len(many)} cases' arrears to an outside collector; twin goes to internal collections",
        )
    for _ in range(_n(2, scale)):
        key = rng.random()
        many = rng.sample(w.plain(), min(28, len(w.plain())))

        def make(ident: str, inc: bool, many=many, key=key):
            random.Random(key)
            chosen = many if inc else many[:2]
            rows = [["Case", "Payer", "Customer ref", "Annual rate"]] + [
                [k.number, k.payer.name, fmt_ref(k.payer.crn, 0), f"${k.annual:,}"] for k in chosen
            ]
            letter = Letter(
                ["Liaison Officer", "Inland Revenue Child Support", "PO Box 39010", "WELLINGTON 5045 NEW ZEALAND"],
                "3 March 2025",
                [("Schedule", "RJ-2025-02")],
                "Schedule of reciprocal cases",
                "Dear Colleague",
                ["The cases below are registered for collection under the reciprocal arrangement.", rows],
            )
            mail = Mail(
                f"International Cases <international@{DOMAIN}>",
                [f"liaison@{NZ}"],
                "Reciprocal schedule",
                "Schedule attached." + signature("T. Fonoti", "International Cases"),
                attachments=[("schedule.docx", letter_docx(letter), DOCX)],
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "bulk/schedule-to-approved",
            make,
            ["bulk_client_data"],
            note="28-case schedule to the approved overseas agency; twin lists 2 cases",
        )


PLACEHOLDERS = [
    "\u00abFirstName\u00bb",
    "{{case_number}}",
    "<<Title>> <<Surname>>",
    "[Surname]",
    "{ MERGEFIELD CustomerRef }",
]


def unmerged(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    for i in range(_n(5, scale)):
        case = rng.choice(w.plain())
        ph = PLACEHOLDERS[i % len(PLACEHOLDERS)]
        fmt, key = ["pdf", "eml", "docx", "pdf", "txt"][i % 5], rng.random()

        def make(ident: str, inc: bool, case=case, ph=ph, fmt=fmt, key=key):
            r = random.Random(key)
            p = case.payer
            if fmt == "eml":
                text = f"Dear {ph if inc else p.given},\n\nYour annual review is due. Case {case.number}." + signature(
                    "Annual Reviews", "Assessments"
                )
                mail = Mail(f"Annual Reviews <reviews@{DOMAIN}>", [p.email], "Annual review", text)
                return to_eml(mail, ident, c.when()), "eml"
            letter = L.tax_reminder(case, p, r)
            if inc:
                letter.salutation = f"Dear {ph}"
            return render(letter, fmt), fmt

        c.pair("unmerged/placeholder", make, ["unmerged_field"], note=f"placeholder left in letter to {case.payer.cid}")


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n in range(3):
            zi = zipfile.ZipInfo(f"statements/part{n}.txt", date_time=(2025, 3, 3, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, b"0" * (200 * 1024 * 1024))
    return buf.getvalue()


def _zip_of(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        zi = zipfile.ZipInfo(name, date_time=(2025, 3, 3, 9, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data)
    return buf.getvalue()


def encrypted_pdf(letter: Letter) -> bytes:
    """An owner/user-password PDF with fixed salts and file id, so the bytes repeat."""
    from fpdf.encryption import StandardSecurityHandler

    from .render_docs import _body, _pdf

    orig = StandardSecurityHandler.get_random_bytes
    StandardSecurityHandler.get_random_bytes = classmethod(lambda cls, size: bytes(range(size)))  # type: ignore
    try:
        pdf = _pdf()
        pdf.set_encryption(owner_password="sccsa-owner", user_password="4821")
        pdf.add_page()
        _body(pdf, letter)
        return bytes(pdf.output())
    finally:
        StandardSecurityHandler.get_random_bytes = orig  # type: ignore


_BOMB: bytes | None = None


def unscannable(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    global _BOMB
    for _i in range(_n(2, scale)):
        case = rng.choice(w.plain())
        key = rng.random()

        def make(ident: str, inc: bool, case=case, key=key):
            letter = L.statement(case, case.payer, random.Random(key))
            data = encrypted_pdf(letter) if inc else letter_pdf(letter)
            mail = Mail(
                f"Payments <payments@{DOMAIN}>",
                [case.payer.email],
                "Your statement",
                "Your statement is attached."
                + (" The password is your date of birth (DDMM)." if inc else "")
                + signature("Payments", "Payments"),
                attachments=[("statement.pdf", data, PDF)],
            )
            return to_eml(mail, ident, c.when()), "eml"

        c.pair(
            "unscannable/encrypted-pdf",
            make,
            ["unscannable_content"],
            note=f"password-protected statement to {case.payer.cid}",
        )
    for i in range(_n(2, scale)):
        case = rng.choice(w.plain())
        fmt, key = ["pdf", "docx"][i % 2], rng.random()

        def make(ident: str, inc: bool, case=case, fmt=fmt, key=key):
            data = render(L.change_ack(case, case.payee, random.Random(key)), fmt)
            return (data[: len(data) // 3] if inc else data), fmt

        c.pair(
            "unscannable/truncated-file",
            make,
            ["unscannable_content"],
            note=f"letter to {case.payee.cid} truncated in the spool",
        )
    case = rng.choice(w.plain())
    key = rng.random()
    if _BOMB is None:
        _BOMB = _bomb()

    def make(ident: str, inc: bool, case=case, key=key):
        statement = letter_pdf(L.statement(case, case.payer, random.Random(key)))
        data = _BOMB if inc else _zip_of("statement.pdf", statement)
        mail = Mail(
            f"Payments <payments@{DOMAIN}>",
            [case.payer.email],
            "Statements archive",
            "The archive you asked for is attached." + signature("Payments", "Payments"),
            attachments=[("statements.zip", data, "application/zip")],
        )
        return to_eml(mail, ident, c.when()), "eml"

    c.pair("unscannable/archive-bomb", make, ["unscannable_content"], note=f"archive bomb in mail to {case.payer.cid}")
    _ = fixed_zip
