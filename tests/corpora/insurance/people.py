"""Synthetic policyholders: addresses, contact details, policy and claim numbers, and their relationships.

Relationships built on purpose: family-violence victims (suppressed new address/phone/email) linked to the
ex-partner by a joint home policy; other joint policyholders; households (parent and adult child, separate
policies, sometimes a shared landline); name twins; neighbours (same street, or same building); the same street
and number in another suburb; representatives known by client id; broker and lawyer clients.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import names, org, places


@dataclass
class Address:
    kind: str  # street | unit | lot | rural | shop | level | pobox | gpobox | lockedbag
    sub: str = ""  # unit, shop, level, lot or box number
    number: str = ""
    street: str = ""
    stype: str = ""
    suburb: str = ""
    state: str = ""
    postcode: str = ""

    @property
    def street_part(self) -> str:
        """'12 Wattle Street' (no unit)."""
        return " ".join(p for p in (self.number, self.street, self.stype) if p)

    @property
    def is_box(self) -> bool:
        return self.kind in ("pobox", "gpobox", "lockedbag")

    def first_line(self) -> str:
        """The registry's form of everything before the locality."""
        k = self.kind
        if k == "unit":
            return f"Unit {self.sub}, {self.street_part}"
        if k == "shop":
            return f"Shop {self.sub}, {self.street_part}"
        if k == "level":
            return f"Level {self.sub}, {self.street_part}"
        if k == "lot":
            return f"Lot {self.sub} {self.street} {self.stype}"
        if k == "pobox":
            return f"PO Box {self.sub}"
        if k == "gpobox":
            return f"GPO Box {self.sub}"
        if k == "lockedbag":
            return f"Locked Bag {self.sub}"
        return self.street_part

    def one_line(self) -> str:
        return f"{self.first_line()}, {self.suburb} {self.state} {self.postcode}"

    def key(self) -> tuple[str, str, str]:
        return (self.first_line().lower(), self.suburb.lower(), self.postcode)


@dataclass
class Client:
    cid: str
    title: str
    given: str  # the registry's given_name: may hold a middle name, may be empty (one name)
    family: str
    dob: date
    emails: list[str]
    phones: list[str]
    address: Address
    refs: list[tuple[str, str]] = field(default_factory=list)  # (kind, value)
    middle: str = ""  # printed by some letters, not held in the registry
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    family_first: bool = False

    def ref(self, kind: str) -> str:
        for k, v in self.refs:
            if k == kind:
                return v
        raise KeyError(f"{self.cid} has no {kind} reference")

    def has(self, kind: str) -> bool:
        return any(k == kind for k, _ in self.refs)

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip()

    @property
    def first(self) -> str:
        return self.given.split(" ")[0] if self.given else self.family

    @property
    def mobile(self) -> str:
        return next((p for p in self.phones if p.replace(" ", "").replace("+61", "0").startswith("04")), self.phones[0])

    def registry_row(self) -> dict[str, str]:
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.address.one_line(),
            "references": ";".join(v for _, v in self.refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint_with),
            "authorised_contacts": ";".join(self.authorised),
        }


@dataclass
class Victim:
    victim: Client
    ex: Client
    joint_ref: str  # the joint home policy at the former shared home (the ex's address)
    own_ref: str  # her own contents policy at the suppressed address
    neighbour: Client | None = None  # a policyholder in the same street as her new address


def ascii_fold(s: str) -> str:
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("å", "a")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


