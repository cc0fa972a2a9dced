from __future__ import annotations

from pathlib import Path

import pytest

from dlp.config import Config, load_config
from dlp.errors import ConfigError


def test_defaults_without_a_file() -> None:
    config = load_config(None)
    assert config.relay.listen == "127.0.0.1:10025" and config.web.listen == "127.0.0.1:8025"


def test_relative_paths_follow_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "dlp.toml"
    path.write_text(
        '[registry]\npath = "c.csv"\n[store]\nurl = "sqlite:///var/x.db"\n'
        '[organisation]\ninternal_domains = ["Org.Example"]\n'
    )
    config = load_config(path)
    assert config.resolve_path(config.registry.path or "") == tmp_path / "c.csv"
    assert config.store_url == f"sqlite:///{tmp_path}/var/x.db"
    assert config.organisation.internal_domains == ("org.example",)
    assert isinstance(config, Config)


def test_public_holidays(tmp_path: Path) -> None:
    path = tmp_path / "dlp.toml"
    path.write_text('[incidents]\npublic_holidays = ["2026-12-25", "2026-12-28"]\n')
    assert [d.isoformat() for d in load_config(path).holidays] == ["2026-12-25", "2026-12-28"]
    path.write_text('[incidents]\npublic_holidays = ["Christmas"]\n')
    with pytest.raises(ConfigError, match="ISO dates"):
        load_config(path)


def test_runtime_budgets_and_relay_concurrency(tmp_path: Path) -> None:
    defaults = load_config(None)
    assert defaults.relay.max_pending >= 20  # Postfix's default destination concurrency gets no 451
    assert (defaults.limits.max_scan_seconds, defaults.relay.poison_attempts) == (120, 2)
    path = tmp_path / "dlp.toml"
    path.write_text(
        "[limits]\nmax_scan_seconds = 30\nmax_memory_mb = 512\n[relay]\nbusy_wait_seconds = 5\n"
        "[folder]\nworkers = 2\nretry_seconds = 10\nmax_retry_seconds = 600\n"
    )
    config = load_config(path)
    assert (config.limits.max_scan_seconds, config.limits.max_memory_mb, config.relay.busy_wait_seconds) == (30, 512, 5)
    assert (config.folder.workers, config.folder.retry_seconds, config.folder.max_retry_seconds) == (2, 10, 600)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[limits]\nmax_scan_seconds = 0\n", "max_scan_seconds must be a whole number of at least 1"),
        ("[organisation]\nnmae = 'x'\n", "unknown key 'nmae'"),
        ("[orgnisation]\nname = 'x'\n", "unknown section"),
        ("[organisation]\ninternal_domains = 'a.example'\n", "list of strings"),
        ("[relay]\nlisten = 'localhost'\n", "HOST:PORT"),
        ("[organisation\n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "dlp.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "[organisation]\nintenal_domains = ['a.example']\n",
            "[organisation]: unknown key 'intenal_domains'; did you mean 'internal_domains'?",
        ),
        ("[registy]\npath = 'c.csv'\n", "unknown section [registy]; did you mean [registry]?"),
        ("[relay]\nworkers = 'two'\n", "[relay]: workers must be a whole number of at least 1, got 'two'"),
        ("[relay]\nrequire_tls = 'yes'\n", "[relay]: require_tls must be true or false, got 'yes'"),
        ("[analysis]\nner_score_threshold = 'high'\n", "[analysis]: ner_score_threshold must be a number, got 'high'"),
        ("[registry]\npath = 5\n", "[registry]: path must be a string, got 5"),
        (
            "[organisation]\ninternal_domains = ['a.example', 3]\n",
            "[organisation]: internal_domains must be a list of strings, got 3 (item 2)",
        ),
        ("registry = 'c.csv'\n", "[registry] must be a table"),
    ],
)
def test_mistakes_name_the_file_section_and_key(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "dlp.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: {words}"


def test_values_keep_their_declared_kinds(tmp_path: Path) -> None:
    path = tmp_path / "dlp.toml"
    path.write_text(
        "[organisation]\ninternal_domains = [' Org.Example ']\n[analysis]\nner_score_threshold = 1\n"
        "[relay]\nrequire_tls = true\nworkers = 3\n"
    )
    config = load_config(path)
    assert config.organisation.internal_domains == ("org.example",)  # a tuple, in lower case
    assert config.analysis.ner_score_threshold == 1.0 and isinstance(config.analysis.ner_score_threshold, float)
    assert (config.relay.require_tls, config.relay.workers) == (True, 3)


def test_a_new_field_of_a_section_is_validated_with_no_other_change() -> None:
    from dataclasses import dataclass

    from dlp.validation import dataclass_fields, validate

    @dataclass(frozen=True)
    class Section:
        retries: int = 3
        hosts: tuple[str, ...] = ()

    fields = dataclass_fields(Section)
    assert validate(fields, {"hosts": ["a"]}, "[x]", ConfigError) == {"hosts": ("a",)}
    with pytest.raises(ConfigError, match=r"\[x\]: retries must be a whole number of at least 1, got 0"):
        validate(fields, {"retries": 0}, "[x]", ConfigError)
    with pytest.raises(ConfigError, match="did you mean 'retries'"):
        validate(fields, {"retires": 1}, "[x]", ConfigError)
