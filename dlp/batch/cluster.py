"""A batch run's letters checked on a Dask distributed cluster (`dlp batch --cluster tcp://HOST:8786`).

    dlp batch ──chunks of letters──▶ scheduler ──▶ Dask worker ──▶ its scanning processes (dlp.batch.dask_worker)
        ◀── results of letters 1, 2, 3 … in order (a bounded window of chunks; later ones wait on the cluster)

The run's own process keeps what only it can know: the data rows around each letter, row-shift, duplicate and
missing-letter detection, the run's one incident and every incident record (the cluster holds no store: a
worker lost after checking a letter has it checked again elsewhere, and two records of one incident would
follow). Each letter is settled once, in order, by its number: a letter checked twice (Dask re-runs the tasks
of a lost worker) is counted once, and none is lost. The scheduler going away stops the run (RunStopped).

Letters travel in chunks (a Dask task costs about a millisecond of the scheduler's time, a letter about ten
of a worker's: a task per letter would make the scheduler the bottleneck). Workers need the compiled registry
index (`dlp registry build`) and the letters at paths they can all read; a merged print file is split into
page ranges (dlp.batch.pages) in parallel, then checked letter by letter. Dask is imported only here and in
dlp.batch.dask_worker: a run without a cluster never loads it.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed import Client, Future
from distributed.scheduler import KilledWorker

from dlp import handlers
from dlp.batch.dask_worker import DlpBatch, check_letters, ready, run_job
from dlp.batch.pages import RangeLetter, page_count, split_range
from dlp.batch.worker import LetterResult, Task, split_file
from dlp.errors import DlpError, RegistryError, UsageError
from dlp.model import Channel
from dlp.registry.format import is_index_file
from dlp.registry.live import load_index
from dlp.scanner import registry_location

if TYPE_CHECKING:
    from dlp.batch.run import BatchRun, Letter

log = logging.getLogger("dlp.batch")
PAGES_PER_TASK = 200  # a merged print file larger than this is split in ranges of this many pages
LETTERS_PER_TASK = 16
CONNECT_SECONDS = 15  # a scheduler that is starting, or far away; refused connections are retried meanwhile
WAIT_STEP = 1.0  # how often a wait for a result looks at whether the scheduler is still there
KILLED = "it stopped the cluster's workers again and again (a crash or over their memory)"


@dataclass(eq=False)
class _Chunk:
    tasks: list[Task] = field(default_factory=list)
    future: Future | None = None
    results: list[LetterResult | str] | None = None


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
        self._open: _Chunk | None = None  # letters not yet sent
        self.in_flight = LETTERS_PER_TASK
        try:
            plugin = DlpBatch(self.key, run.config, self.index_path, self.index.checksum)
            plugin.name = self.name
            self.client.register_plugin(plugin, self.name)
            workers = self.client.nthreads()
            if not workers:
                raise UsageError(f"the Dask cluster at {address} has no workers")
            # Three chunks per worker thread: one being checked, two waiting, whatever the order they finish in.
            self.in_flight = 3 * LETTERS_PER_TASK * sum(workers.values())
            # Each worker starts its scanning processes now, in a task: a bad index path stops the run here.
            started = [
                self.client.submit(ready, self.key, workers=[w], allow_other_workers=False, pure=False) for w in workers
            ]
            for future in started:
                self._get(future)
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
        pages: int | str = self._get(self._submit(run_job, page_count, absolute))
        if isinstance(pages, str):
            self.total = 1
            yield source, None, None, pages
            return
        if pages <= PAGES_PER_TASK:
            letters = self._get(self._submit(run_job, split_file, absolute))
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
            while ranges and len(ahead) <= self.in_flight // (3 * LETTERS_PER_TASK):  # a range per thread, and one
                ahead.append(self._submit(run_job, split_range, absolute, *ranges.popleft()))
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

    def submit(self, task: Task) -> tuple[_Chunk, int]:
        # Workers read the letter at its absolute path; the result names it as the user gave it.
        remote = replace(task, source=str(Path(task.source).resolve())) if task.communication is None else task
        chunk = self._open = self._open or _Chunk()
        chunk.tasks.append(remote)
        if len(chunk.tasks) == LETTERS_PER_TASK:
            self._send()
        return chunk, len(chunk.tasks) - 1

    def _send(self) -> None:
        chunk, self._open = self._open, None
        if chunk is not None:
            first, last = chunk.tasks[0].number, chunk.tasks[-1].number
            chunk.future = self._submit(check_letters, chunk.tasks, key=f"{self.name}-letters-{first}-{last}")

    def result(self, task: Task, handle: tuple[_Chunk, int]) -> LetterResult | str:
        chunk, place = handle
        if chunk.future is None:
            self._send()  # the run waits for it: send what there is
        if chunk.results is None:
            chunk.results = self._chunk_results(chunk)
        result = chunk.results[place]
        if isinstance(result, str):
            return result
        result = replace(result, source=task.source)
        if result.unrecorded is not None:
            verdict, item = result.unrecorded
            recorded = handlers.record(self.run.store, verdict, item, Channel.BATCH, self.index)
            result = replace(result, incident=recorded.incident, unrecorded=None)
        return result

    def _chunk_results(self, chunk: _Chunk) -> list[LetterResult | str]:
        assert chunk.future is not None
        try:
            results: list[LetterResult | str] = self._get(chunk.future)
            return results
        except KilledWorker:
            if len(chunk.tasks) == 1:
                return [KILLED]
        except DlpError:
            raise
        except Exception as exc:  # noqa: BLE001 - the letters are held, the run goes on
            return [f"an internal error ({exc.__class__.__name__})"] * len(chunk.tasks)
        # Some letter of the chunk took its workers down, again and again: each on its own, to find which.
        singles = [_Chunk([task], self._submit(check_letters, [task])) for task in chunk.tasks]
        return [self._chunk_results(single)[0] for single in singles]

    def _submit(self, function: Callable[..., Any], *args: Any, key: str | None = None) -> Future:
        """`function(run key, *args)` on a worker (run_job for a dlp.workers job, check_letters for letters)."""
        future = self.client.submit(function, self.key, *args, key=key, pure=False)
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
