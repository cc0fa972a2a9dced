"""A batch run's letters checked on a Dask distributed cluster (`dlp batch --cluster tcp://HOST:8786`).

    dlp batch ──submit(letter n)──▶ scheduler ──▶ worker: the index mapped once per process (DlpBatch plugin)
        ◀── result of letter 1, 2, 3 … in order (a window of futures; later ones wait on the cluster)

The run's own process keeps what only it can know: the data rows around each letter, row-shift, duplicate and
missing-letter detection, the run's one incident and every incident record (workers hold no store: a worker
lost after checking a letter has it checked again elsewhere, and two records of one incident would follow).
A task's key is its letter's number, and each number is settled once, in order: a letter checked twice
(Dask re-runs the tasks of a lost worker) is counted once, and none is lost. A letter that kills workers again
and again (Dask's `allowed-failures`) is unscannable; the scheduler going away stops the run (RunStopped).

Workers need the compiled registry index (`dlp registry build`) and the letters at paths they can all read;
a merged print file is split into page ranges (dlp.batch.pages) split in parallel, then checked letter by letter.
Dask is imported only here: a run without a cluster never loads it.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed import Client, Future, WorkerPlugin
from distributed.scheduler import KilledWorker

from dlp import handlers
from dlp.batch.pages import RangeLetter, page_count, split_range
from dlp.batch.worker import LetterResult, Task, check_letter, split_file
from dlp.config import Config
from dlp.errors import DlpError, RegistryError, UsageError
from dlp.model import Channel
from dlp.registry.format import is_index_file
from dlp.registry.live import load_index
from dlp.scanner import registry_location

if TYPE_CHECKING:
    from dlp.batch.run import BatchRun, Letter
    from dlp.workers import WorkerState

log = logging.getLogger("dlp.batch")
PAGES_PER_TASK = 200  # a merged print file larger than this is split in ranges of this many pages
CONNECT_SECONDS = 15  # a scheduler that is starting, or far away; refused connections are retried meanwhile
WAIT_STEP = 1.0  # how often a wait for a result looks at whether the scheduler is still there

# -- on the workers -------------------------------------------------------------------------------------------

_specs: dict[str, tuple[Config, str, str]] = {}  # run key -> (config, index path, its checksum)
_states: dict[str, tuple[WorkerState, threading.Lock]] = {}  # one per (config, index) in this worker process
_states_lock = threading.Lock()


class DlpBatch(WorkerPlugin):
    """Tells every worker, present and joining later, where the run's index is; the worker loads it on its
    first letter of the run and keeps it for the next ones (and the next runs with the same index)."""

    def __init__(self, key: str, config: Config, index_path: str, checksum: str) -> None:
        self.key, self.config, self.index_path, self.checksum = key, config, index_path, checksum

    def setup(self, worker: Any) -> None:
        _specs[self.key] = (self.config, self.index_path, self.checksum)


def _state(key: str) -> tuple[WorkerState, threading.Lock]:
    with _states_lock:
        if key not in _states:
            from dlp.workers import bootstrap

            try:
                config, path, checksum = _specs[key]
            except KeyError:
                raise RegistryError("this worker was not told the run's registry (its plugin did not run)") from None
            state = bootstrap(config, path, record=False)  # no store: the run's process records incidents
            if state.scanner.index.checksum != checksum:
                raise RegistryError(
                    f"the registry index at {path} on a worker is not the one the run was started with "
                    "(workers need the same file, on storage they share)"
                )
            _states[key] = (state, threading.Lock())
        return _states[key]


def on_worker(key: str, job: Callable[..., Any], *args: Any) -> Any:
    """Run `job(state, *args)` (a dlp.workers job) in this Dask worker with the run's scanner."""
    state, lock = _state(key)
    with lock:  # one scanner per process: a worker with several threads checks one letter at a time
        return job(state, *args)


def _checksum(state: WorkerState) -> str:
    return state.scanner.index.checksum


# -- in the run's process ---------------------------------------------------------------------------------


