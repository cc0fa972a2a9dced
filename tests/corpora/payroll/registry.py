"""The bureau's client registry (DESIGN §4 columns) and its dlp.toml configuration."""

from __future__ import annotations

import csv
import io

from . import world
from .world import World

COLUMNS = [
    "client_id",
    "given_name",
    "family_name",
    "date_of_birth",
    "email",
    "phone",
    "postal_address",
    "references",
    "suppressed",
    "joint_with",
    "authorised_contacts",
]


def references(e: world.Employee) -> list[str]:
    """Employee number, the pay account number, and the salary-packaging account where there is one."""
    return [r for r in (e.empno, e.account, e.packaging_ref) if r]


def clients_csv(w: World) -> bytes:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(COLUMNS)
    for e in w.employees:
        out.writerow(
            [
                e.client_id,
                e.given,
                e.family,
                e.dob.isoformat(),
                ";".join(e.emails),
                ";".join(e.phones),
                e.address.one_line,
                ";".join(references(e)),
                ";".join(e.suppressed),
                ";".join(e.joint_with),
                ";".join(e.authorised),
            ]
        )
    return buf.getvalue().encode("utf-8")


def approved_domains() -> list[str]:
    return (
        [e.domain for e in world.EMPLOYERS]
        + [d for _, d in world.SUPER_FUNDS]
        + [world.PACKAGER[1], world.BANK[1], world.CHILD_SUPPORT[1], world.TAX_OFFICE[1]]
    )


def config_toml() -> bytes:
    def arr(xs: list[str]) -> str:
        return "[" + ", ".join(f'"{x}"' for x in xs) + "]"

    text = f"""# {world.BUREAU}: outsourced payroll and HR for four employers.
[organisation]
name = "{world.BUREAU}"
internal_domains = {arr([world.BUREAU_DOMAIN])}
# The employers (their payroll and HR officers), the super funds, the salary packager, the paying bank,
# the Child Support Agency and the tax office.
approved_recipient_domains = {arr(approved_domains())}
# The protected-employees team: the only staff who may see a suppressed address or phone.
suppressed_detail_staff = {arr(world.PROTECTED_TEAM)}
timezone = "Australia/Melbourne"

[registry]
path = "clients.csv"

[incidents]
holidays = "AU-VIC"
"""
    return text.encode("utf-8")
