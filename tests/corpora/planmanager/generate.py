"""Generate the Wattlebrook Plan Partners corpus: python -m tests.corpora.planmanager.generate OUTDIR."""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from pathlib import Path

from . import cases_letters, cases_mail, everyday, runs
from .corpus import Corpus
from .people import APPROVED_OTHER, COLUMNS, ORG, SUPPRESSED_STAFF, Registry


def write_registry(out: Path, reg: Registry) -> None:
    with open(out / "clients.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for p in reg.people:
            w.writerow(p.row())


def write_config(out: Path, reg: Registry) -> None:
    def arr(xs):
        return "[" + ", ".join(f'"{x}"' for x in xs) + "]"

    approved = APPROVED_OTHER + [p.email.split("@")[1] for p in reg.providers if p.approved]
    (out / "dlp.toml").write_text(
        "# Wattlebrook Plan Partners - NDIS plan management and support coordination (invented)\n"
        "[organisation]\n"
        f'name = "{ORG["name"]}"\n'
        f'internal_domains = ["{ORG["domain"]}"]\n'
        "# the NDIA, the Public Advocate, the tribunal and the registered providers we pay in bulk\n"
        f"approved_recipient_domains = {arr(approved)}\n"
        f"suppressed_detail_staff = {arr(SUPPRESSED_STAFF)}\n"
        'timezone = "Australia/Melbourne"\n\n'
        "[registry]\n"
        'path = "clients.csv"\n',
        encoding="utf-8",
    )


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    reg = Registry(random.Random(seed * 7919 + 1), scale)
    corpus = Corpus(out, reg, rng, scale)
    cases_letters.build(corpus)
    cases_mail.build(corpus)
    everyday.build(corpus)
    run_labels = runs.build(out, reg, random.Random(seed + 3), scale)
    write_registry(out, reg)
    write_config(out, reg)
    corpus.write_labels(run_labels)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args(argv)
    generate(a.outdir, a.seed, a.scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
