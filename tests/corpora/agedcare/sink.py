"""Collects items and runs with their labels; writes them with shuffled ids so position tells nothing."""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Item:
    key: int
    category: str
    ext: str
    data: bytes
    note: str
    rules: list[str] | None = None  # None: allow
    suppressed: bool = False
    twin: int | None = None
    letters: list[dict] | None = None


@dataclass
class Run:
    category: str
    data_csv: str
    letters: list[tuple[str, bytes]] | bytes  # a folder of files, or one merged PDF
    per_letter: list[dict]
    note: str
    mapping: dict[str, str] | None = None
    twin: int | None = None
    key: int = 0


@dataclass
class Sink:
    items: list[Item] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)

    def add(
        self,
        category: str,
        ext: str,
        data: bytes,
        note: str,
        rules: list[str] | None = None,
        suppressed: bool = False,
        letters: list[dict] | None = None,
    ) -> int:
        assert "@" not in note, note
        if suppressed:
            assert rules and "suppressed_detail_exposed" in rules
        self.items.append(Item(len(self.items), category, ext, data, note, rules, suppressed, None, letters))
        return len(self.items) - 1

    def pair(self, incident: int, twin: int) -> None:
        a, b = self.items[incident], self.items[twin]
        assert a.category.split("/")[0] == b.category.split("/")[0], (a.category, b.category)
        assert b.rules is None and not (b.letters and any(x["expect"] == "block" for x in b.letters))
        a.twin, b.twin = twin, incident

    def allow(self, category: str, ext: str, data: bytes, note: str) -> int:
        return self.add(category, ext, data, note)

    def incident(
        self,
        category: str,
        ext: str,
        data: bytes,
        note: str,
        rules: list[str],
        twin_data: bytes,
        twin_note: str,
        suppressed: bool = False,
        twin_ext: str | None = None,
        twin_category: str | None = None,
    ) -> tuple[int, int]:
        a = self.add(category, ext, data, note, rules, suppressed)
        b = self.add(twin_category or category, twin_ext or ext, twin_data, twin_note)
        self.pair(a, b)
        return a, b

    def add_run(self, run: Run) -> int:
        run.key = len(self.runs)
        assert "@" not in run.note
        self.runs.append(run)
        return run.key

    def pair_runs(self, a: int, b: int) -> None:
        self.runs[a].twin, self.runs[b].twin = b, a

    # ------------------------------------------------------------------ writing
    def write(self, out: Path, rng: random.Random) -> list[dict]:
        order = list(range(len(self.items)))
        rng.shuffle(order)
        ids = {key: f"A{n + 1:04d}" for n, key in enumerate(order)}
        (out / "items").mkdir(parents=True, exist_ok=True)
        labels: list[dict] = []
        for key in order:
            it = self.items[key]
            iid = ids[key]
            path = f"items/{iid}.{it.ext}"
            (out / path).write_bytes(it.data)
            lab: dict = {"id": iid, "channel": "scan", "path": path, "category": it.category}
            if it.letters is not None:
                lab["letters"] = it.letters
            elif it.rules:
                lab["expect"] = "block"
                lab["rules"] = it.rules
            else:
                lab["expect"] = "allow"
            if it.suppressed:
                lab["suppressed"] = True
            if it.twin is not None:
                lab["twin"] = ids[it.twin]
            lab["note"] = it.note
            labels.append(lab)
        rids = {r.key: f"R{n + 1:02d}" for n, r in enumerate(self.runs)}
        for r in self.runs:
            rid = rids[r.key]
            base = out / "runs" / rid
            base.mkdir(parents=True, exist_ok=True)
            (base / "data.csv").write_text(r.data_csv)
            lab = {"id": rid, "channel": "batch", "category": r.category, "data": f"runs/{rid}/data.csv"}
            if isinstance(r.letters, bytes):
                (base / "merged.pdf").write_bytes(r.letters)
                lab["letters"] = f"runs/{rid}/merged.pdf"
            else:
                (base / "letters").mkdir(exist_ok=True)
                for name, data in r.letters:
                    (base / "letters" / name).write_bytes(data)
                lab["letters"] = f"runs/{rid}/letters/"
            if r.mapping:
                lab["map"] = r.mapping
            lab["per_letter"] = r.per_letter
            lab["run_expect"] = "block" if any(x["expect"] == "block" for x in r.per_letter) else "allow"
            if r.twin is not None:
                lab["twin"] = rids[r.twin]
            lab["note"] = r.note
            labels.append(lab)
        with open(out / "labels.jsonl", "w") as f:
            for lab in labels:
                f.write(json.dumps(lab, ensure_ascii=False) + "\n")
        return labels


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r\n")
    wr.writerow(header)
    wr.writerows(rows)
    return buf.getvalue()
