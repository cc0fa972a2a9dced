"""The invented agency, its offices, approved parties and the name and street pools (all made up)."""

from __future__ import annotations

import random
from dataclasses import dataclass

AGENCY = "Harbourline Property Management"
INTERNAL = "harbourline.example"
ABN = "ABN 51 824 753 556"
BONDS = "rentalbonds.nsw.example"
TRIBUNAL = "ncat.nsw.example"
INSURER = "landlordcover.example"
STRATA = "eastbridge-strata.example"
TRADES = {
    "plumbing": ("Rapidflow Plumbing Pty Ltd", "rapidflow-plumbing.example", "jobs"),
    "electrical": ("Sparkright Electrical", "sparkright-electrical.example", "workorders"),
    "locks": ("Harbour Locks & Keys", "harbourlocks.example", "service"),
    "pest": ("Greenguard Pest Control", "greenguardpest.example", "bookings"),
}
APPROVED = [BONDS, TRIBUNAL, INSURER, STRATA] + [d for _, d, _ in TRADES.values()]
# Sole traders the agency uses who mail from consumer providers; not approved in dlp.toml.
SOLE_TRADERS = [
    ("Davo's Handyman Services", "davo.handyman@inboxmail.example"),
    ("K. Petrakis Gutters & Roofs", "kpetrakis.roofing@ozmail.example"),
    ("Tui Lawn & Garden", "tui.lawns@bigpond.example"),
]
FV_STAFF = ["safety.team@harbourline.example", "k.mbeki@harbourline.example"]
STAFF = [
    ("Kagiso Mbeki", "k.mbeki", "Senior Property Manager"),
    ("Lauren Fitzgerald", "l.fitzgerald", "Property Manager"),
    ("Tomasz Wojcik", "t.wojcik", "Property Manager"),
    ("Ana Folau", "a.folau", "Leasing Consultant"),
    ("Riya Deshmukh", "r.deshmukh", "Trust Accountant"),
    ("Ben Castellano", "b.castellano", "Property Manager"),
    ("Mei Lin Tan", "m.tan", "Assistant Property Manager"),
]


@dataclass(frozen=True)
class Office:
    """One branch: its street address and phone, printed on every letter."""

    name: str
    line1: str
    suburb: str
    postcode: str
    phone: str
    mailbox: str

    @property
    def address(self) -> str:
        return f"{self.line1}, {self.suburb} NSW {self.postcode}"


OFFICES = [
    Office("Parramatta", "Shop 3, 41 Marsden Street", "Parramatta", "2150", "(02) 9635 4410", "parramatta"),
    Office("Penrith", "118 Henry Street", "Penrith", "2750", "(02) 4721 8830", "penrith"),
    Office("Wollongong", "Level 1, 62 Crown Street", "Wollongong", "2500", "(02) 4228 1905", "wollongong"),
    Office("Newcastle", "27 Darby Street", "Cooks Hill", "2300", "(02) 4926 3371", "newcastle"),
]
HEAD_PHONE = "1300 427 268"
# The Parramatta office is a shop in a mixed-use tower; the agency manages some of its residential units.
TOWER = ("41", "Marsden Street", "Parramatta", "2150")

