"""Hand a message to the next hop with aiosmtplib (never blocking smtplib inside the event loop)."""

from __future__ import annotations

import aiosmtplib

from dlp.errors import ForwardError

PASSED_MAIL_OPTIONS = ("BODY=8BITMIME", "SMTPUTF8")


def with_header(message: bytes, name: str, value: str) -> bytes:
    """Prepend one header; the rest of the message stays byte for byte as it came."""
    return f"{name}: {value}\r\n".encode("ascii") + message


class NextHop:
    """Connections to the next hop kept open between messages; a stale one is replaced and the send retried once."""

    def __init__(self, host: str, port: int, timeout: float, keep: int = 8) -> None:
        self.host, self.port, self.timeout, self.keep = host, port, timeout, keep
        self._idle: list[aiosmtplib.SMTP] = []

    async def send(self, message: bytes, sender: str, recipients: list[str], mail_options: list[str]) -> None:
        options = [o for o in mail_options if o.upper() in PASSED_MAIL_OPTIONS]
        for attempt in (1, 2):
            client = self._idle.pop() if self._idle and attempt == 1 else None
            reused = client is not None
            try:
                if client is None:
                    client = aiosmtplib.SMTP(hostname=self.host, port=self.port, timeout=self.timeout, start_tls=False)
                    await client.connect()
                errors, _ = await client.sendmail(sender, recipients, message, mail_options=options)
            except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPConnectError, OSError) as exc:
                _drop(client)
                if reused:
                    continue  # the next hop closed an idle connection: try once more on a fresh one
                raise ForwardError(f"next hop unreachable ({exc.__class__.__name__})") from None
            except aiosmtplib.SMTPException as exc:
                _drop(client)
                raise ForwardError(f"next hop failed: {exc.__class__.__name__}") from None
            if errors:
                _drop(client)
                raise ForwardError(f"next hop refused {len(errors)} recipient(s)")
            if len(self._idle) < self.keep:
                self._idle.append(client)
            else:
                await _quit(client)
            return
        raise ForwardError("next hop unreachable")

    def close(self) -> None:
        while self._idle:
            _drop(self._idle.pop())


def _drop(client: aiosmtplib.SMTP | None) -> None:
    if client is not None and client.is_connected:
        client.close()


async def _quit(client: aiosmtplib.SMTP) -> None:
    try:
        await client.quit()
    except (aiosmtplib.SMTPException, OSError):
        client.close()
