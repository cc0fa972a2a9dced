"""Letters and messages as files: PDF (fpdf2), DOCX (python-docx), RTF, HTML, TXT and .eml, all deterministic."""

from __future__ import annotations

import html
import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from fpdf import FPDF

FIXED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@dataclass
class Letter:
    letterhead: list[str]
    date: str
    address: list[str]  # the window-envelope address block, first line the addressee
    refs: list[str] = field(default_factory=list)
    salutation: str = "Dear Sir or Madam,"
    body: list[str] = field(default_factory=list)
    signoff: list[str] = field(default_factory=lambda: ["Yours sincerely,", "", "Outpatient Bookings"])
    cc: list[str] = field(default_factory=list)
    pages: list[list[str]] = field(default_factory=list)  # further pages: plain lines
    table_address: bool = False  # DOCX only: the address block sits in a table cell

    def lines(self) -> list[str]:
        out = [*self.letterhead, "", self.date, "", *self.address, "", *self.refs]
        out += ["", self.salutation, ""]
        for para in self.body:
            out += [para, ""]
        out += self.signoff
        if self.cc:
            out += ["", *self.cc]
        return out


def _latin(s: str) -> str:
    return s.encode("latin-1", "replace").decode("latin-1")


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.file_id = lambda: "<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>"
    pdf.set_auto_page_break(True, 15)
    return pdf


