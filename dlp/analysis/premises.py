"""The organisation's own premises: an aged care home's, a hostel's, an office's street address.

A home prints its street address on every letter it sends and gives it as the place of every meeting; its
residents' registered addresses are rooms of it ("Room 14, 30 Merri Parade, Warrnambool VIC 3280"). Written
without her room, the home's address is the home's: it says where a suppressed resident lives only beside who
she is. The organisation names its premises in `[organisation] own_details` (the entries that read as a street
address); nothing is guessed from how many clients share a building (review J: a refuge's, a tower's address).

A client's address found within a premises address, her own room not named in the part, becomes a
CLIENT_LOCALITY finding: it no longer says whose data an item carries (mismatched_recipient,
mixed_client_documents), and the suppressed rule counts it only beside her name, one of her identifiers, her title
or initials with her surname (dlp/analysis/surnames.py), or to her joint holder. Her room anywhere in the same
part ("Room 14, 30 Merri Parade", "30 Merri Parade (Room 14)", "room fourteen" lines above) keeps it her address.

A letter addressed to the home itself, no room named ("Mr Walter Pike, 30 Merri Parade"), is read by the resident it
names, wherever in the building he is registered (`building`, `within`: dlp/registry/resolve.py), and delivering
it there says nothing of a suppressed resident registered at the bare address (review K-10).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dlp.model import Communication, Finding
from dlp.normalize import parse_address
from dlp.registry.index import CLIENT_ADDRESS, CLIENT_LOCALITY, RegistryIndex
from dlp.registry.loose import LooseAddress, SuppressedAddresses, loose_address, loose_parts, units_named

PREMISES = "premises:"  # the key's prefix of a client's address weakened as the organisation's premises
OWN_TOWN = "town:"  # the key's prefix of a suppressed suburb that is also a town of the organisation's own offices


class OwnPremises:
    """The street addresses among the organisation's own details, found as loosely as a suppressed address."""

    def __init__(self, own_details: Iterable[str]) -> None:
        addresses = [(str(i), _without_name(value)) for i, value in enumerate(own_details)]
        # A street address only: a PO Box or a phone number is no building anyone lives in.
        streets = [
            (key, value, loose) for key, value in addresses if (loose := loose_address(key, value)) and loose.street
        ]
        self._matcher = SuppressedAddresses((key, value) for key, value, _ in streets)
        self._buildings = tuple(loose for _, _, loose in streets)
        # The towns of its offices and post boxes: "our Ingham branch" in every member's branch-closure letter.
        self.towns = frozenset(
            address.suburb for _, value in addresses if (address := parse_address(value)) is not None and address.suburb
        )

    def __bool__(self) -> bool:
        return bool(self._matcher)

    def building(self, address: str) -> LooseAddress | None:
        """The premises `address` (a letter's address block) is, written without a room or unit of it: a letter
        sent to the home itself, or None."""
        written = loose_parts(address)
        if written is None or len(written.numbers) != 1:
            return None
        return next((b for b in self._buildings if _same_building(b, written)), None)

    def within(self, building: LooseAddress, address: str) -> bool:
        """Is `address` (a client's registered postal address) the building, bare or a room or unit of it?"""
        hers = loose_parts(address)
        return hers is not None and _same_building(building, hers)

    def weaken(self, item: Communication, findings: Sequence[Finding], index: RegistryIndex) -> tuple[Finding, ...]:
        """`findings` with each client address written as one of the premises, without the client's own unit
        beside it, made a CLIENT_LOCALITY (where she lives only beside who she is)."""
        texts = {part.name: part.text for part in item.parts}
        spans: dict[str, list[tuple[int, int]]] = {}
        units: dict[str, frozenset[tuple[str, str]]] = {}
        out: list[Finding] = []
        for f in findings:
            if f.entity != CLIENT_ADDRESS:
                out.append(f)
                continue
            if f.part not in spans:
                spans[f.part] = [(m.start, m.end) for m in self._matcher.find(texts.get(f.part, ""))]
                units[f.part] = units_named(texts.get(f.part, "")) if spans[f.part] else frozenset()
            if not any(start <= f.start and f.end <= end for start, end in spans[f.part]):
                out.append(f)
                continue
            # Those whose own unit the part names keep the address; for the others it is the premises'.
            hers = _unit_named(f.clients, units[f.part], index)
            if hers:
                out.append(_with(f, f.entity, hers, True, f.key))
            if hers != f.clients:
                out.append(_with(f, CLIENT_LOCALITY, f.clients - hers, False, PREMISES + f.key))
        return tuple(out)


def mark_towns(findings: tuple[Finding, ...], towns: frozenset[str]) -> tuple[Finding, ...]:
    """`findings` with each suppressed suburb that is also one of the organisation's own towns keyed `OWN_TOWN`: a
    branch's or an office's town ("our Ingham branch is closing") says where she lives only beside her name or one
    of her identifiers, not because the reader is her joint holder (rules/suppressed_detail_exposed.py)."""
    if not towns:
        return findings
    return tuple(
        _with(f, f.entity, f.clients, f.strong, OWN_TOWN + f.key)
        if f.entity == CLIENT_LOCALITY and ":" not in f.key and f.key in towns
        else f
        for f in findings
    )


def _same_building(a: LooseAddress, b: LooseAddress) -> bool:
    """Its number, street name and type, and postcode: "30 Merri Street" is no room of "30 Merri Parade". Not the
    suburb, which letters misspell or shorten ("BALLARAT" for Ballarat East: review M-7)."""
    return _building(a) == _building(b)


def _building(a: LooseAddress) -> tuple[tuple[str, ...], str, str, str]:
    return a.numbers[-1:], a.street, a.street_type, a.postcode


def _with(f: Finding, entity: str, clients: frozenset[str], strong: bool, key: str) -> Finding:
    made = Finding.of(entity, f.part, f.start, f.end, f.score, clients, strong, f.suppressed_for & clients, key)
    return made.as_addressee() if f.addressee else made


def _without_name(value: str) -> str:
    """ "Banksia Grove, 30 Merri Parade, ..." less the name before its number ("Grove" would read as a street)."""
    parts = re.split(r"[,\n]", value)
    while len(parts) > 1 and not any(c.isdigit() for c in parts[0]):
        parts.pop(0)
    return ",".join(parts)


def _unit_named(clients: frozenset[str], named: frozenset[tuple[str, str]], index: RegistryIndex) -> frozenset[str]:
    """The clients whose own unit the part names anywhere ("Room 14" lines above the home's address, "room fourteen").
    Anywhere, failing closed: a meeting room of her number holds the item too."""
    if not named:
        return frozenset()
    found = set()
    for cid in clients:
        loose = loose_parts(index.clients[cid].postal_address) if cid in index.clients else None
        # Her unit, alone or of her building: "Unit 14, 28 Merri Parade" next door is another dwelling.
        if loose is not None and any(
            unit in loose.numbers[:-1] and building in ("", loose.numbers[-1]) for unit, building in named
        ):
            found.add(cid)
    return frozenset(found)
