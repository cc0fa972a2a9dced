"""A client's suppressed address, phone or email shown to, or used to reach, anyone but that client."""

from __future__ import annotations

import re

from dlp.analysis.placing import (
    names_an_office,
    right_after,
    says_someone_lives_there,
    sentence_span,
    short_name_is_a_place,
)
from dlp.analysis.premises import OWN_TOWN, PREMISES
from dlp.analysis.streets import HER_STREET
from dlp.extract.letter import locality_of_an_address, place_name_ends_a_name, place_name_goes_on
from dlp.model import Finding, Recipient, RecipientKind, Report, ScanContext
from dlp.registry.entities import CLIENT_SURNAME, MIN_KEY
from dlp.registry.index import CLIENT_ADDRESS, CLIENT_LOCALITY, CLIENT_NAME, CLIENT_NAME_DOB
from dlp.rules.base import CLIENT_WORDS, Rule, describe


class SuppressedDetailExposed(Rule):
    rule_id = "suppressed_detail_exposed"
    title = "a suppressed contact detail exposed"
    why = "a detail the client asked to keep private would reach someone else"
    what_to_check = (
        "that no suppressed address, phone or email appears, and the delivery address is not a suppressed one"
    )
    colour = "#16a085"
    ENTITY_WORDS = CLIENT_WORDS

    def check(self, ctx: ScanContext) -> list[Report]:
        out: list[Report] = []
        seen: set[tuple[str, str]] = set()
        for recipient in ctx.recipients:
            # The letter itself is delivered to a suppressed address, but not to the client who lives there. A
            # notice to "the occupier" there reaches only her letterbox and names no one.
            if recipient.kind is RecipientKind.OCCUPIER:
                continue
            # A suppressed address is no news to an addressee it is suppressed for too (a protected mother and
            # child at one address, women at a refuge): every one the addressee may be. A joint holder or a
            # representative registered there without that protection is no reader of it (staff may have moved
            # both holders).
            if recipient.clients and recipient.clients <= recipient.address_suppressed_for:
                continue
            # An addressee who may be one of several ("Mr Dunmore") may be the one it is not suppressed for.
            readers = frozenset() if recipient.one_of else recipient.clients
            for victim in sorted(recipient.address_suppressed_for - readers):
                seen.add((victim, recipient.label))
                out.append(
                    self.report(
                        {victim} | recipient.clients,
                        "address block",
                        f"suppressed postal address of {victim} used as the delivery address of {describe(recipient)}",
                    )
                )
        apart, identified = _identified(ctx)
        for finding in ctx.findings:
            if not finding.suppressed_for:
                continue  # an extract's hundreds of findings: most are no one's suppressed detail
            locality = finding.entity == CLIENT_LOCALITY
            knows = _who_knows(ctx, finding, apart, identified) if locality else identified
            if locality and not _locality_exposed(ctx, finding, knows):
                continue
            # Her suburb alone; or her building's address (the organisation's premises without her room) or her street
            # and suburb, which are her address without its dwelling or number (dlp/analysis/premises.py, streets.py).
            suburb = finding.entity == CLIENT_LOCALITY and not finding.key.startswith((PREMISES, HER_STREET))
            entity = CLIENT_ADDRESS if finding.entity == CLIENT_LOCALITY and not suburb else finding.entity
            what = self.words(entity, "detail")
            for victim in sorted(finding.suppressed_for):
                if locality and victim not in knows:
                    continue
                for recipient in ctx.recipients:
                    if not self._exposes(recipient, victim) or (victim, recipient.label) in seen:
                        continue
                    if recipient.postal and finding.addressee:
                        continue  # the delivery address itself: the check above decides
                    if (
                        finding.entity == CLIENT_ADDRESS
                        and recipient.clients & finding.clients
                        and not recipient.one_of
                    ):
                        continue  # her own home, theirs too (her children's): no news to her
                    seen.add((victim, recipient.label))
                    out.append(
                        self.report(
                            {victim} | recipient.clients,
                            finding.part,
                            f"suppressed {what} of {victim} in {describe(recipient)}",
                            internal=recipient.kind is RecipientKind.INTERNAL,
                        )
                    )
        return out

    @staticmethod
    def _exposes(recipient: Recipient, victim: str) -> bool:
        if victim in recipient.clients and not recipient.one_of:
            return False  # her own: unless the addressee may as well be someone else ("J. Ash", Jane or John)
        return not (recipient.kind is RecipientKind.INTERNAL and recipient.suppressed_staff)


