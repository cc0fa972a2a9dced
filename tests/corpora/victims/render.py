"""Renderers: one letter model written as PDF (window envelope, side panel, plain), DOCX, RTF, TXT and HTML;
messages as .eml (plain, HTML, attachments, calendar invitations), archives, damaged and encrypted files.
All output is byte-for-byte deterministic (fixed dates, boundaries, zip timestamps)."""

from __future__ import annotations

import html
import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from fpdf import FPDF

from . import world

FIXED = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
ZIP_TIME = (2025, 3, 14, 9, 30, 0)


@dataclass
class Letter:
    to_lines: list[str]
    date: str
    subject: str
    salutation: str
    paragraphs: list[str]
    refs: list[tuple[str, str]] = field(default_factory=list)
    table: list[tuple[str, str]] = field(default_factory=list)
    signoff: list[str] = field(default_factory=lambda: ["Yours sincerely", "", "Daniel Okafor", "Victims Register"])
    extra_pages: list[list[str]] = field(default_factory=list)
    heading: str = world.ORG
    confidential: bool = True

    def text_lines(self) -> list[str]:
        out = [self.heading, *world.ORG_ADDRESS, f"Phone {world.ORG_PHONE}", ""]
        if self.confidential:
            out += ["PRIVATE AND CONFIDENTIAL", ""]
        out += self.to_lines + [""]
        out += [f"{k}: {v}" for k, v in self.refs]
        out += [self.date, "", self.subject.upper(), "", self.salutation, ""]
        for p in self.paragraphs:
            out += [p, ""]
        for k, v in self.table:
            out.append(f"{k:<34}{v}")
        if self.table:
            out.append("")
        out += self.signoff
        for page in self.extra_pages:
            out += ["", "\f"] + [x for p in page for x in (p, "")]
        return out


