"""Her street before her suburb is her address's locality (dlp/analysis/streets.py); a neighbour's house number
or another street leaves the suburb another address's."""

from __future__ import annotations

from pathlib import Path

from dlp.analysis.streets import widen_to_her_street
from dlp.model import Finding
from dlp.registry.index import CLIENT_LOCALITY
from tests.rules.registry import registry

ROWS = 'C1,Hao,Zhang,1952-11-14,,,"154 Heron Close, Redgum Flat WA 6333",VR905313,postal_address,,\n'


class _Item:
    def __init__(self, text: str) -> None:
        from dlp.model import Part

        self.parts = (Part(name="body", text=text),)


def _widened(tmp_path: Path, text: str) -> str:
    index = registry(tmp_path, ROWS)
    start = text.index("Redgum")
    f = Finding.of(
        CLIENT_LOCALITY,
        "body",
        start,
        start + len("Redgum Flat"),
        1.0,
        frozenset({"C1"}),
        False,
        frozenset({"C1"}),
        "k",
    )
    (out,) = widen_to_her_street(_Item(text), [f], index)  # type: ignore[arg-type]
    return text[out.start : out.end]


def test_her_street_widens_the_suburb(tmp_path: Path) -> None:
    assert _widened(tmp_path, "living in Heron Close, Redgum Flat now") == "Heron Close, Redgum Flat"
    assert _widened(tmp_path, "on Heron Cl Redgum Flat") == "Heron Cl Redgum Flat"
    assert _widened(tmp_path, "Heron Close\nRedgum Flat") == "Heron Close\nRedgum Flat"  # a block without it


def test_a_neighbour_or_another_street_does_not(tmp_path: Path) -> None:
    assert _widened(tmp_path, "at 40 Heron Close, Redgum Flat") == "Redgum Flat"
    assert _widened(tmp_path, "Unit 5, 154 Heron Close, Redgum Flat") == "Redgum Flat"  # left to the address matchers
    assert _widened(tmp_path, "at Heron Street, Redgum Flat") == "Redgum Flat"  # another street type
    assert _widened(tmp_path, "at Court Lane, Redgum Flat") == "Redgum Flat"
