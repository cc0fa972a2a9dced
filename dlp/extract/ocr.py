"""Tesseract OCR for scanned pages and images; without Tesseract such parts fail closed with what to install.

Every OCR run is taken from the item's budget (`[limits] max_ocr_images`); blank images cost nothing, and an
image seen before in the same item (a letterhead logo on every page) is read once."""

from __future__ import annotations

import hashlib
import shutil
from typing import Any

from dlp.errors import ExtractionError
from dlp.extract.base import Reading

INSTALL_HINT = "install Tesseract (Debian package tesseract-ocr) to read it"
MIN_SIDE = 8  # pixels: nothing readable fits in less


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def is_blank(image: Any) -> bool:
    """A uniform image (a blank page or frame) holds no text."""
    low, high = image.convert("L").getextrema()
    return bool(high - low < 16)


def ocr_image(image: Any, reading: Reading, what: str = "scanned page") -> str:
    """Text of a PIL image; ExtractionError (never an empty pass) when OCR is off, unavailable or over budget."""
    limits = reading.limits
    width, height = image.size
    if width * height > limits.max_image_pixels:
        raise ExtractionError(f"{what} over the limit of {limits.max_image_pixels} pixels")
    if min(width, height) < MIN_SIDE or is_blank(image):
        return ""
    gray = image.convert("L")
    digest = hashlib.sha256(gray.tobytes()).hexdigest()
    done = reading.budget.ocr_done.get(digest)
    if done is not None:
        return done
    if not limits.ocr:
        raise ExtractionError(f"{what} has no text layer and OCR is turned off ([limits] ocr)")
    if not tesseract_available():
        raise ExtractionError(f"{what} has no text layer; {INSTALL_HINT}")
    reading.budget.take("ocr")
    import pytesseract

    try:
        text: str = pytesseract.image_to_string(gray, lang=limits.ocr_language, timeout=limits.ocr_timeout_seconds)
    except RuntimeError as exc:  # pytesseract signals its timeout this way
        raise ExtractionError(f"OCR of {what} timed out") from exc
    except pytesseract.TesseractError as exc:
        raise ExtractionError(f"OCR of {what} failed ({exc.status})") from exc
    reading.budget.ocr_done[digest] = text
    return text
