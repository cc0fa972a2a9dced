"""Dates, as letters write them (`6 July 1979`, `6th of July 1979`, `06-Jul-1979`, `06/07/79`), that are a
client's birth date, and whether that client is named in the same text.

A birth date alone never identifies anyone (a million clients share ~27,000 dates), and two clients can share a
name: the name *and* the birth date of one client together say whose data it is (the seeds' payment to the
wrong worker: same name and injury date, different birth date). The name counts with or without middle names,
as an initial, in capitals or with its diacritics dropped, and "FAMILY, Given" too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from presidio_analyzer import EntityRecognizer, RecognizerResult

from dlp.analysis.hit import Hit
from dlp.analysis.prefilter import Needs
from dlp.dates import find_dates
from dlp.normalize import TITLES, name_tokens
from dlp.recognizers.registry_recognizer import to_result
from dlp.registry.client import Client
from dlp.registry.index import CLIENT_DOB, CLIENT_NAME_DOB, RegistryIndex

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

GIVEN_BEFORE = 4  # tokens before the family name where the given name or its initial may stand
GIVEN_AFTER = 3  # "NGUYEN, Thi Lan"


class ClientDobRecognizer(EntityRecognizer):
    NAME = "ClientDobRecognizer"
    SCORE = 0.4
    NEEDS = Needs(runs=((1,), (2,)))  # every date form has a day of one or two digits

    def __init__(self, index: RegistryIndex) -> None:
        self.index = index
        super().__init__(supported_entities=[CLIENT_DOB, CLIENT_NAME_DOB], name=self.NAME, supported_language="en")

    def use_index(self, index: RegistryIndex) -> None:
        """Scan against another version of the registry from the next text on."""
        self.index = index

    def load(self) -> None:
        pass

    def hits(self, text: str) -> list[Hit]:
        hits = []
        names: _Names | None = None
        for start, end, day in find_dates(text):
            born = self.index.clients_born(day)
            if not born:
                continue
            key = day.isoformat()
            hits.append(Hit(CLIENT_DOB, start, end, self.SCORE, tuple(sorted(born)), (), key))
            names = names or _Names(text)
            named = tuple(sorted(cid for cid in born if names.mention(self.index.clients[cid])))
            if named:
                hits.append(Hit(CLIENT_NAME_DOB, start, end, 1.0, named, (), key))
        return hits

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        return [to_result(hit, self, "date of birth of a client") for hit in self.hits(text)]


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
