"""The one exception tree of the scanner.

    DlpError                      anything the scanner raises on purpose; its message is PII-free
    ├── UsageError                the user asked for something impossible (exit status 2)
    │   ├── ConfigError           bad TOML, unknown key, wrong value
    │   ├── PolicyError           a policy file that does not validate
    │   └── RegistryError         an unreadable registry or a bad row (names line and column)
    ├── InputError                an item that cannot be opened at all (missing, unreadable file)
    ├── ExtractionError           a part that cannot be read (encrypted, corrupt, over limits)
    └── StoreError                the incident store cannot be opened or written

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
