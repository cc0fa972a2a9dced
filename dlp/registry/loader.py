"""Read and validate client rows (a CSV file, or rows from a database); every error names its row and column.

Validation never turns a protection off silently: a source without one of DESIGN §4's columns is refused,
naming what would stop working, unless the configuration says the organisation does not hold that field
(`[registry] absent_columns`). Dates of birth are ISO `YYYY-MM-DD` unless `[registry] date_of_birth_format`
names another form.

Rows stream: a client is yielded as soon as its row is valid; the checks across rows (duplicate ids now,
`joint_with` naming an unknown client at the end) raise before the stream ends, so a consumer that builds
an index from it never finishes on a bad registry.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from dlp.errors import RegistryError
from dlp.registry.client import SUPPRESSIBLE, Client
from dlp.registry.keys import parsed_address

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
# What stops working without each optional column: said when a source lacks one.
PROTECTIONS = {
    "date_of_birth": "identifying a client by name and date of birth (mismatched_recipient, mixed_client_documents)",
    "email": "finding clients' email addresses in items, resolving email recipients to clients, "
    "and suppressed email addresses (suppressed_detail_exposed)",
    "phone": "finding clients' phone numbers in items, and suppressed phone numbers (suppressed_detail_exposed)",
    "postal_address": "finding clients' addresses in items, resolving a letter's addressee, "
    "and suppressed addresses (suppressed_detail_exposed)",
    "references": "finding account and claim references in items (mismatched_recipient, mixed_client_documents)",
    "suppressed": "every suppressed detail (suppressed_detail_exposed): none would be known as suppressed",
    "joint_with": "joint accounts: joint holders would be treated as unrelated clients, and "
    "each other's suppressed details",
    "authorised_contacts": "authorised representatives: mail to them would be treated as going to strangers",
}
CLIENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$")
EMAIL = re.compile(r"^[^@\s;]+@[^@\s;]+\.[^@\s;]+$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NON_DIGITS = re.compile(r"\D")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What a CRM writes for a client with no postal address (a homeless client of a legal or social service): no
# address, not a bad one that stops the whole registry loading.
NO_ADDRESS = re.compile(
    r"^\s*(?:no\s+fixed\s+(?:address|abode|place\s+of\s+residence)|n\.?\s*f\.?\s*a\.?|homeless|"
    r"(?:address\s+)?(?:unknown|not\s+known|withheld|not\s+provided)|none)\s*[.()]*\s*$",
    re.IGNORECASE,
)


def check_absent_columns(absent: Iterable[str]) -> tuple[str, ...]:
    """Validate `[registry] absent_columns`."""
    absent = tuple(absent)
    for column in absent:
        if column in REQUIRED:
            raise RegistryError(f"[registry] absent_columns: {column} is required and cannot be absent")
        if column not in PROTECTIONS:
            raise RegistryError(
                f"[registry] absent_columns: unknown column {column!r}; expected some of {', '.join(PROTECTIONS)}"
            )
    return absent


def check_header(header: Iterable[str], absent_columns: Iterable[str] = (), unit: str = "line") -> None:
    header = list(header)
    line = 1 if unit == "line" else None
    if not header:
        raise RegistryError("no header: the registry is empty", line=line, unit=unit)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        # Everything that is wrong with the header at once, not one fix and one more run at a time.
        absent = set(check_absent_columns(absent_columns))
        lacking = [c for c in PROTECTIONS if c not in header and c not in absent]
        also = f"; it has no {', '.join(lacking)} column(s) either, see [registry] absent_columns" if lacking else ""
        raise RegistryError(f"header lacks required column(s) {', '.join(missing)}{also}", line=line, unit=unit)
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise RegistryError(
            f"unknown column(s) {', '.join(map(repr, unknown))}; expected some of {', '.join(COLUMNS)}",
            line=line,
            unit=unit,
        )
    absent = set(check_absent_columns(absent_columns))
    lacking = [c for c in PROTECTIONS if c not in header and c not in absent]
    if lacking:
        off = "; ".join(f"without {c}: {PROTECTIONS[c]}" for c in lacking)
        raise RegistryError(
            f"the registry has no {', '.join(lacking)} column(s), which would turn protections off ({off}). "
            f"Add the column(s), or if your organisation holds no such field, say so in the configuration: "
            f"[registry] absent_columns = {json.dumps(lacking)}",
            line=line,
            unit=unit,
        )


def _multi(value: str) -> tuple[str, ...]:
    if ";" not in value:  # most cells hold one value or none
        value = value.strip()
        return (value,) if value else ()
    return tuple(v.strip() for v in value.split(";") if v.strip())


def load_clients(path: str | Path, absent_columns: Iterable[str] = (), date_format: str | None = None) -> list[Client]:
    """Read and validate a registry CSV file."""
    return list(read_csv(path, absent_columns, date_format))


def read_csv(path: str | Path, absent_columns: Iterable[str] = (), date_format: str | None = None) -> Iterator[Client]:
    """Stream the clients of a registry CSV file, validating as they come."""
    yield from validate_rows(read_csv_rows(path, absent_columns), date_format)


def read_csv_rows(path: str | Path, absent_columns: Iterable[str] = ()) -> Iterator[tuple[int, dict[str, object]]]:
    """Raw rows of a registry CSV file with a valid header."""
    with open_registry_csv(path) as handle:
        yield from csv_rows(handle, absent_columns)


@contextmanager
def open_registry_csv(path: str | Path) -> Iterator[TextIO]:
    """A registry CSV opened as the csv module reads it; a failure reading it is one RegistryError naming it."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            yield handle
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


