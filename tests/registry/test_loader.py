from __future__ import annotations

import io

import pytest

from dlp.errors import RegistryError
from dlp.registry.loader import load_clients, parse_clients

HEADER = "client_id,given_name,family_name,date_of_birth,email,phone,postal_address,references,suppressed,joint_with\n"
GOOD = 'C1,Aria,Ashdown,1984-03-03,a@mail.example,0412 345 678,"12 Wattle Street, Bendigo VIC 3550",AC1,,\n'


def load(text: str) -> list:
    return list(parse_clients(io.StringIO(text)))


def test_valid_row_is_parsed() -> None:
    (client,) = load(HEADER + GOOD)
    assert client.client_id == "C1" and client.date_of_birth.isoformat() == "1984-03-03"
    assert client.initials == "A.A."


@pytest.mark.parametrize(
    ("row", "column", "line"),
    [
        (",Aria,Ashdown,,,,,,,\n", "client_id", 3),
        ("C2,Aria,Ashdown,31/31/1984,,,,,,\n", "date_of_birth", 3),
        ("C2,Aria,Ashdown,,,,,,fax,\n", "suppressed", 3),
        ("C2,Aria,Ashdown,,,,,,,C99\n", "joint_with", 3),
        ("C1,Bodhi,Blackwood,,,,,,,\n", "client_id", 3),
        ("C2,Aria,Ashdown,,not-an-email,,,,,\n", "email", 3),
        ('C2,Aria,Ashdown,,,,"12 Wattle Street",,,\n', "postal_address", 3),
    ],
)
def test_bad_row_names_line_and_column(row: str, column: str, line: int) -> None:
    with pytest.raises(RegistryError) as info:
        load(HEADER + GOOD + row)
    assert info.value.line == line and info.value.column == column
    assert f"line {line}" in str(info.value) and column in str(info.value)


def test_wrong_columns_are_a_clear_error() -> None:
    with pytest.raises(RegistryError, match="lacks required column"):
        load("id,name\n1,x\n")
    with pytest.raises(RegistryError, match="unknown column"):
        load(HEADER.strip() + ",shoe_size\n")


def test_missing_file_is_a_registry_error(tmp_path) -> None:
    with pytest.raises(RegistryError, match="not found"):
        load_clients(tmp_path / "nope.csv")


def test_dates_in_letter_formats_are_accepted() -> None:
    rows = HEADER + "C1,Aria,Ashdown,3 March 1984,,,,,,\nC2,Bo,Bay,03/03/1984,,,,,,\n"
    assert {c.date_of_birth.isoformat() for c in load(rows)} == {"1984-03-03"}
