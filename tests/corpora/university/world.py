"""The invented world: the University of the Southern Ranges, its campuses, offices, outside parties and name pools."""

from __future__ import annotations

import random

NAME = "University of the Southern Ranges"
SHORT = "USR"
INTERNAL = "usr.example"
STUDENT_DOMAIN = "student.usr.example"  # students' university mailboxes: NOT staff, not an internal domain
ABN = "ABN 41 600 123 987"
CRICOS = "CRICOS Provider 04217K"

# Campuses: name, street, town, postcode, phone. The Goulburn one is the main campus and Student Central.
CAMPUSES = [
    ("Goulburn", "1 Ranges Way", "Goulburn", "2580", "02 4820 1000"),
    ("Cooma", "27 Vale Street", "Cooma", "2630", "02 6450 2200"),
    ("Bega", "120 Auckland Street", "Bega", "2550", "02 6490 3300"),
    ("Yass", "8 Comur Street", "Yass", "2582", "02 6220 4400"),
]
STUDENT_CENTRAL_PHONE = "1300 877 000"
POSTAL = "Locked Bag 4000, Goulburn NSW 2580"


def campus_address(c: tuple) -> str:
    return f"{c[1]}, {c[2]} NSW {c[3]}"


OWN_DETAILS = [campus_address(c) for c in CAMPUSES] + [c[4] for c in CAMPUSES] + [STUDENT_CENTRAL_PHONE, POSTAL]

# Offices (internal mailboxes) and staff
OFFICES = {
    "central": ("Student Central", f"studentcentral@{INTERNAL}"),
    "fees": ("Student Fees", f"fees@{INTERNAL}"),
    "exams": ("Examinations and Results", f"exams@{INTERNAL}"),
    "admissions": ("Admissions", f"admissions@{INTERNAL}"),
    "intl": ("International Office", f"international@{INTERNAL}"),
    "res": ("Residential Life", f"residences@{INTERNAL}"),
    "schol": ("Scholarships", f"scholarships@{INTERNAL}"),
    "integrity": ("Academic Integrity", f"integrity@{INTERNAL}"),
    "access": ("Accessibility Services", f"access@{INTERNAL}"),
    "grad": ("Graduations", f"graduations@{INTERNAL}"),
    "library": ("Library", f"library@{INTERNAL}"),
    "complaints": ("Student Complaints Unit", f"complaints@{INTERNAL}"),
    "payroll": ("Payroll (scholarship stipends)", f"payroll@{INTERNAL}"),
}
SAFER = f"safercommunity@{INTERNAL}"  # may see suppressed details
SAFER_CASE = f"fv-casemanager@{INTERNAL}"
SUPPRESSED_STAFF = [SAFER, SAFER_CASE]

STAFF = [
    ("Dr Helen Marchetti", "h.marchetti", "Lecturer, School of Nursing"),
    ("Assoc Prof Ravi Deshpande", "r.deshpande", "Course Coordinator, Engineering"),
    ("Ms Kerry O'Brien", "k.obrien", "Student Adviser, Student Central"),
    ("Mr Tom Falconer", "t.falconer", "Fees Officer"),
    ("Dr Mei Lin Tan", "m.tan", "Unit Coordinator, Education"),
    ("Ms Annika Sorensen", "a.sorensen", "Residential Life Coordinator"),
    ("Mr Jarrah Williams", "j.williams", "Indigenous Student Support Officer"),
    ("Ms Priya Raman", "p.raman", "Academic Integrity Officer"),
    ("Dr Gareth Hughes", "g.hughes", "Lecturer, Agriculture"),
    ("Ms Lucy Tran", "l.tran", "Accessibility Adviser"),
]


def staff_email(s: tuple) -> str:
    return f"{s[1]}@{INTERNAL}"


# A staff member's personal mailbox and a sessional tutor's private address: outside the university
PERSONAL_STAFF = ["kerry.obrien.home@mail.example", "gazza.hughes@inbox.example", "tutor.jmcleod@outlook.example"]

# Approved third parties (configured domains)
TAC = ("Tertiary Admissions Centre", "tertiaryadmissions.example", "PO Box 7049, Parramatta NSW 2124")
OMBUDSMAN = ("NSW Ombudsman", "nswombudsman.example", "Level 24, 580 George Street, Sydney NSW 2000")
OSHC = ("Allied OSHC", "alliedoshc.example", "GPO Box 3311, Sydney NSW 2001")
APPROVED = [TAC, OMBUDSMAN, OSHC]

# Authorised contacts by organisation: (organisation name, mailbox, postal address)
SPONSORS = [
    ("Rural Health Workforce Fund", "scholarships@ruralhealthfund.example", "PO Box 221, Wagga Wagga NSW 2650"),
    ("Monaro Power Services", "apprentices@monaropower.example", "14 Sharp Street, Cooma NSW 2630"),
    ("Teach Regional NSW", "sponsored@teachregional.example", "Locked Bag 5, Orange NSW 2800"),
]
AGENTS = [
    ("Pacific Pathways Education", "admissions@pacificpathways.example"),
    ("BrightFuture Study Abroad", "counsellor@brightfuture.example"),
    ("Lotus Education Consultants", "apply@lotusedu.example"),
]
DISABILITY = [
    ("Southern Access Support", "coordinator@southernaccess.example"),
    ("Monaro Ability Partners", "plans@monaroability.example"),
]

PROVIDERS = ["mail.example", "inbox.example", "outlook.example", "bigpond.example"]

