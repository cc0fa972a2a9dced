"""How people write names, addresses, phones, dates and references: the variations the corpus exercises."""

from __future__ import annotations

import random
from datetime import date

from . import places
from .people import Address, Client

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# -- names -------------------------------------------------------------------------------------------------
def formal(c: Client, style: str = "title") -> str:
    """'Mr Thomas E Blackwood', 'Ms NGUYEN Thi Lan', 'T. Blackwood', 'SUTRISNO'."""
    if not c.given:
        return f"{c.title} {c.family}".strip() if style != "caps" else c.family.upper()
    given = c.given + (f" {c.middle[0]}" if c.middle and style == "title" else "")
    if c.family_first and style in ("title", "family-first"):
        return f"{c.title} {c.family.upper()} {c.given}".strip()
    if style == "initial":
        return f"{c.title} {c.given[0]}. {c.family}".strip()
    if style == "initials":
        inits = " ".join(p[0] for p in c.given.replace("-", " ").split() + ([c.middle] if c.middle else []))
        return f"{c.title} {inits} {c.family}".strip()
    if style == "plain":
        return f"{c.given} {c.family}"
    if style == "middle" and c.middle:
        return f"{c.title} {c.given} {c.middle} {c.family}".strip()
    if style == "caps":
        return f"{c.title} {given} {c.family}".strip().upper()
    return f"{c.title} {given} {c.family}".strip()


def dear(c: Client, style: str = "formal") -> str:
    if not c.given:
        return f"Dear {c.family}"
    if style == "first":
        return f"Dear {c.first}"
    if style == "hi":
        return f"Hi {c.first}"
    if style == "hello":
        return f"Hello {c.first},"
    return f"Dear {c.title} {c.family}" if c.title else f"Dear {c.full}"


def two_names(a: Client, b: Client, style: int = 0) -> str:
    """Joint addressees: 'Mr A Nguyen & Ms B Walker', 'Sam Ortiz and Lee Park', 'Tom and Mia Fraser'."""
    if style == 2 and a.family == b.family and a.given and b.given:
        return f"{a.first} and {b.first} {a.family}"
    if style == 1:
        return f"{a.full} and {b.full}"
    return f"{formal(a, 'initial').replace('. ', ' ')} & {formal(b, 'initial').replace('. ', ' ')}"


# -- addresses ---------------------------------------------------------------------------------------------
def street_line(a: Address, abbrev: bool = True, slash: bool = False) -> list[str]:
    """The delivery lines before the locality, as a letter prints them."""
    st = places.ABBREV.get(a.stype, a.stype) if abbrev else a.stype
    part = " ".join(p for p in (a.number, a.street, st) if p)
    if a.kind == "unit":
        return [f"{a.sub}/{part}"] if slash else [f"Unit {a.sub}, {part}"]
    if a.kind == "shop":
        return [f"Shop {a.sub}", part]
    if a.kind == "level":
        return [f"Level {a.sub}", part]
    if a.kind == "lot":
        return [f"Lot {a.sub} {a.street} {st}"]
    return [a.first_line()] if a.is_box else [part]


def locality(a: Address, style: str = "caps") -> list[str]:
    if style == "caps":
        return [f"{a.suburb.upper()} {a.state} {a.postcode}"]
    if style == "full":
        return [f"{a.suburb} {places.STATES[a.state]} {a.postcode}"]
    if style == "split":
        return [a.suburb.upper(), a.state, a.postcode]
    if style == "split2":
        return [a.suburb, f"{places.STATES[a.state]} {a.postcode}"]
    if style == "postcode-alone":
        return [f"{a.suburb.upper()} {a.state}", a.postcode]
    return [f"{a.suburb} {a.state} {a.postcode}"]


