"""The one exception tree of the scanner.

    DlpError                      anything the scanner raises on purpose; its message is PII-free
    ├── UsageError                the user asked for something impossible (exit status 2)
    │   ├── ConfigError           bad TOML, unknown key, wrong value
    │   ├── PolicyError           a policy file that does not validate
    │   └── RegistryError         an unreadable registry or a bad row (names line and column)
    ├── InputError                an item that cannot be opened at all (missing, unreadable file)
    ├── ExtractionError           a part that cannot be read (encrypted, corrupt, over limits)
    ├── StoreError                the incident store cannot be opened or written
    └── WorkerError               a scanning process failed an item (dlp.workers)
        ├── WorkerLost            it died: crashed, was killed, or ran out of memory
        └── WorkerTimeout         it took longer than the item's wall-time budget and was killed

Every message is written to be shown to the user as it is: it names files, lines, columns, rule ids and
client ids, never the personal details themselves.
"""

from __future__ import annotations


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


class ExtractionError(DlpError):
    """A part of an item cannot be read; the scanner reports it as unscannable_content."""


class StoreError(DlpError):
    """The incident store cannot be opened, migrated or written."""


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
