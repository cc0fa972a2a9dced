"""`dlp watch`: check every letter dropped into the pre-send folder before it is printed or posted.

A letter is claimed by an atomic rename into a working folder inside the inbox, scanned, then moved to the
outbox (cleared) or to quarantine with a plain-language explanation beside it. Whatever is in the working
folder at start-up was claimed by a run that stopped: it is finished first, so no letter is lost or
processed twice. Events only wake the worker; a sweep of the inbox finds what events missed.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from pathlib import Path

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

from dlp.checks import RULES
from dlp.config import Config
from dlp.errors import DlpError, UsageError
from dlp.extract import load_items
from dlp.folder.manifest import check_manifest
from dlp.folder.names import WORKING_FOLDER, is_ignored, manifest_of, move_unique
from dlp.model import Channel, Verdict
from dlp.quarantine import Quarantine
from dlp.registry.live import RegistryUnavailable
from dlp.scanner import Scanner

log = logging.getLogger("dlp.folder")


class _Wake(FileSystemEventHandler):
    """Turns filesystem events into paths to look at; the worker decides what they are."""

    def __init__(self, inbox: Path, wake: queue.Queue[Path | None]) -> None:
        self.inbox = inbox
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        if isinstance(event, FileMovedEvent):
            path = Path(os.fsdecode(event.dest_path))
        elif isinstance(event, FileClosedEvent | FileCreatedEvent | FileModifiedEvent):
            path = Path(os.fsdecode(event.src_path))
        else:
            return
        if path.parent == self.inbox:
            self.wake.put(path)


class FolderWatcher:
    def __init__(self, config: Config, scanner: Scanner) -> None:
        self.config = config
        self.scanner = scanner
        folder = config.folder
        self.inbox = config.resolve_path(folder.inbox)
        self.outbox = config.resolve_path(folder.outbox)
        self.quarantine = config.resolve_path(folder.quarantine)
        self.working = self.inbox / WORKING_FOLDER
        self.polling = folder.polling
        self.stable = float(folder.stable_seconds)
        self._wake: queue.Queue[Path | None] = queue.Queue()
        self._stop = threading.Event()
        self._observer: BaseObserver | None = None
        self.processed = 0
        self.vault = Quarantine.from_config(config)

    def prepare(self) -> None:
        if not self.inbox.is_dir():
            raise UsageError(f"pre-send inbox {self.inbox} does not exist or is not a folder")
        if not os.access(self.inbox, os.R_OK | os.W_OK | os.X_OK):
            raise UsageError(f"pre-send inbox {self.inbox} is not readable and writable by this user")
        for folder in (self.working, self.outbox, self.quarantine):
            folder.mkdir(parents=True, exist_ok=True)

    def start(self) -> None:
        """Recover, start the observer, then sweep: a letter dropped meanwhile is seen by one or the other."""
        self.prepare()
        # A move is link-then-unlink: a file here that is also (same inode) in the outbox or quarantine was
        # already moved when the process stopped; only the unlink is left to do.
        moved = {
            (p.stat().st_dev, p.stat().st_ino)
            for folder in (self.outbox, self.quarantine)
            for p in folder.iterdir()
            if p.is_file()
        }
        for leftover in sorted(self.working.iterdir()):
            if not leftover.is_file() or is_ignored(leftover):
                continue
            stat = leftover.stat()
            if (stat.st_dev, stat.st_ino) in moved:
                leftover.unlink()
                continue
            log.warning("finishing a letter claimed before a restart")
            self._process(leftover)
        observer: BaseObserver = (
            PollingObserver(timeout=self.config.folder.poll_interval_seconds) if self.polling else Observer()
        )
        observer.schedule(_Wake(self.inbox, self._wake), str(self.inbox), recursive=False)
        observer.start()
        self._observer = observer
        self.sweep()

    def sweep(self) -> None:
        for path in sorted(self.inbox.iterdir()):
            if path.is_file():
                self._wake.put(path)

    def run(self, until_idle: float | None = None) -> None:
        """Process letters until stop() (or, for tests and one-shot runs, until idle for `until_idle` s)."""
        last_sweep = time.monotonic()
        idle_since = time.monotonic()
        while not self._stop.is_set():
            try:
                path = self._wake.get(timeout=0.5)
            except queue.Empty:
                path = None
            if path is not None:
                idle_since = time.monotonic()
                self._consider(path)
            if time.monotonic() - last_sweep > max(5.0, self.stable * 2):
                self.sweep()  # events can be missed (overflow, network shares): look again now and then
                last_sweep = time.monotonic()
            if until_idle is not None and self._wake.empty() and time.monotonic() - idle_since > until_idle:
                break

    def stop(self) -> None:
        self._stop.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=10)

    def _consider(self, path: Path) -> None:
        if is_ignored(path) or not path.is_file():
            return
        if not self._complete(path):
            self._retry_later(path)
            return
        try:
            self.scanner.refresh()
        except RegistryUnavailable:
            return  # fail closed: the letter stays in the inbox; the next sweep tries again (the error is logged)
        claimed = self.working / path.name
        try:
            os.rename(path, claimed)  # atomic claim: a second watcher or a repeat event finds nothing
        except FileNotFoundError:
            return
        manifest = manifest_of(path)
        if manifest.exists():
            try:
                os.rename(manifest, manifest_of(claimed))
            except FileNotFoundError:
                pass
        self._process(claimed)

    def _complete(self, path: Path) -> bool:
        """Written completely? With inotify a close-after-write event brought us here; when polling (or for
        files found by a sweep) size and mtime must hold still for `stable_seconds`."""
        try:
            first = path.stat()
        except FileNotFoundError:
            return False
        age = time.time() - first.st_mtime
        if age >= self.stable:
            return True
        time.sleep(min(self.stable - age, self.stable))
        try:
            second = path.stat()
        except FileNotFoundError:
            return False
        return (first.st_size, first.st_mtime_ns) == (second.st_size, second.st_mtime_ns) and (
            time.time() - second.st_mtime >= self.stable or not self.polling
        )

    def _retry_later(self, path: Path) -> None:
        threading.Timer(self.stable, self._wake.put, args=(path,)).start()

    def _process(self, claimed: Path) -> None:
        try:
            verdicts = self._check(claimed)
        except RegistryUnavailable:
            self._unclaim(claimed)  # back to the inbox, untouched, for the sweep after a registry is there
            return
        except DlpError as exc:
            log.error("letter could not be checked (%s); it stays claimed and will be retried", exc)
            return
        except Exception as exc:  # never lose a letter: leave it claimed; the next start retries it
            log.exception("unexpected failure (%s); letter left for retry", exc.__class__.__name__)
            return
        manifest = manifest_of(claimed)
        blocked = [v for v in verdicts if v.blocked]
        if blocked:
            # The letter itself is held encrypted; staff see only the explanation, named by the incident.
            incident = blocked[0].incident or "held"
            ref = self.vault.store(claimed.read_bytes(), {"channel": "folder", "original_name": claimed.name})
            note_path(self.quarantine, incident).write_text(explain(blocked, claimed.name), encoding="utf-8")
            if self.scanner.store is not None:
                for verdict in blocked:
                    if verdict.incident:
                        self.scanner.store.set_quarantine_ref(verdict.incident, ref)
            claimed.unlink()
            if manifest.exists():
                manifest.unlink()
            log.warning("letter held as %s", incident)
        else:
            move_unique(claimed, self.outbox)
            if manifest.exists():
                move_unique(manifest, self.outbox)
        self.processed += 1

    def _unclaim(self, claimed: Path) -> None:
        back = self.inbox / claimed.name
        if back.exists():
            return  # a new letter of the same name arrived meanwhile: leave this one claimed for the next start
        os.rename(claimed, back)
        manifest = manifest_of(claimed)
        if manifest.exists():
            os.rename(manifest, manifest_of(back))

    def _check(self, claimed: Path) -> list[Verdict]:
        """Scan every letter in the file, add the manifest's check, and record incidents before any move."""
        manifest = manifest_of(claimed)
        out = []
        for item in load_items(claimed, self.scanner.limits):
            verdict = self.scanner.scan(item, Channel.FOLDER, record=False)
            if manifest.exists():
                verdict = check_manifest(self.scanner, claimed, manifest, verdict)
            out.append(self.scanner.record(verdict, item, Channel.FOLDER))
        return out


