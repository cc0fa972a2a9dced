"""Build Presidio's AnalyzerEngine from our configuration, without downloading anything.

By default the engine runs with Presidio's NoOpNlpEngine: every recogniser of the default pipeline is
self-contained, so no statistical model is needed. `[analysis] spacy_model` (an installed package name or
a path) adds a spaCy pipeline and Presidio's SpacyRecognizer for people who are not in the registry.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine, NoOpNlpEngine, SpacyNlpEngine

from dlp.analysis.offline import keep_offline
from dlp.analysis.pipeline import DEFAULT_SCORE_THRESHOLD, default_recognizers
from dlp.config import AnalysisConfig
from dlp.errors import ConfigError
from dlp.registry.index import RegistryIndex

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)


class LocalSpacyNlpEngine(SpacyNlpEngine):
    """SpacyNlpEngine that loads an installed model or a path and never calls `spacy download`."""

    def load(self) -> None:
        import spacy

        loaded: dict[str, object] = {}
        for model in self.models:
            name = model["model_name"]
            try:
                loaded[model["lang_code"]] = spacy.load(name)
            except OSError:
                raise ConfigError(
                    f"[analysis] spacy_model {name!r} is neither an installed spaCy package nor a model "
                    "folder; install it from a wheel or give a path (nothing is downloaded at run time)"
                ) from None
        self.nlp = loaded  # type: ignore[assignment]


class NoContextEnhancer(ContextAwareEnhancer):
    """Without a model there are no tokens to find context words in; recognisers that need context check it
    themselves (ContextPatternRecognizer). Presidio's lemma enhancer would still deep-copy every result."""

    def __init__(self) -> None:
        super().__init__(
            context_similarity_factor=0,
            min_score_with_context_similarity=0,
            context_prefix_count=0,
            context_suffix_count=0,
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        return raw_results


class DlpAnalyzerEngine(AnalyzerEngine):
    """Presidio's engine, minus the per-recogniser sorting of results for context enhancement when there is
    no context to enhance with (no model): that bookkeeping cost more than our recognisers themselves."""

    def _enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        if isinstance(self.context_aware_enhancer, NoContextEnhancer):
            return raw_results
        return super()._enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)


def build_nlp_engine(settings: AnalysisConfig) -> NlpEngine:
    lang = settings.language
    if settings.spacy_model:
        model = settings.spacy_model
        if Path(model).expanduser().exists():
            model = str(Path(model).expanduser())
        engine: NlpEngine = LocalSpacyNlpEngine(models=[{"lang_code": lang, "model_name": model}])
    else:
        engine = NoOpNlpEngine(models=[{"lang_code": lang, "model_name": "no_op"}])
    engine.load()
    return engine


def build_analyzer(
    index: RegistryIndex, settings: AnalysisConfig | None = None, local: Sequence[EntityRecognizer] = ()
) -> AnalyzerEngine:
    """The analyzer of the default pipeline, then the organisation's own recognisers (dlp.analysis.local)."""
    return engine_of(default_recognizers(index, local), settings)


def engine_of(recognizers: Sequence[EntityRecognizer], settings: AnalysisConfig | None = None) -> AnalyzerEngine:
    """An AnalyzerEngine over these recognisers (dlp.analysis.pipeline), in their order, with spaCy's
    recogniser after them when `[analysis] spacy_model` is set."""
    keep_offline()
    settings = settings or AnalysisConfig()
    nlp_engine = build_nlp_engine(settings)
    registry = RecognizerRegistry(supported_languages=[settings.language])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    if settings.spacy_model:
        registry.add_nlp_recognizer(nlp_engine=nlp_engine)
    enhancer = None if settings.spacy_model else NoContextEnhancer()
    return DlpAnalyzerEngine(
        context_aware_enhancer=enhancer,
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[settings.language],
        default_score_threshold=DEFAULT_SCORE_THRESHOLD,
    )
