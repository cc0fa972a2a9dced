"""Synthetic clients, letters and messages for the examples, the tests and the benchmarks.

Every person here is made up from word lists; no real person's details are ever used. The generator is
deterministic for a seed, and marks the clients that play a part in the incident scenarios (a family-violence
victim and her ex-partner on a joint account, two clients with the same name, represented clients).
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path

from dlp.registry.client import Client
from dlp.registry.loader import (
    COLUMNS,  # the registry's columns (DESIGN §4)
    parse_clients,
)

ORG_NAME = "Riverbend Water"
ORG_DOMAIN = "riverbendwater.example"
OMBUDSMAN_DOMAIN = "energyombudsman.example"
ORG_LETTERHEAD = (
    "Riverbend Water\n1 River Road\nBendigo VIC 3550\nPhone 1300 555 010\nABN 51 824 753 556\nriverbendwater.example\n"
)
GIVEN = (
    "Aria",
    "Bodhi",
    "Calla",
    "Darcy",
    "Elka",
    "Finnick",
    "Greer",
    "Hollis",
    "Imara",
    "Jarrah",
    "Kiah",
    "Lachlan",
    "Marlo",
    "Nerida",
    "Orion",
    "Pippa",
    "Quill",
    "Rosalind",
    "Sunny",
    "Tamsin",
    "Ulla",
    "Vesna",
    "Wren",
    "Xanthe",
    "Yarra",
    "Zephyr",
    "Allira",
    "Bronte",
    "Coen",
    "Delphine",
)
FAMILY = (
    "Ashdown",
    "Blackwood",
    "Carrington",
    "Delacey",
    "Eversley",
    "Fairweather",
    "Glenmore",
    "Hawthorne",
    "Ingleby",
    "Jardine",
    "Kilbride",
    "Lockridge",
    "Merriwether",
    "Northcott",
    "Oakhurst",
    "Penhallow",
    "Quenby",
    "Rathbone",
    "Stirling",
    "Thornbury",
    "Underhill",
    "Vantongeren",
    "Westbrook",
    "Yallop",
    "Zeller",
    "Amberley",
    "Brightwater",
    "Coldstream",
    "Dunmore",
    "Everleigh",
)
STREETS = (
    "Wattle",
    "Banksia",
    "Grevillea",
    "Waratah",
    "Acacia",
    "Bottlebrush",
    "Ironbark",
    "Kurrajong",
    "Lilly Pilly",
    "Melaleuca",
    "Paperbark",
    "Quandong",
    "Saltbush",
    "Tallowwood",
    "Yellowbox",
    "Casuarina",
)
STREET_TYPES = (
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Drive", "Dr"),
    ("Place", "Pl"),
    ("Crescent", "Cres"),
)
SUBURBS = (
    ("Bendigo", "3550"),
    ("Kangaroo Flat", "3555"),
    ("Eaglehawk", "3556"),
    ("Strathfieldsaye", "3551"),
    ("Castlemaine", "3450"),
    ("Echuca", "3564"),
    ("Ballarat", "3350"),
    ("Maryborough", "3465"),
)


@dataclass
class SyntheticClient:
    client_id: str
    given_name: str
    family_name: str
    date_of_birth: date
    email: str
    phone: str
    number: str
    street: str
    street_type: tuple[str, str]
    suburb: str
    postcode: str
    references: list[str]
    suppressed: list[str]
    joint_with: list[str]
    authorised_contacts: list[str]

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def postal_address(self) -> str:
        return f"{self.number} {self.street} {self.street_type[0]}, {self.suburb} VIC {self.postcode}"

    def address_lines(self, abbreviate: bool = True) -> list[str]:
        """As a letter prints it: abbreviated street type, suburb in capitals, on two lines."""
        kind = self.street_type[1] if abbreviate else self.street_type[0]
        return [f"{self.number} {self.street} {kind}", f"{self.suburb.upper()} VIC {self.postcode}"]

    @property
    def reference(self) -> str:
        return self.references[0]

    def row(self) -> dict[str, str]:
        return {
            "client_id": self.client_id,
            "given_name": self.given_name,
            "family_name": self.family_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "email": self.email,
            "phone": self.phone,
            "postal_address": self.postal_address,
            "references": ";".join(self.references),
            "suppressed": ";".join(self.suppressed),
            "joint_with": ";".join(self.joint_with),
            "authorised_contacts": ";".join(self.authorised_contacts),
        }


@dataclass
class SyntheticRegistry:
    clients: list[SyntheticClient]
    victim: SyntheticClient  # suppressed new address and phone; joint account with ex_partner
    ex_partner: SyntheticClient
    twin_a: SyntheticClient  # same name as twin_b, other date of birth and account
    twin_b: SyntheticClient
    represented: SyntheticClient  # has an authorised representative by email
    rep_email: str

    def by_id(self, client_id: str) -> SyntheticClient:
        return next(c for c in self.clients if c.client_id == client_id)

    def ordinary(self) -> list[SyntheticClient]:
        special = {c.client_id for c in (self.victim, self.ex_partner, self.twin_a, self.twin_b, self.represented)}
        # The represented client's authorised contact (a client id) is kept out too.
        special |= {x for x in self.represented.authorised_contacts if "@" not in x}
        return [c for c in self.clients if c.client_id not in special]

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for client in self.clients:
            writer.writerow(client.row())
        return out.getvalue()

    def to_clients(self) -> list[Client]:
        """The registry as the loader would read it (validated)."""
        return list(parse_clients(io.StringIO(self.csv_text())))

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.csv_text(), encoding="utf-8")
        return path


def make_registry(n: int = 300, seed: int = 7) -> SyntheticRegistry:
    rng = random.Random(seed)
    clients: list[SyntheticClient] = []
    used_names: set[tuple[str, str]] = set()
    used_addresses: set[str] = set()
    for i in range(n):
        while True:
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            if (given, family) not in used_names or len(used_names) >= len(GIVEN) * len(FAMILY):
                break
        used_names.add((given, family))
        while True:
            number = str(rng.randint(1, 240))
            if rng.random() < 0.15:
                number = f"{rng.randint(1, 12)}/{number}"
            street, kind = rng.choice(STREETS), rng.choice(STREET_TYPES)
            suburb, postcode = rng.choice(SUBURBS)
            key = f"{number} {street} {kind[0]} {suburb}"
            if key not in used_addresses:
                used_addresses.add(key)
                break
        cid = f"C{100000 + i * 7 + rng.randint(0, 6)}"
        refs = [f"{rng.randint(10, 99)}{i:07d}"]
        if rng.random() < 0.2:
            refs.append(f"CL-{rng.randint(100000, 999999)}")
        clients.append(
            SyntheticClient(
                client_id=cid,
                given_name=given,
                family_name=family,
                date_of_birth=date(1940, 1, 1) + timedelta(days=rng.randint(0, 365 * 62)),
                email=f"{given.lower()}.{family.lower()}{i}@mail.example",
                phone=f"04{i // 1000 % 100:02d} {rng.randint(100, 999)} {i % 1000:03d}",
                number=number,
                street=street,
                street_type=kind,
                suburb=suburb,
                postcode=postcode,
                references=refs,
                suppressed=[],
                joint_with=[],
                authorised_contacts=[],
            )
        )
    victim, ex_partner, twin_a, twin_b, represented = (
        clients[0],
        clients[1],
        clients[2],
        clients[3],
        clients[4],
    )
    # A family-violence victim who moved: her new address and phone are suppressed; the joint account stays.
    victim.suppressed = ["postal_address", "phone"]
    victim.joint_with, ex_partner.joint_with = [ex_partner.client_id], [victim.client_id]
    victim.family_name = ex_partner.family_name
    joint_ref = f"JA{rng.randint(10000000, 99999999)}"
    victim.references = [joint_ref, *victim.references]
    ex_partner.references = [joint_ref, *ex_partner.references]
    # Two clients who share a name but not a date of birth or an account.
    twin_b.given_name, twin_b.family_name = twin_a.given_name, twin_a.family_name
    twin_b.date_of_birth = twin_a.date_of_birth + timedelta(days=3 * 365 + 40)
    rep_email = "caseworker@advocacy.example"
    represented.authorised_contacts = [rep_email, clients[5].client_id]
    return SyntheticRegistry(clients, victim, ex_partner, twin_a, twin_b, represented, rep_email)


def letter(
    client: SyntheticClient,
    body: str,
    *,
    name: str | None = None,
    address_lines: list[str] | None = None,
    when: date = date(2026, 11, 20),
) -> str:
    """A letter as staff write it: letterhead, date, address block, salutation, body, sign-off."""
    title = "Ms" if client.given_name[-1] in "aeh" else "Mr"
    addressee = name or f"{title} {client.name}"
    lines = address_lines or client.address_lines()
    return (
        f"{ORG_LETTERHEAD}\n{when.day} {when.strftime('%B %Y')}\n\n{addressee}\n" + "\n".join(lines) + "\n\n"
        f"Dear {addressee.split()[0]} {addressee.split()[-1]},\n\n{body}\n\n"
        f"If you have any questions, call us on 1300 555 010 or email help@{ORG_DOMAIN}.\n\n"
        f"Yours sincerely\n\nCustomer Care Team\n{ORG_NAME}\n"
    )


def email(
    to: list[str],
    subject: str,
    body: str,
    *,
    sender: str = f"billing@{ORG_DOMAIN}",
    cc: list[str] | None = None,
    attachments: tuple[tuple[str, bytes, str], ...] | list[tuple[str, bytes, str]] = (),
    html: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{ORG_NAME} <{sender}>"
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = "Fri, 20 Nov 2026 10:00:00 +1100"
    # A stable id: regenerating the examples changes nothing (hash() differs between runs).
    msg["Message-ID"] = f"<{hashlib.sha256(repr((subject, to)).encode()).hexdigest()[:12]}@{ORG_DOMAIN}>"
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    for filename, data, media_type in attachments:
        maintype, subtype = media_type.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return bytes(msg)


def extract_csv(clients: list[SyntheticClient]) -> bytes:
    """A client extract as someone might export it from the billing system."""
    lines = ["account,name,email,phone,address"]
    lines += [f'{c.reference},{c.name},{c.email},{c.phone},"{c.postal_address}"' for c in clients]
    return ("\n".join(lines) + "\n").encode()


def account_body(client: SyntheticClient, amount: str = "$182.40") -> str:
    return (
        f"Your water account {client.reference} has a balance of {amount} due on 15 December 2026. "
        f"You can pay online or by BPay using the reference above."
    )


_SYLLABLES = (
    "al", "an", "ar", "bel", "bri", "cal", "cor", "da", "del", "dor", "el", "en", "fal", "fen", "gar", "gil",
    "ha", "hol", "is", "ja", "ka", "kel", "la", "lin", "lo", "ma", "mer", "mi", "na", "nel", "o", "or", "pa",
    "per", "qui", "ra", "ren", "ri", "ro", "sa", "sel", "ta", "ter", "thi", "u", "va", "ver", "wen", "ya", "zel",
)  # fmt: skip


def _made_up_names(rng: random.Random, count: int, endings: tuple[str, ...]) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        parts = rng.randint(2, 3)
        names.add(("".join(rng.choice(_SYLLABLES) for _ in range(parts)) + rng.choice(endings)).capitalize())
    return sorted(names)


def write_large_registry(path: str | Path, n: int, seed: int = 1) -> Path:
    """A registry CSV of `n` made-up clients with the spread of a real one: names drawn with a long tail from
    thousands of given and tens of thousands of family names (hundreds of thousands of distinct full names at
    a million clients), thousands of streets and suburbs, a few joint accounts, suppressions and
    representatives. Written row by row, so a million clients cost little memory."""
    rng = random.Random(seed)
    given = _made_up_names(rng, max(50, min(6000, n // 10)), ("", "a", "e", "n", "y"))
    family = _made_up_names(rng, max(50, min(90_000, n // 5)), ("", "s", "ton", "ley", "well", "ford"))
    streets = _made_up_names(rng, max(20, min(4000, n // 50)), ("", "wood", "field"))
    suburbs = [
        (name, str(800 + i % 7000)) for i, name in enumerate(_made_up_names(rng, max(10, min(3000, n // 100)), ("",)))
    ]
    states = ("VIC", "NSW", "QLD", "SA", "WA", "TAS")
    # Zipf-like draws: a few names are common, most are rare.
    given_weights = [1 / (i + 1) ** 0.8 for i in range(len(given))]
    family_weights = [1 / (i + 1) ** 0.6 for i in range(len(family))]
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        batch = 10_000
        for first in range(0, n, batch):
            size = min(batch, n - first)
            givens = rng.choices(given, given_weights, k=size)
            families = rng.choices(family, family_weights, k=size)
            for k in range(size):
                i = first + k
                g, f = givens[k], families[k]
                number = str(rng.randint(1, 400))
                if rng.random() < 0.15:
                    number = f"{rng.randint(1, 30)}/{number}"
                kind = rng.choice(STREET_TYPES)[0]
                suburb, postcode = rng.choice(suburbs)
                refs = [f"{rng.randint(10, 99)}{i:08d}"]
                if rng.random() < 0.2:
                    refs.append(f"CL-{i:07d}")
                suppressed = joint = authorised = ""
                if i % 100 == 0 and i + 1 < n:  # joint accounts: i with i + 1
                    joint = f"C{i + 1:08d}"
                    refs.append(f"JA{i:08d}")
                    if rng.random() < 0.3:
                        suppressed = "postal_address;phone"
                elif i % 100 == 1:
                    joint = f"C{i - 1:08d}"
                    refs.append(f"JA{i - 1:08d}")
                if i % 97 == 5:
                    authorised = f"advocate{i}@advocacy.example"
                writer.writerow(
                    (
                        f"C{i:08d}",
                        g,
                        f,
                        (date(1930, 1, 1) + timedelta(days=rng.randint(0, 365 * 75))).isoformat(),
                        f"{g.lower()}.{f.lower()}{i}@mail.example",
                        f"04{i // 1000 % 100:02d} {i // 100_000 % 10}{rng.randint(10, 99)} {i % 1000:03d}",
                        f"{number} {rng.choice(streets)} {kind}, {suburb} {rng.choice(states)} {postcode:0>4}",
                        ";".join(refs),
                        suppressed,
                        joint,
                        authorised,
                    )
                )
    return path
