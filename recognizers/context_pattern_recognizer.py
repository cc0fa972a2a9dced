"""A PatternRecognizer that can insist on a context word near the match.

The default pipeline runs without an NLP model, so Presidio's lemma-based context enhancer has no tokens
to look at. Identifiers that are bare digit runs (a TFN is any nine digits with a valid check digit, one in
eleven) are only worth reporting with a context word close before them; this base class checks a window of
raw text instead.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

import regex
from presidio_analyzer import PatternRecognizer, RecognizerResult

from dlp.analysis.hit import Hit
from dlp.analysis.patterns import remove_duplicates, scored_matches
from dlp.analysis.prefilter import ascii_words, mentions

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts


# Presidio's flags without IGNORECASE, for patterns that hold no cased character and no group that can capture
# one (digits, separators, \d \w \s \b): there IGNORECASE changes no match, but costs the regex module its
# fast scan for a first character (a 20 KB message: Medicare's patterns 195 us to 20 us, a phone number's 290
# to 160). tests/recognizers/test_identifiers.py holds each such recogniser to its case-insensitive twin.
CASELESS_FLAGS = regex.DOTALL | regex.MULTILINE


class ContextPatternRecognizer(PatternRecognizer):
    CONTEXT_WINDOW = 60  # characters before the match searched for a context word
    # Pattern names that stand on their own; every other pattern needs a context word.
    SELF_EVIDENT_PATTERNS: tuple[str, ...] = ()

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if self.context and not self.SELF_EVIDENT_PATTERNS and not self._context_anywhere(text):
            return []  # no context word anywhere: nothing this recogniser could report
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if not self.context or not results:
            return results
        return [
            result
            for result in results
            if self._in_context(
                text, result.start, result.analysis_explanation.pattern_name if result.analysis_explanation else None
            )
        ]

    def _context_anywhere(self, text: str) -> bool:
        """Is a context word anywhere in `text`, boundaries or not? A necessary condition for a kept result."""
        return mentions(text, self._ascii_context, self._context_unbounded)

    def _in_context(self, text: str, start: int, pattern: str | None) -> bool:
        """Is a result starting at `start` kept: its pattern stands on its own, or a context word precedes it?"""
        window = text[max(0, start - self.CONTEXT_WINDOW) : start]
        return pattern in self.SELF_EVIDENT_PATTERNS or self._context_words.search(window) is not None

    @cached_property
    def _ascii_context(self) -> tuple[str, ...]:
        return ascii_words(tuple(self.context))

    @cached_property
    def _context_unbounded(self) -> re.Pattern[str]:
        return re.compile(self._context_alternatives, re.IGNORECASE)

    def hits(self, text: str) -> list[Hit]:
        """What `analyze` returns, as hits in its order, without Presidio's result and explanation objects
        (the direct analyzer's path): the recogniser's own duplicate removal, then the context check."""
        if self.context and not self.SELF_EVIDENT_PATTERNS and not self._context_anywhere(text):
            return []
        entity = self.supported_entities[0]
        found: list[Hit] = []
        pattern_of: dict[Hit, str] = {}  # equal results of two patterns: Presidio keeps either, this the first
        for name, start, end, score in scored_matches(self, text):
            hit = Hit(entity, start, end, score)
            found.append(hit)
            pattern_of.setdefault(hit, name)
        kept = remove_duplicates(found)
        if not self.context or not kept:
            return kept
        return [hit for hit in kept if self._in_context(text, hit.start, pattern_of[hit])]

    @cached_property
    def _context_words(self) -> re.Pattern[str]:
        return re.compile(r"(?<![^\W\d_])(?:" + self._context_alternatives + r")(?![^\W\d_])", re.IGNORECASE)

    @property
    def _context_alternatives(self) -> str:
        return "|".join(re.escape(w) for w in self.context)
