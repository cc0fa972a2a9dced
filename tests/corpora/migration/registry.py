"""The practice's client registry: applicants, sponsors, secondary applicants, children, skilled workers."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field

from tests.corpora.migration import world as W

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
class Addr:
    street: str  # "Unit 4/18 High Street"
    suburb: str
    state: str
    pc: str

    def one_line(self) -> str:
        return f"{self.street}, {self.suburb} {self.state} {self.pc}"

    def block(self, caps: bool = True) -> list[str]:
        sub = self.suburb.upper() if caps else self.suburb
        return [self.street, f"{sub} {self.state} {self.pc}"]


@dataclass
class Client:
    cid: str
    given: str
    family: str
    dob: str
    sex: str
    kind: str  # applicant, sponsor, worker, secondary, child, single
    addr: Addr
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    matter: str = ""
    passport: str = ""
    trn: str = ""
    grant: str = ""
    subclass: str = ""
    expiry: str = ""
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)
    employer: int = -1
    fv: bool = False
    old_addr: Addr | None = None  # the home she left (the sponsor's address)
    parents: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    culture: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}".strip()

    @property
    def title(self) -> str:
        return "" if self.kind == "child" else ("Ms" if self.sex == "F" else "Mr")

    @property
    def formal(self) -> str:
        return f"{self.title} {self.name}".strip()

    @property
    def dear(self) -> str:
        return f"Dear {self.title} {self.family}".replace("  ", " ") if self.title else f"Dear {self.given}"

    @property
    def written(self) -> str:
        """As the client writes it: family name first, in capitals, where the culture does."""
        if self.culture in W.FAMILY_FIRST and self.given:
            return f"{self.family.upper()} {self.given}"
        return self.name

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def phone(self) -> str:
        return self.phones[0] if self.phones else ""

    @property
    def initials(self) -> str:
        return "".join(p[0] for p in self.name.split())

    def refs(self) -> list[str]:
        return [r for r in (self.matter, self.passport, self.trn, self.grant) if r]


@dataclass
class World:
    clients: dict[str, Client]
    couples: list[tuple[str, str]]  # (applicant, sponsor) still together
    fv: list[tuple[str, str]]  # (applicant, former sponsor)
    phone_only: list[str]
    workers: list[str]
    children: list[str]
    singles: list[str]
    namesakes: list[tuple[str, str]]
    by_employer: dict[int, list[str]]

    def c(self, cid: str) -> Client:
        return self.clients[cid]


class _Maker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.n = 100200
        self.matter_n = 100
        self.used_addr: set[str] = set()
        self.used_phone: set[str] = set()
        self.used_ref: set[str] = set()

    def cid(self) -> str:
        self.n += self.rng.randint(3, 41)
        return f"C{self.n}"

    def dob(self, lo: int, hi: int) -> str:
        r = self.rng
        return f"{r.randint(lo, hi)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"

    def addr(self, wa: bool) -> Addr:
        r = self.rng
        while True:
            street, sub, pc = r.choice(W.WA_STREETS if wa else W.VIC_STREETS)
            n = r.randint(2, 240)
            if r.random() < 0.3:
                s = r.choice(W.UNIT_FORMS).format(u=r.randint(1, 24), n=n) + " " + street
            else:
                s = f"{n} {street}"
            a = Addr(s, sub, "WA" if wa else "VIC", pc)
            if a.one_line() not in self.used_addr:
                self.used_addr.add(a.one_line())
                return a

    def mobile(self) -> str:
        while True:
            d = f"04{self.rng.randint(10, 99)}{self.rng.randint(100000, 999999)}"
            if d not in self.used_phone:
                self.used_phone.add(d)
                return f"{d[:4]} {d[4:7]} {d[7:]}"

    def uniq(self, fn) -> str:
        while True:
            v = fn()
            if v not in self.used_ref:
                self.used_ref.add(v)
                return v

    def matter(self) -> str:
        self.matter_n += self.rng.randint(1, 9)
        return f"HGM-{self.rng.choice(['23', '24', '25'])}-{self.matter_n:04d}"

    def passport(self) -> str:
        r = self.rng
        return self.uniq(lambda: r.choice("NPKEMRLT") + str(r.randint(1000000, 9999999)))

    def trn(self) -> str:
        r = self.rng
        alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return self.uniq(lambda: "EGO" + "".join(r.choice(alnum) for _ in range(7)))

    def grant(self) -> str:
        return self.uniq(lambda: str(self.rng.randint(10**12, 10**13 - 1)))

    def email(self, given: str, family: str) -> str:
        g = given.lower().replace(" ", "").replace("-", "")
        f = family.lower().replace(" ", "")
        form = self.rng.choice(["{g}.{f}", "{g}{f}{n}", "{f}.{g}", "{g}_{f}"])
        return form.format(g=g, f=f, n=self.rng.randint(7, 99)) + "@" + self.rng.choice(W.MAIL_PROVIDERS)

    def expiry(self) -> str:
        return f"2026-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"


class _Names:
    """Unique (given, family) pairs within a culture; namesakes only where made on purpose."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[tuple[str, str]] = {("Mohammad", "Rahimi"), ("Wei", "Zhang"), ("Thi Lan", "Nguyen")}

    def migrant(self, sex: str, culture: str | None = None) -> tuple[str, str, str]:
        while True:
            cu = culture or self.rng.choice(sorted(W.CULTURES))
            fem, mal, fam = W.CULTURES[cu]
            g, f = self.rng.choice(fem if sex == "F" else mal), self.rng.choice(fam)
            if (g, f) not in self.used:
                self.used.add((g, f))
                return g, f, cu

    def partner_of(self, sex: str, culture: str, family: str) -> str:
        fem, mal, _ = W.CULTURES[culture]
        for g in (fem if sex == "F" else mal) + (W.AUSSIE_F if sex == "F" else W.AUSSIE_M):
            if (g, family) not in self.used:
                self.used.add((g, family))
                return g
        raise ValueError(culture)

    def aussie(self, sex: str) -> tuple[str, str]:
        while True:
            g = self.rng.choice(W.AUSSIE_F if sex == "F" else W.AUSSIE_M)
            f = self.rng.choice(W.AUSSIE_FAMILY)
            if (g, f) not in self.used:
                self.used.add((g, f))
                return g, f


