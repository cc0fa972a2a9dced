"""The prefilter only ever skips a recogniser that could not have found anything in the text."""

from __future__ import annotations

import random

import pytest
from presidio_analyzer import EntityRecognizer

from dlp.analysis.engine import build_analyzer
from dlp.analysis.prefilter import Needs, TextFacts, needs_of
from dlp.dates import find_dates
from dlp.recognizers import ClientDobRecognizer
from dlp.registry import RegistryIndex

# Pieces texts are made of: digit groups of every length, the separators identifiers and dates use, month words,
# context words, merge-field brackets, an "@".
PIECES = (
    *(str(random.Random(n).randrange(10**n, 10 ** (n + 1))) for n in range(0, 16)),
    " ", " ", "-", ".", "/", "\n", "+61 ", "(03) ", "0", "04", "13", "1800", "20", "19",
    "March", "Sept", "jan", "of", "th", "'84",
    "tfn", "tax file number", "abn", "acn", "medicare", "phone", "ph",
    "«", "»", "{{", "}}", "<<", ">>", "[Surname]", "MERGEFIELD", "a@b.example", "@",
    "Dear", "account", "x",
    # Valid identifiers, whole and in pieces: TFN, ABN, ACN, Medicare, phone numbers.
    "123 456 782", "123456782", "123-456", "782", "51 824 753 556", "51824753556", "824", "004 085 616",
    "004085616", "2123 45670 1", "2123456701", "45670", "0412 345 678", "03 5442 1234", "13 22 11", "1300 655 506",
    # Spaced identifiers with the other separators, and next to what their patterns may not follow.
    "123.456.782", "123-456-782", "51-824-753-556", "51.824.753.556", "004.085.616", "12 345 678", "123 45",
)  # fmt: skip


DATE_SLOTS = (
    ("", "x", "a1", "7 ", "/", "-"),
    ("1", "3", "12", "31", "123", "3rd", "March", "1984"),
    (" ", "-", "/", ".", " of ", ", "),
    ("3", "03", "12", "March", "mar.", "Sept", "jan"),
    (" ", "-", "/", ".", ", "),
    ("1984", "84", "'84", "2026", "198", "1", "3"),
    ("", "x", "1", "/1", "-12"),
)


def date_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(slot) for slot in DATE_SLOTS) for _ in range(count)]


def texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))) for _ in range(count)]


def recognisers_with_needs(index: RegistryIndex) -> list[tuple[EntityRecognizer, Needs]]:
    analyzer = build_analyzer(index)
    found = []
    for recognizer in analyzer.registry.get_recognizers(language="en", all_fields=True):
        needs = needs_of(recognizer)
        if needs is not None:
            found.append((recognizer, needs))
    return found


def test_the_default_pipeline_has_needs_for_its_pattern_recognisers(index: RegistryIndex) -> None:
    names = {r.name for r, _ in recognisers_with_needs(index)}
    assert {"AuTfnRecognizer", "AuPhoneRecognizer", "EmailPatternRecognizer", "MergeFieldRecognizer"} <= names
    assert {"CreditCardRecognizer", "ClientDobRecognizer", "AuMedicareRecognizer"} <= names
    assert "RegistryRecognizer" not in names  # the registry always runs


@pytest.mark.parametrize("seed", range(4))
def test_a_recogniser_that_finds_something_always_has_its_needs_met(index: RegistryIndex, seed: int) -> None:
    found: dict[str, int] = {}
    for text in texts(1500, seed):
        facts = TextFacts(text)
        for recognizer, needs in recognisers_with_needs_cached(index):
            if recognizer.analyze(text, recognizer.supported_entities, None):
                found[recognizer.name] = found.get(recognizer.name, 0) + 1
                assert needs.met(facts), f"{recognizer.name} found something in {text!r} its needs say cannot be"
    # The generated texts do hold what the recognisers look for.
    assert sum(found.values()) > 100, found
    assert len(found) == len(recognisers_with_needs_cached(index)) - 1, found  # all but the birth dates


_CACHE: dict[int, list[tuple[EntityRecognizer, Needs]]] = {}


def recognisers_with_needs_cached(index: RegistryIndex) -> list[tuple[EntityRecognizer, Needs]]:
    if id(index) not in _CACHE:
        _CACHE[id(index)] = recognisers_with_needs(index)
    return _CACHE[id(index)]


