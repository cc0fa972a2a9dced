"""A ticket per claimed letter: what the watcher must remember across a crash to finish it exactly once.

The ticket sits beside the letter (`letter.pdf.dlp-ticket`, written to a temporary name, fsynced and renamed)
and goes wherever the letter goes (the working folder, the shunt). It holds the letter's own name (a claimed
letter may have been renamed to stay unique), the quarantine reference reserved before anything was stored
(derived from the letter's claimed name and content, so a retry, even one that lost the ticket, stores the
same original once and finds the incidents already recorded for it), and the letter's failures: shunt
attempts and workers it stopped. No personal data.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from dlp.folder.names import TICKET_SUFFIX, manifest_of
from dlp.quarantine import new_ref
from dlp.workers.held import held_ref


@dataclass
class Ticket:
    letter: Path  # where the letter is now
    original_name: str
    ref: str
    attempts: int = 0  # times its handling failed and it went to the shunt
    strikes: int = 0  # times it killed the worker scanning it
    retry_at: float = 0.0  # wall-clock time of its next try from the shunt
    reason: str = ""  # the last failure, in words

    @property
    def path(self) -> Path:
        return ticket_of(self.letter)

    @property
    def manifest(self) -> Path:
        return manifest_of(self.letter)

    @property
    def temp(self) -> Path:
        return self.path.with_name(self.path.name + ".tmp")

    def save(self) -> None:
        data = {k: v for k, v in asdict(self).items() if k != "letter"}
        temp = self.temp
        with open(temp, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, self.path)
        _fsync_dir(self.path.parent)

    @classmethod
    def load(cls, letter: Path) -> Ticket:
        """The letter's ticket, or a new one (a crash came between the claim and the first save)."""
        try:
            data = json.loads(ticket_of(letter).read_text(encoding="utf-8"))
            keys = ("original_name", "ref", "attempts", "strikes", "retry_at", "reason")
            return cls(letter, **{k: data[k] for k in keys})
        except (OSError, ValueError, KeyError, TypeError):
            return cls(letter, letter.name, letter_ref(letter))

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
        self.temp.unlink(missing_ok=True)  # a save cut short by a stop left it: gone with its letter


def letter_ref(letter: Path) -> str:
    """The quarantine reference of a claimed letter: derived from its name in the working folder (which no other
    letter has while it is there) and its content, so it is the same whatever happens to its ticket, and copies
    of one letter dropped together (the client's, the solicitor's, the file's) are held as the letters they are.
    Read in pieces: a file larger than memory is no reason to stop the watcher."""
    try:
        with open(letter, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256")
    except OSError:
        return new_ref()  # unreadable: it cannot have been stored either
    return held_ref("letter", letter.name.encode("utf-8", "surrogateescape"), digest.digest())


def ticket_of(letter: Path) -> Path:
    return letter.with_name(letter.name + TICKET_SUFFIX)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some network filesystems cannot fsync a folder
        pass
    finally:
        os.close(fd)
