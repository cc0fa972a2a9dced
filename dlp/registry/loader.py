"""Load and validate the client registry CSV; every error names its line and column."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from dlp.errors import RegistryError
from dlp.normalize import parse_address, parse_date
from dlp.registry.client import SUPPRESSIBLE, Client

COLUMNS = (
    "client_id",
    "given_name",
    "family_name",
    "date_of_birth",
    "email",
    "phone",
    "postal_address",
    "references",
    "suppressed",
    "joint_with",
    "authorised_contacts",
)
REQUIRED = ("client_id", "given_name", "family_name")
CLIENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$")
EMAIL = re.compile(r"^[^@\s;]+@[^@\s;]+\.[^@\s;]+$")


def _multi(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def load_clients(path: str | Path) -> list[Client]:
    """Read and validate a registry CSV file."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return list(parse_clients(handle))
    except FileNotFoundError:
        raise RegistryError(f"registry file not found: {path}") from None
    except IsADirectoryError:
        raise RegistryError(f"registry path is a folder, not a CSV file: {path}") from None
    except PermissionError:
        raise RegistryError(f"registry file is not readable (permission denied): {path}") from None
    except UnicodeDecodeError:
        raise RegistryError(f"registry file is not UTF-8 text: {path}") from None
    except csv.Error as exc:
        raise RegistryError(f"registry file {path} is not valid CSV: {exc}") from None


def parse_clients(lines: Iterable[str]) -> Iterator[Client]:
    """Validate rows as they stream; cross-row checks (duplicates, joint_with) run at the end."""
    reader = csv.DictReader(lines)
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RegistryError(f"header lacks required column(s) {', '.join(missing)}", line=1)
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise RegistryError(
            f"unknown column(s) {', '.join(map(repr, unknown))}; expected some of {', '.join(COLUMNS)}",
            line=1,
        )
    seen: dict[str, int] = {}
    clients: list[tuple[int, Client]] = []
    for row in reader:
        line = reader.line_num
        if None in row:
            raise RegistryError("row has more fields than the header", line=line)
        client = _parse_row(row, line)
        if client.client_id in seen:
            raise RegistryError(
                f"duplicate client_id (first on line {seen[client.client_id]})", line=line, column="client_id"
            )
        seen[client.client_id] = line
        clients.append((line, client))
    for line, client in clients:
        for other in client.joint_with:
            if other not in seen:
                raise RegistryError(f"joint_with names unknown client {other}", line=line, column="joint_with")
            if other == client.client_id:
                raise RegistryError("joint_with names the client itself", line=line, column="joint_with")
    yield from (client for _, client in clients)


def _parse_row(row: dict[str, str | None], line: int) -> Client:
    def get(column: str) -> str:
        return (row.get(column) or "").strip()

    client_id = get("client_id")
    if not client_id:
        raise RegistryError("missing client_id", line=line, column="client_id")
    if not CLIENT_ID.match(client_id):
        raise RegistryError("client_id must be letters, digits, '-' or '_'", line=line, column="client_id")
    for column in ("given_name", "family_name"):
        if not get(column):
            raise RegistryError(f"missing {column}", line=line, column=column)
    dob = None
    if get("date_of_birth"):
        dob = parse_date(get("date_of_birth"))
        if dob is None:
            raise RegistryError("unparseable date (expected YYYY-MM-DD)", line=line, column="date_of_birth")
    emails = _multi(get("email"))
    for email in emails:
        if not EMAIL.match(email):
            raise RegistryError("not an email address", line=line, column="email")
    phones = _multi(get("phone"))
    for phone in phones:
        if len(re.sub(r"\D", "", phone)) < 8:
            raise RegistryError("phone number has fewer than 8 digits", line=line, column="phone")
    address = get("postal_address")
    if address and parse_address(address) is None:
        raise RegistryError(
            "postal_address must end with suburb, state and postcode (e.g. 'Bendigo VIC 3550')",
            line=line,
            column="postal_address",
        )
    suppressed = frozenset(_multi(get("suppressed")))
    for value in suppressed:
        if value not in SUPPRESSIBLE:
            raise RegistryError(
                f"unknown suppressed value {value!r}; expected any of {', '.join(SUPPRESSIBLE)}",
                line=line,
                column="suppressed",
            )
    authorised = _multi(get("authorised_contacts"))
    for contact in authorised:
        if "@" in contact and not EMAIL.match(contact):
            raise RegistryError(
                "authorised contact is not an email address or client id",
                line=line,
                column="authorised_contacts",
            )
    return Client(
        client_id=client_id,
        given_name=get("given_name"),
        family_name=get("family_name"),
        date_of_birth=dob,
        emails=emails,
        phones=phones,
        postal_address=address,
        references=_multi(get("references")),
        suppressed=suppressed,
        joint_with=_multi(get("joint_with")),
        authorised_contacts=authorised,
    )
