"""SMTP conversations over real sockets with a running `dlp relay` and a real sink as next hop."""

from __future__ import annotations

import contextlib
import json
import signal
import smtplib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dlp.config import load_config
from dlp.quarantine import Quarantine
from tests.relay.conftest import RelayProcess, Sink, free_port, write_config
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, email

SENDER = f"billing@{ORG_DOMAIN}"


def send(port: int, message: bytes, recipients: list[str], xforward: str | None = None) -> tuple[int, bytes]:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        client.ehlo("mta.test")
        if xforward:
            assert client.docmd("XFORWARD", xforward)[0] == 250
        client.mail(SENDER)
        for rcpt in recipients:
            client.rcpt(rcpt)
        return client.data(message)


def incidents(config: Path) -> list[dict]:
    exe = Path(sys.executable).with_name("dlp")
    out = subprocess.run(
        [str(exe), "incidents", "list", "--json", "--config", str(config)], capture_output=True, text=True, check=True
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_allowed_mail_arrives_byte_identical(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a = synthetic.ordinary()[0]
    # An MTA sends CRLF line endings (RFC 5321); the relay must pass every byte of such a message on as it came.
    message = email([a.email], "Your account", account_body(a) + "\n.leading dot\nCafé ☕ — ünïcode body\n")
    message = message.replace(b"\n", b"\r\n")
    send(sink[1], message, [a.email])  # straight to the sink: what the next hop gets without the relay
    direct = sink[0].messages.pop()[2]
    code, reply = send(relay.port, message, [a.email])
    assert code == 250, reply
    (mail_from, rcpts, content) = sink[0].messages[-1]
    assert (mail_from, rcpts) == (SENDER, [a.email])
    header, _, rest = content.partition(b"\r\n")
    assert header == b"X-DLP-Verdict: allow"
    assert rest == direct


def test_rejected_mail_gets_550_and_never_arrives(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    message = email([synthetic.ex_partner.email], "joint", f"She lives at {synthetic.victim.postal_address}.")
    code, reply = send(relay.port, message, [synthetic.ex_partner.email])
    assert code == 550
    text = reply.decode()
    assert "INC-" in text and "suppressed contact detail" in text
    assert synthetic.victim.family_name not in text and synthetic.victim.number not in text
    assert sink[0].messages == []
    (record,) = incidents(relay.config)
    assert record["channel"] == "relay" and record["decision"] == "reject"
    assert record["origin"] == "127.0.0.1"
    # Refused, but kept encrypted as evidence, like a held message.
    config = load_config(relay.config)
    assert record["quarantine_ref"] and "evidence" in record["action_taken"]
    kept = Quarantine.from_config(config).load(record["quarantine_ref"])
    assert kept.replace(b"\r\n", b"\n").rstrip() == message.replace(b"\r\n", b"\n").rstrip()


def test_quarantined_mail_is_held_encrypted_with_an_incident(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a, b = synthetic.ordinary()[1:3]
    message = email([a.email], "Your account", account_body(b)).replace(b"\n", b"\r\n")
    code, reply = send(relay.port, message, [a.email], xforward="ADDR=192.0.2.10 NAME=ws12.example")
    assert code == 250 and b"Held for privacy review" in reply
    assert sink[0].messages == []
    (record,) = incidents(relay.config)
    assert record["decision"] == "quarantine" and record["quarantine_ref"]
    assert record["origin"] == "192.0.2.10"  # the original client, from XFORWARD
    config = load_config(relay.config)
    stored = Path(config.resolve_path(config.quarantine.path)) / (record["quarantine_ref"] + ".dlpq")
    assert stored.exists() and account_body(b).encode()[:40] not in stored.read_bytes()
    assert Quarantine.from_config(config).load(record["quarantine_ref"]) == message


def test_next_hop_down_answers_451_and_sends_nothing(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    port, dead = free_port(), free_port()
    relay = RelayProcess(write_config(tmp_path, registry_csv, port, dead), port)
    try:
        a = synthetic.ordinary()[3]
        code, _ = send(port, email([a.email], "Your account", account_body(a)), [a.email])
        assert code == 451
        assert incidents(relay.config) == []
    finally:
        relay.stop()


def test_a_next_hop_refusing_a_recipient_for_good_is_a_bounce_not_five_days_of_retries(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    """550 from the next hop for a recipient: the relay answers 554 (the sending MTA bounces at once) and nothing
    is delivered; a hop that is down stays 451 (above)."""
    from tests.relay.test_client import Capture, server

    a = synthetic.ordinary()[4]
    handler = Capture(refuse=(a.email,))
    with server(handler) as hop:
        port = free_port()
        relay = RelayProcess(write_config(tmp_path, registry_csv, port, hop), port)
        try:
            code, _ = send(port, email([a.email], "Your account", account_body(a)), [a.email])
            assert code == 554
            assert handler.messages == [] and incidents(relay.config) == []
        finally:
            relay.stop()


def test_a_non_ascii_address_without_smtputf8_is_refused_at_once_not_retried_for_days(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    """The next hop could never be given such an address: 553 at MAIL or RCPT (the sending MTA bounces), never
    the 451 after DATA that it would retry for its whole queue lifetime. With SMTPUTF8 the same addresses pass."""
    a = synthetic.ordinary()[5]
    with smtplib.SMTP("127.0.0.1", relay.port, timeout=60) as client:
        client.ehlo("mta.test")
        client.command_encoding = "utf-8"  # a client that sends UTF-8 without asking for SMTPUTF8
        assert client.docmd("MAIL", "FROM:<zoë@org.example>")[0] == 553
        assert client.docmd("MAIL", f"FROM:<{SENDER}>")[0] == 250
        assert client.docmd("RCPT", "TO:<đức@client.example>")[0] == 553
        assert client.docmd("RCPT", f"TO:<{a.email}>")[0] == 250
        assert client.docmd("RSET")[0] == 250  # smtplib's rset() would make its commands ASCII again
        assert client.docmd("MAIL", "FROM:<zoë@org.example> SMTPUTF8")[0] == 250
        assert client.docmd("RCPT", "TO:<đức@client.example>")[0] == 250
    assert sink[0].messages == []


def test_client_outside_allowed_networks_is_refused(tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]) -> None:
    port = free_port()
    relay = RelayProcess(write_config(tmp_path, registry_csv, port, sink[1], client_networks=["192.0.2.0/24"]), port)
    try:
        with pytest.raises(smtplib.SMTPConnectError) as info:
            smtplib.SMTP("127.0.0.1", port, timeout=30)
        assert info.value.smtp_code == 554
    finally:
        relay.stop()


def test_sigterm_stops_cleanly(relay: RelayProcess) -> None:
    assert relay.stop() == 0


def test_sigterm_finishes_a_message_still_arriving_and_refuses_new_ones(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    a = synthetic.ordinary()[11]
    message = email([a.email], "Your account", account_body(a)).replace(b"\n", b"\r\n")
    arriving = smtplib.SMTP("127.0.0.1", relay.port, timeout=60)
    idle = smtplib.SMTP("127.0.0.1", relay.port, timeout=60)
    try:
        arriving.ehlo("mta.test")
        idle.ehlo("mta.test")
        arriving.mail(SENDER)
        arriving.rcpt(a.email)
        assert arriving.docmd("DATA")[0] == 354
        half = len(message) // 2
        arriving.send(message[:half])
        relay.process.send_signal(signal.SIGTERM)
        time.sleep(1.5)  # the relay has begun to stop: a new transaction is turned away, to be tried again
        assert idle.docmd("MAIL", f"FROM:<{SENDER}>")[0] == 421
        assert relay.process.poll() is None  # still waiting for the message under way
        arriving.send(message[half:] + b"\r\n.\r\n")
        assert arriving.getreply()[0] == 250
    finally:
        for client in (arriving, idle):
            with contextlib.suppress(smtplib.SMTPException, OSError):
                client.close()
    assert relay.process.wait(60) == 0
    assert [rcpt for _, rcpt, _ in sink[0].messages] == [[a.email]]  # the one under way, and only it


def test_kept_next_hop_connection_that_went_stale_is_replaced(
    relay: RelayProcess, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    from aiosmtpd.controller import Controller

    a = synthetic.ordinary()[10]
    message = email([a.email], "Your account", account_body(a)).replace(b"\n", b"\r\n")
    assert send(relay.port, message, [a.email])[0] == 250
    # The next hop restarts: the connection the relay kept open is now dead.
    sink[0].controller.stop()
    sink[0].controller = Controller(sink[0], hostname="127.0.0.1", port=sink[1], decode_data=False)
    sink[0].controller.start()
    code, reply = send(relay.port, message, [a.email])
    assert code == 250, reply  # the relay reconnected: not lost, not deferred
    assert len(sink[0].messages) == 2
