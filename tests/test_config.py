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