def parse_clients(
    lines: Iterable[str], absent_columns: Iterable[str] = (), date_format: str | None = None
) -> Iterator[Client]:
    """Validate CSV rows as they stream."""
    yield from validate_rows(csv_rows(lines, absent_columns), date_format)


def csv_rows(lines: Iterable[str], absent_columns: Iterable[str] = ()) -> Iterator[tuple[int, dict[str, object]]]:
    """(line number, row) of a registry CSV whose header passed `check_header`; rows are not yet validated."""
    reader = csv.DictReader(lines)
    header = reader.fieldnames or []
    check_header(header, absent_columns)
    for row in reader:
        check_fields(row, reader.line_num)
        yield reader.line_num, dict(row)


def check_fields(row: Mapping[str | None, object], line: int) -> None:
    """A CSV row has as many fields as the header. One with fewer is most often an unclosed quote that took
    the rows after it into one field: those clients would be missing without a word."""
    if None in row:
        raise RegistryError("row has more fields than the header", line=line)
    if None in row.values():
        raise RegistryError("row has fewer fields than the header (an unclosed quote?)", line=line)


def validate_rows(
    rows: Iterable[tuple[int, Mapping[str, object]]], date_format: str | None = None, unit: str = "line"
) -> Iterator[Client]:
    """Clients from rows already checked by `check_header`; `unit` names where a row is ("line", "row")."""
    checks = CrossRowChecks(unit)
    for line, row in rows:
        client = parse_row(row, line, date_format, unit)
        checks.add(line, client.client_id, client.joint_with)
        yield client
    checks.finish()


class CrossRowChecks:
    """What one row cannot say alone: duplicate ids, and joint holders that are not clients."""

    def __init__(self, unit: str = "line") -> None:
        self.unit = unit
        self.seen: dict[str, int] = {}
        self.joint: list[tuple[int, str, tuple[str, ...]]] = []

    def add(self, line: int, cid: str, joint_with: tuple[str, ...] = ()) -> None:
        if cid in self.seen:
            raise RegistryError(
                f"duplicate client_id (first on {self.unit} {self.seen[cid]})",
                line=line,
                column="client_id",
                unit=self.unit,
            )
        self.seen[cid] = line
        if joint_with:
            self.joint.append((line, cid, joint_with))

    def finish(self) -> None:
        unit = self.unit
        for line, cid, others in self.joint:
            for other in others:
                if other not in self.seen:
                    # The value is not shown: a mistyped joint_with may hold a name or a phone, not an id.
                    raise RegistryError(
                        "joint_with names a client_id that is not in the registry (the value is not shown)",
                        line=line,
                        column="joint_with",
                        unit=unit,
                    )
                if other == cid:
                    raise RegistryError("joint_with names the client itself", line=line, column="joint_with", unit=unit)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):  # a database array column
        return ";".join(str(v) for v in value if v is not None)
    return str(value).strip()


def parse_row(row: Mapping[str, object], line: int, date_format: str | None, unit: str) -> Client:
    def error(message: str, column: str) -> RegistryError:
        return RegistryError(message, line=line, column=column, unit=unit)

    values = {column: value.strip() if value.__class__ is str else _text(value) for column, value in row.items()}
    if CONTROL.search("".join(values.values())):
        column = next(c for c, v in values.items() if CONTROL.search(v))
        raise error("value holds a control character", column)

    def get(column: str) -> str:
        return values.get(column, "")

    client_id = get("client_id")
    if not client_id:
        raise error("missing client_id", "client_id")
    if not CLIENT_ID.match(client_id):
        raise error("client_id must be letters, digits, '-' or '_'", "client_id")
    # Some people have one name only: it goes in family_name, and given_name may stay empty.
    for column in ("family_name",):
        if not get(column):
            raise error(f"missing {column}", column)
    raw_dob = row.get("date_of_birth")
    dob = _date_of_birth(raw_dob if isinstance(raw_dob, date) else get("date_of_birth"), date_format, error)
    emails = _multi(get("email"))
    for email in emails:
        if not EMAIL.match(email):
            raise error("not an email address", "email")
    phones = _multi(get("phone"))
    for phone in phones:
        if len(NON_DIGITS.sub("", phone)) < 8:
            raise error("phone number has fewer than 8 digits", "phone")
    address = get("postal_address")
    if address and NO_ADDRESS.match(address):
        address = ""
    if address and parsed_address(address) is None:
        raise error(
            "postal_address must end with suburb, state and postcode (e.g. 'Bendigo VIC 3550')", "postal_address"
        )
    suppressed = frozenset(_multi(get("suppressed")))
    for value in suppressed:
        if value not in SUPPRESSIBLE:
            raise error(f"unknown suppressed value {value!r}; expected any of {', '.join(SUPPRESSIBLE)}", "suppressed")
    authorised = _multi(get("authorised_contacts"))
    for contact in authorised:
        if "@" in contact and not EMAIL.match(contact):
            raise error("authorised contact is not an email address or client id", "authorised_contacts")
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


def _date_of_birth(value: object, date_format: str | None, error: Callable[[str, str], RegistryError]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        if date_format:
            return datetime.strptime(text, date_format).date()
        if ISO_DATE.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    expected = f"the configured form {date_format!r}" if date_format else "YYYY-MM-DD"
    raise error(f"unparseable date (expected {expected})", "date_of_birth")
