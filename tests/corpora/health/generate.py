"""Write the health corpus: python -m tests.corpora.health.generate OUTDIR [--seed 1] [--scale 1.0]."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from tests.corpora.health import cases_letters, cases_mail, everyday, runs
from tests.corpora.health.corpus import Corpus
from tests.corpora.health.letters import APPROVED, DOMAIN, ORG
from tests.corpora.health.people import Registry

CONFIG = """[organisation]
name = "{org}"
internal_domains = ["{domain}"]
approved_recipient_domains = [{approved}]
suppressed_detail_staff = ["fv.liaison@{domain}", "socialwork.intake@{domain}"]
timezone = "Australia/Melbourne"

[registry]
path = "clients.csv"

[incidents]
holidays = "AU-VIC"
"""

STEPS = [
    cases_letters.wrong_patient_letters,
    cases_letters.same_name_letters,
    cases_letters.twins_letters,
    cases_letters.couples,
    cases_letters.children,
    cases_letters.aged_care,
    cases_letters.family_violence_letters,
    cases_letters.merged_envelope,
    cases_letters.identifiers,
    cases_letters.unmerged,
    cases_letters.unscannable_letters,
    cases_mail.wrong_address,
    cases_mail.cc_wrong_patient,
    cases_mail.guardians,
    cases_mail.attachments,
    cases_mail.bulk,
    cases_mail.threads,
    cases_mail.family_violence_mail,
    cases_mail.identifiers_mail,
    cases_mail.html_mail,
    cases_mail.unmerged_unscannable_mail,
    cases_letters.everyday_letters,
    everyday.everyday_mail,
    everyday.households_and_representatives,
    everyday.carers_by_post,
    runs.runs,
]


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    reg = Registry(rng, n_general=max(60, round(220 * scale)))
    cx = Corpus(out=out, rng=rng, reg=reg, scale=scale)
    for step in STEPS:
        step(cx)
    (out / "clients.csv").write_text(reg.csv_text())
    approved = ", ".join(f'"{d}"' for d in APPROVED)
    (out / "dlp.toml").write_text(CONFIG.format(org=ORG, domain=DOMAIN, approved=approved))
    cx.write_labels()
    return cx


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    cx = generate(args.out, args.seed, args.scale)
    scans = [x for x in cx.labels if x["channel"] == "scan"]
    blocks = sum(x.get("expect") == "block" for x in scans)
    print(f"{len(scans)} items ({blocks} incidents), {cx.runs} runs -> {args.out}")


if __name__ == "__main__":
    main()
