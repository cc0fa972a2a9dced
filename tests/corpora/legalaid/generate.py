"""Generate the Ironbark Legal Aid Commission corpus.

python -m tests.corpora.legalaid.generate OUTDIR [--seed 1] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

from . import everyday, faults, letters, mail, parts, registry, render, runs, threads
from .common import APPROVED, DOMAIN, FV_STAFF, ORG, Corpus


def config_toml() -> str:
    q = ", ".join(f'"{d}"' for d in APPROVED)
    staff = ", ".join(f'"{s}"' for s in FV_STAFF)
    return (
        f'[organisation]\nname = "{ORG}"\ninternal_domains = ["{DOMAIN}"]\n'
        f"approved_recipient_domains = [{q}]\nsuppressed_detail_staff = [{staff}]\n"
        f'timezone = "Australia/Melbourne"\n\n[registry]\npath = "clients.csv"\n'
    )


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    reg = registry.build(random.Random(seed * 7919 + 1), scale)
    cp = Corpus(out=out, rng=rng, scale=scale)
    mailer = render.Mailer()
    avoid: set[str] = set()
    letters.address_block(cp, reg, avoid)
    letters.recipient_own(cp, reg, avoid)
    letters.identifiers_letters(cp, reg, avoid)
    parts.identifiers_mail(cp, reg, avoid, mailer)
    mail.relationships(cp, reg, avoid, mailer)
    mail.suppressed_loose(cp, reg, avoid, mailer)
    mail.headers_links(cp, reg, avoid, mailer)
    mail.map_links(cp, reg, avoid, mailer)
    threads.threads(cp, reg, avoid, mailer)
    threads.html_mail(cp, reg, avoid, mailer)
    parts.mime_parts(cp, reg, avoid, mailer)
    parts.printed_together(cp, reg, avoid)
    parts.bulk(cp, reg, avoid, mailer)
    faults.unmerged(cp, reg, avoid, mailer)
    faults.unscannable(cp, reg, avoid, mailer)
    everyday.everyday(cp, reg, avoid, mailer)
    run_labels = runs.build_runs(cp, reg, avoid)
    # the registry is written last: item generation may assign a representative to a client
    (out / "clients.csv").write_text(reg.to_csv(), encoding="utf-8")
    (out / "dlp.toml").write_text(config_toml(), encoding="utf-8")
    cp.dump_labels(run_labels)
    return cp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args(argv)
    if a.scale <= 0:
        ap.error("--scale must be positive")
    cp = generate(a.outdir, a.seed, a.scale)
    items = cp.labels
    bad = sum(
        1 for x in items if x.get("expect") == "block" or any(p["expect"] == "block" for p in x.get("letters", []))
    )
    print(f"{len(items)} items ({bad} incidents) written to {a.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
