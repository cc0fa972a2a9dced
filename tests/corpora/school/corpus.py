"""Collects items and their labels: every incident written next to its legitimate twin."""

from __future__ import annotations

import json
from pathlib import Path

from .mail import Mail, eml_bytes

Data = bytes | Mail


class Corpus:
    """Numbers items S0001..., writes them under items/, and keeps the labels in order."""

    def __init__(self, out: Path) -> None:
        self.out = out
        (out / "items").mkdir(parents=True, exist_ok=True)
        self.labels: list[dict] = []

    def _write(self, ext: str, data: Data) -> tuple[str, str]:
        n = len(self.labels) + 1
        iid = f"S{n:04d}"
        path = f"items/{iid}.{ext}"
        raw = eml_bytes(data, n) if isinstance(data, Mail) else data
        (self.out / path).write_bytes(raw)
        return iid, path

    def item(
        self,
        ext: str,
        data: Data,
        category: str,
        note: str,
        *,
        expect: str = "allow",
        rules: list[str] | None = None,
        suppressed: bool = False,
        letters: list[dict] | None = None,
    ) -> dict:
        """One item; returns its label (a twin is set by pair())."""
        iid, path = self._write(ext, data)
        label: dict = {"id": iid, "channel": "scan", "path": path, "category": category}
        if letters is not None:
            label["letters"] = letters
        else:
            label["expect"] = expect
            if expect == "block":
                label["rules"] = list(rules or [])
                if suppressed:
                    label["suppressed"] = True
        label["note"] = note
        self.labels.append(label)
        return label

    def pair(
        self,
        ext: str,
        good: Data,
        bad: Data,
        category: str,
        rules: list[str],
        note_good: str,
        note_bad: str,
        *,
        suppressed: bool = False,
    ) -> None:
        """A legitimate item and its incident twin, same layout."""
        a = self.item(ext, good, category, note_good)
        b = self.item(ext, bad, category, note_bad, expect="block", rules=rules, suppressed=suppressed)
        a["twin"], b["twin"] = b["id"], a["id"]

    def add_run(self, label: dict) -> None:
        self.labels.append(label)

    def write_labels(self) -> None:
        lines = [json.dumps(x, ensure_ascii=False) for x in self.labels]
        (self.out / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
