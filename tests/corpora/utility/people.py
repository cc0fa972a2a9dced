"""Synthetic people: multicultural Australian names, and the ways names, phones, account numbers and dates
are written in letters. Nobody here is a real person."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .places import Address

# (given name, gender); gender picks a title. Diacritics are kept as people write their own names.
GIVEN: dict[str, list[tuple[str, str]]] = {
    "anglo": [
        ("Sam", "x"),
        ("Olivia", "f"),
        ("Jack", "m"),
        ("Charlotte", "f"),
        ("Liam", "m"),
        ("Mia", "f"),
        ("Tom", "m"),
        ("Grace", "f"),
        ("Harriet", "f"),
        ("Noah", "m"),
        ("Ruby", "f"),
        ("Oliver", "m"),
        ("Darcy", "x"),
        ("Kylie", "f"),
        ("Brett", "m"),
        ("Narelle", "f"),
        ("Shane", "m"),
        ("Leanne", "f"),
        ("Lachlan", "m"),
        ("Matilda", "f"),
        ("Lee", "x"),
        ("Jess", "f"),
        ("Hamish", "m"),
        ("Bronwyn", "f"),
    ],
    "viet": [
        ("Thảo", "f"),
        ("Phương", "f"),
        ("Đức", "m"),
        ("Minh", "m"),
        ("Ngọc", "f"),
        ("Huy", "m"),
        ("Linh", "f"),
        ("Tuấn", "m"),
        ("Thu", "f"),
        ("Quang", "m"),
        ("Hằng", "f"),
        ("Bảo", "m"),
    ],
    "chinese": [
        ("Wei", "m"),
        ("Mei", "f"),
        ("Jun", "m"),
        ("Xiaoling", "f"),
        ("Hao", "m"),
        ("Yan", "f"),
        ("Kevin", "m"),
        ("Jasmine", "f"),
        ("Zhiwei", "m"),
        ("Lian", "f"),
    ],
    "indian": [
        ("Priyanka", "f"),
        ("Arjun", "m"),
        ("Harpreet", "f"),
        ("Gurpreet", "m"),
        ("Rahul", "m"),
        ("Anjali", "f"),
        ("Sanjay", "m"),
        ("Deepa", "f"),
        ("Ravi", "m"),
        ("Kavitha", "f"),
    ],
    "greek": [("Georgia", "f"), ("Nikos", "m"), ("Eleni", "f"), ("Dimitri", "m"), ("Sofia", "f"), ("Kostas", "m")],
    "italian": [("Giulia", "f"), ("Marco", "m"), ("Francesca", "f"), ("Luca", "m"), ("Rosa", "f"), ("Salvatore", "m")],
    "arabic": [("Fatima", "f"), ("Ahmad", "m"), ("Layla", "f"), ("Omar", "m"), ("Rania", "f"), ("Khaled", "m")],
    "filipino": [("Maricel", "f"), ("Jose", "m"), ("Rowena", "f"), ("Ramon", "m"), ("Analyn", "f")],
    "spanish": [("José", "m"), ("María José", "f"), ("Inés", "f"), ("Andrés", "m"), ("Lucía", "f")],
    "european": [
        ("Zoë", "f"),
        ("Chloé", "f"),
        ("Renée", "f"),
        ("Søren", "m"),
        ("Björn", "m"),
        ("Anaïs", "f"),
        ("Jürgen", "m"),
        ("Małgorzata", "f"),
        ("Tomasz", "m"),
        ("Aoife", "f"),
        ("Siobhán", "f"),
        ("Seán", "m"),
        ("Zoe", "f"),
        ("Noël", "m"),
    ],
    "african": [("Abdi", "m"), ("Amina", "f"), ("Deng", "m"), ("Achol", "f"), ("Chidi", "m"), ("Ngozi", "f")],
    "korean_japanese": [("Ji-woo", "f"), ("Min-jun", "m"), ("Yuki", "f"), ("Haruto", "m"), ("Seo-yeon", "f")],
    "turkish": [("Ayşe", "f"), ("Mehmet", "m"), ("Elif", "f"), ("Emre", "m")],
}
FAMILY: dict[str, list[str]] = {
    "anglo": [
        "Smith",
        "O'Brien",
        "McKenzie",
        "Fraser",
        "Walker",
        "Thompson",
        "Kelly",
        "Ryan",
        "Murphy",
        "Campbell",
        "Stewart",
        "Mitchell",
        "Sullivan",
        "O'Connor",
        "Harris",
        "Brooks",
        "Ortiz",
        "Park",
        "Smith-Jones",
        "Taylor-Ng",
        "Wallace",
        "Doyle",
        "MacLeod",
        "D'Arcy",
        "Fitzgerald",
        "Kennedy",
        "Hughes",
        "Baxter",
        "Ellison",
        "Pearce",
        "Whitlock",
        "Crowe",
        "Lindqvist",
        "Gallagher",
        "Burke",
    ],
    "viet": ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Huỳnh", "Nguyen", "Tran"],
    "chinese": ["Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Zhou", "Wu", "Lim", "Tan", "Ho"],
    "indian": ["Patel", "Singh", "Sharma", "Kaur", "Gupta", "Reddy", "Iyer", "Nair", "Menon", "Dhillon"],
    "greek": ["Papadopoulos", "Georgiou", "Nikolaidis", "Christodoulou", "Karagiannis"],
    "italian": ["Rossi", "Bianchi", "Esposito", "Romano", "De Luca", "Ferraro", "Lombardi"],
    "arabic": ["Haddad", "Khoury", "El-Masri", "Nassar", "Abboud", "Saleh"],
    "filipino": ["Santos", "Reyes", "dela Cruz", "Bautista", "Villanueva"],
    "spanish": ["García", "Hernández", "López", "Martínez", "Muñoz"],
    "european": [
        "Müller",
        "Schäfer",
        "Lefèvre",
        "Kowalski",
        "Wiśniewska",
        "Nieminen",
        "Jensen",
        "Brennan",
        "Ó Briain",
        "Novák",
        "Horvat",
        "van der Berg",
    ],
    "african": ["Abdi", "Mohamed", "Deng", "Garang", "Okafor", "Mensah", "Adeyemi"],
    "korean_japanese": ["Kim", "Lee", "Park", "Choi", "Sato", "Tanaka", "Yamamoto"],
    "turkish": ["Yılmaz", "Öztürk", "Demir", "Kaya", "Çelik"],
}
CULTURE_WEIGHTS = {
    "anglo": 34,
    "viet": 9,
    "chinese": 9,
    "indian": 9,
    "greek": 4,
    "italian": 5,
    "arabic": 5,
    "filipino": 4,
    "spanish": 3,
    "european": 8,
    "african": 4,
    "korean_japanese": 4,
    "turkish": 2,
}
MIDDLE = [
    "Anne",
    "James",
    "Marie",
    "John",
    "Thi",
    "Van",
    "Louise",
    "Michael",
    "Kaur",
    "Rose",
    "Patrick",
    "Jane",
    "Lee",
    "Maria",
    "Ahmed",
    "Grace",
    "Joseph",
    "Elizabeth",
    "Thanh",
    "Kumar",
]


def fold(text: str) -> str:
    """Drop diacritics the way many billing systems print names (Nguyễn -> Nguyen, Đức -> Duc)."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class Client:
    cid: str
    title: str
    given: str
    middle: str
    family: str
    dob: date
    gender: str
    address: Address
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)  # every reference, shared joint ones included
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    reg_given: str = ""  # what the registry row holds (may add a middle name)
    reg_family: str = ""
    business: str = ""
    tags: set[str] = field(default_factory=set)
    shared_refs: dict[str, str] = field(default_factory=dict)  # joint ref -> other holder's cid
    old_address: Address | None = None  # a victim's former home (the ex-partner's)

    @property
    def own_refs(self) -> list[str]:
        return [r for r in self.refs if r not in self.shared_refs]

    @property
    def mobile(self) -> str | None:
        return next((p for p in self.phones if p.startswith("04")), None)

    @property
    def landline(self) -> str | None:
        return next((p for p in self.phones if p.startswith("(")), None)

    def name(self, form: str = "title-full", rng: random.Random | None = None) -> str:
        g, f = self.given, self.family
        first = g.split()[0]
        forms = {
            "title-full": f"{self.title} {g} {f}",
            "full": f"{g} {f}",
            "full-middle": f"{g} {self.middle} {f}" if self.middle else f"{g} {f}",
            "title-initial": f"{self.title} {first[0]} {f}",
            "initials": f"{self.title} {first[0]} {self.middle[0]} {f}"
            if self.middle
            else f"{self.title} {first[0]} {f}",
            "folded": fold(f"{self.title} {g} {f}"),
            "caps": fold(f"{g} {f}").upper(),
            "caps-title": fold(f"{self.title} {first[0]} {f}").upper(),
            "family-first": f"{f.upper()}, {g}",
        }
        return forms[form]

    def salutation(self, kind: str) -> str | None:
        first = self.given.split()[0] if " " in self.given and "-" not in self.given else self.given
        return {
            "dear-title": f"Dear {self.title} {self.family},",
            "dear-first": f"Dear {first},",
            "dear-full": f"Dear {self.given} {self.family}",
            "hi": f"Hi {first},",
            "hello": f"Hello {first},",
            "hello-plain": "Hello,",
            "dear-customer": "Dear Customer,",
            "whom": "To whom it may concern,",
            "none": None,
        }[kind]


