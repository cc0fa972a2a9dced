"""The organisation's own premises (`[organisation] own_details`): an aged care home's street address, on its
letterhead and as a meeting place, is the home's, not the suppressed resident's whose room is in it; beside who
she is, or to her joint holder, or with her room, it is hers again. Each held item beside its allowed twin."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from dlp.analysis.premises import OwnPremises
from dlp.config import Config
from dlp.extract import communication_from_letter, communication_from_message
from dlp.scanner import Scanner
from tests.conftest import rules
from tests.rules.registry import registry, scanner
from tests.synthetic import email

STREET = "118 Mair Street East, Ballarat East VIC 3350"
ROWS = (
    f'H1,Leilani,Tuilagi,1947-12-18,,0491 571 356,"Room 4, {STREET}",BGR-71591,postal_address;phone,H4,\n'
    f'H2,Luigi,Stefano,1940-01-02,luigi@mail.example,,"Room 5, {STREET}",BGR-59185,,,\n'
    f'H3,Ada,Moss,1938-05-06,ada@mail.example,,"Room 6, {STREET}",BGR-60001,,,\n'
    'H4,Sione,Tuilagi,1953-04-22,sione@mail.example,,"156 Errard Road, Strathdale VIC 3550",BGR-00007,,H1,\n'
    # Her brother-in-law, a resident's son: no joint holder, no representative of hers.
    'H9,Pita,Tuilagi,1960-05-05,pita@mail.example,,"3 Main Road, Ballarat VIC 3350",BGR-00099,,,\n'
    # A refuge the organisation does not name as its own: its address is hers wherever it is written.
    'R1,Mara,Quill,1980-03-03,,,"Unit 3, 40 Oak Street, Sebastopol VIC 3356",BGR-80003,postal_address,,\n'
)
OWN = ("Wattle Court, 118 Mair Street East, Ballarat East VIC 3350", "(03) 5550 2100", "PO Box 410, Ballarat VIC 3353")
LETTERHEAD = (
    "Banksia Grove Aged Care - Wattle Court\n118 Mair Street East  |  Ballarat East VIC 3350  |  Ph (03) 5550 2100\n\n"
)

Run = Callable[[str, str], set[str]]


def _scanner(tmp_path: Path, config: Config, own: tuple[str, ...]) -> Scanner:
    organisation = dataclasses.replace(config.organisation, own_details=own)
    return scanner(dataclasses.replace(config, organisation=organisation), registry(tmp_path, ROWS))


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Scanner:
    return _scanner(tmp_path_factory.mktemp("home"), config, OWN)


@pytest.fixture(scope="module")
def run(home: Scanner) -> Run:
    def scan(to: str, body: str) -> set[str]:
        return rules(home.scan(communication_from_message(email([to], "Statement", body), "m.eml"), record=False))

    return scan


def test_the_homes_letterhead_and_meeting_place_are_the_homes(run: Run, tmp_path: Path, config: Config) -> None:
    assert run("luigi@mail.example", LETTERHEAD + "Dear Mr Stefano,\n\nBGR-59185: your fees are attached.") == set()
    invitation = "Dear Ms Moss,\n\nBGR-60001: your care plan review is at 118 Mair Street East on 3 June at 10am."
    assert run("ada@mail.example", invitation) == set()
    # The twin without the premises configured: her building's address is hers, failing closed.
    unnamed = _scanner(tmp_path, config, ())
    message = email(["luigi@mail.example"], "Statement", LETTERHEAD + "Dear Mr Stefano,\n\nBGR-59185: attached.")
    assert "suppressed_detail_exposed" in rules(
        unnamed.scan(communication_from_message(message, "m.eml"), record=False)
    )


def test_beside_who_she_is_it_is_where_she_lives(run: Run, home: Scanner) -> None:
    # To her former partner, her joint holder: he needs no name to know whose home it is.
    assert "suppressed_detail_exposed" in run("sione@mail.example", LETTERHEAD + "Dear Mr Tuilagi,\n\nBGR-00007: fees.")
    message = email(["sione@mail.example"], "Fees", LETTERHEAD + "BGR-00007: fees.")
    verdict = home.scan(communication_from_message(message, "m.eml"), record=False)
    assert "suppressed postal address of H1" in verdict.violations[0].explanation  # her building's, no suburb
    # Beside her name or her resident number.
    assert "suppressed_detail_exposed" in run("luigi@mail.example", LETTERHEAD + "Leilani Tuilagi has joined us.")
    assert "suppressed_detail_exposed" in run("luigi@mail.example", LETTERHEAD + "BGR-71591 has moved in.")
    # The twins: her name without the home's address; the letterhead to a resident about her own fees.
    assert run("luigi@mail.example", "Leilani Tuilagi has joined the garden club.") == set()
    assert run("ada@mail.example", LETTERHEAD + "Ada Moss (BGR-60001): your fees are attached.") == set()


def test_with_her_room_it_is_her_address(run: Run) -> None:
    assert "suppressed_detail_exposed" in run("ada@mail.example", "Post for Room 4, 118 Mair Street East, please.")
    assert "suppressed_detail_exposed" in run(
        "ada@mail.example", f"Post for 118 Mair Street East (Room 4), {STREET[21:]}"
    )
    assert run("ada@mail.example", "Post for Room 6, 118 Mair Street East, please.") == set()  # her own room (Ada's)


def test_a_building_not_named_as_the_organisations_stays_hers(run: Run) -> None:
    assert "suppressed_detail_exposed" in run(
        "luigi@mail.example", "Our outreach office: 40 Oak Street, Sebastopol VIC 3356"
    )


def test_a_window_letter_on_the_homes_letterhead(home: Scanner) -> None:
    def letter(lines: list[str]) -> set[str]:
        text = (
            LETTERHEAD
            + "20 May 2025\n\n"
            + "\n".join(lines)
            + "\n\nDear Mr Stefano,\n\nYour fees for May are attached.\n"
        )
        return rules(home.scan(communication_from_letter(text.encode(), "letter.txt"), record=False))

    assert letter(["Mr Luigi Stefano", "Room 5", "118 Mair Street East", "BALLARAT EAST VIC 3350"]) == set()
    # The same letter addressed to her room: delivered to her suppressed address, named to someone else.
    assert "suppressed_detail_exposed" in letter(
        ["Mr Luigi Stefano", "Room 4", "118 Mair Street East", "BALLARAT EAST VIC 3350"]
    )


def test_only_street_addresses_are_premises() -> None:
    assert not OwnPremises(["(03) 5550 2100", "PO Box 410, Ballarat VIC 3353", "Banksia Grove Aged Care"])
    assert OwnPremises(["Wattle Court, 118 Mair Street East, Ballarat East VIC 3350"])


def test_a_resident_at_the_bare_address_hides_no_one(tmp_path: Path, config: Config) -> None:
    """Review K-1: a resident registered at the home's address without a room, and two suppressed residents, share
    the letterhead's span: each is still there (one match per span, every client it is)."""
    rows = ROWS + (
        f'H5,Nola,Brandt,1939-02-02,,,"{STREET}",BGR-50005,,,\n'
        f'H6,Dora,Crane,1937-03-03,,,"Room 22, {STREET}",BGR-60022,postal_address,H7,\n'
        'H7,Cyril,Crane,1936-04-04,cyril@mail.example,,"2 Bay Road, Koroit VIC 3282",BGR-00009,,H6,\n'
    )
    organisation = dataclasses.replace(config.organisation, own_details=OWN)
    home = scanner(dataclasses.replace(config, organisation=organisation), registry(tmp_path, rows))

    def run(to: str, body: str) -> set[str]:
        return rules(home.scan(communication_from_message(email([to], "Fees", body), "m.eml"), record=False))

    assert "suppressed_detail_exposed" in run("sione@mail.example", LETTERHEAD + "BGR-00007: fees.")  # H1's
    assert "suppressed_detail_exposed" in run("cyril@mail.example", LETTERHEAD + "BGR-00009: fees.")  # H6's
    assert run("luigi@mail.example", LETTERHEAD + "BGR-59185: your fees.") == set()  # the twin


