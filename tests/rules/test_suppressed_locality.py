"""The suburb of a suppressed address: where she lives, once an item says who she is ("I'm at Redgum Flat now",
forwarded to the parole board with her register number). A suburb alone, or in a sentence as a word, or to her
own mailbox, says nothing. Each incident beside its legitimate twin."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dlp.config import Config
from dlp.extract import communication_from_message
from dlp.model import Verdict
from tests.conftest import STAFF_ALLOWED, rules
from tests.rules.registry import registry, scanner
from tests.synthetic import ORG_DOMAIN, email

ROWS = (
    'C1,Hao,Zhang,1952-11-14,hz@mail.example,0487 590 992,"154 Heron Close, Redgum Flat WA 6333",VR905313,'
    "postal_address;phone,,\n"
    'C2,Omar,Nasser,1970-02-03,on@mail.example,0412 345 678,"9 Lake Road, Boulder Ridge WA 6432",VR111222,,,\n'
)
BOARD = "hearings@paroleboard.example"


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Callable[[str, str], Verdict]:
    victims = scanner(config, registry(tmp_path_factory.mktemp("victims"), ROWS), approved=("paroleboard.example",))

    def run(to: str, body: str) -> Verdict:
        return victims.scan(communication_from_message(email([to], "Hearing", body), "m.eml"), record=False)

    return run


def test_her_new_suburb_beside_who_she_is(scan: Callable[[str, str], Verdict]) -> None:
    moved = "Registered victim VR905313 has told us she moved to Redgum Flat. Please confirm the hearing date."
    verdict = scan(BOARD, moved)
    assert "suppressed_detail_exposed" in rules(verdict)
    assert "suburb of C1" in verdict.violations[0].explanation and "Redgum" not in verdict.violations[0].explanation
    assert "suppressed_detail_exposed" in rules(scan(BOARD, "Hao Zhang now lives in REDGUM FLAT."))  # by name
    assert rules(scan(BOARD, "Registered victim VR905313 asks for the hearing date.")) == set()  # the twin


def test_a_suburb_alone_or_as_a_word_or_to_her_says_nothing(scan: Callable[[str, str], Verdict]) -> None:
    assert rules(scan(BOARD, "The hearing for VR111222 is at the Redgum Flat courthouse.")) == set()  # not hers
    assert rules(scan(BOARD, "Hearings at Redgum Flat resume on Monday.")) == set()  # no one named
    assert "suppressed_detail_exposed" not in rules(scan(BOARD, "VR905313: the redgum flat by the creek flooded."))
    assert rules(scan("hz@mail.example", "VR905313: we have noted your move to Redgum Flat.")) == set()
    # Another address's locality: the service's own office, a letterhead.
    office = "Victims Support Service, PO Box 4410, Redgum Flat WA 6333 | 1800 818 408\n\nRe: VR905313, hearing."
    assert rules(scan(BOARD, office)) == set()
    assert rules(scan(BOARD, "VR905313 may call at our office, 12 Main Street\nREDGUM FLAT WA 6333")) == set()
    # The start of a longer name: a school, a council named after the town.
    assert rules(scan(BOARD, "VR905313's son attends Redgum Flat Primary School.")) == set()


HOME_ROWS = (
    'H1,Leilani,Tuilagi,1947-12-18,,0491 571 356,"Room 4, 118 Mair Street East, Ballarat East VIC 3350",BGR-71591,'
    "postal_address;phone,H4,\n"
    'H2,Luigi,Stefano,1940-01-02,luigi@mail.example,,"Room 5, 118 Mair Street East, Ballarat East VIC 3350",'
    "BGR-59185,,,\n"
    'H3,Ada,Moss,1938-05-06,ada@mail.example,,"Room 6, 118 Mair Street East, Ballarat East VIC 3350",BGR-60001,,,\n'
    'H4,Sione,Tuilagi,1953-04-22,sione@mail.example,,"156 Errard Road, Strathdale VIC 3550",BGR-00007,,H1,\n'
) + "".join(
    f'H{room},Resident,Number{room},1940-01-01,,,"Room {room}, 118 Mair Street East, Ballarat East VIC 3350",'
    f"BGR-7000{room},,,\n"
    for room in range(7, 10)
)
LETTERHEAD = (
    "Banksia Grove Aged Care - Wattle Court\n118 Mair Street East  |  Ballarat East VIC 3350  |  Ph (03) 5550 2100\n\n"
)


def test_her_buildings_address_holds_on_its_own_even_as_a_letterhead(tmp_path, config: Config) -> None:
    """Her room is in a home of many residents whose street address heads its letters: that address without her room
    is still hers, on its own (a refuge's or a tower's letterhead or signature is no different, and a letter to her
    former partner on it needs no name). An aged care home's letters to other families are held with it, failing
    closed, unless the organisation names the home as its own premises (tests/analysis/test_premises.py)."""
    home = scanner(config, registry(tmp_path, HOME_ROWS))

    def run(to: str, body: str) -> set[str]:
        message = email([to], "Statement", LETTERHEAD + body)
        return rules(home.scan(communication_from_message(message, "m.eml"), record=False))

    assert "suppressed_detail_exposed" in run("sione@mail.example", "Dear Mr Tuilagi,\n\nBGR-00007: fees attached.")
    assert "suppressed_detail_exposed" in run("luigi@mail.example", "Dear Mr Stefano,\n\nBGR-59185: attached.")
    assert "suppressed_detail_exposed" in run("ada@mail.example", "Post for Room 4, 118 Mair Street East, please.")


def test_a_suburb_that_is_a_surname_or_a_title_is_not_her_suburb(tmp_path, config: Config) -> None:
    """Her suburb is Watson ACT, another's Officer VIC: "Ms Priya Watson" and "Complaints Officer" name a person
    and a role, in any item that names the client too."""
    rows = (
        'W1,Priya,Watson,1970-01-01,pw@mail.example,,"3 Lake Road, Watson ACT 2602",AC-1001,postal_address,,\n'
        'O1,Dana,Kerr,1971-02-02,dk@mail.example,,"7 Hill Street, Officer VIC 3809",AC-1002,postal_address,,\n'
    )
    office = scanner(config, registry(tmp_path, rows), approved=("paroleboard.example",))

    def run(body: str) -> set[str]:
        message = email([BOARD], "Complaint", body)
        return rules(office.scan(communication_from_message(message, "m.eml"), record=False))

    assert run("Complaint AC-1001 from Ms Priya Watson is attached.") == set()
    assert run("Complaint AC-1001: Watson, Priya.") == set()
    assert run("Complaint AC-1001 from Mrs. Watson, and P. Watson's reply.") == set()
    assert run("Re AC-1002.\n\nRegards,\nSenior Complaints Officer") == set()
    assert "suppressed_detail_exposed" in run("AC-1002 has moved to Officer and asks us not to say so.")
    # Review K-4, K-5: a table's given-name column before a surname; an initial or "& Co" after a word.
    assert run("Complaint AC-1001 is attached.\nContacts\nGiven\tFamily\tPhone\nMarcus\tWatson\t02 6200 0000") == set()
    assert run("Complaint AC-1002 attached.\nStatement From Officer J. Patel") == set()
    assert run("Complaint AC-1002 attached: approved by Officer June on 2 June.") == set()  # review K-6
    assert run("Complaint AC-1001 attached.\nCopy To Watson & Co, solicitors") == set()


def test_her_street_and_suburb_without_the_house_number(scan: Callable[[str, str], Verdict]) -> None:
    """Review J-5: her street before her suburb is more than the suburb says, not another address's locality."""
    assert "suppressed_detail_exposed" in rules(scan(BOARD, "VR905313 is now living in Heron Close, Redgum Flat."))
    assert "suppressed_detail_exposed" in rules(scan(BOARD, "Hao Zhang has a place on Heron Close Redgum Flat now."))
    # The twins: a neighbour's house on her street, another street in her suburb: other addresses' localities.
    assert rules(scan(BOARD, "VR905313: the hearing is at 40 Heron Close, Redgum Flat.")) == set()
    assert rules(scan(BOARD, "VR905313: the hearing is at Court Lane, Redgum Flat.")) == set()


