"""Write the university corpus: python -m tests.corpora.university.generate OUTDIR [--seed 1] [--scale 1.0]."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from tests.corpora.university import cases_a, cases_b, cases_c, cases_d, everyday, runs
from tests.corpora.university import world as w
from tests.corpora.university.kit import Corpus
from tests.corpora.university.registry import Registry


def _toml_list(xs: list[str]) -> str:
    return "[" + ", ".join(f'"{x}"' for x in xs) + "]"


def config() -> str:
    return (
        "# University of the Southern Ranges: Student Administration outgoing mail and the pre-send print folder.\n"
        "[organisation]\n"
        f'name = "{w.NAME}"\n'
        f"internal_domains = {_toml_list([w.INTERNAL])}\n"
        "# Tertiary Admissions Centre, NSW Ombudsman (student complaints), the OSHC insurer\n"
        f"approved_recipient_domains = {_toml_list([a[1] for a in w.APPROVED])}\n"
        "# Safer Community (family violence, stalking): the only staff who may see suppressed details\n"
        f"suppressed_detail_staff = {_toml_list(w.SUPPRESSED_STAFF)}\n"
        "# our letterhead: campus street addresses, switchboards, Student Central, the postal bag\n"
        f"own_details = {_toml_list(w.OWN_DETAILS)}\n"
        'timezone = "Australia/Sydney"\n'
        "\n[registry]\n"
        'path = "clients.csv"\n'
        "\n[incidents]\n"
        'holidays = "AU-NSW"\n'
    )


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    reg = Registry(random.Random(seed * 7919))
    (out / "clients.csv").write_text(reg.to_csv())
    (out / "dlp.toml").write_text(config())
    c = Corpus(out, rng, reg, scale)
    cases_a.address_block(c)
    cases_a.recipient_own_details(c)
    cases_a.relationships(c)
    cases_b.headers_links(c)
    cases_b.suppressed_loose(c)
    cases_b.identifiers_dates(c)
    cases_c.mime_parts(c)
    cases_c.threads(c)
    cases_c.html_mail(c)
    cases_d.bulk(c)
    cases_d.unmerged(c)
    cases_d.unscannable(c)
    cases_d.merged_scans(c)
    everyday.everyday(c)
    batch = runs.runs(c)
    c.write_labels(batch)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    generate(a.out, a.seed, a.scale)


if __name__ == "__main__":
    main()
