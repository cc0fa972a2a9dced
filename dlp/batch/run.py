"""A mail-merge run, letter by letter against its own data row, in parallel and in bounded memory.

Rows stream from the data file and only a window of them around the current letter is kept; letters are
handed to an engine a few at a time and their results come back in order: supervised worker processes on
this host (dlp.workers, below), or a Dask cluster (dlp.batch.cluster, `--cluster`). A letter over its wall-time
budget, or one that kills a worker twice, is reported as unscannable_content and the run goes on.

A run stopped before its end (Ctrl-C, the cluster's scheduler gone) still returns its report, marked
`stopped`, covering the letters checked so far; such a report never counts as passed.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from dlp import handlers
from dlp.batch.rows import Row, read_rows
from dlp.batch.worker import LetterResult, Task, check_letter, split_file, unscannable_letter, unscannable_result
from dlp.config import Config
from dlp.errors import DlpError, RegistryError, UsageError, WorkerError, WorkerLost, WorkerTimeout
from dlp.folder.names import is_ignored
from dlp.lifetime import interrupted_by
from dlp.model import Channel, Communication, Decision, Severity, Verdict, Violation
from dlp.policy import Policy
from dlp.registry.live import SharedRegistry, registry_problem
from dlp.scanner import registry_location
from dlp.store import IncidentStore
from dlp.workers import BlockingPool
from dlp.workers.held import failure_reason


def natural_key(path: Path) -> list[object]:
    """`letter2` before `letter10`."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def letter_files(folder: Path) -> list[Path]:
    """A folder's letters in the run's order."""
    return sorted((p for p in folder.iterdir() if p.is_file() and not is_ignored(p)), key=natural_key)


@dataclass
class RunReport:
    letters: int = 0
    rows: int = 0
    blocked: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    shift: tuple[int, int] | None = None  # (first letter, offset k): letter i carries row i+k from here on
    duplicates: dict[int, list[int]] = field(default_factory=dict)  # row -> letters addressed to it
    rows_without_letter: list[int] = field(default_factory=list)
    letters_without_row: list[int] = field(default_factory=list)
    run_incident: str | None = None
    total: int | None = None  # letters in the run, once known
    stopped: str | None = None  # why the run ended before its last letter (the report covers those checked)

    @property
    def failed(self) -> bool:
        return bool(
            self.blocked or self.rows_without_letter or self.duplicates or self.letters_without_row or self.stopped
        )


# (source, locator, the letter if split from a merged file, why the file could not be split)
Letter = tuple[str, str | None, Communication | None, str | None]


class RunStopped(DlpError):
    """The run cannot go on (the cluster's scheduler went away): stop, and report what was checked."""


class Engine(Protocol):
    """Where letters are checked: `submit()` a task, later `result()` of it, in the order submitted."""

    in_flight: int  # letters submitted ahead of the one awaited
    total: int | None  # letters in the run, once known

    def letters(self) -> Iterator[Letter]: ...
    def submit(self, task: Task) -> Any: ...
    def result(self, task: Task, handle: Any) -> LetterResult | str: ...  # a str: why it is unscannable
    def close(self) -> None: ...


