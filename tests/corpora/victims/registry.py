"""The service's client registry: victims, family members of deceased victims, child victims and their guardians.

Model (DESIGN §4 columns):
- references: a victims-register number (VR + 6 digits) for registered victims, a financial-assistance claim
  number (FAC + 7 digits) for claimants, a court-support file (CS + 5 digits) for some; written with or without
  spaces in documents.
- suppressed: about a third of clients (family violence, stalking) have their address suppressed, some their
  phone and email too.
- joint_with: joint claimants on one financial-assistance application (parents or siblings of a deceased
  victim); they share the claim number.
- authorised_contacts: the client's own lawyer, support worker or counsellor (email), and for a child victim the
  guardian's client id.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date

from . import world

COLUMNS = [
    "client_id",
    "given_name",
    "family_name",
    "date_of_birth",
    "email",
    "phone",
    "postal_address",
    "references",
    "suppressed",
    "joint_with",
    "authorised_contacts",
]


@dataclass
class Client:
    client_id: str
    given: str
    family: str
    gender: str
    dob: date
    emails: list[str]
    phones: list[str]
    address: world.Address
    register_no: str = ""
    claim_no: str = ""
    court_no: str = ""
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    role: str = "victim"
    lawyer: tuple[str, str] | None = None  # (firm, email)
    support: tuple[str, str] | None = None  # (org, email)
    provider: tuple[str, str, str] | None = None  # (practice, email, clinician)
    guardian: str = ""  # client id of a child's guardian
    offender: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def title(self) -> str:
        return "Ms" if self.gender == "f" else "Mr"

    @property
    def titled(self) -> str:
        return f"{self.title} {self.name}"

    @property
    def refs(self) -> list[str]:
        return [r for r in (self.register_no, self.claim_no, self.court_no) if r]

    @property
    def ref(self) -> str:
        return self.register_no or self.claim_no or self.court_no

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def phone(self) -> str:
        return self.phones[0] if self.phones else ""

    def dob_text(self, style: int = 0) -> str:
        d = self.dob
        if style == 0:
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        if style == 1:
            return world.long_date(d.year, d.month, d.day)
        return d.isoformat()

    def row(self) -> dict[str, str]:
        return {
            "client_id": self.client_id,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.address.one_line(),
            "references": ";".join(self.refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint_with),
            "authorised_contacts": ";".join(self.authorised),
        }


def spaced(ref: str, style: int) -> str:
    """A reference as staff type it: as registered, or with spaces after the prefix / in groups."""
    if style == 0 or not ref:
        return ref
    prefix = ref.rstrip("0123456789")
    digits = ref[len(prefix) :]
    if style == 1:
        return f"{prefix} {digits}"
    return f"{prefix} {digits[:3]} {digits[3:]}"


class Registry:
    def __init__(self, rng: random.Random, size: int = 240):
        self.rng = rng
        self.clients: list[Client] = []
        self.by_id: dict[str, Client] = {}
        self._names: set[str] = set()
        self._used_refs: set[str] = set()
        self._build(size)

    # -- construction ---------------------------------------------------------------------------------------
    def _ref(self, prefix: str, digits: int) -> str:
        while True:
            ref = f"{prefix}{self.rng.randint(10 ** (digits - 1), 10**digits - 1)}"
            if ref not in self._used_refs:
                self._used_refs.add(ref)
                return ref

    def _person(self, gender: str | None = None, family: str | None = None, adult: bool = True) -> Client:
        rng = self.rng
        while True:
            group = rng.choices(list(world.WEIGHTS), weights=list(world.WEIGHTS.values()))[0]
            fem, male, fams = world.NAMES[group]
            g = gender or rng.choice("ffm")
            given = rng.choice(fem if g == "f" else male)
            fam = family or rng.choice(fams)
            if f"{given} {fam}" not in self._names or family:
                break
        self._names.add(f"{given} {fam}")
        year = rng.randint(1948, 2003) if adult else rng.randint(2010, 2016)
        dob = date(year, rng.randint(1, 12), rng.randint(1, 28))
        n = len(self.clients)
        cid = f"C{300101 + n * 7}"
        user = f"{given.split()[0].lower()}.{fam.lower().replace(' ', '').replace(chr(39), '')}"
        emails = [f"{user}{rng.randint(1, 99) if rng.random() < 0.5 else ''}@{rng.choice(world.MAIL_DOMAINS)}"]
        if not adult:
            emails = []
        phones = [world.mobile(rng)] if adult else []
        if adult and rng.random() < 0.15:
            phones.append(world.landline(rng))
        c = Client(cid, given, fam, g, dob, emails, phones, world.new_address(rng))
        self.clients.append(c)
        self.by_id[cid] = c
        return c

    def _build(self, size: int) -> None:
        rng = self.rng
        while len(self.clients) < size:
            kind = rng.random()
            if kind < 0.08 and len(self.clients) < size - 3:
                self._family_of_deceased()
            elif kind < 0.14 and len(self.clients) < size - 2:
                self._child_and_guardian()
            else:
                self._victim()
        # Two pairs of clients share a name (different dates of birth and addresses): the seed's payment to the
        # wrong worker who shared a name and injury date.
        for _ in range(3):
            a = rng.choice([c for c in self.clients if c.role == "victim"])
            twin = self._person(gender=a.gender, family=a.family)
            twin.given = a.given
            twin.register_no = self._ref("VR", 6)
            twin.claim_no = self._ref("FAC", 7) if rng.random() < 0.5 else ""
            twin.role = "namesake"
        for c in self.clients:
            c.offender = f"{rng.choice(world.OFFENDER_GIVEN)} {rng.choice(world.OFFENDER_FAMILY)}"

    def _contacts(self, c: Client) -> None:
        rng = self.rng
        if rng.random() < 0.3:
            firm, dom = rng.choice(world.CLIENT_LAW_FIRMS)
            initial = rng.choice(["a", "j", "m", "s", "r", "k"])
            lawyer = f"{initial}.{rng.choice(['tran', 'moretti', 'bell', 'okoro', 'ward'])}@{dom}"
            c.lawyer = (firm, lawyer)
            c.authorised.append(lawyer)
        if rng.random() < 0.3 or c.suppressed:
            org, dom = rng.choice(world.SUPPORT_ORGS)
            worker = f"{rng.choice(['casework', 'intake', 'advocacy'])}@{dom}"
            c.support = (org, worker)
            c.authorised.append(worker)
        if c.claim_no and rng.random() < 0.55:
            practice, dom, clinician = rng.choice(world.PROVIDERS)
            c.provider = (practice, f"accounts@{dom}", clinician)
            c.authorised.append(f"accounts@{dom}")

    def _victim(self) -> Client:
        rng = self.rng
        c = self._person()
        r = rng.random()
        if r < 0.45:
            c.register_no = self._ref("VR", 6)
        elif r < 0.75:
            c.claim_no = self._ref("FAC", 7)
        else:
            c.register_no = self._ref("VR", 6)
            c.claim_no = self._ref("FAC", 7)
        if rng.random() < 0.2:
            c.court_no = self._ref("CS", 5)
        if rng.random() < 0.34:
            c.suppressed.append("postal_address")
            if rng.random() < 0.6:
                c.suppressed.append("phone")
            if rng.random() < 0.35:
                c.suppressed.append("email")
        self._contacts(c)
        return c

    def _family_of_deceased(self) -> None:
        rng = self.rng
        family = None
        first = self._person(gender="f")
        family = first.family if rng.random() < 0.6 else None
        second = self._person(gender="m", family=family)
        claim = self._ref("FAC", 7)
        for c in (first, second):
            c.role = "family"
            c.claim_no = claim
            c.register_no = self._ref("VR", 6)
        first.joint_with, second.joint_with = [second.client_id], [first.client_id]
        # Separated parents: her new address (and often phone) is suppressed, also from him.
        first.suppressed = ["postal_address", "phone"] if rng.random() < 0.7 else ["postal_address"]
        self._contacts(first)
        self._contacts(second)

    def _child_and_guardian(self) -> None:
        guardian = self._person(gender="f")
        guardian.role = "guardian"
        guardian.register_no = self._ref("VR", 6)
        if self.rng.random() < 0.5:
            guardian.suppressed = ["postal_address", "phone"]
        self._contacts(guardian)
        child = self._person(adult=False, family=guardian.family)
        child.role = "child"
        child.address = guardian.address
        child.claim_no = self._ref("FAC", 7)
        child.suppressed = ["postal_address"] if guardian.suppressed else []
        child.guardian = guardian.client_id
        child.authorised = [guardian.client_id]
        if guardian.support:
            child.authorised.append(guardian.support[1])

    # -- queries --------------------------------------------------------------------------------------------
    def pick(self, pred=None, exclude: tuple[Client, ...] = ()) -> Client:
        pool = [c for c in self.clients if (pred is None or pred(c)) and c not in exclude]
        return self.rng.choice(pool)

    def adults(self, c: Client) -> bool:
        return c.role != "child"

    def csv_text(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for c in self.clients:
            w.writerow(c.row())
        return buf.getvalue()


def config_text() -> str:
    def arr(xs: list[str]) -> str:
        return "[" + ", ".join(f'"{x}"' for x in xs) + "]"

    return (
        "# Victims Support and Notification Service (invented): one state agency, its justice partners approved.\n"
        "[organisation]\n"
        f'name = "{world.ORG}"\n'
        f"internal_domains = {arr([world.INTERNAL])}\n"
        f"approved_recipient_domains = {arr(world.APPROVED)}\n"
        f"suppressed_detail_staff = {arr(world.SAFETY_TEAM)}\n"
        'timezone = "Australia/Perth"\n'
        "\n[registry]\n"
        'path = "clients.csv"\n'
        "\n[incidents]\n"
        'holidays = "AU-WA"\n'
    )
