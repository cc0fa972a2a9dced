"""When a letter in the inbox is finished: the watcher takes only files nobody is still writing.

A file is finished when
- its size and mtime have held still for `stable_seconds`: on a local disk its mtime says how long already;
  on a network share (polling) only what we saw ourselves counts, the server's clock being another's; and
- no process still has it open for writing. On Linux every process's open files are in /proc/*/fd;
  elsewhere, or for a writer on another host of a network share, this cannot be known and the first sign
  has to do. (A writer that closes the file between chunks and pauses longer than `stable_seconds` cannot be
  told from a finished one: raise `stable_seconds` for such a writer.)

Events (inotify's close-after-write, a rename into the inbox) and sweeps only say when to look.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR


def open_for_writing(path: Path) -> bool | None:
    """True if some process we can see has `path` open for writing; None where that cannot be known."""
    if not os.path.isdir("/proc/self/fd"):
        return None
    real = os.path.realpath(path)
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        fd_dir = f"/proc/{pid}/fd"
        try:
            fds = os.listdir(fd_dir)
        except OSError:  # gone, or another user's: we see what we may
            continue
        for fd in fds:
            try:
                if os.readlink(f"{fd_dir}/{fd}") != real:
                    continue
            except OSError:
                continue
            if _flags(pid, fd) & WRITE_FLAGS:
                return True
    return False


def _flags(pid: str, fd: str) -> int:
    try:
        with open(f"/proc/{pid}/fdinfo/{fd}", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("flags:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return WRITE_FLAGS  # open, but how is unknown: assume the worst


class Readiness:
    """Decides, per file, whether it is finished; remembers what it saw of files still settling."""

    def __init__(self, stable_seconds: float, trust_mtime: bool) -> None:
        self.stable = stable_seconds
        self.trust_mtime = trust_mtime
        self._seen: dict[Path, tuple[int, int, float]] = {}  # size, mtime_ns, since when (monotonic)

    def check(self, path: Path) -> float | None:
        """0 if `path` is finished; else seconds until it is worth looking again; None if it is gone."""
        try:
            stat = path.stat()
        except FileNotFoundError:
            self._seen.pop(path, None)
            return None
        now = time.monotonic()
        shape = (stat.st_size, stat.st_mtime_ns)
        seen = self._seen.get(path)
        if seen is not None and seen[:2] == shape:
            since = seen[2]
        else:
            since = now - max(0.0, time.time() - stat.st_mtime) if self.trust_mtime else now
        self._seen[path] = (*shape, since)
        if now - since < self.stable:
            return max(0.1, self.stable - (now - since))
        if open_for_writing(path):
            return min(1.0, max(0.2, self.stable / 2))
        self._seen.pop(path, None)
        return 0.0

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)
