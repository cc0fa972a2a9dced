"""The corpus being written: item and run files, labels, ids, twins."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.corpora.health.people import Registry


@dataclass
class Corpus:
    out: Path
    rng: random.Random
    reg: Registry
    scale: float
    labels: list[dict] = field(default_factory=list)
    n: int = 0
    runs: int = 0

    def reps(self, base: int) -> int:
        return max(1, round(base * self.scale))

    def _write(self, ext: str, data: bytes) -> tuple[str, str]:
        self.n += 1
        iid = f"A{self.n:04d}"
        rel = f"items/{iid}.{ext}"
        (self.out / "items").mkdir(parents=True, exist_ok=True)
        (self.out / rel).write_bytes(data)
        return iid, rel

    def allow(self, category: str, ext: str, data: bytes, note: str) -> str:
        iid, rel = self._write(ext, data)
        self.labels.append(
            {"id": iid, "channel": "scan", "path": rel, "category": category, "expect": "allow", "note": note}
        )
        return iid

    def pair(
        self,
        category: str,
        legit: tuple[str, bytes, str],
        bad: tuple[str, bytes, str],
        rules: list[str],
        suppressed: bool = False,
        twin_category: str | None = None,
    ) -> None:
        """A legitimate item and the incident beside it, twins of each other: (ext, data, note) each."""
        tid = self.allow(twin_category or category, *legit)
        ext, data, note = bad
        iid, rel = self._write(ext, data)
        label = {"id": iid, "channel": "scan", "path": rel, "category": category, "expect": "block", "rules": rules}
        if suppressed:
            label["suppressed"] = True
        label |= {"twin": tid, "note": note}
        self.labels.append(label)
        self.labels[-2]["twin"] = iid

    def letters_pair(
        self, category: str, legit: tuple[bytes, list[dict], str], bad: tuple[bytes, list[dict], str]
    ) -> None:
        """Merged PDFs of several letters: one verdict per letter."""
        ids = []
        for data, letters, note in (legit, bad):
            iid, rel = self._write("pdf", data)
            self.labels.append(
                {"id": iid, "channel": "scan", "path": rel, "category": category, "letters": letters, "note": note}
            )
            ids.append(iid)
        self.labels[-2]["twin"], self.labels[-1]["twin"] = ids[1], ids[0]

    def run(
        self,
        category: str,
        files: dict[str, bytes],
        data: str,
        letters: str,
        per_letter: list[dict],
        note: str,
        mapping: dict[str, str] | None = None,
        twin: str | None = None,
    ) -> str:
        self.runs += 1
        rid = f"R{self.runs:02d}"
        for rel, blob in files.items():
            path = self.out / "runs" / rid / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob)
        label = {
            "id": rid,
            "channel": "batch",
            "category": category,
            "data": f"runs/{rid}/{data}",
            "letters": f"runs/{rid}/{letters}",
        }
        if mapping:
            label["map"] = mapping
        label["per_letter"] = per_letter
        label["run_expect"] = "block" if any(v["expect"] == "block" for v in per_letter) else "allow"
        if twin:
            label["twin"] = twin
            next(x for x in self.labels if x["id"] == twin)["twin"] = rid
        label["note"] = note
        self.labels.append(label)
        return rid

    def write_labels(self) -> None:
        with (self.out / "labels.jsonl").open("w") as f:
            for x in self.labels:
                f.write(json.dumps(x, ensure_ascii=False) + "\n")
