"""The bank, its branches, the outside parties it deals with, and the pools invented people are drawn from.

Coral Coast Mutual Bank is an invented customer-owned bank in North Queensland. Nobody here is a real person.
"""

from __future__ import annotations

ORG = "Coral Coast Mutual Bank Ltd"
SHORT = "Coral Coast Mutual"
DOMAIN = "coralcoastmutual.example"
ABN = "ABN 41 087 651 902  AFSL and Australian Credit Licence 239771"
PHONE = "1300 467 302"
HARDSHIP_PHONE = "1800 610 455"
HEAD_PHONE = "07 4771 2200"
FAX = "07 4771 2299"
POSTAL = "PO Box 1840, Townsville QLD 4810"
HEAD_OFFICE = "118 Denham Street, Townsville QLD 4810"

# (branch, street address, phone)
BRANCHES = [
    ("Townsville", "118 Denham Street, Townsville QLD 4810", "07 4771 2200"),
    ("Aitkenvale", "Shop 7, 310 Ross River Road, Aitkenvale QLD 4814", "07 4779 0811"),
    ("Cairns", "64 Lake Street, Cairns City QLD 4870", "07 4051 3390"),
    ("Mackay", "21 Victoria Street, Mackay QLD 4740", "07 4957 6120"),
    ("Ayr", "133 Queen Street, Ayr QLD 4807", "07 4783 1405"),
    ("Ingham", "52 Lannercost Street, Ingham QLD 4850", "07 4776 2318"),
    ("Bowen", "37 Herbert Street, Bowen QLD 4805", "07 4786 1270"),
    ("Innisfail", "18 Edith Street, Innisfail QLD 4860", "07 4061 4477"),
]
CLOSING = "Ingham"
MERGED_INTO = "Townsville"

AFCA_DOMAIN = "afca.example"
AFCA = ("Australian Financial Complaints Authority", "GPO Box 3", "Melbourne VIC 3001")
AFCA_CASE_PREFIX = "AFCA case "

# Authorised contacts the bank records on members' files.
BROKERS = [
    ("Reef Coast Finance Brokers", "Dylan Maroney", "loans@reefcoastfinance.example"),
    ("Tropic Home Loans", "Sione Fa'atau", "sione@tropichomeloans.example"),
    ("Burdekin Mortgage Choice", "Karyn Ebdon", "applications@burdekinmortgages.example"),
]
ACCOUNTANTS = [
    ("Palmer Street Accountants", "admin@palmerstaccountants.example"),
    ("Whitsunday Tax & Business", "tax@whitsundaytax.example"),
]
CONVEYANCERS = [
    ("Strand Conveyancing", "settlements@strandconveyancing.example"),
    ("Pioneer Valley Legal", "property@pioneervalleylegal.example"),
]
COUNSELLING = ("North Queensland Financial Counselling Service", "casework@nqfcs.example")
POA_SOLICITOR = ("Hallorans Lawyers", "estates@halloranslawyers.example")

# Staff: (name, address, role). The safe banking team sees suppressed details; others do not.
STAFF = [
    ("Mereana Hohaia", "m.hohaia@" + DOMAIN, "Safe Banking Specialist"),
    ("Tobias Lindqvist", "t.lindqvist@" + DOMAIN, "Safe Banking Team Leader"),
    ("Priya Raghunathan", "p.raghunathan@" + DOMAIN, "Collections Officer"),
    ("Callum Buckridge", "c.buckridge@" + DOMAIN, "Lending Specialist"),
    ("Ngaire Tofts", "n.tofts@" + DOMAIN, "Member Service Officer"),
    ("Dominic Aquino", "d.aquino@" + DOMAIN, "Financial Hardship Officer"),
    ("Shauna Pellow", "s.pellow@" + DOMAIN, "Complaints and Dispute Resolution"),
    ("Hamish Yeoh", "h.yeoh@" + DOMAIN, "Branch Manager"),
]
SAFE_TEAM = "safebanking@" + DOMAIN
SUPPRESSED_STAFF = [SAFE_TEAM, STAFF[0][1], STAFF[1][1]]
COLLECTIONS = "collections@" + DOMAIN
HARDSHIP = "hardship@" + DOMAIN
NOREPLY = "estatements@" + DOMAIN
MEMBERS_MAILBOX = "members@" + DOMAIN
COMPLAINTS = "complaints@" + DOMAIN


def own_details() -> list[str]:
    out = [PHONE, HARDSHIP_PHONE, HEAD_PHONE, FAX, POSTAL]
    for _, addr, phone in BRANCHES:
        out += [x for x in (addr, phone) if x not in out]
    return out


