"""A client's suppressed address, phone or email shown to, or used to reach, anyone but that client."""

from __future__ import annotations

from dlp.model import Recipient, RecipientKind, Report, ScanContext
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
        for finding in ctx.findings:
            for victim in sorted(finding.suppressed_for):
                for recipient in ctx.recipients:
                    if not self._exposes(recipient, victim) or (victim, recipient.label) in seen:
                        continue
                    if recipient.postal and finding.addressee:
                        continue  # the delivery address itself: the check above decides
                    seen.add((victim, recipient.label))
                    out.append(
                        self.report(
                            {victim} | recipient.clients,
                            finding.part,
                            f"suppressed {self.words(finding.entity, 'detail')} of {victim} in {describe(recipient)}",
                            internal=recipient.kind is RecipientKind.INTERNAL,
                        )
                    )
        return out

    @staticmethod
    def _exposes(recipient: Recipient, victim: str) -> bool:
        if victim in recipient.clients and not recipient.one_of:
            return False  # her own: unless the addressee may as well be someone else ("J. Ash", Jane or John)
        return not (recipient.kind is RecipientKind.INTERNAL and recipient.suppressed_staff)
