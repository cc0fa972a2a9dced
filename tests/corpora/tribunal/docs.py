"""A letter as blocks (address block, references, paragraphs, tables) and its renderings: PDF, DOCX, RTF, HTML, TXT."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .world import DOMAIN, TRIBUNAL

FIXED = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)
HEADS = [
    [TRIBUNAL.upper(), "Residential Tenancies List", f"PO Box 4410, Albury NSW 2640  |  1300 018 226  |  {DOMAIN}"],
    [
        TRIBUNAL,
        "Guardianship and Administration List",
        "Level 3, 55 Hovell Street, Wodonga VIC 3690",
        "T (02) 6021 7700",
    ],
    ["MCAT", "Registry - Shepparton", "14 High Street, Shepparton VIC 3630", f"registry@{DOMAIN}"],
]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass
class Letter:
    """What every rendering shows; `to` is the window-envelope address block (empty for memos and lists)."""

    to: list[str]
    title: str
    paras: list[str | Table]
    refs: list[tuple[str, str]] = field(default_factory=list)
    dated: str = "2 March 2026"
    salutation: str = ""
    sign: list[str] = field(default_factory=lambda: ["Registry Officer", TRIBUNAL])
    head: int = 0
    footer: str = f"{TRIBUNAL} - PO Box 4410, Albury NSW 2640 - 1300 018 226 - www.{DOMAIN}"

    def text_lines(self) -> list[str]:
        out = list(HEADS[self.head % 3]) + [""] + self.to + ["", self.dated]
        out += [f"{k}: {v}" for k, v in self.refs] + ["", self.title.upper(), ""]
        if self.salutation:
            out += [self.salutation, ""]
        for p in self.paras:
            if isinstance(p, Table):
                out.append(" | ".join(p.header))
                out += [" | ".join(r) for r in p.rows]
            else:
                out.append(p)
            out.append("")
        return out + ["Yours sincerely", ""] + self.sign + ["", self.footer]


def _latin(s: str) -> str:
    return s.encode("latin-1", "replace").decode("latin-1")


def _pdf_page(pdf, letter: Letter) -> None:  # type: ignore[no-untyped-def]
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    head = HEADS[letter.head % 3]
    pdf.set_xy(110, 12)
    for i, line in enumerate(head):
        pdf.set_x(110)
        pdf.set_font("Helvetica", "B" if i == 0 else "", 10 if i == 0 else 8)
        pdf.cell(90, 4.5, _latin(line), new_x="LMARGIN", new_y="NEXT", align="R")
    pdf.set_font("Helvetica", "", 10)
    if letter.to:
        pdf.set_xy(22, 48)
        for line in letter.to:
            pdf.set_x(22)
            pdf.cell(85, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(130, 50)
    pdf.cell(60, 5, letter.dated, new_x="LMARGIN", new_y="NEXT", align="R")
    for k, v in letter.refs:
        pdf.set_x(120)
        pdf.cell(70, 5, _latin(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT", align="R")
    pdf.set_xy(20, max(pdf.get_y(), 80) + 4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(170, 6, _latin(letter.title.upper()), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(2)
    if letter.salutation:
        pdf.multi_cell(170, 5, _latin(letter.salutation), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for p in letter.paras:
        if isinstance(p, Table):
            width = 170 / len(p.header)
            pdf.set_font("Helvetica", "B", 9)
            for h in p.header:
                pdf.cell(width, 6, _latin(h), border=1)
            pdf.ln()
            pdf.set_font("Helvetica", "", 9)
            for row in p.rows:
                for cell in row:
                    pdf.cell(width, 6, _latin(cell)[:48], border=1)
                pdf.ln()
            pdf.set_font("Helvetica", "", 10)
        else:
            pdf.multi_cell(170, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(2)
    for line in ["Yours sincerely", ""] + letter.sign:
        pdf.cell(170, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_auto_page_break(False)
    pdf.set_y(-18)
    pdf.set_font("Helvetica", "I", 7)
    pdf.cell(170, 4, _latin(letter.footer), align="C")
    pdf.set_auto_page_break(True, margin=22)


def to_pdf(letters: list[Letter], encrypt: str = "") -> bytes:
    """One PDF of one or more letters, each starting on a new page; fixed dates so bytes repeat."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_title("Tribunal correspondence")
    pdf.set_auto_page_break(True, margin=22)
    for letter in letters:
        _pdf_page(pdf, letter)
    if encrypt:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password="registry-" + encrypt, user_password=encrypt, encryption_method=EncryptionMethod.RC4
        )
    return bytes(pdf.output())