def latin(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", "...")


# --- PDF ---------------------------------------------------------------------------------------------------


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title("Correspondence")
    pdf.set_author(world.ORG)
    return pdf


def _letter_page(pdf: FPDF, ltr: Letter, style: str) -> None:
    pdf.add_page()
    if style == "sidepanel":
        body_w = 125
        pdf.set_fill_color(236, 240, 244)
        pdf.rect(150, 0, 60, 297, style="F")
        pdf.set_xy(154, 18)
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(52, 5, latin(ltr.heading), new_x="LEFT", new_y="NEXT")
        pdf.set_font("Helvetica", size=8)
        pdf.ln(2)
        panel = [*world.ORG_ADDRESS, world.ORG_POSTAL, "", "Enquiries", world.ORG_PHONE, "", "Date", ltr.date]
        for k, v in ltr.refs:
            panel += ["", k, v]
        for line in panel:
            pdf.set_x(154)
            pdf.cell(52, 4, latin(line), new_x="LEFT", new_y="NEXT")
        pdf.set_xy(20, 40)
        pdf.set_font("Helvetica", size=10)
        for line in ltr.to_lines:
            pdf.set_x(20)
            pdf.cell(100, 5, latin(line), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(85)
    else:
        pdf.set_font("Helvetica", "B", 13)
        pdf.set_xy(110 if style == "window" else 20, 12)
        pdf.cell(90, 6, latin(ltr.heading), new_x="LEFT", new_y="NEXT")
        pdf.set_font("Helvetica", size=8)
        for line in [*world.ORG_ADDRESS, f"T {world.ORG_PHONE}  F {world.ORG_FAX}"]:
            pdf.cell(90, 4, latin(line), new_x="LEFT", new_y="NEXT")
        body_w = 170
        pdf.set_font("Helvetica", size=10)
        y = 48 if style == "window" else 42
        if ltr.confidential:
            pdf.set_xy(20, y - 7)
            pdf.set_font("Helvetica", "B", 8)
            pdf.cell(80, 4, "PRIVATE AND CONFIDENTIAL")
            pdf.set_font("Helvetica", size=10)
        pdf.set_xy(20, y)
        for line in ltr.to_lines:
            pdf.set_x(20)
            pdf.cell(90, 5, latin(line), new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(125, y)
        for k, v in ltr.refs:
            pdf.set_x(125)
            pdf.cell(70, 5, latin(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(125)
        pdf.cell(70, 5, latin(ltr.date), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(92)
    pdf.set_x(20)
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(body_w, 5, latin(ltr.subject), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", size=10)
    pdf.set_x(20)
    pdf.cell(body_w, 5, latin(ltr.salutation), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for p in ltr.paragraphs:
        pdf.set_x(20)
        pdf.multi_cell(body_w, 5, latin(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if ltr.table:
        for k, v in ltr.table:
            pdf.set_x(20)
            pdf.cell(70, 6, latin(k), border=1)
            pdf.cell(body_w - 70, 6, latin(v), border=1, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    for line in ltr.signoff:
        pdf.set_x(20)
        pdf.cell(body_w, 5, latin(line), new_x="LMARGIN", new_y="NEXT")
    for page in ltr.extra_pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for p in page:
            pdf.set_x(20)
            pdf.multi_cell(170, 5, latin(p), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)


def pdf_letters(letters: list[Letter], style: str = "window") -> bytes:
    pdf = _pdf()
    for ltr in letters:
        _letter_page(pdf, ltr, style)
    return bytes(pdf.output())


def pdf_letter(ltr: Letter, style: str = "window") -> bytes:
    return pdf_letters([ltr], style)


def pdf_text(title: str, lines: list[str]) -> bytes:
    """A plain document (a submission, a report, a statement) as PDF."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(170, 6, latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        pdf.multi_cell(170, 5, latin(line) or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def pdf_encrypted(ltr: Letter) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    reader = PdfReader(io.BytesIO(pdf_letter(ltr)))
    writer = PdfWriter(clone_from=reader)
    fixed_id = ByteStringObject(b"vsns-encrypted-1")

    def fixed_identifiers() -> None:  # pypdf draws random identifiers; the corpus must be reproducible
        writer._ID = ArrayObject((fixed_id, fixed_id))

    writer.generate_file_identifiers = fixed_identifiers  # type: ignore[method-assign]
    writer.encrypt(user_password="Victim2025!", owner_password="vsns-owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def corrupt_pdf(ltr: Letter) -> bytes:
    data = pdf_letter(ltr)
    cut = len(data) // 3
    return data[:cut] + b"\x00" * 64 + bytes(reversed(data[cut : cut + 200]))


# --- DOCX --------------------------------------------------------------------------------------------------


def normalise_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_letter(ltr: Letter, table: bool = True, merge_fields: dict[str, str] | None = None) -> bytes:
    """A Word letter. With merge_fields, those words in the body are written as real MERGEFIELD fields (an
    unmerged template saved by mistake)."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.created = FIXED.replace(tzinfo=None)
    doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.core_properties.author = world.ORG_SHORT
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    header = doc.sections[0].header.paragraphs[0]
    header.text = f"{ltr.heading}  |  {world.ORG_ADDRESS[0]}, {world.ORG_ADDRESS[1]}  |  {world.ORG_PHONE}"
    if ltr.confidential:
        doc.add_paragraph().add_run("PRIVATE AND CONFIDENTIAL").bold = True
    for line in ltr.to_lines:
        p = doc.add_paragraph(line)
        p.paragraph_format.space_after = Pt(0)
    doc.add_paragraph("")
    for k, v in ltr.refs:
        doc.add_paragraph(f"{k}: {v}").paragraph_format.space_after = Pt(0)
    doc.add_paragraph(ltr.date)
    doc.add_paragraph().add_run(ltr.subject).bold = True
    doc.add_paragraph(ltr.salutation)

    def add_field(par, name: str) -> None:
        run = par.add_run()
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), f" MERGEFIELD {name} ")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = f"\u00ab{name}\u00bb"
        r.append(t)
        fld.append(r)
        run._r.addnext(fld)

    for text in ltr.paragraphs:
        p = doc.add_paragraph()
        if merge_fields:
            parts = [text]
            for word, fname in merge_fields.items():
                if word in text:
                    before, after = text.split(word, 1)
                    p.add_run(before)
                    add_field(p, fname)
                    p.add_run(after)
                    break
            else:
                p.add_run(parts[0])
        else:
            p.add_run(text)
    if ltr.table:
        if table:
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for k, v in ltr.table:
                cells = t.add_row().cells
                cells[0].text, cells[1].text = k, v
        else:
            for k, v in ltr.table:
                doc.add_paragraph(f"{k}: {v}")
        doc.add_paragraph("")
    for line in ltr.signoff:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    for page in ltr.extra_pages:
        doc.add_page_break()
        for text in page:
            doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def docx_table(title: str, header: list[str], rows: list[list[str]], intro: str = "") -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.created = FIXED.replace(tzinfo=None)
    doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.add_heading(title, level=1)
    if intro:
        doc.add_paragraph(intro)
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, h in zip(t.rows[0].cells, header, strict=True):
        cell.text = h
    for row in rows:
        for cell, v in zip(t.add_row().cells, row, strict=True):
            cell.text = v
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


# --- RTF, TXT, HTML ----------------------------------------------------------------------------------------


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\'{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_letter(ltr: Letter) -> bytes:
    body = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs20"]
    body.append("{\\b " + _rtf_escape(ltr.heading) + "}\\par")
    for line in [*world.ORG_ADDRESS, f"Phone {world.ORG_PHONE}"]:
        body.append(_rtf_escape(line) + "\\par")
    body.append("\\par")
    for line in ltr.to_lines:
        body.append(_rtf_escape(line) + "\\line")
    body.append("\\par")
    for k, v in ltr.refs:
        body.append(_rtf_escape(f"{k}: {v}") + "\\par")
    body.append(_rtf_escape(ltr.date) + "\\par\\par")
    body.append("{\\b " + _rtf_escape(ltr.subject) + "}\\par\\par")
    body.append(_rtf_escape(ltr.salutation) + "\\par\\par")
    for p in ltr.paragraphs:
        body.append(_rtf_escape(p) + "\\par\\par")
    for k, v in ltr.table:
        body.append(_rtf_escape(k) + "\\tab " + _rtf_escape(v) + "\\par")
    for line in ltr.signoff:
        body.append(_rtf_escape(line) + "\\par")
    for page in ltr.extra_pages:
        body.append("\\page")
        for p in page:
            body.append(_rtf_escape(p) + "\\par\\par")
    body.append("}")
    return "\n".join(body).encode("latin-1")


def txt_letter(ltr: Letter) -> bytes:
    return ("\n".join(ltr.text_lines()) + "\n").encode("utf-8")


def html_letter(ltr: Letter) -> bytes:
    e = html.escape
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Letter</title></head><body>",
        f"<div class='letterhead'><strong>{e(ltr.heading)}</strong><br>{'<br>'.join(map(e, world.ORG_ADDRESS))}</div>",
        f"<div class='address'>{'<br>'.join(map(e, ltr.to_lines))}</div>",
        "<div class='refs'>" + "".join(f"<p>{e(k)}: {e(v)}</p>" for k, v in ltr.refs) + f"<p>{e(ltr.date)}</p></div>",
        f"<h3>{e(ltr.subject)}</h3><p>{e(ltr.salutation)}</p>",
        *(f"<p>{e(p)}</p>" for p in ltr.paragraphs),
    ]
    if ltr.table:
        parts.append("<table border='1'>" + "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in ltr.table))
        parts.append("</table>")
    parts.append("<p>" + "<br>".join(map(e, ltr.signoff)) + "</p></body></html>")
    return "\n".join(parts).encode("utf-8")


def render_letter(ltr: Letter, fmt: str) -> tuple[str, bytes]:
    """fmt: pdf-window, pdf-sidepanel, pdf-plain, docx, docx-plain, rtf, txt, html."""
    if fmt.startswith("pdf"):
        return "pdf", pdf_letter(ltr, fmt.split("-", 1)[1])
    if fmt == "docx":
        return "docx", docx_letter(ltr)
    if fmt == "docx-plain":
        return "docx", docx_letter(ltr, table=False)
    if fmt == "rtf":
        return "rtf", rtf_letter(ltr)
    if fmt == "txt":
        return "txt", txt_letter(ltr)
    if fmt == "html":
        return "html", html_letter(ltr)
    raise ValueError(fmt)


# --- archives, calendar ------------------------------------------------------------------------------------


def zip_of(files: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return out.getvalue()


def ics(
    uid: str,
    summary: str,
    start: str,
    end: str,
    location: str,
    description: str,
    organizer: str,
    attendees: list[tuple[str, str]],
) -> bytes:
    def fold(line: str) -> str:
        out, cur = [], line
        while len(cur.encode()) > 74:
            out.append(cur[:74])
            cur = " " + cur[74:]
        out.append(cur)
        return "\r\n".join(out)

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")

    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//VSNS//Court Support Scheduler 3.2//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VTIMEZONE",
        "TZID:Australia/Perth",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20250314T013000Z",
        f"DTSTART;TZID=Australia/Perth:{start}",
        f"DTEND;TZID=Australia/Perth:{end}",
        f"SUMMARY:{esc(summary)}",
        f"LOCATION:{esc(location)}",
        f"DESCRIPTION:{esc(description)}",
        f"ORGANIZER;CN={esc(world.ORG_SHORT)} Court Support:mailto:{organizer}",
        *(f"ATTENDEE;CN={esc(n)};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{a}" for n, a in attendees),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(fold(x) for x in lines) + "\r\n").encode("utf-8")


# --- messages ----------------------------------------------------------------------------------------------


@dataclass
class Attachment:
    filename: str
    data: bytes
    mime: str = ""


MIMES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv",
    "zip": "application/zip",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "ics": "text/calendar",
}


def eml(
    msg_id: str,
    sender: str,
    to: list[str],
    subject: str,
    text: str,
    *,
    cc: list[str] | None = None,
    html_body: str | None = None,
    attachments: list[Attachment] | None = None,
    date: datetime = FIXED,
    in_reply_to: str = "",
    headers: dict[str, str] | None = None,
) -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    m["Subject"] = subject
    m["Date"] = format_datetime(date)
    m["Message-ID"] = f"<{msg_id}@{world.INTERNAL}>"
    if in_reply_to:
        m["In-Reply-To"] = f"<{in_reply_to}@{world.INTERNAL}>"
        m["References"] = f"<{in_reply_to}@{world.INTERNAL}>"
    for k, v in (headers or {}).items():
        m[k] = v
    m.set_content(text)
    if html_body is not None:
        m.add_alternative(html_body, subtype="html")
    for a in attachments or []:
        ext = a.filename.rsplit(".", 1)[-1].lower()
        mime = a.mime or MIMES.get(ext, "application/octet-stream")
        maintype, subtype = mime.split("/")
        if maintype == "text":
            params = {"method": "REQUEST"} if subtype == "calendar" else {}
            m.add_attachment(a.data.decode("utf-8"), subtype=subtype, filename=a.filename, params=params)
        else:
            m.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename)
    for n, part in enumerate(m.walk()):
        if part.is_multipart():
            part.set_boundary(f"==vsns-{msg_id}-{n}==")
    return bytes(m)


def quote(text: str) -> str:
    return "\n".join(("> " + line) if line else ">" for line in text.splitlines())
