"""The health service's patients: names, addresses, identifiers and the registry (clients.csv).

Everyone here is invented. Medicare numbers carry a valid check digit computed by the public rule
(weights 1,3,7,9,1,3,7,9 over the first eight digits, modulo 10); TFNs use the public weighted-sum rule.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

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

# (given names female, given names male, family names) by origin
ORIGINS = {
    "anglo": (
        ["Margaret", "Susan", "Karen", "Jessica", "Chloe", "Brooke", "Heather", "Joan", "Kylie", "Tahlia"],
        ["Graham", "Kevin", "Darren", "Liam", "Mitchell", "Bruce", "Trevor", "Jack", "Noel", "Shane"],
        ["Thompson", "McKenzie", "Harrington", "Walsh", "Pearce", "Fitzgerald", "Cartwright", "Bell", "Ogilvie"],
    ),
    "italian": (
        ["Giuseppina", "Rosa", "Francesca", "Lucia", "Carmela"],
        ["Salvatore", "Giovanni", "Marco", "Antonio", "Vincenzo"],
        ["Russo", "Di Stefano", "Conti", "Marchetti", "Lo Presti", "Bianco"],
    ),
    "greek": (
        ["Eleni", "Despina", "Vasiliki", "Athena"],
        ["Nikolaos", "Dimitrios", "Spiros", "Con"],
        ["Papadopoulos", "Karagiannis", "Georgiou", "Economou"],
    ),
    "vietnamese": (
        ["Thi Lan", "Mai", "Huong", "Ngoc Anh"],
        ["Van Minh", "Duc", "Quang", "Thanh"],
        ["Nguyen", "Tran", "Pham", "Le", "Vo"],
    ),
    "chinese": (
        ["Mei Ling", "Xiu Ying", "Jing", "Yan"],
        ["Wei", "Jian", "Hao", "Zhi Qiang"],
        ["Chen", "Wang", "Zhou", "Liu"],
    ),
    "indian": (
        ["Priya", "Anaya", "Lakshmi", "Deepika", "Harpreet"],
        ["Aarav", "Rajesh", "Gurpreet", "Vikram", "Sanjay"],
        ["Sharma", "Patel", "Singh", "Reddy", "Iyer"],
    ),
    "filipino": (
        ["Maricel", "Rowena", "Jocelyn"],
        ["Rodel", "Arnel", "Jomar"],
        ["Santos", "dela Cruz", "Reyes", "Bautista"],
    ),
    "south_sudanese": (["Nyibol", "Achol", "Abuk"], ["Deng", "Majok", "Garang"], ["Deng", "Akol", "Mabior", "Garang"]),
    "afghan": (["Fatima", "Zahra", "Mariam"], ["Ahmad", "Mohammad", "Ali Reza"], ["Hosseini", "Rahimi", "Karimi"]),
    "lebanese": (["Rania", "Nadia", "Layla"], ["Khalil", "Elias", "Bilal"], ["Haddad", "Khoury", "Nasser"]),
    "dutch_german": (
        ["Anneke", "Ingrid", "Heidi"],
        ["Pieter", "Klaus", "Jurgen"],
        ["van der Berg", "Schmidt", "de Vries"],
    ),
    "polish": (["Agnieszka", "Halina"], ["Tomasz", "Krzysztof"], ["Kowalski", "Wiśniewski", "Nowak"]),
    "pacific": (["Mere", "Losana", "Sina"], ["Tane", "Sione", "Wiremu"], ["Ngata", "Fonoti", "Tupou", "Fifita"]),
    "nepali": (["Sita", "Gita", "Sabina"], ["Bishnu", "Ram", "Kiran"], ["Gurung", "Thapa", "Shrestha"]),
    "korean": (["Ji-woo", "Seo-yeon"], ["Min-jun", "Hyun-woo"], ["Kim", "Park", "Choi"]),
}

TOWNS = [
    ("Castlemaine", "VIC", "3450"),
    ("Maryborough", "VIC", "3465"),
    ("Ballarat", "VIC", "3350"),
    ("Bendigo", "VIC", "3550"),
    ("Daylesford", "VIC", "3460"),
    ("Kyneton", "VIC", "3444"),
    ("Maldon", "VIC", "3463"),
    ("Dunolly", "VIC", "3472"),
    ("St Arnaud", "VIC", "3478"),
    ("Avoca", "VIC", "3467"),
    ("Creswick", "VIC", "3363"),
    ("Clunes", "VIC", "3370"),
    ("Talbot", "VIC", "3371"),
    ("Inglewood", "VIC", "3517"),
    ("Heathcote", "VIC", "3523"),
    ("Harcourt", "VIC", "3453"),
    ("Newstead", "VIC", "3462"),
    ("Carisbrook", "VIC", "3464"),
]
STREETS = [
    ("Wattle", "Street"),
    ("Barker", "Street"),
    ("Mostyn", "Street"),
    ("Hargraves", "Street"),
    ("Lyttleton", "Terrace"),
    ("Gingell", "Street"),
    ("Templeton", "Street"),
    ("High", "Street"),
    ("Forest", "Road"),
    ("Ironbark", "Crescent"),
    ("Pyrenees", "Highway"),
    ("Golden Point", "Road"),
    ("Camp", "Street"),
    ("Kangaroo Flat", "Road"),
    ("Yarrayne", "Court"),
    ("Bristol Hill", "Drive"),
    ("Old Melbourne", "Road"),
    ("Settlement", "Lane"),
    ("Nelson", "Avenue"),
    ("Station", "Parade"),
]
ABBREV = {"Street": "St", "Road": "Rd", "Terrace": "Tce", "Crescent": "Cres", "Highway": "Hwy", "Court": "Ct"}
ABBREV |= {"Drive": "Dr", "Lane": "La", "Avenue": "Ave", "Parade": "Pde"}
MAIL_DOMAINS = ["bigpond.example", "gmail.example", "outlook.example", "icloud.example", "iinet.example"]


@dataclass
class Address:
    lines: list[str]  # street lines as a letter writes them (full words)
    town: str
    state: str
    postcode: str

    def one_line(self) -> str:
        return ", ".join([*self.lines, f"{self.town} {self.state} {self.postcode}"])

    def block(self, style: int = 0) -> list[str]:
        """The address as a letter's block: full or abbreviated street type, locality mixed or upper case."""
        lines = list(self.lines)
        if style % 2 == 1:
            out = []
            for ln in lines:
                for full, short in ABBREV.items():
                    if ln.endswith(" " + full):
                        ln = ln[: -len(full)] + short
                out.append(ln)
            lines = out
        loc = f"{self.town} {self.state} {self.postcode}"
        if style >= 2:
            loc = f"{self.town.upper()} {self.state}  {self.postcode}"
        return [*lines, loc]


