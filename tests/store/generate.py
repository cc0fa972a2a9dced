"""A register of many synthetic incidents written straight into the store's tables (no scanning), for the list
and dashboard tests and the review benchmark: PII-free like real records (client ids and initials only)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from dlp.store import IncidentStore
from dlp.store.deadlines import due_dates
from dlp.store.models import Incident, IncidentClient, IncidentEvent, IncidentFinding

RULES = (
    ("mismatched_recipient", "high", "quarantine"),
    ("suppressed_detail_exposed", "critical", "reject"),
    ("mixed_client_documents", "high", "quarantine"),
    ("bulk_client_data", "high", "quarantine"),
    ("sensitive_identifier", "high", "quarantine"),
    ("unmerged_field", "medium", "reject"),
    ("unscannable_content", "medium", "quarantine"),
)
CHANNELS = ("relay", "relay", "relay", "folder", "batch", "cli")
DOMAINS = ("riverbendwater.example", "billing.riverbendwater.example", "contractor.example", None)


def fill(store: IncidentStore, count: int, *, seed: int = 5, days: int = 365, batch: int = 5000) -> None:
    """Add `count` incidents spread over the last `days` days, oldest first, in batches of `batch`."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with store.engine.begin() as connection:
        first = connection.execute(Incident.__table__.select().order_by(Incident.id.desc()).limit(1)).first()
    next_id = (first.id if first else 0) + 1
    times = sorted(now - timedelta(seconds=rng.randrange(days * 86400)) for _ in range(count))
    for start in range(0, count, batch):
        incidents, findings, clients, events = [], [], [], []
        for n, created in enumerate(times[start : start + batch]):
            number = next_id + start + n
            rule, severity, decision = RULES[rng.randrange(len(RULES))]
            ids = sorted({f"C{100000 + rng.randrange(50000)}" for _ in range(rng.choice((1, 1, 2, 3)))})
            report_due, close_due = due_dates(created.date())
            age = (now - created).days
            status = "closed" if age > 40 and rng.random() < 0.9 else "reported" if rng.random() < 0.3 else "open"
            channel = rng.choice(CHANNELS)
            incidents.append(
                {
                    "id": number,
                    "reference": f"INC-{created.year}-{number:06d}",
                    "created_at": created,
                    "updated_at": created,
                    "channel": channel,
                    "item_kind": "email" if channel == "relay" else "letter",
                    "decision": decision,
                    "severity": severity,
                    "rules": [rule],
                    "clients": [{"id": c, "initials": "A.B."} for c in ids],
                    "what": f"An outgoing item was stopped ({decision}).",
                    "how": f"{rule} in body: account reference of {ids[0]}.",
                    "why": "Generated for a test.",
                    "action_taken": "Held in quarantine.",
                    "status": status,
                    "report_due": report_due,
                    "close_due": close_due,
                    "closed_at": created + timedelta(days=20) if status == "closed" else None,
                    "item_digest": f"{rng.getrandbits(256):064x}",
                    "quarantine_ref": None,
                    "origin": None,
                    "sender_domain": rng.choice(DOMAINS) if channel == "relay" else None,
                    "assignee": rng.choice((None, None, "olivia", "reggie")),
                    "release_claim": None,
                }
            )
            findings.append(
                {
                    "incident_id": number,
                    "rule": rule,
                    "severity": severity,
                    "decision": decision,
                    "clients": ids,
                    "part": "body",
                    "explanation": f"account reference of {ids[0]}",
                }
            )
            clients += [{"incident_id": number, "client_id": c} for c in ids]
            events.append({"incident_id": number, "at": created, "actor": channel, "action": "recorded",
                           "from_status": None, "to_status": "open", "reason": "generated"})  # fmt: skip
        with store.engine.begin() as connection:
            connection.execute(insert(Incident), incidents)
            connection.execute(insert(IncidentFinding), findings)
            connection.execute(insert(IncidentClient), clients)
            connection.execute(insert(IncidentEvent), events)
    if store.engine.dialect.name == "postgresql":  # explicit ids leave the sequence behind
        with store.engine.begin() as connection:
            connection.exec_driver_sql("SELECT setval('incidents_id_seq', (SELECT max(id) FROM incidents))")
            connection.exec_driver_sql("ANALYZE")