def test_her_suburb_after_a_word_that_puts_a_place_after_it(scan: Callable[[str, str], Verdict]) -> None:
    """Review J-6: "In", "From", "To", "Near" before her suburb make it a place, not the end of a name or title."""
    for body in (
        "About Hao Zhang: In Redgum Flat she has found work.",
        "VR905313 - From Redgum Flat, she says, the bus is easier.",
        "Re: VR905313 Moved To Redgum Flat",
        "Hao Zhang's new place is Near Redgum Flat station.",
    ):
        assert "suppressed_detail_exposed" in rules(scan(BOARD, body)), body
    assert rules(scan(BOARD, "VR905313: the Redgum Flat Tuesday Club meets at the hall.")) == set()  # a club's name


def test_her_suburb_in_a_table_or_after_her_name(scan: Callable[[str, str], Verdict]) -> None:
    """Review J-6: a column's gap is no space inside a name, and her own name before her suburb ends there."""
    for body in (
        "Client\tSuburb\tStatus\nHao Zhang\tRedgum Flat\tActive",
        "Client         Suburb           Status\nHao Zhang      Redgum Flat      active",
        "Client: Hao Zhang Redgum Flat",
        "RE: HAO ZHANG REDGUM FLAT",
    ):
        assert "suppressed_detail_exposed" in rules(scan(BOARD, body)), body
    # The twins: another client's row; her row to her own mailbox.
    assert rules(scan(BOARD, "Client\tSuburb\tStatus\nOmar Nasser\tBoulder Ridge\tActive")) == set()
    assert rules(scan("hz@mail.example", "Client\tSuburb\tStatus\nHao Zhang\tRedgum Flat\tActive")) == set()


