"""Data rows of a mail merge, streamed, and whether a letter matches one."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from dlp.batch.columns import ColumnMap, map_columns
from dlp.config import BatchConfig
from dlp.errors import UsageError
from dlp.model import AddressBlock
from dlp.normalize import CompactText, compact, name_tokens, parse_address
from dlp.registry.names import name_matches

STREET_SIMILARITY = 88


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # 1-based data row
    name: str  # canonical name tokens joined by spaces
    given: str  # as the data source has them (from a full-name column: its first and last words)
    family: str
    street: str  # compact street, "" if none
    postcode: str
    reference: str  # compact reference, "" if none
    client_id: str


def read_rows(path: Path, config: BatchConfig, overrides: dict[str, str]) -> tuple[ColumnMap, Iterator[Row]]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"data file {path} cannot be read ({exc.strerror})") from None
    reader = csv.DictReader(handle)
    columns = map_columns(list(reader.fieldnames or []), config, overrides)

    def rows() -> Iterator[Row]:
        with handle:
            for number, record in enumerate(reader, 1):
                yield _row(number, record, columns)

    return columns, rows()


def _row(number: int, record: dict[str, str], columns: ColumnMap) -> Row:
    def get(column: str | None) -> str:
        return (record.get(column) or "").strip() if column else ""

    name = get(columns.full_name) or f"{get(columns.given_name)} {get(columns.family_name)}"
    if columns.full_name and get(columns.full_name):
        words = name_tokens(get(columns.full_name))
        given, family = (words[0], words[-1]) if len(words) > 1 else ("", "")
    else:
        given, family = get(columns.given_name), get(columns.family_name)
    lines = [get(c) for c in columns.address_lines if get(c)]
    locality = " ".join(p for p in (get(columns.suburb), get(columns.state), get(columns.postcode)) if p)
    address = parse_address("\n".join([*lines, locality]), state_optional=True) if lines else None
    return Row(
        number,
        " ".join(name_tokens(name)),
        given,
        family,
        address.street if address else compact(" ".join(lines)),
        get(columns.postcode),
        compact(get(columns.reference)),
        get(columns.client_id),
    )


def addressee_matches(block: AddressBlock | None, row: Row) -> bool:
    """The letter's address block names this row's person at this row's address."""
    if block is None:
        return False
    if not row.name:
        return False
    name_ok = any(
        name_matches(person, row.given, row.family) or fuzz.ratio(" ".join(name_tokens(person)), row.name) >= 85
        for person in block.people or (block.name,)
    )
    if not row.street:
        return name_ok
    address = parse_address(block.address, state_optional=True)
    return (
        name_ok
        and address is not None
        and address.postcode == (row.postcode or address.postcode)
        and (fuzz.ratio(address.street, row.street) >= STREET_SIMILARITY)
    )


def reference_in(text: CompactText, row: Row) -> bool:
    """The row's reference is written in the letter (on token boundaries, with or without spaces)."""
    if not row.reference:
        return False
    start = text.text.find(row.reference)
    while start != -1:
        if text.span(start + len(row.reference) - 1, len(row.reference)) is not None:
            return True
        start = text.text.find(row.reference, start + 1)
    return False
