"""Word letters (python-docx), claim extracts (openpyxl, CSV), ZIPs, and password-protected Office files.

Every OOXML package is re-zipped with fixed timestamps and fixed core-property dates, so the corpus is
repeatable byte for byte.
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Font

from . import org
from .letters import Letter

FIXED = datetime(2025, 3, 3, 9, 30)
_ZIP_TIME = (2025, 3, 3, 9, 30, 0)
# A letter line may carry unmerged Word fields written as ⟦MERGEFIELD Name⟧ (result «Name») or ⟦MERGEFIELD Name|⟧
# (no result shown); the Word writer turns them into real field codes.
FIELD_RE = re.compile(r"⟦MERGEFIELD (\w+)(\|?)⟧")


def normalise_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    rb"\g<1>2025-03-03T09:30:00Z\g<3>",
                    blob,
                )
            zi = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, blob)
    return out.getvalue()


def _add_field(par: object, name: str, show_result: bool) -> None:
    """An unmerged MERGEFIELD as Word stores it: begin, instruction, separate, «Name», end."""

    def run_with(child: object) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        par._p.append(r)  # type: ignore[attr-defined]

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" MERGEFIELD {name} \\* MERGEFORMAT "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    if show_result:
        t = OxmlElement("w:t")
        t.text = f"«{name}»"
        run_with(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _para(
    doc: object,
    text: str,
    *,
    bold: bool = False,
    align: str | None = None,
    size: float | None = None,
    container: object = None,
) -> object:
    tgt = container if container is not None else doc
    p = tgt.add_paragraph()  # type: ignore[attr-defined]
    pos = 0
    for m in FIELD_RE.finditer(text):
        if m.start() > pos:
            r = p.add_run(text[pos : m.start()])
            r.bold = bold
        _add_field(p, m.group(1), m.group(2) != "|")
        pos = m.end()
    if pos < len(text):
        r = p.add_run(text[pos:])
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def docx_letter(lt: Letter, layout: str = "table", author: str = "Blackwattle Claims") -> bytes:
    """'table': letterhead in the page header, address and details side by side in a borderless table;
    'stacked': address top-left, the reference lines under it; 'right': address block right-aligned."""
    doc = Document()
    cp = doc.core_properties
    cp.author, cp.last_modified_by, cp.created, cp.modified, cp.revision = author, author, FIXED, FIXED, 1
    cp.title = lt.heading[:60]
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = f"{org.NAME}\t\t{org.CLAIMS_PHONE}"
    _para(doc, f"{org.STREET}, {org.LOCALITY}  ·  {org.WEB}  ·  ABN {org.ABN}", size=8, container=sec.header)
    sec.footer.paragraphs[0].text = lt.footer
    if layout == "table":
        tbl = doc.add_table(rows=1, cols=2)
        left, right = tbl.rows[0].cells
        left.paragraphs[0].text = lt.to_lines[0]
        for ln in lt.to_lines[1:]:
            _para(doc, ln, container=left)
        right.paragraphs[0].text = lt.box_title
        right.paragraphs[0].runs[0].bold = True
        for k, v in [*lt.details, ("Date", lt.date)]:
            _para(doc, f"{k}\t{v}", container=right, size=9)
        _para(doc, "")
    else:
        align = "right" if layout == "right" else None
        if layout == "right":
            _para(doc, lt.date, align="right")
        for ln in lt.to_lines:
            _para(doc, ln, align=align)
        _para(doc, "")
        for k, v in lt.details:
            _para(doc, f"{k}: {v}")
        if layout != "right":
            _para(doc, lt.date)
        _para(doc, "")
    for ln in lt.after_block:
        _para(doc, ln)
    if lt.heading.lower().startswith("re:"):
        _para(doc, lt.heading, bold=True)
    if lt.dear:
        _para(doc, lt.dear + ("" if lt.dear.endswith(",") else ","))
    if lt.heading and not lt.heading.lower().startswith("re:"):
        _para(doc, lt.heading, bold=True)
    for para in lt.body:
        _para(doc, para)
    if lt.table:
        t = doc.add_table(rows=len(lt.table), cols=len(lt.table[0]))
        t.style = "Table Grid"
        for i, row in enumerate(lt.table):
            for j, c in enumerate(row):
                t.cell(i, j).text = c
        _para(doc, "")
    for ln in lt.signoff():
        _para(doc, ln)
    for page in lt.extra_pages:
        doc.add_page_break()
        _para(doc, page[0], bold=True)
        for ln in page[1:]:
            _para(doc, ln)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def xlsx(sheets: dict[str, list[list[str]]], author: str = "Claims Data") -> bytes:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        for cell in ws[1]:
            cell.font = Font(bold=True)
    wb.properties.creator = author
    wb.properties.created = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue())


def csv_text(rows: list[list[str]], crlf: bool = True) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n" if crlf else "\n").writerows(rows)
    return buf.getvalue()


def zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in files.items():
            zi = zipfile.ZipInfo(name, _ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, blob)
    return out.getvalue()


def encrypt_ooxml(data: bytes, password: str, seed: int) -> bytes:
    """Password-protect a Word or Excel file (ECMA-376 agile encryption) with repeatable salts."""
    import msoffcrypto.method.container.ecma376_encrypted as container
    import msoffcrypto.method.ecma376_agile as agile
    from msoffcrypto.format.ooxml import OOXMLFile

    rng = random.Random(seed)
    saved = agile._random_buffer, container.datetime2filetime
    fixed_time = container.datetime2filetime(FIXED)
    agile._random_buffer = lambda n: bytes(rng.getrandbits(8) for _ in range(n))
    container.datetime2filetime = lambda _dt: fixed_time
    try:
        out = io.BytesIO()
        OOXMLFile(io.BytesIO(data)).encrypt(password, out)
        return out.getvalue()
    finally:
        agile._random_buffer, container.datetime2filetime = saved
