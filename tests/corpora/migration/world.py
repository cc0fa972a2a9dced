"""The invented practice, Harbourgate Migration Lawyers, and the people and places around it."""

from __future__ import annotations

from dataclasses import dataclass

FIRM = "Harbourgate Migration Lawyers"
INTERNAL = "harbourgatemigration.example"
HEAD_PHONE = "1300 427 268"
POSTAL = "PO Box 1187, Collins Street West VIC 8007"


@dataclass(frozen=True)
class Office:
    town: str
    lines: tuple[str, str]
    phone: str

    @property
    def address(self) -> str:
        return f"{self.lines[0]}, {self.lines[1]}"


OFFICES = [
    Office("Melbourne", ("Level 9, 600 Collins Street", "Melbourne VIC 3000"), "(03) 9614 2200"),
    Office("Dandenong", ("31 Robinson Street", "Dandenong VIC 3175"), "(03) 9791 5500"),
    Office("Perth", ("Suite 4, 12 St Georges Terrace", "Perth WA 6000"), "(08) 9221 4400"),
]


@dataclass(frozen=True)
class Staff:
    name: str
    title: str
    email: str


def _s(name: str, title: str, local: str) -> Staff:
    return Staff(name, title, f"{local}@{INTERNAL}")


PRINCIPAL = _s("Priya Raman", "Principal Solicitor | Registered Migration Agent", "priya.raman")
STAFF = [
    PRINCIPAL,
    _s("Daniel O'Connell", "Senior Migration Agent (MARN 1912345)", "daniel.oconnell"),
    _s("Tan Mei Lin", "Paralegal", "meilin.tan"),
    _s("Hamid Sadeghi", "Migration Agent, Perth (MARN 2011874)", "hamid.sadeghi"),
    _s("Grace Mwangi", "Accounts and Trust", "accounts"),
    _s("Tom Barker", "Client Services", "reception"),
]
FV_TEAM = f"fvsafety@{INTERNAL}"
FV_STAFF = [FV_TEAM, PRINCIPAL.email]
UNLISTED = STAFF[2]  # a paralegal, not on suppressed_detail_staff

# Approved third parties: the Department, the tribunal, the panel physician, the skills assessor.
HOME_AFFAIRS = "homeaffairs.gov.example"
ART = "art.gov.example"
PANEL_DOCTOR = "bupamvs.example"
SKILLS = "vetassess.example"
APPROVED = [HOME_AFFAIRS, ART, PANEL_DOCTOR, SKILLS]
APPROVED_NAMES = {
    HOME_AFFAIRS: ("Department of Home Affairs", "GPO Box 9984", "Melbourne VIC 3001"),
    ART: ("Administrative Review Tribunal", "GPO Box 9955", "Melbourne VIC 3001"),
    PANEL_DOCTOR: ("Bupa Medical Visa Services", "Level 3, 520 Collins Street", "Melbourne VIC 3000"),
    SKILLS: ("VETASSESS Skills Assessment", "Level 5, 478 Albert Street", "East Melbourne VIC 3002"),
}

# Authorised contacts (they appear in clients' authorised_contacts, never approved as a domain).
INTERPRETER = "bookings@lingualink.example"
CLCS = ["intake@westsideclc.example", "advice@fremantleclc.example"]
CLC_NAMES = {CLCS[0]: "Westside Community Legal Centre", CLCS[1]: "Fremantle Community Legal Centre"}
EMPLOYERS = [
    ("Coastline Aged Care", "hr@coastlineagedcare.example"),
    ("Redgum Engineering", "people@redgumeng.example"),
    ("Swan Valley Hospitality", "recruitment@swanvalleyhosp.example"),
    ("Kestrel Software", "talent@kestrelsoft.example"),
    ("Pilbara Mining Services", "hr.sponsorship@pilbarams.example"),
]
MAIL_PROVIDERS = ["mailbox.example", "postbox.example", "inbox.example", "webmail.example"]
STRANGERS = [
    ("Kevin Doyle", "kdoyle.migration@postbox.example"),
    ("Sara Lindqvist", "sara.l@webmail.example"),
    ("Rashid Karimi", "rkarimi@mailbox.example"),
]

