"""The invented world: schools, families, parents and carers, students, and the outside organisations."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

GIVEN_ADULT = (
    "Aisha Mohammed Priya Rajesh Mei Wei Minh Olumide Chiamaka Sione Mele Lachlan Charlotte Bridget Declan Giorgos "
    "Eleni Katarzyna Tomasz Fatima Yusuf Hamid Zahra Aroha Tane Siobhan Niamh Kwame Ama Hiroshi Yuki Carmen Diego "
    "Ana Jarrah Kirra Ravi Anjali Sandeep Gurpreet Harjit Jun Hana Sofia Ivan Olga Dmitri Bronwyn Craig Shane Leanne "
    "Kylie Darren Nadia Omar Layla Samir Marguerite Renée José Thi_Hoa Anh Tuan Kemal Ayse Duc Lwazi Thandiwe Ngaire"
).split()
GIVEN_ADULT = [x.replace("_", " ") for x in GIVEN_ADULT]
GIVEN_CHILD = (
    "Aarav Zara Liam Ava Noah Isla Oliver Mia Arjun Leila Kai Amelia Tariq Mila Jayden Chloe Hamza Ruby Ethan Sienna "
    "Lucas Harper Yousef Anika Mateo Lily Zain Grace Tom Eve Aditi Rohan Sami Nour Tilly Finn Ivy Jasper Maya Ezra "
    "Hugo Elsie Kofi Adaeze Luca Freya Bao Linh Tevita Ana-Lisa Wiremu Ngaio Ishaan Saanvi Yara Darcy Banjo Kiri"
).split()
FAMILY = (
    "Nguyen Tran Pham Singh Kaur Sharma Patel Okafor Adeyemi Mensah Papadopoulos Georgiou Kowalski Nowak O'Brien "
    "Murphy Kelly Smith Jones Williams Brown Taylor Wilson Haddad Khoury Rahman Hussain Ali Ahmed Chen Wang Zhang "
    "Liu Tanaka Sato Fernando Perera Silva Garcia Rodriguez Lopez Tuilagi Fifita Walker Campbell McKenzie Ngata "
    "Ivanov Petrov Horvat Novak Müller Schmidt Dubois Rossi Bianchi Costa Abebe Tesfaye Yilmaz Demir Mahlangu "
    "Van_der_Berg Nakamura Kim Park Osei Baptiste Mokoena"
).split()
FAMILY = [x.replace("_", " ") for x in FAMILY]
# (suburb, postcode) in the Loddon Mallee; landline prefixes 5440-5449 (Bendigo), 5020-5029 (Mildura), ...
TOWNS = [
    ("BENDIGO", "3550", "544"),
    ("KANGAROO FLAT", "3555", "544"),
    ("EAGLEHAWK", "3556", "544"),
    ("STRATHFIELDSAYE", "3551", "544"),
    ("GOLDEN SQUARE", "3555", "544"),
    ("CASTLEMAINE", "3450", "547"),
    ("KYNETON", "3444", "542"),
    ("WOODEND", "3442", "542"),
    ("GISBORNE", "3437", "542"),
    ("ECHUCA", "3564", "548"),
    ("SWAN HILL", "3585", "503"),
    ("MILDURA", "3500", "502"),
    ("RED CLIFFS", "3496", "502"),
    ("IRYMPLE", "3498", "502"),
    ("MARYBOROUGH", "3465", "546"),
    ("KERANG", "3579", "545"),
    ("COHUNA", "3568", "545"),
    ("HEATHCOTE", "3523", "543"),
    ("INGLEWOOD", "3517", "543"),
    ("ROBINVALE", "3549", "502"),
]
STREETS = (
    "Wattle Street|High Street|Mitchell Street|Barnard Street|McCrae Street|Napier Street|Hargreaves Street|"
    "Pall Mall|Lyttleton Terrace|Forest Street|Myers Street|Honeysuckle Street|Olive Street|Condon Street|"
    "Ironbark Crescent|Redgum Drive|Murray Esplanade|Deakin Avenue|Langtree Avenue|Eleventh Street|Campbell Street|"
    "Mostyn Street|Hornsby Street|Pyrenees Highway|Calder Highway|Loddon Valley Highway|Sturt Street|Orr Street"
).split("|")
PERSONAL_DOMAINS = ["mailbox.example", "inet.example", "bigpond.example", "outlook.example", "icloud.example"]


@dataclass
class Address:
    """A postal address: street lines plus SUBURB STATE POSTCODE."""

    lines: list[str]
    suburb: str
    postcode: str
    state: str = "VIC"

    def one_line(self) -> str:
        return ", ".join([*self.lines, f"{self.suburb.title()} {self.state} {self.postcode}"])

    def block(self) -> list[str]:
        return [*self.lines, f"{self.suburb} {self.state} {self.postcode}"]


@dataclass
class Client:
    """One row of the registry: a parent, carer or adult student."""

    client_id: str
    given: str
    family: str
    dob: str
    emails: list[str]
    phones: list[str]
    address: Address
    references: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    title: str = "Ms"

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def email(self) -> str:
        return self.emails[0]

    @property
    def phone(self) -> str:
        return self.phones[0]


@dataclass
class Student:
    """A student: not a registry row unless an adult student; identified by STU id and VSN."""

    sid: str
    vsn: str
    given: str
    family: str
    dob: str
    year: int
    school: School


@dataclass
class School:
    """A school of the region: its letterhead and own contact details."""

    name: str
    short: str
    address: Address
    phone: str
    email: str
    principal: str
    wellbeing: str
    abn: str


@dataclass
class Family:
    """A household: students and the clients who may (or may not) receive their information.

    kind: intact, single, separated (no order), protected (one parent's details suppressed), noinfo (a court
    order: one parent receives nothing), kinship (grandparent carer), foster (carer via agency), adult (student 18+).
    """

    kind: str
    students: list[Student]
    parents: list[Client]
    fee_account: str
    excluded: Client | None = None
    caseworker: str = ""

    @property
    def main(self) -> Client:
        return self.parents[0]


@dataclass
class World:
    """Everything the generators draw from."""

    schools: list[School]
    families: list[Family]
    clients: list[Client]
    staff: dict[str, str]
    suppressed_staff: list[str]
    rng: random.Random

    def pick(self, *kinds: str) -> Family:
        pool = [f for f in self.families if f.kind in kinds] if kinds else self.families
        return self.rng.choice(pool)

    def two(self, *kinds: str) -> tuple[Family, Family]:
        pool = [f for f in self.families if f.kind in kinds] if kinds else self.families
        a, b = self.rng.sample(pool, 2)
        return a, b
