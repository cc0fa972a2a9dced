"""`dlp registry build|check|info`, and every channel taking the built index where it took the CSV."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import dlp
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, letter


def test_build_info_and_scan_with_the_index(tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry) -> None:
    built = dlp("registry", "build", str(registry_csv), "-o", "clients.dlpidx", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert f"{len(synthetic.clients)} clients" in built.stdout and "checksum" in built.stdout

    info = dlp("registry", "info", "clients.dlpidx", cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    for label in ("format version:", "built at:", "clients:", "checksum:       sha256:"):
        assert label in info.stdout
    as_json = json.loads(dlp("registry", "info", "clients.dlpidx", "--json", cwd=tmp_path).stdout)
    assert as_json["valid"] and as_json["counts"]["clients"] == len(synthetic.clients)
    for c in synthetic.clients[:20]:
        assert c.family_name not in info.stdout and c.email not in info.stdout

    a, b = synthetic.ordinary()[:2]
    (tmp_path / "good.txt").write_text(letter(a, account_body(a)))
    (tmp_path / "bad.txt").write_text(letter(a, account_body(b)))
    (tmp_path / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "clients.dlpidx"\n'
        '[store]\nurl = "sqlite:///var/dlp.db"\n'
    )
    scanned = dlp("scan", "--config", "dlp.toml", "--json", "--no-record", "good.txt", "bad.txt", cwd=tmp_path)
    assert [json.loads(line)["decision"] for line in scanned.stdout.splitlines()] == ["allow", "quarantine"]
    by_csv = dlp("scan", "--registry", str(registry_csv), "--json", "--no-record", "good.txt", "bad.txt", cwd=tmp_path)
    assert by_csv.stdout.replace(str(registry_csv), "") == scanned.stdout  # the same verdicts either way


def test_check_validates_without_building(tmp_path: Path, registry_csv: Path) -> None:
    result = dlp("registry", "check", str(registry_csv), cwd=tmp_path)
    assert result.returncode == 0 and "registry is valid" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_a_csv_lacking_columns_is_refused_unless_declared_absent(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text(
        "client_id,given_name,family_name,email,phone,postal_address,references,joint_with,authorised_contacts\n"
        "C1,Aria,Ashdown,a@mail.example,,,AC12345,,\n"
    )
    refused = dlp("registry", "build", "c.csv", "-o", "c.dlpidx", cwd=tmp_path)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "date_of_birth, suppressed" in refused.stderr and "suppressed_detail_exposed" in refused.stderr
    assert not (tmp_path / "c.dlpidx").exists()
    (tmp_path / "dlp.toml").write_text('[registry]\nabsent_columns = ["date_of_birth", "suppressed"]\n')
    built = dlp("registry", "build", "c.csv", "-o", "c.dlpidx", "--config", "dlp.toml", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    bad_key = dlp("registry", "check", "c.csv", "--config", "bad.toml", cwd=tmp_path)
    assert bad_key.returncode == 2
    (tmp_path / "bad.toml").write_text('[registry]\nabsent_columns = ["client_id"]\n')
    bad_key = dlp("registry", "check", "c.csv", "--config", "bad.toml", cwd=tmp_path)
    assert bad_key.returncode == 2 and "required" in bad_key.stderr


def test_info_on_a_damaged_file_shows_the_error(tmp_path: Path, registry_csv: Path) -> None:
    assert dlp("registry", "build", str(registry_csv), "-o", "c.dlpidx", cwd=tmp_path).returncode == 0
    data = bytearray((tmp_path / "c.dlpidx").read_bytes())
    data[-10] ^= 1
    (tmp_path / "c.dlpidx").write_bytes(bytes(data))
    info = dlp("registry", "info", "c.dlpidx", cwd=tmp_path)
    assert info.returncode == 2 and "INVALID" in info.stdout and "checksum mismatch" in info.stdout
    missing = dlp("registry", "info", "nope.dlpidx", cwd=tmp_path)
    assert missing.returncode == 2 and "not found" in missing.stdout


def test_usage_errors(tmp_path: Path) -> None:
    for args, message in (
        (["registry", "build", "-o", "x.dlpidx"], "give a registry CSV or a database URL"),
        (["registry", "build", "c.csv", "--table", "t", "-o", "x"], "need a database URL"),
        (["registry", "build", "nope.csv", "-o", "x.dlpidx"], "registry file not found"),
        (["registry", "build", "nope.csv"], "required"),
    ):
        result = dlp(*args, cwd=tmp_path)
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)
