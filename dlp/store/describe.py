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
WHY = {
    "mismatched_recipient": "the recipient is not the client the item is about, nor their representative",
    "suppressed_detail_exposed": "a detail the client asked to keep private would reach someone else",
    "mixed_client_documents": "documents of more than one client were put together",
    "bulk_client_data": "many clients' records were about to leave the organisation",
    "sensitive_identifier": ("a government identifier or card number was about to leave outside an approved channel"),
    "unmerged_field": "a mail-merge field was not filled in",
    "unscannable_content": "part of the item could not be read, so it could not be checked",
}


def describe_incident(verdict: Verdict, item: Communication, channel: Channel) -> tuple[str, str, str]:
    rules = sorted({v.rule for v in verdict.violations}, key=lambda r: list(WHY).index(r) if r in WHY else 99)
    titles = "; ".join(RULES[r].title for r in rules if r in RULES)
    what = f"An outgoing {item.kind} {CHANNEL_WORDS[channel]} was stopped ({verdict.decision.value}): {titles}."
    how = " ".join(f"{v.rule} in {v.part}: {v.explanation}." for v in verdict.violations[:10])
    why = " ".join(f"{WHY[r][0].upper()}{WHY[r][1:]}." for r in rules if r in WHY)
    return what, how, why
