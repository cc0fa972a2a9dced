"""Six ``dlp batch`` mail-merge runs, three clean: the tax-time reminder run (folder of PDFs) and the same run
with its rows shifted by one from letter 5; the BAS reminder print file (one merged PDF) and the same with an
unmerged field; the partnership and trust annual statements to each partner (folder of DOCX), and the same run
where the former partner's statement carries the protected partner's new address (merged from her row)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.corpora.tax import content, render
from tests.corpora.tax.kit import Corpus
from tests.corpora.tax.registry import Client

COLS = ["ClientCode", "Title", "FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "Office"]
MAP = {"reference": "ClientCode"}


def _row(c: Client) -> dict:
    return {
        "ClientCode": c.code,
        "Title": c.title,
        "FirstName": c.given,
        "Surname": c.family,
        "Address1": c.addr.street,
        "Suburb": c.addr.suburb.upper(),
        "State": c.addr.state,
        "Postcode": c.addr.postcode,
        "Office": "Wagga Wagga",
    }


def _csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode()


def _reminder(addressee: Client, about: Client, k: Corpus, salutation: str | None = None) -> render.Letter:
    doc = {
        "subject": "Tax time 2026 - book your appointment",
        "refs": [("Client code", about.code), ("Last lodged", "2025")],
        "body": [
            f"It's tax time again, {about.given}. Your 2025 return showed a refund of "
            f"{content.money(k.rng, 200, 3900)}; book before 31 July to keep your place.",
            "Book online through the portal or call 1300 658 214.",
        ],
    }
    return content.letter_for(addressee, doc, k.rng, window=(20.0, 48.0), salutation=salutation)


def _bas_letter(c: Client, k: Corpus, salutation: str | None = None) -> render.Letter:
    doc = {
        "subject": f"BAS reminder - quarter ending 31 March 2026 - {c.business}",
        "refs": [("Client code", c.code), ("ABN", content.fmt_abn(content.abn_of(c)))],
        "body": [
            "Please upload your March quarter bank statements and sales reports by 14 April so we can "
            "lodge your BAS by 28 April 2026."
        ],
    }
    return content.letter_for(c, doc, k.rng, name="initials", window=(22.0, 52.0), salutation=salutation)


def _write_folder(base: Path, letters: list[bytes], ext: str) -> None:
    (base / "letters").mkdir(parents=True, exist_ok=True)
    for i, data in enumerate(letters, 1):
        (base / "letters" / f"letter{i}{ext}").write_bytes(data)


def write(k: Corpus) -> list[dict]:
    out = k.out / "runs"
    runs: list[dict] = []
    reg = k.reg
    n = 8

    # R01 / R02: the tax-time reminder run, and the same run shifted from letter 5
    people = reg.singles[155 : 155 + n + 1]
    rows = [_row(c) for c in people[:n]]
    for rid, shift in (("R01", None), ("R02", 5)):
        base = out / rid
        base.mkdir(parents=True, exist_ok=True)
        (base / "data.csv").write_bytes(_csv(rows))
        letters = []
        for i, c in enumerate(people[:n], 1):
            about = people[i] if shift and i >= shift else c
            letters.append(render.pdf(_reminder(c, about, k)))
        _write_folder(base, letters, ".pdf")
        verdicts = [
            {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
            if shift and i >= shift
            else {"expect": "allow"}
            for i in range(1, n + 1)
        ]
        runs.append(
            {
                "id": rid,
                "channel": "batch",
                "category": "mail-merge/row-shift",
                "data": f"runs/{rid}/data.csv",
                "letters": f"runs/{rid}/letters/",
                "map": MAP,
                "per_letter": verdicts,
                "run_expect": "block" if shift else "allow",
                "twin": "R02" if rid == "R01" else "R01",
                "note": "reminder run, letters match their rows"
                if not shift
                else f"from letter {shift} each letter carries the next row's client code, name and refund",
            }
        )

    # R03 / R04: BAS reminders as one merged print file; R04 keeps a merge field in letter 3
    biz = [c for c in reg.business if c.addr.street[0].isdigit()][:6]
    for rid, bad in (("R03", None), ("R04", 3)):
        base = out / rid
        base.mkdir(parents=True, exist_ok=True)
        (base / "data.csv").write_bytes(_csv([_row(c) for c in biz]))
        letters = [_bas_letter(c, k, "Dear «GreetingLine»," if bad == i else None) for i, c in enumerate(biz, 1)]
        (base / "merged.pdf").write_bytes(render.pdf_many(letters))
        verdicts = [
            {"expect": "block", "rules": ["unmerged_field"]} if bad == i else {"expect": "allow"}
            for i in range(1, len(biz) + 1)
        ]
        runs.append(
            {
                "id": rid,
                "channel": "batch",
                "category": "mail-merge/unmerged-field",
                "data": f"runs/{rid}/data.csv",
                "letters": f"runs/{rid}/merged.pdf",
                "map": MAP,
                "per_letter": verdicts,
                "run_expect": "block" if bad else "allow",
                "twin": "R04" if rid == "R03" else "R03",
                "note": "BAS reminder print file" if not bad else f"letter {bad} kept «GreetingLine»",
            }
        )

    # R05 / R06: each partner's annual statement; in R06 the former partner's carries her new address
    pairs = [reg.couples[1], reg.couples[4]] + [(ex, v) for v, ex in reg.separated[8:10]]
    order = [c for p in pairs for c in p]
    for rid, leak in (("R05", False), ("R06", True)):
        base = out / rid
        base.mkdir(parents=True, exist_ok=True)
        (base / "data.csv").write_bytes(_csv([_row(c) for c in order]))
        letters, verdicts = [], []
        for a, b in pairs:
            for me, other in ((a, b), (b, a)):
                protected = bool(other.suppressed)
                separated = bool(other.suppressed or me.suppressed)
                if protected and leak:
                    addrs = (", ".join(me.addr.lines("mixed")), other.addr.line())
                elif separated:  # each former partner's address for notices is care of the practice
                    addrs = (", ".join(me.addr.lines("mixed")), "c/- Murray Plains Tax, PO Box 1187, Wagga Wagga")
                else:
                    addrs = (", ".join(me.addr.lines("mixed")), ", ".join(other.addr.lines("mixed")))
                doc = content.entity_statement(me, other, k.rng, addrs)
                letters.append(render.docx(content.letter_for(me, doc, k.rng)))
                if protected and leak:
                    verdicts.append(
                        {
                            "expect": "block",
                            "rules": ["suppressed_detail_exposed", "mismatched_recipient"],
                            "suppressed": True,
                        }
                    )
                else:
                    verdicts.append({"expect": "allow"})
        _write_folder(base, letters, ".docx")
        runs.append(
            {
                "id": rid,
                "channel": "batch",
                "category": "mail-merge/partner-statements",
                "data": f"runs/{rid}/data.csv",
                "letters": f"runs/{rid}/letters/",
                "map": MAP,
                "per_letter": verdicts,
                "run_expect": "block" if leak else "allow",
                "twin": "R06" if rid == "R05" else "R05",
                "note": "each partner's statement names the other partner's address for notices; a protected "
                "partner's is care of the practice"
                if not leak
                else "the former partners' statements give the protected partners' suppressed new addresses",
            }
        )
    return runs
