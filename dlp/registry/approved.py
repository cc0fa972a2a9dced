"""Is a letter's addressee an approved third party? Its organisation's name against the approved domains.

A letter has no domain to check. Organisations name their domains after themselves, whole or shortened:
"Castlemaine Medical Centre" at `castlemainemedical.example`, "Bridgeway Community Housing Ltd" at
`bridgewaych.example`, "Maldon Bush Nursing Practice" at `maldonbnp.example`, "Ballarat Road Clinic" at
`ballaratrdclinic.example`, "Northern Maintenance Services" at `northernmaint.example`. A line of the address
block names an approved third party when one of the usual shortenings of it (all its words, the first and the
last, the first and the others' initials, the first or last words, common abbreviations, or all its words cut
short after the first) is a label of an approved domain. At least two of its words must take part: a town's
name alone ("Castlemaine Plumbing" for `castlemaine.example`) approves nothing.

Tribunals, regulators and complaints schemes take their initials: "NSW Civil and Administrative Tribunal" at
`ncat.nsw.example`, "Administrative Review Tribunal" at `art.gov.example`. A label of three to five letters is too
short to be a shortening (anyone's initials), so it names only a public body's line (ending in "Tribunal",
"Authority", "Commission", "Commissioner" or "Ombudsman") of as many words whose initials are the label, every word
counted but "and", "of", "the", "for" and "Ltd".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dlp.normalize import STATE_WORDS, fold

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
ACRONYM = (3, 5)  # the lengths of a label read as a public body's initials ("art", "ncat", "oaic")
_STATES = frozenset(re.findall(r"[a-z]+", STATE_WORDS.lower()))  # "ncat.nsw.example": "nsw" says where
_INITIALS_SKIP = frozenset({"for"}) | _LEGAL  # "Civil and Administrative": no letter in "ncat"; nor "Ltd" in "afca"
# The bodies known by their initials, by the word their name ends in: a tribunal, an authority, an ombudsman. Not any
# business ("Albury Family Care Associates" is no AFCA, "Newcastle Community Accounting Team" no NCAT, "Albury
# Finance Collection Agency" none either: reviews L-3, M-6).
_PUBLIC_BODY = re.compile(
    r"\b(?:tribunal|authority|commission|commissioner|ombudsman)(?:\W+(?:ltd|limited|inc|incorporated))?\W*$",
    re.IGNORECASE,
)
# Public bodies whose names end in other words, by the initials their domains are: named in full, never by initials
# alone ("Australian Tenancy Office" is no ATO: review N-6).
_KNOWN_BODIES = {
    "ato": ("Australian Taxation Office", "Australian Tax Office"),
    "dva": ("Department of Veterans' Affairs",),
    "ndia": ("National Disability Insurance Agency",),
}


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
    # "Teach Regional NSW" at `teachregional.example`: the state a body adds to its name, not its domain.
    if len(words) > 2 and words[-1] in _STATES:
        return names_exactly(" ".join(words[:-1]), label) or label in _forms(words)
    if len(words) < 2:
        return False
    # "Harbour Mutual Bank" at `harbourmutual`, "Pham Whitlock Lawyers" at `phamwhitlock`: the kind of business its
    # name ends in, which a domain leaves out; two words of its own still named.
    # One such word only: "Harbour Mutual Legal Services" is no `harbourmutual` (review N-7).
    if len(words) > 2 and words[-1] in _KIND:
        return label in _forms(words) or label in _forms(words[:-1])
    return label in _forms(words)


# What kind of business a name ends in (after "Pty Ltd" is dropped): what its domain often leaves out.
_KIND = frozenset(
    {"bank", "services", "service", "group", "company", "holdings", "lawyers", "solicitors", "legal", "australia"}
)


def _forms(words: list[str]) -> set[str]:
    """The name whole, and as its first word and the others' initials, as written and abbreviated."""
    short = [_SHORT.get(w, w) for w in words]
    return {form for ws in (words, short) for form in ("".join(ws), ws[0] + "".join(w[0] for w in ws[1:]))}


class ApprovedNames:
    """The approved third parties' names, as the address block of a letter to them may write them."""

    def __init__(self, domains: Iterable[str]) -> None:
        domains = tuple(domains)
        self.labels = domain_labels(domains)
        self.acronyms = frozenset(
            label
            for domain in domains
            for label in domain.lower().split(".")
            if ACRONYM[0] <= len(label) <= ACRONYM[1] and label.isalpha() and label not in _SUFFIX_LABELS | _STATES
        )
        # Every shortening begins as one of the line's words, or its abbreviation, begins: most lines of an address
        # block (a person's name, a street) share no first two letters with any label and are not looked at again.
        self._heads = frozenset(label[:2] for label in self.labels)
        self._known = [words_of(name) for acronym in self.acronyms for name in _KNOWN_BODIES.get(acronym, ())]

    def __bool__(self) -> bool:
        return bool(self.labels or self.acronyms)

    def names(self, line: str) -> bool:
        # "The Registrar, WorkCover Conciliation Service": a role or a person, then the organisation.
        return any(map(self._names, [line, *line.split(",")[1:]] if "," in line else [line]))

    def _names(self, line: str) -> bool:
        if self.acronyms and self._initials(line) in self.acronyms:
            return True
        if self._known and words_of(line) in self._known:
            return True
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

    @staticmethod
    def _initials(line: str) -> str:
        """The initials of a public body's line of three to five words, or "" (a business's, a person's, or another
        length)."""
        if not _PUBLIC_BODY.search(line):
            return ""
        words = [w for w in _WORD.findall(fold(line)) if w not in _INITIALS_SKIP]
        return "".join(w[0] for w in words) if ACRONYM[0] <= len(words) <= ACRONYM[1] else ""
