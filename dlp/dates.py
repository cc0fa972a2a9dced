"""Calendar dates as letters write them, found with their spans.

Four patterns cover the forms (`3 March 1984`, `March 3, 1984`, `03/03/84`, `1984-03-03`). Every date holds
digits, and each pattern's match can only start at, or end with, a maximal run of digits of a known length: a
day's run of one or two digits opens the day-first forms and a four-digit run opens the ISO form, and the
month-first form ends with a four-digit year after a short, bounded stretch. So the text is read once for its
digit runs and each pattern is tried only there, rather than searched from every position of a long text.
That finds exactly what the patterns' own `finditer` finds (tests/test_dates.py holds it to that on generated
texts), in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import regex

from dlp.analysis.prefilter import matches_at

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
# The same words as one trie-shaped alternative, longest spelling first in each family ("sept" before "sep"):
# at one position only one family can match, so it matches what the flat alternation does, without trying
# every word at every word boundary.
_MONTH_TRIE = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_YEAR = r"(?P<y>(?:19|20)\d\d|'?\d\d)"
# A word boundary before a first digit is checked as "no word character before it" once the digit is read
# (`\d(?<!\w\d)`), which is the same condition.
DAY_FIRST = re.compile(
    # 3 March 1984, 3rd March 1984, 3rd of March 1984, 3 Mar. 1984, 03-Mar-1984, 3 Mar 84
    rf"(?P<d>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+(?P<m>{_MONTH_TRIE})\.?,?[\s\-/.]+{_YEAR}\b",
    re.I,
)
MONTH_FIRST = re.compile(
    # March 3, 1984; March 3rd 1984
    rf"(?=[adfjmnos])\b(?P<m>{_MONTH_TRIE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
# 03/03/1984, 3-3-1984, 3.3.1984, 03/03/84 (Australian day-first)
NUMERIC = re.compile(r"(?P<d>\d(?<![\w/.\-]\d)\d?)([/.\-])(?P<m>\d{1,2})\2(?P<y>(?:19|20)\d\d|\d\d)(?![\d/.\-]\d)")
# 1984-03-03
ISO = re.compile(r"(?P<y>(?:19|20)(?<!\w\d\d)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
DATE_PATTERNS = (DAY_FIRST, MONTH_FIRST, NUMERIC, ISO)  # in the order their dates are reported

_DIGIT_RUNS = re.compile(r"\d+")  # the patterns' own `\d`
# On ASCII text `\d` is [0-9]; the regex module finds these runs about three times faster than re.
_ASCII_DIGIT_RUNS = regex.compile(r"[0-9]+")
_WORD = re.compile(r"\w")
_NUMERIC_SEPARATORS = ("/", ".", "-")  # NUMERIC's ([/.\-])
_CENTURIES = ("19", "20")  # ISO's (?:19|20)
MONTH_SPAN = len("september.")  # the longest month as MONTH_FIRST writes it
DAY_SPAN = len("31st,")  # the longest day as MONTH_FIRST writes it


def find_dates(text: str, today: date | None = None) -> Iterator[tuple[int, int, date]]:
    """Every calendar date written in one of the forms letters use, with its span, pattern by pattern.

    A two-digit year is a birth date's: the latest year ending in those digits that is not in the future."""
    days, years = _runs(text)
    if not days and not years:
        return
    for match in matches_at(DAY_FIRST, text, [start for start, _ in days]):
        yield from _dated(match, today)
    for match in _month_first(text, years):
        yield from _dated(match, today)
    # A numeric date's day run is followed by its separator, an ISO date's year starts 19 or 20 and is followed
    # by a hyphen: the other runs (house numbers, postcodes, phone numbers in a list) are not tried.
    numeric = [start for start, end in days if text.startswith(_NUMERIC_SEPARATORS, end)]
    for match in matches_at(NUMERIC, text, numeric):
        yield from _dated(match, today)
    iso = [start for start, end in years if text.startswith(_CENTURIES, start) and text.startswith("-", end)]
    for match in matches_at(ISO, text, iso):
        yield from _dated(match, today)


def _runs(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of the whole runs of digits a date may hold: of one or two (a day-first or numeric date
    opens with one: a digit, then no digit), and of four (an ISO date opens with one, a month-first date closes
    with one)."""
    runs = [m.span() for m in (_ASCII_DIGIT_RUNS if text.isascii() else _DIGIT_RUNS).finditer(text)]
    return [r for r in runs if r[1] - r[0] <= 2], [r for r in runs if r[1] - r[0] == 4]


def _month_first(text: str, years: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """`MONTH_FIRST.finditer(text)`, searched only in the short stretch before each four-digit run.

    A match is `month[.] WS day[st][,] WS year`: before the year's whitespace lies the day (one non-space run of
    at most DAY_SPAN characters), and before the whitespace in front of that the month (at most MONTH_SPAN).
    A search that stops at the year's end reads `\\b` there as a boundary, so runs followed by a word
    character (where the whole text has none) are passed over."""
    resume = 0
    for year, end in years:
        if end < len(text) and _WORD.match(text, end):
            continue
        at = year
        while at > 0 and text[at - 1].isspace():
            at -= 1
        day = at
        while day > 0 and at - day < DAY_SPAN and not text[day - 1].isspace():
            day -= 1
        # A match ending here has whitespace before the year, and before that a day (a digit first) with
        # whitespace before it: most four-digit runs (a postcode, part of a phone number) have neither.
        if at == year or day == 0 or not text[day].isdecimal() or not text[day - 1].isspace():
            continue
        while day > 0 and text[day - 1].isspace():
            day -= 1
        start = max(day - MONTH_SPAN, resume)
        while start < end:
            match = MONTH_FIRST.search(text, start, end)
            if match is None:
                break
            yield match
            resume = start = match.end()


def _dated(match: re.Match[str], today: date | None) -> Iterator[tuple[int, int, date]]:
    parsed = _to_date(match.group("d"), match.group("m"), match.group("y"), today)
    if parsed is not None:
        yield match.start(), match.end(), parsed


def _to_date(day: str, month: str, year: str, today: date | None = None) -> date | None:
    m = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    if m is None:
        return None
    year = year.lstrip("'")
    y = int(year)
    if len(year) == 2:
        this_year = (today or date.today()).year
        y += this_year - this_year % 100
        if y > this_year:
            y -= 100
    try:
        return date(y, m, int(day))
    except ValueError:
        return None
