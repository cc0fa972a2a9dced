"""Mail-merge runs (channel batch): data CSV plus merged letters, clean and faulty twins."""

from __future__ import annotations

import csv
import dataclasses
import io
import random

from . import render
from .common import LAWYERS, Corpus
from .registry import Client, Registry
from .text import addr_block

COLS = [
    "Title",
    "FirstName",
    "Surname",
    "Address1",
    "Address2",
    "Suburb",
    "State",
    "Postcode",
    "OurRef",
    "Amount",
    "DueDate",
]
JOBS = [
    ("Contribution to your legal costs", "contribution"),
    ("Your infringements - payment plan reminder", "fines"),
    ("Annual review of your grant of legal assistance", "review"),
]


def _row(c: Client, rng: random.Random) -> dict:
    return {
        "Title": c.title,
        "FirstName": c.given,
        "Surname": c.family,
        "Address1": c.street,
        "Address2": "",
        "Suburb": c.suburb,
        "State": "VIC",
        "Postcode": c.postcode,
        "OurRef": c.ref,
        "Amount": f"{rng.randint(5, 60) * 10}.00",
        "DueDate": f"{rng.randint(1, 28)} April 2026",
    }


def _letter(row: dict, body_row: dict, job: tuple[str, str], k: int, extra: str | None = None) -> render.Letter:
    c = Client(
        "",
        row["FirstName"],
        row["Surname"],
        None,
        [],
        [],
        row["Address1"],
        row["Suburb"],  # type: ignore
        row["Postcode"],
        [body_row["OurRef"]],
        title=row["Title"],
    )
    subj, kind = job
    if kind == "contribution":
        paras = [
            f"Your grant of legal assistance requires a contribution of ${body_row['Amount']} towards your "
            f"legal costs, payable by {body_row['DueDate']}.",
            "You can pay by BPAY (biller code 284117) using your file number as the reference, or by phone.",
            "If paying would cause you hardship, call us - we can reduce or waive the contribution.",
        ]
    elif kind == "fines":
        paras = [
            f"Your next payment-plan instalment of ${body_row['Amount']} is due on {body_row['DueDate']}.",
            "If you miss two instalments, the plan may be cancelled and enforcement action may resume.",
            "Call us before the due date if you need to change the plan.",
        ]
    else:
        paras = [
            f"We review every grant each year. Please return the enclosed form by {body_row['DueDate']}.",
            "Tell us about any change in your income, assets or household.",
            "If you do not return the form, your grant may be suspended.",
        ]
    if extra:
        paras.append(extra)
    ref = body_row["OurRef"]
    lw = LAWYERS[k % len(LAWYERS)]
    return render.Letter(
        addr=addr_block(c, k % 2 * 2),
        subject=subj,
        paras=paras,
        salutation=f"Dear {row['Title']} {row['Surname']}",
        refs=[f"Our ref: {ref}" if ref else "Our ref:"],
        signer=lw,
    )


def _csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def build_runs(cp: Corpus, reg: Registry, avoid: set[str]) -> list[dict]:
    rng = cp.rng
    out: list[dict] = []
    n = max(8, round(18 * cp.scale))
    pool = [c for c in reg.clients if c.client_id not in avoid and not c.joint]
    specs = [("row-shift", "folder", 0), ("duplicate", "merged", 1), ("other-client", "folder", 2)]
    rid = 0
    for kind, layout, j in specs:
        job = JOBS[j]
        clients = rng.sample(pool, n)
        rows = [_row(c, rng) for c in clients]
        k0 = n // 2 + rng.randint(-2, 1)
        outsider = rng.choice([c for c in pool if c not in clients and not c.suppressed])
        good = [_letter(r, r, job, i) for i, r in enumerate(rows)]
        bad = list(good)
        per_bad = [{"expect": "allow"} for _ in rows]
        if kind == "row-shift":
            for i in range(k0, n):
                nxt = rows[i + 1] if i + 1 < n else {**rows[i], "OurRef": "", "Amount": "0.00"}
                bad[i] = _letter(rows[i], nxt, job, i)
                per_bad[i] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
            note = f"reference and amount rows shift by one from letter {k0 + 1}"
        elif kind == "duplicate":
            bad[k0] = dataclasses.replace(good[k0 - 1])
            per_bad[k0] = {"expect": "block", "rules": ["mixed_client_documents"]}
            note = (
                f"letter {k0 + 1} is a duplicate of letter {k0} ({clients[k0 - 1].client_id}); "
                f"{clients[k0].client_id} gets no letter"
            )
        else:
            extra = (
                f"Note: this payment is linked to the arrangement for {outsider.given} {outsider.family} "
                f"(file {outsider.ref})."
            )
            bad[k0] = _letter(rows[k0], rows[k0], job, k0, extra=extra)
            per_bad[k0] = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
            note = f"letter {k0 + 1} to {clients[k0].client_id} also carries the file of {outsider.client_id}"
        ids = []
        for letters, per, is_bad in ((good, [{"expect": "allow"} for _ in rows], False), (bad, per_bad, True)):
            rid += 1
            run = f"R{rid:02d}"
            ids.append(run)
            d = cp.out / "runs" / run
            d.mkdir(parents=True, exist_ok=True)
            (d / "data.csv").write_bytes(_csv(rows))
            lab = {
                "id": run,
                "channel": "batch",
                "category": f"mail-merge/{kind}",
                "data": f"runs/{run}/data.csv",
                "map": {"reference": "OurRef"},
                "per_letter": per,
                "run_expect": "block" if is_bad else "allow",
                "note": note if is_bad else f"clean run of the same job ({len(rows)} letters)",
            }
            if layout == "merged":
                (d / "merged.pdf").write_bytes(render.pdf_letters(letters))
                lab["letters"] = f"runs/{run}/merged.pdf"
            else:
                (d / "letters").mkdir(exist_ok=True)
                for i, L in enumerate(letters, start=1):
                    (d / "letters" / f"letter{i}.pdf").write_bytes(render.pdf_letter(L))
                lab["letters"] = f"runs/{run}/letters/"
            out.append(lab)
        out[-1]["twin"], out[-2]["twin"] = ids[0], ids[1]
    return out
