"""Handlers act on verdicts. Rules only report and the policy decides (dlp.rules, dlp.policy); every channel and
the review path then act through these, never through copies of their own.

    record   record an incident for a verdict with violations, in the incident template's words
    hold     store the original encrypted (once, under its reference), then record the incident pointing at it
    forward  hand a message to the next hop, with a header saying why it passes
    notify   tell a sender, without the data, that their message is held
    release  send a held item on (an email to the next hop, a letter to the outbox), audited; once only,
             never after the incident is closed, and for a suppressed detail or a critical item only by a
             privacy officer (after a second officer's approval where [review] second_approval is set)
    discard  delete a held original, keep its record and digest, audited
    purge    discard every original held longer than [quarantine] retention_days, audited

One order everywhere: a held original is stored before its incident is recorded, so a crash between the two
leaves an original and no dangling record, and the retry (same reference) finds it and records once.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dlp.config import Config
from dlp.errors import DlpError, ReviewError, StoreError
from dlp.folder.names import move_unique
from dlp.folder.notes import note_path
from dlp.model import Channel, Communication, Decision, Verdict
from dlp.quarantine import Quarantine
from dlp.registry.index import RegistryIndex

if TYPE_CHECKING:  # the relay's client and the store (SQLAlchemy): imported where they are used
    from dlp.relay.forward import NextHop
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


EVIDENCE = " A copy is kept encrypted as evidence."
# Held items a reviewer may not release alone: a victim's suppressed detail, or anything critical.
OFFICER_RULES = frozenset({"suppressed_detail_exposed"})
OFFICER_SEVERITIES = frozenset({"critical"})


def action_taken(channel: Channel, verdict: Verdict, held: bool = False) -> str:
    if held and verdict.decision is Decision.REJECT:  # refused, and its original kept as evidence
        return (ACTIONS.get((channel, "blocked")) or ACTIONS[(channel, "blocked")]) + EVIDENCE
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
    original: bytes | Path,
    envelope: dict[str, Any],
    checked: Sequence[tuple[Communication, Verdict]],
    channel: Channel,
    index: RegistryIndex | None,
    *,
    ref: str | None = None,
    origin: str | None = None,
) -> list[Verdict]:
    """Store the original (one file, one message: all its letters; a file on disk is read in pieces), then
    record each blocked verdict against it and each warning on its own. Idempotent for `ref`: incidents recorded
    by a run that stopped are reused."""
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
    from dlp.relay.forward import with_header

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


@dataclass(frozen=True)
class Destination:
    """Where a release sends a held item, shown to the reviewer before they confirm it."""

    kind: str  # "email" or "letter"
    recipients: tuple[str, ...]  # the envelope recipients of an email
    via: str  # the next hop, or the outbox folder
    name: str = ""  # a letter's file name

    def done(self) -> str:
        """What a release did, for the audit trail and the reviewer (no addresses: they were shown before)."""
        if self.kind == "email":
            n = len(self.recipients)
            return f"email delivered to the next hop for {n} recipient{'s' if n != 1 else ''}"
        return "letter moved to the outbox"


def officer_only(incident: Any) -> bool:
    """Released only by a privacy officer: a suppressed detail, or a critical item."""
    return bool(OFFICER_RULES & set(incident.rules)) or incident.severity in OFFICER_SEVERITIES


def may_release(config: Config, store: IncidentStore, incident: Any, actor: str, officer: bool) -> str | None:
    """Why `actor` may not release this incident's held item now, or None if they may."""
    if incident.status == "closed":
        return f"{incident.reference} is closed: nothing is released or discarded any more"
    if not incident.quarantine_ref:
        return f"{incident.reference} holds no quarantined original (already released or discarded?)"
    if incident.decision == Decision.REJECT.value:
        return f"{incident.reference} was refused and its sender told so: its copy is evidence, not for delivery"
    if officer_only(incident):
        if not officer:
            return "a suppressed detail or a critical item is released only by a privacy officer"
        if config.review.second_approval and not approvers(store, incident, actor):
            return "this release needs a second privacy officer's approval first"
    return None


def approvers(store: IncidentStore, incident: Any, actor: str) -> list[str]:
    """Privacy officers other than `actor` who approved releasing the item still held."""
    return sorted({e.actor for e in store.events(incident.reference) if e.action == "approved" and e.actor != actor})


def approve(config: Config, store: IncidentStore, reference: str, actor: str, note: str) -> None:
    """A privacy officer's approval of a release, for the second person who then releases it."""
    incident = _held(store, reference)
    if incident.status == "closed":
        raise ReviewError(f"{incident.reference} is closed: nothing is released or discarded any more")
    store.add_event(incident.reference, actor, "approved", note or "release approved")


def destination(config: Config, store: IncidentStore, reference: str) -> Destination:
    """Where releasing this incident's held item would send it."""
    incident = _held(store, reference)
    envelope = Quarantine.from_config(config).envelope(incident.quarantine_ref)
    if incident.channel == Channel.RELAY.value:
        return Destination("email", tuple(envelope.get("rcpt_tos", ())), config.relay.next_hop)
    outbox = config.resolve_path(config.folder.outbox)
    return Destination("letter", (), str(outbox), _letter_name(envelope, incident))


