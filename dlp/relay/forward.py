"""Hand a message to the next hop (dlp.relay.client: pipelined, on connections kept between messages)."""

from __future__ import annotations

from dlp.errors import ForwardError, NextHopRefused
from dlp.relay.client import Connection, Gone, Refused

PASSED_MAIL_OPTIONS = ("BODY=8BITMIME", "SMTPUTF8")


def with_header(message: bytes, name: str, value: str) -> bytes:
    """Prepend one header; the rest of the message stays byte for byte as it came."""
    return f"{name}: {value}\r\n".encode("ascii") + message


class NextHop:
    """Connections to the next hop kept open between messages; a stale one is replaced and the send retried once."""

    def __init__(self, host: str, port: int, timeout: float, keep: int = 8) -> None:
        self.host, self.port, self.timeout, self.keep = host, port, timeout, keep
        self._idle: list[Connection] = []

    async def send(self, message: bytes, sender: str, recipients: list[str], mail_options: list[str]) -> None:
        options = [o for o in mail_options if o.upper() in PASSED_MAIL_OPTIONS]
        for attempt in (1, 2):
            connection = self._idle.pop() if self._idle and attempt == 1 else None
            reused = connection is not None
            try:
                if connection is None:
                    connection = await Connection.open(self.host, self.port, self.timeout)
                await connection.send(message, sender, recipients, options)
            except Gone as exc:
                if reused and not exc.after_content:
                    continue  # the next hop closed an idle connection: try once more on a fresh one
                raise ForwardError(f"next hop unreachable ({exc.reason})") from None
            except Refused as exc:
                words = f"next hop refused the {exc.stage} ({exc.code})"
                if 500 <= exc.code < 600 and exc.stage != "connection":  # a 554 greeting is "not now", as 421
                    raise NextHopRefused(words, exc.code) from None
                raise ForwardError(words) from None
            except ValueError:
                raise ForwardError("an envelope address cannot be sent to the next hop") from None
            if len(self._idle) < self.keep:
                self._idle.append(connection)
            else:
                await connection.quit()
            return
        raise ForwardError("next hop unreachable")

    def close(self) -> None:
        while self._idle:
            self._idle.pop().close()
