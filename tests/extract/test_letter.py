from __future__ import annotations

from pathlib import Path

import pytest

from dlp.errors import InputError
from dlp.extract import load_item
from dlp.extract.letter import find_address_block
from tests.synthetic import ORG_LETTERHEAD


def test_address_block_under_letterhead() -> None:
    text = (
        ORG_LETTERHEAD + "\n20 November 2026\n\nPrivate and confidential\nMs Wren Yallop\n4/12 Wattle St\n"
        "BENDIGO VIC 3550\n\nDear Ms Yallop,\n\nBody.\n"
    )
    block = find_address_block(text)
    assert block is not None
    assert block.name == "Ms Wren Yallop"
    assert block.address_lines == ("4/12 Wattle St", "BENDIGO VIC 3550")
    assert block.salutation == "Ms Yallop"


def test_one_line_address_and_no_letterhead() -> None:
    block = find_address_block("Coen Zeller\n7 Acacia Rd, Echuca VIC 3564\n\nDear Coen,\nHello\n")
    assert block is not None and block.name == "Coen Zeller"
    assert block.address_lines == ("7 Acacia Rd, Echuca VIC 3564",)


def test_no_address_block() -> None:
    assert find_address_block("Just a note without any address.\n") is None


def test_load_item_tells_messages_from_letters(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_bytes(b"From: a@b.example\nTo: c@d.example\nSubject: x\n\nbody\n")
    (tmp_path / "l.txt").write_text("Coen Zeller\n7 Acacia Rd\nECHUCA VIC 3564\n\nDear Coen,\n")
    assert load_item(tmp_path / "m.txt").kind == "email"
    assert load_item(tmp_path / "l.txt").kind == "letter"


def test_missing_and_unreadable_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_item(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        load_item(tmp_path)
