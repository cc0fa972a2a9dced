"""Australian places: states, real suburb/postcode pairs, invented street names, and postal addresses
written the ways Australians write them (units, PO Boxes, Locked Bags, RMBs, care-of lines)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

STATE_NAMES: dict[str, str] = {
    "NSW": "New South Wales",
    "VIC": "Victoria",
    "QLD": "Queensland",
    "SA": "South Australia",
    "WA": "Western Australia",
    "TAS": "Tasmania",
    "NT": "Northern Territory",
    "ACT": "Australian Capital Territory",
}

# Real suburb names with their real postcodes (public geography); the streets in them are invented.
SUBURBS: dict[str, list[tuple[str, str]]] = {
    "NSW": [
        ("Parramatta", "2150"),
        ("Blacktown", "2148"),
        ("Wollongong", "2500"),
        ("Newcastle", "2300"),
        ("Dubbo", "2830"),
        ("Wagga Wagga", "2650"),
        ("Tamworth", "2340"),
        ("Liverpool", "2170"),
        ("Penrith", "2750"),
        ("Orange", "2800"),
        ("Lismore", "2480"),
        ("Goulburn", "2580"),
        ("Cabramatta", "2166"),
        ("Bankstown", "2200"),
        ("Albury", "2640"),
        ("Coffs Harbour", "2450"),
    ],
    "VIC": [
        ("Bendigo", "3550"),
        ("Ballarat", "3350"),
        ("Geelong", "3220"),
        ("Shepparton", "3630"),
        ("Warrnambool", "3280"),
        ("Mildura", "3500"),
        ("Traralgon", "3844"),
        ("Dandenong", "3175"),
        ("Footscray", "3011"),
        ("Preston", "3072"),
        ("Frankston", "3199"),
        ("Sunshine", "3020"),
        ("Wodonga", "3690"),
        ("Sale", "3850"),
        ("Horsham", "3400"),
        ("Castlemaine", "3450"),
    ],
    "QLD": [
        ("Toowoomba", "4350"),
        ("Townsville", "4810"),
        ("Cairns", "4870"),
        ("Ipswich", "4305"),
        ("Logan Central", "4114"),
        ("Rockhampton", "4700"),
        ("Mackay", "4740"),
        ("Bundaberg", "4670"),
        ("Southport", "4215"),
        ("Maroochydore", "4558"),
        ("Hervey Bay", "4655"),
        ("Gladstone", "4680"),
    ],
    "SA": [
        ("Mount Gambier", "5290"),
        ("Whyalla", "5600"),
        ("Port Augusta", "5700"),
        ("Murray Bridge", "5253"),
        ("Elizabeth", "5112"),
        ("Salisbury", "5108"),
        ("Glenelg", "5045"),
        ("Port Lincoln", "5606"),
        ("Victor Harbor", "5211"),
        ("Gawler", "5118"),
    ],
    "WA": [
        ("Bunbury", "6230"),
        ("Geraldton", "6530"),
        ("Kalgoorlie", "6430"),
        ("Albany", "6330"),
        ("Fremantle", "6160"),
        ("Joondalup", "6027"),
        ("Mandurah", "6210"),
        ("Broome", "6725"),
        ("Midland", "6056"),
        ("Rockingham", "6168"),
    ],
    "TAS": [
        ("Launceston", "7250"),
        ("Devonport", "7310"),
        ("Burnie", "7320"),
        ("Hobart", "7000"),
        ("Kingston", "7050"),
        ("Glenorchy", "7010"),
        ("Ulverstone", "7315"),
        ("New Norfolk", "7140"),
    ],
    "NT": [
        ("Darwin", "0800"),
        ("Palmerston", "0830"),
        ("Alice Springs", "0870"),
        ("Katherine", "0850"),
        ("Casuarina", "0810"),
        ("Tennant Creek", "0860"),
    ],
    "ACT": [
        ("Belconnen", "2617"),
        ("Kambah", "2902"),
        ("Gungahlin", "2912"),
        ("Phillip", "2606"),
        ("Braddon", "2612"),
        ("Kingston", "2604"),
        ("Weston", "2611"),
        ("Wanniassa", "2903"),
    ],
}
# Most of the retailer's customers are in the eastern states; every state is present.
STATE_WEIGHTS: dict[str, int] = {"VIC": 30, "NSW": 25, "QLD": 16, "SA": 8, "WA": 8, "TAS": 5, "ACT": 4, "NT": 4}

STREET_NAMES = [
    "Wattle",
    "Banksia",
    "Grevillea",
    "Acacia",
    "Bottlebrush",
    "Jacaranda",
    "Ironbark",
    "Coolabah",
    "Kurrajong",
    "Boronia",
    "Waratah",
    "Casuarina",
    "Melaleuca",
    "Hakea",
    "Correa",
    "Bluegum",
    "Currawong",
    "Kookaburra",
    "Lorikeet",
    "Rosella",
    "Station",
    "Church",
    "Victoria",
    "Albert",
    "King",
    "Queen",
    "George",
    "Murray",
    "Darling",
    "Flinders",
    "Sturt",
    "Hume",
    "Lachlan",
    "Macquarie",
    "Bellbird",
    "Tuart",
    "Jarrah",
    "Karri",
    "Marri",
    "Myrtle",
    "Lilly Pilly",
    "Paperbark",
    "Saltbush",
    "Spinifex",
    "Mulga",
    "Gidgee",
    "Brolga",
    "Jabiru",
    "Galah",
    "Magpie",
    "Pelican",
    "Heron",
    "Ibis",
    "Emu",
    "Dingo",
    "Possum",
    "Wombat",
    "Koala",
    "O'Connell",
    "St Kilda",
    "Mount Pleasant",
    "Hill",
    "Park",
    "Lake",
    "River",
    "Creek",
    "Ridge",
    "Valley",
    "Bay View",
    "Ocean",
    "Harbour",
    "Jetty",
    "Railway",
    "Mill",
    "Bridge",
    "Market",
    "Mitchell",
    "Hovell",
]
STREET_TYPES: dict[str, str] = {
    "Street": "St",
    "Road": "Rd",
    "Avenue": "Ave",
    "Court": "Ct",
    "Crescent": "Cres",
    "Place": "Pl",
    "Drive": "Dr",
    "Parade": "Pde",
    "Close": "Cl",
    "Terrace": "Tce",
    "Way": "Way",
    "Boulevard": "Bvd",
    "Circuit": "Cct",
    "Grove": "Gr",
    "Highway": "Hwy",
    "Lane": "Lane",
    "Esplanade": "Esp",
}
_TYPE_WEIGHTS = [30, 20, 12, 8, 6, 6, 8, 3, 4, 3, 2, 1, 2, 2, 1, 2, 1]


@dataclass(frozen=True)
class Address:
    """A postal (or supply) address. ``kind`` is street, pobox, lockedbag or rmb."""

    kind: str
    suburb: str
    state: str
    postcode: str
    number: str = ""
    unit: str = ""
    street: str = ""
    stype: str = ""
    box: str = ""
    careof: str = ""

    # -- one-line forms -----------------------------------------------------------------------------
    def street_line(self, abbrev: bool = False, unit_style: str = "slash") -> str:
        if self.kind == "pobox":
            return f"PO Box {self.box}"
        if self.kind == "lockedbag":
            return f"Locked Bag {self.box}"
        stype = STREET_TYPES.get(self.stype, self.stype) if abbrev else self.stype
        street = f"{self.number} {self.street} {stype}"
        if self.kind == "rmb":
            return f"RMB {self.box} {self.street} {stype}" if self.street else f"RMB {self.box}"
        if self.unit:
            if unit_style == "slash":
                return f"{self.unit}/{street}"
            if unit_style == "unit-line":  # caller splits on the comma into two lines
                return f"Unit {self.unit}, {street}"
            return f"Unit {self.unit}, {street}"
        return street

    def locality(self, state_full: bool = False, caps: bool = True) -> str:
        suburb = self.suburb.upper() if caps else self.suburb
        state = STATE_NAMES[self.state] if state_full else self.state
        return f"{suburb} {state} {self.postcode}"

    def one_line(self, abbrev: bool = False, unit_style: str = "slash") -> str:
        parts = [self.careof] if self.careof else []
        parts.append(self.street_line(abbrev, unit_style))
        parts.append(f"{self.suburb} {self.state} {self.postcode}")
        return ", ".join(parts)

    # -- address block lines ------------------------------------------------------------------------
    def block_lines(
        self,
        *,
        abbrev: bool = True,
        unit_style: str = "slash",
        caps: bool = False,
        state_full: bool = False,
        postcode_own_line: bool = False,
        suburb_caps: bool = True,
    ) -> list[str]:
        lines: list[str] = []
        if self.careof:
            lines.append(self.careof)
        street = self.street_line(abbrev, unit_style)
        if unit_style == "unit-line" and self.unit and self.kind == "street":
            lines.extend(s.strip() for s in street.split(","))
        else:
            lines.append(street)
        suburb = self.suburb.upper() if (suburb_caps or caps) else self.suburb
        state = STATE_NAMES[self.state] if state_full else self.state
        if postcode_own_line:
            lines.append(f"{suburb} {state}")
            lines.append(self.postcode)
        else:
            lines.append(f"{suburb} {state} {self.postcode}")
        return [s.upper() for s in lines] if caps else lines

    def with_number(self, number: str) -> Address:
        return replace(self, number=number, unit="")


def pick_locality(rng: random.Random, state: str | None = None) -> tuple[str, str, str]:
    if state is None:
        state = rng.choices(list(STATE_WEIGHTS), weights=list(STATE_WEIGHTS.values()))[0]
    suburb, postcode = rng.choice(SUBURBS[state])
    return suburb, state, postcode


def street_address(rng: random.Random, state: str | None = None, unit_rate: float = 0.18) -> Address:
    suburb, state, postcode = pick_locality(rng, state)
    stype = rng.choices(list(STREET_TYPES), weights=_TYPE_WEIGHTS)[0]
    number = str(rng.choice([rng.randint(1, 60), rng.randint(1, 250)]))
    if rng.random() < 0.04:
        number += rng.choice("AB")
    unit = str(rng.randint(1, 24)) if rng.random() < unit_rate else ""
    return Address(
        "street", suburb, state, postcode, number=number, unit=unit, street=rng.choice(STREET_NAMES), stype=stype
    )


def box_address(rng: random.Random, kind: str = "pobox", state: str | None = None, careof: str = "") -> Address:
    suburb, state, postcode = pick_locality(rng, state)
    box = str(rng.randint(1, 9999)) if kind == "pobox" else str(rng.randint(1, 120) * 10 + rng.randint(0, 9))
    return Address(kind, suburb, state, postcode, box=box, careof=careof)


def rmb_address(rng: random.Random) -> Address:
    suburb, state, postcode = pick_locality(rng, rng.choice(["VIC", "NSW", "QLD", "SA", "WA", "NT"]))
    street = rng.choice(["Kurrajong", "Saltbush", "Mulga", "Ironbark", "Gidgee", ""])
    return Address(
        "rmb", suburb, state, postcode, box=str(rng.randint(100, 4999)), street=street, stype="Road" if street else ""
    )


def typo(word: str, rng: random.Random) -> str:
    """One-character slip (substitution, deletion or doubling) inside a word, never its first letter."""
    if len(word) < 4:
        return word + word[-1]
    i = rng.randint(1, len(word) - 2)
    op = rng.choice(["sub", "del", "dup"])
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "dup":
        return word[:i] + word[i] + word[i:]
    neighbours = {"a": "s", "e": "r", "i": "o", "o": "i", "n": "m", "m": "n", "r": "t", "l": "k", "s": "a", "t": "r"}
    c = word[i]
    new = neighbours.get(c.lower(), "e" if c.lower() != "e" else "a")
    return word[:i] + (new.upper() if c.isupper() else new) + word[i + 1 :]
