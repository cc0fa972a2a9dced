"""Australian Tax File Number, check digit by python-stdnum."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern
from stdnum.au import tfn

from dlp.analysis.prefilter import Needs, spaced
from dlp.recognizers.context_pattern_recognizer import CASELESS_FLAGS, ContextPatternRecognizer


class AuTfnRecognizer(ContextPatternRecognizer):
    PATTERNS = [
        Pattern("TFN (spaced)", r"(?<![\d.\-])\d{3}([ \-.])\d{3}\1\d{2,3}(?![\d.\-]?\d)", 0.4),
        Pattern("TFN (plain)", r"(?<!\d)\d{8,9}(?!\d)", 0.1),
    ]
    CONTEXT = ["tax file number", "tax file no", "tfn"]
    SPACED = spaced(3, 3, 2)  # 3-3-2, or 3-3-3 which holds it
    NEEDS = Needs(runs=((8,), (9,)), shapes=SPACED)  # spaced, or 8 or 9 digits
    PATTERN_NEEDS = {
        "TFN (spaced)": Needs(shapes=SPACED, anchored=True),
        "TFN (plain)": Needs(runs=((8,), (9,)), anchored=True),
    }

    def __init__(self) -> None:
        super().__init__(
            supported_entity="AU_TFN",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language="en",
            global_regex_flags=CASELESS_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return bool(tfn.is_valid(re.sub(r"\D", "", pattern_text)))
