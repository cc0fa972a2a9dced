"""The invented world: the payroll bureau, the employers it pays staff for, and their employees.

Every name, address and number here is made up. Addresses use real suburb and postcode pairs with invented
street numbers and names; identifiers are checksum-valid but generated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import ids

BUREAU = "Ledgerline Payroll & HR Services"
BUREAU_DOMAIN = "ledgerline.example"
BUREAU_ADDRESS = ("Level 4, 210 Collins Street", "MELBOURNE VIC 3000")
BUREAU_PHONE = "1300 553 417"
PROTECTED_TEAM = ["protected.payroll@ledgerline.example", "k.whitford@ledgerline.example"]
BUREAU_STAFF = [
    ("Priya Raman", "p.raman"),
    ("Tom Kowalczyk", "t.kowalczyk"),
    ("Leilani Fonoti", "l.fonoti"),
    ("Dmitri Hadjis", "d.hadjis"),
    ("Grace Yeo", "g.yeo"),
    ("Kerry Whitford", "k.whitford"),
]


@dataclass(frozen=True)
class Employer:
    key: str
    name: str
    domain: str
    prefix: str  # employee number style
    union: str  # domain of the union most of its staff belong to
    union_name: str
    payroll_officer: tuple[str, str]  # name, mailbox local part
    classifications: tuple[str, ...]
    work_email: bool  # staff get pay advice at their work address too


EMPLOYERS = [
    Employer(
        "hosp",
        "Mount Alexander Health Group",
        "mahg.example",
        "MH",
        "healthworkersunion.example",
        "Health Workers Union",
        ("Sandra Okafor", "payroll.enquiries"),
        ("Registered Nurse Gr 2", "Enrolled Nurse", "Ward Clerk", "Allied Health Gr 3", "Orderly", "Pharmacist"),
        True,
    ),
    Employer(
        "council",
        "Kurrajong Shire Council",
        "kurrajong.vic.example",
        "KSC",
        "servicesunion.example",
        "Services Union",
        ("Bruno Esposito", "payroll"),
        ("Band 4 Customer Service", "Band 5 Planner", "Band 3 Parks", "Band 6 Engineer", "Library Officer"),
        True,
    ),
    Employer(
        "transport",
        "Bluegum Transit Pty Ltd",
        "bluegumtransit.example",
        "BT",
        "railbusunion.example",
        "Rail Bus and Tram Union",
        ("Megan Ashdown", "people.payroll"),
        ("Bus Operator", "Depot Supervisor", "Mechanic", "Network Controller"),
        False,
    ),
    Employer(
        "retail",
        "Harbourside Retail Group",
        "harbourside.example",
        "HRG",
        "retailworkers.example",
        "Retail Workers Union",
        ("Vincent Lau", "payroll.team"),
        ("Retail Assistant L1", "Retail Assistant L3", "Store Manager", "Warehouse Operative", "Visual Merchandiser"),
        False,
    ),
]
EMPLOYER = {e.key: e for e in EMPLOYERS}
_ABN_RNG = random.Random(4242)
EMPLOYER_ABN = {e.key: ids.abn(_ABN_RNG) for e in EMPLOYERS}  # the employers' ABNs, the same in every seed

SUPER_FUNDS = [
    ("Unity Health Super", "unityhealthsuper.example"),
    ("Coastline Super", "coastlinesuper.example"),
]
PACKAGER = ("Packwise Salary Packaging", "packwise.example")
BANK = ("First Mutual Bank", "firstmutual.example")
CHILD_SUPPORT = ("Child Support Agency", "childsupport.gov.example")
TAX_OFFICE = ("Australian Taxation Office", "ato.gov.example")

# Outside, not approved: where mail must not go with an employee's details in it.
PERSONAL_DOMAINS = ["mailhub.example", "inbox.example", "ozmail.example", "gmail.example", "fastpost.example"]
EX_PARTNER_LAWYERS = ("Harrow Family Law", "harrowfamilylaw.example")
CREDITORS = [
    ("Recoveries Direct Pty Ltd", "recoveriesdirect.example"),
    ("Cityline Finance", "citylinefinance.example"),
]
BROKER = ("HomeLoan HQ", "homeloanhq.example")
REAL_ESTATE = ("Parkside Property Rentals", "parksiderentals.example")

FIRST_NAMES = {
    "anglo": (["Sarah", "Jessica", "Emily", "Kate", "Rebecca", "Hannah"], ["James", "Daniel", "Liam", "Matthew"]),
    "aboriginal": (["Jedda", "Kirra", "Tanisha", "Alinta"], ["Jarrah", "Tyson", "Kurt", "Warrick"]),
    "vietnamese": (["Lan", "Thi Mai", "Hoa", "Ngoc Anh"], ["Minh", "Tuan", "Duc", "Quang"]),
    "arabic": (["Fatima", "Layla", "Mariam", "Nour"], ["Ahmad", "Omar", "Karim", "Youssef"]),
    "greek": (["Eleni", "Despina", "Katerina", "Sofia"], ["Nikos", "Giorgos", "Con", "Stavros"]),
    "italian": (["Giulia", "Francesca", "Maria", "Chiara"], ["Marco", "Luca", "Salvatore", "Enzo"]),
    "chinese": (["Mei Ling", "Xiaoyu", "Jing", "Wen"], ["Wei", "Jun", "Hao", "Zhi Peng"]),
    "indian": (["Priyanka", "Anjali", "Deepa", "Kavya"], ["Rahul", "Arjun", "Sanjay", "Vikram"]),
    "filipino": (["Maricel", "Joanna", "Rosalind", "Cherry"], ["Jomar", "Rodel", "Paolo", "Ariel"]),
    "pacific": (["Losana", "Mele", "Salote", "Ana"], ["Sione", "Tevita", "Iosefa", "Manu"]),
}
FAMILY_NAMES = {
    "anglo": ["Thompson", "O'Brien", "Fitzgerald-Hume", "McAllister", "Harding", "Blackwood", "Pearce"],
    "aboriginal": ["Walker", "Mundine", "Coulthard", "Yunupingu", "Bamblett", "Graham"],
    "vietnamese": ["Nguyen", "Tran", "Pham", "Le", "Vo", "Huynh"],
    "arabic": ["Haddad", "El-Masri", "Khoury", "Abdallah", "Saleh", "Nasser"],
    "greek": ["Papadopoulos", "Georgiou", "Kostakis", "Theodorou", "Mavros"],
    "italian": ["Russo", "D'Angelo", "Esposito", "Calabrese", "Ferraro", "Lombardi"],
    "chinese": ["Chen", "Wang", "Zhang", "Liu", "Huang", "Lau"],
    "indian": ["Sharma", "Patel", "Iyer", "Reddy", "D'Souza", "Singh"],
    "filipino": ["Santos", "Dela Cruz", "Reyes", "Bautista", "Villanueva"],
    "pacific": ["Tuilagi", "Fifita", "Taufa", "Leota", "Faleolo"],
}
STREETS = [
    ("Wattlebird", "Street", "St"),
    ("Ironbark", "Road", "Rd"),
    ("Banksia", "Crescent", "Cres"),
    ("Kookaburra", "Avenue", "Ave"),
    ("Quandong", "Court", "Ct"),
    ("Lyrebird", "Drive", "Dr"),
    ("Coolabah", "Parade", "Pde"),
    ("Waratah", "Place", "Pl"),
    ("Tallowwood", "Street", "St"),
    ("Mulga", "Road", "Rd"),
    ("Saltbush", "Lane", "La"),
    ("Bottlebrush", "Avenue", "Ave"),
    ("Paperbark", "Way", "Way"),
    ("Moonah", "Grove", "Gr"),
    ("Brolga", "Terrace", "Tce"),
]
SUBURBS = [
    ("Castlemaine", "VIC", "3450"),
    ("Kyneton", "VIC", "3444"),
    ("Bendigo", "VIC", "3550"),
    ("Kangaroo Flat", "VIC", "3555"),
    ("Maryborough", "VIC", "3465"),
    ("Footscray", "VIC", "3011"),
    ("Sunshine West", "VIC", "3020"),
    ("Dandenong North", "VIC", "3175"),
    ("Broadmeadows", "VIC", "3047"),
    ("Geelong West", "VIC", "3218"),
    ("Ballarat East", "VIC", "3350"),
    ("Preston", "VIC", "3072"),
    ("Werribee", "VIC", "3030"),
    ("Albury", "NSW", "2640"),
    ("Wodonga", "VIC", "3690"),
]


@dataclass
class Address:
    number: str
    street: str
    kind: str
    kind_short: str
    suburb: str
    state: str
    postcode: str
    unit: str = ""

    @property
    def line1(self) -> str:
        prefix = f"{self.unit}/" if self.unit else ""
        return f"{prefix}{self.number} {self.street} {self.kind}"

    @property
    def line1_short(self) -> str:
        prefix = f"Unit {self.unit}, " if self.unit else ""
        return f"{prefix}{self.number} {self.street} {self.kind_short}"

    @property
    def locality(self) -> str:
        return f"{self.suburb.upper()} {self.state} {self.postcode}"

    @property
    def one_line(self) -> str:
        return f"{self.line1}, {self.suburb} {self.state} {self.postcode}"


@dataclass
class Employee:
    client_id: str
    given: str
    family: str
    title: str
    dob: date
    employer: Employer
    empno: str
    address: Address
    personal_email: str
    mobile: str
    tfn: str
    bsb: str
    account: str
    classification: str
    annual: int
    fund: tuple[str, str]
    member_no: str
    work_email: str = ""
    landline: str = ""
    medicare: str = ""
    packaging_ref: str = ""
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the world uses this person (not written out)

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.given} {self.family}"

    @property
    def surname_first(self) -> str:
        return f"{self.family.upper()}, {self.given}"

    @property
    def emails(self) -> list[str]:
        return [e for e in (self.personal_email, self.work_email) if e]

    @property
    def phones(self) -> list[str]:
        return [p for p in (self.mobile, self.landline) if p]

    @property
    def fortnightly_gross(self) -> float:
        return round(self.annual / 26.089, 2)

    @property
    def account_masked(self) -> str:
        return "***" + self.account[-4:]


class World:
    """The employees and the external parties of one seed."""

    def __init__(self, seed: int, size: int = 240) -> None:
        self.rng = random.Random(seed * 7919 + 17)
        self.employees: list[Employee] = []
        self._used: set[str] = set()
        self.bureau_abn = ids.abn(self.rng)
        self.employer_abn = {e.key: ids.abn(self.rng) for e in EMPLOYERS}
        for i in range(size):
            self.employees.append(self._employee(i, EMPLOYERS[i % len(EMPLOYERS)]))
        self._relationships()
        self.by_id = {e.client_id: e for e in self.employees}

    # -- building people -------------------------------------------------------------------------
    def _unique(self, make) -> str:
        while True:
            value = make()
            if value not in self._used:
                self._used.add(value)
                return value

    def _address(self) -> Address:
        rng = self.rng
        street, kind, short = rng.choice(STREETS)
        suburb, state, postcode = rng.choice(SUBURBS)
        unit = str(rng.randint(1, 12)) if rng.random() < 0.2 else ""
        number = self._unique(lambda: f"{rng.randint(2, 240)}|{street}|{suburb}|{unit}").split("|")[0]
        return Address(number, street, kind, short, suburb, state, postcode, unit)

    def _employee(self, i: int, employer: Employer, given: str = "", family: str = "", female: bool | None = None):
        rng = self.rng
        background = rng.choice(list(FIRST_NAMES))
        if female is None:
            female = rng.random() < 0.55
        given = given or rng.choice(FIRST_NAMES[background][0 if female else 1])
        family = family or rng.choice(FAMILY_NAMES[background])
        title = rng.choice(["Ms", "Mrs", "Miss", "Dr"]) if female else rng.choice(["Mr", "Mr", "Mr", "Dr"])
        dob = date(1958, 1, 1) + timedelta(days=rng.randint(0, 16000))
        local = "".join(c for c in f"{given}.{family}".lower().replace(" ", "") if c.isalnum() or c == ".")
        personal = self._unique(lambda: f"{local}{rng.randint(1, 99)}@{rng.choice(PERSONAL_DOMAINS)}")
        work = ""
        if employer.work_email:
            work = self._unique(lambda: f"{local}{rng.choice(['', str(rng.randint(2, 9))])}@{employer.domain}")
        mobile = self._unique(lambda: f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}")
        landline = ""
        if rng.random() < 0.25:
            landline = self._unique(lambda: f"(03) {rng.randint(5200, 9899)} {rng.randint(1000, 9999)}")
        empno = self._unique(lambda: f"{employer.prefix}{rng.randint(10000, 99999)}")
        account = self._unique(lambda: str(rng.randint(100000000, 499999999)))
        bsb = rng.choice(["063-019", "083-004", "033-172", "633-000", "923-100"])
        fund = SUPER_FUNDS[0] if employer.key == "hosp" or rng.random() < 0.3 else SUPER_FUNDS[1]
        emp = Employee(
            client_id=self._unique(lambda: f"C{rng.randint(100000, 999999)}"),
            given=given,
            family=family,
            title=title,
            dob=dob,
            employer=employer,
            empno=empno,
            address=self._address(),
            personal_email=personal,
            mobile=mobile,
            tfn=ids.tfn(rng),
            bsb=bsb,
            account=account,
            classification=rng.choice(employer.classifications),
            annual=rng.randrange(52000, 138000, 250),
            fund=fund,
            member_no=self._unique(lambda: str(rng.randint(10000000, 99999999))),
            work_email=work,
            landline=landline,
            medicare=ids.medicare(rng),
        )
        if employer.key in ("hosp", "council") and rng.random() < 0.4:
            emp.packaging_ref = self._unique(lambda: f"PW-{rng.randint(100000, 999999)}")
        return emp

    def _relationships(self) -> None:
        """Suppressions, a separated couple, joint pay accounts, same-name pairs and representatives."""
        rng = self.rng
        emps = self.employees
        # Employees under protection orders or escaping family violence: address and phone suppressed,
        # some email too (their registered email is a new one the ex-partner must not learn).
        for k, idx in enumerate(range(5, len(emps), 19)):
            e = emps[idx]
            e.suppressed = ["postal_address", "phone"] + (["email"] if k % 3 == 0 else [])
            e.notes.append("protected")
        # Separated couples still recorded as joint (one pay account, not yet split): she is protected.
        for idx in (5, 24):
            victim, ex = emps[idx], emps[idx + 40]
            ex.given, ex.title = rng.choice(FIRST_NAMES["anglo"][1]), "Mr"
            shared = self._unique(lambda: f"PW-{rng.randint(100000, 999999)}")
            victim.packaging_ref = ex.packaging_ref = shared  # a novated lease still in both names
            victim.joint_with.append(ex.client_id)
            ex.joint_with.append(victim.client_id)
            ex.notes.append("ex-partner")
        # Couples who both work for an employer we pay and share one joint pay account.
        for idx in (10, 50, 90):
            a, b = emps[idx], emps[idx + 4]
            b.family = a.family
            b.address = a.address
            b.account = a.account
            b.bsb = a.bsb
            a.joint_with.append(b.client_id)
            b.joint_with.append(a.client_id)
            a.notes.append("couple")
            b.notes.append("couple")
        # Two employees with the same name, different dates of birth (the seeds' wrong-payment incident).
        for idx, jdx in ((12, 33), (60, 101)):
            a, b = emps[idx], emps[jdx]
            b.given, b.family, b.title = a.given, a.family, a.title
            b.dob = a.dob + timedelta(days=rng.randint(400, 4000))
            a.notes.append("same-name")
            b.notes.append("same-name")
        # Representatives: union organisers, financial counsellors, a solicitor, an attorney under a power.
        for idx in range(3, len(emps), 7):
            e = emps[idx]
            if e.joint_with:
                continue
            kind = (idx // 7) % 4
            if kind in (0, 1):
                e.authorised.append(f"organiser.{rng.choice(['west', 'north', 'central'])}@{e.employer.union}")
                e.notes.append("union")
            elif kind == 2:
                e.authorised.append(f"counsellor{rng.randint(1, 9)}@fincounsel.example")
                e.notes.append("counsellor")
            else:
                e.authorised.append("jhalloran@hallorancowie.example")
                e.notes.append("solicitor")

    # -- picking people for a case ---------------------------------------------------------------
    def pick(self, rng: random.Random, n: int = 1, *, employer: str = "", plain: bool = True, **need):
        """n distinct employees; plain ones have no suppression, joint account or same-name twin."""
        pool = [e for e in self.employees if not employer or e.employer.key == employer]
        if plain:
            pool = [e for e in pool if not e.suppressed and not e.joint_with and "same-name" not in e.notes]
        for key, value in need.items():
            pool = [e for e in pool if bool(getattr(e, key)) == value]
        return rng.sample(pool, n)

    def tagged(self, tag: str) -> list[Employee]:
        return [e for e in self.employees if tag in e.notes]

    def protected(self) -> list[Employee]:
        return [e for e in self.employees if e.suppressed]


def officer_email(employer: Employer) -> str:
    return f"{employer.payroll_officer[1]}@{employer.domain}"


def staff_email(local: str) -> str:
    return f"{local}@{BUREAU_DOMAIN}"
