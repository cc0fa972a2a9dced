"""Write the superannuation fund corpus.

python -m tests.corpora.superfund.generate OUTDIR [--seed 1] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import csv
import shutil
from pathlib import Path

from tests.corpora.superfund import cases_html, cases_letters, cases_mail, cases_more, everyday, runs
from tests.corpora.superfund.corpus import Corpus
from tests.corpora.superfund.people import APPROVED, COLUMNS, DOMAIN, ORG, SUPPRESSED_STAFF


def _toml_list(xs: list[str]) -> str:
    return "[" + ", ".join(f'"{x}"' for x in xs) + "]"


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    cx = Corpus(out, seed, scale)
    cases_letters.build(cx)
    cases_mail.build(cx)
    cases_html.build(cx)
    cases_more.build(cx)
    everyday.build(cx)
    runs.build(cx)
    with (out / "clients.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for m in cx.reg.members:
            w.writerow(m.row())
    (out / "dlp.toml").write_text(
        "[organisation]\n"
        f'name = "{ORG}"\n'
        f"internal_domains = {_toml_list([DOMAIN])}\n"
        f"approved_recipient_domains = {_toml_list(APPROVED)}\n"
        f"suppressed_detail_staff = {_toml_list(SUPPRESSED_STAFF)}\n"
        'timezone = "Australia/Sydney"\n'
        "\n[registry]\n"
        'path = "clients.csv"\n'
    )
    cx.write_labels()
    return cx


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args(argv)
    cx = generate(a.outdir, a.seed, a.scale)
    scans = [x for x in cx.labels if x["channel"] == "scan"]
    blocks = sum(x.get("expect") == "block" for x in scans)
    print(f"{len(scans)} items ({blocks} incidents), {len(cx.labels) - len(scans)} runs -> {a.outdir}")


if __name__ == "__main__":
    main()
