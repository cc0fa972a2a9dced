"""Shared constants and helpers: the organisation, checksums, the item collector."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

ORG = "Ironbark Legal Aid Commission"
DOMAIN = "ironbarklegalaid.example"
ORG_PHONE = "1300 792 118"
ORG_FAX = "(03) 5441 7700"
ORG_ADDR = ["Level 3, 88 Hargreaves Mall", "BENDIGO VIC 3550"]
ORG_PO = "PO Box 1208, Bendigo VIC 3552"
COURT_DOMAINS = ["courts.example.gov.au", "mcv.example.gov.au", "fcfcoa.example.gov.au", "vcat.example.gov.au"]
INTERPRETER_DOMAIN = "ironbarkinterpreters.example"
APPROVED = COURT_DOMAINS + [INTERPRETER_DOMAIN]
FV_STAFF = [f"fv.intake@{DOMAIN}", f"safety.team@{DOMAIN}", f"r.achterberg@{DOMAIN}"]
BASE_DATE = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))

LAWYERS = [
    ("Rosalind Achterberg", "r.achterberg", "Senior Lawyer, Family Violence Unit"),
    ("Tomasz Nowicki", "t.nowicki", "Lawyer, Family Law"),
    ("Aroha Te Rangi", "a.terangi", "Lawyer, Tenancy and Housing"),
    ("Daniel Okonkwo", "d.okonkwo", "Duty Lawyer, Criminal Law"),
    ("Priya Venkataraman", "p.venkataraman", "Lawyer, Fines and Infringements"),
    ("Sinéad Gallagher", "s.gallagher", "Managing Lawyer, Family Law"),
    ("Hamish McTaggart", "h.mctaggart", "Lawyer, Family Violence Unit"),
    ("Mai Linh Tran", "m.tran", "Paralegal, Family Violence Unit"),
]


def abn_valid(digits: str) -> bool:
    w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    d = [int(c) for c in digits]
    d[0] -= 1
    return sum(a * b for a, b in zip(w, d, strict=True)) % 89 == 0


def make_abn() -> str:
    for n in range(51824753000, 51824760000):
        s = str(n)
        if abn_valid(s):
            return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"
    raise RuntimeError("no abn")


ORG_ABN = make_abn()


def tfn_valid(s: str) -> bool:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    return len(s) == 9 and sum(int(a) * b for a, b in zip(s, w, strict=True)) % 11 == 0


def make_tfn(rng: random.Random) -> str:
    while True:
        s = str(rng.randint(100000000, 899999999))
        if tfn_valid(s):
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def make_bad_tfn(rng: random.Random) -> str:
    while True:
        s = str(rng.randint(100000000, 899999999))
        if not tfn_valid(s):
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def medicare_check(first8: str) -> int:
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    return sum(int(a) * b for a, b in zip(first8, w, strict=True)) % 10


def make_medicare(rng: random.Random, valid: bool = True) -> str:
    first8 = str(rng.randint(2, 6)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    check = medicare_check(first8)
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    issue = rng.randint(1, 5)
    s = f"{first8}{check}{issue}"
    return f"{s[:4]} {s[4:9]} {s[9]}"


def signature(lawyer: tuple[str, str, str], html: bool = False) -> str:
    name, user, title = lawyer
    lines = [
        name,
        title,
        ORG,
        f"{ORG_ADDR[0]}, {ORG_ADDR[1].title().replace('Vic', 'VIC')}",
        f"T {ORG_PHONE}  |  {user}@{DOMAIN}",
        f"ABN {ORG_ABN}",
    ]
    if html:
        return "<p style='color:#335'>" + "<br>".join(lines) + "</p>"
    return "\n".join(lines)


@dataclass
class Corpus:
    out: Path
    rng: random.Random
    scale: float
    labels: list[dict] = field(default_factory=list)
    counter: int = 0

    def n(self, base: int) -> int:
        return max(1, round(base * self.scale))

    def next_id(self) -> str:
        self.counter += 1
        return f"L{self.counter:04d}"

    def write(self, ext: str, data: bytes | str, label: dict) -> str:
        iid = self.next_id()
        rel = f"items/{iid}.{ext}"
        p = self.out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        lab = {"id": iid, "channel": "scan", "path": rel}
        lab.update(label)
        self.labels.append(lab)
        return iid

    def pair(
        self,
        category: str,
        ext: str,
        bad: bytes | str,
        good: bytes | str,
        rules: list[str],
        note_bad: str,
        note_good: str,
        suppressed: bool = False,
        good_ext: str | None = None,
    ) -> None:
        """An incident and its legitimate twin, same category and layout."""
        lab_b: dict = {"category": category, "expect": "block", "rules": rules}
        if suppressed:
            lab_b["suppressed"] = True
        lab_b["note"] = note_bad
        b = self.write(ext, bad, lab_b)
        g = self.write(good_ext or ext, good, {"category": category, "expect": "allow", "note": note_good})
        self.by_id(b)["twin"] = g
        self.by_id(g)["twin"] = b

    def allow(self, category: str, ext: str, data: bytes | str, note: str) -> str:
        return self.write(ext, data, {"category": category, "expect": "allow", "note": note})

    def by_id(self, iid: str) -> dict:
        for lab in reversed(self.labels):
            if lab["id"] == iid:
                return lab
        raise KeyError(iid)

    def dump_labels(self, runs: list[dict]) -> None:
        order = [
            "id",
            "channel",
            "path",
            "data",
            "letters",
            "map",
            "category",
            "expect",
            "rules",
            "suppressed",
            "per_letter",
            "run_expect",
            "twin",
            "note",
        ]
        with open(self.out / "labels.jsonl", "w", encoding="utf-8") as f:
            for lab in self.labels + runs:
                d = {k: lab[k] for k in order if k in lab}
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
