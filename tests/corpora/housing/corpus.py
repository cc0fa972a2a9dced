"""The corpus being written: item numbering, labels, twins, and the letter/message content every case uses."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import Letter, eml_bytes, render
from .people import Addr, Client, Registry

ORG_DOMAIN = "bluegumhousing.example"
CONTRACTORS = {
    "fixright-maintenance.example": "FixRight Maintenance Pty Ltd",
    "murrayplumbing.example": "Murray Plumbing & Gas",
    "southernlocks.example": "Southern Locksmiths",
    "ovenselectrical.example": "Ovens Valley Electrical",
}
SA_DOMAIN = "servicesaustralia.gov.example"
VCAT = "vcat.vic.gov.example"
NCAT = "ncat.nsw.gov.example"
APPROVED = [*CONTRACTORS, SA_DOMAIN, VCAT, NCAT]
SAFETY_STAFF = [f"tenancy.safety@{ORG_DOMAIN}", f"privacy@{ORG_DOMAIN}", f"j.okafor@{ORG_DOMAIN}"]
STAFF = ["a.penrose", "t.mcgrath", "s.venkatesh", "d.o'leary", "r.fiorentino"]


def staff(i: int) -> str:
    return f"{STAFF[i % len(STAFF)].replace(chr(39), '')}@{ORG_DOMAIN}"


def name_line(c: Client, v: int = 0) -> str:
    return [f"{c.title} {c.given} {c.family}", f"{c.given[0]} {c.family}", f"{c.given} {c.family}".upper(), c.name][
        v % 4
    ]


def block(c: Client, v: int = 0, addr: Addr | None = None, name: str | None = None) -> list[str]:
    return [name or name_line(c, v), *(addr or c.postal).lines(v % 4)]


def sal(c: Client) -> str:
    return f"{c.title} {c.family}"


def money(rng: random.Random, lo: int = 120, hi: int = 2400) -> str:
    return f"${rng.randint(lo, hi):,}.{rng.randint(0, 99):02d}"


def _ordinal(day: int) -> str:
    return "th" if 10 < day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def dob_text(c: Client, v: int) -> str:
    d = c.dob
    if d is None:
        return ""
    months = "January February March April May June July August September October November December".split()
    forms = [
        f"{d.day} {months[d.month - 1]} {d.year}",
        d.strftime("%d/%m/%Y"),
        f"{d.day}{_ordinal(d.day)} of {months[d.month - 1]}, {d.year}",
        d.isoformat(),
        f"{d.day}.{d.month}.{d.year % 100:02d}" if False else d.strftime("%d-%b-%Y"),
    ]
    return forms[v % len(forms)]


def crn_text(crn: str, v: int) -> str:
    return [crn, f"{crn[:3]} {crn[3:6]} {crn[6:]}"][v % 2]


def ref_text(ref: str, v: int) -> str:
    if v % 3 == 1 and ref.startswith("TEN-"):
        return "TEN " + ref[4:]
    if v % 3 == 2 and ref.startswith("RA"):
        return f"RA {ref[2:5]} {ref[5:]}"
    return ref


class Corpus:
    def __init__(self, out: Path, seed: int, scale: float) -> None:
        self.out = Path(out)
        self.seed = seed
        self.scale = scale
        self.rng = random.Random(seed)
        self.reg = Registry(seed)
        self.labels: list[dict] = []
        self.n = 0
        self.msg = 0
        (self.out / "items").mkdir(parents=True, exist_ok=True)
        (self.out / "runs").mkdir(parents=True, exist_ok=True)

    def reps(self, base: int) -> int:
        return max(1, round(base * self.scale))

    # -- pickers
    def pick(self, pool: list, k: int = 1):
        return self.rng.sample(pool, k) if k > 1 else self.rng.choice(pool)

    def neighbours(self) -> tuple[Client, Client]:
        b = self.rng.choice(self.reg.blocks)
        return tuple(self.rng.sample(b, 2))  # type: ignore[return-value]

    def two_tenants(self) -> tuple[Client, Client]:
        return tuple(self.rng.sample(self.reg.tenants(), 2))  # type: ignore[return-value]

    def victim(self) -> Client:
        return self.rng.choice(self.reg.victims)

    # -- writing
    def eml(self, *args, **kw) -> bytes:
        self.msg += 1
        return eml_bytes(self.msg, *args, **kw)

    def letter_file(self, letter: Letter, fmt: str) -> tuple[str, bytes]:
        return render(letter, fmt)

    def add(
        self, category: str, ext: str, data: bytes, expect: str, rules=None, suppressed=False, note="", **extra
    ) -> dict:
        self.n += 1
        iid = f"H{self.n:04d}"
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        label = {"id": iid, "channel": "scan", "path": path, "category": category}
        if "letters" in extra:
            label["letters"] = extra.pop("letters")
        else:
            label["expect"] = expect
            if expect == "block":
                label["rules"] = list(rules)
                if suppressed:
                    label["suppressed"] = True
        label.update(extra)
        label["note"] = note
        self.labels.append(label)
        return label

    def pair(self, category: str, rules: list[str], make, suppressed: bool = False) -> None:
        """make(bad) -> (ext, data, note). The legitimate twin is written first, then the incident."""
        ext, data, note = make(False)
        good = self.add(category, ext, data, "allow", note=note)
        ext, data, note = make(True)
        bad = self.add(category, ext, data, "block", rules=rules, suppressed=suppressed, note=note)
        good["twin"], bad["twin"] = bad["id"], good["id"]

    def finish(self) -> None:
        with open(self.out / "labels.jsonl", "w", encoding="utf-8") as fh:
            for label in self.labels:
                fh.write(json.dumps(label, sort_keys=False) + "\n")


# ----------------------------------------------------------------------------------------------- letters
def rent_statement(rng, to: Client, about: Client, v: int = 0, addr: Addr | None = None) -> Letter:
    rent = rng.randint(160, 420)
    return Letter(
        to_lines=block(to, v, addr),
        subject=f"Rent statement - {about.prop.inline(v)}",
        refs=[f"Tenancy ref: {ref_text(about.tref, v)}", f"Rent account: {ref_text(about.racct, v)}"],
        paras=[
            f"Dear {sal(to)},",
            "This statement covers 1 December 2025 to 28 February 2026.",
            f"Opening balance {money(rng)}   Rent charged ({rent} per week x 13) ${rent * 13:,}.00   "
            f"Payments received ${rent * 13 - rng.randint(0, 200):,}.00   Closing balance {money(rng, 0, 400)}",
            f"Pay by BPAY (biller code 284613, reference {about.racct}), Centrepay or at any Australia Post outlet.",
            "If you are having trouble paying your rent, please talk to your Tenancy Officer early.",
        ],
    )


def arrears_letter(rng, to: Client, about: Client, v: int = 0, addr: Addr | None = None) -> Letter:
    act = (
        "Residential Tenancies Act 2010 (NSW)" if about.prop.state == "NSW" else "Residential Tenancies Act 1997 (Vic)"
    )
    return Letter(
        to_lines=block(to, v, addr),
        subject=f"Rent arrears - {about.prop.inline(v)}",
        refs=[f"Our ref: {ref_text(about.tref, v)}"],
        paras=[
            f"Dear {sal(to)},",
            f"Our records show that rent account {ref_text(about.racct, v)} is {money(rng, 300, 2900)} in arrears "
            f"as at 27 February 2026.",
            f"Under the {act} we may apply to the tribunal if the arrears are not paid or a payment plan agreed "
            "within 14 days. Please call your Tenancy Officer on 1300 258 486 to arrange a plan.",
            "Financial counselling is free: National Debt Helpline 1800 007 007.",
        ],
    )


def inspection_notice(rng, to: Client, about: Client, v: int = 0, addr: Addr | None = None) -> Letter:
    day = rng.randint(10, 27)
    return Letter(
        to_lines=block(to, v, addr),
        subject="Notice of entry - routine inspection",
        refs=[f"Tenancy: {ref_text(about.tref, v)}"],
        paras=[
            f"Dear {sal(to)},",
            f"We will inspect {about.prop.inline(v)} on {day} March 2026 between 9:00 am and 1:00 pm.",
            "The inspection checks smoke alarms, hot water and general condition. You do not need to be home; "
            "we will use our key if you are out. Please secure pets.",
        ],
    )


def rent_increase(rng, to: Client, about: Client, v: int = 0, addr: Addr | None = None) -> Letter:
    old = rng.randint(150, 380)
    return Letter(
        to_lines=block(to, v, addr),
        subject="Notice of rent increase",
        refs=[f"Tenancy ref: {ref_text(about.tref, v)}"],
        paras=[
            f"Dear {sal(to)},",
            f"Your rent for {about.prop.inline(v)} will change from ${old}.00 to ${old + rng.randint(4, 19)}.00 per "
            "week from 4 May 2026. Your rent stays at no more than 25% of household income plus Commonwealth Rent "
            "Assistance.",
            "If you think the increase is excessive you may ask Consumer Affairs for a rent assessment.",
        ],
    )


LETTERS = [rent_statement, arrears_letter, inspection_notice, rent_increase]
