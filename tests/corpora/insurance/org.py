"""The invented insurer, its staff, and the third parties it deals with.

Blackwattle Insurance Limited: motor and home claims (Melbourne), plus a customer-resolution team that
answers the Financial Services Resolution Ombudsman. Every name, number and domain here is made up.
"""

from __future__ import annotations

from dataclasses import dataclass

NAME = "Blackwattle Insurance Limited"
SHORT = "Blackwattle Insurance"
DOMAIN = "blackwattle.example"
NOTIFY_DOMAIN = "notify.blackwattle.example"
ABN = "83 357 736 589"  # a valid ABN check, made up
AFSL = "AFSL 482117"
STREET = "Level 9, 181 Flinders Lane"
LOCALITY = "Melbourne VIC 3000"
POSTAL = "GPO Box 2790"
POSTAL_LOCALITY = "Melbourne VIC 3001"
CLAIMS_PHONE = "13 22 46"
RESOLUTION_PHONE = "1300 652 774"
SALES_PHONE = "1300 652 700"
FAX = "(03) 9654 2100"
INTERPRETER = "131 450"
WEB = "www.blackwattle.example"

CLAIMS = f"claims@{DOMAIN}"
HOME_CLAIMS = f"homeclaims@{DOMAIN}"
MOTOR_CLAIMS = f"motorclaims@{DOMAIN}"
RESOLUTIONS = f"resolutions@{DOMAIN}"
RENEWALS = f"renewals@{DOMAIN}"
NOREPLY = f"no-reply@{NOTIFY_DOMAIN}"
PRIVACY = f"privacy@{DOMAIN}"
SAFETY_TEAM = f"customer.safety@{DOMAIN}"
CLAIMS_QUALITY = f"claims.quality@{DOMAIN}"


@dataclass(frozen=True)
class Staff:
    name: str
    role: str
    email: str
    direct: str
    mobile: str = ""


STAFF = [
    Staff("Marguerite Osei", "Claims Consultant, Home", f"m.osei@{DOMAIN}", "(03) 9654 2137"),
    Staff("Declan Faulkner", "Motor Claims Officer", f"declan.faulkner@{DOMAIN}", "(03) 9654 2215", "0400 118 302"),
    Staff(
        "Anjali Raghunathan", "Senior Case Manager, Customer Resolution", f"a.raghunathan@{DOMAIN}", "(03) 9654 2290"
    ),
    Staff("Tobias Lindqvist", "Claims Team Leader", f"t.lindqvist@{DOMAIN}", "(03) 9654 2201", "0400 118 377"),
    Staff("Rosa Achterberg", "Customer Safety Specialist", f"r.achterberg@{DOMAIN}", "(03) 9654 2299"),
    Staff("Ngaire Whitu", "Dispute Resolution Officer", f"n.whitu@{DOMAIN}", "(03) 9654 2284"),
    Staff("Callum Brandt", "Motor Assessing Coordinator", f"c.brandt@{DOMAIN}", "(03) 9654 2230"),
    Staff("Shreya Iyer", "Home Claims Officer", f"shreya.iyer@{DOMAIN}", "(03) 9654 2142"),
    Staff("Paddy Mulvaney", "Recoveries Officer", f"p.mulvaney@{DOMAIN}", "(03) 9654 2261"),
    Staff("Hiroko Tanabe", "Claims Data Analyst", f"h.tanabe@{DOMAIN}", "(03) 9654 2110"),
]

# Staff allowed to see suppressed details: the customer safety team only.
SUPPRESSED_STAFF = [SAFETY_TEAM, f"r.achterberg@{DOMAIN}"]


@dataclass(frozen=True)
class ThirdParty:
    """An approved third party (repairer, assessor, ombudsman) or a representative firm (broker, lawyer)."""

    firm: str
    kind: str  # ombudsman | repairer | assessor | broker | lawyer
    domain: str
    contact: str
    contact_email: str
    street: str
    locality: str
    phone: str


