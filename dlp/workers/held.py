"""Items that could not be scanned: over a budget, fatal to a worker, or raising an internal error.

Such an item is never passed and never stops a run: it becomes an `unscannable_content` verdict with the
reason, held at least in quarantine whoever it is addressed to (the policy may say reject; it may not say
allow or warn for content nobody has read).
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict

from dlp.errors import WorkerLost, WorkerTimeout
from dlp.extract.base import unreadable
from dlp.model import Communication, Decision, Verdict, Violation
from dlp.policy import Policy

RULE = "unscannable_content"


def failure_reason(exc: BaseException, memory_mb: int | None = None) -> str:
    """Why an item could not be scanned, in words fit for a sender, a note and an incident (no data)."""
    if isinstance(exc, WorkerTimeout):
        return str(exc)
    if isinstance(exc, WorkerLost):
        return "it stopped the scanning process (a crash or over the memory budget)"
    if isinstance(exc, MemoryError):
        return f"over the memory budget{f' of {memory_mb} MB' if memory_mb else ''}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return f"an internal error ({exc.__class__.__name__})"


def unscannable_item(
    kind: str, source: str, reason: str, digest: str = "", recipients: tuple[str, ...] = (), locator: str | None = None
) -> Communication:
    """A stand-in for an item that could not be read: one unreadable part saying why."""
    part = unreadable("message" if kind == "email" else "letter", None, reason)
    return Communication(kind=kind, source=source, recipients=recipients, parts=(part,), digest=digest, locator=locator)


def unscannable_verdict(policy: Policy, item: Communication) -> Verdict:
    """The verdict for a stand-in item: unscannable_content for each unreadable part, at least quarantine."""
    rule = next(r for r in policy.rules if r.rule_id == RULE)
    decision = max(rule.settings.decision, Decision.QUARANTINE, key=lambda d: d.rank)
    violations = tuple(
        Violation(RULE, rule.settings.severity, decision, (), part.name, f"cannot be read: {part.error}")
        for part in item.parts
        if part.error is not None
    )
    return Verdict(item.source, decision, violations, locator=item.locator)


class StrikeBook:
    """How often each item (by digest) has killed or hung a worker, across its sender's retries.

    Bounded: the oldest entries go first, and a strike older than `ttl` seconds is forgotten."""

    def __init__(self, limit: int = 10_000, ttl: float = 24 * 3600) -> None:
        self.limit, self.ttl = limit, ttl
        self._strikes: OrderedDict[str, tuple[int, float]] = OrderedDict()

    def add(self, digest: str) -> int:
        now = time.monotonic()
        count, when = self._strikes.pop(digest, (0, now))
        count = count + 1 if now - when < self.ttl else 1
        self._strikes[digest] = (count, now)
        while len(self._strikes) > self.limit:
            self._strikes.popitem(last=False)
        return count

    def forget(self, digest: str) -> None:
        self._strikes.pop(digest, None)


def held_ref(kind: str, *content: bytes) -> str:
    """A quarantine reference derived from what is held: a retry after a crash (the watcher restarting, the
    sending MTA resending after a 451) stores the same original under the same reference, and finds the
    incidents already recorded for it (`IncidentStore.held_as`), instead of holding it twice."""
    digest = hashlib.sha256(f"dlp held {kind}\0".encode())
    for piece in content:
        digest.update(len(piece).to_bytes(8, "big"))
        digest.update(piece)
    return digest.hexdigest()[:32]
