"""Synthetic people: names from many backgrounds, and the client record every scenario draws on."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from .org import Party, Person
from .places import Address

FEMALE = (
    "Olivia",
    "Charlotte",
    "Mia",
    "Amelia",
    "Isla",
    "Grace",
    "Chloé",
    "Zoë",
    "Renée",
    "Sarah",
    "Jessica",
    "Emma",
    "Priya",
    "Anjali",
    "Fatima",
    "Aisha",
    "Amira",
    "Mei",
    "Linh",
    "Hanh",
    "Maria",
    "Giulia",
    "Sofia",
    "Eleni",
    "Despina",
    "Nadia",
    "Siobhan",
    "Aoife",
    "Kiri",
    "Losana",
    "Mele",
    "Mary-Anne",
    "Anne-Marie",
    "Jacinta",
    "Tahlia",
    "Kylie",
    "Leanne",
    "Michelle",
    "Deborah",
    "Min-ji",
    "Rosa",
    "Inés",
    "Mónica",
    "Chiara",
    "Noémie",
    "Ingrid",
    "Agnieszka",
    "Yasmin",
    "Hoda",
    "Nyibol",
    "Achol",
    "Shanelle",
    "Bronwyn",
    "Tegan",
    "Lucy",
    "Hannah",
    "Ruby",
    "Ava",
    "Harper",
    "Matilda",
    "Sienna",
    "Layla",
    "Ngaire",
    "Josefina",
    "Thuy",
    "Suda",
    "Farida",
)
FEMALE_MIDDLE = ("Jane", "Louise", "Anne", "Marie", "Rose", "Kate", "Elizabeth", "Thi", "Mae", "Grace")
MALE = (
    "Jack",
    "Liam",
    "Noah",
    "William",
    "Thomas",
    "James",
    "Lachlan",
    "Cooper",
    "Hamish",
    "Michael",
    "David",
    "Daniel",
    "Matthew",
    "Luke",
    "Ahmed",
    "Mohammed",
    "Omar",
    "Ali",
    "Hassan",
    "Raj",
    "Arjun",
    "Sanjay",
    "Vikram",
    "Wei",
    "Jun",
    "Hao",
    "Minh",
    "Tuan",
    "Duc",
    "Quang",
    "Giovanni",
    "Marco",
    "Luca",
    "Nikolaos",
    "Dimitrios",
    "Kostas",
    "Sean",
    "Patrick",
    "Ciarán",
    "Tane",
    "Sione",
    "Viliami",
    "Jean-Pierre",
    "José",
    "André",
    "François",
    "Jürgen",
    "Søren",
    "Tomasz",
    "Krzysztof",
    "Deng",
    "Garang",
    "Abdi",
    "Tiago",
    "Kenji",
    "Joon-ho",
    "Ryan",
    "Brendan",
    "Shane",
    "Darren",
    "Craig",
    "Wayne",
    "Bradley",
    "Jarrah",
    "Kane",
    "Mitchell",
    "Rhys",
    "Ethan",
)
MALE_MIDDLE = ("John", "Paul", "James", "Andrew", "Van", "Anthony", "Edward", "Lee", "Robert", "Kumar")
NEUTRAL = ("Sam", "Alex", "Jordan", "Taylor", "Lee", "Jamie", "Robin", "Kim", "Charlie", "Ash")
FAMILY = (
    "Smith",
    "Jones",
    "Williams",
    "Brown",
    "Wilson",
    "Taylor",
    "Johnson",
    "White",
    "Martin",
    "Anderson",
    "Thompson",
    "Nguyen",
    "Tran",
    "Le",
    "Pham",
    "Huynh",
    "Chen",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Wong",
    "Chan",
    "Singh",
    "Patel",
    "Kumar",
    "Sharma",
    "Gupta",
    "Ali",
    "Khan",
    "Hussain",
    "Ahmed",
    "Haddad",
    "Khalil",
    "Nasser",
    "Rossi",
    "Russo",
    "Bianchi",
    "Romano",
    "Esposito",
    "Papadopoulos",
    "Georgiou",
    "Nikolaidis",
    "Dimitriou",
    "O'Brien",
    "O'Neill",
    "O'Connor",
    "D'Souza",
    "D'Angelo",
    "McDonald",
    "MacKenzie",
    "Kelly",
    "Murphy",
    "Ryan",
    "Walsh",
    "Kowalski",
    "Nowak",
    "Wisniewski",
    "Müller",
    "Schmidt",
    "Jørgensen",
    "Núñez",
    "Gómez",
    "Fernández",
    "da Silva",
    "dos Santos",
    "Reyes",
    "Cruz",
    "Garcia",
    "Kim",
    "Park",
    "Lee",
    "Choi",
    "Tanaka",
    "Sato",
    "Mohamed",
    "Deng",
    "Mabior",
    "Tuilagi",
    "Fifita",
    "Ma'afu",
    "Taufa",
    "Smith-Jones",
    "Lloyd-Evans",
    "Nguyen-Tran",
    "Al-Hassan",
    "Ben-David",
    "Fraser",
    "Walker",
    "Roberts",
    "Campbell",
    "Stewart",
    "Hughes",
    "Edwards",
    "van der Berg",
    "De Luca",
    "Mundy",
    "Bennell",
    "Ellis",
    "Harrison",
    "Özdemir",
    "Brennan",
    "Karagiannis",
    "Okafor",
    "Mensah",
    "Rahman",
    "Chowdhury",
    "Bui",
    "Vo",
    "Ho",
    "Dang",
    "Costa",
    "Marino",
)
INJURIES = (
    "lumbar spine strain",
    "right shoulder rotator cuff tear",
    "left knee meniscal tear",
    "fractured right wrist",
    "crush injury to left hand",
    "cervical spine soft-tissue injury",
    "psychological injury (adjustment disorder)",
    "bilateral carpal tunnel syndrome",
    "laceration to right forearm",
    "left ankle fracture",
    "inguinal hernia",
    "noise-induced hearing loss",
    "thoracic spine strain",
    "post-traumatic stress disorder",
    "right elbow lateral epicondylitis",
    "burns to both hands",
)


def fold(text: str) -> str:
    """Strip diacritics (Zoë -> Zoe, Jørgensen -> Jorgensen)."""
    table = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L"})
    text = text.translate(table)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class Client:
    cid: str
    gender: str
    title: str
    given: str  # the registry's given_name (may hold middle names)
    family: str
    dob: date
    emails: list[str]
    phones: list[str]
    addr: Address
    refs: list[str]
    employer: Party
    injury_date: date
    injury: str
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)  # emails or client ids
    reps: list[tuple[Person, Party | None, str]] = field(default_factory=list)  # (person, firm, relationship)
    shared_ref: str = ""  # the co-claimants' shared claim (joint_with)
    tags: set[str] = field(default_factory=set)

    @property
    def first(self) -> str:
        return self.given.split(" ")[0]

    @property
    def middle(self) -> str:
        parts = self.given.split(" ")
        return " ".join(parts[1:])

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def short(self) -> str:
        """First and family name, without middle names."""
        return f"{self.first} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.first} {self.family}"

    @property
    def initials_name(self) -> str:
        initials = " ".join(p[0] for p in self.given.replace("-", " ").split(" "))
        return f"{self.title} {initials} {self.family}"

    @property
    def own_refs(self) -> list[str]:
        return [r for r in self.refs if r != self.shared_ref]

    @property
    def claim(self) -> str:
        """The claim a letter is about: the client's own first claim."""
        return self.own_refs[0]

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def phone(self) -> str:
        return self.phones[0]

    def salutation(self, rng: random.Random) -> str:
        return rng.choice(
            [
                f"Dear {self.title} {self.family}",
                f"Dear {self.first}",
                f"Dear {self.first}",
                f"Dear {self.title} {self.family}",
            ]
        )

    def name_line(self, style: str) -> str:
        """The name line of an address block in a given style."""
        return {
            "formal": f"{self.title} {self.first} {self.family}",
            "full": f"{self.title} {self.given} {self.family}",
            "initials": self.initials_name,
            "plain": self.short,
            "caps": f"{self.title} {self.given} {self.family}".upper(),
            "folded": fold(f"{self.title} {self.first} {self.family}"),
            "folded-caps": fold(f"{self.title} {self.given} {self.family}").upper(),
            "middle-initial": f"{self.title} {self.first} {self.middle[:1] + '. ' if self.middle else ''}{self.family}",
        }[style]


