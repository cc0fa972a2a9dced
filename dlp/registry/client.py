"""A client as the registry holds them (DESIGN §4 columns)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dlp.normalize import initials

SUPPRESSIBLE = ("postal_address", "phone", "email")


@dataclass(frozen=True, slots=True)
class Client:
    client_id: str
    given_name: str
    family_name: str
    date_of_birth: date | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    postal_address: str
    references: tuple[str, ...]
    suppressed: frozenset[str]
    joint_with: tuple[str, ...]
    authorised_contacts: tuple[str, ...]

    @property
    def initials(self) -> str:
        return initials(self.given_name, self.family_name)

    def is_suppressed(self, field: str) -> bool:
        return field in self.suppressed


# A client as one line of the compiled index: fields separated by US, multi-valued ones by ';' as in the CSV.
SEPARATOR = "\x1f"


def to_record(client: Client) -> str:
    fields = (
        client.client_id,
        client.given_name,
        client.family_name,
        client.date_of_birth.isoformat() if client.date_of_birth else "",
        ";".join(client.emails),
        ";".join(client.phones),
        client.postal_address,
        ";".join(client.references),
        ";".join(sorted(client.suppressed)),
        ";".join(client.joint_with),
        ";".join(client.authorised_contacts),
    )
    if any(SEPARATOR in f for f in fields):
        raise ValueError(f"client {client.client_id}: a field holds a control character")
    return SEPARATOR.join(fields)


def from_record(record: str) -> Client:
    cid, given, family, dob, emails, phones, address, refs, suppressed, joint, authorised = record.split(SEPARATOR)
    return Client(
        client_id=cid,
        given_name=given,
        family_name=family,
        date_of_birth=date.fromisoformat(dob) if dob else None,
        emails=_multi(emails),
        phones=_multi(phones),
        postal_address=address,
        references=_multi(refs),
        suppressed=frozenset(_multi(suppressed)),
        joint_with=_multi(joint),
        authorised_contacts=_multi(authorised),
    )


def _multi(value: str) -> tuple[str, ...]:
    return tuple(value.split(";")) if value else ()
