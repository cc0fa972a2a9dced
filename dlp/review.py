"""Releasing or discarding what was held: the privacy officer's side of a quarantine.

A released email goes to the relay's next hop (Postfix's re-injection port), which is past the content filter,
so it is not scanned and held again in a loop; a released letter goes to the pre-send outbox. A discard
deletes the original and keeps the record. Both need a justification and are audited.
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from pathlib import Path

from dlp.config import Config
from dlp.errors import DlpError, StoreError
from dlp.folder.names import move_unique
from dlp.quarantine import Quarantine
from dlp.redact import redact
from dlp.relay.forward import forward, with_header
from dlp.store import IncidentStore
from dlp.store.models import Incident, IncidentEvent


class ReviewError(DlpError):
    """A release or discard that cannot be done (nothing held, already released, next hop down)."""


def _held(store: IncidentStore, reference: str) -> Incident:
    incident = store.get(reference)
    if incident is None:
        raise StoreError(f"no incident {reference}")
    if not incident.quarantine_ref:
        raise ReviewError(f"{incident.reference} holds no quarantined original (already released or discarded?)")
    return incident


def release(config: Config, store: IncidentStore, reference: str, actor: str, justification: str) -> str:
    """Send the held item on; returns where it went, in words."""
    if not justification.strip():
        raise ReviewError("a release needs a justification")
    incident = _held(store, reference)
    ref = incident.quarantine_ref or ""
    if incident.channel == "relay":
        quarantine = Quarantine.from_config(config)
        message, envelope = quarantine.load(ref), quarantine.envelope(ref)
        host, _, port = config.relay.next_hop.rpartition(":")
        try:
            asyncio.run(
                forward(
                    host.strip("[]"),
                    int(port),
                    with_header(message, "X-DLP-Released", incident.reference or ""),
                    envelope.get("mail_from", ""),
                    list(envelope["rcpt_tos"]),
                    list(envelope.get("mail_options", [])),
                    config.relay.next_hop_timeout_seconds,
                )
            )
        except DlpError as exc:
            raise ReviewError(f"not released: {exc}") from None
        quarantine.discard(ref)
        where = "email delivered to the next hop"
    else:
        held = Path(ref)
        note = held.with_name(held.name + ".dlp.txt")
        original = _original_name(note) or held.name
        renamed = held.with_name(original)
        held.rename(renamed)
        move_unique(renamed, config.resolve_path(config.folder.outbox))
        note.unlink(missing_ok=True)
        where = "letter moved to the outbox"
    _event(store, incident, actor, "released", f"{where}: {justification}")
    return where


def discard(config: Config, store: IncidentStore, reference: str, actor: str, justification: str) -> None:
    if not justification.strip():
        raise ReviewError("a discard needs a justification")
    incident = _held(store, reference)
    ref = incident.quarantine_ref or ""
    if incident.channel == "relay":
        Quarantine.from_config(config).discard(ref)
    else:
        held = Path(ref)
        held.unlink(missing_ok=True)
        held.with_name(held.name + ".dlp.txt").unlink(missing_ok=True)
    _event(store, incident, actor, "discarded", justification)


def _original_name(note: Path) -> str | None:
    try:
        match = re.search(r"^Original file name: (.+)$", note.read_text(encoding="utf-8"), re.MULTILINE)
    except OSError:
        return None
    return Path(match.group(1).strip()).name if match else None


def _event(store: IncidentStore, incident: Incident, actor: str, action: str, reason: str) -> None:
    now = datetime.now(UTC)
    with store.session() as session:
        row = session.get(Incident, incident.id)
        assert row is not None
        row.quarantine_ref = None
        row.action_taken = redact(f"{action.capitalize()} by a reviewer: {reason}")
        row.updated_at = now
        session.add(IncidentEvent(incident_id=row.id, at=now, actor=actor, action=action, reason=redact(reason)))
