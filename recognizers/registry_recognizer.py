"""Every client detail in the text, attributed to client ids, in one pass over the registry index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from dlp.analysis.hit import Hit
from dlp.registry.index import (
    CLIENT_NAME,
    CLIENT_STREET,
    REGISTRY_ENTITIES,
    RegistryIndex,
)

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

CLIENTS_KEY = "clients"
SUPPRESSED_KEY = "suppressed_for"
MATCH_KEY = "registry_key"

SCORES = {CLIENT_NAME: 0.5, CLIENT_STREET: 0.8}


def to_result(hit: Hit, recognizer: EntityRecognizer, explanation: str) -> RecognizerResult:
    """A hit as Presidio's result, for the AnalyzerEngine (a configured spaCy model, the review UI)."""
    name = str(getattr(recognizer, "name", ""))
    return RecognizerResult(
        entity_type=hit.entity,
        start=hit.start,
        end=hit.end,
        score=hit.score,
        analysis_explanation=AnalysisExplanation(name, hit.score, textual_explanation=explanation),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            CLIENTS_KEY: hit.clients,
            SUPPRESSED_KEY: hit.suppressed_for,
            MATCH_KEY: hit.key,
        },
    )


class RegistryRecognizer(EntityRecognizer):
    NAME = "RegistryRecognizer"

    def __init__(self, index: RegistryIndex) -> None:
        self.index = index
        super().__init__(supported_entities=list(REGISTRY_ENTITIES), name=self.NAME, supported_language="en")

    def use_index(self, index: RegistryIndex) -> None:
        """Scan against another version of the registry from the next text on."""
        self.index = index

    def load(self) -> None:  # the index is built before the recogniser
        pass

    def hits(self, text: str) -> list[Hit]:
        """Every registry value in `text`, as the index finds them."""
        # tuple.__new__: a named tuple's own __new__ is a Python call, a third of the cost of an extract's hit.
        new, get = tuple.__new__, SCORES.get
        return [
            new(Hit, (entity, start, end, get(entity, 1.0), clients, suppressed, key))
            for entity, start, end, clients, suppressed, key in self.index.find(text)
        ]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        wanted = set(entities) if entities else None
        return [
            to_result(hit, self, "registry match") for hit in self.hits(text) if wanted is None or hit.entity in wanted
        ]
