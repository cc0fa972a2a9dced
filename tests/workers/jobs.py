"""Jobs the pool tests run in real worker processes (they must be importable there)."""

from __future__ import annotations

import gc
import os
import time

from dlp.errors import StoreError
from dlp.workers import WorkerState
from dlp.workers.zygote import extend_deadline


def pid(state: WorkerState) -> int:
    return os.getpid()


def clients(state: WorkerState) -> int:
    return len(state.scanner.index.clients)


def frozen(state: WorkerState) -> tuple[int, bool]:
    """How many objects the collector leaves alone, and whether the bootstrapped scanner is one of them."""
    collected = {id(o) for generation in range(3) for o in gc.get_objects(generation=generation)}
    return gc.get_freeze_count(), gc.is_tracked(state.scanner) and id(state.scanner) not in collected


def sleep(state: WorkerState, seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def scanned_then_sleep(state: WorkerState, seconds: float) -> float:
    extend_deadline(0.5)  # the item is read; only the (slow) rest is left
    time.sleep(seconds)
    return seconds


def die(state: WorkerState) -> None:
    os._exit(3)


def allocate(state: WorkerState, megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def store_down(state: WorkerState) -> None:
    raise StoreError("incident could not be stored: OperationalError")


def bug(state: WorkerState) -> None:
    raise ValueError("a message quoting data: 12 Wattle Street")


async def coroutine(state: WorkerState, value: int) -> int:
    return value * 2
