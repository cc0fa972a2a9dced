"""An organisation's own recognisers from `[analysis] recognizers`, named by its policy, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stdnum import luhn

from dlp.analysis.local import load_local_recognizers
from dlp.errors import ConfigError
from dlp.recognizers import CODE_ENTITIES, code_recognizers, shipped_entities
from dlp.registry import RegistryIndex
from tests.cli.test_cli import dlp
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, email

CLAIMS_YAML = """\
recognizers:
  - name: AcmeClaimRecognizer
    supported_language: en
    supported_entity: ACME_CLAIM
    patterns:
      - name: claim number
        regex: "\\\\bCLM-?\\\\d{8}\\\\b"
        score: 0.9
    checksum: luhn
"""

POLICY = """\
version: 1
rules:
  sensitive_identifier:
    entities: [AU_TFN, AU_MEDICARE, CREDIT_CARD, ACME_CLAIM]
    entity_words: {ACME_CLAIM: claim number}
"""


def claim_number(seed: str) -> str:
    body = seed.zfill(7)[:7]
    return f"CLM-{body}{luhn.calc_check_digit(body)}"


@pytest.fixture
def org(tmp_path: Path, registry_csv: Path) -> Path:
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "claims.yaml").write_text(CLAIMS_YAML)
    (tmp_path / "policy.yaml").write_text(POLICY)
    (tmp_path / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "{registry_csv}"\n'
        '[store]\nurl = "sqlite:///var/dlp.db"\n[policy]\npath = "policy.yaml"\n'
        '[analysis]\nrecognizers = ["local/claims.yaml"]\n'
    )
    return tmp_path


def test_own_entity_named_by_the_policy_blocks_outside_and_passes_inside(
    org: Path, synthetic: SyntheticRegistry
) -> None:
    a = synthetic.ordinary()[0]
    good, bad = claim_number("4410023"), claim_number("4410023")[:-1] + "0"
    bad = bad if not luhn.is_valid(bad[4:]) else bad[:-1] + "1"
    body = f"Dear {a.given_name},\n\nYour claim {good} has been lodged and we will write again soon.\n"
    (org / "out.eml").write_bytes(email(["assessor@partner-example.net"], "claim", body))
    (org / "in.eml").write_bytes(email([f"claims@{ORG_DOMAIN}"], "claim", body))
    (org / "typo.eml").write_bytes(email(["assessor@partner-example.net"], "claim", body.replace(good, bad)))

    result = dlp("scan", "--config", "dlp.toml", "--json", "out.eml", "in.eml", "typo.eml", cwd=org)
    lines = {Path(line["path"]).name: line for line in map(json.loads, result.stdout.splitlines())}
    assert result.returncode == 1, result.stderr
    out = lines["out.eml"]
    assert out["decision"] == "quarantine"
    finding = next(f for f in out["findings"] if f["rule"] == "sensitive_identifier")
    assert "claim number" in finding["explanation"] and good not in result.stdout
    assert lines["in.eml"]["decision"] == "allow"  # internal staff are an approved channel
    assert lines["typo.eml"]["decision"] == "allow"  # the check digit fails: not one of ours


def test_a_bad_recogniser_file_stops_the_command_naming_it(org: Path) -> None:
    (org / "local" / "claims.yaml").write_text(CLAIMS_YAML.replace("\\\\d{8}", "(\\\\d{8}"))
    (org / "x.txt").write_text("hello")
    result = dlp("scan", "--config", "dlp.toml", "x.txt", cwd=org)
    assert result.returncode == 2
    assert "claims.yaml" in result.stderr and "AcmeClaimRecognizer" in result.stderr
    assert "regex does not compile" in result.stderr and "Traceback" not in result.stderr


def test_a_policy_naming_an_entity_no_recogniser_reports_is_refused(org: Path) -> None:
    (org / "dlp.toml").write_text((org / "dlp.toml").read_text().replace('recognizers = ["local/claims.yaml"]', ""))
    (org / "x.txt").write_text("hello")
    result = dlp("scan", "--config", "dlp.toml", "x.txt", cwd=org)
    assert result.returncode == 2 and "ACME_CLAIM" in result.stderr and "[analysis] recognizers" in result.stderr


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("recognizers: []\n", "non-empty 'recognizers:' list"),
        ("recognizers: [: bad\n", "not valid YAML"),
        ("recognizers:\n  - name: X\n    supported_entity: lower\n    patterns: []\n", "upper-case name"),
        ("recognizers:\n  - name: X\n    supported_entity: X_ID\n    deny_list: [a]\n    checksum: crc\n", "checksum"),
        ("recognizers:\n  - name: X\n    supported_entity: X_ID\n    patterns: [{regex: a, score: 3}]\n", "score"),
        ("recognizers:\n  - name: X\n    supported_entity: X_ID\n    colour: red\n    deny_list: [a]\n", "'colour'"),
    ],
)
def test_each_kind_of_mistake_has_its_own_words(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match="r.yaml") as caught:
        load_local_recognizers([path])
    assert words in str(caught.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_local_recognizers([tmp_path / "none.yaml"])


def test_the_list_of_shipped_entities_is_what_the_recognisers_report(index: RegistryIndex) -> None:
    reported = {e for r in code_recognizers(index) for e in r.supported_entities}
    assert reported == set(CODE_ENTITIES)
    assert reported < shipped_entities() and "MERGE_FIELD" in shipped_entities()
