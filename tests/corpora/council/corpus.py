"""The output tree and its labels: items, twins, runs."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import Letter, eml_bytes, letter_bytes
from .people import DOMAIN, Client, Registry

STAFF = {
    "rates": f"Revenue Services <rates@{DOMAIN}>",
    "planning": f"Statutory Planning <planning@{DOMAIN}>",
    "locallaws": f"Local Laws <locallaws@{DOMAIN}>",
    "homecare": f"Aged and Disability Services <homecare@{DOMAIN}>",
    "comms": f"Wirrabara Shire Council <news@{DOMAIN}>",
    "kim": f"Kim Tran <k.tran@{DOMAIN}>",
    "rob": f"Robert O'Loughlin <r.oloughlin@{DOMAIN}>",
    "ana": f"Ana Petrović <a.petrovic@{DOMAIN}>",
}
PRIVACY_STAFF = [f"privacy@{DOMAIN}", f"s.haddad@{DOMAIN}", f"revenue.team.leader@{DOMAIN}"]
WORKS = f"works.depot@{DOMAIN}"
CUSTOMER = f"customer.service@{DOMAIN}"
AGENCY = "referrals@mercantile-recoveries.com.example"
SRO = "landtax.enquiries@sro.vic.gov.example"
VG = "supplementary@valuergeneral.vic.gov.example"
APPROVED = ["mercantile-recoveries.com.example", "sro.vic.gov.example", "valuergeneral.vic.gov.example"]


class Corpus:
    def __init__(self, out: Path, reg: Registry, rng: random.Random) -> None:
        self.out = out
        self.reg = reg
        self.r = rng
        self.labels: list[dict] = []
        self.n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    # ---- writing ------------------------------------------------------------------------------------
    def _id(self) -> str:
        self.n += 1
        return f"W{self.n:04d}"

    def _label(self, iid: str, path: str, category: str, expect: str, rules, suppressed: bool, note: str) -> dict:
        lab = {"id": iid, "channel": "scan", "path": path, "category": category, "expect": expect}
        if expect == "block":
            lab["rules"] = list(rules)
            lab["suppressed"] = bool(suppressed)
        lab["note"] = note
        self.labels.append(lab)
        return lab

    def raw(
        self,
        data: bytes,
        ext: str,
        category: str,
        expect: str = "allow",
        rules=(),
        suppressed=False,
        note: str = "",
        extra: dict | None = None,
    ) -> str:
        iid = self._id()
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        lab = self._label(iid, path, category, expect, rules, suppressed, note)
        if extra:
            lab.update(extra)
        return iid

    def letter(
        self, L: Letter, fmt: str, category: str, expect: str = "allow", rules=(), suppressed=False, note: str = ""
    ) -> str:
        return self.raw(letter_bytes(L, fmt), fmt, category, expect, rules, suppressed, note)

    def mail(
        self,
        sender: str,
        to,
        subject: str,
        text: str,
        category: str,
        expect: str = "allow",
        rules=(),
        suppressed=False,
        note: str = "",
        **kw,
    ) -> str:
        to = [to] if isinstance(to, str) else list(to)
        data = eml_bytes(sender, to, subject, text, n=self.n + 1, **kw)
        return self.raw(data, "eml", category, expect, rules, suppressed, note)

    def twin(self, a: str, b: str) -> None:
        for lab in self.labels:
            if lab["id"] == a:
                lab["twin"] = b
            elif lab["id"] == b:
                lab["twin"] = a

    def write_labels(self, runs: list[dict]) -> None:
        with open(self.out / "labels.jsonl", "w", encoding="utf-8") as fh:
            for lab in self.labels + runs:
                fh.write(json.dumps(lab, ensure_ascii=False) + "\n")

    # ---- helpers ------------------------------------------------------------------------------------
    def pick(self, pred=lambda c: True, exclude=()) -> Client:
        return self.reg.pick(pred, exclude)

    def style(self) -> int:
        return self.r.randrange(42)

    def fmt(self, allowed=("pdf", "docx", "rtf", "txt", "html")) -> str:
        return self.r.choice(allowed)


def addr_to(c: Client) -> str:
    return f"{c.given} {c.family} <{c.emails[0]}>"


def has_email(c: Client) -> bool:
    return bool(c.emails) and "email" not in c.suppressed


def plain(c: Client) -> bool:
    return not c.suppressed and not c.joint and c.addr.kind == "street"
