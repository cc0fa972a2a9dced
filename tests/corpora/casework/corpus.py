"""The corpus being built: items with their labels, twins, mail-merge runs, and writing it all to disk."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from .registry import Registry

RULES = (
    "mismatched_recipient",
    "suppressed_detail_exposed",
    "mixed_client_documents",
    "bulk_client_data",
    "sensitive_identifier",
    "unmerged_field",
    "unscannable_content",
)
AREAS = (
    "address-block",
    "recipient-own-details",
    "relationships",
    "headers-links",
    "suppressed-loose",
    "identifiers-dates",
    "mime-parts",
    "mail-merge",
    "threads",
    "html-mail",
    "everyday",
    "bulk",
    "unmerged",
    "unscannable",
)


@dataclass
class Item:
    ext: str
    data: bytes
    category: str
    rules: list[str]
    suppressed: bool
    note: str
    letters: list[dict[str, object]] | None = None
    twin: Item | None = None
    id: str = ""

    @property
    def is_incident(self) -> bool:
        if self.letters is not None:
            return any(x["expect"] == "block" for x in self.letters)
        return bool(self.rules)


@dataclass
class Run:
    category: str
    data_name: str
    data: bytes
    letters: list[tuple[str, bytes]]  # (file name, bytes) in order; one entry for a merged PDF
    merged: bool
    per_letter: list[dict[str, object]]
    run_expect: str
    note: str
    map: dict[str, str] = field(default_factory=dict)
    twin: Run | None = None
    id: str = ""


class Corpus:
    def __init__(self, seed: int, scale: float, registry: Registry) -> None:
        self.seed = seed
        self.scale = scale
        self.reg = registry
        self.items: list[Item] = []
        self.runs: list[Run] = []

    def rng(self, family: str) -> random.Random:
        """One random stream per scenario family, so that adding a family leaves the others unchanged."""
        return random.Random(f"{self.seed}-{family}")

    def n(self, base: int) -> int:
        return max(1, round(base * self.scale))

    def add(
        self,
        ext: str,
        data: bytes,
        category: str,
        *,
        rules: list[str] | None = None,
        suppressed: bool = False,
        note: str = "",
        letters: list[dict[str, object]] | None = None,
    ) -> Item:
        area = category.split("/")[0]
        assert area in AREAS, category
        for r in rules or []:
            assert r in RULES, r
        item = Item(ext, data, category, list(rules or []), suppressed, note, letters)
        self.items.append(item)
        return item

    def pair(self, incident: Item, twin: Item) -> None:
        assert incident.is_incident and not twin.is_incident, (incident.category, twin.category)
        incident.twin, twin.twin = twin, incident

    def add_run(self, run: Run) -> Run:
        self.runs.append(run)
        return run

    # --- writing ----------------------------------------------------------------------------------
    def write(self, out: Path) -> None:
        order = list(self.items)
        random.Random(f"{self.seed}-order").shuffle(order)  # ids say nothing about pairs or kinds
        for i, item in enumerate(order, 1):
            item.id = f"CW{i:04d}"
        (out / "items").mkdir(parents=True, exist_ok=True)
        labels: list[dict[str, object]] = []
        for item in order:
            path = f"items/{item.id}.{item.ext}"
            (out / path).write_bytes(item.data)
            label: dict[str, object] = {"id": item.id, "channel": "scan", "path": path, "category": item.category}
            if item.letters is not None:
                label["letters"] = item.letters
            else:
                label["expect"] = "block" if item.rules else "allow"
                if item.rules:
                    label["rules"] = item.rules
                    label["suppressed"] = item.suppressed
            if item.twin is not None:
                label["twin"] = item.twin.id
            label["note"] = item.note
            labels.append(label)
        for i, run in enumerate(self.runs, 1):
            run.id = f"R{i:02d}"
        for run in self.runs:
            base = out / "runs" / run.id
            base.mkdir(parents=True, exist_ok=True)
            (base / run.data_name).write_bytes(run.data)
            if run.merged:
                name, data = run.letters[0]
                (base / name).write_bytes(data)
                letters_path = f"runs/{run.id}/{name}"
            else:
                (base / "letters").mkdir(exist_ok=True)
                for name, data in run.letters:
                    (base / "letters" / name).write_bytes(data)
                letters_path = f"runs/{run.id}/letters/"
            label = {
                "id": run.id,
                "channel": "batch",
                "category": run.category,
                "data": f"runs/{run.id}/{run.data_name}",
                "letters": letters_path,
            }
            if run.map:
                label["map"] = run.map
            label["per_letter"] = run.per_letter
            label["run_expect"] = run.run_expect
            if run.twin is not None:
                label["twin"] = run.twin.id
            label["note"] = run.note
            labels.append(label)
        with (out / "labels.jsonl").open("w", encoding="utf-8") as f:
            for label in labels:
                f.write(json.dumps(label, ensure_ascii=False) + "\n")
