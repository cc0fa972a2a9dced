"""Government identifiers or card numbers leaving the organisation outside an approved channel."""

from __future__ import annotations

from dlp.rules.base import ENTITY_WORDS, Rule

from dlp.model import ScanContext, Violation


class SensitiveIdentifier(Rule):
    rule_id = "sensitive_identifier"
    title = "a government identifier or card number sent outside an approved channel"
    OPTIONS = {
        "entities": ["AU_TFN", "AU_MEDICARE", "CREDIT_CARD"],
        # Recipient kinds that are an approved channel for these identifiers.
        "allowed_recipients": ["internal"],
    }

    def check(self, ctx: ScanContext) -> list[Violation]:
        allowed = set(self.options["allowed_recipients"])
        outside = [r for r in ctx.recipients if r.kind.value not in allowed]
        if not outside:
            return []
        wanted = set(self.options["entities"])
        out = []
        for entity in sorted({f.entity for f in ctx.findings if f.entity in wanted}):
            first = next(f for f in ctx.findings if f.entity == entity)
            out.append(self.violation([], first.part, f"{ENTITY_WORDS.get(entity, entity)} in an outgoing item"))
        return out
