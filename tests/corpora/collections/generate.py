"""Generate the Kestrel Recoveries corpus: python -m tests.corpora.collections.generate OUTDIR [--seed 1]."""

from __future__ import annotations

import argparse
import os
import random
import shutil

from . import sc_everyday, sc_letters, sc_mail, sc_more, sc_runs
from .common import Book
from .registry import APPROVED, ORG, Registry

TOML = """[organisation]
name = "{name}"
internal_domains = ["{dom}"]
approved_recipient_domains = [{approved}]
suppressed_detail_staff = ["fv-support@{dom}", "m.okafor@{dom}", "j.trinh@{dom}"]
timezone = "Australia/Melbourne"

[registry]
path = "clients.csv"

[incidents]
holidays = "AU-VIC"
"""


def generate(out: str, seed: int = 1, scale: float = 1.0) -> None:
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    rng = random.Random(seed)
    reg = Registry(rng, scale)
    book = Book(out, random.Random(seed + 1))
    sc_letters.address_block(book, reg)
    sc_mail.recipient_own(book, reg)
    sc_mail.relationships(book, reg)
    sc_mail.headers_links(book, reg)
    sc_more.suppressed_loose(book, reg)
    sc_more.identifiers_dates(book, reg)
    sc_mail.mime_parts(book, reg)
    sc_mail.two_statements(book, reg)
    sc_more.threads(book, reg)
    sc_more.html_mail(book, reg)
    sc_more.bulk(book, reg)
    sc_letters.unmerged(book, reg)
    sc_letters.unscannable(book, reg)
    sc_everyday.everyday(book, reg, scale)
    sc_runs.runs(book, reg)
    book.finish()
    reg.write(os.path.join(out, "clients.csv"))
    with open(os.path.join(out, "dlp.toml"), "w", encoding="utf-8") as fh:
        fh.write(TOML.format(name=ORG["name"], dom=ORG["domain"], approved=", ".join(f'"{d}"' for d in APPROVED)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args(argv)
    generate(a.outdir, a.seed, a.scale)


if __name__ == "__main__":
    main()