def address_lines(
    a: Address,
    rng: random.Random | None = None,
    *,
    loc: str | None = None,
    abbrev: bool | None = None,
    slash: bool | None = None,
    caps: bool = False,
) -> list[str]:
    r = rng or random.Random(0)
    lines = street_line(
        a, abbrev=r.random() < 0.7 if abbrev is None else abbrev, slash=r.random() < 0.4 if slash is None else slash
    )
    lines += locality(a, loc or r.choice(["caps", "caps", "caps", "mixed", "full"]))
    return [ln.upper() for ln in lines] if caps else lines


def inline_address(a: Address, abbrev: bool = False) -> str:
    return ", ".join(street_line(a, abbrev=abbrev)) + ", " + locality(a, "mixed")[0]


def typo(word: str, rng: random.Random) -> str:
    """One character changed, dropped or doubled, never the first letter."""
    i = rng.randint(1, len(word) - 2)
    op = rng.choice(["drop", "double", "swap"])
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    repl = {"a": "e", "e": "a", "i": "y", "o": "u", "u": "o", "k": "c", "c": "k", "s": "z", "n": "m"}
    ch = word[i].lower()
    return word[:i] + repl.get(ch, "a" if ch != "a" else "e") + word[i + 1 :]


# -- phones ------------------------------------------------------------------------------------------------
def digits(phone: str) -> str:
    d = "".join(ch for ch in phone if ch.isdigit())
    return "0" + d[2:] if d.startswith("61") else d


def phone_as(phone: str, style: str) -> str:
    """A phone written another way: '+61 413 228 915', '0413-228-915', '(03) 5227 4410', '5227 4410'."""
    d = digits(phone)
    if d.startswith("04"):
        return {
            "intl": f"+61 {d[1:4]} {d[4:7]} {d[7:]}",
            "dashes": f"{d[:4]}-{d[4:7]}-{d[7:]}",
            "dots": f"{d[:4]}.{d[4:7]}.{d[7:]}",
            "bare": d,
            "pairs": f"{d[:2]} {d[2:6]} {d[6:]}",
            "intl0": f"+61 (0) {d[1:4]} {d[4:7]} {d[7:]}",
            "brackets": f"({d[:4]}) {d[4:7]} {d[7:]}",
        }.get(style, f"{d[:4]} {d[4:7]} {d[7:]}")
    return {
        "intl": f"+61 {d[1]} {d[2:6]} {d[6:]}",
        "dashes": f"{d[:2]}-{d[2:6]}-{d[6:]}",
        "dots": f"{d[:2]}.{d[2:6]}.{d[6:]}",
        "bare": d,
        "local": f"{d[2:6]} {d[6:]}",
        "nospace": f"({d[:2]}){d[2:]}",
        "brackets": f"({d[:2]}) {d[2:6]} {d[6:]}",
    }.get(style, f"{d[:2]} {d[2:6]} {d[6:]}")


# -- dates -------------------------------------------------------------------------------------------------
def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def date_as(d: date, style: str) -> str:
    """'6 July 1979', '6th of July 1979', '06-Jul-1979', '06/07/1979', '06/07/79', '6.7.1979', ISO."""
    return {
        "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        "ordinal": f"{ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
        "dmy-mon": f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}",
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "slash2": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "dots": f"{d.day}.{d.month}.{d.year}",
        "iso": d.isoformat(),
        "short-mon": f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    }[style]


def letter_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


# -- references --------------------------------------------------------------------------------------------
def ref_as(ref: str, style: str) -> str:
    """Policy and claim numbers as staff and systems write them."""
    bare = ref.replace("-", "").replace(" ", "")
    if style == "bare":
        return bare
    if style == "spaced":
        if ref.startswith("MV"):
            return f"MV {bare[2:6]} {bare[6:]}"
        return ref.replace("-", " ")
    if style == "lower":
        return ref.lower()
    return ref


def money(rng: random.Random, lo: int, hi: int) -> str:
    v = rng.randint(lo * 100, hi * 100) / 100
    return f"${v:,.2f}"
