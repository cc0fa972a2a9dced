"""A mail-merge run, letter by letter against its own data row, in parallel and in bounded memory.

Rows stream from the data file and only a window of them around the current letter is kept; letters are
handed to supervised worker processes (dlp.workers) a few at a time and their results come back in order.
A letter over its wall-time budget, or one that kills a worker twice, is reported as unscannable_content and
the run goes on.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path

from dlp import handlers
from dlp.batch.rows import Row, read_rows
from dlp.batch.worker import LetterResult, Task, check_letter, split_file, unscannable_letter, unscannable_result
from dlp.config import Config
from dlp.errors import RegistryError, UsageError, WorkerError, WorkerLost, WorkerTimeout
from dlp.folder.names import is_ignored
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

    @property
    def failed(self) -> bool:
        return bool(self.blocked or self.rows_without_letter or self.duplicates or self.letters_without_row)


class BatchRun:
    def __init__(
        self,
        config: Config,
        registry_path: str | None,
        data: Path,
        letters: Path,
        overrides: dict[str, str],
        workers: int | None = None,
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
        self.pool: BlockingPool | None = None  # the run's scanning processes, while it runs
        self._run_violations: list[Violation] = []
        self._initials: dict[str, str] = {}
        if not letters.exists():
            raise UsageError(f"letters not found: {letters}")

    def _letters(self, pool: BlockingPool) -> Iterator[tuple[str, str | None, Communication | None, str | None]]:
        """(source, locator, the letter if split from a merged file, why the file could not be split)."""
        if self.letters_path.is_dir():
            for path in sorted(
                (p for p in self.letters_path.iterdir() if p.is_file() and not is_ignored(p)), key=natural_key
            ):
                yield str(path), None, None, None
            return
        source = str(self.letters_path)
        try:  # split in a worker too: a hostile print file must not hang or kill the run
            letters = pool.run(split_file, source, budget=self.budget)
        except (WorkerLost, WorkerTimeout) as exc:
            letters = failure_reason(exc)
        if isinstance(letters, str):
            yield source, None, None, letters
            return
        for item in letters:
            yield source, item.locator, item, None

    def run(
        self,
        emit: Callable[[LetterResult, str | None], None],
        progress: Callable[[], None] | None = None,
    ) -> RunReport:
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
        pool = self.start()
        pending: deque[tuple[Task, Future[LetterResult] | str]] = deque()

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
            if progress:
                progress()

        try:
            for number, (source, locator, item, unreadable) in enumerate(self._letters(pool), 1):
                task = Task(number, source, locator, item, window(number))
                pending.append((task, unreadable or pool.submit(check_letter, task, budget=self.budget)))
                while len(pending) > self.workers * 4:
                    settle(self._result(pool, *pending.popleft()))
            while pending:
                settle(self._result(pool, *pending.popleft()))
            for _ in rows:
                rows_read += 1
            report.rows = rows_read
        finally:
            self.close()
        report.shift = _shift_start(offsets)
        report.letters_without_row = list(range(report.rows + 1, report.letters + 1))
        report.rows_without_letter = [n for n in range(1, report.rows + 1) if n not in first_letter]
        self._finish_run_incident(report)
        return report

    def start(self) -> BlockingPool:
        """Start the run's scanning processes (run() does, if not done before): best while this process has
        one thread, so they fork from it instead of starting afresh."""
        if self.pool is None:
            # Every worker maps one index file (a CSV is compiled once, here): one copy of the registry per host.
            self._shared = SharedRegistry(registry_location(self.config, self.registry_path), self.config.registry)
            problem = registry_problem(self._shared)
            if problem:
                self.close()
                raise RegistryError(problem)
            worker_path = str(self._shared.worker_path)
            self.pool = BlockingPool(self.config, worker_path, self.workers, name="batch").start()
        return self.pool

    _shared: SharedRegistry | None = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    def _result(self, pool: BlockingPool, task: Task, outcome: Future[LetterResult] | str) -> LetterResult:
        """The letter's result; over its budget, or killing a worker twice, it is unscannable."""
        if isinstance(outcome, str):
            return self._unscannable(task, outcome)
        try:
            return outcome.result()
        except WorkerLost:
            try:  # once more, on a fresh worker: the first may have died of something else
                return pool.run(check_letter, task, budget=self.budget)
            except (WorkerLost, WorkerTimeout) as exc:
                return self._unscannable(task, failure_reason(exc))
        except WorkerTimeout as exc:
            return self._unscannable(task, failure_reason(exc))
        except WorkerError as exc:
            return self._unscannable(task, str(exc))

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


def _duplicate(result: LetterResult, row: int, first: int) -> LetterResult:
    """A second letter for one data row is pulled: the person would get two, one of them perhaps not theirs."""
    words = f"letter {result.number} is a second letter for data row {row} (the first is letter {first})"
    violation = Violation("mixed_client_documents", Severity.MEDIUM, Decision.QUARANTINE, (), "letter", words)
    decision = max(Decision(result.decision), Decision.QUARANTINE, key=lambda d: d.rank)
    return replace(result, decision=decision.value, violations=(*result.violations, violation), in_run_incident=True)


def _shift_start(offsets: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first letter from which two or more letters in a row carry the same row offset."""
    for (first, k), (second, k2) in zip(offsets, offsets[1:], strict=False):
        if k == k2 and second == first + 1:
            return first, k
    return offsets[0] if len(offsets) == 1 else None
