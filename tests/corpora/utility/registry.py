"""The client registry: about 1,500 synthetic clients with the relationships real records have (joint holders,
family-violence victims and their ex-partners, name twins, neighbours, households, representatives,
authorised contacts, near-identical account numbers), written as DESIGN §4's CSV."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import org
from .people import CULTURE_WEIGHTS, FAMILY, GIVEN, MIDDLE, Client, fold, landline, mobile, new_ref
from .places import Address, box_address, rmb_address, street_address

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
BUSINESS_WORDS = [
    "Bakery",
    "Plumbing",
    "Motor Repairs",
    "Café",
    "Physiotherapy",
    "Hair Studio",
    "Nursery",
    "Electrical",
    "Pharmacy",
    "Landscaping",
    "Takeaway",
    "Dental",
    "Laundromat",
    "Joinery",
]
RELATIVE_DOMAINS = org.WEBMAIL


@dataclass
class Registry:
    clients: list[Client] = field(default_factory=list)
    by_id: dict[str, Client] = field(default_factory=dict)
    couples: list[tuple[Client, Client]] = field(default_factory=list)
    fv: list[tuple[Client, Client | None]] = field(default_factory=list)  # victim, ex-partner
    neighbours: list[tuple[Client, Client]] = field(default_factory=list)  # resident, neighbour
    twins: list[tuple[Client, Client]] = field(default_factory=list)
    households: list[tuple[Client, Client]] = field(default_factory=list)
    reps: list[tuple[Client, Client]] = field(default_factory=list)  # representative, represented
    contacts: list[tuple[Client, org.Person, str]] = field(default_factory=list)  # client, contact, kind
    businesses: list[Client] = field(default_factory=list)
    near: list[tuple[Client, Client]] = field(default_factory=list)  # B's account one digit off A's
    plain: list[Client] = field(default_factory=list)

    def csv_text(self) -> str:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(COLUMNS)
        for c in self.clients:
            w.writerow(
                [
                    c.cid,
                    c.reg_given,
                    c.reg_family,
                    c.dob.isoformat(),
                    ";".join(c.emails),
                    ";".join(c.phones),
                    c.address.one_line(
                        abbrev=c.cid[-1] in "13579", unit_style="slash" if c.cid[-2] in "02468" else "unit"
                    ),
                    ";".join(c.refs),
                    ";".join(c.suppressed),
                    ";".join(c.joint_with),
                    ";".join(c.authorised),
                ]
            )
        return out.getvalue()

    def unrelated(self, *cs: Client) -> bool:
        """True when no two of these clients are joint holders or each other's representative."""
        for a in cs:
            for b in cs:
                if a is not b and (b.cid in a.joint_with or b.cid in a.authorised or a.cid in b.authorised):
                    return False
        return True


