"""Letters as the office prints them (PDF with a window-envelope address block, DOCX, RTF, TXT, HTML),
messages (.eml with HTML, quoted threads, attachments, forwarded messages) and calendar invitations (.ics).
Everything is fixed for a seed: dates, MIME boundaries, PDF creation dates, DOCX zip stamps."""

from __future__ import annotations

import email
import email.policy
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage

from docx import Document
from docx.shared import Pt
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tests.corpora.trustee import world

FIXED = datetime(2025, 3, 3, 9, 0, 0, tzinfo=UTC)


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass
class PageBreak:
    header: str = ""  # the continuation header printed on the next page


@dataclass
class Letter:
    to: list[str]  # the address block, line by line
    date: str
    subject: str
    salutation: str
    body: list  # str paragraphs, Table, PageBreak
    refs: list[tuple[str, str]] = field(default_factory=list)  # the reference table beside the letterhead
    office: world.Office = world.OFFICES[0]
    signer: tuple[str, str] = ("Anna Lindgren", "Client Services Officer")
    style: str = "two-column"  # two-column | centred | caps | form
    window: str = "left"  # left | right | low
    cont: str = ""  # continuation header for pages 2 and on
    cc: list[str] = field(default_factory=list)
    unit: str = "Financial Management"

    def lines(self) -> list:
        """The letter as a flat list of text lines and tables, in reading order (for TXT, RTF, HTML, DOCX)."""
        out: list = [
            world.ORG.upper() if self.style != "centred" else world.ORG,
            self.unit,
            f"{self.office.line}  |  {world.PO_BOX}",
            f"T {world.HEAD_PHONE}  |  ABN {world.ABN}",
            "",
        ]
        out += [f"{k}: {v}" for k, v in self.refs] + [""] + self.to + ["", self.date, ""]
        out += [self.subject.upper(), "", self.salutation, ""]
        for b in self.body:
            if isinstance(b, PageBreak):
                out += ["", b.header or self.cont, ""]
            else:
                out += [b, ""]
        out += ["Yours sincerely", "", self.signer[0], self.signer[1], world.ORG]
        out += [f"cc: {c}" for c in self.cc]
        if self.style == "caps":
            out = [
                x.upper()
                if isinstance(x, str)
                else Table([h.upper() for h in x.header], [[c.upper() for c in r] for r in x.rows])
                for x in out
            ]
        return out


def latin(s: str) -> str:
    table = {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "ś": "s", "…": "...", "é": "e"}
    return "".join(table.get(ch, ch) for ch in s).encode("latin-1", "replace").decode("latin-1")


