"""Mail-merge runs as a print room hands them to `dlp batch`: the payroll system's export (CSV, named as such
systems name their columns) and the merged letters, as a folder or as one merged PDF. Three incident runs,
each beside a clean run of the same layout."""

from __future__ import annotations

import random
from pathlib import Path

from . import docs, render
from .render import Letter
from .world import Employee, World

MIX_MM = ["mixed_client_documents", "mismatched_recipient"]


def _write_run(out: Path, rid: str, data: list[list[str]], letters: list[bytes], ext: str, merged: bool) -> dict:
    base = out / "runs" / rid
    base.mkdir(parents=True, exist_ok=True)
    (base / "data.csv").write_bytes(render.csv_text(data))
    if merged:
        (base / "merged.pdf").write_bytes(letters[0])
        where = f"runs/{rid}/merged.pdf"
    else:
        (base / "letters").mkdir(exist_ok=True)
        for n, blob in enumerate(letters, 1):
            (base / "letters" / f"letter{n}.{ext}").write_bytes(blob)
        where = f"runs/{rid}/letters/"
    return {"id": rid, "channel": "batch", "data": f"runs/{rid}/data.csv", "letters": where}


def _label(base: dict, category: str, mapping: dict, per_letter: list[dict], note: str) -> dict:
    base.update(category=category, map=mapping, per_letter=per_letter)
    base["run_expect"] = "block" if any(v["expect"] == "block" for v in per_letter) else "allow"
    base["note"] = note
    return base


def payslip_runs(out: Path, w: World, rng: random.Random, n: int) -> list[dict]:
    """Fortnightly payslips for a transport company's staff, one PDF per employee; the second run shifts."""
    staff = w.pick(rng, n + 1, employer="transport")
    header = [
        "Employee_Code",
        "Title",
        "First_Name",
        "Surname",
        "Address_Line_1",
        "Suburb",
        "State",
        "Post_Code",
        "Pay_Period",
        "Net_Pay",
    ]

    def row(e: Employee) -> list[str]:
        a = e.address
        net = docs.money(round(e.fortnightly_gross * 0.7, 2))
        return [e.empno, e.title, e.given, e.family, a.line1, a.suburb, a.state, a.postcode, docs.PERIOD, net]

    mapping = {"reference": "Employee_Code", "postcode": "Post_Code"}
    clean_rows = staff[:n]
    clean = [render.pdf(docs.payslip(e)) for e in clean_rows]
    a = _write_run(out, "R01", [header] + [row(e) for e in clean_rows], clean, "pdf", False)
    shift_from = n // 2
    shifted: list[bytes] = []
    per: list[dict] = []
    for k, e in enumerate(clean_rows):
        if k >= shift_from:
            body_of = staff[k + 1]
            shifted.append(render.pdf(docs.payslip(body_of, to=docs.block(e))))
            per.append({"expect": "block", "rules": MIX_MM})
        else:
            shifted.append(render.pdf(docs.payslip(e)))
            per.append({"expect": "allow"})
    b = _write_run(out, "R02", [header] + [row(e) for e in clean_rows], shifted, "pdf", False)
    return [
        _label(a, "mail-merge/payslip-folder", mapping, [{"expect": "allow"}] * n, "clean fortnightly payslip run"),
        _label(
            b,
            "mail-merge/payslip-folder-row-shift",
            mapping,
            per,
            f"from letter {shift_from + 1} each payslip carries the next row's employee",
        ),
    ]


