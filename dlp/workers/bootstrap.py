"""The one worker bootstrap: what every scanning process holds, built once and shared by fork.

`bootstrap()` runs once per pool, in its zygote process (dlp.workers.zygote): it loads the registry, builds
the analyzer and the policy, opens the incident store and, where a channel holds originals, the quarantine —
everything a bad configuration breaks, so a bad one stops start-up with its own message. Every worker is
forked from the zygote and calls `WorkerState.after_fork()`. Relay, folder watcher, batch runs and
`dlp scan` all start their workers here: a change to how a worker obtains its registry is made once.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from typing import Any

from dlp.config import Config
from dlp.quarantine import Quarantine
from dlp.scanner import Scanner

MB = 1024 * 1024


@dataclass
class WorkerState:
    config: Config
    scanner: Scanner
    vault: Quarantine | None = None
    # What a channel keeps in one worker between items (the relay's open next-hop connections).
    extras: dict[str, Any] = field(default_factory=dict)
    _loop: asyncio.AbstractEventLoop | None = None

    def after_fork(self) -> None:
        """Make the forked copy this worker's own."""
        store = self.scanner.store
        if store is not None:
            # Never share the zygote's database connections: forget them without closing the parent's sockets.
            store.engine.dispose(close=False)

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """This worker's event loop, for jobs that are coroutines (forwarding to the next hop); kept between jobs."""
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
        return self._loop


def bootstrap(
    config: Config,
    registry_path: str | None,
    *,
    record: bool = True,
    vault: bool = False,
    long_running: bool = False,
) -> WorkerState:
    """Build what a scanning process needs: the scanner (with the incident store when `record`), the vault.

    `registry_path` is best the index every worker maps (`SharedRegistry.worker_path`): one copy per host.
    A `long_running` pool (relay, watcher) starts without a valid registry and refuses to scan until one is
    there (each scan raises RegistryUnavailable); a one-off run stops at once on a bad registry."""
    scanner = Scanner.from_config(config, registry_path, with_store=record, long_running=long_running)
    return WorkerState(config, scanner, Quarantine.from_config(config) if vault else None)


def cap_memory(extra_mb: int) -> None:
    """Let this process's address space grow by at most `extra_mb` from its present size (soft RLIMIT_AS).

    Set again before each item, so the cap is per item and a registry reloaded in between is not counted
    against the next one. Where the size cannot be read (no /proc) the cap is left as it is."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + extra_mb * MB
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