class _PDF(FPDF):
    def __init__(self, letter: Letter | None):
        super().__init__(format="A4", unit="mm")
        self.letter = letter
        self.cont_text = letter.cont if letter else ""
        self.set_creation_date(FIXED)
        self.set_producer("Waratah PTG correspondence")
        self.set_auto_page_break(True, 18)
        self.set_margins(20, 15, 20)

    def header(self):
        if self.letter and self.page_no() > 1 and self.cont_text:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 5, latin(f"{self.cont_text} - page {self.page_no()}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(4)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "", 7)
        self.cell(0, 4, latin(f"{world.ORG} | {world.HEAD_PHONE} | www.{world.DOMAIN}"), align="C")


def _caps(letter: Letter, s: str) -> str:
    return latin(s.upper() if letter.style == "caps" else s)


def _pdf_table(pdf: _PDF, t: Table, letter: Letter | None = None) -> None:
    w = (pdf.w - 40) / len(t.header)
    pdf.set_font("Helvetica", "B", 9)
    for h in t.header:
        pdf.cell(w, 6, _caps(letter, h) if letter else latin(h), border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for r in t.rows:
        for c in r:
            pdf.cell(w, 6, _caps(letter, c) if letter else latin(c), border=1)
        pdf.ln()
    pdf.ln(3)


def letter_pdf(letter: Letter) -> bytes:
    pdf = _PDF(letter)
    _letter_pages(pdf, letter)
    return bytes(pdf.output())


def _letter_pages(pdf: _PDF, letter: Letter) -> None:
    pdf.cont_text = letter.cont
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    if letter.style == "centred":
        pdf.cell(0, 7, latin(world.ORG), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", "", 8)
        pdf.cell(
            0,
            4,
            latin(f"{letter.unit} | {letter.office.line} | {world.HEAD_PHONE}"),
            align="C",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    else:  # two columns: the office on the left, the reference table on the right
        pdf.cell(95, 7, _caps(letter, world.ORG))
        pdf.set_font("Helvetica", "", 8)
        y = pdf.get_y()
        for i, (k, v) in enumerate(letter.refs):
            pdf.set_xy(125, y + i * 4.5)
            pdf.cell(25, 4.5, _caps(letter, k))
            pdf.cell(40, 4.5, _caps(letter, v))
        pdf.set_xy(20, y + 7)
        for s in (letter.unit, letter.office.line, world.PO_BOX, f"Phone {letter.office.phone}  ABN {world.ABN}"):
            pdf.cell(95, 4, _caps(letter, s), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    # the address block where the envelope's window shows it
    x, y = {"left": (22, 48), "right": (112, 52), "low": (25, 62)}[letter.window]
    pdf.set_font("Helvetica", "", 10)
    for i, line in enumerate(letter.to):
        pdf.set_xy(x, y + i * 5)
        pdf.cell(85, 5, _caps(letter, line))
    if letter.style == "centred" and letter.refs:
        pdf.set_font("Helvetica", "", 8)
        for i, (k, v) in enumerate(letter.refs):
            pdf.set_xy(22 if letter.window == "right" else 125, 48 + i * 4.5)
            pdf.cell(60, 4.5, _caps(letter, f"{k}: {v}"))
    pdf.set_xy(20, max(y + 5 * len(letter.to), 70) + 8)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, _caps(letter, letter.date), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(0, 5, _caps(letter, letter.subject), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, _caps(letter, letter.salutation), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    for b in letter.body:
        if isinstance(b, Table):
            _pdf_table(pdf, b, letter)
        elif isinstance(b, PageBreak):
            if b.header:
                pdf.cont_text = b.header
            pdf.add_page()
        else:
            pdf.multi_cell(0, 5, _caps(letter, b), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
    pdf.ln(2)
    for s in ("Yours sincerely", "", letter.signer[0], letter.signer[1], world.ORG, *[f"cc: {c}" for c in letter.cc]):
        pdf.cell(0, 5, _caps(letter, s), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def merged_pdf(letters: list[Letter]) -> bytes:
    """One print file of many letters, each starting on a new page."""
    pdf = _PDF(letters[0])
    for lt in letters:
        pdf.letter = lt
        _letter_pages(pdf, lt)
    return bytes(pdf.output())


def report_pdf(title: str, paras: list, encrypt: str = "") -> bytes:
    """A plain report or form (no address block): file notes, statements of account, tables."""
    pdf = _PDF(None)
    if encrypt:
        pdf.set_encryption(owner_password=encrypt + "-owner", user_password=encrypt)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 6, latin(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    for p in paras:
        if isinstance(p, Table):
            _pdf_table(pdf, p)
            pdf.set_font("Helvetica", "", 10)
        elif isinstance(p, PageBreak):
            pdf.add_page()
        else:
            pdf.multi_cell(0, 5, latin(p), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
    return bytes(pdf.output())


def _fix_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 3, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _docx_doc():
    doc = Document()
    cp = doc.core_properties
    cp.author = world.SHORT
    cp.last_modified_by = world.SHORT
    cp.created = cp.modified = cp.last_printed = FIXED.replace(tzinfo=None)
    cp.revision = 1
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    return doc


def _docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return _fix_zip(buf.getvalue())


def letter_docx(letter: Letter) -> bytes:
    doc = _docx_doc()
    caps = letter.style == "caps"

    def c(s: str) -> str:
        return s.upper() if caps else s

    sec = doc.sections[0]
    if letter.cont:
        sec.different_first_page_header_footer = True
        sec.header.paragraphs[0].text = c(letter.cont)
    head = doc.add_table(rows=1, cols=2)
    left = head.cell(0, 0)
    left.paragraphs[0].add_run(c(world.ORG)).bold = True
    for s in (letter.unit, letter.office.line, world.PO_BOX, f"Phone {letter.office.phone}"):
        left.add_paragraph(c(s))
    right = head.cell(0, 1)
    right.paragraphs[0].text = c(f"{letter.refs[0][0]}: {letter.refs[0][1]}") if letter.refs else ""
    for k, v in letter.refs[1:]:
        right.add_paragraph(c(f"{k}: {v}"))
    doc.add_paragraph("")
    for line in letter.to:
        doc.add_paragraph(c(line)).paragraph_format.space_after = Pt(0)
    doc.add_paragraph("")
    doc.add_paragraph(c(letter.date))
    doc.add_paragraph().add_run(c(letter.subject)).bold = True
    doc.add_paragraph(c(letter.salutation))
    for b in letter.body:
        if isinstance(b, Table):
            t = doc.add_table(rows=1 + len(b.rows), cols=len(b.header))
            for j, h in enumerate(b.header):
                t.cell(0, j).text = c(h)
            for i, r in enumerate(b.rows):
                for j, v in enumerate(r):
                    t.cell(i + 1, j).text = c(v)
        elif isinstance(b, PageBreak):
            doc.add_page_break()
            if b.header:
                doc.add_paragraph(c(b.header))
        else:
            doc.add_paragraph(c(b))
    for s in ("Yours sincerely", "", letter.signer[0], letter.signer[1], world.ORG, *[f"cc: {x}" for x in letter.cc]):
        doc.add_paragraph(c(s)).paragraph_format.space_after = Pt(0)
    return _docx_bytes(doc)


def report_docx(title: str, paras: list) -> bytes:
    doc = _docx_doc()
    doc.add_heading(title, level=1)
    for p in paras:
        if isinstance(p, Table):
            t = doc.add_table(rows=1 + len(p.rows), cols=len(p.header))
            for j, h in enumerate(p.header):
                t.cell(0, j).text = h
            for i, r in enumerate(p.rows):
                for j, v in enumerate(r):
                    t.cell(i + 1, j).text = v
        else:
            doc.add_paragraph(p)
    return _docx_bytes(doc)


def _table_text(t: Table) -> list[str]:
    widths = [max(len(x) for x in col) + 2 for col in zip(t.header, *t.rows, strict=False)]
    fmt = lambda r: "".join(v.ljust(w) for v, w in zip(r, widths, strict=False)).rstrip()  # noqa: E731
    return [fmt(t.header), "-" * sum(widths), *map(fmt, t.rows)]


def letter_txt(letter: Letter) -> bytes:
    out: list[str] = []
    for x in letter.lines():
        out += _table_text(x) if isinstance(x, Table) else [x]
    return ("\n".join(out) + "\n").encode()


def report_txt(title: str, paras: list) -> bytes:
    out = [title, "=" * len(title), ""]
    for p in paras:
        out += (_table_text(p) + [""]) if isinstance(p, Table) else [p, ""]
    return "\n".join(out).encode()


def rtf_escape(s: str) -> str:
    out = []
    for ch in s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        out.append(ch if ord(ch) < 128 else f"\\u{ord(ch)}?")
    return "".join(out)


def _rtf(lines: list, extra: str = "") -> bytes:
    body = []
    for x in lines:
        if isinstance(x, Table):
            for r in [x.header, *x.rows]:
                cells = "".join(f"\\clbrdrb\\brdrs\\cellx{1800 * (j + 1)}" for j in range(len(r)))
                body.append("\\trowd" + cells + " " + "".join(f"\\intbl {rtf_escape(v)}\\cell " for v in r) + "\\row")
        else:
            body.append(rtf_escape(x) + "\\par")
    head = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs20\n"
    return (head + extra + "\n".join(body) + "\n}\n").encode("latin-1", "replace")


def letter_rtf(letter: Letter, extra: str = "") -> bytes:
    return _rtf(letter.lines(), extra)


def report_rtf(title: str, paras: list) -> bytes:
    return _rtf([title, "", *paras])


def letter_html(letter: Letter) -> bytes:
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>Letter</title></head><body>"]
    head = "<br>".join(_h(s) for s in (world.ORG, letter.unit, letter.office.line, world.PO_BOX))
    refs = "".join(f"<tr><td>{_h(k)}</td><td>{_h(v)}</td></tr>" for k, v in letter.refs)
    out.append(f"<table width='100%'><tr><td><b>{head}</b></td><td><table>{refs}</table></td></tr></table>")
    out.append("<p class='address'>" + "<br>".join(_h(x) for x in letter.to) + "</p>")
    out.append(f"<p>{_h(letter.date)}</p><p><b>{_h(letter.subject)}</b></p><p>{_h(letter.salutation)}</p>")
    for b in letter.body:
        if isinstance(b, Table):
            out.append(html_table(b))
        elif isinstance(b, PageBreak):
            out.append(f"<hr><p><i>{_h(b.header or letter.cont)}</i></p>")
        else:
            out.append(f"<p>{_h(b)}</p>")
    out.append(f"<p>Yours sincerely<br><br>{_h(letter.signer[0])}<br>{_h(letter.signer[1])}</p></body></html>")
    return "\n".join(out).encode()


def _h(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_table(t: Table) -> str:
    head = "".join(f"<th style='border:1px solid #999;padding:3px'>{_h(h)}</th>" for h in t.header)
    rows = "".join(
        "<tr>" + "".join(f"<td style='border:1px solid #ccc;padding:3px'>{_h(v)}</td>" for v in r) + "</tr>"
        for r in t.rows
    )
    return f"<table style='border-collapse:collapse'><tr>{head}</tr>{rows}</table>"


def signature(name: str, role: str, office: world.Office, html: bool = False) -> str:
    lines = [
        name,
        role,
        world.ORG,
        f"{office.line}",
        f"T {office.phone} | {world.HEAD_PHONE}",
        "This email may contain confidential information. If you are not the intended recipient, "
        "please delete it and tell us.",
    ]
    if html:
        return (
            "<div class='sig' style='font-family:Arial;font-size:9pt;color:#444'>"
            f"<b>{_h(lines[0])}</b><br>{'<br>'.join(_h(x) for x in lines[1:5])}"
            f"<p style='font-size:7pt'>{_h(lines[5])}</p></div>"
        )
    return "\n".join(["-- ", *lines])


def ics(
    uid: str, summary: str, start: str, end: str, location: str, description: str, organiser: str, attendees: list[str]
) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Waratah PTG//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VTIMEZONE",
        "TZID:AUS Eastern Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010401T030000",
        "TZOFFSETFROM:+1100",
        "TZOFFSETTO:+1000",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20250303T090000Z",
        f"DTSTART;TZID=AUS Eastern Standard Time:{start}",
        f"DTEND;TZID=AUS Eastern Standard Time:{end}",
        f"SUMMARY:{summary}",
        f"LOCATION:{location}",
        "DESCRIPTION:" + description.replace("\n", "\\n").replace(",", "\\,"),
        f"ORGANIZER;CN={organiser.split('@')[0]}:mailto:{organiser}",
        *[f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{a}" for a in attendees],
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    out = []
    for line in lines:  # fold at 74 octets as RFC 5545 asks
        while len(line) > 74:
            out.append(line[:74])
            line = " " + line[74:]
        out.append(line)
    return ("\r\n".join(out) + "\r\n").encode()


MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "csv": "text/csv",
    "ics": "text/calendar",
    "eml": "message/rfc822",
    "html": "text/html",
    "bin": "application/octet-stream",
}


def eml(
    *,
    frm: str,
    to: list[str],
    subject: str,
    date: str,
    key: str,
    text: str | None = None,
    html: str | None = None,
    cc: list[str] = (),
    attachments: list[tuple[str, bytes]] = (),
    in_reply_to: str = "",
    extra_headers: dict[str, str] | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = frm
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = date
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    msg["Message-ID"] = f"<{digest}@{world.DOMAIN}>"
    if in_reply_to:
        msg["In-Reply-To"] = msg["References"] = f"<{in_reply_to}@mail.example>"
    for k, v in (extra_headers or {}).items():
        msg[k] = v
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    else:
        msg.set_content(html or "", subtype="html")
    for name, data in attachments:
        ext = name.rsplit(".", 1)[-1].lower()
        mime = MIME.get(ext, "application/octet-stream")
        maintype, subtype = mime.split("/")
        if maintype == "message":
            inner = email.message_from_bytes(data, policy=email.policy.default)
            msg.add_attachment(inner)
        elif ext == "ics":
            msg.add_attachment(data.decode(), subtype="calendar", filename=name, params={"method": "REQUEST"})
        elif maintype == "text":
            msg.add_attachment(data.decode("utf-8", "replace"), subtype=subtype, filename=name)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for n, part in enumerate(msg.walk()):
        if part.get_content_maintype() == "multipart":
            part.set_boundary(f"----=_Part_{digest}_{n}")
    return msg.as_bytes(policy=email.policy.SMTP)


def outlook_quote(frm: str, sent: str, to: str, subject: str, body: str) -> str:
    return f"\n\n________________________________\nFrom: {frm}\nSent: {sent}\nTo: {to}\nSubject: {subject}\n\n{body}"


def gmail_quote(who: str, when: str, body: str) -> str:
    quoted = "\n".join("> " + x if x else ">" for x in body.splitlines())
    return f"\n\nOn {when}, {who} wrote:\n{quoted}"


def outlook_quote_html(frm: str, sent: str, to: str, subject: str, body: str) -> str:
    return (
        "<div id='divRplyFwdMsg' style='border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0 0 0'>"
        f"<b>From:</b> {_h(frm)}<br><b>Sent:</b> {_h(sent)}<br><b>To:</b> {_h(to)}<br>"
        f"<b>Subject:</b> {_h(subject)}</div><div>{'<br>'.join(_h(x) for x in body.splitlines())}</div>"
    )


def gmail_quote_html(who: str, when: str, body: str) -> str:
    return (
        f"<div class='gmail_quote'><div dir='ltr' class='gmail_attr'>On {_h(when)}, {_h(who)} wrote:<br></div>"
        "<blockquote class='gmail_quote' style='margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex'>"
        f"{'<br>'.join(_h(x) for x in body.splitlines())}</blockquote></div>"
    )
