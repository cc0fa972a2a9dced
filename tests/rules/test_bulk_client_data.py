"""Records of many clients to an approved third party: a leak unless they are that party's own people (an
employer's staff, registered with an email at its domain) or clients who made it their authorised contact. Each
incident beside its legitimate twin."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from dlp.config import Config
from dlp.extract import communication_from_letter, communication_from_message
from dlp.model import Verdict
from dlp.policy import Policy
from dlp.registry import load_registry
from dlp.scanner import Scanner
from tests.conftest import rules
from tests.synthetic import email

HEADER = (
    "client_id,given_name,family_name,date_of_birth,email,phone,postal_address,references,suppressed,"
    "joint_with,authorised_contacts\n"
)
GIVEN = ("Ava", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jia", "Kai", "Lui")
FAMILY = ("Abbot", "Brook", "Carver", "Dunne", "Ezra", "Frost", "Gale", "Hume", "Irwin", "Joss", "Kerr", "Lowe")


def _rows(prefix: str, domain: str, contacts: str = "") -> list[tuple[str, str]]:
    """Twelve employees: (client id, register line); registered with a work email at `domain` if given."""
    out, rows = [], []
    for i, (given, family) in enumerate(zip(GIVEN, FAMILY, strict=True)):
        cid, number = f"{prefix}{i}", f"{prefix}{4100 + i}"
        work = f";{given.lower()}.{family.lower()}@{domain}" if domain else ""
        rows.append(
            f"{cid},{given},{family}{prefix},1980-01-{i + 1:02d},{given.lower()}{i}@freemail.example{work},,"
            f'"{i + 1} Mill Road, Bendigo VIC 3550",{number},,,{contacts}\n'
        )
        out.append((cid, f"{number},{family.upper()}{prefix.upper()} {given},$3,{100 + i}.00"))
    _rows.csv += rows  # type: ignore[attr-defined]
    return out


_rows.csv = []  # type: ignore[attr-defined]
ACME = _rows("AC", "acme.example")  # Acme's staff, with work emails
OTHER = _rows("OT", "otherco.example")  # another employer's staff
SHOP = _rows("SH", "", contacts="payroll@shopco.example")  # shop staff: no work email, the payroll authorised


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Callable[[list[str], list], Verdict]:
    folder = tmp_path_factory.mktemp("bureau")
    (folder / "clients.csv").write_text(HEADER + "".join(_rows.csv))  # type: ignore[attr-defined]
    organisation = dataclasses.replace(
        config.organisation,
        approved_recipient_domains=("acme.example", "otherco.example", "shopco.example"),
    )
    scanner = Scanner(
        dataclasses.replace(config, organisation=organisation),
        load_registry(str(folder / "clients.csv")),
        Policy.load(),
    )

    def run(to: list[str], staff: list) -> Verdict:
        register = "Employee No,Name,Net\n" + "\n".join(line for _, line in staff) + "\n"
        message = email(to, "Pay register", "Attached.", attachments=[("register.csv", register.encode(), "text/csv")])
        return scanner.scan(communication_from_message(message, "register.eml"), record=False)

    return run


def test_an_employers_own_staff_to_its_payroll_officer(scan: Callable[[list[str], list], Verdict]) -> None:
    assert "bulk_client_data" not in rules(scan(["payroll@acme.example"], ACME))
    assert "bulk_client_data" in rules(scan(["someone@freemail.example"], ACME))  # the same register, outside
    assert "bulk_client_data" in rules(scan(["payroll@acme.example", "someone@freemail.example"], ACME))


def test_another_employers_staff_are_not_the_recipients_own(scan: Callable[[list[str], list], Verdict]) -> None:
    assert "bulk_client_data" not in rules(scan(["payroll@otherco.example"], OTHER))
    assert "bulk_client_data" in rules(scan(["payroll@acme.example"], OTHER))  # the wrong employer's payroll
    assert "bulk_client_data" in rules(scan(["payroll@acme.example"], ACME[:4] + OTHER))  # its own staff and more
    assert "bulk_client_data" not in rules(scan(["payroll@acme.example"], ACME + OTHER[:6]))  # six others: few
    # Sent to both employers, each gets the other's staff.
    assert "bulk_client_data" in rules(scan(["payroll@acme.example", "payroll@otherco.example"], ACME + OTHER))


def test_clients_who_authorised_the_recipient(scan: Callable[[list[str], list], Verdict]) -> None:
    """Staff without a work email: the registry names the employer's payroll mailbox their authorised contact."""
    assert "bulk_client_data" not in rules(scan(["payroll@shopco.example"], SHOP))
    assert "bulk_client_data" in rules(scan(["accounts@shopco.example"], SHOP))  # the same domain, another mailbox


def test_a_register_by_post_is_counted_as_ever(config: Config, tmp_path) -> None:
    """A letter has no domain: its reader's own people cannot be told from its address block."""
    (tmp_path / "clients.csv").write_text(HEADER + "".join(_rows.csv))  # type: ignore[attr-defined]
    scanner = Scanner(config, load_registry(str(tmp_path / "clients.csv")), Policy.load())
    text = (
        "Acme Pty Ltd\nAttention: The Payroll Officer\n1 Mill Road\nBendigo VIC 3550\n\nDear Payroll Officer,\n\n"
        + "\n".join(line for _, line in ACME)
        + "\n"
    )
    verdict = scanner.scan(communication_from_letter(text.encode(), "register.txt"), record=False)
    assert "bulk_client_data" in rules(verdict)
