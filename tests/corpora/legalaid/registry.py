"""The commission's client registry: ~400 clients, FV pairs, representatives, look-alikes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field

GIVEN_F = (
    "Aroha|Mei|Thi Lan|Fatima|Zoë|Renée|Chloé|Siobhan|Priya|Amani|Leilani|Grace|Olivia|Hannah|Sarah|Jessi"
    "ca|Kylie|Tanya|Nadia|Maryam|Hoa|Ngozi|Ana|Mariana|Sofía|Eleni|Giulia|Ayesha|Rukhsana|Nyibol|Achol|Tu"
    "i|Mereana|Jasmine|Brooke|Tayla|Kirra|Jacinta|Dympna|Hélène|Bronwyn|Lisa|Yasmin|Huong|Xiaoling|Anjali"
    "|Gurpreet|Shannon|Courtney|Ebony|Latoya|Mónica|Agnieszka"
).split("|")
GIVEN_M = (
    "Liam|Jack|Nguyen Van|Mohammed|Ahmad|Kyle|Brendan|Shane|Raj|Deng|Tevita|Sione|Wiremu|Connor|Jayden|Da"
    "rren|Dimitri|Giuseppe|Hamid|Tariq|Minh|Wei|Arjun|Harpreet|Joshua|Nathan|Bradley|Cooper|Lachlan|Ethan"
    "|José|Andrés|Malik|Kwame|Peter|Michael|Corey|Troy|Rhys|Björn|François|Seán|Tyson"
).split("|")
FAMILY = (
    "Nguyen|Tran|Smith|Williams|Brown|Wilson|Taylor|O'Brien|O'Connor|D'Angelo|Ngata|Te Awa|Papadopoulos|K"
    "owalski|Smith-Kowalski|Murphy|Kelly|Singh|Kaur|Patel|Sharma|Hussain|Rahimi|Haidari|Mohamed|Ali|Deng|"
    "Garang|Majok|Fifita|Tupou|Faleolo|Morgan|Walker|Robinson|Campbell|Stewart|McKenzie|MacDonald|Rossi|B"
    "ianchi|Esposito|Nikolaidis|Georgiou|Chen|Wang|Li|Zhang|Liu|Pham|Le|Vo|Huynh|Okafor|Adeyemi|Mensah|Fe"
    "rnández|García|Müller|Jønsson|Lefèvre|Harris-Boyd|Ah-Sam|Costa|Silva|Baker|Cooper|Hughes|Edwards|Tho"
    "mpson|Martin|White|Jackson|Clarke|Wright|Green|Hall|Wood|Ryan|Gallagher|Doyle|Byrne"
).split("|")
STREETS = (
    "Wattle|Banksia|Kurrajong|Ironbark|Yellow Box|Grevillea|Acacia|Bottlebrush|Mitchell|Hargreaves|Barnar"
    "d|Myers|Napier|High|Main|Church|Station|Railway|Victoria|Albert|Queen|King|Wills|Sturt|Lyttleton|Ove"
    "ns|Murray|Campaspe|Loddon|Goulburn|Moorabool|Lydiard|Raglan|Eureka|Gillies|Darling|Bridge|Mill|Ely"
).split("|")
TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Place", "Pl"),
    ("Parade", "Pde"),
    ("Grove", "Gr"),
    ("Close", "Cl"),
]
SUBURBS = [
    ("Bendigo", "3550"),
    ("Kangaroo Flat", "3555"),
    ("Eaglehawk", "3556"),
    ("Ballarat", "3350"),
    ("Sebastopol", "3356"),
    ("Shepparton", "3630"),
    ("Mooroopna", "3629"),
    ("Wodonga", "3690"),
    ("Mildura", "3500"),
    ("Warrnambool", "3280"),
    ("Traralgon", "3844"),
    ("Morwell", "3840"),
    ("Geelong", "3220"),
    ("Corio", "3214"),
    ("Echuca", "3564"),
    ("Kyabram", "3620"),
    ("Sale", "3850"),
    ("Horsham", "3400"),
    ("Castlemaine", "3450"),
    ("Wangaratta", "3677"),
    ("Benalla", "3672"),
    ("Bairnsdale", "3875"),
    ("Swan Hill", "3585"),
    ("Colac", "3250"),
    ("Seymour", "3660"),
    ("Moe", "3825"),
    ("Ararat", "3377"),
    ("Kyneton", "3444"),
    ("Sunbury", "3429"),
    ("Melton", "3337"),
    ("Werribee", "3030"),
    ("Frankston", "3199"),
    ("Dandenong", "3175"),
    ("Footscray", "3011"),
    ("Broadmeadows", "3047"),
    ("Sunshine", "3020"),
    ("Pakenham", "3810"),
    ("Craigieburn", "3064"),
    ("Cranbourne", "3977"),
]
MAILDOMAINS = ("gmail.example|outlook.example|bigpond.example|icloud.example|yahoo.example.com.au").split("|")
FIRMS = [
    ("Marsh Family Lawyers", "marshlegal.example"),
    ("Okafor & Co Solicitors", "okaforco.example"),
    ("Bellingham Lawyers", "bellinghamlaw.example"),
    ("Nguyen Pham Legal", "nguyenpham.example"),
    ("Castlemaine Community Legal", "castlecls.example"),
    ("Whitlock & Reyes", "whitlockreyes.example"),
    ("Goldfields Family Law", "goldfieldsfamily.example"),
    ("Duarte Hollis Solicitors", "duartehollis.example"),
]
FIRM_ADDR = {
    d: a
    for (_, d), a in zip(
        FIRMS,
        [
            ["Suite 2, 41 Williamson Street", "BENDIGO VIC 3550"],
            ["PO Box 77", "SHEPPARTON VIC 3632"],
            ["Level 1, 9 Lydiard Street North", "BALLARAT VIC 3350"],
            ["18 Nicholson Street", "FOOTSCRAY VIC 3011"],
            ["1 Mostyn Street", "CASTLEMAINE VIC 3450"],
            ["Level 6, 200 Malop Street", "GEELONG VIC 3220"],
            ["PO Box 3390", "BENDIGO DC VIC 3554"],
            ["22 High Street", "WODONGA VIC 3690"],
        ],
        strict=True,
    )
}
LAWYER_NAMES = (
    "Katherine Marsh|Emeka Okafor|Julian Bellingham|Thanh Pham|Ruth Abernethy|Carlos Reyes|Fiona "
    "Goldsworthy|Ines Duarte|Marcus Whitfield|Sunita Rao|Bridget Holloway|Oliver Kwan"
).split("|")


@dataclass
class Client:
    client_id: str
    given: str
    family: str
    dob: dt.date
    emails: list[str]
    phones: list[str]
    street: str  # "4/17 Banksia Street" or "PO Box 412"
    suburb: str
    postcode: str
    refs: list[str]
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    title: str = "Ms"
    matter: str = "family"
    other: str | None = None  # client_id of the other party (FV/family matters)

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.suburb} VIC {self.postcode}"

    @property
    def ref(self) -> str:
        return self.refs[0]


@dataclass
class Registry:
    clients: list[Client]
    reps: dict[str, tuple[str, str, str]]  # email -> (lawyer name, firm, domain)

    def get(self, cid: str) -> Client:
        return next(c for c in self.clients if c.client_id == cid)

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(
            [
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
        )
        for c in self.clients:
            w.writerow(
                [
                    c.client_id,
                    c.given,
                    c.family,
                    c.dob.isoformat(),
                    ";".join(c.emails),
                    ";".join(c.phones),
                    c.address,
                    ";".join(c.refs),
                    ";".join(c.suppressed),
                    ";".join(c.joint),
                    ";".join(c.contacts),
                ]
            )
        return buf.getvalue()


def _mobile(rng: random.Random) -> str:
    return f"04{rng.randint(0, 99):02d} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def _street(rng: random.Random) -> str:
    name = rng.choice(STREETS)
    typ = rng.choice(TYPES)[0]
    r = rng.random()
    num = rng.randint(1, 240)
    if r < 0.22:
        return f"{rng.randint(1, 12)}/{num} {name} {typ}"
    if r < 0.27:
        return f"Unit {rng.randint(1, 20)}, {num} {name} {typ}"
    if r < 0.33:
        return f"PO Box {rng.randint(10, 2999)}"
    return f"{num} {name} {typ}"


def _email(rng: random.Random, given: str, family: str, used: set[str]) -> str:
    import unicodedata

    def ascii_(s: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKD", s) if ch.isalnum() and ord(ch) < 128).lower()

    g, f = ascii_(given.split()[0]), ascii_(family)
    for _ in range(50):
        pat = rng.choice(["{g}.{f}", "{g}{f}{n}", "{g0}{f}", "{f}.{g}{n}", "{g}_{n}"])
        local = pat.format(g=g, f=f, g0=g[0], n=rng.randint(1, 99))
        e = f"{local}@{rng.choice(MAILDOMAINS)}"
        if e not in used:
            used.add(e)
            return e
    raise RuntimeError


def build(rng: random.Random, scale: float) -> Registry:
    n = max(120, round(420 * scale))
    used_emails: set[str] = set()
    used_refs: set[str] = set()
    clients: list[Client] = []
    cid = 210000
    for _i in range(n):
        cid += rng.randint(1, 9)
        female = rng.random() < 0.55
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        family = rng.choice(FAMILY)
        dob = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 55))
        emails = [_email(rng, given, family, used_emails)] if rng.random() < 0.8 else []
        phones = [_mobile(rng)]
        if rng.random() < 0.15:
            phones.append(f"(03) 5{rng.randint(100, 999)} {rng.randint(1000, 9999)}")
        sub, pc = rng.choice(SUBURBS)
        while True:
            ref = f"LA{rng.choice([23, 24, 25, 26])}{rng.randint(10000, 99999):05d}"
            if ref not in used_refs:
                used_refs.add(ref)
                break
        refs = [ref]
        if rng.random() < 0.2:
            refs.append(f"G{rng.randint(100000, 999999)}")  # grant of aid number
        matter = rng.choices(["family", "fv", "tenancy", "fines", "criminal"], [25, 30, 15, 15, 15])[0]
        title = "Ms" if female else "Mr"
        if female and rng.random() < 0.12:
            title = "Mrs"
        clients.append(
            Client(
                f"C{cid}", given, family, dob, emails, phones, _street(rng), sub, pc, refs, title=title, matter=matter
            )
        )
    # name twins: same name, different DOB/address (seed 003)
    for _k in range(max(4, n // 40)):
        a = clients[rng.randrange(len(clients))]
        b = clients[rng.randrange(len(clients))]
        if a is not b:
            b.given, b.family, b.title = a.given, a.family, a.title
    # same street and number in different suburbs
    for _k in range(max(3, n // 60)):
        a, b = rng.sample(clients, 2)
        if not a.street.startswith("PO"):
            b.street = a.street.split("/")[-1].split(", ")[-1]
            a.street = b.street
            while b.suburb == a.suburb:
                b.suburb, b.postcode = rng.choice(SUBURBS)
    # units in one building
    bld = "45 Kurrajong Avenue"
    for u, c in enumerate(rng.sample(clients, 6), start=1):
        c.street, c.suburb, c.postcode = f"{u + 2}/{bld}", "Wodonga", "3690"
    # representatives: private solicitors by email
    reps: dict[str, tuple[str, str, str]] = {}
    lawyers = []
    for j, nm in enumerate(LAWYER_NAMES):
        firm, dom = FIRMS[j % len(FIRMS)]
        first, last = nm.split()
        email = f"{first[0].lower()}{last.lower()}@{dom}"
        reps[email] = (nm, firm, dom)
        lawyers.append(email)
    # family-violence pairs: victim (suppressed) and respondent, both clients (conflict-checked)
    fv = [c for c in clients if c.matter == "fv"]
    rng.shuffle(fv)
    half = len(fv) // 2
    for v, r in zip(fv[:half], fv[half : 2 * half], strict=True):
        v.other, r.other = r.client_id, v.client_id
        v.suppressed = rng.choice(
            [
                ["postal_address", "phone", "email"],
                ["postal_address", "phone"],
                ["postal_address"],
                ["postal_address", "email"],
            ]
        )
        if "email" in v.suppressed and not v.emails:
            v.emails = [_email(rng, v.given, v.family, used_emails)]
        if v.street.startswith("PO"):
            v.street = f"{rng.randint(1, 30)}/{rng.randint(1, 200)} {rng.choice(STREETS)} {rng.choice(TYPES)[0]}"
        r.contacts = [rng.choice(lawyers)]
        if rng.random() < 0.5:
            v.contacts = [rng.choice([x for x in lawyers if x not in r.contacts])]
    for c in clients:
        if not c.contacts and rng.random() < 0.1:
            c.contacts = [rng.choice(lawyers)]
    # representatives known by client id (support person who is also a client)
    for c in rng.sample([c for c in clients if not c.contacts], max(4, n // 40)):
        rep = rng.choice([x for x in clients if x is not c and not x.suppressed])
        c.contacts = [rep.client_id]
    # joint (rare): two tenants on one lease
    ten = rng.sample([c for c in clients if c.matter == "tenancy" and not c.joint], 4)
    for a, b in ((ten[0], ten[1]), (ten[2], ten[3])):
        a.joint, b.joint = [b.client_id], [a.client_id]
        b.street, b.suburb, b.postcode = a.street, a.suburb, a.postcode
    return Registry(clients, reps)
