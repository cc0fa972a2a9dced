"""Extraction throughput: pages/s for text PDFs and for scanned (OCR'd) pages, and letters/s for a merged file.

    python benchmarks/bench_extract.py [--pages 300] [--ocr-pages 6]

Documents are built with the tests' builders (fpdf2, Pillow), so install `.[test]` first.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dlp.config import LimitsConfig  # noqa: E402
from dlp.extract import extract_part, letters_from_file  # noqa: E402
from dlp.extract.ocr import tesseract_available  # noqa: E402
from tests.extract.conftest import pdf_of_pages, scanned_pdf  # noqa: E402
from tests.synthetic import account_body, letter, make_registry  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--ocr-pages", type=int, default=6)
    args = parser.parse_args()
    reg = make_registry(max(args.pages, 50), seed=4)
    texts = [letter(c, account_body(c)) for c in reg.clients[: args.pages]]
    merged = pdf_of_pages(texts)

    start = time.perf_counter()
    parts = extract_part(merged, "merged.pdf", limits=LimitsConfig())
    text_s = time.perf_counter() - start
    pages = [p for p in parts if p.name.startswith("merged.pdf, page ") and p.name.count(",") == 1]
    assert len(pages) == args.pages and all(p.error is None for p in parts)
    start = time.perf_counter()
    letters = letters_from_file(merged, "merged.pdf")
    split_s = time.perf_counter() - start
    print(
        f"text PDF: {args.pages} pages in {text_s:.2f} s = {args.pages / text_s:.0f} pages/s "
        f"(split into {len(letters)} letters: {len(letters) / split_s:.0f} letters/s)"
    )

    if not tesseract_available():
        print("OCR: Tesseract not installed (apt-get install tesseract-ocr)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        scans = [scanned_pdf(t, Path(tmp)) for t in texts[: args.ocr_pages]]
    start = time.perf_counter()
    for scan in scans:
        part = next(p for p in extract_part(scan, "scan.pdf", limits=LimitsConfig()) if p.name == "scan.pdf, page 1")
        assert part.error is None and "Dear" in part.text
    ocr_s = time.perf_counter() - start
    print(
        f"scanned PDF (render 300 dpi + Tesseract): {len(scans)} pages in {ocr_s:.2f} s = "
        f"{len(scans) / ocr_s:.2f} pages/s"
    )


if __name__ == "__main__":
    main()
