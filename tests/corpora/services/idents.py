"""Identifiers, phone numbers and dates, and the ways staff write them."""

from __future__ import annotations

import random
from datetime import date

from stdnum.au import tfn as stdnum_tfn

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
CRN_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXY"


def crn(rng: random.Random) -> str:
    """Customer reference number: nine digits and a check letter, e.g. 204118997K."""
    digits = f"{rng.randint(200, 699)}{rng.randint(0, 999999):06d}"
    total = sum((i + 3) * int(d) for i, d in enumerate(digits))
    return digits + CRN_LETTERS[total % len(CRN_LETTERS)]


def crn_written(value: str, rng: random.Random) -> str:
    style = rng.choice(["spaced", "spaced", "plain", "spaced-nospace-letter"])
    if style == "plain":
        return value
    if style == "spaced":
        return f"{value[:3]} {value[3:6]} {value[6:9]}{value[9]}"
    return f"{value[:3]} {value[3:6]} {value[6:9]} {value[9]}"


def tenancy_no(rng: random.Random) -> str:
    return f"TN{rng.randint(1000000, 9899999)}"


def tenancy_written(value: str, rng: random.Random) -> str:
    return rng.choice([value, f"{value[:2]} {value[2:5]} {value[5:]}", f"{value[:2]} {value[2:]}"])


def case_no(rng: random.Random) -> str:
    return f"CAS{rng.randint(2000000, 2999999)}"


def case_written(value: str, rng: random.Random) -> str:
    return rng.choice([value, f"{value[:3]} {value[3:6]} {value[6:]}"])


def any_ref_written(value: str, rng: random.Random) -> str:
    if value.startswith("TN"):
        return tenancy_written(value, rng)
    if value.startswith("CAS"):
        return case_written(value, rng)
    return crn_written(value, rng)


def tfn(rng: random.Random) -> str:
    while True:
        value = f"{rng.randint(100000000, 899999999)}"
        if stdnum_tfn.is_valid(value):
            return value


def medicare(rng: random.Random) -> str:
    """A ten-digit Medicare card number (check digit at position 9) and its issue number."""
    base = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(w * d for w, d in zip([1, 3, 7, 9, 1, 3, 7, 9], base, strict=True)) % 10
    return "".join(map(str, base)) + str(check) + str(rng.randint(1, 5))


def spaced_identifier(value: str, rng: random.Random) -> str:
    sep = rng.choice([" ", " ", "-", ".", ""])
    if len(value) == 9:  # TFN 3-3-3
        return sep.join([value[:3], value[3:6], value[6:]])
    return sep.join([value[:4], value[4:9], value[9:]])  # Medicare 4-5-1


AREA_FOR_STATE = {"NSW": "02", "ACT": "02", "VIC": "03", "TAS": "03", "QLD": "07", "SA": "08", "WA": "08", "NT": "08"}


def phone_pool(rng: random.Random, state: str, used: set[str]) -> str:
    """Canonical digits, e.g. 0412345678 or 0355501234 (the fictional 5550/7010 exchanges for landlines)."""
    while True:
        if rng.random() < 0.7:
            digits = f"04{rng.randint(10, 99)}{rng.randint(0, 999999):06d}"
        else:
            digits = f"{AREA_FOR_STATE[state]}{rng.choice(['5550', '7010'])}{rng.randint(0, 9999):04d}"
        if digits not in used:
            used.add(digits)
            return digits


def phone_registry(digits: str, rng: random.Random) -> str:
    """How the client record system happens to hold it (mixed, as real records are)."""
    if digits.startswith("04"):
        return rng.choice([f"{digits[:4]} {digits[4:7]} {digits[7:]}", digits, f"+61{digits[1:]}"])
    return rng.choice([f"({digits[:2]}) {digits[2:6]} {digits[6:]}", f"{digits[:2]} {digits[2:6]} {digits[6:]}"])


def phone_variants(digits: str) -> list[str]:
    """Every way staff and clients write the same number."""
    if digits.startswith("04"):
        d = digits
        return [
            f"{d[:4]} {d[4:7]} {d[7:]}",
            d,
            f"+61 {d[1:4]} {d[4:7]} {d[7:]}",
            f"{d[:4]}-{d[4:7]}-{d[7:]}",
            f"{d[:4]}.{d[4:7]}.{d[7:]}",
            f"+61{d[1:]}",
            f"({d[:4]}) {d[4:7]} {d[7:]}",
            f"{d[:2]} {d[2:6]} {d[6:]}",
        ]
    d = digits
    return [
        f"({d[:2]}) {d[2:6]} {d[6:]}",
        f"{d[2:6]} {d[6:]}",
        f"+61 {d[1]} {d[2:6]} {d[6:]}",
        f"{d[:2]}-{d[2:6]}-{d[6:]}",
        f"{d[:2]}.{d[2:6]}.{d[6:]}",
        f"{d[:2]} {d[2:6]} {d[6:]}",
        d,
        f"+61 ({d[1]}) {d[2:6]} {d[6:]}",
    ]


def dob_variants(value: date) -> list[str]:
    """Dates of birth as people write them (issue 9 point 6)."""
    day, month, year = value.day, value.month, value.year
    mon = MONTHS[month - 1]
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return [
        f"{day} {mon} {year}",
        f"{day}{suffix} of {mon} {year}",
        f"{day:02d}-{mon[:3]}-{year}",
        f"{day:02d}/{month:02d}/{year}",
        f"{day:02d}/{month:02d}/{year % 100:02d}",
        f"{day}.{month}.{year}",
        f"{mon} {day}, {year}",
        f"{day} {mon[:3]} {year}",
    ]


def long_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def typo(word: str, rng: random.Random) -> str:
    """One character changed, dropped or doubled inside a word (never the first letter)."""
    if len(word) < 4:
        return word + word[-1]
    i = rng.randint(1, len(word) - 2)
    op = rng.choice(["sub", "drop", "double"])
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    vowels = "aeiou"
    repl = rng.choice([c for c in (vowels if word[i].lower() in vowels else "rstnlmdk") if c != word[i].lower()])
    return word[:i] + repl + word[i + 1 :]


def money(rng: random.Random, low: int, high: int) -> str:
    return f"${rng.randint(low, high):,}.{rng.choice(['00', '50', '20', '85', '40', '15'])}"
