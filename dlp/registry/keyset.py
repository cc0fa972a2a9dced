"""Which match keys exist: a few MARISA tries over the keys' compact text, memory-mapped from the index file.

Finding a client's details in a letter means asking, at a token of its compact text, which keys begin
there. A MARISA trie (`marisa-trie`) answers that in one call (`prefixes`), holds twelve million keys in
about 60 MB and maps straight from the index file, so every process shares it. Most tokens start no key: a
token, and a pair of tokens, is first asked whether any key starts so (remembered, as the same words recur),
and only the few that may are looked up in full. The keys are split into `SHARDS` tries by their first
character, only so a large build can compile them on several cores; a lookup asks the one trie its first
character picks.

The trie says only that a key exists. Its postings (which clients, which entity) are found by the key's hash
in the match table (`dlp.registry.hashing`), for the few keys a text holds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Any

import marisa_trie

from dlp.errors import IndexFileError

SHARDS = 4
_SEP = "\n"  # compact keys are letters and digits: never a newline
_Memory = tuple[dict[str, bool], set[str], dict[tuple[str, str], bool]]
_REMEMBERED = 100_000  # tokens and pairs remembered per process (about 12 MB), then forgotten all at once


def shard_of(key: str) -> int:
    return ord(key[0]) % SHARDS


def split(keys: Iterable[str]) -> list[str]:
    """`keys` (repeats allowed: the trie merges them), one newline-joined text per shard, cheap to send."""
    shards: list[list[str]] = [[] for _ in range(SHARDS)]
    add = [shard.append for shard in shards]
    for key in keys:  # millions in a build: shard_of written out
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

    def __init__(self, section: Callable[[str], Any], max_length: int, source: str = "registry index") -> None:
        """`section(name)` is the index section of that name, as a buffer; `source` names the index in errors."""
        self._tries = []
        # A mapped trie points into the buffer without holding it: the buffers are held here, as long as the tries.
        self._buffers = [section(f"match.trie.{s}") for s in range(SHARDS)]
        for buffer in self._buffers:
            trie = marisa_trie.Trie()
            try:
                trie.map(buffer)
            except (RuntimeError, ValueError) as exc:  # marisa's own checks: a forged file whose checksum fits
                raise IndexFileError(
                    f"{source}: key tries are corrupt ({exc.__class__.__name__}); rebuild it"
                ) from None
            self._tries.append(trie)
        self._max_length = max_length
        # What was learnt about tokens, replaced as one (a thread in the middle of a text keeps its own): each
        # token asked about (may a key start with it), those that may, and each (token, next token) pair asked
        # about. Bounded: checked before each text, so one long text adds at most its own distinct tokens.
        self._memory: _Memory = ({}, set(), {})

    def find(
        self, tokens: tuple[str, ...], joined: str | None = None, distinct: frozenset[str] | None = None
    ) -> list[tuple[int, int, str]]:
        """(last token, first token, key) of every key that joins a run of `tokens` (canonical tokens of a
        text; `joined`, their concatenation, and `distinct`, the set of them, if the caller has them), by its
        last token and then longest first (as an Aho-Corasick automaton reports them)."""
        firsts, starting, heads = self._memory
        if len(firsts) + len(heads) > _REMEMBERED:
            self.forget()
            firsts, starting, heads = self._memory
        # A key starting at a token is that token, or begins with it and the next. Each distinct token is asked
        # about once, then each distinct pair whose first token may start a key.
        if distinct is None:
            distinct = frozenset(tokens)
        for token in distinct.difference(firsts):
            if _has_prefix(self._tries[shard_of(token)], token):  # the token itself, or longer
                starting.add(token)  # first: another thread that finds the token asked about finds it here
                firsts[token] = True
            else:
                firsts[token] = False
        starters = distinct & starting
        if not starters:
            return []
        may = []
        for i in [i for i, token in enumerate(tokens) if token in starters]:
            pair = (tokens[i], tokens[i + 1] if i + 1 < len(tokens) else "")
            ok = heads.get(pair)
            if ok is None:
                ok = heads[pair] = self._may_start(*pair)
            if ok:
                may.append(i)
        if not may:
            return []
        found: list[tuple[int, int, str]] = []
        text = "".join(tokens) if joined is None else joined
        # Where each token starts in `text` (and where the last ends): a key found at token i ends on a token
        # boundary if its end is one of these, the token before it the key's last. Only as far as the last
        # candidate's longest key can reach (a token is at least a character): a long text's candidates are
        # often all near its top.
        longest, tries = self._max_length, self._tries
        bounds = list(accumulate(map(len, tokens[: may[-1] + longest + 1]), initial=0))
        for i in may:
            start = bounds[i]
            for key in tries[shard_of(tokens[i])].prefixes(text[start : start + longest]):  # a list: fastest
                end = start + len(key)
                after = bisect_left(bounds, end, i + 1)
                if after < len(bounds) and bounds[after] == end:
                    found.append((after - 1, i, key))
        found.sort()
        return found

    def forget(self) -> None:
        """Drop what was remembered about tokens."""
        self._memory = ({}, set(), {})

    def _may_start(self, token: str, following: str) -> bool:
        trie = self._tries[shard_of(token)]
        return token in trie or (bool(following) and _has_prefix(trie, token + following))


def _has_prefix(trie: marisa_trie.Trie, prefix: str) -> bool:
    return next(trie.iterkeys(prefix), None) is not None
