"""Her street before her suburb: "now living in Myrtle Lane, Redgum Flat" is her suppressed address without its
house number, more than the suburb alone says (review J-5).

A suppressed address's suburb is found as a CLIENT_LOCALITY; written after a street line it reads as that
address's locality ("PO Box 4410, Albury": an office's), which says nothing of her. Where that street is her own
street, written without a house number (a date or a list's number before it is none), the finding is widened over
the street name: it is her address's locality, where she lives once the item says who she is. A house number before
her street leaves it to the address matchers: another number is a neighbour's, another unit another dwelling, hers
the whole address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dlp.extract.letter import locality_of_an_address
from dlp.model import Communication, Finding
from dlp.normalize import STREET_TYPES, canonical_spans
from dlp.registry.index import CLIENT_ADDRESS, CLIENT_LOCALITY, RegistryIndex
from dlp.registry.loose import loose_parts

HER_STREET = "street:"  # the key's prefix of a suburb widened over her street
LOOK_BACK = 80  # characters before the suburb searched for her street (on its line or the one above)


def widen_to_her_street(item: Communication, findings: Sequence[Finding], index: RegistryIndex) -> tuple[Finding, ...]:
    """`findings` with each suppressed suburb written after its client's own street name widened over it."""
    at = [i for i, f in enumerate(findings) if f.entity == CLIENT_LOCALITY and f.suppressed_for]
    if not at:
        return tuple(findings)
    texts = {part.name: part.text for part in item.parts}
    # A suburb inside an address found whole ("12 Heron Close, Redgum Flat": an extract's row) has its house number.
    whole = [(f.part, f.start, f.end) for f in findings if f.entity == CLIENT_ADDRESS]
    out = list(findings)
    for i in at:
        f = findings[i]
        if any(part == f.part and start <= f.start and f.end <= end for part, start, end in whole):
            continue
        start, hers = _her_street(texts.get(f.part, ""), f, index)
        if hers:
            # Hers alone: the suburb is other suppressed clients' too, the street is not.
            widened = Finding.of(f.entity, f.part, start, f.end, f.score, hers, f.strong, hers, HER_STREET + f.key)
            out[i] = widened.as_addressee() if f.addressee else widened
    return tuple(out)


# The end of a date written before a street ("changed 03/06/2025: Myrtle Lane", a table's "2025-06-03  Myrtle Lane").
_DATE_ENDS = re.compile(r"(?:\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\b\d{4}-\d{1,2}-\d{1,2})$")


def _house_number(text: str, token: tuple[str, int, int], street: int) -> bool:
    """Is the token before her street's name its house number ("40 Myrtle Lane", "3/12 Myrtle Lane"), not a list's
    number ("1. Myrtle Lane"), a date or a table's other column?"""
    word, start, end = token
    if not any(c.isdigit() for c in word):
        return False
    gap = text[end:street]
    return gap.strip(" ,") == "" and "  " not in gap and not _DATE_ENDS.search(text, 0, end)


def _her_street(text: str, finding: Finding, index: RegistryIndex) -> tuple[int, frozenset[str]]:
    """Where the street's name starts and whose street it is, if the suburb follows one of its suppressed clients'
    streets ("Myrtle Lane, ", "Myrtle Lane ", "Myrtle Lane\n")."""
    lo = max(0, finding.start - LOOK_BACK)
    if not locality_of_an_address(text, finding.start):
        return 0, frozenset()  # most suburbs: not after a street line, counted as they are
    before = [(token, lo + s, lo + e) for token, s, e in canonical_spans(text[lo : finding.start])]
    if len(before) < 2 or before[-1][0] not in STREET_TYPES:
        return 0, frozenset()
    start, hers = 0, set()
    for cid in sorted(finding.suppressed_for):
        if cid not in index.clients:
            continue
        address = loose_parts(index.clients[cid].postal_address)
        if address is None or not address.street or before[-1][0] != address.street_type:
            continue
        names = before[-1 - address.street_tokens : -1]
        if len(names) != address.street_tokens or "".join(t for t, _, _ in names) != address.street:
            continue
        if len(before) > address.street_tokens + 1 and _house_number(
            text, before[-2 - address.street_tokens], names[0][1]
        ):
            # "40 Myrtle Lane": a neighbour's address; "Unit 5, 12 Myrtle Lane": another dwelling of her building;
            # her own number makes the whole address, which the address matchers find.
            continue
        start = names[0][1]
        hers.add(cid)
    return start, frozenset(hers)