@dataclass
class Patient:
    cid: str
    title: str
    given: str
    family: str
    dob: date
    sex: str
    address: Address
    ur: str
    medicare: str = ""
    irn: int = 1
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    role: str = "general"
    gp: int = 0

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.given} {self.family}"

    def row(self) -> dict[str, str]:
        refs = [self.ur] + ([self.medicare] if self.medicare else [])
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.address.one_line(),
            "references": ";".join(refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint),
            "authorised_contacts": ";".join(self.authorised),
        }


def medicare_check(first8: str) -> int:
    weights = (1, 3, 7, 9, 1, 3, 7, 9)
    return sum(int(d) * w for d, w in zip(first8, weights, strict=True)) % 10


def medicare_number(rng: random.Random) -> str:
    first8 = str(rng.randint(2, 6)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return f"{first8}{medicare_check(first8)}{rng.randint(1, 9)}"


def invalid_medicare(rng: random.Random) -> str:
    m = medicare_number(rng)
    bad = (int(m[8]) + rng.randint(1, 9)) % 10
    return m[:8] + str(bad) + m[9]


def medicare_written(m: str, style: int, irn: int | None = None) -> str:
    if style == 0:
        s = f"{m[:4]} {m[4:9]} {m[9]}"
    elif style == 1:
        s = m
    else:
        s = f"{m[:4]}-{m[4:9]}-{m[9]}"
    return f"{s} / {irn}" if irn else s


def tfn(rng: random.Random) -> str:
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10)
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        if digits[0] and sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 == 0:
            return "".join(map(str, digits))


def luhn_card(rng: random.Random, prefix: str = "4") -> str:
    digits = [int(c) for c in prefix] + [rng.randint(0, 9) for _ in range(15 - len(prefix))]
    total = 0
    for i, d in enumerate(reversed(digits)):
        d = d * 2 if i % 2 == 0 else d
        total += d - 9 if d > 9 else d
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def mobile(rng: random.Random) -> str:
    return f"04{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}"


