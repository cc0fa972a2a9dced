"""Scanner.scan as a whole: what it keeps between items."""

from __future__ import annotations

from dlp import normalize
from dlp.analysis import prefilter
from dlp.extract import communication_from_letter
from dlp.scanner import Scanner
from tests.synthetic import SyntheticRegistry, account_body, letter


def test_an_item_that_repeats_a_text_reads_it_again(scanner: Scanner, synthetic: SyntheticRegistry) -> None:
    """The per-text caches serve one scan's recognisers; a resent message costs what a new one does (and a
    benchmark that resends one message measures that)."""
    a = synthetic.ordinary()[0]
    item = communication_from_letter(letter(a, account_body(a)).encode(), "letter.txt")
    scanner.scan(item, record=False)
    tokens, facts = normalize._canonical.cache_info(), prefilter.facts_of.cache_info()
    assert tokens.hits > 0 and facts.hits > 0  # shared within the scan
    scanner.scan(item, record=False)
    # Read afresh: no more hits than the first scan had among its own recognisers (kept texts would all hit).
    again, facts_again = normalize._canonical.cache_info(), prefilter.facts_of.cache_info()
    assert again.misses > 0 and again.hits <= tokens.hits
    assert facts_again.misses > 0 and facts_again.hits <= facts.hits
