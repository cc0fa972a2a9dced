"""Supervised scanning processes, shared by the relay, the folder watcher, batch runs and `dlp scan`.

    bootstrap()  the one start-up of a scanning process (registry, analyzer, policy, store, vault)
    WorkerPool   asyncio: `await pool.run(job, *args, budget=s)`; a dead or hung worker is killed and replaced
    BlockingPool the same for callers without an event loop
    held         verdicts for items that could not be scanned within their budget, and poison-message strikes

A job is a module-level function `job(state, *args)` (state: WorkerState) run in a worker; it may be a
coroutine function. Failures reach the caller as dlp.errors.WorkerLost / WorkerTimeout / WorkerError, or as
the DlpError the job raised.
"""

from dlp.workers.bootstrap import WorkerState, bootstrap
from dlp.workers.pool import BlockingPool, WorkerPool

__all__ = ["BlockingPool", "WorkerPool", "WorkerState", "bootstrap"]
