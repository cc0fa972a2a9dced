"""Write the tax practice corpus: ``python -m tests.corpora.tax.generate OUTDIR [--seed 1] [--scale 1.0]``."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from tests.corpora.tax import cases_mis, cases_misc, cases_supp, everyday, runs, world
from tests.corpora.tax.kit import Corpus
from tests.corpora.tax.registry import Registry


def toml_list(xs: list[str]) -> str:
    return "[" + ", ".join(f'"{x}"' for x in xs) + "]"


def config() -> str:
    own = [f"{o[1]}, {o[2]}" for o in world.OFFICES] + [
        f"{world.BOOKS_OFFICE[1]}, {world.BOOKS_OFFICE[2]}",
        world.PO_BOX,
        world.MAIN_PHONE,
        world.FAX,
    ]
    own += [o[3] for o in world.OFFICES] + [world.BOOKS_OFFICE[3]]
    return f"""# {world.NAME}: registered tax agent {world.TAN} and bookkeeping practice, Wagga Wagga, Albury, Griffith.
[organisation]
name = "{world.NAME}"
# the practice and its bookkeeping arm
internal_domains = {toml_list([world.DOMAIN, world.BOOKS_DOMAIN])}
# the ATO, ASIC and Revenue NSW: a tax agent discloses a client's affairs to them as a matter of course
approved_recipient_domains = {toml_list([world.ATO, world.ASIC, world.REVENUE])}
# protected clients' new details: the privacy mailbox, the principal and the practice manager only
suppressed_detail_staff = {toml_list(world.CLEARED)}
# letterhead: our three offices, the bookkeeping suite, the post box and our phone and fax numbers
own_details = {toml_list(own)}
timezone = "Australia/Sydney"

[registry]
path = "clients.csv"

[incidents]
holidays = "AU-NSW"

[policy]
# a tax file number may go to the ATO (approved third party); to nobody else outside the practice
path = "policy.yaml"
"""


POLICY = """# Murray Plains Tax: our overrides of the shipped policy.
rules:
  sensitive_identifier:
    approved_third_party_entities: [AU_MEDICARE, AU_TFN]
"""


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    reg = Registry(rng)
    (out / "clients.csv").write_text(reg.to_csv())
    (out / "dlp.toml").write_text(config())
    (out / "policy.yaml").write_text(POLICY)
    k = Corpus(out, rng, reg, scale)
    cases_supp.write(k)
    cases_mis.write(k)
    cases_misc.write(k)
    everyday.Everyday(k).run()
    k.write_labels(runs.write(k))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    generate(a.outdir, a.seed, a.scale)
    print(f"wrote {a.outdir}")


if __name__ == "__main__":
    main()
