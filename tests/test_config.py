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


@pytest.mark.parametrize(
    ("text", "message"),
    [
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
