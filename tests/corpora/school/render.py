"""Letters and their renderings: PDF (window envelope, two-column, tear-off slip), DOCX, RTF, HTML, TXT.

Everything is byte-for-byte deterministic: fixed PDF dates, fixed DOCX properties and zip timestamps.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from dataclasses import dataclass, field

from fpdf import FPDF

from .world import School

FIXED = dt.datetime(2025, 3, 3, 9, 0, 0, tzinfo=dt.UTC)
REGION = "Loddon Mallee Schools Region"


@dataclass
class Letter:
    """A school letter: letterhead, address block, reference lines, body, optional table and tear-off slip."""

    school: School
    to: list[str]
    date: str
    subject: str
    refs: list[tuple[str, str]]
    salutation: str
    paras: list[str]
    table: list[list[str]] = field(default_factory=list)
    slip: list[str] = field(default_factory=list)
    sign: list[str] = field(default_factory=list)
    style: str = "window"

    def footer(self) -> str:
        s = self.school
        return f"{s.name} | {s.address.one_line()} | Ph {s.phone} | {s.email} | ABN {s.abn}"

    def text_lines(self) -> list[str]:
        """The letter as lines of plain text, in reading order."""
        out = [self.school.name.upper(), f"{REGION} | {self.school.address.one_line()} | {self.school.phone}", ""]
        out += [*self.to, "", self.date, ""]
        out += [f"{k}: {v}" for k, v in self.refs]
        out += ["", self.subject.upper(), "", self.salutation, ""]
        for p in self.paras:
            out += [p, ""]
        for row in self.table:
            out.append(" | ".join(row))
        if self.table:
            out.append("")
        out += self.sign
        if self.slip:
            out += ["", "- - - - - - - - - - - - - - - cut here and return - - - - - - - - - - - - - - -", *self.slip]
        out += ["", self.footer()]
        return out


def _l1(s: str) -> str:
    return s.encode("latin-1", "replace").decode("latin-1")


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "I", 7)
        self.cell(0, 5, _l1(self.footer_text), align="C")


def _pdf_letter(pdf: _Pdf, lt: Letter) -> None:
    pdf.footer_text = lt.footer()
    pdf.add_page()
    s = lt.school
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_xy(160, 10)
    pdf.multi_cell(35, 4, "[crest]\nSTRIVE & THRIVE", align="C")
    pdf.set_xy(15, 10)
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(140, 8, _l1(s.name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(140, 4, _l1(f"{REGION}  -  {s.address.one_line()}  -  Telephone {s.phone}"), new_x="LMARGIN", new_y="NEXT")
    body_x, body_w = 15.0, 180.0
    if lt.style == "twocol":
        pdf.set_xy(15, 40)
        pdf.set_font("Helvetica", "", 7.5)
        side = [s.name, *s.address.block(), f"T {s.phone}", s.email, "", f"Principal: {s.principal}", ""]
        side += [f"{k}: {v}" for k, v in lt.refs]
        pdf.multi_cell(45, 3.6, _l1("\n".join(side)))
        body_x, body_w = 65.0, 130.0
    pdf.set_font("Helvetica", "", 10.5)
    top = 45 if lt.style == "window" else 40
    pdf.set_xy(body_x if lt.style == "twocol" else 22, top)
    pdf.multi_cell(90, 5, _l1("\n".join(lt.to)))
    pdf.set_xy(body_x, max(pdf.get_y() + 8, 80 if lt.style == "window" else 0))
    pdf.set_left_margin(body_x)
    pdf.cell(body_w, 5, _l1(lt.date), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if lt.style != "twocol":
        pdf.set_font("Helvetica", "", 9.5)
        for k, v in lt.refs:
            pdf.cell(body_w, 4.6, _l1(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(body_w, 5.5, _l1(lt.subject), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(body_w, 5, _l1(lt.salutation), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for p in lt.paras:
        pdf.multi_cell(body_w, 5, _l1(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if lt.table:
        cw = body_w / len(lt.table[0])
        for i, row in enumerate(lt.table):
            pdf.set_font("Helvetica", "B" if i == 0 else "", 8.5)
            for cell in row:
                pdf.cell(cw, 5.5, _l1(cell)[:44], border=1)
            pdf.ln(5.5)
        pdf.ln(3)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(body_w, 5, _l1("\n".join(lt.sign)), new_x="LMARGIN", new_y="NEXT")
    if lt.slip:
        pdf.ln(4)
        pdf.set_font("Helvetica", "", 8)
        pdf.cell(body_w, 4, "- " * 30 + " cut here and return to the office " + "- " * 8, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(body_w, 5, _l1("\n".join(lt.slip)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_left_margin(15)


def pdf_bytes(letters: list[Letter], title: str = "Letter") -> bytes:
    """One PDF holding the letters in order, each starting on a new page."""
    pdf = _Pdf(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_title(title)
    pdf.set_author(REGION)
    pdf.set_producer("LMSR letters")
    pdf.set_auto_page_break(True, margin=18)
    for lt in letters:
        _pdf_letter(pdf, lt)
    return bytes(pdf.output())


def text_pdf(lines: list[str], title: str = "Document") -> bytes:
    """A plain PDF of text lines (lists, forms, attachments)."""
    pdf = _Pdf(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_title(title)
    pdf.set_producer("LMSR letters")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    for ln in lines:
        pdf.multi_cell(0, 4.6, _l1(ln) or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def fixed_zip(data: bytes) -> bytes:
    """Rewrites a zip (DOCX) with fixed timestamps and a fixed member order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 3, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def _docx_fix(doc: object) -> bytes:
    cp = doc.core_properties  # type: ignore[attr-defined]
    cp.created = cp.modified = cp.last_printed = FIXED.replace(tzinfo=None)
    cp.author = cp.last_modified_by = REGION
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)  # type: ignore[attr-defined]
    return fixed_zip(buf.getvalue())


