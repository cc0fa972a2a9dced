"""The exact-data-match index: every client's normalised details, read from the compiled format.

`RegistryIndex.open(path)` memory-maps a file built by `dlp registry build`: loading costs a checksum pass,
and every process mapping the same file shares one copy in the page cache. `RegistryIndex(clients)` compiles
in memory (small registries, tests, a CSV given directly).

Matching: a key only ever matches on token boundaries of the text's compact canonical form (`CompactText`).
At each token start the key tries (`dlp.registry.keyset`) name the keys that begin there; those ending on a
token boundary are hashed (`dlp.registry.hashing`) and their postings read from the match table. Hits are
reported in the order an Aho-Corasick automaton would: by end, longest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from dlp.errors import IndexFileError
from dlp.normalize import SPELLING, CompactText, distinct_words
from dlp.registry import format as fmt
from dlp.registry.build import compile_to_bytes
from dlp.registry.client import SEPARATOR, Client, from_record
from dlp.registry.entities import (
    CLIENT_ADDRESS,
    CLIENT_DOB,
    CLIENT_EMAIL,
    CLIENT_LOCALITY,
    CLIENT_NAME,
    CLIENT_NAME_DOB,
    CLIENT_PHONE,
    CLIENT_PHONE_LOCAL,
    CLIENT_REFERENCE,
    CLIENT_STREET,
    FIELD_OF,
    MIN_KEY,
    REGISTRY_ENTITIES,
    STRONG_ENTITIES,
)
from dlp.registry.hashing import HashTable, string_hash, string_hashes
from dlp.registry.keyset import KeySet
from dlp.registry.loose import SuppressedAddresses

__all__ = [
    "CLIENT_ADDRESS",
    "CLIENT_DOB",
    "CLIENT_EMAIL",
    "CLIENT_LOCALITY",
    "CLIENT_NAME",
    "CLIENT_NAME_DOB",
    "CLIENT_PHONE",
    "CLIENT_PHONE_LOCAL",
    "CLIENT_REFERENCE",
    "CLIENT_STREET",
    "FIELD_OF",
    "MIN_KEY",
    "REGISTRY_ENTITIES",
    "STRONG_ENTITIES",
    "AddressRecord",
    "Match",
    "RegistryIndex",
]

Entry = tuple[str, tuple[str, ...], tuple[str, ...]]  # entity, client ids, ids for whom it is suppressed
# Keys of one text not yet remembered from which their postings are looked up together, as arrays: below it
# numpy's fixed cost (some 40 us) is more than probing each key (measured crossover about 32).
BATCH = 48
_REMEMBERED = 8192  # postings remembered per index, then forgotten all at once


class Match(NamedTuple):  # a tuple: a few are made for every text, and a tuple is the cheapest to make
    entity: str
    start: int
    end: int
    clients: tuple[str, ...]
    suppressed_for: tuple[str, ...]
    key: str


@dataclass(frozen=True, slots=True)
class AddressRecord:
    street: str
    suburb: str
    client_id: str
    suppressed: bool


class _Strings:
    """A per-row string column."""

    def __init__(self, data: fmt.IndexData, name: str) -> None:
        self.offsets = data.ints(f"col.{name}.offsets")
        self.blob = data.blob(f"col.{name}.blob")

    def __getitem__(self, row: int) -> str:
        return str(self.blob[self.offsets[row] : self.offsets[row + 1]], "utf-8", "surrogatepass")


def table_of(data: fmt.IndexData, prefix: str) -> HashTable:
    return HashTable(*(data.ints(f"{prefix}.{part}") for part in ("hashes", "buckets", "offsets")))


class _Table:
    """One named lookup table: key -> client rows."""

    def __init__(self, data: fmt.IndexData, prefix: str) -> None:
        self.keys = table_of(data, prefix)
        self.rows = data.ints(f"{prefix}.rows")

    def rows_of(self, key: str) -> Any:
        i = self.keys.find(string_hash(key))
        if i < 0:
            return ()
        lo, hi = self.keys.span(i)
        return self.rows[lo:hi]

    def __len__(self) -> int:
        return len(self.keys.hashes)


class TableView(Mapping[str, tuple[str, ...]]):
    """A lookup table as a read-only mapping to sorted client ids. Keys are stored hashed: it cannot be listed."""

    def __init__(self, table: _Table, ids: _Strings) -> None:
        self._table, self._ids = table, ids
        # The rules of one scan ask after the same few clients (their joint holders, their households).
        self._lookup = lru_cache(maxsize=4096)(self._lookup_uncached)

    def cache_clear(self) -> None:
        self._lookup.cache_clear()

    def _lookup_uncached(self, key: str) -> tuple[str, ...]:
        return tuple(sorted(self._ids[r] for r in self._table.rows_of(key)))

    def __getitem__(self, key: str) -> tuple[str, ...]:
        found = self._lookup(key) if isinstance(key, str) else ()
        if not found:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self._lookup(key))

    def get(self, key: object, default: Any = None) -> Any:  # no KeyError raised and caught, as Mapping's get
        found = self._lookup(key) if isinstance(key, str) else ()
        return found if found else default

    def __len__(self) -> int:
        return len(self._table)

    def __iter__(self) -> Iterator[str]:
        raise TypeError("registry lookup tables hold hashed keys and cannot be listed")


class DateTableView(Mapping[date, tuple[str, ...]]):
    def __init__(self, view: TableView) -> None:
        self._view = view

    def __getitem__(self, day: date) -> tuple[str, ...]:
        return self._view[day.isoformat()]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and day.isoformat() in self._view

    def get(self, day: object, default: Any = None) -> Any:
        return self._view.get(day.isoformat(), default) if isinstance(day, date) else default

    def __len__(self) -> int:
        return len(self._view)

    def __iter__(self) -> Iterator[date]:
        raise TypeError("registry lookup tables hold hashed keys and cannot be listed")


class JointView(Mapping[str, frozenset[str]]):
    def __init__(self, view: TableView) -> None:
        self._view = view

    def __getitem__(self, cid: str) -> frozenset[str]:
        return frozenset(self._view[cid])

    def __contains__(self, cid: object) -> bool:
        return cid in self._view

    def get(self, cid: object, default: Any = None) -> Any:
        found = self._view.get(cid)
        return frozenset(found) if found else default

    def __len__(self) -> int:
        return len(self._view)

    def __iter__(self) -> Iterator[str]:
        raise TypeError("registry lookup tables hold hashed keys and cannot be listed")


class PostcodeView(Mapping[str, list[AddressRecord]]):
    """Every client address at a postcode, for fuzzy matching of a letter's address block."""

    def __init__(self, table: _Table, index: RegistryIndex) -> None:
        self._table, self._index = table, index

    def __getitem__(self, postcode: str) -> list[AddressRecord]:
        rows = self._table.rows_of(postcode)
        if not len(rows):
            raise KeyError(postcode)
        return [self._index._address_record(r) for r in rows]

    def __contains__(self, postcode: object) -> bool:
        return isinstance(postcode, str) and len(self._table.rows_of(postcode)) > 0

    def __len__(self) -> int:
        return len(self._table)

    def __iter__(self) -> Iterator[str]:
        raise TypeError("registry lookup tables hold hashed keys and cannot be listed")


