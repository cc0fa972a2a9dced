from __future__ import annotations

import random

import phonenumbers
import pytest

from dlp.recognizers import AuAbnRecognizer, AuAcnRecognizer, AuMedicareRecognizer, AuPhoneRecognizer, AuTfnRecognizer
from dlp.recognizers.au_phone_recognizer import _is_valid_au_number


def generated(pieces: list[str], seed: int, count: int, longest: int) -> list[str]:
    """`count` texts of 1 to `longest` pieces each, the same for the same seed."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, longest))) for _ in range(count)]


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


def test_au_phone_national_form_judged_as_parse_judges_it() -> None:
    """The national form (0, an area or mobile digit, eight more) skips phonenumbers' parse(): the same judgement
    on the leading five digits of every such number and on random numbers, with separators anywhere."""
    rng = random.Random(11)
    heads = [head for head in range(20000, 90000, 7) if str(head)[0] in "23478"]
    texts = [f"0{head}{tail}" for head in heads for tail in ("0000", "5555", "1234")]
    texts += ["0" + rng.choice("23478") + "".join(rng.choice("0123456789") for _ in range(8)) for _ in range(20000)]
    texts = [t[:2] + "".join(rng.choice(["", "", " ", "-"]) + c for c in t[2:]) for t in texts]
    valid = 0
    for text in texts:
        expected = phonenumbers.is_valid_number(phonenumbers.parse(text, "AU"))
        assert _is_valid_au_number(text) == expected, text
        valid += expected
    assert 0.2 * len(texts) < valid < 0.9 * len(texts)


def test_context_words_are_found_alike_in_ascii_and_other_text() -> None:
    """ASCII text is searched for context words lower-cased, other text with a case-insensitive regex: the
    same results either way (the non-ASCII twin differs only after the last match)."""
    pieces = ["TFN", "tfn ", "Tax File Number", "tax-file", "T F N", "file", " ", ": ", "\n", "no.", "123 456 782"]
    recognizer = AuTfnRecognizer()
    kept = 0
    for text in generated(pieces, 3, 3000, 8):
        ascii_found = entities(recognizer, text)
        assert entities(recognizer, text + " é") == ascii_found, text
        kept += len(ascii_found)
    assert kept > 150


CASELESS = [AuTfnRecognizer, AuAbnRecognizer, AuMedicareRecognizer, AuPhoneRecognizer, AuAcnRecognizer]


@pytest.mark.parametrize("cls", CASELESS)
def test_recognisers_without_ignorecase_find_what_they_would_with_it(cls: type) -> None:
    """Their patterns hold no cased character outside the escapes \\d \\w \\s \\b (and groups of separators
    only), so dropping IGNORECASE changes no match: held to the case-insensitive twin on mixed-case text."""
    import re

    import regex

    recognizer = cls()
    assert not recognizer.global_regex_flags & regex.IGNORECASE
    for pattern in recognizer.patterns:
        bare = re.sub(r"\\[dDwWsSbB1-9]|\\[^A-Za-z0-9]", "", pattern.regex)
        assert all(c.swapcase() == c for c in bare), pattern.regex
    twin = cls()
    twin.global_regex_flags |= regex.IGNORECASE
    pieces = [
        "TFN ",
        "abn",
        "ABN ",
        "Medicare ",
        "call ",
        "Ph",
        "x",
        "K",
        "ſ",
        " ",
        "-",
        ".",
        "/",
        "+61 ",
        "0",
        "04",
        "2123",
        "45670",
        "1",
        "13",
        "1300",
        "51 824 753 556",
        "123 456 782",
        "2123 45670 1",
        "ACN 004 085 616",
        "tfn 123456782",
        "٣",
        "é",
    ]
    found = 0
    for text in generated(pieces, 9, 2000, 14):
        ours = [(r.start, r.end, r.score) for r in recognizer.analyze(text, recognizer.supported_entities)]
        assert ours == [(r.start, r.end, r.score) for r in twin.analyze(text, twin.supported_entities)], text
        found += len(ours)
    assert found > 20


@pytest.mark.parametrize("cls", [AuTfnRecognizer, AuAbnRecognizer, AuMedicareRecognizer, AuAcnRecognizer])
def test_context_recognisers_give_as_hits_what_they_analyse(cls: type) -> None:
    """The direct analyzer's path (hits) and Presidio's (analyze): the same results in the same order."""
    recognizer = cls()
    pieces = [
        "TFN ",
        "tax file number: ",
        "ABN ",
        "abn",
        "Medicare card ",
        "ACN ",
        "ref ",
        " ",
        "\n",
        "-",
        ".",
        "x" * 70,
        "51 824 753 556",
        "51824753556",
        "123 456 782",
        "123456782",
        "12345678",
        "2123 45670 1",
        "2123456701",
        "004 085 616",
        "004085616",
        "2123 45671 1",
        "٣",
        "é",
    ]
    found = 0
    for text in generated(pieces, 13, 3000, 10):
        analysed = [
            (r.entity_type, r.start, r.end, r.score) for r in recognizer.analyze(text, recognizer.supported_entities)
        ]
        assert [(h.entity, h.start, h.end, h.score) for h in recognizer.hits(text)] == analysed, text
        found += len(analysed)
    assert found > 30


def test_card_numbers_in_a_cards_layout_only() -> None:
    """A Luhn-valid run is a card printed whole or in its scheme's groups; a bank line's BSB and account number
    that Luhn happens to pass ("1633-000394442203") is not."""
    from presidio_analyzer.predefined_recognizers.generic.credit_card_recognizer import CreditCardRecognizer
    from stdnum import luhn

    from dlp.recognizers import CardNumberRecognizer

    card = "453201511283036"
    card += luhn.calc_check_digit(card)
    amex = "37828224631000"
    amex += luhn.calc_check_digit(amex)
    bank = "163300039444220"  # BSB 633-000, account 394442203, less its last digit: Luhn made to pass
    bank += luhn.calc_check_digit(bank)
    recognizer = CardNumberRecognizer()
    assert recognizer.name == "CreditCardRecognizer"  # as Presidio's: the prefilter's needs go by it
    for written in (
        card,
        f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}",
        f"{card[:4]}-{card[4:8]}-{card[8:12]}-{card[12:]}",
    ):
        assert entities(recognizer, f"Card: {written} expires 08/29") == [written]
    assert entities(recognizer, f"Amex {amex[:4]} {amex[4:10]} {amex[10:]}") == [f"{amex[:4]} {amex[4:10]} {amex[10:]}"]
    line = f"{bank[:4]}-{bank[4:]} 530000238798KOSTAKIS K   SALARY"
    assert entities(CreditCardRecognizer(), line) == [f"{bank[:4]}-{bank[4:]}"]  # Presidio's own takes it
    assert entities(recognizer, line) == []
    for typed in (
        f"{card[:8]} {card[8:]}",
        f"{card[:4]} {card[4:8]} {card[8:]}",
        f"{card[:4]} {card[4:12]} {card[12:]}",
    ):
        assert entities(recognizer, f"card {typed}") == [typed]  # a typist's 8-8, 4-4-8, 4-8-4
    mistyped = f"{card[:4]} {card[4:8]} {card[8:11]} {card[11:]}"
    assert entities(recognizer, f"card {mistyped}") == [mistyped]  # 4-4-3-5: a space in the wrong place
