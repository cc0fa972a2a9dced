"""Write the victims-service corpus: python -m tests.corpora.victims.generate OUTDIR [--seed 1] [--scale 1.0]"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

from . import cases, cases_more, everyday, registry, runs


def generate(out: Path | str, seed: int = 1, scale: float = 1.0) -> dict:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "items").mkdir(parents=True)
    rng = random.Random(seed)
    reg = registry.Registry(rng)
    (out / "clients.csv").write_text(reg.csv_text())
    (out / "dlp.toml").write_text(registry.config_text())

    b = cases.Builder(rng, reg)
    for area in (
        cases.address_block,
        cases.recipient_own_details,
        cases.relationships,
        cases.headers_links,
        cases.suppressed_loose,
        cases_more.identifiers_dates,
        cases_more.mime_parts,
        cases_more.merged_run_pdf,
        cases_more.threads,
        cases_more.html_mail,
        cases_more.bulk,
        cases_more.unmerged,
        cases_more.unscannable,
        everyday.everyday,
    ):
        area(b, scale)

    # Shuffle so that neither an item's number nor its neighbour gives its label away.
    order = list(b.items)
    rng.shuffle(order)
    for n, item in enumerate(order, 1):
        item.id = f"V{n:04d}"
    labels = []
    for item in order:
        path = f"items/{item.id}.{item.ext}"
        (out / path).write_bytes(item.data)
        label: dict = {"id": item.id, "channel": "scan", "path": path, "category": item.category}
        if item.letters is not None:
            label["letters"] = item.letters
        else:
            label["expect"] = item.expect
            if item.expect == "block":
                label["rules"] = item.rules
        if item.suppressed:
            label["suppressed"] = True
        if item.twin_of is not None:
            label["twin"] = item.twin_of.id
        label["note"] = item.note
        labels.append(label)

    for run in runs.build_runs(b, scale):
        base = out / "runs" / run.id
        base.mkdir(parents=True)
        (base / "data.csv").write_bytes(run.data)
        label = {"id": run.id, "channel": "batch", "category": run.category, "data": f"runs/{run.id}/data.csv"}
        if isinstance(run.letters, bytes):
            (base / "merged.pdf").write_bytes(run.letters)
            label["letters"] = f"runs/{run.id}/merged.pdf"
        else:
            (base / "letters").mkdir()
            for name, data in run.letters:
                (base / "letters" / name).write_bytes(data)
            label["letters"] = f"runs/{run.id}/letters/"
        if run.map:
            label["map"] = run.map
        label["per_letter"] = run.per_letter
        label["run_expect"] = "block" if any(v["expect"] == "block" for v in run.per_letter) else "allow"
        label["twin"] = run.twin
        label["note"] = run.note
        labels.append(label)

    (out / "labels.jsonl").write_text("".join(json.dumps(x) + "\n" for x in labels))
    return summary(labels)


def summary(labels: list[dict]) -> dict:
    scans = [x for x in labels if x["channel"] == "scan"]

    def blocked(x: dict) -> bool:
        return x.get("expect") == "block" or any(v["expect"] == "block" for v in x.get("letters", []))

    areas: dict[str, list[int]] = {}
    for x in scans:
        a = areas.setdefault(x["category"].split("/")[0], [0, 0])
        a[0] += 1
        a[1] += blocked(x)
    return {
        "items": len(scans),
        "incidents": sum(blocked(x) for x in scans),
        "suppressed": sum(bool(x.get("suppressed")) for x in scans),
        "runs": len(labels) - len(scans),
        "areas": areas,
    }


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("outdir", type=Path)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scale", type=float, default=1.0)
    args = p.parse_args(argv)
    print(json.dumps(generate(args.outdir, args.seed, args.scale), indent=1))


if __name__ == "__main__":
    main()
