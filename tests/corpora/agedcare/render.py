"""Renderers: letters as PDF (several layouts), DOCX, RTF, TXT and HTML; e-mail messages; calendar invitations;
archives; broken and encrypted files. Everything deterministic (fixed dates, boundaries and zip timestamps)."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from . import world as w

FIXED = dt.datetime(2025, 5, 19, 9, 0, tzinfo=dt.UTC)
ZIP_TIME = (2025, 5, 19, 9, 0, 0)


@dataclass
class Letter:
    to_lines: list[str]
    subject: str
    paras: list[str]
    date: dt.date = w.TODAY
    home: w.Home | None = None  # letterhead of a home; None: head office
    refs: list[tuple[str, str]] = field(default_factory=list)
    salutation: str = "Dear Sir or Madam"
    table: tuple[list[str], list[list[str]]] | None = None
    table_title: str = ""
    after_table: list[str] = field(default_factory=list)
    signer: tuple[str, str] = ("Hoang Tran", "Billing Officer")
    layout: str = "window"  # window | sidepanel | plain | careplan
    extra_pages: list[list[str]] = field(default_factory=list)
    footer: str = ""


def _sender_lines(home: w.Home | None) -> list[str]:
    if home:
        return [
            f"{w.ORG_NAME} - {home.name}",
            home.street,
            f"{home.suburb} {home.state} {home.postcode}",
            f"Phone {home.phone}",
        ]
    return [w.ORG_LEGAL, w.HEAD_OFFICE[0], w.HEAD_OFFICE[1], f"Phone {w.PHONE}"]


def _pdf() -> FPDF:
    p = FPDF(format="A4")
    p.set_creation_date(FIXED)
    p.set_auto_page_break(True, margin=18)
    p.set_margins(20, 15, 20)
    return p


def _t(s: str) -> str:
    return w.latin1(s)


def _table(p: FPDF, headers: list[str], rows: list[list[str]], widths: list[float] | None = None) -> None:
    total = p.w - p.l_margin - p.r_margin
    widths = widths or [total / len(headers)] * len(headers)
    p.set_font("Helvetica", "B", 9)
    p.set_fill_color(225, 235, 225)
    for h, wd in zip(headers, widths, strict=True):
        p.cell(wd, 6, _t(h), border=1, fill=True)
    p.ln()
    p.set_font("Helvetica", "", 9)
    for r in rows:
        for v, wd in zip(r, widths, strict=True):
            p.cell(wd, 6, _t(v)[:60], border=1)
        p.ln()
    p.ln(3)


def _render_letter(p: FPDF, L: Letter) -> None:
    p.add_page()
    sender = _sender_lines(L.home)
    if L.layout == "sidepanel":
        p.set_fill_color(232, 240, 228)
        p.rect(0, 0, 55, 297, style="F")
        p.set_xy(6, 20)
        p.set_font("Helvetica", "B", 11)
        p.multi_cell(45, 5, _t(w.ORG_NAME), new_x="LMARGIN", new_y="NEXT")
        p.set_font("Helvetica", "", 8)
        for line in sender[1:] + [f"ABN {w.fmt_abn(w.ORG_ABN)}", f"www.{w.DOMAIN}"]:
            p.set_x(6)
            p.multi_cell(45, 4, _t(line), new_x="LMARGIN", new_y="NEXT")
        p.set_xy(6, 80)
        for label, value in L.refs:
            p.set_x(6)
            p.set_font("Helvetica", "B", 8)
            p.multi_cell(45, 4, _t(label), new_x="LMARGIN", new_y="NEXT")
            p.set_x(6)
            p.set_font("Helvetica", "", 8)
            p.multi_cell(45, 4, _t(value), new_x="LMARGIN", new_y="NEXT")
        p.set_left_margin(65)
        p.set_xy(65, 40)
        p.set_font("Helvetica", "", 11)
        for line in L.to_lines:
            p.cell(0, 5.5, _t(line), new_x="LMARGIN", new_y="NEXT")
        p.ln(8)
        p.cell(0, 5, _t(w.date_long(L.date)), new_x="LMARGIN", new_y="NEXT")
    else:
        p.set_font("Helvetica", "B", 14)
        p.cell(0, 7, _t(sender[0]), new_x="LMARGIN", new_y="NEXT")
        p.set_font("Helvetica", "", 8)
        p.cell(0, 4, _t("  |  ".join(sender[1:]) + f"  |  ABN {w.fmt_abn(w.ORG_ABN)}"), new_x="LMARGIN", new_y="NEXT")
        p.line(20, p.get_y() + 1, 190, p.get_y() + 1)
        if L.layout in ("window", "careplan"):
            # a DL window envelope shows the block 45-85 mm from the top, 20 mm from the left
            p.set_xy(20, 47)
            p.set_font("Helvetica", "", 10)
            for line in L.to_lines:
                p.cell(90, 5, _t(line), new_x="LMARGIN", new_y="NEXT")
            p.set_xy(125, 47)
            p.set_font("Helvetica", "", 9)
            for label, value in [("Date", w.date_long(L.date))] + L.refs:
                p.set_x(125)
                p.cell(30, 5, _t(label))
                p.cell(35, 5, _t(value), new_x="LMARGIN", new_y="NEXT")
            p.set_y(max(p.get_y(), 47 + 5 * len(L.to_lines)) + 10)
        else:  # plain
            p.ln(10)
            p.set_font("Helvetica", "", 11)
            p.cell(0, 5, _t(w.date_long(L.date)), new_x="LMARGIN", new_y="NEXT")
            p.ln(4)
            for line in L.to_lines:
                p.cell(0, 5.5, _t(line), new_x="LMARGIN", new_y="NEXT")
            p.ln(4)
            for label, value in L.refs:
                p.cell(0, 5, _t(f"{label}: {value}"), new_x="LMARGIN", new_y="NEXT")
    p.ln(5)
    p.set_font("Helvetica", "B", 11)
    p.multi_cell(0, 6, _t(L.subject), new_x="LMARGIN", new_y="NEXT")
    p.ln(2)
    p.set_font("Helvetica", "", 10)
    p.multi_cell(0, 5, _t(L.salutation + ","), new_x="LMARGIN", new_y="NEXT")
    p.ln(2)
    for para in L.paras:
        p.multi_cell(0, 5, _t(para), new_x="LMARGIN", new_y="NEXT")
        p.ln(2)
    if L.table:
        if L.table_title:
            p.set_font("Helvetica", "B", 10)
            p.cell(0, 6, _t(L.table_title), new_x="LMARGIN", new_y="NEXT")
        _table(p, *L.table)
        p.set_font("Helvetica", "", 10)
    for para in L.after_table:
        p.multi_cell(0, 5, _t(para), new_x="LMARGIN", new_y="NEXT")
        p.ln(2)
    p.ln(3)
    p.multi_cell(0, 5, _t(f"Yours sincerely,\n\n{L.signer[0]}\n{L.signer[1]}"), new_x="LMARGIN", new_y="NEXT")
    if L.footer:
        p.ln(4)
        p.set_font("Helvetica", "I", 8)
        p.multi_cell(0, 4, _t(L.footer), new_x="LMARGIN", new_y="NEXT")
    for page in L.extra_pages:
        p.add_page()
        p.set_font("Helvetica", "", 10)
        for line in page:
            p.multi_cell(0, 5, _t(line), new_x="LMARGIN", new_y="NEXT")
    p.set_left_margin(20)


def pdf_letters(letters: list[Letter], encrypt: bool = False) -> bytes:
    p = _pdf()
    for L in letters:
        _render_letter(p, L)
    if encrypt:
        p.set_encryption(
            owner_password="bg-owner", user_password="Resident2025", encryption_method=EncryptionMethod.RC4
        )
    return bytes(p.output())


def pdf_letter(L: Letter, encrypt: bool = False) -> bytes:
    return pdf_letters([L], encrypt)


def pdf_document(title: str, blocks: list[tuple[str, object]], home: w.Home | None = None) -> bytes:
    """A form-like document (care plan, medication chart, transfer summary): blocks of ("h", text),
    ("p", text), ("kv", [(k, v)]), ("table", (headers, rows)), ("page", None)."""
    p = _pdf()
    p.add_page()
    p.set_font("Helvetica", "B", 13)
    p.cell(0, 7, _t(_sender_lines(home)[0]), new_x="LMARGIN", new_y="NEXT")
    p.set_font("Helvetica", "B", 12)
    p.cell(0, 7, _t(title), new_x="LMARGIN", new_y="NEXT")
    p.ln(2)
    for kind, val in blocks:
        if kind == "h":
            p.set_font("Helvetica", "B", 11)
            p.cell(0, 7, _t(str(val)), new_x="LMARGIN", new_y="NEXT")
        elif kind == "p":
            p.set_font("Helvetica", "", 10)
            p.multi_cell(0, 5, _t(str(val)), new_x="LMARGIN", new_y="NEXT")
            p.ln(1)
        elif kind == "kv":
            p.set_font("Helvetica", "", 10)
            for k, v in val:  # type: ignore[attr-defined]
                p.set_font("Helvetica", "B", 10)
                p.cell(55, 5.5, _t(k))
                p.set_font("Helvetica", "", 10)
                p.cell(0, 5.5, _t(v), new_x="LMARGIN", new_y="NEXT")
            p.ln(2)
        elif kind == "table":
            headers, rows = val  # type: ignore[misc]
            _table(p, headers, rows)
        elif kind == "page":
            p.add_page()
    return bytes(p.output())


# --------------------------------------------------------------------------- DOCX


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (a .docx) with fixed timestamps and order so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_letter(L: Letter) -> bytes:
    from docx import Document
    from docx.shared import Pt

    d = Document()
    d.core_properties.author = w.ORG_NAME
    d.core_properties.created = FIXED.replace(tzinfo=None)
    d.core_properties.modified = FIXED.replace(tzinfo=None)
    d.core_properties.last_modified_by = w.ORG_NAME
    sender = _sender_lines(L.home)
    head = d.add_paragraph()
    r = head.add_run(sender[0])
    r.bold = True
    r.font.size = Pt(14)
    d.add_paragraph(" | ".join(sender[1:]))
    d.add_paragraph(w.date_long(L.date))
    for line in L.to_lines:
        d.add_paragraph(line)
    for label, value in L.refs:
        d.add_paragraph(f"{label}: {value}")
    sp = d.add_paragraph()
    sp.add_run(L.subject).bold = True
    d.add_paragraph(L.salutation + ",")
    for para in L.paras:
        d.add_paragraph(para)
    if L.table:
        if L.table_title:
            d.add_paragraph().add_run(L.table_title).bold = True
        headers, rows = L.table
        t = d.add_table(rows=1, cols=len(headers))
        t.style = "Table Grid"
        for i, h in enumerate(headers):
            t.rows[0].cells[i].text = h
        for row in rows:
            cells = t.add_row().cells
            for i, v in enumerate(row):
                cells[i].text = v
    for para in L.after_table:
        d.add_paragraph(para)
    d.add_paragraph("Yours sincerely,")
    d.add_paragraph(L.signer[0])
    d.add_paragraph(L.signer[1])
    if L.footer:
        d.add_paragraph(L.footer)
    for page in L.extra_pages:
        d.add_page_break()
        for line in page:
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue())


# --------------------------------------------------------------------------- RTF, TXT, HTML


def _rtf_escape(s: str) -> str:
    out = []
    for ch in w.latin1(s):
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\'{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def rtf_letter(L: Letter) -> bytes:
    lines = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\f0\fs22"]
    sender = _sender_lines(L.home)
    lines.append(r"{\b\fs28 " + _rtf_escape(sender[0]) + r"}\par")
    lines.append(_rtf_escape(" | ".join(sender[1:])) + r"\par\par")
    lines.append(_rtf_escape(w.date_long(L.date)) + r"\par\par")
    for line in L.to_lines:
        lines.append(_rtf_escape(line) + r"\par")
    lines.append(r"\par")
    for label, value in L.refs:
        lines.append(_rtf_escape(f"{label}: {value}") + r"\par")
    lines.append(r"\par{\b " + _rtf_escape(L.subject) + r"}\par\par")
    lines.append(_rtf_escape(L.salutation + ",") + r"\par\par")
    for para in L.paras:
        lines.append(_rtf_escape(para) + r"\par\par")
    if L.table:
        headers, rows = L.table
        if L.table_title:
            lines.append(r"{\b " + _rtf_escape(L.table_title) + r"}\par")
        for row in [headers] + rows:
            cells = "".join(r"\pard\intbl " + _rtf_escape(v) + r"\cell " for v in row)
            edges = "".join(rf"\cellx{1800 * (i + 1)}" for i in range(len(row)))
            lines.append(r"\trowd" + edges + cells + r"\row")
        lines.append(r"\pard\par")
    for para in L.after_table:
        lines.append(_rtf_escape(para) + r"\par\par")
    lines.append(_rtf_escape("Yours sincerely,") + r"\par\par")
    lines.append(_rtf_escape(L.signer[0]) + r"\par" + _rtf_escape(L.signer[1]) + r"\par")
    for page in L.extra_pages:
        lines.append(r"\page")
        for line in page:
            lines.append(_rtf_escape(line) + r"\par")
    lines.append("}")
    return "\n".join(lines).encode("latin-1")


def txt_letter(L: Letter) -> bytes:
    sender = _sender_lines(L.home)
    out = [sender[0].upper(), " | ".join(sender[1:]), "", w.date_long(L.date), ""]
    out += L.to_lines + [""]
    out += [f"{label}: {value}" for label, value in L.refs]
    out += ["", L.subject.upper(), "", L.salutation + ",", ""]
    for para in L.paras:
        out += [para, ""]
    if L.table:
        headers, rows = L.table
        if L.table_title:
            out.append(L.table_title)
        out.append(" | ".join(headers))
        out += [" | ".join(r) for r in rows]
        out.append("")
    for para in L.after_table:
        out += [para, ""]
    out += ["Yours sincerely,", "", L.signer[0], L.signer[1]]
    for page in L.extra_pages:
        out += ["\f"] + page
    return ("\n".join(out) + "\n").encode("utf-8")


def html_letter(L: Letter) -> bytes:
    e = html.escape
    sender = _sender_lines(L.home)
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + e(L.subject) + "</title></head><body>",
        f"<header><h2>{e(sender[0])}</h2><p>{'<br>'.join(e(s) for s in sender[1:])}</p></header>",
        f"<p>{e(w.date_long(L.date))}</p>",
        "<address>" + "<br>".join(e(x) for x in L.to_lines) + "</address>",
    ]
    if L.refs:
        parts.append("<dl>" + "".join(f"<dt>{e(a)}</dt><dd>{e(b)}</dd>" for a, b in L.refs) + "</dl>")
    parts.append(f"<h3>{e(L.subject)}</h3><p>{e(L.salutation)},</p>")
    parts += [f"<p>{e(p)}</p>" for p in L.paras]
    if L.table:
        parts.append(html_table(*L.table))
    parts += [f"<p>{e(p)}</p>" for p in L.after_table]
    parts.append(f"<p>Yours sincerely,<br><br>{e(L.signer[0])}<br>{e(L.signer[1])}</p></body></html>")
    return "\n".join(parts).encode("utf-8")


def html_table(headers: list[str], rows: list[list[str]]) -> str:
    e = html.escape
    head = "".join(f"<th style='text-align:left;padding:4px'>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td style='padding:4px'>{e(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f"<table border='1' cellspacing='0'><tr>{head}</tr>{body}</table>"


def render_letter(L: Letter, fmt: str) -> bytes:
    return {"pdf": pdf_letter, "docx": docx_letter, "rtf": rtf_letter, "txt": txt_letter, "html": html_letter}[fmt](L)


# --------------------------------------------------------------------------- e-mail


@dataclass
class Attachment:
    filename: str
    data: bytes
    mime: str  # "application/pdf", ...


MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv",
    "zip": "application/zip",
    "ics": "text/calendar",
    "rtf": "application/rtf",
    "txt": "text/plain",
}


def attachment(filename: str, data: bytes) -> Attachment:
    return Attachment(filename, data, MIME[filename.rsplit(".", 1)[1].lower()])


def eml(
    sender: str,
    to: list[str],
    subject: str,
    text: str,
    *,
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
    html_body: str | None = None,
    attachments: list[Attachment] | None = None,
    when: dt.datetime | None = None,
    key: str = "",
    headers: dict[str, str] | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if bcc:
        msg["Bcc"] = ", ".join(bcc)
    msg["Subject"] = subject
    when = when or FIXED
    msg["Date"] = format_datetime(when.astimezone(dt.timezone(dt.timedelta(hours=10))))
    digest = hashlib.sha1((key + subject + ",".join(to)).encode()).hexdigest()[:16]
    msg["Message-ID"] = f"<{digest}@mail.{w.DOMAIN}>"
    for k, v in (headers or {}).items():
        msg[k] = v
    msg.set_content(text)
    if html_body is not None:
        msg.add_alternative(html_body, subtype="html")
    for a in attachments or []:
        maintype, subtype = a.mime.split("/")
        if maintype == "text":
            msg.add_attachment(a.data.decode("utf-8"), subtype=subtype, filename=a.filename)
        else:
            msg.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename)
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            n += 1
            part.set_boundary(f"=_bg_{digest}_{n}")
    return msg.as_bytes()


def quote_gmail(when: str, who: str, text: str) -> str:
    return f"On {when}, {who} wrote:\n" + "\n".join("> " + line if line else ">" for line in text.splitlines())


def quote_outlook(sender: str, sent: str, to: str, subject: str, text: str) -> str:
    return f"-----Original Message-----\nFrom: {sender}\nSent: {sent}\nTo: {to}\nSubject: {subject}\n\n{text}"


def signature(given: str, family: str, role: str, home: w.Home | None = None) -> str:
    place = f"{w.ORG_NAME} - {home.name}" if home else w.ORG_NAME
    phone = home.phone if home else w.PHONE
    return f"\n\nKind regards,\n{given} {family}\n{role}\n{place}\nP {phone}\n"


# --------------------------------------------------------------------------- calendar, archives, broken files


def ics(
    uid: str,
    summary: str,
    start: dt.datetime,
    minutes: int,
    location: str,
    description: str,
    organizer: str,
    attendees: list[str],
) -> bytes:
    def stamp(t: dt.datetime) -> str:
        return t.strftime("%Y%m%dT%H%M%S")

    desc = description.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
    loc = location.replace(",", "\\,").replace(";", "\\;")
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Banksia Grove Aged Care//Care Planning//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{w.DOMAIN}",
        f"DTSTAMP:{stamp(FIXED.replace(tzinfo=None))}Z",
        f"DTSTART;TZID=Australia/Melbourne:{stamp(start)}",
        f"DTEND;TZID=Australia/Melbourne:{stamp(start + dt.timedelta(minutes=minutes))}",
        f"SUMMARY:{summary}",
        f"LOCATION:{loc}",
        f"DESCRIPTION:{desc}",
        f"ORGANIZER:mailto:{organizer}",
    ]
    lines += [f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{a}" for a in attendees]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    folded = []
    for line in lines:
        while len(line) > 74:
            folded.append(line[:74])
            line = " " + line[74:]
        folded.append(line)
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")


def zip_files(files: list[tuple[str, bytes]], encrypted_flag: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    data = out.getvalue()
    if encrypted_flag:
        data = _flag_encrypted(data)
    return data


def _flag_encrypted(data: bytes) -> bytes:
    """Mark every member as encrypted (general purpose bit 0), scrambling the stored bytes, as a
    password-protected archive looks to a reader without the password."""
    b = bytearray(data)
    i = 0
    while True:
        i = b.find(b"PK\x03\x04", i)
        if i < 0:
            break
        b[i + 6] |= 0x01
        comp = int.from_bytes(b[i + 18 : i + 22], "little")
        nlen = int.from_bytes(b[i + 26 : i + 28], "little")
        xlen = int.from_bytes(b[i + 28 : i + 30], "little")
        start = i + 30 + nlen + xlen
        for k in range(start, start + comp):
            b[k] ^= (k * 131 + 7) & 0xFF
        i = start + comp
    j = 0
    while True:
        j = b.find(b"PK\x01\x02", j)
        if j < 0:
            break
        b[j + 8] |= 0x01
        j += 4
    return bytes(b)


def corrupt(data: bytes, keep: float = 0.45) -> bytes:
    """A file cut short in transfer: the header survives, the rest is gone or garbage."""
    cut = int(len(data) * keep)
    noise = hashlib.sha256(data).digest() * 8
    return data[:cut] + noise[:200]
