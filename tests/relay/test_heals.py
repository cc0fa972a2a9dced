"""A relay that heals itself: real `dlp relay` processes whose real worker processes are stopped and killed.

A worker is "hung" by SIGSTOP (it never answers, as one stuck in a bad PDF) and "crashes" by SIGKILL; the
relay must notice, replace it within seconds, answer 451 for its message, and hold a message that has done
this twice as unscannable instead of deferring it forever.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from dlp.config import load_config
from dlp.quarantine import Quarantine
from tests.conftest import children, wait_until
from tests.relay.conftest import RelayProcess, Sink, free_port, write_config
from tests.relay.test_relay import SENDER, incidents, send
from tests.synthetic import SyntheticRegistry, account_body, email


def workers(relay: RelayProcess) -> list[int]:
    """The relay's scanning processes: children of its zygote, the relay's one child."""
    return [w for z in children(relay.process.pid) for w in children(z)]


def one_worker(relay: RelayProcess, not_this: int | None = None) -> int:
    assert wait_until(lambda: len([w for w in workers(relay) if w != not_this]) == 1, timeout=30)
    (pid,) = [w for w in workers(relay) if w != not_this]
    return pid


class Sender(threading.Thread):
    """One SMTP transaction in the background, for a message whose answer takes a while."""

    def __init__(self, port: int, message: bytes, rcpt: str) -> None:
        super().__init__(daemon=True)
        self.args = (port, message, [rcpt])
        self.reply: tuple[int, bytes] | None = None
        self.start()

    def run(self) -> None:
        self.reply = send(*self.args)


@pytest.fixture
def start(tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]):  # type: ignore[no-untyped-def]
    started: list[RelayProcess] = []

    def run(budget: int = 3, **relay: object) -> RelayProcess:
        port = free_port()
        config = write_config(tmp_path, registry_csv, port, sink[1], **relay)
        with config.open("a") as handle:
            handle.write(f"[limits]\nmax_scan_seconds = {budget}\n")
        started.append(RelayProcess(config, port))
        return started[-1]

    yield run
    for process in started:
        for pid in workers(process):  # a stopped worker would hold up the relay's graceful stop
            os.kill(pid, signal.SIGCONT)
        process.stop()


@pytest.fixture
def relay(start) -> RelayProcess:  # type: ignore[no-untyped-def]
    return start()


def test_a_killed_worker_is_replaced_within_seconds_and_its_message_deferred(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a = synthetic.ordinary()[20]
    message = email([a.email], "Your account", account_body(a)).replace(b"\n", b"\r\n")
    assert send(relay.port, message, [a.email])[0] == 250
    victim = one_worker(relay)
    os.kill(victim, signal.SIGSTOP)  # it will have the next message when it dies
    pending = Sender(relay.port, message, a.email)
    time.sleep(0.5)
    os.kill(victim, signal.SIGKILL)
    killed = time.monotonic()
    pending.join(30)
    assert pending.reply is not None and pending.reply[0] == 451  # the sending MTA keeps it and retries
    assert send(relay.port, message, [a.email])[0] == 250
    assert time.monotonic() - killed < 5  # service back within seconds
    assert one_worker(relay) != victim
    assert len(sink[0].messages) == 2  # the first and the retry; nothing from the dead worker


def test_a_message_that_hangs_workers_twice_is_held_as_unscannable(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a = synthetic.ordinary()[21]
    message = email([a.email], "Your account", account_body(a)).replace(b"\n", b"\r\n")
    first = one_worker(relay)
    os.kill(first, signal.SIGSTOP)  # hangs on whatever it gets
    start = time.monotonic()
    code, reply = send(relay.port, message, [a.email])
    assert (code, reply[:5]) == (451, b"4.4.5") and 3 <= time.monotonic() - start < 10
    second = one_worker(relay, not_this=first)  # the hung one was killed and replaced
    assert not os.path.exists(f"/proc/{first}") or children(first) == []
    os.kill(second, signal.SIGSTOP)
    code, reply = send(relay.port, message, [a.email])  # the sending MTA's retry hangs a worker again
    assert code == 250 and b"Held for privacy review" in reply, reply
    (record,) = incidents(relay.config)
    assert record["rules"] == ["unscannable_content"] and record["decision"] == "quarantine"
    assert "longer than the budget of 3 s" in record["findings"][0]["explanation"]
    config = load_config(relay.config)
    assert Quarantine.from_config(config).load(record["quarantine_ref"]) == message
    assert sink[0].messages == []
    other = email([a.email], "Another", account_body(a)).replace(b"\n", b"\r\n")
    assert send(relay.port, other, [a.email])[0] == 250  # and the relay is healthy again
    assert len(sink[0].messages) == 1


def test_messages_that_break_the_scanner_are_held_not_deferred(
    start, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    relay = start(budget=60)
    a = synthetic.ordinary()[22]
    deep = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(3000))
    nested = (
        f"From: {SENDER}\r\nTo: {a.email}\r\nSubject: nest\r\nMIME-Version: 1.0\r\n{deep}"
        "Content-Type: text/plain\r\n\r\nhello\r\n" + "".join(f"--b{i}--\r\n" for i in reversed(range(3000)))
    ).encode()
    # Nested address groups (the relay reads the sender from the headers, the recipients from the envelope).
    grouped = f"From: staff: billing: {SENDER};;\r\nTo: {a.email}\r\nSubject: groups\r\n\r\nhello\r\n".encode()
    code, reply = send(relay.port, nested, [a.email])
    assert code == 250 and b"Held for privacy review" in reply, reply
    assert [r["rules"] for r in incidents(relay.config)] == [["unscannable_content"]]
    assert sink[0].messages == []
    # Groups the parser cannot follow are read for their addresses: scanned like any message, never deferred.
    code, reply = send(relay.port, grouped, [a.email])
    assert code == 250, reply
    assert len(sink[0].messages) == 1


def test_beyond_max_pending_a_message_waits_then_gets_451_busy(
    start, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    relay = start(budget=60, max_pending=2, busy_wait_seconds=1)
    a = synthetic.ordinary()[23]
    message = email([a.email], "Your account", account_body(a)).replace(b"\n", b"\r\n")
    worker = one_worker(relay)
    os.kill(worker, signal.SIGSTOP)
    busy = [Sender(relay.port, message, a.email) for _ in range(2)]  # max_pending = 2
    time.sleep(0.5)
    start = time.monotonic()
    code, reply = send(relay.port, message, [a.email])
    assert (code, reply[:5]) == (451, b"4.3.2") and 0.9 <= time.monotonic() - start < 3  # waited, boundedly
    os.kill(worker, signal.SIGCONT)
    for sender in busy:
        sender.join(30)
        assert sender.reply is not None and sender.reply[0] == 250
    assert len(sink[0].messages) == 2


def test_a_retried_message_already_held_is_not_held_twice(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    # A worker killed after storing a held message but before answering: the sending MTA retries the same
    # message. It finds the message held already: one original, one incident, the same answer.
    a, b = synthetic.ordinary()[24:26]
    message = email([a.email], "Your account", account_body(b)).replace(b"\n", b"\r\n")
    first = send(relay.port, message, [a.email])
    again = send(relay.port, message, [a.email])
    assert first[0] == again[0] == 250 and b"Held for privacy review" in first[1] and first[1] == again[1]
    (record,) = incidents(relay.config)
    config = load_config(relay.config)
    originals = [p for p in Path(config.resolve_path(config.quarantine.path)).iterdir() if p.suffix == ".dlpq"]
    assert len([p for p in originals if not p.name.endswith(".env.dlpq")]) == 1
    other = email([a.email], "Your account again", account_body(b)).replace(b"\n", b"\r\n")
    assert send(relay.port, other, [a.email])[0] == 250 and len(incidents(relay.config)) == 2  # another message
