"""The invented world: names, places, the service's partners and checksum-valid identifiers.

Everything here is made up. Identifiers are built with the published algorithms (TFN weights mod 11, Medicare
weights mod 10, ABN weights mod 89, Luhn for cards) so that a checksum-aware scanner recognises them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

STATE = "WA"
ORG = "Victims Support and Notification Service"
ORG_SHORT = "VSNS"
INTERNAL = "vsns.justice.wa.gov.example"
ORG_ADDRESS = ["Level 7, 140 Treasury Lane", "PERTH WA 6000"]
ORG_POSTAL = "GPO Box 3120, PERTH WA 6001"
ORG_PHONE = "1800 818 408"
ORG_REGISTER_PHONE = "(08) 9264 1700"
ORG_FAX = "(08) 9264 1799"

# Approved third parties: police, prosecutors, the parole board, courts, corrections (DESIGN §3: they may receive
# a client's information, but never a suppressed detail and never bulk data).
POLICE = "police.wa.gov.example"
DPP = "dpp.wa.gov.example"
PAROLE = "paroleboard.wa.gov.example"
COURTS = "courts.wa.gov.example"
CORRECTIONS = "corrections.wa.gov.example"
APPROVED = [POLICE, DPP, PAROLE, COURTS, CORRECTIONS]

SAFETY_TEAM = [f"safety.team@{INTERNAL}", f"registrar@{INTERNAL}"]

STAFF = [
    ("Megan", "Fitzgerald", "Case Manager, Financial Assistance"),
    ("Daniel", "Okafor", "Victims Register Officer"),
    ("Huong", "Pham", "Court Support Coordinator"),
    ("Rashid", "Karimi", "Senior Assessor"),
    ("Tamsin", "Boyle", "Victims Register Officer"),
    ("Leon", "Narkle", "Aboriginal Liaison Officer"),
    ("Priscilla", "Vella", "Client Services Officer"),
    ("George", "Andreou", "Payments Officer"),
]
SAFETY_STAFF = ("Anouk", "Dekker", "Safety and Suppression Team")


def staff_email(given: str, family: str) -> str:
    return f"{given.lower()}.{family.lower()}@{INTERNAL}"


# Offenders are never clients. Their names are drawn from their own lists so they never equal a client's.
OFFENDER_GIVEN = ["Bradley", "Shane", "Troy", "Dwayne", "Jarrod", "Kieran", "Clint", "Rhys", "Damo", "Brett"]
OFFENDER_FAMILY = ["Kettering", "Morrow", "Slade", "Pickering", "Voss", "Hendry", "Crane", "Dolby", "Marsh", "Tolland"]
DEFENCE_FIRMS = [
    ("Hendry Crane Criminal Lawyers", "hclawyers.example"),
    ("Westside Defence Chambers", "westsidedefence.example"),
    ("Pardoe & Quill Barristers", "pardoequill.example"),
]
CLIENT_LAW_FIRMS = [
    ("Nguyen Legal", "nguyenlegal.example"),
    ("Harbour Community Legal Centre", "harbourclc.example"),
    ("Kimberley Aboriginal Legal Service", "kals-legal.example"),
    ("Moretti & Associates", "morettilaw.example"),
    ("Women's Legal Service", "wlsw.example"),
]
SUPPORT_ORGS = [
    ("Safe Harbour Family Violence Service", "safeharbour.example"),
    ("Multicultural Women's Support Network", "mwsn.example"),
    ("Yorgum Healing Support", "yorgumhealing.example"),
]
PROVIDERS = [
    ("Harbourside Counselling", "harbourside-counselling.example", "Dr Julia Stavros"),
    ("Banksia Psychology Group", "banksiapsych.example", "Ms Aroha Tane"),
    ("Southern Cross Trauma Clinic", "sxtrauma.example", "Dr Samir Haddad"),
    ("Kurrajong Medical Centre", "kurrajongmedical.example", "Dr Fiona Leckie"),
    ("Riverside Physiotherapy", "riversidephysio.example", "Mr Tom Albrecht"),
]
MAIL_DOMAINS = ["mailbox.example", "inet.example", "fastmail.example", "bigpond.example", "outlook.example"]

NAMES = {
    "anglo": (
        ["Sarah", "Emily", "Jessica", "Rebecca", "Karen", "Michelle", "Chloe", "Kylie", "Hannah", "Brooke"],
        ["James", "Matthew", "Nathan", "Craig", "Liam", "Patrick", "Ryan", "Stuart"],
        ["Smith", "O'Brien", "O'Connor", "McKenzie", "Thompson", "Walsh", "Murphy", "Campbell-Reid", "Harris", "Byrne"],
    ),
    "aboriginal": (
        ["Kirra", "Marlee", "Jedda", "Kalinda", "Bindi", "Tanika", "Shaylee", "Koorine"],
        ["Jarrah", "Tyson", "Jayden", "Kobi", "Darius", "Corey"],
        ["Yarran", "Ugle", "Kickett", "Ninyette", "Garlett", "Wallam", "Winmar", "Bropho", "Councillor", "Hayward"],
    ),
    "vietnamese": (
        ["Thi Lan", "Thanh Huong", "Linh", "Mai", "Ngoc Anh", "Thuy"],
        ["Minh", "Quang", "Bao", "Duc", "Tuan", "Van Hai"],
        ["Nguyen", "Tran", "Le", "Pham", "Huynh", "Vo", "Dang"],
    ),
    "arabic": (
        ["Fatima", "Layla", "Yasmin", "Rania", "Mariam", "Noor"],
        ["Omar", "Ahmad", "Khaled", "Youssef", "Bilal", "Tariq"],
        ["Haddad", "Khoury", "Al-Masri", "El-Hassan", "Nasser", "Saleh", "Abboud"],
    ),
    "greek": (
        ["Eleni", "Georgia", "Sofia", "Despina", "Katerina"],
        ["Dimitri", "Kosta", "Nikos", "Yianni"],
        ["Papadopoulos", "Georgiou", "Konstantinidis", "Nikolaidis", "Christodoulou"],
    ),
    "italian": (
        ["Giulia", "Francesca", "Antonella", "Chiara", "Rosaria"],
        ["Marco", "Luca", "Salvatore", "Giuseppe"],
        ["Rossi", "Romano", "Esposito", "De Luca", "Ferrara", "Lo Bianco", "Di Stefano"],
    ),
    "chinese": (
        ["Mei Ling", "Xiao Yan", "Hui", "Jing", "Yu Ting"],
        ["Wei", "Jun", "Hao", "Zhi Qiang"],
        ["Wang", "Li", "Zhang", "Chen", "Liu", "Huang", "Zhou"],
    ),
    "indian": (
        ["Priya", "Anjali", "Deepa", "Harpreet", "Kavitha", "Sunita"],
        ["Arjun", "Rohan", "Vikram", "Gurpreet", "Sanjay"],
        ["Sharma", "Patel", "Singh", "Iyer", "Reddy", "Kaur", "D'Souza", "Menon"],
    ),
    "pacific": (
        ["Losana", "Mele", "Ana", "Salote", "Leilani"],
        ["Sione", "Tevita", "Viliami", "Manu", "Semisi"],
        ["Tuilagi", "Fifita", "Tupou", "Leota", "Ma'afu", "Taufa", "Fonoti-Aumua"],
    ),
}
WEIGHTS = {
    "anglo": 30,
    "aboriginal": 12,
    "vietnamese": 10,
    "arabic": 9,
    "greek": 7,
    "italian": 8,
    "chinese": 9,
    "indian": 9,
    "pacific": 6,
}

SUBURBS = [
    ("Ashbourne", "6112"),
    ("Banksia Park", "6155"),
    ("Coolinup", "6210"),
    ("Dunmore Heights", "6061"),
    ("Eldergrove", "6027"),
    ("Ferndale Vale", "6148"),
    ("Gilgarra", "6530"),
    ("Harbour Point", "6160"),
    ("Illawong Ridge", "6065"),
    ("Jarrahdale North", "6124"),
    ("Karrinyup Waters", "6018"),
    ("Lakeside", "6169"),
    ("Marlee Creek", "6090"),
    ("Nambeelup Park", "6207"),
    ("Pelican Bay", "6230"),
    ("Quinns Landing", "6030"),
    ("Redgum Flat", "6333"),
    ("Salmon Gums Vale", "6445"),
    ("Tuart Hill West", "6060"),
    ("Upper Swan Ridge", "6069"),
    ("Victoria Springs", "6103"),
    ("Wandoo Park", "6107"),
    ("Yalgoo Creek", "6635"),
    ("Zamia Heights", "6108"),
    ("Koombana Shores", "6232"),
    ("Mount Clarence Vale", "6330"),
    ("Boulder Ridge", "6432"),
    ("Halls Head Quays", "6210"),
]
STREETS = [
    "Wattle",
    "Banksia",
    "Jarrah",
    "Marri",
    "Karri",
    "Tuart",
    "Acacia",
    "Boronia",
    "Grevillea",
    "Kurrajong",
    "Hakea",
    "Melaleuca",
    "Casuarina",
    "Currawong",
    "Kookaburra",
    "Railway",
    "Station",
    "Pioneer",
    "Federation",
    "Coronation",
    "Kingfisher",
    "Heron",
    "Saltbush",
    "Quandong",
    "Bottlebrush",
]
STREET_TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Place", "Pl"),
    ("Court", "Ct"),
    ("Parade", "Pde"),
    ("Way", "Way"),
    ("Close", "Cl"),
]
COURTS_LIST = [
    ("District Court", "500 Hay Street, Perth"),
    ("Magistrates Court", "501 Hay Street, Perth"),
    ("Supreme Court", "Stirling Gardens, Barrack Street, Perth"),
    ("Children's Court", "160 Pier Street, Perth"),
    ("Bunbury Courthouse", "Stephen Street, Bunbury"),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Address:
    unit: str
    number: int
    street: str
    stype: int
    suburb: str
    postcode: str

    def line1(self, short: bool = False) -> str:
        full, abbr = STREET_TYPES[self.stype]
        head = f"{self.unit}/{self.number}" if self.unit else str(self.number)
        return f"{head} {self.street} {abbr if short else full}"

    def one_line(self) -> str:
        return f"{self.line1()}, {self.suburb} {STATE} {self.postcode}"

    def block(self, style: int = 0) -> list[str]:
        """Two lines as letters write them: abbreviated street and an upper-case locality, or as registered."""
        if style == 0:
            return [self.line1(short=True), f"{self.suburb.upper()} {STATE} {self.postcode}"]
        if style == 1:
            return [self.line1(), f"{self.suburb} {STATE} {self.postcode}"]
        return [self.line1(short=True), f"{self.suburb.upper()}  {STATE}  {self.postcode}"]

    def suburb_line(self) -> str:
        return f"{self.suburb} {STATE} {self.postcode}"


def new_address(rng: random.Random) -> Address:
    suburb, postcode = rng.choice(SUBURBS)
    unit = str(rng.randint(1, 24)) if rng.random() < 0.22 else ""
    return Address(unit, rng.randint(1, 180), rng.choice(STREETS), rng.randrange(len(STREET_TYPES)), suburb, postcode)


def mobile(rng: random.Random) -> str:
    d = f"04{rng.randint(10, 99)}{rng.randint(0, 999999):06d}"
    return f"{d[:4]} {d[4:7]} {d[7:]}"


def landline(rng: random.Random) -> str:
    return f"(08) 9{rng.randint(100, 999)} {rng.randint(0, 9999):04d}"


def phone_variant(phone: str, style: int) -> str:
    """The same number written as people write it."""
    digits = "".join(c for c in phone if c.isdigit())
    if style == 0:
        return phone
    if style == 1:
        return digits
    if digits.startswith("04"):
        return f"+61 {digits[1:4]} {digits[4:7]} {digits[7:]}"
    return f"{digits[:2]} {digits[2:6]} {digits[6:]}"


# --- identifiers -------------------------------------------------------------------------------------------


def tfn(rng: random.Random) -> str:
    weights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        for last in range(10):
            total = sum(d * w for d, w in zip(digits + [last], weights, strict=True))
            if total % 11 == 0:
                s = "".join(map(str, digits + [last]))
                return f"{s[:3]} {s[3:6]} {s[6:]}"


def medicare(rng: random.Random) -> str:
    digits = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(d * w for d, w in zip(digits, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    s = "".join(map(str, digits + [check, rng.randint(1, 5)]))
    return f"{s[:4]} {s[4:9]} {s[9]}"


def abn(rng: random.Random) -> str:
    weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(10)]
        adj = [digits[0] - 1] + digits[1:]
        if sum(d * w for d, w in zip(adj, weights, strict=True)) % 89 == 0:
            s = "".join(map(str, digits))
            return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"


def luhn_card(rng: random.Random) -> str:
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    s = "".join(map(str, digits + [(10 - total % 10) % 10]))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


def bank(rng: random.Random) -> tuple[str, str]:
    return f"{rng.randint(0, 999):03d}-{rng.randint(0, 999):03d}", f"{rng.randint(10000000, 99999999)}"


def long_date(y: int, m: int, d: int) -> str:
    return f"{d} {MONTHS[m - 1]} {y}"
