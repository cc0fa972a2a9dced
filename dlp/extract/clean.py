"""Text normalised before matching, applied once to every Part an item yields (dlp.extract.finish).

What a reader sees and what a matcher sees must agree, so every way of writing the same characters is made
one: Unicode NFKC (full-width digits, ligatures, mathematical letters, non-breaking spaces), decimal digits of
any script as ASCII digits, invisible format characters (zero-width spaces and joiners, soft hyphens, bidi
controls) removed, and words made of Latin look-alike letters (Cyrillic "а", Greek "ο") folded to Latin, using
Unicode's confusables data (confusable-homoglyphs). A word in a script of its own (Greek, Russian) is left as
written: only letters that pass for Latin are folded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files

from dlp.model import Part

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _fold_tables() -> tuple[dict[int, str], dict[int, str]]:
    """Non-ASCII characters Unicode lists as confusable with one ASCII letter or digit: (to letters, to any).

    Letters fold to letters of their own case (an upper-case look-alike of "l" is an "I"). Folding a letter
    to a digit (Cyrillic "З" to "3") is kept for words that already hold digits: a reference, not a word."""
    data = json.loads(files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8"))
    letters: dict[int, str] = {}
    anything: dict[int, str] = {}
    for target, entries in data.items():
        if len(target) != 1 or not target.isascii() or not target.isalnum():
            continue
        for entry in entries:
            char = entry["c"]
            if len(char) != 1 or char.isascii() or unicodedata.category(char)[0] not in "LN":
                continue
            folded = "I" if target == "l" and char.isupper() else target
            anything.setdefault(ord(char), folded)
            if folded.isalpha() and char.isalpha():
                letters.setdefault(ord(char), folded)
    return letters, anything


class _Invisible(dict[int, str | None]):
    """str.translate table, worked out per character on first sight: format characters (category Cf: U+00AD
    soft hyphen, U+200B-U+200F, U+202A-U+202E, U+2060-U+2064, U+FEFF, ...) are dropped, decimal digits of
    every script become ASCII digits. They change nothing a reader sees but split a number for a matcher."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        value = None if category == "Cf" else str(unicodedata.decimal(char)) if category == "Nd" else char
        self[code] = value
        return value


_INVISIBLE = _Invisible()


def normalise(text: str) -> str:
    """The text as a matcher should see it; ASCII text comes back unchanged at once."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    if text.isascii():
        return text
    return _WORD.sub(_fold, text)


def _fold(match: re.Match[str]) -> str:
    word = match.group()
    if word.isascii():
        return word
    letters, anything = _fold_tables()
    table = anything if any(c in "0123456789" for c in word) else letters
    # Fold only a word every non-ASCII character of which passes for Latin: "Аccount" is folded, "привет" not.
    if all(c.isascii() or ord(c) in table for c in word):
        return word.translate(table)
    return word


def clean_parts(parts: list[Part]) -> list[Part]:
    return [p if p.error is not None or p.text.isascii() else replace(p, text=normalise(p.text)) for p in parts]
