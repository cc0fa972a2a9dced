"""The recipient's namesake: a birth date that is not the reader's own but another client's of the reader's name.

A birth date alone says nothing of whose it is (dlp/recognizers/client_dob_recognizer.py): beside the client's name,
it does. An item sent to a client need not write the name: the reader is the name ("Dear Sienna, we hold your date
of birth as 28 May 1964"). Where the reader has a namesake among the clients (the same given and family name) and
the date is the namesake's birth date, not the reader's, the item carries the namesake's record: the seeds' payment
to the wrong one of two workers of one name. The date becomes the namesake's CLIENT_NAME_DOB, which says whose data
it is (mismatched_recipient, mixed_client_documents).
"""

from __future__ import annotations

from dlp.model import Finding, Recipient, RecipientKind
from dlp.normalize import name_tokens
from dlp.registry.client import Client
from dlp.registry.index import CLIENT_DOB, CLIENT_NAME_DOB, RegistryIndex

NAMESAKE = "namesake:"  # the key's prefix of a birth date read as the recipient's namesake's


def name_the_namesakes(
    findings: tuple[Finding, ...], recipients: tuple[Recipient, ...], index: RegistryIndex
) -> tuple[Finding, ...]:
    """`findings` and, for each birth date of the recipient's namesake (not the recipient's own, nor written beside
    a client's name already), that namesake's CLIENT_NAME_DOB."""
    dates = [f for f in findings if f.entity == CLIENT_DOB and not f.addressee]
    if not dates:
        return findings
    # The readers the item is about by being sent to them: a client, or the clients a representative acts for.
    readers = {
        cid
        for r in recipients
        if r.kind in (RecipientKind.CLIENT, RecipientKind.AUTHORISED) and not r.one_of
        for cid in (r.clients | r.authorised_for)
    }
    if not readers:
        return findings
    theirs = readers | {other for cid in readers for other in index.joint.get(cid, ())}
    names = {_name(index.clients[cid]) for cid in readers} - {None}
    named = {(f.part, f.start, f.end) for f in findings if f.entity == CLIENT_NAME_DOB}
    added = []
    for f in dates:
        if f.clients & theirs or (f.part, f.start, f.end) in named:
            continue  # the reader's own birthday (or a joint holder's), or a name is written beside it
        namesakes = frozenset(cid for cid in f.clients if _name(index.clients[cid]) in names)
        if namesakes:
            added.append(
                Finding.of(CLIENT_NAME_DOB, f.part, f.start, f.end, 1.0, namesakes, True, frozenset(), NAMESAKE + f.key)
            )
    return findings + tuple(added)


def _name(client: Client) -> tuple[str, ...] | None:
    """The first given name and the family name, as the registry writes them (None without both)."""
    given, family = name_tokens(client.given_name), name_tokens(client.family_name)
    return (given[0], *family) if given and family else None
