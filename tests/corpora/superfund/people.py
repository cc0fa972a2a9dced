"""The fund's registry: invented members, their relationships, and how staff write their details."""

from __future__ import annotations

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

ORG = "Coastline Industry Super"
DOMAIN = "coastlinesuper.example"
PORTAL = "https://member.coastlinesuper.example"
SUPPRESSED_STAFF = ["fv.support@coastlinesuper.example", "k.odonnell@coastlinesuper.example"]
STAFF = [
    ("Bronwyn Tasker", "b.tasker"),
    ("Rahul Mehta", "r.mehta"),
    ("Siobhan Kealy", "s.kealy"),
    ("Tui Ngata", "t.ngata"),
    ("Dimitri Papadakis", "d.papadakis"),
    ("Mei Lin Zhou", "m.zhou"),
    ("Kieran O'Donnell", "k.odonnell"),
]
# Other funds (rollovers), the group insurer, the tax office and the family-law registry: approved recipients.
FUNDS = ["harbourlinesuper.example", "redgumretirement.example", "southerncrossfund.example"]
INSURER = "pacificgrouplife.example"
APPROVED = FUNDS + [INSURER, "ato.example", "afca.example"]

GIVEN = {
    "anglo": ["Sarah", "James", "Emily", "Michael", "Jessica", "Daniel", "Rebecca", "Matthew", "Kylie", "Craig"],
    "chinese": ["Wei", "Mei", "Jun", "Xiaoling", "Hao", "Lina", "Zhi", "Ying"],
    "vietnamese": ["Thi Lan", "Minh", "Huong", "Quang", "Bao", "Ngoc Anh"],
    "indian": ["Priya", "Arjun", "Deepika", "Sanjay", "Anjali", "Vikram", "Harpreet", "Gurdeep"],
    "greek": ["Georgios", "Eleni", "Konstantinos", "Despina", "Nikolaos", "Sofia"],
    "italian": ["Giuseppe", "Maria", "Antonio", "Lucia", "Marco", "Francesca"],
    "arabic": ["Ahmed", "Fatima", "Omar", "Layla", "Youssef", "Rania"],
    "indigenous": ["Jarrah", "Kirra", "Tarni", "Koorine", "Bindi", "Lowanna"],
    "pacific": ["Sione", "Mele", "Tevita", "Losana", "Malakai", "Ana"],
    "filipino": ["Jose Maria", "Maricel", "Rodel", "Jocelyn", "Ariel"],
    "korean": ["Ji-woo", "Min-jun", "Seo-yeon", "Hyun-woo"],
    "irish": ["Siobhan", "Declan", "Aoife", "Padraig", "Niamh"],
}
FAMILY = {
    "anglo": ["Thompson", "Walker", "Harris", "McKenzie", "Fletcher", "Baxter", "Whitfield", "Gardiner"],
    "chinese": ["Chen", "Li", "Zhang", "Wong", "Liu", "Huang"],
    "vietnamese": ["Nguyen", "Tran", "Le", "Pham", "Vo"],
    "indian": ["Sharma", "Patel", "Singh", "Reddy", "Kaur", "Iyer"],
    "greek": ["Papadopoulos", "Georgiou", "Karagiannis", "Nikolaidis"],
    "italian": ["Rossi", "Bianchi", "Esposito", "Romano", "Di Stefano"],
    "arabic": ["Haddad", "Khalil", "El-Masri", "Nasser", "Abboud"],
    "indigenous": ["Walker", "Thomas", "Briggs", "Mundine", "Roberts"],
    "pacific": ["Tupou", "Fifita", "Taufa", "Vainikolo"],
    "filipino": ["Santos", "Reyes", "dela Cruz", "Bautista"],
    "korean": ["Kim", "Park", "Choi", "Jung"],
    "irish": ["O'Sullivan", "Byrne", "Fitzgerald", "Ni Bhriain", "MacCarthy"],
}
STREETS = ["Wattle", "Banksia", "Ocean", "Jacaranda", "Station", "Murray", "Coral", "Ironbark", "Esplanade", "Hibiscus"]
KINDS = ["Street", "Road", "Avenue", "Crescent", "Parade", "Drive", "Court", "Place", "Terrace", "Way"]
ABBREV = {
    "Street": "St",
    "Road": "Rd",
    "Avenue": "Ave",
    "Crescent": "Cres",
    "Parade": "Pde",
    "Drive": "Dr",
    "Court": "Ct",
    "Place": "Pl",
    "Terrace": "Tce",
    "Way": "Way",
}
TOWNS = [
    ("Coffs Harbour", "NSW", "2450"),
    ("Port Macquarie", "NSW", "2444"),
    ("Wollongong", "NSW", "2500"),
    ("Geelong", "VIC", "3220"),
    ("Warrnambool", "VIC", "3280"),
    ("Bendigo", "VIC", "3550"),
    ("Cairns", "QLD", "4870"),
    ("Hervey Bay", "QLD", "4655"),
    ("Mackay", "QLD", "4740"),
    ("Bunbury", "WA", "6230"),
    ("Geraldton", "WA", "6530"),
    ("Victor Harbor", "SA", "5211"),
    ("Devonport", "TAS", "7310"),
    ("Darwin", "NT", "0800"),
    ("Batemans Bay", "NSW", "2536"),
    ("Townsville", "QLD", "4810"),
]
EMAIL_HOSTS = ["mailbox.example", "inbox.example.com", "example.net", "bigpond.example", "outlook.example"]
EMPLOYERS = [
    ("Tweed Coast Fisheries Pty Ltd", "tweedcoastfisheries.example"),
    ("Harbourside Aged Care Ltd", "harboursidecare.example"),
    ("Northern Rivers Builders Pty Ltd", "nrbuilders.example"),
    ("Saltwater Hospitality Group", "saltwaterhospitality.example"),
]
ADVISERS = [
    ("Hamish Drummond", "h.drummond@harbourwealth.example"),
    ("Ngaio Whaanga", "ngaio@bluewaterplanning.example"),
]
DOCTORS = [
    ("Dr Anand Krishnan", "reception@seaviewmedical.example", "Seaview Medical Centre"),
    ("Dr Helen Vasquez", "admin@rivermouthclinic.example", "Rivermouth Family Clinic"),
    ("Dr Tomasz Nowak", "referrals@orthocoast.example", "OrthoCoast Specialists"),
]