class ClusterEngine:
    """The run's letters on a Dask cluster; the same interface as run.LocalEngine."""

    def __init__(self, run: BatchRun, address: str) -> None:
        self.run = run
        self.address = address
        self.total: int | None = None
        path = registry_location(run.config, run.registry_path)
        if not is_index_file(path):
            raise UsageError(
                f"a cluster run needs the compiled registry index on storage every worker reads: "
                f"`dlp registry build {path} -o /shared/clients.dlpidx`, then --registry /shared/clients.dlpidx"
            )
        self.index_path = str(Path(path).resolve())
        self.index = load_index(self.index_path)  # for the incident records written here
        digest = hashlib.sha256(pickle.dumps(run.config)).hexdigest()[:16]
        self.key = f"{digest}-{self.index.checksum[:16]}"  # runs with one config and index share a state
        self.name = f"dlp-batch-{uuid.uuid4().hex[:12]}"
        if logging.getLogger("dlp").getEffectiveLevel() > logging.INFO:
            # Dask logs a lost scheduler with a traceback per reconnection attempt; the run says it once itself.
            for name in ["distributed", *logging.root.manager.loggerDict]:
                if name.startswith("distributed"):
                    logging.getLogger(name).setLevel(logging.CRITICAL)
        try:
            self.client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self.index.close()
            raise UsageError(f"cannot reach the Dask scheduler at {address} ({exc.__class__.__name__})") from None
        self._futures: deque[Future] = deque()
        self.in_flight = 8
        try:
            self.client.register_plugin(DlpBatch(self.key, run.config, self.index_path, self.index.checksum), self.name)
            workers = self.client.nthreads()
            if not workers:
                raise UsageError(f"the Dask cluster at {address} has no workers")
            self.in_flight = max(8, 4 * sum(workers.values()))
            # Each worker loads the index now, in a task (not in its event loop): a bad path stops the run here.
            for ready in [self._submit(_checksum, workers=[w], allow_other_workers=False) for w in workers]:
                self._get(ready)
        except BaseException:
            self.close()
            raise

    # -- letters ------------------------------------------------------------------------------------------

    def letters(self) -> Iterator[Letter]:
        from dlp.batch.run import letter_files

        path = self.run.letters_path
        if not path.is_dir():
            yield from self._merged(str(path))
            return
        files = letter_files(path)
        self.total = len(files)
        for file in files:
            yield str(file), None, None, None

    def _merged(self, source: str) -> Iterator[Letter]:
        """The letters of one merged print file: page ranges split in parallel, taken in order."""
        absolute = str(Path(source).resolve())
        pages = self._get(self._submit(page_count, absolute))
        if pages <= PAGES_PER_TASK:
            letters = self._get(self._submit(split_file, absolute))
            if isinstance(letters, str):
                self.total = 1
                yield source, None, None, letters
                return
            self.total = len(letters)
            for item in letters:
                yield source, item.locator, replace(item, source=source), None
            return
        ranges = deque((first, min(first + PAGES_PER_TASK, pages)) for first in range(0, pages, PAGES_PER_TASK))
        ahead: deque[Future] = deque()
        number = 0
        while ranges or ahead:
            while ranges and len(ahead) < max(2, self.in_flight // 8):
                ahead.append(self._submit(split_range, absolute, *ranges.popleft()))
            found: list[RangeLetter] | str = self._get(ahead.popleft())
            if isinstance(found, str):  # a range that cannot be read: held as one unscannable letter
                number += 1
                yield source, f"letter {number}", None, found
                continue
            for piece in found:
                number += 1
                locator = f"letter {number}, {piece.pages}"
                yield source, locator, replace(piece.letter, source=source, locator=locator), None
        self.total = number

    # -- checking -----------------------------------------------------------------------------------------

    def submit(self, task: Task) -> Future:
        # Workers read the letter at its absolute path; the result names it as the user gave it.
        remote = replace(task, source=str(Path(task.source).resolve())) if task.communication is None else task
        return self._submit(check_letter, remote, key=f"{self.name}-letter-{task.number}")

    def result(self, task: Task, handle: Future) -> LetterResult | str:
        try:
            result: LetterResult = self._get(handle)
        except KilledWorker:
            return "it stopped the cluster's workers again and again (a crash or over their memory)"
        except DlpError:
            raise
        except Exception as exc:  # noqa: BLE001 - the letter is held, the run goes on
            return f"an internal error ({exc.__class__.__name__})"
        result = replace(result, source=task.source)
        if result.unrecorded is not None:
            verdict, item = result.unrecorded
            recorded = handlers.record(self.run.store, verdict, item, Channel.BATCH, self.index)
            result = replace(result, incident=recorded.incident, unrecorded=None)
        return result

    def _submit(self, job: Callable[..., Any], *args: Any, key: str | None = None, **where: Any) -> Future:
        future = self.client.submit(on_worker, self.key, job, *args, key=key, pure=False, **where)
        self._futures.append(future)  # cancelled if the run stops; done ones are let go now and then
        if len(self._futures) > 1000:
            self._futures = deque(f for f in self._futures if not f.done())
        return future

    def _get(self, future: Future) -> Any:
        """The future's result, waiting as long as the cluster works on it; RunStopped if the scheduler goes."""
        from dlp.batch.run import RunStopped

        while True:
            if self.client.status not in ("running", "connecting", "newly-created"):
                raise RunStopped(f"the Dask scheduler at {self.address} went away ({self.client.status})")
            try:
                value = future.result(timeout=WAIT_STEP)
            except TimeoutError:
                continue
            except DlpError as exc:
                if isinstance(exc, RegistryError):  # a worker cannot load the index: no letter can be checked
                    raise RunStopped(f"a cluster worker cannot check letters: {exc}") from None
                raise
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt | KilledWorker) or future.status == "error":
                    raise  # Ctrl-C; a letter that killed its workers; a job that failed on a worker
                # Cancelled, lost, a closed connection: the scheduler is gone and the run's work with it.
                raise RunStopped(f"the Dask scheduler at {self.address} went away ({exc.__class__.__name__})") from None
            future.release()
            return value

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is None:
            self.index.close()
            return
        try:
            if client.status == "running":
                client.cancel(list(self._futures), force=True)
                client.unregister_worker_plugin(self.name)
        except Exception:  # noqa: BLE001 - closing after the scheduler went away
            log.debug("cluster clean-up incomplete")
        try:
            client.close(timeout=10)
        except Exception:  # noqa: BLE001
            log.debug("cluster client did not close cleanly")
        self.client = None  # type: ignore[assignment]
        self.index.close()
