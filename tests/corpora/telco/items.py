"""The labelled item model shared by the case modules and the generator."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import renderers as r
from .renderers import Letter

FORMATS = ["pdf-window", "pdf-side", "docx", "pdf-plain", "rtf", "txt", "html"]


@dataclass
class Item:
    area: str
    variation: str
    ext: str
    data: bytes
    expect: str = "allow"
    rules: list[str] = field(default_factory=list)
    suppressed: bool = False
    note: str = ""
    twin: Item | None = None
    letters: list[dict] | None = None
    id: str = ""

    @property
    def category(self) -> str:
        return f"{self.area}/{self.variation}"


def render(letter: Letter | list[Letter], fmt: str) -> tuple[str, bytes]:
    if fmt.startswith("pdf"):
        return "pdf", r.pdf(letter, fmt.split("-")[1])
    assert isinstance(letter, Letter)
    return {"docx": ("docx", r.docx), "rtf": ("rtf", r.rtf), "txt": ("txt", r.txt), "html": ("html", r.html_letter)}[
        fmt
    ][0], {"docx": r.docx, "rtf": r.rtf, "txt": r.txt, "html": r.html_letter}[fmt](letter)


def pair(
    area: str,
    variation: str,
    bad: tuple[str, bytes],
    good: tuple[str, bytes],
    rules: list[str],
    note_bad: str,
    note_good: str,
    suppressed: bool = False,
) -> list[Item]:
    """An incident and its same-layout legitimate twin."""
    inc = Item(area, variation, bad[0], bad[1], "block", rules, suppressed, note_bad)
    ok = Item(area, variation, good[0], good[1], "allow", [], False, note_good)
    inc.twin, ok.twin = ok, inc
    return [inc, ok]


def allow(area: str, variation: str, out: tuple[str, bytes], note: str) -> Item:
    return Item(area, variation, out[0], out[1], "allow", [], False, note)
