"""Write the 'insurance' accuracy corpus.

    python -m tests.corpora.insurance.generate OUTDIR [--seed 1] [--scale 1.0]

Blackwattle Insurance's motor and home claims department and its customer-resolution team: letters from the
pre-send folder, outgoing mail, and mail-merge runs, each labelled as a privacy officer would judge it
(see README.md and tests/corpora/FORMAT.md for the label format).
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from collections.abc import Callable
from pathlib import Path

from . import org, runs, sc_bulk, sc_letters, sc_mime, sc_own, sc_relations, sc_suppressed, sc_threads
from .content import Ctx
from .corpus import Corpus
from .people import Population

COLUMNS = [
    "client_id",
    "given_name",
    "family_name",
    "date_of_birth",
    "email",
    "phone",
    "postal_address",
    "references",
    "suppressed",
    "joint_with",
    "authorised_contacts",
]

STEPS: list[Callable[[Ctx, Corpus], None]] = [
    sc_letters.address_block,
    sc_own.own_details,
    sc_relations.relationships,
    sc_suppressed.suppressed,
    sc_mime.mime_parts,
    sc_threads.threads,
    sc_bulk.identifiers_bulk,
    sc_bulk.unmerged_unscannable,
    sc_threads.everyday,
    runs.mail_merge,
]


def _toml_list(xs: list[str]) -> str:
    return "[" + ", ".join(f'"{x}"' for x in xs) + "]"


def write_config(out: Path) -> None:
    (out / "dlp.toml").write_text(
        "# Blackwattle Insurance: claims department and customer resolution (synthetic)\n"
        "[organisation]\n"
        f'name = "{org.NAME}"\n'
        f"internal_domains = {_toml_list(org.INTERNAL_DOMAINS)}\n"
        "# the ombudsman, panel repairers and loss assessors\n"
        f"approved_recipient_domains = {_toml_list(org.APPROVED_DOMAINS)}\n"
        f"suppressed_detail_staff = {_toml_list(org.SUPPRESSED_STAFF)}\n\n"
        "[registry]\n"
        'path = "clients.csv"\n',
        encoding="utf-8",
    )


def write_registry(out: Path, pop: Population) -> None:
    with (out / "clients.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for c in pop.clients:
            w.writerow(c.registry_row())


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    for sub in ("items", "runs"):
        shutil.rmtree(out / sub, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    master = random.Random(seed)
    pop = Population(random.Random(master.getrandbits(64)), max(300, round(1300 * scale)))
    corpus = Corpus(out)
    for step in STEPS:
        # each area draws from its own stream, so changing one area leaves the others' items unchanged
        ctx = Ctx(random.Random(master.getrandbits(64)), pop, scale)
        step(ctx, corpus)
    write_registry(out, pop)  # last: scenarios may lodge claims on a policy
    write_config(out)
    corpus.write_labels()
    return corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args(argv)
    corpus = generate(args.outdir, args.seed, args.scale)
    items = [lab for lab in corpus.labels if lab.channel == "scan"]
    blocks = sum(1 for lab in items if lab.expect == "block")
    print(f"{len(items)} items ({blocks} incidents), {len(corpus.labels) - len(items)} runs -> {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
