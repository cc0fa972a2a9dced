"""The item and label writer shared by the case modules."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from .formats import Letter, docx_letter, html_letter, pdf_letter, rtf_letter, txt_letter
from .people import Registry

LETTER_FORMATS = {
    "pdf-window": ("pdf", lambda lt, fid: pdf_letter(lt, "window", fid)),
    "pdf-right": ("pdf", lambda lt, fid: pdf_letter(lt, "right", fid)),
    "docx-para": ("docx", lambda lt, fid: docx_letter(lt, "para")),
    "docx-table": ("docx", lambda lt, fid: docx_letter(lt, "table")),
    "rtf": ("rtf", lambda lt, fid: rtf_letter(lt)),
    "txt": ("txt", lambda lt, fid: txt_letter(lt)),
    "html": ("html", lambda lt, fid: html_letter(lt)),
}


def render(lt: Letter, fmt: str, fid: str = "x") -> tuple[str, bytes]:
    ext, fn = LETTER_FORMATS[fmt]
    return ext, fn(lt, fid)


class Corpus:
    def __init__(self, out: Path, reg: Registry, rng: random.Random, scale: float = 1.0):
        self.out = out
        self.reg = reg
        self.rng = rng
        self.scale = scale
        self.labels: list[dict] = []
        self.n = 0
        self._pairs = 0
        (out / "items").mkdir(parents=True, exist_ok=True)

    def _id(self) -> str:
        self.n += 1
        return f"PM{self.n:04d}"

    def add(
        self,
        ext: str,
        data: bytes,
        category: str,
        expect: str,
        note: str,
        rules=None,
        suppressed: bool = False,
        letters=None,
    ) -> dict:
        iid = self._id()
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        lab: dict = {"id": iid, "channel": "scan", "path": path, "category": category}
        if letters is not None:
            lab["letters"] = letters
        else:
            lab["expect"] = expect
            if expect == "block":
                lab["rules"] = list(rules)
                if suppressed:
                    lab["suppressed"] = True
        lab["note"] = note
        self.labels.append(lab)
        return lab

    def pair(
        self,
        category: str,
        build: Callable[[bool, random.Random], tuple[str, bytes]],
        rules: list[str],
        note_block: str,
        note_allow: str,
        suppressed: bool = False,
        letters=None,
    ) -> None:
        """An incident and its legitimate twin from one builder: the same draws, one detail changed."""
        seed = self.rng.randrange(2**31)
        self._pairs += 1
        if self.scale < 1 and (self._pairs % max(1, round(1 / self.scale))) != 0:
            return
        first_bad = seed % 2 == 0  # mix the order so an incident is not always the second of two
        made = {}
        for bad in (first_bad, not first_bad):
            ext, data = build(bad, random.Random(seed))
            if bad:
                lab = self.add(
                    ext, data, category, "block", note_block, rules, suppressed, letters=letters[0] if letters else None
                )
            else:
                lab = self.add(ext, data, category, "allow", note_allow, letters=letters[1] if letters else None)
            made[bad] = lab
        made[True]["twin"] = made[False]["id"]
        made[False]["twin"] = made[True]["id"]
        for lab in made.values():  # keep "twin" before "note" for readability
            lab["note"] = lab.pop("note")

    def letter_pair(
        self,
        category: str,
        fmt: str,
        make: Callable[[bool, random.Random], Letter],
        rules,
        nb,
        na,
        suppressed: bool = False,
    ) -> None:
        def build(bad: bool, r: random.Random) -> tuple[str, bytes]:
            return render(make(bad, r), fmt, f"{category}{bad}")

        self.pair(category, build, rules, nb, na, suppressed)

    def write_labels(self, runs: list[dict]) -> None:
        with open(self.out / "labels.jsonl", "w", encoding="utf-8") as f:
            for lab in self.labels + runs:
                f.write(json.dumps(lab, ensure_ascii=False) + "\n")
