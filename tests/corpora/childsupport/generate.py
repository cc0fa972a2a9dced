"""Write the child support agency's labelled corpus: `python -m tests.corpora.childsupport.generate OUTDIR`."""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
from pathlib import Path

from . import everyday, pairs_letters, pairs_mail, pairs_misc, runs
from .corpus import Corpus
from .world import AGENCY, APPROVED, DOMAIN, FV_STAFF, World

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

CONFIG = f"""# {AGENCY}: outgoing mail and letters
[organisation]
name = "{AGENCY}"
internal_domains = ["{DOMAIN}"]
# family relationship centres, the reciprocating New Zealand agency, the revenue office
approved_recipient_domains = [{", ".join(f'"{d}"' for d in APPROVED)}]
# the safety team and the privacy officer may see protected parents' details
suppressed_detail_staff = [{", ".join(f'"{s}"' for s in FV_STAFF)}]
timezone = "Australia/Melbourne"

[registry]
path = "clients.csv"

[incidents]
holidays = "AU-VIC"
"""

STEPS = [
    pairs_letters.address_block,
    pairs_letters.own_details,
    pairs_letters.relationships,
    pairs_letters.identifiers,
    pairs_mail.headers_links,
    pairs_mail.suppressed_loose,
    pairs_mail.mime_parts,
    pairs_mail.threads,
    pairs_mail.html_mail,
    pairs_misc.bulk,
    pairs_misc.unmerged,
    pairs_misc.unscannable,
    everyday.everyday,
    runs.runs,
]


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    """Write registry, configuration, items, runs and labels to out (replacing what was there)."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    world = World(random.Random(rng.random()), max(60, round(110 * scale)))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(world.registry_rows())
    (out / "clients.csv").write_text(buf.getvalue())
    (out / "dlp.toml").write_text(CONFIG)
    corpus = Corpus(out, random.Random(rng.random()))
    for step in STEPS:
        step(corpus, world, random.Random(rng.random()), scale)
    corpus.write_labels()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args(argv)
    generate(args.outdir, args.seed, args.scale)


if __name__ == "__main__":
    main()
