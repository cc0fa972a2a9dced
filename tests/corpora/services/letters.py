"""A letter as the organisation's templates lay it out, and its PDF rendering (fpdf2)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fpdf import FPDF

from . import org
from .names import latin1_fold

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FIXED_DATE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Page:
    """A further page that travels with a letter: a rent ledger, a case summary, a form."""

    title: str
    lines: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None


@dataclass
class LetterDoc:
    block: list[str]  # the address block; empty for a letter without one
    refs: list[tuple[str, str]] = field(default_factory=list)  # the reference box: ("Our ref", "HS/2291")
    date: str = ""
    pre: list[str] = field(default_factory=list)  # lines between the block and the greeting
    salutation: str | None = None
    heading: str = ""
    paras: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None  # first row is the header
    after: list[str] = field(default_factory=list)  # paragraphs after the table
    sign: list[str] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    return_line: str = org.RETURN_LINE
    unit_name: str = "Tenancy Services"  # the branch named under the letterhead
    form: list[tuple[str, str]] = field(default_factory=list)  # labelled form fields (Street:, Suburb: ...)


class _Pdf(FPDF):
    def __init__(self, unicode_font: bool) -> None:
        super().__init__(format="A4", unit="mm")
        self.uni = unicode_font and os.path.exists(DEJAVU) and os.path.exists(DEJAVU_BOLD)
        if self.uni:
            self.add_font("DejaVu", "", DEJAVU)
            self.add_font("DejaVu", "B", DEJAVU_BOLD)
        self.family_name = "DejaVu" if self.uni else "Helvetica"
        self.set_creation_date(FIXED_DATE)
        self.set_margins(20, 15, 20)
        self.set_auto_page_break(True, margin=22)
        self.footer_text = f"{org.ORG_NAME}  ABN {org.ABN}  |  {org.POSTAL}  |  {org.PHONE}  |  {org.WEB}"

    def t(self, text: str) -> str:
        if self.uni:
            return text
        text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'").replace("\u2018", "'")
        return latin1_fold(text).encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.family_name, "B" if bold else "", size)

    def footer(self) -> None:
        self.set_y(-15)
        self.font(7)
        self.cell(0, 4, self.t(self.footer_text), align="C")
        self.ln(4)
        self.cell(0, 4, f"Page {self.page_no()}", align="R")

    def line_out(self, text: str, h: float = 5.2, size: float = 10, bold: bool = False) -> None:
        self.font(size, bold)
        self.multi_cell(0, h, self.t(text), new_x="LMARGIN", new_y="NEXT")

    def letterhead(self, unit: str) -> None:
        self.set_xy(20, 12)
        self.font(15, True)
        self.cell(110, 7, self.t(org.ORG_NAME))
        self.font(7.5)
        for i, text in enumerate([org.STREET, org.TOWN, f"Phone {org.PHONE}", f"ABN {org.ABN}"]):
            self.set_xy(150, 11 + i * 3.6)
            self.cell(45, 3.6, self.t(text), align="R")
        self.set_xy(20, 20)
        self.font(9)
        self.cell(110, 5, self.t(unit))
        self.set_draw_color(40, 90, 120)
        self.line(20, 28, 190, 28)


def _body(pdf: _Pdf, doc: LetterDoc) -> None:
    for line in doc.pre:
        pdf.line_out(line, bold=line.endswith(":") or line.isupper())
    if doc.pre:
        pdf.ln(3)
    if doc.salutation:
        pdf.line_out(doc.salutation)
        pdf.ln(2)
    if doc.heading:
        pdf.line_out(doc.heading, bold=True, size=11)
        pdf.ln(1.5)
    for para in doc.paras:
        pdf.line_out(para)
        pdf.ln(2.5)
    if doc.form:
        for label, value in doc.form:
            pdf.font(10, True)
            pdf.cell(40, 7, pdf.t(label), border=1)
            pdf.font(10)
            pdf.cell(110, 7, pdf.t(value), border=1, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    if doc.table:
        _table(pdf, doc.table)
    for para in doc.after:
        pdf.line_out(para)
        pdf.ln(2.5)
    for line in doc.sign:
        pdf.line_out(line)


def _table(pdf: _Pdf, rows: list[list[str]]) -> None:
    widths = [170 / len(rows[0])] * len(rows[0])
    for r, row in enumerate(rows):
        pdf.font(8.5, r == 0)
        for w, value in zip(widths, row, strict=True):
            pdf.cell(w, 6, pdf.t(value), border=1)
        pdf.ln(6)
    pdf.ln(3)


def _block_window(pdf: _Pdf, doc: LetterDoc) -> None:
    # Address block in the envelope window; the reference box beside it at the same height.
    pdf.set_xy(22, 40)
    pdf.font(6.5)
    pdf.cell(90, 3, pdf.t(doc.return_line))
    pdf.font(10)
    for i, line in enumerate(doc.block):
        pdf.set_xy(22, 47 + i * 5)
        pdf.cell(88, 5, pdf.t(line))
    rows = list(doc.refs) + ([("Date", doc.date)] if doc.date else [])
    pdf.set_draw_color(120, 120, 120)
    pdf.rect(120, 42, 70, 6 + 5.2 * len(rows))
    for i, (label, value) in enumerate(rows):
        pdf.set_xy(123, 45 + i * 5.2)
        pdf.font(8.5, True)
        pdf.cell(24, 5, pdf.t(label))
        pdf.font(8.5)
        pdf.cell(42, 5, pdf.t(value))
    pdf.set_xy(20, max(85, 47 + 5 * len(doc.block) + 10))


def _block_govt(pdf: _Pdf, doc: LetterDoc) -> None:
    # Reference block top right first, then the address block at left under it.
    y = 33.0
    for label, value in doc.refs:
        pdf.set_xy(125, y)
        pdf.font(9)
        pdf.cell(65, 4.6, pdf.t(f"{label}: {value}" if label else value), align="R")
        y += 4.6
    if doc.date:
        pdf.set_xy(125, y + 2)
        pdf.cell(65, 4.6, pdf.t(doc.date), align="R")
    pdf.set_xy(20, max(y + 10, 55))
    for line in doc.block:
        pdf.line_out(line, h=5)
    pdf.ln(6)


def _block_plain(pdf: _Pdf, doc: LetterDoc) -> None:
    pdf.set_xy(20, 36)
    if doc.date:
        pdf.line_out(doc.date)
        pdf.ln(4)
    for line in doc.block:
        pdf.line_out(line, h=5)
    pdf.ln(4)
    for label, value in doc.refs:
        pdf.line_out(f"{label}: {value}", h=4.8, size=9)
    pdf.ln(4)


def _notice(pdf: _Pdf, doc: LetterDoc) -> None:
    pdf.set_xy(22, 40)
    pdf.font(10)
    for i, line in enumerate(doc.block):
        pdf.set_xy(22, 47 + i * 5)
        pdf.cell(88, 5, pdf.t(line))
    pdf.set_xy(20, 80)
    pdf.line_out(doc.heading.upper(), size=16, bold=True, h=8)
    pdf.ln(3)
    if doc.date:
        pdf.line_out(f"Date of notice: {doc.date}")
        pdf.ln(2)
    doc_no_heading = LetterDoc(
        block=[],
        pre=doc.pre,
        salutation=doc.salutation,
        paras=doc.paras,
        table=doc.table,
        after=doc.after,
        sign=doc.sign,
        form=doc.form,
    )
    _body(pdf, doc_no_heading)


def _latin1(doc: LetterDoc) -> bool:
    text = " ".join(
        [
            *doc.block,
            *doc.pre,
            doc.salutation or "",
            *doc.paras,
            *doc.after,
            *doc.sign,
            *(v for _k, v in doc.refs),
            *(v for row in (doc.table or []) for v in row),
        ]
    )
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


LAYOUTS = {"window": _block_window, "govt": _block_govt, "plain": _block_plain}


def render_pdf(
    docs: list[LetterDoc], layout: str = "window", *, unicode_font: bool | None = None, encrypt_password: str = ""
) -> bytes:
    """One PDF of one or more letters (a merged print file when several); each letter starts a page."""
    if unicode_font is None:  # modern templates embed a Unicode font only when a name needs it (fast otherwise)
        unicode_font = layout in ("govt", "plain") and not all(_latin1(d) for d in docs)
    uni = unicode_font
    pdf = _Pdf(uni)
    for doc in docs:
        pdf.add_page()
        pdf.letterhead(doc.unit_name)
        if layout == "notice":
            _notice(pdf, doc)
        else:
            LAYOUTS[layout](pdf, doc)
            _body(pdf, doc)
        for page in doc.pages:
            pdf.add_page()
            pdf.set_xy(20, 34)
            pdf.line_out(page.title, size=12, bold=True)
            pdf.ln(2)
            for line in page.lines:
                pdf.line_out(line, size=9.5)
            pdf.ln(2)
            if page.table:
                _table(pdf, page.table)
    if encrypt_password:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password="ohcs-owner-" + encrypt_password,
            user_password=encrypt_password,
            encryption_method=EncryptionMethod.AES_128,
        )
    return bytes(pdf.output())
