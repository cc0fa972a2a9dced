"""Letters as PDF with fpdf2: window-envelope layout (address block at the window, an account box to its right
at the same height, drawn line by line so the text stream interleaves the two columns), plain letterhead
layouts, tear-off payment slips, multi-page letters and merged print files of many letters."""

from __future__ import annotations

import os
import textwrap
from datetime import UTC, datetime

from fpdf import FPDF

from . import org
from .letters import Block, Letter, block_text
from .people import fold

_FONT_DIR = "/usr/share/fonts/truetype/dejavu"
_HAS_TTF = os.path.exists(os.path.join(_FONT_DIR, "DejaVuSans.ttf"))
FIXED_DATE = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def _latin1(text: str) -> str:
    """Core PDF fonts only carry Latin-1: fold what they cannot print (Nguyễn -> Nguyen), as old print runs do."""
    out = []
    for ch in text:
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(fold(ch) if fold(ch).isascii() else "?")
    return "".join(out)


class _Pdf(FPDF):
    def __init__(self, footer: bool = True, unicode: bool = False) -> None:
        super().__init__(format="A4", unit="mm")
        self.show_footer = footer
        self.unicode = unicode and _HAS_TTF
        if self.unicode:
            self.add_font("Body", "", os.path.join(_FONT_DIR, "DejaVuSans.ttf"))
            self.add_font("Body", "B", os.path.join(_FONT_DIR, "DejaVuSans-Bold.ttf"))
            self.family_name = "Body"
        else:
            self.family_name = "Helvetica"
        self.set_creation_date(FIXED_DATE)
        self.set_creator("Tallowwood print services")
        self.set_auto_page_break(True, margin=22)
        self.set_margins(20, 15, 18)

    def t(self, text: str) -> str:
        return text if self.unicode else _latin1(text)

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.family_name, "B" if bold else "", size)

    def footer(self) -> None:
        if not self.show_footer:
            return
        self.set_y(-16)
        self.font(6.5)
        self.set_text_color(90, 90, 90)
        half = org.FOOTER.index("|  Faults")
        for part in (org.FOOTER[:half], org.FOOTER[half + 3 :]):
            self.cell(0, 3, self.t(part.strip()), align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)

    def para(self, text: str, h: float = 5, width: int = 92) -> None:
        """Wrap by character count and print line by line: far cheaper than fpdf2's multi_cell, which measures
        every glyph; the letters only need a plausible line length."""
        for chunk in text.split("\n"):
            for line in textwrap.wrap(chunk, width) or [""]:
                self.cell(0, h, self.t(line), new_x="LMARGIN", new_y="NEXT")

    def line_at(self, x: float, y: float, text: str, size: float = 10, bold: bool = False, w: float = 0) -> None:
        self.set_xy(x, y)
        self.font(size, bold)
        self.cell(w or 85, 4.6, self.t(text))


def _letterhead(pdf: _Pdf, style: str) -> None:
    if style == "left":
        pdf.set_text_color(11, 93, 82)
        pdf.line_at(20, 12, org.NAME, 16, True, 120)
        pdf.set_text_color(0, 0, 0)
        for i, line in enumerate(org.LETTERHEAD[1:]):
            pdf.line_at(20, 20 + i * 4, line, 7.5, w=150)
    else:  # name left, contact details stacked at the right
        pdf.set_text_color(11, 93, 82)
        pdf.line_at(20, 14, org.NAME, 15, True, 100)
        pdf.set_text_color(0, 0, 0)
        for i, line in enumerate(
            [
                org.STREET,
                org.LOCALITY,
                f"{org.POSTAL}, {org.POSTAL_LOCALITY}",
                f"Phone {org.PHONE}",
                org.WEBSITE,
                f"ABN {org.ABN}",
            ]
        ):
            pdf.line_at(140, 10 + i * 3.6, line, 7, w=55)


def _body(pdf: _Pdf, blocks: list[Block]) -> None:
    for b in blocks:
        kind = b[0]
        if kind == "break":
            pdf.add_page()
            pdf.set_y(22)
            continue
        if kind == "h":
            pdf.font(10.5, True)
            pdf.para(b[1], 5.5, 80)
        elif kind in ("p", "small"):
            pdf.font(7.5 if kind == "small" else 10)
            pdf.para(b[1], 4.2 if kind == "small" else 5, 120 if kind == "small" else 92)
        elif kind in ("kv", "form"):
            for k, v in b[1]:
                pdf.font(10, kind == "form")
                y = pdf.get_y()
                pdf.set_x(22)
                pdf.cell(55, 5.2, pdf.t(k))
                pdf.font(10)
                pdf.set_xy(80, y)
                pdf.cell(0, 5.2, pdf.t(v), new_x="LMARGIN", new_y="NEXT")
        elif kind == "table":
            header, rows = b[1], b[2]
            longest = [max(len(str(r[i])) for r in [header, *rows]) + 2 for i in range(len(header))]
            widths = [(pdf.w - 40) * n / sum(longest) for n in longest]
            pdf.font(8.5, True)
            for c, w in zip(header, widths, strict=True):
                pdf.cell(w, 6, pdf.t(str(c)), border=1)
            pdf.ln()
            pdf.font(8.5)
            for r in rows:
                for c, w in zip(r, widths, strict=True):
                    pdf.cell(w, 6, pdf.t(str(c)), border=1)
                pdf.ln()
        else:
            for line in block_text(b):
                pdf.para(line)
        pdf.ln(2.5)