def landline(rng: random.Random) -> str:
    return f"035{rng.randint(0, 9999999):07d}"


def phone_written(p: str, style: int) -> str:
    if p.startswith("04"):
        return [f"{p[:4]} {p[4:7]} {p[7:]}", p, f"+61 {p[1:4]} {p[4:7]} {p[7:]}"][style % 3]
    return [f"({p[:2]}) {p[2:6]} {p[6:]}", f"{p[:2]} {p[2:6]} {p[6:]}", p][style % 3]


def random_address(rng: random.Random, kind: str | None = None) -> Address:
    town, state, pc = rng.choice(TOWNS)
    name, typ = rng.choice(STREETS)
    n = rng.randint(1, 240)
    kind = kind or rng.choice(["house"] * 6 + ["unit", "unit", "level", "lot", "rmb", "pobox"])
    if kind == "house":
        lines = [f"{n} {name} {typ}"]
    elif kind == "unit":
        lines = (
            [f"{rng.randint(1, 24)}/{n} {name} {typ}"]
            if rng.random() < 0.6
            else [f"Unit {rng.randint(1, 12)}", f"{n} {name} {typ}"]
        )
    elif kind == "level":
        lines = [f"Level {rng.randint(1, 4)}, {n} {name} {typ}"]
    elif kind == "lot":
        lines = [f"Lot {rng.randint(1, 90)} {name} {typ}"]
    elif kind == "rmb":
        lines = [f"RMB {rng.randint(1000, 9999)} {name} {typ}"]
    else:
        lines = [f"PO Box {rng.randint(10, 999)}"]
    return Address(lines, town, state, pc)


