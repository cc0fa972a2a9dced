"""Does a name as written on a letter name this person?

Letters write names many ways: with a title, with or without middle names, as an initial ("Miss C D'Arcy"),
family name first ("TAYLOR-NG, Linh"), in capitals, without diacritics, or with a letter the PDF's font could not
encode ("Y?lmaz"). The family name must agree (all its parts: "D'Arcy", "Taylor-Ng"), and the given name as
written must agree with the person's first given name, or be its initial.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from dlp.normalize import TITLES, TOKEN, fold, name_tokens


def fold_tokens(text: str) -> list[str]:
    return [fold(m.group()) for m in TOKEN.finditer(text)]


SIMILARITY = 85  # tolerates a typo or two, and "?" for one letter
# A whole name near enough by letters must also be near in its given name: "Jasper Rodriguez" is 87 from "Ayse
# Rodriguez" on the strength of the family name alone. "Jonh" for John (75) passes, and one slip in a short name.
GIVEN_SIMILARITY = 70


def name_matches(written: str, given: str, family: str) -> bool:
    words = name_tokens(written.replace("?", ""))
    first_names, family_names = name_tokens(given), name_tokens(family)
    if not words or not family_names:
        return False
    if not first_names or first_names == family_names:
        # One name only ("Suharti"), held in family_name (and by some systems in given_name too); or a person
        # whose given and family names are the same ("Abdi Abdi").
        # "Mr D Deng" for Deng Deng: the given name's initial before the family name.
        initial = [first_names[0][0]] if first_names else []
        return words in (family_names, first_names + family_names, initial + family_names)
    full = " ".join(first_names + family_names)
    # Typos in a whole name; not where a name is written with an initial: "M Fraser" is as near "Sam Fraser" as
    # "Mia Fraser" by letters, and only Mia's name starts with M (the initial is checked below).
    given_near = max(fuzz.ratio(words[0], first_names[0]), fuzz.ratio(words[0], "".join(first_names)))
    # "Maryanne" for Mary-Anne; one slip in a short name ("Zak" for Zac, "Mai" for Mia) is a typo too.
    typo = DamerauLevenshtein.distance(words[0], first_names[0]) <= 1
    whole = all(len(w) > 1 for w in words) and (given_near >= GIVEN_SIMILARITY or typo)
    if whole and (
        fuzz.ratio(" ".join(words), full) >= SIMILARITY or fuzz.ratio("".join(words), full.replace(" ", "")) >= 92
    ):
        return True
    if words == family_names:
        # "Mr Hughes", "Ms & Mr Hughes": a title and the family name alone name whoever of that family it is.
        return any(t in TITLES for t in fold_tokens(written))
    family = "".join(family_names)
    # Given names then the family name, or the family name first ("NGUYEN, T"); the family name's words may be
    # spaced otherwise than the registry's ("Vanderberg" for "van der Berg", "DeSouza" for "De Souza").
    splits = [(words[k:], words[:k]) for k in range(1, len(words))] + [
        (words[:k], words[k:]) for k in range(1, len(words))
    ]
    for surname, rest in splits:
        if surname != family_names and fuzz.ratio("".join(surname), family) < SIMILARITY:
            continue
        first = rest[0]
        if first == first_names[0] or (len(first) == 1 and first == first_names[0][0]):
            return True
        if len(first) > 2 and fuzz.ratio(first, first_names[0]) >= SIMILARITY:
            return True
    return False


# Two or three initials run together, as old systems print them ("MS AJ OKAFOR", "Mr MJ Lucchesi"): a word of capitals
# before the family name, not a title. Three only without a vowel: "TOM", "ANN" are names.
_RUN = re.compile(r"\b([A-Z]{2}|[B-DF-HJ-NP-TV-Z]{3})\b(?=[ .]+[A-Z])")


def initials_spaced(written: str) -> str | None:
    """`written` with a run of initials spaced out ("MS A J OKAFOR"), or None if it has none. "AJ" may be a name
    as well (in capitals "ED", "JO" are): the caller tries it only where no client has the name as written."""
    found = [m for m in _RUN.finditer(written) if m.group(1).lower() not in TITLES]
    if not found:
        return None
    out, last = [], 0
    for m in found:
        out += [written[last : m.start()], " ".join(m.group(1))]
        last = m.end()
    return "".join([*out, written[last:]])
