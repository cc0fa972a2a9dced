"""The one exception tree of the scanner, and the mapping of what libraries raise onto it at the edges.

    DlpError                      anything the scanner raises on purpose; its message is PII-free
    ├── UsageError                the user asked for something impossible (exit status 2)
    │   ├── ConfigError           bad TOML, unknown key, wrong value
    │   ├── PolicyError           a policy file or an organisation's rule module that does not validate
    │   └── RegistryError         an unreadable registry or a bad row (names line and column)
    │       ├── IndexFileError    a compiled index file that cannot be used (corrupt, truncated, other version)
    │       └── RegistryUnavailable   no valid registry is loaded: nothing may be checked, nothing may pass
    ├── InputError                an item that cannot be opened at all (missing, unreadable file)
    ├── OutputError               a result that cannot be written (a closed pipe, a full disk, a bad folder)
    ├── ExtractionError           a part that cannot be read (the item is unscannable_content)
    │   ├── Corrupt               not (or no longer) a valid file of the format it looked like
    │   └── OverBudget            reading on would cost more than the item's [limits] budget
    ├── StoreError                the incident store cannot be opened or written
    ├── QuarantineError           an original cannot be stored, read back or decrypted
    ├── ForwardError              the next hop is down, timed out or refused: the sending MTA retries
    │   └── NextHopRefused        it refused the message for good (5xx): the sender is told, not asked to retry
    ├── ReviewError               a release or discard that cannot be done (nothing held, next hop down)
    └── WorkerError               a scanning process failed an item (dlp.workers)
        ├── WorkerLost            it died: crashed, was killed, or ran out of memory
        └── WorkerTimeout         it took longer than the item's wall-time budget and was killed

Every message is written to be shown to the user as it is: it names files, lines, columns, rule ids and
client ids, never the personal details themselves. Where a library's own exceptions can reach a caller
(OSError, EOFError, a failed decryption), `map_exceptions` turns them into one of these, as httpx does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager


class DlpError(Exception):
    """Base of every error the scanner raises on purpose."""


class UsageError(DlpError):
    """A usage or configuration problem; the CLI exits with status 2."""


class ConfigError(UsageError):
    """The TOML configuration is malformed or has an unknown key or a wrong value."""


class PolicyError(UsageError):
    """A policy file under rules/ (shipped or the organisation's) does not validate."""


class RegistryError(UsageError):
    """The client registry cannot be read, or one of its rows is invalid."""

    def __init__(self, message: str, *, line: int | None = None, column: str | None = None, unit: str = "line") -> None:
        where = ""
        if line is not None:
            where = f"{unit} {line}"
            if column:
                where += f", column {column!r}"
            where += ": "
        super().__init__(where + message)
        self.line = line
        self.column = column


class InputError(DlpError):
    """An item given to the scanner cannot be opened (missing or unreadable file)."""


class OutputError(DlpError):
    """A result cannot be written: standard output was closed (`| head`), a disk is full, a folder is missing."""


class ExtractionError(DlpError):
    """A part of an item cannot be read; the scanner reports it as unscannable_content."""


class Corrupt(ExtractionError):
    """The data is not (or no longer) a valid file of the format it looked like."""


class OverBudget(ExtractionError):
    """Reading on would cost more than the item's budget ([limits])."""


class StoreError(DlpError):
    """The incident store cannot be opened, migrated or written."""


class QuarantineError(DlpError):
    """An original could not be stored or read back."""


class ForwardError(DlpError):
    """The next hop is down, timed out or refused the message: the sending MTA must retry."""


class NextHopRefused(ForwardError):
    """The next hop refused the sender, a recipient or the message with a permanent (5xx) reply: retrying for the
    sending MTA's queue lifetime (five days for Postfix) would only delay the bounce."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> tuple[type[NextHopRefused], tuple[str, int]]:  # raised in a worker, answered by the loop
        return NextHopRefused, (str(self), self.code)


class ReviewError(DlpError):
    """A release or discard that cannot be done (nothing held, already released, next hop down)."""


class WorkerError(DlpError):
    """A scanning worker process failed an item, or the workers cannot be started."""


class WorkerLost(WorkerError):
    """The worker died while it had the item (a crash, kill -9, the memory cap); it has been replaced."""


class WorkerTimeout(WorkerError):
    """The item took longer than its wall-time budget; the worker was killed and replaced."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"scanning took longer than the budget of {seconds:g} s")
        self.seconds = seconds

    def __reduce__(self) -> tuple[type, tuple[float]]:
        return (self.__class__, (self.seconds,))


class IndexFileError(RegistryError):
    """A compiled index file that cannot be used (missing, corrupt, truncated, other version)."""


class RegistryUnavailable(RegistryError):
    """No valid registry has been loaded: nothing can be checked, so nothing may pass."""


@contextmanager
def map_exceptions(
    mapping: Mapping[type[BaseException], type[DlpError]],
    what: str,
    passing: tuple[type[BaseException], ...] = (),
) -> Iterator[None]:
    """Raise what a library raised as the DlpError `mapping` names for it, saying `what` failed (no data);
    exceptions of the `passing` kinds go through as they are (a caller handles them itself)."""
    try:
        yield
    except DlpError:
        raise
    except passing:
        raise
    except tuple(mapping) as exc:
        for kind, error in mapping.items():
            if isinstance(exc, kind):
                detail = getattr(exc, "strerror", None) or exc.__class__.__name__
                raise error(f"{what} ({detail})") from None
        raise
