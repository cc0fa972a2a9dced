"""Normalisation shared by the registry index and the text scanner.

Both sides go through the same functions, so an abbreviation (`St`/`Street`), a case difference or a space
inside a reference number can never make a registry value and its appearance in a letter disagree.

Matching works on *compact canonical* text: the text's alphanumeric tokens, lower-cased, with address words
mapped to one spelling and filler words dropped, concatenated without separators. A registry key matches
only where it starts and ends on token boundaries, so `AC 1234 5678`, `AC-12345678` and `ac12345678` agree
while `0412345678` does not match inside `04123456789`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, compress

import numpy as np

from dlp.tokenize import Offsets, ascii_tokens, split

# A token is a run of letters or a run of digits: "Acct31389721228" and "31389721228A" hold the reference as a
# token of its own, so an identifier glued to a word is still found on token boundaries.
TOKEN = re.compile(r"[^\W\d_]+|\d+")
_TOKEN_SPLIT = re.compile(r"([^\W\d_]+|\d+)")
_ASCII_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_NON_DIGITS = re.compile(r"\D")

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
    "dve": "drive",
    "drve": "drive",
    "avn": "avenue",
    "ally": "alley",
    "arc": "arcade",
    "boul": "boulevard",
    "crct": "circuit",
    "cresc": "crescent",
    "crn": "corner",
    "espl": "esplanade",
    "fwy": "freeway",
    "grn": "green",
    "grv": "grove",
    "jnc": "junction",
    "lp": "loop",
    "pkwy": "parkway",
    "plza": "plaza",
    "rdge": "ridge",
    "rse": "rise",
    "vsta": "vista",
    "wlk": "walk",
    "gdns": "gardens",
    "gdn": "gardens",
    "hts": "heights",
    "rdg": "ridge",
    "trk": "track",
    "mws": "mews",
    "prom": "promenade",
    "cir": "circle",
    "crcs": "circus",
    "vw": "view",
    "wk": "walk",
    "victoria": "vic",
    "queensland": "qld",
    "tasmania": "tas",
    # Australia's country code dialled from Europe and Asia ("0061 412 111 222"): the number as "+61" writes it.
    "0061": "61",
}
# States written out in full, folded to their abbreviation wherever they stand in a text.
STATE_PHRASES: dict[tuple[str, ...], str] = {
    ("new", "south", "wales"): "nsw",
    ("south", "australia"): "sa",
    ("western", "australia"): "wa",
    ("northern", "territory"): "nt",
    ("australian", "capital", "territory"): "act",
}
# Other words written out in full that have a usual short form.
PHRASES = {**STATE_PHRASES, ("post", "office"): "po", ("private", "mail", "bag"): "privatebag"}
_PHRASE_STARTS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _abbr in PHRASES.items():
    _PHRASE_STARTS.setdefault(_words[0], []).append((_words, _abbr))
# Words that only say what kind of dwelling follows ("Unit 4, 12 Wattle St" is "4/12 Wattle St").
DROPPED_WORDS = frozenset({"unit", "u", "apt", "apartment", "flat", "villa", "townhouse", "room"})
# The words a dwelling's number follows, as written ("Unit 4", "Flat 2"): one list for every pattern that reads a
# dwelling (street lines, units written after the street, the loose matcher). In an address, "Room 3" of a shared
# house is one too; in a sentence it is as often a meeting room, so the loose matcher leaves it out.
UNIT_WORDS = r"unit|flat|apt|apartment|villa|townhouse|suite"
DWELLING_WORDS = UNIT_WORDS + r"|room"
_CANONICAL_OR_DROPPED = {**CANONICAL_WORDS, **dict.fromkeys(DROPPED_WORDS, "")}
# How words become keys, as a fingerprint a compiled registry index carries: an index built when the tables said
# otherwise holds keys the scanner's text no longer spells, and is refused rather than silently matching less.
SPELLING = hashlib.sha256(
    repr((sorted(CANONICAL_WORDS.items()), sorted(DROPPED_WORDS), sorted(PHRASES.items()))).encode()
).hexdigest()[:16]
_SPECIAL_WORDS = frozenset(_CANONICAL_OR_DROPPED) | frozenset(_PHRASE_STARTS)
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "drive", "prof", "sir", "dame", "rev", "master", "mstr"})
STATES = ("VIC", "NSW", "QLD", "SA", "WA", "TAS", "NT", "ACT")
STATE_WORDS = (
    r"VIC|NSW|QLD|SA|WA|TAS|NT|ACT|Victoria|Queensland|Tasmania|New\s+South\s+Wales|South\s+Australia|"
    r"Western\s+Australia|Northern\s+Territory|Australian\s+Capital\s+Territory"
)
LOCALITY = re.compile(
    r"^(?P<suburb>[^\W_][\w ./'’\-]*?)[ ,]+"
    rf"(?P<state>{STATE_WORDS})"
    r"\.?[ ,]+(?P<postcode>\d{4})\s*$",
    re.IGNORECASE,
)

# A locality written without its state ("Tindal Creek 3696"), as letters may write it: read for an address block,
# never for the registry (whose form is documented with the state).
LOCALITY_NO_STATE = re.compile(r"^(?P<suburb>[^\W\d_][\w ./'’\-]*?)[ ,]+(?P<postcode>\d{4})\s*$")

# A line that ends an Australian address, whatever precedes it on the line.
LOCALITY_END = re.compile(rf"[^\W\d_][ ,]+(?:{STATE_WORDS})\.?[ ,]+\d{{4}}\s*$", re.IGNORECASE)


# Letters that carry no combining mark to strip, written as people without the key would ("Đức" as "Duc").
_LETTERS = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i", "þ": "th", "ð": "d"})


def fold(token: str) -> str:
    """A lower-case token without diacritics: "Zoë" and "ZOE" agree, so do "Nguyễn" and "Nguyen", "Đức" and "Duc"."""
    token = token.lower()
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFKD", token.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def canonical_tokens(text: str) -> list[str]:
    """The canonical tokens of a value, as the scanner sees them in text."""
    return list(canonical_words(text))


Span = tuple[str, int, int]  # (canonical token, original start, original end)


class Spans(Sequence[Span]):
    """A text's token spans, each made when asked for: a scan looks up a few (where a key was found), and
    making thousands of tuples for a long text cost more than reading its tokens."""

    __slots__ = ("_tokens", "_starts", "_ends")

    def __init__(self, tokens: Sequence[str], starts: Offsets, ends: Offsets) -> None:
        self._tokens, self._starts, self._ends = tokens, starts, ends

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, i: int) -> Span:  # type: ignore[override]  # indexes only: callers never slice
        return self._tokens[i], self.starts[i], self.ends[i]

    def __iter__(self) -> Iterator[Span]:
        return zip(self._tokens, self.starts, self.ends, strict=True)

    # A long text's offsets come as numpy arrays: made lists when first read, as reading an array's items one by
    # one costs more than converting it whole once a text has a few hundred hits (an extract).
    @property
    def starts(self) -> list[int]:
        """Where each token starts in the original text."""
        self._starts = _listed(self._starts)
        return self._starts

    @property
    def ends(self) -> list[int]:
        """Where each token ends in the original text."""
        self._ends = _listed(self._ends)
        return self._ends

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def canonical_spans(text: str) -> Sequence[Span]:
    """(canonical token, start, end) for every token of `text` that is kept, with its original span.

    Address words take one spelling, dwelling words are dropped and a state written out in full becomes its
    abbreviation (one token spanning the words)."""
    return _canonical(text)[1]


def forget_texts() -> None:
    """Drop the tokens kept for recent texts. They are kept for the recognisers of one scan, which all read
    them: Scanner.scan forgets them first, so an item that repeats an earlier text costs what any item does."""
    _canonical.cache_clear()
    distinct_words.cache_clear()


def canonical_words(text: str) -> tuple[str, ...]:
    """The canonical tokens of `text` alone, as canonical_spans has them."""
    return _canonical(text)[0]


@lru_cache(maxsize=16)
def distinct_words(text: str) -> frozenset[str]:
    """The distinct canonical tokens of `text`: the registry's matchers ask which of a text's words start a
    key or are a suppressed address's house number, each a set operation that iterates the smaller set."""
    return frozenset(_canonical(text)[0])


