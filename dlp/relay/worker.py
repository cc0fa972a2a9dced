"""The scanning side of the relay, run in worker processes: each builds the scanner once.

A worker returns a small PII-free Outcome; anything it raises becomes a 451 in the server, so the
sending MTA keeps the message and retries.
"""

from __future__ import annotations

from dataclasses import dataclass

from dlp.checks import RULES
from dlp.config import Config
from dlp.extract import communication_from_message
from dlp.model import Channel, Decision
from dlp.quarantine import Quarantine
from dlp.scanner import Scanner

_scanner: Scanner | None = None
_quarantine: Quarantine | None = None


@dataclass(frozen=True)
class Outcome:
    decision: str
    rules: tuple[str, ...]
    words: str  # the rules in words, for the sender: no personal data
    incident: str | None
    quarantined: bool


def init_worker(config: Config, registry_path: str | None) -> None:
    """`registry_path` is the index every worker maps (`SharedRegistry.worker_path`): one copy per host.
    A worker starts even without a valid registry; until there is one, each scan raises RegistryUnavailable."""
    global _scanner, _quarantine
    _scanner = Scanner.from_config(config, registry_path, long_running=True)
    _quarantine = Quarantine.from_config(config)


def scan_message(
    data: bytes, recipients: list[str], client: str | None, sender: str = "", mail_options: tuple[str, ...] = ()
) -> Outcome:
    assert _scanner is not None and _quarantine is not None, "worker not initialised"
    item = communication_from_message(
        data, f"relay message from {client or 'local client'}", _scanner.limits, envelope_recipients=recipients
    )
    verdict = _scanner.scan(item, Channel.RELAY, record=False)
    quarantined = False
    if verdict.decision is Decision.QUARANTINE:
        # Durably stored before anyone answers 250: a crash after this loses nothing.
        envelope = {"mail_from": sender, "rcpt_tos": recipients, "mail_options": list(mail_options)}
        ref = _quarantine.store(data, envelope)
        quarantined = True
        verdict = _scanner.record(
            verdict, item, Channel.RELAY, "Message held in quarantine by the relay.", ref, origin=client
        )
    elif verdict.violations:
        action = (
            "Message refused by the relay; the sender was told why."
            if verdict.decision is Decision.REJECT
            else "Message delivered with a warning recorded."
        )
        verdict = _scanner.record(verdict, item, Channel.RELAY, action, origin=client)
    rules = tuple(sorted({v.rule for v in verdict.violations}))
    words = "; ".join(RULES[r].title for r in rules)
    return Outcome(verdict.decision.value, rules, words, verdict.incident, quarantined)
