"""A registry read from a real PostgreSQL server, through the public `dlp registry` command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from dlp.registry import RegistryIndex
from tests.cli.test_cli import dlp
from tests.store.postgres import PostgresServer, require
from tests.synthetic import SyntheticRegistry


@pytest.fixture(scope="module")
def crm(synthetic: SyntheticRegistry) -> Iterator[str]:
    """A CRM database: a clients table with the DESIGN §4 columns and some of its own, and one without
    the suppressed column."""
    require()
    server = PostgresServer()
    try:
        url = server.start()
        engine = sa.create_engine(url)
        with engine.begin() as db:
            db.execute(
                sa.text(
                    "create table crm_clients (client_id text primary key, given_name text, family_name text, "
                    'date_of_birth date, email text, phone text, postal_address text, "references" text, '
                    "suppressed text, joint_with text, authorised_contacts text, created_at timestamp default now())"
                )
            )
            rows = [c.row() for c in synthetic.clients]
            db.execute(
                sa.text(
                    "insert into crm_clients (client_id, given_name, family_name, date_of_birth, email, phone, "
                    'postal_address, "references", suppressed, joint_with, authorised_contacts) values (:client_id, '
                    ":given_name, :family_name, cast(:date_of_birth as date), :email, :phone, :postal_address, "
                    ":references, :suppressed, :joint_with, :authorised_contacts)"
                ),
                rows,
            )
            db.execute(sa.text("create table billing (client_id text, given_name text, family_name text)"))
            db.execute(sa.text("insert into billing values ('C1', 'Aria', 'Ashdown')"))
        engine.dispose()
        yield url
    finally:
        server.stop()


def test_build_from_a_table_matches_the_csv(crm: str, tmp_path: Path, index: RegistryIndex, synthetic) -> None:
    result = dlp("registry", "build", "--url", crm, "--table", "crm_clients", "-o", "crm.dlpidx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    built = RegistryIndex.open(tmp_path / "crm.dlpidx")
    assert len(built) == len(index)
    victim = synthetic.victim
    assert [(m.entity, m.clients, m.suppressed_for) for m in built.find(victim.postal_address)] == [
        (m.entity, m.clients, m.suppressed_for) for m in index.find(victim.postal_address)
    ]
    info = dlp("registry", "info", "crm.dlpidx", "--json", cwd=tmp_path)
    assert '"kind": "database"' in info.stdout and '"table": "crm_clients"' in info.stdout
    assert "postgres@" in info.stdout and victim.family_name not in info.stdout


def test_build_from_a_query(crm: str, tmp_path: Path, synthetic: SyntheticRegistry) -> None:
    query = (
        'select client_id, given_name, family_name, date_of_birth, email, phone, postal_address, "references", '
        "suppressed, joint_with, authorised_contacts from crm_clients where client_id <> ''"
    )
    result = dlp("registry", "build", crm, "--query", query, "-o", "q.dlpidx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(RegistryIndex.open(tmp_path / "q.dlpidx")) == len(synthetic.clients)
    check = dlp("registry", "check", "--url", crm, "--query", query, cwd=tmp_path)
    assert check.returncode == 0 and f"{len(synthetic.clients)} clients" in check.stdout


def test_a_table_lacking_columns_is_refused_naming_the_protections(crm: str, tmp_path: Path) -> None:
    result = dlp("registry", "check", "--url", crm, "--table", "billing", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "suppressed_detail_exposed" in result.stderr and "absent_columns" in result.stderr
    (tmp_path / "dlp.toml").write_text(
        '[registry]\nabsent_columns = ["date_of_birth", "email", "phone", "postal_address", "references", '
        '"suppressed", "joint_with", "authorised_contacts"]\n'
    )
    allowed = dlp("registry", "check", "--url", crm, "--table", "billing", "--config", "dlp.toml", cwd=tmp_path)
    assert allowed.returncode == 0, allowed.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--table", "no_such_table"], "no table"),
        (["--query", "select nonsense from nowhere"], "database source failed (UndefinedTable)"),
        (["--query", "select 1", "--table", "x"], "one of them"),
    ],
)
def test_database_errors_are_clear(crm: str, tmp_path: Path, args: list[str], message: str) -> None:
    result = dlp("registry", "check", "--url", crm, *args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
