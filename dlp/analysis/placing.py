"""Where a text puts a place name: as where someone lives, in a heading, or right after a person's name.

A suppressed suburb says where she lives only where the text uses it so. These are the questions the suppressed
rule asks of the text around a suburb finding (rules/suppressed_detail_exposed.py); the finding's span is given as
(start, end) in its part's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dlp.extract.letter import placed_by_a_word

# Words of where someone lives (review L-4, L-6).
_RESIDENCE = re.compile(
    r"\b(?:lives?|living|reside[sd]?|residing|staying|settled\s+in|new\s+(?:home|address|place)(?!\s+loan))\b",
    re.IGNORECASE,
)
# A move is someone's only beside a person: "she has moved", "Kiri has moved"; not "our Ingham branch has moved",
# "the Sale settlement is moving forward" (review M-9).
_MOVED = re.compile(r"\b(?:moved|moving|relocat\w*)\b", re.IGNORECASE)
_PERSON = re.compile(
    r"\b(?:she|her|he|him|his|they|them|holder|partner|client|member|customer|tenant|resident)\b"
    r"|\b(?-i:[A-Z][a-z]+)\s+(?:has|had|is|was|have)\s+(?:just\s+|now\s+|recently\s+)?(?:moved|moving|relocat)",
    re.IGNORECASE,
)
# A sentence ends at a full stop, question or exclamation mark before a capital, not after an abbreviation ("Herbert
# St. near our Ingham office", "approx. 2 km": review M-3); or at a blank line.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n[ \t]*\n")
_ABBREVIATION = re.compile(
    r"\b(?:st|rd|ave|av|cres|cr|ct|dr|pde|pl|hwy|mr|mrs|ms|prof|no|approx|est|etc|vs|jan|feb|mar|apr|jun|jul|aug|"
    r"sep|sept|oct|nov|dec|[a-z])\.\s*$",
    re.IGNORECASE,
)
_SENTENCE_REACH = 1000  # characters either side searched for a sentence's ends

_POSSESSIVE = re.compile(r"(?:['’]s)?\s*$")  # between her name and her suburb: nothing, or "'s"
# Between her name and her place: "Priya Venn of Kew", "Priya Venn, now of Kew", a table's "Kiri Dawes | Sale".
_OF = re.compile(r"(?:['’]s)?[\s,|;:\-–]*(?:(?:now|formerly|late)\s+)?(?:of\b)?\s*$", re.IGNORECASE)


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (or line group) the span stands in."""
    first, last = sentence_span(text, start, end)
    return text[first:last]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or line group) the span stands in starts and ends."""
    lo, hi = max(0, start - _SENTENCE_REACH), min(len(text), end + _SENTENCE_REACH)
    ends = [
        m
        for m in _SENTENCE_END.finditer(text, lo, hi)
        if not _ABBREVIATION.search(text, max(lo, m.start() - 8), m.start())
    ]
    first = max((m.end() for m in ends if m.end() <= start), default=lo)
    last = min((m.start() for m in ends if m.start() >= end), default=hi)
    return first, last


def speaks_of_living(sentence: str) -> bool:
    """Does the sentence speak of where someone lives ("now lives near our Ingham office", "she has moved")?"""
    return bool(_RESIDENCE.search(sentence) or (_MOVED.search(sentence) and _PERSON.search(sentence)))


def says_someone_lives_there(text: str, start: int, end: int) -> bool:
    """Does the text put someone at the place ("moved to Sale", "living in Ayr"), or speak of where someone lives in
    its sentence ("moved to the Sale area", "Sale is where she lives now")?"""
    return placed_by_a_word(text, start) or speaks_of_living(sentence_of(text, start, end))


def right_after(text: str, name_end: int, start: int) -> bool:
    """Does the place follow the name at once ("Client: Honora Pembury Redgum Flat", a table's row), or after
    "'s"?"""
    return _POSSESSIVE.match(text[name_end:start]) is not None


def of_the_name(text: str, name_end: int, start: int) -> bool:
    """Is the place the name's, as "Priya Venn of Kew", "Priya Venn, now of Kew" or a table's "Kiri Dawes | Sale"
    write it?"""
    return _OF.match(text[name_end:start]) is not None


def short_name_is_a_place(text: str, start: int, end: int, her_names_end: Iterable[int]) -> bool:
    """A place name of three or four letters is also a word or a name ("Sale", "Eden", "Moe"): a place where a word
    puts someone there (not in a heading: "PROCEEDS FROM SALE"), where its sentence speaks of where someone lives,
    or right after her name (`her_names_end`: where her names before it end; "Priya Venn of Kew")."""
    return (
        (placed_by_a_word(text, start) and not in_a_heading(text, start, end))
        or speaks_of_living(sentence_of(text, start, end))
        or any(of_the_name(text, name_end, start) for name_end in her_names_end)
    )


def names_an_office(text: str, end: int) -> bool:
    """Is the place name the name of an office or branch ("Wagga Wagga office" on a letterhead, "the Ingham branch")?"""
    return _OFFICE_AFTER.match(text, end) is not None


_OFFICE_AFTER = re.compile(r"[ \t]+(?:office|branch|store|shop|centre|center|agency|team)\b", re.IGNORECASE)


def in_a_heading(text: str, start: int, end: int) -> bool:
    """Is the span in a heading: a subject or reference line in capitals ("RE: PROCEEDS FROM SALE"), or a line whose
    every longer word is capitalised ("Settlement Statement - Proceeds From Sale": review K's l05)? Not any line in
    capitals: old systems print whole letters so ("OTHER HOLDER NOW AT SALE": review M-2)."""
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    if line.upper() == line:
        return re.match(r"\s*(?:RE|SUBJECT|REF|REFERENCE)\b\s*:?", line) is not None
    words = re.findall(r"[^\W\d_]{4,}", line)
    return len(words) >= 3 and all(w[0].isupper() for w in words)
