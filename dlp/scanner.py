"""One pipeline for every entry point: extract → analyse → resolve → policy → verdict (+ incident)."""

from __future__ import annotations

import logging
from pathlib import Path

from presidio_analyzer import AnalyzerEngine

from dlp.analysis.attribution import analyse_part, mark_addressee
from dlp.analysis.engine import build_analyzer
from dlp.config import Config
from dlp.errors import RegistryError
from dlp.extract import load_items
from dlp.model import Channel, Communication, Finding, Recipient, ScanContext, Verdict
from dlp.policy import Policy
from dlp.registry import RegistryIndex, load_registry
from dlp.registry.resolve import RecipientResolver
from dlp.store import IncidentStore

log = logging.getLogger("dlp.scanner")

ACTIONS = {
    Channel.CLI: "Item reported by dlp scan as not to be sent; the sender was shown the reason.",
    Channel.RELAY: "Message not delivered by the relay.",
    Channel.FOLDER: "Letter moved to quarantine before printing.",
    Channel.BATCH: "Letter withdrawn from the mail-merge run.",
}


class Scanner:
    """Built once per process (registry and analyzer are the expensive parts); scans many items."""

    def __init__(
        self,
        config: Config,
        index: RegistryIndex,
        policy: Policy,
        store: IncidentStore | None = None,
        analyzer: AnalyzerEngine | None = None,
    ) -> None:
        self.config = config
        self.index = index
        self.policy = policy
        self.store = store
        self.analyzer = analyzer or build_analyzer(index, config.analysis)
        self.resolver = RecipientResolver(index, config.organisation)
        self.limits = config.limits

    @classmethod
    def from_config(cls, config: Config, registry_path: str | None = None, with_store: bool = True) -> Scanner:
        path = registry_path or (str(config.resolve_path(config.registry.path)) if config.registry.path else None)
        if not path:
            raise RegistryError("no client registry: give --registry FILE or set [registry] path")
        index = load_registry(path)
        policy_path = config.resolve_path(config.policy.path) if config.policy.path else None
        policy = Policy.load(policy_path)
        store = IncidentStore.from_config(config) if with_store else None
        return cls(config, index, policy, store)

    def resolve(self, item: Communication) -> tuple[Recipient, ...]:
        if item.kind == "letter":
            return self.resolver.letter(item.address_block, item.address_problem)
        return tuple(self.resolver.email(addr, f"recipient {i}") for i, addr in enumerate(item.recipients, 1))

    def analyse(self, item: Communication) -> tuple[Finding, ...]:
        lang = self.config.analysis.language
        findings = [f for part in item.parts for f in analyse_part(self.analyzer, part, lang)]
        return tuple(mark_addressee(item, findings))

    def scan(self, item: Communication, channel: Channel = Channel.CLI, record: bool = True) -> Verdict:
        recipients = self.resolve(item)
        if item.kind == "email" and not recipients:
            # A message with no recipient we can see is treated as going to someone unknown.
            recipients = (self.resolver.email("undisclosed@invalid", "recipient 1"),)
        ctx = ScanContext(item, self.analyse(item), recipients, self.index.joint)
        verdict = self.policy.evaluate(ctx)
        if record:
            verdict = self.record(verdict, item, channel)
        log.info(
            "scanned %s item: decision=%s rules=%s incident=%s",
            item.kind,
            verdict.decision.value,
            ",".join(sorted({v.rule for v in verdict.violations})) or "-",
            verdict.incident or "-",
        )
        return verdict

    def record(
        self,
        verdict: Verdict,
        item: Communication,
        channel: Channel,
        action: str | None = None,
        quarantine_ref: str | None = None,
        origin: str | None = None,
    ) -> Verdict:
        """Store an incident for a verdict with violations; the verdict comes back with its incident id."""
        if self.store is None or not verdict.violations:
            return verdict
        incident = self.store.record(
            verdict, item, channel, self.index, action or ACTIONS[channel], quarantine_ref, origin=origin
        )
        return verdict.with_incident(incident)

    def scan_path(self, path: str | Path, channel: Channel = Channel.CLI) -> list[Verdict]:
        """Scan a file: one verdict for a message or letter, one per letter of a merged print file."""
        return [self.scan(item, channel) for item in load_items(path, self.limits)]
