"""Which files in the pre-send folder are letters, and collision-free atomic moves."""

from __future__ import annotations

import errno
import os
from pathlib import Path

TEMPORARY_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".swp", ".lock", ".lck", "~")
MANIFEST_SUFFIX = ".json"
WORKING_FOLDER = ".dlp-processing"


def is_ignored(path: Path) -> bool:
    """Temporary, lock and hidden files; Office's owner files (`~$letter.docx`); manifests and explanations."""
    name = path.name
    return (
        name.startswith((".", "~$", "~"))
        or name.lower().endswith(TEMPORARY_SUFFIXES)
        or name.lower().endswith(MANIFEST_SUFFIX)
        or name.endswith(".dlp.txt")
    )


def manifest_of(letter: Path) -> Path:
    return letter.with_name(letter.name + MANIFEST_SUFFIX)


def move_unique(source: Path, folder: Path) -> Path:
    """Move atomically into `folder`, never replacing a file of the same name ("letter (2).pdf")."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = source.stem, source.suffix
    for n in range(1, 10_000):
        target = folder / (source.name if n == 1 else f"{stem} ({n}){suffix}")
        try:
            os.link(source, target)  # fails if the name is taken: no check-then-act race
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP):
                raise
            # No hard links here (some network shares): fall back to an exclusive create of the name.
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.close(fd)
            os.replace(source, target)
            return target
        os.unlink(source)
        return target
    raise FileExistsError(f"no free name for {source.name} in {folder}")
