"""One pipeline for every entry point: extract → analyse → resolve → policy → verdict (+ incident)."""

from __future__ import annotations

import logging
from pathlib import Path

from presidio_analyzer import AnalyzerEngine

from dlp import handlers
from dlp.analysis.attribution import analyse_part, mark_addressee
from dlp.analysis.direct import DirectAnalyzer
from dlp.analysis.engine import NER_ENTITIES, build_analyzer
from dlp.analysis.local import load_local_recognizers
from dlp.config import Config
from dlp.errors import RegistryError, RegistryUnavailable
from dlp.extract import load_items
from dlp.model import Channel, Communication, Finding, Recipient, ScanContext, Verdict
from dlp.policy import Policy
from dlp.recognizers import shipped_entities
from dlp.registry import RegistryIndex
from dlp.registry.live import LiveRegistry
from dlp.registry.resolve import RecipientResolver
from dlp.store import IncidentStore

log = logging.getLogger("dlp.scanner")


def registry_location(config: Config, registry_path: str | None = None) -> str:
    """`--registry`, else `[registry] path` (relative to the configuration file)."""
    path = registry_path or (str(config.resolve_path(config.registry.path)) if config.registry.path else None)
    if not path:
        raise RegistryError("no client registry: give --registry FILE or set [registry] path")
    return path


class Scanner:
    """Built once per process (the analyzer is the expensive part); scans many items.

    The registry is live: each scan starts by asking it for the current index (`refresh`), and the whole
    item is scanned against that one version. With no valid registry, scanning raises RegistryUnavailable."""

    def __init__(
        self,
        config: Config,
        index: RegistryIndex | LiveRegistry,
        policy: Policy,
        store: IncidentStore | None = None,
        analyzer: AnalyzerEngine | None = None,
    ) -> None:
        self.config = config
        self.registry = index if isinstance(index, LiveRegistry) else LiveRegistry.fixed(index)
        self.policy = policy
        self.store = store
        self.limits = config.limits
        self._analyzer = analyzer
        self._direct: DirectAnalyzer | None = None
        self._index: RegistryIndex | None = None
        self._resolver: RecipientResolver | None = None
        # The organisation's recognisers are read and the policy's entity names checked now, at start-up.
        self.local_recognizers = load_local_recognizers(config.resolve_path(p) for p in config.analysis.recognizers)
        known = set(shipped_entities()) | {e for r in self.local_recognizers for e in r.supported_entities}
        policy.check_entities(known | (NER_ENTITIES if config.analysis.spacy_model else set()))
        try:
            self.refresh()
        except RegistryUnavailable:
            pass  # fail closed: every scan raises until a registry is there

    @classmethod
    def from_config(
        cls, config: Config, registry_path: str | None = None, with_store: bool = True, long_running: bool = False
    ) -> Scanner:
        """A scanner on the configured registry. One-off commands stop at once on a bad registry;
        `long_running` channels start anyway and refuse to scan until a valid registry is there."""
        path = registry_location(config, registry_path)
        registry = LiveRegistry(path, config.registry, write_status=long_running)
        if not long_running:
            registry.refresh()
            registry.current()
        policy = Policy.from_config(config)
        store = IncidentStore.from_config(config) if with_store else None
        return cls(config, registry, policy, store)

    def refresh(self) -> RegistryIndex:
        """The current registry index; a new version is switched to here, between items."""
        index = self.registry.current()
        if index is not self._index:
            if self._analyzer is None:
                self._analyzer = build_analyzer(index, self.config.analysis, self.local_recognizers)
            else:
                for recognizer in self._analyzer.registry.recognizers:
                    use_index = getattr(recognizer, "use_index", None)
                    if use_index is not None:
                        use_index(index)
            if self._direct is None or self._direct.engine is not self._analyzer:
                # Without an NLP model the recognisers are called directly (same recognisers, same findings).
                self._direct = DirectAnalyzer.of(self._analyzer, self.config.analysis.language)
            self._resolver = RecipientResolver(index, self.config.organisation)
            self._index = index
        return index

    @property
    def index(self) -> RegistryIndex:
        return self._index if self._index is not None else self.refresh()

    @property
    def analyzer(self) -> AnalyzerEngine:
        if self._analyzer is None:
            self.refresh()
        assert self._analyzer is not None
        return self._analyzer

    @property
    def resolver(self) -> RecipientResolver:
        if self._resolver is None:
            self.refresh()
        assert self._resolver is not None
        return self._resolver

    def resolve(self, item: Communication) -> tuple[Recipient, ...]:
        if item.kind == "letter":
            return self.resolver.letter(item.address_block, item.address_problem)
        return tuple(self.resolver.email(addr, f"recipient {i}") for i, addr in enumerate(item.recipients, 1))

    def analyse(self, item: Communication) -> tuple[Finding, ...]:
        lang = self.config.analysis.language
        analyzer = self._direct or self.analyzer
        findings = [f for part in item.parts for f in analyse_part(analyzer, part, lang)]
        return tuple(mark_addressee(item, findings))

    def scan(self, item: Communication, channel: Channel = Channel.CLI, record: bool = True) -> Verdict:
        index = self.refresh()
        recipients = self.resolve(item)
        if item.kind == "email" and not recipients:
            # A message with no recipient we can see is treated as going to someone unknown.
            recipients = (self.resolver.email("undisclosed@invalid", "recipient 1"),)
        ctx = ScanContext(item, self.analyse(item), recipients, index.joint)
        verdict = self.policy.evaluate(ctx)
        if record:
            verdict = handlers.record(self.store, verdict, item, channel, index)
        log.info(
            "scanned %s item: decision=%s rules=%s incident=%s",
            item.kind,
            verdict.decision.value,
            ",".join(sorted({v.rule for v in verdict.violations})) or "-",
            verdict.incident or "-",
        )
        return verdict

    def scan_path(self, path: str | Path, channel: Channel = Channel.CLI) -> list[Verdict]:
        """Scan a file: one verdict for a message or letter, one per letter of a merged print file."""
        return [self.scan(item, channel) for item in load_items(path, self.limits)]
