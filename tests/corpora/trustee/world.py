"""The invented world: a state public trustee and guardian in New South Wales, its offices and staff, the bodies
and businesses it writes to, and the pools names and addresses are drawn from. Everyone here is made up."""

from __future__ import annotations

from dataclasses import dataclass

ORG = "Waratah Public Trustee and Guardian"
SHORT = "Waratah PTG"
DOMAIN = "waratahptg.example"
TIMEZONE = "Australia/Sydney"
HOLIDAYS = "AU-NSW"
ABN = "54 826 117 390"
HEAD_PHONE = "1300 555 274"
GUARDIAN_PHONE = "02 8688 2650"
PO_BOX = "PO Box A2210, Sydney South NSW 1235"
# The organisation's own trust account, printed on every payment advice (not anyone's personal account).
TRUST_BSB = "032-001"
TRUST_ACCOUNT = "200 114 586"


@dataclass(frozen=True)
class Office:
    town: str
    street: str
    suburb: str
    postcode: str
    phone: str

    @property
    def line(self) -> str:
        return f"{self.street}, {self.suburb} NSW {self.postcode}"


OFFICES = [
    Office("Sydney", "Level 7, 160 Castlereagh Street", "Sydney", "2000", "02 8688 2600"),
    Office("Parramatta", "12 Macquarie Street", "Parramatta", "2150", "02 9842 7100"),
    Office("Newcastle", "70 Hunter Street", "Newcastle", "2300", "02 4925 3300"),
    Office("Wollongong", "45 Crown Street", "Wollongong", "2500", "02 4253 6100"),
    Office("Dubbo", "88 Talbragar Street", "Dubbo", "2830", "02 6841 9200"),
    Office("Wagga Wagga", "40 Baylis Street", "Wagga Wagga", "2650", "02 6937 4400"),
    Office("Lismore", "29 Molesworth Street", "Lismore", "2480", "02 6627 5800"),
    Office("Tamworth", "310 Peel Street", "Tamworth", "2340", "02 6761 2900"),
]

# Staff: (given, family, team). Mailboxes are given.family@DOMAIN.
STAFF = [
    ("Anna", "Lindgren", "Client Services"),
    ("Tomasz", "Wiśniewski", "Client Services"),
    ("Grace", "Ofori", "Financial Management"),
    ("Hamish", "Darcy", "Financial Management"),
    ("Leilani", "Makoa", "Financial Management"),
    ("Rupert", "Ashdown", "Deceased Estates"),
    ("Mei", "Tanaka", "Deceased Estates"),
    ("Colm", "Brennan", "Wills and Safe Custody"),
    ("Sunita", "Raman", "Guardianship"),
    ("Dylan", "Mercer", "Guardianship"),
    ("Rosa", "Albanese", "Client Protection Unit"),
    ("Imogen", "Fairweather", "Client Protection Unit"),
    ("Nathan", "Kiriaku", "Property Services"),
    ("Bridget", "Conlon", "Privacy and Complaints"),
]
PROTECTIVE_BOX = f"protective@{DOMAIN}"
PRIVACY_BOX = f"privacy@{DOMAIN}"
TEAM_BOXES = {
    "Financial Management": f"fm.team@{DOMAIN}",
    "Deceased Estates": f"estates@{DOMAIN}",
    "Wills and Safe Custody": f"safecustody@{DOMAIN}",
    "Guardianship": f"guardian@{DOMAIN}",
    "Client Services": f"enquiries@{DOMAIN}",
    "Property Services": f"property@{DOMAIN}",
}


def staff_email(given: str, family: str) -> str:
    plain = family.replace("ś", "s").replace("'", "").lower()
    return f"{given.lower()}.{plain}@{DOMAIN}"


def staff(team: str) -> list[tuple[str, str, str]]:
    return [s for s in STAFF if s[2] == team]


CLEARED = [staff_email(g, f) for g, f, t in STAFF if t == "Client Protection Unit"]


@dataclass(frozen=True)
class Party:
    name: str
    email: str
    address: list[str]
    kind: str  # tribunal, agency, bank, facility, solicitor, agent, coordinator, court


