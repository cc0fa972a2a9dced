"""From Presidio results to Findings: who each detected value belongs to, and how strongly it says so."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from dlp.model import Communication, Finding, Part
from dlp.normalize import CompactText, compact
from dlp.recognizers.registry_recognizer import CLIENTS_KEY, MATCH_KEY, SUPPRESSED_KEY
from dlp.registry.index import STRONG_ENTITIES


def analyse_part(analyzer: AnalyzerEngine, part: Part, language: str = "en") -> list[Finding]:
    if part.error is not None or not part.text.strip():
        return []
    results = analyzer.analyze(text=part.text, language=language)
    return [_finding(result, part.name) for result in results]


def _finding(result: RecognizerResult, part: str) -> Finding:
    meta = result.recognition_metadata or {}
    return Finding(
        entity=result.entity_type,
        part=part,
        start=result.start,
        end=result.end,
        score=result.score,
        clients=frozenset(meta.get(CLIENTS_KEY, ())),
        strong=result.entity_type in STRONG_ENTITIES,
        suppressed_for=frozenset(meta.get(SUPPRESSED_KEY, ())),
        key=str(meta.get(MATCH_KEY, "")),
    )


def mark_addressee(item: Communication, findings: Iterable[Finding]) -> Iterator[Finding]:
    """Mark the findings that are the recipients' own details: on a letter, values written in its address
    block (wherever they recur); on a message, the recipients' email addresses."""
    texts = {part.name: part.text for part in item.parts}
    if item.kind == "letter":
        block = item.address_block
        own = CompactText.of(block.text) if block is not None and block.text else None
        for finding in findings:
            value = compact(texts.get(finding.part, "")[finding.start : finding.end])
            yield replace(finding, addressee=True) if own and _within(own, value) else finding
        return
    addresses = {compact(r) for r in item.recipients}
    for finding in findings:
        value = compact(texts.get(finding.part, "")[finding.start : finding.end])
        yield replace(finding, addressee=True) if value and value in addresses else finding


def _within(text: CompactText, value: str) -> bool:
    """Is `value` written in `text` on token boundaries?"""
    if not value:
        return False
    start = text.text.find(value)
    while start != -1:
        if text.span(start + len(value) - 1, len(value)) is not None:
            return True
        start = text.text.find(value, start + 1)
    return False
