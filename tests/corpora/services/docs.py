"""The same letter as DOCX (Word template with tables), RTF, case-management plain text and HTML."""

from __future__ import annotations

import html
import io
import re
from datetime import datetime

from docx import Document
from docx.shared import Pt

from . import org
from .letters import FIXED_DATE, LetterDoc


def stable_zip(data: bytes) -> bytes:
    """Rewrite an Office file's zip with fixed timestamps, so the same letter gives the same bytes."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, (2026, 3, 2, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                blob = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-03-02T09:00:00Z", blob)
            dst.writestr(fixed, blob)
    return out.getvalue()


def render_docx(doc: LetterDoc, *, header_letterhead: bool = True, block_table: bool = True) -> bytes:
    d = Document()
    d.core_properties.author = "OHCS Correspondence"
    d.core_properties.created = FIXED_DATE.replace(tzinfo=None)
    d.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(10.5)
    head_lines = [org.ORG_NAME, f"{doc.unit_name}  |  {org.STREET}, {org.TOWN}  |  {org.PHONE}  |  ABN {org.ABN}"]
    if header_letterhead:
        header = d.sections[0].header
        header.paragraphs[0].text = head_lines[0]
        header.add_paragraph(head_lines[1])
    else:
        d.add_paragraph().add_run(head_lines[0]).bold = True
        d.add_paragraph(head_lines[1])
    refs = list(doc.refs) + ([("Date", doc.date)] if doc.date else [])
    if block_table and doc.block:
        table = d.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.text = "\n".join(doc.block)
        right.text = "\n".join(f"{k}: {v}" if k else v for k, v in refs)
    else:
        for line in doc.block:
            d.add_paragraph(line)
        for k, v in refs:
            d.add_paragraph(f"{k}: {v}" if k else v)
    for line in doc.pre:
        d.add_paragraph(line)
    if doc.salutation:
        d.add_paragraph(doc.salutation)
    if doc.heading:
        d.add_paragraph().add_run(doc.heading).bold = True
    for para in doc.paras:
        d.add_paragraph(para)
    if doc.form:
        form = d.add_table(rows=len(doc.form), cols=2)
        form.style = "Table Grid"
        for row, (label, value) in zip(form.rows, doc.form, strict=True):
            row.cells[0].text, row.cells[1].text = label, value
    if doc.table:
        t = d.add_table(rows=len(doc.table), cols=len(doc.table[0]))
        t.style = "Table Grid"
        for row, values in zip(t.rows, doc.table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    for para in doc.after:
        d.add_paragraph(para)
    for line in doc.sign:
        d.add_paragraph(line)
    for page in doc.pages:
        d.add_page_break()
        d.add_paragraph().add_run(page.title).bold = True
        for line in page.lines:
            d.add_paragraph(line)
        if page.table:
            t = d.add_table(rows=len(page.table), cols=len(page.table[0]))
            t.style = "Table Grid"
            for row, values in zip(t.rows, page.table, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    buf = io.BytesIO()
    d.save(buf)
    return stable_zip(buf.getvalue())


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


def render_rtf(doc: LetterDoc) -> bytes:
    parts = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}\viewkind4\uc1\pard\f0\fs20 "]

    def par(text: str, bold: bool = False) -> None:
        body = _rtf_escape(text)
        parts.append((r"{\b " + body + "}" if bold else body) + r"\par" + "\n")

    par(org.ORG_NAME, bold=True)
    par(f"{doc.unit_name} - {org.POSTAL} - Phone {org.PHONE}")
    par("")
    for k, v in doc.refs:
        parts.append(r"\qr " + _rtf_escape(f"{k}: {v}") + r"\par" + "\n")
    if doc.date:
        parts.append(r"\qr " + _rtf_escape(doc.date) + r"\par" + "\n")
    parts.append(r"\ql" + "\n")
    for line in doc.block:
        par(line)
    par("")
    for line in doc.pre:
        par(line)
    if doc.salutation:
        par(doc.salutation)
        par("")
    if doc.heading:
        par(doc.heading, bold=True)
    for p in doc.paras:
        par(p)
        par("")
    for label, value in doc.form:
        par(f"{label}\t{value}")
    for row in doc.table or []:
        parts.append(r"\trowd" + "".join(rf"\cellx{1800 * (i + 1)}" for i in range(len(row))) + " ")
        parts.append("".join(_rtf_escape(v) + r"\cell " for v in row) + r"\row" + "\n")
    parts.append(r"\pard" + "\n")
    for p in doc.after:
        par(p)
    for line in doc.sign:
        par(line)
    parts.append("}")
    return "".join(parts).encode("ascii")


def render_txt(doc: LetterDoc, printed: datetime = FIXED_DATE, *, width: int = 78) -> bytes:
    """A letter as the case-management system prints it: fixed-width header, columns, no styling."""
    lines = [
        "=" * width,
        f"{org.ORG_SHORT} CASE MANAGEMENT SYSTEM".ljust(width - 24) + f"PRINTED {printed:%d/%m/%Y %H:%M}".rjust(24),
        f"{doc.unit_name.upper()}",
        "=" * width,
        "",
    ]
    refs = list(doc.refs) + ([("Date", doc.date)] if doc.date else [])
    rows = max(len(doc.block), len(refs))
    for i in range(rows):
        left = doc.block[i] if i < len(doc.block) else ""
        right = f"{refs[i][0] + ':':<11}{refs[i][1]}" if i < len(refs) else ""
        lines.append(f"{left:<44}{right}".rstrip())
    lines.append("")
    lines.extend(doc.pre)
    if doc.pre:
        lines.append("")
    if doc.salutation:
        lines += [doc.salutation, ""]
    if doc.heading:
        lines += [doc.heading.upper(), ""]
    for p in doc.paras:
        lines += _wrap(p, width) + [""]
    for label, value in doc.form:
        lines.append(f"{label:<14}{value}")
    if doc.form:
        lines.append("")
    if doc.table:
        widths = [max(len(r[i]) for r in doc.table) + 2 for i in range(len(doc.table[0]))]
        for n, row in enumerate(doc.table):
            lines.append("".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
            if n == 0:
                lines.append("-" * min(width, sum(widths)))
        lines.append("")
    for p in doc.after:
        lines += _wrap(p, width) + [""]
    lines += doc.sign
    for page in doc.pages:
        lines += ["", "\f" + page.title.upper(), ""] + page.lines
        for row in page.table or []:
            lines.append("  ".join(v.ljust(16) for v in row).rstrip())
    lines += ["", "-" * width, f"{org.ORG_NAME} | {org.POSTAL} | {org.PHONE} | ABN {org.ABN}"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]


def render_html(doc: LetterDoc) -> bytes:
    e = html.escape
    refs = list(doc.refs) + ([("Date", doc.date)] if doc.date else [])
    ref_rows = "".join(f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in refs)
    block = "<br>".join(e(x) for x in doc.block)
    body = "".join(f"<p>{e(p)}</p>" for p in doc.paras)
    table = ""
    if doc.table:
        head = "".join(f"<th>{e(v)}</th>" for v in doc.table[0])
        rows = "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in r) + "</tr>" for r in doc.table[1:])
        table = f"<table border='1' cellpadding='4'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    form = "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in doc.form)
    text = (
        "<!DOCTYPE html><html lang='en-AU'><head><meta charset='utf-8'>"
        f"<title>{e(doc.heading or 'Letter')}</title></head><body style='font-family:Arial'>"
        f"<header><img src='ohcs-logo.png' alt='{e(org.ORG_NAME)} logo'> <strong>{e(org.ORG_NAME)}</strong>"
        f"<br><small>{e(doc.unit_name)} | {e(org.STREET)}, {e(org.TOWN)} | {e(org.PHONE)}</small></header><hr>"
        f"<table width='100%'><tr><td valign='top'><address style='font-style:normal'>{block}</address></td>"
        f"<td valign='top' align='right'><table>{ref_rows}</table></td></tr></table>"
        + "".join(f"<p>{e(x)}</p>" for x in doc.pre)
        + (f"<p>{e(doc.salutation)}</p>" if doc.salutation else "")
        + (f"<h3>{e(doc.heading)}</h3>" if doc.heading else "")
        + body
        + (f"<table border='1'>{form}</table>" if form else "")
        + table
        + "".join(f"<p>{e(p)}</p>" for p in doc.after)
        + "<p>"
        + "<br>".join(e(s) for s in doc.sign)
        + "</p>"
        + f"<footer><small>{e(org.ORG_NAME)} ABN {e(org.ABN)}</small></footer></body></html>"
    )
    return text.encode("utf-8")
