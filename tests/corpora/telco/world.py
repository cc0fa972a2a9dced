"""The invented world: names, places, phone numbers and checksum-valid identifiers (no real people)."""

from __future__ import annotations

import random
from dataclasses import dataclass

ORG = "Tallowood Telecom"
ORG_LEGAL = "Tallowood Telecom Pty Ltd"
DOMAIN = "tallowoodtelecom.example"
BILLS_DOMAIN = "bills.tallowoodtelecom.example"
OMBUDSMAN_DOMAIN = "telcoombudsman.example"
COLLECTIONS_DOMAIN = "baycrestcollections.example"
WHOLESALE_DOMAIN = "netlink-wholesale.example"
WRONG_AGENCY_DOMAIN = "baycrestrecoveries.example"  # a look-alike, not the contracted agency
SAFETY_TEAM = [f"customer.safety@{DOMAIN}", f"k.whitlam-ross@{DOMAIN}", f"t.nguyen-hall@{DOMAIN}"]
LEGAL_TEAM = f"lawful.disclosure@{DOMAIN}"
ORG_PHONE = "13 42 86"
ORG_FAX = "(03) 9012 4410"
ORG_POSTAL = "Locked Bag 4410, Docklands VIC 3008"

GIVEN = {
    "anglo": ["Sarah", "James", "Emily", "Liam", "Chloe", "Jack", "Olivia", "Noah", "Grace", "Tom", "Megan", "Brody"],
    "aboriginal": ["Jarrah", "Kirra", "Tjandamurra", "Marlee", "Bindi", "Yindi", "Kalinda", "Warrick"],
    "vietnamese": ["Minh", "Thanh", "Linh", "Quang", "Huong", "Tuan", "Mai", "Duc", "Ngoc", "Bao"],
    "arabic": ["Fatima", "Omar", "Layla", "Ahmad", "Yasmin", "Khaled", "Rania", "Tariq", "Nour"],
    "greek": ["Eleni", "Nikos", "Georgia", "Dimitri", "Sophia", "Kostas", "Anastasia", "Yiannis"],
    "italian": ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Matteo", "Rosa", "Salvatore"],
    "chinese": ["Wei", "Mei", "Jun", "Xiaoling", "Hao", "Yan", "Li Na", "Zhi"],
    "indian": ["Priya", "Arjun", "Ananya", "Rahul", "Deepika", "Sanjay", "Kavya", "Vikram"],
    "filipino": ["Maricel", "Jose", "Rowena", "Arnel", "Cherry", "Rodel", "Jocelyn", "Ramon"],
    "pacific": ["Sione", "Losana", "Tevita", "Mele", "Iosefa", "Salote", "Viliami", "Ana"],
}
FAMILY = {
    "anglo": [
        "Thompson",
        "Walsh",
        "Fletcher",
        "Campbell",
        "Harris",
        "Bennett",
        "Mitchell-Reid",
        "O'Connor",
        "Kelly",
        "Sutherland",
        "Prescott",
        "O'Brien",
    ],
    "aboriginal": [
        "Mundine",
        "Watego",
        "Yunupingu",
        "Kelly-Roberts",
        "Bamblett",
        "Djerrkura",
        "Mirritji",
        "Weatherall",
    ],
    "vietnamese": ["Nguyen", "Tran", "Le", "Pham", "Huynh", "Vo", "Dang", "Bui"],
    "arabic": ["Haddad", "El-Masri", "Khoury", "Nasser", "Saleh", "Abdallah", "Hamdan", "Al-Rashid"],
    "greek": ["Papadopoulos", "Georgiou", "Konstantinidis", "Nikolaou", "Dimitriou", "Vlahos"],
    "italian": ["Rossi", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "D'Angelo", "De Luca"],
    "chinese": ["Wang", "Chen", "Zhang", "Liu", "Huang", "Zhou", "Wu", "Lam"],
    "indian": ["Sharma", "Patel", "Iyer", "Reddy", "Singh", "Menon", "Krishnan", "Das"],
    "filipino": ["Santos", "Reyes", "Dela Cruz", "Bautista", "Villanueva", "Mendoza", "Aquino", "Ramos"],
    "pacific": ["Tupou", "Fifita", "Leota", "Taufa", "Vaipulu", "Faleolo", "Soliai", "Mahe"],
}

