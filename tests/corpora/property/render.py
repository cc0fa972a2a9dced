"""Writers: letters (PDF, DOCX, TXT, RTF, HTML) on the agency's letterhead, .eml messages, calendar invitations.
Every writer is deterministic (fixed dates, boundaries and zip timestamps)."""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

from fpdf import FPDF

from tests.corpora.property import world

EPOCH = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))


@dataclass
class Letter:
    """One letter: letterhead office, date, address block, reference lines, heading, paragraphs, optional table."""

    office: world.Office
    date: str
    block: list[str]
    heading: str
    paras: list[str]
    refs: list[tuple[str, str]] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    sign: tuple[str, str] = ("Lauren Fitzgerald", "Property Manager")

    def head_lines(self) -> list[str]:
        o = self.office
        return [
            world.AGENCY,
            o.line1,
            f"{o.suburb} NSW {o.postcode}",
            f"Phone {o.phone}  |  {world.HEAD_PHONE}",
            f"{o.mailbox}@{world.INTERNAL}",
            world.ABN,
        ]

    def body_lines(self) -> list[str]:
        out = [f"{k}: {v}" for k, v in self.refs] + ["", self.heading, ""]
        for p in self.paras:
            out += [p, ""]
        for row in self.table:
            out.append("    ".join(row))
        out += ["", "Yours sincerely,", "", self.sign[0], f"{self.sign[1]}, {world.AGENCY}"]
        return out

    def text(self) -> str:
        return "\n".join(self.head_lines() + ["", self.date, ""] + self.block + [""] + self.body_lines()) + "\n"


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(EPOCH)
    pdf.set_auto_page_break(True, margin=18)
    return pdf


def _letter_page(pdf: FPDF, letter: Letter) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.set_xy(110, 12)
    pdf.cell(0, 6, letter.head_lines()[0], new_x="LEFT", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8.5)
    for line in letter.head_lines()[1:]:
        pdf.set_x(110)
        pdf.cell(0, 4.2, line, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(22, 48)  # the window of a DL envelope
    pdf.set_font("Helvetica", "", 10.5)
    for line in letter.block:
        pdf.set_x(22)
        pdf.cell(0, 5, line, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(140, 48)
    pdf.cell(0, 5, letter.date)
    pdf.set_xy(20, 80)
    for line in letter.body_lines():
        if line == letter.heading:
            pdf.set_font("Helvetica", "B", 10.5)
        pdf.set_x(20)
        pdf.multi_cell(170, 5, line or " ", new_x="LEFT", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)


def pdf_letters(letters: list[Letter], password: str | None = None) -> bytes:
    """One PDF holding the letters in order (one or more pages each)."""
    pdf = _pdf()
    for letter in letters:
        _letter_page(pdf, letter)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    return bytes(pdf.output())


def pdf_text(title: str, lines: list[str]) -> bytes:
    """A plain report page (statement, job sheet, list) without an address block."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, f"{world.AGENCY} - {title}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9.5)
    for line in lines:
        pdf.multi_cell(0, 4.8, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed timestamps so the same seed writes the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_paragraphs(lines: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.created = EPOCH.replace(tzinfo=None)
    doc.core_properties.modified = EPOCH.replace(tzinfo=None)
    doc.core_properties.author = world.AGENCY
    for line in lines:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip(buf.getvalue())


def docx_letter(letter: Letter) -> bytes:
    return docx_paragraphs(letter.text().splitlines())


def txt_letter(letter: Letter) -> bytes:
    return letter.text().encode()


def _rtf_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


def rtf_letter(letter: Letter) -> bytes:
    body = "\\par\n".join(_rtf_escape(line) for line in letter.text().splitlines())
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs21\n" + body + "\\par\n}\n").encode("latin-1")


def html_letter(letter: Letter) -> bytes:
    e = html.escape
    head = "<br>".join(e(x) for x in letter.head_lines())
    block = "<br>".join(e(x) for x in letter.block)
    body = "".join(f"<p>{e(x)}</p>" for x in letter.body_lines() if x)
    doc = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(letter.heading)}</title></head><body>"
        f"<header>{head}</header><p>{e(letter.date)}</p><address>{block}</address>{body}</body></html>"
    )
    return doc.encode()


LETTER_WRITERS = {
    ".pdf": lambda x: pdf_letters([x]),
    ".docx": docx_letter,
    ".txt": txt_letter,
    ".rtf": rtf_letter,
    ".html": html_letter,
}


def ics(
    uid: str, summary: str, location: str, start: dt.datetime, description: str, organiser: str, attendee: str
) -> bytes:
    fmt = "%Y%m%dT%H%M%S"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Harbourline//Inspections//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{world.INTERNAL}",
        f"DTSTAMP:{EPOCH.strftime(fmt)}",
        f"DTSTART;TZID=Australia/Sydney:{start.strftime(fmt)}",
        f"DTEND;TZID=Australia/Sydney:{(start + dt.timedelta(minutes=30)).strftime(fmt)}",
        f"SUMMARY:{summary}",
        f"LOCATION:{location.replace(',', chr(92) + ',')}",
        f"DESCRIPTION:{description}",
        f"ORGANIZER:mailto:{organiser}",
        f"ATTENDEE;RSVP=TRUE:mailto:{attendee}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


@dataclass
class Mail:
    """An outgoing message; `quoted` is an earlier message appended as a reply would."""

    sender: str
    to: list[str]
    subject: str
    text: str
    cc: list[str] = field(default_factory=list)
    html: str | None = None
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)
    quoted: str | None = None
    when: int = 0  # hours after EPOCH


def eml(m: Mail, mid: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = m.sender
    msg["To"] = ", ".join(m.to)
    if m.cc:
        msg["Cc"] = ", ".join(m.cc)
    msg["Subject"] = m.subject
    msg["Date"] = format_datetime(EPOCH + dt.timedelta(hours=m.when))
    msg["Message-ID"] = f"<{mid}@{world.INTERNAL}>"
    text = m.text + (f"\n\n{m.quoted}" if m.quoted else "")
    msg.set_content(text)
    if m.html is not None:
        msg.add_alternative(m.html, subtype="html")
    for name, ctype, data in m.attachments:
        main, sub = ctype.split("/")
        if main == "text":
            msg.add_attachment(data.decode(), subtype=sub, filename=name)
        else:
            msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_hpm_{mid}_{i}")
    return msg.as_bytes()


def quote(sender: str, when: str, text: str) -> str:
    """An earlier message quoted beneath a reply."""
    return f"On {when}, {sender} wrote:\n" + "\n".join("> " + line for line in text.splitlines())
