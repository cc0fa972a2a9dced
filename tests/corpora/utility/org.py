"""The organisation: Tallowwood Water & Energy, an invented Australian water and energy retailer, its staff,
its approved third parties and the outside parties its clients authorise."""

from __future__ import annotations

from dataclasses import dataclass

NAME = "Tallowwood Water & Energy"
LEGAL_NAME = "Tallowwood Water & Energy Pty Ltd"
DOMAIN = "tallowwood.example"
ABN = "51 824 753 556"  # valid ABN checksum
STREET = "151 Lonsdale Quay"
LOCALITY = "Docklands VIC 3008"
POSTAL = "Locked Bag 5010"
POSTAL_LOCALITY = "Docklands VIC 8012"
PHONE = "13 24 86"
HARDSHIP_PHONE = "1300 736 512"
FAULTS_PHONE = "1800 604 311"
INTERPRETER = "131 450"
WEBSITE = "www.tallowwood.example"
HELP_EMAIL = f"help@{DOMAIN}"
BILLER_CODE = "237965"
BILLPAY_CODE = "0437"

LETTERHEAD = [NAME, f"{STREET}, {LOCALITY}", f"{POSTAL}, {POSTAL_LOCALITY}", f"T {PHONE}  |  {WEBSITE}  |  ABN {ABN}"]
FOOTER = (
    f"{LEGAL_NAME}  ABN {ABN}  |  {STREET}, {LOCALITY}  |  {PHONE}  |  {WEBSITE}  |  "
    f"Faults and emergencies 24/7 {FAULTS_PHONE}  |  Interpreter service {INTERPRETER}"
)


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    role: str = ""
    phone: str = ""

    @property
    def header(self) -> str:
        return f"{self.name} <{self.email}>"


def staff(local: str, name: str, role: str, phone: str = PHONE) -> Person:
    return Person(name, f"{local}@{DOMAIN}", role, phone)


STAFF = [
    staff("priya.raman", "Priya Raman", "Customer Care Specialist"),
    staff("tom.kerrigan", "Tom Kerrigan", "Billing Team Leader"),
    staff("grace.oyelaran", "Grace Oyelaran", "Hardship Case Manager", HARDSHIP_PHONE),
    staff("daniel.whitford", "Daniel Whitford", "Complaints Resolution Officer"),
    staff("hannah.bright", "Hannah Bright", "Metering Coordinator"),
    staff("luis.ferreira", "Luis Ferreira", "Customer Care Specialist"),
    staff("anh.vo", "Anh Vo", "Credit and Collections Officer"),
    staff("keira.doherty", "Keira Doherty", "Customer Care Team Leader"),
]
FV_STAFF = [
    staff("mele.tupou", "Mele Tupou", "Safe Accounts Case Manager", HARDSHIP_PHONE),
    staff("rosa.lindgren", "Rosa Lindgren", "Safe Accounts Team Leader", HARDSHIP_PHONE),
]
FV_TEAM = Person("Safe Accounts Team", f"safe.accounts@{DOMAIN}", "Family violence support")
ANALYST = staff("nathan.cole", "Nathan Cole", "Data Analyst, Customer Insights")
PRIVACY = staff("privacy", "Privacy Officer", "Privacy Officer")
NOREPLY = Person(NAME, f"noreply@{DOMAIN}")
BILLING = Person(f"{NAME} Billing", f"billing@{DOMAIN}")
HARDSHIP = Person(f"{NAME} Customer Care", f"customercare@{DOMAIN}")
NEWS = Person(f"{NAME} News", f"news@{DOMAIN}")
OUTAGES = Person(f"{NAME} Outages", f"outages@{DOMAIN}")

