"""Suppressed addresses written loosely: a typo, a label, a line break or a table cell in the way.

The exact-data-match automaton finds an address written in any of its usual forms. A suppressed address must
be found also where a person wrote it loosely, failing closed: one wrong, missing or extra letter in the street
or suburb name, labels between the parts ("Street: ... Suburb: ... Postcode: ..."), a unit's building with the
unit after it or not at all ("12 Wattle St (unit 4)"), the street first and the number last ("Murray Valley
Hwy in Carrajung North (no. 176, unit 4)"). House numbers and postcodes are always exact, so a neighbour's
letter is never caught; a street line followed by another suburb or postcode is another place, and a building
with another of its dwellings named is another dwelling.

Only suppressed addresses are matched this way: there are few of them, and each is worth the extra care.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz.distance import OSA

from dlp.normalize import (
    DWELLING_WORDS,
    STREET_TYPES,
    UNIT_WORDS,
    canonical_spans,
    canonical_words,
    distinct_words,
    parse_address_parts,
    positions,
)

# Words that label the parts of an address in a form; they may stand between street and locality.
LABEL_WORDS = frozenset(
    {"street", "address", "suburb", "town", "city", "locality", "state", "postcode", "post", "code", "pc", "line"}
)
STATE_TOKENS = frozenset({"vic", "nsw", "qld", "sa", "wa", "tas", "nt", "act"})
LOCALITY_WINDOW = 10  # tokens after the street searched for the suburb or postcode
STREET_FIRST_WINDOW = 10  # tokens before a house number searched for its street, written street first
HOUSE_NUMBER_WORDS = frozenset({"no", "number", "num", "nr", "house"})  # what a house number written last follows
UNIT_WINDOW = 6  # tokens either side of a building's address searched for the dwelling it names
# Not "room": "the mediation is in Room 4" beside her building's address must not cancel the match.
DWELLING_NUMBER = re.compile(rf"\b(?:{UNIT_WORDS}|shop)\.?\s*(?:no\.?\s*)?#?\s*(\d+[a-z]?)\b", re.IGNORECASE)


# Delivery services written before their number: "PO Box 12", "Locked Bag 7", "RMB 40", "Reply Paid 7800".
SERVICES = frozenset(
    {"pobox", "gpobox", "pobag", "lockedbag", "privatebag", "mailbag", "replypaid", "rmb", "rsd", "cmb", "rmd"}
)


@dataclass(frozen=True, slots=True)
class LooseAddress:
    client_id: str
    numbers: tuple[str, ...]  # ("4", "12") for "4/12 Wattle St"; ("5684",) for "PO Box 5684"
    street: str  # compact street name without number and type: "wattle", "lillypilly"; "" for a service
    street_tokens: int
    street_type: str  # canonical type word: "street"; "" for a PO Box and the like
    service: str  # "pobox", "lockedbag": the number follows it; "" for a street address
    suburb: str  # compact
    suburb_tokens: int
    postcode: str
    suburb_first: str = ""  # the suburb's first word


@dataclass(frozen=True, slots=True)
class LooseMatch:
    start: int
    end: int
    client_id: str
    key: str


class SuppressedAddresses:
    """Suppressed postal addresses, looked up by their house number and confirmed around it."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        """`entries`: (client id, postal address) of every client whose address is suppressed."""
        self.by_number: dict[str, list[LooseAddress]] = defaultdict(list)
        # By house number, then by each of the street name's first two letters: a name one slip away from
        # what is written shares one of them with the written name's first two (a slip at the front shifts
        # or swaps them). A million-client registry holds thousands of suppressed addresses per house number.
        self._by_lead: dict[str, dict[str, list[int]]] = {}
        self._any_lead: dict[str, list[int]] = {}  # PO boxes and the like: no street name
        for client_id, address in entries:
            loose = _loose(client_id, address)
            if loose is not None:
                number = loose.numbers[-1]
                at = len(self.by_number[number])
                self.by_number[number].append(loose)
                if loose.street:
                    leads = self._by_lead.setdefault(number, {})
                    for letter in set(loose.street[:2]):
                        leads.setdefault(letter, []).append(at)
                else:
                    self._any_lead.setdefault(number, []).append(at)

    @cached_property
    def _numbers(self) -> frozenset[str]:
        return frozenset(self.by_number)

    def __bool__(self) -> bool:
        return bool(self.by_number)

    def _candidates(self, number: str, words: Sequence[str], at: int) -> list[LooseAddress]:
        """The suppressed addresses with this house number whose street could follow it."""
        everyone = self.by_number[number]
        lead = "".join(words[at + 1 : at + 3])[:2]
        by_lead = self._by_lead.get(number, {})
        found = {i for letter in set(lead) for i in by_lead.get(letter, ())}
        found.update(self._any_lead.get(number, ()))
        return [everyone[i] for i in sorted(found)]  # in registry order, as when every one was tried

    def find(self, text: str) -> Iterator[LooseMatch]:
        if not self.by_number:
            return
        numbers = self._numbers & distinct_words(text)  # a few of a text's distinct words
        if not numbers:
            return
        words = canonical_words(text)
        tokens = canonical_spans(text)
        distinct = distinct_words(text)
        for i in sorted(at for number in numbers for at in positions(words, number)):
            found = [(a, _confirm(a, words, i)) for a in self._candidates(words[i], words, i)]
            # Written street first, the number after the locality, as a number ("no. 176"), and not part of an
            # amount ("1,204.55").
            if i and words[i - 1] in HOUSE_NUMBER_WORDS and not _in_a_number(text, tokens[i][2]):
                found += [(a, _confirm_street_first(a, words, i)) for a in self._street_first(words, distinct, i)]
            for address, span in found:
                if span is not None:
                    first, end = span
                    if len(address.numbers) > 1 and first == i and _names_another_unit(address, text, tokens, i, end):
                        continue  # the building, but "12 Wattle St, Kangaroo Flat (unit 3)": another dwelling
                    key = "loose:" + (address.street or address.service + address.numbers[-1])
                    yield LooseMatch(tokens[first][1], tokens[end][2], address.client_id, key)

    def _street_first(self, words: Sequence[str], distinct: frozenset[str], at: int) -> list[LooseAddress]:
        """The suppressed addresses with this house number whose street could stand before it, with their
        suburb or postcode somewhere in the text ("Murray Valley Hwy in Carrajung North (no. 176, unit 4)")."""
        leads = self._by_lead.get(words[at])
        if not leads:
            return []
        found = {
            i for word in words[max(0, at - STREET_FIRST_WINDOW) : at] for c in set(word[:2]) for i in leads.get(c, ())
        }
        everyone = self.by_number[words[at]]
        return [
            everyone[i]
            for i in sorted(found)
            if everyone[i].postcode in distinct or everyone[i].suburb_first in distinct
        ]


def loose_address(client_id: str, address: str) -> LooseAddress | None:
    """The address as the loose matcher holds it, or None if it has no street name to match loosely."""
    return _loose(client_id, address)


@lru_cache(maxsize=16384)
def loose_parts(address: str) -> LooseAddress | None:
    """`loose_address` of an address, whoever's (client_id ""), remembered: the scan's later steps ask after the same
    few suppressed clients' addresses in item after item (a letterhead's suburb, theirs)."""
    return _loose("", address)


def _loose(client_id: str, address: str) -> LooseAddress | None:
    parts = parse_address_parts(address)
    if parts is None:
        return None
    street_words, suburb_words, postcode = parts
    numbers = tuple(w for w in street_words if w.isdigit())
    names = [w for w in street_words if not w.isdigit()]
    if not numbers or not names:
        return None
    suburb, suburb_tokens = "".join(suburb_words), len(suburb_words)
    if not street_words[0].isdigit() and "".join(names) in SERVICES:
        return LooseAddress(client_id, numbers[-1:], "", 0, "", "".join(names), suburb, suburb_tokens, postcode)
    kind = names[-1] if names[-1] in STREET_TYPES else ""
    if kind:
        names = names[:-1]
    if not names:
        return None
    first = suburb_words[0] if suburb_words else ""
    return LooseAddress(
        client_id, numbers, "".join(names), len(names), kind, "", suburb, suburb_tokens, postcode, first
    )


def _confirm(address: LooseAddress, words: Sequence[str], at: int) -> tuple[int, int] | None:
    """The indexes of the address's first and last tokens if the text at `at` (its house number) is this
    address."""
    if address.service:
        # "PO Box 5684", "P.O. Box 5684", "POBox 5684": the service's words run up to the number.
        service = _service_words(address, words, at)
        end = _locality(address, words, at) if service else None
        return None if end is None else (at - service, end)
    first = at
    if len(address.numbers) > 1:
        unit = at - (len(address.numbers) - 1)
        if unit >= 0 and tuple(words[unit : at + 1]) == address.numbers:
            first = unit  # "4/12 Wattle St", "Unit 4, 12 Wattle St"
        elif at > 0 and words[at - 1].isdigit():
            return None  # "3/12 Wattle St": another dwelling of the building
        # Otherwise the building, its unit written after it ("12 Wattle St (unit 4)", "12 Wattle St, Kangaroo
        # Flat - flat 4") or not at all: where she lives, failing closed.
    elif at > 0 and words[at - 1].isdigit():
        return None  # "3/12 Wattle St" is another dwelling than "12 Wattle St"
    street_end = _fuzzy_run(words, at + 1, address.street, address.street_tokens)
    if street_end is None:
        return None
    end = street_end
    if end + 1 < len(words) and words[end + 1] in STREET_TYPES:
        if address.street_type and words[end + 1] != address.street_type:
            return None  # Wattle Road is not Wattle Street
        end += 1
    if first == at and len(address.numbers) > 1 and _other_unit(address, words, end + 1):
        return None  # "12 Wattle St, unit 3": another dwelling of the building
    last = _locality(address, words, end)
    return None if last is None else (first, last)


def _confirm_street_first(address: LooseAddress, words: Sequence[str], at: int) -> tuple[int, int] | None:
    """The first and last tokens of the address written street first, its number after the locality
    ("Murray Valley Hwy in Carrajung North (no. 176, unit 4)"), if the text at `at` (its house number) ends it."""
    # Only a number written as one ("no. 176", "number 7"): after a street and suburb, a bare number is as
    # often a date, a time, an amount or a count.
    if address.service or at == 0 or words[at - 1] not in HOUSE_NUMBER_WORDS:
        return None
    for start in range(max(0, at - STREET_FIRST_WINDOW), at):
        if start > 0 and words[start - 1].isdigit():
            continue  # "3 Riverview Drive": the street has its own number, a neighbour's
        street_end = _fuzzy_run(words, start, address.street, address.street_tokens)
        if street_end is None or street_end >= at:
            continue
        end = street_end
        if end + 1 < at and words[end + 1] in STREET_TYPES:
            if address.street_type and words[end + 1] != address.street_type:
                continue  # Wattle Road is not Wattle Street
            end += 1
        between = range(end + 1, at)
        if any(words[j].isdigit() and words[j] not in (address.postcode, *address.numbers[:-1]) for j in between):
            continue  # another number between: another place
        if not any(
            words[j] == address.postcode or _fuzzy_run(words, j, address.suburb, address.suburb_tokens) is not None
            for j in between
        ):
            continue  # the locality between street and number says it is one address
        last = at
        if len(address.numbers) > 1 and at + 1 < len(words) and words[at + 1].isdigit() and len(words[at + 1]) < 4:
            if words[at + 1] not in address.numbers[:-1]:
                return None  # "(no. 176, unit 3)": another dwelling of the building
            last = at + 1
        return start, last
    return None


def _names_another_unit(
    address: LooseAddress, text: str, tokens: Sequence[tuple[str, int, int]], at: int, end: int
) -> bool:
    """Does the text around the building ("Flat 3 at 12 Wattle St", "12 Wattle St, Kangaroo Flat (unit 3)") name
    a dwelling of it other than the address's? Dwelling words are no canonical tokens: the text itself is read."""
    start = max(0, tokens[max(0, at - UNIT_WINDOW)][1] - len("apartment "))  # the dwelling word is no token
    stop = tokens[min(len(tokens) - 1, end + UNIT_WINDOW)][2]
    # "KANGAROO FLAT 12 Wattle St": a suburb's "Flat" before the house number is no dwelling of it.
    units = {m.group(1).lower() for m in DWELLING_NUMBER.finditer(text, start, stop)} - {address.numbers[-1]}
    return bool(units) and not units & set(address.numbers[:-1])


