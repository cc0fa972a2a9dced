"""The next hop's client (dlp.relay.client, through NextHop) against SMTP servers on real sockets: aiosmtpd as
it is (no PIPELINING), aiosmtpd announcing PIPELINING, and a strict server that answers a pipelined group only
once all of it has come (a client waiting for each reply would hang there)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from dlp.errors import ForwardError
from dlp.relay.client import content
from dlp.relay.forward import NextHop
from tests.conftest import free_port

SENDER = "billing@org.example"


class Capture:
    """aiosmtpd handler: keeps what it accepts; refuses the recipients in `refuse`; may announce PIPELINING."""

    def __init__(self, pipelining: bool = False, refuse: tuple[str, ...] = ()) -> None:
        self.pipelining, self.refuse = pipelining, set(refuse)
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.transactions = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # type: ignore[no-untyped-def]
        session.host_name = hostname
        return responses[:-1] + ["250-PIPELINING", responses[-1]] if self.pipelining else responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # type: ignore[no-untyped-def]
        self.transactions += 1
        envelope.mail_from, envelope.mail_options = address, mail_options
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address in self.refuse:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 Ok: stored"


@contextlib.contextmanager
def server(handler: Capture) -> Iterator[int]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, decode_data=False, enable_SMTPUTF8=True)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def send(hop: NextHop, *args: Any) -> None:
    asyncio.run(_send(hop, *args))


async def _send(hop: NextHop, *args: Any) -> None:
    try:
        await hop.send(*args)
    finally:
        hop.close()


MESSAGES = [
    b"Subject: plain\r\n\r\nHello.\r\n",
    b"Subject: dots\r\n\r\n.leading dot\r\n..two\r\n.\r\nlast\r\n",  # a line of a lone dot must not end DATA
    b"Subject: bare\n\nA notice with bare LF line endings\nand\ra bare CR\n",
    b"Subject: open end\r\n\r\nno final line ending",
    b".Subject: starts with a dot\r\n\r\nbody\r\n",
    "Subject: 8 bit\r\n\r\nZoë Nguyễn\r\n".encode(),
]


@pytest.mark.parametrize("pipelining", [False, True])
def test_messages_arrive_as_sent(pipelining: bool) -> None:
    """What the hop stores is the message with CRLF line endings and ending in one: dots, bare LF and 8 bit
    content included, one kept connection for all of them."""
    handler = Capture(pipelining)
    with server(handler) as port:
        hop = NextHop("127.0.0.1", port, 10, keep=1)

        async def all_of_them() -> None:
            for message in MESSAGES:
                await hop.send(message, SENDER, ["a@client.example", "b@client.example"], ["BODY=8BITMIME"])
            hop.close()

        asyncio.run(all_of_them())
    assert handler.transactions == len(MESSAGES)
    for sent, (sender, rcpts, stored) in zip(MESSAGES, handler.messages, strict=True):
        assert (sender, rcpts) == (SENDER, ["a@client.example", "b@client.example"])
        expected = sent.replace(b"\r\n", b"\n").replace(b"\r", b"\n").replace(b"\n", b"\r\n")
        assert stored == (expected if expected.endswith(b"\r\n") else expected + b"\r\n")


def test_smtputf8_addresses() -> None:
    handler = Capture(pipelining=True)
    with server(handler) as port:
        send(
            NextHop("127.0.0.1", port, 10),
            b"Subject: x\r\n\r\nx\r\n",
            "zoë@org.example",
            ["đức@client.example"],
            ["SMTPUTF8"],
        )
    assert [(s, r) for s, r, _ in handler.messages] == [("zoë@org.example", ["đức@client.example"])]


@pytest.mark.parametrize("pipelining", [False, True])
def test_a_refused_recipient_fails_the_message_for_everyone(pipelining: bool) -> None:
    """No recipient gets a message the relay answers 451 for: the sender's retry would be a duplicate."""
    handler = Capture(pipelining, refuse=("gone@client.example",))
    with server(handler) as port:
        with pytest.raises(ForwardError, match=r"refused the recipient \(550\)"):
            send(
                NextHop("127.0.0.1", port, 10),
                b"Subject: x\r\n\r\nx\r\n",
                SENDER,
                ["a@client.example", "gone@client.example"],
                [],
            )
    assert handler.messages == []


