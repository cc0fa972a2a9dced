from __future__ import annotations

from dlp.extract import communication_from_message
from tests.synthetic import email


def parts(data: bytes) -> dict[str, str]:
    return {p.name: p.text for p in communication_from_message(data, "m.eml").parts if p.error is None}


def errors(data: bytes) -> dict[str, str]:
    return {p.name: p.error or "" for p in communication_from_message(data, "m.eml").parts if p.error}


def test_recipients_from_to_cc_and_bcc() -> None:
    raw = (
        b"From: a@org.example\r\nTo: B <b@x.example>, c@x.example\r\nCc: d@x.example\r\n"
        b"Bcc: e@x.example\r\nSubject: hi\r\n\r\nbody\r\n"
    )
    item = communication_from_message(raw, "m.eml")
    assert item.recipients == ("b@x.example", "c@x.example", "d@x.example", "e@x.example")
    assert item.sender == "a@org.example"


def test_rfc2047_subject_and_odd_charsets() -> None:
    raw = (
        b"From: a@org.example\r\nTo: b@x.example\r\nSubject: =?utf-8?B?w4lsb2RpZSdzIGFjY291bnQ=?=\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1252\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n"
    ) + "caf\xe9 account 12".encode("cp1252")
    found = parts(raw)
    assert found["subject"] == "Élodie's account"
    assert found["body"].startswith("café")


def test_unknown_charset_falls_back_without_error() -> None:
    raw = (
        b"From: a@org.example\r\nTo: b@x.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\nplain words\r\n"
    )
    assert "plain words" in parts(raw)["body"]


def test_html_alternative_and_attachments_are_read() -> None:
    raw = email(
        ["b@x.example"],
        "s",
        "plain body",
        html="<html><body><p>html <b>body</b></p><script>var x</script></body></html>",
        attachments=[("list.csv", b"a,b\n1,2\n", "text/csv"), ("note.txt", b"note text", "text/plain")],
    )
    found = parts(raw)
    assert "plain body" in found["body"]
    assert "html body" in found["body 2"] and "var x" not in found["body 2"]
    assert found["attachment 1 (CSV)"].startswith("a,b")
    assert found["attachment 2 (text)"] == "note text"


def test_nested_message_is_read() -> None:
    inner = email(["z@x.example"], "inner subject", "inner body text")
    raw = (
        b"From: a@org.example\r\nTo: b@x.example\r\nSubject: fwd\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nsee below\r\n"
        b"--XX\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--XX--\r\n"
    )
    found = parts(raw)
    assert "inner body text" in found["attached message, body"]


def test_missing_boundary_fails_closed() -> None:
    raw = (
        b"From: a@org.example\r\nTo: b@x.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=NOPE\r\n\r\n--OTHER\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
    )
    assert "message structure" in errors(raw)


def test_unknown_attachment_type_is_unreadable_not_skipped() -> None:
    raw = email(["b@x.example"], "s", "b", attachments=[("data.xyz", b"\x13\x37 opaque", "application/x-foo")])
    assert "no extractor" in errors(raw)["attachment 1 (unknown type)"]


def test_binary_declared_as_text_is_unreadable() -> None:
    raw = email(["b@x.example"], "s", "b", attachments=[("a.txt", b"\x00\x01\x02" * 10, "application/octet-stream")])
    assert "attachment 1 (text)" in errors(raw)


def test_headers_kept_parsed_per_message_are_few_short_and_never_in_its_repr() -> None:
    from email.message import EmailMessage

    from dlp.extract.base import Reading
    from dlp.extract.email import _KEPT_HEADER_CHARS, _KEPT_HEADERS, message_parts, parse_message

    outer = EmailMessage()
    outer["To"] = "Ann Lee <ann.lee@mail.example>"
    outer["Subject"] = "Statements"
    outer.set_content("See attached.")
    for i in range(200):  # long encoded-word filenames: each one's parse tree is far larger than its text
        outer.add_attachment(b"x", maintype="application", subtype="octet-stream", filename=f"é{i}" + "ü" * 300)
    msg = parse_message(outer.as_bytes())
    message_parts(msg, Reading.of(None))
    assert msg["To"].addresses[0].username == "ann.lee"
    kept = msg.policy.parsed  # type: ignore[attr-defined]
    assert 0 < len(kept) <= _KEPT_HEADERS
    assert all(len(value) <= _KEPT_HEADER_CHARS for _, value in kept)
    assert ("to", "Ann Lee <ann.lee@mail.example>") in kept
    assert "ann.lee" not in repr(msg.policy)


def test_recurring_headers_are_parsed_once_per_process_and_recipients_never() -> None:
    from email.message import EmailMessage

    from dlp.extract import email as email_module
    from dlp.extract.email import _SHARED_ENTRIES, parse_message

    def message(n: int) -> bytes:
        msg = EmailMessage()
        msg["From"] = "Billing <billing@org.example>"
        msg["To"] = f"Client {n} <client{n}@mail.example>"
        msg.set_content(f"Statement {n}")
        return msg.as_bytes()

    first, second = parse_message(message(1)), parse_message(message(2))
    assert first["From"] is second["From"]  # one parse, shared
    assert first["Content-Type"] is second["Content-Type"]
    assert first["To"] is not second["To"] and second["To"].addresses[0].username == "client2"
    shared = email_module._SHARED
    assert not any(name == "to" for name, _ in shared)
    for n in range(_SHARED_ENTRIES * 2):
        msg = EmailMessage()
        msg["From"] = f"Sender {n} <s{n}@org.example>"
        parse_message(msg.as_bytes())["From"]
    assert len(shared) <= _SHARED_ENTRIES


def test_senders_addresses_are_read_once_per_process_and_recipients_never(monkeypatch) -> None:
    """The organisation's own From recurs: its addresses are parsed once; a recipient header is parsed each time;
    a From that does not parse is still read for addresses and flagged, never cached."""
    from email.message import Message

    from dlp.extract import email as email_module
    from dlp.extract.email import _SHARED_ENTRIES, _addresses, parse_message

    parsed: list[str] = []
    factory = email_module._HEADER_CLASSES.__class__.__call__

    def counting(self, name, value):  # type: ignore[no-untyped-def]
        parsed.append(name)
        return factory(self, name, value)

    monkeypatch.setattr(email_module._HEADER_CLASSES.__class__, "__call__", counting)

    def message(n: int, sender: str = "Billing <billing@org.example>") -> Message:
        raw = f"From: {sender}\r\nTo: Client {n} <client{n}@mail.example>\r\n\r\nStatement {n}\r\n"
        return parse_message(raw.encode())

    email_module._SHARED.clear()
    for n in range(3):
        assert _addresses(message(n), ("from",)) == (["billing@org.example"], False)
        assert _addresses(message(n), ("to",)) == ([f"client{n}@mail.example"], False)
    assert parsed.count("from") == 1
    assert parsed.count("to") == 3
    assert not any(name == "to" for name, _ in email_module._SHARED)
    # Nested groups the parser cannot follow: read for addresses, flagged as malformed, never kept.
    broken = "a: b: c@org.example;;"
    for _ in range(2):
        assert _addresses(message(9, broken), ("from",)) == (["c@org.example"], True)
    assert ("from", broken) not in email_module._SHARED
    for n in range(_SHARED_ENTRIES * 2):
        _addresses(message(n, f"S <s{n}@org.example>"), ("from",))
    assert len(email_module._SHARED) <= _SHARED_ENTRIES
