"""The long-text tokenizer (numpy) against the short one (regex): the same tokens and offsets."""

from __future__ import annotations

import random

import numpy as np
import pytest

from dlp import normalize, tokenize
from dlp.tokenize import ascii_tokens

PIECES = ["Smith", "ST", "12", "a1", "9z", "AC-1234", "O'Brien", "x", "\t", "\n", "  ", ".", "_", "-", "~", "\x7f"]


def texts(count: int, rnd: random.Random) -> list[str]:
    """ASCII texts, long enough for the numpy path: letters and digits glued, separators of every kind."""
    out = []
    for _ in range(count):
        parts = [rnd.choice(PIECES) + rnd.choice(["", " ", ", "]) for _ in range(rnd.randrange(300, 900))]
        out.append("".join(parts))
    out += ["a" * 1500, "7" * 1500, "a7" * 750, " " * 1500, "." * 1499 + "Z", "Z" + "." * 1499]
    return out


def short_path(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[int], list[int]]:
    monkeypatch.setattr(tokenize, "LONG", len(text) + 1)
    tokens, starts, ends = ascii_tokens(text)
    monkeypatch.undo()
    return tokens, list(starts), list(ends)


def test_long_texts_split_as_the_regex_does(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in texts(60, random.Random(3)):
        assert len(text) >= tokenize.LONG
        tokens, starts, ends = ascii_tokens(text)
        assert isinstance(starts, np.ndarray)  # the numpy path, not the regex one
        assert (tokens, starts.tolist(), list(ends)) == short_path(text, monkeypatch)


def test_offsets_point_at_the_tokens() -> None:
    text = "Acct31389721228 for MS SMITH, 12 Main St. " * 40
    tokens, starts, ends = ascii_tokens(text)
    assert tokens[:4] == ["acct", "31389721228", "for", "ms"]
    assert all(text[int(s) : int(e)].lower() == t for t, s, e in zip(tokens, starts, ends, strict=True))


def test_canonical_spans_of_a_long_text_are_plain_ints(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spans of a long text hold numpy offsets inside; what they give out are ints, equal to a short text's."""
    text = "Flat 3, 12 Smith Street, Bendigo Victoria 3550. Call 0354421234. " * 30
    normalize.forget_texts()
    long_spans = list(normalize.canonical_spans(text))
    normalize.forget_texts()
    monkeypatch.setattr(tokenize, "LONG", len(text) + 1)
    short_spans = list(normalize.canonical_spans(text))
    normalize.forget_texts()
    assert long_spans == short_spans
    assert long_spans[:2] == [("3", 5, 6), ("12", 8, 10)]  # "Flat" is dropped
    assert ("vic", 33, 41) in long_spans  # "Victoria" is respelt, over its own span
    assert all(type(x) is int for _, start, end in long_spans for x in (start, end))
    assert type(normalize.canonical_spans(text)[5][1]) is int
