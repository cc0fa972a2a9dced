"""Which match keys exist: a few MARISA tries over the keys' compact text, memory-mapped from the index file.

Finding a client's details in a letter means asking, at every token start of its compact text, which keys
begin there. A MARISA trie (`marisa-trie`) answers that in one call (`iter_prefixes`), holds twelve million
keys in about 70 MB and maps straight from the index file, so every process shares it. The keys are split
into `SHARDS` tries by their first character, only so a large build can compile them on several cores; a
lookup asks the one trie its first character picks.

The trie says only that a key exists. Its postings (which clients, which entity) are found by the key's hash
in the match table (`dlp.registry.hashing`), for the few keys a text holds.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import Any

import marisa_trie

SHARDS = 4
_SEP = "\n"  # compact keys are letters and digits: never a newline


def shard_of(key: str) -> int:
    return ord(key[0]) % SHARDS


def split(keys: Iterable[str]) -> list[str]:
    """`keys` (repeats allowed: the trie merges them), one newline-joined text per shard, cheap to send."""
    shards: list[list[str]] = [[] for _ in range(SHARDS)]
    add = [shard.append for shard in shards]
    for key in keys:
        add[ord(key[0]) % SHARDS](key)
    return [_SEP.join(shard) for shard in shards]


def compile_shard(texts: Iterable[str]) -> bytes:
    """One shard's trie from the texts `split` made of it (duplicates across texts are merged)."""
    keys = [key for text in texts if text for key in text.split(_SEP)]
    # One trie level, not marisa's default three: a fifth faster to look up in, for half as much space again.
    return bytes(marisa_trie.Trie(keys, num_tries=1).tobytes())


def compile_shards(parts: list[list[str]], map_: Callable[..., Iterable[bytes]] = map) -> Iterable[bytes]:
    """Each shard's trie, from each part's `split`. With an executor's `map` they compile meanwhile."""
    return map_(compile_shard, [[part[s] for part in parts] for s in range(SHARDS)])


def sections(tries: Iterable[bytes]) -> dict[str, bytes]:
    return {f"match.trie.{s}": trie for s, trie in enumerate(tries)}


class KeySet:
    """The shards of an index, mapped from its buffer (no copy)."""

    def __init__(self, section: Callable[[str], Any], max_length: int) -> None:
        """`section(name)` is the index section of that name, as a buffer."""
        self._tries = []
        for s in range(SHARDS):
            trie = marisa_trie.Trie()
            trie.map(section(f"match.trie.{s}"))
            self._tries.append(trie)
        self._max_length = max_length

    def spans(self, text: str, starts: Iterable[int], ends: Container[int]) -> list[tuple[int, int]]:
        """(end, start) of every key in `text` that starts at one of `starts` and ends at one of `ends`,
        by end and then longest first (as an Aho-Corasick automaton reports them)."""
        found: list[tuple[int, int]] = []
        tries, longest = self._tries, self._max_length
        for start in starts:
            for key in tries[ord(text[start]) % SHARDS].prefixes(text[start : start + longest]):  # a list: faster
                end = start + len(key)
                if end in ends:
                    found.append((end, start))
        found.sort()
        return found
