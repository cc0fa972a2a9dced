"""The invented tribunal's world: parties, representatives and matters, and its registry and configuration files."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

DOMAIN = "mcat.example"
TRIBUNAL = "Murray Civil and Administrative Tribunal"
INTERPRETERS = "interpretlink.example"
BOND_AUTHORITY = "rtba.example"
FV_STAFF = [f"fv.liaison@{DOMAIN}", f"safety.registrar@{DOMAIN}"]
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

GIVEN = (
    "Olivia Liam Mei Arjun Priya Nguyen Hoa Duc Fatima Omar Amira Kwame Ama Siosaia Mele Aroha Tane Giorgos Eleni "
    "Giuseppe Chiara Wei Xiaoling Hamid Zahra Abdirahman Hodan Mohammed Leila Rajesh Anjali Tomasz Agnieszka "
    "Juan Camila Emeka Chiamaka Sione Losana Ahmad Parisa Dmitri Svetlana Haruto Yuki Ji-woo Min-jun Rosa "
    "Bridget Callum Declan Aisling Samira Yusuf Thandiwe Kofi Mariam Ali Nadia Pita Ana Isabella Noah"
).split()
FAMILY = (
    "Nguyen Tran Pham Le Zhang Wang Chen Papadopoulos Kostas Russo Esposito Haddad Khoury Abdi Warsame Osei "
    "Mensah Tupou Fifita Ngata Walker Patel Sharma Singh Kowalski Nowak Garcia Rojas Okafor Eze Taufa Rahimi "
    "Hosseini Ivanov Petrova Sato Tanaka Kim Park O'Brien McCarthy Murphy Deng Bol Majok Yilmaz Demir Ferreira "
    "Silva Costa Hassan Karimi Anderson Fitzgerald Dimitriou Vella Grech Tamaki Sahak Mohammadi"
).split()
STREETS = (
    "Wattle Street|Murray Road|Kurrajong Avenue|Banksia Crescent|High Street|Riverview Drive|Station Street|"
    "Hume Highway|Ironbark Close|Lachlan Parade|Bottlebrush Way|Mitchell Street|Darling Terrace|Camp Street|"
    "Coronation Avenue|Grevillea Court|Boundary Road|Creek Lane|Ovens Street|Yarra Place"
).split("|")
PLACES = [
    ("Albury", "NSW", "2640"),
    ("Wodonga", "VIC", "3690"),
    ("Echuca", "VIC", "3564"),
    ("Mildura", "VIC", "3500"),
    ("Shepparton", "VIC", "3630"),
    ("Bendigo", "VIC", "3550"),
    ("Swan Hill", "VIC", "3585"),
    ("Wangaratta", "VIC", "3677"),
    ("Corowa", "NSW", "2646"),
    ("Deniliquin", "NSW", "2710"),
    ("Cobram", "VIC", "3644"),
    ("Kyabram", "VIC", "3620"),
    ("Benalla", "VIC", "3672"),
    ("Moama", "NSW", "2731"),
    ("Robinvale", "VIC", "3549"),
    ("Yarrawonga", "VIC", "3730"),
]
FEMALE = set(
    "Olivia Mei Priya Hoa Fatima Amira Ama Mele Aroha Eleni Chiara Xiaoling Zahra Hodan Leila Anjali Agnieszka Camila "
    "Chiamaka Losana Parisa Svetlana Yuki Rosa Bridget Aisling Samira Thandiwe Mariam Nadia Ana Isabella".split()
)
MAILHOSTS = ["mailbox.example", "inbox.example", "bigpond.example", "fastmail.example", "outlook.example"]
STREET_ABBR = {"Street": "St", "Road": "Rd", "Avenue": "Ave", "Crescent": "Cres", "Drive": "Dr", "Parade": "Pde"}


@dataclass
class Address:
    """A postal address; `unit` holds a level or unit line written before the street."""

    street: str
    suburb: str
    state: str
    postcode: str
    unit: str = ""

    def one_line(self) -> str:
        first = f"{self.unit}, {self.street}" if self.unit else self.street
        return f"{first}, {self.suburb} {self.state} {self.postcode}"

    def lines(self, style: int = 0) -> list[str]:
        """Two or three lines as a letter writes them; style 1 abbreviates and capitalises the locality."""
        street = self.street
        if style % 2 == 1:
            for long, short in STREET_ABBR.items():
                street = street.replace(f" {long}", f" {short}")
            tail = f"{self.suburb.upper()} {self.state}  {self.postcode}"
        else:
            tail = f"{self.suburb} {self.state} {self.postcode}"
        return ([self.unit] if self.unit else []) + [street, tail]


@dataclass
class Client:
    """One registry row plus what the generator needs to write about the person."""

    cid: str
    given: str
    family: str
    dob: date
    title: str
    emails: list[str]
    phones: list[str]
    address: Address
    role: str
    refs: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)
    org: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.given[0]} {self.family}"

    def block(self, style: int = 0) -> list[str]:
        """Window-envelope address block: name (and organisation) then the postal address."""
        head = [self.name.upper() if style == 3 else f"{self.title} {self.name}"]
        if self.org:
            head.append(self.org)
        return head + self.address.lines(style)

    def row(self) -> dict[str, str]:
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.address.one_line(),
            "references": ";".join(self.refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint),
            "authorised_contacts": ";".join(self.auth),
        }


@dataclass
class Matter:
    """A tenancy or guardianship matter; every party carries its number among its references."""

    number: str
    kind: str  # "tenancy", "fv-tenancy" or "guardianship"
    parties: dict[str, Client]
    hearing: datetime
    venue: str
    room: str
    prop: Address | None = None
    reps: dict[str, Client] = field(default_factory=dict)
    protected: Client | None = None
    language: str = ""

    def party_list(self) -> list[tuple[str, Client]]:
        return list(self.parties.items())


@dataclass
class World:
    clients: list[Client]
    tenancy: list[Matter]
    fv: list[Matter]
    guardianship: list[Matter]
    namesakes: list[tuple[Matter, Matter]]


class Factory:
    """Draws invented people and addresses from one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.n = 100100 + rng.randrange(800)
        self.used_emails: set[str] = set()
        self.clients: list[Client] = []

    def address(self) -> Address:
        r = self.rng
        suburb, state, pc = r.choice(PLACES)
        street = f"{r.randint(1, 240)} {r.choice(STREETS)}"
        kind = r.random()
        if kind < 0.3:
            street = f"{r.randint(1, 12)}/{street}"
        elif kind < 0.38:
            return Address(street, suburb, state, pc, unit=f"Unit {r.randint(1, 30)}")
        elif kind < 0.44:
            street = f"Lot {r.randint(2, 90)} {r.choice(STREETS)}"
        elif kind < 0.5:
            street = f"RMB {r.randint(1000, 9999)} {r.choice(STREETS).replace('Street', 'Road')}"
        elif kind < 0.58:
            street = f"PO Box {r.randint(10, 999)}"
        return Address(street, suburb, state, pc)

    def phone(self) -> str:
        r = self.rng
        if r.random() < 0.75:
            return f"04{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)}"
        return f"(0{r.choice('23')}) {r.randint(5000, 6999)} {r.randint(1000, 9999)}"

    def person(self, role: str, given: str | None = None, family: str | None = None, org: str = "") -> Client:
        r = self.rng
        given = given or r.choice(GIVEN)
        family = family or r.choice(FAMILY)
        self.n += r.randint(1, 37)
        host = r.choice(MAILHOSTS)
        local = f"{given[0]}{family}".lower().replace("'", "").replace("-", "")
        mail = f"{local}{r.randint(2, 98)}@{host}"
        while mail in self.used_emails:
            mail = f"{local}{r.randint(100, 999)}@{host}"
        self.used_emails.add(mail)
        born = date(1940, 1, 1) + timedelta(days=r.randint(0, 365 * 62))
        title = r.choice(["Ms", "Ms", "Mrs", "Dr"] if given in FEMALE else ["Mr", "Mr", "Mx", "Dr"])
        c = Client(f"C{self.n}", given, family, born, title, [mail], [self.phone()], self.address(), role, org=org)
        self.clients.append(c)
        return c

    def rep(self, role: str, firm: str, domain: str) -> Client:
        c = self.person(role, org=firm)
        c.emails = [f"{c.given[0]}.{c.family}@{domain}".lower().replace("'", "")]
        return c


