"""Normalisation shared by the registry index and the text scanner.

Both sides go through the same functions, so an abbreviation (`St`/`Street`), a case difference or a space
inside a reference number can never make a registry value and its appearance in a letter disagree.

Matching works on *compact canonical* text: the text's alphanumeric tokens, lower-cased, with address words
mapped to one spelling and filler words dropped, concatenated without separators. A registry key matches
only where it starts and ends on token boundaries, so `AC 1234 5678`, `AC-12345678` and `ac12345678` agree
while `0412345678` does not match inside `04123456789`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

TOKEN = re.compile(r"[^\W_]+")

# One spelling for every word an Australian address may abbreviate. Keys are lower case.
CANONICAL_WORDS: dict[str, str] = {
    "st": "street",
    "str": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "dr": "drive",
    "drv": "drive",
    "ct": "court",
    "crt": "court",
    "pl": "place",
    "cres": "crescent",
    "cr": "crescent",
    "crs": "crescent",
    "hwy": "highway",
    "pde": "parade",
    "tce": "terrace",
    "ter": "terrace",
    "cl": "close",
    "ln": "lane",
    "bvd": "boulevard",
    "blvd": "boulevard",
    "bld": "boulevard",
    "gr": "grove",
    "gve": "grove",
    "cct": "circuit",
    "sq": "square",
    "esp": "esplanade",
    "mt": "mount",
    "wy": "way",
    "pky": "parkway",
    "victoria": "vic",
    "queensland": "qld",
    "tasmania": "tas",
}
# Words that only say what kind of dwelling follows ("Unit 4, 12 Wattle St" is "4/12 Wattle St").
DROPPED_WORDS = frozenset({"unit", "u", "apt", "apartment", "flat", "villa", "townhouse"})
_CANONICAL_OR_DROPPED = {**CANONICAL_WORDS, **dict.fromkeys(DROPPED_WORDS, "")}
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "drive", "prof", "sir", "dame", "rev"})
STATES = ("VIC", "NSW", "QLD", "SA", "WA", "TAS", "NT", "ACT")
LOCALITY = re.compile(
    r"^(?P<suburb>[A-Za-z0-9][A-Za-z0-9 ./'\-]*?)[ ,]+"
    r"(?P<state>VIC|NSW|QLD|SA|WA|TAS|NT|ACT|Victoria|Queensland|Tasmania)"
    r"\.?[ ,]+(?P<postcode>\d{4})\s*$",
    re.IGNORECASE,
)

# A line that ends an Australian address, whatever precedes it on the line.
LOCALITY_END = re.compile(
    r"[A-Za-z][ ,]+(?:VIC|NSW|QLD|SA|WA|TAS|NT|ACT|Victoria|Queensland|Tasmania)\.?[ ,]+\d{4}\s*$", re.IGNORECASE
)


def canonical_tokens(text: str) -> list[str]:
    """The canonical tokens of a value, as the scanner sees them in text."""
    out = []
    for match in TOKEN.finditer(text):
        token = match.group().lower()
        if token in DROPPED_WORDS:
            continue
        out.append(CANONICAL_WORDS.get(token, token))
    return out


def compact(text: str) -> str:
    """The compact canonical key of a value: canonical tokens joined without separators."""
    return "".join(canonical_tokens(text))


@dataclass
class CompactText:
    """A text's compact canonical form with token boundaries mapped back to the original offsets."""

    text: str
    starts: dict[int, int]  # compact offset where a token starts -> original offset
    ends: dict[int, int]  # compact offset just past a token -> original offset just past it

    @classmethod
    def of(cls, text: str) -> CompactText:
        pieces: list[str] = []
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        pos = 0
        lower = text.lower()
        # A few characters change length when lower-cased; then fold token by token to keep offsets exact.
        fold = len(lower) != len(text)
        if fold:
            lower = text
        get = _CANONICAL_OR_DROPPED.get
        append = pieces.append
        for match in TOKEN.finditer(lower):
            token = match.group().lower() if fold else match.group()
            canonical = get(token)
            if canonical is not None:
                if not canonical:
                    continue
                token = canonical
            start, end = match.span()
            starts[pos] = start
            pos += len(token)
            ends[pos] = end
            append(token)
        return cls("".join(pieces), starts, ends)

    def span(self, end_inclusive: int, length: int) -> tuple[int, int] | None:
        """Map an automaton hit back to original offsets, or None if it is not on token boundaries."""
        start = end_inclusive - length + 1
        orig_start = self.starts.get(start)
        orig_end = self.ends.get(end_inclusive + 1)
        if orig_start is None or orig_end is None:
            return None
        return orig_start, orig_end


