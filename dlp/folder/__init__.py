"""The pre-send folder entry point."""

from dlp.folder.watcher import FolderWatcher

__all__ = ["FolderWatcher"]
