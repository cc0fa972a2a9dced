"""The store on both backends: SQLite in a temporary folder, and a real PostgreSQL server started here."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.postgres import PostgresServer, available


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    if not available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is installed by .ci/run; it must be here in CI")
        pytest.skip("needs Debian postgresql and root (installed by .ci/run)")
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
