"""Mail-merge runs for `dlp batch`: owner statements (folder), entry notices (one merged PDF), rent increases
(DOCX folder, columns a print room must map); each clean run has a faulty twin."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.corpora.property import content as ct
from tests.corpora.property import render
from tests.corpora.property.kit import Kit
from tests.corpora.property.registry import Client, Property

MIX, MR, UM = "mixed_client_documents", "mismatched_recipient", "unmerged_field"


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue().encode()


def _owners(k: Kit, n: int, with_fv: bool) -> list[Client]:
    picks: list[Client] = []
    if with_fv:
        picks.append(k.w.c(k.w.fv[1].new.owners[0]))
    while len(picks) < n:
        o, _ = k.owner()
        if o not in picks:
            picks.append(o)
    return picks


def owner_statements(k: Kit, rid: str, n: int, shift_from: int | None) -> dict:
    owners = _owners(k, n + 1, with_fv=shift_from is None)
    d = k.out / "runs" / rid / "letters"
    d.mkdir(parents=True)
    rows, per = [], []
    for j, o in enumerate(owners[:n]):
        a = o.address
        rows.append([o.title, o.given, o.family, a.street_line(), a.suburb, a.state, a.postcode, o.refs[0]])
        src = owners[j + 1] if shift_from is not None and j >= shift_from else o
        le = ct.owner_statement(k, src, k.w.by_owner(src.cid), j)
        le.block, le.paras[0] = ct.block([o]), ct.dear([o])
        (d / f"letter{j + 1}.pdf").write_bytes(render.pdf_letters([le]))
        per.append({"expect": "block", "rules": [MIX, MR]} if src is not o else {"expect": "allow"})
    (k.out / "runs" / rid / "data.csv").write_bytes(
        _csv(["Title", "FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "AccountNo"], rows)
    )
    note = (
        f"rows shift by one from letter {shift_from + 1}: each letter from there carries the next owner's folio "
        "and properties"
        if shift_from is not None
        else f"monthly owner statements; letter 1 is owner {owners[0].cid}'s, whose property is a suppressed "
        "tenant's home"
    )
    return {
        "category": "mail-merge/owner-statements",
        "data": f"runs/{rid}/data.csv",
        "letters": f"runs/{rid}/letters/",
        "per_letter": per,
        "note": note,
    }


def entry_notices(k: Kit, rid: str, n: int, duplicate: int | None) -> dict:
    picks: list[tuple[Client, Property]] = []
    while len(picks) < n:
        t, p = k.tenant()
        if all(t is not x for x, _ in picks):
            picks.append((t, p))
    letters, rows, per = [], [], []
    for j, (t, p) in enumerate(picks):
        rows.append([t.given, t.family, p.address.street_line(), p.address.suburb, p.address.postcode, p.tenancy])
        src_t, src_p = picks[j - 1] if duplicate is not None and j == duplicate else (t, p)
        letters.append(ct.entry_notice(k, src_p, [src_t], j))
        per.append({"expect": "block", "rules": [MIX, MR]} if src_t is not t else {"expect": "allow"})
    base = k.out / "runs" / rid
    base.mkdir(parents=True)
    (base / "merged.pdf").write_bytes(render.pdf_letters(letters))
    (base / "data.csv").write_bytes(
        _csv(["FirstName", "Surname", "Address1", "Suburb", "Postcode", "TenancyRef"], rows)
    )
    note = (
        f"letter {duplicate} printed twice: letter {duplicate + 1} repeats it instead of its own row"
        if duplicate is not None
        else "routine inspection entry notices, one merged PDF"
    )
    return {
        "category": "mail-merge/entry-notices",
        "data": f"runs/{rid}/data.csv",
        "letters": f"runs/{rid}/merged.pdf",
        "map": {"reference": "TenancyRef"},
        "per_letter": per,
        "note": note,
    }


def rent_increases(k: Kit, rid: str, n: int, unmerged: tuple[int, ...]) -> dict:
    d = k.out / "runs" / rid / "letters"
    d.mkdir(parents=True)
    rows, per, seen = [], [], set()
    j = 0
    while j < n:
        t, p = k.tenant()
        if t.cid in seen:
            continue
        seen.add(t.cid)
        rows.append(
            [
                f"{t.given} {t.family}",
                p.address.street_line(),
                p.address.suburb,
                p.address.postcode,
                p.tenancy,
                str(p.rent + 20),
            ]
        )
        le = render.Letter(
            p.office,
            k.date(j),
            ct.block([t], p),
            "Notice of rent increase",
            [
                ct.dear([t]),
                f"From {k.date(j + 60)} the rent for {p.address.one_line()} will be ${p.rent + 20} per week.",
                "This notice is given at least 60 days before the increase.",
            ],
            [("Folio", p.tenancy)],
            sign=k.sign(),
        )
        if j in unmerged:
            le.paras[1] = f"From «IncreaseDate» the rent for {p.address.one_line()} will be $«NewRent» per week."
        (d / f"letter{j + 1}.docx").write_bytes(render.docx_letter(le))
        per.append({"expect": "block", "rules": [UM]} if j in unmerged else {"expect": "allow"})
        j += 1
    (k.out / "runs" / rid / "data.csv").write_bytes(
        _csv(["Lessee", "Premises", "Locality", "PC", "Folio", "NewRent"], rows)
    )
    note = (
        f"letters {', '.join(str(x + 1) for x in unmerged)} kept merge fields"
        if unmerged
        else "rent increase notices; columns a print room maps by hand"
    )
    return {
        "category": "mail-merge/rent-increases",
        "data": f"runs/{rid}/data.csv",
        "letters": f"runs/{rid}/letters/",
        "map": {
            "full_name": "Lessee",
            "address_lines": "Premises",
            "suburb": "Locality",
            "postcode": "PC",
            "reference": "Folio",
        },
        "per_letter": per,
        "note": note,
    }


def all_runs(k: Kit, scale: float) -> list[dict]:
    n = max(6, round(12 * min(scale, 1.0)))
    specs = [
        owner_statements(k, "R01", n, None),
        owner_statements(k, "R02", n, n // 2),
        entry_notices(k, "R03", n, None),
        entry_notices(k, "R04", n, n // 2),
        rent_increases(k, "R05", n, ()),
        rent_increases(k, "R06", n, (2, n - 2)),
    ]
    out = []
    for idx, s in enumerate(specs):
        rid = f"R{idx + 1:02d}"
        blocked = any(v["expect"] == "block" for v in s["per_letter"])
        label = {"id": rid, "channel": "batch", "category": s["category"], "data": s["data"], "letters": s["letters"]}
        if "map" in s:
            label["map"] = s["map"]
        label |= {
            "per_letter": s["per_letter"],
            "run_expect": "block" if blocked else "allow",
            "twin": f"R{idx + (2 if idx % 2 == 0 else 0):02d}",
            "note": s["note"],
        }
        out.append(label)
    assert all(Path(k.out / x["data"]).is_file() for x in out)
    return out
