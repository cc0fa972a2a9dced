"""Letters on the university's letterhead (PDF with a window-envelope address block, DOCX, TXT, RTF, HTML),
reports and spreadsheets, messages (.eml) and calendar invitations (.ics). Deterministic bytes for a seed."""

from __future__ import annotations

import datetime as dt
import email.policy
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

from fpdf import FPDF

from tests.corpora.university import world as w

FIXED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))


@dataclass
class Letter:
    office: str
    campus: tuple
    date: str
    block: list[str]
    salutation: str
    heading: str
    paras: list[str]
    refs: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    sign: list[str] = field(default_factory=lambda: ["Yours sincerely", "", "Kerry O'Brien", "Student Adviser"])
    cc: list[str] = field(default_factory=list)
    footer: str = ""

    def head_lines(self) -> list[str]:
        c = self.campus
        return [w.NAME, self.office, f"{c[0]} Campus, {w.campus_address(c)}", f"T {c[4]}  |  {w.STUDENT_CENTRAL_PHONE}"]

    def foot(self) -> str:
        return self.footer or f"{w.NAME}  {w.ABN}  {w.CRICOS}  Postal: {w.POSTAL}"


def _latin(s: str) -> str:
    return (
        s.replace("\u2014", "-")
        .replace("\u2013", "-")
        .replace("\u2019", "'")
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


def pdf_doc() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(20, 15, 20)
    return pdf


def _pdf_letter_page(pdf: FPDF, L: Letter, window: bool = True) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(110, 12)
    heads = L.head_lines()
    pdf.cell(80, 6, _latin(heads[0]), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    for line in heads[1:]:
        pdf.set_x(110)
        pdf.cell(80, 4, _latin(line), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    if window:  # DL window envelope: address block 20 mm from left, 45 mm from top
        pdf.set_xy(20, 45)
    else:
        pdf.set_y(pdf.get_y() + 10)
    for line in L.block:
        pdf.cell(90, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y() + 8, 82))
    pdf.cell(0, 5, L.date, new_x="LMARGIN", new_y="NEXT")
    for r in L.refs:
        pdf.cell(0, 5, _latin(r), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.cell(0, 5, _latin(L.salutation), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(0, 5, _latin(L.heading), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(2)
    for p in L.paras:
        pdf.multi_cell(0, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if L.table:
        width = 170 / len(L.table[0])
        for i, row in enumerate(L.table):
            pdf.set_font("Helvetica", "B" if i == 0 else "", 9)
            for cell in row:
                pdf.cell(width, 6, _latin(cell), border=1)
            pdf.ln(6)
        pdf.set_font("Helvetica", "", 10)
        pdf.ln(3)
    for line in L.sign:
        pdf.cell(0, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    for line in L.cc:
        pdf.cell(0, 5, _latin("cc: " + line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-15)
    pdf.set_font("Helvetica", "", 7)
    pdf.cell(0, 4, _latin(L.foot()), align="C")


def pdf_letter(L: Letter, window: bool = True) -> bytes:
    pdf = pdf_doc()
    _pdf_letter_page(pdf, L, window)
    return bytes(pdf.output())


def pdf_letters(letters: list[Letter]) -> bytes:
    pdf = pdf_doc()
    for L in letters:
        _pdf_letter_page(pdf, L, True)
    return bytes(pdf.output())


def pdf_report(title: str, lines: list[str], table: list[list[str]] | None = None, encrypt: str = "") -> bytes:
    """A document that is not a letter: a transcript, a statement, a results summary, a contract schedule."""
    pdf = pdf_doc()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, _latin(w.NAME), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(3)
    for line in lines:
        pdf.multi_cell(0, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    if table:
        pdf.ln(3)
        width = 170 / len(table[0])
        for i, row in enumerate(table):
            pdf.set_font("Helvetica", "B" if i == 0 else "", 8)
            for cell in row:
                pdf.cell(width, 5, _latin(cell), border=1)
            pdf.ln(5)
    if encrypt:
        pdf.set_encryption(owner_password=encrypt + "-owner", user_password=encrypt)
    return bytes(pdf.output())


def _fixed_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_letter(L: Letter, header_letterhead: bool = True, merge_raw: str = "") -> bytes:
    from docx import Document
    from docx.shared import Pt

    d = Document()
    d.core_properties.author = "Student Administration"
    d.core_properties.created = FIXED.replace(tzinfo=None)
    d.core_properties.modified = FIXED.replace(tzinfo=None)
    d.core_properties.last_modified_by = "Student Administration"
    style = d.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    if header_letterhead:
        hdr = d.sections[0].header
        hdr.paragraphs[0].text = "  |  ".join(L.head_lines())
    else:
        for line in L.head_lines():
            d.add_paragraph(line)
    for line in L.block:
        d.add_paragraph(line)
    d.add_paragraph(L.date)
    for r in L.refs:
        d.add_paragraph(r)
    d.add_paragraph(L.salutation)
    d.add_paragraph().add_run(L.heading).bold = True
    for p in L.paras:
        d.add_paragraph(p)
    if L.table:
        t = d.add_table(rows=len(L.table), cols=len(L.table[0]))
        for i, row in enumerate(L.table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    for line in L.sign:
        d.add_paragraph(line)
    for line in L.cc:
        d.add_paragraph("cc: " + line)
    d.sections[0].footer.paragraphs[0].text = L.foot()
    buf = io.BytesIO()
    d.save(buf)
    data = _fixed_zip(buf.getvalue())
    if merge_raw:  # a MERGEFIELD left as a field code (the document was never merged)
        data = _inject_mergefield(data, merge_raw)
    return data


def _inject_mergefield(data: bytes, name: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    field_xml = (
        f'<w:p><w:r><w:t xml:space="preserve">Student number: </w:t></w:r><w:fldSimple w:instr=" MERGEFIELD {name} ">'
        f"<w:r><w:t>\u00ab{name}\u00bb</w:t></w:r></w:fldSimple></w:p>"
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                body = body.replace(b"<w:sectPr", field_xml.encode() + b"<w:sectPr", 1)
            z.writestr(zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0)), body)
    return out.getvalue()


def txt_letter(L: Letter) -> bytes:
    out = [
        *(" " * 40 + h for h in L.head_lines()),
        "",
        *L.block,
        "",
        L.date,
        *L.refs,
        "",
        L.salutation,
        "",
        L.heading,
        "",
    ]
    for p in L.paras:
        out += [p, ""]
    for row in L.table:
        out.append("  ".join(f"{c:<18}" for c in row).rstrip())
    if L.table:
        out.append("")
    out += L.sign + ["cc: " + c for c in L.cc] + ["", L.foot()]
    return ("\n".join(out) + "\n").encode()


def _rtf_esc(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_letter(L: Letter, raw_field: str = "") -> bytes:
    par = "\\par\n"
    body = [r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\fs20"]
    body.append(r"{\header\pard\qr " + _rtf_esc("  ".join(L.head_lines())) + r"\par}")
    body += [_rtf_esc(x) + par for x in L.block]
    body += [par, _rtf_esc(L.date) + par] + [_rtf_esc(r) + par for r in L.refs]
    body += [par, _rtf_esc(L.salutation) + par, par, r"{\b " + _rtf_esc(L.heading) + "}" + par, par]
    for p in L.paras:
        body.append(_rtf_esc(p) + par + par)
    if raw_field:
        body.append(raw_field + par)
    for row in L.table:
        body.append(_rtf_esc("\t".join(row)) + par)
    body += [_rtf_esc(x) + par for x in L.sign]
    body.append(r"{\footer\pard\qc " + _rtf_esc(L.foot()) + r"\par}")
    body.append("}")
    return "".join(body).encode("latin-1")


def _h(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_letter(L: Letter) -> bytes:
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>", _h(L.heading), "</title></head><body>"]
    parts.append("<div style='text-align:right'>" + "<br>".join(_h(x) for x in L.head_lines()) + "</div>")
    parts.append("<address>" + "<br>".join(_h(x) for x in L.block) + "</address>")
    parts.append(f"<p>{_h(L.date)}</p>" + "".join(f"<p>{_h(r)}</p>" for r in L.refs))
    parts.append(f"<p>{_h(L.salutation)}</p><h3>{_h(L.heading)}</h3>")
    parts += [f"<p>{_h(p)}</p>" for p in L.paras]
    if L.table:
        parts.append(
            "<table border='1'>"
            + "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in r) + "</tr>" for r in L.table)
            + "</table>"
        )
    parts.append("<p>" + "<br>".join(_h(x) for x in L.sign) + "</p>")
    parts.append(f"<footer><small>{_h(L.foot())}</small></footer></body></html>")
    return "".join(parts).encode()


def render_letter(L: Letter, ext: str) -> bytes:
    return {"pdf": pdf_letter, "docx": docx_letter, "txt": txt_letter, "rtf": rtf_letter, "html": html_letter}[ext](L)


def csv_bytes(rows: list[list[str]]) -> bytes:
    import csv

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode()


def xlsx_bytes(rows: list[list[str]], sheet: str = "Sheet1") -> bytes:
    """A minimal SpreadsheetML workbook (inline strings), as an export from the student system writes it."""

    def col(i: int) -> str:
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    cells = []
    for ri, row in enumerate(rows, 1):
        cs = "".join(f'<c r="{col(ci)}{ri}" t="inlineStr"><is><t>{_h(v)}</t></is></c>' for ci, v in enumerate(row))
        cells.append(f'<row r="{ri}">{cs}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    xml = '<?xml version="1.0" encoding="UTF-8"?>'
    files = {
        "[Content_Types].xml": f'{xml}<Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{office}.worksheet+xml"/></Types>',
        "_rels/.rels": f'{xml}<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{xml}<workbook {ns} xmlns:r="{rel}"><sheets>'
        f'<sheet name="{_h(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{xml}<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f"{xml}<worksheet {ns}><sheetData>{''.join(cells)}</sheetData></worksheet>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 3, 2, 9, 0, 0)), body)
    return out.getvalue()


def ics(
    uid: str, summary: str, start: str, end: str, location: str, description: str, attendee: str, organiser: str
) -> bytes:
    desc = description.replace("\n", "\\n").replace(",", "\\,")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//University of the Southern Ranges//Graduations//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{w.INTERNAL}",
        "DTSTAMP:20260302T000000Z",
        f"DTSTART;TZID=Australia/Sydney:{start}",
        f"DTEND;TZID=Australia/Sydney:{end}",
        f"SUMMARY:{summary}",
        f"LOCATION:{location.replace(',', chr(92) + ',')}",
        f"DESCRIPTION:{desc}",
        f"ORGANIZER;CN=Graduations Office:mailto:{organiser}",
        f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{attendee}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def eml(
    item_id: str,
    frm: str,
    to: list[str],
    subject: str,
    text: str | None = None,
    html: str | None = None,
    cc: list[str] | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
    day: int = 0,
    headers: dict[str, str] | None = None,
    calendar: bytes | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = frm
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(FIXED + dt.timedelta(days=day % 60, minutes=(day * 37) % 480))
    msg["Message-ID"] = f"<{hashlib.sha1(item_id.encode()).hexdigest()[:16]}.{item_id}@mail.{w.INTERNAL}>"
    for k, v in (headers or {}).items():
        msg[k] = v
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    if calendar is not None:
        msg.add_alternative(calendar, maintype="text", subtype="calendar", params={"method": "REQUEST"})
    for name, ctype, data in attachments or []:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for k, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"==usr_{item_id}_{k}==")
    return msg.as_bytes(policy=email.policy.SMTP)


CT = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "ics": "text/calendar",
    "html": "text/html",
}


def signature(name: str, role: str, office: str, campus: tuple, mail: str) -> str:
    return (
        f"\n\nKind regards,\n{name}\n{role}\n{office} | {w.NAME}\n{campus[0]} Campus, {w.campus_address(campus)}\n"
        f"T {campus[4]} | {mail}\nCRICOS Provider 04217K\n"
    )
