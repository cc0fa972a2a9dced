"""The scheme, its member companies and its complainants (the registry, DESIGN §4)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

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

ORG_NAME = "Energy & Water Ombudsman (Western Districts)"
ORG_SHORT = "EWOWD"
ORG_DOMAIN = "ewowd.example"
ORG_POSTAL = ["Reply Paid 7710", "BALLARAT VIC 3353"]
ORG_PHONE = "1800 507 118"

# Staff allowed to see suppressed details (the scheme's family-violence support team).
FV_STAFF = ["fvsupport@ewowd.example", "r.okafor@ewowd.example", "m.delaney@ewowd.example"]
STAFF = [
    ("Rachel Okafor", "r.okafor@ewowd.example", "Senior Case Officer, Family Violence Support"),
    ("Tom Brennan", "t.brennan@ewowd.example", "Case Officer"),
    ("Anika Sharma", "a.sharma@ewowd.example", "Dispute Resolution Officer"),
    ("Lachlan Muir", "l.muir@ewowd.example", "Investigations Officer"),
    ("Mei Ling Cho", "m.cho@ewowd.example", "Case Officer"),
    ("Jarrah Wilson", "j.wilson@ewowd.example", "Conciliator"),
    ("Sofia Petrakis", "s.petrakis@ewowd.example", "Team Leader, Early Resolution"),
]
# Staff outside the family-violence team (a suppressed detail to them is quarantined by default).
NON_FV_STAFF = [s for s in STAFF if s[1] not in FV_STAFF]


@dataclass(frozen=True)
class Member:
    key: str
    name: str
    domain: str
    kind: str
    acct_style: str
    approved: bool = True

    @property
    def referrals(self) -> str:
        return f"escalations@{self.domain}"


MEMBERS = [
    Member("sunbeam", "Sunbeam Energy Pty Ltd", "sunbeamenergy.example", "retailer", "digits10"),
    Member("westwater", "Western Plains Water", "westernplainswater.example", "water", "ww"),
    Member("coral", "Coral Power & Gas", "coralpower.example", "retailer", "digits12"),
    Member("ridgeline", "Ridgeline Networks", "ridgeline-networks.example", "distributor", "nmi"),
    Member("glenelg", "Glenelg Coast Water", "glenelgwater.example", "water", "gcw"),
    Member("murray", "Murray Gas Retail", "murraygas.example", "retailer", "digits9"),
]
# Not scheme members (not on the approved list): an embedded-network operator and a typo-squat look-alike.
NON_MEMBERS = [
    Member("brightside", "Brightside Embedded Networks", "brightside-en.example", "retailer", "digits10", False),
    Member("sunbeamtypo", "Sunbeam Energy (look-alike)", "sunbeam-energy.example", "retailer", "digits10", False),
]
APPROVED_DOMAINS = [m.domain for m in MEMBERS] + ["tisnational.example"]

GIVEN_F = [
    "Priya",
    "Sarah",
    "Mele",
    "Aisha",
    "Thi Lan",
    "Chloe",
    "Fatima",
    "Olivia",
    "Mariam",
    "Ngaio",
    "Siobhan",
    "Yuki",
    "Leilani",
    "Grace",
    "Amara",
    "Katarzyna",
    "Rosa",
    "Hana",
    "Jasmine",
    "Dimitra",
    "Tahlia",
    "Ayesha",
    "Ruth",
    "Mwajuma",
    "Ling",
    "Bronwyn",
    "Ifeoma",
    "Esperanza",
    "Zahra",
    "Kirra",
]
GIVEN_M = [
    "Rahul",
    "James",
    "Sione",
    "Omar",
    "Van Minh",
    "Liam",
    "Mohammed",
    "Declan",
    "Hamid",
    "Wiremu",
    "Connor",
    "Kenji",
    "Tevita",
    "Noah",
    "Chidi",
    "Piotr",
    "Mateo",
    "Arjun",
    "Giorgos",
    "Jack",
    "Bilal",
    "Daniel",
    "Samuel",
    "Baraka",
    "Wei",
    "Kevin",
    "Emeka",
    "Diego",
    "Reza",
    "Jedda",
]
FAMILY = [
    "Raman",
    "Mitchell",
    "Fifita",
    "Haddad",
    "Nguyen",
    "O'Brien",
    "Al-Sayed",
    "Kowalski",
    "Tanaka",
    "Papadopoulos",
    "Walker",
    "Okonkwo",
    "Fernandez",
    "Singh",
    "Chen",
    "Kaur",
    "MacPherson",
    "Van der Berg",
    "Ahmadi",
    "Taufa",
    "Murphy",
    "Lee",
    "Hussein",
    "Brown",
    "Ngata",
    "Rossi",
    "Mwangi",
    "Patel",
    "Thompson",
    "Nakamura",
    "Jankowski",
    "Morrison",
    "De Silva",
    "Abdi",
    "Whitfield",
    "Ferreira",
    "Yilmaz",
    "Campbell",
    "Le",
]
STREETS = [
    ("Wattle", "Street", "St"),
    ("Banksia", "Crescent", "Cres"),
    ("Lydiard", "Street North", "St Nth"),
    ("Sturt", "Street", "St"),
    ("Mair", "Road", "Rd"),
    ("Gillies", "Avenue", "Ave"),
    ("Creswick", "Road", "Rd"),
    ("Timor", "Street", "St"),
    ("Koroit", "Street", "St"),
    ("Liebig", "Court", "Ct"),
    ("Henty", "Highway", "Hwy"),
    ("Percy", "Street", "St"),
    ("Firebrace", "Street", "St"),
    ("Bennett", "Parade", "Pde"),
    ("Murray", "Place", "Pl"),
    ("Casuarina", "Drive", "Dr"),
    ("Grevillea", "Close", "Cl"),
    ("Camp", "Street", "St"),
    ("Lava", "Terrace", "Tce"),
    ("Moorabool", "Lane", "Lane"),
]
TOWNS = [
    ("Ballarat Central", "VIC", "3350"),
    ("Sebastopol", "VIC", "3356"),
    ("Warrnambool", "VIC", "3280"),
    ("Hamilton", "VIC", "3300"),
    ("Portland", "VIC", "3305"),
    ("Horsham", "VIC", "3400"),
    ("Ararat", "VIC", "3377"),
    ("Stawell", "VIC", "3380"),
    ("Colac", "VIC", "3250"),
    ("Camperdown", "VIC", "3260"),
    ("Port Fairy", "VIC", "3284"),
    ("Maryborough", "VIC", "3465"),
    ("Daylesford", "VIC", "3460"),
    ("Mount Gambier", "SA", "5290"),
    ("Naracoorte", "SA", "5271"),
    ("Nhill", "VIC", "3418"),
    ("Casterton", "VIC", "3311"),
    ("Wendouree", "VIC", "3355"),
]
MAIL_DOMAINS = ["example.com.au", "mail.test", "example.net.au", "inbox.test", "example.com"]
REPS = [
    ("Westside Financial Counselling", "fcv-westside.example", "Financial counsellor"),
    ("Barwon Community Legal Centre", "barwoncl.example", "Community lawyer"),
    ("Grampians Emergency Relief", "grampiansrelief.example", "Caseworker"),
]


@dataclass
class Address:
    lines: list[str]  # street lines as written on an envelope (short or long forms chosen at creation)
    town: str
    state: str
    postcode: str

    def one_line(self) -> str:
        return ", ".join(self.lines) + f", {self.town} {self.state} {self.postcode}"

    def block(self, upper: bool = True) -> list[str]:
        town = self.town.upper() if upper else self.town
        return [*self.lines, f"{town} {self.state} {self.postcode}"]


@dataclass
class Client:
    cid: str
    title: str
    given: str
    family: str
    dob: str
    emails: list[str]
    phones: list[str]
    address: Address
    case_ref: str  # the scheme's file ("2026/04412")
    complaint_no: str  # the complaint number ("EWO-26-0412")
    account: str  # the member company's account number, stored without spaces
    member: Member
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    rep: tuple[str, str, str] | None = None  # (name, organisation, email) of the representative
    language: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.given} {self.family}"

    @property
    def email(self) -> str:
        return self.emails[0]

    @property
    def phone(self) -> str:
        return self.phones[0]

    def account_spaced(self) -> str:
        a = self.account
        if a.isdigit():
            return " ".join(a[i : i + 4] for i in range(0, len(a), 4))
        return a

    def row(self) -> dict[str, str]:
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob,
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.address.one_line(),
            "references": ";".join([self.case_ref, self.complaint_no, self.account]),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint_with),
            "authorised_contacts": ";".join(self.authorised),
        }


def _account(rng: random.Random, m: Member) -> str:
    if m.acct_style == "ww":
        return f"WW{rng.randint(10000000, 99999999)}"
    if m.acct_style == "gcw":
        return f"GCW-{rng.randint(100000, 999999)}-{rng.randint(10, 99)}"
    if m.acct_style == "nmi":
        return f"6305{rng.randint(100000, 999999)}"
    n = {"digits10": 10, "digits12": 12, "digits9": 9}[m.acct_style]
    return str(rng.randint(10 ** (n - 1), 10**n - 1))


def _address(rng: random.Random) -> Address:
    town, state, pc = rng.choice(TOWNS)
    name, long, short = rng.choice(STREETS)
    st = f"{name} {rng.choice([long, short])}"
    no = rng.randint(1, 240)
    style = rng.random()
    if style < 0.15:
        lines = [f"Unit {rng.randint(1, 12)}, {no} {st}"]
    elif style < 0.25:
        lines = [f"{rng.randint(1, 9)}/{no} {st}"]
    elif style < 0.32:
        lines = [f"Level {rng.randint(1, 4)}", f"{no} {st}"]
    elif style < 0.38:
        lines = [f"Lot {rng.randint(10, 400)} {name} {long}"]
    elif style < 0.44:
        lines = [f"RMB {rng.randint(1000, 9999)}", f"{name} {long}"]
    elif style < 0.54:
        lines = [f"PO Box {rng.randint(10, 2999)}"]
    else:
        lines = [f"{no} {st}"]
    return Address(lines, town, state, pc)


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    return f"(03) 5{rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _email(rng: random.Random, given: str, family: str) -> str:
    g = given.split()[0].lower()
    f = "".join(ch for ch in family.lower() if ch.isalpha())
    local = rng.choice([f"{g}.{f}", f"{g}{f}{rng.randint(1, 99)}", f"{g[0]}{f}", f"{f}.{g}{rng.randint(60, 99)}"])
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


class Registry:
    """All complainants, with the special households the cases need."""

    def __init__(self, rng: random.Random, n: int) -> None:
        self.rng = rng
        self.clients: list[Client] = []
        self._used_refs: set[str] = set()
        self._seq = rng.randint(1200, 3000)
        for _ in range(n):
            self.new()
        self._households()

    def _ref(self) -> tuple[str, str]:
        self._seq += self.rng.randint(1, 9)
        return f"2026/{self._seq:05d}", f"EWO-26-{self._seq + 40000:05d}"

    def new(self, given: str | None = None, family: str | None = None, female: bool | None = None) -> Client:
        rng = self.rng
        female = rng.random() < 0.5 if female is None else female
        given = given or rng.choice(GIVEN_F if female else GIVEN_M)
        family = family or rng.choice(FAMILY)
        title = rng.choice(["Ms", "Mrs", "Miss"]) if female else "Mr"
        if rng.random() < 0.08:
            title = "Mx"
        dob = f"{rng.randint(1938, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        member = rng.choice(MEMBERS)
        case_ref, complaint_no = self._ref()
        emails = [_email(rng, given, family)]
        if rng.random() < 0.15:
            emails.append(_email(rng, given, family))
        phones = [_phone(rng)]
        if rng.random() < 0.2:
            phones.append(_phone(rng))
        c = Client(
            cid=f"C{210000 + len(self.clients) * 7 + rng.randint(0, 6)}",
            title=title,
            given=given,
            family=family,
            dob=dob,
            emails=emails,
            phones=phones,
            address=_address(rng),
            case_ref=case_ref,
            complaint_no=complaint_no,
            account=_account(rng, member),
            member=member,
        )
        if rng.random() < 0.12:
            c.language = rng.choice(["Vietnamese", "Arabic", "Tongan", "Dari", "Mandarin", "Punjabi", "Swahili"])
        self.clients.append(c)
        return c

    def _households(self) -> None:
        rng = self.rng
        ordinary = self.clients[:]
        rng.shuffle(ordinary)
        # Couples with one surname on a joint account at one address.
        self.couples: list[tuple[Client, Client]] = []
        for _ in range(4):
            a = ordinary.pop()
            b = self.new(family=a.family, female=a.title == "Mr")
            b.address, b.member, b.account = a.address, a.member, a.account
            a.joint_with, b.joint_with = [b.cid], [a.cid]
            self.couples.append((a, b))
        # Same surname, same town, separate accounts (siblings): not related in the registry.
        self.namesakes: list[tuple[Client, Client]] = []
        for _ in range(3):
            a = ordinary.pop()
            b = self.new(given=a.given, family=a.family, female=a.title != "Mr")
            self.namesakes.append((a, b))
        # Family violence: she has left, her new address and phone are suppressed; he is the joint holder.
        self.fv: list[tuple[Client, Client]] = []
        for n in range(5):
            ex = ordinary.pop()
            if ex.title != "Mr":
                ex.title = "Mr"
                ex.given = rng.choice(GIVEN_M)
            her = self.new(family=rng.choice([ex.family, rng.choice(FAMILY)]), female=True)
            her.member, her.account = ex.member, ex.account
            her.suppressed = ["postal_address", "phone"]
            if n % 2 == 0:
                her.suppressed.append("email")
            her.joint_with, ex.joint_with = [ex.cid], [her.cid]
            self.fv.append((her, ex))
        # Authorised representatives: financial counsellor / legal centre by email; an adult child.
        self.represented: list[Client] = []
        for i in range(6):
            c = ordinary.pop()
            org, dom, role = REPS[i % len(REPS)]
            rg = rng.choice(GIVEN_F + GIVEN_M)
            rf = rng.choice(FAMILY)
            rmail = f"{rg.split()[0].lower()}.{''.join(ch for ch in rf.lower() if ch.isalpha())}@{dom}"
            c.rep = (f"{rg} {rf}", org, rmail)
            c.authorised = [rmail]
            if i == 0:  # the complainant gives the counsellor's address as her postal address
                c.address = Address([f"c/- {org}", f"PO Box {rng.randint(100, 999)}"], "Horsham", "VIC", "3400")
            self.represented.append(c)
        self.children: list[tuple[Client, Client]] = []
        for _ in range(3):
            parent = ordinary.pop()
            child = self.new(family=parent.family)
            parent.authorised = [child.cid, child.email]
            self.children.append((parent, child))
        self.ordinary = [c for c in ordinary if c.language == ""]
        self.interpreted = [c for c in ordinary if c.language]

    def by_id(self, cid: str) -> Client:
        return next(c for c in self.clients if c.cid == cid)

    def rows(self) -> list[dict[str, str]]:
        return [c.row() for c in self.clients]
