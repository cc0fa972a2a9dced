"""The sending organisation, its staff and the outside parties it writes to (all invented)."""

from __future__ import annotations

from dataclasses import dataclass

ORG_NAME = "Office of Housing and Community Support"
ORG_SHORT = "OHCS"
DOMAIN = "ohcs.example"
INTERNAL_DOMAINS = [DOMAIN, "cases.ohcs.example"]
ABN = "95 471 173 493"
STREET = "Level 5, 17 Treasury Place West"
TOWN = "Geelong VIC 3220"
POSTAL = "Locked Bag 4020, Geelong VIC 3220"
RETURN_LINE = "If undelivered return to: Locked Bag 4020, GEELONG VIC 3220"
PHONE = "1300 367 240"
PHONE_REGIONAL = "(03) 5202 7700"
FAX = "(03) 5202 7799"
INTERPRETER = "TIS National 131 450"
WEB = "www.ohcs.example"

SAFETY_TEAM = f"safety.support@{DOMAIN}"


@dataclass(frozen=True)
class Staff:
    name: str
    title: str
    email: str
    phone: str
    team: str


STAFF: list[Staff] = [
    Staff("Priya Raman", "Senior Housing Officer", f"priya.raman@{DOMAIN}", "(03) 5202 7731", "Tenancy Services"),
    Staff("Declan Moore", "Case Manager", f"declan.moore@{DOMAIN}", "(03) 5202 7744", "Complex Needs"),
    Staff("Tamsin Nguyen", "Client Service Officer", f"tamsin.nguyen@{DOMAIN}", "(03) 5202 7710", "Concessions"),
    Staff("Hemi Walker", "Carer Support Coordinator", f"hemi.walker@{DOMAIN}", "(03) 5202 7752", "Carers"),
    Staff("Bec Castellano", "Tenancy Officer", f"bec.castellano@{DOMAIN}", "(03) 5202 7763", "Tenancy Services"),
    Staff("Olu Adeyemi", "Team Leader", f"olu.adeyemi@{DOMAIN}", "(03) 5202 7701", "Complex Needs"),
    Staff("Sinéad Fallon", "Rent Assessment Officer", f"sinead.fallon@{DOMAIN}", "(03) 5202 7725", "Rent Assessment"),
    Staff("Marcus Teo", "Maintenance Liaison", f"marcus.teo@cases.{DOMAIN}", "(03) 5202 7780", "Assets"),
]
SAFETY_STAFF: list[Staff] = [
    Staff("Rangi Tangaroa", "Safety and Support Lead", f"rangi.tangaroa@{DOMAIN}", "(03) 5202 7790", "Safety"),
    Staff("Anneliese Brandt", "Family Violence Practitioner", f"anneliese.brandt@{DOMAIN}", "(03) 5202 7791", "Safety"),
]
TEAM_LISTS = {
    "tenancy": f"tenancy.services@{DOMAIN}",
    "complex": f"complex.needs@{DOMAIN}",
    "rent": f"rent.assessment@{DOMAIN}",
    "carers": f"carers@{DOMAIN}",
    "concessions": f"concessions@{DOMAIN}",
    "noreply": f"no-reply@{DOMAIN}",
    "privacy": f"privacy@{DOMAIN}",
    "intake": f"intake@cases.{DOMAIN}",
}


@dataclass(frozen=True)
class Party:
    """An outside organisation: approved third parties, advocates' services, contractors."""

    name: str
    domain: str
    contact: str
    email: str
    postal: tuple[str, str]
    approved: bool


