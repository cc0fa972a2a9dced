"""Mail-merge runs of annual review letters: data source CSV plus the merged letters, some runs gone wrong."""

from __future__ import annotations

import csv
import io
import random

from .corpus import Corpus
from .render_docs import Letter, letter_docx, letter_pdf, letters_pdf
from .world import Case, Client, World, fmt_ref

STD = [
    "CustomerRef",
    "Title",
    "FirstName",
    "Surname",
    "Address1",
    "Suburb",
    "State",
    "Postcode",
    "CaseNo",
    "AnnualRate",
]
ODD = ["Cust Ref No", "Salutation", "Given", "Family", "Addr Line 1", "Town", "St", "PC", "Case", "Rate pa"]
ODD_MAP = {
    "reference": "Cust Ref No",
    "given_name": "Given",
    "family_name": "Family",
    "address_lines": "Addr Line 1",
    "suburb": "Town",
    "state": "St",
    "postcode": "PC",
}


def _row(case: Case, c: Client) -> list[str]:
    a = c.address
    return [
        c.crn,
        c.title,
        c.given,
        c.family,
        a.street_line(True),
        a.suburb.upper(),
        a.state,
        a.postcode,
        case.number,
        str(case.annual),
    ]


def _letter(row: list[str], body_row: list[str], body_case: Case, body_client: Client) -> Letter:
    crn, title, given, family, street, suburb, state, pc, number, annual = row
    b = body_row
    other = body_case.other(body_client)
    kids = ", ".join(n for n, _ in body_case.children)
    return Letter(
        [f"{title} {given} {family}", street, f"{suburb} {state} {pc}"],
        "3 March 2025",
        [("Customer reference", fmt_ref(b[0], 0)), ("Case number", b[8])],
        "Annual review of your assessment",
        f"Dear {title} {family}" if b is row else f"Dear {b[1]} {b[3]}",
        [
            f"Each year we review the child support assessment for {kids}. The other parent in this case is "
            f"{other.name}.",
            f"Your current annual rate is ${int(b[9]):,}. If your income or care has "
            "changed, tell us by 30 April 2025.",
            "You do not need to do anything if nothing has changed.",
        ],
        sign=["Yours sincerely", "", "Annual Reviews", "Southern Cross Child Support Agency"],
    )


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _people(w: World, rng: random.Random, n: int, plain: bool = False) -> list[tuple[Case, Client]]:
    cases = rng.sample(w.plain() if plain else w.cases, n)
    return [(k, k.payer if rng.random() < 0.5 else k.payee) for k in cases]


def runs(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    n = max(5, round(10 * scale))
    # R01/R02: a folder of PDFs; R02 shifts the body data by one row from letter 6
    people = _people(w, rng, n + 1)
    rows = [_row(k, p) for k, p in people]
    for rid, shift in (("R01", False), ("R02", True)):
        k0 = 5
        letters, per = [], []
        for i in range(n):
            j = i + 1 if shift and i >= k0 else i
            letters.append(letter_pdf(_letter(rows[i], rows[j], *people[j])))
            per.append(
                {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
                if j != i
                else {"expect": "allow"}
            )
        _write(
            c,
            rid,
            "mail-merge/row-shift" if shift else "mail-merge/correct-folder",
            _csv(STD, rows[:n]),
            letters,
            "pdf",
            per,
            "R02" if not shift else "R01",
            f"body rows shift by one from letter {k0 + 1}" if shift else "correct annual review run",
        )
    # R03/R04: one merged PDF; R04 leaves a merge field in letter 3
    people = _people(w, rng, n)
    rows = [_row(k, p) for k, p in people]
    for rid, broken in (("R03", False), ("R04", True)):
        docs, per = [], []
        for i, (k, p) in enumerate(people):
            letter = _letter(rows[i], rows[i], k, p)
            if broken and i == 2:
                letter.to_lines[-1] = f"{rows[i][5]} {rows[i][6]} \u00abPostcode\u00bb"
            docs.append(letter)
            per.append({"expect": "block", "rules": ["unmerged_field"]} if broken and i == 2 else {"expect": "allow"})
        _write(
            c,
            rid,
            "mail-merge/unmerged-in-merged-pdf" if broken else "mail-merge/correct-merged-pdf",
            _csv(STD, rows),
            [letters_pdf(docs)],
            "merged",
            per,
            "R03" if broken else "R04",
            "postcode field left unmerged in letter 3" if broken else "correct merged run",
        )
    # R05/R06: DOCX letters, unusual column names (a map); R06 swaps the address blocks of letters 4 and 5
    people = _people(w, rng, n, plain=True)
    rows = [_row(k, p) for k, p in people]
    for rid, swap in (("R05", False), ("R06", True)):
        letters, per = [], []
        for i, (k, p) in enumerate(people):
            addr = rows[i]
            if swap and i in (3, 4):
                addr = rows[7 - i]
            letter = _letter(addr, rows[i], k, p)
            letter.salutation = f"Dear {rows[i][1]} {rows[i][3]}"
            letters.append(letter_docx(letter))
            per.append(
                {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]}
                if swap and i in (3, 4)
                else {"expect": "allow"}
            )
        _write(
            c,
            rid,
            "mail-merge/swapped-pages" if swap else "mail-merge/correct-docx",
            _csv(ODD, rows),
            letters,
            "docx",
            per,
            "R05" if swap else "R06",
            "address blocks of letters 4 and 5 swapped" if swap else "correct run, columns need a map",
            ODD_MAP,
        )


def _write(
    c: Corpus,
    rid: str,
    category: str,
    data: bytes,
    letters: list[bytes],
    ext: str,
    per: list[dict],
    twin: str,
    note: str,
    mapping: dict[str, str] | None = None,
) -> None:
    root = c.out / "runs" / rid
    root.mkdir(parents=True, exist_ok=True)
    (root / "data.csv").write_bytes(data)
    if ext == "merged":
        (root / "merged.pdf").write_bytes(letters[0])
        where = f"runs/{rid}/merged.pdf"
    else:
        (root / "letters").mkdir(exist_ok=True)
        for i, blob in enumerate(letters, 1):
            (root / "letters" / f"letter{i}.{ext}").write_bytes(blob)
        where = f"runs/{rid}/letters/"
    label: dict = {
        "id": rid,
        "channel": "batch",
        "category": category,
        "data": f"runs/{rid}/data.csv",
        "letters": where,
    }
    if mapping:
        label["map"] = mapping
    label |= {"per_letter": per, "run_expect": "block" if any(p["expect"] == "block" for p in per) else "allow"}
    label["twin"] = twin
    label["note"] = note
    c.add_run(label)
