"""A client's identifying data goes to someone who is not that client, their representative or joint holder."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from dlp.extract.letter import salutation_offset
from dlp.model import Finding, Recipient, RecipientKind, Report, ScanContext
from dlp.registry.entities import (
    CLIENT_ADDRESS,
    CLIENT_DOB,
    CLIENT_EMAIL,
    CLIENT_NAME,
    CLIENT_NAME_DOB,
    CLIENT_PHONE,
    CLIENT_PHONE_LOCAL,
    CLIENT_REFERENCE,
)
from dlp.rules.base import CLIENT_WORDS, Rule, allowed_for, describe

LISTED = 5  # client ids named in one explanation; the report's clients hold them all
ONE_OF = "own identifiers of {} clients ({}), only one of whom the addressee can be"


class MismatchedRecipient(Rule):
    rule_id = "mismatched_recipient"
    title = "a client's information addressed to someone else"
    why = "the recipient is not the client the item is about, nor their representative"
    what_to_check = "that the addressee is the client the letter is about, at their registered address"
    colour = "#c0392b"
    ENTITY_WORDS = CLIENT_WORDS
    # False: a client's address identifies them only beside their name or another of their identifiers (a
    # council's planning notices name the land, whoever owns it).
    # True: clients the registry gives one reference are parties to one matter (a tribunal's notice of hearing),
    # who may receive each other's names, dates of birth and registered addresses in an item carrying it. False
    # where parties must not learn where the other lives (child support: separated parents share a case number).
    OPTIONS = {"address_alone_identifies": True, "parties_see_each_other": False}

    def check(self, ctx: ScanContext) -> list[Report]:
        out: list[Report] = []
        strong = ctx.strong if self.options["address_alone_identifies"] else _not_addresses_alone(ctx)
        addressed = _addressed(ctx.recipients)
        heading = _Heading(ctx)
        for recipient in ctx.recipients:
            # One report per recipient, naming every client whose data would reach them.
            # Each addressee separately: joint holders, even at one address, share only what both hold (issue 9).
            household = _household(recipient, ctx)
            # "Brendan Lockyer, born 28 October 2007" on his joint tenant's household review; and the reference a
            # letter is filed under, in its heading, when it is a joint holder's who lives there and is addressed
            # too ("Ms L D'Souza & Mr B D'Souza", her customer number on their joint renewal). What the body adds of
            # one holder's own ("Michael's own claim WC-24-0708210 has been accepted") stays theirs alone.
            beside = household & addressed
            strong_here = (
                [
                    f
                    for f in strong
                    if not (
                        (f.entity in _KNOWN_IN_THE_HOUSEHOLD and f.clients <= household)
                        or (f.clients <= beside and not f.suppressed_for and heading(f))
                    )
                ]
                if household
                else strong
            )
            parties = _parties(recipient, ctx) if self.options["parties_see_each_other"] else frozenset()
            if parties:
                strong_here = [
                    f
                    for f in strong_here
                    if not (f.entity in _KNOWN_TO_PARTIES and f.clients <= parties and not f.suppressed_for)
                ]
            wrong: dict[frozenset[str], Finding] = {}
            for finding in strong_here:
                if not allowed_for(recipient, finding.clients):
                    wrong.setdefault(finding.clients, finding)
            if wrong:
                out.append(self._report(recipient, list(wrong.values())))
            elif recipient.one_of and len(own := _each_ones_own(recipient, strong_here)) > 1:
                # Whichever of them opens it, the other's own detail reaches them: fail closed.
                out.append(self._report(recipient, own, ONE_OF))
        return out

    def _report(
        self, recipient: Recipient, findings: list[Finding], several: str = "identifiers of {} other client(s) ({})"
    ) -> Report:
        owners = sorted({cid for f in findings for cid in f.clients})
        first = findings[0]
        if len(findings) == 1:
            what = f"{self.words(first.entity)} of {', '.join(owners)}"
        else:
            named = ", ".join(owners[:LISTED]) + (", ..." if len(owners) > LISTED else "")
            what = several.format(len(owners), named)
        explanation = f"{what} in {describe(recipient)}"
        if recipient.note:
            explanation += f" ({recipient.note})"
        return self.report(set(owners) | recipient.clients | recipient.address_clients, first.part, explanation)


# A joint holder's name and date of birth are no news to the other holder living with them (a household review
# lists who is on the lease); their own account numbers, contact details and new address are (issue 9), and stay
# theirs alone. A holder registered elsewhere (a victim who moved out) is no household member.
_KNOWN_IN_THE_HOUSEHOLD = frozenset({CLIENT_NAME_DOB})


def _household(recipient: Recipient, ctx: ScanContext) -> frozenset[str]:
    """The addressee's joint holders registered at the letter's delivery address, or at a message recipient's own."""
    if not recipient.address_clients:
        return recipient.household
    joint = frozenset().union(*(ctx.joint.get(c, ()) for c in recipient.clients))
    return joint & recipient.address_clients


