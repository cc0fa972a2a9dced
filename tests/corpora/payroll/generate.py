"""Write the payroll bureau's labelled corpus.

python -m tests.corpora.payroll.generate OUTDIR [--seed 1] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import random
import shutil
from collections import Counter
from pathlib import Path

from . import cases, everyday, registry, runs
from .corpus import Corpus
from .world import World


def generate(out: Path | str, seed: int = 1, scale: float = 1.0) -> dict[str, int]:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    w = World(seed)
    (out / "clients.csv").write_bytes(registry.clients_csv(w))
    (out / "dlp.toml").write_bytes(registry.config_toml())
    c = Corpus(out)
    cases.make(c, w, random.Random(seed * 1000 + 1), scale)
    everyday.make(c, w, random.Random(seed * 1000 + 2), scale)
    run_labels = runs.make(out, w, random.Random(seed * 1000 + 3), scale)
    c.write_labels(run_labels)
    return summary(c.labels, run_labels)


def summary(items: list[dict], run_labels: list[dict]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for x in items:
        area = x["category"].split("/")[0]
        counts[f"{area} items"] += 1
        verdicts = x.get("letters") or [x]
        if any(v["expect"] == "block" for v in verdicts):
            counts[f"{area} incidents"] += 1
            counts["incidents"] += 1
        counts["items"] += 1
    counts["runs"] = len(run_labels)
    counts["runs blocked"] = sum(r["run_expect"] == "block" for r in run_labels)
    return dict(sorted(counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    for key, value in generate(args.outdir, args.seed, args.scale).items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
