"""The review workflow's store on SQLite and a real PostgreSQL: search, sort and pages in SQL, assignment,
bulk close, the release claim under parallel clicks, retention purge and discard keeping the digest."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, update

from dlp.config import Config, QuarantineConfig, StoreConfig
from dlp.errors import ReviewError
from dlp.extract import communication_from_message
from dlp.handlers import discard, hold, purge
from dlp.model import Channel
from dlp.quarantine import Quarantine
from dlp.store import IncidentStore
from dlp.store.models import Incident, IncidentEvent
from dlp.store.search import Query
from tests.store.generate import fill
from tests.synthetic import SyntheticRegistry, account_body, email


@pytest.fixture
def store(store_url: str) -> Iterator[IncidentStore]:
    """A store of its own for each test (a new database on the shared PostgreSQL server)."""
    url = store_url
    if url.startswith("postgresql"):
        name = f"t{secrets.token_hex(6)}"
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
        admin.dispose()
        url = url.rsplit("/", 1)[0] + "/" + name
    opened = IncidentStore(url)
    yield opened
    opened.close()


def test_search_sort_and_pages_in_sql(store: IncidentStore, scanner, synthetic: SyntheticRegistry) -> None:
    fill(store, 600, seed=3)
    a, b = synthetic.ordinary()[40:42]
    message = email([a.email], "Your account", account_body(b), sender="billing@Billing.Example")
    item = communication_from_message(message, "m.eml")
    verdict = scanner.scan(item, record=False)
    recorded = store.record(verdict, item, Channel.RELAY, scanner.index, "held")

    rows, total = store.search(Query(q=recorded))
    assert total == 1 and rows[0].reference == recorded
    rows, total = store.search(Query(q=b.client_id))  # by client id, through its own indexed table
    assert recorded in {r.reference for r in rows} and all(b.client_id in {c["id"] for c in r.clients} for r in rows)
    rows, total = store.search(Query(sender_domain="billing.example"))
    assert [r.reference for r in rows] == [recorded]  # the domain only is kept, lower-cased

    everything = store.list()
    for rule in ("suppressed_detail_exposed", "unmerged_field"):
        rows, total = store.search(Query(rule=rule, per_page=200))
        assert total == sum(rule in i.rules for i in everything) and all(rule in r.rules for r in rows)
    rows, total = store.search(Query(channel="folder", status="open", severity="high", per_page=200))
    expected = [i for i in everything if (i.channel, i.status, i.severity) == ("folder", "open", "high")]
    assert total == len(expected) and {r.reference for r in rows} == {i.reference for i in expected}

    # Paging: pages of 25, newest first, together the whole result once.
    seen: list[str] = []
    query = Query(per_page=25)
    total = store.search(query)[1]
    for page in range(1, total // 25 + 2):
        seen += [r.reference or "" for r in store.search(Query(per_page=25, page=page))[0]]
    assert len(seen) == len(set(seen)) == total == len(everything)
    assert seen == [i.reference for i in sorted(everything, key=lambda i: -i.id)]

    # Sorting by severity ranks critical first (not alphabetically); by report date oldest first.
    rows, _ = store.search(Query(sort="severity", order="desc", per_page=200))
    ranks = {"low": 1, "medium": 2, "high": 3, "critical": 4}
    assert [ranks[r.severity] for r in rows] == sorted((ranks[r.severity] for r in rows), reverse=True)
    rows, _ = store.search(Query(sort="report_due", order="asc", per_page=50))
    assert [r.report_due for r in rows] == sorted(r.report_due for r in rows)

    # A date range counts whole days.
    day = everything[300].created_at.date()
    rows, total = store.search(Query(since=day.isoformat(), until=day.isoformat(), per_page=200))
    assert total == sum(i.created_at.date() == day for i in everything) and total >= 1

    # Overdue in SQL agrees with the rule in words, and the dashboard's count with it.
    today = datetime.now(UTC).date()
    late = [
        i for i in everything
        if (i.status == "open" and i.report_due < today) or (i.status != "closed" and i.close_due < today)
    ]  # fmt: skip
    assert store.search(Query(overdue="1"))[1] == len(late) == store.summary(today)["overdue"]


def test_assign_and_bulk_close(store: IncidentStore) -> None:
    fill(store, 30, seed=4)
    references = [i.reference or "" for i in store.list(status="open")][:5]
    assert store.assign(references, "quinn", "web:olivia") == len(references)
    assert store.search(Query(assignee="quinn", per_page=200))[1] == len(references)
    closed = store.close_many(references, "letters withdrawn; customers called", "web:olivia")
    assert closed == references
    for reference in references:
        incident = store.get(reference)
        assert incident is not None and incident.status == "closed"
        assert incident.action_taken == "letters withdrawn; customers called"
        assert [e.action for e in store.events(reference)][-3:] == ["assigned", "status", "action_taken"]


def test_one_release_claim_wins(store: IncidentStore) -> None:
    fill(store, 3, seed=6, days=5)  # recent: none closed yet
    reference = store.list()[0].reference or ""
    store.set_quarantine_ref(reference, "a" * 32)
    with ThreadPoolExecutor(8) as pool:
        wins = list(
            pool.map(lambda _: store.claim_release(reference, secrets.token_hex(4), timedelta(minutes=5)), range(8))
        )
    assert wins.count(True) == 1
    store.unclaim_release(reference)  # a failed delivery gives it back
    assert store.claim_release(reference, "again", timedelta(minutes=5))
    store.set_status(reference, "closed", "done", actor="t")
    store.unclaim_release(reference)
    assert not store.claim_release(reference, "closed", timedelta(minutes=5))  # closed: never again


def test_retention_purge_and_discard_keep_digests(
    store: IncidentStore, scanner, synthetic: SyntheticRegistry, tmp_path: Path
) -> None:
    config = Config(
        store=StoreConfig(url="sqlite:///unused.db"),
        quarantine=QuarantineConfig(path=str(tmp_path / "q"), key_file=str(tmp_path / "q.key"), retention_days=90),
        base_dir=tmp_path,
    )
    vault = Quarantine.from_config(config)
    held = []
    for n in range(3):
        a, b = synthetic.ordinary()[50 + n : 52 + n]
        data = email([a.email], f"Account {n}", account_body(b))
        item = communication_from_message(data, "m.eml")
        (verdict,) = hold(store, vault, data, {"rcpt_tos": [a.email]}, [(item, scanner.scan(item, record=False))],
                          Channel.RELAY, scanner.index)  # fmt: skip
        held.append(verdict.incident or "")
    old, kept, discarded = held
    with store.engine.begin() as connection:
        connection.execute(
            update(Incident).where(Incident.reference == old).values(created_at=datetime.now(UTC) - timedelta(days=91))
        )
    orphan = vault.store(b"nobody points here")
    stale = (datetime.now(UTC) - timedelta(days=100)).timestamp()
    import os

    os.utime(vault.folder / f"{orphan}.dlpq", (stale, stale))
    old_ref = store.get(old).quarantine_ref  # type: ignore[union-attr]

    assert purge(config, store) == [old]
    gone = store.get(old)
    assert gone is not None and gone.quarantine_ref is None and gone.item_digest
    assert not (vault.folder / f"{old_ref}.dlpq").exists() and not (vault.folder / f"{orphan}.dlpq").exists()
    purged = [e for e in store.events(old) if e.action == "purged"]
    assert len(purged) == 1 and "sha256" in purged[0].reason and purged[0].actor == "retention"
    assert "retention" in gone.action_taken
    assert store.audit_log("purged")[0].actor == "retention"
    assert store.get(kept).quarantine_ref  # type: ignore[union-attr]  # within the period: kept

    discard(config, store, discarded, "web:olivia", "sent in error")
    after = store.get(discarded)
    assert after is not None and after.quarantine_ref is None and after.item_digest
    reason = store.events(discarded)[-1].reason
    assert reason.startswith("sent in error (original sha256 ") and len(reason.split("sha256 ")[1]) == 65
    with pytest.raises(ReviewError):
        discard(config, store, discarded, "web:olivia", "again")
    with store.engine.connect() as connection:
        assert connection.execute(select(IncidentEvent).where(IncidentEvent.action == "discarded")).first()
