"""Writing items and their ground-truth labels; pairing every incident with its legitimate twin."""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import org
from .population import Client, Population

T = TypeVar("T")
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
RULES = (
    "mismatched_recipient",
    "suppressed_detail_exposed",
    "mixed_client_documents",
    "bulk_client_data",
    "sensitive_identifier",
    "unmerged_field",
    "unscannable_content",
)


@dataclass
class Label:
    id: str
    channel: str
    category: str
    path: str = ""
    expect: str | None = None
    rules: list[str] = field(default_factory=list)
    suppressed: bool = False
    twin: str | None = None
    note: str = ""
    letters: list[dict[str, Any]] | None = None  # a merged file: one verdict per letter
    # mail-merge runs only
    data: str = ""
    letters_path: str = ""
    map: dict[str, str] | None = None
    per_letter: list[dict[str, Any]] | None = None
    run_expect: str | None = None

    def as_json(self) -> dict[str, Any]:
        raw = asdict(self)
        out: dict[str, Any] = {"id": self.id, "channel": self.channel}
        if self.channel == "batch":
            out.update(category=self.category, data=self.data, letters=self.letters_path)
            if self.map:
                out["map"] = self.map
            out.update(per_letter=self.per_letter, run_expect=self.run_expect)
        else:
            out.update(path=self.path, category=self.category)
            if self.letters is not None:
                out["letters"] = self.letters
            else:
                out["expect"] = self.expect
                if self.expect == "block":
                    out["rules"] = self.rules
            if raw["suppressed"]:
                out["suppressed"] = True
        if self.twin:
            out["twin"] = self.twin
        out["note"] = self.note
        return out


Rendered = tuple[str, bytes]  # (file extension without dot, content)


class Corpus:
    def __init__(self, out: Path, rng: random.Random, pop: Population, scale: float) -> None:
        self.out, self.rng, self.pop, self.scale = out, rng, pop, scale
        self.labels: list[Label] = []
        self._cursor: dict[str, int] = {}
        self.minutes = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    # ---- counts and picking -------------------------------------------------------------------------
    def n(self, base: int) -> int:
        return max(1, round(base * self.scale))

    def take(self, pool_name: str, pool: list[T]) -> T:
        """Cycle through a pool so scenarios spread over many clients rather than reusing a few."""
        i = self._cursor.get(pool_name, 0)
        self._cursor[pool_name] = i + 1
        return pool[i % len(pool)]

    def single(self) -> Client:
        return self.take("singles", self.pop.singles)

    def tick(self) -> int:
        self.minutes += self.rng.randint(3, 55)
        return self.minutes

    def staff(self) -> org.Staff:
        return self.rng.choice(org.STAFF)

    # ---- writing ------------------------------------------------------------------------------------
    def _new_id(self) -> str:
        return f"S{len(self.labels) + 1:04d}"

    def put(
        self,
        rendered: Rendered,
        category: str,
        expect: str,
        rules: list[str] | None = None,
        *,
        suppressed: bool = False,
        note: str = "",
        letters: list[dict[str, Any]] | None = None,
    ) -> Label:
        assert category.split("/")[0] in AREAS, category
        for r in rules or []:
            assert r in RULES, r
        ext, data = rendered
        item_id = self._new_id()
        rel = f"items/{item_id}.{ext}"
        (self.out / rel).write_bytes(data)
        label = Label(
            item_id,
            "scan",
            category,
            path=rel,
            expect=None if letters is not None else expect,
            rules=list(rules or []) if expect == "block" else [],
            suppressed=suppressed,
            note=note,
            letters=letters,
        )
        self.labels.append(label)
        return label

    def pair(
        self,
        category: str,
        incident: Rendered,
        twin: Rendered,
        rules: list[str],
        *,
        suppressed: bool = False,
        note: str,
        twin_note: str,
    ) -> tuple[Label, Label]:
        """An incident and its legitimate twin in the same layout, linked both ways."""
        a = self.put(incident, category, "block", rules, suppressed=suppressed, note=note)
        b = self.put(twin, category, "allow", note=twin_note)
        a.twin, b.twin = b.id, a.id
        return a, b

    def write_labels(self) -> None:
        text = "".join(json.dumps(lab.as_json(), ensure_ascii=False) + "\n" for lab in self.labels)
        (self.out / "labels.jsonl").write_text(text, encoding="utf-8")
