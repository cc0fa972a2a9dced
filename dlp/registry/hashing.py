"""Stable 64-bit hashes and the bucketed hash tables of the compiled index.

Match keys are hashed as *spans of compact text* with a polynomial hash over code points, modulo 2**64:
with prefix sums `P[k] = sum(c[i] * B**i, i < k)`, the span `[a, b)` hashes to `(P[b] - P[a]) * B**-a`,
so every candidate span of an item's text is hashed in a handful of numpy operations, and a registry key
hashes the same whether it is built alone or found inside a letter. The base is odd (so invertible) and
drawn at random per build; a finaliser mixes the bits so the top bits pick a bucket evenly. Spans are at
most a few hundred characters, far too short for the known collisions of polynomial hashes modulo 2**64.

Table keys (emails, names, dates as strings) are looked up one at a time, so they use blake2b.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_CACHE_LIMIT = 1 << 20  # powers kept between calls; longer texts compute theirs for the call only


def code_points(text: str) -> npt.NDArray[np.uint32]:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


class SpanHasher:
    def __init__(self, base: int) -> None:
        if base % 2 == 0 or not 0 < base < 1 << 64:
            raise ValueError("hash base must be an odd 64-bit number")
        self.base = base
        self._pow = np.ones(1, dtype=np.uint64)
        self._inv = np.ones(1, dtype=np.uint64)
        self._b = np.uint64(base)
        self._binv = np.uint64(pow(base, -1, 1 << 64))

    def _powers(self, n: int) -> tuple[U64, U64]:
        """B**i and B**-i for i <= n."""
        if len(self._pow) > n:
            return self._pow, self._inv
        size = max(n + 1, 2 * len(self._pow))
        extra = size - len(self._pow)
        with np.errstate(over="ignore"):
            pw = np.concatenate([self._pow, self._pow[-1] * np.cumprod(np.full(extra, self._b, dtype=np.uint64))])
            inv = np.concatenate([self._inv, self._inv[-1] * np.cumprod(np.full(extra, self._binv, dtype=np.uint64))])
        if size <= _CACHE_LIMIT:
            self._pow, self._inv = pw, inv
        return pw, inv

    def prefix(self, cps: npt.NDArray[np.uint32]) -> tuple[U64, U64]:
        """Prefix sums of `cps` (length n + 1) and the inverse powers to go with them."""
        pw, inv = self._powers(len(cps))
        prefix = np.zeros(len(cps) + 1, dtype=np.uint64)
        with np.errstate(over="ignore"):
            np.cumsum(cps.astype(np.uint64) * pw[: len(cps)], out=prefix[1:])
        return prefix, inv

    def spans(self, prefix: U64, inv: U64, starts: I64, ends: I64) -> U64:
        """The hash of every span [starts[i], ends[i]) of the text `prefix` was computed over."""
        with np.errstate(over="ignore"):
            h = (prefix[ends] - prefix[starts]) * inv[starts]
            h += (ends - starts).astype(np.uint64) * _GOLDEN
            return _mix(h)

    def strings(self, keys: list[str]) -> U64:
        """The hash of each key, as `spans` gives it for the same text inside a longer one."""
        if not keys:
            return np.zeros(0, dtype=np.uint64)
        lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=len(keys))
        ends = np.cumsum(lengths)
        prefix, inv = self.prefix(code_points("".join(keys)))
        return self.spans(prefix, inv, ends - lengths, ends)


def _mix(h: U64) -> U64:
    h ^= h >> np.uint64(33)
    h *= _MIX1
    h ^= h >> np.uint64(33)
    h *= _MIX2
    h ^= h >> np.uint64(33)
    return h


def string_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def string_hashes(keys: list[str]) -> U64:
    """`string_hash` of each key; the digests are read as one array, not turned into Python ints one by one."""
    blake2b = hashlib.blake2b
    digests = b"".join([blake2b(k.encode("utf-8", "surrogatepass"), digest_size=8).digest() for k in keys])
    return np.frombuffer(digests, dtype="<u8").astype(np.uint64)


def bucket_bits(count: int) -> int:
    """About one bucket per key: most probes touch one bucket boundary and one hash."""
    return max(1, int(count - 1).bit_length()) if count > 1 else 1


def buckets_of(sorted_hashes: U64, bits: int) -> npt.NDArray[np.uint32] | npt.NDArray[np.uint64]:
    """bucket_start[b] .. bucket_start[b + 1] is where hashes with top bits b lie in the sorted array."""
    ids = (sorted_hashes >> np.uint64(64 - bits)).view(np.int64)  # below 2**bits: the view is exact
    counts = np.bincount(ids, minlength=1 << bits)
    starts = np.zeros((1 << bits) + 1, dtype=np.int64)  # summed in the counts' own type: casting is slow
    np.cumsum(counts, out=starts[1:])
    return starts.astype(np.uint32) if len(sorted_hashes) < 1 << 32 else starts.astype(np.uint64)


@dataclass(frozen=True)
class HashTable:
    """Sorted 64-bit hashes with a bucket directory; values live beside it, `offsets` apart."""

    hashes: U64
    buckets: npt.NDArray[np.integer]
    offsets: npt.NDArray[np.integer]  # values of key i are values[offsets[i]:offsets[i + 1]]
    bits: int

    def find(self, h: int) -> int:
        """The index of hash `h`, or -1."""
        b = h >> (64 - self.bits)
        lo, hi = int(self.buckets[b]), int(self.buckets[b + 1])
        for i in range(lo, hi):
            if int(self.hashes[i]) == h:
                return i
        return -1

    def find_many(self, h: U64) -> I64:
        """The index of each hash in `h`, or -1."""
        found = np.full(len(h), -1, dtype=np.int64)
        if not len(h) or not len(self.hashes):
            return found
        b = (h >> np.uint64(64 - self.bits)).astype(np.int64)
        at = self.buckets[b].astype(np.int64)
        end = self.buckets[b + 1].astype(np.int64)
        live = np.flatnonzero(end > at)
        at, end, h = at[live], end[live], h[live]
        # Walk each bucket (sorted) while its hashes are below the one sought: one step settles most; the
        # few left after two are found by one binary search (numpy calls, not entries, are what cost here).
        for _ in range(2):
            if not len(live):
                return found
            current = self.hashes[at]
            hit = current == h
            found[live[hit]] = at[hit]
            at += 1
            more = (current < h) & (at < end)
            live, at, end, h = live[more], at[more], end[more], h[more]
        if len(live):
            at = np.minimum(np.searchsorted(self.hashes, h), len(self.hashes) - 1)
            hit = self.hashes[at] == h
            found[live[hit]] = at[hit]
        return found

    def span(self, i: int) -> tuple[int, int]:
        return int(self.offsets[i]), int(self.offsets[i + 1])