# Approved third parties: the tribunals that make and review orders, Services Australia (the office is the
# Centrelink nominee of most managed clients), the Ageing and Disability Commission, the Supreme Court's probate
# registry.
NCAT = Party(
    "NSW Civil and Administrative Tribunal",
    "guardianship@ncat.nsw.example",
    [
        "The Registrar, Guardianship Division",
        "NSW Civil and Administrative Tribunal",
        "PO Box K1026",
        "HAYMARKET NSW 1240",
    ],
    "tribunal",
)
VCAT = Party(
    "Victorian Civil and Administrative Tribunal",
    "hcl@vcat.vic.example",
    ["Human Rights Division", "Victorian Civil and Administrative Tribunal", "GPO Box 5408", "MELBOURNE VIC 3001"],
    "tribunal",
)
QCAT = Party(
    "Queensland Civil and Administrative Tribunal",
    "guardianship@qcat.qld.example",
    ["Guardianship Registry", "Queensland Civil and Administrative Tribunal", "GPO Box 1639", "BRISBANE QLD 4001"],
    "tribunal",
)
CENTRELINK = Party(
    "Services Australia (Centrelink)",
    "nominees@servicesaustralia.example",
    ["Nominee Services", "Services Australia - Centrelink", "Reply Paid 7800", "CANBERRA BC ACT 2610"],
    "agency",
)
ADC = Party(
    "Ageing and Disability Commission",
    "referrals@adc.nsw.example",
    ["Intake and Referral", "Ageing and Disability Commission", "Locked Bag 3002", "PARRAMATTA NSW 2124"],
    "agency",
)
PROBATE = Party(
    "Supreme Court of NSW, Probate Registry",
    "probate@supremecourt.nsw.example",
    ["Probate Registry", "Supreme Court of New South Wales", "GPO Box 3", "SYDNEY NSW 2001"],
    "court",
)
APPROVED = [NCAT, VCAT, QCAT, CENTRELINK, ADC, PROBATE]
APPROVED_DOMAINS = sorted({p.email.split("@")[1] for p in APPROVED})

# Authorised contacts, recorded on the rows of the clients they act or care for.
BANKS = [
    Party(
        "Harbour Mutual Bank",
        "estates@harbourmutual.example",
        ["Deceased Estates Team", "Harbour Mutual Bank", "Locked Bag 4410", "NORTH RYDE NSW 1670"],
        "bank",
    ),
    Party(
        "Pacific National Bank",
        "deceasedestates@pnb.example",
        ["Bereavement Support", "Pacific National Bank", "GPO Box 2200", "SYDNEY NSW 2001"],
        "bank",
    ),
]
FACILITIES = [
    Party(
        "Jacaranda Gardens Aged Care",
        "accounts@jacarandagardens.example",
        ["Jacaranda Gardens Aged Care", "14 Fig Tree Lane", "KELLYVILLE NSW 2155"],
        "facility",
    ),
    Party("Koorong Lodge", "admin@koorong.example", ["Koorong Lodge", "7 Brolga Place", "DUBBO NSW 2830"], "facility"),
    Party(
        "St Brigid's Residential Care",
        "finance@stbrigids.example",
        ["St Brigid's Residential Care", "220 Keen Street", "LISMORE NSW 2480"],
        "facility",
    ),
]
SOLICITORS = [
    Party(
        "Pham & Whitlock Lawyers",
        "estates@phamwhitlock.example",
        ["Pham & Whitlock Lawyers", "PO Box 233", "PARRAMATTA NSW 2124"],
        "solicitor",
    ),
    Party(
        "Bellbird Legal",
        "reception@bellbirdlegal.example",
        ["Bellbird Legal", "Suite 3, 18 Church Street", "MAITLAND NSW 2320"],
        "solicitor",
    ),
    Party(
        "Okonkwo Family Law",
        "familylaw@okonkwofamilylaw.example",
        ["Okonkwo Family Law", "Level 2, 9 Smith Street", "WOLLONGONG NSW 2500"],
        "solicitor",
    ),
]
AGENT = Party(
    "Coastal Realty Property Management",
    "rentals@coastalrealty.example",
    ["Coastal Realty Property Management", "PO Box 518", "GOSFORD NSW 2250"],
    "agent",
)
COORDINATOR = Party(
    "Bridgeway Support Coordination",
    "team@bridgewaysc.example",
    ["Bridgeway Support Coordination", "5/40 George Street", "PENRITH NSW 2750"],
    "coordinator",
)

