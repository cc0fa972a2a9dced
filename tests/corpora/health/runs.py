"""Mail-merge runs: appointment reminders merged from the patient administration system's (PAS) export."""

from __future__ import annotations

import csv
import io

from tests.corpora.health.corpus import Corpus
from tests.corpora.health.formats import Letter, pdf_letters, render
from tests.corpora.health.letters import CLINICS, LETTERHEADS, appt
from tests.corpora.health.people import Patient

# Two export layouts: the PAS's own column names (a print room passes --map), and a cleaned-up report.
PAS_COLS = [
    "PATIENT_UR_NO",
    "PAT_TITLE",
    "PAT_GIVEN_NAME",
    "PAT_SURNAME",
    "PAT_ADDR_LINE1",
    "PAT_ADDR_LINE2",
    "PAT_SUBURB",
    "PAT_STATE",
    "PAT_POSTCODE",
    "APPT_DATE",
    "APPT_TIME",
    "CLINIC_DESC",
]
PAS_MAP = {
    "reference": "PATIENT_UR_NO",
    "given_name": "PAT_GIVEN_NAME",
    "family_name": "PAT_SURNAME",
    "address_lines": "PAT_ADDR_LINE1,PAT_ADDR_LINE2",
    "suburb": "PAT_SUBURB",
    "state": "PAT_STATE",
    "postcode": "PAT_POSTCODE",
}
REPORT_COLS = [
    "URNumber",
    "Title",
    "FirstName",
    "Surname",
    "Address1",
    "Address2",
    "Suburb",
    "State",
    "Postcode",
    "ApptDate",
    "ApptTime",
    "Clinic",
]
REPORT_MAP = {"reference": "URNumber"}


def _rows(cx: Corpus, pats: list[Patient], cols: list[str]) -> list[dict[str, str]]:
    rows = []
    for p in pats:
        lines = p.address.lines
        d, t = appt(cx.rng)
        vals = [
            p.ur,
            p.title,
            p.given,
            p.family,
            lines[0],
            ", ".join(lines[1:]),
            p.address.town.upper(),
            p.address.state,
            p.address.postcode,
            d.strftime("%d/%m/%Y"),
            t,
            cx.rng.choice(CLINICS),
        ]
        rows.append(dict(zip(cols, vals, strict=True)))
    return rows


