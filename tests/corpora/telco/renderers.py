"""Renderers: one letter model, many layouts (PDF window envelope, side panel, DOCX, RTF, TXT, HTML), e-mail,
calendar invitations and archives. Every output is byte-for-byte deterministic."""

from __future__ import annotations

import datetime as dt
import email.policy
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

from docx import Document
from docx.shared import Pt
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from . import world as w

FIXED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
ZIP_TIME = (2026, 3, 2, 9, 0, 0)


@dataclass
class Page:
    """A continuation page: a heading and a table (itemised calls, a statement's transactions)."""

    heading: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class Letter:
    recipient: list[str]  # name line(s) then address lines: the address block
    date: str
    title: str
    paras: list[str]
    greeting: str = ""
    summary: list[tuple[str, str]] = field(default_factory=list)
    table: Page | None = None
    pages: list[Page] = field(default_factory=list)
    sign: str = "Customer Care, Tallowood Telecom"
    ref_line: str = ""  # "Our ref: ..." under the date


def _latin(s: str) -> str:
    return (
        (
            s.replace("\u2014", "-")
            .replace("\u2013", "-")
            .replace("\u2019", "'")
            .replace("\u2018", "'")
            .replace("\u201c", '"')
            .replace("\u201d", '"')
            .replace("\u2026", "...")
        )
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.creation_date = FIXED
        self.set_author(w.ORG)
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 14, 18)

    def t(self, s: str) -> str:
        return _latin(s)


def _letterhead(pdf: _Pdf, style: str) -> None:
    pdf.set_font("Helvetica", "B", 16)
    pdf.set_text_color(20, 80, 60)
    pdf.set_xy(18, 12)
    pdf.cell(0, 8, w.ORG.upper() if style == "window" else w.ORG)
    pdf.set_font("Helvetica", "", 7.5)
    pdf.set_text_color(90, 90, 90)
    pdf.set_xy(18, 20)
    pdf.cell(0, 4, pdf.t(f"{w.ORG_LEGAL}  ABN {w.ORG_ABN}  |  {w.ORG_POSTAL}  |  {w.ORG_PHONE}  |  {w.DOMAIN}"))
    pdf.set_text_color(0, 0, 0)


def _table(pdf: _Pdf, page: Page, width: float) -> None:
    pdf.set_font("Helvetica", "B", 10.5)
    pdf.multi_cell(width, 6, pdf.t(page.heading), new_x="LMARGIN", new_y="NEXT")
    if page.note:
        pdf.set_font("Helvetica", "", 8.5)
        pdf.multi_cell(width, 4.5, pdf.t(page.note), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8.5)
    with pdf.table(width=width, col_widths=None, text_align="LEFT", line_height=4.8, first_row_as_headings=True) as t:
        for row in [page.columns] + page.rows:
            r = t.row()
            for v in row:
                r.cell(pdf.t(v))
    pdf.ln(3)


