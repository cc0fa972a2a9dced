"""Item ids, files and labels; `pair()` writes an incident beside its legitimate twin."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from tests.corpora.university.registry import Client, Registry


class Corpus:
    def __init__(self, out: Path, rng: random.Random, reg: Registry, scale: float):
        self.out = out
        self.rng = rng
        self.reg = reg
        self.scale = scale
        self.labels: list[dict] = []
        self.n = 0
        self.day = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    def next_id(self) -> str:
        self.n += 1
        return f"U{self.n:04d}"

    def count(self, n: int) -> int:
        """How many of something at this scale (at least one)."""
        return max(1, round(n * self.scale))

    def next_day(self) -> int:
        self.day += 1
        return self.day

    def write(self, item_id: str, ext: str, data: bytes) -> str:
        rel = f"items/{item_id}.{ext}"
        (self.out / rel).write_bytes(data)
        return rel

    def allow(self, category: str, ext: str, make: Callable[[str], bytes], note: str) -> str:
        iid = self.next_id()
        path = self.write(iid, ext, make(iid))
        self.labels.append(
            {"id": iid, "channel": "scan", "path": path, "category": category, "expect": "allow", "note": note}
        )
        return iid

    def pair(
        self,
        category: str,
        ext: str,
        bad: Callable[[str], bytes],
        good: Callable[[str], bytes],
        rules: list[str],
        note_bad: str,
        note_good: str,
        suppressed: bool = False,
    ) -> tuple[str, str]:
        """An incident and its legitimate twin (same category and file type)."""
        bid, gid = self.next_id(), self.next_id()
        bl = {
            "id": bid,
            "channel": "scan",
            "path": self.write(bid, ext, bad(bid)),
            "category": category,
            "expect": "block",
            "rules": rules,
            "twin": gid,
            "note": note_bad,
        }
        if suppressed:
            bl["suppressed"] = True
            assert "suppressed_detail_exposed" in rules
        gl = {
            "id": gid,
            "channel": "scan",
            "path": self.write(gid, ext, good(gid)),
            "category": category,
            "expect": "allow",
            "twin": bid,
            "note": note_good,
        }
        self.labels += [bl, gl]
        return bid, gid

    def letters_pair(
        self,
        category: str,
        bad: Callable[[str], bytes],
        good: Callable[[str], bytes],
        bad_letters: list[dict],
        n_letters: int,
        note_bad: str,
        note_good: str,
        suppressed: bool = False,
    ) -> None:
        """A merged PDF of several letters given to `dlp scan`: one verdict per letter."""
        bid, gid = self.next_id(), self.next_id()
        bl = {
            "id": bid,
            "channel": "scan",
            "path": self.write(bid, "pdf", bad(bid)),
            "category": category,
            "letters": bad_letters,
            "twin": gid,
            "note": note_bad,
        }
        if suppressed:
            bl["suppressed"] = True
            bl["rules"] = sorted({r for v in bad_letters for r in v.get("rules", [])})
        gl = {
            "id": gid,
            "channel": "scan",
            "path": self.write(gid, "pdf", good(gid)),
            "category": category,
            "letters": [{"expect": "allow"} for _ in range(n_letters)],
            "twin": bid,
            "note": note_good,
        }
        self.labels += [bl, gl]

    def pick(self, pool: list[Client], k: int = 1, exclude: set | None = None) -> list[Client]:
        exclude = exclude or set()
        cands = [c for c in pool if c.cid not in exclude]
        return self.rng.sample(cands, k)

    def write_labels(self, runs: list[dict]) -> None:
        with (self.out / "labels.jsonl").open("w") as f:
            for x in self.labels + runs:
                f.write(json.dumps(x, sort_keys=False) + "\n")