def note_path(quarantine: Path, incident: str) -> Path:
    return quarantine / f"{incident}.dlp.txt"


def explain(verdicts: list[Verdict], original_name: str) -> str:
    """The note beside a quarantined letter: the rule in words, what to check, the incident id."""
    # File names are data: a letter named after its client would put the client's details in this note.
    # The file is named by its kind only; `dlp incidents release` gives it back under its own name.
    kind = Path(original_name).suffix.lstrip(".").upper()
    kind = kind if kind.isalnum() and len(kind) <= 5 else "unknown type"
    lines = [
        "This letter was held back before printing and posting.",
        f"Original file: a letter ({kind}); its name is not shown, as file names can carry client details.",
        "",
    ]
    for verdict in verdicts:
        where = f" ({verdict.locator})" if verdict.locator else ""
        lines.append(f"Incident {verdict.incident or '-'}{where}: {verdict.decision.value}")
        for v in verdict.violations:
            lines.append(f"  - {RULES[v.rule].title}: {v.explanation} [{v.part}]")
            lines.append(f"    What to check: {WHAT_TO_CHECK.get(v.rule, 'ask your privacy officer')}.")
    lines += ["", "Do not print or post it until a privacy officer has reviewed the incident."]
    return "\n".join(lines) + "\n"


WHAT_TO_CHECK = {
    "mismatched_recipient": "that the addressee is the client the letter is about, at their registered address",
    "suppressed_detail_exposed": "that no suppressed address, phone or email appears, and the delivery address "
    "is not a suppressed one",
    "mixed_client_documents": "that every page belongs to this client; remove pages of other clients",
    "bulk_client_data": "whether so many clients' records need to leave the organisation at all",
    "sensitive_identifier": "whether the tax file, Medicare or card number must be in the letter",
    "unmerged_field": "the mail merge: a field was not filled in",
    "unscannable_content": "that the file opens; scanned pages need OCR, encrypted files cannot be checked",
}