def positions(tokens: tuple[str, ...] | list[str], word: str) -> Iterator[int]:
    """Where `word` stands in `tokens` (list.index: a scan in C, not a Python loop over every token)."""
    at = -1
    try:
        while True:
            at = tokens.index(word, at + 1)
            yield at
    except ValueError:
        return


@lru_cache(maxsize=16)
def _canonical(text: str) -> tuple[tuple[str, ...], Spans]:
    """`text`'s canonical tokens and their spans. Cached: the recognisers of one text all read its tokens."""
    starts: Offsets
    ends: Offsets
    if text.isascii():
        tokens, starts, ends = ascii_tokens(text)  # ASCII keeps every offset when lower-cased
    else:
        raw, starts, ends = split(_TOKEN_SPLIT, text)  # folded one by one: offsets stay the original's
        tokens = [fold(t) for t in raw]
        if "" in tokens:  # a mark that folds to nothing (U+FF9E "ﾞ") is no token
            keep = bytearray(map(bool, tokens))
            tokens = list(compress(tokens, keep))
            starts, ends = list(compress(starts, keep)), list(compress(ends, keep))
    # Most tokens are kept as they are: copy the runs between the few that are not in one slice each, and
    # mark which spans stay (a phrase keeps its first token's, ending where its last ends).
    respelt = _SPECIAL_WORDS.intersection(tokens)
    if not respelt:
        kept = tuple(tokens)
        return kept, Spans(kept, starts, ends)
    special = sorted(at for word in respelt for at in positions(tokens, word))
    out: list[str] = []
    keep = bytearray(b"\x01") * len(tokens)
    phrased = False  # the ends are copied before a phrase's end is written into them
    i = 0
    for at in special:
        if at < i:
            continue  # inside a phrase already taken
        out += tokens[i:at]
        token = tokens[at]
        phrases = _PHRASE_STARTS.get(token)
        i = at + 1
        if phrases:
            for words, abbr in phrases:
                k = len(words)
                if tuple(tokens[at : at + k]) == words:
                    out.append(abbr)
                    if not phrased:
                        ends, phrased = ends.copy(), True
                    ends[at] = ends[at + k - 1]
                    keep[at + 1 : at + k] = bytes(k - 1)
                    i = at + k
                    break
            else:
                out.append(token)
            continue
        canonical = _CANONICAL_OR_DROPPED[token]
        if canonical:
            out.append(canonical)
        else:
            keep[at] = 0
    out += tokens[i:]
    kept = tuple(out)
    if 0 not in keep:  # words respelt one for one ("rd" for "road"): every span stays where it was
        return kept, Spans(kept, starts, ends)
    return kept, Spans(kept, _kept(starts, keep), _kept(ends, keep))


