"""A client's identifying data goes to someone who is not that client, their representative or
joint holder."""

from __future__ import annotations

from dlp.rules.base import ENTITY_WORDS, Rule, allowed_for, describe, strong

from dlp.model import Finding, Recipient, ScanContext, Violation

LISTED = 5  # client ids named in one explanation; the violation's clients list holds them all


class MismatchedRecipient(Rule):
    rule_id = "mismatched_recipient"
    title = "a client's information addressed to someone else"

    def check(self, ctx: ScanContext) -> list[Violation]:
        out: list[Violation] = []
        for recipient in ctx.recipients:
            # One violation per recipient, naming every client whose data would reach them.
            wrong: dict[frozenset[str], Finding] = {}
            for finding in strong(ctx.findings):
                if not allowed_for(recipient, finding.clients):
                    wrong.setdefault(finding.clients, finding)
            if wrong:
                out.append(self._violation(recipient, list(wrong.values())))
        return out

    def _violation(self, recipient: Recipient, findings: list[Finding]) -> Violation:
        owners = sorted({cid for f in findings for cid in f.clients})
        first = findings[0]
        if len(findings) == 1:
            what = f"{ENTITY_WORDS.get(first.entity, 'identifier')} of {', '.join(owners)}"
        else:
            named = ", ".join(owners[:LISTED]) + (", ..." if len(owners) > LISTED else "")
            what = f"identifiers of {len(owners)} other client(s) ({named})"
        explanation = f"{what} in {describe(recipient)}"
        if recipient.note:
            explanation += f" ({recipient.note})"
        return self.violation(set(owners) | recipient.clients | recipient.address_clients, first.part, explanation)
