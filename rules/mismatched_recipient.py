"""A client's identifying data goes to someone who is not that client, their representative or joint holder."""

from __future__ import annotations

from dlp.model import Finding, Recipient, RecipientKind, Report, ScanContext
from dlp.rules.base import CLIENT_WORDS, Rule, allowed_for, describe

LISTED = 5  # client ids named in one explanation; the report's clients hold them all


class MismatchedRecipient(Rule):
    rule_id = "mismatched_recipient"
    title = "a client's information addressed to someone else"
    why = "the recipient is not the client the item is about, nor their representative"
    what_to_check = "that the addressee is the client the letter is about, at their registered address"
    colour = "#c0392b"
    ENTITY_WORDS = CLIENT_WORDS

    def check(self, ctx: ScanContext) -> list[Report]:
        out: list[Report] = []
        for recipient in ctx.recipients:
            # One report per recipient, naming every client whose data would reach them.
            together = household(ctx, recipient)
            wrong: dict[frozenset[str], Finding] = {}
            for finding in ctx.strong:
                if not any(allowed_for(reader, finding.clients) for reader in together):
                    wrong.setdefault(finding.clients, finding)
            if wrong:
                out.append(self._report(recipient, list(wrong.values())))
        return out

    def _report(self, recipient: Recipient, findings: list[Finding]) -> Report:
        owners = sorted({cid for f in findings for cid in f.clients})
        first = findings[0]
        if len(findings) == 1:
            what = f"{self.words(first.entity)} of {', '.join(owners)}"
        else:
            named = ", ".join(owners[:LISTED]) + (", ..." if len(owners) > LISTED else "")
            what = f"identifiers of {len(owners)} other client(s) ({named})"
        explanation = f"{what} in {describe(recipient)}"
        if recipient.note:
            explanation += f" ({recipient.note})"
        return self.report(set(owners) | recipient.clients | recipient.address_clients, first.part, explanation)


def household(ctx: ScanContext, recipient: Recipient) -> list[Recipient]:
    """Who reads a letter together with this addressee: a block naming several clients who are all registered at
    the address it goes to ("Ms L Roe & Mr B Roe" at their home) addresses one household, so what any of them
    may receive the letter may carry. A co-addressee registered elsewhere (a joint holder who has moved away)
    reads it apart, and gets only what is hers; an email's recipients each read it alone."""
    if not recipient.postal or recipient.kind is not RecipientKind.CLIENT:
        return [recipient]
    home = recipient.address_clients
    if not recipient.clients <= home:
        return [recipient]
    return [recipient] + [
        other
        for other in ctx.recipients
        if other is not recipient and other.postal and other.kind is RecipientKind.CLIENT and other.clients <= home
    ]
