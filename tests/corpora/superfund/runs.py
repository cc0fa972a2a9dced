"""Mail-merge runs of annual statements, with the admin system's extract as the data source."""

from __future__ import annotations

import csv
import io

from tests.corpora.superfund import content as ct
from tests.corpora.superfund.corpus import Corpus
from tests.corpora.superfund.formats import Letter, docx_bytes, pdf_bytes
from tests.corpora.superfund.people import Member

COLS = [
    "MBR_NO",
    "MBR_TITLE",
    "MBR_GIVEN_NAMES",
    "MBR_SURNAME",
    "ADDR_LINE_1",
    "ADDR_LINE_2",
    "ADDR_SUBURB",
    "ADDR_STATE",
    "ADDR_PCODE",
    "MBR_DOB",
    "CLOSING_BAL",
    "STMT_PERIOD_END",
]
MAP = {
    "reference": "MBR_NO",
    "given_name": "MBR_GIVEN_NAMES",
    "family_name": "MBR_SURNAME",
    "address_lines": "ADDR_LINE_1,ADDR_LINE_2",
    "suburb": "ADDR_SUBURB",
    "state": "ADDR_STATE",
    "postcode": "ADDR_PCODE",
}


def row(m: Member) -> dict[str, str]:
    lines = m.address.lines + [""]
    return {
        "MBR_NO": m.member_no,
        "MBR_TITLE": m.title,
        "MBR_GIVEN_NAMES": m.given,
        "MBR_SURNAME": m.family,
        "ADDR_LINE_1": lines[0],
        "ADDR_LINE_2": lines[1],
        "ADDR_SUBURB": m.address.town.upper(),
        "ADDR_STATE": m.address.state,
        "ADDR_PCODE": m.address.postcode,
        "MBR_DOB": m.dob.strftime("%d/%m/%Y"),
        "CLOSING_BAL": f"{m.balance}.00",
        "STMT_PERIOD_END": "30/06/2026",
    }


def data_csv(rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def letter(addr: dict[str, str], body: dict[str, str], salutation: str | None = None) -> Letter:
    name = f"{addr['MBR_TITLE']} {addr['MBR_GIVEN_NAMES']} {addr['MBR_SURNAME']}".strip()
    block = [name, addr["ADDR_LINE_1"]] + ([addr["ADDR_LINE_2"]] if addr["ADDR_LINE_2"] else [])
    block.append(f"{addr['ADDR_SUBURB']} {addr['ADDR_STATE']} {addr['ADDR_PCODE']}")
    bal = int(body["CLOSING_BAL"].split(".")[0])
    no = body["MBR_NO"]
    return Letter(
        addressee=block,
        date="14 August 2026",
        ref=f"Member no. {no[:3]} {no[3:6]} {no[6:]}",
        subject="Your annual statement for the year ended 30 June 2026",
        salutation=salutation or f"Dear {addr['MBR_GIVEN_NAMES']},",
        paras=[
            f"Your closing balance at {body['STMT_PERIOD_END']} was {ct.money(bal)}.",
            f"Date of birth on our records: {body['MBR_DOB']}.",
            "Your insurance cover continues while your account is active. Read the enclosed guide for details.",
        ],
        head=0,
    )


def _run(
    cx: Corpus,
    rid: str,
    category: str,
    members: list[Member],
    shift_from: int | None = None,
    unmerged_at: tuple[int, ...] = (),
    ext: str = "pdf",
    merged: bool = False,
) -> dict:
    rows = [row(m) for m in members]
    base = cx.out / "runs" / rid
    base.mkdir(parents=True, exist_ok=True)
    (base / "data.csv").write_bytes(data_csv(rows))
    letters: list[Letter] = []
    per: list[dict] = []
    n = len(rows)
    for i, r in enumerate(rows):
        body = r
        verdict: dict = {"expect": "allow"}
        sal = None
        if shift_from is not None and i >= shift_from:
            body = rows[i + 1] if i + 1 < n else rows[shift_from]
            verdict = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
        if i in unmerged_at:
            sal = "Dear «MBR_GIVEN_NAMES»,"
            verdict = {"expect": "block", "rules": ["unmerged_field"]}
        letters.append(letter(r, body, sal))
        per.append(verdict)
    label: dict = {"id": rid, "channel": "batch", "category": category, "data": f"runs/{rid}/data.csv"}
    if merged:
        (base / "merged.pdf").write_bytes(pdf_bytes(letters))
        label["letters"] = f"runs/{rid}/merged.pdf"
    else:
        (base / "letters").mkdir(exist_ok=True)
        for i, lt in enumerate(letters, 1):
            data = pdf_bytes([lt]) if ext == "pdf" else docx_bytes(lt)
            (base / "letters" / f"letter{i}.{ext}").write_bytes(data)
        label["letters"] = f"runs/{rid}/letters/"
    label["map"] = MAP
    label["per_letter"] = per
    label["run_expect"] = "block" if any(v["expect"] == "block" for v in per) else "allow"
    return label


def build(cx: Corpus) -> None:
    n = min(max(8, cx.count(18)), len(cx.reg.plain) - 1)

    def pick() -> list[Member]:
        seen: dict[str, Member] = {}
        while len(seen) < n:
            m = cx.reg.others()
            seen[m.client_id] = m
        return list(seen.values())

    group = pick()
    k = n // 2
    r1 = _run(cx, "R01", "mail-merge/annual-statements", group)
    r2 = _run(cx, "R02", "mail-merge/row-shift", group, shift_from=k)
    r1["twin"], r2["twin"] = "R02", "R01"
    r1["note"] = f"{n} statements, each matching its row"
    r2["note"] = f"rows shift by one from letter {k + 1}: each later letter carries the next member's number"
    group2 = pick()
    r3 = _run(cx, "R03", "mail-merge/annual-statements-docx", group2, ext="docx")
    r4 = _run(cx, "R04", "mail-merge/unmerged-field", group2, unmerged_at=(2, n - 2), ext="docx")
    r3["twin"], r4["twin"] = "R04", "R03"
    r3["note"] = f"{n} Word statements, all merged"
    r4["note"] = f"letters 3 and {n - 1} kept the «MBR_GIVEN_NAMES» placeholder"
    r5 = _run(cx, "R05", "mail-merge/merged-pdf", pick(), merged=True)
    r5["note"] = f"one PDF of {n} statements for the print room, all correct"
    for r in (r1, r2, r3, r4, r5):
        cx.add_run(r)