# A room of a home or hostel, or a dwelling, by its number in digits or in words ("Room 14", "room fourteen",
# "Unit twenty-two").
_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SPELLED = {w: str(i + 1) for i, w in enumerate(_ONES)} | {w: str(i + 10) for i, w in enumerate(_TEENS)}
for _t, _tens in enumerate(_TENS, 2):
    SPELLED[_tens] = str(_t * 10)
    SPELLED.update({f"{_tens}{sep}{one}": str(_t * 10 + i + 1) for i, one in enumerate(_ONES) for sep in ("-", " ")})
_SPELLED = "|".join(sorted(SPELLED, key=len, reverse=True))
DWELLING_NAMED = re.compile(
    rf"\b(?:{DWELLING_WORDS}|shop|rm)\.?\s*(?:no\.?\s*)?#?\s*(\d+[a-z]?|{_SPELLED})\b"
    r"(?:\s*[,/]?\s*(\d+[a-z]?)\s+[^\W\d_])?",  # the building's number after it: "Unit 14, 28 Merri Parade"
    re.IGNORECASE,
)


def units_named(text: str) -> frozenset[tuple[str, str]]:
    """Every dwelling or room a text names with its word ("Room 14", "Rm 14", "unit fourteen"), as (its number in
    digits, the building's number written after it or "")."""
    return frozenset(
        (SPELLED.get(m.group(1).lower(), m.group(1).lower()), (m.group(2) or "").lower())
        for m in DWELLING_NAMED.finditer(text)
    )


