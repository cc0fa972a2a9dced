"""The relay's SMTP side where it replaces aiosmtpd's own code."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from aiosmtpd.smtp import SMTP

from dlp.relay.server import RelaySMTP

ADDRESSES = [
    "",
    "<>",
    "<ann@example.org>",
    " <ann@example.org> SIZE=20480 BODY=8BITMIME",
    "ann@example.org",
    "ann@example.org SMTPUTF8",
    '<"ann lee"@example.org>',
    "<ann@[127.0.0.1]>",
    "<@relay.example:ann@example.org>",
    "<zoë@例え.jp>",
    "<ann@example.org",
    "<<ann@example.org>>",
    "ann lee@example.org",
    "@example.org",
    "<" + "a" * 65 + "@example.org>",
    "<" + "a" * 64 + "@example.org>",
    "(comment) ann@example.org",
    "<ann@example.org> x=y (comment)",
    "<Ann.Lee+tag@Mail.Example.ORG>",
    "<ann@example.org>\tSIZE=1",
    "<ann@example.org>  \t BODY=8BITMIME",
    "<ann@example.org>(comment) SIZE=1",
    "<ann@example.org> (comment) SIZE=1",
    "<ann@example.org>SIZE=1",
    "<ann..lee@example.org>",
    "<.ann@example.org>",
    "<ann@example..org>",
    "<ann@-example.org>",
    "<o'brien@example.org>",
    "<ann@example.org>>",
    "<a@b@example.org>",
]


@pytest.mark.parametrize("arg", ADDRESSES)
@pytest.mark.parametrize("limit", [0, 64])
def test_getaddr_reads_every_address_as_aiosmtpd_does(arg: str, limit: int) -> None:
    session = SimpleNamespace(local_part_limit=limit)
    assert RelaySMTP._getaddr(session, arg) == SMTP._getaddr(session, arg)  # type: ignore[arg-type]
