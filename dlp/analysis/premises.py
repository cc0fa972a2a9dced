"""The organisation's own premises: an aged care home's, a hostel's, an office's street address.

A home prints its street address on every letter it sends and gives it as the place of every meeting; its
residents' registered addresses are rooms of it ("Room 14, 30 Merri Parade, Warrnambool VIC 3280"). Written
without her room, the home's address is the home's: it says where a suppressed resident lives only beside who
she is. The organisation names its premises in `[organisation] own_details` (the entries that read as a street
address); nothing is guessed from how many clients share a building (review J: a refuge's, a tower's address).

A client's address found within a premises address, her own room not written beside it, becomes a
CLIENT_LOCALITY finding: it no longer says whose data an item carries (mismatched_recipient,
mixed_client_documents), and the suppressed rule counts it only beside her name, one of her identifiers, or to
her joint holder. Her room with it ("Room 14, 30 Merri Parade", "30 Merri Parade (Room 14)") stays her address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dlp.model import Communication, Finding
from dlp.registry.index import CLIENT_ADDRESS, CLIENT_LOCALITY, RegistryIndex
from dlp.registry.loose import SuppressedAddresses, loose_address, names_a_unit

PREMISES = "premises:"  # the key's prefix of a client's address weakened as the organisation's premises


class OwnPremises:
    """The street addresses among the organisation's own details, found as loosely as a suppressed address."""

    def __init__(self, own_details: Iterable[str]) -> None:
        addresses = [(str(i), _without_name(value)) for i, value in enumerate(own_details)]
        # A street address only: a PO Box or a phone number is no building anyone lives in.
        self._matcher = SuppressedAddresses(
            (key, value) for key, value in addresses if (loose := loose_address(key, value)) and loose.street
        )

    def __bool__(self) -> bool:
        return bool(self._matcher)

    def weaken(self, item: Communication, findings: Sequence[Finding], index: RegistryIndex) -> tuple[Finding, ...]:
        """`findings` with each client address written as one of the premises, without the client's own unit
        beside it, made a CLIENT_LOCALITY (where she lives only beside who she is)."""
        texts = {part.name: part.text for part in item.parts}
        spans: dict[str, list[tuple[int, int]]] = {}
        out = []
        for f in findings:
            if f.entity == CLIENT_ADDRESS:
                if f.part not in spans:
                    spans[f.part] = [(m.start, m.end) for m in self._matcher.find(texts.get(f.part, ""))]
                within = any(start <= f.start and f.end <= end for start, end in spans[f.part])
                if within and not _her_unit_beside(texts[f.part], f, index):
                    weak = Finding.of(
                        CLIENT_LOCALITY,
                        f.part,
                        f.start,
                        f.end,
                        f.score,
                        f.clients,
                        False,
                        f.suppressed_for,
                        PREMISES + f.key,
                    )
                    f = weak.as_addressee() if f.addressee else weak
            out.append(f)
        return tuple(out)


def _without_name(value: str) -> str:
    """ "Banksia Grove, 30 Merri Parade, ..." less the name before its number ("Grove" would read as a street)."""
    parts = re.split(r"[,\n]", value)
    while len(parts) > 1 and not any(c.isdigit() for c in parts[0]):
        parts.pop(0)
    return ",".join(parts)


def _her_unit_beside(text: str, finding: Finding, index: RegistryIndex) -> bool:
    """Is one of the finding's clients' own units written beside it ("30 Merri Parade (Room 14)")?"""
    units: set[str] = set()
    for cid in finding.clients:
        loose = loose_address(cid, index.clients[cid].postal_address) if cid in index.clients else None
        if loose is not None:
            units.update(loose.numbers[:-1])
    return bool(units) and names_a_unit(text, finding.start, finding.end, units)
