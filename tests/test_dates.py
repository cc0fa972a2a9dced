from __future__ import annotations

import random
import re
from datetime import date

import pytest

from dlp.dates import DATE_PATTERNS, MONTHS, _to_date, find_dates


def test_dates_in_letter_formats() -> None:
    text = "3 March 1984, 03/03/1984, 1984-03-03, March 3rd, 1984, 31/02/1984"
    assert [d for _, _, d in find_dates(text)] == [date(1984, 3, 3)] * 4


def test_two_digit_years_are_in_the_past() -> None:
    assert [d for _, _, d in find_dates("06/07/79 and 01/02/03", today=date(2026, 11, 22))] == [
        date(1979, 7, 6),
        date(2003, 2, 1),
    ]


def test_the_anchored_date_patterns_find_what_the_plain_ones_did() -> None:
    """The date patterns open with what they must start with, for speed; the plain forms are the reference."""
    words = "|".join(sorted(MONTHS, key=len, reverse=True))
    year = r"(?P<y>(?:19|20)\d\d|'?\d\d)"
    plain = (
        re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+(?P<m>{words})\.?,?[\s\-/.]+{year}\b", re.I),
        re.compile(rf"\b(?P<m>{words})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
        re.compile(r"(?<![\w/.\-])(?P<d>\d{1,2})([/.\-])(?P<m>\d{1,2})\2(?P<y>(?:19|20)\d\d|\d\d)(?![\d/.\-]\d)"),
        re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    )
    # Slots of a date, each with forms that do and do not belong there, and text around it.
    slots = (
        ("", "x", "a1", "7 ", "/", "-", "é", "on ", "٣"),
        ("1", "3", "03", "12", "31", "123", "3rd", "1st", "1984", "March", "june", "Sept"),
        (" ", "-", "/", ".", " of ", ", ", "\n", "th "),
        ("3", "03", "12", "123", "March", "mar.", "Sept", "september", "Jun", "june", "may", "x"),
        (" ", "-", "/", ".", ", ", "  "),
        ("1984", "84", "'84", "2026", "198", "1", "3", "3rd, 1984"),
        ("", "x", "1", "/1", "-12", ".", " ", "é"),
    )
    rng = random.Random(5)
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(slot) for slot in slots)
        for new, old in zip(DATE_PATTERNS, plain, strict=True):
            got = [(m.span(), m.group("d", "m", "y")) for m in new.finditer(text)]
            assert got == [(m.span(), m.group("d", "m", "y")) for m in old.finditer(text)], text
            matched += len(got)
    assert matched > 500


def reference_dates(text: str, today: date | None = None) -> list[tuple[int, int, date]]:
    """The date patterns searched from every position, pattern by pattern: what find_dates must equal."""
    found = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            parsed = _to_date(m.group("d"), m.group("m"), m.group("y"), today)
            if parsed is not None:
                found.append((m.start(), m.end(), parsed))
    return found


# Pieces of text around and between dates: words, digits of every run length, separators, whitespace of every
# kind (tabs, line breaks, no-break and ideographic spaces), non-ASCII digits and letters, partial dates.
PIECES = (
    "on ",
    "x",
    "a1",
    "7",
    "12",
    "123",
    "1984",
    "19845",
    "2026",
    "20261",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u3000",
    "/",
    "-",
    ".",
    ",",
    "'",
    "(",
    ")",
    "é",
    "٣",
    "١٩٨٤",
    "Ⅻ",
    "_",
    "st",
    "rd",
    "of",
    "March",
    "mar.",
    "SEPT",
    "september",
    "may",
    "June",
    "Dec",
    "3rd",
    "31st,",
    "1st",
    "3 March 1984",
    "March 3, 1984",
    "March 3rd 1984",
    "03/03/1984",
    "3-3-84",
    "1984-03-03",
    "12 Mar 84",
    "3rd of March 1984",
    "Jan.\n\n 2, 2001",
    "Sept 31, 2001",
    "30/02/2001",
    "1/2/3",
    "2001-13-01",
)


# Short texts, and long ones (a list's phone numbers and postcodes: most digit runs are not dates).
@pytest.mark.parametrize(
    ("seed", "count", "pieces", "least"), [(11, 30000, (1, 14), 5000), (12, 600, (150, 400), 2000)]
)
def test_find_dates_finds_what_every_position_search_finds(
    seed: int, count: int, pieces: tuple[int, int], least: int
) -> None:
    rng = random.Random(seed)
    today = date(2026, 11, 23)
    found = 0
    for n in range(count):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(*pieces)))
        if n % 2:
            text = text.encode("ascii", "ignore").decode()  # the ASCII path reads digit runs another way
        expected = reference_dates(text, today)
        assert list(find_dates(text, today)) == expected, repr(text)
        found += len(expected)
    assert found > least


def test_a_month_first_date_at_the_very_end_and_before_a_word() -> None:
    assert [d for _, _, d in find_dates("due March 3, 1984")] == [date(1984, 3, 3)]
    assert list(find_dates("due March 3, 1984x")) == []  # no boundary after the year
    assert [d for _, _, d in find_dates("due March \n\t  3rd,\u00a0\u00a0 1984.")] == [date(1984, 3, 3)]


def test_the_longest_month_first_forms() -> None:
    """The stretch searched before a year holds the longest month and day the pattern takes."""
    for text in ("(September. 30th,\n2001)", "due September.  1st,\t 2001", "xSeptember 3, 2001 Dec. 22nd, 1999"):
        assert list(find_dates(text)) == reference_dates(text) != [], text
