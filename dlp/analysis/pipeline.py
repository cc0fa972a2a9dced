"""The recognisers of the default pipeline, in the analyzer's order, built without Presidio's engine.

Both ways of running them start here: `DirectAnalyzer` (no NLP model: the recognisers are called directly)
and `dlp.analysis.engine.build_analyzer` (an AnalyzerEngine whose registry holds these same recognisers, in
this same order, plus spaCy's when a model is configured). Nothing here imports Presidio's engine, its NLP
engines or spaCy (see dlp.analysis.light), so a scan without a model never pays for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from presidio_analyzer import EntityRecognizer, PatternRecognizer
from presidio_analyzer.score_thresholds import normalize_score_thresholds

from dlp.recognizers import PATTERNS_YAML, code_recognizers
from dlp.registry.index import RegistryIndex

# The engine's score threshold: results scoring below it are dropped (a recogniser may set its own).
DEFAULT_SCORE_THRESHOLD = 0.3
# What Presidio's SpacyRecognizer adds when `[analysis] spacy_model` is set.
NER_ENTITIES = frozenset({"PERSON", "LOCATION", "NRP", "ORGANIZATION", "DATE_TIME"})


def default_recognizers(index: RegistryIndex, local: Sequence[EntityRecognizer] = ()) -> list[EntityRecognizer]:
    """The shipped Python recognisers, the shipped YAML ones, then the organisation's own (dlp.analysis.local)."""
    return [*code_recognizers(index), *yaml_recognizers(PATTERNS_YAML), *local]


def yaml_recognizers(path: Path) -> list[EntityRecognizer]:
    """Pure-pattern recognisers from a file in Presidio's recogniser-registry format, made as
    `RecognizerRegistry.add_recognizers_from_yaml` makes them."""
    entries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["recognizers"]
    out: list[EntityRecognizer] = []
    for entry in entries:
        entry = dict(entry)
        thresholds = normalize_score_thresholds(entry.pop("score_thresholds", None))
        recognizer = PatternRecognizer.from_dict(entry)
        recognizer.score_thresholds = thresholds
        out.append(recognizer)
    return out


def supported_entities(recognizers: Sequence[EntityRecognizer], language: str) -> list[str]:
    """What the recognisers of `language` can report (`AnalyzerEngine.get_supported_entities`)."""
    return list({e for r in recognizers if r.supported_language == language for e in r.get_supported_entities()})
