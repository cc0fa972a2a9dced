"""Mail-merge runs: a data source and its merged letters, legitimate or with a print-room error.

Per-letter labels judge each letter on its own, as a privacy officer would: a letter that is right for its
addressee and carries only that person's data is allowed even when it is out of step with the data rows. The
run as a whole fails when a row has no letter, a letter is duplicated, rows shifted, or any letter is blocked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from . import docs, idents, org
from . import lettertools as lt
from .corpus import Corpus, Label
from .letters import LetterDoc, render_pdf
from .population import Client

BLOCK_SHIFT = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
ALLOW = {"expect": "allow"}


@dataclass
class Template:
    name: str
    columns: list[str]
    fmt: str  # pdf-folder, docx-folder, txt-folder, rtf-folder, pdf-merged
    layout: str
    topic: str
    map: dict[str, str] | None
    prints: str = "row"  # "row": the row's reference; "tenancy": another of the client's references; "none"


TEMPLATES = {
    "rent": Template(
        "rent",
        ["FirstName", "Surname", "Address1", "Address2", "Suburb", "State", "Postcode", "CRN", "NewRent"],
        "pdf-folder",
        "window",
        "rent_review",
        None,
    ),
    "renewal": Template(
        "renewal",
        [
            "Title",
            "Given Names",
            "Family Name",
            "Street Address",
            "Town",
            "State",
            "P/code",
            "Client Ref",
            "Renewal Date",
        ],
        "docx-folder",
        "table",
        "renewal",
        {
            "given_name": "Given Names",
            "family_name": "Family Name",
            "address_lines": "Street Address",
            "suburb": "Town",
            "postcode": "P/code",
            "reference": "Client Ref",
        },
    ),
    "carer": Template(
        "carer",
        ["client_name", "addr_line_1", "addr_line_2", "locality", "state", "pcode", "crn", "payment"],
        "pdf-merged",
        "govt",
        "carer",
        {
            "full_name": "client_name",
            "address_lines": "addr_line_1,addr_line_2",
            "suburb": "locality",
            "postcode": "pcode",
            "reference": "crn",
        },
    ),
    "inspection": Template(
        "inspection",
        ["TITLE", "FIRST", "LAST", "STREET", "SUBURB", "STATE", "POSTCODE", "TENANCY_NO", "INSPECTION_DATE"],
        "txt-folder",
        "",
        "inspection",
        {"given_name": "FIRST", "family_name": "LAST", "reference": "TENANCY_NO"},
    ),
    "concession": Template(
        "concession",
        ["Salutation", "FirstName", "LastName", "AddressLine1", "City", "State", "Zip", "AccountNo"],
        "rtf-folder",
        "",
        "concession",
        {"suburb": "City", "postcode": "Zip"},
        prints="none",
    ),
    "water": Template(
        "water",
        ["client_name", "addr_line_1", "addr_line_2", "locality", "state", "pcode", "crn", "payment"],
        "pdf-merged",
        "window",
        "water",
        {
            "full_name": "client_name",
            "address_lines": "addr_line_1,addr_line_2",
            "suburb": "locality",
            "postcode": "pcode",
            "reference": "crn",
        },
        prints="tenancy",
    ),
}


def _row(t: Template, c: Client, cx: Corpus) -> dict[str, str]:
    a = c.address
    street = a.street_line(abbrev=cx.rng.random() < 0.5, unit_style="slash")
    amount = idents.money(cx.rng, 90, 420)
    ref = c.tenancy if t.name == "inspection" else c.crn
    values = [c.given, c.family, street, "", a.suburb, a.state, a.postcode, ref, amount]
    if t.name == "renewal":
        values = [c.title, c.given, c.family, street, a.suburb, a.state, a.postcode, ref, lt.letter_date(cx.rng)]
    elif t.name in ("carer", "water"):
        values = [c.full(), street, "", a.suburb, a.state, a.postcode, ref, amount]
    elif t.name == "inspection":
        values = [c.title, c.given, c.family, street, a.suburb, a.state, a.postcode, ref, lt.letter_date(cx.rng)]
    elif t.name == "concession":
        values = [c.salutation(), c.given, c.family, street, a.suburb, a.state, a.postcode, ref]
    return dict(zip(t.columns, values, strict=True))


def _letter(
    t: Template,
    addressee: Client,
    body_from: Client | None,
    cx: Corpus,
    *,
    blank_ref: bool = False,
    salutation: str = "",
) -> LetterDoc:
    """A merged letter: address block from `addressee`, body fields from `body_from` (a shifted row)."""
    rng = cx.rng
    src = body_from or addressee
    block = [
        addressee.formal(4) if t.name != "carer" else addressee.full(),
        *lt.addr_lines(addressee.address, rng, style="two"),
    ]
    ref_value = "" if blank_ref else (src.tenancy if (t.prints == "tenancy" or t.name == "inspection") else src.crn)
    label = "Tenancy no." if (t.prints == "tenancy" or t.name == "inspection") else "CRN"
    refs = [("Our ref", f"MM/{t.name[:3].upper()}/{rng.randint(100, 999)}")]
    if t.prints != "none":
        refs.append((label, idents.any_ref_written(ref_value, rng) if ref_value else ""))
    heading, paras = lt.topic(t.topic, rng)
    return LetterDoc(
        block=block,
        refs=refs,
        date=idents.long_date(lt.LETTER_DATE),
        heading=heading,
        salutation=salutation or addressee.salutation(),
        paras=paras,
        sign=["Yours sincerely", "", "Correspondence Centre", org.ORG_NAME],
        unit_name="Correspondence",
    )


def _write(cx: Corpus, run_id: str, t: Template, rows: list[dict[str, str]], letters: list[LetterDoc]) -> str:
    base = cx.out / "runs" / run_id
    base.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=t.columns, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    (base / "data.csv").write_text(buf.getvalue(), encoding="utf-8")
    if t.fmt == "pdf-merged":
        (base / "merged.pdf").write_bytes(render_pdf(letters, t.layout))
        return f"runs/{run_id}/merged.pdf"
    folder = base / "letters"
    folder.mkdir(exist_ok=True)
    for i, doc in enumerate(letters, 1):
        if t.fmt == "pdf-folder":
            (folder / f"letter{i}.pdf").write_bytes(render_pdf([doc], t.layout))
        elif t.fmt == "docx-folder":
            (folder / f"letter{i}.docx").write_bytes(docs.render_docx(doc))
        elif t.fmt == "rtf-folder":
            (folder / f"letter{i}.rtf").write_bytes(docs.render_rtf(doc))
        else:
            (folder / f"letter{i}.txt").write_bytes(docs.render_txt(doc))
    return f"runs/{run_id}/letters/"


def _label(
    cx: Corpus,
    t: Template,
    kind: str,
    rows: list[dict[str, str]],
    letters: list[LetterDoc],
    per_letter: list[dict[str, Any]],
    run_expect: str,
    note: str,
) -> Label:
    run_id = f"R{sum(1 for x in cx.labels if x.channel == 'batch') + 1:02d}"
    path = _write(cx, run_id, t, rows, letters)
    label = Label(
        run_id,
        "batch",
        f"mail-merge/{kind}",
        data=f"runs/{run_id}/data.csv",
        letters_path=path,
        map=t.map,
        per_letter=per_letter,
        run_expect=run_expect,
        note=note,
    )
    cx.labels.append(label)
    return label


def _people(cx: Corpus, n: int, key: str, need_tenancy: bool = False) -> list[Client]:
    pool = (
        [c for c in cx.pop.singles if c.tenancy and not c.address.po_box]
        if need_tenancy
        else [c for c in cx.pop.singles if not c.address.po_box]
    )
    return [cx.take(key, pool) for _ in range(n)]


def runs(cx: Corpus) -> None:
    rng = cx.rng
    size = max(5, round(12 * min(cx.scale, 1.0)))

    def legit(t: Template, kind: str, people: list[Client], note: str) -> Label:
        rows = [_row(t, c, cx) for c in people]
        letters = [_letter(t, c, None, cx) for c in people]
        return _label(cx, t, kind, rows, letters, [ALLOW] * len(people), "allow", note)

    def link(a: Label, b: Label) -> None:
        a.twin, b.twin = b.id, a.id

    # 1. Row shift: from letter k the body fields come from the next row.
    t = TEMPLATES["rent"]
    good = legit(t, "legitimate", _people(cx, size, "run-rent"), "rent review run, every letter matches its row")
    people = _people(cx, size, "run-rent")
    k = rng.randint(2, size - 3)
    letters = [
        _letter(t, c, people[i + 1] if k <= i < size - 1 else None, cx, blank_ref=i == size - 1 and i >= k)
        for i, c in enumerate(people)
    ]
    per = [BLOCK_SHIFT if k <= i < size - 1 else ALLOW for i in range(size)]
    bad = _label(
        cx,
        t,
        "row-shift",
        [_row(t, c, cx) for c in people],
        letters,
        per,
        "block",
        f"rows shift by one from letter {k + 1}: CRN and rent of the next row; the last letter has a blank "
        "CRN and carries only its addressee's details, so it is allowed on its own",
    )
    link(bad, good)

    # 2. Duplicate: one letter printed twice; everything after moves down and the last row has no letter.
    t = TEMPLATES["renewal"]
    good = legit(t, "legitimate", _people(cx, size, "run-renewal"), "tenancy renewal run (columns mapped)")
    people = _people(cx, size, "run-renewal")
    d = rng.randint(1, size - 3)
    order = people[: d + 1] + [people[d]] + people[d + 1 : size - 1]
    letters = [_letter(t, c, None, cx) for c in order]
    bad = _label(
        cx,
        t,
        "duplicate",
        [_row(t, c, cx) for c in people],
        letters,
        [ALLOW] * size,
        "block",
        f"letter {d + 1} printed twice, later letters one row behind, the last row has no letter; each "
        "letter is correct for its own addressee (allow), the run fails",
    )
    link(bad, good)

    # 3. Missing letter in a merged print file.
    t = TEMPLATES["carer"]
    good = legit(t, "legitimate", _people(cx, size, "run-carer"), "carer payment run as one merged PDF")
    people = _people(cx, size, "run-carer")
    m = rng.randint(1, size - 2)
    kept = people[:m] + people[m + 1 :]
    bad = _label(
        cx,
        t,
        "missing-letter",
        [_row(t, c, cx) for c in people],
        [_letter(t, c, None, cx) for c in kept],
        [ALLOW] * len(kept),
        "block",
        f"no letter for row {m + 1}; later letters are one row ahead but each is right for its addressee",
    )
    link(bad, good)

    # 4. One letter carries another client's tenancy number.
    t = TEMPLATES["inspection"]
    good = legit(t, "legitimate", _people(cx, size, "run-insp", True), "inspection notices, case-management text")
    people = _people(cx, size, "run-insp", True)
    j = rng.randint(0, size - 1)
    intruder = cx.take("run-intruder", [c for c in cx.pop.singles if c.tenancy])
    letters = [_letter(t, c, intruder if i == j else None, cx) for i, c in enumerate(people)]
    per = [dict(BLOCK_SHIFT) if i == j else ALLOW for i in range(size)]
    bad = _label(
        cx,
        t,
        "other-client-data",
        [_row(t, c, cx) for c in people],
        letters,
        per,
        "block",
        f"letter {j + 1} carries the tenancy number of {intruder.cid}, not of its addressee",
    )
    link(bad, good)

    # 5. An unmerged field in one letter.
    t = TEMPLATES["concession"]
    good = legit(
        t,
        "legitimate",
        _people(cx, size, "run-conc"),
        "concession renewal run, CRM export columns; letters print no reference (not a mismatch)",
    )
    people = _people(cx, size, "run-conc")
    u = rng.randint(0, size - 1)
    letters = [
        _letter(t, c, None, cx, salutation=f"Dear «Title» {c.family}" if i == u else "") for i, c in enumerate(people)
    ]
    per = [{"expect": "block", "rules": ["unmerged_field"]} if i == u else ALLOW for i in range(size)]
    bad = _label(
        cx,
        t,
        "unmerged-field",
        [_row(t, c, cx) for c in people],
        letters,
        per,
        "block",
        f"letter {u + 1} keeps the merge field «Title»",
    )
    link(bad, good)

    # 6. A template that prints another of the client's own references, and a shift under the same template.
    t = TEMPLATES["water"]
    good = legit(
        t,
        "other-reference",
        _people(cx, size, "run-water", True),
        "rows hold the CRN, letters print the client's tenancy number: not a mismatch (issue 9 point 8)",
    )
    people = _people(cx, size, "run-water", True)
    k = rng.randint(1, size - 3)
    letters = [
        _letter(t, c, people[i + 1] if k <= i < size - 1 else None, cx, blank_ref=i == size - 1)
        for i, c in enumerate(people)
    ]
    per = [BLOCK_SHIFT if k <= i < size - 1 else ALLOW for i in range(size)]
    bad = _label(
        cx,
        t,
        "row-shift",
        [_row(t, c, cx) for c in people],
        letters,
        per,
        "block",
        f"merged PDF: tenancy numbers shift by one row from letter {k + 1}; last letter blank, allowed",
    )
    link(bad, good)
