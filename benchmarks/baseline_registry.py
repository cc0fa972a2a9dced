"""BASELINE for benchmarks/bench_registry.py only: the registry index as it was before the compiled format
(issue 12), every client's details in one in-memory Aho-Corasick automaton and Python dicts.

Matching costs one pass over a text's compact canonical form, whatever the number of clients. Values are
ints into `entries`, so the automaton itself holds no Python objects per key.

Suppressed addresses are also matched loosely (`dlp.registry.loose`), as by the compiled index: that matcher
came with the accuracy work, not with the index format, and any index runs it, so the baseline does the same
work and the benchmark compares the index formats alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from sys import intern
from typing import NamedTuple, TypeVar

import ahocorasick

from dlp.normalize import CompactText, compact, name_tokens, parse_address, phone_keys
from dlp.registry.client import Client
from dlp.registry.loose import SuppressedAddresses

CLIENT_REFERENCE = "CLIENT_REFERENCE"
CLIENT_EMAIL = "CLIENT_EMAIL"
CLIENT_PHONE = "CLIENT_PHONE"
CLIENT_ADDRESS = "CLIENT_ADDRESS"
CLIENT_STREET = "CLIENT_STREET"
CLIENT_NAME = "CLIENT_NAME"
CLIENT_DOB = "CLIENT_DOB"
REGISTRY_ENTITIES = (CLIENT_REFERENCE, CLIENT_EMAIL, CLIENT_PHONE, CLIENT_ADDRESS, CLIENT_STREET, CLIENT_NAME)
# Entities that say whose data an item carries; a name alone never does (two clients can share one).
STRONG_ENTITIES = frozenset({CLIENT_REFERENCE, CLIENT_EMAIL, CLIENT_PHONE, CLIENT_ADDRESS})
# Which suppressible field each entity comes from.
FIELD_OF = {
    CLIENT_EMAIL: "email",
    CLIENT_PHONE: "phone",
    CLIENT_ADDRESS: "postal_address",
    CLIENT_STREET: "postal_address",
}
MIN_KEY = 5  # shorter compact keys ("alee", "1234") match too much text by chance

K = TypeVar("K")
Entry = tuple[str, tuple[str, ...], tuple[str, ...]]  # entity, client ids, ids for whom it is suppressed


class Match(NamedTuple):  # unpacked as a tuple by the registry recogniser, as the compiled index's is
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


class RegistryIndex:
    """Clients by id, the automaton, and the tables recipient resolution needs."""

    source = "baseline (in-memory Aho-Corasick)"
    checksum = "baseline"

    def __init__(self, clients: Iterable[Client]) -> None:
        self.clients: dict[str, Client] = {}
        by_email: dict[str, set[str]] = defaultdict(set)
        authorised_by_email: dict[str, set[str]] = defaultdict(set)
        authorised_by_client: dict[str, set[str]] = defaultdict(set)
        by_name: dict[str, set[str]] = defaultdict(set)
        by_dob: dict[date, set[str]] = defaultdict(set)
        by_address: dict[str, set[str]] = defaultdict(set)
        self.by_postcode: dict[str, list[AddressRecord]] = defaultdict(list)
        keys: dict[str, dict[str, tuple[list[str], list[str]]]] = defaultdict(dict)

        def add(key: str, entity: str, client: Client, suppressed: bool) -> None:
            if len(key) < MIN_KEY:
                return
            ids, sup = keys[key].setdefault(intern(entity), ([], []))
            if client.client_id not in ids:
                ids.append(client.client_id)
            if suppressed and client.client_id not in sup:
                sup.append(client.client_id)

        joint: dict[str, set[str]] = defaultdict(set)
        suppressed: list[tuple[str, str]] = []
        for client in clients:
            if client.postal_address and client.is_suppressed("postal_address"):
                suppressed.append((client.client_id, client.postal_address))
            cid = client.client_id
            self.clients[cid] = client
            for other in client.joint_with:
                joint[cid].add(other)
                joint[other].add(cid)
            for ref in client.references:
                add(compact(ref), CLIENT_REFERENCE, client, False)
            for email in client.emails:
                by_email[email.lower()].add(cid)
                add(compact(email), CLIENT_EMAIL, client, client.is_suppressed("email"))
            for phone in client.phones:
                for key in phone_keys(phone):
                    add(key, CLIENT_PHONE, client, client.is_suppressed("phone"))
            for contact in client.authorised_contacts:
                if "@" in contact:
                    authorised_by_email[contact.lower()].add(cid)
                else:
                    authorised_by_client[contact].add(cid)
            given, family = name_tokens(client.given_name), name_tokens(client.family_name)
            if given and family:
                by_name["".join(given + family)].add(cid)
                add("".join(given + family), CLIENT_NAME, client, False)
                add("".join(family + given), CLIENT_NAME, client, False)
            if client.date_of_birth:
                by_dob[client.date_of_birth].add(cid)
            address = parse_address(client.postal_address) if client.postal_address else None
            if address:
                hidden = client.is_suppressed("postal_address")
                for key in address.keys():
                    add(key, CLIENT_ADDRESS, client, hidden)
                by_address[address.street + address.suburb + address.postcode].add(cid)
                self.by_postcode[address.postcode].append(AddressRecord(address.street, address.suburb, cid, hidden))
                # A bare street line ("12 Wattle St") is only worth matching when it carries a number.
                if any(ch.isdigit() for ch in address.street):
                    add(address.street, CLIENT_STREET, client, hidden)
        self.joint = {cid: frozenset(others) for cid, others in joint.items()}
        self.suppressed_addresses = SuppressedAddresses(suppressed)
        # Built as sets, kept as tuples: a one-element tuple costs a quarter of a set, a million times over.
        self.by_email = _freeze(by_email)
        self.authorised_by_email = _freeze(authorised_by_email)
        self.authorised_by_client = _freeze(authorised_by_client)
        self.by_name = _freeze(by_name)
        self.by_dob = _freeze(by_dob)
        self.by_address = _freeze(by_address)

        # The automaton stores an int per key: an index into `groups`, each (key length, entries).
        self.groups: list[tuple[int, tuple[Entry, ...]]] = []
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, by_entity in keys.items():
            entries = tuple((entity, tuple(ids), tuple(sup)) for entity, (ids, sup) in by_entity.items())
            self._automaton.add_word(key, len(self.groups))
            self.groups.append((len(key), entries))
        keys.clear()
        if self.groups:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.clients)

    def find(self, text: str) -> Iterator[Match]:
        """Every registry value written in `text`, on token boundaries, with its original span; suppressed
        addresses written loosely too."""
        yield from self._exact(text)
        for loose in self.suppressed_addresses.find(text):
            ids = (loose.client_id,)
            yield Match(CLIENT_ADDRESS, loose.start, loose.end, ids, ids, loose.key)

    def _exact(self, text: str) -> Iterator[Match]:
        if not self.groups:
            return
        canon = CompactText.of(text)
        for end, value in self._automaton.iter(canon.text):
            length, entries = self.groups[value]
            span = canon.span(end, length)
            if span is None:
                continue
            key = canon.text[end - length + 1 : end + 1]
            for entity, ids, sup in entries:
                yield Match(entity, span[0], span[1], ids, sup, key)

    def clients_born(self, day: date) -> frozenset[str]:
        return frozenset(self.by_dob.get(day, ()))

    def related(self, a: str, b: str) -> bool:
        """Same client, or joint account holders."""
        return a == b or b in self.joint.get(a, frozenset())


def _freeze(table: Mapping[K, set[str]]) -> dict[K, tuple[str, ...]]:
    return {key: tuple(sorted(ids)) for key, ids in table.items()}
