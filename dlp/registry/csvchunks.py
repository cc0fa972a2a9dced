"""A registry CSV cut into runs of whole records, as raw text, so build workers parse their own rows.

Handing parsed rows to build workers cost the parent more than compiling them cost each worker (a dict
built and pickled per row): a million-client build waited on it. The parent now only runs the `csv`
module's C reader to learn where each record ends (the raw lines it pulled for it, quoted newlines and all)
and hands on the lines themselves; a worker reads them into rows numbered as one reader over the whole file
numbers them (`loader.csv_rows`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dlp.errors import RegistryError
from dlp.registry.loader import check_fields, check_header, open_registry_csv


@dataclass(frozen=True)
class Chunk:
    """Whole records of a registry CSV: their text, the line the first starts on, and how many clients."""

    header: tuple[str, ...]
    text: str
    first_line: int
    rows: int
    source: str


def csv_chunks(path: str | Path, rows: int, absent_columns: Iterable[str] = ()) -> Iterator[Chunk]:
    """The records of a registry CSV whose header is valid, `rows` records at a time."""
    with open_registry_csv(path) as handle:
        yield from _chunks(handle, rows, absent_columns, str(path))


def _chunks(handle: Iterable[str], rows: int, absent_columns: Iterable[str], source: str) -> Iterator[Chunk]:
    lines: list[str] = []

    def kept() -> Iterator[str]:
        for line in handle:
            lines.append(line)
            yield line

    # The reader pulls exactly the lines of one record before returning it: `lines` then holds them.
    reader = csv.reader(kept())
    header = tuple(next(reader, []))
    check_header(header, absent_columns)
    lines.clear()
    first_line, count = reader.line_num + 1, 0
    for record in reader:
        if not record:
            continue  # a blank line: no client (the worker's reader skips it too)
        count += 1
        if count == rows:
            yield Chunk(header, "".join(lines), first_line, count, source)
            first_line, count = reader.line_num + 1, 0
            lines.clear()
    if count:
        yield Chunk(header, "".join(lines), first_line, count, source)


def chunk_rows(chunk: Chunk) -> Iterator[tuple[int, dict[str, object]]]:
    """(line number, row) of each record in `chunk`, as `loader.csv_rows` gives them for the whole file."""
    reader = csv.DictReader(io.StringIO(chunk.text, newline=""), chunk.header)
    offset = chunk.first_line - 1
    try:
        for row in reader:
            check_fields(row, offset + reader.line_num)
            yield offset + reader.line_num, row
    except csv.Error as exc:
        raise RegistryError(f"registry file {chunk.source} is not valid CSV: {exc}") from None
