"""Dates, as letters write them (`6 July 1979`, `6th of July 1979`, `06-Jul-1979`, `06/07/79`), that are a
client's birth date, and whether that client is named in the same text.

A birth date alone never identifies anyone (a million clients share ~27,000 dates), and two clients can share a
name: the name *and* the birth date of one client together say whose data it is (the seeds' payment to the
wrong worker: same name and injury date, different birth date). The name counts with or without middle names,
as an initial, in capitals or with its diacritics dropped, and "FAMILY, Given" too.
"""

from __future__ import annotations

from collections import defaultdict

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from dlp.normalize import TITLES, find_dates, name_tokens
from dlp.recognizers.registry_recognizer import CLIENTS_KEY, MATCH_KEY, SUPPRESSED_KEY
from dlp.registry.client import Client
from dlp.registry.index import CLIENT_DOB, CLIENT_NAME_DOB, RegistryIndex

GIVEN_BEFORE = 4  # tokens before the family name where the given name or its initial may stand
GIVEN_AFTER = 3  # "NGUYEN, Thi Lan"


class ClientDobRecognizer(EntityRecognizer):
    NAME = "ClientDobRecognizer"
    SCORE = 0.4

    def __init__(self, index: RegistryIndex) -> None:
        self.index = index
        super().__init__(supported_entities=[CLIENT_DOB, CLIENT_NAME_DOB], name=self.NAME, supported_language="en")

    def use_index(self, index: RegistryIndex) -> None:
        """Scan against another version of the registry from the next text on."""
        self.index = index

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        names: _Names | None = None
        for start, end, day in find_dates(text):
            born = self.index.clients_born(day)
            if not born:
                continue
            results.append(self._result(CLIENT_DOB, start, end, self.SCORE, sorted(born), day.isoformat()))
            names = names or _Names(text)
            named = sorted(cid for cid in born if names.mention(self.index.clients[cid]))
            if named:
                results.append(self._result(CLIENT_NAME_DOB, start, end, 1.0, named, day.isoformat()))
        return results

    def _result(
        self, entity: str, start: int, end: int, score: float, clients: list[str], key: str
    ) -> RecognizerResult:
        return RecognizerResult(
            entity_type=entity,
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(self.NAME, score, textual_explanation="date of birth of a client"),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.NAME,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                CLIENTS_KEY: tuple(clients),
                SUPPRESSED_KEY: (),
                MATCH_KEY: key,
            },
        )


class _Names:
    """The text's words, for asking whether a client's name is written in it."""

    def __init__(self, text: str) -> None:
        self.words = [w for w in name_tokens(text) if w not in TITLES]
        self.at: dict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(self.words):
            self.at[word].append(i)

    def mention(self, client: Client) -> bool:
        family, given = name_tokens(client.family_name), name_tokens(client.given_name)
        if not family or not given:
            return False
        first = given[0]
        for i in self.at.get(family[0], ()):
            if self.words[i : i + len(family)] != family:
                continue
            before = self.words[max(0, i - GIVEN_BEFORE) : i]
            after = self.words[i + len(family) : i + len(family) + GIVEN_AFTER]
            if any(w == first or (len(w) == 1 and w == first[0]) for w in before) or first in after:
                return True
        return False