def _csv(rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _letter(name_row: dict[str, str], ref_row: dict[str, str], cols: list[str], head: int, blank: str = "") -> Letter:
    c = dict(
        zip(
            ["ur", "title", "given", "family", "a1", "a2", "suburb", "state", "pc", "date", "time", "clinic"],
            cols,
            strict=True,
        )
    )
    addr = [f"{name_row[c['title']]} {name_row[c['given']]} {name_row[c['family']]}", name_row[c["a1"]]]
    if name_row[c["a2"]]:
        addr.append(name_row[c["a2"]])
    addr.append(f"{name_row[c['suburb']]} {name_row[c['state']]} {name_row[c['pc']]}")
    time = ref_row[c["time"]] if blank != "time" else "«APPT_TIME»"
    greeting = name_row[c["given"]] if blank != "given" else "«PAT_GIVEN_NAME»"
    return Letter(
        letterhead=LETTERHEADS[head],
        date="16 November 2026",
        address=addr,
        refs=[f"UR No: {ref_row[c['ur']]}"],
        salutation=f"Dear {greeting},",
        body=[
            f"This is a reminder of your appointment at the {ref_row[c['clinic']]} on {ref_row[c['date']]} at {time}.",
            "Please arrive 15 minutes early and bring your Medicare card and a list of your medicines. If you cannot "
            "attend, call us so the time can be offered to someone on the waiting list.",
        ],
        signoff=["Yours sincerely,", "", "Outpatient Bookings"],
    )


def _folder(letters: list[Letter], fmt: str) -> dict[str, bytes]:
    return {f"letters/letter{k + 1}.{fmt}": render(x, fmt) for k, x in enumerate(letters)}


def runs(cx: Corpus) -> None:
    n = max(6, round(10 * cx.scale))
    ok = {"expect": "allow"}
    # R01 correct, R02 rows shifted by one from letter 6 (the UR and appointment columns re-sorted)
    rows = _rows(cx, cx.reg.general(n), PAS_COLS)
    good = [_letter(r, r, PAS_COLS, 0) for r in rows]
    r1 = cx.run(
        "mail-merge/correct-run",
        {"data.csv": _csv(rows), **_folder(good, "pdf")},
        "data.csv",
        "letters/",
        [ok] * n,
        "PAS export, each letter matches its row",
        mapping=PAS_MAP,
    )
    rows = _rows(cx, cx.reg.general(n), PAS_COLS)
    k = n // 2
    shifted = [
        _letter(r, rows[j + 1] if j + 1 < n and j >= k else (rows[k] if j >= k else r), PAS_COLS, 0)
        for j, r in enumerate(rows)
    ]
    per = [ok] * k + [{"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}] * (n - k)
    cx.run(
        "mail-merge/row-shift",
        {"data.csv": _csv(rows), **_folder(shifted, "pdf")},
        "data.csv",
        "letters/",
        per,
        f"from letter {k + 1} each letter carries the next row's UR number and appointment",
        mapping=PAS_MAP,
        twin=r1,
    )
    # R03 correct DOCX run from a cleaned report; R04 the greeting field left unmerged in two letters
    m = max(5, round(8 * cx.scale))
    rows = _rows(cx, cx.reg.general(m), REPORT_COLS)
    r3 = cx.run(
        "mail-merge/correct-run-docx",
        {"reminders.csv": _csv(rows), **_folder([_letter(r, r, REPORT_COLS, 2) for r in rows], "docx")},
        "reminders.csv",
        "letters/",
        [ok] * m,
        "report export, DOCX letters",
        mapping=REPORT_MAP,
    )
    rows = _rows(cx, cx.reg.general(m), REPORT_COLS)
    bad_at = {1, m - 2}
    letters = [_letter(r, r, REPORT_COLS, 2, blank="given" if j in bad_at else "") for j, r in enumerate(rows)]
    per = [{"expect": "block", "rules": ["unmerged_field"]} if j in bad_at else ok for j in range(m)]
    cx.run(
        "mail-merge/unmerged-field",
        {"reminders.csv": _csv(rows), **_folder(letters, "docx")},
        "reminders.csv",
        "letters/",
        per,
        f"greeting field unmerged in letters {sorted(j + 1 for j in bad_at)}",
        mapping=REPORT_MAP,
        twin=r3,
    )
    # R05 one merged PDF of many letters, correct; R06 the same with one letter carrying a stale row's appointment
    q = max(8, round(14 * cx.scale))
    rows = _rows(cx, cx.reg.general(q), PAS_COLS)
    r5 = cx.run(
        "mail-merge/merged-pdf",
        {"data.csv": _csv(rows), "merged.pdf": pdf_letters([_letter(r, r, PAS_COLS, 1) for r in rows])},
        "data.csv",
        "merged.pdf",
        [ok] * q,
        "one PDF of many letters, all correct",
        mapping=PAS_MAP,
    )
    rows = _rows(cx, cx.reg.general(q), PAS_COLS)
    bad = q - 3
    letters = [_letter(r, rows[2] if j == bad else r, PAS_COLS, 1) for j, r in enumerate(rows)]
    per = [
        {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]} if j == bad else ok
        for j in range(q)
    ]
    cx.run(
        "mail-merge/merged-pdf-stale-row",
        {"data.csv": _csv(rows), "merged.pdf": pdf_letters(letters)},
        "data.csv",
        "merged.pdf",
        per,
        f"letter {bad + 1} carries row 3's UR number and appointment",
        mapping=PAS_MAP,
        twin=r5,
    )
