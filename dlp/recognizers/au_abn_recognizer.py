"""Australian Business Number, check digits by python-stdnum. Public, so reported but not sensitive."""

from __future__ import annotations

from presidio_analyzer import Pattern
from stdnum.au import abn

from dlp.recognizers.context_pattern_recognizer import ContextPatternRecognizer


class AuAbnRecognizer(ContextPatternRecognizer):
    PATTERNS = [
        Pattern("ABN (spaced)", r"\b\d{2} \d{3} \d{3} \d{3}\b", 0.5),
        Pattern("ABN (plain)", r"\b\d{11}\b", 0.1),
    ]
    CONTEXT = ["abn", "australian business number"]
    SELF_EVIDENT_PATTERNS = ("ABN (spaced)",)

    def __init__(self) -> None:
        super().__init__(
            supported_entity="AU_ABN", patterns=self.PATTERNS, context=self.CONTEXT, supported_language="en"
        )

    def validate_result(self, pattern_text: str) -> bool:
        return bool(abn.is_valid(pattern_text))