# Names by culture: (female given names, male given names, family names). The CRM holds given and family names
# in its own columns; Chinese, Vietnamese and Korean clients often write the family name first.
CULTURES = {
    "filipino": (
        ["Ana", "Maria Luisa", "Rosalie", "Jocelyn"],
        ["Ramon", "Jericho", "Paolo"],
        ["Reyes", "Santos", "Dela Cruz", "Bautista", "Villanueva"],
    ),
    "vietnamese": (
        ["Thi Lan", "Bich Ngoc", "Thu Trang", "Mai Anh"],
        ["Van Minh", "Duc Anh", "Quang Huy"],
        ["Nguyen", "Tran", "Le", "Pham", "Vo"],
    ),
    "chinese": (
        ["Mei", "Xiu Ying", "Yan", "Jing"],
        ["Wei", "Jun", "Hao", "Zhi Qiang"],
        ["Zhang", "Chen", "Liu", "Wang", "Huang", "Zhou"],
    ),
    "indian": (
        ["Priyanka", "Divya", "Anjali", "Sunita", "Kavya"],
        ["Arjun", "Rohan", "Nikhil", "Rajesh", "Sandeep"],
        ["Sharma", "Patel", "Iyer", "Mehta", "Pillai", "Desai", "Kaur Gill", "Reddy"],
    ),
    "afghan": (
        ["Fatima", "Malalai", "Farida", "Zahra"],
        ["Mohammad", "Farhad", "Ali", "Ahmad Shah"],
        ["Haidari", "Rahimi", "Ahmadzai", "Azizi", "Karimi", "Popal"],
    ),
    "pakistani": (
        ["Ayesha", "Nadia", "Sana"],
        ["Bilal", "Tariq", "Usman"],
        ["Siddiqui", "Qureshi", "Hussain", "Mahmood", "Chaudhry"],
    ),
    "ukrainian": (
        ["Oksana", "Svetlana", "Iryna"],
        ["Ivan", "Dmitri", "Oleksandr"],
        ["Melnyk", "Ivanova", "Petrenko", "Sokolov", "Shevchenko"],
    ),
    "nigerian": (
        ["Grace", "Ngozi", "Chiamaka"],
        ["Oluwaseun", "Chinedu", "Emeka"],
        ["Okonkwo", "Eze", "Adeyemi", "Obi", "Nwosu"],
    ),
    "korean": (
        ["Ji-woo", "Eun-ji", "Seo-yeon"],
        ["Jae-hyun", "Min-jun", "Dong-hyun"],
        ["Park", "Kim", "Lee", "Choi", "Jung"],
    ),
    "japanese": (["Yuki", "Haruka", "Aiko"], ["Hiroshi", "Haruto", "Kenji"], ["Tanaka", "Watanabe", "Sato", "Suzuki"]),
    "iranian": (["Leila", "Shirin", "Maryam"], ["Reza", "Kian", "Babak"], ["Hosseini", "Moradi", "Tehrani", "Jafari"]),
    "nepali": (["Sunita", "Anisha", "Pema"], ["Bikash", "Suman", "Prakash"], ["Gurung", "Thapa", "Shrestha", "Tamang"]),
    "latin": (
        ["Lucia", "Rosa", "Valentina"],
        ["Carlos", "Juan Pablo", "Diego"],
        ["Fernandez", "Mendoza", "Gutierrez", "Rios", "Castillo"],
    ),
    "east_african": (
        ["Mariam", "Hodan", "Thandiwe", "Nomvula"],
        ["Abdirahman", "Daniel", "Samuel", "Kofi"],
        ["Abdi", "Warsame", "Mekonnen", "Otieno", "Moyo", "Mensah"],
    ),
    "turkish": (["Zeynep", "Elif"], ["Emre", "Murat"], ["Yilmaz", "Demir", "Kaya"]),
    "srilankan": (["Kalinda", "Dilani"], ["Ruwan", "Chaminda"], ["Perera", "Fernando", "Jayawardena"]),
    "tongan": (["Siosaia", "Mele"], ["Sione", "Tevita"], ["Tupou", "Fifita", "Taufa"]),
    "european": (
        ["Chiara", "Hana", "Agnieszka"],
        ["Tomasz", "Pedro", "Luca"],
        ["Bianchi", "Kovacova", "Nowak", "Almeida", "Rossi"],
    ),
}
AUSSIE_M = [
    "Jason",
    "Craig",
    "Matthew",
    "Luke",
    "Shane",
    "Ben",
    "Nathan",
    "Adam",
    "Scott",
    "Ryan",
    "Brendan",
    "Troy",
    "Michael",
    "Andrew",
    "Peter",
]
AUSSIE_F = ["Rebecca", "Kylie", "Jessica", "Sarah", "Emma", "Leanne", "Melissa"]
AUSSIE_FAMILY = [
    "Whitfield",
    "Donnelly",
    "Harrington",
    "Brennan",
    "Cooper",
    "Gallagher",
    "Pearce",
    "Kowalczyk",
    "McAllister",
    "Fitzgerald",
    "Lowe",
    "Hendricks",
    "Stavros",
    "Blackwood",
    "Ellison",
    "Thornton",
    "Marsh",
    "Vella",
    "Nicholls",
    "Drummond",
    "O'Sullivan",
    "Papadopoulos",
]
FAMILY_FIRST = {"vietnamese", "chinese", "korean"}
CHILD = ["Aarav", "Liam", "Sofia", "Zara", "Noah", "Mia", "Yusuf", "Hana", "Leo", "Amaya", "Ethan", "Ines", "Omar"]
SINGLE_NAMES = ["Sukarni", "Wiranto"]

