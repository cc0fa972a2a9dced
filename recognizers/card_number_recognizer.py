"""Payment card numbers: Presidio's credit-card recogniser, with the digit groups a card is written in.

Presidio's pattern takes any 13 to 19 digits in up to four groups, and Luhn passes one run in ten. Bank
files and statements are full of such runs that are no card: a direct-entry line's BSB and account number
("1633-000394442203"), a reference glued to an amount. A card is printed as one run, or in the groups of its
scheme (4-4-4-4, Amex 4-6-5, Diners 4-6-4, and the shorter 4-4-4-n of 13 to 15 digits); anything else is not
taken for one.
"""

from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers.generic.credit_card_recognizer import CreditCardRecognizer

_GROUPS = re.compile(r"\d+")
CARD_LAYOUTS = frozenset({(4, 4, 4, 4), (4, 6, 5), (4, 6, 4), (4, 4, 4, 1), (4, 4, 4, 2), (4, 4, 4, 3)})


class CardNumberRecognizer(CreditCardRecognizer):
    """CREDIT_CARD, as Presidio finds it, in a card's own layout."""

    def __init__(self) -> None:
        # Presidio's name: results and the prefilter's needs (dlp.analysis.prefilter.FOREIGN_NEEDS) go by it.
        super().__init__(supported_language="en", name="CreditCardRecognizer")

    def validate_result(self, pattern_text: str) -> bool:
        groups = tuple(len(g) for g in _GROUPS.findall(pattern_text))
        if len(groups) > 1 and groups not in CARD_LAYOUTS:
            return False
        return bool(super().validate_result(pattern_text))
