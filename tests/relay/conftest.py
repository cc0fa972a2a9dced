"""`dlp relay` started as a real process in front of the shared sink (tests/conftest.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Sink, free_port, wait_for_port
from tests.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN


def write_config(tmp_path: Path, registry_csv: Path, listen: int, next_hop: int, **relay: object) -> Path:
    extra = "".join(f"{key} = {json.dumps(value)}\n" for key, value in relay.items())  # JSON scalars are TOML
    path = tmp_path / "dlp.toml"
    path.write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\napproved_recipient_domains = ["{OMBUDSMAN_DOMAIN}"]\n'
        f'[registry]\npath = "{registry_csv}"\n[store]\nurl = "sqlite:///var/dlp.db"\n'
        f'[relay]\nlisten = "127.0.0.1:{listen}"\nnext_hop = "127.0.0.1:{next_hop}"\nworkers = 1\n'
        f"shutdown_grace_seconds = 20\n{extra}"
    )
    return path


class RelayProcess:
    def __init__(self, config: Path, port: int) -> None:
        self.config, self.port = config, port
        exe = Path(sys.executable).with_name("dlp")
        self.process = subprocess.Popen(
            [str(exe), "relay", "--config", str(config)],
            cwd=config.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "DLP_QUARANTINE_KEY": ""},
        )
        wait_for_port(port, process=self.process)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait()


@pytest.fixture
def relay(tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]) -> Iterator[RelayProcess]:
    port = free_port()
    process = RelayProcess(write_config(tmp_path, registry_csv, port, sink[1]), port)
    yield process
    process.stop()
