"""The registry of an invented community housing provider: tenants, joint tenants, household members,
family-violence victims with suppressed details (and the former joint tenant), name twins, support workers."""

from __future__ import annotations

import csv
import datetime as dt
import io
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

GIVEN_F = (
    "Hannah Mereana Priya Tegan Shanelle Rosalind Aroha Lien Fatima Kylie Bronwyn Jasmine Nadia Odette "
    "Rhiannon Leilani Mei Ingrid Tahlia Marisol Joanne Delphine Kerryn Sunita Ayaan Yasmin Colleen Petra "
    "Linh Nerida"
).split()
GIVEN_M = (
    "Duc Tamati Brendan Callum Dmitri Jarrah Kieran Wiremu Hamish Rashid Lachlan Tariq Desmond Marko "
    "Nikolai Travis Vinh Emeka Rohan Gareth Shane Bilal Clancy Toby Anh Faisal Lowan Darcy Keegan Ivo"
).split()
FAMILY = (
    "Tran Pihama Oduya Kovac Marchetti Whitlam-Rees Ngata Sorensen Abernethy Quilty Haddad Brannigan "
    "Nguyen Okonkwo Dearlove Fitzallen Mahoney Castellano Rudd-Hayes Tuilagi Varga Petrakis Ashdown "
    "Kelleher Mirzaei Lindqvist Brodie Hennessy Tamblyn Wirihana Zarkovic Pell Sandford Gillespie "
    "Ferreira Obuya Trinh Lockyer Harrow Beaumont McQuade Stavros Winterbottom Achterberg Delaney Carmody "
    "Yilmaz Osei Grech Penhaligon"
).split()

TOWNS = [
    ("Shepparton", "VIC", "3630"),
    ("Wodonga", "VIC", "3690"),
    ("Bendigo", "VIC", "3550"),
    ("Wangaratta", "VIC", "3677"),
    ("Echuca", "VIC", "3564"),
    ("Benalla", "VIC", "3672"),
    ("Seymour", "VIC", "3660"),
    ("Mildura", "VIC", "3500"),
    ("Albury", "NSW", "2640"),
    ("Lavington", "NSW", "2641"),
    ("Wagga Wagga", "NSW", "2650"),
    ("Deniliquin", "NSW", "2710"),
    ("Moama", "NSW", "2731"),
    ("Corowa", "NSW", "2646"),
]
STREETS = [
    ("Hope", "Street"),
    ("Kurrajong", "Avenue"),
    ("Wattle", "Grove"),
    ("Corella", "Crescent"),
    ("Murray", "Road"),
    ("Banksia", "Court"),
    ("Yarrawonga", "Street"),
    ("Goldfields", "Drive"),
    ("Redgum", "Parade"),
    ("Sturt", "Street"),
    ("Ovens", "Street"),
    ("Saltbush", "Way"),
    ("Ironbark", "Close"),
    ("Kiewa", "Terrace"),
    ("Bottlebrush", "Lane"),
    ("Emu", "Parade"),
]
ABBR = {
    "Street": "St",
    "Avenue": "Ave",
    "Grove": "Gr",
    "Crescent": "Cres",
    "Road": "Rd",
    "Court": "Ct",
    "Drive": "Dr",
    "Parade": "Pde",
    "Way": "Way",
    "Close": "Cl",
    "Terrace": "Tce",
    "Lane": "Ln",
}
MAIL_DOMAINS = ["mailbox.example", "inbox.example", "ozmail.example", "bigpond.example", "fastmail.example"]
AGENCIES = {
    "saferpathways.example": "Safer Pathways Family Violence Service",
    "murraymentalhealth.example": "Murray Mental Health Outreach",
    "gvtenancysupport.example": "Goulburn Valley Tenancy Support",
    "riverinaaged.example": "Riverina Aged Care Assessment",
}


@dataclass
class Addr:
    number: str
    street: str
    stype: str
    town: str
    state: str
    pc: str
    unit: str = ""
    unit_word: str = "Unit"  # Unit, Flat, Room, Townhouse
    po: str = ""
    co: str = ""

    def street_line(self, v: int = 0) -> str:
        if self.po:
            return f"PO Box {self.po}"
        st = self.stype if v in (0, 3) else ABBR.get(self.stype, self.stype)
        base = f"{self.number} {self.street} {st}"
        if not self.unit:
            return base
        if self.unit_word == "Room":
            return f"Room {self.unit}, {base}"
        if self.unit_word == "Townhouse":
            return f"Townhouse {self.unit}, {base}" if v != 2 else f"{self.unit}/{base}"
        if v == 2:
            return f"{self.unit}/{base}"
        if v == 3:
            return f"Flat {self.unit}, {base}"
        return f"Unit {self.unit}/{base}"

    def one_line(self) -> str:
        lead = f"c/- {self.co}, " if self.co else ""
        return f"{lead}{self.street_line(0)}, {self.town} {self.state} {self.pc}"

    def lines(self, v: int = 0) -> list[str]:
        out = [f"c/- {self.co}"] if self.co else []
        out.append(self.street_line(v))
        town = self.town.upper() if v != 3 else self.town
        if v == 1:
            out += [town, f"{self.state} {self.pc}"]
        else:
            out.append(f"{town} {self.state} {self.pc}")
        return out

    def inline(self, v: int = 1) -> str:
        return f"{self.street_line(v)}, {self.town} {self.state} {self.pc}"


