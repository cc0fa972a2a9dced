"""Item ids, files and labels. `pair()` writes an incident and, beside it, its legitimate twin."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.corpora.bank.registry import Registry


class Kit:
    def __init__(self, out: Path, reg: Registry, seed: int, scale: float) -> None:
        self.out, self.reg, self.scale = out, reg, scale
        self.rng = random.Random(seed * 104729 + 3)
        self.labels: list[dict] = []
        self._n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    def times(self, n: int) -> range:
        return range(max(1, round(n * self.scale)))

    def next_id(self) -> str:
        self._n += 1
        return f"B{self._n:04d}"

    def add(
        self,
        ext: str,
        data: bytes,
        category: str,
        note: str,
        *,
        rules=None,
        suppressed=False,
        letters=None,
        iid: str | None = None,
    ) -> str:
        iid = iid or self.next_id()
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        label: dict = {"id": iid, "channel": "scan", "path": path, "category": category}
        if letters is not None:
            label["letters"] = letters
        else:
            label["expect"] = "block" if rules else "allow"
            if rules:
                label["rules"] = list(rules)
                if suppressed:
                    label["suppressed"] = True
        label["note"] = note
        self.labels.append(label)
        return iid

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
        letters_bad=None,
    ) -> None:
        a, b = self.next_id(), self.next_id()
        self.add(ext, bad, category, note_bad, rules=rules, suppressed=suppressed, iid=a, letters=letters_bad)
        self.add(
            ext,
            good,
            category,
            note_good,
            iid=b,
            letters=None if letters_bad is None else [{"expect": "allow"} for _ in letters_bad],
        )
        self.labels[-2]["twin"], self.labels[-1]["twin"] = b, a

    def write_labels(self, runs: list[dict]) -> None:
        with open(self.out / "labels.jsonl", "w") as f:
            for x in self.labels + runs:
                f.write(json.dumps(x, sort_keys=False) + "\n")
