"""Generate the property-management corpus: python -m tests.corpora.property.generate OUTDIR [--seed] [--scale]."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from tests.corpora.property import cases_a, cases_b, cases_c, cases_d, everyday, registry, runs, world
from tests.corpora.property.kit import Kit


def config() -> str:
    """dlp.toml as the agency would write it after reading the README's Configuration section."""
    own = [o.address for o in world.OFFICES] + [o.phone for o in world.OFFICES] + [world.HEAD_PHONE]

    def arr(xs: list[str]) -> str:
        return "[" + ", ".join(f'"{x}"' for x in xs) + "]"

    return (
        f'[organisation]\nname = "{world.AGENCY}"\ninternal_domains = ["{world.INTERNAL}"]\n'
        f"# the bond authority, the tribunal, the landlord insurer, the strata manager, contracted trade firms\n"
        f"approved_recipient_domains = {arr(world.APPROVED)}\n"
        f"# the tenancy safety team and the senior property manager who handles family-violence files\n"
        f"suppressed_detail_staff = {arr(world.FV_STAFF)}\n"
        f"# our offices' street addresses and phone numbers, as printed on our letterhead\n"
        f'own_details = {arr(own)}\ntimezone = "Australia/Sydney"\n\n'
        '[registry]\npath = "clients.csv"\n'
    )


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    """Write clients.csv, dlp.toml, items/, runs/ and labels.jsonl under OUT."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    w = registry.build(rng)
    (out / "clients.csv").write_text(registry.to_csv(w))
    (out / "dlp.toml").write_text(config())
    k = Kit(out, rng, w)
    for module in (cases_a, cases_b, cases_c, cases_d):
        for fn, count in module.CASES:
            for i in range(max(1, round(count * scale))):
                fn(k, i)
    for fn, count in everyday.ITEMS:
        for i in range(max(1, round(count * scale))):
            fn(k, i)
    k.write_labels(runs.all_runs(k, scale))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    generate(a.outdir, a.seed, a.scale)


if __name__ == "__main__":
    main()
