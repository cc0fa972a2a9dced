"""The values that flow through the pipeline: a Communication in, a Verdict out.

All are immutable dataclasses so a rule can never change what another rule sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property


class Decision(StrEnum):
    """Least to most severe; a verdict takes the most severe decision of its violations."""

    ALLOW = "allow"
    WARN = "warn"
    QUARANTINE = "quarantine"
    REJECT = "reject"

    @property
    def rank(self) -> int:
        return _DECISION_RANK[self]

    @property
    def blocks(self) -> bool:
        return self in (Decision.QUARANTINE, Decision.REJECT)


_DECISION_RANK = {Decision.ALLOW: 0, Decision.WARN: 1, Decision.QUARANTINE: 2, Decision.REJECT: 3}


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return ["low", "medium", "high", "critical"].index(self.value)


class Channel(StrEnum):
    CLI = "cli"
    RELAY = "relay"
    FOLDER = "folder"
    BATCH = "batch"


# The media type of a part whose text is a file name: file names are data, scanned like any content.
FILE_NAME = "text/x-file-name"


@dataclass(frozen=True)
class Part:
    """One readable piece of an item: a body, an attachment, a page, a sheet, a file name.

    `name` is PII-free by construction, so every consumer (findings, JSON `part`, notes, logs, the review UI)
    may show it: it is built from positions and formats only ("body", "attachment 2 (PDF), page 1",
    "attachment 1 (ZIP), file 3 (DOCX)"), never from a file name, sheet name or other content. A file's
    original name is content: it comes as a part of its own ("attachment 2 (PDF), file name", media type
    FILE_NAME) whose text is scanned like any other. `text` has been normalised for matching (see
    dlp.extract.clean)."""

    name: str
    text: str
    media_type: str = "text/plain"
    error: str | None = None  # set when the part could not be read (unscannable_content); PII-free


@dataclass(frozen=True)
class AddressBlock:
    """The addressee of a letter as written on it."""

    name: str  # the first addressee line as written: a person, a business, "The Occupier"
    address_lines: tuple[str, ...]
    salutation: str | None = None
    # Every person the block names: "Tom and Mia Fraser" -> ("Tom Fraser", "Mia Fraser"); an "Attention:" person.
    names: tuple[str, ...] = ()
    organisation: str | None = None  # a business or role line ("Acme Pty Ltd", "The Manager, Accounts")
    care_of: str | None = None  # "c/- Legal Aid": the address is the care-of's, not the addressee's own
    occupier: bool = False  # "To the Occupier", "The Resident": whoever lives at the address
    on_behalf: bool = False  # "On behalf of Ms A Lee": for her, read by whoever is registered at the address
    role: str | None = None  # "The Policyholder": the client registered at the address, named by their role
    estate: bool = False  # "Estate of the late A Lee": the letter is about her; her executor reads it
    text: str = ""  # the whole block as written; its values identify the addressee, they are not content

    @property
    def address(self) -> str:
        return ", ".join(self.address_lines)

    @property
    def people(self) -> tuple[str, ...]:
        unnamed = self.occupier or self.organisation or self.role
        return self.names or ((self.name,) if self.name and not unnamed else ())


@dataclass(frozen=True)
class Communication:
    """Who sends, who receives, and the parts; built by every entry point alike."""

    kind: str  # "email" or "letter"
    source: str  # a path or a queue id, shown to the user, never stored in an incident
    sender: str | None = None
    recipients: tuple[str, ...] = ()  # email addresses
    address_block: AddressBlock | None = None  # letters
    parts: tuple[Part, ...] = ()
    digest: str = ""  # sha256 of the raw item, a PII-free pointer for incident records
    locator: str | None = None  # which letter of a merged file: "letter 3, pages 5-6"
    address_problem: str | None = None  # a letter without a readable address block: why, in words


class RecipientKind(StrEnum):
    CLIENT = "client"
    AUTHORISED = "authorised_contact"
    INTERNAL = "internal"
    APPROVED = "approved_third_party"
    OCCUPIER = "occupier"  # a letter to "The Occupier": whoever is registered at the delivery address
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Recipient:
    """A resolved recipient: who, in the registry's terms, will receive the item."""

    label: str  # PII-free: "recipient 1", or "address block"
    kind: RecipientKind
    clients: frozenset[str] = frozenset()  # the recipient is this client (or one of them)
    authorised_for: frozenset[str] = frozenset()  # clients this recipient represents
    suppressed_staff: bool = False  # internal staff allowed to see suppressed details
    postal: bool = False  # a letter's addressee
    # A letter whose name and address disagree: the clients whose address it is sent to.
    address_clients: frozenset[str] = frozenset()
    address_suppressed_for: frozenset[str] = frozenset()
    # The addressee is one of `clients`, not all of them: a name several clients at the address answer to
    # ("Ms A. Saunders" for Ananya or Archie Saunders).
    one_of: bool = False
    # A message's client recipient: their joint holders registered at the same postal address (their household).
    household: frozenset[str] = frozenset()
    note: str | None = None

    @property
    def external(self) -> bool:
        return self.kind is not RecipientKind.INTERNAL


