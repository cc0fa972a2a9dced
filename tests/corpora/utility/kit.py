"""Small helpers shared by the scenario modules: a client's own letter spec, rendering a letter item,
email addresses with display names, and a house style that cycles through every format."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from . import org
from .compose import FORMATS, Style, block_for, house_style, render, salutation_for, supply_of
from .corpus import Corpus
from .letters import Letter
from .people import Client, fold
from .templates import TEMPLATES, Spec


def issue_date(rng: random.Random) -> date:
    return date(2025, 2, 3) + timedelta(days=rng.randint(0, 150))


def style(cx: Corpus, **fixed: object) -> Style:
    """A house style; formats rotate so every layout appears in every area."""
    st = house_style(cx.rng, **fixed)
    if "fmt" not in fixed:
        cx.fmt_counter += 1
        st = replace(st, fmt=FORMATS[(cx.fmt_counter * 8) % len(FORMATS)])  # 8 is coprime with 21
    return st


def spec_for(cx: Corpus, c: Client, st: Style, ref: str | None = "", block: list[str] | None = None) -> Spec:
    rng = cx.rng
    if ref == "":
        ref = rng.choice(c.refs)
    supply = supply_of(c, ref) if ref else None
    return Spec(
        block=block if block is not None else block_for(c, st),
        salutation=salutation_for(c, st),
        st=st,
        ref=ref,
        supply=supply,
        slip_name=c.name("full") if not c.business else c.business,
        slip_address=c.address.one_line(abbrev=True),
        issue=issue_date(rng),
        staff=rng.choice(org.STAFF),
        property_line=supply is not None and (supply != c.address or rng.random() < 0.35),
    )


def letter(template: str, spec: Spec, rng: random.Random) -> Letter:
    return TEMPLATES[template](spec, rng)


def render_letter(lt: Letter | list[Letter], st: Style, unicode: bool = False) -> tuple[str, bytes]:
    return st.ext, render(lt, st, unicode=unicode)


def addr(c: Client, i: int = 0, display: bool = True) -> str:
    e = c.emails[i % len(c.emails)] if c.emails else ""
    if not display:
        return e
    name = c.business or c.name("full")
    return f'"{name}" <{e}>' if any(ch in name for ch in ",.'") else f"{name} <{e}>"


def first(c: Client) -> str:
    return c.given.split()[0] if "-" not in c.given else c.given


def emailable(cx: Corpus, pool: list[Client], name: str) -> Client:
    while True:
        c: Client = cx.take(name, pool)
        if c.emails:
            return c


def plain_emailable(cx: Corpus, *exclude: Client) -> Client:
    while True:
        c = cx.others(*exclude)
        if c.emails:
            return c


def folded_name(c: Client) -> str:
    return fold(c.name("full"))
