"""Slowing down password guessing from one address across accounts (an account's own lockout is in
dlp.web.users): a sliding window of failed logins per client address, in memory."""

from __future__ import annotations

import time
from collections import deque
from threading import Lock


class LoginThrottle:
    def __init__(self, limit: int, window_seconds: float) -> None:
        self.limit, self.window = limit, window_seconds
        self._failures: dict[str, deque[float]] = {}
        self._lock = Lock()

    def blocked(self, address: str) -> bool:
        with self._lock:
            return len(self._recent(address)) >= self.limit

    def failed(self, address: str) -> None:
        with self._lock:
            self._recent(address).append(time.monotonic())
            if len(self._failures) > 10_000:  # bounded: forget the quietest addresses
                for key in [k for k, v in self._failures.items() if not v][:5_000]:
                    del self._failures[key]

    def _recent(self, address: str) -> deque[float]:
        failures = self._failures.setdefault(address, deque())
        cutoff = time.monotonic() - self.window
        while failures and failures[0] < cutoff:
            failures.popleft()
        return failures