def _in_a_number(text: str, end: int) -> bool:
    """Does the token ending at `end` go on as a number with separators ("1,204.55", "3.5")?"""
    return end + 1 < len(text) and text[end] in ",." and text[end + 1].isdigit()


def _other_unit(address: LooseAddress, words: Sequence[str], j: int) -> bool:
    """Does the street line go on with a unit number other than the address's ("12 Wattle St, unit 3": the
    dwelling word itself is not a canonical token)?"""
    return j < len(words) and words[j].isdigit() and len(words[j]) < 4 and words[j] not in address.numbers[:-1]


def _service_words(address: LooseAddress, words: Sequence[str], at: int) -> int:
    """How many words before `at` spell the address's delivery service (0 if none, or a street address)."""
    if not address.service:
        return 0
    return next((k for k in (1, 2, 3) if at >= k and "".join(words[at - k : at]) == address.service), 0)


def _locality(address: LooseAddress, words: Sequence[str], end: int) -> int | None:
    """Past the street (or box) ending at `end`: the address's last token, or None if another place follows."""
    # The locality: the suburb (one slip allowed) or the postcode (exact) nearby, and no other place instead.
    j = end + 1
    window_end = min(len(words), j + LOCALITY_WINDOW)
    other_place = False
    while j < window_end:
        word = words[j]
        if word in LABEL_WORDS or word in STATE_TOKENS:
            j += 1
            continue
        if word == address.postcode:
            return j
        if word.isdigit():
            if len(word) == 4:
                other_place = True
            break
        suburb_end = _fuzzy_run(words, j, address.suburb, address.suburb_tokens)
        if suburb_end is not None:
            postcode = _postcode_after(words, suburb_end + 1)
            if postcode is not None and words[postcode] != address.postcode:
                return None  # the suburb's namesake in another postcode
            return postcode if postcode is not None else suburb_end
        # Another suburb name with her postcode ("30 Merri Street, FAIRFIELD VIC 3070" for Northcote 3070): the
        # number, street and postcode deliver to her door, whatever the suburb line says. Failing closed.
        same_postcode = _her_postcode_after_suburb(address, words, j, window_end)
        if same_postcode is not None:
            return same_postcode
        other_place = other_place or _looks_like_locality(words, j, window_end)
        break
    # A bare street line with no locality at all fails closed; one followed by another place is that place.
    return None if other_place else end


