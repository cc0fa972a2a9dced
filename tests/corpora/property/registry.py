"""The agency's client registry: tenants (joint tenancies, family-violence suppressions, namesakes) and owners."""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import dataclass, field

from tests.corpora.property import world

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
PROVIDERS = ["inboxmail.example", "ozmail.example", "bigpond.example", "webmail.example", "fastnet.example"]
ACCOUNTANTS = ["lodgements@brightledger.example", "tax@kwongpartners.example", "returns@summitaccounting.example"]


@dataclass
class Address:
    """A street address; renders the ways letters and registries write it."""

    number: str
    street: str
    stype: tuple[str, str]
    suburb: str
    state: str
    postcode: str
    unit: str = ""

    def street_line(self, style: int = 0) -> str:
        full, short = self.stype
        st = f"{self.street} {full if style in (0, 2) else short}"
        if not self.unit:
            return f"{self.number} {st}"
        return [
            f"Unit {self.unit}, {self.number} {st}",
            f"{self.unit}/{self.number} {st}",
            f"Unit {self.unit} {self.number} {st}",
            f"U{self.unit}/{self.number} {st}",
        ][style % 4]

    def locality(self, caps: bool = False) -> str:
        sub = self.suburb.upper() if caps else self.suburb
        return f"{sub} {self.state} {self.postcode}"

    def one_line(self, style: int = 0) -> str:
        return f"{self.street_line(style)}, {self.locality()}"

    def block(self, style: int = 0) -> list[str]:
        return [self.street_line(style), self.locality(caps=True)]


@dataclass
class Client:
    """One registry row plus what the generator needs to write about them."""

    cid: str
    given: str
    family: str
    dob: str
    title: str
    emails: list[str]
    phones: list[str]
    address: Address
    refs: list[str]
    kind: str  # tenant | owner
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    bank: tuple[str, str] = ("", "")

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.given[0]} {self.family}"

    @property
    def email(self) -> str:
        return self.emails[0]

    @property
    def phone(self) -> str:
        return self.phones[0]


@dataclass
class Property:
    """A managed rental: its owners, current tenants, tenancy folio and bond."""

    pid: str
    address: Address
    owners: list[str]
    tenants: list[str]
    tenancy: str
    bond: str
    rent: int
    office: world.Office


@dataclass
class FvCase:
    """A tenant who fled family violence into another managed property; her ex stays on the old tenancy."""

    victim: str
    ex: str
    old: Property
    new: Property


@dataclass
class World:
    clients: dict[str, Client]
    properties: list[Property]
    fv: list[FvCase]
    namesakes: list[tuple[str, str]]
    block_owner: str

    def c(self, cid: str) -> Client:
        return self.clients[cid]

    def of_tenant(self, cid: str) -> Property:
        return next(p for p in reversed(self.properties) if cid in p.tenants)

    def by_owner(self, cid: str) -> list[Property]:
        return [p for p in self.properties if cid in p.owners]

    def ordinary(self, kind: str) -> list[Client]:
        """Clients with nothing suppressed, no namesake and no family-violence history."""
        special = {x for f in self.fv for x in (f.victim, f.ex)} | {x for n in self.namesakes for x in n}
        return [c for c in self.clients.values() if c.kind == kind and not c.suppressed and c.cid not in special]


def _email(rng: random.Random, given: str, family: str) -> str:
    g, f = (re.sub(r"[^a-z]", "", s.lower()) for s in (given, family))
    return (
        rng.choice([f"{g}.{f}", f"{g[0]}{f}", f"{g}{f}{rng.randint(1, 99)}", f"{f}.{g}"]) + "@" + rng.choice(PROVIDERS)
    )


