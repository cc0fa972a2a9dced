"""The analyzer: no model by default, an optional spaCy pipeline by path, and nothing fetched from the network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from dlp.analysis.engine import build_analyzer
from dlp.config import AnalysisConfig
from dlp.errors import ConfigError
from dlp.registry import RegistryIndex


def test_default_pipeline_needs_no_model(index: RegistryIndex) -> None:
    analyzer = build_analyzer(index)
    assert type(analyzer.nlp_engine).__name__ == "NoOpNlpEngine"
    assert "PERSON" not in analyzer.get_supported_entities()


def test_tiny_spacy_pipeline_by_path_adds_person_ner(index: RegistryIndex, tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"LOWER": "zoltan"}, {"LOWER": "quimby"}]}])
    nlp.to_disk(tmp_path / "tiny")
    analyzer = build_analyzer(index, AnalysisConfig(spacy_model=str(tmp_path / "tiny")))
    results = analyzer.analyze("A note about Zoltan Quimby.", language="en")
    assert any(r.entity_type == "PERSON" for r in results)


def test_missing_spacy_model_is_a_config_error(index: RegistryIndex) -> None:
    with pytest.raises(ConfigError, match="nothing is downloaded"):
        build_analyzer(index, AnalysisConfig(spacy_model="no_such_model_pkg"))


def test_analysis_opens_no_network_connection(index: RegistryIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    analyzer = build_analyzer(index)
    analyzer.analyze("Mail me at person@example.com or visit https://example.org", language="en")
    import tldextract

    assert tldextract.extract("a.b.example.co.uk").suffix == "co.uk"