def release(
    config: Config, store: IncidentStore, reference: str, actor: str, justification: str, *, officer: bool = True
) -> str:
    """Send a held item on, once; returns where it went, in words. A released email goes to the relay's next
    hop (Postfix's re-injection port, past the content filter, so it is not held again in a loop); a released
    letter to the pre-send outbox under its own name.

    Parallel releases of one item (double clicks, two reviewers) deliver it once: each first claims the
    incident in the store, and only the one that gets the claim sends."""
    if not justification.strip():
        raise ReviewError("a release needs a justification")
    incident = _held(store, reference)
    refused = may_release(config, store, incident, actor, officer)
    if refused:
        raise ReviewError(refused)
    stale = timedelta(seconds=config.relay.next_hop_timeout_seconds * 2 + 60)
    if not store.claim_release(incident.reference, secrets.token_hex(8), stale):
        raise ReviewError(f"{incident.reference} is already being released (or is no longer held)")
    ref = incident.quarantine_ref or ""
    vault = Quarantine.from_config(config)
    try:
        envelope = vault.envelope(ref)
        where = destination(config, store, incident.reference).done()
        if incident.channel == Channel.RELAY.value:
            _deliver_email(config, incident.reference or "", vault.load(ref), envelope)
        else:
            outbox = config.resolve_path(config.folder.outbox)
            staging = outbox / ".dlp-releasing"
            staging.mkdir(parents=True, exist_ok=True)
            if staging.is_symlink():  # never clear, or write into, a folder elsewhere
                raise ReviewError(f"not released: {staging.name} in the outbox is a symbolic link")
            _clear_stale(staging)
            # Its own name while written (two releases of letters named alike never share one), its own on leaving.
            name = _letter_name(envelope, incident)
            letter = staging / f"{secrets.token_hex(8)}-{name}"
            vault.copy_to(ref, letter)  # a piece at a time: a held letter may be gigabytes
            move_unique(letter, outbox, name)
    except BaseException:
        store.unclaim_release(incident.reference)  # not sent: it may be tried again
        raise
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


def _deliver_email(config: Config, reference: str, original: bytes, envelope: dict[str, Any]) -> None:
    from dlp.relay.forward import NextHop

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
                ("X-DLP-Released", reference),
            )
        )
    except DlpError as exc:
        raise ReviewError(f"not released: {exc}") from None


def _clear_stale(staging: Path) -> None:
    """Remove what a release that died half-way left in the staging folder (an unchecked part of an original):
    anything an hour old, long past any release still writing."""
    cutoff = time.time() - 3600
    for left in staging.iterdir():
        try:
            if not left.is_symlink() and left.is_file() and left.stat().st_mtime < cutoff:
                left.unlink()
        except OSError:
            continue


def _letter_name(envelope: dict[str, Any], incident: Any) -> str:
    return Path(str(envelope.get("original_name") or f"{incident.reference}.bin")).name


def discard(config: Config, store: IncidentStore, reference: str, actor: str, justification: str) -> None:
    """Delete a held original; the incident keeps its record and the original's digest."""
    if not justification.strip():
        raise ReviewError("a discard needs a justification")
    incident = _held(store, reference)
    if incident.status == "closed":
        raise ReviewError(f"{incident.reference} is closed: nothing is released or discarded any more")
    if incident.release_claim:
        raise ReviewError(f"{incident.reference} is being released")
    vault = Quarantine.from_config(config)
    ref = incident.quarantine_ref or ""
    _end(
        config, store, vault, incident.reference or reference, ref, incident.channel, actor, "discarded", justification
    )


def purge(config: Config, store: IncidentStore, now: datetime | None = None) -> list[str]:
    """Discard every original held longer than the retention period; each incident keeps its record and
    digest and says why in its audit trail. Originals no incident points at any more go too. Returns the
    incidents purged."""
    days = config.quarantine.retention_days
    cutoff = (now or datetime.now(UTC)) - timedelta(days=days)
    vault = Quarantine.from_config(config)
    purged = []
    for reference, ref, channel in store.held_before(cutoff):
        why = f"held longer than {days} days"
        _end(config, store, vault, reference, ref, channel, "retention", "purged", why, by="after the retention period")
        purged.append(reference)
    held = store.held_refs()
    orphans = [ref for ref, mtime in vault.stored() if ref not in held and mtime < cutoff.timestamp()]
    for ref in orphans:
        vault.discard(ref)
    if purged or orphans:
        store.audit(
            "retention",
            "purged",
            f"{len(purged)} incidents",
            f"originals held longer than {days} days: "
            f"{len(purged)} of incidents, {len(orphans)} no incident pointed at",
        )
    return purged


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
    by: str = "by a reviewer",
) -> None:
    digest = _digest(vault, ref)
    vault.discard(ref)
    if digest:
        reason = f"{reason} (original sha256 {digest})"
    if channel == Channel.FOLDER.value:
        note_path(config.resolve_path(config.folder.quarantine), reference).unlink(missing_ok=True)
    store.end_hold(reference, actor, action, reason, by=by)


def _digest(vault: Quarantine, ref: str) -> str:
    """The held original's sha256, kept in the audit trail once the content is gone."""
    try:
        return vault.sha256(ref)
    except DlpError:
        return ""
