"""The practice and everything around it: offices, staff, the outside parties its clients name, and the pools
invented people are drawn from. Everybody is made up; suburbs and postcodes are real places in the Riverina."""

from __future__ import annotations

NAME = "Murray Plains Tax & Bookkeeping Pty Ltd"
SHORT = "Murray Plains Tax"
DOMAIN = "murrayplainstax.example"
BOOKS_DOMAIN = "mpbooks.example"  # the bookkeeping arm, same practice, its own mail domain
PRACTICE_ABN = "51 824 753 556"
TAN = "24681357"  # registered tax agent number, printed on every letter
PORTAL = "https://portal.murrayplainstax.example"

# (office, street address, suburb line, phone); the head office takes the PO box
OFFICES = [
    ("Wagga Wagga", "58 Fitzmaurice Street", "Wagga Wagga NSW 2650", "02 6921 4410"),
    ("Albury", "Level 1, 512 Dean Street", "Albury NSW 2640", "02 6041 7730"),
    ("Griffith", "141 Banna Avenue", "Griffith NSW 2680", "02 6962 3105"),
]
BOOKS_OFFICE = ("Wagga Wagga", "Suite 3, 60 Fitzmaurice Street", "Wagga Wagga NSW 2650", "02 6921 4499")
PO_BOX = "PO Box 1187, Wagga Wagga NSW 2650"
MAIN_PHONE = "1300 658 214"
FAX = "02 6921 4419"

ATO = "ato.example"  # the Australian Taxation Office (approved: an agent discloses to it as a matter of course)
ASIC = "asic.example"  # company officeholder and annual review correspondence
REVENUE = "revenue.nsw.example"  # Revenue NSW: land tax, payroll tax

# staff: (given, family, role, mailbox local part, office)
STAFF = [
    ("Helen", "Quach", "Principal, Registered Tax Agent", "helen.quach", "Wagga Wagga"),
    ("Marcus", "Delaney", "Director", "marcus.delaney", "Albury"),
    ("Priya", "Raman", "Senior Accountant", "priya.raman", "Wagga Wagga"),
    ("Tom", "Okoro", "Accountant", "tom.okoro", "Griffith"),
    ("Bec", "Lindqvist", "Practice Manager & Privacy Officer", "bec.lindqvist", "Wagga Wagga"),
    ("Jarrah", "Fenwick", "Graduate Accountant", "jarrah.fenwick", "Albury"),
    ("Sienna", "Volkov", "Client Services", "sienna.volkov", "Wagga Wagga"),
    ("Dimitri", "Papas", "Accountant", "dimitri.papas", "Griffith"),
]
BOOKS_STAFF = [
    ("Kylie", "Marchetti", "Senior Bookkeeper", "kylie.marchetti"),
    ("Ahmed", "Sayed", "Bookkeeper", "ahmed.sayed"),
    ("Lou", "Tran", "Payroll Officer", "lou.tran"),
]
PRIVACY_MAILBOX = f"privacy@{DOMAIN}"
# the only people who see a protected client's new details: the principal, the privacy officer, the privacy mailbox
CLEARED = [PRIVACY_MAILBOX, f"helen.quach@{DOMAIN}", f"bec.lindqvist@{DOMAIN}"]
ADMIN = f"admin@{DOMAIN}"
NOREPLY = f"noreply@{DOMAIN}"

# outside professionals clients name as authorised contacts: (firm, mailbox domain, contact person, their role)
PLANNERS = [
    ("Riverina Wealth Partners", "riverinawealth.example", "Dean Castellano", "financial planner"),
    ("Hume Financial Advice", "humefa.example", "Carla Moretti", "financial planner"),
    ("Bidgee Super & Retirement", "bidgeesuper.example", "Nathan Oyelaran", "financial planner"),
]
SOLICITORS = [
    ("Okafor Family Law", "okaforfamilylaw.example", "Grace Okafor", "family lawyer"),
    ("Threlfall & Baird Lawyers", "threlfallbaird.example", "Simon Threlfall", "solicitor"),
    ("Murrumbidgee Legal", "mlegal.example", "Anita Singh", "solicitor"),
    ("Lachlan Wills & Estates", "lachlanwills.example", "Rory Gallagher", "solicitor"),
]
BROKERS = [
    ("Southern Cross Home Loans", "schomeloans.example", "Mia Petrakis", "mortgage broker"),
    ("Border Finance Co", "borderfinance.example", "Luke Harrow", "mortgage broker"),
]
BOOKKEEPERS = [  # outside bookkeepers some business clients use instead of ours
    ("Ledger Lane Bookkeeping", "ledgerlane.example", "Tammy Brooks", "bookkeeper"),
    ("Numbers on Murray", "numbersonmurray.example", "Josh Kader", "BAS agent"),
]
AUDITORS = [("SMSF Audit Services", "smsfaudit.example", "Peter Lum", "SMSF auditor")]
# people the practice writes to who are no client's contact: suppliers, a referrer, an IT provider
SUPPLIERS = [
    ("Riverina IT Support", "rivit.example", "Gus Fairweather"),
    ("Wagga Print & Mail", "waggaprint.example", "Dana Shields"),
    ("CPA Australia events", "cpaevents.example", "Events Team"),
    ("Xero Practice Support", "practicesupport.example", "Support"),
]
MAIL_PROVIDERS = ["mailbox.example", "bigpond.example", "outlook.example", "gmail.example", "iinet.example"]

