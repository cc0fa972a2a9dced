"""Presidio's AnalyzerEngine.analyze without its per-call plumbing, for the default pipeline (no NLP model).

With no model there is nothing for the engine to add around the recognisers: no NLP artifacts, no context
enhancement. What it still does per call (listing recognisers and entities, a NoOp artifacts object, result
objects and explanations for every registry hit, sorting them for enhancement) cost more than several of the
recognisers themselves. `DirectAnalyzer` calls the same recogniser instances directly, in the engine's order,
skips those a text cannot satisfy (`dlp.analysis.prefilter`), takes every hit as a light `Hit` tuple (registry
and date-of-birth hits from their recognisers' `hits`, plain pattern recognisers' from `dlp.analysis.patterns`),
and applies the engine's score thresholds and `remove_duplicates` exactly as the engine would, so
the findings are the same, in the same order. A configured spaCy model goes through the AnalyzerEngine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from presidio_analyzer import EntityRecognizer, RecognizerResult

from dlp.analysis.hit import Hit
from dlp.analysis.patterns import keeps_presidio_analyze, pattern_hits, remove_duplicates
from dlp.analysis.pipeline import DEFAULT_SCORE_THRESHOLD, supported_entities
from dlp.analysis.prefilter import Needs, facts_of, needs_of

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine


class _Step:
    """One recogniser as the direct analyzer runs it."""

    __slots__ = ("recognizer", "entities", "needs", "run", "thresholds", "default")

    def __init__(self, recognizer: EntityRecognizer, entities: list[str], default: float) -> None:
        self.recognizer = recognizer
        self.entities = entities
        self.needs: Needs | None = needs_of(recognizer)
        hits = getattr(recognizer, "hits", None)
        self.run: Callable[[str], list[Hit]] = self._results
        if callable(hits):
            self.run = hits
        elif keeps_presidio_analyze(recognizer):
            self.run = partial(pattern_hits, recognizer)
        # The engine's threshold for a result: the recogniser's for the entity, its default, the engine's.
        self.thresholds = recognizer.score_thresholds
        self.default = self.thresholds.get("default", default)

    def _results(self, text: str) -> list[Hit]:
        # No NLP artifacts: without a model there are none (pattern recognisers never read them).
        results = self.recognizer.analyze(text=text, entities=self.entities, nlp_artifacts=None)  # type: ignore[arg-type]
        return [Hit(r.entity_type, r.start, r.end, r.score) for r in results]


class DirectAnalyzer:
    """Recognisers (dlp.analysis.pipeline.default_recognizers), called directly as an AnalyzerEngine with no
    NLP model would call them: those of `language`, in their order, with the engine's score threshold."""

    def __init__(
        self,
        recognizers: Sequence[EntityRecognizer],
        language: str = "en",
        default_threshold: float = DEFAULT_SCORE_THRESHOLD,
    ) -> None:
        self.language = language
        mine = [r for r in recognizers if r.supported_language == language]
        entities = supported_entities(mine, language)
        self.steps = [_Step(r, entities, default_threshold) for r in mine]
        for step in self.steps:
            if not step.recognizer.is_loaded:
                step.recognizer.load()
                step.recognizer.is_loaded = True

    @property
    def recognizers(self) -> list[EntityRecognizer]:
        return [step.recognizer for step in self.steps]

    @classmethod
    def of(cls, engine: AnalyzerEngine, language: str = "en") -> DirectAnalyzer | None:
        """The direct analyzer of `engine`'s recognisers, or None if it has a model (it must then be called as
        it is)."""
        from presidio_analyzer.nlp_engine import NoOpNlpEngine

        from dlp.analysis.engine import NoContextEnhancer

        if not isinstance(engine.nlp_engine, NoOpNlpEngine):
            return None
        if not isinstance(engine.context_aware_enhancer, NoContextEnhancer):
            return None
        recognizers = engine.registry.get_recognizers(language=language, all_fields=True)
        return cls(recognizers, language, engine.default_score_threshold)

    def hits(self, text: str) -> list[Hit]:
        """What `engine.analyze(text, language)` finds, as hits in the order it returns its results."""
        facts = facts_of(text)
        kept: list[Hit] = []
        for step in self.steps:
            if step.needs is not None and not step.needs.met(facts):
                continue
            threshold, default = step.thresholds.get, step.default
            kept += [hit for hit in step.run(text) if hit.score >= threshold(hit.entity, default)]
        return remove_duplicates(kept)


def results_as_hits(results: list[RecognizerResult]) -> list[Hit]:
    """Presidio results as hits (the engine's path), with the registry's metadata where a result carries it."""
    from dlp.recognizers.registry_recognizer import CLIENTS_KEY, MATCH_KEY, SUPPRESSED_KEY

    out = []
    for r in results:
        meta = r.recognition_metadata or {}
        out.append(
            Hit(
                r.entity_type,
                r.start,
                r.end,
                r.score,
                tuple(meta.get(CLIENTS_KEY, ())),
                tuple(meta.get(SUPPRESSED_KEY, ())),
                str(meta.get(MATCH_KEY, "")),
            )
        )
    return out
