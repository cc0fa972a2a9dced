"""Building a large index on every core: rows are validated and keyed in worker processes, a part of
`PART_ROWS` clients at a time, and merged here in row order.

The parent only cuts the source into parts, hands them out a few parts ahead of the workers, and runs the
checks across rows (duplicate ids, unknown joint holders) on the ids that come back. A CSV is cut into
runs of raw records (`csvchunks`), which the workers parse themselves; a database's rows arrive parsed
and go as they are. A source smaller than one part is compiled in this process: starting workers would
cost more than it saves.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from dlp.lifetime import die_with_parent, held_interrupts
from dlp.registry.build import PART_ROWS, Part, compile_part, frozen_gc, merge
from dlp.registry.client import Client
from dlp.registry.csvchunks import Chunk, chunk_rows, csv_chunks
from dlp.registry.loader import CrossRowChecks, parse_row

Rows = list[tuple[int, Mapping[str, object]]]
Compiled = tuple[Part, list[int], list[tuple[str, ...]]]  # the part, each row's line, each row's joint holders


def _compile(
    rows: Iterable[tuple[int, Mapping[str, object]]], first_row: int, date_format: str | None, unit: str
) -> Compiled:
    lines: list[int] = []
    joint: list[tuple[str, ...]] = []

    def clients() -> Iterator[Client]:
        # Each client is keyed right after it is parsed, so its address, parsed to validate it, is still in
        # the parse cache when the keys are made: every address is parsed once.
        for line, row in rows:
            client = parse_row(row, line, date_format, unit)
            lines.append(line)
            joint.append(client.joint_with)
            yield client

    return compile_part(clients(), first_row), lines, joint


def _start_worker(parent: int) -> None:
    gc.disable()  # workers build nothing cyclic either: no collections while a part's objects are alive
    die_with_parent(parent)  # a build killed outright takes its workers with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers


def _ready() -> None:
    """A task that does nothing: submitting one starts a worker."""


def _stop(pool: ProcessPoolExecutor) -> None:
    """After an error or an interrupt: stop the workers now, not after the parts they are compiling (seconds
    each; the interpreter's exit would wait for them). Python 3.14 names this `terminate_workers()`."""
    processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


def _compile_rows(rows: Rows, first_row: int, date_format: str | None, unit: str) -> Compiled:
    return _compile(rows, first_row, date_format, unit)


def _compile_chunk(chunk: Chunk, first_row: int, date_format: str | None, unit: str) -> Compiled:
    return _compile(chunk_rows(chunk), first_row, date_format, unit)


def compile_rows(
    rows: Iterable[tuple[int, Mapping[str, object]]],
    *,
    date_format: str | None = None,
    unit: str = "line",
    source: dict[str, Any] | None = None,
    workers: int = 2,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate and compile raw registry rows (header already checked) into an index's header and sections."""
    rows_iter = iter(rows)
    batches: Iterator[Rows] = iter(lambda: list(itertools.islice(rows_iter, PART_ROWS)), [])
    return _build(_compile_rows, ((b, len(b)) for b in batches), date_format, unit, source, workers, progress)


def compile_csv(
    path: str | Path,
    *,
    absent_columns: Iterable[str] = (),
    date_format: str | None = None,
    source: dict[str, Any] | None = None,
    workers: int = 2,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate and compile a registry CSV, each worker reading its own records."""
    chunks = ((c, c.rows) for c in csv_chunks(path, PART_ROWS, absent_columns))
    return _build(_compile_chunk, chunks, date_format, "line", source, workers, progress)


def _build(
    compile_batch: Callable[[Any, int, str | None, str], Compiled],
    batches: Iterator[tuple[Any, int]],
    date_format: str | None,
    unit: str,
    source: dict[str, Any] | None,
    workers: int,
    progress: Callable[[int], None] | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Compile `batches` ((batch, rows in it), in file order) with `compile_batch`, here or in workers."""
    started = time.perf_counter()
    checks = CrossRowChecks(unit)
    parts: list[Part] = []

    def take(result: Compiled) -> None:
        part, lines, joint = result
        for line, cid, others in zip(lines, part.ids, joint, strict=True):
            checks.add(line, cid, others)
        parts.append(part)
        if progress is not None:
            progress(part.first_row + len(part.ids))

    with frozen_gc():
        first = next(batches, None)
        second = next(batches, None)
        ahead = [b for b in (first, second) if b is not None]
        row = 0
        if second is None or workers <= 1:
            for batch, count in itertools.chain(ahead, batches):
                take(compile_batch(batch, row, date_format, unit))
                row += count
            checks.finish()
            return merge(parts, source, started)
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
        )
        done = False
        try:
            with held_interrupts():  # every worker started whole, before any interrupt
                for _ in range(workers):
                    pool.submit(_ready)
            pending: deque[Future[Compiled]] = deque()
            for batch, count in itertools.chain(ahead, batches):
                pending.append(pool.submit(compile_batch, batch, row, date_format, unit))
                row += count
                while len(pending) > workers * 2:  # bounded: the source is read only a few parts ahead
                    take(pending.popleft().result())
            while pending:
                take(pending.popleft().result())
            checks.finish()
            built = merge(parts, source, started, pool.map)  # the key tries compile on the workers too
            done = True
            return built
        finally:
            if not done:
                _stop(pool)
            pool.shutdown(wait=done, cancel_futures=not done)
