"""A real sink SMTP server, and `dlp relay` started as a real process in front of it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from dlp.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited early: {process.stderr.read() if process.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listening on {port}")


@dataclass
class Sink:
    """Stores every message it accepts, as the next hop would."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 Ok: stored"


@pytest.fixture
def sink() -> Iterator[tuple[Sink, int]]:
    handler = Sink()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, decode_data=False, enable_SMTPUTF8=True)
    controller.start()
    yield handler, port
    controller.stop()


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
