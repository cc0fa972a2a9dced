"""A client's suppressed address, phone or email shown to, or used to reach, anyone but that client."""

from __future__ import annotations

from dlp.rules.base import ENTITY_WORDS, Rule, describe

from dlp.model import Decision, Recipient, RecipientKind, ScanContext, Violation


class SuppressedDetailExposed(Rule):
    rule_id = "suppressed_detail_exposed"
    title = "a suppressed contact detail exposed"
    # Internal staff not on [organisation] suppressed_detail_staff: the organisation decides.
    OPTIONS = {"internal_decision": "quarantine"}

    def check(self, ctx: ScanContext) -> list[Violation]:
        out: list[Violation] = []
        seen: set[tuple[str, str]] = set()
        internal = Decision(self.options["internal_decision"])
        for recipient in ctx.recipients:
            # The letter itself is delivered to a suppressed address, but not to the client who lives there. A
            # notice to "the occupier" there reaches only her letterbox and names no one.
            if recipient.kind is RecipientKind.OCCUPIER:
                continue
            for victim in sorted(recipient.address_suppressed_for - recipient.clients):
                seen.add((victim, recipient.label))
                out.append(
                    self.violation(
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
                    decision = internal if recipient.kind is RecipientKind.INTERNAL else None
                    what = ENTITY_WORDS.get(finding.entity, "detail")
                    out.append(
                        self.violation(
                            {victim} | recipient.clients,
                            finding.part,
                            f"suppressed {what} of {victim} in {describe(recipient)}",
                            decision,
                        )
                    )
        return out

    @staticmethod
    def _exposes(recipient: Recipient, victim: str) -> bool:
        if victim in recipient.clients:
            return False
        return not (recipient.kind is RecipientKind.INTERNAL and recipient.suppressed_staff)
