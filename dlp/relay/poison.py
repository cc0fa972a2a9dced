"""The poison-message shunt: a message that keeps killing or hanging scanning processes is held, not retried.

Runs in the relay's own process (in a thread, off the event loop) and never parses the message: it stores
the original, encrypted, with its envelope, and records an unscannable_content incident naming the reason.
"""

from __future__ import annotations

from dlp import handlers
from dlp.config import Config
from dlp.model import Channel
from dlp.policy import Policy
from dlp.quarantine import Quarantine
from dlp.relay.worker import Outcome, RelayMessage
from dlp.rules import RULES
from dlp.store import IncidentStore
from dlp.workers.held import RULE, StrikeBook, unscannable_item, unscannable_verdict


class PoisonShunt:
    def __init__(self, config: Config) -> None:
        self.policy = Policy.from_config(config)
        self.store = IncidentStore.from_config(config)
        self.vault = Quarantine.from_config(config)
        self.strikes = StrikeBook()

    def hold(self, message: RelayMessage, digest: str, reason: str) -> Outcome:
        item = unscannable_item("email", message.source, reason, digest, message.recipients)
        verdict = unscannable_verdict(self.policy, item)
        (held,) = handlers.hold(
            self.store,
            self.vault,
            message.data,
            message.envelope,
            [(item, verdict)],
            Channel.RELAY,
            None,
            ref=message.ref,
            origin=message.client,
        )
        return Outcome(held.decision.value, (RULE,), RULES[RULE].title, held.incident, quarantined=True)
