"""OLE compound files: encrypted Office documents (detected with msoffcrypto-tool), Outlook .msg messages
(extract-msg), and legacy binary Office files, which are not read and so fail closed."""

from __future__ import annotations

import io

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Limits, extract_part, register
from dlp.model import Part

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class OleExtractor(Extractor):
    media_types = ("application/vnd.ms-outlook", "application/msword", "application/vnd.ms-excel")
    extensions = (".msg", ".doc", ".xls")

    def sniff(self, data: bytes) -> bool:
        return data.startswith(OLE_MAGIC)

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
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
        ole = olefile.OleFileIO(io.BytesIO(data))
        try:
            streams = {"/".join(entry) for entry in ole.listdir()}
        finally:
            ole.close()
        if any(s.startswith("__substg1.0_") for s in streams):
            return _outlook_message(data, name, limits, depth)
        raise ExtractionError("legacy binary Office format is not read; save it as .docx or .xlsx")


def _outlook_message(data: bytes, name: str, limits: Limits, depth: int) -> list[Part]:
    import extract_msg

    message = extract_msg.openMsg(io.BytesIO(data))
    try:
        subject = str(getattr(message, "subject", "") or "")
        body = str(getattr(message, "body", "") or "")
        parts = [Part(f"{name}, subject", subject), Part(f"{name}, body", body)]
        for attachment in getattr(message, "attachments", []):
            payload = getattr(attachment, "data", None)
            filename = str(
                getattr(attachment, "longFilename", None) or getattr(attachment, "shortFilename", None) or "attachment"
            )
            label = f"{name}, attachment {filename}"
            if isinstance(payload, bytes):
                parts.extend(extract_part(payload, label, filename=filename, limits=limits, depth=depth + 1))
            else:
                parts.append(Part(label, "", "application/octet-stream", "embedded item that cannot be read"))
    finally:
        message.close()
    return parts


register(OleExtractor())
