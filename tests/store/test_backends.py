"""The incident store on SQLite and on a real PostgreSQL server: migrations, records, lifecycle, sharing."""

from __future__ import annotations

import multiprocessing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect

from dlp.errors import StoreError
from dlp.extract import communication_from_letter
from dlp.model import Channel
from dlp.store import IncidentStore, as_dict
from tests.synthetic import SyntheticRegistry, account_body, letter


def _incident(scanner, synthetic: SyntheticRegistry, store: IncidentStore, n: int = 0) -> str:  # type: ignore[no-untyped-def]
    a, b = synthetic.ordinary()[n % 50], synthetic.ordinary()[n % 50 + 1]
    item = communication_from_letter(letter(a, account_body(b)).encode(), "l.txt")
    verdict = scanner.scan(item, record=False)
    return store.record(verdict, item, Channel.CLI, scanner.index, "held")


def test_migrations_records_and_lifecycle(store_url: str, scanner, synthetic: SyntheticRegistry) -> None:
    store = IncidentStore(store_url, holidays=[date.today() + timedelta(days=1)])
    assert {"incidents", "incident_findings", "incident_events", "alembic_version"} <= set(
        inspect(store.engine).get_table_names()
    )
    reference = _incident(scanner, synthetic, store)
    record = as_dict(store.get(reference))  # type: ignore[arg-type]
    assert record["status"] == "open" and record["findings"]
    store.set_status(reference, "reported", actor="officer1", reason="reported to the scheme")
    with pytest.raises(StoreError, match="needs a reason"):
        store.set_status(reference, "open", actor="officer1")
    closed = store.set_status(reference, "closed", "letter withdrawn before posting", actor="officer1")
    assert closed.status == "closed" and closed.action_taken == "letter withdrawn before posting"
    history = [(e.actor, e.action, e.from_status, e.to_status) for e in store.events(reference)]
    assert history == [
        ("cli", "recorded", None, "open"),
        ("officer1", "status", "open", "reported"),
        ("officer1", "status", "reported", "closed"),
        ("officer1", "action_taken", None, None),
    ]
    store.close()


def test_overdue_view(store_url: str, scanner, synthetic: SyntheticRegistry) -> None:
    store = IncidentStore(store_url)
    reference = _incident(scanner, synthetic, store, 3)
    incident = store.get(reference)
    assert incident is not None
    assert reference not in {i.reference for i in store.overdue(date.today())}
    assert reference in {i.reference for i in store.overdue(incident.report_due + timedelta(days=1))}
    store.set_status(reference, "reported")
    assert reference not in {i.reference for i in store.overdue(incident.report_due + timedelta(days=1))}
    assert reference in {i.reference for i in store.overdue(incident.close_due + timedelta(days=1))}


def _record_many(url: str, registry_csv: str, count: int, queue: multiprocessing.Queue) -> None:
    from dlp.config import Config
    from dlp.policy import Policy
    from dlp.registry import load_registry
    from dlp.scanner import Scanner
    from tests.synthetic import make_registry

    store = IncidentStore(url)
    scanner = Scanner(Config(), load_registry(registry_csv), Policy.load(), store)
    synthetic = make_registry(300, seed=11)
    queue.put([_incident(scanner, synthetic, store, n) for n in range(count)])


def test_several_processes_share_one_store(store_url: str, registry_csv: Path) -> None:
    IncidentStore(store_url).close()  # migrate once, as the first process to start would
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = context.Queue()
    workers = [context.Process(target=_record_many, args=(store_url, str(registry_csv), 15, queue)) for _ in range(3)]
    for w in workers:
        w.start()
    references = [ref for _ in workers for ref in queue.get(timeout=180)]
    for w in workers:
        w.join(timeout=60)
    assert len(references) == len(set(references)) == 45
    assert {i.reference for i in IncidentStore(store_url).list()} >= set(references)
