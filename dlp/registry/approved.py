"""Is a letter's addressee an approved third party? Its organisation's name against the approved domains.

A letter has no domain to check. Organisations name their domains after themselves, whole or shortened:
"Castlemaine Medical Centre" at `castlemainemedical.example`, "Bridgeway Community Housing Ltd" at
`bridgewaych.example`, "Maldon Bush Nursing Practice" at `maldonbnp.example`, "Ballarat Road Clinic" at
`ballaratrdclinic.example`, "Northern Maintenance Services" at `northernmaint.example`. A line of the address
block names an approved third party when one of the usual shortenings of it (all its words, the first and the
last, the first and the others' initials, the first or last words, common abbreviations, or all its words cut
short after the first) is a label of an approved domain. At least two of its words must take part: a town's
name alone ("Castlemaine Plumbing" for `castlemaine.example`) approves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dlp.normalize import fold

# Words an organisation's domain leaves out.
_LEGAL = frozenset({"pty", "ltd", "limited", "inc", "incorporated", "the", "of", "and", "co", "corp"})
_SHORT = {
    "road": "rd",
    "street": "st",
    "saint": "st",
    "doctors": "drs",
    "medical": "med",
    "centre": "ctr",
    "center": "ctr",
    "mount": "mt",
    "health": "hlth",
    "services": "svcs",
    "community": "comm",
}
# Domain labels that say only where or what kind of organisation (com.au, org, gov, example).
_SUFFIX_LABELS = frozenset(
    {"com", "org", "net", "gov", "edu", "asn", "id", "au", "nz", "uk", "io", "co", "info", "biz", "example", "test"}
)
_WORD = re.compile(r"[a-z0-9]+")
MIN_LABEL = 6  # "rtt" is anyone's initials


def domain_labels(domains: Iterable[str]) -> frozenset[str]:
    """The labels of the approved domains that may name an organisation."""
    # "harbourside-lc" is written "Harbourside Legal Centre" as "harboursidelc" is: the hyphen is no letter.
    return frozenset(
        label.replace("-", "")
        for domain in domains
        for label in domain.lower().split(".")
        if label not in _SUFFIX_LABELS and len(label.replace("-", "")) >= MIN_LABEL
    )


def words_of(line: str) -> list[str]:
    """The words of an organisation's name that its domain may keep (folded; no "Pty", "Ltd", "the", "of")."""
    return [w for w in _WORD.findall(fold(line)) if w not in _LEGAL]


def shortenings(words: list[str]) -> set[str]:
    """How a domain might write an organisation's name of these words, each of at least two of them."""
    if len(words) < 2:
        return set()
    short = [_SHORT.get(w, w) for w in words]
    out: set[str] = set()
    for ws in (words, short):
        out.add("".join(ws))
        out.add(ws[0] + ws[-1])
        out.add(ws[0] + "".join(w[0] for w in ws[1:]))
        out.update("".join(ws[:k]) for k in range(2, len(ws)))
        out.update("".join(ws[k:]) for k in range(1, len(ws) - 1))  # "Office of the Public Advocate"
    return out


def names_exactly(line: str, label: str) -> bool:
    """Does the line name the organisation of this domain label in full, or as its first word and the others'
    initials ("Harbourside Legal Centre" for `harbourside-lc`)? Stricter than `ApprovedNames`: an authorised
    contact's domain is the client's data, not a list the organisation chose, and may be a consumer provider's
    ("Big Pond Aquatics" is no `bigpond`). `label` as `domain_labels` gives it."""
    words = words_of(line)
    if len(words) < 2:
        return False
    short = [_SHORT.get(w, w) for w in words]
    return label in {form for ws in (words, short) for form in ("".join(ws), ws[0] + "".join(w[0] for w in ws[1:]))}


class ApprovedNames:
    """The approved third parties' names, as the address block of a letter to them may write them."""

    def __init__(self, domains: Iterable[str]) -> None:
        self.labels = domain_labels(domains)
        # Every shortening begins as one of the line's words, or its abbreviation, begins: most lines of an address
        # block (a person's name, a street) share no first two letters with any label and are not looked at again.
        self._heads = frozenset(label[:2] for label in self.labels)

    def names(self, line: str) -> bool:
        if not self.labels:
            return False
        words = words_of(line)
        short = [_SHORT.get(w, w) for w in words]
        if not any(
            (ws[i] + "".join(ws[i + 1 : i + 2]))[:2] in self._heads for ws in (words, short) for i in range(len(ws))
        ):
            return False
        if not self.labels.isdisjoint(shortenings(words)):
            return True
        # A label cut short within the second word: "northernmaint" for "Northern Maintenance Services".
        whole = "".join(words)
        return len(words) >= 2 and any(
            whole.startswith(label) and len(label) >= len(words[0]) + 3 for label in self.labels
        )