def normalise_email(value: str) -> str:
    return value.strip().lower()


def phone_keys(value: str) -> set[str]:
    """Compact keys under which an Australian phone number may be written (national and +61 forms)."""
    digits = re.sub(r"\D", "", value)
    if not digits:
        return set()
    keys = {digits}
    if digits.startswith("61") and len(digits) == 11:
        keys.add("0" + digits[2:])
    elif digits.startswith("0") and len(digits) == 10:
        keys.add("61" + digits[1:])
    return {k for k in keys if len(k) >= 8}


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
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERNS = (
    # 3 March 1984, 3rd March 1984, 3 Mar. 1984
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_WORDS})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # March 3, 1984
    re.compile(rf"\b(?P<m>{_MONTH_WORDS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # 03/03/1984, 3-3-1984, 3.3.1984 (Australian day-first)
    re.compile(r"\b(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>(?:19|20)\d\d)\b"),
    # 1984-03-03
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
)


def find_dates(text: str) -> Iterator[tuple[int, int, date]]:
    """Every calendar date written in one of the forms letters use, with its span."""
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parsed = _to_date(match.group("d"), match.group("m"), match.group("y"))
            if parsed is not None:
                yield match.start(), match.end(), parsed


def parse_date(value: str) -> date | None:
    """Parse a whole string as a date in any supported form; None if it is not one."""
    value = value.strip()
    for start, end, parsed in find_dates(value):
        if start == 0 and end == len(value):
            return parsed
    return None


def _to_date(day: str, month: str, year: str) -> date | None:
    m = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    if m is None:
        return None
    try:
        return date(int(year), m, int(day))
    except ValueError:
        return None


def name_tokens(name: str) -> list[str]:
    """A person's name as canonical tokens, titles removed ("Ms Ann LEE" -> ["ann", "lee"])."""
    return [t for t in (m.group().lower() for m in TOKEN.finditer(name)) if t not in TITLES]


@dataclass(frozen=True)
class Address:
    """An Australian postal address split into the parts letters write on separate lines."""

    street: str  # compact canonical street part: "412wattlestreet"
    suburb: str  # compact canonical suburb: "bendigo"
    state: str  # "vic"
    postcode: str  # "3550"

    def keys(self) -> list[str]:
        """Compact keys under which the full address may be written."""
        keys = [
            self.street + self.suburb + self.state + self.postcode,
            self.street + self.suburb + self.postcode,
        ]
        if self.suburb:
            keys.append(self.street + self.suburb + self.state)
            keys.append(self.street + self.suburb)
        return [k for k in dict.fromkeys(keys) if k]


def parse_address(value: str) -> Address | None:
    """Split `12 Wattle Street, Bendigo VIC 3550` (or its two-line form) into street and locality."""
    lines = [p.strip() for p in re.split(r"[,\n]", value) if p.strip()]
    if not lines:
        return None
    # The locality may stand alone on the last line or follow the street on the same line.
    last = lines[-1]
    match = LOCALITY.match(last)
    street_lines = lines[:-1]
    if match is None:
        return None
    suburb = match.group("suburb")
    if not street_lines or suburb[0].isdigit():
        # "12 Wattle Street Bendigo VIC 3550" on one line: the street ends at its street-type word.
        tokens = suburb.split()
        cut = _street_end(tokens)
        if cut is None:
            return None
        street_lines, suburb = [*street_lines, " ".join(tokens[:cut])], " ".join(tokens[cut:])
    state = CANONICAL_WORDS.get(match.group("state").lower(), match.group("state").lower())
    street = compact(" ".join(street_lines))
    return Address(street, compact(suburb), state, match.group("postcode")) if street else None


_STREET_TYPES = frozenset(v for v in CANONICAL_WORDS.values() if v not in ("vic", "qld", "tas", "mount"))


def _street_end(tokens: list[str]) -> int | None:
    for i in range(len(tokens) - 1, 0, -1):
        word = tokens[i].lower().strip(".")
        if CANONICAL_WORDS.get(word, word) in _STREET_TYPES:
            return i + 1
    return None


def initials(given: str, family: str) -> str:
    """`A.L.`: all an incident record may say of a person besides the client id."""
    letters = [w[0].upper() for w in (given.split()[:1] + family.split()[-1:]) if w]
    return "".join(f"{c}." for c in letters)
