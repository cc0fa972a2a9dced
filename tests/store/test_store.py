from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from dlp.extract import communication_from_letter, communication_from_message
from dlp.model import Channel, Decision
from dlp.store import IncidentStore, as_dict
from dlp.store.deadlines import add_business_days, due_dates
from tests.synthetic import SyntheticRegistry, account_body, email, extract_csv, letter


def test_migrations_create_the_schema(tmp_path: Path) -> None:
    store = IncidentStore(f"sqlite:///{tmp_path}/a/b/dlp.db")
    tables = set(inspect(store.engine).get_table_names())
    assert {"incidents", "incident_findings", "alembic_version"} <= tables
    IncidentStore(f"sqlite:///{tmp_path}/a/b/dlp.db")  # a second open finds the schema current


def test_incident_has_template_fields_and_deadlines(synthetic: SyntheticRegistry, scanner) -> None:
    a, b = synthetic.ordinary()[30:32]
    verdict = scanner.scan(communication_from_letter(letter(a, account_body(b)).encode(), "l.txt"), Channel.CLI)
    assert verdict.incident
    record = as_dict(scanner.store.get(verdict.incident))
    assert record["decision"] == "quarantine" and record["status"] == "open"
    assert "mismatched_recipient" in record["rules"]
    assert {c["id"] for c in record["clients"]} == {a.client_id, b.client_id}
    assert {c["initials"] for c in record["clients"]} == {
        f"{a.given_name[0]}.{a.family_name[0]}.",
        f"{b.given_name[0]}.{b.family_name[0]}.",
    }
    assert record["what"] and record["how"] and record["why"] and record["action_taken"]
    created = date.fromisoformat(record["time"][:10])
    assert (date.fromisoformat(record["close_due"]) - created).days == 28
    assert date.fromisoformat(record["report_due"]) == add_business_days(created, 3)


def test_allowed_item_raises_no_incident(synthetic: SyntheticRegistry, scanner) -> None:
    a = synthetic.ordinary()[33]
    before = len(scanner.store.list())
    verdict = scanner.scan(communication_from_letter(letter(a, account_body(a)).encode(), "l.txt"))
    assert verdict.decision is Decision.ALLOW and len(scanner.store.list()) == before


def test_stored_records_hold_no_client_detail_but_ids_and_initials(synthetic: SyntheticRegistry, scanner) -> None:
    """Scan every stored record with the scanner's own registry automaton: only ids and initials may appear."""
    victim = synthetic.victim
    # Raise incidents from every kind of leak, including attachment names that carry a client's name.
    clients = synthetic.ordinary()[34:80]
    items = [
        email(
            [clients[0].email],
            "stmt",
            "see attached",
            attachments=[
                (
                    f"{clients[1].given_name}_{clients[1].family_name}_{clients[1].reference}.txt",
                    letter(clients[1], account_body(clients[1])).encode(),
                    "text/plain",
                )
            ],
        ),
        email(
            ["x@freemail.example"],
            f"extract {clients[2].name}",
            "x",
            attachments=[("c.csv", extract_csv(clients[3:45]), "text/csv")],
        ),
        email([synthetic.ex_partner.email], "joint", f"She is at {victim.postal_address}, {victim.phone}"),
    ]
    for raw in items:
        assert scanner.scan(communication_from_message(raw, "m.eml")).blocked
    dump = json.dumps([as_dict(i) for i in scanner.store.list()])
    leaks = [m for m in scanner.index.find(dump)]
    assert leaks == [], [(m.entity, m.clients) for m in leaks]
    assert victim.phone not in dump and clients[1].reference not in dump


def test_status_changes_and_filters(tmp_path: Path, synthetic: SyntheticRegistry, scanner) -> None:
    a = synthetic.ordinary()[81]
    verdict = scanner.scan(communication_from_letter(letter(a, "Dear «FirstName»").encode(), "l.txt"))
    assert verdict.incident
    assert scanner.store.list(rule="unmerged_field")
    closed = scanner.store.set_status(verdict.incident, "closed", "letter withdrawn before posting")
    assert closed.status == "closed" and closed.closed_at is not None
    assert verdict.incident not in {i.reference for i in scanner.store.list(status="open")}


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 11, 20), 3, date(2026, 11, 25)),  # Friday -> Wednesday, over a weekend
        (date(2026, 11, 23), 3, date(2026, 11, 26)),
        (date(2026, 11, 21), 1, date(2026, 11, 23)),  # Saturday -> Monday
    ],
)
def test_business_days(start: date, days: int, expected: date) -> None:
    assert add_business_days(start, days) == expected


def test_public_holiday_is_skipped() -> None:
    # Christmas and Boxing Day 2026 fall on Friday and Saturday; the 28th is the substitute holiday.
    holidays = [date(2026, 12, 25), date(2026, 12, 28)]
    assert due_dates(date(2026, 12, 24), holidays)[0] == date(2026, 12, 31)
