"""Australian postal addresses: the registry's one-line form and the many ways letters write them."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

STATE_NAMES = {
    "NSW": "New South Wales",
    "VIC": "Victoria",
    "QLD": "Queensland",
    "SA": "South Australia",
    "WA": "Western Australia",
    "TAS": "Tasmania",
    "NT": "Northern Territory",
    "ACT": "Australian Capital Territory",
}

# Real localities with their postcodes; the street names below are invented for each address.
SUBURBS: dict[str, list[tuple[str, str]]] = {
    "NSW": [
        ("Parramatta", "2150"),
        ("Blacktown", "2148"),
        ("Newcastle", "2300"),
        ("Wollongong", "2500"),
        ("Dubbo", "2830"),
        ("Wagga Wagga", "2650"),
        ("Orange", "2800"),
        ("Tamworth", "2340"),
        ("Lismore", "2480"),
        ("Penrith", "2750"),
        ("Liverpool", "2170"),
        ("Bathurst", "2795"),
        ("Goulburn", "2580"),
        ("Coffs Harbour", "2450"),
        ("Albury", "2640"),
        ("Marrickville", "2204"),
        ("Campbelltown", "2560"),
        ("Queanbeyan", "2620"),
        ("Bungendore", "2621"),
        ("Corowa", "2646"),
    ],
    "VIC": [
        ("Bendigo", "3550"),
        ("Ballarat", "3350"),
        ("Geelong", "3220"),
        ("Shepparton", "3630"),
        ("Mildura", "3500"),
        ("Warrnambool", "3280"),
        ("Traralgon", "3844"),
        ("Wodonga", "3690"),
        ("Frankston", "3199"),
        ("Dandenong", "3175"),
        ("Footscray", "3011"),
        ("Sunshine", "3020"),
        ("Box Hill", "3128"),
        ("Horsham", "3400"),
        ("Sale", "3850"),
        ("Brunswick", "3056"),
        ("Yackandandah", "3749"),
        ("Tallangatta", "3700"),
        ("Castlemaine", "3450"),
        ("Colac", "3250"),
    ],
    "QLD": [
        ("Toowoomba", "4350"),
        ("Townsville", "4810"),
        ("Cairns", "4870"),
        ("Rockhampton", "4700"),
        ("Mackay", "4740"),
        ("Bundaberg", "4670"),
        ("Ipswich", "4305"),
        ("Logan Central", "4114"),
        ("Maroochydore", "4558"),
        ("Gympie", "4570"),
        ("Mount Isa", "4825"),
        ("Pialba", "4655"),
        ("Southport", "4215"),
        ("Caboolture", "4510"),
        ("Emerald", "4720"),
        ("Warwick", "4370"),
    ],
    "SA": [
        ("Elizabeth", "5112"),
        ("Mount Gambier", "5290"),
        ("Whyalla", "5600"),
        ("Port Augusta", "5700"),
        ("Murray Bridge", "5253"),
        ("Salisbury", "5108"),
        ("Port Lincoln", "5606"),
        ("Gawler", "5118"),
        ("Mount Barker", "5251"),
        ("Norwood", "5067"),
        ("Glenelg", "5045"),
        ("Naracoorte", "5271"),
    ],
    "WA": [
        ("Bunbury", "6230"),
        ("Geraldton", "6530"),
        ("Kalgoorlie", "6430"),
        ("Albany", "6330"),
        ("Broome", "6725"),
        ("Mandurah", "6210"),
        ("Joondalup", "6027"),
        ("Midland", "6056"),
        ("Karratha", "6714"),
        ("Port Hedland", "6721"),
        ("Fremantle", "6160"),
        ("Armadale", "6112"),
    ],
    "TAS": [
        ("Launceston", "7250"),
        ("Devonport", "7310"),
        ("Burnie", "7320"),
        ("Glenorchy", "7010"),
        ("Kingston", "7050"),
        ("Ulverstone", "7315"),
        ("Sorell", "7172"),
        ("New Norfolk", "7140"),
    ],
    "NT": [
        ("Darwin", "0800"),
        ("Palmerston", "0830"),
        ("Katherine", "0850"),
        ("Alice Springs", "0870"),
        ("Tennant Creek", "0860"),
        ("Nhulunbuy", "0880"),
        ("Casuarina", "0810"),
    ],
    "ACT": [
        ("Belconnen", "2617"),
        ("Kambah", "2902"),
        ("Gungahlin", "2912"),
        ("Braddon", "2612"),
        ("Dickson", "2602"),
        ("Weston", "2611"),
        ("Holt", "2615"),
        ("Calwell", "2905"),
    ],
}
STATE_WEIGHTS = {"NSW": 30, "VIC": 25, "QLD": 18, "WA": 9, "SA": 7, "TAS": 4, "ACT": 4, "NT": 3}

STREET_NAMES = (
    "Wattle",
    "Banksia",
    "Acacia",
    "Jacaranda",
    "Bottlebrush",
    "Kurrajong",
    "Ironbark",
    "Lyrebird",
    "Kookaburra",
    "Station",
    "Railway",
    "Church",
    "High",
    "Victoria",
    "Albert",
    "Mitchell",
    "Murray",
    "Darling",
    "Flinders",
    "Sturt",
    "Hume",
    "Oxley",
    "Macquarie",
    "Gordon",
    "Hopetoun",
    "Currawong",
    "Waratah",
    "Grevillea",
    "Casuarina",
    "Paperbark",
    "Bluegum",
    "Boronia",
    "Melaleuca",
    "Tallowwood",
    "Rosella",
    "Galah",
    "Pelican",
    "Heron",
    "Cockatoo",
    "Orchard",
    "Miller",
    "Anderson",
    "Sullivan",
    "Kingfisher",
    "Federation",
    "Barton",
    "Deakin",
    "Lawson",
    "Paterson",
    "Carrington",
    "Dalgety",
    "Wilkinson",
    "Bradman",
    "Emerald",
    "Goldfields",
    "Sandpiper",
    "Mulga",
    "Coolabah",
    "Ti-Tree",
)
STREET_TYPES = {
    "Street": "St",
    "Road": "Rd",
    "Avenue": "Ave",
    "Court": "Ct",
    "Crescent": "Cres",
    "Drive": "Dr",
    "Place": "Pl",
    "Parade": "Pde",
    "Close": "Cl",
    "Lane": "La",
    "Way": "Wy",
    "Terrace": "Tce",
    "Boulevard": "Bvd",
    "Grove": "Gr",
    "Circuit": "Cct",
    "Highway": "Hwy",
}
TYPE_WEIGHTS = {
    "Street": 30,
    "Road": 14,
    "Avenue": 10,
    "Court": 8,
    "Crescent": 6,
    "Drive": 8,
    "Place": 6,
    "Parade": 3,
    "Close": 4,
    "Lane": 2,
    "Way": 3,
    "Terrace": 3,
    "Boulevard": 1,
    "Grove": 2,
    "Circuit": 2,
    "Highway": 1,
}


@dataclass(frozen=True)
class Address:
    """A postal address. kind: street | unit | pobox | rmb | rural | careof."""

    kind: str
    suburb: str
    state: str
    postcode: str
    number: str = ""
    street: str = ""
    stype: str = "Street"
    unit: str = ""
    box: str = ""  # "PO Box 118", "Locked Bag 7", "RMB 2210"
    careof: str = ""  # "c/- Harlow Legal"
    reg_style: str = "plain"  # how the registry writes it: plain | abbrev | caps | slash

    # --- the pieces -------------------------------------------------------------------------------
    def street_line(self, abbrev: bool = False, unit_style: str = "word") -> str:
        st = STREET_TYPES[self.stype] if abbrev else self.stype
        base = f"{self.number} {self.street} {st}"
        if self.kind == "unit":
            return f"{self.unit}/{base}" if unit_style == "slash" else f"Unit {self.unit}, {base}"
        return base

    def first_lines(self, abbrev: bool = False, unit_style: str = "word", split_unit: bool = False) -> list[str]:
        """Lines above the locality line."""
        lines: list[str] = []
        if self.careof:
            lines.append(self.careof)
        if self.kind in ("pobox", "careof") and self.box:
            lines.append(self.box)
        elif self.kind == "rmb":
            lines.append(self.box)
        elif self.kind == "unit" and split_unit:
            lines += [f"Unit {self.unit}", self.street_line(abbrev).split(", ", 1)[1]]
        else:
            lines.append(self.street_line(abbrev, unit_style))
        return lines

    def locality(self, caps: bool = True, full_state: bool = False) -> str:
        sub = self.suburb.upper() if caps else self.suburb
        state = STATE_NAMES[self.state] if full_state else self.state
        return f"{sub} {state} {self.postcode}"

    # --- the registry's one line ------------------------------------------------------------------
    def registry_line(self) -> str:
        s = self.reg_style
        first = ", ".join(self.first_lines(abbrev=s == "abbrev", unit_style="slash" if s == "slash" else "word"))
        return f"{first}, {self.locality(caps=s == 'caps')}"

    # --- a letter's address block ------------------------------------------------------------------
    def block(self, style: str) -> list[str]:
        """Address lines for a letter in a named style."""
        abbrev = style in ("abbrev", "caps", "postcode-line", "slash", "split-unit-abbrev")
        unit_style = "slash" if style in ("slash", "caps") else "word"
        lines = self.first_lines(abbrev, unit_style, split_unit=style.startswith("split-unit"))
        if style == "postcode-line":
            lines += [f"{self.suburb.upper()} {self.state}", self.postcode]
        elif style == "fullstate":
            lines.append(self.locality(caps=False, full_state=True))
        elif style == "fullstate-caps":
            lines.append(self.locality(caps=True, full_state=True).upper())
        elif style == "mixed":
            lines.append(self.locality(caps=False))
        else:
            lines.append(self.locality(caps=True))
        if style in ("caps", "fullstate-caps"):
            lines = [x.upper() for x in lines]
        return lines

    def one_line(self, abbrev: bool = False) -> str:
        return ", ".join(self.first_lines(abbrev)) + ", " + self.locality(caps=False)

    def is_delivery_point(self) -> bool:
        return self.kind in ("street", "unit", "rural")


BLOCK_STYLES = ("plain", "abbrev", "caps", "postcode-line", "fullstate", "mixed", "slash", "split-unit")


def pick_state(rng: random.Random) -> str:
    states = list(STATE_WEIGHTS)
    return rng.choices(states, weights=[STATE_WEIGHTS[s] for s in states])[0]


def pick_type(rng: random.Random) -> str:
    types = list(TYPE_WEIGHTS)
    return rng.choices(types, weights=[TYPE_WEIGHTS[t] for t in types])[0]


def random_address(rng: random.Random, state: str | None = None, kind: str | None = None) -> Address:
    state = state or pick_state(rng)
    suburb, pc = rng.choice(SUBURBS[state])
    kind = kind or rng.choices(["street", "unit", "pobox", "rmb", "rural"], weights=[64, 20, 9, 3, 4])[0]
    # DESIGN §4 fixes the registry line as "..., Suburb STATE 1234"; full state names appear only in letters
    reg_style = rng.choices(["plain", "abbrev", "caps", "slash"], weights=[66, 20, 7, 7])[0]
    if kind == "pobox":
        return Address("pobox", suburb, state, pc, box=f"PO Box {rng.randrange(10, 2999)}", reg_style=reg_style)
    if kind == "rmb":
        return Address("rmb", suburb, state, pc, box=f"RMB {rng.randrange(1000, 9999)}", reg_style=reg_style)
    if kind == "rural":
        road = rng.choice(["Creek", "Gully", "Range", "Valley", "Plains", "Springs", "Ridge"])
        name = rng.choice(["Wombat", "Dingo", "Emu", "Brolga", "Yabby", "Kangaroo", "Echidna", "Bunyip"])
        return Address(
            "rural",
            suburb,
            state,
            pc,
            number=str(rng.randrange(120, 4800)),
            street=f"{name} {road}",
            stype="Road",
            reg_style=reg_style if reg_style != "slash" else "plain",
        )
    street = rng.choice(STREET_NAMES)
    number = str(rng.randrange(1, 240))
    if rng.random() < 0.06:
        number += rng.choice("AB")
    if kind == "unit":
        return Address(
            "unit",
            suburb,
            state,
            pc,
            number=number,
            street=street,
            stype=pick_type(rng),
            unit=str(rng.randrange(1, 40)),
            reg_style=reg_style,
        )
    return Address(
        "street",
        suburb,
        state,
        pc,
        number=number,
        street=street,
        stype=pick_type(rng),
        reg_style="plain" if reg_style == "slash" else reg_style,
    )


def careof_address(rng: random.Random, firm: str, box: str, suburb: str, state: str, postcode: str) -> Address:
    return Address("careof", suburb, state, postcode, box=box, careof=f"c/- {firm}", reg_style="plain")


def neighbour_of(addr: Address, rng: random.Random, step: int) -> Address:
    """The house two (or four) doors down: same street and suburb, another number."""
    n = int("".join(c for c in addr.number if c.isdigit()) or "10")
    new = max(1, n + step) if n + step > 0 else n + abs(step)
    return replace(addr, number=str(new), unit="" if addr.kind == "street" else addr.unit)


def same_street_elsewhere(addr: Address, rng: random.Random) -> Address:
    """The same number and street in another suburb (often another state)."""
    state = pick_state(rng)
    while True:
        suburb, pc = rng.choice(SUBURBS[state])
        if suburb != addr.suburb:
            return replace(addr, suburb=suburb, state=state, postcode=pc)


def typo(word: str, rng: random.Random) -> str:
    """One-character slip in a name (letters only, never the first letter)."""
    letters = [i for i, c in enumerate(word) if c.isalpha() and i > 0]
    i = rng.choice(letters)
    kind = rng.choice(["swap", "drop", "double", "sub"])
    if kind == "swap" and i + 1 < len(word) and word[i + 1].isalpha():
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    repl = {"a": "e", "e": "a", "i": "y", "o": "u", "u": "o", "y": "i", "r": "t", "n": "m", "m": "n", "l": "ll"}
    c = word[i].lower()
    new = repl.get(c, "e" if c != "e" else "a")
    return word[:i] + new + word[i + 1 :]
