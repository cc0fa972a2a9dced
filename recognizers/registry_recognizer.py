"""Every client detail in the text, attributed to client ids, in one automaton pass."""

from __future__ import annotations

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from dlp.registry.index import (
    CLIENT_NAME,
    CLIENT_STREET,
    REGISTRY_ENTITIES,
    RegistryIndex,
)

CLIENTS_KEY = "clients"
SUPPRESSED_KEY = "suppressed_for"
MATCH_KEY = "registry_key"

SCORES = {CLIENT_NAME: 0.5, CLIENT_STREET: 0.8}


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

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        wanted = set(entities) if entities else None
        results = []
        for match in self.index.find(text):
            if wanted is not None and match.entity not in wanted:
                continue
            score = SCORES.get(match.entity, 1.0)
            results.append(
                RecognizerResult(
                    entity_type=match.entity,
                    start=match.start,
                    end=match.end,
                    score=score,
                    analysis_explanation=AnalysisExplanation(self.NAME, score, textual_explanation="registry match"),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.NAME,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        CLIENTS_KEY: match.clients,
                        SUPPRESSED_KEY: match.suppressed_for,
                        MATCH_KEY: match.key,
                    },
                )
            )
        return results
