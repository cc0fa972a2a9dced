"""Australian places and the many ways an address is written on letters and forms."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

STATES_FULL = {
    "NSW": "New South Wales",
    "VIC": "Victoria",
    "QLD": "Queensland",
    "SA": "South Australia",
    "WA": "Western Australia",
    "TAS": "Tasmania",
    "NT": "Northern Territory",
    "ACT": "Australian Capital Territory",
}

# (suburb or town, postcode) per state; weights follow where social housing clients live, not population.
SUBURBS: dict[str, list[tuple[str, str]]] = {
    "NSW": [
        ("Dubbo", "2830"),
        ("Wagga Wagga", "2650"),
        ("Blacktown", "2148"),
        ("Liverpool", "2170"),
        ("Mount Druitt", "2770"),
        ("Tamworth", "2340"),
        ("Lismore", "2480"),
        ("Orange", "2800"),
        ("Campbelltown", "2560"),
        ("Nowra", "2541"),
        ("Kempsey", "2440"),
        ("Broken Hill", "2880"),
    ],
    "VIC": [
        ("Bendigo", "3550"),
        ("Shepparton", "3630"),
        ("Frankston", "3199"),
        ("Broadmeadows", "3047"),
        ("Sunshine", "3020"),
        ("Morwell", "3840"),
        ("Ballarat", "3350"),
        ("Mildura", "3500"),
        ("Sunbury", "3429"),
        ("Ararat", "3377"),
        ("Dandenong", "3175"),
        ("Warrnambool", "3280"),
    ],
    "QLD": [
        ("Logan Central", "4114"),
        ("Ipswich", "4305"),
        ("Townsville", "4810"),
        ("Cairns", "4870"),
        ("Rockhampton", "4700"),
        ("Toowoomba", "4350"),
        ("Mackay", "4740"),
        ("Inala", "4077"),
        ("Bundaberg", "4670"),
        ("Caboolture", "4510"),
    ],
    "SA": [
        ("Elizabeth", "5112"),
        ("Port Augusta", "5700"),
        ("Mount Gambier", "5290"),
        ("Salisbury", "5108"),
        ("Whyalla", "5600"),
        ("Murray Bridge", "5253"),
        ("Port Adelaide", "5015"),
        ("Davoren Park", "5113"),
    ],
    "WA": [
        ("Armadale", "6112"),
        ("Mandurah", "6210"),
        ("Geraldton", "6530"),
        ("Kalgoorlie", "6430"),
        ("Midland", "6056"),
        ("Bunbury", "6230"),
        ("Rockingham", "6168"),
        ("Port Hedland", "6721"),
    ],
    "TAS": [
        ("Bridgewater", "7030"),
        ("Launceston", "7250"),
        ("Devonport", "7310"),
        ("Burnie", "7320"),
        ("Glenorchy", "7010"),
        ("Rokeby", "7019"),
    ],
    "NT": [
        ("Katherine", "0850"),
        ("Palmerston", "0830"),
        ("Alice Springs", "0870"),
        ("Tennant Creek", "0860"),
        ("Casuarina", "0810"),
        ("Nhulunbuy", "0880"),
    ],
    "ACT": [
        ("Belconnen", "2617"),
        ("Kambah", "2902"),
        ("Charnwood", "2615"),
        ("Ainslie", "2602"),
        ("Narrabundah", "2604"),
        ("Greenway", "2900"),
    ],
}
STATE_WEIGHTS = {"NSW": 26, "VIC": 30, "QLD": 16, "SA": 8, "WA": 8, "TAS": 5, "NT": 4, "ACT": 3}

RURAL: dict[str, list[tuple[str, str, str]]] = {  # (town, postcode, road)
    "NSW": [("Coonamble", "2829", "Castlereagh Highway"), ("Gundagai", "2722", "Nangus Road")],
    "VIC": [("Tangambalanga", "3691", "Kiewa Valley Highway"), ("Kerang", "3579", "Murrabit Road")],
    "QLD": [
        ("Kingaroy", "4610", "Memerambi Gordonbrook Road"),
        ("Charters Towers", "4820", "Gregory Developmental Road"),
    ],
    "SA": [("Clare", "5453", "Spring Gully Road")],
    "WA": [("Northam", "6401", "Great Eastern Highway")],
    "TAS": [("Scottsdale", "7260", "Tasman Highway")],
    "NT": [("Batchelor", "0845", "Litchfield Park Road")],
    "ACT": [("Hall", "2618", "Gladstone Street")],
}

STREET_NAMES = [
    "Banksia",
    "Wattle",
    "Acacia",
    "Grevillea",
    "Boronia",
    "Waratah",
    "Station",
    "Church",
    "Victoria",
    "Hope",
    "Murray",
    "Mitchell",
    "Bligh",
    "Flinders",
    "Elizabeth",
    "George",
    "Albert",
    "Queen",
    "King",
    "Railway",
    "Hawthorn",
    "Kurrajong",
    "Jacaranda",
    "Bottlebrush",
    "Ironbark",
    "Coolabah",
    "Lilly Pilly",
    "Melaleuca",
    "Heritage",
    "Endeavour",
    "Cook",
    "Macquarie",
    "Lachlan",
    "Darling",
    "Sturt",
    "Hume",
    "Eyre",
    "Forrest",
    "Peel",
    "Cadell",
    "Parkes",
    "Barton",
    "Deakin",
    "Chifley",
    "Lyons",
    "Curtin",
    "Menzies",
    "Holt",
]
STREET_TYPES = {  # full: common abbreviations people write
    "Street": ["St", "St."],
    "Road": ["Rd", "Rd."],
    "Avenue": ["Ave", "Av"],
    "Parade": ["Pde"],
    "Crescent": ["Cres", "Cr"],
    "Court": ["Ct"],
    "Place": ["Pl"],
    "Drive": ["Dr", "Dve"],
    "Close": ["Cl"],
    "Terrace": ["Tce"],
    "Lane": ["La", "Ln"],
    "Way": ["Wy"],
    "Circuit": ["Cct"],
    "Highway": ["Hwy"],
    "Grove": ["Gr", "Gve"],
    "Boulevard": ["Blvd"],
}
COMMON_TYPES = (
    ["Street"] * 8
    + ["Road"] * 3
    + ["Avenue"] * 2
    + ["Parade", "Crescent", "Court", "Place", "Drive", "Close", "Terrace", "Grove"]
)


@dataclass(frozen=True)
class Address:
    """A postal address; `unit` set for units and flats, `po_box` for post office boxes."""

    number: str
    street: str
    stype: str
    suburb: str
    state: str
    postcode: str
    unit: str = ""
    unit_word: str = "Unit"  # "Unit", "Flat", "Apartment"
    po_box: str = ""  # "PO Box 412" or "Locked Bag 7"

    # The registry's one-line form (DESIGN §4).
    def one_line(self) -> str:
        return f"{self.street_line()}, {self.suburb} {self.state} {self.postcode}"

    def street_line(self, *, abbrev: bool = False, unit_style: str = "word", caps: bool = False) -> str:
        if self.po_box:
            text = self.po_box
        else:
            stype = STREET_TYPES[self.stype][0] if abbrev else self.stype
            street = f"{self.number} {self.street} {stype}"
            if self.unit:
                if unit_style == "slash":
                    street = f"{self.unit}/{street}"
                elif unit_style == "unit-slash":
                    street = f"{self.unit_word} {self.unit}/{street}"
                elif unit_style == "flat":
                    street = f"Flat {self.unit}, {street}"
                else:
                    street = f"{self.unit_word} {self.unit}, {street}"
            text = street
        return text.upper() if caps else text

    def locality(self, *, full_state: bool = False, caps: bool = False, sep: str = " ") -> str:
        state = STATES_FULL[self.state] if full_state else self.state
        suburb = self.suburb.upper() if caps else self.suburb
        if caps:
            state = state.upper()
        return f"{suburb}{sep}{state}{sep}{self.postcode}"

    def written(self, rng: random.Random) -> list[str]:
        """Two lines as a person or a template would write them (abbreviations, units, caps)."""
        caps = rng.random() < 0.3
        line1 = self.street_line(
            abbrev=rng.random() < 0.55, unit_style=rng.choice(["word", "slash", "unit-slash", "flat"]), caps=caps
        )
        line2 = self.locality(
            full_state=rng.random() < 0.15, caps=caps or rng.random() < 0.4, sep=rng.choice([" ", " ", "  "])
        )
        return [line1, line2]

    def with_unit(self, unit: str) -> Address:
        return replace(self, unit=unit)


def random_street(rng: random.Random, exclude: set[str] | None = None) -> tuple[str, str]:
    while True:
        name = rng.choice(STREET_NAMES)
        if not exclude or name not in exclude:
            return name, rng.choice(COMMON_TYPES)


def random_address(rng: random.Random, state: str | None = None, *, kind: str | None = None) -> Address:
    state = state or rng.choices(list(STATE_WEIGHTS), weights=list(STATE_WEIGHTS.values()))[0]
    kind = kind or rng.choices(["house", "unit", "po", "rural"], weights=[45, 38, 7, 10])[0]
    if kind == "rural":
        town, postcode, road = rng.choice(RURAL[state])
        stype = road.rsplit(" ", 1)[1]
        return Address(str(rng.randint(120, 4890)), road.rsplit(" ", 1)[0], stype, town, state, postcode)
    suburb, postcode = rng.choice(SUBURBS[state])
    if kind == "po":
        box = f"PO Box {rng.randint(12, 2999)}" if rng.random() < 0.9 else f"Locked Bag {rng.randint(2, 60)}"
        return Address("", "", "", suburb, state, postcode, po_box=box)
    street, stype = random_street(rng)
    number = str(rng.randint(1, 240))
    if kind == "unit":
        word = rng.choice(["Unit", "Unit", "Unit", "Flat", "Apartment"])
        return Address(number, street, stype, suburb, state, postcode, unit=str(rng.randint(1, 24)), unit_word=word)
    return Address(number, street, stype, suburb, state, postcode)


def other_suburb(rng: random.Random, addr: Address) -> tuple[str, str]:
    """Another suburb of the same state, for 'the same street in another suburb'."""
    choices = [s for s in SUBURBS[addr.state] if s[0] != addr.suburb]
    return rng.choice(choices)
