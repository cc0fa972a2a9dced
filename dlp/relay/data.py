"""Reading an SMTP DATA section in bulk: aiosmtpd's own answers, at a fraction of its cost per line.

aiosmtpd reads DATA one line at a time (an await, a log call and a few joins per line: on a 20 KB message
most of the relay's SMTP time). `BulkData.smtp_DATA` takes every complete line the connection has buffered
at once and answers exactly as aiosmtpd's would: the same dot-unstuffed content, the same "500 Line too
long" or "552 Too much mail data" (whichever limit a line broke first, once the whole section is read), and
nothing read beyond the terminating dot. tests/relay/test_data.py holds it to aiosmtpd's on generated input.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from typing import Any

from aiosmtpd.smtp import MISSING, SMTP

log = logging.getLogger("dlp.relay")
_END = b"\r\n.\r\n"


class Broken(enum.Enum):
    """The limit a DATA section broke (aiosmtpd's _DataState, minus NOMINAL)."""

    TOO_LONG = "500 Line too long (see RFC5321 4.5.3.1.6)"
    TOO_MUCH = "552 Error: Too much mail data"


async def read_data(reader: asyncio.StreamReader, line_limit: int, size_limit: int | None) -> bytes | Broken:
    """The section up to the line holding a lone dot (consumed, and nothing after it), dot-unstuffed; or the
    limit it broke, its data discarded as it came. `line_limit` counts a line with its CRLF.

    It works on the buffer the StreamReader keeps (Python 3.11's `_buffer`, `_eof`, `_wait_for_data` and
    `_maybe_resume_transport`): were those to change, the tests comparing it with aiosmtpd would fail first."""
    stream: Any = reader
    broken: Broken | None = None
    parts: list[bytes] = []
    size = 0  # as aiosmtpd counts: every byte before the terminator, line by line
    mid_line = False  # a refused long line's start was dropped: the buffer starts inside a line
    buffer: bytearray = stream._buffer
    while True:
        if not mid_line and buffer[:3] == b".\r\n":
            del buffer[:3]
            break
        end = buffer.find(_END)
        take = end + 2 if end >= 0 else buffer.rfind(b"\r\n") + 2  # whole lines only
        if take >= 2:
            chunk = bytes(buffer[:take])
            del buffer[: take + 3 if end >= 0 else take]
            if broken is None:
                broken = _broken(chunk, size, line_limit, size_limit)
                if broken is None:
                    parts.append(chunk)
            size += take
            mid_line = False
        elif len(buffer) > line_limit + 1:
            # No line end within the limit: aiosmtpd refuses the line before counting it. Only the last byte
            # is kept, which may be the CR of its end.
            broken = broken or Broken.TOO_LONG
            size += len(buffer) - 1
            del buffer[:-1]
            mid_line = True
        if end >= 0:
            break
        stream._maybe_resume_transport()  # room again in the buffer: let the connection read on
        if stream._eof:
            raise asyncio.IncompleteReadError(b"", None)
        await stream._wait_for_data("read_data")
    stream._maybe_resume_transport()
    if broken is not None:
        return broken
    data = b"".join(parts)
    # RFC 5321 4.5.2: a line's leading dot is transparency, not text (each part starts a line).
    data = data.replace(b"\r\n.", b"\r\n")
    return data[1:] if data[:1] == b"." else data


def _broken(chunk: bytes, size: int, line_limit: int, size_limit: int | None) -> Broken | None:
    """The limit whole lines `chunk` break first, if any, after `size` bytes of the section, as aiosmtpd
    decides line by line: a line past the reader's limit is refused before it is counted; otherwise the
    section's size is checked before the line's length."""
    within = size_limit is None or size + len(chunk) <= size_limit
    if within and (len(chunk) <= line_limit or max(map(len, chunk.split(b"\r\n"))) + 2 <= line_limit):
        return None  # the common case, decided without a loop in Python
    for line in chunk.split(b"\r\n")[:-1]:
        if len(line) > line_limit:
            return Broken.TOO_LONG
        size += len(line) + 2
        if size_limit is not None and size > size_limit:
            return Broken.TOO_MUCH
        if len(line) + 2 > line_limit:
            return Broken.TOO_LONG
    return None


class BulkData(SMTP):
    """aiosmtpd's SMTP with DATA read in bulk (decode_data=False: the content is the original bytes)."""

    async def smtp_DATA(self, arg: str) -> None:
        if self._decode_data:  # content as text: aiosmtpd's own reading
            await super().smtp_DATA(arg)
            return
        if await self.check_helo_needed() or await self.check_auth_needed("DATA"):
            return
        assert self.envelope is not None
        if not self.envelope.rcpt_tos:
            await self.push("503 Error: need RCPT command")
            return
        if arg:
            await self.push("501 Syntax: DATA")
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        try:
            data = await read_data(self._reader, self.line_length_limit, self.data_size_limit or None)
        except asyncio.CancelledError:
            log.info("Connection lost during DATA")
            self._writer.close()
            raise
        if isinstance(data, Broken):
            await self.push(data.value)
            self._set_post_data_state()
            return
        self.envelope.content = self.envelope.original_content = data
        status = await self._call_handler_hook("DATA")
        self._set_post_data_state()
        await self.push("250 OK" if status is MISSING else status)
