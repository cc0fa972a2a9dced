"""Letters as DOCX (python-docx): letterhead in the page header, the address block as paragraphs or in a
table cell beside the account box, facts tables, and zip entries with fixed dates so output is deterministic."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.shared import Pt

from . import org
from .letters import Letter, block_text

_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX/XLSX) with fixed entry dates so the same seed gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 6, 2, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                data = _STAMP.sub(rb"\g<1>2025-06-02T09:00:00Z\g<2>", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def render_docx(letter: Letter, table_block: bool = False) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    doc.core_properties.author = "Tallowwood Customer Care"
    doc.core_properties.title = letter.heading or "Letter"
    if letter.letterhead:
        header = doc.sections[0].header.paragraphs[0]
        run = header.add_run(org.NAME + "\n")
        run.bold = True
        run.font.size = Pt(14)
        header.add_run("\n".join(org.LETTERHEAD[1:])).font.size = Pt(8)
        doc.sections[0].footer.paragraphs[0].add_run(org.FOOTER).font.size = Pt(7)
    if letter.return_line:
        doc.add_paragraph(f"If undelivered return to {org.POSTAL}, {org.POSTAL_LOCALITY}").runs[0].font.size = Pt(7)
    if table_block:
        t = doc.add_table(rows=1, cols=2)
        left, right = t.rows[0].cells
        left.text = "\n".join(letter.block)
        right.text = "\n".join(f"{k}: {v}" if k else v for k, v in letter.box)
    else:
        for line in letter.block:
            p = doc.add_paragraph(line)
            p.paragraph_format.space_after = Pt(0)
        if letter.box:
            doc.add_paragraph()
            for k, v in letter.box:
                doc.add_paragraph(f"{k}: {v}" if k else v).paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    for m in letter.meta + ([letter.date] if letter.date else []):
        doc.add_paragraph(m).paragraph_format.space_after = Pt(0)
    if letter.heading:
        doc.add_heading(letter.heading, level=2)
    if letter.salutation:
        doc.add_paragraph(letter.salutation)
    for b in letter.body:
        kind = b[0]
        if kind == "break":
            doc.add_page_break()
        elif kind in ("kv", "form"):
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid" if kind == "form" else t.style
            for k, v in b[1]:
                cells = t.add_row().cells
                cells[0].text, cells[1].text = k, v
            doc.add_paragraph()
        elif kind == "table":
            t = doc.add_table(rows=1, cols=len(b[1]))
            t.style = "Table Grid"
            for c, h in zip(t.rows[0].cells, b[1], strict=True):
                c.text = str(h)
            for r in b[2]:
                for c, v in zip(t.add_row().cells, r, strict=True):
                    c.text = str(v)
            doc.add_paragraph()
        elif kind == "h":
            doc.add_heading(b[1], level=3)
        else:
            doc.add_paragraph("\n".join(block_text(b)) if kind == "small" else b[1])
    for line in letter.closing:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    if letter.slip:
        doc.add_paragraph("- " * 40)
        t = doc.add_table(rows=0, cols=2)
        for k, v in letter.slip:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = k, v
    out = io.BytesIO()
    doc.save(out)
    return stable_zip(out.getvalue())
