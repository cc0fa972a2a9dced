"""The organisation and the people and businesses around it (all invented; domains under .example)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import ids

ORG_NAME = "Corella Claims Services"
ORG_LEGAL = "Corella Claims Services Pty Ltd"
DOMAIN = "corellaclaims.example"
ORG_ABN = ids.abn(random.Random("corella-abn"))
ORG_STREET = ["Corella House", "Level 4, 27 Fennell Lane", "Parramatta NSW 2150"]
ORG_POSTAL = ["Locked Bag 4400", "PARRAMATTA NSW 2124"]
ORG_PHONE = "1300 267 355"
ORG_FAX = "(02) 9630 4410"
ORG_INTERPRETER = "131 450"
ORG_TAGLINE = "Claims agent for self-insured employers under the national workplace compensation scheme"
CLAIMS_EMAIL = f"claims@{DOMAIN}"
NOREPLY = f"noreply@{DOMAIN}"
SAFE_CONTACT = f"safecontact@{DOMAIN}"
PRIVACY = f"privacy@{DOMAIN}"


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    title: str = ""
    phone: str = ""


def _staff(name: str, title: str, phone: str) -> Person:
    first, last = name.split(" ", 1)
    return Person(name, f"{first[0].lower()}.{last.lower().replace(' ', '')}@{DOMAIN}", title, phone)


CASE_MANAGERS = [
    _staff("Rhiannon Foley", "Case Manager", "(02) 9630 4471"),
    _staff("Bilal Qureshi", "Case Manager", "(02) 9630 4483"),
    _staff("Tessa Lindqvist", "Senior Case Manager", "(02) 9630 4412"),
    _staff("Marcus Oyelaran", "Case Manager", "(02) 9630 4437"),
    _staff("Hannah Ferreira", "Injury Management Advisor", "(02) 9630 4459"),
    _staff("Declan Moriarty", "Case Manager", "(02) 9630 4428"),
    _staff("Yuki Hashimoto", "Case Manager", "(02) 9630 4491"),
    _staff("Georgia Karalis", "Team Leader, Complex Claims", "(02) 9630 4404"),
]
PAYMENTS_OFFICER = _staff("Nathan Pillay", "Payments Officer", "(02) 9630 4450")
PRIVACY_OFFICER = _staff("Lorraine Achterberg", "Privacy Officer", "(02) 9630 4400")
SAFE_TEAM = [
    _staff("Ana Mendes", "Safe Contact Team", "(02) 9630 4466"),
    _staff("Joel Whitlock", "Safe Contact Team Leader", "(02) 9630 4467"),
]
ANALYST = _staff("Fergus Ng", "Claims Data Analyst", "(02) 9630 4419")
PRINT_ROOM = Person("Print Room", f"printroom@{DOMAIN}", "Mail Services")
CLAIMS_TEAM_LIST = Person("Claims Team - Parramatta", f"claims.team@{DOMAIN}")
SUPPRESSED_STAFF = [SAFE_CONTACT, PRIVACY, PRIVACY_OFFICER.email] + [p.email for p in SAFE_TEAM]


@dataclass(frozen=True)
class Party:
    """A third party: an approved scheme body, a law firm, an advocate, an employer, a clinic."""

    name: str
    domain: str
    kind: str
    contacts: tuple[Person, ...]
    postal: tuple[str, ...] = ()
    abn: str = ""
    acn: str = ""
    phone: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _party(
    name: str,
    domain: str,
    kind: str,
    people: list[tuple[str, str, str]],
    postal: list[str],
    rng: random.Random,
    phone: str = "",
) -> Party:
    contacts = tuple(Person(n, f"{local}@{domain}", t) for n, local, t in people)
    company = ids.acn(rng)
    return Party(name, domain, kind, contacts, tuple(postal), abn=ids.abn(rng, company), acn=company, phone=phone)


def build_parties() -> dict[str, list[Party]]:
    rng = random.Random("corella-parties")
    approved = [
        _party(
            "Workplace Compensation Regulator",
            "compregulator.example",
            "regulator",
            [
                ("Agent Liaison Unit", "agentliaison", ""),
                ("Scheme Data Returns", "data.returns", ""),
                ("Kirsty Van Leeuwen", "k.vanleeuwen", "Agent Performance Manager"),
            ],
            ["GPO Box 1720", "CANBERRA ACT 2601"],
            rng,
            "(02) 6120 7700",
        ),
        _party(
            "Workers Compensation Conciliation Service",
            "wcconciliation.example",
            "conciliation",
            [
                ("Registry", "registry", ""),
                ("Conference Bookings", "conferences", ""),
                ("Dominic Abara", "d.abara", "Senior Conciliation Officer"),
            ],
            ["PO Box 3320", "SYDNEY NSW 2001"],
            rng,
            "1800 502 118",
        ),
        _party(
            "MedAssess Panel Services",
            "medassess.example",
            "ime",
            [
                ("IME Bookings", "bookings", ""),
                ("Dr Helena Marsh", "h.marsh", "Orthopaedic Surgeon"),
                ("Dr Rajiv Menon", "r.menon", "Occupational Physician"),
                ("Dr Carys Llewellyn", "c.llewellyn", "Psychiatrist"),
                ("Reports", "reports", ""),
            ],
            ["Suite 12, 88 Macleay Parade", "NORTH SYDNEY NSW 2060"],
            rng,
            "(02) 9955 3180",
        ),
        _party(
            "ReturnPath Rehabilitation",
            "returnpath.example",
            "rehab",
            [
                ("Shauna Delaney", "s.delaney", "Rehabilitation Consultant"),
                ("Tomasi Vaipulu", "t.vaipulu", "Occupational Therapist"),
                ("Referrals", "referrals", ""),
            ],
            ["PO Box 611", "DANDENONG VIC 3175"],
            rng,
            "1300 738 284",
        ),
    ]
    firms = [
        _party(
            "Harlow Legal",
            "harlowlegal.example",
            "law",
            [("Priya Shah", "pshah", "Senior Associate"), ("Callum Reid", "creid", "Lawyer")],
            ["PO Box 881", "BALLARAT VIC 3353"],
            rng,
            "(03) 5331 2290",
        ),
        _party(
            "Bridgewater Injury Lawyers",
            "bridgewaterlaw.example",
            "law",
            [("Eleanor Vuong", "evuong", "Principal"), ("Rory Kavanagh", "rkavanagh", "Associate")],
            ["Locked Bag 19", "NEWCASTLE NSW 2300"],
            rng,
            "(02) 4926 1100",
        ),
        _party(
            "Castellan & Moore",
            "castellanmoore.example",
            "law",
            [("Simone Castellan", "scastellan", "Partner"), ("Aaron Moore", "amoore", "Partner")],
            ["GPO Box 2604", "BRISBANE QLD 4001"],
            rng,
            "(07) 3221 8840",
        ),
        _party(
            "Teoh Injury Law",
            "teohlaw.example",
            "law",
            [("Jasmine Teoh", "jasmine", "Principal Solicitor")],
            ["PO Box 77", "FREMANTLE WA 6959"],
            rng,
            "(08) 9335 6620",
        ),
    ]
    advocates = [
        _party(
            "United Workers Advocacy Service",
            "uwas.example",
            "advocate",
            [
                ("Gary Pennington", "gpennington", "Industrial Advocate"),
                ("Latoya Mabuza", "lmabuza", "Workers Comp Advocate"),
            ],
            ["PO Box 14", "FOOTSCRAY VIC 3011"],
            rng,
        ),
        _party(
            "Injured Workers Support Network",
            "iwsn.example",
            "advocate",
            [("Bernadette Quill", "bquill", "Support Worker")],
            ["PO Box 290", "NEWCASTLE NSW 2300"],
            rng,
        ),
        _party(
            "LangBridge Interpreting",
            "langbridge.example",
            "interpreter",
            [
                ("Thanh Huong Do", "thdo", "Vietnamese interpreter"),
                ("Karim Saleh", "ksaleh", "Arabic interpreter"),
                ("Eleni Stavrou", "estavrou", "Greek interpreter"),
            ],
            ["PO Box 505", "AUBURN NSW 1835"],
            rng,
        ),
        _party(
            "Tri-Lingua Services",
            "trilingua.example",
            "interpreter",
            [("Ming Zhao", "mzhao", "Mandarin interpreter"), ("Lucia Ferraro", "lferraro", "Italian interpreter")],
            ["PO Box 12", "BOX HILL VIC 3128"],
            rng,
        ),
    ]
    clinics = [
        _party(
            "Riverside Family Practice",
            "riversidefp.example",
            "gp",
            [("Dr Amal Farouk", "dr.farouk", "General Practitioner"), ("Reception", "reception", "")],
            ["42 Quay Road", "WAGGA WAGGA NSW 2650"],
            rng,
            "(02) 6921 4400",
        ),
        _party(
            "Northside Physiotherapy",
            "northsidephysio.example",
            "physio",
            [("Kieran Doyle", "kieran", "Physiotherapist"), ("Accounts", "accounts", "")],
            ["3/150 Gympie Road", "CABOOLTURE QLD 4510"],
            rng,
            "(07) 5495 2010",
        ),
        _party(
            "Bayview Psychology",
            "bayviewpsych.example",
            "psych",
            [("Dr Noor Rahimi", "noor", "Clinical Psychologist")],
            ["PO Box 98", "GLENELG SA 5045"],
            rng,
        ),
    ]
    employers = []
    emp_names = [
        ("Bellbird Logistics Pty Ltd", "bellbirdlogistics", ["Locked Bag 3100", "BLACKTOWN NSW 2148"]),
        ("Redgum Aged Care Ltd", "redgumcare", ["PO Box 640", "BENDIGO VIC 3552"]),
        ("Murray Valley Meats Pty Ltd", "mvmeats", ["1-9 Abattoir Road", "SHEPPARTON VIC 3630"]),
        ("Coastline Plumbing Services Pty Ltd", "coastlineplumbing", ["PO Box 2217", "SOUTHPORT QLD 4215"]),
        ("Northgate Civil Pty Ltd", "northgatecivil", ["Locked Bag 12", "TOWNSVILLE QLD 4810"]),
        ("Saltbush Hospitality Group Pty Ltd", "saltbushgroup", ["Level 2, 10 Esplanade", "DARWIN NT 0800"]),
        ("Tallowood Timber Products Pty Ltd", "tallowoodtimber", ["PO Box 55", "LAUNCESTON TAS 7250"]),
        ("Ironstone Mining Services Pty Ltd", "ironstonemining", ["Locked Bag 8", "KALGOORLIE WA 6430"]),
        ("Silverleaf Early Learning Ltd", "silverleafel", ["PO Box 1180", "BELCONNEN ACT 2616"]),
        ("Brolga Freight Lines Pty Ltd", "brolgafreight", ["PO Box 371", "PORT AUGUSTA SA 5700"]),
        ("Harbourside Cleaning Co Pty Ltd", "harbourclean", ["Locked Bag 5", "WOLLONGONG NSW 2500"]),
        ("Quokka Retail Group Ltd", "quokkaretail", ["GPO Box 900", "PERTH WA 6848"]),
        ("Wirraway Engineering Pty Ltd", "wirrawayeng", ["22 Foundry Street", "GEELONG VIC 3220"]),
        ("Spinifex Transport Pty Ltd", "spinifextransport", ["PO Box 1401", "MOUNT ISA QLD 4825"]),
        ("Blue Wren Disability Support Ltd", "bluewrensupport", ["PO Box 33", "MOUNT GAMBIER SA 5290"]),
        ("Stringybark Construction Pty Ltd", "stringybarkbuild", ["Locked Bag 40", "PENRITH NSW 2751"]),
    ]
    rtw_people = [
        "Colette Brennan",
        "Imran Siddiqui",
        "Wendy Takahashi",
        "Paul Ambrose",
        "Fiona Gallagher",
        "Kwame Mensah",
        "Adriana Popescu",
        "Stuart McAllister",
        "Ruth Ekanayake",
        "Dean Kovacevic",
        "Sharon O'Dwyer",
        "Victor Lam",
        "Melinda Cosgrove",
        "Ravi Iyer",
        "Jodie Parkes",
        "Hugh Ashworth",
    ]
    for (name, dom, postal), rtw in zip(emp_names, rtw_people, strict=True):
        domain = f"{dom}.example"
        first, last = rtw.split(" ", 1)
        contacts = (
            Person(rtw, f"{first.lower()}.{last.lower().replace(chr(39), '')}@{domain}", "Return to Work Coordinator"),
            Person("Accounts Payable", f"accounts.payable@{domain}", ""),
            Person("Payroll", f"payroll@{domain}", ""),
        )
        company = ids.acn(rng)
        employers.append(
            Party(
                name,
                domain,
                "employer",
                contacts,
                tuple(postal),
                abn=ids.abn(rng, company),
                acn=company,
                phone=f"1300 {rng.randrange(100, 999)} {rng.randrange(100, 999)}",
            )
        )
    return {"approved": approved, "firms": firms, "advocates": advocates, "clinics": clinics, "employers": employers}


PARTIES = build_parties()
APPROVED_DOMAINS = [p.domain for p in PARTIES["approved"]]
WEBMAIL = [
    "inboxmail.example",
    "ozmail.example",
    "netspace.example",
    "fastmail.example",
    "outlook.example",
    "gmail.example",
    "icloud.example",
    "optusnet.example",
    "tpg.example",
    "yahoo.example",
]
PRIVATE_MAIL = ["proton.example", "tutanota.example"]  # new addresses of people who moved for safety


def party(kind: str, rng: random.Random) -> Party:
    pool = [p for group in PARTIES.values() for p in group if p.kind == kind]
    return rng.choice(pool)


def config_toml() -> str:
    approved = ", ".join(f'"{d}"' for d in APPROVED_DOMAINS)
    staff = ",\n    ".join(f'"{e}"' for e in SUPPRESSED_STAFF)
    return f"""# {ORG_LEGAL}: configuration for the outgoing-mail scanner (synthetic corpus)
[organisation]
name = "{ORG_NAME}"
internal_domains = ["{DOMAIN}"]
# the scheme regulator, the conciliation service, the IME panel and the contracted rehabilitation provider
approved_recipient_domains = [{approved}]
# the Safe Contact Team and the privacy office may see suppressed (family-violence) details
suppressed_detail_staff = [
    {staff},
]

[registry]
path = "clients.csv"
"""
