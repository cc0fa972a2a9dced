"""Six `dlp batch` runs from the print room: weekly payment (PIAWE) notices, certificate of capacity reminders
(one merged print file) and return-to-work review letters (DOCX), each a clean run beside a faulty one."""

from __future__ import annotations

import copy
import csv
import io

from tests.corpora.workcomp import content as C
from tests.corpora.workcomp import render as R
from tests.corpora.workcomp import world as W
from tests.corpora.workcomp.kit import Kit


def _write_csv(path, header: list[str], rows: list[list[str]]) -> None:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(header)
    wr.writerows(rows)
    path.write_text(buf.getvalue())


def _folder(k: Kit, run: str, letters: list[bytes], ext: str) -> str:
    d = k.out / "runs" / run / "letters"
    d.mkdir(parents=True, exist_ok=True)
    for n, data in enumerate(letters, 1):
        (d / f"letter{n}.{ext}").write_bytes(data)
    return f"runs/{run}/letters/"


def _label(run: str, cat: str, per: list[dict], note: str, letters: str, mapping: dict | None = None) -> dict:
    lab = {
        "id": run,
        "channel": "batch",
        "category": f"mail-merge/{cat}",
        "data": f"runs/{run}/data.csv",
        "letters": letters,
    }
    if mapping:
        lab["map"] = mapping
    lab.update(per_letter=per, run_expect="block" if any(p["expect"] == "block" for p in per) else "allow", note=note)
    return lab


def make_runs(k: Kit) -> list[dict]:
    labs: list[dict] = []
    # R01/R02: PIAWE notices, a folder of PDFs; R02's letters shift by one row from letter 6
    for run, shifted in (("R01", False), ("R02", True)):
        ws = [k.worker() for _ in range(11)]
        if not shifted:
            ws[3] = k.fv()  # a protected worker's notice to her own (suppressed) address
        rows = [[w.title, w.given, w.family, w.street, w.suburb, w.state, w.pc, w.claim, w.piawe] for w in ws[:10]]
        (k.out / "runs" / run).mkdir(parents=True, exist_ok=True)
        _write_csv(
            k.out / "runs" / run / "data.csv",
            ["Title", "FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "ClaimNumber", "PIAWE"],
            rows,
        )
        printed = ws[:5] + ws[6:11] if shifted else ws[:10]
        letters = _folder(k, run, [R.pdf(C.piawe(w)) for w in printed], "pdf")
        per = [{"expect": "allow"} for _ in range(10)]
        if shifted:
            for n in range(5, 10):
                per[n] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
        note = (
            "letters 6-10 carry the next row's worker (rows shift by one)"
            if shifted
            else f"ten PIAWE notices; letter 4 to protected worker {ws[3].cid} at her own address"
        )
        labs.append(_label(run, "piawe-notices", per, note, letters, {"reference": "ClaimNumber"}))
    # R03/R04: certificate of capacity reminders, one merged PDF; R04 prints letter 6 twice, letter 7 missing
    for run, dup in (("R03", False), ("R04", True)):
        ws = [k.worker() for _ in range(9)]
        (k.out / "runs" / run).mkdir(parents=True, exist_ok=True)
        _write_csv(
            k.out / "runs" / run / "data.csv",
            ["FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "Claim", "CertExpiry"],
            [[w.given, w.family, w.street, w.suburb, w.state, w.pc, w.claim, "30/03/2026"] for w in ws],
        )
        printed = ws[:6] + [ws[5]] + ws[7:] if dup else ws
        (k.out / "runs" / run / "merged.pdf").write_bytes(R.pdf([C.coc_reminder(w) for w in printed]))
        per = [{"expect": "allow"} for _ in ws]
        if dup:
            per[6] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
        note = "letter 6 printed twice, in place of letter 7" if dup else "nine reminders in one print file"
        labs.append(_label(run, "coc-reminders", per, note, f"runs/{run}/merged.pdf", {"reference": "Claim"}))
    # R05/R06: RTW review letters as DOCX from a spreadsheet with the print room's own column names
    mapping = {
        "full_name": "Worker",
        "address_lines": "Street",
        "suburb": "Town",
        "state": "St",
        "postcode": "PC",
        "reference": "ClaimRef",
    }
    for run, unmerged in (("R05", False), ("R06", True)):
        ws = [k.worker() for _ in range(12)]
        if not unmerged:
            ws[7] = k.fv()
        (k.out / "runs" / run).mkdir(parents=True, exist_ok=True)
        _write_csv(
            k.out / "runs" / run / "data.csv",
            ["Worker", "Street", "Town", "St", "PC", "ClaimRef", "ReviewDate"],
            [[w.name, w.street, w.suburb, w.state, w.pc, w.claim, "7 April 2026"] for w in ws],
        )
        docs = []
        for n, w in enumerate(ws):
            let = R.Letter(
                to=w.block(False),
                subject="Review of your return to work plan",
                refs=C.refs(w),
                salutation=f"Dear {w.given} {w.family}",
                office=w.office,
                body=[
                    f"Your return to work plan with {w.employer.name} will be reviewed on 7 April 2026.",
                    "Please bring your latest certificate of capacity to the review.",
                ],
            )
            if unmerged and n in (2, 7):
                let = copy.deepcopy(let)
                let.body[0] = f"Your return to work plan with {w.employer.name} will be reviewed on «ReviewDate»."
            docs.append(R.docx(let))
        letters = _folder(k, run, docs, "docx")
        per = [{"expect": "allow"} for _ in ws]
        if unmerged:
            for n in (2, 7):
                per[n] = {"expect": "block", "rules": ["unmerged_field"]}
        note = (
            "letters 3 and 8 kept «ReviewDate»"
            if unmerged
            else f"twelve review letters; letter 8 to protected worker {ws[7].cid} at her own address"
        )
        labs.append(_label(run, "rtw-review-letters", per, note, letters, mapping))
    for a, b in (("R01", "R02"), ("R03", "R04"), ("R05", "R06")):
        la = next(x for x in labs if x["id"] == a)
        lb = next(x for x in labs if x["id"] == b)
        la["twin"], lb["twin"] = b, a
    assert all(x["note"].count("@") == 0 for x in labs) and W.ORG
    return labs
