"""Letters on the practice's letterhead (two-column header, DL window address block at a position the template
sets, a reference table, continuation headers) as PDF, DOCX, RTF, TXT and HTML; messages (.eml) with HTML
signatures, Outlook and Gmail quoting, attachments and calendar invitations. Every byte is fixed for a seed:
PDF creation dates, DOCX zip stamps, MIME boundaries, Message-IDs."""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tests.corpora.tax import world

STAMP = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SYD = dt.timezone(dt.timedelta(hours=11))


@dataclass
class Letter:
    date: str
    addressee: list[str]  # the address block, name first
    body: list  # str paragraphs; ("table", header, rows); ("heading", text); ("page", continuation header)
    salutation: str | None = None
    subject: str | None = None
    refs: list[tuple[str, str]] = field(default_factory=list)
    signoff: list[str] = field(default_factory=lambda: ["Yours faithfully,", "", "Priya Raman", "Senior Accountant"])
    office: tuple = world.OFFICES[0]
    window: tuple[float, float] = (20.0, 48.0)  # mm from the left and the top: where the envelope's window is
    caps: bool = False
    continuation: str | None = None  # printed at the top of page 2 onwards
    letterhead: bool = True


def _l1(s: str) -> str:
    return (
        s.replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


def _up(letter: Letter, s: str) -> str:
    return s.upper() if letter.caps else s


def letterhead_lines(office: tuple) -> tuple[list[str], list[str]]:
    left = [world.NAME, f"Registered Tax Agent {world.TAN}  |  ABN {world.PRACTICE_ABN}"]
    right = [
        f"{office[0]} office",
        office[1],
        office[2],
        f"Phone {office[3]}  |  {world.MAIN_PHONE}",
        f"Post: {world.PO_BOX}",
        f"{world.ADMIN}",
    ]
    return left, right


FOOTER = "Liability limited by a scheme approved under Professional Standards Legislation."


class _PDF(FPDF):
    cont: str | None = None
    head: tuple | None = None
    first = 1  # the page the current letter starts on (a print file holds many letters)

    def header(self) -> None:
        if self.page_no() == self.first:
            if self.head:
                left, right = self.head
                self.set_font("Helvetica", "B", 11.5)
                self.set_xy(15, 12)
                self.cell(110, 7, _l1(left[0]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                self.set_x(15)
                self.set_font("Helvetica", "", 8)
                self.cell(95, 4, "Tax | Bookkeeping | Business advisory")
                self.set_xy(15, 24)
                self.cell(95, 4, _l1(left[1]))
                self.set_font("Helvetica", "", 7.5)
                for i, line in enumerate(right):
                    self.set_xy(130, 11 + i * 3.6)
                    self.cell(65, 3.6, _l1(line), align="R")
                self.line(15, 34, 195, 34)
        elif self.cont:
            self.set_font("Helvetica", "I", 8)
            self.set_xy(15, 10)
            self.cell(180, 5, _l1(f"{self.cont}  -  page {self.page_no() - self.first + 1}"))
            self.line(15, 16, 195, 16)
            self.set_y(22)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 6.5)
        self.cell(0, 4, _l1(FOOTER), align="C")


def _pdf_letter(pdf: _PDF, letter: Letter) -> None:
    pdf.head = letterhead_lines(letter.office) if letter.letterhead else None
    pdf.cont = letter.continuation
    pdf.first = pdf.page_no() + 1
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    x, y = letter.window
    for i, line in enumerate(letter.addressee):
        pdf.set_xy(x, y + i * 5)
        pdf.cell(90, 5, _l1(_up(letter, line)))
    pdf.set_xy(140, 40)
    pdf.cell(55, 5, _l1(_up(letter, letter.date)), align="R")
    ty = max(y + len(letter.addressee) * 5 + 8, 80)
    if letter.refs:
        pdf.set_font("Helvetica", "", 8.5)
        for i, (k, v) in enumerate(letter.refs):
            pdf.set_xy(120, ty - 30 + i * 4.5 if y < 60 and x < 100 else ty + i * 4.5)
            pdf.cell(28, 4.5, _l1(_up(letter, k)), border=0)
            pdf.cell(47, 4.5, _l1(_up(letter, v)), border=0)
        if not (y < 60 and x < 100):
            ty += len(letter.refs) * 4.5 + 4
    pdf.set_xy(15, ty)
    pdf.set_font("Helvetica", "", 10)
    if letter.salutation:
        pdf.multi_cell(180, 5, _l1(_up(letter, letter.salutation)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    if letter.subject:
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(180, 5, _l1(_up(letter, letter.subject)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", "", 10)
        pdf.ln(2)
    for block in letter.body:
        if isinstance(block, str):
            pdf.multi_cell(180, 5, _l1(_up(letter, block)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif block[0] == "heading":
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(180, 6, _l1(_up(letter, block[1])), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_font("Helvetica", "", 10)
        elif block[0] == "table":
            _, head, rows = block
            w = 180 / len(head)
            widths = [w * 1.6] + [(180 - w * 1.6) / (len(head) - 1)] * (len(head) - 1) if len(head) > 1 else [180]
            pdf.set_font("Helvetica", "B", 8.5)
            for h, cw in zip(head, widths, strict=False):
                pdf.cell(cw, 5.5, _l1(_up(letter, h)), border=1)
            pdf.ln(5.5)
            pdf.set_font("Helvetica", "", 8.5)
            for row in rows:
                for j, (v, cw) in enumerate(zip(row, widths, strict=False)):
                    pdf.cell(cw, 5.5, _l1(_up(letter, str(v))), border=1, align="L" if j == 0 else "R")
                pdf.ln(5.5)
            pdf.set_font("Helvetica", "", 10)
            pdf.ln(3)
        elif block[0] == "page":
            if block[1]:
                pdf.cont = block[1]
            pdf.add_page()
    pdf.ln(3)
    for line in letter.signoff:
        pdf.cell(180, 5, _l1(_up(letter, line)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _new_pdf() -> _PDF:
    pdf = _PDF(format="A4")
    pdf.set_creation_date(STAMP)
    pdf.set_producer("MPT Letters 4.2")
    pdf.set_creator("Murray Plains Tax practice system")
    pdf.set_auto_page_break(True, 20)
    pdf.set_margins(15, 20, 15)
    return pdf


def pdf(letter: Letter, password: str | None = None) -> bytes:
    p = _new_pdf()
    if password:
        p.set_encryption(owner_password="owner-" + password, user_password=password)
    _pdf_letter(p, letter)
    return bytes(p.output())


def pdf_many(letters: list[Letter]) -> bytes:
    """One print file of many letters, each starting on a new page (a merged run)."""
    p = _new_pdf()
    for letter in letters:
        _pdf_letter(p, letter)
    return bytes(p.output())


def pdf_report(title: str, lines: list[str], table: tuple | None = None) -> bytes:
    """A plain report or form page with no letterhead (an ATO form, a workpaper, a list)."""
    p = _new_pdf()
    p.add_page()
    p.set_font("Helvetica", "B", 12)
    p.cell(180, 8, _l1(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    p.set_font("Helvetica", "", 9)
    for line in lines:
        p.multi_cell(180, 5, _l1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if table:
        head, rows = table
        w = 180 / len(head)
        p.set_font("Helvetica", "B", 7.5)
        for h in head:
            p.cell(w, 5, _l1(h), border=1)
        p.ln(5)
        p.set_font("Helvetica", "", 7.5)
        for row in rows:
            for v in row:
                p.cell(w, 5, _l1(str(v))[:40], border=1)
            p.ln(5)
    return bytes(p.output())


# -- DOCX ---------------------------------------------------------------------------------------------------
def _fix_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_bytes(doc) -> bytes:
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "Murray Plains Tax"
    cp.created = cp.modified = cp.last_printed = STAMP.replace(tzinfo=None)
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _fix_zip(buf.getvalue())


def docx(letter: Letter, extra_xml: str | None = None) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    if letter.letterhead:
        left, right = letterhead_lines(letter.office)
        t = doc.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "\n".join(left)
        t.cell(0, 1).text = "\n".join(right)
    doc.add_paragraph(_up(letter, letter.date))
    for line in letter.addressee:
        doc.add_paragraph(_up(letter, line))
    if letter.refs:
        t = doc.add_table(rows=len(letter.refs), cols=2)
        for i, (k, v) in enumerate(letter.refs):
            t.cell(i, 0).text, t.cell(i, 1).text = _up(letter, k), _up(letter, v)
    if letter.salutation:
        doc.add_paragraph(_up(letter, letter.salutation))
    if letter.subject:
        doc.add_paragraph().add_run(_up(letter, letter.subject)).bold = True
    for block in letter.body:
        if isinstance(block, str):
            doc.add_paragraph(_up(letter, block))
        elif block[0] == "heading":
            doc.add_paragraph().add_run(_up(letter, block[1])).bold = True
        elif block[0] == "table":
            _, head, rows = block
            t = doc.add_table(rows=1 + len(rows), cols=len(head))
            for j, h in enumerate(head):
                t.cell(0, j).text = _up(letter, h)
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    t.cell(i + 1, j).text = _up(letter, str(v))
        elif block[0] == "page":
            doc.add_page_break()
            if block[1]:
                doc.add_paragraph(block[1])
    for line in letter.signoff:
        doc.add_paragraph(_up(letter, line))
    if letter.continuation:
        doc.sections[0].different_first_page_header_footer = True
        doc.sections[0].header.paragraphs[0].text = letter.continuation
    doc.sections[0].footer.paragraphs[0].text = FOOTER
    if extra_xml:  # a raw field (MERGEFIELD) the template left behind
        from docx.oxml import parse_xml

        doc.element.body.insert(len(doc.element.body) - 1, parse_xml(extra_xml))
    return docx_bytes(doc)


# -- text formats -------------------------------------------------------------------------------------------
def _plain_lines(letter: Letter, width: int = 78) -> list[str]:
    import textwrap

    out: list[str] = []
    if letter.letterhead:
        left, right = letterhead_lines(letter.office)
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ""
            b = right[i] if i < len(right) else ""
            out.append(f"{a[:42]:<42}  {b:>40}".rstrip())
        out.append("-" * width)
    out += ["", " " * 50 + letter.date, ""]
    indent = " " * int(letter.window[0] / 5)
    out += [indent + a for a in letter.addressee]
    out.append("")
    for k, v in letter.refs:
        out.append(f"{k + ':':<16}{v}")
    out.append("")
    if letter.salutation:
        out += [letter.salutation, ""]
    if letter.subject:
        out += [letter.subject.upper(), ""]
    for block in letter.body:
        if isinstance(block, str):
            out += textwrap.wrap(block, width) + [""]
        elif block[0] == "heading":
            out += [block[1], "~" * len(block[1])]
        elif block[0] == "table":
            _, head, rows = block
            w = max(12, (width - 4) // len(head))
            out.append("".join(f"{h[: w - 1]:<{w}}" for h in head))
            for row in rows:
                out.append("".join(f"{str(v)[: w - 1]:<{w}}" for v in row))
            out.append("")
        elif block[0] == "page":
            out += ["\f", f"{block[1] or letter.continuation or ''}", ""]
    out += letter.signoff
    out += ["", FOOTER]
    if letter.caps:
        out = [s.upper() for s in out]
    return out


def txt(letter: Letter) -> bytes:
    return ("\n".join(_plain_lines(letter)) + "\n").encode("utf-8")


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        out.append(ch if ord(ch) < 128 else f"\\u{ord(ch)}?")
    return "".join(out)


def rtf(letter: Letter, raw_extra: str = "") -> bytes:
    lines = _plain_lines(letter)
    body = "\\par\n".join(_rtf_escape(s) for s in lines)
    head = "{\\header\\pard\\qr\\fs16 " + _rtf_escape(world.NAME) + "\\par}" if letter.letterhead else ""
    doc = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fmodern Courier New;}{\\f1\\fswiss Arial;}}\n"
        "{\\info{\\author Murray Plains Tax}{\\creatim\\yr2026\\mo3\\dy2\\hr9\\min0}}\n"
        f"{head}\\pard\\f0\\fs18\n{body}\\par\n{raw_extra}}}\n"
    )
    return doc.encode("latin-1", "replace")


def html_letter(letter: Letter) -> bytes:
    e = html.escape
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>Letter</title></head><body>"]
    left, right = letterhead_lines(letter.office)
    parts.append(
        "<table width='100%'><tr><td><b>"
        + e(left[0])
        + "</b><br>"
        + e(left[1])
        + "</td><td align='right'>"
        + "<br>".join(map(e, right))
        + "</td></tr></table><hr>"
    )
    parts.append(f"<p align='right'>{e(letter.date)}</p><p>" + "<br>".join(map(e, letter.addressee)) + "</p>")
    if letter.refs:
        parts.append(
            "<table>" + "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in letter.refs) + "</table>"
        )
    if letter.salutation:
        parts.append(f"<p>{e(letter.salutation)}</p>")
    if letter.subject:
        parts.append(f"<p><b>{e(letter.subject)}</b></p>")
    for block in letter.body:
        if isinstance(block, str):
            parts.append(f"<p>{e(block)}</p>")
        elif block[0] == "heading":
            parts.append(f"<h3>{e(block[1])}</h3>")
        elif block[0] == "table":
            parts.append(_html_table(block[1], block[2]))
    parts.append("<p>" + "<br>".join(map(e, letter.signoff)) + "</p>")
    parts.append(f"<p style='font-size:8pt'>{e(FOOTER)}</p></body></html>")
    return "\n".join(parts).encode("utf-8")


def _html_table(head, rows) -> str:
    e = html.escape
    return (
        "<table border='1' cellpadding='3' style='border-collapse:collapse'><tr>"
        + "".join(f"<th>{e(h)}</th>" for h in head)
        + "</tr>"
        + "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in r) + "</tr>" for r in rows)
        + "</table>"
    )


# -- mail ---------------------------------------------------------------------------------------------------
def signature_text(staff: tuple, office: tuple = world.OFFICES[0]) -> str:
    given, family, role, local = staff[:4]
    return (
        f"\n\nKind regards,\n{given} {family}\n{role}\n{world.NAME}\n{office[1]}, {office[2]}\n"
        f"P {office[3]} | {world.MAIN_PHONE}\n{local}@{world.DOMAIN}\n"
        "Liability limited by a scheme approved under Professional Standards Legislation.\n"
        "This email may contain confidential information. If received in error, please delete it."
    )


def signature_html(staff: tuple, office: tuple = world.OFFICES[0]) -> str:
    given, family, role, local = staff[:4]
    e = html.escape
    return (
        f"<p style='font-family:Calibri,sans-serif;font-size:10pt'>Kind regards,<br><b>{e(given)} {e(family)}</b>"
        f"<br>{e(role)}<br><span style='color:#1f5f3a'><b>{e(world.NAME)}</b></span><br>{e(office[1])}, "
        f"{e(office[2])}<br>P {e(office[3])} | {e(world.MAIN_PHONE)}<br>"
        f"<a href='mailto:{local}@{world.DOMAIN}'>{local}@{world.DOMAIN}</a></p>"
        f"<p style='font-size:7pt;color:#888'>Liability limited by a scheme approved under Professional "
        "Standards Legislation.</p>"
    )


def outlook_quote(frm: str, sent: str, to: str, subject: str, body_html: str, cc: str = "") -> str:
    cc_line = f"<b>Cc:</b> {html.escape(cc)}<br>" if cc else ""
    return (
        "<div id='appendonsend'></div><hr style='display:inline-block;width:98%' tabindex='-1'>"
        f"<div id='divRplyFwdMsg' dir='ltr'><font face='Calibri, sans-serif' style='font-size:11pt'>"
        f"<b>From:</b> {html.escape(frm)}<br><b>Sent:</b> {html.escape(sent)}<br><b>To:</b> {html.escape(to)}<br>"
        f"{cc_line}<b>Subject:</b> {html.escape(subject)}</font><div>&nbsp;</div></div><div>{body_html}</div>"
    )


def gmail_quote(who: str, when: str, body_html: str) -> str:
    return (
        f"<div class='gmail_quote'><div dir='ltr' class='gmail_attr'>On {html.escape(when)}, {html.escape(who)} "
        "wrote:<br></div><blockquote class='gmail_quote' style='margin:0px 0px 0px 0.8ex;border-left:1px solid "
        f"rgb(204,204,204);padding-left:1ex'>{body_html}</blockquote></div>"
    )


def text_quote_outlook(frm: str, sent: str, to: str, subject: str, body: str) -> str:
    return f"\n\n-----Original Message-----\nFrom: {frm}\nSent: {sent}\nTo: {to}\nSubject: {subject}\n\n{body}"


def text_quote_gmail(who: str, when: str, body: str) -> str:
    return f"\n\nOn {when}, {who} wrote:\n" + "\n".join("> " + line for line in body.splitlines())


def ics(
    uid: str,
    start: dt.datetime,
    minutes: int,
    summary: str,
    location: str,
    organiser: str,
    attendees: list[tuple[str, str]],
    description: str = "",
) -> str:
    f = "%Y%m%dT%H%M%S"
    end = start + dt.timedelta(minutes=minutes)
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20260302T090000Z",
        f"DTSTART;TZID=AUS Eastern Standard Time:{start.strftime(f)}",
        f"DTEND;TZID=AUS Eastern Standard Time:{end.strftime(f)}",
        f"SUMMARY:{summary}",
        f"LOCATION:{location}",
        f"ORGANIZER;CN={organiser.split('@')[0]}:mailto:{organiser}",
    ]
    for name, mail in attendees:
        lines.append(f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{mail}")
    if description:
        lines.append("DESCRIPTION:" + description.replace("\n", "\\n").replace(",", "\\,"))
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


MIME = {
    ".pdf": ("application", "pdf"),
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".rtf": ("application", "rtf"),
    ".txt": ("text", "plain"),
    ".csv": ("text", "csv"),
    ".ics": ("text", "calendar"),
    ".html": ("text", "html"),
}


def eml(
    n: int,
    frm: str,
    to: list[str] | str,
    subject: str,
    text: str | None = None,
    html_body: str | None = None,
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
    attachments: list[tuple[str, bytes]] = (),
    when: dt.datetime | None = None,
    reply_to: str | None = None,
    calendar: str | None = None,
    forward: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    """A message as the practice's Outlook sends it; n makes its Message-ID and boundaries its own."""
    msg = EmailMessage()
    msg["From"] = frm
    msg["To"] = ", ".join(to) if isinstance(to, list) else to
    if cc:
        msg["Cc"] = ", ".join(cc)
    if bcc:
        msg["Bcc"] = ", ".join(bcc)
    if reply_to:
        msg["Reply-To"] = reply_to
    msg["Subject"] = subject
    when = when or dt.datetime(2026, 3, 2, 9, 0, tzinfo=SYD) + dt.timedelta(minutes=37 * n)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{n:05d}.{when.strftime('%Y%m%d%H%M')}@{world.DOMAIN}>"
    for k, v in (headers or {}).items():
        msg[k] = v
    msg["MIME-Version"] = "1.0"
    if text is not None:
        msg.set_content(text)
        if html_body is not None:
            msg.add_alternative(html_body, subtype="html")
    elif html_body is not None:
        msg.set_content(html_body, subtype="html")
    if calendar:
        msg.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"})
    for name, data in attachments:
        ext = name[name.rfind(".") :].lower()
        maintype, subtype = MIME.get(ext, ("application", "octet-stream"))
        if maintype == "text":
            msg.add_attachment(data.decode("utf-8", "replace"), subtype=subtype, filename=name)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if forward is not None:
        from email import message_from_bytes
        from email.policy import default

        msg.add_attachment(message_from_bytes(forward, policy=default))
    i = 0
    for part in msg.walk():
        if part.is_multipart():
            part.set_boundary(f"----=_MPT_{n:05d}_{i:02d}")
            i += 1
    return msg.as_bytes(policy=SMTP)