def tfn(rng: random.Random) -> str:
    """A 9-digit tax file number that passes the ATO check digit (weights 1 4 3 7 5 8 6 9 10, mod 11)."""
    weights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        if sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 == 0:
            return "".join(map(str, digits))


@dataclass
class Address:
    lines: list[str]  # the street lines (unit, c/-, PO Box ...)
    town: str
    state: str
    postcode: str

    def one_line(self) -> str:
        return ", ".join(self.lines) + f", {self.town} {self.state} {self.postcode}"

    def block(self, style: int = 0) -> list[str]:
        last = f"{self.town.upper()} {self.state} {self.postcode}" if style % 2 == 0 else self.one_line_town()
        lines = list(self.lines)
        if style % 3 == 2:
            lines = [_abbrev(x) for x in lines]
        return lines + [last]

    def one_line_town(self) -> str:
        return f"{self.town} {self.state} {self.postcode}"


def _abbrev(line: str) -> str:
    for full, short in ABBREV.items():
        if line.endswith(" " + full):
            return line[: -len(full)] + short
    return line


@dataclass
class Member:
    client_id: str
    given: str
    family: str
    dob: date
    emails: list[str]
    phones: list[str]
    address: Address
    member_no: str
    title: str
    legacy_acc: str = ""
    claims: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    employer: int = -1
    tfn: str = ""
    balance: int = 0
    old_address: Address | None = None  # for a suppressed victim: the address the ex-spouse knows

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def email(self) -> str:
        return self.emails[0]

    def refs(self) -> list[str]:
        return [self.member_no] + ([self.legacy_acc] if self.legacy_acc else []) + self.claims

    def row(self) -> dict[str, str]:
        return {
            "client_id": self.client_id,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.address.one_line(),
            "references": ";".join(self.refs()),
            "suppressed": ";".join(self.suppressed),
            "joint_with": "",
            "authorised_contacts": ";".join(self.authorised),
        }


