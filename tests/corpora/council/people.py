"""The council's registry: ratepayers, animal owners, parking-fine recipients, home-care clients, silent roll."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field

DOMAIN = "wirrabara.vic.gov.example"
STATE = "VIC"

GIVEN = (
    "Margaret John Peter Susan David Helen Robert Karen Michael Julie Andrew Lisa Mark Sarah Paul Kylie Brett "
    "Leanne Darren Michelle Wayne Tanya Craig Jodie Shane Nicole Gary Melissa Trevor Rebecca Graham Emma Noel "
    "Chloe Liam Olivia Noah Isla Jack Mia Oliver Charlotte Harper Lachlan Ruby Cooper Matilda Archer Zoë Renée "
    "José Chloé Søren Anaïs Björn Inês Joël Maëlle Giuseppe Maria Antonio Francesca Giorgos Eleni Dimitrios "
    "Sofia Minh Linh Thanh Hoa Wei Mei Jun Xiaoling Raj Priya Arjun Deepa Sanjay Anjali Mohammed Fatima Ali "
    "Layla Omar Aisha Hamid Zainab Tane Aroha Kiri Ngaio Siosaia Mele Tevita Losana Declan Siobhan Ciarán "
    "Aoife Pádraig Bronwyn Dylan Rhys Gwen Ewan Morag Hamish Isobel Kalinda Jarrah Tjarra Marlee Bindi"
).split()
FAMILY = (
    "Smith Jones Williams Brown Wilson Taylor Johnson White Martin Anderson Thompson Nguyen Tran Le Pham "
    "Thomas Walker Harris Lee Ryan Robinson Kelly King Davis Wright Evans Roberts Green Hall Wood Jackson "
    "Clarke Patel Singh Sharma Kaur Gupta Chen Wang Li Zhang Liu Huang Rossi Russo Esposito Bianchi Romano "
    "Papadopoulos Georgiou Nikolaidis Karagiannis O'Brien O'Connor O'Neill D'Souza D'Arcy McDonald MacKenzie "
    "McLeod Fitzgerald Smith-Jones Walker-Brown Hughes-Davies Al-Hassan El-Khoury Haddad Nasser Rahman "
    "Hussain Ahmadi Karimi Novak Kowalski Horvat Petrović Müller Schäfer Björk Lindqvist Andrés Peña Muñoz "
    "García Fernández Côté Lefèvre Dubois Ferreira Gonçalves Tuilagi Fonoti Havili Tupou Ngata Parata Wano "
    "Mundine Briggs Coulthard Kennedy Murphy Sullivan Campbell Stewart Morrison Bell Murray Graham Ross "
    "Doyle Quinn Byrne Gallagher Barnes Fraser Hunter Mitchell Sutherland Cameron"
).split()
# The reader only needs Latin-1 for PDFs (core fonts); these names all fit.

SUBURBS = [  # (name, postcode) invented localities of the shire and a few outside it
    ("Wirrabara", "3691"),
    ("Kooranga", "3693"),
    ("Mallee Flat", "3694"),
    ("Yarrambool", "3695"),
    ("Tindal Creek", "3696"),
    ("Bunyip Hill", "3697"),
    ("Merrigum East", "3698"),
    ("Carrajung North", "3699"),
]
OUTSIDE = [("Ballarat North", "3350"), ("Footscray West", "3012"), ("Wodonga South", "3690")]
STREETS = [
    ("Station", "Street"),
    ("Wattle", "Street"),
    ("High", "Street"),
    ("Bridge", "Road"),
    ("Coach", "Road"),
    ("Banksia", "Court"),
    ("Mitchell", "Avenue"),
    ("Riverview", "Drive"),
    ("Redgum", "Crescent"),
    ("Kurrajong", "Lane"),
    ("Federation", "Parade"),
    ("Boundary", "Road"),
    ("Hospital", "Place"),
    ("Murray Valley", "Highway"),
    ("Church", "Street"),
    ("Yarra", "Place"),
]
ABBR = {
    "Street": "St",
    "Road": "Rd",
    "Avenue": "Ave",
    "Court": "Ct",
    "Crescent": "Cres",
    "Lane": "La",
    "Drive": "Dr",
    "Parade": "Pde",
    "Place": "Pl",
    "Highway": "Hwy",
}


@dataclass
class Addr:
    number: str = ""
    street: str = ""
    stype: str = ""
    suburb: str = ""
    postcode: str = ""
    unit: str = ""
    kind: str = "street"  # street | po | rmb | lot

    def street_line(self, abbr: bool = False, unit_style: int = 0) -> str:
        st = ABBR.get(self.stype, self.stype) if abbr else self.stype
        if self.kind == "po":
            return f"PO Box {self.number}"
        if self.kind == "rmb":
            return f"RMB {self.number}"
        if self.kind == "lot":
            return f"Lot {self.number} {self.street} {st}"
        base = f"{self.number} {self.street} {st}"
        if not self.unit:
            return base
        return [
            f"{self.unit}/{base}",
            f"Unit {self.unit}, {base}",
            f"{base} (unit {self.unit})",
            f"Flat {self.unit}, {base}",
        ][unit_style % 4]

    def one_line(self) -> str:
        return f"{self.street_line()}, {self.suburb} {STATE} {self.postcode}"

    def locality(self, caps: bool = True, spell_state: bool = False) -> str:
        sub = self.suburb.upper() if caps else self.suburb
        st = "Victoria" if spell_state else STATE
        return f"{sub} {st} {self.postcode}"


@dataclass
class Client:
    cid: str
    given: str
    family: str
    dob: str
    emails: list[str]
    phones: list[str]
    addr: Addr
    refs: dict[str, str]  # kind -> reference
    roles: set[str]
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    title: str = ""
    initials: str = ""
    note: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    def ref(self, kind: str = "rates") -> str:
        return self.refs.get(kind) or next(iter(self.refs.values()))


class Registry:
    def __init__(self, rng: random.Random, scale: float = 1.0) -> None:
        self.rng = rng
        self.clients: list[Client] = []
        self.by_id: dict[str, Client] = {}
        self._n = 300100
        self._seen: set[str] = set()
        self._build(max(60, int(460 * scale)))

    # ---- construction -------------------------------------------------------------------------------
    def _cid(self) -> str:
        self._n += self.rng.choice((1, 3, 7, 11))
        return f"C{self._n}"

    def _phone(self) -> str:
        r = self.rng
        if r.random() < 0.7:
            return f"04{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)}"
        return f"(03) 5{r.randint(100, 999)} {r.randint(1000, 9999)}"

    def _email(self, given: str, family: str) -> str:
        r = self.rng
        g = given.lower().encode("ascii", "ignore").decode() or "x"
        f = family.lower().replace("'", "").replace(" ", "").encode("ascii", "ignore").decode() or "y"
        dom = r.choice(["bigpond.example", "gmail.example", "outlook.example", "iinet.example", "yahoo.example"])
        return r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{f}{r.randint(1, 99)}", f"{g}{f[:3]}"]) + "@" + dom

    def _dob(self, old: bool = False) -> str:
        r = self.rng
        y = r.randint(1928, 1950) if old else r.randint(1945, 2003)
        return f"{y}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"

    def new(self, addr: Addr, roles: set[str], given: str = "", family: str = "", old: bool = False) -> Client:
        r = self.rng
        given = given or r.choice(GIVEN)
        family = family or r.choice(FAMILY)
        c = Client(self._cid(), given, family, "", [], [], addr, {}, set(roles))
        c.dob = self._dob(old) if (old or "homecare" in roles or r.random() < 0.55) else ""
        if r.random() < 0.75:
            c.emails.append(self._unique(lambda: self._email(given, family)))
            if r.random() < 0.08:
                c.emails.append(self._unique(lambda: self._email(given, family)))
        if r.random() < 0.85:
            c.phones.append(self._unique(self._phone))
        c.title = r.choice(["Mr", "Ms", "Mrs", "Dr", "Mx", "Miss"])
        self.clients.append(c)
        self.by_id[c.cid] = c
        self.add_refs(c)
        return c

    def _unique(self, make) -> str:
        while True:
            v = make()
            if v not in self._seen:
                self._seen.add(v)
                return v

    def add_refs(self, c: Client) -> None:
        old = dict(c.refs)
        self._add_refs(c)
        for k, v in c.refs.items():
            if k not in old:
                c.refs[k] = self._unique(lambda v=v, k=k: v if v not in self._seen else self._fresh(k))

    def _fresh(self, kind: str) -> str:
        tmp = Client("", "", "", "", [], [], Addr(), {}, {kind})
        self._add_refs(tmp)
        return tmp.refs[kind]

    def _add_refs(self, c: Client) -> None:
        r = self.rng
        for role in sorted(c.roles):
            if role in c.refs:
                continue
            if role == "rates":
                c.refs["rates"] = f"{r.randint(1000, 4999)} {r.randint(1000, 9999)}"
            elif role == "animal":
                c.refs["animal"] = f"AR{r.randint(40000, 69999)}"
            elif role == "parking":
                c.refs["parking"] = f"{r.randint(1000, 1999)} {r.randint(100000, 999999)}"
            elif role == "homecare":
                c.refs["homecare"] = f"HC-{r.randint(20000, 39999)}"

    def _build(self, n: int) -> None:
        r = self.rng
        numbers: dict[tuple[str, str], int] = {}
        while len(self.clients) < n:
            suburb, pc = r.choice(SUBURBS)
            street, stype = r.choice(STREETS)
            key = (street, suburb)
            numbers[key] = numbers.get(key, 0) + r.choice((2, 2, 2, 4))
            num = str(numbers[key])
            roll = r.random()
            if roll < 0.07:  # a unit block: several clients in one building
                for u in range(1, r.randint(3, 6)):
                    self.new(Addr(num, street, stype, suburb, pc, unit=str(u)), {"rates"})
            elif roll < 0.11:
                self.new(Addr(str(r.randint(10, 999)), "", "", suburb, pc, kind="po"), {"rates"})
            elif roll < 0.14:
                self.new(Addr(str(r.randint(1000, 2999)), "", "", suburb, pc, kind="rmb"), {"rates"})
            elif roll < 0.16:
                self.new(Addr(str(r.randint(1, 40)), street, stype, suburb, pc, kind="lot"), {"rates"})
            elif roll < 0.22:
                a = Addr(num, street, stype, *r.choice(OUTSIDE))
                self.new(a, {"parking"})
            else:
                roles = {"rates"}
                if r.random() < 0.2:
                    roles.add("animal")
                if r.random() < 0.12:
                    roles.add("parking")
                c = self.new(Addr(num, street, stype, suburb, pc), roles, old=r.random() < 0.15)
                if r.random() < 0.18:  # joint owner at the same address
                    j = self.new(Addr(num, street, stype, suburb, pc), {"rates"}, family=c.family)
                    j.refs["rates"] = c.refs["rates"]
                    c.joint.append(j.cid)
                    j.joint.append(c.cid)
        # name twins: same name, different person
        for _ in range(max(3, n // 40)):
            a = r.choice(self.clients)
            b = r.choice(self.clients)
            if a is not b and not a.joint and not b.joint:
                b.given, b.family = a.given, a.family
                b.note = f"name twin of {a.cid}"
        # home-care clients with representatives
        for c in r.sample(self.clients, max(10, n // 9)):
            if c.addr.kind != "street" or c.suppressed:
                continue
            c.roles.add("homecare")
            c.dob = c.dob or self._dob(True)
            self.add_refs(c)
            if r.random() < 0.6:
                rep_fam = c.family if r.random() < 0.6 else r.choice(FAMILY)
                c.contacts.append(self._unique(lambda rf=rep_fam: self._email(r.choice(GIVEN), rf)))
        # the silent roll: family-violence victims with a new suppressed address, often an ex as joint owner
        for _ in range(max(6, n // 28)):
            suburb, pc = r.choice(SUBURBS)
            street, stype = r.choice(STREETS)
            unit = str(r.randint(1, 9)) if r.random() < 0.5 else ""
            a = Addr(str(r.randint(1, 180)), street, stype, suburb, pc, unit=unit)
            while a.one_line() in {c.addr.one_line() for c in self.clients}:
                a.number = str(int(a.number) + 1)
            v = self.new(a, {"rates", "silent"})
            v.suppressed = ["postal_address"] + (["phone"] if v.phones and r.random() < 0.6 else [])
            if v.emails and r.random() < 0.4:
                v.suppressed.append("email")
            if r.random() < 0.75:  # the ex, still at the former shared home, joint owner of it
                s2, p2 = r.choice(SUBURBS)
                st2, ty2 = r.choice(STREETS)
                home = Addr(str(r.randint(1, 90) * 2 + 1), st2, ty2, s2, p2)
                ex = self.new(home, {"rates"}, family=v.family if r.random() < 0.5 else "")
                v.refs["rates_joint"] = ex.refs["rates"]
                v.joint.append(ex.cid)
                ex.joint.append(v.cid)
        for c in self.clients:
            c.initials = "".join(p[0] for p in c.given.split()) + c.family[0]

    # ---- queries ------------------------------------------------------------------------------------
    def pick(self, pred=lambda c: True, exclude: tuple = ()) -> Client:
        pool = [c for c in self.clients if pred(c) and c.cid not in exclude]
        return self.rng.choice(pool)

    def silent(self) -> list[Client]:
        return [c for c in self.clients if c.suppressed]

    def neighbours(self, c: Client) -> list[Client]:
        a = c.addr
        out = []
        for o in self.clients:
            b = o.addr
            if o is c or b.kind != "street" or (b.street, b.suburb) != (a.street, a.suburb) or o.suppressed:
                continue
            if b.number != a.number and abs(int(b.number) - int(a.number)) <= 6:
                out.append(o)
        return out

    def write(self, path) -> None:
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
                refs = [v for k, v in c.refs.items() if k != "rates_joint"]
                if "rates_joint" in c.refs:
                    refs.append(c.refs["rates_joint"])
                w.writerow(
                    [
                        c.cid,
                        c.given,
                        c.family,
                        c.dob,
                        ";".join(c.emails),
                        ";".join(c.phones),
                        c.addr.one_line(),
                        ";".join(refs),
                        ";".join(c.suppressed),
                        ";".join(c.joint),
                        ";".join(c.contacts),
                    ]
                )
