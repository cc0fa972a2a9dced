"""Six dlp batch runs: three clean print runs and, beside each, the same run gone wrong."""

from __future__ import annotations

import csv
import io

from tests.corpora.migration import content as T
from tests.corpora.migration import render as R
from tests.corpora.migration.kit import Kit
from tests.corpora.migration.registry import Client

MX, UF = "mixed_client_documents", "unmerged_field"


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r\n")
    wr.writerow(header)
    wr.writerows(rows)
    return buf.getvalue().encode()


def _people(k: Kit, n: int, with_fv: bool) -> list[Client]:
    out = [k.take("single" if j % 2 else "worker") for j in range(n)]
    seen, uniq = set(), []
    for c in out:
        if c.cid not in seen and not c.suppressed:
            seen.add(c.cid)
            uniq.append(c)
    if with_fv:
        uniq.insert(1, k.fv_case(0)[0])
    return uniq[:n]


def _expiry_letter(c: Client, placeholder: bool = False) -> R.Letter:
    when = "\u00abExpiryDate\u00bb" if placeholder else T.dmy(c.expiry or "2026-06-30")
    paras = [
        f"Our records show that your {T.visa(c)} ends on {when}.",
        "If you intend to remain in Australia, a new application must be lodged before then. Please call us to "
        "book a review of your options; the first 20 minutes are free for existing clients.",
    ]
    return T.letter(c, paras, "Your visa is due to expire", signer=T.W.STAFF[5])


def _run(
    k: Kit,
    rid: str,
    category: str,
    data: bytes,
    files: dict[str, bytes] | None,
    merged: bytes | None,
    per: list[dict],
    note: str,
    mapping: dict | None = None,
) -> dict:
    base = k.out / "runs" / rid
    base.mkdir(parents=True, exist_ok=True)
    (base / "data.csv").write_bytes(data)
    lab = {"id": rid, "channel": "batch", "category": category, "data": f"runs/{rid}/data.csv"}
    if merged is not None:
        (base / "merged.pdf").write_bytes(merged)
        lab["letters"] = f"runs/{rid}/merged.pdf"
    else:
        (base / "letters").mkdir(exist_ok=True)
        for name, blob in (files or {}).items():
            (base / "letters" / name).write_bytes(blob)
        lab["letters"] = f"runs/{rid}/letters/"
    if mapping:
        lab["map"] = mapping
    lab["per_letter"] = per
    lab["run_expect"] = "block" if any(p["expect"] == "block" for p in per) else "allow"
    lab["note"] = note
    return lab


def expiry_runs(k: Kit, n: int) -> list[dict]:
    """R01 clean, R02 the data rows shift by one from letter 7 (a row deleted after the merge)."""
    people = _people(k, n, with_fv=True)
    header = [
        "ClientID",
        "Title",
        "FirstName",
        "Surname",
        "Address1",
        "Suburb",
        "State",
        "Postcode",
        "MatterNo",
        "VisaExpiry",
    ]
    rows = [
        [
            c.cid,
            c.title,
            c.given,
            c.family,
            c.addr.street,
            c.addr.suburb,
            c.addr.state,
            c.addr.pc,
            c.matter,
            c.expiry or "2026-06-30",
        ]
        for c in people
    ]
    good = {f"letter{j + 1}.txt": R.txt_letter(_expiry_letter(c)) for j, c in enumerate(people)}
    r1 = _run(
        k,
        "R01",
        "mail-merge/expiry-reminders",
        _csv(header, rows),
        good,
        None,
        [{"expect": "allow"} for _ in people],
        "expiry reminders, one per row; row 2 a suppressed client at her own address",
        {"reference": "MatterNo"},
    )
    cut = 6
    shifted = people[:cut] + people[cut + 1 :]
    bad = {f"letter{j + 1}.txt": R.txt_letter(_expiry_letter(c)) for j, c in enumerate(shifted)}
    per = [{"expect": "allow"} if j < cut else {"expect": "block", "rules": [MX]} for j in range(len(shifted))]
    r2 = _run(
        k,
        "R02",
        "mail-merge/expiry-reminders",
        _csv(header, rows),
        bad,
        None,
        per,
        "letters from 7 on were merged from the next row: each is one row behind its data",
        {"reference": "MatterNo"},
    )
    r1["twin"], r2["twin"] = "R02", "R01"
    return [r1, r2]


