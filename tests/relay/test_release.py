"""Releasing and discarding what the relay and the folder held, with the audit trail."""

from __future__ import annotations

import smtplib
import subprocess
import sys
from pathlib import Path

from dlp.config import load_config
from dlp.store import IncidentStore
from tests.relay.conftest import RelayProcess, Sink
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, email

SENDER = f"billing@{ORG_DOMAIN}"


def dlp(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = str(Path(sys.executable).with_name("dlp"))
    return subprocess.run(
        [exe, "incidents", *args, "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=config.parent,
    )


def hold(relay: RelayProcess, a, b) -> None:  # type: ignore[no-untyped-def]
    """Send client a a message about client b's account: the relay holds it."""
    with smtplib.SMTP("127.0.0.1", relay.port, timeout=60) as client:
        assert client.sendmail(SENDER, [a.email], email([a.email], "Acct", account_body(b))) == {}


def test_release_sends_to_next_hop_once_and_discard_keeps_record(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a, b, c = synthetic.ordinary()[7:10]
    hold(relay, a, b)
    hold(relay, c, b)
    assert sink[0].messages == []
    store = IncidentStore.from_config(load_config(relay.config))
    first, second = (i.reference for i in store.list())
    assert dlp(relay.config, "release", first).returncode == 2  # --why is required
    released = dlp(relay.config, "release", first, "--why", "customer asked for the statement of both accounts")
    assert released.returncode == 0, released.stderr
    (mail_from, rcpts, content) = sink[0].messages[-1]
    assert (mail_from, rcpts) == (SENDER, [a.email])
    assert content.startswith(f"X-DLP-Released: {first}\r\n".encode())
    again = dlp(relay.config, "release", first, "--why", "twice")
    assert again.returncode == 2 and "holds no quarantined original" in again.stderr
    assert len(sink[0].messages) == 1

    assert dlp(relay.config, "discard", second, "--why", "sent in error; recipient not contacted").returncode == 0
    record = store.get(second)
    assert record is not None and record.quarantine_ref is None
    actions = [(e.action, e.actor.split(":")[0]) for e in store.events(second)]
    assert actions[-1] == ("discarded", "cli")
    config = load_config(relay.config)
    assert not any(config.resolve_path(config.quarantine.path).glob("*.dlpq"))
    assert len(sink[0].messages) == 1
