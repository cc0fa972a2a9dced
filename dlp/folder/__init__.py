"""The pre-send folder: watched for letters, each checked, cleared to the outbox or held.

`FolderWatcher` is imported on first use: the folder's small modules (file names, notes) are used by the
shared handlers without loading the watcher and its scanner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dlp.folder.watcher import FolderWatcher

__all__ = ["FolderWatcher"]


def __getattr__(name: str) -> Any:
    if name == "FolderWatcher":
        from dlp.folder.watcher import FolderWatcher

        return FolderWatcher
    raise AttributeError(name)
