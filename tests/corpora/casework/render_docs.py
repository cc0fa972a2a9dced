"""Letters and attachments in the other formats staff produce: DOCX, RTF, TXT, HTML, XLSX, CSV, ICS, VCF, ZIP."""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from openpyxl import Workbook

from . import org
from .letters import Letter

FIXED = datetime(2026, 3, 2, 9, 0, 0)
ZIP_TIME = (2026, 3, 2, 9, 0, 0)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a ZIP container with fixed timestamps so that generated Office files are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock on save
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-03-02T09:00:00Z", data)
            dst.writestr(zi, data)
    return out.getvalue()


# --- DOCX ---------------------------------------------------------------------------------------------


def _merge_field(paragraph: Paragraph, name: str) -> None:
    """An unmerged Word MERGEFIELD: field code plus the «Name» placeholder Word shows."""

    def run_with(child: Any) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" MERGEFIELD {name} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run(f"\u00ab{name}\u00bb")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _add_text(doc_or_cell: Any, text: str, merge_fields: bool) -> Paragraph:
    """Add a paragraph; with merge_fields, «Name» becomes a real MERGEFIELD."""
    p = doc_or_cell.add_paragraph()
    if merge_fields and "\u00ab" in text:
        rest = text
        while "\u00ab" in rest:
            before, _, tail = rest.partition("\u00ab")
            name, _, rest = tail.partition("\u00bb")
            if before:
                p.add_run(before)
            _merge_field(p, name)
        if rest:
            p.add_run(rest)
    else:
        p.add_run(text)
    return p


def docx_letter(letter: Letter, layout: str, merge_fields: bool = False) -> bytes:
    """layout: table (address cell beside a reference cell) | right (indented block) | plain."""
    doc = Document()
    doc.core_properties.author = "Corella Correspondence"
    doc.core_properties.created = FIXED
    doc.core_properties.modified = FIXED
    doc.core_properties.last_modified_by = "Corella Correspondence"
    doc.core_properties.revision = 1
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = f"{org.ORG_LEGAL}  |  {', '.join(org.ORG_POSTAL)}  |  {org.ORG_PHONE}"
    footer = section.footer.paragraphs[0]
    footer.text = (
        f"ABN {org.ORG_ABN[:2]} {org.ORG_ABN[2:5]} {org.ORG_ABN[5:8]} {org.ORG_ABN[8:]}  |  corellaclaims.example"
    )
    doc.add_paragraph(letter.date)
    if letter.confidential:
        doc.add_paragraph().add_run("PRIVATE & CONFIDENTIAL").bold = True
    if layout == "table":
        table = doc.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.paragraphs[0].text = letter.block[0]
        for line in letter.block[1:]:
            _add_text(left, line, merge_fields)
        first = True
        for k, v in letter.refs:
            if first:
                right.paragraphs[0].text = f"{k}: {v}"
                first = False
            else:
                right.add_paragraph(f"{k}: {v}")
    else:
        for line in letter.block:
            p = _add_text(doc, line, merge_fields)
            p.paragraph_format.space_after = Pt(0)
            if layout == "right":
                p.paragraph_format.left_indent = Cm(9.5)
        if letter.refs and not letter.pre_greeting:
            doc.add_paragraph()
            for k, v in letter.refs:
                if k != "Date":
                    doc.add_paragraph(f"{k}: {v}").paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    for line in letter.pre_greeting:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    if letter.salutation:
        _add_text(doc, letter.salutation + ",", merge_fields)
    if letter.subject:
        doc.add_paragraph().add_run(letter.subject).bold = True
    for i, para in enumerate(letter.paras):
        _add_text(doc, para, merge_fields)
        if i == letter.table_after and letter.table:
            t = doc.add_table(rows=0, cols=len(letter.table[0]))
            t.style = "Table Grid"
            for row in letter.table:
                cells = t.add_row().cells
                for c, v in zip(cells, row, strict=True):
                    c.text = v
    for line in letter.signoff:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    for page in letter.enclosures:
        doc.add_page_break()
        doc.add_paragraph().add_run(page.title).bold = True
        for line in page.lines:
            doc.add_paragraph(line)
        if page.table:
            t = doc.add_table(rows=0, cols=len(page.table[0]))
            t.style = "Table Grid"
            for row in page.table:
                for c, v in zip(t.add_row().cells, row, strict=True):
                    c.text = v
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def docx_table(title: str, intro: list[str], rows: list[list[str]]) -> bytes:
    """A working document: a heading, a few lines and a table (a file note, a referral, a list)."""
    doc = Document()
    doc.core_properties.created = FIXED
    doc.core_properties.modified = FIXED
    doc.core_properties.author = "Corella Claims Services"
    doc.add_heading(title, level=1)
    for line in intro:
        doc.add_paragraph(line)
    if rows:
        t = doc.add_table(rows=0, cols=len(rows[0]))
        t.style = "Table Grid"
        for row in rows:
            for c, v in zip(t.add_row().cells, row, strict=True):
                c.text = v
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