def build(rng: random.Random) -> World:
    m = _Maker(rng)
    nm = _Names(rng)
    cl: dict[str, Client] = {}

    def person(given, family, sex, kind, addr, lo=1975, hi=2000, culture="", **kw) -> Client:
        c = Client(m.cid(), given, family, m.dob(lo, hi), sex, kind, addr, culture=culture, **kw)
        cl[c.cid] = c
        return c

    def applicant_fields(c: Client, matter: str, subclass: str, granted: bool) -> None:
        c.matter, c.passport, c.trn, c.subclass = matter, m.passport(), m.trn(), subclass
        if granted:
            c.grant, c.expiry = m.grant(), m.expiry()
        c.emails.append(m.email(c.given or c.family, c.family if c.given else "au"))
        c.phones.append(m.mobile())

    def kids(parent: Client, n: int, matter: str) -> list[Client]:
        out = []
        for j in range(n):
            g = W.CHILD[(len(cl) + j) % len(W.CHILD)]
            k = person(g, parent.family, rng.choice("FM"), "child", parent.addr, 2011, 2021, parent.culture)
            k.matter, k.passport, k.subclass = matter, m.passport(), parent.subclass
            k.auth, k.parents = [parent.cid], [parent.cid]
            parent.children.append(k.cid)
            out.append(k)
        return out

    couples, fv, children = [], [], []
    # Partner visas: an overseas-born applicant and an Australian sponsor. The first eight separated (FV).
    for i in range(34):
        g, f, cu = nm.migrant("F")
        wa = i % 3 == 2
        home = m.addr(wa)
        matter = m.matter()
        sub = rng.choice(["820/801", "309/100", "820/801"])
        a = person(g, f, "F", "applicant", home, 1984, 2001, cu)
        applicant_fields(a, matter, sub, granted=i % 4 == 3)
        if i % 6 == 5:
            sg, sf, scu = nm.migrant("M")  # a sponsor who is himself a former migrant, now a citizen
        else:
            sg, sf = nm.aussie("F" if i == 13 else "M")
            scu = "aussie"
        s = person(sg, sf, "F" if i == 13 else "M", "sponsor", home, 1970, 1996, scu)
        s.matter = matter
        s.emails.append(m.email(sg, s.family))
        s.phones.append(m.mobile())
        a.joint, s.joint = [s.cid], [a.cid]
        if i < 8:  # she left; new address, mobile, email suppressed; the sponsor stays
            a.fv, a.old_addr = True, home
            while a.addr.suburb == home.suburb:
                a.addr = m.addr(wa)
            if i == 2:  # the WA suburb that is also an ordinary word
                a.addr = Addr(f"{rng.randint(3, 60)} Sunflower Loop", "Success", "WA", "6164")
            a.phones = [m.mobile()]
            a.suppressed = ["postal_address", "phone"]
            if i not in (5, 7):
                a.emails = [m.email(a.given, a.family)]
                a.suppressed.append("email")
            a.auth = [W.CLCS[1] if wa else W.CLCS[0]]
            if i in (1, 4, 6):
                a.auth.append(W.INTERPRETER)
            fv.append((a.cid, s.cid))
            if i in (0, 3, 6):
                for k in kids(a, 1 + (i == 3), matter):
                    k.suppressed = ["postal_address"]
                    children.append(k.cid)
        else:
            a.auth, s.auth = [s.cid], [a.cid]
            if i % 4 == 1:
                a.auth.append(W.INTERPRETER)
            couples.append((a.cid, s.cid))
            if i % 5 == 0:
                children += [k.cid for k in kids(a, 1, matter)]
    # Employer-sponsored skilled workers (482/186/494), some with a secondary applicant and children.
    workers, by_emp = [], {i: [] for i in range(len(W.EMPLOYERS))}
    for i in range(36):
        sex = "M" if i % 3 else "F"
        g, f, cu = nm.migrant(sex)
        wa = i % 5 in (2, 4)
        w = person(g, f, sex, "worker", m.addr(wa), 1978, 1998, cu)
        applicant_fields(w, m.matter(), rng.choice(["482", "186", "494"]), granted=i % 3 == 0)
        w.employer = i % len(W.EMPLOYERS)
        w.auth = [W.EMPLOYERS[w.employer][1]]
        if i % 6 == 1:
            w.auth.append(W.INTERPRETER)
        by_emp[w.employer].append(w.cid)
        workers.append(w.cid)
        if i % 4 == 0:
            osex = "F" if sex == "M" else "M"
            sg = nm.partner_of(osex, cu, f)
            sp = person(sg, f, osex, "secondary", w.addr, 1980, 1999, cu)
            applicant_fields(sp, w.matter, w.subclass, granted=bool(w.grant))
            sp.joint, w.joint = [w.cid], [sp.cid]
            sp.auth, w.auth = [w.cid], w.auth + [sp.cid]
            if i % 8 == 0:
                children += [k.cid for k in kids(w, 2, w.matter)]
    # Two workers whose mobile (only) is suppressed: a former partner overseas had the old one.
    phone_only = [workers[4], workers[10]]
    for cid in phone_only:
        cl[cid].phones = [m.mobile()]
        cl[cid].suppressed = ["phone"]
    # Students, graduates, visitors, protection and citizenship clients; namesakes; single names.
    singles = []
    for i in range(48):
        sex = "F" if i % 2 else "M"
        g, f, cu = nm.migrant(sex)
        c = person(g, f, sex, "single", m.addr(i % 4 == 3), 1985, 2004, cu)
        applicant_fields(c, m.matter(), rng.choice(["500", "485", "866", "600", "CIT"]), granted=i % 2 == 0)
        if i % 7 == 2:
            c.auth = [W.INTERPRETER]
        singles.append(c.cid)
    namesakes = []
    for g, f, cu in [
        ("Mohammad", "Rahimi", "afghan"),
        ("Wei", "Zhang", "chinese"),
        ("Thi Lan", "Nguyen", "vietnamese"),
    ]:
        pair = []
        for j in range(2):
            sex = "F" if g == "Thi Lan" else "M"
            c = person(g, f, sex, "single", m.addr(j == 1), 1980 + 8 * j, 1986 + 8 * j, cu)
            applicant_fields(c, m.matter(), rng.choice(["485", "866", "CIT"]), granted=j == 0)
            singles.append(c.cid)
            pair.append(c.cid)
        namesakes.append((pair[0], pair[1]))
    for single in W.SINGLE_NAMES:
        c = person("", single, "F" if single == "Sukarni" else "M", "single", m.addr(False), 1979, 1995, "indonesian")
        applicant_fields(c, m.matter(), "186", granted=True)
        singles.append(c.cid)
    return World(cl, couples, fv, phone_only, workers, children, singles, namesakes, by_emp)


def to_csv(w: World) -> str:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(COLUMNS)
    for c in w.clients.values():
        wr.writerow(
            [
                c.cid,
                c.given,
                c.family,
                c.dob,
                ";".join(c.emails),
                ";".join(c.phones),
                c.addr.one_line(),
                ";".join(c.refs()),
                ";".join(c.suppressed),
                ";".join(c.joint),
                ";".join(c.auth),
            ]
        )
    return buf.getvalue()
