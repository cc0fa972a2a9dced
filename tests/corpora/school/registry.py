"""Writes the registry (DESIGN §4 columns) and the organisation's configuration."""

from __future__ import annotations

import csv
import io
from pathlib import Path

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
ORG = "Loddon Mallee Schools Region"
INTERNAL = ["lmschools.example", "lmsr.example"]
APPROVED = ["kindredallied.example", "familypathways.example", "rivergumcare.example"]
VENDORS = {
    "photo": "snapschoolphotos.example",
    "bus": "goldfieldscoaches.example",
    "camp": "campmurrayriver.example",
    "collect": "recoverright.example",
    "fundraise": "kidsfundraise.example",
}


def write_registry(world: World, out: Path) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for c in sorted(world.clients, key=lambda c: c.client_id):
        w.writerow(
            [
                c.client_id,
                c.given,
                c.family,
                c.dob,
                ";".join(c.emails),
                ";".join(c.phones),
                c.address.one_line(),
                ";".join(c.references),
                ";".join(c.suppressed),
                ";".join(c.joint_with),
                ";".join(c.authorised),
            ]
        )
    (out / "clients.csv").write_text(buf.getvalue(), encoding="utf-8")


def write_config(world: World, out: Path) -> None:
    def arr(xs: list[str]) -> str:
        return "[" + ", ".join(f'"{x}"' for x in xs) + "]"

    (out / "dlp.toml").write_text(
        "[organisation]\n"
        f'name = "{ORG}"\n'
        f"internal_domains = {arr(INTERNAL)}\n"
        "# allied-health and family-services providers on the region's panel; the out-of-home-care agency\n"
        f"approved_recipient_domains = {arr(APPROVED)}\n"
        "# student wellbeing leaders of each school and the regional enrolment support team\n"
        f"suppressed_detail_staff = {arr(world.suppressed_staff)}\n"
        'timezone = "Australia/Melbourne"\n\n'
        "[registry]\n"
        'path = "clients.csv"\n',
        encoding="utf-8",
    )
