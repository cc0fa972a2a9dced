"""Writes items and runs to OUTDIR and keeps their labels: every incident is written next to its legitimate twin."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Payload = bytes | Callable[[str], bytes]


class Corpus:
    """Numbered items (T0001...) and runs (R01...) with FORMAT.md labels."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.labels: list[dict[str, Any]] = []
        self.n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    def item(
        self,
        category: str,
        ext: str,
        payload: Payload,
        note: str,
        rules: list[str] | None = None,
        suppressed: bool = False,
        letters: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """One scanned file; `rules` given means an incident (expect block)."""
        self.n += 1
        iid = f"T{self.n:04d}"
        data = payload(iid) if callable(payload) else payload
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        label: dict[str, Any] = {"id": iid, "channel": "scan", "path": path, "category": category}
        if letters is not None:
            label["letters"] = letters
        elif rules:
            label.update(expect="block", rules=rules)
            if suppressed:
                label["suppressed"] = True
        else:
            label["expect"] = "allow"
        label["note"] = note
        self.labels.append(label)
        return label

    def pair(
        self,
        category: str,
        ext: str,
        ok: Payload,
        bad: Payload,
        rules: list[str],
        note_ok: str,
        note_bad: str,
        suppressed: bool = False,
    ) -> None:
        """A legitimate item and its incident twin of the same layout."""
        a = self.item(category, ext, ok, note_ok)
        b = self.item(category, ext, bad, note_bad, rules=rules, suppressed=suppressed)
        a["twin"], b["twin"] = b["id"], a["id"]

    def run(
        self,
        rid: str,
        category: str,
        data: str,
        letters: str,
        per_letter: list[dict[str, Any]],
        note: str,
        mapping: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        label: dict[str, Any] = {"id": rid, "channel": "batch", "category": category, "data": data, "letters": letters}
        if mapping:
            label["map"] = mapping
        label["per_letter"] = per_letter
        label["run_expect"] = "block" if any(v["expect"] == "block" for v in per_letter) else "allow"
        label["note"] = note
        self.labels.append(label)
        return label

    def save(self) -> None:
        lines = [json.dumps(x, sort_keys=False) for x in self.labels]
        (self.out / "labels.jsonl").write_text("\n".join(lines) + "\n")
