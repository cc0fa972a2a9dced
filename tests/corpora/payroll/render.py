"""Renderers: one letter model written as PDF (window envelope, side panel, payslip table), DOCX, RTF, plain
text and HTML; e-mail messages with attachments; ZIP and calendar files. Every output is byte-for-byte
deterministic (fixed dates, boundaries and archive timestamps)."""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

from . import world

FIXED = dt.datetime(2025, 3, 14, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))
ZIP_TIME = (2025, 3, 14, 9, 0, 0)


@dataclass
class Letter:
    """A letter or statement: letterhead, address block, body, an optional table, sign-off."""

    heading: str  # letterhead line: the bureau, on behalf of an employer
    to_lines: list[str]  # the address block (empty for a document with no addressee)
    paragraphs: list[str]
    date: str = "14 March 2025"
    ref: str = ""
    salutation: str = ""
    title: str = ""
    table: list[list[str]] = field(default_factory=list)  # first row is the header
    after: list[str] = field(default_factory=list)
    signoff: list[str] = field(default_factory=lambda: ["Yours sincerely,", "", "Payroll Services Team", world.BUREAU])
    panel: list[str] = field(default_factory=list)  # side panel (contact details) for the side-panel style
    extra: list[Letter] = field(default_factory=list)  # further pages printed with this letter (no new letter)

    def text_lines(self) -> list[str]:
        out = [self.heading, world.BUREAU_ADDRESS[0] + ", " + world.BUREAU_ADDRESS[1], ""]
        out += self.to_lines + [""]
        out += [self.date]
        if self.ref:
            out.append(self.ref)
        out.append("")
        if self.title:
            out += [self.title, ""]
        if self.salutation:
            out += [self.salutation, ""]
        for p in self.paragraphs:
            out += [p, ""]
        if self.table:
            widths = [max(len(r[i]) for r in self.table) for i in range(len(self.table[0]))]
            for row in self.table:
                out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
            out.append("")
        for p in self.after:
            out += [p, ""]
        out += self.signoff
        if self.panel:
            out += [""] + self.panel
        for extra in self.extra:
            out += ["", "-" * 60, ""] + extra.text_lines()
        return out


