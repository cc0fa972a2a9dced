"""A PDF page's text re-ordered by where it is printed, for finding the address block.

A PDF's reading order is its drawing order: a window-envelope template may draw the account box before the
address, or the address last. Here pdfium's text runs are joined into lines (same baseline, small gaps) and
lines into blocks (left- or right-aligned, one above the next); blocks come top to bottom, left to right,
separated by blank lines, so the address block reads as one block whatever order it was drawn in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_RUNS = 5000  # a page with more text runs than this is no letter's first page


@dataclass
class _Line:
    x0: float
    bottom: float
    x1: float
    top: float
    text: str

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass
class _Block:
    lines: list[_Line] = field(default_factory=list)


class PageLayouts:
    """One open PDF whose pages' positional texts are computed on demand (and at most once each)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._document: Any = None
        self._texts: dict[int, str | None] = {}

    def text(self, page_index: int) -> str | None:
        if page_index not in self._texts:
            self._texts[page_index] = self._layout(page_index)
        return self._texts[page_index]

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def _layout(self, page_index: int) -> str | None:
        try:
            if self._document is None:
                import pypdfium2

                self._document = pypdfium2.PdfDocument(self._data)
            if page_index >= len(self._document):
                return None
            textpage = self._document[page_index].get_textpage()
            count = textpage.count_rects()
            if count == 0 or count > MAX_RUNS:
                return None
            runs = []
            for i in range(count):
                left, bottom, right, top = textpage.get_rect(i)
                text = textpage.get_text_bounded(left, bottom, right, top).strip()
                if text:
                    runs.append(_Line(left, bottom, right, top, " ".join(text.split())))
        except Exception:  # an unreadable PDF is reported by its extractor; here it only has no layout
            return None
        return "\n\n".join("\n".join(line.text for line in block.lines) for block in _blocks(_lines(runs)))


def positional_text(data: bytes, page_index: int) -> str | None:
    """The page's text block by block in print position, or None when it cannot be laid out."""
    layouts = PageLayouts(data)
    try:
        return layouts.text(page_index)
    finally:
        layouts.close()


def _lines(runs: list[_Line]) -> list[_Line]:
    """Runs on one baseline, close together, are one line; a wide gap keeps columns apart."""
    runs.sort(key=lambda r: (-round(r.top), r.x0))
    lines: list[_Line] = []
    for run in runs:
        for line in reversed(lines[-8:]):
            same_row = abs((line.top + line.bottom) - (run.top + run.bottom)) / 2 < 0.5 * line.height
            if same_row and 0 <= run.x0 - line.x1 < 1.5 * line.height:
                line.text += " " + run.text
                line.x1 = max(line.x1, run.x1)
                line.top, line.bottom = max(line.top, run.top), min(line.bottom, run.bottom)
                break
        else:
            lines.append(_Line(run.x0, run.bottom, run.x1, run.top, run.text))
    return lines


def _blocks(lines: list[_Line]) -> list[_Block]:
    """Lines one under the next, aligned on the left or the right, form a block."""
    lines.sort(key=lambda ln: (-ln.top, ln.x0))
    blocks: list[_Block] = []
    for line in lines:
        home = None
        for block in blocks:
            last = block.lines[-1]
            gap = last.bottom - line.top
            aligned = abs(last.x0 - line.x0) < 1.5 * last.height or abs(last.x1 - line.x1) < 1.5 * last.height
            if aligned and -0.3 * last.height <= gap < 1.2 * last.height:
                home = block
                break
        if home is None:
            blocks.append(_Block([line]))
        else:
            home.lines.append(line)
    blocks.sort(key=lambda b: (-b.lines[0].top, b.lines[0].x0))
    return blocks
