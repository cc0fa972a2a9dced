"""The store on both backends: SQLite in a temporary folder, and a real PostgreSQL server started here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.postgres import PostgresServer, require


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    require()
    server = PostgresServer()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/dlp.db"
    return str(request.getfixturevalue("postgres_url"))
