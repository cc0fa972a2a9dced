"""Item ids, files and labels; pair() writes an incident beside its legitimate twin; rotating client pickers."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from tests.corpora.migration import world as W
from tests.corpora.migration.registry import Client, World


class Kit:
    def __init__(self, out: Path, rng: random.Random, w: World) -> None:
        self.out, self.rng, self.w = out, rng, w
        self.n = 0
        self.labels: list[dict] = []
        (out / "items").mkdir(parents=True, exist_ok=True)
        self._pools: dict[str, list[str]] = {}
        self._pos: dict[str, int] = {}

    # -- clients -------------------------------------------------------------------------------------------
    def c(self, cid: str) -> Client:
        return self.w.clients[cid]

    def take(self, pool: str) -> Client:
        """The next client of a pool, in a shuffled order fixed by the seed."""
        if pool not in self._pools:
            w = self.w
            ids = {
                "applicant": [a for a, _ in w.couples],
                "sponsor": [s for _, s in w.couples],
                "fv": [a for a, _ in w.fv],
                "worker": list(w.workers),
                "child": list(w.children),
                "single": list(w.singles),
                "any": [a for a, _ in w.couples] + list(w.workers) + list(w.singles),
            }[pool]
            if pool != "fv":  # suppressed clients appear only where a case picks them on purpose
                ids = [c for c in ids if not w.clients[c].suppressed]
            self.rng.shuffle(ids)
            self._pools[pool], self._pos[pool] = ids, 0
        ids = self._pools[pool]
        cid = ids[self._pos[pool] % len(ids)]
        self._pos[pool] += 1
        return self.w.clients[cid]

    def other(self, pool: str, *not_: Client) -> Client:
        while True:
            c = self.take(pool)
            if all(c.cid != x.cid and c.matter != x.matter for x in not_):
                return c

    def fv_case(self, i: int) -> tuple[Client, Client]:
        a, s = self.w.fv[i % len(self.w.fv)]
        return self.c(a), self.c(s)

    def staff(self, i: int) -> W.Staff:
        return W.STAFF[i % 4]

    # -- items ---------------------------------------------------------------------------------------------
    def _id(self) -> str:
        self.n += 1
        return f"M{self.n:04d}"

    def add(
        self,
        category: str,
        ext: str,
        data: bytes,
        note: str,
        *,
        rules: list[str] | None = None,
        suppressed: bool = False,
        letters: list[dict] | None = None,
    ) -> dict:
        iid = self._id()
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        lab: dict = {"id": iid, "channel": "scan", "path": path, "category": category}
        if letters is not None:
            lab["letters"] = letters
        elif rules:
            lab["expect"], lab["rules"] = "block", rules
            if suppressed:
                lab["suppressed"] = True
        else:
            lab["expect"] = "allow"
        lab["note"] = note
        self.labels.append(lab)
        return lab

    def pair(
        self,
        category: str,
        ext: str,
        make: Callable[[bool], tuple[bytes, str]],
        rules: list[str],
        suppressed: bool = False,
    ) -> None:
        """make(True) is the incident, make(False) its legitimate twin (same category and file type)."""
        data, note = make(True)
        bad = self.add(category, ext, data, note, rules=rules, suppressed=suppressed)
        data, note = make(False)
        good = self.add(category, ext, data, note)
        bad["twin"], good["twin"] = good["id"], bad["id"]

    def mid(self) -> str:
        return f"{self.n + 1:04d}.{self.rng.randint(10**6, 10**7)}"

    def write_labels(self, runs: list[dict]) -> None:
        with (self.out / "labels.jsonl").open("w") as f:
            for lab in self.labels + runs:
                f.write(json.dumps(lab, sort_keys=False) + "\n")
