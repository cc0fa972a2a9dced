"""Mail-merge runs of hearing notices for a day's list: data CSV plus letters, correct or broken, in twins."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from . import content as t
from .corpus import Corpus
from .docs import Letter, to_docx, to_pdf
from .world import Matter, World

COLUMNS = [
    "Title",
    "FirstName",
    "Surname",
    "Address1",
    "Address2",
    "Suburb",
    "State",
    "Postcode",
    "MatterNo",
    "HearingDate",
]
MAP = {"reference": "MatterNo"}
BLOCKED = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}


def rows_for(matters: list[Matter]) -> list[dict[str, str]]:
    rows = []
    for m in matters:
        p = m.parties["Tenant"]
        a = p.address
        rows.append(
            {
                "Title": p.title,
                "FirstName": p.given,
                "Surname": p.family,
                "Address1": a.unit or a.street,
                "Address2": a.street if a.unit else "",
                "Suburb": a.suburb,
                "State": a.state,
                "Postcode": a.postcode,
                "MatterNo": m.number,
                "HearingDate": t.when(m),
            }
        )
    return rows


def letter(addr_row: dict[str, str], body_row: dict[str, str], style: int, field: str = "") -> Letter:
    """One merged notice: the address block from one row, the rest from (normally) the same row."""
    block = [f"{addr_row['Title']} {addr_row['FirstName']} {addr_row['Surname']}", addr_row["Address1"]]
    block += [addr_row["Address2"]] if addr_row["Address2"] else []
    block.append(f"{addr_row['Suburb'].upper()} {addr_row['State']} {addr_row['Postcode']}")
    first = field or body_row["FirstName"]
    return Letter(
        block,
        "Notice of hearing - residential tenancies",
        [
            f"Your matter {body_row['MatterNo']} will be heard on {body_row['HearingDate']}.",
            "Please arrive 15 minutes early and bring your rental agreement, condition report and any receipts.",
        ],
        refs=[("Matter", body_row["MatterNo"])],
        salutation=f"Dear {first}",
        head=style,
    )


def write_data(path: Path, rows: list[dict[str, str]]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue())


def one_run(
    c: Corpus, rid: str, category: str, matters: list[Matter], fmt: str, broken: dict[int, str], note: str
) -> dict[str, Any]:
    """`broken` maps a letter index to "shift", "mix" or a placeholder string."""
    base = c.out / "runs" / rid
    base.mkdir(parents=True, exist_ok=True)
    rows = rows_for(matters)
    write_data(base / "data.csv", rows)
    built, labels = [], []
    for i, row in enumerate(rows):
        how = broken.get(i, "")
        if how in ("shift", "mix"):
            built.append(letter(row, rows[(i + 1) % len(rows)], i))
            labels.append(dict(BLOCKED))
        elif how:
            built.append(letter(row, row, i, field=how))
            labels.append({"expect": "block", "rules": ["unmerged_field"]})
        else:
            built.append(letter(row, row, i))
            labels.append({"expect": "allow"})
    if fmt == "merged":
        (base / "merged.pdf").write_bytes(to_pdf(built))
        where = f"runs/{rid}/merged.pdf"
    else:
        (base / "letters").mkdir(exist_ok=True)
        for i, lt in enumerate(built, 1):
            data = to_pdf([lt]) if fmt == "pdf" else to_docx(lt)
            (base / "letters" / f"letter{i:02d}.{fmt}").write_bytes(data)
        where = f"runs/{rid}/letters/"
    return c.run(rid, category, f"runs/{rid}/data.csv", where, labels, note, MAP)


def build(c: Corpus, w: World, scale: float) -> None:
    n = 12 if scale >= 0.5 else 6
    day1, day2, day3 = w.tenancy[0:n], w.tenancy[n : 2 * n], w.tenancy[2 * n : 3 * n]
    shift_from = n // 2
    runs = [
        ("R01", "mail-merge/correct", day1, "pdf", {}, "all letters match their rows"),
        (
            "R02",
            "mail-merge/row-shift",
            day1,
            "pdf",
            {i: "shift" for i in range(shift_from, n)},
            f"content shifts one row from letter {shift_from + 1}",
        ),
        ("R03", "mail-merge/correct-merged-pdf", day2, "merged", {}, "one merged PDF, all letters match"),
        (
            "R04",
            "mail-merge/unmerged-field",
            day2,
            "merged",
            {2: "«FirstName»", n - 2: "<<FirstName>>"},
            "two letters keep a merge field",
        ),
        ("R05", "mail-merge/correct-docx", day3, "docx", {}, "DOCX letters, all match"),
        (
            "R06",
            "mail-merge/one-letter-mixed",
            day3,
            "docx",
            {n // 3: "mix"},
            "one letter carries the next row's matter",
        ),
    ]
    made: dict[str, dict[str, Any]] = {}
    for rid, cat, matters, fmt, broken, note in runs:
        made[rid] = one_run(c, rid, cat, matters, fmt, broken, note)
    for a, b in (("R01", "R02"), ("R03", "R04"), ("R05", "R06")):
        made[a]["twin"], made[b]["twin"] = b, a
