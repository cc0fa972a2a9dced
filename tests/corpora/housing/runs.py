"""Mail-merge runs R01-R06 (folder of PDFs, one merged PDF with a column map, folder of DOCX) and a
multi-letter print file given to `scan`."""

from __future__ import annotations

import csv
import io
import json

from .corpus import Corpus, ref_text
from .formats import Letter, docx_bytes, pdf_bytes
from .people import Client

COMMON = ["FirstName", "Surname", "Address1", "Address2", "Suburb", "State", "Postcode", "AccountNo"]
ODD = ["Tenant Given", "Tenant Family", "Line A", "Line B", "Locality", "St", "PC", "Tenancy Ref"]
ODD_MAP = {
    "given_name": "Tenant Given",
    "family_name": "Tenant Family",
    "address_lines": "Line A,Line B",
    "suburb": "Locality",
    "state": "St",
    "postcode": "PC",
    "reference": "Tenancy Ref",
}


def _row(c: Client, ref: str, addr=None) -> list[str]:
    a = addr or c.postal
    lines = a.lines(0)[:-1]
    lines = (lines + [""])[:2]
    return [c.given, c.family, lines[0], lines[1], a.town, a.state, a.pc, ref]


def _letter(row: list[str], body: list[str], kind: str, v: int, body_client: Client | None = None) -> Letter:
    given, family, l1, l2, town, state, pc, ref = row
    bgiven, bfamily, bl1, bl2, btown, bstate, bpc, bref = body
    to = [f"{given} {family}", l1] + ([l2] if l2 else []) + [f"{town.upper()} {state} {pc}"]
    prop = f"{bl2 or bl1}, {btown} {bstate} {bpc}" if not (bl1.startswith("PO Box")) else "your rented home"
    if kind == "rent":
        return Letter(
            to_lines=to,
            subject="Notice of rent increase",
            refs=[f"Account: {ref_text(bref, v)}"],
            paras=[
                f"Dear {bgiven},",
                f"The rent for {prop} will increase by $9.00 per week from 4 May 2026.",
                "Your rent remains no more than 25% of household income plus Commonwealth Rent Assistance.",
            ],
        )
    return Letter(
        to_lines=to,
        subject="Notice of entry - routine inspection",
        refs=[f"Tenancy: {ref_text(bref, v)}"],
        paras=[
            f"Dear {bgiven},",
            f"We will inspect {prop} on 24 March 2026 between 9 am and 1 pm.",
            "Please make sure smoke alarms are accessible.",
        ],
    )


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode()


def _write(cx: Corpus, rid: str, header, rows, letters: list[Letter], how: str) -> tuple[str, str]:
    d = cx.out / "runs" / rid
    d.mkdir(parents=True, exist_ok=True)
    (d / "data.csv").write_bytes(_csv(header, rows))
    if how == "merged":
        (d / "merged.pdf").write_bytes(pdf_bytes(letters))
        return f"runs/{rid}/data.csv", f"runs/{rid}/merged.pdf"
    (d / "letters").mkdir(exist_ok=True)
    for i, letter in enumerate(letters, 1):
        data = pdf_bytes(letter) if how == "pdf" else docx_bytes(letter)
        (d / "letters" / f"letter{i}.{how}").write_bytes(data)
    return f"runs/{rid}/data.csv", f"runs/{rid}/letters/"


