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


def test_landline_local_form_and_plus_61_zero() -> None:
    from dlp.normalize import local_phone_key

    assert local_phone_key("(03) 5442 1234") == "54421234"
    assert local_phone_key("0412 345 678") is None  # a mobile has no local form
    assert "610354421234" in phone_keys("+61 (0)3 5442 1234") and "0354421234" in phone_keys("+61 3 5442 1234")


def test_glued_identifiers_and_folded_names() -> None:
    from dlp.normalize import CompactText

    canon = CompactText.of("Acct31389721228, ZOË Nguyễn")
    start = canon.text.index("31389721228")
    assert canon.span(start + 10, 11) == (4, 15)
    assert canon.text.endswith("zoenguyen")


def test_two_digit_years_are_in_the_past() -> None:
    assert [d for _, _, d in find_dates("06/07/79 and 01/02/03", today=date(2026, 11, 22))] == [
        date(1979, 7, 6),
        date(2003, 2, 1),
    ]


def test_the_anchored_date_patterns_find_what_the_plain_ones_did() -> None:
    """The date patterns open with what they must start with, for speed; the plain forms are the reference."""
    import random
    import re

    from dlp.normalize import DATE_PATTERNS, MONTHS

    words = "|".join(sorted(MONTHS, key=len, reverse=True))
    year = r"(?P<y>(?:19|20)\d\d|'?\d\d)"
    plain = (
        re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+(?P<m>{words})\.?,?[\s\-/.]+{year}\b", re.I),
        re.compile(rf"\b(?P<m>{words})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
        re.compile(r"(?<![\w/.\-])(?P<d>\d{1,2})([/.\-])(?P<m>\d{1,2})\2(?P<y>(?:19|20)\d\d|\d\d)(?![\d/.\-]\d)"),
        re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    )
    # Slots of a date, each with forms that do and do not belong there, and text around it.
    slots = (
        ("", "x", "a1", "7 ", "/", "-", "é", "on ", "٣"),
        ("1", "3", "03", "12", "31", "123", "3rd", "1st", "1984", "March", "june", "Sept"),
        (" ", "-", "/", ".", " of ", ", ", "\n", "th "),
        ("3", "03", "12", "123", "March", "mar.", "Sept", "september", "Jun", "june", "may", "x"),
        (" ", "-", "/", ".", ", ", "  "),
        ("1984", "84", "'84", "2026", "198", "1", "3", "3rd, 1984"),
        ("", "x", "1", "/1", "-12", ".", " ", "é"),
    )
    rng = random.Random(5)
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(slot) for slot in slots)
        for new, old in zip(DATE_PATTERNS, plain, strict=True):
            got = [(m.span(), m.group("d", "m", "y")) for m in new.finditer(text)]
            assert got == [(m.span(), m.group("d", "m", "y")) for m in old.finditer(text)], text
            matched += len(got)
    assert matched > 500


def test_no_empty_canonical_tokens() -> None:
    from dlp.normalize import canonical_spans

    assert [t for t, _, _ in canonical_spans("12 \uff9e Wattle \uff9f St")] == ["12", "wattle", "street"]
