"""The registry as it is now: a scanning process asks `LiveRegistry.current()` once per message or letter.

A new index file (or a changed CSV) is noticed by its file signature (device, inode, size, mtime), at most
`[registry] reload_seconds / 2` after it appears, and used from the next item on; an item in flight keeps
the index it started with, so each is scanned against exactly one version. A file that fails its checks
(corrupt, truncated, half-written, invalid rows) never replaces a good index: the old one stays, the error
is logged once and reported by `status()` and in the status file beside the index (`dlp registry info`).
With no valid registry at all, `current()` raises `RegistryUnavailable`: channels fail closed (the relay
answers 451, the folder watcher leaves letters in the inbox).

Index files are memory-mapped, so all processes on a host share one copy; a superseded version is unmapped
once the last item using it finishes. `SharedRegistry` is for a process that starts scanning workers: it
hands them an index file to map, compiling a CSV to a private one (and again when the CSV changes), so a
CSV is compiled once per host, not once per worker.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dlp.config import RegistryConfig
from dlp.errors import DlpError, RegistryUnavailable
from dlp.registry.build import build_file
from dlp.registry.format import is_index_file
from dlp.registry.index import RegistryIndex
from dlp.registry.sources import csv_clients, csv_source

log = logging.getLogger("dlp.registry")
Signature = tuple[int, int, int, int]


@dataclass(frozen=True)
class Status:
    path: str
    checksum: str | None  # of the index in use
    clients: int | None
    loaded_at: str | None
    error: str | None  # why the newest file is not in use (None when it is)


def signature(path: Path) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def status_path(path: str | Path) -> Path:
    """Where processes using `path` say which version they use and what they refused."""
    path = Path(path)
    return path.with_name(path.name + ".status.json")


def load_index(path: str | Path, settings: RegistryConfig | None = None) -> RegistryIndex:
    """An index file, mapped; or a registry CSV, validated and compiled in memory."""
    if is_index_file(path):
        return RegistryIndex.open(path)
    return RegistryIndex.from_bytes(_compile_csv_bytes(path, settings or RegistryConfig()), str(path))


def _compile_csv_bytes(path: str | Path, settings: RegistryConfig) -> bytes:
    from dlp.registry.build import compile_to_bytes

    return compile_to_bytes(csv_clients(path, settings), csv_source(path))


class LiveRegistry:
    """The current index of one path; thread-safe."""

    def __init__(
        self,
        path: str | Path,
        settings: RegistryConfig | None = None,
        *,
        write_status: bool = True,
        log_refusals: bool = True,
    ) -> None:
        """`log_refusals` false: a one-off command, which stops with the refusal as its error (said once)."""
        self.path = Path(path)
        self.settings = settings or RegistryConfig()
        self.interval = self.settings.reload_seconds / 2
        self.write_status = write_status
        self.log_refusals = log_refusals
        self._index: RegistryIndex | None = None
        self._loaded: Signature | None = None
        self._refused: Signature | None = None
        self._loaded_at: str | None = None
        self._error: str | None = None
        self._next_check = 0.0
        self._lock = threading.Lock()

    @classmethod
    def fixed(cls, index: RegistryIndex) -> LiveRegistry:
        """A registry that never changes (tests, one-off scans of an index built in memory)."""
        live = cls(index.source)
        live._index = index
        live._next_check = float("inf")
        live._loaded_at = _now()
        return live

    def current(self) -> RegistryIndex:
        """The index to scan the next item with; raises RegistryUnavailable when there is none."""
        if time.monotonic() >= self._next_check:
            self.refresh()
        index = self._index
        if index is None:
            raise RegistryUnavailable(f"no valid client registry loaded: {self._error or 'not loaded yet'}")
        return index

    def refresh(self, force: bool = False) -> bool:
        """Look at the file now; True when a new version was loaded."""
        with self._lock:
            self._next_check = time.monotonic() + self.interval
            sig = signature(self.path)
            if not force and sig is not None and sig in (self._loaded, self._refused):
                return False
            if sig is None and self._index is not None:
                # Mid-replacement, or removed: keep scanning with what we have; say so once.
                self._refuse(None, f"registry {self.path} is missing; still using the index loaded before")
                return False
            try:
                index = load_index(self.path, self.settings)
            except DlpError as exc:
                self._refuse(sig, str(exc))
                return False
            except (OSError, ValueError) as exc:
                self._refuse(sig, f"registry {self.path} could not be loaded ({exc.__class__.__name__})")
                return False
            if signature(self.path) != sig:
                # Changed while we read it: look again at the next check rather than trust either version.
                self._next_check = 0.0
            previous = self._index
            self._index, self._loaded, self._refused, self._error = index, sig, None, None
            self._loaded_at = _now()
        if previous is None:
            log.info("registry index in use: %s clients, checksum %s", len(index), index.checksum[:16])
        elif previous.checksum != index.checksum:
            log.warning(
                "registry index switched: %s clients, checksum %s (was %s)",
                len(index),
                index.checksum[:16],
                previous.checksum[:16],
            )
        self._publish()
        return True

    def _refuse(self, sig: Signature | None, error: str) -> None:
        if error != self._error and self.log_refusals:
            if self._index is None:
                log.error("no valid client registry: %s; scanning is refused until one is available", error)
            else:
                log.error("registry update refused, keeping the index in use: %s", error)
        self._refused, self._error = sig, error
        self._publish()

    def status(self) -> Status:
        index = self._index
        return Status(
            str(self.path),
            index.checksum if index is not None else None,
            len(index) if index is not None else None,
            self._loaded_at,
            self._error,
        )

    def _publish(self) -> None:
        """Best effort: the status file beside an index file, for `dlp registry info`."""
        if not self.write_status or not is_index_file(self.path):
            return
        target = status_path(self.path)
        data = asdict(self.status()) | {"pid": os.getpid(), "written_at": _now()}
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(fd, "w") as handle:
                json.dump(data, handle)
            os.replace(tmp, target)
        except OSError:
            log.debug("registry status file not written")


class SharedRegistry:
    """What a process starting scanning workers hands them: the path of an index file they all map.

    An index file is passed on as it is. A CSV is validated and compiled into a private index file, again
    whenever the CSV changes (`refresh()`, called by the parent now and then); a CSV that fails validation
    leaves the previous compiled file in place."""

    def __init__(self, path: str | Path, settings: RegistryConfig | None = None) -> None:
        self.source = Path(path)
        self.settings = settings or RegistryConfig()
        self._tmp: Path | None = None
        self._lock: int | None = None
        self._built: Signature | None = None
        self._refused: Signature | None = None
        self.error: str | None = None
        if is_index_file(self.source) or not self.source.is_file():
            self.worker_path = self.source  # workers map it, or fail closed until it exists
        else:
            _remove_orphans()
            self._tmp = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-"))
            self._lock = _hold(self._tmp / _LOCK)
            self.worker_path = self._tmp / (self.source.stem + ".dlpidx")
            try:
                self.refresh()
            except BaseException:  # Ctrl-C mid-compile: no copy of the registry left in the temporary folder
                self.close()
                raise

    @property
    def compiles(self) -> bool:
        return self._tmp is not None

    def refresh(self) -> bool:
        """Recompile a changed CSV; True when a new index file was published."""
        if self._tmp is None:
            return False
        sig = signature(self.source)
        if sig is None or sig in (self._built, self._refused):
            return False
        try:
            build_file(csv_clients(self.source, self.settings), self.worker_path, csv_source(self.source))
        except DlpError as exc:
            if str(exc) != self.error:
                log.error("registry CSV %s refused: %s", self.source, exc)
            self._refused, self.error = sig, str(exc)
            return False
        self._built, self._refused, self.error = sig, None, None
        return True

    def close(self) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            if self._lock is not None:
                os.close(self._lock)
                self._lock = None


_PREFIX = "dlp-registry-"  # then the pid of the process that compiled it, for people
_LOCK = ".lock"  # held (flock) while the copy is in use: by the process that made it and the workers it forks


def _hold(path: Path) -> int | None:
    """Take the lock at `path` if nobody holds it: its descriptor, or None. A lock dies with the last process
    holding it, whatever killed it, and is seen from other PID namespaces sharing the folder (containers)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _remove_orphans() -> None:
    """Remove compiled copies of a registry CSV whose processes have gone without cleaning up (killed, out of
    memory, the host stopped): each is a whole copy of the client registry, left in the temporary folder."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*"):
        try:
            # Another user's first (looking inside it is not allowed: relay and watcher may run as other accounts).
            if folder.stat().st_uid != os.getuid() or not (folder / _LOCK).is_file():
                continue  # another user's, or named before the lock was: no telling, left alone
        except OSError:
            continue
        fd = _hold(folder / _LOCK)
        if fd is not None:  # nobody holds it: nobody uses the copy
            shutil.rmtree(folder, ignore_errors=True)
            os.close(fd)


def registry_problem(shared: SharedRegistry) -> str | None:
    """Why the workers of `shared` would have no valid registry now, or None. Checks the file fully
    (checksum included) and lets it go again."""
    if shared.error:
        return shared.error
    try:
        load_index(shared.worker_path).close()
    except DlpError as exc:
        return str(exc)
    return None


def read_status(path: str | Path) -> dict[str, Any] | None:
    try:
        data = json.loads(status_path(path).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
