"""Compile clients into the index format: one streaming pass, then a few sorts over flat arrays.

Clients stream in; each is turned into its row (client id, a one-line record, address parts, suppression
flags) and its keys (`dlp.registry.keys`), which go into flat arrays hashed a chunk at a time. No per-key
Python object outlives its chunk, and the garbage collector is frozen meanwhile (nothing built here is
cyclic), so the build is linear in the number of clients.

Sections written (generic: a new table or entity needs no change here):
    match.*            key hash -> postings (client row, entity code << 1 | suppressed), in first-seen order
    match.trie.N       which keys exist, as tries to find them in text with (`dlp.registry.keyset`)
    table.NAME.*       table key hash -> client rows, for every table in `keys.TABLES`
    col.NAME.*         per-row strings: client_id, record (the whole client), address (street US suburb)
    row.suppressed     per-row bits: 1 postal address, 2 phone, 4 email
"""

from __future__ import annotations

import gc
import io
import itertools
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dlp.normalize import SPELLING
from dlp.registry import format as fmt
from dlp.registry import keyset
from dlp.registry.client import SEPARATOR, Client, to_record
from dlp.registry.entities import CLIENT_LOCALITY, MIN_KEY, MIN_LOCALITY
from dlp.registry.hashing import bucket_bits, buckets_of, string_hashes
from dlp.registry.keys import TABLES, client_address, client_keys, lookup_keys

PART_ROWS = 50_000  # clients compiled at a time (in a worker, when the build runs in several)
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

    def __init__(self, hash_chunk: Callable[[list[str]], npt.NDArray[np.uint64]], keep: bool = False) -> None:
        self._hash = hash_chunk
        self.kept_chunks: list[list[str]] | None = [] if keep else None  # every chunk of keys, if asked for
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
            if self.kept_chunks is not None:
                self.kept_chunks.append(self.keys)
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


@dataclass
class Part:
    """The compiled rows `first_row`.. of a registry: built in this process or in a worker, then merged."""

    first_row: int
    ids: list[str]
    columns: dict[str, tuple[bytes, npt.NDArray[np.uint64]]]  # name -> (blob, offsets from 0)
    suppressed: bytes
    entities: list[str]  # entity of each local code in `match[2] >> 1`
    match: tuple[Any, Any, Any, Any]  # hashes, rows, extra, lengths
    trie_texts: list[str]  # the match keys, one newline-joined text per trie shard (`keyset.split`)
    tables: dict[str, tuple[Any, Any]]  # name -> hashes, rows
    deferred: list[tuple[str, int, str]]  # (table, key hash, client id listed): rows known only at the end


def compile_part(clients: Iterable[Client], first_row: int) -> Part:
    """Rows and keys of `clients`, numbered from `first_row`."""
    entities: dict[str, int] = {}
    ids: list[str] = []
    records, addresses = _Strings(), _Strings()
    suppressed = array("B")
    match = _Keys(string_hashes, keep=True)
    tables = {name: _Keys(string_hashes) for name in TABLES}
    deferred: list[tuple[str, str, str]] = []  # entries naming another client, whose row may come later
    match_keys, match_rows, match_extra = match.keys, match.rows, match.extra
    row = first_row - 1
    for row, client in enumerate(clients, first_row):
        cid = client.client_id
        ids.append(cid)
        records.append(to_record(client))
        address = client_address(client)
        addresses.append(address.street + SEPARATOR + address.suburb if address else "")
        suppressed.append(sum(SUPPRESSED_BITS.get(f, 0) for f in client.suppressed))
        for key, entity, hidden in client_keys(client, address):
            if len(key) >= MIN_KEY or (entity == CLIENT_LOCALITY and len(key) >= MIN_LOCALITY):
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
    hashes = string_hashes([key for _, key, _ in deferred]).tolist()
    return Part(
        first_row,
        ids,
        {
            name: (bytes(c.blob), np.frombuffer(c.offsets, dtype=np.uint64))
            for name, c in (("record", records), ("address", addresses))
        },
        bytes(suppressed),
        sorted(entities, key=entities.__getitem__),
        match.arrays(),
        keyset.split(itertools.chain.from_iterable(match.kept_chunks or ())),
        {name: keys.arrays()[:2] for name, keys in tables.items()},
        [(table, h, listed) for (table, _, listed), h in zip(deferred, hashes, strict=True)],
    )


