"""A mistake in the configuration or the policy stops `dlp` with one line naming the file, section and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import dlp


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ("[organisation]\nintenal_domains = ['a.example']\n", "did you mean 'internal_domains'?"),
        ("[relay]\nworkers = 'two'\n", "[relay]: workers must be a whole number of at least 1, got 'two'"),
        (
            "[policy]\npath = 'policy.yaml'\n",
            "rule bulk_client_data: unknown key 'treshold'; did you mean 'threshold'?",
        ),
    ],
)
def test_one_clear_line_and_exit_2(tmp_path: Path, registry_csv: Path, toml: str, words: str) -> None:
    (tmp_path / "bad.toml").write_text(toml)
    (tmp_path / "policy.yaml").write_text("rules:\n  bulk_client_data:\n    treshold: 5\n")
    (tmp_path / "x.txt").write_text("hello")
    result = dlp("scan", "--config", "bad.toml", "--registry", str(registry_csv), "x.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("dlp: error: ") and words in lines[0], result.stderr


def test_a_folder_given_as_the_configuration_says_so(tmp_path: Path, registry_csv: Path) -> None:
    (tmp_path / "x.txt").write_text("hello")
    result = dlp("scan", "--config", str(tmp_path), "--registry", str(registry_csv), "x.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.strip() == f"dlp: error: configuration file {tmp_path} is a folder: give the dlp.toml file in it"
    )
