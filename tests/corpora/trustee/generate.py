"""Write the public trustee and guardian corpus:

python -m tests.corpora.trustee.generate OUTDIR [--seed 1] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from tests.corpora.trustee import cases_mis, cases_misc, cases_supp, everyday, runs, world
from tests.corpora.trustee.kit import Corpus
from tests.corpora.trustee.registry import build, to_csv


def config() -> str:
    staff = [world.PROTECTIVE_BOX, *world.CLEARED]
    own = [world.HEAD_PHONE, world.GUARDIAN_PHONE, world.PO_BOX]
    for o in world.OFFICES:
        own += [o.line, o.phone]

    def arr(xs: list[str]) -> str:
        return "[" + ", ".join(f'"{x}"' for x in xs) + "]"

    return f"""# {world.ORG}: outgoing-mail DLP configuration.
[organisation]
name = "{world.ORG}"
timezone = "{world.TIMEZONE}"
internal_domains = ["{world.DOMAIN}"]
# The tribunals that make and review orders (NSW, and Victoria and Queensland for recognised interstate orders),
# Services Australia (we are the Centrelink nominee of most managed clients), the Ageing and Disability
# Commission, the Supreme Court's probate registry. Banks, facilities, solicitors, agents and family are on each
# client's authorised_contacts instead.
approved_recipient_domains = {arr(world.APPROVED_DOMAINS)}
# The Client Protection Unit holds protected clients' new details.
suppressed_detail_staff = {arr(staff)}
# Letterhead numbers, the head office PO box and every office's street address and phone.
own_details = {arr(own)}

[registry]
path = "clients.csv"
reload_seconds = 60

[incidents]
holidays = "{world.HOLIDAYS}"
digest_to = ["{world.PRIVACY_BOX}"]

[alerts]
to = ["{world.PRIVACY_BOX}"]
"""


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    reg = build(rng, scale)
    (out / "clients.csv").write_text(to_csv(reg))
    (out / "dlp.toml").write_text(config())
    cx = Corpus(out, reg, rng, scale)
    cases_mis.address_block(cx)
    cases_supp.address_block(cx)
    cases_mis.relationships(cx)
    cases_supp.relationships(cx)
    cases_supp.loose(cx)
    cases_mis.identifiers(cx)
    cases_mis.own_details(cx)
    cases_mis.headers_links(cx)
    cases_supp.threads_mime_links(cx)
    cases_misc.mime_parts(cx)
    cases_misc.threads(cx)
    cases_misc.html_mail(cx)
    cases_misc.bulk(cx)
    cases_misc.unmerged(cx)
    cases_misc.unscannable(cx)
    cases_misc.merged_files(cx)
    everyday.everyday(cx)
    cx.write_labels(runs.runs(cx))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    generate(a.outdir, a.seed, a.scale)


if __name__ == "__main__":
    main()