def _postcode_after(words: Sequence[str], j: int) -> int | None:
    """The index of a postcode right after a suburb (past a state or a label), if one is written."""
    for k in range(j, min(len(words), j + 4)):
        if words[k] in LABEL_WORDS or words[k] in STATE_TOKENS:
            continue
        return k if words[k].isdigit() and len(words[k]) == 4 else None
    return None


def _her_postcode_after_suburb(address: LooseAddress, words: Sequence[str], j: int, window_end: int) -> int | None:
    """The index of the address's own postcode closing a suburb of a few words that starts at `j` (another name
    than hers, or hers misspelt more than once), if it is written so."""
    if not address.postcode:
        return None
    for k in range(j + 1, min(window_end, j + 4)):
        word = words[k]
        if word.isdigit():
            return k if word == address.postcode else None
    return None


def _looks_like_locality(words: Sequence[str], j: int, window_end: int) -> bool:
    """Another suburb: a word followed closely by a state or a postcode."""
    return any(w in STATE_TOKENS or (w.isdigit() and len(w) == 4) for w in words[j + 1 : min(window_end, j + 4)])


def _fuzzy_run(words: Sequence[str], start: int, target: str, count: int) -> int | None:
    """The last index of a run of words from `start` that spells `target` with at most one slip."""
    slip = 1 if len(target) >= 5 else 0
    for n in (count, count - 1, count + 1):
        if n < 1 or start + n > len(words):
            continue
        joined = "".join(words[start : start + n])
        if abs(len(joined) - len(target)) <= slip and OSA.distance(joined, target, score_cutoff=slip) <= slip:
            return start + n - 1
    return None
