"""Australian Tax File Number, check digit by python-stdnum."""

from __future__ import annotations

from presidio_analyzer import Pattern
from stdnum.au import tfn

from dlp.recognizers.context_pattern_recognizer import ContextPatternRecognizer


class AuTfnRecognizer(ContextPatternRecognizer):
    PATTERNS = [
        Pattern("TFN (spaced)", r"\b\d{3}[ \-]\d{3}[ \-]\d{2,3}\b", 0.4),
        Pattern("TFN (plain)", r"\b\d{8,9}\b", 0.1),
    ]
    CONTEXT = ["tax file number", "tax file no", "tfn"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="AU_TFN", patterns=self.PATTERNS, context=self.CONTEXT, supported_language="en"
        )

    def validate_result(self, pattern_text: str) -> bool:
        return bool(tfn.is_valid(pattern_text))
