"""The output tree and its ground truth: items, twins, runs, labels.jsonl."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


@dataclass
class Label:
    id: str
    channel: str
    category: str
    note: str
    path: str = ""
    expect: str | None = None
    rules: list[str] = field(default_factory=list)
    suppressed: bool = False
    twin: str | None = None
    letters: list[dict[str, Any]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "channel": self.channel}
        if self.path:
            d["path"] = self.path
        d["category"] = self.category
        d.update(self.extra)
        if self.letters is not None:
            d["letters"] = self.letters
        elif self.channel == "scan":
            d["expect"] = self.expect
            if self.expect == "block":
                d["rules"] = self.rules
                d["suppressed"] = self.suppressed
        if self.twin:
            d["twin"] = self.twin
        d["note"] = self.note
        return d


def letter_verdict(expect: str, rules: list[str] | None = None, suppressed: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {"expect": expect}
    if expect == "block":
        d["rules"] = list(rules or [])
        d["suppressed"] = suppressed
    return d


class Corpus:
    def __init__(self, out: Path) -> None:
        self.out = out
        (out / "items").mkdir(parents=True, exist_ok=True)
        (out / "runs").mkdir(parents=True, exist_ok=True)
        self.labels: list[Label] = []
        self._n = 0
        self._by_id: dict[str, Label] = {}

    def add(
        self,
        ext: str,
        data: bytes | str,
        category: str,
        expect: str = "allow",
        rules: list[str] | None = None,
        *,
        suppressed: bool = False,
        note: str = "",
        letters: list[dict[str, Any]] | None = None,
    ) -> str:
        self._n += 1
        iid = f"N{self._n:04d}"
        rel = f"items/{iid}.{ext}"
        blob = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        (self.out / rel).write_bytes(blob)
        area = category.split("/")[0]
        assert area in AREAS, category
        assert not rules or set(rules) <= RULES, rules
        if letters is not None:
            expect_any = "block" if any(lt["expect"] == "block" for lt in letters) else "allow"
            lab = Label(iid, "scan", category, note, rel, letters=letters, expect=expect_any)
        else:
            assert expect in ("allow", "block")
            assert (expect == "block") == bool(rules), (category, expect, rules)
            lab = Label(iid, "scan", category, note, rel, expect, list(rules or []), suppressed)
        self.labels.append(lab)
        self._by_id[iid] = lab
        return iid

    def pair(self, incident: str, twin: str) -> None:
        a, b = self._by_id[incident], self._by_id[twin]
        assert a.expect == "block" and b.expect == "allow", (incident, twin)
        a.twin, b.twin = twin, incident

    def run_dir(self, rid: str) -> Path:
        d = self.out / "runs" / rid
        d.mkdir(parents=True, exist_ok=True)
        return d

    def add_run(
        self,
        rid: str,
        category: str,
        data: str,
        letters: str,
        per_letter: list[dict[str, Any]],
        run_expect: str,
        note: str,
        mapping: dict[str, str] | None = None,
    ) -> None:
        extra: dict[str, Any] = {"data": data, "letters": letters}
        if mapping:
            extra["map"] = mapping
        extra["per_letter"] = per_letter
        extra["run_expect"] = run_expect
        lab = Label(rid, "batch", category, note, extra=extra)
        self.labels.append(lab)
        self._by_id[rid] = lab

    def pair_runs(self, incident: str, twin: str) -> None:
        self._by_id[incident].twin = twin
        self._by_id[twin].twin = incident

    def write_labels(self) -> None:
        with (self.out / "labels.jsonl").open("w", encoding="utf-8") as f:
            for lab in self.labels:
                f.write(json.dumps(lab.as_json(), ensure_ascii=False) + "\n")