def test_her_suburb_to_staff_not_allowed_suppressed_details(scan: Callable[[str, str], Verdict]) -> None:
    """DESIGN: internal staff see a suppressed detail only if they are on the suppressed-detail list; her suburb
    beside who she is is one (held for review, not refused)."""
    table = "Client\tSuburb\tStatus\nHao Zhang\tRedgum Flat\tActive"
    verdict = scan(f"reporting@{ORG_DOMAIN}", table)
    assert "suppressed_detail_exposed" in rules(verdict) and verdict.decision.value == "quarantine"
    assert rules(scan(STAFF_ALLOWED, table)) == set()
    assert rules(scan(f"reporting@{ORG_DOMAIN}", "Client\tSuburb\tStatus\nOmar Nasser\tBoulder Ridge\tActive")) == set()


def test_her_street_after_a_date_or_a_list_number(scan: Callable[[str, str], Verdict]) -> None:
    """Review K-7, K-8, K-9: a date or a list's number is no house number; "Of", "On" and her possessive put a
    place after them; her street and suburb typed in lower case are hers still."""
    for body in (
        "Hao Zhang: address changed 03/06/2025: Heron Close, Redgum Flat.",
        "VR905313\n1. Heron Close, Redgum Flat",
        "Hao Zhang  2025-06-03  Heron Close  Redgum Flat",
        "Re: Complaint By Hao Zhang Of Heron Close, Redgum Flat",
        "Complaint By Hao Zhang (VR905313) Of Redgum Flat",
        "Hao Zhang's Redgum Flat address must not be given.",
        "VR905313: she is now at heron close, redgum flat",
    ):
        assert "suppressed_detail_exposed" in rules(scan(BOARD, body)), body
    assert rules(scan(BOARD, "VR905313: the meter at 40 Heron Close, Redgum Flat was read.")) == set()  # a neighbour's


def test_a_suburb_of_three_or_four_letters_where_a_word_puts_a_place(tmp_path, config: Config) -> None:
    """Ayr, Kew, Moe, Sale, Yass: towns a woman moves to, and words or names too ("the Sale of the house", "Eden").
    Counted where a word puts a place after them, or written with her street; each held item beside its twin."""
    rows = (
        'S1,Ilse,Ormsby,1981-06-04,io@mail.example,,"45 Paperbark Drive, Ayr QLD 4807",CC-2001,postal_address,S2,\n'
        'S2,Koa,Ormsby,1975-10-25,ko@mail.example,,"2 Sugarcane Drive, Cannonvale QLD 4802",CC-2001,,S1,\n'
        'S3,Dana,Kerr,1971-02-02,dk@mail.example,,"7 Hill Street, Sale VIC 3850",CC-2003,postal_address,,\n'
    )
    bank = scanner(config, registry(tmp_path, rows), approved=("paroleboard.example",))

    def run(to: str, body: str) -> set[str]:
        return rules(bank.scan(communication_from_message(email([to], "Your card", body), "m.eml"), record=False))

    # To her former partner, her joint holder: her town, or her street and town.
    assert "suppressed_detail_exposed" in run("ko@mail.example", "Ilse has moved to Ayr, so her card goes there.")
    assert "suppressed_detail_exposed" in run("ko@mail.example", "Ilse is now living in Paperbark Drive, Ayr.")
    assert run("ko@mail.example", "Ilse has moved, so her card is posted to her separately.") == set()  # the twin
    assert "suppressed_detail_exposed" in run(BOARD, "Dana Kerr (CC-2003) now lives in Sale.")
    # The word and the name: no place.
    assert run(BOARD, "Dana Kerr (CC-2003): Sale of the house settles on Friday.") == set()
    assert run(BOARD, "Dana Kerr (CC-2003) asked about the Sale price.") == set()
    # Review L-6: where she lives in other words, a hard-wrapped line, after her name.
    for body in (
        "Ilse has moved to the Ayr area.",
        "Ilse has moved to\nAyr, so her card goes there.",
        "Ayr is where she lives now.",
    ):
        assert "suppressed_detail_exposed" in run("ko@mail.example", body), body
    assert "suppressed_detail_exposed" in run(BOARD, "Statement of Dana Kerr of Sale, retired.")
    for body in ("Statement of Dana Kerr, now of Sale.", "Name | Town\nDana Kerr | Sale", "CC-2003. Town: Sale"):
        assert "suppressed_detail_exposed" in run(BOARD, body), body  # review M-4, M-5
    # Review L-7: a person after "speak to", a heading in capitals.
    assert run("ko@mail.example", "Please speak to Ayr in our lending team.") == set()
    assert run("ko@mail.example", "RE: DISTRIBUTION OF PROCEEDS FROM AYR") == set()
    assert run(BOARD, "Re: Dana Kerr (CC-2003)\n\nSettlement Statement - Proceeds From Sale") == set()  # review K l05


