"""Compile clients into the index format: one streaming pass, then a few sorts over flat arrays.

Clients stream in; each is turned into its row (client id, a one-line record, address parts, suppression
flags) and its keys (`dlp.registry.keys`), which go into flat arrays hashed a chunk at a time. No per-key
Python object outlives its chunk, and the garbage collector is frozen meanwhile (nothing built here is
cyclic), so the build is linear in the number of clients.

Sections written (generic: a new table or entity needs no change here):
    match.*            key hash -> postings (client row, entity code << 1 | suppressed), in first-seen order
    table.NAME.*       table key hash -> client rows, for every table in `keys.TABLES`
    col.NAME.*         per-row strings: client_id, record (the whole client), address (street US suburb)
    row.suppressed     per-row bits: 1 postal address, 2 phone, 4 email
"""

from __future__ import annotations

import gc
import io
import secrets
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dlp.registry import format as fmt
from dlp.registry.client import SEPARATOR, Client, to_record
from dlp.registry.entities import MIN_KEY
from dlp.registry.hashing import SpanHasher, bucket_bits, buckets_of, string_hashes
from dlp.registry.keys import TABLES, client_address, client_keys, lookup_keys

CHUNK = 50_000  # keys hashed at a time (their text stays within the hasher's cached powers)
SUPPRESSED_BITS = {"postal_address": 1, "phone": 2, "email": 4}


class _Strings:
    """A column of strings as one UTF-8 blob and its offsets."""

    def __init__(self) -> None:
        self.blob = bytearray()
        self.offsets = array("Q", [0])

    def append(self, value: str) -> None:
        self.blob += value.encode("utf-8", "surrogatepass")
        self.offsets.append(len(self.blob))


class _Keys:
    """Keys with their client rows, hashed a chunk at a time into flat arrays. The build loop appends to
    `keys`, `rows` and `extra` directly (a method call per key costs more than the rest of the work)."""

    def __init__(self, hash_chunk: Callable[[list[str]], npt.NDArray[np.uint64]]) -> None:
        self._hash = hash_chunk
        self.keys: list[str] = []
        self.rows: list[int] = []
        self.extra: list[int] = []  # what else the caller keeps per key (entity code and suppressed bit)
        self._hashes: list[npt.NDArray[np.uint64]] = []
        self._rows: list[npt.NDArray[np.uint32]] = []
        self._extra: list[npt.NDArray[np.uint8]] = []
        self._lengths: list[npt.NDArray[np.uint16]] = []

    def add(self, key: str, row: int, extra: int = 0) -> None:
        self.keys.append(key)
        self.rows.append(row)
        self.extra.append(extra)

    def flush(self, at_least: int = 0) -> None:
        if len(self.keys) > at_least:
            self._hashes.append(self._hash(self.keys))
            self._lengths.append(np.fromiter(map(len, self.keys), dtype=np.int64).clip(0, 65535).astype(np.uint16))
            self._rows.append(np.array(self.rows, dtype=np.uint32))
            self._extra.append(np.array(self.extra, dtype=np.uint8))
            self.keys, self.rows, self.extra = [], [], []

    def arrays(
        self,
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint32], npt.NDArray[np.uint8], npt.NDArray[np.uint16]]:
        """hashes, rows, extra and key lengths of every key added."""
        self.flush()

        def cat(parts: list[Any], dtype: Any) -> Any:
            return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)

        return (
            cat(self._hashes, np.uint64),
            cat(self._rows, np.uint32),
            cat(self._extra, np.uint8),
            cat(self._lengths, np.uint16),
        )


