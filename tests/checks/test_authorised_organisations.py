"""Letters by post to an organisation the registry knows only by an authorised contact's email: an employer's
payroll office (deduction schedules), a client's law firm (a letter sent care of it). Each beside its incident
twin: another employer, a firm no one authorised, another client's data in the same envelope."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dlp.config import Config
from dlp.extract import communication_from_letter
from dlp.model import Verdict
from dlp.policy import Policy
from dlp.registry import load_registry
from dlp.scanner import Scanner
from tests.conftest import rules

HEADER = (
    "client_id,given_name,family_name,date_of_birth,email,phone,postal_address,references,suppressed,"
    "joint_with,authorised_contacts\n"
)
# Two employees of Goldfields Logistics (their payroll mailbox authorised), one of another employer; a client
# whose family lawyer is Okafor Family Law, and the other parent of her child-support case, who has none. Nobody
# lives at the organisations' addresses.
ROWS = (
    'C1,Mei,Ivanova,1975-09-08,mei@mail.example,,"4/95 Melaleuca Close, Salisbury SA 5108",600775326C,,,'
    "payroll@goldfieldslogistics.example\n"
    'C2,Ayesha,Hosseini,1989-12-21,ayesha@mail.example,,"166 King Drive, Shepparton VIC 3630",202419768A,,,'
    "payroll@goldfieldslogistics.example\n"
    'C3,Nikolai,Berg,1996-04-24,nik@mail.example,,"220 Queen Street, Tamworth NSW 2340",444990137J,,,'
    "payroll@coastalmining.example\n"
    'C4,Rhiannon,Tipene,1988-09-12,rt@mail.example,,"7/92 Boronia Close, Elizabeth SA 5112",568405916J;CS41877877,,,'
    "familylaw@okaforfamilylaw.example\n"
    'C5,Kofi,Okonkwo,1996-10-23,ko@mail.example,,"13/18 Railway Court, Dubbo NSW 2830",518516815H;CS41877877,,,\n'
    'C6,Peter,Hart,1982-07-09,ph@mail.example,,"7 Kurrajong Road, Ballarat VIC 3350",CS41877877,,,\n'
    'C7,Lena,Marsh,1979-05-05,lm@mail.example,,"3 Ash Grove, Bendigo VIC 3550",730012345K,,,'
    "jmarsh72@bigpond.example;me@davidchen.example\n"
)
AGENCY = "Southern Cross Child Support Agency\nGPO Box 9910, Melbourne VIC 3001\n\n"


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Callable[[str], Verdict]:
    registry = tmp_path_factory.mktemp("organisations") / "clients.csv"
    registry.write_text(HEADER + ROWS)
    scanner = Scanner(config, load_registry(str(registry)), Policy.load())

    def run(text: str) -> Verdict:
        return scanner.scan(communication_from_letter(text.encode(), "letter.txt"), record=False)

    return run


def _schedule(employer: str, rows: str) -> str:
    return (
        f"{AGENCY}The Payroll Officer\n{employer}\nLevel 5, 1 Banksia Ct\nPENRITH NSW 2750\n\n3 March 2025\n\n"
        f"Deduction schedule - March 2025\n\nDear Payroll Officer\n\nEmployee | Customer ref | Per pay\n{rows}\n"
    )


OWN = "Mei Ivanova | 600 775 326C | $711.69\nAyesha Hosseini | 202 419 768A | $212.77"


def test_an_employers_schedule_by_post_names_only_its_own_employees(scan) -> None:
    assert scan(_schedule("Goldfields Logistics", OWN)).decision.value == "allow"
    assert scan(_schedule("Goldfields Logistics Pty Ltd", OWN)).decision.value == "allow"
    assert "mismatched_recipient" in rules(scan(_schedule("Coastal Mining", OWN)))  # another employer
    assert "mismatched_recipient" in rules(scan(_schedule("Goldfields Transport", OWN)))  # a look-alike
    another = OWN + "\nNikolai Berg | 444 990 137J | $549.23"  # an employee of Coastal Mining
    assert "mismatched_recipient" in rules(scan(_schedule("Goldfields Logistics", another)))


def _statement(care_of: str, refs: str) -> str:
    return (
        f"{AGENCY}Miss R Tipene\nc/- {care_of}\nPO Box 632\nBRISBANE QLD 4001\n\n6 February 2025\n\n"
        f"{refs}\n\nDear Miss Tipene\n\nHere is your payment statement.\n"
    )


OURS = "Your reference: 568 405 916J\nCase number: CS4187 7877"


def test_a_letter_care_of_the_clients_own_law_firm(scan) -> None:
    """The case number is the other parent's too: care of her own firm it goes to her side only."""
    assert scan(_statement("Okafor Family Law", OURS)).decision.value == "allow"
    assert "mismatched_recipient" in rules(scan(_statement("Adeyemi Family Law", OURS)))  # a firm she did not name
    # The firm acts for Miss Tipene, not for Mr Okonkwo: his own reference in her envelope is his alone.
    assert "mismatched_recipient" in rules(scan(_statement("Okafor Family Law", f"{OURS}\nOther: 518 516 815H")))


