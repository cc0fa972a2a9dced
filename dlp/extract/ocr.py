"""Tesseract OCR for scanned pages and images; without Tesseract such parts fail closed with what to install."""

from __future__ import annotations

import shutil
from typing import Any

from dlp.config import LimitsConfig
from dlp.errors import ExtractionError

INSTALL_HINT = "install Tesseract (Debian package tesseract-ocr) to read it"


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_image(image: Any, limits: LimitsConfig, what: str = "scanned page") -> str:
    """Text of a PIL image; ExtractionError (never an empty pass) when OCR is off or unavailable."""
    if not limits.ocr:
        raise ExtractionError(f"{what} has no text layer and OCR is turned off ([limits] ocr)")
    if not tesseract_available():
        raise ExtractionError(f"{what} has no text layer; {INSTALL_HINT}")
    import pytesseract

    try:
        text: str = pytesseract.image_to_string(image, lang=limits.ocr_language, timeout=limits.ocr_timeout_seconds)
    except RuntimeError as exc:  # pytesseract signals its timeout this way
        raise ExtractionError(f"OCR of {what} timed out") from exc
    except pytesseract.TesseractError as exc:
        raise ExtractionError(f"OCR of {what} failed ({exc.status})") from exc
    return text