def health_runs(k: Kit, n: int) -> list[dict]:
    """R03 clean merged print file; R04 the printer repeated letter 6 in place of letter 7."""
    people = _people(k, n, with_fv=False)
    header = ["Title", "Given Names", "Family Name", "Street", "Locality", "State", "PC", "File Ref"]
    rows = [
        [c.title, c.given, c.family, c.addr.street, c.addr.suburb, c.addr.state, c.addr.pc, c.matter] for c in people
    ]
    mapping = {
        "given_name": "Given Names",
        "family_name": "Family Name",
        "address_lines": "Street",
        "suburb": "Locality",
        "postcode": "PC",
        "reference": "File Ref",
    }
    letters = [T.letter(c, T.health(c), "Immigration health examinations") for c in people]
    r3 = _run(
        k,
        "R03",
        "mail-merge/health-reminders-merged",
        _csv(header, rows),
        None,
        R.merged_pdf(letters),
        [{"expect": "allow"} for _ in people],
        "health examination reminders in one print file",
        mapping,
    )
    dup = letters[:6] + [letters[5]] + letters[7:]
    per = [{"expect": "block", "rules": [MX]} if j == 6 else {"expect": "allow"} for j in range(len(dup))]
    r4 = _run(
        k,
        "R04",
        "mail-merge/health-reminders-merged",
        _csv(header, rows),
        None,
        R.merged_pdf(dup),
        per,
        "letter 6 printed twice: letter 7 is row 6's letter again",
        mapping,
    )
    r3["twin"], r4["twin"] = "R04", "R03"
    return [r3, r4]


def sponsor_runs(k: Kit, n: int) -> list[dict]:
    """R05 clean DOCX letters to sponsored workers; R06 letters 3 and 9 kept the «ExpiryDate» field."""
    people = _people(k, n, with_fv=False)
    header = ["Salutation", "FirstName", "LastName", "AddressLine1", "Suburb", "State", "Postcode", "ClientRef"]
    rows = [
        [c.title, c.given, c.family, c.addr.street, c.addr.suburb, c.addr.state, c.addr.pc, c.matter] for c in people
    ]
    good = {f"letter{j + 1}.docx": R.docx_letter(_expiry_letter(c)) for j, c in enumerate(people)}
    r5 = _run(
        k,
        "R05",
        "mail-merge/docx-renewals",
        _csv(header, rows),
        good,
        None,
        [{"expect": "allow"} for _ in people],
        "renewal letters as DOCX, one per row",
        {"reference": "ClientRef"},
    )
    bad_at = {2, 8}
    bad = {
        f"letter{j + 1}.docx": R.docx_letter(_expiry_letter(c, placeholder=j in bad_at)) for j, c in enumerate(people)
    }
    per = [{"expect": "block", "rules": [UF]} if j in bad_at else {"expect": "allow"} for j in range(len(people))]
    r6 = _run(
        k,
        "R06",
        "mail-merge/docx-renewals",
        _csv(header, rows),
        bad,
        None,
        per,
        "letters 3 and 9 kept the expiry date placeholder",
        {"reference": "ClientRef"},
    )
    r5["twin"], r6["twin"] = "R06", "R05"
    return [r5, r6]


def all_runs(k: Kit, scale: float) -> list[dict]:
    n = max(10, round(14 * scale))
    return expiry_runs(k, n) + health_runs(k, n) + sponsor_runs(k, n)
