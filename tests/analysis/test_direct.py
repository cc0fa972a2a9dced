"""The direct analyzer finds what the AnalyzerEngine finds, in the same order, and is used only without a model."""

from __future__ import annotations

import random

from presidio_analyzer import AnalyzerEngine

from dlp.analysis.direct import DirectAnalyzer, results_as_hits
from dlp.analysis.engine import build_analyzer
from dlp.analysis.pipeline import default_recognizers
from dlp.registry import RegistryIndex
from dlp.scanner import Scanner
from tests.synthetic import SyntheticRegistry, account_body, extract_csv


def sample_texts(synthetic: SyntheticRegistry) -> list[str]:
    rng = random.Random(3)
    people = synthetic.ordinary()
    texts = []
    for person in rng.sample(people, 40):
        texts.append(account_body(person))
        texts.append(
            f"Dear {person.name},\nborn {person.date_of_birth:%d %B %Y}, phone {person.phone}, {person.email}\n"
            f"at {person.postal_address}\n"
            f"TFN 123 456 782, ABN 51 824 753 556, card 4111 1111 1111 1111, «FirstName» {{{{Surname}}}}"
        )
    texts.append(extract_csv(rng.sample(people, 30)).decode())
    texts.append("Nothing to see here.")
    return texts


def test_same_findings_in_the_same_order_as_the_engine(index: RegistryIndex, synthetic: SyntheticRegistry) -> None:
    engine = build_analyzer(index)
    direct = DirectAnalyzer.of(engine)
    assert direct is not None
    found = 0
    for text in sample_texts(synthetic):
        expected = results_as_hits(engine.analyze(text=text, language="en"))
        assert direct.hits(text) == expected
        found += len(expected)
    assert found > 200


def test_a_configured_model_goes_through_the_engine(index: RegistryIndex) -> None:
    engine = AnalyzerEngine(supported_languages=["en"], nlp_engine=build_analyzer(index).nlp_engine)
    assert DirectAnalyzer.of(engine) is None  # Presidio's context enhancer: the engine must run it


def test_made_without_the_engine_it_finds_the_same(index: RegistryIndex, synthetic: SyntheticRegistry) -> None:
    direct = DirectAnalyzer(default_recognizers(index))  # what a scanner without a model runs
    engine = build_analyzer(index)
    assert [type(r) for r in direct.recognizers] == [type(r) for r in engine.registry.recognizers]
    for text in sample_texts(synthetic):
        assert direct.hits(text) == results_as_hits(engine.analyze(text=text, language="en"))


def test_the_scanner_uses_it_and_follows_a_new_registry_version(scanner: Scanner, synthetic: SyntheticRegistry) -> None:
    assert scanner._direct is not None and scanner._direct.recognizers == scanner.analyzer.registry.recognizers
    text = account_body(synthetic.ordinary()[0])
    assert scanner._direct.hits(text) == results_as_hits(scanner.analyzer.analyze(text=text, language="en"))


def test_remove_duplicates_on_hits_is_presidios_on_results() -> None:
    import random

    from presidio_analyzer import EntityRecognizer, RecognizerResult

    from dlp.analysis.hit import Hit
    from dlp.analysis.patterns import remove_duplicates

    rng = random.Random(23)
    for _ in range(3000):
        hits = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 20)
            hits.append(Hit(rng.choice(["A", "B"]), start, start + rng.randint(1, 6), rng.choice([0, 0.1, 0.5, 1.0])))
        results = [RecognizerResult(h.entity, h.start, h.end, h.score) for h in hits]
        expected = [(r.entity_type, r.start, r.end, r.score) for r in EntityRecognizer.remove_duplicates(results)]
        assert [h[:4] for h in remove_duplicates(hits)] == expected, hits
    first, second = Hit("A", 1, 5, 0.5, ("C1",)), Hit("A", 1, 5, 0.5, ("C2",))
    assert remove_duplicates([first, second]) == [first]
