"""The invented world: an aged care provider, its homes, and diverse invented people.

Everything here is fictional. Identifiers are invented but follow the published check-digit rules
(Medicare, ABN); phone numbers come from the ranges ACMA sets aside for fiction (03 5550 xxxx) or an
invented 0491 57x xxx mobile range; every e-mail domain ends in `.example`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

ORG_NAME = "Banksia Grove Aged Care"
ORG_LEGAL = "Banksia Grove Aged Care Ltd"
DOMAIN = "banksiagrove.example"
HEAD_OFFICE = ("Level 2, 9 Camp Street", "Ballarat VIC 3350")
POSTAL = ("PO Box 410", "BALLARAT VIC 3353")
PHONE = "(03) 5550 1000"
TODAY = dt.date(2025, 5, 19)

# Approved third parties: GP clinics, pharmacies, hospitals, government, funeral directors, the regulator.
GP_CLINICS = [
    ("Sturt Street Medical Clinic", "sturtstmedical.example"),
    ("Bellarine Family Practice", "bellarinefp.example"),
    ("Merri River Medical", "merririvermed.example"),
    ("Golden Square GP Group", "goldensquaregp.example"),
]
PHARMACIES = [
    ("Lakeside Aged Care Pharmacy", "lakesidepharmacy.example"),
    ("Coastline Pharmacy Services", "coastlinepharmacy.example"),
]
HOSPITALS = [
    ("Grampians Base Hospital", "grampianshealth.example"),
    ("Barwon Regional Hospital", "barwonhealth.example"),
    ("South West Hospital", "southwesthealth.example"),
]
GOVERNMENT = [
    ("Services Australia", "servicesaustralia.example"),
    ("Department of Veterans' Affairs", "dva.example"),
    ("Aged Care Quality and Safety Commission", "agedcarequality.example"),
]
FUNERAL = [
    ("Mount Clear Funerals", "mountclearfunerals.example"),
    ("Coastal Memorial Services", "coastalmemorial.example"),
]
APPROVED_DOMAINS = [d for _, d in GP_CLINICS + PHARMACIES + HOSPITALS + GOVERNMENT + FUNERAL]

# Staff. The safeguarding team may see suppressed details (DESIGN §3); others may not.
SAFEGUARDING = [
    ("Adaeze", "Okafor", "Safeguarding Lead"),
    ("Lachlan", "Reid", "Client Safety Officer"),
]
STAFF = [
    ("Priya", "Raman", "Care Manager"),
    ("Hoang", "Tran", "Billing Officer"),
    ("Bronwyn", "Kelly", "Residential Services Manager"),
    ("Siosaia", "Taufa", "Clinical Nurse"),
    ("Georgina", "Pappas", "Home Care Coordinator"),
    ("Wei", "Chen", "Finance Officer"),
    ("Marco", "Bellini", "Lifestyle Coordinator"),
    ("Jasmine", "Walker", "Registered Nurse"),
    ("Rashid", "Haddad", "Admissions Officer"),
    ("Teresa", "Dela Cruz", "Roster Coordinator"),
    ("Kirra", "Anderson", "Facility Manager"),
    ("Olivia", "Murphy", "Quality Officer"),
]


def staff_email(given: str, family: str) -> str:
    local = family.lower().replace(" ", "").replace("'", "")
    return f"{given[0].lower()}.{local}@{DOMAIN}"


SAFEGUARDING_EMAILS = [staff_email(g, f) for g, f, _ in SAFEGUARDING] + [f"safeguarding@{DOMAIN}"]


@dataclass(frozen=True)
class Home:
    code: str
    name: str
    street: str
    suburb: str
    state: str
    postcode: str
    phone: str
    pharmacy: int
    gp: int
    hospital: int
    funeral: int


HOMES = [
    Home("WC", "Wattle Court", "118 Mair Street East", "Ballarat East", "VIC", "3350", "(03) 5550 2100", 0, 0, 0, 0),
    Home("RH", "Riverside House", "7 Barwon Terrace", "Belmont", "VIC", "3216", "(03) 5550 2200", 0, 1, 1, 1),
    Home("SL", "Seaview Lodge", "30 Merri Parade", "Warrnambool", "VIC", "3280", "(03) 5550 2300", 1, 2, 2, 1),
    Home("IG", "Ironbark Gardens", "55 Hargreaves Road", "Golden Square", "VIC", "3555", "(03) 5550 2400", 1, 3, 0, 0),
]

SUBURBS = [
    ("Ballarat North", "VIC", "3350"),
    ("Wendouree", "VIC", "3355"),
    ("Sebastopol", "VIC", "3356"),
    ("Alfredton", "VIC", "3350"),
    ("Newtown", "VIC", "3220"),
    ("Grovedale", "VIC", "3216"),
    ("Ocean Grove", "VIC", "3226"),
    ("Lara", "VIC", "3212"),
    ("Warrnambool", "VIC", "3280"),
    ("Allansford", "VIC", "3277"),
    ("Port Fairy", "VIC", "3284"),
    ("Kangaroo Flat", "VIC", "3555"),
    ("Strathdale", "VIC", "3550"),
    ("Eaglehawk", "VIC", "3556"),
    ("Castlemaine", "VIC", "3450"),
    ("Daylesford", "VIC", "3460"),
    ("Footscray", "VIC", "3011"),
    ("Reservoir", "VIC", "3073"),
    ("Dandenong", "VIC", "3175"),
    ("Werribee", "VIC", "3030"),
    ("Albury", "NSW", "2640"),
    ("Mount Gambier", "SA", "5290"),
    ("Launceston", "TAS", "7250"),
    ("Toowoomba", "QLD", "4350"),
]
STREETS = [
    "Wattle",
    "Banksia",
    "Coolabah",
    "Lyons",
    "Drummond",
    "Errard",
    "Gillies",
    "Raglan",
    "Tierney",
    "Kororoit",
    "Jacaranda",
    "Moorabool",
    "Hopkins",
    "Fairy",
    "Bolwarra",
    "Koroit",
    "Lakeside",
    "Pinnacle",
    "Yarrawonga",
    "Myrtle",
    "Ironstone",
    "Nardoo",
    "Kurrajong",
    "Quandong",
]
STREET_TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Drive", "Dr"),
    ("Crescent", "Cres"),
]

# Diverse invented names: (given names, family names) per background.
NAME_POOLS = {
    "anglo": (
        [
            "Margaret",
            "Dorothy",
            "Kenneth",
            "Barry",
            "Joan",
            "Beryl",
            "Graham",
            "Shirley",
            "Raymond",
            "Norma",
            "Colin",
            "Valerie",
            "Trevor",
            "Judith",
            "Neville",
            "Patricia",
            "Lorraine",
            "Keith",
        ],
        [
            "Thompson",
            "Walsh",
            "Henderson",
            "McKenzie",
            "O'Brien",
            "Fitzgerald",
            "Gallagher",
            "Pearce",
            "Whitfield",
            "Dawson",
            "Hargreaves",
            "Sutherland",
            "Blackwood",
            "O'Sullivan",
            "Carmody",
            "Hughes",
        ],
    ),
    "aboriginal": (
        ["Aunty June", "Uncle Ron", "Nellie", "Archie", "Lowanna", "Jarrah", "Marlene", "Cedric"],
        ["Couzens", "Saunders", "Lovett", "Clarke-Austin", "Rose", "Harrison", "Atkinson", "Egan-Bux"],
    ),
    "vietnamese": (
        ["Thi Lan", "Van Minh", "Thi Hoa", "Quoc Bao", "Thi Mai", "Van Duc", "Thanh", "Kim Anh"],
        ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vo", "Dang", "Bui"],
    ),
    "arabic": (
        ["Fatima", "Khalil", "Samira", "Youssef", "Mariam", "Ibrahim", "Nadia", "Georges"],
        ["Haddad", "El-Khoury", "Nasser", "Aziz", "Mansour", "Saleh", "Khoury", "Abboud"],
    ),
    "greek": (
        ["Dimitra", "Konstantinos", "Eleni", "Georgios", "Panagiota", "Vasilis", "Sophia", "Nikolaos"],
        ["Papadopoulos", "Georgiou", "Kyriakou", "Tsiolkas", "Andreadis", "Mavromatis", "Christou", "Dimou"],
    ),
    "italian": (
        ["Giuseppina", "Salvatore", "Concetta", "Antonio", "Rosaria", "Vincenzo", "Carmela", "Luigi"],
        ["Russo", "Bianchi", "D'Angelo", "Ferraro", "Lombardi", "Caruso", "Di Stefano", "Marchetti"],
    ),
    "chinese": (
        ["Mei Ling", "Wei Ming", "Xiu Ying", "Guo Qiang", "Shu Fen", "Jian", "Li Na", "Hong"],
        ["Wong", "Chan", "Li", "Zhang", "Liu", "Lau", "Ho", "Cheung"],
    ),
    "indian": (
        ["Kamala", "Rajesh", "Savitri", "Harjit", "Lakshmi", "Suresh", "Gurpreet", "Anand"],
        ["Sharma", "Patel", "Singh", "Iyer", "Reddy", "Kaur", "Menon", "Chatterjee"],
    ),
    "filipino": (
        ["Corazon", "Rodrigo", "Leticia", "Ernesto", "Milagros", "Teodoro", "Remedios", "Danilo"],
        ["Santos", "Reyes", "Dela Cruz", "Bautista", "Villanueva", "Mendoza", "Aquino", "Soriano"],
    ),
    "pacific": (
        ["Losana", "Sione", "Malia", "Tevita", "Leilani", "Viliami", "Ana", "Semisi"],
        ["Tuilagi", "Fifita", "Taufa", "Vainikolo", "Faleolo", "Tupou", "Lealaiauloto", "Havili"],
    ),
}
YOUNG_GIVEN = [
    "Michelle",
    "Craig",
    "Karen",
    "Darren",
    "Nicole",
    "Jason",
    "Linh",
    "Tuan",
    "Rania",
    "Omar",
    "Kostas",
    "Maria",
    "Elena",
    "Nick",
    "Daniela",
    "Marco",
    "Jenny",
    "Kevin",
    "Anjali",
    "Vikram",
    "Grace",
    "Paolo",
    "Mele",
    "Sefa",
    "Tanya",
    "Shane",
    "Leah",
    "Aaron",
    "Carmen",
    "Renee",
]
PERSONAL_DOMAINS = ["bigpond.example", "gmail.example", "outlook.example", "icloud.example", "optusnet.example"]

CARE_NEEDS = [
    "high falls risk; two-person transfer",
    "diabetic diet; BGL twice daily",
    "dementia care; wandering risk",
    "thickened fluids (level 2)",
    "pressure injury prevention; 2-hourly repositioning",
    "hearing aids both ears",
    "oxygen therapy overnight",
    "Parkinson's medication timing critical",
    "independent with walker",
    "palliative approach; family contact daily",
]
MEDICATIONS = [
    ("Metformin 500 mg", "1 tab BD with meals"),
    ("Amlodipine 5 mg", "1 tab mane"),
    ("Atorvastatin 40 mg", "1 tab nocte"),
    ("Paracetamol 665 mg", "2 tabs TDS"),
    ("Furosemide 40 mg", "1 tab mane"),
    ("Donepezil 10 mg", "1 tab nocte"),
    ("Levodopa/carbidopa 100/25", "1 tab QID at 0700 1100 1500 1900"),
    ("Pantoprazole 40 mg", "1 tab mane"),
    ("Apixaban 5 mg", "1 tab BD"),
    ("Vitamin D 1000 IU", "1 cap daily"),
    ("Sertraline 50 mg", "1 tab mane"),
    ("Macrogol sachet", "1 sachet daily PRN"),
]


# --------------------------------------------------------------------------- identifiers


def medicare_number(rng: random.Random) -> str:
    """Ten digits: first 2-6, digit 9 the weighted check digit (1,3,7,9,1,3,7,9 mod 10), digit 10 the issue no."""
    digits = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(d * w for d, w in zip(digits, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    return "".join(map(str, digits)) + str(check) + str(rng.randint(1, 5))


def abn(rng: random.Random) -> str:
    """Eleven digits: subtract 1 from the first digit, weights 10,1,3,...,19, sum divisible by 89."""
    weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(10)]
        test = [digits[0] - 1] + digits[1:]
        if sum(d * w for d, w in zip(test, weights, strict=True)) % 89 == 0:
            return "".join(map(str, digits))


def fmt_medicare(m: str, style: int = 0) -> str:
    if style == 0:
        return f"{m[:4]} {m[4:9]} {m[9]}"
    if style == 1:
        return m
    return f"{m[:4]}-{m[4:9]}-{m[9]}"


def fmt_abn(a: str) -> str:
    return f"{a[:2]} {a[2:5]} {a[5:8]} {a[8:]}"


def crn(rng: random.Random) -> str:
    """Services Australia customer reference number: nine digits and a letter (no published check)."""
    return f"{rng.randint(200, 699)}{rng.randint(100, 999)}{rng.randint(100, 999)}{rng.choice('ABCHJKLNSTVX')}"


def fmt_crn(c: str) -> str:
    return f"{c[:3]} {c[3:6]} {c[6:]}"


def dva_file(rng: random.Random) -> str:
    return "V" + rng.choice(["X", "SM", "N", "SS"]) + str(rng.randint(10000, 999999)).zfill(6)


ORG_ABN = "96145848505"  # invented; the tests check it is a valid ABN


# --------------------------------------------------------------------------- addresses and people


@dataclass
class Address:
    street: str  # "12 Wattle Street" or "Room 14, 30 Merri Parade"
    suburb: str
    state: str
    postcode: str
    unit: str = ""  # "Room 14" (residents), "Unit 3" (flats)

    def one_line(self) -> str:
        first = f"{self.unit}, {self.street}" if self.unit else self.street
        return f"{first}, {self.suburb} {self.state} {self.postcode}"

    def short_street(self) -> str:
        for full, short in STREET_TYPES + [("Parade", "Pde"), ("Terrace", "Tce")]:
            if self.street.endswith(" " + full):
                return self.street[: -len(full)] + short
            if f" {full} " in self.street:
                return self.street.replace(f" {full} ", f" {short} ")
        return self.street

    def block(self, abbreviate: bool = False, upper_last: bool = True) -> list[str]:
        street = self.short_street() if abbreviate else self.street
        last = f"{self.suburb.upper() if upper_last else self.suburb} {self.state} {self.postcode}"
        if self.unit:
            if self.unit.startswith("Room"):
                return [self.unit, street, last]
            return [f"{self.unit}/{street}" if abbreviate else f"{self.unit}, {street}", last]
        return [street, last]


@dataclass
class Rep:
    given: str
    family: str
    relation: str  # "EPOA", "guardian", "next of kin", "daughter", "son", "executor", ...
    email: str
    phone: str
    address: Address | None = None
    authorised: bool = True
    client_id: str = ""  # when the representative is a registry row (receives post, pays the fees)
    title: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def salutation(self) -> str:
        return f"{self.title} {self.family}" if self.title else self.name


@dataclass
class Client:
    client_id: str
    kind: str  # "resident", "homecare", "payer"
    title: str
    given: str
    family: str
    dob: dt.date | None
    address: Address
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    number: str = ""  # resident number BGR-xxxxx, package number HCP-xxxxx, payer account BGA-xxxxx
    medicare: str = ""
    crn: str = ""
    dva: str = ""
    home: Home | None = None
    room: str = ""
    reps: list[Rep] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    extra_contacts: list[str] = field(default_factory=list)  # authorised e-mail contacts (not reps)
    needs: str = ""
    meds: list[tuple[str, str]] = field(default_factory=list)
    fee_daily: float = 0.0
    deceased: dt.date | None = None

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.given} {self.family}" if self.title else self.name

    @property
    def salutation(self) -> str:
        return f"{self.title} {self.family}" if self.title else self.name

    @property
    def initials(self) -> str:
        return self.given[0] + self.family[0]

    def references(self) -> list[str]:
        return [r for r in (self.number, self.medicare, self.crn, self.dva) if r]

    def payer(self) -> Rep | None:
        for r in self.reps:
            if r.client_id:
                return r
        return None

    def authorised_reps(self) -> list[Rep]:
        return [r for r in self.reps if r.authorised]

    def unauthorised_reps(self) -> list[Rep]:
        return [r for r in self.reps if not r.authorised]

    def age(self) -> int:
        assert self.dob
        return TODAY.year - self.dob.year - ((TODAY.month, TODAY.day) < (self.dob.month, self.dob.day))


def make_email(rng: random.Random, given: str, family: str) -> str:
    g = given.split()[-1].lower().replace("'", "")
    f = family.lower().replace(" ", "").replace("'", "")
    style = rng.randint(0, 3)
    local = [f"{g}.{f}", f"{g[0]}{f}", f"{g}{f}{rng.randint(1, 99)}", f"{f}.{g}"][style]
    return f"{local}@{rng.choice(PERSONAL_DOMAINS)}"


def landline(rng: random.Random, used: set[str]) -> str:
    while True:
        p = f"(03) 5550 {rng.randint(3000, 9999)}"
        if p not in used:
            used.add(p)
            return p


def mobile(rng: random.Random, used: set[str]) -> str:
    while True:
        p = f"0491 57{rng.randint(0, 9)} {rng.randint(0, 999):03d}"
        if p not in used:
            used.add(p)
            return p


def street_address(rng: random.Random, used: set[str], suburb: tuple[str, str, str] | None = None) -> Address:
    while True:
        sub = suburb or rng.choice(SUBURBS)
        full, _ = rng.choice(STREET_TYPES)
        street = f"{rng.randint(1, 240)} {rng.choice(STREETS)} {full}"
        unit = f"Unit {rng.randint(1, 12)}" if rng.random() < 0.12 else ""
        a = Address(street, sub[0], sub[1], sub[2], unit)
        if a.one_line() not in used:
            used.add(a.one_line())
            return a


def room_address(home: Home, room: str) -> Address:
    return Address(home.street, home.suburb, home.state, home.postcode, unit=f"Room {room}")


def home_address(home: Home) -> Address:
    return Address(home.street, home.suburb, home.state, home.postcode)


def date_long(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def date_au(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def money(x: float) -> str:
    return f"${x:,.2f}"


def latin1(s: str) -> str:
    """fpdf2's core fonts are latin-1 only."""
    return (
        s.replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2019", "'")
        .encode("latin-1", "replace")
        .decode("latin-1")
    )
