"""OLE compound files: encrypted Office documents (detected with msoffcrypto-tool), Outlook .msg messages
(extract-msg), objects embedded in Office and RTF documents (a packaged file, an embedded OOXML document or
PDF, read as the files they are), and legacy binary Office files, which are not read and so fail closed."""

from __future__ import annotations

import io

from dlp.errors import Corrupt, ExtractionError
from dlp.extract.base import Extractor, Reading, extract_part, register
from dlp.model import Part

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Streams in which an embedding OLE object keeps the embedded file itself.
EMBEDDED_STREAMS = ("package", "contents", "\x01ole10native", "equationnative")


class OleExtractor(Extractor):
    label = "OLE"
    media_types = ("application/vnd.ms-outlook", "application/msword", "application/vnd.ms-excel")
    extensions = (".msg", ".doc", ".xls", ".bin")

    def sniff(self, data: bytes) -> bool:
        return data.startswith(OLE_MAGIC)

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        import msoffcrypto
        import olefile

        if not data.startswith(OLE_MAGIC):
            raise ExtractionError("not an Office or Outlook file (wrong extension for its content)")
        try:
            if msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted():
                raise ExtractionError("encrypted Office document (password-protected)")
        except ExtractionError:
            raise
        except Exception:  # msoffcrypto knows only Office formats; an Outlook message is not one
            pass
        try:
            ole = olefile.OleFileIO(io.BytesIO(data))
        except OSError:
            raise Corrupt("corrupt OLE file") from None
        try:
            streams = {"/".join(entry): entry for entry in ole.listdir()}
            if any(s.startswith("__substg1.0_") for s in streams):
                reading.check_depth()
                return _outlook_message(data, name, reading)
            embedded = {path.lower(): entry for path, entry in streams.items() if path.lower() in EMBEDDED_STREAMS}
            if embedded:
                reading.check_depth()
                return _embedded(ole, embedded, name, reading)
        finally:
            ole.close()
        raise ExtractionError("legacy binary Office format is not read; save it as .docx or .xlsx")


def _embedded(ole: object, streams: dict[str, list[str]], name: str, reading: Reading) -> list[Part]:
    from oletools.oleobj import OleNativeStream

    parts: list[Part] = []
    for stream, entry in streams.items():
        content = ole.openstream(entry).read(reading.limits.max_part_bytes + 1)  # type: ignore[attr-defined]
        label = f"{name}, embedded file {len(parts) + 1}"
        if stream == "\x01ole10native":
            native = OleNativeStream(bindata=content)
            filename = native.filename.decode("latin-1") if isinstance(native.filename, bytes) else native.filename
            parts += extract_part(
                native.data or b"", label, filename=filename or None, reading=reading.inside(), typed=True
            )
        elif stream == "equationnative":
            continue  # an equation: symbols, no words
        else:
            parts += extract_part(content, label, reading=reading.inside(), typed=True)
    return parts


def _outlook_message(data: bytes, name: str, reading: Reading) -> list[Part]:
    import extract_msg

    message = extract_msg.openMsg(io.BytesIO(data))
    try:
        subject = str(getattr(message, "subject", "") or "")
        body = str(getattr(message, "body", "") or "")
        parts = [Part(f"{name}, subject", subject), Part(f"{name}, body", body)]
        for key in ("to", "cc", "sender"):
            value = getattr(message, key, None)
            if value:
                parts.append(Part(f"{name}, {key}", str(value)))
        for number, attachment in enumerate(getattr(message, "attachments", []), 1):
            payload = getattr(attachment, "data", None)
            filename = str(
                getattr(attachment, "longFilename", None) or getattr(attachment, "shortFilename", None) or ""
            )
            label = f"{name}, attachment {number}"
            if isinstance(payload, bytes):
                parts += extract_part(payload, label, filename=filename or None, reading=reading.inside(), typed=True)
            else:
                parts.append(Part(label, "", "application/octet-stream", "embedded item that cannot be read"))
    finally:
        message.close()
    return parts


register(OleExtractor())
