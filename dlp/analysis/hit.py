"""A recognised value as the scanner reads it: what every recogniser's hits and the direct analyzer pass on."""

from __future__ import annotations

from typing import NamedTuple


class Hit(NamedTuple):
    """A recognised value as a light tuple: what the scanner reads of a RecognizerResult, without building one
    (a client list carries hundreds of registry hits)."""

    entity: str
    start: int
    end: int
    score: float
    clients: tuple[str, ...] = ()
    suppressed_for: tuple[str, ...] = ()
    key: str = ""
