"""Builds the world for a seed: schools, families of every kind, and their registry rows."""

from __future__ import annotations

import random

from .world import (
    FAMILY,
    GIVEN_ADULT,
    GIVEN_CHILD,
    PERSONAL_DOMAINS,
    STREETS,
    TOWNS,
    Address,
    Client,
    Family,
    School,
    Student,
    World,
)

SCHOOLS = [
    ("Eaglehawk North Primary School", "eaglehawknps", "EAGLEHAWK", "3556", "22 Sailors Gully Road"),
    ("Bendigo Creek Secondary College", "bendigocreeksc", "BENDIGO", "3550", "1 Ironbark Way"),
    ("Castlemaine Hills Primary School", "castlemainehps", "CASTLEMAINE", "3450", "45 Bowden Street"),
    ("Mildura Riverside College", "milduraRC".lower(), "MILDURA", "3500", "200 Twelfth Street"),
    ("Kyneton Ranges Secondary College", "kynetonrsc", "KYNETON", "3444", "8 Edgecombe Street"),
    ("Swan Hill Lakes Primary School", "swanhilllps", "SWAN HILL", "3585", "17 Gray Street"),
]
KINDS = ["intact"] * 40 + ["single"] * 20 + ["separated"] * 14 + ["protected"] * 12 + ["noinfo"] * 4
KINDS += ["kinship"] * 5 + ["foster"] * 4 + ["adult"] * 7


class Ids:
    """Unique numbers drawn from one generator (client ids, student ids, VSNs, phones)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def draw(self, fmt: str, lo: int, hi: int) -> str:
        while True:
            v = fmt.format(self.rng.randint(lo, hi))
            if v not in self.used:
                self.used.add(v)
                return v


def _address(rng: random.Random, town: tuple[str, str, str]) -> Address:
    street = rng.choice(STREETS)
    n = rng.randint(1, 240)
    form = rng.random()
    if form < 0.55:
        lines = [f"{n} {street}"]
    elif form < 0.7:
        lines = [f"{rng.randint(1, 12)}/{n} {street}"]
    elif form < 0.77:
        lines = [f"Unit {rng.randint(1, 9)}", f"{n} {street}"]
    elif form < 0.83:
        lines = [f"Lot {rng.randint(2, 80)} {street}"]
    elif form < 0.89:
        lines = [f"RMB {rng.randint(1000, 9999)} {rng.choice(['Calder Highway', 'Loddon Valley Highway'])}"]
    elif form < 0.95:
        lines = [f"PO Box {rng.randint(10, 999)}"]
    else:
        lines = [f"Level {rng.randint(1, 3)}", f"{n} {street}"]
    return Address(lines, town[0], town[1])


def _phone(rng: random.Random, ids: Ids, town: tuple[str, str, str], mobile: bool) -> str:
    if mobile:
        d = ids.draw("{:08d}", 10_000_000, 99_999_999)
        return f"04{d[:2]} {d[2:5]} {d[5:]}"
    d = ids.draw(town[2] + "{:05d}", 0, 99_999)
    return f"(03) {d[:4]} {d[4:]}"


def _dob(rng: random.Random, lo: int, hi: int) -> str:
    return f"{rng.randint(lo, hi)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _email(rng: random.Random, given: str, family: str, ids: Ids) -> str:
    g = given.lower().replace(" ", "").replace("é", "e").replace("ü", "u")
    f = family.lower().replace(" ", "").replace("'", "").replace("ü", "u")
    style = rng.choice(["{g}.{f}", "{g}{f}{n}", "{g0}{f}", "{f}.{g}{n}"])
    local = style.format(g=g, f=f, g0=g[0], n=rng.randint(1, 99))
    domain = rng.choice(PERSONAL_DOMAINS)
    addr, n = f"{local}@{domain}", 1
    while addr in ids.used:
        n += 1
        addr = f"{local}{n}@{domain}"
    ids.used.add(addr)
    return addr


class Builder:
    """Makes clients and students; remembers every number it has handed out."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.ids = Ids(rng)

    def client(self, given: str, family: str, town: tuple, *, title: str, born: tuple[int, int]) -> Client:
        rng = self.rng
        phones = [_phone(rng, self.ids, town, True)]
        if rng.random() < 0.2:
            phones.append(_phone(rng, self.ids, town, False))
        return Client(
            client_id=self.ids.draw("C{:06d}", 100_000, 999_999),
            given=given,
            family=family,
            dob=_dob(rng, *born),
            emails=[_email(rng, given, family, self.ids)],
            phones=phones,
            address=_address(rng, town),
            title=title,
        )

    def student(self, family: str, school: School, adult: bool = False) -> Student:
        rng = self.rng
        year = rng.randint(12, 12) if adult else rng.randint(0, 11)
        born = (2005, 2006) if adult else (2009 + (11 - year) - 1, 2009 + (11 - year))
        return Student(
            sid=self.ids.draw("STU-{:06d}", 1000, 99_999),
            vsn=self.ids.draw("{:09d}", 100_000_000, 999_999_999),
            given=rng.choice(GIVEN_CHILD),
            family=family,
            dob=_dob(rng, *born),
            year=year,
            school=school,
        )


