"""`dlp watch`: check every letter dropped into the pre-send folder before it is printed or posted.

A letter is taken only once finished (dlp.folder.ready: settled, and nobody still writing it), claimed by an
atomic move into a working folder under a name no other letter holds, given a ticket (dlp.folder.journal),
and checked in a supervised worker process (dlp.folder.check) within its wall-time budget. Then it moves to
the outbox (cleared) or is held: stored encrypted, with a plain-language note in quarantine. A letter over
its budget, or that kills workers twice, is held as unscannable; one whose handling failed (the store down,
the disk full) waits in a shunt folder with a note and is retried with backoff. Whatever is in the working
folder at start-up was claimed by a run that stopped: it is finished first, exactly once. Events only say
when to look; sweeps find what they miss.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import queue
import threading
import time
from collections import deque
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import Any

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from dlp import metrics
from dlp.config import Config
from dlp.errors import DlpError, InputError, RegistryUnavailable, UsageError, WorkerLost, WorkerTimeout
from dlp.folder.check import check_letter, hold_letter
from dlp.folder.journal import Ticket, letter_ref
from dlp.folder.names import (
    MANIFEST_SUFFIX,
    SHUNT_FOLDER,
    TICKET_SUFFIX,
    WORKING_FOLDER,
    SymlinkRefused,
    claim,
    fitting,
    is_ignored,
    manifest_of,
    move_unique,
)
from dlp.folder.notes import explain, note_path
from dlp.folder.ready import Readiness
from dlp.health import Heartbeat
from dlp.model import Verdict
from dlp.quarantine import Quarantine
from dlp.registry.live import LiveRegistry, SharedRegistry
from dlp.scanner import registry_location
from dlp.workers import BlockingPool
from dlp.workers.held import failure_reason

log = logging.getLogger("dlp.folder")
ATTEMPTS = 2  # a letter that kills this many workers is held as unscannable


class _Wake(FileSystemEventHandler):
    """Turns filesystem events into paths to look at; the loop decides what they are."""

    def __init__(self, inbox: Path, wake: queue.Queue[tuple[Any, ...]]) -> None:
        self.inbox = inbox
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        if isinstance(event, FileMovedEvent):  # renamed into place
            path = Path(os.fsdecode(event.dest_path))
        elif isinstance(event, FileClosedEvent | FileCreatedEvent | FileModifiedEvent):
            path = Path(os.fsdecode(event.src_path))
        else:
            return
        if path.parent == self.inbox:
            self.wake.put(("look", path))


class FolderWatcher:
    def __init__(self, config: Config, registry_path: str | None = None, shared: SharedRegistry | None = None) -> None:
        self.config = config
        # Workers map one compiled index (a CSV is compiled once, here). Without a valid registry nothing is
        # claimed: letters stay in the inbox, untouched, until there is one.
        self.shared = shared or SharedRegistry(registry_location(config, registry_path), config.registry)
        self._own_shared = shared is None
        self.registry = LiveRegistry(self.shared.worker_path, config.registry)
        self._registry_checked = 0.0
        folder = config.folder
        self.inbox = config.resolve_path(folder.inbox)
        self.outbox = config.resolve_path(folder.outbox)
        self.quarantine = config.resolve_path(folder.quarantine)
        self.working = self.inbox / WORKING_FOLDER
        self.shunt = self.inbox / SHUNT_FOLDER
        self.polling = folder.polling
        self.stable = float(folder.stable_seconds)
        self.budget = float(config.limits.max_scan_seconds)
        self.vault = Quarantine.from_config(config)
        self.pool = BlockingPool(
            config, str(self.shared.worker_path), folder.workers, vault=True, long_running=True, name="folder"
        )
        self.processed = 0  # letters cleared or held
        self.held = 0  # of them, held for review
        self.shunted = 0  # times a letter went to the shunt
        self._events: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._later: list[tuple[float, int, tuple[Any, ...]]] = []  # (monotonic time, n, event)
        self._order = itertools.count()
        self._looking: set[Path] = set()  # inbox files with a look already scheduled
        self._readiness = Readiness(self.stable, trust_mtime=not self.polling)
        self._waiting: deque[Ticket] = deque()  # claimed, waiting for a free worker
        self._busy = 0
        self._stop = threading.Event()
        self._observer: BaseObserver | None = None
        self.heartbeat = Heartbeat()  # /healthz: the loop below is turning

    def prepare(self) -> None:
        if not self.inbox.is_dir():
            raise UsageError(f"pre-send inbox {self.inbox} does not exist or is not a folder")
        if not os.access(self.inbox, os.R_OK | os.W_OK | os.X_OK):
            raise UsageError(f"pre-send inbox {self.inbox} is not readable and writable by this user")
        for folder in (self.working, self.outbox, self.quarantine):  # the shunt is made when first needed
            folder.mkdir(parents=True, exist_ok=True)

    def start(self) -> None:
        """Start the workers, recover, start the observer, then sweep: a letter dropped meanwhile is seen by
        one or the other."""
        self.prepare()
        self.pool.start()
        self._recover()
        observer: BaseObserver = (
            PollingObserver(timeout=self.config.folder.poll_interval_seconds) if self.polling else Observer()
        )
        observer.schedule(_Wake(self.inbox, self._events), str(self.inbox), recursive=False)
        observer.start()
        self._observer = observer
        self.sweep()

    def _recover(self) -> None:
        """Finish what a stopped run left: moves half done, claims half done, letters claimed or shunted."""
        # A move is link-then-unlink: a letter here that is also (same inode) in the outbox was already moved
        # when the process stopped, and one also in the inbox was being claimed; only the unlink is left.
        moved = _inodes(self.outbox) | (_inodes(self.shunt) if self.shunt.is_dir() else set())
        in_inbox = {_inode(p): p for p in self.inbox.iterdir() if p.is_file()}
        for leftover in _letters(self.working):
            ticket = Ticket.load(leftover)
            if _inode(leftover) in moved:  # cleared, or parked in the shunt (which finds it below)
                self._discard(ticket)
                continue
            if _inode(leftover) in in_inbox:
                in_inbox[_inode(leftover)].unlink(missing_ok=True)
            log.warning("finishing a letter claimed before a restart")
            self._waiting.append(ticket)
        for leftover in _letters(self.shunt) if self.shunt.is_dir() else []:
            ticket = Ticket.load(leftover)
            self._at(max(0.0, ticket.retry_at - time.time()), ("retry", ticket))
        for folder in (self.working, self.shunt):  # tickets, manifests and notes whose letter is gone
            for extra in folder.iterdir() if folder.is_dir() else []:
                owner = _owner(extra)
                if (owner is not None and not owner.exists()) or (extra.name.startswith(".") and extra.is_file()):
                    extra.unlink(missing_ok=True)

    def sweep(self) -> None:
        for path in sorted(self.inbox.iterdir()):
            if path.is_file():
                self._events.put(("look", path))

    def run(self, until_idle: float | None = None) -> None:
        """Process letters until stop() (or, for tests and one-shot runs, until idle for `until_idle` s)."""
        last_sweep = idle_since = time.monotonic()
        while not self._stop.is_set():
            self.heartbeat.beat()
            wait = min(0.5, max(0.0, self._later[0][0] - time.monotonic())) if self._later else 0.5
            try:
                event: tuple[Any, ...] | None = self._events.get(timeout=wait)
            except queue.Empty:
                event = None
            if event is not None:
                self._handle(event)
            while self._later and self._later[0][0] <= time.monotonic():
                self._handle(heapq.heappop(self._later)[2])
            self._dispatch()
            now = time.monotonic()
            if now - last_sweep > max(5.0, self.stable * 2):
                self.sweep()  # events can be missed (overflow, network shares): look again now and then
                last_sweep = now
            if event is not None or self._busy or self._waiting or self._looking:
                idle_since = now
            elif until_idle is not None and now - idle_since > until_idle:
                break

    def _registry_ready(self) -> bool:
        """Is there a valid registry to check letters against? A changed CSV is recompiled first."""
        now = time.monotonic()
        if now - self._registry_checked > self.config.registry.reload_seconds / 4:
            self._registry_checked = now
            if self.shared.compiles:
                self.shared.refresh()
            self.registry.refresh()
        try:
            self.registry.current()
        except RegistryUnavailable:
            return False
        return True

    def unchecked(self) -> int:
        """Letters that have no verdict yet: waiting in the inbox, claimed and not finished, or in the shunt to be
        tried again; and folders dropped into the inbox (a run's letters in a folder of their own), whose letters
        the watcher does not read."""
        return (
            len(_letters(self.inbox))
            + self.claimed()
            + self.waiting_in_shunt()
            + len(self.folders_dropped())
            + len(self.late_manifests())
        )

    def waiting_in_shunt(self) -> int:
        return len(_letters(self.shunt)) if self.shunt.is_dir() else 0

    def late_manifests(self) -> list[Path]:
        """Manifests in the inbox without their letter: written after it, so it was checked without them (or its
        letter was never dropped)."""
        try:
            manifests = [p for p in self.inbox.glob(f"*{MANIFEST_SUFFIX}") if p.is_file() and p.name[0] != "."]
            return [p for p in manifests if not p.with_name(p.name.removesuffix(MANIFEST_SUFFIX)).exists()]
        except OSError:
            return []

    def folders_dropped(self) -> list[Path]:
        """Folders in the inbox other than the watcher's own: letters in them are not letters in the inbox."""
        try:
            return [p for p in self.inbox.iterdir() if p.is_dir() and not is_ignored(p)]
        except OSError:
            return []

    def claimed(self) -> int:
        """Letters claimed and not finished: a stopped run leaves them in the working folder, and the next start
        finishes them first."""
        return len(_letters(self.working)) if self.working.is_dir() else 0

    def request_stop(self) -> None:
        """Safe from a signal handler: run() returns after the step it is in."""
        self._stop.set()

    def stop(self) -> None:
        self._stop.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=10)
            self._observer = None
        self.pool.close()
        if self._own_shared:
            self.shared.close()

    # -- the steps of one letter -------------------------------------------------------------------------

    def _handle(self, event: tuple[Any, ...]) -> None:
        kind = event[0]
        if kind == "look":
            self._look(*event[1:])
        elif kind == "done":
            self._done(event[1], event[2])
        elif kind == "retry":
            self._retry(event[1])

    def _look(self, path: Path, scheduled: bool = False) -> None:
        if path.parent != self.inbox or is_ignored(path):
            return
        if path in self._looking and not scheduled:
            return  # a look is already due: more events of the same write add nothing
        self._looking.discard(path)
        wait = self._readiness.check(path)
        if wait is None:
            return
        if wait > 0:
            self._looking.add(path)
            self._at(wait, ("look", path, True))
            return
        self._claim(path)

    def _claim(self, path: Path) -> None:
        if not self._registry_ready():
            metrics.tempfail("folder", "registry_unavailable")
            return  # fail closed: the letter stays in the inbox; a sweep looks again once a registry is valid
        try:
            claimed = claim(path, self.working)  # atomic, and never onto a letter already being handled
        except SymlinkRefused:
            log.error("a symbolic link in the inbox is not a letter; it stays there: put the letter itself in")
            return
        except OSError as exc:
            log.error("a letter could not be claimed (%s); it stays in the inbox", exc.strerror)
            return
        if claimed is None:
            return  # another watcher took it
        try:
            os.rename(manifest_of(path), manifest_of(claimed))
        except OSError:  # none (or a name too long for one: there is none)
            pass
        try:
            ticket = Ticket(claimed, path.name, letter_ref(claimed))
            ticket.save()
        except OSError as exc:
            self._shunt(Ticket.load(claimed), f"its ticket could not be written ({exc.strerror})")
            return
        self._waiting.append(ticket)

    def _dispatch(self) -> None:
        while self._waiting and self._busy < self.pool.pool.size and not self._stop.is_set():
            ticket = self._waiting.popleft()
            letter = str(ticket.letter)
            if ticket.strikes >= ATTEMPTS:
                future = self.pool.submit(
                    hold_letter, letter, ticket.ref, ticket.original_name, ticket.reason, budget=self.budget
                )
            else:
                future = self.pool.submit(
                    check_letter, letter, str(ticket.manifest), ticket.ref, ticket.original_name, budget=self.budget
                )
            self._busy += 1
            future.add_done_callback(partial(self._finished, ticket, time.monotonic()))

    def _finished(self, ticket: Ticket, started: float, future: Future[list[Verdict]]) -> None:
        metrics.observe_scan("folder", started)
        self._events.put(("done", ticket, future))  # from the pool's thread: the loop does the rest

    def _done(self, ticket: Ticket, future: Future[list[Verdict]]) -> None:
        self._busy -= 1
        try:
            verdicts = future.result()
        except (WorkerTimeout, WorkerLost) as exc:
            # Over its budget: held at once. Killed a worker: tried once more on a fresh one, then held.
            ticket.strikes = ATTEMPTS if isinstance(exc, WorkerTimeout) else ticket.strikes + 1
            metrics.tempfail("folder", "scan_timeout" if isinstance(exc, WorkerTimeout) else "worker_lost")
            ticket.reason = failure_reason(exc)
            try:
                ticket.save()
            except OSError as err:
                self._shunt(ticket, f"its ticket could not be written ({err.strerror})")
                return
            self._waiting.appendleft(ticket)
            return
        except InputError as exc:
            if not ticket.letter.exists():
                log.error("a claimed letter was removed by someone else before it was checked")
                ticket.remove()
                return
            # Why, never the path (a letter's name can carry a client's): "permission denied" says what to fix.
            why = " (permission denied: the watcher's account may not read it)" if "permission" in str(exc) else ""
            self._shunt(ticket, f"the letter could not be read{why}")
            return
        except DlpError as exc:  # the store, the vault or the workers failing: not the letter's fault
            self._shunt(ticket, str(exc))
            return
        except Exception as exc:
            self._shunt(ticket, f"internal error ({exc.__class__.__name__})")
            return
        try:
            self._settle(ticket, verdicts)
        except OSError as exc:
            self._shunt(ticket, f"it could not be moved on ({exc.strerror})")

    def _settle(self, ticket: Ticket, verdicts: list[Verdict]) -> None:
        """Incidents are recorded and a held original stored (by the worker): now the files move."""
        blocked = [v for v in verdicts if v.blocked]
        for verdict in verdicts:
            metrics.item("folder", verdict.decision.value, sorted({v.rule for v in verdict.violations}))
        if blocked:
            # The letter itself is held encrypted; staff see only the explanation, named by the incident.
            incident = blocked[0].incident or "held"
            _write_atomically(note_path(self.quarantine, incident), explain(blocked, ticket.original_name))
            ticket.letter.unlink(missing_ok=True)
            ticket.manifest.unlink(missing_ok=True)
            log.warning("letter held as %s", incident)
            self.held += 1
        else:
            cleared = move_unique(ticket.letter, self.outbox, ticket.original_name)
            if ticket.manifest.exists():
                move_unique(ticket.manifest, self.outbox, fitting(manifest_of(cleared).name))
        ticket.remove()
        self.processed += 1

    def _shunt(self, ticket: Ticket, reason: str) -> None:
        """Park a letter whose handling failed, with a note, and try it again later (backing off)."""
        folder = self.config.folder
        ticket.attempts += 1
        delay = float(min(folder.retry_seconds * 2 ** (ticket.attempts - 1), folder.max_retry_seconds))
        ticket.retry_at, ticket.reason = time.time() + delay, reason
        self.shunted += 1
        metrics.tempfail("folder", "shunted")
        log.error("a letter could not be handled (%s); it waits in the shunt, next try in %g s", reason, delay)
        try:
            if ticket.letter.parent != self.shunt:
                self._relocate(ticket, move_unique(ticket.letter, self.shunt))  # never onto another letter
            else:
                ticket.save()
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(ticket.retry_at))
            _write_atomically(
                _shunt_note(ticket.letter),
                f"This letter could not be checked or moved yet: {reason}.\n"
                f"It will be tried again automatically from {when} (attempt {ticket.attempts + 1}).\n"
                "Do not print or post it from here.\n",
            )
        except OSError as exc:  # the disk itself is failing: keep trying from where it is
            log.error("the letter could not be moved to the shunt either (%s)", exc.strerror)
        self._at(delay, ("retry", ticket))

    def _retry(self, ticket: Ticket) -> None:
        if not ticket.letter.exists():
            ticket.remove()
            return
        if ticket.letter.parent == self.shunt:
            note = _shunt_note(ticket.letter)
            claimed = claim(ticket.letter, self.working)
            if claimed is None:
                return
            self._relocate(ticket, claimed)
            note.unlink(missing_ok=True)
        self._waiting.append(ticket)

    def _relocate(self, ticket: Ticket, target: Path) -> None:
        """The letter now lives at `target`: bring its manifest and ticket along."""
        old_manifest, old_ticket = ticket.manifest, ticket.path
        ticket.letter = target
        if old_manifest.exists():
            os.replace(old_manifest, ticket.manifest)  # the letter's name is unique, so its manifest's is
        ticket.save()
        if old_ticket != ticket.path:
            old_ticket.unlink(missing_ok=True)

    def _discard(self, ticket: Ticket) -> None:
        ticket.letter.unlink(missing_ok=True)
        ticket.manifest.unlink(missing_ok=True)
        ticket.remove()

    def _at(self, delay: float, event: tuple[Any, ...]) -> None:
        heapq.heappush(self._later, (time.monotonic() + delay, next(self._order), event))


def _inode(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_dev, stat.st_ino


def _inodes(folder: Path) -> set[tuple[int, int]]:
    return {_inode(p) for p in folder.iterdir() if p.is_file()}


def _letters(folder: Path) -> list[Path]:
    """The letters in `folder`, in name order: its files, less tickets, manifests, notes and temporary files."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not is_ignored(p))


def _owner(extra: Path) -> Path | None:
    """The letter a ticket, manifest or note belongs to; None for a letter itself."""
    for suffix in (TICKET_SUFFIX, TICKET_SUFFIX + ".tmp", ".json", ".dlp.txt"):
        if extra.name.endswith(suffix):
            return extra.with_name(extra.name.removesuffix(suffix))
    return None


def _shunt_note(letter: Path) -> Path:
    return letter.with_name(letter.name + ".dlp.txt")


def _write_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)
