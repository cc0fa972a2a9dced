"""The logging pipeline: text or JSON lines, personal information masked in messages and tracebacks alike."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from dlp.config import LoggingConfig, config_from_dict
from dlp.errors import ConfigError
from dlp.logs import setup_logging

ADDRESS = "jane.citizen@example.org"
ACCOUNT = "4000 1234 5678"


@pytest.fixture(autouse=True)
def reset() -> Iterator[None]:
    yield
    setup_logging()


def err(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err


def _log_failure() -> None:
    try:
        raise ValueError(f"no client for {ADDRESS} with account {ACCOUNT}")
    except ValueError:
        logging.getLogger("dlp.test").exception("lookup of %s failed", ADDRESS)


def test_json_lines_with_redacted_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging(settings=LoggingConfig(format="json", level="info"))
    logging.getLogger("dlp.test").info("started")
    _log_failure()
    out = err(capsys)
    lines = out.splitlines()
    assert len(lines) == 2, "one line per record, the traceback inside it"
    first, second = (json.loads(line) for line in lines)
    assert first["message"] == "started" and first["level"] == "info" and first["logger"] == "dlp.test"
    assert second["level"] == "error" and "Traceback" in second["exception"] and "ValueError" in second["exception"]
    assert ADDRESS not in out and ACCOUNT not in out
    assert "[redacted]" in second["message"] and "[redacted]" in second["exception"]


def test_text_redacts_tracebacks_and_stacks(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging()
    _log_failure()
    logging.getLogger("dlp.test").warning("called for %s", ACCOUNT, stack_info=True)
    out = err(capsys)
    assert "Traceback" in out and "Stack (most recent call last)" in out
    assert ADDRESS not in out and ACCOUNT not in out


def test_level_from_config_and_verbose(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging(settings=LoggingConfig(level="error"))
    logging.getLogger("dlp.test").warning("quiet")
    setup_logging(verbose=True, settings=LoggingConfig(level="error"))
    logging.getLogger("dlp.test").info("loud")
    out = err(capsys)
    assert "quiet" not in out and "loud" in out


def test_bad_logging_settings_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="format"):
        config_from_dict({"logging": {"format": "xml"}}, base_dir=tmp_path)
    with pytest.raises(ConfigError, match="level"):
        config_from_dict({"logging": {"level": "loud"}}, base_dir=tmp_path)
    assert config_from_dict({"logging": {"format": "json"}}, base_dir=tmp_path).logging.format == "json"


def test_incident_ids_are_kept_and_numbers_beside_them_masked(capsys: pytest.CaptureFixture[str]) -> None:
    # An incident id is how a log line leads to the incident: it holds no personal information.
    setup_logging()
    logging.getLogger("dlp.test").warning("letter held as INC-2026-000017 (account %s)", ACCOUNT)
    line = err(capsys)
    assert "INC-2026-000017" in line and ACCOUNT not in line and "[redacted]" in line


def test_other_libraries_go_through_the_pipeline_and_smtp_sessions_keep_only_the_peer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """aiosmtpd logs a body sent out of turn line by line as unrecognised commands ("PIPPA", an account number):
    only the peer is kept; any other library's warning is rendered (JSON here) and redacted like ours."""
    setup_logging(settings=LoggingConfig(format="json"))
    logging.getLogger("mail.log").warning("%r unrecognised: %s", ("127.0.0.1", 47956), f"PIPPA {ACCOUNT}")
    logging.getLogger("some.library").warning("could not reach %s", ADDRESS)
    out = err(capsys)
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["logger"] == "mail.log" and "127.0.0.1" in first["message"] and "(not shown)" in first["message"]
    assert second["logger"] == "some.library" and "[redacted]" in second["message"]
    assert "PIPPA" not in out and ACCOUNT not in out and ADDRESS not in out