# Other people and bodies ordinary mail names: GPs, hospitals, police, the office's own suppliers.
DOCTORS = [
    ("Dr Anh Nguyen", "Dubbo Family Medical Centre"),
    ("Dr Fiona McLeish", "Cessnock Medical Practice"),
    ("Dr Rajiv Menon", "Gosford Hospital Aged Care Unit"),
    ("Dr Helen Stavros", "Westmead Hospital Geriatric Medicine"),
]
VENDORS = [
    ("Inkwell Print & Mail", "jobs@inkwellmail.example"),
    ("Sentinel Records Storage", "service@sentinelrecords.example"),
]
PRIVATE_MAIL = ["mailbox.example", "outlook.example", "iinet.example", "bigpond.example", "ozemail.example"]

SUBURBS = [
    ("Blacktown", "2148"),
    ("Penrith", "2750"),
    ("Campbelltown", "2560"),
    ("Liverpool", "2170"),
    ("Auburn", "2144"),
    ("Bankstown", "2200"),
    ("Hornsby", "2077"),
    ("Gosford", "2250"),
    ("Wyong", "2259"),
    ("Maitland", "2320"),
    ("Singleton", "2330"),
    ("Muswellbrook", "2333"),
    ("Orange", "2800"),
    ("Bathurst", "2795"),
    ("Mudgee", "2850"),
    ("Parkes", "2870"),
    ("Forbes", "2871"),
    ("Cowra", "2794"),
    ("Goulburn", "2580"),
    ("Queanbeyan", "2620"),
    ("Albury", "2640"),
    ("Griffith", "2680"),
    ("Leeton", "2705"),
    ("Deniliquin", "2710"),
    ("Broken Hill", "2880"),
    ("Armidale", "2350"),
    ("Inverell", "2360"),
    ("Moree", "2400"),
    ("Narrabri", "2390"),
    ("Gunnedah", "2380"),
    ("Grafton", "2460"),
    ("Casino", "2470"),
    ("Ballina", "2478"),
    ("Kempsey", "2440"),
    ("Taree", "2430"),
    ("Port Macquarie", "2444"),
    ("Coffs Harbour", "2450"),
    ("Nowra", "2541"),
    ("Ulladulla", "2539"),
    ("Batemans Bay", "2536"),
    ("Bega", "2550"),
    ("Cooma", "2630"),
    ("Kiama", "2533"),
    ("Shellharbour", "2529"),
    ("Dapto", "2530"),
    ("Katoomba", "2780"),
    ("Lithgow", "2790"),
    ("Tumut", "2720"),
    ("Cobar", "2835"),
    ("Castle Hill", "2154"),
    ("Merrylands", "2160"),
    ("Toongabbie", "2146"),
    ("Raymond Terrace", "2324"),
    ("Dubbo", "2830"),
    ("Lismore", "2480"),
    ("Wagga Wagga", "2650"),
]
# Towns where protected clients have moved; kept apart from the pool so no one else lives there by chance.
SAFE_TOWNS = [
    ("Kurri Kurri", "2327"),
    ("Cessnock", "2325"),
    ("Wingham", "2429"),
    ("Gloucester", "2422"),
    ("Molong", "2866"),
    ("Yass", "2582"),
    ("Tenterfield", "2372"),
    ("Bellingen", "2454"),
    ("Moruya", "2537"),
    ("Scone", "2337"),
    ("Crookwell", "2583"),
    ("Tamworth", "2340"),
    ("Dungog", "2420"),
    ("Nambucca Heads", "2448"),
    ("Kandos", "2848"),
]
STREETS = [
    "Wattle",
    "Banksia",
    "Acacia",
    "Kurrajong",
    "Boronia",
    "Lachlan",
    "Bridge",
    "Railway",
    "Station",
    "Church",
    "Myrtle",
    "Lilly Pilly",
    "Casuarina",
    "Jarrah",
    "Ironbark",
    "Grevillea",
    "Coolabah",
    "Bottlebrush",
    "Currawong",
    "Kookaburra",
    "Rosella",
    "Lyrebird",
    "Bellevue",
    "Hawthorn",
    "Mitchell",
    "Forrest",
    "Oxley",
    "Sturt",
    "Hume",
    "Cobb",
    "Bourke",
    "Darling",
    "Murray",
    "Namoi",
    "Gwydir",
    "Barwon",
    "Macintyre",
    "Clarence",
    "Manning",
]
STREET_TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Parade", "Pde"),
    ("Close", "Cl"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Lane", "La"),
    ("Place", "Pl"),
]

