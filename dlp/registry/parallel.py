"""Building a large index on every core: rows are validated and keyed in worker processes, a part of
`PART_ROWS` clients at a time, and merged here in row order.

The parent only reads rows (CSV or database cursor), hands them out a few parts ahead of the workers, and
runs the checks across rows (duplicate ids, unknown joint holders) on the ids that come back. A source
smaller than one part is compiled in this process: starting workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from dlp.registry.build import PART_ROWS, Part, compile_part, frozen_gc, merge, new_hash_base
from dlp.registry.client import Client
from dlp.registry.loader import CrossRowChecks, parse_row

Rows = list[tuple[int, Mapping[str, object]]]


def _compile_rows(
    rows: Rows, first_row: int, hash_base: int, date_format: str | None, unit: str
) -> tuple[Part, list[int], list[tuple[str, ...]]]:
    joint: list[tuple[str, ...]] = []

    def clients() -> Iterator[Client]:
        # Each client is keyed right after it is parsed, so its address, parsed to validate it, is still in
        # the parse cache when the keys are made: every address is parsed once.
        for line, row in rows:
            client = parse_row(row, line, date_format, unit)
            joint.append(client.joint_with)
            yield client

    part = compile_part(clients(), first_row, hash_base)
    return part, [line for line, _ in rows], joint


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
    started = time.perf_counter()
    base = new_hash_base()
    checks = CrossRowChecks(unit)
    parts: list[Part] = []
    rows_iter = iter(rows)
    batches: Iterator[Rows] = iter(lambda: list(itertools.islice(rows_iter, PART_ROWS)), [])

    def take(result: tuple[Part, list[int], list[tuple[str, ...]]]) -> None:
        part, lines, joint = result
        for line, cid, others in zip(lines, part.ids, joint, strict=True):
            checks.add(line, cid, others)
        parts.append(part)
        if progress is not None:
            progress(part.first_row + len(part.ids))

    with frozen_gc():
        first = next(batches, [])
        second = next(batches, [])
        if not second or workers <= 1:
            row = 0
            for batch in itertools.chain([first], [second] if second else [], batches):
                take(_compile_rows(batch, row, base, date_format, unit))
                row += len(batch)
        else:
            context = multiprocessing.get_context("spawn")
            # Workers build nothing cyclic either: no collections while a part's objects are alive.
            with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=gc.disable) as pool:
                pending: deque[Future[tuple[Part, list[int], list[tuple[str, ...]]]]] = deque()
                row = 0
                for batch in itertools.chain([first, second], batches):
                    pending.append(pool.submit(_compile_rows, batch, row, base, date_format, unit))
                    row += len(batch)
                    while len(pending) > workers * 2:  # bounded: rows are read only a few parts ahead
                        take(pending.popleft().result())
                while pending:
                    take(pending.popleft().result())
        checks.finish()
        return merge(parts, base, source, started)