@dataclass(frozen=True)
class Finding:
    """One recognised entity in one part, attributed to clients where it comes from the registry."""

    entity: str  # CLIENT_REFERENCE, CLIENT_EMAIL, AU_TFN, MERGE_FIELD, ...
    part: str
    start: int
    end: int
    score: float
    clients: frozenset[str] = frozenset()
    strong: bool = False  # identifies whose data this is
    suppressed_for: frozenset[str] = frozenset()  # clients for whom this value is a suppressed detail
    key: str = ""  # the normalised matched value, never shown or stored
    # The value is the recipient's own (their name or delivery address on the letter, their email address on
    # the message): it identifies the recipient and is not another client's data reaching them.
    addressee: bool = False

    # A client list or extract makes hundreds of findings per text. A frozen dataclass sets each field with
    # object.__setattr__ (3.8 us a finding, 6.3 us a replace); these build the same objects by filling the
    # instance dictionary at once (Finding has no __post_init__: tests/test_model.py keeps it so).
    @classmethod
    def of(
        cls,
        entity: str,
        part: str,
        start: int,
        end: int,
        score: float,
        clients: frozenset[str],
        strong: bool,
        suppressed_for: frozenset[str],
        key: str,
    ) -> Finding:
        """`Finding(...)` with these fields, built faster."""
        finding = object.__new__(cls)
        _set_dict(
            finding,
            "__dict__",
            {
                "entity": entity,
                "part": part,
                "start": start,
                "end": end,
                "score": score,
                "clients": clients,
                "strong": strong,
                "suppressed_for": suppressed_for,
                "key": key,
                "addressee": False,
            },
        )
        return finding

    def as_addressee(self) -> Finding:
        """`dataclasses.replace(self, addressee=True)`, built faster."""
        finding = object.__new__(type(self))
        finding.__dict__.update(self.__dict__, addressee=True)
        return finding


_set_dict = object.__setattr__  # a frozen dataclass's own __setattr__ refuses: its instance dictionary, given whole


@dataclass(frozen=True)
class Report:
    """What a rule found: whose data, where, in the rule's own PII-free words. Rules only report; the policy
    chain turns each report into a Violation with its decision and severity."""

    rule: str
    clients: tuple[str, ...]
    part: str
    explanation: str
    internal: bool = False  # only internal staff would see it: the policy may decide otherwise for that


@dataclass(frozen=True)
class Violation:
    """A report as the policy judged it; the chain turns violations into a verdict."""

    rule: str
    severity: Severity
    decision: Decision
    clients: tuple[str, ...]
    part: str
    explanation: str  # PII-free: rule words and client ids only


@dataclass(frozen=True)
class Verdict:
    source: str
    decision: Decision
    violations: tuple[Violation, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    incident: str | None = None
    locator: str | None = None  # which letter of a merged file
    findings: tuple[Finding, ...] = ()  # what the analysis found (spans and client ids; never stored as text)

    @property
    def blocked(self) -> bool:
        return self.decision.blocks

    @property
    def severity(self) -> Severity | None:
        if not self.violations:
            return None
        return max((v.severity for v in self.violations), key=lambda s: s.rank)

    def with_incident(self, incident: str | None) -> Verdict:
        return replace(self, incident=incident)


@dataclass(frozen=True)
class ScanContext:
    """What a rule reads: the item, its findings and its resolved recipients; and what several rules need,
    worked out once per scan."""

    communication: Communication
    findings: tuple[Finding, ...]
    recipients: tuple[Recipient, ...]
    joint: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def strong(self) -> tuple[Finding, ...]:
        """Values that say whose data the item carries, leaving out the recipients' own details."""
        return tuple(f for f in self.findings if f.strong and f.clients and not f.addressee)

    @cached_property
    def households(self) -> tuple[frozenset[str], ...]:
        """The clients whose data the item carries, grouped into households: clients that share a value, or are
        joint holders, are one (clusters by union-find, linear in the findings)."""
        return households((f.clients for f in self.strong), self.joint)


def households(groups: Iterable[frozenset[str]], joint: Mapping[str, frozenset[str]]) -> tuple[frozenset[str], ...]:
    """Client groups merged where they overlap or are joint holders, in order of first appearance."""
    parent: dict[str, str] = {}

    def find(cid: str) -> str:
        root = parent.setdefault(cid, cid)
        while root != parent[root]:
            root = parent[root]
        while cid != root:  # path compression keeps it linear
            parent[cid], cid = root, parent[cid]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    order: list[str] = []
    for group in dict.fromkeys(groups):  # a client's values repeat its group (an extract: dozens of times)
        if len(group) == 1:  # most values are one client's: nothing to merge (a list: hundreds of them)
            for cid in group:
                if cid not in parent:
                    parent[cid] = cid
                    order.append(cid)
            continue
        members = sorted(group)
        first = members[0]
        if first not in parent:
            parent[first] = first
            order.append(first)
        root = find(first)  # stays the root: the group's other roots go under it
        for cid in members[1:]:
            if cid not in parent:
                parent[cid] = root  # what union(first, cid) does for a client not seen yet
                order.append(cid)
            else:
                other = find(cid)
                if other != root:
                    parent[other] = root
    for cid in order if len(order) > 1 else ():  # a joint holder joins two: one client alone has none to join
        for other in joint.get(cid, ()):
            if other in parent:
                union(cid, other)
    clusters: dict[str, set[str]] = {}
    for cid in order:
        clusters.setdefault(find(cid), set()).add(cid)
    return tuple(frozenset(c) for c in clusters.values())
