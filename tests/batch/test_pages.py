"""Page ranges of a merged print file: each letter belongs to the range it starts in, however long it is."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from dlp.batch import pages
from dlp.config import Config
from dlp.extract import letters_from_file
from tests.extract.conftest import pdf_of_pages
from tests.synthetic import SyntheticRegistry, account_body, letter


def split(path: Path, first: int, end: int) -> Any:
    config = Config()
    state: Any = SimpleNamespace(config=config, scanner=SimpleNamespace(limits=config.limits))
    return pages.split_range(state, str(path), first, end)


def test_ranges_give_each_letter_once_as_the_whole_file_does(
    tmp_path: Path, synthetic: SyntheticRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "LOOK_AHEAD", 1)  # a letter longer than that makes the range read on, twice over
    a, b, c = synthetic.ordinary()[:3]
    texts = [letter(a, account_body(a))]
    texts += [f"Page {n}\nTerms and conditions, continued." for n in range(2, 10)]  # letter 1: pages 1-9
    texts += [letter(b, account_body(b)), letter(c, account_body(c)), "Page 2\nTerms, continued."]
    pdf = tmp_path / "run.pdf"
    pdf.write_bytes(pdf_of_pages(texts))
    whole = letters_from_file(pdf.read_bytes(), str(pdf))
    assert [w.locator for w in whole] == ["letter 1, pages 1-9", "letter 2, page 10", "letter 3, pages 11-12"]
    found = [piece for first in range(0, 12, 3) for piece in split(pdf, first, min(first + 3, 12))]
    assert [piece.pages for piece in found] == ["pages 1-9", "page 10", "pages 11-12"]
    assert split(pdf, 3, 6) == [] and split(pdf, 6, 9) == []  # pages of letter 1 only: no letter starts there
    for piece, letter_of_whole in zip(found, whole, strict=True):
        assert piece.letter.address_block == letter_of_whole.address_block
        assert piece.letter.digest == letter_of_whole.digest  # the whole file's, as a local run gives it
        named = [p.name for p in piece.letter.parts if p.name.startswith("page ")]
        assert named == [p.name for p in letter_of_whole.parts if p.name.startswith("page ")]


def test_an_unreadable_print_file_is_a_reason_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "run.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 200)
    assert isinstance(split(broken, 0, 3), str)