# Where parties see each other (the option): a notice of hearing names every party and the rented premises, a
# guardianship order the represented person and their date of birth. Contact details, other references and
# suppressed details stay each party's own.
_KNOWN_TO_PARTIES = frozenset({CLIENT_ADDRESS, CLIENT_NAME, CLIENT_NAME_DOB, CLIENT_DOB})


def _parties(recipient: Recipient, ctx: ScanContext) -> frozenset[str]:
    """The other parties to a matter the item is about: clients sharing a reference it carries with the addressee
    (or the client they act for). Joint holders are not parties: they share only the joint account (issue 9)."""
    own = recipient.clients | recipient.authorised_for
    if not own:
        return frozenset()
    parties: set[str] = set()
    for finding in ctx.findings:
        if finding.entity == CLIENT_REFERENCE and len(finding.clients) > 1 and finding.clients & own:
            parties |= finding.clients
    if not parties:
        return frozenset()
    joint = frozenset().union(*(ctx.joint.get(c, ()) for c in own))
    return frozenset(parties - own - joint)


class _Heading:
    """Is a finding a reference in the letter's heading: above the salutation of the page that has one? (Looked
    for only when a joint holder is addressed beside another: most letters never ask.)"""

    def __init__(self, ctx: ScanContext) -> None:
        self.ctx = ctx

    @cached_property
    def _salutation(self) -> tuple[str, int] | None:
        if self.ctx.communication.kind != "letter":
            return None
        for part in self.ctx.communication.parts:
            if (at := salutation_offset(part.text)) is not None:
                return part.name, at
        return None

    def __call__(self, finding: Finding) -> bool:
        if finding.entity != CLIENT_REFERENCE or self._salutation is None:
            return False
        name, at = self._salutation
        return finding.part == name and finding.start < at


def _addressed(recipients: Sequence[Recipient]) -> frozenset[str]:
    """The clients a letter is certainly addressed to (each named person who is one client)."""
    return frozenset(
        cid for r in recipients if r.postal and r.kind is RecipientKind.CLIENT and not r.one_of for cid in r.clients
    )


def _each_ones_own(recipient: Recipient, strong: Sequence[Finding]) -> list[Finding]:
    """For an addressee who is one of several clients: a finding of each candidate's that only they hold."""
    own: dict[frozenset[str], Finding] = {}
    for finding in strong:
        if len(finding.clients) == 1 and finding.clients <= recipient.clients:
            own.setdefault(finding.clients, finding)
    return list(own.values())


def _not_addresses_alone(ctx: ScanContext) -> tuple[Finding, ...]:
    """The strong findings less addresses of clients named by nothing else in the item (a property's address on
    a notice to its neighbours)."""
    named = {cid for f in ctx.findings if f.entity in _NAMING and not f.addressee for cid in f.clients}
    return tuple(f for f in ctx.strong if f.entity != CLIENT_ADDRESS or f.clients & named)


# What says whose an address is: a name, or an identifier of the client's own (not the address's street line).
_NAMING = frozenset(
    {CLIENT_NAME, CLIENT_NAME_DOB, CLIENT_DOB, CLIENT_REFERENCE, CLIENT_EMAIL, CLIENT_PHONE, CLIENT_PHONE_LOCAL}
)
