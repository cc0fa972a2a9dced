"""The evidence a reviewer sees: the held item's text with each detected value replaced by a label saying what
it is and whose (‹account ref · C100141›, ‹suppressed address · C100006›), the organisation's own details
(its letterhead phone and addresses, its domains) left readable, clients' given names redacted, and anything
else shaped like an email or number masked. Also who sent it and what kind of recipient each one is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from presidio_analyzer import RecognizerResult

from dlp.config import Config
from dlp.errors import DlpError
from dlp.extract import communication_from_message, letters_from_file
from dlp.model import Communication, RecipientKind
from dlp.normalize import compact
from dlp.quarantine import Quarantine
from dlp.recognizers.registry_recognizer import CLIENTS_KEY, SUPPRESSED_KEY
from dlp.redact import GENERIC
from dlp.registry.index import RegistryIndex
from dlp.scanner import Scanner
from dlp.store.models import Incident

WHAT = {
    "CLIENT_REFERENCE": "account ref",
    "CLIENT_EMAIL": "email",
    "CLIENT_PHONE": "phone",
    "CLIENT_PHONE_LOCAL": "phone",
    "CLIENT_LOCALITY": "suburb",
    "CLIENT_ADDRESS": "address",
    "CLIENT_STREET": "street",
    "CLIENT_NAME": "name",
    "CLIENT_DOB": "date of birth",
    "CLIENT_NAME_DOB": "name and date of birth",
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "AU_TFN": "TFN",
    "AU_MEDICARE": "Medicare number",
    "AU_ABN": "ABN",
    "AU_ACN": "ACN",
    "CREDIT_CARD": "card number",
    "MERGE_FIELD": "merge field",
    "PERSON": "person",
}
KIND_WORDS = {
    RecipientKind.CLIENT: "client",
    RecipientKind.AUTHORISED: "authorised contact",
    RecipientKind.INTERNAL: "internal",
    RecipientKind.APPROVED: "approved third party",
    RecipientKind.OCCUPIER: "occupier",
    RecipientKind.UNKNOWN: "unknown",
}
KEEP = {"MERGE_FIELD"}  # shown as written: a «FirstName» left in a letter is the finding itself


@dataclass(frozen=True)
class Evidence:
    sender: str  # the sender's address: staff of the organisation, shown as it is
    recipients: list[tuple[str, str]]  # (recipient, kind with client ids), recipients as labels
    parts: list[tuple[str, str]]  # (part: attachment name, page; labelled text)


def original(config: Config, incident: Incident) -> bytes:
    if not incident.quarantine_ref:
        raise DlpError("no original is held for this incident")
    return Quarantine.from_config(config).load(incident.quarantine_ref)


def evidence(config: Config, scanner: Scanner, incident: Incident) -> Evidence:
    data = original(config, incident)
    if incident.channel == "relay":
        items = [communication_from_message(data, "held", scanner.limits)]
    else:
        name = Quarantine.from_config(config).envelope(incident.quarantine_ref or "").get("original_name", "held")
        items = letters_from_file(data, Path(str(name)).name, scanner.limits)
    own = OwnDetails(config)
    parts: list[tuple[str, str]] = []
    recipients: list[tuple[str, str]] = []
    sender = ""
    for item in items:
        sender = sender or _sender(item, own)
        verdict = scanner.scan(item, record=False)
        for r in verdict.recipients:
            whose = sorted(r.clients or r.authorised_for)
            kind = KIND_WORDS.get(r.kind, str(r.kind)) + (f" {', '.join(whose)}" if whose else "")
            recipients.append((r.label, kind))
        named = {c for v in verdict.violations for c in v.clients} | {c["id"] for c in incident.clients}
        for part in item.parts:
            if part.error:
                parts.append((part.name, f"[cannot be read: {part.error}]"))
                continue
            results = scanner.analyzer.analyze(part.text, language=scanner.config.analysis.language)
            parts.append((part.name, labelled(part.text, results, scanner.index, own, named)))
    return Evidence(sender, recipients, parts)


class OwnDetails:
    """The organisation's own details, left readable: configured phones and addresses, its domains."""

    def __init__(self, config: Config) -> None:
        org = config.organisation
        self.values = {compact(v) for v in org.own_details if v.strip()}
        self.domains = tuple(d.lower() for d in org.internal_domains)

    def __contains__(self, value: str) -> bool:
        if compact(value) in self.values:
            return True
        if "@" in value:
            domain = value.rsplit("@", 1)[1].lower().strip(">")
            return any(domain == d or domain.endswith("." + d) for d in self.domains)
        return False


def labelled(
    text: str, results: list[RecognizerResult], index: RegistryIndex | None, own: OwnDetails, named: set[str]
) -> str:
    """`text` with every detected value replaced by its label, longest first where they overlap."""
    chosen: list[RecognizerResult] = []
    for r in sorted(results, key=lambda r: (r.start, -(r.end - r.start))):
        if chosen and r.start < chosen[-1].end:
            continue
        chosen.append(r)
    out, last = [], 0
    for r in chosen:
        value = text[r.start : r.end]
        out.append(_rest(text[last : r.start], index, own, named))
        out.append(value if r.entity_type in KEEP or value in own else label(r))
        last = r.end
    out.append(_rest(text[last:], index, own, named))
    return "".join(out)


def label(result: RecognizerResult) -> str:
    meta = result.recognition_metadata or {}
    what = WHAT.get(result.entity_type, result.entity_type.lower().replace("_", " "))
    suppressed = sorted(meta.get(SUPPRESSED_KEY, ()))
    if suppressed:
        return f"‹suppressed {what} · {', '.join(suppressed)}›"
    whose = sorted(meta.get(CLIENTS_KEY, ()))
    return f"‹{what} · {', '.join(whose)}›" if whose else f"‹{what}›"


def _rest(text: str, index: RegistryIndex | None, own: OwnDetails, named: set[str]) -> str:
    """Text between detected values: given names of the clients concerned redacted, anything still shaped like
    an email or number masked, except the organisation's own."""
    if index is not None:
        for cid in sorted(named):
            if cid in index.clients:
                given = index.clients[cid].given_name
                if len(given) > 1:
                    text = re.sub(rf"\b{re.escape(given)}\b", f"‹given name · {cid}›", text, flags=re.IGNORECASE)
    return GENERIC.sub(lambda m: m.group(0) if m.group(0) in own else "‹detail›", text)


def _sender(item: Communication, own: OwnDetails) -> str:
    sender = item.sender or ""
    return sender if sender in own else ("‹external sender›" if sender else "")
