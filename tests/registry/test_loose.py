"""Suppressed addresses written loosely are still found; neighbours and other places are not (issue 9, point 5)."""

from __future__ import annotations

import pytest

from dlp.registry.loose import SuppressedAddresses

HIDDEN = SuppressedAddresses(
    [("C1", "Unit 4, 12 Wattle Street, Kangaroo Flat VIC 3555"), ("C2", "7 Lilly Pilly Crt, Echuca VIC 3564")]
)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("now living at 4/12 Wattel St, Kangaroo Flat", "C1"),  # two letters swapped
        ("Street: 4/12 WATTLE ST\nSuburb: KANGAROO FLAT\nState: VIC  Postcode: 3555", "C1"),  # a form
        ("Unit 4, 12 Wattle St | Kangaroo Flat | VIC | 3555", "C1"),  # table cells
        ("4/12 Wattle Street", "C1"),  # a bare street line fails closed
        # The building, with the unit after it or not at all: where she lives, failing closed.
        ("has moved to KANGAROO FLAT, 12 Wattle Street (unit 4) and", "C1"),
        ("has moved to KANGAROO FLAT 12 Wattle Street (unit 4)", "C1"),  # the suburb's "Flat" is no dwelling
        ("12 Wattle St., Kangaroo Flat - flat 4", "C1"),
        ("12 Wattle St, Kangaroo Flat VIC 3555", "C1"),
        ("7 Lillypilly Court, Echuca 3564", "C2"),
        ("7 Lilly Pilly Ct Echuka VIC 3564", "C2"),  # a typo in the suburb
        # a room is as often a meeting room: it never stands for another dwelling of her building
        ("The mediation is in Room 4. She gave 12 Wattle St, Kangaroo Flat VIC 3555.", "C1"),
        ("meeting room 5 at 12 Wattle St, Kangaroo Flat", "C1"),
        # Another suburb name over her postcode: the number, street and postcode reach her door (review M p07).
        ("7 Lilly Pilly Court\nWHARPARILLA VIC 3564", "C2"),
        ("4/12 Wattle St, Kangaroo Flat North VIC 3555", "C1"),
    ],
)
def test_found(text: str, client: str) -> None:
    assert [m.client_id for m in HIDDEN.find(text)] == [client]


@pytest.mark.parametrize(
    "text",
    [
        "3/12 Wattle St Kangaroo Flat",  # another unit
        "Unit 3, 12 Wattle St Kangaroo Flat",
        "12 Wattle St, unit 3, Kangaroo Flat",
        "burst pipe at 12 Wattle St, Kangaroo Flat VIC 3555 (unit 7)",  # another unit, after the locality
        "12 Wattle St Kangaroo Flat, Apt 3",
        "Flat 3 at 12 Wattle St",
        "Unit 3 of 12 Wattle St, Kangaroo Flat",
        "4/14 Wattle St Kangaroo Flat VIC 3555",  # the neighbour
        "4/12 Wattle St, Bendigo VIC 3550",  # the same street in another town
        "4/12 Wattle Road Kangaroo Flat",  # another street type
        "7 Lilly Pilly Ct, Echuca VIC 3565",  # another postcode
        "7 Lilly Pilly Ct, Moama NSW 2731",  # another suburb in another postcode
    ],
)
def test_not_found(text: str) -> None:
    assert list(HIDDEN.find(text)) == []


def test_post_office_box_with_a_typo_in_the_suburb() -> None:
    boxes = SuppressedAddresses([("C3", "PO Box 5684, Salisbury SA 5108")])
    assert [m.client_id for m in boxes.find("She moved to P.O. Box 5684, Salisbery SA 5108.")] == ["C3"]
    assert list(boxes.find("PO Box 5684, Elizabeth SA 5112")) == []  # the same box number elsewhere
    assert list(boxes.find("Unit 5684, 1 Salisbury Rd")) == []  # a number that is not a box


@pytest.mark.parametrize(
    "written",
    ["12 Qattle St", "12 Awttle St", "12 attle St", "12 Swattle St", "12 W attle St", "12 Wattle St"],
)
def test_a_slip_at_the_front_of_the_street_name_among_many_at_that_number(written: str) -> None:
    """Candidates are narrowed by the street name's first letters: a slip there must not hide the address."""
    others = [
        (f"C{n}", f"12 {name} Street, Kangaroo Flat VIC 3555")
        for n, name in enumerate(
            ["Acacia", "Banksia", "Boronia", "Grevillea", "Hakea", "Melaleuca", "Xanthorrhoea"] * 20, 100
        )
    ]
    hidden = SuppressedAddresses([*others, ("C1", "12 Wattle Street, Kangaroo Flat VIC 3555")])
    assert [m.client_id for m in hidden.find(f"now at {written}, Kangaroo Flat VIC 3555")] == ["C1"]


def test_an_address_written_street_first_with_its_number_after_the_locality() -> None:
    """Staff write what they heard: "Murray Valley Hwy in Carrajung North (no. 176, unit 4)". Another unit, a
    neighbour's numbered street line, or an amount after it ("1,204.55") is not her address."""
    hidden = SuppressedAddresses(
        [
            ("C4", "4/176 Murray Valley Highway, Carrajung North VIC 3699"),
            ("C5", "1 Riverview Drive, Carrajung North VIC 3699"),
        ]
    )
    found = "she's moved to Murray Valley Hwy in Carrajung North (no. 176, unit 4) and asks for a call"
    assert [m.client_id for m in hidden.find(found)] == ["C4"]
    assert [
        m.client_id for m in hidden.find("Street: Murray Valley Hwy / Suburb: Carrajung North / Unit: 4 / No: 176")
    ] == ["C4"]
    for text in (
        "Murray Valley Hwy in Carrajung North (no. 176, unit 3)",
        "Murray Valley Hwy near 12 Carrajung North 176",
        '"3 Riverview Drive, Carrajung North VIC 3699","1,204.55"',
        # after a street and its suburb, a bare number is a date, a time, an amount, a count
        "Riverview Drive, Carrajung North will be closed on 1 March",
        "Murray Valley Hwy, Carrajung North: page 176",
        "Murray Valley Hwy, Carrajung North: 176 bins missed",
    ):
        assert list(hidden.find(text)) == [], text
