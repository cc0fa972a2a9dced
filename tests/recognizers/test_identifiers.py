from __future__ import annotations

import pytest
from dlp.recognizers import AuAbnRecognizer, AuMedicareRecognizer, AuPhoneRecognizer, AuTfnRecognizer


def entities(recognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TFN: 123 456 782", ["123 456 782"]),
        ("tax file number 123456782", ["123456782"]),
        ("TFN: 123 456 789", []),  # bad check digit
        ("parcel 123 456 782", []),  # no context
    ],
)
def test_tfn(text: str, expected: list[str]) -> None:
    assert entities(AuTfnRecognizer(), text) == expected


def test_medicare_and_abn() -> None:
    assert entities(AuMedicareRecognizer(), "card 2123 45670 1") == ["2123 45670 1"]
    assert entities(AuMedicareRecognizer(), "card 2123 45671 1") == []
    assert entities(AuAbnRecognizer(), "ABN 51 824 753 556") == ["51 824 753 556"]
    assert entities(AuAbnRecognizer(), "ABN 51 824 753 557") == []


def test_au_phone_validated_by_phonenumbers() -> None:
    assert entities(AuPhoneRecognizer(), "call 0412 345 678 or (no) 0112 345 678") == ["0412 345 678"]
