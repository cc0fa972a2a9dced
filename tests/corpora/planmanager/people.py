"""The registry of Wattlebrook Plan Partners: participants, nominees, guardians and the special cast.

Everyone is invented: given names come from a short list, family names from made-up syllables, NDIS numbers,
phone numbers and e-mail addresses are drawn from a seeded generator. Localities are real place names so that
addresses look like real Australian addresses; the streets and people in them are not.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

GIVEN_F = [
    "Aleesha",
    "Brianna",
    "Carys",
    "Delphine",
    "Ebony",
    "Fenella",
    "Georgia",
    "Harriet",
    "Imogen",
    "Jacinta",
    "Kirra",
    "Leonie",
    "Maddison",
    "Narelle",
    "Odette",
    "Petra",
    "Quinn",
    "Rhiannon",
    "Shanae",
    "Tamsin",
    "Verity",
    "Willow",
    "Yasmin",
    "Zara",
    "Annika",
    "Bronte",
    "Coralie",
    "Danika",
    "Estelle",
    "Felicity",
]
GIVEN_M = [
    "Alistair",
    "Brodie",
    "Callum",
    "Darcy",
    "Eamon",
    "Fletcher",
    "Gideon",
    "Harvey",
    "Isaac",
    "Jarrah",
    "Kieran",
    "Lachlan",
    "Mitchell",
    "Nate",
    "Orson",
    "Pearce",
    "Rory",
    "Saxon",
    "Tobias",
    "Vaughan",
    "Warrick",
    "Xavier",
    "Yuri",
    "Zane",
    "Angus",
    "Beau",
    "Corey",
    "Dane",
    "Ellery",
    "Finnian",
]
FAM_A = [
    "Ash",
    "Brack",
    "Carra",
    "Dun",
    "Ell",
    "Fen",
    "Gar",
    "Hal",
    "Kil",
    "Lor",
    "Mar",
    "Nor",
    "Pem",
    "Quill",
    "Rad",
    "Sel",
    "Tarr",
    "Vell",
    "Wyn",
    "Yar",
    "Bel",
    "Cor",
    "Dray",
    "Har",
    "Mel",
    "Ost",
    "Pell",
    "Rush",
    "Strath",
    "Tull",
]
FAM_B = [
    "ford",
    "ley",
    "wick",
    "ton",
    "more",
    "by",
    "dale",
    "ridge",
    "stone",
    "well",
    "combe",
    "field",
    "hurst",
    "lowe",
    "mont",
    "son",
    "worth",
    "ington",
    "away",
    "bourne",
]
STREETS = [
    "Wattle",
    "Banksia",
    "Kurrajong",
    "Lantana",
    "Myrtle",
    "Ironbark",
    "Boronia",
    "Grevillea",
    "Tarrengower",
    "Mitchell",
    "Hargreaves",
    "Lyttleton",
    "Barkly",
    "Forest",
    "Havelock",
    "Olinda",
    "Pyrenees",
    "Campaspe",
    "Loddon",
    "Murray",
    "Kiewa",
    "Ovens",
    "Goulburn",
    "Wimmera",
    "Coliban",
    "Moorabool",
    "Werribee",
    "Yarra",
    "Maribyrnong",
    "Tambo",
    "Snowy",
    "Mitta",
    "Jacaranda",
    "Casuarina",
    "Bottlebrush",
    "Melaleuca",
    "Saltbush",
]
STREET_TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Place", "Pl"),
    ("Parade", "Pde"),
    ("Grove", "Gr"),
    ("Close", "Cl"),
    ("Lane", "Ln"),
    ("Way", "Way"),
]
LOCALITIES = [
    ("Bendigo", "VIC", "3550"),
    ("Kangaroo Flat", "VIC", "3555"),
    ("Eaglehawk", "VIC", "3556"),
    ("Strathfieldsaye", "VIC", "3551"),
    ("Epsom", "VIC", "3551"),
    ("Castlemaine", "VIC", "3450"),
    ("Kyneton", "VIC", "3444"),
    ("Maryborough", "VIC", "3465"),
    ("Echuca", "VIC", "3564"),
    ("Swan Hill", "VIC", "3585"),
    ("Shepparton", "VIC", "3630"),
    ("Wodonga", "VIC", "3690"),
    ("Ballarat", "VIC", "3350"),
    ("Horsham", "VIC", "3400"),
    ("Mildura", "VIC", "3500"),
    ("Albury", "NSW", "2640"),
    ("Wagga Wagga", "NSW", "2650"),
    ("Deniliquin", "NSW", "2710"),
    ("Heathcote", "VIC", "3523"),
    ("Inglewood", "VIC", "3517"),
    ("Rochester", "VIC", "3561"),
]
RURAL = [
    ("Marong", "VIC", "3515"),
    ("Elmore", "VIC", "3558"),
    ("Dunolly", "VIC", "3472"),
    ("Wedderburn", "VIC", "3518"),
]
MAIL_DOMAINS = ["netmail.example", "postbox.example", "ozmail.example", "inbox-au.example"]


@dataclass
class Address:
    street: str  # "14 Wattle Street", "PO Box 311", "RMB 2140", "Lot 7 Sandy Creek Road"
    locality: str
    state: str
    postcode: str
    unit: str = ""  # "Unit 3", "Room 2", "Flat 1"
    care_of: str = ""  # "c/- Acacia House"

    def one_line(self) -> str:
        parts = []
        if self.care_of:
            parts.append(self.care_of)
        if self.unit.startswith(("Unit ", "Flat ")):
            parts.append(f"{self.unit.split()[1]}/{self.street}")
        elif self.unit:
            parts.append(f"{self.unit}, {self.street}")
        else:
            parts.append(self.street)
        return ", ".join(parts) + f", {self.locality} {self.state} {self.postcode}"

    def short_street(self) -> str:
        s = self.street
        for full, abbr in STREET_TYPES:
            if s.endswith(" " + full):
                return s[: -len(full)] + abbr
        return s

    def lines(self, style: int = 0) -> list[str]:
        """The address as a letter writes it; styles vary abbreviation, capitals and unit form."""
        street = self.short_street() if style in (1, 3, 4) else self.street
        loc = (
            f"{self.locality.upper()}  {self.state}  {self.postcode}"
            if style in (0, 1, 4)
            else (f"{self.locality} {self.state} {self.postcode}")
        )
        out = []
        if self.care_of:
            out.append(self.care_of)
        if self.unit:
            if style in (1, 4) and self.unit.startswith(("Unit ", "Flat ")):
                out.append(f"{self.unit.split()[1]}/{street}")
            else:
                out.append(f"{self.unit}, {street}" if style % 2 else self.unit)
                if not style % 2:
                    out.append(street)
        else:
            out.append(street)
        if style == 4:
            out = [x.upper() for x in out]
        out.append(loc)
        return out


@dataclass
class Person:
    cid: str
    given: str
    family: str
    dob: date | None
    emails: list[str]
    phones: list[str]
    addr: Address
    refs: list[str] = field(default_factory=list)  # [NDIS number, WPP reference]
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)
    kind: str = "participant"  # participant | nominee | contact
    sex: str = "F"
    plan: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def ndis(self) -> str:
        return self.refs[0]

    @property
    def wpp(self) -> str:
        return self.refs[1]

    @property
    def title(self) -> str:
        return "Ms" if self.sex == "F" else "Mr"

    def row(self) -> dict:
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat() if self.dob else "",
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.addr.one_line(),
            "references": ";".join(self.refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint),
            "authorised_contacts": ";".join(self.auth),
        }


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


@dataclass
class Provider:
    name: str
    abn: str
    email: str
    approved: bool
    kind: str
    items: list[tuple[str, str, float]]  # (support item number, description, unit price)
    contact: str = "Accounts"


SUPPORTS = {
    "sil": [("01_821_0115_1_1", "Assistance in Supported Independent Living - Weekday", 58.03)],
    "core": [
        ("01_011_0107_1_1", "Assistance With Self-Care Activities - Standard - Weekday Daytime", 67.56),
        ("01_015_0107_1_1", "Assistance With Self-Care Activities - Standard - Weekday Evening", 74.44),
        ("04_104_0125_6_1", "Access Community Social and Rec Activ - Standard - Weekday Daytime", 67.56),
    ],
    "therapy": [
        ("15_054_0128_1_3", "Assessment Recommendation Therapy or Training - Speech Pathologist", 193.99),
        ("15_056_0128_1_3", "Assessment Recommendation Therapy or Training - Occupational Therapist", 193.99),
    ],
    "transport": [("02_051_0108_1_1", "Transport - Activity Based", 1.00)],
    "consumables": [("03_092_0103_1_1", "Continence Products - Low Cost", 1.00)],
    "garden": [("01_019_0120_1_1", "House or Yard Maintenance", 56.98)],
    "psych": [("15_046_0128_1_3", "Counselling - Psychologist", 214.41)],
    "sc": [("07_002_0106_8_3", "Coordination of Supports", 100.14)],
}


def make_providers() -> list[Provider]:
    return [
        Provider(
            "Banksia Care Services Ltd",
            "41 608 223 915",
            "accounts@banksiacare.example",
            True,
            "sil",
            SUPPORTS["sil"] + SUPPORTS["core"][:1],
        ),
        Provider(
            "Riverred Allied Health Pty Ltd",
            "27 143 880 602",
            "billing@riverred.example",
            True,
            "therapy",
            SUPPORTS["therapy"],
        ),
        Provider(
            "Kestrel Community Supports Inc",
            "86 229 470 318",
            "invoices@kestrelsupports.example",
            True,
            "core",
            SUPPORTS["core"],
        ),
        Provider(
            "Goldfields Transport Co-operative",
            "55 812 006 473",
            "accounts@goldfieldstransport.example",
            True,
            "transport",
            SUPPORTS["transport"],
        ),
        Provider(
            "Mallee Health Equipment Pty Ltd",
            "19 604 557 280",
            "orders@malleeequip.example",
            True,
            "consumables",
            SUPPORTS["consumables"],
        ),
        # sole traders and small practices: not approved domains; each participant who uses them has
        # recorded consent, so the provider's address is in that participant's authorised_contacts.
        Provider(
            "Jem Harlowe Speech Pathology",
            "63 902 114 587",
            "jharlowe.speech@netmail.example",
            False,
            "therapy",
            SUPPORTS["therapy"][:1],
            "Jem",
        ),
        Provider(
            "Ossie's Garden & Home Maintenance",
            "32 517 664 090",
            "ossies.gardens@postbox.example",
            False,
            "garden",
            SUPPORTS["garden"],
            "Ossie",
        ),
        Provider(
            "Calm Waters Psychology", "78 330 215 946", "admin@calmwaters.example", False, "psych", SUPPORTS["psych"]
        ),
    ]


ORG = {
    "name": "Wattlebrook Plan Partners Pty Ltd",
    "short": "Wattlebrook Plan Partners",
    "abn": "53 612 448 190",
    "phone": "1300 927 285",
    "fax": "(03) 5443 9100",
    "postal": ["PO Box 1180", "BENDIGO  VIC  3552"],
    "street": "Level 2, 61 Mitchell Street, Bendigo VIC 3550",
    "domain": "wattlebrook.example",
    "ndis_reg": "4050 118 223",
}
STAFF = [
    ("Tessa Verrall", "Plan Manager", "t.verrall"),
    ("Mason Okoro", "Accounts Officer", "m.okoro"),
    ("Priya Daintree", "Support Coordinator", "p.daintree"),
    ("Hamish Cole-Barton", "Senior Support Coordinator", "h.colebarton"),
    ("Lena Fairweather", "Intake Officer", "l.fairweather"),
]
APPROVED_OTHER = ["ndia.gov.example", "publicadvocate.vic.gov.example", "vcat.vic.gov.example"]
SUPPRESSED_STAFF = ["safety@wattlebrook.example", "t.verrall@wattlebrook.example"]


class Registry:
    """The seeded registry; `cast` names the people the incident cases are built around."""

    def __init__(self, rng: random.Random, scale: float = 1.0):
        self.rng = rng
        self.people: list[Person] = []
        self.by_id: dict[str, Person] = {}
        self.cast: dict[str, Person] = {}
        self.providers = make_providers()
        self.served: dict[str, list[Person]] = {p.email: [] for p in self.providers}
        self._next = 100200
        self._ndis: set[str] = set()
        self._names: set[tuple[str, str]] = set()
        self._addr: set[str] = set()
        self._used: set[str] = set()  # e-mail addresses, phone numbers and WPP references already issued
        self._build(scale)

    # ---- primitives -------------------------------------------------------------------------------------------
    def _cid(self) -> str:
        self._next += self.rng.randint(1, 9)
        return f"C{self._next}"

    def _name(self, sex: str, family: str | None = None) -> tuple[str, str]:
        while True:
            g = self.rng.choice(GIVEN_F if sex == "F" else GIVEN_M)
            f = family or (self.rng.choice(FAM_A) + self.rng.choice(FAM_B))
            if (g, f) not in self._names:
                self._names.add((g, f))
                return g, f

    def _ndis_no(self) -> str:
        while True:
            n = "43" + "".join(str(self.rng.randint(0, 9)) for _ in range(7))
            if n not in self._ndis:
                self._ndis.add(n)
                return n

    def _unique(self, make) -> str:
        while True:
            v = make()
            if v not in self._used:
                self._used.add(v)
                return v

    def _phone(self, mobile: bool = True) -> str:
        r = self.rng
        if mobile:
            return self._unique(
                lambda: f"04{r.randint(0, 9)}{r.randint(0, 9)} {r.randint(100, 999)} {r.randint(100, 999)}"
            )
        return self._unique(lambda: f"(03) 5{r.randint(100, 999)} {r.randint(1000, 9999)}")

    def _email(self, g: str, f: str) -> str:
        r = self.rng

        def make():
            local = r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{g}{f[:3]}{r.randint(10, 99)}", f"{f}.{g[0]}"]).lower()
            return f"{local}@{r.choice(MAIL_DOMAINS)}"

        return self._unique(make)

    def _street_addr(self, loc=None) -> Address:
        while True:
            num = self.rng.randint(1, 240)
            full, _ = self.rng.choice(STREET_TYPES)
            street = f"{num} {self.rng.choice(STREETS)} {full}"
            locality, state, pc = loc or self.rng.choice(LOCALITIES)
            a = Address(street, locality, state, pc)
            if self.rng.random() < 0.12:
                a.unit = f"Unit {self.rng.randint(1, 12)}"
            if a.one_line() not in self._addr:
                self._addr.add(a.one_line())
                return a

    def _dob(self, lo: int, hi: int) -> date:
        return date(self.rng.randint(lo, hi), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def _plan(self) -> dict:
        r = self.rng
        start = date(2024, r.choice([4, 5, 7, 9, 10, 12]), r.randint(1, 28))
        return {
            "start": start,
            "end": date(start.year + 1, start.month, start.day),
            "core": r.randint(80, 900) * 100.0,
            "cb": r.randint(20, 180) * 100.0,
            "sc": r.randint(20, 60) * 100.0,
            "capital": r.choice([0.0, 0.0, r.randint(5, 80) * 100.0]),
        }

    def add(self, p: Person) -> Person:
        self.people.append(p)
        self.by_id[p.cid] = p
        return p

    def participant(
        self, sex=None, addr=None, dob=None, family=None, given=None, email=True, phone=True, landline=False
    ) -> Person:
        sex = sex or self.rng.choice("FM")
        g, f = self._name(sex, family)
        if given:
            g = given
        p = Person(
            self._cid(),
            g,
            f,
            dob or self._dob(1948, 2004),
            [self._email(g, f)] if email else [],
            ([self._phone()] if phone else []) + ([self._phone(False)] if landline else []),
            addr or self._street_addr(),
            [self._ndis_no(), self._unique(lambda: f"WPP-{self.rng.randint(100000, 199999)}")],
            sex=sex,
            plan=self._plan(),
        )
        return self.add(p)

    def contact(self, sex=None, addr=None, family=None, kind="nominee", dob=True) -> Person:
        sex = sex or self.rng.choice("FM")
        g, f = self._name(sex, family)
        p = Person(
            self._cid(),
            g,
            f,
            self._dob(1950, 1990) if dob else None,
            [self._email(g, f)],
            [self._phone()],
            addr or self._street_addr(),
            [],
            kind=kind,
            sex=sex,
        )
        return self.add(p)

    def nominate(self, participant: Person, nominee: Person) -> None:
        participant.auth += [nominee.cid] + nominee.emails

    def serve(self, provider_email: str, p: Person) -> None:
        self.served[provider_email].append(p)
        prov = next(x for x in self.providers if x.email == provider_email)
        if not prov.approved and provider_email not in p.auth:
            p.auth.append(provider_email)

    # ---- the registry ------------------------------------------------------------------------------------------
    def _build(self, scale: float) -> None:
        r = self.rng
        c = self.cast
        # family-violence victims ------------------------------------------------------------------------------
        c["v1"] = self.participant("F", addr=Address("7 Lantana Court", "Kangaroo Flat", "VIC", "3555"))
        c["v1"].suppressed = ["postal_address", "phone", "email"]
        c["v1_ex"] = self.contact("M", kind="former-nominee")  # revoked nominee: not in authorised_contacts
        c["v1_adv"] = self.contact("F", kind="advocate", dob=False)
        self.nominate(c["v1"], c["v1_adv"])
        c["v2"] = self.participant("F", addr=Address("22 Ironbark Crescent", "Echuca", "VIC", "3564", unit="Unit 4"))
        c["v2"].suppressed = ["postal_address", "phone"]
        c["v2_ex"] = self.participant("M")  # her former partner, also a participant; joint household plan record
        c["v2"].joint = [c["v2_ex"].cid]
        c["v2_ex"].joint = [c["v2"].cid]
        c["v3"] = self.contact("F", addr=Address("RMB 2140", "Marong", "VIC", "3515"), kind="nominee")
        c["v3"].suppressed = ["postal_address", "phone", "email"]
        c["v3_child"] = self.participant(
            "M", addr=c["v3"].addr, dob=date(2015, 8, 19), family=c["v3"].family, email=False, phone=False
        )
        c["v3_child"].suppressed = ["postal_address"]
        self.nominate(c["v3_child"], c["v3"])
        c["v3_ex"] = self.contact("M", family=c["v3"].family, kind="parent")  # the father: not a nominee
        c["v4"] = self.participant("F", addr=Address("PO Box 311", "Castlemaine", "VIC", "3450"))
        c["v4"].suppressed = ["email", "phone"]
        c["v5"] = self.participant("F", addr=Address("48 Saltbush Way", "Swan Hill", "VIC", "3585", unit="Flat 2"))
        c["v5"].suppressed = ["postal_address"]
        c["v5_ex"] = self.contact("M", kind="former-nominee")
        # children whose parent is the nominee ----------------------------------------------------------------
        for k in ("k1", "k2"):
            parent = self.contact("F")
            child = self.participant(
                r.choice("FM"),
                addr=parent.addr,
                dob=self._dob(2011, 2019),
                family=parent.family,
                email=False,
                phone=False,
            )
            self.nominate(child, parent)
            c[k], c[k + "_parent"] = child, parent
            c[k + "_other"] = self.contact("M", family=parent.family, kind="parent")
        # name twins --------------------------------------------------------------------------------------------
        c["t1a"] = self.participant("M", dob=date(1979, 4, 12))
        c["t1b"] = self.participant("M", dob=date(1991, 10, 3), family=c["t1a"].family, given=c["t1a"].given)
        c["t2a"] = self.participant("F", dob=date(1966, 2, 27))
        c["t2b"] = self.participant("F", dob=date(1966, 2, 7), family=c["t2a"].family, given=c["t2a"].given)
        # a supported-independent-living house: rooms at one address ---------------------------------------------
        for i in range(1, 5):
            a = Address("14 Kurrajong Street", "Epsom", "VIC", "3551", unit=f"Room {i}")
            c[f"s{i}"] = self.participant(addr=a, email=(i % 2 == 0), phone=(i != 3))
            self.serve("accounts@banksiacare.example", c[f"s{i}"])
        # a group home: c/- the house ---------------------------------------------------------------------------
        for i in range(1, 4):
            a = Address("22 Myers Street", "Castlemaine", "VIC", "3450", care_of="c/- Acacia House")
            c[f"g{i}"] = self.participant(addr=a, email=False)
            self.serve("accounts@banksiacare.example", c[f"g{i}"])
        c["g_guardian_note"] = c["g2"]
        c["g2"].auth.append("guardianship@publicadvocate.vic.gov.example")
        # rural, PO box, c/- relatives ----------------------------------------------------------------------------
        c["rmb"] = self.participant(addr=Address("RMB 6655", "Elmore", "VIC", "3558"), landline=True)
        c["lot"] = self.participant(addr=Address("Lot 7 Sandy Creek Road", "Dunolly", "VIC", "3472"))
        c["pobox"] = self.participant(addr=Address("PO Box 92", "Inglewood", "VIC", "3517"))
        rel = self.contact("F", kind="relative", dob=False)
        c["careof"] = self.participant(
            addr=Address(
                rel.addr.street, rel.addr.locality, rel.addr.state, rel.addr.postcode, rel.addr.unit, f"c/- {rel.name}"
            )
        )
        # participants with adult nominees ------------------------------------------------------------------------
        for k in ("n1", "n2", "n3"):
            c[k] = self.participant()
            c[k + "_nom"] = self.contact()
            self.nominate(c[k], c[k + "_nom"])
        # users of sole traders (consent recorded) ----------------------------------------------------------------
        for k, prov in (
            ("st1", "jharlowe.speech@netmail.example"),
            ("st2", "jharlowe.speech@netmail.example"),
            ("st3", "ossies.gardens@postbox.example"),
            ("st4", "admin@calmwaters.example"),
        ):
            c[k] = self.participant()
            self.serve(prov, c[k])
        self.serve("admin@calmwaters.example", c["v1"])
        # filler participants -----------------------------------------------------------------------------------
        n_fill = max(40, int(230 * scale))
        fill = []
        for _ in range(n_fill):
            p = self.participant(landline=r.random() < 0.2)
            if r.random() < 0.18:
                nom = self.contact()
                self.nominate(p, nom)
            if r.random() < 0.1:
                p.emails.append(self._email(p.given, p.family))
            fill.append(p)
        self.fill = fill
        approved = [p for p in self.providers if p.approved]
        for i, p in enumerate(fill):
            self.serve(approved[i % len(approved)].email, p)
            if i % 3 == 0:
                self.serve(approved[(i + 2) % len(approved)].email, p)
        for i, k in enumerate(("v1", "v2", "v4", "v5", "t1a", "t1b", "t2a", "t2b", "rmb", "lot", "pobox", "careof")):
            self.serve(approved[i % len(approved)].email, c[k])
        self.serve("invoices@kestrelsupports.example", c["v2"])
        self.serve("billing@riverred.example", c["k1"])
        self.serve("billing@riverred.example", c["v3_child"])
        self._fill_iter = 0

    def next_fill(self) -> Person:
        p = self.fill[self._fill_iter % len(self.fill)]
        self._fill_iter += 1
        return p

    def provider(self, key: str) -> Provider:
        return next(p for p in self.providers if key in p.email)

    def staff(self, i: int | None = None) -> tuple[str, str, str]:
        name, role, local = STAFF[self.rng.randrange(len(STAFF)) if i is None else i]
        return name, role, f"{local}@{ORG['domain']}"
