"""The collector every case writes through: ids, files, labels; and pickers for the clients a case needs."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.corpora.property import render, world
from tests.corpora.property.registry import Client, FvCase, Property, World

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class Kit:
    """Writes items under OUTDIR/items and collects their labels."""

    def __init__(self, out: Path, rng: random.Random, w: World) -> None:
        self.out, self.rng, self.w = out, rng, w
        self.labels: list[dict] = []
        self.n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    # --- files and labels -------------------------------------------------------------------------------------
    def item(
        self,
        category: str,
        ext: str,
        doc: render.Mail | render.Letter | bytes,
        note: str,
        expect: str = "allow",
        rules: list[str] | None = None,
        suppressed: bool = False,
    ) -> dict:
        self.n += 1
        iid = f"H{self.n:04d}"
        if isinstance(doc, render.Mail):
            data = render.eml(doc, iid.lower())
        elif isinstance(doc, render.Letter):
            data = render.LETTER_WRITERS[ext](doc)
        else:
            data = doc
        path = f"items/{iid}{ext}"
        (self.out / path).write_bytes(data)
        label: dict = {"id": iid, "channel": "scan", "path": path, "category": category, "expect": expect}
        if expect == "block":
            label["rules"] = rules
            if suppressed:
                label["suppressed"] = True
        label["note"] = note
        self.labels.append(label)
        return label

    def pair(
        self,
        category: str,
        ext: str,
        bad: render.Mail | render.Letter | bytes,
        good: render.Mail | render.Letter | bytes,
        rules: list[str],
        note_bad: str,
        note_good: str,
        suppressed: bool = False,
    ) -> None:
        """An incident and its legitimate twin of the same layout."""
        a = self.item(category, ext, bad, note_bad, "block", rules, suppressed)
        b = self.item(category, ext, good, note_good)
        a["twin"], b["twin"] = b["id"], a["id"]

    def write_labels(self, extra: list[dict]) -> None:
        lines = [json.dumps(x, sort_keys=False) for x in self.labels + extra]
        (self.out / "labels.jsonl").write_text("\n".join(lines) + "\n")

    # --- pickers ----------------------------------------------------------------------------------------------
    def tenant(self, joint: bool | None = None) -> tuple[Client, Property]:
        while True:
            c = self.rng.choice(self.w.ordinary("tenant"))
            p = self.w.of_tenant(c.cid)
            if joint is None or (len(p.tenants) > 1) == joint:
                return c, p

    def owner(self, authorised: bool | None = None) -> tuple[Client, Property]:
        while True:
            c = self.rng.choice(self.w.ordinary("owner"))
            props = self.w.by_owner(c.cid)
            if props and c.cid != self.w.block_owner and (authorised is None or bool(c.authorised) == authorised):
                return c, self.rng.choice(props)

    def fv(self, i: int) -> tuple[Client, Client, FvCase]:
        f = self.w.fv[i % len(self.w.fv)]
        return self.w.c(f.victim), self.w.c(f.ex), f

    def date(self, i: int = 0) -> str:
        return f"{(i * 3) % 27 + 1} {MONTHS[(i // 9 + 2) % 12]} 2026"

    def staff(self, i: int | None = None) -> str:
        name, login, _ = world.STAFF[self.rng.randrange(len(world.STAFF)) if i is None else i]
        return f"{name} <{login}@{world.INTERNAL}>"

    def sign(self) -> tuple[str, str]:
        name, _, role = self.rng.choice(world.STAFF[:7])
        return name, role