def test_a_letter_to_the_home_itself_is_read_by_the_resident_it_names(tmp_path: Path, config: Config) -> None:
    """Review K-10: a letter addressed to the home without a room is read by the resident it names, wherever in the
    building he is registered; delivered there, it shows no one's suppressed address (hers is the bare address)."""
    rows = ROWS + f'H5,Nola,Brandt,1939-02-02,,,"{STREET}",BGR-50005,postal_address,,\n'
    organisation = dataclasses.replace(config.organisation, own_details=OWN)
    home = scanner(dataclasses.replace(config, organisation=organisation), registry(tmp_path, rows))

    def letter(to: str, body: str, scanner: Scanner = home) -> set[str]:
        text = f"{LETTERHEAD}20 May 2025\n\n{to}\n118 Mair Street East\nBALLARAT EAST VIC 3350\n\n{body}\n"
        return rules(scanner.scan(communication_from_letter(text.encode(), "letter.txt"), record=False))

    assert letter("Mr Luigi Stefano", "Dear Mr Stefano,\n\nBGR-59185: your fees for May are attached.") == set()
    assert letter("Mrs Ada Newman", "Dear Mrs Newman,\n\nWelcome to Wattle Court.") == set()  # not a client yet
    # Another resident's account to him: the wrong client still.
    assert letter("Mr Luigi Stefano", "Dear Mr Stefano,\n\nAda Moss (BGR-60001): fees overdue.") == {
        "mismatched_recipient"
    }
    # Her joint holder, who lives elsewhere, addressed at the home: the home is where she lives (review L-2).
    assert "suppressed_detail_exposed" in letter("Mr Sione Tuilagi", "Dear Mr Tuilagi,\n\nOur newsletter.")
    # The twin without the premises configured: the bare address is the suppressed resident's, failing closed.
    (tmp_path / "unnamed").mkdir()
    unnamed = scanner(config, registry(tmp_path / "unnamed", rows))
    assert "suppressed_detail_exposed" in letter("Mrs Ada Newman", "Dear Mrs Newman,\n\nWelcome.", unnamed)


