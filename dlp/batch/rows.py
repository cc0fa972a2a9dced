"""Data rows of a mail merge, streamed, and whether a letter matches one."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from dlp.batch.columns import ColumnMap, map_columns
from dlp.config import BatchConfig
from dlp.errors import UsageError
from dlp.extract.charset import wide_codec
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
    text = _text_of(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    columns = map_columns(list(reader.fieldnames or []), config, overrides)

    def rows() -> Iterator[Row]:
        for number, record in enumerate(reader, 1):
            yield _row(number, record, columns)

    return columns, rows()


def _text_of(path: Path) -> str:
    """The data file as text, as spreadsheets save it: UTF-8 (with or without a byte-order mark), "Unicode text"
    (UTF-16), or the Windows code page Excel's plain "CSV" uses; anything else is refused with what to do."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise UsageError(f"data file {path} is a folder, not a file") from None
    except OSError as exc:
        raise UsageError(f"data file {path} cannot be read ({exc.strerror})") from None
    wide = wide_codec(data)
    if wide:
        return data.decode(wide, errors="replace").lstrip("\ufeff")
    if b"\x00" in data[:65536]:
        raise UsageError(f"data file {path} is not a text file: save the data source as CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (Comma delimited)" writes the Windows code page: "Renée" is one byte 0xE9 there.
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    """What the header row separates its columns with most: commas, semicolons (Excel where the decimal mark is a
    comma), tabs ("Unicode text", whose column names may hold commas) or bars; commas when it has none."""
    header = text.split("\n", 1)[0]
    best = max(",;\t|", key=header.count)
    return best if header.count(best) else ","


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
