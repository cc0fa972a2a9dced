"""A part could not be read: it is never passed unchecked."""

from __future__ import annotations

from dlp.model import Report, ScanContext
from dlp.rules.base import Rule, has_external


class UnscannableContent(Rule):
    rule_id = "unscannable_content"
    title = "content that could not be checked"
    why = "part of the item could not be read, so it could not be checked"
    what_to_check = "that the file opens; scanned pages need OCR, encrypted files cannot be checked"
    colour = "#f39c12"

    def check(self, ctx: ScanContext) -> list[Report]:
        internal = not has_external(ctx)
        return [
            self.report([], part.name, f"cannot be read: {part.error}", internal=internal)
            for part in ctx.communication.parts
            if part.error is not None
        ]
