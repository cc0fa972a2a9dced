"""Windows metafiles (EMF, WMF): the pictures Office keeps for charts, diagrams and pasted drawings.

Pillow cannot draw them outside Windows, so they are read record by record: the text they draw (EMF
EXTTEXTOUT, WMF TEXTOUT/EXTTEXTOUT) is taken as text, and the bitmaps they carry (STRETCHDIBITS and the like)
are OCR'd as images. Anything else a metafile draws is lines and fills, which hold no words.
"""

from __future__ import annotations

import struct

from dlp.errors import Corrupt, ExtractionError
from dlp.extract.base import Extractor, Reading, extract_part, register
from dlp.model import Part

EMF_SIGNATURE = b" EMF"  # at offset 40 of the header record
WMF_PLACEABLE = b"\xd7\xcd\xc6\x9a"
EMR_EXTTEXTOUTA, EMR_EXTTEXTOUTW, EMR_STRETCHDIBITS, EMR_EOF = 83, 84, 81, 14
# Where each bitmap record keeps offBmiSrc, cbBmiSrc, offBitsSrc, cbBitsSrc (MS-EMF 2.3.1).
EMR_BITMAPS = {
    76: (0x54, 0x58, 0x5C, 0x60),  # BITBLT
    77: (0x54, 0x58, 0x5C, 0x60),  # STRETCHBLT
    80: (0x30, 0x34, 0x38, 0x3C),  # SETDIBITSTODEVICE
    81: (0x30, 0x34, 0x38, 0x3C),  # STRETCHDIBITS
}
META_TEXTOUT, META_EXTTEXTOUT, META_STRETCHDIB, META_DIBSTRETCHBLT = 0x0521, 0x0A32, 0x0F43, 0x0B41
MAX_RECORDS = 1_000_000


class MetafileExtractor(Extractor):
    label = "metafile"
    media_types = ("image/emf", "image/x-emf", "image/wmf", "image/x-wmf", "application/x-msmetafile")
    extensions = (".emf", ".wmf")

    def sniff(self, data: bytes) -> bool:
        emf = data[:4] == b"\x01\x00\x00\x00" and data[40:44] == EMF_SIGNATURE
        return (
            emf
            or data.startswith(WMF_PLACEABLE)
            or data[:6] in (b"\x01\x00\x09\x00\x00\x03", b"\x02\x00\x09\x00\x00\x03")
        )

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        if data[40:44] == EMF_SIGNATURE:
            words, bitmaps = _emf(data)
        else:
            words, bitmaps = _wmf(data[22:] if data.startswith(WMF_PLACEABLE) else data)
        parts = [Part(name, "\n".join(w for w in words if w.strip()), "image/emf")]
        for number, bitmap in enumerate(bitmaps, 1):
            parts += extract_part(bitmap, f"{name}, picture {number}", reading=reading, typed=True)
        return parts


def _bmp(header: bytes, bits: bytes) -> bytes:
    """A DIB (header and bits) as a .bmp file Pillow opens."""
    return b"BM" + struct.pack("<IHHI", 14 + len(header) + len(bits), 0, 0, 14 + len(header)) + header + bits


def _emf(data: bytes) -> tuple[list[str], list[bytes]]:
    words: list[str] = []
    bitmaps: list[bytes] = []
    at = 0
    for _ in range(MAX_RECORDS):
        if at + 8 > len(data):
            break
        kind, size = struct.unpack_from("<II", data, at)
        if size < 8 or size % 4 or at + size > len(data):
            raise Corrupt("corrupt metafile")
        record = data[at : at + size]
        if kind in (EMR_EXTTEXTOUTA, EMR_EXTTEXTOUTW) and size >= 76:
            chars, offset = struct.unpack_from("<II", record, 44)
            width = 2 if kind == EMR_EXTTEXTOUTW else 1
            raw = record[offset : offset + chars * width]
            words.append(raw.decode("utf-16-le" if width == 2 else "cp1252", errors="replace"))
        elif kind in EMR_BITMAPS:
            places = EMR_BITMAPS[kind]
            if size >= places[3] + 4:
                off_bmi, cb_bmi, off_bits, cb_bits = (struct.unpack_from("<I", record, p)[0] for p in places)
                if cb_bmi and cb_bits and off_bmi + cb_bmi <= size and off_bits + cb_bits <= size:
                    bitmaps.append(_bmp(record[off_bmi : off_bmi + cb_bmi], record[off_bits : off_bits + cb_bits]))
        elif kind == EMR_EOF:
            break
        at += size
    else:
        raise ExtractionError("metafile with too many records")
    return words, bitmaps


def _wmf(data: bytes) -> tuple[list[str], list[bytes]]:
    words: list[str] = []
    bitmaps: list[bytes] = []
    if len(data) < 18:
        raise Corrupt("corrupt metafile")
    at = struct.unpack_from("<H", data, 2)[0] * 2  # header size in 16-bit words
    for _ in range(MAX_RECORDS):
        if at + 6 > len(data):
            break
        size = struct.unpack_from("<I", data, at)[0] * 2
        function = struct.unpack_from("<H", data, at + 4)[0]
        if size < 6 or at + size > len(data):
            raise Corrupt("corrupt metafile")
        record = data[at + 6 : at + size]
        if function == META_TEXTOUT and len(record) >= 2:
            length = struct.unpack_from("<H", record, 0)[0]
            words.append(record[2 : 2 + length].decode("cp1252", errors="replace"))
        elif function == META_EXTTEXTOUT and len(record) >= 8:
            length, options = struct.unpack_from("<HH", record, 4)
            start = 8 + (8 if options & 0x6 else 0)
            words.append(record[start : start + length].decode("cp1252", errors="replace"))
        elif function in (META_STRETCHDIB, META_DIBSTRETCHBLT):
            # The DIB follows the fixed fields: a BITMAPINFOHEADER (40 bytes) then colours and bits.
            dib_at = 22 if function == META_STRETCHDIB else 20
            dib = record[dib_at:]
            if len(dib) >= 40:
                header_size = struct.unpack_from("<I", dib, 0)[0]
                bit_count = struct.unpack_from("<H", dib, 14)[0]
                colours = struct.unpack_from("<I", dib, 32)[0] or (1 << bit_count if bit_count <= 8 else 0)
                head = header_size + 4 * colours
                bitmaps.append(_bmp(dib[:head], dib[head:]))
        elif function == 0:
            break
        at += size
    else:
        raise ExtractionError("metafile with too many records")
    return words, bitmaps


register(MetafileExtractor())
