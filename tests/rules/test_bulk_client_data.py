"""Records of many clients to an approved third party: a leak unless every client made the recipient their
authorised contact (an employer's payroll mailbox, for its staff's pay register). A work email at the approved
domain does not make a client the recipient's: an approved domain may be a mail provider's too. Each incident beside
its legitimate twin."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dlp.config import Config
from dlp.extract import communication_from_letter, communication_from_message
from dlp.model import Verdict
from tests.conftest import rules
from tests.rules.registry import registry, scanner
from tests.synthetic import email

GIVEN = ("Ava", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jia", "Kai", "Lui")
FAMILY = ("Abbot", "Brook", "Carver", "Dunne", "Ezra", "Frost", "Gale", "Hume", "Irwin", "Joss", "Kerr", "Lowe")


def _staff(prefix: str, domain: str, contacts: str = "") -> tuple[str, list[str]]:
    """Twelve employees: their registry rows, and their lines of a pay register; registered with a work email at
    `domain` if given."""
    rows, register = "", []
    for i, (given, family) in enumerate(zip(GIVEN, FAMILY, strict=True)):
        number = f"{prefix}{4100 + i}"
        work = f";{given.lower()}.{family.lower()}@{domain}" if domain else ""
        rows += (
            f"{prefix}{i},{given},{family}{prefix},1980-01-{i + 1:02d},{given.lower()}{i}@freemail.example{work},,"
            f'"{i + 1} Mill Road, Bendigo VIC 3550",{number},,,{contacts}\n'
        )
        register.append(f"{number},{family.upper()}{prefix.upper()} {given},$3,{100 + i}.00")
    return rows, register


ACME_ROWS, ACME = _staff("AC", "acme.example")  # Acme's staff, with work emails
OTHER_ROWS, OTHER = _staff("OT", "otherco.example")  # another employer's staff
SHOP_ROWS, SHOP = _staff("SH", "", contacts="payroll@shopco.example")  # no work email; the payroll authorised
ROWS = ACME_ROWS + OTHER_ROWS + SHOP_ROWS


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Callable[[list[str], list[str]], Verdict]:
    approved = ("acme.example", "otherco.example", "shopco.example", "freemail.example")
    bureau = scanner(config, registry(tmp_path_factory.mktemp("bureau"), ROWS), approved=approved)

    def run(to: list[str], staff: list[str]) -> Verdict:
        register = "Employee No,Name,Net\n" + "\n".join(staff) + "\n"
        message = email(to, "Pay register", "Attached.", attachments=[("register.csv", register.encode(), "text/csv")])
        return bureau.scan(communication_from_message(message, "register.eml"), record=False)

    return run


def test_staff_who_authorised_their_employers_payroll(scan: Callable[[list[str], list[str]], Verdict]) -> None:
    assert "bulk_client_data" not in rules(scan(["payroll@shopco.example"], SHOP))
    assert "bulk_client_data" in rules(scan(["accounts@shopco.example"], SHOP))  # the same domain, another mailbox
    assert "bulk_client_data" in rules(scan(["payroll@shopco.example", "someone@freemail.example"], SHOP))
    assert "bulk_client_data" in rules(scan(["payroll@shopco.example"], SHOP[:4] + OTHER))  # and others' staff
    assert "bulk_client_data" not in rules(scan(["payroll@shopco.example"], SHOP + OTHER[:6]))  # six others: few


def test_a_work_email_at_the_domain_makes_no_one_the_recipients(
    scan: Callable[[list[str], list[str]], Verdict],
) -> None:
    """Acme's staff are registered with work emails at acme.example, and personal ones at freemail.example, which
    is approved too (a mail provider the organisation deals with): neither makes the register the recipient's."""
    assert "bulk_client_data" in rules(scan(["payroll@acme.example"], ACME))
    assert "bulk_client_data" in rules(scan(["support@freemail.example"], ACME))
    assert "bulk_client_data" in rules(scan(["payroll@otherco.example"], ACME))


def test_a_register_by_post_is_counted_as_ever(config: Config, tmp_path) -> None:
    """A letter has no domain: its reader's own people cannot be told from its address block."""
    by_post = scanner(config, registry(tmp_path, ROWS))
    text = (
        "Acme Pty Ltd\nAttention: The Payroll Officer\n1 Mill Road\nBendigo VIC 3550\n\nDear Payroll Officer,\n\n"
        + "\n".join(ACME)
        + "\n"
    )
    verdict = by_post.scan(communication_from_letter(text.encode(), "register.txt"), record=False)
    assert "bulk_client_data" in rules(verdict)


def test_a_landlords_own_tenants_and_his_own_folio(config: Config, tmp_path) -> None:
    """A property manager's tenants name their landlord (a client) in authorised_contacts: his arrears list of
    his own building's tenants, with his own folio, is his; another owner's tenants' list is a leak."""
    owner = 'L1,Hamza,Reddy,1960-01-01,hamza@freemail.example,,"9 Hill Road, Bendigo VIC 3550",O100001,,,\n'
    other = 'L2,Ines,Moreau,1961-01-01,ines@freemail.example,,"3 Lake Road, Bendigo VIC 3550",O100002,,,\n'
    tenants = "".join(
        f'T{i},{given},{family},1990-01-{i + 1:02d},,,"Unit {i + 1}, 26 Tallowwood Close, Dapto NSW 2530",'
        f"T66{i:04d},,,{'L1' if i < 10 else 'L2'}\n"
        for i, (given, family) in enumerate(zip(GIVEN, FAMILY, strict=True))
    )
    agency = scanner(config, registry(tmp_path, owner + other + tenants))

    def run(to: str, rows: range) -> set[str]:
        listing = "Owner folio O100001\nTenancy,Tenant,Owing\n" + "".join(
            f"T66{i:04d},{GIVEN[i]} {FAMILY[i]},$810\n" for i in rows
        )
        message = email([to], "Arrears", "Attached.", attachments=[("arrears.csv", listing.encode(), "text/csv")])
        return rules(agency.scan(communication_from_message(message, "arrears.eml"), record=False))

    assert "bulk_client_data" not in run("hamza@freemail.example", range(10))
    assert "bulk_client_data" in run("ines@freemail.example", range(10))  # another owner
    assert "bulk_client_data" in run("someone@mailbox.example", range(10))
