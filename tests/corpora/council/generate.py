"""Wirrabara Shire Council: a labelled corpus of outgoing council mail and letters.

python -m tests.corpora.council.generate OUTDIR [--seed 1] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from . import cases_letters, cases_loose, cases_other, everyday, runs
from .corpus import APPROVED, PRIVACY_STAFF, Corpus
from .people import DOMAIN, Registry

TOML = f"""[organisation]
name = "Wirrabara Shire Council"
internal_domains = ["{DOMAIN}"]
approved_recipient_domains = [{", ".join(f'"{d}"' for d in APPROVED)}]
suppressed_detail_staff = [{", ".join(f'"{s}"' for s in PRIVACY_STAFF)}]
timezone = "Australia/Melbourne"

[registry]
path = "clients.csv"

[incidents]
holidays = "AU-VIC"

[policy]
path = "policy.yaml"
"""
# Maintainers' change: a council sets the option the README gives councils (its planning notices name the land).
POLICY = "rules:\n  mismatched_recipient:\n    address_alone_identifies: false\n"


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    reg = Registry(rng, scale)
    reg.write(out / "clients.csv")
    (out / "dlp.toml").write_text(TOML, encoding="utf-8")
    (out / "policy.yaml").write_text(POLICY, encoding="utf-8")
    k = Corpus(out, reg, rng)
    cases_letters.address_block(k)
    runs.delivery_address(k)
    cases_letters.recipient_own_details(k)
    cases_letters.relationships(k)
    runs.planning_incidents(k)
    cases_letters.headers_links(k)
    cases_loose.suppressed_loose(k)
    cases_loose.identifiers_dates(k)
    cases_loose.mime_parts(k)
    cases_loose.threads(k)
    cases_other.html_mail(k)
    cases_other.bulk(k)
    cases_other.unmerged(k)
    cases_other.unscannable(k)
    runs.merged_scan(k)
    everyday.everyday(k, scale)
    k.write_labels(runs.make_runs(k, scale))
    return k


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args(argv)
    k = generate(a.outdir, a.seed, a.scale)
    print(f"{len(k.reg.clients)} clients, {len(k.labels)} items -> {a.outdir}")


if __name__ == "__main__":
    main()
