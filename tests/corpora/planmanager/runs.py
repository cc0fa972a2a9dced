"""Mail-merge runs: plan-budget statements as a folder of PDFs, as one merged PDF with a --map, and welcome
letters as a folder of DOCX. Each faulty run has a clean twin."""

from __future__ import annotations

import csv
import io
import random
from datetime import date

from .content import fdate, money
from .formats import Letter, docx_letter, pdf_letter, pdf_letters
from .people import Person

D = date(2025, 3, 31)


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _budget_letter(p: Person, row: dict, r: random.Random) -> Letter:
    lines = (
        [f"{row['FirstName']} {row['Surname']}"]
        + [x for x in (row["Address1"], row["Address2"]) if x]
        + [f"{row['Suburb'].upper()}  {row['State']}  {row['Postcode']}"]
    )
    return Letter(
        lines,
        fdate(D),
        "Your plan budget at 31 March 2025",
        [("NDIS number", row["NDISNumber"]), ("Client reference", row["ClientRef"])],
        f"Dear {row['FirstName']},",
        [
            f"Your plan ends on {row['PlanEnd']}. At 31 March you had {row['CoreRemaining']} left in Core Supports "
            f"and {row['CBRemaining']} in Capacity Building.",
            "If you think you will run out of funds before the end of your plan, please talk to your support "
            "coordinator early.",
        ],
    )


def _rows(people: list[Person], r: random.Random) -> list[dict]:
    out = []
    for p in people:
        a = p.addr
        a1 = (a.care_of + ", " if a.care_of else "") + (f"{a.unit}" if a.unit else a.street)
        a2 = a.street if a.unit else ""
        out.append(
            {
                "FirstName": p.given,
                "Surname": p.family,
                "Address1": a1,
                "Address2": a2,
                "Suburb": a.locality,
                "State": a.state,
                "Postcode": a.postcode,
                "NDISNumber": p.ndis,
                "ClientRef": p.wpp,
                "PlanEnd": fdate(p.plan["end"]),
                "CoreRemaining": money(r.randint(2000, 60000)),
                "CBRemaining": money(r.randint(300, 9000)),
            }
        )
    return out