# (suburb, state, postcode, area code of landlines there)
PLACES = [
    ("Bendigo", "VIC", "3550", "03"),
    ("Footscray", "VIC", "3011", "03"),
    ("Dandenong", "VIC", "3175", "03"),
    ("Geelong West", "VIC", "3218", "03"),
    ("Shepparton", "VIC", "3630", "03"),
    ("Sunshine", "VIC", "3020", "03"),
    ("Parramatta", "NSW", "2150", "02"),
    ("Blacktown", "NSW", "2148", "02"),
    ("Wagga Wagga", "NSW", "2650", "02"),
    ("Cabramatta", "NSW", "2166", "02"),
    ("Dubbo", "NSW", "2830", "02"),
    ("Penrith", "NSW", "2750", "02"),
    ("Logan Central", "QLD", "4114", "07"),
    ("Toowoomba", "QLD", "4350", "07"),
    ("Cairns North", "QLD", "4870", "07"),
    ("Ipswich", "QLD", "4305", "07"),
    ("Elizabeth", "SA", "5112", "08"),
    ("Mount Gambier", "SA", "5290", "08"),
    ("Midland", "WA", "6056", "08"),
    ("Mirrabooka", "WA", "6061", "08"),
    ("Launceston", "TAS", "7250", "03"),
    ("Glenorchy", "TAS", "7010", "03"),
    ("Palmerston", "NT", "0830", "08"),
    ("Belconnen", "ACT", "2617", "02"),
]
STREETS = [
    "Wattle",
    "Banksia",
    "Grevillea",
    "Jacaranda",
    "Ironbark",
    "Kurrajong",
    "Bottlebrush",
    "Waratah",
    "Mallee",
    "Coolabah",
    "Boronia",
    "Lilly Pilly",
    "Sturt",
    "Macquarie",
    "Hovell",
    "Flinders",
    "Tasman",
    "Yarra",
    "Murray",
    "Lachlan",
    "Heritage",
    "Station",
    "Church",
    "Railway",
]
STREET_TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Crescent", "Cres"),
    ("Place", "Pl"),
    ("Drive", "Dr"),
    ("Parade", "Pde"),
    ("Close", "Cl"),
    ("Terrace", "Tce"),
]
MAIL_DOMAINS = ["postbox.example", "inbox-mail.example", "ozmail.example", "koalamail.example", "fastnet.example"]


@dataclass
class Address:
    unit: str
    number: str
    street: str
    stype: tuple[str, str]
    suburb: str
    state: str
    postcode: str

    def line(self) -> str:
        """The registry's one-line form: `3/14 Wattle Street, Bendigo VIC 3550`."""
        return f"{self.street_line()}, {self.suburb} {self.state} {self.postcode}"

    def street_line(self, short: bool = False) -> str:
        t = self.stype[1] if short else self.stype[0]
        num = f"{self.unit}/{self.number}" if self.unit else self.number
        return f"{num} {self.street} {t}"

    def lines(self, style: int = 0) -> list[str]:
        """Ways letters write the same address on two or three lines."""
        last = f"{self.suburb.upper()} {self.state} {self.postcode}"
        if style == 1:
            return [self.street_line(short=True), f"{self.suburb.upper()}  {self.state}  {self.postcode}"]
        if style == 2 and self.unit:
            return [f"Unit {self.unit}", f"{self.number} {self.street} {self.stype[0]}", last]
        if style == 3:
            return [self.street_line(), f"{self.suburb} {self.state} {self.postcode}"]
        return [self.street_line(short=style == 4), last]


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = [c for c in number if c.isdigit()]
    return luhn_digit("".join(digits[:-1])) == digits[-1]


