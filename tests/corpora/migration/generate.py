"""Generate the migration-practice corpus: python -m tests.corpora.migration.generate OUTDIR [--seed] [--scale]."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from tests.corpora.migration import cases_a, cases_b, cases_c, cases_d, everyday, registry, runs
from tests.corpora.migration import world as W
from tests.corpora.migration.kit import Kit


def _arr(xs: list[str]) -> str:
    return "[" + ", ".join(f'"{x}"' for x in xs) + "]"


def config() -> str:
    """dlp.toml as the practice would write it after reading the README's Configuration and Policy sections."""
    own = [o.address for o in W.OFFICES] + [o.phone for o in W.OFFICES] + [W.HEAD_PHONE, W.POSTAL]
    return (
        f'[organisation]\nname = "{W.FIRM}"\ninternal_domains = ["{W.INTERNAL}"]\n'
        "# the Department of Home Affairs, the Administrative Review Tribunal, the panel physician, the skills "
        "assessor\n"
        f"approved_recipient_domains = {_arr(W.APPROVED)}\n"
        "# the family-violence safety team mailbox and the principal solicitor\n"
        f"suppressed_detail_staff = {_arr(W.FV_STAFF)}\n"
        "# our offices, phones and post box, as printed on our letterhead and signatures\n"
        f'own_details = {_arr(own)}\ntimezone = "Australia/Melbourne"\n\n'
        '[registry]\npath = "clients.csv"\n\n'
        '[incidents]\nholidays = "AU-VIC"\n'
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
