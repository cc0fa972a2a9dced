"""The student-records export: students, the parents who guarantee residence contracts, and who may hear about whom.

How the university exports it (Student Records → CRM nightly job):
- client_id: the CRM's pseudonymous person key (C + 6 digits), students and guarantors alike;
- references: the student number (8 digits), a CHESSN (HELP number, 10 digits) for Commonwealth-supported
  students who have one, a scholarship number (SCH…), and the residence contract number (RC…/FH…), which is
  the only reference shared by the holders of a contract;
- joint_with: the holders of one residence contract: a student and the parent who guaranteed it, or two
  students sharing a family-housing unit;
- suppressed: a Safer Community case (stalking, family violence) withholds the student's address and phone,
  sometimes also her private email;
- authorised_contacts: the parent of an under-18 student (until 18), a sponsor paying fees, an education agent
  (international students), a disability support provider.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field

from tests.corpora.university import world as w

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
class Client:
    cid: str
    given: str
    family: str
    dob: str
    female: bool
    street: str
    town: str
    postcode: str
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)
    kind: str = "student"  # student | guarantor
    tags: set[str] = field(default_factory=set)
    student_no: str = ""
    course: tuple = ()
    chessn: str = ""
    schol: str = ""
    contract: str = ""
    sponsor: tuple = ()
    agent: tuple = ()
    provider: tuple = ()
    parent_email: str = ""
    line1: str = ""  # a room line above the street for residents in hall

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def title(self) -> str:
        return "Ms" if self.female else "Mr"

    @property
    def address(self) -> str:
        lead = f"{self.line1}, " if self.line1 else ""
        return f"{lead}{self.street}, {self.town} NSW {self.postcode}"

    def block(self, upper_town: bool = True, title: bool = False) -> list[str]:
        town = self.town.upper() if upper_town else self.town
        first = f"{self.title} {self.given} {self.family}" if title else self.name
        lines = [first] + ([self.line1] if self.line1 else [])
        return lines + [self.street, f"{town} NSW {self.postcode}"]

    @property
    def email(self) -> str:
        return self.emails[0]

    @property
    def phone(self) -> str:
        return self.phones[0]


class Registry:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.clients: list[Client] = []
        self.by_id: dict[str, Client] = {}
        self._used_addr: set[tuple] = set()
        self._used_phone: set[str] = set()
        self._used_sno: set[str] = set()
        self._n = 0
        self._build()

    # --- primitives
    def _cid(self) -> str:
        self._n += 1
        return f"C{100000 + self._n * 7 + self.rng.randint(0, 6)}"

    def _addr(self, towns=None) -> tuple[str, str, str]:
        while True:
            town, pc = self.rng.choice(w.TOWNS) if towns is None else self.rng.choice(towns)
            st = f"{self.rng.randint(1, 240)} {self.rng.choice(w.STREETS)} {self.rng.choice(w.STREET_TYPES)}"
            if (st, town) not in self._used_addr:
                self._used_addr.add((st, town))
                return st, town, pc

    def _phone(self) -> str:
        while True:
            p = f"04{self.rng.randint(0, 99):02d} {self.rng.randint(100, 999)} {self.rng.randint(0, 999):03d}"
            if p not in self._used_phone:
                self._used_phone.add(p)
                return p

    def _sno(self) -> str:
        while True:
            s = f"2{self.rng.randint(0, 6)}{self.rng.randint(100000, 999999)}"
            if s not in self._used_sno:
                self._used_sno.add(s)
                return s

    def _personal(self, given: str, family: str) -> str:
        return f"{given.lower()}.{family.lower()}{self.rng.randint(1, 99)}@{self.rng.choice(w.PROVIDERS)}"

    def _add(self, c: Client) -> Client:
        self.clients.append(c)
        self.by_id[c.cid] = c
        return c

    def student(self, given=None, family=None, female=None, dob_year=None, towns=None) -> Client:
        r = self.rng
        female = r.random() < 0.58 if female is None else female
        given = given or r.choice(w.GIVEN_F if female else w.GIVEN_M)
        family = family or r.choice(w.FAMILY)
        year = dob_year or r.choice([2005, 2006, 2006, 2007, 2007, 2007, 2004, 2003, 2001, 1998, 1992, 1986, 1979])
        dob = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        st, town, pc = self._addr(towns)
        c = Client(self._cid(), given, family, dob, female, st, town, pc)
        c.student_no = self._sno()
        c.course = r.choice(w.COURSES)
        c.emails = [f"s{c.student_no}@{w.STUDENT_DOMAIN}"]
        if r.random() < 0.5:
            c.emails.append(self._personal(given, family))
        c.phones = [self._phone()]
        c.refs = [c.student_no]
        if r.random() < 0.45:
            c.chessn = f"5{r.randint(100000000, 999999999)}"
            c.refs.append(c.chessn)
        return self._add(c)

    def guarantor(self, child: Client, same_home: bool) -> Client:
        r = self.rng
        female = r.random() < 0.6
        given = (
            r.choice(["Karen", "Michelle", "Lisa", "Deborah", "Julie", "Sharon", "Tracey", "Natalie"])
            if female
            else (r.choice(["Craig", "Darren", "Shane", "Brett", "Wayne", "Glenn", "Anthony", "Steven"]))
        )
        if same_home:
            st, town, pc = child.street, child.town, child.postcode
        else:
            st, town, pc = self._addr()
        dob = f"{r.randint(1962, 1980)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        g = Client(self._cid(), given, child.family, dob, female, st, town, pc, kind="guarantor")
        g.emails = [self._personal(given, child.family)]
        g.phones = [self._phone()]
        g.contract = child.contract
        g.refs = [child.contract]
        g.joint = [child.cid]
        child.joint.append(g.cid)
        return self._add(g)

    def _contract(self, prefix: str) -> str:
        return f"{prefix}26{self.rng.randint(1000, 9999)}"

    # --- the population
    def _build(self) -> None:
        r = self.rng
        for _ in range(150):
            self.student()
        # namesakes: same name, another date of birth, another town
        for _ in range(8):
            a = r.choice([c for c in self.clients if c.kind == "student" and "namesake" not in c.tags])
            b = self.student(given=a.given, family=a.family, female=a.female)
            a.tags.add("namesake")
            b.tags.add("namesake")
            b.tags.add(f"twin:{a.cid}")
            a.tags.add(f"twin:{b.cid}")
        # under-18 first-years: a parent's mailbox is authorised until the 18th birthday
        for _ in range(14):
            c = self.student(dob_year=2008)
            c.dob = f"2008-{r.randint(5, 12):02d}-{r.randint(1, 28):02d}"
            c.parent_email = self._personal(r.choice(["karen", "mark", "jodie", "paul", "leanne"]), c.family)
            c.auth.append(c.parent_email)
            c.tags.add("u18")
        # international students with an education agent; term address in a campus town
        for _ in range(24):
            c = self.student(
                family=r.choice(
                    ["Chen", "Wang", "Zhang", "Sato", "Kim", "Park", "Perera", "Fernando", "Haddad", "Mensah"]
                ),
                towns=[("Goulburn", "2580"), ("Cooma", "2630"), ("Bega", "2550")],
            )
            c.agent = r.choice(w.AGENTS)
            c.auth.append(c.agent[1])
            c.tags.add("intl")
            if c.chessn:
                c.refs.remove(c.chessn)
                c.chessn = ""
        # sponsored students (scholarship body or employer pays fees and receives results)
        for sp in w.SPONSORS:
            for _ in range(8):
                c = self.student()
                c.sponsor = sp
                c.schol = f"SCH{r.randint(2600, 2699)}{r.randint(10, 99)}"
                c.refs.append(c.schol)
                c.auth.append(sp[1])
                c.tags.add("sponsored")
        # students with a disability support provider
        for _ in range(8):
            c = self.student()
            c.provider = r.choice(w.DISABILITY)
            c.auth.append(c.provider[1])
            c.tags.add("disability")
        # residents: a parent guarantees the residence contract (joint holders of the contract)
        for i in range(30):
            c = self.student(dob_year=r.choice([2006, 2007, 2007]))
            c.contract = self._contract("RC")
            c.refs.append(c.contract)
            c.tags.add("resident")
            self.guarantor(c, same_home=i % 2 == 0)
            if i % 5 == 1:
                c.line1 = f"Room {r.choice('ABC')}{r.randint(1, 40)}, {r.choice(w.HALLS)}"
                c.street, c.town, c.postcode = w.CAMPUSES[0][1], w.CAMPUSES[0][2], w.CAMPUSES[0][3]
                c.tags.add("inhall")
        # couples sharing a family-housing unit
        for _ in range(6):
            a = self.student(female=True, dob_year=r.choice([1992, 1995, 1998]))
            b = self.student(female=False, dob_year=r.choice([1990, 1994, 1997]))
            b.street, b.town, b.postcode = a.street, a.town, a.postcode
            a.contract = b.contract = self._contract("FH")
            a.refs.append(a.contract)
            b.refs.append(b.contract)
            a.joint.append(b.cid)
            b.joint.append(a.cid)
            a.tags.add("couple")
            b.tags.add("couple")
        # Safer Community cases: suppressed new address and phone (some also a new private email)
        for i in range(14):
            c = self.student(female=True, towns=[t for t in w.TOWNS if t[0] in w.HIDEAWAY_TOWNS])
            c.suppressed = ["postal_address", "phone"]
            c.tags.add("suppressed")
            if i % 3 == 0:
                c.emails = [c.emails[0], self._personal(c.given, c.family)]
                c.suppressed.append("email")
            if i < 7:  # the parent guaranteeing an old residence contract is the person she fled
                c.contract = self._contract("RC")
                c.refs.append(c.contract)
                self.guarantor(c, same_home=False)
                c.tags.add("supp-guarantor")
            elif i < 10:  # a former partner on the family-housing contract
                p = self.student(female=not c.female, dob_year=r.choice([1990, 1996]))
                c.contract = p.contract = self._contract("FH")
                c.refs.append(c.contract)
                p.refs.append(p.contract)
                c.joint.append(p.cid)
                p.joint.append(c.cid)
                c.tags.add("supp-partner")
            else:
                c.tags.add("supp-alone")

    # --- pickers
    def students(self, *tags: str, without: tuple = ()) -> list[Client]:
        out = [c for c in self.clients if c.kind == "student" and all(t in c.tags for t in tags)]
        return [c for c in out if not any(t in c.tags for t in without)]

    def plain(self) -> list[Client]:
        """Students with no special arrangement: no contract, no contacts, nothing suppressed, no namesake."""
        return [c for c in self.clients if c.kind == "student" and not c.tags and not c.joint and not c.auth]

    def joint_holders(self, c: Client) -> list[Client]:
        return [self.by_id[j] for j in c.joint]

    def to_csv(self) -> str:
        buf = io.StringIO()
        wr = csv.writer(buf, lineterminator="\n")
        wr.writerow(COLUMNS)
        for c in self.clients:
            wr.writerow(
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
                    ";".join(c.auth),
                ]
            )
        return buf.getvalue()
