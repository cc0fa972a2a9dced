"""Where client rows come from: the registry CSV, or a CRM or billing database through SQLAlchemy.

Either way the rows pass the same validation (`dlp.registry.loader`) and stream: a million clients are never
held as Python objects at once. A source is described in the index header without personal data or
passwords (the database URL with its password hidden, the table name or a digest of the query).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dlp.config import RegistryConfig
from dlp.errors import RegistryError
from dlp.registry.client import Client
from dlp.registry.loader import COLUMNS, check_absent_columns, check_header, read_csv, read_csv_rows, validate_rows

Rows = Iterator[tuple[int, dict[str, object]]]


def csv_clients(path: str | Path, settings: RegistryConfig | None = None) -> Iterator[Client]:
    settings = settings or RegistryConfig()
    return read_csv(path, check_absent_columns(settings.absent_columns), settings.date_of_birth_format)


def csv_file_rows(path: str | Path, settings: RegistryConfig | None = None) -> Rows:
    """Raw rows of a registry CSV whose header is valid (for the parallel build)."""
    settings = settings or RegistryConfig()
    return read_csv_rows(path, check_absent_columns(settings.absent_columns))


def csv_source(path: str | Path) -> dict[str, Any]:
    return {"kind": "csv", "file": Path(path).name}


def database_source(url: str, query: str | None = None, table: str | None = None) -> dict[str, Any]:
    from sqlalchemy.engine import make_url

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except Exception:
        shown = "(unparseable URL)"
    out: dict[str, Any] = {"kind": "database", "url": shown}
    if table:
        out["table"] = table
    if query:
        out["query_sha256"] = hashlib.sha256(query.encode()).hexdigest()[:16]
    return out


def database_clients(
    url: str, query: str | None = None, table: str | None = None, settings: RegistryConfig | None = None
) -> Iterator[Client]:
    """Stream clients from a database: the rows of `query`, or the DESIGN §4 columns of `table`."""
    settings = settings or RegistryConfig()
    yield from validate_rows(database_rows(url, query, table, settings), settings.date_of_birth_format, unit="row")


def database_rows(
    url: str, query: str | None = None, table: str | None = None, settings: RegistryConfig | None = None
) -> Rows:
    """Raw rows (numbered from 1) of a database source whose columns are valid."""
    import sqlalchemy as sa
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, NoSuchTableError, SQLAlchemyError

    settings = settings or RegistryConfig()
    if bool(query) == bool(table):
        raise RegistryError("a database source needs either --query or --table (one of them)")
    try:
        engine = sa.create_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise RegistryError(f"database URL not usable: {exc.__class__.__name__}") from None
    try:
        with engine.connect() as connection:
            if table:
                schema, _, name = table.rpartition(".")
                reflected = sa.Table(name, sa.MetaData(), schema=schema or None, autoload_with=connection)
                # Other columns of the organisation's own table are left alone.
                statement: Any = sa.select(*(reflected.c[c] for c in COLUMNS if c in reflected.c))
            else:
                statement = sa.text(query or "")
            result = connection.execution_options(stream_results=True, yield_per=10_000).execute(statement)
            header = list(result.keys())
            check_header(header, settings.absent_columns, unit="row")
            yield from ((n, dict(row)) for n, row in enumerate(result.mappings(), 1))
    except NoSuchTableError:
        raise RegistryError(f"database source: no table {table!r}") from None
    except SQLAlchemyError as exc:
        # Driver messages can quote the values of a row: name the kind of failure only.
        reason = type(getattr(exc, "orig", None) or exc).__name__
        raise RegistryError(f"database source failed ({reason}); check the URL, the table or the query") from None
    finally:
        engine.dispose()
