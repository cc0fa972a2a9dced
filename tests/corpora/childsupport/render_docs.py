"""Letters as the agency's systems print them: PDF (window envelope, two columns, tear-off slips), DOCX, RTF,
HTML and TXT, every byte fixed for a seed."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime

from docx import Document
from fpdf import FPDF

from .world import AGENCY

FIXED = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
PHONES = "Enquiries 1300 555 014  |  Payments 1300 555 027  |  TTY 1800 555 677"


@dataclass
class Letter:
    """What a letter says; the renderers decide how it looks."""

    to_lines: list[str]
    date: str
    refs: list[tuple[str, str]]
    title: str
    salutation: str
    body: list[str | list[list[str]]]
    sign: list[str] = field(default_factory=lambda: ["Yours sincerely", "", "Assessment Services", AGENCY])
    slip: list[tuple[str, str]] | None = None
    footer: str = PHONES
    style: str = "window"  # window, twocol, plain
    branch: str = "GPO Box 9910, Melbourne VIC 3001"


def latin(text: str) -> str:
    """Core PDF fonts are Latin-1 only."""
    table = {
        "\u2014": "-",
        "\u2013": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": "<<",
        "\u00bb": ">>",
        "\u2022": "-",
    }
    return "".join(table.get(ch, ch) for ch in text).encode("latin-1", "replace").decode("latin-1")


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_margins(20, 15, 20)
    return pdf


def _letterhead(pdf: FPDF, letter: Letter) -> None:
    pdf.set_font("helvetica", "B", 14)
    pdf.cell(0, 7, AGENCY, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 8)
    pdf.cell(0, 4, latin(letter.branch + "  |  www.sccsa.example"), new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, rows: list[list[str]]) -> None:
    pdf.set_font("helvetica", "", 9)
    width = (pdf.w - 40) / max(len(r) for r in rows)
    for i, row in enumerate(rows):
        pdf.set_font("helvetica", "B" if i == 0 else "", 9)
        for cell in row:
            pdf.cell(width, 6, latin(cell), border=1)
        pdf.ln(6)
    pdf.ln(2)


def _body(pdf: FPDF, letter: Letter) -> None:
    pdf.set_font("helvetica", "B", 11)
    pdf.multi_cell(0, 6, latin(letter.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, latin(letter.salutation), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    for part in letter.body:
        if isinstance(part, list):
            _table(pdf, part)
        else:
            pdf.set_font("helvetica", "", 10)
            pdf.multi_cell(0, 5, latin(part), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    for line in letter.sign:
        pdf.cell(0, 5, latin(line), new_x="LMARGIN", new_y="NEXT")


def _slip(pdf: FPDF, letter: Letter) -> None:
    if not letter.slip:
        return
    if pdf.get_y() > 220:
        pdf.add_page()
    pdf.set_y(max(pdf.get_y() + 6, 225))
    pdf.set_font("courier", "", 8)
    pdf.cell(
        0,
        4,
        "- - - - - - - - - - - - - - - - - - - - detach and return with your payment - - - - - - - - - -",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("helvetica", "B", 10)
    pdf.cell(0, 6, "Payment slip", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 9)
    for k, v in letter.slip:
        pdf.cell(45, 5, latin(k))
        pdf.cell(0, 5, latin(v), new_x="LMARGIN", new_y="NEXT")


def _footer(pdf: FPDF, letter: Letter) -> None:
    pdf.set_y(-18)
    pdf.set_font("helvetica", "", 7)
    pdf.cell(0, 4, latin(letter.footer), align="C")


def letter_pdf(letter: Letter) -> bytes:
    pdf = _pdf()
    pdf.add_page()
    _letterhead(pdf, letter)
    if letter.style == "twocol":
        top = 40
        pdf.set_xy(20, top)
        pdf.set_font("helvetica", "", 10)
        for line in letter.to_lines:
            pdf.set_x(20)
            pdf.cell(85, 5, latin(line), new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(120, top)
        pdf.set_font("helvetica", "", 9)
        for k, v in [("Date", letter.date), *letter.refs]:
            pdf.set_x(120)
            pdf.cell(32, 5, latin(k))
            pdf.cell(38, 5, latin(v), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(top + 8 + 5 * max(len(letter.to_lines), len(letter.refs) + 1))
    else:
        # window envelope: the address block sits 45 mm down, 20 mm in
        pdf.set_font("helvetica", "", 7)
        pdf.set_xy(20, 38)
        pdf.cell(0, 4, latin(f"If undeliverable return to {letter.branch}"))
        pdf.set_font("helvetica", "", 10)
        pdf.set_xy(20, 45)
        for line in letter.to_lines:
            pdf.set_x(20)
            pdf.cell(90, 5, latin(line), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(82)
        pdf.set_font("helvetica", "", 9)
        pdf.cell(0, 5, latin(letter.date), new_x="LMARGIN", new_y="NEXT")
        for k, v in letter.refs:
            pdf.cell(0, 5, latin(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    _body(pdf, letter)
    _slip(pdf, letter)
    _footer(pdf, letter)
    return bytes(pdf.output())


def letters_pdf(letters: list[Letter]) -> bytes:
    """Several letters in one merged PDF, each starting on its own page."""
    pdf = _pdf()
    for letter in letters:
        pdf.add_page()
        _letterhead(pdf, letter)
        pdf.set_font("helvetica", "", 10)
        pdf.set_xy(20, 45)
        for line in letter.to_lines:
            pdf.set_x(20)
            pdf.cell(90, 5, latin(line), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(82)
        pdf.set_font("helvetica", "", 9)
        pdf.cell(0, 5, latin(letter.date), new_x="LMARGIN", new_y="NEXT")
        for k, v in letter.refs:
            pdf.cell(0, 5, latin(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        _body(pdf, letter)
        _footer(pdf, letter)
    return bytes(pdf.output())


def fixed_zip(data: bytes) -> bytes:
    """Rewrite an Office zip with fixed timestamps and order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 3, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def letter_docx(letter: Letter) -> bytes:
    doc = Document()
    doc.core_properties.created = FIXED.replace(tzinfo=None)
    doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.core_properties.last_modified_by = "SCCSA Correspondence"
    doc.core_properties.author = "SCCSA Correspondence"
    doc.core_properties.revision = 1
    doc.add_heading(AGENCY, level=1)
    doc.add_paragraph(letter.branch)
    if letter.style == "twocol":
        t = doc.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "\n".join(letter.to_lines)
        t.cell(0, 1).text = "\n".join([f"Date: {letter.date}", *[f"{k}: {v}" for k, v in letter.refs]])
    else:
        for line in letter.to_lines:
            doc.add_paragraph(line)
        doc.add_paragraph(letter.date)
        for k, v in letter.refs:
            doc.add_paragraph(f"{k}: {v}")
    doc.add_heading(letter.title, level=2)
    doc.add_paragraph(letter.salutation)
    for part in letter.body:
        if isinstance(part, list):
            t = doc.add_table(rows=len(part), cols=len(part[0]))
            t.style = "Table Grid"
            for i, row in enumerate(part):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        else:
            doc.add_paragraph(part)
    for line in letter.sign:
        doc.add_paragraph(line)
    if letter.slip:
        doc.add_paragraph("- - - - - - - - detach and return with your payment - - - - - - - -")
        t = doc.add_table(rows=len(letter.slip), cols=2)
        for i, (k, v) in enumerate(letter.slip):
            t.cell(i, 0).text, t.cell(i, 1).text = k, v
    doc.sections[0].footer.paragraphs[0].text = letter.footer
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip(buf.getvalue())


