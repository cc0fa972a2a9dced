"""Generate the Tallowwood Water & Energy accuracy corpus.

    python -m tests.corpora.utility.generate OUTDIR [--seed 1] [--scale 1.0]

Writes OUTDIR/clients.csv, OUTDIR/dlp.toml, OUTDIR/items/, OUTDIR/runs/ and OUTDIR/labels.jsonl in the
shared corpus format. Deterministic for a seed."""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from . import compose, org, runs, sc_fv, sc_fv_mail, sc_ids, sc_letters, sc_mail, sc_misc, sc_people, sc_threads
from .corpus import Corpus, check
from .registry import build_registry


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Counter[str]:
    rng = random.Random(seed)
    reg = build_registry(rng)
    compose.TAKEN.clear()
    compose.TAKEN.update(c.address.one_line() for c in reg.clients)
    compose._SUPPLY_CACHE.clear()
    out.mkdir(parents=True, exist_ok=True)
    (out / "clients.csv").write_text(reg.csv_text(), encoding="utf-8")
    (out / "dlp.toml").write_text(org.config_toml(), encoding="utf-8")
    cx = Corpus(random.Random(seed * 7919 + 1), reg, scale)
    for module in (sc_letters, sc_people, sc_fv, sc_fv_mail, sc_threads, sc_mail, sc_ids, sc_misc):
        module.run_all(cx)
    runs.runs(cx)
    cx.write(out)
    return check(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("outdir", type=Path)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scale", type=float, default=1.0)
    a = p.parse_args(argv)
    if a.scale <= 0:
        p.error("--scale must be positive")
    counts = generate(a.outdir, a.seed, a.scale)
    areas = sorted({k.rsplit("/", 1)[0] for k in counts if k.count("/") == 1 and not k.startswith("channel/")})
    for area in areas:
        print(f"{area:24} allow {counts[area + '/allow']:4}  block {counts[area + '/block']:4}")
    print(
        f"{'total':24} allow {counts['allow']:4}  block {counts['block']:4}  "
        f"(scan {counts['channel/scan']}, batch {counts['channel/batch']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
