"""Rules only report. Each is a small class with an id, its YAML options and a `check()`.

Subclasses register themselves by `rule_id`; the policy file decides each rule's decision and severity,
the chain turns violations into a verdict, and the channel acts on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from dlp.model import Decision, Finding, Recipient, RecipientKind, ScanContext, Severity, Violation
from dlp.registry.index import (
    CLIENT_ADDRESS,
    CLIENT_EMAIL,
    CLIENT_NAME,
    CLIENT_PHONE,
    CLIENT_PHONE_LOCAL,
    CLIENT_REFERENCE,
    CLIENT_STREET,
)

RULES: dict[str, type[Rule]] = {}

ENTITY_WORDS = {
    CLIENT_REFERENCE: "account reference",
    CLIENT_EMAIL: "email address",
    CLIENT_PHONE: "phone number",
    CLIENT_PHONE_LOCAL: "phone number",
    CLIENT_ADDRESS: "postal address",
    CLIENT_STREET: "street address",
    CLIENT_NAME: "name",
    "CLIENT_NAME_DOB": "name and date of birth",
    "AU_TFN": "tax file number",
    "AU_MEDICARE": "Medicare number",
    "CREDIT_CARD": "card number",
    "AU_ABN": "ABN",
    "AU_ACN": "ACN",
    "MERGE_FIELD": "mail-merge field",
}


@dataclass(frozen=True)
class RuleSettings:
    decision: Decision
    severity: Severity
    enabled: bool = True
    options: dict[str, Any] = field(default_factory=dict)


class Rule:
    rule_id: ClassVar[str]
    title: ClassVar[str]  # the rule in words, for senders and incident records
    # Extra YAML keys this rule takes, with their defaults (their types are checked at start-up).
    OPTIONS: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "rule_id" in cls.__dict__:
            RULES[cls.rule_id] = cls

    def __init__(self, settings: RuleSettings) -> None:
        self.settings = settings
        self.options = {**self.OPTIONS, **settings.options}

    def check(self, ctx: ScanContext) -> list[Violation]:
        raise NotImplementedError

    def violation(
        self, clients: Iterable[str], part: str, explanation: str, decision: Decision | None = None
    ) -> Violation:
        return Violation(
            self.rule_id,
            self.settings.severity,
            decision or self.settings.decision,
            tuple(sorted(set(clients))),
            part,
            explanation,
        )


def allowed_for(recipient: Recipient, group: frozenset[str]) -> bool:
    """May this recipient receive a value that identifies the clients of `group`?

    A value belongs to every client the registry holds it for: a joint account's shared reference and address
    belong to both holders, so either may receive them, while one holder's own account, contact details or new
    address belong to that holder alone and are not the other's to receive."""
    if recipient.kind in (RecipientKind.INTERNAL, RecipientKind.APPROVED):
        return True
    return entitled(recipient, group)


def entitled(recipient: Recipient, group: frozenset[str]) -> bool:
    """Is the recipient one of these clients, or their authorised contact?"""
    return bool(recipient.clients & group or recipient.authorised_for & group)


def describe(recipient: Recipient) -> str:
    """The recipient in PII-free words: client ids and kinds only."""
    where = "a letter addressed to" if recipient.postal else "an email to"
    if recipient.kind is RecipientKind.CLIENT:
        who = ", ".join(sorted(recipient.clients))
    elif recipient.kind is RecipientKind.AUTHORISED:
        who = "an authorised contact of " + ", ".join(sorted(recipient.authorised_for))
    elif recipient.kind is RecipientKind.APPROVED:
        who = "an approved third party"
    elif recipient.kind is RecipientKind.INTERNAL:
        who = "internal staff"
    elif recipient.kind is RecipientKind.OCCUPIER:
        who = "the occupier of " + (
            "the address of " + ", ".join(sorted(recipient.address_clients))
            if recipient.address_clients
            else "an address no client has"
        )
    elif recipient.postal and recipient.address_clients:
        who = (
            "someone other than the client(s) registered at the address ("
            + ", ".join(sorted(recipient.address_clients))
            + ")"
        )
    else:
        who = "a recipient not in the registry"
    return f"{where} {who}"


def has_external(ctx: ScanContext) -> bool:
    return ctx.communication.kind == "letter" or any(r.external for r in ctx.recipients)


def strong(findings: Iterable[Finding]) -> list[Finding]:
    """Values that say whose data an item carries, leaving out the recipients' own details."""
    return [f for f in findings if f.strong and f.clients and not f.addressee]


def clusters(groups: Iterable[frozenset[str]], joint: Mapping[str, frozenset[str]]) -> list[set[str]]:
    """Merge client groups that overlap or are joint holders: each cluster is one household of data."""
    out: list[set[str]] = []
    for group in groups:
        linked = set(group)
        for cid in group:
            linked |= joint.get(cid, frozenset())
        touching = [c for c in out if c & linked]
        merged = set(group).union(*touching) if touching else set(group)
        out = [c for c in out if not (c & linked)] + [merged]
    return out