class BatchRun:
    def __init__(
        self,
        config: Config,
        registry_path: str | None,
        data: Path,
        letters: Path,
        overrides: dict[str, str],
        workers: int | None = None,
        cluster: str | None = None,
    ) -> None:
        self.config = config
        self.registry_path = registry_path
        self.data = data
        self.letters_path = letters
        self.overrides = overrides
        self.workers = workers or config.batch.workers
        self.window = config.batch.shift_window
        self.budget = float(config.limits.max_scan_seconds)
        self.store = IncidentStore.from_config(config)
        self.policy = Policy.from_config(config)
        self.cluster = cluster or config.batch.cluster or None  # a Dask scheduler's address
        self.engine: Engine | None = None  # while the run runs
        self._run_violations: list[Violation] = []
        self._initials: dict[str, str] = {}
        if not letters.exists():
            raise UsageError(f"letters not found: {letters}")

    def run(
        self,
        emit: Callable[[LetterResult, str | None], None],
        progress: Callable[[int, int | None], None] | None = None,
    ) -> RunReport:
        """Check every letter; `emit` gets each result in order, `progress` (letters done, total) after it."""
        report = RunReport()
        try:
            _, rows = read_rows(self.data, self.config.batch, self.overrides)
        except BaseException:
            self.close()
            raise
        buffer: dict[int, Row] = {}
        rows_read = 0
        rows_done = False

        def window(number: int) -> tuple[Row, ...]:
            nonlocal rows_read, rows_done
            while not rows_done and rows_read < number + self.window:
                row = next(rows, None)
                if row is None:
                    rows_done = True
                    break
                rows_read = row.number
                buffer[row.number] = row
            for old in [n for n in buffer if n < number - self.window]:
                del buffer[old]
            return tuple(buffer[n] for n in range(number - self.window, number + self.window + 1) if n in buffer)

        # The first letter addressed to each row; a row's later letters make it a duplicate.
        first_letter: dict[int, int] = {}
        offsets: list[tuple[int, int]] = []
        engine = self.start()
        pending: deque[tuple[Task, Any]] = deque()

        def settle(result: LetterResult) -> None:
            # A letter that matches a row counts for that row alone; one that does not, for every row it names.
            for row in (result.row,) if result.row is not None else result.addressee_rows:
                if row not in first_letter:
                    first_letter[row] = result.number
                else:
                    report.duplicates.setdefault(row, [first_letter[row]]).append(result.number)
                    if result.row is not None:
                        result = _duplicate(result, row, first_letter[row])
            report.letters += 1
            report.decisions[result.decision] += 1
            if not result.row_ok:
                # Where the letter's data came from: its addressee's row, else the row of its reference.
                found = [r for r in (*result.addressee_rows, *result.reference_rows) if r != result.number]
                if found:
                    offsets.append((result.number, found[0] - result.number))
            incident = result.incident
            if result.in_run_incident:
                incident = self._run_incident(result)
                report.run_incident = incident
            if result.decision in ("quarantine", "reject"):
                report.blocked += 1
            emit(result, incident)
            report.total = engine.total
            if progress:
                progress(report.letters, report.total)

        try:
            letters = engine.letters()
            for number, (source, locator, item, unreadable) in enumerate(letters, 1):
                task = Task(number, source, locator, item, window(number))
                pending.append((task, unreadable or engine.submit(task)))
                while len(pending) > engine.in_flight:
                    settle(self._result(engine, *pending.popleft()))
            while pending:
                settle(self._result(engine, *pending.popleft()))
            for _ in rows:
                rows_read += 1
            report.rows = rows_read
        except KeyboardInterrupt as exc:
            report.stopped = f"interrupted ({interrupted_by(exc)})"
        except RunStopped as exc:
            report.stopped = str(exc)
        finally:
            self.close()
        report.shift = _shift_start(offsets)
        if report.stopped:
            # Only what was checked is known: rows well behind the last letter checked that none addressed.
            report.rows = rows_read
            seen = report.letters - self.window
            report.rows_without_letter = [n for n in range(1, min(seen, rows_read) + 1) if n not in first_letter]
            report.letters_without_row = list(range(rows_read + 1, report.letters + 1)) if rows_done else []
        else:
            report.letters_without_row = list(range(report.rows + 1, report.letters + 1))
            report.rows_without_letter = [n for n in range(1, report.rows + 1) if n not in first_letter]
        self._finish_run_incident(report)
        return report

    def start(self) -> Engine:
        """Start the run's engine (run() does, if not done before). Local processes are best started while this
        process has one thread, so they fork from it instead of starting afresh."""
        if self.engine is None:
            if self.cluster:
                try:
                    from dlp.batch.cluster import ClusterEngine  # Dask is imported only for a cluster run
                except ImportError:
                    raise UsageError(
                        "a cluster run needs Dask: pip install 'dlp-outgoing[cluster]' (here and on the workers)"
                    ) from None

                self.engine = ClusterEngine(self, self.cluster)
            else:
                self.engine = LocalEngine(self)
        return self.engine

    @property
    def pool(self) -> BlockingPool | None:
        """The local scanning processes, while a local run runs."""
        return self.engine.pool if isinstance(self.engine, LocalEngine) else None

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None

    def _result(self, engine: Engine, task: Task, outcome: Any) -> LetterResult:
        if isinstance(outcome, str):
            return self._unscannable(task, outcome)
        result = engine.result(task, outcome)
        return self._unscannable(task, result) if isinstance(result, str) else result

    def _unscannable(self, task: Task, reason: str) -> LetterResult:
        item, verdict = unscannable_letter(self.policy, task, reason)
        incident = handlers.record(self.store, verdict, item, Channel.BATCH, None).incident
        return unscannable_result(task, item, verdict, incident)

    _run_incident_id: str | None = None

    def _run_incident(self, result: LetterResult) -> str:
        """One incident for the whole run's row problems (a shift affects every letter after it)."""
        self._run_violations.extend(result.violations)
        self._initials.update(result.initials)
        return self._save_run_incident(update=False)

    def _finish_run_incident(self, report: RunReport) -> None:
        problems = []
        if report.shift:
            start, k = report.shift
            problems.append((Severity.HIGH, f"data rows shifted by {k:+d} from letter {start} on"))
        if report.duplicates:
            problems.append((Severity.MEDIUM, f"{len(report.duplicates)} data row(s) have more than one letter"))
        if report.rows_without_letter:
            problems.append((Severity.MEDIUM, f"{len(report.rows_without_letter)} data row(s) have no letter"))
        if not problems and self._run_incident_id is None:
            return
        self._run_violations.extend(
            Violation("mixed_client_documents", severity, Decision.QUARANTINE, (), "run", words)
            for severity, words in problems
        )
        report.run_incident = self._save_run_incident(update=True)

    def _save_run_incident(self, update: bool) -> str:
        verdict = Verdict(str(self.data), Decision.QUARANTINE, tuple(self._run_violations))
        if self._run_incident_id is None:
            item = Communication(kind="mail-merge run", source=str(self.data))
            self._run_incident_id = self.store.record(
                verdict,
                item,
                Channel.BATCH,
                None,
                handlers.RUN_ACTION,
                initials=self._initials,
            )
        elif update:
            self.store.replace_findings(self._run_incident_id, verdict, self._initials)
        return self._run_incident_id


