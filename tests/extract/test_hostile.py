"""Issue 10's hostile-input suite in CI: every hidden place with its legitimate twin, every rewrite of a
blocked item, every unreadable or over-budget input, and fuzzed files, each scanned in a forked process.
benchmarks/bench_hostile.py runs the whole set (over a thousand items)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from dlp.extract.ocr import tesseract_available
from tests.extract import hostile
from tests.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN, SyntheticRegistry

OCR = tesseract_available() or bool(os.environ.get("CI"))


@pytest.fixture(scope="module")
def outcomes(synthetic: SyntheticRegistry, scanner) -> list[hostile.Outcome]:  # type: ignore[no-untyped-def]
    items = hostile.suite(synthetic, fuzz=150, pairs=1, ocr=OCR)
    assert len(items) >= 300
    return [hostile.run_isolated(scanner, item) for item in items]


def test_no_crash_internal_error_hang_or_missing_verdict(outcomes: list[hostile.Outcome]) -> None:
    problems = [(o.kind, o.status, o.detail) for o in outcomes if o.status != "ok"]
    assert problems == []
    assert Counter(o.status for o in outcomes) == {"ok": len(outcomes)}


def test_no_unread_content_is_allowed(outcomes: list[hostile.Outcome]) -> None:
    """A registry client's account hidden in each place (or rewritten each way) is found, so the item is blocked."""
    incidents = [o for o in outcomes if o.expect == hostile.BLOCKED]
    assert len(incidents) >= 70
    allowed = [(o.kind, o.decision) for o in incidents if not o.met]
    assert allowed == []
    # Found, not merely held: the hidden reference is attributed to its client.
    assert sum("mismatched_recipient" in o.rules for o in incidents) >= len(incidents) - 2


def test_legitimate_twins_and_signed_mail_are_allowed(outcomes: list[hostile.Outcome]) -> None:
    """The same places holding the recipient's own account raise nothing: reading more never blocks more."""
    twins = [o for o in outcomes if o.expect == hostile.ALLOWED]
    assert len(twins) >= 70
    assert [(o.kind, o.decision, o.rules, o.detail) for o in twins if not o.met] == []
    assert {"S/MIME signed", "PGP signed", "calendar invitation (twin)", "contact card (twin)"} <= {
        o.kind for o in twins
    }


def test_unreadable_and_over_budget_items_are_held(outcomes: list[hostile.Outcome]) -> None:
    held = [o for o in outcomes if o.expect == hostile.HELD]
    assert [(o.kind, o.decision, o.rules) for o in held if not o.met] == []
    kinds = {o.kind for o in held}
    assert {
        "50,000 recipients",
        "header of 50,000 encoded words",
        "MIME nested 2,000 deep",
        "S/MIME encrypted",
        "PGP/MIME encrypted",
        "2,000-frame GIF",
        "pdf with no pages",
        "2,000-page blank letter",
    } <= kinds


def test_every_item_within_time_and_memory(outcomes: list[hostile.Outcome]) -> None:
    assert max(o.seconds for o in outcomes) < 60
    assert max(o.peak_mb for o in outcomes) < 1024


def test_dlp_scan_gives_every_hostile_file_a_verdict(
    synthetic: SyntheticRegistry, registry_csv: Path, tmp_path: Path
) -> None:
    """Through the CLI: one verdict line per file, no traceback, a zero-page PDF letter included."""
    a, b = synthetic.ordinary()[118:120]
    files = []
    for number, (_, data) in enumerate(hostile.held_items(a, b)):
        files.append(tmp_path / f"held{number}.eml")
        files[-1].write_bytes(data)
    for number, item in enumerate(hostile.fuzzed(a, b, 20, seed=9)):
        files.append(tmp_path / f"fuzzed{number}.eml")
        files[-1].write_bytes(item.data)
    (tmp_path / "empty.pdf").write_bytes(hostile.zero_page_pdf())
    (tmp_path / f"Statement {b.reference} {b.name}.txt").write_text("Thank you for your letter.\n")
    files += [tmp_path / "empty.pdf", tmp_path / f"Statement {b.reference} {b.name}.txt"]
    config = tmp_path / "dlp.toml"
    config.write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\napproved_recipient_domains = ["{OMBUDSMAN_DOMAIN}"]\n'
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dlp.cli.main",
            "scan",
            "--json",
            "--no-record",
            "--registry",
            str(registry_csv),
            "--config",
            str(config),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert {line["path"] for line in lines} == {str(f) for f in files}
    assert all(line["decision"] for line in lines)
    by_path = {line["path"]: line for line in lines}
    assert by_path[str(tmp_path / "empty.pdf")]["decision"] == "quarantine"
    # A file name is scanned like content, and never repeated: not in `part`, not anywhere in the output.
    named = by_path[str(tmp_path / f"Statement {b.reference} {b.name}.txt")]
    assert named["decision"] == "quarantine"
    assert all(b.reference not in json.dumps(f) and b.family_name not in json.dumps(f) for f in named["findings"])
    assert done.returncode == 1