def fix_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed timestamps and order so the bytes repeat."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            z = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0))
            z.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(z, src.read(info.filename))
    return out.getvalue()


def to_docx(letter: Letter) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.created = FIXED.replace(tzinfo=None)
    doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.core_properties.author = "MCAT Registry"
    head = doc.sections[0].header.paragraphs[0]
    head.text = "  |  ".join(HEADS[letter.head % 3])
    for line in letter.to:
        doc.add_paragraph(line)
    doc.add_paragraph(letter.dated)
    for k, v in letter.refs:
        doc.add_paragraph(f"{k}: {v}")
    doc.add_heading(letter.title, level=2)
    if letter.salutation:
        doc.add_paragraph(letter.salutation)
    for p in letter.paras:
        if isinstance(p, Table):
            t = doc.add_table(rows=1, cols=len(p.header))
            t.style = "Table Grid"
            for cell, h in zip(t.rows[0].cells, p.header, strict=True):
                cell.text = h
            for row in p.rows:
                for cell, v in zip(t.add_row().cells, row, strict=True):
                    cell.text = v
        else:
            doc.add_paragraph(p)
    for line in ["Yours sincerely", ""] + letter.sign:
        doc.add_paragraph(line)
    doc.sections[0].footer.paragraphs[0].text = letter.footer
    buf = io.BytesIO()
    doc.save(buf)
    return fix_zip(buf.getvalue())


def _rtf_escape(s: str) -> str:
    s = s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    return "".join(c if ord(c) < 128 else f"\\'{ord(c):02x}" if ord(c) < 256 else "?" for c in s)


def to_rtf(letter: Letter) -> bytes:
    body = "\\par\n".join(_rtf_escape(line) for line in letter.text_lines())
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n" + body + "\\par\n}").encode("latin-1")


def to_txt(letter: Letter) -> bytes:
    return ("\n".join(letter.text_lines()) + "\n").encode("utf-8")


def to_html(letter: Letter, extra: str = "") -> bytes:
    from html import escape

    parts = [f"<p class='lh'>{'<br>'.join(escape(x) for x in HEADS[letter.head % 3])}</p>"]
    if letter.to:
        parts.append(f"<address>{'<br>'.join(escape(x) for x in letter.to)}</address>")
    parts.append(f"<p>{escape(letter.dated)}<br>{'<br>'.join(escape(f'{k}: {v}') for k, v in letter.refs)}</p>")
    parts.append(f"<h2>{escape(letter.title)}</h2>")
    if letter.salutation:
        parts.append(f"<p>{escape(letter.salutation)}</p>")
    for p in letter.paras:
        if isinstance(p, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in p.header)
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in p.rows)
            parts.append(f"<table border='1'><tr>{head}</tr>{rows}</table>")
        else:
            parts.append(f"<p>{escape(p)}</p>")
    parts.append(f"<p>Yours sincerely<br><br>{'<br>'.join(escape(x) for x in letter.sign)}</p>{extra}")
    parts.append(f"<footer><small>{escape(letter.footer)}</small></footer>")
    doc = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + escape(letter.title) + "</title></head><body>"
    return (doc + "\n".join(parts) + "</body></html>\n").encode("utf-8")


def render(letter: Letter, fmt: str) -> bytes:
    return {
        "pdf": lambda: to_pdf([letter]),
        "docx": lambda: to_docx(letter),
        "rtf": lambda: to_rtf(letter),
        "txt": lambda: to_txt(letter),
        "html": lambda: to_html(letter),
    }[fmt]()