def _schools(rng: random.Random, ids: Ids) -> list[School]:
    out = []
    for name, short, suburb, pc, street in SCHOOLS:
        pref = next(t[2] for t in TOWNS if t[0] == suburb)
        d = ids.draw(pref + "{:05d}", 0, 99_999)
        out.append(
            School(
                name=name,
                short=short,
                address=Address([street], suburb, pc),
                phone=f"(03) {d[:4]} {d[4:]}",
                email=f"{short}@lmschools.example",
                principal=f"{rng.choice(GIVEN_ADULT)} {rng.choice(FAMILY)}",
                wellbeing=f"{rng.choice(GIVEN_ADULT)} {rng.choice(FAMILY)}",
                abn=f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
            )
        )
    return out


def _family(b: Builder, kind: str, school: School) -> Family:
    rng = b.rng
    town = next(t for t in TOWNS if t[0] == school.address.suburb) if rng.random() < 0.6 else rng.choice(TOWNS)
    surname = rng.choice(FAMILY)
    adult_years = (1968, 1990)
    fee = b.ids.draw("FAM-{:05d}", 10_000, 99_999)
    if kind == "adult":
        st = b.student(surname, school, adult=True)
        me = b.client(st.given, surname, town, title=rng.choice(["Mr", "Ms"]), born=(2005, 2006))
        me.dob = st.dob
        me.references = [st.sid, st.vsn, fee]
        fam = Family(kind, [st], [me], fee)
        mum = b.client(rng.choice(GIVEN_ADULT), surname, town, title="Ms", born=adult_years)
        mum.address = me.address
        fam.parents.append(mum)
        return fam
    kids = [b.student(surname, school) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
    refs = [r for s in kids for r in (s.sid, s.vsn)]
    if kind == "kinship":
        gran = b.client(rng.choice(GIVEN_ADULT), surname, town, title="Mrs", born=(1950, 1965))
        gran.references = [*refs, fee]
        birth = b.client(rng.choice(GIVEN_ADULT), surname, rng.choice(TOWNS), title="Ms", born=adult_years)
        return Family(kind, kids, [gran], fee, excluded=birth)
    if kind == "foster":
        carer = b.client(
            rng.choice(GIVEN_ADULT), rng.choice(FAMILY), town, title=rng.choice(["Ms", "Mr"]), born=(1960, 1985)
        )
        worker = f"{rng.choice(GIVEN_ADULT).lower()}.{rng.choice(FAMILY).lower().replace(' ', '')}@rivergumcare.example"
        worker = worker.replace("'", "").replace("é", "e").replace("ü", "u")
        carer.references = [*refs, fee]
        carer.authorised = [worker]
        birth = b.client(rng.choice(GIVEN_ADULT), surname, rng.choice(TOWNS), title="Ms", born=adult_years)
        return Family(kind, kids, [carer], fee, excluded=birth, caseworker=worker)
    mum = b.client(rng.choice(GIVEN_ADULT), surname, town, title="Ms", born=adult_years)
    mum.references = [*refs, fee]
    fam = Family(kind, kids, [mum], fee)
    if kind == "single":
        return fam
    dad_surname = surname if rng.random() < 0.8 else rng.choice(FAMILY)
    dad = b.client(
        rng.choice(GIVEN_ADULT),
        dad_surname,
        town if kind == "intact" else rng.choice(TOWNS),
        title="Mr",
        born=adult_years,
    )
    if kind == "intact":
        dad.address = mum.address
    if kind == "noinfo":  # a parenting order: this parent is given no information about the children
        fam.excluded = dad
        return fam
    dad.references = list(refs)
    mum.joint_with, dad.joint_with = [dad.client_id], [mum.client_id]
    fam.parents.append(dad)
    if kind == "protected":
        mum.suppressed = ["postal_address", "phone"] + (["email"] if rng.random() < 0.4 else [])
        if mum.address.lines[0].startswith("PO Box"):
            mum.address = Address(
                [f"{rng.randint(1, 90)} {rng.choice(STREETS)}"], mum.address.suburb, mum.address.postcode
            )
    return fam


def build_world(seed: int) -> World:
    """The same seed gives the same world."""
    rng = random.Random(seed * 7919 + 11)
    b = Builder(rng)
    schools = _schools(rng, b.ids)
    families = [_family(b, k, rng.choice(schools)) for k in KINDS]
    rng.shuffle(families)
    for n, f in enumerate(f for f in families if f.kind == "adult"):
        if n % 2:  # this adult student consented to a parent receiving school correspondence
            f.main.authorised = [f.parents[1].email]
    # namesakes: two unrelated clients with the same name, different dates of birth (seed 003's payment case)
    plain = [f for f in families if f.kind in ("intact", "single", "separated")]
    for i in range(3):
        a, c = plain[2 * i].main, plain[2 * i + 1].main
        c.given, c.family = a.given, a.family
    clients = []
    for f in families:
        clients.extend(f.parents)
        if f.excluded is not None:
            clients.append(f.excluded)
    staff = {}
    for s in schools:
        for role, name in (("principal", s.principal), ("wellbeing", s.wellbeing)):
            staff[f"{s.short}.{role}"] = name
    suppressed_staff = [_staff_email(s.wellbeing) for s in schools] + ["enrolments.support@lmsr.example"]
    return World(schools, families, clients, staff, suppressed_staff, rng)


def _staff_email(name: str) -> str:
    return name.lower().replace(" ", ".").replace("'", "").replace("é", "e").replace("ü", "u") + "@lmschools.example"


staff_email = _staff_email
