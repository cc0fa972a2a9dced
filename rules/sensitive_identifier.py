"""Government identifiers or card numbers leaving the organisation outside an approved channel."""

from __future__ import annotations

from dlp.model import RecipientKind, Report, ScanContext
from dlp.rules.base import Rule


class SensitiveIdentifier(Rule):
    rule_id = "sensitive_identifier"
    title = "a government identifier or card number sent outside an approved channel"
    why = "a government identifier or card number was about to leave outside an approved channel"
    what_to_check = "whether the tax file, Medicare or card number must be in the letter"
    colour = "#d35400"
    ENTITY_WORDS = {
        "AU_TFN": "tax file number",
        "AU_MEDICARE": "Medicare number",
        "CREDIT_CARD": "card number",
        "AU_ABN": "ABN",
        "AU_ACN": "ACN",
    }
    OPTIONS = {
        # An organisation's own entities (from its recogniser YAML) may be added here, with their words.
        "entities": ["AU_TFN", "AU_MEDICARE", "CREDIT_CARD"],
        "entity_words": {},
        # Recipient kinds that are an approved channel for these identifiers.
        "allowed_recipients": ["internal"],
        # Identifiers an approved third party may receive as well: a patient's Medicare number goes to the GP or
        # pathology provider on every referral; a tax file number or card number goes to no third party.
        "approved_third_party_entities": ["AU_MEDICARE"],
    }

    def check(self, ctx: ScanContext) -> list[Report]:
        default = set(self.options["allowed_recipients"])
        wider = default | {RecipientKind.APPROVED.value}
        to_approved = set(self.options["approved_third_party_entities"])
        wanted = set(self.options["entities"])
        out = []
        for entity in sorted({f.entity for f in ctx.findings if f.entity in wanted}):
            allowed = wider if entity in to_approved else default
            if all(r.kind.value in allowed for r in ctx.recipients):
                continue
            first = next(f for f in ctx.findings if f.entity == entity)
            out.append(self.report([], first.part, f"{self.words(entity, entity)} in an outgoing item"))
        return out
