"""What a Dask worker runs for a batch run: the run's letters, checked in supervised scanning processes.

    Dask worker process ──▶ BlockingPool (dlp.workers): zygote (index mapped, scanner built once) ──▶ scanners
                            one scanning process per worker thread, kept for the next runs with the same index

Each Dask worker starts the same supervised pool a local run uses, so a letter on a cluster has what it has
on one host: its wall-time budget and memory cap (a hung or hostile letter is killed, never a worker thread
lost for good), a second try when it kills its scanning process, and the answer "unscannable" after that.
The Dask worker itself only carries tasks; a scanner crash never takes it (and its other tasks) down.

`DlpBatch`, a worker plugin, tells every worker (present, or joining later) the run's configuration and
index; the pool is started on the run's first task in that worker (seconds: a fresh interpreter bootstraps)
and kept for the next run with the same configuration and index, until a run with another one needs a pool.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from distributed import WorkerPlugin, get_worker

from dlp.batch.worker import LetterResult, Task, check_letter
from dlp.config import Config
from dlp.errors import RegistryError, WorkerError, WorkerLost, WorkerTimeout
from dlp.workers import BlockingPool, WorkerState
from dlp.workers.held import failure_reason

_specs: dict[str, tuple[Config, str, str]] = {}  # key -> (config, index path, its checksum)
_users: dict[str, set[str]] = {}  # key -> the plugins (runs) using it
_pools: dict[str, BlockingPool] = {}
_lock = threading.Lock()


class DlpBatch(WorkerPlugin):
    def __init__(self, key: str, config: Config, index_path: str, checksum: str) -> None:
        self.key, self.config, self.index_path, self.checksum = key, config, index_path, checksum
        self.name = ""

    def setup(self, worker: Any) -> None:
        with _lock:
            _specs[self.key] = (self.config, self.index_path, self.checksum)
            _users.setdefault(self.key, set()).add(self.name)

    def teardown(self, worker: Any) -> None:
        with _lock:
            _users.get(self.key, set()).discard(self.name)  # its pool stays, warm, for the next run


def _pool(key: str) -> BlockingPool:
    with _lock:
        pool = _pools.get(key)
        if pool is None:
            try:
                config, path, checksum = _specs[key]
            except KeyError:
                raise RegistryError("this worker was not told the run's registry (its plugin did not run)") from None
            for idle in [k for k in _pools if not _users.get(k)]:  # at most one idle pool is kept
                threading.Thread(target=_pools.pop(idle).close, name="dlp-batch-close", daemon=True).start()
            threads = max(1, get_worker().state.nthreads)
            # No store in the scanners: the run's process records incidents (a letter may be checked twice).
            pool = BlockingPool(config, path, threads, record=False, name="batch").start()
            found = pool.run(_checksum)
            if found != checksum:
                pool.close()
                raise RegistryError(
                    f"the registry index at {path} on a worker is not the one the run was started with "
                    "(workers need the same file, on storage they share)"
                )
            _pools[key] = pool
        return pool


def _checksum(state: WorkerState) -> str:
    return state.scanner.index.checksum


def ready(key: str) -> str:
    """Start this worker's scanning processes for the run now; the checksum of the index they use."""
    result: str = _pool(key).run(_checksum)
    return result


def run_job(key: str, job: Callable[..., Any], *args: Any) -> Any:
    """`job(state, *args)` (a dlp.workers job) in a scanning process, within the item budget; on failure,
    why (a str): a job that returns a str for a file it cannot read is taken the same way."""
    pool = _pool(key)
    budget = float(_specs[key][0].limits.max_scan_seconds)
    try:
        return pool.run(job, *args, budget=budget)
    except WorkerLost:
        try:  # once more, on a fresh process: the first may have died of something else
            return pool.run(job, *args, budget=budget)
        except (WorkerLost, WorkerTimeout) as exc:
            return failure_reason(exc)
    except WorkerTimeout as exc:
        return failure_reason(exc)
    except RegistryError:
        raise
    except WorkerError as exc:
        return str(exc)


def check_letters(key: str, tasks: list[Task]) -> list[LetterResult | str]:
    """A chunk of letters, each in its own scanning job: a result, or why the letter is unscannable."""
    return [run_job(key, check_letter, task) for task in tasks]