def _latin(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_creation_date(FIXED)
        self.set_auto_page_break(True, margin=18)
        self.set_author(world.BUREAU)


def _pdf_letter(pdf: _Pdf, letter: Letter, style: str) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.set_xy(20, 12)
    pdf.cell(0, 6, _latin(letter.heading))
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(20, 19)
    pdf.cell(0, 4, _latin(f"{world.BUREAU_ADDRESS[0]}, {world.BUREAU_ADDRESS[1]}  |  {world.BUREAU_PHONE}"))
    body_w = 170
    if style == "sidepanel" and letter.panel:
        body_w = 120
        pdf.set_fill_color(235, 240, 245)
        pdf.rect(148, 40, 50, 80, style="F")
        pdf.set_font("Helvetica", "", 8)
        y = 43
        for line in letter.panel:
            pdf.set_xy(150, y)
            pdf.cell(46, 4, _latin(line))
            y += 5
    pdf.set_font("Helvetica", "", 10)
    # Australia Post DL window: 20 mm from the left, about 45-70 mm from the top.
    y = 48 if style in ("window", "sidepanel") else 32
    pdf.set_xy(20, y)
    for line in letter.to_lines:
        pdf.set_x(20)
        pdf.cell(90, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y() + 8, 82 if style != "plain" else pdf.get_y() + 8))
    pdf.set_x(20)
    pdf.cell(body_w, 5, _latin(letter.date), new_x="LMARGIN", new_y="NEXT")
    if letter.ref:
        pdf.set_x(20)
        pdf.cell(body_w, 5, _latin(letter.ref), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if letter.title:
        pdf.set_font("Helvetica", "B", 11)
        pdf.set_x(20)
        pdf.multi_cell(body_w, 5, _latin(letter.title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.ln(2)
    if letter.salutation:
        pdf.set_x(20)
        pdf.cell(body_w, 5, _latin(letter.salutation), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for p in letter.paragraphs:
        pdf.set_x(20)
        pdf.multi_cell(body_w, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if letter.table:
        _pdf_table(pdf, letter.table, 170)
    for p in letter.after:
        pdf.set_x(20)
        pdf.multi_cell(170, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for line in letter.signoff:
        pdf.set_x(20)
        pdf.cell(body_w, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    if letter.panel and style != "sidepanel":
        pdf.ln(4)
        pdf.set_font("Helvetica", "", 8)
        for line in letter.panel:
            pdf.set_x(20)
            pdf.cell(170, 4, _latin(line), new_x="LMARGIN", new_y="NEXT")
    for extra in letter.extra:
        _pdf_sheet(pdf, extra)


def _pdf_sheet(pdf: _Pdf, letter: Letter) -> None:
    """A continuation page (a payslip or schedule) with no address block."""
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(20, 15)
    pdf.cell(0, 6, _latin(letter.title or letter.heading), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(3)
    for p in letter.paragraphs:
        pdf.set_x(20)
        pdf.multi_cell(170, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if letter.table:
        _pdf_table(pdf, letter.table, 170)
    for p in letter.after:
        pdf.set_x(20)
        pdf.multi_cell(170, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")


def _pdf_table(pdf: _Pdf, rows: list[list[str]], width: float) -> None:
    cols = len(rows[0])
    first = width * (0.4 if cols > 2 else 0.5)
    rest = (width - first) / max(cols - 1, 1)
    for i, row in enumerate(rows):
        pdf.set_font("Helvetica", "B" if i == 0 else "", 9)
        pdf.set_x(20)
        for j, cell in enumerate(row):
            pdf.cell(first if j == 0 else rest, 6, _latin(cell), border=1, align="L" if j == 0 else "R")
        pdf.ln(6)
    pdf.ln(3)


def pdf(letters: list[Letter] | Letter, style: str = "window", password: str = "") -> bytes:
    out = _Pdf()
    for letter in letters if isinstance(letters, list) else [letters]:
        _pdf_letter(out, letter, style)
    if password:
        out.set_encryption(owner_password="ledgerline-owner", user_password=password)
    return bytes(out.output())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an Office/ZIP file with fixed timestamps and order so the bytes do not depend on the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return buf.getvalue()


def docx(letter: Letter, style: str = "plain") -> bytes:
    doc = Document()
    doc.core_properties.author = world.BUREAU
    doc.core_properties.created = FIXED.replace(tzinfo=None)
    doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.core_properties.last_modified_by = "payroll"
    doc.core_properties.revision = 1
    head = doc.add_paragraph()
    run = head.add_run(letter.heading)
    run.bold = True
    run.font.size = Pt(13)
    doc.add_paragraph(f"{world.BUREAU_ADDRESS[0]}, {world.BUREAU_ADDRESS[1]} | {world.BUREAU_PHONE}")
    if style == "sidepanel" and letter.panel:
        grid = doc.add_table(rows=1, cols=2)
        grid.cell(0, 0).text = "\n".join(letter.to_lines)
        grid.cell(0, 1).text = "\n".join(letter.panel)
    else:
        for line in letter.to_lines:
            doc.add_paragraph(line)
    doc.add_paragraph(letter.date)
    if letter.ref:
        doc.add_paragraph(letter.ref)
    if letter.title:
        doc.add_heading(letter.title, level=2)
    if letter.salutation:
        doc.add_paragraph(letter.salutation)
    for p in letter.paragraphs:
        doc.add_paragraph(p)
    if letter.table:
        _docx_table(doc, letter.table)
    for p in letter.after:
        doc.add_paragraph(p)
    for line in letter.signoff:
        doc.add_paragraph(line)
    if letter.panel and style != "sidepanel":
        for line in letter.panel:
            doc.add_paragraph(line)
    for extra in letter.extra:
        doc.add_page_break()
        doc.add_heading(extra.title or extra.heading, level=2)
        for p in extra.paragraphs:
            doc.add_paragraph(p)
        if extra.table:
            _docx_table(doc, extra.table)
        for p in extra.after:
            doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def _docx_table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\'{ord(ch):02x}" if ord(ch) < 256 else "?")
        else:
            out.append(ch)
    return "".join(out)


def rtf(letter: Letter) -> bytes:
    lines = letter.text_lines()
    body = "\\par\n".join(_rtf_escape(line) for line in lines)
    doc = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
        "{\\info{\\author " + _rtf_escape(world.BUREAU) + "}}\n"
        "\\f0\\fs20\n{\\b " + body.split("\\par\n", 1)[0] + "}\\par\n" + body.split("\\par\n", 1)[1] + "\\par\n}"
    )
    return doc.encode("latin-1", "replace")


def txt(letter: Letter) -> bytes:
    return ("\n".join(letter.text_lines()) + "\n").encode("utf-8")


def html_letter(letter: Letter) -> str:
    e = html.escape
    parts = [f"<h2>{e(letter.heading)}</h2>"]
    if letter.to_lines:
        parts.append("<p>" + "<br>".join(e(x) for x in letter.to_lines) + "</p>")
    parts.append(f"<p>{e(letter.date)}" + (f"<br>{e(letter.ref)}" if letter.ref else "") + "</p>")
    if letter.title:
        parts.append(f"<h3>{e(letter.title)}</h3>")
    if letter.salutation:
        parts.append(f"<p>{e(letter.salutation)}</p>")
    parts += [f"<p>{e(p)}</p>" for p in letter.paragraphs]
    if letter.table:
        parts.append(html_table(letter.table))
    parts += [f"<p>{e(p)}</p>" for p in letter.after]
    parts.append("<p>" + "<br>".join(e(x) for x in letter.signoff) + "</p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def html_table(rows: list[list[str]]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
    return f'<table border="1" cellpadding="4"><tr>{head}</tr>{body}</table>'


def render(letter: Letter, ext: str, style: str = "window") -> bytes:
    if ext == "pdf":
        return pdf(letter, style)
    if ext == "docx":
        return docx(letter, style)
    if ext == "rtf":
        return rtf(letter)
    if ext == "html":
        return html_letter(letter).encode("utf-8")
    return txt(letter)


MIME = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "rtf": ("application", "rtf"),
    "csv": ("text", "csv"),
    "txt": ("text", "plain"),
    "zip": ("application", "zip"),
    "ics": ("text", "calendar"),
    "html": ("text", "html"),
}


@dataclass
class Mail:
    sender: str
    to: list[str]
    subject: str
    body: str
    cc: list[str] = field(default_factory=list)
    bcc: list[str] = field(default_factory=list)
    html: str = ""
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    reply_to: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    forwarded: bytes = b""  # an attached message (message/rfc822)


def eml(mail: Mail, n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = mail.sender
    msg["To"] = ", ".join(mail.to)
    if mail.cc:
        msg["Cc"] = ", ".join(mail.cc)
    if mail.bcc:
        msg["Bcc"] = ", ".join(mail.bcc)
    if mail.reply_to:
        msg["Reply-To"] = mail.reply_to
    msg["Subject"] = mail.subject
    msg["Date"] = format_datetime(FIXED + dt.timedelta(minutes=7 * n))
    msg["Message-ID"] = f"<{n:05d}.payroll@{world.BUREAU_DOMAIN}>"
    for key, value in mail.headers.items():
        msg[key] = value
    msg.set_content(mail.body)
    if mail.html:
        msg.add_alternative(mail.html, subtype="html")
    for name, data in mail.attachments:
        ext = name.rsplit(".", 1)[-1].lower()
        maintype, subtype = MIME.get(ext, ("application", "octet-stream"))
        if maintype == "text":
            msg.add_attachment(data.decode("utf-8"), subtype=subtype, filename=name)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if mail.forwarded:
        from email import message_from_bytes
        from email.policy import default

        msg.add_attachment(message_from_bytes(mail.forwarded, policy=default))
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_ledgerline_{n:05d}_{i}")
    return msg.as_bytes(policy=SMTP)


def zip_of(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(zipfile.ZipInfo(name, ZIP_TIME), data)
    return buf.getvalue()


def ics(summary: str, description: str, attendees: list[tuple[str, str]], start: str, uid: str, location: str) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ledgerline Payroll//Exit interviews//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20250314T000000Z",
        f"DTSTART;TZID=Australia/Melbourne:{start}",
        "DURATION:PT45M",
        f"SUMMARY:{summary}",
        f"LOCATION:{location}",
        "DESCRIPTION:" + description.replace("\n", "\\n").replace(",", "\\,"),
        f"ORGANIZER;CN=Ledgerline HR Services:mailto:hr.services@{world.BUREAU_DOMAIN}",
    ]
    for name, addr in attendees:
        lines.append(f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{addr}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def csv_text(rows: list[list[str]]) -> bytes:
    import csv

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")
