"""Invented but checksum-valid Australian identifiers, built with the published algorithms."""

from __future__ import annotations

import random

TFN_WEIGHTS = (1, 4, 3, 7, 5, 8, 6, 9, 10)
ABN_WEIGHTS = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
MEDICARE_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9)


def tfn(rng: random.Random) -> str:
    """A nine-digit tax file number whose weighted digit sum is a multiple of 11."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        if sum(d * w for d, w in zip(digits, TFN_WEIGHTS, strict=True)) % 11 == 0:
            return "".join(map(str, digits))


def abn(rng: random.Random) -> str:
    """An eleven-digit ABN: with 1 taken from the first digit, the weighted digit sum is a multiple of 89.

    The two leading check digits are chosen from the other nine (11-99, as the ATO issues them)."""
    while True:
        body = [rng.randint(0, 9) for _ in range(9)]
        for lead in range(11, 100):
            digits = [lead // 10, lead % 10, *body]
            check = [digits[0] - 1] + digits[1:]
            if sum(d * w for d, w in zip(check, ABN_WEIGHTS, strict=True)) % 89 == 0:
                return "".join(map(str, digits))


def medicare(rng: random.Random) -> str:
    """A ten-digit Medicare card number: first digit 2-6, ninth the weighted check digit, tenth the issue."""
    digits = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(d * w for d, w in zip(digits, MEDICARE_WEIGHTS, strict=True)) % 10
    return "".join(map(str, digits)) + str(check) + str(rng.randint(1, 5))


def fmt_tfn(value: str) -> str:
    return f"{value[:3]} {value[3:6]} {value[6:]}"


def fmt_abn(value: str) -> str:
    return f"{value[:2]} {value[2:5]} {value[5:8]} {value[8:]}"


def fmt_medicare(value: str) -> str:
    return f"{value[:4]} {value[4:9]} {value[9]}"