def test_the_organisations_own_town_to_her_former_partner(tmp_path, config: Config) -> None:
    """A bank's branch town is in every member's branch-closure letter, her former partner's too: to him it says
    where she lives only where a word puts her there, or beside her name (review of the bank corpus, B0286)."""
    import dataclasses

    rows = (
        'L1,Leanne,Dempsey,1973-11-27,ld@mail.example,,"36 Kookaburra Crescent, Ingham QLD 4850",CC-3001,'
        "postal_address,L2,\n"
        'L2,Stavros,Dempsey,1968-02-08,sd@mail.example,,"112 Herbert Crescent, Bushland Beach QLD 4818",CC-3001,,L1,\n'
    )
    own = ("Coral Coast Mutual Bank, 52 Lannercost Street, Ingham QLD 4850", "PO Box 1840, Townsville QLD 4810")
    organisation = dataclasses.replace(config.organisation, own_details=own)
    bank = scanner(dataclasses.replace(config, organisation=organisation), registry(tmp_path, rows))
    (tmp_path / "plain").mkdir()
    unnamed = scanner(config, registry(tmp_path / "plain", rows))

    def run(body: str, with_scanner=bank) -> set[str]:  # type: ignore[no-untyped-def]
        message = email(["sd@mail.example"], "Your accounts", body)
        return rules(with_scanner.scan(communication_from_message(message, "m.eml"), record=False))

    closing = "Our Ingham branch is closing. A Bank@Post service remains at the Ingham post office."
    assert run(closing) == set()
    assert "suppressed_detail_exposed" in run(closing, unnamed)  # the twin: no offices configured, failing closed
    assert "suppressed_detail_exposed" in run("Your co-borrower has moved to Ingham, so her card goes there.")
    assert "suppressed_detail_exposed" in run("Leanne Dempsey banks at our Ingham branch now.")  # beside her name
    # Review L-4, L-5: where she lives, in other words; the branch's own town with the joint account's number.
    assert "suppressed_detail_exposed" in run("The other holder now lives near our Ingham office.")
    assert "suppressed_detail_exposed" in run("The account has moved to our Ingham branch, close to her new home.")
    assert run("Joint account CC-3001: our branch in Ingham will close. Call us on 1300 000 000.") == set()
    # Review M-1, M-2, M-3: her local branch, a letter all in capitals, an abbreviation before the town.
    assert "suppressed_detail_exposed" in run("Her new cards will go to her local branch in Ingham.")
    assert "suppressed_detail_exposed" in run("DEAR STAVROS, THE OTHER HOLDER NOW BANKS AT INGHAM.")
    assert "suppressed_detail_exposed" in run("The other holder lives on Herbert St. near our Ingham office.")
    # Review M-9: a move that is the branch's, not hers.
    assert run("From 1 July our Ingham branch has moved to 14 Herbert Street. Your account will not change.") == set()
    # The tax corpus's T0062: a letterhead's "Ingham office" line, her name further on (a table of the partners):
    # the office's, not hers. Her name in its sentence, or a word putting her there, still holds it.
    letterhead = "Coral Coast Mutual Bank\nIngham office\nPhone 07 4776 0000\n\nDear Stavros,\n\n"
    partners = "The holders are:\nLeanne Dempsey, c/- PO Box 1840, Townsville QLD 4810\nStavros Dempsey\n"
    assert run(letterhead + partners) == set()
    assert "suppressed_detail_exposed" in run(letterhead + "Leanne Dempsey now calls our Ingham office her branch.")
    assert "suppressed_detail_exposed" in run(letterhead + "She has moved close to our Ingham office.")
    # "Her", "she" in the office's sentence: where she is, to him (review N-4).
    assert "suppressed_detail_exposed" in run(letterhead + "Her statements will be held at our Ingham branch.")
    assert "suppressed_detail_exposed" in run(letterhead + "Our Ingham office visits her weekly.")