def test_a_letter_to_the_parent_of_a_child_the_registry_does_not_hold(scan) -> None:
    """Schools write "The Parent/Guardian of Jasper Ivanova" to the child's home: read by the client registered
    there, whose student reference it carries; the same letter at another client's home is that client's."""
    block = "The Parent/Guardian of Jasper Ivanova\n4/95 Melaleuca Close\nSALISBURY SA 5108"
    text = f"{AGENCY}{block}\n\nDear Parent/Guardian,\n\nCustomer ref 600 775 326C.\n"
    assert scan(text).decision.value == "allow"
    elsewhere = text.replace("4/95 Melaleuca Close\nSALISBURY SA 5108", "166 King Drive\nSHEPPARTON VIC 3630")
    assert "mismatched_recipient" in rules(scan(elsewhere))
    # The school's name and region printed just above the block, as window-envelope templates do.
    under = "BENDIGO CREEK SECONDARY COLLEGE\nLoddon Mallee Schools Region\n"
    assert scan(text.replace(block, under + block)).decision.value == "allow"
    assert "mismatched_recipient" in rules(scan(elsewhere.replace("The Parent", under + "The Parent")))


def test_only_the_organisation_and_its_role_mailbox_not_whoever_works_there(scan) -> None:
    """The employer's payroll mailbox is authorised, not every employee: her ex-partner (a client) at the firm,
    greeted by name, or any named employee, is no authorised reader; nor is a consumer provider's domain or a
    personal one read as an organisation."""
    ex_partner = _schedule("Goldfields Logistics", OWN).replace("The Payroll Officer", "Mr Peter Hart")
    assert "mismatched_recipient" in rules(scan(ex_partner.replace("Dear Payroll Officer", "Dear Mr Hart")))
    employee = _schedule("Goldfields Logistics", OWN).replace("The Payroll Officer", "Mr John Smith")
    assert "mismatched_recipient" in rules(scan(employee.replace("Dear Payroll Officer", "Dear Mr Smith")))
    marsh = "Lena Marsh | 730 012 345K | $300.00"
    assert "mismatched_recipient" in rules(scan(_schedule("Big Pond Aquatics", marsh)))
    assert "mismatched_recipient" in rules(scan(_schedule("David Chen", marsh)))


def test_a_banks_estates_team_by_post_reads_the_clients_it_was_authorised_for(
    tmp_path_factory: pytest.TempPathFactory, config: Config
) -> None:
    """ "Deceased Estates Team, Harbour Mutual Bank" for estates@harbourmutual.example: the kind of business ("Bank")
    that a domain leaves out, a deceased estates team's role mailbox, and "Dear Sir or Madam", which greets no person.
    Another client's account in the same letter is still held."""
    registry = tmp_path_factory.mktemp("bank") / "clients.csv"
    registry.write_text(
        HEADER + 'E1,Coral,Penrose,1949-11-01,,,"2 Mitchell Close, Bankstown NSW 2200",CM557567,,,'
        "estates@harbourmutual.example\n"
        'E2,Damien,Elkins,1981-01-03,,,"30 Hawthorn Close, Casino NSW 2470",CM942182,,,\n'
    )
    scanner = Scanner(config, load_registry(str(registry)), Policy.load())

    def run(refs: str, bank: str = "Harbour Mutual Bank") -> Verdict:
        text = (
            f"Deceased Estates Team\n{bank}\nLocked Bag 4410\nNORTH RYDE NSW 1670\n\nDear Sir or Madam\n\n"
            f"Re: the late Mrs Coral Penrose, our ref {refs}\n\nPlease close her accounts and send the balance.\n"
        )
        return scanner.scan(communication_from_letter(text.encode(), "letter.txt"), record=False)

    assert run("CM557567").decision.value == "allow"
    assert "mismatched_recipient" in rules(run("CM557567 and CM942182"))
    assert "mismatched_recipient" in rules(run("CM557567", bank="Harbour Freight Bank"))
    assert "mismatched_recipient" in rules(run("CM557567", bank="Harbour Mutual Legal Services"))  # review N-7