def card_number(rng: random.Random) -> str:
    prefix = rng.choice(["4", "51", "52", "53", "54", "55"])
    body = prefix + "".join(rng.choice("0123456789") for _ in range(15 - len(prefix)))
    n = body + luhn_digit(body)
    return " ".join(n[i : i + 4] for i in range(0, 16, 4))


ABN_WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]


def abn_ok(abn: str) -> bool:
    d = [int(c) for c in abn if c.isdigit()]
    d[0] -= 1
    return len(d) == 11 and sum(w * x for w, x in zip(ABN_WEIGHTS, d, strict=True)) % 89 == 0


def abn(rng: random.Random) -> str:
    """An ABN by the published algorithm: subtract 1 from the first digit, weighted sum divisible by 89."""
    rest = "".join(rng.choice("0123456789") for _ in range(9))
    for head in range(11, 100):  # check digits run 11..99 (10 and 99 collide)
        cand = f"{head}{rest}"
        if abn_ok(cand):
            return f"{cand[:2]} {cand[2:5]} {cand[5:8]} {cand[8:]}"
    raise AssertionError("no ABN prefix")  # every residue mod 89 is reachable


def medicare_number(rng: random.Random) -> str:
    """Medicare card number: first digit 2-6, check digit = weighted sum of the first 8 mod 10, issue number."""
    first8 = str(rng.randint(2, 6)) + "".join(rng.choice("0123456789") for _ in range(7))
    check = sum(int(c) * w for c, w in zip(first8, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    n = f"{first8}{check}{rng.randint(1, 5)}"
    return f"{n[:4]} {n[4:9]} {n[9]}"


class Numbers:
    """Hands out phone numbers, account numbers and e-mail addresses that are never used twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make) -> str:
        while True:
            v = make()
            if v not in self.used:
                self.used.add(v)
                return v

    def mobile(self) -> str:
        r = self.rng
        return self._fresh(lambda: f"04{r.randint(0, 9)}{r.randint(0, 9)} {r.randint(100, 999)} {r.randint(100, 999)}")

    def landline(self, area: str) -> str:
        r = self.rng
        first = {"02": "9", "03": "9", "07": "3", "08": "8"}[area]
        return self._fresh(lambda: f"({area}) {first}{r.randint(100, 999)} {r.randint(1000, 9999)}")

    def account(self, business: bool = False) -> str:
        r = self.rng
        lead = "7" if business else "6"
        return self._fresh(lambda: f"{lead}{r.randint(100, 999)} {r.randint(100, 999)} {r.randint(100, 999)}")

    def address(self, place=None) -> Address:
        r = self.rng

        def make() -> str:
            return "|".join([str(r.randint(1, 9)) if r.random() < 0.25 else "", str(r.randint(1, 240))])

        unit, number = self._fresh(make).split("|")
        sub, state, pc, _ = place or r.choice(PLACES)
        return Address(unit, number, r.choice(STREETS), r.choice(STREET_TYPES), sub, state, pc)

    def email(self, given: str, family: str, domain: str | None = None) -> str:
        r = self.rng
        g = given.lower().replace(" ", "").replace("'", "")
        f = family.lower().replace(" ", "").replace("'", "")

        def make() -> str:
            style = r.randint(0, 3)
            local = [f"{g}.{f}", f"{g[0]}{f}", f"{g}{f}{r.randint(1, 99)}", f"{f}.{g}{r.randint(60, 99)}"][style]
            return f"{local}@{domain or r.choice(MAIL_DOMAINS)}"

        return self._fresh(make)


def compact(number: str) -> str:
    return "".join(c for c in number if c.isdigit())


def intl(mobile: str) -> str:
    d = compact(mobile)
    return f"+61 {d[1:4]} {d[4:7]} {d[7:]}"


# The retailer's own ABN (on every letterhead; not a client's identifier).
ORG_ABN = abn(random.Random(20260301))