class ClientsView(Mapping[str, Client]):
    """Clients by id, decoded from their row on access."""

    def __init__(self, table: _Table, ids: _Strings, records: _Strings, count: int) -> None:
        self._table, self._ids, self._records, self._count = table, ids, records, count
        self._client = lru_cache(maxsize=4096)(self._decode)  # several rules of a scan read the same clients

    def row(self, cid: str) -> int:
        for r in self._table.rows_of(cid):
            if self._ids[r] == cid:  # a hash collision never returns someone else
                return r
        return -1

    def cache_clear(self) -> None:
        self._client.cache_clear()

    def _decode(self, cid: str) -> Client | None:
        row = self.row(cid)
        return from_record(self._records[row]) if row >= 0 else None

    def __getitem__(self, cid: str) -> Client:
        client = self._client(cid) if isinstance(cid, str) else None
        if client is None:
            raise KeyError(cid)
        return client

    def __contains__(self, cid: object) -> bool:
        return isinstance(cid, str) and self._client(cid) is not None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return (self._ids[r] for r in range(self._count))


def check_spelling(data: fmt.IndexData) -> None:
    """Refuse an index built when words became keys otherwise: its keys would silently miss what text says."""
    if data.header.get("spelling") != SPELLING:
        raise IndexFileError(
            f"{data.source}: built by a dlp that turns words into keys differently (another version); "
            "rebuild it with `dlp registry build`"
        )


