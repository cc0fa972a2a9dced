"""The poison-message shunt: a message that keeps killing or hanging scanning processes is held, not retried.

Runs in the relay's own process (in a thread, off the event loop) and never parses the message: it stores
the original, encrypted, with its envelope, and records an unscannable_content incident naming the reason.
"""

from __future__ import annotations

from dlp.config import Config
from dlp.model import Channel
from dlp.policy import Policy
from dlp.quarantine import Quarantine
from dlp.relay.worker import HELD_ACTION, Outcome, RelayMessage
from dlp.rules import RULES
from dlp.store import IncidentStore
from dlp.workers.held import RULE, StrikeBook, incidents_held_as, unscannable_item, unscannable_verdict


class PoisonShunt:
    def __init__(self, config: Config) -> None:
        self.policy = Policy.load(config.resolve_path(config.policy.path) if config.policy.path else None)
        self.store = IncidentStore.from_config(config)
        self.vault = Quarantine.from_config(config)
        self.strikes = StrikeBook()

    def hold(self, message: RelayMessage, digest: str, reason: str) -> Outcome:
        item = unscannable_item("email", message.source, reason, digest, message.recipients)
        verdict = unscannable_verdict(self.policy, item)
        ref = self.vault.store(message.data, message.envelope, ref=message.ref)
        held = incidents_held_as(self.store, ref)
        incident = (
            held[0]
            if held
            else self.store.record(verdict, item, Channel.RELAY, None, HELD_ACTION, ref, origin=message.client)
        )
        return Outcome(verdict.decision.value, (RULE,), RULES[RULE].title, incident, quarantined=True)
