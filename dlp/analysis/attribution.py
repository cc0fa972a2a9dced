"""From Presidio results to Findings: who each detected value belongs to, and how strongly it says so."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from dlp.analysis.direct import DirectAnalyzer, results_as_hits
from dlp.model import Communication, Finding, Part
from dlp.normalize import CompactText, compact
from dlp.registry.index import STRONG_ENTITIES

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine


def analyse_part(analyzer: AnalyzerEngine | DirectAnalyzer, part: Part, language: str = "en") -> list[Finding]:
    if part.error is not None or not part.text.strip():
        return []
    if isinstance(analyzer, DirectAnalyzer):
        hits = analyzer.hits(part.text)
    else:
        hits = results_as_hits(analyzer.analyze(text=part.text, language=language))
    name = part.name
    make = Finding.of
    return [
        make(
            hit.entity,
            name,
            hit.start,
            hit.end,
            hit.score,
            frozenset(hit.clients),
            hit.entity in STRONG_ENTITIES,
            frozenset(hit.suppressed_for),
            hit.key,
        )
        for hit in hits
    ]


def mark_addressee(item: Communication, findings: Iterable[Finding]) -> Iterator[Finding]:
    """Mark the findings that are the recipients' own details: on a letter, values written in its address
    block (wherever they recur); on a message, the recipients' email addresses."""
    texts = {part.name: part.text for part in item.parts}
    values: dict[tuple[str, int, int], str] = {}  # several findings share a span (an extract: hundreds)

    def value(finding: Finding) -> str:
        span = (finding.part, finding.start, finding.end)
        found = values.get(span)
        if found is None:
            found = values[span] = _compact(texts.get(finding.part, "")[finding.start : finding.end])
        return found

    if item.kind == "letter":
        block = item.address_block
        own = CompactText.of(block.text) if block is not None and block.text else None
        for finding in findings:
            yield finding.as_addressee() if own and _within(own, value(finding)) else finding
        return
    addresses = {compact(r) for r in item.recipients}
    for finding in findings:
        # A recipient's address is written with its "@": the other values (an extract's hundreds) need not be
        # compacted to be compared.
        written = texts.get(finding.part, "").find("@", finding.start, finding.end) >= 0 and value(finding)
        yield finding.as_addressee() if written and written in addresses else finding


# The organisation's own details (its phone number, ABN, email address) are found in every letter it sends.
_compact = lru_cache(maxsize=4096)(compact)


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