def _letter_pages(pdf: FPDF, letter: Letter) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, _latin(letter.letterhead[0]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for ln in letter.letterhead[1:]:
        pdf.cell(0, 4.5, _latin(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, _latin(letter.date), new_x="LMARGIN", new_y="NEXT")
    # window-envelope position: about 45 mm from the top, 20 mm from the left
    pdf.set_y(max(pdf.get_y() + 4, 45))
    for ln in letter.address:
        pdf.set_x(20)
        pdf.cell(0, 5.5, _latin(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    for ln in letter.refs:
        pdf.cell(0, 5.5, _latin(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 5.5, _latin(letter.salutation), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for para in letter.body:
        pdf.multi_cell(0, 5.5, _latin(para), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for ln in letter.signoff + ([""] + letter.cc if letter.cc else []):
        pdf.cell(0, 5.5, _latin(ln), new_x="LMARGIN", new_y="NEXT")
    for page in letter.pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        for ln in page:
            pdf.multi_cell(0, 5.5, _latin(ln), new_x="LMARGIN", new_y="NEXT")


def pdf_letters(letters: list[Letter], password: str | None = None) -> bytes:
    pdf = _pdf()
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    for letter in letters:
        _letter_pages(pdf, letter)
    return bytes(pdf.output())


def pdf_table(title: list[str], header: list[str], rows: list[list[str]]) -> bytes:
    pdf = _pdf()
    pdf.add_page(orientation="L")
    pdf.set_font("Helvetica", "B", 12)
    for ln in title:
        pdf.cell(0, 7, _latin(ln), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    width = 270 / len(header)
    for row in [header, *rows]:
        for cell in row:
            pdf.cell(width, 6, _latin(cell), border=1)
        pdf.ln(6)
    return bytes(pdf.output())


def _fix_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_letter(letter: Letter) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.created = FIXED.replace(tzinfo=None)
    doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.core_properties.author = "Outpatients"
    head = doc.add_paragraph()
    run = head.add_run(letter.letterhead[0])
    run.bold = True
    run.font.size = Pt(14)
    for ln in letter.letterhead[1:]:
        doc.add_paragraph(ln)
    doc.add_paragraph(letter.date)
    if letter.table_address:  # a window-envelope template: the address block in a fixed table cell
        table = doc.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "\n".join(letter.address)
        table.cell(0, 1).text = letter.date
    else:
        doc.add_paragraph("\n".join(letter.address))
    if letter.refs:
        doc.add_paragraph("\n".join(letter.refs))
    doc.add_paragraph(letter.salutation)
    for para in letter.body:
        doc.add_paragraph(para)
    doc.add_paragraph("\n".join(letter.signoff))
    if letter.cc:
        doc.add_paragraph("\n".join(letter.cc))
    for page in letter.pages:
        doc.add_page_break()
        for ln in page:
            doc.add_paragraph(ln)
    buf = io.BytesIO()
    doc.save(buf)
    return _fix_zip(buf.getvalue())


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        out.append(ch if ord(ch) < 128 else f"\\'{ord(ch):02x}" if ord(ch) < 256 else "?")
    return "".join(out)


def rtf_letter(letter: Letter) -> bytes:
    parts = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22\n"]
    parts.append("{\\b\\fs28 " + _rtf_escape(letter.letterhead[0]) + "}\\par\n")
    for ln in letter.lines()[1:]:
        parts.append(_rtf_escape(ln) + "\\par\n")
    for page in letter.pages:
        parts.append("\\page\n")
        for ln in page:
            parts.append(_rtf_escape(ln) + "\\par\n")
    parts.append("}\n")
    return "".join(parts).encode("latin-1")


def txt_letter(letter: Letter) -> bytes:
    lines = letter.lines()
    for page in letter.pages:
        lines += ["\f", *page]
    return ("\n".join(lines) + "\n").encode("utf-8")


def html_letter(letter: Letter) -> bytes:
    e = html.escape
    out = ["<!DOCTYPE html>", "<html><head><meta charset='utf-8'><title>Letter</title></head><body>"]
    out.append(
        f"<header><h2>{e(letter.letterhead[0])}</h2><p>{'<br>'.join(map(e, letter.letterhead[1:]))}</p></header>"
    )
    out.append(f"<p>{e(letter.date)}</p>")
    out.append(f"<address>{'<br>'.join(map(e, letter.address))}</address>")
    if letter.refs:
        out.append(f"<p>{'<br>'.join(map(e, letter.refs))}</p>")
    out.append(f"<p>{e(letter.salutation)}</p>")
    out += [f"<p>{e(p)}</p>" for p in letter.body]
    out.append(f"<p>{'<br>'.join(map(e, letter.signoff))}</p>")
    if letter.cc:
        out.append(f"<p>{'<br>'.join(map(e, letter.cc))}</p>")
    for page in letter.pages:
        out.append("<div style='page-break-before: always'>" + "<br>".join(map(e, page)) + "</div>")
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


RENDER = {
    "pdf": lambda x: pdf_letters([x]),
    "docx": docx_letter,
    "rtf": rtf_letter,
    "txt": txt_letter,
    "html": html_letter,
}


def render(letter: Letter, fmt: str) -> bytes:
    return RENDER[fmt](letter)


MIME = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "rtf": ("application", "rtf"),
    "txt": ("text", "plain"),
    "csv": ("text", "csv"),
    "html": ("text", "html"),
}


def eml(
    n: int,
    sender: str,
    to: list[str],
    subject: str,
    text: str,
    cc: list[str] | None = None,
    html_body: str | None = None,
    attachments: list[tuple[str, bytes]] | None = None,
    extra_headers: dict[str, str] | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 11, 2 + n % 20, 8 + n % 9, n % 60, tzinfo=UTC))
    msg["Message-ID"] = f"<{n:05d}.outbound@goldfieldshealth.example>"
    for k, v in (extra_headers or {}).items():
        msg[k] = v
    msg.set_content(text)
    if html_body:
        msg.add_alternative(html_body, subtype="html")
    for name, data in attachments or []:
        ext = name.rsplit(".", 1)[-1].lower()
        maintype, subtype = MIME.get(ext, ("application", "octet-stream"))
        if maintype == "text":
            msg.add_attachment(data.decode("utf-8"), subtype=subtype, filename=name)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=={n:05d}-{i}==")
    return msg.as_bytes()
