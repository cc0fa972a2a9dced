"""The letters of a page range of a merged print file: the pieces a cluster splits a very large run into.

A range [first, end) owns the letters that *start* on its pages. It reads one page before its first (so a
page continuing the previous range's last letter is seen as a continuation, not as a new letter) and looks
ahead past its end until its last letter has ended (the next letter starts, or the file does). The letters
are split exactly as a whole file is (dlp.extract.letters_from_file, on a PDF of just those pages), their
pages named by their place in the whole file; the run numbers them (it alone knows how many came before).
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, replace

from dlp.extract import letters_from_file
from dlp.model import Communication, Part
from dlp.workers import WorkerState

LOOK_AHEAD = 8  # pages read past a range's end for its last letter; doubled while that letter goes on
_PAGE = re.compile(r"^page (\d+)")


@dataclass(frozen=True)
class RangeLetter:
    pages: str  # "page 7" or "pages 7-8", in the whole file: the locator once the letter's number is known
    letter: Communication


def page_count(state: WorkerState, path: str) -> int:
    from pypdf import PdfReader

    with open(path, "rb") as handle:
        reader = PdfReader(handle)
        if reader.is_encrypted and not reader.decrypt(""):
            return 0  # the whole file is then split in one piece, which reports it as unscannable
        return len(reader.pages)


def split_range(state: WorkerState, path: str, first: int, end: int) -> list[RangeLetter] | str:
    """The letters starting on pages [first, end) (0-based) of `path`, or why they cannot be read."""
    from pypdf import PdfReader, PdfWriter

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        digest = hashlib.sha256(data).hexdigest()
        reader = PdfReader(io.BytesIO(data))
        total = len(reader.pages)
        start = max(first - 1, 0)  # the page before: is our first page a new letter, or the last one's tail?
        look = LOOK_AHEAD
        while True:
            stop = min(end + look, total)
            writer = PdfWriter()
            for index in range(start, stop):
                writer.add_page(reader.pages[index])
            if first == 0 and reader.metadata:
                writer.add_metadata(dict(reader.metadata))  # the file's properties go with its first letter
            out = io.BytesIO()
            writer.write(out)
            letters = letters_from_file(out.getvalue(), path, state.scanner.limits)
            spans = [_pages(letter, start) for letter in letters]
            ours = [i for i, (low, _) in enumerate(spans) if first <= low - 1 < end]
            # Our last letter has ended where another starts after it, or where the file ends.
            if stop == total or not ours or ours[-1] < len(letters) - 1:
                break
            look *= 2
        return [
            RangeLetter(_span(*spans[i]), replace(_renumbered(letters[i], start), digest=digest, locator=None))
            for i in ours
        ]
    except Exception as exc:  # noqa: BLE001 - a hostile print file is reported, never a worker's traceback
        from dlp.workers.held import failure_reason

        return failure_reason(exc, state.config.limits.max_memory_mb)


def _pages(letter: Communication, offset: int) -> tuple[int, int]:
    """The letter's first and last page, 1-based, in the whole file."""
    numbers = [int(m.group(1)) + offset for p in letter.parts if (m := _PAGE.match(p.name))]
    return (min(numbers), max(numbers)) if numbers else (offset + 1, offset + 1)


def _span(low: int, high: int) -> str:
    return f"page {low}" if low == high else f"pages {low}-{high}"


def _renumbered(letter: Communication, offset: int) -> Communication:
    def part(p: Part) -> Part:
        m = _PAGE.match(p.name)
        return replace(p, name=f"page {int(m.group(1)) + offset}{p.name[m.end() :]}") if m else p

    return replace(letter, parts=tuple(part(p) for p in letter.parts))
