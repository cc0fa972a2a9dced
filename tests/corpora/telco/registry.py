"""The retailer's client registry (DESIGN §4 columns) and its configuration."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field

from . import world as w
from .world import Address, Numbers

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

COUNSELLOR_DOMAINS = ["westfincounselling.example", "communitymoneyhelp.example", "riversidelegal.example"]
BUSINESS_WORDS = [
    "Plumbing",
    "Cafe",
    "Physio",
    "Electrical",
    "Landscaping",
    "Accounting",
    "Bakery",
    "Auto Repairs",
    "Dental",
    "Joinery",
    "Removals",
    "Florist",
]


@dataclass
class Service:
    number: str
    user: str  # first name of whoever uses the service (the holder, a child, an employee)
    kind: str = "mobile"


@dataclass
class Client:
    cid: str
    given: str
    family: str
    dob: dt.date
    emails: list[str]
    phones: list[str]
    address: Address
    accounts: list[str]
    services: list[Service] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    authorised: list[str] = field(default_factory=list)
    kind: str = "individual"
    business: str = ""
    abn: str = ""
    partner: str = ""  # protected person <-> ex-partner, or joint partner
    title: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def account(self) -> str:
        return self.accounts[0]

    @property
    def email(self) -> str:
        return self.emails[0]

    @property
    def phone(self) -> str:
        return self.phones[0]

    @property
    def protected(self) -> bool:
        return bool(self.suppressed)

    def row(self) -> dict[str, str]:
        refs = list(self.accounts)
        refs += [
            s.number for s in self.services if s.number not in refs and not (self.protected and s.kind == "silent")
        ]
        if self.abn:
            refs.append(self.abn)
        return {
            "client_id": self.cid,
            "given_name": self.given,
            "family_name": self.family,
            "date_of_birth": self.dob.isoformat(),
            "email": ";".join(self.emails),
            "phone": ";".join(self.phones),
            "postal_address": self.address.line(),
            "references": ";".join(refs),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint_with),
            "authorised_contacts": ";".join(self.authorised),
        }


@dataclass
class Registry:
    clients: list[Client]
    counsellors: list[tuple[str, str]]  # (name, email) of financial counsellors / advocates, not clients
    by_id: dict[str, Client] = field(default_factory=dict)
    numbers: Numbers | None = None

    def __post_init__(self) -> None:
        self.by_id = {c.cid: c for c in self.clients}

    def of(self, kind: str) -> list[Client]:
        return [c for c in self.clients if c.kind == kind]

    def csv(self) -> str:
        out = io.StringIO()
        wr = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        wr.writeheader()
        for c in self.clients:
            wr.writerow(c.row())
        return out.getvalue()


def _person(rng: random.Random):
    bg = rng.choice(list(w.GIVEN))
    given = rng.choice(w.GIVEN[bg])
    fam_bg = bg if rng.random() < 0.85 else rng.choice(list(w.FAMILY))
    return given, rng.choice(w.FAMILY[fam_bg])


def _dob(rng: random.Random, lo: int = 1948, hi: int = 2004) -> dt.date:
    return dt.date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


def build(seed: int) -> Registry:
    rng = random.Random(seed * 7919 + 11)
    nums = Numbers(rng)
    clients: list[Client] = []
    counter = iter(range(100100 + rng.randint(0, 400), 999999, 7))

    def new(
        kind: str,
        given: str | None = None,
        family: str | None = None,
        address: Address | None = None,
        dob: dt.date | None = None,
    ) -> Client:
        g, f = _person(rng)
        given, family = given or g, family or f
        addr = address or nums.address()
        area = next(p[3] for p in w.PLACES if p[0] == addr.suburb)
        mob = nums.mobile()
        phones = [mob] + ([nums.landline(area)] if rng.random() < 0.2 else [])
        emails = [nums.email(given, family)] + ([nums.email(given, family)] if rng.random() < 0.1 else [])
        c = Client(
            f"C{next(counter)}",
            given,
            family,
            dob or _dob(rng),
            emails,
            phones,
            addr,
            [nums.account(kind == "business")],
            [Service(mob, given)],
            kind=kind,
        )
        clients.append(c)
        return c

    for _ in range(230):
        c = new("individual")
        if rng.random() < 0.3:
            c.services.append(Service(f"AVC{rng.randint(10**11, 10**12 - 1):012d}", c.given, "nbn"))
    for _ in range(40):
        c = new("family")
        for _ in range(rng.randint(1, 3)):
            kid, _fam = _person(rng)
            c.services.append(Service(nums.mobile(), kid))
    for _ in range(24):
        c = new("business")
        word = rng.choice(BUSINESS_WORDS)
        c.business = f"{c.family} {word}" if rng.random() < 0.5 else f"{rng.choice(w.STREETS)} {word}"
        dom = c.business.lower().replace(" ", "").replace("'", "") + ".example"
        c.emails = [f"{c.given.lower().replace(' ', '')}@{dom}"]
        c.abn = w.abn(rng)
        for _ in range(rng.randint(2, 5)):
            c.services.append(Service(nums.mobile(), _person(rng)[0]))
        c.authorised = [f"it@{dom}"] + (["helpdesk@brightline-it.example"] if rng.random() < 0.3 else [])
    # joint holders (ordinary couples): one account, one address
    for _ in range(15):
        a = new("joint")
        b = new("joint", family=a.family if rng.random() < 0.6 else None, address=a.address)
        b.accounts = [a.account]
        a.joint_with, b.joint_with, a.partner, b.partner = [b.cid], [a.cid], b.cid, a.cid
    # protected persons: ex-partner is the joint holder of the old account, or her old authorised representative
    for i in range(20):
        x = new("ex")
        p = new("protected", address=nums.address())
        old = x.account
        p.accounts = [nums.account(), old]
        silent = nums.mobile()
        p.phones = [silent]
        p.services = [Service(silent, p.given, "silent")]
        p.suppressed = ["postal_address", "phone"] + (["email"] if i % 2 == 0 else [])
        if i % 2 == 0:
            p.emails = [nums.email(p.given, p.family, rng.choice(w.MAIL_DOMAINS))]
        p.partner, x.partner = x.cid, p.cid
        if i < 13:
            x.joint_with, p.joint_with = [p.cid], [x.cid]
            if rng.random() < 0.5:
                x.services.append(Service(nums.mobile(), _person(rng)[0]))  # a child's service on the old plan
        else:
            p.accounts = [p.accounts[0]]
            p.authorised = [x.email]  # authority granted while together, never revoked
    for _ in range(6):
        p = new("protected-alone")
        p.suppressed = ["postal_address", "phone"]
        p.services[0].kind = "silent"
    # same name, different date of birth (and account)
    for _ in range(8):
        a = new("samename")
        b = new("samename", given=a.given, family=a.family)
        a.partner, b.partner = b.cid, a.cid
    counsellors = []
    for i in range(6):
        g, f = _person(rng)
        counsellors.append(
            (
                f"{g} {f}",
                f"{g.lower().replace(' ', '')}.{f.lower().replace(' ', '')}@{COUNSELLOR_DOMAINS[i % 3]}".replace(
                    "'", ""
                ),
            )
        )
    hardship = [c for c in clients if c.kind == "individual"]
    for j, c in enumerate(rng.sample(hardship, 18)):
        c.authorised.append(counsellors[j % len(counsellors)][1])
        c.kind = "hardship"
    for c in clients:
        c.title = rng.choice(["Ms", "Mr", "Mx", "Mrs", "Dr"]) if rng.random() < 0.5 else ""
    rng.shuffle(clients)
    return Registry(clients, counsellors, numbers=nums)


def config(reg: Registry) -> str:
    staff = ", ".join(f'"{s}"' for s in w.SAFETY_TEAM)
    return f"""[organisation]
name = "{w.ORG}"
internal_domains = ["{w.DOMAIN}", "{w.BILLS_DOMAIN}"]
approved_recipient_domains = ["{w.OMBUDSMAN_DOMAIN}", "{w.COLLECTIONS_DOMAIN}", "{w.WHOLESALE_DOMAIN}"]
suppressed_detail_staff = [{staff}]
timezone = "Australia/Melbourne"

[registry]
path = "clients.csv"

[incidents]
holidays = "AU-VIC"
"""