def build(out, reg, rng: random.Random, scale: float) -> list[dict]:
    labels = []
    n = max(12, round(14 * min(scale, 1.5)))
    cast = reg.cast

    def people_for(k: int) -> list[Person]:
        base = [reg.fill[(100 + k * 20 + i) % len(reg.fill)] for i in range(n)]
        # a family-violence victim at her own suppressed address is an ordinary row of a statement run
        return base[:3] + [cast["v1"], cast["s2"]] + base[3:]

    def write_run(rid, people, rows, letters_rows, kind, fid, extra_cols=None):
        d = out / "runs" / rid
        d.mkdir(parents=True, exist_ok=True)
        header = list(rows[0].keys())
        if extra_cols:
            header = [extra_cols.get(h, h) for h in header]
        (d / "data.csv").write_bytes(_csv([header] + [list(x.values()) for x in rows]))
        r = random.Random(fid)
        lts = [_budget_letter(p, row, r) for p, row in zip(people, letters_rows, strict=True)]
        if kind == "merged":
            (d / "merged.pdf").write_bytes(pdf_letters(lts, "window", fid))
            return f"runs/{rid}/merged.pdf"
        (d / "letters").mkdir(exist_ok=True)
        for i, lt in enumerate(lts, 1):
            if kind == "docx":
                (d / "letters" / f"letter{i}.docx").write_bytes(docx_letter(lt, "table"))
            else:
                (d / "letters" / f"letter{i}.pdf").write_bytes(pdf_letter(lt, "window", f"{fid}{i}"))
        return f"runs/{rid}/letters/"

    ok = {"expect": "allow"}
    # R01/R02: folder of PDFs; R02's letters shift by one row from letter 7
    people = people_for(0)
    rows = _rows(people, random.Random(1))
    p1 = write_run("R01", people, rows, rows, "pdf", "R01")
    # the address block still comes from the right row; reference, NDIS number and balances from the next one
    moved = ("NDISNumber", "ClientRef", "PlanEnd", "CoreRemaining", "CBRemaining")
    order = list(range(7, len(rows))) + [6]
    shifted = rows[:6] + [
        {**rows[i], **{k: rows[j][k] for k in moved}} for i, j in zip(range(6, len(rows)), order, strict=True)
    ]
    p2 = write_run("R02", people, rows, shifted, "pdf", "R02")
    ids = ",".join(p.cid for p in people)
    labels.append(
        {
            "id": "R01",
            "channel": "batch",
            "category": "mail-merge/folder-pdf",
            "data": "runs/R01/data.csv",
            "letters": p1,
            "per_letter": [ok] * len(rows),
            "run_expect": "allow",
            "twin": "R02",
            "note": f"budget statements for {len(rows)} participants incl. a suppressed-address victim ({ids})",
        }
    )
    bad = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
    labels.append(
        {
            "id": "R02",
            "channel": "batch",
            "category": "mail-merge/row-shift",
            "data": "runs/R02/data.csv",
            "letters": p2,
            "per_letter": [ok] * 6 + [bad] * (len(rows) - 6),
            "run_expect": "block",
            "twin": "R01",
            "note": "from letter 7 the NDIS number, reference and balances come from the next data row "
            "(the last letter takes row 7's)",
        }
    )

    # R03/R04: one merged PDF, print-room column names (needs a map); R04 has one unmerged salutation and a
    # letter whose address lines are the suppressed address of another participant
    people = people_for(1)
    rows = _rows(people, random.Random(3))
    colmap = {
        "NDISNumber": "Participant No",
        "ClientRef": "Plan Mgmt Ref",
        "Address1": "Addr Line A",
        "Address2": "Addr Line B",
        "Suburb": "Town",
        "FirstName": "Given",
        "Surname": "Family",
    }
    p3 = write_run("R03", people, rows, rows, "merged", "R03", colmap)
    bad_rows = [dict(x) for x in rows]
    bad_rows[4]["FirstName"] = "\u00abGiven\u00bb"
    v = cast["v5"]
    bad_rows[8].update(
        {
            "Address1": v.addr.unit,
            "Address2": v.addr.street,
            "Suburb": v.addr.locality,
            "State": v.addr.state,
            "Postcode": v.addr.postcode,
        }
    )
    p4 = write_run("R04", people, rows, bad_rows, "merged", "R04", colmap)
    mp = {
        "reference": "Plan Mgmt Ref",
        "given_name": "Given",
        "family_name": "Family",
        "address_lines": "Addr Line A,Addr Line B",
        "suburb": "Town",
    }
    labels.append(
        {
            "id": "R03",
            "channel": "batch",
            "category": "mail-merge/merged-pdf-map",
            "data": "runs/R03/data.csv",
            "letters": p3,
            "map": mp,
            "per_letter": [ok] * len(rows),
            "run_expect": "allow",
            "twin": "R04",
            "note": "one merged PDF, print-room column names",
        }
    )
    pl = [ok] * len(rows)
    pl[4] = {"expect": "block", "rules": ["unmerged_field"]}
    pl[8] = {
        "expect": "block",
        "rules": ["suppressed_detail_exposed", "mixed_client_documents", "mismatched_recipient"],
        "suppressed": True,
    }
    labels.append(
        {
            "id": "R04",
            "channel": "batch",
            "category": "mail-merge/merged-pdf-faults",
            "data": "runs/R04/data.csv",
            "letters": p4,
            "map": mp,
            "per_letter": pl,
            "run_expect": "block",
            "twin": "R03",
            "note": f"letter 5 unmerged \u00abGiven\u00bb; letter 9 to {people[8].cid} printed "
            f"with {v.cid}'s suppressed address (not its data row)",
        }
    )

    # R05/R06: folder of DOCX; R06 has a duplicated row (two letters to the same person, one missing)
    people = people_for(2)
    rows = _rows(people, random.Random(5))
    p5 = write_run("R05", people, rows, rows, "docx", "R05")
    dup = rows[:10] + [rows[9]] + rows[11:]
    dup_people = people[:10] + [people[9]] + people[11:]
    p6 = write_run("R06", dup_people, rows, dup, "docx", "R06")
    labels.append(
        {
            "id": "R05",
            "channel": "batch",
            "category": "mail-merge/folder-docx",
            "data": "runs/R05/data.csv",
            "letters": p5,
            "per_letter": [ok] * len(rows),
            "run_expect": "allow",
            "twin": "R06",
            "note": "plan budget letters as DOCX, address in a table cell",
        }
    )
    pl = [ok] * len(rows)
    pl[10] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
    labels.append(
        {
            "id": "R06",
            "channel": "batch",
            "category": "mail-merge/duplicate-letter",
            "data": "runs/R06/data.csv",
            "letters": p6,
            "per_letter": pl,
            "run_expect": "block",
            "twin": "R05",
            "note": f"letter 11 repeats letter 10 ({people[9].cid}); {people[10].cid}'s row has no letter",
        }
    )
    return labels
