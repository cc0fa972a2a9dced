"""Postfix → dlp relay → Postfix re-injection → sink, with a real Postfix (Debian `postfix`) and `swaks`."""

from __future__ import annotations

import os
import shutil
import signal
import smtplib
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import wait_until
from tests.relay.conftest import RelayProcess, Sink, free_port, wait_for_port, write_config
from tests.relay.postfix import Postfix, available
from tests.relay.test_heals import workers
from tests.relay.test_relay import send
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, email

# .ci/run installs Postfix and swaks, so in CI these tests always run; elsewhere they need both installed.
pytestmark = pytest.mark.skipif(
    (not available() or not shutil.which("swaks")) and not os.environ.get("CI"),
    reason="needs Debian postfix and swaks (root), installed by .ci/run",
)
SENDER = f"billing@{ORG_DOMAIN}"


@pytest.fixture
def mail_system(tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]) -> Iterator[tuple[Postfix, RelayProcess]]:
    smtpd, filter_port, reinject = free_port(), free_port(), free_port()
    postfix = Postfix(smtpd, filter_port, reinject, sink[1])
    postfix.start()
    wait_for_port(smtpd)
    relay = RelayProcess(write_config(tmp_path, registry_csv, filter_port, reinject), filter_port)
    yield postfix, relay
    relay.stop()
    postfix.cleanup()


def swaks(port: int, to: str, message: bytes, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / f"msg-{time.monotonic_ns()}.eml"
    path.write_bytes(message)
    return subprocess.run(
        ["swaks", "--server", f"127.0.0.1:{port}", "--from", SENDER, "--to", to, "--data", f"@{path}", "--silent", "2"],
        capture_output=True,
        text=True,
        timeout=60,
    )


def delivered_to(sink: Sink, rcpt: str) -> list[bytes]:
    return [content for _, rcpts, content in sink.messages if rcpt in rcpts]


def test_through_postfix_allowed_and_blocked(mail_system, sink, synthetic: SyntheticRegistry, tmp_path: Path) -> None:
    postfix, _ = mail_system
    a, b = synthetic.ordinary()[:2]
    assert (
        swaks(postfix.smtpd_port, a.email, email([a.email], "Your account", account_body(a)), tmp_path).returncode == 0
    )
    assert wait_until(lambda: delivered_to(sink[0], a.email)), postfix.log()[-3000:]
    content = delivered_to(sink[0], a.email)[0]
    assert b"X-DLP-Verdict: allow" in content and account_body(a)[:30].encode() in content

    # Another client's account: held by the relay, never delivered to the recipient.
    assert (
        swaks(postfix.smtpd_port, b.email, email([b.email], "Your account", account_body(a)), tmp_path).returncode == 0
    )
    assert wait_until(lambda: "Held for privacy review" in postfix.log()), postfix.log()[-3000:]
    time.sleep(1)
    assert delivered_to(sink[0], b.email) == []


def test_relay_down_postfix_keeps_mail_and_delivers_later(
    mail_system, sink, synthetic: SyntheticRegistry, tmp_path: Path, registry_csv: Path
) -> None:
    postfix, relay = mail_system
    relay.stop()
    a = synthetic.ordinary()[2]
    assert (
        swaks(postfix.smtpd_port, a.email, email([a.email], "Your account", account_body(a)), tmp_path).returncode == 0
    )
    assert wait_until(lambda: a.email in postfix.queue() and "deferred" in postfix.log()), postfix.log()[-3000:]
    assert delivered_to(sink[0], a.email) == []
    # The relay comes back on the same port: Postfix retries and the message arrives.
    restarted = RelayProcess(relay.config, relay.port)
    try:
        postfix.flush()
        assert wait_until(lambda: delivered_to(sink[0], a.email), timeout=90), postfix.log()[-3000:]
    finally:
        restarted.stop()


def test_relay_worker_killed_mid_stream_loses_nothing(mail_system, sink, synthetic: SyntheticRegistry) -> None:
    postfix, relay = mail_system
    people = synthetic.ordinary()[30:110]
    with smtplib.SMTP("127.0.0.1", postfix.smtpd_port, timeout=60) as client:
        for person in people:
            client.sendmail(SENDER, [person.email], email([person.email], "Your account", account_body(person)))
    assert wait_until(lambda: any(delivered_to(sink[0], p.email) for p in people), timeout=60), postfix.log()[-3000:]
    assert not all(delivered_to(sink[0], p.email) for p in people)  # mail is still flowing
    probe = synthetic.ordinary()[110]
    for _ in range(2):  # kill -9 every scanning process while mail is flowing, twice
        for pid in workers(relay):
            os.kill(pid, signal.SIGSTOP)  # so that it surely has a message when it dies
        time.sleep(0.5)
        for pid in workers(relay):
            os.kill(pid, signal.SIGKILL)
        killed = time.monotonic()
        # Service is back within 5 s: a message straight to the relay is scanned and forwarded again.
        message = email([probe.email], "Probe", account_body(probe)).replace(b"\n", b"\r\n")
        while time.monotonic() - killed < 5 and send(relay.port, message, [probe.email])[0] != 250:
            time.sleep(0.1)
        assert time.monotonic() - killed < 5
    # Nothing lost: whatever the dead workers had was deferred by Postfix and delivered on its retry.
    assert wait_until(lambda: all(delivered_to(sink[0], p.email) for p in people), timeout=120), postfix.log()[-3000:]
    assert "status=bounced" not in postfix.log()
    assert "451 4.3.0" in postfix.log()  # the messages the dead workers had were deferred, then delivered
