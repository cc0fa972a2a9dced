"""parse_message's single-part path (headers through the parser, the rest as the payload) gives the message
the standard library's parser gives, on every message of the hostile suite and on edge cases of the header
block, in each line-ending convention."""

from __future__ import annotations

from email.message import Message
from email.parser import BytesParser
from typing import Any

import pytest

from dlp.extract.email import _single_part, bounded_policy, parse_message
from tests.extract import hostile
from tests.synthetic import SyntheticRegistry


def shape(msg: Message) -> tuple[Any, ...]:
    """Everything the parser sets on a message, parts included."""
    payload = msg._payload  # type: ignore[attr-defined]
    if isinstance(payload, list):
        payload = [shape(part) for part in payload]
    return (
        msg._headers,  # type: ignore[attr-defined]
        msg._unixfrom,  # type: ignore[attr-defined]
        payload,
        [type(d).__name__ for d in msg.defects],
        msg.preamble,
        msg.epilogue,
        msg._charset,  # type: ignore[attr-defined]
        msg._default_type,  # type: ignore[attr-defined]
    )


def parsed_as_standard(data: bytes) -> Any:
    try:
        return shape(BytesParser(policy=bounded_policy()).parsebytes(data))
    except Exception as exc:  # noqa: BLE001 - the same failure is expected of ours
        return type(exc)


def parsed_as_ours(data: bytes) -> Any:
    try:
        return shape(parse_message(data))
    except Exception as exc:  # noqa: BLE001
        return type(exc)


def conventions(data: bytes) -> list[bytes]:
    lf = data.replace(b"\r\n", b"\n")
    return [lf, lf.replace(b"\n", b"\r\n"), lf.replace(b"\n", b"\r")]


EDGES = [
    b"",
    b"Subject: no body",
    b"Subject: no body\n",
    b"Subject: empty body\n\n",
    b"\nHeaders: none, the first line is empty\n\nbody\n",
    b"From ann@example.org Fri Nov 20 10:00:00 2026\nSubject: unix from\n\nbody\n",
    b" continued: first line\nSubject: x\n\nbody\n",
    b"Subject: x\nnot a header line\n\nbody\n",
    b"Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\npart\n--b--\n",
    b"Subject: x\nContent-Type: message/rfc822\n\nSubject: inner\n\ninner body\n",
    b"Subject: x\nContent-Type: text/plain\n\n\n\nleading empty lines\n",
    b"Subject: x\r\n\r\nmixed\nline\rendings\r\n",
    b"Subject: x\n\r\nseparator of LF then CRLF\n",
    b"Subject: x\r\rseparator of two CRs\n",
    b"Subject: x\r\nFolded: a\r\n b\r\n\r\nbody \xe2\x80\x94 8-bit \xff\r\n",
    b"Subject: =?utf-8?q?caf=C3=A9?=\nContent-Transfer-Encoding: base64\n\naGVsbG8=\n",
]


@pytest.mark.parametrize("data", EDGES)
def test_edge_cases_parse_as_the_standard_parser_does(data: bytes) -> None:
    for variant in conventions(data) + [data]:
        assert parsed_as_ours(variant) == parsed_as_standard(variant), variant


def test_every_hostile_suite_message_parses_as_the_standard_parser_does(synthetic: SyntheticRegistry) -> None:
    taken = 0
    for item in hostile.suite(synthetic, fuzz=150, pairs=1, ocr=False):
        for variant in conventions(item.data):
            assert parsed_as_ours(variant) == parsed_as_standard(variant), item.kind
            taken += _single_part(variant.decode("ascii", "surrogateescape"), bounded_policy()) is not None
    assert taken > 100  # the single-part path was exercised, not only the fallback
