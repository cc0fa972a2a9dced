"""Payment card numbers: Presidio's credit-card recogniser, with the digit groups a card is written in.

Presidio's pattern takes any 13 to 19 digits in up to four groups, and Luhn passes one run in ten. Bank
files and statements are full of such runs that are no card: a direct-entry line's BSB and account number
("1633-000394442203": a group of twelve). A card is printed as one run or in groups of at most eight digits (4-4-4-4,
Amex 4-6-5, Diners 4-6-4, a typist's 8-8 or 4-4-8, a mis-typed 4-4-3-5); a longer group is not a card's.
"""

from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers.generic.credit_card_recognizer import CreditCardRecognizer

_GROUPS = re.compile(r"\d+")


class CardNumberRecognizer(CreditCardRecognizer):
    """CREDIT_CARD, as Presidio finds it, in a card's own layout."""

    def __init__(self) -> None:
        # Presidio's name: results and the prefilter's needs (dlp.analysis.prefilter.FOREIGN_NEEDS) go by it.
        super().__init__(supported_language="en", name="CreditCardRecognizer")

    def validate_result(self, pattern_text: str) -> bool:
        groups = [len(g) for g in _GROUPS.findall(pattern_text)]
        if len(groups) > 1 and max(groups) > 8:
            return False
        return bool(super().validate_result(pattern_text))