def runs(cx: Corpus) -> list[dict]:
    rng = cx.rng
    n = max(8, round(14 * cx.scale))
    pool = [c for c in cx.reg.clients if c.kind == "tenant" and not c.joint and not c.postal.co]
    labels: list[dict] = []

    def run(rid, cat, header, rows, bodies, kind, how, per, note, map_=None, letters=None):
        letters = letters or [_letter(r, b, kind, i) for i, (r, b) in enumerate(zip(rows, bodies, strict=True))]
        data, lets = _write(cx, rid, header, rows, letters, how)
        lab = {"id": rid, "channel": "batch", "category": cat, "data": data, "letters": lets}
        if map_:
            lab["map"] = map_
        lab["per_letter"] = per
        lab["run_expect"] = "block" if any(p["expect"] == "block" for p in per) else "allow"
        lab["note"] = note
        labels.append(lab)
        return lab

    # R01 / R02: rent increase notices, folder of PDFs, common column names; R02 rows shift from letter 7
    people = rng.sample(pool, n)
    rows = [_row(c, c.racct) for c in people]
    r1 = run(
        "R01",
        "mail-merge/folder-of-pdfs",
        COMMON,
        rows,
        rows,
        "rent",
        "pdf",
        [{"expect": "allow"}] * n,
        "rent increase notices, every letter matches its row",
    )
    shifted = rows[:6] + [rows[i + 1] if i + 1 < n else rows[6] for i in range(6, n)]
    per = [{"expect": "allow"}] * 6 + [
        {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
    ] * (n - 6)
    r2 = run(
        "R02",
        "mail-merge/row-shift",
        COMMON,
        rows,
        shifted,
        "rent",
        "pdf",
        per,
        "from letter 7 each letter carries the account of the next data row",
    )
    r1["twin"], r2["twin"] = "R02", "R01"

    # R03 / R04: one merged PDF, unusual column names (needs --map); R04 has a duplicated page and an unmerged field
    people = rng.sample(pool, n)
    rows = [_row(c, c.tref) for c in people]
    r3 = run(
        "R03",
        "mail-merge/merged-pdf-with-map",
        ODD,
        rows,
        rows,
        "inspect",
        "merged",
        [{"expect": "allow"}] * n,
        "inspection notices in one print file",
        map_=ODD_MAP,
    )
    bodies = list(rows)
    bodies[3] = rows[2]
    letters = [_letter(r, b, "inspect", i) for i, (r, b) in enumerate(zip(rows, bodies, strict=True))]
    letters[7].paras[0] = "Dear «FirstName»,"
    per = [{"expect": "allow"}] * n
    per[3] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
    per[7] = {"expect": "block", "rules": ["unmerged_field"]}
    r4 = run(
        "R04",
        "mail-merge/merged-pdf-with-map",
        ODD,
        rows,
        bodies,
        "inspect",
        "merged",
        per,
        "letter 4 repeats letter 3's tenancy; letter 8 has an unmerged first name",
        map_=ODD_MAP,
        letters=letters,
    )
    r3["twin"], r4["twin"] = "R04", "R03"

    # R05 / R06: folder of DOCX inspection notices including a victim at her own (suppressed) address;
    # in R06 the victim's row still holds the former joint home, so her notice naming the new property goes there
    vic = cx.reg.victims[1]
    people = rng.sample(pool, n - 1)
    rows = [_row(c, c.tref) for c in people]
    rows.insert(4, _row(vic, vic.tref))
    r5 = run(
        "R05",
        "mail-merge/folder-of-docx",
        COMMON,
        rows,
        rows,
        "inspect",
        "docx",
        [{"expect": "allow"}] * n,
        f"inspection notices; letter 5 to {vic.cid} at her own suppressed address",
    )
    rows6 = list(rows)
    rows6[4] = _row(vic, vic.tref, addr=vic.old_prop)
    per = [{"expect": "allow"}] * n
    per[4] = {"expect": "block", "rules": ["suppressed_detail_exposed", "mismatched_recipient"], "suppressed": True}
    r6 = run(
        "R06",
        "mail-merge/stale-address-suppressed",
        COMMON,
        rows6,
        rows,
        "inspect",
        "docx",
        per,
        f"letter 5: {vic.cid}'s notice naming her new property addressed to the former joint home",
    )
    r5["twin"], r6["twin"] = "R06", "R05"

    # a multi-letter print file given to scan
    people = rng.sample(pool, 5)
    rows = [_row(c, c.tref) for c in people]
    good = [_letter(r, r, "inspect", i) for i, r in enumerate(rows)]
    bad = [_letter(r, rows[3] if i == 2 else r, "inspect", i) for i, r in enumerate(rows)]
    g = cx.add(
        "mail-merge/print-file",
        "pdf",
        pdf_bytes(good),
        "allow",
        note="five inspection notices, each its own",
        letters=[{"expect": "allow"}] * 5,
    )
    b = cx.add(
        "mail-merge/print-file",
        "pdf",
        pdf_bytes(bad),
        "block",
        note=f"third notice addressed to {people[2].cid} carries tenancy of {people[3].cid}",
        letters=[{"expect": "allow"}] * 2
        + [{"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}]
        + [{"expect": "allow"}] * 2,
    )
    g["twin"], b["twin"] = b["id"], g["id"]
    return labels


_ = json
