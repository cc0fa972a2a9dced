"""Shared fixtures: a generated registry of synthetic clients, a scanner built on it (once per session), and a
real SMTP sink standing in for the next hop."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from dlp.config import Config, OrganisationConfig, StoreConfig
from dlp.extract import communication_from_letter, communication_from_message
from dlp.model import Verdict
from dlp.policy import Policy
from dlp.registry import RegistryIndex, load_registry
from dlp.scanner import Scanner
from tests.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN, SyntheticRegistry, make_registry

STAFF_ALLOWED = f"fv-support@{ORG_DOMAIN}"


@pytest.fixture(scope="session")
def synthetic() -> SyntheticRegistry:
    return make_registry(300, seed=11)


@pytest.fixture(scope="session")
def registry_csv(synthetic: SyntheticRegistry, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.write(tmp_path_factory.mktemp("registry") / "clients.csv")


@pytest.fixture(scope="session")
def index(registry_csv: Path) -> RegistryIndex:
    return load_registry(str(registry_csv))


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    base = tmp_path_factory.mktemp("dlp")
    return Config(
        organisation=OrganisationConfig(
            name="Riverbend Water",
            internal_domains=(ORG_DOMAIN,),
            approved_recipient_domains=(OMBUDSMAN_DOMAIN,),
            suppressed_detail_staff=(STAFF_ALLOWED,),
        ),
        store=StoreConfig(url=f"sqlite:///{base}/dlp.db"),
        base_dir=base,
    )


@pytest.fixture(scope="session")
def scanner(config: Config, index: RegistryIndex) -> Scanner:
    from dlp.store import IncidentStore

    return Scanner(config, index, Policy.load(), IncidentStore(config.store_url))


@pytest.fixture
def scan_email(scanner: Scanner) -> Callable[[bytes], Verdict]:
    def scan(data: bytes) -> Verdict:
        return scanner.scan(communication_from_message(data, "test.eml"))

    return scan


@pytest.fixture
def scan_letter(scanner: Scanner) -> Callable[[str], Verdict]:
    def scan(text: str) -> Verdict:
        return scanner.scan(communication_from_letter(text.encode(), "letter.txt"))

    return scan


def rules(verdict: Verdict) -> set[str]:
    return {v.rule for v in verdict.violations}


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
    controller: Any = None

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 Ok: stored"


@pytest.fixture
def sink() -> Iterator[tuple[Sink, int]]:
    handler = Sink()
    port = free_port()
    handler.controller = Controller(handler, hostname="127.0.0.1", port=port, decode_data=False, enable_SMTPUTF8=True)
    handler.controller.start()
    yield handler, port
    handler.controller.stop()  # the one running now: a test may have restarted the sink


def wait_until(predicate: Callable[[], object], timeout: float = 60.0, interval: float = 0.1) -> bool:
    """Poll until `predicate()` is true or `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def _stat(pid: int | str) -> list[str] | None:
    """A process's /proc stat fields after its name (state, parent, ...), or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def running(pid: int) -> bool:
    """Alive and not a zombie (a zombie has exited: whoever adopted it reaps it)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def children(pid: int) -> list[int]:
    """The live processes whose parent is `pid`."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(entry)) is not None and int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(entry))
    return out
