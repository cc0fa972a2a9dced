"""Australian Business Number, check digits by python-stdnum. Public, so reported but not sensitive."""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import Pattern
from stdnum.au import abn

from dlp.analysis.prefilter import Needs, spaced
from dlp.recognizers.context_pattern_recognizer import CASELESS_FLAGS, ContextPatternRecognizer


class AuAbnRecognizer(ContextPatternRecognizer):
    PATTERNS = [
        Pattern("ABN (spaced)", r"(?<![\d.\-])\d{2}([ \-.])\d{3}\1\d{3}\1\d{3}(?![\d.\-]?\d)", 0.5),
        Pattern("ABN (plain)", r"(?<!\d)\d{11}(?!\d)", 0.1),
    ]
    CONTEXT = ["abn", "australian business number"]
    SPACED = spaced(2, 3, 3, 3)
    NEEDS = Needs(runs=((11,),), shapes=SPACED)  # 2-3-3-3, or 11 digits
    PATTERN_NEEDS = {
        "ABN (spaced)": Needs(shapes=SPACED, anchored=True),
        "ABN (plain)": Needs(runs=((11,),), anchored=True),
    }
    SELF_EVIDENT_PATTERNS = ("ABN (spaced)",)

    def __init__(self) -> None:
        super().__init__(
            supported_entity="AU_ABN",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language="en",
            global_regex_flags=CASELESS_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return _is_valid(pattern_text)


@lru_cache(maxsize=1024)
def _is_valid(text: str) -> bool:
    # Cached: the organisation's own ABN is in the letterhead of every letter it sends.
    return bool(abn.is_valid(re.sub(r"\D", "", text)))
