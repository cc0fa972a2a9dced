"""Write the telco corpus: `python -m tests.corpora.telco.generate OUTDIR [--seed 1] [--scale 1.0]`."""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

from . import cases, everyday, registry, runs
from .content import Ctx
from .items import Item


def _item_label(it: Item) -> dict:
    lab: dict = {"id": it.id, "channel": "scan", "path": f"items/{it.id}.{it.ext}", "category": it.category}
    if it.letters is not None:
        lab["letters"] = it.letters
    else:
        lab["expect"] = it.expect
        if it.expect == "block":
            lab["rules"] = it.rules
            if it.suppressed:
                lab["suppressed"] = True
    if it.twin is not None:
        lab["twin"] = it.twin.id
    lab["note"] = it.note
    return lab


def generate(out: Path | str, seed: int = 1, scale: float = 1.0) -> None:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "items").mkdir(parents=True)
    reg = registry.build(seed)
    ctx = Ctx(reg, random.Random(seed * 104729 + 3), scale)
    items = cases.everything(ctx) + everyday.everything(ctx)
    ctx.rng.shuffle(items)
    for n, it in enumerate(items, 1):
        it.id = f"T{n:04d}"
    labels = []
    for it in items:
        (out / "items" / f"{it.id}.{it.ext}").write_bytes(it.data)
        labels.append(_item_label(it))
    merges = runs.everything(ctx)
    for n, run in enumerate(merges, 1):
        run.id = f"R{n:02d}"
    for run in merges:
        base = out / "runs" / run.id
        (base / "letters").mkdir(parents=True)
        (base / "data.csv").write_bytes(run.data)
        merged = len(run.letters) == 1 and run.letters[0][0] == "merged.pdf"
        for name, data in run.letters:
            (base / name if merged else base / "letters" / name).write_bytes(data)
        if merged:
            (base / "letters").rmdir()
        lab: dict = {
            "id": run.id,
            "channel": "batch",
            "category": run.variation,
            "data": f"runs/{run.id}/data.csv",
            "letters": f"runs/{run.id}/merged.pdf" if merged else f"runs/{run.id}/letters/",
        }
        if run.mapping:
            lab["map"] = run.mapping
        lab |= {"per_letter": run.per_letter, "run_expect": run.expect}
        if run.twin is not None:
            lab["twin"] = run.twin.id
        lab["note"] = run.note
        labels.append(lab)
    (out / "clients.csv").write_text(reg.csv())
    (out / "dlp.toml").write_text(registry.config(reg))
    (out / "labels.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in labels))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args(argv)
    generate(a.outdir, a.seed, a.scale)


if __name__ == "__main__":
    main()