def summary_runs(out: Path, w: World, rng: random.Random, n: int) -> list[dict]:
    """Income statement copies for a council, printed as one merged PDF; the second has unmerged fields."""
    staff = w.pick(rng, n, employer="council")
    header = ["EmpNo", "Given Names", "Family Name", "Street", "Town", "State", "PCode", "Gross"]
    rows = [
        [
            e.empno,
            e.given,
            e.family,
            e.address.line1,
            e.address.suburb,
            e.address.state,
            e.address.postcode,
            str(e.annual),
        ]
        for e in staff
    ]
    mapping = {
        "reference": "EmpNo",
        "given_name": "Given Names",
        "family_name": "Family Name",
        "address_lines": "Street",
        "suburb": "Town",
        "postcode": "PCode",
    }
    good = [docs.payment_summary(e) for e in staff]
    bad = [docs.payment_summary(e) for e in staff]
    per = [{"expect": "allow"} for _ in staff]
    for k, field in ((2, "«Given_Names»"), (n - 2, "<<Family Name>>")):
        bad[k].salutation = f"Dear {field},"
        per[k] = {"expect": "block", "rules": ["unmerged_field"]}
    a = _write_run(out, "R03", [header] + rows, [render.pdf(good)], "pdf", True)
    b = _write_run(out, "R04", [header] + rows, [render.pdf(bad)], "pdf", True)
    return [
        _label(a, "mail-merge/merged-pdf", mapping, [{"expect": "allow"}] * n, "clean merged income statements"),
        _label(b, "mail-merge/merged-pdf-unmerged", mapping, per, "two letters kept their merge fields"),
    ]


def packaging_runs(out: Path, w: World, rng: random.Random, n: int) -> list[dict]:
    """Salary-packaging renewal letters (DOCX) for hospital and council staff; the second run picked the wrong
    record for a same-name employee and printed another employee's schedule into one letter."""
    same = w.tagged("same-name")
    first, namesake = same[0], same[1]
    staff = w.pick(rng, n - 1, employer="hosp")
    staff.insert(n // 3, first)
    header = ["PersonCode", "FirstName", "LastName", "Address1", "Suburb", "State", "Postcode", "DOB"]
    rows = [
        [
            e.empno,
            e.given,
            e.family,
            e.address.line1_short,
            e.address.suburb,
            e.address.state,
            e.address.postcode,
            e.dob.strftime("%d/%m/%Y"),
        ]
        for e in staff
    ]
    mapping = {"reference": "PersonCode"}

    def letter(e: Employee, body: Employee | None = None) -> Letter:
        lt = docs.packaging(body or e, to=docs.block(e, short=True))
        lt.after = [f"Date of birth held: {(body or e).dob.strftime('%d/%m/%Y')}"]
        return lt

    good = [render.docx(letter(e)) for e in staff]
    bad_letters = [letter(e) for e in staff]
    per = [{"expect": "allow"} for _ in staff]
    k_same = n // 3
    bad_letters[k_same] = letter(first, namesake)
    per[k_same] = {"expect": "block", "rules": MIX_MM}
    k_mix = n - 2
    stray = staff[0] if k_mix != 0 else staff[1]
    bad_letters[k_mix].extra = [docs.payslip_sheet(stray)]
    per[k_mix] = {"expect": "block", "rules": MIX_MM}
    a = _write_run(out, "R05", [header] + rows, good, "docx", False)
    b = _write_run(out, "R06", [header] + rows, [render.docx(x) for x in bad_letters], "docx", False)
    return [
        _label(a, "mail-merge/docx-folder", mapping, [{"expect": "allow"}] * n, "clean packaging renewal run"),
        _label(
            b,
            "mail-merge/docx-folder-wrong-record",
            mapping,
            per,
            f"letter {k_same + 1} took the namesake {namesake.client_id}'s record; letter {k_mix + 1} carries "
            f"{stray.client_id}'s payslip page",
        ),
    ]


def make(out: Path, w: World, rng: random.Random, scale: float) -> list[dict]:
    n = max(8, round(12 * scale))
    pairs = [payslip_runs(out, w, rng, n), summary_runs(out, w, rng, n), packaging_runs(out, w, rng, n)]
    labels = []
    for clean, bad in pairs:
        clean["twin"], bad["twin"] = bad["id"], clean["id"]
        labels += [clean, bad]
    return labels
