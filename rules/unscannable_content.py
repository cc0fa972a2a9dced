"""A part could not be read: it is never passed unchecked."""

from __future__ import annotations

from dlp.rules.base import Rule, has_external

from dlp.model import Decision, ScanContext, Violation


class UnscannableContent(Rule):
    rule_id = "unscannable_content"
    title = "content that could not be checked"
    OPTIONS = {"internal_decision": "warn"}

    def check(self, ctx: ScanContext) -> list[Violation]:
        decision = None if has_external(ctx) else Decision(self.options["internal_decision"])
        return [
            self.violation([], part.name, f"cannot be read: {part.error}", decision)
            for part in ctx.communication.parts
            if part.error is not None
        ]
