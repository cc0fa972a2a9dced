"""Writes the school region's labelled corpus.

python -m tests.corpora.school.generate OUTDIR [--seed 1] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Callable
from pathlib import Path

from . import cases_letters as L
from . import cases_mail as M
from . import cases_misc as X
from . import everyday as E
from .corpus import Corpus
from .people import build_world
from .registry import write_config, write_registry
from .runs import make_runs
from .world import World

Case = Callable[[Corpus, World, int], None]
# (case, how many at scale 1.0); incident cases write a pair, everyday cases one or two allowed items
INCIDENTS: list[tuple[Case, int]] = [
    (L.wrong_family, 8),
    (L.parent_of, 4),
    (L.namesake, 3),
    (L.suppressed_delivery, 4),
    (L.protected_report, 6),
    (L.excluded_parent, 5),
    (L.adult_student, 3),
    (L.namesake_dob, 3),
    (L.spaced_reference, 4),
    (L.unmerged, 6),
    (L.own_details, 4),
    (M.wrong_to, 5),
    (M.cc_other, 4),
    (M.portal_link, 3),
    (M.to_not_bcc, 2),
    (M.reused_thread, 5),
    (M.internal_note, 3),
    (M.portal_notification, 4),
    (M.arrears_table, 2),
    (M.wrong_attachment, 5),
    (M.extra_attachment, 3),
    (M.loose_suppressed, 6),
    (M.internal_not_listed, 2),
    (M.sensitive, 4),
    (X.bulk_vendor, 3),
    (X.bulk_arrears, 2),
    (X.unscannable, 4),
    (X.merged_pdf, 2),
]
EVERYDAY: list[tuple[Case, int]] = [
    (E.own_letter, 60),
    (E.both_parents, 6),
    (E.adult_consented, 3),
    (E.caseworker, 3),
    (E.referral, 8),
    (E.newsletter, 6),
    (E.interview_invite, 6),
    (E.thread_reply, 6),
    (E.internal_list, 3),
    (E.vendor_numbers, 3),
    (E.compass_ok, 6),
    (E.merge_cover, 6),
]


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    """Writes clients.csv, dlp.toml, items/, runs/ and labels.jsonl under out."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    world = build_world(seed)
    write_registry(world, out)
    write_config(world, out)
    corpus = Corpus(out)
    plan = [(case, max(1, round(n * scale))) for case, n in INCIDENTS + EVERYDAY]
    for case, n in plan:
        for i in range(n):
            case(corpus, world, i)
    make_runs(corpus, world, scale)
    corpus.write_labels()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args(argv)
    generate(a.outdir, a.seed, a.scale)


if __name__ == "__main__":
    main()
