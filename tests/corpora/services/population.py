"""The synthetic client population: households, family-violence victims, name twins, guardians, advocates."""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import idents, names, org, places
from .places import Address

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
    cid: str
    title: str
    given: str  # '' for a single-name client; may hold a second given name ("Thi Lan")
    middle: str
    family: str
    dob: date
    address: Address
    crn: str
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # canonical digits
    phone_forms: list[str] = field(default_factory=list)  # as held in the record system
    tenancy: str = ""
    case: str = ""
    own_refs: list[str] = field(default_factory=list)  # e.g. a victim's new tenancy of her own
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)

    @property
    def refs(self) -> list[str]:
        return [r for r in [self.crn, self.tenancy, self.case, *self.own_refs] if r]

    def full(self, middle: bool = False) -> str:
        parts = [self.given, self.middle if middle else "", self.family]
        return " ".join(p for p in parts if p)

    def formal(self, style: int = 0) -> str:
        """'Ms Thi Lan Nguyen', 'Ms T L Nguyen', 'Ms T. Nguyen', 'NGUYEN, Thi Lan' and single names."""
        if not self.given:
            return self.family
        initials = " ".join(p[0] for p in (self.given.split() + self.middle.split()))
        title = f"{self.title} " if self.title else ""
        forms = [
            f"{title}{self.full(middle=True)}",
            f"{title}{initials} {self.family}",
            f"{title}{self.given.split()[0][0]}. {self.family}",
            f"{self.family.upper()}, {self.given}",
            f"{title}{self.full()}",
        ]
        return forms[style % len(forms)]

    def salutation(self) -> str:
        if not self.given:
            return f"Dear {self.family}"
        if self.title in ("", "Mx") and self.given:
            return f"Dear {self.given.split()[0]}"
        return f"Dear {self.title} {self.family}"

    def registry_row(self) -> dict[str, str]:
        # A single-name client's one name fills both fields, as systems that demand a given name hold it.
        given = " ".join(p for p in [self.given, self.middle] if p) or self.family
        return {
            "client_id": self.cid,
            "given_name": given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phone_forms),
            "postal_address": self.address.one_line(),
            "references": ";".join(self.refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint_with),
            "authorised_contacts": ";".join(self.authorised),
        }


@dataclass
class Victim:
    victim: Client
    ex: Client
    neighbour: Client  # same building, the next unit
    elsewhere: Client  # same number and street, another suburb


@dataclass
class Advocate:
    name: str
    email: str
    party: org.Party


@dataclass
class Population:
    clients: list[Client] = field(default_factory=list)
    by_id: dict[str, Client] = field(default_factory=dict)
    victims: list[Victim] = field(default_factory=list)
    households: list[list[Client]] = field(default_factory=list)
    twins: list[tuple[Client, Client]] = field(default_factory=list)
    guardianships: list[tuple[Client, Client]] = field(default_factory=list)  # (ward, guardian who is a client)
    advocated: list[tuple[Client, Advocate]] = field(default_factory=list)
    nominees: list[tuple[Client, str, str]] = field(default_factory=list)  # (client, nominee name, email)
    singles: list[Client] = field(default_factory=list)  # ordinary clients, no special relationship

    def registry_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for c in self.clients:
            writer.writerow(c.registry_row())
        return buf.getvalue()