def _listed(values: Offsets) -> list[int]:
    return values if isinstance(values, list) else values.tolist()


def _kept(values: Offsets, keep: bytearray) -> Offsets:
    if isinstance(values, np.ndarray):
        return values[np.frombuffer(keep, dtype=bool)]
    return list(compress(values, keep))


def compact(text: str) -> str:
    """The compact canonical key of a value: canonical tokens joined without separators."""
    if text.isascii():
        # Most values (a million of them in a registry build) hold no word with another spelling: their
        # tokens are the key as they are, without the offsets canonical_spans works out for the scanner.
        tokens = _ASCII_TOKEN.findall(text.lower())
        if _SPECIAL_WORDS.isdisjoint(tokens):
            return "".join(tokens)
    return "".join(canonical_tokens(text))


@dataclass
class CompactText:
    """A text's compact canonical form with token boundaries mapped back to the original offsets."""

    text: str
    tokens: tuple[str, ...]  # the canonical tokens `text` joins
    spans: Spans  # (token, original start, original end), as canonical_spans

    @classmethod
    def of(cls, text: str) -> CompactText:
        # Tokens are folded one by one (never the whole text), so offsets stay those of the original.
        tokens, spans = _canonical(text)
        return cls("".join(tokens), tokens, spans)

    # The offset maps cost a pass over every token: made only for the texts that ask (the registry's matcher
    # maps its few hits by token index instead).
    @cached_property
    def starts(self) -> dict[int, int]:
        """Compact offset where a token starts -> original offset."""
        stops = accumulate(map(len, self.tokens), initial=0)
        return dict(zip(stops, (start for _, start, _ in self.spans), strict=False))

    @cached_property
    def ends(self) -> dict[int, int]:
        """Compact offset just past a token -> original offset just past it."""
        stops = accumulate(map(len, self.tokens))
        return dict(zip(stops, (end for _, _, end in self.spans), strict=True))

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
    """Compact keys under which an Australian phone number may be written (national, +61 and +61 (0) forms)."""
    national = _national(value)
    if national is None:
        digits = _NON_DIGITS.sub("", value)
        return {digits} if len(digits) >= 8 else set()
    return {national, "61" + national[1:], "610" + national[1:]}


def local_phone_key(value: str) -> str | None:
    """A landline's eight-digit local number ("5442 1234" of "(03) 5442 1234"); None for mobiles and others."""
    national = _national(value)
    if national is None or national[1] not in "2378":
        return None
    return national[2:]


def _national(value: str) -> str | None:
    """The ten-digit national form of an Australian number ("0354421234"), or None."""
    digits = _NON_DIGITS.sub("", value)
    if digits.startswith("610") and len(digits) == 12:
        digits = digits[2:]
    elif digits.startswith("61") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits if digits.startswith("0") and len(digits) == 10 else None