def test_every_date_the_birth_date_recogniser_reads_meets_its_needs() -> None:
    needs = ClientDobRecognizer.NEEDS
    dated = 0
    for text in date_texts(6000, 7):
        if any(True for _ in find_dates(text)):
            dated += 1
            assert needs.met(TextFacts(text)), f"a date in {text!r} its needs say cannot be"
    assert dated > 100


def test_needs_of_digit_runs_and_chains() -> None:
    facts = TextFacts("TFN 123 456 782, call 0412-345-678 or 13 22 11; ref 12345678901")
    assert {3, 4, 2, 11} <= facts.runs()
    assert facts.has_chain(11) and not facts.has_chain(12)
    assert Needs(runs=((3,),)).met(facts)
    assert Needs(runs=((4, 5),), chain=11).met(facts)
    assert not Needs(runs=((4, 5),)).met(facts)
    assert not Needs(chain=12).met(facts)
    assert Needs(literals=("call",)).met(facts) and not Needs(literals=("@", "«")).met(facts)
    assert Needs(words=("ref",)).met(TextFacts("Our REF 123")) and Needs(words=("zoë",)).met(TextFacts("ZOË"))
    assert not Needs(words=("ref",)).met(TextFacts("Our R-E-F 123, Zoë"))
    assert Needs(pattern=r"\bref\b").met(facts) and not Needs(pattern=r"«").met(facts)
    assert not Needs(runs=((1,),)).met(TextFacts("no digits here"))


def test_needs_of_spaced_digit_shapes() -> None:
    from dlp.analysis.prefilter import spaced

    assert spaced(3, 3, 2) == (b"dddsdddsdd", b"dddhdddhdd", b"dddpdddpdd")
    tfn = Needs(shapes=spaced(3, 3, 2))
    for text in ("TFN 123 456 782", "123-456-78", "x123.456.789y", "(123 456 78)", "a 12 123 456 78"):
        assert tfn.met(TextFacts(text)), text
    # Mixed separators, too few digits, or after a digit, hyphen or dot: the pattern cannot match there.
    for text in ("123 456-782", "123 45 782", "0412 345 678", "-123 456 782", "1.123 456 782", "", "no digits"):
        assert not tfn.met(TextFacts(text)), text
    assert tfn.met(TextFacts("0412 345 678 and 123 456 78"))  # the second occurrence counts
    assert tfn.met(TextFacts("١٢٣ ٤٥٦ ٧٨٢"))  # not ASCII: `\d` is more than [0-9], the needs always hold
    assert not tfn.met(TextFacts("Zoë, no digit at all"))  # ... unless there is no digit of any script
    assert Needs(runs=((9,),), shapes=spaced(3, 3, 3)).met(TextFacts("ref 123456789"))


def test_anchored_needs_say_where_a_match_can_start() -> None:
    from dlp.analysis.prefilter import spaced

    text = "ref 123456789, 12345678901 and 1234567890; TFN 123 456 782 and 0412 345 678 -123 456 789"
    plain = Needs(runs=((9,), (8,)), anchored=True)
    assert plain.starts(TextFacts(text)) == [4]  # whole runs only: not inside the eleven or ten digits
    spaced_tfn = Needs(shapes=spaced(3, 3, 2), anchored=True)
    assert spaced_tfn.starts(TextFacts(text)) == [text.index("123 456 782")]  # not after the hyphen
    both = Needs(runs=((9,),), shapes=spaced(3, 3, 2), anchored=True)
    assert both.starts(TextFacts(text)) == [4, text.index("123 456 782")]
    assert plain.starts(TextFacts("no digits")) == []
    assert plain.starts(TextFacts("réf 123456789")) is None  # not ASCII: searched for
    assert Needs(runs=((9,),)).starts(TextFacts(text)) is None  # not anchored
    with pytest.raises(ValueError):
        Needs(runs=((4, 5),), anchored=True)  # two runs, one start: which?


