"""Letters on the agent's letterhead (PDF with a window-envelope address block, DOCX, RTF, TXT, HTML), report
PDFs, messages (.eml) and invitations (.ics). Deterministic: fixed dates, boundaries and zip stamps."""

from __future__ import annotations

import email.policy
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from docx import Document
from fpdf import FPDF

from tests.corpora.workcomp import world as W

FIXED = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


@dataclass
class Letter:
    to: list[str]
    subject: str
    body: list[str]
    salutation: str = "Dear Sir or Madam"
    date: str = "16 March 2026"
    refs: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    sender: W.Staff = W.STAFF[0]
    office: W.Office = W.OFFICES["VIC"]
    closing: str = "Yours sincerely"
    footer: str = ""


def _lat(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u2013", "-").encode("latin-1", "replace").decode("latin-1")


def _letterhead(pdf: FPDF, office: W.Office) -> None:
    pdf.set_font("Helvetica", "B", 15)
    pdf.set_xy(20, 12)
    pdf.cell(0, 7, W.ORG.upper())
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(120, 12)
    pdf.multi_cell(
        75,
        4,
        _lat(
            f"{office.lines[0]}\n{office.lines[1]}\nT {W.PHONE_MAIN}  |  {office.phone}\n{W.ABN}\nclaims@{W.INTERNAL}"
        ),
        align="R",
    )


def _letter_page(pdf: FPDF, x: Letter) -> None:
    pdf.add_page()
    _letterhead(pdf, x.office)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(22, 46)  # the window of a DL envelope
    pdf.multi_cell(90, 5, _lat("\n".join(x.to)))
    pdf.set_xy(130, 46)
    pdf.multi_cell(65, 5, _lat("\n".join([x.date, *x.refs])), align="R")
    pdf.set_xy(20, 82)
    pdf.multi_cell(170, 5, _lat(x.salutation + ","))
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_x(20)
    pdf.multi_cell(170, 5, _lat(x.subject))
    pdf.set_font("Helvetica", "", 10)
    for para in x.body:
        pdf.ln(2)
        pdf.set_x(20)
        pdf.multi_cell(170, 5, _lat(para))
    if x.table:
        pdf.ln(3)
        _table(pdf, x.table)
    pdf.ln(4)
    pdf.set_x(20)
    pdf.multi_cell(
        170,
        5,
        _lat(
            f"{x.closing}\n\n\n{x.sender.name}\n{x.sender.title}\n{W.ORG}\nDirect {x.office.phone}  |  {x.sender.email}"
        ),
    )
    if x.footer:
        pdf.set_font("Helvetica", "", 7)
        pdf.set_xy(20, 280)
        pdf.multi_cell(170, 3.5, _lat(x.footer))


def _table(pdf: FPDF, rows: list[list[str]]) -> None:
    pdf.set_font("Helvetica", "", 8)
    width = 170 / max(len(r) for r in rows)
    for i, r in enumerate(rows):
        pdf.set_x(20)
        pdf.set_font("Helvetica", "B" if i == 0 else "", 8)
        for c in r:
            pdf.cell(width, 5, _lat(c)[:40], border=1)
        pdf.ln(5)
    pdf.set_font("Helvetica", "", 10)


def _new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, 18)
    pdf.set_creator(W.ORG)
    return pdf


def pdf(letters: Letter | list[Letter], password: str | None = None) -> bytes:
    doc = _new_pdf()
    for x in letters if isinstance(letters, list) else [letters]:
        _letter_page(doc, x)
    if password:
        doc.set_encryption(owner_password="sgc-owner", user_password=password)
    return bytes(doc.output())


def report_pdf(title: str, intro: list[str], rows: list[list[str]], office: W.Office | None = None) -> bytes:
    doc = _new_pdf()
    doc.add_page(orientation="L")
    _letterhead(doc, office or W.OFFICES["VIC"])
    doc.set_xy(20, 40)
    doc.set_font("Helvetica", "B", 12)
    doc.multi_cell(250, 6, _lat(title))
    doc.set_font("Helvetica", "", 9)
    for p in intro:
        doc.set_x(20)
        doc.multi_cell(250, 5, _lat(p))
    doc.ln(2)
    _table(doc, rows)
    return bytes(doc.output())


def _fixzip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 16, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx(x: Letter) -> bytes:
    d = Document()
    cp = d.core_properties
    cp.author = x.sender.name
    cp.created = cp.modified = cp.last_printed = FIXED.replace(tzinfo=None)
    cp.revision = 1
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = f"{W.ORG}  |  {x.office.lines[0]}, {x.office.lines[1]}  |  {W.PHONE_MAIN}"
    for line in x.to:
        d.add_paragraph(line)
    d.add_paragraph("")
    d.add_paragraph(x.date)
    for r in x.refs:
        d.add_paragraph(r)
    d.add_paragraph(x.salutation + ",")
    d.add_paragraph().add_run(x.subject).bold = True
    for p in x.body:
        d.add_paragraph(p)
    if x.table:
        t = d.add_table(rows=len(x.table), cols=len(x.table[0]))
        for i, r in enumerate(x.table):
            for j, c in enumerate(r):
                t.cell(i, j).text = c
    d.add_paragraph(x.closing)
    d.add_paragraph(f"{x.sender.name}\n{x.sender.title}\nDirect {x.office.phone}")
    buf = io.BytesIO()
    d.save(buf)
    return _fixzip(buf.getvalue())