# Approved third parties: the ombudsman scheme, the debt-collection agency and the metering contractor.
OMBUDSMAN_DOMAIN = "energywaterombudsman.example"
OMBUDSMAN = [
    Person("Fiona Grant", f"fiona.grant@{OMBUDSMAN_DOMAIN}", "Dispute Resolution Officer"),
    Person("EWO Resolutions", f"resolutions@{OMBUDSMAN_DOMAIN}"),
    Person("Marcus Lai", f"marcus.lai@{OMBUDSMAN_DOMAIN}", "Senior Conciliator"),
]
COLLECTOR_DOMAIN = "baycrestrecoveries.example"
COLLECTOR = [
    Person("Baycrest Recoveries Referrals", f"referrals@{COLLECTOR_DOMAIN}"),
    Person("Shaun Pike", f"shaun.pike@{COLLECTOR_DOMAIN}", "Accounts Manager"),
]
CONTRACTOR_DOMAIN = "meterline.example"
CONTRACTOR = [
    Person("Meterline Work Orders", f"workorders@{CONTRACTOR_DOMAIN}"),
    Person("Jacinta Moore", f"jacinta.moore@{CONTRACTOR_DOMAIN}", "Field Scheduler"),
]
APPROVED_DOMAINS = [OMBUDSMAN_DOMAIN, COLLECTOR_DOMAIN, CONTRACTOR_DOMAIN]

# Not approved: these receive a client's information only where that client names them as a contact.
COUNSELLORS = [
    Person("Jo Mendes", "jo.mendes@harbourside-fc.example", "Financial Counsellor"),
    Person("Wendy Tran", "wendy.tran@harbourside-fc.example", "Financial Counsellor"),
    Person("Peter Osei", "p.osei@harbourside-fc.example", "Financial Counsellor"),
    Person("Rural Financial Counselling", "intake@ruralfc.example", ""),
]
LAWYERS = [
    Person("Alejandra Vasquez", "a.vasquez@kvlawyers.example", "Solicitor"),
    Person("Ben Kerr", "ben.kerr@kvlawyers.example", "Principal"),
    Person("Northside Community Legal Centre", "advice@northsidelegal.example", ""),
    Person("Imogen Shaw", "imogen.shaw@northsidelegal.example", "Lawyer"),
]
WEBMAIL = [
    "outlook.example",
    "webmail.example",
    "bigpond.example",
    "icloud.example",
    "yahoo.example",
    "iinet.example",
    "optusnet.example",
    "fastmail.example",
    "proton.example",
    "tpg.example",
]


def signature(p: Person) -> str:
    return (
        f"{p.name}\n{p.role}\n{NAME}\n{STREET}, {LOCALITY}\nPhone {p.phone or PHONE}  |  {WEBSITE}\n"
        f"ABN {ABN}\n\nThis email and any attachments are confidential. If you received it in error, "
        f"please tell us on {PHONE} and delete it."
    )


def signature_html(p: Person) -> str:
    return (
        f'<table style="font-family:Arial;font-size:12px;color:#334"><tr><td><b>{p.name}</b><br>{p.role}<br>'
        f'{NAME}<br>{STREET}, {LOCALITY}<br>Phone <a href="tel:{(p.phone or PHONE).replace(" ", "")}">'
        f'{p.phone or PHONE}</a> | <a href="https://{WEBSITE}" title="{NAME} website">{WEBSITE}</a><br>'
        f"ABN {ABN}</td></tr></table>"
        f'<p style="font-size:10px;color:#888">This email and any attachments are confidential.</p>'
    )


def config_toml() -> str:
    staff_list = ", ".join(f'"{p.email}"' for p in [FV_TEAM, *FV_STAFF])
    approved = ", ".join(f'"{d}"' for d in APPROVED_DOMAINS)
    return (
        f"# {NAME}: outgoing-mail scanner configuration for the accuracy corpus.\n"
        f'[organisation]\nname = "{NAME}"\ninternal_domains = ["{DOMAIN}"]\n'
        f"approved_recipient_domains = [{approved}]\n"
        f"# The Safe Accounts (family violence) team may see suppressed details; nobody else may.\n"
        f'suppressed_detail_staff = [{staff_list}]\n\n[registry]\npath = "clients.csv"\n'
    )
