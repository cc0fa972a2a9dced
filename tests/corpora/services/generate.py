"""Generate the 'services' accuracy corpus: a state housing and community-support agency's outgoing mail.

    python -m tests.corpora.services.generate OUTDIR [--seed 1] [--scale 1.0]

Writes OUTDIR/clients.csv, OUTDIR/dlp.toml, OUTDIR/items/, OUTDIR/runs/ and OUTDIR/labels.jsonl in the format of
CORPUS_FORMAT.md. Everyone in it is made up.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections import Counter
from pathlib import Path

from . import org, population, runs, sc_letters, sc_mail, sc_misc, sc_relations, sc_suppressed
from .corpus import Corpus

SCENARIOS = [
    sc_letters.address_blocks,
    sc_letters.own_details,
    sc_letters.identifiers,
    sc_relations.advocates,
    sc_relations.guardians,
    sc_relations.nominees,
    sc_relations.households,
    sc_relations.internal,
    sc_relations.approved,
    sc_relations.attachments_wrong_client,
    sc_suppressed.suppressed_loose,
    sc_suppressed.headers_links,
    sc_mail.threads,
    sc_mail.html_mail,
    sc_mail.calendar_and_cards,
    sc_mail.signed,
    sc_mail.identifiers_in_mail,
    sc_misc.bulk,
    sc_misc.unmerged,
    sc_misc.unscannable,
    sc_misc.everyday,
    runs.runs,
]


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    if out.exists():
        for sub in ("items", "runs"):
            shutil.rmtree(out / sub, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pop = population.build(random.Random(rng.getrandbits(32)), scale)
    (out / "clients.csv").write_text(pop.registry_csv(), encoding="utf-8")
    (out / "dlp.toml").write_text(org.toml_text(), encoding="utf-8")
    cx = Corpus(out, rng, pop, scale)
    for scenario in SCENARIOS:
        # Each scenario draws from its own stream, so adding one never reshuffles the others.
        cx.rng = random.Random(f"{seed}:{scenario.__module__}.{scenario.__name__}")
        scenario(cx)
    cx.write_labels()
    return cx


def summary(cx: Corpus) -> str:
    counts: Counter[tuple[str, str]] = Counter()
    for lab in cx.labels:
        area = lab.category.split("/")[0]
        if lab.channel == "batch":
            counts[(area, f"run-{lab.run_expect}")] += 1
        elif lab.letters is not None:
            counts[(area, "letters-file")] += 1
        else:
            counts[(area, str(lab.expect))] += 1
    lines = [f"{area:<24} {kind:<14} {n}" for (area, kind), n in sorted(counts.items())]
    items = sum(1 for lab in cx.labels if lab.channel == "scan")
    lines.append(
        f"{len(cx.pop.clients)} clients, {items} scan items, "
        f"{sum(1 for lab in cx.labels if lab.channel == 'batch')} mail-merge runs"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    cx = generate(args.outdir, args.seed, args.scale)
    print(summary(cx))
    return 0


if __name__ == "__main__":
    sys.exit(main())
