"""Records of many clients to an approved third party: a leak unless they are that party's own people (an
employer's staff, registered with an email at its domain) or clients who made it their authorised contact. Each
incident beside its legitimate twin."""

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
    approved = ("acme.example", "otherco.example", "shopco.example")
    bureau = scanner(config, registry(tmp_path_factory.mktemp("bureau"), ROWS), approved=approved)

    def run(to: list[str], staff: list[str]) -> Verdict:
        register = "Employee No,Name,Net\n" + "\n".join(staff) + "\n"
        message = email(to, "Pay register", "Attached.", attachments=[("register.csv", register.encode(), "text/csv")])
        return bureau.scan(communication_from_message(message, "register.eml"), record=False)

    return run


def test_an_employers_own_staff_to_its_payroll_officer(scan: Callable[[list[str], list[str]], Verdict]) -> None:
    assert "bulk_client_data" not in rules(scan(["payroll@acme.example"], ACME))
    assert "bulk_client_data" in rules(scan(["someone@freemail.example"], ACME))  # the same register, outside
    assert "bulk_client_data" in rules(scan(["payroll@acme.example", "someone@freemail.example"], ACME))


def test_another_employers_staff_are_not_the_recipients_own(scan: Callable[[list[str], list[str]], Verdict]) -> None:
    assert "bulk_client_data" not in rules(scan(["payroll@otherco.example"], OTHER))
    assert "bulk_client_data" in rules(scan(["payroll@acme.example"], OTHER))  # the wrong employer's payroll
    assert "bulk_client_data" in rules(scan(["payroll@acme.example"], ACME[:4] + OTHER))  # its own staff and more
    assert "bulk_client_data" not in rules(scan(["payroll@acme.example"], ACME + OTHER[:6]))  # six others: few
    # Sent to both employers, each gets the other's staff.
    assert "bulk_client_data" in rules(scan(["payroll@acme.example", "payroll@otherco.example"], ACME + OTHER))


def test_clients_who_authorised_the_recipient(scan: Callable[[list[str], list[str]], Verdict]) -> None:
    """Staff without a work email: the registry names the employer's payroll mailbox their authorised contact."""
    assert "bulk_client_data" not in rules(scan(["payroll@shopco.example"], SHOP))
    assert "bulk_client_data" in rules(scan(["accounts@shopco.example"], SHOP))  # the same domain, another mailbox


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