class RegistryIndex:
    """Clients by id, the key table, and the lookup tables recipient resolution needs."""

    def __init__(self, clients: Iterable[Client] = ()) -> None:
        self._attach(fmt.parse(compile_to_bytes(clients, {"kind": "memory"}), "registry in memory"))

    @classmethod
    def open(cls, path: str | Path, verify: bool = True) -> RegistryIndex:
        """Map a compiled index file; its checksum is checked first unless `verify` is false."""
        index = cls.__new__(cls)
        index._attach(fmt.open_file(path, verify))
        return index

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "registry in memory") -> RegistryIndex:
        index = cls.__new__(cls)
        index._attach(fmt.parse(data, source))
        return index

    def _attach(self, data: fmt.IndexData) -> None:
        self.data = data
        check_spelling(data)
        header = data.header
        self.header = header
        self.checksum = data.checksum
        self._count = int(header["counts"]["clients"])
        self._ids = _Strings(data, "client_id")
        self._records = _Strings(data, "record")
        self._addresses = _Strings(data, "address")
        self._suppressed = data.ints("row.suppressed")
        self.clients = ClientsView(_Table(data, "table.clients"), self._ids, self._records, self._count)
        tables = {name: TableView(_Table(data, f"table.{name}"), self._ids) for name in header["tables"]}
        self.tables = tables
        self.by_email = tables["by_email"]
        self.authorised_by_email = tables["authorised_by_email"]
        self.authorised_by_client = tables["authorised_by_client"]
        self.by_name = tables["by_name"]
        self.by_family = tables["by_family"]
        self.by_address = tables["by_address"]
        self.by_dob = DateTableView(tables["by_dob"])
        self.joint = JointView(tables["joint"])
        self.by_postcode = PostcodeView(_Table(data, "table.by_postcode"), self)
        self._keys = table_of(data, "match")
        self._post_rows = data.ints("match.rows")
        self._post_flags = data.ints("match.flags")
        # The same sections as arrays, for a text's keys looked up at once (`_postings_batch`).
        self._hash_array, self._offset_array = data.array("match.hashes"), data.array("match.offsets")
        self._row_array, self._flag_array = data.array("match.rows"), data.array("match.flags")
        self._keyset = KeySet(data.array, int(header["max_key_length"]), data.source)
        self._entities = tuple(header["entities"])
        # By key text: a client's name or address is often written twice in one message, and the organisation's
        # own details (a template's) in every one. Forgotten all at once when full.
        self._remembered: dict[str, tuple[Entry, ...]] = {}
        self._loose: SuppressedAddresses | None = None

    @property
    def suppressed_addresses(self) -> SuppressedAddresses:
        """Suppressed postal addresses for the loose matcher, built on first use from the rows that have one."""
        if self._loose is None:
            rows = np.flatnonzero(self.data.array("row.suppressed") & 1)
            self._loose = SuppressedAddresses(
                (self._ids[int(r)], from_record(self._records[int(r)]).postal_address) for r in rows
            )
        return self._loose

    def __len__(self) -> int:
        return self._count

    @property
    def source(self) -> str:
        return self.data.source

    def close(self) -> None:
        """Drop this index's caches (the mapping itself closes once nothing refers to it)."""
        self._remembered = {}
        self._keyset.forget()
        self.clients.cache_clear()
        for table in self.tables.values():
            table.cache_clear()

    # -- matching ----------------------------------------------------------------------------------------

    def find(self, text: str) -> Iterator[Match]:
        """Every registry value written in `text`, on token boundaries, with its original span; suppressed
        addresses written loosely too."""
        loose: dict[tuple[int, int], tuple[set[str], str]] = {}
        for m in self.suppressed_addresses.find(text):
            loose.setdefault((m.start, m.end), (set(), m.key))[0].add(m.client_id)
        if not loose:
            yield from self._exact(text)
            return
        # One match per address span, every client it is: Presidio's duplicate removal keeps one of several results
        # equal in entity and span, and the others' clients would be lost (two suppressed residents' building; a
        # resident registered at the bare building address beside them: review K-1).
        for match in self._exact(text):
            same = loose.pop((match.start, match.end), None) if match.entity == CLIENT_ADDRESS else None
            if same is not None:
                hers = same[0]
                clients, suppressed = (
                    tuple(sorted(hers.union(match.clients))),
                    tuple(sorted(hers.union(match.suppressed_for))),
                )
                match = Match(match.entity, match.start, match.end, clients, suppressed, match.key)
            yield match
        for (start, end), (ids, key) in loose.items():
            both = tuple(sorted(ids))
            yield Match(CLIENT_ADDRESS, start, end, both, both, key)

    def _exact(self, text: str) -> Iterator[Match]:
        if not len(self._keys.hashes) or not text:
            return
        canon = CompactText.of(text)
        if len(canon.text) < MIN_KEY:
            return
        spans = canon.spans
        found = self._keyset.find(canon.tokens, canon.text, distinct_words(text))
        if not found:
            return
        postings = self._postings_of({key: None for _, _, key in found})
        starts, ends, new = spans.starts, spans.ends, tuple.__new__  # Match(...) is a Python call per match
        for last, first, key in found:
            for entity, ids, sup in postings[key]:
                yield new(Match, (entity, starts[first], ends[last], ids, sup, key))

    def _postings_of(self, keys: dict[str, None]) -> dict[str, tuple[Entry, ...]]:
        """The postings of each of `keys`: remembered ones as they are, the others looked up (together, as arrays,
        when there are many: a client list's or an extract's) and remembered."""
        remembered = self._remembered
        out = {key: remembered[key] for key in keys if key in remembered}
        missing = [key for key in keys if key not in out]
        if not missing:
            return out
        fresh = (
            self._postings_batch(missing)
            if len(missing) >= BATCH
            else {key: self._postings_uncached(key) for key in missing}
        )
        if len(remembered) + len(fresh) > _REMEMBERED:
            remembered = self._remembered = {}  # replaced, not cleared: a thread mid-text keeps its own
        remembered.update(fresh)
        out.update(fresh)
        return out

    def _postings_uncached(self, key: str) -> tuple[Entry, ...]:
        """Who `key` belongs to, by entity (none if the key is not in the table)."""
        at = self._keys.find(string_hash(key))
        if at < 0:
            return ()
        lo, hi = self._keys.span(at)
        if hi - lo == 1:  # most keys: one client's
            flag, cid = self._post_flags[lo], self._ids[self._post_rows[lo]]
            return ((self._entities[flag >> 1], (cid,), (cid,) if flag & 1 else ()),)
        return self._entries(self._post_rows[lo:hi].tolist(), self._post_flags[lo:hi].tolist())

    def _postings_batch(self, keys: list[str]) -> dict[str, tuple[Entry, ...]]:
        """`_postings_uncached` of each of `keys` (distinct), looked up together: a client list's or extract's
        hundreds of keys are hashed, found and read as arrays, not probed one by one (a third of the time)."""
        hashes = string_hashes(keys)
        table = self._hash_array
        at = np.minimum(np.searchsorted(table, hashes), len(table) - 1)
        known = table[at] == hashes
        lo = self._offset_array[at[known]].astype(np.int64)
        counts = self._offset_array[at[known] + 1].astype(np.int64) - lo
        # Every posting of the keys found, key after key: the k-th key's run from lo[k], counts[k] long.
        which = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        rows, flags = self._row_array[which].tolist(), self._flag_array[which].tolist()
        ids, entities = self._ids, self._entities
        out: dict[str, tuple[Entry, ...]] = dict.fromkeys(keys, ())
        i = 0
        for key, count in zip(compress(keys, known.tolist()), counts.tolist(), strict=True):
            if count == 1:  # most keys: one client's
                flag, cid = flags[i], ids[rows[i]]
                out[key] = ((entities[flag >> 1], (cid,), (cid,) if flag & 1 else ()),)
            else:
                out[key] = self._entries(rows[i : i + count], flags[i : i + count])
            i += count
        return out

    def _entries(self, rows: list[int], flags: list[int]) -> tuple[Entry, ...]:
        """One key's postings (rows and flags, grouped by entity) as entries."""
        out: list[Entry] = []
        i = 0
        while i < len(rows):
            code = flags[i] >> 1
            j = i
            while j < len(rows) and flags[j] >> 1 == code:
                j += 1
            ids = tuple(self._ids[r] for r in rows[i:j])
            sup = tuple(cid for cid, f in zip(ids, flags[i:j], strict=True) if f & 1)
            out.append((self._entities[code], ids, sup))
            i = j
        return tuple(out)

    # -- lookups -----------------------------------------------------------------------------------------

    def clients_born(self, day: date) -> frozenset[str]:
        return frozenset(self.by_dob.get(day, ()))

    def related(self, a: str, b: str) -> bool:
        """Same client, or joint account holders."""
        return a == b or b in self.joint.get(a, frozenset())

    def _address_record(self, row: int) -> AddressRecord:
        street, _, suburb = self._addresses[row].partition(SEPARATOR)
        return AddressRecord(street, suburb, self._ids[row], bool(self._suppressed[row] & 1))
