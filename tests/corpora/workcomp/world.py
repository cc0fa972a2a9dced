"""The invented world: Southgate Claims Services, a workers' compensation claims agent in Victoria and NSW.

Everything here is made up: the agent, its offices, staff, employers, law firms, providers and the pools the
registry draws workers from. Domains end in `.example`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ORG = "Southgate Claims Services"
INTERNAL = "southgateclaims.example"
TIMEZONE = "Australia/Melbourne"

# Offices: every letter prints one of them as its letterhead; both are in [organisation] own_details.
MELB_OFFICE = "Level 4, 27 Tannery Lane, Southbank VIC 3006"
PARRA_OFFICE = "Suite 2, 9 Corella Street, Parramatta NSW 2150"
OFFICE_STREETS = ["27 Tannery Lane, Southbank VIC 3006", "9 Corella Street, Parramatta NSW 2150"]
PHONE_MAIN = "1300 655 210"
PHONE_MELB = "(03) 9555 0142"
PHONE_PARRA = "(02) 9555 0187"
FAX = "(03) 9555 0199"
ABN = "ABN 61 904 227 318"


@dataclass(frozen=True)
class Office:
    name: str
    lines: tuple[str, str]
    phone: str
    state: str


OFFICES = {
    "VIC": Office("Melbourne", ("Level 4, 27 Tannery Lane", "Southbank VIC 3006"), PHONE_MELB, "VIC"),
    "NSW": Office("Parramatta", ("Suite 2, 9 Corella Street", "Parramatta NSW 2150"), PHONE_PARRA, "NSW"),
}


@dataclass(frozen=True)
class Party:
    """An outside organisation with a mailbox, and (for letters) its name and street address."""

    name: str
    domain: str
    mailbox: str
    street: str = ""
    locality: str = ""

    @property
    def email(self) -> str:
        return f"{self.mailbox}@{self.domain}"


# Approved third parties: the scheme's dispute bodies and regulators, and providers the agent contracts.
CONCILIATION = Party(
    "WorkCover Conciliation Service",
    "workcoverconciliation.example",
    "lodgements",
    "Level 2, 150 Flinders Way",
    "Melbourne VIC 3000",
)
PIC = Party(
    "Personal Injury Commission",
    "personalinjurycommission.example",
    "registry",
    "Level 9, 66 Church Lane",
    "Parramatta NSW 2150",
)
REGULATOR_VIC = Party("WorkSafe Scheme Regulator", "worksaferegulator.example", "agentcompliance")
REGULATOR_NSW = Party("State Insurance Scheme Authority", "sisa-nsw.example", "claims.enquiries")
IME = Party(
    "Cityside Medicolegal",
    "citysidemedicolegal.example",
    "bookings",
    "Suite 12, 400 Collins Walk",
    "Melbourne VIC 3000",
)
REHAB = Party("Restore Rehab", "restorerehab.example", "referrals", "3 Kestrel Court", "Box Hill VIC 3128")
REHAB_NSW = Party(
    "Pathways Return To Work", "pathwaysreturntowork.example", "intake", "14 Bligh Row", "Penrith NSW 2750"
)
INVESTIGATOR = Party(
    "Clearview Investigations", "clearviewinvestigations.example", "instructions", "PO Box 4410", "Richmond VIC 3121"
)
APPROVED = [CONCILIATION, PIC, REGULATOR_VIC, REGULATOR_NSW, IME, REHAB, REHAB_NSW, INVESTIGATOR]

# Representatives a worker may name (their firm or service mailbox goes in authorised_contacts).
LAW_FIRMS = [
    Party("Henley Barr Lawyers", "henleybarr.example", "wcclaims"),
    Party("Quill & Ash Legal", "quillash.example", "injury"),
    Party("Mornane Keast Solicitors", "mornanekeast.example", "compensation"),
    Party("Tarrant Lowe Injury Lawyers", "tarrantlowe.example", "newmatters"),
]
UNIONS = [
    Party("Transport & Logistics Workers Union", "tlwu.example", "organiser.east"),
    Party("Health & Care Workers Union", "hcwu.example", "compo"),
    Party("Building Trades Union", "btu-vic.example", "injuredmembers"),
]
INTERPRETERS = [
    Party("LinguaLink Interpreting", "lingualink.example", "bookings"),
    Party("Harbour Language Services", "harbourlanguage.example", "jobs"),
]
GP_CLINICS = [
    Party("Brunswick Family Medical", "brunswickfamilymed.example", "reception"),
    Party("Northcote Health Clinic", "northcotehealth.example", "admin"),
    Party("Blacktown Medical Centre", "blacktownmedical.example", "practice"),
    Party("Geelong West GP", "geelongwestgp.example", "frontdesk"),
    Party("Dandenong Family Doctors", "dandenongfamilydoctors.example", "reception"),
    Party("Liverpool Road Practice", "liverpoolroadpractice.example", "admin"),
]


@dataclass(frozen=True)
class Employer:
    name: str
    domain: str
    state: str
    street: str
    locality: str
    rtw_contact: str  # the RTW coordinator's name
    policy: str
    staff_domain_mail: bool = True

    @property
    def rtw(self) -> str:
        return f"rtw@{self.domain}"

    @property
    def payroll(self) -> str:
        return f"payroll@{self.domain}"


EMPLOYERS = [
    Employer(
        "Brightway Logistics Pty Ltd",
        "brightwaylogistics.example",
        "VIC",
        "14 Foundry Road",
        "Dandenong South VIC 3175",
        "Corinne Abela",
        "VP0021 4471",
    ),
    Employer(
        "Kestrel Aged Care Ltd",
        "kestrelagedcare.example",
        "VIC",
        "220 Plenty Parade",
        "Preston VIC 3072",
        "Marcus Devlin",
        "VP0033 9182",
    ),
    Employer(
        "Ironbark Civil Contractors",
        "ironbarkcivil.example",
        "VIC",
        "5 Quarry Lane",
        "Laverton North VIC 3026",
        "Tess Okafor",
        "VP0047 2210",
    ),
    Employer(
        "Harbourside Hospitality Group",
        "harbourside.example",
        "NSW",
        "88 Wharf Terrace",
        "Pyrmont NSW 2009",
        "Joel Santangelo",
        "NP1182 0045",
    ),
    Employer(
        "Westgate Food Processing",
        "westgatefoods.example",
        "VIC",
        "31 Abattoir Road",
        "Brooklyn VIC 3012",
        "Priya Raman",
        "VP0052 7703",
    ),
    Employer(
        "Cumberland Freight NSW",
        "cumberlandfreight.example",
        "NSW",
        "9 Yennora Avenue",
        "Smithfield NSW 2164",
        "Grant Whitcombe",
        "NP1190 3318",
    ),
    Employer(
        "Sunbury Community Health",
        "sunburyhealth.example",
        "VIC",
        "12 Evans Close",
        "Sunbury VIC 3429",
        "Olive Hartnett",
        "VP0061 1450",
    ),
    Employer(
        "Penrith Steel Fabrication",
        "penrithsteel.example",
        "NSW",
        "40 Castlereagh Way",
        "Penrith NSW 2750",
        "Danny Marchetti",
        "NP1203 6627",
    ),
    Employer(
        "Greenvale Nurseries",
        "greenvalenurseries.example",
        "VIC",
        "150 Mickleham Track",
        "Greenvale VIC 3059",
        "Ruth Blackwood",
        "VP0070 8834",
    ),
    Employer(
        "Metro Cleaning Co-operative",
        "metroclean.example",
        "NSW",
        "2 Silverwater Close",
        "Silverwater NSW 2128",
        "Ana Folau",
        "NP1211 0952",
    ),
]


@dataclass(frozen=True)
class Staff:
    name: str
    mailbox: str
    title: str

    @property
    def email(self) -> str:
        return f"{self.mailbox}@{INTERNAL}"


STAFF = [
    Staff("Leonie Farrugia", "leonie.farrugia", "Case Manager"),
    Staff("Harrison Quaye", "harrison.quaye", "Case Manager"),
    Staff("Mei-Ling Dorrington", "meiling.dorrington", "Senior Case Manager"),
    Staff("Callum Ardent", "callum.ardent", "Injury Management Advisor"),
    Staff("Sofia Petrakis", "sofia.petrakis", "Case Manager"),
    Staff("Nathan Ewart", "nathan.ewart", "Return to Work Specialist"),
    Staff("Bridget Oyelaran", "bridget.oyelaran", "Case Manager"),
]
SAFETY_TEAM = f"safety@{INTERNAL}"
SENIOR = STAFF[2]
UNLISTED = [s for s in STAFF if s is not SENIOR]
PAYMENTS = f"payments@{INTERNAL}"
CLAIMS_MI = f"claims-reporting@{INTERNAL}"

GIVEN_F = [
    "Amelia",
    "Rosa",
    "Hannah",
    "Tayla",
    "Leilani",
    "Mariam",
    "Joanna",
    "Kirra",
    "Bianca",
    "Nadia",
    "Sienna",
    "Hoa",
    "Precious",
    "Gemma",
    "Ayesha",
    "Yasmin",
    "Claudia",
    "Tegan",
    "Ingrid",
    "Lucia",
    "Fatima",
    "Shannon",
    "Mele",
    "Dimitra",
    "Renee",
    "Aroha",
    "Simran",
    "Vanessa",
    "Brooke",
    "Thuy",
]
GIVEN_M = [
    "Jarrod",
    "Mehmet",
    "Lachlan",
    "Tuan",
    "Dominic",
    "Rhys",
    "Sione",
    "Ahmad",
    "Bradley",
    "Karim",
    "Nikolai",
    "Ethan",
    "Wiremu",
    "Connor",
    "Rajesh",
    "Petar",
    "Kieran",
    "Samir",
    "Tobias",
    "Anh",
    "Callan",
    "Mateo",
    "Hamish",
    "Darko",
    "Jayden",
    "Oliver",
    "Fergus",
    "Emre",
    "Duc",
    "Zane",
]
FAMILY = [
    "Abernethy",
    "Achterberg",
    "Bellchambers",
    "Bozkurt",
    "Cavanough",
    "Colquhoun",
    "Dimitriou",
    "Dunstall",
    "Eccleston",
    "Fakatava",
    "Galbraith",
    "Gorecki",
    "Halloran",
    "Huynh-Lam",
    "Iredale",
    "Jankovic",
    "Kalinowski",
    "Kavanagh-Ruiz",
    "Lindqvist",
    "Maddigan",
    "Mavromatis",
    "Nakamura-Ell",
    "Ngata",
    "O'Rourke",
    "Papadakis",
    "Penhaligon",
    "Quintrell",
    "Rasheed",
    "Rowbotham",
    "Sabatini",
    "Serafin",
    "Tavita",
    "Thistlethwaite",
    "Trinh",
    "Urquhart",
    "Vasilakis",
    "Wetherall",
    "Whitlock",
    "Yilmaz-Grant",
    "Zammit",
    "Ashcombe",
    "Brindabella",
    "Corrigan",
    "Delacroix",
    "Esposito-Hunt",
    "Fitzalan",
    "Grech",
    "Hadzic",
    "Ingleby",
    "Juric",
    "Karamanlis",
    "Lovegrove",
    "Mulvihill",
    "Nuñez-Boyd",
    "Oduya",
    "Pettigrew",
    "Radovanovic",
    "Sandercock",
    "Tuipulotu",
    "Vukovic",
]

STREET_NAMES = [
    "Wattle",
    "Banksia",
    "Ironbark",
    "Quandong",
    "Grevillea",
    "Lilly Pilly",
    "Bottlebrush",
    "Mahogany",
    "Kurrajong",
    "Tallowwood",
    "Blackwood",
    "Casuarina",
    "Coolabah",
    "Jacaranda",
    "Boronia",
    "Paperbark",
    "Waratah",
    "Melaleuca",
    "Brolga",
    "Currawong",
    "Lorikeet",
    "Bellbird",
    "Heron",
    "Pelican",
    "Kingfisher",
    "Wombat",
    "Echidna",
    "Platypus",
]
STREET_TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Place", "Pl"),
    ("Parade", "Pde"),
    ("Close", "Cl"),
    ("Way", "Way"),
]
SUBURBS = {
    "VIC": [
        ("Sunshine West", "3020"),
        ("Dandenong", "3175"),
        ("Werribee", "3030"),
        ("Reservoir", "3073"),
        ("Broadmeadows", "3047"),
        ("Frankston", "3199"),
        ("Melton South", "3338"),
        ("Cranbourne", "3977"),
        ("Epping", "3076"),
        ("Craigieburn", "3064"),
        ("Hoppers Crossing", "3029"),
        ("Noble Park", "3174"),
        ("Geelong West", "3218"),
        ("Ballarat East", "3350"),
        ("Bendigo", "3550"),
        ("Pakenham", "3810"),
        ("Sunbury", "3429"),
        ("Tarneit", "3029"),
        ("Coburg North", "3058"),
        ("Lalor", "3075"),
    ],
    "NSW": [
        ("Blacktown", "2148"),
        ("Liverpool", "2170"),
        ("Mount Druitt", "2770"),
        ("Campbelltown", "2560"),
        ("Auburn", "2144"),
        ("Fairfield", "2165"),
        ("St Marys", "2760"),
        ("Bankstown", "2200"),
        ("Penrith", "2750"),
        ("Merrylands", "2160"),
        ("Wollongong", "2500"),
        ("Gosford", "2250"),
    ],
}
# Suburbs a family-violence victim moved to: none is used by anyone else, and none is part of a name.
REFUGE_SUBURBS = {
    "VIC": [
        ("Kilmore East", "3764"),
        ("Wandin North", "3139"),
        ("Bannockburn", "3331"),
        ("Romsey", "3434"),
        ("Clyde North", "3978"),
        ("Leopold", "3224"),
        ("Riddells Creek", "3431"),
    ],
    "NSW": [
        ("Kurrajong Heights", "2758"),
        ("Tahmoor", "2573"),
        ("Wyong Creek", "2259"),
        ("Bargo", "2574"),
        ("Oakdale", "2570"),
    ],
}
INJURIES = [
    "lower back strain lifting stock",
    "right shoulder rotator cuff tear",
    "left wrist fracture from a fall",
    "crush injury to the right hand",
    "psychological injury (work-related stress)",
    "knee ligament injury on uneven ground",
    "lumbar disc injury",
    "laceration to the left forearm",
    "neck strain from repetitive work",
    "ankle fracture from a ladder fall",
]
PERSONAL_MAIL = ["mail.example", "inbox.example", "postbox.example", "webmail.example"]


@dataclass
class Worker:
    cid: str
    given: str
    family: str
    dob: str
    email: str
    phone: str
    street: str
    suburb: str
    state: str
    pc: str
    claim: str
    employer: Employer
    title: str
    injury: str
    injury_date: str
    contacts: list[str] = field(default_factory=list)
    contact_parties: dict[str, Party] = field(default_factory=dict)
    suppressed: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    kind: str = "worker"
    ex: str = ""  # the client id of a former partner named in an intervention order
    extra_refs: list[str] = field(default_factory=list)
    parent_email: str = ""
    tfn: str = ""
    medicare: str = ""
    piawe: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.suburb} {self.state} {self.pc}"

    @property
    def locality(self) -> str:
        return f"{self.suburb} {self.state} {self.pc}"

    def block(self, upper: bool = True) -> list[str]:
        loc = f"{self.suburb.upper()}  {self.state}  {self.pc}" if upper else self.locality
        return [f"{self.title} {self.given} {self.family}", self.street, loc]

    @property
    def office(self) -> Office:
        return OFFICES[self.state]

    @property
    def is_suppressed(self) -> bool:
        return bool(self.suppressed)


def tfn(rng) -> str:
    """A nine-digit tax file number with a valid check (weights 1,4,3,7,5,8,6,9,10)."""
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(8)]
        if sum(a * b for a, b in zip(d, w, strict=True)) % 11 == 0:
            s = "".join(map(str, d))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def medicare(rng) -> str:
    """A Medicare card number (ten digits: eight, a check digit, the issue number)."""
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    d = [rng.randrange(2, 7)] + [rng.randrange(10) for _ in range(7)]
    check = sum(a * b for a, b in zip(d, w, strict=True)) % 10
    s = "".join(map(str, d)) + str(check) + str(rng.randrange(1, 6))
    return f"{s[:4]} {s[4:9]} {s[9]}"


def spaced_claim(claim: str) -> str:
    return f"{claim[:5]} {claim[5:]}"
