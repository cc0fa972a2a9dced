"""Write the aged care corpus: `python -m tests.corpora.agedcare.generate OUTDIR [--seed 1] [--scale 1.0]`."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from . import cases, everyday, registry, runs
from .sink import Sink


def generate(out: Path | str, seed: int = 1, scale: float = 1.0) -> list[dict]:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    world = registry.build(seed, scale)
    sink = Sink()
    ctx = cases.Ctx(world, sink, random.Random(f"agedcare-cases-{seed}"), scale)
    for make in cases.ALL:
        make(ctx)
    everyday.everyday(ctx)
    runs.runs(ctx)
    (out / "clients.csv").write_text(registry.registry_csv(world))
    (out / "dlp.toml").write_text(registry.config_toml())
    return sink.write(out, random.Random(f"agedcare-ids-{seed}"))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args(argv)
    labels = generate(args.outdir, args.seed, args.scale)
    items = [x for x in labels if x["channel"] == "scan"]
    blocked = [
        x for x in items if x.get("expect") == "block" or any(v["expect"] == "block" for v in x.get("letters", []))
    ]
    print(f"{len(items)} items ({len(blocked)} incidents), {len(labels) - len(items)} runs -> {args.outdir}")


if __name__ == "__main__":
    main()
