"""Every key the registry index holds for a client, generated in this one place.

Two kinds of key:
- *match keys* `(compact key, entity, suppressed)`: a client's details as compact canonical text
  (`dlp.normalize`), found in an item wherever they start and end on token boundaries;
- *lookup keys* `(table, key, client id)`: the named tables recipient resolution reads, e.g.
  `("by_email", "a@mail.example", "C1")` lists C1 under that address.

The compiled format is generic over both (`dlp.registry.build`): a new kind of key, a new entity or a new
table is a change here, not to the file format.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from dlp.normalize import Address, compact, local_phone_key, name_tokens, parse_address, phone_keys
from dlp.registry.client import Client
from dlp.registry.entities import (
    CLIENT_ADDRESS,
    CLIENT_EMAIL,
    CLIENT_LOCALITY,
    CLIENT_NAME,
    CLIENT_PHONE,
    CLIENT_PHONE_LOCAL,
    CLIENT_REFERENCE,
    CLIENT_STREET,
)
from dlp.registry.loose import loose_address

# The lookup tables RegistryIndex exposes by these names; each maps a key to client ids.
TABLES = (
    "by_email",
    "authorised_by_email",
    "authorised_by_client",
    "by_name",
    "by_family",
    "by_dob",
    "by_address",
    "by_postcode",
    "joint",
)


# The loader parses an address to validate it and the builder right after to key it: parse it once.
parsed_address = lru_cache(maxsize=64)(parse_address)


def client_address(client: Client) -> Address | None:
    """A client's postal address, parsed once for both kinds of key."""
    return parsed_address(client.postal_address) if client.postal_address else None


def client_keys(client: Client, address: Address | None = None) -> Iterator[tuple[str, str, bool]]:
    """(compact key, entity, suppressed) for every detail of `client` worth finding in text.

    Keys shorter than `MIN_KEY` are dropped by the builder, not here."""
    for ref in client.references:
        yield compact(ref), CLIENT_REFERENCE, False
    for email in client.emails:
        yield compact(email), CLIENT_EMAIL, client.is_suppressed("email")
    for phone in client.phones:
        hidden = client.is_suppressed("phone")
        for key in sorted(phone_keys(phone)):
            yield key, CLIENT_PHONE, hidden
        local = local_phone_key(phone)
        if local and hidden:
            yield local, CLIENT_PHONE_LOCAL, True
    given, family = name_tokens(client.given_name), name_tokens(client.family_name)
    if given and family:
        yield "".join(given + family), CLIENT_NAME, False
        yield "".join(family + given), CLIENT_NAME, False
    if address is not None:
        hidden = client.is_suppressed("postal_address")
        for key in address.keys():
            yield key, CLIENT_ADDRESS, hidden
        if hidden and address.suburb:
            yield address.suburb, CLIENT_LOCALITY, True  # counted only beside her identity (the suppressed rule)
        # A bare street line ("12 Wattle St") is only worth matching when it carries a number. Whether a
        # suppressed one is that address or the same street elsewhere, the loose matcher decides.
        if not address.street.isalpha():  # compact text is letters and digits: so it carries a number
            loose = hidden and loose_address(client.client_id, client.postal_address) is not None
            yield address.street, CLIENT_STREET, hidden and not loose


def lookup_keys(client: Client, address: Address | None = None) -> Iterator[tuple[str, str, str]]:
    """(table, key, client id) for every table entry `client`'s row makes."""
    cid = client.client_id
    for email in client.emails:
        yield "by_email", email.lower(), cid
    for contact in client.authorised_contacts:
        if "@" in contact:
            yield "authorised_by_email", contact.lower(), cid
        else:
            yield "authorised_by_client", contact, cid
    given, family = name_tokens(client.given_name), name_tokens(client.family_name)
    if family:
        yield "by_family", "".join(family), cid
    if given and family:
        yield "by_name", "".join(given + family), cid
    if client.date_of_birth:
        yield "by_dob", client.date_of_birth.isoformat(), cid
    if address is not None:
        yield "by_address", address.street + address.suburb + address.postcode, cid
        yield "by_postcode", address.postcode, cid
    for other in client.joint_with:  # joint holding is mutual, whichever row names it
        yield "joint", cid, other
        yield "joint", other, cid
