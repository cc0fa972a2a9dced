"""The 'insurance' corpus generator writes a consistent, repeatable labelled corpus."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.corpora.insurance.check import check, load_labels
from tests.corpora.insurance.generate import generate


def _digest(out: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(out.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(out).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def test_small_corpus_is_consistent_and_repeatable(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    generate(a, seed=3, scale=0.25)
    assert check(a) == []
    labels = load_labels(a)
    items = [lab for lab in labels if lab["channel"] == "scan"]
    incidents = [lab for lab in items if lab.get("expect") == "block"]
    assert len(items) > 150 and 0.25 < len(incidents) / len(items) < 0.5
    assert any(lab["channel"] == "batch" and lab["letters"].endswith(".pdf") for lab in labels)
    generate(b, seed=3, scale=0.25)
    assert _digest(a) == _digest(b)
