"""Letters as PDF (fpdf2, text layer): window envelopes with a reference box, right-hand blocks, classic."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from fpdf import FPDF

from . import org
from .letters import Letter, Page
from .people import fold

FIXED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PUNCT = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u00a0": " ",
    }
)


def latin(text: str) -> str:
    """Core PDF fonts carry Latin-1 only: keep é, ë, ø, fold the rest."""
    text = text.translate(PUNCT)
    return "".join(ch if ord(ch) < 256 else fold(ch) for ch in text)


class _Doc(FPDF):
    footer_text = ""

    def footer(self) -> None:
        if not self.footer_text:
            return
        self.set_y(-14)
        self.set_font("Helvetica", size=7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, latin(self.footer_text), align="C")
        self.set_text_color(0, 0, 0)


def _new_doc(title: str) -> _Doc:
    pdf = _Doc(unit="mm", format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_creator("Corella Correspondence 4.2")
    pdf.set_title(latin(title))
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(20, 15, 20)
    pdf.footer_text = (
        f"{org.ORG_LEGAL}  ABN {org.ORG_ABN[:2]} {org.ORG_ABN[2:5]} {org.ORG_ABN[5:8]} "
        f"{org.ORG_ABN[8:]}  |  {org.ORG_PHONE}  |  corellaclaims.example/privacy"
    )
    return pdf


def _wordmark(pdf: FPDF, x: float, y: float) -> None:
    pdf.set_fill_color(196, 64, 40)
    pdf.ellipse(x, y, 9, 9, style="F")
    pdf.set_xy(x + 11, y + 0.5)
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(60, 6, "CORELLA")
    pdf.set_xy(x + 11, y + 6)
    pdf.set_font("Helvetica", size=7.5)
    pdf.cell(60, 3.5, "CLAIMS SERVICES")


def _org_details(pdf: FPDF, x: float, y: float) -> None:
    pdf.set_font("Helvetica", size=7.5)
    abn = org.ORG_ABN
    for i, line in enumerate(
        [
            org.ORG_LEGAL,
            f"ABN {abn[:2]} {abn[2:5]} {abn[5:8]} {abn[8:]}",
            *org.ORG_POSTAL,
            f"T {org.ORG_PHONE}   F {org.ORG_FAX}",
            org.CLAIMS_EMAIL,
        ]
    ):
        pdf.set_xy(x, y + i * 3.6)
        pdf.cell(70, 3.6, latin(line))


def _lines(
    pdf: FPDF, x: float, y: float, lines: list[str], h: float = 5.0, size: float = 10, bold_first: bool = False
) -> float:
    for i, line in enumerate(lines):
        pdf.set_font("Helvetica", "B" if bold_first and i == 0 else "", size)
        pdf.set_xy(x, y + i * h)
        pdf.cell(90, h, latin(line))
    return y + len(lines) * h


def _table(pdf: FPDF, rows: list[list[str]], header: bool = True) -> None:
    width = 170 / max(1, len(rows[0]))
    for i, row in enumerate(rows):
        pdf.set_font("Helvetica", "B" if header and i == 0 else "", 9)
        pdf.set_x(20)
        for cell in row:
            pdf.cell(width, 6, latin(cell), border=1)
        pdf.ln(6)
    pdf.ln(3)


def _body(pdf: FPDF, letter: Letter, subject_first: bool) -> None:
    pdf.set_x(20)
    for line in letter.pre_greeting:
        pdf.set_font("Helvetica", size=10)
        pdf.set_x(20)
        pdf.cell(0, 5, latin(line), new_x="LMARGIN", new_y="NEXT")
    if letter.pre_greeting:
        pdf.ln(4)
    if subject_first and letter.subject:
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(0, 5, latin(letter.subject.upper()), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    if letter.salutation:
        pdf.set_font("Helvetica", size=10)
        pdf.cell(0, 5, latin(letter.salutation + ","), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    if not subject_first and letter.subject:
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(0, 5, latin("Re: " + letter.subject), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    for i, p in enumerate(letter.paras):
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, latin(p), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        if i == letter.table_after and letter.table:
            _table(pdf, letter.table)
    pdf.ln(2)
    for line in letter.signoff:
        pdf.set_font("Helvetica", size=10)
        pdf.cell(0, 5, latin(line), new_x="LMARGIN", new_y="NEXT")


def _enclosure(pdf: FPDF, page: Page) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 8, latin(page.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for line in page.lines:
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 6, latin(line), align="L", new_x="LMARGIN", new_y="NEXT")
    if page.table:
        pdf.ln(3)
        _table(pdf, page.table)


def add_letter(pdf: _Doc, letter: Letter, layout: str) -> None:
    """Append one letter (and its enclosures) in a layout: window | right | classic | plain."""
    pdf.add_page()
    if layout == "window":
        _wordmark(pdf, 20, 14)
        _org_details(pdf, 138, 12)
        pdf.set_font("Helvetica", size=6.5)
        pdf.set_xy(22, 42)
        pdf.cell(90, 3, latin(f"If undelivered please return to {org.ORG_POSTAL[0]}, {org.ORG_POSTAL[1]}"))
        y = 47.0
        if letter.confidential:
            pdf.set_font("Helvetica", "B", 9)
            pdf.set_xy(22, y)
            pdf.cell(90, 4, "PRIVATE & CONFIDENTIAL")
            y += 6
        _lines(pdf, 22, y, letter.block)
        pdf.set_draw_color(120, 120, 120)
        rows = letter.refs
        pdf.rect(118, 47, 72, 6.5 * len(rows) + 3)
        for i, (label, value) in enumerate(rows):
            pdf.set_xy(121, 49 + i * 6.5)
            pdf.set_font("Helvetica", "B", 8.5)
            pdf.cell(26, 6, latin(label))
            pdf.set_font("Helvetica", size=8.5)
            pdf.cell(42, 6, latin(value))
        pdf.set_y(max(97.0, y + 5 * len(letter.block) + 10))
        _body(pdf, letter, subject_first=True)
    elif layout == "right":
        pdf.set_font("Helvetica", "B", 16)
        pdf.set_xy(20, 14)
        pdf.cell(170, 7, "CORELLA CLAIMS SERVICES", align="C")
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(20, 21)
        pdf.cell(170, 4, latin(f"{', '.join(org.ORG_STREET)}  |  {org.ORG_PHONE}  |  {org.CLAIMS_EMAIL}"), align="C")
        pdf.set_xy(20, 40)
        pdf.set_font("Helvetica", size=10)
        pdf.cell(60, 5, latin(letter.date))
        y = 40.0
        if letter.confidential:
            pdf.set_font("Helvetica", "B", 9)
            pdf.set_xy(112, y)
            pdf.cell(80, 4, "PRIVATE & CONFIDENTIAL")
            y += 7
        end = _lines(pdf, 112, y, letter.block)
        pdf.set_y(end + 10)
        letter = _with_refs_above(letter)
        _body(pdf, letter, subject_first=False)
    else:  # classic / plain: everything on the left
        if layout == "classic":
            _wordmark(pdf, 20, 14)
            _org_details(pdf, 138, 12)
            y = 42.0
        else:
            pdf.set_font("Helvetica", "B", 11)
            pdf.set_xy(20, 15)
            pdf.cell(0, 5, org.ORG_LEGAL)
            y = 28.0
        pdf.set_xy(20, y)
        pdf.set_font("Helvetica", size=10)
        pdf.cell(60, 5, latin(letter.date))
        y += 10
        if letter.confidential:
            pdf.set_font("Helvetica", "B", 9)
            pdf.set_xy(20, y)
            pdf.cell(80, 4, "PRIVATE & CONFIDENTIAL")
            y += 6
        end = _lines(pdf, 20, y, letter.block)
        pdf.set_y(end + 8)
        _body(pdf, _with_refs_above(letter), subject_first=layout == "classic")
    for page in letter.enclosures:
        _enclosure(pdf, page)


def _with_refs_above(letter: Letter) -> Letter:
    """Put the reference lines ('Our ref', 'Claim no.') between the address block and the greeting."""
    if letter.pre_greeting or not letter.refs:
        return letter
    wanted = [(k, v) for k, v in letter.refs if k not in ("Date",)]
    lines = []
    for k, v in wanted:
        label = {"Claim number": "Claim no.", "Case manager": "Enquiries", "Direct line": "Phone"}.get(k, k)
        lines.append(f"{label}: {v}")
    return replace(letter, pre_greeting=lines)


def pdf_letters(letters: list[Letter], layout: str, password: str | None = None) -> bytes:
    pdf = _new_doc(letters[0].subject if letters else "Letter")
    for letter in letters:
        add_letter(pdf, letter, layout)
    if password:
        pdf.set_encryption(owner_password="corella-records-" + password, user_password=password)
    return bytes(pdf.output())


def pdf_letter(letter: Letter, layout: str, password: str | None = None) -> bytes:
    return pdf_letters([letter], layout, password)


def pdf_pages(title: str, pages: list[Page]) -> bytes:
    """A document without a letter: a report, a schedule, a form."""
    pdf = _new_doc(title)
    for p in pages:
        _enclosure(pdf, p)
    return bytes(pdf.output())


def pdf_form(title: str, fields: list[tuple[str, str]], note: str = "") -> bytes:
    """A filled-in claim form: labelled boxes, one field per row."""
    pdf = _new_doc(title)
    pdf.add_page()
    _wordmark(pdf, 20, 14)
    pdf.set_xy(20, 32)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, latin(title))
    pdf.set_y(44)
    for label, value in fields:
        if not label:
            pdf.ln(3)
            continue
        pdf.set_font("Helvetica", "B", 9)
        pdf.set_x(20)
        pdf.cell(45, 7, latin(label), border=1)
        pdf.set_font("Helvetica", size=10)
        pdf.cell(125, 7, latin(value), border=1, new_x="LMARGIN", new_y="NEXT")
    if note:
        pdf.ln(5)
        pdf.set_font("Helvetica", size=9)
        pdf.multi_cell(0, 5, latin(note), align="L")
    return bytes(pdf.output())
