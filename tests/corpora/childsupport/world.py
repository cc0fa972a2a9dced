"""The invented agency's world: parents (the registry's clients), their cases, children, employers and lawyers."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

AGENCY = "Southern Cross Child Support Agency"
DOMAIN = "sccsa.example"
FV_STAFF = ["fv.safety@sccsa.example", "privacy.officer@sccsa.example"]
FRC = "familyrelationships.example"
NZ = "ird-childsupport.nz.example"
REVENUE = "revenueoffice.example"
APPROVED = [FRC, NZ, REVENUE]

GIVEN_F = (
    "Aroha Mei Priya Fatima Olivia Chloe Thi Hanh Siosaia Mele Anjali Zainab Sofia Giulia Ana Katarzyna "
    "Yasmin Leila Ngaire Jessica Amira Tahlia Kirra Ayesha Maryam Elif Chiara Ioana Nomvula Grace "
    "Rhiannon Sinead Mai Linh Yuki Hana Esperanza Nadia Bronwyn Kylie Renee Tamara Precious Shanelle Noor "
    "Rosa "
).split()
GIVEN_M = (
    "Tane Wei Arjun Omar Liam Jack Minh Sione Rahul Ahmed Mohammed Luca Marko Tomasz Hamid Kofi Daniel "
    "Jayden Brendan Dimitri Nikolai Hiroshi Kwame Rangi Samir Ravi Mehmet Stefan Darius Callum Jarrah "
    "Bilal Thanh Paolo Emeka Lachlan Mitchell Shane Dwayne Hassan Chinedu Viliami Anh Oscar Mateo "
).split()
FAMILY = (
    "Nguyen Tran Papadopoulos Kowalski O'Brien MacGregor Nakamura Okonkwo Haddad Singh Fernandes Rossi "
    "Jovanovic Tuilagi Wanganeen Chen Zhang Patel Sharma Hassan Rahman Ali Kaur Smith-Ngata D'Souza "
    "Van der Berg Nikolaidis Horvat Kaya Yilmaz Mensah Adeyemi Taufa Fonoti Walker Thompson Murphy "
    "Kelly Baker Costa Ferreira Santos Ivanova Petrov Novak Lindqvist Haugen Morales Reyes Castillo "
    "Tanaka Watanabe Kim Park Lee Hoang Pham Le Vu Bui Mahmoud Khalil Aziz Karimi Hosseini Gill Sandhu "
    "Tipene Paewai Cooper Campbell Stewart McKenzie Anderson Wilson Martin Brown Baptiste Moreau"
).split()
STREETS = (
    "Wattle Banksia Waratah Jacaranda Bottlebrush Ironbark Grevillea Kurrajong Melaleuca Boronia Tuart "
    "Karri Jarrah Coolabah Acacia Peppercorn Settlers Railway Station Church High Victoria Albert Bridge "
    "Queen King Mitchell Sturt Flinders Hume Macquarie Bligh Oxley Cunningham Leichhardt"
).split()
TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Place", "Pl"),
    ("Parade", "Pde"),
    ("Close", "Cl"),
    ("Way", "Way"),
    ("Terrace", "Tce"),
]
PLACES = [
    ("Dandenong", "VIC", "3175"),
    ("Frankston", "VIC", "3199"),
    ("Bendigo", "VIC", "3550"),
    ("Shepparton", "VIC", "3630"),
    ("Werribee", "VIC", "3030"),
    ("Blacktown", "NSW", "2148"),
    ("Penrith", "NSW", "2750"),
    ("Dubbo", "NSW", "2830"),
    ("Wagga Wagga", "NSW", "2650"),
    ("Liverpool", "NSW", "2170"),
    ("Logan Central", "QLD", "4114"),
    ("Toowoomba", "QLD", "4350"),
    ("Cairns", "QLD", "4870"),
    ("Ipswich", "QLD", "4305"),
    ("Mackay", "QLD", "4740"),
    ("Elizabeth", "SA", "5112"),
    ("Mount Gambier", "SA", "5290"),
    ("Salisbury", "SA", "5108"),
    ("Rockingham", "WA", "6168"),
    ("Mandurah", "WA", "6210"),
    ("Geraldton", "WA", "6530"),
    ("Launceston", "TAS", "7250"),
    ("Devonport", "TAS", "7310"),
    ("Palmerston", "NT", "0830"),
    ("Belconnen", "ACT", "2617"),
    ("Tuggeranong", "ACT", "2900"),
    ("Ballarat", "VIC", "3350"),
    ("Mildura", "VIC", "3500"),
    ("Tamworth", "NSW", "2340"),
    ("Bundaberg", "QLD", "4670"),
]
MAIL_DOMAINS = ["mailbox.example", "inbox.example", "fastmail.example", "ozmail.example", "bigpond.example"]
EMPLOYERS = [
    "Riverina Freight Pty Ltd",
    "Coastal Mining Services",
    "Hume Health Group",
    "Bayside Builders Pty Ltd",
    "Goldfields Logistics",
    "Tasman Retail Group",
    "Outback Rail Maintenance",
    "Harbour City Hospitality",
    "Greenline Cleaning Co",
    "Summit Security Services",
]
LAW_FIRMS = [
    ("Marchetti & Webb Lawyers", "marchettiwebb.example"),
    ("Okafor Family Law", "okaforfamilylaw.example"),
    ("Bright Chambers Legal", "brightlegal.example"),
    ("Harbourside Legal Centre", "harbourside-lc.example"),
    ("Nguyen Carter Solicitors", "nguyencarter.example"),
]


@dataclass
class Address:
    """A postal address: the registry's one line and the two or three lines of a letter."""

    unit: str
    number: str
    street: str
    stype: tuple[str, str]
    suburb: str
    state: str
    postcode: str
    kind: str = "street"  # street, unit, level, lot, rmb, pobox

    def street_line(self, short: bool = False, unit_style: int = 0) -> str:
        st = self.stype[1] if short else self.stype[0]
        if self.kind == "pobox":
            return f"PO Box {self.number}"
        if self.kind == "lot":
            return f"Lot {self.number} {self.street} {st}"
        if self.kind == "rmb":
            return f"RMB {self.number} {self.street} {st}"
        if self.kind == "level":
            return f"Level {self.unit}, {self.number} {self.street} {st}"
        if self.kind == "unit":
            if unit_style == 1:
                return f"Unit {self.unit}, {self.number} {self.street} {st}"
            return f"{self.unit}/{self.number} {self.street} {st}"
        return f"{self.number} {self.street} {st}"

    def one_line(self) -> str:
        return f"{self.street_line()}, {self.suburb} {self.state} {self.postcode}"

    def lines(self, short: bool = True, caps: bool = True, unit_style: int = 0) -> list[str]:
        sub = self.suburb.upper() if caps else self.suburb
        return [self.street_line(short, unit_style), f"{sub} {self.state} {self.postcode}"]