class Registry:
    """All patients, with the named roles the cases need."""

    def __init__(self, rng: random.Random, n_general: int = 220) -> None:
        self.rng = rng
        self.patients: list[Patient] = []
        self.used_names: set[tuple[str, str]] = set()
        self.used_ur: set[str] = set()
        self.used_emails: set[str] = set()
        self.roles: dict[str, list[Patient]] = {}
        for _ in range(n_general):
            self.add(role="general")
        self._special()

    def _ur(self) -> str:
        while True:
            ur = (
                str(self.rng.randint(1000000, 1999999))
                if self.rng.random() < 0.7
                else f"{self.rng.randint(100000, 999999)}"
            )
            if ur not in self.used_ur:
                self.used_ur.add(ur)
                return ur

    def add(
        self,
        role: str = "general",
        sex: str | None = None,
        given: str | None = None,
        family: str | None = None,
        dob: date | None = None,
        address: Address | None = None,
        age: tuple[int, int] = (18, 92),
        origin: str | None = None,
    ) -> Patient:
        rng = self.rng
        sex = sex or rng.choice("FM")
        for _ in range(80):
            fem, mal, fams = ORIGINS[origin or rng.choice(list(ORIGINS))]
            g = given or rng.choice(fem if sex == "F" else mal)
            f = family or rng.choice(fams)
            if given or family or (g, f) not in self.used_names:
                break
        self.used_names.add((g, f))
        if dob is None:
            dob = date(2026, 11, 24) - timedelta(days=rng.randint(age[0] * 365, age[1] * 365))
        title = ("Ms" if rng.random() < 0.5 else "Mrs") if sex == "F" else "Mr"
        if dob.year > 2008:
            title = "Miss" if sex == "F" else "Master"
        p = Patient(
            cid=f"C{100100 + len(self.patients) * 7 + rng.randint(0, 6)}",
            title=title if rng.random() > 0.05 or dob.year > 2000 else "Dr",
            given=g,
            family=f,
            dob=dob,
            sex=sex,
            address=address or random_address(rng),
            ur=self._ur(),
            medicare=medicare_number(rng)[:10] if rng.random() < 0.85 else "",
            irn=rng.randint(1, 4),
            role=role,
            gp=rng.randint(0, 7),
        )
        if dob.year <= 2010:
            local = (
                f"{g.split()[0].lower()}.{f.replace(' ', '').lower()}{rng.randint(1, 99) if rng.random() < 0.5 else ''}"
            )
            addr = f"{local}@{rng.choice(MAIL_DOMAINS)}"
            while addr in self.used_emails:  # namesakes never share a mailbox
                addr = f"{local}{rng.randint(100, 999)}@{rng.choice(MAIL_DOMAINS)}"
            if rng.random() < 0.8:
                self.used_emails.add(addr)
                p.emails.append(addr)
            p.phones.append(mobile(rng))
            if rng.random() < 0.25:
                p.phones.append(landline(rng))
        self.patients.append(p)
        self.roles.setdefault(role, []).append(p)
        return p

    def _special(self) -> None:
        rng = self.rng
        # patients who share a name but not a date of birth
        for _ in range(3):
            a = self.add(role="samename")
            self.add(role="samename", sex=a.sex, given=a.given, family=a.family)
        # adult twins: same family name and date of birth, different homes
        a = self.add(role="adult_twin", sex="F", age=(30, 60))
        self.add(role="adult_twin", sex="M", family=a.family, dob=a.dob)
        # child twins at home with a parent
        parent = self.add(role="twin_parent", sex="F", age=(30, 45), origin="indian")
        for sex in "MF":
            kid = self.add(
                role="child_twin", sex=sex, family=parent.family, dob=date(2019, 3, 14), address=parent.address
            )
            kid.emails, kid.phones = [], []
            kid.authorised = [parent.cid] + parent.emails
        # other children with a parent or guardian
        for _ in range(4):
            par = self.add(role="parent", age=(28, 50))
            kid = self.add(role="child", family=par.family, age=(2, 15), address=par.address)
            kid.emails, kid.phones = [], []
            kid.authorised = [par.cid] + par.emails
        # couples at one address (not each other's authorised contacts: spouses are not entitled), except that
        # in the first couple she is his registered carer (by client id)
        for k in range(4):
            a = self.add(role="couple", sex="F", age=(55, 88))
            fam = a.family if rng.random() < 0.7 else None
            b = self.add(role="couple", sex="M", family=fam, address=a.address, age=(55, 90))
            if k == 0:
                b.authorised = [a.cid]
        # elderly patients with a carer, enduring guardian or medical treatment decision maker
        for i in range(4):
            p = self.add(role="guarded", age=(70, 96))
            fem, _, fams = ORIGINS["anglo"]
            rep = f"{rng.choice(fem).lower()}.{rng.choice(fams).lower()}{i}@{rng.choice(MAIL_DOMAINS)}"
            p.authorised = [rep]
        # residents of aged-care facilities (care of the facility, room number)
        for fac, street, town in [
            ("Banksia Aged Care", "22 Hospital Street", TOWNS[0]),
            ("Wattle Grove Lodge", "5 Burke Street", TOWNS[1]),
        ]:
            rooms = rng.sample(range(1, 40), 3)
            for room in rooms:
                addr = Address([f"c/- {fac}", f"Room {room}", street], *town)
                p = self.add(role="aged_care", address=addr, age=(78, 99))
                p.emails, p.phones = [], []
                p.authorised = [f"care.manager@{fac.split()[0].lower()}care.example"]
        # family violence: her new address, phone and email are suppressed; he lives at her old address
        old = random_address(rng, "house")
        ex = self.add(role="fv_ex", sex="M", address=old, age=(30, 50))
        her = self.add(role="fv", sex="F", address=random_address(rng, "pobox"), age=(28, 45))
        her.title = "Ms"
        her.suppressed = ["postal_address", "phone", "email"]
        sister = f"{rng.choice(ORIGINS['anglo'][0]).lower()}.{her.family.replace(' ', '').lower()}@gmail.example"
        her.authorised = [sister]
        ex.authorised = [her.cid]  # he named her as his next of kin years ago and never changed it
        her.emails = [f"{her.given[0].lower()}{her.family.replace(' ', '').lower()}.private@outlook.example"]
        self.roles["fv_sister"] = []
        self.sister_email = sister
        self.fv_old_address = old
        # a second survivor: only her address is suppressed; her ex-partner at the old address
        old2 = random_address(rng, "unit")
        self.add(role="fv_ex", sex="M", address=old2, age=(30, 55))
        her2 = self.add(role="fv", sex="F", address=random_address(rng, "house"), age=(25, 50))
        her2.title = "Ms"
        her2.suppressed = ["postal_address", "phone"]
        self.fv_old_address2 = old2

    def role(self, name: str) -> list[Patient]:
        return self.roles.get(name, [])

    def general(self, k: int, exclude: set[str] | None = None) -> list[Patient]:
        pool = [p for p in self.roles["general"] if not exclude or p.cid not in exclude]
        return self.rng.sample(pool, k)

    def csv_text(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for p in self.patients:
            w.writerow(p.row())
        return buf.getvalue()