@dataclass
class Client:
    cid: str
    given: str
    family: str
    title: str
    dob: dt.date | None
    emails: list[str]
    phones: list[str]
    postal: Addr
    prop: Addr  # the rented property (may differ from postal)
    refs: list[str]
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)
    kind: str = "tenant"
    crn: str = ""
    old_prop: Addr | None = None  # victims: the former joint tenancy
    tref: str = ""  # current tenancy reference
    racct: str = ""  # current rent account

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    def row(self) -> dict[str, str]:
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat() if self.dob else "",
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.postal.one_line(),
            "references": ";".join(self.refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint),
            "authorised_contacts": ";".join(self.auth),
        }


class Registry:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed * 7919 + 11)
        self.clients: list[Client] = []
        self.by_id: dict[str, Client] = {}
        self._n = 100200
        self._ten = 104100
        self._ra = 5530010
        self._used_names: set[tuple[str, str]] = set()
        self._phones: set[str] = set()
        self.blocks: list[list[Client]] = []
        self.victims: list[Client] = []
        self.joint_pairs: list[tuple[Client, Client]] = []
        self.households: list[tuple[Client, Client]] = []
        self.name_twins: list[tuple[Client, Client]] = []
        self.rooming: list[Client] = []
        self.build()

    # -- small makers
    def _name(self, female: bool, family: str | None = None) -> tuple[str, str, str]:
        while True:
            g = self.rng.choice(GIVEN_F if female else GIVEN_M)
            f = family or self.rng.choice(FAMILY)
            if (g, f) not in self._used_names:
                self._used_names.add((g, f))
                title = self.rng.choice(["Ms", "Mrs", "Ms", "Miss"]) if female else "Mr"
                return g, f, title

    def _phone(self) -> str:
        while True:
            p = f"04{self.rng.randint(0, 99):02d} {self.rng.randint(0, 999):03d} {self.rng.randint(0, 999):03d}"
            if p not in self._phones:
                self._phones.add(p)
                return p

    def _email(self, g: str, f: str) -> str:
        f2 = f.lower().replace("-", "")
        style = self.rng.randint(0, 3)
        local = [
            f"{g.lower()}.{f2}",
            f"{g[0].lower()}{f2}{self.rng.randint(1, 99)}",
            f"{f2}.{g.lower()}",
            f"{g.lower()}{f2[:4]}",
        ][style]
        return f"{local}@{self.rng.choice(MAIL_DOMAINS)}"

    def _dob(self, lo: int = 1948, hi: int = 2003) -> dt.date:
        return dt.date(self.rng.randint(lo, hi), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def _refs(self) -> list[str]:
        self._ten += self.rng.randint(3, 40)
        self._ra += self.rng.randint(11, 300)
        return [f"TEN-{self._ten}", f"RA{self._ra}"]

    def _crn(self) -> str:
        return f"{self.rng.randint(200000000, 499999999):09d}{self.rng.choice('ABCHJKLMNPRSTVWXY')}"

    def _addr(self, unit: str = "", unit_word: str = "Unit", town=None, street=None, number=None) -> Addr:
        town = town or self.rng.choice(TOWNS)
        street = street or self.rng.choice(STREETS)
        number = number or str(self.rng.randint(2, 188))
        return Addr(number, street[0], street[1], *town, unit=unit, unit_word=unit_word)

    def _client(
        self, female: bool, postal: Addr, prop: Addr | None = None, refs=None, family=None, kind="tenant", dob=True
    ) -> Client:
        g, f, title = self._name(female, family)
        self._n += self.rng.randint(1, 9)
        c = Client(
            cid=f"C{self._n}",
            given=g,
            family=f,
            title=title,
            dob=self._dob() if dob else None,
            emails=[self._email(g, f)] if self.rng.random() < 0.8 else [],
            phones=[self._phone()],
            postal=postal,
            prop=prop or postal,
            refs=refs if refs is not None else self._refs(),
            kind=kind,
        )
        c.tref = c.refs[0]
        c.racct = c.refs[1] if len(c.refs) > 1 else ""
        if self.rng.random() < 0.45:
            c.crn = self._crn()
            c.refs.append(c.crn)
        self.clients.append(c)
        self.by_id[c.cid] = c
        return c

    def build(self) -> None:
        rng = self.rng
        # walk-up blocks: several tenants at one street number
        for b in range(6):
            town = TOWNS[b % len(TOWNS)]
            street = STREETS[b]
            number = str(rng.randint(9, 77))
            block = []
            for u in range(1, rng.randint(6, 9)):
                block.append(self._client(rng.random() < 0.6, self._addr(str(u), "Unit", town, street, number)))
            self.blocks.append(block)
        # rooming houses
        for r in range(2):
            town = TOWNS[(r * 5 + 2) % len(TOWNS)]
            street = STREETS[8 + r]
            number = str(rng.randint(5, 60))
            for room in range(1, 7):
                self.rooming.append(
                    self._client(rng.random() < 0.3, self._addr(str(room), "Room", town, street, number))
                )
        # townhouses and lots in new estates
        for t in range(8):
            self._client(rng.random() < 0.5, self._addr(str(t % 4 + 1), "Townhouse", TOWNS[t % 5]))
        for lot in range(8):
            town = TOWNS[(lot % 3) * 2]
            a = self._addr(town=town, street=STREETS[11 + lot % 4], number=f"Lot {rng.randint(10, 340)}")
            self._client(rng.random() < 0.5, a)
        # postal address differs from property: PO boxes and c/- addresses
        for p in range(10):
            prop = self._addr(str(rng.randint(1, 12)) if p % 2 else "")
            postal = Addr(
                "",
                "",
                "",
                prop.town,
                prop.state,
                str(int(prop.pc) + (2 if prop.state == "VIC" else 0)),
                po=str(rng.randint(10, 2999)),
            )
            self._client(rng.random() < 0.5, postal, prop)
        for _ in range(4):
            prop = self._addr(str(rng.randint(1, 6)))
            co = self._addr()
            co.co = rng.choice(
                [
                    "Gateway Support Services",
                    "Albury Wodonga Community Legal Centre",
                    "St Kilian's Parish Office",
                    "Murray Mental Health Outreach",
                ]
            )
            self._client(rng.random() < 0.5, co, prop)
        # joint tenancies (couples), some with an adult household member on the lease
        for j in range(14):
            a = self._addr(str(rng.randint(1, 9)) if j % 3 == 0 else "")
            refs = self._refs()
            fam = rng.choice(FAMILY)
            x = self._client(True, a, refs=list(refs), family=fam)
            y = self._client(False, a, refs=list(refs), family=fam if j % 2 else None)
            x.joint, y.joint = [y.cid], [x.cid]
            self.joint_pairs.append((x, y))
            if j % 3 == 1:
                h = self._client(rng.random() < 0.5, a, refs=[refs[0]], family=x.family, kind="household")
                h.dob = self._dob(2000, 2007)
                h.joint = [x.cid]
                x.joint.append(h.cid)
                self.households.append((x, h))
        # single tenants scattered
        for s in range(70):
            unit = str(rng.randint(1, 14)) if s % 3 == 0 else ""
            self._client(rng.random() < 0.55, self._addr(unit, rng.choice(["Unit", "Unit", "Flat"])), dob=s % 11 != 0)
        # name twins: same name, different date of birth, different town
        for tw in range(3):
            g, f, title = self._name(tw % 2 == 0)
            first = self._client(tw % 2 == 0, self._addr())
            first.given, first.family, first.title = g, f, title
            second = self._client(tw % 2 == 0, self._addr(town=TOWNS[(tw + 7) % len(TOWNS)]))
            second.given, second.family, second.title = g, f, title
            first.emails = [self._email(g, f)]
            second.emails = [self._email(g, f)]
            self.name_twins.append((first, second))
        # family-violence victims: a new (suppressed) property; the former joint tenant stays at the old one
        for v in range(8):
            old = self._addr(str(rng.randint(1, 8)) if v % 2 else "")
            new = self._addr(str(rng.randint(1, 8)) if v % 3 else "", town=TOWNS[(v * 3 + 1) % len(TOWNS)])
            old_refs = self._refs()
            perp = self._client(False, old, refs=list(old_refs))
            vic = self._client(True, new, refs=list(old_refs) + self._refs(), kind="victim")
            vic.old_prop = old
            vic.tref, vic.racct = [r for r in vic.refs if r.startswith(("TEN", "RA"))][2:4]
            if not vic.emails:
                vic.emails = [self._email(vic.given, vic.family)]
            vic.suppressed = ["postal_address", "phone", "email"] if v % 4 != 3 else ["postal_address", "phone"]
            vic.joint, perp.joint = [perp.cid], [vic.cid]
            if not perp.emails:
                perp.emails = [self._email(perp.given, perp.family)]
            worker = ["k.moana", "r.delacy", "s.pillai", "t.haggerty"][v % 4]
            vic.auth = [f"{worker}@saferpathways.example"]
            self.victims.append(vic)
            vic.perp = perp  # type: ignore[attr-defined]
        # authorised support workers and family members for some ordinary tenants
        plain = [c for c in self.clients if c.kind == "tenant" and not c.joint]
        for i, c in enumerate(plain[5:60:6]):
            dom = list(AGENCIES)[1 + i % 3]
            c.auth = [f"{['m.oyelaran', 'j.fenwick', 'b.castro', 'l.nakamura', 'p.greaves'][i % 5]}@{dom}"]
        for i, c in enumerate(plain[8:60:11]):
            rel = plain[(i * 7 + 30) % len(plain)]
            if rel is not c:
                c.auth.append(rel.cid)

    def tenants(self) -> list[Client]:
        return [c for c in self.clients if c.kind == "tenant" and not c.joint and not c.postal.po and not c.postal.co]

    def csv_text(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for c in self.clients:
            w.writerow(c.row())
        return buf.getvalue()