class _Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next_id = rng.randint(100100, 100900)
        self.used_refs: set[str] = set()
        self.used_addr: set[str] = set()
        self.clients: dict[str, Client] = {}

    def ref(self, prefix: str, digits: int) -> str:
        while True:
            r = prefix + str(self.rng.randint(10 ** (digits - 1), 10**digits - 1))
            if r not in self.used_refs:
                self.used_refs.add(r)
                return r

    def address(self, office: world.Office, unit: bool | None = None) -> Address:
        rng = self.rng
        while True:
            suburb, pc = rng.choice(world.SUBURBS[office.name])
            a = Address(str(rng.randint(2, 140)), rng.choice(world.STREETS), rng.choice(world.TYPES), suburb, "NSW", pc)
            if unit if unit is not None else rng.random() < 0.35:
                a.unit = str(rng.randint(1, 24))
            key = a.one_line()
            if key not in self.used_addr:
                self.used_addr.add(key)
                return a

    def person(
        self,
        kind: str,
        address: Address,
        refs: list[str],
        female: bool | None = None,
        names: tuple[str, str] | None = None,
    ) -> Client:
        rng = self.rng
        female = rng.random() < 0.5 if female is None else female
        given, family = names or (rng.choice(world.GIVEN_F if female else world.GIVEN_M), rng.choice(world.FAMILY))
        title = rng.choice(["Ms", "Mrs", "Ms"]) if female else "Mr"
        dob = (
            f"{rng.randint(1948 if kind == 'owner' else 1962, 2003)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
        cid = f"C{self.next_id}"
        self.next_id += rng.randint(1, 9)
        c = Client(
            cid, given, family, dob, title, [_email(rng, given, family)], [world.mobile(rng)], address, list(refs), kind
        )
        self.clients[cid] = c
        return c


def _link(a: Client, b: Client) -> None:
    a.joint.append(b.cid)
    b.joint.append(a.cid)


def build(rng: random.Random) -> World:
    """About 110 owners, 150 properties and 220 tenants; eight family-violence cases; four namesake pairs."""
    b = _Builder(rng)
    owners: list[Client] = []
    for i in range(110):
        sub, state, pc = rng.choice(world.OWNER_SUBURBS)
        addr = Address(str(rng.randint(1, 90)), rng.choice(world.STREETS), rng.choice(world.TYPES), sub, state, pc)
        o = b.person("owner", addr, [b.ref("O", 6)])
        o.bank = (
            f"{rng.choice(['062', '032', '082', '112', '633'])}-{rng.randint(100, 999)}",
            str(rng.randint(1000, 9999)),
        )
        if rng.random() < 0.22:  # a couple owning together
            p = b.person(
                "owner",
                addr,
                o.refs,
                female=o.title == "Mr",
                names=(rng.choice(world.GIVEN_F if o.title == "Mr" else world.GIVEN_M), o.family),
            )
            p.bank = o.bank
            _link(o, p)
        if i % 7 == 3:
            o.authorised.append(ACCOUNTANTS[i % 3])
        owners.append(o)
    for i, o in enumerate(owners):
        if i % 23 == 5:  # power of attorney held by another owner (a grown child)
            o.authorised.append(owners[(i + 1) % len(owners)].cid)
        elif i % 19 == 7:  # an overseas owner's relative
            o.authorised.append(f"{o.family.lower().replace(' ', '').replace(chr(39), '')}.family@webmail.example")
    props: list[Property] = []

    def prop(office: world.Office, owner: Client, addr: Address | None = None) -> Property:
        own = [owner.cid, *owner.joint]
        p = Property(
            f"P{len(props) + 1:03d}",
            addr or b.address(office),
            own,
            [],
            b.ref("T", 6),
            b.ref("2", 7),
            rng.choice(range(420, 960, 10)),
            office,
        )
        props.append(p)
        return p

    def let(p: Property, joint: bool, names: tuple[str, str] | None = None) -> list[Client]:
        t = b.person("tenant", p.address, [p.tenancy, p.bond], names=names)
        p.tenants.append(t.cid)
        out = [t]
        if joint:
            u = b.person("tenant", p.address, [p.tenancy, p.bond], female=t.title == "Mr")
            p.tenants.append(u.cid)
            _link(t, u)
            out.append(u)
        return out

    block_owner = owners[0]
    block = b.address(world.OFFICES[2], unit=False)
    for u in range(1, 9):
        a = Address(block.number, block.street, block.stype, block.suburb, "NSW", block.postcode, str(u))
        let(prop(world.OFFICES[2], block_owner, a), joint=False)
    tower = []
    for unit in ("805", "1203", "1507", "1811"):
        n, st, sub, pc = world.TOWER
        tower.append(
            prop(
                world.OFFICES[0],
                owners[1 + len(tower)],
                Address(n, st.split()[0], ("Street", "St"), sub, "NSW", pc, unit),
            )
        )
    for p in tower[1:]:
        let(p, joint=False)
    for i in range(130):
        o = owners[(i * 7 + 3) % len(owners)]
        office = world.OFFICES[i % 4]
        let(prop(office, o), joint=rng.random() < 0.3)
    fv: list[FvCase] = []
    for k in range(8):
        office = world.OFFICES[k % 4]
        old = prop(office, owners[(k * 13 + 5) % len(owners)])
        her = let(old, joint=False)[0]
        if her.title == "Mr":
            her.title, her.given = "Ms", rng.choice(world.GIVEN_F)
        ex = b.person("tenant", old.address, [old.tenancy, old.bond], female=False)
        old.tenants.append(ex.cid)
        _link(her, ex)
        new = tower[0] if k == 0 else prop(office, owners[(k * 17 + 11) % len(owners)])
        new.tenants.append(her.cid)
        her.address = new.address
        her.refs += [new.tenancy, new.bond]
        her.emails = [_email(rng, her.given, her.family)]
        her.phones = [world.mobile(rng)]
        her.suppressed = ["postal_address", "phone", "email"] if k % 3 else ["postal_address", "phone"]
        fv.append(FvCase(her.cid, ex.cid, old, new))
    for p in rng.sample([p for p in props[12:140] if len(p.tenants) == 1], 2):  # a changed, silent mobile
        b.clients[p.tenants[0]].suppressed = ["phone"]
    namesakes = []
    singles = [p for p in props[12:140] if len(p.tenants) == 1 and not b.clients[p.tenants[0]].suppressed]
    for p in rng.sample(singles, 4):
        a = b.clients[p.tenants[0]]
        q = prop(world.OFFICES[rng.randint(0, 3)], owners[rng.randint(10, 100)])
        twin = let(q, joint=False, names=(a.given, a.family))[0]
        twin.title = a.title
        namesakes.append((a.cid, twin.cid))
    return World(b.clients, props, fv, namesakes, block_owner.cid)


def to_csv(w: World) -> str:
    # Each tenant's landlords as authorised contacts (README, Registry: "A property manager names each tenant's
    # landlords"), added by the scanner's maintainers after the corpus was written, as an agency would export them.
    landlords: dict[str, list[str]] = {}
    for p in w.properties:
        for t in p.tenants:
            mine = landlords.setdefault(t, [])
            mine += [o for o in p.owners if o not in mine]
    out = io.StringIO()
    wr = csv.writer(out, lineterminator="\n")
    wr.writerow(COLUMNS)
    for c in sorted(w.clients.values(), key=lambda c: c.cid):
        wr.writerow(
            [
                c.cid,
                c.given,
                c.family,
                c.dob,
                ";".join(c.emails),
                ";".join(c.phones),
                c.address.one_line(),
                ";".join(c.refs),
                ";".join(c.suppressed),
                ";".join(c.joint),
                ";".join([*c.authorised, *(o for o in landlords.get(c.cid, []) if o not in c.authorised)]),
            ]
        )
    return out.getvalue()
