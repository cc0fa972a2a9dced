"""Her surname after a title or her initials ("Mrs E. Marlow", "Mrs Marlow"), where an item shows her suburb, her
street or the home she lives in: that says who she is as her full name does (review K-3).

A suppressed client's suburb, street or building (CLIENT_LOCALITY findings) says where she lives only beside who
she is. Her full name is found by the registry; a title or initials with her family name are not, as they are no
one's in particular elsewhere. Only for the clients such a finding is suppressed for, a CLIENT_SURNAME finding (read
by the suppressed rule alone: to the others a surname names no one) is added where one is written: initials must
be hers ("Mr G. Marlow" is not Edith Marlow); a title alone is enough, failing closed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from dlp.model import Communication, Finding
from dlp.registry.entities import CLIENT_SURNAME
from dlp.registry.index import CLIENT_LOCALITY, RegistryIndex

_TITLE = r"(?:Mrs|Mr|Ms|Miss|Mx|Dr|Madam|Mister|Sister|Sr)\.?"
_INITIALS = r"(?:[A-Z]\.?\s*){1,3}"


_GREETING = re.compile(r"\b(?:dear|hi|hello|attention|attn:?|to:?)\s+$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _pattern(family: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:\b{_TITLE}\s+(?P<titled>{_INITIALS})?|\b(?P<initials>{_INITIALS}))(?<!\w){re.escape(family)}\b"
    )


def name_her_by_surname(item: Communication, findings: Sequence[Finding], index: RegistryIndex) -> tuple[Finding, ...]:
    """`findings` and a CLIENT_SURNAME for each suppressed client a locality finding is about, where a title or her
    initials with her family name are written."""
    victims = sorted(
        {cid for f in findings if f.entity == CLIENT_LOCALITY and not f.addressee for cid in f.suppressed_for}
    )
    added: list[Finding] = []
    for cid in victims:
        if cid not in index.clients:
            continue
        client = index.clients[cid]
        family = client.family_name.strip()
        if len(family) < 2:
            continue
        pattern = _pattern(family)
        initials = {w[0].upper() for w in client.given_name.split() if w}
        block = item.address_block.text if item.address_block is not None else ""
        for part in item.parts:
            # The message's headers name its sender and recipients, not her.
            if part.name == "headers" or family not in part.text:
                continue
            for m in pattern.finditer(part.text):
                if _GREETING.search(part.text, max(0, m.start() - 12), m.start()) or (block and m.group() in block):
                    continue  # the reader greeted or addressed ("Dear Mr Marlow"): her son, her former husband
                written = m.group("titled") or m.group("initials") or ""
                letters = {c for c in written if c.isupper()}
                if m.group("initials") is not None and not letters:
                    continue
                if letters - initials:
                    continue  # another's initials: "Mr G. Marlow"
                key = "surname:" + family.lower()
                added.append(
                    Finding.of(
                        CLIENT_SURNAME, part.name, m.start(), m.end(), 0.5, frozenset({cid}), False, frozenset(), key
                    )
                )
    return (*findings, *added) if added else tuple(findings)