class LocalEngine:
    """Supervised scanning processes on this host (dlp.workers), all mapping one index file."""

    def __init__(self, run: BatchRun) -> None:
        self.run = run
        self.budget = run.budget
        self.in_flight = run.workers * 4
        self.total: int | None = None
        # Every worker maps one index file (a CSV is compiled once, here): one copy of the registry per host.
        self._shared: SharedRegistry | None = SharedRegistry(
            registry_location(run.config, run.registry_path), run.config.registry
        )
        problem = registry_problem(self._shared)
        if problem:
            self.close()
            raise RegistryError(problem)
        self.pool: BlockingPool | None = None
        try:
            self.pool = BlockingPool(run.config, str(self._shared.worker_path), run.workers, name="batch").start()
        except BaseException:
            self.close()
            raise

    def letters(self) -> Iterator[Letter]:
        path = self.run.letters_path
        if path.is_dir():
            files = letter_files(path)
            self.total = len(files)
            for file in files:
                yield str(file), None, None, None
            return
        assert self.pool is not None
        source = str(path)
        try:  # split in a worker too: a hostile print file must not hang or kill the run
            letters = self.pool.run(split_file, source, budget=self.budget)
        except (WorkerLost, WorkerTimeout) as exc:
            letters = failure_reason(exc)
        if isinstance(letters, str):
            self.total = 1
            yield source, None, None, letters
            return
        self.total = len(letters)
        for item in letters:
            yield source, item.locator, item, None

    def submit(self, task: Task) -> Future[LetterResult]:
        assert self.pool is not None
        return self.pool.submit(check_letter, task, budget=self.budget)

    def result(self, task: Task, handle: Future[LetterResult]) -> LetterResult | str:
        """The letter's result; over its budget, or killing a worker twice, why it is unscannable."""
        assert self.pool is not None
        try:
            return handle.result()
        except WorkerLost:
            try:  # once more, on a fresh worker: the first may have died of something else
                return self.pool.run(check_letter, task, budget=self.budget)
            except (WorkerLost, WorkerTimeout) as exc:
                return failure_reason(exc)
        except WorkerTimeout as exc:
            return failure_reason(exc)
        except WorkerError as exc:
            return str(exc)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self._shared is not None:
            self._shared.close()
            self._shared = None


def _duplicate(result: LetterResult, row: int, first: int) -> LetterResult:
    """A second letter for one data row is pulled: the person would get two, one of them perhaps not theirs."""
    words = f"letter {result.number} is a second letter for data row {row} (the first is letter {first})"
    violation = Violation("mixed_client_documents", Severity.MEDIUM, Decision.QUARANTINE, (), "letter", words)
    decision = max(Decision(result.decision), Decision.QUARANTINE, key=lambda d: d.rank)
    return replace(result, decision=decision.value, violations=(*result.violations, violation), in_run_incident=True)


def _shift_start(offsets: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first letter from which two or more letters in a row carry the same row offset. One letter alone
    that carries another row's data is its own mismatch, reported as such: not a shift of the whole run."""
    for (first, k), (second, k2) in zip(offsets, offsets[1:], strict=False):
        if k == k2 and second == first + 1:
            return first, k
    return None
