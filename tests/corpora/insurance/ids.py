"""Checksummed Australian identifiers (ABN, TFN, Medicare, card numbers), drawn from a seeded RNG.

Checksums come from python-stdnum (a project dependency) wherever it has the identifier; it has no Medicare
module, so the Medicare check digit (weights 1,3,7,9,1,3,7,9, mod 10) is computed here.
"""

from __future__ import annotations

import random

from stdnum import luhn
from stdnum.au import abn, tfn

_MEDICARE_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def make_abn(rng: random.Random) -> str:
    """An ABN written the usual way, '51 824 753 556'."""
    body = str(rng.randint(1, 9)) + _digits(rng, 8)
    s = abn.calc_check_digits(body) + body
    assert abn.is_valid(s)
    return abn.format(s)


def make_tfn(rng: random.Random) -> str:
    """A nine-digit TFN with a valid check, as bare digits."""
    while True:
        s = str(rng.randint(1, 9)) + _digits(rng, 8)
        if tfn.is_valid(s):
            return s


def make_medicare(rng: random.Random) -> str:
    """A ten-digit Medicare card number (eight digits, check digit, issue number), bare digits."""
    first = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(w * d for w, d in zip(_MEDICARE_WEIGHTS, first, strict=True)) % 10
    return "".join(map(str, first)) + str(check) + str(rng.randint(1, 5))


def make_card(rng: random.Random) -> str:
    """A 16-digit Visa-style number passing the Luhn check."""
    body = "4" + _digits(rng, 14)
    return body + luhn.calc_check_digit(body)


def spaced(digits: str, groups: tuple[int, ...], sep: str = " ") -> str:
    out, i = [], 0
    for g in groups:
        out.append(digits[i : i + g])
        i += g
    if i < len(digits):
        out.append(digits[i:])
    return sep.join(out)
