"""Valid-looking government identifiers and card numbers (checksums right, numbers invented)."""

from __future__ import annotations

import random


def tfn(rng: random.Random) -> str:
    """A nine-digit tax file number that passes the weighted mod-11 check."""
    weights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        for last in range(10):
            if sum(a * b for a, b in zip(d + [last], weights, strict=False)) % 11 == 0:
                return "".join(map(str, d + [last]))


def medicare(rng: random.Random) -> str:
    """A ten-digit Medicare number: first digit 2-6, check digit, issue number."""
    d = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(a * b for a, b in zip(d, [1, 3, 7, 9, 1, 3, 7, 9], strict=False)) % 10
    return "".join(map(str, d + [check, rng.randint(1, 5)]))


def card(rng: random.Random) -> str:
    """A sixteen-digit card number passing the Luhn check."""
    d = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, x in enumerate(reversed(d)):
        y = x * 2 if i % 2 == 0 else x
        total += y - 9 if y > 9 else y
    return "".join(map(str, d + [(10 - total % 10) % 10]))