def make_email(rng: random.Random, given: str, family: str, domain: str) -> str:
    g = fold(given.split(" ")[0]).lower().replace("'", "").replace(" ", "")
    f = fold(family).lower().replace("'", "").replace(" ", "")
    pattern = rng.choice(["{g}.{f}", "{g}{f}", "{g}.{f}{n}", "{g0}{f}{n}", "{g}_{f}", "{f}.{g}", "{g}{n}"])
    return pattern.format(g=g, f=f, g0=g[0], n=rng.randrange(1, 99)) + "@" + domain


def random_dob(rng: random.Random) -> date:
    return date(1956, 1, 1) + timedelta(days=rng.randrange(0, 365 * 49))


def random_injury_date(rng: random.Random) -> date:
    return date(2023, 1, 9) + timedelta(days=rng.randrange(0, 365 * 3 - 40))


def pick_name(rng: random.Random, gender: str) -> tuple[str, str]:
    pool = {"F": FEMALE, "M": MALE, "X": NEUTRAL}[gender]
    given = rng.choice(pool)
    if rng.random() < 0.14 and gender != "X":
        given += " " + rng.choice(FEMALE_MIDDLE if gender == "F" else MALE_MIDDLE)
    return given, rng.choice(FAMILY)


def pick_title(rng: random.Random, gender: str) -> str:
    if gender == "X":
        return "Mx"
    if rng.random() < 0.03:
        return "Dr"
    if gender == "M":
        return "Mr"
    return rng.choices(["Ms", "Mrs", "Miss"], weights=[62, 30, 8])[0]
