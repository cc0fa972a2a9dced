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
