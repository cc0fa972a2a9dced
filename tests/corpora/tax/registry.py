"""The practice's client register (DESIGN §4 columns) and the people behind it.

Groups: individuals (salary earners, sole traders, company directors); couples who are partners in a
partnership, co-trustees of a family trust or joint owners of a rental (``joint_with`` both ways, the entity's
client code and ABN on both rows); separated couples whose partnership or trust is still being wound up (still
``joint_with``), one of them protected with a suppressed new address, mobile and usually email; elderly clients
whose attorney (an adult child who is a client, or a wills solicitor) is an authorised contact; namesakes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field

from tests.corpora.tax import world

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


def tfn(rng: random.Random) -> str:
    """A tax file number that passes the ATO check (weights 1,4,3,7,5,8,6,9,10; sum divisible by 11)."""
    w = [1, 4, 3, 7, 5, 8, 6, 9]
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        last = sum(a * b for a, b in zip(d, w, strict=False)) % 11
        if last < 10:
            return "".join(map(str, d + [last]))


def tfn_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    return len(d) == 9 and sum(a * b for a, b in zip(d, [1, 4, 3, 7, 5, 8, 6, 9, 10], strict=False)) % 11 == 0


def not_tfn(rng: random.Random) -> str:
    """Nine digits that fail the TFN check (an ATO receipt or an invoice number)."""
    while True:
        s = "".join(str(rng.randint(0, 9)) for _ in range(9))
        if s[0] != "0" and not tfn_ok(s):
            return s


def abn(rng: random.Random) -> str:
    w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    rest = [rng.randint(0, 9) for _ in range(9)]
    s = sum(a * b for a, b in zip(rest, w[2:], strict=False))
    for d1 in range(1, 10):
        for d2 in range(10):
            if (10 * (d1 - 1) + d2 + s) % 89 == 0:
                return "".join(map(str, [d1, d2] + rest))
    return abn(rng)


def acn(rng: random.Random) -> str:
    d = [rng.randint(0, 9) for _ in range(8)]
    check = (10 - sum(a * b for a, b in zip(d, range(8, 0, -1), strict=False)) % 10) % 10
    return "".join(map(str, d + [check]))


def spaced(n: str, groups: tuple[int, ...]) -> str:
    out, i = [], 0
    for g in groups:
        out.append(n[i : i + g])
        i += g
    return " ".join(out)


@dataclass
class Address:
    street: str  # "12 Wattle Street", "4/12 Wattle Street", "PO Box 233"
    suburb: str
    postcode: str
    state: str = "NSW"
    unit: str = ""
    number: str = ""
    name: str = ""  # street name without number: "Wattle Street"

    def line(self) -> str:
        return f"{self.street}, {self.suburb} {self.state} {self.postcode}"

    def lines(self, style: str = "std") -> list[str]:
        """As letters write it: on two lines, abbreviated, in capitals, in lower case."""
        street, town = self.street, f"{self.suburb.upper()} {self.state} {self.postcode}"
        if style in ("abbr", "lower") and self.name:
            for full, short in world.STREET_TYPES:
                if street.endswith(" " + full):
                    street = street[: -len(full)] + short
        if style == "unitword" and self.unit:
            street = f"Unit {self.unit}, {self.number} {self.name}"
        if style == "lower":
            street, town = street.lower(), f"{self.suburb.lower()} {self.state.lower()} {self.postcode}"
        if style == "caps":
            street = street.upper()
        if style == "mixed":
            town = f"{self.suburb} {self.state} {self.postcode}"
        return [street, town]


@dataclass
class Client:
    cid: str
    given: str
    family: str
    sex: str
    dob: dt.date
    emails: list[str]
    phones: list[str]
    addr: Address
    code: str  # the practice's client code
    tfn: str
    refs: list[str] = field(default_factory=list)  # other references (ABN, ACN, entity codes)
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    kind: str = "single"
    business: str = ""  # trading or company name
    entity: str = ""  # partnership, trust or rental the client shares with a partner
    entity_code: str = ""
    entity_abn: str = ""
    old_addr: Address | None = None  # a protected client's former home, where the former partner still lives
    title: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.given} {self.family}"

    @property
    def initials(self) -> str:
        return f"{self.title} {self.given[0]} {self.family}"

    @property
    def dear(self) -> str:
        return f"Dear {self.title} {self.family},"

    @property
    def email(self) -> str:
        return self.emails[0]

    @property
    def phone(self) -> str:
        return self.phones[0]

    @property
    def nick(self) -> str:
        return world.NICK.get(self.given, self.given)

    def row(self) -> dict[str, str]:
        refs = [self.code, self.tfn] + self.refs
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.addr.line(),
            "references": ";".join(refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint),
            "authorised_contacts": ";".join(self.authorised),
        }


class Registry:
    """Builds the register for a seed. ``groups`` keeps the people each kind of case needs."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.clients: list[Client] = []
        self.by_id: dict[str, Client] = {}
        self.used_names: set[tuple[str, str]] = set()
        self.used_addr: set[str] = set()
        self.codes: set[str] = set()
        self.singles: list[Client] = []
        self.business: list[Client] = []
        self.couples: list[tuple[Client, Client]] = []
        self.separated: list[tuple[Client, Client]] = []  # (protected client, former partner)
        self.elderly: list[tuple[Client, str]] = []  # (client, attorney: a client id or a mailbox)
        self.namesakes: list[tuple[Client, Client]] = []
        self.with_planner: list[tuple[Client, tuple]] = []
        self.with_bookkeeper: list[tuple[Client, tuple]] = []
        self.with_broker: list[tuple[Client, tuple]] = []
        self.po_box: list[Client] = []
        self._build()

    # -- pieces ------------------------------------------------------------------------------------------
    def _code(self, prefix: str = "MP") -> str:
        while True:
            c = f"{prefix}{self.rng.randint(10000, 99999)}"
            if c not in self.codes:
                self.codes.add(c)
                return c

    def _address(self, suburb: tuple[str, str] | None = None, unit: bool | None = None) -> Address:
        r = self.rng
        while True:
            sub, pc = suburb or r.choice(world.SUBURBS)
            full, _ = r.choice(world.STREET_TYPES[:8])
            name = f"{r.choice(world.STREETS)} {full}"
            num = str(r.randint(1, 160))
            u = (r.random() < 0.15) if unit is None else unit
            unit_no = str(r.randint(1, 12)) if u else ""
            street = f"{unit_no}/{num} {name}" if u else f"{num} {name}"
            a = Address(street, sub, pc, unit=unit_no, number=num, name=name)
            if a.line() not in self.used_addr:
                self.used_addr.add(a.line())
                return a

    def _po_box(self) -> Address:
        sub, pc = self.rng.choice(world.SUBURBS[11:])
        a = Address(f"PO Box {self.rng.randint(10, 990)}", sub, pc)
        self.used_addr.add(a.line())
        return a

    def _name(self, sex: str, family: str | None = None) -> tuple[str, str]:
        while True:
            given = self.rng.choice(world.GIVEN_F if sex == "F" else world.GIVEN_M)
            fam = family or self.rng.choice(world.FAMILY)
            if (given, fam) not in self.used_names:
                self.used_names.add((given, fam))
                return given, fam

    def _mobile(self) -> str:
        r = self.rng
        return f"04{r.randint(0, 9)}{r.randint(0, 9)} {r.randint(100, 999)} {r.randint(100, 999)}"

    def _email(self, given: str, family: str) -> str:
        r = self.rng
        local = r.choice(
            [
                f"{given}.{family}",
                f"{given[0]}{family}",
                f"{given}{family}{r.randint(1, 99)}",
                f"{family}.{given[0]}",
                f"{world.NICK.get(given, given)}.{family}{r.randint(60, 99)}",
            ]
        )
        return f"{local.lower()}@{r.choice(world.MAIL_PROVIDERS)}"

    def _dob(self, lo: int = 1950, hi: int = 2003) -> dt.date:
        return dt.date(self.rng.randint(lo, hi), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def _client(
        self,
        sex: str,
        *,
        family: str | None = None,
        addr: Address | None = None,
        kind: str = "single",
        dob: dt.date | None = None,
        name: tuple[str, str] | None = None,
    ) -> Client:
        given, fam = name or self._name(sex, family)
        cid = f"C{len(self.clients) + 400101}"
        title = "Mr" if sex == "M" else self.rng.choice(["Ms", "Ms", "Mrs", "Miss"])
        if self.rng.random() < 0.05:
            title = "Dr"
        c = Client(
            cid,
            given,
            fam,
            sex,
            dob or self._dob(),
            [self._email(given, fam)],
            [self._mobile()],
            addr or self._address(),
            self._code(),
            tfn(self.rng),
            kind=kind,
            title=title,
        )
        self.clients.append(c)
        self.by_id[cid] = c
        return c

    def _business(self, c: Client) -> None:
        r = self.rng
        c.business = f"{r.choice(world.BUSINESS_WORDS)} {r.choice(world.BUSINESS_KINDS)}"
        c.refs.append(abn(r))
        if r.random() < 0.5:
            c.business += " Pty Ltd"
            c.refs.append(acn(r))
        self.business.append(c)

    # -- the register ------------------------------------------------------------------------------------
    def _build(self) -> None:
        r = self.rng
        for i in range(170):
            sex = "F" if i % 2 else "M"
            addr = self._po_box() if i % 17 == 5 else None
            c = self._client(sex, addr=addr)
            if addr:
                self.po_box.append(c)
            if i % 4 == 1:
                self._business(c)
                if i % 8 == 1:
                    bk = world.BOOKKEEPERS[(i // 8) % 2]
                    c.authorised.append(f"{bk[2].split()[0].lower()}@{bk[1]}")
                    self.with_bookkeeper.append((c, bk))
            if i % 6 == 2:
                pl = world.PLANNERS[(i // 6) % 3]
                c.authorised.append(f"{pl[2].split()[0].lower()}.{pl[2].split()[1].lower()}@{pl[1]}")
                self.with_planner.append((c, pl))
            if i % 13 == 3:
                br = world.BROKERS[i % 2]
                c.authorised.append(f"{br[2].split()[0].lower()}@{br[1]}")
                self.with_broker.append((c, br))
            self.singles.append(c)
        for i in range(36):  # couples: a partnership, family trust or joint rental
            home = self._address()
            he = self._client("M", addr=home, kind="couple")
            she = self._client("F", family=he.family if i % 3 else None, addr=home, kind="couple", dob=None)
            self._entity(he, she, i)
            if i % 3 != 2:  # the household asked that either may be sent the other's papers
                he.authorised.append(she.cid)
                she.authorised.append(he.cid)
            if i % 5 == 0:
                pl = world.PLANNERS[i % 3]
                mb = f"{pl[2].split()[0].lower()}.{pl[2].split()[1].lower()}@{pl[1]}"
                he.authorised.append(mb)
                she.authorised.append(mb)
            self.couples.append((he, she))
        office_towns = [
            ("Griffith", "2680"),
            ("Albury", "2640"),
            ("Wagga Wagga", "2650"),
            ("Hay", "2711"),
            ("Yass", "2582"),
        ]
        for i in range(14):  # separated: the partnership or trust is still being wound up
            home = self._address(unit=False)
            protected_sex, other_sex = ("M", "F") if i == 6 else ("F", "M")
            ex = self._client(other_sex, addr=home, kind="separated-ex")
            new = self._address(office_towns[i] if i < len(office_towns) else None)
            victim = self._client(protected_sex, family=ex.family if i % 4 else None, addr=new, kind="protected")
            victim.old_addr = home
            victim.phones = [self._mobile()]
            victim.emails = [self._email(victim.given, victim.family + "x")]
            victim.suppressed = ["postal_address", "phone"] + ([] if i % 5 == 4 else ["email"])
            self._entity(ex, victim, i, ("partnership", "trust"))  # still being wound up: both hold its code
            ex.emails.append(f"the{ex.family.lower()}s@{r.choice(world.MAIL_PROVIDERS)}")  # the old family mailbox
            sol = world.SOLICITORS[1 + i % 2]
            ex.authorised.append(f"{sol[2].split()[0].lower()}@{sol[1]}")
            victim.authorised.append(f"{world.SOLICITORS[0][2].split()[0].lower()}@{world.SOLICITORS[0][1]}")
            self.separated.append((victim, ex))
        for i in range(10):  # elderly clients and their attorneys
            parent = self._client("F" if i % 2 else "M", kind="elderly", dob=self._dob(1931, 1946))
            if i % 3 == 2:
                sol = world.SOLICITORS[3]
                who = f"{sol[2].split()[0].lower()}.{sol[2].split()[1].lower()}@{sol[1]}"
            else:
                child = self._client("F" if i % 2 == 0 else "M", family=parent.family, kind="attorney")
                self.singles.append(child)
                who = child.cid
            parent.authorised.append(who)
            self.elderly.append((parent, who))
        for i in range(6):  # namesakes: same name, another date of birth and address
            a = self._client("M" if i % 2 else "F", kind="namesake")
            b = self._client(a.sex, kind="namesake", name=(a.given, a.family))
            b.title = a.title
            self.namesakes.append((a, b))

    def _entity(self, a: Client, b: Client, i: int, kinds: tuple = ("partnership", "trust", "rental")) -> None:
        r = self.rng
        kind = kinds[i % len(kinds)]
        if kind == "partnership":
            a.entity = f"{r.choice(world.BUSINESS_WORDS)} {r.choice(world.BUSINESS_KINDS)} (a partnership)"
        elif kind == "trust":
            a.entity = f"{a.family} Family Trust"
        else:
            a.entity = "rental property"
        b.entity = a.entity
        if kind != "rental":
            a.entity_code = b.entity_code = self._code("MPE")
            a.entity_abn = b.entity_abn = abn(r)
            a.refs += [a.entity_code, a.entity_abn]
            b.refs += [a.entity_code, a.entity_abn]
        a.joint.append(b.cid)
        b.joint.append(a.cid)

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for c in self.clients:
            w.writerow(c.row())
        return buf.getvalue()
