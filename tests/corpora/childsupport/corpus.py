"""The corpus being written: item files, run folders and their labels."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

Rendered = tuple[bytes, str]  # file bytes and extension


class Corpus:
    """Allocates ids, writes files and keeps one label per item or run."""

    def __init__(self, out: Path, rng: random.Random) -> None:
        self.out = out
        self.rng = rng
        self.labels: list[dict] = []
        self.n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    def when(self) -> datetime:
        """A fixed send time per item: working hours over a few weeks of 2025."""
        base = datetime(2025, 2, 3, 8, 30, tzinfo=timezone(timedelta(hours=11)))
        return base + timedelta(days=(self.n * 37 // 24) % 40, minutes=(self.n * 53) % 480)

    def next_id(self) -> str:
        self.n += 1
        return f"A{self.n:04d}"

    def add(
        self,
        category: str,
        item: Rendered,
        expect: str = "allow",
        rules: list[str] | None = None,
        suppressed: bool = False,
        note: str = "",
        ident: str | None = None,
    ) -> str:
        ident = ident or self.next_id()
        data, ext = item
        path = f"items/{ident}.{ext}"
        (self.out / path).write_bytes(data)
        label: dict = {"id": ident, "channel": "scan", "path": path, "category": category, "expect": expect}
        if expect == "block":
            label["rules"] = rules
            label["suppressed"] = suppressed
        label["note"] = note
        self.labels.append(label)
        return ident

    def pair(
        self, category: str, make, rules: list[str], suppressed: bool = False, note: str = "", twin_note: str = ""
    ) -> None:
        """make(ident, incident) -> Rendered; the incident and its legitimate twin share a layout."""
        a, b = self.next_id(), self.next_id()
        order = [(a, True), (b, False)] if self.rng.random() < 0.5 else [(a, False), (b, True)]
        inc_id = next(i for i, inc in order if inc)
        twin_id = next(i for i, inc in order if not inc)
        for ident, incident in order:
            if incident:
                self.add(category, make(ident, True), "block", rules, suppressed, note, ident)
            else:
                self.add(
                    category, make(ident, False), "allow", note=twin_note or f"legitimate twin of {inc_id}", ident=ident
                )
        by = {x["id"]: x for x in self.labels[-2:]}
        by[inc_id]["twin"], by[twin_id]["twin"] = twin_id, inc_id

    def add_run(self, label: dict) -> None:
        self.labels.append(label)

    def write_labels(self) -> None:
        with (self.out / "labels.jsonl").open("w") as f:
            for x in self.labels:
                f.write(json.dumps(x, sort_keys=False) + "\n")