SUBURBS = {
    "Parramatta": [
        ("Harris Park", "2150"),
        ("Westmead", "2145"),
        ("Granville", "2142"),
        ("Merrylands", "2160"),
        ("North Parramatta", "2151"),
        ("Toongabbie", "2146"),
        ("Wentworthville", "2145"),
    ],
    "Penrith": [
        ("Kingswood", "2747"),
        ("Emu Plains", "2750"),
        ("St Marys", "2760"),
        ("Glenmore Park", "2745"),
        ("Cambridge Park", "2747"),
        ("Werrington", "2747"),
    ],
    "Wollongong": [
        ("Fairy Meadow", "2519"),
        ("Corrimal", "2518"),
        ("Figtree", "2525"),
        ("Thirroul", "2515"),
        ("Dapto", "2530"),
        ("Gwynneville", "2500"),
    ],
    "Newcastle": [
        ("Hamilton", "2303"),
        ("Mayfield", "2304"),
        ("Merewether", "2291"),
        ("Lambton", "2299"),
        ("Adamstown", "2289"),
        ("Wallsend", "2287"),
    ],
}
OWNER_SUBURBS = [
    ("Mosman", "NSW", "2088"),
    ("Castle Hill", "NSW", "2154"),
    ("Strathfield", "NSW", "2135"),
    ("Hawthorn", "VIC", "3122"),
    ("Bulimba", "QLD", "4171"),
    ("Kiama", "NSW", "2533"),
    ("Killara", "NSW", "2071"),
    ("Epping", "NSW", "2121"),
    ("Terrigal", "NSW", "2260"),
    ("Bowral", "NSW", "2576"),
    ("Norwood", "SA", "5067"),
    ("Belconnen", "ACT", "2617"),
]
STREETS = [
    "Wattle",
    "Banksia",
    "Kurrajong",
    "Jacaranda",
    "Bottlebrush",
    "Ironbark",
    "Lilly Pilly",
    "Waratah",
    "Grevillea",
    "Boronia",
    "Tallowwood",
    "Casuarina",
    "Myrtle",
    "Spotted Gum",
    "Melaleuca",
    "Acacia",
    "Blackbutt",
    "Coolabah",
    "Brush Box",
    "Illawarra",
    "Macquarie",
    "Bligh",
    "Hunter",
    "Kembla",
    "Nepean",
    "Hawkesbury",
    "Lachlan",
    "Cowper",
    "Wentworth",
    "Dunmore",
    "Keira",
    "Corrimal",
    "Bellambi",
    "Tudor",
    "Railway",
    "Station",
    "Victoria",
    "Albert",
    "Fennell",
    "O'Connell",
    "Ross-Smith",
    "Carrington",
]
TYPES = [
    ("Street", "St"),
    ("Avenue", "Ave"),
    ("Road", "Rd"),
    ("Crescent", "Cres"),
    ("Parade", "Pde"),
    ("Place", "Pl"),
    ("Close", "Cl"),
    ("Lane", "La"),
    ("Drive", "Dr"),
]
GIVEN_F = [
    "Priya",
    "Siobhan",
    "Mei",
    "Aroha",
    "Fatima",
    "Chloe",
    "Ngozi",
    "Yuki",
    "Hannah",
    "Sofia",
    "Leilani",
    "Amira",
    "Olivia",
    "Thi Lan",
    "Bridget",
    "Zainab",
    "Catalina",
    "Ingrid",
    "Mele",
    "Anjali",
    "Grace",
    "Nadia",
    "Rosa",
    "Kirra",
    "Eleni",
    "Jasmine",
    "Hyun-ji",
    "Tahlia",
    "Marguerite",
    "Deepa",
    "Ayesha",
    "Lucia",
    "Wiremu",
    "Imogen",
    "Svetlana",
    "Abena",
    "Farida",
    "Keiko",
    "Maeve",
    "Lan",
    "Parisa",
    "Nomvula",
    "Ruth",
    "Charlotte",
    "Esther",
    "Joanna",
    "Valentina",
    "Noor",
    "Ebony",
    "Alinta",
]
GIVEN_M = [
    "Daniel",
    "Rahul",
    "Wei",
    "Tamati",
    "Omar",
    "Liam",
    "Chukwuemeka",
    "Hiroshi",
    "Connor",
    "Mateo",
    "Sione",
    "Karim",
    "Jack",
    "Minh",
    "Declan",
    "Bilal",
    "Andres",
    "Lars",
    "Viliami",
    "Arjun",
    "Samuel",
    "Yusuf",
    "Marco",
    "Jarrah",
    "Nikos",
    "Ethan",
    "Jae-won",
    "Cooper",
    "Thierry",
    "Sanjay",
    "Hamza",
    "Luca",
    "Rangi",
    "Oscar",
    "Dmitri",
    "Kwame",
    "Reza",
    "Kenji",
    "Fergus",
    "Quang",
    "Darius",
    "Thabo",
    "Isaac",
    "Henry",
    "Elijah",
    "Patrick",
    "Diego",
    "Ali",
    "Mitchell",
    "Bayu",
]
FAMILY = [
    "Nguyen",
    "O'Sullivan",
    "Chen",
    "Ngata",
    "Haddad",
    "Williams",
    "Okafor",
    "Tanaka",
    "Murphy",
    "Garcia",
    "Tupou",
    "Mansour",
    "Smith",
    "Tran",
    "Gallagher",
    "Rahman",
    "Rodriguez",
    "Lindqvist",
    "Fifita",
    "Sharma",
    "Brown",
    "Hussain",
    "Rossi",
    "Walker",
    "Papadopoulos",
    "Taylor",
    "Kim",
    "Anderson",
    "Dubois",
    "Patel",
    "Siddiqui",
    "Ferrari",
    "Parata",
    "Wilson",
    "Ivanova",
    "Mensah",
    "Karimi",
    "Watanabe",
    "MacLeod",
    "Pham",
    "Mohammadi",
    "Dlamini",
    "Cohen",
    "Thompson",
    "Levi",
    "Kowalski",
    "Moreno",
    "Abdullah",
    "Baker",
    "Santoso",
    "Fernando",
    "Mehta",
    "Kaur",
    "Singh",
    "Le",
    "Wong",
    "Lam",
    "Zhang",
    "Liu",
    "Yilmaz",
    "Demir",
    "Aziz",
    "Nakamura",
    "Jovanovic",
    "Petrovic",
    "Novak",
    "Horvat",
    "Kovacs",
    "Nagy",
    "Olsen",
    "Berg",
    "Campbell",
    "Stewart",
    "Fraser",
    "Costa",
    "Silva",
    "Pereira",
    "Mwangi",
    "Odhiambo",
    "Adeyemi",
    "Bello",
    "Tiwari",
    "Iyer",
    "Reddy",
    "Bui",
    "Vo",
    "Do",
    "Ho",
    "Jung",
    "Park",
    "Choi",
    "Yamamoto",
    "Kaya",
    "Smith-Jones",
    "D'Angelo",
    "Van der Berg",
    "Fa'asavalu",
    "Tawhiri",
    "Nakashima",
    "Ahmadi",
    "Farah",
]


def mobile(rng: random.Random) -> str:
    """An invented Australian mobile number, written 04xx xxx xxx."""
    return f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def luhn_card(rng: random.Random) -> str:
    """A checksum-valid 16-digit card number (test range), written in groups of four."""
    digits = [4, 5, 6, 4] + [rng.randint(0, 9) for _ in range(11)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        total += (d * 2 - 9 if d > 4 else d * 2) if i % 2 == 0 else d
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


def medicare(rng: random.Random) -> str:
    """A checksum-valid Medicare card number, written 2123 45670 1."""
    d = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(x * w for x, w in zip(d, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    s = "".join(map(str, d)) + str(check) + str(rng.randint(1, 9))
    return f"{s[:4]} {s[4:9]} {s[9]}"
