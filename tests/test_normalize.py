from __future__ import annotations

from datetime import date

from dlp.normalize import compact, find_dates, parse_address, phone_keys


def test_address_forms_agree() -> None:
    forms = [
        "Unit 4, 12 Wattle Street, Bendigo VIC 3550",
        "4/12 Wattle St\nBENDIGO VIC 3550",
        "4/12 WATTLE ST BENDIGO Victoria 3550",
    ]
    parsed = {parse_address(f) for f in forms}
    assert len(parsed) == 1 and None not in parsed


def test_dates_in_letter_formats() -> None:
    text = "3 March 1984, 03/03/1984, 1984-03-03, March 3rd, 1984, 31/02/1984"
    assert [d for _, _, d in find_dates(text)] == [date(1984, 3, 3)] * 4


def test_compact_and_phones() -> None:
    assert compact("AC-1234 5678") == compact("ac12345678")
    assert phone_keys("+61 412 345 678") == phone_keys("0412 345 678")


def test_offsets_survive_characters_that_change_length_when_lower_cased() -> None:
    from dlp.normalize import CompactText

    text = "İstanbul, 12 Wattle ST"
    canon = CompactText.of(text)
    assert canon.text.endswith("12wattlestreet")
    start = canon.text.index("12wattlestreet")
    assert canon.span(start + len("12wattlestreet") - 1, len("12wattlestreet")) == (10, len(text))
