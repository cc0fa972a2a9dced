"""Which files in the pre-send folder are letters, and collision-free atomic moves."""

from __future__ import annotations

import errno
import os
from pathlib import Path

TEMPORARY_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".swp", ".lock", ".lck", "~")
MANIFEST_SUFFIX = ".json"
WORKING_FOLDER = ".dlp-processing"
SHUNT_FOLDER = ".dlp-shunt"  # letters whose handling failed, waiting to be retried
TICKET_SUFFIX = ".dlp-ticket"


def is_ignored(path: Path) -> bool:
    """Temporary, lock and hidden files; Office's owner files (`~$letter.docx`); manifests, explanations and
    the watcher's own tickets."""
    name = path.name
    return (
        name.startswith((".", "~$", "~"))
        or name.lower().endswith(TEMPORARY_SUFFIXES)
        or name.lower().endswith(MANIFEST_SUFFIX)
        or name.endswith((".dlp.txt", TICKET_SUFFIX))
    )


def manifest_of(letter: Path) -> Path:
    return letter.with_name(letter.name + MANIFEST_SUFFIX)


def move_unique(source: Path, folder: Path, name: str | None = None) -> Path:
    """Move atomically into `folder` as `name` (default: its own), never replacing a file of that name
    ("letter (2).pdf")."""
    moved = _move(source, folder, name or source.name)
    if moved is None:
        raise FileNotFoundError(f"{source.name} disappeared while it was being moved")
    return moved


def claim(source: Path, folder: Path) -> Path | None:
    """Take a letter into `folder` under a free name; None if someone else (another watcher) took it first."""
    return _move(source, folder, source.name)


def _move(source: Path, folder: Path, name: str) -> Path | None:
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 10_000):
        target = folder / (name if n == 1 else f"{stem} ({n}){suffix}")
        try:
            os.link(source, target)  # fails if the name is taken: no check-then-act race
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP):
                raise
            # No hard links here (some network shares): fall back to an exclusive create of the name.
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                continue
            os.close(fd)
            try:
                os.replace(source, target)
            except FileNotFoundError:
                target.unlink(missing_ok=True)
                return None
            return target
        try:
            os.unlink(source)
        except FileNotFoundError:  # two links, one inode: whoever unlinked the source first has it
            target.unlink(missing_ok=True)
            return None
        return target
    raise FileExistsError(f"no free name in {folder}")
