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
MAX_STREET_LINES = 3
# A street line: a number first, a delivery service, or a street-type word ("Wattle St", "Level 2").
STREET_LINE = re.compile(
    r"^(?:\d|(?:unit|flat|apt|apartment|level|lot|shop|suite|po box|p\.o\. box|gpo box|locked bag|rmb|care of|c/-)\b)"
    r"|\b(?:st|street|rd|road|ave|avenue|dr|drive|ct|court|pl|place|cres|crescent|hwy|highway|pde|parade|tce|terrace|"
    r"cl|close|ln|lane|bvd|boulevard|way|grove|circuit|cct|square)\.?$",
    re.IGNORECASE,
)
# The addressee's name: words, initials, titles and "&"; no digits, no @, not too long.
NAME_LINE = re.compile(r"^[^\W\d_][\w.'’\- &]{0,78}$")
HEADER_LINES = 40  # without a salutation, the addressee is looked for in the top of the first page


def find_address_block(text: str) -> AddressBlock | None:
    # Blank lines are dropped: a PDF's text often has none, a DOCX's has one after every paragraph.
    lines = [line.strip() for line in text.splitlines() if line.strip()]
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
    # Walk up from the locality line: street lines first, then the addressee's name. Blank lines are not
    # relied on (text taken from a PDF often has none).
    address = [lines[end]]
    i = end - 1
    while i >= 0 and len(address) < MAX_STREET_LINES + 1 and lines[i] and STREET_LINE.search(lines[i]):
        if i in localities:
            break
        address.insert(0, lines[i])
        i -= 1
    # The name sits directly above the street lines; a blank, attention or letterhead line there means none.
    candidate = lines[i] if i >= 0 else ""
    name = candidate if NAME_LINE.match(candidate) and not ATTENTION.match(candidate) and i not in localities else ""
    return AddressBlock(name=name, address_lines=tuple(address), salutation=salutation)


def starts_letter(text: str) -> bool:
    """Does this page open a new letter (an address block above a salutation)?"""
    block = find_address_block(text)
    return block is not None and block.salutation is not None and bool(block.name)
