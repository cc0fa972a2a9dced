"""Who receives an item, in the registry's terms: a client, a representative, staff, a third party,
or unknown."""

from __future__ import annotations

from rapidfuzz import fuzz

from dlp.config import OrganisationConfig
from dlp.model import AddressBlock, Recipient, RecipientKind
from dlp.normalize import compact, name_tokens, parse_address
from dlp.registry.client import Client
from dlp.registry.index import RegistryIndex

STREET_SIMILARITY = 88  # tolerates a typo or two in a street line ("Wattel St")
SUBURB_SIMILARITY = 85
NAME_SIMILARITY = 85


def _domain_in(domain: str, domains: tuple[str, ...]) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in domains)


class RecipientResolver:
    def __init__(self, index: RegistryIndex, organisation: OrganisationConfig) -> None:
        self.index = index
        self.org = organisation

    def email(self, address: str, label: str) -> Recipient:
        address = address.strip().lower()
        domain = address.rpartition("@")[2]
        if _domain_in(domain, self.org.internal_domains):
            return Recipient(
                label, RecipientKind.INTERNAL, suppressed_staff=address in self.org.suppressed_detail_staff
            )
        clients = frozenset(self.index.by_email.get(address, ()))
        authorised = set(self.index.authorised_by_email.get(address, ()))
        for cid in clients:  # a client may be the authorised representative of another
            authorised.update(self.index.authorised_by_client.get(cid, ()))
        if clients:
            return Recipient(label, RecipientKind.CLIENT, clients=clients, authorised_for=frozenset(authorised))
        if authorised:
            return Recipient(label, RecipientKind.AUTHORISED, authorised_for=frozenset(authorised))
        if _domain_in(domain, self.org.approved_recipient_domains):
            return Recipient(label, RecipientKind.APPROVED)
        return Recipient(label, RecipientKind.UNKNOWN)

    def letter(self, block: AddressBlock | None) -> Recipient:
        """Resolve a letter's name + postal address, tolerant of abbreviations, case and small typos."""
        label = "address block"
        if block is None:
            return Recipient(label, RecipientKind.UNKNOWN, postal=True, note="no address block found")
        address = parse_address(block.address)
        if address is None:
            return Recipient(
                label,
                RecipientKind.UNKNOWN,
                postal=True,
                note="address block has no recognisable postal address",
            )
        at_address = self._clients_at(address.street, address.suburb, address.postcode)
        named = [cid for cid in at_address if self._name_matches(block.name, self.index.clients[cid])]
        hidden = frozenset(cid for cid in at_address if self.index.clients[cid].is_suppressed("postal_address"))
        if named:
            authorised: set[str] = set()
            for cid in named:
                authorised.update(self.index.authorised_by_client.get(cid, ()))
            return Recipient(
                label,
                RecipientKind.CLIENT,
                clients=frozenset(named),
                authorised_for=frozenset(authorised),
                postal=True,
                address_clients=frozenset(at_address),
                address_suppressed_for=hidden,
            )
        if at_address:
            note = "addressee's name does not match the clients registered at this address"
        else:
            elsewhere = self.index.by_name.get(compact(" ".join(name_tokens(block.name))), ())
            note = (
                "addressee is a client but this is not their registered address"
                if elsewhere
                else "addressee is not in the registry"
            )
        return Recipient(
            label,
            RecipientKind.UNKNOWN,
            postal=True,
            address_clients=frozenset(at_address),
            address_suppressed_for=hidden,
            note=note,
        )

    def _clients_at(self, street: str, suburb: str, postcode: str) -> list[str]:
        exact = self.index.by_address.get(street + suburb + postcode)
        if exact:
            return sorted(exact)
        return sorted(
            record.client_id
            for record in self.index.by_postcode.get(postcode, ())
            if fuzz.ratio(record.street, street) >= STREET_SIMILARITY
            and fuzz.ratio(record.suburb, suburb) >= SUBURB_SIMILARITY
            # the house number must agree exactly: "12 Wattle St" is not "13 Wattle St"
            and _digits(record.street) == _digits(street)
        )

    @staticmethod
    def _name_matches(written: str, client: Client) -> bool:
        tokens = name_tokens(written)
        if not tokens:
            return False
        given, family = name_tokens(client.given_name), name_tokens(client.family_name)
        full = " ".join(given + family)
        if fuzz.ratio(" ".join(tokens), full) >= NAME_SIMILARITY:
            return True
        # "A Lee", "A. LEE", "Ann M Lee": initial (or given name) plus family name
        if fuzz.ratio(tokens[-1], " ".join(family)) >= NAME_SIMILARITY and given:
            first = tokens[0]
            return (
                first == given[0]
                or (len(first) == 1 and first == given[0][0])
                or (fuzz.ratio(first, given[0]) >= NAME_SIMILARITY)
            )
        return False


def _digits(value: str) -> str:
    return "".join(ch if ch.isdigit() else " " for ch in value).split().__str__()
