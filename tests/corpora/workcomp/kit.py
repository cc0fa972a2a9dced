"""Item ids, files and labels; `pair()` writes an incident beside its legitimate twin; client pickers."""

from __future__ import annotations

import json
from pathlib import Path

from tests.corpora.workcomp import world as W
from tests.corpora.workcomp.registry import Registry


class Kit:
    def __init__(self, out: Path, rng, reg: Registry, scale: float):
        self.out, self.rng, self.reg, self.scale = out, rng, reg, scale
        self.labels: list[dict] = []
        self._n = 0
        self._pools: dict[str, list] = {}
        (out / "items").mkdir(parents=True, exist_ok=True)

    def count(self, base: int) -> int:
        return max(1, round(base * self.scale))

    # -- writing ----------------------------------------------------------------------------------------------
    def add(
        self,
        ext: str,
        data: bytes | str,
        category: str,
        note: str,
        *,
        rules: list[str] | None = None,
        suppressed: bool = False,
        letters: list[dict] | None = None,
    ) -> dict:
        self._n += 1
        iid = f"W{self._n:04d}"
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        lab: dict = {"id": iid, "channel": "scan", "path": path, "category": category}
        if letters is not None:
            lab["letters"] = letters
        elif rules:
            lab.update(expect="block", rules=rules)
            if suppressed:
                lab["suppressed"] = True
        else:
            lab["expect"] = "allow"
        lab["note"] = note
        assert "@" not in note
        self.labels.append(lab)
        return lab

    def pair(
        self,
        category: str,
        ext: str,
        bad: bytes | str,
        good: bytes | str,
        rules: list[str],
        note_bad: str,
        note_good: str,
        suppressed: bool = False,
    ) -> None:
        first_bad = self.rng.random() < 0.5
        order = [(bad, note_bad, rules), (good, note_good, None)]
        made = []
        for data, note, r in order if first_bad else order[::-1]:
            made.append(self.add(ext, data, category, note, rules=r, suppressed=suppressed and r is not None))
        made[0]["twin"], made[1]["twin"] = made[1]["id"], made[0]["id"]

    def pair_letters(
        self,
        category: str,
        bad: bytes,
        good: bytes,
        bad_letters: list[dict],
        n_good: int,
        note_bad: str,
        note_good: str,
    ) -> None:
        a = self.add("pdf", bad, category, note_bad, letters=bad_letters)
        b = self.add("pdf", good, category, note_good, letters=[{"expect": "allow"}] * n_good)
        a["twin"], b["twin"] = b["id"], a["id"]

    def write_labels(self, extra: list[dict]) -> None:
        lines = [json.dumps(x, ensure_ascii=False) for x in self.labels + extra]
        (self.out / "labels.jsonl").write_text("\n".join(lines) + "\n")

    # -- pickers: each pool is shuffled once and walked in turn, so cases spread over the registry ---------------
    def _take(self, name: str, pool: list) -> W.Worker:
        if name not in self._pools or not self._pools[name]:
            items = list(pool)
            self.rng.shuffle(items)
            self._pools[name] = items
        return self._pools[name].pop()

    def worker(self, state: str | None = None) -> W.Worker:
        pool = [w for w in self.reg.ordinary() if state is None or w.state == state]
        return self._take(f"ord-{state}", pool)

    def two(self, same_employer: bool = False) -> tuple[W.Worker, W.Worker]:
        a = self.worker()
        while True:
            b = self.worker()
            if b.cid != a.cid and (b.employer == a.employer) == same_employer and b.family != a.family:
                return a, b

    def other_employer(self, a: W.Worker) -> tuple[W.Worker, W.Employer]:
        while True:
            b = self.worker()
            if b.employer != a.employer and b.cid != a.cid:
                return b, b.employer

    def with_party(self, key: str) -> W.Worker:
        return self._take(f"party-{key}", self.reg.with_party(key))

    def fv(self) -> W.Worker:
        """A protected worker who moved (not a dependant on a death claim: those are picked by name)."""
        return self._take("fv", [w for w in self.reg.fv if "postal_address" in w.suppressed and w.kind == "worker"])

    def fv_any(self) -> W.Worker:
        return self._take("fv-any", [w for w in self.reg.fv if w.kind == "worker"])

    def staff(self) -> W.Staff:
        return self.rng.choice(W.UNLISTED)

    def minute(self) -> int:
        return self._n * 7 % 480
