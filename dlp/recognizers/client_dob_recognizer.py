"""Dates, as letters write them (`3 March 1984`, `03/03/1984`, `1984-03-03`), that are a client's
birth date.

A birth date alone never identifies anyone (a million clients share ~27,000 dates); attribution pairs it
with the same client's name.
"""

from __future__ import annotations

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from dlp.normalize import find_dates
from dlp.recognizers.registry_recognizer import CLIENTS_KEY, MATCH_KEY, SUPPRESSED_KEY
from dlp.registry.index import CLIENT_DOB, RegistryIndex


class ClientDobRecognizer(EntityRecognizer):
    NAME = "ClientDobRecognizer"
    SCORE = 0.4

    def __init__(self, index: RegistryIndex) -> None:
        self.index = index
        super().__init__(supported_entities=[CLIENT_DOB], name=self.NAME, supported_language="en")

    def use_index(self, index: RegistryIndex) -> None:
        """Scan against another version of the registry from the next text on."""
        self.index = index

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for start, end, day in find_dates(text):
            clients = self.index.clients_born(day)
            if not clients:
                continue
            results.append(
                RecognizerResult(
                    entity_type=CLIENT_DOB,
                    start=start,
                    end=end,
                    score=self.SCORE,
                    analysis_explanation=AnalysisExplanation(
                        self.NAME, self.SCORE, textual_explanation="date of birth of a client"
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.NAME,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        CLIENTS_KEY: tuple(sorted(clients)),
                        SUPPRESSED_KEY: (),
                        MATCH_KEY: day.isoformat(),
                    },
                )
            )
        return results