APPROVED: list[Party] = [
    Party(
        "Residential Tenancies Tribunal",
        "rtt.example",
        "Registry Officer",
        "registry@rtt.example",
        ("GPO Box 1420", "MELBOURNE VIC 3001"),
        True,
    ),
    Party(
        "Housing Ombudsman",
        "housingombudsman.example",
        "Early Resolution Team",
        "resolution@housingombudsman.example",
        ("PO Box 7318", "Geelong West VIC 3218"),
        True,
    ),
    Party(
        "Yarrun Community Housing",
        "yarrunhousing.example",
        "Tenancy Manager",
        "tenancy@yarrunhousing.example",
        ("PO Box 233", "Shepparton VIC 3632"),
        True,
    ),
    Party(
        "Bridgeway Community Housing Ltd",
        "bridgewaych.example",
        "Allocations",
        "allocations@bridgewaych.example",
        ("Level 2, 9 Short Street", "Frankston VIC 3199"),
        True,
    ),
    Party(
        "Northern Property Maintenance",
        "northernmaint.example",
        "Work Orders",
        "workorders@northernmaint.example",
        ("Factory 4, 31 Enterprise Drive", "Bendigo East VIC 3550"),
        True,
    ),
]
ADVOCACY: list[Party] = [
    Party(
        "Tenants Advice Service",
        "tenantsadvice.example",
        "Advocate",
        "advice@tenantsadvice.example",
        ("PO Box 118", "Collingwood VIC 3066"),
        False,
    ),
    Party(
        "Welfare Rights Centre",
        "welfarerights.example",
        "Caseworker",
        "intake@welfarerights.example",
        ("PO Box 40", "Sydney NSW 2001"),
        False,
    ),
    Party(
        "Community Legal Aid",
        "communitylegal.example",
        "Solicitor",
        "reception@communitylegal.example",
        ("12 Court Lane", "Dandenong VIC 3175"),
        False,
    ),
    Party(
        "Office of the Public Guardian",
        "publicguardian.example",
        "Guardian",
        "guardian@publicguardian.example",
        ("Locked Bag 5000", "Parramatta NSW 2124"),
        False,
    ),
    Party(
        "Carer Gateway Support",
        "carersupport.example",
        "Support Coordinator",
        "hello@carersupport.example",
        ("PO Box 77", "Ballarat VIC 3353"),
        False,
    ),
]
# Outsiders who are never approved: a contractor's private mailbox, a consultant, a journalist's tip line.
OUTSIDERS = [
    "reports@datatidy-consulting.example",
    "m.hollis.contracting@webmail.example",
    "admin@pestaway-services.example",
    "shared.drive.backup@cloudbox.example",
    "survey-team@researchpanel.example",
    "tips@regionalnews.example",
]

ADVOCATE_FIRST = [
    "Jess",
    "Ravi",
    "Imogen",
    "Tariq",
    "Harriet",
    "Nico",
    "Lorna",
    "Ade",
    "Fern",
    "Callum",
    "Yasmin",
    "Pita",
    "Beatriz",
    "Hugo",
    "Ines",
    "Tom",
]
ADVOCATE_LAST = [
    "Calloway",
    "Menon",
    "Strachan",
    "Aziz",
    "Pemberton",
    "Vukovic",
    "Abernethy",
    "Okafor",
    "Lindqvist",
    "Rourke",
    "Haidari",
    "Tawhiri",
    "Sousa",
    "Lefevre",
    "Marsh",
    "Kruger",
]


def toml_text() -> str:
    approved = ", ".join(f'"{p.domain}"' for p in APPROVED)
    internal = ", ".join(f'"{d}"' for d in INTERNAL_DOMAINS)
    staff = ", ".join(f'"{s.email}"' for s in SAFETY_STAFF)
    return (
        "# Office of Housing and Community Support (synthetic organisation for the 'services' corpus)\n"
        "[organisation]\n"
        f'name = "{ORG_NAME}"\n'
        f"internal_domains = [{internal}]\n"
        f"approved_recipient_domains = [{approved}]\n"
        f'suppressed_detail_staff = ["{SAFETY_TEAM}", {staff}]\n\n'
        "[registry]\n"
        'path = "clients.csv"\n'
    )
