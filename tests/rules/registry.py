"""A small registry of the test's own rows, and a scanner over it: what the rules' tests each build."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from dlp.config import Config
from dlp.policy import Policy
from dlp.registry import RegistryIndex, load_registry
from dlp.scanner import Scanner

HEADER = (
    "client_id,given_name,family_name,date_of_birth,email,phone,postal_address,references,suppressed,"
    "joint_with,authorised_contacts\n"
)


def registry(folder: Path, rows: str) -> RegistryIndex:
    """The registry of `rows` (CSV lines under DESIGN §4's header), written to `folder` and loaded."""
    (folder / "clients.csv").write_text(HEADER + rows)
    return load_registry(str(folder / "clients.csv"))


def scanner(
    config: Config, index: RegistryIndex, approved: tuple[str, ...] = (), policy: Path | None = None
) -> Scanner:
    """A scanner with the shipped policy (or `policy`), the organisation approving `approved` domains if given."""
    if approved:
        organisation = dataclasses.replace(config.organisation, approved_recipient_domains=approved)
        config = dataclasses.replace(config, organisation=organisation)
    return Scanner(config, index, Policy.load(policy) if policy else Policy.load())
