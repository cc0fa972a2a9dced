"""ZIP archives, read recursively within limits: member count, expanded size, expansion ratio, depth.

Limits are checked against the archive's directory before anything is expanded, and again while reading
(a directory can lie), so a zip bomb costs no more than the limits allow.
"""

from __future__ import annotations

import io
import zipfile

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Limits, extract_part, register
from dlp.model import Part


class ZipExtractor(Extractor):
    media_types = ("application/zip", "application/x-zip-compressed")
    extensions = (".zip",)
    generic = True

    def sniff(self, data: bytes) -> bool:
        return data.startswith((b"PK\x03\x04", b"PK\x05\x06"))

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        if depth >= limits.max_archive_depth:
            raise ExtractionError(f"archives nested deeper than {limits.max_archive_depth}")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise ExtractionError("corrupt ZIP archive") from None
        with archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
            _check_directory(members, limits)
            parts: list[Part] = []
            budget = limits.max_archive_total_bytes
            for info in members:
                label = f"{name}/{info.filename}"
                content = _read(archive, info, min(budget, limits.max_part_bytes))
                budget -= len(content)
                parts.extend(extract_part(content, label, filename=info.filename, limits=limits, depth=depth + 1))
        return parts


def _check_directory(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > limits.max_archive_files:
        raise ExtractionError(f"archive holds {len(members)} files, over the limit of {limits.max_archive_files}")
    if any(info.flag_bits & 0x1 for info in members):
        raise ExtractionError("password-protected ZIP archive")
    total = sum(info.file_size for info in members)
    if total > limits.max_archive_total_bytes:
        raise ExtractionError("archive expands beyond the size limit (possible zip bomb)")
    for info in members:
        if info.compress_size and info.file_size / info.compress_size > limits.max_archive_ratio:
            raise ExtractionError("archive member expands far beyond its size (zip bomb)")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Read one member, never more than `budget` bytes whatever its header claims."""
    with archive.open(info) as handle:
        content = handle.read(budget + 1)
    if len(content) > budget:
        raise ExtractionError("archive expands beyond the size limit (possible zip bomb)")
    return content


register(ZipExtractor())
