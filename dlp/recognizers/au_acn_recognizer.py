"""Australian Company Number, check digit by python-stdnum."""

from __future__ import annotations

from presidio_analyzer import Pattern
from stdnum.au import acn

from dlp.recognizers.context_pattern_recognizer import ContextPatternRecognizer


class AuAcnRecognizer(ContextPatternRecognizer):
    PATTERNS = [
        Pattern("ACN (spaced)", r"\b\d{3} \d{3} \d{3}\b", 0.3),
        Pattern("ACN (plain)", r"\b\d{9}\b", 0.1),
    ]
    CONTEXT = ["acn", "australian company number"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="AU_ACN", patterns=self.PATTERNS, context=self.CONTEXT, supported_language="en"
        )

    def validate_result(self, pattern_text: str) -> bool:
        return bool(acn.is_valid(pattern_text))
