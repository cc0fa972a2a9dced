"""Australian Company Number, check digit by python-stdnum."""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import Pattern
from stdnum.au import acn

from dlp.analysis.prefilter import Needs, spaced
from dlp.recognizers.context_pattern_recognizer import CASELESS_FLAGS, ContextPatternRecognizer


class AuAcnRecognizer(ContextPatternRecognizer):
    PATTERNS = [
        Pattern("ACN (spaced)", r"(?<![\d.\-])\d{3}([ \-.])\d{3}\1\d{3}(?![\d.\-]?\d)", 0.3),
        Pattern("ACN (plain)", r"(?<!\d)\d{9}(?!\d)", 0.1),
    ]
    CONTEXT = ["acn", "australian company number"]
    SPACED = spaced(3, 3, 3)
    NEEDS = Needs(runs=((9,),), shapes=SPACED)  # 3-3-3, or 9 digits
    PATTERN_NEEDS = {
        "ACN (spaced)": Needs(shapes=SPACED, anchored=True),
        "ACN (plain)": Needs(runs=((9,),), anchored=True),
    }

    def __init__(self) -> None:
        super().__init__(
            supported_entity="AU_ACN",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language="en",
            global_regex_flags=CASELESS_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return _is_valid(pattern_text)


@lru_cache(maxsize=1024)
def _is_valid(text: str) -> bool:
    # Cached: the organisation's own ACN is in the letterhead of every letter it sends.
    return bool(acn.is_valid(re.sub(r"\D", "", text)))
