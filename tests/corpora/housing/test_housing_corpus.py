"""The housing corpus generator: deterministic, labels consistent, files open."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpora.conformance import check_files_open, check_labels, check_registry_and_config, check_reproducible
from tests.corpora.conformance import labels as _labels
from tests.corpora.housing.generate import generate
from tests.corpora.housing.people import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("housing") / "a"
    generate(out, seed=1, scale=0.3)
    return out


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    check_reproducible(generate, corpus, tmp_path)


def test_registry_and_config(corpus: Path) -> None:
    check_registry_and_config(corpus, COLUMNS)


def test_labels_consistent(corpus: Path) -> None:
    check_labels(corpus)


def test_files_open(corpus: Path) -> None:
    check_files_open(corpus)


def test_incident_share(corpus: Path) -> None:
    scans = [x for x in _labels(corpus) if x["channel"] == "scan" and "expect" in x]
    blocks = sum(x["expect"] == "block" for x in scans)
    assert 0.2 < blocks / len(scans) < 0.5


def test_full_scale_size(tmp_path: Path) -> None:
    cx = generate(tmp_path / "full", seed=1, scale=1.0)
    scans = [x for x in cx.labels if x["channel"] == "scan"]
    runs = [x for x in cx.labels if x["channel"] == "batch"]
    assert 220 <= len(scans) <= 280
    assert 4 <= len(runs) <= 6