AGENCIES = [("Riverina Property Group", "riverinaproperty.example"), ("Murray Realty", "murrayrealty.example")]
LAWYERS = [("Tenants Advice Service", "tenantsadvice.example"), ("Pham & Osei Lawyers", "phamosei.example")]


def _hearing(r: random.Random, i: int) -> datetime:
    day = date(2026, 3, 2) + timedelta(days=(i * 3) % 40)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, r.choice([9, 10, 11, 14]), r.choice([0, 30]))


def build_world(rng: random.Random) -> World:
    """About 300 registry clients: tenancy, family-violence tenancy and guardianship matters."""
    f = Factory(rng)
    venues = ["Albury Hearing Centre, 5 Dean Street", "Shepparton Law Courts, 14 High Street", "Online (video)"]
    tenancy, fv, guard = [], [], []
    for i in range(70):
        tenant, landlord = f.person("tenant"), f.person("landlord")
        num = f"RT2026/{rng.randint(100, 9999):05d}"
        m = Matter(num, "tenancy", {"Tenant": tenant, "Landlord": landlord}, _hearing(rng, i), venues[i % 3], "")
        m.room = f"Hearing Room {rng.randint(1, 6)}"
        m.prop = tenant.address
        if tenant.address.street.startswith("PO Box"):
            tenant.address = f.address()
            m.prop = tenant.address
        if i % 3 == 0:
            second = f.person("tenant", family=tenant.family if i % 2 else None)
            second.address = tenant.address
            tenant.joint, second.joint = [second.cid], [tenant.cid]
            m.parties["Co-tenant"] = second
        if i % 2 == 0:
            firm, dom = AGENCIES[i % 4 // 2]
            agent = f.rep("agent", firm, dom)
            landlord.auth += [agent.cid, agent.emails[0]]
            m.reps["Landlord"] = agent
        if i % 5 == 1:
            firm, dom = LAWYERS[i % 2]
            lawyer = f.rep("lawyer", firm, dom)
            tenant.auth += [lawyer.cid, lawyer.emails[0]]
            m.reps["Tenant"] = lawyer
        if i % 4 == 3:
            m.language = rng.choice(["Vietnamese", "Arabic", "Dinka", "Mandarin", "Dari", "Tongan"])
        for c in m.parties.values():
            c.refs.append(num)
        tenancy.append(m)
    for i in range(14):
        protected, respondent, landlord = f.person("protected"), f.person("respondent"), f.person("landlord")
        prop = f.address()
        while prop.street.startswith("PO Box"):
            prop = f.address()
        respondent.address = prop
        protected.suppressed = ["postal_address", "phone", "email"] if i % 3 else ["postal_address", "phone"]
        protected.joint, respondent.joint = [respondent.cid], [protected.cid]
        num = f"RT2026/{rng.randint(100, 9999):05d}"
        parties = {"Applicant": protected, "Respondent (co-tenant)": respondent, "Landlord": landlord}
        m = Matter(num, "fv-tenancy", parties, _hearing(rng, i + 70), venues[i % 2], "Safe Room 2", prop)
        m.protected = protected
        if i % 2:
            lawyer = f.rep("lawyer", *LAWYERS[0])
            protected.auth += [lawyer.cid, lawyer.emails[0]]
            m.reps["Applicant"] = lawyer
        for c in parties.values():
            c.refs.append(num)
        fv.append(m)
    for i in range(24):
        rp, family = f.person("rp"), f.person("family")
        family.family = rp.family if i % 2 else family.family
        rp.dob = date(1930, 1, 1) + timedelta(days=rng.randint(0, 365 * 40))
        officer = f.rep("guardian", "Office of the Public Advocate", "publicadvocate.example")
        num = f"G-2026-{rng.randint(10, 999):04d}"
        m = Matter(
            num, "guardianship", {"Represented person": rp, "Applicant": family}, _hearing(rng, i), venues[i % 3], ""
        )
        m.room = f"Hearing Room {rng.randint(1, 6)}"
        m.reps["Guardian"] = officer
        rp.auth += [officer.cid, officer.emails[0]]
        for c in (rp, family):
            c.refs.append(num)
        guard.append(m)
    namesakes = []
    for i in range(5):
        a, b = tenancy[40 + i], tenancy[50 + i]
        twin = b.parties["Tenant"]
        src = a.parties["Tenant"]
        twin.given, twin.family, twin.title = src.given, src.family, src.title
        namesakes.append((a, b))
    return World(f.clients, tenancy, fv, guard, namesakes)


def write_registry(world: World, out: Path) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for c in world.clients:
        w.writerow(c.row())
    (out / "clients.csv").write_text(buf.getvalue())
    (out / "dlp.toml").write_text(
        "[organisation]\n"
        f'name = "{TRIBUNAL}"\n'
        f'internal_domains = ["{DOMAIN}"]\n'
        f'approved_recipient_domains = ["{INTERPRETERS}", "{BOND_AUTHORITY}"]\n'
        f"suppressed_detail_staff = {FV_STAFF!r}\n".replace("'", '"')
        + 'timezone = "Australia/Melbourne"\n\n'
        '[registry]\npath = "clients.csv"\n\n[incidents]\nholidays = "AU-VIC"\n'
        # Maintainers' change: a tribunal sets the option the README gives tribunals (parties of a matter see each
        # other's names and registered addresses on its notices).
        '\n[policy]\npath = "policy.yaml"\n'
    )
    (out / "policy.yaml").write_text("rules:\n  mismatched_recipient:\n    parties_see_each_other: true\n")
