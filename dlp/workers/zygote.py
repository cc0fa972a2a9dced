"""The processes of a pool: one zygote that bootstraps once, and the workers forked from it.

The zygote is started clean (a fresh interpreter: nothing of the supervisor's event loop or threads), runs
`bootstrap()`, says "ready" (or why it could not start), then forks a worker whenever asked. Each fork gets a
fresh socket pair; the supervisor's end travels back over the control socket (SCM_RIGHTS) with the pid. A new
worker is thus ready in milliseconds and shares the zygote's registry pages, however long bootstrapping took.

A worker reads `(function, args)` jobs from its socket, one at a time, and answers
`("ok", result, recycle)` or `("err", exception, recycle)`; a job may also send `("extend", seconds,
scanned)` to move its deadline (the relay does once a message is scanned and only forwarding is left). Nothing it sends
carries personal data: exceptions cross as PII-free DlpErrors or as a class name.
"""

from __future__ import annotations

import contextlib
import gc
import inspect
import logging
import os
import pickle
import signal
import socket
from multiprocessing.connection import Connection
from typing import Any

from dlp.config import Config
from dlp.errors import DlpError, WorkerError
from dlp.lifetime import die_with_parent
from dlp.workers.bootstrap import WorkerState, bootstrap, cap_memory

log = logging.getLogger("dlp.workers")
_conn: Connection | None = None
_recycle = False


def extend_deadline(seconds: float, scanned: bool = True) -> None:
    """From inside a job: the supervisor's deadline for it becomes `seconds` from now. With `scanned`, the item
    has been read: a death or timeout from here on (a slow next hop, a full disk) is not held against it."""
    if _conn is not None:
        _conn.send(("extend", seconds, scanned))


def freeze_heap() -> None:
    """Leave every object alive now to the end of the process, out of the cyclic collector's reach.

    A long-running process's start-up leaves some 100,000 objects (Presidio, the registry, the policy). Every
    full collection walked them all: 60-80 ms in which a worker scanned nothing or the relay answered no one.
    And it writes to each object it walks, so a forked worker copied the pages it shared with its zygote.
    Frozen (`gc.freeze`, O(1)), collections walk only what was made since; the objects are freed at exit."""
    gc.freeze()


def recycle() -> None:
    """From inside a job: this worker may be damaged (it hit its memory cap); replace it after this job."""
    global _recycle
    _recycle = True


def zygote_main(
    control: Connection, config: Config, registry_path: str | None, options: dict[str, Any], log_level: int
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle; it closes our socket
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a fork of the supervisor must not keep its handlers
    die_with_parent()
    from dlp.logs import setup_logging

    setup_logging(log_level <= logging.INFO, config.logging)
    try:
        state = bootstrap(config, registry_path, **options)
    except DlpError as exc:
        with contextlib.suppress(OSError):  # the supervisor gone (stopped meanwhile): no one to tell
            control.send(("failed", exc))
        return
    except Exception as exc:  # a bug: say which kind, never the message (it may quote data)
        with contextlib.suppress(OSError):
            control.send(("failed", WorkerError(f"scanning processes could not start ({exc.__class__.__name__})")))
        return
    freeze_heap()  # before the first fork: the workers share what bootstrapping built
    control.send(("ready", os.getpid()))
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # forked workers are reaped by the kernel
    raw = socket.socket(fileno=os.dup(control.fileno()))
    while True:
        try:
            request = control.recv()
        except (EOFError, OSError):
            return  # the supervisor has gone: so do we
        if request == "stop":  # said, not only seen as the socket closing: a sibling forked later holds it open
            return
        if request != "fork":
            continue
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the new worker
            code = 1
            try:
                ours.close()
                raw.close()
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # it waits for its own children (Tesseract)
                die_with_parent()
                code = worker_main(Connection(theirs.detach()), state)
            finally:
                os._exit(code)
        theirs.close()
        try:
            socket.send_fds(raw, [pid.to_bytes(8, "little")], [ours.fileno()])
        except OSError:
            return  # the supervisor has gone; the new worker sees its socket close and exits
        finally:
            ours.close()


def worker_main(conn: Connection, state: WorkerState) -> int:
    global _conn, _recycle
    _conn = conn
    state.after_fork()
    memory_mb = state.config.limits.max_memory_mb
    while True:
        try:
            function, args = conn.recv()
        except (EOFError, OSError):
            return 0
        cap_memory(memory_mb)
        try:
            result = function(state, *args)
            if inspect.isawaitable(result):
                result = state.loop.run_until_complete(result)
            reply: tuple[Any, ...] = ("ok", result, _recycle)
        except MemoryError:
            _recycle = True
            reply = ("err", WorkerError(f"over the memory budget of {memory_mb} MB"), True)
        except DlpError as exc:
            reply = ("err", exc, _recycle)
        except Exception as exc:
            reply = ("err", WorkerError(f"internal error ({exc.__class__.__name__})"), _recycle)
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send(("err", WorkerError(f"result could not be returned ({exc.__class__.__name__})"), _recycle))
        except OSError:
            return 1
        if _recycle:
            return 0
