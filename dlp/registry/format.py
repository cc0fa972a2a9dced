"""The compiled index file: a checked header and named numpy arrays, memory-mapped by every reader.

    offset 0   MAGIC (8 bytes) | format version (u32) | header length (u32) | SHA-256 (32 bytes)
    offset 48  header: JSON (build time, source, counts, section table)
               sections, each 64-byte aligned: raw little-endian arrays named in the header

The SHA-256 covers everything after itself, so a corrupt, truncated or half-written file is refused before
any reader uses it. A file of another format version is refused with a request to rebuild. Writers write a
temporary file beside the target, fsync it and rename it into place: readers see the old file or the new one,
never a mix.
"""

from __future__ import annotations

import hashlib
import io
import json
import mmap
import os
import struct
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from dlp.errors import IndexFileError

MAGIC = b"DLPREGIX"
FORMAT_VERSION = 3  # 2: key tries (match.trie.N) instead of hashing every candidate span; 3: suppressed suburbs
_PREFIX = struct.Struct("<8sII32s")
_ALIGN = 64


def is_index_file(path: str | Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _pad(n: int) -> int:
    return -n % _ALIGN


def write(stream: IO[bytes], header: dict[str, Any], sections: Mapping[str, npt.NDArray[Any] | bytes]) -> str:
    """Write the index to a seekable stream; returns the checksum (hex)."""
    table: dict[str, dict[str, Any]] = {}
    offset = 0
    for name, data in sections.items():
        array = np.frombuffer(data, dtype=np.uint8) if isinstance(data, bytes | bytearray) else data
        table[name] = {"offset": offset, "dtype": array.dtype.str, "count": int(array.size)}
        offset += array.nbytes + _pad(array.nbytes)
    full = {**header, "sections": table, "length": 10**18}  # the widest length, to size the header
    reserved = _PREFIX.size + len(json.dumps(full, sort_keys=True, separators=(",", ":")))
    body_start = reserved + _pad(reserved)
    full["length"] = body_start + offset
    blob = json.dumps(full, sort_keys=True, separators=(",", ":")).encode()
    blob += b" " * (body_start - _PREFIX.size - len(blob))
    digest = hashlib.sha256(blob)
    stream.write(_PREFIX.pack(MAGIC, FORMAT_VERSION, len(blob), b"\0" * 32))
    stream.write(blob)
    for data in sections.values():
        raw = memoryview(data) if isinstance(data, bytes | bytearray) else np.ascontiguousarray(data).reshape(-1).data
        raw = raw.cast("B")
        digest.update(raw)
        stream.write(raw)
        padding = b"\0" * _pad(len(raw))
        digest.update(padding)
        stream.write(padding)
    stream.seek(16)
    stream.write(digest.digest())
    stream.seek(0, io.SEEK_END)
    return digest.hexdigest()


def write_file(path: str | Path, header: dict[str, Any], sections: Mapping[str, npt.NDArray[Any] | bytes]) -> str:
    """Write atomically: a temporary file beside `path`, fsync, rename over it."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            checksum = write(handle, header, sections)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
    return checksum


@dataclass
class IndexData:
    """A verified index in memory: its header and its sections as read-only arrays over one buffer."""

    header: dict[str, Any]
    checksum: str
    buffer: Any  # mmap.mmap or bytes; kept alive for the arrays that view it
    source: str

    def array(self, name: str) -> npt.NDArray[Any]:
        entry = self.header["sections"][name]
        start = self.header["body"] + entry["offset"]
        return np.frombuffer(self.buffer, dtype=np.dtype(entry["dtype"]), count=entry["count"], offset=start)

    def ints(self, name: str) -> memoryview:
        """A section as a typed memoryview: one element reads as a Python int, without the numpy scalar that
        indexing an array makes (several times slower, and lookups read a few elements at a time)."""
        array = self.array(name)
        kind: Any = array.dtype.char  # an integer type: 'B', 'I', 'Q', ...
        return array.data.cast("B").cast(kind)

    def blob(self, name: str) -> memoryview:
        entry = self.header["sections"][name]
        start = self.header["body"] + entry["offset"]
        return memoryview(self.buffer)[start : start + entry["count"]]

    def has(self, name: str) -> bool:
        return name in self.header["sections"]

    @property
    def nbytes(self) -> int:
        return int(self.header["length"])


def parse(buffer: Any, source: str, verify: bool = True) -> IndexData:
    """Check and open an index held in `buffer` (bytes or an mmap); `source` names it in errors."""
    size = len(buffer)
    if size < _PREFIX.size:
        raise IndexFileError(f"{source}: not a registry index (too short; truncated?)")
    magic, version, header_len, stored = _PREFIX.unpack_from(buffer, 0)
    if magic != MAGIC:
        raise IndexFileError(f"{source}: not a registry index file (build one with `dlp registry build`)")
    if version != FORMAT_VERSION:
        raise IndexFileError(
            f"{source}: index format version {version}, this dlp reads version {FORMAT_VERSION}; "
            "rebuild it with `dlp registry build`"
        )
    if _PREFIX.size + header_len > size:
        raise IndexFileError(f"{source}: index file is truncated (header incomplete)")
    try:
        header = json.loads(bytes(buffer[_PREFIX.size : _PREFIX.size + header_len]))
        length = int(header["length"])
    except (ValueError, KeyError, TypeError):
        raise IndexFileError(f"{source}: index header is corrupt") from None
    if size < length:
        raise IndexFileError(f"{source}: index file is truncated ({size} of {length} bytes; still being written?)")
    if size > length:
        raise IndexFileError(f"{source}: index file has {size - length} unexpected bytes at its end")
    checksum = stored.hex()
    if verify:
        actual = hashlib.sha256(memoryview(buffer)[_PREFIX.size :]).hexdigest()
        if actual != checksum:
            raise IndexFileError(f"{source}: index checksum mismatch (corrupt or half-written file)")
    header["body"] = _PREFIX.size + header_len
    return IndexData(header, checksum, buffer, source)


def open_file(path: str | Path, verify: bool = True) -> IndexData:
    """Memory-map an index file read-only: every process mapping it shares one copy in the page cache."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size == 0:
                raise IndexFileError(f"{path}: index file is empty (still being written?)")
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        raise IndexFileError(f"registry index not found: {path}") from None
    except IsADirectoryError:
        raise IndexFileError(f"registry path is a folder, not an index file: {path}") from None
    except PermissionError:
        raise IndexFileError(f"registry index is not readable (permission denied): {path}") from None
    try:
        return parse(mapped, str(path), verify)
    except BaseException:
        mapped.close()
        raise