SALUTATIONS = (
    ["dear-title"] * 6
    + ["dear-first"] * 3
    + ["dear-full", "hi", "hello", "hello-plain", "dear-customer", "whom", "none"]
)
NAME_FORMS = ["title-full"] * 5 + ["full"] * 2 + ["title-initial"] * 2 + ["full-middle", "initials", "folded", "caps"]


# -- phones ---------------------------------------------------------------------------------------------
AREA = {"NSW": "02", "ACT": "02", "VIC": "03", "TAS": "03", "QLD": "07", "SA": "08", "WA": "08", "NT": "08"}


def mobile(rng: random.Random) -> str:
    d = f"04{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}"
    return f"{d[:4]} {d[4:7]} {d[7:]}"


def landline(rng: random.Random, state: str) -> str:
    # 5550 xxxx is set aside for fiction in every area code.
    return f"({AREA[state]}) 5550 {rng.randint(0, 9999):04d}"


def phone_digits(phone: str) -> str:
    return "".join(c for c in phone if c.isdigit())


def phone_as(phone: str, style: str) -> str:
    """A registered phone as people write it: spaces, dashes, dots, brackets, +61, with or without area code."""
    d = phone_digits(phone)
    if d.startswith("04"):
        a, b, c = d[:4], d[4:7], d[7:]
        return {
            "spaces": f"{a} {b} {c}",
            "plain": d,
            "dashes": f"{a}-{b}-{c}",
            "dots": f"{a}.{b}.{c}",
            "intl": f"+61 {a[1:]} {b} {c}",
            "intl-compact": f"+61{d[1:]}",
            "pairs": f"{d[:4]} {d[4:6]} {d[6:8]} {d[8:]}",
            "brackets": f"({a}) {b} {c}",
            "local": f"{a} {b} {c}",
            "intl-brackets": f"+61 (0){a[1:]} {b} {c}",
        }.get(style, f"{a} {b} {c}")
    area, local = d[:2], d[2:]
    return {
        "spaces": f"{area} {local[:4]} {local[4:]}",
        "plain": d,
        "dashes": f"{area}-{local[:4]}-{local[4:]}",
        "dots": f"{area}.{local[:4]}.{local[4:]}",
        "intl": f"+61 {area[1]} {local[:4]} {local[4:]}",
        "intl-compact": f"+61{d[1:]}",
        "brackets": f"({area}) {local[:4]} {local[4:]}",
        "local": f"{local[:4]} {local[4:]}",
        "pairs": f"({area}) {local[:4]} {local[4:]}",
        "intl-brackets": f"+61 ({area[1]}) {local[:4]} {local[4:]}",
    }.get(style, phone)