FEMALE = """Leanne Kirsty Tamsin Bronwyn Shonelle Aroha Mei Ling Sakura Priscilla Joelene Marnie Kylie Tegan Rochelle
Danielle Simone Narelle Janelle Corinne Felicity Imogen Harriet Ruby Matilda Georgia Chanel Leilani Moana Talia
Anjali Deepika Rosalind Margot Yvette Colleen Dianne Glenys Beverley Noelene Coralie Jacinta Bree Kiara Tahlia
Nerida Odette Rhiannon Sinead Wilhelmina Zoe Ilse Grete Anouk Esperanza Lucia Thi Hoa Ngoc Mai Fatima""".split()
MALE = """Brendan Craig Darren Wayne Troy Shane Kieran Liam Declan Rhys Ewan Angus Lachlan Fletcher Harrison Jarrah
Koa Manaia Sefo Tevita Rajesh Vikram Anh Duc Minh Hiroshi Kenji Stavros Nikos Giuseppe Marco Aldo Bartholomew
Clifford Desmond Errol Graeme Lindsay Murray Neville Rodney Stuart Warwick Wes Zane Hamish Isaac Jethro Brodie
Caleb Dougal Ferris Gideon Horace Ignatius Jasper Leopold Mortimer Oswald Percival""".split()
FAMILY = """Ashcombe Brindabella Cardwell Dunstan Eckersley Fairbrother Gallagher Harrower Illingworth Jardine
Kettering Lockyer Mallory Nankervis Ormsby Pascoe Quinlivan Rosewarne Sandilands Trevorrow Uppington Vellacott
Wakefield Yardley Zammit Abernethy Bellchambers Coghlan Dalziel Eggleston Fogarty Gurney Hollingworth Inglis
Jolliffe Kilpatrick Loveday Macpherson Nettleton Oakeshott Penhaligon Quartermaine Roxburgh Scanlan Tregenza
Underwood Vasquez Whitfield Xuereb Yeomans Zielinski Tuilagi Faleolo Nguyen-Tran Takahashi Papadakis Castellano
Ramaswamy Okonkwo Haddad Kowalczyk Lindgren Brannigan Carmody Dempsey Esterhuizen Fitzsimmons Gatenby Hartigan
Iredale Jeffcott Kinsella Larkworthy Mulcahy Newbold Oldfield Pendergast Rutherglen Stansmore Tillotson
Vandenberg Wetherall Ackland Beaumont Coverdale Drummond Everingham Fennessy Greatorex Hillier""".split()

# (suburb, postcode). Victims' new homes and everybody else's come from the same towns.
SUBURBS = [
    ("Aitkenvale", "4814"),
    ("Kirwan", "4817"),
    ("Douglas", "4814"),
    ("Mundingburra", "4812"),
    ("Hermit Park", "4812"),
    ("North Ward", "4810"),
    ("Annandale", "4814"),
    ("Condon", "4815"),
    ("Deeragun", "4818"),
    ("Bushland Beach", "4818"),
    ("Edge Hill", "4870"),
    ("Manunda", "4870"),
    ("Earlville", "4870"),
    ("Smithfield", "4878"),
    ("Gordonvale", "4865"),
    ("Edmonton", "4869"),
    ("Redlynch", "4870"),
    ("Andergrove", "4740"),
    ("North Mackay", "4740"),
    ("Slade Point", "4740"),
    ("Walkerston", "4751"),
    ("Sarina", "4737"),
    ("Home Hill", "4806"),
    ("Tully", "4854"),
    ("Proserpine", "4800"),
    ("Cannonvale", "4802"),
    ("Charters Towers", "4820"),
    ("Rasmussen", "4815"),
    ("Kelso", "4815"),
    ("Gulliver", "4812"),
    ("Currajong", "4812"),
    ("Cranbrook", "4814"),
]
BRANCH_TOWNS = [("Ayr", "4807"), ("Ingham", "4850"), ("Bowen", "4805"), ("Innisfail", "4860")]
STREETS = """Poinciana Frangipani Tamarind Cassowary Melaleuca Pandanus Bougainvillea Jabiru Brolga Kookaburra
Casuarina Hibiscus Mangrove Sandpiper Curlew Barramundi Coral Trout Paperbark Bottlebrush Kurrajong Leichhardt
Burdekin Herbert Mulgrave Tableland Jacaranda Mahogany Ironbark Bloodwood Quandong Lillypilly Macadamia
Avocado Lychee Rambutan Mangosteen Carambola Sugarcane Bananabender Seabreeze Trade Wind Monsoon Cyclone Reef""".split()
STREET_TYPES = [
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Court", "Ct"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Close", "Cl"),
    ("Parade", "Pde"),
    ("Place", "Pl"),
]
MAIL_PROVIDERS = ["reefmail.example", "tropicnet.example", "bigmail.example", "outbackpost.example"]

# Merchants in statements: localities no member's suppressed address is in.
MERCHANTS = [
    "EFTPOS WOOLWORTHS TOWNSVILLE",
    "EFTPOS BUNNINGS GARBUTT",
    "EFTPOS COLES CAIRNS CENTRAL",
    "VISA PURCHASE KMART MACKAY",
    "BPAY ERGON ENERGY",
    "BPAY TELSTRA",
    "DIRECT DEBIT RACQ INSURANCE",
    "EFTPOS CHEMIST WAREHOUSE CBD",
    "VISA PURCHASE AMPOL THURINGOWA",
    "BPAY TOWNSVILLE CITY COUNCIL RATES",
    "EFTPOS IGA STRAND",
    "VISA PURCHASE NETFLIX.COM",
    "ATM WITHDRAWAL FLINDERS ST",
]
CREDITS = [
    "SALARY QLD HEALTH",
    "SALARY SUGAR MILL PAYROLL",
    "CENTRELINK FAMILY TAX BEN",
    "INTEREST",
    "TRANSFER FROM SAVINGS",
    "SALARY NQ PORTS",
    "ATO REFUND",
]
