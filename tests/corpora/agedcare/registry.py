"""The provider's client registry (DESIGN §4) and configuration.

Registry model:
- residents (room at one of the homes as postal address) and home-care recipients (their own home);
- references: resident number BGR-nnnnn or package number HCP-nnnnn, Medicare number, Services Australia
  customer reference number (pensioners), DVA file number (veterans);
- representatives who pay the fees and receive post (an EPOA, an executor, an administrator) are registry rows
  of their own (kind "payer", payer account BGA-nnnnn, no date of birth) and are listed by client id and e-mail
  in the client's authorised_contacts; other authorised family (next of kin, a tribunal guardian) by e-mail;
- couples on one fee account are joint_with each other;
- suppressions: an elder-abuse case (resident moved homes, son barred), a former partner who is still the
  joint holder of an old home-care account, a home-care client hiding from a former partner.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field

from . import world as w
from .world import Address, Client, Rep

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
class World:
    rng: random.Random
    clients: list[Client] = field(default_factory=list)
    by_id: dict[str, Client] = field(default_factory=dict)
    special: dict[str, Client] = field(default_factory=dict)
    barred: dict[str, Rep] = field(default_factory=dict)  # suppression case -> the person it is hidden from
    used_ids: set[str] = field(default_factory=set)
    used_phones: set[str] = field(default_factory=set)
    used_addr: set[str] = field(default_factory=set)
    used_numbers: set[str] = field(default_factory=set)
    used_rooms: set[tuple[str, str]] = field(default_factory=set)

    # ---------------------------------------------------------------- pickers
    def residents(self, ordinary: bool = True) -> list[Client]:
        return [c for c in self.clients if c.kind == "resident" and (not ordinary or self.is_ordinary(c))]

    def homecare(self, ordinary: bool = True) -> list[Client]:
        return [c for c in self.clients if c.kind == "homecare" and (not ordinary or self.is_ordinary(c))]

    def is_ordinary(self, c: Client) -> bool:
        return not c.suppressed and not c.joint_with and c not in self.special.values() and not c.deceased

    def pick(self, kind: str = "any", n: int = 1, need_payer: bool = False, need_email: bool = False) -> list[Client]:
        pool = [c for c in self.clients if c.kind in ("resident", "homecare") and self.is_ordinary(c)]
        if kind != "any":
            pool = [c for c in pool if c.kind == kind]
        if need_payer:
            pool = [c for c in pool if c.payer()]
        if need_email:
            pool = [c for c in pool if self.contact_email(c)]
        return self.rng.sample(pool, n)

    def contact_email(self, c: Client) -> str:
        """Where e-mail about this client normally goes: the client, else the first authorised representative."""
        if c.emails and "email" not in c.suppressed:
            return c.emails[0]
        for r in c.authorised_reps():
            if r.email:
                return r.email
        return ""

    def contact_name(self, c: Client) -> str:
        if c.emails and "email" not in c.suppressed:
            return c.name
        for r in c.authorised_reps():
            if r.email:
                return r.name
        return c.name

    # ---------------------------------------------------------------- makers
    def new_id(self) -> str:
        while True:
            cid = f"C{self.rng.randint(100000, 999999)}"
            if cid not in self.used_ids:
                self.used_ids.add(cid)
                return cid

    def new_number(self, prefix: str) -> str:
        while True:
            n = f"{prefix}-{self.rng.randint(10000, 99999)}"
            if n not in self.used_numbers:
                self.used_numbers.add(n)
                return n

    def new_room(self, home: w.Home) -> str:
        while True:
            room = str(self.rng.randint(1, 64))
            if (home.code, room) not in self.used_rooms:
                self.used_rooms.add((home.code, room))
                return room

    def add(self, c: Client) -> Client:
        self.clients.append(c)
        self.by_id[c.client_id] = c
        return c

    def payer_row(self, rep: Rep) -> Client:
        assert rep.address
        c = Client(
            client_id=self.new_id(),
            kind="payer",
            title=rep.title,
            given=rep.given,
            family=rep.family,
            dob=None,
            address=rep.address,
            emails=[rep.email] if rep.email else [],
            phones=[rep.phone],
            number=self.new_number("BGA"),
        )
        rep.client_id = c.client_id
        return self.add(c)


def _name(rng: random.Random, pool: str | None = None) -> tuple[str, str, str]:
    pool = pool or rng.choice(list(w.NAME_POOLS))
    given, family = w.NAME_POOLS[pool]
    return pool, rng.choice(given), rng.choice(family)


def _title(given: str, female: bool) -> str:
    if given.startswith(("Aunty", "Uncle")):
        return ""
    return "Mrs" if female else "Mr"


FEMALE = {
    "Margaret",
    "Dorothy",
    "Joan",
    "Beryl",
    "Shirley",
    "Norma",
    "Valerie",
    "Judith",
    "Patricia",
    "Lorraine",
    "Nellie",
    "Lowanna",
    "Marlene",
    "Thi Lan",
    "Thi Hoa",
    "Thi Mai",
    "Kim Anh",
    "Thanh",
    "Fatima",
    "Samira",
    "Mariam",
    "Nadia",
    "Dimitra",
    "Eleni",
    "Panagiota",
    "Sophia",
    "Giuseppina",
    "Concetta",
    "Rosaria",
    "Carmela",
    "Mei Ling",
    "Xiu Ying",
    "Shu Fen",
    "Li Na",
    "Kamala",
    "Savitri",
    "Lakshmi",
    "Gurpreet",
    "Corazon",
    "Leticia",
    "Milagros",
    "Remedios",
    "Losana",
    "Malia",
    "Leilani",
    "Ana",
    "Aunty June",
    "Hong",
}


def _child(world: World, rng: random.Random, family: str, relation: str, authorised: bool, payer: bool) -> Rep:
    given = rng.choice(w.YOUNG_GIVEN)
    fam = family if rng.random() < 0.7 else _name(rng)[2]
    female = given in {
        "Michelle",
        "Karen",
        "Nicole",
        "Linh",
        "Rania",
        "Maria",
        "Elena",
        "Daniela",
        "Jenny",
        "Anjali",
        "Grace",
        "Mele",
        "Tanya",
        "Leah",
        "Carmen",
        "Renee",
    }
    title = rng.choice(["Ms", "Mrs"]) if female else "Mr"
    rep = Rep(
        given=given,
        family=fam,
        relation=relation,
        email=w.make_email(rng, given, fam),
        phone=w.mobile(rng, world.used_phones),
        address=w.street_address(rng, world.used_addr) if payer else None,
        authorised=authorised,
        title=title,
    )
    if payer:
        world.payer_row(rep)
    return rep


def _dob(rng: random.Random, lo: int, hi: int) -> dt.date:
    return dt.date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


def _resident(
    world: World,
    rng: random.Random,
    home: w.Home,
    pool: str | None = None,
    given: str | None = None,
    family: str | None = None,
    dob: dt.date | None = None,
) -> Client:
    p, g, f = _name(rng, pool)
    g, f = given or g, family or f
    room = world.new_room(home)
    c = Client(
        client_id=world.new_id(),
        kind="resident",
        title=_title(g, g in FEMALE),
        given=g,
        family=f,
        dob=dob or _dob(rng, 1925, 1948),
        address=w.room_address(home, room),
        number=world.new_number("BGR"),
        medicare=w.medicare_number(rng),
        crn=w.crn(rng) if rng.random() < 0.8 else "",
        dva=w.dva_file(rng) if rng.random() < 0.1 else "",
        home=home,
        room=room,
        needs=rng.choice(w.CARE_NEEDS),
        meds=rng.sample(w.MEDICATIONS, rng.randint(3, 6)),
        fee_daily=round(rng.choice([61.96, 63.82, 65.55]) + rng.choice([0, 0, 28.5, 41.1]), 2),
    )
    if rng.random() < 0.25:
        c.phones.append(w.mobile(rng, world.used_phones))
    # representatives: a payer (EPOA / administrator) most of the time, other family by e-mail
    r = rng.random()
    if r < 0.75:
        c.reps.append(_child(world, rng, f, rng.choice(["EPOA (financial)", "EPOA", "administrator"]), True, True))
    elif r < 0.85:
        c.reps.append(
            Rep(
                "Guardianship",
                "Team",
                "guardian (VCAT order)",
                f"guardianship.{rng.randint(1, 9)}@publicadvocate.example",
                "(03) 5550 1900",
                None,
                True,
                "",
                "",
            )
        )
    else:
        c.reps.append(_child(world, rng, f, "next of kin", True, False))
    if rng.random() < 0.45:
        c.reps.append(_child(world, rng, f, rng.choice(["next of kin", "daughter", "son"]), True, False))
    return world.add(c)


def _homecare(world: World, rng: random.Random, pool: str | None = None) -> Client:
    p, g, f = _name(rng, pool)
    c = Client(
        client_id=world.new_id(),
        kind="homecare",
        title=_title(g, g in FEMALE),
        given=g,
        family=f,
        dob=_dob(rng, 1930, 1955),
        address=w.street_address(rng, world.used_addr, rng.choice(w.SUBURBS[:16])),
        number=world.new_number("HCP"),
        medicare=w.medicare_number(rng),
        crn=w.crn(rng) if rng.random() < 0.85 else "",
        dva=w.dva_file(rng) if rng.random() < 0.12 else "",
        needs=rng.choice(w.CARE_NEEDS),
        meds=rng.sample(w.MEDICATIONS, rng.randint(2, 5)),
        fee_daily=round(rng.choice([11.77, 12.03, 12.40]), 2),
    )
    c.phones.append(w.landline(rng, world.used_phones))
    if rng.random() < 0.6:
        c.emails.append(w.make_email(rng, g, f))
    if rng.random() < 0.4:
        c.reps.append(_child(world, rng, f, rng.choice(["EPOA", "next of kin"]), True, rng.random() < 0.5))
    return world.add(c)


def build(seed: int, scale: float) -> World:
    rng = random.Random(f"agedcare-{seed}")
    world = World(rng)
    n_res = max(24, round(64 * scale))
    n_hc = max(14, round(40 * scale))
    for i in range(n_res):
        _resident(world, rng, w.HOMES[i % len(w.HOMES)])
    for _ in range(n_hc):
        _homecare(world, rng)

    seaview, riverside, wattle = w.HOMES[2], w.HOMES[1], w.HOMES[0]

    # 1. Elder abuse: Dimitra moved from Riverside House to Seaview Lodge; her son is barred from knowing where.
    dim = _resident(world, rng, seaview, "greek", "Dimitra", "Papadopoulos")
    dim.title = "Mrs"
    dim.phones = [w.mobile(rng, world.used_phones)]
    dim.suppressed = ["postal_address", "phone"]
    dim.reps = [
        Rep(
            "Guardianship",
            "Team",
            "guardian (VCAT order)",
            "guardianship.3@publicadvocate.example",
            "(03) 5550 1900",
            None,
            True,
            "",
            "",
        ),
        _child(world, rng, "Papadopoulos", "daughter", True, False),
    ]
    dim.reps[1].given, dim.reps[1].title = "Eleni", "Ms"
    dim.reps[1].email = w.make_email(rng, "Eleni", dim.reps[1].family)
    son = Rep(
        "Kostas",
        "Papadopoulos",
        "son (barred by guardianship order)",
        w.make_email(rng, "Kostas", "Papadopoulos"),
        w.mobile(rng, world.used_phones),
        w.street_address(rng, world.used_addr),
        False,
        "",
        "Mr",
    )
    dim.reps.append(son)
    world.special["elder_abuse"] = dim
    world.barred["elder_abuse"] = son

    # 2. Former partner still joint holder of the old home-care fee account; she moved into Wattle Court.
    sione = _homecare(world, rng, "pacific")
    sione.given, sione.family, sione.title = "Sione", "Tuilagi", "Mr"
    sione.emails = [w.make_email(rng, "Sione", "Tuilagi")]
    sione.reps = []
    lei = _resident(world, rng, wattle, "pacific", "Leilani", "Tuilagi")
    lei.title = "Mrs"
    lei.emails = [w.make_email(rng, "Leilani", "Tuilagi")]
    lei.phones = [w.mobile(rng, world.used_phones)]
    lei.suppressed = ["postal_address", "phone", "email"]
    lei.reps = [_child(world, rng, "Tuilagi", "daughter", True, False)]
    lei.reps[0].given, lei.reps[0].title = "Mele", "Ms"
    lei.reps[0].email = w.make_email(rng, "Mele", "Tuilagi")
    sione.joint_with = [lei.client_id]
    lei.joint_with = [sione.client_id]
    world.special["former_partner"] = lei
    world.special["former_partner_joint"] = sione
    world.barred["former_partner"] = Rep(
        "Sione",
        "Tuilagi",
        "former partner (joint holder)",
        sione.emails[0],
        sione.phones[0],
        sione.address,
        False,
        sione.client_id,
        "Mr",
    )

    # 3. Home-care client hiding from a former partner who is not a client.
    mar = _homecare(world, rng, "aboriginal")
    mar.given, mar.family, mar.title = "Marlene", "Couzens", "Ms"
    mar.emails = [w.make_email(rng, "Marlene", "Couzens")]
    mar.phones = [w.mobile(rng, world.used_phones)]
    mar.suppressed = ["postal_address", "phone"]
    mar.reps = []
    world.special["homecare_hidden"] = mar
    world.barred["homecare_hidden"] = Rep(
        "Darren",
        "Egan-Bux",
        "former partner",
        w.make_email(rng, "Darren", "Egan-Bux"),
        w.mobile(rng, world.used_phones),
        None,
        False,
        "",
        "Mr",
    )

    # 4. Two residents with the same name, different dates of birth (the seed's payment incident).
    twin_a = _resident(world, rng, w.HOMES[3], "anglo", "Margaret", "Walsh", dt.date(1936, 4, 11))
    twin_b = _resident(world, rng, w.HOMES[0], "anglo", "Margaret", "Walsh", dt.date(1931, 9, 2))
    for t in (twin_a, twin_b):
        t.title = "Mrs"
        if not t.payer():
            t.reps.insert(0, _child(world, rng, "Walsh", "EPOA", True, True))
    world.special["same_name_a"] = twin_a
    world.special["same_name_b"] = twin_b

    # 5. Adult children who disagree: the EPOA daughter, a brother who is not authorised.
    gius = _resident(world, rng, riverside, "italian", "Giuseppina", "Russo")
    gius.title = "Mrs"
    maria = _child(world, rng, "Russo", "EPOA (financial and personal)", True, True)
    maria.given, maria.family, maria.title = "Maria", "Russo", "Ms"
    maria.email = w.make_email(rng, "Maria", "Russo")
    world.by_id[maria.client_id].given = "Maria"
    world.by_id[maria.client_id].family = "Russo"
    world.by_id[maria.client_id].title = "Ms"
    world.by_id[maria.client_id].emails = [maria.email]
    nick = Rep(
        "Nick",
        "Russo",
        "son (not authorised; disputes the EPOA)",
        w.make_email(rng, "Nick", "Russo"),
        w.mobile(rng, world.used_phones),
        None,
        False,
        "",
        "Mr",
    )
    gius.reps = [maria, nick]
    world.special["disputed_family"] = gius

    # 6. A couple sharing a joint fee account (both residents, neighbouring rooms).
    h = _resident(world, rng, w.HOMES[3], "vietnamese", "Van Minh", "Nguyen")
    wf = _resident(world, rng, w.HOMES[3], "vietnamese", "Thi Lan", "Nguyen")
    h.title, wf.title = "Mr", "Mrs"
    if not h.payer():
        h.reps.insert(0, _child(world, rng, "Nguyen", "EPOA", True, True))
    wf.reps = list(h.reps)
    h.joint_with, wf.joint_with = [wf.client_id], [h.client_id]
    world.special["couple_a"] = h
    world.special["couple_b"] = wf

    # 7. A resident who died last month: estate correspondence to the executor.
    dec = _resident(world, rng, riverside, "anglo")
    dec.deceased = w.TODAY - dt.timedelta(days=24)
    dec.reps = [_child(world, rng, dec.family, "executor", True, True)]
    world.special["deceased"] = dec

    # 8. A veteran with a DVA gold card.
    vet = _resident(world, rng, seaview, "anglo")
    vet.title = "Mr"
    vet.given = rng.choice(["Kenneth", "Keith", "Raymond", "Colin"])
    vet.dva = w.dva_file(rng)
    world.special["veteran"] = vet

    # registry order: shuffled, as an export would not be in creation order
    rng.shuffle(world.clients)
    return world


def authorised_contacts(c: Client) -> list[str]:
    out: list[str] = []
    for r in c.reps:
        if r.authorised:
            if r.client_id:
                out.append(r.client_id)
            if r.email:
                out.append(r.email)
    return out + c.extra_contacts


def registry_csv(world: World) -> str:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(COLUMNS)
    for c in world.clients:
        wr.writerow(
            [
                c.client_id,
                c.given,
                c.family,
                c.dob.isoformat() if c.dob else "",
                ";".join(c.emails),
                ";".join(c.phones),
                c.address.one_line(),
                ";".join(c.references()),
                ";".join(c.suppressed),
                ";".join(c.joint_with),
                ";".join(authorised_contacts(c)),
            ]
        )
    return buf.getvalue()


def config_toml() -> str:
    approved = ", ".join(f'"{d}"' for d in w.APPROVED_DOMAINS)
    staff = ", ".join(f'"{e}"' for e in w.SAFEGUARDING_EMAILS)
    # The provider's own premises and phones (README "Readable evidence"; docs/policy.md "The organisation's own
    # premises"): its homes' street addresses are on every letter they send. Added after the corpus was written.
    own = [", ".join(w.HEAD_OFFICE), ", ".join(w.POSTAL), w.PHONE]
    for h in w.HOMES:
        own += [f"{h.name}, {h.street}, {h.suburb} {h.state} {h.postcode}", h.phone]
    own_details = ", ".join(f'"{v}"' for v in own)
    return (
        "# Banksia Grove Aged Care: outgoing mail scanner configuration (invented organisation)\n"
        "[organisation]\n"
        f'name = "{w.ORG_NAME}"\n'
        f'internal_domains = ["{w.DOMAIN}"]\n'
        f"approved_recipient_domains = [{approved}]\n"
        f"suppressed_detail_staff = [{staff}]\n"
        f"own_details = [{own_details}]\n"
        'timezone = "Australia/Melbourne"\n'
        "\n"
        "[registry]\n"
        'path = "clients.csv"\n'
    )


def find_by_address(world: World, addr: Address) -> Client | None:
    for c in world.clients:
        if c.address.one_line() == addr.one_line():
            return c
    return None
