"""Six `dlp batch` runs from the print room: census-date reminders, graduation letters, fee statements."""

from __future__ import annotations

from pathlib import Path

from tests.corpora.university import content as k
from tests.corpora.university import render as r
from tests.corpora.university.kit import Corpus
from tests.corpora.university.registry import Client

HEADER = ["StudentNo", "FirstName", "Surname", "Address1", "Address2", "Suburb", "State", "Postcode", "Course"]
MAP = {"reference": "StudentNo"}


def _row(s: Client) -> list[str]:
    return [
        s.student_no,
        s.given,
        s.family,
        s.line1 or s.street,
        s.street if s.line1 else "",
        s.town,
        "NSW",
        s.postcode,
        s.course[0],
    ]


def _letter(kind: str, s: Client, number_of: Client, rng) -> r.Letter:
    L = k.letter(kind, s, s.block(), rng, date="2 March 2026")
    L.refs = [f"Student number: {number_of.student_no}"]
    return L


def _write(
    out: Path, rid: str, students: list[Client], letters: list[r.Letter], ext: str, merged: bool
) -> tuple[str, str]:
    base = out / "runs" / rid
    (base / "letters").mkdir(parents=True, exist_ok=True) if not merged else base.mkdir(parents=True, exist_ok=True)
    (base / "data.csv").write_bytes(r.csv_bytes([HEADER] + [_row(s) for s in students]))
    if merged:
        (base / "merged.pdf").write_bytes(r.pdf_letters(letters))
        return f"runs/{rid}/data.csv", f"runs/{rid}/merged.pdf"
    for i, L in enumerate(letters, 1):
        (base / "letters" / f"letter{i}.{ext}").write_bytes(r.render_letter(L, ext))
    return f"runs/{rid}/data.csv", f"runs/{rid}/letters/"


def runs(c: Corpus) -> list[dict]:
    reg, rng = c.reg, c.rng
    out: list[dict] = []
    plain = [s for s in reg.students() if "suppressed" not in s.tags]
    hidden = reg.students("suppressed")

    def run(rid, twin, category, students, letters, ext, merged, per_letter, note):
        data, lets = _write(c.out, rid, students, letters, ext, merged)
        blocked = any(v["expect"] == "block" for v in per_letter)
        out.append(
            {
                "id": rid,
                "channel": "batch",
                "category": category,
                "data": data,
                "letters": lets,
                "map": MAP,
                "per_letter": per_letter,
                "run_expect": "block" if blocked else "allow",
                "twin": twin,
                "note": note,
            }
        )

    # R01/R02: census-date reminders (text files); R02's numbers shift by one from letter 7
    n = max(10, c.count(14))
    group = c.pick(plain, n - 1) + [hidden[0]]  # a suppressed student's own reminder to her own address
    rng.shuffle(group)
    good = [_letter("census", s, s, rng) for s in group]
    run(
        "R01",
        "R02",
        "mail-merge/row-shift",
        group,
        good,
        "txt",
        False,
        [{"expect": "allow"}] * n,
        f"{n} census reminders, each matching its row",
    )
    shift_from = 6
    group2 = c.pick(plain, n)
    bad = [_letter("census", s, group2[i + 1] if shift_from <= i < n - 1 else s, rng) for i, s in enumerate(group2)]
    per = [
        {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
        if shift_from <= i < n - 1
        else {"expect": "allow"}
        for i in range(n)
    ]
    run(
        "R02",
        "R01",
        "mail-merge/row-shift",
        group2,
        bad,
        "txt",
        False,
        per,
        f"student numbers shift by one from letter {shift_from + 1} to letter {n - 1}",
    )
    # R03/R04: graduation invitations (Word); R04 prints letter 5 twice (the second in place of row 6's student)
    m = max(8, c.count(10))
    grads = c.pick(plain, m)
    run(
        "R03",
        "R04",
        "mail-merge/duplicate",
        grads,
        [_letter("graduation", s, s, rng) for s in grads],
        "docx",
        False,
        [{"expect": "allow"}] * m,
        f"{m} graduation letters",
    )
    grads2 = c.pick(plain, m)
    lets = [_letter("graduation", s, s, rng) for s in grads2]
    lets[5] = _letter("graduation", grads2[4], grads2[4], rng)
    per = [{"expect": "allow"}] * m
    per[5] = {"expect": "block", "rules": ["mixed_client_documents"]}
    run(
        "R04",
        "R03",
        "mail-merge/duplicate",
        grads2,
        lets,
        "docx",
        False,
        per,
        "letter 6 repeats the student of row 5; row 6 has no letter",
    )
    # R05/R06: fee statements in one merged print file; R06 has a placeholder left in letter 3
    q = max(6, c.count(8))
    fees = c.pick(plain, q)
    run(
        "R05",
        "R06",
        "mail-merge/print-file",
        fees,
        [_letter("fee_invoice", s, s, rng) for s in fees],
        "pdf",
        True,
        [{"expect": "allow"}] * q,
        f"{q} fee statements in one PDF",
    )
    fees2 = c.pick(plain, q)
    lets = [_letter("fee_invoice", s, s, rng) for s in fees2]
    lets[2].paras.append("Your HELP debt balance is \u00abHELPBalance\u00bb as at the census date.")
    per = [{"expect": "allow"}] * q
    per[2] = {"expect": "block", "rules": ["unmerged_field"]}
    run("R06", "R05", "mail-merge/print-file", fees2, lets, "pdf", True, per, "letter 3 keeps an unmerged placeholder")
    return out