@contextmanager
def frozen_gc() -> Iterator[None]:
    """Nothing the build allocates is cyclic: collecting while millions of objects are alive only costs time."""
    enabled = gc.isenabled()
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def compile_clients(
    clients: Iterable[Client], source: dict[str, Any] | None = None, progress: Callable[[int], None] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and sections of the index of `clients` (streamed once)."""
    started = time.perf_counter()
    hasher = SpanHasher(secrets.randbits(63) * 2 + 1)
    entities: dict[str, int] = {}
    ids, records, addresses = _Strings(), _Strings(), _Strings()
    suppressed = array("B")
    row_of: dict[str, int] = {}
    match = _Keys(hasher.strings)
    tables = {name: _Keys(string_hashes) for name in TABLES}
    deferred: list[tuple[str, str, str]] = []  # entries naming another client, whose row may come later
    match_keys, match_rows, match_extra = match.keys, match.rows, match.extra
    with frozen_gc():
        for row, client in enumerate(clients):
            cid = client.client_id
            row_of[cid] = row
            ids.append(cid)
            records.append(to_record(client))
            address = client_address(client)
            addresses.append(address.street + SEPARATOR + address.suburb if address else "")
            suppressed.append(sum(SUPPRESSED_BITS.get(f, 0) for f in client.suppressed))
            for key, entity, hidden in client_keys(client, address):
                if len(key) >= MIN_KEY:
                    code = entities.get(entity)
                    if code is None:
                        code = entities[entity] = len(entities)
                    match_keys.append(key)
                    match_rows.append(row)
                    match_extra.append(code << 1 | hidden)
            for table, key, listed in lookup_keys(client, address):
                if listed == cid:
                    tables[table].add(key, row)
                else:
                    deferred.append((table, key, listed))
            if row % 10_000 == 9_999:
                match.flush(CHUNK)
                match_keys, match_rows, match_extra = match.keys, match.rows, match.extra
                for keys in tables.values():
                    keys.flush(CHUNK)
                if progress is not None:
                    progress(row + 1)
        for table, key, listed in deferred:
            if listed in row_of:
                tables[table].add(key, row_of[listed])
        sections: dict[str, Any] = {}
        counts: dict[str, Any] = {"clients": len(row_of)}
        client_table = _Keys(string_hashes)
        for cid, row in row_of.items():
            client_table.add(cid, row)
        del row_of
        sections.update(_table("table.clients", client_table))
        for name, keys in tables.items():
            sections.update(_table(f"table.{name}", keys))
            counts[name] = int(len(sections[f"table.{name}.hashes"]))
        match_sections, max_length = _match_table(match)
        sections.update(match_sections)
        counts["keys"] = int(len(sections["match.hashes"]))
        counts["postings"] = int(len(sections["match.rows"]))
        for name, column in (("client_id", ids), ("record", records), ("address", addresses)):
            sections[f"col.{name}.offsets"] = np.frombuffer(column.offsets, dtype=np.uint64)
            sections[f"col.{name}.blob"] = bytes(column.blob)
        sections["row.suppressed"] = np.frombuffer(suppressed, dtype=np.uint8)
    header = {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_seconds": round(time.perf_counter() - started, 2),
        "source": source or {"kind": "clients"},
        "counts": counts,
        "entities": sorted(entities, key=entities.__getitem__),
        "tables": list(TABLES),
        "hash_base": hasher.base,
        "max_key_length": max_length,
        "min_key_length": MIN_KEY,
    }
    return header, sections


def _table(prefix: str, keys: _Keys) -> dict[str, Any]:
    """Hash -> client rows; rows of one key ascending (file order), each once."""
    hashes, rows, _, _ = keys.arrays()
    order = np.lexsort((rows, hashes))
    hashes, rows = hashes[order], rows[order]
    if len(hashes):
        keep = np.ones(len(hashes), dtype=bool)
        keep[1:] = (hashes[1:] != hashes[:-1]) | (rows[1:] != rows[:-1])
        hashes, rows = hashes[keep], rows[keep]
    return _directory(prefix, hashes) | {f"{prefix}.rows": rows}


def _directory(prefix: str, sorted_hashes: npt.NDArray[np.uint64]) -> dict[str, Any]:
    """Unique hashes, where each one's values start, and the bucket directory."""
    if len(sorted_hashes):
        first = np.ones(len(sorted_hashes), dtype=bool)
        first[1:] = sorted_hashes[1:] != sorted_hashes[:-1]
        starts = np.flatnonzero(first)
    else:
        starts = np.zeros(0, dtype=np.int64)
    unique = sorted_hashes[starts]
    offsets = np.append(starts, len(sorted_hashes)).astype(np.uint32 if len(sorted_hashes) < 1 << 32 else np.uint64)
    bits = bucket_bits(len(unique))
    return {
        f"{prefix}.hashes": unique,
        f"{prefix}.offsets": offsets,
        f"{prefix}.buckets": buckets_of(unique, bits),
    }


def _match_table(keys: _Keys) -> tuple[dict[str, Any], int]:
    """Postings grouped by key; within a key, one group per entity in the order first seen, rows ascending."""
    hashes, rows, extra, lengths = keys.arrays()
    entity = extra >> 1
    hidden = extra & 1
    seq = np.arange(len(hashes), dtype=np.int64)
    order = np.lexsort((seq, rows, entity, hashes))
    hashes, rows, entity, hidden, seq = hashes[order], rows[order], entity[order], hidden[order], seq[order]
    if len(hashes):
        # One posting per (key, entity, client): suppressed if any of its occurrences is.
        new = np.ones(len(hashes), dtype=bool)
        new[1:] = (hashes[1:] != hashes[:-1]) | (entity[1:] != entity[:-1]) | (rows[1:] != rows[:-1])
        starts = np.flatnonzero(new)
        hidden = np.maximum.reduceat(hidden, starts)
        hashes, rows, entity, seq = hashes[starts], rows[starts], entity[starts], seq[starts]
        # Order the entity groups of one key by when each was first seen, as the scanner reports them.
        group = np.ones(len(hashes), dtype=bool)
        group[1:] = (hashes[1:] != hashes[:-1]) | (entity[1:] != entity[:-1])
        group_starts = np.flatnonzero(group)
        first_seen = np.repeat(np.minimum.reduceat(seq, group_starts), np.diff(np.append(group_starts, len(seq))))
        order = np.lexsort((rows, first_seen, hashes))
        hashes, rows, entity, hidden = hashes[order], rows[order], entity[order], hidden[order]
    sections = _directory("match", hashes)
    sections["match.rows"] = rows
    sections["match.flags"] = (entity << 1 | hidden).astype(np.uint8)
    max_length = int(lengths.max()) if len(lengths) else 0
    present = np.zeros(max_length + 1, dtype=np.uint8)
    present[lengths] = 1
    sections["match.lengths"] = present  # which key lengths exist: spans of other lengths are not hashed
    return sections, max_length


def compile_to_bytes(clients: Iterable[Client], source: dict[str, Any] | None = None) -> bytes:
    header, sections = compile_clients(clients, source)
    stream = io.BytesIO()
    fmt.write(stream, header, sections)
    return stream.getvalue()


def build_file(
    clients: Iterable[Client],
    path: str | Path,
    source: dict[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Compile `clients` into the index file `path` (atomically); returns its header."""
    header, sections = compile_clients(clients, source, progress)
    header["checksum"] = fmt.write_file(path, header, sections)
    return header
