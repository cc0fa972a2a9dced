"""Write the workers' compensation claims corpus: python -m tests.corpora.workcomp.generate OUTDIR [--seed 1]
[--scale 1.0]. See README.md beside this file and tests/corpora/FORMAT.md."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from tests.corpora.workcomp import cases_a, cases_b, cases_c, cases_d, everyday
from tests.corpora.workcomp.kit import Kit
from tests.corpora.workcomp.registry import Registry, config_toml, to_csv
from tests.corpora.workcomp.runs import make_runs

# (maker, pairs or items at scale 1.0)
PLAN = [
    (cases_a.address_block, 16),
    (cases_a.recipient_own, 10),
    (cases_a.relationships, 18),
    (cases_b.headers_links, 8),
    (cases_b.suppressed_loose, 18),
    (cases_b.identifiers, 8),
    (cases_d.mime_parts, 8),
    (cases_c.threads, 6),
    (cases_c.html_mail, 5),
    (cases_c.bulk, 4),
    (cases_c.unmerged, 5),
    (cases_c.unscannable, 4),
    (cases_c.merged, 2),
    (everyday.everyday, 104),
]


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    reg = Registry(rng)
    (out / "clients.csv").write_text(to_csv(reg))
    (out / "dlp.toml").write_text(config_toml())
    k = Kit(out, rng, reg, scale)
    for maker, base in PLAN:
        for i in range(k.count(base)):
            maker(k, i)
    runs = make_runs(k)
    k.write_labels(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    generate(a.outdir, a.seed, a.scale)


if __name__ == "__main__":
    main()