def test_her_room_anywhere_in_the_part(run: Run) -> None:
    """Review K-2: her room in words, or lines away from the home's address, makes it her address; a unit of the
    building next door does not."""
    assert "suppressed_detail_exposed" in run("ada@mail.example", f"A parcel for room four, {STREET}, came today.")
    parcel = f"Labelled for Room 4.\nLeft at reception.\nDeliver to:\n{STREET}"
    assert "suppressed_detail_exposed" in run("ada@mail.example", parcel)
    assert run("ada@mail.example", parcel.replace("Room 4", "Room 6")) == set()  # Ada's own room
    assert run("ada@mail.example", LETTERHEAD + "BGR-60001: the builder at Unit 4, 116 Mair Street East.") == set()


def test_her_title_or_initials_with_her_surname(run: Run) -> None:
    """Review K-3: "Mrs L. Tuilagi" or "Mrs Tuilagi" beside the home's address says who she is; another's initials
    do not."""
    assert "suppressed_detail_exposed" in run("ada@mail.example", LETTERHEAD + "We welcome Mrs L. Tuilagi to the club.")
    assert "suppressed_detail_exposed" in run("ada@mail.example", LETTERHEAD + "Mrs Tuilagi has settled in well.")
    assert run("ada@mail.example", LETTERHEAD + "Mr K. Tuilagi fixed the garden gate.") == set()
    # The reader greeted by his own surname is not she.
    assert run("pita@mail.example", LETTERHEAD + "Dear Mr Tuilagi,\n\nBGR-00099: your invoice is attached.") == set()


def test_another_street_of_the_same_number_and_name_is_no_premises(tmp_path: Path, config: Config) -> None:
    """Review L-1: "118 Mair Court" is not the home at "118 Mair Street East": a letter there to her former partner
    is to her suppressed address."""
    rows = ROWS + 'H7,Mia,Tuilagi,1980-01-01,,,"118 Mair Court, Ballarat East VIC 3350",BGR-70007,postal_address,H4,\n'
    organisation = dataclasses.replace(config.organisation, own_details=OWN)
    home = scanner(dataclasses.replace(config, organisation=organisation), registry(tmp_path, rows))
    text = f"{LETTERHEAD}20 May 2025\n\nMr Sione Tuilagi\n118 Mair Court\nBALLARAT EAST VIC 3350\n\nDear Mr Tuilagi,\n"
    verdict = home.scan(communication_from_letter(text.encode(), "letter.txt"), record=False)
    assert "suppressed_detail_exposed" in rules(verdict)
