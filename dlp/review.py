"""Releasing or discarding what was held: the privacy officer's side of a quarantine.

A released email goes to the relay's next hop (Postfix's re-injection port), which is past the content filter,
so it is not scanned and held again in a loop; a released letter goes to the pre-send outbox. A discard
deletes the original and keeps the record. Both need a justification and are audited.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from dlp.config import Config
from dlp.errors import DlpError, StoreError
from dlp.folder.names import move_unique
from dlp.folder.watcher import note_path
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
    vault = Quarantine.from_config(config)
    original, envelope = vault.load(ref), vault.envelope(ref)
    if incident.channel == "relay":
        host, _, port = config.relay.next_hop.rpartition(":")
        message = with_header(original, "X-DLP-Released", incident.reference or "")
        try:
            asyncio.run(
                forward(
                    host.strip("[]"),
                    int(port),
                    message,
                    envelope.get("mail_from", ""),
                    list(envelope["rcpt_tos"]),
                    list(envelope.get("mail_options", [])),
                    config.relay.next_hop_timeout_seconds,
                )
            )
        except DlpError as exc:
            raise ReviewError(f"not released: {exc}") from None
        where = "email delivered to the next hop"
    else:
        outbox = config.resolve_path(config.folder.outbox)
        staging = outbox / ".dlp-releasing"
        staging.mkdir(parents=True, exist_ok=True)
        letter = staging / Path(str(envelope.get("original_name") or f"{incident.reference}.bin")).name
        letter.write_bytes(original)
        move_unique(letter, outbox)
        where = "letter moved to the outbox"
    vault.discard(ref)
    _remove_note(config, incident)
    _event(store, incident, actor, "released", f"{where}: {justification}")
    return where


def discard(config: Config, store: IncidentStore, reference: str, actor: str, justification: str) -> None:
    if not justification.strip():
        raise ReviewError("a discard needs a justification")
    incident = _held(store, reference)
    Quarantine.from_config(config).discard(incident.quarantine_ref or "")
    _remove_note(config, incident)
    _event(store, incident, actor, "discarded", justification)


def _remove_note(config: Config, incident: Incident) -> None:
    if incident.channel == "folder" and incident.reference:
        note_path(config.resolve_path(config.folder.quarantine), incident.reference).unlink(missing_ok=True)


def _event(store: IncidentStore, incident: Incident, actor: str, action: str, reason: str) -> None:
    now = datetime.now(UTC)
    with store.session() as session:
        row = session.get(Incident, incident.id)
        assert row is not None
        row.quarantine_ref = None
        row.action_taken = redact(f"{action.capitalize()} by a reviewer: {reason}")
        row.updated_at = now
        session.add(IncidentEvent(incident_id=row.id, at=now, actor=actor, action=action, reason=redact(reason)))
