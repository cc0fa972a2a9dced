"""The key tries find exactly the runs of tokens that spell a key, whatever they remember between texts."""

from __future__ import annotations

import random

import pytest

from dlp.registry import keyset
from dlp.registry.keyset import KeySet

WORDS = ["12", "wattle", "st", "ann", "lee", "0412", "345", "678", "ä", "émile", "ngo", "the", "road", "x"]


def key_set(keys: list[str], parts: int = 2) -> KeySet:
    """The key set of `keys`, compiled as a build would: each part split by shard, the shards merged."""
    texts = [keyset.split(keys[i::parts]) for i in range(parts)]
    sections = keyset.sections(keyset.compile_shards(texts))
    return KeySet(sections.__getitem__, max(map(len, keys), default=0))


def brute_force(keys: set[str], tokens: tuple[str, ...], longest: int) -> list[tuple[int, int, str]]:
    found = []
    for i in range(len(tokens)):
        for j in range(i, len(tokens)):
            run = "".join(tokens[i : j + 1])
            if len(run) > longest:
                break
            if run in keys:
                found.append((j, i, run))
    return sorted(found)


def test_only_whole_runs_of_tokens_in_order_of_end_then_longest() -> None:
    keys = key_set(["12wattlest", "wattlest", "annlee", "0412345678", "leeann"])
    tokens = ("dear", "ann", "lee", "of", "12", "wattle", "st", "call", "0412", "345", "678", "wattles", "t")
    assert keys.find(tokens) == [
        (2, 1, "annlee"),
        (6, 4, "12wattlest"),
        (6, 5, "wattlest"),
        (10, 8, "0412345678"),
        (12, 11, "wattlest"),  # compact text: "wattles t" spells it on the tokens' boundaries
    ]
    assert keys.find(("wattlestx",)) == []  # ends inside a token
    assert keys.find(("awattle", "st")) == []  # starts inside one


def test_a_key_at_the_top_of_a_long_text_spelt_one_character_a_token() -> None:
    """Token offsets are summed only as far as the last candidate's longest key reaches: exactly far enough."""
    keys = key_set(["abcd", "xy"])  # the longest key, four tokens of one character
    tokens = ("dear", "a", "b", "c", "d", *["filler"] * 500)
    assert keys.find(tokens) == [(4, 1, "abcd")]
    assert keys.find((*tokens, "x", "y")) == [(4, 1, "abcd"), (506, 505, "xy")]


def test_empty_key_set_and_empty_text() -> None:
    assert key_set([]).find(("ann", "lee")) == []
    assert key_set(["annlee"]).find(()) == []


@pytest.mark.parametrize("remembered", [keyset._REMEMBERED, 3])
def test_matches_brute_force_on_random_texts_however_much_is_remembered(
    remembered: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyset, "_REMEMBERED", remembered)  # 3: the remembered tokens are forgotten text after text
    rng = random.Random(7)
    keys = {"".join(rng.choices(WORDS, k=rng.randint(1, 4))) for _ in range(300)}
    keys = {k for k in keys if len(k) >= 2}
    index = key_set(sorted(keys), parts=3)
    longest = max(map(len, keys))
    for _ in range(300):
        tokens = tuple(rng.choices(WORDS, k=rng.randint(0, 25)))
        assert index.find(tokens) == brute_force(keys, tokens, longest), tokens


def test_forgetting_while_other_threads_find_never_breaks_a_lookup() -> None:
    import threading

    index = key_set(["annlee", "12wattlest"])
    tokens = tuple(f"w{i}" for i in range(300)) + ("ann", "lee", "12", "wattle", "st")
    failures: list[BaseException] = []

    def finder() -> None:
        try:
            for _ in range(200):
                assert index.find(tokens) == [(301, 300, "annlee"), (304, 302, "12wattlest")]
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=finder) for _ in range(3)]
    for thread in threads:
        thread.start()
    for _ in range(500):
        index.forget()
    for thread in threads:
        thread.join()
    assert not failures