VIC_STREETS = [
    ("Wattle Grove", "Dandenong North", "3175"),
    ("Heatherton Road", "Noble Park", "3174"),
    ("Buckley Street", "Footscray", "3011"),
    ("Ballarat Road", "Sunshine", "3020"),
    ("Princes Highway", "Werribee", "3030"),
    ("Greens Road", "Wyndham Vale", "3024"),
    ("Camp Road", "Broadmeadows", "3047"),
    ("High Street", "Preston", "3072"),
    ("Springvale Road", "Springvale", "3171"),
    ("Lonsdale Street", "Dandenong", "3175"),
    ("Sydney Road", "Coburg", "3058"),
    ("Racecourse Road", "Flemington", "3031"),
    ("Plenty Road", "Bundoora", "3083"),
    ("Hoppers Lane", "Tarneit", "3029"),
    ("Clyde Road", "Berwick", "3806"),
    ("Hume Highway", "Craigieburn", "3064"),
    ("Bell Street", "Heidelberg West", "3081"),
    ("Albert Street", "Brunswick", "3056"),
    ("Cranbourne Road", "Frankston", "3199"),
    ("Station Street", "Box Hill", "3128"),
]
WA_STREETS = [
    ("Albany Highway", "Cannington", "6107"),
    ("Wanneroo Road", "Balga", "6061"),
    ("Rockingham Road", "Spearwood", "6163"),
    ("Great Eastern Highway", "Midland", "6056"),
    ("Scarborough Beach Road", "Mount Hawthorn", "6016"),
    ("Safety Bay Road", "Baldivis", "6171"),
    ("Warton Road", "Canning Vale", "6155"),
    ("Marmion Avenue", "Clarkson", "6030"),
    ("Beaufort Street", "Inglewood", "6052"),
    ("Karrinyup Road", "Karrinyup", "6018"),
    ("Ranford Road", "Thornlie", "6108"),
    ("Walter Road", "Morley", "6062"),
    ("Hampton Road", "Fremantle", "6160"),
    ("Kwinana Freeway", "Success", "6164"),
]
UNIT_FORMS = ["Unit {u}/{n}", "{u}/{n}", "Apartment {u}, {n}"]