PHONE_STYLES = ["spaces", "plain", "dashes", "dots", "intl", "intl-compact", "brackets", "local", "intl-brackets"]


# -- account references ---------------------------------------------------------------------------------
def new_ref(rng: random.Random, kind: str) -> str:
    """Electricity accounts are 11 digits starting 4, gas 11 digits starting 5, water 10 digits starting 8."""
    if kind == "water":
        return "8" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    return ("4" if kind == "elec" else "5") + "".join(str(rng.randint(0, 9)) for _ in range(10))


def ref_kind(ref: str) -> str:
    return {"4": "Electricity", "5": "Gas", "8": "Water"}[ref[0]]


def ref_as(ref: str, style: str) -> str:
    if style == "plain":
        return ref
    if len(ref) == 11:
        groups = {"spaces": (4, 4, 3), "dashes": (4, 4, 3), "threes": (3, 3, 3, 2)}.get(style, (4, 4, 3))
    else:
        groups = {"spaces": (4, 3, 3), "dashes": (4, 3, 3), "threes": (3, 3, 4)}.get(style, (4, 3, 3))
    parts, i = [], 0
    for g in groups:
        parts.append(ref[i : i + g])
        i += g
    return ("-" if style == "dashes" else " ").join(parts)


REF_STYLES = ["plain", "spaces", "spaces", "dashes", "threes"]

# -- dates ----------------------------------------------------------------------------------------------
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


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def date_as(d: date, style: str) -> str:
    return {
        "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        "ordinal-of": f"{ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
        "dd-mon-yyyy": f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}",
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "slash-yy": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "dots": f"{d.day}.{d.month}.{d.year}",
        "iso": d.isoformat(),
        "short": f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    }[style]


DOB_STYLES = ["long", "ordinal-of", "dd-mon-yyyy", "slash", "slash-yy", "dots"]