class _Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pop = Population()
        self.next_id = 310_000
        self.used_refs: set[str] = set()
        self.used_phones: set[str] = set()
        self.used_emails: set[str] = set()
        self.used_addresses: set[str] = set()

    def _unique(self, make: object, used: set[str]) -> str:
        while True:
            value = make(self.rng)  # type: ignore[operator]
            if value not in used:
                used.add(value)
                return value

    def address(self, state: str | None = None, kind: str | None = None) -> Address:
        while True:
            addr = places.random_address(self.rng, state, kind=kind)
            if self.claim(addr):
                return addr

    def claim(self, addr: Address) -> bool:
        key = addr.one_line().lower()
        if key in self.used_addresses:
            return False
        self.used_addresses.add(key)
        return True

    def email_for(self, given: str, family: str) -> str:
        base_g = re.sub(r"[^a-z]", "", names.ascii_fold(given.split()[0] if given else family).lower())
        base_f = re.sub(r"[^a-z]", "", names.ascii_fold(family).lower())
        rng = self.rng
        while True:
            local = rng.choice(
                [f"{base_g}.{base_f}", f"{base_g[0]}{base_f}", f"{base_g}{base_f[:1]}", f"{base_f}.{base_g}"]
            ) + rng.choice(["", "", str(rng.randint(1, 99)), str(rng.randint(60, 99))])
            value = f"{local}@{rng.choice(names.EMAIL_DOMAINS)}"
            if value not in self.used_emails:
                self.used_emails.add(value)
                return value

    def client(
        self,
        *,
        addr: Address | None = None,
        person: tuple[str, str, str, str] | None = None,
        dob: date | None = None,
        age: tuple[int, int] = (18, 92),
        title_pool: str = "",
    ) -> Client:
        rng = self.rng
        title, given, middle, family = person or names.draw_person(rng)
        if title_pool == "f":
            title, given = rng.choice(names.TITLES_F), rng.choice(names.GIVEN_F)
        elif title_pool == "m":
            title, given = "Mr", rng.choice(names.GIVEN_M)
        if dob is None:
            dob = date(2026, 3, 1) - timedelta(days=rng.randint(age[0] * 365, age[1] * 365))
        addr = addr or self.address()
        self.next_id += rng.randint(1, 7)
        c = Client(
            f"C{self.next_id}", title, given, middle, family, dob, addr, self._unique(idents.crn, self.used_refs)
        )
        if rng.random() < 0.82:
            c.emails.append(self.email_for(given, family))
        for _ in range(1 if rng.random() < 0.85 else 2):
            digits = idents.phone_pool(rng, addr.state, self.used_phones)
            c.phones.append(digits)
            c.phone_forms.append(idents.phone_registry(digits, rng))
        if rng.random() < 0.55 and not addr.po_box:
            c.tenancy = self._unique(idents.tenancy_no, self.used_refs)
        if rng.random() < 0.3:
            c.case = self._unique(idents.case_no, self.used_refs)
        self.pop.clients.append(c)
        self.pop.by_id[c.cid] = c
        return c

    def new_tenancy(self) -> str:
        return self._unique(idents.tenancy_no, self.used_refs)


def link(a: Client, b: Client) -> None:
    a.joint_with.append(b.cid)
    b.joint_with.append(a.cid)


