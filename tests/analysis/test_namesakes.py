"""The recipient's namesake: "we hold your date of birth as ..." sent to one of two clients of one name, with the
other's birth date, carries the other's record (the seeds' payment to the wrong worker). Each held item beside its
allowed twin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dlp.config import Config
from dlp.extract import communication_from_letter, communication_from_message
from tests.conftest import rules
from tests.rules.registry import registry, scanner
from tests.synthetic import email

ROWS = (
    'N1,Sienna,Lovegrove,1964-05-28,sl1@mail.example,,"56 Blackwood Place, Mount Druitt NSW 2770",7201222834,,,\n'
    'N2,Sienna,Lovegrove,1963-12-13,sl2@mail.example,,"26/229 Pelican Drive, Mount Druitt NSW 2770",7275897910,,,\n'
    'N3,Omar,Nasser,1970-02-03,on@mail.example,,"9 Lake Road, Boulder Ridge WA 6432",7200000003,,,\n'
)
Run = Callable[[str, str], set[str]]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Run:
    agent = scanner(config, registry(tmp_path_factory.mktemp("namesakes"), ROWS))

    def scan(to: str, body: str) -> set[str]:
        return rules(agent.scan(communication_from_message(email([to], "Your claim", body), "m.eml"), record=False))

    return scan


def test_the_namesakes_birth_date_to_the_reader(run: Run) -> None:
    assert "mismatched_recipient" in run(
        "sl2@mail.example", "Dear Sienna,\n\nWe hold your date of birth as 28 May 1964."
    )
    assert run("sl2@mail.example", "Dear Sienna,\n\nWe hold your date of birth as 13 December 1963.") == set()  # twin
    assert run("sl1@mail.example", "Dear Sienna,\n\nWe hold your date of birth as 28 May 1964.") == set()


def test_a_birth_date_of_someone_of_another_name_says_nothing(run: Run) -> None:
    # N3's birth date to a client of another name: a date like any other, as it was.
    assert run("sl2@mail.example", "Dear Sienna,\n\nThe meeting of 3 February 1970 was minuted.") == set()


def test_a_letter_to_the_reader_with_the_namesakes_birth_date(tmp_path: Path, config: Config) -> None:
    agent = scanner(config, registry(tmp_path, ROWS))

    def letter(born: str) -> set[str]:
        text = (
            "Ms Sienna Lovegrove\n26/229 Pelican Drive\nMOUNT DRUITT NSW 2770\n\n16 March 2026\n\n"
            f"Dear Ms Lovegrove,\n\nOur records show your date of birth as {born}.\n"
        )
        return rules(agent.scan(communication_from_letter(text.encode(), "l.txt"), record=False))

    assert "mismatched_recipient" in letter("28/05/1964")
    assert letter("13/12/1963") == set()
