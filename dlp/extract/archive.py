"""ZIP archives, read recursively within limits: member count, expanded size, expansion ratio, depth.

Limits are checked against the archive's directory before anything is expanded, and again while reading
(a directory can lie), so a zip bomb costs no more than the limits allow. Member names are content: they are
scanned together as one part, and members are named by position ("file 3 (PDF)").
"""

from __future__ import annotations

import io
import zipfile
import zlib

from dlp.errors import Corrupt, ExtractionError
from dlp.extract.base import Extractor, Reading, extract_part, register
from dlp.model import FILE_NAME, Part

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"


class ZipExtractor(Extractor):
    label = "ZIP"
    media_types = ("application/zip", "application/x-zip-compressed")
    extensions = (".zip",)
    generic = True

    def sniff(self, data: bytes) -> bool:
        return data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC))

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        reading.check_depth()
        archive = open_zip(data)
        with archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
            check_directory(members, reading)
            names = "\n".join(i.filename for i in archive.infolist())
            parts: list[Part] = [Part(f"{name}, file names", names, FILE_NAME)] if names else []
            budget = reading.limits.max_archive_total_bytes
            for number, info in enumerate(members, 1):
                content = read_member(archive, info, min(budget, reading.limits.max_part_bytes))
                budget -= len(content)
                parts += extract_part(
                    content, f"{name}, file {number}", filename=info.filename, reading=reading.inside(), typed=True
                )
        # A file name is already in the names part: the per-file copies are dropped.
        return [p for p in parts if not (p.media_type == FILE_NAME and p.name.endswith(", file name"))] or [
            Part(name, "", "application/zip")
        ]

    def extent(self, data: bytes) -> tuple[int, int]:
        return extent_of_zip(data)


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise Corrupt("corrupt ZIP archive") from None


def extent_of_zip(data: bytes) -> tuple[int, int]:
    """Where the archive lies in the data: from its first member to the end of its directory and comment."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            start = min((i.header_offset for i in infos), default=0)
            end_record = data.rfind(EMPTY_ZIP_MAGIC)
            end = end_record + 22 + len(archive.comment) if end_record != -1 else len(data)
            return start, min(end, len(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return 0, len(data)


def check_directory(members: list[zipfile.ZipInfo], reading: Reading, ratio_from: int = 0) -> None:
    """The archive's own word on what it holds, checked before anything is expanded.

    `ratio_from`: members smaller than this are not held to the expansion ratio (Office XML compresses well)."""
    limits = reading.limits
    if len(members) > limits.max_archive_files:
        raise ExtractionError(f"archive holds {len(members)} files, over the limit of {limits.max_archive_files}")
    if any(info.flag_bits & 0x1 for info in members):
        raise ExtractionError("password-protected ZIP archive")
    total = sum(info.file_size for info in members)
    if total > limits.max_archive_total_bytes:
        raise ExtractionError("archive expands beyond the size limit (possible zip bomb)")
    for info in members:
        if (
            info.file_size > ratio_from
            and info.compress_size
            and info.file_size / info.compress_size > limits.max_archive_ratio
        ):
            raise ExtractionError("archive member expands far beyond its size (zip bomb)")


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Read one member, never more than `budget` bytes whatever its header claims."""
    try:
        with archive.open(info) as handle:
            content = handle.read(budget + 1)
    except NotImplementedError:
        raise ExtractionError("archive member compressed in a way that is not read") from None
    except RuntimeError as exc:  # zipfile's word for a member that needs a password
        raise ExtractionError("password-protected ZIP archive") from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
        raise Corrupt("corrupt ZIP archive") from exc
    if len(content) > budget:
        raise ExtractionError("archive expands beyond the size limit (possible zip bomb)")
    return content


register(ZipExtractor())