class Population:
    """Builds the registry. Everything hangs off one seeded RNG, in a fixed order."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self.rng = rng
        self.clients: list[Client] = []
        self._used_refs: set[str] = set()
        self._used_phones: set[str] = {"0400118302", "0400118377", "0396542100", "0396542137"}
        self._used_emails: set[str] = set()
        self._used_addr: set[tuple[str, str, str]] = set()
        self._used_names: set[str] = (
            {s.name.lower() for s in org.STAFF}
            | {tp.contact.lower() for tp in (*org.APPROVED, *org.BROKERS, *org.LAWYERS)}
            | {n.lower() for n in names.OUTSIDERS}
        )
        self._next_id = 204100
        self.victims: list[Victim] = []
        self.joint_pairs: list[tuple[Client, Client, str]] = []
        self.households: list[tuple[Client, Client]] = []
        self.twins: list[tuple[Client, Client]] = []
        self.neighbours: list[tuple[Client, Client]] = []
        self.unit_neighbours: list[tuple[Client, Client]] = []
        self.other_suburb: list[tuple[Client, Client]] = []
        self.represented: list[tuple[Client, Client]] = []
        self.broker_clients: dict[str, list[Client]] = {b.domain: [] for b in org.BROKERS}
        self.lawyer_clients: dict[str, list[Client]] = {lw.domain: [] for lw in org.LAWYERS}
        self._build(size)

    # -- identifiers --------------------------------------------------------------------------------------
    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            v = make()
            k = v.replace("-", "").replace(" ", "").upper()
            if k not in self._used_refs:
                self._used_refs.add(k)
                return str(v)

    def new_ref(self, kind: str) -> str:
        r = self.rng
        d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        makers = {
            "customer": lambda: f"BW{r.randint(1, 9)}{d(6)}",
            "home": lambda: f"HOM-{r.randint(1, 9)}{d(3)}-{d(4)}",
            "motor": lambda: f"MV{r.randint(0, 1)}{d(7)}",
            "contents": lambda: f"CTS-{r.randint(1, 9)}{d(6)}",
            "landlord": lambda: f"LLD-{r.randint(1, 9)}{d(5)}",
            "home_claim": lambda: f"HC-{r.choice(['2024', '2025'])}-{r.randint(1, 9)}{d(5)}",
            "motor_claim": lambda: f"MC-{r.choice(['2024', '2025'])}-{r.randint(1, 9)}{d(5)}",
        }
        return self._unique(makers[kind])

    def new_mobile(self) -> str:
        while True:
            n = "04" + "".join(str(self.rng.randint(0, 9)) for _ in range(8))
            if n not in self._used_phones:
                self._used_phones.add(n)
                return f"{n[:4]} {n[4:7]} {n[7:]}"

    def new_landline(self, state: str) -> str:
        area = places.AREA_CODE[state]
        while True:
            local = str(self.rng.randint(2, 9)) + "".join(str(self.rng.randint(0, 9)) for _ in range(7))
            if area + local not in self._used_phones:
                self._used_phones.add(area + local)
                return f"({area}) {local[:4]} {local[4:]}"

    def new_email(self, given: str, family: str) -> str:
        g = ascii_fold(given).lower().replace(" ", "").replace("'", "").replace("-", "") or "mail"
        f = ascii_fold(family).lower().replace(" ", "").replace("'", "").replace("-", "")
        r = self.rng
        while True:
            local = r.choice(
                [
                    f"{g}.{f}",
                    f"{g[0]}{f}",
                    f"{g}{f}{r.randint(1, 99)}",
                    f"{f}.{g[0]}",
                    f"{g}_{f}{r.randint(60, 99)}",
                    f"{g}{r.randint(100, 999)}",
                ]
            )
            e = f"{local}@{r.choice(names.PERSONAL_DOMAINS)}"
            if e not in self._used_emails:
                self._used_emails.add(e)
                return e

    # -- addresses ----------------------------------------------------------------------------------------
    def new_address(
        self,
        kind: str | None = None,
        state: str | None = None,
        street: tuple[str, str] | None = None,
        locality: tuple[str, str] | None = None,
    ) -> Address:
        r = self.rng
        for _ in range(1000):
            st = state or r.choice(list(places.STATES))
            sub, pc = locality or r.choice(places.LOCALITIES[st])
            k = (
                kind
                or r.choices(
                    ["street", "unit", "lot", "rural", "shop", "level", "pobox", "gpobox"],
                    weights=[60, 16, 3, 5, 1, 1, 10, 2],
                )[0]
            )
            name, stype = street or (r.choice(places.STREET_NAMES), r.choice(places.STREET_TYPES))
            if k == "rural" and street is None:
                name, stype = r.choice(places.RURAL_NAMES), r.choice(places.RURAL_TYPES)
            a = Address(k, suburb=sub, state=st, postcode=pc)
            if k in ("pobox", "gpobox", "lockedbag"):
                a.sub = str(r.randint(1, 9999) if k != "lockedbag" else r.randint(1, 60))
                if k == "gpobox":
                    a.suburb, a.postcode = places.GPO_LOCALITY[st]
            elif k == "lot":
                a.sub, a.street, a.stype = str(r.randint(1, 240)), name, stype
            else:
                a.number = str(r.randint(1, 3400) if k == "rural" else r.randint(1, 180))
                a.street, a.stype = name, stype
                if k in ("unit", "shop", "level"):
                    a.sub = str(r.randint(1, 24) if k != "level" else r.randint(1, 9))
            if a.key() not in self._used_addr:
                self._used_addr.add(a.key())
                return a
        raise RuntimeError("address space exhausted")

    def claim_address(self, a: Address) -> Address:
        if a.key() in self._used_addr:
            raise ValueError("address already used")
        self._used_addr.add(a.key())
        return a

    # -- people -------------------------------------------------------------------------------------------
    def new_client(
        self,
        *,
        address: Address | None = None,
        given: str | None = None,
        family: str | None = None,
        title: str | None = None,
        sex: str | None = None,
        tags: tuple[str, ...] = (),
        refs: tuple[str, ...] | None = None,
        twin_name: bool = False,
    ) -> Client:
        r = self.rng
        for _ in range(1000):
            s = sex or r.choices(["f", "m", "x"], weights=[48, 48, 4])[0]
            pool = names.GIVEN_F if s == "f" else names.GIVEN_M if s == "m" else names.GIVEN_X
            fam = family or r.choice(names.FAMILY)
            g = given if given is not None else r.choice(pool)
            if given is None and family is None and r.random() < 0.03:
                g, fam = "", r.choice(names.ONE_NAME)
            if (fam in names.FAMILY_FIRST) != (g in names.EAST_ASIAN_GIVEN) and given is None and r.random() < 0.7:
                continue
            full = f"{g} {fam}".strip().lower()
            if twin_name or full not in self._used_names:
                self._used_names.add(full)
                break
        middle = ""
        if g and r.random() < 0.25:
            m = r.choice(names.MIDDLE)
            if r.random() < 0.4:
                g = f"{g} {m}"  # the CRM holds given and middle names together
            else:
                middle = m
        t = (
            title
            if title is not None
            else r.choices(
                {"f": ["Ms", "Mrs", "Miss", "Dr", ""], "m": ["Mr", "Dr", ""], "x": ["Mx", ""]}[s],
                weights={"f": [50, 25, 8, 7, 10], "m": [80, 8, 12], "x": [70, 30]}[s],
            )[0]
        )
        dob = date(1942, 1, 1) + timedelta(days=r.randint(0, 365 * 62))
        addr = address or self.new_address()
        emails = [self.new_email(g or fam, fam)]
        if r.random() < 0.12:
            emails.append(self.new_email(g or fam, fam))
        phones = [self.new_mobile()]
        if r.random() < 0.3:
            phones.append(self.new_landline(addr.state))
        if r.random() < 0.08:  # some CRM records hold the mobile in international form
            phones[0] = "+61 " + phones[0][1:]
        c = Client(
            f"PH{self._next_id}",
            t,
            g,
            fam,
            dob,
            emails,
            phones,
            addr,
            middle=middle,
            tags=set(tags),
            family_first=fam in names.FAMILY_FIRST and g in names.EAST_ASIAN_GIVEN,
        )
        self._next_id += r.randint(1, 9)
        c.refs.append(("customer", self.new_ref("customer")))
        kinds = (
            refs
            if refs is not None
            else tuple(
                r.choices(
                    [
                        ("home",),
                        ("motor",),
                        ("home", "motor"),
                        ("contents",),
                        ("contents", "motor"),
                        ("landlord",),
                        ("motor", "motor"),
                    ],
                    weights=[25, 30, 25, 8, 6, 3, 3],
                )[0]
            )
        )
        for k in kinds:
            c.refs.append((k, self.new_ref(k)))
        for k in kinds:
            if r.random() < 0.45:
                c.refs.append(
                    (
                        "motor_claim" if k == "motor" else "home_claim",
                        self.new_ref("motor_claim" if k == "motor" else "home_claim"),
                    )
                )
        self.clients.append(c)
        return c

    def _joint(self, a: Client, b: Client, kind: str = "home") -> str:
        ref = self.new_ref(kind)
        a.refs.insert(1, (kind, ref))
        b.refs.insert(1, (kind, ref))
        a.joint_with.append(b.cid)
        b.joint_with.append(a.cid)
        return ref

    def _build(self, size: int) -> None:
        r = self.rng
        n_special = max(6, size // 90)
        for i in range(n_special + 6):  # family-violence victims and their former partners
            ex = self.new_client(sex="m" if i % 5 else "f", tags=("ex",), refs=("motor",))
            v = self.new_client(
                sex="f" if i % 5 else "m",
                tags=("victim",),
                refs=("contents",),
                address=self.new_address(kind="pobox" if i % 6 == 5 else r.choice(["unit", "street", "unit"])),
            )
            shared = f"{v.given} {ex.family}".lower()
            if v.given and r.random() < 0.5 and shared not in self._used_names:
                self._used_names.add(shared)
                v.family = ex.family  # often still shares the former partner's surname
            v.phones = [self.new_mobile()]
            if i % 3 == 1 and v.address.kind != "pobox":
                v.phones.append(self.new_landline(v.address.state))
            v.suppressed = (
                ["postal_address", "phone", "email"]
                if i % 4 != 3
                else ["postal_address", "phone"]
                if i % 8 == 3
                else ["postal_address", "email"]
            )
            v.refs.append(("home_claim", self.new_ref("home_claim")))
            if i % 3 == 0:
                v.authorised.append(org.LAWYERS[2].contact_email)
            joint = self._joint(ex, v)
            neighbour = None
            if not v.address.is_box:
                na = self.new_address(
                    kind="street",
                    street=(v.address.street, v.address.stype),
                    locality=(v.address.suburb, v.address.postcode),
                    state=v.address.state,
                )
                neighbour = self.new_client(address=na, tags=("victim-neighbour",))
            self.victims.append(Victim(v, ex, joint, v.ref("contents"), neighbour))
        for _ in range(n_special * 4):  # joint policyholders at one address
            a = self.new_client(tags=("joint",))
            same_family = r.random() < 0.5 and bool(a.given)
            b = self.new_client(address=a.address, family=a.family if same_family else None, tags=("joint",))
            if r.random() < 0.4:
                land = self.new_landline(a.address.state)
                a.phones.append(land)
                b.phones.append(land)
            if r.random() < 0.1:
                shared = self.new_email("the", a.family + "s")
                a.emails.append(shared)
                b.emails.append(shared)
            self.joint_pairs.append((a, b, self._joint(a, b)))
        for _ in range(n_special * 2):  # households: parent and adult child, separate policies
            p = self.new_client(tags=("household",), refs=("home",))
            c = self.new_client(address=p.address, family=p.family, tags=("household",), refs=("motor",))
            c.dob = max(c.dob, p.dob + timedelta(days=365 * 22 + r.randint(0, 4000)))
            if r.random() < 0.5:
                land = self.new_landline(p.address.state)
                p.phones.append(land)
                c.phones.append(land)
            self.households.append((p, c))
        for _ in range(n_special):  # name twins: same name, different date of birth and address
            a = self.new_client(tags=("twin",))
            b = self.new_client(
                given=a.given.split(" ")[0] if a.given else "",
                family=a.family,
                title=a.title,
                twin_name=True,
                tags=("twin",),
            )
            b.given, b.middle, a.middle = a.given, "", ""
            self.twins.append((a, b))
        for _ in range(n_special * 2):  # neighbours in one street
            a = self.new_client(address=self.new_address(kind="street"), tags=("neighbour",))
            na = self.new_address(
                kind="street",
                street=(a.address.street, a.address.stype),
                locality=(a.address.suburb, a.address.postcode),
                state=a.address.state,
            )
            self.neighbours.append((a, self.new_client(address=na, tags=("neighbour",))))
        for _ in range(n_special):  # two units in one building
            a = self.new_client(address=self.new_address(kind="unit"), tags=("unit-neighbour",))
            b_addr = Address(
                "unit",
                str(int(a.address.sub) + 1),
                a.address.number,
                a.address.street,
                a.address.stype,
                a.address.suburb,
                a.address.state,
                a.address.postcode,
            )
            b = self.new_client(address=self.claim_address(b_addr), tags=("unit-neighbour",))
            self.unit_neighbours.append((a, b))
        for _ in range(n_special):  # same number and street, another suburb
            a = self.new_client(address=self.new_address(kind="street"), tags=("other-suburb",))
            st = a.address.state
            loc = r.choice([x for x in places.LOCALITIES[st] if x[1] != a.address.postcode])
            b_addr = Address("street", "", a.address.number, a.address.street, a.address.stype, loc[0], st, loc[1])
            b = self.new_client(address=self.claim_address(b_addr), tags=("other-suburb",))
            self.other_suburb.append((a, b))
        for _ in range(max(3, n_special // 2)):  # representatives known by client id
            elder = self.new_client(tags=("represented",), refs=("home",))
            elder.dob = date(1930 + r.randint(0, 14), r.randint(1, 12), r.randint(1, 28))
            rep = self.new_client(family=elder.family, tags=("representative",))
            elder.authorised.append(rep.cid)
            self.represented.append((elder, rep))
        while len(self.clients) < size:
            c = self.new_client()
            roll = r.random()
            if roll < 0.09:
                b = org.BROKERS[len(self.clients) % len(org.BROKERS)]
                c.authorised.append(b.contact_email)
                c.tags.add("broker-client")
                self.broker_clients[b.domain].append(c)
            elif roll < 0.11:
                lw = org.LAWYERS[len(self.clients) % 2]
                c.authorised.append(lw.contact_email)
                c.tags.add("lawyer-client")
                self.lawyer_clients[lw.domain].append(c)
        self.by_id = {c.cid: c for c in self.clients}
        self.plain = [c for c in self.clients if not c.tags]

    # -- picking ------------------------------------------------------------------------------------------
    def related(self, a: Client, b: Client) -> bool:
        return (
            a.cid == b.cid
            or b.cid in a.joint_with
            or a.address.key() == b.address.key()
            or b.cid in a.authorised
            or a.cid in b.authorised
        )

    def pick(self, n: int, pool: list[Client] | None = None, need: str | None = None) -> list[Client]:
        """n mutually unrelated plain clients (optionally all holding a reference kind)."""
        src = [c for c in (pool or self.plain) if need is None or c.has(need)]
        out: list[Client] = []
        while len(out) < n:
            c = self.rng.choice(src)
            if all(not self.related(c, o) for o in out):
                out.append(c)
        return out
