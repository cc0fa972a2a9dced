"""Putting letters together: a random but realistic house style, the address block for a client (person,
couple, business with ATTN line, care-of, the occupier), the supply address of an account, and rendering
to the chosen format."""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, replace

from .docxdoc import render_docx
from .letters import Letter, render_html, render_rtf, render_txt
from .pdfdoc import render_pdf
from .people import NAME_FORMS, REF_STYLES, SALUTATIONS, Client, date_as, fold, ref_as
from .places import Address, street_address

FORMATS = (
    ["pdf-window"] * 8
    + ["pdf-plain"] * 3
    + ["pdf-right"] * 2
    + ["docx"] * 2
    + ["docx-table"] * 2
    + ["rtf", "txt", "txt-columns", "html"]
)
EXT = {
    "pdf-window": ".pdf",
    "pdf-plain": ".pdf",
    "pdf-right": ".pdf",
    "docx": ".docx",
    "docx-table": ".docx",
    "rtf": ".rtf",
    "txt": ".txt",
    "txt-columns": ".txt",
    "html": ".html",
}


@dataclass(frozen=True)
class Style:
    fmt: str = "pdf-window"
    name_form: str = "title-full"
    salutation: str = "dear-title"
    abbrev: bool = True
    unit_style: str = "slash"
    caps: bool = False
    state_full: bool = False
    postcode_line: bool = False
    ref_style: str = "spaces"
    date_style: str = "long"
    return_line: bool = False

    @property
    def ext(self) -> str:
        return EXT[self.fmt]


def house_style(rng: random.Random, **fixed: object) -> Style:
    s = Style(
        fmt=rng.choice(FORMATS),
        name_form=rng.choice(NAME_FORMS),
        salutation=rng.choice(SALUTATIONS),
        abbrev=rng.random() < 0.6,
        unit_style=rng.choice(["slash", "slash", "unit", "unit-line"]),
        caps=rng.random() < 0.15,
        state_full=rng.random() < 0.08,
        postcode_line=rng.random() < 0.06,
        ref_style=rng.choice(REF_STYLES),
        date_style=rng.choice(["long", "long", "short", "slash"]),
        return_line=rng.random() < 0.2,
    )
    return replace(s, **fixed)  # type: ignore[arg-type]


def address_lines(a: Address, st: Style) -> list[str]:
    return a.block_lines(
        abbrev=st.abbrev,
        unit_style=st.unit_style,
        caps=st.caps,
        state_full=st.state_full,
        postcode_own_line=st.postcode_line,
    )


def name_line(c: Client, st: Style) -> str:
    n = c.name(st.name_form)
    return fold(n).upper() if st.caps else n


def block_for(c: Client, st: Style, address: Address | None = None) -> list[str]:
    """The address block for one client: business accounts get an ATTN line, some people a business name."""
    lines: list[str] = []
    if c.business:
        attn = ("ATTN: " if st.caps or st.abbrev else "Attention: ") + c.name("full")
        lines = [c.business, attn] if (zlib.crc32(c.cid.encode()) % 2) else [attn, c.business]
    else:
        lines = [name_line(c, st)]
    lines += address_lines(address or c.address, st)
    return [x.upper() for x in lines] if st.caps else lines


def couple_block(a: Client, b: Client, st: Style, form: int) -> list[str]:
    if form == 0:
        names = f"{a.title} {a.given[0]} {a.family} & {b.title} {b.given[0]} {b.family}"
    elif form == 1:
        names = f"{a.given} {a.family} and {b.given} {b.family}"
    elif form == 2 and a.family == b.family:
        names = f"{a.given} and {b.given} {a.family}"
    else:
        lines = [a.name("title-full"), b.name("title-full")] + address_lines(a.address, st)
        return [x.upper() for x in lines] if st.caps else lines
    lines = [names] + address_lines(a.address, st)
    return [x.upper() for x in lines] if st.caps else lines


def salutation_for(c: Client, st: Style) -> str | None:
    if c.business and st.salutation in ("hi", "hello"):
        return "Dear Accounts team,"
    return c.salutation(st.salutation)


def occupier_block(a: Address, st: Style, words: str = "The Occupier") -> list[str]:
    return [words] + address_lines(a, st)


_SUPPLY_CACHE: dict[tuple[str, str], Address] = {}
TAKEN: set[str] = set()  # every registry address, so invented supply addresses never collide with one


def supply_of(c: Client, ref: str) -> Address:
    """The property an account supplies. A street postal address is usually the property; box, RMB and
    care-of clients have a separate one; a victim's joint account supplies her former home."""
    if ref in c.shared_refs and c.old_address is not None:
        return c.old_address
    if c.address.kind == "street" and not c.address.careof and ref == c.refs[0]:
        return c.address
    key = (c.cid, ref)
    if key not in _SUPPLY_CACHE:
        rng = random.Random(zlib.crc32(f"{c.cid}:{ref}".encode()))
        while True:
            a = street_address(rng, c.address.state, unit_rate=0.1)
            if a.one_line() not in TAKEN:
                break
        _SUPPLY_CACHE[key] = a if c.address.kind != "street" or c.address.careof or rng.random() < 0.6 else c.address
    return _SUPPLY_CACHE[key]


def fmt_ref(ref: str, st: Style) -> str:
    return ref_as(ref, st.ref_style)


def fmt_date(d: object, st: Style) -> str:
    return date_as(d, st.date_style)  # type: ignore[arg-type]


def render(letter: Letter | list[Letter], st: Style, password: str | None = None, unicode: bool = False) -> bytes:
    letters = letter if isinstance(letter, list) else [letter]
    for x in letters:
        x.return_line = x.return_line or (st.return_line and st.fmt.startswith("pdf"))
    if st.fmt.startswith("pdf"):
        layout = {"pdf-window": "window", "pdf-plain": "plain", "pdf-right": "right"}[st.fmt]
        return render_pdf(letters, layout, password, unicode)
    one = letters[0]
    if st.fmt == "docx":
        return render_docx(one)
    if st.fmt == "docx-table":
        return render_docx(one, table_block=True)
    if st.fmt == "rtf":
        return render_rtf(one)
    if st.fmt == "html":
        return render_html(one)
    return render_txt(one, columns=st.fmt == "txt-columns")
