"""Collecting items and their labels: one file per item, one label line each; incidents paired with twins."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from . import render, world


@dataclass
class Item:
    ext: str
    data: bytes
    expect: str = "allow"
    rules: list[str] = field(default_factory=list)
    suppressed: bool = False
    note: str = ""
    letters: list[dict] | None = None


def block(*rules: str, note: str, suppressed: bool = False) -> dict:
    return {"expect": "block", "rules": list(rules), "note": note, "suppressed": suppressed}


class Corpus:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.labels: list[dict] = []
        self._mail_n = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    def mail(self, mail: render.Mail) -> bytes:
        self._mail_n += 1
        return render.eml(mail, self._mail_n)

    def add(self, area: str, variation: str, item: Item) -> dict:
        ident = f"Y{len(self.labels) + 1:04d}"
        path = f"items/{ident}.{item.ext}"
        (self.out / path).write_bytes(item.data)
        label: dict = {"id": ident, "channel": "scan", "path": path, "category": f"{area}/{variation}"}
        if item.letters is not None:
            label["letters"] = item.letters
        else:
            label["expect"] = item.expect
            if item.expect == "block":
                label["rules"] = item.rules
                if item.suppressed:
                    label["suppressed"] = True
        label["note"] = item.note
        assert "@" not in item.note
        self.labels.append(label)
        return label

    def pair(self, area: str, variation: str, incident: Item, twin: Item) -> None:
        """An incident and its same-layout legitimate twin, side by side."""
        assert incident.expect == "block" or incident.letters is not None
        assert twin.expect == "allow"
        a = self.add(area, variation, incident)
        b = self.add(area, variation, twin)
        a["twin"], b["twin"] = b["id"], a["id"]

    def write_labels(self, runs: list[dict]) -> None:
        lines = [json.dumps(x, ensure_ascii=False) for x in self.labels + runs]
        (self.out / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def sender(local: str = "payroll", name: str = "Ledgerline Payroll") -> str:
    return f"{name} <{local}@{world.BUREAU_DOMAIN}>"


def incident(ext: str, data: bytes, rules: list[str], note: str, suppressed: bool = False) -> Item:
    return Item(ext, data, "block", rules, suppressed, note)


def legit(ext: str, data: bytes, note: str) -> Item:
    return Item(ext, data, "allow", [], False, note)
