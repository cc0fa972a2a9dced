"""Writers: window-envelope letters (PDF, DOCX, RTF, HTML, TXT) and MIME messages, all byte-deterministic."""

from __future__ import annotations

import datetime as dt
import email.policy
import html
import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from tests.corpora.ombudsman.people import ORG_DOMAIN, ORG_NAME, ORG_PHONE, ORG_POSTAL

FIXED = dt.datetime(2026, 4, 1, 9, 0, tzinfo=dt.UTC)

LETTERHEADS = [
    [ORG_NAME, " ".join(ORG_POSTAL), f"Free call {ORG_PHONE}  |  ewowd.example"],
    ["ENERGY & WATER OMBUDSMAN", "Western Districts", f"{ORG_POSTAL[0]}, {ORG_POSTAL[1]}  T {ORG_PHONE}"],
    [f"{ORG_NAME} - Investigations", "ABN 00 000 000 000", f"{ORG_POSTAL[0]} {ORG_POSTAL[1]}"],
    ["EWOWD", "Independent dispute resolution for energy and water customers", f"Phone {ORG_PHONE}"],
]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def written_date(d: dt.date, style: int) -> str:
    m = MONTHS[d.month - 1]
    return [
        f"{d.day} {m} {d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{DAYS[d.weekday()]}, {d.day} {m} {d.year}",
        f"{d.day} {m[:3]} {d.year}",
        f"{d.day}.{d.month}.{d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
    ][style % 6]


def dob_written(iso: str, style: int) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return written_date(dt.date(y, m, d), style if style % 6 != 2 else 0)


@dataclass
class Letter:
    address: list[str]  # the window-envelope block: name line(s) then postal lines
    date: str
    refs: list[str]
    salutation: str
    body: list[str]
    signoff: list[str]
    letterhead: int = 0
    subject: str = ""
    extra_pages: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, lines)
    cc: list[str] = field(default_factory=list)

    def first_page_lines(self) -> list[str]:
        out = [*LETTERHEADS[self.letterhead % len(LETTERHEADS)], "", *self.address, "", self.date, *self.refs, ""]
        if self.subject:
            out += [self.subject, ""]
        out += [self.salutation, ""]
        for p in self.body:
            out += [p, ""]
        out += self.signoff
        if self.cc:
            out += ["", *[f"cc: {x}" for x in self.cc]]
        return out

    def pages(self) -> list[list[str]]:
        return [self.first_page_lines(), *[[h, "", *ls] for h, ls in self.extra_pages]]

    def text(self) -> str:
        return "\n\f\n".join("\n".join(p) for p in self.pages()) + "\n"


def _latin(s: str) -> str:
    return s.encode("latin-1", "replace").decode("latin-1")


def _pdf_page(pdf: FPDF, lines: list[str], letterhead: bool) -> None:
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for i, line in enumerate(lines):
        if letterhead and i == 0:
            pdf.set_font("helvetica", "B", 13)
            pdf.multi_cell(0, 6, _latin(line), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("helvetica", size=10)
            continue
        pdf.multi_cell(0, 5, _latin(line) if line else " ", new_x="LMARGIN", new_y="NEXT")


def new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, 15)
    return pdf


def letters_pdf(letters: list[Letter], password: str | None = None) -> bytes:
    pdf = new_pdf()
    for letter in letters:
        for i, page in enumerate(letter.pages()):
            _pdf_page(pdf, page, i == 0)
    if password:
        pdf.set_encryption(
            owner_password="owner-" + password, user_password=password, encryption_method=EncryptionMethod.RC4
        )
    return bytes(pdf.output())


def pages_pdf(pages: list[list[str]]) -> bytes:
    pdf = new_pdf()
    for p in pages:
        _pdf_page(pdf, p, False)
    return bytes(pdf.output())


def _fixed_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 4, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def letter_docx(letter: Letter) -> bytes:
    from docx import Document

    doc = Document()
    cp = doc.core_properties
    cp.created = cp.modified = cp.last_printed = FIXED.replace(tzinfo=None)
    cp.author = ORG_NAME
    for i, page in enumerate(letter.pages()):
        if i:
            doc.add_page_break()
        for line in page:
            doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            code = ord(ch)
            out.append(f"\\'{code:02x}" if code < 256 else f"\\u{code}?")
        else:
            out.append(ch)
    return "".join(out)


def letter_rtf(letter: Letter) -> bytes:
    parts = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n"]
    for i, page in enumerate(letter.pages()):
        if i:
            parts.append("\\page\n")
        for line in page:
            parts.append(_rtf_escape(line) + "\\par\n")
    parts.append("}\n")
    return "".join(parts).encode("latin-1")


def letter_html(letter: Letter) -> bytes:
    pages = letter.pages()
    head = pages[0][: len(LETTERHEADS[letter.letterhead % len(LETTERHEADS)])]
    rest = pages[0][len(head) :]
    out = ["<!DOCTYPE html>", '<html lang="en-AU"><head><meta charset="utf-8"><title>Letter</title></head><body>']
    out.append('<header class="letterhead">' + "<br>".join(html.escape(x) for x in head) + "</header>")
    out.append("<main>")
    for line in rest:
        out.append(f"<p>{html.escape(line)}</p>" if line else "")
    out.append("</main>")
    for page in pages[1:]:
        out.append('<section style="page-break-before: always">')
        out += [f"<p>{html.escape(x)}</p>" for x in page if x]
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(x for x in out if x).encode("utf-8")


def letter_bytes(letter: Letter, ext: str) -> bytes:
    if ext == "pdf":
        return letters_pdf([letter])
    if ext == "docx":
        return letter_docx(letter)
    if ext == "rtf":
        return letter_rtf(letter)
    if ext == "html":
        return letter_html(letter)
    return letter.text().encode("utf-8")


@dataclass
class Mail:
    sender: str
    to: list[str]
    subject: str
    text: str
    cc: list[str] = field(default_factory=list)
    html: str | None = None
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)  # (filename, mime type, data)
    when: dt.datetime = FIXED
    headers: dict[str, str] = field(default_factory=dict)


def _set_boundaries(msg: EmailMessage, key: str) -> None:
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            part.set_boundary(f"=_ewowd_{key}_{n}")
            n += 1


def mail_bytes(m: Mail, key: str) -> bytes:
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = m.sender
    msg["To"] = ", ".join(m.to)
    if m.cc:
        msg["Cc"] = ", ".join(m.cc)
    msg["Subject"] = m.subject
    msg["Date"] = format_datetime(m.when)
    msg["Message-ID"] = f"<{key}.{m.when:%Y%m%d%H%M}@{ORG_DOMAIN}>"
    for k, v in m.headers.items():
        msg[k] = v
    msg.set_content(m.text)
    if m.html is not None:
        msg.add_alternative(m.html, subtype="html")
    for name, mime, data in m.attachments:
        maintype, subtype = mime.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    _set_boundaries(msg, key)
    return msg.as_bytes()


PDF_MIME = "application/pdf"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSV_MIME = "text/csv"
