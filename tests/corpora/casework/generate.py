"""Generate the casework corpus: a workers' compensation claims agent's outgoing mail, letters and merge runs.

python -m tests.corpora.casework.generate OUTDIR [--seed 1] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from . import (
    scen_address,
    scen_everyday,
    scen_faults,
    scen_headers,
    scen_html,
    scen_ids,
    scen_loose,
    scen_mime,
    scen_relations,
    scen_threads,
)
from .corpus import Corpus
from .merge_runs import build_runs
from .org import config_toml
from .registry import build_registry

FAMILIES: list[Callable[[Corpus], None]] = [
    scen_address.build_address_block,
    scen_address.build_own_details,
    scen_relations.build,
    scen_headers.build_headers,
    scen_loose.build_loose,
    scen_ids.build,
    scen_mime.build_mime,
    scen_html.build_html,
    scen_threads.build,
    scen_everyday.build_everyday,
    scen_faults.build_bulk,
    scen_faults.build_unmerged,
    scen_faults.build_unscannable,
    build_runs,
]


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    """Write the registry, configuration, items, runs and labels to `out` (emptied first)."""
    if out.exists():
        for name in ("items", "runs"):
            shutil.rmtree(out / name, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    registry = build_registry(seed, scale)
    corpus = Corpus(seed, scale, registry)
    for family in FAMILIES:
        family(corpus)
    (out / "clients.csv").write_text(registry.to_csv(), encoding="utf-8")
    (out / "dlp.toml").write_text(config_toml(), encoding="utf-8")
    corpus.write(out)
    return corpus


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.corpora.casework.generate", description=__doc__.splitlines()[0])
    p.add_argument("outdir", type=Path)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scale", type=float, default=1.0)
    args = p.parse_args(argv)
    if args.scale <= 0:
        p.error("--scale must be positive")
    corpus = generate(args.outdir, args.seed, args.scale)
    incidents = sum(1 for i in corpus.items if i.is_incident)
    print(
        f"{len(corpus.items)} items ({incidents} incidents, {len(corpus.items) - incidents} legitimate), "
        f"{len(corpus.runs)} mail-merge runs, {len(corpus.reg.clients)} clients -> {args.outdir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
