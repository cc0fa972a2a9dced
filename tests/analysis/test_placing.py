"""Where a text puts a place name (dlp/analysis/placing.py): the suppressed rule's questions of the text."""

from __future__ import annotations

import pytest

from dlp.analysis.placing import in_a_heading, says_someone_lives_there, sentence_of, short_name_is_a_place


def span(text: str, word: str) -> tuple[int, int]:
    start = text.lower().index(word.lower())
    return start, start + len(word)


@pytest.mark.parametrize(
    ("text", "lives"),
    [
        ("Kiri has moved to Sale with the children.", True),
        ("She now lives near our Sale office.", True),
        ("Sale is where she lives now.", True),
        ("Our Sale branch has moved to 14 Foster Street.", False),  # a branch's move is no one's home
        ("Our Sale branch closes on Friday.", False),
        ("The meeting is at Sale St. We moved it there.", True),  # "St." ends no sentence: one sentence
    ],
)
def test_says_someone_lives_there(text: str, lives: bool) -> None:
    assert says_someone_lives_there(text, *span(text, "Sale")) is lives


def test_a_sentence_ends_at_a_full_stop_before_a_capital_not_after_an_abbreviation() -> None:
    text = "Approx. 2 km from Sale. Call us.\n\nNext part."
    assert sentence_of(text, *span(text, "Sale")) == "Approx. 2 km from Sale."


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("RE: PROCEEDS FROM SALE\nDear Mr Venn,", True),
        ("Settlement Statement - Proceeds From Sale\n", True),
        ("OTHER HOLDER NOW AT SALE\n", False),  # a letter printed all in capitals
        ("The other holder is now at Sale.\n", False),
    ],
)
def test_in_a_heading(text: str, heading: bool) -> None:
    assert in_a_heading(text, *span(text, "Sale")) is heading


def test_a_short_place_name_after_her_name_is_a_place() -> None:
    text = "Priya Venn of Kew | Kiri Dawes | Sale"
    kew, sale = span(text, "Kew"), span(text, "Sale")
    assert short_name_is_a_place(text, *kew, [len("Priya Venn")])
    assert short_name_is_a_place(text, *sale, [text.index(" | Sale")])
    assert not short_name_is_a_place("Proceeds from the sale of Kew", *span("Proceeds from the sale of Kew", "Kew"), [])