def build(rng: random.Random, scale: float) -> Population:
    b = _Builder(rng)
    pop = b.pop
    n_total = max(220, int(1200 * scale))
    n_victims = max(8, int(44 * scale))
    n_households = max(10, int(150 * scale))
    n_twins = max(6, int(26 * scale))
    n_guard = max(6, int(34 * scale))
    n_adv = max(8, int(60 * scale))
    n_nom = max(4, int(24 * scale))

    for _ in range(n_victims):
        state = rng.choices(list(places.STATE_WEIGHTS), weights=list(places.STATE_WEIGHTS.values()))[0]
        old = b.address(state, kind=rng.choice(["house", "house", "unit"]))
        ex = b.client(addr=old, title_pool="m", age=(24, 60))
        po_box = rng.random() < 0.12
        new = b.address(state, kind="po" if po_box else "unit")
        v = b.client(addr=new, title_pool="f", age=(22, 58))
        ex.tenancy = ex.tenancy or b.new_tenancy()
        v.own_refs = [] if po_box else [b.new_tenancy()]  # her new tenancy is hers alone
        v.tenancy = ex.tenancy  # the former joint tenancy stays on both records
        v.case = ""
        link(v, ex)
        if not ex.emails:  # staff write to him by email about the former tenancy
            ex.emails.append(b.email_for(ex.given, ex.family))
        if not v.emails:
            v.emails.append(b.email_for(v.given, v.family))
        v.suppressed = ["postal_address"] + [f for f in ("phone", "email") if rng.random() < 0.8]
        if po_box:  # no neighbour for a post office box: a box holder at the next box number
            near = b.address(state, kind="po")
            n_addr = near
        else:
            n_addr = new.with_unit(str(int(new.unit) + 1))
            if not b.claim(n_addr):
                n_addr = new.with_unit(str(int(new.unit) + 30))
                b.claim(n_addr)
        neighbour = b.client(addr=n_addr)
        suburb, postcode = places.other_suburb(rng, new)
        e_addr = Address(
            new.number or str(rng.randint(2, 90)),
            new.street or places.random_street(rng)[0],
            new.stype or "Street",
            suburb,
            new.state,
            postcode,
            unit=new.unit,
            unit_word=new.unit_word,
        )
        if not b.claim(e_addr):
            e_addr = Address(e_addr.number, e_addr.street, e_addr.stype, suburb, new.state, postcode)
            b.claim(e_addr)
        elsewhere = b.client(addr=e_addr)
        pop.victims.append(Victim(v, ex, neighbour, elsewhere))

    for _ in range(n_households):
        addr = b.address(kind=rng.choice(["house", "unit", "house"]))
        first = b.client(addr=addr, age=(25, 80))
        first.tenancy = first.tenancy or b.new_tenancy()
        members = [first]
        for _ in range(1 if rng.random() < 0.75 else 2):
            same_family = rng.random() < 0.6
            person = names.draw_person(rng)
            if same_family and person[1]:
                person = (person[0], person[1], person[2], first.family)
            m = b.client(addr=addr, person=person, age=(18, 80))
            m.tenancy = first.tenancy
            for other in members:
                link(m, other)
            members.append(m)
        pop.households.append(members)

    for _ in range(n_twins):
        person = names.draw_person(rng)
        if not person[1]:
            person = ("Ms", "Jessica", "", person[3])
        a = b.client(person=person)
        b2 = b.client(person=person)
        pop.twins.append((a, b2))

    for _ in range(n_guard):
        ward = b.client(age=(18, 45))
        guardian = b.client(
            person=(
                "Mrs" if rng.random() < 0.5 else "Mr",
                rng.choice(names.GIVEN_F if rng.random() < 0.6 else names.GIVEN_M),
                "",
                ward.family if rng.random() < 0.7 else rng.choice(names.FAMILY),
            ),
            age=(50, 85),
        )
        ward.authorised.append(guardian.cid)
        pop.guardianships.append((ward, guardian))

    advocates: list[Advocate] = []
    for i in range(max(4, n_adv // 3)):
        party = org.ADVOCACY[i % len(org.ADVOCACY)]
        fn, ln = rng.choice(org.ADVOCATE_FIRST), rng.choice(org.ADVOCATE_LAST)
        email = f"{fn.lower()}.{ln.lower()}@{party.domain}"
        if any(a.email == email for a in advocates):
            continue
        advocates.append(Advocate(f"{fn} {ln}", email, party))
    for i in range(n_adv):
        c = b.client()
        adv = advocates[i % len(advocates)]
        c.authorised.append(adv.email)
        pop.advocated.append((c, adv))

    for _ in range(n_nom):
        c = b.client(age=(60, 95))
        title, given, _m, family = names.draw_person(rng)
        nom_name = f"{given or family} {c.family if rng.random() < 0.6 else family}".strip()
        nom_email = b.email_for(given or family, c.family)
        c.authorised.append(nom_email)
        pop.nominees.append((c, nom_name, nom_email))

    while len(pop.clients) < n_total:
        pop.singles.append(b.client())
    return pop