class _Builder:
    def __init__(self, rng: random.Random, n: int) -> None:
        self.rng, self.n = rng, n
        self.reg = Registry()
        self.next_id = 300000
        self.used_refs: set[str] = set()
        self.used_emails: set[str] = set()
        self.used_phones: set[str] = set()

    # -- primitives -------------------------------------------------------------------------------------
    def ref(self, kind: str | None = None) -> str:
        kind = kind or self.rng.choice(["elec", "elec", "gas", "water", "water"])
        while True:
            r = new_ref(self.rng, kind)
            if r not in self.used_refs:
                self.used_refs.add(r)
                return r

    def mobile(self) -> str:
        while True:
            p = mobile(self.rng)
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    def landline(self, state: str) -> str:
        while True:
            p = landline(self.rng, state)
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    def email(self, given: str, family: str, domain: str | None = None) -> str:
        g = fold(given.split()[0]).lower().replace("'", "").replace(" ", "")
        f = fold(family).lower().replace("'", "").replace(" ", "").replace("-", "")
        pattern = self.rng.choice(["{g}.{f}", "{g}{f}", "{g0}{f}", "{g}.{f}{n}", "{f}.{g}", "{g}_{f}{n}"])
        domain = domain or self.rng.choice(org.WEBMAIL)
        while True:
            local = pattern.format(g=g, f=f, g0=g[0], n=self.rng.randint(1, 99))
            e = f"{local}@{domain}"
            if e not in self.used_emails:
                self.used_emails.add(e)
                return e
            pattern = "{g}.{f}{n}"

    def person(
        self,
        culture: str | None = None,
        family: str | None = None,
        gender: str | None = None,
        address: Address | None = None,
        given: str | None = None,
    ) -> Client:
        rng = self.rng
        culture = culture or rng.choices(list(CULTURE_WEIGHTS), weights=list(CULTURE_WEIGHTS.values()))[0]
        choices = [g for g in GIVEN[culture] if gender is None or g[1] == gender] or GIVEN[culture]
        g, sex = rng.choice(choices)
        if given:
            g = given
        family = family or rng.choice(FAMILY[culture])
        title = {"m": "Mr", "f": rng.choice(["Ms", "Ms", "Mrs", "Miss"]), "x": "Mx"}[sex]
        if rng.random() < 0.05:
            title = "Dr"
        dob = date(1938, 1, 1) + timedelta(days=rng.randint(0, 365 * 66))
        middle = rng.choice(MIDDLE) if rng.random() < 0.45 else ""
        self.next_id += rng.randint(1, 9)
        c = Client(f"C{self.next_id}", title, g, middle, family, dob, sex, address or street_address(rng))
        # Registry rows: some carry the middle name, some fold diacritics the billing system could not store.
        c.reg_given = f"{g} {middle}" if middle and rng.random() < 0.35 else g
        c.reg_family = family
        if fold(g + family) != g + family and rng.random() < 0.3:
            c.reg_given, c.reg_family = fold(c.reg_given), fold(family)
        r = rng.random()
        if r < 0.75:
            c.phones.append(self.mobile())
        if r > 0.55:
            c.phones.append(self.landline(c.address.state))
        if rng.random() < 0.88:
            c.emails.append(self.email(g, family))
            if rng.random() < 0.06:
                c.emails.append(self.email(g, family))
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            c.refs.append(self.ref())
        self.add(c)
        return c

    def add(self, c: Client) -> None:
        self.reg.clients.append(c)
        self.reg.by_id[c.cid] = c

    # -- structures -------------------------------------------------------------------------------------
    def couples(self, k: int) -> None:
        for i in range(k):
            a = self.person(gender="m" if i % 3 else None)
            same_family = self.rng.random() < 0.5
            b = self.person(family=a.family if same_family else None, address=a.address, gender="f" if i % 3 else None)
            b.dob = a.dob + timedelta(days=self.rng.randint(-3000, 3000))
            if b.landline:
                b.phones.remove(b.landline)
            if a.landline:
                b.phones.append(a.landline)
            self.join(a, b)
            self.reg.couples.append((a, b))

    def join(self, a: Client, b: Client) -> str:
        shared = self.ref()
        for x, y in ((a, b), (b, a)):
            x.refs.insert(0, shared)
            x.shared_refs[shared] = y.cid
            x.joint_with.append(y.cid)
            x.tags.add("joint")
        return shared

    def family_violence(self, k: int, with_ex: int) -> None:
        rng = self.rng
        for i in range(k):
            home = street_address(rng)
            victim = self.person(gender="f" if i % 5 else None, address=home)
            ex = None
            if i < with_ex:
                ex = self.person(
                    gender="m" if i % 5 else None, address=home, family=victim.family if rng.random() < 0.4 else None
                )
                if i % 6 == 5:  # a former joint holder: the joint account was closed on separation
                    closed = self.ref()
                    ex.refs.insert(0, closed)
                    ex.tags.add("former-joint")
                else:
                    self.join(victim, ex)
                ex.tags.add("ex-partner")
            # She moved: new address, new mobile, new email, a new account of her own; all suppressed.
            victim.old_address = home
            victim.address = street_address(rng) if rng.random() < 0.85 else box_address(rng, "pobox")
            victim.phones = [self.mobile()] + ([self.landline(victim.address.state)] if i % 3 == 1 else [])
            victim.emails = [self.email(victim.given, victim.family, rng.choice(org.WEBMAIL))]
            victim.refs.append(self.ref())
            r = rng.random()
            victim.suppressed = (
                ["postal_address", "phone", "email"]
                if r < 0.7
                else ["postal_address", "phone"]
                if r < 0.85
                else ["postal_address", "email"]
            )
            victim.tags.add("victim")
            self.reg.fv.append((victim, ex))
            if victim.address.kind == "street" and rng.random() < 0.8:
                self.neighbour(victim)

    def neighbour(self, resident: Client) -> Client:
        a = resident.address
        base = int("".join(ch for ch in a.number if ch.isdigit()) or "10")
        number = str(base + self.rng.choice([2, -2, 4, 1, 10, 11]) if base > 4 else base + 2)
        n = self.person(address=replace(a, number=number, unit=""))
        n.tags.add("neighbour")
        self.reg.neighbours.append((resident, n))
        return n

    def twins(self, k: int) -> None:
        for i in range(k):
            a = self.person()
            address = None
            if i % 5 < 2:  # same suburb, different street
                address = replace(
                    street_address(self.rng),
                    suburb=a.address.suburb,
                    state=a.address.state,
                    postcode=a.address.postcode,
                )
            b = self.person(family=a.family, given=a.given, address=address)
            b.title, b.gender = a.title, a.gender
            b.reg_given, b.reg_family = a.reg_given.split()[0], a.reg_family
            while abs((b.dob - a.dob).days) < 30:
                b.dob += timedelta(days=97)
            a.tags.add("twin")
            b.tags.add("twin")
            self.reg.twins.append((a, b))

    def households(self, k: int) -> None:
        for _ in range(k):
            a = self.person()
            b = self.person(family=a.family, address=a.address)
            if a.landline and b.landline:
                b.phones.remove(b.landline)
                b.phones.append(a.landline)
            a.tags.add("household")
            b.tags.add("household")
            self.reg.households.append((a, b))

    def representatives(self, k: int) -> None:
        for _ in range(k):
            principal = self.person()
            principal.dob = date(1930 + self.rng.randint(0, 15), self.rng.randint(1, 12), self.rng.randint(1, 28))
            rep = self.person(family=principal.family if self.rng.random() < 0.6 else None)
            principal.authorised.append(rep.cid)
            principal.tags.add("represented")
            rep.tags.add("representative")
            self.reg.reps.append((rep, principal))

    def contacts(self, k: int) -> None:
        rng = self.rng
        for i in range(k):
            c = self.person()
            kind = ["counsellor", "lawyer", "family"][i % 3]
            if kind == "counsellor":
                p = org.COUNSELLORS[i % len(org.COUNSELLORS)]
            elif kind == "lawyer":
                p = org.LAWYERS[i % len(org.LAWYERS)]
            else:
                rel = self.person_name(c.family)
                p = org.Person(rel, self.email(rel.split()[0], rel.split()[-1]), "family member")
            c.authorised.append(p.email)
            c.tags.add("has-contact")
            self.reg.contacts.append((c, p, kind))
            if rng.random() < 0.15:
                c.tags.add("contact-in-hardship")

    def person_name(self, family: str) -> str:
        culture = self.rng.choice(list(GIVEN))
        return f"{self.rng.choice(GIVEN[culture])[0]} {family}"

    def businesses(self, k: int) -> None:
        rng = self.rng
        for i in range(k):
            c = self.person()
            word = rng.choice(BUSINESS_WORDS)
            c.business = rng.choice(
                [
                    f"{fold(c.family)} {word}",
                    f"{c.address.suburb} {word} Pty Ltd",
                    f"{rng.choice(['Sunrise', 'Bluewater', 'Redgum', 'Southern Cross'])} {word}",
                ]
            )
            slug = fold(c.business.split()[0]).lower().replace("'", "")
            c.emails = [f"accounts@{slug}{i}.example"]
            if i % 3 == 0:
                c.address = box_address(rng, "lockedbag" if i % 2 else "pobox", c.address.state)
            c.tags.add("business")
            self.reg.businesses.append(c)

    def odd_addresses(self, careof: int, rmb: int, poboxes: int) -> None:
        rng = self.rng
        firms = [
            "Kimberley Accounting",
            "Outback Bookkeeping",
            "Harbourside Financial Counselling",
            "Murray Valley Tax Agents",
        ]
        for i in range(careof):
            kind = "pobox" if i % 2 else "street"
            who = firms[i % len(firms)] if kind == "pobox" else None
            if who:
                addr = box_address(rng, "pobox", careof=f"c/- {who}")
            else:
                base = street_address(rng, unit_rate=0)
                addr = replace(base, careof=f"c/- {self.person_name(rng.choice(FAMILY['anglo']))}")
            self.person(address=addr).tags.add("careof")
        for _ in range(rmb):
            self.person(address=rmb_address(rng)).tags.add("rmb")
        for _ in range(poboxes):
            self.person(address=box_address(rng, "pobox")).tags.add("pobox")

    def near_accounts(self, k: int) -> None:
        for _ in range(k):
            a = self.person()
            b = self.person()
            src = a.refs[0]
            while True:
                i = self.rng.randint(3, len(src) - 1)
                d = str((int(src[i]) + self.rng.randint(1, 9)) % 10)
                cand = src[:i] + d + src[i + 1 :]
                if cand not in self.used_refs:
                    break
            self.used_refs.add(cand)
            b.refs[0] = cand
            self.reg.near.append((a, b))


def build_registry(rng: random.Random, size: int = 1500) -> Registry:
    b = _Builder(rng, size)
    b.couples(60)
    b.family_violence(46, with_ex=36)
    b.twins(30)
    b.households(40)
    b.representatives(24)
    b.contacts(90)
    b.businesses(50)
    b.odd_addresses(careof=14, rmb=14, poboxes=30)
    b.near_accounts(24)
    for _ in range(40):
        b.neighbour(b.person())
    while len(b.reg.clients) < size:
        b.person()
    related = {
        "joint",
        "victim",
        "ex-partner",
        "twin",
        "household",
        "representative",
        "represented",
        "has-contact",
        "business",
        "neighbour",
    }
    near_ids = {c.cid for pair in b.reg.near for c in pair}
    b.reg.plain = [
        c for c in b.reg.clients if not (c.tags & related) and c.cid not in near_ids and c.address.kind == "street"
    ]
    return b.reg