OLDER_F = [
    "Margaret",
    "Dorothy",
    "Beryl",
    "Joan",
    "Shirley",
    "Patricia",
    "Maureen",
    "Valerie",
    "Gwen",
    "Noreen",
    "Elaine",
    "Judith",
    "Coral",
    "Lorraine",
    "Irene",
    "Marjorie",
    "Yvonne",
    "Rosalind",
    "Heather",
    "Agnes",
]
OLDER_M = [
    "Kevin",
    "Graham",
    "Ronald",
    "Noel",
    "Barry",
    "Neville",
    "Desmond",
    "Clive",
    "Mervyn",
    "Keith",
    "Arthur",
    "Leslie",
    "Trevor",
    "Gordon",
    "Alistair",
    "Colin",
    "Bernard",
    "Stanley",
    "Reginald",
    "Lionel",
]
YOUNGER_F = [
    "Jessica",
    "Kylie",
    "Tegan",
    "Priya",
    "Renee",
    "Natalie",
    "Chloe",
    "Bianca",
    "Aisha",
    "Mei Lin",
    "Siobhan",
    "Tahlia",
    "Danielle",
    "Leah",
    "Huong",
    "Ruby",
    "Melissa",
    "Joanne",
    "Amira",
    "Kirra",
]
YOUNGER_M = [
    "Brendan",
    "Jason",
    "Mitchell",
    "Corey",
    "Darren",
    "Ahmed",
    "Lachlan",
    "Shane",
    "Tuan",
    "Rhys",
    "Dean",
    "Nathaniel",
    "Kieran",
    "Marcus",
    "Jarrod",
    "Damien",
    "Wiremu",
    "Callum",
    "Troy",
    "Adrian",
]
FAMILY = [
    "Abernethy",
    "Barlow",
    "Castellano",
    "Doherty",
    "Eastwood",
    "Fitzgerald",
    "Gallagher",
    "Hennessy",
    "Jovanovic",
    "Kowalski",
    "Lindqvist",
    "Mahony",
    "Nakamura",
    "O'Brien",
    "Papadopoulos",
    "Quinlan",
    "Rasmussen",
    "Sutcliffe",
    "Tran",
    "Underwood",
    "Vukovic",
    "Whitfield",
    "Yeo",
    "Zammit",
    "Ahmadi",
    "Bui",
    "Chandra",
    "Da Silva",
    "Elkins",
    "Farrugia",
    "Grieve",
    "Hollis",
    "Iqbal",
    "Jarvis",
    "Keogh",
    "Loughlin",
    "McPherson",
    "Ngata",
    "Okafor",
    "Pritchard",
    "Rowntree",
    "Sandoval",
    "Teale",
    "Vella",
    "Wardrop",
    "Yilmaz",
    "Bassett",
    "Coughlan",
    "Dimitriou",
    "Everingham",
    "Fenwick",
    "Gorecki",
    "Halloran",
    "Ibbotson",
    "Kavanagh",
    "Lucchesi",
    "Moloney",
    "Nikolaidis",
    "Ormsby",
    "Prendergast",
    "Radcliffe",
    "Szabo",
    "Tregear",
    "Venables",
    "Wojcik",
    "Ashworth",
    "Blackwood",
    "Cavanagh",
    "Delaney",
    "Ellery",
]
NICKNAMES = {
    "Margaret": "Peggy",
    "Dorothy": "Dot",
    "Patricia": "Pat",
    "Ronald": "Ron",
    "Kevin": "Kev",
    "Valerie": "Val",
    "Desmond": "Des",
    "Leslie": "Les",
    "Reginald": "Reg",
    "Stanley": "Stan",
    "Bernard": "Bernie",
    "Gordon": "Gordie",
    "Judith": "Judy",
    "Marjorie": "Marj",
    "Elaine": "Lainie",
}
FEMALE = set(OLDER_F) | set(YOUNGER_F)
