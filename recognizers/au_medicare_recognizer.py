"""Australian Medicare card number.

python-stdnum has no Medicare module, so the check digit is computed here: weights 1,3,7,9,1,3,7,9 over the
first eight digits, sum mod 10 is the ninth; the first digit is 2 to 6; a tenth digit (issue number) and an
optional individual reference number may follow.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from dlp.analysis.prefilter import Needs, spaced
from dlp.recognizers.context_pattern_recognizer import CASELESS_FLAGS, ContextPatternRecognizer

WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9)


class AuMedicareRecognizer(ContextPatternRecognizer):
    PATTERNS = [
        Pattern("Medicare (spaced)", r"(?<![\d.\-])[2-6]\d{3}([ \-.])\d{5}\1\d(?:[ /\-.]?\d)?(?![\d.\-]?\d)", 0.5),
        Pattern("Medicare (plain)", r"(?<!\d)[2-6]\d{9,10}(?!\d)", 0.1),
    ]
    CONTEXT = ["medicare"]
    NEEDS = Needs(runs=((4, 5), (10,), (11,)))  # 4-5-1, or 10 or 11 digits
    PATTERN_NEEDS = {
        "Medicare (spaced)": Needs(shapes=spaced(4, 5, 1), anchored=True),
        "Medicare (plain)": Needs(runs=((10,), (11,)), anchored=True),
    }
    SELF_EVIDENT_PATTERNS = ("Medicare (spaced)",)

    def __init__(self) -> None:
        super().__init__(
            supported_entity="AU_MEDICARE",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language="en",
            global_regex_flags=CASELESS_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool:
        digits = re.sub(r"\D", "", pattern_text)
        if len(digits) not in (10, 11) or digits[0] not in "23456":
            return False
        check = sum(int(d) * w for d, w in zip(digits[:8], WEIGHTS, strict=True)) % 10
        return check == int(digits[8])