def compile_clients(
    clients: Iterable[Client], source: dict[str, Any] | None = None, progress: Callable[[int], None] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and sections of the index of `clients` (streamed once, in this process)."""
    started = time.perf_counter()
    parts: list[Part] = []
    with frozen_gc():
        stream = iter(clients)
        row = 0
        while True:
            # Each client is keyed as it streams in, right after it was read (its address still in the parse
            # cache), never held in a list of a whole part first.
            part = compile_part(itertools.islice(stream, PART_ROWS), row)
            if part.ids or not parts:
                parts.append(part)
            row += len(part.ids)
            if len(part.ids) < PART_ROWS:
                break
            if progress is not None:
                progress(row)
        return merge(parts, source, started)


def merge(
    parts: list[Part],
    source: dict[str, Any] | None,
    started: float,
    map_: Callable[..., Iterable[bytes]] = map,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One index of the parts (in row order); `map_` may compile the key tries in parallel."""
    tries = keyset.compile_shards([part.trie_texts for part in parts], map_)  # first: the rest runs meanwhile
    entities: dict[str, int] = {}
    row_of: dict[str, int] = {}
    for part in parts:
        row_of.update(zip(part.ids, range(part.first_row, part.first_row + len(part.ids)), strict=True))
    sections: dict[str, Any] = {}
    counts: dict[str, Any] = {"clients": len(row_of)}
    ids = [cid for part in parts for cid in part.ids]
    client_table = (string_hashes(ids), np.arange(len(ids), dtype=np.uint32))
    sections.update(_table("table.clients", client_table))
    for name in TABLES:
        hashes = [part.tables[name][0] for part in parts]
        rows = [part.tables[name][1] for part in parts]
        late = [
            (h, row_of[listed])
            for part in parts
            for table, h, listed in part.deferred
            if table == name and listed in row_of
        ]
        hashes.append(np.array([h for h, _ in late], dtype=np.uint64))
        rows.append(np.array([r for _, r in late], dtype=np.uint32))
        sections.update(_table(f"table.{name}", (np.concatenate(hashes), np.concatenate(rows))))
        counts[name] = int(len(sections[f"table.{name}.hashes"]))
    del row_of
    extras = []
    for part in parts:
        codes = np.array([entities.setdefault(e, len(entities)) for e in part.entities] or [0], dtype=np.uint8)
        extra = part.match[2]
        extras.append((codes[extra >> 1] << 1) | (extra & 1))
    match = tuple(np.concatenate([part.match[i] for part in parts]) for i in (0, 1)) + (
        np.concatenate(extras).astype(np.uint8),
        np.concatenate([part.match[3] for part in parts]),
    )
    match_sections, max_length = _match_table(match)
    sections.update(match_sections)
    sections.update(keyset.sections(tries))
    counts["keys"] = int(len(sections["match.hashes"]))
    counts["postings"] = int(len(sections["match.rows"]))
    sections.update(_strings("col.client_id", [cid.encode("utf-8", "surrogatepass") for cid in ids]))
    for name in ("record", "address"):
        blobs = [part.columns[name][0] for part in parts]
        shifts = np.cumsum([0] + [len(b) for b in blobs[:-1]], dtype=np.uint64)
        offsets = [part.columns[name][1][1:] + shift for part, shift in zip(parts, shifts, strict=True)]
        sections[f"col.{name}.offsets"] = np.concatenate([np.zeros(1, dtype=np.uint64), *offsets])
        sections[f"col.{name}.blob"] = b"".join(blobs)
    sections["row.suppressed"] = np.frombuffer(b"".join(part.suppressed for part in parts), dtype=np.uint8)
    header = {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_seconds": round(time.perf_counter() - started, 2),
        "source": source or {"kind": "clients"},
        "counts": counts,
        "entities": sorted(entities, key=entities.__getitem__),
        "tables": list(TABLES),
        "max_key_length": max_length,
        "min_key_length": MIN_KEY,
        "spelling": SPELLING,
    }
    return header, sections


def _strings(prefix: str, values: list[bytes]) -> dict[str, Any]:
    offsets = np.zeros(len(values) + 1, dtype=np.uint64)
    np.cumsum(np.fromiter(map(len, values), dtype=np.uint64, count=len(values)), out=offsets[1:])
    return {f"{prefix}.offsets": offsets, f"{prefix}.blob": b"".join(values)}


def _table(prefix: str, keys: tuple[Any, Any]) -> dict[str, Any]:
    """Hash -> client rows; rows of one key ascending (file order), each once."""
    hashes, rows = keys
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


def _match_table(keys: tuple[Any, ...]) -> tuple[dict[str, Any], int]:
    """Postings grouped by key; within a key, one group per entity in the order first seen, rows ascending.

    Keys arrive in file order (rows ascending). One stable sort by hash keeps that order within a key; only
    the few keys several postings share are then ordered by entity, on their own: sorting every key by
    several columns cost most of a million-client build."""
    hashes, rows, extra, lengths = keys
    order = np.argsort(hashes, kind="stable")
    hashes, rows, extra = hashes[order], rows[order], extra[order]
    if len(hashes) > 1:
        shared = np.zeros(len(hashes), dtype=bool)
        same = hashes[1:] == hashes[:-1]
        shared[1:] |= same
        shared[:-1] |= same
        at = np.flatnonzero(shared)
        if len(at):
            seq, entity, h = order[at], extra[at] >> 1, hashes[at]
            by_entity = np.lexsort((seq, entity, h))
            group = np.ones(len(at), dtype=bool)
            group[1:] = (h[by_entity][1:] != h[by_entity][:-1]) | (entity[by_entity][1:] != entity[by_entity][:-1])
            starts = np.flatnonzero(group)
            # Sorted by position within each (key, entity): its first element is when the entity was first seen.
            first_seen = np.repeat(seq[by_entity][starts], np.diff(np.append(starts, len(at))))
            final = by_entity[np.lexsort((seq[by_entity], first_seen, h[by_entity]))]
            rows[at], extra[at] = rows[at][final], extra[at][final]
    entity, hidden = extra >> 1, extra & 1
    if len(hashes):
        # One posting per (key, entity, client), suppressed if any of its occurrences is: within a key and
        # entity rows ascend, so repeats are neighbours.
        new = np.ones(len(hashes), dtype=bool)
        new[1:] = (hashes[1:] != hashes[:-1]) | (entity[1:] != entity[:-1]) | (rows[1:] != rows[:-1])
        starts = np.flatnonzero(new)
        hidden = np.maximum.reduceat(hidden, starts)
        hashes, rows, entity = hashes[starts], rows[starts], entity[starts]
    sections = _directory("match", hashes)
    sections["match.rows"] = rows
    sections["match.flags"] = (entity << 1 | hidden).astype(np.uint8)
    return sections, int(lengths.max()) if len(lengths) else 0


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
    return write_compiled(path, *compile_clients(clients, source, progress))


def write_compiled(path: str | Path, header: dict[str, Any], sections: dict[str, Any]) -> dict[str, Any]:
    header["checksum"] = fmt.write_file(path, header, sections)
    return header