GIVEN_F = """Sarah Michelle Karen Leanne Rebecca Jessica Emma Olivia Chloe Sophie Hannah Kate Amanda Lisa Nicole Tanya
Deborah Julie Melissa Renee Kylie Fiona Carmen Yasmin Mei Thi Ngoc Anh Priyanka Deepa Fatima Aisha Mariana Lucia Rosa
Bronwyn Gail Joan Maureen Dorothy Elaine Shirley Noelene Robyn Cheryl Tahlia Brooke Jade Kirra Ella Ruby Zara""".split()
GIVEN_M = """David Michael Andrew Peter Mark Paul Jason Matthew Daniel Craig Brett Shane Adam Luke Ben Tim Nathan Scott
Glenn Wayne Darren Troy Rohan Anil Vikram Minh Tuan Hung Wei Jian Ahmad Omar Tariq Marco Luca Giuseppe Kevin Colin
Barry Keith Graham Neville Trevor Ross Lachlan Jack Riley Cooper Hamish Angus Fergus""".split()
NICK = {
    "Rebecca": "Bec",
    "Jessica": "Jess",
    "Katherine": "Kate",
    "Michael": "Mick",
    "Andrew": "Andy",
    "Matthew": "Matt",
    "Daniel": "Dan",
    "Benjamin": "Ben",
    "Timothy": "Tim",
    "Nathan": "Nate",
    "Peter": "Pete",
    "Robyn": "Rob",
    "Deborah": "Deb",
    "Bronwyn": "Bron",
    "Christopher": "Chris",
    "Jason": "Jase",
    "Lachlan": "Lachie",
    "Hamish": "Hame",
    "Samantha": "Sam",
    "Melissa": "Mel",
}
FAMILY = """Ashworth Barnett Beaumont Blackwood Bramble Calloway Carrington Cavanagh Chalmers Coldwell Corrigan Crowther
Dalgleish Darcy Dempsey Donnelly Eckersley Fairbairn Fitzgerald Galbraith Gillespie Goodacre Hadley Halloran Hargreaves
Hazelwood Heffernan Holloway Inglis Jarvis Keating Kenworthy Kilpatrick Langford Latimer Lockhart Loveday McAllister
McCorkell Merriman Mulholland Newbold Nightingale Oakley Ormsby Pemberton Penrose Quinlan Radcliffe Rainsford Redmond
Rowntree Sandford Sherwood Shillington Southgate Stanhope Strickland Sutcliffe Tolhurst Treloar Underwood Vickery
Wadsworth Wakefield Whitlock Winterbottom Yardley Zappia Nguyen Tran Pham Le Huynh Vo Chen Wang Zhou Singh Sharma Patel
Kaur Gill Sandhu Rossi Bianchi Greco Marino Costa Papadopoulos Nikolaidis Haddad Khoury Rahman Hussain Okonkwo Mensah
Kowalski Novak Horvat Jovanovic Petrovic Andersen Lindgren Moreau Dubois Fischer Becker""".split()
# (suburb, postcode); every one NSW but Wodonga (VIC). Hay and Yass are short: a word as well as a town
SUBURBS = [
    ("Wagga Wagga", "2650"),
    ("Kooringal", "2650"),
    ("Turvey Park", "2650"),
    ("Lake Albert", "2650"),
    ("Ashmont", "2650"),
    ("Tolland", "2650"),
    ("Estella", "2650"),
    ("Bourkelands", "2650"),
    ("Glenfield Park", "2650"),
    ("Forest Hill", "2651"),
    ("Uranquinty", "2652"),
    ("Junee", "2663"),
    ("Coolamon", "2701"),
    ("Lockhart", "2656"),
    ("Albury", "2640"),
    ("Lavington", "2641"),
    ("Thurgoona", "2640"),
    ("Glenroy", "2640"),
    ("East Albury", "2640"),
    ("Springdale Heights", "2641"),
    ("Corowa", "2646"),
    ("Holbrook", "2644"),
    ("Griffith", "2680"),
    ("Leeton", "2705"),
    ("Yanco", "2703"),
    ("Narrandera", "2700"),
    ("Hanwood", "2680"),
    ("Yenda", "2681"),
    ("Temora", "2666"),
    ("Cootamundra", "2590"),
    ("Tumut", "2720"),
    ("Gundagai", "2722"),
    ("Deniliquin", "2710"),
    ("Hay", "2711"),
    ("Yass", "2582"),
    ("Culcairn", "2660"),
    ("Henty", "2658"),
    ("Ganmain", "2702"),
]
VIC = {"Wodonga": "3690"}
STREETS = """Wattle Banksia Acacia Kurrajong Jacaranda Bottlebrush Ironbark Yarran Willow Boronia Grevillea Coolibah
Myall Currawong Galah Lorikeet Heritage Railway Church Station Mitchell Sturt Hume Murray Lachlan Bland Brunskill
Tarcutta Docker Gurwood Kincaid Peter Edward Travers Macleay Urana Coleman Meurant Bolton Lambert Vincent Beckwith
Hammond Cadell Olympic Dalman Kestrel Plumpton Pearson Thorne Rawlings Darlow Shaw Bellevue Orana Nangus""".split()
STREET_TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Crescent", "Cres"),
    ("Place", "Pl"),
    ("Court", "Ct"),
    ("Drive", "Dr"),
    ("Lane", "La"),
    ("Parade", "Pde"),
    ("Close", "Cl"),
]
BUSINESS_WORDS = """Riverina Murrumbidgee Redgum Kookaburra Saltbush Goldfields Ironbark Sunrise Harvest Bluegum
Wiradjuri Brolga Coolabah Willow Cattle Grain Orchard Citrus Vineyard""".split()
BUSINESS_KINDS = [
    "Earthmoving",
    "Plumbing",
    "Electrical",
    "Cafe",
    "Landscaping",
    "Carpentry",
    "Transport",
    "Hair Studio",
    "Physiotherapy",
    "Agistment",
    "Citrus",
    "Cleaning",
    "Mechanical",
    "Bakery",
]
