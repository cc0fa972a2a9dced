"""The member register as the bank's core banking system exports it (DESIGN §4 columns).

Members: singles, couples holding joint accounts and a joint home loan at one address, separated couples where
one former partner (the family-violence flag) has a new suppressed address, phone and email while the joint
loan is still open, guarantors on their children's loans, elderly members with an attorney, namesakes.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field

from tests.corpora.bank import world as W

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
class Member:
    cid: str
    given: str
    family: str
    title: str
    dob: str
    email: str
    phone: str
    number: str  # house number (or "Unit 3/14")
    street: str  # "Poinciana Street"
    street_abbr: str  # "Poinciana St"
    suburb: str
    postcode: str
    member_no: str
    savings: str
    refs: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    joint_acct: str = ""
    home_loan: str = ""
    personal_loan: str = ""
    term_deposit: str = ""
    card: str = ""
    kind: str = "single"  # single, couple, victim, ex, guarantor, borrower, elder, attorney, namesake
    broker: int = -1
    accountant: int = -1
    conveyancer: int = -1
    counselling: bool = False
    guarantor_of: str = ""
    guaranteed_by: str = ""
    attorney: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.given[0]} {self.family}"

    @property
    def line1(self) -> str:
        return f"{self.number} {self.street}"

    @property
    def line1_abbr(self) -> str:
        return f"{self.number} {self.street_abbr}"

    @property
    def locality(self) -> str:
        return f"{self.suburb.upper()} QLD {self.postcode}"

    @property
    def address(self) -> str:
        return f"{self.number} {self.street}, {self.suburb} QLD {self.postcode}"

    @property
    def dob_au(self) -> str:
        y, m, d = self.dob.split("-")
        return f"{d}/{m}/{y}"

    @property
    def female(self) -> bool:
        return self.title in ("Ms", "Mrs", "Miss")


def _acct(rng: random.Random, prefix: str, n: int, used: set[str]) -> str:
    while True:
        s = prefix + "".join(str(rng.randrange(10)) for _ in range(n))
        if s not in used:
            used.add(s)
            return s


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


class Registry:
    def __init__(self, seed: int) -> None:
        self.rng = rng = random.Random(seed * 7919 + 11)
        self.members: list[Member] = []
        self.by_id: dict[str, Member] = {}
        self._names: set[tuple[str, str]] = set()
        self._addresses: set[str] = set()
        self._used: set[str] = set()
        self._n = 0
        self._streets = [(s, t) for s in W.STREETS for t in W.STREET_TYPES]
        rng.shuffle(self._streets)
        for _ in range(150):
            self._new("single")
        for _ in range(44):  # couples at one address
            a = self._new("couple", female=True)
            b = self._new("couple", female=False, family=a.family if rng.random() < 0.7 else None, home=a)
            self._link(a, b, loan=rng.random() < 0.7)
        self.victims: list[Member] = []
        towns = list(W.BRANCH_TOWNS) + [None] * 12
        for i in range(16):  # separated: the joint loan is still open, she has moved
            ex = self._new("ex", female=False)
            v = self._new("victim", female=True, family=ex.family if rng.random() < 0.6 else None, home=ex)
            self._link(v, ex, loan=True)
            self._place(v, towns[i])  # her new home; he stays at the old one
            v.suppressed = ["postal_address"] + (["phone", "email"] if i % 3 else ["phone"])
            v.email = self._email(v, fresh=True)
            v.phone = self._mobile()
            v.refs.append(_acct(rng, "31", 7, self._used))  # her own new account
            v.savings = v.refs[-1]
            if i % 2 == 0:
                v.counselling = True
            self.victims.append(v)
        for _ in range(12):  # parents guaranteeing a child's personal or home loan
            g = self._new("guarantor", old=True)
            b = self._new("borrower", young=True, family=g.family)
            b.personal_loan = _acct(rng, "PL", 7, self._used)
            b.refs.append(b.personal_loan)
            b.guaranteed_by, g.guarantor_of = g.cid, b.cid
            b.authorised.append(g.cid)
        for i in range(10):  # elderly members with an attorney
            e = self._new("elder", old=True)
            if i < 7:
                a = self._new("attorney", family=e.family)
                e.attorney = a.cid
                e.authorised.append(a.cid)
            else:
                e.attorney = W.POA_SOLICITOR[1]
                e.authorised.append(W.POA_SOLICITOR[1])
        for _ in range(8):  # namesakes: same name, different date of birth and address
            a = self._new("namesake")
            b = self._new("namesake", given=a.given, family=a.family, female=a.female)
            a.title = b.title
        self._authorise()

    # -- people ---------------------------------------------------------------------------------------
    def _new(self, kind, female=None, family=None, given=None, home=None, old=False, young=False) -> Member:
        rng = self.rng
        if female is None:
            female = rng.random() < 0.55
        while True:
            g = given or rng.choice(W.FEMALE if female else W.MALE)
            f = family or rng.choice(W.FAMILY)
            if (g, f) not in self._names or kind == "namesake" and given:
                break
            family = None
        self._names.add((g, f))
        self._n += 1
        cid = f"C3{self._n * 37 % 100000:05d}"
        while cid in self.by_id:
            cid = f"C3{(int(cid[2:]) + 1) % 100000:05d}"
        year = rng.randrange(1932, 1952) if old else rng.randrange(1990, 2004) if young else rng.randrange(1950, 2002)
        dob = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        title = rng.choice(["Ms", "Mrs", "Ms", "Miss"]) if female else "Mr"
        m = Member(
            cid,
            g,
            f,
            title,
            dob,
            "",
            self._mobile(),
            "",
            "",
            "",
            "",
            "",
            _acct(rng, "20", 6, self._used),
            _acct(rng, "31", 7, self._used),
            kind=kind,
        )
        m.refs = [m.member_no, m.savings]
        m.email = self._email(m)
        if home:
            m.number, m.street, m.street_abbr, m.suburb, m.postcode = (
                home.number,
                home.street,
                home.street_abbr,
                home.suburb,
                home.postcode,
            )
        else:
            self._place(m)
        if rng.random() < 0.3:
            m.term_deposit = _acct(rng, "TD", 6, self._used)
            m.refs.append(m.term_deposit)
        m.card = "4622" + "".join(str(rng.randrange(10)) for _ in range(11))
        m.card += luhn_digit(m.card)
        self.members.append(m)
        self.by_id[cid] = m
        return m

    def _place(self, m: Member, town=None) -> None:
        rng = self.rng
        while True:
            s, (full, abbr) = self._streets[rng.randrange(len(self._streets))]
            suburb, pc = town or rng.choice(W.SUBURBS)
            num = str(rng.randrange(2, 140))
            if rng.random() < 0.15:
                num = f"Unit {rng.randrange(1, 12)}/{num}"
            key = f"{num} {s} {full} {suburb}"
            if key not in self._addresses:
                self._addresses.add(key)
                m.number, m.street, m.street_abbr, m.suburb, m.postcode = num, f"{s} {full}", f"{s} {abbr}", suburb, pc
                return

    def _email(self, m: Member, fresh=False) -> str:
        rng = self.rng
        base = f"{m.given.lower()}.{m.family.lower()}".replace("'", "").replace("-", "")
        if fresh:
            base = f"{m.given.lower()}{rng.randrange(10, 99)}"
        while True:
            e = f"{base}{rng.randrange(1, 999) if rng.random() < 0.5 else ''}@{rng.choice(W.MAIL_PROVIDERS)}"
            if e not in self._used:
                self._used.add(e)
                return e

    def _mobile(self) -> str:
        while True:
            d = "04" + "".join(str(self.rng.randrange(10)) for _ in range(8))
            p = f"{d[:4]} {d[4:7]} {d[7:]}"
            if p not in self._used:
                self._used.add(p)
                return p

    def _link(self, a: Member, b: Member, loan: bool) -> None:
        a.joint, b.joint = [b.cid], [a.cid]
        a.joint_acct = b.joint_acct = _acct(self.rng, "31", 7, self._used)
        a.refs.append(a.joint_acct)
        b.refs.append(a.joint_acct)
        if loan:
            a.home_loan = b.home_loan = _acct(self.rng, "HL", 7, self._used)
            a.refs.append(a.home_loan)
            b.refs.append(a.home_loan)

    def _authorise(self) -> None:
        rng = self.rng
        loans = [m for m in self.members if m.home_loan and m.kind == "couple"]
        for i, m in enumerate(loans[:24]):  # brokers arranged the couple's loan: both rows name the broker
            m.broker = (i // 2) % len(W.BROKERS)
            for other in [m] + [self.by_id[j] for j in m.joint]:
                other.broker = m.broker
                if W.BROKERS[m.broker][2] not in other.authorised:
                    other.authorised.append(W.BROKERS[m.broker][2])
        singles = [m for m in self.members if m.kind == "single"]
        for i, m in enumerate(singles[:14]):
            m.accountant = i % len(W.ACCOUNTANTS)
            m.authorised.append(W.ACCOUNTANTS[m.accountant][1])
        for i, m in enumerate(singles[14:22]):
            m.home_loan = _acct(rng, "HL", 7, self._used)
            m.refs.append(m.home_loan)
            m.conveyancer = i % len(W.CONVEYANCERS)
            m.authorised.append(W.CONVEYANCERS[m.conveyancer][1])
        for m in singles[22:34]:
            m.counselling = True
        for i, v in enumerate(self.victims[:6]):  # he is refinancing to buy her out of the home
            ex = self.by_id[v.joint[0]]
            ex.broker = i % len(W.BROKERS)
            ex.authorised.append(W.BROKERS[ex.broker][2])
        for m in self.members:
            if m.counselling:
                m.authorised.append(W.COUNSELLING[1])

    # -- pickers ---------------------------------------------------------------------------------------
    def pick(self, kind: str, n: int = 1, exclude=()) -> list[Member]:
        pool = [m for m in self.members if m.kind == kind and m.cid not in exclude]
        return self.rng.sample(pool, n)

    def namesakes(self) -> list[tuple[Member, Member]]:
        ns = [m for m in self.members if m.kind == "namesake"]
        return [(ns[i], ns[i + 1]) for i in range(0, len(ns), 2)]

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(COLUMNS)
        for m in self.members:
            w.writerow(
                [
                    m.cid,
                    m.given,
                    m.family,
                    m.dob,
                    m.email,
                    m.phone,
                    m.address,
                    ";".join(m.refs),
                    ";".join(m.suppressed),
                    ";".join(m.joint),
                    ";".join(m.authorised),
                ]
            )
        return buf.getvalue()
