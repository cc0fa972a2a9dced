"""Which files in the pre-send folder are letters, and collision-free atomic moves."""

from __future__ import annotations

import errno
import hashlib
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
    """Take a letter into `folder` under a free name, as a file of the watcher's own; None if someone else (another
    watcher) took it first.

    The name is taken atomically, then the bytes are copied into a new file that replaces it: a writer still holding
    the letter open (another account's, whose descriptors /proc does not show), or another name for the same file (a
    hard link kept elsewhere), can then never change what was checked and cleared. A symbolic link is refused as
    what it is (a name for a file elsewhere, which its owner may change at any time): `SymlinkRefused`."""
    if source.is_symlink():
        raise SymlinkRefused(source.name)
    claimed = _move(source, folder, claimable(source.name))
    if claimed is not None:
        try:
            _own_copy(claimed)
        except PermissionError:  # unreadable: its check says so, and it is retried or held, never cleared
            pass
        except OSError:
            # No copy (a full disk): the letter goes back where it was, to be claimed again, never checked as a
            # file its writer still holds.
            if not source.exists():
                os.rename(claimed, source)
            raise
    return claimed


NAME_BYTES = 255  # what Linux, and most shares, allow a file name
ROOM = 40  # for what the watcher adds: " (9999)", ".dlp-ticket", ".json", ".dlp.txt", a leading "." and ".dlp-copy"


def claimable(name: str) -> str:
    """A name the watcher can add its suffixes to: a name too long for them (Linux allows 255 bytes) is cut short
    and made unique by a digest of the whole; the ticket keeps the original for the outbox."""
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) <= NAME_BYTES - ROOM:
        return name
    suffix = Path(name).suffix if len(Path(name).suffix) <= 10 else ""
    tag = "~" + hashlib.sha256(raw).hexdigest()[:10]
    keep = NAME_BYTES - ROOM - len(tag.encode()) - len(suffix.encode("utf-8", "surrogateescape"))
    stem = raw[: len(raw) - len(suffix.encode("utf-8", "surrogateescape"))][:keep]
    return stem.decode("utf-8", "ignore") + tag + suffix


def fitting(name: str) -> str:
    """The name, or a shortened one where it is longer than a file name may be ("letter (2).pdf" of a letter
    whose name was 253 bytes, its manifest's name)."""
    return name if len(name.encode("utf-8", "surrogateescape")) <= NAME_BYTES else claimable(name)


class SymlinkRefused(OSError):
    """A symbolic link dropped as a letter."""


def _own_copy(path: Path) -> None:
    os.replace(_copied_beside(path, path.parent), path)


def _copied_beside(source: Path, folder: Path) -> Path:
    """A copy of `source` in `folder` under a hidden temporary name, on disk before it is named."""
    temporary = folder / f".{source.name}.dlp-copy"
    try:
        with open(source, "rb") as data, open(temporary, "wb") as copy:
            while chunk := data.read(1 << 20):
                copy.write(chunk)
            copy.flush()
            os.fsync(copy.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)  # a full disk leaves no half copy behind
        raise
    return temporary


def _move(source: Path, folder: Path, name: str) -> Path | None:
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 10_000):
        target = folder / fitting(name if n == 1 else f"{stem} ({n}){suffix}")
        try:
            os.link(source, target, follow_symlinks=False)  # fails if the name is taken: no check-then-act race
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno == errno.EXDEV:
                # Another filesystem (an outbox on another disk or share): copied there, then moved there by name,
                # then the source removed. Nothing is named in the folder before its bytes are on disk.
                try:
                    copy = _copied_beside(source, folder)
                except FileNotFoundError:
                    return None
                try:
                    moved = _move(copy, folder, name)
                finally:
                    copy.unlink(missing_ok=True)
                if moved is not None:
                    source.unlink(missing_ok=True)
                return moved
            if exc.errno not in (errno.EPERM, errno.ENOTSUP):
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
            except OSError:
                target.unlink(missing_ok=True)  # never an empty file left where a letter should be
                raise
            return target
        try:
            os.unlink(source)
        except FileNotFoundError:  # two links, one inode: whoever unlinked the source first has it
            target.unlink(missing_ok=True)
            return None
        return target
    raise FileExistsError(f"no free name in {folder}")
