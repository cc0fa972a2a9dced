"""The office's client register (DESIGN §4 columns): people under financial management, people under
guardianship, beneficiaries of deceased estates, will-makers whose wills are in safe custody, and the protection
cases (elder abuse, family violence) whose new details are suppressed."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date

from tests.corpora.trustee import world

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
class Addr:
    number: str
    street: str
    stype: tuple[str, str]
    suburb: str
    postcode: str
    unit: str = ""
    pobox: str = ""

    def street_line(self, abbr: bool = False, unit_style: str = "Unit") -> str:
        if self.pobox:
            return f"PO Box {self.pobox}"
        st = f"{self.number} {self.street} {self.stype[1] if abbr else self.stype[0]}"
        if self.unit:
            return f"{self.unit}/{st}" if unit_style == "/" else f"{unit_style} {self.unit}, {st}"
        return st

    def town_line(self, case: str = "upper") -> str:
        sub = {"upper": self.suburb.upper(), "title": self.suburb, "lower": self.suburb.lower()}[case]
        return f"{sub} NSW {self.postcode}" if case != "lower" else f"{sub} nsw {self.postcode}"

    @property
    def line(self) -> str:
        return f"{self.street_line()}, {self.suburb} NSW {self.postcode}"


@dataclass
class Client:
    cid: str
    given: str
    family: str
    dob: date
    addr: Addr
    kind: str
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    facility: world.Party | None = None
    room: str = ""
    middle: str = ""

    @property
    def female(self) -> bool:
        return self.given in world.FEMALE

    @property
    def title(self) -> str:
        return ("Mrs" if self.dob.year < 1960 else "Ms") if self.female else "Mr"

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def initials(self) -> str:
        return " ".join(p[0] for p in (self.given + " " + self.middle).split())

    def ref(self, prefix: str) -> str:
        return next(r for r in self.refs if r.startswith(prefix))

    def has(self, prefix: str) -> bool:
        return any(r.startswith(prefix) for r in self.refs)

    @property
    def crn(self) -> str:
        return next((r for r in self.refs if r[:1].isdigit()), "")

    def row(self) -> dict[str, str]:
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.addr.line,
            "references": ";".join(self.refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint),
            "authorised_contacts": ";".join(self.authorised),
        }


@dataclass
class Estate:
    ref: str
    deceased: str
    died: date
    beneficiaries: list[Client]


@dataclass
class Protection:
    """A protection case: the protected client (new details suppressed) and the person she must be hidden from,
    who is a client too (co-owner of the family home, joint holder of a mortgage, co-beneficiary)."""

    victim: Client
    other: Client
    kind: str  # elder-abuse, family-violence, estate
    old_addr: Addr
    shared: str  # the reference both hold


@dataclass
class Registry:
    clients: list[Client]
    managed: list[Client]
    guardianship: list[Client]
    estates: list[Estate]
    willmakers: list[Client]
    namesakes: list[tuple[Client, Client]]
    protections: list[Protection]
    couples: list[tuple[Client, Client]]
    by_id: dict[str, Client]

    def residents(self, facility: world.Party) -> list[Client]:
        return [c for c in self.managed if c.facility == facility and not c.suppressed]


class Maker:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.n = 0
        self.clients: list[Client] = []
        self.names: set[tuple[str, str]] = set()

    def unique(self, fn) -> str:
        while True:
            v = fn()
            if v not in self.used:
                self.used.add(v)
                return v

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randint(0, 9)) for _ in range(n))

    def ref(self, prefix: str) -> str:
        return self.unique(lambda: prefix + str(self.rng.randint(1, 9)) + self.digits(5))

    def crn(self) -> str:
        return self.unique(lambda: f"{self.rng.randint(200, 499)}{self.digits(6)}{self.rng.choice('ABCHJKLMNPTX')}")

    def mobile(self) -> str:
        return self.unique(lambda: f"04{self.digits(2)} {self.digits(3)} {self.digits(3)}")

    def landline(self) -> str:
        return self.unique(lambda: f"02 {self.rng.choice('4679')}{self.digits(3)} {self.digits(4)}")

    def addr(self, towns=None, unit=False, pobox=False) -> Addr:
        sub, pc = self.rng.choice(towns or world.SUBURBS)

        def make() -> str:
            return f"{self.rng.randint(1, 180)}|{self.rng.choice(world.STREETS)}|{sub}"

        num, street, _ = self.unique(make).split("|")
        a = Addr(num, street, self.rng.choice(world.STREET_TYPES), sub, pc)
        if unit:
            a.unit = str(self.rng.randint(1, 24))
        if pobox:
            a.pobox = self.unique(lambda: str(self.rng.randint(10, 980)))
        return a

    def person(
        self,
        kind: str,
        born: tuple[int, int],
        female: bool | None = None,
        family: str | None = None,
        given: str | None = None,
        addr: Addr | None = None,
    ) -> Client:
        rng = self.rng
        if female is None:
            female = rng.random() < 0.55
        old = born[1] < 1962
        while True:
            g = given or rng.choice(
                (world.OLDER_F if old else world.YOUNGER_F) if female else (world.OLDER_M if old else world.YOUNGER_M)
            )
            f = family or rng.choice(world.FAMILY)
            if (g, f) not in self.names or given:
                break
        self.names.add((g, f))
        dob = date(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28))
        self.n += 1
        c = Client(f"C{410000 + self.n * 7}", g, f, dob, addr or self.addr(unit=rng.random() < 0.2), kind)
        c.middle = rng.choice(["", "", "Anne", "Joy", "James", "Louise", "Robert", "May", "John"])
        self.clients.append(c)
        return c

    def email_for(self, c: Client) -> str:
        dom = self.rng.choice(world.PRIVATE_MAIL)
        base = f"{c.given.split()[0].lower()}.{c.family.replace(' ', '').replace(chr(39), '').lower()}"
        return self.unique(lambda: f"{base}{self.rng.choice(['', '', str(self.rng.randint(2, 79))])}@{dom}")


def build(rng: random.Random, scale: float = 1.0) -> Registry:
    m = Maker(rng)
    managed: list[Client] = []
    guardianship: list[Client] = []
    # People under financial management orders: older people (many in aged care), younger people with a
    # disability or brain injury. Most have a Centrelink customer reference number; the office is their nominee.
    residents = 0
    for i in range(70):
        older = i % 3 != 0
        c = m.person("managed", (1928, 1950) if older else (1962, 2000))
        c.refs.append(m.ref("CM"))
        if rng.random() < 0.8:
            c.refs.append(m.crn())
        if older and i % 4 in (1, 2):
            fac = world.FACILITIES[residents % 3]
            residents += 1
            c.facility = fac
            street, town = fac.address[1], fac.address[2]
            num, rest = street.split(" ", 1)
            name, stype = rest.rsplit(" ", 1)
            sub, _, pc = town.rsplit(" ", 2)
            c.addr = Addr(num, name, next(t for t in world.STREET_TYPES if t[0] == stype), sub.title(), pc)
            c.room = str(rng.randint(2, 60))
            c.authorised.append(fac.email)
        else:
            if rng.random() < 0.5:
                c.phones.append(m.landline() if older else m.mobile())
            if rng.random() < (0.3 if older else 0.7):
                c.emails.append(m.email_for(c))
        if older and rng.random() < 0.4:  # a daughter or son who is the private guardian
            rel = m.person("relative", (1955, 1975), family=c.family)
            m.clients.remove(rel)  # relatives are contacts, not clients
            c.authorised.append(m.email_for(rel))
        if not older and rng.random() < 0.4:
            c.authorised.append(world.COORDINATOR.email)
        if rng.random() < 0.15:
            c.authorised.append(world.AGENT.email)  # the client's home is let through the agent
        if rng.random() < 0.2:
            c.authorised.append(rng.choice(world.BANKS).email)
        if rng.random() < 0.1:
            c.authorised.append(rng.choice(world.SOLICITORS[:2]).email)
        managed.append(c)
    # Guardianship: the Public Guardian decides accommodation and health care; many also under management.
    for c in managed[::4]:
        c.refs.append(m.ref("PG"))
        guardianship.append(c)
    for _ in range(8):
        c = m.person("guardianship", (1960, 1998))
        c.refs.append(m.ref("PG"))
        c.authorised.append(world.COORDINATOR.email)
        guardianship.append(c)
    # Couples both under management, living together, with a joint investment account the office manages.
    couples: list[tuple[Client, Client]] = []
    for _ in range(6):
        a = m.person("managed", (1930, 1948), female=False)
        b = m.person("managed", (1932, 1950), female=True, family=a.family, addr=a.addr)
        ji = m.ref("JI")
        for x, y in ((a, b), (b, a)):
            x.refs += [m.ref("CM"), ji, m.crn()]
            x.joint.append(y.cid)
        a.phones.append(m.landline())
        b.phones.append(a.phones[0])
        managed += [a, b]
        couples.append((a, b))
    # Deceased estates the office administers: beneficiaries share the estate reference, nothing else.
    estates: list[Estate] = []
    for i in range(18):
        fam = rng.choice(world.FAMILY)
        dec = f"{rng.choice(world.OLDER_F + world.OLDER_M)} {fam}"
        ref = m.ref("ES")
        bens = []
        for j in range(2 + i % 3):
            b = m.person("beneficiary", (1950, 1990), family=fam if j < 2 else None)
            b.refs.append(ref)
            b.emails.append(m.email_for(b))
            if rng.random() < 0.6:
                b.phones.append(m.mobile())
            if rng.random() < 0.25:
                b.authorised.append(rng.choice(world.SOLICITORS[:2]).email)
            bens.append(b)
        estates.append(Estate(ref, dec, date(2024, rng.randint(1, 12), rng.randint(1, 28)), bens))
    # Wills in safe custody, with namesakes (same name, another date of birth and address).
    willmakers: list[Client] = []
    namesakes: list[tuple[Client, Client]] = []
    for i in range(44):
        c = m.person("willmaker", (1940, 1985), addr=m.addr(unit=i % 5 == 0, pobox=i % 9 == 4))
        c.refs.append(m.ref("WSC"))
        if rng.random() < 0.5:
            c.emails.append(m.email_for(c))
        willmakers.append(c)
    for i in range(8):
        base = managed[i * 5 + 1] if i < 4 else willmakers[i * 3]
        twin = m.person("willmaker", (1945, 1980), given=base.given, family=base.family, female=base.female)
        twin.refs.append(m.ref("WSC"))
        twin.emails.append(m.email_for(twin))
        if not base.emails:
            base.emails.append(m.email_for(base))
        willmakers.append(twin)
        namesakes.append((base, twin))
    # Protection cases.
    protections: list[Protection] = []
    safe = [t for t in world.SAFE_TOWNS if t[0] != "Tamworth"]  # only the last case lives in an office town
    for i in range(13):
        kind = ["elder-abuse", "family-violence", "estate"][i % 3] if i < 12 else "elder-abuse"
        town = [t for t in world.SAFE_TOWNS if t[0] == "Tamworth"] if i == 12 else [safe[i % len(safe)]]
        if kind == "elder-abuse":
            v = m.person("managed", (1932, 1948), female=True)
            o = m.person("coowner", (1958, 1975), female=False, family=v.family)
            old = o.addr
            shared = m.ref("PF")  # the family home the office manages as her asset, which he co-owns
            v.refs += [m.ref("CM"), shared]
            if rng.random() < 0.7:
                v.refs.append(m.crn())
            o.refs.append(shared)
            v.joint.append(o.cid)
            o.joint.append(v.cid)
            v.phones.append(m.mobile())
            v.suppressed += ["postal_address", "phone"]
            o.phones.append(m.mobile())
            o.emails.append(m.email_for(o))
            v.addr = m.addr(towns=town, unit=i % 2 == 0)
            if i % 2:
                rel = m.person("relative", (1960, 1975), female=True)
                m.clients.remove(rel)
                v.authorised.append(m.email_for(rel))  # the daughter she lives near, her private guardian
            managed.append(v)
        elif kind == "family-violence":
            v = m.person("managed", (1972, 1995), female=True)
            o = m.person("coowner", (1968, 1993), female=False)
            old = o.addr
            shared = m.ref("PF")  # the mortgage on the home they owned together
            v.refs += [m.ref("CM"), shared, m.crn()]
            o.refs.append(shared)
            v.joint.append(o.cid)
            o.joint.append(v.cid)
            v.addr = m.addr(towns=town, unit=True)
            v.phones.append(m.mobile())
            v.emails.append(m.email_for(v))
            v.suppressed += ["postal_address", "phone", "email"]
            v.authorised.append(world.SOLICITORS[2].email)
            o.phones.append(m.mobile())
            o.emails.append(m.email_for(o))
            managed.append(v)
        else:
            est = estates[i]
            v, o = est.beneficiaries[0], est.beneficiaries[1]
            if not v.female:
                v.given = rng.choice(world.YOUNGER_F)
            old = v.addr
            shared = est.ref
            v.addr = m.addr(towns=town)
            v.phones = [m.mobile()]
            v.emails = [m.email_for(v)]  # her old email, which her brother knows, is not suppressed
            v.suppressed += ["postal_address", "phone"]
            o.given = rng.choice(world.YOUNGER_M)
            o.emails = [m.email_for(o)]
        protections.append(Protection(v, o, kind, old, shared))
    clients = m.clients
    return Registry(
        clients,
        managed,
        guardianship,
        estates,
        willmakers,
        namesakes,
        protections,
        couples,
        {c.cid: c for c in clients},
    )


def to_csv(reg: Registry) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for c in reg.clients:
        w.writerow(c.row())
    return buf.getvalue()
