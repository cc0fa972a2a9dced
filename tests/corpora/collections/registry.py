"""The agency's client registry: debtors and claimants, written to clients.csv (DESIGN §4 columns)."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field

GIVEN = [
    "Sarah",
    "Michael",
    "Aaliyah",
    "Jack",
    "Mei",
    "Nguyen Thi",
    "Priya",
    "Liam",
    "Olivia",
    "Mohammed",
    "Zoë",
    "José",
    "Renée",
    "Björn",
    "Siobhan",
    "Tama",
    "Aroha",
    "Hamish",
    "Fatima",
    "Jarrah",
    "Kylie",
    "Darren",
    "Wei",
    "Anh",
    "Rangi",
    "Lucía",
    "Dimitri",
    "Eleni",
    "Gurpreet",
    "Harjit",
    "Bronwyn",
    "Shane",
    "Chloe",
    "Noah",
    "Isla",
    "Tahlia",
    "Brodie",
    "Ngaire",
    "Aiyana",
    "Kofi",
    "Amara",
    "Ivan",
    "Katarzyna",
    "Jean-Luc",
    "Mary-Anne",
    "Sione",
    "Losana",
    "Ahmad",
    "Yasmin",
    "Ethan",
    "Grace",
    "Connor",
    "Ruby",
    "Ali",
    "Hoa",
]
FAMILY = [
    "Nguyen",
    "Smith",
    "O'Sullivan",
    "D'Amato",
    "Papadopoulos",
    "Singh",
    "Kaur",
    "Wang",
    "Al-Hassan",
    "Tupou",
    "Fa'asavalu",
    "Müller",
    "Sørensen",
    "Ó Briain",
    "McAllister",
    "Smith-Nguyen",
    "Van der Berg",
    "Nikolić",
    "Tran",
    "Williams",
    "Brown",
    "Jones",
    "Taylor",
    "Walker",
    "Kelly",
    "Murphy",
    "Chen",
    "Li",
    "Kowalski",
    "Haddad",
    "Mahmoud",
    "Rossi",
    "Costa",
    "Baptiste",
    "Ngata",
    "Whittaker",
    "Pham",
    "Le",
    "Ibrahim",
    "Fitzgerald",
    "MacDonald",
    "Cartwright-Jones",
    "De Silva",
    "Ramos",
    "Okafor",
    "Mensah",
    "Yilmaz",
    "Dubois",
]
STREETS = [
    "Wattle",
    "Banksia",
    "Acacia",
    "Grevillea",
    "Ironbark",
    "Bottlebrush",
    "Lilly Pilly",
    "Correa",
    "Myrtle",
    "Kurrajong",
    "Boronia",
    "Waratah",
    "Callistemon",
    "Saltbush",
    "Casuarina",
    "Paperbark",
    "Bluegum",
    "Yarran",
]
KINDS = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Parade", "Pde"),
    ("Place", "Pl"),
    ("Lane", "La"),
    ("Terrace", "Tce"),
]
PLACES = [
    ("Bendigo", "VIC", "3550"),
    ("Ballarat", "VIC", "3350"),
    ("Shepparton", "VIC", "3630"),
    ("Traralgon", "VIC", "3844"),
    ("Frankston", "VIC", "3199"),
    ("Sunshine", "VIC", "3020"),
    ("Dandenong", "VIC", "3175"),
    ("Werribee", "VIC", "3030"),
    ("Geelong West", "VIC", "3218"),
    ("Wodonga", "VIC", "3690"),
    ("Mildura", "VIC", "3500"),
    ("Warrnambool", "VIC", "3280"),
    ("Albury", "NSW", "2640"),
    ("Wagga Wagga", "NSW", "2650"),
    ("Penrith", "NSW", "2750"),
    ("Dubbo", "NSW", "2830"),
    ("Tamworth", "NSW", "2340"),
    ("Queanbeyan", "NSW", "2620"),
    ("Logan Central", "QLD", "4114"),
    ("Toowoomba", "QLD", "4350"),
    ("Cairns North", "QLD", "4870"),
    ("Elizabeth", "SA", "5112"),
    ("Mount Gambier", "SA", "5290"),
    ("Launceston", "TAS", "7250"),
    ("Glenorchy", "TAS", "7010"),
    ("Armadale", "WA", "6112"),
    ("Bunbury", "WA", "6230"),
]
MAILDOMAINS = ["mailbox.example", "inbox.example", "bigpond.example", "ozmail.example", "fastmail.example"]

ORG = {
    "name": "Kestrel Recoveries Pty Ltd",
    "domain": "kestrelrecoveries.example",
    "abn": "41 608 552 193",
    "phone": "1300 537 835",
    "phone13": "13 75 37",
    "fax": "(03) 9614 7702",
    "street": "Level 9, 470 Collins Street",
    "city": "Melbourne VIC 3000",
    "pobox": "PO Box 18221, Collins Street East VIC 8003",
    "biller": "218846",
    "acl": "Australian Credit Licence 488301",
}
PRINCIPALS = {
    "energy": ("Brightwatt Energy", "brightwatt.example"),
    "telco": ("Coastline Mobile", "coastlinemobile.example"),
    "insurer": ("Harbourline Insurance", "harbourline-insurance.example"),
    "water": ("Lowan Water", "lowanwater.example"),
}
APPROVED = [d for _, d in PRINCIPALS.values()] + [
    "efiling.magistrates-vic.example",
    "vcat-lodgement.example",
    "equifacts-credit.example",
    "afca-disputes.example",
]
COUNSELLOR_DOMAINS = [
    "moneyhelp-loddon.example",
    "cfcs-ballarat.example",
    "uniting-fc.example",
    "wesleyfc.example",
    "salvos-moneycare.example",
]
SOLICITOR_DOMAINS = ["hartleylegal.example", "murraycommunitylaw.example", "finch-associates.example"]


@dataclass
class Client:
    cid: str
    given: str
    family: str
    dob: str
    emails: list[str]
    phones: list[str]
    unit: str
    number: str
    street: str
    kind: tuple[str, str]
    suburb: str
    state: str
    postcode: str
    refs: list[str]
    principal: str
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    balance: str = "0.00"
    tags: set[str] = field(default_factory=set)
    po: str = ""  # a PO box or "c/- ..." line that replaces the street line

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def street_line(self) -> str:
        if self.po:
            return self.po
        base = f"{self.number} {self.street} {self.kind[0]}"
        return f"Unit {self.unit}, {base}" if self.unit else base

    @property
    def address(self) -> str:
        return f"{self.street_line}, {self.suburb} {self.state} {self.postcode}"

    @property
    def kr(self) -> str:
        return self.refs[0]

    @property
    def acct(self) -> str:
        return self.refs[1]

    @property
    def crn(self) -> str:
        # BPAY customer reference: derived, but never equal to any registered reference.
        digits = "".join(c for c in self.kr if c.isdigit())
        return "7" + digits[::-1] + "3"


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.8:
        return f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    return f"0{rng.choice('2378')} {rng.randint(4000, 9999)} {rng.randint(1000, 9999)}"


def _email(rng: random.Random, given: str, family: str, n: int) -> str:
    g = "".join(c for c in given.lower() if c.isalpha() and c.isascii()) or "x"
    f = "".join(c for c in family.lower() if c.isalpha() and c.isascii()) or "y"
    style = n % 4
    local = [f"{g}.{f}", f"{g[0]}{f}{n % 97}", f"{f}.{g[0]}", f"{g}{n % 1000}"][style]
    return f"{local}@{rng.choice(MAILDOMAINS)}"


class Registry:
    def __init__(self, rng: random.Random, scale: float) -> None:
        self.rng = rng
        self.clients: list[Client] = []
        self.by_id: dict[str, Client] = {}
        self.used_refs: set[str] = set()
        n = max(320, int(420 * scale))
        for _ in range(n):
            self._new()
        self._specials()

    def _new(self, given: str | None = None, family: str | None = None, **kw) -> Client:
        rng = self.rng
        i = len(self.clients)
        cid = f"C{300100 + i * 7}"
        given = given or rng.choice(GIVEN)
        family = family or rng.choice(FAMILY)
        dob = f"{rng.randint(1948, 2003)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        suburb, state, pc = rng.choice(PLACES)
        while True:
            kr = f"KR{rng.randint(1000000, 9999999)}"
            acct = f"{rng.randint(4000, 4999)}{rng.randint(100000, 999999)}"
            if kr not in self.used_refs and acct not in self.used_refs:
                break
        self.used_refs |= {kr, acct}
        principal = rng.choice(list(PRINCIPALS))
        refs = [kr, acct]
        if principal == "insurer":
            claim = f"HL-CLM-{rng.randint(100000, 999999)}"
            refs.append(claim)
        c = Client(
            cid=cid,
            given=given,
            family=family,
            dob=dob,
            emails=[_email(rng, given, family, i)],
            phones=[_phone(rng)],
            unit=str(rng.randint(1, 24)) if rng.random() < 0.2 else "",
            number=str(rng.randint(1, 240)),
            street=rng.choice(STREETS),
            kind=rng.choice(KINDS),
            suburb=suburb,
            state=state,
            postcode=pc,
            refs=refs,
            principal=principal,
            balance=f"{rng.randint(180, 9800)}.{rng.randint(0, 99):02d}",
        )
        for k, v in kw.items():
            setattr(c, k, v)
        self.clients.append(c)
        self.by_id[cid] = c
        return c

    def _specials(self) -> None:
        rng = self.rng
        pool = [c for c in self.clients]
        rng.shuffle(pool)
        it = iter(pool)
        # family-violence victims with a joint co-debtor (the perpetrator) and suppressed details
        self.fv: list[Client] = []
        for k in range(14):
            v, p = next(it), next(it)
            v.suppressed = ["postal_address", "phone", "email"] if k % 3 else ["postal_address"]
            v.joint, p.joint = [p.cid], [v.cid]
            p.refs[1] = v.refs[1]  # the joint account they still share
            v.tags.add("fv")
            p.tags.add("perp")
            p.family = v.family if k % 2 else p.family
            self.fv.append(v)
        # hardship clients with financial counsellors (authorised by email)
        self.counselled: list[Client] = []
        for k in range(24):
            c = next(it)
            dom = COUNSELLOR_DOMAINS[k % len(COUNSELLOR_DOMAINS)]
            fname = ["j.pereira", "a.whitlam", "r.chan", "intake", "b.osei", "m.kaye"][k % 6]
            c.contacts = [f"{fname}@{dom}"]
            c.tags.add("hardship")
            self.counselled.append(c)
        # solicitors
        self.represented: list[Client] = []
        for k in range(8):
            c = next(it)
            c.contacts = [f"{['reception', 'l.mercer', 'd.huang'][k % 3]}@{SOLICITOR_DOMAINS[k % 3]}"]
            self.represented.append(c)
        # deceased estates: the executor is another client (authorised by client id) or a solicitor by email
        self.estates: list[tuple[Client, Client]] = []
        for k in range(8):
            d, ex = next(it), next(it)
            d.contacts = [ex.cid] if k % 2 == 0 else [ex.cid, f"estates@{SOLICITOR_DOMAINS[k % 3]}"]
            d.tags.add("deceased")
            ex.family = d.family if k % 3 else ex.family
            self.estates.append((d, ex))
        # ordinary joint accounts (no violence)
        self.joints: list[tuple[Client, Client]] = []
        for _ in range(10):
            a, b = next(it), next(it)
            a.joint, b.joint = [b.cid], [a.cid]
            b.family = a.family
            b.number, b.street, b.kind, b.suburb, b.state, b.postcode, b.unit = (
                a.number,
                a.street,
                a.kind,
                a.suburb,
                a.state,
                a.postcode,
                a.unit,
            )
            b.refs[1] = a.refs[1]  # the joint account number
            self.joints.append((a, b))
        # name twins: same name, different date of birth and address
        self.twins: list[tuple[Client, Client]] = []
        for _ in range(8):
            a, b = next(it), next(it)
            b.given, b.family = a.given, a.family
            self.twins.append((a, b))
        # units in one building; same street in different suburbs
        self.building = [next(it) for _ in range(8)]
        for k, c in enumerate(self.building):
            c.unit, c.number, c.street, c.kind = str(k + 1), "18", "Ormond", ("Road", "Rd")
            c.suburb, c.state, c.postcode = "Elwood", "VIC", "3184"
        for k, c in enumerate([next(it) for _ in range(6)]):
            c.unit, c.number, c.street, c.kind = "", "42", "Wattle", ("Street", "St")
            c.suburb, c.state, c.postcode = PLACES[k]
        # postal addresses that are not a street: PO boxes, locked bags, care-of
        po_lines = [
            "PO Box 412",
            "P.O. Box 1187",
            "Locked Bag 9",
            "c/- Loddon Community Health, 171 Hargreaves Street",
            "PO Box 33",
            "c/- Post Office",
        ]
        self.po_clients = [next(it) for _ in range(6)]
        for line, c in zip(po_lines, self.po_clients, strict=True):
            c.po, c.unit = line, ""
            if "Loddon" in line:
                c.suburb, c.state, c.postcode = "Bendigo", "VIC", "3550"
        # some clients with two phones / two emails
        for c in [next(it) for _ in range(20)]:
            c.phones.append(_phone(rng))
            c.emails.append(_email(rng, c.given, c.family, int(c.cid[1:])))
        self.plain = list(it)

    def pick(self, tag: str = "plain", avoid: set[str] | None = None) -> Client:
        avoid = avoid or set()
        pool = [c for c in self.plain if c.cid not in avoid and not c.joint and not c.contacts]
        c = self.rng.choice(pool)
        avoid.add(c.cid)
        return c

    def write(self, path: str) -> None:
        cols = [
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
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(cols)
            for c in self.clients:
                w.writerow(
                    [
                        c.cid,
                        c.given,
                        c.family,
                        c.dob,
                        ";".join(c.emails),
                        ";".join(c.phones),
                        c.address,
                        ";".join(c.refs),
                        ";".join(c.suppressed),
                        ";".join(c.joint),
                        ";".join(c.contacts),
                    ]
                )