@pytest.mark.parametrize("seed", range(2))
def test_an_anchored_pattern_tried_where_its_need_says_finds_what_a_search_finds(
    index: RegistryIndex, seed: int
) -> None:
    import regex

    from dlp.analysis.prefilter import matches_at

    anchored = [
        (pattern, r.PATTERN_NEEDS[pattern.name], regex.compile(pattern.regex, r.global_regex_flags))
        for r, _ in recognisers_with_needs_cached(index)
        for pattern in getattr(r, "patterns", [])
        if getattr(r, "PATTERN_NEEDS", {}).get(pattern.name, Needs()).anchored
    ]
    assert len(anchored) >= 8
    matched = dict.fromkeys((pattern.name for pattern, _, _ in anchored), 0)
    for text in texts(3000, 200 + seed):
        facts = TextFacts(text)
        for pattern, needs, compiled in anchored:
            expected = [m.span() for m in compiled.finditer(text)]
            starts = needs.starts(facts)
            found = expected if starts is None else [m.span() for m in matches_at(compiled, text, starts)]
            assert found == expected, f"{pattern.name} in {text!r}"
            matched[pattern.name] += bool(expected)
    assert all(matched.values()), matched


def test_digit_runs_and_chains_read_without_a_regex_agree_with_the_regex() -> None:
    """ASCII text is read with bytes tables; the regex (kept for other text) is the reference."""
    import regex

    rng = random.Random(7)
    pieces = ["0", "12", "345", "6789", " ", "-", "  ", "--", " - ", "x", "ab", ".", "/", "\n", "(", "+61 ", "٣", "é"]
    checked = 0
    for n in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        if n % 2:
            text = text.encode("ascii", "ignore").decode()
        chains = regex.findall(r"\d+(?:[ \-]\d+)*", text)
        most = max((len(c) - c.count(" ") - c.count("-") for c in chains), default=0)
        facts = TextFacts(text)
        assert facts.runs() == frozenset(len(r) for r in regex.findall(r"\d+", text)), repr(text)
        for digits in range(1, 16):
            assert facts.has_chain(digits) == (most >= digits), (repr(text), digits)
        checked += most > 3
    assert checked > 5000
    for n in range(60):  # long texts: their chains are read from where their digits are
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(6000, 10000)))
        text = text.encode("ascii", "ignore").decode()
        chains = regex.findall(r"\d+(?:[ \-]\d+)*", text)
        most = max((len(c) - c.count(" ") - c.count("-") for c in chains), default=0)
        facts = TextFacts(text + "x" * 10_000 if n % 7 == 0 else text)  # some with no digit at their end
        for digits in (1, 6, 10, 13, most, most + 1):
            assert facts.has_chain(digits) == (most >= digits), (n, digits)
    assert not TextFacts("no digits " * 2000).has_chain(1)
    filler = "no digits here " * 1000
    for text, most in (
        ("0412 345-678 " + filler + "12 34", 10),  # the longest chain first
        (filler + "12 34 and 0412 345 678", 10),  # last, at the very end
        ("1" + filler, 1),
        ("12  34 " + filler + "5 - 6", 2),  # two separators break a chain
    ):
        facts = TextFacts(text)
        assert facts.has_chain(most) and not facts.has_chain(most + 1), text[:20]


@pytest.mark.parametrize("seed", range(2))
def test_a_pattern_that_matches_always_has_its_own_needs_met(index: RegistryIndex, seed: int) -> None:
    """PATTERN_NEEDS: a pattern skipped for a text could not have matched it at all (before any validation)."""
    import regex

    matched: dict[str, int] = {}
    declared = [
        (r, pattern, r.PATTERN_NEEDS[pattern.name])
        for r, _ in recognisers_with_needs_cached(index)
        for pattern in getattr(r, "patterns", [])
        if pattern.name in getattr(r, "PATTERN_NEEDS", {})
    ]
    assert len(declared) >= 10
    compiled = [(r, p, needs, regex.compile(p.regex, r.global_regex_flags)) for r, p, needs in declared]
    for text in texts(3000, 100 + seed):
        facts = TextFacts(text)
        for recognizer, pattern, needs, pattern_regex in compiled:
            if pattern_regex.search(text):
                matched[pattern.name] = matched.get(pattern.name, 0) + 1
                assert needs.met(facts), f"{pattern.name} of {recognizer.name} matched {text!r}: needs say it cannot"
    assert len(matched) == len(declared), matched