def name_tokens(name: str) -> list[str]:
    """A person's name as canonical tokens, titles removed ("Ms Ann LEE" -> ["ann", "lee"])."""
    if name.isascii():
        return [t for t in _ASCII_TOKEN.findall(name.lower()) if t not in TITLES]
    return [t for t in (fold(m.group()) for m in TOKEN.finditer(name)) if t not in TITLES]


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


def parse_address(value: str, state_optional: bool = False) -> Address | None:
    """Split `12 Wattle Street, Bendigo VIC 3550` (or its two-line form) into street and locality; with
    `state_optional` (a letter's address block), also `12 Wattle St` over `Bendigo 3550`."""
    split = _split_address(value, state_optional)
    if split is None:
        return None
    street_lines, suburb, state, postcode = split
    street = compact(" ".join(street_lines))
    return Address(street, compact(suburb), compact(state), postcode) if street else None


def parse_address_parts(value: str) -> tuple[list[str], list[str], str] | None:
    """An address as canonical tokens: (street words, suburb words, postcode)."""
    split = _split_address(value)
    if split is None:
        return None
    street_lines, suburb, _, postcode = split
    return canonical_tokens(" ".join(street_lines)), canonical_tokens(suburb), postcode


_UNIT_AFTER = re.compile(
    rf"^(?P<street>\d+[a-z]?\s+[^\d(]*?)\s*[,(\-–]*\s*(?:{DWELLING_WORDS})\.?\s*"
    r"(?P<unit>\d+[a-z]?)\s*\)?\s*$",
    re.IGNORECASE,
)
_UNIT_LINE = re.compile(rf"^(?:{DWELLING_WORDS})\.?\s*\d+[a-z]?$", re.IGNORECASE)
_CARE_OF_LINE = re.compile(r"^(?:c\s*/\s*-|c\s*/\s*o\b|care\s+of\b|attn\b|attention\b)", re.IGNORECASE)
_POSTCODE_LINE = re.compile(r"^\d{4}$")
_STATE_LINE = re.compile(rf"^(?:{STATE_WORDS})\.?(?:[ ,]+\d{{4}})?$", re.IGNORECASE)


def _split_address(value: str, state_optional: bool = False) -> tuple[list[str], str, str, str] | None:
    lines = [p.strip() for p in re.split(r"[,\n]", value) if p.strip()]
    # "c/- Legal Aid" says whose door it goes to, not where: the address is what follows. Unless nothing but the
    # locality follows: "c/- Post Office, Elizabeth SA 5112" (mail held at the post office) is that door.
    kept = [line for line in lines if not _CARE_OF_LINE.match(line)]
    if len(kept) == 1 and len(lines) > 1:
        kept = [_CARE_OF_LINE.sub("", line).strip(" -:") for line in lines]
    lines = [line for line in kept if line]
    # A locality split over lines: "BENDIGO VIC" over "3550", "TOOWOOMBA" over "QLD 4350", or three lines.
    while len(lines) >= 2 and (_POSTCODE_LINE.match(lines[-1]) or _STATE_LINE.match(lines[-1])):
        if LOCALITY.match(lines[-1]):
            break
        lines[-2:] = [f"{lines[-2]} {lines[-1]}"]
    if not lines:
        return None
    # The locality may stand alone on the last line or follow the street on the same line.
    match = LOCALITY.match(lines[-1])
    # "12 Boundary Rd (unit 2)" is "2/12 Boundary Rd": the unit goes where the registry's form has it.
    street_lines = [_UNIT_AFTER.sub(r"\g<unit>/\g<street>", line) for line in lines[:-1]]
    units = [line for line in street_lines[1:] if _UNIT_LINE.match(line)]  # "12 Boundary Rd, Unit 2, ..."
    street_lines = units + [line for line in street_lines if line not in units]
    if match is None:
        plain = LOCALITY_NO_STATE.match(lines[-1]) if state_optional and street_lines else None
        return (street_lines, plain.group("suburb"), "", plain.group("postcode")) if plain else None
    suburb = match.group("suburb")
    if not street_lines or suburb[0].isdigit():
        # "12 Wattle Street Bendigo VIC 3550" on one line: the street ends at its street-type word.
        tokens = suburb.split()
        cut = _street_end(tokens)
        if cut is None:
            return None
        street_lines, suburb = [*street_lines, " ".join(tokens[:cut])], " ".join(tokens[cut:])
    return street_lines, suburb, match.group("state"), match.group("postcode")


# Canonical street-type words: what may end a street line.
STREET_TYPES = frozenset(
    {v for v in CANONICAL_WORDS.values() if v not in ("vic", "qld", "tas", "mount")}
    | {"rise", "loop", "row", "walk", "view", "mews", "ridge", "track", "chase", "glade", "outlook", "vista", "link"}
)
_STREET_TYPES = STREET_TYPES


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
