"""Mail-merge runs (channel "batch"): the print room's data CSV and the merged letters, a clean run beside each
faulty one."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from . import render, world
from .cases import MIXED, _adult, _open
from .content import Builder, addr_block, court_letter, release_letter
from .registry import Client
from .render import Letter


@dataclass
class Run:
    id: str
    category: str
    data: bytes
    letters: list[tuple[str, bytes]] | bytes  # files in a folder, or one merged PDF
    per_letter: list[dict]
    note: str
    map: dict[str, str] = field(default_factory=dict)
    twin: str = ""


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([header, *rows])
    return buf.getvalue().encode("utf-8")


def _people(b: Builder, n: int, pred) -> list[Client]:
    pool = [c for c in b.reg.clients if pred(c)]
    return b.rng.sample(pool, min(n, len(pool)))


def build_runs(b: Builder, scale: float) -> list[Run]:
    runs: list[Run] = []
    n = max(10, round(14 * scale))
    staff = ("Tamsin", "Boyle", "Victims Register Officer")

    # R01/R02: release notifications, one PDF per letter; the register-number column slips by one from letter 5.
    people = _people(b, n, lambda c: _adult(c) and bool(c.register_no))
    header = [
        "Title",
        "FirstName",
        "Surname",
        "Address1",
        "Address2",
        "Suburb",
        "State",
        "Postcode",
        "VictimRegNo",
        "LetterDate",
    ]
    rows = [
        [
            c.title,
            c.given,
            c.family,
            c.address.line1(short=True),
            "",
            c.address.suburb.upper(),
            world.STATE,
            c.address.postcode,
            c.register_no,
            "14 March 2025",
        ]
        for c in people
    ]
    base = [release_letter(b, c, addr_block(c, 0), staff) for c in people]
    for ltr in base:
        ltr.date = "14 March 2025"
    clean = [(f"letter{k + 1}.pdf", render.pdf_letter(ltr, "window")) for k, ltr in enumerate(base)]
    runs.append(
        Run(
            "R01",
            "mail-merge/notification-run",
            _csv(header, rows),
            clean,
            [{"expect": "allow"}] * len(people),
            "clean notification run",
            map={"reference": "VictimRegNo"},
        )
    )
    start = 4
    shifted = []
    for k, (c, ltr) in enumerate(zip(people, base, strict=True)):
        if k < start:
            shifted.append((f"letter{k + 1}.pdf", clean[k][1]))
            continue
        nxt = people[k + 1] if k + 1 < len(people) else people[start]
        s = Letter(**{**ltr.__dict__})
        s.refs = [("Register number", nxt.register_no)]
        s.paragraphs = [ltr.paragraphs[0].replace(c.register_no, nxt.register_no), *ltr.paragraphs[1:]]
        shifted.append((f"letter{k + 1}.pdf", render.pdf_letter(s, "window")))
    per = [{"expect": "allow"}] * start + [{"expect": "block", "rules": MIXED}] * (len(people) - start)
    runs.append(
        Run(
            "R02",
            "mail-merge/register-number-shift",
            _csv(header, rows),
            shifted,
            per,
            f"register numbers shift by one row from letter {start + 1}",
            map={"reference": "VictimRegNo"},
        )
    )

    # R03/R04: payment advice letters as DOCX, print-room column names that need a map; R04 leaves «FirstName».
    people = _people(b, n, lambda c: _adult(c) and bool(c.claim_no))
    header = [
        "Salutation",
        "Given Name",
        "Family Name",
        "Street",
        "Locality",
        "State",
        "PCode",
        "Claim Number",
        "Amount",
    ]
    amounts = [f"{b.rng.randint(150, 4000)}.00" for _ in people]
    rows = [
        [
            c.title,
            c.given,
            c.family,
            c.address.line1(),
            c.address.suburb,
            world.STATE,
            c.address.postcode,
            c.claim_no,
            amt,
        ]
        for c, amt in zip(people, amounts, strict=True)
    ]
    mp = {
        "given_name": "Given Name",
        "family_name": "Family Name",
        "address_lines": "Street",
        "suburb": "Locality",
        "postcode": "PCode",
        "reference": "Claim Number",
    }

    def advice(c: Client, amt: str, first: str) -> Letter:
        return Letter(
            [c.titled, *c.address.block(1)],
            "17 March 2025",
            "Payment advice - financial assistance",
            f"Dear {first}",
            [
                f"We have paid ${amt} on your application {c.claim_no}.",
                "Keep this letter for your records. No action is needed.",
            ],
            refs=[("Claim number", c.claim_no)],
            signoff=["Payments Team", world.ORG],
        )

    good = [
        (f"letter{k + 1}.docx", render.docx_letter(advice(c, amt, c.given)))
        for k, (c, amt) in enumerate(zip(people, amounts, strict=True))
    ]
    runs.append(
        Run(
            "R03",
            "mail-merge/payment-advice-run",
            _csv(header, rows),
            good,
            [{"expect": "allow"}] * len(people),
            "clean payment advice run",
            map=mp,
        )
    )
    bad_at = {2, 6}
    bad = [
        (name, render.docx_letter(advice(c, amt, "\u00abFirstName\u00bb")) if k in bad_at else data)
        for k, ((name, data), c, amt) in enumerate(zip(good, people, amounts, strict=True))
    ]
    per = [
        {"expect": "block", "rules": ["unmerged_field"]} if k in bad_at else {"expect": "allow"}
        for k in range(len(people))
    ]
    runs.append(
        Run(
            "R04",
            "mail-merge/unmerged-first-name",
            _csv(header, rows),
            bad,
            per,
            "letters 3 and 7 keep the FirstName field",
            map=mp,
        )
    )

    # R05/R06: court-support letters merged into one PDF; in R06 letter 4 takes letter 9's address lines.
    people = _people(b, n, lambda c: _adult(c) and _open(c, "postal_address") and not c.joint_with)
    header = [
        "CLIENT_TITLE",
        "CLIENT_FIRST",
        "CLIENT_LAST",
        "ADDR_LINE_1",
        "ADDR_LINE_2",
        "ADDR_SUBURB",
        "ADDR_STATE",
        "ADDR_PCODE",
        "FILE_REF",
    ]
    rows = [
        [
            c.title,
            c.given,
            c.family,
            c.address.line1(short=True),
            "",
            c.address.suburb,
            world.STATE,
            c.address.postcode,
            c.ref,
        ]
        for c in people
    ]
    mp = {
        "given_name": "CLIENT_FIRST",
        "family_name": "CLIENT_LAST",
        "address_lines": "ADDR_LINE_1,ADDR_LINE_2",
        "suburb": "ADDR_SUBURB",
        "state": "ADDR_STATE",
        "postcode": "ADDR_PCODE",
        "reference": "FILE_REF",
    }
    letters = [court_letter(b, c, addr_block(c, 0), staff) for c in people]
    for ltr, c in zip(letters, people, strict=True):
        ltr.refs = [("Our reference", c.ref)]
        ltr.date = "18 March 2025"
    runs.append(
        Run(
            "R05",
            "mail-merge/court-support-merged-pdf",
            _csv(header, rows),
            render.pdf_letters(letters, "sidepanel"),
            [{"expect": "allow"}] * len(people),
            "clean merged court-support run",
            map=mp,
        )
    )
    wrong = list(letters)
    w = Letter(**{**letters[3].__dict__})
    w.to_lines = [people[3].titled, *people[8].address.block(0)]
    wrong[3] = w
    per = [
        {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
        if k == 3
        else {"expect": "allow"}
        for k in range(len(people))
    ]
    runs.append(
        Run(
            "R06",
            "mail-merge/address-from-other-row",
            _csv(header, rows),
            render.pdf_letters(wrong, "sidepanel"),
            per,
            "letter 4 carries the address of row 9",
            map=mp,
        )
    )
    for x, y in (("R01", "R02"), ("R03", "R04"), ("R05", "R06")):
        rx = next(r for r in runs if r.id == x)
        ry = next(r for r in runs if r.id == y)
        rx.twin, ry.twin = y, x
    return runs
