"""Rules only report. Each is one small class carrying its id, its words and its YAML options, and a `check()`.

A rule says what it found (a `Report`: the clients, the part, an explanation in its own words, and whether only
internal staff would see it); the policy chain (dlp.policy) decides what happens. A rule registers itself by
defining `rule_id`; the package finds every rule module itself (dlp.rules), and an organisation's own
rule modules are named in `[policy] rule_modules`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from dlp.model import Finding, Recipient, RecipientKind, Report, ScanContext
from dlp.registry.index import (
    CLIENT_ADDRESS,
    CLIENT_EMAIL,
    CLIENT_LOCALITY,
    CLIENT_NAME,
    CLIENT_NAME_DOB,
    CLIENT_PHONE,
    CLIENT_PHONE_LOCAL,
    CLIENT_REFERENCE,
    CLIENT_STREET,
)

RULES: dict[str, type[Rule]] = {}

# The client details the registry finds, in words: what the rules that speak of clients' data say.
CLIENT_WORDS = {
    CLIENT_REFERENCE: "account reference",
    CLIENT_EMAIL: "email address",
    CLIENT_PHONE: "phone number",
    CLIENT_PHONE_LOCAL: "phone number",
    CLIENT_ADDRESS: "postal address",
    CLIENT_STREET: "street address",
    CLIENT_LOCALITY: "suburb",
    CLIENT_NAME: "name",
    CLIENT_NAME_DOB: "name and date of birth",
}


@dataclass(frozen=True)
class RuleSettings:
    """A rule's entry in the policy files."""

    decision: Any  # dlp.model.Decision
    severity: Any  # dlp.model.Severity
    enabled: bool = True
    options: dict[str, Any] = field(default_factory=dict)
    internal_decision: Any = None  # the decision when only internal staff would see it (None: `decision`)


class Rule:
    rule_id: ClassVar[str]
    title: ClassVar[str]  # the rule in words, for senders, notes and incident records
    why: ClassVar[str]  # the incident template's "Why"
    what_to_check: ClassVar[str]  # what staff should check in the item before sending it
    colour: ClassVar[str] = "#7f8c8d"  # the rule on the dashboard's chart
    # The entities this rule names, in words; an organisation adds its own with the `entity_words` option.
    ENTITY_WORDS: ClassVar[dict[str, str]] = {}
    # Extra YAML keys this rule takes, with their defaults (their types are checked at start-up).
    OPTIONS: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "rule_id" in cls.__dict__:
            missing = [word for word in ("title", "why", "what_to_check") if not getattr(cls, word, None)]
            if missing:
                raise TypeError(f"rule {cls.rule_id} lacks its words: {', '.join(missing)}")
            RULES[cls.rule_id] = cls

    def __init__(self, settings: RuleSettings) -> None:
        self.settings = settings
        self.options = {**self.OPTIONS, **settings.options}

    def check(self, ctx: ScanContext) -> list[Report]:
        raise NotImplementedError

    def words(self, entity: str, default: str = "identifier") -> str:
        own: Mapping[str, str] = self.options.get("entity_words") or {}
        return own.get(entity) or self.ENTITY_WORDS.get(entity) or default

    def report(self, clients: Iterable[str], part: str, explanation: str, *, internal: bool = False) -> Report:
        """What this rule found; `internal`: only internal staff would see it (the policy may decide otherwise)."""
        return Report(self.rule_id, tuple(sorted(set(clients))), part, explanation, internal)


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
