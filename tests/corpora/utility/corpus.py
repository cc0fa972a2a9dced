"""Collecting items and runs, pairing every incident with its legitimate twin, and writing files and labels
in the shared corpus format (see CORPUS_FORMAT.md). ``check`` validates a written corpus."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .people import Client
from .registry import Registry

RULES = {
    "mismatched_recipient",
    "suppressed_detail_exposed",
    "mixed_client_documents",
    "bulk_client_data",
    "sensitive_identifier",
    "unmerged_field",
    "unscannable_content",
}
AREAS = {
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
}
MISMATCH = ["mismatched_recipient", "mixed_client_documents"]


@dataclass
class Item:
    category: str
    ext: str
    data: bytes
    expect: str = "allow"
    rules: list[str] = field(default_factory=list)
    suppressed: bool = False
    note: str = ""
    letters: list[dict[str, Any]] | None = None
    id: str = ""
    twin: str = ""


@dataclass
class Run:
    category: str
    files: dict[str, bytes]  # relative path inside runs/<id>/ -> content
    data: str  # relative path of the CSV
    letters: str  # "letters/" or "merged.pdf"
    per_letter: list[dict[str, Any]]
    run_expect: str
    note: str
    map: dict[str, str] | None = None
    id: str = ""
    twin: str = ""


class Corpus:
    def __init__(self, rng: random.Random, reg: Registry, scale: float) -> None:
        self.rng, self.reg, self.scale = rng, reg, scale
        self.items: list[Item] = []
        self.runs: list[Run] = []
        self._pools: dict[str, list[Any]] = {}
        self.fmt_counter = 0

    # -- choosing clients without using the same ones over and over ----------------------------------------
    def take(self, name: str, pool: list[Any]) -> Any:
        queue = self._pools.get(name)
        if not queue:
            queue = list(pool)
            self.rng.shuffle(queue)
            self._pools[name] = queue
        return queue.pop()

    def plain(self) -> Client:
        return self.take("plain", self.reg.plain)

    def others(self, *exclude: Client) -> Client:
        """A client unrelated to all of ``exclude`` (not joint, not a representative, not the same address)."""
        while True:
            c = self.plain()
            if all(c is not x and c.address != x.address and self.reg.unrelated(c, x) for x in exclude):
                return c

    def n(self, k: int) -> int:
        return max(1, round(k * self.scale))

    # -- items ----------------------------------------------------------------------------------------------
    def allow(self, category: str, ext: str, data: bytes, note: str) -> Item:
        item = Item(category, ext, data, note=note)
        self.items.append(item)
        return item

    def block(
        self, category: str, ext: str, data: bytes, rules: list[str], note: str, suppressed: bool = False
    ) -> Item:
        assert rules and set(rules) <= RULES, rules
        item = Item(category, ext, data, "block", rules, suppressed, note)
        self.items.append(item)
        return item

    def multi(self, category: str, ext: str, data: bytes, letters: list[dict[str, Any]], note: str) -> Item:
        item = Item(category, ext, data, note=note, letters=letters)
        self.items.append(item)
        return item

    @staticmethod
    def pair(legit: Item, incident: Item) -> None:
        # A twin in the same area shares the incident's category, so per-category rates compare like with like.
        if legit.category.split("/")[0] == incident.category.split("/")[0]:
            legit.category = incident.category
        legit._twin_obj = incident  # type: ignore[attr-defined]
        incident._twin_obj = legit  # type: ignore[attr-defined]

    # -- writing -------------------------------------------------------------------------------------------
    def write(self, out: Path) -> None:
        (out / "items").mkdir(parents=True, exist_ok=True)
        # Shuffled so that an item's number says nothing about its twin or its scenario.
        random.Random(len(self.items)).shuffle(self.items)
        for i, item in enumerate(self.items, 1):
            item.id = f"A{i:04d}"
        for i, run in enumerate(self.runs, 1):
            run.id = f"R{i:02d}"
        lines: list[str] = []
        for item in sorted(self.items, key=lambda x: x.id):
            path = f"items/{item.id}{item.ext}"
            (out / path).write_bytes(item.data)
            label: dict[str, Any] = {"id": item.id, "channel": "scan", "path": path, "category": item.category}
            if item.letters is not None:
                label["letters"] = item.letters
            else:
                label["expect"] = item.expect
                if item.expect == "block":
                    label["rules"] = item.rules
                    label["suppressed"] = item.suppressed
            twin = getattr(item, "_twin_obj", None)
            if twin is not None:
                label["twin"] = twin.id
            label["note"] = item.note
            lines.append(json.dumps(label, ensure_ascii=False))
        for run in self.runs:
            base = out / "runs" / run.id
            for rel, data in run.files.items():
                (base / rel).parent.mkdir(parents=True, exist_ok=True)
                (base / rel).write_bytes(data)
            label = {
                "id": run.id,
                "channel": "batch",
                "category": run.category,
                "data": f"runs/{run.id}/{run.data}",
                "letters": f"runs/{run.id}/{run.letters}",
                "per_letter": run.per_letter,
                "run_expect": run.run_expect,
            }
            if run.map:
                label["map"] = run.map
            twin = getattr(run, "_twin_obj", None)
            if twin is not None:
                label["twin"] = twin.id
            label["note"] = run.note
            lines.append(json.dumps(label, ensure_ascii=False))
        (out / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def check(out: Path) -> Counter[str]:
    """Validate a written corpus; returns counts per area/expect. Raises AssertionError on any inconsistency."""
    labels = [json.loads(x) for x in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {x["id"]: x for x in labels}
    assert len(by_id) == len(labels), "duplicate ids"
    counts: Counter[str] = Counter()
    for lab in labels:
        area = lab["category"].split("/")[0]
        assert area in AREAS, lab["category"]
        assert "note" in lab and isinstance(lab["note"], str)
        if lab["channel"] == "scan":
            assert (out / lab["path"]).is_file(), lab["path"]
            verdicts = lab["letters"] if "letters" in lab else [lab]
            for v in verdicts:
                assert v["expect"] in ("allow", "block")
                if v["expect"] == "block":
                    assert v["rules"] and set(v["rules"]) <= RULES, v
            blocked = any(v["expect"] == "block" for v in verdicts)
            if "expect" in lab and lab["expect"] == "block":
                assert isinstance(lab.get("suppressed"), bool)
        else:
            assert lab["channel"] == "batch"
            assert (out / lab["data"]).is_file(), lab["data"]
            assert (out / lab["letters"]).exists(), lab["letters"]
            for v in lab["per_letter"]:
                assert v["expect"] in ("allow", "block")
                if v["expect"] == "block":
                    assert v["rules"] and set(v["rules"]) <= RULES
            blocked = lab["run_expect"] == "block"
            if lab["letters"].endswith("/"):
                n_files = len([p for p in (out / lab["letters"]).iterdir() if p.is_file()])
                assert n_files == len(lab["per_letter"]), (lab["id"], n_files, len(lab["per_letter"]))
        if blocked:
            assert lab.get("twin") in by_id, f"incident {lab['id']} has no twin"
            twin = by_id[lab["twin"]]
            assert twin.get("twin") == lab["id"], f"twin of {lab['id']} does not point back"
            twin_verdicts = twin["per_letter"] if twin["channel"] == "batch" else twin.get("letters") or [twin]
            assert all(v["expect"] == "allow" for v in twin_verdicts) and twin.get("run_expect", "allow") == "allow"
        counts[f"{area}/{'block' if blocked else 'allow'}"] += 1
        counts[f"channel/{lab['channel']}"] += 1
        counts["block" if blocked else "allow"] += 1
    return counts