@dataclass
class Client:
    """One registry row: a parent known to the agency."""

    cid: str
    given: str
    family: str
    dob: str
    sex: str
    email: str
    phone: str
    address: Address
    crn: str
    cases: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    title: str = "Ms"

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    def formal(self) -> str:
        return f"{self.title} {self.given[0]} {self.family}"


@dataclass
class Employer:
    name: str
    payroll: str
    address: Address


@dataclass
class Case:
    """A child support case between a payer and a payee; the children are not clients of their own."""

    number: str
    payer: Client
    payee: Client
    children: list[tuple[str, str]]
    annual: int
    payer_income: int
    payee_income: int
    employer: Employer | None = None
    overseas: bool = False
    payer_lawyer: tuple[str, str] | None = None
    payee_lawyer: tuple[str, str] | None = None

    @property
    def victim(self) -> Client | None:
        for c in (self.payee, self.payer):
            if c.suppressed:
                return c
        return None

    def other(self, c: Client) -> Client:
        return self.payee if c is self.payer else self.payer


def fmt_ref(ref: str, style: int) -> str:
    """A customer or case reference as documents write it: spaced, run together, grouped in threes."""
    if style == 1:
        return ref
    if ref.startswith("CS"):
        return f"CS {ref[2:6]} {ref[6:]}" if style == 0 else f"CS{ref[2:6]} {ref[6:]}"
    return f"{ref[:3]} {ref[3:6]} {ref[6:]}"


def fmt_phone(phone: str, style: int) -> str:
    digits = phone.replace(" ", "").replace("(", "").replace(")", "")
    if style == 1:
        return digits
    if style == 2 and digits.startswith("04"):
        return f"+61 {digits[1:4]} {digits[4:7]} {digits[7:]}"
    return phone


def fmt_dob(iso: str, style: int) -> str:
    y, m, d = iso.split("-")
    months = "January February March April May June July August September October November December".split()
    if style == 1:
        return f"{int(d)} {months[int(m) - 1]} {y}"
    if style == 2:
        return f"{d}.{m}.{y}"
    if style == 3:
        return iso
    return f"{d}/{m}/{y}"


