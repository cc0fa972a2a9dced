"""A suppressed address written loosely: the forms staff, templates and forms produce."""

from __future__ import annotations

import random

from . import idents
from .places import STATES_FULL, STREET_TYPES, Address

FORMS = [
    "abbrev",
    "full",
    "unit-word",
    "caps",
    "split-lines",
    "table-cells",
    "form-fields",
    "typo-street",
    "typo-suburb",
    "state-full",
]


def street_text(a: Address, rng: random.Random, *, abbrev: bool, unit_style: str, street: str = "") -> str:
    if a.po_box:
        num = a.po_box.split()[-1]
        box = (
            rng.choice([a.po_box, f"P.O. Box {num}", f"PO BOX {num}", f"Post Office Box {num}"])
            if "Box" in a.po_box
            else a.po_box
        )
        return box
    st = street or a.street
    stype = rng.choice(STREET_TYPES[a.stype]) if abbrev else a.stype
    base = f"{a.number} {st} {stype}"
    if not a.unit:
        return base
    return {
        "slash": f"{a.unit}/{base}",
        "word": f"{a.unit_word} {a.unit}, {base}",
        "unit-slash": f"Unit {a.unit}/{base}",
        "flat": f"Flat {a.unit}, {base}",
        "u": f"U{a.unit} {base}",
    }[unit_style]


def written(a: Address, form: str, rng: random.Random) -> list[str]:
    """Lines of text (or cells, for table and form variants) carrying the address in one loose form."""
    unit_style = rng.choice(["slash", "word", "unit-slash", "flat", "u"])
    if form == "abbrev":
        return [f"{street_text(a, rng, abbrev=True, unit_style='slash')}, {a.suburb} {a.state} {a.postcode}"]
    if form == "full":
        return [f"{street_text(a, rng, abbrev=False, unit_style='word')}, {a.suburb} {a.state} {a.postcode}"]
    if form == "unit-word":
        return [
            f"{street_text(a, rng, abbrev=rng.random() < 0.5, unit_style=unit_style)}, {a.suburb.upper()} "
            f"{a.state} {a.postcode}"
        ]
    if form == "caps":
        return [
            f"{street_text(a, rng, abbrev=True, unit_style='unit-slash')} {a.suburb} {a.state} {a.postcode}".upper()
        ]
    if form == "state-full":
        return [
            f"{street_text(a, rng, abbrev=False, unit_style=unit_style)}, {a.suburb}, {STATES_FULL[a.state]} "
            f"{a.postcode}"
        ]
    if form == "split-lines":
        street = street_text(a, rng, abbrev=False, unit_style=unit_style)
        if rng.random() < 0.5 and not a.po_box:
            head, _, tail = street.rpartition(" ")
            return [head, tail, f"{a.suburb} {a.state}", a.postcode]
        return [street, f"{a.suburb.upper()}  {a.state}  {a.postcode}"]
    if form in ("table-cells", "form-fields"):
        return [street_text(a, rng, abbrev=rng.random() < 0.6, unit_style=unit_style), a.suburb, a.state, a.postcode]
    if form == "typo-street":
        street = a.street if a.po_box else idents.typo(a.street.split()[0], rng) + a.street[len(a.street.split()[0]) :]
        return [
            f"{street_text(a, rng, abbrev=True, unit_style=unit_style, street=street)}, {a.suburb} {a.state} "
            f"{a.postcode}"
        ]
    if form == "typo-suburb":
        sub_words = a.suburb.split()
        sub_words[0] = idents.typo(sub_words[0], rng)
        return [
            f"{street_text(a, rng, abbrev=True, unit_style=unit_style)}, {' '.join(sub_words)} {a.state} {a.postcode}"
        ]
    raise ValueError(form)


def as_text(a: Address, form: str, rng: random.Random) -> str:
    """One string for running text; table and form variants joined as a person would type them."""
    lines = written(a, form, rng)
    if form == "form-fields":
        return "\n".join(f"{k} {v}" for k, v in zip(["Street:", "Suburb:", "State:", "Postcode:"], lines, strict=True))
    if form == "table-cells":
        return " | ".join(lines)
    return "\n".join(lines)
