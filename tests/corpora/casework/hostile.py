"""Parts a scanner cannot read: password-protected ZIP, Word and PDF files, corrupt files."""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRC_TABLE.append(_c)


def _crc_byte(crc: int, b: int) -> int:
    return _CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)


class _ZipCrypto:
    """Traditional PKWARE encryption (what 'zip -e' and Windows' 'Add a password' produce)."""

    def __init__(self, password: bytes) -> None:
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for b in password:
            self._update(b)

    def _update(self, b: int) -> None:
        k0, k1, k2 = self.k
        k0 = _crc_byte(k0, b)
        k1 = ((k1 + (k0 & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k2 = _crc_byte(k2, (k1 >> 24) & 0xFF)
        self.k = [k0, k1, k2]

    def encrypt(self, data: bytes) -> bytes:
        out = bytearray()
        for p in data:
            t = (self.k[2] | 2) & 0xFFFF
            out.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            self._update(p)
        return bytes(out)


def encrypted_zip(files: list[tuple[str, bytes]], password: str, rng: random.Random) -> bytes:
    """A ZIP whose entries are deflated and ZipCrypto-encrypted."""
    out = io.BytesIO()
    central = []
    dos_time, dos_date = (9 << 11), ((2026 - 1980) << 9) | (3 << 5) | 2
    for name, data in files:
        crc = zlib.crc32(data) & 0xFFFFFFFF
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        deflated = comp.compress(data) + comp.flush()
        header = bytes(rng.randrange(256) for _ in range(11)) + bytes([crc >> 24])
        enc = _ZipCrypto(password.encode()).encrypt(header + deflated)
        fname = name.encode()
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 1, 8, dos_time, dos_date, crc, len(enc), len(data), len(fname), 0
            )
            + fname
            + enc
        )
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                1,
                8,
                dos_time,
                dos_date,
                crc,
                len(enc),
                len(data),
                len(fname),
                0,
                0,
                0,
                0,
                0x20,
                offset,
            )
            + fname
        )
    cd_start = out.tell()
    for c in central:
        out.write(c)
    cd_size = out.tell() - cd_start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), cd_size, cd_start, 0))
    return out.getvalue()


@contextmanager
def _seeded_office_random(rng: random.Random) -> Iterator[None]:
    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    original = ecma376_agile._random_buffer
    stamp = ecma376_encrypted.datetime2filetime
    ecma376_agile._random_buffer = lambda sz: bytes(rng.randrange(256) for _ in range(sz))
    ecma376_encrypted.datetime2filetime = lambda dt: 134168832000000000  # 2026-03-02, not "now"
    try:
        yield
    finally:
        ecma376_agile._random_buffer = original
        ecma376_encrypted.datetime2filetime = stamp


def encrypted_office(docx: bytes, password: str, rng: random.Random) -> bytes:
    """A password-protected Word file (ECMA-376 agile encryption inside an OLE container)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with _seeded_office_random(rng):
        OOXMLFile(io.BytesIO(docx)).encrypt(password, out)
    return out.getvalue()


def truncated(data: bytes, keep: float = 0.45) -> bytes:
    """A file cut short in transfer (a half-synced attachment)."""
    return data[: int(len(data) * keep)]


def bomb_zip(name: str = "claims_export.csv", size_mb: int = 60) -> bytes:
    """A tiny archive that inflates to tens of megabytes (an export padded with blank rows)."""
    import zipfile

    from .render_docs import ZIP_TIME

    out = io.BytesIO()
    row = b",,,,,,\r\n"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        zi = zipfile.ZipInfo(name, ZIP_TIME)
        zi.compress_type = zipfile.ZIP_DEFLATED
        with z.open(zi, "w", force_zip64=True) as f:
            chunk = row * (1 << 17)
            for _ in range(size_mb * (1 << 20) // len(chunk)):
                f.write(chunk)
    return out.getvalue()