def _identified(ctx: ScanContext) -> tuple[frozenset[str], frozenset[str]]:
    """The clients an item names apart from its readers (by name or one of their own identifiers, not one they
    share with a reader: a joint account's number to her former partner is his too); and the clients it says it is
    about (named, or by one of their own identifiers, not a recipient's own), with those it goes to a joint holder
    of: her former partner needs no name to know whose address it is."""
    readers = {c for r in ctx.recipients for c in r.clients}
    said = [f for f in ctx.findings if not f.addressee and (f.strong or f.entity in _NAMING)]
    named = {cid for f in said for cid in f.clients}
    apart = {cid for f in said if not f.clients & readers for cid in f.clients}
    reached = {cid for c in readers for cid in ctx.joint.get(c, ())}
    return frozenset(apart), frozenset(named | reached)


def _who_knows(ctx: ScanContext, finding: Finding, apart: frozenset[str], identified: frozenset[str]) -> frozenset[str]:
    """Whom the item says a suburb finding is about. One of the organisation's own towns ("our Ingham branch is
    closing", "at the Ingham post office", in every member's letter) only beside her name or identifiers not her
    reader's too, or, to her former partner, where the text puts someone there ("she has moved to Ingham") or
    speaks of her beside its office ("her statements will be held at our Ingham branch": review N-4)."""
    if not finding.key.startswith(OWN_TOWN) or _puts_her_there(_part_text(ctx, finding), finding):
        return identified
    return apart


def _puts_her_there(text: str, finding: Finding) -> bool:
    """Does the text put someone at one of the organisation's towns ("she has moved to Ingham"), or speak of her
    beside its office there ("her local Ingham branch", "our Wagga Wagga office visits her": review N-4; not a list
    of every office in a sentence about her file)?"""
    if says_someone_lives_there(text, finding.start, finding.end):
        return True
    return names_an_office(text, finding.end) and bool(
        _SHE.search(text, *sentence_span(text, finding.start, finding.end))
    )


def _locality_exposed(ctx: ScanContext, finding: Finding, identified: frozenset[str]) -> bool:
    """A suppressed address's suburb, or the organisation's own premises without her room (an aged care home's
    letterhead: dlp/analysis/premises.py), says where she lives only beside who she is. Not as the addressee's own;
    only written as a place name ("Redgum Flat", "REDGUM FLAT"; not "the flat" in a sentence), not as another
    address's locality ("PO Box 4410, Albury": a letterhead's, an office's), not as part of a longer name
    ("Castlemaine Hills Primary School", "Complaints Officer") or of a person's ("Ms Priya Watson", "Mrs. Watson",
    "Watson, Priya", "Watson's complaint")."""
    if finding.addressee or not finding.suppressed_for & identified:
        return False
    if finding.key.startswith(PREMISES):
        return True
    text = _part_text(ctx, finding)
    names = [f for f in ctx.findings if f.entity in _NAMING and f.part == finding.part]
    if finding.key.startswith(OWN_TOWN) and _an_office_not_hers(text, finding, names):
        return False
    if len(finding.key.removeprefix(OWN_TOWN)) < MIN_KEY:
        hers = [f.end for f in names if f.end <= finding.start and f.clients & finding.suppressed_for]
        if not short_name_is_a_place(text, finding.start, finding.end, hers):
            return False
    first = text[finding.start : finding.start + 1]
    named = any(f.start < finding.end and finding.start < f.end for f in names)
    # Her own name just before ("Client: Honora Pembury Redgum Flat", a table's row) ends there: the place is no
    # part of it. Not another client's (a neighbour's row of a case list).
    after_her_name = any(
        f.end <= finding.start and f.clients & finding.suppressed_for and right_after(text, f.end, finding.start)
        for f in names
    )
    return (
        (first.isupper() or finding.key.startswith(HER_STREET))  # her street and suburb, however typed
        and not named
        and not locality_of_an_address(text, finding.start)
        and (after_her_name or not place_name_ends_a_name(text, finding.start))
        and not place_name_goes_on(text, finding.end)
    )


_NAMING = frozenset({CLIENT_NAME, CLIENT_NAME_DOB, CLIENT_SURNAME})


def _an_office_not_hers(text: str, finding: Finding, names: list[Finding]) -> bool:
    """One of the organisation's towns naming its office ("Wagga Wagga office" on the letterhead, "the Ingham branch
    closes"), in a sentence that neither names her ("Leanne Dempsey banks at our Ingham branch now") nor puts her
    there."""
    if not names_an_office(text, finding.end) or _puts_her_there(text, finding):
        return False
    first, last = sentence_span(text, finding.start, finding.end)
    return not any(first <= f.start < last and f.clients & finding.suppressed_for for f in names)


# A woman spoken of in the sentence: the office is hers to him, whoever she is.
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def _part_text(ctx: ScanContext, finding: Finding) -> str:
    return next((p.text for p in ctx.communication.parts if p.name == finding.part), "")
