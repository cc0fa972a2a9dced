"""A mail-merge placeholder survived into an outgoing item."""

from __future__ import annotations

from dlp.model import Report, ScanContext
from dlp.rules.base import Rule, has_external


class UnmergedField(Rule):
    rule_id = "unmerged_field"
    title = "an unmerged mail-merge field"
    why = "a mail-merge field was not filled in"
    what_to_check = "the mail merge: a field was not filled in"
    colour = "#7f8c8d"
    ENTITY_WORDS = {"MERGE_FIELD": "mail-merge field"}

    def check(self, ctx: ScanContext) -> list[Report]:
        if not has_external(ctx):
            return []  # a template circulated among staff is expected to hold fields
        fields = [f for f in ctx.findings if f.entity == "MERGE_FIELD"]
        if not fields:
            return []
        return [self.report([], fields[0].part, f"{len(fields)} unmerged mail-merge field(s)")]
