"""Which recognisers can possibly match a text, decided in one pass before any of them runs.

Most recognisers of the default pipeline look for digits of particular lengths (a TFN is 8 or 9 digits, or
3-3-3; a phone number 6 to 11 digits with at most single spaces or hyphens between them), a date needs a day
of one or two digits, an email an "@", a merge field one of its brackets. One regex pass collects the digit
runs and chains of a text, and one byte translation its shape (where a spaced identifier's digit groups
and separators stand); a recogniser whose `Needs` the text does not meet is not run. Words wanted in any
case are looked for in the lower-cased text when it is ASCII (where IGNORECASE is plain ASCII case): a
substring search, not a case-insensitive regex tried at every position. Needs are necessary
conditions only, derived from the recogniser's own patterns: skipping never drops a match
(`tests/analysis/test_prefilter.py` checks each recogniser against its needs on generated texts). A
pattern's need may also say where its matches start (`anchored`: an identifier's digit groups): the pattern
is then matched there only, not searched for through the whole text.

Our recognisers declare theirs as a class constant `NEEDS`; Presidio's and the YAML ones are listed in
`FOREIGN_NEEDS` by name. A recogniser without needs always runs. A pattern recogniser may also declare each
pattern's own (`PATTERN_NEEDS`, by pattern name): a pattern whose needs the text does not meet is not tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

import numpy as np
import regex

# The `regex` module and Presidio's flags, as the pattern recognisers use: the same `\d` as their patterns (and a
# superset of `re`'s, which the date patterns use: checked by the tests).
PRESIDIO_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
# A chain: digit runs joined by single spaces or hyphens ("0412 345-678"); its pieces are the maximal digit runs.
_CHAINS = regex.compile(r"\d+(?:[ \-]\d+)*")
_RUNS = regex.compile(r"\d+")
# On ASCII text `\d` is [0-9] (in both regex modules): bytes tables for reading runs and chains without a regex.
_RUN_BYTES = bytes(c if 0x30 <= c <= 0x39 else 0x20 for c in range(256))
_CHAIN_BYTES = bytes(c if 0x30 <= c <= 0x39 else 0x2D if c in b" -" else 0x20 for c in range(256))
# A text's shape, one byte a character: d a digit, s a space, h a hyphen, p a dot, x anything else. A spaced
# identifier (`\d{3}([ \-.])\d{3}\1\d{3}`) is a shape such as b"dddsdddsddd", and never follows a digit, hyphen
# or dot (its pattern's lookbehind).
_SHAPE_BYTES = bytes(
    0x64 if 0x30 <= c <= 0x39 else {0x20: 0x73, 0x2D: 0x68, 0x2E: 0x70}.get(c, 0x78) for c in range(256)
)
_NOT_BEFORE_SHAPE = b"dhp"


def spaced(*groups: int) -> tuple[bytes, ...]:
    r"""The shapes of digit groups of these lengths joined by one separator, the same throughout (space, hyphen
    or dot): `spaced(3, 3, 3)` for `\d{3}([ \-.])\d{3}\1\d{3}`."""
    return tuple(sep.join(b"d" * n for n in groups) for sep in (b"s", b"h", b"p"))


@dataclass(frozen=True)
class Needs:
    """What a text must hold for a recogniser to find anything; any one alternative suffices."""

    runs: tuple[tuple[int, ...], ...] = ()  # alternatives: maximal digit runs of each of these lengths
    chain: int = 0  # or: at least this many digits in one chain
    literals: tuple[str, ...] = ()  # or: one of these occurs, as written
    words: tuple[str, ...] = ()  # or: one of these (lower case) occurs, in any case
    pattern: str = ""  # or: this regex (Presidio's flags) is found
    # or: one of these shapes (see `spaced`) occurs, not after a digit, hyphen or dot; text that is not ASCII
    # (where `\d` is more than [0-9]) always meets it
    shapes: tuple[bytes, ...] = ()
    # A pattern's own needs may say more: every match of the pattern *starts* where the need is met, at the start
    # of a whole digit run of one of `runs`' lengths (an alternative of one length each) or at one of `shapes`.
    # The pattern is then tried only there (`starts`), not searched for from every position of the text.
    anchored: bool = False

    def __post_init__(self) -> None:
        if self.anchored and (
            self.literals or self.words or self.pattern or self.chain or any(len(r) != 1 for r in self.runs)
        ):
            raise ValueError("an anchored need is of whole digit runs of one length each, or of shapes")

    def starts(self, facts: TextFacts) -> list[int] | None:
        """Where a match of an anchored need's pattern can start, ascending; None where it cannot be told (text
        that is not ASCII): the pattern is then searched for."""
        if not self.anchored or not facts.text.isascii():
            return None
        found = facts.run_starts(tuple(length for (length,) in self.runs)) if self.runs else []
        if self.shapes:
            found = sorted({*found, *facts.shape_starts(self.shapes)})
        return found

    def met(self, facts: TextFacts) -> bool:
        # Plain loops, not any() over generators: this runs for every recogniser on every text.
        if self.literals:
            text = facts.text
            for literal in self.literals:
                if literal in text:
                    return True
        if self.words and mentions(facts.text, self._ascii_words, self._words_pattern):
            return True
        # Runs, chains and shapes are all of digits: a text without any (a subject line, a file name, most
        # headers) meets none of them, and its chains and shapes are never read.
        if (self.runs or self.chain or self.shapes) and (runs := facts.runs()):
            for alternative in self.runs:
                if runs.issuperset(alternative):
                    return True
            if self.chain and facts.has_chain(self.chain):
                return True
            if self.shapes and facts.has_shape(self.shapes):
                return True
        return bool(self.pattern) and facts.found(self.pattern)

    @cached_property
    def _ascii_words(self) -> tuple[str, ...]:
        return ascii_words(self.words)

    @cached_property
    def _words_pattern(self) -> regex.Pattern[str]:
        return _compiled("|".join(map(regex.escape, self.words)))


# Recognisers whose classes are not ours to annotate (Presidio's, and the YAML pattern recognisers), by name.
FOREIGN_NEEDS: Mapping[str, Needs] = {
    # 4 + 3 + 3 + 3 digits at least, with single spaces or hyphens between groups.
    "CreditCardRecognizer": Needs(chain=13),
    "EmailPatternRecognizer": Needs(literals=("@",)),
    # Every merge-field pattern opens with one of these (the word with boundaries around it).
    "MergeFieldRecognizer": Needs(literals=("«", "{{", "<<", "[", "%%", "*|", "${"), words=("mergefield",)),
}


class TextFacts:
    """What one text holds, computed on first need and shared by every recogniser's `Needs`."""

    __slots__ = ("text", "_runs", "_longest", "_found", "_shape", "_shapes", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: frozenset[int] | None = None
        self._longest: int | None = None  # the most digits in one chain
        self._found: dict[str, bool] = {}
        self._shape: bytes | None = None
        self._shapes: dict[tuple[bytes, ...], bool] = {}
        self._starts: dict[tuple[int, ...] | tuple[bytes, ...], list[int]] = {}

    def runs(self) -> frozenset[int]:
        """The lengths of the text's maximal digit runs."""
        if self._runs is None:
            text = self.text
            if text.isascii():  # bytes.translate and split: no match object per run
                found = text.encode("ascii").translate(_RUN_BYTES).split()
                self._runs = frozenset(map(len, found))
            else:
                self._runs = frozenset(map(len, _RUNS.findall(text)))
        return self._runs

    def has_chain(self, digits: int) -> bool:
        """Does one chain hold at least `digits` digits?"""
        if self._longest is None:
            text = self.text
            if text.isascii():
                if len(text) >= _LONG_CHAIN_TEXT:
                    self._longest = _longest_chain(text.encode("ascii"))
                    return self._longest >= digits
                # Digits kept, both separators written "-", the rest blank: what split() gives holds every chain,
                # a double separator between two of them. Distinct pieces: every gap between two words is a
                # piece "-" of its own.
                pieces = set(text.encode("ascii").translate(_CHAIN_BYTES).decode("ascii").split())
            else:
                pieces = {chain.replace(" ", "-") for chain in _CHAINS.findall(text)}
            # A piece's length bounds its digits: longest first, and none shorter than the best so far is read.
            longest = 0
            for piece in sorted(pieces, key=len, reverse=True):
                if len(piece) <= longest:
                    break
                longest = max(longest, _most_digits(piece))
            self._longest = longest
        return self._longest >= digits

    def has_shape(self, shapes: tuple[bytes, ...]) -> bool:
        """Does one of `shapes` occur in the text, not after a digit, hyphen or dot (always, if not ASCII)?"""
        hit = self._shapes.get(shapes)
        if hit is None:
            hit = self._shapes[shapes] = self._has_shape(shapes)
        return hit

    def _has_shape(self, shapes: tuple[bytes, ...]) -> bool:
        return not self.text.isascii() or bool(self.shape_starts(shapes))

    def shape(self) -> bytes:
        """The ASCII text's shape, a byte a character (see `_SHAPE_BYTES`)."""
        if self._shape is None:
            self._shape = self.text.encode("ascii").translate(_SHAPE_BYTES)
        return self._shape

    def run_starts(self, lengths: tuple[int, ...]) -> list[int]:
        """Where the ASCII text's whole digit runs of these lengths start."""
        found = self._starts.get(lengths)
        if found is None:
            found = []
            if self.runs().intersection(lengths):
                # Runs at least the shortest long, whole (greedy, from a run's first digit): a search for the
                # shortest run as a literal, in C. Texts hold few such runs.
                for match in _at_least(min(lengths)).finditer(self.shape()):
                    if match.end() - match.start() in lengths:
                        found.append(match.start())
            self._starts[lengths] = found
        return found

    def shape_starts(self, shapes: tuple[bytes, ...]) -> list[int]:
        """Where one of `shapes` occurs in the ASCII text, not after a digit, hyphen or dot, ascending."""
        found = self._starts.get(shapes)
        if found is None:
            found = []
            # A group of the shape before its last is a whole run of its length: most texts lack one.
            if self.runs().issuperset(_whole_runs(shapes)):
                shape = self.shape()
                for wanted in shapes:
                    at = shape.find(wanted)
                    while at >= 0:
                        if at == 0 or shape[at - 1] not in _NOT_BEFORE_SHAPE:
                            found.append(at)
                        at = shape.find(wanted, at + 1)
                found.sort()
            self._starts[shapes] = found
        return found

    def found(self, pattern: str) -> bool:
        hit = self._found.get(pattern)
        if hit is None:
            hit = self._found[pattern] = _compiled(pattern).search(self.text) is not None
        return hit


def _longest_chain(raw: bytes) -> int:
    """The most digits in one chain of ASCII `raw`, from where its digits are (numpy): a long text's thousands
    of gaps between words made thousands of pieces for split() to return."""
    text = np.frombuffer(raw, dtype=np.uint8)
    at = np.flatnonzero(text - 48 < 10)  # uint8: what lies below "0" wraps round to the top
    if not len(at):
        return 0
    # Two digits are of one chain if next to each other, or with one separator between them.
    gaps = np.diff(at)
    joined = (gaps == 1) | ((gaps == 2) & _IS_SEPARATOR[text[at[:-1] + 1]])
    ends = np.flatnonzero(~joined)  # a chain ends at these digits (and at the last)
    return int(np.diff(ends, prepend=-1, append=len(at) - 1).max())


# From about this many characters numpy's fixed cost (some 50 us) is less than split()'s piece per word gap.
_LONG_CHAIN_TEXT = 10_000
_IS_SEPARATOR = np.zeros(256, dtype=bool)
_IS_SEPARATOR[[0x20, 0x2D]] = True  # a space or a hyphen, as _CHAINS


@cache
def _at_least(digits: int) -> re.Pattern[bytes]:
    return re.compile(b"d{%d,}" % digits)


def matches_at(pattern: Any, text: str, starts: list[int], **options: Any) -> Iterator[Any]:
    """`pattern.finditer(text)` for a pattern (`re` or `regex`) whose every match starts at one of `starts`
    (ascending): tried there only, and, as finditer, never inside the match before."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start, **options)
        if match is not None:
            yield match
            resume = match.end()


@cache
def _whole_runs(shapes: tuple[bytes, ...]) -> frozenset[int]:
    """The lengths of the digit groups of `shapes` that are whole runs where a shape occurs: all but the last
    (it may be the start of a longer run; the first follows no digit, the others follow a separator)."""
    groups = (shape.replace(b"h", b"s").replace(b"p", b"s").split(b"s")[:-1] for shape in shapes)
    return frozenset(len(group) for each in groups for group in each)


def _most_digits(piece: str) -> int:
    """The most digits in one chain of `piece` (digits and "-": a chain's digits joined by single "-")."""
    if "--" not in piece:  # one chain (a list's phone numbers, one a line): what is not "-" is its digits
        return len(piece) - piece.count("-")
    return max(len(chain) - chain.count("-") for chain in (part.strip("-") for part in piece.split("--")))


_PATTERNS: dict[str, regex.Pattern[str]] = {}


def _compiled(pattern: str) -> regex.Pattern[str]:
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        compiled = _PATTERNS[pattern] = regex.compile(pattern, PRESIDIO_FLAGS)
    return compiled


def mentions(text: str, words: tuple[str, ...], pattern: re.Pattern[str] | regex.Pattern[str]) -> bool:
    """Does `text` hold one of the words `pattern` finds (case-insensitive, no boundaries)? `words` are the same
    words as `ascii_words` gives them: on ASCII text they are looked for as substrings of the lower-cased text,
    where IGNORECASE is plain ASCII case; other text (or words that are not all ASCII) `pattern` searches."""
    if words:
        lowered = ascii_lower(text)
        if lowered is not None:
            return any(word in lowered for word in words)
    return pattern.search(text) is not None


def ascii_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """`words` in lower case if all are ASCII, else none (they are then left to a regex)."""
    lowered = tuple(word.lower() for word in words)
    return lowered if all(word.isascii() for word in lowered) else ()


@lru_cache(maxsize=8)
def facts_of(text: str) -> TextFacts:
    """The facts of `text`, shared by the analyzer's needs and a pattern recogniser's `PATTERN_NEEDS`."""
    return TextFacts(text)


@lru_cache(maxsize=8)
def ascii_lower(text: str) -> str | None:
    """`text` lower-cased if it is ASCII, else None; cached, as several recognisers ask about one text."""
    return text.lower() if text.isascii() else None


def forget_texts() -> None:
    """Drop the facts kept for recent texts (kept for one scan's recognisers; see normalize.forget_texts)."""
    facts_of.cache_clear()
    ascii_lower.cache_clear()


def needs_of(recognizer: object) -> Needs | None:
    """A recogniser's needs: its own `NEEDS`, else the table's by name; None if it must always run."""
    own = getattr(type(recognizer), "NEEDS", None)
    if isinstance(own, Needs):
        return own
    return FOREIGN_NEEDS.get(str(getattr(recognizer, "name", "")))
