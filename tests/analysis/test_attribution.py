"""Which findings are the recipients' own details."""

from __future__ import annotations

from dlp.analysis.attribution import mark_addressee
from dlp.model import Communication, Finding, Part

BODY = (
    "Dear Kim, your statement goes to Kim.Ashdown@Mail.Example as asked. "
    "Copy to lee.brook@mail.example. Account of kim ashdown mail example."
)


def finding(text: str, value: str, entity: str = "EMAIL_ADDRESS") -> Finding:
    start = text.index(value)
    return Finding(entity, "body", start, start + len(value), 1.0, frozenset({"C1"}))


def test_a_message_recipients_own_address_is_theirs_however_written() -> None:
    item = Communication("email", "test", recipients=("kim.ashdown@mail.example",), parts=(Part("body", BODY),))
    own = finding(BODY, "Kim.Ashdown@Mail.Example")
    other = finding(BODY, "lee.brook@mail.example")
    # The same letters and digits as the address, but not written as one: a name, not where the message goes.
    words = finding(BODY, "kim ashdown mail example", "CLIENT_NAME")
    marked = list(mark_addressee(item, [own, other, words]))
    assert [f.addressee for f in marked] == [True, False, False]
    assert marked[0] == own.as_addressee()
