"""Generate the ombudsman corpus: python -m tests.corpora.ombudsman.generate OUTDIR [--seed 1] [--scale 1.0]."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from tests.corpora.ombudsman import cases_letters, cases_mail, everyday, runs
from tests.corpora.ombudsman.corpus import Corpus


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> Corpus:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    cx = Corpus(out, seed, scale)
    everyday.build(cx)
    cases_letters.build(cx)
    cases_mail.build(cx)
    runs.build(cx)
    cx.write_registry()
    cx.write_labels()
    return cx


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("outdir", type=Path)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scale", type=float, default=1.0)
    a = p.parse_args(argv)
    if a.scale <= 0:
        p.error("--scale must be positive")
    cx = generate(a.outdir, a.seed, a.scale)
    scans = [x for x in cx.labels if x["channel"] == "scan"]
    blocks = sum(
        1 for x in scans if x.get("expect") == "block" or any(v["expect"] == "block" for v in x.get("letters", []))
    )
    print(
        f"{len(scans)} items ({blocks} incidents), {len(cx.labels) - len(scans)} runs, "
        f"{len(cx.reg.clients)} clients -> {a.outdir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
