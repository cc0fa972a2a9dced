"""mismatched_recipient: whose data reaches whom."""

from __future__ import annotations

from pathlib import Path

from dlp.config import Config
from dlp.extract import communication_from_letter
from dlp.policy import Policy
from dlp.registry import RegistryIndex
from dlp.scanner import Scanner
from tests.synthetic import SyntheticRegistry, letter


def test_an_address_alone_identifies_unless_the_policy_says_it_does_not(
    synthetic: SyntheticRegistry, config: Config, index: RegistryIndex, tmp_path: Path
) -> None:
    """DESIGN §3: a full address identifies a client. A council's notice to the neighbours names the land, not
    its owner: with `address_alone_identifies: false` an address counts only beside the client's name or
    another of their identifiers."""
    neighbour, owner = synthetic.ordinary()[30], synthetic.ordinary()[31]
    notice = letter(neighbour, f"An application for a permit has been made for a carport at {owner.postal_address}.")
    named = letter(neighbour, f"{owner.name} of {owner.postal_address} has applied for a permit for a carport.")
    born = letter(
        neighbour, f"The ratepayer of {owner.postal_address} (born {owner.date_of_birth:%d/%m/%Y}) owes rates."
    )
    override = tmp_path / "council.yaml"
    override.write_text("rules:\n  mismatched_recipient:\n    address_alone_identifies: false\n")
    for policy, expected in ((Policy.load(), "quarantine"), (Policy.load(override), "allow")):
        scanner = Scanner(config, index, policy)
        verdict = scanner.scan(communication_from_letter(notice.encode(), "notice.txt"), record=False)
        assert verdict.decision.value == expected, verdict.violations
        for text in (named, born):  # the address beside the client's name, or date of birth
            verdict = scanner.scan(communication_from_letter(text.encode(), "named.txt"), record=False)
            assert "mismatched_recipient" in {v.rule for v in verdict.violations}, text