def docx_bytes(lt: Letter) -> bytes:
    """The letter as a Word document, reference lines and any data in tables."""
    from docx import Document

    doc = Document()
    doc.add_heading(lt.school.name, level=1)
    doc.add_paragraph(f"{REGION} - {lt.school.address.one_line()} - {lt.school.phone}")
    for line in lt.to:
        doc.add_paragraph(line)
    doc.add_paragraph(lt.date)
    if lt.refs:
        t = doc.add_table(rows=0, cols=2)
        for k, v in lt.refs:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = k, v
    doc.add_heading(lt.subject, level=2)
    doc.add_paragraph(lt.salutation)
    for p in lt.paras:
        doc.add_paragraph(p)
    if lt.table:
        t = doc.add_table(rows=0, cols=len(lt.table[0]))
        for row in lt.table:
            cells = t.add_row().cells
            for c, v in zip(cells, row, strict=True):
                c.text = v
    for line in lt.sign:
        doc.add_paragraph(line)
    if lt.slip:
        doc.add_paragraph("- - - - - - - - cut here and return - - - - - - - -")
        for line in lt.slip:
            doc.add_paragraph(line)
    doc.add_paragraph(lt.footer())
    return _docx_fix(doc)


def docx_lines(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    """A plain Word document of lines and an optional table."""
    from docx import Document

    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    if table:
        t = doc.add_table(rows=0, cols=len(table[0]))
        for row in table:
            for c, v in zip(t.add_row().cells, row, strict=True):
                c.text = v
    return _docx_fix(doc)


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\'{ord(_l1(ch)):02x}")
        else:
            out.append(ch)
    return "".join(out)


def rtf_bytes(lt: Letter) -> bytes:
    body = "\\par\n".join(_rtf_escape(x) for x in lt.text_lines())
    head = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n"
    return (head + body + "\\par\n}").encode("latin-1", "replace")


def html_bytes(lt: Letter) -> bytes:
    e = html.escape
    refs = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in lt.refs)
    table = ""
    if lt.table:
        rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in lt.table)
        table = f"<table border='1'>{rows}</table>"
    slip = ""
    if lt.slip:
        slip = "<hr style='border-style:dashed'><p>" + "<br>".join(e(x) for x in lt.slip) + "</p>"
    doc = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(lt.subject)}</title></head><body>"
        f"<header><h1>{e(lt.school.name)}</h1><p>{e(REGION)}</p></header>"
        f"<address>{'<br>'.join(e(x) for x in lt.to)}</address><p>{e(lt.date)}</p><table>{refs}</table>"
        f"<h2>{e(lt.subject)}</h2><p>{e(lt.salutation)}</p>"
        + "".join(f"<p>{e(p)}</p>" for p in lt.paras)
        + table
        + f"<p>{'<br>'.join(e(x) for x in lt.sign)}</p>{slip}<footer><small>{e(lt.footer())}</small></footer>"
        "</body></html>\n"
    )
    return doc.encode("utf-8")


def txt_bytes(lt: Letter) -> bytes:
    return ("\n".join(lt.text_lines()) + "\n").encode("utf-8")


def render(lt: Letter, ext: str) -> bytes:
    """The letter in the given format (pdf, docx, rtf, html, txt)."""
    return {
        "pdf": lambda: pdf_bytes([lt], lt.subject),
        "docx": lambda: docx_bytes(lt),
        "rtf": lambda: rtf_bytes(lt),
        "html": lambda: html_bytes(lt),
        "txt": lambda: txt_bytes(lt),
    }[ext]()