def _body(pdf: _Pdf, letter: Letter, width: float) -> None:
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(width, 6.5, pdf.t(letter.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    if letter.greeting:
        pdf.multi_cell(width, 5, pdf.t(letter.greeting), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for p in letter.paras:
        pdf.multi_cell(width, 5, pdf.t(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if letter.table:
        _table(pdf, letter.table, width)
    pdf.multi_cell(width, 5, pdf.t(f"Yours sincerely,\n\n{letter.sign}"), new_x="LMARGIN", new_y="NEXT")


def _add_letter(pdf: _Pdf, letter: Letter, layout: str) -> None:
    pdf.add_page()
    if layout == "window":
        # DL window envelope: the address block sits at 20 mm / 48 mm; a summary box beside it
        _letterhead(pdf, "window")
        pdf.set_font("Helvetica", "", 7)
        pdf.set_xy(20, 42)
        pdf.cell(0, 3, pdf.t(f"If undelivered return to {w.ORG_POSTAL}"))
        pdf.set_font("Helvetica", "", 10.5)
        pdf.set_xy(20, 48)
        pdf.multi_cell(85, 5, pdf.t("\n".join(letter.recipient)))
        if letter.summary:
            pdf.set_xy(118, 40)
            pdf.set_fill_color(232, 242, 236)
            pdf.rect(116, 38, 76, 8 + 6 * len(letter.summary), style="F")
            pdf.set_font("Helvetica", "B", 9.5)
            pdf.cell(72, 6, "Your summary", new_x="LEFT", new_y="NEXT")
            for k, v in letter.summary:
                pdf.set_x(118)
                pdf.set_font("Helvetica", "", 9)
                pdf.cell(36, 6, pdf.t(k))
                pdf.set_font("Helvetica", "B", 9)
                pdf.cell(36, 6, pdf.t(v), new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(18, 92)
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(
            0,
            5,
            pdf.t(letter.date + (f"     {letter.ref_line}" if letter.ref_line else "")),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(4)
        _body(pdf, letter, 174)
    elif layout == "side":
        # letterhead with a side panel on the right: contact details and the account summary
        _letterhead(pdf, "side")
        pdf.set_fill_color(240, 240, 244)
        pdf.rect(148, 30, 50, 120, style="F")
        pdf.set_xy(150, 33)
        pdf.set_font("Helvetica", "B", 8.5)
        pdf.multi_cell(46, 4.5, "Contact us", new_x="LEFT", new_y="NEXT")
        pdf.set_font("Helvetica", "", 8)
        pdf.multi_cell(
            46, 4, pdf.t(f"Phone {w.ORG_PHONE}\nFax {w.ORG_FAX}\nmy.{w.DOMAIN}\n"), new_x="LEFT", new_y="NEXT"
        )
        for k, v in letter.summary:
            pdf.set_font("Helvetica", "B", 8)
            pdf.multi_cell(46, 4, pdf.t(k), new_x="LEFT", new_y="NEXT")
            pdf.set_font("Helvetica", "", 8)
            pdf.multi_cell(46, 4, pdf.t(v), new_x="LEFT", new_y="NEXT")
            pdf.ln(1)
        pdf.set_xy(18, 34)
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(
            110,
            5,
            pdf.t(letter.date + (f"\n{letter.ref_line}" if letter.ref_line else "")),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(4)
        pdf.multi_cell(110, 5, pdf.t("\n".join(letter.recipient)), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_right_margin(65)
        _body(pdf, letter, 125)
        pdf.set_right_margin(18)
    else:  # plain: address block first, then a reference line
        pdf.set_font("Helvetica", "B", 13)
        pdf.cell(0, 7, w.ORG, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.ln(6)
        pdf.multi_cell(100, 5, pdf.t("\n".join(letter.recipient)), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
        pdf.multi_cell(0, 5, pdf.t(letter.date), new_x="LMARGIN", new_y="NEXT")
        for k, v in letter.summary:
            pdf.multi_cell(0, 5, pdf.t(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        _body(pdf, letter, 174)
    for page in letter.pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 8)
        pdf.set_text_color(90, 90, 90)
        pdf.cell(0, 5, pdf.t(f"{w.ORG}  -  continued"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        _table(pdf, page, 174)


def pdf(letters: Letter | list[Letter], layout: str = "window") -> bytes:
    doc = _Pdf()
    for letter in letters if isinstance(letters, list) else [letters]:
        _add_letter(doc, letter, layout)
    return bytes(doc.output())


def pdf_pages(pages: list[Page], title: str) -> bytes:
    """A report-style PDF (no address block): an itemised record or a list."""
    doc = _Pdf()
    doc.add_page(orientation="L")
    _letterhead(doc, "plain")
    doc.set_xy(18, 30)
    doc.set_font("Helvetica", "B", 12)
    doc.cell(0, 7, doc.t(title), new_x="LMARGIN", new_y="NEXT")
    for p in pages:
        _table(doc, p, 260)
    return bytes(doc.output())


def docx(letter: Letter) -> bytes:
    d = Document()
    cp = d.core_properties
    cp.author, cp.last_modified_by = w.ORG, w.ORG
    cp.created = cp.modified = cp.last_printed = FIXED.replace(tzinfo=None)
    cp.revision = 1
    d.styles["Normal"].font.size = Pt(10)
    d.add_paragraph().add_run(w.ORG).bold = True
    d.add_paragraph(f"{w.ORG_POSTAL} | {w.ORG_PHONE} | ABN {w.ORG_ABN}")
    d.add_paragraph(letter.date + (f"\n{letter.ref_line}" if letter.ref_line else ""))
    d.add_paragraph("\n".join(letter.recipient))
    if letter.summary:
        t = d.add_table(rows=0, cols=2)
        for k, v in letter.summary:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = k, v
    d.add_heading(letter.title, level=2)
    if letter.greeting:
        d.add_paragraph(letter.greeting)
    for p in letter.paras:
        d.add_paragraph(p)
    for page in ([letter.table] if letter.table else []) + letter.pages:
        d.add_paragraph().add_run(page.heading).bold = True
        if page.note:
            d.add_paragraph(page.note)
        t = d.add_table(rows=1, cols=len(page.columns))
        for cell, v in zip(t.rows[0].cells, page.columns, strict=True):
            cell.text = v
        for row in page.rows:
            for cell, v in zip(t.add_row().cells, row, strict=True):
                cell.text = v
    d.add_paragraph(f"Yours sincerely,\n\n{letter.sign}")
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an OOXML/zip file with fixed timestamps so the same input gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        out.append(ch if ord(ch) < 128 else f"\\'{ord(_latin(ch)) & 0xFF:02x}")
    return "".join(out)


def rtf(letter: Letter) -> bytes:
    lines = [w.ORG, f"{w.ORG_POSTAL}  {w.ORG_PHONE}", "", letter.date]
    if letter.ref_line:
        lines.append(letter.ref_line)
    lines += [""] + letter.recipient + [""]
    lines += [f"{k}: {v}" for k, v in letter.summary]
    lines += ["", letter.title, ""] + ([letter.greeting, ""] if letter.greeting else [])
    for p in letter.paras:
        lines += [p, ""]
    for page in ([letter.table] if letter.table else []) + letter.pages:
        lines += [page.heading, "\t".join(page.columns)] + ["\t".join(r) for r in page.rows] + [""]
    lines += ["Yours sincerely,", "", letter.sign]
    body = "\\par\n".join(_rtf_escape(x) for x in lines)
    doc = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}\\f0\\fs20\n" + body + "\\par\n}"
    return doc.encode("latin-1")


def txt(letter: Letter) -> bytes:
    lines = [w.ORG, w.ORG_POSTAL, "", letter.date] + ([letter.ref_line] if letter.ref_line else [])
    lines += [""] + letter.recipient + [""] + [f"{k}: {v}" for k, v in letter.summary]
    lines += ["", letter.title.upper(), ""] + ([letter.greeting, ""] if letter.greeting else [])
    for p in letter.paras:
        lines += [p, ""]
    for page in ([letter.table] if letter.table else []) + letter.pages:
        widths = [max(len(r[i]) for r in [page.columns] + page.rows) for i in range(len(page.columns))]
        lines += [page.heading]
        for r in [page.columns] + page.rows:
            lines.append("  ".join(v.ljust(n) for v, n in zip(r, widths, strict=True)).rstrip())
        lines.append("")
    lines += ["Yours sincerely,", "", letter.sign, ""]
    return "\n".join(lines).encode("utf-8")


def html_letter(letter: Letter) -> bytes:
    esc = _html_escape
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in letter.summary)
    tables = "".join(_html_table(p) for p in ([letter.table] if letter.table else []) + letter.pages)
    paras = "".join(f"<p>{esc(p)}</p>" for p in letter.paras)
    doc = (
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{esc(letter.title)}</title></head><body>"
        f"<header><strong>{w.ORG}</strong><br>{esc(w.ORG_POSTAL)}</header>"
        f"<address>{'<br>'.join(esc(x) for x in letter.recipient)}</address>"
        f"<p>{esc(letter.date)}</p><table class='summary'>{rows}</table><h2>{esc(letter.title)}</h2>"
        f"{'<p>' + esc(letter.greeting) + '</p>' if letter.greeting else ''}{paras}{tables}"
        f"<p>Yours sincerely,<br><br>{esc(letter.sign)}</p></body></html>\n"
    )
    return doc.encode("utf-8")


def _html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_table(p: Page) -> str:
    head = "".join(f"<th>{_html_escape(c)}</th>" for c in p.columns)
    body = "".join("<tr>" + "".join(f"<td>{_html_escape(v)}</td>" for v in r) + "</tr>" for r in p.rows)
    return f"<h3>{_html_escape(p.heading)}</h3><table border='1'><tr>{head}</tr>{body}</table>"


def html_mail(
    preheader: str,
    heading: str,
    paras: list[str],
    button: tuple[str, str] | None = None,
    summary: list[tuple[str, str]] | None = None,
    hidden: str = "",
    footer: str = "",
) -> str:
    """A marketing-style notification: hidden preheader, a summary card, a button, a small-print footer."""
    esc = _html_escape
    card = "".join(f"<tr><td style='color:#555'>{esc(k)}</td><td><b>{esc(v)}</b></td></tr>" for k, v in summary or [])
    btn = (
        (
            f"<p><a href='{button[1]}' style='background:#146c43;color:#fff;padding:10px 18px;"
            f"text-decoration:none;border-radius:4px'>{esc(button[0])}</a></p>"
        )
        if button
        else ""
    )
    hid = f"<div style='display:none;max-height:0;overflow:hidden'>{esc(hidden)}</div>" if hidden else ""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body style='font-family:Arial'>"
        f"<span style='display:none;font-size:1px;color:#fff;max-height:0;opacity:0'>{esc(preheader)}</span>{hid}"
        f"<table width='600' align='center'><tr><td style='background:#146c43;color:#fff;padding:14px'>"
        f"<img src='https://cdn.{w.DOMAIN}/logo.png' alt='{w.ORG}' width='160'></td></tr>"
        f"<tr><td><h1 style='font-size:20px'>{esc(heading)}</h1>"
        + "".join(f"<p>{esc(p)}</p>" for p in paras)
        + f"<table>{card}</table>{btn}</td></tr>"
        f"<tr><td style='font-size:11px;color:#777'>{esc(footer) or esc(w.ORG_LEGAL + ' ABN ' + w.ORG_ABN)}"
        f"<br><a href='https://my.{w.DOMAIN}/preferences'>Manage preferences</a></td></tr></table></body></html>"
    )


@dataclass
class Attachment:
    filename: str
    data: bytes
    mime: str  # "application/pdf"


MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv",
    "zip": "application/zip",
    "ics": "text/calendar",
    "txt": "text/plain",
    "rtf": "application/rtf",
    "eml": "message/rfc822",
}


def attach(filename: str, data: bytes) -> Attachment:
    return Attachment(filename, data, MIME[filename.rsplit(".", 1)[1]])


def eml(
    msg_id: str,
    frm: str,
    to: list[str],
    subject: str,
    text: str,
    *,
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
    html: str | None = None,
    attachments: list[Attachment] | None = None,
    when: dt.datetime | None = None,
    reply_to: str | None = None,
    extra: dict[str, str] | None = None,
) -> bytes:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = frm
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    if bcc:
        m["Bcc"] = ", ".join(bcc)
    if reply_to:
        m["Reply-To"] = reply_to
    m["Subject"] = subject
    m["Date"] = format_datetime(when or FIXED)
    m["Message-ID"] = f"<{msg_id}@mail.{w.DOMAIN}>"
    for k, v in (extra or {}).items():
        m[k] = v
    m.set_content(text)
    if html:
        m.add_alternative(html, subtype="html")
    for a in attachments or []:
        main, sub = a.mime.split("/")
        if main == "text" and sub != "calendar":
            m.add_attachment(a.data.decode("utf-8"), subtype=sub, filename=a.filename)
        elif a.mime == "text/calendar":
            m.add_attachment(a.data, maintype=main, subtype=sub, filename=a.filename, params={"method": "REQUEST"})
        elif a.mime == "message/rfc822":
            from email import message_from_bytes

            m.add_attachment(message_from_bytes(a.data, policy=email.policy.SMTP))
        else:
            m.add_attachment(a.data, maintype=main, subtype=sub, filename=a.filename)
    for i, part in enumerate(m.walk()):
        if part.is_multipart():
            part.set_boundary(f"==tallowood-{msg_id}-{i}==")
    return m.as_bytes()


def ics(
    uid: str,
    start: dt.datetime,
    minutes: int,
    summary: str,
    location: str,
    description: str,
    attendee: str,
    organiser: str = f"nbn.appointments@{w.DOMAIN}",
) -> bytes:
    fmt = "%Y%m%dT%H%M%S"
    end = start + dt.timedelta(minutes=minutes)
    desc = description.replace("\n", "\\n").replace(",", "\\,")
    loc = location.replace(",", "\\,")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{w.ORG}//NBN appointments//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{w.DOMAIN}",
        f"DTSTAMP:{FIXED.strftime(fmt)}Z",
        f"DTSTART;TZID=Australia/Melbourne:{start.strftime(fmt)}",
        f"DTEND;TZID=Australia/Melbourne:{end.strftime(fmt)}",
        f"SUMMARY:{summary}",
        f"LOCATION:{loc}",
        f"DESCRIPTION:{desc}",
        f"ORGANIZER;CN={w.ORG}:mailto:{organiser}",
        f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{attendee}",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    out = []
    for line in lines:  # fold long lines at 74 octets
        while len(line) > 74:
            out.append(line[:74])
            line = " " + line[74:]
        out.append(line)
    return "\r\n".join(out).encode("utf-8")


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _crc_table() -> list[int]:
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else c >> 1
        table.append(c)
    return table


_CRC = _crc_table()


def zip_encrypted(name: str, data: bytes, password: bytes) -> bytes:
    """A one-entry ZIP with traditional PKWARE (ZipCrypto) encryption, stored; deterministic header bytes."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def update(b: int) -> None:
        keys[0] = _CRC[(keys[0] ^ b) & 0xFF] ^ (keys[0] >> 8)
        keys[1] = (keys[1] + (keys[0] & 0xFF)) & 0xFFFFFFFF
        keys[1] = (keys[1] * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = _CRC[(keys[2] ^ (keys[1] >> 24)) & 0xFF] ^ (keys[2] >> 8)

    def enc(b: int) -> int:
        t = (keys[2] | 2) & 0xFFFF
        c = b ^ (((t * (t ^ 1)) >> 8) & 0xFF)
        update(b)
        return c

    for b in password:
        update(b)
    crc = zlib.crc32(data) & 0xFFFFFFFF
    header = bytes(range(11)) + bytes([crc >> 24])
    payload = bytes(enc(b) for b in header + data)
    fname = name.encode()
    dostime, dosdate = (9 << 11), ((2026 - 1980) << 9) | (3 << 5) | 2
    local = (
        struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 0, dostime, dosdate, crc, len(payload), len(data), len(fname), 0)
        + fname
    )
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            1,
            0,
            dostime,
            dosdate,
            crc,
            len(payload),
            len(data),
            len(fname),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + fname
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(payload), 0)
    return local + payload + central + end


def zip_bomb(name: str, megabytes: int) -> bytes:
    """A small ZIP whose one entry inflates to `megabytes` MB of zeros (over any sane extraction limit)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    parts, crc = [], 0
    for _ in range(megabytes):
        parts.append(comp.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    parts.append(comp.flush())
    payload = b"".join(parts)
    size = megabytes << 20
    fname = name.encode()
    dostime, dosdate = (9 << 11), ((2026 - 1980) << 9) | (3 << 5) | 2
    local = (
        struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, dostime, dosdate, crc, len(payload), size, len(fname), 0)
        + fname
    )
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            dostime,
            dosdate,
            crc,
            len(payload),
            size,
            len(fname),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + fname
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(payload), 0)
    return local + payload + central + end


class _FixedIdWriter(PdfWriter):
    def generate_file_identifiers(self) -> None:  # reproducible /ID (pypdf draws it at random)
        from pypdf.generic import ArrayObject, ByteStringObject

        fid = ByteStringObject(b"tallowood-fixed!")
        self._ID = ArrayObject((fid, fid))


def pdf_encrypted(data: bytes, password: str) -> bytes:
    """Password-protected copy (RC4-128: deterministic given a fixed /ID)."""
    wr = _FixedIdWriter(clone_from=PdfReader(io.BytesIO(data)))
    wr.encrypt(user_password=password, owner_password="tallowood-owner", algorithm="RC4-128")
    out = io.BytesIO()
    wr.write(out)
    return out.getvalue()


def pdf_corrupt(data: bytes) -> bytes:
    """A bill truncated in transfer: the header survives, the objects and cross-reference table do not."""
    cut = data[: len(data) // 3]
    return cut + b"\n%%garbled transfer\x00\x00\xff\xfe" + bytes(range(256)) * 4
