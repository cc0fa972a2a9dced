"""The relay's work in a scanning process: scan one message, then hold, refuse or forward it from there.

The relay's event loop only speaks SMTP; everything per message after DATA (parsing, scanning, quarantine,
incident records and forwarding to the next hop) happens here, in a supervised worker
(dlp.workers). A worker answers a small PII-free Outcome; a DlpError it raises (the next hop down, the store
or the disk failing) becomes a 451 in the server, so the sending MTA keeps the message and retries.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from dlp import handlers
from dlp.errors import ForwardError, RegistryUnavailable
from dlp.extract import communication_from_message
from dlp.model import Channel, Communication, Decision, Verdict
from dlp.relay.forward import NextHop
from dlp.rules import RULES
from dlp.scanner import Scanner
from dlp.workers import WorkerState
from dlp.workers.held import failure_reason, held_ref, unscannable_item, unscannable_verdict
from dlp.workers.zygote import extend_deadline, recycle

log = logging.getLogger("dlp.relay")


@dataclass(frozen=True)
class RelayMessage:
    data: bytes
    sender: str
    recipients: tuple[str, ...]
    mail_options: tuple[str, ...]
    client: str | None  # the original SMTP client (XFORWARD ADDR), else the peer

    @property
    def source(self) -> str:
        return f"relay message from {self.client or 'local client'}"

    @property
    def ref(self) -> str:
        """Where it is held, if it is: the same for the same message to the same recipients."""
        return held_ref("message", self.data, self.sender.encode(), "\0".join(self.recipients).encode())

    @property
    def envelope(self) -> dict[str, object]:
        return {"mail_from": self.sender, "rcpt_tos": list(self.recipients), "mail_options": list(self.mail_options)}


@dataclass(frozen=True)
class Outcome:
    decision: str
    rules: tuple[str, ...]
    words: str  # the rules in words, for the sender: no personal data
    incident: str | None
    quarantined: bool
    forwarded: bool = False


async def handle_message(state: WorkerState, message: RelayMessage) -> Outcome:
    """Scan, then act: quarantine (stored before anyone answers 250), refuse (its original kept as evidence
    before the 550), or forward and only then 250."""
    scanner = state.scanner
    item, verdict = scan(scanner, message, state.config.limits.max_memory_mb)
    relay = state.config.relay
    # Read: what is left (store, disk, next hop) gets its own time, and failing it is not the message's fault.
    extend_deadline(relay.next_hop_timeout_seconds * 2 + 30)
    if verdict.decision is Decision.QUARANTINE:
        verdict = hold(state, message, item, verdict)
        outcome = _outcome(verdict, quarantined=True)
        if relay.notify_sender and message.sender:
            try:
                await handlers.notify(_hop(state), relay.hostname, message.sender, outcome.incident, outcome.words)
            except ForwardError:  # the message itself is safely held; a lost notice is only logged
                log.warning("sender notice not sent: the next hop did not take it")
        return outcome
    if verdict.decision is Decision.REJECT:
        # Refused, but its original is kept encrypted like a held one: the most severe incidents keep evidence.
        return _outcome(hold(state, message, item, verdict), quarantined=False)
    verdict = handlers.record(scanner.store, verdict, item, Channel.RELAY, scanner.index, origin=message.client)
    outcome = _outcome(verdict, quarantined=False)
    rules = f"; rules={','.join(outcome.rules)}; incident={outcome.incident}" if outcome.rules else ""
    header = ("X-DLP-Verdict", outcome.decision + rules)
    await handlers.forward(
        _hop(state), message.data, message.sender, list(message.recipients), list(message.mail_options), header
    )
    return Outcome(outcome.decision, outcome.rules, outcome.words, outcome.incident, False, forwarded=True)


def scan(scanner: Scanner, message: RelayMessage, memory_mb: int) -> tuple[Communication, Verdict]:
    """The message's verdict; one that cannot be read (an internal error, nesting, memory) is unscannable."""
    try:
        item = communication_from_message(
            message.data, message.source, scanner.limits, envelope_recipients=list(message.recipients)
        )
        return item, scanner.scan(item, Channel.RELAY, record=False)
    except RegistryUnavailable:
        raise  # nothing could be checked: the sender keeps the message (451) until a registry is there
    except Exception as exc:  # noqa: BLE001 - whatever it was, the message is held, never passed or retried forever
        if isinstance(exc, MemoryError):
            recycle()
        return held_item(scanner, message, failure_reason(exc, memory_mb))


def held_item(scanner: Scanner, message: RelayMessage, reason: str) -> tuple[Communication, Verdict]:
    item = unscannable_item(
        "email", message.source, reason, hashlib.sha256(message.data).hexdigest(), message.recipients
    )
    return item, unscannable_verdict(scanner.policy, item)


def hold(state: WorkerState, message: RelayMessage, item: Communication, verdict: Verdict) -> Verdict:
    """Durably quarantine the original with its envelope, then record the incident pointing at it — once:
    the sender's retry of a message held just before a crash finds it already held."""
    assert state.vault is not None, "relay workers hold a vault"
    scanner = state.scanner
    (held,) = handlers.hold(
        scanner.store,
        state.vault,
        message.data,
        message.envelope,
        [(item, verdict)],
        Channel.RELAY,
        scanner.index,
        ref=message.ref,
        origin=message.client,
    )
    return held


def _outcome(verdict: Verdict, quarantined: bool) -> Outcome:
    rules = tuple(sorted({v.rule for v in verdict.violations}))
    words = "; ".join(RULES[r].title for r in rules)
    return Outcome(verdict.decision.value, rules, words, verdict.incident, quarantined)


def _hop(state: WorkerState) -> NextHop:
    """This worker's connections to the next hop, kept open between messages."""
    hop = state.extras.get("next_hop")
    if hop is None:
        relay = state.config.relay
        host, _, port = relay.next_hop.rpartition(":")
        hop = state.extras["next_hop"] = NextHop(host.strip("[]"), int(port), relay.next_hop_timeout_seconds, keep=2)
    assert isinstance(hop, NextHop)
    return hop
