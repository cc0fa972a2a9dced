"""python -m tests.corpora.housing.generate OUTDIR [--seed 1] [--scale 1.0]

Bluegum Community Housing Ltd: a labelled corpus of outgoing mail and letters (see ../FORMAT.md)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from . import cases_letters, cases_mail, everyday, runs
from .corpus import APPROVED, ORG_DOMAIN, SAFETY_STAFF, Corpus
from .formats import ORG


def toml_text() -> str:
    def arr(xs):
        return "[" + ", ".join(f'"{x}"' for x in xs) + "]"

    return (
        "[organisation]\n"
        f'name = "{ORG}"\n'
        f"internal_domains = {arr([ORG_DOMAIN])}\n"
        f"approved_recipient_domains = {arr(APPROVED)}\n"
        f"suppressed_detail_staff = {arr(SAFETY_STAFF)}\n"
        'timezone = "Australia/Melbourne"\n\n'
        "[registry]\n"
        'path = "clients.csv"\n'
    )


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    cx = Corpus(out, seed, scale)
    (out / "clients.csv").write_text(cx.reg.csv_text(), encoding="utf-8")
    (out / "dlp.toml").write_text(toml_text(), encoding="utf-8")
    cases_letters.address_block(cx)
    cases_letters.own_details(cx)
    cases_letters.relationships(cx)
    cases_letters.identifiers(cx)
    cases_mail.headers(cx)
    cases_mail.suppressed(cx)
    cases_mail.mime(cx)
    cases_mail.threads(cx)
    cases_mail.html_mail(cx)
    cases_mail.bulk(cx)
    cases_mail.unmerged(cx)
    cases_mail.unscannable(cx)
    run_labels = runs.runs(cx)
    everyday.everyday(cx)
    cx.labels.extend(run_labels)
    cx.finish()
    return cx


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.corpora.housing.generate", description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args(argv)
    if args.scale <= 0:
        ap.error("--scale must be positive")
    cx = generate(args.outdir, args.seed, args.scale)
    items = [x for x in cx.labels if x["channel"] == "scan"]
    blocks = sum(
        1 for x in items if x.get("expect") == "block" or any(p["expect"] == "block" for p in x.get("letters", []))
    )
    print(
        json.dumps(
            {
                "items": len(items),
                "incidents": blocks,
                "runs": len(cx.labels) - len(items),
                "clients": len(cx.reg.clients),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