def txt(x: Letter) -> bytes:
    lines = [
        W.ORG.upper(),
        f"{x.office.lines[0]}, {x.office.lines[1]}   T {W.PHONE_MAIN}",
        "",
        *x.to,
        "",
        x.date,
        *x.refs,
        "",
        x.salutation + ",",
        "",
        x.subject,
        "",
    ]
    for p in x.body:
        lines += [p, ""]
    for r in x.table:
        lines.append(" | ".join(r))
    lines += ["", x.closing, "", x.sender.name, x.sender.title, f"Direct {x.office.phone}", ""]
    return "\n".join(lines).encode("utf-8")


def _rtf_esc(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\'{ord(ch):02x}" if ord(ch) < 256 else "?")
        else:
            out.append(ch)
    return "".join(out)


def rtf(x: Letter, raw_fields: str = "") -> bytes:
    parts = [
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\f0\fs20",
        r"{\header\pard\qr " + _rtf_esc(f"{W.ORG} - {x.office.lines[0]}, {x.office.lines[1]}") + r"\par}",
    ]
    for line in [*x.to, "", x.date, *x.refs, "", x.salutation + ","]:
        parts.append(r"\pard " + _rtf_esc(line) + r"\par")
    parts.append(r"\pard\b " + _rtf_esc(x.subject) + r"\b0\par")
    for p in x.body:
        parts.append(r"\pard\sa120 " + _rtf_esc(p) + r"\par")
    if raw_fields:
        parts.append(raw_fields)
    for r in x.table:
        parts.append(r"\pard " + _rtf_esc("\t".join(r)) + r"\par")
    parts.append(r"\pard " + _rtf_esc(f"{x.closing}") + r"\par\par " + _rtf_esc(x.sender.name) + r"\par")
    parts.append("}")
    return "\n".join(parts).encode("latin-1")


def _h(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_letter(x: Letter, extra: str = "") -> bytes:
    rows = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in r) + "</tr>" for r in x.table)
    body = "".join(f"<p>{_h(p)}</p>" for p in x.body)
    doc = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{_h(x.subject)}</title></head><body>"
        f"<div class='letterhead'><strong>{W.ORG}</strong><br>{_h(x.office.lines[0])}, {_h(x.office.lines[1])}"
        f"<br>{W.PHONE_MAIN}</div><div class='address'>{'<br>'.join(_h(t) for t in x.to)}</div>"
        f"<p>{_h(x.date)}<br>{'<br>'.join(_h(r) for r in x.refs)}</p><p>{_h(x.salutation)},</p>"
        f"<h3>{_h(x.subject)}</h3>{body}<table>{rows}</table>{extra}<p>{_h(x.closing)}</p>"
        f"<p>{_h(x.sender.name)}<br>{_h(x.sender.title)}</p></body></html>"
    )
    return doc.encode("utf-8")


def signature(s: W.Staff, office: W.Office) -> str:
    return (
        f"\n\nKind regards,\n{s.name}\n{s.title} | {W.ORG}\n{office.lines[0]}, {office.lines[1]}\n"
        f"T {W.PHONE_MAIN} | D {office.phone}\n{s.email}\n\nThis email is confidential and may contain "
        "information about an injured worker's claim. If you received it in error, tell us and delete it."
    )


def eml(
    sender: str,
    to: list[str],
    subject: str,
    text: str,
    *,
    key: str,
    cc: list[str] | None = None,
    html: str | None = None,
    attachments: list[tuple[str, str, bytes | str]] | None = None,
    headers: dict[str, str] | None = None,
    minute: int = 0,
) -> bytes:
    """key makes the Message-ID and boundaries; attachments are (filename, mime type, content)."""
    m = EmailMessage()
    m["From"] = sender
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    m["Subject"] = subject
    m["Date"] = format_datetime(FIXED.replace(minute=minute % 60, hour=9 + minute // 60 % 8))
    m["Message-ID"] = f"<{hashlib.sha1(key.encode()).hexdigest()[:20]}@{W.INTERNAL}>"
    for k, v in (headers or {}).items():
        m[k] = v
    m.set_content(text)
    if html is not None:
        m.add_alternative(html, subtype="html")
    for name, mime, data in attachments or []:
        maintype, subtype = mime.split("/")
        if isinstance(data, str):
            m.add_attachment(data, subtype=subtype, filename=name)
        elif maintype == "message":
            from email import message_from_bytes

            m.add_attachment(message_from_bytes(data, policy=email.policy.default))
        else:
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(m.walk()):
        if part.is_multipart():
            part.set_boundary(f"==sgc{hashlib.sha1(key.encode()).hexdigest()[:10]}{i}==")
    return m.as_bytes(policy=email.policy.default)


def ics(
    uid: str,
    summary: str,
    description: str,
    location: str,
    organiser: str,
    attendees: list[str],
    start: str = "20260324T100000",
    end: str = "20260324T110000",
) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{W.ORG}//Case conferences//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{W.INTERNAL}",
        "DTSTAMP:20260316T090000Z",
        f"DTSTART;TZID=Australia/Melbourne:{start}",
        f"DTEND;TZID=Australia/Melbourne:{end}",
        f"SUMMARY:{summary}",
        f"LOCATION:{location}",
        "DESCRIPTION:" + description.replace("\n", "\\n"),
        f"ORGANIZER:mailto:{organiser}",
    ]
    lines += [f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{a}" for a in attendees]
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def zip_of(files: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 3, 16, 9, 0, 0)), data)
    return out.getvalue()


def letter_as(x: Letter, ext: str) -> bytes:
    return {"pdf": pdf, "docx": docx, "rtf": rtf, "txt": txt, "html": html_letter}[ext](x)
