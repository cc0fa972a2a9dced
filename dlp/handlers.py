"""Handlers act on verdicts. Rules only report and the policy decides (dlp.rules, dlp.policy); every channel and
the review path then act through these, never through copies of their own.

    record   record an incident for a verdict with violations, in the incident template's words
    hold     store the original encrypted (once, under its reference), then record the incident pointing at it
    forward  hand a message to the next hop, with a header saying why it passes
    notify   tell a sender, without the data, that their message is held
    release  send a held item on (an email to the next hop, a letter to the outbox), audited
    discard  delete a held original, keep its record and digest, audited

One order everywhere: a held original is stored before its incident is recorded, so a crash between the two
leaves an original and no dangling record, and the retry (same reference) finds it and records once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from dlp.config import Config
from dlp.errors import DlpError, ReviewError, StoreError
from dlp.folder.names import move_unique
from dlp.folder.notes import note_path
from dlp.model import Channel, Communication, Verdict
from dlp.quarantine import Quarantine
from dlp.registry.index import RegistryIndex
from dlp.relay.forward import NextHop, with_header
from dlp.store import IncidentStore

# What was done, in the incident template's words ("action taken"), by channel and outcome.
ACTIONS = {
    (Channel.CLI, "blocked"): "Item reported by dlp scan as not to be sent; the sender was shown the reason.",
    (Channel.CLI, "warned"): "Item reported by dlp scan with a warning; the sender was shown the reason.",
    (Channel.RELAY, "held"): "Message held in quarantine by the relay.",
    (Channel.RELAY, "blocked"): "Message refused by the relay; the sender was told why.",
    (Channel.RELAY, "warned"): "Message delivered with a warning recorded.",
    (Channel.FOLDER, "held"): "Letter moved to quarantine before printing.",
    (Channel.FOLDER, "blocked"): "Letter moved to quarantine before printing.",
    (Channel.FOLDER, "warned"): "Letter cleared for printing with a warning recorded.",
    (Channel.BATCH, "held"): "Letter withdrawn from the mail-merge run.",
    (Channel.BATCH, "blocked"): "Letter withdrawn from the mail-merge run.",
    (Channel.BATCH, "warned"): "Letter kept in the mail-merge run with a warning recorded.",
}
RUN_ACTION = "Letters withdrawn from the mail-merge run before printing."


def action_taken(channel: Channel, verdict: Verdict, held: bool = False) -> str:
    outcome = "held" if held else "blocked" if verdict.blocked else "warned"
    return ACTIONS.get((channel, outcome)) or ACTIONS[(channel, "blocked")]


def record(
    store: IncidentStore | None,
    verdict: Verdict,
    item: Communication,
    channel: Channel,
    index: RegistryIndex | None,
    *,
    quarantine_ref: str | None = None,
    origin: str | None = None,
) -> Verdict:
    """An incident for a verdict with violations; the verdict comes back with its incident id."""
    if store is None or not verdict.violations:
        return verdict
    action = action_taken(channel, verdict, held=quarantine_ref is not None)
    incident = store.record(verdict, item, channel, index, action, quarantine_ref, origin=origin)
    return verdict.with_incident(incident)


def hold(
    store: IncidentStore | None,
    vault: Quarantine,
    original: bytes,
    envelope: dict[str, Any],
    checked: Sequence[tuple[Communication, Verdict]],
    channel: Channel,
    index: RegistryIndex | None,
    *,
    ref: str | None = None,
    origin: str | None = None,
) -> list[Verdict]:
    """Store the original (one file, one message: all its letters), then record each blocked verdict against
    it and each warning on its own. Idempotent for `ref`: incidents recorded by a run that stopped are reused."""
    ref = vault.store(original, envelope, ref=ref)
    recorded = store.held_as(ref) if store is not None else []
    out = []
    for item, verdict in checked:
        if verdict.blocked and recorded:
            verdict = verdict.with_incident(recorded.pop(0))
        else:
            verdict = record(
                store, verdict, item, channel, index, quarantine_ref=ref if verdict.blocked else None, origin=origin
            )
        out.append(verdict)
    return out


async def forward(
    hop: NextHop, data: bytes, sender: str, recipients: list[str], options: list[str], header: tuple[str, str]
) -> None:
    """Hand the message on, with a header saying why it passes (`X-DLP-Verdict`, `X-DLP-Released`)."""
    await hop.send(with_header(data, *header), sender, recipients, options)


def notice(hostname: str, sender: str, incident: str | None, words: str) -> EmailMessage:
    """The PII-free notice to a sender whose message is held."""
    message = EmailMessage()
    message["From"] = f"postmaster@{hostname}"
    message["To"] = sender
    message["Subject"] = f"Your message is held for privacy review ({incident})"
    message["X-DLP-Verdict"] = "notice"
    message.set_content(
        f"Your message was held before delivery because of: {words}.\n"
        f"A privacy officer will review it under reference {incident}. You do not need to resend it.\n"
    )
    return message


async def notify(hop: NextHop, hostname: str, sender: str, incident: str | None, words: str) -> None:
    await hop.send(bytes(notice(hostname, sender, incident, words)), "", [sender], [])


def release(config: Config, store: IncidentStore, reference: str, actor: str, justification: str) -> str:
    """Send a held item on; returns where it went, in words. A released email goes to the relay's next hop
    (Postfix's re-injection port, past the content filter, so it is not held again in a loop); a released
    letter to the pre-send outbox under its own name."""
    if not justification.strip():
        raise ReviewError("a release needs a justification")
    incident = _held(store, reference)
    ref = incident.quarantine_ref or ""
    vault = Quarantine.from_config(config)
    original, envelope = vault.load(ref), vault.envelope(ref)
    if incident.channel == "relay":
        host, _, port = config.relay.next_hop.rpartition(":")
        hop = NextHop(host.strip("[]"), int(port), config.relay.next_hop_timeout_seconds, keep=0)  # one message
        try:
            asyncio.run(
                forward(
                    hop,
                    original,
                    envelope.get("mail_from", ""),
                    list(envelope["rcpt_tos"]),
                    list(envelope.get("mail_options", [])),
                    ("X-DLP-Released", incident.reference or ""),
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
    _end(
        config,
        store,
        vault,
        incident.reference or reference,
        ref,
        incident.channel,
        actor,
        "released",
        f"{where}: {justification}",
    )
    return where


def discard(config: Config, store: IncidentStore, reference: str, actor: str, justification: str) -> None:
    """Delete a held original; the incident keeps its record and the original's digest."""
    if not justification.strip():
        raise ReviewError("a discard needs a justification")
    incident = _held(store, reference)
    vault = Quarantine.from_config(config)
    ref = incident.quarantine_ref or ""
    _end(
        config, store, vault, incident.reference or reference, ref, incident.channel, actor, "discarded", justification
    )


def _held(store: IncidentStore, reference: str) -> Any:
    incident = store.get(reference)
    if incident is None:
        raise StoreError(f"no incident {reference}")
    if not incident.quarantine_ref:
        raise ReviewError(f"{incident.reference} holds no quarantined original (already released or discarded?)")
    return incident


def _end(
    config: Config,
    store: IncidentStore,
    vault: Quarantine,
    reference: str,
    ref: str,
    channel: str,
    actor: str,
    action: str,
    reason: str,
) -> None:
    vault.discard(ref)
    if channel == Channel.FOLDER.value:
        note_path(config.resolve_path(config.folder.quarantine), reference).unlink(missing_ok=True)
    store.end_hold(reference, actor, action, reason)