# --- RTF, TXT, HTML ------------------------------------------------------------------------------------


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            code = ord(ch)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_letter(letter: Letter, right_block: bool = False) -> bytes:
    parts = [
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}\f0\fs20",
        r"{\b " + _rtf_escape(org.ORG_LEGAL) + r"}\par",
        _rtf_escape(f"{', '.join(org.ORG_POSTAL)}   Tel {org.ORG_PHONE}") + r"\par\par",
        _rtf_escape(letter.date) + r"\par\par",
    ]
    if letter.confidential:
        parts.append(r"{\b PRIVATE & CONFIDENTIAL}\par")
    indent = r"\li5400 " if right_block else " "  # a space ends the control word before the text
    for line in letter.block:
        parts.append(r"\pard" + indent + _rtf_escape(line) + r"\par")
    parts.append(r"\pard\par")
    lines = letter.pre_greeting or [f"{k}: {v}" for k, v in letter.refs if k != "Date"]
    for line in lines:
        parts.append(_rtf_escape(line) + r"\par")
    parts.append(r"\par")
    if letter.salutation:
        parts.append(_rtf_escape(letter.salutation + ",") + r"\par\par")
    if letter.subject:
        parts.append(r"{\b " + _rtf_escape(letter.subject) + r"}\par\par")
    for i, p in enumerate(letter.paras):
        parts.append(_rtf_escape(p) + r"\par\par")
        if i == letter.table_after and letter.table:
            for row in letter.table:
                parts.append(_rtf_escape("\t".join(row)) + r"\par")
            parts.append(r"\par")
    for line in letter.signoff:
        parts.append(_rtf_escape(line) + r"\par")
    for page in letter.enclosures:
        parts.append(r"\page{\b " + _rtf_escape(page.title) + r"}\par")
        parts += [_rtf_escape(x) + r"\par" for x in page.lines]
    parts.append("}")
    return "\n".join(parts).encode("ascii")


def txt_letter(letter: Letter, columns: bool = False) -> bytes:
    """Plain text. With columns, the reference lines sit to the right of the address lines."""
    out = [org.ORG_LEGAL.upper(), f"{', '.join(org.ORG_POSTAL)}  Tel {org.ORG_PHONE}", "", letter.date, ""]
    if letter.confidential:
        out += ["PRIVATE & CONFIDENTIAL", ""]
    refs = [f"{k}: {v}" for k, v in letter.refs if k != "Date"]
    if columns:
        n = max(len(letter.block), len(refs))
        for i in range(n):
            left = letter.block[i] if i < len(letter.block) else ""
            right = refs[i] if i < len(refs) else ""
            out.append(f"{left:<46}{right}".rstrip())
        out.append("")
    else:
        out += letter.block + [""]
        if not letter.pre_greeting:
            out += refs + [""]
    out += letter.text_body()
    if letter.table:
        out += ["  ".join(f"{c:<18}" for c in row).rstrip() for row in letter.table] + [""]
    out += letter.signoff
    for page in letter.enclosures:
        out += ["", "\f" + page.title, ""] + page.lines
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


