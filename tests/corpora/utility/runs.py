"""Mail-merge runs (issue 9 point 8): data CSVs with the column names real print rooms use, templates that
print the row's reference, none, or another of the client's references; folders of letters and merged PDFs;
and the faults: rows shifted by one, a duplicate, a missing letter, one letter with another client's data,
one unmerged field."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import org
from .compose import Style, render, supply_of
from .corpus import Corpus, Run
from .kit import issue_date, style
from .letters import Letter
from .people import Client, fold, ref_as
from .templates import Spec, concession, meter_access, price_change

Row = dict[str, str]
MISMATCH_ROW = ["mixed_client_documents", "mismatched_recipient"]


@dataclass
class Columns:
    """How one print room names its data columns and turns a client into a row."""

    name: str
    header: list[str]
    make: Callable[[Client, str, str], Row]  # client, printed-reference, other-reference -> row
    block: Callable[[Row], list[str]]
    map: dict[str, str] | None = None


def _s1(c: Client, ref: str, other: str) -> Row:
    a = c.address
    lines = a.block_lines(abbrev=True)[:-1]
    return {
        "CustomerID": c.cid,
        "Title": c.title,
        "FirstName": c.given,
        "Surname": c.family,
        "Address1": lines[0],
        "Address2": lines[1] if len(lines) > 1 else "",
        "Suburb": a.suburb.upper(),
        "State": a.state,
        "Postcode": a.postcode,
        "AccountNo": ref,
        "Amount": f"{(int(ref[-3:]) % 400) + 35}.60",
    }


def _s2(c: Client, ref: str, other: str) -> Row:
    a = c.address
    lines = a.block_lines(abbrev=False)
    if len(lines) > 3:
        lines = [", ".join(lines[:-2]), *lines[-2:]]
    lines += [""] * (3 - len(lines))
    return {
        "Name": c.business or f"{c.title} {c.given} {c.family}",
        "Address Line 1": lines[0],
        "Address Line 2": lines[1],
        "Address Line 3": lines[2],
        "Account Number": ref_as(ref, "spaces"),
    }


def _s3(c: Client, ref: str, other: str) -> Row:
    a = c.address
    return {
        "title": c.title,
        "given_name": fold(c.given),
        "family_name": fold(c.family),
        "street": ", ".join(a.block_lines(abbrev=True)[:-1]),
        "locality": a.suburb,
        "state": a.state,
        "pcode": a.postcode,
        "account_no": ref,
        "other_account": other if other != ref else "",
    }


def _s4(c: Client, ref: str, other: str) -> Row:
    a = c.address
    return {
        "Customer Name": c.name("full"),
        "Mailing Address": ", ".join(a.block_lines(abbrev=True)[:-1]),
        "Town": a.suburb,
        "State": a.state,
        "P/Code": a.postcode,
        "Acct": ref,
    }


COLUMNS = {
    "s1": Columns(
        "s1",
        [
            "CustomerID",
            "Title",
            "FirstName",
            "Surname",
            "Address1",
            "Address2",
            "Suburb",
            "State",
            "Postcode",
            "AccountNo",
            "Amount",
        ],
        _s1,
        lambda r: (
            [f"{r['Title']} {r['FirstName']} {r['Surname']}", r["Address1"]]
            + ([r["Address2"]] if r["Address2"] else [])
            + [f"{r['Suburb']} {r['State']} {r['Postcode']}"]
        ),
    ),
    "s2": Columns(
        "s2",
        ["Name", "Address Line 1", "Address Line 2", "Address Line 3", "Account Number"],
        _s2,
        lambda r: [r["Name"]] + [r[k] for k in ("Address Line 1", "Address Line 2", "Address Line 3") if r[k]],
    ),
    "s3": Columns(
        "s3",
        ["title", "given_name", "family_name", "street", "locality", "state", "pcode", "account_no", "other_account"],
        _s3,
        lambda r: [
            f"{r['title']} {r['given_name']} {r['family_name']}".upper(),
            *r["street"].upper().split(", "),
            f"{r['locality'].upper()} {r['state']} {r['pcode']}",
        ],
        map={
            "given_name": "given_name",
            "family_name": "family_name",
            "address_lines": "street",
            "suburb": "locality",
            "postcode": "pcode",
            "reference": "account_no",
        },
    ),
    "s4": Columns(
        "s4",
        ["Customer Name", "Mailing Address", "Town", "State", "P/Code", "Acct"],
        _s4,
        lambda r: [
            r["Customer Name"],
            *r["Mailing Address"].split(", "),
            f"{r['Town'].upper()} {r['State']} {r['P/Code']}",
        ],
        map={
            "full_name": "Customer Name",
            "address_lines": "Mailing Address",
            "suburb": "Town",
            "postcode": "P/Code",
            "reference": "Acct",
        },
    ),
}


def _letter(
    cols: Columns,
    row: Row,
    printed_ref: str | None,
    st: Style,
    cx: Corpus,
    template: str,
    salutation: str | None = None,
) -> Letter:
    block = cols.block(row)
    first_name = row.get("FirstName") or row.get("given_name") or ""
    sal = salutation or (f"Dear {first_name}," if first_name else "Dear Customer,")
    spec = Spec(
        block=block,
        salutation=sal,
        st=st,
        ref=printed_ref,
        issue=issue_date(cx.rng),
        staff=org.STAFF[1],
        property_line=False,
    )
    maker = {"price": price_change, "concession": concession, "smart": meter_access}[template]
    lt = maker(spec, cx.rng)
    if template == "smart":
        lt.heading = "Smart meters are coming to your street"
    return lt


def _csv(cols: Columns, rows: list[Row]) -> bytes:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=cols.header, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue().encode("utf-8-sig" if cols.name == "s2" else "utf-8")


def _clients(cx: Corpus, k: int, with_couples: bool = False) -> list[Client]:
    out: list[Client] = []
    odd = [c for c in cx.reg.businesses + cx.reg.clients if c.address.kind != "street" or c.business]
    for i in range(k):
        c = cx.take("run-odd", odd) if i % 5 == 3 else cx.plain()
        if c not in out:
            out.append(c)
    return out


def make_run(
    cx: Corpus, *, cols_name: str, template: str, merged: bool, fmt: str, fault: str | None, k: int, at: int, note: str
) -> Run:
    rng = cx.rng
    cols = COLUMNS[cols_name]
    clients = _clients(cx, k)
    refs = [rng.choice(c.refs) for c in clients]
    others = [next((r for r in c.refs if r != ref), ref) for c, ref in zip(clients, refs, strict=True)]
    rows = [cols.make(c, ref, other) for c, ref, other in zip(clients, refs, others, strict=True)]
    st = style(cx, fmt=fmt, ref_style="spaces")
    printed: list[str | None] = [
        None if template == "concession" else (other if template == "smart" else ref)
        for ref, other in zip(refs, others, strict=True)
    ]
    outsider = cx.others(*clients)
    letters: list[Letter] = []
    per: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        ref = printed[i]
        verdict: dict[str, Any] = {"expect": "allow"}
        if fault == "shift" and i >= at and ref is not None:
            ref = printed[i + 1] if i + 1 < len(rows) else outsider.refs[0]
            verdict = {"expect": "block", "rules": MISMATCH_ROW}
        if fault == "wrong" and i == at:
            ref = outsider.refs[0]
            verdict = {"expect": "block", "rules": MISMATCH_ROW}
        lt = _letter(cols, row, ref, st, cx, template)
        if fault == "wrong" and i == at:
            lt.body.append(("p", f"Supply address: {supply_of(outsider, outsider.refs[0]).one_line(abbrev=True)}"))
        if fault == "unmerged" and i == at:
            lt.salutation = "Dear «FirstName»,"
            verdict = {"expect": "block", "rules": ["unmerged_field"]}
        if fault == "duplicate" and i == at + 1:
            lt = letters[-1]
            verdict = {"expect": "block", "rules": ["mixed_client_documents"]}
        letters.append(lt)
        per.append(verdict)
    if fault == "missing":
        letters, per = letters[:-1], per[:-1]
    files: dict[str, bytes] = {"data.csv": _csv(cols, rows)}
    if merged:
        files["merged.pdf"] = render(letters, st)
        where = "merged.pdf"
    else:
        for i, lt in enumerate(letters, 1):
            files[f"letters/letter{i}{st.ext}"] = render(lt, st)
        where = "letters/"
    category = f"mail-merge/{fault or 'clean'}-{template}-{cols_name}"
    run = Run(category, files, "data.csv", where, per, "block" if fault else "allow", note, cols.map)
    cx.runs.append(run)
    return run


def runs(cx: Corpus) -> None:
    k = max(6, round(12 * min(cx.scale, 1.0)))
    plan = [
        (
            "s1",
            "price",
            False,
            "pdf-window",
            "shift",
            "rows shift by one from letter {at1}: each later letter carries the next row's account",
        ),
        (
            "s2",
            "concession",
            True,
            "pdf-window",
            "duplicate",
            "letter {at2} is a second copy of letter {at1}; row {at2} has no letter of its own",
        ),
        (
            "s3",
            "smart",
            False,
            "docx",
            "wrong",
            "letter {at1} carries the account and supply address of a client outside the run",
        ),
        ("s4", "price", False, "txt", "unmerged", "letter {at1} has an unmerged «FirstName»"),
        (
            "s1",
            "price",
            True,
            "pdf-plain",
            "missing",
            "the last row has no letter (print job stopped early); every printed letter matches its own row",
        ),
        ("s4", "price", True, "pdf-window", "shift", "rows shift by one from letter {at1} in one merged PDF"),
    ]
    for cols_name, template, merged, fmt, fault, note in plan:
        at = max(1, k // 2 - 1)
        texts = {"at1": at + 1, "at2": at + 2}
        legit = make_run(
            cx,
            cols_name=cols_name,
            template=template,
            merged=merged,
            fmt=fmt,
            fault=None,
            k=k,
            at=at,
            note=f"clean run ({template} template, {cols_name} columns"
            + (
                ", prints another of each client's references where it has one"
                if template == "smart"
                else ", prints no reference"
                if template == "concession"
                else ""
            )
            + ")",
        )
        bad = make_run(
            cx,
            cols_name=cols_name,
            template=template,
            merged=merged,
            fmt=fmt,
            fault=fault,
            k=k,
            at=at,
            note=note.format(**texts),
        )
        legit._twin_obj = bad  # type: ignore[attr-defined]
        bad._twin_obj = legit  # type: ignore[attr-defined]
    # Two more clean runs in other formats.
    make_run(
        cx,
        cols_name="s2",
        template="price",
        merged=False,
        fmt="rtf",
        fault=None,
        k=k,
        at=0,
        note="clean run, RTF letters, single Name column and Address Line 1..3",
    )
    make_run(
        cx,
        cols_name="s3",
        template="concession",
        merged=True,
        fmt="pdf-right",
        fault=None,
        k=k,
        at=0,
        note="clean run, merged PDF, prints no reference",
    )
