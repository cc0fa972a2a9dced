"""Mail-merge runs (channel "batch"): the billing system's data CSV and the merged letters, clean and broken."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from . import renderers as r
from .content import Ctx, addressee, day
from .registry import Client
from .renderers import Letter

MX, MR, SD, UF = "mixed_client_documents", "mismatched_recipient", "suppressed_detail_exposed", "unmerged_field"


@dataclass
class Run:
    variation: str
    data: bytes
    letters: list[tuple[str, bytes]]  # (file name, bytes); one entry named merged.pdf for a merged run
    per_letter: list[dict]
    note: str
    mapping: dict[str, str] = field(default_factory=dict)
    twin: Run | None = None
    id: str = ""

    @property
    def expect(self) -> str:
        return "block" if any(v["expect"] == "block" for v in self.per_letter) else "allow"


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    wr = csv.writer(out, lineterminator="\n")
    wr.writerow(header)
    wr.writerows(rows)
    return out.getvalue().encode()


def _people(ctx: Ctx, n: int) -> list[Client]:
    return [ctx.pick(("individual", "family", "hardship", "joint", "samename")) for _ in range(n)]


def _bill_rows(ctx: Ctx, people: list[Client]) -> list[list[str]]:
    rows = []
    for c in people:
        lines = c.address.lines(0)
        due = day(dt.date(2026, 3, 16) + dt.timedelta(days=ctx.rng.randint(0, 6)))
        rows.append(
            [
                c.account.replace(" ", ""),
                c.title,
                c.given,
                c.family,
                lines[0],
                c.address.suburb.upper(),
                c.address.state,
                c.address.postcode,
                ctx.money(),
                due,
            ]
        )
    return rows


BILL_HEADER = [
    "AccountNo",
    "Title",
    "FirstName",
    "Surname",
    "Address1",
    "Suburb",
    "State",
    "Postcode",
    "AmountDue",
    "DueDate",
]


def _bill_letter(row: list[str], content: list[str]) -> Letter:
    acct = f"{content[0][:4]} {content[0][4:7]} {content[0][7:]}"
    name = " ".join(x for x in row[1:4] if x)
    return Letter(
        recipient=[name, row[4], f"{row[5]} {row[6]} {row[7]}"],
        date="2 March 2026",
        title="Your March bill",
        greeting=f"Dear {row[2]},",
        paras=[
            f"Your bill for account {acct} is {content[8]}, due {content[9]}.",
            "Pay by BPAY, in the app or at any post office. Thank you for being with us.",
        ],
        summary=[("Account number", acct), ("Amount due", content[8]), ("Due date", content[9])],
    )


def bill_runs(ctx: Ctx) -> list[Run]:
    n = max(8, round(12 * ctx.scale))
    out = []
    rows_a = _bill_rows(ctx, _people(ctx, n))
    clean = Run(
        "mail-merge/bills-clean",
        _csv(BILL_HEADER, rows_a),
        [(f"letter{i + 1}.pdf", r.pdf(_bill_letter(row, row), "window")) for i, row in enumerate(rows_a)],
        [{"expect": "allow"} for _ in rows_a],
        f"{n} bills, each matching its row",
    )
    rows_b = _bill_rows(ctx, _people(ctx, n))
    start = 6  # letters 7.. carry the next row's account (the last wraps to letter 7's row)
    content = rows_b[:start] + rows_b[start + 1 :] + [rows_b[start]]
    shifted = Run(
        "mail-merge/bills-row-shift",
        _csv(BILL_HEADER, rows_b),
        [(f"letter{i + 1}.pdf", r.pdf(_bill_letter(row, content[i]), "window")) for i, row in enumerate(rows_b)],
        [{"expect": "allow"}] * start + [{"expect": "block", "rules": [MX, MR]}] * (n - start),
        f"rows shift by one from letter {start + 1}",
    )
    clean.twin, shifted.twin = shifted, clean
    out += [clean, shifted]
    return out


HARDSHIP_HEADER = [
    "AccountNo",
    "FirstName",
    "Surname",
    "Address1",
    "Suburb",
    "State",
    "Postcode",
    "Instalment",
    "StartDate",
]


def _hardship_letter(row: list[str], greet: str) -> bytes:
    acct = f"{row[0][:4]} {row[0][4:7]} {row[0][7:]}"
    return r.docx(
        Letter(
            recipient=[f"{row[1]} {row[2]}", row[3], f"{row[4]} {row[5]} {row[6]}"],
            date="3 March 2026",
            title="Your payment arrangement",
            greeting=greet,
            paras=[
                f"As agreed, you will pay {row[7]} each fortnight from {row[8]} towards account {acct}.",
                "While the arrangement is kept we will not charge late fees or restrict your services.",
                "Free, confidential help: National Debt Helpline 1800 007 007.",
            ],
            summary=[("Account number", acct)],
            sign="Financial Hardship Team, Tallowood Telecom",
        )
    )


def hardship_runs(ctx: Ctx) -> list[Run]:
    n = max(6, round(10 * ctx.scale))
    runs = []
    for broken in (False, True):
        people = _people(ctx, n)
        rows = [
            [
                c.account.replace(" ", ""),
                c.given,
                c.family,
                c.address.lines(0)[0],
                c.address.suburb,
                c.address.state,
                c.address.postcode,
                ctx.money(20, 60),
                day(dt.date(2026, 3, 20)),
            ]
            for c in people
        ]
        bad = {3, n - 2} if broken else set()
        letters = [
            (f"letter{i + 1}.docx", _hardship_letter(row, "Dear «FirstName»," if i in bad else f"Dear {row[1]},"))
            for i, row in enumerate(rows)
        ]
        per = [{"expect": "block", "rules": [UF]} if i in bad else {"expect": "allow"} for i in range(n)]
        runs.append(
            Run(
                "mail-merge/hardship-" + ("unmerged-greeting" if broken else "clean"),
                _csv(HARDSHIP_HEADER, rows),
                letters,
                per,
                "greeting field left unmerged in two letters" if broken else f"{n} arrangement letters",
            )
        )
    runs[0].twin, runs[1].twin = runs[1], runs[0]
    return runs


DELIVERY_HEADER = ["Acct No.", "Customer", "Street", "Town", "St", "PC", "Item", "Despatch"]
DELIVERY_MAP = {
    "reference": "Acct No.",
    "full_name": "Customer",
    "address_lines": "Street",
    "suburb": "Town",
    "state": "St",
    "postcode": "PC",
}


def _delivery_letter(row: list[str]) -> Letter:
    return Letter(
        recipient=[row[1], row[2], f"{row[3].upper()} {row[4]} {row[5]}"],
        date="4 March 2026",
        title="Your delivery is on its way",
        greeting=f"Dear {row[1].split()[0]},",
        paras=[
            f"Your {row[6]} for account {row[0]} was despatched on {row[7]} to the address above.",
            "Someone over 18 must sign for it. Track it in the Tallowood app.",
        ],
        summary=[("Account", row[0]), ("Item", row[6])],
    )


def delivery_runs(ctx: Ctx) -> list[Run]:
    n = max(6, round(10 * ctx.scale))
    runs = []
    for broken in (False, True):
        people = _people(ctx, n)
        rows = []
        for c in people:
            rows.append(
                [
                    c.account,
                    f"{c.given} {c.family}",
                    c.address.street_line(short=True),
                    c.address.suburb,
                    c.address.state,
                    c.address.postcode,
                    ctx.rng.choice(["replacement SIM", "handset", "modem"]),
                    "3 March 2026",
                ]
            )
        per: list[dict] = [{"expect": "allow"} for _ in rows]
        note = f"{n} delivery notices in one PDF"
        if broken:
            p = ctx.pick("protected")
            x = ctx.reg.by_id[p.partner]
            k = n // 2
            rows[k] = [
                x.account,
                f"{x.given} {x.family}",
                p.address.street_line(short=True),
                p.address.suburb,
                p.address.state,
                p.address.postcode,
                "handset",
                "3 March 2026",
            ]
            per[k] = {"expect": "block", "rules": [SD, MR]}
            note = (
                f"letter {k + 1}: a handset for {x.cid} sent to the suppressed address of {p.cid} (the old "
                "joint account's delivery address was overwritten)"
            )
        merged = r.pdf([_delivery_letter(row) for row in rows], "plain")
        runs.append(
            Run(
                "mail-merge/delivery-notices-" + ("suppressed-address" if broken else "clean"),
                _csv(DELIVERY_HEADER, rows),
                [("merged.pdf", merged)],
                per,
                note,
                dict(DELIVERY_MAP),
            )
        )
    runs[0].twin, runs[1].twin = runs[1], runs[0]
    return runs


def everything(ctx: Ctx) -> list[Run]:
    return bill_runs(ctx) + hardship_runs(ctx) + delivery_runs(ctx)


__all__ = ["Run", "everything", "addressee"]