class World:
    """Builds the registry deterministically from one random generator."""

    def __init__(self, rng: random.Random, n_cases: int) -> None:
        self.rng = rng
        self.clients: list[Client] = []
        self.cases: list[Case] = []
        self.employers: list[Employer] = []
        self._used: set[str] = set()
        for name in EMPLOYERS:
            dom = name.split()[0].lower() + name.split()[1].lower().strip("&") + ".example"
            self.employers.append(Employer(name, f"payroll@{dom}", self.address(kind="level")))
        for i in range(n_cases):
            self.cases.append(self._case(i))
        self._same_names()

    def address(self, kind: str | None = None) -> Address:
        r = self.rng
        kind = kind or r.choices(["street", "unit", "level", "lot", "rmb", "pobox"], [50, 25, 3, 6, 6, 10])[0]
        sub, st, pc = r.choice(PLACES)
        unit = str(r.randint(1, 24)) if kind in ("unit", "level") else ""
        num = str(r.randint(1, 240)) if kind != "rmb" else str(r.randint(1000, 2999))
        if kind == "pobox":
            num = str(r.randint(12, 9800))
        return Address(unit, num, r.choice(STREETS), r.choice(TYPES), sub, st, pc, kind)

    def _unique(self, make) -> str:
        while True:
            v = make()
            if v not in self._used:
                self._used.add(v)
                return v

    def client(self, sex: str, given: str | None = None, family: str | None = None, dob: str | None = None) -> Client:
        r = self.rng
        given = given or r.choice(GIVEN_F if sex == "F" else GIVEN_M)
        family = family or r.choice(FAMILY)
        dob = dob or f"{r.randint(1968, 2001)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        cid = self._unique(lambda: f"C{r.randint(100000, 999999)}")
        local = f"{given}.{family}".lower().replace("'", "").replace(" ", "")
        email = self._unique(lambda: f"{local}{r.choice(['', str(r.randint(1, 99))])}@{r.choice(MAIL_DOMAINS)}")
        phone = self._unique(lambda: f"04{r.randint(0, 99):02d} {r.randint(100, 999)} {r.randint(100, 999)}")
        crn = self._unique(lambda: f"{r.randint(200000000, 699999999)}{r.choice('ABCHJKLNTX')}")
        title = r.choice(["Ms", "Mrs", "Ms", "Miss"]) if sex == "F" else "Mr"
        c = Client(cid, given, family, dob, sex, email, phone, self.address(), crn, title=title)
        self.clients.append(c)
        return c

    def _case(self, i: int) -> Case:
        r = self.rng
        payer_sex = "M" if r.random() < 0.8 else "F"
        payer = self.client(payer_sex)
        payee = self.client("F" if payer_sex == "M" else "M")
        number = self._unique(lambda: f"CS{r.randint(3000, 4999)}{r.randint(1000, 9999)}")
        payer.cases.append(number)
        payee.cases.append(number)
        fam = r.choice([payer.family, payee.family, f"{payee.family}-{payer.family}"])
        kids = []
        for _ in range(r.choice([1, 1, 2, 2, 3])):
            kg = r.choice(GIVEN_F + GIVEN_M)
            kids.append((f"{kg} {fam}", f"{r.randint(2009, 2023)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"))
        case = Case(
            number,
            payer,
            payee,
            kids,
            r.randrange(1800, 26000, 12),
            r.randrange(32000, 160000, 100),
            r.randrange(0, 90000, 100),
        )
        if r.random() < 0.45:
            case.employer = r.choice(self.employers)
            payer.contacts.append(case.employer.payroll)
        case.overseas = r.random() < 0.1
        if r.random() < 0.25:
            firm = r.choice(LAW_FIRMS)
            case.payer_lawyer = firm
            payer.contacts.append(f"{r.choice(['reception', 'family', 'c.webb', 'j.okafor'])}@{firm[1]}")
        if r.random() < 0.25:
            firm = r.choice([f for f in LAW_FIRMS if f != case.payer_lawyer])
            case.payee_lawyer = firm
            payee.contacts.append(f"{r.choice(['intake', 'familylaw', 'a.bright', 'd.nguyen'])}@{firm[1]}")
        roll = r.random()
        victim = payee if roll < 0.42 else payer if roll < 0.5 else None
        if victim is not None:
            victim.address = self.address(kind=r.choice(["street", "unit", "unit", "pobox"]))
            victim.suppressed = r.choice(
                [["postal_address", "phone", "email"]] * 3 + [["postal_address"], ["postal_address", "phone"]]
            )
        return case

    def _same_names(self) -> None:
        """A few pairs of unrelated clients share a full name; only the date of birth tells them apart."""
        for a, b in zip(self.cases[3:40:9], self.cases[7:44:9], strict=False):
            b.payer.given, b.payer.family = a.payer.given, a.payer.family
            a.payer.suppressed, b.payer.suppressed = [], []
            b.payer.title = a.payer.title
            b.payer.sex = a.payer.sex

    def contact(self, c: Client) -> str:
        return c.contacts[0] if c.contacts else ""

    def registry_rows(self) -> list[dict[str, str]]:
        rows = []
        for c in self.clients:
            rows.append(
                {
                    "client_id": c.cid,
                    "given_name": c.given,
                    "family_name": c.family,
                    "date_of_birth": c.dob,
                    "email": c.email,
                    "phone": c.phone,
                    "postal_address": c.address.one_line(),
                    "references": ";".join([c.crn, *c.cases]),
                    "suppressed": ";".join(c.suppressed),
                    "joint_with": "",
                    "authorised_contacts": ";".join(c.contacts),
                }
            )
        return rows

    def victims(self) -> list[Case]:
        return [c for c in self.cases if c.victim is not None]

    def plain(self) -> list[Case]:
        return [c for c in self.cases if c.victim is None]

    def same_name_pairs(self) -> list[tuple[Client, Client]]:
        return [(a.payer, b.payer) for a, b in zip(self.cases[3:40:9], self.cases[7:44:9], strict=False)]
