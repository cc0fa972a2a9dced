"""A pool of supervised scanning processes, each on a persistent socket, with budgets enforced from outside.

    WorkerPool ──control──▶ zygote (bootstrap() once) ──fork──▶ worker 1, worker 2, …
        └────────── one socket per worker: (function, args) ──▶ ◀── result / exception

The supervisor never waits on a worker it cannot see: a worker that dies (a crash, kill -9, its memory cap)
fails its job with WorkerLost, one that outlives its job's wall-time budget is killed and fails it with
WorkerTimeout, and either is replaced by a fresh fork at once. No scanning process outlives its parent
(Linux's parent-death signal): a zygote that dies takes its workers along, and all are started again.
`WorkerPool` lives in an asyncio loop (the relay's own: reading a reply costs the loop one callback, no
thread hop); `BlockingPool` runs one in a thread of its own for callers without a loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from dlp.config import Config
from dlp.errors import WorkerError, WorkerLost, WorkerTimeout
from dlp.lifetime import held_interrupts
from dlp.workers.zygote import freeze_heap, zygote_main

log = logging.getLogger("dlp.workers")


class _Worker:
    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid = pid
        self.conn = conn
        self.pidfd: int | None = None
        with contextlib.suppress(AttributeError, OSError):  # Linux 5.3+: signals that can never hit a reused pid
            self.pidfd = os.pidfd_open(pid)
        self.job: asyncio.Future[Any] | None = None
        self.budget = 0.0  # the job's budget, as the caller gave it (for the message)
        self.timer: asyncio.TimerHandle | None = None
        self.scanned = False  # the job said its item is read: a later death or timeout is not the item's doing

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, OSError):
            if self.pidfd is not None:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            else:
                os.kill(self.pid, signal.SIGKILL)

    def close(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.conn.close()
        if self.pidfd is not None:
            os.close(self.pidfd)
            self.pidfd = None


class WorkerPool:
    """`size` workers forked from one zygote; `await run(function, *args, budget=s)` runs
    `function(state, *args)` in one of them (state: dlp.workers.WorkerState)."""

    def __init__(
        self,
        config: Config,
        registry_path: str | None,
        size: int,
        *,
        record: bool = True,
        vault: bool = False,
        long_running: bool = False,
        name: str = "scanner",
    ) -> None:
        self.config = config
        self.registry_path = registry_path
        self.size = max(1, size)
        self.options = {"record": record, "vault": vault, "long_running": long_running}
        self.name = name
        self.replaced = 0  # workers lost and replaced, for tests and logs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._zygote: _Zygote | None = None
        self._forked: tuple[_Zygote, Connection] | None = None  # forked, not yet heard from
        self._control: Connection | None = None
        self._raw: socket.socket | None = None
        self._workers: set[_Worker] = set()
        self._idle: deque[_Worker] = deque()
        self._waiters: deque[asyncio.Future[_Worker]] = deque()
        self._fork_lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False

    # -- lifecycle -------------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Bootstrap the zygote (a bad registry, policy or store raises its own DlpError here) and fork."""
        self._loop = asyncio.get_running_loop()
        await self._start_zygote()
        for _ in range(self.size):
            self._add(await self._fork())

    async def close(self, grace: float = 5.0) -> None:
        """Let jobs in flight finish for `grace` seconds, then stop every process."""
        self._closing = True
        self._fail_waiters(WorkerError("the scanning processes are stopping"))
        busy = [w.job for w in self._workers if w.job is not None]
        if busy:
            await asyncio.wait(busy, timeout=grace)
        for task in list(self._tasks):
            task.cancel()
        for worker in list(self._workers):
            self._drop(worker, WorkerError("the scanning processes are stopping"))
        self._stop_zygote()

    @property
    def live(self) -> int:
        return len(self._workers)

    # -- running jobs ----------------------------------------------------------------------------------------

    async def run(
        self, function: Callable[..., Any], *args: Any, budget: float | None = None, wait: float | None = None
    ) -> Any:
        """Run `function(state, *args)` in a worker; its result, or the exception it raised (a DlpError), or
        WorkerLost / WorkerTimeout. `budget` is the job's wall time once a worker has it; `wait` bounds the
        wait for a free worker (a plain WorkerError then: nothing is known against the item)."""
        loop = asyncio.get_running_loop()
        worker = await self._acquire(wait)
        job: asyncio.Future[Any] = loop.create_future()
        worker.job = job
        worker.scanned = False
        worker.budget = budget or 0.0
        try:
            worker.conn.send((function, args))
        except (OSError, ValueError):
            self._drop(worker, WorkerLost("the scanning process died before it took the item"))
            self._replace()
        else:
            if budget is not None:
                self._arm(worker, budget)
        # A cancelled caller (a client that hung up) leaves the job running: its worker comes back when done.
        return await asyncio.shield(job)

    async def _acquire(self, wait: float | None) -> _Worker:
        if self._closing:
            raise WorkerError("the scanning processes are stopping")
        if self._idle:
            return self._idle.pop()  # the one that finished last: its caches are warm
        assert self._loop is not None
        waiter: asyncio.Future[_Worker] = self._loop.create_future()
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(asyncio.shield(waiter), wait)
        except (TimeoutError, asyncio.CancelledError) as exc:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self._release(waiter.result())  # handed a worker just as we gave up: pass it on
            else:
                waiter.cancel()
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)
            if isinstance(exc, asyncio.CancelledError):
                raise
            raise WorkerError("no scanning process became free in time") from None

    def _fail_waiters(self, failure: WorkerError) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_exception(failure)

    def _release(self, worker: _Worker) -> None:
        if worker not in self._workers:
            return
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(worker)
                return
        self._idle.append(worker)

    def _arm(self, worker: _Worker, seconds: float) -> None:
        assert self._loop is not None
        if worker.timer is not None:
            worker.timer.cancel()
        worker.timer = self._loop.call_later(seconds, self._expire, worker)

    def _expire(self, worker: _Worker) -> None:
        worker.kill()
        if worker.scanned:
            log.error("a scanning process outlived its deadline after reading its item: killed and replaced")
            self._drop(worker, WorkerError("the scanning process stopped answering after reading the item"))
        else:
            log.error("an item took longer than its budget of %g s: its process was killed and replaced", worker.budget)
            self._drop(worker, WorkerTimeout(worker.budget))
        self._replace()

    def _readable(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            if worker.job is not None:
                log.error("a scanning process died with an item (pid %d): replaced", worker.pid)
            failure = (
                WorkerError("the scanning process died after reading the item")
                if worker.scanned
                else WorkerLost("the scanning process died while it had the item")
            )
            self._drop(worker, failure)
            self._replace()
            return
        except Exception as exc:  # a reply that cannot be unpickled: the worker is not to be trusted
            worker.kill()
            self._drop(worker, WorkerError(f"unreadable answer from a scanning process ({exc.__class__.__name__})"))
            self._replace()
            return
        kind = message[0]
        if kind == "extend":
            worker.scanned = worker.scanned or bool(message[2])
            self._arm(worker, float(message[1]))
            return
        job, worker.job = worker.job, None
        if worker.timer is not None:
            worker.timer.cancel()
            worker.timer = None
        if job is not None and not job.done():
            if kind == "ok":
                job.set_result(message[1])
            else:
                job.set_exception(message[1])
        if message[2]:  # the worker asked to be replaced (it hit its memory cap); it exits by itself
            self._drop(worker, None)
            self._replace()
        else:
            self._release(worker)

    def _drop(self, worker: _Worker, failure: BaseException | None) -> None:
        if worker not in self._workers:
            return
        self._workers.discard(worker)
        with contextlib.suppress(ValueError):
            self._idle.remove(worker)
        assert self._loop is not None
        with contextlib.suppress(ValueError, OSError):
            self._loop.remove_reader(worker.conn.fileno())
        if worker.job is not None and not worker.job.done():
            worker.job.set_exception(failure or WorkerLost("the scanning process stopped"))
        worker.job = None
        worker.kill()  # it may be alive but broken (an unreadable answer, a closed socket): never leave it
        worker.close()

    # -- processes -------------------------------------------------------------------------------------------

    def _replace(self) -> None:
        if self._closing:
            return
        self.replaced += 1
        assert self._loop is not None
        task = self._loop.create_task(self._replace_one())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _replace_one(self) -> None:
        delay = 0.1
        while not self._closing:
            try:
                self._add(await self._fork())
                return
            except WorkerError as exc:
                log.error("a scanning process could not be replaced (%s); trying again in %g s", exc, delay)
                if not self._workers:  # nobody would ever serve those waiting: let them go, and say why
                    self._fail_waiters(exc)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)

    def _add(self, worker: _Worker) -> None:
        assert self._loop is not None
        if self._closing:
            worker.kill()
            worker.close()
            return
        self._workers.add(worker)
        self._loop.add_reader(worker.conn.fileno(), self._readable, worker)
        self._release(worker)

    def fork_zygote(self) -> None:
        """Start the zygote as a fork of this process rather than a fresh interpreter: the modules already
        imported here are not imported again (seconds, for a one-shot `dlp scan`). Only while this process
        has one thread and no running event loop (BlockingPool.start checks)."""
        ours, theirs = socket.socketpair()
        level = logging.getLogger("dlp").getEffectiveLevel()
        sys.stdout.flush()
        sys.stderr.flush()
        freeze_heap()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                ours.close()
                zygote_main(Connection(theirs.detach()), self.config, self.registry_path, self.options, level)
                code = 0
            finally:
                os._exit(code)
        theirs.close()
        self._forked = (_Zygote(pid), Connection(ours.detach()))

    async def _start_zygote(self) -> None:
        if self._forked is not None:
            zygote, control = self._forked
            self._forked = None
        else:
            # A fresh interpreter (no copy of this loop, its threads or its __main__), given its socket by number.
            ours, theirs = socket.socketpair()
            package_root = str(Path(__file__).resolve().parents[2])
            path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
            process = subprocess.Popen(
                [sys.executable, "-m", "dlp.workers", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": path},
            )
            theirs.close()
            zygote, control = _Zygote(process.pid, process), Connection(ours.detach())
            level = logging.getLogger("dlp").getEffectiveLevel()
            with contextlib.suppress(OSError):
                control.send((self.config, self.registry_path, self.options, level))
        try:
            message = await self._wait_readable(control, control.recv)
        except (EOFError, OSError):
            message = ("failed", WorkerError("the scanning processes could not start (the first one exited)"))
        if message[0] != "ready":
            control.close()
            zygote.reap()
            raise message[1]
        self._zygote, self._control = zygote, control
        self._raw = socket.socket(fileno=os.dup(control.fileno()))

    def _stop_zygote(self) -> None:
        # Told to stop: in `dlp serve` the watcher's zygote, forked from this process after the relay's, holds a
        # copy of the relay zygote's control socket, which would then never close (5 s to stop, then SIGKILL).
        for control in (self._control, self._forked[1] if self._forked is not None else None):
            if control is not None:
                with contextlib.suppress(OSError, ValueError):
                    control.send("stop")
        for handle in (self._control, self._raw):
            if handle is not None:
                handle.close()
        self._control = self._raw = None
        if self._zygote is not None:
            self._zygote.reap()  # it exits as soon as its control socket closes
            self._zygote = None
        if self._forked is not None:
            self._forked[1].close()
            self._forked[0].reap()
            self._forked = None

    async def _fork(self) -> _Worker:
        async with self._fork_lock:
            for attempt in (1, 2):
                if self._closing:  # never a fresh zygote while stopping: its registry may be gone already
                    raise WorkerError("the scanning processes are stopping")
                if self._zygote is None or not self._zygote.alive():
                    self._stop_zygote()
                    log.warning("restarting the scanning processes' zygote")
                    await self._start_zygote()
                assert self._control is not None and self._raw is not None
                raw = self._raw
                try:
                    self._control.send("fork")
                    data, fds, _, _ = await self._wait_readable(raw, partial(socket.recv_fds, raw, 8, 1))
                except OSError:
                    data, fds = b"", []
                if len(data) == 8 and len(fds) == 1:
                    return _Worker(int.from_bytes(data, "little"), Connection(fds[0]))
                for fd in fds:
                    os.close(fd)
                self._stop_zygote()  # it died or answered nonsense: a fresh one next time round
                if attempt == 2:
                    break
        raise WorkerError("no new scanning process could be started")

    async def _wait_readable(self, handle: Any, read: Callable[[], Any]) -> Any:
        assert self._loop is not None
        loop = self._loop
        done: asyncio.Future[Any] = loop.create_future()
        fd = handle.fileno()

        def ready() -> None:
            loop.remove_reader(fd)
            try:
                done.set_result(read())
            except BaseException as exc:  # noqa: BLE001 - handed to the waiter
                done.set_exception(exc)

        loop.add_reader(fd, ready)
        try:
            return await done
        finally:
            if not done.done():
                loop.remove_reader(fd)


class _Zygote:
    """The zygote process: a fresh interpreter (`process`) or a fork of this one (only its pid)."""

    def __init__(self, pid: int, process: subprocess.Popen[bytes] | None = None) -> None:
        self.pid, self.process = pid, process

    def alive(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        try:
            return os.waitpid(self.pid, os.WNOHANG)[0] == 0
        except ChildProcessError:
            return False

    def reap(self, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            if self.process is not None:
                self.process.wait(5)
            else:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(self.pid, 0)


async def _settle_tasks() -> None:
    """End the loop's other tasks and let their results reach their callers' futures before the loop stops.
    Jobs a caller gave up on (Ctrl-C mid-run) end with the pool's "stopping" error; stopped before that error
    was handed on, the loop would leave it unretrieved and asyncio would print its traceback at exit."""
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in others:
        task.cancel()
    await asyncio.gather(*others, return_exceptions=True)
    await asyncio.sleep(0)  # their done-callbacks, which hand results on to the callers' futures, run first


def can_fork() -> bool:
    """Whether forking this process is safe: one thread, no event loop running in it."""
    try:
        asyncio.get_running_loop()
        return False
    except RuntimeError:
        return hasattr(os, "fork") and threading.active_count() == 1


class BlockingPool:
    """A WorkerPool for callers without an event loop (`dlp scan`, batch runs, the folder watcher): the
    pool's loop runs in a thread of its own; `submit()` returns a concurrent Future, `run()` waits for it."""

    def __init__(self, config: Config, registry_path: str | None, size: int, **options: Any) -> None:
        self.pool = WorkerPool(config, registry_path, size, **options)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="dlp-workers", daemon=True)

    def start(self) -> BlockingPool:
        if can_fork():
            # Whole: an interrupt mid-fork is lost in the fork's own handlers, or kills the new zygote.
            with held_interrupts():
                self.pool.fork_zygote()
        self._thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self.pool.start(), self._loop).result()
        except BaseException:
            self.close()
            raise
        return self

    def submit(
        self, function: Callable[..., Any], *args: Any, budget: float | None = None
    ) -> concurrent.futures.Future[Any]:
        """Queued until a worker is free, however long that takes: every busy one is freed within its budget."""
        with held_interrupts():  # cut between making the coroutine and handing it over, it is never awaited
            return asyncio.run_coroutine_threadsafe(self.pool.run(function, *args, budget=budget), self._loop)

    def run(self, function: Callable[..., Any], *args: Any, budget: float | None = None) -> Any:
        return self.submit(function, *args, budget=budget).result()

    def close(self, grace: float = 5.0) -> None:
        if not self._thread.is_alive():
            return
        # Whole, within its bounds: an interrupt (a second Ctrl-C, a SIGTERM as the run ends) cutting it short
        # would leave the workers and the registry copy to be found later; it is raised when the close is done.
        with held_interrupts():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self.pool.close(grace), self._loop).result(grace + 15)
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(_settle_tasks(), self._loop).result(15)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(30)
            if not self._thread.is_alive():
                self._loop.close()

    def __enter__(self) -> BlockingPool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