def member_no_fmt(no: str, style: int) -> str:
    """How staff and systems write a 9-digit member number."""
    spaced = f"{no[:3]} {no[3:6]} {no[6:]}"
    return [
        f"Member no. {spaced}",
        f"Member number: {no}",
        f"Member No {no}",
        f"Your member number {spaced}",
        f"Mbr #{no}",
        f"Membership {no}",
    ][style % 6]


def date_fmt(d: date, style: int) -> str:
    ordinal = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d.day, "th")
    return [
        f"{d.day} {d:%B %Y}",
        f"{d:%d/%m/%Y}",
        f"{d:%A}, {d.day} {d:%B %Y}",
        f"{d.day}{ordinal} {d:%B %Y}",
        d.isoformat(),
        f"{d:%d.%m.%y}",
        f"{d.day} {d:%b %Y}",
    ][style % 7]


def phone_fmt(p: str, style: int) -> str:
    digits = p.replace(" ", "")
    if style % 3 == 0:
        return p
    if style % 3 == 1:
        return digits
    return "+61 " + digits[1:4] + " " + digits[4:7] + " " + digits[7:]


class Registry:
    """All members, plus the named cast the incident cases need."""

    def __init__(self, rng: random.Random, n: int) -> None:
        self.rng = rng
        self.members: list[Member] = []
        self._used_nos: set[str] = set()
        self._used_names: set[tuple[str, str]] = set()
        self._used_addresses: set[str] = set()
        self._used_contacts: set[str] = set()
        for _ in range(n):
            self.new()
        self.employees: dict[int, list[Member]] = {i: [] for i in range(len(EMPLOYERS))}
        for m in self.members:
            if rng.random() < 0.45:
                m.employer = rng.randrange(len(EMPLOYERS))
                self.employees[m.employer].append(m)
                m.authorised.append("payroll@" + EMPLOYERS[m.employer][1])
        self._cast()

    # --- building ------------------------------------------------------------------
    def _number(self, digits: int, lead: str) -> str:
        while True:
            no = lead + "".join(str(self.rng.randint(0, 9)) for _ in range(digits - len(lead)))
            if no not in self._used_nos:
                self._used_nos.add(no)
                return no

    def address(self) -> Address:
        """A new address no other member holds (a couple shares one by assignment, not by chance)."""
        while True:
            a = self._address()
            if a.one_line() not in self._used_addresses:
                self._used_addresses.add(a.one_line())
                return a

    def _address(self) -> Address:
        rng = self.rng
        town, state, pc = rng.choice(TOWNS)
        street = f"{rng.choice(STREETS)} {rng.choice(KINDS)}"
        num = rng.randint(1, 240)
        kind = rng.randrange(9)
        if kind == 0:
            lines = [f"Unit {rng.randint(1, 30)}", f"{num} {street}"]
        elif kind == 1:
            lines = [f"{rng.randint(1, 12)}/{num} {street}"]
        elif kind == 2:
            lines = [f"Level {rng.randint(2, 9)}, {num} {street}"]
        elif kind == 3:
            lines = [f"Lot {rng.randint(3, 400)} {street}"]
        elif kind == 4:
            lines = [f"RMB {rng.randint(100, 9999)}"]
        elif kind == 5:
            lines = [f"PO Box {rng.randint(10, 2999)}"]
        elif kind == 6:
            lines = [
                f"c/- {rng.choice(['Bayview Caravan Park', 'Post Office', 'Seaspray Holiday Units'])}",
                f"{num} {street}",
            ]
        else:
            lines = [f"{num} {street}"]
        return Address(lines, town, state, pc)

    def new(self, given: str | None = None, family: str | None = None, dob: date | None = None) -> Member:
        rng = self.rng
        if given is None or family is None:
            while True:
                origin = rng.choice(list(GIVEN))
                given, family = rng.choice(GIVEN[origin]), rng.choice(FAMILY[origin])
                if (given, family) not in self._used_names:
                    break
        self._used_names.add((given, family))
        dob = dob or date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 52))
        local = f"{given.split()[0].lower()}.{family.lower().replace(' ', '').replace(chr(39), '')}"
        local = local.replace("-", "")
        emails = [f"{local}{rng.randint(1, 99)}@{rng.choice(EMAIL_HOSTS)}"]
        if rng.random() < 0.15:
            emails.append(
                f"{local[0]}{family.lower().replace(' ', '')[:4]}{rng.randint(100, 999)}@{rng.choice(EMAIL_HOSTS)}"
            )
        phones = [f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"]
        while phones[0] in self._used_contacts or emails[0] in self._used_contacts:
            phones = [f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"]
            emails[0] = f"{local}{rng.randint(100, 999)}@{rng.choice(EMAIL_HOSTS)}"
        self._used_contacts.update(emails + phones)
        cid = f"C{100100 + len(self.members) * 7 + rng.randint(0, 6)}"
        title = rng.choice(["Ms", "Mr", "Mrs", "Dr", "Mx"]) if rng.random() < 0.7 else ""
        m = Member(
            client_id=cid,
            given=given,
            family=family,
            dob=dob,
            emails=emails,
            phones=phones,
            address=self.address(),
            member_no=self._number(9, "10"),
            title=title,
            legacy_acc=self._number(7, "1") if rng.random() < 0.3 else "",
            tfn=tfn(rng),
            balance=rng.randint(800, 640000),
        )
        self.members.append(m)
        return m

    def _cast(self) -> None:
        rng = self.rng
        plain = [m for m in self.members if m.employer < 0 and not m.authorised]
        # Family law split: the victim's new address, phone and email are suppressed; her former spouse
        # (also a member) knows only the old address.
        self.victim = self.new()
        self.victim.old_address = self.address()
        self.victim.suppressed = ["postal_address", "phone", "email"]
        self.ex = self.new(family=self.victim.family if rng.random() < 0.5 else None)
        self.ex.address = self.victim.old_address
        self.victim_lawyer = "family@coastlegalaid.example"
        self.victim.authorised.append(self.victim_lawyer)
        # A couple, both members at one address; one has given the other authority, the other has not.
        self.wife = self.new()
        self.husband = self.new(family=self.wife.family)
        self.husband.address = self.wife.address
        self.husband.authorised.append(self.wife.client_id)
        # Two members with the same name, different dates of birth and towns.
        g, f = rng.choice(["Michael", "Sarah", "Nguyen Van"]), rng.choice(["Chen", "Walker", "Tran"])
        self.same_a = self.new(g, f)
        self.same_b = self.new(g, f)
        # A deceased member: executor (a member, and by email), a nominated beneficiary (a member), and
        # an estranged relative who is a member but not nominated.
        self.deceased = self.new()
        self.executor = self.new()
        self.beneficiary = self.new(family=self.deceased.family)
        self.estranged = self.new(family=self.deceased.family)
        self.executor_email = "estates@tidewaylaw.example"
        self.deceased.authorised += [self.executor.client_id, self.beneficiary.client_id, self.executor_email]
        self.deceased.claims.append(f"DB{self._number(6, '2')}")
        # Insurance claimants with a treating doctor authorised by a medical authority.
        self.claimants: list[tuple[Member, int]] = []
        for i in range(len(DOCTORS)):
            c = rng.choice(plain)
            plain.remove(c)
            c.claims.append(f"{['TPD', 'IP', 'TPD'][i]}-{self._number(6, '5')}")
            c.authorised.append(DOCTORS[i][1])
            self.claimants.append((c, i))
        # Members with an authorised financial adviser.
        self.advised: list[tuple[Member, int]] = []
        for i in range(len(ADVISERS)):
            for _ in range(2):
                c = rng.choice(plain)
                plain.remove(c)
                c.authorised.append(ADVISERS[i][1])
                self.advised.append((c, i))
        self.plain = plain

    def others(self, *exclude: Member) -> Member:
        ids = {m.client_id for m in exclude}
        while True:
            m = self.rng.choice(self.plain)
            if m.client_id not in ids:
                return m
