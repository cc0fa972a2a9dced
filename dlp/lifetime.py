"""Processes that end cleanly: children that do not outlive the process that started them, and a one-shot
command that unwinds on SIGTERM as on Ctrl-C.

A worker whose parent is killed (SIGKILL, or SIGTERM's default action, which runs no cleanup) would otherwise
wait forever on a queue that nobody writes to: a pool's workers each hold its write end too, so they never
see it close. A registry build's workers stayed alive at 250 MB each after their build was killed.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


def die_with_parent(parent: int | None = None) -> None:
    """Linux: be killed (SIGKILL) when the parent exits. With `parent` (its pid, as the parent saw itself),
    exit now if it has already gone: it may have died before the signal was asked for. Elsewhere a no-op."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent:
        os._exit(1)


class _Held:
    depth = 0  # inside `held_interrupts`: an interrupt waits for its end
    pending: KeyboardInterrupt | None = None


def _interrupt_for(signum: int) -> KeyboardInterrupt:
    """The interrupt a signal raises; SIGTERM's says so, for a summary that names what stopped the run."""
    return KeyboardInterrupt("SIGTERM") if signum == signal.SIGTERM else KeyboardInterrupt()


def interrupted_by(exc: KeyboardInterrupt) -> str:
    """What stopped the command: "SIGTERM" or "Ctrl-C"."""
    return "SIGTERM" if exc.args == ("SIGTERM",) else "Ctrl-C"


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within: SIGTERM raises KeyboardInterrupt, so a command stopped by `kill` or a service manager unwinds as
    on Ctrl-C (its workers stopped, its temporary files removed, "dlp: interrupted") instead of vanishing. Both
    wait for the end of a `held_interrupts` step."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        if _Held.depth:
            _Held.pending = _Held.pending or _interrupt_for(signum)
            return
        raise _interrupt_for(signum)

    # A signal the command was started ignoring (SIGINT in a script's background job) stays ignored.
    previous = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    for number, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(number, interrupt)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _Held.pending = None


@contextmanager
def held_interrupts() -> Iterator[None]:
    """A step an interrupt must not cut in two (starting a worker process: cut, the half-started child prints a
    traceback): a SIGTERM or Ctrl-C that arrives meanwhile is raised when the step is done."""
    _Held.depth += 1
    try:
        yield
    finally:
        _Held.depth -= 1
        if not _Held.depth and _Held.pending:
            pending, _Held.pending = _Held.pending, None
            raise pending
