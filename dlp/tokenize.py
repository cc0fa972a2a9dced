"""ASCII text split into tokens (runs of letters, runs of digits), lower-cased, with their offsets.

Every text a scan reads is tokenized, and a long one (a 20 KB email, an extract) used to cost about a
millisecond in the regex split and the Python sum of its pieces' lengths. Above `LONG` characters the
boundaries are found with numpy over the text's bytes instead, and the tokens cut by `str.split` on a copy
whose separators are spaces: both in C, about a third of the time. Below it numpy's fixed cost is the larger,
and the regex split is kept. The two give the same tokens and offsets (`tests/test_tokenize.py`).
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

LONG = 500  # characters; measured crossover about 400

Offsets: TypeAlias = list[int] | npt.NDArray[np.intp]  # where tokens start, or end, in a text

_SPLIT = re.compile(r"([a-z]+|[0-9]+)")

# Per byte: 1 for a letter, 2 for a digit, 0 for anything else.
_KIND = np.zeros(256, dtype=np.int8)
_KIND[np.frombuffer(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", dtype=np.uint8)] = 1
_KIND[np.frombuffer(b"0123456789", dtype=np.uint8)] = 2
# Letters lower-cased, digits kept, every other byte a space.
_SPACED = bytes((c | 0x20 if _KIND[c] == 1 else c) if _KIND[c] else 0x20 for c in range(256))


def split(pattern: re.Pattern[str], text: str) -> tuple[list[str], list[int], list[int]]:
    """The matches of `pattern` (one capturing group) in `text`, and where each starts and ends: one split for
    the whole text, tokens and what lies between them alternating, offsets summed (no match object per token)."""
    pieces = pattern.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return pieces[1::2], offsets[1:-1:2], offsets[2::2]


def ascii_tokens(text: str) -> tuple[list[str], Offsets, Offsets]:
    """The tokens of ASCII `text`, lower-cased, and where each starts and ends in it (lists, or numpy arrays
    for a long text: index them, and read their items with int())."""
    if len(text) < LONG:
        return split(_SPLIT, text.lower())
    raw = text.encode("ascii")
    kinds = np.zeros(len(raw) + 2, dtype=np.int8)  # a separator either side: the first and last tokens end
    kinds[1:-1] = _KIND[np.frombuffer(raw, dtype=np.uint8)]
    before, after = kinds[:-1], kinds[1:]  # at offset i: the byte before it and the byte at it
    change = before != after
    opens, closes = change & (after != 0), change & (before != 0)
    spaced = raw.translate(_SPACED)
    glued = np.flatnonzero(opens & closes)  # a letter against a digit: one token ends where the next starts
    if len(glued):
        spaced = np.insert(np.frombuffer(spaced, dtype=np.uint8), glued, 0x20).tobytes()
    return spaced.decode("ascii").split(), np.flatnonzero(opens), np.flatnonzero(closes)
