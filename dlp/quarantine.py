"""Quarantined originals, encrypted at rest with AES-256-GCM; the key never goes into the database.

Each original is one file named by a random id: nonce (12 bytes) then ciphertext, written to a temporary
name, fsynced and renamed, so a crash never leaves half an original behind a quarantine reference.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from dlp.config import Config
from dlp.errors import ConfigError, QuarantineError, map_exceptions
from dlp.secrets import secret

KEY_ENV = "DLP_QUARANTINE_KEY"
_PIECE = 1 << 20  # originals on disk are sealed and unsealed a megabyte at a time
_OVERHEAD = 12 + 16  # nonce before the ciphertext, tag after it
SUFFIX = ".dlpq"
ENVELOPE_SUFFIX = ".env.dlpq"


def load_key(key_file: Path) -> bytes:
    """The key from DLP_QUARANTINE_KEY (base64) or the file DLP_QUARANTINE_KEY_FILE names, else the key file,
    created with mode 0600 on first use."""
    value = secret(KEY_ENV)
    if value:
        try:
            key = base64.b64decode(value, validate=True)
        except ValueError:
            raise ConfigError(f"{KEY_ENV} is not base64") from None
    else:
        with map_exceptions({OSError: ConfigError, ValueError: ConfigError}, "quarantine key file unusable"):
            if not key_file.exists():
                key_file.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(base64.b64encode(AESGCM.generate_key(bit_length=256)) + b"\n")
            key = base64.b64decode(key_file.read_bytes().strip(), validate=True)
    if len(key) != 32:
        where = KEY_ENV if value else f"the key file {key_file}"
        raise ConfigError(
            f"{where}: the quarantine key must be 32 bytes (AES-256) written in base64, not {len(key)} "
            "(make one with: head -c 32 /dev/urandom | base64)"
        )
    return key


def new_ref() -> str:
    return secrets.token_hex(16)


class Quarantine:
    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        with map_exceptions({OSError: QuarantineError}, "quarantine folder cannot be used"):
            self.folder.mkdir(parents=True, exist_ok=True)
        self._aead = AESGCM(key)
        self._key = key

    @classmethod
    def from_config(cls, config: Config) -> Quarantine:
        return cls(
            config.resolve_path(config.quarantine.path), load_key(config.resolve_path(config.quarantine.key_file))
        )

    def store(self, original: bytes | Path, envelope: dict[str, Any] | None = None, ref: str | None = None) -> str:
        """Encrypt and durably store an original (and its SMTP envelope); returns its reference. An original on
        disk is read and sealed a megabyte at a time: a letter of gigabytes takes the memory of a piece of it.

        A `ref` reserved beforehand (`new_ref()`) makes storing idempotent: a retry after a crash replaces the
        same original instead of adding a second one."""
        ref = ref or new_ref()
        if not ref.isalnum():
            raise QuarantineError("bad quarantine reference")
        if envelope is not None:
            self._write(self.folder / (ref + ENVELOPE_SUFFIX), ref, json.dumps(envelope).encode())
        self._write(self.folder / (ref + SUFFIX), ref, original)  # written last: its presence commits the pair
        return ref

    def _write(self, final: Path, ref: str, content: bytes | Path) -> None:
        nonce = secrets.token_bytes(12)
        temp = final.with_name(f"{final.name}.{secrets.token_hex(4)}.tmp")  # two holds of one message may race
        try:
            self.folder.mkdir(parents=True, exist_ok=True)  # a share re-mounted, a folder removed while running
            with open(temp, "wb") as handle:
                if isinstance(content, Path):
                    _seal_file(self._key, nonce, content, ref, handle)
                else:
                    handle.write(nonce + self._aead.encrypt(nonce, content, ref.encode()))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, final)
            dir_fd = os.open(self.folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise QuarantineError(f"original could not be quarantined ({exc.strerror})") from None

    def envelope(self, ref: str) -> dict[str, Any]:
        return dict(json.loads(self._read(ref, ENVELOPE_SUFFIX)))

    def load(self, ref: str) -> bytes:
        return self._read(ref, SUFFIX)

    def size(self, ref: str) -> int:
        """The held original's size in bytes, without reading it."""
        try:
            return max(0, self._path(ref, SUFFIX).stat().st_size - _OVERHEAD)
        except OSError:
            raise QuarantineError(f"no quarantined original {ref}") from None

    def copy_to(self, ref: str, target: Path) -> None:
        """Write the held original to `target`, a megabyte at a time (a letter of gigabytes is never in memory
        whole). Its tag is checked at the end: an altered file leaves no `target` behind."""
        try:
            with open(target, "wb") as out:
                for piece in self.pieces(ref):
                    out.write(piece)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise QuarantineError(f"original {ref} could not be written out ({exc.strerror})") from None
        except BaseException:
            target.unlink(missing_ok=True)
            raise

    def sha256(self, ref: str) -> str:
        """The held original's sha256, read a megabyte at a time; only once its tag checks out."""
        digest = hashlib.sha256()
        for piece in self.pieces(ref):
            digest.update(piece)
        return digest.hexdigest()

    def pieces(self, ref: str) -> Iterator[bytes]:
        """The held original decrypted a megabyte at a time; its tag is checked after the last piece, raising
        QuarantineError if it does not check out (whatever was read must then be thrown away)."""
        with self._open(ref) as handle:
            yield from self._unseal(handle, ref)

    def checked_pieces(self, ref: str) -> Iterator[bytes]:
        """The held original a megabyte at a time, for a reader that cannot throw away what it was given (a
        download). The file is checked whole before this returns (QuarantineError, nothing given), then read
        again through the same handle (a file swapped in meanwhile is not the one read), the last piece given only
        once its tag has checked out again."""
        handle = self._open(ref)
        try:
            for _ in self._unseal(handle, ref):
                pass
            size = os.fstat(handle.fileno()).st_size
            handle.seek(0)
        except BaseException:
            handle.close()
            raise
        return self._lagging(handle, ref, size)

    def _lagging(self, handle: IO[bytes], ref: str, size: int) -> Iterator[bytes]:
        with handle:
            if os.fstat(handle.fileno()).st_size != size:  # grown or cut since its check: not the file checked
                raise QuarantineError(_altered(ref))
            held: bytes | None = None
            for piece in self._unseal(handle, ref):
                if held is not None:
                    yield held
                held = piece
            if held is not None:
                yield held

    def _open(self, ref: str, suffix: str = SUFFIX) -> IO[bytes]:
        try:
            return open(self._path(ref, suffix), "rb")
        except OSError:
            raise QuarantineError(f"no quarantined original {ref}") from None

    def _unseal(self, handle: IO[bytes], ref: str) -> Iterator[bytes]:
        """Decrypt the sealed original open in `handle`, piece by piece, checking its tag at the end."""
        altered = _altered(ref)
        try:
            left = os.fstat(handle.fileno()).st_size - _OVERHEAD
            if left < 0:
                raise QuarantineError(altered)
            nonce = handle.read(12)
            handle.seek(-16, os.SEEK_END)
            tag = handle.read(16)
            handle.seek(12)
            decryptor = Cipher(algorithms.AES(self._key), modes.GCM(nonce, tag)).decryptor()
            decryptor.authenticate_additional_data(ref.encode())
            while left > 0:
                chunk = handle.read(min(left, _PIECE))
                if not chunk:  # shrunk while being read
                    raise QuarantineError(altered)
                left -= len(chunk)
                yield decryptor.update(chunk)
            decryptor.finalize()
        except OSError as exc:
            raise QuarantineError(f"original {ref} could not be read ({exc.strerror})") from None
        except InvalidTag:
            raise QuarantineError(altered) from None

    def _path(self, ref: str, suffix: str) -> Path:
        if not ref.isalnum():
            raise QuarantineError("bad quarantine reference")
        return self.folder / (ref + suffix)

    def _read(self, ref: str, suffix: str) -> bytes:
        # A wrong key or an altered file fails authentication (_unseal): never unverified bytes.
        with self._open(ref, suffix) as handle:
            return b"".join(self._unseal(handle, ref))

    def stored(self) -> list[tuple[str, float]]:
        """Every original held, with when it was stored (file modification time)."""
        out = []
        for path in self.folder.glob("*" + SUFFIX):
            ref = path.name[: -len(SUFFIX)]
            if ref.isalnum():
                try:
                    out.append((ref, path.stat().st_mtime))
                except OSError:
                    continue
        return out

    def discard(self, ref: str) -> None:
        for suffix in (SUFFIX, ENVELOPE_SUFFIX):
            (self.folder / (ref + suffix)).unlink(missing_ok=True)


def _altered(ref: str) -> str:
    return f"original {ref} cannot be decrypted: wrong key or altered file"


def _seal_file(key: bytes, nonce: bytes, source: Path, ref: str, out: Any) -> None:
    """nonce | ciphertext | tag, as AESGCM.encrypt lays them out, written a megabyte at a time."""
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(ref.encode())
    out.write(nonce)
    with open(source, "rb") as data:
        while chunk := data.read(_PIECE):
            out.write(encryptor.update(chunk))
    out.write(encryptor.finalize() + encryptor.tag)