def html_letter(letter: Letter) -> bytes:
    e = html.escape
    refs = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in letter.refs)
    block = "<br>\n".join(e(x) for x in letter.block)
    paras = "\n".join(f"<p>{e(p)}</p>" for p in letter.paras)
    table = ""
    if letter.table:
        head, *rows = letter.table
        table = (
            "<table class='pay'><tr>"
            + "".join(f"<th>{e(h)}</th>" for h in head)
            + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
            + "</table>"
        )
    pre = "".join(f"<p class='ref'>{e(x)}</p>" for x in letter.pre_greeting)
    sal = f"<p>{e(letter.salutation)},</p>" if letter.salutation else ""
    sign = "<br>".join(e(x) for x in letter.signoff)
    conf = "<p class='conf'><strong>PRIVATE &amp; CONFIDENTIAL</strong></p>" if letter.confidential else ""
    doc = f"""<!DOCTYPE html>
<html lang="en-AU"><head><meta charset="utf-8"><title>{e(letter.subject)}</title>
<style>body{{font-family:Arial,sans-serif;font-size:10pt;max-width:720px}} .head{{display:flex;
justify-content:space-between}} table.refs th{{text-align:left;padding-right:1em}} table.pay td,table.pay th{{
border:1px solid #999;padding:2px 6px}}</style></head>
<body>
<div class="head"><div><img src="corella-logo.png" alt="Corella Claims Services logo" width="120"></div>
<div>{e(org.ORG_LEGAL)}<br>{e(org.ORG_POSTAL[0])}<br>{e(org.ORG_POSTAL[1])}<br>{e(org.ORG_PHONE)}</div></div>
<p>{e(letter.date)}</p>
{conf}
<div class="head"><div class="address">{block}</div><table class="refs">{refs}</table></div>
{pre}
{sal}
<p><strong>{e(letter.subject)}</strong></p>
{paras}
{table}
<p>{sign}</p>
</body></html>
"""
    return doc.encode("utf-8")


# --- spreadsheets, calendars, cards, archives -----------------------------------------------------------


def xlsx(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    wb = Workbook()
    for sheet in list(wb.worksheets):
        wb.remove(sheet)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.properties.creator = "Corella Claims Services"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue())


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _fold_ics(line: str) -> str:
    out, cur = [], line.encode("utf-8")
    while len(cur) > 74:
        cut = 74
        while cut > 0 and (cur[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(cur[:cut].decode())
        cur = b" " + cur[cut:]
    out.append(cur.decode())
    return "\r\n".join(out)


def _ics_text(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics(
    uid: str,
    summary: str,
    start: datetime,
    minutes: int,
    organizer: tuple[str, str],
    attendees: list[tuple[str, str]],
    location: str,
    description: str,
    method: str = "REQUEST",
) -> bytes:
    end = start.replace(hour=start.hour + minutes // 60, minute=(start.minute + minutes % 60) % 60)
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Corella Claims Services//Case Diary 3.1//EN",
        "VERSION:2.0",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20260302T000000Z",
        f"DTSTART;TZID=Australia/Sydney:{start:%Y%m%dT%H%M%S}",
        f"DTEND;TZID=Australia/Sydney:{end:%Y%m%dT%H%M%S}",
        f"SUMMARY:{_ics_text(summary)}",
        f"LOCATION:{_ics_text(location)}",
        f"DESCRIPTION:{_ics_text(description)}",
        f'ORGANIZER;CN="{organizer[0]}":mailto:{organizer[1]}',
    ]
    for name, email in attendees:
        lines.append(f'ATTENDEE;CN="{name}";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{email}')
    if method == "CANCEL":
        lines.append("STATUS:CANCELLED")
    lines += ["SEQUENCE:0", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(_fold_ics(x) for x in lines) + "\r\n").encode("utf-8")


def vcard(
    full: str,
    family: str,
    given: str,
    org_name: str = "",
    title: str = "",
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    adr: tuple[str, str, str, str] | None = None,
    note: str = "",
) -> bytes:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{full}"]
    if org_name:
        lines.append(f"ORG:{org_name}")
    if title:
        lines.append(f"TITLE:{title}")
    for p in phones:
        lines.append(f"TEL;TYPE={'CELL' if p.replace(' ', '').startswith('04') else 'WORK'},VOICE:{p}")
    for e in emails:
        lines.append(f"EMAIL;TYPE=INTERNET:{e}")
    if adr:
        street, suburb, state, pc = adr
        lines.append(f"ADR;TYPE=HOME:;;{street};{suburb};{state};{pc};Australia")
    if note:
        lines.append(f"NOTE:{_ics_text(note)}")
    lines.append("END:VCARD")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def zip_files(files: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return out.getvalue()
