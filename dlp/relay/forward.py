"""Hand a message to the next hop with aiosmtplib (never blocking smtplib inside the event loop)."""

from __future__ import annotations

import aiosmtplib

from dlp.errors import DlpError

PASSED_MAIL_OPTIONS = ("BODY=8BITMIME", "SMTPUTF8")


class ForwardError(DlpError):
    """The next hop is down, timed out or refused the message: the sending MTA must retry."""


async def forward(
    host: str, port: int, message: bytes, sender: str, recipients: list[str], mail_options: list[str], timeout: float
) -> None:
    options = [o for o in mail_options if o.upper() in PASSED_MAIL_OPTIONS]
    client = aiosmtplib.SMTP(hostname=host, port=port, timeout=timeout, start_tls=False)
    try:
        await client.connect()
        errors, _ = await client.sendmail(sender, recipients, message, mail_options=options)
        if errors:
            raise ForwardError(f"next hop refused {len(errors)} recipient(s)")
    except aiosmtplib.SMTPException as exc:
        raise ForwardError(f"next hop failed: {exc.__class__.__name__}") from None
    except OSError as exc:
        raise ForwardError(f"next hop unreachable ({exc.strerror or exc.__class__.__name__})") from None
    finally:
        if client.is_connected:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError):
                client.close()


def with_header(message: bytes, name: str, value: str) -> bytes:
    """Prepend one header; the rest of the message stays byte for byte as it came."""
    return f"{name}: {value}\r\n".encode("ascii") + message
