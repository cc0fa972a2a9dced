"""Every benchmark still runs, as a user would run it, at the smallest size that exercises all its code: a
benchmark nobody runs for a while breaks without anyone noticing (bench_registry did, for a day)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dlp.extract.ocr import tesseract_available

ROOT = Path(__file__).resolve().parents[2]
CI = bool(os.environ.get("CI"))
POSTFIX = bool(shutil.which("smtp-source") and shutil.which("smtp-sink")) or CI  # .ci/run installs Postfix
OCR = tesseract_available() or CI


def _case(name: str, args: list[str], expect: str, runs: bool = True, why: str = "") -> object:
    return pytest.param(name, args, expect, id=name, marks=pytest.mark.skipif(not runs, reason=why))


CASES = [
    _case("bench_cli", ["--clients", "200", "--runs", "2"], "dlp scan (1 item)"),
    _case("bench_batch", ["--letters", "200", "--pdf-letters", "20"], "merged PDF (20)"),
    _case("bench_extract", ["--pages", "10", "--ocr-pages", "1"], "scanned PDF", OCR, "needs Tesseract"),
    _case("bench_review", ["--incidents", "2000", "--repeat", "2", "--backends", "sqlite"], "deep page 40"),
    _case(
        "bench_registry",
        ["--clients", "3000", "--baseline-clients", "3000", "--letters", "5", "--rounds", "1", "--workers", "1"],
        "compiled, 3,000 clients",
    ),
    _case("bench_accuracy", ["--scale", "0.05", "--no-presidio", "--corpus", "utility"], "OVERALL"),
    _case("bench_hostile", ["--pairs", "1", "--fuzz", "5"], "crashes", OCR, "needs Tesseract"),
    _case(
        "bench_relay",
        ["--repeat", "1", "--sessions", "1", "--seconds", "1", "--latency-messages", "50"],
        "CPU per message, 20 KB",
        POSTFIX,
        "needs Postfix's smtp-source and smtp-sink",
    ),
    _case(
        "bench_interference",
        ["--incidents", "1000", "--seconds", "2", "--rounds", "1"],
        "hammered / idle throughput",
        POSTFIX,
        "needs Postfix's smtp-source",
    ),
]


@pytest.mark.parametrize(("name", "args", "expect"), CASES)
def test_benchmark_runs(name: str, args: list[str], expect: str) -> None:
    # bench_scan is left out: its baseline needs the spaCy model of `.[bench]`, which the tests do not install.
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert expect in done.stdout, done.stdout[-3000:]
    assert "Traceback" not in done.stderr
