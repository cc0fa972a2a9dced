"""Identifiers, dates and phone numbers as people write them.

Government identifiers are generated with valid checksums (TFN, Medicare, ABN, ACN) so that a scanner
using python-stdnum sees real-looking numbers; the look-alikes (invoice numbers and the like) are made to
fail those checksums on purpose.
"""

from __future__ import annotations

import random
from datetime import date

TFN_WEIGHTS = (1, 4, 3, 7, 5, 8, 6, 9, 10)
MEDICARE_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9)
ABN_WEIGHTS = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
ACN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 1)

MONTHS = (
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
)


def _digits(rng: random.Random, n: int) -> list[int]:
    return [rng.randrange(10) for _ in range(n)]


def tfn_valid(number: str) -> bool:
    d = [int(c) for c in number if c.isdigit()]
    return len(d) == 9 and sum(w * x for w, x in zip(TFN_WEIGHTS, d, strict=True)) % 11 == 0


def tfn(rng: random.Random) -> str:
    """A nine-digit tax file number with a valid check digit."""
    while True:
        d = [rng.randrange(1, 10)] + _digits(rng, 7)
        s = sum(w * x for w, x in zip(TFN_WEIGHTS, d, strict=False))
        last = s % 11  # 10 == -1 (mod 11), so the last digit must equal s mod 11
        if last < 10:
            return "".join(map(str, d + [last]))


def not_a_tfn(rng: random.Random) -> str:
    """Nine digits that fail the TFN checksum (an invoice or receipt number)."""
    while True:
        s = "".join(map(str, [rng.randrange(1, 10)] + _digits(rng, 8)))
        if not tfn_valid(s):
            return s


def medicare(rng: random.Random) -> str:
    """Ten digits: eight-digit identifier, check digit, issue number."""
    d = [rng.randrange(2, 7)] + _digits(rng, 7)
    check = sum(w * x for w, x in zip(MEDICARE_WEIGHTS, d, strict=True)) % 10
    return "".join(map(str, d + [check, rng.randrange(1, 10)]))


def abn(rng: random.Random, acn_number: str = "") -> str:
    """Two check digits (11..99, as the ATO issues them) before nine digits: a company's ACN, or random."""
    body = [int(d) for d in acn_number] if acn_number else _digits(rng, 9)
    s = sum(-w * x for w, x in zip(ABN_WEIGHTS[2:], body, strict=True))
    return f"{11 + (s - 1) % 89}" + "".join(map(str, body))


def acn(rng: random.Random) -> str:
    d = _digits(rng, 8)
    check = (10 - sum(w * x for w, x in zip(ACN_WEIGHTS, d, strict=True)) % 10) % 10
    return "".join(map(str, d + [check]))


def fmt_tfn(n: str, style: str) -> str:
    groups = (n[:3], n[3:6], n[6:])
    return {"space": " ".join(groups), "dash": "-".join(groups), "dot": ".".join(groups), "plain": n}[style]


def fmt_medicare(n: str, style: str) -> str:
    groups = (n[:4], n[4:9], n[9:])
    return {"space": " ".join(groups), "dash": "-".join(groups), "plain": n, "dot": ".".join(groups)}[style]


def fmt_abn(n: str, style: str = "space") -> str:
    groups = (n[:2], n[2:5], n[5:8], n[8:])
    return {"space": " ".join(groups), "plain": n, "dot": ".".join(groups)}[style]


def fmt_acn(n: str) -> str:
    return f"{n[:3]} {n[3:6]} {n[6:]}"


# --- claim references -------------------------------------------------------------------------------


def claim_number(rng: random.Random, year: int) -> str:
    """Current-system claim number, e.g. WC-24-0183377."""
    return f"WC-{year % 100:02d}-{rng.randrange(100000, 999999):07d}"


