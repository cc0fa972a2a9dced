"""Australian phone numbers, validated with phonenumbers (region AU).

Presidio's PhoneRecognizer runs phonenumbers' matcher over the whole text, which is slow; this recogniser
finds candidates with a regex and lets phonenumbers judge only those.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumber
from presidio_analyzer import Pattern, PatternRecognizer

from dlp.analysis.prefilter import Needs
from dlp.recognizers.context_pattern_recognizer import CASELESS_FLAGS


class AuPhoneRecognizer(PatternRecognizer):
    PATTERNS = [
        Pattern("AU phone", r"(?<![\w+])(?:\+?61[ \-]?|0)[2-478](?:[ \-]?\d){8}\b", 0.4),
        Pattern("AU local rate", r"\b1[38]00(?:[ \-]?\d){6}\b|\b13(?:[ \-]?\d){4}\b", 0.4),
    ]
    CONTEXT = ["phone", "mobile", "tel", "call", "ph"]
    NEEDS = Needs(chain=6)  # 13 and four digits at least, at most one space or hyphen between digits
    PATTERN_NEEDS = {
        "AU phone": Needs(chain=10),
        "AU local rate": Needs(chain=6),
    }  # 0 or 61 and nine digits; 13 and four

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language="en",
            global_regex_flags=CASELESS_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return _is_valid_au_number(pattern_text)


_AREA = "23478"  # what follows the 0 in the "AU phone" pattern


@lru_cache(maxsize=4096)
def _is_valid_au_number(text: str) -> bool:
    # Cached: the organisation's own numbers recur in every letter.
    digits = text.replace(" ", "").replace("-", "")
    if len(digits) == 10 and digits[0] == "0" and digits[1] in _AREA and digits.isascii() and digits.isdigit():
        # The national form (0, an area or mobile digit, eight more) is what parse() makes (61, the nine digits)
        # of it, in a third of the time: an extract has dozens of numbers, none seen before. tests/recognizers
        # checks that the two agree.
        return bool(phonenumbers.is_valid_number(PhoneNumber(country_code=61, national_number=int(digits[1:]))))
    try:
        number = phonenumbers.parse(text, "AU")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))
