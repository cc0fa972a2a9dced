"""Images (a photographed or scanned letter attached to a message): OCR'd with Tesseract, every frame of an
animated or multi-page image too, within the item's OCR budget."""

from __future__ import annotations

import io
import warnings

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Reading, register
from dlp.extract.ocr import ocr_image
from dlp.model import Part

SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a", b"BM")


class ImageExtractor(Extractor):
    label = "image"
    media_types = ("image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp", "image/webp")
    extensions = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".webp")

    def sniff(self, data: bytes) -> bool:
        return data.startswith(SIGNATURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")

    def extent(self, data: bytes) -> tuple[int, int]:
        # A PNG ends with its IEND chunk; other images are searched whole (their data is compressed noise).
        end = data.find(b"IEND") if data.startswith(b"\x89PNG") else -1
        return (0, end + 8) if end != -1 else (0, 0)

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        from PIL import Image

        limits = reading.limits
        Image.MAX_IMAGE_PIXELS = limits.max_image_pixels
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(io.BytesIO(data))
                width, height = image.size
                if width * height > limits.max_image_pixels:
                    raise ExtractionError(f"image over the limit of {limits.max_image_pixels} pixels")
                frames = getattr(image, "n_frames", 1)
                if frames > limits.max_image_frames:
                    raise ExtractionError(f"image has {frames} frames, over the limit of {limits.max_image_frames}")
                texts = []
                for frame in range(frames):
                    image.seek(frame)
                    text = ocr_image(image, reading, what="image").strip()
                    if text and text not in texts:
                        texts.append(text)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ExtractionError(f"image over the limit of {limits.max_image_pixels} pixels") from None
        except Image.UnidentifiedImageError:
            raise ExtractionError("corrupt or unknown image format") from None
        return [Part(name, "\n".join(texts), "image/" + (image.format or "unknown").lower())]


register(ImageExtractor())
