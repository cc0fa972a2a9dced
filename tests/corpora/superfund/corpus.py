"""The corpus being written: files, labels, ids and twins."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from email.utils import formataddr
from pathlib import Path

from tests.corpora.superfund.people import DOMAIN, STAFF, Member, Registry, date_fmt


class Corpus:
    def __init__(self, out: Path, seed: int, scale: float) -> None:
        self.out = out
        self.seed = seed
        self.scale = scale
        self.rng = random.Random(seed)
        self.reg = Registry(self.rng, max(120, int(180 * scale)))
        self.labels: list[dict] = []
        self._n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)
        (out / "runs").mkdir(parents=True, exist_ok=True)

    # --- helpers the cases share ------------------------------------------------------
    def count(self, n: int) -> int:
        return max(1, round(n * self.scale))

    def when(self) -> datetime:
        base = datetime(2026, 3, 2, 8, 30, tzinfo=timezone(timedelta(hours=10)))
        return base + timedelta(days=self.rng.randint(0, 120), minutes=self.rng.randint(0, 540))

    def today(self, style: int | None = None) -> str:
        d = date(2026, 3, 2) + timedelta(days=self.rng.randint(0, 120))
        return date_fmt(d, self.rng.randrange(7) if style is None else style)

    def staff(self) -> tuple[str, str]:
        """A staff member's name and the From header their mail client writes."""
        name, local = self.rng.choice(STAFF)
        return name, formataddr((name, f"{local}@{DOMAIN}"))

    def rcpt(self, m: Member) -> str:
        """How the member appears in To: for about half, with the display name the address book holds."""
        if int(m.client_id[1:]) % 2:
            return formataddr((f"{m.given} {m.family}", m.email))
        return m.email

    def addressee(self, m: Member, style: int | None = None) -> list[str]:
        s = self.rng.randrange(6) if style is None else style
        name = f"{m.title} {m.given} {m.family}".strip()
        if s == 1:
            name = f"{m.title.upper()} {m.given[0]} {m.family.upper()}".strip()
        elif s == 3:
            name = f"{m.given} {m.family}"
        return [name, *m.address.block(s)]

    # --- writing ----------------------------------------------------------------------
    def next_id(self) -> str:
        self._n += 1
        return f"S{self._n:04d}"

    def add(
        self,
        category: str,
        ext: str,
        data: bytes,
        expect: str,
        note: str,
        rules: list[str] | None = None,
        suppressed: bool = False,
        letters: list[dict] | None = None,
    ) -> str:
        iid = self.next_id()
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        label: dict = {"id": iid, "channel": "scan", "path": path, "category": category}
        if letters is not None:
            label["letters"] = letters
        else:
            label["expect"] = expect
            if expect == "block":
                assert rules
                label["rules"] = rules
                if suppressed:
                    label["suppressed"] = True
        label["note"] = note
        self.labels.append(label)
        return iid

    def twin(self, a: str, b: str) -> None:
        by_id = {x["id"]: x for x in self.labels}
        by_id[a]["twin"] = b
        by_id[b]["twin"] = a

    def add_run(self, label: dict) -> None:
        self.labels.append(label)

    def write_labels(self) -> None:
        with (self.out / "labels.jsonl").open("w") as fh:
            for x in self.labels:
                fh.write(json.dumps(x, sort_keys=False) + "\n")
