"""One pipeline for every entry point: extract → analyse → resolve → policy → verdict (+ incident)."""

from __future__ import annotations

import logging
from dataclasses import replace
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from dlp import handlers, normalize
from dlp.analysis import prefilter
from dlp.analysis.attribution import analyse_part, mark_addressee
from dlp.analysis.direct import DirectAnalyzer
from dlp.analysis.local import load_local_recognizers
from dlp.analysis.namesakes import name_the_namesakes
from dlp.analysis.pipeline import NER_ENTITIES, default_recognizers
from dlp.analysis.premises import OwnPremises, mark_towns
from dlp.analysis.streets import widen_to_her_street
from dlp.analysis.surnames import name_her_by_surname
from dlp.config import AnalysisConfig, Config
from dlp.errors import RegistryError, RegistryUnavailable
from dlp.extract import load_items
from dlp.model import Channel, Communication, Finding, Recipient, RecipientKind, ScanContext, Verdict
from dlp.policy import Policy
from dlp.recognizers import shipped_entities
from dlp.registry import RegistryIndex
from dlp.registry.entities import CLIENT_LOCALITY
from dlp.registry.live import LiveRegistry
from dlp.registry.resolve import CARE_OF, RecipientResolver

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer

    from dlp.store import IncidentStore

log = logging.getLogger("dlp.scanner")
_ENTITY = attrgetter("entity")


def registry_location(config: Config, registry_path: str | None = None) -> str:
    """`--registry`, else `[registry] path` (relative to the configuration file)."""
    path = registry_path or (str(config.resolve_path(config.registry.path)) if config.registry.path else None)
    if not path:
        raise RegistryError("no client registry: give --registry FILE or set [registry] path")
    return path


def engine_of(recognizers: list[EntityRecognizer], settings: AnalysisConfig) -> AnalyzerEngine:
    """Presidio's engine (and with a model, spaCy): imported only here, when a scanner needs it."""
    from dlp.analysis.engine import engine_of as build

    return build(recognizers, settings)


class Scanner:
    """Built once per process (the analyzer is the expensive part); scans many items.

    The registry is live: each scan starts by asking it for the current index (`refresh`), and the whole
    item is scanned against that one version. With no valid registry, scanning raises RegistryUnavailable.
    Without a spaCy model the recognisers are called directly (DirectAnalyzer): Presidio's AnalyzerEngine, and
    with it spaCy, is then built only if something asks for `analyzer` (the review UI's evidence view)."""

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
        self._recognizers: list[EntityRecognizer] | None = None  # those of the pipeline, built once
        self._direct: DirectAnalyzer | None = None
        self._index: RegistryIndex | None = None
        self._resolver: RecipientResolver | None = None
        self.premises = OwnPremises(config.organisation.own_details)
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
        registry = LiveRegistry(path, config.registry, write_status=long_running, log_refusals=long_running)
        if not long_running:
            registry.refresh()
            registry.current()
        policy = Policy.from_config(config)
        store = None
        if with_store:
            from dlp.store import IncidentStore

            store = IncidentStore.from_config(config)
        return cls(config, registry, policy, store)

    def refresh(self) -> RegistryIndex:
        """The current registry index; a new version is switched to here, between items."""
        index = self.registry.current()
        if index is not self._index:
            settings = self.config.analysis
            if self._index is None:  # the first index: the recognisers are made on it
                if self._analyzer is not None:  # given one
                    self._direct = DirectAnalyzer.of(self._analyzer, settings.language)
                else:
                    self._recognizers = default_recognizers(index, self.local_recognizers)
                    if settings.spacy_model:
                        self._analyzer = engine_of(self._recognizers, settings)
                    else:  # no NLP model: the recognisers are called directly (same recognisers, same findings)
                        self._direct = DirectAnalyzer(self._recognizers, settings.language)
            else:
                recognizers = self._analyzer.registry.recognizers if self._analyzer else self._recognizers
                for recognizer in recognizers or ():
                    use_index = getattr(recognizer, "use_index", None)
                    if use_index is not None:
                        use_index(index)
            self._resolver = RecipientResolver(index, self.config.organisation, self.premises)
            self._index = index
        return index

    @property
    def index(self) -> RegistryIndex:
        return self._index if self._index is not None else self.refresh()

    @property
    def analyzer(self) -> AnalyzerEngine:
        """Presidio's engine over the scanner's recognisers (built on first use when there is no model)."""
        if self._analyzer is None and self._recognizers is None:
            self.refresh()
        if self._analyzer is None:
            assert self._recognizers is not None
            self._analyzer = engine_of(self._recognizers, self.config.analysis)
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
        findings = tuple(mark_addressee(item, [f for part in item.parts for f in analyse_part(analyzer, part, lang)]))
        # Where an item shows a suppressed client's suburb or her building, say more about it (most items: none).
        if self.premises:
            findings = self.premises.weaken(item, findings, self.index)
        if CLIENT_LOCALITY in map(_ENTITY, findings):
            findings = name_her_by_surname(item, widen_to_her_street(item, findings, self.index), self.index)
            findings = mark_towns(findings, self.premises.towns)
        return findings

    def scan(self, item: Communication, channel: Channel = Channel.CLI, record: bool = True) -> Verdict:
        # What was worked out about texts serves this scan's recognisers, never a later item: a message sent
        # again (a retry, a benchmark's one message sent a thousand times) is read again, as a new one is.
        normalize.forget_texts()
        prefilter.forget_texts()
        index = self.refresh()
        recipients = self.resolve(item)
        if item.kind == "email" and not recipients:
            # A message with no recipient we can see is treated as going to someone unknown.
            recipients = (self.resolver.email("undisclosed@invalid", "recipient 1"),)
        findings = self.analyse(item)
        if item.kind == "letter":
            recipients = self._through_organisation(item, recipients, findings)
        findings = name_the_namesakes(findings, recipients, index)
        ctx = ScanContext(item, findings, recipients, index.joint)
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

    def _through_organisation(
        self, item: Communication, recipients: tuple[Recipient, ...], findings: tuple[Finding, ...]
    ) -> tuple[Recipient, ...]:
        """A letter to someone unknown by name, or care of them, may be to an organisation a client it is about
        has authorised by email (an employer's payroll, a law firm): that reader is the authorised contact."""
        sole = len(recipients) == 1
        unknown = [r for r in recipients if r.kind is RecipientKind.UNKNOWN and (sole or r.label == CARE_OF)]
        if not unknown:
            return recipients
        found = frozenset(cid for f in findings if f.strong and not f.addressee for cid in f.clients)
        represented = self.resolver.to_their_organisation(found, item.address_block)
        if not represented:
            return recipients
        note = "addressed by name to the organisation of an authorised contact"
        return tuple(
            replace(r, kind=RecipientKind.AUTHORISED, authorised_for=represented, note=note) if r in unknown else r
            for r in recipients
        )

    def scan_path(self, path: str | Path, channel: Channel = Channel.CLI) -> list[Verdict]:
        """Scan a file: one verdict for a message or letter, one per letter of a merged print file."""
        return [self.scan(item, channel) for item in load_items(path, self.limits)]
