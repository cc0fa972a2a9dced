"""The whole hostile-input set (issue 10): over a thousand items, each scanned in a forked process with a 60 s
limit, so a crash, a hang or memory growth belongs to one item and is measured.

Prints: items and kinds; crashes, internal errors, hangs, items without a verdict; unread content allowed
(an incident that got through) and twins held (a legitimate item blocked); peak memory and the slowest items.
Time per item is also given as a ratio to the baseline, a plain one-line email scanned the same way in the
same run. Needs `.[test]` (fpdf2, python-docx) and Tesseract for the OCR items.

    .venv/bin/python benchmarks/bench_hostile.py [--pairs 4] [--fuzz 600]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dlp.config import Config, OrganisationConfig  # noqa: E402
from dlp.extract.ocr import tesseract_available  # noqa: E402
from dlp.policy import Policy  # noqa: E402
from dlp.registry import load_registry  # noqa: E402
from dlp.scanner import Scanner  # noqa: E402
from tests.extract import hostile  # noqa: E402
from tests.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN, make_registry  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=4, help="client pairs for which every hidden place is made")
    parser.add_argument("--fuzz", type=int, default=600, help="fuzzed files")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()

    registry = make_registry(300, seed=11)
    with tempfile.TemporaryDirectory() as tmp:
        csv = registry.write(Path(tmp) / "clients.csv")
        config = Config(
            organisation=OrganisationConfig(
                name="Riverbend Water", internal_domains=(ORG_DOMAIN,), approved_recipient_domains=(OMBUDSMAN_DOMAIN,)
            ),
            base_dir=Path(tmp),
        )
        scanner = Scanner(config, load_registry(str(csv)), Policy.load(), None)
        started = time.monotonic()
        items = hostile.suite(registry, fuzz=args.fuzz, pairs=args.pairs, ocr=tesseract_available())
        made = time.monotonic() - started
        a = registry.ordinary()[0]
        baseline_item = hostile.Item("baseline: one-line email", hostile.mail(a, "Thank you."), hostile.ALLOWED)
        baseline = statistics.median(hostile.run_isolated(scanner, baseline_item).seconds for _ in range(5))
        outcomes = []
        for number, item in enumerate(items, 1):
            outcomes.append(hostile.run_isolated(scanner, item, timeout=args.timeout))
            if number % 100 == 0:
                print(f"  {number}/{len(items)} scanned", file=sys.stderr, flush=True)

    statuses = Counter(o.status for o in outcomes)
    expect = Counter(o.expect for o in outcomes)
    unread_allowed = [o for o in outcomes if o.expect == hostile.BLOCKED and o.status == "ok" and not o.blocked]
    held_not = [o for o in outcomes if o.expect == hostile.HELD and not o.met]
    twins_held = [o for o in outcomes if o.expect == hostile.ALLOWED and not o.met]
    slowest = sorted(outcomes, key=lambda o: o.seconds, reverse=True)[:5]
    print(f"items: {len(outcomes)} (made in {made:.0f} s) of {len({o.kind for o in outcomes})} kinds")
    print(
        f"  incidents hidden in a place: {expect[hostile.BLOCKED]}, legitimate twins and signed mail: "
        f"{expect[hostile.ALLOWED]}, unreadable or over a budget: {expect[hostile.HELD]}, fuzzed: {expect[hostile.ANY]}"
    )
    print(
        f"crashes: {statuses['crash']}  internal errors: {statuses['internal error']}  hangs over "
        f"{args.timeout:.0f} s: {statuses['hang']}  without a verdict: {statuses['no verdict']}"
    )
    print(
        f"unread content allowed: {len(unread_allowed)}  unreadable not held: {len(held_not)}  "
        f"legitimate items blocked: {len(twins_held)}"
    )
    for o in unread_allowed + held_not + twins_held:
        print(f"    {o.kind}: expected {o.expect}, got {o.decision} {o.rules} {o.detail[:120]}")
    print(
        f"peak memory per item (above the scanner's own): max {max(o.peak_mb for o in outcomes):.0f} MB, "
        f"median {statistics.median(o.peak_mb for o in outcomes):.0f} MB; the whole scanning process at most "
        f"{max(o.peak_mb + o.base_mb for o in outcomes):.0f} MB"
    )
    times = [o.seconds for o in outcomes]
    print(
        f"time per item: median {statistics.median(times):.2f} s "
        f"({statistics.median(times) / baseline:.1f}x baseline), "
        f"max {max(times):.1f} s ({max(times) / baseline:.0f}x baseline); baseline (plain email) {baseline:.3f} s"
    )
    for o in slowest:
        print(f"    {o.seconds:6.1f} s  {o.peak_mb:5.0f} MB  {o.kind}")
    failed = unread_allowed or held_not or twins_held or any(o.status != "ok" for o in outcomes)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