OMBUDSMAN = ThirdParty(
    "Financial Services Resolution Ombudsman",
    "ombudsman",
    "fsro.example",
    "Case Officer Lena Virtanen",
    "lena.virtanen@fsro.example",
    "GPO Box 1187",
    "Melbourne VIC 3001",
    "1800 447 120",
)
REPAIRERS = [
    ThirdParty(
        "Northgate Smash Repairs",
        "repairer",
        "northgatesmash.example",
        "Vince Scarcella",
        "quotes@northgatesmash.example",
        "Factory 6, 17 Enterprise Drive",
        "Rowville VIC 3178",
        "(03) 9763 4410",
    ),
    ThirdParty(
        "Precision Panel & Paint",
        "repairer",
        "precisionpanel.example",
        "Bridget Nakamura",
        "bridget@precisionpanel.example",
        "22 Commerce Circuit",
        "Yatala QLD 4207",
        "(07) 3382 9105",
    ),
    ThirdParty(
        "Rebuild Right Builders",
        "repairer",
        "rebuildright.example",
        "Sione Latu",
        "jobs@rebuildright.example",
        "Unit 3, 8 Trade Park Road",
        "Wetherill Park NSW 2164",
        "(02) 9604 7731",
    ),
    ThirdParty(
        "DryOut Restoration Services",
        "repairer",
        "dryout.example",
        "Hamish McCrae",
        "dispatch@dryout.example",
        "PO Box 5512",
        "Mawson Lakes SA 5095",
        "1300 379 688",
    ),
]
ASSESSORS = [
    ThirdParty(
        "Corrigan Loss Adjusting",
        "assessor",
        "corriganloss.example",
        "Fergus Corrigan",
        "fergus@corriganloss.example",
        "Level 2, 90 William Street",
        "Perth WA 6000",
        "(08) 9321 5507",
    ),
    ThirdParty(
        "Halvorsen Assessing Pty Ltd",
        "assessor",
        "halvorsen.example",
        "Ingrid Halvorsen",
        "assess@halvorsen.example",
        "Suite 14, 4 Cavenagh Street",
        "Darwin NT 0800",
        "(08) 8941 2276",
    ),
]
BROKERS = [
    ThirdParty(
        "Meridian Insurance Brokers",
        "broker",
        "meridianbrokers.example",
        "Priya Raman",
        "priya.raman@meridianbrokers.example",
        "Level 4, 200 Adelaide Street",
        "Brisbane QLD 4000",
        "(07) 3229 8810",
    ),
    ThirdParty(
        "Coastal Risk Partners",
        "broker",
        "coastalrisk.example",
        "Jarrod Pelletier",
        "jarrod@coastalrisk.example",
        "Shop 2, 11 Marine Parade",
        "Kiama NSW 2533",
        "(02) 4232 1077",
    ),
    ThirdParty(
        "Red Gum Rural Insurance Brokers",
        "broker",
        "redgumrural.example",
        "Colleen Mahoney",
        "colleen.mahoney@redgumrural.example",
        "PO Box 288",
        "Naracoorte SA 5271",
        "(08) 8762 0415",
    ),
]
LAWYERS = [
    ThirdParty(
        "Tran Whitcombe Lawyers",
        "lawyer",
        "tranwhitcombe.example",
        "Minh Tran",
        "m.tran@tranwhitcombe.example",
        "Level 11, 360 Queen Street",
        "Brisbane QLD 4000",
        "(07) 3012 6650",
    ),
    ThirdParty(
        "Galloway Legal",
        "lawyer",
        "gallowaylegal.example",
        "Eilidh Galloway",
        "egalloway@gallowaylegal.example",
        "GPO Box 455",
        "Hobart TAS 7001",
        "(03) 6231 8804",
    ),
    ThirdParty(
        "Safe Harbour Community Legal Service",
        "lawyer",
        "safeharbourlegal.example",
        "Adaeze Nwosu",
        "a.nwosu@safeharbourlegal.example",
        "Locked Bag 12",
        "Footscray VIC 3011",
        "(03) 9689 3321",
    ),
]

APPROVED = [OMBUDSMAN, *REPAIRERS, *ASSESSORS]
APPROVED_DOMAINS = [tp.domain for tp in APPROVED]
INTERNAL_DOMAINS = [DOMAIN, NOTIFY_DOMAIN]


def letterhead_lines() -> list[str]:
    return [NAME, f"ABN {ABN}  {AFSL}", f"{POSTAL}, {POSTAL_LOCALITY}", f"Claims {CLAIMS_PHONE}  |  {WEB}"]


def footer_line() -> str:
    return f"{NAME} ABN {ABN} {AFSL}. {STREET}, {LOCALITY}. Claims {CLAIMS_PHONE}. Interpreter service {INTERPRETER}."


def ombudsman_paragraph() -> str:
    """The external-dispute wording every final response must carry (the ombudsman's own details)."""
    o = OMBUDSMAN
    return (
        f"If you are not satisfied with our response, you may contact the {o.firm} (FSRO), a free and "
        f"independent dispute resolution service: phone {o.phone}, write to {o.street}, {o.locality}, or "
        f"visit www.fsro.example. Time limits may apply."
    )


def signature(s: Staff, html: bool = False) -> str:
    lines = [
        s.name,
        s.role,
        NAME,
        f"T {s.direct}" + (f"  M {s.mobile}" if s.mobile else ""),
        f"E {s.email}",
        f"{STREET}, {LOCALITY}",
    ]
    if html:
        return "<br>".join(lines)
    return "\n".join(lines)
