"""A letter's addressee: the address block under the letterhead, and the salutation.

The address block is the block of lines ending in a locality line (`BENDIGO VIC 3550`) nearest above the
salutation (`Dear Ms Lee,`); a letterhead's own address higher up is passed over.
"""

from __future__ import annotations

import re

from dlp.model import AddressBlock
from dlp.normalize import LOCALITY_END

SALUTATION = re.compile(r"^\s*(?:Dear|To)\s+(?P<who>[^,\n]{1,80}),?\s*$", re.IGNORECASE)
# Lines printed above an addressee that are not the addressee.
ATTENTION = re.compile(
    r"^(?:private and confidential|confidential|personal|urgent|by (?:email|post|hand)|return to sender|"
    r"(?:our|your) ref(?:erence)?\b.*|date\b.*|\d{1,2}\s+\w+\s+\d{4})$",
    re.IGNORECASE,
)
MAX_BLOCK_LINES = 6
HEADER_LINES = 40  # without a salutation, the addressee is looked for in the top of the first page


def find_address_block(text: str) -> AddressBlock | None:
    lines = [line.strip() for line in text.splitlines()]
    salutation_at, salutation = None, None
    for i, line in enumerate(lines):
        match = SALUTATION.match(line)
        if match:
            salutation_at, salutation = i, match.group("who").strip()
            break
    limit = salutation_at if salutation_at is not None else min(len(lines), HEADER_LINES)
    localities = [i for i in range(limit) if lines[i] and LOCALITY_END.search(lines[i])]
    if not localities:
        return None
    end = localities[-1]
    block: list[str] = []
    i = end
    while i >= 0 and lines[i] and len(block) < MAX_BLOCK_LINES:
        if i != end and (LOCALITY_END.search(lines[i]) and i in localities):
            break  # the letterhead's address sits directly above: stop at it
        block.insert(0, lines[i])
        i -= 1
    block = [line for line in block if not ATTENTION.match(line)]
    if len(block) < 2:
        return AddressBlock(name="", address_lines=tuple(block), salutation=salutation)
    return AddressBlock(name=block[0], address_lines=tuple(block[1:]), salutation=salutation)


def starts_letter(text: str) -> bool:
    """Does this page open a new letter (an address block above a salutation)?"""
    block = find_address_block(text)
    return block is not None and block.salutation is not None and bool(block.name)
