"""Six `dlp batch` mail-merge runs from the print room, three clean and three broken: annual statements whose
data rows shift by one from letter 5, Tribunal review notices in one merged PDF with a field left unmerged, and
co-owner notices where one letter to a son carries his mother's suppressed new address."""

from __future__ import annotations

import csv
import io

from tests.corpora.trustee import content, render
from tests.corpora.trustee.cases_mis import plain
from tests.corpora.trustee.kit import Corpus, block, dear, pick, render_letter

COLS = ["Title", "FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "CM Number"]


def data_csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode()


def row(c, ref: str = "CM") -> dict:
    r = {
        "Title": c.title,
        "FirstName": c.given,
        "Surname": c.family,
        "Address1": c.addr.street_line(abbr=True, unit_style="/"),
        "Suburb": c.addr.suburb.upper(),
        "State": "NSW",
        "Postcode": c.addr.postcode,
    }
    r["CM Number" if ref == "CM" else "Property File"] = c.ref(ref) if ref == "CM" else ref
    return r


def write_run(
    cx: Corpus,
    rid: str,
    category: str,
    data: bytes,
    letters: list[tuple[str, bytes]] | bytes,
    per_letter: list[dict],
    note: str,
    mapping: dict | None = None,
) -> dict:
    d = cx.out / "runs" / rid
    d.mkdir(parents=True, exist_ok=True)
    (d / "data.csv").write_bytes(data)
    label = {"id": rid, "channel": "batch", "category": category, "data": f"runs/{rid}/data.csv"}
    if isinstance(letters, bytes):
        (d / "merged.pdf").write_bytes(letters)
        label["letters"] = f"runs/{rid}/merged.pdf"
    else:
        (d / "letters").mkdir(exist_ok=True)
        for name, b in letters:
            (d / "letters" / name).write_bytes(b)
        label["letters"] = f"runs/{rid}/letters/"
    if mapping:
        label["map"] = mapping
    label["per_letter"] = per_letter
    label["run_expect"] = "block" if any(v["expect"] == "block" for v in per_letter) else "allow"
    label["note"] = note
    return label


def runs(cx: Corpus) -> list[dict]:
    ok = {"expect": "allow"}
    # R01/R02: annual statements, a folder of PDFs
    n = max(6, cx.k(8))
    people = pick(cx, plain(cx), n + 1)
    cx.next_day()
    good = [
        (f"letter{i + 1}.pdf", render_letter("pdf", content.fm_statement(cx, c, style=0)))
        for i, c in enumerate(people[:n])
    ]
    shift = n // 2 + 1
    bad = good[: shift - 1] + [
        (
            f"letter{i + 1}.pdf",
            render_letter(
                "pdf",
                content.fm_statement(cx, people[i + 1], to=block(people[i], 0), salutation=dear(people[i], 0), style=0),
            ),
        )
        for i in range(shift - 1, n)
    ]
    data = data_csv([row(c) for c in people[:n]])
    mapping = {"reference": "CM Number"}
    r1 = write_run(
        cx,
        "R01",
        "mail-merge/annual-statements",
        data,
        good,
        [ok] * n,
        "annual statements, each letter its own row",
        mapping,
    )
    blk = {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
    r2 = write_run(
        cx,
        "R02",
        "mail-merge/annual-statements",
        data,
        bad,
        [ok] * (shift - 1) + [blk] * (n - shift + 1),
        f"statement data shifted by one row from letter {shift}: each carries the next client's account",
        mapping,
    )
    r1["twin"], r2["twin"] = "R02", "R01"
    # R03/R04: Tribunal review notices, one merged PDF
    people = pick(cx, plain(cx), 6)
    cx.next_day()

    def notice(c, first: str) -> render.Letter:
        return render.Letter(
            to=block(c, 1),
            date=cx.long_date(),
            subject="Review of your financial management order",
            salutation=f"Dear {first}",
            body=[
                f"The NSW Civil and Administrative Tribunal will review your financial management "
                f"order. Your reference is {c.ref('CM')}. You may attend the hearing in person or "
                "by phone, and you may bring a support person."
            ],
            refs=[("Our ref", c.ref("CM")), ("Date", cx.long_date())],
            signer=("Grace Ofori", "Client Officer"),
        )

    good = render.merged_pdf([notice(c, f"{c.title} {c.family}") for c in people])
    bad = render.merged_pdf(
        [notice(c, f"{c.title} {c.family}" if i != 3 else "«Title» «Surname»") for i, c in enumerate(people)]
    )
    data = data_csv([row(c) for c in people])
    r3 = write_run(cx, "R03", "mail-merge/review-notices", data, good, [ok] * 6, "review notices, merged PDF", mapping)
    r4 = write_run(
        cx,
        "R04",
        "mail-merge/review-notices",
        data,
        bad,
        [ok] * 3 + [{"expect": "block", "rules": ["unmerged_field"]}] + [ok] * 2,
        "letter 4's salutation kept its merge fields",
        mapping,
    )
    r3["twin"], r4["twin"] = "R04", "R03"
    # R05/R06: notices to both owners of managed properties, a folder of DOCX
    owns = [p for p in cx.reg.protections if p.kind != "estate"][:4]
    cx.next_day()
    recipients = []
    for p in owns[:2]:
        recipients += [(p, p.other), (p, p.victim)]
    for p in owns[2:]:
        recipients.append((p, p.other))

    def letters(leak_at: int) -> list[tuple[str, bytes]]:
        out_l = []
        for i, (p, c) in enumerate(recipients):
            if c is p.other:
                lt = content.coowner_letter(cx, p, leak="address" if i == leak_at else "", style=1)
            else:
                lt = content.coowner_letter(cx, p, style=1, to=block(c, 1))
                lt.salutation = dear(c, 1)
                lt.body[0] = (
                    f"We write about the home at {p.old_addr.line}, which you own jointly with "
                    f"{p.other.title} {p.other.given} {p.other.family}."
                )
            out_l.append((f"letter{i + 1}.docx", render_letter("docx", lt)))
        return out_l

    rows = []
    for p, c in recipients:
        r = row(c, ref=p.shared)
        rows.append(r)
    data = data_csv(rows)
    pmap = {"reference": "Property File"}
    leak_at = 2 * 2  # the first son after the pairs
    r5 = write_run(
        cx,
        "R05",
        "mail-merge/co-owner-notices",
        data,
        letters(-1),
        [ok] * len(recipients),
        "notices to both co-owners of managed homes; each protected mother at her own (suppressed) address",
        pmap,
    )
    per = [ok] * len(recipients)
    per[leak_at] = {"expect": "block", "rules": ["suppressed_detail_exposed"]}
    r6 = write_run(
        cx,
        "R06",
        "mail-merge/co-owner-notices",
        data,
        letters(leak_at),
        per,
        f"letter {leak_at + 1} to co-owner {recipients[leak_at][1].cid} gives the suppressed address of "
        f"{recipients[leak_at][0].victim.cid}",
        pmap,
    )
    r5["twin"], r6["twin"] = "R06", "R05"
    return [r1, r2, r3, r4, r5, r6]
