"""DATA read in bulk (dlp.relay.data) answers as aiosmtpd's line-by-line reading does, over real sockets."""

from __future__ import annotations

import random
import socket
import time
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

from dlp.relay.data import BulkData

SIZE_LIMIT = 3000


class Recorder:
    def __init__(self) -> None:
        self.contents: list[bytes] = []

    async def handle_DATA(self, server: SMTP, session: object, envelope: object) -> str:
        self.contents.append(envelope.original_content)  # type: ignore[attr-defined]
        return "250 2.0.0 Ok"


class BulkController(Controller):
    def factory(self) -> SMTP:
        return BulkData(self.handler, **self.SMTP_kwargs)


def _server(kind: type[Controller]) -> Iterator[tuple[int, Recorder]]:
    recorder = Recorder()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = kind(recorder, hostname="127.0.0.1", port=port, data_size_limit=SIZE_LIMIT, decode_data=False)
    controller.start()
    try:
        yield port, recorder
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def stock() -> Iterator[tuple[int, Recorder]]:
    yield from _server(Controller)


@pytest.fixture(scope="module")
def bulk() -> Iterator[tuple[int, Recorder]]:
    yield from _server(BulkController)


def _line(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.012:
        length = rng.choice([997, 998, 999, 1000, 1001, 1002, 1003, 1500, 2100, 4000])
        return bytes(rng.choice(b"abc .") for _ in range(length))
    if kind < 0.08:
        return rng.choice([b"..", b"...", b".x", b"..x", b". "]) + b"y" * rng.randrange(3)  # never a lone dot
    if kind < 0.12:
        return rng.choice([b"a\rb", b"a\nb", b"\r", b"x\n.", b"x\r.\r"])
    return b"Dear client, your account is overdue."[: rng.randrange(40)]


def _section(rng: random.Random) -> bytes:
    lines = [_line(rng) for _ in range(rng.randrange(0, 40 if rng.random() < 0.7 else 200))]
    return b"".join(line + b"\r\n" for line in lines) + b".\r\n"


def _transact(port: int, section: bytes, rng: random.Random) -> list[bytes]:
    """Every reply from the server to one transaction, the DATA section sent in random pieces with the next
    command (NOOP) sent right behind the terminating dot, then QUIT."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        reader = conn.makefile("rb")
        replies = [reader.readline()]
        for command in (b"EHLO test.example", b"MAIL FROM:<a@example.org>", b"RCPT TO:<b@example.org>", b"DATA"):
            conn.sendall(command + b"\r\n")
            while True:  # multi-line replies: keep the last line
                reply = reader.readline()
                if reply[3:4] != b"-":
                    break
            replies.append(reply[:3])
        payload = section + b"NOOP\r\n"
        at = 0
        while at < len(payload):
            step = rng.choice([1, 2, 3, 5, 40, 700, 1003, 4096, 65536])
            conn.sendall(payload[at : at + step])
            at += step
            if rng.random() < 0.1:
                time.sleep(0.002)  # let the server read what came so far
        replies.append(reader.readline()[:3])  # the answer to the section
        replies.append(reader.readline()[:3])  # the NOOP's: nothing after the dot was taken as data
        conn.sendall(b"QUIT\r\n")
        replies.append(reader.readline()[:3])
        return replies


def test_bulk_data_answers_and_keeps_what_aiosmtpd_does(
    stock: tuple[int, Recorder], bulk: tuple[int, Recorder]
) -> None:
    broken = refused = 0
    for seed in range(300):
        section = _section(random.Random(seed))
        expected = _transact(stock[0], section, random.Random(seed))
        got = _transact(bulk[0], section, random.Random(seed + 1))  # sent in other pieces
        assert got == expected, seed
        if expected[5] == b"250":
            assert bulk[1].contents[-1] == stock[1].contents[-1], seed
        else:
            refused += 1
            broken += expected[5] == b"500"
    # The generator reaches both limits and plain acceptance.
    assert 0 < broken < refused < 300


@pytest.mark.parametrize(
    "section",
    [
        b".\r\n",  # an empty message
        b"..\r\n.\r\n",  # one line holding a dot
        b"a\r\n..\r\n...b\r\n.\r\n",
        b"x" * 999 + b"\r\n.\r\n",  # the longest line allowed
        b"x" * 1000 + b"\r\n.\r\n",
        b"x" * 5000 + b"\r\n.\r\n",
        (b"y" * 78 + b"\r\n") * 37 + b"y" * 998 + b"\r\n.\r\n",  # over the size limit with a long last line
        (b"y" * 78 + b"\r\n") * 37 + b"y" * 1001 + b"\r\n.\r\n",
        (b"y" * 78 + b"\r\n") * 37 + b"y" * 1002 + b"\r\n.\r\n",
        (b"y" * 58 + b"\r\n") * 50 + b".\r\n",  # exactly at the size limit
        (b"y" * 58 + b"\r\n") * 50 + b"y\r\n.\r\n",
    ],
)
def test_edges(section: bytes, stock: tuple[int, Recorder], bulk: tuple[int, Recorder]) -> None:
    expected = _transact(stock[0], section, random.Random(0))
    assert _transact(bulk[0], section, random.Random(1)) == expected
    if expected[5] == b"250":
        assert bulk[1].contents[-1] == stock[1].contents[-1]
