"""The incident template's What / How / Why, in its own words, with client ids only."""

from __future__ import annotations

from dlp.model import Channel, Communication, Verdict
from dlp.rules import RULES

CHANNEL_WORDS = {
    Channel.CLI: "checked with dlp scan before sending",
    Channel.RELAY: "passing through the outgoing mail relay",
    Channel.FOLDER: "dropped in the pre-send folder",
    Channel.BATCH: "part of a mail-merge run",
}


def describe_incident(verdict: Verdict, item: Communication, channel: Channel) -> tuple[str, str, str]:
    # The most severe rule first; each rule's words come from the rule itself.
    severity = {v.rule: v.severity.rank for v in sorted(verdict.violations, key=lambda v: v.severity.rank)}
    rules = sorted(severity, key=lambda r: (-severity[r], r))
    known = [RULES[r] for r in rules if r in RULES]
    titles = "; ".join(rule.title for rule in known)
    what = f"An outgoing {item.kind} {CHANNEL_WORDS[channel]} was stopped ({verdict.decision.value}): {titles}."
    how = " ".join(f"{v.rule} in {v.part}: {v.explanation}." for v in verdict.violations[:10])
    why = " ".join(f"{rule.why[0].upper()}{rule.why[1:]}." for rule in known)
    return what, how, why