def test_an_address_that_would_inject_a_command_is_not_sent() -> None:
    handler = Capture()
    with server(handler) as port:
        with pytest.raises(ForwardError, match="envelope address"):
            send(NextHop("127.0.0.1", port, 10), b"x\r\n", SENDER, ["a@client.example>\r\nRCPT TO:<b@x.example"], [])
        with pytest.raises(ForwardError, match="envelope address"):
            send(NextHop("127.0.0.1", port, 10), b"x\r\n", SENDER, ["zoë@client.example"], [])  # no SMTPUTF8
    assert handler.messages == []


class Strict:
    """A server that announces PIPELINING and answers MAIL, RCPT and DATA only once all three have come;
    it answers transaction `close_at[1]` of connection `close_at[0]` (both from 1) with 421 and closes, as a
    hop that timed an idle connection out; at `drop_at` it takes the content and closes without a reply."""

    def __init__(self, close_at: tuple[int, int] = (0, 0), drop_at: tuple[int, int] = (0, 0)) -> None:
        self.close_at, self.drop_at = close_at, drop_at
        self.stored: list[bytes] = []
        self.connections = 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        connection, transaction = self.connections, 0
        writer.write(b"220 strict.example ESMTP\r\n")
        assert (await reader.readline()).startswith(b"EHLO ")
        writer.write(b"250-strict.example\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
        while True:
            group = [await reader.readline() for _ in range(3)]
            if not group[0] or group[0].startswith(b"QUIT"):
                break
            assert [line[:4] for line in group] == [b"MAIL", b"RCPT", b"DATA"]
            transaction += 1
            if (connection, transaction) == self.close_at:
                writer.write(b"421 4.4.2 strict.example closing: idle too long\r\n")
                await writer.drain()
                break
            writer.write(b"250 ok\r\n250 ok\r\n354 go\r\n")
            data = b""
            while not data.endswith(b"\r\n.\r\n"):
                data += await reader.readline()
            self.stored.append(data)
            if (connection, transaction) == self.drop_at:
                break
            writer.write(b"250 stored\r\n")
        writer.close()


async def strict_run(strict: Strict, messages: int) -> None:
    listener = await asyncio.start_server(strict.serve, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    hop = NextHop("127.0.0.1", port, 5, keep=1)
    try:
        for _ in range(messages):
            await asyncio.wait_for(hop.send(b"Subject: x\r\n\r\n.dot\r\n", SENDER, ["a@client.example"], []), 10)
    finally:
        hop.close()
        listener.close()


def test_commands_are_pipelined_where_the_hop_offers_it() -> None:
    strict = Strict()
    asyncio.run(strict_run(strict, 3))
    assert strict.stored == [b"Subject: x\r\n\r\n..dot\r\n.\r\n"] * 3
    assert strict.connections == 1  # kept between messages


def test_a_kept_connection_the_hop_closed_is_replaced() -> None:
    strict = Strict(close_at=(1, 2))  # the second message finds its kept connection closing
    asyncio.run(strict_run(strict, 3))
    assert len(strict.stored) == 3 and strict.connections == 2


def test_a_connection_lost_after_the_content_is_not_retried() -> None:
    """The hop may have taken the message: sending it again would be a duplicate (the sending MTA decides)."""
    strict = Strict(drop_at=(1, 2))
    with pytest.raises(ForwardError, match=r"unreachable \(connection closed\)"):
        asyncio.run(strict_run(strict, 3))
    assert len(strict.stored) == 2 and strict.connections == 1


def test_a_fresh_connection_closing_is_a_forward_error() -> None:
    strict = Strict(close_at=(1, 1))
    with pytest.raises(ForwardError, match=r"unreachable \(closing \(421\)\)"):
        asyncio.run(strict_run(strict, 1))
    assert strict.stored == [] and strict.connections == 1


def test_content_is_stuffed_and_terminated() -> None:
    assert content(b"") == b"\r\n.\r\n"
    assert content(b".\r\n") == b"..\r\n.\r\n"
    assert content(b"a\r\n.b\r\n") == b"a\r\n..b\r\n.\r\n"
    assert content(b"a\n.b") == b"a\r\n..b\r\n.\r\n"
    assert content(b"a\r.b\r\n") == b"a\r\n..b\r\n.\r\n"
