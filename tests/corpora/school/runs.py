"""Mail-merge runs (channel "batch"): a data CSV and its merged letters, correct or with a row shift or an
unmerged field."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from .cases_letters import PLAIN
from .corpus import Corpus
from .letters import dear, letter
from .render import Letter, pdf_bytes, render
from .world import Family, World

HEAD = [
    "FirstName",
    "Surname",
    "Address1",
    "Address2",
    "Suburb",
    "State",
    "Postcode",
    "AccountNo",
    "StudentName",
    "StudentID",
]


def _rows(fams: list[Family]) -> list[list[str]]:
    out = []
    for f in fams:
        p, st = f.main, f.students[0]
        lines = p.address.lines + [""]
        out.append(
            [
                p.given,
                p.family,
                lines[0],
                lines[1],
                p.address.suburb,
                "VIC",
                p.address.postcode,
                f.fee_account,
                f"{st.given} {st.family}",
                st.sid,
            ]
        )
    return out


def _letters(fams: list[Family], kind: str, seed: int, shift_from: int = -1, unmerged_at: int = -1) -> list[Letter]:
    rng = random.Random(seed)
    out = []
    n = len(fams)
    for k, f in enumerate(fams):
        src = fams[(k + 1) % n] if 0 <= shift_from <= k else f
        p = f.main
        to = [f"{p.title} {p.given} {p.family}", *p.address.block()]
        lt = letter(kind, src.students[0], to, dear(p), rng, fee=src.fee_account, style="window")
        if k == unmerged_at:
            lt.salutation = "Dear «FirstName»,"
        out.append(lt)
    return out


def _write(out: Path, rid: str, fams: list[Family], letters: list[Letter], ext: str, merged: bool) -> tuple[str, str]:
    d = out / "runs" / rid
    d.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEAD)
    w.writerows(_rows(fams))
    (d / "data.csv").write_text(buf.getvalue(), encoding="utf-8")
    if merged:
        (d / "merged.pdf").write_bytes(pdf_bytes(letters, rid))
        return f"runs/{rid}/data.csv", f"runs/{rid}/merged.pdf"
    (d / "letters").mkdir(exist_ok=True)
    for k, lt in enumerate(letters, 1):
        (d / "letters" / f"letter{k}.{ext}").write_bytes(render(lt, ext))
    return f"runs/{rid}/data.csv", f"runs/{rid}/letters/"


SPECS = [
    # id, kind, ext, merged, shift_from, unmerged_at, twin, category, note
    ("R01", "invoice", "pdf", False, -1, -1, "R02", "mail-merge/fee-invoices", "term invoices, all rows in step"),
    ("R02", "invoice", "pdf", False, 7, -1, "R01", "mail-merge/row-shift", "content shifts by one row from letter 8"),
    ("R03", "report", "pdf", True, -1, -1, "R04", "mail-merge/report-covers", "report covers in one merged PDF"),
    ("R04", "report", "pdf", True, -1, 4, "R03", "mail-merge/unmerged-field", "letter 5 greets «FirstName»"),
    ("R05", "attendance", "docx", False, -1, -1, "", "mail-merge/attendance", "attendance letters, correct"),
    ("R06", "excursion", "pdf", False, -1, -1, "", "mail-merge/excursion-consent", "consent letters, correct"),
]


def make_runs(c: Corpus, w: World, scale: float) -> None:
    plain = [f for f in w.families if f.kind in PLAIN]
    n = max(6, round(14 * scale))
    for k, (rid, kind, ext, merged, shift, unm, twin, cat, note) in enumerate(SPECS):
        start = (k // 2) * 13 % max(1, len(plain) - n)
        fams = plain[start : start + n]
        shift = min(shift, n - 3) if shift >= 0 else shift
        unm = min(unm, n - 1) if unm >= 0 else unm
        letters = _letters(fams, kind, 4000 + k // 2, shift, unm)
        data, path = _write(c.out, rid, fams, letters, ext, merged)
        per = []
        for j in range(n):
            if 0 <= shift <= j:
                per.append({"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]})
            elif j == unm:
                per.append({"expect": "block", "rules": ["unmerged_field"]})
            else:
                per.append({"expect": "allow"})
        label = {
            "id": rid,
            "channel": "batch",
            "category": cat,
            "data": data,
            "letters": path,
            "per_letter": per,
            "run_expect": "block" if any(p["expect"] == "block" for p in per) else "allow",
        }
        if twin:
            label["twin"] = twin
        label["note"] = note + " (" + ", ".join(f.main.client_id for f in fams[:3]) + ", ...)"
        c.add_run(label)