def _slip(pdf: _Pdf, slip: list[tuple[str, str]]) -> None:
    if pdf.get_y() > 205:
        pdf.add_page()
    y = 222
    pdf.set_draw_color(120, 120, 120)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.line(15, y, 195, y)
    pdf.set_dash_pattern()
    pdf.line_at(20, y + 1.5, "Payment slip - detach and return with your payment", 7)
    right = [
        f"BPAY Biller code: {org.BILLER_CODE}",
        "Telephone & Internet Banking - BPAY(R)",
        f"Billpay code: {org.BILLPAY_CODE}",
        "Pay in person at any post office",
        f"Centrepay and hardship help: {org.HARDSHIP_PHONE}",
    ]
    for i in range(max(len(slip), len(right))):
        if i < len(slip):
            k, v = slip[i]
            pdf.line_at(20, y + 7 + i * 4.6, f"{k}  {v}" if k else v, 9, w=95)
        if i < len(right):
            pdf.line_at(122, y + 7 + i * 4.6, right[i], 8.5, w=72)


def add_letter(pdf: _Pdf, letter: Letter, layout: str) -> None:
    pdf.add_page()
    if letter.letterhead:
        _letterhead(pdf, "left" if layout == "window" else "right")
    y0 = 47 if layout == "window" else 42
    if letter.return_line:
        pdf.line_at(20, y0 - 5, f"If undelivered return to {org.POSTAL}, {org.POSTAL_LOCALITY}", 6.5, w=90)
    box = letter.box if layout in ("window", "right") else []
    for i in range(max(len(letter.block), len(box))):
        if i < len(letter.block):
            pdf.line_at(20, y0 + i * 4.8, letter.block[i], 10, w=92)
        if i < len(box):
            k, v = box[i]
            pdf.line_at(120, y0 + i * 4.8, k, 8.5, w=33)
            pdf.line_at(153, y0 + i * 4.8, v, 8.5, True, w=42)
    y = y0 + max(len(letter.block), len(box)) * 4.8 + 10
    if layout == "window":
        y = max(y, 92)
    pdf.set_xy(20, y)
    pdf.font(10)
    if layout == "plain" and letter.box:
        for k, v in letter.box:
            pdf.cell(0, 5, pdf.t(f"{k}: {v}" if k else v), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    for m in letter.meta:
        pdf.cell(0, 5, pdf.t(m), new_x="LMARGIN", new_y="NEXT")
    if letter.date and layout != "window":
        pdf.cell(0, 5, pdf.t(letter.date), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if letter.heading:
        pdf.font(12, True)
        pdf.para(letter.heading, 6, 70)
        pdf.ln(3)
    if letter.salutation:
        pdf.font(10)
        pdf.cell(0, 5, pdf.t(letter.salutation), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    _body(pdf, letter.body)
    pdf.font(10)
    for line in letter.closing:
        pdf.cell(0, 5, pdf.t(line), new_x="LMARGIN", new_y="NEXT")
    if letter.slip:
        _slip(pdf, letter.slip)


def render_pdf(
    letters: list[Letter], layout: str = "window", password: str | None = None, unicode: bool = False
) -> bytes:
    """One PDF holding one letter, or a merged print file of several (each starts on a new page).

    Most print streams use the printer's Latin-1 core fonts, so names outside Latin-1 come out folded
    (Nguyễn -> Nguyen); ``unicode`` embeds a Unicode TrueType font instead (slower: fonts are subset per file)."""
    pdf = _Pdf(unicode=unicode)
    pdf.set_title("Correspondence")
    for letter in letters:
        add_letter(pdf, letter, layout)
    if password:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password=password + "-owner", user_password=password, encryption_method=EncryptionMethod.RC4
        )
    return bytes(pdf.output())


def render_image_only_pdf() -> bytes:
    """A 'scanned' page with no text layer: only drawn boxes, as a flatbed scan would have pixels."""
    pdf = _Pdf(footer=False)
    pdf.add_page()
    for i in range(30):
        pdf.rect(20 + (i % 5) * 30, 30 + (i // 5) * 20, 25, 3, style="F")
    return bytes(pdf.output())
