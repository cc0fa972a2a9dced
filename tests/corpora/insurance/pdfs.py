"""PDF letters drawn with fpdf2 at fixed positions, the way billing and claims systems print them.

Layouts: 'window' (address in the envelope window, a 'Policy details' box beside it), 'right' (address
block right-aligned), 'topleft' (address top-left, the reference block under it, a 'Re:' line), 'columns'
(address lines and claim-summary rows drawn row by row, so reading order interleaves them), 'plain'.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import fpdf
import fpdf.encryption
from fpdf import FPDF

from . import org
from .letters import Letter

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_DEJAVU_B = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FIXED_DATE = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)


def _latin1(s: str) -> bool:
    try:
        s.encode("latin-1")
        return True
    except UnicodeEncodeError:
        return False


def _fold(s: str) -> str:
    from .people import ascii_fold

    return "".join(ch if _latin1(ch) else ascii_fold(ch) for ch in s)


class _Doc(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(self.body_font, "", 6.5)
        self.set_text_color(90, 90, 90)
        self.multi_cell(0, 3, self.footer_text, align="C")
        self.set_text_color(0, 0, 0)

    body_font = "helvetica"


def _all_text(letters: list[Letter]) -> str:
    parts: list[str] = []
    for lt in letters:
        parts += lt.to_lines + [lt.date, lt.heading, lt.dear or ""] + lt.body + lt.signoff() + lt.after_block
        parts += [f"{k} {v}" for k, v in lt.details] + [c for r in (lt.table or []) for c in r]
        parts += [x for p in lt.extra_pages for x in p] + [lt.footer]
    return "\n".join(parts)


@contextmanager
def _seeded_urandom(seed: int) -> Iterator[None]:
    """fpdf2 draws encryption salts from os.urandom; the corpus must be byte-for-byte repeatable."""
    rng = random.Random(seed)
    saved = fpdf.encryption.urandom  # type: ignore[attr-defined]
    fpdf.encryption.urandom = lambda n: bytes(rng.getrandbits(8) for _ in range(n))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        fpdf.encryption.urandom = saved  # type: ignore[attr-defined]


def render(
    letters: list[Letter],
    layout: str | list[str] = "window",
    *,
    font: str = "helvetica",
    encrypt: str | None = None,
    seed: int = 0,
    title: str = "",
    producer: str = "ClaimCentre DocGen 7.2",
) -> bytes:
    layouts = [layout] * len(letters) if isinstance(layout, str) else layout
    pdf = _Doc(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_creator(producer)
    pdf.set_author(org.SHORT)
    if title:
        pdf.set_title(title)
    text = _all_text(letters)
    fold = False
    if not _latin1(text):
        if _DEJAVU.exists() and _DEJAVU_B.exists():
            pdf.add_font("dejavu", "", str(_DEJAVU))
            pdf.add_font("dejavu", "B", str(_DEJAVU_B))
            font = "dejavu"
        else:
            fold = True
    pdf.body_font = font
    pdf.set_auto_page_break(True, margin=22)
    for lt, lay in zip(letters, layouts, strict=True):
        _Writer(pdf, lt, font, fold).draw(lay)
    if encrypt == "user":
        pdf.set_encryption(owner_password="bw-claims-owner", user_password="Claim2025")
    elif encrypt == "owner":
        pdf.set_encryption(owner_password="bw-claims-owner", permissions=fpdf.enums.AccessPermission.PRINT_LOW_RES)
    with _seeded_urandom(seed):
        return bytes(pdf.output())


class _Writer:
    def __init__(self, pdf: _Doc, lt: Letter, font: str, fold: bool) -> None:
        self.pdf, self.lt, self.font, self.fold = pdf, lt, font, fold
        pdf.footer_text = self.t(lt.footer)

    def t(self, s: str) -> str:
        return _fold(s) if self.fold else s

    def f(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font(self.font, "B" if bold else "", size)

    def at(
        self, x: float, y: float, s: str, size: float = 10, bold: bool = False, w: float = 0, align: str = "L"
    ) -> None:
        self.f(size, bold)
        self.pdf.set_xy(x, y)
        self.pdf.cell(w or self.pdf.get_string_width(self.t(s)) + 1, size * 0.45, self.t(s), align=align)

    def letterhead(self, x: float, align: str = "L") -> None:
        lines = org.letterhead_lines()
        self.at(x, 12, lines[0], 13, True, w=80 if align != "L" else 0, align=align)
        for i, ln in enumerate(lines[1:]):
            self.at(x, 19 + i * 3.6, ln, 7.5, w=80 if align != "L" else 0, align=align)

    def draw(self, layout: str) -> None:
        pdf, lt = self.pdf, self.lt
        pdf.add_page()
        y = getattr(self, f"_{layout.replace('-', '_')}")()
        pdf.set_xy(20, y)
        for ln in lt.after_block:
            self.f(9.5)
            pdf.set_x(20)
            pdf.cell(0, 5, self.t(ln), new_x="LMARGIN", new_y="NEXT")
        if lt.after_block:
            pdf.ln(3)
        self.body()
        for page in lt.extra_pages:
            pdf.add_page()
            self.f(12, True)
            pdf.set_xy(20, 20)
            pdf.cell(0, 7, self.t(page[0]), new_x="LMARGIN", new_y="NEXT")
            self.f(9.5)
            for ln in page[1:]:
                pdf.set_x(20)
                pdf.multi_cell(170, 5, self.t(ln), new_x="LMARGIN", new_y="NEXT")

    def body(self) -> None:
        pdf, lt = self.pdf, self.lt
        pdf.set_left_margin(20)
        pdf.set_right_margin(20)
        if lt.heading and lt.heading.lower().startswith("re:"):
            self.f(10, True)
            pdf.multi_cell(170, 5, self.t(lt.heading), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        if lt.dear:
            self.f(10)
            pdf.cell(0, 5, self.t(lt.dear + ("" if lt.dear.endswith(",") else ",")), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        if lt.heading and not lt.heading.lower().startswith("re:"):
            self.f(11, True)
            pdf.multi_cell(170, 5.5, self.t(lt.heading), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        self.f(10)
        for para in lt.body:
            pdf.multi_cell(170, 5, self.t(para), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
        if lt.table:
            widths = [170 / len(lt.table[0])] * len(lt.table[0])
            for i, row in enumerate(lt.table):
                self.f(8.5, i == 0)
                for c, w in zip(row, widths, strict=True):
                    pdf.cell(w, 6, self.t(c), border=1)
                pdf.ln(6)
            pdf.ln(3)
        self.f(10)
        for ln in lt.signoff():
            pdf.cell(0, 5, self.t(ln), new_x="LMARGIN", new_y="NEXT")

    # -- layouts: each draws the head of page 1 and returns the y where the body starts ---------------------
    def _window(self) -> float:
        lt, pdf = self.lt, self.pdf
        self.letterhead(110, "R")
        self.at(20, 43, f"If undeliverable return to {org.POSTAL}, {org.POSTAL_LOCALITY}", 6)
        for i, ln in enumerate(lt.to_lines):
            self.at(22, 49 + i * 4.8, ln, 10.5)
        pdf.set_draw_color(120, 120, 120)
        rows = [*lt.details, ("Date", lt.date)]
        pdf.rect(118, 46, 72, 8 + 5 * len(rows))
        self.at(120, 48, lt.box_title, 9, True)
        for i, (k, v) in enumerate(rows):
            self.at(120, 54 + i * 5, k, 8.5)
            self.at(150, 54 + i * 5, v, 8.5, True)
        return max(49 + len(lt.to_lines) * 4.8, 56 + 5 * len(rows)) + 12

    def _right(self) -> float:
        lt = self.lt
        self.letterhead(20)
        y = 40
        for i, ln in enumerate(lt.to_lines):
            self.at(110, y + i * 5, ln, 10, w=80, align="R")
        y += len(lt.to_lines) * 5 + 4
        self.at(110, y, lt.date, 10, w=80, align="R")
        for i, (k, v) in enumerate(lt.details):
            self.at(20, 40 + i * 5, f"{k}: {v}", 9)
        return max(y, 40 + 5 * len(lt.details)) + 12

    def _topleft(self) -> float:
        lt = self.lt
        self.at(20, 10, org.NAME, 15, True, w=170, align="C")
        self.at(20, 17, f"{org.STREET}, {org.LOCALITY}   Tel {org.CLAIMS_PHONE}   Fax {org.FAX}", 7.5, w=170, align="C")
        y = 34
        for i, ln in enumerate(lt.to_lines):
            self.at(20, y + i * 5, ln, 10.5)
        y += len(lt.to_lines) * 5 + 7
        for i, (k, v) in enumerate([*lt.details, ("Date", lt.date)]):
            self.at(20, y + i * 4.8, f"{k}:", 9)
            self.at(55, y + i * 4.8, v, 9)
        return y + 4.8 * (len(lt.details) + 1) + 8

    def _columns(self) -> float:
        lt = self.lt
        self.letterhead(20)
        rows = [*lt.details, ("Date", lt.date)]
        y = 42
        self.at(112, y - 6, lt.box_title.upper(), 8, True)
        for i in range(max(len(lt.to_lines), len(rows))):
            if i < len(lt.to_lines):
                self.at(20, y + i * 5, lt.to_lines[i], 10)
            if i < len(rows):
                self.at(112, y + i * 5, f"{rows[i][0]}  {rows[i][1]}", 9)
        return y + 5 * max(len(lt.to_lines), len(rows)) + 10

    def _plain(self) -> float:
        lt = self.lt
        self.at(20, 12, org.NAME, 12, True)
        self.at(20, 18, lt.date, 10)
        for i, ln in enumerate(lt.to_lines):
            self.at(20, 28 + i * 5, ln, 10)
        y = 28 + len(lt.to_lines) * 5 + 4
        for i, (k, v) in enumerate(lt.details):
            self.at(20, y + i * 5, f"{k}: {v}", 9.5)
        return y + 5 * len(lt.details) + 8


def corrupt(data: bytes, rng: random.Random) -> bytes:
    """A PDF cut off in the middle of its objects, as a failed upload leaves it."""
    cut = len(data) // 2 + rng.randint(-200, 200)
    return data[:cut]