def legacy_claim(rng: random.Random) -> str:
    """Legacy scheme claim/claimant number, e.g. 01234567/001."""
    return f"{rng.randrange(0, 10**8):08d}/{rng.randrange(1, 4):03d}"


def fmt_ref(ref: str, style: str) -> str:
    """A reference as a person might type it: with spaces, without separators, in lower case."""
    if ref.startswith("WC-"):
        _, yy, num = ref.split("-")
        return {
            "canon": ref,
            "space": f"WC {yy} {num}",
            "plain": f"WC{yy}{num}",
            "lower": ref.lower(),
            "slash": f"WC/{yy}/{num}",
        }.get(style, ref)
    main, suffix = ref.split("/")
    return {
        "canon": ref,
        "space": f"{main[:4]} {main[4:]}/{suffix}",
        "plain": ref,
        "lower": ref,
        "slash": ref,
        "dash": f"{main}-{suffix}",
    }.get(style, ref)


# --- dates ------------------------------------------------------------------------------------------


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


DATE_STYLES = ("long", "ordinal", "dmy-mon", "dmy", "dmy2", "dotted", "short-mon", "iso", "weekday")


def fmt_date(d: date, style: str) -> str:
    month = MONTHS[d.month - 1]
    return {
        "long": f"{d.day} {month} {d.year}",
        "ordinal": f"{_ordinal(d.day)} of {month} {d.year}",
        "dmy-mon": f"{d.day:02d}-{month[:3]}-{d.year}",
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy2": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "dotted": f"{d.day}.{d.month}.{d.year}",
        "short-mon": f"{d.day} {month[:3]} {d.year}",
        "iso": d.isoformat(),
        "weekday": f"{d.strftime('%A')}, {d.day} {month} {d.year}",
    }[style]


# --- phones -----------------------------------------------------------------------------------------


def mobile(rng: random.Random) -> str:
    return f"04{rng.randrange(10, 100):02d} {rng.randrange(0, 1000):03d} {rng.randrange(0, 1000):03d}"


AREA_BY_STATE = {"NSW": "02", "ACT": "02", "VIC": "03", "TAS": "03", "QLD": "07", "SA": "08", "WA": "08", "NT": "08"}


def landline(rng: random.Random, state: str) -> str:
    return f"({AREA_BY_STATE[state]}) {rng.randrange(4000, 9999)} {rng.randrange(0, 10000):04d}"


PHONE_STYLES = ("canon", "plain", "dash", "dot", "intl", "intl-plain", "brackets", "pairs", "local")


def fmt_phone(phone: str, style: str) -> str:
    """Rewrite a registry phone ('0412 345 678' or '(02) 6884 1234') in a given style."""
    d = "".join(c for c in phone if c.isdigit())
    if d.startswith("04"):
        a, b, c = d[:4], d[4:7], d[7:]
        return {
            "canon": f"{a} {b} {c}",
            "plain": d,
            "dash": f"{a}-{b}-{c}",
            "dot": f"{a}.{b}.{c}",
            "intl": f"+61 {d[1:4]} {b} {c}",
            "intl-plain": f"+61{d[1:]}",
            "brackets": f"({a}) {b} {c}",
            "pairs": f"{d[:2]} {d[2:6]} {d[6:]}",
            "local": f"{a} {b} {c}",
        }[style]
    area, local = d[:2], d[2:]
    p, q = local[:4], local[4:]
    return {
        "canon": f"({area}) {p} {q}",
        "plain": d,
        "dash": f"{area}-{p}-{q}",
        "dot": f"{area}.{p}.{q}",
        "intl": f"+61 {area[1]} {p} {q}",
        "intl-plain": f"+61{area[1]}{local}",
        "brackets": f"({area}){p}{q}",
        "pairs": f"{area} {p} {q}",
        "local": f"{p} {q}",
    }[style]


def money(rng: random.Random, lo: float, hi: float) -> str:
    return f"${rng.uniform(lo, hi):,.2f}"
