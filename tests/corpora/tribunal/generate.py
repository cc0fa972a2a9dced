"""Write the tribunal corpus: `python -m tests.corpora.tribunal.generate OUTDIR [--seed 1] [--scale 1.0]`."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from . import everyday, letter_cases, mail_cases, runs, special
from .corpus import Corpus
from .world import build_world, write_registry


def generate(out: Path | str, seed: int = 1, scale: float = 1.0) -> Path:
    """Registry, configuration, items, runs and labels for one seed; the same seed writes the same bytes."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    world = build_world(rng)
    write_registry(world, out)
    corpus = Corpus(out)
    letter_cases.build(corpus, world, rng, scale)
    mail_cases.build_all(corpus, world, rng, scale)
    special.unmerged(corpus, world, scale)
    special.unscannable(corpus, world, scale)
    everyday.build(corpus, world, rng, scale)
    runs.build(corpus, world, scale)
    corpus.save()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args(argv)
    generate(args.outdir, args.seed, args.scale)


if __name__ == "__main__":
    main()
