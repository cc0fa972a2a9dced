from __future__ import annotations

import io

import pytest

from dlp.errors import RegistryError
from dlp.registry.loader import load_clients, parse_clients

HEADER = (
    "client_id,given_name,family_name,date_of_birth,email,phone,postal_address,references,suppressed,joint_with,"
    "authorised_contacts\n"
)
GOOD = 'C1,Aria,Ashdown,1984-03-03,a@mail.example,0412 345 678,"12 Wattle Street, Bendigo VIC 3550",AC1,,,\n'


def load(text: str, **settings: object) -> list:
    return list(parse_clients(io.StringIO(text), **settings))  # type: ignore[arg-type]


@pytest.mark.parametrize("written", ["No fixed address", "NFA", "N.F.A.", "homeless", "Address unknown", "none"])
def test_a_client_with_no_fixed_address_loads_without_one(written: str) -> None:
    """A homeless client of a legal or social service has no postal address: the registry still loads."""
    (_, client) = load(HEADER + GOOD + f"C2,Bo,Tran,,,0412 345 679,{written},AC2,,,\n")
    assert client.postal_address == "" and client.phones == ("0412 345 679",)


def test_valid_row_is_parsed() -> None:
    (client,) = load(HEADER + GOOD)
    assert client.client_id == "C1" and client.date_of_birth.isoformat() == "1984-03-03"
    assert client.initials == "A.A."


@pytest.mark.parametrize(
    ("row", "column", "line"),
    [
        (",Aria,Ashdown,,,,,,,,\n", "client_id", 3),
        ("C2,Aria,Ashdown,31/31/1984,,,,,,,\n", "date_of_birth", 3),
        ("C2,Aria,Ashdown,,,,,,fax,,\n", "suppressed", 3),
        ("C2,Aria,Ashdown,,,,,,,C99,\n", "joint_with", 3),
        ("C1,Bodhi,Blackwood,,,,,,,,\n", "client_id", 3),
        ("C2,Aria,Ashdown,,not-an-email,,,,,,\n", "email", 3),
        ('C2,Aria,Ashdown,,,,"12 Wattle Street",,,,\n', "postal_address", 3),
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


def test_a_header_short_of_several_columns_names_them_all_at_once() -> None:
    with pytest.raises(RegistryError) as info:
        load("client_id,given_name,email\nC1,Ann,a@x.example\n")
    message = str(info.value)
    assert "lacks required column(s) family_name" in message
    assert "no date_of_birth, phone, postal_address" in message and "absent_columns" in message
    with pytest.raises(RegistryError, match="the registry is empty"):
        load("")


def test_missing_file_is_a_registry_error(tmp_path) -> None:
    with pytest.raises(RegistryError, match="not found"):
        load_clients(tmp_path / "nope.csv")


def test_dates_of_birth_are_iso_unless_a_format_is_configured() -> None:
    for written in ("3 March 1984", "03/03/1984", "1984-3-3"):
        with pytest.raises(RegistryError, match="expected YYYY-MM-DD") as info:
            load(HEADER + f"C1,Aria,Ashdown,{written},,,,,,,\n")
        assert info.value.column == "date_of_birth"
    rows = HEADER + "C1,Aria,Ashdown,03/03/1984,,,,,,,\nC2,Bo,Bay,31/12/1999,,,,,,,\n"
    assert [c.date_of_birth.isoformat() for c in load(rows, date_format="%d/%m/%Y")] == ["1984-03-03", "1999-12-31"]
    with pytest.raises(RegistryError, match="configured form"):
        load(HEADER + "C1,Aria,Ashdown,1984-03-03,,,,,,,\n", date_format="%d/%m/%Y")


@pytest.mark.parametrize("column", ["date_of_birth", "suppressed", "joint_with", "authorised_contacts", "phone"])
def test_missing_column_is_refused_naming_the_protection(column: str) -> None:
    columns = [c for c in HEADER.strip().split(",") if c != column]
    text = ",".join(columns) + "\nC1,Aria,Ashdown" + "," * (len(columns) - 3) + "\n"
    with pytest.raises(RegistryError) as info:
        load(text)
    message = str(info.value)
    assert column in message and "absent_columns" in message
    assert {"suppressed": "suppressed_detail_exposed", "joint_with": "joint", "date_of_birth": "date of birth"}.get(
        column, ""
    ) in message
    (client,) = load(text, absent_columns=[column])
    assert client.client_id == "C1"


def test_absent_columns_must_be_known_optional_columns() -> None:
    with pytest.raises(RegistryError, match="required"):
        load(HEADER + GOOD, absent_columns=["client_id"])
    with pytest.raises(RegistryError, match="unknown column"):
        load(HEADER + GOOD, absent_columns=["shoe_size"])


def test_control_characters_are_refused() -> None:
    with pytest.raises(RegistryError, match="control character") as info:
        load(HEADER + "C1,Ar\x1fia,Ashdown,,,,,,,,\n")
    assert info.value.column == "given_name"


def test_rows_stream_and_a_bad_joint_holder_stops_at_the_end() -> None:
    clients = parse_clients(io.StringIO(HEADER + GOOD + "C2,Bo,Bay,,,,,,,C99,\n"))
    assert next(clients).client_id == "C1"
    assert next(clients).client_id == "C2"
    with pytest.raises(RegistryError, match="joint_with names a client_id that is not in the registry"):
        next(clients)


def test_a_mistyped_joint_holder_is_refused_without_repeating_what_was_typed() -> None:
    """A name and a phone pasted into joint_with: the error names the line and column, never the value."""
    clients = parse_clients(io.StringIO(HEADER + GOOD + "C2,Bo,Bay,,,,,,,Darcy Stirling 0400 869 000,\n"))
    with pytest.raises(RegistryError) as info:
        list(clients)
    assert info.value.column == "joint_with" and "Stirling" not in str(info.value) and "0400" not in str(info.value)