GIVEN_F = (
    "Olivia Charlotte Mia Isla Ava Grace Chloe Zoe Ruby Sophie Matilda Harper Evie Lily Ella Amelia Jasmine "
    "Sienna Layla Hannah Georgia Imogen Lucy Maya Aisha Priya Mei Anh Leilani Tahlia Kirra Jade Bronte Eliza"
).split()
GIVEN_M = (
    "Jack Oliver William Noah Thomas Lachlan Henry Ethan Lucas Cooper Harrison Liam Angus Samuel Riley Mason "
    "Hamish Archie Xavier Kai Arjun Minh Wei Tariq Jayden Nathan Ryan Declan Fletcher Bodhi"
).split()
FAMILY = (
    "Nguyen Smith Jones Williams Brown Wilson Taylor Johnson White Martin Anderson Thompson Walker Harris Lee "
    "Ryan Robinson Kelly King Campbell Mitchell Murphy Hughes Cooper Kaur Singh Patel Chen Wang Zhang Tran "
    "Fitzgerald McKenzie Donnelly Gallagher Kowalski Papadopoulos Rossi Bianchi Haddad Nasser Okafor Mensah "
    "Fernando Perera Sato Tanaka Kim Park Byrne Sullivan Doherty Quinlan Whitford Ashby Pemberton Blackwood "
    "Carmody Delaney Ellery Farrington Greaves Hollingsworth Ingram Jarvis Kingsley Lockwood Merriman"
).split()
STREETS = (
    "Wattle Banksia Kurrajong Waratah Grevillea Acacia Bottlebrush Ironbark Stringybark Casuarina Boronia "
    "Correa Lomandra Tea Tree Bluegum Snowgum Ribbongum Mountain Ash Manna Gum Kunzea Hakea Clematis"
).split()
STREET_TYPES = ["Street", "Road", "Avenue", "Close", "Place", "Crescent", "Lane", "Drive", "Parade", "Court"]
TOWNS = [
    ("Goulburn", "2580"),
    ("Crookwell", "2583"),
    ("Marulan", "2579"),
    ("Braidwood", "2622"),
    ("Bungendore", "2621"),
    ("Queanbeyan", "2620"),
    ("Cooma", "2630"),
    ("Jindabyne", "2627"),
    ("Berridale", "2628"),
    ("Bega", "2550"),
    ("Merimbula", "2548"),
    ("Eden", "2551"),
    ("Tathra", "2550"),
    ("Moruya", "2537"),
    ("Narooma", "2546"),
    ("Batemans Bay", "2536"),
    ("Yass", "2582"),
    ("Gunning", "2581"),
    ("Boorowa", "2586"),
    ("Young", "2594"),
    ("Wagga Wagga", "2650"),
    ("Orange", "2800"),
]
# Towns where a suppressed student has moved: not campus towns (a campus town beside her name is its own case)
HIDEAWAY_TOWNS = ["Merimbula", "Tathra", "Narooma", "Berridale", "Braidwood", "Gunning", "Boorowa", "Crookwell"]

COURSES = [
    ("Bachelor of Nursing", "NUR", "Goulburn"),
    ("Bachelor of Engineering (Civil)", "ENG", "Goulburn"),
    ("Bachelor of Education (Primary)", "EDU", "Bega"),
    ("Bachelor of Agricultural Science", "AGS", "Cooma"),
    ("Bachelor of Business", "BUS", "Yass"),
    ("Bachelor of Social Work", "SWK", "Bega"),
    ("Diploma of Outdoor Leadership", "OUT", "Cooma"),
    ("Master of Teaching", "MTC", "Goulburn"),
]
UNITS = {
    "NUR": ["NUR101 Foundations of Nursing", "NUR114 Human Bioscience", "NUR205 Acute Care Practice"],
    "ENG": ["ENG110 Engineering Mathematics", "ENG203 Geotechnics", "ENG231 Hydraulics"],
    "EDU": ["EDU120 Literacy in the Early Years", "EDU215 Numeracy Pedagogy", "EDU301 Professional Experience"],
    "AGS": ["AGS102 Soil Science", "AGS210 Livestock Systems", "AGS305 Farm Business"],
    "BUS": ["BUS101 Accounting Principles", "BUS150 Business Law", "BUS220 Marketing"],
    "SWK": ["SWK110 Social Work Practice", "SWK230 Family Violence and Practice", "SWK301 Field Education"],
    "OUT": ["OUT101 Bushwalking Leadership", "OUT120 Risk Management", "OUT140 Remote First Aid"],
    "MTC": ["MTC501 Curriculum Design", "MTC520 Inclusive Education", "MTC560 Professional Experience"],
}
GRADES = ["HD", "D", "C", "P", "F"]
HALLS = ["Kurrajong Hall", "Snowgum College", "Wollemi House"]
SEMESTER = "Semester 1, 2026"
CENSUS = "31 March 2026"


def tfn(rng: random.Random) -> str:
    """A nine-digit tax file number with a valid check (weights 1 4 3 7 5 8 6 9 10, sum divisible by 11)."""
    weights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        for last in range(10):
            d = digits + [last]
            if d[0] and sum(a * b for a, b in zip(d, weights, strict=True)) % 11 == 0:
                s = "".join(map(str, d))
                return f"{s[:3]} {s[3:6]} {s[6:]}"


def passport(rng: random.Random) -> str:
    return rng.choice("EGPKN") + "".join(str(rng.randint(0, 9)) for _ in range(8))
