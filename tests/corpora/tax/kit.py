"""Item ids, files and labels. ``pair`` writes an incident and its legitimate twin (same area, variation and file
type) side by side, so every incident can be compared with the letter done right."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.corpora.tax import render, world
from tests.corpora.tax.registry import Registry


class Corpus:
    def __init__(self, out: Path, rng: random.Random, reg: Registry, scale: float):
        self.out, self.rng, self.reg, self.scale = out, rng, reg, scale
        self.labels: list[dict] = []
        self.n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    def times(self, k: int) -> int:
        """How many of a case to write at this scale (at least one)."""
        return max(1, round(k * self.scale))

    def next_id(self) -> str:
        self.n += 1
        return f"T{self.n:04d}"

    def add(
        self,
        ext: str,
        data: bytes,
        category: str,
        note: str,
        *,
        expect: str = "allow",
        rules: list[str] | None = None,
        suppressed: bool = False,
        letters: list[dict] | None = None,
    ) -> dict:
        assert "@" not in note, note
        iid = self.next_id()
        path = f"items/{iid}{ext}"
        (self.out / path).write_bytes(data)
        label: dict = {"id": iid, "channel": "scan", "path": path, "category": category}
        if letters is not None:
            label["letters"] = letters
        else:
            label["expect"] = expect
            if expect == "block":
                label["rules"] = rules
                if suppressed:
                    label["suppressed"] = True
        label["note"] = note
        self.labels.append(label)
        return label

    def pair(
        self,
        ext: str,
        bad: bytes,
        good: bytes,
        category: str,
        rules: list[str],
        note_bad: str,
        note_good: str,
        suppressed: bool = False,
    ) -> tuple[dict, dict]:
        if suppressed and "suppressed_detail_exposed" not in rules:
            rules = ["suppressed_detail_exposed"] + rules
        a = self.add(ext, bad, category, note_bad, expect="block", rules=rules, suppressed=suppressed)
        b = self.add(ext, good, category, note_good)
        a["twin"], b["twin"] = b["id"], a["id"]
        return a, b

    def pair_letters(
        self, ext: str, bad: bytes, good: bytes, category: str, verdicts: list[dict], note_bad: str, note_good: str
    ) -> None:
        """A merged print file given to ``dlp scan``: one verdict per letter."""
        a = self.add(ext, bad, category, note_bad, letters=verdicts)
        b = self.add(ext, good, category, note_good, letters=[{"expect": "allow"} for _ in verdicts])
        a["twin"], b["twin"] = b["id"], a["id"]

    def eml(self, *args, **kw) -> bytes:
        return render.eml(self.n + 1, *args, **kw)

    def write_labels(self, runs: list[dict]) -> None:
        with open(self.out / "labels.jsonl", "w") as f:
            for x in self.labels + runs:
                f.write(json.dumps(x, sort_keys=False) + "\n")


def staff(i: int) -> tuple:
    return world.STAFF[i % len(world.STAFF)]


def staff_mail(s: tuple) -> str:
    return f"{s[0]} {s[1]} <{s[3]}@{world.DOMAIN}>"


def office_of(s: tuple) -> tuple:
    return next((o for o in world.OFFICES if o[0] == s[4]), world.OFFICES[0])


def addr(c, name: str | None = None, style: str = "std") -> str:
    """A client as a To: header: display name and address."""
    return f"{name or c.name} <{c.email}>"
