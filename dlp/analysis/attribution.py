"""From Presidio results to Findings: who each detected value belongs to, and how strongly it says so."""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from dlp.model import Finding, Part
from dlp.recognizers.registry_recognizer import CLIENTS_KEY, MATCH_KEY, SUPPRESSED_KEY
from dlp.registry.index import CLIENT_DOB, CLIENT_NAME, STRONG_ENTITIES

CLIENT_NAME_DOB = "CLIENT_NAME_DOB"


def analyse_part(analyzer: AnalyzerEngine, part: Part, language: str = "en") -> list[Finding]:
    if part.error is not None or not part.text.strip():
        return []
    results = analyzer.analyze(text=part.text, language=language)
    findings = [_finding(result, part.name) for result in results]
    return findings + _name_and_birth_date(findings, part.name)


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


def _name_and_birth_date(findings: list[Finding], part: str) -> list[Finding]:
    """A name with the same client's birth date in one part identifies that client:
    two clients can share a name, but not also a birth date."""
    names = [f for f in findings if f.entity == CLIENT_NAME]
    out = []
    for dob in (f for f in findings if f.entity == CLIENT_DOB):
        for name in names:
            both = dob.clients & name.clients
            if both:
                out.append(
                    Finding(
                        CLIENT_NAME_DOB,
                        part,
                        min(name.start, dob.start),
                        max(name.end, dob.end),
                        1.0,
                        frozenset(both),
                        strong=True,
                        key=name.key + "|" + dob.key,
                    )
                )
    return out
