"""Images (a photographed or scanned letter attached to a message): OCR'd with Tesseract."""

from __future__ import annotations

import io

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Limits, register
from dlp.extract.ocr import ocr_image
from dlp.model import Part

SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a", b"BM")
MAX_PIXELS = 60_000_000  # decompression bombs in image form


class ImageExtractor(Extractor):
    media_types = ("image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp")
    extensions = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp")

    def sniff(self, data: bytes) -> bool:
        return data.startswith(SIGNATURES)

    def extract(self, data: bytes, name: str, limits: Limits, charset: str | None = None, depth: int = 0) -> list[Part]:
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1)
            texts = []
            for frame in range(min(frames, limits.max_pdf_pages)):
                image.seek(frame)
                texts.append(ocr_image(image.convert("L"), limits, what="image"))
        except Image.DecompressionBombError:
            raise ExtractionError("image over the pixel limit") from None
        return [Part(name, "\n".join(texts), "image/" + (image.format or "unknown").lower())]


register(ImageExtractor())
