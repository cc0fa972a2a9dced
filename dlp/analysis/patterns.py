"""Presidio's PatternRecognizer.analyze, giving hits: the same matches and scores, without its per-match
plumbing (a RecognizerResult, an AnalysisExplanation and two clock reads per pattern), which cost more than
the regular expressions themselves on most texts.

Used by the direct analyzer for recognisers whose class keeps Presidio's `analyze` (the YAML ones, the credit
card and phone recognisers); a class with its own `analyze` is called as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from operator import itemgetter
from typing import Any, TypeGuard

import regex
from presidio_analyzer import EntityRecognizer, PatternRecognizer
from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

from dlp.analysis.hit import Hit
from dlp.analysis.prefilter import Needs, facts_of, matches_at

log = logging.getLogger(__name__)


def keeps_presidio_analyze(recognizer: EntityRecognizer) -> TypeGuard[PatternRecognizer]:
    """Does `recognizer` analyse as Presidio's PatternRecognizer does, unchanged?"""
    return isinstance(recognizer, PatternRecognizer) and type(recognizer).analyze is PatternRecognizer.analyze


def pattern_hits(recognizer: PatternRecognizer, text: str) -> list[Hit]:
    """What `recognizer.analyze(text, ...)` returns, as hits (before the engine's own duplicate removal,
    which is the same as the recogniser's: the direct analyzer applies it to all hits at once)."""
    entity = recognizer.supported_entities[0]
    return [Hit(entity, start, end, score) for _, start, end, score in scored_matches(recognizer, text)]


def scored_matches(recognizer: PatternRecognizer, text: str) -> Iterator[tuple[str, int, int, float]]:
    """(pattern name, start, end, score) of every match Presidio's `analyze` would keep, pattern by pattern."""
    untyped: Any = recognizer  # Presidio's attributes carry no types
    flags, name = untyped.global_regex_flags, untyped.name
    needs: dict[str, Needs] = getattr(recognizer, "PATTERN_NEEDS", {})
    facts = facts_of(text) if needs else None
    validate, invalidate = _own(recognizer, "validate_result"), _own(recognizer, "invalidate_result")
    for pattern in untyped.patterns:
        need = needs.get(pattern.name)
        if need is not None and facts is not None and not need.met(facts):
            continue  # a pattern that cannot match this text (dlp.analysis.prefilter)
        if not pattern.compiled_regex or pattern.compiled_with_flags != flags:
            # As Presidio does: compiled once with the recogniser's flags, by the `regex` module.
            pattern.compiled_with_flags = flags
            pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
        # Where every match must start, if its need says (an identifier's digit groups): tried only there.
        starts = need.starts(facts) if need is not None and facts is not None else None
        if starts is None:
            matches = pattern.compiled_regex.finditer(text, timeout=REGEX_TIMEOUT_SECONDS)
        else:
            matches = matches_at(pattern.compiled_regex, text, starts, timeout=REGEX_TIMEOUT_SECONDS)
        found = []
        try:
            for match in matches:
                start, end = match.span()
                if start == end:
                    continue
                score = pattern.score
                if validate is not None:
                    valid = validate(text[start:end])
                    if valid is not None:
                        score = EntityRecognizer.MAX_SCORE if valid else EntityRecognizer.MIN_SCORE
                if invalidate is not None and invalidate(text[start:end]):
                    score = EntityRecognizer.MIN_SCORE
                if score > EntityRecognizer.MIN_SCORE:
                    found.append((pattern.name, start, end, score))
        except TimeoutError:
            log.warning("pattern %r of %s timed out; skipped", pattern.name, name)
        yield from found  # as Presidio keeps a timed-out pattern's earlier matches


def _own(recognizer: PatternRecognizer, name: str) -> Any:
    """The recogniser's `name` method, or None where it is Presidio's, which says nothing (an email address's
    and a merge field's patterns: no call per match)."""
    method = getattr(recognizer, name)
    return None if getattr(method, "__func__", None) is getattr(PatternRecognizer, name) else method


def remove_duplicates(hits: list[Hit]) -> list[Hit]:
    """Presidio's `EntityRecognizer.remove_duplicates`, on hits: of results equal in entity, span and score the
    first is kept; zero scores go; a result inside another of its entity with an equal or higher score goes; the
    rest come score first, then by start, longest first."""
    # Ordered by entity, start, longest first, highest score first: four stable sorts on one field each (C-level
    # keys, last key first), not one sort on a tuple made for every hit (a client list has hundreds). Equal
    # results then stand together, the first of them first: the others lie inside it, and go.
    ordered = sorted(hits, key=_SCORE, reverse=True)  # a stable sort, reversed or not, keeps equal hits in order
    ordered.sort(key=_END, reverse=True)
    ordered.sort(key=_START)
    ordered.sort(key=_ENTITY)
    kept: list[Hit] = []
    entity = ""
    active: list[Hit] = []  # kept hits of this entity that may still contain the next
    reach = -1  # where the last of them ends
    for hit in ordered:
        start, end, score = hit.start, hit.end, hit.score
        if score == 0:
            continue
        if hit.entity != entity:
            entity, active, reach = hit.entity, [], -1
        if start > reach:  # beyond every kept hit of its entity: nothing contains it (most hits)
            kept.append(hit)
            active, reach = [hit], end
            continue
        active = [a for a in active if a.end >= start]
        for other in active:
            if start >= other.start and end <= other.end and score <= other.score:
                break
        else:
            kept.append(hit)
            active.append(hit)
            reach = max(reach, end)
    # Score first, then by start, longest first: three stable sorts on one field each (C-level keys), last key
    # first, give the order one sort on (-score, start, start - end) gives, without a Python key call per hit.
    kept.sort(key=_END, reverse=True)  # a stable sort, reversed or not, keeps equal hits in their order
    kept.sort(key=_START)
    kept.sort(key=_SCORE, reverse=True)
    return kept


_ENTITY, _START, _END, _SCORE = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)  # Hit's fields
