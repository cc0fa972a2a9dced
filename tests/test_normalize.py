from __future__ import annotations

from dlp.normalize import compact, parse_address, phone_keys


def test_address_forms_agree() -> None:
    forms = [
        "Unit 4, 12 Wattle Street, Bendigo VIC 3550",
        "4/12 Wattle St\nBENDIGO VIC 3550",
        "4/12 WATTLE ST BENDIGO Victoria 3550",
    ]
    parsed = {parse_address(f) for f in forms}
    assert len(parsed) == 1 and None not in parsed


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


def test_no_empty_canonical_tokens() -> None:
    from dlp.normalize import canonical_spans

    assert [t for t, _, _ in canonical_spans("12 \uff9e Wattle \uff9f St")] == ["12", "wattle", "street"]


def reference_spans(text: str) -> list[tuple[str, int, int]]:
    """canonical_spans written plainly, token by token: what the fast form must equal."""
    from dlp.normalize import _CANONICAL_OR_DROPPED, PHRASES, TOKEN, fold

    raw = [(fold(m.group()), m.start(), m.end()) for m in TOKEN.finditer(text)]
    raw = [item for item in raw if item[0]]
    out, i = [], 0
    while i < len(raw):
        token = raw[i][0]
        for words, abbr in PHRASES.items():
            if tuple(t for t, _, _ in raw[i : i + len(words)]) == words:
                out.append((abbr, raw[i][1], raw[i + len(words) - 1][2]))
                i += len(words)
                break
        else:
            if token in _CANONICAL_OR_DROPPED:
                if _CANONICAL_OR_DROPPED[token]:
                    out.append((_CANONICAL_OR_DROPPED[token], raw[i][1], raw[i][2]))
            else:
                out.append(raw[i])
            i += 1
    return out


def test_canonical_spans_equal_the_plain_token_by_token_reading() -> None:
    import random

    from dlp.normalize import CompactText, canonical_spans

    rng = random.Random(17)
    pieces = [
        "Unit",
        "4",
        "/",
        "12",
        "Wattle",
        "St",
        "ST.",
        "Rd",
        "new",
        "South",
        "Wales",
        "south",
        "australia",
        "Post",
        "Office",
        "Box",
        "private",
        "mail",
        "bag",
        "Victoria",
        " ",
        ", ",
        "\n",
        "-",
        "Zoë",
        "İstanbul",
        "ﾞ",
        "Nguyễn",
        "apt",
        "st",
        "x1",
        "AC12345678",
    ]
    for _ in range(5000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = reference_spans(text)
        assert list(canonical_spans(text)) == expected, text
        assert CompactText.of(text).tokens == tuple(t for t, _, _ in expected), text


def test_an_address_care_of_the_post_office_is_that_door() -> None:
    """ "c/- Post Office, Elizabeth SA 5112" (mail held for collection) is an address; a care-of line before a
    street is only whose door it goes to."""
    from dlp.normalize import parse_address_parts

    assert parse_address_parts("c/- Post Office, Elizabeth SA 5112") == (["po"], ["elizabeth"], "5112")
    assert parse_address_parts("c/- Legal Aid, 10 Hill St, Bendigo VIC 3550") == (
        ["10", "hill", "street"],
        ["bendigo"],
        "3550",
    )


def test_the_state_may_be_left_out_of_a_letter_but_not_the_registry() -> None:
    from dlp.normalize import parse_address

    assert parse_address("12 Wattle St\nBendigo 3550") is None  # the registry's documented form has the state
    address = parse_address("12 Wattle St\nBendigo 3550", state_optional=True)
    assert address is not None and (address.street, address.suburb, address.postcode) == (
        "12wattlestreet",
        "bendigo",
        "3550",
    )


def test_a_room_of_a_shared_house_is_a_dwelling_as_a_unit_is() -> None:
    forms = [
        "Room 2, 14 Kurrajong Street, Epsom VIC 3551",
        "2/14 Kurrajong St, Epsom VIC 3551",
        "14 Kurrajong St (room 2), Epsom VIC 3551",
    ]
    parsed = {parse_address(f) for f in forms}
    assert len(parsed) == 1 and None not in parsed