def _rtf_escape(text: str) -> str:
    out = []
    for ch in latin(text):
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\'{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def _plain_lines(letter: Letter) -> list[str]:
    lines = [AGENCY, letter.branch, ""]
    lines += letter.to_lines + ["", letter.date] + [f"{k}: {v}" for k, v in letter.refs] + ["", letter.title, ""]
    lines.append(letter.salutation)
    lines.append("")
    for part in letter.body:
        if isinstance(part, list):
            lines += ["  ".join(f"{c:<18}" for c in row).rstrip() for row in part]
        else:
            lines.append(part)
        lines.append("")
    lines += letter.sign
    if letter.slip:
        lines += ["", "-" * 30 + " cut here " + "-" * 30] + [f"{k:<22}{v}" for k, v in letter.slip]
    lines += ["", letter.footer]
    return lines


def letter_rtf(letter: Letter) -> bytes:
    body = "\\par\n".join(_rtf_escape(line) for line in _plain_lines(letter))
    doc = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n" + body + "\\par\n}"
    return doc.encode("latin-1")


def letter_txt(letter: Letter) -> bytes:
    return ("\n".join(_plain_lines(letter)) + "\n").encode("utf-8")


def letter_html(letter: Letter) -> bytes:
    from html import escape

    parts = [
        f"<html><head><meta charset='utf-8'><title>{escape(letter.title)}</title></head><body>",
        f"<header><h1>{AGENCY}</h1><p>{escape(letter.branch)}</p></header>",
        "<div class='address'>" + "<br>".join(escape(x) for x in letter.to_lines) + "</div>",
        f"<p>{escape(letter.date)}</p>",
        "<table class='refs'>",
    ]
    parts += [f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in letter.refs]
    parts += ["</table>", f"<h2>{escape(letter.title)}</h2>", f"<p>{escape(letter.salutation)}</p>"]
    for part in letter.body:
        if isinstance(part, list):
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in part)
            parts.append(f"<table border='1'>{rows}</table>")
        else:
            parts.append(f"<p>{escape(part)}</p>")
    parts.append("<p>" + "<br>".join(escape(x) for x in letter.sign) + "</p>")
    parts.append(f"<footer><small>{escape(letter.footer)}</small></footer></body></html>")
    return "\n".join(parts).encode("utf-8")


RENDER = {"pdf": letter_pdf, "docx": letter_docx, "rtf": letter_rtf, "txt": letter_txt, "html": letter_html}


def render(letter: Letter, fmt: str) -> bytes:
    return RENDER[fmt](letter)
