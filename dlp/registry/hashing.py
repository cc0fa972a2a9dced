"""Stable 64-bit hashes and the bucketed hash tables of the compiled index.

Every key (a match key's compact text, a table's email, name or date as a string) is stored as its blake2b
digest cut to 64 bits: the same in every process and every build. Keys are looked up one at a time, a few per
text, so the table is probed in plain Python; the build hashes millions at once (`string_hashes`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]


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


class HashTable:
    """Sorted 64-bit hashes with a bucket directory; values live beside it, `offsets` apart. All three are
    sequences of ints (typed memoryviews of the index file: `IndexData.ints`)."""

    def __init__(self, hashes: Sequence[int], buckets: Sequence[int], offsets: Sequence[int]) -> None:
        self.hashes, self.buckets, self.offsets = hashes, buckets, offsets  # key i: values[offsets[i]:offsets[i+1]]
        self.shift = 64 - (len(buckets) - 1).bit_length() + 1  # the top bits pick the bucket

    def find(self, h: int) -> int:
        """The index of hash `h`, or -1."""
        b = h >> self.shift
        hashes = self.hashes
        for i in range(self.buckets[b], self.buckets[b + 1]):
            if hashes[i] == h:
                return i
        return -1

    def span(self, i: int) -> tuple[int, int]:
        return self.offsets[i], self.offsets[i + 1]
