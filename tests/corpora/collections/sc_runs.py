"""Mail-merge runs (channel "batch"): letters of demand from a data CSV, as a folder or one merged PDF."""
# ruff: noqa: E731, B023  -- small per-iteration templates, always called within the iteration

from __future__ import annotations

import csv
import datetime as dt
import io
import os

from .common import Book
from .letters import Letter, docx_bytes, make_letter, pdf_bytes, salute_name
from .registry import Client, Registry

STD = ["AccountNo", "Title", "FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "Balance", "DueDate"]
ODD = ["Kestrel Ref", "Debtor Name", "Addr L1", "Addr L2", "Town", "St", "PC", "Amt Owing"]
ODD_MAP = {
    "reference": "Kestrel Ref",
    "full_name": "Debtor Name",
    "address_lines": "Addr L1,Addr L2",
    "suburb": "Town",
    "state": "St",
    "postcode": "PC",
}


def _street(c: Client) -> str:
    return (f"{c.unit}/" if c.unit else "") + f"{c.number} {c.street} {c.kind[1]}"


def _row(c: Client, odd: bool, due: str, addr_of: Client | None = None) -> list[str]:
    h = addr_of or c
    title = (
        salute_name(c, 0).split(" ")[0] if salute_name(c, 0).split(" ")[0] in ("Mr", "Ms", "Mrs", "Mx", "Miss") else ""
    )
    if odd:
        return [c.kr, f"{c.given} {c.family}", _street(h), "", h.suburb, h.state, h.postcode, c.balance]
    return [c.kr, title, c.given, c.family, _street(h), h.suburb, h.state, h.postcode, c.balance, due]


def _letter(about: Client, to: Client, k: int, d: dt.date, addr_of: Client | None = None) -> Letter:
    h = addr_of or to
    lines = [salute_name(to, 0), _street(h), f"{h.suburb.upper()} {h.state} {h.postcode}"]
    lt = make_letter("demand", about, to, k, d, 0, to_lines=lines)
    lt.salutation = f"Dear {salute_name(to, 0)},"
    return lt


def _csv(head: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(head)
    w.writerows(rows)
    return buf.getvalue()


def runs(b: Book, r: Registry) -> None:
    d = dt.date(2026, 3, 23)
    due = "06/04/2026"
    used: set[str] = set()
    labels = []

    def write_run(rid: str, head, rows, letters, fmt: str) -> tuple[str, str]:
        base = os.path.join("runs", rid)
        b.write(f"{base}/data.csv", _csv(head, rows))
        if fmt == "merged":
            b.write(f"{base}/merged.pdf", pdf_bytes(letters))
            return f"{base}/data.csv", f"{base}/merged.pdf"
        for n, lt in enumerate(letters, 1):
            if fmt == "pdf":
                b.write(f"{base}/letters/letter{n}.pdf", pdf_bytes([lt]))
            else:
                b.write(f"{base}/letters/letter{n}.docx", docx_bytes(lt, "table"))
        return f"{base}/data.csv", f"{base}/letters/"

    # R01 clean / R02 rows shifted by one from letter 7
    people = [r.pick(avoid=used) for _ in range(12)]
    rows = [_row(c, False, due) for c in people]
    good = [_letter(c, c, 300 + n, d) for n, c in enumerate(people)]
    data, lets = write_run("R01", STD, rows, good, "pdf")
    labels.append(
        {
            "id": "R01",
            "channel": "batch",
            "category": "mail-merge/folder-pdf",
            "data": data,
            "letters": lets,
            "per_letter": [{"expect": "allow"}] * 12,
            "run_expect": "allow",
            "twin": "R02",
            "note": "twelve letters of demand, each matching its row",
        }
    )
    people2 = [r.pick(avoid=used) for _ in range(12)]
    rows2 = [_row(c, False, due) for c in people2]
    shifted = [people2[n + 1] if 6 <= n < 11 else (people2[6] if n == 11 else people2[n]) for n in range(12)]
    bad = [_letter(shifted[n], c, 320 + n, d) for n, c in enumerate(people2)]
    data, lets = write_run("R02", STD, rows2, bad, "pdf")
    per = [{"expect": "allow"}] * 6 + [
        {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
    ] * 6
    labels.append(
        {
            "id": "R02",
            "channel": "batch",
            "category": "mail-merge/row-shift",
            "data": data,
            "letters": lets,
            "per_letter": per,
            "run_expect": "block",
            "twin": "R01",
            "note": f"from letter 7 the account block belongs to the next row ({people2[7].cid} in letter "
            f"7 addressed to {people2[6].cid}); letter 12 carries row 7",
        }
    )
    # R03 clean merged PDF with odd column names / R04 unmerged field and a duplicated letter
    people3 = [r.pick(avoid=used) for _ in range(10)]
    rows3 = [_row(c, True, due) for c in people3]
    data, lets = write_run("R03", ODD, rows3, [_letter(c, c, 340 + n, d) for n, c in enumerate(people3)], "merged")
    labels.append(
        {
            "id": "R03",
            "channel": "batch",
            "category": "mail-merge/merged-pdf-mapped",
            "data": data,
            "letters": lets,
            "map": ODD_MAP,
            "per_letter": [{"expect": "allow"}] * 10,
            "run_expect": "allow",
            "twin": "R04",
            "note": "one merged PDF of ten letters; columns need a map",
        }
    )
    people4 = [r.pick(avoid=used) for _ in range(10)]
    rows4 = [_row(c, True, due) for c in people4]
    l4 = [_letter(c, c, 360 + n, d) for n, c in enumerate(people4)]
    l4[4].salutation = "Dear «Title» «Surname»,"
    l4[7] = _letter(people4[6], people4[6], 366, d)
    data, lets = write_run("R04", ODD, rows4, l4, "merged")
    per = [{"expect": "allow"}] * 10
    per[4] = {"expect": "block", "rules": ["unmerged_field"]}
    per[7] = {"expect": "block", "rules": ["mixed_client_documents"]}
    labels.append(
        {
            "id": "R04",
            "channel": "batch",
            "category": "mail-merge/merged-pdf-mapped",
            "data": data,
            "letters": lets,
            "map": ODD_MAP,
            "per_letter": per,
            "run_expect": "block",
            "twin": "R03",
            "note": f"letter 5 unmerged salutation; letter 8 repeats letter 7 ({people4[6].cid}) instead of "
            f"{people4[7].cid}",
        }
    )
    # R05 clean DOCX folder including a suppressed victim at her own address / R06 co-debtor row carries it
    fvs = [v for v in r.fv if "postal_address" in v.suppressed]
    v5, v6 = fvs[-1], fvs[-2]
    people5 = [r.pick(avoid=used) for _ in range(7)] + [v5]
    data, lets = write_run(
        "R05",
        STD,
        [_row(c, False, due) for c in people5],
        [_letter(c, c, 380 + n, d) for n, c in enumerate(people5)],
        "docx",
    )
    labels.append(
        {
            "id": "R05",
            "channel": "batch",
            "category": "mail-merge/folder-docx",
            "data": data,
            "letters": lets,
            "per_letter": [{"expect": "allow"}] * 8,
            "run_expect": "allow",
            "twin": "R06",
            "note": f"letter 8 to {v5.cid} at their own suppressed address (legitimate)",
        }
    )
    p6 = r.by_id[v6.joint[0]]
    people6 = [r.pick(avoid=used) for _ in range(7)] + [p6]
    rows6 = [_row(c, False, due) for c in people6[:7]] + [_row(p6, False, due, addr_of=v6)]
    l6 = [_letter(c, c, 400 + n, d) for n, c in enumerate(people6[:7])] + [_letter(p6, p6, 407, d, addr_of=v6)]
    data, lets = write_run("R06", STD, rows6, l6, "docx")
    per = [{"expect": "allow"}] * 7 + [{"expect": "block", "rules": ["suppressed_detail_exposed"], "suppressed": True}]
    labels.append(
        {
            "id": "R06",
            "channel": "batch",
            "category": "mail-merge/folder-docx",
            "data": data,
            "letters": lets,
            "per_letter": per,
            "run_expect": "block",
            "twin": "R05",
            "note": f"joint-account letter for {p6.cid} addressed to the suppressed address of {v6.cid}",
        }
    )
    b.labels.extend(labels)
