"""The claims agent's client registry: about a thousand synthetic workers, dependants and contacts.

Groups the scenarios need are built first and remembered: family-violence victims with their ex-partner
(co-claimants, linked by `joint_with`), other co-claimant pairs, name twins (same name and injury date,
other date of birth), neighbours of victims, representatives known by email or by client id.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field, replace
from datetime import date

from . import ids
from .org import PARTIES, PRIVATE_MAIL, WEBMAIL, Party, Person
from .people import (
    INJURIES,
    Client,
    make_email,
    pick_name,
    pick_title,
    random_dob,
    random_injury_date,
)
from .places import Address, careof_address, neighbour_of, random_address, same_street_elsewhere

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
class Registry:
    clients: list[Client] = field(default_factory=list)
    fv: list[tuple[Client, Client]] = field(default_factory=list)  # (victim, ex-partner)
    joint: list[tuple[Client, Client]] = field(default_factory=list)  # co-claimants, no violence
    twins: list[tuple[Client, Client]] = field(default_factory=list)
    victim_lookalikes: list[tuple[Client, Client, str]] = field(default_factory=list)  # victim, other, kind
    rep_by_id: list[tuple[Client, Client, str]] = field(default_factory=list)  # worker, rep client, relation
    careof: list[Client] = field(default_factory=list)
    ordinary: list[Client] = field(default_factory=list)
    _refs: set[str] = field(default_factory=set)
    _addrs: set[str] = field(default_factory=set)

    def by_id(self, cid: str) -> Client:
        return next(c for c in self.clients if c.cid == cid)

    def represented_by(self, email: str) -> list[Client]:
        return [c for c in self.clients if email in c.authorised]

    def plain(self, rng: random.Random, n: int = 1, exclude: tuple[Client, ...] = ()) -> list[Client]:
        """Clients with no special relationships (unless a scenario asks for one)."""
        pool = [c for c in self.ordinary if c not in exclude]
        return rng.sample(pool, n)

    def with_rep(self, rng: random.Random, kind: str) -> tuple[Client, Person, Party | None]:
        pool = [(c, p, f) for c in self.ordinary for p, f, rel in c.reps if rel == kind]
        return rng.choice(pool)

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(COLUMNS)
        for c in self.clients:
            w.writerow(
                [
                    c.cid,
                    c.given,
                    c.family,
                    c.dob.isoformat(),
                    ";".join(c.emails),
                    ";".join(c.phones),
                    c.addr.registry_line(),
                    ";".join(c.refs),
                    ";".join(c.suppressed),
                    ";".join(c.joint_with),
                    ";".join(c.authorised),
                ]
            )
        return buf.getvalue()


class Builder:
    def __init__(self, seed: int, scale: float) -> None:
        self.rng = random.Random(f"{seed}-registry")
        self.reg = Registry()
        self.size = max(300, round(1000 * scale))
        self.next_id = 410021
        self._emails: set[str] = set()

    # --- primitives -------------------------------------------------------------------------------
    def _ref(self, year: int, legacy: bool = False) -> str:
        while True:
            r = ids.legacy_claim(self.rng) if legacy else ids.claim_number(self.rng, year)
            if r not in self.reg._refs:
                self.reg._refs.add(r)
                return r

    def _addr(self, **kw: object) -> Address:
        while True:
            a = random_address(self.rng, **kw)  # type: ignore[arg-type]
            key = a.registry_line().upper()
            if key not in self.reg._addrs:
                self.reg._addrs.add(key)
                return a

    def _email(self, given: str, family: str, domain: str) -> str:
        """A new e-mail address: two people never share one."""
        while True:
            e = make_email(self.rng, given, family, domain)
            if e not in self._emails:
                self._emails.add(e)
                return e

    def _claim(self, addr: Address) -> Address:
        self.reg._addrs.add(addr.registry_line().upper())
        return addr

    def client(
        self,
        gender: str | None = None,
        addr: Address | None = None,
        family: str | None = None,
        given: str | None = None,
        injury: date | None = None,
        n_refs: int | None = None,
    ) -> Client:
        rng = self.rng
        gender = gender or rng.choices("FMX", weights=[47, 50, 3])[0]
        g, f = pick_name(rng, gender)
        given, family = given or g, family or f
        inj = injury or random_injury_date(rng)
        n_refs = n_refs or rng.choices([1, 2, 3], weights=[68, 24, 8])[0]
        refs = [self._ref(inj.year)]
        for _ in range(n_refs - 1):
            refs.append(self._ref(rng.randrange(2015, 2023), legacy=rng.random() < 0.6))
        emails = []
        if rng.random() < 0.86:
            emails.append(self._email(given, family, rng.choice(WEBMAIL)))
            if rng.random() < 0.12:
                emails.append(self._email(given, family, rng.choice(WEBMAIL)))
        phones = [ids.mobile(rng)]
        a = addr or self._addr()
        if rng.random() < 0.2:
            phones.append(ids.landline(rng, a.state))
        c = Client(
            cid=f"C{self.next_id}",
            gender=gender,
            title=pick_title(rng, gender),
            given=given,
            family=family,
            dob=random_dob(rng),
            emails=emails,
            phones=phones,
            addr=a,
            refs=refs,
            employer=rng.choice(PARTIES["employers"]),
            injury_date=inj,
            injury=rng.choice(INJURIES),
        )
        self.next_id += rng.randrange(1, 40)
        self.reg.clients.append(c)
        if rng.random() < 0.55:  # the employer's return-to-work coordinator, per the claim form's consent
            rtw = c.employer.contacts[0]
            c.authorised.append(rtw.email)
            c.reps.append((rtw, c.employer, "employer"))
        return c

    def _add_rep(self, c: Client, kind: str) -> None:
        rng = self.rng
        if kind == "family":
            g, f = pick_name(rng, rng.choice("FM"))
            p = Person(
                f"{g.split(' ')[0]} {c.family if rng.random() < 0.6 else f}",
                self._email(g, c.family, rng.choice(WEBMAIL)),
                rng.choice(["wife", "husband", "daughter", "son", "sister", "partner"]),
            )
            c.authorised.append(p.email)
            c.reps.append((p, None, "family"))
            return
        group = {"law": "firms", "advocate": "advocates", "interpreter": "advocates", "gp": "clinics"}[kind]
        firms = [p for p in PARTIES[group] if p.kind == kind or (kind == "gp" and p.kind in ("gp", "physio", "psych"))]
        firm = rng.choice(firms)
        person = rng.choice([p for p in firm.contacts if p.title] or list(firm.contacts))
        c.authorised.append(person.email)
        c.reps.append((person, firm, kind))

    # --- groups -----------------------------------------------------------------------------------
    def build(self) -> Registry:
        rng, reg = self.rng, self.reg
        for i in range(16):  # family-violence victims and their ex-partners, co-claimants on one claim
            inj = random_injury_date(rng)
            ex = self.client(gender="M" if i % 5 else "F", injury=inj, n_refs=rng.choice([1, 2]))
            victim = self.client(
                gender="F" if i % 5 else "M",
                injury=inj,
                family=ex.family if i % 3 == 0 else None,
                n_refs=rng.choice([1, 2]),
            )
            street_kind = rng.choice(["street", "unit", "unit", "street"])
            victim.addr = self._addr(kind=street_kind)
            shared = self._ref(inj.year)
            for c in (ex, victim):
                c.refs.append(shared)
                c.shared_ref = shared
            ex.joint_with, victim.joint_with = [victim.cid], [ex.cid]
            victim.suppressed = ["postal_address"]
            if i % 4 != 3:
                victim.suppressed.append("phone")
                victim.phones = [ids.landline(rng, victim.addr.state) if i % 8 == 2 else ids.mobile(rng)]
            if i % 5 in (0, 1, 3):
                victim.suppressed.append("email")
                victim.emails = [self._email(victim.given, victim.family, rng.choice(PRIVATE_MAIL))]
            elif not victim.emails:
                victim.emails = [self._email(victim.given, victim.family, rng.choice(WEBMAIL))]
            if not ex.emails:
                ex.emails = [self._email(ex.given, ex.family, rng.choice(WEBMAIL))]
            rtw = victim.employer.contacts[0]
            if rtw.email not in victim.authorised:  # the employer is a party to every claim of theirs
                victim.authorised.append(rtw.email)
                victim.reps.append((rtw, victim.employer, "employer"))
            victim.tags.add("fv")
            ex.tags.add("ex-partner")
            reg.fv.append((victim, ex))
            if victim.addr.kind in ("street", "unit") and i < 12:
                step = rng.choice([2, 4, -2, -4])
                n = self.client(addr=self._claim(neighbour_of(victim.addr, rng, step)))
                n.tags.add("neighbour")
                reg.victim_lookalikes.append((victim, n, "neighbour"))
            if i % 2 == 0:
                o = self.client(addr=self._claim(same_street_elsewhere(victim.addr, rng)))
                o.tags.add("lookalike")
                reg.victim_lookalikes.append((victim, o, "same-street-other-suburb"))
        for i in range(16):  # co-claimants: households and relatives
            inj = random_injury_date(rng)
            a = self.client(gender="M" if i % 2 else "F", injury=inj, n_refs=rng.choice([1, 2]))
            household = i < 10
            b = self.client(
                gender="F" if i % 2 else "M",
                injury=inj,
                n_refs=rng.choice([1, 2]),
                addr=a.addr if household else None,
                family=a.family if i % 3 != 1 else None,
            )
            shared = self._ref(inj.year)
            for c in (a, b):
                c.refs.append(shared)
                c.shared_ref = shared
                c.tags.add("joint")
            a.joint_with, b.joint_with = [b.cid], [a.cid]
            reg.joint.append((a, b))
        for _ in range(8):  # name twins: same name and injury date, different date of birth
            inj = random_injury_date(rng)
            gender = rng.choice("FM")
            a = self.client(gender=gender, injury=inj, n_refs=1)
            b = self.client(gender=gender, injury=inj, n_refs=1, given=a.given, family=a.family)
            b.title = a.title
            for c in (a, b):
                c.tags.add("twin")
            reg.twins.append((a, b))
        for _ in range(22):  # a relative who is also a client, authorised by client id
            w = self.client()
            rel = rng.choice(["mother", "father", "daughter", "son", "husband", "wife", "brother", "sister"])
            r = self.client(
                family=w.family if rng.random() < 0.75 else None, addr=w.addr if rng.random() < 0.3 else None
            )
            w.authorised.append(r.cid)
            w.tags.add("rep-by-id")
            reg.rep_by_id.append((w, r, rel))
        firms = PARTIES["firms"]
        for _ in range(10):  # letters c/- their lawyers
            firm = rng.choice(firms)
            box, loc = firm.postal
            suburb_state_pc = loc.rsplit(" ", 2)
            addr = careof_address(
                rng, firm.name, box, suburb_state_pc[0].title(), suburb_state_pc[1], suburb_state_pc[2]
            )
            c = self.client(addr=addr)
            person = firm.contacts[0]
            c.authorised.append(person.email)
            c.reps.append((person, firm, "law"))
            c.tags.add("careof")
            reg.careof.append(c)
        special = len(reg.clients)
        for _ in range(self.size - special):
            c = self.client()
            roll = rng.random()
            if roll < 0.12:
                self._add_rep(c, "law")
            elif roll < 0.18:
                self._add_rep(c, "advocate")
            elif roll < 0.25:
                self._add_rep(c, "interpreter")
            elif roll < 0.31:
                self._add_rep(c, "family")
            if rng.random() < 0.08:
                self._add_rep(c, "gp")
            reg.ordinary.append(c)
        # a second co-worker represented by the same solicitor happens naturally; make sure one exists
        lawyer = next(p for c in reg.ordinary for p, f, k in c.reps if k == "law")
        extra = [c for c in reg.ordinary if not c.reps][:3]
        for c in extra:
            c.authorised.append(lawyer.email)
            c.reps.append((lawyer, next(f for f in firms if f.domain in lawyer.email), "law"))
        return reg


def build_registry(seed: int, scale: float) -> Registry:
    return Builder(seed, scale).build()


def moved(addr: Address, **changes: object) -> Address:
    return replace(addr, **changes)  # type: ignore[arg-type]
