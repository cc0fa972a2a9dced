from __future__ import annotations

from pathlib import Path

import pytest

from dlp.errors import PolicyError
from dlp.model import Decision
from dlp.policy import Policy
from dlp.rules import RULES


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(text)
    return path


def test_shipped_policy_covers_all_seven_rules() -> None:
    policy = Policy.load()
    assert (
        {r.rule_id for r in policy.rules}
        == {
            "mismatched_recipient",
            "suppressed_detail_exposed",
            "mixed_client_documents",
            "bulk_client_data",
            "sensitive_identifier",
            "unmerged_field",
            "unscannable_content",
        }
        == set(RULES)
    )


def test_override_changes_one_rule_only(tmp_path: Path) -> None:
    policy = Policy.load(write(tmp_path, "rules:\n  bulk_client_data:\n    threshold: 25\n    decision: reject\n"))
    rules = {r.rule_id: r for r in policy.rules}
    assert rules["bulk_client_data"].options["threshold"] == 25
    assert rules["bulk_client_data"].settings.decision is Decision.REJECT
    assert rules["unmerged_field"].settings.decision is Decision.REJECT  # shipped value kept


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n  no_such_rule: {decision: warn}\n", "unknown rule"),
        ("rules:\n  unmerged_field: {decision: block}\n", "decision must be one of"),
        ("rules:\n  unmerged_field: {severity: dire}\n", "severity must be one of"),
        (
            "rules:\n  bulk_client_data: {threshold: many}\n",
            "threshold must be a whole number of at least 1",
        ),
        ("rules:\n  bulk_client_data: {treshold: 5}\n", "unknown key 'treshold'; did you mean 'threshold'"),
        ("rules:\n  unmerged_field: {enabled: 'no'}\n", "rule unmerged_field: enabled must be true or false"),
        ("rules:\n  sensitive_identifier: {entities: AU_TFN}\n", "entities must be a list of strings"),
        ("version: 1\nrule:\n  unmerged_field: {}\nrules: {}\n", "unknown key 'rule'; did you mean 'rules'"),
        ("rules:\n  bulk_client_data: {threshold: 0}\n", "at least 1"),
        ("rules:\n  unmerged_field: {colour: red}\n", "unknown key 'colour'"),
        ("rules: [1, 2]\n", "must be a mapping"),
        ("rules:\n  unmerged_field: {decision: warn\n", "not valid YAML"),
    ],
)
def test_bad_policy_stops_start_up(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        Policy.load(write(tmp_path, text))


def test_disabled_rule_does_not_report(tmp_path: Path, synthetic, scanner) -> None:
    from dlp.extract import communication_from_letter
    from dlp.scanner import Scanner
    from tests.synthetic import letter

    quiet = Scanner(
        scanner.config,
        scanner.index,
        Policy.load(write(tmp_path, "rules:\n  unmerged_field: {enabled: false}\n")),
        analyzer=scanner.analyzer,
    )
    item = communication_from_letter(letter(synthetic.ordinary()[0], "Dear «FirstName»").encode(), "l.txt")
    assert quiet.scan(item).decision is Decision.ALLOW
    assert scanner.scan(item, record=False).decision is Decision.REJECT


def test_the_shipped_policy_passes_the_validator() -> None:
    from dlp.policy import SHIPPED, _read, _validate

    shipped = _read(SHIPPED)
    assert set(shipped) == set(RULES)
    for rule_id, values in shipped.items():
        _validate(rule_id, values, SHIPPED)  # not done at start-up: the file is ours
